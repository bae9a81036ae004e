"""The line lexer: one token per line (or line fragment), in two linear passes.

1. *content* (:mod:`bulletins._classify`): each non-blank line gets a raw kind from its own
   text alone (image, nav, notice elements, dateline, speech date, salutation, caption, date,
   point, byline, short, paragraph); a structured reader's layout hints may change it
   (:mod:`bulletins._hints`);
2. *context* (:mod:`bulletins.rules`): named rules, run in a declared order, turn raw kinds into
   the grammar's terminals by looking at the lines around them — is a run of short lines a
   headline, a subhead, a closing or the content of a point; does a paragraph open a
   headline-less bulletin; is it a numbered point, a repeated fragment, a wrapped paragraph.

Matching always uses the Simplified shadow; token text is cut from the original line.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ._classify import Raw, content_kind
from ._hints import apply_hints
from ._tokens import LineInfo, LineToken, retyped
from .layout.indent import unindented_head
from .layout.packed import segments
from .model import Diagnostic
from .readers import Hints
from .rules import RULER

__all__ = ["LineInfo", "LineToken", "lex", "retyped"]


def lex(
    text: str,
    shadow: str,
    *,
    headings: frozenset[int] = frozenset(),
    indented: frozenset[int] = frozenset(),
    hints: Sequence[Hints] | None = None,
    trace: list[tuple[int, str]] | None = None,
) -> tuple[list[LineToken], list[Diagnostic]]:
    """Turn cleaned text into the grammar's tokens.

    Args:
        text: Cleaned text (original script).
        shadow: Its Simplified shadow, same length.
        headings: Line numbers that the source marked as headings (Word ``_Toc`` bookmarks).
        indented: Line numbers that start with white space in the source (the cleaners strip it).
        hints: Layout hints per line (``hints[N-1]`` for line N) from a structured reader;
            None for text, which has none (see :mod:`bulletins._hints`).
        trace: When given, receives ``(line, rule name)`` for every line, naming the context
            rule that decided it (:func:`bulletins.explain`).

    Returns:
        The tokens in source order and the diagnostics the lexer raised.
    """
    raws: list[Raw] = []
    for number, (line, shadow_line) in enumerate(zip(text.split("\n"), shadow.split("\n"), strict=True), 1):
        stripped = line.strip()
        if not stripped:
            continue
        offset = line.index(stripped[0])
        shadow_stripped = shadow_line[offset : offset + len(stripped)]
        spans = segments(stripped)
        for k, (start, end) in enumerate(spans):
            raw = content_kind(stripped[start:end], shadow_stripped[start:end], number, number in headings)
            if number in indented:
                raw = attrs.evolve(raw, indented=True)
            if len(spans) > 1:
                # Only the first paragraph of a packed line may be a headline, a dateline …; the
                # others are paragraphs or points, so that the text holders of the line keep
                # their order (text_holders sorts by line, then by kind of holder).
                if k and raw.kind not in {"para", "point"}:
                    raw = attrs.evolve(raw, kind="para", marker=None, dateline=None, credit=None)
                raw = attrs.evolve(raw, packed=k > 0, more=k < len(spans) - 1)
            raws.append(raw)
    # A structured reader says how lines were laid out; text marks its titles by indentation only.
    raws = apply_hints(raws, hints) if hints else unindented_head(raws)
    diagnostics: list[Diagnostic] = []
    tokens = RULER.run(raws, diagnostics, trace)
    return tokens, diagnostics
