"""What each source character became: text holders aligned to the source, names and markers placed.

The review page shows the source lines coloured by the field that holds each character. The
holders come from :func:`bulletins.model.held_texts` (the *nothing is lost* list, with the kind
of field each one is), so every field that holds text, including ones added later, is placed.
Sorted by position, the holders' non-whitespace characters are the source's (DESIGN §3), so
one forward pass over the source places them all. A holder that does not match (a caller's
own cleaners, ``script="simplified"`` output beside Traditional source) colours its lines
instead, and its characters are not claimed.
"""

from __future__ import annotations

import bisect

from attrs import frozen

from ..model import AttendeeGroup, Block, Bulletin, Document, HeldText, Point, held_texts, iter_blocks
from ..script import shadow


@frozen(kw_only=True)
class Holder:
    """One text holder placed in the source."""

    index: int
    """Position in source order (the page's ``h<index>``)."""
    kind: str
    """headline, dateline, byline, credit, notice, speech, paragraph, point, subhead, caption,
    closing, residue, or ``text`` for a holder this module has no name for."""
    detail: str
    """Level of a point (``1``…), kind of a residue or notice element, else empty."""
    lines: tuple[int, int]
    """First and last source line."""
    text: str
    """The held text."""
    bulletin: str | None
    """Id of the bulletin it belongs to, None for residue."""
    pieces: tuple[tuple[int, int, int], ...] = ()
    """``(text offset, source offset, length)`` runs where the text was found; empty when not."""

    def to_source(self, start: int, end: int) -> list[tuple[int, int]]:
        """Return the source spans of the held text's characters ``start:end``."""
        spans = []
        for text_at, source_at, length in self.pieces:
            lo, hi = max(start, text_at), min(end, text_at + length)
            if lo < hi:
                spans.append((source_at + lo - text_at, source_at + hi - text_at))
        return spans


@frozen(kw_only=True)
class Mark:
    """A span of the source to highlight in place: an attendee's name or a marker."""

    start: int
    """Source offset."""
    end: int
    """Source offset (exclusive)."""
    kind: str
    """``name``, ``enum`` (inline enumeration marker) or ``marker`` (a point's marker)."""
    group: str = ""
    """``b1-g3``: bulletin and attendee group of a name."""
    number: int = 0
    """Position of the name in its group, from 1."""
    title: str = ""
    """Tooltip: verb and role of a name."""


@frozen(kw_only=True)
class Review:
    """A document placed over its source lines."""

    lines: tuple[str, ...]
    """The source lines (after cleaning), 1-based through ``lines[n - 1]``."""
    starts: tuple[int, ...]
    """Source offset of each line."""
    holders: tuple[Holder, ...]
    """Every holder, in source order."""
    marks: tuple[Mark, ...]
    """Highlights, sorted and disjoint."""
    rebuilt: bool
    """True when no source text was given and the lines were rebuilt from the holders."""

    def line_of(self, offset: int) -> int:
        """Return the 1-based line holding source *offset*."""
        return bisect.bisect_right(self.starts, offset)


def _sorted(document: Document) -> list[HeldText]:
    """The document's holders in source order (a stable sort on line, then order)."""
    return sorted(held_texts(document), key=lambda h: (h.line, h.order))


def rebuild_source(document: Document) -> str:
    """Return source lines rebuilt from the holders alone (no source text given).

    Holders joined with newlines (residue, subheads, notice elements) go back onto their lines;
    a re-joined wrapped paragraph stands on its first line; lines holding nothing are blank.
    """
    rows: dict[int, list[str]] = {}
    last = max([b.lines[1] for b in document.bulletins] + [r.lines[1] for r in document.residue] + [1])
    for held in _sorted(document):
        line, text, lines = held.line, held.text, held.lines
        parts = text.split("\n")
        if len(parts) != lines[1] - lines[0] + 1:
            parts = [text.replace("\n", " ")]
        for k, part in enumerate(parts):
            rows.setdefault(line + k, []).append(part)
            last = max(last, line + k)
    return "\n".join(" ".join(rows.get(n, [])) for n in range(1, last + 1))


def _place(text: str, source: str, source_shadow: str, at: int) -> list[tuple[int, int, int]] | None:
    """Find *text*'s non-whitespace characters in order from *at*; None at the first mismatch."""
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    p = at
    while p < len(source) and source[p].isspace():
        p += 1
    if source.startswith(stripped, p):  # the usual case: the holder is a verbatim slice
        return [(lead, p, len(stripped))]
    text_shadow = shadow(text)
    pieces: list[tuple[int, int, int]] = []
    for i, char in enumerate(text):
        if char.isspace():
            continue
        while p < len(source) and source[p].isspace():
            p += 1
        if p >= len(source) or (source[p] != char and source_shadow[p] != text_shadow[i]):
            return None
        if pieces and pieces[-1][0] + pieces[-1][2] == i and pieces[-1][1] + pieces[-1][2] == p:
            text_at, source_at, length = pieces[-1]
            pieces[-1] = (text_at, source_at, length + 1)
        else:
            pieces.append((i, p, 1))
        p += 1
    return pieces


_Index = dict[tuple[str | None, str, int], Holder]
"""Holders by (bulletin id, ``headline`` or ``block`` or kind, first line)."""


def _marks(document: Document, holders: _Index) -> list[Mark]:
    """Names of attendee groups, enumeration and point markers, as source spans."""
    marks: list[Mark] = []
    for bulletin in document.bulletins:
        blocks = list(iter_blocks(bulletin.body))
        for block in blocks:
            holder = holders.get((bulletin.id, "block", block.lines[0]))
            if holder is None:
                continue
            if isinstance(block, Point):
                marks += [Mark(start=a, end=b, kind="marker") for a, b in holder.to_source(0, len(block.marker))]
            elif block.type == "paragraph":
                at = 0
                for item in block.enumeration:
                    found = block.text.find(item.marker, at)
                    if found < 0:
                        break
                    at = found + len(item.marker)
                    marks += [Mark(start=a, end=b, kind="enum") for a, b in holder.to_source(found, at)]
        for number, group in enumerate(bulletin.attendees, 1):
            marks += _name_marks(bulletin, blocks, group, f"{bulletin.id}-g{number}", holders)
    marks.sort(key=lambda m: (m.start, m.end))
    disjoint: list[Mark] = []
    for mark in marks:  # a name inside a marker (or twice) is shown once
        if not disjoint or mark.start >= disjoint[-1].end:
            disjoint.append(mark)
    return disjoint


def _name_marks(bulletin: Bulletin, blocks: list[Block], group: AttendeeGroup, key: str, holders: _Index) -> list[Mark]:
    """The names of one group, found in order inside its sentence."""
    where = group.where
    if where is None:
        return []
    # The sentence as (holder, offset of the piece in the holder's text, piece).
    pieces: list[tuple[Holder, int, str]] = []
    if where.block == "headline" and bulletin.headline is not None:
        at = 0  # offsets count in the headline lines joined with newlines
        for number, line in zip(bulletin.headline.line_numbers, bulletin.headline.lines, strict=False):
            holder = holders.get((bulletin.id, "headline", number))
            lo, hi = max(where.start, at), min(where.end, at + len(line))
            if holder is not None and lo < hi:
                pieces.append((holder, lo - at, line[lo - at : hi - at]))
            at += len(line) + 1
    else:
        index = where.block.partition("/")[2]
        if not index.isdigit() or int(index) >= len(blocks):
            return []
        block = blocks[int(index)]
        holder = holders.get((bulletin.id, "block", block.lines[0]))
        if holder is None:
            return []
        shift = len(block.marker) if isinstance(block, Point) else 0  # the holder is marker + text
        pieces = [(holder, shift + where.start, block.text[where.start : where.end])]
    marks: list[Mark] = []
    number = 0
    for holder, offset, text in pieces:
        at = 0
        for name in group.names[number:]:
            found = text.find(name, at)
            if found < 0:
                break
            number += 1
            at = found + len(name)
            role = group.roles[number - 1] if number <= len(group.roles) else group.role
            title = group.verb + (f" · {role}" if role else "")
            for a, b in holder.to_source(offset + found, offset + at):
                marks.append(Mark(start=a, end=b, kind="name", group=key, number=number, title=title))
    return marks


def review(document: Document, source: str | None = None) -> Review:
    """Place *document*'s holders over *source* (the cleaned text), or over lines rebuilt from them."""
    rebuilt = source is None
    text = rebuild_source(document) if source is None else source
    lines = text.split("\n")
    starts = [0]
    for row in lines[:-1]:
        starts.append(starts[-1] + len(row) + 1)
    source_shadow = shadow(text)
    placed: list[Holder] = []
    cursor = 0
    for index, holder in enumerate(_sorted(document)):
        line, held, kind, detail, span, bulletin = (
            holder.line, holder.text, holder.kind, holder.detail, holder.lines, holder.bulletin,
        )  # fmt: skip
        at = max(cursor, starts[line - 1]) if line <= len(starts) else len(text)
        pieces = _place(held, text, source_shadow, at) if held.strip() else []
        if pieces:
            _, source_at, length = pieces[-1]
            cursor = source_at + length
            span = (span[0], max(span[1], bisect.bisect_right(starts, cursor - 1)))
        placed.append(
            Holder(
                index=index,
                kind=kind,
                detail=detail,
                lines=span,
                text=held,
                bulletin=bulletin,
                pieces=tuple(pieces or ()),
            )
        )
    by_key = {(h.bulletin, "block" if h.kind in _BLOCKS else h.kind, h.lines[0]): h for h in placed}
    return Review(
        lines=tuple(lines),
        starts=tuple(starts),
        holders=tuple(placed),
        marks=tuple(_marks(document, by_key)),
        rebuilt=rebuilt,
    )


_BLOCKS = frozenset({"paragraph", "point", "subhead", "caption", "table"})
