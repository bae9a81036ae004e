"""A speech's front matter: its line tests and the rules *speech date*, *salutation* and *byline*.

The raw-kind pass (:mod:`bulletins.lexing.kinds`) asks :func:`is_speech_date`, :func:`is_salutation`
and :func:`is_byline` of every line (raw kinds ``speech_date``, ``salutation``, ``byline``); the
rules decide where such a line stands: under a headline, a speech date or a 题：-title it is front
matter (seed 004, web/govreport, web/newscrawl). A byline is also a writer's line (本报记者 …).
"""

from __future__ import annotations

import re

from ..._text import HAN, looks_like_name
from ...analyze.dates import DATE_ONLY_RE
from ..context import HEADLINE, Context
from .credits import foreign_writer, read_names

# （2020年2月23日） under a speech title (seed 004)
# （2026年1月27日在贵州省第十四届人民代表大会第四次会议上） and （2020年11月19日，北京）: the date
# may carry where the speech was given (web/govreport, web/xispeech).
_SPEECH_DATE = re.compile(
    r"^[（(]\s*(?P<date>[^（()）在，,]{4,20}?)\s*(?:在[^（()）]{2,60}?上(?:的讲话)?|[，,][^（()）]{1,16})?\s*[）)]$"
)
# 同志们： / 各位代表： / 各位委员，同志们： / 尊敬的…，女士们，先生们，朋友们：
_SALUTE_TERM = (
    r"(?:同志们|同学们|朋友们|女士们|先生们|各位[^，,、。：:]{0,12}"
    r"|尊敬的[^，,、。：:]{1,20}|亲爱的[^，,、。：:]{1,12})"
)
_SALUTATION = re.compile(rf"^{_SALUTE_TERM}(?:[，,、]{_SALUTE_TERM}){{0,8}}[：:！!]$")
# 省长 李炳军 / 自治区主席 张雨浦 under a speech title (web/govreport): a role, then the speaker.
_SPEAKER = re.compile(rf"^[{HAN}]{{0,14}}(?:主席|省长|市长|区长|县长|书记|总理|部长|主任)\s+[{HAN}·]{{2,6}}$")
_BYLINE_ROLE = re.compile(rf"^(?:本报|新华社|人民日报)?(?:特约)?(?:评论员|记者|通讯员)[{HAN}\s、]{{0,20}}$")


def is_speech_date(shadow: str) -> bool:
    """A date in parentheses, alone on its line, perhaps with where it was given: （2020年2月23日）."""
    speech = _SPEECH_DATE.match(shadow)
    return bool(speech and DATE_ONLY_RE.match(speech.group("date")))


def is_salutation(shadow: str) -> bool:
    """A salutation alone on its line: 同志们：, 各位代表：, 尊敬的…，女士们，先生们，朋友们：."""
    return _SALUTATION.match(shadow) is not None


def is_byline(shadow: str) -> bool:
    """A writer's or speaker's line: 本报记者 …, 省长 李炳军, （墨西哥）亚历杭德罗·马西亚斯, or one to four names."""
    if len(shadow) > 24:
        return False
    if _BYLINE_ROLE.match(shadow) or _SPEAKER.match(shadow) or foreign_writer(shadow):
        return True
    # 曾 勇 / 李  舸: print spreads a two-character name over the width of three.
    names = read_names(shadow) or ()
    return 1 <= len(names) <= 4 and all(looks_like_name(name) for name in names)


# -- the context rules ----------------------------------------------------------------------


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
