"""The ``bulletins`` command: a thin front end over the library; no parsing logic lives here.

Errors go to stderr as one line (``file:line: problem``) and set a non-zero exit status;
no traceback ever reaches the user.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from . import __version__
from .errors import BulletinsError
from .exporters import available_exporters, get_exporter
from .model import Document
from .pipeline import parse

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
    p.add_argument("-o", "--output", metavar="DIR", help="write DIR/<name><suffix> instead of stdout")
    p.add_argument("--glob", default="*.txt", help="file pattern used inside folders (default: *.txt)")
    p.add_argument("--script", choices=["keep", "simplified"], default="keep", help="script of the output text")
    p.add_argument("--year", type=int, help="year for dates printed without one")
    p.add_argument(
        "--errors",
        choices=["strict", "replace"],
        default="strict",
        help="undecodable bytes: fail (strict) or replace with U+FFFD and report",
    )
    p.add_argument(
        "--option",
        action="append",
        type=_option,
        default=[],
        metavar="KEY=VALUE",
        help="exporter option, e.g. --option indent=4 (JSON values are decoded)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no per-file summary")

    commands.add_parser("formats", help="list the available output formats")

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
            print(_located(name, exc), file=sys.stderr)
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


def _inputs(paths: Sequence[str], pattern: str) -> Iterator[tuple[str, Path | None, Path]]:
    """Yield ``(label, path or None for stdin, relative output stem)`` for every input."""
    for raw in paths:
        if raw == "-":
            yield "<stdin>", None, Path("stdin")
            continue
        path = Path(raw)
        if path.is_dir():
            for found in sorted(path.rglob(pattern)):
                if found.is_file():
                    yield str(found), found, found.relative_to(path).with_suffix("")
        else:
            yield str(path), path, Path(path.name).with_suffix("")


def _write_atomic(target: Path, data: str, protected: set[Path]) -> None:
    if target.resolve() in protected:
        raise OSError(f"refusing to overwrite the input file {target}")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _located(label: str, exc: Exception) -> str:
    """Format *exc* as one ``file[:line]: problem`` line, naming the file as the user gave it."""
    if isinstance(exc, OSError):
        return f"{label}: {exc.strerror or exc}"
    line = getattr(exc, "line", None)
    detail = getattr(exc, "detail", None) or str(exc)
    return f"{label}{f':{line}' if line else ''}: {detail}"


def _summary(label: str, document: Document) -> str:
    titles = [b.headline.title for b in document.bulletins if b.headline is not None]
    shown = "; ".join(t[:24] + ("…" if len(t) > 24 else "") for t in titles[:3])
    more = f"; … (+{len(titles) - 3})" if len(titles) > 3 else ""
    return f"{label}: {len(document.bulletins)} bulletins, {len(document.residue)} residue" + (
        f" — {shown}{more}" if shown else ""
    )


def _parse_command(args: argparse.Namespace) -> int:
    formats = available_exporters() if args.to == "all" else [f.strip() for f in args.to.split(",") if f.strip()]
    options = dict(args.option)
    exporters = [get_exporter(name, **options) for name in formats]
    inputs = list(_inputs(args.paths, args.glob))
    if not inputs:
        print("bulletins: no input files found", file=sys.stderr)
        return EXIT_FAILED
    if args.output is None and (len(formats) != 1 or (len(inputs) > 1 and formats != ["jsonl"])):
        print("bulletins: several inputs or formats need -o DIR (or --to jsonl for a stream)", file=sys.stderr)
        return EXIT_USAGE
    protected = {path.resolve() for _, path, _ in inputs if path is not None}
    failed = bulletins = 0
    for label, path, stem in inputs:
        try:
            data = sys.stdin.buffer.read() if path is None else path.read_bytes()
            document = parse(
                data,
                source=None if path is None else path.name,
                script=args.script,
                year=args.year,
                errors=args.errors,
            )
            outputs = [(exporter, exporter.export(document)) for exporter in exporters]
        except (BulletinsError, OSError) as exc:
            failed += 1
            print(_located(label, exc), file=sys.stderr)
            continue
        bulletins += len(document.bulletins)
        for exporter, output in outputs:
            text = output.decode("utf-8") if isinstance(output, bytes) else output
            if args.output is None:
                sys.stdout.write(text)
            else:
                try:
                    _write_atomic(Path(args.output) / stem.with_name(stem.name + exporter.suffix), text, protected)
                except OSError as exc:
                    failed += 1
                    print(f"{label}: cannot write output: {exc}", file=sys.stderr)
        if args.output is not None and not args.quiet:
            print(_summary(label, document), file=sys.stderr)
    if not args.quiet and (args.output is not None or failed):
        print(
            f"{len(inputs)} file(s), {bulletins} bulletins, {failed} error(s)"
            + (f"; output in {args.output}/" if args.output else ""),
            file=sys.stderr,
        )
    return EXIT_FAILED if failed else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse prints its own message
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_USAGE
    try:
        if args.command == "formats":
            for name in available_exporters():
                exporter = get_exporter(name)
                print(f"{name}\t{exporter.suffix}\t{(type(exporter).__doc__ or '').strip().splitlines()[0]}")
            return EXIT_OK
        if args.command == "validate":
            return _validate_command(args)
        return _parse_command(args)
    except BulletinsError as exc:
        print(f"bulletins: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("bulletins: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the promise: no traceback reaches a user
        print(f"bulletins: internal error: {type(exc).__name__}: {exc} (please report this)", file=sys.stderr)
        return EXIT_FAILED
