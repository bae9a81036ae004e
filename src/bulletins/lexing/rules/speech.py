"""A speech's front matter: the rules *speech date*, *salutation* and *byline* under a headline.

The lines themselves are told by the raw-kind pass (:mod:`bulletins.lexing.kinds`: ``speech_date``,
``salutation``, ``byline``); these rules decide where they stand (seed 004, web/govreport).
"""

from __future__ import annotations

from ..context import HEADLINE, Context


def speech_date(ctx: Context, i: int) -> int | None:
    """A date in parentheses right under a speech's title.

    （2020年2月23日） (seed 004).
    """
    if ctx.last not in HEADLINE | {"DATELINE_TITLE"}:
        return None
    return ctx.emit_line("SPEECH_DATE", i)


def salutation(ctx: Context, i: int) -> int | None:
    """A salutation under the title, the speech date or the speaker's line.

    同志们：, 各位代表： (seed 004).
    """
    if ctx.last not in {"HEADLINE_START", "HEADLINE_LINE", "SPEECH_DATE", "BYLINE"}:
        return None
    return ctx.emit_line("SALUTATION", i)


def byline(ctx: Context, i: int) -> int | None:
    """A writer's or speaker's line under the headline, the speech date or a 题：-title.

    王荣 王晓丽, 本报评论员 (seed 003), 习近平 (seed 004), 新华社记者刘赞 (web/newscrawl).
    """
    if ctx.last not in {"HEADLINE_START", "HEADLINE_LINE", "SPEECH_DATE", "DATELINE_TITLE"}:
        return None
    return ctx.emit_line("BYLINE", i)
