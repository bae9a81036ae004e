"""The ``html`` reader (lxml.html): block elements, ``<br>`` and table rows become lines.

Rules (issue 10): lines follow document order; ``<script>``, ``<style>``, comments, the
document head and Word's ``<o:p>`` give no text; whitespace collapses as a browser collapses
it (NBSP and U+3000 stay); a table row is one line with its cells separated by a tab, while a
cell holding paragraphs gives a line per paragraph; centring (``text-align:center``,
``align=center``, ``<center>``), right alignment, ``<h1>``–``<h6>``, bold, font size and list
depth become :class:`~bulletins.readers.Hints`. Each line records the element path it came
from. The declared charset wins over detection; malformed markup is recovered by lxml.
Text of elements hidden with ``display:none``, ``visibility:hidden`` or ``hidden`` is kept on lines
of its own with the ``hidden`` hint (the lexer makes it residue), and counted in a diagnostic.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator, Sequence
from typing import ClassVar

import attrs
import lxml.etree
import lxml.html
from attrs import field as attrs_field
from attrs import frozen

from ..decode import Errors, decode
from ..errors import DecodeError
from ..model import Diagnostic, Figure, MetaField
from . import Align, CellShape, Hints, Line, Reading
from ._pages import extract, is_whole_page

_PREFIX = 4096
_SNIFF = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:(?:<!--.*?-->|<%.*?%>|<\?php.*?\?>)\s*)*<(?:!doctype\s+html|html|head|body|meta|title|table|tbody|tr|td"
    rb"|div|p|span|h[1-6]|center|font|ul|ol|section|article)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# A saved template page: JSP's <%@ page contentType="text/html; charset=GBK" %>, PHP's
# header("Content-Type: text/html; charset=gbk").
_DIRECTIVE_CHARSET = re.compile(
    rb"""<%@[^%]*?charset\s*=\s*([A-Za-z0-9_.:-]+)|<\?php[^?]*?charset\s*=\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_SPACE = re.compile(r"[ \t\n\r\f]+")
_WIDEN = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs", "cp950": "big5hkscs"}

BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "legend",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "tr",
        "ul",
        "option",
    ]
)
"""Elements that start and end a line."""
SILENT = frozenset(
    [
        "script",
        "style",
        "head",
        "title",
        "noscript",
        "template",
        "o:p",
        "object",
        "embed",
        "iframe",
        "svg",
        "math",
        "select",
    ]
)
"""Elements whose content is never text of the page (Word's ``<o:p>`` is an empty paragraph mark)."""
_CELLS = frozenset(("td", "th"))
_ALIGNS: dict[str, Align] = {"center": "center", "middle": "center", "right": "right", "left": "left"}
_ALIGNS["justify"] = "justify"
_STYLE_ALIGN = re.compile(r"text-align\s*:\s*([a-z]+)", re.IGNORECASE)
_STYLE_WEIGHT = re.compile(r"font-weight\s*:\s*([a-z0-9]+)", re.IGNORECASE)
_STYLE_SIZE = re.compile(r"font-size\s*:\s*([\d.]+)\s*(pt|px)", re.IGNORECASE)
_STYLE_DISPLAY = re.compile(r"display\s*:\s*([a-z-]+)", re.IGNORECASE)
_STYLE_VISIBILITY = re.compile(r"visibility\s*:\s*([a-z-]+)", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """Return the codec named by a ``<meta charset>`` / ``http-equiv`` declaration, widened, or None.

    A server-template directive's charset (JSP ``<%@ page … charset=… %>``, a PHP ``header()``)
    counts as a declaration when no ``<meta>`` names one.
    """
    found = _META_CHARSET.search(data[:_PREFIX]) or _DIRECTIVE_CHARSET.search(data[:_PREFIX])
    if found is None:
        return None
    try:
        name = codecs.lookup((found.group(1) or found.group(2)).decode("ascii", "replace")).name
    except LookupError:
        return None
    return _WIDEN.get(name, name)


@frozen
class _Frame:
    tag: str
    path: str
    align: Align | None
    bold: bool
    size: float | None
    heading: int | None
    depth: int  # list nesting
    cell: bool
    block: bool
    origin: str  # path of the nearest block element: what a line records as its provenance
    hidden: bool  # inside display:none / visibility:hidden / [hidden]
    row: bool  # inside a table row of two or more cells: the whole row is one line
    row_start: bool  # this element is such a row
    caption: bool = False  # inside <figcaption> or a table's <caption>
    table: int = 0  # number of the innermost data <table> (from 1), 0 outside any
    thead: bool = False  # inside <thead>: its cells are header cells
    link: bool = False  # inside <a href>: counted for the link density of whole pages (readers/_pages.py)


class _Builder:
    """Collect lines while walking the tree once (start/end events, no recursion)."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.pieces: list[str] = []
        self.bold_all = True
        self.frame: _Frame | None = None
        self.cell_direct = False
        self.shapes: list[CellShape] = []
        self.link_chars = 0
        self.links: list[int] = []  # per line: characters of its text inside links

    def add(self, text: str | None, frame: _Frame) -> None:
        if not text:
            return
        text = _SPACE.sub(" ", text)
        if not self.pieces:
            text = text.lstrip(" ")
            if not text:
                return
        if self.frame is None and text.strip():
            self.frame = frame
            self.cell_direct = frame.row or (frame.cell and frame.tag in _CELLS | {"tr"})
        if text.strip():
            self.bold_all = self.bold_all and frame.bold
            if frame.link:
                self.link_chars += len(text) - text.count(" ")
        self.pieces.append(text)

    def separate_cell(self) -> None:
        if self.pieces and self.pieces[-1] == " ":
            self.pieces.pop()
        if self.pieces:
            self.pieces.append("\t")
            self.cell_direct = True

    def separate(self, text: str) -> None:
        if self.pieces and not self.pieces[-1].endswith((" ", "\t")):
            self.pieces.append(text)

    def flush(self) -> None:
        text = "".join(self.pieces).strip(" \t")
        frame = self.frame
        self.pieces = []
        self.frame = None
        bold, self.bold_all = self.bold_all, True
        cell, self.cell_direct = self.cell_direct, False
        shapes, self.shapes = self.shapes, []
        links, self.link_chars = self.link_chars, 0
        if not text or frame is None:
            return
        plain = all(shape == _PLAIN_CELL for shape in shapes)
        hints = Hints(
            table=frame.table if frame.row and frame.table else None,
            cells=() if plain or not frame.row else tuple(shapes),
            align=frame.align,
            bold=bold,
            heading=frame.heading,
            list_level=frame.depth or None,
            font_size=frame.size,
            table_cell=cell,
            hidden=frame.hidden,
            caption=frame.caption,
        )
        for part in text.split("\n"):  # <pre> keeps its newlines
            if part.strip():
                self.lines.append(Line(text=part, origin=frame.origin, hints=hints))
                self.links.append(min(links, len(part)))


_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_SIMPLE_SELECTOR = re.compile(r"^\s*([a-z0-9]*)(?:([.#])([\w-]+))?\s*$", re.IGNORECASE)


def stylesheet(root: lxml.html.HtmlElement) -> dict[str, str]:
    """Declarations of the page's simple ``<style>`` rules, keyed ``tag``, ``.class``, ``#id``, ``tag.class``.

    Pages often centre a title with a class (``.title { text-align: center }``) rather than inline;
    only simple selectors are read (no descendant or attribute selectors, no cascade by
    specificity beyond inline > id > class > tag).
    """
    rules: dict[str, str] = {}
    for style in root.iter("style"):
        css = re.sub(r"/\*.*?\*/", "", style.text or "", flags=re.DOTALL)
        for selectors, body in _CSS_RULE.findall(css):
            for selector in selectors.split(","):
                found = _SIMPLE_SELECTOR.match(selector)
                if found:
                    tag, kind, name = found.groups()
                    key = f"{tag.lower()}{kind or ''}{name or ''}"
                    if key:
                        rules[key] = rules.get(key, "") + ";" + body
    return rules


def _rules_for(el: lxml.html.HtmlElement, tag: str, rules: dict[str, str]) -> str:
    """Inline style first, then id, class and tag rules: the first match of a property wins."""
    found = [el.get("style") or ""]
    ident = el.get("id")
    classes = (el.get("class") or "").split()
    if ident:
        found += [rules.get(f"#{ident}", ""), rules.get(f"{tag}#{ident}", "")]
    for name in classes:
        found += [rules.get(f"{tag}.{name}", ""), rules.get(f".{name}", "")]
    found.append(rules.get(tag, ""))
    return ";".join(part for part in found if part)


_PLAIN_CELL = CellShape()
_ROW_PATHS = ("tr", "tbody/tr", "thead/tr", "tfoot/tr")
_LAYOUT = ("table", "div", "ul", "ol", "dl", "form", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6")


def _layout_row(el: lxml.html.HtmlElement) -> bool:
    """A table row laying out a page (a cell holds a table, a div, a list …), not a row of data.

    The search stops at the first such element, so nested layout tables are not walked twice over.
    """
    return any(getattr(c, "tag", None) in _CELLS and next(c.iter(*_LAYOUT), None) is not None for c in el)


def _data_table(table: lxml.html.HtmlElement, page: bool) -> bool:
    """A table of data: one of its own rows (nested tables aside) has two or more cells.

    gov.cn pages lay their text out in one-cell tables, and whole pages in rows whose cells hold
    blocks (:func:`_layout_row`); those rows stay text.
    """
    return any(
        sum(1 for c in row if getattr(c, "tag", None) in _CELLS) >= 2 and not (page and _layout_row(row))
        for path in _ROW_PATHS
        for row in table.findall(path)
    )


def _span(el: lxml.html.HtmlElement, name: str) -> int:
    value = (el.get(name) or "").strip()
    return int(value) if value.isdigit() and 1 <= int(value) <= 1000 else 1


def _frame(
    el: lxml.html.HtmlElement,
    tag: str,
    path: str,
    parent: _Frame | None,
    rules: dict[str, str] | None = None,
    table: int = 0,
    page: bool = False,
) -> _Frame:
    style = _rules_for(el, tag, rules) if rules else el.get("style") or ""
    align = parent.align if parent else None
    attr = (el.get("align") or "").strip().lower()
    css = _STYLE_ALIGN.search(style)
    # text-align and align= set a block's alignment; on an inline element (a <span>, <font>, <b>) a
    # browser ignores them, and so does the reader: govcn-html/row20.html centres its forwarded
    # report's title on the <p> and sets ``text-align: justify`` on the <span> inside it.
    aligns = tag in BLOCKS or tag in _CELLS or tag in {"body", "html"}
    if tag == "center":
        align = "center"
    elif not aligns:
        pass
    elif css and css.group(1).lower() in _ALIGNS:
        align = _ALIGNS[css.group(1).lower()]
    elif attr in _ALIGNS:
        align = _ALIGNS[attr]
    bold = (parent.bold if parent else False) or tag in {"b", "strong"}
    weight = _STYLE_WEIGHT.search(style)  # the first declaration found wins (inline before rules)
    if weight:
        bold = weight.group(1).lower() in {"bold", "bolder", "600", "700", "800", "900"}
    size = parent.size if parent else None
    found = _STYLE_SIZE.search(style)
    if found:
        value = float(found.group(1))
        size = value * 0.75 if found.group(2).lower() == "px" else value
    heading = int(tag[1]) if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456" else None
    if heading is None and parent is not None:
        heading = parent.heading
    depth = (parent.depth if parent else 0) + (tag == "li")
    cell = (parent.cell if parent else False) or tag in _CELLS
    # A hidden element is kept apart on lines of its own, so hidden and visible text never share a line.
    starts_hidden = _hidden(el, style) and not (parent.hidden if parent else False)
    block = tag in BLOCKS or starts_hidden
    origin = path if block or parent is None else parent.origin
    hidden = (parent.hidden if parent else False) or starts_hidden
    # A data table's row (two or more cells) is one line, cells separated by tabs, even where a cell
    # holds paragraphs; a layout table's single cell (gov.cn pages) lets its paragraphs be lines.
    in_row = parent.row if parent else False
    table = table if table and _data_table(el, page) else 0 if tag == "table" else parent.table if parent else 0
    # In a data table every row is a grid row, a one-cell title row (colspan) included; a whole
    # page's layout row (its cells hold blocks of their own) is never one.
    width = sum(1 for c in el if getattr(c, "tag", None) in _CELLS)
    row_start = tag == "tr" and not in_row and (width >= 2 or (width == 1 and table > 0))
    if row_start and page and _layout_row(el):
        row_start = False
    caption = (parent.caption if parent else False) or tag in {"figcaption", "caption"}
    link = (parent.link if parent else False) or (tag == "a" and el.get("href") is not None)
    return _Frame(
        tag,
        path,
        align,
        bold,
        size,
        heading,
        depth,
        cell,
        block,
        origin,
        hidden,
        in_row or row_start,
        row_start,
        caption,
        table,
        (parent.thead if parent else False) or tag == "thead",
        link,
    )


def _hidden(el: lxml.html.HtmlElement, style: str) -> bool:
    """Hidden by the attribute or by the first ``display`` / ``visibility`` declaration found.

    *style* lists the inline style before the id, class and tag rules, so an inline
    ``display: block`` overrides a class's ``display: none`` (nfra.gov.cn's ``.content``).
    """
    if el.get("hidden") is not None:
        return True
    display = _STYLE_DISPLAY.search(style)
    visibility = _STYLE_VISIBILITY.search(style)
    return bool(display and display.group(1).lower() == "none") or bool(
        visibility and visibility.group(1).lower() == "hidden"
    )


@frozen
class Walked:
    """What one walk over a page's tree gave: its lines and what whole-page extraction needs."""

    lines: list[Line]
    """The visible lines, in document order."""
    links: list[int]
    """Per line, how many of its characters are link text (``<a href>``)."""
    parents: dict[str, str]
    """Block element path → path of the block that holds it (``""`` for the root)."""
    root: lxml.html.HtmlElement | None
    """The parsed tree (None when the text held no element)."""
    diagnostics: list[Diagnostic]
    """What was left out (hidden text)."""
    images: list[tuple[int, str | None, str | None, str | None]] = attrs_field(factory=list)
    """Per visible ``<img>``: the index of the line it stands at (0-based), its src, alt and caption."""


def html_lines(text: str) -> tuple[list[Line], list[Diagnostic]]:
    """Return the visible lines of the HTML *text*, and diagnostics about what was left out."""
    walked = walk(text)
    return walked.lines, walked.diagnostics


_END_TAGS = re.compile(r"</(?:html|body)\s*>", re.IGNORECASE)
_DIRECTIVES = (("<%", "%>"), ("<?php", "?>"))


def strip_directives(text: str) -> str:
    """Remove server-template directives (``<%@ page … %>``, ``<% … %>``, ``<?php … ?>``): markup, not text.

    One pass per kind with ``str.find``; an unclosed directive runs to the end of the text.
    """
    for opening, closing in _DIRECTIVES:
        if opening not in text:
            continue
        out: list[str] = []
        at = 0
        while (start := text.find(opening, at)) >= 0:
            out.append(text[at:start])
            end = text.find(closing, start + len(opening))
            at = len(text) if end < 0 else end + len(closing)
        out.append(text[at:])
        text = "".join(out)
    return text


def walk(text: str, *, page: bool = False) -> Walked:
    """Walk the HTML *text* once into lines (see :func:`html_lines`), keeping link counts and block parents.

    With *page* (a whole web page, not a content fragment), ``</html>`` and ``</body>`` tags are
    dropped before parsing — a server-side include leaves them mid-page (gov.cn's 国务院公报 pages
    close the header's ``</html>`` before the article) and the parser would end the page there —
    and a table row whose cells hold tables, divs or lists is layout: its cells are not one line.
    """
    text = strip_directives(_XML_DECL.sub("", text, count=1))
    if page:
        text = _END_TAGS.sub("", text)
    diagnostics: list[Diagnostic] = []
    parents: dict[str, str] = {}
    if not text.strip():
        return Walked([], [], parents, None, diagnostics)
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, recover=True, huge_tree=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
        rules = stylesheet(root)
    except (lxml.etree.ParserError, ValueError):  # only whitespace or comments: no elements at all
        return Walked([], [], parents, None, diagnostics)
    out = _Builder()
    frames: list[_Frame] = []
    counters: list[dict[str, int]] = [{}]
    skip_depth = 0
    hidden_count = 0
    tables = 0
    images: list[tuple[int, str | None, str | None, str | None]] = []
    for event, el in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if event == "start":
            siblings = counters[-1]
            siblings[tag] = siblings.get(tag, 0) + 1
            counters.append({})
            parent = frames[-1] if frames else None
            path = f"{parent.path if parent else ''}/{tag}[{siblings[tag]}]" if tag else (parent.path if parent else "")
            tables += tag == "table"
            frame = _frame(el, tag, path, parent, rules, tables if tag == "table" else 0, page)
            frames.append(frame)
            if frame.origin == path:
                parents[path] = parent.origin if parent else ""
            if skip_depth or not tag or tag in SILENT:
                skip_depth += 1
                continue
            if frame.hidden and not (parent.hidden if parent else False) and (el.text_content() or "").strip():
                hidden_count += 1
            if frame.block or tag == "br":
                if frame.row and not frame.row_start and not frame.hidden:
                    out.separate(" ")  # a paragraph inside a cell of a data row: same line
                else:
                    out.flush()
            if tag == "img" and not frame.hidden:
                images.append((len(out.lines), _attr(el, "src"), _attr(el, "alt"), _figcaption(el)))
            if tag in _CELLS:
                out.separate_cell()
                if frame.row:
                    out.shapes.append(
                        CellShape(
                            header=tag == "th" or frame.thead,
                            colspan=_span(el, "colspan"),
                            rowspan=_span(el, "rowspan"),
                        )
                    )
            out.add(el.text, frame)
        else:
            frame = frames.pop()
            counters.pop()
            parent = frames[-1] if frames else frame
            if skip_depth:
                skip_depth -= 1
            elif frame.block:
                if frame.row and not frame.row_start and not frame.hidden:
                    out.separate(" ")
                else:
                    out.flush()
            if not skip_depth:
                out.add(el.tail, parent)
    out.flush()
    if hidden_count:
        diagnostics.append(
            Diagnostic(
                level="warning",
                code="hidden-text",
                message=f"{hidden_count} hidden element(s) (display:none or hidden): their text is kept as"
                " residue, never as a bulletin's text",
            )
        )
    return Walked(out.lines, out.links, parents, root, diagnostics, images)


def _attr(el: lxml.html.HtmlElement, name: str) -> str | None:
    return _SPACE.sub(" ", el.get(name) or "").strip() or None


def _figcaption(img: lxml.html.HtmlElement) -> str | None:
    """The ``<figcaption>`` of the ``<figure>`` that holds *img*, if any."""
    figure = next((a for a in img.iterancestors() if isinstance(a.tag, str) and a.tag.lower() == "figure"), None)
    if figure is None:
        return None
    caption = next(figure.iter("figcaption"), None)
    return _SPACE.sub(" ", caption.text_content()).strip() or None if caption is not None else None


def _under_pictures(
    lines: list[Line], images: Sequence[tuple[int, str | None, str | None, str | None]], pictures: Sequence[Figure]
) -> list[Line]:
    """*lines* with ``under_image`` set on each line that stands right under one of *pictures*."""
    kept = {figure.line - 1 for figure in pictures}
    under = {at for at, *_ in images if at < len(lines) and at in kept}
    if not under:
        return lines
    return [attrs.evolve(line, hints=attrs.evolve(line.hints, under_image=True)) if k in under else line
            for k, line in enumerate(lines)]  # fmt: skip


def figures(
    images: Sequence[tuple[int, str | None, str | None, str | None]], lines: Sequence[Line]
) -> tuple[tuple[Figure, ...], list[Diagnostic]]:
    """Return the page's pictures as figures at their lines.

    A whole page's chrome pictures (logos, share icons: every line around them is chrome) are left
    out, and a diagnostic counts them.
    """
    out: list[Figure] = []
    chrome = 0
    for at, src, alt, caption in images:
        if not lines or (src is None and alt is None):
            continue
        line = min(at, len(lines) - 1)
        around = [lines[k] for k in (line - 1, line) if 0 <= k < len(lines)]
        if around and all(x.hints.chrome for x in around):
            chrome += 1
            continue
        out.append(Figure(line=line + 1, src=src, alt=alt, caption=caption))
    found = []
    if chrome:
        found.append(
            Diagnostic(
                level="info",
                code="chrome-pictures-left-out",
                message=f"{chrome} picture(s) in the page's chrome (logos, icons) are not listed as figures",
            )
        )
    return tuple(out), found


def _title(text: str) -> str | None:
    found = re.search(r"<title[^>]*>(.*?)</title>", text[: _PREFIX * 4], re.IGNORECASE | re.DOTALL)
    return _SPACE.sub(" ", found.group(1)).strip() or None if found else None


def _decode_page(data: bytes, source: str | None, errors: Errors) -> tuple[str, str, float, list[Diagnostic]]:
    """Decode a page: its declared charset, else the one that decodes it, else detection.

    A saved page often declares the charset of the site it came from while its bytes are what
    the saving browser wrote (people.com.cn pages declare GB2312 and are UTF-8): where the
    declared charset fails and another decodes every byte, that one wins and a
    ``declared-charset-wrong`` warning says so. Where none does, ``errors="replace"`` keeps the
    declared charset with U+FFFD for the bad bytes; ``strict`` raises.

    Raises:
        DecodeError: Nothing decodes the page and *errors* is ``strict``.
    """
    charset = declared_charset(data)
    if charset is None:
        decoded = decode(data, source=source, errors=errors)
        diagnostics = list(decoded.diagnostics)
        if decoded.encoding != "utf-8":
            diagnostics.append(
                Diagnostic(
                    level="warning",
                    code="undeclared-charset",
                    message=f"the page declares no charset; read as {decoded.encoding} (detected, confidence"
                    f" {decoded.confidence:.2f})",
                )
            )
        return decoded.text, decoded.encoding, decoded.confidence, diagnostics
    try:
        return data.decode(charset).removeprefix("\ufeff"), charset, 1.0, []
    except UnicodeDecodeError as exc:
        failure = exc
    try:
        decoded = decode(data, source=source, errors="strict")
    except DecodeError as exc:
        if errors == "strict":
            raise DecodeError(
                f"byte offset {failure.start}: not valid {charset}, the charset the page declares,"
                " and no other charset decodes it",
                source=source,
                offset=failure.start,
            ) from exc
        replaced = Diagnostic(
            level="warning",
            code="replaced-bytes",
            message=f"bytes not valid in {charset}, the charset the page declares, were replaced with U+FFFD"
            f" (the first at byte offset {failure.start})",
        )
        return data.decode(charset, errors="replace").removeprefix("\ufeff"), charset, 1.0, [replaced]
    wrong = Diagnostic(
        level="warning",
        code="declared-charset-wrong",
        message=f"the page declares {charset} but is not valid {charset} at byte offset {failure.start};"
        f" read as {decoded.encoding}, which decodes it",
    )
    return decoded.text, decoded.encoding, decoded.confidence, [*decoded.diagnostics, wrong]


class HtmlReader:
    """HTML pages (gov.cn policy pages, saved web pages): visible text, one block per line."""

    name: ClassVar[str] = "html"
    suffixes: ClassVar[tuple[str, ...]] = (".html", ".htm", ".xhtml", ".shtml")

    def sniff(self, data: bytes) -> bool:
        """Claim bytes that open with an HTML tag (after a BOM, whitespace and comments)."""
        return _SNIFF.match(data[:_PREFIX]) is not None

    def read(self, data: bytes, *, source: str | None = None, errors: Errors = "strict") -> Iterator[Reading]:
        """Yield the page as one document.

        Raises:
            DecodeError: The bytes cannot be decoded in the declared charset or any detected one.
        """
        text, encoding, confidence, diagnostics = _decode_page(data, source, errors)
        page = is_whole_page(text)
        walked = walk(text, page=page)
        lines = walked.lines
        diagnostics.extend(walked.diagnostics)
        title = _title(text)
        metadata = [MetaField(name="title", value=title)] if title else []
        if walked.root is not None and lines and page:
            lines, metadata, found = extract(lines, walked.links, walked.parents, walked.root)
            diagnostics.extend(found)
        if not lines:
            diagnostics.append(Diagnostic(level="warning", code="no-text", message="the page has no visible text"))
        pictures, found = figures(walked.images, lines)
        diagnostics.extend(found)
        lines = _under_pictures(lines, walked.images, pictures)
        yield Reading(
            format=self.name,
            lines=tuple(lines),
            encoding=encoding,
            confidence=confidence,
            metadata=tuple(metadata),
            diagnostics=tuple(diagnostics),
            figures=pictures,
        )
