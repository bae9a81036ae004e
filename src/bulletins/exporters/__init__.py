"""Exporters: plugins that turn a :class:`~bulletins.model.Document` into text.

An exporter is a class with ``name`` and ``suffix`` class attributes and a pure
``export(document) -> str | bytes`` method; options are constructor keywords. Exporters are
found through the entry-point group ``bulletins.exporters`` (see docs/plugins.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
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


class Collection(Protocol):
    """One output being written for a whole batch (a table, a database); see :class:`CollectionExporter`.

    The batch driver asks :meth:`held` for each input before parsing it (the worker that reads
    the input skips it when its bytes hash to that), calls :meth:`add` with each parsed input's
    documents in input order, then :meth:`commit` once, or :meth:`abort` when the run fails or is
    interrupted. Until ``commit`` the previous output at the target stays whole.
    """

    def held(self, source: str) -> str | None:
        """Return the SHA-256 (hex) of the bytes of *source* the output holds, or None.

        A re-run skips *source* while its bytes hash to that; None parses it whatever its bytes.
        """
        ...

    def add(self, source: str, sha256: str, documents: Sequence[Document]) -> None:
        """Add the documents parsed from the input named *source* (its path relative to the batch root)."""
        ...

    def commit(self) -> None:
        """Finish the output and put it in place."""
        ...

    def abort(self) -> None:
        """Give up: leave the target as it was before the run."""
        ...


@runtime_checkable
class CollectionExporter(Exporter, Protocol):
    """An exporter that can also write one output for a whole batch (``-o FILE`` with a suffix it takes).

    ``bulletins parse DIR --to attendance -o table.csv`` writes one table, ``--to sqlite -o
    corpus.db`` one database; with ``-o DIR`` (or a single input to stdout) such an exporter
    still writes one output per input through ``export``.
    """

    collection_suffixes: ClassVar[tuple[str, ...]]
    """Suffixes of ``-o`` that ask for one output for the batch (``.csv``, ``.db`` …)."""

    def open_collection(self, target: Path) -> Collection:
        """Start writing the batch's output to *target*.

        Raises:
            ExportError: The target cannot be written in this format (a missing optional library …).
        """
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
