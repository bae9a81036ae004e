"""The lines a scanner's OCR layer lacks (``readers._layerfill``), on made-up pages: no engine needed.

Boxes are given in points from the page's top left; OCR lines are made at 150 dpi like the reader's.
The real page this comes from is tested in tests/test_pdf.py (test_ocr_layers_fill_…).
"""

from __future__ import annotations

from typing import Any

import pytest

from bulletins import ocr
from bulletins.ocr import SEAL_RED, OcrLine
from bulletins.readers._layerfill import best_reading, fill, gaps, uncovered_ink
from bulletins.readers._pdflayout import PLine
from tests.conftest import missing

HEIGHT = 840.0
DPI = 150.0


def layer(text: str, left: float, top: float, right: float, bottom: float) -> PLine:
    """A line of the layer (PDF points from the bottom left, as the reader keeps them)."""
    return PLine(
        text=text, page=1, x0=left, y0=HEIGHT - bottom, x1=right, y1=HEIGHT - top, size=16.0, bold=False,
        page_height=HEIGHT,
    )  # fmt: skip


def read(text: str, left: float, top: float, right: float, bottom: float, confidence: float = 0.99,
         *, dpi: float = DPI, red: float = 0.0) -> OcrLine:  # fmt: skip
    scale = dpi / 72.0
    box = (left * scale, top * scale, right * scale, bottom * scale)
    return OcrLine(text=text, box=box, confidence=confidence, page=1, red=red)


BODY = [
    layer("特此 通知", 88, 448, 149, 463),
    layer("二零 一", 344, 523, 390, 540),
]


def test_a_row_the_layer_leaves_empty_or_nearly_is_a_gap() -> None:
    found = [
        read("特此通知", 86, 445, 149, 463),
        read("信息学院", 393, 486, 472, 522),  # nothing of the layer under it
        read("二零一八年十一月二十二日", 342, 518, 534, 543),  # the layer holds 3 of its 12 characters
    ]
    missing = gaps(BODY, found, DPI)
    assert [line.text for line, _ in missing] == ["信息学院", "二零一八年十一月二十二日"]
    assert [[pl.text for pl in under] for _, under in missing] == [[], ["二零 一"]]


def test_a_row_the_layer_holds_is_no_gap_even_when_it_reads_it_differently() -> None:
    # The layer's own readings stay, misreadings and spaces included: OCR's is not put over them.
    rows = [layer("会 研 究决 定 ,zO21年 姐月25日", 52, 306, 520, 326)]
    assert gaps(rows, [read("会研究决定，2021年4月25日", 52, 306, 520, 326)], DPI) == []


def test_a_layer_line_reaching_beyond_the_ocr_box_is_never_replaced() -> None:
    # Replacing it would lose its other characters; keeping it and adding OCR's would double these.
    rows = [layer("甲", 100, 100, 116, 116), layer("乙丙丁戊己庚辛壬癸子丑寅卯", 400, 100, 600, 116)]
    wide = [layer("甲" + " " * 20 + "乙丙丁戊己庚辛壬癸子丑寅卯", 100, 100, 600, 116)]
    found = [read("甲一二三四五六", 100, 99, 212, 117)]
    assert [line.text for line, _ in gaps(rows, found, DPI)] == ["甲一二三四五六"]
    assert gaps(wide, found, DPI) == []


def test_a_seals_own_text_is_no_gap_but_a_red_banner_is() -> None:
    body = [read("特此通知", 86, 445, 149, 463), read("二零一", 344, 523, 390, 540)]
    body.append(read("各专业、各课程组在进行课程目标达成情况分析", 83, 362, 530, 382))  # the layer holds none: a gap
    seal = read("上海海洋大学信息学院", 330, 470, 540, 486, red=SEAL_RED)
    assert [line.text for line, _ in gaps(BODY, [*body, seal], DPI)] == ["各专业、各课程组在进行课程目标达成情况分析"]
    banner = read("某某大学文件", 150, 60, 450, 100, red=SEAL_RED)  # 发文机关标志: red, in type over twice the body's
    assert [line.text for line, _ in gaps(BODY, [*body, banner], DPI)][-1] == "某某大学文件"


def test_the_most_confident_reading_of_the_same_line_is_taken() -> None:
    line = read("二零一人年十一月十二日", 340, 515, 534, 544, 0.94)
    others = [
        ([read("二零一八年十一月二十二日", 342, 518, 534, 543, 0.93, dpi=200)], 200.0),
        ([read("二零一八年十一月二十二日", 342, 518, 533, 542, 0.95, dpi=300),
          read("特此通知", 86, 445, 149, 463, 1.0, dpi=300)], 300.0),
    ]  # fmt: skip
    best = best_reading(line, DPI, others)
    assert best.text == "二零一八年十一月二十二日" and best.confidence == 0.95
    # Its box is given in the first reading's pixels, whichever rendering it came from.
    assert [round(v * 72 / DPI) for v in best.box] == [342, 518, 533, 542]
    # A more confident line elsewhere on the page (特此通知, 1.0) is another line, never this one's reading.
    assert best_reading(read("特此通知", 86, 445, 149, 463, 0.9), DPI, others[:1]).text == "特此通知"
    # Nor is a line inside this one's box grown over it under a seal (the issuer above a sealed date).
    tall = read("二〇二四年七月一日", 340, 480, 534, 544, 0.86)
    issuer = ([read("计算机学院", 393, 486, 472, 510, 0.99, dpi=200)], 200.0)
    assert best_reading(tall, DPI, [issuer]).text == "二〇二四年七月一日"


def test_fill_puts_the_read_lines_in_reading_order_with_their_confidence() -> None:
    calls: list[float] = []

    def page(dpi: float) -> list[OcrLine]:
        calls.append(dpi)
        return [
            read("特此通知", 86, 445, 149, 463, 1.0, dpi=dpi),
            read("信息学院", 393, 486, 472, 522, 1.0 if dpi == DPI else 0.84, dpi=dpi),
            read("二零一八年十一月二十二日", 342, 518, 534, 543, 0.94, dpi=dpi),
        ]

    lines, count = fill([*BODY], page, 1, HEIGHT)
    assert count == 2 and calls == [150.0, 200.0, 300.0]
    assert [ln.text for ln in lines] == ["特此 通知", "信息学院", "二零一八年十一月二十二日"]
    assert [ln.confidence for ln in lines] == [None, 1.0, 0.94]
    # Set in the layer's body size (an OCR box under a seal is taller than its type), placed on the page.
    assert {ln.size for ln in lines} == {16.0}
    assert (lines[1].x0, lines[1].y1) == (393.0, HEIGHT - 486)
    assert lines[1].gap_above == lines[0].y0 - lines[1].y1 > 0


def test_fill_reads_once_when_the_layer_lacks_nothing() -> None:
    calls: list[float] = []

    def page(dpi: float) -> list[OcrLine]:
        calls.append(dpi)
        return [read("特此通知", 86, 445, 149, 463, dpi=dpi), read("二零一", 344, 523, 390, 540, dpi=dpi)]

    assert fill([*BODY], page, 1, HEIGHT) == (BODY, 0) and calls == [150.0]


# -- the ink check: OCR only where the page image shows print the layer lacks ----------------------


@pytest.fixture
def page_image() -> Any:
    """A white 600×840 page at 72 dpi (a point a pixel), and a function to ink a box on it."""
    if not ocr.available():
        missing("the OCR extra", "pip install 'bulletins[ocr]'")
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (600, 840), "white")
    draw = ImageDraw.Draw(image)

    def ink(left: float, top: float, right: float, bottom: float, colour: str = "black") -> Any:
        draw.rectangle((left, top, right, bottom), fill=colour)
        return image

    return ink


def _characters(ink: Any, left: float, top: float, count: int, size: float = 16.0, colour: str = "black") -> Any:
    """*count* glyph-like blots of *size* points, a quarter of a size apart: a line of print."""
    image = None
    for n in range(count):
        x = left + n * 1.25 * size
        image = ink(x, top, x + size, top + size, colour)
    return image


def test_ink_the_layer_covers_is_no_gap(page_image: Any) -> None:
    image = _characters(page_image, 88, 448, 4)  # 特此通知, the layer holds it
    assert uncovered_ink(image, BODY, 16.0) == []


def test_a_line_of_ink_the_layer_lacks_is_found(page_image: Any) -> None:
    image = _characters(page_image, 393, 492, 4)  # 信息学院 under the seal: nothing of the layer there
    (run,) = uncovered_ink(image, BODY, 16.0)
    x, y, width, height = run
    # Its box is the ink's, widened by the merging of the row's characters (half a body size a side).
    assert 393 - 16 <= x <= 393 and (y, height) == (492, 17) and width >= 4 * 20


def test_specks_rules_single_characters_and_red_ink_are_no_gap(page_image: Any) -> None:
    page_image(50, 100, 53, 103)  # a speck
    page_image(40, 200, 560, 201)  # a rule, one point thick
    page_image(290, 800, 300, 812)  # a page number's digit
    image = _characters(page_image, 300, 600, 6, colour="red")  # a seal's own text
    assert uncovered_ink(image, BODY, 16.0) == []


def test_fill_reads_nothing_when_the_image_shows_no_print_the_layer_lacks(page_image: Any) -> None:
    calls: list[float] = []

    def page(dpi: float) -> list[OcrLine]:
        calls.append(dpi)
        return []

    covered = _characters(page_image, 88, 448, 4)
    assert fill([*BODY], page, 1, HEIGHT, covered) == (BODY, 0) and calls == []
    lacking = _characters(page_image, 393, 492, 4)
    assert fill([*BODY], page, 1, HEIGHT, lacking) == (BODY, 0) and calls == [150.0]
