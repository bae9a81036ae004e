"""Every bulletin of every seed, against structure decided by reading the texts."""

from __future__ import annotations

from typing import Any

import pytest

from bulletins.model import Document, Point
from tests.fixtures.seeds_expected import SEEDS, cases


def _first_words(document: Document, index: int) -> str:
    block = document.bulletins[index].body[0]
    return block.marker + block.text if isinstance(block, Point) else block.text


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_bulletin_count(seed: str, seed_documents: dict[str, Document]) -> None:
    assert len(seed_documents[seed].bulletins) == len(SEEDS[seed]["bulletins"])


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_residue(seed: str, seed_documents: dict[str, Document]) -> None:
    found = [(r.kind, r.lines[0]) for r in seed_documents[seed].residue]
    assert found == SEEDS[seed]["residue"]


def _case_id(case: tuple[str, int, dict[str, Any]]) -> str:
    return f"{case[0][:3]}-b{case[1] + 1}"


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, id=_case_id(c)) for c in cases()],
)
def test_lines(case: tuple[str, int, dict[str, Any]], seed_documents: dict[str, Document]) -> None:
    seed, index, expected = case
    assert seed_documents[seed].bulletins[index].lines == expected["lines"]


@pytest.mark.parametrize("case", [pytest.param(c, id=_case_id(c)) for c in cases()])
def test_headline_lines(case: tuple[str, int, dict[str, Any]], seed_documents: dict[str, Document]) -> None:
    seed, index, expected = case
    headline = seed_documents[seed].bulletins[index].headline
    if expected["headline"] is None:
        assert headline is None
    else:
        assert headline is not None
        assert list(headline.lines) == expected["headline"]


@pytest.mark.parametrize("case", [pytest.param(c, id=_case_id(c)) for c in cases()])
def test_dateline(case: tuple[str, int, dict[str, Any]], seed_documents: dict[str, Document]) -> None:
    seed, index, expected = case
    dateline = seed_documents[seed].bulletins[index].dateline
    if expected["dateline"] is None:
        assert dateline is None
        return
    assert dateline is not None
    assert dateline.date is not None
    assert (dateline.agency, dateline.place, dateline.date.month, dateline.date.day) == expected["dateline"]


@pytest.mark.parametrize("case", [pytest.param(c, id=_case_id(c)) for c in cases()])
def test_byline(case: tuple[str, int, dict[str, Any]], seed_documents: dict[str, Document]) -> None:
    seed, index, expected = case
    assert list(seed_documents[seed].bulletins[index].byline) == expected.get("byline", [])


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, id=_case_id(c)) for c in cases()],
)
def test_first_words_of_body(case: tuple[str, int, dict[str, Any]], seed_documents: dict[str, Document]) -> None:
    seed, index, expected = case
    assert _first_words(seed_documents[seed], index).startswith(expected["body"])


@pytest.mark.parametrize("case", [pytest.param(c, id=_case_id(c)) for c in cases()])
def test_section(case: tuple[str, int, dict[str, Any]], seed_documents: dict[str, Document]) -> None:
    seed, index, expected = case
    assert seed_documents[seed].bulletins[index].section == expected.get("section")


def test_speech_front_matter(seed_documents: dict[str, Document]) -> None:
    speech = seed_documents["004_2ba47e9fb844da27.txt"].bulletins[0].speech
    assert speech is not None
    assert speech.date is not None
    assert (speech.speaker, speech.date.iso, speech.salutation) == ("习近平", "2020-02-23", "同志们：")


def test_notice_closing(seed_documents: dict[str, Document]) -> None:
    closing = seed_documents["002_58afc2a1a6f5e462.txt"].bulletins[0].closing
    assert closing is not None
    assert closing.date is not None
    assert (closing.issuer, closing.date.iso) == ("党委办公室", "2020-02-09")


def test_wrapped_paragraphs_are_rejoined(seed_documents: dict[str, Document]) -> None:
    # Seed 003 line 21 ends 加强分析研 and line 23 continues 究，必要的防疫举措…
    body = seed_documents["003_eb6abe27dfbda830.txt"].bulletins[0].body
    joined = next(b for b in body if b.lines == (19, 25))
    assert "加强分析研究，必要的防疫举措不能放松" in joined.text
    assert joined.text.endswith("疫情防控屏障。")
    codes = {(d.code, d.line) for d in seed_documents["003_eb6abe27dfbda830.txt"].diagnostics}
    assert ("wrapped-paragraph", 19) in codes


def test_traditional_script_is_detected_and_kept(seed_documents: dict[str, Document]) -> None:
    document = seed_documents["001_cb1989d8750bc7f6.txt"]
    assert document.source.script == "hant"
    assert document.bulletins[0].headline is not None
    assert document.bulletins[0].headline.title == "全省疫情防控工作電視電話會議在廣州召開"


def test_displaced_feature_lede_moves_to_its_feature(seed_documents: dict[str, Document]) -> None:
    # Seed 003: the lede (57–68, with the subhead at 61) is printed before the title (70–74).
    feature = seed_documents["003_eb6abe27dfbda830.txt"].bulletins[3]
    kinds = [(block.type, block.lines[0]) for block in feature.body[:4]]
    assert kinds == [("paragraph", 57), ("paragraph", 59), ("subhead", 61), ("paragraph", 64)]
