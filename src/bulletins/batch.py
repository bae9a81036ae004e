"""Parse many files: ordered results from a pool of worker processes, streamed so memory stays flat.

Each worker reads, parses and exports a file. With an output folder (``-o DIR``) the worker
also writes the files itself and sends back only a few counts, so the parent has almost
nothing to do per file (with two workers, the parent writing 10 000 files had been the
bottleneck: see docs/performance.md). Results arrive in input order, one file at a time.

The pool is our own (:func:`run`), not :class:`multiprocessing.pool.Pool`: a file that runs
past ``timeout`` seconds must become that file's error, and the only way to stop a task that
is stuck in a regular expression is to kill the process running it. Each worker has its own
pipe and holds at most two tasks (the one running and the next); when a task overruns, its
worker is killed, the task is reported as timed out, the worker's other task is handed to a
fresh worker, and the batch goes on. A worker that dies (a crash, the OOM killer) is treated
the same way.
"""

from __future__ import annotations

import contextlib
import hashlib
import heapq
import multiprocessing
import os
import re
import signal
import time
from collections.abc import Collection, Generator, Iterable, Iterator, Mapping, Sequence
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

import attrs
from attrs import frozen

from ._files import temp_beside
from .errors import BulletinsError
from .exporters import Exporter, SourceExporter, get_exporter
from .model import Document, Paragraph, Point, iter_blocks
from .pipeline import parse_many as parse_many  # re-exported: the seam a test patches (batch.parse_many)
from .pipeline import source_texts

FIELDS: tuple[str, ...] = (
    "headline",
    "dateline",
    "byline",
    "paragraphs",
    "points",
    "attendees",
    "credits",
    "closing",
    "residue",
)
"""What :attr:`Result.fields` counts, in this order (the batch index's columns)."""

UNCHANGED = "unchanged since the last run"
""":attr:`Result.skipped` of an input whose bytes hash to :attr:`Job.held`."""

EMPTY_INPUT = "empty-input"
"""The diagnostic code of an input with no text (0 bytes, or only white space)."""
_NO_TEXT = (EMPTY_INPUT, "no-text")  # no-text: a reader's word for a page, Word file or PDF without any

DEFAULT_TIMEOUT = 300.0
"""Seconds one file may take in a worker before it is stopped (``--timeout``)."""

_DEPTH = 2
"""Tasks a worker holds: the one it runs and the next, so that it never waits for the parent."""
_WINDOW = 1024
"""How far ahead of the next result to be yielded tasks are handed out (bounds the results held)."""


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
    walked: bool = False
    """Found by walking a folder (not named by the user): skipped when it is an output of ours."""
    held: str | None = None
    """The SHA-256 the batch's one output holds for this input (a re-run of ``--to sqlite``): the
    worker that reads the input skips it, unparsed, when its bytes still hash to this."""


@frozen(kw_only=True)
class Result:
    """What became of one input."""

    job: Job
    """The input."""
    outputs: tuple[tuple[str, str], ...] = ()
    """``(suffix, text)`` per requested format; empty when the file failed or was written by the worker."""
    written: tuple[str, ...] = ()
    """Output files the worker wrote (with ``output``), relative to the output folder."""
    error: str | None = None
    """One-line problem (``file[:line]: message``), or None."""
    skipped: str | None = None
    """Why the file was not parsed (it is an output of bulletins), or None."""
    size: int = 0
    """Bytes read."""
    bulletins: int = 0
    """Bulletins found."""
    residue: int = 0
    """Residue entries found: text outside every bulletin (page furniture, captions, noise), kept."""
    titles: tuple[str, ...] = ()
    """Headline titles, for summaries."""
    genres: tuple[str, ...] = ()
    """Genre of each bulletin, for the review index."""
    fields: tuple[int, ...] = ()
    """How many of each of :data:`FIELDS` the file's bulletins hold (empty when it failed)."""
    diagnostics: int = 0
    """Diagnostics reported."""
    problems: tuple[str, ...] = ()
    """The diagnostics as one line each (``warning wrapped-paragraph line 3: …``), at most 50."""
    empty: bool = False
    """The input holds no text (an ``empty-input`` diagnostic, or a reader's ``no-text``)."""
    documents: tuple[Document, ...] = ()
    """The parsed documents, when the run collects them for one output (:class:`Collection`)."""
    sha256: str | None = None
    """Hex SHA-256 of the input bytes."""
    confidence: float | None = None
    """The lowest confidence of its bulletins (:mod:`bulletins.confidence`); 0 when it holds none, None if it failed."""


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


# What every output of ours carries near its start, so that a folder walk never reads it back
# as an input (an -o folder inside the input folder, or outputs copied beside the inputs).
_MARKERS = (
    re.compile(rb'\A(?:\xef\xbb\xbf)?\s*\{\s*"schema"\s*:\s*"bulletins/'),  # JSON, JSON Lines
    re.compile(rb'<meta name="generator" content="bulletins">'),  # review pages, the batch index
    re.compile(rb'<application ident="bulletins"|xmlns="urn:bulletins:xml:'),  # TEI, our XML
)


def is_output(data: bytes) -> bool:
    """Return True when *data* is a file bulletins wrote (its marker is in the first 4 KiB).

    JSON and JSON Lines open with ``{"schema": "bulletins/…``; HTML pages carry
    ``<meta name="generator" content="bulletins">``; TEI names bulletins in ``<application>``
    and our XML has its namespace; the attendance table has its exact header row.
    """
    head = data[:4096]
    if any(marker.search(head) for marker in _MARKERS):
        return True
    from .exporters.attendance import COLUMNS

    first = head.split(b"\n", 1)[0].rstrip(b"\r")
    return len(first) > 0 and re.split(rb"[,;\t|]", first) == [c.encode() for c in COLUMNS]


def write_output(target: Path, text: str, protected: Collection[tuple[int, int]]) -> None:
    """Write *text* to *target* atomically (a temporary file renamed into place).

    Raises:
        OSError: The target cannot be written, or it is one of the inputs (*protected* holds
            their ``(st_dev, st_ino)``).
    """
    try:
        found = os.stat(target)
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
    else:
        if (found.st_dev, found.st_ino) in protected:
            raise OSError(f"refusing to overwrite the input file {target}")
    fd, tmp = temp_beside(target)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_EXPORTERS: dict[tuple[str, str], Exporter] = {}


def _exporter(name: str, options: Mapping[str, object]) -> Exporter:
    """One exporter per name and options in each process: entry-point lookups scan metadata."""
    key = (name, repr(sorted(options.items())))
    if key not in _EXPORTERS:
        _EXPORTERS[key] = get_exporter(name, **options)
    return _EXPORTERS[key]


@frozen(kw_only=True)
class _Config:
    """What every task of a run shares (sent to a worker once, when it starts)."""

    formats: tuple[str, ...]
    options: Mapping[str, object]
    parse_options: Mapping[str, object]
    collect: bool
    output: Path | None
    protected: Collection[tuple[int, int]]


def _fields(documents: Sequence[Document]) -> tuple[int, ...]:
    counts = dict.fromkeys(FIELDS, 0)
    for document in documents:
        counts["residue"] += len(document.residue)
        for b in document.bulletins:
            counts["headline"] += b.headline is not None
            counts["dateline"] += b.dateline is not None
            counts["byline"] += bool(b.byline)
            counts["attendees"] += sum(len(g.names) for g in b.attendees)
            counts["credits"] += len(b.credits)
            counts["closing"] += b.closing is not None
            for block in iter_blocks(b.body):
                counts["paragraphs"] += isinstance(block, Paragraph)
                counts["points"] += isinstance(block, Point)
    return tuple(counts.values())


def _problems(documents: Sequence[Document]) -> tuple[str, ...]:
    lines = []
    for document in documents:
        for d in document.diagnostics:
            where = f" line {d.line}" if d.line else ""
            lines.append(f"{d.level} {d.code}{where}: {d.message}")
    return tuple(lines[:50])


def _work(job: Job, config: _Config) -> Result:
    try:
        data = job.data if job.data is not None else job.path.read_bytes()  # type: ignore[union-attr]
        if job.walked and is_output(data):
            return Result(job=job, skipped="an output of bulletins", size=len(data))
        digest = hashlib.sha256(data).hexdigest()  # read once, here: the parent never reads the inputs
        if digest == job.held:
            return Result(job=job, skipped=UNCHANGED, size=len(data), sha256=digest)
        documents = list(parse_many(data, source=job.name, **config.parse_options))  # type: ignore[arg-type]
        outputs = []
        texts: list[str] | None = None
        for index, document in enumerate(documents):
            # A dataset reader yields a document per row: data.csv -> data.row3.json.
            named = document.source.name or ""
            label = named.rpartition("#")[2] if "#" in named else ""
            for name in config.formats:
                exporter = _exporter(name, config.options)
                if isinstance(exporter, SourceExporter):  # the review page shows the source lines
                    if texts is None:
                        texts = source_texts(data, source=job.name, **config.parse_options)  # type: ignore[arg-type]
                    text = exporter.export_with_source(document, texts[index])
                else:
                    text = exporter.export(document)
                suffix = f".{label}{exporter.suffix}" if label else exporter.suffix
                outputs.append((suffix, text.decode("utf-8") if isinstance(text, bytes) else text))
    except (BulletinsError, OSError) as exc:
        return Result(job=job, error=located(job.label, exc))
    except Exception as exc:  # one file's bug is that file's error; the batch goes on
        return Result(job=job, error=internal_error(job.label, exc))
    written: list[str] = []
    error = None
    if config.output is not None:
        for suffix, text in outputs:
            relative = job.stem.with_name(job.stem.name + suffix)
            try:
                write_output(config.output / relative, text, config.protected)
            except OSError as exc:
                error = f"{job.label}: cannot write output: {exc}"
                break
            written.append(relative.as_posix())
        outputs = []
    return Result(
        job=job,
        outputs=tuple(outputs),
        written=tuple(written),
        error=error,
        size=len(data),
        bulletins=sum(len(d.bulletins) for d in documents),
        residue=sum(len(d.residue) for d in documents),
        titles=tuple(b.headline.title for d in documents for b in d.bulletins if b.headline is not None),
        genres=tuple(b.genre for d in documents for b in d.bulletins),
        fields=_fields(documents),
        diagnostics=sum(len(d.diagnostics) for d in documents),
        problems=_problems(documents),
        empty=any(x.code in _NO_TEXT for d in documents for x in d.diagnostics),
        documents=tuple(documents) if config.collect else (),
        sha256=digest,
        confidence=min((b.confidence or 0.0 for d in documents for b in d.bulletins), default=0.0),
    )


def run(
    jobs: Iterable[Job],
    *,
    formats: Sequence[str],
    options: Mapping[str, object] | None = None,
    parse_options: Mapping[str, object] | None = None,
    processes: int = 1,
    collect: bool = False,
    timeout: float | None = None,
    output: Path | None = None,
    protected: Collection[tuple[int, int]] = (),
) -> Generator[Result, None, None]:
    """Parse and export *jobs*, yielding results in input order.

    Args:
        jobs: The inputs.
        formats: Exporter names.
        options: Exporter constructor keywords (the same for every format).
        parse_options: Keywords for :func:`bulletins.parse` (``script``, ``year``, ``errors``).
        processes: Worker processes. With 1 and no *timeout*, files are parsed in this process.
        collect: Send each input's documents back in :attr:`Result.documents` (for one output
            written for the whole batch); otherwise only the exported text travels.
        timeout: Seconds one file may take; a file that takes longer is stopped (its worker is
            killed and replaced) and reported as that file's error. None: no limit.
        output: A folder: workers write ``output/<stem><suffix>`` themselves and the results
            carry the written names (:attr:`Result.written`) instead of the text.
        protected: ``(st_dev, st_ino)`` of files never to overwrite (the inputs).
    """
    config = _Config(
        formats=tuple(formats),
        options=dict(options or {}),
        parse_options=dict(parse_options or {}),
        collect=collect,
        output=output,
        protected=frozenset(protected),
    )
    if processes <= 1 and timeout is None:
        for job in jobs:
            yield _work(job, config)
        return
    yield from _Pool(config, max(1, processes), timeout).run(jobs)


_FIELDS = attrs.fields(Result)


def _serve(connection: Connection, config: _Config, parent: int) -> None:
    """A worker's loop: receive ``(index, job)``, send back ``(index, result)``; None stops it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        while not connection.poll(1.0):
            if os.getppid() != parent:  # orphaned: the parent was killed
                return
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        index, job = message
        # The parent holds the job: send the rest (unpickling the job's paths cost the parent 1 s per 10 000 files).
        result = _work(job, config)
        connection.send((index, {a.name: getattr(result, a.name) for a in _FIELDS if a.name != "job"}))


class _Worker:
    """One worker process, its pipe, and the tasks it holds (in the order it runs them)."""

    def __init__(self, context: Any, config: _Config) -> None:
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, config, os.getpid()), daemon=True)
        self.process.start()
        child.close()
        self.tasks: list[tuple[int, Job]] = []
        self.since = time.monotonic()
        """When the task at the head of :attr:`tasks` started (when the previous one ended)."""

    def give(self, index: int, job: Job) -> None:
        if not self.tasks:
            self.since = time.monotonic()
        self.tasks.append((index, job))
        self.connection.send((index, job))

    def stop(self) -> None:
        """Ask the worker to finish; kill it if it does not within a second."""
        with contextlib.suppress(OSError):
            self.connection.send(None)
        self.process.join(1.0)
        self.kill()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.connection.close()


class _Pool:
    """Workers, each killed and replaced when its task overruns the timeout or it dies."""

    def __init__(self, config: _Config, processes: int, timeout: float | None) -> None:
        self.config = config
        self.processes = processes
        self.timeout = timeout
        self.context = multiprocessing.get_context("spawn" if os.name == "nt" else "fork")

    def run(self, jobs: Iterable[Job]) -> Iterator[Result]:
        _warm()  # forked workers inherit the built parser instead of each loading it
        source = enumerate(jobs)
        upcoming: tuple[int, Job] | None = next(source, None)
        retry: list[tuple[int, Job]] = []  # tasks of a killed worker, to hand out again (a heap)
        done: dict[int, Result] = {}
        next_out = 0
        workers: list[_Worker] = []
        try:
            while True:
                while next_out in done:
                    yield done.pop(next_out)
                    next_out += 1
                for worker in self._idle_first(workers):
                    while len(worker.tasks) < _DEPTH:
                        if retry:
                            task = heapq.heappop(retry)
                        elif upcoming is not None and upcoming[0] < next_out + _WINDOW:
                            task, upcoming = upcoming, next(source, None)
                        else:
                            break
                        worker.give(*task)
                if len(workers) < self.processes and (retry or upcoming is not None):
                    workers.append(_Worker(self.context, self.config))
                    continue
                busy = [w for w in workers if w.tasks]
                if not busy:
                    if upcoming is None and not retry:
                        return
                    continue
                self._wait(busy, done, retry)
                for k, worker in enumerate(workers):
                    # A worker that died holding tasks is settled by the next _wait (its sentinel is ready).
                    if worker.connection.closed or (not worker.tasks and not worker.process.is_alive()):
                        workers[k] = _Worker(self.context, self.config)
        finally:
            for worker in workers:
                worker.stop()

    @staticmethod
    def _idle_first(workers: list[_Worker]) -> list[_Worker]:
        return sorted(workers, key=lambda w: len(w.tasks))

    def _wait(self, busy: list[_Worker], done: dict[int, Result], retry: list[tuple[int, Job]]) -> None:
        """Wait for results, a worker's death, or the first deadline; settle whatever happened."""
        now = time.monotonic()
        limit = None
        if self.timeout is not None:
            limit = max(0.0, min(w.since for w in busy) + self.timeout - now)
        ready = set(wait([w.connection for w in busy] + [w.process.sentinel for w in busy], timeout=limit))
        for worker in busy:
            dead = worker.process.sentinel in ready
            if worker.connection in ready:
                try:  # one message: polling for more costs a select() per file, the parent's main cost
                    self._receive(worker, done)
                except (EOFError, OSError):  # the pipe closed: the worker is dying
                    worker.process.join(5.0)
                    dead = True
            if dead:
                try:  # what it sent before it died is good
                    while worker.tasks and worker.connection.poll():
                        self._receive(worker, done)
                except (EOFError, OSError):
                    pass
                if worker.tasks:
                    worker.process.join()
                    code = worker.process.exitcode
                    how = f"signal {-code}" if code is not None and code < 0 else f"exit status {code}"
                    self._fail(worker, done, retry, f"the worker process died ({how}) while reading this file")
            if (
                self.timeout is not None
                and worker.tasks
                and not worker.connection.closed
                and time.monotonic() - worker.since >= self.timeout
            ):
                self._fail(worker, done, retry, f"stopped after {self.timeout:g} s (--timeout)")

    @staticmethod
    def _receive(worker: _Worker, done: dict[int, Result]) -> None:
        index, found = worker.connection.recv()
        _, job = worker.tasks.pop(0)
        worker.since = time.monotonic()
        done[index] = Result(job=job, **found)

    @staticmethod
    def _fail(worker: _Worker, done: dict[int, Result], retry: list[tuple[int, Job]], why: str) -> None:
        """The head task failed *why*; kill the worker and hand its other tasks out again."""
        worker.kill()
        (index, job), rest = worker.tasks[0], worker.tasks[1:]
        done[index] = Result(job=job, error=f"{job.label}: {why}")
        for task in rest:
            heapq.heappush(retry, task)
        worker.tasks = []


def _warm() -> None:
    """Build the grammar's parser and load the plugin registries before workers are forked."""
    from .grammar import parser
    from .readers import available_readers

    parser()
    available_readers()
