"""Datelines at the head of a paragraph: 新华社北京9月6日电, 本报讯(记者 赵娟娟)11月10日.

Matching runs on the Simplified shadow; the returned offsets cut the original line.
"""

from __future__ import annotations

import re

from attrs import frozen

from .._text import HAN
from ..model import Date, Dateline
from .dates import date_from_match

# Agencies are an open class (issue 9): news agencies and papers, and the news sites that file
# under their own name (人民网北京4月10日电, 中新网北京4月20日电: web/newscrawl).
AGENCIES = (
    "新华社", "中新社", "中国新闻社", "人民日报", "央视网", "央视新闻", "中央广播电视总台", "本报", "人民网",
    "中新网", "中国新闻网", "新华网", "央广网", "光明网", "国际在线", "环球网", "中国日报网", "中国青年报",
    "经济日报", "光明日报", "法治日报", "工人日报", "解放军报",
    # 中国网5月13日讯 (formats/html-pages/magichtml_chinaorg_huhehaote-yuer-jintie.html): the other national
    # news sites file the same way.
    "中国网", "中国经济网", "海外网", "中国军网", "中国台湾网",
)  # fmt: skip
_AGENCY = rf"(?P<agency>{'|'.join(sorted(AGENCIES, key=len, reverse=True))})"
_MD = r"(?:(?P<year>\d{4})年)?(?P<month>\d{1,2})月(?P<day>\d{1,2})日"
_PAREN_BY = r"(?:\s*[（(](?P<by>[^）)\n]{1,40})[）)])?"

# One place, or several filing together: 本报北京、柏林、里约热内卢、…堪培拉2月25日电 (a joint dispatch of the
# paper's correspondents, rmrb/2020-02/20200226-03-01.txt line 31; 93 rmrb files print one, none was read).
_PLACES = rf"[{HAN}]{{1,15}}?(?:、[{HAN}]{{1,15}}?)*"
# 电 is never 电话 / 电视 …: 本报记者在北京、柏林2月25日电话采访… is a sentence.
# 新华社北京9月6日电 / 新华社乌兹别克斯坦撒马尔罕9月16日电 / 据新华社北京…电 / 本报北京11月10日讯
# (seed 000, 003; DESIGN §1), and with no place: 中新网10月15日电(记者 甘甜) (web/newscrawl, read from
# a held-out file: docs/accuracy.md). The place is lazy so that the date is never swallowed.
_DISPATCH = re.compile(
    rf"^(?P<lead>据)?{_AGENCY}(?P<place>{_PLACES})?{_MD}(?P<kind>电(?![话视脑影池])|讯){_PAREN_BY}"
    r"(?P<sep>\s+|[，,：:]|(?=[^\s])|$)"
)
# 据新华社电  （记者鲍晓菁）每年清明节，… (rmrb: 233 lines open so, 20200520-20-02.txt line 4): an agency's
# dispatch with neither place nor date; blanks or the reporters' parentheses follow 电.
_UNDATED = re.compile(rf"^(?P<lead>据)?{_AGENCY}(?P<kind>电)(?=[\s（(]){_PAREN_BY}(?P<sep>\s+|[，,：:]|(?=[^\s])|$)")
# 央视网消息（新闻联播）： opens every item of a 新闻联播 transcript (web/xwlb): no place, no date.
_BROADCAST = re.compile(r"^(?P<agency>央视网消息)(?:[（(]新闻联播[）)])?(?P<sep>[：:]\s*)")
# 本报讯(记者 赵娟娟)11月10日， (seed 003) and 本报讯 with no byline or date.
# 本报电 opens each item of a brief column (新闻速递, rmrb/2020-01/20200106-19-03.txt): no place, no date.
_NEWSFLASH = re.compile(rf"^(?P<agency>本报)[讯电]{_PAREN_BY}\s*(?:{_MD})?(?P<sep>\s+|[，,]|(?=[^\s]))")
# 记者 / 新华社记者 / 解放军报记者 / 实习生 before each name (an outlet of up to six characters).
_REPORTER = re.compile(rf"^(?:[{HAN}]{{0,6}}?(?:记者|通讯员)|实习生)\s*")


@frozen(kw_only=True)
class DatelineMatch:
    """A dateline found at the start of a line."""

    dateline: Dateline
    """The parsed dateline."""
    end: int
    """Offset in the line where the rest of the paragraph starts."""
    byline: tuple[str, ...] = ()
    """Reporters named in the dateline's parentheses."""


_COLUMN_LABEL = re.compile(r"(?:观察|视点|时评|述评|综述|专访|速评|快评|问答|特稿|调查|聚焦|透视)$")


def _byline(text: str | None, shadow: str | None) -> tuple[str, ...]:
    """Reporters named in a dateline's parentheses: 记者 (記者) is read on the shadow, names cut from *text*."""
    if not text or shadow is None:
        return ()
    names: list[str] = []
    for found in re.finditer(r"[^\s、，,]+", shadow):
        if _COLUMN_LABEL.search(found.group(0)):
            continue  # 新华社北京４月２０日电（国际观察） (web/newscrawl/add_content_xinhuanet4_idx214.txt): a column
        prefix = _REPORTER.match(found.group(0))
        start = found.start() + (prefix.end() if prefix else 0)
        if start < found.end():
            names.append(text[start : found.end()])
    return tuple(names)


def _blank_end(line: str, shadow: str, start: int, end: int) -> int:
    """*end*, or the first control character in ``line[start:end]`` that the shadow reads as a blank.

    The shadow reads control characters as blanks (script.py), so a separator matched on it can take
    a backspace or an escape that the text keeps: the rest of the line starts there, never after it.
    """
    for k in range(start, end):
        if shadow[k].isspace() and not line[k].isspace():
            return k
    return end


def match_dateline(line: str, shadow: str, number: int) -> DatelineMatch | None:
    """Return the dateline at the start of *line*, or None.

    Args:
        line: The cleaned line in its original script.
        shadow: Its Simplified shadow (same length).
        number: The line's 1-based number.
    """
    match = _DISPATCH.match(shadow) or _NEWSFLASH.match(shadow) or _UNDATED.match(shadow) or _BROADCAST.match(shadow)
    if match is None:
        return None
    groups = match.groupdict()
    date: Date | None = None
    if groups.get("month"):
        start, stop = match.span("month")[0], match.span("day")[1] + 1
        if groups.get("year"):
            start = match.span("year")[0]
        date = date_from_match(match, text=line[start:stop])
    end = _blank_end(line, shadow, match.start("sep"), match.end())
    text = line[: match.start("sep")] + match.group("sep").strip()
    place = groups.get("place")
    place_text = line[match.start("place") : match.end("place")] if place else None
    agency_text = line[match.start("agency") : match.end("agency")]
    dateline = Dateline(text=text, line=number, agency=agency_text, place=place_text, date=date)
    by = groups.get("by")
    by_text = line[match.start("by") : match.end("by")] if by else None
    by_shadow = shadow[match.start("by") : match.end("by")] if by else None
    return DatelineMatch(dateline=dateline, end=end, byline=_byline(by_text, by_shadow))


# （新华社北京5月21日电）, （本报开罗2月13日电）, （据新华社伦敦电 记者张家伟）, （新华社电）: a dateline
# printed on a line of its own after the text it closes (rmrb corpus, 59 files end so); a joint dispatch's
# several places and its reporters, up to a dozen, after 电 and two spaces or a comma (…1月24日电，记者曲颂、…,
# rmrb/2020-01/20200125-03-01.txt).
_TRAILING_LINE = re.compile(
    rf"^[（(](?P<lead>据)?{_AGENCY}(?P<place>{_PLACES})?(?:{_MD})?电"
    rf"(?:[\s，,]*(?P<by>[{HAN}]{{0,6}}?(?:记者|通讯员)[^（()）]{{2,200}}))?[）)]$"
)


def match_trailing_line(line: str, shadow: str, number: int) -> DatelineMatch | None:
    """Return the dateline that *line* is when it stands alone in parentheses at a text's end."""
    if not shadow.startswith(("（", "(")):
        return None
    match = _TRAILING_LINE.match(shadow)
    if match is None:
        return None
    date: Date | None = None
    if match.group("month"):
        start = match.start("year") if match.group("year") else match.start("month")
        date = date_from_match(match, text=line[start : match.end("day") + 1])
    place = line[match.start("place") : match.end("place")] if match.group("place") else None
    agency = line[match.start("agency") : match.end("agency")]
    dateline = Dateline(text=line, line=number, agency=agency, place=place, date=date, trailing=True)
    by = match.group("by")
    byline = _byline(line[match.start("by") : match.end("by")], by) if by else ()
    return DatelineMatch(dateline=dateline, end=len(line), byline=byline)
