"""A third-party bulletins reader: web pages saved as one MHT / MHTML file ("网页，单个文件").

Internet Explorer, Word ("Single File Web Page") and Chrome ("Save as MHTML") save a page with its
images as one MIME message: a ``multipart/related`` envelope whose first ``text/html`` part is the
page. This reader undoes the envelope (quoted-printable or base64, the part's charset) and hands
the page to bulletins' own ``html`` reader, so the lines, hints and diagnostics are the HTML
reader's; the page's address (``Content-Location``) and the envelope's ``Subject`` go into the
document's metadata.
"""

from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Iterator
from email.message import Message
from typing import ClassVar

import attrs

from bulletins.decode import Errors
from bulletins.errors import ReadError
from bulletins.model import MetaField
from bulletins.readers import Reading, get_reader

__all__ = ["MhtReader"]

_SNIFF = re.compile(rb"^(?:[\x21-\x7e]+:[^\n]*\r?\n|[ \t][^\n]*\r?\n)*?Content-Type:\s*multipart/related", re.I)


def _page(message: Message) -> Message | None:
    """The first ``text/html`` part: the page itself (the others are its images and styles)."""
    for part in message.walk():
        if part.get_content_type() == "text/html":
            return part
    return None


class MhtReader:
    """MHT / MHTML web archives: the saved page read by the ``html`` reader."""

    name: ClassVar[str] = "mht"
    suffixes: ClassVar[tuple[str, ...]] = (".mht", ".mhtml")

    def sniff(self, data: bytes) -> bool:
        """Claim a MIME message whose header block declares ``multipart/related``."""
        return _SNIFF.match(data[:4096]) is not None

    def read(self, data: bytes, *, source: str | None = None, errors: Errors = "strict") -> Iterator[Reading]:
        """Yield the saved page as one document.

        Raises:
            ReadError: The message holds no HTML page.
            DecodeError: The page cannot be decoded.
        """
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        page = _page(message)
        payload = page.get_payload(decode=True) if page is not None else None
        if page is None or not isinstance(payload, bytes):
            raise ReadError("an MHT file without a text/html part: no page to read", source=source)
        charset = page.get_content_charset()
        if charset and b"charset" not in payload[:2048].lower():
            # The MIME header is the only place the page's charset is stated: say it in the page too.
            payload = f'<meta charset="{charset}">'.encode("ascii") + payload
        metadata = [
            MetaField(name=name, value=str(value).strip())
            for name, value in (("url", page.get("Content-Location")), ("subject", message.get("Subject")))
            if value and str(value).strip()
        ]
        for reading in get_reader("html").read(payload, source=source, errors=errors):
            yield attrs.evolve(reading, format=self.name, metadata=(*metadata, *reading.metadata))
