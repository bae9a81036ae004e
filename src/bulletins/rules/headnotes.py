"""Rules *headnotes*, *box label* and *document date*: what stands between a headline and its body."""

from __future__ import annotations

from ..layout.endings import ends_item
from ..layout.headnotes import is_adoption_note, is_box_label, is_summary
from ._context import UNDER_HEADLINE, Context

_HEAD_NOTES_MAX = 6  # rmrb/2020-02/20200224-03-03.txt prints five above its dateline


def _count(ctx: Context, i: int) -> int:
    raw = ctx.raws[i]
    if raw.kind == "short" and (is_adoption_note(raw.shadow) or is_summary(raw.shadow)):
        return 1
    for k in range(i, min(i + _HEAD_NOTES_MAX + 1, len(ctx.raws))):
        ahead = ctx.raws[k]
        if ahead.kind == "dateline":
            return k - i
        # Only whole paragraphs: a short line is the next title, a terminal formula or a
        # dateline printed last ends an item of its own.
        if ahead.kind != "para" or ends_item(ahead.shadow):
            return 0
    return 0


def head_notes(ctx: Context, i: int) -> int | None:
    """提要 sentences and 题注 under the headline just emitted: headnotes.

    A 题注 or a 提要 sentence is one by its own text (layout/headnotes.py); other paragraphs are
    headnotes only when the bulletin's dateline follows them within six lines
    (rmrb/2020-02/20200215-01-02.txt).
    """
    if ctx.last not in UNDER_HEADLINE:
        return None
    count = _count(ctx, i)
    if not count:
        return None
    for k in range(i, i + count):
        ctx.emit_line("HEAD_NOTE", k)
    return i + count


def box_label(ctx: Context, i: int) -> int | None:
    """A box label inside a bulletin: a subhead over its box.

    核心阅读, 图片说明： (layout/headnotes.py BOX_LABELS).
    """
    if not ctx.in_bulletin or not is_box_label(ctx.raws[i].shadow):
        return None
    return ctx.emit_line("SUBHEAD", i)


def document_date(ctx: Context, i: int) -> int | None:
    """A date in parentheses under a title with no speaker after it: the document's date.

    （2019年1月3日） under a document's title (rmrb/2019-02/20190220-01-02.txt line 3) is the date
    it bears, not a speech's: a headnote.
    """
    if ctx.last not in UNDER_HEADLINE or ctx.speech_follows(i):
        return None
    return ctx.emit_line("HEAD_NOTE", i)
