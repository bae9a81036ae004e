"""Rule *table*: a data table's rows are one grid block, never headlines, points or bulletins.

Evidence: gov.cn policy pages (govcn-html row4: a 56×5 indicator table whose first column reads
``一、医疗质量`` / ``（一）功能定位`` — cells, not points; row44: pages of coordinate tables that
were split into nine bulletins headed by their captions) and Word files whose annexes are tables.
Only structured readers know a table (HTML ``<table>``, Word ``w:tbl``, Markdown pipe tables);
the lexer gives their rows of two or more cells the raw kind ``table_row``.
"""

from __future__ import annotations

import re

from ..context import Context
from ..tokens import LineInfo

# 注：坐标系统为深圳独立坐标系统。 / 注： then 1.… 2.… (gov.cn row4, row44): a table's notes.
_TABLE_NOTE = re.compile(r"^注[：:]")
# 单位：万人 / （单位：亿元）: a table's unit.
_UNIT = re.compile(r"^[（(]?单位[：:]\s*\S{1,12}?[）)]?$")


def table(ctx: Context, i: int) -> int:
    """The run of rows of one table, from *i*: one TABLE token (a table before any bulletin is residue)."""
    raws = ctx.raws
    number = raws[i].table
    j = i
    while j < len(raws) and raws[j].kind == "table_row" and raws[j].table == number:
        j += 1
    rows = raws[i:j]
    ctx.emit(
        "TABLE",
        LineInfo(
            first=rows[0].number,
            last=rows[-1].number,
            text="\n".join(raw.text for raw in rows),
            shadow="\n".join(raw.shadow for raw in rows),
            parts=tuple((raw.number, raw.text) for raw in rows),
            cells=tuple(raw.cells for raw in rows),
        ),
    )
    return j


def table_note(ctx: Context, i: int) -> int | None:
    """The notes under an annex's table after the 落款 (注：…, and its numbered lines): 附注, not a new bulletin.

    Inside a body the notes are read as paragraphs and points like any text; after the closing
    only notice elements may follow (GB/T 9704-2012 §7.3.5), so they are notes there.

    A table's unit under its caption (``表9  2022年各类学校招生、在校生和毕业生人数`` / ``单位：万人``, the table
    itself an image: formats/html-pages/simonxinw_yichun-gov_jiangxi-tjgb-2022.html lines 79–80) is part
    of the caption, never a title.
    """
    if ctx.out and ctx.out[-1].type == "CAPTION" and _UNIT.match(ctx.raws[i].shadow):
        return ctx.emit_line("CAPTION", i)
    if not ctx.out or ctx.out[-1].type != "TABLE" or not ctx.after_closing():
        return None
    if not _TABLE_NOTE.match(ctx.raws[i].shadow):
        return None
    j = i + 1
    while j < len(ctx.raws) and ctx.raws[j].kind == "point" and ctx.raws[j].marker is not None:
        j += 1
    for k in range(i, j):
        ctx.emit_line("NOTE", k)
    return j
