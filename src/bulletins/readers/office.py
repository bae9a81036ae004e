"""The ``office`` reader: Word 97–2003 .doc, Kingsoft .wps, .rtf and OpenDocument .odt, via LibreOffice.

Each file is converted to .docx by LibreOffice (:mod:`bulletins.readers._soffice`: a time
limit, a throwaway profile, macros off) and the .docx is read by the ``docx`` reader, so these
files get the same lines, styles, alignment, numbering and diagnostics. Without ``soffice`` on
PATH the reader gives one error line naming the Debian package to install.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath
from typing import ClassVar

import attrs

from ..decode import Errors
from ..model import Diagnostic
from . import Reading
from ._soffice import DEFAULT_TIMEOUT, to_docx
from ._zip import ZipLimits, zip_names

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The OLE2 compound-file signature that opens .doc, .wps (and .xls, encrypted .docx …)."""
ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
"""The stream name an encrypted .docx holds inside its OLE2 wrapper (the docx reader explains it)."""
_ODT = b"application/vnd.oasis.opendocument.text"


def kind_of(data: bytes) -> str | None:
    """Return the suffix of the format *data* holds (``.doc``, ``.rtf``, ``.odt``), or None."""
    if data.startswith(OLE):
        return None if ENCRYPTED in data else ".doc"
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:5] == b"{\\rtf":
        return ".rtf"
    # An .odt stores its media type uncompressed as the first member, "mimetype" (ODF 1.2 §3.3).
    if data.startswith(b"PK") and _ODT in data[:200]:
        names = zip_names(data)
        if names is not None and "content.xml" in names:
            return ".odt"
    return None


class OfficeReader:
    """.doc, .wps, .rtf and .odt files, converted to .docx with LibreOffice and read as .docx."""

    name: ClassVar[str] = "office"
    suffixes: ClassVar[tuple[str, ...]] = (".doc", ".dot", ".wps", ".wpt", ".rtf", ".odt", ".ott")

    def __init__(
        self, *, timeout: object = DEFAULT_TIMEOUT, max_unzipped: object = None, max_ratio: object = None
    ) -> None:
        """Configure the conversion.

        Args:
            timeout: Seconds a LibreOffice conversion may take before it is killed (default 120).
            max_unzipped: Zip limit for the converted .docx (see the ``docx`` reader).
            max_ratio: Compression-ratio limit for the converted .docx.

        Raises:
            ValueError: An option is not a positive number or size.
        """
        seconds = float(str(timeout))
        if seconds <= 0:
            raise ValueError(f"timeout must be a positive number of seconds, not {timeout!r}")
        self.timeout = seconds
        self.limits = ZipLimits.from_options(max_unzipped, max_ratio)

    def sniff(self, data: bytes) -> bool:
        """Claim OLE2 files (not encrypted .docx), RTF text and OpenDocument text zips."""
        return kind_of(data) is not None

    def read(self, data: bytes, *, source: str | None = None, errors: Errors = "strict") -> Iterator[Reading]:
        """Convert the file with LibreOffice and yield what the ``docx`` reader reads in the result.

        Raises:
            ReadError: LibreOffice is missing, timed out or failed, or the result is unreadable.
        """
        from .docx import DocxReader

        suffix = PurePath(source).suffix.lower() if source else ""
        if suffix not in self.suffixes:
            suffix = kind_of(data) or ".doc"
        converted = to_docx(data, suffix, source=source, timeout=self.timeout)
        note = Diagnostic(
            level="info", code="converted", message=f"converted from {suffix} to .docx by LibreOffice before reading"
        )
        for reading in DocxReader(limits=self.limits).read(converted, source=source, errors=errors):
            yield attrs.evolve(reading, format=self.name, diagnostics=(note, *reading.diagnostics))
