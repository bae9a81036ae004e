"""Exporters: plugins that turn a :class:`~bulletins.model.Document` into text.

An exporter is a class with ``name`` and ``suffix`` class attributes and a pure
``export(document) -> str | bytes`` method; options are constructor keywords. Exporters are
found through the entry-point group ``bulletins.exporters`` (see docs/plugins.md).
"""

from __future__ import annotations

from typing import ClassVar, Protocol, cast, runtime_checkable

from .. import plugins
from ..errors import ExportError
from ..model import Document

GROUP = "bulletins.exporters"
"""Entry-point group that exporter plugins register under."""


@runtime_checkable
class Exporter(Protocol):
    """What an exporter plugin provides."""

    name: ClassVar[str]
    """Name used with ``--to`` and :func:`get_exporter`."""
    suffix: ClassVar[str]
    """File suffix of its output, with the dot (``.json``)."""

    def export(self, document: Document) -> str | bytes:
        """Return *document* in this exporter's format."""
        ...


@runtime_checkable
class SourceExporter(Exporter, Protocol):
    """An exporter that can also show the source text (the ``html`` review page).

    The CLI and :mod:`bulletins.batch` call :meth:`export_with_source` with the cleaned text
    (:func:`bulletins.pipeline.source_text`) when an exporter has it; ``export`` stays the pure
    model-only form every exporter has.
    """

    def export_with_source(self, document: Document, text: str) -> str | bytes:
        """Return *document* in this exporter's format, showing *text*, its cleaned source."""
        ...


def available_exporters() -> list[str]:
    """Return the names of all installed and registered exporters, sorted."""
    return plugins.names(GROUP)


def get_exporter(name: str | Exporter | type[Exporter], **options: object) -> Exporter:
    """Return an exporter instance for *name* (a name, a class or an instance).

    Args:
        name: An exporter name such as ``"json"``, or an exporter class or instance.
        **options: Constructor keywords of the exporter class.

    Raises:
        UnknownPluginError: No exporter has that name (the message lists the available ones).
        ExportError: The options are not accepted by the exporter.
    """
    exporter = plugins.instantiate(
        GROUP, name, options, protocol=Exporter, error=ExportError, needs="name, suffix and export()"
    )
    return cast("Exporter", exporter)


def register_exporter(cls: type[Exporter], *, replace: bool = False) -> None:
    """Register an exporter class at run time under ``cls.name`` (tests, notebooks)."""
    plugins.register(GROUP, cls.name, cls, replace=replace)


def export(document: Document, format: str | Exporter | type[Exporter] = "json", **options: object) -> str:
    """Export *document* with the named exporter and return text.

    Raises:
        UnknownPluginError: No exporter has that name.
        ExportError: The exporter failed or returned bytes that are not UTF-8.
    """
    output = get_exporter(format, **options).export(document)
    if isinstance(output, bytes):
        try:
            return output.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ExportError("exporter returned bytes that are not UTF-8; write them with export_bytes") from exc
    return output
