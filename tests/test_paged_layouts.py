"""Session 7's PDF, scan and Word layouts (issues 15 and 18), each rule on real lines.

Every line below is copied from a file of ../shared/corpus/formats (named at each table), with the
page, alignment and type size its reader gave it; each table holds lines a rule must take and
look-alikes it must leave alone. The files-level checks at the end run the reader on the corpus
file (skipped without it).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar

import pytest

import bulletins
from bulletins.analyze.markers import decimal_markers, glued_markers
from bulletins.lexing.rules.notices import notice_element_kind
from bulletins.model import Point, iter_blocks
from bulletins.pipeline import explain
from bulletins.readers import Align, Hints, Line, Reading
from bulletins.readers._pdfchars import Segment
from bulletins.readers._pdflayout import (
    Block,
    PLine,
    _bridged,
    _clause_alone,
    _row_text,
    _starts_item,
    add_hints,
    number_tables,
    paragraphs,
    text_block,
)
from tests.conftest import shared_corpus

Row = tuple[str, int, Align | None, float]  # text, page, alignment, type size (pt)


class _Given:
    """A reader handing the pipeline lines laid out beforehand (a paged reader's output)."""

    name: ClassVar[str] = "given"
    suffixes: ClassVar[tuple[str, ...]] = ()

    def __init__(self, lines: Sequence[Line]) -> None:
        self.reading = Reading(format="pdf", lines=tuple(lines))

    def sniff(self, data: bytes) -> bool:
        return False

    def read(self, data: bytes, *, source: str | None = None, errors: Any = "strict") -> Iterator[Reading]:
        yield self.reading


def _lines(rows: Sequence[Row]) -> list[Line]:
    return [Line(text=t, hints=Hints(page=p, align=a, font_size=s)) for t, p, a, s in rows]


def _terminals(lines: Sequence[Line]) -> dict[int, str]:
    return {line: terminal for line, _, terminal in explain(b"", source="x.pdf", reader=_Given(lines))}


def _parse(lines: Sequence[Line]) -> bulletins.Document:
    return bulletins.parse(b"", source="x.pdf", reader=_Given(lines))


# -- the 发文字号 with a series character after the year ---------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        # formats/pdf-scanned hushengjie_shou-xinxi-hang-2021-6 p1 (OCR): 行 after the year
        ("沪海大信息[2021]行6号", "doc_number"),
        # hushengjie_shou-xinxi-hang-2018-8 p1: 行 before it, as before
        ("沪海洋信息行[2018]28号", "doc_number"),
        ("国办发〔2017〕74号", "doc_number"),  # forhumanity_guobanfa-2017-74 p1
        ("计算机、软件函〔2021〕8号", "doc_number"),  # hushengjie_hfut-jisuanji-ruanjian-han-2021-8 p1
        # look-alikes: a sentence naming a number, a grid cell with its label
        ("依据沪海大信息[2021]行6号文件精神", None),
        ("发文字号：国办发〔2017〕74号", None),
    ],
)
def test_a_doc_number_may_print_its_series_after_the_year(line: str, kind: str | None) -> None:
    assert notice_element_kind(line) == kind


def test_the_scanned_banner_s_number_opens_the_title_under_it() -> None:
    # formats/pdf-scanned hushengjie_shou-xinxi-hang-2021-6 p1, as OCR gave it
    rows: list[Row] = [
        ("上海海洋大学信息学院文件", 1, "center", 17.4),
        ("沪海大信息[2021]行6号", 1, "center", 10.7),
        ("上海海洋大学信息学院课程体系合理性评价办法", 1, None, 13.2),
        ("课程是实现毕业要求的基本单元，课程设置必须能够有效支持毕业要求的达", 1, None, 10.7),
    ]
    terminals = _terminals(_lines(rows))
    assert terminals[1] == "MASTHEAD"
    assert terminals[2] == "DOC_NUMBER"
    assert terminals[3] == "HEADLINE_START"
    (bulletin,) = _parse(_lines(rows)).bulletins
    assert bulletin.doc_number == "沪海大信息[2021]行6号"


# -- an article after a full stop at the margin is a paragraph of its own ---------------------------


@pytest.mark.parametrize(
    ("prev", "line", "apart"),
    [
        # formats/pdf-text aitejiu_laodongfa_wps-office p1–2 (flush-left articles, no indent)
        (
            "协调劳动关系，逐步提高劳动者的生活水平。",
            "第六条国家提倡劳动者参加社会主义义务劳动，开展劳动竞赛和合理化建议活动，",
            True,
        ),
        # penggeor_geren-xinxi-baohufa-2021 p1
        (
            "个人信息的处理包括个人信息的收集、存储、使用、加工、传输、提供、公开、删除等。",
            "第五条处理个人信息应当遵循合法、正当、必要和诚信原则，不得通过误导、欺诈、胁迫",
            True,
        ),
        # hushengjie_hfut-jisuanji-ruanjian-han-2021-8: an item after a colon
        ("经过协商，就合作建立认知实习教学基地达成如下协议：", "一、甲方承担的任务：", True),
        # hushengjie_ncepu-kongji-jiaoxue-fenweihui-zhangcheng p1: a numbered item
        ("4、评审和推荐学院教学改革与建设项目、教学成果和教学奖励。", "5、指导学院教风和学风建设。", True),
        # look-alikes: references broken at the margin (laodongfa; laodong-hetongfa-shishi-tiaoli)
        ("有下列情形之一的，用人单位不得依据本法第二十六条、", "第二十七条的规定解除劳动合同：", False),
        ("位应当书面通知劳动者终止劳动关系，并依照劳动合同法", "第四十七条的规定支付经济补偿。", False),
        # aitejiu_xingfa_wps: a parenthesised number inside a title broken at the margin
        ("会第七次会议通过的《中华人民共和国刑法修正案", "（七）》、2009年8月27日第十一届全国人民代表", False),
    ],
)
def test_an_article_after_a_full_stop_starts_a_paragraph(prev: str, line: str, apart: bool) -> None:
    assert _starts_item(prev, line) is apart


# -- one-cell rows inside a PDF table -----------------------------------------------------------------


def _row(text: str, page: int = 6) -> Line:
    return Line(text=text, hints=Hints(page=page, table_cell="\t" in text))


def test_one_cell_rows_between_two_rows_of_a_table_are_its_rows() -> None:
    # formats/pdf-text zxjgov_putuo-caizhengju-2024-bumen-juesuan_onlyoffice p6–p8
    lines = [
        _row("八、其他收入\t6.20八、社会保障和就业支出\t326.71"),
        _row("九、卫生健康支出\t60.99"),
        _row("十、节能环保支出"),
        _row("十一、城乡社区支出"),
        _row("十八、自然资源海洋气象等支出"),
        _row("十九、住房保障支出\t445.69"),
        _row("二十六、抗疫特别国债安排的支出"),
        _row("本年收入合计\t2,946.25\t本年支出合计\t2,940.05"),
        _row("总计\t2,995.39总计\t2,995.39", page=7),
        _row("收入决算表", page=8),  # a table's title and unit between two tables: left alone
        _row("单位：万元", page=8),
        _row("项目\t附属单", page=8),
        _row("本年收入合财政拨款收上级补助事业收经营收\t其他收", page=8),
    ]
    assert _bridged(lines) == {2, 3, 4, 6}
    tables = [line.hints.table for line in number_tables(lines)]
    assert tables == [1, 1, 1, 1, 1, 1, 1, 1, 1, None, None, 2, 2]


def test_a_grid_running_over_a_page_break_keeps_its_one_cell_rows() -> None:
    # formats/pdf-scanned hushengjie_shou-xinxi-hang-2021-6 p1–p2 (OCR): 表1's cells end in ；
    lines = [
        _row("撑　点的情况　支撑；\t在校生问卷调查；", page=1),
        _row("4.行业企业专家及用", page=2),
        _row("1.课程设置能够保证毕业要求的能力达成；", page=2),
        _row("总体合理性\t人单位调研反馈意见；", page=2),
        _row("2.课程安排有利于学生能力的形成；", page=2),  # after the last row: left alone
    ]
    assert _bridged(lines) == {1, 2}
    far = [lines[0], _row("4.行业企业专家及用", page=3), _row("总体合理性\t人单位调研反馈意见；", page=3)]
    assert _bridged(far) == set()  # two pages apart: not one table


def test_a_row_with_glued_amounts_is_a_row() -> None:
    # formats/pdf-text zxjgov_putuo-caizhengju-2024-bumen-juesuan_onlyoffice p12 (财政拨款收入支出决算总表)
    lines = [
        _row("政拨款\t财政拨款", page=12),
        _row("一、一般公共预算财政拨款2,940.05一、一般公共服务支出2,106.66 2,106.66", page=12),
        _row("二、政府性基金预算财政拨", page=12),
        _row("八、社会保障和就业支出326.71 326.71", page=12),
        _row("九、卫生健康支出\t60.99 60.99", page=12),
    ]
    assert _bridged(lines) == {1, 2, 3}


def test_a_heading_in_larger_type_between_two_tables_is_no_row() -> None:
    # formats/pdf-text govnianbao_huaian-szf_xxgk-nianbao-2024 p4: a section heading at 16 pt, the rows at 7.5–10 pt
    def sized(text: str, size: float) -> Line:
        return Line(text=text, hints=Hints(page=4, font_size=size, table_cell="\t" in text))

    lines = [
        sized("行政事业性收费\t96171.6", 10.0),
        sized("三、收到和处理政府信息公开申请情况", 16.0),
        sized("申请人情况", 7.5),
        sized("（本列数据的勾稽关系为：第一项加第二项之和，\t法人或其", 7.5),
    ]
    assert _bridged(lines) == set()


def test_the_next_table_s_centred_title_is_no_row() -> None:
    # formats/pdf-text hushengjie_shou-benkesheng-xueji-guanli-tiaoli p5: three grade grids, each under its title
    def laid(text: str, size: float, align: Align | None = None) -> Line:
        return Line(text=text, hints=Hints(page=5, font_size=size, align=align, table_cell="\t" in text))

    lines = [
        laid("绩点\t2.0\t1.7\t1.5\t1.0\t0", 10.5),
        laid("五级记分制与绩点关系", 12.0, "center"),
        laid("成绩\t优秀\t良好\t中等\t及格\t不及格", 10.5),
    ]
    assert _bridged(lines) == set()


def test_a_sentence_between_two_tables_is_no_row() -> None:
    # formats/pdf-text zxjgov_putuo-caizhengju-2024-bumen-juesuan p5: the text above the table
    lines = [
        _row("序号\t单位名称\t备注", page=5),
        _row(
            "从预算单位构成看，上海市普陀区财政局部门决算包括：上海市普陀区财政局本级决算、下属行政事业单位决算。",
            page=5,
        ),
        _row("1\t上海市普陀区财政局（本级）", page=5),
    ]
    assert _bridged(lines) == set()


# -- a web page printed to PDF ------------------------------------------------------------------------

# formats/pdf-text forhumanity_guobanfa-2017-74_govcn-xxgk_macos-print p1 (the grid's rows are table rows)
GOVCN_PRINT: list[tuple[str, Align | None, float, int | None]] = [
    ("首页|简|繁|EN|登录|邮箱|无障碍", "right", 20.5, None),
    ("首页 > 信息公开  > 国务院文件 > 商贸、海关、旅游 > 对外经贸合作\t字号：默认大超大|打印收藏留言|", None, 18.0, 1),
    ("索 引 号：000014349/2017-00159\t主题分类：商贸、海关、旅游\\对外经贸合作", None, 20.5, 1),
    ("发文机关：国务院办公厅\t成文日期：2017年08月04日", None, 20.5, 1),
    (
        "标　　题：国务院办公厅转发国家发展改革委商务部人民银行外交部关于进一步引导和规范境外投资方向指导意见的通知",
        "center",
        20.5,
        None,
    ),
    ("发文字号：国办发〔2017〕74号\t发布日期：2017年08月18日", None, 20.5, 2),
    ("国务院办公厅转发国家发展改革委商务部", "center", 30.0, None),
    ("人民银行外交部关于进一步引导和规范境外", "center", 30.0, None),
    ("投资方向指导意见的通知", "center", 30.0, None),
    ("国办发〔2017〕74号", "center", 20.5, None),
    ("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：", None, 20.5, None),
    (
        "国家发展改革委、商务部、人民银行、外交部《关于进一步引导和规范境外投资方向的指导意见》已经国务院同意，现转发给你们，请认真贯彻执行。",
        None,
        20.5,
        None,
    ),
    ("国务院办公厅", "right", 20.5, None),
    ("2017年8月4日", "right", 20.5, None),
    ("链接：全国人大|全国政协|国家监察委员会|最高人民法院|最高人民检察院", None, 20.5, None),
    ("中国政府网|关于本网|网站声明|联系我们|网站纠错", None, 18.0, None),
    ("主办单位：国务院办公厅　运行维护单位：中国政府网运行中心", None, 18.0, None),
]


def _print_lines() -> list[Line]:
    return [
        Line(text=t, hints=Hints(page=1, align=a, font_size=s, table=n, table_cell=n is not None))
        for t, a, s, n in GOVCN_PRINT
    ]


def test_a_printed_page_s_menu_grid_and_footer_are_residue() -> None:
    terminals = _terminals(_print_lines())
    assert [terminals[k] for k in range(1, 7)] == ["NAV"] * 6
    assert terminals[7] == "HEADLINE_START"
    assert terminals[10] == "DOC_NUMBER_BELOW"
    assert [terminals[k] for k in (15, 16, 17)] == ["NAV"] * 3
    (bulletin,) = _parse(_print_lines()).bulletins
    assert bulletin.headline is not None
    assert (
        bulletin.headline.title
        == "国务院办公厅转发国家发展改革委商务部人民银行外交部关于进一步引导和规范境外投资方向指导意见的通知"
    )
    assert bulletin.doc_number == "国办发〔2017〕74号"


def test_a_document_s_own_labelled_lines_are_not_the_grid() -> None:
    # A 发文字号： line inside a document's text (not opening page 1) is text: the grid rule leaves it.
    rows: list[Row] = [
        ("关于印发《计算机与信息学院实习基地制度》的通知", 1, "center", 24.0),
        ("发文字号：国办发〔2017〕74号", 1, None, 16.0),
        ("学院各单位：", 1, None, 16.0),
    ]
    assert _terminals(_lines(rows))[2] != "NAV"


# -- whole files (the shared corpus) ------------------------------------------------------------------


def _file(sub: str, name: str) -> Path:
    return shared_corpus(f"formats/{sub}") / name


def test_a_wps_law_keeps_every_article() -> None:
    document = bulletins.parse_file(_file("pdf-text", "aitejiu_laodongfa_wps-office.pdf"))
    (bulletin,) = document.bulletins
    points = [b for b in iter_blocks(bulletin.body) if isinstance(b, Point)]
    articles = [p for p in points if p.marker.startswith("第") and p.marker.endswith("条")]
    assert len(articles) == 107  # 第一条 … 第一百零七条, as the law numbers them


def test_a_printed_gov_cn_page_is_its_notice() -> None:
    document = bulletins.parse_file(_file("pdf-text", "forhumanity_guobanfa-2017-74_govcn-xxgk_macos-print.pdf"))
    (bulletin,) = document.bulletins
    assert bulletin.doc_number == "国办发〔2017〕74号"
    assert bulletin.headline is not None and bulletin.headline.title.startswith("国务院办公厅转发")


# -- a paragraph's indented first line is not a centred title --------------------------------------


def _pline(text: str, x0: float, x1: float, size: float = 16.0) -> PLine:
    return PLine(text=text, page=1, x0=x0, y0=0.0, x1=x1, y1=size, size=size, bold=False)


def test_an_indented_first_line_nearly_filling_the_block_is_not_centred() -> None:
    # formats/pdf-text hushengjie_ncepu-kongji-jiaoxue-fenweihui-zhangcheng p1: block 72–539
    block = Block(left=72.0, right=538.9)
    lines = [
        _pline("为了全面贯彻执行党的教育方针，不断提高学校办水平和教", 93.0, 523.0),  # a first line: indented
        _pline("第一条总则", 256.0, 340.0),  # a centred heading
        _pline("控制与计算机工程学院教学分委会工作章程", 89.0, 506.0, 26.0),  # the title in larger type
    ]
    add_hints(lines, block, 16.0)
    assert [ln.align for ln in lines] == [None, "center", "center"]
    assert lines[0].indent


# -- an annex's label; a centred line in a Word body ---------------------------------------------------


def _word(rows: Sequence[tuple[str, Align | None, float | None, bool]]) -> list[Line]:
    return [Line(text=t, hints=Hints(align=a, font_size=s, bold=b)) for t, a, s, b in rows]


@pytest.mark.parametrize(
    "rows",
    [
        # formats/docx/simonxinw_shifan-renzheng-zhongqi-2022-mingdan.docx lines 1–3
        [("附件2", "left", 16.0, False), ("2022年通过普通高等学校师范类专业认证中期审核的专业名单", "center", 22.0, False),
         ("第三级认证", "justify", 15.0, False)],
        # formats/docx/simonxinw_dagang1_zhongyang-2022-gonggong-kemu.docx lines 1–3
        [("大纲1", "left", 16.0, True), ("中央机关及其直属机构2022年度考试录用公务员公共科目笔试考试大纲", "center", 22.0, True),
         ("为便于报考者充分了解中央机关及其直属机构2022年度考试录用公务员公共科目笔试，特制定本大纲。", "justify", 15.5, False)],
    ],
    ids=["附件2", "大纲1"],
)  # fmt: skip
def test_an_annex_label_over_its_title_is_residue(rows: list[tuple[str, Align | None, float, bool]]) -> None:
    lines = _word(rows)
    terminals = _terminals(lines)
    assert terminals[1] == "NAV"
    assert terminals[2] == "HEADLINE_START"
    (bulletin,) = _parse(lines).bulletins
    assert bulletin.headline is not None and bulletin.headline.title == rows[1][0]


def test_a_centred_label_is_no_annex_label() -> None:
    # A first line the layout centres is a title line (a 附件 label set centred is read by its text).
    lines = _word(
        [
            ("附件2", "center", 16.0, False),
            ("2022年通过普通高等学校师范类专业认证中期审核的专业名单", "center", 22.0, False),
        ]
    )
    assert _terminals(lines)[1] != "NAV"


# formats/docx/simonxinw_dagang1_zhongyang-2022-gonggong-kemu.docx lines 2–3, 70–73 (15.5 pt body)
DAGANG1: list[tuple[str, Align | None, float | None, bool]] = [
    ("中央机关及其直属机构2022年度考试录用公务员公共科目笔试考试大纲", "center", 22.0, True),
    (
        "为便于报考者充分了解中央机关及其直属机构2022年度考试录用公务员公共科目笔试，特制定本大纲。",
        "justify",
        15.5,
        False,
    ),
    ("资料分析主要测查报考者对文字、数字、图表等统计性资料的综合理解与分析加工能力。", "justify", 15.5, False),
    ("例题：2019年全国地铁运营线路长度达5181公里，占城轨交通运营线路总里程的76.8%。", "justify", 15.5, False),
    ("2013～2019年全国地铁运营线路长度", "center", 15.5, False),
    ("2019年末，我国城轨交通配属地铁列车6178列，全年实现地铁客运量227.76亿人次。", "left", 15.5, False),
]


def test_a_chart_title_in_the_body_s_type_opens_no_bulletin() -> None:
    lines = _word(DAGANG1)
    assert _terminals(lines)[5] == "SUBHEAD"
    assert len(_parse(lines).bulletins) == 1


def test_a_second_title_in_title_type_still_opens_a_bulletin() -> None:
    # The same line set like a title (22 pt, bold) is another document's title: the rule leaves it.
    rows = list(DAGANG1)
    rows[4] = ("2013～2019年全国地铁运营线路长度", "center", 22.0, True)
    assert _terminals(_word(rows))[5] == "HEADLINE_START"


# -- a standard's clauses (GB/T 1.1): how the formats fixtures count them ------------------------------
# The fixtures (tests/fixtures/formats/expected/pdf-text/zhuyandong_gbt9704-2012…, fresh/…gbt15834-2011…)
# count every line-opening clause number, sub-clauses included, written without the print's stray
# spaces (3. 1 → 3.1), a number alone on its line with the term under it, and the a）… list items.

# formats/pdf-text zhuyandong_gbt9704-2012 p4–p8, as the reader gives them (the clause number 3. 1 alone
# on its line joined to the term under it by the reader)
GBT9704: list[str] = [
    "a）根据党政机关公文格式的使用要求，增加了发文机关署名和页码的规定；",
    "b）增加了一些内容的细则规定；",
    "1 范围",
    "2 规范性引用文件",
    "3 术语和定义",
    "下列术语和定义适用于本标准。",
    "3. 1 字 word",
    "标示公文中横向距离的长度单位。在本标准中，一字指一个汉字宽度的距离。",
    "3.2 行 line",
    "4 公文用纸主要技术指标",
    "5 公文用纸幅面尺寸及版面要求",
    "5. 1 幅面尺寸",
]


def test_a_standard_s_clauses_and_list_items_are_points() -> None:
    title = Line(text="党政机关公文格式", hints=Hints(page=5, align="center", font_size=22.0))
    lines = [title, *(Line(text=t, hints=Hints(page=5)) for t in GBT9704)]
    terminals = _terminals(lines)
    assert [terminals[k] for k in (2, 3, 4, 5, 6, 8, 10, 11, 12, 13)] == ["POINT"] * 10
    assert terminals[7] == terminals[9] == "PARAGRAPH"
    (bulletin,) = _parse(lines).bulletins
    markers = [p.marker for p in iter_blocks(bulletin.body) if isinstance(p, Point)]
    assert markers == ["a）", "b）", "1", "2", "3", "3. 1", "3.2", "4", "5", "5. 1"]


def test_a_sub_clause_glued_to_its_title_is_counted() -> None:
    # formats/pdf-text zhuyandong_gbt9704-2012 p2–p3 (目次; a subset of its lines, in order)
    toc = ["1 范围", "2 规范性引用文件", "3 术语和定义", "4 公文用纸主要技术指标", "5 公文用纸幅面尺寸及版面要求",
           "6 印制装订要求", "7 公文格式各要素编排规则", "7.1 公文格式各要素的划分", "7.2 版头", "7.3 主体",
           "7.4 版记", "7.4.1版记中的分隔线", "7.4.2 抄送机关"]  # fmt: skip
    found = decimal_markers([(t, t) for t in toc])
    assert found[11].marker == "7.4.1" and found[11].style == "1.1.1"
    assert len(found) == len(toc)


@pytest.mark.parametrize(
    "line",
    [
        "a)",  # nothing after it
        "A）总则",  # upper case: an annex's clause letter is not a list item
        "11.17 上海大剧院",  # rmrb/2019-10/20191017-17-01.txt line 13: a programme's date (no outline reaches it)
        "12.5亿元用于…",  # a decimal glued to its text
    ],
)
def test_look_alikes_of_a_standard_s_markers_stay_text(line: str) -> None:
    lines = [
        Line(text="标题", hints=Hints(page=1, align="center", font_size=22.0)),
        Line(text=line, hints=Hints(page=1)),
    ]
    assert _terminals(lines)[2] != "POINT"


def test_a_clause_number_alone_joins_the_term_under_it() -> None:
    # formats/pdf-text zhuyandong_gbt9704-2012 p5: 3. 1 / 字 word / 标示公文中… (gaps in points)
    number = PLine(text="3. 1", page=5, x0=90, y0=600, x1=110, y1=614, size=14.0, bold=False)
    term = PLine(text="字 word", page=5, x0=90, y0=584, x1=140, y1=598, size=14.0, bold=False, gap_above=2.0)
    far = PLine(text="字 word", page=6, x0=90, y0=584, x1=140, y1=598, size=14.0, bold=False, gap_above=2.0)
    assert _clause_alone(number, term)
    assert not _clause_alone(number, far)
    assert not _clause_alone(term, number)
    joined = list(paragraphs([([number, term], Block(left=90.0, right=500.0))]))
    assert [line.text for line in joined] == ["3. 1 字 word"]


# -- a cover's unit label ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rows", "terminal"),
    [
        # formats/pdf-text zxjtianbao_shanghai-caizhengju-2025-danwei-yusuan_excel2007 p1 (title not centred)
        ([("上海市2025年市级单位预算", 1, None, 36.0), ("预算单位：上海市财政局", 1, None, 18.0)], "PARAGRAPH"),
        # zxjtianbao_putuo-shehui-fuliyuan-2024-danwei-yusuan_wps-biaoge p1 (title centred)
        ([("上海市普陀区社会福利院2024年单位预算", 1, "center", 36.0), ("预算单位：上海市普陀区社会福利院", 1, None, 18.0)],
         "PARAGRAPH"),
        # look-alike: the label in the title's own size stays where the text rules put it
        ([("上海市2025年市级单位预算", 1, None, 36.0), ("预算单位：上海市财政局", 1, None, 36.0)], "HEADLINE_LINE"),
    ],
)  # fmt: skip
def test_a_cover_s_unit_label_is_not_a_title_line(rows: list[Row], terminal: str) -> None:
    rows = [*rows, ("目 录", 2, "right", 20.0), ("一、单位主要职能", 2, None, 14.0)]
    assert _terminals(_lines(rows))[2] == terminal


# -- a pale red 发文字号 under the 发文机关标志 (OCR) --------------------------------------------------------


def test_a_pale_red_doc_number_is_read_again_in_its_own_contrast() -> None:
    from bulletins import ocr

    if not ocr.available():
        pytest.skip("the OCR extra is not installed: pip install 'bulletins[ocr]'")
    import pypdfium2 as pdfium

    # formats/pdf-scanned hushengjie_shou-xinxi-hang-2020-23 p1: 沪海洋信息 [2020] 行 23 号 printed in pink
    path = _file("pdf-scanned", "hushengjie_shou-xinxi-hang-2020-23_jiaoxue-zixun-weiyuanhui-zhangcheng_scan.pdf")
    page = pdfium.PdfDocument(path.read_bytes())[0].render(scale=ocr.DEFAULT_DPI / 72.0).to_pil()
    top = page.crop((0, 0, page.size[0], page.size[1] // 4))
    texts = [ln.text for ln in ocr.recognize(top, page=1)]
    assert texts[0] == "上海海洋大学信息学院文件"
    # the number's two boxes (one row: page_lines joins them) hold the 发文字号; the title follows
    assert notice_element_kind("".join(texts[1:3])) == "doc_number", texts
    assert texts[3].startswith("信息学院教学")


# -- the text block's left edge -------------------------------------------------------------------------


def _at(x0: float, x1: float, text: str = "国家发展改革委、商务部、人民银行、外交部《关于进一步引导》") -> PLine:
    return PLine(text=text, page=1, x0=x0, y0=0.0, x1=x1, y1=20.5, size=20.5, bold=False)


def test_a_stray_footer_line_far_left_does_not_move_the_block() -> None:
    # formats/pdf-text forhumanity_guobanfa-2017-74_govcn-xxgk_macos-print p1: body lines at 805/837–1755,
    # the footer link bar 链接：全国人大|全国政协|… at 692
    lines = [_at(805, 1755) for _ in range(30)] + [_at(837, 1755) for _ in range(10)]
    lines.append(_at(692, 1445, "链接：全国人大|全国政协|国家监察委员会|最高人民法院|最高人民检察院"))
    block = text_block(lines, 20.5)
    assert block is not None and block.left == pytest.approx(805, abs=2)


def test_a_form_s_label_column_stays_in_the_block() -> None:
    # formats/ofd ofdrw_signout_shouwen-chulidan p1: the form's labels at 95, its values at 167 (2 of 8 lines)
    lines = [_at(95, 458), _at(95, 458)] + [_at(167, 490) for _ in range(5)] + [_at(368, 490)]
    block = text_block(lines, 20.5)
    assert block is not None and block.left == 95


def _segment(text: str, x0: float, x1: float) -> Segment:
    return Segment(chars=list(text), x0=x0, x1=x1, y0=700.0, y1=712.0, sizes=[12.0] * len(text), visible=len(text))


def test_a_letter_spaced_chapter_heading_is_no_table_row() -> None:
    # formats/pdf-text magicpi_wangluo-anquanfa-2016 p1 (目录): 第一章　总　　则, 则 four ems from 总
    assert _row_text([_segment("第一章总", 200.0, 248.0), _segment("则", 300.0, 312.0)]) == ("第一章总则", False)
    # a real two-cell row stays one (formats/pdf-text zxjgov_putuo-caizhengju-2024-bumen-juesuan p6)
    assert _row_text([_segment("九、卫生健康支出", 100.0, 196.0), _segment("60.99", 400.0, 430.0)])[1]


def test_a_chapter_heading_is_no_one_cell_row() -> None:
    # the same 目录's next lines, between two rows the letter-spaced headings once made
    lines = [_row("第一章总\t则", page=1), _row("第二章网络安全支持与促进", page=1), _row("第七章附\t则", page=1)]
    assert _bridged(lines) == set()


# -- a seal's text comes after the page's print -----------------------------------------------------


def test_a_seal_s_speck_does_not_part_the_issuer_from_the_date() -> None:
    from bulletins import ocr

    # formats/pdf-scanned hushengjie_scnu-jiji-2024-4 p1 at 150 dpi, as the engine returned the boxes
    found = [
        ocr.OcrLine(text="们，请遵照执行。", box=(180, 1257, 423, 1296), confidence=1.0, page=1),
        ocr.OcrLine(text="评算机学院", box=(908, 1377, 1099, 1428), confidence=0.912, page=1, red=0.639),
        ocr.OcrLine(text="！", box=(891, 1423, 942, 1449), confidence=0.653, page=1, red=1.0),
        ocr.OcrLine(text="二〇二四年七月一日", box=(775, 1425, 1118, 1503), confidence=0.858, page=1, red=0.86),
        ocr.OcrLine(text="计算机学院", box=(920, 1477, 1079, 1525), confidence=0.997, page=1, red=0.972),
    ]
    lines = ocr.page_lines(found, page=1)
    assert [line.text for line in lines] == ["们，请遵照执行。", "评算机学院", "二〇二四年七月一日", "！", "计算机学院"]
    assert [line.hints.seal for line in lines] == [False, False, False, True, True]


def test_a_scanned_standard_s_glued_clauses_and_annex_clauses_are_counted() -> None:
    # formats/pdf-scanned zhuyandong_gbt15834-2011 p4–p5 and p18 as OCR reads them (numbers glued to titles,
    # a stray dot after 2.1, the term joined to its number by the reader)
    lines = ["1范围", "本标准规定了现代汉语标点符号的用途、定义、形式和用法。", "2术语和定义",
             "2.1. 标点符号punctuation", "2.2 句子sentence", "3标点符号的种类", "3.1点号", "3.1.1句末点号",
             "4标点符号的定义、形式和用法", "4.1句号", "4.1.1定义", "4.1.2形式", "4.1.3基本用法",
             "4.1.3.1用于句子末尾，表示陈述语气。",
             "A.1句号用法补充规则", "A.2问号用法补充规则", "A.3逗号用法补充规则", "A.4顿号用法补充规则", "A.4.1表示含有顺序关系的并列各项间的停顿，用顿号。"]  # fmt: skip
    found = decimal_markers([(t, t) for t in lines])
    assert [found[k].marker for k in sorted(found)] == [
        "1", "2", "2.1.", "2.2", "3", "3.1", "3.1.1", "4", "4.1", "4.1.1", "4.1.2", "4.1.3", "4.1.3.1",
        "A.1", "A.2", "A.3", "A.4", "A.4.1",
    ]  # fmt: skip
    assert 1 not in found


@pytest.mark.parametrize(
    "lines",
    [
        ["1月5日，市政府召开会议。", "2月3日，各区完成自查。", "3月1日起施行。", "3.1 日程安排"],  # dates, not clauses
        ["3人受伤", "5名儿童", "2.5亿元用于修缮"],  # counters and amounts
    ],
)
def test_numbers_glued_to_units_are_no_clauses(lines: list[str]) -> None:
    found = decimal_markers([(t, t) for t in lines])
    assert not any(lines[k][:2] in {"1月", "2月", "3月", "3人", "5名", "2."} for k in found)


# -- a 落款 followed by its 版记 (Word) ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        # formats/docx/lawliet_govcheck_test-guofangbu-fangjia.doc lines 10–13
        ("抄送：教育部，教育部。", "cc"),
        ("分送：教育部，教育部。", "cc"),
        ("国防部                           2012年12月12日印发", "imprint"),
        ("共印3份", "imprint"),
        ("（共印3份）", "imprint"),
        # look-alikes: a sentence about copies, a 分送 inside a sentence
        ("本文件共印3份，请妥善保管。", None),
        ("请分送各单位：", None),
    ],
)
def test_the_colophon_s_lines(line: str, kind: str | None) -> None:
    assert notice_element_kind(line) == kind


def test_a_closing_over_its_colophon_is_the_closing() -> None:
    # formats/docx/lawliet_govcheck_test-guofangbu-fangjia.doc: the 落款 set right with spaces, the 版记 under it
    rows: list[tuple[str, Align | None, float, bool]] = [
        ("国防部下发文件", "center", 48.0, True),
        ("国防部发〔2023〕33号", "center", 16.0, False),
        ("国防部关于教育部放假的通知", "center", 22.0, False),
        ("各有关单位：", "justify", 16.0, False),
        ("正文部分", "justify", 16.0, False),
        ("国防部", "justify", 16.0, False),
        ("2012年12月12日", "justify", 16.0, False),
        ("抄送：教育部，教育部。", "justify", 15.0, False),
        ("分送：教育部，教育部。", "justify", 15.0, False),
        ("国防部                           2012年12月12日印发", "justify", 15.0, False),
        ("共印3份", "justify", 15.0, False),
    ]
    lines = [Line(text=t, hints=Hints(align=a, font_size=s, bold=b)) for t, a, s, b in rows]
    (bulletin,) = _parse(lines).bulletins
    assert bulletin.closing is not None and bulletin.closing.issuer == "国防部"
    assert bulletin.closing.date is not None and bulletin.closing.date.text == "2012年12月12日"


def test_a_file_of_annexes_gives_a_bulletin_per_annex() -> None:
    # formats/docx/guhhhhaa_mazui-jingshen-yaopin-mulu-2013-fujian1.doc lines 1–2, 127–130 (tables left out)
    lines = _word(
        [
            ("附件1", "justify", 15.0, False),
            ("麻醉药品品种目录（2013年版）", "center", 18.0, False),
            ("3.品种目录有*的麻醉药品为我国生产及使用的品种。", "justify", 12.0, False),
            ("附件2", "justify", 15.0, False),
            ("精神药品品种目录（2013年版）", "center", 18.0, False),
            ("第一类", "justify", 12.0, True),
        ]
    )
    terminals = _terminals(lines)
    assert terminals[1] == terminals[4] == "NAV"
    assert [b.headline.title for b in _parse(lines).bulletins if b.headline] == [
        "麻醉药品品种目录（2013年版）",
        "精神药品品种目录（2013年版）",
    ]


def test_an_annex_list_after_a_notice_is_left_to_the_notice_rules() -> None:
    # a file that does not open with a label: its 附件2 inside the text is the notice rules' (not residue)
    lines = _word(
        [
            ("国防部关于教育部放假的通知", "center", 22.0, False),
            ("正文部分", "justify", 16.0, False),
            ("附件2", "justify", 15.0, False),
            ("精神药品品种目录（2013年版）", "center", 18.0, False),
        ]
    )
    assert _terminals(lines)[3] != "NAV"


def test_an_inserted_article_is_a_point_in_the_run() -> None:
    # formats/pdf-text aitejiu_xingfa_wps (the 刑法 as amended): 第十七条之一 after 第十七条, glued to its text
    lines = [
        "第十六条行为在客观上虽然造成了损害结果，但是不是出于故意或者过失，而是由于不能抗拒或者不能预见的原因所引起的，不是犯罪。",
        "第十七条已满十六周岁的人犯罪，应当负刑事责任。",
        "第十七条之一已满七十五周岁的人故意犯罪的，可以从轻或者减轻处罚；过失犯罪的，应当从轻或者减轻处罚。",
        "第十八条精神病人在不能辨认或者不能控制自己行为的时候造成危害结果，经法定程序鉴定确认的，不负刑事责任。",
    ]
    found = glued_markers([(t, t) for t in ["第一条为了惩罚犯罪，保护人民，根据宪法，结合我国同犯罪作斗争的具体经验及实际情况，制定本法。",
                                           *(f"第{n}条……" for n in "二三四五六七八九"), "第十条……", "第十一条……",
                                           "第十二条……", "第十三条……", "第十四条……", "第十五条……", *lines]])  # fmt: skip
    markers = [m.marker for m in found.values()]
    assert "第十七条之一" in markers and "第十八条" in markers
    # alone (no 第十七条 before it) an inserted article's number does not open a run
    assert not glued_markers([(t, t) for t in ["第十七条之一已满七十五周岁的人故意犯罪的，可以从轻或者减轻处罚。"] * 3])


# -- a paragraph over a page break whose next page's block is wider -----------------------------------


def _broken_row(text: str, page: int, x0: float, top: float, x1: float = 491.3, size: float = 16.5) -> PLine:
    return PLine(text=text, page=page, x0=x0, y0=800 - top - size, x1=x1, y1=800 - top, size=size, bold=False)


def test_a_paragraph_keeps_its_edge_over_a_page_break_where_the_next_page_s_block_is_wider() -> None:
    # formats/pdf-text aitejiu_xingfa_wps p1–2: the 题注's lines stand at x 110.9 on both pages; page 2
    # ends in a footnote set at 79.4–87.4, so page 2's block starts there and its 题注 lines read as
    # indented. Read by eye on both pages (pdftoppm): one parenthesis, from 1979年 to …修正）.
    page1 = [
        _broken_row("（1979年7月1日第五届全国人民代表大会第二次会议", 1, 110.9, 220),
        _broken_row("二次会议通过的《中华人民共和国刑法修正案（六）》、", 1, 110.9, 700, x1=499.2),
    ]
    page2 = [
        _broken_row("2009年2月28日第十一届全国人民代表大会常务委员", 2, 110.9, 109),
        _broken_row("会第七次会议通过的《中华人民共和国刑法修正案", 2, 110.9, 140),
        _broken_row("刑法修正案（十一）》修正）①", 2, 110.9, 170, x1=324.2),
        _broken_row("刑法、历次刑法修正案、涉及修改刑法的决定的施行日期，分", 2, 87.4, 700, x1=513.8),
    ]
    wide = Block(left=79.4, right=491.4)
    for ln in page2[:3]:
        ln.indent = True  # as add_hints marks them against page 2's wide block
    out = list(paragraphs([(page1, Block(left=110.0, right=491.5)), (page2, wide)]))
    assert [line.text[:8] for line in out] == ["（1979年7月", "刑法、历次刑法修"]
    assert out[0].text.endswith("修正）①") and [p.page for p in out[0].places] == [1, 2]
    # A paragraph's first line alone gives no edge: an indented line under it on the next page is a
    # paragraph of its own, as before.
    alone = list(paragraphs([(page1[1:], Block(left=110.0, right=491.5)), (page2[:1], wide)]))
    assert len(alone) == 2


# -- the 版记's imprint line set as two cells ------------------------------------------------------


def _notice_ending(last: list[Line]) -> list[Line]:
    # formats/ofd ofdrw_n_luqiao-weisheng-pifu p1–2 (read on its pages): a 批复's title, body and 落款.
    return [
        Line(text="关于同意张阿三同志辞职的批复", hints=Hints(page=1, align="center", font_size=22.0)),
        Line(text="区中医院：", hints=Hints(page=1, font_size=16.0)),
        Line(
            text="你院《关于给张阿三同志辞职的请示》收悉。经研究，同意张阿三同志辞职。",
            hints=Hints(page=1, font_size=16.0),
        ),
        Line(text="测试符路桥区卫生局办公室", hints=Hints(page=2, align="right", font_size=16.0)),
        Line(text="2011年3月10日", hints=Hints(page=2, align="right", font_size=16.0)),
        *last,
    ]


@pytest.mark.parametrize(
    "row",
    [
        "测试符路桥区卫生局办公室\t2011年3月10日印发",  # the OFD's 版记 line (GB/T 9704-2012 §7.4.3)
        "华北电力大学控制与计算机工程学院\t2019年6月18日",  # formats/pdf-text ncepu…2019-7 p2: no 印发 printed
    ],
)
def test_an_imprint_line_set_as_two_cells_is_the_imprint_not_a_table(row: str) -> None:
    lines = _notice_ending([Line(text=row, hints=Hints(page=2, font_size=14.0, table=1, table_cell=True))])
    (bulletin,) = _parse(lines).bulletins
    assert not [block for block in iter_blocks(bulletin.body) if block.type == "table"]
    assert [(e.kind, e.text) for e in bulletin.notice_elements][-1] == ("imprint", row)
    assert bulletin.closing is not None and bulletin.closing.issuer == "测试符路桥区卫生局办公室"


def test_a_table_of_several_such_rows_stays_a_table() -> None:
    # A table of offices and dates (a schedule) is data, whatever its rows look like one by one.
    rows = ["某某区卫生局办公室\t2011年3月10日", "某某区教育局办公室\t2011年3月12日"]
    lines = _notice_ending([Line(text=r, hints=Hints(page=2, font_size=14.0, table=1, table_cell=True)) for r in rows])
    (bulletin,) = _parse(lines).bulletins
    assert [block.type for block in iter_blocks(bulletin.body)][-1] == "table"
    assert "imprint" not in [e.kind for e in bulletin.notice_elements]
