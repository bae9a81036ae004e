"""The lexing stage: what each line of a text is, decided in one place, one token per line.

The stage runs in this order (:func:`lex`), and the package is laid out the same way:

1. :mod:`~bulletins.lexing.rules.packed` cuts a line that packs several paragraphs (line breaks
   lost in export) into its paragraphs;
2. :mod:`~bulletins.lexing.kinds` — the *raw-kind pass* — gives each non-blank line (or
   paragraph) a raw kind from its own text alone (image, nav, notice elements, credit, dateline,
   speech date, salutation, caption, date, point, byline, short, paragraph), asking the line
   predicates of the concern modules in :mod:`bulletins.lexing.rules`; a data table's rows get
   ``table_row`` from the reader's hints; the raw line is a :class:`~bulletins.lexing.lines.Raw`;
3. :mod:`~bulletins.lexing.hints` lets a structured reader's layout hints (centred, heading,
   hidden …) change raw kinds; a text without hints has its unindented head read as its headline
   instead (:mod:`~bulletins.lexing.rules.indent`);
4. :mod:`~bulletins.lexing.labeller` — the seam where a learned line labeller will sit (issue 16);
   today nothing changes there;
5. :mod:`~bulletins.lexing.ruler` runs the *context rules* in their declared order: each turns raw
   kinds into the grammar's terminals by looking at the lines around them and at the bulletin
   being built (:mod:`~bulletins.lexing.context`) — is a run of short lines a headline, a subhead,
   a closing or the content of a point; does a paragraph open a headline-less bulletin; is it a
   numbered point, a repeated fragment, a wrapped paragraph;
6. the result is :mod:`~bulletins.lexing.tokens`, the grammar's line tokens.

Each module of :mod:`bulletins.lexing.rules` is one layout concern — credits, captions, chrome,
headnotes, datelines, speech front matter, notices, contents, tables, short runs, paragraphs,
item endings, packed lines, the unindented head — and holds its line predicates (asked by the
raw-kind pass or by other rules) and its context rules together, after markdown-it-py's
``rules_block``. :mod:`~bulletins.lexing.repairs` is the one layout decision taken after the parse,
on built bulletins (a feature's lede printed before its title; called by :mod:`bulletins.build`).

``bulletins explain FILE`` (:func:`bulletins.explain`) names the context rule that decided each
line. Matching always uses the Simplified shadow; token text is cut from the original line.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..analyze.markers import decimal_markers, glued_markers
from ..model import Diagnostic
from ..readers import Hints
from .hints import apply_hints
from .kinds import content_kind
from .labeller import Labeller, rules_only
from .lines import Raw
from .ruler import RULER
from .rules.indent import unindented_head
from .rules.notices import imprint_row
from .rules.packed import packed_raws, segments
from .rules.paged import paged_layout
from .tokens import LineInfo, LineToken, retyped

_GLUED_KINDS = frozenset({"para", "short", "byline"})

__all__ = ["LineInfo", "LineToken", "lex", "retyped"]


def lex(
    text: str,
    shadow: str,
    *,
    headings: frozenset[int] = frozenset(),
    indented: frozenset[int] = frozenset(),
    hints: Sequence[Hints] | None = None,
    trace: list[tuple[int, str]] | None = None,
    labeller: Labeller = rules_only,
) -> tuple[list[LineToken], list[Diagnostic]]:
    """Turn cleaned text into the grammar's tokens.

    Args:
        text: Cleaned text (original script).
        shadow: Its Simplified shadow, same length.
        headings: Line numbers that the source marked as headings (Word ``_Toc`` bookmarks).
        indented: Line numbers that start with white space in the source (the cleaners strip it).
        hints: Layout hints per line (``hints[N-1]`` for line N) from a structured reader;
            None for text, which has none (see :mod:`bulletins.lexing.hints`).
        trace: When given, receives ``(line, rule name)`` for every line, naming the context
            rule that decided it (:func:`bulletins.explain`).
        labeller: Relabels the raw lines before the context rules run (:mod:`bulletins.lexing.labeller`);
            the default changes nothing.

    Returns:
        The tokens in source order and the diagnostics the lexer raised.
    """
    raws: list[Raw] = []
    # A text whose only line is long is a whole speech or article run together (a dataset cell):
    # its line is also cut at the sentence level (lexing/rules/packed.py).
    run_together = sum(1 for line in text.split("\n") if line.strip()) == 1
    for number, (line, shadow_line) in enumerate(zip(text.split("\n"), shadow.split("\n"), strict=True), 1):
        stripped = line.strip()
        if not stripped:
            continue
        offset = line.index(stripped[0])
        shadow_stripped = shadow_line[offset : offset + len(stripped)]
        hint = hints[number - 1] if hints and number <= len(hints) else None
        if hint is not None and hint.table is not None and not (hint.hidden or hint.chrome):
            if imprint_row(shadow_stripped, hint.table, hints or (), number):
                raws.append(Raw(number=number, text=stripped, shadow=shadow_stripped, kind="imprint"))
                continue
            # A data table's row is a grid row, whatever its text looks like (一、医疗质量 is a cell,
            # not a point): kind table_row, never split into packed paragraphs.
            raws.append(
                Raw(
                    number=number,
                    text=stripped,
                    shadow=shadow_stripped,
                    kind="table_row",
                    table=hint.table,
                    cells=hint.cells,
                )
            )
            continue
        spans = segments(stripped, run_together=run_together)
        toc, indent = number in headings, number in indented
        line_raws = [
            content_kind(stripped[start:end], shadow_stripped[start:end], number, toc, indented=indent)
            for start, end in spans
        ]
        if len(spans) > 1:
            line_raws = packed_raws(line_raws)
        raws.extend(line_raws)
    # 第一条为了… with no space after the marker: an article where the text numbers a run of them.
    pairs = [(raw.text, raw.shadow) for raw in raws]
    for k, marker in glued_markers(pairs).items():
        if raws[k].kind in _GLUED_KINDS:
            raws[k] = attrs.evolve(raws[k], kind="point", marker=marker)
    # 1　总则 / 1.1　编制目的及依据: a decimal outline's numbers, where the text numbers an outline of them.
    for k, marker in decimal_markers(pairs).items():
        # 3. 1 术语 (a stray space after the dot) first read as the point 3. of style 1.
        seen = raws[k].marker
        if raws[k].kind in _GLUED_KINDS or (seen is not None and marker.end > seen.end):
            raws[k] = attrs.evolve(raws[k], kind="point", marker=marker)
    # A structured reader says how lines were laid out; text marks its titles by indentation only.
    raws = apply_hints(raws, hints) if hints else unindented_head(raws)
    if hints:  # a paged source (PDF, OFD, scans): the title block by its geometry
        raws = paged_layout(raws, hints)
    # The labeller seam (issue 16): a learned labeller relabels the ambiguous lines here.
    raws = labeller(raws, hints)
    diagnostics: list[Diagnostic] = []
    tokens = RULER.run(raws, diagnostics, trace)
    return tokens, diagnostics
