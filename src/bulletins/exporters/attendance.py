"""The attendance table: one row per person per attendee group, in rank order (CSV, or dicts).

Political scientists ask "who attended which meeting, in what order, with what title"; this is
that table, built in. :func:`attendance` gives the same rows as dicts for notebooks
(``pandas.DataFrame(bulletins.attendance(docs))``).
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, ClassVar

from .._files import temp_beside
from ..analyze.events import Reference, context, event_date, event_for, reference, verb_position
from ..errors import ExportError
from ..model import AttendeeGroup, Bulletin, Date, Document, Where, iter_blocks
from ..script import shadow

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
    # Issue 17: the event and its date. Added after the columns of the first table, never renaming
    # one, so that scripts that read the table by position or by name keep working.
    "event",
    "event_date",
    "date_source",
    "year_source",
    "lines",
    # Issue 15: the date the bulletin carries as its own (Bulletin.date) and where it was read.
    "document_date",
    "document_date_source",
)
"""Column names, in order (the CSV header and the keys of every row dict)."""

Row = dict[str, str | int | None]
"""One row: the keys are :data:`COLUMNS`; ``group``, ``position`` and ``line`` are ints."""

# Verbs that say the same thing about a person at an event: a deck's 出席 and the body's 参加.
_VERB_CLASS = {
    "出席": "attend", "参加": "attend", "參加": "attend", "与会": "attend", "與會": "attend", "列席": "attend",
    "主持": "chair", "陪同": "accompany", "参观": "visit", "參觀": "visit",
}  # fmt: skip


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
        return _headline_line(bulletin, where.start)
    kind, _, number = where.block.partition("/")
    if kind != "body" or not number.isdigit():
        return None
    for k, block in enumerate(iter_blocks(bulletin.body)):
        if k == int(number):
            return block.lines[0]
    return None


def _block_index(group: AttendeeGroup) -> int | None:
    if group.where is None:
        return None
    kind, _, number = group.where.block.partition("/")
    return int(number) if kind == "body" and number.isdigit() else None


def _bulletin_rows(bulletin: Bulletin, common: Row, ref: Reference) -> list[Row]:
    """The rows of one bulletin: a row per person per event, deck and body mentions merged."""
    found: list[tuple[Row, bool, str]] = []  # (row, from a headline deck, name in Simplified)
    first = bulletin.body[0].text if bulletin.body else ""
    for number, group in enumerate(bulletin.attendees, 1):
        line = group_line(bulletin, group)
        deck = group.where is not None and group.where.block == "headline"
        index = _block_index(group)
        where = context(bulletin, index, group.where.start if group.where is not None and index is not None else 0)
        verb_at = None if deck else verb_position(group.text, group.verb, group.names)
        verb_end = verb_at + len(group.verb) if verb_at is not None else None
        event = event_for(group.text, verb_end, where, first)
        when = event_date(group.text, verb_at, where, bulletin, ref, event)
        deck_lines = [(_deck_text(bulletin, deck), _headline_line(bulletin, deck.start)) for deck in group.decks]
        for position, name in enumerate(group.names, 1):
            role = group.roles[position - 1] if position <= len(group.roles) else group.role
            row = common | {
                "verb": group.verb,
                "group": number,
                "position": position,
                "name": name,
                "role": role,
                "line": line,
                "event": event or None,
                "event_date": when.iso,
                "date_source": when.source,
                "year_source": when.year_source,
                "lines": str(line) if line is not None else None,
            }
            for text, deck_line in deck_lines:
                if name in text:  # a headline deck names this person too (AttendeeGroup.decks)
                    _add_line(row, deck_line)
            found.append((row, deck, shadow(name)))
    return _merged(found)


def _deck_text(bulletin: Bulletin, where: Where) -> str:
    """The text of a headline span (offsets in the headline lines joined with newlines)."""
    if bulletin.headline is None:
        return ""
    return "\n".join(bulletin.headline.lines)[where.start : where.end]


def _headline_line(bulletin: Bulletin, start: int) -> int | None:
    """The source line of a headline offset."""
    headline = bulletin.headline
    if headline is None or not headline.line_numbers:
        return None
    index = "\n".join(headline.lines)[:start].count("\n")
    return headline.line_numbers[min(index, len(headline.line_numbers) - 1)]


def _add_line(row: Row, line: object) -> None:
    if not isinstance(line, int):
        return
    lines = {int(x) for x in str(row["lines"] or "").split(";") if x}
    row["lines"] = ";".join(str(x) for x in sorted(lines | {line}))


def _merged(found: list[tuple[Row, bool, str]]) -> list[Row]:
    """One row per person per event, group and position renumbered over the rows kept.

    Repeated body mentions of the same event (same verb class and date), and a headline deck's
    mention of someone the body names (same verb class first, else any verb), become one row whose
    ``lines`` lists every line.
    """
    kept: list[tuple[Row, bool, str]] = []
    by_event: dict[tuple[str, str, str], Row] = {}
    body_rows = [(row, name) for row, deck, name in found if not deck]
    for row, deck, name in found:
        verb_class = _VERB_CLASS.get(str(row["verb"]), str(row["verb"]))
        if deck:
            same = [r for r, n in body_rows if n == name and _VERB_CLASS.get(str(r["verb"])) == verb_class]
            other = [r for r, n in body_rows if n == name]
            target = (same or other)[0] if same or other else None
            if target is not None:
                _add_line(target, row["line"])
                continue
            key = (name, verb_class, "\x00deck")
        else:
            key = (name, verb_class, shadow(str(row["event"] or "")) + "\x00" + str(row["event_date"]))
        if key in by_event:
            _add_line(by_event[key], row["line"])
            continue
        by_event[key] = row
        kept.append((row, deck, name))
    groups = {number: k for k, number in enumerate(sorted({int(str(r["group"])) for r, _, _ in kept}), 1)}
    positions: dict[int, int] = {}
    out = []
    for row, _, _ in sorted(kept, key=lambda item: (int(str(item[0]["group"])), int(str(item[0]["position"])))):
        group = groups[int(str(row["group"]))]
        positions[group] = positions.get(group, 0) + 1
        out.append(row | {"group": group, "position": positions[group]})
    return out


def rows(document: Document, *, year: int | None = None) -> list[Row]:
    """Return the attendance rows of one document, bulletins and groups in source order.

    *year* completes dates printed without one when the document, its metadata and its file name
    give none (as the parse's ``year=``).
    """
    out: list[Row] = []
    ref = reference(document, year)
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
            "document_date": bulletin.date.iso if bulletin.date is not None else None,
            "document_date_source": bulletin.date.source if bulletin.date is not None else None,
        }
        out.extend({column: row[column] for column in COLUMNS} for row in _bulletin_rows(bulletin, common, ref))
    return out


def attendance(documents: Document | Iterable[Document], *, year: int | None = None) -> list[Row]:
    """Return one row per person per attended event, for notebooks and data frames.

    Args:
        documents: A parsed document, or several (rows follow their order).
        year: The year for dates printed without one when a document, its metadata and its file
            name give none (give the parse's ``year=`` here too; see docs/attendance.md).

    Returns:
        Dicts keyed by :data:`COLUMNS`: source, bulletin id, headline title, date (ISO:
        ``YYYY-MM-DD`` or ``--MM-DD``, the bulletin's own: from the dateline or else the
        closing) and its precision (``day``, ``day-year-inferred``, ``month-day``), place,
        genre, verb, group number and position in the group (both from 1, rank order, counted
        over the rows kept), name, role, the source line of the sentence; then the event the
        person attended, its date (``YYYY-MM-DD``; ``YYYY-MM`` or ``YYYY`` when the text dates
        it no closer; ``--MM-DD`` when no year is known), where that date was read
        (``date_source``) and its year (``year_source``), and every line naming the person at
        that event (``lines``, ``"3;9"``). A person named in a headline deck and in the body,
        or twice in the body for one event, is one row. Missing values are None.

    Example:
        >>> import pandas, bulletins                                   # doctest: +SKIP
        >>> pandas.DataFrame(bulletins.attendance(bulletins.parse_file(p) for p in paths))
    """
    if isinstance(documents, Document):
        return rows(documents, year=year)
    return [row for document in documents for row in rows(document, year=year)]


class AttendanceExporter:
    """Attendance table: one CSV row per person per group, in rank order (one table for a batch with -o FILE.csv)."""

    name: ClassVar[str] = "attendance"
    suffix: ClassVar[str] = ".attendance.csv"
    collection_suffixes: ClassVar[tuple[str, ...]] = (".csv", ".parquet")

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

    def open_collection(self, target: Path, *, year: int | None = None) -> AttendanceTable:
        """Start one table for a whole batch: CSV, or Parquet when *target* ends in ``.parquet``.

        *year* completes dates printed without one when a document, its metadata and its file name
        give none (the batch's ``--year``; see :func:`attendance`).

        Raises:
            ExportError: Parquet was asked for and pyarrow is not installed.
        """
        return AttendanceTable(target, delimiter=self.delimiter, header=self.header, year=year)


class AttendanceTable:
    """The attendance rows of a whole batch, written to a temporary file and renamed into place on commit."""

    def __init__(self, target: Path, *, delimiter: str = ",", header: bool = True, year: int | None = None) -> None:
        """Open the table (see :meth:`AttendanceExporter.open_collection`)."""
        self.target = target
        self.year = year
        self.parquet = target.suffix.lower() == ".parquet"
        self._rows: list[Row] = []
        self._handle: IO[str] | None = None
        if self.parquet:
            try:
                import pyarrow  # noqa: F401
            except ImportError as exc:
                raise ExportError(f"{target}: writing Parquet needs pyarrow (pip install pyarrow)") from exc
            return
        fd, self._tmp = temp_beside(target)
        self._handle = os.fdopen(fd, "w", encoding="utf-8", newline="")
        self._writer = csv.writer(self._handle, delimiter=delimiter, lineterminator="\n")
        if header:
            self._writer.writerow(COLUMNS)

    def held(self, source: str) -> str | None:
        """Return None: a table is written whole on every run."""
        return None

    def add(self, source: str, sha256: str, documents: Sequence[Document]) -> None:
        """Append the rows of *documents*."""
        found = attendance(documents, year=self.year)
        if self._handle is None:
            self._rows.extend(found)
            return
        for row in found:
            self._writer.writerow("" if row[column] is None else row[column] for column in COLUMNS)

    def commit(self) -> None:
        """Put the table in place (atomically: the previous file stays whole until then)."""
        if self._handle is None:
            import pyarrow
            import pyarrow.parquet

            columns = {column: [row[column] for row in self._rows] for column in COLUMNS}
            fd, tmp = temp_beside(self.target)
            os.close(fd)
            try:
                pyarrow.parquet.write_table(pyarrow.table(columns), tmp)
                os.replace(tmp, self.target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
            return
        self._handle.close()
        os.replace(self._tmp, self.target)

    def abort(self) -> None:
        """Remove the temporary file; the previous table, if any, stays."""
        if self._handle is not None:
            self._handle.close()
            Path(self._tmp).unlink(missing_ok=True)
