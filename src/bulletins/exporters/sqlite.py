"""The corpus database: one SQLite file for a whole batch (``--to sqlite -o corpus.db``).

Python's own :mod:`sqlite3`, no server. Tables for documents, bulletins, body blocks (with their
breadcrumb and lines), notice elements, credits, attendee groups (``events``) and attendance,
residue, diagnostics and figures, with foreign keys, indexes on the columns people filter by, and an FTS5
``trigram`` full-text index over the body text and the headlines (it needs no Chinese
segmenter). Each input file is written in its own transaction, so an interrupted run keeps every
file it finished, and a re-run skips files whose SHA-256 (and parser version) is unchanged.
The schema and example queries: docs/database.md.
"""

from __future__ import annotations

import json
import queue
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from itertools import count
from pathlib import Path
from typing import ClassVar

from ..errors import ExportError
from ..model import Block, Bulletin, Document, Point, Subhead, iter_blocks
from . import _sqlschema as schema
from .attendance import COLUMNS as ATTENDANCE_COLUMNS
from .attendance import Row, group_line, rows
from .chunks import SEPARATOR, _label, bulletin_date

INDEX_BATCH = 250_000
"""Characters of body text between two full-text index updates during a run (about 200 rmrb files).

FTS5 writes a segment every ``hashsize`` (256 KB) of pending terms whatever the batch, so the
batch size does not change the work (2,000 rmrb files: 2.57, 2.52, 2.49 CPU s with batches of 4
million, 1 million and 250,000 characters); a short batch keeps the writer thread from holding up
the parse for long, and bounds the text a killed run leaves unindexed."""

CHECKPOINT_PAGES = 10_000
"""``PRAGMA wal_autocheckpoint``: WAL pages (4 KiB) between two checkpoints. Each checkpoint
syncs the WAL and the database to disk; at SQLite's default of 1,000 a run over 2,000 rmrb files
made 179 ``fdatasync`` calls, at 10,000 it makes 17. Every committed file is kept either way (the
WAL is synced at each checkpoint and when the run closes the database)."""

QUEUE_FILES = 256
"""Parsed files waiting for the writer thread: enough for the parse to go on while an index batch
runs, few enough to bound the memory they hold."""


def _parser_version() -> str:
    """The version of bulletins that parsed a file (a new version re-parses unchanged files)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("bulletins")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
        return "0.0.0"


def check_sqlite() -> None:
    """Raise :class:`ExportError` when this Python's SQLite lacks FTS5's trigram tokenizer."""
    found = sqlite3.sqlite_version_info
    if found < schema.FTS5_MINIMUM:
        need = ".".join(map(str, schema.FTS5_MINIMUM))
        raise ExportError(
            f"the corpus database needs SQLite {need} or later for FTS5's trigram tokenizer;"
            f" this Python has SQLite {sqlite3.sqlite_version}"
        )


def _blocks(
    blocks: Sequence[Block], crumbs: tuple[str, ...], parent: int | None, depth: int, counter: Iterator[int]
) -> Iterator[tuple[int, int | None, int, Block, str]]:
    """``(position, parent's position, depth, block, breadcrumb)`` depth-first (positions = ``body/N``)."""
    local = crumbs
    for block in blocks:
        position = next(counter)
        yield position, parent, depth, block, SEPARATOR.join(local)
        if isinstance(block, Subhead):
            local = (*crumbs, " ".join(block.text.split()))
        elif isinstance(block, Point):
            yield from _blocks(block.children, (*local, _label(block)), position, depth + 1, counter)


class CorpusDatabase:
    """An open corpus database being added to, one transaction per input file."""

    def __init__(self, target: Path, *, year: int | None = None) -> None:
        """Open *target*, creating the schema when it is a new database.

        *year* completes the attendance rows' dates printed without one when a document, its
        metadata and its file name give none (the batch's ``--year``, as in :func:`bulletins.attendance`).

        Raises:
            ExportError: SQLite is too old for the trigram index, or *target* is not a database
                this exporter wrote (another SQLite file, another schema, not SQLite at all).
        """
        check_sqlite()
        self.target = target
        self.parser = _parser_version()
        self.year = year
        self._pending = 0  # characters written since the full-text indexes were last brought up to date
        self._queue: queue.Queue[tuple[str, str, Sequence[Document]] | None] = queue.Queue(QUEUE_FILES)
        self._thread: threading.Thread | None = None
        self._failure: BaseException | None = None  # what stopped the writer thread
        self._stop = False  # abort: the writer thread drops what is queued
        try:
            # the writer thread uses the connection; never two threads at once (see add, commit, abort)
            self.db = sqlite3.connect(target, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise ExportError(f"{target}: cannot open the database: {exc}") from exc
        try:
            self._prepare()
        except sqlite3.DatabaseError as exc:
            self.db.close()
            raise ExportError(f"{target}: not a bulletins corpus database ({exc})") from exc
        except BaseException:
            self.db.close()
            raise

    def _prepare(self) -> None:
        db = self.db
        db.execute("PRAGMA foreign_keys = ON")
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables:
            self._check(tables)  # before any setting is changed in somebody else's database
            self._add_columns()
        db.execute("PRAGMA journal_mode = WAL")  # readers (datasette) see the last committed file
        db.execute("PRAGMA synchronous = NORMAL")  # durable at checkpoints, consistent always
        db.execute(f"PRAGMA wal_autocheckpoint = {CHECKPOINT_PAGES}")
        if not tables:
            db.execute("BEGIN")
            for statement in _statements(schema.ddl()):
                db.execute(statement)
            db.executemany(
                "INSERT INTO meta (key, value) VALUES (?, ?)",
                [
                    ("schema", schema.SCHEMA),
                    ("writer", self.parser),
                    *((f"{table}_fts_upto", 0) for table, _ in schema.FTS_TABLES),
                ],
            )
            db.execute(f"PRAGMA user_version = {schema.USER_VERSION}")
            db.execute("COMMIT")
        held = db.execute("SELECT source, sha256 FROM files WHERE parser = ?", (self.parser,))
        self._held: dict[str, str] = dict(held.fetchall())

    def _check(self, tables: set[str]) -> None:
        """Raise :class:`ExportError` unless the database holds our schema."""
        db = self.db
        found = None
        if "meta" in tables:
            row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            found = row[0] if row else None
        if found != schema.SCHEMA:
            what = f"schema {found!r}" if found else "no bulletins schema"
            raise ExportError(
                f"{self.target}: not a bulletins corpus database of schema {schema.SCHEMA} ({what});"
                " give another -o file or remove this one"
            )

    def _add_columns(self) -> None:
        """Add the columns this version appends to a table of a database an earlier version wrote.

        Columns are only ever added at the end (_sqlschema's rule), so ``ALTER TABLE … ADD COLUMN``
        brings an older database of the same schema up to date; its files are re-parsed anyway
        (the parser version changed), which fills the new columns.
        """
        db = self.db
        wanted = sqlite3.connect(":memory:")
        try:
            for statement in _statements(schema.ddl()):
                if statement.lstrip().upper().startswith("CREATE TABLE"):
                    wanted.execute(statement)
            for (table,) in wanted.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
                have = {row[1] for row in db.execute(f"PRAGMA table_info({schema.quote(table)})")}
                if not have:
                    continue
                for row in wanted.execute(f"PRAGMA table_info({schema.quote(table)})").fetchall():
                    if row[1] not in have:
                        db.execute(f"ALTER TABLE {schema.quote(table)} ADD COLUMN {schema.quote(row[1])} {row[2]}")
        finally:
            wanted.close()

    def held(self, source: str) -> str | None:
        """The SHA-256 of *source*'s bytes when the database held it, parsed by this version, at opening.

        A re-run skips *source* when its bytes still hash to this (the batch's workers hash them).
        """
        return self._held.get(source)

    def add(self, source: str, sha256: str, documents: Sequence[Document]) -> None:
        """Replace *source*'s rows with *documents*, in one transaction of its own.

        The transaction runs in a writer thread, in the order of the calls, while the caller goes
        on parsing (SQLite leaves Python's lock while it works, so the full-text indexing in
        particular runs beside the parse); :meth:`commit` waits for it.

        Raises:
            sqlite3.Error: Writing an earlier file failed (the files before it are committed).
        """
        if self._failure is not None:
            raise self._failure
        if self._thread is None:
            self._thread = threading.Thread(target=self._write_queued, name="bulletins-sqlite", daemon=True)
            self._thread.start()
        self._queue.put((source, sha256, documents))

    def _write_queued(self) -> None:
        """The writer thread: write each queued file until the end marker; after a failure, drop the rest."""
        while (item := self._queue.get()) is not None:
            if self._failure is None and not self._stop:
                try:
                    self._write(*item)
                except BaseException as exc:  # raised again in the caller's thread by add() or commit()
                    self._failure = exc

    def _join(self) -> None:
        """Wait until the writer thread has written (or, on abort, dropped) everything queued."""
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None

    def _write(self, source: str, sha256: str, documents: Sequence[Document]) -> None:
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("DELETE FROM files WHERE source = ?", (source,))  # cascades to every row it owns
            file_id = db.execute(
                "INSERT INTO files (source, sha256, parser) VALUES (?, ?, ?)", (source, sha256, self.parser)
            ).lastrowid
            for position, document in enumerate(documents):
                self._document(file_id, position, document)
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        self._pending += sum(len(b.text) for d in documents for u in d.bulletins for b in iter_blocks(u.body))
        if self._pending >= INDEX_BATCH:
            self.index()

    def _document(self, file_id: int | None, position: int, document: Document) -> None:
        db = self.db
        source = document.source
        metadata: dict[str, str] = {}
        for item in source.metadata:  # a name given twice keeps both values, one per line
            metadata[item.name] = f"{metadata[item.name]}\n{item.value}" if item.name in metadata else item.value
        document_id = db.execute(
            "INSERT INTO documents (file_id, position, source, sha256, bytes, format, encoding, confidence, script,"
            " metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                file_id,
                position,
                source.name,
                source.sha256,
                source.bytes,
                source.format,
                source.encoding,
                source.confidence,
                source.script,
                json.dumps(metadata, ensure_ascii=False),
            ),
        ).lastrowid
        # bulletin ids are unique in a parsed document (b1, b2 …); were one repeated, its rows go to the last
        bulletin_ids = {b.id: self._bulletin(document_id, index, b) for index, b in enumerate(document.bulletins)}
        self._attendance(document, bulletin_ids)
        db.executemany(
            "INSERT INTO residue (document_id, position, kind, first_line, last_line, text) VALUES (?, ?, ?, ?, ?, ?)",
            [(document_id, k, r.kind, r.lines[0], r.lines[1], r.text) for k, r in enumerate(document.residue)],
        )
        db.executemany(
            "INSERT INTO diagnostics (document_id, position, level, code, line, message) VALUES (?, ?, ?, ?, ?, ?)",
            [(document_id, k, d.level, d.code, d.line, d.message) for k, d in enumerate(document.diagnostics)],
        )
        db.executemany(
            "INSERT INTO figures (document_id, position, line, src, alt, caption) VALUES (?, ?, ?, ?, ?, ?)",
            [(document_id, k, f.line, f.src, f.alt, f.caption) for k, f in enumerate(document.figures)],
        )

    def _bulletin(self, document_id: int | None, position: int, bulletin: Bulletin) -> int | None:
        db = self.db
        headline, dateline, closing, speech = bulletin.headline, bulletin.dateline, bulletin.closing, bulletin.speech
        date = bulletin_date(bulletin)
        date_source = None
        if date is not None:
            date_source = (
                "dateline" if dateline is not None and dateline.date is date
                else "closing" if closing is not None and closing.date is date
                else "speech"
            )  # fmt: skip
        bulletin_id = db.execute(
            "INSERT INTO bulletins (document_id, position, bulletin, first_line, last_line, origin, genre, section,"
            " headline, kicker, title, subtitles, dateline, agency, place, date, date_source, year, month, day,"
            " year_inferred, byline, speaker, addressee, doc_number, issuer, closing_date, document_date,"
            " document_date_source)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                document_id,
                position,
                bulletin.id,
                bulletin.lines[0],
                bulletin.lines[1],
                bulletin.origin,
                bulletin.genre,
                bulletin.section,
                "\n".join(headline.lines) if headline is not None else None,
                headline.kicker if headline is not None else None,
                headline.title if headline is not None else None,
                "\n".join(headline.subtitles) if headline is not None and headline.subtitles else None,
                dateline.text if dateline is not None else None,
                dateline.agency if dateline is not None else None,
                dateline.place if dateline is not None else None,
                date.iso if date is not None else None,
                date_source,
                date.year if date is not None else None,
                date.month if date is not None else None,
                date.day if date is not None else None,
                int(date.year_inferred) if date is not None else None,
                "、".join(bulletin.byline) if bulletin.byline else None,
                speech.speaker if speech is not None else None,
                bulletin.addressee,
                bulletin.doc_number,
                closing.issuer if closing is not None else None,
                closing.date.iso if closing is not None and closing.date is not None else None,
                bulletin.date.iso if bulletin.date is not None else None,
                bulletin.date.source if bulletin.date is not None else None,
            ),
        ).lastrowid
        self._body(bulletin_id, bulletin)
        db.executemany(
            "INSERT INTO notice_elements (bulletin_id, position, kind, first_line, last_line, text)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(bulletin_id, k, e.kind, e.lines[0], e.lines[1], e.text) for k, e in enumerate(bulletin.notice_elements)],
        )
        db.executemany(
            "INSERT INTO credits (bulletin_id, position, role, names, text, line) VALUES (?, ?, ?, ?, ?, ?)",
            [(bulletin_id, k, c.role, "、".join(c.names), c.text, c.line) for k, c in enumerate(bulletin.credits)],
        )
        self._groups(bulletin_id, bulletin)
        return bulletin_id

    def _groups(self, bulletin_id: int | None, bulletin: Bulletin) -> None:
        """The attendee groups as the parser read them, one per sentence and verb (``attendee_groups``)."""
        self.db.executemany(
            'INSERT INTO attendee_groups (bulletin_id, "group", verb, role, names, roles, text, block, start, "end",'
            " line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    bulletin_id,
                    number,
                    group.verb,
                    group.role,
                    "、".join(group.names),
                    json.dumps(list(group.roles), ensure_ascii=False),
                    group.text,
                    group.where.block if group.where is not None else None,
                    group.where.start if group.where is not None else None,
                    group.where.end if group.where is not None else None,
                    group_line(bulletin, group),
                )
                for number, group in enumerate(bulletin.attendees, 1)
            ],
        )

    def _attendance(self, document: Document, bulletin_ids: dict[str, int | None]) -> None:
        """Attendance rows exactly as :func:`bulletins.attendance` gives them, and their ``events``.

        An event is a row group of the attendance table: one bulletin's people at one event with one
        verb (the table's ``group``), with the event's name and date as the table gives them.
        """
        found = rows(document, year=self.year)
        if not found:
            return
        db = self.db
        people: dict[tuple[object, object], list[Row]] = {}
        for row in found:
            people.setdefault((row["bulletin"], row["group"]), []).append(row)
        extras = "".join(", " + schema.quote(c) for c in schema.EVENT_EXTRAS)
        marks = ", ?" * len(schema.EVENT_EXTRAS)
        events: dict[tuple[object, object], int | None] = {}
        for key, members in people.items():
            first = members[0]
            events[key] = db.execute(
                f'INSERT INTO events (bulletin_id, "group", verb, names, line{extras}) VALUES (?, ?, ?, ?, ?{marks})',
                (
                    bulletin_ids[str(first["bulletin"])],
                    first["group"],
                    first["verb"],
                    "、".join(str(r["name"]) for r in members),
                    first["line"],
                    *(first[c] for c in schema.EVENT_EXTRAS),
                ),
            ).lastrowid
        columns = "".join(", " + schema.quote(c) for c in ATTENDANCE_COLUMNS)
        marks = ", ?" * len(ATTENDANCE_COLUMNS)
        db.executemany(
            f"INSERT INTO attendance (bulletin_id, event_id{columns}) VALUES (?, ?{marks})",
            [
                (
                    bulletin_ids[str(row["bulletin"])],
                    events[(row["bulletin"], row["group"])],
                    *(row[c] for c in ATTENDANCE_COLUMNS),
                )
                for row in found
            ],
        )

    def _body(self, bulletin_id: int | None, bulletin: Bulletin) -> None:
        title = bulletin.headline.title if bulletin.headline is not None else None
        rows = []
        for position, parent, depth, block, crumbs in _blocks(
            bulletin.body, (title,) if title else (), None, 0, count()
        ):
            point = block if isinstance(block, Point) else None
            rows.append(
                (
                    bulletin_id,
                    position,
                    parent,
                    depth,
                    block.type,
                    point.marker if point else None,
                    point.style if point else None,
                    point.level if point else None,
                    point.number if point else None,
                    block.lines[0],
                    block.lines[1],
                    crumbs,
                    block.text,
                )
            )
        self.db.executemany(
            "INSERT INTO blocks (bulletin_id, position, parent, depth, type, marker, style, level, number,"
            " first_line, last_line, breadcrumb, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )

    def index(self) -> None:
        """Add the rows not yet indexed to the full-text indexes, in one transaction.

        Called by :meth:`add` every :data:`INDEX_BATCH` characters (with ``--jobs`` this runs
        while the workers parse) and by :meth:`commit`.
        """
        self._pending = 0
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            for table, column in schema.FTS_TABLES:
                key = f"{table}_fts_upto"
                (upto,) = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
                db.execute(
                    f"INSERT INTO {table}_fts(rowid, {column}) SELECT id, {column} FROM {table} WHERE id > ?", (upto,)
                )
                db.execute(f"UPDATE meta SET value = (SELECT coalesce(max(id), 0) FROM {table}) WHERE key = ?", (key,))
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    def commit(self) -> None:
        """Finish: write what is queued, bring the full-text indexes up to date, close.

        Then the indexes people filter by are created (a new database gets them now) and SQLite
        refreshes its statistics.

        Raises:
            sqlite3.Error: Writing a file failed (the files before it are committed).
        """
        try:
            self._join()
            if self._failure is not None:
                raise self._failure
            self.index()
            db = self.db
            db.execute("BEGIN IMMEDIATE")
            for statement in schema.filter_indexes():
                db.execute(statement)
            db.execute("COMMIT")
            db.execute("PRAGMA optimize")
        finally:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            self.db.close()

    def abort(self) -> None:
        """Stop: finish the file being written, drop those still queued, close; every file committed stays."""
        self._stop = True
        self._join()
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")
        self.db.close()


def _statements(script: str) -> Iterator[str]:
    """Split *script* into complete statements (trigger bodies hold semicolons)."""
    current = ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            if current.strip():
                yield current.strip()
            current = ""
    if current.strip():
        yield current.strip()


class SqliteExporter:
    """The corpus database: one SQLite file for a whole batch (``--to sqlite -o corpus.db``)."""

    name: ClassVar[str] = "sqlite"
    suffix: ClassVar[str] = ".db"
    collection_suffixes: ClassVar[tuple[str, ...]] = (".db", ".sqlite", ".sqlite3")
    batch_only: ClassVar[bool] = True
    """Writes one output for a batch only: ``--to all`` leaves it out."""

    def export(self, document: Document) -> str:
        """Refuse: a database is written for a batch, to a file.

        Raises:
            ExportError: Always; the message says to give ``-o FILE.db``.
        """
        raise ExportError(
            "the sqlite exporter writes one database for a whole batch: give -o FILE.db (or .sqlite, .sqlite3)"
        )

    def open_collection(self, target: Path, *, year: int | None = None) -> CorpusDatabase:
        """Open (or create) the corpus database *target*; see :class:`CorpusDatabase` (*year*: ``--year``)."""
        return CorpusDatabase(target, year=year)
