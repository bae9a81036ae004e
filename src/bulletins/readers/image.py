r"""The ``image`` reader: a scanned page (PNG, JPEG, TIFF) read by OCR (the ``ocr`` extra).

The bytes are recognised by their signature (PNG ``\x89PNG``, JPEG ``\xff\xd8\xff``, TIFF
``II*\0`` / ``MM\0*``), never by the file name alone: a ``.png`` that is not an image is one
:class:`~bulletins.errors.ReadError`. Each page (a TIFF may hold several) is recognised by
:func:`bulletins.ocr.recognize`; its rows become lines with the hints of
:func:`bulletins.ocr.page_lines` (font size from box height, centred / right-aligned against the
text block, table rows) and the provenance ``page N box x0,y0,x1,y1 conf C``. A line read with
low confidence is said in an ``ocr-low-confidence`` diagnostic.

Without the extra an image gives a document with no text and a ``no-text-layer`` warning saying
``install bulletins[ocr]`` — never an empty document that looks like success, never a traceback.
"""

from __future__ import annotations

import io
import itertools
import zlib
from collections.abc import Iterator
from typing import ClassVar

from .. import ocr
from ..decode import Errors
from ..errors import ReadError
from ..model import Diagnostic, MetaField, Page
from . import Line, Reading
from ._banner import mark_banner

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)
LOW_CONFIDENCE = 0.8
"""Rows whose least confident box is under this are counted in an ``ocr-low-confidence`` diagnostic."""
MAX_PAGES = 200
"""Pages of a multi-page TIFF read at most; the rest are left out with a diagnostic."""


def image_kind(data: bytes) -> str | None:
    """Return ``PNG``, ``JPEG`` or ``TIFF`` when *data* starts with that signature, else None."""
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            return kind
    return None


def damage(data: bytes, kind: str) -> str | None:
    """Say what is wrong with the header of an image of *kind*, or None when it looks whole.

    A cheap check that needs no imaging library, so that a damaged file is the same error with
    and without the ``ocr`` extra: PNG's first chunk is ``IHDR`` with its checksum; a JPEG's first marker is a
    segment marker; a TIFF's first directory lies inside the file.
    """
    if kind == "PNG":
        if data[12:16] != b"IHDR" or len(data) < 33:
            return "no IHDR header after the signature"
        if zlib.crc32(data[12:29]) != int.from_bytes(data[29:33], "big"):
            return "the IHDR header's checksum does not match"
    if kind == "JPEG" and (len(data) < 4 or data[3] < 0xC0 or data[3] == 0xFF):
        return "no segment marker after the start-of-image marker"
    if kind == "TIFF":
        little = data.startswith(b"II")
        offset = int.from_bytes(data[4:8], "little" if little else "big") if len(data) >= 8 else 0
        if not 8 <= offset < len(data):
            return "the first image directory lies outside the file"
    return None


class ImageReader:
    """Read a scanned page image by OCR; one document per file (a TIFF's pages are its pages)."""

    name: ClassVar[str] = "image"
    suffixes: ClassVar[tuple[str, ...]] = (".png", ".jpg", ".jpeg", ".tif", ".tiff")

    def sniff(self, data: bytes) -> bool:
        """Return True when *data* starts with a PNG, JPEG or TIFF signature."""
        return image_kind(data) is not None

    def read(self, data: bytes, *, source: str | None = None, errors: Errors = "strict") -> Iterator[Reading]:
        """Yield the one document of the image: its OCR lines, or a ``no-text-layer`` warning.

        Raises:
            ReadError: The bytes are not a PNG, JPEG or TIFF image, or its header is damaged (with
                the extra: the image cannot be decoded).
        """
        kind = image_kind(data)
        if kind is None:
            raise ReadError(
                "not an image: the bytes start with no PNG, JPEG or TIFF signature "
                f"(first bytes {data[:8]!r}); use --from to choose another reader",
                source=source,
            )
        problem = damage(data, kind)
        if problem is not None:
            raise ReadError(f"a damaged {kind} image: {problem}", source=source)
        metadata = (MetaField(name="image", value=kind),)
        if not ocr.available():
            message = f"the {kind} image has no text layer: {ocr.INSTALL_HINT}"
            warning = Diagnostic(level="warning", code="no-text-layer", message=message)
            yield Reading(format=self.name, metadata=metadata, diagnostics=(warning,))
            return
        yield self._recognized(data, kind, source, metadata)

    def _recognized(self, data: bytes, kind: str, source: str | None, metadata: tuple[MetaField, ...]) -> Reading:
        from PIL import Image, ImageSequence, UnidentifiedImageError

        try:
            image = Image.open(io.BytesIO(data))
            frames = [frame.copy() for frame in itertools.islice(ImageSequence.Iterator(image), MAX_PAGES + 1)]
        except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
            raise ReadError(
                f"a damaged {kind} image: it cannot be decoded ({type(exc).__name__})", source=source
            ) from exc
        diagnostics: list[Diagnostic] = []
        if len(frames) > MAX_PAGES:
            frames = frames[:MAX_PAGES]
            message = f"the image has more than {MAX_PAGES} pages: pages after {MAX_PAGES} were not read"
            diagnostics.append(Diagnostic(level="warning", code="pages-left-out", message=message))
        many = len(frames) > 1
        lines: list[Line] = []
        sizes: list[Page] = []
        low = 0
        for number, frame in enumerate(frames, 1):
            page = number if many else None
            try:
                found = ocr.recognize(frame, page=page)
            except ocr.OcrError as exc:
                raise ReadError(str(exc), source=source) from exc
            low += sum(1 for ln in ocr.rows(found) if min(x.confidence for x in ln) < LOW_CONFIDENCE)
            if not found:
                where = f"page {number}" if many else "the image"
                message = f"OCR found no text on {where}"
                diagnostics.append(Diagnostic(level="warning", code="no-text-found", message=message))
            lines.extend(ocr.page_lines(found, page=page, dpi=ocr.dpi_of(frame)))
            sizes.append(Page(number=number, width=float(frame.width), height=float(frame.height), unit="px"))
        if low:
            message = f"{low} line(s) read by OCR with confidence under {LOW_CONFIDENCE}: check them against the image"
            diagnostics.append(Diagnostic(level="info", code="ocr-low-confidence", message=message))
        metadata += (MetaField(name="ocr", value=ocr.ENGINE),)
        return Reading(
            format=self.name,
            lines=tuple(mark_banner(lines)),
            metadata=metadata,
            diagnostics=tuple(diagnostics),
            pages=tuple(sizes),
        )


__all__ = ["LOW_CONFIDENCE", "MAX_PAGES", "ImageReader", "damage", "image_kind"]
