"""The ``markdown`` reader (markdown-it-py): archives of scraped articles, front matter as metadata.

markdown-it-py was chosen over mistune for provenance: every block token carries ``map``, the
source lines it spans, so each line we produce can name the Markdown line it came from.

Rules (issue 10): YAML front matter (``title``, ``date``, ``author``, ``url`` …) goes into
``Source.metadata``, never into the text; ``#`` headings become heading hints; inline HTML
(``<figure>``, ``<img>``), link syntax, emphasis markers, HTML comments (``<!-- INFO END -->``)
and Hugo shortcodes (``{{< video >}}``) give no text of their own, while the visible text they
wrap is kept (a ``<figcaption>`` is a line); list items keep their markers; table rows are
lines with their cells separated by tabs. Images give no text (a diagnostic counts them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import ClassVar

import attrs
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..decode import Errors, decode
from ..model import Diagnostic, MetaField
from . import CellShape, Hints, Line, Reading
from .html import html_lines

_FRONT = re.compile(r"\A---[ \t]*\n(?P<body>(?:.*\n)*?)(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)$")
_ITEM = re.compile(r"^\s+-\s*(?P<value>.*)$")
_SNIFF_FRONT = re.compile(rb"\A(?:\xef\xbb\xbf)?---[ \t]*\r?\n(?:[A-Za-z_][\w-]*[ \t]*:.*\r?\n)")
_SNIFF_HEADING = re.compile(rb"\A(?:\xef\xbb\xbf)?(?:[ \t]*\r?\n)*#{1,6}[ \t]+\S")
_SHORTCODE = re.compile(r"\{\{[<%].*?[%>]\}\}")
# ## 1. 【“一带一路”·合作共赢】… (web/xwlb): a rundown numbers its items in their headings.
_ITEM_NUMBER = re.compile(r"^(?P<number>\d{1,3})[.．]\s*(?=\S)")
_RUNDOWN_MIN = 3


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
        if value and '\\"' in value:
            value = value.replace('\\"', '"')
    return value


def front_matter(text: str) -> tuple[tuple[MetaField, ...], int, str]:
    """Split YAML front matter off *text*.

    Returns:
        The fields (lists joined with ``, ``), the number of lines the front matter took, and
        the rest of the text.
    """
    found = _FRONT.match(text)
    if found is None:
        return (), 0, text
    fields: list[tuple[str, list[str]]] = []
    for line in found.group("body").splitlines():
        item = _ITEM.match(line)
        if item and fields:
            fields[-1][1].append(_unquote(item.group("value")))
            continue
        field = _FIELD.match(line)
        if field:
            value = field.group("value").strip()
            if value.startswith("[") and value.endswith("]"):
                values = [_unquote(v) for v in value[1:-1].split(",") if v.strip()]
            else:
                values = [_unquote(value)] if value else []
            fields.append((field.group("key"), values))
    consumed = found.group(0).count("\n") + (0 if found.group(0).endswith("\n") else 1)
    meta = tuple(MetaField(name=key, value=", ".join(values)) for key, values in fields)
    return meta, consumed, text[found.end() :]


class _Walker:
    def __init__(self, offset: int) -> None:
        self.offset = offset
        self.placed: list[tuple[int, Line]] = []  # (source line number, line)
        self.images = 0
        self.shortcodes = 0

    def add(self, start: int, line: Line) -> None:
        """Place *line* at body line *start* (0-based), i.e. source line ``start + offset + 1``."""
        number = start + 1 + self.offset
        self.placed.append((number, attrs.evolve(line, origin=f"line {number}")))

    def aligned(self, total: int) -> list[Line]:
        """The document's lines, one per source line: line N of the result is line N of the file.

        Keeping the file's numbering means a bulletin's ``lines`` point into the Markdown file
        itself; front matter, comments and blank lines are empty lines.
        """
        slots: list[list[Line]] = [[] for _ in range(max(total, max((n for n, _ in self.placed), default=0)))]
        for number, line in self.placed:
            slots[number - 1].append(line)
        out = []
        for k, found in enumerate(slots, 1):
            if not found:
                out.append(Line(text="", origin=f"line {k}"))
            else:
                out.append(attrs.evolve(found[0], text=" ".join(line.text for line in found)))
        return out

    def inline(self, token: Token, start: int, hints: Hints, prefix: str = "") -> None:
        """Add the visible text of an inline token, one line per source line."""
        rows: list[list[str]] = [[prefix]]
        strong = 0
        bold_all = True
        has_text = False
        for child in token.children or ():
            kind = child.type
            if kind in {"softbreak", "hardbreak"}:
                rows.append([])
            elif kind in {"text", "code_inline"}:
                text = child.content
                if _SHORTCODE.search(text):
                    self.shortcodes += 1
                    text = _SHORTCODE.sub("", text)
                if text.strip():
                    has_text = True
                    bold_all = bold_all and strong > 0
                rows[-1].append(text)
            elif kind == "strong_open":
                strong += 1
            elif kind == "strong_close":
                strong -= 1
            elif kind == "image":
                self.images += 1
            elif kind == "html_inline":
                continue  # <img>, <span …>: markup, no text of its own
        line_hints = attrs.evolve(hints, bold=has_text and bold_all)
        for k, row in enumerate(rows):
            text = "".join(row).rstrip()
            if text.strip():
                self.add(start + k, Line(text=text, hints=line_hints))

    def html(self, content: str, start: int) -> None:
        """Keep the visible text of a raw HTML block (a <figcaption>); comments give nothing."""
        rows = content.split("\n")
        at = 0
        for found in html_lines(content)[0]:
            probe = found.text.split()[0][:12] if found.text.split() else found.text
            while at < len(rows) - 1 and probe not in rows[at]:
                at += 1  # the block line the visible text stands on (<figcaption> under <img>)
            self.add(start + (at if probe in rows[at] else 0), Line(text=found.text, hints=found.hints))


def _item_numbers(tokens: list[Token]) -> dict[int, int]:
    """Map the inline token of each rundown heading to the number it gives its item.

    A rundown is three or more headings of one level numbered 1, 2, 3 … in order, other headings
    between them allowed (新闻联播 day files: ``## 本期节目主要内容`` then ``## 1. …`` to ``## 13. …``).
    Headings numbered any other way (a law's ``## 1. 总则`` alone) keep their text whole.
    """
    numbered: dict[str, list[tuple[int, int]]] = {}
    for k, token in enumerate(tokens[:-1]):
        if token.type == "heading_open" and (found := _ITEM_NUMBER.match(tokens[k + 1].content)):
            numbered.setdefault(token.tag, []).append((k + 1, int(found["number"])))
    items: dict[int, int] = {}
    for headings in numbered.values():
        if len(headings) >= _RUNDOWN_MIN and [n for _, n in headings] == list(range(1, len(headings) + 1)):
            items.update(headings)
    return items


def _drop_item_number(token: Token) -> None:
    """Cut ``N. `` from the start of a rundown heading's inline *token* (its first text child)."""
    for child in token.children or ():
        if child.type == "text":
            found = _ITEM_NUMBER.match(child.content)
            if found is not None:
                child.content = child.content[found.end() :]
            return


def markdown_lines(text: str, offset: int) -> tuple[list[Line], list[Diagnostic]]:
    """Return the visible lines of Markdown *text* whose first line is source line ``offset + 1``.

    The result has one line per source line (``offset`` empty lines first, for the front matter).
    """
    md = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")
    tokens = md.parse(text)
    items = _item_numbers(tokens)
    walker = _Walker(offset)
    heading: int | None = None
    depth = 0
    prefix = ""
    row: list[str] | None = None
    row_start = 0
    tables = 0
    head = False  # inside a pipe table's header row
    breaks: list[int] = []  # the source lines of thematic breaks (---)
    for at, token in enumerate(tokens):
        kind = token.type
        start = token.map[0] if token.map else 0
        if kind == "hr":
            breaks.append(start + 1 + offset)
        elif kind == "heading_open":
            heading = int(token.tag[1])
        elif kind == "heading_close":
            heading = None
        elif kind in {"bullet_list_open", "ordered_list_open"}:
            depth += 1
        elif kind in {"bullet_list_close", "ordered_list_close"}:
            depth -= 1
        elif kind == "list_item_open":
            # list items keep their markers: "- 标题", "1. 第一项"
            prefix = f"{token.info}{token.markup} " if token.info else f"{token.markup} "
        elif kind == "table_open":
            tables += 1
        elif kind in {"thead_open", "thead_close"}:
            head = kind == "thead_open"
        elif kind == "tr_open":
            row, row_start = [], start
        elif kind == "tr_close":
            width = len(row or ())
            cells = "\t".join(row or ()).strip()
            row = None
            if cells:
                grid = width >= 2 and "\t" in cells  # a one-column table is a list of lines
                shapes = tuple(CellShape(header=True) for _ in range(width)) if head and grid else ()
                hints = Hints(table_cell=True, table=tables if grid else None, cells=shapes)
                walker.add(row_start, Line(text=cells, hints=hints))
        elif kind == "inline":
            if row is not None:
                row.append("".join(c.content for c in token.children or () if c.type in {"text", "code_inline"}))
                continue
            if at in items:
                _drop_item_number(token)
            hints = Hints(heading=heading, list_level=depth or None, item=items.get(at))
            walker.inline(token, start, hints, prefix)
            prefix = ""
        elif kind in {"fence", "code_block"}:
            first = start + 1 if kind == "fence" else start  # a fence's content starts below its ```
            for k, line in enumerate(token.content.split("\n")):
                if line.strip():
                    walker.add(first + k, Line(text=line))
        elif kind == "html_block":
            walker.html(token.content, start)
    diagnostics = []
    if walker.images:
        diagnostics.append(
            Diagnostic(level="info", code="image-left-out", message=f"{walker.images} Markdown image(s) give no text")
        )
    if items:
        numbers = sorted(items.values())
        diagnostics.append(
            Diagnostic(
                level="info",
                code="item-number-left-out",
                message=f"the numbers {numbers[0]}.–{numbers[-1]}. of {len(numbers)} rundown headings are the "
                "items' order, not part of their titles: left out of the text",
            )
        )
    if walker.shortcodes:
        diagnostics.append(
            Diagnostic(
                level="info",
                code="shortcode-left-out",
                message=f"{walker.shortcodes} shortcode(s) such as {{{{< video >}}}} give no text",
            )
        )
    return _site_footer(walker.aligned(offset + text.count("\n") + 1), breaks), diagnostics


# 請加入成為眾新聞的月費訂戶，長期支持我們的工作。… / 月費訂戶 [網址：…] after the article's last --- (15 of the 17
# web/hkcnews files), then --- and the column's author box (**博客 | 特約轉載**): the site's footer.
_APPEAL = re.compile(r"訂戶|订户|訂閱|订阅|贊助|赞助|捐助|支持我們的工作|支持我们的工作|成為會員|成为会员")
_FOOTER_MAX = 300
_BOX_LINE_MAX = 30


def _site_footer(lines: list[Line], breaks: Sequence[int]) -> list[Line]:
    """*lines* with the site's footer after the article's last thematic breaks marked as chrome.

    Walking back from the end, a segment after a ``---`` is footer when it is short and asks the reader
    to subscribe or support the site, or (beside such a segment) holds only an author box: short bold
    lines. Nothing is marked unless an appeal is among them; the text is kept, as residue of kind nav.
    """
    if not breaks:
        return lines
    ends = [*breaks[1:], len(lines) + 1]
    footer: list[int] = []
    appeal = False
    for brk, end in reversed(list(zip(breaks, ends, strict=True))):
        numbers = [n for n in range(brk + 1, end) if lines[n - 1].text.strip()]
        text = "".join(lines[n - 1].text for n in numbers)
        if not numbers or len(text) > _FOOTER_MAX:
            break
        if _APPEAL.search(text):
            appeal = True
        elif not all(lines[n - 1].hints.bold and len(lines[n - 1].text) <= _BOX_LINE_MAX for n in numbers):
            break
        footer.extend(numbers)
    if not appeal:
        return lines
    marked = set(footer)
    return [
        attrs.evolve(line, hints=attrs.evolve(line.hints, chrome=True)) if k in marked else line
        for k, line in enumerate(lines, 1)
    ]


class MarkdownReader:
    """Markdown with optional YAML front matter (scraped-article archives, law collections)."""

    name: ClassVar[str] = "markdown"
    suffixes: ClassVar[tuple[str, ...]] = (".md", ".markdown")

    def sniff(self, data: bytes) -> bool:
        """Claim bytes opening with YAML front matter or an ATX heading (``# 标题``)."""
        head = data[:1024]
        return _SNIFF_FRONT.match(head) is not None or _SNIFF_HEADING.match(head) is not None

    def read(self, data: bytes, *, source: str | None = None, errors: Errors = "strict") -> Iterator[Reading]:
        """Yield the file as one document.

        Raises:
            DecodeError: The bytes are not text.
        """
        decoded = decode(data, source=source, errors=errors)
        text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
        metadata, consumed, body = front_matter(text)
        lines, diagnostics = markdown_lines(body, consumed)
        yield Reading(
            format=self.name,
            lines=tuple(lines),
            encoding=decoded.encoding,
            confidence=decoded.confidence,
            metadata=metadata,
            diagnostics=(*decoded.diagnostics, *diagnostics),
        )
