"""The right pane of the review page: the structured record, every field linked to its lines.

Every piece of text goes through :func:`esc` (the one place text becomes markup); attribute
values are ours (numbers, ids, kinds validated by the model) or escaped with quotes.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from ..model import AttendeeGroup, Block, Bulletin, Date, Document, Paragraph, Point, Table
from ._reviewmap import Review

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
PREVIEW = 48
"""Characters of a block's text shown in the outline (the whole text is in the source pane)."""


def _control(match: re.Match[str]) -> str:
    char = match.group(0)
    shown = "\ufffd" if char == "\x00" else char  # HTML turns NUL into U+FFFD anyway: say so
    return f'<span class="cc" data-cp="U+{ord(char):04X}">{shown}</span>'


def esc(text: str) -> str:
    """Escape *text* for HTML text or a quoted attribute; control characters are made visible."""
    escaped = html.escape(text, quote=True)
    return _CONTROL.sub(_control, escaped) if _CONTROL.search(escaped) else escaped


def attr(text: str) -> str:
    """Escape *text* for a quoted attribute value (control characters become spaces)."""
    return html.escape(_CONTROL.sub(" ", text), quote=True)


def spec(ranges: Iterable[tuple[int, int]]) -> str:
    """Return a ``data-lines`` value: ``"7-7 9-11"``."""
    return " ".join(f"{a}-{b}" for a, b in ranges)


def _lines_label(a: int, b: int) -> str:
    return f'<span class="lines">{a}{"" if a == b else f"–{b}"}</span>'


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return esc(flat if len(flat) <= PREVIEW else flat[:PREVIEW] + "…")


def field(
    tag: str, lines: Sequence[tuple[int, int]], inner: str, cls: str = "", extra: str = "", *, label: bool = True
) -> str:
    """Return a clickable element that marks *lines* in the source pane (labelled with them)."""
    if not lines:
        return f'<{tag} class="{cls}"{extra}>{inner}</{tag}>'
    shown = _lines_label(lines[0][0], lines[-1][1]) if label else ""
    return f'<{tag} class="field {cls}" data-lines="{spec(lines)}" tabindex="0"{extra}>{inner}{shown}</{tag}>'


def _date(date: Date | None) -> str:
    if date is None:
        return ""
    parts = [esc(date.text)]
    if date.iso:
        parts.append(f'<span class="role">{esc(date.iso)}{" (year inferred)" if date.year_inferred else ""}</span>')
    return " ".join(parts)


def _dl(rows: Iterable[tuple[str, str]]) -> str:
    body = "".join(f"<dt>{esc(label)}</dt><dd>{value}</dd>" for label, value in rows if value)
    return f"<dl>{body}</dl>" if body else ""


def _headline(bulletin: Bulletin) -> str:
    headline = bulletin.headline
    if headline is None:
        return ""
    items = []
    for number, text in zip(headline.line_numbers, headline.lines, strict=False):
        role = "kicker" if text == headline.kicker else "subtitle" if text in headline.subtitles else "title"
        items.append(field("li", [(number, number)], f'<span class="role">{role}</span> {esc(text)}'))
    return f'<h3>headline</h3><ol class="list">{"".join(items)}</ol>'


def _group_lines(review: Review, key: str) -> dict[int, int]:
    """Line of each highlighted name of group *key* (by position in the group)."""
    found: dict[int, int] = {}
    for mark in review.marks:
        if mark.kind == "name" and mark.group == key:
            found.setdefault(mark.number, review.line_of(mark.start))
    return found


def _attendees(bulletin: Bulletin, review: Review, fallback: Sequence[int | None]) -> str:
    if not bulletin.attendees:
        return ""
    items = []
    for number, (group, line) in enumerate(zip(bulletin.attendees, fallback, strict=True), 1):
        key = f"{bulletin.id}-g{number}"
        items.append(_group(group, key, _group_lines(review, key), line))
    return f'<h3>attendees</h3><ol class="groups">{"".join(items)}</ol>'


def _group(group: AttendeeGroup, key: str, lines: dict[int, int], line: int | None) -> str:
    people = []
    for k, name in enumerate(group.names, 1):
        role = group.roles[k - 1] if k <= len(group.roles) else group.role
        at = lines.get(k, line)
        extra = f' data-g="{key}" data-n="{k}"' + (f' title="{attr(role)}"' if role else "")
        people.append(field("span", [(at, at)] if at else [], esc(name), "person", extra, label=False))
    rows = sorted(set(lines.values()) | ({line} if line and not lines else set()))
    head = f'<span class="verb">{esc(group.verb)}</span>' + (
        f' <span class="role">{esc(group.role)}</span>' if group.role else ""
    )
    return field("li", [(n, n) for n in rows], f"{head}<br>{'、'.join(people)}", "", f' data-g="{key}"')


def _grid(table: Table) -> str:
    """A table as a grid: header cells as ``th``, spans kept."""
    rows = []
    for row in table.rows:
        cells = []
        for cell in row.cells:
            tag = "th" if cell.header else "td"
            span = (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "") + (
                f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else ""
            )
            cells.append(f"<{tag}{span}>{_preview(cell.text)}</{tag}>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f'<table class="grid">{"".join(rows)}</table>'


def _block(block: Block) -> str:
    lines = [block.lines]
    if isinstance(block, Point):
        inner = (
            f'<span class="marker">{esc(block.marker)}</span>{_preview(block.text)}'
            f' <span class="role">level {block.level} · style {esc(block.style)} · no. {block.number}</span>'
        )
        children = "".join(_block(child) for child in block.children)
        nested = f'<ol class="outline">{children}</ol>' if children else ""
        return field("li", lines, inner) + nested
    if isinstance(block, Table):
        return field("li", lines, f'<span class="kind">table</span>{_grid(block)}')
    inner = f'<span class="kind">{block.type}</span>{_preview(block.text)}'
    if isinstance(block, Paragraph) and block.enumeration:
        items = "".join(
            f'<li><span class="marker">{esc(i.marker)}</span>{_preview(i.text)}</li>' for i in block.enumeration
        )
        inner += f'<ol class="outline">{items}</ol>'
    return field("li", lines, inner)


LOW = 0.8
"""Below this a confidence is flagged (the batch index's threshold too)."""


def _confidence(b: Bulletin) -> str:
    """The bulletin's confidence, flagged when low, and its parts' (bulletins.confidence)."""

    def one(value: float) -> str:
        low = " low" if value < LOW else ""
        return f'<span class="confidence{low}">{value:.2f}{" ⚑" if low else ""}</span>'

    parts = [
        (name, part.confidence)
        for name, part in (("headline", b.headline), ("dateline", b.dateline), ("closing", b.closing))
        if part is not None and part.confidence is not None
    ]
    groups = [g.confidence for g in b.attendees if g.confidence is not None]
    if groups:
        parts.append(("attendees, lowest", min(groups)))
    detail = " · ".join(f"{esc(name)} {one(value)}" for name, value in parts)
    assert b.confidence is not None
    return one(b.confidence) + (f" ({detail})" if detail else "")


def bulletin_section(bulletin: Bulletin, review: Review, group_lines: Sequence[int | None]) -> str:
    """Return the record of one bulletin."""
    b = bulletin
    title = b.headline.title if b.headline is not None and b.headline.title else "(no headline)"
    head = field(
        "h2",
        [b.lines],
        f'{esc(b.id)} · <span class="genre">{esc(b.genre)}</span><span class="title">{esc(title)}</span>',
    )
    rows: list[tuple[str, str]] = [("section", esc(b.section) if b.section else "")]
    if b.confidence is not None:
        rows.insert(0, ("confidence", _confidence(b)))
    if b.dateline is not None:
        d = b.dateline
        detail = _dl([("agency", esc(d.agency or "")), ("place", esc(d.place or "")), ("date", _date(d.date))])
        rows.append(("dateline", field("div", [(d.line, d.line)], esc(d.text) + detail)))
    if b.byline:
        lines = [(s.line, s.line) for s in b.byline_lines] or ([(b.dateline.line,) * 2] if b.dateline else [])
        rows.append(("byline", field("div", lines, esc("、".join(b.byline)))))
    for credit in b.credits:
        names = esc("、".join(credit.names)) if credit.names else esc(credit.text)
        inner = f'<span class="role">{esc(credit.role)}</span> {names}'
        rows.append(("credit", field("div", [(credit.line, credit.line)], inner)))
    if b.speech is not None:
        s = b.speech
        detail = _dl(
            [("speaker", esc(s.speaker or "")), ("date", _date(s.date)), ("salutation", esc(s.salutation or ""))]
        )
        rows.append(("speech", field("div", [(x.line, x.line) for x in s.source_lines], detail)))
    for element in b.notice_elements:
        rows.append((element.kind, field("div", [element.lines], _preview(element.text))))
    if b.closing is not None:
        c = b.closing
        detail = _dl([("issuer", esc(c.issuer or "")), ("date", _date(c.date))])
        rows.append(("closing", field("div", [(x.line, x.line) for x in c.source_lines], detail)))
    body = "".join(_block(block) for block in b.body)
    parts = [
        head,
        _dl(rows),
        _headline(b),
        _attendees(b, review, group_lines),
        f'<h3>body</h3><ol class="outline">{body}</ol>' if body else "",
    ]
    return f'<section class="bulletin" id="{attr(b.id)}">{"".join(parts)}</section>'


def document_tail(document: Document) -> str:
    """Return the residue and diagnostics lists."""
    out = []
    if document.residue:
        items = "".join(
            field("li", [r.lines], f'<span class="kind">{esc(r.kind)}</span>{_preview(r.text)}')
            for r in document.residue
        )
        out.append(f'<h3>residue</h3><ol class="list residue">{items}</ol>')
    if document.diagnostics:
        notes = []
        for d in document.diagnostics:
            text = f'<span class="level-{attr(d.level)}">{esc(d.level)}</span> <b>{esc(d.code)}</b> {esc(d.message)}'
            if d.line is not None:
                notes.append(field("li", [(d.line, d.line)], f'<a href="#L{d.line}">{text}</a>'))
            else:
                notes.append(f"<li>{text}</li>")
        out.append(f'<h3 id="diagnostics">diagnostics</h3><ol class="list diag">{"".join(notes)}</ol>')
    return "".join(out)
