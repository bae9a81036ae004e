"""Run bulletins on Dask: paths (local or any fsspec URL) → a bag of documents or bulletins.

Install with ``pip install 'bulletins[dask]'``. The same functions run unchanged on a laptop
(threads or processes) and on a cluster (``dask.distributed``): the scheduler is Dask's choice,
set by the caller (``Client(...)``), not ours. See docs/performance.md.

    from dask.distributed import Client
    import bulletins.dask as bd

    client = Client()                                    # or Client("tcp://scheduler:8786")
    docs = bd.documents("s3://archive/notices/**/*.txt")  # any fsspec URL
    bd.to_jsonl(docs, "s3://archive/out/part-*.jsonl")   # one JSONL file per partition
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import Any

from .batch import internal_error
from .errors import BulletinsError
from .exporters import get_exporter
from .model import Bulletin, Document
from .pipeline import parse

try:
    import dask.bag as db
    import fsspec
except ImportError as exc:  # pragma: no cover - depends on the extra being installed
    raise ImportError("bulletins.dask needs the 'dask' extra: pip install 'bulletins[dask]'") from exc


def _read(open_file: Any, options: dict[str, Any], root: str = "") -> Document:
    with open_file as handle:
        data = handle.read()
    return parse(data, source=_name(open_file.path, root), **options)


def _name(path: str, root: str) -> str:
    """The source name: *path* relative to *root* (unique in a batch, as the command line names them)."""
    return path[len(root) :].lstrip("/") if root and path.startswith(root + "/") else path.rsplit("/", 1)[-1]


def _root(files: Sequence[Any]) -> str:
    """The folder every file lies in (``a/x.txt`` and ``b/x.txt`` keep their folders in their names)."""
    folders = {f.path.rsplit("/", 1)[0] for f in files if "/" in f.path}
    if not folders:
        return ""
    common = os.path.commonpath(sorted(folders)) if len(folders) > 1 else folders.pop()
    return common.replace(os.sep, "/")


def documents(
    urlpath: str | Sequence[str],
    *,
    npartitions: int | None = None,
    storage_options: dict[str, Any] | None = None,
    **parse_options: Any,
) -> db.Bag:
    """Return a Dask bag of :class:`~bulletins.model.Document`, one per file.

    Args:
        urlpath: A path, glob or fsspec URL (``s3://…/*.txt``), or a list of them.
        npartitions: Partitions of the bag; default one per file up to 100 files.
        storage_options: Passed to fsspec (credentials and the like).
        **parse_options: Keywords for :func:`bulletins.parse` (``script``, ``year``, ``errors``).

    Files that fail raise their :class:`~bulletins.errors.BulletinsError` when computed; use
    :func:`results` to keep going past bad files.
    """
    files = fsspec.open_files(urlpath, mode="rb", **(storage_options or {}))
    bag = db.from_sequence(files, npartitions=npartitions or min(len(files), 100) or 1)
    return bag.map(_read, parse_options, _root(files))


def _try(open_file: Any, options: dict[str, Any], root: str = "") -> tuple[str, Document | None, str | None]:
    try:
        return open_file.path, _read(open_file, options, root), None
    except (BulletinsError, OSError) as exc:
        return open_file.path, None, str(exc)
    except Exception as exc:  # one file's bug is that file's error; the bag goes on
        return open_file.path, None, internal_error(open_file.path, exc)


def results(urlpath: str | Sequence[str], **parse_options: Any) -> db.Bag:
    """Return a bag of ``(path, document or None, error or None)``: bad files do not stop the batch."""
    files = fsspec.open_files(urlpath, mode="rb")
    return db.from_sequence(files, npartitions=min(len(files), 100) or 1).map(_try, parse_options, _root(files))


def bulletins(urlpath: str | Sequence[str], **parse_options: Any) -> db.Bag:
    """Return a bag of ``(source name, bulletin)`` pairs over every file's bulletins."""

    def pairs(document: Document) -> list[tuple[str | None, Bulletin]]:
        return [(document.source.name, b) for b in document.bulletins]

    return documents(urlpath, **parse_options).map(pairs).flatten()


def export(bag: db.Bag, format: str = "json", **options: Any) -> db.Bag:
    """Map a bag of documents to exported text in *format*."""

    def one(document: Document) -> str:
        output = get_exporter(format, **options).export(document)
        return output.decode("utf-8") if isinstance(output, bytes) else output

    return bag.map(one)


def _joined(texts: Iterable[str]) -> list[str]:
    return ["".join(texts)]


def to_jsonl(bag: db.Bag, urlpath: str, **storage_options: Any) -> list[str]:
    """Write a bag of documents as JSON Lines, one file per partition (``part-*.jsonl``).

    Every line of every part ends with a newline, so ``cat part-*.jsonl`` is valid JSON Lines
    (Dask's ``to_textfiles`` puts newlines only between elements: each partition is therefore
    written as one element, its records' text as the exporter wrote it).
    """
    parts = export(bag, "jsonl").map_partitions(_joined)
    written: list[str] = parts.to_textfiles(urlpath, storage_options=storage_options or None)
    return written


def to_files(bag: db.Bag, directory: str, format: str = "tei", **options: Any) -> list[str]:
    """Write one file per document (``<source name><suffix>``) into *directory*; return the paths."""
    suffix = get_exporter(format, **options).suffix

    def write(document: Document) -> str:
        output = get_exporter(format, **options).export(document)
        stem = (document.source.name or "document").rsplit(".", 1)[0]
        target = f"{directory.rstrip('/')}/{stem}{suffix}"
        with fsspec.open(target, "w", encoding="utf-8") as handle:
            handle.write(output if isinstance(output, str) else output.decode("utf-8"))
        return target

    written: list[str] = bag.map(write).compute()
    return written
