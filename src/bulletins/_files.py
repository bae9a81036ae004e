"""Atomic output files: a temporary file beside the target, renamed into place when complete."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def umask() -> int:
    """Return the process umask (reading it means setting it; callers are single-threaded here)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def temp_beside(target: Path) -> tuple[int, str]:
    """Create the temporary file an output is written to, with the mode a plain open() would give.

    ``mkstemp`` creates files 0600; renamed into place they would be private to the user, unlike
    every other file the user creates, so the umask is applied as ``open()`` applies it.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.chmod(tmp, 0o666 & ~umask())
    except BaseException:
        os.close(fd)
        Path(tmp).unlink(missing_ok=True)
        raise
    return fd, tmp
