"""Error types: one root, :class:`BulletinsError`, so callers can catch everything of ours at once."""

from __future__ import annotations


class BulletinsError(Exception):
    """Root of every error raised by bulletins."""


class DecodeError(BulletinsError, ValueError):
    """The input bytes are not text in any encoding we can read.

    Attributes:
        source: Name of the input, if known.
        offset: Byte offset of the first undecodable byte, if known.
    """

    def __init__(self, message: str, *, source: str | None = None, offset: int | None = None):
        """Build the error; the message is prefixed with the source name."""
        self.source = source
        self.offset = offset
        self.detail = message
        prefix = f"{source}: " if source else ""
        super().__init__(prefix + message)


class ParseError(BulletinsError, ValueError):
    """The text could not be parsed; the message names the source and line.

    Attributes:
        source: Name of the input, if known.
        line: 1-based source line where the problem was found, if known.
    """

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        """Build the error; the message is prefixed with ``source:line``."""
        self.source = source
        self.line = line
        self.detail = message
        where = source or "<text>"
        if line is not None:
            where += f":{line}"
        super().__init__(f"{where}: {message}")


class ReadError(BulletinsError, ValueError):
    """An input is not a readable file of the format chosen for it (a truncated zip, a legacy .doc …).

    Attributes:
        source: Name of the input, if known.
    """

    def __init__(self, message: str, *, source: str | None = None):
        """Build the error; the message is prefixed with the source name."""
        self.source = source
        self.detail = message
        prefix = f"{source}: " if source else ""
        super().__init__(prefix + message)


class UnknownPluginError(BulletinsError, LookupError):
    """No plugin of that name is installed; the message lists the available ones."""


class PluginConflictError(BulletinsError):
    """Two installed plugins claim the same name."""


class ExportError(BulletinsError, ValueError):
    """An exporter could not write a document (bad option, unsupported content)."""


class LoadError(BulletinsError, ValueError):
    """JSON given to :func:`bulletins.loads` is not a valid ``bulletins/1`` document."""
