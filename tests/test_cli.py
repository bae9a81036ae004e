"""The command line: outputs, errors as one clear line, never a traceback."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import bulletins
from bulletins.cli import main
from tests.conftest import SEEDS, require_distribution, require_module

SEED = SEEDS / "000_2d494656d95ed764.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "bulletins", *args], input=stdin, capture_output=True, timeout=120, check=False
    )


def test_one_file_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED), "--to", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "bulletins/1"
    assert len(data["bulletins"]) == 17


def test_output_dir_gets_one_file_per_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEEDS), "--to", "all", "-o", str(tmp_path)]) == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert "000_2d494656d95ed764.json" in names and "000_2d494656d95ed764.jsonl" in names
    assert not [n for n in names if n.endswith(".tmp")]
    err = capsys.readouterr().err
    assert "000_2d494656d95ed764.txt: 17 bulletins" in err
    assert "5 files, 48 bulletins, 11 residue, 0 errors in" in err


def test_a_dataset_to_stdout_is_one_readable_stream_or_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Two rows are two documents: two JSON objects (or TEI files) one after the other are no JSON (or XML).
    rows = tmp_path / "rows.csv"
    rows.write_text("title,text\n甲通知,第一行正文。\n乙决定,第二行正文。\n", encoding="utf-8")
    for fmt in ("json", "tei"):
        assert main(["parse", str(rows), "--to", fmt]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert "holds 2 documents" in captured.err and "--to jsonl" in captured.err
    assert main(["parse", str(rows), "--to", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["bulletin"]["headline"]["title"] for r in records] == ["甲通知", "乙决定"]
    # One row is one document: stdout as for any file.
    one = tmp_path / "one.csv"
    one.write_text("title,text\n甲通知,第一行正文。\n", encoding="utf-8")
    assert main(["parse", str(one)]) == 0
    assert json.loads(capsys.readouterr().out)["bulletins"][0]["headline"]["title"] == "甲通知"


def test_stdin_and_python_dash_m() -> None:
    result = run("parse", "-", "--to", "json", stdin=SEED.read_bytes())
    assert result.returncode == 0, result.stderr.decode()
    assert len(json.loads(result.stdout)["bulletins"]) == 17


def test_explain_prints_the_rule_that_decided_each_line(capsys: pytest.CaptureFixture[str]) -> None:
    speech = SEEDS / "004_2ba47e9fb844da27.txt"
    assert main(["explain", str(speech)]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert rows[1] == ["3", "speech date", "SPEECH_DATE", "（2020年2月23日）"]
    assert main(["explain", str(speech.with_name("missing.txt"))]) == 1
    assert "missing.txt" in capsys.readouterr().err


def test_explain_reads_the_file_as_parse_does(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A dataset's rows are documents: --document N explains the Nth, with the Nth row's lines.
    rows = tmp_path / "rows.csv"
    rows.write_text("title,text\n甲通知,第一行正文。\n乙决定,第二行正文。\n", encoding="utf-8")
    assert main(["explain", str(rows), "--document", "2"]) == 0
    out = capsys.readouterr().out
    assert "第二行正文。" in out and "第一行正文" not in out
    assert main(["explain", str(rows), "--document", "3"]) == 1
    assert "fewer than 3 documents" in capsys.readouterr().err
    # A reader's options are the reader's, as in parse: without --from they are a usage error.
    assert main(["explain", str(rows), "--reader-option", "text=text"]) == 2
    assert "--from" in capsys.readouterr().err
    assert main(["explain", str(rows), "--from", "records", "--reader-option", "text=title"]) == 2
    assert "text_column" in capsys.readouterr().err  # the options it takes are named
    assert main(["explain", str(rows), "--from", "records", "--reader-option", "text_column=title"]) == 0
    assert "甲通知" in capsys.readouterr().out  # the first row's text is its title column now
    # Undecodable bytes: refused by default, read with --errors replace.
    broken = tmp_path / "broken.txt"
    broken.write_bytes("关于开展检查的通知\n\n各单位：".encode() + b"\xff\xfe\x80" + "请遵照执行。".encode())
    assert main(["explain", str(broken)]) == 1
    capsys.readouterr()
    assert main(["explain", str(broken), "--errors", "replace"]) == 0
    assert "关于开展检查的通知" in capsys.readouterr().out


def test_a_closed_pipe_is_no_internal_error() -> None:
    # bulletins explain … | head: the reader leaves; no traceback, no "internal error".
    process = subprocess.Popen(
        [sys.executable, "-m", "bulletins", "explain", str(SEEDS / "000_2d494656d95ed764.txt")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()
    err = process.stderr.read().decode()
    process.wait(timeout=60)
    assert "internal error" not in err and "Traceback" not in err


def test_formats_lists_the_builtin_exporters() -> None:
    result = run("formats")
    assert result.returncode == 0
    listed = {line.split("\t")[0].strip() for line in result.stdout.decode().splitlines()}
    assert {"json", "jsonl", "readers (--from):", "text", "html", "markdown", "docx"} <= listed


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (bytes(range(256)) * 8, "not text"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "a damaged PNG image"),  # the image reader claims it by signature
        ("正文".encode() + b"\xff\xfe\xfd" + "正文".encode() * 100, "offset"),
    ],
    ids=["random", "png", "undecodable"],
)
def test_bad_input_is_one_clear_line_and_no_traceback(tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = run("parse", str(bad))
    err = result.stderr.decode()
    assert result.returncode == 1
    assert "Traceback" not in err
    assert str(bad) in err and message in err


@pytest.mark.parametrize("content", [b"", b" \n\t\r\n", "\u3000\n".encode(), b"\xef\xbb\xbf"], ids=repr)
def test_an_empty_input_gives_an_empty_input_diagnostic(tmp_path: Path, content: bytes) -> None:
    # Issue 17: an empty file exited 0 with no diagnostic. It is still a document (exit 0), but
    # the record says so and so does the command.
    empty = tmp_path / "empty.txt"
    empty.write_bytes(content)
    result = run("parse", str(empty))
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["bulletins"] == []
    assert [d["code"] for d in data["diagnostics"]] == ["empty-input"]
    assert f"{empty}: warning: the input holds no text" in result.stderr.decode()
    (tmp_path / "full.txt").write_bytes(SEED.read_bytes())
    batch = run("parse", str(tmp_path), "-o", str(tmp_path / "out"))
    assert "empty: 1 file with no text (an empty-input or no-text warning in the record)" in batch.stderr.decode()


def test_missing_file_and_unknown_format_are_clear() -> None:
    missing = run("parse", "no/such/file.txt")
    assert missing.returncode == 1 and "no/such/file.txt: No such file" in missing.stderr.decode()
    unknown = run("parse", str(SEED), "--to", "yml")
    assert unknown.returncode == 2  # a usage error (docs/cli.md)
    assert re.search(
        r"unknown exporter 'yml' \(available: [a-z, ]*json, jsonl, [a-z, ]*tei, xml", unknown.stderr.decode()
    )
    assert "Traceback" not in unknown.stderr.decode()


def test_a_bad_file_does_not_stop_the_batch(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_bytes(SEED.read_bytes())
    (inputs / "bad.txt").write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "out"
    assert main(["parse", str(inputs), "-o", str(out), "-q"]) == 1
    assert (out / "good.json").exists()
    assert not (out / "bad.json").exists()


def test_outputs_never_overwrite_inputs(tmp_path: Path) -> None:
    source = tmp_path / "a.json"
    source.write_bytes(SEED.read_bytes())
    assert main(["parse", str(source), "-o", str(tmp_path), "-q"]) == 1
    assert source.read_bytes() == SEED.read_bytes()


def test_exporter_options_reach_the_exporter(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED), "--option", "indent=null"]) == 0
    assert capsys.readouterr().out.count("\n") == 1


def test_validate_command(tmp_path: Path) -> None:
    assert main(["parse", str(SEED), "--to", "tei,xml", "-o", str(tmp_path), "-q"]) == 0
    result = run("validate", str(tmp_path / "000_2d494656d95ed764.tei.xml"), str(tmp_path / "000_2d494656d95ed764.xml"))
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert "valid (tei_all)" in out and "valid (bulletins)" in out
    broken = tmp_path / "broken.xml"
    broken.write_text("<document xmlns='urn:bulletins:xml:1'><oops/></document>", encoding="utf-8")
    bad = run("validate", str(broken))
    assert bad.returncode == 1 and f"{broken}:1:" in bad.stderr.decode() and "Traceback" not in bad.stderr.decode()


def test_third_party_plugin_through_the_cli(tmp_path: Path) -> None:
    require_distribution("bulletins-csv", "examples/bulletins-csv")
    assert "csv" in run("formats").stdout.decode()
    result = run("parse", str(SEED), "--to", "csv")
    assert result.returncode == 0, result.stderr.decode()
    rows = result.stdout.decode().splitlines()
    assert rows[0] == "source,bulletin,headline,verb,group,order,name,role"
    # b1: 习近平 chairs (read twice: 主持召开…, 在主持会议时), then 李克强, 王沪宁, 韩正 attend,
    # in rank order with their shared role.
    assert rows[3].split(",")[3:7] == ["出席", "3", "1", "李克强"]
    assert rows[5].split(",")[6:8] == ["韩正", "中共中央政治局常委、中央全面深化改革委员会副主任"]


def _tree(tmp_path: Path) -> Path:
    """A folder tree of inputs with a bad file inside."""
    root = tmp_path / "in"
    (root / "a" / "b").mkdir(parents=True)
    for k, seed in enumerate(sorted(SEEDS.glob("*.txt"))):
        target = root / ("a" if k % 2 else "a/b") / seed.name
        target.write_bytes(seed.read_bytes())
    (root / "a" / "broken.txt").write_bytes(bytes(range(256)) * 8)
    (root / "a" / "notes.md").write_text("not matched by --glob *.txt", encoding="utf-8")
    return root


def test_batch_tree_with_a_bad_file(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    out = tmp_path / "out"
    result = run("parse", str(root), "--to", "json,tei", "-o", str(out), "--jobs", "2", "--glob", "*.txt")
    err = result.stderr.decode()
    assert result.returncode == 1
    assert f"{root / 'a' / 'broken.txt'}: not text" in err
    assert "6 files, 48 bulletins, 11 residue, 1 error in" in err
    assert "skipped: 1 .md (no reader claims the suffix, or --glob left it out)" in err
    produced = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert "a/b/000_2d494656d95ed764.json" in produced and "a/001_cb1989d8750bc7f6.tei.xml" in produced
    assert not [p for p in produced if "broken" in p or p.endswith(".tmp")]
    assert len(produced) == 10


def test_jobs_do_not_change_the_output(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    one = run("parse", str(root), "--to", "jsonl", "--jobs", "1", "-q")
    two = run("parse", str(root), "--to", "jsonl", "--jobs", "2", "-q")
    assert one.stdout == two.stdout and one.stdout.count(b"\n") > 48


def test_jsonl_stream_into_one_file(tmp_path: Path) -> None:
    target = tmp_path / "corpus" / "all.jsonl"
    assert main(["parse", str(SEEDS), "--to", "jsonl", "-o", str(target), "-q"]) == 0
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    names = [r["source"]["name"] for r in records if "bulletin" in r]
    assert len(names) == 48 and names == sorted(names)  # stable input order
    assert not list(target.parent.glob(".*.tmp"))


def test_script_year_and_errors_options(tmp_path: Path) -> None:
    traditional = SEEDS / "001_cb1989d8750bc7f6.txt"
    result = run("parse", str(traditional), "--script", "simplified", "--year", "2022")
    data = json.loads(result.stdout)
    bulletin = data["bulletins"][0]
    assert bulletin["headline"]["title"] == "全省疫情防控工作电视电话会议在广州召开"
    # The deck keeps 李斌 only; 李希, 王伟中 and 孟凡利 are the body's attendees (issue 15: one attendee each).
    assert [n for g in bulletin["attendees"] for n in g["names"]][:4] == ["李斌", "李希", "王伟中", "孟凡利"]
    assert data["source"]["script"] == "hant"  # the input's script is still recorded
    dispatch = json.loads(run("parse", str(SEED), "--year", "2022").stdout)["bulletins"][0]["dateline"]["date"]
    assert (dispatch["iso"], dispatch["year_inferred"]) == ("2022-09-06", True)
    mixed = tmp_path / "mixed.txt"
    mixed.write_bytes("会议召开\n\n会议指出，要坚持。\n".encode() * 30 + "会议强调。\n".encode("gbk") * 30)
    strict = run("parse", str(mixed))
    assert strict.returncode == 1 and "mixed encodings" in strict.stderr.decode()
    replaced = run("parse", str(mixed), "--errors", "replace")
    assert replaced.returncode == 0
    assert any(d["code"] == "replaced-bytes" for d in json.loads(replaced.stdout)["diagnostics"])


def test_default_glob_takes_every_reader_format(tmp_path: Path) -> None:
    fixtures = Path(__file__).parent / "fixtures" / "readers"
    for name in ("notice.txt", "notice.md", "notice-gb2312.html", "notice-gbt9704.docx"):
        (tmp_path / name).write_bytes((fixtures / name).read_bytes())
    (tmp_path / "skip.xls").write_text("a,b\n", encoding="utf-8")
    (tmp_path / "skip2.XLS").write_text("a,b\n", encoding="utf-8")
    (tmp_path / "README").write_text("no suffix\n", encoding="utf-8")
    result = run("parse", str(tmp_path), "--to", "jsonl")
    assert result.returncode == 0, result.stderr.decode()
    formats = re.findall(r'"format":"([a-z]+)"', result.stdout.decode())
    assert sorted(set(formats)) == ["docx", "html", "markdown", "text"]
    # Issue 18: files no reader claims are counted by suffix, never silently dropped.
    assert "skipped: 1 (no suffix), 2 .xls (no reader claims" in result.stderr.decode()


def test_from_forces_a_reader(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("<p>国务院办公厅</p>", encoding="utf-8")
    assert '"format":"text"' in run("parse", str(page), "--to", "jsonl", "--from", "text").stdout.decode()
    assert '"format":"html"' in run("parse", str(page), "--to", "jsonl").stdout.decode()
    bad = run("parse", str(page), "--from", "nosuchformat")  # pdf is a reader now (issue 18)
    assert bad.returncode == 2 and "unknown reader 'nosuchformat'" in bad.stderr.decode()
    orphan = run("parse", str(page), "--reader-option", "text_column=Text")
    assert orphan.returncode == 2 and "--reader-option needs --from" in orphan.stderr.decode()
    wrong = run("parse", str(page), "--from", "html", "--reader-option", "text_column=Text")
    assert wrong.returncode == 2 and "bad options" in wrong.stderr.decode() and "Traceback" not in wrong.stderr.decode()
    # The options a reader takes are named (a new user's trial: the message read like Python's).
    named = run("parse", str(page), "--from", "pdf", "--reader-option", "foo=1").stderr.decode()
    assert "unknown option foo (it takes: max_pages, max_stream_bytes, ocr_layers)" in named


def test_inputs_sharing_a_stem_keep_their_suffix_in_the_output_name(tmp_path: Path) -> None:
    fixtures = Path(__file__).parent / "fixtures" / "readers"
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("notice.txt", "notice.md"):
        (inputs / name).write_bytes((fixtures / name).read_bytes())
    (inputs / "other.txt").write_bytes((fixtures / "notice.txt").read_bytes())
    out = tmp_path / "out"
    assert main(["parse", str(inputs), "--to", "json", "-o", str(out), "-q"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["notice.md.json", "notice.txt.json", "other.json"]


def test_two_folders_holding_the_same_path_write_two_outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A new user's trial (session 9): `bulletins parse a b -o out`, both folders holding x.txt, wrote one
    # output, the second over the first, and counted two files.
    for folder, day in (("a", 6), ("b", 7)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(f"新华社北京9月{day}日电 国务院召开会议。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["parse", "a", "b", "--to", "json", "-o", "out", "-q"]) == 0
    written = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.json"))
    assert written == ["a/x.txt.json", "b/x.txt.json"]
    names = {bulletins.loads((tmp_path / "out" / w).read_text(encoding="utf-8")).source.name for w in written}
    assert names == {"a/x.txt", "b/x.txt"}


def test_one_input_in_one_format_writes_the_file_o_names(tmp_path: Path) -> None:
    # A new user's trial (session 9): -o result.json made a folder called result.json.
    assert main(["parse", str(SEED), "-o", str(tmp_path / "result.json"), "-q"]) == 0
    assert (tmp_path / "result.json").is_file()
    assert bulletins.loads((tmp_path / "result.json").read_text(encoding="utf-8")).bulletins
    assert main(["parse", str(SEED), "--to", "tei", "-o", str(tmp_path / "one.tei.xml"), "-q"]) == 0
    assert (tmp_path / "one.tei.xml").is_file()
    # A name with no such suffix is still a folder.
    assert main(["parse", str(SEED), "-o", str(tmp_path / "out"), "-q"]) == 0
    assert (tmp_path / "out").is_dir()


# Issue 17 part 3: the batch command. Each bug the issue names has its test below.


def _seed_folder(root: Path, count: int = 5) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for seed in sorted(SEEDS.glob("*.txt"))[:count]:
        (root / seed.name).write_bytes(seed.read_bytes())
    return root


def _on_a_terminal(*args: str) -> tuple[int, str]:
    """Run the command with stderr on a pseudo-terminal; return the status and what it showed."""
    import os
    import pty

    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "bulletins", *args], stdout=subprocess.DEVNULL, stderr=follower, close_fds=True
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the command closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    return process.wait(timeout=120), shown.decode("utf-8", errors="replace")


def test_a_batch_shows_a_progress_bar_on_a_terminal_and_lines_otherwise(tmp_path: Path) -> None:
    # Issue 17: no progress bar on a terminal: 10,000 lines, or nothing with -q.
    inputs = _seed_folder(tmp_path / "in")
    status, shown = _on_a_terminal("parse", str(inputs), "-o", str(tmp_path / "a"))
    assert status == 0
    assert re.search(r"\d+/5 \[", shown)  # tqdm's bar: done/total [elapsed<remaining, rate]
    assert "000_2d494656d95ed764.txt: 17 bulletins" not in shown  # no line per file on a terminal …
    assert "5 files, 48 bulletins" in shown  # … but the closing summary
    status, shown = _on_a_terminal("parse", str(inputs), "-o", str(tmp_path / "b"), "-v")
    assert status == 0 and "000_2d494656d95ed764.txt: 17 bulletins" in shown and not re.search(r"\d+/5 \[", shown)
    status, shown = _on_a_terminal("parse", str(inputs), "-o", str(tmp_path / "c"), "-q")
    assert status == 0 and shown == ""
    piped = run("parse", str(inputs), "-o", str(tmp_path / "d"))  # stderr is a pipe: one line per file
    lines = piped.stderr.decode().splitlines()
    assert sum(": " in line and "bulletin" in line for line in lines) >= 5 and "\r" not in piped.stderr.decode()


def test_errors_still_show_with_quiet(tmp_path: Path) -> None:
    inputs = _seed_folder(tmp_path / "in", 1)
    (inputs / "bad.txt").write_bytes(bytes(range(256)) * 4)
    result = run("parse", str(inputs), "-o", str(tmp_path / "out"), "-q")
    assert result.returncode == 1
    (line,) = result.stderr.decode().splitlines()  # the error, and nothing else
    assert line.startswith(f"{inputs / 'bad.txt'}: not text")


def test_an_output_folder_inside_the_input_folder_is_never_read_back(tmp_path: Path) -> None:
    # Issue 17: `-o` inside the input folder made the second run read its own outputs (out/out/…,
    # 12 errors, the real outputs not refreshed).
    inputs = _seed_folder(tmp_path / "in")
    out = inputs / "out"
    assert main(["parse", str(inputs), "--to", "all", "-o", str(out), "-q"]) == 0
    first = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    changed = inputs / "001_cb1989d8750bc7f6.txt"
    changed.write_bytes(changed.read_bytes().replace("广州".encode(), "深圳".encode()))
    result = run("parse", str(inputs), "--to", "all", "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == first
    assert not (out / "out").exists()
    assert "深圳" in (out / "001_cb1989d8750bc7f6.json").read_text(encoding="utf-8")  # refreshed
    err = result.stderr.decode()
    assert "5 files, 48 bulletins" in err and f"not searched: {out} (the output of this run)" in err


def test_a_jsonl_stream_inside_the_input_folder_is_not_read_back(tmp_path: Path) -> None:
    inputs = _seed_folder(tmp_path / "in", 2)
    target = inputs / "all.jsonl"  # .jsonl is a suffix the records reader claims, where installed
    for _ in range(2):
        result = run("parse", str(inputs), "--to", "jsonl", "-o", str(target))
        assert result.returncode == 0, result.stderr.decode()
    names = {json.loads(line)["source"]["name"] for line in target.read_text(encoding="utf-8").splitlines()}
    assert names == {"000_2d494656d95ed764.txt", "001_cb1989d8750bc7f6.txt"}
    assert f"not searched: {target} (the output of this run)" in result.stderr.decode()


def test_outputs_copied_among_the_inputs_are_skipped_by_their_marker(tmp_path: Path) -> None:
    inputs = _seed_folder(tmp_path / "in", 2)
    out = tmp_path / "out"
    assert main(["parse", str(inputs), "--to", "html,jsonl,attendance", "-o", str(out), "-q"]) == 0
    for made in out.iterdir():
        (inputs / made.name).write_bytes(made.read_bytes())  # .html and .jsonl are reader suffixes
    result = run("parse", str(inputs), "-o", str(tmp_path / "again"), "--from", "auto")
    err = result.stderr.decode()
    assert result.returncode == 0, err
    assert "2 files, 18 bulletins" in err  # the copies are not files read: they are counted as skipped
    assert re.search(r"skipped: [1-9]\d* outputs of bulletins \(they carry its marker\)", err)
    # Only the two inputs were parsed. (The copies were walked, so the output names keep the
    # input's suffix, as for any two inputs sharing a stem: the marker is read by the worker.)
    assert sorted(p.name for p in (tmp_path / "again").iterdir()) == [
        "000_2d494656d95ed764.txt.json",
        "001_cb1989d8750bc7f6.txt.json",
    ]
    # Named on the command line, an output is read like any file: the marker only guards the walk.
    named = run("parse", str(inputs / "index.html"), "--to", "jsonl")
    assert named.returncode == 0 and b'"format":"html"' in named.stdout


def test_the_output_marker_is_in_every_text_output_and_in_no_input() -> None:
    from bulletins.batch import is_output

    document = bulletins.parse_file(SEED)
    for name in ("json", "jsonl", "xml", "tei", "html", "attendance"):
        text = bulletins.export(document, name)
        assert is_output(text.encode("utf-8") if isinstance(text, str) else text), name
    fixtures = Path(__file__).parent / "fixtures"
    inputs = [*SEEDS.glob("*.txt"), *(p for p in fixtures.rglob("*") if p.is_file() and p.suffix != ".json")]
    assert len(inputs) > 10
    assert [p.name for p in inputs if is_output(p.read_bytes())] == []


def test_source_names_are_unique_in_a_batch(tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / "in" / sub).mkdir(parents=True)
        (tmp_path / "in" / sub / "x.txt").write_bytes(SEED.read_bytes())
    result = run("parse", str(tmp_path / "in"), "-", "--to", "jsonl", stdin=SEED.read_bytes())
    names = {json.loads(line)["source"]["name"] for line in result.stdout.decode().splitlines()}
    assert names == {"a/x.txt", "b/x.txt", "<stdin>"}


def test_to_jsonl_parts_end_with_a_newline(tmp_path: Path) -> None:
    # Issue 17: bulletins.dask.to_jsonl parts lacked a final newline, so `cat part-*.jsonl` gave
    # broken lines where one part's last record ran into the next part's first.
    require_module("dask.bag", "dask")
    import dask

    import bulletins.dask as bd

    with dask.config.set(scheduler="synchronous"):
        paths = bd.to_jsonl(bd.documents(str(SEEDS / "*.txt"), npartitions=3), str(tmp_path / "part-*.jsonl"))
    assert len(paths) == 3
    texts = [Path(p).read_text(encoding="utf-8") for p in paths]
    assert all(text.endswith("\n") for text in texts)
    joined = "".join(texts)
    records = [json.loads(line) for line in joined.splitlines()]
    assert sum("bulletin" in r for r in records) == 48
    assert "" not in joined.split("\n")[:-1]  # no blank line either


def test_the_help_examples_work(tmp_path: Path) -> None:
    # Issue 17: the `--reader-option text_column=Text` example in the help failed with the
    # built-in readers. Every `e.g. …` in the help of `parse` is run here.
    help_text = " ".join(run("parse", "--help").stdout.decode().split())
    examples = re.findall(r"e\.g\. (--[a-z-]+ \S+?)(?=[ ),;])", help_text)
    assert examples, help_text
    for example in examples:
        result = run("parse", str(SEED), *example.split(" "), "--to", "json")
        assert result.returncode == 0, (example, result.stderr.decode())
    assert "text_column=Text" not in help_text


def test_formats_lists_each_readers_options() -> None:
    listed = run("formats").stdout.decode()
    (records,) = [line for line in listed.splitlines() if line.strip().startswith("records")]
    assert "(--reader-option: format=" in records and "text_column=null" in records


def test_the_summary_explains_its_words_and_lists_skipped_files(tmp_path: Path) -> None:
    # Issue 17: the summary said `residue` without saying what it is.
    inputs = _seed_folder(tmp_path / "in", 2)
    (inputs / "table.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    result = run("parse", str(inputs), "-o", str(tmp_path / "out"))
    err = result.stderr.decode()
    assert "2 files, 18 bulletins, 7 residue, 0 errors in" in err
    assert "residue: text outside every bulletin" in err
    assert "skipped: 1 .xls (no reader claims the suffix" in err


def _slow_or_crashing(data: object, *, source: str | None = None, **options: object) -> object:
    """A parse that hangs on files named slow* and kills its process on files named crash*."""
    import os
    import signal
    import time

    from bulletins.pipeline import parse_many

    if source and source.startswith("slow"):
        time.sleep(600)
    if source and source.startswith("crash"):
        os.kill(os.getpid(), signal.SIGKILL)
    return parse_many(data, source=source, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_past_the_timeout_is_that_files_error_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    import time

    from bulletins import batch

    monkeypatch.setattr(batch, "parse_many", _slow_or_crashing)  # the forked workers inherit it
    inputs = _seed_folder(tmp_path / "in", 3)
    for name in ("slow.txt", "crash.txt"):
        (inputs / name).write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    start = time.monotonic()
    status = main(["parse", str(inputs), "--to", "jsonl", "-o", str(out), "--jobs", jobs, "--timeout", "2", "-v"])
    assert time.monotonic() - start < 60
    assert status == 1
    err = capsys.readouterr().err
    assert f"{inputs / 'slow.txt'}: stopped after 2 s (--timeout)" in err
    assert f"{inputs / 'crash.txt'}: the worker process died (signal 9) while reading this file" in err
    assert sorted(p.name for p in out.iterdir()) == [
        "000_2d494656d95ed764.jsonl",
        "001_cb1989d8750bc7f6.jsonl",
        "002_58afc2a1a6f5e462.jsonl",
    ]
    lines = [line.split(":")[0] for line in err.splitlines() if line.startswith(str(inputs))]
    assert lines == sorted(lines)  # in input order
    assert "5 files, 39 bulletins, 9 residue, 2 errors in" in err


def test_results_stream_in_input_order_from_several_workers(tmp_path: Path) -> None:
    from bulletins.batch import Job
    from bulletins.batch import run as batch_run

    inputs = _seed_folder(tmp_path / "in")
    paths = sorted(inputs.iterdir()) * 6
    jobs = [Job(label=f"{k}", name=p.name, path=p, stem=Path(f"{k}")) for k, p in enumerate(paths)]
    results = list(batch_run(jobs, formats=["json"], processes=2, timeout=60, output=tmp_path / "out"))
    assert [r.job.label for r in results] == [str(k) for k in range(len(paths))]
    assert all(r.outputs == () and r.written == (f"{r.job.label}.json",) for r in results)  # workers wrote them
    assert len(list((tmp_path / "out").iterdir())) == len(paths)


def test_review_below_lists_the_files_to_look_at(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 16: --review-below lists every file holding a bulletin below the threshold, least sure first."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    lowest = {}
    for seed in sorted(SEEDS.glob("*.txt")):
        (inputs / seed.name).write_bytes(seed.read_bytes())
        document = bulletins.parse(seed.read_bytes(), source=seed.name)
        lowest[str(inputs / seed.name)] = min(b.confidence or 0.0 for b in document.bulletins)
    (inputs / "empty.txt").write_bytes(b"")  # no bulletin: a person should look at it
    lowest[str(inputs / "empty.txt")] = 0.0
    threshold = sorted(lowest.values())[3] + 1e-6  # some files above, some below
    code = main(["parse", str(inputs), "-o", str(tmp_path / "out"), "-q", "--review-below", f"{threshold}", "-j", "1"])
    assert code == 0
    captured = capsys.readouterr()
    listed = [line.split("\t") for line in captured.out.splitlines()]
    want = sorted((c, name) for name, c in lowest.items() if c < threshold)
    assert [(float(c), name) for c, name in listed] == [(round(c, 2), name) for c, name in want]
    assert 0 < len(listed) < len(lowest)
    assert f"review: {len(want)} of {len(lowest)} files hold a bulletin below confidence" in captured.err


def test_review_below_takes_a_confidence(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEEDS / "001_cb1989d8750bc7f6.txt"), "--review-below", "1.5"]) == 2
    assert "a confidence is between 0 and 1, not 1.5" in capsys.readouterr().err


def test_validate_takes_a_folder_and_bare_bulletins_prints_the_help(tmp_path: Path) -> None:
    # A new user's trial (session 9): a folder gave "Is a directory"; bare `bulletins` a usage error.
    assert main(["parse", str(SEED), "--to", "tei,xml", "-o", str(tmp_path / "out"), "-q"]) == 0
    result = run("validate", str(tmp_path / "out"))
    assert result.returncode == 0 and result.stdout.decode().count(": valid (") == 2
    bare = run()
    assert bare.returncode == 2 and "parse" in bare.stderr.decode() and "usage:" in bare.stderr.decode()
