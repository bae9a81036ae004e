"""Chunks for retrieval (issue 17 part 4): every body character in exactly one chunk, never across a bulletin."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bulletins
from bulletins.cli import main
from bulletins.errors import ExportError
from bulletins.exporters.chunks import Chunk, bulletin_chunks, split_text
from bulletins.model import Bulletin, Document, Headline, Paragraph, Point, Source, Subhead, iter_blocks
from tests.conftest import ROOT, SEEDS
from tests.strategies import documents

_WS = re.compile(r"\s+")

NOTICE = "002_58afc2a1a6f5e462.txt"
NOTICE_TITLE = "关于召开院党委理论学习中心组第二次（扩大）学习的通知"


def body_text(bulletin: Bulletin) -> str:
    """The body's text holders depth-first (a point with its marker), whitespace removed."""
    parts = [(b.marker + b.text) if isinstance(b, Point) else b.text for b in iter_blocks(bulletin.body)]
    return _WS.sub("", "".join(parts))


def check(document: Document, max_chars: int) -> list[Chunk]:
    """Assert the chunk invariants for *document*; return its chunks."""
    found = bulletins.chunks(document, max_chars=max_chars)
    start = 0
    for bulletin in document.bulletins:
        own = bulletin_chunks(bulletin, source=document.source.name, max_chars=max_chars)
        assert found[start : start + len(own)] == own  # bulletins in order, never interleaved
        start += len(own)
        # every non-whitespace character of the body, in order, in exactly one chunk
        assert _WS.sub("", "".join(c.text for c in own)) == body_text(bulletin)
        assert [c.number for c in own] == list(range(1, len(own) + 1))
        for chunk in own:
            assert chunk.bulletin == bulletin.id
            assert len(chunk.text) <= max_chars
            assert chunk.text.strip()
            assert chunk.genre == bulletin.genre
            assert chunk.doc_number == bulletin.doc_number
    assert start == len(found)
    return found


@given(documents(), st.integers(1, 60))
def test_every_body_character_in_exactly_one_chunk(document: Document, max_chars: int) -> None:
    check(document, max_chars)


@pytest.mark.parametrize("max_chars", [40, 300, 600, 100_000])
def test_seeds_every_body_character_in_exactly_one_chunk(seed_documents: dict[str, Document], max_chars: int) -> None:
    for document in seed_documents.values():
        for chunk in check(document, max_chars):
            bulletin = next(b for b in document.bulletins if b.id == chunk.bulletin)
            assert bulletin.lines[0] <= chunk.lines[0] <= chunk.lines[1] <= bulletin.lines[1]


def test_notice_points_and_breadcrumbs(seed_documents: dict[str, Document]) -> None:
    # seed 002 lines 1-32, read: a title on two lines, one paragraph, points 一 to 五 (四 with （一） and
    # its eight items, （二）), 落款 党委办公室 / 2020年2月9日.
    found = [c for c in bulletins.chunks(seed_documents[NOTICE], max_chars=300) if c.bulletin == "b1"]
    expected = [
        ((NOTICE_TITLE,), (4, 4), "经院党委研究，决定召开"),
        (
            (NOTICE_TITLE,),
            (5, 10),
            "一、时    间\n2020年2月10日--13日\n二、学习形式\n采取居家自学\n三、参加人员\n学院科级以上干部",
        ),
        ((NOTICE_TITLE,), (11, 11), "四、学习内容"),  # does not fit with its first child's 296 characters
        (
            (NOTICE_TITLE, "四、学习内容"),
            (12, 20),
            "（一）学习内容\n1.习近平在十九届中央纪委四次全会上发表重要讲话；\n2.",
        ),
        ((NOTICE_TITLE, "四、学习内容"), (21, 22), "（二）自学内容\n《党章》"),
        ((NOTICE_TITLE,), (23, 26), "五、相关要求\n1.学院科级以上干部"),
    ]
    assert [(c.breadcrumb, c.lines, c.text[: len(t)]) for c, (_, _, t) in zip(found, expected, strict=True)] == expected
    assert found[5].text.endswith("3.请参加学习的人员做好学习笔记。")
    assert {(c.date, c.issuer, c.agency, c.genre, c.kind) for c in found[1:]} == {
        ("2020-02-09", "党委办公室", None, "notice", "point")
    }
    assert found[0].id == f"{NOTICE}#b1/1"


def test_one_chunk_per_paragraph_or_point_run(seed_documents: dict[str, Document]) -> None:
    found = [c for c in bulletins.chunks(seed_documents[NOTICE], max_chars=100_000) if c.bulletin == "b1"]
    assert [(c.kind, c.lines) for c in found] == [("paragraph", (4, 4)), ("point", (5, 26))]


def test_dispatch_date_and_agency(seed_documents: dict[str, Document]) -> None:
    # seed 000 line 4: 新华社北京9月6日电 — no year printed in the file
    first = bulletins.chunks(seed_documents["000_2d494656d95ed764.txt"])[0]
    assert (first.agency, first.date, first.issuer, first.genre) == ("新华社", "--09-06", None, "dispatch")
    assert first.breadcrumb == (
        "习近平主持召开中央全面深化改革委员会第二十七次会议强调 健全关键核心技术攻关新型举国体制 全面加强资源节约工作",
    )


def _bulletin(*body: Paragraph | Point | Subhead) -> Bulletin:
    return Bulletin(
        id="b1", lines=(1, 40), headline=Headline(lines=("标题",), line_numbers=(1,), title="标题"), body=body
    )


def test_subhead_opens_the_next_chunk_and_names_the_following() -> None:
    bulletin = _bulletin(
        Paragraph(lines=(2, 2), text="导语。"),
        Subhead(lines=(3, 3), text="立即响应 靠前指挥"),
        Paragraph(lines=(4, 4), text="第一段。"),
        Paragraph(lines=(5, 5), text="第二段。"),
    )
    found = bulletin_chunks(bulletin, max_chars=100)
    assert [(c.breadcrumb, c.text, c.kind) for c in found] == [
        (("标题",), "导语。", "paragraph"),
        (("标题", "立即响应 靠前指挥"), "立即响应 靠前指挥\n第一段。", "paragraph"),
        (("标题", "立即响应 靠前指挥"), "第二段。", "paragraph"),
    ]


def test_long_point_labels_its_children() -> None:
    child = Point(lines=(3, 3), marker="（一）", style="（一）", level=2, number=1, text="坚持人民至上。" + "要" * 60)
    bulletin = _bulletin(
        Point(
            lines=(2, 2), marker="一、", style="一、", level=1, number=1, text="总体要求：统筹推进", children=(child,)
        )
    )
    found = bulletin_chunks(bulletin, max_chars=50)
    assert [(c.breadcrumb, c.text) for c in found] == [
        # the heading's own text opens the chunk of its first child, whose breadcrumb names it
        (("标题", "一、总体要求"), "一、总体要求：统筹推进\n（一）坚持人民至上。"),
        # a point split at its sentence end, then cut at the limit: the parts after the first name it too
        (("标题", "一、总体要求", "（一）坚持人民至上"), "要" * 50),
        (("标题", "一、总体要求", "（一）坚持人民至上"), "要" * 10),
    ]


def test_headless_bulletin_has_no_title_in_its_breadcrumb() -> None:
    bulletin = Bulletin(id="b2", lines=(1, 1), body=(Paragraph(lines=(1, 1), text="残段。"),))
    assert bulletin_chunks(bulletin)[0].breadcrumb == ()


@pytest.mark.parametrize(
    ("text", "max_chars", "parts"),
    [
        ("短句。", 10, ["短句。"]),
        ("第一句。第二句！第三句？", 8, ["第一句。第二句！", "第三句？"]),
        ("他说：“好。”然后走了。", 7, ["他说：“好。”", "然后走了。"]),  # the closing quote stays with its sentence
        ("一二三四五六七八九十", 4, ["一二三四", "五六七八", "九十"]),  # no sentence end: cut at the limit
        ("甲；乙；丙", 4, ["甲；乙；", "丙"]),
        ("名称\t数量\n钢材\t12\n水泥\t30", 12, ["名称\t数量\n钢材\t12\n", "水泥\t30"]),  # a table: at row ends
    ],
    ids=["fits", "sentence-ends", "closing-quote", "hard-cut", "semicolons", "table-rows"],
)
def test_split_text(text: str, max_chars: int, parts: list[str]) -> None:
    assert split_text(text, max_chars) == parts
    assert "".join(parts) == text


@pytest.mark.parametrize("bad", [0, -3, "12", True])
def test_bad_max_chars(bad: object) -> None:
    with pytest.raises(ExportError, match="max_chars"):
        bulletins.get_exporter("chunks", max_chars=bad)


def test_exporter_writes_json_lines(seed_documents: dict[str, Document]) -> None:
    document = seed_documents[NOTICE]
    lines = bulletins.get_exporter("chunks", max_chars=300).export(document).splitlines()
    records = [json.loads(line) for line in lines]
    assert records == [c.as_dict() for c in bulletins.chunks(document, max_chars=300)]
    assert records[1]["breadcrumb"] == [NOTICE_TITLE]
    assert records[1]["lines"] == [5, 10]


def test_cli_one_file_for_a_batch(tmp_path: Path) -> None:
    target = tmp_path / "chunks.jsonl"
    assert main(["parse", str(SEEDS), "--to", "chunks", "-o", str(target), "-q", "--option", "max_chars=400"]) == 0
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    expected = [
        c.as_dict()
        for path in sorted(SEEDS.glob("*.txt"))
        for c in bulletins.chunks(bulletins.parse_file(path), max_chars=400)
    ]
    assert records == expected
    assert {r["source"] for r in records} == {p.name for p in SEEDS.glob("*.txt")}
    assert not list(tmp_path.glob(".*.tmp"))


def test_empty_document_has_no_chunks() -> None:
    assert bulletins.chunks(Document(source=Source(name="x"))) == []


CORPUS_FILES = sorted(p for p in (ROOT / "tests" / "fixtures" / "corpus" / "files").rglob("*") if p.is_file())


def test_corpus_sample_every_body_character_in_exactly_one_chunk() -> None:
    # the 166 corpus files of the annotated sample (People's Daily, gov.cn, six other publishers)
    assert len(CORPUS_FILES) > 150
    for path in CORPUS_FILES:
        for document in bulletins.parse_many(path.read_bytes(), source=path.name):
            check(document, 300)
