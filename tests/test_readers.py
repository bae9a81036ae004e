"""Readers: registry and sniffing, HTML, Markdown, DOCX, hints, provenance, bad input, gov.cn targets."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import bulletins
from bulletins.errors import DecodeError, ReadError, UnknownPluginError
from bulletins.model import Document, Point, iter_blocks, text_holders
from bulletins.readers import choose_reader, get_reader
from bulletins.validate import _our_relaxng, _tei_relaxng
from tests.conftest import ROOT, SEEDS, bench_module, shared_corpus

FIXTURES = ROOT / "tests" / "fixtures" / "readers"


def corpus(sub: str) -> Path:
    return shared_corpus(sub)


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "bulletins", *args], capture_output=True, timeout=120, check=False)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


# -- registry and sniffing ---------------------------------------------------------------


def test_builtin_readers_are_registered_like_plugins() -> None:
    assert {"text", "html", "markdown", "docx", "pdf"} <= set(bulletins.available_readers())
    with pytest.raises(UnknownPluginError, match=r"unknown reader 'nosuchformat' \(available: .*docx.*html.*pdf"):
        get_reader("nosuchformat")
    with pytest.raises(ReadError, match="bad options"):
        get_reader("html", nonsense=1)


SNIFF = [
    (b"PK\x03\x04rest", None, "docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "x.doc", "office"),
    (b"<tbody> <tr><td><p>\xe6\xa0\x87\xe9\xa2\x98</p>", None, "html"),
    (b"\xef\xbb\xbf<!DOCTYPE html><html>", "page.txt", "html"),
    (b"---\ntitle: x\n---\n# t\n", None, "markdown"),
    (b"# \xe6\xa0\x87\xe9\xa2\x98\n\ntext\n", None, "markdown"),
    (b"plain text\n", "page.html", "html"),
    (b"plain text\n", "notes.md", "markdown"),
    (b"plain text\n", "notes.txt", "text"),
    (b"plain text\n", None, "text"),
    ("标题\n\n新华社北京9月6日电 正文。\n".encode(), None, "text"),
]


@pytest.mark.parametrize(("data", "source", "expected"), SNIFF, ids=[f"{s}-{e}" for _, s, e in SNIFF])
def test_content_first_then_suffix(data: bytes, source: str | None, expected: str) -> None:
    assert choose_reader(data, source) == expected


def test_every_seed_is_read_as_text_and_unchanged(seed_documents: dict[str, Document]) -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        data = path.read_bytes()
        assert choose_reader(data, path.name) == "text"
        assert bulletins.parse(data, source=path.name, reader="text") == seed_documents[path.name]
        assert seed_documents[path.name].source.format == "text"


# -- one notice, four formats ------------------------------------------------------------


def _shape(document: Document) -> dict[str, Any]:
    bulletin = document.bulletins[0]
    # Whitespace aside: HTML collapses 时    间 to 时 间, as a browser shows it.
    points = [(b.level, b.number, _squash(b.text)) for b in iter_blocks(bulletin.body) if isinstance(b, Point)]
    closing = bulletin.closing
    return {
        "bulletins": len(document.bulletins),
        "title": bulletin.headline.title if bulletin.headline else None,
        "doc_number": bulletin.doc_number,
        "points": points,
        "closing": (closing.issuer, closing.date.iso if closing and closing.date else None) if closing else None,
    }


FORMATS = [
    ("notice.txt", "text"),
    ("notice-gb2312.html", "html"),
    ("notice.md", "markdown"),
    ("notice-gbt9704.docx", "docx"),
]


@pytest.mark.parametrize(("name", "fmt"), FORMATS, ids=[f for _, f in FORMATS])
def test_the_same_notice_in_every_format_gives_the_same_bulletin(name: str, fmt: str) -> None:
    document = bulletins.parse_file(FIXTURES / name)
    assert document.source.format == fmt
    shape = _shape(document)
    # Read off notice.txt (seed 002 lines 1–31): the title over two lines, five 一、 points, the
    # （一）（二） and 1.–8. items under 四、, three 1.–3. items under 五、, 党委办公室 / 2020年2月9日.
    assert shape["title"] == "关于召开院党委理论学习中心组第二次（扩大）学习的通知"
    assert [p[2] for p in shape["points"] if p[0] == 1] == ["时间", "学习形式", "参加人员", "学习内容", "相关要求"]
    assert [p[:2] for p in shape["points"] if p[0] == 2] == [(2, 1), (2, 2)]
    assert len([p for p in shape["points"] if p[0] == 3]) == 11
    assert shape["closing"] == ("党委办公室", "2020-02-09")
    assert shape == _shape(bulletins.parse_file(FIXTURES / "notice.txt"))


# -- HTML ---------------------------------------------------------------------------------


def _lines(name: str, data: bytes) -> list[str]:
    """The non-empty lines a reader makes of *data* (Markdown keeps empty lines to keep numbering)."""
    return [line.text for reading in get_reader(name).read(data) for line in reading.lines if line.text]


HTML_CASES = [
    ("<p>甲</p><script>var a = '乙';</script><style>p{}</style><!-- 丙 --><p>丁<o:p></o:p></p>", ["甲", "丁"]),
    ("<div>第一段<br>第二段</div>", ["第一段", "第二段"]),
    (
        "<table><tr><td>姓名</td><td>职务</td></tr><tr><td>韩正</td><td>副总理</td></tr></table>",
        ["姓名\t职务", "韩正\t副总理"],
    ),
    ("<table><tr><td><p>一段</p><p>二段</p></td></tr></table>", ["一段", "二段"]),
    ("<table><tr><td><p>一段</p><p>二段</p></td><td>丙</td></tr></table>", ["一段 二段\t丙"]),
    ("<p>国&nbsp;务&#38451;院&amp;</p>", ["国\xa0务阳院&"]),
    ("<p>未闭合<div>块<p>又一", ["未闭合", "块", "又一"]),
    ('<p style="display:none">隐藏</p><p>可见</p>', ["隐藏", "可见"]),
    ("<p>前<span hidden>藏</span>后</p>", ["前", "藏", "后"]),
    ("<ul><li>一项</li><li>二项<ul><li>子项</li></ul></li></ul>", ["一项", "二项", "子项"]),
]


@pytest.mark.parametrize(("html", "expected"), HTML_CASES, ids=[str(k) for k in range(len(HTML_CASES))])
def test_html_visible_lines(html: str, expected: list[str]) -> None:
    assert _lines("html", html.encode()) == expected


def test_hidden_text_is_residue_never_a_bulletins_text() -> None:
    html = (
        '<p style="text-align:center">关于做好工作的通知</p><div style="display:none">分享到微信</div><p>各单位：</p>'
    )
    document = bulletins.parse(html.encode(), source="x.html")
    assert [r.text for r in document.residue] == ["分享到微信"] and document.residue[0].kind == "noise"
    assert "hidden-text" in {d.code for d in document.diagnostics}
    assert document.bulletins[0].headline is not None and document.bulletins[0].headline.title == "关于做好工作的通知"


def test_html_hints_and_provenance() -> None:
    html = (
        '<body><p style="text-align:center"><b><span style="font-size:18pt">标题</span></b></p>'
        '<h2>小标题</h2><p align="right">国务院办公厅</p><ul><li><ul><li>深</li></ul></li></ul></body>'
    )
    lines = list(next(get_reader("html").read(html.encode())).lines)
    centred, heading, right, deep = lines
    assert (centred.hints.align, centred.hints.bold, centred.hints.font_size) == ("center", True, 18.0)
    assert centred.origin == "/html[1]/body[1]/p[1]"
    assert heading.hints.heading == 2
    assert right.hints.align == "right" and right.origin == "/html[1]/body[1]/p[2]"
    assert deep.hints.list_level == 2


def test_html_class_rules_give_hints() -> None:
    html = (
        "<style>/* 标题 */ .title, h1.big { text-align: center; font-weight: bold } p.sign { text-align:right }"
        " .gone { display: none } .plain { font-weight: normal }</style>"
        '<p class="title">关于做好工作的通知</p><p class="title plain" style="font-weight:bold">副题</p>'
        '<p class="sign">国务院办公厅</p><p class="gone">隐</p><p style="text-align:left" class="title">左</p>'
    )
    lines = list(next(get_reader("html").read(html.encode())).lines)
    got = [(line.text, line.hints.align, line.hints.bold, line.hints.hidden) for line in lines]
    assert got == [
        ("关于做好工作的通知", "center", True, False),
        ("副题", "center", True, False),  # inline font-weight wins over the .plain rule
        ("国务院办公厅", "right", False, False),
        ("隐", None, False, True),
        ("左", "left", True, False),
    ]


def test_html_declared_and_undeclared_charsets() -> None:
    declared = bulletins.parse_file(FIXTURES / "notice-gb2312.html")
    assert declared.source.encoding == "gb18030"
    assert not [d for d in declared.diagnostics if d.code == "undeclared-charset"]
    undeclared = bulletins.parse_file(FIXTURES / "notice-undeclared-gbk.html")
    assert [d.code for d in undeclared.diagnostics if d.code == "undeclared-charset"] == ["undeclared-charset"]
    assert _shape(undeclared) == _shape(declared)
    assert "不是正文" not in bulletins.export(declared, "json")  # the <script>


def test_nothing_visible_is_lost_from_gov_pages() -> None:
    folder = corpus("govcn-html")
    for path in sorted(folder.glob("*.html")):
        data = path.read_bytes()
        visible = "".join(_lines("html", data))
        document = bulletins.parse(data, source=path.name)
        held = "".join(text for _, _, text in sorted(text_holders(document), key=lambda h: (h[0], h[1])))
        assert _squash(held) == _squash(bulletins.cleaners.clean(visible, bulletins.DEFAULT_CLEANERS)), path.name
        assert document.bulletins[0].origin is not None and document.bulletins[0].origin.startswith("/html[1]/")


def _load_bench() -> Any:
    return bench_module("govcn")


def test_tables_chapters_and_figures_open_no_bulletin() -> None:
    html = (
        '<p style="text-align:center">个人所得税专项附加扣除暂行办法</p><p>第一条　为了落实个人所得税法，制定本办法。</p>'
        '<p style="text-align:center">第二章　子女教育</p><p>第五条　纳税人的子女接受全日制学历教育的相关支出，按照每个子女每月1000元的标准定额扣除。</p>'
        '<p style="text-align:center">图1　汽车号牌编码规则</p>'
        "<table><tr><td><p>定量</p></td><td><p>指标</p></td></tr><tr><td>定性</td><td>说明</td></tr></table>"
    )
    document = bulletins.parse(html.encode(), source="x.html")
    assert len(document.bulletins) == 1
    kinds = [(type(b).__name__, b.text) for b in iter_blocks(document.bulletins[0].body)]
    # The chapter stays in the body: a point 第二章 (as the text rules read chapters) or a subhead.
    assert ("Point", "\u3000子女教育") in kinds or ("Subhead", "第二章　子女教育") in kinds
    assert ("Caption", "图1　汽车号牌编码规则") in kinds
    assert ("Table", "定量\t指标\n定性\t说明") in kinds  # a data table is a table block (issue 18)


def test_gov_cn_targets() -> None:
    folder = corpus("govcn-html")
    scores = _load_bench().score(folder)
    hits, pages = scores["title"]
    assert pages == 56 and hits >= 54
    for measure in ("doc_number", "issuer"):
        hits, pages = scores[measure]
        assert pages and hits / pages >= 0.95, (measure, hits, pages)


# -- Markdown -----------------------------------------------------------------------------

_MARKUP = re.compile(r"<[A-Za-z/!][^>]*>|\]\(|\*\*|\{\{[<%]|^#{1,6}\s|^---\s*$")


def test_markdown_front_matter_is_metadata_never_text() -> None:
    document = bulletins.parse_file(FIXTURES / "notice.md")
    meta = {field.name: field.value for field in document.source.metadata}
    assert meta == {
        "title": "关于召开院党委理论学习中心组第二次（扩大）学习的通知",
        "date": "2020-02-09",
        "author": "党委办公室",
        "url": "https://example.invalid/notice",
        "tags": "通知",
    }
    dumped = bulletins.export(document, "json")
    assert "example.invalid" in dumped  # in source.metadata only
    assert all("example.invalid" not in text and "INFO END" not in text for _, _, text in text_holders(document))


def test_no_front_matter_or_markup_in_markdown_archives() -> None:
    folder = corpus("web")
    files = sorted(folder.glob("*/*.md"))
    assert len(files) >= 39
    for path in files:
        document = bulletins.parse_file(path)
        assert document.source.format == "markdown"
        fields = [f.value for f in document.source.metadata if f.name in {"url", "original_url", "last_updated"}]
        texts = [line for b in document.bulletins if b.headline for line in b.headline.lines]
        texts += [block.text for b in document.bulletins for block in iter_blocks(b.body)]
        for text in texts:
            assert not _MARKUP.search(text), (path.name, text[:80])
            assert not any(value and value in text for value in fields), (path.name, text[:80])


def test_markdown_lines_are_the_files_own_lines() -> None:
    # notice.md: front matter on lines 1–8, the # title on line 10, 党委办公室 / 2020年2月9日 on 60/62.
    path = FIXTURES / "notice.md"
    source = path.read_text(encoding="utf-8").split("\n")
    document = bulletins.parse_file(path)
    bulletin = document.bulletins[0]
    assert bulletin.headline is not None and bulletin.headline.line_numbers == (10,)
    assert source[9] == "# " + bulletin.headline.lines[0] and bulletin.origin == "line 10"
    assert bulletin.closing is not None
    for held in bulletin.closing.source_lines:
        assert source[held.line - 1] == held.text


def test_markdown_keeps_list_markers_and_wrapped_visible_text() -> None:
    md = "# 标题\n\n- 第一项 **加粗** [链接文字](http://x)\n1. 第二项\n\n<figure><img src='a.png'><figcaption>图片说明</figcaption></figure>\n"
    assert _lines("markdown", md.encode()) == ["标题", "- 第一项 加粗 链接文字", "1. 第二项", "图片说明"]


def test_a_figcaption_is_a_caption_and_its_picture_credit_a_credit() -> None:
    # web/hkcnews/article_21342.md line 27: the caption's last words name who supplied the photo.
    md = "# 標題\n\n正文第一段。\n\n<figure><img src='a.jpg'><figcaption>林鄭昨日單獨見記者，沒有其他問責官員陪同。美聯社圖片</figcaption></figure>\n\n正文第二段。\n"
    reading = next(bulletins.readers.reader_for("markdown").read(md.encode()))
    assert [line.hints.caption for line in reading.lines if line.text] == [False, False, True, False]
    bulletin = bulletins.parse(md.encode(), reader="markdown").bulletins[0]
    (caption,) = [block for block in bulletin.body if block.type == "caption"]
    assert caption.text == "林鄭昨日單獨見記者，沒有其他問責官員陪同。"
    assert [(c.role, c.names, c.text) for c in bulletin.credits] == [("摄影", (), "美聯社圖片")]


def test_a_rundowns_item_numbers_are_not_part_of_its_titles() -> None:
    # web/xwlb day files: ## 1. … ## 13. number the broadcast's items; the title is what follows.
    md = "# 新闻联播 2017-04-15\n\n## 1. 【“一带一路”·合作共赢】共建纺织产业园\n\n正文。\n\n## 2. 廖俊波：真心实意为人民造福\n\n正文。\n\n## 3. 国内联播快讯\n"
    reading = next(bulletins.readers.reader_for("markdown").read(md.encode()))
    titles = [line for line in reading.lines if line.hints.heading == 2]
    assert [line.text for line in titles] == [
        "【“一带一路”·合作共赢】共建纺织产业园",
        "廖俊波：真心实意为人民造福",
        "国内联播快讯",
    ]
    assert [line.hints.item for line in titles] == [1, 2, 3]
    (said,) = [d for d in reading.diagnostics if d.code == "item-number-left-out"]
    assert "1.–3." in said.message


def test_headings_not_numbered_as_a_rundown_keep_their_numbers() -> None:
    # Two numbered headings, or numbers out of order, are titles that happen to start with a number.
    for md in ("## 1. 总则\n\n正文。\n\n## 2. 附则\n", "## 1. 甲\n\n## 3. 乙\n\n## 4. 丙\n"):
        reading = next(bulletins.readers.reader_for("markdown").read(md.encode()))
        assert all(line.text[0].isdigit() for line in reading.lines if line.hints.heading)
        assert all(line.hints.item is None for line in reading.lines)
        assert not [d for d in reading.diagnostics if d.code == "item-number-left-out"]


# -- DOCX ---------------------------------------------------------------------------------


def test_docx_numbering_is_rendered_from_the_definitions() -> None:
    reading = next(get_reader("docx").read((FIXTURES / "notice-gbt9704.docx").read_bytes()))
    texts = [line.text for line in reading.lines]
    assert texts[3] == "一、时    间" and texts[10] == "（一）学习内容" and texts[11].startswith("1.习近平")
    assert texts[21] == "五、相关要求" and texts[22].startswith("1.学院")  # the restarted 1. list
    assert [d.code for d in reading.diagnostics] == ["header-footer-ignored"]
    assert reading.lines[0].origin == "paragraph 1" and reading.lines[0].hints.align == "center"


def _docx_with(body_xml: str) -> bytes:
    source = (FIXTURES / "govcn-row19.docx").read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as old, zipfile.ZipFile(out, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                start = text.index("<w:body>") + len("<w:body>")
                text = text[:start] + body_xml + text[start:]
                data = text.encode("utf-8")
            new.writestr(item, data)
    return out.getvalue()


def test_docx_tracked_changes_fields_and_text_boxes() -> None:
    w = (
        '<w:p><w:r><w:t>保留</w:t></w:r><w:ins w:id="1" w:author="a"><w:r><w:t>插入</w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>结果</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r></w:p>"
    )
    reading = next(get_reader("docx").read(_docx_with(w)))
    assert reading.lines[0].text == "保留插入结果"
    assert (reading.lines[1].text, reading.lines[1].hints.hidden) == ("隐藏", True)
    codes = {d.code for d in reading.diagnostics}
    assert {"tracked-deletion", "hidden-text"} <= codes


def test_docx_written_by_libreoffice_from_gov_pages() -> None:
    rows = {
        r["file"]: r
        for r in csv.DictReader((corpus("govcn-html") / "metadata.tsv").open(encoding="utf-8"), delimiter="\t")
    }
    for name in ("row2", "row19"):
        document = bulletins.parse_file(FIXTURES / f"govcn-{name}.docx")
        bulletin = document.bulletins[0]
        row = rows[f"{name}.html"]
        assert bulletin.headline is not None and "".join(bulletin.headline.lines) == row["title"]
        assert bulletin.doc_number == row["release_number"]
        assert bulletin.closing is not None and _squash(bulletin.closing.issuer or "").replace("、", "") == _squash(
            row["release_office"]
        ).replace("、", "")


# -- bad input ------------------------------------------------------------------------------

BAD = [
    ("truncated.docx", "damaged or truncated"),
    ("govcn-row19-encrypted.docx", "encrypted"),
]


@pytest.mark.parametrize(("name", "message"), BAD, ids=[n for n, _ in BAD])
def test_bad_word_files_get_one_clear_error(name: str, message: str, tmp_path: Path) -> None:
    with pytest.raises(ReadError, match=message):
        bulletins.parse_file(FIXTURES / name)
    result = run("parse", str(FIXTURES / name))
    stderr = result.stderr.decode()
    assert result.returncode == 1 and message in stderr and name in stderr and "Traceback" not in stderr


def test_a_zip_that_is_not_word() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
    with pytest.raises(ReadError, match=r"without word/document\.xml"):
        bulletins.parse(out.getvalue(), source="book.docx")


def test_a_page_with_no_text_is_an_empty_document_with_a_warning() -> None:
    document = bulletins.parse_file(FIXTURES / "no-text.html")
    assert document.bulletins == () and [d.code for d in document.diagnostics] == ["no-text"]
    assert run("parse", str(FIXTURES / "no-text.html")).returncode == 0


def test_html_that_lies_about_its_charset_is_read_in_the_charset_that_decodes_it() -> None:
    # Issue 18: saved people.com.cn pages declare GB2312 and are UTF-8; here the reverse.
    data = '<meta charset="utf-8"><p>国务院办公厅关于印发的通知</p>'.encode("gbk")
    document = bulletins.parse(data, source="x.html")
    assert document.bulletins[0].headline is not None
    assert document.bulletins[0].headline.title == "国务院办公厅关于印发的通知"
    wrong = [d for d in document.diagnostics if d.code == "declared-charset-wrong"]
    assert len(wrong) == 1 and "declares utf-8" in wrong[0].message


def test_html_that_no_charset_decodes_is_a_decode_error() -> None:
    data = b'<meta charset="utf-8"><p>' + "国务院办公厅关于印发的通知".encode("gbk") + b"\xff\xff\x80</p>"
    with pytest.raises(DecodeError, match="not valid utf-8, the charset the page declares"):
        bulletins.parse(data, source="x.html")
    assert bulletins.parse(data, source="x.html", errors="replace").source.format == "html"


def test_a_saved_page_declaring_gb2312_that_is_utf8_is_read() -> None:
    path = corpus("formats/html-pages") / "gne_people_wenhua-zhengbanqiao.html"
    document = bulletins.parse_file(path)
    assert any(d.code == "declared-charset-wrong" for d in document.diagnostics)
    assert "郑板桥" in bulletins.export(document, "json")


# -- TEI and JSON ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["notice-gb2312.html", "notice-gbt9704.docx", "notice.md"])
def test_tei_of_structured_input_is_valid_and_records_its_source(name: str) -> None:
    document = bulletins.parse_file(FIXTURES / name)
    tei = bulletins.export(document, "tei")
    root = etree.fromstring(tei.encode("utf-8"))
    schema = _tei_relaxng()
    assert schema.validate(root), schema.error_log
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    assert root.xpath("string(t:teiHeader//t:idno[@type='format'])", namespaces=ns) == document.source.format
    origins = root.xpath("t:TEI/t:teiHeader//t:idno[@type='origin']/text()", namespaces=ns)
    assert origins == [b.origin for b in document.bulletins]
    ours = _our_relaxng()
    assert ours.validate(etree.fromstring(bulletins.export(document, "xml").encode("utf-8")))
    assert bulletins.loads(bulletins.export(document)) == document


# -- the records reader (a built-in since issue 18; once the example plugin) through the CLI --


def test_records_reader_through_the_cli(tmp_path: Path) -> None:
    assert "records" in run("formats").stdout.decode()
    result = run(
        "parse", str(FIXTURES / "speeches.csv"), "--from", "records",
        "--reader-option", "text_column=Text", "--reader-option", "date_column=date", "--to", "json", "-o", str(tmp_path),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr.decode()
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == ["speeches.row1.json", "speeches.row2.json", "speeches.row3.json"]
    cells = [row["Text"] for row in csv.DictReader((FIXTURES / "speeches.csv").open(encoding="utf-8"))]
    for k, cell in enumerate(cells, 1):
        document = bulletins.loads((tmp_path / f"speeches.row{k}.json").read_text(encoding="utf-8"))
        assert document.source.name == f"speeches.csv#row{k}" and document.source.format == "records"
        assert {f.name: f.value for f in document.source.metadata}["row"] == str(k)
        held = "".join(text for _, _, text in sorted(text_holders(document), key=lambda h: (h[0], h[1])))
        assert _squash(held) == _squash(bulletins.cleaners.clean(cell, bulletins.DEFAULT_CLEANERS))
    # 新华社北京1月19日电… (all_data_row9): the dateline runs into the text.
    first = bulletins.loads((tmp_path / "speeches.row1.json").read_text(encoding="utf-8"))
    assert any(b.dateline is not None and b.dateline.text.startswith("新华社北京1月19日电") for b in first.bulletins)


def test_records_reader_json_lines_and_bad_columns() -> None:
    result = run(
        "parse",
        str(FIXTURES / "news.jsonl"),
        "--from",
        "records",
        "--reader-option",
        "text_column=content",
        "--to",
        "jsonl",
    )
    assert result.returncode == 0, result.stderr.decode()
    sources = {re.search(r'"name":"([^"]+)"', line).group(1) for line in result.stdout.decode().splitlines()}  # type: ignore[union-attr]
    assert sources == {"news.jsonl#row1", "news.jsonl#row2", "news.jsonl#row3"}
    bad = run("parse", str(FIXTURES / "news.jsonl"), "--from", "records", "--reader-option", "text_column=body")
    assert bad.returncode == 1 and "no column 'body'" in bad.stderr.decode() and "Traceback" not in bad.stderr.decode()


def test_records_title_column_becomes_the_headline() -> None:
    data = (
        "title,text\n习近平向全国广大农民致以节日祝贺,新华社北京9月22日电 在第五个“中国农民丰收节”到来之际……\n".encode()
    )
    documents = list(
        bulletins.parse_many(
            data, source="x.csv", reader="records", reader_options={"text_column": "text", "title_column": "title"}
        )
    )
    assert len(documents) == 1
    headline = documents[0].bulletins[0].headline
    assert headline is not None and headline.title == "习近平向全国广大农民致以节日祝贺"
    with pytest.raises(ReadError, match="several documents"):
        bulletins.parse(
            data + data.split(b"\n", 1)[1], source="x.csv", reader="records", reader_options={"text_column": "text"}
        )


@pytest.mark.parametrize(
    "title",
    [
        "快讯！#德国新冠肺炎累计确诊病例突破3万#",  # formats/datasets/dxy_DXYNews_first200.csv row 26
        "Are pregnant women more at risk?",  # row 75
        "3月22日0-24时，吉林全省无新增确诊病例，无新增疑似病例。连续28天零报告。",  # row 190: a sentence
    ],
)
def test_a_title_column_is_the_headline_whatever_its_text(title: str) -> None:
    # The summary opens with a short line of its own (a CCTV △ caption, row 7) and no blank line: it stays
    # in the body, and the title is the headline alone.
    text = "△津巴布韦首例新冠肺死亡案例佐罗罗\n当地时间3月23日，津巴布韦卫生部确认该国出现首例新冠肺炎死亡病例。"
    data = json.dumps([{"title": title, "summary": text}], ensure_ascii=False).encode()
    (document,) = bulletins.parse_many(data, source="rows.json")
    (bulletin,) = document.bulletins
    assert bulletin.headline is not None and bulletin.headline.lines == (title,)
    assert bulletin.body and bulletin.body[0].text.startswith("△津巴布韦")


def test_an_h1_title_may_ask() -> None:
    # formats/html-pages/gne_thepaper_zhongnanhai-xijinping-wenzhang.html line 178: the page's <h1> ends in ？.
    page = "<html><body><h1>新年伊始，习近平的重要文章谈了啥？</h1><p>新年伊始，《求是》杂志发表习近平总书记的重要文章。</p></body></html>"
    (bulletin,) = bulletins.parse(page.encode(), source="page.html").bulletins
    assert bulletin.headline is not None and bulletin.headline.title == "新年伊始，习近平的重要文章谈了啥？"


def test_docx_title_and_heading_styles() -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("国务院关于加快推进农业机械化的指导意见", level=0)  # Title style
    document.add_paragraph("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：")
    document.add_heading("总体要求", level=1)  # Heading 1, no marker: a subhead
    document.add_paragraph("以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大精神。")
    document.add_heading("一、主要任务", level=1)  # Heading 1 with a marker: a point
    document.add_paragraph("加快推进农机装备产业转型升级。")
    out = io.BytesIO()
    document.save(out)
    reading = next(get_reader("docx").read(out.getvalue()))
    assert [(line.hints.style, line.hints.heading) for line in reading.lines][:3] == [
        ("Title", 1), ("Normal", None), ("Heading 1", 2),
    ]  # fmt: skip
    bulletin = bulletins.parse(out.getvalue(), source="x.docx").bulletins[0]
    assert bulletin.headline is not None and bulletin.headline.title == "国务院关于加快推进农业机械化的指导意见"
    assert bulletin.addressee == "各省、自治区、直辖市人民政府，国务院各部委、各直属机构"
    kinds = [(type(b).__name__, b.text[:4]) for b in bulletin.body]
    assert kinds[0] == ("Subhead", "总体要求") and ("Point", "主要任务") in kinds


def test_docx_text_boxes_follow_their_paragraph_once() -> None:
    box = "<w:txbxContent><w:p><w:r><w:t>框内文字</w:t></w:r></w:p></w:txbxContent>"
    w = (
        '<w:p xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:r><w:t>正文</w:t></w:r>'
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"{box}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )
    reading = next(get_reader("docx").read(_docx_with(w)))
    assert [line.text for line in reading.lines[:2]] == ["正文", "框内文字"]
    assert [line.text for line in reading.lines].count("框内文字") == 1


def test_markdown_tables_and_code() -> None:
    md = "# 附表\n\n| 姓名 | 职务 |\n|---|---|\n| 韩正 | 副总理 |\n\n```\n原样\n```\n"
    assert _lines("markdown", md.encode()) == ["附表", "姓名\t职务", "韩正\t副总理", "原样"]


def test_undeclared_legacy_html_through_the_cli() -> None:
    result = run("parse", str(FIXTURES / "notice-undeclared-gbk.html"), "--to", "json")
    assert result.returncode == 0 and "undeclared-charset" in result.stdout.decode()


_PIECES = [*"<>/=\"' &;#-*_[]()!`|{}%\n\t通知一、。", "<p>", "</p>", "<br>", "<td>", "<tr>", "<!--", "-->", "<o:p>"]
_PIECES += ["# ", "---\n", "**", "](", "<figure>", "title: x\n", "<meta charset=gbk>", "&nbsp;", "<div hidden>"]
_MARKUPISH = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=150, deadline=None)
@given(text=_MARKUPISH, name=st.sampled_from(["html", "markdown"]))
def test_arbitrary_markup_never_raises_anything_but_our_errors(text: str, name: str) -> None:
    try:
        document = bulletins.parse(text.encode("utf-8"), source="x", reader=name)
    except bulletins.BulletinsError:
        return
    assert bulletins.loads(bulletins.export(document)) == document


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=200))
def test_arbitrary_bytes_as_docx_give_one_clear_error(data: bytes) -> None:
    with pytest.raises(ReadError):
        bulletins.parse(b"PK\x03\x04" + data, source="x.docx")


def test_docx_footnotes_are_named_not_lost_silently() -> None:
    source = (FIXTURES / "govcn-row19.docx").read_bytes()
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    footnotes = (
        f'<w:footnotes {w}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:t>此件公开发布。</w:t></w:r></w:p></w:footnote></w:footnotes>'
    )
    rel = (
        '<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"'
        ' Target="footnotes.xml"/>'
    )
    override = (
        '<Override PartName="/word/footnotes.xml" ContentType='
        '"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as old, zipfile.ZipFile(out, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename).decode("utf-8")
            if item.filename == "word/_rels/document.xml.rels":
                data = data.replace("</Relationships>", rel + "</Relationships>")
            elif item.filename == "[Content_Types].xml":
                data = data.replace("</Types>", override + "</Types>")
            new.writestr(item, data)
        new.writestr("word/footnotes.xml", footnotes)
    reading = next(get_reader("docx").read(out.getvalue()))
    assert [d.message for d in reading.diagnostics if d.code == "notes-ignored"] == [
        "footnotes with text not read (only the body is)"
    ]
    plain = next(get_reader("docx").read(source))
    assert "notes-ignored" not in {d.code for d in plain.diagnostics}


def test_a_site_s_footer_after_the_article_s_last_break_is_chrome() -> None:
    # web/hkcnews/article_32003.md lines 181–193 (cut): a subscription appeal and the column's author box,
    # each after a ---, under the article; 15 of the 17 hkcnews files end so.
    text = (
        "# 黃仁龍：Shall we talk?\n\n今日，我們就坐言起行，大家一齊努力。\n\n---\n\n"
        "請加入成為眾新聞的月費訂戶，長期支持我們的工作。\n\n月費訂戶 [網址：hkcnews.com/aboutus/#subscribe](/about)\n\n"
        "---\n\n![博客 | 特約轉載](a.png)\n\n**博客 | 特約轉載**\n"
    )
    document = bulletins.parse(text, source="a.md", reader="markdown")
    (bulletin,) = document.bulletins
    assert bulletin.lines == (1, 3)
    nav = [r.text for r in document.residue if r.kind == "nav"]
    assert "博客 | 特約轉載" in nav and any("月費訂戶" in t for t in nav)
    # A short last section with no appeal stays the article's.
    plain = "# 标题\n\n正文第一段，会议召开。\n\n---\n\n**（完）**\n"
    (kept,) = bulletins.parse(plain, source="b.md", reader="markdown").bulletins
    assert kept.lines[1] == 7
