"""The ``bulletins`` command: a thin front end over the library; no parsing logic lives here.

Errors go to stderr as one line (``file:line: problem``) and set a non-zero exit status;
no traceback ever reaches the user.
"""

from __future__ import annotations

import argparse
import contextlib
import fnmatch
import inspect
import json
import os
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Collection, Sequence
from pathlib import Path

import attrs

from . import __version__, plugins
from ._files import temp_beside
from .batch import DEFAULT_TIMEOUT, FIELDS, UNCHANGED, Job, Result, located, run, write_output
from .errors import BulletinsError
from .exporters import Collection as BatchOutput
from .exporters import CollectionExporter, available_exporters, get_exporter
from .exporters.html import IndexEntry, index_page
from .readers import GROUP as READERS
from .readers import available_readers, get_reader

DEFAULT_GLOB = "*.txt,*.md,*.html,*.htm,*.docx,*.pdf,*.doc,*.wps,*.rtf,*.odt,*.ofd,*.json"
"""Files a folder is searched for: every format a built-in reader claims, and ``.json`` (a dataset is told
by its content; the records reader does not claim the suffix, so a ``.json`` holding plain text is text)."""
EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

RESIDUE = "residue: text outside every bulletin (page furniture, captions, noise), kept in the record"
"""What the word means in the summaries."""


def _option(text: str) -> tuple[str, object]:
    key, sep, raw = text.partition("=")
    if not sep or not key:
        raise argparse.ArgumentTypeError(f"expected key=value, got {text!r}")
    try:
        value: object = json.loads(raw)
    except ValueError:
        value = raw
    return key.replace("-", "_"), value


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"a whole number from 1 is needed, not {text}")
    return value


def _confidence(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"a confidence is between 0 and 1, not {text}")
    return value


def _reader_arguments(p: argparse.ArgumentParser) -> None:
    """The options that say how a file is read: ``--from``, ``--reader-option``, ``--errors``."""
    p.add_argument(
        "--from",
        dest="reader",
        default="auto",
        metavar="READER",
        help=f"input format (default: auto, by content then suffix; available: {', '.join(available_readers())})",
    )
    p.add_argument(
        "--reader-option",
        action="append",
        type=_option,
        default=[],
        metavar="KEY=VALUE",
        help="an option of the --from reader ('bulletins formats' lists each reader's options; JSON values"
        " are decoded)",
    )
    p.add_argument(
        "--errors",
        choices=["strict", "replace"],
        default="strict",
        help="undecodable bytes: fail (strict) or replace with U+FFFD and report (binary data is still refused)",
    )


def _parse_options(p: argparse.ArgumentParser) -> None:
    _reader_arguments(p)
    p.add_argument("--script", choices=["keep", "simplified"], default="keep", help="script of the output text")
    p.add_argument("--year", type=int, help="year for dates printed without one")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bulletins",
        description="Turn the raw text of Chinese official notices into JSON, XML and TEI records.",
    )
    parser.add_argument("--version", action="version", version=f"bulletins {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    p = commands.add_parser("parse", help="parse files or folders of notices")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders (searched recursively) or - for stdin")
    p.add_argument(
        "--to",
        default=None,
        metavar="FORMAT[,FORMAT…]",
        help="output format(s), comma-separated, or 'all' (default: json; sqlite when -o ends in .db, .sqlite"
        f" or .sqlite3; available: {', '.join(available_exporters())})",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        help="write DIR/<relative path><suffix> (mirroring input folders); with --to jsonl, a path"
        " ending in .jsonl collects every bulletin in that one file; never searched for inputs",
    )
    p.add_argument("-j", "--jobs", type=int, metavar="N", help="worker processes (default: all cores)")
    p.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"stop a file that takes longer and report it as that file's error (default: {DEFAULT_TIMEOUT:g};"
        " 0: no limit)",
    )
    p.add_argument(
        "--glob",
        default=None,
        help="comma-separated file name patterns used inside folders (default: every suffix a reader claims,"
        " see 'bulletins formats'; files no pattern takes are counted in the summary by suffix)",
    )
    _parse_options(p)
    p.add_argument(
        "--option",
        action="append",
        type=_option,
        default=[],
        metavar="KEY=VALUE",
        help="exporter option, e.g. --option indent=4 (JSON values are decoded)",
    )
    p.add_argument(
        "--review-below",
        type=_confidence,
        metavar="CONF",
        help="after the run, list the files holding a bulletin whose confidence is below CONF (0–1), least sure"
        " first: to stdout with -o, else to stderr (see docs/accuracy.md, Confidence)",
    )
    noise = p.add_mutually_exclusive_group()
    noise.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    noise.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="one line per file instead of the progress bar (the default when stderr is not a terminal)",
    )

    commands.add_parser("formats", help="list the available input readers and output formats")

    w = commands.add_parser(
        "view",
        help="write FILE's review page to a temporary file and print its path"
        " (opened in $BROWSER when a display exists)",
    )
    w.add_argument("file", metavar="FILE", help="a file of notices")
    _parse_options(w)

    e = commands.add_parser(
        "explain", help="print, for each line of FILE, the layout rule that decided it and the token it gave"
    )
    e.add_argument("file", metavar="FILE", help="a file of notices")
    _reader_arguments(e)
    e.add_argument(
        "--document",
        type=_positive,
        default=1,
        metavar="N",
        help="for a file holding several documents (a dataset's rows), explain the Nth (default: 1)",
    )

    v = commands.add_parser("validate", help="check TEI files against tei_all and XML files against our schema")
    v.add_argument("files", nargs="+", metavar="FILE", help="XML files written by bulletins, or folders of them")
    return parser


def _xml_files(names: Sequence[str]) -> list[str]:
    """*names*, each folder replaced by the .xml files found in it (recursively, in path order)."""
    out: list[str] = []
    for name in names:
        path = Path(name)
        out.extend(sorted(str(p) for p in path.rglob("*.xml")) if path.is_dir() else [name])
    return out


def _validate_command(args: argparse.Namespace) -> int:
    from .validate import validate_bytes

    failed = 0
    files = _xml_files(args.files)
    if not files:
        print(f"bulletins: no .xml files in {', '.join(args.files)}", file=sys.stderr)
        return EXIT_FAILED
    for name in files:
        path = Path(name)
        try:
            report = validate_bytes(path.read_bytes())
        except OSError as exc:
            print(located(name, exc), file=sys.stderr)
            failed += 1
            continue
        if report.valid:
            print(f"{name}: valid ({report.schema})")
            continue
        failed += 1
        for problem in report.problems[:20]:
            where = f":{problem.line}" if problem.line else ""
            print(f"{name}{where}: {problem.message}", file=sys.stderr)
        if len(report.problems) > 20:
            print(f"{name}: … {len(report.problems) - 20} more problem(s)", file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK


def _distinct_stems(jobs: list[Job]) -> list[Job]:
    """Keep the input's suffix in the output name where two inputs share a stem.

    A folder holding notice.txt and notice.docx (the default --glob takes both) would otherwise
    write both to notice.json, the second over the first: they become notice.txt.json and
    notice.docx.json. Two folder arguments holding the same relative path (``bulletins parse a b``,
    both with x.txt) write under the paths as typed: a/x.txt.json and b/x.txt.json.
    """
    counts: dict[Path, int] = {}
    for job in jobs:
        counts[job.stem] = counts.get(job.stem, 0) + 1
    jobs = [
        attrs.evolve(job, stem=job.stem.with_name(job.path.name)) if counts[job.stem] > 1 and job.path else job
        for job in jobs
    ]
    # Two arguments may hold the same relative path (a/x.txt and b/x.txt given as the folders a and b):
    # such outputs and names take the path as typed, so that neither is written over the other.
    counts = {}
    for job in jobs:
        counts[job.stem] = counts.get(job.stem, 0) + 1
    return [_as_typed(job) if counts[job.stem] > 1 and job.path is not None else job for job in jobs]


def _as_typed(job: Job) -> Job:
    """*job* named by its path as typed (anchor and ``..`` left out: the output stays under ``-o``)."""
    parts = [part for part in Path(job.label).parts if part not in {"..", "."} and part != Path(job.label).anchor]
    typed = Path(*parts) if parts else Path(job.stem.name)
    return attrs.evolve(job, stem=typed, name=typed.as_posix())


@attrs.frozen
class _Walk:
    """The inputs found, and what the folder walk left out."""

    jobs: list[Job]
    skipped: Counter[str]
    """Files no pattern takes, by suffix."""
    pruned: list[str]
    """The output folder or file, where it lay inside an input folder."""


def _patterns(glob: str | None) -> list[str]:
    """The ``--glob`` patterns, or one for every suffix a registered reader claims."""
    if glob is not None:
        return [p.strip() for p in glob.split(",") if p.strip()]
    suffixes = {p.strip().removeprefix("*") for p in DEFAULT_GLOB.split(",") if p.strip()}
    for name in available_readers():
        try:
            reader = plugins.load(READERS, name)
        except (BulletinsError, ImportError):  # a broken plugin: its own files will say so
            continue
        suffixes.update(str(s).lower() for s in getattr(reader, "suffixes", ()))
    return sorted(f"*{s}" for s in suffixes)


def _walk(paths: Sequence[str], patterns: Sequence[str], excluded: Path | None) -> _Walk:
    """A job for every input: files, folders searched recursively, ``-`` for stdin.

    Inside folders, file names are matched against *patterns* (case-insensitively); the others
    are counted by suffix. *excluded* (the resolved ``-o`` folder or file) is never searched,
    so a run never reads its own outputs; files that carry our marker are skipped by the worker
    (:func:`bulletins.batch.is_output`).
    """
    jobs: list[Job] = []
    skipped: Counter[str] = Counter()
    pruned: list[str] = []
    wanted = re.compile("|".join(fnmatch.translate(p.lower()) for p in patterns) or "(?!)")
    for raw in paths:
        if raw == "-":
            jobs.append(
                Job(label="<stdin>", name="<stdin>", path=None, stem=Path("stdin"), data=sys.stdin.buffer.read())
            )
            continue
        root = Path(raw)
        if not root.is_dir():
            jobs.append(Job(label=str(root), name=root.name, path=root, stem=Path(root.name).with_suffix("")))
            continue
        found: list[tuple[str, ...]] = []  # relative paths as parts: sorted as paths sort, cheaply
        for folder, dirs, files in os.walk(root):
            here = Path(folder)
            parts = here.relative_to(root).parts
            if excluded is not None:
                kept = [d for d in dirs if d != excluded.name or (here / d).resolve() != excluded]
                pruned.extend(str(here / d) for d in dirs if d not in kept)
                dirs[:] = kept
            for name in files:
                if not wanted.match(name.lower()):
                    skipped[os.path.splitext(name)[1].lower() or "(no suffix)"] += 1
                elif excluded is not None and name == excluded.name and (here / name).resolve() == excluded:
                    pruned.append(str(here / name))
                else:
                    found.append((*parts, name))
        for parts in sorted(found):
            relative = Path(*parts)
            jobs.append(
                Job(
                    label=str(root / relative),
                    name="/".join(parts),
                    path=root / relative,
                    stem=relative.with_suffix(""),
                    walked=True,
                )
            )
    return _Walk(jobs=jobs, skipped=skipped, pruned=pruned)


def _identities(jobs: Sequence[Job]) -> frozenset[tuple[int, int]]:
    """``(st_dev, st_ino)`` of every input file: outputs never overwrite one (hard links included)."""
    found = set()
    for job in jobs:
        if job.path is not None:
            try:
                status = os.stat(job.path)
            except OSError:
                continue
            found.add((status.st_dev, status.st_ino))
    return frozenset(found)


def _check_target(target: Path, protected: Collection[tuple[int, int]]) -> None:
    try:
        status = os.stat(target)
    except OSError:
        return
    if (status.st_dev, status.st_ino) in protected:
        raise OSError(f"refusing to overwrite the input file {target}")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _summary(result: Result) -> str:
    titles = result.titles[:3]
    shown = "; ".join(t[:24] + ("…" if len(t) > 24 else "") for t in titles)
    # The tail counts every bulletin not shown, headlined or not (seed 002 has 8 without).
    hidden = result.bulletins - len(titles)
    more = f"; … (+{hidden})" if hidden > 0 and titles else ""
    return f"{result.job.label}: {_count(result.bulletins, 'bulletin')}, {result.residue} residue" + (
        f" — {shown}{more}" if shown else ""
    )


class _Report:
    """What the user sees while a batch runs and after it.

    On a terminal, a progress bar (tqdm) with errors printed above it; with ``-v`` or when
    stderr is not a terminal, one line per file; with ``-q``, only errors.
    """

    def __init__(self, *, total: int, quiet: bool, verbose: bool, batch: bool, walk: _Walk) -> None:
        self.quiet = quiet
        self.lines = not quiet and (verbose or not sys.stderr.isatty())
        self.walk = walk
        self.files = self.failed = self.bulletins = self.residue = self.bytes = self.empty = self.ours = 0
        self.start = time.perf_counter()
        self.confidences: list[tuple[str, float]] = []
        """(file, lowest bulletin confidence) of every file parsed, for --review-below."""
        self.bar = None
        if batch and not quiet and not self.lines:
            from tqdm import tqdm

            tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked after this
            try:  # a terminal that reports no width (a bare pty) would get an invisible bar
                sized = os.get_terminal_size(sys.stderr.fileno()).columns > 0
            except (OSError, ValueError):
                sized = False
            self.bar = tqdm(
                total=total,
                unit="file",
                file=sys.stderr,
                dynamic_ncols=sized,
                ncols=None if sized else 80,
                nrows=None if sized else 24,
                leave=False,
            )

    def result(self, result: Result, *, per_file: bool) -> None:
        """Count *result*; print its error, or its one-line summary when *per_file* and not a bar."""
        self.bytes += result.size
        if result.skipped is not None:
            self.ours += 1
            if self.lines:
                self.say(f"{result.job.label}: skipped, {result.skipped}")
        elif result.error is not None:
            self.failed += 1
            self.say(result.error)
        else:
            self.files += 1
            self.confidences.append((result.job.label, result.confidence or 0.0))
            self.bulletins += result.bulletins
            self.residue += result.residue
            if result.empty:
                self.empty += 1
                if not self.quiet:
                    self.say(f"{result.job.label}: warning: the input holds no text (see its diagnostics)")
            elif per_file and self.lines:
                self.say(_summary(result))
        if self.bar is not None:
            rate = self.bytes / max(time.perf_counter() - self.start, 1e-9) / 1e6
            self.bar.set_postfix_str(f"{rate:.1f} MB/s, {_count(self.failed, 'error')}", refresh=False)
            self.bar.update(1)

    def error(self, line: str) -> None:
        """Count and print a problem that is not one file's parse (an output that cannot be written)."""
        self.failed += 1
        self.say(line)

    def say(self, line: str) -> None:
        """Print a line to stderr (above the progress bar)."""
        if self.bar is not None:
            self.bar.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def summary(self, head: str, where: str | None) -> None:
        """Print the closing summary: *head* (what was read), the totals, and what every word means."""
        if self.quiet:
            return
        elapsed = time.perf_counter() - self.start
        rate = self.bytes / max(elapsed, 1e-9) / 1e6
        print(
            f"{head}, {_count(self.bulletins, 'bulletin')}, {self.residue} residue, {_count(self.failed, 'error')}"
            f" in {elapsed:.1f} s ({rate:.1f} MB/s)" + (f"; output in {where}" if where else ""),
            file=sys.stderr,
        )
        if self.residue:
            print(f"  {RESIDUE}", file=sys.stderr)
        if self.failed:
            print(
                f"  {_count(self.failed, 'error')}: files not parsed or not written, each named above", file=sys.stderr
            )
        if self.empty:
            print(
                f"  empty: {_count(self.empty, 'file')} with no text (an empty-input or no-text warning in the record)",
                file=sys.stderr,
            )
        if self.walk.skipped:
            by_suffix = ", ".join(f"{n} {suffix}" for suffix, n in sorted(self.walk.skipped.items()))
            print(f"  skipped: {by_suffix} (no reader claims the suffix, or --glob left it out)", file=sys.stderr)
        if self.ours:
            print(f"  skipped: {_count(self.ours, 'output')} of bulletins (they carry its marker)", file=sys.stderr)
        for pruned in self.walk.pruned:
            print(f"  not searched: {pruned} (the output of this run)", file=sys.stderr)


_DATABASE_SUFFIXES = (".db", ".sqlite", ".sqlite3")


def _review(args: argparse.Namespace, report: _Report) -> None:
    """--review-below: the files a person should look at, least confident first (``0.41<TAB>file``)."""
    if args.review_below is None:
        return
    low = sorted((c, label) for label, c in report.confidences if c < args.review_below)
    print(
        f"review: {len(low)} of {_count(len(report.confidences), 'file')} hold a bulletin below confidence"
        f" {args.review_below:g}" + (", least sure first:" if low else ""),
        file=sys.stderr,
    )
    out = sys.stdout if args.output is not None else sys.stderr
    for confidence, label in low:
        print(f"{confidence:.2f}\t{label}", file=out)


def _parse_command(args: argparse.Namespace) -> int:
    if args.to is None:  # -o corpus.db alone asks for the corpus database, the batch's embedded store
        database = args.output is not None and Path(args.output).suffix.lower() in _DATABASE_SUFFIXES
        args.to = "sqlite" if database else "json"
    formats = [f.strip() for f in args.to.split(",") if f.strip()]
    if args.to == "all":  # every exporter that writes one output per input (not the corpus database)
        formats = [name for name in available_exporters() if not getattr(get_exporter(name), "batch_only", False)]
    options = dict(args.option)
    if args.reader == "auto" and args.reader_option:
        print("bulletins: --reader-option needs --from READER (options belong to one reader)", file=sys.stderr)
        return EXIT_USAGE
    try:  # fail fast on a bad name or option, before any work: a usage error (docs/cli.md, exit 2)
        for name in formats:
            get_exporter(name, **options)
        if args.reader != "auto":
            get_reader(args.reader, **dict(args.reader_option))
    except BulletinsError as exc:
        print(f"bulletins: {exc}", file=sys.stderr)
        return EXIT_USAGE
    collector = _collector(formats, options, args.output)
    stream = args.output is not None and formats == ["jsonl"] and args.output.endswith(".jsonl")
    walk = _walk(args.paths, _patterns(args.glob), Path(args.output).resolve() if args.output else None)
    jobs = _distinct_stems(walk.jobs)
    if not jobs:
        skipped = ", ".join(f"{n} {suffix}" for suffix, n in sorted(walk.skipped.items()))
        print(f"bulletins: no input files found{f' (skipped: {skipped})' if skipped else ''}", file=sys.stderr)
        return EXIT_FAILED
    if args.output is None and (len(formats) != 1 or (len(jobs) > 1 and formats != ["jsonl"])):
        print("bulletins: several inputs or formats need -o DIR (or --to jsonl for a stream)", file=sys.stderr)
        return EXIT_USAGE
    protected = _identities(jobs)
    processes = max(1, min(len(jobs), args.jobs or os.cpu_count() or 1))
    timeout = args.timeout if args.timeout and args.timeout > 0 else None
    report = _Report(total=len(jobs), quiet=args.quiet, verbose=args.verbose, batch=len(jobs) > 1, walk=walk)
    parse_options = {
        "script": args.script,
        "year": args.year,
        "errors": args.errors,
        "reader": args.reader,
        "reader_options": dict(args.reader_option),
    }
    if collector is not None:
        return _collect(args, collector, jobs, parse_options, processes, timeout, report)
    folder = Path(args.output) if args.output is not None and not stream else None
    if folder is not None and len(jobs) == 1 and len(formats) == 1 and not folder.is_dir():
        suffix = get_exporter(formats[0], **options).suffix
        if folder.name.lower().endswith(suffix) and len(folder.name) > len(suffix):
            # -o result.json for one input in one format: the file itself, not a folder named result.json
            # (a new user's trial). The output keeps the name given; a dataset's rows add .rowN before it.
            jobs = [attrs.evolve(jobs[0], stem=Path(folder.name[: -len(suffix)]))]
            folder = folder.parent
    sink = None
    if stream:
        target = Path(args.output)
        _check_target(target, protected)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = temp_beside(target)
        sink = os.fdopen(fd, "w", encoding="utf-8", newline="")
    index: list[IndexEntry] | None = [] if folder is not None and "html" in formats else None
    try:
        results = run(
            jobs,
            formats=formats,
            options=options,
            parse_options=parse_options,
            processes=processes,
            timeout=timeout,
            output=folder,
            protected=protected,
        )
        with contextlib.closing(results):  # interrupted: the workers stop now, not at exit
            for result in results:
                if folder is None and sink is None and len(result.outputs) > 1 and formats != ["jsonl"]:
                    # One input holding several documents (a dataset's rows): their JSON or TEI documents
                    # one after the other would be no JSON or XML a program reads. The rule for several inputs.
                    report.close()
                    print(
                        f"bulletins: {result.job.label} holds {len(result.outputs)} documents: write them with"
                        " -o DIR (one file each) or --to jsonl (one stream)",
                        file=sys.stderr,
                    )
                    return EXIT_USAGE
                report.result(result, per_file=folder is not None)
                if index is not None and result.skipped is None:
                    index.append(_index_entry(result))
                for _suffix, text in result.outputs:
                    (sink or sys.stdout).write(text)
        if sink is not None:
            sink.close()
            os.replace(tmp, target)
            sink = None
        if index is not None and folder is not None:
            _write_index(folder, index, jobs, protected, report)
    finally:
        report.close()
        if sink is not None:  # interrupted or failed: leave no partial stream behind
            sink.close()
            Path(tmp).unlink(missing_ok=True)
    if args.output is not None or report.failed or len(jobs) > 1:
        # Our own outputs met in the walk are skipped, not read: they are counted apart (a new user's trial
        # read "165 files" for 82 inputs and 83 skipped outputs).
        report.summary(_count(len(jobs) - report.ours, "file"), args.output)
    _review(args, report)
    return EXIT_FAILED if report.failed else EXIT_OK


def _collector(formats: Sequence[str], options: dict[str, object], output: str | None) -> CollectionExporter | None:
    """The exporter that writes one output for the batch, when ``-o`` names a file it takes."""
    if output is None or len(formats) != 1:
        return None
    exporter = get_exporter(formats[0], **options)
    if isinstance(exporter, CollectionExporter) and Path(output).suffix.lower() in exporter.collection_suffixes:
        return exporter
    return None


def _collect(
    args: argparse.Namespace,
    exporter: CollectionExporter,
    jobs: list[Job],
    parse_options: dict[str, object],
    processes: int,
    timeout: float | None,
    report: _Report,
) -> int:
    """Write one output for the whole batch (``--to attendance -o table.csv``, ``--to sqlite -o corpus.db``)."""
    target = Path(args.output)
    _check_target(target, _identities(jobs))
    target.parent.mkdir(parents=True, exist_ok=True)
    collection = _open_collection(exporter, target, args.year)
    unchanged = 0
    try:
        # the workers hash each input as they read it and skip those the output holds unchanged
        todo = [attrs.evolve(job, held=collection.held(job.name)) for job in jobs]
        results = run(todo, formats=(), parse_options=parse_options, processes=processes, collect=True, timeout=timeout)
        with contextlib.closing(results):
            for result in results:
                if result.skipped == UNCHANGED:
                    unchanged += 1
                    if report.bar is not None:
                        report.bar.update(1)
                    continue
                report.result(result, per_file=True)
                if result.error is None and result.skipped is None:
                    collection.add(result.job.name, result.sha256 or "", result.documents)
        collection.commit()
    except BaseException:
        collection.abort()
        raise
    finally:
        report.close()
    kept = f", {unchanged} unchanged since the last run (skipped)" if unchanged else ""
    report.summary(f"{_count(len(todo) - unchanged, 'file')} parsed{kept}", str(target))
    _review(args, report)
    return EXIT_FAILED if report.failed else EXIT_OK


def _open_collection(exporter: CollectionExporter, target: Path, year: int | None) -> BatchOutput:
    """Open the batch's one output, with ``--year`` when its ``open_collection`` takes ``year``.

    The attendance rows complete dates with it, as the parse does; a plugin's may not take it.
    """
    if year is not None and "year" in inspect.signature(exporter.open_collection).parameters:
        return exporter.open_collection(target, year=year)  # type: ignore[call-arg]
    return exporter.open_collection(target)


def _index_entry(result: Result) -> IndexEntry:
    page = result.job.stem.with_name(result.job.stem.name + ".html").as_posix()
    if result.error is not None:
        return IndexEntry(label=result.job.label, href=None, error=result.error)
    return IndexEntry(
        label=result.job.label,
        href=page,
        bulletins=result.bulletins,
        genres=dict(Counter(result.genres)),
        diagnostics=result.diagnostics,
        titles=result.titles,
        fields=dict(zip(FIELDS, result.fields, strict=True)),
        problems=result.problems,
        confidence=result.confidence,
    )


def _write_index(
    out: Path, entries: list[IndexEntry], jobs: Sequence[Job], protected: Collection[tuple[int, int]], report: _Report
) -> None:
    """Write the batch's index.html (index-bulletins.html when an input's page is index.html)."""
    pages = {job.stem.with_name(job.stem.name + ".html").as_posix() for job in jobs}
    target = out / ("index-bulletins.html" if "index.html" in pages else "index.html")
    try:
        write_output(target, index_page(entries), protected)
    except OSError as exc:
        report.error(f"{target}: cannot write the index: {exc}")


def _has_display() -> bool:
    """True where a browser window can open: macOS, Windows, or an X11/Wayland display."""
    return sys.platform in ("darwin", "win32") or bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _view_command(args: argparse.Namespace) -> int:
    import webbrowser

    from .exporters.html import review_page
    from .pipeline import parse, source_text

    path = Path(args.file)
    try:
        data = path.read_bytes()
        readers = {"reader": args.reader, "reader_options": dict(args.reader_option)}
        document = parse(data, source=path.name, script=args.script, year=args.year, errors=args.errors, **readers)
        page = review_page(document, source_text(data, errors=args.errors, source=path.name, **readers))
    except (BulletinsError, OSError) as exc:
        print(located(args.file, exc), file=sys.stderr)
        return EXIT_FAILED
    fd, name = tempfile.mkstemp(prefix=f"bulletins-{path.stem}-", suffix=".html")
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
        handle.write(page)
    print(name)
    # Only a browser the user chose, and only where a window can appear (never on a server).
    if os.environ.get("BROWSER") and _has_display():
        try:
            webbrowser.get().open(Path(name).as_uri())
        except webbrowser.Error as exc:
            print(f"bulletins: cannot open a browser: {exc}", file=sys.stderr)
    return EXIT_OK


def _explain_command(args: argparse.Namespace) -> int:
    from .pipeline import explain, source_texts

    if args.reader == "auto" and args.reader_option:
        print("bulletins: --reader-option needs --from READER (options belong to one reader)", file=sys.stderr)
        return EXIT_USAGE
    try:  # a bad reader name or option is a usage error, as in parse
        if args.reader != "auto":
            get_reader(args.reader, **dict(args.reader_option))
    except BulletinsError as exc:
        print(f"bulletins: {exc}", file=sys.stderr)
        return EXIT_USAGE
    path = Path(args.file)
    readers = {"reader": args.reader, "reader_options": dict(args.reader_option), "errors": args.errors}
    try:
        data = path.read_bytes()
        rows = explain(data, source=path.name, document=args.document, **readers)
        texts = source_texts(data, source=path.name, **readers)
    except (BulletinsError, OSError) as exc:
        print(located(args.file, exc), file=sys.stderr)
        return EXIT_FAILED
    except IndexError as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    lines = texts[args.document - 1].split("\n") if len(texts) >= args.document else []
    for number, rule, terminal in rows:
        text = lines[number - 1].strip() if number <= len(lines) else ""
        print(f"{number}\t{rule}\t{terminal}\t{text[:40]}")
    return EXIT_OK


def _reader_options(reader: object) -> str:
    """`` (--reader-option: key=default …)`` for a reader class whose constructor takes keywords."""
    try:
        parameters = inspect.signature(reader).parameters.values()  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return ""
    shown = [
        f"{p.name}={json.dumps(p.default, ensure_ascii=False, default=str) if p.default is not p.empty else '…'}"
        for p in parameters
        if p.kind in (p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]
    return f" (--reader-option: {' '.join(shown)})" if shown else ""


def _summary_line(obj: object) -> str:
    return ((getattr(obj, "__doc__", None) or "").strip().splitlines() or [""])[0]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status."""
    parser = _parser()
    if not (sys.argv[1:] if argv is None else argv):  # bare `bulletins`: the help, not a usage error
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse prints its own message
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_USAGE
    try:
        if args.command == "formats":
            print("readers (--from):")
            for name in available_readers():
                reader = plugins.load(READERS, name)
                suffixes = " ".join(getattr(reader, "suffixes", ()))
                print(f"  {name}\t{suffixes}\t{_summary_line(reader)}{_reader_options(reader)}")
            print("exporters (--to):")
            for name in available_exporters():
                exporter = get_exporter(name)
                print(f"  {name}\t{exporter.suffix}\t{_summary_line(type(exporter))}")
            return EXIT_OK
        if args.command == "validate":
            return _validate_command(args)
        if args.command == "view":
            return _view_command(args)
        if args.command == "explain":
            return _explain_command(args)
        return _parse_command(args)
    except BulletinsError as exc:
        print(f"bulletins: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("bulletins: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader of our output left (| head): stop quietly, as Python's docs advise
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED
    except Exception as exc:  # the promise: no traceback reaches a user
        print(f"bulletins: internal error: {type(exc).__name__}: {exc} (please report this)", file=sys.stderr)
        return EXIT_FAILED
