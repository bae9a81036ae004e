"""Dates as printed in notices: 9月6日, 2020年2月9日, 二〇二〇年二月九日, ranges 2月10日--13日."""

from __future__ import annotations

import re

from .._text import CN_DIGITS, cn_digits_to_int, cn_to_int
from ..model import Date

_CN = f"[{CN_DIGITS}]"
_YEAR = rf"(?:(?P<year>\d{{4}}|{_CN}{{4}})年)"
_MONTH = rf"(?P<month>\d{{1,2}}|{_CN}{{1,3}})月"
_DAY = rf"(?P<day>\d{{1,2}}|{_CN}{{1,3}})日"
_SINGLE = rf"{_YEAR}?{_MONTH}{_DAY}"
# Range ends: 2月10日--13日, 5月20日至22日, 2月10日—2月13日 (seed 002, 002 captions).
_END = (
    rf"(?:--|—+|－|-|~|～|至|到)"
    rf"(?:(?P<eyear>\d{{4}}|{_CN}{{4}})年)?(?:(?P<emonth>\d{{1,2}}|{_CN}{{1,3}})月)?"
    rf"(?P<eday>\d{{1,2}}|{_CN}{{1,3}})日"
)
DATE_RE = re.compile(rf"{_SINGLE}(?:{_END})?")
"""A date or date range anywhere in a string."""
DATE_ONLY_RE = re.compile(rf"^{_SINGLE}(?:{_END})?$")
"""A line that is nothing but a date (closing dates, speech dates, 002's 2020年2月10日--13日)."""


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    return int(text) if text.isdigit() else cn_digits_to_int(text)


def _iso(year: int | None, month: int | None, day: int | None) -> str | None:
    if month is None or day is None:
        return None
    if year is not None:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return f"--{month:02d}-{day:02d}"


def _valid(month: int | None, day: int | None) -> bool:
    return month is not None and day is not None and 1 <= month <= 12 and 1 <= day <= 31


def date_from_match(match: re.Match[str], *, text: str | None = None) -> Date | None:
    """Build a :class:`Date` from a :data:`DATE_RE` match, or None if it is no calendar date.

    Args:
        match: A match of :data:`DATE_RE` (or of a pattern using the same group names).
        text: The original-script text to keep; defaults to the matched string.
    """
    year = _year(match.group("year"))
    month = cn_to_int(match.group("month"))
    day = cn_to_int(match.group("day"))
    if not _valid(month, day):
        return None
    end: Date | None = None
    groups = match.groupdict()
    if groups.get("eday"):
        eyear = _year(groups.get("eyear")) or year
        emonth = cn_to_int(groups["emonth"]) if groups.get("emonth") else month
        eday = cn_to_int(groups["eday"])
        if _valid(emonth, eday):
            end_text = match.string[match.end("day") + 1 : match.end()]
            end = Date(
                text=end_text.lstrip("-—－~～至到"),
                year=eyear,
                month=emonth,
                day=eday,
                iso=_iso(eyear, emonth, eday),
            )
    return Date(
        text=text if text is not None else match.group(0),
        year=year,
        month=month,
        day=day,
        iso=_iso(year, month, day),
        end=end,
    )


def parse_date(text: str, *, shadow: str | None = None) -> Date | None:
    """Parse *text* when it is exactly one date or range, else return None.

    Args:
        text: The date as printed (kept as the result's ``text``).
        shadow: Simplified shadow of *text* to match on (same length); defaults to *text*.
    """
    match = DATE_ONLY_RE.match(shadow if shadow is not None else text)
    return date_from_match(match, text=text) if match else None


def find_date(text: str, *, shadow: str | None = None) -> Date | None:
    """Return the first date found anywhere in *text*, or None."""
    match = DATE_RE.search(shadow if shadow is not None else text)
    if not match:
        return None
    return date_from_match(match, text=text[match.start() : match.end()])
