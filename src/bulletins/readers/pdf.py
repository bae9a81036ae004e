"""The ``pdf`` reader (PDFium through pypdfium2): a PDF's text layer as lines in reading order.

Each page's characters are read with their boxes and fonts (:mod:`._pdfchars`), grouped into
rows and lines, judged against the page's text block for hints, and joined into paragraphs
where a line was only broken at the right margin (:mod:`._pdflayout`). Page numbers and
running headers/footers are kept as residue (the ``furniture`` hint). Every line's origin is
its page and box (``page 2 bbox 90.0,466.1,498.2,482.0``, PDF points from the bottom left).

Limits come before work: the page count and the declared stream sizes are checked first
(``max_pages``, ``max_stream_bytes``; raise them with reader options). Encrypted, truncated,
page-less and over-limit PDFs are one clear :class:`~bulletins.errors.ReadError` each. A page
without a text layer (a scan) is a ``no-text-layer`` diagnostic; a PDF none of whose pages has
one is an error, never an empty document that looks like success.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

import attrs

from .. import ocr
from ..decode import Errors
from ..errors import ReadError
from ..model import Diagnostic, MetaField, Page
from . import Line, Reading
from ._banner import mark_banner
from ._layerfill import INK_DPI, fill
from ._pdfchars import UNMAPPED, PageText, read_page
from ._pdflayout import PLine, lay_out, number_tables, physical_lines

_LENGTH = re.compile(rb"/Length\s+(\d{1,20})(?!\d)(?!\s+\d+\s+R)")
_EMPTY_TREE = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+0\b|/Count\s+0\s*[^>]*?/Type\s*/Pages\b")
_FAILED_IN_A_ROW = 100
_OCR_HINT = "install bulletins[ocr]"
_OCR_LAYERS = ("fill", "keep", "replace")
DEFAULT_MAX_PAGES = 2000
"""Pages read by default; a PDF with more is refused before any page is read."""
DEFAULT_MAX_STREAM_BYTES = 256 * 1024 * 1024
"""Largest stream length a PDF may declare by default (256 MiB)."""


class PdfReader:
    """PDF files with a text layer: lines in reading order, with geometry hints and page boxes.

    Args:
        max_pages: Refuse a PDF with more pages than this (checked before any page is read).
        max_stream_bytes: Refuse a PDF that declares a stream longer than this many bytes.
        ocr_layers: What to do with a scanned page whose text is a scanner's invisible OCR layer:
            ``"fill"`` (the default) reads the layer, and the lines it lacks from the page image by
            OCR (:mod:`._layerfill`); ``"keep"`` reads the layer alone; ``"replace"`` reads the page
            image with OCR instead. Each with a warning; without the ``ocr`` extra, the layer alone.
    """

    name: ClassVar[str] = "pdf"
    suffixes: ClassVar[tuple[str, ...]] = (".pdf",)

    def __init__(
        self,
        *,
        max_pages: int = DEFAULT_MAX_PAGES,
        max_stream_bytes: int = DEFAULT_MAX_STREAM_BYTES,
        ocr_layers: str = "fill",
    ) -> None:
        """Set the limits checked before any page is read, and what to do with scanners' OCR layers."""
        if ocr_layers not in _OCR_LAYERS:
            raise ValueError(f"ocr_layers must be 'fill', 'keep' or 'replace', not {ocr_layers!r}")
        self.ocr_layers = ocr_layers
        if not isinstance(max_pages, int) or max_pages < 1:
            raise ValueError(f"max_pages must be a positive integer, not {max_pages!r}")
        if not isinstance(max_stream_bytes, int) or max_stream_bytes < 1:
            raise ValueError(f"max_stream_bytes must be a positive integer, not {max_stream_bytes!r}")
        self.max_pages = max_pages
        self.max_stream_bytes = max_stream_bytes

    def sniff(self, data: bytes) -> bool:
        """Claim bytes whose first kilobyte holds the ``%PDF-`` header (the PDF specification's window)."""
        return b"%PDF-" in data[:1024]

    def read(self, data: bytes, *, source: str | None = None, errors: Errors = "strict") -> Iterator[Reading]:
        """Yield the PDF's text layer as one document.

        Raises:
            ReadError: The PDF is encrypted, damaged, has no pages, is over a limit, or no page
                has a text layer (the message says which).
        """
        if not self.sniff(data):
            raise ReadError("not a PDF: no %PDF- header in its first 1024 bytes", source=source)
        self._check_streams(data, source)
        import pypdfium2 as pdfium

        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise ReadError(_open_error(exc, data), source=source) from exc
        try:
            yield self._read(pdf, source)
        finally:
            pdf.close()

    def _check_streams(self, data: bytes, source: str | None) -> None:
        for match in _LENGTH.finditer(data):
            length = int(match.group(1))
            if length > self.max_stream_bytes:
                raise ReadError(
                    f"a PDF stream declares {length} bytes, over the limit of {self.max_stream_bytes}"
                    f" (max_stream_bytes; raise it with --reader-option max_stream_bytes=N), at byte {match.start()}",
                    source=source,
                )

    def _read(self, pdf: Any, source: str | None) -> Reading:
        import pypdfium2 as pdfium

        count = len(pdf)
        if count <= 0:
            raise ReadError("the PDF has no pages", source=source)
        if count > self.max_pages:
            raise ReadError(
                f"the PDF has {count} pages, over the limit of {self.max_pages}"
                " (max_pages; raise it with --reader-option max_pages=N)",
                source=source,
            )
        diagnostics: list[Diagnostic] = []
        pages: list[tuple[PageText, list[PLine]]] = []
        failed: list[int] = []
        for index in range(count):
            try:
                page = read_page(pdf, index)
            except pdfium.PdfiumError:
                failed.append(index + 1)
                # A page tree claiming more pages than it holds fails page after page: stop.
                if len(failed) >= _FAILED_IN_A_ROW and failed[-_FAILED_IN_A_ROW] == index + 2 - _FAILED_IN_A_ROW:
                    break
                continue
            pages.append((page, physical_lines(page)))
        if failed:
            message = f"{len(failed)} page(s) could not be read ({_ranges(failed)})"
            if failed[-1] < count and len(failed) >= _FAILED_IN_A_ROW:
                message += f"; stopped after {_FAILED_IN_A_ROW} in a row (the file claims {count} pages)"
            diagnostics.append(Diagnostic(level="warning", code="unreadable-page", message=message))
        if not pages:
            raise ReadError(f"none of the PDF's {count} page(s) could be read", source=source)
        sizes = tuple(Page(number=p.number, width=round(p.width, 1), height=round(p.height, 1)) for p, _ in pages)
        scanned = [page.number for page, lines in pages if not lines and page.images]
        layered = [page.number for page, lines in pages if lines and page.ocr_layer]
        if layered:
            mode = self.ocr_layers if ocr.available() else "keep"
            filled: dict[int, int] = {}
            unread: list[str] = []
            if mode == "replace":
                # The layer is the file's own text: replacing it is the user's choice. On the corpus's
                # one such page (formats/pdf-text/…_scan-with-ocr-layer.pdf, typed by reading) the
                # layer's character error rate is 7.8% and RapidOCR's 2.2%, but RapidOCR drops the 阈
                # of its title, which the layer has; one page is no ground for a default either way.
                pages = [(page, [] if page.number in layered else lines) for page, lines in pages]
                scanned = sorted(scanned + layered)
            elif mode == "fill":
                pages = [(page, _filled(pdf, page, lines, filled, unread)) for page, lines in pages]
            diagnostics.append(_ocr_layer(layered, mode=mode, filled=filled))
            diagnostics.extend(
                Diagnostic(level="warning", code="ocr-failed", message=f"{why}: the layer alone is read")
                for why in unread
            )
        recognized = _recognized(pdf, scanned, source) if scanned and ocr.available() else {}
        if all(not lines for _, lines in pages) and not any(recognized.values()):
            if recognized:
                raise ReadError(f"OCR found no text on any of the PDF's {count} page(s)", source=source)
            raise ReadError(
                f"no text layer on {'its page' if count == 1 else f'any of its {count} pages'}"
                f" (a scan?): {_OCR_HINT} to read it with OCR",
                source=source,
            )
        diagnostics.extend(_no_text_layer(page) for page, lines in pages if not lines and page.number not in recognized)
        if recognized:
            diagnostics.append(
                Diagnostic(
                    level="info",
                    code="ocr",
                    message=f"{len(recognized)} page(s) with no text layer ({_ranges(sorted(recognized))}) read by"
                    f" OCR ({ocr.ENGINE}, {_OCR_DPI:.0f} dpi): check them against the page images",
                )
            )
        if all(not lines for _, lines in pages):  # a scan: its lines are the OCR's, page by page
            scan = tuple(mark_banner(number_tables(line for n in sorted(recognized) for line in recognized[n])))
            return Reading(
                format=self.name, lines=scan, metadata=_metadata(pdf), diagnostics=tuple(diagnostics), pages=sizes
            )
        laid, furniture = lay_out(pages)
        out: tuple[Line, ...] = tuple(mark_banner(number_tables(_with_ocr(laid, recognized))))
        diagnostics.extend(_counted(pages, furniture, out))
        return Reading(
            format=self.name, lines=out, metadata=_metadata(pdf), diagnostics=tuple(diagnostics), pages=sizes
        )


_OCR_DPI = ocr.DEFAULT_DPI


def _recognized(pdf: Any, numbers: list[int], source: str | None) -> dict[int, list[Line]]:
    """OCR the pages *numbers* (1-based) of *pdf*, rendered at :data:`_OCR_DPI`: their lines, by page."""
    out: dict[int, list[Line]] = {}
    for number in numbers:
        image = pdf[number - 1].render(scale=_OCR_DPI / 72.0).to_pil()
        try:
            found = ocr.recognize(image, page=number)
        except ocr.OcrError as exc:
            raise ReadError(f"page {number}: {exc}", source=source) from exc
        scale = 72.0 / _OCR_DPI  # the rendered image's pixels → the page's points (both from the top left)
        out[number] = [
            attrs.evolve(
                line,
                hints=attrs.evolve(line.hints, page=number),
                places=tuple(
                    attrs.evolve(
                        p,
                        left=round(p.left * scale, 1),
                        top=round(p.top * scale, 1),
                        right=round(p.right * scale, 1),
                        bottom=round(p.bottom * scale, 1),
                    )
                    for p in line.places
                ),
            )
            for line in ocr.page_lines(found, page=number, dpi=_OCR_DPI)
        ]
    return out


def _filled(pdf: Any, page: PageText, lines: list[PLine], filled: dict[int, int], unread: list[str]) -> list[PLine]:
    """A scanner-layered page's *lines* with the lines the layer lacks read by OCR (:mod:`._layerfill`).

    Other pages' lines are returned as they are; *filled* records how many lines each page gained.
    Where OCR fails on the page, its layer is kept as it is and *unread* says why: the layer is
    the file's own text, and the fill never costs a document it could read.
    """
    if not (lines and page.ocr_layer):
        return lines

    def read(dpi: float) -> list[ocr.OcrLine]:
        return ocr.recognize(pdf[page.number - 1].render(scale=dpi / 72.0).to_pil(), page=page.number)

    picture = pdf[page.number - 1].render(scale=INK_DPI / 72.0).to_pil()
    try:
        out, count = fill(lines, read, page.number, page.height, picture)
    except ocr.OcrError as exc:
        unread.append(str(exc))  # the engine's message names the page
        return lines
    if count:
        filled[page.number] = count
    return out


def _with_ocr(lines: Iterable[Line], recognized: dict[int, list[Line]]) -> Iterator[Line]:
    """Insert each OCR'd page's lines before the first text-layer line of a later page."""
    pending = sorted(recognized)
    for line in lines:
        page = line.hints.page or 0
        while pending and pending[0] < page:
            yield from recognized[pending.pop(0)]
        yield line
    for number in pending:
        yield from recognized[number]


def _ranges(numbers: list[int]) -> str:
    """``2–5, 9`` for [2, 3, 4, 5, 9]."""
    out: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], -1]:
        if n != prev + 1:
            out.append(f"page {start}" if start == prev else f"pages {start}–{prev}")
            start = n
        prev = n
    return ", ".join(out)


def _open_error(exc: Exception, data: bytes) -> str:
    import pypdfium2.raw as raw

    code = getattr(exc, "err_code", None)
    if _EMPTY_TREE.search(data):  # PDFium refuses such a file, its error code left from the last one
        return "the PDF has no pages (its page tree is empty)"
    if code == raw.FPDF_ERR_PASSWORD:
        return "an encrypted (password-protected) PDF: remove the password and save it again"
    if code == raw.FPDF_ERR_SECURITY:
        return "a PDF protected by an unsupported security handler"
    if code == raw.FPDF_ERR_FORMAT:
        return "not a readable PDF: the file is damaged or truncated (no usable cross-reference table or trailer)"
    return f"not a readable PDF ({exc})"


def _ocr_layer(numbers: list[int], *, mode: str, filled: dict[int, int]) -> Diagnostic:
    """The diagnostic of scanned pages whose text is a scanner's invisible OCR layer, read as *mode* says."""
    where = f"page {numbers[0]}" if len(numbers) == 1 else f"pages {_ranges(numbers)}"
    if mode == "replace":
        what = f"read again by OCR ({ocr.ENGINE}) instead of the layer (reader option ocr_layers=replace)"
        message = f"{where}: a scan under an invisible OCR layer, {what}"
        return Diagnostic(level="info", code="ocr-layer", message=message)
    what = "its text is that layer's"
    if filled:
        lines = ", ".join(f"{n} on page {page}" for page, n in sorted(filled.items()))
        what += (
            f", with the lines it lacks read from the image by OCR ({ocr.ENGINE}; {lines}; their places"
            " carry its confidence)"
        )
    if ocr.available():
        other = "keep" if mode == "fill" else "fill"
        how = f"reader option ocr_layers=replace to read the whole image with OCR instead, {other} for"
        how += " the layer alone" if other == "keep" else " the lines the layer lacks"
    else:
        how = f"{_OCR_HINT} to read what the layer lacks, or the whole image (ocr_layers=replace), with OCR"
    message = f"{where}: a scan under an invisible OCR layer; {what}: check it against the page image ({how})"
    return Diagnostic(level="warning", code="ocr-layer", message=message)


def _no_text_layer(page: PageText) -> Diagnostic:
    if page.images:
        message = f"page {page.number} has no text layer: {_OCR_HINT}"
        return Diagnostic(level="warning", code="no-text-layer", message=message)
    return Diagnostic(level="info", code="blank-page", message=f"page {page.number} is blank (no text, no image)")


def _counted(pages: list[tuple[PageText, list[PLine]]], furniture: int, lines: tuple[Line, ...]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    folded: Counter[str] = Counter()
    for page, _ in pages:
        folded.update(page.folded)
        for font, n in sorted(page.unmapped.items()):
            out.append(
                Diagnostic(
                    level="warning",
                    code="unmapped-glyph",
                    message=f"page {page.number}: {n} glyph(s) of font {font} have no Unicode mapping"
                    f" (shown as {UNMAPPED})",
                )
            )
    if folded:
        sample = "".join(sorted(folded)[:8])
        out.append(
            Diagnostic(
                level="info",
                code="radical-folded",
                message=f"{sum(folded.values())} character(s) set as Kangxi radicals or compatibility ideographs"
                f" ({sample}) read as the ideographs they stand for",
            )
        )
    if furniture:
        out.append(
            Diagnostic(
                level="info",
                code="page-furniture",
                message=f"{furniture} page number(s), header(s) or footer(s) kept as residue",
            )
        )
    if not lines:  # pragma: no cover - a page with text always gives a line
        out.append(Diagnostic(level="warning", code="no-text", message="the PDF has no text"))
    return out


def _metadata(pdf: Any) -> tuple[MetaField, ...]:
    try:
        info = pdf.get_metadata_dict(skip_empty=True)
    except Exception:  # pragma: no cover - a damaged info dictionary is no reason to fail
        return ()
    names = {"Title": "title", "Author": "author", "Creator": "creator", "Producer": "producer"}
    names["CreationDate"] = "created"
    return tuple(
        MetaField(name=names[key], value=_pdf_date(str(info[key])) if key == "CreationDate" else str(info[key]))
        for key in names
        if info.get(key)
    )


# D:20230318101431+02'14' (PDF 32000-1 §7.9.4): year, then month … second and the offset from UT, each optional.
_PDF_DATE = re.compile(
    r"^D?:?(?P<y>\d{4})(?P<m>\d{2})?(?P<d>\d{2})?(?P<H>\d{2})?(?P<M>\d{2})?(?P<S>\d{2})?"
    r"(?:(?P<z>Z)|(?P<sign>[+-])(?P<oh>\d{2})'?(?P<om>\d{2})?'?)?"
)


def _pdf_date(value: str) -> str:
    """A PDF date string as the other readers give dates: ``2023-03-18 10:14:31+02:14``; kept as is if it is none.

    The offset is printed as the file states it (WPS writes minutes such as ``+02'14'``).
    """
    found = _PDF_DATE.match(value.strip())
    if found is None or found["m"] is None:
        return value
    out = f"{found['y']}-{found['m']}" + (f"-{found['d']}" if found["d"] else "")
    if found["d"] and found["H"]:
        out += f" {found['H']}:{found['M'] or '00'}:{found['S'] or '00'}"
        if found["z"]:
            out += "+00:00"
        elif found["sign"]:
            out += f"{found['sign']}{found['oh']}:{found['om'] or '00'}"
    return out
