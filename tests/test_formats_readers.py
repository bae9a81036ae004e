"""Issue 18 formats: datasets (records), Word's other files (altChunk, LibreOffice), OFD, zip limits."""

from __future__ import annotations

import csv
import io
import json
import mmap
import os
import quopri
import re
import shutil
import struct
import subprocess
import sys
import time
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import pytest
from lxml import etree

import bulletins
from bulletins.errors import DecodeError, ReadError
from bulletins.model import text_holders
from bulletins.readers import _soffice, choose_reader, get_reader
from tests.conftest import CORPUS, ROOT, require_distribution, shared_corpus


def corpus(sub: str) -> Path:
    return shared_corpus(sub)


def needs_soffice() -> None:
    """Skip unless LibreOffice is installed; under CI=true its absence is a failure."""
    if _soffice.soffice() is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must install LibreOffice (apt-get install {_soffice.PACKAGE})")
        pytest.skip(f"LibreOffice (soffice) is not installed: apt-get install {_soffice.PACKAGE}")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "bulletins", *args], capture_output=True, timeout=300, check=False, env=env
    )


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _held(document: bulletins.Document) -> str:
    """Every text field of the document (body, headline, residue …), in source order."""
    return "".join(text for _, _, text in sorted(text_holders(document), key=lambda h: (h[0], h[1])))


# -- content first, then suffix ------------------------------------------------------------


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


SNIFF = [
    (_zip({"OFD.xml": b"<OFD/>"}), "x.zip", "ofd"),
    (_zip({"word/document.xml": b"<w/>"}), "x.ofd", "docx"),
    (_zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}), None, "office"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 a .doc or a .wps", "x.docx", "office"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"), "x.doc", "docx"),
    (b"{\\rtf1\\ansi hello}", "x.txt", "office"),
    (b'{"title": "t", "text": "x"}\n', None, "records"),
    (b'[{"title": "t"}]', None, "records"),
    (b'\xef\xbb\xbf[\n  {"title": "t"}]', "x.json", "records"),
    (b"plain text\n", "x.json", "text"),  # a .json that is no dataset is not taken by its suffix
    (b"title,text\nt,x\n", "x.csv", "records"),
    (b"title\ttext\nt\tx\n", "x.tsv", "records"),
    (b"title,text\nt,x\n", None, "text"),
]


@pytest.mark.parametrize(("data", "source", "expected"), SNIFF, ids=[e + str(k) for k, (_, _, e) in enumerate(SNIFF)])
def test_formats_are_told_by_content_first_then_by_suffix(data: bytes, source: str | None, expected: str) -> None:
    assert choose_reader(data, source) == expected


# -- zip limits --------------------------------------------------------------------------------


def _bomb(inflated_mib: int) -> bytes:
    """A real zip bomb .docx: ``word/document.xml`` inflates to *inflated_mib* MiB of XML.

    Built in memory in well under a second: deflate blocks after a full flush do not refer back,
    so one compressed MiB of ``<w:t>aaaa…`` repeated is a valid stream (RFC 1951 §3.2.3).
    """
    chunk = b"<w:t>" + b"a" * ((1 << 20) - 5)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = deflate.compress(chunk) + deflate.flush(zlib.Z_FULL_FLUSH)
    again = deflate.compress(chunk) + deflate.flush(zlib.Z_FULL_FLUSH)
    stream = first + again * (inflated_mib - 1) + deflate.flush()
    crc = 0
    for _ in range(inflated_mib):
        crc = zlib.crc32(chunk, crc)
    size = len(chunk) * inflated_mib
    members = [
        (b"[Content_Types].xml", zlib.crc32(b"<Types/>"), b"<Types/>", 8, 0),
        (b"word/document.xml", crc, stream, size, 8),
    ]
    out, central = io.BytesIO(), io.BytesIO()
    for name, checksum, data, full, method in members:
        full = full if method == 8 else len(data)
        offset = out.tell()
        out.write(
            struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, checksum, len(data), full, len(name), 0)
        )
        out.write(name + data)
        central.write(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                method,
                0,
                0x21,
                checksum,
                len(data),
                full,
                len(name),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + name
        )
    start = out.tell()
    out.write(central.getvalue())
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 2, 2, len(central.getvalue()), start, 0))
    return out.getvalue()


def test_a_zip_bomb_docx_is_refused_unread_fast_and_small() -> None:
    data = _bomb(1500)  # 1.5 GB inflated, like the file in issue 18
    assert len(data) < 3_000_000
    assert zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml").file_size > 1_500_000_000
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(ReadError, match=r"bomb\.docx: \.docx refused unread: member word/document\.xml declares 1\.5 GiB"
                       r" inflated, over the limit of 256\.0 MiB \(reader option max_unzipped raises it\)"):  # fmt: skip
        bulletins.parse(data, source="bomb.docx")
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 1.0  # issue 18's target; 3.1 GB and 14 s before the limits
    assert peak < 200 * 2**20


def test_the_ratio_limit_and_raising_it() -> None:
    data = _bomb(8)  # 8 MiB from a few KiB: over 100:1
    with pytest.raises(ReadError, match=r"inflates \d+:1 .* over the limit of 100:1, a zip bomb's mark"):
        bulletins.parse(data, source="bomb.docx")
    with pytest.raises(ReadError, match=r"not a readable \.docx") as raised:  # past the limits: lxml's own refusal
        bulletins.parse(data, source="bomb.docx", reader="docx", reader_options={"max_ratio": "100000"})
    assert "refused unread" not in str(raised.value)
    with pytest.raises(ReadError, match="max_unzipped"):
        bulletins.parse(data, source="b.docx", reader="docx", reader_options={"max_unzipped": "1MB"})
    with pytest.raises(ReadError, match="bad options"):
        get_reader("docx", max_unzipped="lots")


def test_the_zip_bomb_through_the_cli_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "bomb.docx").write_bytes(_bomb(300))
    result = run("parse", str(tmp_path / "bomb.docx"), "-q")
    stderr = result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in stderr and len(stderr.strip().splitlines()) == 1
    assert "refused unread" in stderr and "max_unzipped" in stderr


# -- altChunk ----------------------------------------------------------------------------------

LAW = ["中华人民共和国测试法", "第一条　为了规范测试工作，制定本法。", "第二条　本法自公布之日起施行。"]


def altchunk_docx(kind: str) -> bytes:
    """A .docx whose body is a paragraph and a ``w:altChunk`` (see tests/fixtures/readers/NOTES.md)."""
    docx = pytest.importorskip("docx")
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    html = (
        '<html><head><meta http-equiv=Content-Type content="text/html; charset=gb2312"></head><body>'
        f"<p align=center><b>{LAW[0]}</b></p><p>{LAW[1]}</p><p>{LAW[2]}</p></body></html>"
    )
    if kind == "mht":  # as law sites publish: Word's afchunk.mht, quoted-printable GB2312
        body = quopri.encodestring(html.encode("gb18030"))
        blob = (
            b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_01D9"\r\n\r\n'
            b"------=_NextPart_01D9\r\nContent-Location: file:///C:/afchunk.htm\r\n"
            b'Content-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset="gb2312"\r\n\r\n'
            + body
            + b"\r\n------=_NextPart_01D9--\r\n"
        )
        name, content_type = "/word/afchunk.mht", "message/rfc822"
    else:
        blob, name, content_type = html.encode("gb18030"), "/word/afchunk.htm", "text/html"
    document = docx.Document()
    document.add_paragraph("（2024年1月1日第十四届全国人民代表大会常务委员会第一次会议通过）")
    part = Part(PackURI(name), content_type, blob, document.part.package)
    rid = document.part.relate_to(part, RELATIONSHIP_TYPE.A_F_CHUNK)
    chunk = parse_xml(
        '<w:altChunk xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        f' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="{rid}"/>'
    )
    document.element.body.insert(len(document.element.body) - 1, chunk)  # before w:sectPr
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("kind", ["mht", "html"])
def test_an_altchunk_docx_is_read_through_the_html_reader_in_place(kind: str) -> None:
    data = altchunk_docx(kind)
    reading = next(get_reader("docx").read(data))
    assert [line.text for line in reading.lines] == [
        "（2024年1月1日第十四届全国人民代表大会常务委员会第一次会议通过）",
        *LAW,
    ]
    assert reading.lines[0].origin == "paragraph 1"
    assert [line.origin.split(" /")[0] for line in reading.lines[1:]] == ["altChunk 1"] * 3
    assert reading.lines[1].hints.align == "center" and reading.lines[1].hints.bold
    assert [d.code for d in reading.diagnostics] == ["altchunk"]
    document = bulletins.parse(data, source="law.docx")
    assert _squash("".join(LAW)) in _squash(_held(document))


def test_an_unreadable_altchunk_is_named_never_silent() -> None:
    docx = pytest.importorskip("docx")
    data = altchunk_docx("html")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(b'"text/html"', b'"application/x-unknown"')
    reading = next(get_reader("docx").read(_zip(members)))
    assert docx is not None
    unread = [d for d in reading.diagnostics if d.code == "altchunk-unread"]
    assert len(unread) == 1 and unread[0].level == "error" and "afchunk.htm" in unread[0].message


# -- Word's other files through LibreOffice -----------------------------------------------------

# The expected strings are in the files' bytes as UTF-16 (Word's text stream), checked below.
WORD = [
    ("lawliet_govcheck_test-guofangbu-fangjia.doc", "国防部关于教育部放假的通知"),
    ("lawliet_govcheck_test-guofangbu-fangjia.wps", "国防部关于放假的通知"),
    ("simonxinw_shangrao-gaj_tineng-ceshi-tongzhi.doc", "体能测试"),
    ("guhhhhaa_mazui-jingshen-yaopin-mulu-2013-fujian1.doc", "麻醉药品品种目录"),
]


@pytest.mark.parametrize(("name", "expected"), WORD, ids=[n for n, _ in WORD])
def test_doc_and_wps_are_converted_with_libreoffice(name: str, expected: str) -> None:
    path = corpus("formats/docx") / name
    needs_soffice()
    data = path.read_bytes()
    assert expected.encode("utf-16-le") in data
    assert choose_reader(data, name) == "office"
    document = bulletins.parse(data, source=name)
    assert document.source.format == "office"
    assert any(d.code == "converted" for d in document.diagnostics)
    assert expected in _squash(_held(document))


def test_rtf_and_odt_are_converted_too(tmp_path: Path) -> None:
    needs_soffice()
    rtf = rb"{\rtf1\ansi\ansicpg936{\fonttbl{\f0\fnil SimSun;}}\f0 \u22269?\u21153?\u38498?\u20851?\u20110?\u21360?\u21457?\par}"
    document = bulletins.parse(rtf, source="x.rtf")
    assert "国务院关于印发" in _held(document) and document.source.format == "office"
    odt = subprocess.run(  # an .odt LibreOffice writes from that RTF
        [str(_soffice.soffice()), f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless",
         "--convert-to", "odt", "--outdir", str(tmp_path), str(_write(tmp_path / "x.rtf", rtf))],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    assert odt.returncode == 0
    data = (tmp_path / "x.odt").read_bytes()
    assert choose_reader(data, None) == "office"
    assert "国务院关于印发" in _held(bulletins.parse(data, source="x.odt"))


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_without_libreoffice_a_doc_is_one_clear_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(_soffice, "soffice", lambda: None)
    data = (ROOT / "tests" / "fixtures" / "readers" / "govcn-row19.doc").read_bytes()
    with pytest.raises(
        ReadError, match=r"x\.doc: a \.doc file needs LibreOffice .* apt-get install libreoffice-writer-nogui"
    ):
        bulletins.parse(data, source="x.doc")
    (tmp_path / "x.doc").write_bytes(data)
    bare = tmp_path / "bin"  # a PATH with python and nothing else
    bare.mkdir()
    (bare / "python").symlink_to(sys.executable)
    env = {**os.environ, "PATH": str(bare)}
    result = run("parse", str(tmp_path / "x.doc"), "-q", env=env)
    stderr = result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1 and "libreoffice-writer-nogui" in stderr and "x.doc" in stderr


def test_a_hung_conversion_is_that_files_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake = tmp_path / "soffice"  # a converter that hangs, as LibreOffice can on a hostile file
    fake.write_text("#!/bin/sh\nsleep 30\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setattr(_soffice, "soffice", lambda: str(fake))
    started = time.perf_counter()
    with pytest.raises(ReadError, match=r"did not convert the \.doc file within 0\.5 s and was stopped"):
        bulletins.parse(
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", source="x.doc", reader="office", reader_options={"timeout": "0.5"}
        )
    assert time.perf_counter() - started < 10
    crash = tmp_path / "crash"
    crash.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n", encoding="utf-8")
    crash.chmod(0o755)
    monkeypatch.setattr(_soffice, "soffice", lambda: str(crash))
    with pytest.raises(
        ReadError, match=r"could not convert the \.doc file \(exit status 1: Error: source file could not"
    ):
        bulletins.parse(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", source="x.doc")


def test_the_converter_profile_turns_macros_off() -> None:
    root = etree.fromstring(_soffice._PROFILE.encode("utf-8"))
    props = {p.get("{http://openoffice.org/2001/registry}name"): p.findtext("value") for p in root.iter("prop")}
    assert props["MacroSecurityLevel"] == "3" and props["DisableMacrosExecution"] == "true"


# -- OFD -----------------------------------------------------------------------------------------

OFD = sorted(p.name for p in (CORPUS / "formats" / "ofd").glob("*.ofd")) or ["ofdrw_n_luqiao-weisheng-pifu.ofd"]


_TEXT_CODE = re.compile(r"<(?:ofd:)?TextCode[^>]*>([^<]*)<")


def _ofd_text(data: bytes) -> str:
    """The characters of every TextCode a page draws, found with regular expressions, not the reader.

    Page, template and annotation XML draw their own TextCodes and, through ``ResourceID``, the
    CompositeGraphicUnits of the resource files (which may draw others). Units no page draws are
    not text of the document: the 海关 file holds each of its 299 drawn units twice.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = {n: archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml")}
    units = {
        uid: body
        for text in xml.values()
        for uid, body in re.findall(
            r'<(?:ofd:)?CompositeGraphicUnit ID="(\d+)"(.*?)</(?:ofd:)?CompositeGraphicUnit>', text, re.S
        )
    }
    drawing = [t for n, t in xml.items() if re.search(r"(Pages|TPLS|Tpls|Annots)/", n)]
    found, seen = [], set()
    while drawing:
        text = drawing.pop()
        found += _TEXT_CODE.findall(text)
        for uid in re.findall(r'<(?:ofd:)?CompositeObject[^>]*ResourceID="(\d+)"', text):
            if uid in units and uid not in seen:
                seen.add(uid)
                drawing.append(units[uid])
    return _squash("".join(found))


@pytest.mark.parametrize("name", OFD)
def test_every_ofd_character_is_read(name: str) -> None:
    data = (corpus("formats/ofd") / name).read_bytes()
    assert choose_reader(data, None) == "ofd"
    reading = next(get_reader("ofd").read(data, source=name))
    expected = _ofd_text(data)
    assert expected and sorted(_squash(reading.joined())) == sorted(expected)  # nothing lost, nothing made up
    document = bulletins.parse(data, source=name)
    assert sorted(_squash(_held(document))) == sorted(
        _squash(bulletins.cleaners.clean(reading.joined(), bulletins.DEFAULT_CLEANERS))
    )


def test_the_luqiao_reply_in_red_header_layout() -> None:
    data = (corpus("formats/ofd") / "ofdrw_n_luqiao-weisheng-pifu.ofd").read_bytes()
    reading = next(get_reader("ofd").read(data))
    lines = {line.text: line for line in reading.lines}
    # Content.xml: TextObject 1003 Size 14.7 mm Weight 900 centred at x 39.14 + 133.71 on a 210 mm page.
    assert lines["测试符路桥区卫生局文件"].hints.bold and lines["测试符路桥区卫生局文件"].hints.align == "center"
    assert lines["测试符路桥区卫生局文件"].hints.font_size == pytest.approx(14.7 * 72 / 25.4, abs=0.5)
    assert lines["路卫发〔2011〕76号"].hints.align == "center"
    assert lines["关于同意张阿三同志辞职的批复"].hints.font_size == pytest.approx(7.7 * 72 / 25.4, abs=0.5)
    assert reading.lines[0].origin.startswith("page 1 bbox ") and reading.lines[-1].origin.startswith("page 2 bbox ")
    # The PDF reader's layout steps: the body's wrapped lines joined into a paragraph, the 落款
    # right-aligned, the page numbers (— 1 —, — 2 —) marked as furniture.
    texts = [line.text for line in reading.lines]
    assert texts.index("区中医院：") + 1 == texts.index(
        "你院《关于给张阿三同志辞职的请示》（路中医发〔2011〕10号）收悉。"
    )
    assert lines["测试符路桥区卫生局办公室"].hints.align == "right" and lines["2011年3月10日"].hints.align == "right"
    assert [line.text for line in reading.lines if line.hints.furniture] == ["— 1 —", "— 2 —"]
    bulletin = bulletins.parse(data, source="n.ofd").bulletins[0]
    assert bulletin.doc_number == "路卫发〔2011〕76号"
    assert bulletin.headline is not None and bulletin.headline.title == "关于同意张阿三同志辞职的批复"
    assert bulletin.addressee == "区中医院"


def test_ofd_lines_have_page_boxes() -> None:
    data = (corpus("formats/ofd") / "ofdrw_n_luqiao-weisheng-pifu.ofd").read_bytes()
    document = bulletins.parse(data, source="n.ofd")
    # Two A4 pages (210 × 297 mm) in points.
    sizes = [(p.number, p.width, p.height, p.unit) for p in document.pages]
    assert sizes == [(1, 595.3, 841.9, "pt"), (2, 595.3, 841.9, "pt")]
    reading = next(get_reader("ofd").read(data))
    assert {b.line for b in document.boxes} == set(range(1, len(reading.lines) + 1))
    for box in document.boxes:
        page = document.pages[box.page - 1]
        assert 0 <= box.left < box.right <= page.width and 0 <= box.top < box.bottom <= page.height
    masthead = next(n for n, line in enumerate(reading.lines, 1) if line.text == "测试符路桥区卫生局文件")
    (box,) = [b for b in document.boxes if b.line == masthead]
    assert box.left == pytest.approx(39.14 * 72 / 25.4, abs=1.0)  # Content.xml: the TextObject at x 39.14 mm


def test_ofd_text_in_composite_objects_is_found_and_said() -> None:
    data = (corpus("formats/ofd") / "ofdrw_y_haiguan-shuzidanganshi.ofd").read_bytes()
    reading = next(get_reader("ofd").read(data))
    assert [d.code for d in reading.diagnostics] == ["page-furniture", "ofd-composite-text"]  # 30 2019·3 …
    texts = [line.text for line in reading.lines]
    assert "勇立潮头 真抓实干" in texts and "建设新时代海关数字档案室" in texts
    # Three columns: a column's lines follow each other (DocumentRes.xml, units 204…: 当前，随着… then 展和…).
    first = texts.index("当前，随着信息技术的飞速发")
    assert texts[first + 1] == "展和“互联网+”的无限延伸，数字"


def test_an_ofd_zip_bomb_is_refused_by_the_same_limits() -> None:
    deflated = io.BytesIO()
    with zipfile.ZipFile(deflated, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("OFD.xml", b"<OFD/>")
        archive.writestr("Doc_0/Document.xml", b" " * (8 << 20))
    with pytest.raises(ReadError, match=r"\.ofd refused unread: member Doc_0/Document\.xml inflates"):
        bulletins.parse(deflated.getvalue(), source="x.ofd")


# -- records -------------------------------------------------------------------------------------

NEWS = [
    {"标题": "国务院召开常务会议", "发布时间": "2020年3月24日", "正文": "新华社北京3月24日电 国务院总理主持召开国务院常务会议。\n会议指出，要做好防控。", "链接": "http://example.invalid/1"},
    {"标题": "两部门发布通知", "发布时间": "2020-03-25 08:00", "正文": "本报北京3月25日讯 两部门日前发布通知。", "链接": "http://example.invalid/2"},
]  # fmt: skip


def _csv(rows: list[dict[str, str]], delimiter: str = ",") -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


DATASETS = [
    ("news.csv", _csv(NEWS)),
    ("news.tsv", _csv(NEWS, "\t")),
    ("news.tsv.txt", _csv(NEWS, "\t")),  # tabs told from commas by the header, not the suffix
    ("news.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in NEWS).encode()),
    ("news.json", json.dumps(NEWS, ensure_ascii=True, indent=1).encode()),
    ("news-gbk.csv", _csv(NEWS).decode().encode("gbk")),
]


@pytest.mark.parametrize(("name", "data"), DATASETS, ids=[n for n, _ in DATASETS])
def test_records_read_csv_tsv_json_lines_and_json_arrays(name: str, data: bytes) -> None:
    documents = list(bulletins.parse_many(data, source=name, reader="records"))
    assert [d.source.name for d in documents] == [f"{name}#row1", f"{name}#row2"]
    for document, row in zip(documents, NEWS, strict=True):
        meta = {f.name: f.value for f in document.source.metadata}
        assert meta["title"] == row["标题"] and meta["date"] == row["发布时间"] and meta["url"] == row["链接"]
        bulletin = document.bulletins[0]
        assert bulletin.headline is not None and bulletin.headline.title == row["标题"]
        assert bulletin.origin == f"row {meta['row']} column 标题"  # the headline's provenance: a column
        assert _squash(_held(document)) == _squash(row["标题"] + row["正文"])
    first = documents[0].bulletins[0]
    # The row's date column gives the year that 3月24日 does not print.
    assert first.dateline is not None and first.dateline.date is not None
    assert first.dateline.date.iso == "2020-03-24" and first.dateline.date.year_inferred
    assert {f.name: f.value for f in documents[1].source.metadata}["date_iso"] == "2020-03-25"


def test_records_multi_line_cells_and_a_body_that_opens_with_its_title() -> None:
    rows = [{"title": "会议指出", "content": "会议指出\n要做好防控，\r\n第二段。", "date": "3/24/2020"}]
    document = bulletins.parse(_csv(rows), source="x.csv", reader="records")
    reading = next(get_reader("records").read(_csv(rows)))
    assert [line.text for line in reading.lines] == ["会议指出", "要做好防控，", "第二段。"]  # one title, not two
    assert {f.name: f.value for f in document.source.metadata}["date_iso"] == "2020-03-24"


def test_records_columns_named_by_options_and_errors_that_name_the_place() -> None:
    data = b"a,b,c\n1,hello,2020-01-02\n"
    reading = next(get_reader("records", text_column="b", date_column="c").read(data))
    assert reading.joined() == "hello" and ("date_iso", "2020-01-02") in [(f.name, f.value) for f in reading.metadata]
    with pytest.raises(ReadError, match=r"x\.csv: row 1: no column 'body' \(columns: a, b, c\)"):
        bulletins.parse(data, source="x.csv", reader="records", reader_options={"text_column": "body"})
    with pytest.raises(ReadError, match=r"line 2: not a JSON object"):
        list(bulletins.parse_many(b'{"text": "a"}\n{"text": \n', source="x.jsonl", reader="records"))
    with pytest.raises(ReadError, match=r"item 2 of the JSON array"):
        list(bulletins.parse_many(b'[{"text": "a"}, {"text": }]', source="x.json", reader="records"))
    with pytest.raises(ReadError, match=r"row 1 \(line 2\): 2 columns in the header but more"):
        list(bulletins.parse_many(b"a,text\n1,2,3\n", source="x.csv", reader="records"))
    bad = b"text\n" + (b"x" * 999 + b"\n") * 1100 + b"\xff\xfe\n"  # past the first MiB, where the codec is chosen
    with pytest.raises(DecodeError, match=r"x\.csv: byte offset 1100005 \(after row \d+\): not valid utf-8"):
        list(get_reader("records").read(bad, source="x.csv"))
    with pytest.raises(ReadError, match=r"line 1: not a JSON object"):
        list(bulletins.parse_many(b"a,b\n1,2\n", source="x.jsonl", reader="records"))
    with pytest.raises(ReadError, match="bad options"):
        get_reader("records", format="xlsx")


def test_records_stream_from_an_mmap(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for k in range(3000):
            out.write(json.dumps({"title": f"标题{k}", "text": "正文" * (k % 50 + 1)}, ensure_ascii=False) + "\n")
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
        readings = get_reader("records").read(mapped)  # type: ignore[arg-type]
        count = sum(1 for _ in readings)
    assert count == 3000


def test_the_dxy_news_dataset_with_multi_line_cells() -> None:
    path = corpus("formats/datasets") / "dxy_DXYNews_first200.csv"
    data = path.read_bytes()
    assert choose_reader(data, path.name) == "records"
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    documents = list(bulletins.parse_many(data, source=path.name))
    assert len(documents) == len(rows) == 200
    for document, row in zip(documents, rows, strict=True):
        meta = {f.name: f.value for f in document.source.metadata}
        # body is empty in every row of this cut; the text is the summary column.
        assert meta["title"] == row["title"].strip() and meta["date"] == row["pubDate"]
        assert meta.get("url", "") == row["sourceUrl"].strip() and meta.get("source", "") == row["infoSource"].strip()
        expected = bulletins.cleaners.clean(row["title"] + row["summary"], bulletins.DEFAULT_CLEANERS)
        assert _squash(_held(document)) == _squash(expected)
        # The title cell is the headline, whole and alone, whatever it ends with (快讯！…, …at risk?, a
        # sentence's 。) and whatever the summary opens with (a reader found 37 of the 200 rows wrong).
        headline = document.bulletins[0].headline
        assert headline is not None and _squash("".join(headline.lines)) == _squash(row["title"])
    assert sum("\n" in row["summary"].strip() for row in rows) > 0  # multi-line cells are in the set


@pytest.mark.parametrize("name", ["covidpolicy_guangzhou_gz-gov-tzgg.csv", "covidpolicy_guangzhou_gz-gov-tzgg.json"])
def test_the_guangzhou_index_a_dataset_of_titles(name: str) -> None:
    path = corpus("formats/datasets") / name
    data = path.read_bytes()
    rows = json.loads(data) if name.endswith(".json") else list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    documents = list(bulletins.parse_many(data, source=name))
    assert len(documents) == len(rows) == 95
    for document, row in zip(documents, rows, strict=True):
        meta = {f.name: f.value for f in document.source.metadata}
        assert meta["title"] == row["title"].strip() and meta["source"] == row["source"]
        assert _squash(_held(document)) == _squash(row["title"])
        assert [d.code for d in document.diagnostics if d.code == "no-text-column"] == ["no-text-column"]
    if name.endswith(".csv"):  # the unnamed pandas index column is not taken for any role
        assert "" in rows[0] and all(f.value != rows[0][""] or f.name == "row" for f in documents[0].source.metadata)


# -- the example plugin ---------------------------------------------------------------------------


def test_the_mht_example_plugin_through_the_cli(tmp_path: Path) -> None:
    require_distribution("bulletins-mht", "examples/bulletins-mht")
    assert "mht" in run("formats").stdout.decode()
    html = f"<html><body><p align=center>{LAW[0]}</p><p>{LAW[1]}</p></body></html>".encode("gb18030")
    page = (
        b"From: <Saved by Windows Internet Explorer 11>\r\nSubject: law\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/related; type="text/html"; boundary="b1"\r\n\r\n--b1\r\n'
        b'Content-Type: text/html; charset="gb2312"\r\nContent-Transfer-Encoding: quoted-printable\r\n'
        b"Content-Location: http://www.example.invalid/law.htm\r\n\r\n" + quopri.encodestring(html) + b"\r\n--b1--\r\n"
    )
    (tmp_path / "law.mht").write_bytes(page)
    result = run("parse", str(tmp_path / "law.mht"), "--to", "json")
    assert result.returncode == 0, result.stderr.decode()
    document = bulletins.loads(result.stdout.decode())
    assert document.source.format == "mht"
    assert ("url", "http://www.example.invalid/law.htm") in [(f.name, f.value) for f in document.source.metadata]
    assert _squash(LAW[0] + LAW[1]) == _squash(_held(document))


def test_soffice_is_found_on_path() -> None:
    assert _soffice.soffice() == (shutil.which("soffice") or shutil.which("libreoffice"))


def test_a_docx_with_a_relationship_to_a_missing_part_is_read_with_a_warning() -> None:
    # formats/docx/simonxinw_dagang1…docx: an image relationship with Target="../NULL" made
    # python-docx refuse the whole file; Word opens it.
    import zipfile

    docx = pytest.importorskip("docx")
    word = docx.Document()
    word.add_paragraph("关于印发考试大纲的通知").alignment = 1
    word.add_paragraph("现将考试大纲印发给你们。")
    plain = io.BytesIO()
    word.save(plain)
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(plain.getvalue())) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                body = body.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    b'relationships/image" Target="../NULL"/></Relationships>',
                )
            target.writestr(info, body)
    document = bulletins.parse(broken.getvalue(), source="broken.docx")
    assert document.bulletins[0].headline is not None
    assert document.bulletins[0].headline.title == "关于印发考试大纲的通知"
    [warning] = [d for d in document.diagnostics if d.code == "broken-relationship"]
    assert "(../NULL)" in warning.message


def test_a_json_object_printed_over_several_lines_is_one_record(tmp_path: Path) -> None:
    # A new user's trial (session 9): one article a file, indented, was refused as bad JSON Lines; so was
    # our own stdout for a dataset (its documents printed one after another).
    one = '{\n  "title": "关于做好春节工作的通知",\n  "content": "各单位要做好工作。"\n}\n'
    (doc,) = bulletins.parse_many(one.encode(), source="art.json")
    assert doc.bulletins[0].headline is not None and doc.bulletins[0].headline.title == "关于做好春节工作的通知"
    two = one + one.replace("春节", "国庆")
    assert len(list(bulletins.parse_many(two.encode(), source="two.json"))) == 2
    with pytest.raises(ReadError, match="line 5: not a JSON object"):  # where the broken object starts
        list(bulletins.parse_many((one + '{\n  "title": \n').encode(), source="bad.json"))
    # A folder walk takes .json files; our own JSON outputs in it are skipped by their marker.
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "art.json").write_text(one, encoding="utf-8")
    assert run("parse", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q").returncode == 0
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["art.row1.json"]
    again = run("parse", str(tmp_path / "out"), "-o", str(tmp_path / "out2"))
    assert "no input files found" in again.stderr.decode() or "skipped" in again.stderr.decode()
