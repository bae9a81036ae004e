"""Give dates printed without a year (9月6日) the year given by the caller or read in the document.

Dates live in three places of a bulletin: the dateline, the speech front matter and the closing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

import attrs

from ..model import Bulletin, Date


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


def _fill_date(date: Date, year: int) -> Date:
    end = _fill_date(date.end, year) if date.end is not None else None
    if date.year is not None or date.month is None or date.day is None:
        return date if end is date.end else attrs.evolve(date, end=end)
    return attrs.evolve(date, year=year, iso=f"{year:04d}-{date.month:02d}-{date.day:02d}", year_inferred=True, end=end)


def fill_years(bulletins: Sequence[Bulletin], year: int) -> tuple[Bulletin, ...]:
    """Return *bulletins* with every year-less date given *year*, flagged ``year_inferred``."""
    out = []
    for bulletin in bulletins:
        changes = {}
        for name in ("dateline", "speech", "closing"):
            holder = getattr(bulletin, name)
            date = getattr(holder, "date", None)
            if date is not None:
                filled = _fill_date(date, year)
                if filled is not date:
                    changes[name] = attrs.evolve(holder, date=filled)
        out.append(attrs.evolve(bulletin, **changes) if changes else bulletin)
    return tuple(out)
