"""The review page: one self-contained HTML file showing a parse beside its source (``--to html``).

Left, the source lines with their numbers, each character coloured by the field that holds it
(see :mod:`._reviewmap`), attendee names and enumeration markers highlighted in place; right,
the structured record (:mod:`._reviewrecord`). Clicking a field marks and flashes its lines.

The DOM is built here, server-side, rather than from JSON by script: the page reads without
script, escaping happens in one function (:func:`._reviewrecord.esc`) instead of in Python and
again in JavaScript, and tests can read the markup directly. The only script is the shipped
``_review/review.js`` (clicks and a ``?selftest=1`` harness) after ``_review/errors.js`` (the
error report the batch index shares); a Content-Security-Policy admits
that script by its hash and nothing else, so even markup that slipped through could not run.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import itertools
from collections.abc import Mapping, Sequence
from importlib.resources import files
from typing import ClassVar

from attrs import field, frozen

from ..model import GENRES, Document
from ._reviewmap import Review, review
from ._reviewrecord import attr, bulletin_section, document_tail, esc
from .attendance import group_line

KINDS: tuple[str, ...] = (
    "headline",
    "dateline",
    "byline",
    "credit",
    "speech",
    "notice",
    "paragraph",
    "point",
    "subhead",
    "caption",
    "table",
    "closing",
    "residue",
)
"""What a source character can become, in the legend's order."""


@functools.cache
def _asset(name: str) -> str:
    return (files("bulletins.exporters") / "_review" / name).read_text(encoding="utf-8")


def _csp(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; img-src data:"


def _page(title: str, lang: str, header: str, main: str, script_name: str = "review.js", style: str = "") -> str:
    # errors.js (the error report both pages share) runs first; the hash covers the element's exact text
    script = "\n" + _asset("errors.js") + _asset(script_name)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_csp(script)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="bulletins">\n<title>{esc(title)}</title>\n'
        f"<style>\n{_asset('review.css')}{style}</style>\n</head>\n<body>\n"
        f'<header>{header}<div id="errors"></div><pre id="selftest"></pre></header>\n'
        f"{main}\n<script>{script}</script>\n</body>\n</html>\n"
    )


def _kind_class(kind: str, detail: str) -> str:
    if kind == "point":
        level = int(detail) if detail.isdigit() else 0
        return f"k-point lv{level if 1 <= level <= 4 else 'x'}"
    return f"k-{kind}" if kind in KINDS else "k-text"


def _source_pane(view: Review) -> str:
    """Every source line as a row ``#L<n>``: holders' runs, marks inside them, unheld text flagged."""
    runs = sorted(
        (source_at, source_at + length, holder.index)
        for holder in view.holders
        for _, source_at, length in holder.pieces
    )
    by_index = {holder.index: holder for holder in view.holders}
    row_kind: dict[int, str] = {}
    for holder in view.holders:  # a line's border colour: the first holder on it
        for n in range(holder.lines[0], holder.lines[1] + 1):
            row_kind.setdefault(n, holder.kind if holder.pieces else "unplaced")
    marks = list(view.marks)
    out = []
    r = m = 0
    for number, (line, start) in enumerate(zip(view.lines, view.starts, strict=True), 1):
        end = start + len(line)
        cuts = {start, end}
        while r < len(runs) and runs[r][1] <= start:
            r += 1
        while m < len(marks) and marks[m].end <= start:
            m += 1
        k = r
        while k < len(runs) and runs[k][0] < end:
            cuts.update((max(start, runs[k][0]), min(end, runs[k][1])))
            k += 1
        j = m
        while j < len(marks) and marks[j].start < end:
            cuts.update((max(start, marks[j].start), min(end, marks[j].end)))
            j += 1
        points = sorted(cuts)
        parts = []
        rr, mm = r, m  # runs and marks are sorted and disjoint: walk them with the cuts
        for a, b in itertools.pairwise(points):
            while rr < k and runs[rr][1] <= a:
                rr += 1
            while mm < j and marks[mm].end <= a:
                mm += 1
            run = runs[rr] if rr < k and runs[rr][0] <= a else None
            mark = marks[mm] if mm < j and marks[mm].start <= a else None
            text = esc(line[a - start : b - start])
            if mark is not None:
                extra = f' data-g="{mark.group}" data-n="{mark.number}"' if mark.kind == "name" else ""
                title = f' title="{attr(mark.title)}"' if mark.title else ""
                text = f'<mark class="{mark.kind}"{extra}{title}>{text}</mark>'
            if run is not None:
                holder = by_index[run[2]]
                cls = _kind_class(holder.kind, holder.detail)
                text = f'<span class="{cls}" data-h="h{holder.index}">{text}</span>'
            elif line[a - start : b - start].strip():
                text = f'<span class="unheld" title="text no field holds">{text}</span>'
            parts.append(text)
        kind = row_kind.get(number)
        cls = f"ln r-{kind}" if kind else "ln"
        row = f'<span class="no">{number}</span><span class="tx">{"".join(parts)}</span>'
        out.append(f'<div class="{cls}" id="L{number}">{row}</div>')
    return "\n".join(out)


def _header(document: Document, view: Review) -> str:
    source = document.source
    name = source.name or "(text)"
    meta = [
        f"{len(document.bulletins)} bulletin{'s' * (len(document.bulletins) != 1)}",
        f"{len(document.residue)} residue",
        f'<a href="#diagnostics">{len(document.diagnostics)} diagnostic(s)</a>'
        if document.diagnostics
        else "no diagnostics",
        f"{len(view.lines)} lines",
        f"{esc(source.encoding)} ({source.confidence:.2f})",
        esc(source.script),
        f"sha256 {esc((source.sha256 or '')[:12])}",
    ]
    if view.rebuilt:
        meta.append("source lines rebuilt from the record: wrapped paragraphs stand on their first line")
    legend = "".join(f'<span class="{_kind_class(k, "1")}">{k}</span>' for k in KINDS)
    legend += '<span><mark class="name">name</mark></span><span><mark class="enum">一要</mark> marker</span>'
    legend += '<span class="unheld">not held</span>'
    return f'<h1>{esc(name)}</h1><div class="meta">{" · ".join(meta)}</div><div class="legend">{legend}</div>'


def review_page(document: Document, text: str | None = None) -> str:
    """Return the review page of *document*.

    Args:
        document: The parsed document.
        text: The cleaned source text it was parsed from (see
            :func:`bulletins.pipeline.source_text`); without it the lines are rebuilt from
            the record's text holders, and a wrapped paragraph stands on its first line.
    """
    view = review(document, text)
    sections = "".join(bulletin_section(b, view, [group_line(b, g) for g in b.attendees]) for b in document.bulletins)
    main = (
        f'<main><section id="source" aria-label="source">\n{_source_pane(view)}\n</section>'
        f'<section id="record" aria-label="record">{sections}{document_tail(document)}</section></main>'
    )
    lang = "zh-Hant" if document.source.script == "hant" else "zh-Hans"
    title = f"{document.source.name or 'text'} — bulletins review"
    return _page(title, lang, _header(document, view), main)


class HtmlExporter:
    """Review page: source lines coloured by what they became, beside the record (self-contained HTML)."""

    name: ClassVar[str] = "html"
    suffix: ClassVar[str] = ".html"

    def export(self, document: Document) -> str:
        """Return the page with source lines rebuilt from the record (no source text at hand)."""
        return review_page(document)

    def export_with_source(self, document: Document, text: str) -> str:
        """Return the page showing *text*, the cleaned source the document was parsed from."""
        return review_page(document, text)


@frozen(kw_only=True)
class IndexEntry:
    """One input file in a batch index."""

    label: str
    """The input as the user named it."""
    href: str | None
    """Relative link to its page, None when the file failed."""
    bulletins: int = 0
    """Bulletins found."""
    genres: Mapping[str, int] = field(factory=dict)
    """Bulletins per genre."""
    diagnostics: int = 0
    """Diagnostics reported."""
    error: str | None = None
    """The file's one-line problem, when it failed."""
    titles: Sequence[str] = ()
    """Its bulletins' headline titles, in order."""
    fields: Mapping[str, int] = field(factory=dict)
    """How many of each field its bulletins hold (``headline``, ``dateline``, ``points`` …), in column order."""
    problems: Sequence[str] = ()
    """Its diagnostics, one line each (``warning wrapped-paragraph line 3: …``)."""
    confidence: float | None = None
    """The lowest confidence of its bulletins (:mod:`bulletins.confidence`), None when it failed."""


LOW_CONFIDENCE = 0.8
"""Below this, the index flags a file (``low`` rows, the "low confidence" filter) and lists it first."""


_INDEX_STYLE = """
header .tools { margin-top: 4px; font-size: 13px; display: flex; gap: 8px; align-items: center; }
header .tools input { width: 28em; font: inherit; padding: 1px 4px; }
table.index { font-size: 13px; }
table.index th button { font: inherit; font-weight: 600; border: 0; background: none; padding: 0; cursor: pointer; }
table.index th[aria-sort=ascending] button::after { content: " \\25B2"; }
table.index th[aria-sort=descending] button::after { content: " \\25BC"; }
table.index td { vertical-align: top; }
table.index td.titles { min-width: 26em; }
table.index td.diagnostics details { text-align: left; min-width: 14em; max-width: 36em; font-size: 12px; }
table.index ol { margin: 0; padding-left: 1.4em; }
table.index details summary { cursor: pointer; color: var(--muted); }
table.index tr.failed td { background: #fef2f2; }
table.index th.f, table.index td.f { color: var(--muted); }
table.index tr.low td.confidence { background: #fff7ed; color: #9a3412; font-weight: 600; }
"""


def _list(items: Sequence[str], shown: int, more: str) -> str:
    """An ordered list of the first *shown* items, the rest behind a disclosure."""
    head = "".join(f"<li>{esc(t)}</li>" for t in items[:shown])
    rest = "".join(f"<li>{esc(t)}</li>" for t in items[shown:])
    tail = f'<details><summary>{len(items) - shown} {more}</summary><ol start="{shown + 1}">{rest}</ol></details>'
    return (f"<ol>{head}</ol>" if head else "") + (tail if rest else "")


def index_page(entries: Sequence[IndexEntry], *, title: str = "bulletins review") -> str:
    """Return the batch ``index.html``: every file, its headlines, counts per field and diagnostics.

    The table sorts by any column (click its heading) and filters by text and by kind of file,
    with the shipped ``_review/index.js``; without script it is a plain table.
    """
    fields = list(dict.fromkeys(k for e in entries for k in e.fields))
    # Least confident first: the files a person should look at lead the table (failed files first of all).
    entries = sorted(entries, key=lambda e: -1.0 if e.confidence is None else e.confidence)
    rows = []
    for i, e in enumerate(entries):
        label = f'<a href="{attr(e.href)}">{esc(e.label)}</a>' if e.href else esc(e.label)
        genres = ", ".join(f"{g} {e.genres[g]}" for g in GENRES if e.genres.get(g))
        counts = "".join(f'<td class="n f {k}" data-v="{e.fields.get(k, 0)}">{e.fields.get(k, 0)}</td>' for k in fields)
        problems = _list(e.problems, 0, "diagnostic(s)") if e.problems else ""
        error = f'<span class="level-error">{esc(e.error)}</span>' if e.error else ""
        low = e.confidence is not None and e.confidence < LOW_CONFIDENCE
        kind = "failed" if e.error else "file low" if low else "file"
        sure = "" if e.confidence is None else f"{e.confidence:.2f}" + (" ⚑" if low else "")
        rows.append(
            f'<tr class="{kind}" data-i="{i}" data-bulletins="{e.bulletins}"'
            f' data-diagnostics="{e.diagnostics}"><td class="file">{label}</td>'
            f'<td class="n confidence" data-v="{-1 if e.confidence is None else e.confidence}"'
            f' title="lowest confidence of its bulletins">{sure}</td>'
            f'<td class="n bulletins" data-v="{e.bulletins}">{e.bulletins}</td>'
            f'<td class="genres">{esc(genres)}</td>'
            f'<td class="titles" data-v="{attr(e.titles[0] if e.titles else "")}">'
            f"{_list(e.titles, 3, 'more headline(s)')}</td>{counts}"
            f'<td class="n diagnostics" data-v="{e.diagnostics}">{e.diagnostics}{problems}</td>'
            f'<td class="error">{error}</td></tr>'
        )

    def th(key: str, text: str, kind: str, cls: str = "") -> str:
        return f'<th class="{cls}" data-key="{key}" data-type="{kind}"><button type="button">{esc(text)}</button></th>'

    heads = [
        th("file", "file", "text"),
        th("confidence", "confidence", "num"),
        th("bulletins", "bulletins", "num"),
        th("genres", "genres", "text"),
        th("titles", "headlines", "text"),
        *(th(k, k, "num", "f") for k in fields),
        th("diagnostics", "diagnostics", "num"),
        th("error", "error", "text"),
    ]
    total = sum(e.bulletins for e in entries)
    failed = sum(e.error is not None for e in entries)
    flagged = sum(e.diagnostics > 0 for e in entries)
    unsure = sum(e.confidence is not None and e.confidence < LOW_CONFIDENCE for e in entries)
    header = (
        f'<h1>{esc(title)}</h1><div class="meta">{len(entries)} file(s), {total} bulletin(s),'
        f" {flagged} with diagnostics, {unsure} below confidence {LOW_CONFIDENCE:g} (⚑, listed first),"
        f" {failed} failed</div>"
        '<div class="tools"><input type="search" id="filter" placeholder="filter: file, headline, diagnostic code …"'
        ' aria-label="filter rows"><select id="show" aria-label="which files"><option value="all">all files</option>'
        '<option value="diagnostics">with diagnostics</option>'
        '<option value="low">low confidence</option><option value="failed">failed</option>'
        '<option value="none">no bulletins</option></select><span id="shown"></span></div>'
    )
    table = (
        f'<main style="display:block;overflow:auto"><table class="index"><thead><tr>{"".join(heads)}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></main>"
    )
    return _page(title, "zh-Hans", header, table, script_name="index.js", style=_INDEX_STYLE)
