"""OCR of page images (``bulletins[ocr]``): lines in reading order with their box and confidence.

The engine is RapidOCR on ONNX Runtime (``rapidocr-onnxruntime``): PaddleOCR's Chinese PP-OCRv4
detection and recognition models, shipped inside the wheel, so nothing is fetched at run time.
It was chosen over Tesseract (``chi_sim``) by character error rate and speed on five scanned pages
typed by reading (tests/fixtures/ocr/, docs/readers.md).

The API is small and engine-independent, so that any reader can call it on a page image (the
image reader here; the PDF reader on a rendered page that has no text layer):

- :func:`available` — whether the extra is installed;
- :func:`recognize` — an image (bytes or a PIL image) → :class:`OcrLine` list in reading order;
- :func:`rows` and :func:`page_lines` — OCR lines → the reader's :class:`~bulletins.readers.Line`
  rows with layout hints (the geometry → hints mapping: font size from box height, centred and
  right-aligned against the page's text block), shared by every reader that OCRs a page.

Without the extra, :func:`recognize` raises :class:`OcrUnavailableError`, whose message says
``install bulletins[ocr]``; readers turn that into a ``no-text-layer`` diagnostic per page.
"""

from __future__ import annotations

import functools
import importlib
import io
import itertools
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from attrs import evolve, frozen

from .errors import BulletinsError
from .readers import Align, Hints, Line, Place

if TYPE_CHECKING:
    from PIL import Image

ENGINE = "rapidocr-onnxruntime"
"""The distribution that provides the engine (installed by ``bulletins[ocr]``)."""
INSTALL_HINT = "install bulletins[ocr]"
"""What a diagnostic tells the user to do when the extra is missing."""
DEFAULT_DPI = 150.0
"""Resolution assumed for an image that does not state one (A4 scans at 150 dpi are 1240×1754)."""
_MODULE = "rapidocr_onnxruntime"
_MIN_CONFIDENCE = 0.5  # the engine's own default text_score: below it a box is noise (specks, show-through)


class OcrUnavailableError(BulletinsError, RuntimeError):
    """The OCR extra is not installed (``pip install 'bulletins[ocr]'``)."""


class OcrError(BulletinsError, ValueError):
    """The image could not be read or recognised (the message names the page)."""


@frozen(kw_only=True)
class OcrLine:
    """One line of text the engine found on a page image."""

    text: str
    """The recognised text (NFKC-folded compatibility characters, see :func:`normalize`)."""
    box: tuple[float, float, float, float]
    """``(x0, y0, x1, y1)`` in image pixels, origin at the top left, y growing downwards."""
    confidence: float
    """The engine's confidence in the text, 0–1."""
    page: int | None = None
    """1-based page number the caller passed, or None."""
    red: float = 0.0
    """Share of the box's ink that is red (0 when the box holds little red ink): 1.0 for a seal's own
    text, lower for black print under a seal (:func:`seal_ink`)."""

    @property
    def height(self) -> float:
        """Height of the box in pixels (about the type size)."""
        return self.box[3] - self.box[1]


def _import_engine() -> Any:
    try:
        return importlib.import_module(_MODULE)
    except ImportError as exc:
        raise OcrUnavailableError(f"OCR is not installed: {INSTALL_HINT} (pip install 'bulletins[ocr]')") from exc


def available() -> bool:
    """Return True when the OCR extra is installed and importable, and not turned off.

    ``BULLETINS_OCR=off`` in the environment reads scans as if the extra were absent (a warning
    per page without a text layer): for a quick pass over a folder of scans.
    """
    if os.environ.get("BULLETINS_OCR", "").lower() in {"off", "0", "no"}:
        return False
    try:
        _import_engine()
    except OcrUnavailableError:
        return False
    return True


@functools.cache
def _engine() -> Any:
    """The engine, built once per process (loading its models takes about a second)."""
    module = _import_engine()
    return module.RapidOCR()


def _image(image: bytes | Image.Image, page: int | None) -> Image.Image:
    from PIL import Image, UnidentifiedImageError

    if not isinstance(image, bytes):
        return image
    try:
        opened = Image.open(io.BytesIO(image))
        opened.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        where = f"page {page}: " if page is not None else ""
        raise OcrError(f"{where}not a readable image ({type(exc).__name__})") from exc
    return opened


def dpi_of(image: Image.Image) -> float:
    """Return the image's horizontal resolution in dpi, or :data:`DEFAULT_DPI` when it states none."""
    dpi = image.info.get("dpi")
    try:
        value = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        value = 0.0
    return value if 50.0 <= value <= 1200.0 else DEFAULT_DPI


def prepare(image: Image.Image) -> Image.Image:
    """Return the grey image the engine reads: red ink (seals, 红头) pale, black ink black.

    Grey = 0.85 R + 0.15 min(G, B): red ink (R high, G and B low) turns a light grey, so the
    black signature and date printed under a red round seal stand out from it, while a red
    发文机关标志 stays readable (measured on the typed pages: the date under the seal of
    scnu-jiji-2024-4 p1 was not found at all in the colour image).
    """
    import numpy as np
    from PIL import Image

    rgb = np.asarray(image.convert("RGB"), dtype=np.float32)
    grey = 0.85 * rgb[:, :, 0] + 0.15 * rgb[:, :, 1:].min(axis=2)
    return Image.fromarray(grey.clip(0, 255).astype(np.uint8), mode="L")


# A zero read between Chinese numerals is the numeral 〇 of a date (二〇二四年): PP-OCR reads it as 0.
_ZERO = re.compile(r"(?<=[〇一二三四五六七八九十])[0OoО○](?=[〇一二三四五六七八九十年])")


# The year of a 发文字号 stands in 〔〕 (GB/T 9704-2012 §7.2.4); PP-OCR reads either half as [ ［ 【 ] ］ 】
# (计机〔2024]4号, 教学［2024〕67号 on the scnu-jiji scans). A pair whose halves do not match is 〔〕.
_YEAR = re.compile(r"([\[［【〔])(\d{4})([\]］】〕])")
_PAIRS = {"[": "]", "［": "］", "【": "】", "〔": "〕"}


def _year_brackets(m: re.Match[str]) -> str:
    if _PAIRS[m[1]] == m[3]:
        return m[0]
    return f"〔{m[2]}〕"


def normalize(text: str) -> str:
    """Fold compatibility characters (Kangxi radicals, CJK compatibility ideographs) as NFKC does.

    Two repairs of PP-OCR's readings of official documents follow: a 0 between Chinese numerals
    is 〇 (二〇二四年), and a year in unmatched brackets (〔2024]) is put in 〔〕.
    Full-width ASCII and punctuation are kept as the engine printed them, except the forms NFKC
    folds for all readers (⼈ → 人); only the characters whose NFKC form is a CJK ideograph are
    changed, so ``：`` and ``（`` stay full width.
    """
    out = []
    for ch in text:
        folded = unicodedata.normalize("NFKC", ch)
        out.append(folded if len(folded) == 1 and "\u4e00" <= folded <= "\u9fff" else ch)
    return _YEAR.sub(_year_brackets, _ZERO.sub("〇", "".join(out)))


def recognize(image: bytes | Image.Image, *, page: int | None = None) -> list[OcrLine]:
    """Recognise the text of one page image.

    Args:
        image: The encoded image (PNG, JPEG, TIFF …) or a PIL image (a rendered PDF page).
        page: The page number to record on each line and to name in errors.

    Returns:
        The lines found, in reading order (:func:`reading_order`), each with its box in image
        pixels and the engine's confidence; boxes under the engine's confidence floor (0.5) are
        left out as noise.

    Raises:
        OcrUnavailableError: The ``ocr`` extra is not installed.
        OcrError: The bytes are not a readable image, or the engine failed on it.
    """
    engine = _engine()
    original = _image(image, page)
    picture = prepare(original)
    try:
        # No angle classifier: scans are upright, and PP-OCR's classifier turned long lines
        # upside down (line 1 of shou-xinxi-hang-2019-4 p1 came back empty with it).
        result, _ = engine(picture, use_cls=False)
    except Exception as exc:  # the engine's own errors (cv2, onnxruntime) become ours, naming the page
        where = f"page {page}: " if page is not None else ""
        raise OcrError(f"{where}OCR failed ({type(exc).__name__}: {exc})") from exc
    lines = []
    for quad, text, score in result or ():
        xs = [float(p[0]) for p in quad]
        ys = [float(p[1]) for p in quad]
        clean = normalize(str(text)).strip()
        if clean and float(score) >= _MIN_CONFIDENCE:
            box = (min(xs), min(ys), max(xs), max(ys))
            lines.append(OcrLine(text=clean, box=box, confidence=float(score), page=page))
    return _reread_banner(engine, original, reading_order(_with_red(original, lines)), page)


_BANNER_LINES = 3  # the 发文机关标志 is among the first rows of a page
_BANNER_BAND = 3.0  # the band under it re-read: three of its heights (the 发文字号 and the red rule)
_BANNER_LARGE = 1.3  # the 发文机关标志 is set larger than the body (2.1–2.4 times on the typed pages)
# 国办发〔2017〕74号, 沪海洋信息[2020]行23号: a 发文字号, once the band is read (spaces between its parts allowed).
_NUMBER_READ = re.compile(r"[\[［【〔(（]\s*\d{4}\s*[\]］】〕)）].{0,3}\d{1,4}\s*号")


def _reread_banner(engine: Any, original: Image.Image, lines: list[OcrLine], page: int | None) -> list[OcrLine]:
    """Re-read the band under a page's 发文机关标志 in the red ink's own contrast, where no 发文字号 was read.

    :func:`prepare` turns red ink pale, so that black print under a seal stands out; a 发文字号 printed
    in pale red under a red 发文机关标志 then all but vanishes (formats/pdf-scanned
    hushengjie_shou-xinxi-hang-2020-23 p1: ``沪海洋信息 [2020] 行 23 号`` in pink, read as ``息120201``).
    Where a line ending in 文件 in large type opens the page and nothing in the band of three of its
    heights under it reads as a number (``〔2020〕…号``), that band alone is read again with each
    pixel's darkest channel as its grey (red and pink ink dark, paper white), and its lines replace
    the band's first reading when they hold the number. Pages without a 版头 are never read twice.
    """
    if not lines:
        return lines
    heights = sorted(ln.height for ln in lines)
    median = heights[len(heights) // 2]
    head = next(
        (ln for ln in lines[:_BANNER_LINES] if ln.text.endswith("文件") and ln.height >= _BANNER_LARGE * median), None
    )
    if head is None:
        return lines
    top, bottom = head.box[3], head.box[3] + _BANNER_BAND * head.height
    inside = [ln for ln in lines if ln is not head and top <= (ln.box[1] + ln.box[3]) / 2 <= bottom]
    if any(_NUMBER_READ.search(ln.text) for ln in inside):
        return lines
    import numpy as np
    from PIL import Image

    width = original.size[0]
    band = original.convert("RGB").crop((0, int(top), width, int(min(bottom, original.size[1]))))
    grey = np.asarray(band, dtype=np.float32).min(axis=2)
    low, high = float(grey.min()), float(np.percentile(grey, 99))
    if high - low < 1.0:
        return lines
    stretched = ((grey - low) / (high - low) * 255).clip(0, 255).astype(np.uint8)
    try:
        result, _ = engine(np.asarray(Image.fromarray(stretched).convert("RGB")), use_cls=False)
    except Exception:  # the first reading stands: a second look is a bonus, never an error
        return lines
    found = []
    for quad, text, score in result or ():
        clean = normalize(str(text)).strip()
        if clean and float(score) >= _MIN_CONFIDENCE:
            xs = [float(p[0]) for p in quad]
            ys = [float(p[1]) + top for p in quad]
            found.append(
                OcrLine(text=clean, box=(min(xs), min(ys), max(xs), max(ys)), confidence=float(score), page=page)
            )
    if not _NUMBER_READ.search("".join(ln.text for ln in found)):
        return lines
    first_reading = {id(ln) for ln in inside}
    kept = [ln for ln in lines if id(ln) not in first_reading]
    return reading_order(_with_red(original, [*kept, *found]))


_RED_MARGIN = 60  # R above max(G, B) by this much: red ink (a seal, a 红头)
DARK = 110
"""A pixel whose every channel is below this is black ink (red ink — a seal's, a 红头's — is not)."""
_RED_DENSITY = 0.03  # red pixels per pixel of the box below which the box holds no red ink to speak of
SEAL_RED = 0.95
"""A line is a seal's text (印章: the ring inscription, the name across it) when at least this share
of its ink is red and its type is not the 发文机关标志's (see :func:`page_lines`). Measured on
formats/pdf-scanned scnu-jiji-2024-4 p1: the seal's 计算机学院 0.97, the black 落款 and date printed
under the seal 0.63 and 0.86; the test page lawliet_govcheck_test-hongtou-seal.png: 专用章 1.00.
The 发文机关标志 is red too, but set in type at least 1.8 times the body's (2.1–2.4 on those pages;
the seal's name 1.5)."""


def _with_red(image: Image.Image, lines: list[OcrLine]) -> list[OcrLine]:
    """*lines* with the red share of each box's ink measured on the colour *image*."""
    if not lines or image.mode not in ("RGB", "RGBA", "P", "CMYK", "YCbCr"):
        return lines
    import numpy as np

    rgb = np.asarray(image.convert("RGB"), dtype=np.int16)
    out = []
    for ln in lines:
        x0, y0, x1, y1 = (max(0, int(v)) for v in ln.box)
        out.append(evolve(ln, red=seal_ink(rgb[y0 : y1 + 1, x0 : x1 + 1])))
    return out


def seal_ink(pixels: Any) -> float:
    """The share of red among the red and black ink pixels of an RGB array (0 when there is little red)."""
    if pixels.size == 0:
        return 0.0
    red = int(((pixels[..., 0] - pixels[..., 1:].max(axis=-1)) > _RED_MARGIN).sum())
    dark = int((pixels.max(axis=-1) < DARK).sum())
    if red < _RED_DENSITY * pixels[..., 0].size:
        return 0.0
    return round(red / (red + dark), 3)


def rows(lines: Sequence[OcrLine]) -> list[list[OcrLine]]:
    """Group *lines* into rows, top to bottom, each row's boxes left to right.

    A box joins the row above when its vertical middle falls inside the row's first box and it
    does not overlap any box of the row horizontally (a table row's cells, a 版记 line's two
    halves, a signature beside a seal).
    """
    ordered = sorted(lines, key=lambda ln: ((ln.box[1] + ln.box[3]) / 2, ln.box[0]))
    out: list[list[OcrLine]] = []
    for ln in ordered:
        mid = (ln.box[1] + ln.box[3]) / 2
        if out:
            first = out[-1][0]
            apart = all(ln.box[0] >= o.box[2] - 2 or ln.box[2] <= o.box[0] + 2 for o in out[-1])
            if first.box[1] <= mid <= first.box[3] and apart:
                out[-1].append(ln)
                continue
        out.append([ln])
    for row in out:
        row.sort(key=lambda ln: ln.box[0])
    return out


def reading_order(lines: Sequence[OcrLine]) -> list[OcrLine]:
    """Return *lines* in reading order: rows top to bottom (:func:`rows`), left to right in a row."""
    return [ln for row in rows(lines) for ln in row]


@frozen(kw_only=True)
class _Block:
    left: float
    right: float


def _text_block(rows_: Sequence[Sequence[OcrLine]], body: float) -> _Block | None:
    """The page's text block: the most common left edge and the 90th-percentile right edge of full rows."""
    full = [r for r in rows_ if len(r) == 1 and len(r[0].text) >= 10 and abs(r[0].height - body) <= 0.25 * body]
    if len(full) < 2:
        return None
    lefts = Counter(round(r[0].box[0] / 8) * 8 for r in full)
    left = float(lefts.most_common(1)[0][0])
    rights = sorted(r[0].box[2] for r in full)
    right = rights[max(0, int(len(rights) * 0.9) - 1)]
    return _Block(left=min(left, min(r[0].box[0] for r in full)), right=right) if right > left else None


def _align(x0: float, x1: float, block: _Block | None, em: float, *, large: bool = False) -> Align | None:
    """Alignment of a row spanning x0–x1 against the text block (None: ordinary left-set text).

    A row in larger type than the body is centred when its middle is the block's, even where it
    is wider than the block (a 红头's 发文机关标志 runs past the body's margins).
    """
    if block is None:
        return None
    before, after = x0 - block.left, block.right - x1
    inside = before >= 1.5 * em and after >= 1.5 * em
    if (inside or large) and abs(before - after) <= 2.0 * em:
        return "center"
    if x0 > (block.left + block.right) / 2 - em and after <= 6 * em:
        return "right"
    return None


def row_text(row: Sequence[OcrLine]) -> tuple[str, bool]:
    """A row's text and whether it is a table row (boxes three ems apart or more, joined by tabs)."""
    text, table = row[0].text, False
    for prev, box in itertools.pairwise(row):
        em = max(prev.height, box.height, 1.0)
        wide = box.box[0] - prev.box[2] > 3 * em
        table = table or wide
        text += ("\t" if wide else "\u3000") + box.text
    return text, table


def body_height(lines: Sequence[OcrLine]) -> float:
    """The box height (pixels) most of a page's characters are read in: the body type's (0 for no lines)."""
    heights = Counter({round(ln.height): 0 for ln in lines})
    for ln in lines:
        heights[round(ln.height)] += len(ln.text)
    return float(heights.most_common(1)[0][0]) if heights else 0.0


def seal_text(lines: Sequence[OcrLine], body: float | None = None) -> list[OcrLine]:
    """The lines of one page's *lines* that are a seal's own text.

    Red ink only (:data:`SEAL_RED`), and not in the 发文机关标志's large type (1.8 times the body's
    or more); *body* is :func:`body_height` of *lines*, measured here when not given.
    """
    body = body_height(lines) if body is None else body
    return [ln for ln in lines if ln.red >= SEAL_RED and not (body and ln.height >= 1.8 * body)]


def page_lines(lines: Sequence[OcrLine], *, page: int | None = None, dpi: float = DEFAULT_DPI) -> list[Line]:
    """Turn one page's OCR lines into reader lines with layout hints.

    Each row (:func:`rows`) is one line. Hints: ``font_size`` in points from the box height
    (a box is about 1.35 times the type size: PP-OCR pads the glyphs), ``align`` centred or right
    against the page's text block (the most common left edge of full rows and where most of them
    end), and ``table_cell`` for a row whose boxes stand three ems apart or more. Boxes of a seal's
    own text (:data:`SEAL_RED`) form rows of their own with the ``seal`` hint (kept as seal residue),
    after the page's print.
    The origin is ``page N box x0,y0,x1,y1 conf C`` (pixels; the lowest confidence in the row), and
    the same box and confidence are the line's ``places`` (page 1 for a single image).

    Args:
        lines: One page's lines, as :func:`recognize` returns them.
        page: The page number for the origin, or None for a single image.
        dpi: The image's resolution, to turn pixels into points.
    """
    body = body_height(lines)
    # A seal's own text is kept apart from the rows of print it is stamped over, as seal residue
    # (the ``seal`` hint).
    seal = seal_text(lines, body)
    grouped = rows([ln for ln in lines if ln not in seal])
    block = _text_block(grouped, body)
    stamped = rows(seal)
    sealed = {id(row) for row in stamped}
    # The seal's rows come after the page's print: stamped over the 落款, a speck of its ring (``！``)
    # stood between the issuer and the date and parted them (scnu-jiji-2024-4 p1: ``评算机学院`` /
    # ``！`` / ``二〇二四年七月一日``), so the issuer was read as a subhead and the closing lost.
    everything = sorted(grouped, key=_middle) + sorted(stamped, key=_middle)
    out = []
    for row in everything:
        text, table = row_text(row)
        x0, y0 = min(ln.box[0] for ln in row), min(ln.box[1] for ln in row)
        x1, y1 = max(ln.box[2] for ln in row), max(ln.box[3] for ln in row)
        height = max(ln.height for ln in row)
        size = round(height / 1.35 * 72.0 / dpi, 1)
        align = None if table else _align(x0, x1, block, max(body, 1.0), large=height >= 1.3 * body)
        where = f"page {page} " if page is not None else ""
        confidence = min(ln.confidence for ln in row)
        origin = f"{where}box {x0:.0f},{y0:.0f},{x1:.0f},{y1:.0f} conf {confidence:.2f}"
        place = Place(page=page or 1, left=round(x0), top=round(y0), right=round(x1), bottom=round(y1),
                      confidence=round(confidence, 3))  # fmt: skip
        hints = Hints(align=align, font_size=size, table_cell=table)
        if id(row) in sealed:
            hints = Hints(font_size=size, seal=True, furniture=True)
        out.append(Line(text=text, origin=origin, hints=hints, places=(place,)))
    return _clause_terms(_page_numbers(out))


# 2.2 / 2.1. / 3. 1: a standard's sub-clause number alone on its row (the PDF reader's _pdflayout._clause_alone).
_CLAUSE_ALONE = re.compile(r"^\d{1,2}(?:[.．]\s?\d{1,2}){1,3}[.．]?$")


def _per_page(places: Sequence[Place]) -> tuple[Place, ...]:
    """One box per page for a line joined from rows: their union, with the least OCR confidence.

    A line has one box on each page it stands on (``model.LineBox``; the text PDF reader unions its
    parts so too): two boxes of one line on one page gave two TEI zones the same ``xml:id``.
    """
    out: list[Place] = []
    for page in dict.fromkeys(p.page for p in places):
        on = [p for p in places if p.page == page]
        sure = [p.confidence for p in on if p.confidence is not None]
        out.append(
            Place(
                page=page,
                left=min(p.left for p in on),
                top=min(p.top for p in on),
                right=max(p.right for p in on),
                bottom=max(p.bottom for p in on),
                confidence=min(sure) if sure else None,
            )
        )
    return tuple(out)


def _clause_terms(out: list[Line]) -> list[Line]:
    """Join a sub-clause number alone on its row to the term on the row under it.

    A standard sets a term's number on a line of its own over the term (GB/T 1.1-2009 §6.3.3:
    ``2.2`` / ``句子 sentence`` / its definition, formats/pdf-scanned zhuyandong_gbt15834-2011 p4); read
    apart, the clause was a point with no text and the term a paragraph. Joined with a space, as the
    text PDF reader joins them. Left alone: a number over another number, a seal's row, furniture.
    """
    joined: list[Line] = []
    k = 0
    while k < len(out):
        line = out[k]
        nxt = out[k + 1] if k + 1 < len(out) else None
        if (
            nxt is not None
            and _CLAUSE_ALONE.match(line.text.strip())
            and not _CLAUSE_ALONE.match(nxt.text.strip())
            and not (line.hints.seal or nxt.hints.seal or line.hints.furniture or nxt.hints.furniture)
            and not nxt.hints.table_cell
        ):
            joined.append(evolve(nxt, text=f"{line.text.strip()} {nxt.text}", origin=line.origin,
                                 places=_per_page((*line.places, *nxt.places))))  # fmt: skip
            k += 2
            continue
        joined.append(line)
        k += 1
    return joined


def _middle(row: Sequence[OcrLine]) -> float:
    return (row[0].box[1] + row[0].box[3]) / 2


def _page_numbers(out: list[Line]) -> list[Line]:
    """Mark a page number printed alone as the page's last (or first) row as furniture.

    A scanned 红头 document prints ``2``, ``— 2 —`` centred under the text of every page after
    the first; read as a line, it stood between two halves of a sentence and opened a bulletin of
    its own (formats/pdf-scanned scnu-jiji-2024-4 p2–p6, scnu-jiji-2025-1 p3–p4). The text PDF
    reader marks the same numbers (``_pdflayout.mark_furniture``); only the first and last rows are
    asked, and never a table's row, so a number inside the text stays text.
    """
    from .readers._pdflayout import is_page_number

    printed = [k for k, line in enumerate(out) if not line.hints.seal]
    ends = {printed[-1], printed[0]} if len(printed) > 2 else set(printed[-1:])
    for k in sorted(ends):
        line = out[k]
        if not line.hints.table_cell and is_page_number(line.text):
            out[k] = evolve(line, hints=evolve(line.hints, furniture=True))
    return out


__all__ = [
    "DEFAULT_DPI",
    "ENGINE",
    "INSTALL_HINT",
    "SEAL_RED",
    "OcrError",
    "OcrLine",
    "OcrUnavailableError",
    "available",
    "dpi_of",
    "normalize",
    "page_lines",
    "prepare",
    "reading_order",
    "recognize",
    "row_text",
    "rows",
    "seal_ink",
]
