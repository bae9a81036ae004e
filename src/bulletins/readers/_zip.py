"""Open zip containers (.docx, .ofd) after checking their declared sizes, before inflating anything.

A 2.3 MB .docx whose ``word/document.xml`` inflates to 1.5 GB once took 3.1 GB of memory for
14 s before lxml refused it (issue 18). The central directory states every member's size and
compressed size; they are checked here first, so such a file is refused in milliseconds.
Python's :mod:`zipfile` never returns more bytes than a member declares (it stops at
``file_size`` and then fails the CRC check), so a lying directory cannot get past the limits
either: the checked sizes bound what is later inflated.
"""

from __future__ import annotations

import io
import re
import zipfile

from attrs import frozen

from ..errors import ReadError

_UNITS = {"": 1, "b": 1, "k": 1 << 10, "kb": 1 << 10, "m": 1 << 20, "mb": 1 << 20, "g": 1 << 30, "gb": 1 << 30}


def parse_size(value: object, option: str) -> int:
    """Return *value* as a byte count: an int, or text such as ``200000``, ``64MB``, ``1g``.

    Raises:
        ValueError: The value is not a positive size (the message names *option*).
    """
    if isinstance(value, bool):
        raise ValueError(f"{option} must be a size such as 256MB, not {value!r}")
    if isinstance(value, int):
        number = value
    else:
        found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?b?)\s*", str(value).lower())
        if found is None:
            raise ValueError(f"{option} must be a size such as 256MB, not {value!r}")
        number = int(float(found.group(1)) * _UNITS[found.group(2)])
    if number <= 0:
        raise ValueError(f"{option} must be positive, not {value!r}")
    return number


def parse_ratio(value: object, option: str) -> float:
    """Return *value* as a positive compression ratio (``100`` means 100 : 1)."""
    try:
        ratio = float(str(value))
    except ValueError:
        raise ValueError(f"{option} must be a number such as 100, not {value!r}") from None
    if ratio <= 0:
        raise ValueError(f"{option} must be positive, not {value!r}")
    return ratio


@frozen(kw_only=True)
class ZipLimits:
    """What a zip container may declare before it is refused unread."""

    max_member: int = 256 << 20
    """Largest inflated size of one member (default 256 MiB; the 民法典 .docx body is 3.6 MiB)."""
    max_total: int = 1 << 30
    """Largest inflated size of all members together (default 1 GiB)."""
    max_ratio: float = 100.0
    """Largest inflated : compressed ratio of a member over 1 MiB (Word XML compresses ~10:1)."""
    members: int = 10_000
    """Largest number of members."""

    @classmethod
    def from_options(cls, max_unzipped: object = None, max_ratio: object = None) -> ZipLimits:
        """Build limits from reader options (``max_unzipped`` sets the member and total limits).

        Raises:
            ValueError: An option is not a positive size or ratio.
        """
        limits = cls()
        if max_unzipped is not None:
            size = parse_size(max_unzipped, "max_unzipped")
            limits = ZipLimits(max_member=size, max_total=max(size, limits.max_total), max_ratio=limits.max_ratio)
        if max_ratio is not None:
            limits = ZipLimits(
                max_member=limits.max_member, max_total=limits.max_total, max_ratio=parse_ratio(max_ratio, "max_ratio")
            )
        return limits


_RATIO_FLOOR = 1 << 20  # small members (styles, tiny bodies) may compress as well as they like


def _human(size: float) -> str:
    for unit in ("bytes", "KiB", "MiB", "GiB", "TiB"):
        if size < 1024 or unit == "TiB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size} bytes"  # pragma: no cover - the loop always returns


def check_limits(archive: zipfile.ZipFile, limits: ZipLimits, *, kind: str, source: str | None) -> None:
    """Raise one clear :class:`ReadError` when *archive*'s central directory exceeds *limits*."""
    infos = archive.infolist()
    if len(infos) > limits.members:
        raise ReadError(f"{kind} refused: {len(infos)} zip members, over the limit of {limits.members}", source=source)
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > limits.max_member:
            raise ReadError(
                f"{kind} refused unread: member {info.filename} declares {_human(info.file_size)} inflated,"
                f" over the limit of {_human(limits.max_member)} (reader option max_unzipped raises it)",
                source=source,
            )
        if info.file_size > _RATIO_FLOOR and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            ratio = info.file_size / max(info.compress_size, 1)
            raise ReadError(
                f"{kind} refused unread: member {info.filename} inflates {ratio:.0f}:1"
                f" ({_human(info.compress_size)} → {_human(info.file_size)}), over the limit of"
                f" {limits.max_ratio:g}:1, a zip bomb's mark (reader option max_ratio raises it)",
                source=source,
            )
    if total > limits.max_total:
        raise ReadError(
            f"{kind} refused unread: its members declare {_human(total)} inflated in all,"
            f" over the limit of {_human(limits.max_total)} (reader option max_unzipped raises it)",
            source=source,
        )


def open_zip(data: bytes, limits: ZipLimits, *, kind: str, source: str | None) -> zipfile.ZipFile:
    """Open *data* as a zip archive whose declared sizes are within *limits*; nothing is inflated.

    Args:
        data: The container's bytes.
        limits: What the central directory may declare.
        kind: What the container is meant to be (``.docx``, ``.ofd``), for messages.
        source: The input's name, for messages.

    Raises:
        ReadError: The archive is damaged, or declares more than *limits* allow.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise ReadError(
            f"not a readable {kind}: the zip archive is damaged or truncated ({exc})", source=source
        ) from exc
    try:
        check_limits(archive, limits, kind=kind, source=source)
    except ReadError:
        archive.close()
        raise
    return archive


def read_member(archive: zipfile.ZipFile, name: str, *, kind: str, source: str | None) -> bytes:
    """Return the inflated bytes of member *name* (sizes already checked by :func:`open_zip`).

    Raises:
        ReadError: The member is missing or corrupt.
    """
    try:
        return archive.read(name)
    except KeyError as exc:
        raise ReadError(f"not a readable {kind}: the zip archive has no member {name}", source=source) from exc
    except Exception as exc:  # BadZipFile (CRC), zlib.error, EOFError from a corrupt member
        raise ReadError(
            f"not a readable {kind}: member {name} of the zip archive is corrupt ({exc})", source=source
        ) from exc


def zip_names(data: bytes) -> frozenset[str] | None:
    """Return the member names of *data* when it is a zip archive (its central directory only), else None.

    Cheap: nothing is inflated. Used by sniffers to tell a .docx (``word/``), an .ofd (``OFD.xml``)
    and an .odt (``mimetype``) apart by content.
    """
    if not data.startswith(b"PK"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return frozenset(archive.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError):
        return None
