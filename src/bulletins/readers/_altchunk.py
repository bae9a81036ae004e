"""Word's ``w:altChunk``: a .docx part holding HTML, MHT, RTF or plain text, read in place.

Some law sites publish .docx files whose body is a single ``<w:altChunk r:id="…"/>`` pointing at
``word/afchunk.mht`` (Word imports the HTML when the file is opened). python-docx sees no
paragraphs, so such a file once parsed to an empty document (issue 18). Here the part is read by
the HTML reader (HTML; MHT after its MIME wrapping is undone), by the ``office`` converter (RTF,
when LibreOffice is installed) or as text; its lines take the place of the ``altChunk`` element,
their origin prefixed with ``altChunk N``. A part that cannot be read is named in a diagnostic.
"""

from __future__ import annotations

import email
import email.policy
from typing import Any

from ..decode import decode
from ..errors import BulletinsError
from ..model import Diagnostic
from . import Line

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_HTML = {"text/html", "application/xhtml+xml"}
_MHT = {"message/rfc822", "multipart/related", "application/x-mimearchive"}
_RTF = {"application/rtf", "text/rtf"}
_WIDEN = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs"}


def _html(blob: bytes) -> tuple[list[Line], list[Diagnostic]]:
    from .html import HtmlReader

    reading = next(HtmlReader().read(blob, errors="replace"))
    return list(reading.lines), [d for d in reading.diagnostics if d.code != "no-text"]


def _mht(blob: bytes) -> tuple[list[Line], list[Diagnostic]]:
    from .html import html_lines

    message = email.message_from_bytes(blob, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        charset = (part.get_content_charset() or "").lower()
        try:
            text = payload.decode(_WIDEN.get(charset, charset)) if charset else None
        except (LookupError, UnicodeDecodeError):
            text = None
        if text is None:
            return _html(payload)
        lines, found = html_lines(text)
        return lines, found
    return [], [Diagnostic(level="warning", code="altchunk-unread", message="an MHT altChunk part holds no HTML")]


def _rtf(blob: bytes) -> tuple[list[Line], list[Diagnostic]]:
    from ._soffice import soffice, to_docx
    from .docx import DocxReader

    if soffice() is None:
        return [], [
            Diagnostic(
                level="error",
                code="altchunk-unread",
                message=f"an RTF altChunk part ({len(blob)} bytes) not read: it needs LibreOffice (soffice)",
            )
        ]
    reading = next(DocxReader().read(to_docx(blob, ".rtf", source=None)))
    return list(reading.lines), [d for d in reading.diagnostics if d.code != "no-text"]


def _text(blob: bytes) -> tuple[list[Line], list[Diagnostic]]:
    decoded = decode(blob, errors="replace")
    lines = [Line(text=t, origin=f"line {k}") for k, t in enumerate(decoded.text.splitlines(), 1) if t.strip()]
    return lines, list(decoded.diagnostics)


class AltChunks:
    """Reads the altChunk parts a document's body points at, counting them for provenance."""

    def __init__(self, part: Any) -> None:
        """Read parts related to *part* (python-docx's document part)."""
        self.part = part
        self.count = 0
        self.diagnostics: list[Diagnostic] = []

    def lines(self, element: Any) -> list[Line]:
        """Return the lines of the part an ``altChunk`` *element* names (empty, with a diagnostic, if unread)."""
        self.count += 1
        label = f"altChunk {self.count}"
        rid = element.get(R + "id", "")
        target = self.part.related_parts.get(rid)
        if target is None:
            self.diagnostics.append(
                Diagnostic(
                    level="warning", code="altchunk-unread", message=f"{label}: no part for relationship {rid!r}"
                )
            )
            return []
        kind = target.content_type.split(";")[0].strip().lower()
        name = str(target.partname)
        reader = _HTML_READERS.get(kind)
        if reader is None and name.lower().endswith((".mht", ".mhtml")):
            reader = _mht
        if reader is None:
            self.diagnostics.append(
                Diagnostic(
                    level="error",
                    code="altchunk-unread",
                    message=f"{label} ({name}, {kind}): a part of this type is not read; its text is missing",
                )
            )
            return []
        try:
            lines, found = reader(bytes(target.blob))
        except BulletinsError as exc:
            lines, found = [], [Diagnostic(level="error", code="altchunk-unread", message=f"{label} ({name}): {exc}")]
        self.diagnostics.extend(found)
        self.diagnostics.append(
            Diagnostic(level="info", code="altchunk", message=f"{label}: {len(lines)} lines read from {name} ({kind})")
        )
        return [Line(text=line.text, origin=f"{label} {line.origin}".strip(), hints=line.hints) for line in lines]


_HTML_READERS = {
    **dict.fromkeys(_HTML, _html),
    **dict.fromkeys(_MHT, _mht),
    **dict.fromkeys(_RTF, _rtf),
    "text/plain": _text,
}
