"""The ``text`` reader: plain text in any supported encoding (DESIGN §2's decode), no hints."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from ..decode import Errors, decode
from . import Reading


class TextReader:
    """Plain text: BOMs, strict UTF-8, then chardet (GB18030, Big5-HKSCS, UTF-16 …)."""

    name: ClassVar[str] = "text"
    suffixes: ClassVar[tuple[str, ...]] = (".txt", ".text")

    def sniff(self, data: bytes) -> bool:
        """Never claim input by content: text is what is left when no other reader claims it."""
        return False

    def read(self, data: bytes, *, source: str | None = None, errors: Errors = "strict") -> Iterator[Reading]:
        """Decode *data* as one document.

        Raises:
            DecodeError: The bytes are not text.
        """
        decoded = decode(data, source=source, errors=errors)
        yield Reading(
            format=self.name,
            text=decoded.text,
            encoding=decoded.encoding,
            confidence=decoded.confidence,
            diagnostics=tuple(decoded.diagnostics),
        )
