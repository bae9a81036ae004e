"""The pdf reader: crafted PDFs (tests/fixtures/readers, NOTES.md) and real ones (formats/pdf-text).

Expected values come from reading the sources: notice.txt for the crafted notice (the PDF is
laid out from it by make_pdfs.py), the rendered pages for the corpus files.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TypedDict

import attrs
import pytest

import bulletins
from bulletins import ocr
from bulletins.decode import Errors
from bulletins.errors import ReadError
from bulletins.readers import Align, Reading, choose_reader, get_reader
from tests.conftest import missing, shared_corpus

if TYPE_CHECKING:
    from typing_extensions import Unpack  # in typing from Python 3.11; only the type checker reads it

FIXTURES = Path(__file__).parent / "fixtures" / "readers"


def corpus(sub: str) -> Path:
    return shared_corpus(f"formats/{sub}")


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def lines(name: str, **options: object) -> list[bulletins.readers.Line]:
    reading = next(get_reader("pdf", **options).read(fixture(name), source=name))
    return list(reading.lines)


# -- choosing the reader ----------------------------------------------------------------------


def test_pdf_is_told_by_content_first() -> None:
    data = fixture("notice-gbt9704.pdf")
    assert choose_reader(data, "notice.txt") == "pdf"  # %PDF wins over a wrong suffix
    assert choose_reader(b"\n" * 10 + data, None) == "pdf"  # the header may sit in the first KiB
    assert choose_reader("学习的通知".encode(), "notice.pdf") == "pdf"  # then by suffix…
    with pytest.raises(ReadError, match=r"notice.pdf: not a PDF: no %PDF- header in its first 1024 bytes"):
        bulletins.parse("学习的通知".encode(), source="notice.pdf")  # …which the reader refuses clearly


# -- the crafted GB/T 9704 notice -------------------------------------------------------------


def _notice_text() -> str:
    text = (FIXTURES / "notice.txt").read_text(encoding="utf-8").split("\n")
    return "".join(ln.replace("[bookmark: _GoBack]", "") for ln in text[:28])


def test_every_character_of_the_page_in_reading_order() -> None:
    """The notice as notice.txt has it (what make_pdfs.py set on the page), in order."""
    got = "".join(ln.text for ln in lines("notice-gbt9704.pdf") if not ln.hints.furniture)
    assert re.sub(r"\s", "", got) == re.sub(r"\s", "", _notice_text()) + "党委办公室2020年2月9日"


def test_margin_broken_lines_become_one_paragraph() -> None:
    found = [ln.text for ln in lines("notice-gbt9704.pdf")]
    # notice.txt line 4 is set over three PDF lines (27 characters a line, the first indented).
    assert "经院党委研究，决定召开2020年院党委理论学习中心组第二次（扩大）学习，现将具体事宜通知如下。" in found
    # …and notice.txt line 21 runs over the page break, the page number between its parts.
    long = next(t for t in found if t.startswith("7.省委组织部"))
    assert long.endswith("打赢疫情防控阻击战的通知；")


def test_hints_from_geometry() -> None:
    by_text = {ln.text: ln for ln in lines("notice-gbt9704.pdf")}
    title = by_text["关于召开院党委理论学习中心组第二次"]
    assert (title.hints.align, title.hints.font_size, title.hints.page) == ("center", 22.0, 1)
    assert by_text["2020年2月9日"].hints.align == "right"  # set four characters in from the right
    assert by_text["党委办公室"].hints.align == "right"  # centred over the date, right of the middle
    assert by_text["五、相关要求"].hints.indent
    assert by_text["— 1 —"].hints.furniture and by_text["— 2 —"].hints.furniture
    x0, y0, x1, y1 = title.hints.bbox or (0, 0, 0, 0)
    assert 100 < x0 < x1 < 500 and 690 < y0 < y1 < 730  # drawn at y=700 in 22 pt type
    assert title.origin == f"page 1 bbox {x0:.1f},{y0:.1f},{x1:.1f},{y1:.1f}"


def test_the_notice_parses_like_its_text() -> None:
    document = bulletins.parse(fixture("notice-gbt9704.pdf"), source="notice.pdf")
    assert document.source.format == "pdf"
    (bulletin,) = document.bulletins
    assert bulletin.headline is not None
    assert bulletin.headline.title == "关于召开院党委理论学习中心组第二次（扩大）学习的通知"
    assert bulletin.closing is not None and bulletin.closing.issuer == "党委办公室"
    assert bulletin.closing.date is not None and bulletin.closing.date.iso == "2020-02-09"
    markers = [b.marker for b in bulletin.body if b.type == "point"]
    assert markers == ["一、", "二、", "三、", "四、", "五、"]
    assert bulletin.origin is not None and bulletin.origin.startswith("page 1 bbox ")
    assert sorted(r.text for r in document.residue) == ["— 1 —", "— 2 —"]  # page numbers, kept


# -- provenance: every line's page and box ------------------------------------------------------


def test_every_line_has_its_page_and_box() -> None:
    document = bulletins.parse(fixture("notice-gbt9704.pdf"), source="notice.pdf")
    assert [(p.number, p.width, p.height, p.unit) for p in document.pages] == [(1, 595, 842, "pt"), (2, 595, 842, "pt")]
    reading = lines("notice-gbt9704.pdf")
    assert {b.line for b in document.boxes} == set(range(1, len(reading) + 1))  # every line, residue too
    by_line = {n: [b for b in document.boxes if b.line == n] for n in range(1, len(reading) + 1)}
    for n, line in enumerate(reading, 1):
        first = by_line[n][0]
        x0, y0, x1, y1 = line.hints.bbox or (0, 0, 0, 0)
        # The hints' box is PDF's (from the bottom left); Document.boxes measure from the top left.
        assert (first.page, first.left, first.right) == (line.hints.page, x0, x1)
        assert (first.top, first.bottom) == (round(842 - y1, 1), round(842 - y0, 1))
    # notice.txt line 21 runs over the page break: a box on each page.
    long = next(n for n, ln in enumerate(reading, 1) if ln.text.startswith("7.省委组织部"))
    assert [b.page for b in by_line[long]] == [1, 2]
    title = next(n for n, ln in enumerate(reading, 1) if ln.text == "关于召开院党委理论学习中心组第二次")
    assert 842 - 730 < by_line[title][0].top < by_line[title][0].bottom < 842 - 690  # drawn at y=700 in 22 pt


def test_boxes_agree_with_pdftotext() -> None:
    """hfut …2021-8 p1: the boxes ``pdftotext -bbox-layout`` gives its lines (read from its output)."""
    path = corpus("pdf-text") / "hushengjie_hfut-jisuanji-ruanjian-han-2021-8_shixi-jidi-zhidu.pdf"
    document = bulletins.parse(path.read_bytes(), source=path.name)
    boxes = {b.line: b for b in document.boxes}
    expected = {
        2: (214.74, 173.14, 418.73, 189.14),  # 计算机、软件函〔2021〕8号
        3: (90.66, 254.98, 504.66, 279.06),  # 关于印发《计算机与信息学院实习基地制度》的通知
        4: (90.00, 297.94, 186.02, 313.94),  # 学院各单位：
    }
    for line, (left, top, right, bottom) in expected.items():
        box = boxes[line]
        assert box.page == 1
        assert abs(box.left - left) < 0.5 and abs(box.right - right) < 0.5
        assert abs(box.top - top) < 0.5 and abs(box.bottom - bottom) < 0.5


def test_tei_has_page_breaks_and_zones_and_stays_valid() -> None:
    from lxml import etree

    from bulletins.validate import validate_bytes

    document = bulletins.parse(fixture("notice-gbt9704.pdf"), source="notice.pdf")
    tei = bulletins.export(document, "tei")
    report = validate_bytes(tei.encode("utf-8"))
    assert report.valid, report.problems
    root = etree.fromstring(tei.encode("utf-8"))
    ns = {"t": "http://www.tei-c.org/ns/1.0", "xml": "http://www.w3.org/XML/1998/namespace"}
    assert [pb.get("n") for pb in root.iterfind(".//t:pb", ns)] == ["1", "2"]
    ids = {el.get("{http://www.w3.org/XML/1998/namespace}id") for el in root.iter()}
    pointers = [p for el in root.iter() for p in (el.get("facs") or "").split()]
    assert pointers and all(p.startswith("#") and p[1:] in ids for p in pointers)
    surfaces = root.findall(".//t:facsimile/t:surface", ns)
    assert [(s.get("n"), s.get("lrx"), s.get("lry")) for s in surfaces] == [("1", "595", "842"), ("2", "595", "842")]
    # The paragraph over the page break names its zones on both pages.
    long = next(p for p in root.iterfind(".//t:p", ns) if "".join(p.itertext()).startswith("7.省委组织部"))
    assert len(long.get("facs", "").split()) == 2
    xml = bulletins.export(document, "xml")
    assert validate_bytes(xml.encode("utf-8")).valid
    assert bulletins.loads(bulletins.export(document, "json")) == document


def test_text_input_has_no_pages() -> None:
    document = bulletins.parse("关于召开会议的通知\n各单位：\n现将有关事项通知如下。")
    assert document.pages == () and document.boxes == ()


# -- GB/T 9704 版头 marks: 份号, 密级和保密期限, 紧急程度 ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # GB/T 9704-2012 §7.2.1–7.2.3 (p7 of formats/pdf-text/zhuyandong_gbt9704-2012…) and its examples.
        ("000001", "copy_number"),
        ("０００１２３", "copy_number"),
        ("机密★1年", "classification"),
        ("秘密", "classification"),
        ("绝密★启用前", "classification"),
        ("机密 ★ 6个月", "classification"),
        ("特急", "urgency"),
        ("加　急", "urgency"),
        ("第35号", None),
        ("12345", None),
        ("2021年", None),
        ("机密文件管理办法", None),
        ("特急通知", None),
    ],
)
def test_banner_kind(text: str, kind: str | None) -> None:
    from bulletins.readers._banner import banner_kind

    assert banner_kind(text) == kind


class _Lines:
    """A reader giving the pipeline fixed lines (a 红头 first page as the PDF reader would hint it)."""

    name: ClassVar[str] = "fixed-lines"
    suffixes: ClassVar[tuple[str, ...]] = ()

    def __init__(self, lines: list[bulletins.readers.Line]) -> None:
        self.lines = lines

    def sniff(self, data: bytes) -> bool:
        return False

    def read(self, data: bytes, *, source: str | None = None, errors: Errors = "strict") -> Iterator[Reading]:
        from bulletins.readers._banner import mark_banner

        yield Reading(format="pdf", lines=tuple(mark_banner(self.lines)))


class _HintFields(TypedDict, total=False):
    """The Hints fields these tests set besides the page."""

    align: Align
    font_size: float
    furniture: bool
    indent: bool
    rule_above: bool
    table_cell: bool


def _hinted(text: str, page: int = 1, **hints: Unpack[_HintFields]) -> bulletins.readers.Line:
    from bulletins.readers import Hints, Line

    return Line(text=text, origin=f"page {page}", hints=Hints(page=page, **hints))


RED_HEADER = [
    _hinted("000123"),
    _hinted("机密★1年"),
    _hinted("特急"),
    _hinted("国务院办公厅文件", align="center", font_size=30.0),
    _hinted("国办发〔2020〕6号", align="center", rule_above=False),
    _hinted("关于做好防疫工作的通知", align="center", font_size=22.0, rule_above=True),
    _hinted("各省、自治区、直辖市人民政府："),
    _hinted("现就有关事项通知如下。请认真贯彻执行。", indent=True),
    _hinted("国务院办公厅", align="right"),
    _hinted("2020年2月9日", align="right"),
]


def test_banner_marks_are_notice_elements_not_headline() -> None:
    from bulletins.model import held_texts

    document = bulletins.parse(b"", source="notice.pdf", reader=_Lines(RED_HEADER[:10]))
    (bulletin,) = document.bulletins
    assert (bulletin.copy_number, bulletin.classification, bulletin.urgency) == ("000123", "机密★1年", "特急")
    assert [(e.kind, e.lines) for e in bulletin.notice_elements][:3] == [
        ("copy_number", (1, 1)),
        ("classification", (2, 2)),
        ("urgency", (3, 3)),
    ]
    assert bulletin.lines[0] == 1 and bulletin.origin == "page 1"
    assert bulletin.headline is not None and bulletin.headline.title == "关于做好防疫工作的通知"
    assert bulletin.doc_number == "国办发〔2020〕6号"
    assert not document.residue
    assert sum(1 for h in held_texts(document) if h.text in {"000123", "机密★1年", "特急"}) == 3  # held once each
    assert bulletins.loads(bulletins.export(document, "json")) == document
    from bulletins.validate import validate_bytes

    tei = bulletins.export(document, "tei")
    assert validate_bytes(tei.encode("utf-8")).valid
    assert '<note type="notice" subtype="classification" n="2-2">机密★1年</note>' in tei
    assert validate_bytes(bulletins.export(document, "xml").encode("utf-8")).valid


def test_a_scanned_colophon_stays_with_its_notice() -> None:
    """The 版记 of the shou-xinxi scans (主题词 / 印发 / 拟稿) as OCR gives it: no rule, so no hint of its own."""
    from bulletins.model import held_texts
    from bulletins.readers import Place

    texts: list[tuple[str, _HintFields]] = [
        ("信息学院试卷命题实施细则", {"align": "center", "font_size": 22.0}),
        ("各系、室、中心：", {}),
        ("现将实施细则印发给你们，请遵照执行。", {"indent": True}),
        ("信息学院", {"align": "right"}),
        ("二零一八年十一月二十二日", {"align": "right"}),
        ("主题词：试卷命题　课程目标达成度评价实施细则", {}),
        ("上海海洋大学信息学院办公室　2018年11月22日印发", {}),
        ("拟稿：徐锋\t（共印3份）", {"table_cell": True}),
    ]
    lines = [
        attrs.evolve(
            _hinted(text, **hints), places=(Place(page=1, left=90, top=100 + 40 * k, right=500, bottom=130 + 40 * k),)
        )
        for k, (text, hints) in enumerate(texts)
    ]
    document = bulletins.parse(b"", source="scan.pdf", reader=_Lines(lines))
    (bulletin,) = document.bulletins
    assert bulletin.lines == (1, 8) and bulletin.closing is not None and bulletin.closing.issuer == "信息学院"
    kinds = [(e.kind, e.lines) for e in bulletin.notice_elements if e.lines[0] > 5]
    assert kinds == [("keywords", (6, 6)), ("imprint", (7, 7)), ("note", (8, 8))]
    held = "".join(h.text for h in held_texts(document))
    assert all(held.count(t.split("\t")[0]) == 1 for t, _ in texts[5:])
    tei = bulletins.export(document, "tei")
    from bulletins.validate import validate_bytes

    assert validate_bytes(tei.encode("utf-8")).valid and 'subtype="keywords"' in tei


def test_a_mark_lookalike_inside_the_text_is_text() -> None:
    from bulletins.readers._banner import mark_banner

    marked = list(mark_banner(RED_HEADER))
    assert [ln.hints.banner for ln in marked] == ["copy_number", "classification", "urgency"] + [None] * 7
    assert all(ln.hints.furniture for ln in marked[:3]) and not marked[3].hints.furniture
    # Only the run a page opens with: after a line of text, or centred, 特急 is text.
    later = list(mark_banner([_hinted("通知正文第一行"), _hinted("特急"), _hinted("特急", page=2, align="center")]))
    assert [ln.hints.banner for ln in later] == [None, None, None]
    # Page furniture (a running header) may stand above the marks.
    header = list(mark_banner([_hinted("— 2 —", furniture=True), _hinted("000123")]))
    assert header[1].hints.banner == "copy_number"


# -- traps ------------------------------------------------------------------------------------


def test_kangxi_radicals_are_read_as_the_ideographs_and_counted() -> None:
    reading = next(get_reader("pdf").read(fixture("kangxi.pdf")))
    # ⼈ U+2F08 and ⽇ U+2F47 fold by NFKC; ⺠ U+2EA0 by Unicode's equivalent-ideograph table.
    assert reading.lines[0].text == "人民日报社论"
    (folded,) = [d for d in reading.diagnostics if d.code == "radical-folded"]
    assert folded.message.startswith("3 character(s)")


@pytest.mark.usefixtures("no_ocr")
def test_a_page_without_text_layer_is_a_diagnostic() -> None:
    document = bulletins.parse(fixture("scanned-page.pdf"), source="scan.pdf")
    (missing,) = [d for d in document.diagnostics if d.code == "no-text-layer"]
    assert missing.message == "page 2 has no text layer: install bulletins[ocr]"


SCANNER_LAYER = "hushengjie_shou-xinxi-xueyuan-dachengdu-yuzhi-tongzhi_scan-with-ocr-layer.pdf"


def test_a_scanners_invisible_ocr_layer_is_read_with_a_warning() -> None:
    # The corpus's one scan under an invisible OCR layer (render mode 3 over a full-page image): its
    # text is read, as the file's own, and the user is told what it is (checked by looking at the page:
    # the title and first sentence are the layer's, the sealed 落款 is not in it but for ``二零 一``).
    keep = {"ocr_layers": "keep"}
    document = bulletins.parse_file(corpus("pdf-text") / SCANNER_LAYER, reader_options=keep)
    (layer,) = [d for d in document.diagnostics if d.code == "ocr-layer"]
    assert layer.level == "warning" and layer.message.startswith("page 1: a scan under an invisible OCR layer")
    assert "ocr_layers=replace" in layer.message and "lacks read from the image" not in layer.message
    (bulletin,) = document.bulletins
    assert bulletin.headline is not None
    assert bulletin.headline.title == "信息学院关于工程教育认证专业课程目标达成度与毕业要求达成度阈值的通知"
    assert bulletin.closing is None and bulletin.body[-1].text == "二零一"
    # A text PDF with visible text has no such warning.
    other = bulletins.parse_file(
        corpus("pdf-text") / "hushengjie_hfut-jisuanji-ruanjian-han-2021-8_shixi-jidi-zhidu.pdf"
    )
    assert not [d for d in other.diagnostics if d.code == "ocr-layer"]


@pytest.mark.usefixtures("no_ocr")
def test_without_the_ocr_extra_a_scanners_layer_is_read_alone() -> None:
    document = bulletins.parse_file(corpus("pdf-text") / SCANNER_LAYER)  # the default, ocr_layers=fill
    (layer,) = [d for d in document.diagnostics if d.code == "ocr-layer"]
    assert "install bulletins[ocr] to read what the layer lacks" in layer.message
    assert document.bulletins[0].closing is None


def test_ocr_layers_fill_reads_the_lines_the_layer_lacks() -> None:
    # The default: the layer's text, and the rows it leaves (nearly) empty read from the image. On this
    # page, read beside a 300 dpi crop of it: the 落款 under the red seal, 信息学院 over
    # 二零一八年十一月二十二日, of which the layer holds ``二零 一``.
    if not ocr.available():
        missing("the OCR extra", "pip install 'bulletins[ocr]'")
    document = bulletins.parse_file(corpus("pdf-text") / SCANNER_LAYER)
    (layer,) = [d for d in document.diagnostics if d.code == "ocr-layer"]
    assert layer.level == "warning" and "with the lines it lacks read from the image by OCR" in layer.message
    assert "2 on page 1" in layer.message
    (bulletin,) = document.bulletins
    assert bulletin.closing is not None and bulletin.closing.issuer == "信息学院"
    assert bulletin.closing.date is not None and bulletin.closing.date.text == "二零一八年十一月二十二日"
    assert bulletin.date is not None and bulletin.date.iso == "2018-11-22"
    # Everything else is the layer's own reading, misreadings and all (zO21年 姐月25日), never doubled.
    text = "".join(block.text for block in bulletin.body)
    assert "姐月" in text and "二零一" not in text
    assert bulletin.headline is not None and "阈值" in bulletin.headline.title
    # The two filled lines carry OCR's confidence in their places; the layer's lines carry none.
    read = [box for box in document.boxes if box.confidence is not None]
    assert [round(box.top) for box in read] == [486, 518]
    assert all(0.9 <= (box.confidence or 0) <= 1.0 for box in read)
    assert len(document.boxes) > len(read)


def test_when_ocr_fails_on_a_scanners_layer_the_layer_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    # The fill is an addition: an engine that fails on the page never costs the document its layer.
    if not ocr.available():
        missing("the OCR extra", "pip install 'bulletins[ocr]'")

    def broken(image: object, *, page: int | None = None) -> list[ocr.OcrLine]:
        raise ocr.OcrError(f"page {page}: OCR failed (RuntimeError: out of memory)")

    monkeypatch.setattr(ocr, "recognize", broken)
    document = bulletins.parse_file(corpus("pdf-text") / SCANNER_LAYER)
    (failed,) = [d for d in document.diagnostics if d.code == "ocr-failed"]
    assert failed.level == "warning"
    assert failed.message == "page 1: OCR failed (RuntimeError: out of memory): the layer alone is read"
    (bulletin,) = document.bulletins
    assert bulletin.closing is None and bulletin.body[-1].text == "二零一"  # the layer, as with keep


def test_ocr_layers_replace_reads_the_image_instead() -> None:
    if not ocr.available():
        missing("the OCR extra", "pip install 'bulletins[ocr]'")
    options = {"ocr_layers": "replace"}
    document = bulletins.parse_file(corpus("pdf-text") / SCANNER_LAYER, reader_options=options)
    (layer,) = [d for d in document.diagnostics if d.code == "ocr-layer"]
    assert layer.level == "info" and "read again by OCR" in layer.message
    # The page's text is now OCR's: the layer reads the decision's date 2021年4月25日 as ``zO21年 姐月25日``.
    text = "".join(block.text for b in document.bulletins for block in b.body)
    assert "2021年4月25日" in text and "姐月" not in text
    with pytest.raises(ValueError, match="ocr_layers must be 'fill', 'keep' or 'replace'"):
        get_reader("pdf", ocr_layers="maybe")


@pytest.mark.parametrize(
    ("name", "options", "message"),
    [
        ("encrypted.pdf", {}, "encrypted.pdf: an encrypted (password-protected) PDF"),
        ("truncated.pdf", {}, "truncated.pdf: not a readable PDF: the file is damaged or truncated"),
        ("no-pages.pdf", {}, "no-pages.pdf: the PDF has no pages"),
        ("million-pages.pdf", {}, "million-pages.pdf: the PDF has 1000000 pages, over the limit of 2000 (max_pages"),
        ("notice-gbt9704.pdf", {"max_pages": 1}, "the PDF has 2 pages, over the limit of 1 (max_pages"),
        ("notice-gbt9704.pdf", {"max_stream_bytes": 100}, "over the limit of 100 (max_stream_bytes"),
    ],
    ids=["encrypted", "truncated", "no-pages", "million-pages", "max-pages", "max-stream-bytes"],
)
def test_bad_pdfs_are_one_clear_error(name: str, options: dict[str, object], message: str) -> None:
    with pytest.raises(ReadError) as caught:
        bulletins.parse(fixture(name), source=name, reader="pdf" if options else "auto", reader_options=options or None)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_limits_can_be_raised() -> None:
    # A page tree claiming a million pages holding one: read what is there, say what is not.
    reading = next(get_reader("pdf", max_pages=10**6).read(fixture("million-pages.pdf")))
    assert [ln.text for ln in reading.lines] == ["第一页"]
    (failed,) = [d for d in reading.diagnostics if d.code == "unreadable-page"]
    assert "stopped after 100 in a row (the file claims 1000000 pages)" in failed.message


@pytest.mark.parametrize("name", ["encrypted.pdf", "truncated.pdf", "no-pages.pdf", "million-pages.pdf"])
def test_bad_pdfs_through_the_cli(name: str, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bulletins", "parse", str(FIXTURES / name), "-o", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    errors = [ln for ln in done.stderr.splitlines() if name in ln]
    assert len(errors) == 1 and "Traceback" not in done.stderr


def test_folders_include_pdfs() -> None:
    from bulletins.cli import DEFAULT_GLOB

    assert "*.pdf" in DEFAULT_GLOB.split(",")


# -- real PDFs (formats/pdf-text, formats/pdf-scanned) ----------------------------------------


def test_red_header_university_notice() -> None:
    """hfut …2021-8: 红头 first page, read from the page rendered at 80 dpi."""
    path = corpus("pdf-text") / "hushengjie_hfut-jisuanji-ruanjian-han-2021-8_shixi-jidi-zhidu.pdf"
    document = bulletins.parse(path.read_bytes(), source=path.name)
    first = document.bulletins[0]
    assert first.doc_number == "计算机、软件函〔2021〕8号"
    assert first.headline is not None and first.headline.title == "关于印发《计算机与信息学院实习基地制度》的通知"
    assert first.addressee == "学院各单位"
    assert first.closing is not None and first.closing.issuer == "计算机与信息学院"
    assert first.closing.date is not None and first.closing.date.iso == "2021-11-08"


def test_macos_print_kangxi_radicals_are_folded() -> None:
    path = corpus("pdf-text") / "forhumanity_guoziwei-ling35_zhongyang-qiye-jingwai-touzi_macos-print.pdf"
    reading = next(get_reader("pdf").read(path.read_bytes(), source=path.name))
    text = reading.joined()
    assert not re.search("[\u2e80-\u2fdf]", text)  # ⼈ ⺠ ⻅ all read as 人 民 见
    assert "中央企业境外投资监督管理办法" in text
    assert any(d.code == "radical-folded" for d in reading.diagnostics)


def test_a_title_wrapped_at_the_margin_keeps_its_last_character() -> None:
    """国资委令第35号 printed from the web: 中央企业境外投资监督管理办 / 法 in 28 pt, the 法 at the left edge."""
    path = corpus("pdf-text") / "forhumanity_guoziwei-ling35_zhongyang-qiye-jingwai-touzi_macos-print.pdf"
    document = bulletins.parse(path.read_bytes(), source=path.name)
    first = document.bulletins[0]
    assert first.headline is not None and first.headline.title == "中央企业境外投资监督管理办法"


def test_a_chrome_print_is_not_all_bold() -> None:
    """PDFium gives the Chrome print's embedded SimSun weight 2092 (no PDF weight): not bold, as the page shows."""
    path = corpus("pdf-text") / "natur3ph_shendu-hecheng-guanli-guiding_govcn-chrome-print.pdf"
    reading = next(get_reader("pdf").read(path.read_bytes(), source=path.name))
    assert not any(ln.hints.bold for ln in reading.lines)
    # A real bold face still counts: TimesNewRomanPS-BoldMT (700) in hfut …2021-8.
    import pypdfium2 as pdfium

    from bulletins.readers._pdfchars import read_page

    path = corpus("pdf-text") / "hushengjie_hfut-jisuanji-ruanjian-han-2021-8_shixi-jidi-zhidu.pdf"
    pdf = pdfium.PdfDocument(path.read_bytes())
    assert any(seg.bold for n in range(len(pdf)) for seg in read_page(pdf, n).segments)


def test_browser_print_header_and_footer_are_residue() -> None:
    path = corpus("pdf-text") / "natur3ph_shendu-hecheng-guanli-guiding_govcn-chrome-print.pdf"
    reading = next(get_reader("pdf").read(path.read_bytes(), source=path.name))
    furniture = [ln.text for ln in reading.lines if ln.hints.furniture]
    assert len(furniture) >= 8  # a page of 8 has its date/title header and URL/page footer
    assert all("gov.cn" not in ln.text for ln in reading.lines if not ln.hints.furniture)


@pytest.mark.usefixtures("no_ocr")
def test_scans_without_text_are_refused_with_the_reason() -> None:
    path = corpus("pdf-scanned") / "hushengjie_scnu-jiji-2024-4_peiyang-mubiao-pingjia-xize_scan.pdf"
    with pytest.raises(ReadError, match=r"no text layer on any of its 6 pages \(a scan\?\): install bulletins\[ocr\]"):
        bulletins.parse(path.read_bytes(), source=path.name)


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("D:20230318101431+02'14'", "2023-03-18 10:14:31+02:14"),  # WPS, formats/pdf-text/guhhhhaa_xianfa-2018.pdf
        ("D:20250226161008+08'00'", "2025-02-26 16:10:08+08:00"),
        ("D:20200101120000Z", "2020-01-01 12:00:00+00:00"),
        ("D:20200101", "2020-01-01"),
        ("D:202001", "2020-01"),
        ("not a date", "not a date"),  # kept as the file states it
    ],
)
def test_a_pdf_date_is_given_as_the_other_readers_give_dates(raw: str, iso: str) -> None:
    from bulletins.readers.pdf import _pdf_date

    assert _pdf_date(raw) == iso
