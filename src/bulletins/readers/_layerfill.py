"""Lines a scanner's invisible OCR layer lacks, read from the page image (the PDF reader's ``ocr_layers=fill``).

A scanner's OCR layer (formats/pdf-text/…_scan-with-ocr-layer.pdf, a Canon scan) holds what its
engine could read; what it could not — the 落款 under a red round seal there: ``信息学院`` and
``二零一八年十一月二十二日``, of which the layer has ``二零 一`` — is simply not in the text. Reading
the whole image instead (``ocr_layers=replace``) trades the layer's own readings for ours, and on
that page neither is better everywhere (docs/readers.md). Filling trades nothing: the page image is
read by OCR, and only a row the layer leaves (nearly) empty is taken from it:

1. **A gap** is an OCR line of the page's print (not a seal's own red text) under which the layer
   has fewer than half as many characters as the OCR reads, and whose layer lines, if any, lie
   within it — so they can be replaced whole (``二零 一`` under the date) and nothing is doubled.
2. **Its reading** is the most confident of three renderings (150, 200 and 300 dpi): a gap is where
   one engine already failed — under a seal, a stamp, faint ink — and where one resolution misreads,
   another reads right. On that page 150 dpi reads ``二零一人年十一月十二日`` (0.94) and ``信息学院``
   (1.00); 200 and 300 dpi read the date right (0.93, 0.95) and the issuer as ``#信息学院`` (0.84,
   0.83): the most confident of each is the page's print. That is one page, the corpus's only such
   file: the rule is fit there (docs/accuracy.md), and every filled line is named in a diagnostic
   and carries the engine's confidence in its place.
3. **Only where the image shows print the layer lacks** is the page read at all: the page is
   rendered at 72 dpi, the layer's boxes are blanked out of its dark (not red) ink, and OCR runs
   only when what is left holds a line's worth of ink — a run at least two characters wide and
   half to three body sizes tall (:func:`uncovered_ink`). A scanner layer that holds the whole
   page costs one small rendering, not three OCR passes. On that page the check finds exactly the
   issuer and the date; with OCR's own lines as the layer it finds nothing on 21 of 22 pages
   (the first three of each of the nine image-only scans), and on the 22nd the date under the seal
   that OCR did not read (scnu-jiji-2024-5 p1, read on the page: 二〇二四年七月一日).
4. **Its type size** is the layer's body size: an OCR box under a seal is taller than its type
   (the sealed issuer's box is 1.85 times the body's), and a title or heading the layer misses
   would be read as one only from such a box.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from .. import ocr
from ._pdflayout import PLine, body_size

INK_DPI = 72.0
"""The resolution the page image is checked for ink at (a point a pixel)."""
FILL_DPIS = (150.0, 200.0, 300.0)
"""The renderings a gap is read from (the first is the one gaps are found in: the OCR default)."""
_BOX_PAD = 0.3  # the layer's boxes are widened by this many body sizes before they blank out ink
_COVERED = 0.5  # a row whose layer holds fewer characters than this share of the OCR's is a gap
_INSIDE = 0.6  # a layer line lies within a gap when this share of its width is inside the gap's box
_SAME_ROW = 0.5  # a layer line stands under an OCR line when they overlap by this share of the lower's height
_SAME_LINE = 0.5  # two readings' boxes of one line overlap by this share of their union


@attrs.frozen
class Box:
    """A box in PDF points from the page's top left."""

    left: float
    top: float
    right: float
    bottom: float

    def overlap(self, other: Box) -> tuple[float, float]:
        """Horizontal and vertical overlap with *other* (points, 0 when apart)."""
        dx = min(self.right, other.right) - max(self.left, other.left)
        dy = min(self.bottom, other.bottom) - max(self.top, other.top)
        return max(dx, 0.0), max(dy, 0.0)


def _box(line: ocr.OcrLine, dpi: float) -> Box:
    scale = 72.0 / dpi
    x0, y0, x1, y1 = line.box
    return Box(x0 * scale, y0 * scale, x1 * scale, y1 * scale)


def _layer_box(line: PLine) -> Box:
    return Box(line.x0, line.page_height - line.y1, line.x1, line.page_height - line.y0)


def _ink(text: str) -> int:
    return sum(not c.isspace() for c in text)


def _print(lines: Sequence[ocr.OcrLine]) -> list[ocr.OcrLine]:
    """The page's print: a seal's own text (:func:`bulletins.ocr.seal_text`) is no gap in the layer."""
    seal = {id(ln) for ln in ocr.seal_text(lines)}
    return [ln for ln in lines if id(ln) not in seal]


def gaps(layer: Sequence[PLine], found: Sequence[ocr.OcrLine], dpi: float) -> list[tuple[ocr.OcrLine, list[PLine]]]:
    """The OCR lines of *found* (read at *dpi*) the *layer* lacks, each with the layer lines it replaces."""
    out: list[tuple[ocr.OcrLine, list[PLine]]] = []
    for line in _print(found):
        box = _box(line, dpi)
        height = box.bottom - box.top
        under: list[PLine] = []
        covered = 0.0
        for pl in layer:
            other = _layer_box(pl)
            dx, dy = box.overlap(other)
            if dx <= 0 or dy < _SAME_ROW * min(height, other.bottom - other.top):
                continue
            width = max(other.right - other.left, 1e-6)
            covered += _ink(pl.text) * min(dx / width, 1.0)
            under.append(pl)
        replaceable = all(box.overlap(_layer_box(pl))[0] >= _INSIDE * max(pl.x1 - pl.x0, 1e-6) for pl in under)
        if covered < _COVERED * _ink(line.text) and replaceable:
            out.append((line, under))
    return out


def _same(a: Box, b: Box) -> bool:
    """Whether two readings' boxes are of one line: they overlap by half their union or more.

    Overlap over the smaller box alone is not enough: under a seal a line's box can grow over the
    line above it (scnu-jiji-2024-4 p1 at 150 dpi: the date's box reaches into the issuer's row).
    """
    dx, dy = a.overlap(b)
    common = dx * dy
    union = (a.right - a.left) * (a.bottom - a.top) + (b.right - b.left) * (b.bottom - b.top) - common
    return union > 0 and common >= _SAME_LINE * union


def best_reading(line: ocr.OcrLine, dpi: float, others: Sequence[tuple[Sequence[ocr.OcrLine], float]]) -> ocr.OcrLine:
    """The most confident reading of *line* (read at *dpi*) among the same line in *others* (lines, dpi).

    The chosen line's box is given in *dpi*'s pixels, whichever rendering it came from.
    """
    best, where = line, _box(line, dpi)
    for lines, other_dpi in others:
        for candidate in _print(lines):
            if candidate.confidence > best.confidence and _same(where, _box(candidate, other_dpi)):
                scale = dpi / other_dpi
                box = tuple(v * scale for v in candidate.box)
                best = attrs.evolve(candidate, box=(box[0], box[1], box[2], box[3]))
    return best


def filled_line(line: ocr.OcrLine, dpi: float, size: float, page: int, page_height: float) -> PLine:
    """A physical line of the layer's page made from an OCR line, set in *size* (the layer's body size)."""
    box = _box(line, dpi)
    return PLine(
        text=line.text,
        page=page,
        x0=round(box.left, 1),
        y0=round(page_height - box.bottom, 1),
        x1=round(box.right, 1),
        y1=round(page_height - box.top, 1),
        size=size,
        bold=False,
        page_height=page_height,
        confidence=round(line.confidence, 3),
    )


def uncovered_ink(picture: Any, layer: Sequence[PLine], size: float) -> list[tuple[int, int, int, int]]:
    """Runs of dark ink on *picture* (the page at :data:`INK_DPI`) that no line of *layer* covers.

    Each run is ``(x, y, width, height)`` in pixels (points): ink at least two characters wide and
    half to three body sizes (*size*, points) tall once the characters of a row are merged — a line
    of print, not a speck, a page number's digit or a rule. Needs numpy and OpenCV, which the OCR
    extra installs.
    """
    import cv2
    import numpy as np

    rgb = np.asarray(picture.convert("RGB"), dtype=np.int16)
    dark = (rgb.max(axis=-1) < ocr.DARK).astype(np.uint8)
    pad = _BOX_PAD * size
    for pl in layer:
        top, bottom = pl.page_height - pl.y1, pl.page_height - pl.y0
        dark[max(int(top - pad), 0) : int(bottom + pad) + 1, max(int(pl.x0 - pad), 0) : int(pl.x1 + pad) + 1] = 0
    reach = max(int(size), 1)  # characters a body size apart are one run
    merged = cv2.dilate(dark, np.ones((1, reach), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(merged, connectivity=8)
    return [
        (int(x), int(y), int(w), int(h))
        for x, y, w, h, _ in (stats[i] for i in range(1, count))
        if 0.5 * size <= h <= 3 * size and w >= 2 * size + reach
    ]


def fill(layer: list[PLine], read: Any, page: int, page_height: float, picture: Any = None) -> tuple[list[PLine], int]:
    """*layer* (one page's lines) with the lines it lacks read by OCR, in reading order; and how many.

    *read* renders the page at a resolution and returns its OCR lines: ``read(dpi) -> list[OcrLine]``.
    *picture*, the page rendered at :data:`INK_DPI`, gates the OCR: without ink outside the layer's
    boxes (:func:`uncovered_ink`) nothing is read. None reads the page regardless.
    """
    size = body_size(layer)
    if picture is not None and not uncovered_ink(picture, layer, size or 12.0):
        return layer, 0
    first = FILL_DPIS[0]
    missing = gaps(layer, read(first), first)
    if not missing:
        return layer, 0
    others = [(read(dpi), dpi) for dpi in FILL_DPIS[1:]]
    replaced = {id(pl) for _, under in missing for pl in under}
    kept = [pl for pl in layer if id(pl) not in replaced]
    new = [filled_line(best_reading(line, first, others), first, size, page, page_height) for line, _ in missing]
    return _insert(kept, new), len(new)


def _insert(kept: list[PLine], new: list[PLine]) -> list[PLine]:
    """*new* lines placed after the last kept line above each (the kept lines' order unchanged).

    The white space above each new line, and above the line after it, is measured again.
    """
    out = list(kept)
    for line in sorted(new, key=lambda pl: -(pl.y0 + pl.y1) / 2):
        middle = (line.y0 + line.y1) / 2
        at = max((i + 1 for i, pl in enumerate(out) if (pl.y0 + pl.y1) / 2 > middle), default=0)
        out.insert(at, line)
        if at > 0:
            line.gap_above = out[at - 1].y0 - line.y1
        if at + 1 < len(out):
            out[at + 1].gap_above = line.y0 - out[at + 1].y1
    return out
