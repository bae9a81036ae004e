"""The README's quick start is what .ci/run runs first, and its main job works as printed."""

from __future__ import annotations

import os
import shlex
from pathlib import Path

import pytest

from bulletins.cli import main
from tests.conftest import ROOT, SEEDS
from tests.quickstart import commands


def test_the_quick_start_is_two_commands_the_main_job_then_the_tests() -> None:
    main_job, tests = commands()
    assert main_job == "python3 -m pip install -e . && bulletins parse seeds --to all -o out"
    assert shlex.split(tests) == ["python3", "-m", "pip", "install", "-e", ".[test]", "&&", "python3", "-m", "pytest"]
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["optional-dependencies"]
    assert any(requirement.startswith("pytest") for requirement in declared["test"])


def test_ci_runs_the_quick_start_as_printed_before_it_installs_anything_else() -> None:
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    quickstart = ci.index('bash -c "$command"')
    assert "python3 tests/quickstart.py" in ci[:quickstart]
    assert "unset CI" in ci[:quickstart]  # as on a user's machine
    assert "pip install" not in ci[:quickstart] and "apt-get" not in ci[:quickstart]
    assert "export CI=true" in ci[quickstart:]  # the extras phase: no skipping


def test_the_main_job_as_printed_writes_every_format_for_every_seed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    main_job = commands()[0]
    argv = shlex.split(main_job.split("&&")[1])
    assert argv[0] == "bulletins"
    (tmp_path / "seeds").symlink_to(SEEDS, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    assert main(argv[1:]) == 0, capsys.readouterr().err
    summary = capsys.readouterr().err
    seeds = sorted(SEEDS.glob("*.txt"))
    for seed in seeds:
        assert f"{seed.name}:" in summary  # a per-file summary line
        for suffix in (".json", ".jsonl", ".xml", ".tei.xml", ".html", ".attendance.csv"):
            written = tmp_path / "out" / (seed.stem + suffix)
            assert written.is_file() and written.stat().st_size > 0, written
    assert (tmp_path / "out" / "index.html").is_file()
    assert os.listdir(tmp_path / "seeds")  # the inputs are untouched
