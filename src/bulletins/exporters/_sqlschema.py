"""The corpus database's schema (``--to sqlite``): tables, indexes, the full-text index and its triggers.

docs/database.md documents every table; change both together, and bump :data:`SCHEMA` when a
column is renamed or dropped (adding a table or a column at the end is compatible).
"""

from __future__ import annotations

from ..exporters.attendance import COLUMNS as ATTENDANCE_COLUMNS

SCHEMA = "bulletins-sqlite/1"
"""Identifier of the layout written by this version (``meta`` table, key ``schema``)."""

USER_VERSION = 1
"""``PRAGMA user_version`` of the layout."""

HASHSIZE = 256 * 1024
"""FTS5 ``hashsize``: memory for pending terms before they are written out as a segment.

With ``automerge`` off, a small buffer is cheapest: its terms stay in the processor's cache and
each segment is sorted in a short time; FTS5's crisis merge keeps the number of segments in
bounds. Measured on 2,000 rmrb files indexed in one go (2.7 million characters, CPU seconds, best
of three): 64 KB 1.86, 128 KB 1.82, 256 KB 1.84, 1 MB 2.19, 64 MB 3.90 (docs/database.md)."""

FTS5_MINIMUM = (3, 34, 0)
"""SQLite release that brought FTS5's ``trigram`` tokenizer (full text search without a segmenter)."""

_INTEGERS = {"group", "position", "line"}
EVENT_EXTRAS: tuple[str, ...] = tuple(
    c for c in ("event", "event_date", "date_source", "year_source") if c in ATTENDANCE_COLUMNS
)
"""Attendance columns that describe the event rather than the person, copied onto ``events`` when present."""


def quote(name: str) -> str:
    """Quote an SQL identifier (``group`` is a keyword)."""
    return '"' + name.replace('"', '""') + '"'


def _attendance_table() -> str:
    columns = ",\n  ".join(f"{quote(c)}{' INTEGER' if c in _INTEGERS else ''}" for c in ATTENDANCE_COLUMNS)
    return f"""
CREATE TABLE attendance (
  id INTEGER PRIMARY KEY,
  bulletin_id INTEGER NOT NULL REFERENCES bulletins(id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  {columns}
);
CREATE INDEX attendance_bulletin ON attendance(bulletin_id);
CREATE INDEX attendance_event ON attendance(event_id);
"""


def _events_table() -> str:
    extras = "".join(f",\n  {quote(c)}" for c in EVENT_EXTRAS)
    return f"""
CREATE TABLE attendee_groups (
  id INTEGER PRIMARY KEY,
  bulletin_id INTEGER NOT NULL REFERENCES bulletins(id) ON DELETE CASCADE,
  "group" INTEGER NOT NULL,
  verb TEXT NOT NULL,
  role TEXT,
  names TEXT NOT NULL,
  roles TEXT NOT NULL,
  text TEXT NOT NULL,
  block TEXT,
  start INTEGER,
  "end" INTEGER,
  line INTEGER,
  UNIQUE (bulletin_id, "group")
);
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  bulletin_id INTEGER NOT NULL REFERENCES bulletins(id) ON DELETE CASCADE,
  "group" INTEGER NOT NULL,
  verb TEXT NOT NULL,
  names TEXT NOT NULL,
  line INTEGER{extras},
  UNIQUE (bulletin_id, "group")
);
"""


def _fts(table: str, column: str) -> str:
    """An external-content FTS5 index over *table*.*column* (datasette finds it by name and ``content=``).

    Rows are indexed in bulk when a run finishes (:meth:`CorpusDatabase.commit`), up to the id
    kept in ``meta`` under ``<table>_fts_upto``: one large insert costs a third less than a trigger
    per row with a commit per file, and a 64 MB pending-terms buffer (``hashsize``, 1 MB by default)
    another third: fewer, larger segments to merge. ``automerge`` is off: each batch's segment stays
    as written (FTS5's crisis merge still bounds their number), which saved a sixth of the indexing
    time on 3,000 rmrb files with phrase queries as fast (0.7 ms). The triggers keep the index right
    when indexed rows are deleted or changed, by a replaced file or by hand.
    """
    indexed = f"old.id <= (SELECT value FROM meta WHERE key = '{table}_fts_upto')"
    return f"""
CREATE VIRTUAL TABLE {table}_fts USING fts5({column}, content='{table}', content_rowid='id', tokenize='trigram');
INSERT INTO {table}_fts({table}_fts, rank) VALUES ('hashsize', {HASHSIZE});
INSERT INTO {table}_fts({table}_fts, rank) VALUES ('automerge', 0);
CREATE TRIGGER {table}_fts_delete AFTER DELETE ON {table} WHEN {indexed} BEGIN
  INSERT INTO {table}_fts({table}_fts, rowid, {column}) VALUES ('delete', old.id, old.{column});
END;
CREATE TRIGGER {table}_fts_update AFTER UPDATE ON {table} WHEN {indexed} BEGIN
  INSERT INTO {table}_fts({table}_fts, rowid, {column}) VALUES ('delete', old.id, old.{column});
  INSERT INTO {table}_fts(rowid, {column}) VALUES (new.id, new.{column});
END;
"""


FILTER_INDEXES: tuple[tuple[str, str], ...] = (
    ("attendance_name", "attendance(name)"),
    ("attendance_date", "attendance(date)"),
    ("attendance_verb", "attendance(verb)"),
    ("attendee_groups_verb", "attendee_groups(verb)"),
    ("events_verb", "events(verb)"),
    ("documents_format", "documents(format)"),
    ("bulletins_genre", "bulletins(genre)"),
    ("bulletins_date", "bulletins(date)"),
    ("bulletins_year", "bulletins(year, month, day)"),
    ("bulletins_doc_number", "bulletins(doc_number)"),
    ("bulletins_issuer", "bulletins(issuer)"),
    ("bulletins_agency", "bulletins(agency)"),
    ("bulletins_title", "bulletins(title)"),
    ("blocks_type", "blocks(type)"),
    ("notice_elements_kind", "notice_elements(kind)"),
    ("credits_role", "credits(role)"),
    ("diagnostics_code", "diagnostics(code)"),
) + (
    (("events_event_date", "events(event_date)"), ("attendance_event_date", "attendance(event_date)"))
    if "event_date" in EVENT_EXTRAS
    else ()
)
"""The indexes on the columns people filter by: ``(name, table(columns))``.

They serve queries only (the links' indexes, which deletes need, are in :func:`ddl`), so a new
database gets them when its first run finishes (:func:`filter_indexes`): one sort per index at
the end costs less than keeping seventeen more B-trees in order while every file is committed, and
each file's transaction then writes fewer pages. After a run that was killed, the next run that
finishes creates them."""


def filter_indexes() -> list[str]:
    """The statements that create the missing :data:`FILTER_INDEXES` (a no-op for those present)."""
    return [f"CREATE INDEX IF NOT EXISTS {name} ON {target}" for name, target in FILTER_INDEXES]


FTS_TABLES: tuple[tuple[str, str], ...] = (("blocks", "text"), ("bulletins", "headline"))
"""The full-text indexed columns: (table, column)."""


def ddl() -> str:
    """Return the statements that create an empty corpus database."""
    return (
        """
CREATE TABLE meta (key TEXT PRIMARY KEY, value NOT NULL);  -- no type: counters stay integers
CREATE TABLE files (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL UNIQUE,
  sha256 TEXT NOT NULL,
  parser TEXT NOT NULL
);
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  source TEXT,
  sha256 TEXT,
  bytes INTEGER NOT NULL,
  format TEXT NOT NULL,
  encoding TEXT NOT NULL,
  confidence REAL NOT NULL,
  script TEXT NOT NULL,
  metadata TEXT NOT NULL,
  UNIQUE (file_id, position)
);
CREATE TABLE bulletins (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  bulletin TEXT NOT NULL,
  first_line INTEGER NOT NULL,
  last_line INTEGER NOT NULL,
  origin TEXT,
  genre TEXT NOT NULL,
  section TEXT,
  headline TEXT,
  kicker TEXT,
  title TEXT,
  subtitles TEXT,
  dateline TEXT,
  agency TEXT,
  place TEXT,
  date TEXT,
  date_source TEXT,
  year INTEGER,
  month INTEGER,
  day INTEGER,
  year_inferred INTEGER,
  byline TEXT,
  speaker TEXT,
  addressee TEXT,
  doc_number TEXT,
  issuer TEXT,
  closing_date TEXT,
  document_date TEXT,
  document_date_source TEXT,
  UNIQUE (document_id, position)
);
CREATE TABLE blocks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  bulletin_id INTEGER NOT NULL REFERENCES bulletins(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  parent INTEGER,
  depth INTEGER NOT NULL,
  type TEXT NOT NULL,
  marker TEXT,
  style TEXT,
  level INTEGER,
  number INTEGER,
  first_line INTEGER NOT NULL,
  last_line INTEGER NOT NULL,
  breadcrumb TEXT NOT NULL,
  text TEXT NOT NULL,
  UNIQUE (bulletin_id, position),
  FOREIGN KEY (bulletin_id, parent) REFERENCES blocks(bulletin_id, position) ON DELETE CASCADE
);
CREATE INDEX blocks_parent ON blocks(bulletin_id, parent);
CREATE TABLE notice_elements (
  id INTEGER PRIMARY KEY,
  bulletin_id INTEGER NOT NULL REFERENCES bulletins(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,
  first_line INTEGER NOT NULL,
  last_line INTEGER NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX notice_elements_bulletin ON notice_elements(bulletin_id);
CREATE TABLE credits (
  id INTEGER PRIMARY KEY,
  bulletin_id INTEGER NOT NULL REFERENCES bulletins(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  role TEXT NOT NULL,
  names TEXT NOT NULL,
  text TEXT NOT NULL,
  line INTEGER NOT NULL
);
CREATE INDEX credits_bulletin ON credits(bulletin_id);
CREATE TABLE residue (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,
  first_line INTEGER NOT NULL,
  last_line INTEGER NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX residue_document ON residue(document_id);
CREATE TABLE diagnostics (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  level TEXT NOT NULL,
  code TEXT NOT NULL,
  line INTEGER,
  message TEXT NOT NULL
);
CREATE INDEX diagnostics_document ON diagnostics(document_id);
CREATE TABLE figures (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  line INTEGER NOT NULL,
  src TEXT,
  alt TEXT,
  caption TEXT
);
CREATE INDEX figures_document ON figures(document_id);
"""
        + _attendance_table()
        + _events_table()
        + "".join(_fts(table, column) for table, column in FTS_TABLES)
    )
