"""Run the pipeline: read (decode, or a reader) → clean → shadow → lex → parse → build (DESIGN §2).

With the CLI, the only module that touches files.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Literal, cast

import attrs
from lark.exceptions import LarkError, UnexpectedInput, UnexpectedToken

from . import grammar
from . import script as _script
from .analyze.events import reference
from .analyze.issued import bulletin_date
from .analyze.years import document_year, fill_years, publication_date
from .build import Parsed
from .cleaners import DEFAULT_CLEANERS, Cleaner, clean, normalize_newlines
from .confidence import Evidence, confidence_changes, shipped
from .decode import Errors
from .errors import BulletinsError, ParseError, ReadError
from .lexing import lex
from .lexing.tokens import LineToken, retyped
from .model import Bulletin, Diagnostic, Document, LineBox, MetaField, NoticeElement, Point, Residue, Source
from .readers import Line, Reader, Reading, choose_reader, reader_for

ScriptOption = Literal["keep", "simplified"]

# Word exports mark headings with _Toc bookmarks (seed 002); the bookmark cleaner removes
# the markup, so the lexer is told about these lines beforehand.
_TOC_BOOKMARK = "[bookmark: _Toc"


def _heading_lines(text: str) -> frozenset[int]:
    """Line numbers carrying a ``_Toc`` bookmark, in one pass over the text."""
    found: set[int] = set()
    for number, line in enumerate(text.split("\n"), 1):
        if _TOC_BOOKMARK in line:
            found.add(number)
    return frozenset(found)


def parse(
    data: str | bytes,
    *,
    source: str | None = None,
    cleaners: Sequence[Cleaner] = DEFAULT_CLEANERS,
    script: ScriptOption = "keep",
    year: int | None = None,
    errors: Errors = "strict",
    strict: bool = False,
    reader: str | Reader = "auto",
    reader_options: Mapping[str, object] | None = None,
) -> Document:
    """Parse the text of one file of notices into a :class:`~bulletins.model.Document`.

    Args:
        data: The text, or the raw bytes of a file (decoded as DESIGN §2 describes).
        source: A name for the input, used in the document's provenance and in errors;
            its suffix helps choose the reader.
        cleaners: Artefact cleaners applied in order (see :mod:`bulletins.cleaners`).
        script: ``"keep"`` returns text in the source's script; ``"simplified"``
            converts every text field of the result to Simplified Chinese with OpenCC.
        year: Year given to dates printed without one; when None, the year printed most
            often in the document is used. Either way such dates are flagged
            ``year_inferred``.
        errors: ``"strict"`` raises on undecodable bytes; ``"replace"`` substitutes
            U+FFFD and records each replacement in the diagnostics.
        strict: Raise :class:`~bulletins.errors.ParseError` when a line does not fit the
            grammar's order. By default such a line is read as a paragraph (or residue)
            instead, with a ``recovered-line`` warning naming it: any decodable text gives a
            document (DESIGN §8).
        reader: ``"auto"`` chooses by content, then by *source*'s suffix (text when nothing
            claims the input; a ``str`` is always text under ``"auto"``); or a reader name
            (``text``, ``html``, ``markdown``, ``docx``, a plugin's) or instance.
        reader_options: Constructor keywords for the reader (with a reader name).

    Returns:
        The parsed document.

    Raises:
        DecodeError: The bytes are not text.
        ReadError: The bytes are not a readable file of the chosen format (the message says why),
            or the input holds several documents (use :func:`parse_many`).
        ParseError: Only with ``strict=True``: a line cannot stand where it is (the message
            names the line).
    """
    documents = parse_many(
        data,
        source=source,
        cleaners=cleaners,
        script=script,
        year=year,
        errors=errors,
        reader=reader,
        reader_options=reader_options,
        strict=strict,
    )
    first = next(documents, None)
    if first is None:
        raise ReadError("the input holds no document", source=source)
    if next(documents, None) is not None:
        raise ReadError("the input holds several documents; use bulletins.parse_many", source=source)
    return first


def parse_many(
    data: str | bytes | memoryview,
    *,
    source: str | None = None,
    cleaners: Sequence[Cleaner] = DEFAULT_CLEANERS,
    script: ScriptOption = "keep",
    year: int | None = None,
    errors: Errors = "strict",
    reader: str | Reader = "auto",
    reader_options: Mapping[str, object] | None = None,
    strict: bool = False,
) -> Iterator[Document]:
    """Parse every document an input holds (one for most formats, one per row for datasets).

    Takes the arguments of :func:`parse`; documents are yielded in input order. *data* may also be
    a ``memoryview`` (of an ``mmap`` of a large dataset, say): a reader that streams (``records``,
    with ``reader="records"``) reads it without a copy, in constant memory; others get its bytes.
    """
    if script not in ("keep", "simplified"):
        raise ValueError(f"script must be 'keep' or 'simplified', not {script!r}")
    digest = ""  # of the whole input, once, however many documents it holds
    for text, lines, reading, raw in _readings(data, source, reader, reader_options, errors):
        digest = digest or hashlib.sha256(raw).hexdigest()
        if reading is None:
            info = Source(name=source, sha256=digest, bytes=len(raw))
            yield _document(text, info, (), [], source, cleaners, script, year, strict)
            continue
        info = Source(
            name=source if reading.label is None else f"{source or ''}#{reading.label}",
            sha256=digest,
            bytes=len(raw),
            encoding=reading.encoding,
            confidence=reading.confidence,
            format=reading.format,
            metadata=reading.metadata,
        )
        document = _document(text, info, lines, list(reading.diagnostics), source, cleaners, script, year, strict)
        if reading.figures:
            document = attrs.evolve(document, figures=reading.figures)
        if reading.pages:
            document = attrs.evolve(document, pages=reading.pages, boxes=_boxes(lines))
        yield document


def _boxes(lines: Sequence[Line]) -> tuple[LineBox, ...]:
    """Each line's places on its page(s), numbered as source lines (``Document.boxes``)."""
    return tuple(
        LineBox(line=n, page=p.page, left=p.left, top=p.top, right=p.right, bottom=p.bottom, confidence=p.confidence)
        for n, line in enumerate(lines, 1)
        for p in line.places
    )


def _readings(
    data: str | bytes | memoryview,
    source: str | None,
    reader: str | Reader,
    reader_options: Mapping[str, object] | None,
    errors: Errors,
) -> Iterator[tuple[str, tuple[Line, ...], Reading | None, bytes | memoryview]]:
    """``(text, lines, reading, bytes)`` for each document of *data*, in input order.

    A ``str`` read as text (``reader`` ``auto`` or ``text``) is one document of its own, with no
    reader's lines (``reading`` None); anything else goes through the reader chosen by content,
    then by *source*'s suffix, or named. The function :func:`parse_many`, :func:`explain` and
    :func:`source_texts` share, so that they read an input the same way.
    """
    if isinstance(data, str):
        encoded = data.encode("utf-8", errors="surrogatepass")
        if reader in ("auto", "text"):
            yield data.removeprefix("\ufeff"), (), None, encoded
            return
        data = encoded
    elif isinstance(data, memoryview):
        if reader == "auto" or not getattr(reader_for(reader, reader_options), "streams", False):
            data = data.tobytes()
    elif not isinstance(data, bytes):
        raise TypeError(f"parse() takes str or bytes, not {type(data).__name__}")
    chosen = reader_for(choose_reader(data, source) if reader == "auto" else reader, reader_options)  # type: ignore[arg-type]
    for reading in chosen.read(data, source=source, errors=errors):  # type: ignore[arg-type]  # a streaming reader's view
        yield reading.joined(), reading.lines, reading, data


def _document(
    text: str,
    info: Source,
    lines: tuple[Line, ...],
    diagnostics: list[Diagnostic],
    source: str | None,
    cleaners: Sequence[Cleaner],
    script: ScriptOption,
    year: int | None,
    strict: bool,
) -> Document:
    """Run clean → shadow → lex → parse → build on one document's text."""
    trace: list[tuple[int, str]] = []  # the rule that decided each line: evidence for the confidence
    cleaned, tokens, lexed = _lexed(text, lines, source, cleaners, trace)
    info = attrs.evolve(info, script=_script.detect(cleaned))
    if not text.strip() and not any(d.code == "no-text" for d in diagnostics):  # a reader's no-text says it
        # 0 bytes or white space only: a document, but never a silent one.
        diagnostics.append(Diagnostic(level="warning", code="empty-input", message="the input holds no text"))
    diagnostics.extend(lexed)
    parsed = _parse_tokens(tokens, source, strict=strict)
    diagnostics.extend(parsed.diagnostics)
    found, residue = _banner(parsed.bulletins, parsed.residue, lines)
    if any(line.places for line in lines):
        found = _colophon(found)
    document = Document(
        source=info,
        bulletins=found,
        residue=_seals(residue, lines),
        # In line order; diagnostics about the whole input (no line) come last.
        diagnostics=tuple(sorted(diagnostics, key=lambda d: (d.line is None, d.line or 0))),
    )
    fill = year if year is not None else document_year(document.bulletins)
    published = publication_date(document.bulletins) if fill is None else None
    if published is not None:  # a reprint's page reference: 《 人民日报 》（ 2020年09月12日 02 版）
        document = attrs.evolve(document, bulletins=fill_years(document.bulletins, published.year, before=published))
    else:
        fill = fill if fill is not None else _metadata_year(info.metadata)
        if fill is not None:
            document = attrs.evolve(document, bulletins=fill_years(document.bulletins, fill))
    document = _finished(document, lines, year, Evidence.from_trace(trace))
    if script == "simplified":
        document = _script.to_simplified(document)
    return document


def _finished(document: Document, lines: tuple[Line, ...], year: int | None, evidence: Evidence) -> Document:
    """Set each bulletin's late fields in one copy of it: its origin, its date, its confidences.

    The origin is the reader's for the bulletin's first line; the date is
    :func:`bulletins.analyze.issued.bulletin_date` (after the years are filled); the confidences are
    :func:`bulletins.confidence.confidence_changes`. None of them reads another, and copying a
    bulletin once instead of once per field is what keeps them cheap (docs/performance.md).
    """
    if not document.bulletins:
        return document
    ref = reference(document, year)
    model = shipped()
    finished = []
    for k, bulletin in enumerate(document.bulletins):
        changes = confidence_changes(document, k, evidence, model)
        if lines:
            changes["origin"] = lines[bulletin.lines[0] - 1].origin or None
        date = bulletin_date(bulletin, ref, given=year is not None)
        if date is not None:
            changes["date"] = date
        finished.append(attrs.evolve(bulletin, **changes))
    return attrs.evolve(document, bulletins=tuple(finished))


_BANNER_GAP = 3  # lines of page furniture that may stand between the marks and the notice


def _banner(
    bulletins: tuple[Bulletin, ...], residue: tuple[Residue, ...], lines: tuple[Line, ...]
) -> tuple[tuple[Bulletin, ...], tuple[Residue, ...]]:
    """Move the 版头 marks a reader hinted (``Hints.banner``: 份号, 密级, 紧急程度) into the bulletin below.

    They become its notice elements and its ``copy_number``, ``classification`` and ``urgency``.
    """
    if not any(line.hints.banner for line in lines):
        return bulletins, residue
    found = list(bulletins)
    kept: list[Residue] = []
    for r in residue:
        numbers = range(r.lines[0], min(r.lines[1], len(lines)) + 1)
        kinds = [lines[n - 1].hints.banner for n in numbers]
        target = next((k for k, b in enumerate(bulletins) if b.lines[0] > r.lines[1]), None)
        texts = r.text.split("\n")
        if (
            r.kind != "noise"
            or not all(kinds)
            or len(texts) != len(kinds)
            or target is None
            or bulletins[target].lines[0] - r.lines[1] > _BANNER_GAP
        ):
            kept.append(r)
            continue
        bulletin = found[target]
        elements = tuple(
            NoticeElement(kind=kind, lines=(n, n), text=text)
            for n, kind, text in zip(numbers, kinds, texts, strict=True)
            if kind is not None
        )
        first = {e.kind: e.text.strip() for e in reversed(elements)}
        found[target] = attrs.evolve(
            bulletin,
            lines=(min(r.lines[0], bulletin.lines[0]), bulletin.lines[1]),
            notice_elements=tuple(sorted(elements + bulletin.notice_elements, key=lambda e: e.lines[0])),
            copy_number=bulletin.copy_number or first.get("copy_number"),
            classification=bulletin.classification or first.get("classification"),
            urgency=bulletin.urgency or first.get("urgency"),
        )
    return tuple(found), tuple(kept)


_COLOPHON = re.compile(r"^\s*(主题词|抄\s*送|抄\s*报|分\s*送)\s*[：:]")
_COLOPHON_KINDS = {"主题词": "keywords", "抄送": "cc", "抄报": "cc", "分送": "cc"}
_COLOPHON_LINES = 6


def _colophon(bulletins: tuple[Bulletin, ...]) -> tuple[Bulletin, ...]:
    """Fold a 版记 read as a bulletin of its own back into the notice it ends (paged sources).

    A scan's 版记 (``主题词：…`` / ``…办公室 2018年11月22日印发`` / ``拟稿：…（共印3份）``: formats/pdf-scanned
    shou-xinxi-hang-2018-8, -9) opens a bulletin headed by its first line when no rule is seen. After
    a bulletin with a 落款, a short bulletin (at most six lines, no 落款, no points) headed by a 主题词 or
    抄送 line is that notice's 版记: its lines become the notice's elements (``keywords``, ``cc``,
    its imprint, the rest ``note``).
    """
    out: list[Bulletin] = []
    for bulletin in bulletins:
        previous = out[-1] if out else None
        headline = bulletin.headline
        match = _COLOPHON.match(headline.lines[0]) if headline is not None and len(headline.lines) == 1 else None
        if (
            previous is None
            or previous.closing is None
            or match is None
            or bulletin.closing is not None
            or bulletin.lines[1] - bulletin.lines[0] >= _COLOPHON_LINES
            or any(isinstance(block, Point) for block in bulletin.body)
            or bulletin.attendees
            or bulletin.dateline is not None
            or bulletin.byline_lines
            or bulletin.speech is not None
        ):
            out.append(bulletin)
            continue
        assert headline is not None
        kind = _COLOPHON_KINDS[re.sub(r"\s", "", match.group(1))]
        line = headline.line_numbers[0] if headline.line_numbers else bulletin.lines[0]
        elements = [NoticeElement(kind=kind, lines=(line, line), text=headline.lines[0])]
        elements += [NoticeElement(kind="note", lines=block.lines, text=block.text) for block in bulletin.body]
        elements += list(bulletin.notice_elements)
        elements += [NoticeElement(kind="note", lines=(c.line, c.line), text=c.text) for c in bulletin.credits]
        out[-1] = attrs.evolve(
            previous,
            lines=(previous.lines[0], max(previous.lines[1], bulletin.lines[1])),
            notice_elements=previous.notice_elements + tuple(sorted(elements, key=lambda e: e.lines[0])),
        )
    if len(out) == len(bulletins):
        return bulletins
    return tuple(attrs.evolve(b, id=f"b{k}") for k, b in enumerate(out, 1))


def _seals(residue: tuple[Residue, ...], lines: tuple[Line, ...]) -> tuple[Residue, ...]:
    """Residue made only of lines a reader saw as a seal's text (``Hints.seal``, OCR) is of kind ``seal``."""
    if not any(line.hints.seal for line in lines):
        return residue
    return tuple(
        attrs.evolve(r, kind="seal")
        if r.kind == "noise"
        and all(lines[n - 1].hints.seal for n in range(r.lines[0], min(r.lines[1], len(lines)) + 1))
        else r
        for r in residue
    )


def _metadata_year(metadata: Sequence[MetaField]) -> int | None:
    """The year of a dataset row's date column (``date_iso``, set by the records reader), or None.

    Used for dates printed without a year when the text prints none: a news row dated 2020-03-24
    gives 3月24日 the year 2020 (still flagged ``year_inferred``).
    """
    for item in metadata:
        if item.name == "date_iso" and item.value[:4].isdigit():
            return int(item.value[:4])
    return None


def _lexed(
    text: str,
    lines: tuple[Line, ...],
    source: str | None,
    cleaners: Sequence[Cleaner],
    trace: list[tuple[int, str]] | None = None,
) -> tuple[str, list[LineToken], list[Diagnostic]]:
    """Clean, shadow and lex one document's text: the cleaned text, its tokens, the lexer's diagnostics."""
    text = normalize_newlines(text)
    headings = _heading_lines(text)
    indented = frozenset(k for k, line in enumerate(text.split("\n"), 1) if line[:1].isspace() and line.strip())
    try:
        cleaned = clean(text, cleaners)
    except ValueError as exc:
        raise ParseError(str(exc), source=source) from exc
    hints = tuple(line.hints for line in lines)
    # Lines without any hint (a dataset's cells) are lexed as text is.
    tokens, lexed = lex(
        cleaned,
        _script.shadow(cleaned),
        headings=headings,
        indented=indented,
        hints=hints if any(not h.empty for h in hints) else None,
        trace=trace,
    )
    return cleaned, tokens, lexed


def explain(
    data: str | bytes,
    *,
    source: str | None = None,
    reader: str | Reader = "auto",
    reader_options: Mapping[str, object] | None = None,
    errors: Errors = "strict",
    document: int = 1,
    cleaners: Sequence[Cleaner] = DEFAULT_CLEANERS,
) -> list[tuple[int, str, str]]:
    """Say which layout rule decided each line: ``(line, rule, terminal)`` for every non-blank line.

    The rule is the :mod:`bulletins.lexing.ruler` rule that took the line, the terminal the first token
    it gave the line (``HEADLINE_START``, ``CREDIT``, ``PARAGRAPH`` …). A newcomer's way to find the rule
    to change.

    Args:
        data: The input, as :func:`parse` takes it.
        source: The file name, for the reader's choice by suffix and for errors.
        reader: The reader (``auto``: by content, then suffix).
        reader_options: Options of the named reader (``{"ocr_layers": "replace"}``).
        errors: Undecodable bytes: ``strict`` fails, ``replace`` replaces them.
        document: For an input holding several documents (a dataset's rows), which one, from 1
            (:func:`source_texts` gives their texts in the same order).
        cleaners: The cleaners :func:`parse` would run.

    Raises:
        DecodeError: The bytes are not text.
        ReadError: The bytes are not a readable file of the chosen format.
        ValueError: *document* is below 1.
        IndexError: The input holds fewer than *document* documents.
    """
    if document < 1:
        raise ValueError(f"documents are numbered from 1, not {document}")
    readings = _readings(data, source, reader, reader_options, errors)
    first = next(itertools.islice(readings, document - 1, None), None)
    if first is None and document > 1:
        raise IndexError(f"the input holds fewer than {document} documents")
    if first is None:
        return []
    text, lines, _, _ = first
    trace: list[tuple[int, str]] = []
    _, tokens, _ = _lexed(text, lines, source, cleaners, trace)
    kinds: dict[int, str] = {}
    for made in tokens:
        for number in range(made.info.first, made.info.last + 1):
            kinds.setdefault(number, made.type)
    rules: dict[int, str] = {}
    for number, name in trace:
        rules.setdefault(number, name)
    return [(number, name, kinds.get(number, "")) for number, name in sorted(rules.items())]


# A line that does not fit where it stands is read as the first of these that fits there:
# a paragraph of the current bulletin, the lead of a new one, or residue (never dropped).
_RECOVERY_KINDS = ("PARAGRAPH", "LEAD", "NOISE")


def _refusal(exc: UnexpectedInput, source: str | None) -> ParseError:
    token = getattr(exc, "token", None)
    kind = getattr(token, "type", "end of input")
    expected = sorted(getattr(exc, "expected", ()) or ())
    line = getattr(exc, "line", None)
    return ParseError(
        f"a {kind} line cannot stand here (expected {', '.join(expected) or 'the end'})",
        source=source,
        line=line if isinstance(line, int) and line > 0 else None,
    )


def _parse_tokens(tokens: list[LineToken], source: str | None, *, strict: bool) -> Parsed:
    recovered: list[Diagnostic] = []

    def recover(exc: UnexpectedInput) -> bool:
        token = getattr(exc, "token", None)
        if not isinstance(exc, UnexpectedToken) or not isinstance(token, LineToken):
            return False
        accepted: set[str] = exc.interactive_parser.accepts()  # type: ignore[no-untyped-call]
        kind = next((k for k in _RECOVERY_KINDS if k in accepted), None)
        if kind is None:
            return False
        exc.interactive_parser.feed_token(retyped(token, kind))
        recovered.append(
            Diagnostic(
                level="warning",
                code="recovered-line",
                line=token.info.first,
                message=f"a {token.type} line cannot stand here; read as {kind.lower()}",
            )
        )
        return True

    try:
        result = _run(tokens, on_error=None if strict else recover)
    except UnexpectedInput as exc:
        if strict:
            raise _refusal(exc, source) from exc
        result = _parse_flat(tokens, source, exc)
    except BulletinsError:
        raise
    except LarkError as exc:  # pragma: no cover - defensive: Lark objects never escape
        raise ParseError(f"internal parser error: {exc}", source=source) from exc
    if recovered:
        result = attrs.evolve(result, diagnostics=(*result.diagnostics, *recovered))
    return result


def _run(tokens: list[LineToken], on_error: Callable[[UnexpectedInput], bool] | None = None) -> Parsed:
    # The token stream is an iterator so that a resumed parse goes on where it stopped.
    result = grammar.parser().parse(iter(tokens), on_error=on_error)
    assert isinstance(result, Parsed)
    return cast(Parsed, result)


def _parse_flat(tokens: list[LineToken], source: str | None, exc: UnexpectedInput) -> Parsed:
    """Last resort: every line of structure becomes a paragraph of one bulletin; residue stays."""
    residue = {"IMAGE", "NAV", "FRONT_NAV", "SECTION", "NOISE", "CAPTION"}
    flat: list[LineToken] = []
    opened = False
    for token in tokens:
        if token.type in residue:
            flat.append(retyped(token, "NOISE"))
        else:
            flat.append(retyped(token, "PARAGRAPH" if opened else "LEAD"))
            opened = True
    try:
        result = _run(flat)
    except LarkError as again:  # pragma: no cover - a LEAD then PARAGRAPH/NOISE always parses
        raise _refusal(exc, source) from again
    line = getattr(getattr(exc, "token", None), "line", None)
    note = Diagnostic(
        level="warning",
        code="unstructured",
        line=line if isinstance(line, int) and line > 0 else None,
        message="the lines do not fit a notice's order here; the text is kept as plain paragraphs",
    )
    return attrs.evolve(result, diagnostics=(*result.diagnostics, note))


def parse_file(path: str | os.PathLike[str], **options: object) -> Document:
    """Read *path* as bytes and parse it with the reader its content (then suffix) calls for; see :func:`parse`.

    Raises:
        DecodeError: The file is not text.
        ReadError: The file is not readable in its format (truncated zip, legacy .doc …).
        ParseError: The text could not be structured.
        OSError: The file cannot be read.
    """
    p = Path(path)
    return parse(p.read_bytes(), source=p.name, **options)  # type: ignore[arg-type]


def source_text(
    data: str | bytes,
    *,
    cleaners: Sequence[Cleaner] = DEFAULT_CLEANERS,
    errors: Errors = "strict",
    source: str | None = None,
    reader: str | Reader = "auto",
    reader_options: Mapping[str, object] | None = None,
) -> str:
    """Return the cleaned text :func:`parse` reads from *data*: what the model's line numbers count.

    The review page (``--to html``) shows these lines; the Document does not carry them, so
    that JSON, XML and TEI stay the size of their content. For a structured input (HTML, DOCX,
    Markdown) these are the reader's lines; for an input holding several documents, the first's
    (see :func:`source_texts`).

    Raises:
        DecodeError: The bytes are not text.
        ReadError: The bytes are not a readable file of the chosen format.
    """
    texts = source_texts(
        data, cleaners=cleaners, errors=errors, source=source, reader=reader, reader_options=reader_options
    )
    return texts[0] if texts else ""


def source_texts(
    data: str | bytes,
    *,
    cleaners: Sequence[Cleaner] = DEFAULT_CLEANERS,
    errors: Errors = "strict",
    source: str | None = None,
    reader: str | Reader = "auto",
    reader_options: Mapping[str, object] | None = None,
    **_: object,
) -> list[str]:
    """Return the cleaned text of every document in *data*, in the order :func:`parse_many` yields them.

    Takes :func:`parse_many`'s keywords (others, such as ``script``, are ignored).
    """
    return [
        clean(normalize_newlines(text), cleaners)
        for text, _, _, _ in _readings(data, source, reader, reader_options, errors)
    ]
