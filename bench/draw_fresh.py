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

Round 3 (session 7): round 2 was spent in its turn. Its draw rule left few unread files outside
People's Daily (8 web texts, 4 gov.cn pages, 3 .doc files and an OFD), so ``--round 3`` takes
every one of those and 20 rmrb files weighted to the fields rmrb still misses (attendance in
readouts, speech front matter); the same exclusions as round 2, plus round 2's files:

    python3 bench/draw_fresh.py --round 3 [CORPUS_DIR] > tests/fixtures/fresh3/DRAW.tsv

Round 4 (session 8): every unread file outside People's Daily went to round 3, so round 4 draws
People's Daily only (the other sources' plans are kept: they find nothing left), weighted to
readouts, the field rmrb missed on round 3 (attendee precision). Besides round 3's exclusions it
leaves out every rmrb file printing ``将出席``/``将参加``: session 7's lead read their attendee
groups when the readers' disagreement over planned attendance came up, so they are not unread:

    python3 bench/draw_fresh.py --round 4 [CORPUS_DIR] > tests/fixtures/fresh4/DRAW.tsv
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
    "ofd": (".ofd",),
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
SEED_3 = 20261208
RMRB_3 = (
    ("speech", 6),
    ("readout", 6),
    ("document", 3),
    ("dispatch", 2),
    ("feature", 1),
    ("commentary", 1),
    ("brief-or-picture", 1),
)
ALL = 10**6  # every unread file of the folder
WEB_3 = {"hkcnews": ALL, "newscrawl": ALL, "xispeech": ALL, "lawref": ALL, "govreport": ALL, "xwlb": ALL}
FORMATS_3 = {"pdf-text": ALL, "pdf-scanned": ALL, "html-pages": ALL, "docx": ALL, "ofd": ALL}
SEED_4 = 20261209
RMRB_4 = (
    ("speech", ALL),
    ("readout", 8),
    ("document", 4),
    ("dispatch", 3),
    ("feature", 2),
    ("commentary", 1),
    ("brief-or-picture", 1),
)
SEEN_4 = re.compile(r"将(?:出席|参加)")
ROUND_FILES = {2: "tests/fixtures/fresh2", 3: "tests/fixtures/fresh3", 4: "tests/fixtures/fresh4"}
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
                if ("fixtures" in f.parts and f.suffix == ".json") or {"fresh2", "fresh3", "fresh4"} & set(f.parts):
                    continue
                parts.append(f.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(parts)


_TOKENS: dict[int, set[str]] = {}


def _named(rel: str, text: str) -> bool:
    """Whether a corpus file is named in ``text`` (its stem as a whole token).

    A stem of word characters and hyphens is a whole token exactly when it is one of the text's
    maximal ``[\\w-]+`` runs, so those are looked up in a set made once per text (a regex
    search of the whole text per corpus file took minutes once the text grew); any other stem
    is searched for as before.
    """
    stem = Path(rel).name.split(".")[0]
    if re.fullmatch(r"[\w-]+", stem):
        if id(text) not in _TOKENS:
            _TOKENS.clear()
            _TOKENS[id(text)] = set(re.findall(r"[\w-]+", text))
        return stem in _TOKENS[id(text)]
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


def choose_round_2(corpus: Path, issues_text: str, round_: int = 2) -> list[tuple[str, str, str]]:
    """Round 2's (or a later round's) ``(source, relative path, stratum)`` rows in drawing order."""
    seed, rmrb_plan, web_plan, pages, formats_plan = {
        2: (SEED_2, RMRB_2, WEB_2, 15, FORMATS_2),
        3: (SEED_3, RMRB_3, WEB_3, ALL, FORMATS_3),
        4: (SEED_4, RMRB_4, WEB_3, ALL, FORMATS_3),
    }[round_]
    rng = random.Random(seed)
    taken = _taken()
    for draw in ["tests/fixtures/fresh"] + [ROUND_FILES[r] for r in range(2, round_)]:
        with (ROOT / draw / "DRAW.tsv").open(encoding="utf-8") as f:
            taken |= {row["file"] for row in csv.DictReader(f, delimiter="\t")}
    mentioned = _mentioned(issues_text)

    def fresh(p: Path) -> bool:
        rel = str(p.relative_to(corpus))
        return rel not in taken and not _named(rel, mentioned)

    rows: list[tuple[str, str, str]] = []
    rmrb = sorted(p for p in (corpus / "rmrb").rglob("*.txt") if fresh(p))
    texts = {p: p.read_bytes().decode("utf-8", "replace").replace("\r\n", "\n") for p in rmrb}
    if round_ >= 4:
        rmrb = [p for p in rmrb if not SEEN_4.search(texts[p])]
    tests = {name: (whole, top) for name, _, whole, top in RMRB}
    for stratum, count in rmrb_plan:
        whole, top = tests[stratum]
        pool = [p for p in rmrb if str(p.relative_to(corpus)) not in taken and _claims(texts[p], whole, top)]
        for p in rng.sample(pool, min(count, len(pool))):
            taken.add(str(p.relative_to(corpus)))
            rows.append(("rmrb", str(p.relative_to(corpus)), stratum))
    for folder, count in web_plan.items():
        pool = sorted(p for p in (corpus / "web" / folder).iterdir() if p.is_file() and fresh(p))
        for p in rng.sample(pool, min(count, len(pool))):
            rows.append(("web", str(p.relative_to(corpus)), f"web-{folder}"))
    govcn = sorted(p for p in (corpus / "govcn-html").glob("*.html") if fresh(p))
    for p in rng.sample(govcn, min(pages, len(govcn))):
        rows.append(("govcn-html", str(p.relative_to(corpus)), "govcn-html"))
    for folder, count in formats_plan.items():
        pool = sorted(
            p for p in (corpus / "formats" / folder).iterdir() if p.name.endswith(FORMAT_KEEP[folder]) and fresh(p)
        )
        for p in rng.sample(pool, min(count, len(pool))):
            rows.append(("formats", str(p.relative_to(corpus)), folder))
    return rows


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    round_ = int(args[args.index("--round") + 1]) if "--round" in args else 1
    args = [a for i, a in enumerate(args) if a != "--round" and (i == 0 or args[i - 1] != "--round")]
    corpus = Path(args[0]) if args else ROOT.parent / "shared" / "corpus"
    issues_text = ""
    if round_ > 1:
        issues_file = ROOT / ROUND_FILES[round_] / "ISSUES.txt"
        issues_text = issues_file.read_text(encoding="utf-8") if issues_file.exists() else ""
    print("source\tfile\tstratum")
    for row in choose_round_2(corpus, issues_text, round_) if round_ > 1 else choose(corpus):
        print("\t".join(row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
