"""Chunks for retrieval: bulletins cut into pieces that never cross a bulletin (``--to chunks``).

A retrieval pipeline (LangChain, LlamaIndex, a vector store) wants pieces of a few hundred
characters, each able to say where it stands. :func:`chunks` gives one chunk per paragraph
and one per run of numbered points, each with its breadcrumb (headline › 一、… › （一）…) and
the bulletin's date, issuer, agency, genre and 发文字号, so a hit can be cited. Every character
of every bulletin's body is in exactly one chunk, in order (whitespace aside: a long paragraph
split at a sentence end loses nothing but the split). See docs/chunks.md.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, ClassVar

import attrs
from attrs import frozen

from .._files import temp_beside
from ..errors import ExportError
from ..model import Block, Bulletin, Date, Document, Point, Subhead
from .json import dumps

MAX_CHARS = 600
"""Default largest chunk, in characters (about 400–900 tokens of Chinese for common tokenizers)."""

SEPARATOR = " › "
"""How the docs and the examples join a breadcrumb into one string."""

# Where a long text may be split: after a sentence end and any closing quotes or brackets, or
# after a newline (a table's row, a subhead's line).
_SENTENCE_END = re.compile(r"[。！？!?；;…]+[”’」』）)》〉\]]*|\n")
# A point's breadcrumb label ends at its first sentence or clause end (一、总体要求。… → 一、总体要求).
_LABEL_END = re.compile(r"[。！？!?；;：:]")
_SPACES = re.compile(r"\s+")
_LABEL_CHARS = 40


@frozen(kw_only=True)
class Chunk:
    """A retrieval-sized piece of one bulletin's body, with the metadata needed to cite it."""

    id: str
    """Unique in a corpus: ``<source>#<bulletin>/<number>``."""
    source: str | None
    """The document's source name (in a batch: the path relative to the folder argument)."""
    bulletin: str
    """The bulletin's id in its document (``b1`` …)."""
    number: int
    """Position of the chunk in its bulletin, counting from 1."""
    kind: str
    """Type of the chunk's main block: ``paragraph``, ``point`` (a run of points), ``subhead``, ``caption``
    or ``table`` (its rows, cells separated by tabs)."""
    breadcrumb: tuple[str, ...]
    """Headline title, then the subhead and the enclosing points (marker and their label) above the text."""
    title: str | None
    """The headline's title (None for a headless bulletin)."""
    date: str | None
    """The bulletin's date, ISO (``YYYY-MM-DD`` or ``--MM-DD``): the dateline's, else the closing's, else the
    speech's; None when none is printed."""
    issuer: str | None
    """落款 issuer (several separated by newlines), None when the bulletin has no closing issuer."""
    agency: str | None
    """The dateline's agency (新华社, 本报 …), None when there is no dateline."""
    genre: str
    """The bulletin's genre (dispatch, notice, readout, speech, digest, article, unknown)."""
    doc_number: str | None
    """发文字号, e.g. ``国办发〔2020〕6号``."""
    section: str | None
    """Compilation heading covering the bulletin, if any."""
    lines: tuple[int, int]
    """First and last source line of the text."""
    text: str
    """The text: the blocks' texts (a point with its marker) joined with newlines."""

    def as_dict(self) -> dict[str, object]:
        """Return the chunk as a JSON-ready dict (tuples become lists)."""
        out = {a.name: getattr(self, a.name) for a in attrs.fields(Chunk)}
        out["breadcrumb"] = list(self.breadcrumb)
        out["lines"] = list(self.lines)
        return out


@frozen
class _Piece:
    text: str
    lines: tuple[int, int]
    kind: str


def bulletin_date(bulletin: Bulletin) -> Date | None:
    """Return the bulletin's own date: the dateline's, else the closing's (落款), else the speech's."""
    for date in (
        bulletin.dateline.date if bulletin.dateline is not None else None,
        bulletin.closing.date if bulletin.closing is not None else None,
        bulletin.speech.date if bulletin.speech is not None else None,
    ):
        if date is not None:
            return date
    return None


def _label(point: Point) -> str:
    """The breadcrumb label of *point*: its marker and text up to the first sentence or clause end."""
    text = _SPACES.sub(" ", point.text).strip()
    found = _LABEL_END.search(text)
    if found is not None:
        text = text[: found.start()]
    if len(text) > _LABEL_CHARS:
        text = text[:_LABEL_CHARS] + "…"
    return point.marker + text


def split_text(text: str, max_chars: int) -> list[str]:
    """Split *text* into parts of at most *max_chars*, at sentence ends and line ends where possible.

    Concatenating the parts gives *text* back exactly. A sentence longer than *max_chars* is cut
    at *max_chars*.
    """
    if len(text) <= max_chars:
        return [text]
    sentences: list[str] = []
    start = 0
    for end in _SENTENCE_END.finditer(text):
        sentences.append(text[start : end.end()])
        start = end.end()
    if start < len(text):
        sentences.append(text[start:])
    parts: list[str] = []
    current = ""
    for sentence in sentences:
        if len(current) + len(sentence) <= max_chars:
            current += sentence
            continue
        if current:
            parts.append(current)
        while len(sentence) > max_chars:
            parts.append(sentence[:max_chars])
            sentence = sentence[max_chars:]
        current = sentence
    if current:
        parts.append(current)
    return parts


def _pieces(block: Block) -> Iterator[_Piece]:
    """Every text of *block* and its descendants, depth-first (a point's marker with its text)."""
    if isinstance(block, Point):
        yield _Piece(block.marker + block.text, block.lines, "point")
        for child in block.children:
            yield from _pieces(child)
    else:
        yield _Piece(block.text, block.lines, block.type)


def _size(pieces: Sequence[_Piece]) -> int:
    """Length of *pieces* joined with newlines."""
    return sum(len(p.text) for p in pieces) + max(len(pieces) - 1, 0)


class _Packer:
    """Walks one bulletin's body and collects its chunks as (breadcrumb, pieces) pairs."""

    def __init__(self, max_chars: int) -> None:
        self.max_chars = max_chars
        self.out: list[tuple[tuple[str, ...], str, list[_Piece]]] = []
        self.heads: list[_Piece] = []  # a subhead or a long point's own text, waiting for what follows it
        self.head_crumbs: tuple[str, ...] = ()

    def emit(self, crumbs: tuple[str, ...], kind: str, pieces: list[_Piece]) -> None:
        """Add a chunk of *pieces* (already within the limit), after any waiting heads that fit with it."""
        pieces = [p for p in pieces if p.text.strip()]
        if not pieces:
            return
        if self.heads:
            heads, self.heads = self.heads, []
            if _size([*heads, *pieces]) <= self.max_chars:
                pieces = [*heads, *pieces]
            else:
                self.flush_heads(heads)
        self.out.append((crumbs, kind, pieces))

    def flush_heads(self, heads: list[_Piece] | None = None) -> None:
        """Emit waiting heads as chunks of their own (nothing followed them, or it did not fit)."""
        if heads is None:
            heads, self.heads = self.heads, []
        run: list[_Piece] = []
        for head in heads:
            if run and _size([*run, head]) > self.max_chars:
                self.out.append((self.head_crumbs, run[0].kind, run))
                run = []
            for part in split_text(head.text, self.max_chars):
                if run and _size([*run, _Piece(part, head.lines, head.kind)]) > self.max_chars:
                    self.out.append((self.head_crumbs, run[0].kind, run))
                    run = []
                run.append(_Piece(part, head.lines, head.kind))
        if run:
            self.out.append((self.head_crumbs, run[0].kind, run))

    def wait(self, crumbs: tuple[str, ...], piece: _Piece) -> None:
        """Hold a heading's text so that it opens the next chunk."""
        if not piece.text.strip():
            return
        if not self.heads:
            self.head_crumbs = crumbs
        self.heads.append(piece)

    def long(self, crumbs: tuple[str, ...], piece: _Piece, label: str | None = None) -> None:
        """Emit one block's text, split at sentence ends when it is longer than the limit.

        The parts after the first of a point's text carry its *label* in their breadcrumb.
        """
        for index, part in enumerate(split_text(piece.text, self.max_chars)):
            where = (*crumbs, label) if index and label is not None else crumbs
            self.emit(where, piece.kind, [_Piece(part, piece.lines, piece.kind)])

    def blocks(self, blocks: Sequence[Block], crumbs: tuple[str, ...]) -> None:
        """Chunk sibling *blocks* under *crumbs*: paragraphs alone, consecutive points packed in runs."""
        run: list[_Piece] = []
        local = crumbs
        for block in blocks:
            if isinstance(block, Point):
                pieces = [p for p in _pieces(block) if p.text.strip()]
                if run and _size([*run, *pieces]) > self.max_chars:
                    self.emit(local, "point", run)
                    run = []
                if _size(pieces) <= self.max_chars:
                    run.extend(pieces)
                    continue
                # Too long for one chunk: the point's own text heads its children's chunks.
                own = _Piece(block.marker + block.text, block.lines, "point")
                label = _label(block)
                if len(own.text) <= self.max_chars:
                    self.wait(local, own)
                else:
                    self.long(local, own, label)
                self.blocks(block.children, (*local, label))
                continue
            if run:
                self.emit(local, "point", run)
                run = []
            if isinstance(block, Subhead):
                local = (*crumbs, _SPACES.sub(" ", block.text).strip())
                piece = _Piece(block.text, block.lines, "subhead")
                if len(piece.text) <= self.max_chars:
                    self.wait(local, piece)
                else:
                    self.long(local, piece)
                continue
            self.long(local, _Piece(block.text, block.lines, block.type))
        if run:
            self.emit(local, "point", run)


def bulletin_chunks(bulletin: Bulletin, *, source: str | None = None, max_chars: int = MAX_CHARS) -> list[Chunk]:
    """Return the chunks of one bulletin (see :func:`chunks`)."""
    if max_chars < 1:
        raise ExportError(f"max_chars must be at least 1, got {max_chars}")
    title = bulletin.headline.title if bulletin.headline is not None else None
    packer = _Packer(max_chars)
    packer.blocks(bulletin.body, (title,) if title else ())
    packer.flush_heads()
    date = bulletin_date(bulletin)
    out: list[Chunk] = []
    for number, (crumbs, kind, pieces) in enumerate(packer.out, 1):
        out.append(
            Chunk(
                id=f"{source or ''}#{bulletin.id}/{number}",
                source=source,
                bulletin=bulletin.id,
                number=number,
                kind=kind,
                breadcrumb=crumbs,
                title=title,
                date=date.iso if date is not None else None,
                issuer=bulletin.closing.issuer if bulletin.closing is not None else None,
                agency=bulletin.dateline.agency if bulletin.dateline is not None else None,
                genre=bulletin.genre,
                doc_number=bulletin.doc_number,
                section=bulletin.section,
                lines=(min(p.lines[0] for p in pieces), max(p.lines[1] for p in pieces)),
                text="\n".join(p.text for p in pieces),
            )
        )
    return out


def chunks(documents: Document | Iterable[Document], *, max_chars: int = MAX_CHARS) -> list[Chunk]:
    """Cut the bulletins of *documents* into retrieval-sized chunks.

    One chunk per paragraph (a subhead, or the text of a point too long to share a chunk with
    its children, opens the chunk that follows it), one per run of consecutive points that fits
    in *max_chars*; a longer point gives its children their own chunks under its label. Text
    longer than *max_chars* is split at sentence ends (。！？；…) and line ends (a table's rows),
    a sentence longer than that at *max_chars*. A chunk never crosses a bulletin. Only the body
    is chunked: the headline is in every chunk's breadcrumb, the date, issuer and 发文字号 in its
    fields.

    Args:
        documents: A parsed document, or several (chunks follow their order).
        max_chars: Largest chunk text, in characters (newlines between blocks count).

    Returns:
        The chunks, in source order.

    Raises:
        ExportError: *max_chars* is less than 1.

    Example:
        >>> [c.breadcrumb for c in bulletins.chunks(doc)]                 # doctest: +SKIP
        [('关于…的通知', '一、总体要求'), …]
    """
    docs = [documents] if isinstance(documents, Document) else documents
    return [
        chunk
        for document in docs
        for bulletin in document.bulletins
        for chunk in bulletin_chunks(bulletin, source=document.source.name, max_chars=max_chars)
    ]


class ChunksExporter:
    """Chunks for retrieval as JSON Lines, one chunk a line (one file for a batch with ``-o FILE.jsonl``)."""

    name: ClassVar[str] = "chunks"
    suffix: ClassVar[str] = ".chunks.jsonl"
    collection_suffixes: ClassVar[tuple[str, ...]] = (".jsonl",)

    def __init__(self, *, max_chars: int = MAX_CHARS) -> None:
        """Configure the chunks.

        Args:
            max_chars: Largest chunk text, in characters (``--option max_chars=1000``).

        Raises:
            ExportError: *max_chars* is not a whole number of at least 1.
        """
        if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1:
            raise ExportError(f"chunks: max_chars must be a whole number of at least 1, got {max_chars!r}")
        self.max_chars = max_chars

    def export(self, document: Document) -> str:
        """Return the chunks of *document* as JSON Lines."""
        return "".join(dumps(c.as_dict()) + "\n" for c in chunks(document, max_chars=self.max_chars))

    def open_collection(self, target: Path) -> ChunkFile:
        """Start one JSON Lines file of chunks for a whole batch."""
        return ChunkFile(target, self)


class ChunkFile:
    """The chunks of a whole batch, written to a temporary file and renamed into place on commit."""

    def __init__(self, target: Path, exporter: ChunksExporter) -> None:
        """Open the file (see :meth:`ChunksExporter.open_collection`)."""
        self.target = target
        self.exporter = exporter
        fd, self._tmp = temp_beside(target)
        self._handle: IO[str] = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def held(self, source: str) -> str | None:
        """Return None: the file is written whole on every run."""
        return None

    def add(self, source: str, sha256: str, documents: Sequence[Document]) -> None:
        """Append the chunks of *documents*."""
        for document in documents:
            self._handle.write(self.exporter.export(document))

    def commit(self) -> None:
        """Put the file in place (the previous one stays whole until then)."""
        self._handle.close()
        os.replace(self._tmp, self.target)

    def abort(self) -> None:
        """Remove the temporary file; the previous output, if any, stays."""
        self._handle.close()
        Path(self._tmp).unlink(missing_ok=True)
