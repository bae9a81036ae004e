"""Sweep the development corpus: parse every file, export JSON and TEI, count what was found.

    python3 bench/corpus.py [CORPUS_DIR] [--jobs N] [--tei-every K] [--check] [--limit N] [--ocr]

Checks, per file: no exception of any kind, nothing lost (every non-whitespace character of
the cleaned text is in some text field), the JSON round-trips exactly, and — for every K-th file
in sorted order (K=10 by default; 1 validates all) — the TEI is valid against tei_all. Prints the
bulletins-per-file histogram per folder and how many bulletins have a headline, dateline,
byline, credits, attendees, points and a closing. ``--check`` exits 1 when any check failed;
without a corpus it exits 2 (CI treats both as failures). Run from CI by ``tests/test_corpus.py``.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import re
import sys
import traceback
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from locate import corpus_dir  # noqa: E402

DEFAULT_CORPUS = corpus_dir()
# Every format a built-in reader claims (formats/ holds them all; see its README).
SUFFIXES = (
    ".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".doc", ".wps", ".ofd", ".csv", ".json", ".png",
)  # fmt: skip
# A dataset's rows are checked whole; TEI is validated for its first rows only (each is a document).
_TEI_DOCUMENTS = 5
FIELDS = ("headline", "dateline", "byline", "credits", "attendees", "points", "closing")
_WS = re.compile(r"\s+")


@dataclass
class FileResult:
    path: str
    folder: str
    bulletins: int = 0
    fields: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    diagnostics: int = 0
    refused: str | None = None
    """The one-line error of a file refused for a stated reason (a scan without the OCR extra)."""


def corpus_files(corpus: Path) -> list[Path]:
    """Every text file of the corpus, in sorted order (READMEs and metadata excluded)."""
    found = [
        p
        for p in corpus.rglob("*")
        if p.is_file() and p.suffix in SUFFIXES and p.name != "README.md" and p.parent != corpus
    ]
    return sorted(found)


def _has_points(blocks: Iterable[object]) -> bool:
    return any(getattr(b, "type", None) == "point" for b in blocks)


def _check(task: tuple[Path, Path, bool]) -> FileResult:
    # Scans are checked without OCR unless asked (--ocr): OCR costs seconds a page, and its
    # accuracy is measured apart (tests/test_ocr.py, bench/accuracy.py --set formats).
    os.environ.setdefault("BULLETINS_OCR", "off")
    import bulletins
    from bulletins.cleaners import clean, normalize_newlines
    from bulletins.errors import ReadError
    from bulletins.model import text_holders
    from bulletins.readers import choose_reader, get_reader

    path, corpus, validate_tei = task
    relative = path.relative_to(corpus)
    result = FileResult(path=str(relative), folder=relative.parts[0])
    try:
        data = path.read_bytes()
        # A dataset holds a document per row: every input is read as parse_many reads it.
        documents = list(bulletins.parse_many(data, source=path.name))
        # Against what the reader sees: the visible text of an HTML page, a Markdown file's text
        # without its front matter and markup (docs/readers.md), a PDF's text layer as its lines
        # (furniture included), a dataset row's text; plain text is the decoded bytes.
        reader = get_reader(choose_reader(data, path.name))
        readings = list(reader.read(data, source=path.name))
        if len(readings) != len(documents):
            result.problems.append(f"{len(documents)} document(s) for {len(readings)} reading(s)")
        for index, (document, reading) in enumerate(zip(documents, readings, strict=False)):
            result.bulletins += len(document.bulletins)
            result.diagnostics += len(document.diagnostics)
            for b in document.bulletins:
                found = {
                    "headline": b.headline is not None,
                    "dateline": b.dateline is not None,
                    "byline": bool(b.byline),
                    "credits": bool(getattr(b, "credits", ())),
                    "attendees": bool(b.attendees),
                    "points": _has_points(b.body),
                    "closing": b.closing is not None,
                }
                result.fields.update(name for name, present in found.items() if present)
            cleaned = clean(normalize_newlines(reading.joined()))
            rebuilt = "".join(t for _, _, t in sorted(text_holders(document), key=lambda h: (h[0], h[1])))
            if _WS.sub("", rebuilt) != _WS.sub("", cleaned):
                result.problems.append(f"text lost or duplicated (document {index + 1})")
            if bulletins.loads(bulletins.export(document, "json")) != document:
                result.problems.append(f"JSON does not round-trip (document {index + 1})")
            if validate_tei and index < _TEI_DOCUMENTS:
                from bulletins.validate import validate_bytes

                tei = bulletins.export(document, "tei")
                report = validate_bytes(tei.encode("utf-8") if isinstance(tei, str) else tei)
                if not report.valid:
                    first = report.problems[0]
                    result.problems.append(f"TEI invalid: line {first.line}: {first.message}")
    except ReadError as exc:
        # A scan with no text layer is refused with the reason (install bulletins[ocr]), as the
        # issue asks; any other refusal of a corpus file is a problem.
        if "no text layer" in str(exc):
            result.refused = str(exc)
        else:
            result.problems.append(f"ReadError: {exc}")
    except Exception as exc:  # the sweep reports every failure, whatever it is
        where = traceback.extract_tb(exc.__traceback__)[-1]
        result.problems.append(f"{type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})")
    return result


def sweep(corpus: Path, *, jobs: int = 2, tei_every: int = 10, limit: int | None = None) -> Iterator[FileResult]:
    """Check every corpus file (see the module docstring), yielding results in sorted order."""
    files = corpus_files(corpus)[:limit]
    tasks = [(p, corpus, tei_every > 0 and i % tei_every == 0) for i, p in enumerate(files)]
    if jobs <= 1:
        yield from map(_check, tasks)
        return
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        yield from pool.imap(_check, tasks, chunksize=16)


def report(results: list[FileResult], out: object = sys.stdout) -> int:
    """Print the histogram, field counts and every problem; return the number of failed files."""
    write = out.write  # type: ignore[attr-defined]
    folders = sorted({r.folder for r in results})
    failed = [r for r in results if r.problems]
    write(f"{len(results)} files, {len(failed)} with problems\n")
    for folder in folders:
        group = [r for r in results if r.folder == folder]
        histogram = Counter(min(r.bulletins, 5) for r in group)
        total = sum(r.bulletins for r in group)
        multi = sum(1 for r in group if r.bulletins > 1)
        cells = "  ".join(f"{k if k < 5 else '5+'}: {histogram[k]}" for k in sorted(histogram))
        write(f"\n{folder}: {len(group)} files, {total} bulletins, {multi} files ({multi / len(group):.1%}) with >1\n")
        write(f"  bulletins per file  {cells}\n")
        fields = Counter[str]()
        for r in group:
            fields.update(r.fields)
        write("  bulletins with      " + "  ".join(f"{n}: {fields[n]}" for n in FIELDS) + "\n")
    for r in results:
        if r.refused:
            write(f"{r.path}: refused: {r.refused}\n")
    for r in failed:
        for problem in r.problems:
            write(f"{r.path}: {problem}\n")
    return len(failed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--tei-every", type=int, default=10, help="validate every K-th file's TEI (0: none)")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--check", action="store_true", help="exit 1 when any file has a problem")
    parser.add_argument("--ocr", action="store_true", help="read scans with OCR where bulletins[ocr] is installed")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus: {args.corpus} is not a directory", file=sys.stderr)
        return 2
    if args.ocr:
        os.environ["BULLETINS_OCR"] = "on"
    results = list(sweep(args.corpus, jobs=args.jobs, tei_every=args.tei_every, limit=args.limit))
    failed = report(results)
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
