"""Throughput, scaling, memory and linearity of bulletins — a script, not a test (DESIGN §7).

    python bench/bench.py                 # the full run (≈ 15 minutes on 2 cores)
    python bench/bench.py --quick         # smaller sizes, for a smoke run
    python bench/bench.py --only cli      # the batch command over the rmrb corpus, --jobs 1 vs 2, twice

Throughput is end to end, bytes → Document → JSON and → TEI, on one core, reported as a ratio
to a floor measured in the same run: decode UTF-8 + split lines + one compiled regex match per
line. Rounds alternate floor / JSON / TEI so that machine drift cancels; medians are reported.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import bulletins  # noqa: E402
from bulletins.batch import Job, run  # noqa: E402

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
_FLOOR_RE = re.compile(r"^(?:新华社|本报)\S*?电")


def corpus(megabytes: float) -> list[bytes]:
    """Seed files repeated until the corpus holds *megabytes* of input."""
    seeds = [p.read_bytes() for p in SEEDS]
    out: list[bytes] = []
    size = 0
    while size < megabytes * 1e6:
        data = seeds[len(out) % len(seeds)]
        out.append(data)
        size += len(data)
    return out


def floor(files: list[bytes]) -> None:
    for data in files:
        for line in data.decode("utf-8").split("\n"):
            _FLOOR_RE.match(line)


def to_json(files: list[bytes]) -> None:
    exporter = bulletins.get_exporter("json")
    for data in files:
        exporter.export(bulletins.parse(data))


def to_tei(files: list[bytes]) -> None:
    exporter = bulletins.get_exporter("tei")
    for data in files:
        exporter.export(bulletins.parse(data))


def to_html(files: list[bytes]) -> None:
    from bulletins.exporters.html import review_page
    from bulletins.pipeline import source_text

    for data in files:
        review_page(bulletins.parse(data), source_text(data))


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def throughput(megabytes: float, rounds: int) -> dict[str, float]:
    files = corpus(megabytes)
    size = sum(map(len, files)) / 1e6
    bulletins.parse(files[0])  # warm up: grammar, tables
    times: dict[str, list[float]] = {"floor": [], "json": [], "tei": [], "html": []}
    for _ in range(rounds):
        for name, work in (("floor", floor), ("json", to_json), ("tei", to_tei), ("html", to_html)):
            times[name].append(timed(functools.partial(work, files)))
    medians = {name: statistics.median(values) for name, values in times.items()}
    return {
        "input_mb": round(size, 1),
        "floor_mb_s": round(size / medians["floor"], 1),
        "json_mb_s": round(size / medians["json"], 2),
        "tei_mb_s": round(size / medians["tei"], 2),
        "json_ratio": round(medians["json"] / medians["floor"], 1),
        "tei_ratio": round(medians["tei"] / medians["floor"], 1),
        "html_mb_s": round(size / medians["html"], 2),
        "html_ratio": round(medians["html"] / medians["floor"], 1),
    }


def scaling(megabytes: float) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        jobs = []
        for k, data in enumerate(corpus(megabytes)):
            path = Path(tmp) / f"{k:05d}.txt"
            path.write_bytes(data)
            jobs.append(Job(label=str(path), name=path.name, path=path, stem=path.with_suffix("")))
        result = {}
        for processes in (1, 2):

            def work(p: int = processes) -> None:
                list(run(jobs, formats=["json"], processes=p))

            seconds = timed(work)
            result[f"jobs{processes}_s"] = round(seconds, 2)
        result["speedup"] = round(result["jobs1_s"] / result["jobs2_s"], 2)
        return result


def cli_scaling(folder: Path, rounds: int, counts: list[int]) -> dict[str, object]:
    """``bulletins parse FOLDER -o TMP -q --jobs N`` in this process, N alternating, *rounds* times.

    Each run reports its wall time and the CPU time of the parent (this process: the walk, the
    dispatch, the summary) and of the workers (parsing, exporting, writing). On a machine shared
    with other work the wall times are noisy but the CPU times are not, so the speed-up on an idle
    machine of ``cores`` cores is also given by a model: a run takes at least its parent's CPU
    time, its workers' CPU time spread over min(N, cores) of them, and all CPU over the cores.
    """
    import resource

    from bulletins.cli import main as cli

    runs: list[dict[str, float]] = []
    for _ in range(rounds):
        for n in counts:
            with tempfile.TemporaryDirectory() as out:
                self0, kids0 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.perf_counter()
                extra = ["--timeout", "0"] if n == 0 else []
                cli(["parse", str(folder), "-o", out, "-q", "--jobs", str(max(n, 1)), *extra])
                wall = time.perf_counter() - start
                self1, kids1 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
            parent = self1.ru_utime - self0.ru_utime + self1.ru_stime - self0.ru_stime
            workers = kids1.ru_utime - kids0.ru_utime + kids1.ru_stime - kids0.ru_stime
            runs.append(
                {
                    "jobs": n,
                    "wall_s": round(wall, 2),
                    "parent_cpu_s": round(parent, 2),
                    "workers_cpu_s": round(workers, 2),
                }
            )
            print(runs[-1], flush=True)

    def model(run: dict[str, float], cores: int) -> float:
        n = max(int(run["jobs"]), 1)
        p, w = run["parent_cpu_s"], run["workers_cpu_s"]
        return max(p, w / min(n, cores), (p + w) / cores)

    result: dict[str, object] = {"files": sum(1 for p in folder.rglob("*") if p.is_file()), "runs": runs}
    by = {n: [r for r in runs if r["jobs"] == n] for n in counts}
    for n in counts:
        result[f"jobs{n}_wall_s"] = [r["wall_s"] for r in by[n]]
    if 1 in by and 2 in by:
        # The fastest run of each is the one least disturbed by other work on the machine.
        best = min(r["wall_s"] for r in by[1]) / min(r["wall_s"] for r in by[2])
        result["speedup_2_best_of_each"] = round(best, 2)
        result["speedup_2_measured"] = [round(a["wall_s"] / b["wall_s"], 2) for a, b in zip(by[1], by[2], strict=True)]
        result["speedup_2_model_2cores"] = [
            round(model(a, 2) / model(b, 2), 2) for a, b in zip(by[1], by[2], strict=True)
        ]
    if 1 in by and 4 in by:
        result["speedup_4_model_4cores"] = [
            round(model(a, 4) / model(b, 4), 2) for a, b in zip(by[1], by[4], strict=True)
        ]
    return result


_STREAM = """
import sys
from pathlib import Path
sys.path.insert(0, {src!r})
from bulletins.batch import Job, run
paths = sorted(Path({folder!r}).glob('*.txt'))
jobs = (Job(label=str(p), name=p.name, path=p, stem=p.with_suffix('')) for p in paths)
with open({out!r}, 'w', encoding='utf-8') as sink:
    for result in run(jobs, formats=['jsonl'], processes=1):
        for _, text in result.outputs:
            sink.write(text)
# VmHWM is this process's own peak RSS; ru_maxrss would include the parent's at fork time.
print([line.split()[1] for line in open('/proc/self/status') if line.startswith('VmHWM')][0])
"""


def streaming_rss(megabytes: float) -> int:
    """Peak RSS (KiB) of one process streaming a corpus of *megabytes* to JSONL."""
    with tempfile.TemporaryDirectory() as tmp:
        for k, data in enumerate(corpus(megabytes)):
            (Path(tmp) / f"{k:05d}.txt").write_bytes(data)
        code = _STREAM.format(src=str(ROOT / "src"), folder=tmp, out=os.path.join(tmp, "out.jsonl"))
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        return int(done.stdout.strip().splitlines()[-1])


def linearity(small_bytes: int) -> dict[str, float]:
    """Time for a 10x longer single line (the DESIGN's 15 MB line at full size)."""
    sentence = "会议强调，要坚持人民至上，省领导林克庆、张福海参加会议。"
    repeats = max(1, small_bytes // len(sentence.encode()))
    small, large = (sentence * repeats).encode(), (sentence * repeats * 10).encode()
    bulletins.parse(small)
    t_small = min(timed(lambda: bulletins.parse(small)) for _ in range(3))
    t_large = timed(lambda: bulletins.parse(large))
    return {"long_line_mb": round(len(large) / 1e6, 1), "long_line_x10_time_ratio": round(t_large / t_small, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes for a smoke run")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument(
        "--only",
        default="throughput,scaling,linearity,memory",
        help="comma-separated phases to run (also: cli, the batch command over --corpus)",
    )
    parser.add_argument(
        "--corpus",
        default="/work/shared/corpus/rmrb",
        help="folder the cli phase parses (default: the People's Daily corpus, 10 250 files)",
    )
    parser.add_argument(
        "--cli-jobs", default="1,2", help="the cli phase's --jobs values, run in turn (0: in-process, no --timeout)"
    )
    parser.add_argument("--rounds", type=int, default=2, help="rounds of the cli phase")
    args = parser.parse_args()
    quick = args.quick
    phases = set(args.only.split(","))
    results: dict[str, object] = {}
    if "throughput" in phases:
        print("throughput (one core) …", flush=True)
        results["throughput"] = throughput(2 if quick else 20, 3 if quick else 5)
        print(results["throughput"], flush=True)
    if "scaling" in phases:
        print("scaling --jobs 1 vs 2 …", flush=True)
        results["scaling"] = scaling(4 if quick else 40)
        print(results["scaling"], flush=True)
    if "cli" in phases:
        folder = Path(args.corpus)
        print(f"bulletins parse {folder} -o TMP --jobs N, N = {args.cli_jobs}, {args.rounds} round(s) …", flush=True)
        counts = [int(n) for n in args.cli_jobs.split(",")]
        results["cli"] = cli = cli_scaling(folder, args.rounds, counts)
        print({k: v for k, v in cli.items() if k != "runs"}, flush=True)
    if "linearity" in phases:
        print("linearity …", flush=True)
        results["linearity"] = linearity(150_000 if quick else 1_500_000) | linearity_lines(3_000 if quick else 30_000)
        print(results["linearity"], flush=True)
    if "memory" in phases:
        small, large = (2, 20) if quick else (20, 200)
        print(f"streaming peak RSS, {small} MB vs {large} MB …", flush=True)
        rss_small, rss_large = streaming_rss(small), streaming_rss(large)
        results["memory"] = {
            f"rss_{small}mb_kib": rss_small,
            f"rss_{large}mb_kib": rss_large,
            "ratio": round(rss_large / rss_small, 2),
        }
        print(results["memory"], flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


def linearity_lines(count: int) -> dict[str, float]:
    """Time for 10x more consecutive numbered lines (the DESIGN's 30 000-line case at full size)."""

    def make(n: int) -> bytes:
        body = "".join(f"{k}.请做好第{k}项工作。\n" for k in range(1, n + 1))
        return ("关于做好工作的通知\n\n" + body).encode()

    small, large = make(count // 10), make(count)
    bulletins.parse(small)
    t_small = min(timed(lambda: bulletins.parse(small)) for _ in range(3))
    t_large = timed(lambda: bulletins.parse(large))
    return {"numbered_lines": count, "numbered_lines_x10_time_ratio": round(t_large / t_small, 2)}


if __name__ == "__main__":
    main()
