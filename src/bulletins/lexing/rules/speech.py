"""A speech's front matter: its line tests and the rules *speech date*, *salutation* and *byline*.

The raw-kind pass (:mod:`bulletins.lexing.kinds`) asks :func:`is_speech_date`, :func:`is_salutation`
and :func:`is_byline` of every line (raw kinds ``speech_date``, ``salutation``, ``byline``); the
rules decide where such a line stands: under a headline, a speech date or a 题：-title it is front
matter (seed 004, web/govreport, web/newscrawl). A byline is also a writer's line (本报记者 …).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..._text import HAN, looks_like_name
from ...analyze.dates import DATE_ONLY_RE
from ..context import HEADLINE, PAGE_RESIDUE, Context
from ..lines import Raw
from ..tokens import retyped
from .chrome import is_chrome
from .credits import foreign_writer, read_names

# （2020年2月23日） under a speech title (seed 004)
# （2026年1月27日在贵州省第十四届人民代表大会第四次会议上） and （2020年11月19日，北京）: the date
# may carry where the speech was given (web/govreport, web/xispeech).
_SPEECH_DATE = re.compile(
    r"^[（(]\s*(?P<date>[^（()）在，,]{4,20}?)\s*"
    r"(?:在[^（()）]{2,60}?上(?:的讲话)?|[，,][^（()）]{1,16}|(?<=\s)[^（()）\s，,]{2,12})?\s*[）)]$"
)
# The place may stand after spaces, without a comma: （二〇二〇年一月十八日  内比都） under a joint
# statement's title (rmrb/2020-01/20200119-02-02.txt line 3; the fourth draw's China–Nepal statement).
# 同志们： / 各位代表： / 各位委员，同志们： / 尊敬的…，女士们，先生们，朋友们：
# An addressee in the plural may carry who they are: 全国同胞们， (rmrb/2019-10/20191002-02-02.txt line 4,
# over 同志们，朋友们：), 青年朋友们, 全体将士们.
_ADDRESSEES = r"(?:同胞|同志|同学|朋友|女士|先生|来宾|嘉宾|战友|将士|官兵|乡亲|老师)们"
_SALUTE_TERM = (
    rf"(?:[{HAN}]{{0,8}}?{_ADDRESSEES}|各位[^，,、。：:]{{0,12}}"
    r"|尊敬的[^，,、。：:]{1,20}|亲爱的[^，,、。：:]{1,12})"
)
_SALUTATION = re.compile(rf"^{_SALUTE_TERM}(?:[，,、]{_SALUTE_TERM}){{0,8}}[：:！!]$")
# 尊敬的温敏总统， / 尊敬的昂山素季国务资政， / 女士们，先生们，朋友们： (rmrb/2020-01/20200118-02-04.txt lines 4–6):
# a salutation set one addressee a line, each line but the last ending in a comma.
_SALUTE_HEAD = re.compile(rf"^(?:[{HAN}]{{0,8}}?{_ADDRESSEES}|各位|尊敬的|亲爱的)[^。：:！!？?]{{0,40}}[，,]$")
_SALUTE_LINES_MAX = 4
# 省长 李炳军 / 自治区主席 张雨浦 under a speech title (web/govreport): a role, then the speaker, whose name
# print may letter-space (省长  李 炳 军).
# Only a head of government or of a body is a speaker's role here: 院长 or 主任 under a signed article's
# title (北京大学政府管理学院常务副院长 燕继荣, rmrb/2019-10/20191023-19-01.txt line 29) is a writer's line.
# A spokesman gives a press conference's statement: 中国载人航天工程新闻发言人 武平 (formats/html-pages/
# gne_cmse_xinwenfabuhui-2012-06-24.html line 55, over 女士们、先生们：).
_ROLE = r"(?:主席|省长|市长|区长|县长|州长|盟长|书记|总理|部长|主任|发言人)"
_SPEAKER = re.compile(rf"^[{HAN}]{{0,14}}{_ROLE}\s+[{HAN}·](?:\s*[{HAN}·]){{1,5}}$")
# 自治区人民政府主席 / 河南省人民政府代省长 on a line of its own, the speaker's name on the next.
_OFFICE = re.compile(rf"^[{HAN}]{{0,20}}{_ROLE}$")
_ROLE_END = re.compile(rf"{_ROLE}$")
_BYLINE_ROLE = re.compile(rf"^(?:本报|新华社|人民日报)?(?:特约)?(?:评论员|记者|通讯员)[{HAN}\s、]{{0,20}}$")


def is_speech_date(shadow: str) -> bool:
    """A date in parentheses, alone on its line, perhaps with where it was given: （2020年2月23日）."""
    speech = _SPEECH_DATE.match(shadow)
    return bool(speech and DATE_ONLY_RE.match(speech.group("date")))


def is_salutation(shadow: str) -> bool:
    """A salutation alone on its line: 同志们：, 各位代表：, 尊敬的…，女士们，先生们，朋友们：."""
    return _SALUTATION.match(shadow) is not None


def salutation_lines(raws: Sequence[Raw], i: int) -> int:
    """How many lines of a salutation set over several lines start at *i* (0 when none does).

    ``女士们，先生们，`` / ``同志们，朋友们：`` (rmrb/2019-10/20191001-03-01.txt lines 4–5); up to three
    addressee lines ending in a comma over a salutation line (2019-10/20191010-02-02.txt lines 4–7).
    """
    k = i
    while k < len(raws) and k - i < _SALUTE_LINES_MAX - 1 and _SALUTE_HEAD.match(raws[k].shadow):
        k += 1
    if k == i or k >= len(raws) or raws[k].kind != "salutation":
        return 0
    return k - i + 1


def is_byline(shadow: str) -> bool:
    """A writer's or speaker's line: 本报记者 …, 省长 李炳军, （墨西哥）亚历杭德罗·马西亚斯, or one to four names."""
    if len(shadow) > 24:
        return False
    if _BYLINE_ROLE.match(shadow) or _SPEAKER.match(shadow) or foreign_writer(shadow):
        return True
    # 曾 勇 / 李  舸: print spreads a two-character name over the width of three.
    names = read_names(shadow) or ()
    return 1 <= len(names) <= 4 and all(looks_like_name(name) for name in names)


def is_office(shadow: str) -> bool:
    """A speaker's office alone on its line: 自治区人民政府主席, 河南省人民政府代省长 (no name)."""
    return _OFFICE.match(shadow) is not None


def _is_name_line(raw: Raw) -> bool:
    names = read_names(raw.shadow) if len(raw.shadow) <= 12 else None
    return raw.kind == "byline" and names is not None and len(names) == 1 and looks_like_name(names[0])


def speaker_lines(raws: Sequence[Raw], i: int) -> int:
    """How many lines of a speaker's line start at *i*: 2 for an office line over a name line, else 0.

    ``某某省人民政府省长`` / ``王　　凯`` (the layout issue 15 names for work reports: the office on one
    line, the letter-spaced name on the next). Only a name line makes the office a speaker's: alone,
    such a line may be a title's last words.
    """
    if i + 1 >= len(raws) or not is_office(raws[i].shadow):
        return 0
    return 2 if _is_name_line(raws[i + 1]) else 0


def speaker_name(text: str, shadow: str) -> str:
    """The speaker's name from the speaker line(s), letter-spacing closed up.

    习近平 → 习近平; 省长 李炳军 → 李炳军; 自治区人民政府主席 / 张 雨 浦 → 张雨浦; a line that is neither
    (a name list, a collective) is kept as printed.
    """
    words, shadows = text.split(), shadow.split()
    if len(words) != len(shadows) or not words:
        return text.strip()
    if len(words) >= 2 and _ROLE_END.search(shadows[0]):
        words = words[1:]
    if len(words) == 1 or all(len(word) == 1 for word in words):
        return "".join(words)
    return text.strip()


# 2026-01-31 07:00:44, 2026-02-03: a web page's time stamp alone on its line.
_STAMP = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_FRONT_MAX = 4


def is_page_metadata(raw: Raw) -> bool:
    """A web page's metadata line: 来源：河南日报, 时间：2026-02-03 (:func:`~.chrome.is_chrome`), a time stamp."""
    return raw.kind == "nav" or is_chrome(raw.shadow) or _STAMP.match(raw.shadow) is not None


# -- the context rules ----------------------------------------------------------------------


def front_metadata(ctx: Context, i: int) -> int | None:
    """A web page's metadata lines inside a speech's front matter: residue the front matter keeps.

    ``2026年河南省政府工作报告`` / ``——2026年1月26日在…会议上`` / ``来源：河南日报`` / ``时间：2026-02-03`` /
    ``河南省人民政府省长 王凯`` / ``各位代表：`` (web/govreport/2026_河南省_政府工作报告_row1.txt lines 10–15),
    ``省长 罗东川`` / ``2026-01-31 07:00:44`` / ``来源：青海日报`` / ``各位代表：`` (…青海省… lines 3–6). Only
    between the title block (or the speaker's line, or the date) and a speaker's line or a salutation that
    follows within four lines: elsewhere such lines are the page's chrome (the residue line rule).
    """
    if ctx.last not in {"HEADLINE_START", "HEADLINE_LINE", "SPEECH_DATE", "BYLINE"}:
        return None
    k = i
    while k < len(ctx.raws) and k - i < _FRONT_MAX and is_page_metadata(ctx.raws[k]):
        k += 1
    after = ctx.peek(k)
    # …or the speech's date over the speaker's line or the salutation: 发布日期: 2012-06-24 / 字号: … /
    # 2012年6月24日 / 中国载人航天工程新闻发言人 武平 (formats/html-pages/gne_cmse_xinwenfabuhui-2012-06-24.html).
    dated = after is not None and after.kind in {"speech_date", "date_only"} and ctx.speech_follows(k)
    if k == i or after is None or not (after.kind in {"salutation", "byline"} or speaker_lines(ctx.raws, k) or dated):
        return None
    if after.kind == "byline" and ctx.last == "BYLINE":
        return None
    for n in range(i, k):
        ctx.emit_line("FRONT_NAV", n)
    return k


def speech_date(ctx: Context, i: int) -> int | None:
    """A date in parentheses right under a speech's title, or under its speaker's line.

    （2020年2月23日） (seed 004); a bare 2012年6月24日 under the title, over the speaker's line or the
    salutation (a press conference's statement,
    formats/html-pages/gne_cmse_xinwenfabuhui-2012-06-24.html). A work report may print the speaker
    first: 政府工作报告 / 省长 李炳军 / （2026年1月27日在…会议上） / 各位代表： (issue 15's orders of the
    front matter); under a speaker's
    line the date is the speech's when a salutation follows it or it names the occasion (在…上).
    """
    if ctx.last in HEADLINE | {"DATELINE_TITLE"}:
        return ctx.emit_line("SPEECH_DATE", i)
    # A bare date (2012年6月24日) is the speech's only straight under its title; under a signature it
    # is a letter's closing date (习近平 / 2020年1月18日).
    if ctx.raws[i].kind == "date_only":
        return None
    if ctx.last == "BYLINE" and (ctx.speech_follows(i) or "在" in ctx.raws[i].shadow):
        return ctx.emit_line("SPEECH_DATE", i)
    return None


def salutation(ctx: Context, i: int) -> int | None:
    """A salutation under the title, the speech date or the speaker's line.

    同志们：, 各位代表： (seed 004).
    """
    if ctx.last not in {"HEADLINE_START", "HEADLINE_LINE", "SPEECH_DATE", "BYLINE"}:
        return opening_salutation(ctx, i)
    return ctx.emit_line("SALUTATION", i)


def opening_salutation(ctx: Context, i: int) -> int | None:
    """A salutation that opens a text with no title: it opens the bulletin, as its speech's front matter.

    ``尊敬的温敏总统，尊敬的昂山素季国务资政，女士们，先生们，朋友们：`` / ``敏格拉巴！`` … (web/xispeech
    all_data_row10.txt), ``尊敬的萨勒曼国王，各位同事：`` (row3), ``尊敬的古特雷斯秘书长先生，尊敬的各位同事：``
    run into the text (row35): a dataset cell holding a speech without its title. Only before any
    bulletin, and only over the speech's text (a paragraph or a point follows).
    """
    after = ctx.peek(i + 1)
    if ctx.in_bulletin or after is None or after.kind not in {"para", "point"}:
        return None
    ctx.open_bulletin()
    return ctx.emit_line("LEAD_SALUTATION", i)


def salutation_over_lines(ctx: Context, i: int) -> int | None:
    """A salutation set one addressee a line (:func:`salutation_lines`), under the title, date or speaker.

    ``尊敬的温敏总统，`` / ``尊敬的昂山素季国务资政，`` / ``女士们，先生们，朋友们：`` (rmrb/2020-01/
    20200118-02-04.txt lines 4–6): each line a SALUTATION token, the speech's salutation their text joined.
    """
    if ctx.last not in {"HEADLINE_START", "HEADLINE_LINE", "SPEECH_DATE", "BYLINE"}:
        return None
    count = salutation_lines(ctx.raws, i)
    for k in range(i, i + count):
        ctx.emit_line("SALUTATION", k)
    return i + count if count else None


def speaker_office(ctx: Context, i: int) -> int | None:
    """A speaker's office on one line and the name on the next, under the title or the speech date.

    ``自治区人民政府主席`` / ``张 雨 浦`` (:func:`speaker_lines`): two speaker lines, never a headline
    line and a byline (the office read into the headline takes the bulletin's title with it).
    """
    if ctx.last not in {"HEADLINE_START", "HEADLINE_LINE", "SPEECH_DATE", "DATELINE_TITLE"}:
        return None
    if speaker_lines(ctx.raws, i) != 2:
        return None
    ctx.emit_line("BYLINE", i)
    return ctx.emit_line("BYLINE", i + 1)


def front_figure(ctx: Context, i: int) -> int | None:
    """A photo caption set between the speaker's line (or the speech date) and the salutation.

    政府工作报告 / ——2026年2月3日在…会议上 / 自治区人民政府主席 张雨浦 / ``2月3日，…张雨浦作政府工作报告。
    宁夏日报全媒体记者 王鼎 摄`` / 各位代表： (web/govreport/2026_宁夏回族自治区_政府工作报告_row1.txt lines
    18–22). The picture belongs to the body: the salutation is emitted first, so that the front matter
    is read whole, then the caption and its credit.
    """
    after = ctx.peek(i + 1)
    if ctx.last not in {"BYLINE", "SPEECH_DATE"} or after is None or after.kind != "salutation":
        return None
    from .captions import caption  # captions → runs → speech: imported when used

    ctx.emit_line("SALUTATION", i + 1)
    caption(ctx, i)
    return i + 2


_NOT_A_CAPTION = re.compile(r"^(?:——|--|[（(])|在[^，。]{2,60}上")


def front_caption_line(ctx: Context, i: int) -> int | None:
    """A short line alone between a speech's title block and its salutation, residue around it: a caption.

    陕西省2026年政府工作报告 / 2026年1月27日在…会议上 陕西省省长 赵刚 / (the page's trail and metadata) /
    ``省长赵刚作政府工作报告`` / 各位代表： (web/govreport/2026_陕西省_政府工作报告_row1.txt lines 2–19): the
    picture's caption the page printed there, as :func:`front_figure` reads a caption with its credit. A
    subtitle (——…, （…）) or an occasion (在…上) is never one.
    """
    after = ctx.peek(i + 1)
    if ctx.last not in HEADLINE or after is None or after.kind != "salutation" or ctx.out[-1].type not in PAGE_RESIDUE:
        return None
    if _NOT_A_CAPTION.search(ctx.raws[i].shadow):
        return None
    from .captions import caption  # captions → runs → speech: imported when used

    # The page's lines between the title block and the caption are the front matter's residue (FRONT_NAV),
    # as :func:`front_metadata` reads them: the speech still follows the title.
    k = ctx.residue_tail()
    ctx.out[k:] = [retyped(made, "FRONT_NAV") if made.type == "NAV" else made for made in ctx.out[k:]]
    ctx.emit_line("SALUTATION", i + 1)
    caption(ctx, i)
    return i + 2


def byline(ctx: Context, i: int) -> int | None:
    """A writer's or speaker's line under the headline, the speech date or a 题：-title.

    王荣 王晓丽, 本报评论员 (seed 003), 习近平 (seed 004), 新华社记者刘赞 (web/newscrawl).
    """
    if ctx.last not in {"HEADLINE_START", "HEADLINE_LINE", "SPEECH_DATE", "DATELINE_TITLE"}:
        return None
    return ctx.emit_line("BYLINE", i)
