"""Guess a bulletin's genre from its parts: speech, digest, notice, dispatch, readout, article.

Rules in order, each from the seeds; titles and paragraphs are matched on the Simplified shadow.
"""

from __future__ import annotations

import re

from ..model import Block, Dateline, Headline, Point, Speech
from ..script import shadow
from .dates import DATE_RE

_NEWS_AGENCIES = frozenset({"新华社", "中新社", "中国新闻社"})
_NOTICE_TITLE = re.compile(r"(?:通知|通报|意见|决定|办法|规定|方案|公告|通告|批复|函)$")
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
    if _NOTICE_TITLE.search(title) or has_closing:
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
