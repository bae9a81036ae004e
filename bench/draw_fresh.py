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
"""

from __future__ import annotations

import csv
import random
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


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    corpus = Path(args[0]) if args else ROOT.parent / "shared" / "corpus"
    print("source\tfile\tstratum")
    for row in choose(corpus):
        print("\t".join(row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
