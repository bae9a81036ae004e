"""The paged-source title rules (lexing/rules/paged.py) and OCR page numbers, on real lines.

Every line below is copied from a file of ../shared/corpus/formats (named at each table) with the
page, alignment and type size its reader gave it (``bulletins explain`` and the reader's hints);
each table has the lines a rule must take and look-alikes it must leave alone.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

import pytest

import bulletins
from bulletins import ocr
from bulletins.model import Document, held_texts
from bulletins.pipeline import explain
from bulletins.readers import Align, Hints, Line, Reading

Row = tuple[str, int, Align | None, float]  # text, page, alignment, type size (pt)


class _Given:
    """A reader handing the pipeline lines laid out beforehand (a paged reader's output)."""

    name: ClassVar[str] = "given"
    suffixes: ClassVar[tuple[str, ...]] = ()

    def __init__(self, rows: Sequence[Row]) -> None:
        lines = tuple(Line(text=t, hints=Hints(page=p, align=a, font_size=s)) for t, p, a, s in rows)
        self.reading = Reading(format="pdf", lines=lines)

    def sniff(self, data: bytes) -> bool:
        return False

    def read(self, data: bytes, *, source: str | None = None, errors: Any = "strict") -> Iterator[Reading]:
        yield self.reading


def _terminals(rows: Sequence[Row]) -> dict[int, str]:
    return {line: terminal for line, _, terminal in explain(b"", source="x.pdf", reader=_Given(rows))}


def _parse(rows: Sequence[Row]) -> Document:
    return bulletins.parse(b"", source="x.pdf", reader=_Given(rows))


# -- title under the 版头 ---------------------------------------------------------------------------

# formats/pdf-scanned/hushengjie_shou-xinxi-hang-2018-8_…_scan.pdf p1 (OCR: the full-width first title line is not centred)
SHOU_2018_8: list[Row] = [
    ("上海海洋大学信息学院文件", 1, "center", 18.5),
    ("沪海洋信息行[2018]28号", 1, "center", 10.7),
    ("上海海洋大学信息学院本科教学工作委员会工作职责", 1, None, 12.8),
    ("(2018版修订）", 1, "center", 12.1),
    ("1．审议学院专业建设与发展规划。", 1, None, 10.3),
    ("2.审议各专业人才培养方案及教学计划。", 1, None, 10.0),
]
# formats/pdf-scanned/hushengjie_shou-xinxi-hang-2019-4_…_scan.pdf p1
SHOU_2019_4: list[Row] = [
    ("上海海洋大学信息学院文件", 1, "center", 17.4),
    ("沪海洋信息行[2019]14号", 1, "center", 10.7),
    ("上海海洋大学信息学院关于教学督导面向“以学生为中心", 1, None, 13.2),
    ("及促进教学工作持续改进的补充规定", 1, "center", 12.1),
    ("（1）教学督导积极参与学院本科教学信息监控活动，在教学检查中坚持“以", 1, None, 10.3),
]
# formats/pdf-scanned/hushengjie_scnu-jiji-2025-1_…_scan.pdf p1: neither title line centred, the 主送 under them
SCNU_2025_1: list[Row] = [
    ("华南师范大学计算机学院文件", 1, None, 27.0),
    ("计机〔2025〕1号", 1, None, 13.9),
    ("关于印发《华南师范大学计算机学院教学督导", 1, None, 15.3),
    ("工作实施细则》的通知", 1, None, 17.1),
    ("各系、室、中心：", 1, None, 13.9),
    ("《华南师范大学计算机学院教学督导工作实施细则》已经", 1, None, 11.7),
    ("学院党政联席会议审议通过，现印发给你们，请遵照执行", 1, None, 10.3),
    ("计算机学院", 1, "right", 14.6),
    ("二〇二五年算学院", 1, "right", 22.8),  # the date read through the seal's red ink
    ("华南师范大学计算机学院教学督导", 2, "center", 18.8),
    ("工作实施细则", 2, "center", 18.5),
    ("一、总则", 2, None, 16.4),
    ("教学督导是教学质量保障的核心环节，主要任务为监督、", 2, None, 18.1),
]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (SHOU_2018_8, {3: "HEADLINE_START", 4: "HEADLINE_LINE", 5: "POINT"}),
        (SHOU_2019_4, {3: "HEADLINE_START", 4: "HEADLINE_LINE", 5: "POINT"}),
        (SCNU_2025_1, {3: "HEADLINE_START", 4: "HEADLINE_LINE", 5: "ADDRESSEE"}),
    ],
    ids=["shou-2018-8", "shou-2019-4", "scnu-2025-1"],
)
def test_the_lines_under_the_doc_number_are_one_title(rows: list[Row], expected: dict[int, str]) -> None:
    terminals = _terminals(rows)
    assert {line: terminals[line] for line in expected} == expected
    assert list(terminals.values()).count("HEADLINE_START") == 1
    assert len(_parse(rows).bulletins) == 1


def test_a_number_under_its_title_leaves_the_body_alone() -> None:
    # gov.cn row layout: the title first (centred), the number under it, then the 主送 and body text
    # (formats/pdf-text hushengjie_hfut-jisuanji-ruanjian-han-2021-8 p1, its masthead left out).
    rows: list[Row] = [
        ("关于印发《计算机与信息学院实习基地制度》的通知", 1, "center", 24.0),
        ("计算机、软件函〔2021〕8号", 1, None, 16.0),
        ("学院各单位：", 1, None, 16.0),
        ("附件：《计算机与信息学院实习基地制度》", 1, None, 16.0),
    ]
    terminals = _terminals(rows)
    assert terminals[2] == "DOC_NUMBER_BELOW"
    assert terminals[3] == "ADDRESSEE"
    assert terminals[4] != "HEADLINE_START"


def test_an_issued_document_s_title_named_by_the_notice_stays_in_it_without_a_closing() -> None:
    terminals = _terminals(SCNU_2025_1)
    assert terminals[10] == terminals[11] == "ISSUED_TITLE"
    document = _parse(SCNU_2025_1)
    assert len(document.bulletins) == 1


# formats/pdf-scanned/hushengjie_scnu-jiji-2024-5_…_scan.pdf p1–p2 (the spent first draw): the 落款's date lost
# under the seal, the issued 细则's second title line full width (not centred)
SCNU_2024_5: list[Row] = [
    ("华南师范大学计算机学院文件", 1, "center", 28.4),
    ("计机[2024]5号", 1, "center", 11.7),
    ("关于印发《华南师范大学计算机学院本科专业", 1, None, 17.4),
    ("毕业要求评价实施细则（修订版）》的通知", 1, None, 16.4),
    ("各系、室、中心：", 1, None, 14.9),
    ("《华南师范大学计算机学院本科专业毕业要求评价实施细", 1, None, 13.5),
    ("则（修订版）》已经学院党政联席会议审议通过，现印发给你", 1, None, 13.2),
    ("们，请遵照执行。", 1, None, 13.5),
    ("计算机学院", 1, "right", 17.1),
    ("华南师范大学计算机学院", 2, "center", 16.0),
    ("本科专业毕业要求评价实施细则（修订版）", 2, None, 16.0),
    ("毕业要求是学生毕业时应掌握的知识、技能和素养的具体", 2, None, 12.4),
    ("描述，体现专业人才培养“产出”的质量要求，也是专业向学", 2, None, 12.4),
]


def test_an_issued_title_the_layout_cut_is_read_to_the_end_of_its_name() -> None:
    terminals = _terminals(SCNU_2024_5)
    assert terminals[10] == terminals[11] == "ISSUED_TITLE"
    assert terminals[12] != "ISSUED_TITLE"
    assert len(_parse(SCNU_2024_5).bulletins) == 1


def test_a_title_the_notice_does_not_name_still_opens_a_bulletin() -> None:
    # the same notice, followed by a title it does not quote (formats/pdf-scanned scnu-jiji-2024-5 p2's title)
    rows = [*SCNU_2025_1[:9], ("华南师范大学计算机学院", 2, "center", 16.0), ("一、总则", 2, None, 16.4)]
    assert _terminals(rows)[10] == "HEADLINE_START"


# -- a cover's imprint and a covered report's sections ----------------------------------------------

# formats/pdf-text/simonxinw_shenzhen-tjj_xingbie-tongji-2021.pdf p1–p2 (a cover, then the first chapter)
SHENZHEN: list[Row] = [
    ("2021年深圳市社会性别统计报告", 1, "center", 31.0),
    ("深圳市统计局", 1, "center", 17.5),
    ("深圳市妇女儿童工作委员会", 1, "center", 17.5),
    ("深圳市性别平等促进办公室", 1, "center", 17.5),
    ("二〇二二年十二月", 1, "center", 17.5),
    ("1人口特征", 2, "center", 20.0),
    ("人口规模与性别比", 2, None, 17.5),
    (
        "2021年，深圳市常住人口11761.48万人，其中男性969.57万人，占全市人口的55.0%；女性791.91万人，占全市人口的45.0",
        2,
        None,
        17.5,
    ),
    ("2021年，深圳市各区（新区）常住人口情况如下:", 2, "center", 17.5),
    ("2婚姻及家庭状况", 4, "center", 20.0),
    (
        "2021年，深圳市共办理结婚登记7.64万对。初婚人数11.89万人，其中女性6.00万人，性别比为98.04；再婚人数3.38万人，其中女",
        4,
        None,
        17.5,
    ),
]


def test_a_cover_s_imprint_is_not_the_title_and_its_sections_open_no_bulletin() -> None:
    terminals = _terminals(SHENZHEN)
    assert terminals[1] == "HEADLINE_START"
    assert all(terminals[line] not in {"HEADLINE_START", "HEADLINE_LINE"} for line in range(2, 12))
    # 20 pt between the body's 17.5 and the title's 31: sections, numbered 1, 2 … glued to the title, so
    # points (the formats guide; the file's fixture counts them); unnumbered, subheads.
    assert terminals[6] == terminals[10] == "POINT"
    unnumbered: list[Row] = [(text.lstrip("12"), page, align, size) for text, page, align, size in SHENZHEN]
    assert _terminals(unnumbered)[6] == _terminals(unnumbered)[10] == "SUBHEAD"
    assert terminals[9] == "PARAGRAPH"  # centred, but in the body's size
    document = _parse(SHENZHEN)
    assert len(document.bulletins) == 1
    assert document.bulletins[0].headline is not None
    assert document.bulletins[0].headline.title == "2021年深圳市社会性别统计报告"


@pytest.mark.parametrize(
    ("rows", "headline"),
    [
        # formats/pdf-text/govnianbao_huaian-szf_xxgk-nianbao-2024.pdf p1: two title lines in one size
        (
            [
                ("淮安市人民政府", 1, "center", 26.0),
                ("2024年政府信息公开工作年度报告", 1, "center", 26.0),
                (
                    "本报告由淮安市人民政府办公室根据《中华人民共和国政府信息公开条例》（国令第711号）（以下简称《条例》）规定编制。",
                    1,
                    None,
                    18.0,
                ),
            ],
            "淮安市人民政府2024年政府信息公开工作年度报告",
        ),
        # formats/pdf-text/zhuyandong_gbt9704-2012_… p1: the English title at 0.78 of the Chinese one's size
        (
            [
                ("党政机关公文格式", 1, "center", 24.5),
                ("Layout key for official document of Party and government organs", 1, "center", 19.0),
                ("2012-06-29发布 2012-07-01实施", 1, None, 19.0),
            ],
            "党政机关公文格式Layout key for official document of Party and government organs",
        ),
    ],
    ids=["huaian", "gbt9704-english"],
)
def test_a_title_s_second_line_in_a_near_size_stays_in_the_title(rows: list[Row], headline: str) -> None:
    (bulletin,) = _parse(rows).bulletins
    assert bulletin.headline is not None and bulletin.headline.title == headline


def test_an_order_s_regulation_title_is_no_cover_section() -> None:
    # formats/pdf-text/forhumanity_shangwubuling-2014-3_… p1: no cover (the order's text stands on page 1),
    # the regulation's title in the body's size under a larger order number.
    rows: list[Row] = [
        ("中华人民共和国商务部令", 1, "center", 19.0),
        ("2014年第3号", 1, "center", 22.5),
        (
            "《境外投资管理办法》已经2014年8月19日商务部第27次部务会议审议通过，现予发布，自2014年10月6日起施行。",
            1,
            None,
            19.0,
        ),
        ("部　长　　高虎城", 1, None, 19.0),
        ("2014年9月6日", 1, None, 22.5),
        ("境外投资管理办法", 1, "center", 19.0),
        ("第一章　总　　则", 1, "center", 19.0),
        (
            "第一条　为了促进和规范境外投资，提高境外投资便利化水平，根据《国务院关于投资体制改革的决定》、《国务院对确需保留的行政审批项目设定行政许可的",
            1,
            None,
            19.0,
        ),
    ]
    (bulletin,) = _parse(rows).bulletins
    assert bulletin.headline is not None and bulletin.headline.title == "境外投资管理办法"


# formats/pdf-text/hushengjie_tsinghua-benke-jiaoxue-zhiliang-baogao-2023-2024.pdf p1 (an image, read by OCR: no
# alignment) and the title page p2
TSINGHUA: list[Row] = [
    ("清幕大学", 1, None, 48.7),
    ("大菜", 1, None, 14.6),
    ("厚自", 1, None, 12.8),
    ("★", 1, None, 14.9),
    ("2023-2024学年本科教学质量报告", 1, None, 18.1),
    ("清华大学", 1, None, 15.6),
    ("2024年11月", 1, None, 13.2),
    ("清华大学2023-2024学年本科教学质量报告", 2, "center", 18.5),
    ("一、本科教育基本情况", 3, None, 15.0),
]


def test_a_cover_the_title_page_repeats_is_residue() -> None:
    terminals = _terminals(TSINGHUA)
    assert [terminals[n] for n in range(1, 8)] == ["NAV"] * 7
    assert terminals[8] == "HEADLINE_START"
    document = _parse(TSINGHUA)
    (bulletin,) = document.bulletins
    assert bulletin.headline is not None and bulletin.headline.title == "清华大学2023-2024学年本科教学质量报告"
    assert "清幕大学" in {r.text for r in document.residue}


def test_a_first_page_the_title_page_does_not_repeat_stays() -> None:
    # the same cover over another report's title page: its lines are not residue
    rows = [*TSINGHUA[:7], ("2021年深圳市社会性别统计报告", 2, "center", 31.0), ("1人口特征", 3, "center", 20.0)]
    assert "NAV" not in _terminals(rows).values()


# -- a standard's cover ------------------------------------------------------------------------------

# formats/pdf-text/zhuyandong_gbt9704-2012_dangzheng-jiguan-gongwen-geshi.pdf p1
GBT9704: list[Row] = [
    ("ICS 35.240.20", 1, None, 14.0),
    ("A 13", 1, None, 14.0),
    ("中华人民共和国国家标准", 1, "center", 26.0),
    ("GB/T 9704—2012", 1, "right", 16.0),
    ("代替GB/T 9704—1999", 1, "right", 14.0),
    ("党政机关公文格式", 1, "center", 24.5),
    ("Layout key for official document of Party and government organs", 1, "center", 19.0),
    ("2012-06-29发布 2012-07-01实施", 1, None, 19.0),
    ("中华人民共和国国家质量监督检验检疫总局　发布", 1, "center", 13.2),  # as the scan of GB/T 15834 prints it
]


def test_a_standard_s_cover_is_its_masthead_number_and_title() -> None:
    terminals = _terminals(GBT9704)
    assert [terminals[n] for n in range(1, 8)] == [
        "NAV", "NAV", "MASTHEAD", "DOC_NUMBER", "NAV", "HEADLINE_START", "HEADLINE_LINE",
    ]  # fmt: skip
    assert terminals[8] == terminals[9] == "PARAGRAPH"
    document = _parse(GBT9704)
    (bulletin,) = document.bulletins
    assert bulletin.doc_number == "GB/T 9704—2012"
    assert {"ICS 35.240.20", "A 13", "代替GB/T 9704—1999"} <= {r.text for r in document.residue}
    held = "".join(h.text for h in held_texts(document))
    assert all(text in held for text, *_ in GBT9704)  # nothing lost


def test_a_standard_s_number_without_its_cover_is_no_doc_number() -> None:
    # the same standard's page 2 read alone: the issuers, then the number as a running header
    rows: list[Row] = [
        ("中华人民共和国国家质量监督检验检疫总局", 1, "right", 14.5),
        ("发布", 1, "right", 10.5),
        ("中国国家标准化管理委员会", 1, "right", 14.5),
        ("GB/T 9704—2012", 1, "right", 14.0),
        ("前 言", 1, "center", 16.0),
        ("本标准按照GB/T 1. 1—2009给出的规则起草。", 1, None, 10.5),
    ]
    terminals = _terminals(rows)
    assert "DOC_NUMBER" not in terminals.values() and "MASTHEAD" not in terminals.values()


# -- OCR page numbers ----------------------------------------------------------------------------------


def _box(text: str, x0: float, y0: float, x1: float, y1: float) -> ocr.OcrLine:
    return ocr.OcrLine(text=text, box=(x0, y0, x1, y1), confidence=0.99)


def test_an_ocr_page_number_alone_at_the_foot_is_furniture() -> None:
    # formats/pdf-scanned/hushengjie_scnu-jiji-2024-4_… p2 at 150 dpi: the last body lines and the number "2"
    page = [
        _box("培养目标的合理性是指专业制定的培养目标符合国家人才", 265, 1300, 1070, 1335),
        _box("培养的相关政策要求、社会需求和我校办学定位，符合毕业生", 185, 1360, 1070, 1395),
        _box("实际发展情况和利益相关方的期望。专业制定的培养目标应能", 185, 1420, 1070, 1455),
        _box("2", 618, 1600, 636, 1625),
    ]
    lines = ocr.page_lines(page, page=2, dpi=150)
    assert [ln.text for ln in lines if ln.hints.furniture] == ["2"]


def test_a_number_inside_an_ocr_page_stays_text() -> None:
    # a count alone on a line between body lines, and a table row at the foot, are not page numbers
    page = [
        _box("各专业建立对培养目标的合理性进行评价的内外部评价机制，", 265, 1300, 1070, 1335),
        _box("12", 618, 1360, 650, 1395),
        _box("常态化开展相关数据采集，并定期根据评价结果对培养目标及", 185, 1420, 1070, 1455),
        _box("评价主体", 200, 1600, 300, 1630),
        _box("3", 700, 1602, 720, 1628),
    ]
    lines = ocr.page_lines(page, page=3, dpi=150)
    assert not any(ln.hints.furniture for ln in lines)
