"""Score the html reader on the 56 gov.cn pages against the crawler's own metadata (issue 10).

For each page in ``../shared/corpus/govcn-html/metadata.tsv``:

- title: the first bulletin's headline lines joined (no separator) equal ``title``;
- doc_number: the first bulletin's ``doc_number`` equals ``release_number``, counted over the
  pages whose visible text prints that number;
- issuer: the first bulletin's closing issuer equals ``release_office`` (the issuer lines
  joined, whitespace and ``、`` separators aside), counted over the pages whose visible text
  closes with it (the office is printed on one of the last eight lines).

Usage: python bench/govcn.py [CORPUS_DIR] [-v]
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import bulletins
from bulletins.readers import get_reader

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from locate import corpus_dir  # noqa: E402

DEFAULT = corpus_dir() / "govcn-html"
_SPACE = re.compile(r"\s+")


def _squash(text: str) -> str:
    return _SPACE.sub("", text.replace("\u3000", "").replace("\xa0", ""))


def score(folder: Path, verbose: bool = False) -> dict[str, tuple[int, int]]:
    """Return ``{measure: (hits, pages counted)}`` and print misses when *verbose*."""
    rows = list(csv.DictReader((folder / "metadata.tsv").open(encoding="utf-8"), delimiter="\t"))
    reader = get_reader("html")
    title = number = issuer = 0
    number_pages = issuer_pages = 0
    for row in rows:
        data = (folder / row["file"]).read_bytes()
        document = bulletins.parse(data, source=row["file"])
        visible = [line.text for reading in reader.read(data) for line in reading.lines]
        first = document.bulletins[0] if document.bulletins else None
        joined = "".join(first.headline.lines) if first and first.headline else ""
        if _squash(joined) == _squash(row["title"]):
            title += 1
        elif verbose:
            print(f"{row['file']}: title {joined!r} != {row['title']!r}")
        if any(row["release_number"] in _squash(line) for line in visible):
            number_pages += 1
            found = first.doc_number if first else None
            if found == row["release_number"]:
                number += 1
            elif verbose:
                print(f"{row['file']}: doc_number {found!r} != {row['release_number']!r}")
        office = _squash(row["release_office"]).replace("、", "")
        if any(_squash(line).replace("、", "") == office for line in visible[-8:]):
            issuer_pages += 1
            got = first.closing.issuer if first and first.closing else None
            if got is not None and _squash(got).replace("、", "") == office:
                issuer += 1
            elif verbose:
                print(f"{row['file']}: issuer {got!r} != {row['release_office']!r}")
    return {"title": (title, len(rows)), "doc_number": (number, number_pages), "issuer": (issuer, issuer_pages)}


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    folder = Path(args[0]) if args else DEFAULT
    results = score(folder, verbose)
    targets = {"title": ("pages", 54), "doc_number": ("%", 95), "issuer": ("%", 95)}
    for name, (hits, total) in results.items():
        kind, target = targets[name]
        share = 100 * hits / total if total else 0.0
        reached = hits >= target if kind == "pages" else share >= target
        goal = f">= {target} pages" if kind == "pages" else f">= {target}%"
        print(f"{name:10} {hits}/{total} ({share:.1f}%)  target {goal}: {'reached' if reached else 'NOT reached'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
