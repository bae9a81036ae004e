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
from .analyze.markers import glued_markers
from .layout.indent import unindented_head
from .layout.packed import segments
from .model import Diagnostic
from .readers import Hints
from .rules import RULER

_GLUED_KINDS = frozenset({"para", "short", "byline"})

__all__ = ["LineInfo", "LineToken", "lex", "retyped"]


# What a paragraph after the first of a packed line may be, besides body text: a story's own
# dateline (it opens the next bulletin), a dateline printed last, and credits — each only where the
# text holders of the line keep their order (model.held_texts): after a credit or a dateline
# printed last, nothing but credits until the next story's dateline.
_LATER = frozenset({"para", "point", "dateline", "trailing_dateline", "credit"})
_LAST = frozenset({"trailing_dateline", "credit"})


def _ends_its_bulletin(kinds: list[str]) -> bool:
    for kind in kinds:
        if kind == "dateline":
            return True
        if kind not in _LAST:
            return False
    return True


_FRONT = frozenset({"speech_date", "byline", "salutation"})
_SIGNER = frozenset({"short", "byline"})


def _keeps(kinds: list[str], k: int) -> bool:
    """Whether the k-th paragraph of a packed line keeps the kind the content pass gave it."""
    kind, later = kinds[k], kinds[k + 1 :]
    if k == 0:
        return kind not in _LAST or _ends_its_bulletin(later)
    if k == 1 and kinds[0] == "dateline" and kind in _SIGNER and later[:1] == ["speech_date"]:
        return True  # a speech's title run on after its dispatch's dateline (新华社北京10月23日电在…讲话（…）)
    if kind in _FRONT and all(before in _FRONT | _SIGNER for before in kinds[int(kinds[0] == "dateline") : k]):
        return True  # a speech's front matter right after its title (…致辞 / （2020年9月4日，北京） / …)
    if kind in _SIGNER and later[:1] == ["date_only"]:
        return _ends_its_bulletin(later[1:])  # a letter's signer, then its date, then nothing of its body
    if kind == "date_only":
        return _ends_its_bulletin(later)
    return kind in _LATER and (kind not in _LAST or _ends_its_bulletin(later))


def _packed(line_raws: list[Raw]) -> list[Raw]:
    """The raw lines of the paragraphs packed into one line, in order (see layout/packed.py)."""
    out = []
    kinds = [raw.kind for raw in line_raws]
    for k, raw in enumerate(line_raws):
        if not _keeps(kinds, k):
            raw = attrs.evolve(raw, kind="para", marker=None, dateline=None, credit=None)
        out.append(attrs.evolve(raw, packed=k > 0, more=k < len(line_raws) - 1))
    return out


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
        hint = hints[number - 1] if hints and number <= len(hints) else None
        if hint is not None and hint.table is not None and not (hint.hidden or hint.chrome):
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
        spans = segments(stripped)
        line_raws = []
        for start, end in spans:
            raw = content_kind(stripped[start:end], shadow_stripped[start:end], number, number in headings)
            line_raws.append(attrs.evolve(raw, indented=True) if number in indented else raw)
        if len(spans) > 1:
            line_raws = _packed(line_raws)
        raws.extend(line_raws)
    # 第一条为了… with no space after the marker: an article where the text numbers a run of them.
    for k, marker in glued_markers([(raw.text, raw.shadow) for raw in raws]).items():
        if raws[k].kind in _GLUED_KINDS:
            raws[k] = attrs.evolve(raws[k], kind="point", marker=marker)
    # A structured reader says how lines were laid out; text marks its titles by indentation only.
    raws = apply_hints(raws, hints) if hints else unindented_head(raws)
    diagnostics: list[Diagnostic] = []
    tokens = RULER.run(raws, diagnostics, trace)
    return tokens, diagnostics
