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
from tests.conftest import SEEDS, require_module
from tests.fixtures.seeds_expected import ATTENDEES, GENRES
from tests.fixtures.seeds_expected import SEEDS as EXPECTED

SEED = "000_2d494656d95ed764.txt"


# The event and its date of each attendee group of seed 000 (ATTENDEES, in order), read from the
# seed: (a phrase the event must hold, the date). Seed 000 prints no year for its own dates, so
# every date is month and day only. Judgements:
# - b1 line 9 习近平在主持会议时强调 is the meeting of line 7: one row (lines 7;9);
# - b5 the deck 习近平主持会议 (line 57) and 中共中央总书记习近平主持会议 (line 59): one row;
# - b15 line 267 习近平等领导同志…走进展厅参观展览 is the visit of line 263: one row (263;267);
# - b16/b17 are digests: every point is its own meeting, dated by its first words (一、9月1日，…);
#   b16's last two points hold the same meeting name on 9月20日 and 9月28日: two events.
_EVENTS_000: dict[int, list[tuple[str, str]]] = {
    0: [("中央全面深化改革委员会第二十七次会议", "--09-06")] * 3,
    3: [("2022全国专精特新中小企业发展大会", "--09-08")],  # 以视频方式出席开幕式 of the 大会 (line 47)
    4: [("中共中央政治局", "--09-09")] * 2,
    5: [("国事访问", "--09-14"), ("欢迎仪式", "--09-14"), ("欢迎宴会", "--09-14")],
    7: [("上海合作组织成员国元首理事会第二十二次会议小范围会谈", "--09-16")] * 4,  # 王毅参加上述活动
    8: [("上海合作组织成员国元首理事会第二十二次会议", "--09-16")] * 4,
    10: [("国防和军队改革研讨会", "--09-21")],
    12: [("庆祝中国新闻社建社70周年大会", "--09-23")],
    14: [("“奋进新时代”主题成就展", "--09-27")] * 3,
    15: [("全省疫情防控工作电视电话会议", "--09-01")] * 4
    + [("全省疫情防控和安全生产工作电视电话会议", "--09-06")] * 4
    + [("全省电视电话会议", "--09-09")]
    + [("全省疫情防控和安全稳定工作电视电话会议", "--09-20")] * 4
    + [("全省疫情防控和安全稳定工作电视电话会议", "--09-28")] * 4,
    16: [("疫情防控工作会议", "--09-01"), ("市委常委会议", "--09-05")]
    + [("疫情防控和安全生产工作部署会", "--09-07")] * 2
    + [("新冠肺炎疫情防控领导小组（指挥部）", "--09-09")] * 2
    + [("疫情防控和安全稳定工作部署会", "--09-20")] * 2
    + [("疫情防控和安全稳定工作部署会", "--09-28")] * 2,
}
# (bulletin index, group) → the group its people's rows are merged into (same person, same event).
_MERGED_000 = {(0, 2): 1, (4, 1): 2, (14, 3): 1}


def _expected_rows(seed: str) -> list[dict[str, object]]:
    """The table as the fixtures (written by reading the seed) say it must be, row by row."""
    rows: list[dict[str, object]] = []
    for index, groups in sorted(ATTENDEES[seed].items()):
        bulletin = EXPECTED[seed]["bulletins"][index]
        dateline = bulletin["dateline"]
        kept = [number for number in range(1, len(groups) + 1) if (index, number) not in _MERGED_000]
        for number, (verb, names) in enumerate(groups, 1):
            if (index, number) in _MERGED_000:
                continue
            event, when = _EVENTS_000[index][number - 1]
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
                        "group": kept.index(number) + 1,
                        "position": position,
                        "name": name,
                        "event_date": when,
                        "year_source": None,
                        "_event": event,
                        "_merged": any(target == number for (i, _), target in _MERGED_000.items() if i == index),
                    }
                )
    return rows


def _source_lines(seed: str) -> list[str]:
    return clean(decode((SEEDS / seed).read_bytes()).text).split("\n")


def test_seed_000_attendance_row_by_row(seed_documents: dict[str, Document]) -> None:
    rows = bulletins.attendance(seed_documents[SEED])
    expected = _expected_rows(SEED)
    assert len(rows) == len(expected) == 153  # 156 mentions, three of them repeats of one event
    lines = _source_lines(SEED)
    for k, (row, want) in enumerate(zip(rows, expected, strict=True)):
        assert list(row) == list(COLUMNS)
        assert {key: row[key] for key in want if not key.startswith("_")} == {
            key: value for key, value in want.items() if not key.startswith("_")
        }, f"row {k + 1}"
        # Every row has its event and its date (issue 17): the digest items b16/b17 included.
        event = want["_event"]
        assert isinstance(event, str)  # _EVENTS_000's event text: narrows object to str
        assert event in str(row["event"]), f"row {k + 1}: {row['event']}"
        assert row["date_source"] in {"sentence", "item"}, f"row {k + 1}"
        # The title is the main title: the first headline line(s), re-joined.
        headline = EXPECTED[SEED]["bulletins"][int(str(row["bulletin"])[1:]) - 1]["headline"]
        assert row["title"] in {"".join(headline[:n]) for n in range(1, len(headline) + 1)}, f"row {k + 1}"
        # The line is where the sentence starts; in seed 000 every list stands on one line. A
        # merged row lists the lines of every mention.
        assert isinstance(row["line"], int) and str(row["name"]) in lines[row["line"] - 1], f"row {k + 1}"
        mentions = [int(x) for x in str(row["lines"]).split(";")]
        assert row["line"] in mentions and len(mentions) == (2 if want["_merged"] else 1), f"row {k + 1}"
        assert all(str(row["name"]) in lines[m - 1] or m == 57 for m in mentions), f"row {k + 1}"


def test_seed_000_merged_rows_list_both_lines(seed_documents: dict[str, Document]) -> None:
    rows = bulletins.attendance(seed_documents[SEED])
    merged = {(r["bulletin"], r["name"]): (r["line"], r["lines"]) for r in rows if ";" in str(r["lines"])}
    # b5: the deck 习近平主持会议 is headline line 57, the body's 习近平主持会议 line 59.
    assert merged == {
        ("b1", "习近平"): (7, "7;9"),
        ("b5", "习近平"): (59, "57;59"),
        ("b15", "习近平"): (263, "263;267"),
    }


# Roles read from the source lines of seed 000: (bulletin, group, position) → role as printed
# before the name, None when the list prints none (丁薛祥、杨洁篪…等陪同人员, line 87).
ROLES = {
    # b1's line 9 repeats line 7's chair: line 11's list is the second group of rows.
    ("b1", 2, 1): "中共中央政治局常委、中央全面深化改革委员会副主任",  # line 11
    ("b1", 2, 3): "中共中央政治局常委、中央全面深化改革委员会副主任",
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
    # Seed 001: the glued deck 李希王偉中李斌孟凡利出席會議 is headline line 5; the body names three of
    # them on line 6 (their rows list both lines); 李斌 到會指導 only (no attendance verb): his row
    # is the deck's, dated by the lede (7月12日, line 6).
    deck = bulletins.attendance(bulletins.parse_file(SEEDS / "001_cb1989d8750bc7f6.txt"))[:4]
    assert [(r["name"], r["line"], r["lines"], r["verb"]) for r in deck] == [
        ("李斌", 5, "5", "出席"),
        ("李希", 6, "5;6", "出席"),
        ("王偉中", 6, "5;6", "主持"),
        ("孟凡利", 6, "5;6", "出席"),
    ]
    assert {(r["event"], r["event_date"], r["date_source"]) for r in deck} == {
        ("全省疫情防控工作電視電話會議", "--07-12", "item")
    }


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


def test_the_old_columns_keep_their_names_and_places() -> None:
    # Issue 17: extend, never rename. Scripts that read the first table by position still work.
    assert COLUMNS[:13] == (
        "source", "bulletin", "title", "date", "date_precision", "place", "genre",
        "verb", "group", "position", "name", "role", "line",
    )  # fmt: skip
    assert COLUMNS[13:18] == ("event", "event_date", "date_source", "year_source", "lines")
    assert COLUMNS[18:] == ("document_date", "document_date_source")


_READOUT = "会议召开\n\n新华社北京2月24日电 十三届全国人大常委会第十六次会议24日下午在北京人民大会堂闭幕。\n\n王晨、曹建明出席会议。\n"


@pytest.mark.parametrize(
    ("source", "options", "event_date", "year_source"),
    [
        # The People's Daily file name gives the year (and the issue date the day is read near).
        ("rmrb/2020-02/20200225-02-06.txt", {}, "2020-02-24", "filename"),
        ("x.txt", {"year": 2020}, "2020-02-24", "option"),
        ("x.txt", {}, "--02-24", None),
        ("<stdin>", {}, "--02-24", None),
    ],
)
def test_the_year_of_a_dated_event(source: str, options: dict[str, int], event_date: str, year_source: str) -> None:
    rows = bulletins.attendance(bulletins.parse(_READOUT, source=source, **options))  # type: ignore[arg-type]
    assert [(r["name"], r["event"], r["event_date"], r["date_source"], r["year_source"]) for r in rows] == [
        (name, "十三届全国人大常委会第十六次会议", event_date, "item", year_source) for name in ("王晨", "曹建明")
    ]


def test_the_year_from_front_matter_and_the_year_a_paper_reports() -> None:
    text = "---\ndate: 2020-01-02\n---\n\n# 会议\n\n12月31日，全市工作会议召开。李希、王伟中出席会议。\n"
    rows = bulletins.attendance(bulletins.parse(text.encode(), source="a.md"))
    # 12月31日 in a paper of 2 January is the day before: 2019.
    assert {(r["event_date"], r["date_source"], r["year_source"]) for r in rows} == {("2019-12-31", "item", "metadata")}
    assert {r["event"] for r in rows} == {"全市工作会议"}


def test_an_event_dated_to_a_past_month_is_not_given_the_paper_date() -> None:
    text = "回忆\n\n2014年3月，习近平总书记参加十二届全国人大二次会议贵州代表团审议。\n"
    (row,) = bulletins.attendance(bulletins.parse(text, source="rmrb/2019-02/20190217-01-03.txt"))
    assert (row["event"], row["event_date"], row["date_source"]) == (
        "十二届全国人大二次会议贵州代表团审议",
        "2014-03",
        "sentence",
    )
    ago = "回忆\n\n一年前，习近平总书记参加广东团审议时说。\n"
    (row,) = bulletins.attendance(bulletins.parse(ago, source="rmrb/2019-02/20190216-01-03.txt"))
    assert (row["event_date"], row["date_source"]) == (None, None)


_DIGEST = (
    "有关会议精神\n\n一、9月1日，全省疫情防控工作电视电话会议在广州召开\n"
    "9月1日，全省疫情防控工作电视电话会议在广州召开。省领导林克庆、张福海参加会议。\n"
    "二、9月6日，全省安全生产工作电视电话会议在广州召开\n"
    "9月6日，全省安全生产工作电视电话会议在广州召开。省领导林克庆参加会议。\n"
)


def test_a_digest_item_is_dated_and_named_by_its_first_words() -> None:
    document = bulletins.parse(_DIGEST, source="digest.txt")
    rows = bulletins.attendance(document)
    assert [(r["name"], r["event"], r["event_date"], r["date_source"], r["group"]) for r in rows] == [
        ("林克庆", "全省疫情防控工作电视电话会议", "--09-01", "item", 1),
        ("张福海", "全省疫情防控工作电视电话会议", "--09-01", "item", 1),
        ("林克庆", "全省安全生产工作电视电话会议", "--09-06", "item", 2),
    ]
    # No dateline holds the parse's year= here: the caller gives it to the table.
    dated = bulletins.attendance(document, year=2022)
    assert [(r["event_date"], r["year_source"]) for r in dated] == [("2022-09-01", "option")] * 2 + [
        ("2022-09-06", "option")
    ]


def test_the_batch_year_reaches_the_one_table(tmp_path: Path) -> None:
    # --year completed the parse's dates but not the table's: a digest with no dateline stayed --09-01.
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "digest.txt").write_text(_DIGEST, encoding="utf-8")
    for year, expected in ((None, "--09-01"), ("2022", "2022-09-01")):
        target = tmp_path / f"table-{year}.csv"
        extra = ["--year", year] if year else []
        assert main(["parse", str(tmp_path / "in"), "--to", "attendance", "-o", str(target), "-q", *extra]) == 0
        table = list(csv.DictReader(target.open(encoding="utf-8")))
        assert [(r["name"], r["event_date"]) for r in table][:2] == [("林克庆", expected), ("张福海", expected)]


def test_a_batch_table_with_o_file_parquet_is_one_parquet_table(tmp_path: Path) -> None:
    parquet = require_module("pyarrow.parquet", "parquet")
    target = tmp_path / "att.parquet"
    assert main(["parse", str(SEEDS), "--to", "attendance", "-o", str(target), "-q"]) == 0
    table = parquet.read_table(target)
    assert table.column_names == list(COLUMNS)
    csv_rows = bulletins.attendance(bulletins.parse_file(p) for p in sorted(SEEDS.glob("*.txt")))
    assert table.num_rows == len(csv_rows) > 0
