"""Readers: plugins that turn the bytes of one input format into numbered lines with provenance.

A reader is a class with ``name`` and ``suffixes`` class attributes, a ``sniff(data)`` method
saying whether the bytes look like its format, and a pure ``read(data, *, source, errors)``
method yielding one :class:`Reading` per document in the input (most formats hold one; a
dataset reader yields one per row). Options are constructor keywords, as for exporters.
Readers are found through the entry-point group ``bulletins.readers`` (see docs/plugins.md);
the built-ins (``text``, ``html``, ``markdown``, ``docx``, ``pdf``, ``image``, ``office``, ``ofd``,
``records``) are declared there like any other.

Adding a built-in reader touches: ``[project.entry-points."bulletins.readers"]`` in
pyproject.toml, a module under ``bulletins/readers/``, :data:`SNIFF_ORDER`, docs/plugins.md,
and tests in tests/test_readers.py.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from pathlib import PurePath
from typing import ClassVar, Literal, Protocol, cast, runtime_checkable

from attrs import field, frozen

from .. import plugins
from ..decode import Errors
from ..errors import ReadError, UnknownPluginError
from ..model import Diagnostic, Figure, MetaField, Page

GROUP = "bulletins.readers"
"""Entry-point group that reader plugins register under."""

SNIFF_ORDER: tuple[str, ...] = ("pdf", "image", "ofd", "office", "docx", "html", "markdown", "records")
"""Built-in readers asked first, in this order, whether they claim the bytes; third-party
readers are asked next (by name), and ``text`` takes whatever nobody claims. Containers are told
apart by content before suffix: ``ofd`` claims zips holding ``OFD.xml``, ``office`` OLE2 files
(.doc, .wps), ``{\\rtf`` and OpenDocument text, ``docx`` the other zips."""

Align = Literal["left", "center", "right", "justify"]


@frozen(kw_only=True)
class CellShape:
    """How a source lays out one table cell beyond its text."""

    header: bool = False
    """A header cell (``<th>``, a row of ``<thead>``, Word's repeated header row)."""
    colspan: int = 1
    """Columns spanned."""
    rowspan: int = 1
    """Rows spanned."""


@frozen(kw_only=True)
class Hints:
    """Layout hints a reader saw on one line; text input has none."""

    align: Align | None = None
    """Horizontal alignment, when the source states it."""
    bold: bool = False
    """The whole line is bold."""
    heading: int | None = None
    """Heading level 1–6 (``<h1>``, ``#``, Word's Title and Heading n styles), or None."""
    list_level: int | None = None
    """List or automatic-numbering level, 1 for the outermost, or None."""
    font_size: float | None = None
    """Font size in points, when the source states it."""
    table_cell: bool = False
    """The line comes from a table (a row, its cells separated by tabs)."""
    table: int | None = None
    """For a data table's row (two or more cells): the table's number in the input, counting from 1.

    Consecutive rows of one table become one ``table`` body block; a single-cell row (a layout
    table holding a page's text) has None and is read as text."""
    cells: tuple[CellShape, ...] = ()
    """Per cell of a data table's row, in order, where the source says more than its text (a
    header cell, a span); empty when every cell is a plain one."""
    style: str | None = None
    """Paragraph style name (Word's ``Title``, ``Heading 1`` …), when the source names one."""
    hidden: bool = False
    """The source hides the line (``display:none``, Word's hidden text): kept, but as residue."""
    caption: bool = False
    """The line is a figure's or a table's caption by markup (``<figcaption>``, ``<caption>``)."""
    chrome: bool = False
    """A whole web page's navigation, breadcrumbs, share bars, related links or footer (readers/_pages.py):
    kept, as residue of kind ``nav``, never a headline or a bulletin's text."""
    item: int | None = None
    """The number a rundown's heading gives its item (新闻联播 day files: ``## 3. 标题``), or None.

    The number is the transcript's count of its items, not part of the title: the reader leaves
    it out of the line's text and says so in an ``item-number-left-out`` diagnostic."""
    page: int | None = None
    """The page the line starts on (PDF), 1-based, or None."""
    bbox: tuple[float, float, float, float] | None = None
    """The line's box on that page in PDF points, ``(x0, y0, x1, y1)`` from the bottom left, or None."""
    indent: bool = False
    """The line starts indented from the text block's left edge (a paragraph's first line)."""
    furniture: bool = False
    """Page furniture (a page number, a running header or footer): kept, but as residue."""
    rule_above: bool = False
    """A horizontal rule stands right above the line (GB/T 9704's 版头 separator, 版记 rules)."""
    banner: str | None = None
    """A GB/T 9704 版头 mark at the top left of a page (readers/_banner.py): ``copy_number`` (份号),
    ``classification`` (密级和保密期限) or ``urgency`` (紧急程度); set with ``furniture``, it becomes a
    notice element of the bulletin below, never headline text."""
    seal: bool = False
    """Text of a seal (印章) stamped over the page, read by OCR: kept, as residue of kind ``seal``, never a
    headline or a bulletin's text (set with ``furniture``, which keeps it out of the structure)."""
    under_image: bool = False
    """The line stands right under a picture (HTML): a centred short line there is the picture's caption
    once the page's title has been read (lexing/hints.py)."""
    title: bool = False
    """The line is a title by where it came from (a dataset's title column): the bulletin's headline,
    whatever its text looks like (a sentence ending in 。, a question, a date)."""

    @property
    def empty(self) -> bool:
        """True when no hint is set."""
        return self == _NO_HINTS


_NO_HINTS = Hints()


@frozen(kw_only=True)
class Place:
    """Where (part of) a line stands on a page, from the page's top left corner (see ``model.LineBox``)."""

    page: int
    """The page, counting from 1."""
    left: float
    top: float
    right: float
    bottom: float
    confidence: float | None = None
    """OCR's confidence in the line, None for a text layer."""


@frozen(kw_only=True)
class Line:
    """One line a reader produced: its text, where it came from, and how it was laid out."""

    text: str
    """The visible text of the line (no newline)."""
    origin: str = ""
    """Provenance: the element path (HTML), ``paragraph N`` (DOCX), ``line N`` (Markdown)."""
    hints: Hints = field(factory=Hints)
    """Layout hints."""
    places: tuple[Place, ...] = ()
    """Its box on each page it stands on (paged sources: PDF, OFD, scans), in the unit of ``Reading.pages``."""


@frozen(kw_only=True)
class Reading:
    """What a reader made of one document in its input."""

    format: str
    """Name of the reader's format (``text``, ``html`` …), recorded in ``Source.format``."""
    text: str = ""
    """Plain text, used when ``lines`` is empty (the ``text`` reader)."""
    lines: tuple[Line, ...] = ()
    """The document's lines in order; line N of the parsed text is ``lines[N-1]``."""
    encoding: str = "utf-8"
    """Codec the bytes were decoded with."""
    confidence: float = 1.0
    """Confidence of the encoding verdict."""
    metadata: tuple[MetaField, ...] = ()
    """Fields read from the container (front matter, dataset columns), never part of the text."""
    diagnostics: tuple[Diagnostic, ...] = ()
    """What the reader noticed (dropped deletions, ignored headers …)."""
    label: str | None = None
    """For inputs holding several documents: this one's label (``row3``); None otherwise."""
    figures: tuple[Figure, ...] = ()
    """Pictures the source places among the lines (``Figure.line`` counts in ``lines``)."""
    pages: tuple[Page, ...] = ()
    """The pages of a paged source and their sizes (the frame of the lines' ``places``)."""

    def joined(self) -> str:
        """Return the document's text, lines joined with newlines."""
        if self.lines:
            return "\n".join(line.text for line in self.lines)
        return self.text


@runtime_checkable
class Reader(Protocol):
    """What a reader plugin provides."""

    name: ClassVar[str]
    """Name used with ``--from`` and :func:`get_reader`."""
    suffixes: ClassVar[tuple[str, ...]]
    """File suffixes it claims, with the dot (``.html``), for inputs no reader sniffed."""

    def sniff(self, data: bytes) -> bool:
        """Return True when *data* looks like this reader's format (cheap: look at a prefix)."""
        ...

    def read(self, data: bytes, *, source: str | None = None, errors: Errors = "strict") -> Iterator[Reading]:
        """Yield one :class:`Reading` per document held in *data*.

        Raises:
            ReadError: The bytes are not a readable file of this format.
            DecodeError: The text inside cannot be decoded.
        """
        ...


def available_readers() -> list[str]:
    """Return the names of all installed and registered readers, sorted."""
    return plugins.names(GROUP)


def get_reader(name: str | Reader | type[Reader], **options: object) -> Reader:
    """Return a reader instance for *name* (a name, a class or an instance).

    Args:
        name: A reader name such as ``"html"``, or a reader class or instance.
        **options: Constructor keywords of the reader class.

    Raises:
        UnknownPluginError: No reader has that name (the message lists the available ones).
        ReadError: The options are not accepted by the reader.
    """
    reader = plugins.instantiate(
        GROUP,
        name,
        options,
        protocol=Reader,
        error=ReadError,
        needs="name, suffixes, sniff() and read()",
        option_errors=(TypeError, ValueError),
    )
    return cast("Reader", reader)


def register_reader(cls: type[Reader], *, replace: bool = False) -> None:
    """Register a reader class at run time under ``cls.name`` (tests, notebooks)."""
    plugins.register(GROUP, cls.name, cls, replace=replace)


def _candidates() -> list[str]:
    names = available_readers()
    builtin = [n for n in SNIFF_ORDER if n in names]
    return builtin + [n for n in names if n not in SNIFF_ORDER and n != "text"]


@functools.cache
def _sniffer(factory: object) -> Reader:
    """Return the default instance of a reader class, one per class and process.

    Building a reader and checking it against the Protocol for every file cost 7% of the
    pipeline on People's Daily articles. Readers hold only their options, so one serves all.
    """
    return get_reader(factory)  # type: ignore[arg-type]


def reader_for(name: str | Reader | type[Reader], options: Mapping[str, object] | None = None) -> Reader:
    """Return the reader for *name*: the shared default instance when no options are given."""
    if isinstance(name, str) and not options:
        return _sniffer(plugins.load(GROUP, name))
    return get_reader(name, **(options or {}))


def choose_reader(data: bytes, source: str | None = None) -> str:
    """Return the name of the reader for *data*: by content first, by *source*'s suffix second.

    Text is the fallback: bytes no reader claims are read as plain text.
    """
    candidates = _candidates()
    readers: dict[str, Reader] = {}
    for name in candidates:
        try:
            readers[name] = _sniffer(plugins.load(GROUP, name))
        except (ReadError, UnknownPluginError):  # a reader needing options cannot sniff
            continue
        except ImportError:  # a broken third-party plugin must not stop every file being read
            if name in SNIFF_ORDER:
                raise
            continue
        if readers[name].sniff(data):
            return name
    suffix = PurePath(source).suffix.lower() if source else ""
    if suffix:
        for name, reader in readers.items():
            if suffix in reader.suffixes:
                return name
    return "text"


__all__ = [
    "GROUP",
    "SNIFF_ORDER",
    "Align",
    "CellShape",
    "Hints",
    "Line",
    "Place",
    "Reader",
    "Reading",
    "available_readers",
    "choose_reader",
    "get_reader",
    "reader_for",
    "register_reader",
]
