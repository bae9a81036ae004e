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
EXPECTED = sorted((CORPUS / "expected").rglob("*.json"))
KEYS = {"lines", "headline", "dateline", "byline", "credits", "attendees", "points", "closing", "speech", "note"}
_WS = re.compile(r"[\s\u3000\xa0]+")


def _squash(text: str) -> str:
    return _WS.sub("", text)


def _lines(name: str) -> list[str]:
    text = (CORPUS / "files" / name).read_bytes().decode("utf-8").replace("\r\n", "\n")
    return text.split("\n")


def test_every_sampled_file_has_its_expected_structure_and_provenance() -> None:
    with (CORPUS / "SAMPLE.tsv").open(encoding="utf-8") as handle:
        sample = [row["file"] for row in csv.DictReader(handle, delimiter="\t")]
    with (CORPUS / "MANIFEST.tsv").open(encoding="utf-8") as handle:
        manifest = {row["file"] for row in csv.DictReader(handle, delimiter="\t")}
    written = {str(p.relative_to(CORPUS / "expected"))[: -len(".json")] for p in EXPECTED}
    assert len(sample) >= 120 and set(sample) == written == manifest
    assert all((CORPUS / "files" / name).is_file() for name in sample)


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: str(p.relative_to(CORPUS / "expected")))
def test_expected_structure_agrees_with_the_text(path: Path) -> None:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    assert data["file"] == str(path.relative_to(CORPUS / "expected"))[: -len(".json")]
    lines = _lines(data["file"])
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
