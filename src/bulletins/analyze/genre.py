"""Guess a bulletin's genre from its parts: speech, digest, notice, dispatch, readout, article."""

from __future__ import annotations

import re

from ..model import Block, Dateline, Headline, Point, Speech
from .dates import DATE_RE

_NEWS_AGENCIES = frozenset({"新华社", "中新社", "中国新闻社"})
_NOTICE_TITLE = re.compile(r"(?:通知|通报|意见|决定|办法|规定|方案|公告|通告|批复|函)$")
_READOUT = re.compile(r"召开|会议|座谈会|主持")


def guess_genre(
    *,
    headline: Headline | None,
    dateline: Dateline | None,
    speech: Speech | None,
    body: tuple[Block, ...],
    has_closing: bool,
) -> str:
    """Return one of the genres of :data:`bulletins.model.GENRES` for a bulletin's parts."""
    if speech is not None:
        return "speech"
    points = [block for block in body if isinstance(block, Point)]
    # 一、9月1日，全省疫情防控工作电视电话会议在广州召开 … (seed 000): items headed by dates.
    dated = [p for p in points if DATE_RE.match(p.text)]
    if len(dated) >= 2 and len(dated) == len(points):
        return "digest"
    title = headline.title if headline is not None else ""
    if _NOTICE_TITLE.search(title) or has_closing:
        return "notice"
    if dateline is not None and dateline.agency in _NEWS_AGENCIES:
        return "dispatch"
    first = next((b.text for b in body if not isinstance(b, Point)), "")
    if _READOUT.search(title) or _READOUT.search(first[:80]):
        return "readout"
    return "article" if headline is not None else "unknown"
