"""The corpus sample's expected structure is consistent with its texts (tests/fixtures/corpus/README.md).

These checks cannot tell whether a reader's judgement is right; they catch what a slip of the
hand does: a name that is not in the text, a credit on the wrong line, a point whose line does
not print its marker, bulletins out of order, a fixture written for another file.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
FRESH = Path(__file__).parent / "fixtures" / "fresh"
FRESH2 = Path(__file__).parent / "fixtures" / "fresh2"  # the second draw (session 6)
FRESH3 = Path(__file__).parent / "fixtures" / "fresh3"  # the third draw (session 7)
FRESH4 = Path(__file__).parent / "fixtures" / "fresh4"  # the fourth draw (session 8)
DRAWS = (FRESH, FRESH2, FRESH3, FRESH4)
EXPECTED = sorted((CORPUS / "expected").rglob("*.json"))
# The fresh draws' text fixtures (issue 15) follow the same guide, with two more keys.
FRESH_TEXT = sorted(
    p for draw in DRAWS for folder in ("rmrb", "web") for p in (draw / "expected" / folder).rglob("*.json")
)
KEYS = {"lines", "headline", "dateline", "byline", "credits", "attendees", "points", "closing", "speech", "note"}
_WS = re.compile(r"[\s\u3000\xa0]+")


def _squash(text: str) -> str:
    return _WS.sub("", text)


def _lines(name: str, root: Path = CORPUS) -> list[str]:
    text = (root / "files" / name).read_bytes().decode("utf-8").replace("\r\n", "\n")
    return text.split("\n")


def test_every_sampled_file_has_its_expected_structure_and_provenance() -> None:
    with (CORPUS / "SAMPLE.tsv").open(encoding="utf-8") as handle:
        sample = [row["file"] for row in csv.DictReader(handle, delimiter="\t")]
    with (CORPUS / "MANIFEST.tsv").open(encoding="utf-8") as handle:
        manifest = {row["file"] for row in csv.DictReader(handle, delimiter="\t")}
    written = {str(p.relative_to(CORPUS / "expected"))[: -len(".json")] for p in EXPECTED}
    assert len(sample) >= 120 and set(sample) == written == manifest
    assert all((CORPUS / "files" / name).is_file() for name in sample)


def _root(path: Path) -> Path:
    return next(root for root in (CORPUS, *DRAWS) if path.is_relative_to(root))


def _fixture_id(path: Path) -> str:
    root = _root(path)
    return f"{root.name}/{path.relative_to(root / 'expected')}"


@pytest.mark.parametrize("path", EXPECTED + FRESH_TEXT, ids=_fixture_id)
def test_expected_structure_agrees_with_the_text(path: Path) -> None:
    root = _root(path)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    assert data["file"] == str(path.relative_to(root / "expected"))[: -len(".json")]
    lines = _lines(data["file"], root)
    whole = _squash("".join(lines))
    previous_end = 0
    for b in data["bulletins"]:
        assert set(b) >= KEYS, f"missing keys: {KEYS - set(b)}"
        first, last = b["lines"]
        assert 1 <= first <= last <= len(lines) and first >= previous_end, (first, last)
        previous_end = last
        span = _squash("".join(lines[first - 1 : last]))
        for line in b["headline"] or []:
            assert _squash(line).lstrip("#") in span, f"headline line not in the bulletin: {line}"
        if b["dateline"]:
            assert _squash(b["dateline"]["text"]) in whole, b["dateline"]["text"]
        for credit in b["credits"]:
            assert first <= credit["line"] <= last, credit
            held = _squash(lines[credit["line"] - 1])
            for name in credit["names"]:
                assert all(ch in held for ch in name), (name, credit)
        for group in b["attendees"]:
            for name in group["names"]:
                assert _squash(name) in span or name in whole, (name, group["verb"])
        for point in b["points"]:
            assert first <= point["line"] <= last, point
            held = _squash(lines[point["line"] - 1])
            assert _squash(point["marker"] + point["first"]) in held, point
        if b["closing"]:
            for value in (b["closing"].get("issuer"), b["closing"].get("date")):
                assert value is None or _squash(value) in span, value
        if root in DRAWS:
            _check_fresh_keys(b, whole)


DATE_VALUE = re.compile(r"^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|--\d{2}-\d{2})$")
DATE_SOURCES = {"headnote", "closing", "speech", "dateline", "metadata"}


def _check_fresh_keys(b: dict[str, Any], whole: str) -> None:
    """The fresh draw's added keys: ``doc_number`` printed in the text, ``date`` well formed."""
    assert "doc_number" in b and "date" in b, "the fresh draw's fixtures record doc_number and date"
    if b["doc_number"]:
        assert _squash(b["doc_number"]) in whole, b["doc_number"]
    if b["date"]:
        assert DATE_VALUE.match(b["date"]["value"]), b["date"]
        assert b["date"]["source"] in DATE_SOURCES, b["date"]
        if b["date"]["source"] != "metadata":
            assert _squash(b["date"]["text"]) in whole, b["date"]


@pytest.mark.parametrize("draw", DRAWS, ids=lambda d: d.name)
def test_every_fresh_draw_row_has_its_fixture(draw: Path) -> None:
    with (draw / "DRAW.tsv").open(encoding="utf-8") as handle:
        drawn = [row["file"] for row in csv.DictReader(handle, delimiter="\t")]
    written = {str(p.relative_to(draw / "expected"))[: -len(".json")] for p in (draw / "expected").rglob("*.json")}
    assert written == set(drawn), f"drawn but not annotated: {sorted(set(drawn) - written)}"
    texts = [name for name in drawn if name.startswith(("rmrb/", "web/"))]
    assert all((draw / "files" / name).is_file() for name in texts)
