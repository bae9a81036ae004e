"""The attendance table scored against 20 People's Daily files annotated by reading (issue 17).

The expected tables (tests/fixtures/attendance/expected/, written on branch ``annot`` without
running the parser; README.md there gives the conventions) are matched to the rows
:func:`bulletins.attendance` gives, person by person within each file. Name precision must be
at least 0.98; the event date must be right for the people found. Per-field figures are printed
(``pytest -s``) and published in docs/attendance.md.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import cast

import pytest

import bulletins
from bulletins.exporters.attendance import Row

FIXTURES = Path(__file__).parent / "fixtures" / "attendance"

pytestmark = pytest.mark.skipif(
    not (FIXTURES / "expected").is_dir(),
    reason="tests/fixtures/attendance/ (the annotated readouts of branch annot) is not on this branch",
)

# The annotation's date_source names a date read in the item's sentence that introduces the event
# "sentence" as well, and the file-name date "issue"; the table says item and filename.
_DATE_SOURCE = {"item": "sentence", "filename": "issue"}


def _cases() -> list[tuple[str, dict[str, object]]]:
    found = sorted((FIXTURES / "expected").rglob("*.json"))
    return [(str(p.relative_to(FIXTURES / "expected")), json.loads(p.read_text(encoding="utf-8"))) for p in found]


def _table(relative: str) -> list[Row]:
    """Parse one annotated file under its corpus-relative name, as a batch over the corpus names it."""
    data = (FIXTURES / "files" / relative).read_bytes()
    return bulletins.attendance(bulletins.parse(data, source=relative))


def _pairs(expected: list[dict[str, object]], rows: list[Row]) -> tuple[list[tuple[dict[str, object], Row]], int, int]:
    """Match rows to expected rows by name, in source order; return the pairs and the unmatched counts."""
    left = list(expected)
    pairs = []
    extra = 0
    for row in rows:
        match = next((want for want in left if want["name"] == row["name"]), None)
        if match is None:
            extra += 1
            continue
        left.remove(match)
        pairs.append((match, row))
    return pairs, extra, len(left)


def _lines(row: Row) -> list[int]:
    return [int(x) for x in str(row["lines"] or "").split(";") if x]


def score() -> dict[str, float]:
    """Per-field figures over all annotated files (also run by bench/attendance.py --annotated)."""
    found = extra = missing = 0
    right: Counter[str] = Counter()
    for relative, fixture in _cases():
        rows = _table(str(fixture["file"]))
        assert all(row["source"] == fixture["file"] for row in rows), relative
        # An expected file's "rows" is a JSON array of objects (README.md in expected/ gives the shape).
        expected = cast(list[dict[str, object]], fixture["rows"])
        pairs, more, fewer = _pairs(list(expected), rows)
        found += len(pairs)
        extra += more
        missing += fewer
        for want, row in pairs:
            right["event_date"] += want["event_date"] == row["event_date"]
            source = _DATE_SOURCE.get(str(row["date_source"]), row["date_source"])
            right["date_source"] += want["date_source"] == source
            right["verb"] += want["verb"] == row["verb"]
            right["role"] += want["role"] == row["role"]
            right["lines"] += want["lines"] == _lines(row)
            event = str(want["event"] or "")
            got = str(row["event"] or "")
            right["event"] += event == got
            right["event_overlap"] += bool(event and got and (event in got or got in event))
    figures = {
        "rows_expected": float(found + missing),
        "rows_found": float(found + extra),
        "name_precision": found / (found + extra) if found + extra else 1.0,
        "name_recall": found / (found + missing) if found + missing else 1.0,
    }
    for field in ("event_date", "date_source", "verb", "role", "lines", "event", "event_overlap"):
        figures[field] = right[field] / found if found else 1.0
    return figures


def test_name_precision_and_event_dates_on_the_annotated_readouts() -> None:
    figures = score()
    print()
    for key, value in figures.items():
        print(f"  {key:15} {value:.3f}" if value <= 1 else f"  {key:15} {value:.0f}")
    assert figures["name_precision"] >= 0.98
    # Recall as the table gave before issue 17 part 2 (0.81 on these files) or better.
    assert figures["name_recall"] >= 0.81
    # The event date of the people found: checked against the reading, including the dates the
    # reader judged unknowable (a past event with only a year): see docs/attendance.md.
    assert figures["event_date"] >= 0.80
    assert figures["verb"] == 1.0


@pytest.mark.parametrize(("relative", "fixture"), _cases() if (FIXTURES / "expected").is_dir() else [])
def test_every_annotated_file_parses_with_its_issue_year(relative: str, fixture: dict[str, object]) -> None:
    # The file name gives the year (20200224-… → 2020): no row of these files has a year-less date.
    for row in _table(str(fixture["file"])):
        assert row["event_date"] is None or not str(row["event_date"]).startswith("--"), relative
