"""The attendance table: one row per person per attendee group, in rank order (CSV, or dicts).

Political scientists ask "who attended which meeting, in what order, with what title"; this is
that table, built in. :func:`attendance` gives the same rows as dicts for notebooks
(``pandas.DataFrame(bulletins.attendance(docs))``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import ClassVar

from ..model import AttendeeGroup, Bulletin, Date, Document, iter_blocks

COLUMNS: tuple[str, ...] = (
    "source",
    "bulletin",
    "title",
    "date",
    "date_precision",
    "place",
    "genre",
    "verb",
    "group",
    "position",
    "name",
    "role",
    "line",
)
"""Column names, in order (the CSV header and the keys of every row dict)."""

Row = dict[str, str | int | None]
"""One row: the keys are :data:`COLUMNS`; ``group``, ``position`` and ``line`` are ints."""


def _precision(date: Date) -> str:
    """How much of *date* is known: ``day``, ``day-year-inferred``, ``month-day`` or ``month``."""
    if date.iso is None:
        return "month" if date.month is not None else ""
    if date.iso.startswith("--"):
        return "month-day"
    return "day-year-inferred" if date.year_inferred else "day"


def _date(bulletin: Bulletin) -> Date | None:
    """The bulletin's date: the dateline's, else the closing's (落款) — DESIGN §3."""
    if bulletin.dateline is not None and bulletin.dateline.date is not None:
        return bulletin.dateline.date
    if bulletin.closing is not None:
        return bulletin.closing.date
    return None


def group_line(bulletin: Bulletin, group: AttendeeGroup) -> int | None:
    """Return the source line where *group*'s sentence starts, or None when unknown.

    A headline sentence's offset counts in the headline lines joined with newlines, so its line
    is exact; a body sentence is given the first line of its block, because re-joined fragments
    of a wrapped paragraph carry no break positions.
    """
    where = group.where
    if where is None:
        return None
    if where.block == "headline":
        headline = bulletin.headline
        if headline is None or not headline.line_numbers:
            return None
        index = "\n".join(headline.lines)[: where.start].count("\n")
        return headline.line_numbers[min(index, len(headline.line_numbers) - 1)]
    kind, _, number = where.block.partition("/")
    if kind != "body" or not number.isdigit():
        return None
    for k, block in enumerate(iter_blocks(bulletin.body)):
        if k == int(number):
            return block.lines[0]
    return None


def rows(document: Document) -> list[Row]:
    """Return the attendance rows of one document, bulletins and groups in source order."""
    out: list[Row] = []
    for bulletin in document.bulletins:
        date = _date(bulletin)
        common: Row = {
            "source": document.source.name,
            "bulletin": bulletin.id,
            "title": bulletin.headline.title if bulletin.headline is not None else None,
            "date": date.iso if date is not None else None,
            "date_precision": _precision(date) if date is not None else None,
            "place": bulletin.dateline.place if bulletin.dateline is not None else None,
            "genre": bulletin.genre,
        }
        for number, group in enumerate(bulletin.attendees, 1):
            line = group_line(bulletin, group)
            for position, name in enumerate(group.names, 1):
                role = group.roles[position - 1] if position <= len(group.roles) else group.role
                out.append(
                    common
                    | {
                        "verb": group.verb,
                        "group": number,
                        "position": position,
                        "name": name,
                        "role": role,
                        "line": line,
                    }
                )
    return out


def attendance(documents: Document | Iterable[Document]) -> list[Row]:
    """Return one row per person per attendee group, for notebooks and data frames.

    Args:
        documents: A parsed document, or several (rows follow their order).

    Returns:
        Dicts keyed by :data:`COLUMNS`: source, bulletin id, headline title, date (ISO:
        ``YYYY-MM-DD`` or ``--MM-DD``, from the dateline or else the closing) and its
        precision (``day``, ``day-year-inferred``, ``month-day``), place, genre, verb, group
        number and position in the group (both from 1, rank order), name, role and the
        source line of the sentence. Missing values are None.

    Example:
        >>> import pandas, bulletins                                   # doctest: +SKIP
        >>> pandas.DataFrame(bulletins.attendance(bulletins.parse_file(p) for p in paths))
    """
    if isinstance(documents, Document):
        return rows(documents)
    return [row for document in documents for row in rows(document)]


class AttendanceExporter:
    """Attendance table: one CSV row per person per group, in rank order."""

    name: ClassVar[str] = "attendance"
    suffix: ClassVar[str] = ".attendance.csv"

    def __init__(self, *, delimiter: str = ",", header: bool = True) -> None:
        """Configure the CSV dialect.

        Args:
            delimiter: Field separator (one character).
            header: Write the header row first.
        """
        if len(delimiter) != 1:
            raise TypeError(f"delimiter must be one character, not {delimiter!r}")
        self.delimiter = delimiter
        self.header = header

    def export(self, document: Document) -> str:
        """Return the attendance rows of *document* as CSV text (RFC 4180 quoting, one line per row)."""
        out = io.StringIO()
        writer = csv.writer(out, delimiter=self.delimiter, lineterminator="\n")
        if self.header:
            writer.writerow(COLUMNS)
        for row in rows(document):
            writer.writerow("" if row[column] is None else row[column] for column in COLUMNS)
        return out.getvalue()
