"""The labeller seam (issue 16): line labels derived from fixtures, the CRF's pure-Python runtime, relabelling.

``bench/train.py`` derives a label per line from the reading-made fixtures and trains the CRF
with python-crfsuite (the ``train`` extra, not needed here); :class:`CrfModel` runs the exported
weights in pure Python. The marginals are checked against brute-force enumeration of every label
sequence, so the forward-backward is right whatever model is loaded.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from bulletins.lexing import lex
from bulletins.lexing.labeller import LABELS, CrfLabeller, CrfModel, line_features, rule_terminals
from bulletins.lexing.lines import Raw
from bulletins.script import shadow
from tests.conftest import bench_module, require_module, shared_corpus

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def train() -> ModuleType:
    return bench_module("train")


# A notice written for this test; each line's label below was decided by reading it.
NOTICE = "\n".join(
    [
        "",  # 1: blank
        "关于做好春季防火工作的通知",  # 2: headline
        "新华社北京2月9日电",  # 3: dateline
        "加强组织领导",  # 4: body (a subhead: the fixtures do not annotate subheads)
        "一、加强巡查。各单位要每日巡查。",  # 5: point
        "二、落实责任。层层压实责任。",  # 6: point
        "本报记者  李  舸摄",  # 7: credit
        "国务院办公厅",  # 8: closing (issuer)
        "2020年2月9日",  # 9: closing (date)
        "",  # 10
        "相关链接",  # 11: outside (no bulletin)
    ]
)
FIXTURE: list[dict[str, Any]] = [
    {
        "lines": [2, 9],
        "headline": ["关于做好春季防火工作的通知"],
        "dateline": {"text": "新华社北京2月9日电", "agency": "新华社", "place": "北京", "month": 2, "day": 9},
        "byline": [],
        "credits": [{"role": "摄影", "names": ["李舸"], "line": 7}],
        "attendees": [],
        "points": [{"line": 5, "marker": "一、", "first": "加强"}, {"line": 6, "marker": "二、", "first": "落实"}],
        "closing": {"issuer": "国务院办公厅", "date": "2020年2月9日"},
        "speech": None,
    }
]


def _raws(train: ModuleType, text: str) -> list[Raw]:
    case = train.Case("test.txt", "test", text.encode("utf-8"), FIXTURE)
    return list(train.lexed(case).raws)


def test_line_labels_follow_the_fixture(train: ModuleType) -> None:
    raws = _raws(train, NOTICE)
    labels = train.line_labels(raws, FIXTURE)
    by_line = {raw.number: label for raw, label in zip(raws, labels.label, strict=True)}
    assert by_line == {
        2: "headline",
        3: "dateline",
        4: "body",
        5: "point",
        6: "point",
        7: "credit",
        8: "closing",
        9: "closing",
        11: "outside",
    }
    assert labels.unmatched == []
    # 加强组织领导 is a short body line: subhead or short paragraph is not decided by the fixture.
    assert [raws[k].number for k in sorted(labels.undecided)] == [4]


def test_a_label_no_line_holds_is_reported(train: ModuleType) -> None:
    wrong = [dict(FIXTURE[0], headline=["另一个标题"])]
    raws = _raws(train, NOTICE)
    labels = train.line_labels(raws, wrong)
    assert labels.unmatched == ["headline: 另一个标题"]
    assert "headline" not in labels.label


def test_fixture_labels_reach_every_source(train: ModuleType) -> None:
    """Every leave-one-source-out source has fixture files, their headlines are found on lines, and every
    short body line the fixtures leave undecided has its kind decided by reading (SHORT_LINES.tsv)."""
    cases = train.cases()
    assert {c.source for c in cases} == set(train.SOURCES)
    names = [c.name for c in cases]
    by_draw = [sorted(n for n in names if n.startswith(f"{d.name}/")) for d in train.LABELLED_DRAWS]
    assert all(by_draw)  # every labelled draw gives files
    sample = sorted(set(names) - {n for draw in by_draw for n in draw})
    assert names == sample + [n for draw in by_draw for n in draw]  # deterministic order
    assert train.HELD_OUT not in train.LABELLED_DRAWS
    assert not any(n.startswith(f"{train.HELD_OUT.name}/") for n in names)  # the held-out draw trains nothing
    found = missed = 0
    decided = train.short_line_decisions()
    assert decided and set(decided.values()) <= set(train.SHORT_KINDS)
    open_lines = []
    for case in cases:
        lexed = train.lexed(case)
        labels = train.line_labels(lexed.raws, case.bulletins)
        found += labels.label.count("headline")
        missed += sum(m.startswith("headline:") for m in labels.unmatched)
        for k in labels.undecided:  # the short lines the fixture leaves open are decided by reading
            key = (case.name, lexed.raws[k].number, train._squash(lexed.raws[k].text))
            if key not in decided:
                open_lines.append(key)
    assert missed <= 0.03 * (found + missed)
    assert not open_lines, f"short lines to decide in {train.SHORT_LINES.name}: {open_lines[:5]}"


def test_paged_line_labels_of_an_ofd(train: ModuleType) -> None:
    """A paged fixture has no line numbers: its labels come from finding its text in order.

    The expected labels were decided by reading the OFD (its two pages' Content.xml TextCode
    elements): 发文机关标志, 发文字号, title, 主送, three paragraphs, page number; on page 2 the
    落款's issuer and date, the 版记 imprint (issuer + date + 印发), page number.
    """
    corpus = shared_corpus("formats").parent
    name = "formats/ofd/ofdrw_n_luqiao-weisheng-pifu.ofd"
    (case,) = [c for c in train.paged_cases(draws=(), corpus=corpus) if c.name == name]
    assert case.paged and case.source == "formats"
    lexed = train.lexed(case)
    labels = train.paged_line_labels(lexed.raws, case.bulletins, case.chrome)
    got = {train._squash(raw.text): label for raw, label in zip(lexed.raws, labels.label, strict=True)}
    assert got["测试符路桥区卫生局文件"] == "outside"  # the masthead stands above the bulletin's start
    assert got["路卫发〔2011〕76号"] == "body"  # the doc_number line starts the bulletin
    assert got["关于同意张阿三同志辞职的批复"] == "headline"
    assert got["区中医院："] == "body"
    assert got["—1—"] == got["—2—"] == "outside"  # page numbers
    assert got["测试符路桥区卫生局办公室"] == got["2011年3月10日"] == "closing"
    assert got["测试符路桥区卫生局办公室2011年3月10日印发"] == "body"  # the 版记 imprint is not the closing
    assert labels.unmatched == []
    undecided = {train._squash(lexed.raws[k].text) for k in labels.undecided}
    assert "路卫发〔2011〕76号" not in undecided  # the fixture decides the doc_number line
    assert "测试符路桥区卫生局办公室2011年3月10日印发" in undecided


def test_paged_cases_without_scans_leave_out_the_held_out_draw(train: ModuleType) -> None:
    corpus = shared_corpus("formats").parent
    cases = train.paged_cases(corpus=corpus, scans=False)
    names = [c.name for c in cases]
    assert cases and {c.source for c in cases} == set(train.PAGED_SOURCES)
    assert not any("pdf-scanned" in n for n in names)
    assert not any(n.startswith(f"{train.HELD_OUT.name}/") for n in names)
    assert names == sorted(n for n in names if n.startswith("formats/")) + [
        n for d in train.LABELLED_DRAWS for n in sorted(n for n in names if n.startswith(f"{d.name}/"))
    ]
    decided = train.short_line_decisions()
    open_lines, missed, found = [], 0, 0
    for case in cases:
        lexed = train.lexed(case)
        labels = train.paged_line_labels(lexed.raws, case.bulletins, case.chrome)
        found += labels.label.count("headline")
        missed += len(labels.unmatched)
        for k in labels.undecided:  # every short line the fixture leaves open is decided by reading
            key = (case.name, lexed.raws[k].number, train._squash(lexed.raws[k].text))
            if key not in decided:
                open_lines.append(key)
    assert missed <= 3  # each read: a point the PDF splits mid-word, an OCR layer's cut-off date
    assert not open_lines, f"short lines to decide in {train.SHORT_LINES.name}: {open_lines[:5]}"


# The one- and two-page scans: OCR takes seconds a page, so the test reads these three of the nine
# (`bench/train.py labels --check` reads all nine).
_SMALL_SCANS = ("2018-8_", "2018-9_", "2019-4_")


def test_scans_are_paged_cases_read_by_ocr_with_every_short_line_decided(
    train: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    require_module("rapidocr_onnxruntime", "ocr")
    monkeypatch.delenv("BULLETINS_OCR", raising=False)
    corpus = shared_corpus("formats").parent
    without = {c.name for c in train.paged_cases(corpus=corpus, scans=False)}
    scans = [c for c in train.paged_cases(corpus=corpus, scans=True) if c.name not in without]
    assert len(scans) == 9 and all(c.ocr and "pdf-scanned" in c.name for c in scans)
    decided = train.short_line_decisions()
    small = [c for c in scans if any(part in c.name for part in _SMALL_SCANS)]
    assert len(small) == 3
    for case in small:
        lexed = train.lexed(case)
        labels = train.paged_line_labels(lexed.raws, case.bulletins, case.chrome)
        assert labels.unmatched == [], case.name
        assert {"headline", "point", "closing"} <= set(labels.label), case.name
        for k in labels.undecided:
            key = (case.name, lexed.raws[k].number, train._squash(lexed.raws[k].text))
            assert key in decided, f"{case.name}: short line to decide in {train.SHORT_LINES.name}: {key}"


def _tiny_model() -> CrfModel:
    labels = ("headline", "body", "outside")
    state = {"a": {0: 1.5, 1: -0.5}, "b": {1: 2.0}, "c": {2: 0.7, 0: 0.2}}
    transitions = ((0.3, 1.0, -1.0), (-2.0, 0.8, 0.1), (0.5, -0.3, 0.0))
    return CrfModel(labels, state, transitions)


def test_marginals_match_brute_force() -> None:
    model = _tiny_model()
    features = [["a"], ["a", "c"], ["b"], ["c", "zzz"]]
    got = model.marginals(features)
    size = len(model.labels)
    weights: dict[tuple[int, ...], float] = {}
    for path in itertools.product(range(size), repeat=len(features)):
        total = sum(model.state.get(f, {}).get(path[t], 0.0) for t in range(len(features)) for f in features[t])
        total += sum(model.transitions[a][b] for a, b in itertools.pairwise(path))
        weights[path] = math.exp(total)
    z = sum(weights.values())
    for t in range(len(features)):
        for j in range(size):
            want = sum(w for path, w in weights.items() if path[t] == j) / z
            assert got[t][j] == pytest.approx(want, rel=1e-9)
    assert model.marginals([]) == []


def _model_saying(label: str) -> CrfModel:
    """A model that gives every line *label* with probability ~1."""
    index = LABELS.index(label)
    transitions = tuple(tuple(0.0 for _ in LABELS) for _ in LABELS)
    return CrfModel(LABELS, {"short": {index: 30.0}, "kind=para": {index: 30.0}}, transitions)


def test_crf_labeller_turns_a_sure_body_line_into_a_paragraph() -> None:
    text = "春季防火\n各单位要每日巡查，落实责任。"
    raws = _lexed_raws(text)
    assert [r.kind for r in raws] == ["short", "para"]
    relabelled = CrfLabeller(_model_saying("body"))(raws, None)
    assert [r.kind for r in relabelled] == ["para", "para"]
    assert [r.text for r in relabelled] == [r.text for r in raws]  # nothing lost
    tokens, _ = lex(text, shadow(text), labeller=CrfLabeller(_model_saying("body")))
    assert "HEADLINE_START" not in [t.type for t in tokens]
    tokens, _ = lex(text, shadow(text))
    assert tokens[0].type == "HEADLINE_START"


def test_crf_labeller_leaves_rules_alone_when_unsure() -> None:
    raws = _lexed_raws("春季防火\n各单位要每日巡查，落实责任。")
    unsure = CrfModel(LABELS, {}, tuple(tuple(0.0 for _ in LABELS) for _ in LABELS))
    assert CrfLabeller(unsure)(raws, None) == raws


def _lexed_raws(text: str) -> list[Raw]:
    seen: list[Raw] = []

    def grab(raws: list[Raw], hints: object) -> list[Raw]:
        seen.extend(raws)
        return raws

    lex(text, shadow(text), labeller=grab)
    return seen


def test_line_features_are_generic() -> None:
    raws = _lexed_raws("春季防火\n\n各单位要每日巡查，落实责任。")
    features = line_features(raws, None, rule_terminals(raws))
    assert "kind=short" in features[0] and "short" in features[0] and "gap_after=2" in features[0]
    assert "rule=HEADLINE_START" in features[0] and "1:kind=para" in features[0]
    assert "last=stop" in features[1] and "clause=1" in features[1] and "-1:kind=short" in features[1]
