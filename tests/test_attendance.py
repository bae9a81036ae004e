"""The built-in attendance table, checked against structure decided by reading the seeds."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

import bulletins
from bulletins import cli
from bulletins.cleaners import clean
from bulletins.cli import main
from bulletins.decode import decode
from bulletins.exporters.attendance import COLUMNS
from bulletins.model import Document
from tests.conftest import SEEDS
from tests.fixtures.seeds_expected import ATTENDEES, GENRES
from tests.fixtures.seeds_expected import SEEDS as EXPECTED

SEED = "000_2d494656d95ed764.txt"


def _expected_rows(seed: str) -> list[dict[str, object]]:
    """The table as the fixtures (written by reading the seed) say it must be, row by row."""
    rows: list[dict[str, object]] = []
    for index, groups in sorted(ATTENDEES[seed].items()):
        bulletin = EXPECTED[seed]["bulletins"][index]
        dateline = bulletin["dateline"]
        for number, (verb, names) in enumerate(groups, 1):
            for position, name in enumerate(names, 1):
                rows.append(
                    {
                        "source": seed,
                        "bulletin": f"b{index + 1}",
                        "genre": GENRES[seed][index],
                        # Seed 000 prints no year anywhere: month and day only (xs:gMonthDay).
                        "date": f"--{dateline[2]:02d}-{dateline[3]:02d}" if dateline else None,
                        "date_precision": "month-day" if dateline else None,
                        "place": dateline[1] if dateline else None,
                        "verb": verb,
                        "group": number,
                        "position": position,
                        "name": name,
                    }
                )
    return rows


def _source_lines(seed: str) -> list[str]:
    return clean(decode((SEEDS / seed).read_bytes()).text).split("\n")


def test_seed_000_attendance_row_by_row(seed_documents: dict[str, Document]) -> None:
    rows = bulletins.attendance(seed_documents[SEED])
    expected = _expected_rows(SEED)
    assert len(rows) == len(expected) == 156
    lines = _source_lines(SEED)
    for k, (row, want) in enumerate(zip(rows, expected, strict=True)):
        assert list(row) == list(COLUMNS)
        assert {key: row[key] for key in want} == want, f"row {k + 1}"
        # The title is the main title: the first headline line(s), re-joined.
        headline = EXPECTED[SEED]["bulletins"][int(str(row["bulletin"])[1:]) - 1]["headline"]
        assert row["title"] in {"".join(headline[:n]) for n in range(1, len(headline) + 1)}, f"row {k + 1}"
        # The line is where the sentence starts; in seed 000 every list stands on one line.
        assert isinstance(row["line"], int) and str(row["name"]) in lines[row["line"] - 1], f"row {k + 1}"


# Roles read from the source lines of seed 000: (bulletin, group, position) → role as printed
# before the name, None when the list prints none (丁薛祥、杨洁篪…等陪同人员, line 87).
ROLES = {
    ("b1", 3, 1): "中共中央政治局常委、中央全面深化改革委员会副主任",  # line 11
    ("b1", 3, 3): "中共中央政治局常委、中央全面深化改革委员会副主任",
    ("b4", 1, 1): "中共中央政治局委员、国务院副总理",  # line 53: …副总理刘鹤以视频方式出席
    ("b6", 1, 1): None,
    ("b8", 2, 1): "乌兹别克斯坦总统",  # line 137: 乌兹别克斯坦总统米尔济约耶夫主持会议
    ("b8", 3, 2): "哈萨克斯坦总统",  # …、哈萨克斯坦总统托卡耶夫、…
    ("b8", 3, 5): "印度总理",
    ("b8", 4, 1): None,  # line 163: 王毅参加上述活动。
}


@pytest.mark.parametrize(("key", "role"), ROLES.items(), ids=[f"{b}-g{g}-{p}" for b, g, p in ROLES])
def test_seed_000_roles(key: tuple[str, int, int], role: str | None, seed_documents: dict[str, Document]) -> None:
    found = {(r["bulletin"], r["group"], r["position"]): r["role"] for r in bulletins.attendance(seed_documents[SEED])}
    assert found[key] == role


def test_csv_is_the_same_table(seed_documents: dict[str, Document]) -> None:
    document = seed_documents[SEED]
    text = bulletins.export(document, "attendance")
    table = list(csv.reader(io.StringIO(text)))
    assert table[0] == list(COLUMNS)
    as_text = [["" if row[c] is None else str(row[c]) for c in COLUMNS] for row in bulletins.attendance(document)]
    assert table[1:] == as_text
    assert bulletins.get_exporter("attendance").suffix == ".attendance.csv"  # beside the csv plugin's .csv


def test_date_from_the_closing_and_a_headline_deck_line() -> None:
    notice = bulletins.parse(
        "关于召开会议的通知\n\n省领导林克庆、张福海参加会议。\n\n党委办公室\n2020年2月9日\n", source="n.txt"
    )
    rows = bulletins.attendance([notice, notice])
    assert len(rows) == 4 and rows[0]["source"] == "n.txt"
    assert [(r["date"], r["date_precision"], r["line"], r["role"]) for r in rows[:2]] == [
        ("2020-02-09", "day", 3, "省领导"),
        ("2020-02-09", "day", 3, "省领导"),
    ]
    # Seed 001: the glued deck 李希王偉中李斌孟凡利出席會議 is headline line 5.
    deck = bulletins.attendance(bulletins.parse_file(SEEDS / "001_cb1989d8750bc7f6.txt"))[:4]
    assert [(r["name"], r["line"]) for r in deck] == [("李希", 5), ("王偉中", 5), ("李斌", 5), ("孟凡利", 5)]


def test_year_inferred_dates_say_so() -> None:
    document = bulletins.parse("会议召开\n\n新华社北京9月6日电 省领导林克庆参加会议。\n", year=2022)
    (row,) = bulletins.attendance(document)
    assert (row["date"], row["date_precision"], row["place"]) == ("2022-09-06", "day-year-inferred", "北京")


def test_hostile_text_is_quoted_not_split() -> None:
    document = bulletins.parse('标题,"引号"\n\n省领导王一、李二参加会议。\n')
    table = list(csv.reader(io.StringIO(bulletins.export(document, "attendance"))))
    assert [(row[2], row[10]) for row in table[1:]] == [('标题,"引号"', "王一"), ('标题,"引号"', "李二")]
    semicolons = list(csv.reader(io.StringIO(bulletins.export(document, "attendance", delimiter=";")), delimiter=";"))
    assert semicolons == table
    with pytest.raises(bulletins.ExportError, match="bad options"):
        bulletins.get_exporter("attendance", delimiter=";;")


def test_a_batch_with_o_file_csv_writes_one_table_named_by_relative_paths(tmp_path: Path) -> None:
    # Issue 17: `--to attendance -o att.csv` wrote a folder of per-file CSVs; it is one table, and
    # two inputs with the same file name in different folders are told apart by their path.
    for sub in ("a", "b"):
        (tmp_path / "in" / sub).mkdir(parents=True)
        (tmp_path / "in" / sub / "x.txt").write_bytes((SEEDS / "002_58afc2a1a6f5e462.txt").read_bytes())
    target = tmp_path / "att.csv"
    assert main(["parse", str(tmp_path / "in"), "--to", "attendance", "-o", str(target), "-q"]) == 0
    assert target.is_file()
    table = list(csv.DictReader(target.open(encoding="utf-8")))
    sources = {row["source"] for row in table}
    assert sources == {"a/x.txt", "b/x.txt"}
    per_source = [sum(row["source"] == s for row in table) for s in sorted(sources)]
    assert per_source[0] == per_source[1] > 0
    assert not list(tmp_path.glob(".att.csv.*"))  # no temporary file left behind


def test_a_failed_batch_table_leaves_the_previous_table_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "att.csv"
    target.write_text("previous\n", encoding="utf-8")

    def boom(*args: object, **kwargs: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "run", boom)
    assert main(["parse", str(SEEDS), "--to", "attendance", "-o", str(target), "-q"]) == 130
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert not list(tmp_path.glob(".att.csv.*"))
