"""A third-party bulletins reader: one document per row of a CSV or JSON Lines dataset."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import ClassVar

from bulletins.decode import Errors, decode
from bulletins.errors import ReadError
from bulletins.model import MetaField
from bulletins.readers import Line, Reading

__all__ = ["RecordsReader"]


class RecordsReader:
    """Datasets (CSV, or JSON Lines with one object per line): each row's text is one document."""

    name: ClassVar[str] = "records"
    suffixes: ClassVar[tuple[str, ...]] = (".csv", ".jsonl", ".ndjson")

    def __init__(
        self,
        *,
        text_column: str = "text",
        title_column: str | None = None,
        date_column: str | None = None,
        format: str = "auto",
    ) -> None:
        """Configure the columns.

        Args:
            text_column: Column (CSV) or field (JSON Lines) holding the text.
            title_column: Column holding the title, put above the text as its first line.
            date_column: Column holding a date, recorded in the metadata.
            format: ``csv``, ``jsonl`` or ``auto`` (JSON Lines when the first character is ``{``).
        """
        if format not in {"auto", "csv", "jsonl"}:
            raise ValueError(f"format must be auto, csv or jsonl, not {format!r}")
        self.text_column = text_column
        self.title_column = title_column
        self.date_column = date_column
        self.format = format

    def sniff(self, data: bytes) -> bool:
        """Never claim input by content: a dataset is read only when asked for (``--from records``)."""
        return False

    def _rows(self, text: str, source: str | None) -> Iterator[tuple[int, dict[str, object]]]:
        kind = self.format
        if kind == "auto":
            kind = "jsonl" if text.lstrip().startswith("{") else "csv"
        if kind == "jsonl":
            for number, line in enumerate(text.splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except ValueError as exc:
                    raise ReadError(f"line {number}: not a JSON object ({exc})", source=source) from exc
                if not isinstance(row, dict):
                    raise ReadError(f"line {number}: expected a JSON object, got {type(row).__name__}", source=source)
                yield number, row
            return
        reader = csv.DictReader(io.StringIO(text, newline=""))
        try:
            for number, row in enumerate(reader, 1):
                yield number, dict(row)
        except csv.Error as exc:
            raise ReadError(f"row {reader.line_num}: bad CSV ({exc})", source=source) from exc

    def read(self, data: bytes, *, source: str | None = None, errors: Errors = "strict") -> Iterator[Reading]:
        """Yield one document per row.

        Raises:
            ReadError: A row lacks the text column, or the dataset is not CSV / JSON Lines.
        """
        decoded = decode(data, source=source, errors=errors)
        for number, row in self._rows(decoded.text, source):
            if self.text_column not in row:
                raise ReadError(
                    f"row {number}: no column {self.text_column!r} (columns: {', '.join(map(str, row))})",
                    source=source,
                )
            text = str(row[self.text_column] or "")
            lines = [Line(text=part, origin=f"row {number}") for part in text.replace("\r\n", "\n").split("\n")]
            metadata = [MetaField(name="row", value=str(number))]
            for role, column in (("title", self.title_column), ("date", self.date_column)):
                if column is None:
                    continue
                value = row.get(column)
                if value is None:
                    raise ReadError(f"row {number}: no column {column!r}", source=source)
                metadata.append(MetaField(name=role, value=str(value)))
                if role == "title" and str(value).strip():
                    lines.insert(0, Line(text=str(value).strip(), origin=f"row {number} {column}"))
            yield Reading(
                format=self.name,
                lines=tuple(lines),
                encoding=decoded.encoding,
                confidence=decoded.confidence,
                metadata=tuple(metadata),
                diagnostics=decoded.diagnostics,
                label=f"row{number}",
            )
