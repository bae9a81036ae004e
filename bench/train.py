"""Line labels by reading, the learned line labeller, the confidence model: train and score them (issue 16).

    python3 bench/train.py labels [--check]     # derive the line labels; print counts and the undecided lines
    python3 bench/train.py labels --undecided   # the short lines still to decide by reading (TSV)
    python3 bench/train.py loso                 # leave-one-source-out: rules alone vs labeller + rules (needs [train])
    python3 bench/train.py confidence [--write] # the confidence model's reliability; --write ships its weights

Deterministic: inputs are read in sorted order, python-crfsuite's L-BFGS has no randomness, the
logistic regression starts at zero and runs a fixed number of full-batch steps.

## The data

Every text fixture with line numbers that was written by reading: the corpus sample
(``tests/fixtures/corpus``, 200 files) and the text files of the first three fresh draws
(``tests/fixtures/fresh``, ``fresh2``, ``fresh3``: rmrb and web; files whose bytes equal a sample
file are left out, as bench/accuracy.py does). The line labeller and the confidence model train on
the same files. The fourth draw (``fresh4``) is held out: nothing trains on it (its short lines are
decided in SHORT_LINES.tsv as data, unused here); ``confidence --held-out`` scores it.
The seeds are not used: their fixture (tests/fixtures/seeds_expected.py) decides only
segmentation, headlines and datelines, so most of their lines would be undecided.

The **paged** fixtures (:func:`paged_cases`) are the only files whose readers give geometry hints
(font size, centred, bold, heading level): the formats set (``tests/fixtures/formats``, PDFs with a
text layer, whole web pages, Word, OFD) and the page files of the same three draws (``govcn-html``
and ``formats`` rows of their DRAW.tsv). Their bytes come from the shared corpus (bench/locate.py).
Image-only scans (``pdf-scanned``) are paged cases only where ``bulletins[ocr]`` is installed
(:func:`scans_readable`): their lines are the OCR engine's, so their short-line decisions are keyed,
like every row of SHORT_LINES.tsv, on the line's number and text as that engine read it (the
labels README, "Scans", names the engine version). Another engine's reading leaves its lines
undecided and ``labels --check`` fails: never a label on a line it was not read for. OCR makes
them slow (about five minutes for the nine). ``fresh4`` has no page files and is held out anyway.

## Sources (leave-one-source-out)

``rmrb`` as a whole, and each ``web/`` folder (``web-govreport``, ``web-hkcnews``,
``web-lawref``, ``web-newscrawl``, ``web-xispeech``, ``web-xwlb``); a fresh file counts with its
source. The paged fixtures add two sources: ``govcn-html`` (gov.cn's pages) and ``formats`` (every folder
of the formats corpus, the formats set's and the draws' alike). ``loso`` scores them with the
formats scorer (bench/accuracy.py ``score_format_file``: headline, doc_number, closing, points …
without line numbers) in a table of their own; ``loso --text-only`` trains and scores as before
the paged fixtures were labelled. rmrb is one source, not one per stratum: its strata are genres drawn from one
publisher's pages, and they share its layout (the 　　 indent, 本报记者 bylines, the credit
lines); leaving out a stratum would still train on that layout, which is what a new publisher
would not give.

## How each line's label is derived (:func:`line_labels`)

Line numbers are the fixture's (the cleaned text's lines, which the fixtures count). For each
bulletin of a fixture, inside its ``lines`` range:

==========  ==================================================================================
label       lines
==========  ==================================================================================
headline    each entry of ``headline``: the first unlabelled line of the range's head whose
            text (whitespace removed) equals it
dateline    the first line whose text contains ``dateline.text`` (a leading or trailing dateline)
credit      ``credits[].line``
point       ``points[].line`` (—— items are not points here: they are body)
closing     the line holding ``closing.date`` (searched from the end) and the lines right above
            it whose text is part of ``closing.issuer``
front       speech front matter: the head's line holding ``speech.date``, the line that is the
            ``speech.salutation``, a short line of the head holding ``speech.speaker``
byline      a short line among the four after the headline that holds a ``byline`` name
body        every other line of the range
outside     every non-blank line outside all bulletins (residue, a table of contents, chrome)
==========  ==================================================================================

A label the fixture names but no line matches is reported (``--check`` fails on it). The fixture
does **not decide** whether a short line of the body is a subhead, a caption or a short paragraph
(subheads are not annotated): such lines are ``body`` and flagged undecided; the labeller's
``body`` label means "not a headline, a dateline, a byline, a credit, a point, a closing, front
matter" and nothing finer. Each undecided line's kind (subhead, caption, paragraph, list, other)
is decided by reading in ``tests/fixtures/labels/SHORT_LINES.tsv`` (its README), kept with the
fixtures: ``labels --check`` fails while a line is left open.

## How a paged fixture's lines are labelled (:func:`paged_line_labels`)

A paged fixture has no line numbers: its texts are found among the reader's raw lines, in order,
whitespace removed and full-width ASCII folded on both sides. A bulletin runs from its start to
the next bulletin's start; the last from its start to the end of the document.

==========  ==================================================================================
label       lines
==========  ==================================================================================
(start)     the first line equal to (else fitting, :func:`_fits`) the first ``headline`` entry
            after the previous bulletin's headline, not a ``chrome`` line; the nearest line
            holding ``doc_number`` among the eight above it moves the start up (an order's 令
            number and signature stand above the regulation); no headline: the doc_number line
headline    each ``headline`` entry in order from the start (as :func:`line_labels`), and the
            following lines while they continue an entry the page wrapped
point       each ``points`` entry by marker + its first two characters, in order (a marker alone
            on its line when the next line starts with them); each point then moves to its last
            fitting line before the next point's, so a table of contents is skipped
dateline    as :func:`line_labels`
closing     as :func:`line_labels` (the date searched from the bulletin's end, the issuer's lines
            right above it), the date's line holding nothing else but part of the issuer (a 版记
            imprint ``…办公室 2011年3月10日印发`` below the 落款 is not the closing)
byline      as :func:`line_labels`
body        every other line of the bulletin; the ``doc_number`` line is body decided by the
            fixture (not flagged)
outside     lines before the first bulletin; lines holding a ``chrome`` string or a piece of one
            the page wrapped; after a bulletin's last labelled line, the first chrome line and
            everything after it up to the next bulletin; a line that is only a page number
            (:data:`PAGE_NUMBER`: ``— 1 —``, ``第3页``, ``2/7``; a bare number only when it
            goes on counting the pages, :func:`_page_numbers`)
==========  ==================================================================================

Short body lines are flagged undecided as by :func:`line_labels`, keyed in SHORT_LINES.tsv by
the case's name (``formats/pdf-text/x.pdf``, ``fresh2/govcn-html/row7.html``) and the reader's
line number.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import itertools
import json
import os
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

import accuracy  # noqa: E402

from bulletins import pipeline  # noqa: E402
from bulletins.cleaners import DEFAULT_CLEANERS  # noqa: E402
from bulletins.confidence import Logistic  # noqa: E402
from bulletins.lexing import lex  # noqa: E402
from bulletins.lexing.labeller import LABELS, CrfModel, line_features, rule_terminals  # noqa: E402
from bulletins.lexing.lines import Raw, is_short  # noqa: E402
from bulletins.readers import Hints  # noqa: E402

_WS = re.compile(r"[\s\u3000\xa0]+")
SOURCES = ("rmrb", "web-govreport", "web-hkcnews", "web-lawref", "web-newscrawl", "web-xispeech", "web-xwlb")
CRF_MODEL = ROOT / "bench" / "out" / "labeller.json"
"""Where ``loso --write`` puts the labeller trained on every source (not package data: it does not ship)."""


def _squash(text: str | None) -> str:
    return "" if text is None else _WS.sub("", text)


@dataclass
class Case:
    """One fixture file: where it is, its source, its bytes and its bulletins as the fixture writes them."""

    name: str
    source: str
    data: bytes
    bulletins: list[dict[str, Any]]
    records: list[accuracy.Record] = field(default_factory=list)
    chrome: list[str] = field(default_factory=list)
    """A paged fixture's ``chrome`` strings (navigation and footer lines seen on a web page)."""
    paged: bool = False
    """A page file (PDF, web page, Word, OFD): no line numbers; labelled by :func:`paged_line_labels`."""
    format_records: list[accuracy.FormatRecord] = field(default_factory=list)
    """A paged fixture's bulletins as the formats scorer reads them."""
    ocr: bool = False
    """An image-only scan: its lines are the OCR engine's (read with ``bulletins[ocr]``, never text layers only)."""


def _file_name(case: Case) -> str:
    """The corpus file name of *case* (a draw's fixture is named ``fresh/…`` or ``fresh2/…``)."""
    draw, _, rest = case.name.partition("/")
    return rest if draw in accuracy.FRESH_DRAWS else case.name


def source_of(name: str) -> str:
    """``rmrb`` or ``web-<folder>`` for a fixture's file name."""
    parts = name.split("/")
    return "rmrb" if parts[0] == "rmrb" else f"web-{parts[1]}"


LABELLED_DRAWS = (accuracy.FRESH, accuracy.FRESH2, accuracy.FRESH3)
"""The fresh draws whose text files train the line labeller: their short body lines are decided by
reading in SHORT_LINES.tsv. The held-out fourth draw is not among them, although its short lines
are decided there too."""
SPENT_DRAWS = (accuracy.FRESH, accuracy.FRESH2, accuracy.FRESH3)
"""The fresh draws whose text files train the confidence model, which needs no line labels: all are
spent (their misses were read by rule authors; the third since session 8). A draw still held out
(``tests/fixtures/fresh4``) is never read here."""
HELD_OUT = accuracy.FRESH4
"""The newest draw: never trained on; ``confidence --held-out`` scores it with the shipped model."""


def cases(draws: Sequence[Path] = LABELLED_DRAWS) -> list[Case]:
    """Every text fixture with line numbers: the corpus sample, then the text files of *draws*, sorted by name."""
    out = []
    for path in sorted((accuracy.CORPUS / "expected").rglob("*.json")):
        fixture = json.loads(path.read_text(encoding="utf-8"))
        data = (accuracy.CORPUS / "files" / fixture["file"]).read_bytes()
        out.append(Case(fixture["file"], source_of(fixture["file"]), data, fixture["bulletins"]))
    for draw in draws:
        duplicates = accuracy.fresh_duplicates(draw)
        for source, name, _ in sorted(accuracy._fresh_rows(draw)):
            path = draw / "expected" / f"{name}.json"
            if source not in ("rmrb", "web") or name in duplicates or not path.is_file():
                continue
            fixture = json.loads(path.read_text(encoding="utf-8"))
            data = (draw / "files" / name).read_bytes()
            out.append(Case(f"{draw.name}/{name}", source_of(name), data, fixture["bulletins"]))
    for case in out:
        case.records = accuracy.expected_records(case.bulletins)
    return out


PAGED_SOURCES = ("govcn-html", "formats")
"""The sources of the paged fixtures: gov.cn's web pages, and every folder of the formats corpus as one."""
SCAN_FOLDERS = ("pdf-scanned",)
"""Image-only scans: their lines are the OCR engine's, so they are paged cases only where
``bulletins[ocr]`` is installed (:func:`scans_readable`), and slow (minutes for the nine)."""


def scans_readable() -> bool:
    """The OCR extra is installed and not switched off (``ocr.available``): the scans' lines can be read as labelled."""
    from bulletins import ocr

    return ocr.available()


def paged_cases(
    draws: Sequence[Path] = LABELLED_DRAWS, corpus: Path | None = None, scans: bool | None = None
) -> list[Case]:
    """Every paged fixture: the formats set, then the page files of *draws*.

    The name is the fixture's key in SHORT_LINES.tsv: ``formats/<folder>/<file>`` for the formats
    set, ``<draw>/<corpus path>`` for a draw's page (``fresh2/govcn-html/row7.html``,
    ``fresh/formats/docx/x.docx``). The bytes are read from the shared corpus (bench/locate.py);
    a file missing there is left out. Image-only scans are in when *scans* is true (by default:
    when :func:`scans_readable`); their lines are the OCR engine's (labels README, "Scans").
    """
    root = corpus or accuracy.formats_corpus()
    with_scans = scans_readable() if scans is None else scans
    found: list[tuple[str, str, Path, Path, bool]] = []  # name, source, fixture, file, scan
    for fixture in sorted((accuracy.FORMATS / "expected").rglob("*.json")):
        scan = fixture.parent.name in SCAN_FOLDERS
        if with_scans or not scan:
            name = fixture.relative_to(accuracy.FORMATS / "expected").with_suffix("").as_posix()
            found.append((f"formats/{name}", "formats", fixture, root / "formats" / name, scan))
    for draw in draws:
        for source, name, stratum in sorted(accuracy._fresh_rows(draw)):
            fixture = draw / "expected" / f"{name}.json"
            scan = stratum in SCAN_FOLDERS
            if source in ("govcn-html", "formats") and (with_scans or not scan) and fixture.is_file():
                found.append((f"{draw.name}/{name}", source, fixture, root / name, scan))
    out = []
    for name, source, fixture, path, scan in found:
        if not path.is_file():
            continue
        data = json.loads(fixture.read_text(encoding="utf-8"))
        case = Case(name, source, path.read_bytes(), data["bulletins"], chrome=list(data.get("chrome") or []))
        case.paged = True
        case.ocr = scan
        case.format_records = accuracy.expected_format_records(data["bulletins"])
        out.append(case)
    return out


# --------------------------------------------------------------------------------------------
# Lexing a fixture file: the cleaned text and the raw lines the labeller would see.


@dataclass
class Lexed:
    text: str
    raws: list[Raw]
    hints: Sequence[Hints] | None
    terminals: list[str]


@contextlib.contextmanager
def text_layers_only() -> Iterator[None]:
    """Read with OCR off (``BULLETINS_OCR=off``) for the duration, whatever is installed.

    A paged fixture's line labels name the reader's line numbers, so its lines must not depend on
    whether the ``ocr`` extra is installed: a text PDF with image-only pages (the Tsinghua report)
    gains OCR'd lines with it, and every line after them moves. Scans are left out of the paged
    cases; image pages inside text PDFs are read as CI's sweep reads them without ``--ocr``.
    """
    saved = os.environ.get("BULLETINS_OCR")
    os.environ["BULLETINS_OCR"] = "off"
    try:
        yield
    finally:
        if saved is None:
            del os.environ["BULLETINS_OCR"]
        else:
            os.environ["BULLETINS_OCR"] = saved


def reading(case: Case) -> contextlib.AbstractContextManager[None]:
    """How *case* is read: a scan with OCR, every other file from its text layers only."""
    return contextlib.nullcontext() if case.ocr else text_layers_only()


def lexed(case: Case) -> Lexed:
    """The cleaned text of *case* and its raw lines at the labeller seam (rules alone)."""
    seen: dict[str, Any] = {}

    def grab(raws: list[Raw], hints: Sequence[Hints] | None) -> list[Raw]:
        seen["raws"], seen["hints"] = raws, hints
        return raws

    original = pipeline.lex  # type: ignore[attr-defined]
    with reading(case):
        text, lines, _, _ = next(pipeline._readings(case.data, case.name, "auto", None, "strict"))
        setattr(pipeline, "lex", functools.partial(lex, labeller=grab))  # noqa: B010
        try:
            cleaned, _, _ = pipeline._lexed(text, lines, case.name, DEFAULT_CLEANERS)
        finally:
            setattr(pipeline, "lex", original)  # noqa: B010
    raws = seen.get("raws", [])
    return Lexed(cleaned, raws, seen.get("hints"), rule_terminals(raws) if raws else [])


# --------------------------------------------------------------------------------------------
# Line labels from the fixtures.


@dataclass
class Labels:
    """Per raw line (parallel to the lexer's raws): the label, whether the fixture decides it, what did not match."""

    label: list[str]
    undecided: set[int]
    """Indices of raws whose label the fixture does not decide."""
    unmatched: list[str]
    """Labels the fixture names that no line matched (``field: text``)."""


def _fits(unit: str, want: str) -> bool:
    """A unit (a raw line's text, whitespace removed) holds *want*, or is a wrapped part of it."""
    return unit == want or (want in unit and len(unit) <= len(want) + 40) or (len(unit) >= 4 and unit in want)


def _dateline(
    want: str, printed: str, span: Sequence[int], texts: Sequence[str], mine: dict[int, str], unmatched: list[str]
) -> None:
    """Label the first body line of *span* holding the dateline *want* (folded as *texts* are)."""
    want = want.strip("（()）")
    found = next((k for k in span if want and want in texts[k] and mine[k] == "body"), None)
    if found is None:
        unmatched.append(f"dateline: {printed}")
    else:
        mine[found] = "dateline"


def line_labels(raws: Sequence[Raw], bulletins: list[dict[str, Any]]) -> Labels:
    """Derive a label for every raw line from a fixture's bulletins (see the module docstring).

    A raw line is a non-blank source line, or one paragraph of a line that packs several; a
    fixture's line number names the source line, so its label goes to the first of that line's
    raws whose text fits (or to the first).
    """
    squashed = [_squash(raw.text) for raw in raws]
    label = ["outside"] * len(raws)
    undecided: set[int] = set()
    unmatched: list[str] = []
    for b in bulletins:
        first, last = b["lines"]
        span = [k for k, raw in enumerate(raws) if first <= raw.number <= last]
        mine = dict.fromkeys(span, "body")
        for c in b["credits"]:
            k = _at_line(raws, squashed, mine, c["line"])
            if k is not None:
                mine[k] = "credit"
        for p in b["points"]:
            if p["marker"] not in accuracy.UNSCORED_STYLES:
                k = _at_line(raws, squashed, mine, p["line"], _squash(p["marker"]) + _squash(p["first"])[:2])
                if k is not None:
                    mine[k] = "point"
        head = 0  # index into span: the headline's entries are found in order
        for entry in b["headline"] or ():
            want = _squash(entry)
            found = next((j for j in range(head, min(len(span), head + 12)) if _fits(squashed[span[j]], want)), None)
            if found is None:
                unmatched.append(f"headline: {entry}")
                continue
            mine[span[found]] = "headline"
            head = found + (0 if want in squashed[span[found]] and squashed[span[found]] != want else 1)
        head_end = span[head] if head < len(span) else len(raws)
        if b["dateline"]:
            _dateline(_squash(b["dateline"]["text"]), b["dateline"]["text"], span, squashed, mine, unmatched)
        if b["closing"]:
            _closing(b["closing"], span, squashed, mine, unmatched)
        if b["speech"]:
            _front(b["speech"], span, squashed, mine, unmatched)
        names = [_squash(n) for n in b["byline"]]
        for k in [k for k in span if k >= head_end][:4]:
            if mine[k] == "body" and is_short(raws[k].text) and any(n and n in squashed[k] for n in names):
                mine[k] = "byline"
        for k, value in mine.items():
            label[k] = value
            if value == "body" and is_short(raws[k].text):
                undecided.add(k)
    return Labels(label, undecided, unmatched)


def _at_line(
    raws: Sequence[Raw], squashed: list[str], mine: dict[int, str], number: int, text: str | None = None
) -> int | None:
    """The raw of source line *number* in the bulletin (*mine*): of a packed line, the one that starts with *text*."""
    on = [k for k in mine if raws[k].number == number]
    if text is not None:
        fit = [k for k in on if squashed[k].startswith(text) and mine[k] == "body"]
        on = fit or on
    return on[0] if on else None


def _closing(
    closing: dict[str, Any], span: list[int], squashed: list[str], mine: dict[int, str], unmatched: list[str]
) -> None:
    date = _squash(closing.get("date")).strip("（()）")
    issuer = _squash(closing.get("issuer"))
    at = None
    if date:
        at = next((k for k in reversed(span) if date in squashed[k] and mine[k] in ("body", "credit")), None)
        if at is None:
            unmatched.append(f"closing date: {closing.get('date')}")
            return
        mine[at] = "closing"
    elif issuer:
        at = next((k for k in reversed(span) if squashed[k] and squashed[k] in issuer), None)
        if at is None:
            unmatched.append(f"closing issuer: {closing.get('issuer')}")
            return
        mine[at] = "closing"
    if at is None or not issuer:
        return
    j = span.index(at) - 1
    while j >= 0 and span.index(at) - j <= 6 and squashed[span[j]] and squashed[span[j]] in issuer:
        mine[span[j]] = "closing"
        j -= 1


def _front(
    speech: dict[str, Any], span: list[int], squashed: list[str], mine: dict[int, str], unmatched: list[str]
) -> None:
    head = [k for k in span if mine[k] in ("body", "headline")][:10]
    for key in ("date", "salutation", "speaker"):
        want = _squash(speech.get(key)).strip("（()）")
        if not want:
            continue
        found = next(
            (k for k in head if want in squashed[k] and (key != "speaker" or len(squashed[k]) <= len(want) + 12)),
            None,
        )
        if found is None:
            if key != "speaker":  # a speaker named only in the title has no line of its own
                unmatched.append(f"speech {key}: {speech.get(key)}")
            continue
        if mine[found] == "body":  # a date printed in the headline's 题注 line stays a headline line
            mine[found] = "front"


# --------------------------------------------------------------------------------------------
# Line labels from the paged fixtures (no line numbers: the fixture's text is found in order).

PAGE_NUMBER = re.compile(r"[-—–－]+\d{1,4}[-—–－]+|第\d+页(共\d+页)?|\d+/\d+|[-—–－]?[ivxlcIVXLC]+[-—–－]?")
"""A line that is only a page number (whitespace removed): ``— 1 —``, ``- 12 -``, ``第3页``, ``2/7``, ``iv``.
A bare number is one too when it goes on the document's page numbering (:func:`_page_numbers`)."""


def _page_numbers(fold: Sequence[str]) -> set[int]:
    """Indices of the lines that are only a page number.

    :data:`PAGE_NUMBER`'s forms, and a bare number (no leading zero) that is one to three more
    than the last page number before it: a table's cells (``310``, ``07``) are bare numbers too,
    but they do not count the pages up from 1.
    """
    out: set[int] = set()
    last = 0
    for k, unit in enumerate(fold):
        if PAGE_NUMBER.fullmatch(unit):
            out.add(k)
            digits = re.sub(r"\D", "", unit)
            last = int(digits) if digits and "/" not in unit else last
        elif re.fullmatch(r"[1-9][0-9]{0,3}", unit) and last < int(unit) <= last + 3:
            out.add(k)
            last = int(unit)
    return out


def paged_line_labels(raws: Sequence[Raw], bulletins: list[dict[str, Any]], chrome: Sequence[str] = ()) -> Labels:
    """Derive a label for every raw line of a paged fixture, which has no line numbers (module docstring).

    The fixture's texts are found in the raws in order; whitespace is removed and full-width
    ASCII folded on both sides (as the formats scorer compares). Deterministic: every search is a
    scan in a fixed direction, first fit wins.
    """
    fold = [accuracy._fold(raw.text) or "" for raw in raws]
    n = len(raws)
    label = ["outside"] * n
    undecided: set[int] = set()
    unmatched: list[str] = []
    chrome_folded = [c for c in (accuracy._fold(c) or "" for c in chrome) if c]
    # a line holding a chrome string (is_chrome), or a piece of one the page wrapped (in_chrome)
    is_chrome = [any(c in u and len(u) <= len(c) * 1.3 + 2 for c in chrome_folded) for u in fold]
    in_chrome = [len(u) >= 4 and any(u in c for c in chrome_folded) for u in fold]
    page_numbers = _page_numbers(fold)
    starts: list[int | None] = []
    pos = 0
    for b in bulletins:
        at, pos = _paged_start(b, fold, is_chrome, pos)
        starts.append(at)
    for i, b in enumerate(bulletins):
        first = starts[i]
        if first is None:
            first = 0 if i == 0 else next((s for s in reversed(starts[:i]) if s is not None), -1) + 1
            if b["headline"] or b.get("doc_number"):
                unmatched.append(f"start (headline or doc_number): {''.join(b['headline'] or ())[:30]}")
        later = [s for s in starts[i + 1 :] if s is not None]
        end = later[0] if later else n
        span = [k for k in range(first, end) if not is_chrome[k]]
        mine = dict.fromkeys(span, "body")
        decided: set[int] = set()
        for k in span:
            if k in page_numbers:
                mine[k] = "outside"
        head = 0
        for entry in b["headline"] or ():
            want = accuracy._fold(entry) or ""
            window = range(head, min(len(span), head + 12))
            found = next((j for j in window if mine[span[j]] == "body" and _fits(fold[span[j]], want)), None)
            if found is None:
                unmatched.append(f"headline: {entry}")
                continue
            mine[span[found]] = "headline"
            joined = fold[span[found]]
            while joined != want and found + 1 < len(span) and joined + fold[span[found + 1]] in want:
                found += 1  # a headline line the page wrapped
                joined += fold[span[found]]
                mine[span[found]] = "headline"
            head = found + (0 if want in joined and joined != want else 1)
        head_end = span[head] if head < len(span) else n
        number = accuracy._fold(b.get("doc_number")) or ""
        if number:
            dn = next((k for k in span if mine[k] == "body" and number in fold[k]), None)
            if dn is None:
                unmatched.append(f"doc_number: {b['doc_number']}")
            else:
                decided.add(dn)  # the fixture decides it: not a headline, a 发文字号 (kind "other")
        _paged_points(b["points"], span, fold, mine, unmatched)
        if b["dateline"]:
            text = b["dateline"]["text"]
            _dateline(accuracy._fold(text) or "", text, span, fold, mine, unmatched)
        if b["closing"]:
            _paged_closing(b["closing"], span, fold, mine, unmatched)
        if b.get("speech"):
            _front(b["speech"], span, fold, mine, unmatched)
        names = [_squash(name) for name in b["byline"]]
        for k in [k for k in span if k >= head_end][:4]:
            if mine[k] == "body" and is_short(raws[k].text) and any(name and name in fold[k] for name in names):
                mine[k] = "byline"
        anchored = [k for k, value in mine.items() if value not in ("body", "outside") or k in decided]
        cut = next((k for k in range(max(anchored, default=first), end) if is_chrome[k] or in_chrome[k]), end)
        for k, value in mine.items():
            if (value == "body" and in_chrome[k]) or k >= cut:
                value = "outside"
            label[k] = value
            if value == "body" and k not in decided and is_short(raws[k].text):
                undecided.add(k)
    return Labels(label, undecided, unmatched)


def _paged_closing(
    closing: dict[str, Any], span: list[int], fold: list[str], mine: dict[int, str], unmatched: list[str]
) -> None:
    """:func:`_closing` on folded text, where the date's line holds nothing but the date and part of
    the issuer: a 版记 imprint below the 落款 (``…办公室 2011年3月10日印发``) holds the date too."""
    date = (accuracy._fold(closing.get("date")) or "").strip("（()）")
    issuer = accuracy._fold(closing.get("issuer")) or ""

    def only_date(k: int) -> bool:
        rest = fold[k].replace(date, "", 1).strip("（()）")
        return not rest or rest in issuer

    at = next((k for k in reversed(span) if date and date in fold[k] and mine[k] == "body" and only_date(k)), None)
    if at is None:  # no such line: any line holding the date, or the issuer alone
        _closing({"issuer": issuer, "date": date or None}, span, fold, mine, unmatched)
        return
    mine[at] = "closing"
    j = span.index(at) - 1  # the issuer's lines right above the date
    while j >= 0 and span.index(at) - j <= 6 and fold[span[j]] and fold[span[j]] in issuer:
        mine[span[j]] = "closing"
        j -= 1


def _paged_start(b: dict[str, Any], fold: list[str], is_chrome: list[bool], pos: int) -> tuple[int | None, int]:
    """Where bulletin *b* starts at or after *pos*, and where the next bulletin's search begins.

    The start is the first line equal to the first headline entry (else the first that fits it,
    :func:`_fits`), not a chrome line; a line holding the ``doc_number`` among the eight above it
    (the nearest) moves the start up (an order's 令 number and signature stand above the
    regulation it promulgates). With no headline, the doc_number line starts it.
    """
    n = len(fold)
    entries = [accuracy._fold(e) or "" for e in b["headline"] or ()]
    at = None
    if entries and entries[0]:
        free = [k for k in range(pos, n) if fold[k] and not is_chrome[k]]
        at = next((k for k in free if fold[k] == entries[0]), None)
        if at is None:  # the entry inside a longer line, or the first piece of an entry the page wrapped
            want = entries[0]
            fits = [k for k in free if (want in fold[k] and len(fold[k]) <= len(want) + 40) or want.startswith(fold[k])]
            at = next((k for k in fits if len(fold[k]) >= 4), None)
    number = accuracy._fold(b.get("doc_number")) or ""
    if number:
        if at is None:
            at = next((k for k in range(pos, n) if number in fold[k] and len(fold[k]) <= len(number) + 12), None)
        else:
            above = range(at - 1, max(pos, at - 8) - 1, -1)
            at = next((k for k in above if number in fold[k] and len(fold[k]) <= len(number) + 12), at)
    if at is None:
        return None, pos
    head = next((k for k in range(at, n) if entries and _fits(fold[k], entries[0])), at)
    return at, head + max(1, len(entries))


def _paged_points(
    points: list[dict[str, Any]], span: list[int], fold: list[str], mine: dict[int, str], unmatched: list[str]
) -> None:
    """Label each point's line: its marker and first two characters, in order (module docstring).

    First each point takes the first fitting line after the previous point's; then, from the last
    point back, each moves to its last fitting line before the next point's: a table of contents
    lists 第一编 总则 before the body does, and the body's line is the one right before 第一章.
    """
    wanted = [p for p in points if p["marker"] not in accuracy.UNSCORED_STYLES]
    keys = [((accuracy._fold(p["marker"]) or ""), (accuracy._fold(p["first"]) or "")[:2]) for p in wanted]

    def fits(j: int, key: tuple[str, str]) -> bool:
        unit, k = fold[span[j]], span[j]
        if mine[k] != "body":
            return False
        if unit.startswith(key[0] + key[1]):
            return True
        # a marker printed alone on its line (第一章 / 总则 on the next)
        return unit == key[0] and j + 1 < len(span) and fold[span[j + 1]].startswith(key[1])

    at: list[int | None] = []
    cursor = 0
    for i, key in enumerate(keys):
        found = next((j for j in range(cursor, len(span)) if fits(j, key)), None)
        at.append(found)
        if found is None:
            unmatched.append(f"point: {wanted[i]['marker']}{wanted[i]['first']}")
        else:
            cursor = found + 1
    bound = len(span)
    for i in range(len(keys) - 1, -1, -1):  # each point moves to its last fit before the next point
        found = at[i]
        if found is not None:
            found = max(j for j in range(found, bound) if fits(j, keys[i]))
            mine[span[found]] = "point"
            bound = found


SHORT_LINES = ROOT / "tests" / "fixtures" / "labels" / "SHORT_LINES.tsv"
"""The short body lines the fixtures do not decide, decided by reading: ``file``, ``line``, ``text``,
``label`` (one of :data:`SHORT_KINDS`), ``note``."""
SHORT_KINDS = ("subhead", "caption", "paragraph", "list", "other")


def short_line_decisions() -> dict[tuple[str, int, str], str]:
    """(fixture name, source line, text without whitespace) → the reader's kind for that short line."""
    if not SHORT_LINES.is_file():
        return {}
    out = {}
    for row in SHORT_LINES.read_text(encoding="utf-8").splitlines()[1:]:
        name, line, text, kind = row.split("\t")[:4]
        out[(name, int(line), _squash(text))] = kind
    return out


def _one_line(text: str) -> str:
    """*text* with its runs of whitespace (a table row's tabs) as one space: a TSV cell."""
    return _WS.sub(" ", text).strip()


def cmd_labels(check: bool, undecided_tsv: bool = False) -> int:
    counts: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    undecided = 0
    problems = 0
    decided = short_line_decisions()
    if undecided_tsv:
        print("file\tline\ttext\tbefore\tafter")
    paged: Counter[str] = Counter()
    for case in cases() + paged_cases():
        lex_ = lexed(case)
        labels = case_labels(case, lex_)
        counts.update(labels.label)
        if case.paged:
            paged.update(labels.label)
        for k in sorted(labels.undecided):
            raw = lex_.raws[k]
            kind = decided.get((case.name, raw.number, _squash(raw.text)))
            if kind is not None:
                kinds[kind] += 1
                continue
            undecided += 1
            if undecided_tsv:
                before = _one_line(lex_.raws[k - 1].text) if k else ""
                after = _one_line(lex_.raws[k + 1].text) if k + 1 < len(lex_.raws) else ""
                print(f"{case.name}\t{raw.number}\t{_one_line(raw.text)}\t{before[:60]}\t{after[:60]}")
        for miss in labels.unmatched:
            problems += 1
            if not undecided_tsv:
                print(f"{case.name}: no line for {miss}")
    if undecided_tsv:
        return 0
    print(f"\nlines by label: {dict(sorted(counts.items()))}")
    print(f"  of which in paged fixtures: {dict(sorted(paged.items()))}")
    print(f"short body lines decided by reading ({SHORT_LINES.relative_to(ROOT)}): {dict(sorted(kinds.items()))}")
    print(f"undecided (short body lines: subhead, caption or short paragraph?): {undecided}")
    print(f"labels the fixture names that no line matched: {problems}")
    return 1 if check and (problems or undecided) else 0


# --------------------------------------------------------------------------------------------
# Leave-one-source-out: the labeller.


def case_labels(case: Case, lex_: Lexed) -> Labels:
    """The line labels of *case*: by line number for a text fixture, by text for a paged one."""
    if case.paged:
        return paged_line_labels(lex_.raws, case.bulletins, case.chrome)
    return line_labels(lex_.raws, case.bulletins)


def _crf_items(case_lex: list[tuple[Case, Lexed]]) -> Iterator[tuple[list[list[str]], list[str]]]:
    for case, lex_ in case_lex:
        if not lex_.raws:
            continue
        yield line_features(lex_.raws, lex_.hints, lex_.terminals), case_labels(case, lex_).label


def train_crf(case_lex: list[tuple[Case, Lexed]], path: Path) -> CrfModel:
    """Train the CRF with python-crfsuite on *case_lex* and export its weights as JSON at *path*."""
    import pycrfsuite  # the train extra

    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in _crf_items(case_lex):
        trainer.append(xseq, yseq)
    trainer.set_params({"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True})
    path.parent.mkdir(parents=True, exist_ok=True)
    binary = path.with_suffix(".crfsuite")
    trainer.train(str(binary))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(binary))
    info = tagger.info()
    labels = list(LABELS)
    index = {name: i for i, name in enumerate(labels)}
    state: dict[str, dict[str, float]] = defaultdict(dict)
    for (attr, name), weight in sorted(info.state_features.items()):
        if name in index and abs(weight) >= 1e-3:
            state[attr][str(index[name])] = round(weight, 4)
    transitions = [[0.0] * len(labels) for _ in labels]
    for (a, b), weight in info.transitions.items():
        if a in index and b in index:
            transitions[index[a]][index[b]] = round(weight, 4)
    data = {"labels": labels, "state": dict(sorted(state.items())), "transitions": transitions}
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    binary.unlink()
    return CrfModel.load(path)


def score(case_list: list[Case], labeller: Any = None) -> dict[str, accuracy.Tally]:
    """Parse and score *case_list* (with *labeller* at the seam when given).

    Text cases are scored on the text fields (:data:`accuracy.FIELDS`), paged cases on the
    formats fields (:data:`accuracy.FORMAT_FIELDS`, bench/accuracy.py's formats scorer: no line
    numbers); a list holds one kind or the other.
    """
    import bulletins

    fields = accuracy.FORMAT_FIELDS if any(c.paged for c in case_list) else accuracy.FIELDS
    tallies = {f: accuracy.Tally() for f in fields}
    original = pipeline.lex  # type: ignore[attr-defined]
    if labeller is not None:
        setattr(pipeline, "lex", functools.partial(lex, labeller=labeller))  # noqa: B010
    try:
        for case in case_list:
            with reading(case):
                document = bulletins.parse(case.data, source=_file_name(case))
            if case.paged:
                predicted = accuracy.predicted_format_records(document)
                found, _ = accuracy.score_format_file(case.name, case.format_records, predicted)
            else:
                found, _ = accuracy.score_file(case.name, case.records, accuracy.predicted_records(document))
            for f in fields:
                tallies[f].add(found[f])
    finally:
        setattr(pipeline, "lex", original)  # noqa: B010
    return tallies


def cmd_loso(write: bool, paged: bool = True) -> int:
    from bulletins.lexing.labeller import CrfLabeller

    all_cases = cases() + (paged_cases() if paged else [])
    case_lex = [(c, lexed(c)) for c in all_cases]
    rows: dict[str, dict[str, tuple[float | None, float | None]]] = {}
    out = ROOT / "bench" / "out"
    sources = SOURCES + (PAGED_SOURCES if paged else ())
    for source in sources:
        train = [(c, x) for c, x in case_lex if c.source != source]
        test = [c for c in all_cases if c.source == source]
        model = train_crf(train, out / f"loso-{source}.json")
        rules = score(test)
        learned = score(test, CrfLabeller(model))
        rows[source] = {f: (rules[f].prf()[2], learned[f].prf()[2]) for f in rules}
        print(f"{source}: {len(test)} files", file=sys.stderr)
    files = {s: sum(c.source == s for c in all_cases) for s in sources}
    print(loso_table({s: rows[s] for s in SOURCES}, files))
    if paged:
        scans = "with" if any(c.ocr for c in all_cases) else "without (no OCR engine)"
        print(f"\npaged sources (formats scorer; {scans} the image-only scans):\n")
        print(loso_table({s: rows[s] for s in PAGED_SOURCES}, files, accuracy.FORMAT_FIELDS))
    if write:
        model = train_crf(case_lex, CRF_MODEL)
        print(f"\nwrote {CRF_MODEL} ({CRF_MODEL.stat().st_size} bytes)")
    return 0


def _f(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def loso_table(
    rows: dict[str, dict[str, tuple[float | None, float | None]]],
    files: dict[str, int],
    fields: Sequence[str] = accuracy.FIELDS,
) -> str:
    """F1 per field and held-out source: rules alone / labeller + rules (bold where they differ)."""
    sources = list(rows)
    lines = [
        "| field | " + " | ".join(f"{s} ({files[s]})" for s in sources) + " |",
        "|---|" + "---:|" * len(sources),
    ]
    for f in fields:
        cells = []
        for s in sources:
            rules, learned = rows[s][f]
            cell = f"{_f(rules)} / {_f(learned)}"
            cells.append(f"**{cell}**" if _f(rules) != _f(learned) else cell)
        lines.append(f"| {f} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("labels", help="derive the line labels; print counts and unmatched labels")
    p.add_argument(
        "--check",
        action="store_true",
        help="exit 1 when a label the fixture names matches no line, or a short line is undecided",
    )
    p.add_argument("--undecided", action="store_true", help="print the short lines no reading has decided, as TSV")
    p = sub.add_parser("loso", help="leave-one-source-out: rules alone vs labeller + rules")
    p.add_argument("--write", action="store_true", help=f"also train on every source and write {CRF_MODEL}")
    p.add_argument("--text-only", action="store_true", help="train and score on the text fixtures alone")
    p = sub.add_parser("confidence", help="the confidence model's leave-one-source-out reliability")
    p.add_argument("--write", action="store_true", help="train on every source and write the shipped weights")
    p.add_argument(
        "--held-out",
        action="store_true",
        help=f"also score the draw never trained on ({HELD_OUT.name}) with the model trained on every source",
    )
    args = parser.parse_args(argv)
    if args.command == "labels":
        return cmd_labels(args.check, args.undecided)
    if args.command == "loso":
        return cmd_loso(args.write, not args.text_only)
    return cmd_confidence(args.write, args.held_out)


# --------------------------------------------------------------------------------------------
# Confidence: a logistic regression per part kind over the rules' evidence.

CONFIDENCE = ROOT / "src" / "bulletins" / "confidence.json"
L2 = float(os.environ.get("TRAIN_L2", "1.0"))
"""The L2 penalty of the parts' logistic regressions (on standardised features)."""
CLIP = float(os.environ.get("TRAIN_CLIP", "3.0"))
Penalties = tuple[float, float, float]
"""The bulletin model's L2 penalties: on its shape features, on the count of doubts
(:data:`bulletins.confidence.DOUBTS`), on each doubt of its own."""
PENALTY_GRID: tuple[Penalties, ...] = tuple(itertools.product((10.0, 30.0, 100.0), (0.1, 1.0), (3.0, 10.0, 30.0)))
"""The settings the bulletin model's penalties are chosen from (:func:`choose_penalties`): the shape held
hard (it tells sources apart more than right from wrong), the count of doubts nearly free or not, each
doubt held near that shared weight more or less — the 18 settings sessions 7–11 reported around the
hand-picked (30, 0.1, 10)."""
SCORED = accuracy.FIELDS[1:]
"""The fields a bulletin must get right to be *fully right* (segmentation is the pairing itself)."""


@dataclass
class Example:
    """One thing that carries a confidence: its part kind, features, whether it is right, its source and file."""

    part: str
    features: dict[str, float]
    right: bool
    source: str
    file: str


def examples(case: Case) -> list[Example]:
    """The bulletins and parts the parser finds in *case*, each with its features and whether it is right."""
    import attrs

    import bulletins
    from bulletins.confidence import Evidence, part_features
    from bulletins.model import Point, iter_blocks

    name = _file_name(case)
    document = bulletins.parse(case.data, source=name)
    evidence = Evidence({line: rule for line, rule, _ in bulletins.explain(case.data, source=name)})
    predicted = accuracy.predicted_records(document)
    partner = {id(p): e for e, p in accuracy.pair(case.records, predicted) if p is not None}
    out = []
    for k, b in enumerate(document.bulletins):
        e = partner[id(predicted[k])]
        got = predicted[k].items
        parts = part_features(document, k, evidence)

        def add(part: str, features: dict[str, float], right: bool) -> None:
            out.append(Example(part, features, right, case.source, case.name))

        add("bulletin", parts["bulletin"][0], e is not None and all(e.items[f] == got[f] for f in SCORED))
        want = e.items if e is not None else {f: Counter() for f in SCORED}
        for part in ("headline", "dateline", "closing"):
            if parts[part]:
                add(part, parts[part][0], bool(got[part]) and not (got[part] - want[part]))
        for group, features in zip(b.attendees, parts["attendees"], strict=True):
            items = Counter(accuracy.attendee_items(attrs.evolve(b, attendees=(group,))))
            add("attendees", features, bool(items) and not (items - want["attendees"]))
        points = [p for p in iter_blocks(b.body) if isinstance(p, Point)]
        for point, features in zip(points, parts["points"], strict=True):
            if point.style in accuracy.UNSCORED_STYLES:
                continue  # —— items are not annotated: neither right nor wrong
            key = (point.lines[0], accuracy._squash(point.marker))
            add("points", features, want["points"][key] > 0)
    return out


def bulletin_l2(penalties: Penalties) -> Callable[[str], float]:
    """The bulletin model's penalty of each feature, by its name, under *penalties*."""
    shape, count, each = penalties

    def l2(name: str) -> float:
        return count if name == "doubts" else each if name.startswith("doubt=") else shape

    return l2


def choose_penalties(batch: list[Example], sources: Sequence[str]) -> Penalties:
    """The setting of :data:`PENALTY_GRID` that ranks right above wrong best, leave-one-source-out, on *batch*.

    Each of *sources* is scored by the bulletin model fitted on the others, and the setting whose
    pooled scores have the highest AUC wins (the first of the grid on a tie). Run inside each
    outer fold of :func:`cmd_confidence`, the penalties are chosen without the source being scored.
    """
    bulletins = [ex for ex in batch if ex.part == "bulletin"]
    inner = [source for source in sources if any(ex.source == source for ex in bulletins)]
    best, best_auc = PENALTY_GRID[0], -1.0
    for penalties in PENALTY_GRID:
        scored = []
        for source in inner:
            model = Logistic.from_json(fit([ex for ex in bulletins if ex.source != source], bulletin_l2(penalties)))
            scored += [(model.probability(ex.features), ex.right) for ex in bulletins if ex.source == source]
        auc = targets(scored)["auc"]
        if auc > best_auc:
            best, best_auc = penalties, auc
    return best


def fit(batch: list[Example], l2: Callable[[str], float] | None = None) -> dict[str, Any]:
    """A logistic regression on *batch* (Newton's method, L2 on standardised features), as JSON data.

    *l2* gives each feature's penalty by name (default: :data:`L2` for all).
    """
    import numpy as np  # the train extra

    names = sorted({name for ex in batch for name in ex.features})
    rows = [[ex.features.get(n, 0.0) for n in names] for ex in batch]
    x = np.array(rows, dtype=float).reshape(len(batch), len(names))  # an empty batch: no rows, not a 1-d array
    y = np.array([1.0 if ex.right else 0.0 for ex in batch])
    mean = x.mean(axis=0) if len(batch) else np.zeros(len(names))
    scale = x.std(axis=0) if len(batch) else np.ones(len(names))
    scale[scale < 1e-9] = 1.0
    z = np.hstack([np.ones((len(batch), 1)), np.clip((x - mean) / scale, -CLIP, CLIP)])
    w = np.zeros(z.shape[1])
    penalty = np.array([1e-6] + [L2 if l2 is None else l2(n) for n in names])  # the bias is not shrunk
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ w, -30, 30)))
        grad = z.T @ (p - y) + penalty * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {
        "features": names,
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "weights": [round(float(v), 6) for v in w[1:]],
        "bias": round(float(w[0]), 6),
        "clip": CLIP,
    }


def fit_all(batch: list[Example], penalties: Penalties) -> dict[str, Any]:
    """The six models of ``confidence.json`` trained on *batch*, the bulletin model's under *penalties*."""
    from bulletins.confidence import PARTS

    return {
        "version": 1,
        "note": "trained by bench/train.py confidence --write on the reading-made fixtures (docs/accuracy.md)",
        "penalties": dict(zip(("shape", "doubts", "doubt"), penalties, strict=True)),
        "models": {
            part: fit([ex for ex in batch if ex.part == part], bulletin_l2(penalties) if part == "bulletin" else None)
            for part in PARTS
        },
    }


BINS = (0.0, 0.5, 0.7, 0.8, 0.9, 1.0001)


def reliability(scored: list[tuple[float, bool]]) -> str:
    """The reliability table: per confidence band, how many bulletins and how many are fully right."""
    lines = ["| confidence | bulletins | mean confidence | fully right |", "|---|---:|---:|---:|"]
    for lo, hi in itertools.pairwise(BINS):
        band = [(c, r) for c, r in scored if lo <= c < hi]
        if not band:
            lines.append(f"| {lo:.1f}–{min(hi, 1.0):.1f} | 0 | – | – |")
            continue
        mean = sum(c for c, _ in band) / len(band)
        right = sum(r for _, r in band)
        lines.append(f"| {lo:.1f}–{min(hi, 1.0):.1f} | {len(band)} | {mean:.3f} | {right} ({right / len(band):.1%}) |")
    return "\n".join(lines)


def targets(scored: list[tuple[float, bool]]) -> dict[str, float]:
    """The issue's two calibration targets on *scored* ``(confidence, fully right)`` pairs."""
    sure = [r for c, r in scored if c >= 0.9]
    wrong = sum(not r for _, r in scored)
    ranked = sorted(scored, key=lambda item: item[0])
    tenth = ranked[: max(1, round(len(ranked) / 10))]
    right = [c for c, r in scored if r]
    wrongs = [c for c, r in scored if not r]
    pairs = sum((a > b) + 0.5 * (a == b) for a in right for b in wrongs)
    return {
        "auc": pairs / (len(right) * len(wrongs)) if right and wrongs else float("nan"),
        "sure": len(sure),
        "sure_right": sum(sure) / len(sure) if sure else float("nan"),
        "wrong": wrong,
        "wrong_in_lowest_tenth": (sum(not r for _, r in tenth) / wrong) if wrong else float("nan"),
    }


def cmd_confidence(write: bool, held_out: bool = False) -> int:
    from bulletins.confidence import PARTS, ConfidenceModel

    all_examples = [ex for case in cases(SPENT_DRAWS) for ex in examples(case)]
    held: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    per_source: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    for source in SOURCES:
        rest = [ex for ex in all_examples if ex.source != source]
        penalties = choose_penalties(rest, [s for s in SOURCES if s != source])
        print(f"{source}: penalties {penalties} (chosen leave-one-source-out on the other sources)", file=sys.stderr)
        model = ConfidenceModel.from_json(fit_all(rest, penalties))
        for ex in all_examples:
            if ex.source == source:
                scored = (model.parts[ex.part].probability(ex.features), ex.right)
                held[ex.part].append(scored)
                if ex.part == "bulletin":
                    per_source[source].append(scored)
    print("## Bulletins, leave-one-source-out (each source scored by a model trained without it)\n")
    print(reliability(held["bulletin"]))
    t = targets(held["bulletin"])
    print(
        f"\nconfidence ≥ 0.9: {t['sure']} bulletins, {t['sure_right']:.1%} fully right (target ≥ 90%); "
        f"the least confident 10% hold {t['wrong_in_lowest_tenth']:.1%} of the {t['wrong']} wrong bulletins "
        f"(target ≥ 50%); AUC {t['auc']:.3f} (how well it ranks right above wrong)\n"
    )
    print("| source | bulletins | fully right | mean confidence | ≥ 0.9 | right among ≥ 0.9 |")
    print("|---|---:|---:|---:|---:|---:|")
    for source in SOURCES:
        rows = per_source[source]
        sure = [r for c, r in rows if c >= 0.9]
        right = sum(r for _, r in rows)
        mean = sum(c for c, _ in rows) / len(rows)
        share = f"{sum(sure) / len(sure):.1%}" if sure else "–"
        print(f"| {source} | {len(rows)} | {right} | {mean:.3f} | {len(sure)} | {share} |")
    print("\n## Parts, leave-one-source-out\n")
    print("| part | items | right | mean confidence | ≥ 0.9 | right among ≥ 0.9 |")
    print("|---|---:|---:|---:|---:|---:|")
    for part in PARTS[1:]:
        rows = held[part]
        sure = [r for c, r in rows if c >= 0.9]
        mean = sum(c for c, _ in rows) / len(rows) if rows else float("nan")
        share = f"{sum(sure) / len(sure):.1%}" if sure else "–"
        print(f"| {part} | {len(rows)} | {sum(r for _, r in rows)} | {mean:.3f} | {len(sure)} | {share} |")
    chosen = choose_penalties(all_examples, SOURCES) if held_out or write else None
    if held_out and chosen is not None:
        model = ConfidenceModel.from_json(fit_all(all_examples, chosen))
        held_scores = [
            (model.parts["bulletin"].probability(ex.features), ex.right)
            for case in cases((HELD_OUT,))
            if case.name.startswith(f"{HELD_OUT.name}/")  # cases() also yields the corpus sample
            for ex in examples(case)
            if ex.part == "bulletin"
        ]
        t = targets(held_scores)
        print(f"\n## The held-out draw ({HELD_OUT.name}), scored by the model trained on every source\n")
        print(reliability(held_scores))
        print(
            f"\nconfidence ≥ 0.9: {t['sure']} bulletins, {t['sure_right']:.1%} fully right; the least confident 10% "
            f"hold {t['wrong_in_lowest_tenth']:.1%} of the {t['wrong']} wrong bulletins"
        )
    if write and chosen is not None:
        data = fit_all(all_examples, chosen)
        CONFIDENCE.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        print(f"\nwrote {CONFIDENCE.relative_to(ROOT)} ({CONFIDENCE.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
