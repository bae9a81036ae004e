"""The ``ofd`` reader: OFD (GB/T 33190-2016), China's fixed-layout format for electronic official documents.

An .ofd is a zip of XML: ``OFD.xml`` names each document's ``Document.xml``, which lists the pages
(``Pages/Page_N/Content.xml``), their templates and the resource files. Text sits in
``TextObject`` elements, each a ``Boundary`` box, an optional ``CTM`` and ``TextCode`` runs placed at
``X``/``Y`` with per-character advances ``DeltaX``; ``CompositeObject`` elements draw a
``CompositeGraphicUnit`` (VectorG) resource, and some producers (CNKI's, the 海关 magazine page in
the corpus) put all the text there. The reader follows both, composing the transforms, groups a
page's runs by baseline into segments, orders them with a recursive XY cut (so magazine columns
read one at a time), and hands the physical lines to the PDF reader's layout steps
(:mod:`._pdflayout`): table rows, page furniture, the text block, alignment/indent/size/bold
hints and paragraphs — the same geometry hints as a PDF page. Template text comes before the
page's own; annotation text (stamps, free-text notes) follows the document's text, origin
``page N annotation``. Signatures and images give no text. The zip's declared sizes are checked
before anything is inflated.
"""

from __future__ import annotations

import contextlib
import math
import posixpath
import re
from collections.abc import Iterator
from typing import Any, ClassVar

from lxml import etree

from ..decode import Errors
from ..errors import ReadError
from ..model import Diagnostic, MetaField, Page
from . import Hints, Line, Reading
from ._banner import mark_banner
from ._pdfchars import PageText, Segment
from ._pdflayout import PLine, _row_text, lay_out, number_tables, row_line
from ._pdflayout import _rows as _layout_rows
from ._zip import ZipLimits, open_zip, read_member, zip_names

NS = ""
"""Tags are compared without their namespace: producers write ``http://www.ofdspec.org/2016``,
``http://www.ofdspec.org`` (the Suwell form in the corpus) or none."""
_KIND = ".ofd"
_PT_PER_MM = 72 / 25.4
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")

Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _then(inner: Matrix, outer: Matrix) -> Matrix:
    """The transform applying *inner* first, then *outer* (x' = a x + c y + e, y' = b x + d y + f)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer  # noqa: N806 - matrix entries
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _numbers(text: str | None) -> list[float]:
    return [float(n) for n in _NUMBER.findall(text or "")]


def _deltas(text: str | None) -> list[float]:
    """Expand a ``DeltaX``/``DeltaY`` list, whose ``g N v`` groups mean N copies of v (GB/T 33190 §11.3)."""
    tokens = (text or "").split()
    out: list[float] = []
    k = 0
    while k < len(tokens):
        if tokens[k] == "g" and k + 2 < len(tokens):
            with contextlib.suppress(ValueError):
                out.extend([float(tokens[k + 2])] * int(float(tokens[k + 1])))
            k += 3
            continue
        with contextlib.suppress(ValueError):
            out.append(float(tokens[k]))
        k += 1
    return out


def _placement(el: Any) -> Matrix:
    """An object's own transform: its CTM, then the move to its Boundary's corner."""
    ctm = _numbers(el.get("CTM"))
    box = _numbers(el.get("Boundary"))
    m: Matrix = (ctm[0], ctm[1], ctm[2], ctm[3], ctm[4], ctm[5]) if len(ctm) == 6 else _IDENTITY
    if len(box) >= 2:
        m = _then(m, (1.0, 0.0, 0.0, 1.0, box[0], box[1]))
    return m


class _Run:
    """One ``TextCode``: its text, where it starts and ends on the page (mm), and its style."""

    __slots__ = ("bold", "size", "text", "x0", "x1", "y")

    def __init__(self, text: str, x0: float, x1: float, y: float, size: float, bold: bool) -> None:
        self.text, self.x0, self.x1, self.y, self.size, self.bold = text, x0, x1, y, size, bold


class _Document:
    """One document of an .ofd package: its resources, read once, and its pages' text."""

    def __init__(self, archive: Any, names: frozenset[str], root: str, source: str | None) -> None:
        self.archive, self.names, self.source = archive, names, source
        self.dir = posixpath.dirname(root)
        self.xml = self._xml(root)
        self.fonts: dict[str, str] = {}
        self.units: dict[str, Any] = {}
        self.composite_chars = 0
        self.glyph_only = 0
        common = self.xml.find(NS + "CommonData")
        box = _numbers(common.findtext(f"{NS}PageArea/{NS}PhysicalBox") if common is not None else None)
        self.page_box = box if len(box) == 4 else [0.0, 0.0, 210.0, 297.0]
        self.templates: dict[str, str] = {}
        if common is not None:
            for res in [*common.findall(NS + "PublicRes"), *common.findall(NS + "DocumentRes")]:
                self._resources(self._path(self.dir, res.text or ""))
            for template in common.findall(NS + "TemplatePage"):
                self.templates[template.get("ID", "")] = self._path(self.dir, template.get("BaseLoc", ""))

    def _path(self, base: str, loc: str) -> str:
        """Resolve a ``BaseLoc``: absolute from the package root, else relative to *base* (or the doc's folder)."""
        loc = loc.strip()
        if loc.startswith("/"):
            return loc.lstrip("/")
        for candidate in (posixpath.join(base, loc), posixpath.join(self.dir, loc), loc):
            normal = posixpath.normpath(candidate)
            if normal in self.names:
                return normal
        return posixpath.normpath(posixpath.join(base, loc))

    def _xml(self, name: str) -> Any:
        data = read_member(self.archive, name, kind=_KIND, source=self.source)
        try:
            root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True))
        except etree.XMLSyntaxError as exc:
            raise ReadError(f"not a readable .ofd: {name} is not well-formed XML ({exc})", source=self.source) from exc
        for el in root.iter():
            if isinstance(el.tag, str) and "}" in el.tag:
                el.tag = el.tag.split("}", 1)[1]
        return root

    def _resources(self, name: str) -> None:
        if name not in self.names:
            return
        res = self._xml(name)
        for font in res.iter(NS + "Font"):
            self.fonts[font.get("ID", "")] = font.get("FontName", "") + " " + font.get("FamilyName", "")
        for unit in res.iter(NS + "CompositeGraphicUnit"):
            self.units[unit.get("ID", "")] = unit

    # -- text objects ----------------------------------------------------------------------

    def _runs(self, container: Any, m: Matrix, out: list[_Run], depth: int = 0, composite: bool = False) -> None:
        if depth > 16:  # composite units drawing each other: stop rather than loop
            return
        for el in container:
            tag = el.tag
            if tag == NS + "TextObject":
                self._text(el, _then(_placement(el), m), out, composite)
            elif tag == NS + "CompositeObject":
                unit = self.units.get(el.get("ResourceID", ""))
                content = unit.find(NS + "Content") if unit is not None else None
                if content is not None:
                    self._runs(content, _then(_placement(el), m), out, depth + 1, composite=True)
            elif tag in (NS + "PageBlock", NS + "Layer", NS + "Content"):
                self._runs(el, m, out, depth, composite)

    def _text(self, obj: Any, m: Matrix, out: list[_Run], composite: bool) -> None:
        size = float(obj.get("Size", "0") or 0)
        scale = math.sqrt(abs(m[0] * m[3] - m[1] * m[2])) or 1.0
        size_mm = size * scale
        font = self.fonts.get(obj.get("Font", ""), "")
        bold = int(float(obj.get("Weight", "400") or 400)) >= 600 or bool(re.search(r"bold|黑体|粗", font, re.I))
        x = y = 0.0
        for code in obj.iter(NS + "TextCode"):
            text = code.text or ""
            x = float(code.get("X", x))
            y = float(code.get("Y", y))
            if not text.strip():
                if not text and obj.find(NS + "CGTransform") is not None:  # glyph ids, no characters
                    self.glyph_only += 1
                continue
            deltas = _deltas(code.get("DeltaX"))
            width = sum(deltas[: len(text) - 1]) + size
            x0, baseline = _apply(m, x, y)
            x1, _ = _apply(m, x + width, y)
            out.append(_Run(text, min(x0, x1), max(x0, x1), baseline, size_mm, bold))
            if composite:
                self.composite_chars += len(text.strip())
            x += width - size

    # -- pages -----------------------------------------------------------------------------

    def page_lines(self, number: int, page: Any) -> tuple[PageText, list[PLine]]:
        """The page's physical lines in reading order, as the PDF reader's layout steps take them."""
        name = self._path(self.dir, page.get("BaseLoc", ""))
        content = self._xml(name)
        box = _numbers(content.findtext(f"{NS}Area/{NS}PhysicalBox"))
        box = box if len(box) == 4 else self.page_box
        runs: list[_Run] = []
        for template in content.findall(NS + "Template"):
            loc = self.templates.get(template.get("TemplateID", ""))
            if loc and loc in self.names:
                self._runs(self._xml(loc).iter(NS + "Content"), _IDENTITY, runs)
        for part in content.findall(NS + "Content"):
            self._runs(part, _IDENTITY, runs)
        return _physical(runs, box, number)

    def annotation_lines(self, annotations: str, pages: dict[str, int]) -> dict[int, list[Line]]:
        """Text drawn by annotations (free-text notes, stamps), per page number."""
        out: dict[int, list[Line]] = {}
        if annotations not in self.names:
            return out
        index = self._xml(annotations)
        base = posixpath.dirname(annotations)
        for page in index.iter(NS + "Page"):
            number = pages.get(page.get("PageID", ""))
            loc = page.findtext(NS + "FileLoc") or ""
            name = self._path(base, loc)
            if number is None or name not in self.names:
                continue
            for annot in self._xml(name).iter(NS + "Annot"):
                for appearance in annot.iter(NS + "Appearance"):
                    runs: list[_Run] = []
                    self._runs(appearance, _placement(appearance), runs)
                    origin = f"page {number} annotation {annot.get('ID', '')} {annot.get('Type', '')}".strip()
                    out.setdefault(number, []).extend(_lines(runs, self.page_box, origin))
        return out


def _rows(items: list[_Run]) -> list[list[_Run]]:
    """Group runs whose baselines lie within half a character of each other, top to bottom."""
    rows: list[list[_Run]] = []
    for run in sorted(items, key=lambda r: (r.y, r.x0)):
        if rows:
            last = rows[-1]
            if abs(run.y - last[0].y) <= 0.45 * max(run.size, max(r.size for r in last), 0.5):
                last.append(run)
                continue
        rows.append([run])
    for row in rows:
        row.sort(key=lambda r: r.x0)
    return rows


def _segments(runs: list[_Run]) -> list[_Run]:
    """Join the runs of each baseline into segments, cut where the gap is wider than two characters."""
    out: list[_Run] = []
    for row in _rows(runs):
        current = row[0]
        for run in row[1:]:
            if run.x0 - current.x1 > 2 * max(run.size, 0.5):
                out.append(current)
                current = run
            else:
                current = _Run(current.text + run.text, current.x0, max(current.x1, run.x1), current.y,
                               max(current.size, run.size) if len(run.text) > len(current.text) else current.size,
                               current.bold and run.bold)  # fmt: skip
        out.append(current)
    return out


def _columnar(side: list[_Run], width: float) -> bool:
    """True when *side* holds text columns: three segments or more, each a fifth of the page wide."""
    return sum(1 for s in side if s.x1 - s.x0 >= 0.2 * width) >= 3


Edges = tuple[float, float]


def _cut(segments: list[_Run], width: float, block: Edges) -> list[tuple[list[_Run], Edges]]:
    """Cut a page's segments into blocks in reading order (a recursive XY cut).

    A column gutter splits when both sides are text columns, else the widest gap between lines. The
    leaves come top to bottom, left column first, each with the left and right edges of the text
    block (page or column) it lies in, for alignment.
    """
    if len(segments) < 6:
        return [(segments, block)]
    ordered = sorted(segments, key=lambda s: s.x0)
    sizes = sorted(s.size for s in segments)
    em = max(sizes[len(sizes) // 2], 0.5)
    reach = ordered[0].x1
    for k in range(1, len(ordered)):
        left, right = ordered[:k], ordered[k:]
        if ordered[k].x0 - reach > em and _columnar(left, width) and _columnar(right, width):
            return _cut(left, width, _extent(left)) + _cut(right, width, _extent(right))
        reach = max(reach, ordered[k].x1)
    by_top = sorted(segments, key=lambda s: s.y - 0.85 * s.size)
    bottom, best, best_gap = by_top[0].y, 0, 0.0
    for k in range(1, len(by_top)):
        gap = by_top[k].y - 0.85 * by_top[k].size - bottom
        if gap > best_gap:
            best, best_gap = k, gap
        bottom = max(bottom, by_top[k].y)
    if best == 0:
        return [(segments, block)]
    return _cut(by_top[:best], width, block) + _cut(by_top[best:], width, block)


def _extent(segments: list[_Run]) -> Edges:
    return min(s.x0 for s in segments), max(s.x1 for s in segments)


def _segment(run: _Run, height: float) -> Segment:
    """A run as the PDF layout's segment: points, y up from the bottom of the page."""
    visible = sum(1 for c in run.text if not c.isspace())
    size = run.size * _PT_PER_MM
    bottom = (height - (run.y + 0.12 * run.size)) * _PT_PER_MM
    return Segment(
        chars=list(run.text),
        x0=run.x0 * _PT_PER_MM,
        y0=bottom,
        x1=run.x1 * _PT_PER_MM,
        y1=bottom + size,
        sizes=[size] * visible,
        bold=visible if run.bold else 0,
        visible=visible,
        reach=run.x1 * _PT_PER_MM,
    )


def _physical(runs: list[_Run], box: list[float], number: int) -> tuple[PageText, list[PLine]]:
    """Order a page's runs (segments, XY cut) into the physical lines the PDF layout steps take."""
    width, height = box[2], box[3]
    page = PageText(number=number, width=width * _PT_PER_MM, height=height * _PT_PER_MM)
    segments = _segments(runs)
    lines: list[PLine] = []
    if not segments:
        return page, lines
    for leaf, _ in _cut(segments, width, _extent(segments)):
        pieces = [_segment(run, height) for run in leaf]
        page.segments.extend(pieces)
        previous: PLine | None = None
        for row in _layout_rows(pieces):
            text, table = _row_text(row)
            if not text.strip():
                continue
            line = row_line(text, number, row, table, page.height)
            if previous is not None:
                line.gap_above = previous.y0 - line.y1
            lines.append(line)
            previous = line
    return page, lines


def _lines(runs: list[_Run], box: list[float], origin: str) -> list[Line]:
    """Lines of text drawn outside the page flow (annotations), with their size and weight."""
    lines: list[Line] = []
    for row in _rows(runs):
        text = "".join(run.text for run in row)
        if text.strip():
            size = max(row, key=lambda r: len(r.text)).size
            hints = Hints(bold=all(r.bold for r in row), font_size=round(size * _PT_PER_MM, 1) if size else None)
            lines.append(Line(text=text, origin=origin, hints=hints))
    return lines


def _layout(pages: list[tuple[PageText, list[PLine]]]) -> tuple[list[Line], int]:
    """The PDF reader's steps after reading order: furniture, text block, hints, paragraphs."""
    laid, furniture = lay_out(pages)
    return list(mark_banner(number_tables(laid))), furniture


class OfdReader:
    """OFD files (GB/T 33190): page text sorted into lines by position, with size and alignment hints."""

    name: ClassVar[str] = "ofd"
    suffixes: ClassVar[tuple[str, ...]] = (".ofd",)

    def __init__(self, *, max_unzipped: object = None, max_ratio: object = None) -> None:
        """Configure the zip limits checked before anything is inflated (see the ``docx`` reader).

        Raises:
            ValueError: An option is not a positive size or ratio.
        """
        self.limits = ZipLimits.from_options(max_unzipped, max_ratio)

    def sniff(self, data: bytes) -> bool:
        """Claim zip archives holding ``OFD.xml`` at their root."""
        names = zip_names(data) if data.startswith(b"PK") else None
        return names is not None and "OFD.xml" in names

    def read(self, data: bytes, *, source: str | None = None, errors: Errors = "strict") -> Iterator[Reading]:
        """Yield each document of the package (most hold one).

        Raises:
            ReadError: The bytes are not a readable .ofd, or declare more than the zip limits.
        """
        with open_zip(data, self.limits, kind=_KIND, source=source) as archive:
            names = frozenset(archive.namelist())
            if "OFD.xml" not in names:
                raise ReadError("a zip archive without OFD.xml: not an .ofd", source=source)
            ofd = _Document.__new__(_Document)  # only to parse OFD.xml with the same guarded parser
            ofd.archive, ofd.names, ofd.source = archive, names, source
            bodies = ofd._xml("OFD.xml").findall(NS + "DocBody")
            if not bodies:
                raise ReadError("OFD.xml names no document (no DocBody)", source=source)
            for k, body in enumerate(bodies, 1):
                root = (body.findtext(NS + "DocRoot") or "").strip().lstrip("/")
                if root not in names:
                    raise ReadError(f"OFD.xml names {root or 'no DocRoot'}, which the package lacks", source=source)
                yield self._read_document(
                    archive, names, root, body, source, label=f"doc{k}" if len(bodies) > 1 else None
                )

    def _read_document(
        self, archive: Any, names: frozenset[str], root: str, body: Any, source: str | None, label: str | None
    ) -> Reading:
        document = _Document(archive, names, root, source)
        pages = document.xml.findall(f"{NS}Pages/{NS}Page")
        numbers = {page.get("ID", ""): k for k, page in enumerate(pages, 1)}
        annotations_loc = document.xml.findtext(NS + "Annotations")
        annotations = (
            document.annotation_lines(document._path(document.dir, annotations_loc), numbers) if annotations_loc else {}
        )
        laid = [document.page_lines(k, page) for k, page in enumerate(pages, 1)]
        lines, furniture = _layout(laid) if any(plines for _, plines in laid) else ([], 0)
        for k in sorted(annotations):  # drawn over the page, outside its flow: after the text
            lines.extend(annotations[k])
        diagnostics: list[Diagnostic] = []
        if furniture:
            diagnostics.append(
                Diagnostic(
                    level="info",
                    code="page-furniture",
                    message=f"{furniture} page numbers or running heads kept as residue",
                )
            )
        if document.composite_chars:
            diagnostics.append(
                Diagnostic(
                    level="info",
                    code="ofd-composite-text",
                    message=f"{document.composite_chars} characters read from CompositeObject (VectorG) resources",
                )
            )
        if document.glyph_only:
            diagnostics.append(
                Diagnostic(
                    level="warning",
                    code="ofd-glyphs-only",
                    message=f"{document.glyph_only} text runs give glyph ids without characters: their text is missing",
                )
            )
        count = sum(len(v) for v in annotations.values())
        if count:
            diagnostics.append(
                Diagnostic(level="info", code="ofd-annotations", message=f"{count} lines of annotation text read")
            )
        if not lines:
            diagnostics.append(
                Diagnostic(level="warning", code="no-text", message="the document has no text (scanned pages?)")
            )
        info = body.find(NS + "DocInfo")
        metadata = tuple(
            MetaField(name=key, value=(info.findtext(NS + tag) or "").strip())
            for key, tag in (("title", "Title"), ("author", "Author"), ("created", "CreationDate"))
            if info is not None and (info.findtext(NS + tag) or "").strip()
        )
        sizes = tuple(Page(number=p.number, width=round(p.width, 1), height=round(p.height, 1)) for p, _ in laid)
        return Reading(
            format=self.name,
            lines=tuple(lines),
            metadata=metadata,
            diagnostics=tuple(diagnostics),
            label=label,
            pages=sizes,
        )
