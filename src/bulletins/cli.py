"""The ``bulletins`` command: a thin front end over the library; no parsing logic lives here.

Errors go to stderr as one line (``file:line: problem``) and set a non-zero exit status;
no traceback ever reaches the user.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import attrs

from . import __version__, plugins
from ._files import temp_beside
from .batch import Job, Result, located, run
from .errors import BulletinsError
from .exporters import CollectionExporter, available_exporters, get_exporter
from .exporters.html import IndexEntry, index_page
from .readers import GROUP as READERS
from .readers import available_readers, get_reader

DEFAULT_GLOB = "*.txt,*.md,*.html,*.htm,*.docx,*.pdf"
"""Files a folder is searched for: every format a built-in reader claims."""
EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def _option(text: str) -> tuple[str, object]:
    key, sep, raw = text.partition("=")
    if not sep or not key:
        raise argparse.ArgumentTypeError(f"expected key=value, got {text!r}")
    try:
        value: object = json.loads(raw)
    except ValueError:
        value = raw
    return key.replace("-", "_"), value


def _parse_options(p: argparse.ArgumentParser) -> None:
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
        help="reader option, e.g. --reader-option text_column=Text (JSON values are decoded)",
    )
    p.add_argument("--script", choices=["keep", "simplified"], default="keep", help="script of the output text")
    p.add_argument("--year", type=int, help="year for dates printed without one")
    p.add_argument(
        "--errors",
        choices=["strict", "replace"],
        default="strict",
        help="undecodable bytes: fail (strict) or replace with U+FFFD and report",
    )


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
        default="json",
        metavar="FORMAT[,FORMAT…]",
        help=f"output format(s), comma-separated, or 'all' (available: {', '.join(available_exporters())})",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        help="write DIR/<relative path><suffix> (mirroring input folders); with --to jsonl, a path"
        " ending in .jsonl collects every bulletin in that one file",
    )
    p.add_argument("-j", "--jobs", type=int, metavar="N", help="worker processes (default: all cores)")
    p.add_argument(
        "--glob",
        default=DEFAULT_GLOB,
        help=f"comma-separated file patterns used inside folders (default: {DEFAULT_GLOB})",
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
    p.add_argument("-q", "--quiet", action="store_true", help="no per-file summary")

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
    e.add_argument("--from", dest="reader", default="auto", metavar="READER", help="input format (default: auto)")

    v = commands.add_parser("validate", help="check TEI files against tei_all and XML files against our schema")
    v.add_argument("files", nargs="+", metavar="FILE", help="XML files written by bulletins")
    return parser


def _validate_command(args: argparse.Namespace) -> int:
    from .validate import validate_bytes

    failed = 0
    for name in args.files:
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
    notice.docx.json.
    """
    counts: dict[Path, int] = {}
    for job in jobs:
        counts[job.stem] = counts.get(job.stem, 0) + 1
    return [
        attrs.evolve(job, stem=job.stem.with_name(job.path.name)) if counts[job.stem] > 1 and job.path else job
        for job in jobs
    ]


def _jobs(paths: Sequence[str], pattern: str) -> Iterator[Job]:
    """Yield a job for every input: files, folders searched recursively, ``-`` for stdin."""
    for raw in paths:
        if raw == "-":
            yield Job(label="<stdin>", name="<stdin>", path=None, stem=Path("stdin"), data=sys.stdin.buffer.read())
            continue
        path = Path(raw)
        if path.is_dir():
            patterns = [p.strip() for p in pattern.split(",") if p.strip()]
            for found in sorted({f for p in patterns for f in path.rglob(p)}):
                if found.is_file():
                    relative = found.relative_to(path)
                    yield Job(label=str(found), name=relative.as_posix(), path=found, stem=relative.with_suffix(""))
        else:
            yield Job(label=str(path), name=path.name, path=path, stem=Path(path.name).with_suffix(""))


def _check_target(target: Path, protected: set[Path]) -> None:
    if target.resolve() in protected:
        raise OSError(f"refusing to overwrite the input file {target}")


def _write_atomic(target: Path, data: str, protected: set[Path]) -> None:
    _check_target(target, protected)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = temp_beside(target)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class _Progress:
    """A one-line progress display on a terminal: files, MB/s, errors."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total = total
        self.enabled = enabled
        self.done = self.errors = self.bytes = 0
        self.start = time.perf_counter()

    def update(self, result: Result) -> None:
        self.done += 1
        self.bytes += result.size
        self.errors += result.error is not None
        if self.enabled:
            rate = self.bytes / max(time.perf_counter() - self.start, 1e-9) / 1e6
            sys.stderr.write(f"\r\x1b[K{self.done}/{self.total} files, {rate:.1f} MB/s, {self.errors} error(s)")
            sys.stderr.flush()

    def say(self, line: str) -> None:
        """Print a line to stderr above the progress line."""
        if self.enabled:
            sys.stderr.write("\r\x1b[K")
        print(line, file=sys.stderr)

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


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


def _parse_command(args: argparse.Namespace) -> int:
    formats = [f.strip() for f in args.to.split(",") if f.strip()]
    if args.to == "all":  # every exporter that writes one output per input (not the corpus database)
        formats = [name for name in available_exporters() if not getattr(get_exporter(name), "batch_only", False)]
    options = dict(args.option)
    for name in formats:
        get_exporter(name, **options)  # fail fast on a bad name or option, before any work
    jobs = _distinct_stems(list(_jobs(args.paths, args.glob)))
    if not jobs:
        print("bulletins: no input files found", file=sys.stderr)
        return EXIT_FAILED
    collector = _collector(formats, options, args.output)
    stream = args.output is not None and formats == ["jsonl"] and args.output.endswith(".jsonl")
    if args.output is None and (len(formats) != 1 or (len(jobs) > 1 and formats != ["jsonl"])):
        print("bulletins: several inputs or formats need -o DIR (or --to jsonl for a stream)", file=sys.stderr)
        return EXIT_USAGE
    protected = {job.path.resolve() for job in jobs if job.path is not None}
    processes = 1 if len(jobs) == 1 else (args.jobs or os.cpu_count() or 1)
    progress = _Progress(len(jobs), enabled=sys.stderr.isatty() and not args.quiet)
    if args.reader == "auto" and args.reader_option:
        print("bulletins: --reader-option needs --from READER (options belong to one reader)", file=sys.stderr)
        return EXIT_USAGE
    if args.reader != "auto":
        get_reader(args.reader, **dict(args.reader_option))  # fail fast on a bad name or option
    parse_options = {
        "script": args.script,
        "year": args.year,
        "errors": args.errors,
        "reader": args.reader,
        "reader_options": dict(args.reader_option),
    }
    if collector is not None:
        return _collect(args, collector, jobs, parse_options, processes, progress)
    sink = None
    if stream:
        target = Path(args.output)
        _check_target(target, protected)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = temp_beside(target)
        sink = os.fdopen(fd, "w", encoding="utf-8", newline="")
    failed = bulletins = 0
    index: list[IndexEntry] | None = [] if args.output is not None and not stream and "html" in formats else None
    try:
        for result in run(jobs, formats=formats, options=options, parse_options=parse_options, processes=processes):
            progress.update(result)
            if result.error is not None:
                failed += 1
                progress.say(result.error)
                if index is not None:
                    index.append(_index_entry(result))
                continue
            bulletins += result.bulletins
            for suffix, text in result.outputs:
                if sink is not None:
                    sink.write(text)
                elif args.output is None:
                    sys.stdout.write(text)
                else:
                    try:
                        _write_atomic(
                            Path(args.output) / result.job.stem.with_name(result.job.stem.name + suffix),
                            text,
                            protected,
                        )
                    except OSError as exc:
                        failed += 1
                        progress.say(f"{result.job.label}: cannot write output: {exc}")
            if index is not None:
                index.append(_index_entry(result))
            if args.output is not None and not stream and not args.quiet:
                progress.say(_summary(result))
        if sink is not None:
            sink.close()
            os.replace(tmp, target)
            sink = None
        if index is not None:
            failed += _write_index(Path(args.output), index, jobs, protected, progress)
    finally:
        progress.close()
        if sink is not None:  # interrupted or failed: leave no partial stream behind
            sink.close()
            Path(tmp).unlink(missing_ok=True)
    if not args.quiet and (args.output is not None or failed or len(jobs) > 1):
        elapsed = time.perf_counter() - progress.start
        rate = progress.bytes / max(elapsed, 1e-9) / 1e6
        where = f"; output in {args.output}" if args.output else ""
        counts = f"{len(jobs)} file(s), {_count(bulletins, 'bulletin')}, {failed} error(s)"
        print(f"{counts} in {elapsed:.1f} s ({rate:.1f} MB/s){where}", file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK


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
    progress: _Progress,
) -> int:
    """Write one output for the whole batch (``--to attendance -o table.csv``, ``--to sqlite -o corpus.db``)."""
    target = Path(args.output)
    _check_target(target, {job.path.resolve() for job in jobs if job.path is not None})
    target.parent.mkdir(parents=True, exist_ok=True)
    collection = exporter.open_collection(target)
    failed = bulletins = unchanged = 0
    try:
        todo: list[Job] = []
        for job in jobs:
            if job.path is not None:
                try:
                    digest = hashlib.sha256(job.path.read_bytes()).hexdigest()
                except OSError as exc:
                    failed += 1
                    progress.say(located(job.label, exc))
                    continue
                if collection.unchanged(job.name, digest):
                    unchanged += 1
                    continue
            todo.append(job)
        progress.total = len(todo)
        for result in run(todo, formats=(), parse_options=parse_options, processes=processes, collect=True):
            progress.update(result)
            if result.error is not None:
                failed += 1
                progress.say(result.error)
                continue
            bulletins += result.bulletins
            collection.add(result.job.name, result.sha256 or "", result.documents)
            if not args.quiet:
                progress.say(_summary(result))
        collection.commit()
    except BaseException:
        collection.abort()
        raise
    finally:
        progress.close()
    if not args.quiet:
        elapsed = time.perf_counter() - progress.start
        kept = f", {unchanged} unchanged since the last run (skipped)" if unchanged else ""
        print(
            f"{len(todo)} file(s) parsed{kept}, {_count(bulletins, 'bulletin')}, {failed} error(s)"
            f" in {elapsed:.1f} s; output in {target}",
            file=sys.stderr,
        )
    return EXIT_FAILED if failed else EXIT_OK


def _index_entry(result: Result) -> IndexEntry:
    page = result.job.stem.with_name(result.job.stem.name + ".html").as_posix()
    genres: dict[str, int] = {}
    for genre in result.genres:
        genres[genre] = genres.get(genre, 0) + 1
    if result.error is not None:
        return IndexEntry(label=result.job.label, href=None, error=result.error)
    return IndexEntry(
        label=result.job.label,
        href=page,
        bulletins=result.bulletins,
        genres=genres,
        diagnostics=result.diagnostics,
    )


def _write_index(
    out: Path, entries: list[IndexEntry], jobs: Sequence[Job], protected: set[Path], progress: _Progress
) -> int:
    """Write the batch's index.html (index-bulletins.html when an input's page is index.html)."""
    pages = {job.stem.with_name(job.stem.name + ".html").as_posix() for job in jobs}
    target = out / ("index-bulletins.html" if "index.html" in pages else "index.html")
    try:
        _write_atomic(target, index_page(entries), protected)
    except OSError as exc:
        progress.say(f"{target}: cannot write the index: {exc}")
        return 1
    return 0


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
    from .pipeline import explain

    path = Path(args.file)
    try:
        data = path.read_bytes()
        rows = explain(data, source=path.name, reader=args.reader)
        lines = _source_lines(data, path.name, args.reader)
    except (BulletinsError, OSError) as exc:
        print(located(args.file, exc), file=sys.stderr)
        return EXIT_FAILED
    for number, rule, terminal in rows:
        text = lines[number - 1].strip() if number <= len(lines) else ""
        print(f"{number}\t{rule}\t{terminal}\t{text[:40]}")
    return EXIT_OK


def _source_lines(data: bytes, name: str, reader: str) -> list[str]:
    from .pipeline import source_text

    return source_text(data, source=name, reader=reader).split("\n")


def _summary_line(obj: object) -> str:
    return ((getattr(obj, "__doc__", None) or "").strip().splitlines() or [""])[0]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status."""
    parser = _parser()
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
                print(f"  {name}\t{suffixes}\t{_summary_line(reader)}")
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
