"""The corpus database and the chunks against JSON export, over the People's Daily corpus — a script, not a test.

    python3 bench/database.py [CORPUS_DIR/rmrb] [--limit N] [--jobs 1]
    python3 bench/database.py --limit 2000 --rounds 3      # interleaved, medians (the figure to quote)

Drives the CLI in-process (``bulletins.cli.main``), one run after another on the same machine:

1. ``--to json -o DIR``            one JSON file per input (the reference)
2. ``--to jsonl -o corpus.jsonl``  one stream
3. ``--to chunks -o chunks.jsonl`` the chunks for retrieval, one file
4. ``--to sqlite -o corpus.db``    the corpus database, first run
5. the same again                  every file unchanged: skipped
6. full-text phrase queries (FTS5 trigram) on the database, and the same with LIKE

Targets (issue 17): database ≤ 1.3× JSON export; phrase query < 100 ms; second run < 10 % of the
first; chunks ≤ 1.1× JSON export. Figures: docs/database.md, docs/chunks.md.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from locate import corpus_dir  # noqa: E402

sys.path.insert(0, str(ROOT / "src"))

from bulletins.cli import main  # noqa: E402

DEFAULT = corpus_dir() / "rmrb"
PHRASES = ("国务院联防联控", "脱贫攻坚", "人类命运共同体", "粤港澳大湾区", "全面从严治党", "新冠肺炎疫情", "习近平")
QUERY = (
    "SELECT b.title, b.date, k.breadcrumb, k.text FROM blocks_fts JOIN blocks k ON k.id = blocks_fts.rowid"
    " JOIN bulletins b ON b.id = k.bulletin_id WHERE blocks_fts MATCH ?"
)
LIKE = (
    "SELECT b.title, b.date, k.breadcrumb, k.text FROM blocks k JOIN bulletins b ON b.id = k.bulletin_id"
    " WHERE k.text LIKE ?"
)


def subset(corpus: Path, limit: int, into: Path) -> Path:
    """The first *limit* files of *corpus* (sorted), linked into *into* under their relative paths."""
    for path in sorted(corpus.rglob("*.txt"))[:limit]:
        link = into / path.relative_to(corpus)
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(path)
    return into


LOAD = [""]


def _load() -> str:
    """The 1-minute load average (other work on the machine), for the record."""
    return f"{os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "?"


CPU: dict[str, list[float]] = {}


def _cpu() -> float:
    """CPU seconds (user + system) of this process and its finished children (the --jobs workers)."""
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(argv: list[str], key: str | None = None) -> float:
    """Wall seconds of one CLI run; its CPU seconds go to :data:`CPU` under *key* (the format's name)."""
    start, cpu = time.perf_counter(), _cpu()
    status = main(argv)
    elapsed = time.perf_counter() - start
    CPU.setdefault(key or argv[argv.index("--to") + 1], []).append(_cpu() - cpu)
    if status != 0:
        print(f"  (exit status {status})", file=sys.stderr)
    return elapsed


def queries(database: Path, rounds: int = 5) -> list[tuple[str, int, float, float]]:
    """(phrase, hits, median FTS ms, median LIKE ms) for each phrase, warm cache."""
    out = []
    with sqlite3.connect(database) as db:
        for phrase in PHRASES:
            hits = len(db.execute(QUERY, (f'"{phrase}"',)).fetchall())
            fts, like = [], []
            for _ in range(rounds):
                start = time.perf_counter()
                db.execute(QUERY, (f'"{phrase}"',)).fetchall()
                fts.append(time.perf_counter() - start)
                start = time.perf_counter()
                db.execute(LIKE, (f"%{phrase}%",)).fetchall()
                like.append(time.perf_counter() - start)
            out.append((phrase, hits, 1000 * statistics.median(fts), 1000 * statistics.median(like)))
    return out


@contextlib.contextmanager
def _without_fts() -> Iterator[None]:
    """Build databases without the full-text indexes (a measurement only: search is what they are for)."""
    from bulletins.exporters import _sqlschema

    saved = _sqlschema.FTS_TABLES
    _sqlschema.FTS_TABLES = ()
    try:
        yield
    finally:
        _sqlschema.FTS_TABLES = saved


def interleaved(corpus: Path, work: Path, jobs: str, rounds: int, names: list[str]) -> None:
    """Each export *rounds* times, the order reversed every round (load drift cancels); best and medians."""
    common = ["parse", str(corpus), "-q", "--jobs", jobs]
    times: dict[str, list[float]] = {name: [] for name in names}
    timed([*common, "--to", "jsonl", "-o", str(work / "warm.jsonl")])  # imports, grammar, page cache
    for r in range(rounds):
        for name in names if r % 2 == 0 else names[::-1]:
            out = work / f"round{r}-{name}"
            target = out if name == "json" else out.with_suffix(".db" if "sqlite" in name else ".jsonl")
            if name == "sqlite-nofts":  # the database without its full-text indexes: their share of the time
                with _without_fts():
                    times[name].append(timed([*common, "--to", "sqlite", "-o", str(target)], name))
            else:
                times[name].append(timed([*common, "--to", name, "-o", str(target)]))
    best_json, median_json = min(times["json"]), statistics.median(times["json"])
    print(f"\n{rounds} rounds, order reversed every round; ratios to json's best and to its median\n")
    cpu_json = min(CPU["json"][-rounds:])
    print("| run | best s | × json (best) | median s | × json (median) | every round, s | CPU s (best) | × json |")
    print("|---|---|---|---|---|---|---|---|")
    for name in names:
        best, m = min(times[name]), statistics.median(times[name])
        runs = " ".join(f"{t:.2f}" for t in times[name])
        cpu = min(CPU[name][-rounds:])
        print(
            f"| {name} | {best:.2f} | {best / best_json:.2f} | {m:.2f} | {m / median_json:.2f} | {runs}"
            f" | {cpu:.2f} | {cpu / cpu_json:.2f} |"
        )
    if "sqlite" in names:  # the last database: a second run over the unchanged folder, then phrase queries
        database = work / f"round{rounds - 1}-sqlite.db"
        again = timed([*common, "--to", "sqlite", "-o", str(database)])
        first = times["sqlite"][-1]
        print(f"\nsecond run over the unchanged folder: {again:.2f} s, {100 * again / first:.1f} % of that first run")
        _report_database(database)
    print(f"\n(measured {time.strftime('%Y-%m-%d %H:%M')}, load average before/after: {LOAD[0]} / {_load()})")


def _report_database(database: Path) -> None:
    size = database.stat().st_size / 1e6
    with sqlite3.connect(database) as db:
        counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("bulletins", "blocks")}
        segments = db.execute("SELECT count(*) FROM blocks_fts_data WHERE id >= 10").fetchone()[0]
    print(f"database {size:.0f} MB: {counts['bulletins']} bulletins, {counts['blocks']} blocks, {segments} FTS pages")
    print("\n| phrase | hits | FTS5 trigram ms | LIKE ms |\n|---|---|---|---|")
    for phrase, hits, fts, like in queries(database):
        print(f"| {phrase} | {hits} | {fts:.1f} | {like:.1f} |")


def run() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=0, help="only the first N files (sorted)")
    parser.add_argument("--jobs", default="1")
    parser.add_argument("--rounds", type=int, default=0, help="interleaved rounds with medians instead of one pass")
    parser.add_argument(
        "--formats",
        default="json,jsonl,chunks,sqlite",
        help="with --rounds: the exports to compare, json first (sqlite-nofts: no full-text indexes)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-db-") as tmp:
        work = Path(tmp)
        corpus = subset(args.corpus, args.limit, work / "in") if args.limit else args.corpus
        files = list(corpus.rglob("*.txt"))
        megabytes = sum(p.stat().st_size for p in files) / 1e6
        print(f"{len(files)} files, {megabytes:.1f} MB from {args.corpus}, --jobs {args.jobs}")
        if args.rounds:
            LOAD[0] = _load()
            interleaved(corpus, work, args.jobs, args.rounds, args.formats.split(","))
            return
        common = ["parse", str(corpus), "-q", "--jobs", args.jobs]
        runs = {
            "json -o DIR": timed([*common, "--to", "json", "-o", str(work / "json")]),
            "jsonl -o FILE": timed([*common, "--to", "jsonl", "-o", str(work / "corpus.jsonl")]),
            "chunks -o FILE": timed([*common, "--to", "chunks", "-o", str(work / "chunks.jsonl")]),
            "sqlite, first run": timed([*common, "--to", "sqlite", "-o", str(work / "corpus.db")]),
            "sqlite, second run": timed([*common, "--to", "sqlite", "-o", str(work / "corpus.db")]),
        }
        reference = runs["json -o DIR"]
        print("\n| run | seconds | MB/s | × json |\n|---|---|---|---|")
        for name, seconds in runs.items():
            print(f"| {name} | {seconds:.1f} | {megabytes / seconds:.2f} | {seconds / reference:.2f} |")
        second = runs["sqlite, second run"] / runs["sqlite, first run"]
        print(f"\nsecond run / first run: {100 * second:.1f} %")
        chunks = sum(1 for _ in (work / "chunks.jsonl").open(encoding="utf-8"))
        print(f"{chunks} chunks")
        _report_database(work / "corpus.db")
    print(f"\n(measured {time.strftime('%Y-%m-%d %H:%M')} on {os.cpu_count()} cores, runs back to back)")


if __name__ == "__main__":
    run()
