"""Rules *residue line* and *hidden text*: lines that belong to no bulletin's structure."""

from __future__ import annotations

from ._context import Context


def residue_line(ctx: Context, i: int) -> int | None:
    """Images, navigation, page chrome and a rundown's title: residue.

    Seed 001's logo lines, web-page chrome (``下载``, ``【字号：``, layout/chrome.py), a 新闻联播 day
    file's title and metadata (bulletins._hints).
    """
    return ctx.emit_line(ctx.raws[i].kind.upper(), i)


def hidden_text(ctx: Context, i: int) -> int | None:
    """Text the source hides: kept, as noise.

    ``display:none``, Word's hidden runs (bulletins._hints).
    """
    return ctx.emit_line("NOISE", i)
