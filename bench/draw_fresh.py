"""Draw the fresh files of the leave-one-source-out set (issue 15): tests/fixtures/fresh/DRAW.tsv.

Stdlib only (it imports bench/sample.py's strata tests). The draw is made from file names and
plain-text features only, before any output of bulletins is looked at, and never redone. Files
already in an annotated set (tests/fixtures/corpus/SAMPLE.tsv, tests/fixtures/formats/DRAW.tsv)
are never drawn again. One ``random.Random(SEED)`` instance draws every source in the order of
the plan below:

- ``rmrb``: 20 People's Daily files over the strata of bench/sample.py (the top-up's stricter
  speech test), weighted to the layouts issue 15 names (speeches, documents, readouts);
- ``web``: every remaining govreport and xwlb file, three of each other web folder;
- ``govcn-html``: 15 of the 56 gov.cn pages (never annotated before);
- ``formats``: 15 of the files the formats draw left (PDF, scans, whole pages, Word).

    python3 bench/draw_fresh.py [CORPUS_DIR] > tests/fixtures/fresh/DRAW.tsv

Round 2 (session 6): the first draw was spent on the rules written from its misses, so a new
leave-one-source-out figure needs files no rule author has read. ``--round 2`` draws 60 more
with its own seed, never a file of round 1, of an annotated set, or named anywhere in the
repository's text or the open issues (a file a rule, a test or an issue names has been read):

    python3 bench/draw_fresh.py --round 2 [CORPUS_DIR] > tests/fixtures/fresh2/DRAW.tsv
"""

from __future__ import annotations

import csv
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample import _claims

ROOT = Path(__file__).resolve().parents[1]
SEED = 20261206

RMRB = (
    ("speech", 4, r"\n\s*(?:同志们|各位代表|各位委员)[^\n]{0,12}[：:]\s*\n", r"(讲话|致辞|报告|演讲)"),
    ("document", 5, r"\n\s*[一二三四五六]、", r"(意见|决定|通知|公报|条例|国务院令|办法|规定)"),
    ("readout", 5, r"(出席|列席|参加)(会议|活动|仪式|开幕式|座谈会)", None),
    ("dispatch", 2, None, r"新华社.{0,12}\d{1,2}月\d{1,2}日电"),
    ("feature", 2, r"\n\s*(制图：|版式设计：|数据来源：|.{2,12}摄\s*$)", None),
    ("commentary", 1, None, r"(本报评论员|人民论坛|今日谈|评论员文章|人民时评|人民观点)"),
    ("brief-or-picture", 1, None, r"(新闻速递|图片新闻|图片报道|图说|新闻图片|摄影报道)"),
)
WEB = {"govreport": 2, "xwlb": 2, "lawref": 3, "xispeech": 3, "hkcnews": 3, "newscrawl": 3}
FORMATS = {"pdf-text": 6, "pdf-scanned": 2, "html-pages": 5, "docx": 2}
FORMAT_KEEP = {
    "pdf-text": (".pdf",),
    "pdf-scanned": (".pdf",),
    "html-pages": (".html",),
    "docx": (".docx", ".doc", ".wps"),
}


SEED_2 = 20261207
RMRB_2 = (
    ("speech", 3),
    ("document", 4),
    ("readout", 4),
    ("dispatch", 1),
    ("feature", 1),
    ("commentary", 1),
    ("brief-or-picture", 1),
)
WEB_2 = {"lawref": 4, "xispeech": 4, "hkcnews": 3, "newscrawl": 4}
FORMATS_2 = {"pdf-text": 8, "pdf-scanned": 2, "html-pages": 5, "docx": 3}
MENTION_ROOTS = ("src", "tests", "docs", "bench", "grammars", "examples", "README.md", "CONTRIBUTING.md")


def _mentioned(extra_text: str) -> str:
    """Every text the rule authors wrote or read about files: the repository's sources and docs
    (fixtures excepted: their file keys are the annotated sets, excluded by name) and the issues."""
    parts = [extra_text]
    for root in MENTION_ROOTS:
        path = ROOT / root
        files = [path] if path.is_file() else sorted(path.rglob("*"))
        for f in files:
            if f.is_file() and f.suffix in {".py", ".md", ".lark", ".txt", ".tsv", ".json", ".toml"}:
                if ("fixtures" in f.parts and f.suffix == ".json") or "fresh2" in f.parts:
                    continue
                parts.append(f.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(parts)


def _named(rel: str, text: str) -> bool:
    """Whether a corpus file is named in ``text`` (its stem as a whole token)."""
    stem = Path(rel).name.split(".")[0]
    return re.search(rf"(?<![\w-]){re.escape(stem)}(?![\w-])", text) is not None


def _taken() -> set[str]:
    taken: set[str] = set()
    with (ROOT / "tests/fixtures/corpus/SAMPLE.tsv").open(encoding="utf-8") as f:
        taken |= {row["file"] for row in csv.DictReader(f, delimiter="\t")}
    with (ROOT / "tests/fixtures/formats/DRAW.tsv").open(encoding="utf-8") as f:
        taken |= {f"formats/{row['folder']}/{row['file']}" for row in csv.DictReader(f, delimiter="\t")}
    return taken


def choose(corpus: Path) -> list[tuple[str, str, str]]:
    """Return ``(source, relative path, stratum)`` rows in drawing order."""
    rng = random.Random(SEED)
    taken = _taken()
    rows: list[tuple[str, str, str]] = []
    rmrb = sorted(p for p in (corpus / "rmrb").rglob("*.txt") if str(p.relative_to(corpus)) not in taken)
    texts = {p: p.read_bytes().decode("utf-8", "replace").replace("\r\n", "\n") for p in rmrb}
    for stratum, count, whole, top in RMRB:
        pool = [p for p in rmrb if str(p.relative_to(corpus)) not in taken and _claims(texts[p], whole, top)]
        for p in rng.sample(pool, min(count, len(pool))):
            taken.add(str(p.relative_to(corpus)))
            rows.append(("rmrb", str(p.relative_to(corpus)), stratum))
    for folder, count in WEB.items():
        pool = sorted(
            p for p in (corpus / "web" / folder).iterdir() if p.is_file() and str(p.relative_to(corpus)) not in taken
        )
        for p in rng.sample(pool, min(count, len(pool))):
            rows.append(("web", str(p.relative_to(corpus)), f"web-{folder}"))
    pages = sorted((corpus / "govcn-html").glob("*.html"))
    for p in rng.sample(pages, 15):
        rows.append(("govcn-html", str(p.relative_to(corpus)), "govcn-html"))
    for folder, count in FORMATS.items():
        pool = sorted(
            p
            for p in (corpus / "formats" / folder).iterdir()
            if p.name.endswith(FORMAT_KEEP[folder]) and str(p.relative_to(corpus)) not in taken
        )
        for p in rng.sample(pool, min(count, len(pool))):
            rows.append(("formats", str(p.relative_to(corpus)), folder))
    return rows


def choose_round_2(corpus: Path, issues_text: str) -> list[tuple[str, str, str]]:
    """Round 2's ``(source, relative path, stratum)`` rows in drawing order."""
    rng = random.Random(SEED_2)
    taken = _taken()
    with (ROOT / "tests/fixtures/fresh/DRAW.tsv").open(encoding="utf-8") as f:
        taken |= {row["file"] for row in csv.DictReader(f, delimiter="\t")}
    mentioned = _mentioned(issues_text)

    def fresh(p: Path) -> bool:
        rel = str(p.relative_to(corpus))
        return rel not in taken and not _named(rel, mentioned)

    rows: list[tuple[str, str, str]] = []
    rmrb = sorted(p for p in (corpus / "rmrb").rglob("*.txt") if fresh(p))
    texts = {p: p.read_bytes().decode("utf-8", "replace").replace("\r\n", "\n") for p in rmrb}
    tests = {name: (whole, top) for name, _, whole, top in RMRB}
    for stratum, count in RMRB_2:
        whole, top = tests[stratum]
        pool = [p for p in rmrb if str(p.relative_to(corpus)) not in taken and _claims(texts[p], whole, top)]
        for p in rng.sample(pool, min(count, len(pool))):
            taken.add(str(p.relative_to(corpus)))
            rows.append(("rmrb", str(p.relative_to(corpus)), stratum))
    for folder, count in WEB_2.items():
        pool = sorted(p for p in (corpus / "web" / folder).iterdir() if p.is_file() and fresh(p))
        for p in rng.sample(pool, min(count, len(pool))):
            rows.append(("web", str(p.relative_to(corpus)), f"web-{folder}"))
    pages = sorted(p for p in (corpus / "govcn-html").glob("*.html") if fresh(p))
    for p in rng.sample(pages, min(15, len(pages))):
        rows.append(("govcn-html", str(p.relative_to(corpus)), "govcn-html"))
    for folder, count in FORMATS_2.items():
        pool = sorted(
            p for p in (corpus / "formats" / folder).iterdir() if p.name.endswith(FORMAT_KEEP[folder]) and fresh(p)
        )
        for p in rng.sample(pool, min(count, len(pool))):
            rows.append(("formats", str(p.relative_to(corpus)), folder))
    return rows


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    round_2 = "--round" in args and args[args.index("--round") + 1] == "2"
    args = [a for i, a in enumerate(args) if a != "--round" and (i == 0 or args[i - 1] != "--round")]
    corpus = Path(args[0]) if args else ROOT.parent / "shared" / "corpus"
    issues_text = ""
    if round_2:
        issues_file = ROOT / "tests/fixtures/fresh2/ISSUES.txt"
        issues_text = issues_file.read_text(encoding="utf-8") if issues_file.exists() else ""
    print("source\tfile\tstratum")
    for row in choose_round_2(corpus, issues_text) if round_2 else choose(corpus):
        print("\t".join(row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
