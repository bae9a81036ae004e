"""Captions: what a picture shows — the line test (raw kind ``caption``) and the rules *weak caption* and *caption*.

A caption is told by its own text: a photo credit at its end (``…。新华社记者 谢环驰 摄``, seed 002),
``这是…`` after a dated sentence, ``图为…``, a numbered ``图①、图④：``; ``正在`` in a short line is a
weak cue (seed 003's ``溯源流调工作组正在紧张工作中``), which at the top of a file is a title's kicker
instead. A structured reader's ``<figcaption>`` makes a caption whatever its text
(:mod:`bulletins.lexing.hints`). The credit at a caption's end is cut off by
:func:`bulletins.lexing.rules.credits.match_credit_tail` and emitted as a credit of its own.
"""

from __future__ import annotations

import re

from ..._text import HAN
from ..context import Context
from ..tokens import LineInfo
from .runs import short_run

# Photo captions: 溯源流调工作组正在紧张工作中 (seed 003); "……。这是习近平在……。新华社记者 谢环驰 摄"
# (seed 002); lines opening with 图为.
_CAPTION_ONGOING = re.compile(r"正在")
_CAPTION_CREDIT = re.compile(rf"(?:新华社|本报|人民日报)?记者(?:\s*[{HAN}]{{2,4}})+\s*摄[）)]?$")
_CAPTION_THIS_IS = re.compile(r"^\d{1,2}月\d{1,2}日(?:至\d{1,2}日)?，[^\n]{0,300}?。这是")
_CAPTION_TUWEI = re.compile(r"^图为")
# 图①、图④：1月17日，缅甸民众在内比都街头… under 图片说明： (rmrb/2020-01/20200118-05-01.txt line 30).
_CAPTION_NUMBERED = re.compile(r"^图[①-⑳\d]{1,2}(?:[、，,]图?[①-⑳\d]{1,2})*[：:]")


def is_caption(shadow: str) -> bool:
    """A photo caption by its own text: a photographer's credit at its end, 这是…, 图为…, 图①…：."""
    return bool(
        # The credit ends the line (摄, 摄）): look for it only there, not from every position of every line.
        ("摄" in shadow[-3:] and _CAPTION_CREDIT.search(shadow))
        or _CAPTION_THIS_IS.match(shadow)
        or _CAPTION_TUWEI.match(shadow)
        or _CAPTION_NUMBERED.match(shadow)
    )


def is_weak_caption(text: str, shadow: str) -> bool:
    """正在 in a line of at most 30 characters: a caption's weak cue (asked of short lines only)."""
    return _CAPTION_ONGOING.search(shadow) is not None and len(text) <= 30


# -- the context rules ----------------------------------------------------------------------


def weak_caption(ctx: Context, i: int) -> int | None:
    """A line whose only caption cue is weak, at the top of a file: read with the short run.

    正在… alone is a title's kicker there, not a caption.
    """
    if not ctx.raws[i].weak or ctx.in_bulletin:
        return None
    return short_run(ctx, i)


def caption(ctx: Context, i: int) -> int | None:
    """A photo caption, its credit cut off.

    图为…, 这是…, a <figcaption>; a credit ending it (…。新华社记者 谢环驰 摄, …。美聯社圖片) is a
    credit of its own.
    """
    raw = ctx.raws[i]
    cut = raw.credit.start if raw.credit is not None else len(raw.text)
    ctx.emit("CAPTION", LineInfo(first=raw.number, last=raw.number, text=raw.text[:cut]))
    if raw.credit is not None:
        ctx.emit("CREDIT", LineInfo(first=raw.number, last=raw.number, text=raw.text[cut:], credit=raw.credit))
    return i + 1
