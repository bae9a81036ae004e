"""Parse many files: ordered results from a process pool, streamed so memory stays flat.

Workers read, parse and export a file and send back only the exported text, so the parent
never holds a Document; results arrive in input order (``imap``), one file at a time.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from attrs import frozen

from .errors import BulletinsError
from .exporters import Exporter, SourceExporter, get_exporter
from .model import Document
from .pipeline import parse_many, source_texts


@frozen(kw_only=True)
class Job:
    """One input to parse."""

    label: str
    """The input as the user named it (for messages)."""
    name: str
    """The document's source name: the path relative to the folder argument it was found in (or
    the file's name), ``<stdin>`` for standard input; unique in a batch."""
    path: Path | None
    """File to read, or None when ``data`` is given (standard input)."""
    stem: Path
    """Output path relative to the output directory, without suffix."""
    data: bytes | None = None
    """Bytes already read (standard input)."""


@frozen(kw_only=True)
class Result:
    """What became of one input."""

    job: Job
    """The input."""
    outputs: tuple[tuple[str, str], ...] = ()
    """``(suffix, text)`` per requested format; empty when the file failed."""
    error: str | None = None
    """One-line problem (``file[:line]: message``), or None."""
    size: int = 0
    """Bytes read."""
    bulletins: int = 0
    """Bulletins found."""
    residue: int = 0
    """Residue entries found."""
    titles: tuple[str, ...] = ()
    """Headline titles, for summaries."""
    genres: tuple[str, ...] = ()
    """Genre of each bulletin, for the review index."""
    diagnostics: int = 0
    """Diagnostics reported."""
    documents: tuple[Document, ...] = ()
    """The parsed documents, when the run collects them for one output (:class:`Collection`)."""
    sha256: str | None = None
    """Hex SHA-256 of the input bytes."""


def located(label: str, exc: Exception) -> str:
    """Format *exc* as one ``file[:line]: problem`` line, naming the file as the user gave it."""
    if isinstance(exc, OSError):
        return f"{label}: {exc.strerror or exc}"
    line = getattr(exc, "line", None)
    detail = getattr(exc, "detail", None) or str(exc)
    return f"{label}{f':{line}' if line else ''}: {detail}"


def internal_error(label: str, exc: BaseException) -> str:
    """Format an unexpected exception as ``file: internal error: …`` (a bug to report, not a traceback)."""
    return f"{label}: internal error: {type(exc).__name__}: {exc} (please report this)"


_EXPORTERS: dict[tuple[str, str], Exporter] = {}


def _exporter(name: str, options: Mapping[str, object]) -> Exporter:
    """One exporter per name and options in each process: entry-point lookups scan metadata."""
    key = (name, repr(sorted(options.items())))
    if key not in _EXPORTERS:
        _EXPORTERS[key] = get_exporter(name, **options)
    return _EXPORTERS[key]


def _work(task: tuple[Job, Sequence[str], Mapping[str, object], Mapping[str, object], bool]) -> Result:
    job, formats, options, parse_options, collect = task
    try:
        data = job.data if job.data is not None else job.path.read_bytes()  # type: ignore[union-attr]
        documents = list(parse_many(data, source=job.name, **parse_options))  # type: ignore[arg-type]
        outputs = []
        texts: list[str] | None = None
        for index, document in enumerate(documents):
            # A dataset reader yields a document per row: data.csv -> data.row3.json.
            named = document.source.name or ""
            label = named.rpartition("#")[2] if "#" in named else ""
            for name in formats:
                exporter = _exporter(name, options)
                if isinstance(exporter, SourceExporter):  # the review page shows the source lines
                    if texts is None:
                        texts = source_texts(data, source=job.name, **parse_options)  # type: ignore[arg-type]
                    text = exporter.export_with_source(document, texts[index])
                else:
                    text = exporter.export(document)
                suffix = f".{label}{exporter.suffix}" if label else exporter.suffix
                outputs.append((suffix, text.decode("utf-8") if isinstance(text, bytes) else text))
    except (BulletinsError, OSError) as exc:
        return Result(job=job, error=located(job.label, exc))
    except Exception as exc:  # one file's bug is that file's error; the batch goes on
        return Result(job=job, error=internal_error(job.label, exc))
    return Result(
        job=job,
        outputs=tuple(outputs),
        size=len(data),
        bulletins=sum(len(d.bulletins) for d in documents),
        residue=sum(len(d.residue) for d in documents),
        titles=tuple(b.headline.title for d in documents for b in d.bulletins if b.headline is not None),
        genres=tuple(b.genre for d in documents for b in d.bulletins),
        diagnostics=sum(len(d.diagnostics) for d in documents),
        documents=tuple(documents) if collect else (),
        sha256=hashlib.sha256(data).hexdigest(),
    )


def run(
    jobs: Iterable[Job],
    *,
    formats: Sequence[str],
    options: Mapping[str, object] | None = None,
    parse_options: Mapping[str, object] | None = None,
    processes: int = 1,
    collect: bool = False,
) -> Iterator[Result]:
    """Parse and export *jobs*, yielding results in input order.

    Args:
        jobs: The inputs.
        formats: Exporter names.
        options: Exporter constructor keywords (the same for every format).
        parse_options: Keywords for :func:`bulletins.parse` (``script``, ``year``, ``errors``).
        processes: Worker processes; 1 parses in this process.
        collect: Send each input's documents back in :attr:`Result.documents` (for one output
            written for the whole batch); otherwise only the exported text travels.
    """
    tasks = ((job, tuple(formats), dict(options or {}), dict(parse_options or {}), collect) for job in jobs)
    if processes <= 1:
        yield from map(_work, tasks)
        return
    context = multiprocessing.get_context("spawn" if os.name == "nt" else "fork")
    with context.Pool(processes) as pool:
        yield from pool.imap(_work, tasks, chunksize=1)
