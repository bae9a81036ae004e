"""Tables (issue 18 part 4): a data table is one ``table`` block of rows and cells, never points or bulletins."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from lxml import etree

import bulletins
from bulletins.cleaners import clean, normalize_newlines
from bulletins.model import Document, Point, Table, iter_blocks
from bulletins.readers import choose_reader, get_reader
from bulletins.validate import _our_relaxng, _tei_relaxng
from tests.conftest import ROOT
from tests.test_nothing_lost import assert_nothing_lost

GOVCN = ROOT.parent / "shared" / "corpus" / "govcn-html"

NOTICE = """<html><head><meta charset="utf-8"></head><body>
<p style="text-align:center">关于印发三级公立医院绩效考核指标的通知</p>
<p>各省、自治区、直辖市卫生健康委：</p>
<p>现将考核指标印发给你们，请遵照执行。</p>
{table}
<p style="text-align:right">国家卫生健康委</p>
<p style="text-align:right">2019年1月30日</p>
</body></html>"""

INDICATORS = """<table>
<thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th></tr></thead>
<tr><td>一、医疗质量</td><td>（一）功能定位</td><td>1.门诊人次数与出院人次数比</td></tr>
<tr><td>二、运营效率</td><td>（二）资源效率</td><td>2.每名执业医师日均住院工作负担</td></tr>
<tr><td colspan="2">合计</td><td>56</td></tr>
</table>"""


def _tables(document: Document) -> list[Table]:
    return [b for bulletin in document.bulletins for b in iter_blocks(bulletin.body) if isinstance(b, Table)]


def _valid(document: Document) -> None:
    for name, schema in (("xml", _our_relaxng()), ("tei", _tei_relaxng())):
        root = etree.fromstring(bulletins.export(document, name).encode("utf-8"))
        assert schema.validate(root), (name, schema.error_log)
    assert bulletins.loads(bulletins.export(document, "json")) == document


def test_an_html_data_table_is_one_table_block_with_headers_and_spans() -> None:
    document = bulletins.parse(NOTICE.format(table=INDICATORS).encode("utf-8"), source="notice.html")
    assert len(document.bulletins) == 1
    bulletin = document.bulletins[0]
    [table] = _tables(document)
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["一级指标", "二级指标", "三级指标"],
        ["一、医疗质量", "（一）功能定位", "1.门诊人次数与出院人次数比"],
        ["二、运营效率", "（二）资源效率", "2.每名执业医师日均住院工作负担"],
        ["合计", "56"],
    ]
    assert all(cell.header for cell in table.rows[0].cells)
    assert not any(cell.header for row in table.rows[1:] for cell in row.cells)
    assert table.rows[3].cells[0].colspan == 2
    # Its cells are not points, and the notice still closes after it.
    assert not any(isinstance(b, Point) for b in iter_blocks(bulletin.body))
    assert bulletin.closing is not None and bulletin.closing.issuer == "国家卫生健康委"
    _valid(document)
    tei = bulletins.export(document, "tei")
    assert '<row role="label" n="4"><cell role="label">一级指标</cell>' in tei
    assert '<cell cols="2">合计</cell>' in tei


def test_a_layout_table_of_one_cell_is_still_read_as_text() -> None:
    # gov.cn pages lay the whole text out in a one-cell table: its paragraphs are paragraphs.
    page = NOTICE.replace("<body>", "<body><table><tr><td>").replace("</body>", "</td></tr></table></body>")
    document = bulletins.parse(page.format(table="").encode("utf-8"), source="layout.html")
    assert _tables(document) == []
    assert document.bulletins[0].headline is not None
    assert [b.type for b in document.bulletins[0].body] == ["paragraph"]


def test_a_table_before_any_headline_is_residue_not_a_bulletin() -> None:
    page = "<html><body>" + INDICATORS + "<p>正文在此，没有标题。</p></body></html>"
    document = bulletins.parse(page.encode("utf-8"), source="t.html")
    assert [r.kind for r in document.residue] == ["table"]
    assert all(b.headline is None or "指标" not in b.headline.title for b in document.bulletins)
    _valid(document)


def test_a_title_above_a_table_is_its_caption_and_an_annex_after_the_closing_stays_with_its_notice() -> None:
    # gov.cn row44: 附件1. / 查验区界址点坐标 / a table / 注：… after the 落款 — one bulletin.
    annex = (
        '<p>附件1.</p><p style="text-align:center">查验区界址点坐标</p>'
        "<table><tr><td>点号</td><td>X</td><td>Y</td></tr><tr><td>J1</td><td>2490.1</td><td>1123.4</td></tr></table>"
        "<p>注：坐标系统为深圳独立坐标系统。</p>"
    )
    page = NOTICE.format(table="").replace("</body>", annex + "</body>")
    document = bulletins.parse(page.encode("utf-8"), source="annex.html")
    assert len(document.bulletins) == 1
    bulletin = document.bulletins[0]
    assert [b.type for b in bulletin.body] == ["paragraph", "caption", "table"]
    assert {e.kind for e in bulletin.notice_elements} >= {"attachment", "note"}
    _valid(document)


def test_a_docx_table_is_a_table_block() -> None:
    docx = pytest.importorskip("docx")
    word = docx.Document()
    word.add_paragraph("关于印发考核指标的通知").alignment = 1
    word.add_paragraph("现将考核指标印发给你们，请遵照执行。")
    grid = word.add_table(rows=2, cols=3)
    for r, row in enumerate([["一级指标", "二级指标", "三级指标"], ["一、医疗质量", "（一）功能定位", "1.门诊人次数"]]):
        for c, text in enumerate(row):
            grid.cell(r, c).text = text
    buffer = io.BytesIO()
    word.save(buffer)
    document = bulletins.parse(buffer.getvalue(), source="notice.docx")
    [table] = _tables(document)
    assert [[c.text for c in row.cells] for row in table.rows][1] == ["一、医疗质量", "（一）功能定位", "1.门诊人次数"]
    _valid(document)


def test_a_markdown_pipe_table_is_a_table_block_with_its_header_row() -> None:
    text = "# 关于印发考核指标的通知\n\n现将考核指标印发给你们。\n\n| 一级指标 | 二级指标 |\n|---|---|\n| 一、医疗质量 | （一）功能定位 |\n"
    document = bulletins.parse(text.encode("utf-8"), source="notice.md")
    [table] = _tables(document)
    assert [c.header for c in table.rows[0].cells] == [True, True]
    assert [c.text for c in table.rows[1].cells] == ["一、医疗质量", "（一）功能定位"]


CELL = st.text(alphabet=st.sampled_from(list("一二三、（）1.指标医疗质量合计<>&\"' ")), min_size=1, max_size=8)


@given(st.lists(st.lists(CELL, min_size=2, max_size=4), min_size=1, max_size=5))
@example(grid=[["1", "1"], [">", " "]])  # a > alone was read as a breadcrumb's separator (CI, session 9)
def test_any_table_keeps_every_character_and_exports_valid_xml_and_tei(grid: list[list[str]]) -> None:
    from html import escape

    rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in grid)
    data = NOTICE.format(table=f"<table>{rows}</table>").encode("utf-8")
    document = bulletins.parse(data, source="fuzz.html")
    reader = get_reader(choose_reader(data, "fuzz.html"))
    assert_nothing_lost(document, clean(normalize_newlines("".join(r.joined() for r in reader.read(data)))))
    _valid(document)
    found = [" ".join(c.text.split()) for t in _tables(document) for row in t.rows for c in row.cells if c.text]
    assert "".join(found).replace(" ", "") == "".join(c for row in grid for c in row).replace(" ", "")


def _govcn() -> Path:
    if not GOVCN.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"CI must have the corpus at {GOVCN}")
        pytest.skip(f"the shared corpus is not at {GOVCN}")
    return GOVCN


@pytest.mark.parametrize("name", ["row4.html", "row10.html", "row44.html", "row52.html"])
def test_every_data_table_of_the_govcn_pages_is_a_table_block(name: str) -> None:
    path = _govcn() / name
    html = etree.HTML(path.read_bytes())
    data_tables = [
        t for t in html.iter("table") if any(len([c for c in tr if c.tag in {"td", "th"}]) >= 2 for tr in t.iter("tr"))
    ]
    document = bulletins.parse_file(path)
    assert len(_tables(document)) == len(data_tables) > 0


def test_govcn_row44_coordinate_tables_are_one_bulletin() -> None:
    # Issue 18: seven coordinate tables under their captions were read as nine bulletins.
    document = bulletins.parse_file(_govcn() / "row44.html")
    assert len(document.bulletins) == 1
    assert len(_tables(document)) == 7


# -- figures ------------------------------------------------------------------------------------


def test_pictures_are_figures_with_their_source_alt_text_and_caption() -> None:
    page = NOTICE.format(
        table='<figure><img src="images/zhibiao 1.png" alt="指标示意图"><figcaption>图1　考核指标</figcaption></figure>'
        '<p><img src="logo.gif"></p><p>以上指标自2019年起施行。</p>'
    )
    document = bulletins.parse(page.encode("utf-8"), source="figures.html")
    assert [(f.src, f.alt, f.caption) for f in document.figures] == [
        ("images/zhibiao 1.png", "指标示意图", "图1　考核指标"),
        ("logo.gif", None, None),
    ]
    # The caption is also a line of the text, read as a caption; the figure stands at it.
    bulletin = document.bulletins[0]
    captions = [b for b in bulletin.body if b.type == "caption"]
    assert captions and captions[0].lines[0] == document.figures[0].line
    _valid(document)
    tei = bulletins.export(document, "tei")
    assert (
        '<figure><head>图1　考核指标</head><graphic url="images/zhibiao%201.png"/><figDesc>指标示意图</figDesc></figure>'
        in tei
    )


def test_govcn_row36_nine_pictures_are_nine_figures() -> None:
    # Issue 18: "row36: nine pictures, no residue, no diagnostic".
    document = bulletins.parse_file(_govcn() / "row36.html")
    assert len(document.figures) == 9 and all(f.src and f.src.endswith(".jpg") for f in document.figures)
    _valid(document)
