"""PDF pages → physical lines (PDFium through pypdfium2): characters, boxes, fonts, rules.

One page is read character by character from PDFium's text page: the character (mapped from the
font's ToUnicode table), its loose box (the font's ascent to descent: the height is the type
size as set, whatever the text matrix), its font's name and weight, and whether PDFium could map
the glyph to Unicode at all. Characters are grouped into *segments* (a run on one baseline with
no wide gap) and segments into *rows* (segments sharing a baseline, left to right), which
:mod:`bulletins.readers._pdflayout` turns into the reader's lines.

The per-character calls are the reader's cost; everything else is per line. Text objects are
looked up once each (their font's name and weight), not once per character.
"""

from __future__ import annotations

import ctypes
import unicodedata
from collections import Counter
from typing import Any

from attrs import define, field

# Kangxi radicals (U+2F00–U+2FD5), CJK radicals supplement and compatibility ideographs that a
# font's ToUnicode map gives for ordinary characters (macOS Quartz prints: ⼈⽂⽇ for 人文日,
# formats/pdf-text/forhumanity_*): NFKC maps each to the unified ideograph a reader sees.
_FOLD_RANGES = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF), (0xF900, 0xFAFF))


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for lo, hi in _FOLD_RANGES:
        for code in range(lo, hi + 1):
            folded = unicodedata.normalize("NFKC", chr(code))
            if len(folded) == 1 and folded != chr(code) and 0x4E00 <= ord(folded) <= 0x9FFF:
                table[code] = folded
    return table


# CJK radicals supplement forms that stand for whole characters (NFKC leaves them; Unicode's
# EquivalentUnifiedIdeograph.txt maps them): the macOS prints write 人⺠ and 意⻅ (forhumanity_*).
_SUPPLEMENT = dict(
    zip(
        "⺁⺇⺊⺌⺜⺝⺟⺠⺩⺼⻁⻄⻅⻆⻉⻋⻑⻓⻔⻗⻘⻙⻚⻛⻜⻝⻡⻢⻣⻤⻥⻦⻧⻨⻩⻬⻮⻰⻳",
        "厂几卜小日月母民王月虎西见角贝车長长门雨青韦页风飞食首马骨鬼鱼鸟卤麦黄齐齿龙龟",
        strict=True,
    )
)
FOLD: dict[int, str] = _fold_table() | {ord(k): v for k, v in _SUPPLEMENT.items()}
"""Code point → unified ideograph, for the look-alike code points of :data:`_FOLD_RANGES`."""

UNMAPPED = "\ufffd"
"""What a glyph with no Unicode mapping becomes (counted in a diagnostic, never silent)."""


@define
class Segment:
    """A run of characters on one baseline with no wide gap: a line, or one cell of a row."""

    chars: list[str] = field(factory=list)
    x0: float = 0.0
    y0: float = 0.0
    x1: float = 0.0
    y1: float = 0.0
    sizes: list[float] = field(factory=list)
    """Heights of the visible characters' loose boxes (the type size as set)."""
    bold: int = 0
    """How many visible characters are set in a bold face."""
    visible: int = 0
    """How many characters are not whitespace."""
    reach: float = 0.0
    """Right end of the last character, spaces included (the next one's gap is measured from it)."""

    @property
    def text(self) -> str:
        """The segment's characters."""
        return "".join(self.chars)

    @property
    def size(self) -> float:
        """The most common character height, rounded to half a point."""
        if not self.sizes:
            return 0.0
        return Counter(round(s * 2) / 2 for s in self.sizes).most_common(1)[0][0]

    def add(self, char: str, box: tuple[float, float, float, float], size: float, bold: bool) -> None:
        """Append one character with its box."""
        self.chars.append(char)
        self.reach = max(self.reach, box[2])
        if char.isspace():
            return  # spaces typed to push a line right (a Word 落款) are not where its text is
        if not self.visible:
            self.x0, self.y0, self.x1, self.y1 = box
        else:
            self.x0, self.y0 = min(self.x0, box[0]), min(self.y0, box[1])
            self.x1, self.y1 = max(self.x1, box[2]), max(self.y1, box[3])
        self.visible += 1
        self.sizes.append(size)
        self.bold += bold


_SCAN_AREA = 0.6
"""The share of the page an image covers for the page to be a scan (a full-page scan covers all of it)."""


@define
class PageText:
    """What one page holds: its segments in content order, its rules, and what was counted."""

    number: int
    width: float
    height: float
    segments: list[Segment] = field(factory=list)
    rules: list[tuple[float, float, float]] = field(factory=list)
    """Horizontal rules (thin wide paths): ``(x0, x1, y)``."""
    images: int = 0
    image_area: float = 0.0
    """The largest image's share of the page (0–1)."""
    texts: int = 0
    """Text objects at the page's top level."""
    invisible: int = 0
    """Of those, the ones drawn in render mode 3 (neither filled nor stroked: a scanner's OCR layer)."""
    folded: Counter[str] = field(factory=Counter)
    """Look-alike characters replaced by their unified ideograph (Kangxi radicals …)."""
    unmapped: Counter[str] = field(factory=Counter)
    """Glyphs without a Unicode mapping, by font name."""

    @property
    def ocr_layer(self) -> bool:
        """Whether the page is a scan under a scanner's OCR layer.

        Every text object is invisible, over an image covering most of the page
        (formats/pdf-text/…_scan-with-ocr-layer.pdf).
        """
        return self.texts > 0 and self.invisible == self.texts and self.image_area >= _SCAN_AREA


def _font_name(raw: Any, textpage: Any, index: int) -> str:
    buf = ctypes.create_string_buffer(128)
    raw.FPDFText_GetFontInfo(textpage, index, buf, len(buf), ctypes.byref(ctypes.c_int()))
    return buf.value.decode("latin-1", "replace") or "(unnamed)"


def read_page(pdf: Any, index: int) -> PageText:
    """Read page *index* (0-based) of an open ``pypdfium2.PdfDocument``."""
    import pypdfium2.raw as raw

    page = pdf[index]
    try:
        width, height = page.get_size()
        out = PageText(number=index + 1, width=width, height=height)
        _objects(raw, page, out)
        textpage = page.get_textpage()
        try:
            _chars(raw, textpage, out)
        finally:
            textpage.close()
    finally:
        page.close()
    return out


def _objects(raw: Any, page: Any, out: PageText) -> None:
    """Count images and find horizontal rules among the page's top-level objects."""
    count = raw.FPDFPage_CountObjects(page)
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    for k in range(count):
        obj = raw.FPDFPage_GetObject(page, k)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_IMAGE:
            out.images += 1
            if raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top) and out.width and out.height:
                share = (right.value - left.value) * (top.value - bottom.value) / (out.width * out.height)
                out.image_area = max(out.image_area, min(share, 1.0))
        elif kind == raw.FPDF_PAGEOBJ_TEXT:
            out.texts += 1
            out.invisible += raw.FPDFTextObj_GetTextRenderMode(obj) == raw.FPDF_TEXTRENDERMODE_INVISIBLE
        elif kind == raw.FPDF_PAGEOBJ_PATH and raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            w, h = right.value - left.value, top.value - bottom.value
            if h <= 3.5 and w >= out.width * 0.3:
                out.rules.append((left.value, right.value, (top.value + bottom.value) / 2))


def _chars(raw: Any, textpage: Any, out: PageText) -> None:
    n = raw.FPDFText_CountChars(textpage)
    if n <= 0:
        return
    rect = raw.FS_RECTF()
    get_unicode, get_box = raw.FPDFText_GetUnicode, raw.FPDFText_GetLooseCharBox
    map_error, generated, weight = raw.FPDFText_HasUnicodeMapError, raw.FPDFText_IsGenerated, raw.FPDFText_GetFontWeight
    seg: Segment | None = None
    gap = False  # PDFium saw a word gap before the next character
    for k in range(n):
        code = get_unicode(textpage, k)
        char = chr(code) if 0 < code < 0x110000 else UNMAPPED
        if char in "\r\n" or (char.isspace() and generated(textpage, k)):
            # PDFium's own line breaks and gap spaces are not in the PDF; lines come from geometry.
            # A gap between two Latin words keeps its space; Word's gap between a digit and a
            # CJK character (2021 年11 月) is spacing, not a space (pdftotext prints one).
            gap = char == " " and seg is not None and bool(seg.chars) and _latin(seg.chars[-1])
            continue
        get_box(textpage, k, rect)
        # Bold by the font's weight (its descriptor's, or PDFium's reading of a …-Bold name). A weight
        # over 900 is none the PDF specification allows: PDFium derives one from a bogus StemV (Chrome
        # prints' embedded SimSun says 2092, KaiTi 1840: natur3ph_…chrome-print), so it says nothing.
        bold = 600 <= weight(textpage, k) <= 900
        if map_error(textpage, k):
            out.unmapped[_font_name(raw, textpage, k)] += 1
            char = UNMAPPED
        elif code in FOLD:
            out.folded[char] += 1
            char = FOLD[code]
        box = (rect.left, rect.bottom, rect.right, rect.top)
        size = rect.top - rect.bottom
        if seg is not None and char.isspace():
            seg.add(char, box, size, bold)  # a space typed in the text (时    间) stays in it
            continue
        if seg is None or _breaks(seg, box, size):
            if seg is not None:
                _close(seg, out)
            seg = Segment()
        elif gap and _latin(char):
            seg.chars.append(" ")
        gap = False
        seg.add(char, box, size, bold)
    if seg is not None:
        _close(seg, out)


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _close(seg: Segment, out: PageText) -> None:
    while seg.chars and seg.chars[-1].isspace():
        seg.chars.pop()
    if seg.visible:
        out.segments.append(seg)


def _breaks(seg: Segment, box: tuple[float, float, float, float], size: float) -> bool:
    """True when a character at *box* does not continue *seg* (another line, or a wide gap)."""
    if not seg.visible:
        return False
    mid = (box[1] + box[3]) / 2
    if not seg.y0 - 1 <= mid <= seg.y1 + 1:
        return True  # off the segment's baseline band: another line
    em = max(size, seg.y1 - seg.y0, 1.0)
    gap = box[0] - max(seg.x1, seg.reach)
    # A step back (a new line at the same height, a column) or a gap of three ems (a table's
    # next cell, a header's right-hand part) ends the segment. Loose boxes of full-width
    # punctuation overlap their neighbours' (”， in hfut-…-2021-8 p2 by half an em): no step back.
    return gap < -em * 1.2 or gap > em * 3
