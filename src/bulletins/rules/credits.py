"""Rules *credit*, *weak caption* and *caption*: who made the pictures, and what they show."""

from __future__ import annotations

from .._tokens import LineInfo
from ._context import Context
from .runs import short_run


def credit(ctx: Context, i: int) -> int | None:
    """A credit or end note, one CREDIT token per credit on the line.

    本报记者  李  舸摄, 制图：王  婷, （作者为…）, ——编 者 (layout/credits.py) belong to the
    bulletin they close and never open one; 曹  一图  燕  陆文 holds two. A brief's signature
    ends the brief.
    """
    raw = ctx.raws[i]
    match = raw.credit
    while match is not None:
        end = match.following.start if match.following is not None else len(raw.text)
        ctx.emit("CREDIT", LineInfo(first=raw.number, last=raw.number, text=raw.text[match.start : end], credit=match))
        if match.role == "署名":  # （喻思南） closes a brief of 新闻速递
            ctx.terminal_seen = True
        match = match.following
    return i + 1


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
