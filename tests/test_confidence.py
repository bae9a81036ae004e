"""Confidence (issue 16): every bulletin and its headline, dateline, attendee groups, points and closing.

The model's figures (calibration on leave-one-source-out) are measured by ``bench/train.py
confidence`` and written in docs/accuracy.md; here: the runtime's arithmetic, that every part gets
its own score, the shipped model's size and shape, and the review list.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import attrs
import pytest

import bulletins
from bulletins.confidence import (
    DOUBTS,
    PARTS,
    ConfidenceModel,
    Evidence,
    Logistic,
    bulletin_features,
    review_list,
    shipped,
    with_confidence,
)
from bulletins.model import AttendeeGroup, Diagnostic, Document, Paragraph, Point, Where, iter_blocks

ROOT = Path(__file__).resolve().parents[1]


def test_logistic_arithmetic() -> None:
    model = Logistic(("a", "b"), (1.0, 0.0), (2.0, 1.0), (0.5, -1.0), 0.25)
    # z = 0.25 + 0.5 * (3 - 1) / 2 - 1.0 * (0.5 - 0) / 1 = 0.25
    assert model.probability({"a": 3.0, "b": 0.5, "unknown": 9.0}) == pytest.approx(1 / (1 + math.exp(-0.25)))
    # a value far outside the training range is clipped at ±3 standard deviations
    assert model.probability({"a": 1e9}) == pytest.approx(1 / (1 + math.exp(-(0.25 + 0.5 * 3 + 1.0 * 0))))


def _constant(value: float) -> Logistic:
    return Logistic((), (), (), (), math.log(value / (1 - value)))


def _counting_points() -> ConfidenceModel:
    """A model whose point score grows with the point's number, all else constant."""
    parts = {name: _constant(0.5) for name in PARTS}
    parts["points"] = Logistic(("p:number",), (0.0,), (1.0,), (1.0,), 0.0)
    return ConfidenceModel(parts)


NOTICE = "关于春季防火的通知\n\n一、加强巡查\n（一）每日巡查。\n（二）每周复查。\n二、落实责任\n层层压实责任。\n"


def test_every_part_gets_its_own_score() -> None:
    document = bulletins.parse(NOTICE)
    rescored = with_confidence(document, Evidence(), _counting_points())
    b = rescored.bulletins[0]
    assert b.confidence == 0.5 and b.headline is not None and b.headline.confidence == 0.5
    points = [p for p in iter_blocks(b.body) if isinstance(p, Point)]
    assert [p.marker for p in points] == ["一、", "（一）", "（二）", "二、"]
    want = [round(1 / (1 + math.exp(-math.log1p(p.number))), 4) for p in points]
    assert [p.confidence for p in points] == want  # depth-first: each nested point its own


def test_parse_scores_every_bulletin_and_part() -> None:
    data = (ROOT / "seeds" / "002_58afc2a1a6f5e462.txt").read_bytes()
    document = bulletins.parse(data, source="002.txt")
    assert document.bulletins
    seen = 0
    for b in document.bulletins:
        points = [p for p in iter_blocks(b.body) if isinstance(p, Point)]
        parts = [b, b.headline, b.dateline, b.closing, *b.attendees, *points]  # one display: its type covers Point
        for part in parts:
            if part is not None:
                assert part.confidence is not None and 0.0 <= part.confidence <= 1.0
                seen += 1
    assert seen > len(document.bulletins)
    assert bulletins.loads(bulletins.export(document, "json")) == document  # the field round-trips


def test_shipped_model_is_small_and_complete() -> None:
    path = ROOT / "src" / "bulletins" / "confidence.json"
    assert path.stat().st_size <= 2_000_000
    model = shipped()
    assert set(model.parts) == set(PARTS)
    assert all(m.features for m in model.parts.values())  # trained, not the all-zero bootstrap


def _doc(*scores: float | None) -> Document:
    document = bulletins.parse("标题一\n\n正文第一段，有内容。\n")
    one = document.bulletins[0]
    return attrs.evolve(
        document, bulletins=tuple(attrs.evolve(one, id=f"b{k}", confidence=s) for k, s in enumerate(scores, 1))
    )


def test_review_list_names_files_below_the_threshold_least_sure_first() -> None:
    docs = [("a.txt", _doc(0.95, 0.7)), ("b.txt", _doc(0.99)), ("c.txt", _doc(0.3)), ("d.txt", _doc())]
    assert review_list(docs, 0.8) == [("d.txt", 0.0), ("c.txt", 0.3), ("a.txt", 0.7)]
    assert review_list(docs, 0.2) == [("d.txt", 0.0)]


def test_runtime_scores_equal_the_training_features_scores() -> None:
    """The runtime adds each model's bulletin-level sum once and each part's own features to it;
    bench/train.py scores the merged feature dicts (part_features): both must give the same numbers."""
    from bulletins.confidence import part_features

    data = (ROOT / "seeds" / "002_58afc2a1a6f5e462.txt").read_bytes()
    trace = bulletins.explain(data)
    evidence = Evidence({line: rule for line, rule, _ in trace})
    document = with_confidence(bulletins.parse(data), evidence)
    model = shipped()
    checked = 0
    for k, b in enumerate(document.bulletins):
        parts = part_features(document, k, evidence)
        got: dict[str, list[float | None]] = {
            "bulletin": [b.confidence],
            "headline": [b.headline.confidence] if b.headline else [],
            "dateline": [b.dateline.confidence] if b.dateline else [],
            "closing": [b.closing.confidence] if b.closing else [],
            "attendees": [g.confidence for g in b.attendees],
            "points": [p.confidence for p in iter_blocks(b.body) if isinstance(p, Point)],
        }
        for part, rows in parts.items():
            want = [round(model.parts[part].probability(v), 4) for v in rows]
            assert got[part] == pytest.approx(want, abs=1e-4)
            checked += len(rows)
    assert checked > 50


def test_parsing_needs_no_training_extra() -> None:
    """The shipped runtime is pure Python: parse works with numpy and python-crfsuite unimportable."""
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['numpy'] = None; sys.modules['pycrfsuite'] = None\n"
        "import bulletins\n"
        "b = bulletins.parse('关于做好春季防火工作的通知\\n\\n各单位要做好春季防火工作。\\n').bulletins[0]\n"
        "assert 0 <= b.confidence <= 1, b.confidence\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


# --------------------------------------------------------------------------------------------
# Doubts: signs that the rules saw something and did not take it (bulletin_features' doubt=…).


def _one(*blocks: Any, **changes: Any) -> Document:
    """A parsed one-bulletin document whose bulletin is given *blocks* (lines 1-9) and *changes*."""
    document = bulletins.parse("标题\n\n正文。\n")
    fields: dict[str, Any] = {"lines": (1, 9), "body": tuple(blocks), "attendees": ()} | changes
    b = attrs.evolve(document.bulletins[0], **fields)
    return attrs.evolve(document, bulletins=(b,), diagnostics=(), residue=())


def _para(text: str, line: int = 3) -> Paragraph:
    return Paragraph(lines=(line, line), text=text)


def _doubts_of(document: Document, evidence: Evidence | None = None) -> set[str]:
    f = bulletin_features(document, 0, evidence or Evidence())
    found = {name.removeprefix("doubt=") for name, value in f.items() if name.startswith("doubt=") and value}
    assert f["doubts"] == len(found) and found <= set(DOUBTS)
    return found


def test_a_plain_bulletin_shows_no_doubt() -> None:
    assert _doubts_of(_one(_para("会议研究了春季防火工作，部署了下一步任务。"))) == set()


@pytest.mark.parametrize(
    ("text", "doubt"),
    [
        ("本版图片均为资料照片。摄影：王明", "unread-credit"),
        ("攝影：陳大文", "unread-credit"),  # Traditional forms are listed beside the Simplified ones
        ("各位代表：现在，我代表省人民政府作报告。", "unread-salutation"),
        ("我们要做到三点。第一，抓落实。第二，抓督查。", "unread-enumeration"),
        ("李明、王强出席会议。", "unread-attendance"),
        ("李明、王強參加會議。", "unread-attendance"),
    ],
)
def test_text_the_rules_left_unread_is_a_doubt(text: str, doubt: str) -> None:
    assert _doubts_of(_one(_para(text))) == {doubt}


def test_an_attendance_sentence_read_into_a_group_is_no_doubt() -> None:
    text = "李明、王强出席会议。"
    group = AttendeeGroup(verb="出席", names=("李明", "王强"), text=text, where=Where(block="body/0", start=0, end=10))
    assert _doubts_of(_one(_para(text), attendees=(group,))) == set()
    elsewhere = AttendeeGroup(verb="出席", names=("李明",), text=text, where=Where(block="body/1", start=0, end=10))
    assert _doubts_of(_one(_para(text), attendees=(elsewhere,))) == {"unread-attendance"}


@pytest.mark.parametrize("name", ["陈飘是", "周三", "先生", "則批評郭榮鏗惡意解讀規則"])
def test_an_attendee_name_shaped_like_a_clause_or_a_word_is_a_doubt(name: str) -> None:
    group = AttendeeGroup(verb="出席", names=(name,))
    assert _doubts_of(_one(_para("会议召开。"), attendees=(group,))) == {"odd-attendee"}


@pytest.mark.parametrize("name", ["李明", "艾力更·依明巴海", "欧阳明高"])
def test_an_ordinary_attendee_name_is_no_doubt(name: str) -> None:
    group = AttendeeGroup(verb="出席", names=(name,))
    assert _doubts_of(_one(_para("会议召开。"), attendees=(group,))) == set()


def test_a_numbered_point_is_no_doubt() -> None:
    point = Point(lines=(3, 3), marker="一、", style="一、", level=1, number=1, text="要抓落实。")
    assert _doubts_of(_one(point)) == set()


def test_the_lexers_diagnostics_and_rules_inside_the_bulletin_are_doubts() -> None:
    document = _one(_para("正文。"))
    inside = (Diagnostic(code="headless-bulletin", line=4), Diagnostic(code="wrapped-paragraph", line=5))
    outside = (Diagnostic(code="headless-bulletin", line=20),)
    assert _doubts_of(attrs.evolve(document, diagnostics=inside + outside)) == {"headless", "wrapped"}
    assert _doubts_of(attrs.evolve(document, diagnostics=outside)) == set()
    evidence = Evidence({3: "caption", 4: "marked subhead", 5: "residue line", 30: "caption"})
    assert _doubts_of(document, evidence) == {"caption", "marked-subhead", "residue-line"}


def test_the_shipped_model_weighs_the_doubts() -> None:
    """Trained with the doubts: their count lowers a bulletin's confidence, all else equal."""
    model = shipped().parts["bulletin"]
    assert "doubts" in model.features and all(f"doubt={name}" in model.features for name in DOUBTS)
    document = _one(_para("会议研究了春季防火工作。"))
    plain = bulletin_features(document, 0, Evidence())
    doubtful = plain | {"doubts": 3.0}
    assert model.probability(doubtful) < model.probability(plain)


def test_the_bulletin_models_penalties_are_chosen_leave_one_source_out() -> None:
    """bench/train.py chooses the penalties from its grid by the AUC of an inner leave-one-source-out.

    Four sources; in each, a doubt marks the wrong bulletins and the shape feature is noise. Every
    setting ranks them, the choice is one of the grid, the same on a rerun, and it is written with
    the model (so a shipped ``confidence.json`` says how it was fitted).
    """
    from tests.conftest import bench_module, require_module

    require_module("numpy", "train")
    train = bench_module("train")
    examples = [
        train.Example("bulletin", {"doubt=x": float(k % 4 == 0), "doubts": float(k % 4 == 0), "lines": (k * 7) % 5},
                      k % 4 != 0, f"s{k % 3}", f"f{k}")
        for k in range(60)
    ]  # fmt: skip
    sources = ["s0", "s1", "s2"]
    chosen = train.choose_penalties(examples, sources)
    assert chosen in train.PENALTY_GRID and train.choose_penalties(examples, sources) == chosen
    data = train.fit_all(examples, chosen)
    assert data["penalties"] == dict(zip(("shape", "doubts", "doubt"), chosen, strict=True))
    assert train.bulletin_l2(chosen)("doubts") == chosen[1] and train.bulletin_l2(chosen)("doubt=x") == chosen[2]
    assert shipped().parts["bulletin"].features  # the shipped file still reads
