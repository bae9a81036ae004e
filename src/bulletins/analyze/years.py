"""Give dates printed without a year (9月6日) the year given by the caller or read in the document.

Dates live in three places of a bulletin: the dateline, the speech front matter and the closing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date as _date

import attrs

from ..model import Bulletin, Date
from .dates import find_date


def iter_dates(bulletins: Sequence[Bulletin]) -> Iterator[Date]:
    """Yield every :class:`Date` of *bulletins* (range ends included)."""
    for bulletin in bulletins:
        for holder in (bulletin.dateline, bulletin.speech, bulletin.closing):
            date = getattr(holder, "date", None)
            if date is not None:
                yield date
                if date.end is not None:
                    yield date.end


def document_year(bulletins: Sequence[Bulletin]) -> int | None:
    """Return the year printed most often in the dates of *bulletins*, or None if none is printed."""
    years = Counter(d.year for d in iter_dates(bulletins) if d.year is not None and not d.year_inferred)
    return years.most_common(1)[0][0] if years else None


def publication_date(bulletins: Sequence[Bulletin]) -> _date | None:
    """The date of the page a reprint cites as its source (a credit ``出处`` with a full date), or None.

    A dataset cell copied from People's Daily ends with its page reference: ``…（新华社北京9月11日电）《 人民
    日报 》（ 2020年09月12日 02 版）`` (web/xispeech/all_data_row18.txt; row3, row10, row54 the same). The
    dateline prints no year; the page does: the readers of both spent draws date 9月11日 as 2020-09-11.
    """
    for bulletin in bulletins:
        for credit in bulletin.credits:
            # the credit rule took the line only in that shape (lexing/rules/credits.py, 出处)
            found = find_date(credit.text) if credit.role == "出处" else None
            if found is not None and found.year is not None and found.month is not None and found.day is not None:
                try:
                    return _date(found.year, found.month, found.day)
                except ValueError:
                    continue
    return None


def _fill_date(date: Date, year: int, before: _date | None = None) -> Date:
    end = _fill_date(date.end, year, before) if date.end is not None else None
    if date.year is not None or date.month is None or date.day is None:
        return date if end is date.end else attrs.evolve(date, end=end)
    if before is not None and (date.month, date.day) > (before.month, before.day):
        year -= 1  # 12月31日 in a text printed on 2021年01月02日 is 2020's: nothing is dated after its printing
    return attrs.evolve(date, year=year, iso=f"{year:04d}-{date.month:02d}-{date.day:02d}", year_inferred=True, end=end)


def fill_years(bulletins: Sequence[Bulletin], year: int, *, before: _date | None = None) -> tuple[Bulletin, ...]:
    """Return *bulletins* with every year-less date given *year*, flagged ``year_inferred``.

    *before*: a date nothing in the text is later than (its :func:`publication_date`): a month and
    day after it in *year* belong to the year before.
    """
    out = []
    for bulletin in bulletins:
        changes = {}
        for name in ("dateline", "speech", "closing"):
            holder = getattr(bulletin, name)
            date = getattr(holder, "date", None)
            if date is not None:
                filled = _fill_date(date, year, before)
                if filled is not date:
                    changes[name] = attrs.evolve(holder, date=filled)
        out.append(attrs.evolve(bulletin, **changes) if changes else bulletin)
    return tuple(out)
