"""The command line: outputs, errors as one clear line, never a traceback."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bulletins.cli import main
from tests.conftest import SEEDS, require_distribution

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
    assert "5 file(s)" in err


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


def test_empty_file_is_an_empty_document(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("parse", str(empty))
    assert result.returncode == 0
    assert json.loads(result.stdout)["bulletins"] == []


def test_missing_file_and_unknown_format_are_clear() -> None:
    missing = run("parse", "no/such/file.txt")
    assert missing.returncode == 1 and "no/such/file.txt: No such file" in missing.stderr.decode()
    unknown = run("parse", str(SEED), "--to", "yml")
    assert unknown.returncode == 1
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
    assert "6 file(s), 48 bulletins, 1 error(s) in" in err
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
    assert bulletin["attendees"][0]["names"] == ["李希", "王伟中", "李斌", "孟凡利"]
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
    (tmp_path / "skip.csv").write_text("a,b\n", encoding="utf-8")
    result = run("parse", str(tmp_path), "--to", "jsonl", "-q")
    assert result.returncode == 0, result.stderr.decode()
    formats = re.findall(r'"format":"([a-z]+)"', result.stdout.decode())
    assert sorted(set(formats)) == ["docx", "html", "markdown", "text"]


def test_from_forces_a_reader(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("<p>国务院办公厅</p>", encoding="utf-8")
    assert '"format":"text"' in run("parse", str(page), "--to", "jsonl", "--from", "text").stdout.decode()
    assert '"format":"html"' in run("parse", str(page), "--to", "jsonl").stdout.decode()
    bad = run("parse", str(page), "--from", "nosuchformat")  # pdf is a reader now (issue 18)
    assert bad.returncode == 1 and "unknown reader 'nosuchformat'" in bad.stderr.decode()
    orphan = run("parse", str(page), "--reader-option", "text_column=Text")
    assert orphan.returncode == 2 and "--reader-option needs --from" in orphan.stderr.decode()
    wrong = run("parse", str(page), "--from", "html", "--reader-option", "text_column=Text")
    assert wrong.returncode == 1 and "bad options" in wrong.stderr.decode() and "Traceback" not in wrong.stderr.decode()


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
