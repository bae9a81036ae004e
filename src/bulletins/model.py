"""The document model: frozen, keyword-only attrs classes mirroring the JSON contract `bulletins/1`.

Every field name here is public (DESIGN §3): add fields freely, never rename or drop one
without bumping :data:`SCHEMA`. Collections are tuples so documents are hashable and immutable.

Text fields that hold characters of the cleaned source ("holders") carry the source line
numbers they came from, so that every non-whitespace character of the cleaned text can be
traced to exactly one holder (the *nothing is lost* guarantee, see :func:`text_holders`).
Derived fields (``title``, ``names``, ``section`` …) repeat text for convenience and are
not holders.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from attrs import field, frozen
from attrs.validators import ge, in_, min_len, optional

SCHEMA = "bulletins/1"
"""Identifier of the JSON contract written by this version."""

Genre = Literal["dispatch", "notice", "readout", "speech", "digest", "article", "unknown"]
GENRES: tuple[str, ...] = ("dispatch", "notice", "readout", "speech", "digest", "article", "unknown")
RESIDUE_KINDS: tuple[str, ...] = ("image", "nav", "caption", "section", "noise", "credit", "table", "seal")
NOTICE_KINDS: tuple[str, ...] = (
    "masthead", "doc_number", "addressee", "attachment", "cc", "imprint", "note", "copy_number", "classification",
    "urgency", "keywords",
)  # fmt: skip
LEVELS: tuple[str, ...] = ("info", "warning", "error")
DATE_SOURCES: tuple[str, ...] = ("headnote", "closing", "speech", "dateline", "metadata")
"""Where a bulletin's own date (:attr:`Bulletin.date`) was read, in the order they are tried."""
DATE_PRECISIONS: tuple[str, ...] = ("day", "month", "year")
CREDIT_ROLES: tuple[str, ...] = (
    "摄影", "制图", "版式设计", "数据来源", "作者", "参与采写", "编者", "责编", "投稿", "署名", "出处",
)  # fmt: skip


def _line_range(value: tuple[int, int]) -> None:
    if len(value) != 2 or value[0] < 1 or value[1] < value[0]:
        raise ValueError(f"line range must be (start, end) with 1 <= start <= end, got {value!r}")


def _check_range(_inst: object, _attr: object, value: tuple[int, int]) -> None:
    _line_range(value)


@frozen(kw_only=True)
class MetaField:
    """One field of a document's container metadata (front matter, a dataset's other columns)."""

    name: str
    """Field name as the source spells it (``title``, ``date``, ``url`` …)."""
    value: str
    """Field value as text (lists are joined with ``, ``)."""


@frozen(kw_only=True)
class Source:
    """Where a document came from and how its bytes were read."""

    name: str | None = None
    """File name (or caller-given label) of the input, None for anonymous text."""
    sha256: str | None = None
    """Hex SHA-256 of the input bytes (of the UTF-8 encoding when text was given)."""
    bytes: int = 0
    """Size of the input in bytes."""
    encoding: str = "utf-8"
    """Codec the bytes were decoded with (Python codec name, e.g. ``utf-8``, ``gb18030``)."""
    confidence: float = 1.0
    """Confidence of the encoding verdict, 1.0 when it was certain (BOM or strict UTF-8)."""
    script: Literal["hans", "hant"] = "hans"
    """Dominant script of the text: ``hans`` (Simplified) or ``hant`` (Traditional)."""
    format: str = "text"
    """Reader that turned the bytes into lines: ``text``, ``html``, ``markdown``, ``docx`` or a plugin's name."""
    metadata: tuple[MetaField, ...] = ()
    """Container fields that are not text (Markdown front matter, dataset columns), in source order."""


@frozen(kw_only=True)
class Date:
    """A calendar date as printed, with the parts that could be read from it."""

    text: str
    """The date exactly as printed, e.g. ``9月6日`` or ``二〇二〇年二月九日``."""
    year: int | None = None
    """Year, or None when neither printed nor inferred."""
    month: int | None = field(default=None, validator=optional(in_(range(1, 13))))
    """Month 1–12, or None."""
    day: int | None = field(default=None, validator=optional(in_(range(1, 32))))
    """Day of the month 1–31, or None."""
    iso: str | None = None
    """``YYYY-MM-DD`` when the year is known, ``--MM-DD`` (xs:gMonthDay) when not, None if not a full date."""
    year_inferred: bool = False
    """True when ``year`` was not printed but taken from ``year=`` or from the same document."""
    end: Date | None = None
    """End of a range such as ``2月10日--13日``; None for a single date."""


@frozen(kw_only=True)
class DocumentDate(Date):
    """The date a bulletin carries as its own (issue 15), with where it was read.

    The first of: a date under the title (题注 ``（2019年10月26日…会议通过）``, a 意见's
    ``（2019年1月31日）``, a regulation's ``1997年6月5日 国务院令第219号发布`` line), the 落款's date,
    the speech's date, the dateline's date, and the source's metadata (front matter ``date``, a
    dataset's date column, a People's Daily file name ``20200531-…``).
    """

    source: str = field(default="metadata", validator=in_(DATE_SOURCES))
    """headnote | closing | speech | dateline | metadata (see :data:`DATE_SOURCES`)."""
    precision: str = field(default="day", validator=in_(DATE_PRECISIONS))
    """How much of the date is printed or known: ``day``, ``month`` or ``year``."""
    line: int | None = None
    """Source line the date is printed on; None when it comes from metadata."""
    year_source: str | None = None
    """Where a year not printed with the date came from: ``document`` (another date the document
    prints), ``metadata``, ``filename`` or ``option`` (``year=``); ``printed`` when printed; None
    when no year is known (``iso`` is then ``--MM-DD``)."""


@frozen(kw_only=True)
class Dateline:
    """Where and when a dispatch was filed, as printed before the body (新华社北京9月6日电)."""

    text: str
    """The dateline exactly as printed, including a separating comma if the source has one."""
    line: int
    """Source line (1-based) the dateline stands on."""
    agency: str | None = None
    """Issuing agency as printed: 新华社, 本报 …; None if not printed."""
    place: str | None = None
    """Filing place (北京, 乌兹别克斯坦撒马尔罕), or None when the dateline names none."""
    date: Date | None = None
    """Filing date, or None when the dateline prints none."""
    trailing: bool = False
    """True for a dateline printed at the end of the text, as in （新华社北京2月28日电）."""
    confidence: float | None = None
    """How sure the parser is that this dateline is right, in [0, 1] (:mod:`bulletins.confidence`); None if unscored."""


@frozen(kw_only=True)
class NoticeElement:
    """An element of an official document (GB/T 9704-2012 §7) other than title, body and 落款."""

    kind: str = field(validator=in_(NOTICE_KINDS))
    """masthead (发文机关标志, ``国务院办公厅文件``) | doc_number (发文字号) | addressee (主送机关) |
    attachment (附件说明 or an attachment's label) | cc (抄送) | imprint (印发机关和印发日期) | note (附注) |
    copy_number (份号, ``000123``) | classification (密级和保密期限, ``机密★1年``) | urgency (紧急程度, ``特急``):
    the last three from the top left of a paged source's 版头 (``Hints.banner``) | keywords (主题词, the
    版记 line of GB/T 9704-1999, still printed by some offices)."""
    lines: tuple[int, int] = field(validator=_check_range)
    """Source lines."""
    text: str
    """The element verbatim (lines joined with newlines)."""


@frozen(kw_only=True)
class Headline:
    """The headline block: 1–5 short lines above the body (kicker, main title, subtitles, deck)."""

    lines: tuple[str, ...]
    """The headline's source lines, in order, exactly as printed (the text holders)."""
    line_numbers: tuple[int, ...] = ()
    """Source line of each entry of ``lines``."""
    kicker: str | None = None
    """引题 above the main title, when it can be told apart."""
    title: str = ""
    """主题: the main title, visual wraps re-joined."""
    subtitles: tuple[str, ...] = ()
    """副题 and decks (——…, 李克强栗战书王沪宁出席), in order."""
    confidence: float | None = None
    """How sure the parser is that this headline is right, in [0, 1] (:mod:`bulletins.confidence`); None if unscored."""


@frozen(kw_only=True)
class SourceLine:
    """One line of front matter kept verbatim (a byline line, a speech date line …)."""

    text: str
    """The line as printed, without surrounding whitespace."""
    line: int
    """Source line number (1-based)."""


@frozen(kw_only=True)
class Speech:
    """Front matter of a speech: date line, speaker line and salutation."""

    speaker: str | None = None
    """Speaker as printed on the speaker line (习近平)."""
    date: Date | None = None
    """Date the speech was given, from a line such as ``（2020年2月23日）``."""
    salutation: str | None = None
    """Salutation line such as ``同志们：``."""
    source_lines: tuple[SourceLine, ...] = ()
    """The front-matter lines verbatim (text holders)."""


@frozen(kw_only=True)
class EnumItem:
    """One item of an enumeration run inside a paragraph (一要…二要…)."""

    marker: str
    """The marker as printed: 一要, 第一，, 一是 …"""
    number: int
    """Position in the run, counting from 1."""
    text: str
    """Text from after the marker up to the next marker or the end of the paragraph."""


@frozen(kw_only=True)
class Paragraph:
    """A body paragraph; fragments wrapped mid-sentence are re-joined into one."""

    type: Literal["paragraph"] = "paragraph"
    """Block discriminator, always ``paragraph``."""
    lines: tuple[int, int] = field(validator=_check_range)
    """First and last source line (1-based, inclusive)."""
    text: str
    """The paragraph's text; re-joined fragments are concatenated without a separator."""
    enumeration: tuple[EnumItem, ...] = ()
    """Inline enumeration found in the text, empty when none."""


@frozen(kw_only=True)
class Point:
    """A numbered point (一、 （一） 1. 一是 第一， ——): a block item with its nested children."""

    type: Literal["point"] = "point"
    """Block discriminator, always ``point``."""
    lines: tuple[int, int] = field(validator=_check_range)
    """Source lines of the point's own paragraph."""
    marker: str
    """The marker exactly as printed, e.g. ``一、``, ``（一）``, ``2``, ``一要``."""
    style: str
    """Normalised marker family.

    One of ``一、`` ``（一）`` ``1.`` ``1、`` ``（1）`` ``⑴`` ``①`` ``第一，`` ``一是`` ``——``.
    """
    level: int
    """Nesting level, 1 for the first style seen in the bulletin, 2 for the next new one …"""
    number: int
    """The point's number (一 → 1, ⑶ → 3); dash items count in order."""
    text: str
    """The rest of the point's own paragraph after the marker."""
    children: tuple[Block, ...] = ()
    """Blocks that belong under this point (deeper points, and paragraphs under a heading point)."""
    confidence: float | None = None
    """How sure the parser is that this point is right, in [0, 1] (:mod:`bulletins.confidence`); None if unscored."""


@frozen(kw_only=True)
class Subhead:
    """A subheading inside a body (立即响应 靠前指挥 下沉一线 / ——织密织牢…)."""

    type: Literal["subhead"] = "subhead"
    """Block discriminator, always ``subhead``."""
    lines: tuple[int, int] = field(validator=_check_range)
    """Source lines."""
    text: str
    """The subheading; its lines joined with newlines."""


@frozen(kw_only=True)
class Caption:
    """A photo caption kept inside the body where it stands."""

    type: Literal["caption"] = "caption"
    """Block discriminator, always ``caption``."""
    lines: tuple[int, int] = field(validator=_check_range)
    """Source lines."""
    text: str
    """The caption text."""


@frozen(kw_only=True)
class TableCell:
    """One cell of a table row, as the source lays it out."""

    text: str
    """The cell's text (its lines joined with spaces by the reader)."""
    header: bool = False
    """A header cell (``<th>``, a row in ``<thead>``, Word's repeated header row, a Markdown table's first row)."""
    colspan: int = 1
    """Columns the cell spans, where the source says so (``colspan``, Word's ``gridSpan``)."""
    rowspan: int = 1
    """Rows the cell spans, where the source says so (``rowspan``)."""


@frozen(kw_only=True)
class TableRow:
    """One row of a table: one source line."""

    line: int
    """Source line of the row (a reader gives each row one line, its cells separated by tabs)."""
    cells: tuple[TableCell, ...] = field(validator=min_len(1))
    """The cells in order (one at least)."""


@frozen(kw_only=True)
class Table:
    """A table in the body (HTML ``<table>``, a Word table, a Markdown pipe table): a grid, never points."""

    type: Literal["table"] = "table"
    """Block discriminator, always ``table``."""
    lines: tuple[int, int] = field(validator=_check_range)
    """First and last source line (one per row)."""
    text: str
    """The rows as printed: cells separated by tabs, rows by newlines (the text holder)."""
    rows: tuple[TableRow, ...] = field(validator=min_len(1))
    """The rows in order (one at least: a table has a row)."""


Block = Paragraph | Point | Subhead | Caption | Table
"""Any body block."""


@frozen(kw_only=True)
class Closing:
    """落款: the issuer line(s) and date at the end of a notice."""

    issuer: str | None = None
    """Issuer name(s), wrapped lines joined, several issuers separated by newlines."""
    date: Date | None = None
    """Date of issue."""
    source_lines: tuple[SourceLine, ...] = ()
    """The closing lines verbatim (text holders)."""
    confidence: float | None = None
    """How sure the parser is that this closing is right, in [0, 1] (:mod:`bulletins.confidence`); None if unscored."""


@frozen(kw_only=True)
class Where:
    """Where an attendee group's text stands, for marking names up in place."""

    block: str
    """``headline`` or ``body/N`` (N is the 0-based index of the block in depth-first order)."""
    start: int
    """Start offset of the sentence within that block's ``text`` (for the headline: within its
    lines joined with newlines)."""
    end: int
    """End offset (exclusive)."""


@frozen(kw_only=True)
class AttendeeGroup:
    """People named with one verb and role: 李克强、王沪宁、韩正出席会议."""

    verb: str
    """出席, 列席, 参加, 陪同, 主持, 与会, 参观 …"""
    role: str | None = None
    """Role phrase printed before the names, if any."""
    names: tuple[str, ...] = ()
    """People, in source order (rank order matters)."""
    roles: tuple[str | None, ...] = ()
    """Each person's role, parallel to ``names``: the role printed with the name, or the last
    role printed before it in the same list; None when no role is printed."""
    text: str = ""
    """The whole sentence the group was read from."""
    where: Where | None = None
    """Position of the sentence."""
    decks: tuple[Where, ...] = ()
    """Headline decks that name people of this group too (``block`` = ``headline``; offsets in the
    headline lines joined with newlines): such a person is one attendee, here, with both provenances,
    and the deck's own group lists only the people the body does not name. A name of this group is
    named by a deck when it occurs in that deck's span."""
    confidence: float | None = None
    """How sure the parser is that this group is right, in [0, 1] (:mod:`bulletins.confidence`); None if unscored."""


@frozen(kw_only=True)
class Credit:
    """A credit or end note of an article: who took the photo, drew the chart, set the page (DESIGN §8)."""

    role: str = field(validator=in_(CREDIT_ROLES))
    """摄影 | 制图 | 版式设计 | 数据来源 | 作者 | 参与采写 | 编者 | 责编 | 投稿 | 署名 | 出处 (see docs/fields.md)."""
    names: tuple[str, ...] = ()
    """People credited, in print order, spacing inside a name removed (``李  舸`` → ``李舸``);
    empty when the credit names an agency or organisation (新华社发, 数据来源：国家统计局)."""
    text: str
    """The credit as printed (a text holder): the whole line, or the tail of a caption line."""
    line: int
    """Source line (1-based)."""


@frozen(kw_only=True)
class Bulletin:
    """One notice, dispatch, readout, speech or article."""

    id: str
    """Identifier unique within the document: ``b1``, ``b2`` …"""
    lines: tuple[int, int] = field(validator=_check_range)
    """First and last source line of the bulletin (residue inside the range is listed on the document)."""
    origin: str | None = None
    """Where the bulletin's first line came from in a structured input (an HTML element path, a DOCX
    ``paragraph N``); None for plain text, whose line numbers say it all."""
    genre: Genre = field(default="unknown", validator=in_(GENRES))
    """dispatch | notice | readout | speech | digest | article | unknown."""
    section: str | None = None
    """Compilation heading covering this bulletin, if any (the heading itself is residue)."""
    headline: Headline | None = None
    """Headline block, None for a fragment whose headline is missing."""
    dateline: Dateline | None = None
    """Dateline, when printed."""
    byline: tuple[str, ...] = ()
    """Authors or reporters (赵娟娟), from a byline line or the dateline's parentheses."""
    byline_lines: tuple[SourceLine, ...] = ()
    """Byline lines verbatim (text holders); empty when the byline is inside the dateline."""
    speech: Speech | None = None
    """Speech front matter, or None."""
    addressee: str | None = None
    """主送机关 without the final colon."""
    doc_number: str | None = None
    """发文字号 such as ``国办发〔2020〕6号``."""
    copy_number: str | None = None
    """份号 (GB/T 9704 §7.2.1: six digits at the top left of the 版头, ``000123``), or None."""
    classification: str | None = None
    """密级和保密期限 as printed (§7.2.2: ``机密★1年``, ``秘密``, ``绝密★启用前``), or None."""
    urgency: str | None = None
    """紧急程度 as printed (§7.2.3: ``特急``, ``加急``), or None."""
    notice_elements: tuple[NoticeElement, ...] = ()
    """GB/T 9704 elements in source order (the text holders of ``addressee`` and ``doc_number`` too)."""
    body: tuple[Block, ...] = ()
    """Paragraphs, points (nested), subheads and captions in source order."""
    closing: Closing | None = None
    """落款, or None."""
    attendees: tuple[AttendeeGroup, ...] = ()
    """Attendee groups in source order."""
    credits: tuple[Credit, ...] = ()
    """Credits and end notes (photo, graphic, layout, data source, author notes …) in source order."""
    date: DocumentDate | None = None
    """The date the bulletin carries as its own (题注, 落款, speech, dateline or metadata), or None."""
    confidence: float | None = None
    """How sure the parser is that the whole bulletin is right (every scored field, docs/fields.md), in [0, 1]
    (:mod:`bulletins.confidence`); None when not scored."""


@frozen(kw_only=True)
class Residue:
    """Text that is not part of any bulletin's structure: kept, labelled, never dropped."""

    kind: str = field(validator=in_(RESIDUE_KINDS))
    """image | nav | caption | section | noise | credit (a credit printed before any bulletin) | seal (the
    text of a seal stamped over a scanned page, read by OCR)."""
    lines: tuple[int, int] = field(validator=_check_range)
    """Source lines."""
    text: str
    """The text verbatim (lines joined with newlines)."""


@frozen(kw_only=True)
class Diagnostic:
    """Something the parser noticed: a repair, a doubt, a replacement."""

    level: str = field(default="warning", validator=in_(LEVELS))
    """info | warning | error."""
    code: str
    """Stable machine-readable code, e.g. ``wrapped-paragraph``."""
    line: int | None = None
    """Source line, when the diagnostic concerns one."""
    message: str = ""
    """Human-readable explanation."""


@frozen(kw_only=True)
class Figure:
    """A picture the source places among its lines (HTML ``<img>``): not text, so no text holder."""

    line: int = field(validator=ge(1))
    """The source line it stands at: the first line after it (the last line when it ends the input)."""
    src: str | None = None
    """Where the picture is (``src`` as written in the source, relative or absolute)."""
    alt: str | None = None
    """Its alternative text, when the source gives one."""
    caption: str | None = None
    """The caption the source ties to it (``<figcaption>`` of its ``<figure>``); the caption's text
    is also a line of the document, read as a caption."""


@frozen(kw_only=True)
class Page:
    """One page of a paged source (PDF, OFD, a scanned image): its size, the frame of its line boxes."""

    number: int = field(validator=ge(1))
    """Page number, counting from 1 (a single image is page 1)."""
    width: float
    """Width in ``unit``."""
    height: float
    """Height in ``unit``."""
    unit: Literal["pt", "px"] = "pt"
    """``pt``: PDF points (1/72 inch) — PDF and OFD pages, and PDF pages read by OCR; ``px``: the
    pixels of a scanned image read by OCR."""


@frozen(kw_only=True)
class LineBox:
    """Where a source line stands on a page: its box, measured from the page's top left corner.

    A line that runs over a page break (a paragraph re-joined across pages) has one box per page.
    """

    line: int = field(validator=ge(1))
    """Source line (1-based), as in every ``lines`` field."""
    page: int = field(validator=ge(1))
    """The page (``Document.pages`` has its size)."""
    left: float
    """Left edge, from the page's left edge, in the page's unit."""
    top: float
    """Top edge, from the page's top edge (y grows downwards)."""
    right: float
    """Right edge."""
    bottom: float
    """Bottom edge, from the page's top edge."""
    confidence: float | None = None
    """The OCR engine's confidence in the line's text (0–1; the lowest of its pieces); None for a text layer."""


@frozen(kw_only=True)
class Document:
    """A parsed input: its provenance, bulletins, residue and diagnostics."""

    schema: str = SCHEMA
    """Contract identifier, ``bulletins/1``."""
    source: Source = field(factory=Source)
    """Provenance of the input."""
    bulletins: tuple[Bulletin, ...] = ()
    """Bulletins in source order."""
    residue: tuple[Residue, ...] = ()
    """Labelled non-bulletin text in source order."""
    diagnostics: tuple[Diagnostic, ...] = ()
    """Diagnostics in source order."""
    figures: tuple[Figure, ...] = ()
    """Pictures in source order, where a structured source places them (never text: they hold none)."""
    pages: tuple[Page, ...] = ()
    """The pages of a paged source (PDF, OFD, a scan) with their sizes; empty for other inputs."""
    boxes: tuple[LineBox, ...] = ()
    """Where each source line of a paged source stands on its page(s), in line order (line provenance:
    the reader's ``origin`` of every line, as numbers); empty for other inputs."""


def iter_blocks(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """Yield every block depth-first in source order, points before their children."""
    for block in blocks:
        yield block
        if isinstance(block, Point):
            yield from iter_blocks(block.children)


@frozen(kw_only=True)
class HeldText:
    """One text holder of a document: a piece of the source that some field holds verbatim."""

    line: int
    """Source line the text starts on."""
    order: int
    """Sorts holders that share a line into source order (see :func:`text_holders`)."""
    text: str
    """The held text."""
    kind: str
    """headline, dateline, notice, byline, speech, paragraph, point, subhead, caption, closing,
    credit or residue."""
    detail: str = ""
    """Level of a point, kind of a residue or notice element, role of a credit; else empty."""
    lines: tuple[int, int] = (0, 0)
    """First and last source line of the holder."""
    bulletin: str | None = None
    """The holding bulletin's id; None for residue."""


# Holders that share a line: a later bulletin's after an earlier one's (a line packing several,
# web/xispeech), and within a bulletin in the order its parts are printed.
_BULLETIN_STEP = 1000


_Held = tuple[int, int, str, str, str, tuple[int, int]]


def _bulletin_holders(bulletin: Bulletin) -> Iterator[_Held]:
    """``(line, order, text, kind, detail, lines)`` for each holder of *bulletin*, order within it."""
    # A title printed after its dateline on one line (新华社…电　题：…) comes after it.
    dated = bulletin.dateline.line if bulletin.dateline and not bulletin.dateline.trailing else None
    if bulletin.headline is not None:
        for number, text in zip(bulletin.headline.line_numbers, bulletin.headline.lines, strict=True):
            yield number, 1 if number == dated else 0, text, "headline", "", (number, number)
    if bulletin.dateline is not None:
        d = bulletin.dateline
        yield d.line, 2 if d.trailing else 0, d.text, "dateline", "", (d.line, d.line)
    for element in bulletin.notice_elements:
        yield element.lines[0], 0, element.text, "notice", element.kind, element.lines
    # Front matter printed on the dateline's line comes after the dateline, with the title.
    for source_line in bulletin.byline_lines:
        order = 1 if source_line.line == dated else 0
        yield source_line.line, order, source_line.text, "byline", "", (source_line.line, source_line.line)
    if bulletin.speech is not None:
        for source_line in bulletin.speech.source_lines:
            order = 1 if source_line.line == dated else 0
            yield source_line.line, order, source_line.text, "speech", "", (source_line.line, source_line.line)
    for block in iter_blocks(bulletin.body):
        if isinstance(block, Point):
            yield block.lines[0], 1, block.marker + block.text, "point", str(block.level), block.lines
        else:
            yield block.lines[0], 1, block.text, block.type, "", block.lines
    if bulletin.closing is not None:
        # After the body it closes when both share a line (a letter's 习近平2020年8月17日 run on).
        for source_line in bulletin.closing.source_lines:
            yield source_line.line, 1, source_line.text, "closing", "", (source_line.line, source_line.line)
    previous, order = None, 2
    for credit in bulletin.credits:  # after a caption it ends (order 1); two on a line: 2, 3
        order = order + 1 if credit.line == previous else 2
        previous = credit.line
        yield credit.line, order, credit.text, "credit", credit.role, (credit.line, credit.line)


def held_texts(document: Document) -> list[HeldText]:
    """Return every text holder of *document*, bulletins in order, then residue.

    Stable-sorting by ``(line, order)`` and concatenating the texts gives the cleaned source back,
    whitespace aside.
    """
    out: list[HeldText] = []
    for index, bulletin in enumerate(document.bulletins):
        for line, order, text, kind, detail, lines in _bulletin_holders(bulletin):
            out.append(
                HeldText(
                    line=line,
                    order=_BULLETIN_STEP * index + order,
                    text=text,
                    kind=kind,
                    detail=detail,
                    lines=lines,
                    bulletin=bulletin.id,
                )
            )
    for residue in document.residue:
        out.append(
            HeldText(
                line=residue.lines[0],
                order=0,
                text=residue.text,
                kind="residue",
                detail=residue.kind,
                lines=residue.lines,
            )
        )
    return out


def text_holders(document: Document) -> list[tuple[int, int, str]]:
    """Return every text holder of *document* as ``(line, order, text)``.

    Stable-sorting the result by ``(line, order)`` and concatenating the texts gives the cleaned
    source back, whitespace aside. ``order`` breaks ties between holders that share a line (a
    dateline before the paragraph it opened, a marker before the point text, an earlier
    bulletin's text before a later one's on a line that packs several).
    """
    return [(held.line, held.order, held.text) for held in held_texts(document)]
