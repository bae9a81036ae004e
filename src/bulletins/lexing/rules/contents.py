"""Rule *table of contents*: chapter and section headings listed before the text that repeats them."""

from __future__ import annotations

from ..context import Context
from ..lines import Raw

_CONTENTS_MIN = 4
_HEADING_STYLES = frozenset({"第一章", "第一节"})


def _is_heading(raw: Raw) -> bool:
    return raw.marker is not None and raw.marker.style in _HEADING_STYLES


def table_of_contents(ctx: Context, i: int) -> int | None:
    """Four or more chapter or section headings in a row: a table of contents.

    A plan's 目录 (rmrb/2019-02/20190219-14-01.txt lines 8–59) lists every 第X章 / 第X节 heading
    with no text between them; it is navigation, kept as residue, and the headings printed again
    over the text are the points.
    """
    k = i
    while k < len(ctx.raws) and _is_heading(ctx.raws[k]):
        k += 1
    if k - i < _CONTENTS_MIN:
        return None
    for n in range(i, k):
        ctx.emit_line("NAV", n)
    return k
