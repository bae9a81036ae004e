"""OCR (``bulletins[ocr]``) and the image reader: typed pages, the missing-extra diagnostic, bad images.

The typed pages (tests/fixtures/ocr/, NOTES.md there) are the five scanned pages whose text was
typed by reading the page images; their CER is measured here against a bound, and their speed
by ``bench/ocr.py``. Tests needing the extra (rapidocr-onnxruntime) or ``pdftoppm`` (Debian's
poppler-utils) skip locally without them and fail under ``CI=true``.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, ClassVar

import attrs
import pytest

import bulletins
from bulletins import ocr
from bulletins.errors import ReadError
from bulletins.model import held_texts
from bulletins.readers import Line, Place, Reading
from bulletins.readers.image import ImageReader, image_kind
from tests.conftest import bench_module, missing, require_module

ROOT = Path(__file__).resolve().parents[1]
TYPED = ROOT / "tests" / "fixtures" / "ocr"


def _bench() -> ModuleType:
    return bench_module("ocr")


BENCH = _bench()


def _need(what: str, ok: bool, install: str) -> None:
    if not ok:
        missing(what, install)


def png(width: int = 4, height: int = 4) -> bytes:
    """A white greyscale PNG made with the standard library (no Pillow needed)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + b"\xff" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


# -- signatures and a file that is not an image -----------------------------------------------

KINDS = [
    (png(), "PNG"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG"),
    (b"II*\x00\x08\x00\x00\x00\x00\x00", "TIFF"),
    (b"MM\x00*\x00\x00\x00\x08\x00\x00", "TIFF"),
    (b"%PDF-1.7\n", None),
    ("关于印发通知".encode(), None),
    (b"", None),
]


@pytest.mark.parametrize(("data", "kind"), KINDS, ids=["png", "jpeg", "tiff-le", "tiff-be", "pdf", "text", "empty"])
def test_image_kind(data: bytes, kind: str | None) -> None:
    assert image_kind(data) == kind
    assert ImageReader().sniff(data) is (kind is not None)


def test_an_image_is_chosen_by_content_whatever_its_name() -> None:
    assert bulletins.readers.choose_reader(png(), "scan.txt") == "image"


@pytest.mark.parametrize("name", ["scan.png", "scan.jpg", "scan.JPEG", "scan.tif", "scan.tiff"])
def test_bytes_claiming_an_image_suffix_that_are_not_an_image_are_one_clear_error(name: str) -> None:
    with pytest.raises(ReadError, match=rf"^{name}: not an image: the bytes start with no PNG, JPEG or TIFF signature"):
        bulletins.parse(b"<html>not a picture</html>", source=name, reader="image")
    with pytest.raises(ReadError, match=r"not an image"):
        bulletins.parse(b"\x00\x01\x02 not a picture", source=name)


DAMAGED = [
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG", "no IHDR header after the signature"),
    (b"\xff\xd8\xff\x00" + bytes(20), "JPEG", "no segment marker after the start-of-image marker"),
    (b"II*\x00\xff\xff\x00\x00" + bytes(20), "TIFF", "the first image directory lies outside the file"),
]


@pytest.mark.parametrize(("data", "kind", "problem"), DAMAGED, ids=[k for _, k, _ in DAMAGED])
@pytest.mark.parametrize("extra", [True, False], ids=["with-extra", "without-extra"])
def test_a_damaged_header_is_one_error_with_or_without_the_extra(
    monkeypatch: pytest.MonkeyPatch, data: bytes, kind: str, problem: str, extra: bool
) -> None:
    if not extra:
        monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)
    assert ImageReader().sniff(data)
    with pytest.raises(ReadError, match=rf"^scan\.bin: a damaged {kind} image: {problem}$"):
        bulletins.parse(data, source="scan.bin")


def test_cli_reports_a_fake_image_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from bulletins.cli import main

    fake = tmp_path / "scan.png"
    fake.write_bytes(b"\x00\x01 this is no image")
    assert main(["parse", str(fake)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert [line for line in err.splitlines() if "not an image" in line] == [
        f"{fake}: not an image: the bytes start with no PNG, JPEG or TIFF signature "
        "(first bytes b'\\x00\\x01 this '); use --from to choose another reader"
    ]


# -- without the extra ---------------------------------------------------------------------------


@pytest.mark.usefixtures("no_ocr")
def test_without_the_extra_an_image_gives_a_warning_and_no_bulletin() -> None:
    assert not ocr.available()
    doc = bulletins.parse(png(), source="scan.png")
    assert doc.bulletins == ()
    assert doc.source.format == "image"
    [diag] = [d for d in doc.diagnostics if d.code == "no-text-layer"]
    assert diag.level == "warning"
    assert diag.message == "the PNG image has no text layer: install bulletins[ocr]"


@pytest.mark.usefixtures("no_ocr")
def test_without_the_extra_recognize_says_what_to_install() -> None:
    with pytest.raises(ocr.OcrUnavailableError, match=r"install bulletins\[ocr\]"):
        ocr.recognize(png(), page=3)


@pytest.mark.usefixtures("no_ocr")
def test_without_the_extra_the_cli_warns_and_exits_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from bulletins.cli import main

    scan = tmp_path / "scan.png"
    scan.write_bytes(png())
    status = main(["parse", str(scan)])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    assert "install bulletins[ocr]" in out.out
    assert status == 0


# -- text repairs and geometry → hints (no engine needed) ----------------------------------------

NORMALIZE = [
    ("二0二四年七月一日", "二〇二四年七月一日"),  # scnu-jiji-2024-4 p1's date, PP-OCR's 0
    ("计机〔2024]4号", "计机〔2024〕4号"),  # unmatched halves of a 发文字号's brackets
    ("教学［2024〕67号", "教学〔2024〕67号"),
    ("行[2018]28号", "行[2018]28号"),  # a matched pair is kept as printed (shou-xinxi-hang)
    ("⼈⺠", "人⺠"),  # Kangxi radical ⼈ → 人; ⺠ (a CJK radical supplement form) has no NFKC fold
    ("各系、室、中心：", "各系、室、中心："),  # full-width punctuation kept
    ("第10条 2010年", "第10条 2010年"),  # digits among digits are not 〇
]


@pytest.mark.parametrize(("raw", "clean"), NORMALIZE, ids=[r for r, _ in NORMALIZE])
def test_normalize(raw: str, clean: str) -> None:
    assert ocr.normalize(raw) == clean


def _line(text: str, x0: float, y0: float, x1: float, y1: float, conf: float = 0.99) -> ocr.OcrLine:
    return ocr.OcrLine(text=text, box=(x0, y0, x1, y1), confidence=conf)


# A page laid out like scnu-jiji-2024-4 p1 at 150 dpi (boxes from RapidOCR, rounded).
PAGE = [
    _line("计算机学院", 921, 1472, 1077, 1500),
    _line("华南师范大学计算机学院文件", 166, 395, 1107, 468),
    _line("计机〔2024〕4号", 501, 554, 752, 588),
    _line("关于印发《华南师范大学计算机学院本科专业", 183, 792, 1073, 838),
    _line("培养目标评价实施细则（修订版）》的通知", 207, 888, 1051, 931),
    _line("各系、室、中心：", 182, 1069, 422, 1105),
    _line("《华南师范大学计算机学院本科专业培养目标评价实施细", 265, 1136, 1070, 1166),
    _line("则（修订版）》已经学院党政联席会议审议通过，现印发给你", 185, 1199, 1070, 1228),
    _line("们，请遵照执行。", 181, 1259, 421, 1295),
    _line("二〇二四年七月一日", 780, 1420, 1077, 1455, conf=0.88),
    _line("评价主体", 200, 1600, 300, 1630),
    _line("认同", 600, 1602, 660, 1628),
]


def test_reading_order_is_rows_top_to_bottom_then_left_to_right() -> None:
    texts = [ln.text for ln in ocr.reading_order(PAGE)]
    assert texts[:3] == ["华南师范大学计算机学院文件", "计机〔2024〕4号", "关于印发《华南师范大学计算机学院本科专业"]
    assert texts[-4:] == ["二〇二四年七月一日", "计算机学院", "评价主体", "认同"]


def test_page_lines_hints() -> None:
    lines = ocr.page_lines(PAGE, page=1, dpi=150)
    by_text = {ln.text.split("\t")[0]: ln for ln in lines}
    assert by_text["华南师范大学计算机学院文件"].hints.align == "center"
    assert by_text["计机〔2024〕4号"].hints.align == "center"
    assert by_text["二〇二四年七月一日"].hints.align == "right"
    assert by_text["各系、室、中心："].hints.align is None
    assert by_text["则（修订版）》已经学院党政联席会议审议通过，现印发给你"].hints.align is None
    # 红头 type is larger than the body's: sizes in points from box heights at 150 dpi
    title_size, body_size = (
        by_text["华南师范大学计算机学院文件"].hints.font_size,
        by_text["们，请遵照执行。"].hints.font_size,
    )
    assert title_size is not None and body_size is not None and title_size > 2 * body_size
    table = by_text["评价主体"]
    assert table.text == "评价主体\t认同" and table.hints.table_cell and table.hints.align is None
    assert by_text["二〇二四年七月一日"].origin == "page 1 box 780,1420,1077,1455 conf 0.88"
    (place,) = by_text["二〇二四年七月一日"].places  # the same box as numbers, for Document.boxes
    assert (place.page, place.left, place.top, place.right, place.bottom) == (1, 780, 1420, 1077, 1455)
    assert place.confidence is not None and round(place.confidence, 2) == 0.88


# -- seals: red ink only, kept as seal residue ------------------------------------------------------


def test_seal_ink_is_the_red_share_of_the_ink() -> None:
    np = require_module("numpy", "ocr")
    white, red, black = (255, 255, 255), (220, 30, 40), (20, 20, 20)
    box = np.full((20, 50, 3), white, dtype=np.int16)
    box[5:15, 5:45] = red  # a seal's stroke: red ink only
    assert ocr.seal_ink(box) == 1.0
    box[8:12, 10:40] = black  # black print over it (a date stamped over): 120 of 400 ink pixels
    assert ocr.seal_ink(box) == 0.7
    speck = np.full((20, 50, 3), white, dtype=np.int16)
    speck[0:2, 0:2] = red  # a few red pixels are no red ink to speak of
    assert ocr.seal_ink(speck) == 0.0


def _red(line: ocr.OcrLine, red: float) -> ocr.OcrLine:
    return attrs.evolve(line, red=red)


# scnu-jiji-2024-4 p1's seal as RapidOCR found it (red shares measured on the 150 dpi page): its name
# across the bottom in red only, the 落款 and date printed under it in black over red.
SEALED = [
    _red(PAGE[1], 0.998),  # the red 发文机关标志: type 2.4 times the body's, not a seal
    *PAGE[2:9],
    _red(_line("评算机学院", 840, 1380, 1000, 1431), 0.639),
    _red(_line("二〇二四年七月一日", 780, 1420, 1077, 1498), 0.86),
    _red(_line("！", 1030, 1425, 1050, 1451), 1.0),
    _red(_line("计算机学院", 860, 1510, 1060, 1558), 0.972),
]


def test_seal_text_lines_are_apart_and_hinted() -> None:
    lines = ocr.page_lines(SEALED, page=1, dpi=150)
    seals = [ln.text for ln in lines if ln.hints.seal]
    assert seals == ["！", "计算机学院"]
    assert all(ln.hints.furniture for ln in lines if ln.hints.seal)
    texts = [ln.text for ln in lines]
    assert "华南师范大学计算机学院文件" in texts and "二〇二四年七月一日" in texts  # not joined with the seal's "！"


def test_seal_text_is_seal_residue_never_headline_or_body() -> None:
    reading = Reading(format="image", lines=tuple(ocr.page_lines(SEALED, page=1, dpi=150)))
    document = bulletins.parse(b"", source="scan.png", reader=_Given(reading))
    assert sorted(r.text for r in document.residue if r.kind == "seal") == ["计算机学院", "！"]
    held = [h.text for h in held_texts(document) if h.kind != "residue"]
    assert "计算机学院" not in held and "！" not in held
    assert any(b.headline is not None and "培养目标评价实施细则" in b.headline.title for b in document.bulletins)


# -- with the extra: the typed pages ---------------------------------------------------------------


class _Given:
    """A reader handing the pipeline a Reading made earlier (each page is OCR'd once per session)."""

    name: ClassVar[str] = "given"
    suffixes: ClassVar[tuple[str, ...]] = ()

    def __init__(self, reading: Reading) -> None:
        self.reading = reading

    def sniff(self, data: bytes) -> bool:
        return False

    def read(self, data: bytes, *, source: str | None = None, errors: Any = "strict") -> Iterator[Reading]:
        yield self.reading


@pytest.fixture(scope="module")
def typed() -> dict[str, tuple[str, bytes, Reading]]:
    """label → (typed text, the page rendered at 150 dpi, the image reader's Reading of it)."""
    _need("the OCR extra", ocr.available(), "pip install 'bulletins[ocr]'")
    _need("pdftoppm", shutil.which("pdftoppm") is not None, "apt-get install poppler-utils")
    pages = BENCH.typed_pages()
    if not pages or not BENCH.SCANS.is_dir():
        _need("the corpus", False, f"../shared/corpus beside the clone; looked in {BENCH.SCANS}")
    out = {}
    for label, pdf, page, truth in pages:
        image = subprocess.run(
            ["pdftoppm", "-png", "-r", "150", "-f", str(page), "-l", str(page), "-singlefile", str(pdf)],
            check=True,
            capture_output=True,
        ).stdout
        [reading] = ImageReader().read(image, source=f"{label}.png")
        out[label] = (truth, image, reading)
    return out


def test_five_typed_pages(typed: dict[str, tuple[str, bytes, Reading]]) -> None:
    assert len(typed) == 5  # the bound below is measured on exactly these


def test_character_error_rate_on_the_typed_pages(typed: dict[str, tuple[str, bytes, Reading]]) -> None:
    edits = chars = 0
    per_page = {}
    for label, (truth, _, reading) in typed.items():
        e, _, n = BENCH.cer(reading.joined(), truth)
        edits, chars = edits + e, chars + n
        per_page[label] = round(e / n, 3)
    assert edits / chars <= 0.03, per_page
    assert max(per_page.values()) <= 0.10, per_page  # no page is lost (a page read in the wrong order is ~8 %)


def test_ocr_lines_carry_box_and_confidence(typed: dict[str, tuple[str, bytes, Reading]]) -> None:
    _, image, _ = typed["shou-xinxi-hang-2019-4-p1"]
    lines = ocr.recognize(image, page=1)
    assert all(0.5 <= ln.confidence <= 1.0 and ln.page == 1 for ln in lines)
    assert all(0 <= ln.box[0] < ln.box[2] <= 1242 and 0 <= ln.box[1] < ln.box[3] <= 1755 for ln in lines)
    assert lines == ocr.reading_order(lines)


# Headline of each typed page 1, as printed (the typed file's title lines).
HEADLINES = {
    "scnu-jiji-2024-4-p1": "关于印发《华南师范大学计算机学院本科专业培养目标评价实施细则（修订版）》的通知",
    "shou-xinxi-hang-2018-8-p1": "上海海洋大学信息学院本科教学工作委员会工作职责",
    "shou-xinxi-hang-2019-4-p1": "上海海洋大学信息学院关于教学督导面向“以学生为中心”及促进教学工作持续改进的补充规定",
}


@pytest.mark.parametrize("label", sorted(HEADLINES))
def test_headline_found_on_each_typed_first_page(typed: dict[str, tuple[str, bytes, Reading]], label: str) -> None:
    _, image, reading = typed[label]
    doc = bulletins.parse(image, source=f"{label}.png", reader=_Given(reading))
    titles = [BENCH.fold(b.headline.title) for b in doc.bulletins if b.headline is not None]
    assert any(BENCH.fold(HEADLINES[label]) in title for title in titles), titles


def test_a_scanned_pdf_is_read_by_ocr_page_by_page(typed: dict[str, tuple[str, bytes, Reading]]) -> None:
    # Issue 18: PDF pages with no text layer go through the same OCR as images (one page: 沪海洋信息
    # 行[2019]14号, typed above as shou-xinxi-hang-2019-4 p1).
    path = BENCH.SCANS / "hushengjie_shou-xinxi-hang-2019-4_jiaoxue-dudao-buchong-guiding_scan.pdf"
    document = bulletins.parse_file(path)
    [note] = [d for d in document.diagnostics if d.code == "ocr"]
    assert note.message.startswith("1 page(s) with no text layer (page 1) read by OCR")
    assert any(b.doc_number == "沪海洋信息行[2019]14号" for b in document.bulletins)
    closings = [b.closing for b in document.bulletins if b.closing is not None]
    assert closings and closings[0].date is not None and closings[0].date.iso == "2019-03-12"
    assert document.source.format == "pdf"
    # Provenance: the OCR boxes turned from the 150 dpi rendering's pixels into the page's points.
    (page,) = document.pages
    assert page.unit == "pt" and page.number == 1
    assert document.boxes and all(b.page == 1 and b.confidence is not None for b in document.boxes)
    assert all(0 <= b.left < b.right <= page.width and 0 <= b.top < b.bottom <= page.height for b in document.boxes)


def test_a_classification_and_a_seal_on_a_scanned_page() -> None:
    """lawliet_govcheck_test-hongtou-seal.png, read by eye: 绝密★启用前 at the top left above the red
    XX省数据安全厅文件, a red seal 专用章 at the bottom right."""
    _need("the OCR extra", ocr.available(), "pip install 'bulletins[ocr]'")
    path = BENCH.SCANS / "lawliet_govcheck_test-hongtou-seal.png"
    if not path.is_file():
        _need("the corpus", False, f"../shared/corpus beside the clone; looked in {BENCH.SCANS}")
    document = bulletins.parse_file(path)
    (bulletin,) = document.bulletins
    assert bulletin.classification == "绝密★启用前"
    assert bulletin.headline is not None and "绝密" not in bulletin.headline.title
    assert [r.text for r in document.residue if r.kind == "seal"] == ["专用章"]
    (page,) = document.pages
    assert (page.width, page.height, page.unit) == (1240, 1754, "px")


def test_a_clause_number_joined_to_its_term_keeps_one_box_per_page() -> None:
    # formats/pdf-scanned zhuyandong_gbt15834-2011 p4: 2.2 on its own row over 句子 sentence. Joined,
    # the line has one box on the page (model.LineBox), the union of the two rows: two boxes had given
    # two TEI zones the same xml:id (b1-l57-p4), an invalid file.
    number = Line(text="2.2", places=(Place(page=4, left=100, top=200, right=140, bottom=220, confidence=0.9),))
    term = Line(text="句子 sentence", places=(Place(page=4, left=100, top=230, right=300, bottom=250, confidence=0.8),))
    (joined,) = ocr._clause_terms([number, term])
    assert joined.text == "2.2 句子 sentence"
    assert joined.places == (Place(page=4, left=100, top=200, right=300, bottom=250, confidence=0.8),)
