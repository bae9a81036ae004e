"""Accuracy on the formats set (issue 18): PDF, scans, web pages, Word/WPS and OFD files.

``bench/accuracy.py --set formats`` scores :func:`bulletins.parse_file` against the 40 files of
``../shared/corpus/formats`` annotated by reading in ``tests/fixtures/formats`` (see its README).
Here: the scorer itself (on hand-made records, no corpus needed), the scorer on the real set (a
figure per folder), and the same notice printed in two formats giving the same bulletins.
The corpus tests skip when ``../shared/corpus`` (or ``$BULLETINS_CORPUS``) is absent and fail
under ``CI=true``.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import bulletins
from bulletins.model import Document, Point, iter_blocks
from tests.conftest import bench_module

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("BULLETINS_CORPUS", ROOT.parent / "shared" / "corpus"))
FIXTURES = ROOT / "tests" / "fixtures" / "formats"


def _accuracy() -> ModuleType:
    return bench_module("accuracy")


A = _accuracy()


def formats_folder() -> Path:
    """The corpus's formats folder; skipped when absent, a failure under CI=true."""
    path = CORPUS / "formats"
    if not path.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must have the corpus at {CORPUS}")
        pytest.skip(f"the shared corpus is not at {CORPUS} (clone it beside the repository, or set BULLETINS_CORPUS)")
    return path


def _draw() -> list[tuple[str, str]]:
    rows = (FIXTURES / "DRAW.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return [(row.split("\t")[0], row.split("\t")[1]) for row in rows]


# ---------------------------------------------------------------------------------------------
# The scorer, on records made by hand


def _record(headline: str = "", points: list[tuple[str, str]] | None = None, tables: int = 0) -> Any:
    bulletin = {
        "headline": [headline] if headline else [],
        "doc_number": None,
        "dateline": None,
        "byline": [],
        "closing": None,
        "attendees": [],
        "points": [{"marker": m, "first": f} for m, f in (points or [])],
        "tables": tables,
    }
    return A.expected_format_records([bulletin])[0]


def test_every_drawn_file_has_a_fixture_and_scores_perfectly_against_itself() -> None:
    draw = _draw()
    assert len(draw) == 40
    for folder, name in draw:
        data = json.loads((FIXTURES / "expected" / folder / f"{name}.json").read_text(encoding="utf-8"))
        assert data["file"] == f"{folder}/{name}"
        records = A.expected_format_records(data["bulletins"])
        tallies, misses = A.score_format_file(data["file"], records, records)
        assert misses == []
        assert all(t.fp == 0 and t.fn == 0 for t in tallies.values())
        assert tallies["segmentation"].tp == len(data["bulletins"])


def test_points_align_in_order() -> None:
    want = [("第一条", "总则"), ("第二条", "民法调整"), ("（一）", "祖父母、"), ("第三条", "民事主体")]
    # a short expected "first" (a short heading) is a prefix of what the parser keeps after it
    got = [("第一条", "总则第一"), ("第三条", "民事主体"), ("第二条", "民法调整"), ("（一）", "祖父母、")]
    missed, spurious = A.align_points(want, got)
    # 第三条 found before 第二条: the longest order-preserving alignment keeps 第一条, 第二条, （一）
    assert (missed, spurious) == ([3], [1])
    assert A.align_points(want, want) == ([], [])
    assert A.align_points(want, []) == ([0, 1, 2, 3], [])
    assert A.align_points([], want) == ([], [0, 1, 2, 3])
    # the same marker with other text is not the same point
    assert A.align_points([("1.", "建立实习")], [("1.", "建立实验")]) == ([0], [0])


def test_full_width_forms_compare_equal_and_nothing_else_is_folded() -> None:
    want = [_record("工作职责(2018版修订)", [("1.", "审议学院"), ("(1)", "教学督导")])]
    got = [_record("工作职责（2018版修订）", [("1．", "审议 学院"), ("（1）", "教学督导")])]
    tallies, misses = A.score_format_file("x", want, got)
    assert misses == []
    # a CJK radical (U+2EA0, as macOS prints 民) is not the ideograph a reader types
    tallies, misses = A.score_format_file("x", [_record("中华人民共和国民法典")], [_record("中华人\u2ea0共和国民法典")])
    assert tallies["headline"].tp == 0 and tallies["segmentation"].tp == 1


def test_bulletins_pair_by_headline_then_in_order() -> None:
    want = [_record("关于印发实习基地制度的通知"), _record("附件名单")]
    got = [_record("附件 名单"), _record("目录"), _record("关于印发《实习基地制度》的通知")]
    pairs = A.pair_formats(want, got)
    assert [(e.headline if e else None, p.headline if p else None) for e, p in pairs] == [
        ("关于印发实习基地制度的通知", "关于印发《实习基地制度》的通知"),
        ("附件名单", "附件名单"),
        (None, "目录"),
    ]
    # no headline to compare: the order decides
    pairs = A.pair_formats([_record()], [_record("甲"), _record("乙")])
    assert [(e is not None, p.headline if p else None) for e, p in pairs] == [(True, "甲"), (False, "乙")]


def test_split_bulletin_costs_points_but_not_points_file() -> None:
    want = [_record("条例", [("第一条", "为了"), ("第二条", "本条"), ("第三条", "附则")], tables=2)]
    got = [
        _record("条例", [("第一条", "为了")], tables=3),
        _record("第二条本条", [("第二条", "本条"), ("第三条", "附则")]),
    ]
    tallies, _ = A.score_format_file("x", want, got)
    assert (tallies["segmentation"].tp, tallies["segmentation"].fp) == (1, 1)
    assert (tallies["points"].tp, tallies["points"].fn, tallies["points"].fp) == (1, 2, 2)
    assert (tallies["points_file"].tp, tallies["points_file"].fn, tallies["points_file"].fp) == (3, 0, 0)
    assert (tallies["tables"].tp, tallies["tables"].fn, tallies["tables"].fp) == (2, 0, 1)


def test_a_missing_file_is_refused_and_scored_all_missed(tmp_path: Path) -> None:
    result = A.run_formats(tmp_path)  # an empty corpus: every file is missing
    assert len(result["refused"]) == 40
    assert all("not in the corpus" in reason for reason in result["refused"].values())
    assert result["overall"]["segmentation"].prf()[1] == 0.0
    assert result["overall"]["points"].fn == 4567
    assert sum(result["files"].values()) == 40


# ---------------------------------------------------------------------------------------------
# The scorer on the formats set


@pytest.fixture(scope="module")
def measured() -> dict[str, Any]:
    formats_folder()
    result: dict[str, Any] = A.run_formats(CORPUS)
    return result


def test_a_figure_per_format(measured: dict[str, Any]) -> None:
    drawn: dict[str, int] = {}
    for folder, _ in _draw():
        drawn[folder] = drawn.get(folder, 0) + 1
    assert dict(measured["files"]) == drawn == {"pdf-text": 14, "pdf-scanned": 5, "html-pages": 14, "docx": 5, "ofd": 2}
    for stratum in A.FORMAT_STRATA:
        tallies = measured["strata"][stratum]
        # every folder has bulletins, headlines and closings or points to score
        assert tallies["segmentation"].tp + tallies["segmentation"].fn == drawn[stratum]
        assert tallies["segmentation"].prf()[2] is not None
        assert tallies["headline"].prf()[2] is not None
    table = A.table(measured, A.FORMAT_FIELDS, A.FORMAT_STRATA)
    assert "| segmentation |" in table and "pdf-scanned (5)" in table


def test_only_files_without_a_reader_are_refused(measured: dict[str, Any]) -> None:
    # the text PDF and web-page readers exist: none of those files may be refused; the others are
    # refused with a one-line reason naming the file until their readers are merged (OCR, .doc, OFD)
    for name, reason in measured["refused"].items():
        assert name.split("/")[0] in ("pdf-scanned", "docx", "ofd"), (name, reason)
        assert Path(name).name in reason and "\n" not in reason


# Floors a little below the figures measured on 2026-12-01 (docs/accuracy.md, "The formats set"):
# a regression guard, not a target. Raise them when the parser improves.
FLOORS = {
    ("html-pages", "segmentation"): 0.85,
    ("html-pages", "headline"): 0.75,
    ("html-pages", "points_file"): 0.90,
    ("html-pages", "tables"): 0.95,
    # issue 18's text-PDF targets (≥ 0.95), met after the paged title rules (2026-12-06: 1.000 each,
    # points 0.973) with OCR and without; scans are left out (their figures need bulletins[ocr])
    ("pdf-text", "segmentation"): 0.95,
    ("pdf-text", "headline"): 0.95,
    ("pdf-text", "doc_number"): 0.95,
    ("pdf-text", "closing"): 0.95,
    ("pdf-text", "points"): 0.95,
    ("pdf-text", "points_file"): 0.95,
    ("docx", "points_file"): 0.85,
}


@pytest.mark.parametrize(("stratum", "field"), sorted(FLOORS))
def test_no_regression_below_the_measured_figures(measured: dict[str, Any], stratum: str, field: str) -> None:
    f1 = measured["strata"][stratum][field].prf()[2]
    assert f1 is not None and f1 >= FLOORS[(stratum, field)], (stratum, field, f1)


# ---------------------------------------------------------------------------------------------
# The same notice in two formats gives the same bulletins


SAME = {
    "minfadian": ("pdf-text/weilueluo_minfadian.pdf", "docx/weilueluo_minfadian.docx"),
    "xianfa": ("pdf-text/guhhhhaa_xianfa-2018.pdf", "pdf-text/hustnzj_xianfa-2018-macos-quartz.pdf"),
}


def _parse(name: str) -> Document:
    path = formats_folder() / name
    if not path.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must have {path}")
        pytest.skip(f"{path} is not in this corpus")
    return bulletins.parse_file(path)


def _markers(document: Document, pattern: str = "") -> list[str]:
    """Every point's marker in source order (whitespace removed), optionally only those matching *pattern*."""
    out = []
    for b in document.bulletins:
        for block in iter_blocks(b.body):
            if isinstance(block, Point):
                marker = re.sub(r"\s", "", block.marker)
                if re.fullmatch(pattern or ".*", marker):
                    out.append(marker)
    return out


def _headline(document: Document) -> str:
    first = document.bulletins[0].headline
    return "" if first is None else re.sub(r"\s", "", "".join(first.lines))


@pytest.fixture(scope="module")
def pairs() -> dict[str, tuple[Document, Document]]:
    return {key: (_parse(a), _parse(b)) for key, (a, b) in SAME.items()}


@pytest.mark.parametrize("key", sorted(SAME))
def test_same_item_markers(pairs: dict[str, tuple[Document, Document]], key: str) -> None:
    # the （一） items of each article are read alike in both prints (民法典: 374, 宪法: 65)
    a, b = pairs[key]
    items_a, items_b = _markers(a, r"（[一二三四五六七八九十]+）"), _markers(b, r"（[一二三四五六七八九十]+）")
    assert items_a and items_a == items_b


def test_same_section_markers_minfadian(pairs: dict[str, tuple[Document, Document]]) -> None:
    a, b = pairs["minfadian"]
    assert len(_markers(a, r"第.+节")) == 37  # the fixture's 第…节 count (tests/fixtures/formats)
    assert _markers(a, r"第.+节") == _markers(b, r"第.+节")


@pytest.mark.parametrize(
    "key",
    [
        # the .docx's 来源：新华网  2020年06月02日 is page chrome, the title printed again under it residue
        "minfadian",
        # the macOS print's 题注 runs over two lines and no longer joins the headline (lexing/rules/laws.py)
        "xianfa",
    ],
)
def test_same_headline(pairs: dict[str, tuple[Document, Document]], key: str) -> None:
    a, b = pairs[key]
    assert _headline(a) == _headline(b)


@pytest.mark.parametrize(
    # a law's 目录, parts and dateline printed last no longer open bulletins (lexing/rules/contents.py, laws.py)
    "key",
    sorted(SAME),
)
def test_same_bulletins_in_both_formats(pairs: dict[str, tuple[Document, Document]], key: str) -> None:
    a, b = pairs[key]
    annotated = json.loads((FIXTURES / "expected" / f"{SAME[key][1]}.json").read_text(encoding="utf-8"))
    assert len(a.bulletins) == len(b.bulletins) == len(annotated["bulletins"])
