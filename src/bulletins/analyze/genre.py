"""Guess a bulletin's genre from its parts: speech, digest, notice, dispatch, readout, article.

Rules in order, each from the seeds; titles and paragraphs are matched on the Simplified shadow.
"""

from __future__ import annotations

import re

from ..model import Block, Dateline, Headline, Point, Speech
from ..script import shadow
from .dates import DATE_RE

_NEWS_AGENCIES = frozenset({"新华社", "中新社", "中国新闻社"})
# The kinds of 党政机关公文 (通知 … 纪要, GB/T 9704's 文种) and of rules and laws, ending a title. Where the word
# also ends a news title, the document's own form: 关于…的报告/决议/解释 (关于政府工作报告的决议, 最高人民法院关于
# …的解答), not 伊拉克议会通过有关…的决议 (a dispatch); 中华人民共和国…法, not …的新方法; a body's 令.
_NOTICE_TITLE = re.compile(
    r"(?:通知|通报|意见|决定|办法|规定|方案|公告|通告|公报|批复|函|请示|议案|纪要|条例|细则|章程"
    r"|政治决议|关于.{2,}的(?:决议|报告|解释|解答)|(?:工作|议事|实施)规则"
    r"|(?:主席|国务院|总理|[部委局署行])令|^中华人民共和国.{1,30}法)$"
)
# 关于加强境外疫情输入防控的通告（第7号）, 通 告 (formats/datasets/covidpolicy_guangzhou_gz-gov-tzgg.json): the
# number of a series and a letter-spaced title are no part of the kind.
_SERIES_NUMBER = re.compile(r"\s*[（(]第[一二三四五六七八九十百零〇\d]+号[）)]$")
_LETTER_SPACE = re.compile(r"(?<=\S)[ \u3000](?=\S)")
# 在黄河流域生态保护和高质量发展座谈会上的讲话 (seeds 002, 004) — but not 会上发表重要讲话, a report.
_SPEECH_TITLE = re.compile(r"上的讲话$")
_FEATURE = re.compile(r"评论员|纪实$|侧记$|综述$|述评$")
_READOUT_TITLE = re.compile(r"会议|全会|座谈会|会召开|召开会|主持|视频会")
_READOUT_LEDE = re.compile(r"召开[^。，]{0,30}会|主持会议")


def guess_genre(
    *,
    headline: Headline | None,
    dateline: Dateline | None,
    speech: Speech | None,
    body: tuple[Block, ...],
    byline: tuple[str, ...] = (),
    has_closing: bool,
) -> str:
    """Return one of the genres of :data:`bulletins.model.GENRES` for a bulletin's parts."""
    title = shadow(headline.title) if headline is not None else ""
    subtitles = [shadow(s) for s in headline.subtitles] if headline is not None else []
    if speech is not None or _SPEECH_TITLE.search(title):
        return "speech"
    points = [block for block in body if isinstance(block, Point)]
    # 一、9月1日，全省疫情防控工作电视电话会议在广州召开 … (seed 000): items headed by dates.
    dated = [p for p in points if DATE_RE.match(p.text)]
    if len(dated) >= 2 and len(dated) == len(points):
        return "digest"
    if _NOTICE_TITLE.search(_SERIES_NUMBER.sub("", _LETTER_SPACE.sub("", title))) or has_closing:
        return "notice"
    if dateline is not None and dateline.agency in _NEWS_AGENCIES:
        return "dispatch"
    if any(_FEATURE.search(s) for s in [*byline, *subtitles]):
        return "article"
    first = next((b.text for b in body if not isinstance(b, Point)), "")
    lede = shadow(first).split("。", 1)[0]
    if _READOUT_TITLE.search(title) or _READOUT_LEDE.search(lede):
        return "readout"
    return "article" if headline is not None else "unknown"
