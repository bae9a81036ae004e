"""The corpus database (issue 17 part 5): ``--to sqlite -o corpus.db``, re-runs, interruption, full text, datasette."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bulletins
from bulletins import batch
from bulletins.batch import UNCHANGED, Job
from bulletins.cli import main
from bulletins.errors import ExportError
from bulletins.exporters._sqlschema import FILTER_INDEXES
from bulletins.exporters.attendance import COLUMNS
from bulletins.exporters.sqlite import CorpusDatabase
from bulletins.model import Document, iter_blocks
from tests.conftest import ROOT, SEEDS, missing
from tests.strategies import documents

RMRB = ROOT / "tests" / "fixtures" / "corpus" / "files" / "rmrb"

# Every table with the path that names a row without rowids: (select list, joins), ordered by all.
_FILE = "f.source"
_DOC = f"{_FILE}, d.position"
_BUL = f"{_DOC}, b.position"
_CANONICAL = {
    "files": ("source, sha256, parser", "files"),
    "documents": (
        f"{_DOC}, d.source, d.sha256, d.bytes, d.format, d.encoding, d.confidence, d.script, d.metadata",
        "documents d JOIN files f ON f.id = d.file_id",
    ),
    "bulletins": (
        f"{_BUL}, b.*",
        "bulletins b JOIN documents d ON d.id = b.document_id JOIN files f ON f.id = d.file_id",
    ),
    "blocks": (
        f"{_BUL}, k.position, k.parent, k.depth, k.type, k.marker, k.style, k.level, k.number, k.first_line,"
        " k.last_line, k.breadcrumb, k.text",
        "blocks k JOIN bulletins b ON b.id = k.bulletin_id"
        " JOIN documents d ON d.id = b.document_id JOIN files f ON f.id = d.file_id",
    ),
    "notice_elements": (
        f"{_BUL}, x.position, x.kind, x.first_line, x.last_line, x.text",
        "notice_elements x JOIN bulletins b ON b.id = x.bulletin_id JOIN documents d ON d.id = b.document_id"
        " JOIN files f ON f.id = d.file_id",
    ),
    "credits": (
        f"{_BUL}, x.position, x.role, x.names, x.text, x.line",
        "credits x JOIN bulletins b ON b.id = x.bulletin_id JOIN documents d ON d.id = b.document_id"
        " JOIN files f ON f.id = d.file_id",
    ),
    "attendee_groups": (
        f"{_BUL}, x.*",
        "attendee_groups x JOIN bulletins b ON b.id = x.bulletin_id JOIN documents d ON d.id = b.document_id"
        " JOIN files f ON f.id = d.file_id",
    ),
    "events": (
        f"{_BUL}, x.*",
        "events x JOIN bulletins b ON b.id = x.bulletin_id JOIN documents d ON d.id = b.document_id"
        " JOIN files f ON f.id = d.file_id",
    ),
    "attendance": (
        f'{_BUL}, e."group", x.*',
        "attendance x JOIN events e ON e.id = x.event_id JOIN bulletins b ON b.id = x.bulletin_id"
        " JOIN documents d ON d.id = b.document_id JOIN files f ON f.id = d.file_id",
    ),
    "residue": (
        f"{_DOC}, x.position, x.kind, x.first_line, x.last_line, x.text",
        "residue x JOIN documents d ON d.id = x.document_id JOIN files f ON f.id = d.file_id",
    ),
    "figures": (
        f"{_DOC}, x.position, x.line, x.src, x.alt, x.caption",
        "figures x JOIN documents d ON d.id = x.document_id JOIN files f ON f.id = d.file_id",
    ),
    "diagnostics": (
        f"{_DOC}, x.position, x.level, x.code, x.line, x.message",
        "diagnostics x JOIN documents d ON d.id = x.document_id JOIN files f ON f.id = d.file_id",
    ),
}
_IDS = {"id", "document_id", "bulletin_id", "event_id", "file_id"}


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """A canonical dump: every table's rows named by their path, sorted, rowids left out."""
    out: dict[str, list[tuple[object, ...]]] = {}
    with sqlite3.connect(path) as db:
        for table, (columns, joins) in _CANONICAL.items():
            cursor = db.execute(f"SELECT {columns} FROM {joins}")
            names = [c[0] for c in cursor.description]
            keep = [k for k, name in enumerate(names) if name not in _IDS]
            out[table] = sorted((tuple(row[k] for k in keep) for row in cursor), key=repr)
        # the full-text index answers as the table does
        out["fts"] = sorted(
            db.execute(
                "SELECT f.source, b.position, k.position FROM blocks_fts JOIN blocks k ON k.id = blocks_fts.rowid"
                " JOIN bulletins b ON b.id = k.bulletin_id JOIN documents d ON d.id = b.document_id"
                " JOIN files f ON f.id = d.file_id WHERE blocks_fts MATCH '\"习近平\"'"
            )
        )
        # the same indexes (those people filter by are created when a run finishes)
        out["indexes"] = sorted(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'"))
        db.execute("INSERT INTO blocks_fts(blocks_fts) VALUES ('integrity-check')")
        db.execute("INSERT INTO bulletins_fts(bulletins_fts) VALUES ('integrity-check')")
    return out


def build(folder: Path, target: Path, *extra: str) -> int:
    return main(["parse", str(folder), "--to", "sqlite", "-o", str(target), "-q", *extra])


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("db") / "corpus.db"
    assert build(SEEDS, target) == 0
    return target


def query(path: Path, sql: str, *args: object) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as db:
        return db.execute(sql, args).fetchall()


def count(path: Path, sql: str, *args: object) -> int:
    """The first column of the first row a ``SELECT count(*)`` returns."""
    n = query(path, sql, *args)[0][0]
    assert isinstance(n, int)
    return n


def pairs(path: Path, sql: str, *args: object) -> dict[object, object]:
    """The rows of a two-column SELECT as a dict, first column to second."""
    found: dict[object, object] = {}
    for key, value in query(path, sql, *args):  # unpacking: a row of any other width fails, as in dict()
        found[key] = value
    return found


def test_tables_hold_every_document(seed_db: Path, seed_documents: dict[str, Document]) -> None:
    docs = list(seed_documents.values())
    assert query(seed_db, "SELECT source FROM files ORDER BY source") == [(name,) for name in sorted(seed_documents)]
    assert query(seed_db, "SELECT count(*) FROM bulletins") == [(sum(len(d.bulletins) for d in docs),)]
    blocks = [block for d in docs for b in d.bulletins for block in iter_blocks(b.body)]
    assert sorted(query(seed_db, "SELECT type, first_line, text FROM blocks"), key=repr) == sorted(
        ((k.type, k.lines[0], k.text) for k in blocks), key=repr
    )
    assert query(seed_db, "SELECT count(*) FROM residue") == [(sum(len(d.residue) for d in docs),)]
    assert query(seed_db, "SELECT count(*) FROM diagnostics") == [(sum(len(d.diagnostics) for d in docs),)]
    assert query(seed_db, "SELECT count(*) FROM credits") == [(sum(len(b.credits) for d in docs for b in d.bulletins),)]
    groups = sum(len(b.attendees) for d in docs for b in d.bulletins)
    assert query(seed_db, "SELECT count(*) FROM attendee_groups") == [(groups,)]
    people = bulletins.attendance(docs)
    events = {(r["source"], r["bulletin"], r["group"]) for r in people}
    assert query(seed_db, "SELECT count(*) FROM events") == [(len(events),)]
    # every attendance row points at the event of its own bulletin and group
    wrong = 'SELECT count(*) FROM attendance a JOIN events e ON e.id = a.event_id WHERE e.bulletin_id != a.bulletin_id OR e."group" != a."group"'
    assert query(seed_db, wrong) == [(0,)]
    # attendance rows exactly as bulletins.attendance gives them, in the same order
    columns = ", ".join(f'"{c}"' for c in COLUMNS)
    stored = query(seed_db, f"SELECT {columns} FROM attendance ORDER BY id")
    assert stored == [tuple(row[c] for c in COLUMNS) for row in bulletins.attendance(docs)]
    assert query(seed_db, "PRAGMA foreign_key_check") == []
    assert query(seed_db, "PRAGMA integrity_check") == [("ok",)]


def test_bulletin_row_read_from_seed_002(seed_db: Path) -> None:
    # seed 002 lines 1-32: the notice, closed by 党委办公室 / 2020年2月9日
    rows = query(
        seed_db,
        "SELECT b.bulletin, b.genre, b.title, b.date, b.date_source, b.issuer, b.closing_date FROM bulletins b"
        " JOIN documents d ON d.id = b.document_id WHERE d.source = ? AND b.position = 0",
        "002_58afc2a1a6f5e462.txt",
    )
    assert rows == [
        (
            "b1",
            "notice",
            "关于召开院党委理论学习中心组第二次（扩大）学习的通知",
            "2020-02-09",
            "closing",
            "党委办公室",
            "2020-02-09",
        )
    ]
    crumbs = query(
        seed_db,
        "SELECT k.marker, k.text, k.breadcrumb, p.marker FROM blocks k JOIN blocks p ON (p.bulletin_id, p.position) = (k.bulletin_id, k.parent)"
        " JOIN bulletins b ON b.id = k.bulletin_id JOIN documents d ON d.id = b.document_id"
        " WHERE d.source = ? AND b.position = 0 AND k.first_line = 13",
        "002_58afc2a1a6f5e462.txt",
    )
    title = "关于召开院党委理论学习中心组第二次（扩大）学习的通知"
    assert crumbs == [
        ("1.", "习近平在十九届中央纪委四次全会上发表重要讲话；", f"{title} › 四、学习内容 › （一）学习内容", "（一）")
    ]


def test_full_text_phrase_matches_like(seed_db: Path) -> None:
    phrase = "国务院联防联控"
    fts = query(seed_db, "SELECT rowid FROM blocks_fts WHERE blocks_fts MATCH ? ORDER BY rowid", f'"{phrase}"')
    like = query(seed_db, "SELECT id FROM blocks WHERE text LIKE ? ORDER BY id", f"%{phrase}%")
    assert fts == like
    assert len(fts) >= 2
    headline = query(seed_db, "SELECT rowid FROM bulletins_fts WHERE bulletins_fts MATCH ?", '"专精特新"')
    assert len(headline) == 1
    # a trigram index cannot answer a phrase shorter than three characters: LIKE does (docs/database.md)
    assert query(seed_db, "SELECT count(*) FROM blocks_fts WHERE blocks_fts MATCH ?", '"疫情"') == [(0,)]
    assert count(seed_db, "SELECT count(*) FROM blocks WHERE text LIKE '%疫情%'") > 0


def test_rerun_skips_unchanged_and_replaces_changed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    target = tmp_path / "corpus.db"
    assert build(folder, target) == 0
    first = dump(target)
    ids = pairs(target, "SELECT source, id FROM files")
    capsys.readouterr()
    assert main(["parse", str(folder), "--to", "sqlite", "-o", str(target)]) == 0
    assert "0 files parsed, 5 unchanged since the last run (skipped)" in capsys.readouterr().err
    assert dump(target) == first
    # change one file: only it is parsed again, the others keep their rows
    changed = folder / "003_eb6abe27dfbda830.txt"
    changed.write_bytes(changed.read_bytes().replace("朔州市".encode(), "大同市".encode()))
    assert main(["parse", str(folder), "--to", "sqlite", "-o", str(target)]) == 0
    assert "1 file parsed, 4 unchanged" in capsys.readouterr().err
    after = pairs(target, "SELECT source, id FROM files")
    assert {k: v for k, v in after.items() if k != changed.name} == {k: v for k, v in ids.items() if k != changed.name}
    assert query(target, "SELECT count(*) FROM blocks WHERE text LIKE '%朔州市%'") == [(0,)]
    assert count(target, "SELECT count(*) FROM blocks_fts WHERE blocks_fts MATCH '\"大同市\"'") > 0
    fresh = tmp_path / "fresh.db"
    assert build(folder, fresh) == 0
    assert dump(target) == dump(fresh)
    # a new parser version parses unchanged files again
    with sqlite3.connect(target) as db:
        db.execute("UPDATE files SET parser = '0.0.0-old'")
    assert main(["parse", str(folder), "--to", "sqlite", "-o", str(target)]) == 0
    assert "5 files parsed" in capsys.readouterr().err
    assert dump(target) == dump(fresh)


def test_deleting_a_file_row_cascades(tmp_path: Path) -> None:
    target = tmp_path / "corpus.db"
    assert build(SEEDS, target) == 0
    with sqlite3.connect(target) as db:
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("DELETE FROM files")
        tables = ("documents", "bulletins", "blocks", "events", "attendee_groups", "attendance", "credits", "residue")
        for table in (*tables, "diagnostics"):
            assert db.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,), table
        assert db.execute("SELECT count(*) FROM blocks_fts WHERE blocks_fts MATCH '\"习近平\"'").fetchone() == (0,)


def test_killed_half_way_then_rerun_equals_one_run(tmp_path: Path) -> None:
    target = tmp_path / "killed.db"
    total = len(list(RMRB.rglob("*.txt")))
    process = subprocess.Popen(
        [sys.executable, "-m", "bulletins", "parse", str(RMRB), "--to", "sqlite", "-o", str(target), "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    committed = 0
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            if target.exists():
                try:
                    with sqlite3.connect(f"file:{target}?mode=ro", uri=True, timeout=0.2) as db:
                        committed = db.execute("SELECT count(*) FROM files").fetchone()[0]
                except sqlite3.OperationalError:  # schema not created yet, or busy
                    committed = 0
            if committed >= 20:
                break
            time.sleep(0.02)
        assert process.poll() is None, "the run finished before it could be killed"
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.wait()
    with sqlite3.connect(target) as db:
        kept = db.execute("SELECT count(*) FROM files").fetchone()[0]
    assert 20 <= kept < total  # every committed file survived the kill, and the run was cut short
    assert build(RMRB, target) == 0
    whole = tmp_path / "whole.db"
    assert build(RMRB, whole) == 0
    assert query(whole, "SELECT count(*) FROM files") == [(total,)]
    assert dump(target) == dump(whole)


def test_parallel_jobs_build_the_same_database(tmp_path: Path, seed_db: Path) -> None:
    target = tmp_path / "jobs.db"
    assert build(SEEDS, target, "--jobs", "2") == 0
    assert dump(target) == dump(seed_db)


def test_not_a_corpus_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    assert build(SEEDS, junk) == 1
    err = capsys.readouterr().err
    assert "junk.db" in err and "not a bulletins corpus database" in err and "Traceback" not in err
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    with pytest.raises(ExportError, match="not a bulletins corpus database"):
        CorpusDatabase(other)
    assert query(other, "SELECT name FROM sqlite_master") == [("t",)]  # left as it was
    assert query(other, "PRAGMA journal_mode") == [("delete",)]


def test_export_without_a_database_file_says_how(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ExportError, match=r"-o FILE\.db"):
        bulletins.export(bulletins.parse("标题\n\n正文。"), "sqlite")
    assert main(["parse", str(SEEDS / "002_58afc2a1a6f5e462.txt"), "--to", "sqlite"]) == 1
    assert "-o FILE.db" in capsys.readouterr().err


def test_old_sqlite_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sqlite3, "sqlite_version_info", (3, 31, 1))
    monkeypatch.setattr(sqlite3, "sqlite_version", "3.31.1")
    with pytest.raises(ExportError, match=r"SQLite 3\.34\.0 or later .* this Python has SQLite 3\.31\.1"):
        CorpusDatabase(tmp_path / "x.db")


# --- datasette in headless Chromium ---------------------------------------------------------


def _need(what: str, found: str | None, how: str) -> str:
    if found is None:
        missing(what, how)
    assert found is not None  # missing() skips or fails
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def datasette(seed_db: Path) -> Iterator[str]:
    """Serve the seed database with datasette on loopback; yield its base URL."""
    program = _need("datasette", shutil.which("datasette"), "pip install 'bulletins[datasette]'")
    port = _free_port()
    process = subprocess.Popen(
        [program, "serve", str(seed_db), "--port", str(port), "-h", "127.0.0.1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/-/versions.json", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"datasette did not start: {process.stderr.read()!r}") from None  # type: ignore[union-attr]
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_datasette_shows_the_corpus_in_chromium(datasette: str) -> None:
    chromium = _need(
        "chromium",
        os.environ.get("BULLETINS_CHROMIUM")
        or next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None),
        "apt-get install chromium fonts-noto-cjk",
    )

    def page(path: str) -> str:
        with tempfile.TemporaryDirectory() as profile:
            result = subprocess.run(
                [
                    chromium,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-first-run",
                    "--disable-background-networking",
                    f"--user-data-dir={profile}",
                    "--dump-dom",
                    datasette + path,
                ],
                capture_output=True,
                text=True,
                timeout=90,
                check=False,
            )
        assert result.returncode == 0, result.stderr[-2000:]
        return result.stdout

    table = page("/corpus/bulletins")
    assert "关于召开院党委理论学习中心组第二次（扩大）学习的通知" in table  # seed 002's headline, read in the file
    # the full-text index is found by datasette: a search box, and a Chinese phrase answers
    search = page("/corpus/blocks?_search=%E5%9B%BD%E5%8A%A1%E9%99%A2%E8%81%94%E9%98%B2%E8%81%94%E6%8E%A7")
    assert "_search" in table or "_search" in search
    assert "国务院联防联控" in search
    assert "0 rows" not in search


def test_every_query_in_the_docs_runs(seed_db: Path) -> None:
    page = (ROOT / "docs" / "database.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sql\n(.*?)```", page, flags=re.DOTALL)
    assert len(blocks) >= 7
    with sqlite3.connect(seed_db) as db:
        for sql in blocks:
            db.execute(sql).fetchall()
        # question 1 on the seeds: seed 002 line 192-193, 习近平 chairs on 2月5日 (of 2020, the notice's year),
        # 李克强、栗战书、王沪宁出席会议
        found = db.execute(blocks[2]).fetchall()
        assert [r[5] for r in found if r[0] == "2020-02-05"] == ["李克强", "栗战书", "王沪宁"]
        # question 5 on the seeds: 李克强 attends with 王沪宁 and 韩正 (seed 000 b1, line 7 of the file)
        found = db.execute(blocks[-1]).fetchall()
        assert {"王沪宁", "韩正"} <= {name for name, _, _ in found}


NOTICE = """关于做好春季农业生产工作的通知

各省、自治区、直辖市人民政府：
为贯彻落实《国务院办公厅关于加强农业生产的通知》（国办发〔2019〕3号），现就有关事项通知如下。
一、加强组织领导
各地要高度重视。
二、做好物资保障
各地要确保供应。

国务院办公厅
2019年3月1日
"""


def test_question_two_finds_a_citing_notice(tmp_path: Path) -> None:
    page = (ROOT / "docs" / "database.md").read_text(encoding="utf-8")
    question = re.findall(r"```sql\n(.*?)```", page, flags=re.DOTALL)[3]
    assert "国办发〔2019〕3号" in question
    database = CorpusDatabase(tmp_path / "n.db")
    database.add("notice.txt", "0" * 64, [bulletins.parse(NOTICE, source="notice.txt")])
    database.add("seed.txt", "1" * 64, [bulletins.parse_file(SEEDS / "002_58afc2a1a6f5e462.txt")])
    database.commit()
    assert query(tmp_path / "n.db", question) == [
        ("关于做好春季农业生产工作的通知", None, "国务院办公厅", "2019-03-01")
    ]


def test_indexing_in_batches_during_the_run_gives_the_same_database(
    tmp_path: Path, seed_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bulletins.exporters.sqlite.INDEX_BATCH", 1)  # index after every file
    target = tmp_path / "batches.db"
    assert build(SEEDS, target) == 0
    assert dump(target) == dump(seed_db)
    assert query(target, "SELECT value FROM meta WHERE key = 'blocks_fts_upto'") == query(
        target, "SELECT max(id) FROM blocks"
    )


@settings(max_examples=25)  # each example creates a database on disk (and the profile's 300 took minutes)
@given(st.lists(documents(), min_size=1, max_size=3))
def test_any_document_goes_in_whole(docs: list[Document]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "any.db"
        database = CorpusDatabase(target)
        database.add("a.txt", "0" * 64, docs)
        database.add("a.txt", "1" * 64, docs)  # replaced, not doubled
        database.commit()
        blocks = [k for d in docs for b in d.bulletins for k in iter_blocks(b.body)]
        assert query(target, "SELECT text FROM blocks ORDER BY id") == [(k.text,) for k in blocks]
        assert query(target, "SELECT count(*) FROM bulletins") == [(sum(len(d.bulletins) for d in docs),)]
        assert query(target, "SELECT count(*) FROM attendance") == [(len(bulletins.attendance(docs)),)]
        assert query(target, "SELECT count(*) FROM files") == [(1,)]
        assert query(target, "SELECT count(*) FROM figures") == [(sum(len(d.figures) for d in docs),)]
        assert query(target, "PRAGMA foreign_key_check") == []
        dump(target)  # the full-text indexes pass their integrity check


def test_o_file_db_without_to_writes_the_corpus_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # `-o corpus.db` alone wrote a JSON folder named corpus.db; the suffix names the database.
    target = tmp_path / "corpus.db"
    assert main(["parse", str(SEEDS), "-o", str(target), "-q"]) == 0
    assert target.is_file()
    with sqlite3.connect(target) as db:
        assert db.execute("SELECT count(*) FROM bulletins").fetchone()[0] == 48
    assert main(["parse", str(SEEDS / "001_cb1989d8750bc7f6.txt"), "-o", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out").is_dir()  # any other -o is still a folder of JSON files


def test_a_finished_run_has_every_filter_index(seed_db: Path) -> None:
    names = {name for (name,) in query(seed_db, "SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {name for name, _ in FILTER_INDEXES} <= names
    plan = query(seed_db, "EXPLAIN QUERY PLAN SELECT * FROM attendance WHERE name = '李克强'")
    assert any("attendance_name" in str(step) for step in plan)


def test_the_batch_year_reaches_the_attendance_rows(tmp_path: Path) -> None:
    # A digest with no dateline: its items' 9月1日 get a year only from --year (docs/attendance.md).
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "digest.txt").write_text(
        "有关会议精神\n\n一、9月1日，全省疫情防控工作电视电话会议在广州召开\n"
        "9月1日，全省疫情防控工作电视电话会议在广州召开。省领导林克庆、张福海参加会议。\n",
        encoding="utf-8",
    )
    for year, expected in ((None, ("--09-01", None)), ("2022", ("2022-09-01", "option"))):
        target = tmp_path / f"corpus-{year}.db"
        assert build(tmp_path / "in", target, *(["--year", year] if year else [])) == 0
        sql = "SELECT name, event_date, year_source FROM attendance ORDER BY id"
        assert query(target, sql) == [("林克庆", *expected), ("张福海", *expected)]
        assert query(target, "SELECT DISTINCT event_date, year_source FROM events") == [expected]


def test_unchanged_inputs_are_hashed_by_the_worker_that_reads_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The parent read every input once more to hash it before the run; now only the reading worker does.
    data = (SEEDS / "001_cb1989d8750bc7f6.txt").read_bytes()
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    job = Job(label="a.txt", name="a.txt", path=path, stem=Path("a"), held=hashlib.sha256(data).hexdigest())
    config = batch._Config(formats=(), options={}, parse_options={}, collect=True, output=None, protected=())

    def no_parse(*args: object, **kwargs: object) -> object:
        raise AssertionError("an unchanged input was parsed")

    monkeypatch.setattr(batch, "parse_many", no_parse)
    result = batch._work(job, config)
    assert (result.skipped, result.sha256, result.size) == (UNCHANGED, job.held, len(data))
    monkeypatch.undo()
    changed = batch._work(attrs.evolve(job, held="0" * 64), config)
    assert changed.skipped is None and changed.error is None and changed.documents
    # the CLI's parent process never reads an input to hash it
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    target = tmp_path / "corpus.db"
    assert build(folder, target) == 0
    reads: list[str] = []
    real = Path.read_bytes

    def counted(self: Path) -> bytes:
        reads.append(self.name)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", counted)  # in this process: the parent (workers are forked)
    capsys.readouterr()
    assert main(["parse", str(folder), "--to", "sqlite", "-o", str(target)]) == 0
    assert "0 files parsed, 5 unchanged since the last run (skipped)" in capsys.readouterr().err
    assert reads == []  # the parent read none of them: the workers read and hashed each once


def test_a_failed_write_stops_the_run_and_keeps_the_files_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Files are written by a thread: its failure must reach the caller, never pass in silence.
    docs = {p.name: list(bulletins.parse_many(p.read_bytes(), source=p.name)) for p in sorted(SEEDS.glob("*.txt"))}
    names = list(docs)
    real = CorpusDatabase._document

    def failing(self: CorpusDatabase, file_id: int | None, position: int, document: Document) -> None:
        if document.source.name == names[2]:
            raise sqlite3.OperationalError("disk I/O error")
        real(self, file_id, position, document)

    monkeypatch.setattr(CorpusDatabase, "_document", failing)
    target = tmp_path / "failed.db"
    database = CorpusDatabase(target)

    def write_all() -> None:
        for name in names:
            database.add(name, "0" * 64, docs[name])  # raises here once the thread has failed
        database.commit()  # or here

    with pytest.raises(sqlite3.OperationalError, match="disk I/O error"):
        write_all()
    assert query(target, "SELECT source FROM files ORDER BY id") == [(names[0],), (names[1],)]
    assert query(target, "PRAGMA foreign_key_check") == []


def test_abort_finishes_the_file_being_written_and_drops_the_queued(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = {p.name: list(bulletins.parse_many(p.read_bytes(), source=p.name)) for p in sorted(SEEDS.glob("*.txt"))}
    names = list(docs)
    real = CorpusDatabase._write
    started = threading.Event()

    def slow(self: CorpusDatabase, source: str, sha256: str, documents: list[Document]) -> None:
        started.set()
        while not self._stop:  # the first file is still being written when abort() comes
            time.sleep(0.001)
        real(self, source, sha256, documents)

    monkeypatch.setattr(CorpusDatabase, "_write", slow)
    target = tmp_path / "aborted.db"
    database = CorpusDatabase(target)
    for name in names:
        database.add(name, "0" * 64, docs[name])
    assert started.wait(10)
    database.abort()
    assert query(target, "SELECT source FROM files") == [(names[0],)]
    assert query(target, "SELECT count(*) FROM bulletins")[0][0] == len(docs[names[0]][0].bulletins)


def test_a_database_of_an_earlier_version_gains_the_columns_added_since(tmp_path: Path, seed_db: Path) -> None:
    # Columns are only added at the end (the bulletin's own date, issue 15): an earlier version's
    # database of the same schema gets them, and re-parsing its files (the parser changed) fills them.
    target = tmp_path / "corpus.db"
    shutil.copyfile(seed_db, target)
    with sqlite3.connect(target) as db:
        db.execute("ALTER TABLE bulletins DROP COLUMN document_date_source")
        db.execute("ALTER TABLE bulletins DROP COLUMN document_date")
        db.execute('ALTER TABLE attendance DROP COLUMN "document_date_source"')
        db.execute("UPDATE files SET parser = '0.0.0-old'")
    assert main(["parse", str(SEEDS), "--to", "sqlite", "-o", str(target), "-q"]) == 0
    assert query(
        target, "SELECT document_date, document_date_source FROM bulletins WHERE document_date_source = 'closing'"
    )
    assert dump(target) == dump(seed_db)


def test_the_bulletin_date_is_stored(seed_db: Path) -> None:
    # seed 002's notice: closed by 2020年2月9日 (a 落款), its own date.
    rows = query(seed_db, "SELECT document_date, document_date_source FROM bulletins WHERE closing_date = '2020-02-09'")
    assert ("2020-02-09", "closing") in rows
