"""A third-party bulletins exporter: one CSV row per attendee, in source (rank) order."""

from __future__ import annotations

import csv
import io
from typing import ClassVar

from bulletins.model import Document

__all__ = ["CsvExporter"]

COLUMNS = ("source", "bulletin", "headline", "verb", "group", "order", "name", "role")


class CsvExporter:
    """One CSV row per attendee: bulletin, verb, group, order in the group, name and role."""

    name: ClassVar[str] = "csv"
    suffix: ClassVar[str] = ".csv"

    def __init__(self, *, delimiter: str = ",", header: bool = True) -> None:
        """Configure the output.

        Args:
            delimiter: Field separator.
            header: Write a header row first.
        """
        self.delimiter = delimiter
        self.header = header

    def export(self, document: Document) -> str:
        """Return the attendees of *document* as CSV text."""
        out = io.StringIO()
        writer = csv.writer(out, delimiter=self.delimiter, lineterminator="\n")
        if self.header:
            writer.writerow(COLUMNS)
        for bulletin in document.bulletins:
            title = bulletin.headline.title if bulletin.headline else ""
            for number, group in enumerate(bulletin.attendees, 1):
                for order, name in enumerate(group.names, 1):
                    role = group.roles[order - 1] if order - 1 < len(group.roles) else group.role
                    writer.writerow(
                        (document.source.name or "", bulletin.id, title, group.verb, number, order, name, role or "")
                    )
        return out.getvalue()
