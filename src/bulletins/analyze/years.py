"""Give dates printed without a year (9月6日) the year given by the caller or read in the document."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TypeVar, cast

import attrs

from .._attrs_util import fields_of as _fields_of
from ..model import Date

_T = TypeVar("_T")


def iter_dates(value: object) -> Iterator[Date]:
    """Yield every :class:`Date` inside a model object, depth first."""
    if isinstance(value, Date):
        yield value
        if value.end is not None:
            yield value.end
    elif isinstance(value, tuple):
        for item in value:
            yield from iter_dates(item)
    elif attrs.has(type(value)):
        for attribute in _fields_of(value):
            yield from iter_dates(getattr(value, attribute.name))


def document_year(value: object) -> int | None:
    """Return the year printed most often in the dates of *value*, or None if none is printed."""
    years = Counter(d.year for d in iter_dates(value) if d.year is not None and not d.year_inferred)
    return years.most_common(1)[0][0] if years else None


def fill_years(value: _T, year: int) -> _T:
    """Return *value* with every year-less date given *year*, flagged ``year_inferred``."""
    return cast("_T", _fill(value, year))


def _fill(value: object, year: int) -> object:
    if isinstance(value, Date):
        end = cast("Date | None", _fill(value.end, year) if value.end is not None else None)
        if value.year is not None or value.month is None or value.day is None:
            return attrs.evolve(value, end=end) if end is not value.end else value
        return attrs.evolve(
            value,
            year=year,
            iso=f"{year:04d}-{value.month:02d}-{value.day:02d}",
            year_inferred=True,
            end=end,
        )
    if isinstance(value, tuple):
        return tuple(_fill(item, year) for item in value)
    if attrs.has(type(value)):
        changes = {}
        for attribute in _fields_of(value):
            old = getattr(value, attribute.name)
            if isinstance(old, str | int | float | bool) or old is None:
                continue
            new = _fill(old, year)
            if new is not old:
                changes[attribute.name] = new
        return attrs.evolve(value, **changes) if changes else value  # type: ignore[misc]
    return value
