"""Fingerprint the library's output on the whole corpus, to prove a refactor changed nothing.

    python3 bench/digest.py OUT.tsv [CORPUS_DIR] [--jobs N] [--limit N]

Parses every corpus file — each .txt/.md/.html/.htm under rmrb/, web/ and govcn-html/, and every
file under formats/ (whatever its suffix, metadata at formats/'s top included) — through
:func:`bulletins.parse_file` with ``BULLETINS_OCR=off`` (scans are refused for a stated reason
rather than read by an engine whose output may vary), and writes one tab-separated line per file,
in sorted path order (a dataset, which holds a document per row, is read whole by
:func:`bulletins.parse_many` and its documents' exports are joined):

    path  sha1(JSON export)  sha1(TEI export)  bulletin count

or, for a file that raised, ``path  ERR <ExceptionClass>: <message>  -  -1``. Run it once before
a change and once after, outside the repository, and compare with ``cmp``: identical files mean
the change is output-neutral on the corpus (issue 15's lexing move was checked this way). The
JSON and TEI exports hold no time stamps or versions, so two runs of one checkout agree.

Stdlib + bulletins only. Takes a few minutes with ``--jobs 2`` on the 10,485-file corpus.
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import os
import sys
from pathlib import Path

os.environ["BULLETINS_OCR"] = "off"

import bulletins  # read after the environment is set

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from locate import corpus_dir  # noqa: E402

DEFAULT_CORPUS = corpus_dir()
TEXT_FOLDERS = ("rmrb", "web", "govcn-html")
TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")


def corpus_files(corpus: Path) -> list[Path]:
    """The files to fingerprint, sorted: text files of the text folders, everything in formats/."""
    found: list[Path] = []
    for folder in TEXT_FOLDERS:
        found.extend(p for p in (corpus / folder).rglob("*") if p.is_file() and p.suffix in TEXT_SUFFIXES)
    found.extend(p for p in (corpus / "formats").rglob("*") if p.is_file())
    return sorted(found)


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def fingerprint(path: Path, corpus: Path) -> str:
    """One output line for *path*: its exports' digests and bulletin count, or its error."""
    name = path.relative_to(corpus).as_posix()
    try:
        try:
            documents = [bulletins.parse_file(path)]
        except bulletins.ReadError as exc:
            if "several documents" not in str(exc):
                raise
            # A dataset (a document per row): every row, through parse_many.
            documents = list(bulletins.parse_many(path.read_bytes(), source=path.name))
        json_text = "\n".join(bulletins.export(d, "json") for d in documents)
        tei_text = "\n".join(bulletins.export(d, "tei") for d in documents)
    except Exception as exc:  # a refusal is part of the output to compare
        message = " ".join(str(exc).split())
        return f"{name}\tERR {type(exc).__name__}: {message}\t-\t-1"
    count = sum(len(d.bulletins) for d in documents)
    return f"{name}\t{_sha1(json_text)}\t{_sha1(tei_text)}\t{count}"


def _one(args: tuple[Path, Path]) -> str:
    return fingerprint(*args)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="where to write the TSV (keep it outside the repo)")
    parser.add_argument("corpus", type=Path, nargs="?", default=DEFAULT_CORPUS)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--limit", type=int, default=0, help="first N files only (a smoke run)")
    args = parser.parse_args(argv)
    corpus: Path = args.corpus.resolve()
    files = corpus_files(corpus)
    if args.limit:
        files = files[: args.limit]
    if not files:
        print(f"digest: no corpus files under {corpus}", file=sys.stderr)
        return 2
    work = [(p, corpus) for p in files]
    if args.jobs > 1:
        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            lines = pool.map(_one, work, chunksize=16)
    else:
        lines = [_one(w) for w in work]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors = sum(1 for line in lines if "\tERR " in line)
    print(f"digest: {len(lines)} files, {errors} errors → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
