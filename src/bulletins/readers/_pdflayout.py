"""Physical PDF lines → the reader's lines: reading order, hints, page furniture, paragraphs.

The steps, each from what the corpus's PDFs (formats/pdf-text) show:

1. **Rows**: a page's segments are put top to bottom; segments sharing a baseline are one row,
   left to right. A row of several segments is a table row (cells joined by tabs, the
   ``table_cell`` hint), except a letter-spaced title (``通　　知``: one character a segment).
   Two-column pages are read column by column (:func:`_columns`).
2. **Text block**: the left edge is the most common left end of the full lines, the right edge
   where most full lines end; alignment and indent are judged against it, never the paper.
3. **Page furniture**: page numbers (``— 1 —``, ``-1-``, ``第1页 共3页``, ``1/8``) at the top or
   bottom of a page, and lines repeated at the top or bottom of most pages (a browser print's
   date/title/URL), are kept as residue (the ``furniture`` hint), never as text of the notice.
4. **Hints**: font size (the title's 2号 against the 3号 body), bold, centred (the middle of the
   block, narrower than it), right (starting right of the middle and ending near the right edge:
   GB/T 9704's 落款 centred over a date set four characters in from the right), first-line indent.
5. **Paragraphs**: a PDF line is not a paragraph. A line continues the previous one when the
   previous fills the block to the right edge, this one starts at the left edge (no indent),
   both are body lines of the same size, and no rule or wide gap stands between them — also
   across a page break, with the furniture between set aside.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

import attrs
from attrs import define, field

from . import Align, Hints, Line, Place
from ._pdfchars import PageText, Segment

# — 1 —, -1-, 1, 第1页 共3页, 第 1 页, 1/8, Page 1 of 3: page numbers.
_PAGE_NUMBER = re.compile(
    r"^(?:[—–\-－─\s]*[0-9０-９]{1,4}[—–\-－─\s]*|第\s*[0-9]{1,4}\s*页\s*(?:[，,/\s]*共\s*[0-9]{1,4}\s*页)?"
    r"|[0-9]{1,4}\s*/\s*[0-9]{1,4}|(?:page|Page|PAGE)\s*[0-9]{1,4}(?:\s*of\s*[0-9]{1,4})?)$"
)
_DIGITS = re.compile(r"[0-9０-９]+")


def is_page_number(text: str) -> bool:
    """A page number alone on its line (``— 1 —``, ``-1-``, ``1``, ``第1页 共3页``, ``1/8``, ``Page 1 of 3``)."""
    return _PAGE_NUMBER.match(text.strip()) is not None


_SPACE = re.compile(r"\s+")
_LATIN_END = re.compile(r"[A-Za-z0-9,;:]$")
_LATIN_START = re.compile(r"^[A-Za-z0-9(]")
_MARGIN = 0.14  # top and bottom share of the page where furniture stands
_OUTDENT = 3.0  # ems left of the common left edge beyond which a line does not widen the text block
_STRAY = 10  # … when at most one full line in this many stands there


@define
class PLine:
    """One physical line (a row of a page)."""

    text: str
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    bold: bool
    table: bool = False
    furniture: bool = False
    align: Align | None = None
    indent: bool = False
    rule_above: bool = False
    """A horizontal rule stands between this line and the line above it on the page."""
    gap_above: float = 0.0
    """White space between this line and the one above it on the same page (points)."""
    page_height: float = 0.0
    """Height of its page (points): boxes are given from the page's top left as well."""
    confidence: float | None = None
    """OCR's confidence in a line read from the page image (a scanner layer's gap), None for the text layer."""


@define
class Block:
    """A page's text block: its left and right edges."""

    left: float
    right: float

    @property
    def centre(self) -> float:
        """The middle of the block."""
        return (self.left + self.right) / 2


@define
class _Out:
    parts: list[PLine] = field(factory=list)


def _rows(segments: Sequence[Segment]) -> list[list[Segment]]:
    """Segments top to bottom, those sharing a baseline grouped left to right."""
    ordered = sorted(segments, key=lambda s: (-(s.y0 + s.y1) / 2, s.x0))
    rows: list[list[Segment]] = []
    for seg in ordered:
        mid = (seg.y0 + seg.y1) / 2
        if rows:
            first = rows[-1][0]
            slack = 1.2 * max(seg.size, 1.0)  # full-width punctuation's loose boxes overlap
            if first.y0 <= mid <= first.y1 and all(seg.x0 >= o.x1 - slack or seg.x1 <= o.x0 + slack for o in rows[-1]):
                rows[-1].append(seg)
                continue
        rows.append([seg])
    for row in rows:
        row.sort(key=lambda s: s.x0)
    return rows


def _columns(segments: list[Segment], width: float) -> list[list[Segment]]:
    """Split a two-column page into its columns (left first); other pages are one column.

    A page is two columns when a gutter near the middle crosses no segment over most of the
    text, and both sides hold several lines that fill their column (a table's cells do not).
    Segments crossing the gutter (a title over both columns) stay with the band they head.
    """
    if len(segments) < 12:
        return [segments]
    mid = width / 2
    crossing = [s for s in segments if s.x0 < mid - 4 and s.x1 > mid + 4]
    left = [s for s in segments if s.x1 <= mid + 4]
    right = [s for s in segments if s.x0 >= mid - 4]
    if len(crossing) > len(segments) * 0.2 or len(left) < 6 or len(right) < 6:
        return [segments]
    left_edge = max(s.x1 for s in left)
    full_left = sum(1 for s in left if s.x1 >= left_edge - 2 * max(s.size, 1) and s.visible >= 8)
    full_right = sum(1 for s in right if s.visible >= 8)
    if full_left < len(left) * 0.4 or full_right < len(right) * 0.4:
        return [segments]
    # A title over both columns is read before them, a footer under them after them.
    col_bottom = min(s.y0 for s in left + right)
    tail = [s for s in crossing if s.y1 <= col_bottom + 1]
    head = [s for s in crossing if s not in tail]
    return [part for part in (head, left, right, tail) if part]


def row_line(text: str, page: int, row: Sequence[Segment], table: bool, page_height: float = 0.0) -> PLine:
    """The physical line of one row of segments: its box, its size, bold when most of it is."""
    visible = sum(s.visible for s in row)
    return PLine(
        text=text,
        page=page,
        x0=min(s.x0 for s in row),
        y0=min(s.y0 for s in row),
        x1=max(s.x1 for s in row),
        y1=max(s.y1 for s in row),
        size=_row_size(row),
        bold=sum(s.bold for s in row) >= 0.6 * visible,
        table=table,
        page_height=page_height,
    )


def lay_out(pages: Sequence[tuple[PageText, list[PLine]]]) -> tuple[Iterator[Line], int]:
    """The steps after reading order: page furniture, text block, hints; the paragraphs and the furniture count.

    The document's text block serves pages with few full lines (a cover, a 红头 first page); a
    page with enough of its own (a landscape table page) is judged against its own.
    """
    furniture = mark_furniture(list(pages))
    everything = [ln for _, lines in pages for ln in lines]
    size = body_size(everything)
    whole = text_block(everything, size)
    laid: list[tuple[list[PLine], Block | None]] = []
    for _, lines in pages:
        block = text_block(lines, body_size(lines), least=6) or whole
        add_hints(lines, block, size)
        laid.append((lines, block))
    return paragraphs(laid), furniture


def physical_lines(page: PageText) -> list[PLine]:
    """Rows of *page* in reading order, as physical lines with their geometry."""
    out: list[PLine] = []
    rules = sorted(page.rules, key=lambda r: -r[2])
    for column in _columns(page.segments, page.width):
        previous: PLine | None = None
        for row in _rows(column):
            text, table = _row_text(row)
            line = row_line(text, page.number, row, table, page.height)
            if previous is not None:
                line.gap_above = previous.y0 - line.y1
                line.rule_above = any(line.y1 <= y <= previous.y0 for _, _, y in rules)
            elif rules:
                line.rule_above = any(y >= line.y1 for _, _, y in rules)
            out.append(line)
            previous = line
    return out


def _row_size(row: Sequence[Segment]) -> float:
    """The size most of a row's characters are set in."""
    sizes: Counter[float] = Counter()
    for seg in row:
        sizes[seg.size] += seg.visible
    return sizes.most_common(1)[0][0]


def _row_text(row: Sequence[Segment]) -> tuple[str, bool]:
    """A row's text and whether it is a table row (cells apart by three ems or more, joined by tabs)."""
    if len(row) > 1 and all(s.visible == 1 for s in row):
        return "".join(s.text.strip() for s in row), False  # 通　　知: a letter-spaced title
    joined = "".join(s.text.strip() for s in row)
    if len(row) <= _SPACED_HEADING and len(joined) <= _BRIDGE_CHARS // 2 and _PART.match(joined):
        # 第一章总　　则: a chapter heading letter-spaced (a 目录's, formats/pdf-text
        # magicpi_wangluo-anquanfa-2016 p1), not a two-cell table row that made the 目录 a table.
        return joined, False
    text, table = row[0].text.strip(), False
    for prev, seg in itertools.pairwise(row):
        wide = seg.x0 - prev.x1 > 3 * max(seg.size, prev.size, 1.0)
        table = table or wide
        text += ("\t" if wide else "") + seg.text.strip()
    return text, table


def body_size(lines: Sequence[PLine]) -> float:
    """The type size most of the text of *lines* is set in."""
    sizes = Counter({ln.size: 0 for ln in lines})
    for ln in lines:
        sizes[ln.size] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def text_block(lines: Sequence[PLine], size: float, *, least: int = 2) -> Block | None:
    """The left and right edges of the full body lines of *lines*, or None when there are too few.

    Only lines of the body's type *size* count: a title in 2号 type may be wider than the block.
    """
    full = [
        ln
        for ln in lines
        if len(ln.text) >= 10 and not ln.table and not ln.furniture and abs(ln.size - size) <= 0.1 * size
    ]
    if len(full) < least:
        return None
    lefts = Counter(round(ln.x0 / 2) * 2 for ln in full)
    left = float(lefts.most_common(1)[0][0])
    rights = sorted(ln.x1 for ln in full)
    right = rights[max(0, int(len(rights) * 0.9) - 1)]
    # A line starting a little left of the common left edge widens the block (a paragraph's first
    # line set outdented); one far out of it does not: a browser print's footer link bar
    # (链接：全国人大|全国政协|…, 5.5 ems left of the body, formats/pdf-text
    # forhumanity_guobanfa-2017-74_govcn-xxgk_macos-print) moved the block's left edge so that the
    # centred title no longer read as centred.
    # A form's label column (2 of 8 lines, formats/ofd ofdrw_signout_shouwen-chulidan) is text: only
    # a stray line or two (at most one full line in ten) is left out.
    near = [ln.x0 for ln in full if ln.x0 >= left - _OUTDENT * size]
    edge = min(left, *near) if _STRAY * (len(full) - len(near)) <= len(full) else min(ln.x0 for ln in full)
    return Block(left=min(left, edge), right=right) if right > left else None


def mark_furniture(pages: Sequence[tuple[PageText, list[PLine]]]) -> int:
    """Mark page numbers and repeated headers/footers; return how many lines were marked."""
    repeated: Counter[str] = Counter()
    edges: list[list[PLine]] = []
    for page, lines in pages:
        top, bottom = page.height * (1 - _MARGIN), page.height * _MARGIN
        at_edge = [ln for ln in lines[:2] + lines[-2:] if ln.y0 >= top or ln.y1 <= bottom]
        edges.append(at_edge)
        repeated.update({_DIGITS.sub("0", _SPACE.sub("", ln.text)) for ln in at_edge})
    threshold = max(2, (len(pages) + 1) // 2)
    marked = 0
    for at_edge in edges:
        for ln in at_edge:
            key = _DIGITS.sub("0", _SPACE.sub("", ln.text))
            if _PAGE_NUMBER.match(ln.text.strip()) or (len(pages) > 1 and repeated[key] >= threshold):
                ln.furniture = True
                marked += 1
    return marked


def add_hints(lines: Sequence[PLine], block: Block | None, body: float) -> None:
    """Set alignment and indent of *lines* against the text *block* (*body*: the body's type size)."""
    if block is None:
        return
    for ln in lines:
        if ln.furniture or ln.table:
            continue
        em = max(ln.size, 4.0)
        before, after = ln.x0 - block.left, block.right - ln.x1
        # A title in larger type (2号 over a 3号 body) may fill the block: symmetric is centred.
        big = body > 0 and ln.size >= 1.2 * body and before >= -em and after >= -em
        if (
            (big or (before >= 0.8 * em and after >= 0.8 * em))
            and abs(before - after) <= 1.5 * em
            and not (not big and _indented_sentence(ln, block))
        ):
            ln.align = "center"
        elif ln.x0 > block.centre - em and after <= 6 * em:
            ln.align = "right"
        elif 1.2 * em <= before <= 4.6 * em:
            ln.indent = True


_WIDE = 0.85  # a line this share of the block's width or more, with a comma in it, is a paragraph's first line
_CLAUSE = re.compile(r"[，。；]")


def _indented_sentence(ln: PLine, block: Block) -> bool:
    """A paragraph's indented first line that nearly fills the block: never a centred line.

    Where the block's right edge is measured a little wide (the longest lines run past the
    others), a first line indented one em and ending one em short of that edge has equal margins
    (formats/pdf-text hushengjie_ncepu-kongji-jiaoxue-fenweihui-zhangcheng p1:
    ``为了全面贯彻执行党的教育方针，不断提高学校办水平和教`` at x 93–523 in a block 72–539), and was
    read as a centred title line that opened a bulletin. A centred heading is narrower and has no
    clause punctuation (``第一条总则`` at 256–340).
    """
    return ln.x1 - ln.x0 >= _WIDE * (block.right - block.left) and _CLAUSE.search(ln.text) is not None


def _fills(ln: PLine, block: Block | None) -> bool:
    return block is not None and ln.x1 >= block.right - 1.5 * max(ln.size, 4.0)


def _edge(parts: Sequence[PLine]) -> float | None:
    """The left edge a paragraph's wrapped lines keep: the x of its last line when that line is not its first."""
    return parts[-1].x0 if len(parts) > 1 else None


def _continues(
    prev: PLine, ln: PLine, prev_block: Block | None, block: Block | None, edge: float | None = None
) -> bool:
    """True when *ln* goes on with the paragraph *prev* ended its line in.

    *edge* is the left edge of the paragraph's wrapped lines (:func:`_edge`): a line starting there
    goes on with the paragraph even where its page's text block is judged wider (which only matters
    once a page break has been crossed: on one page, wrapped lines that read as indented never
    joined the paragraph in the first place). A law's 题注 runs from page 1 to page 2 of the 刑法
    (formats/pdf-text aitejiu_xingfa_wps), whose page 2 ends in a footnote set 1.4–1.9 ems left of
    the 题注's lines: the page's block then starts at the footnote, the 题注's lines on page 2 read
    as indented, and the 题注 broke at the page, its last revision (2020年12月26日) cut from the first.
    """
    kept = edge is not None and abs(ln.x0 - edge) <= 1.0
    if prev.furniture or ln.furniture or prev.table or ln.table or ln.rule_above:
        return False
    if prev.align == ln.align == "center" and prev.page == ln.page and prev.size == ln.size >= 20:
        # A 发文机关标志 wrapped over two centred lines (合肥工业大学…学院 / (人工智能学院)、软件学院文件).
        return ln.text.endswith("文件") and ln.gap_above < 0.8 * ln.size
    if (
        prev.align == "center"
        and ln.align is None
        and prev.page == ln.page
        and prev.size == ln.size >= 20
        and prev.bold == ln.bold
        and _fills(prev, prev_block)
        and len(ln.text) <= max(4, len(prev.text) // 4)
        and ln.gap_above < 0.8 * ln.size
    ):
        # A title in large type wrapped at the right margin, its last characters set at the left edge
        # (a web page printed: 国资委令第35号's 中央企业境外投资监督管理办 / 法, forhumanity_…macos-print).
        # Only a short tail: a longer left-set line under a centred title (商务部令2014年第3号's printed
        # page title 资管理办法__2014年第35号 / 国务院公报_中国政府网) is kept apart, as the order rules read it.
        return True
    if _clause_alone(prev, ln):
        return True
    if prev.align or ln.align or (ln.indent and not kept) or block is None or not _fills(prev, prev_block):
        return False
    if _starts_item(prev.text, ln.text):
        return False
    if abs(prev.size - ln.size) > 0.15 * max(prev.size, ln.size) or prev.bold != ln.bold:
        return False
    if ln.x0 > block.left + 0.8 * max(ln.size, 4.0) and not kept:
        return False
    # A blank line's worth of space sets paragraphs apart (web pages printed).
    return not (prev.page == ln.page and ln.gap_above > 1.2 * max(ln.size, 4.0))


# 第六条 / 第二章 / 一、 / （三） / 5、 / 3． at the start of a line: an article's or an item's marker.
_ITEM_START = re.compile(
    r"^(?:第[一二三四五六七八九十百千零〇\d]{1,7}[条章节]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]"
    r"|\d{1,2}(?:、|[.．](?!\d)))"
)
_SENTENCE_END = "。；;：:！!？?"


def _starts_item(prev: str, text: str) -> bool:
    """*text* opens an article or an item after a sentence *prev* ended: a paragraph of its own.

    A WPS export sets a law's articles flush left with no indent, so a line that ends a sentence
    exactly at the right margin took the next article into its paragraph (formats/pdf-text
    aitejiu_laodongfa_wps-office p1: ``…逐步提高劳动者的生活水平。`` + ``第六条国家提倡…``), and with
    第六条 gone the article run stopped there (102 of its articles were not points). Left alone: a
    reference broken at the margin (``…依照本法`` / ``第十条的规定``), whose line ends in no full stop.
    """
    return bool(prev) and prev[-1] in _SENTENCE_END and _ITEM_START.match(text) is not None


# 3.1 / 3. 1 / 2.4: a standard's sub-clause number alone on its line, over the term it defines.
_CLAUSE_NUMBER = re.compile(r"^\d{1,2}(?:[.．]\s?\d{1,2}){1,3}$")


def _clause_alone(prev: PLine, ln: PLine) -> bool:
    """A sub-clause number alone on its line and the term under it are one paragraph.

    A standard's terms and definitions (GB/T 1.1-2009 §6.3.3) set the number on a line of its
    own, the term under it, the definition below: ``3. 1`` / ``字 word`` / ``标示公文中横向距离…``
    (formats/pdf-text zhuyandong_gbt9704-2012 p5). Alone, the number was not read as a clause
    (a stray space after its dot made it the point ``3.`` of style 1.), and the term was lost to
    the point. Joined with a space, the line reads ``3. 1 字 word`` as the other clauses do.
    Left alone: a number over a line on another page or set apart by a blank line's space.
    """
    return (
        _CLAUSE_NUMBER.match(prev.text.strip()) is not None
        and prev.page == ln.page
        and not ln.table
        and ln.gap_above < 1.5 * max(ln.size, 4.0)
        and _CLAUSE_NUMBER.match(ln.text.strip()) is None
    )


def _joint(prev: str, nxt: str) -> str:
    # Latin words broken at the margin keep a space between them; CJK lines join directly.
    if _CLAUSE_NUMBER.match(prev.strip()):
        return " "
    if _LATIN_END.search(prev) and _LATIN_START.match(nxt) and not prev.endswith("-"):
        return " "
    return ""


def paragraphs(pages: Sequence[tuple[list[PLine], Block | None]]) -> Iterator[Line]:
    """Join margin-broken lines into paragraphs; yield the reader's lines in reading order.

    Furniture between two lines of a paragraph that runs over a page break is yielded after
    the paragraph.
    """
    current: _Out | None = None
    current_block: Block | None = None
    held: list[PLine] = []
    for lines, block in pages:
        for ln in lines:
            if ln.furniture:
                held.append(ln)
                continue
            if current is not None and _continues(current.parts[-1], ln, current_block, block, _edge(current.parts)):
                current.parts.append(ln)
                current_block = block
                continue
            if current is not None:
                yield _line(current.parts)
            for furniture in held:
                yield _line([furniture])
            held = []
            current, current_block = _Out(parts=[ln]), block
    if current is not None:
        yield _line(current.parts)
    for furniture in held:
        yield _line([furniture])


def _line(parts: list[PLine]) -> Line:
    text = parts[0].text
    for prev, nxt in itertools.pairwise(parts):
        text += _joint(prev.text, nxt.text) + nxt.text
    first = parts[0]
    on_first = [p for p in parts if p.page == first.page]
    bbox = (
        round(min(p.x0 for p in on_first), 1),
        round(min(p.y0 for p in on_first), 1),
        round(max(p.x1 for p in on_first), 1),
        round(max(p.y1 for p in on_first), 1),
    )
    origin = "; ".join(_origin([p for p in parts if p.page == page]) for page in dict.fromkeys(p.page for p in parts))
    hints = Hints(
        align=first.align,
        bold=first.bold,
        font_size=first.size or None,
        table_cell=first.table,
        page=first.page,
        bbox=bbox,
        indent=first.indent,
        furniture=first.furniture,
        rule_above=first.rule_above,
    )
    places = tuple(_place([p for p in parts if p.page == n]) for n in dict.fromkeys(p.page for p in parts))
    return Line(text=text, origin=origin, hints=hints, places=places)


def _place(parts: Sequence[PLine]) -> Place:
    """The box of *parts* (lines of one page) from the page's top left, to a tenth of a point."""
    height = parts[0].page_height
    x0, y0 = min(p.x0 for p in parts), min(p.y0 for p in parts)
    x1, y1 = max(p.x1 for p in parts), max(p.y1 for p in parts)
    return Place(
        page=parts[0].page,
        left=round(x0, 1),
        top=round(height - y1, 1),
        right=round(x1, 1),
        bottom=round(height - y0, 1),
        confidence=_confidence(parts),
    )


def _confidence(parts: Sequence[PLine]) -> float | None:
    """The least OCR confidence among *parts*, None when none was read by OCR."""
    read = [p.confidence for p in parts if p.confidence is not None]
    return min(read) if read else None


def _origin(parts: Sequence[PLine]) -> str:
    x0, y0 = min(p.x0 for p in parts), min(p.y0 for p in parts)
    x1, y1 = max(p.x1 for p in parts), max(p.y1 for p in parts)
    confidence = _confidence(parts)
    read = f" ocr conf {confidence:.2f}" if confidence is not None else ""
    return f"page {parts[0].page} bbox {x0:.1f},{y0:.1f},{x1:.1f},{y1:.1f}{read}"


_BRIDGE_LINES = 20  # the most one-cell rows between two rows of one table (a 决算 expense table: up to 16)
_BRIDGE_CHARS = 40
# 第二章网络安全支持与促进 / 第一节一般规定: a chapter or section heading, never a cell (a 目录 whose
# letter-spaced 第一章总　　则 reads as a two-cell row, formats/pdf-text magicpi_wangluo-anquanfa-2016 p1).
_PART = re.compile(r"^第[一二三四五六七八九十百零〇\d]{1,4}[章节编]")
_HEADING_OVER_CELLS = 1.3  # a line in type this much larger than the table's rows is a heading, not a cell
_CAPTION_OVER_CELLS = 1.05  # a centred line in type larger than the rows' is the next table's title
_SPACED_HEADING = 3  # segments of a letter-spaced chapter heading (第一章总 / 则)
_AMOUNT = re.compile(r"\d,\d{3}\.\d{2}|\d\.\d{2}(?:\s|$)")  # 2,940.05 / 60.99: an amount in a budget's table
# 单位：万元 / 表2 … / 收入决算表: a table's caption or unit, which stands between two tables, not inside one.
_TABLE_TITLE = re.compile(r"^(?:[（(]?单位[：:]|[图表]\s*[\d一二三四五六七八九十])|表$")


def _cell_like(line: Line, row: Line) -> bool:
    """*line* may be a one-cell row of the table *row* belongs to."""
    size, cells = line.hints.font_size, row.hints.font_size
    if size and cells and size > _HEADING_OVER_CELLS * cells:
        return False  # a section heading between two tables (三、收到和处理… at 16 pt over 7.5 pt rows)
    if size and cells and size > _CAPTION_OVER_CELLS * cells and line.hints.align == "center":
        # the next table's title, centred over it (五级记分制与绩点关系 at 12 pt over 10.5 pt rows,
        # formats/pdf-text hushengjie_shou-benkesheng-xueji-guanli-tiaoli p5)
        return False
    text = line.text.strip()
    # A cell may end in ； (1.课程设置能够保证毕业要求的能力达成；), never in a full stop or a colon.
    # A row whose cells the reader glued (一、一般公共预算财政拨款2,940.05一、一般公共服务支出2,106.66) holds amounts.
    short = len(text) <= _BRIDGE_CHARS or (len(text) <= 2 * _BRIDGE_CHARS and _AMOUNT.search(text) is not None)
    return bool(text) and short and text[-1] not in "。：:" and not _TABLE_TITLE.search(text) and not _PART.match(text)


def _next_pages(pages: set[int | None]) -> bool:
    """One page, or a page and the next (a table running over a page break)."""
    numbers = [p for p in pages if p is not None]
    return len(numbers) == len(pages) and max(numbers) - min(numbers) <= 1


def _bridged(lines: Sequence[Line]) -> set[int]:
    """Indices of the one-cell rows inside a table: lines between two of its rows on the same page.

    A PDF table row whose other cells are empty is one segment, so the reader saw no table row
    in it, and the run of rows broke there into several tables with the rows between read as
    text: a budget's expense table (formats/pdf-text zxjgov_putuo-caizhengju-2024-bumen-juesuan
    p6: ``九、卫生健康支出	60.99`` / ``十、节能环保支出`` … ``十八、自然资源海洋气象等支出`` /
    ``十九、住房保障支出	445.69``) gave points ``十、`` … ``二十六、`` and the OCR'd grid of
    formats/pdf-scanned hushengjie_shou-xinxi-hang-2021-6 p2 its ``1.课程设置…`` cells. Taken: at
    most twenty lines of at most forty characters (eighty with an amount such as ``2,940.05``),
    none ending in a full stop or a colon and none a table's title or unit, between two table rows
    of the same page or of a page and the next (the scan's grid runs over its page break). Left
    alone: the text, caption and unit between two tables (``收入决算表`` / ``单位：万元``), a heading in
    larger type than the rows (govnianbao_huaian-szf_xxgk-nianbao-2024 p4: ``三、收到和处理政府信息公开申请情况``
    at 16 pt between 7.5 pt tables), and lines after a table's last row.
    """
    grid = [not line.hints.furniture and line.hints.table_cell and "\t" in line.text for line in lines]
    out: set[int] = set()
    last: int | None = None
    for k, line in enumerate(lines):
        if line.hints.furniture:
            continue
        if grid[k]:
            if last is not None and 0 < k - last - 1 <= _BRIDGE_LINES:
                gap = [j for j in range(last + 1, k) if not lines[j].hints.furniture]
                pages = {lines[last].hints.page, lines[k].hints.page}
                if _next_pages(pages) and all(lines[j].hints.page in pages for j in gap):
                    out.update(gap)
            last = k
        elif last is not None and not _cell_like(line, lines[last]):
            last = None
    return out


def number_tables(lines: Iterable[Line]) -> Iterator[Line]:
    """Give each run of consecutive table rows one table number (``Hints.table``).

    Page furniture between two rows (a table running over a page break) does not end the run,
    and neither do one-cell rows between two rows of the table (:func:`_bridged`).
    """
    every = list(lines)
    bridged = _bridged(every)
    number = 0
    in_table = False
    for k, line in enumerate(every):
        if line.hints.furniture:
            yield line
            continue
        grid = (line.hints.table_cell and "\t" in line.text) or k in bridged
        if grid and not in_table:
            number += 1
        in_table = grid
        if not grid:
            yield line
        else:
            yield attrs.evolve(line, hints=attrs.evolve(line.hints, table=number, table_cell=True))
