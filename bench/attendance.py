"""The attendance table over a corpus folder: how many rows, how many dated, duplicates, events.

    python3 bench/attendance.py [FOLDER] [--jobs N] [--limit N] [--csv OUT.csv]

FOLDER defaults to the corpus's rmrb/ (People's Daily). Each file is parsed under its name
relative to the corpus root (``rmrb/2020-05/20200524-01-03.txt``), as ``bulletins parse corpus/
--to attendance -o t.csv`` names it, so the file-name date is available. Files with no attendance
verb in their bytes cannot give a row and are not parsed. Prints:

* rows, and the share with a full-year ``event_date`` (``YYYY-MM-DD``), a year-less one
  (``--MM-DD``) and none, with ``date_source`` and ``year_source`` counts;
* duplicate (bulletin, name) pairs from a headline deck and the body (a row whose lines include
  a headline line, and another row for the same person in the same bulletin);
* rows with an empty ``event``.
"""

from __future__ import annotations

import argparse
import csv
import multiprocessing
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from locate import corpus_dir  # noqa: E402

CORPUS = corpus_dir()
sys.path.insert(0, str(ROOT / "src"))

import bulletins  # noqa: E402
from bulletins.exporters.attendance import COLUMNS, Row  # noqa: E402

T = TypeVar("T")

_VERBS = tuple(v.encode() for v in ("出席", "列席", "参加", "陪同", "主持", "与会", "参观"))


def map_folder(folder: Path, limit: int, jobs: int, one: Callable[[tuple[Path, str]], T]) -> tuple[list[Path], list[T]]:
    """Run *one* on every ``.txt`` under *folder* (the first *limit*, when given) in *jobs* processes.

    Each file is named relative to the corpus root when *folder* is inside it
    (``rmrb/2020-05/20200524-01-03.txt``), so that the file-name date is read. Returns the paths
    and the results in path order. bench/names.py walks the corpus the same way.
    """
    root = folder.parent if folder.resolve().is_relative_to(CORPUS.resolve()) else folder
    paths = sorted(folder.rglob("*.txt"))
    if limit:
        paths = paths[:limit]
    tasks = [(p, p.relative_to(root).as_posix()) for p in paths]
    if jobs > 1:
        with multiprocessing.Pool(jobs) as pool:
            return paths, pool.map(one, tasks, chunksize=16)
    return paths, [one(task) for task in tasks]


def _one(task: tuple[Path, str]) -> tuple[list[Row], int]:
    """The rows of one file, and how many of them are a deck+body duplicate pair."""
    path, name = task
    data = path.read_bytes()
    if not any(verb in data for verb in _VERBS):
        return [], 0
    document = bulletins.parse(data, source=name)
    rows = bulletins.attendance(document)
    headline_lines = {b.id: set(b.headline.line_numbers) for b in document.bulletins if b.headline is not None}
    # A deck mention left as a row of its own while the body names the same person: the duplicate
    # issue 17 asks to remove (another row of the same person at another event is not one).
    deck_only = set()
    in_body = set()
    for row in rows:
        lines = {int(x) for x in str(row["lines"] or "").split(";") if x}
        key = (row["bulletin"], row["name"])
        if lines and lines <= headline_lines.get(str(row["bulletin"]), set()):
            deck_only.add(key)
        else:
            in_body.add(key)
    duplicates = len(deck_only & in_body)
    return rows, duplicates


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=CORPUS / "rmrb")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--csv", type=Path, help="also write the table here")
    args = parser.parse_args(argv)
    paths, results = map_folder(args.folder, args.limit, args.jobs, _one)
    rows = [row for found, _ in results for row in found]
    duplicates = sum(count for _, count in results)
    total = len(rows) or 1
    full = sum(1 for r in rows if r["event_date"] and not str(r["event_date"]).startswith("--"))
    partial = sum(1 for r in rows if str(r["event_date"] or "").startswith("--"))
    print(f"files {len(paths)}, rows {len(rows)}")
    none = len(rows) - full - partial
    day = sum(1 for r in rows if len(str(r["event_date"] or "")) == 10 and not str(r["event_date"]).startswith("--"))
    print(
        f"event_date with a full year {full} ({100 * full / total:.2f}%): to the day {day}, to the month or year only"
    )
    print(f"  {full - day}; year-less (--MM-DD) {partial}; none {none}")
    print("date_source", dict(Counter(str(r["date_source"]) for r in rows).most_common()))
    print("year_source", dict(Counter(str(r["year_source"]) for r in rows).most_common()))
    print(f"old date column year-less (--MM-DD) {sum(1 for r in rows if str(r['date'] or '').startswith('--'))}")
    print(f"deck+body duplicate (bulletin, name) pairs {duplicates}")
    several = Counter((r["source"], r["bulletin"], r["name"]) for r in rows)
    print(f"(bulletin, name) pairs with rows for several events {sum(1 for n in several.values() if n > 1)}")
    print(f"rows with an empty event {sum(1 for r in rows if not r['event'])}")
    print(f"rows with several lines {sum(1 for r in rows if ';' in str(r['lines'] or ''))}")
    if args.csv:
        with args.csv.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(COLUMNS)
            writer.writerows(["" if r[c] is None else r[c] for c in COLUMNS] for r in rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
