"""Hostile files, each a named case through the API and the CLI: a clear outcome, never a traceback.

Time linear in the size is measured by bench/bench.py (15 MB line, 30 000 numbered lines); here
the full-size cases only have to finish (pytest-timeout bounds them generously).
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

import bulletins
from bulletins.cleaners import clean
from bulletins.decode import decode
from bulletins.errors import DecodeError, ReadError
from bulletins.model import Point, iter_blocks
from tests.test_nothing_lost import assert_nothing_lost

NUMBERED = "关于做好工作的通知\n\n" + "".join(f"{k}.请做好第{k}项工作。\n" for k in range(1, 30_001))
ATTENDEES = (
    "会议召开\n\n省领导"
    + "、".join(f"王{chr(0x4E00 + k % 2000)}{chr(0x4E00 + k // 2000)}" for k in range(10_000))
    + "参加会议。\n"
)
STYLES = ["一、", "（一）", "1.", "（1）", "⑴", "①", "第一，", "1、", "一是", "a）"]
DEEP = "关于做好工作的通知\n\n" + "\n".join(f"{m}第{k + 1}层要求" for k, m in enumerate(STYLES)) + "\n"
CASES: dict[str, bytes] = {
    "random-bytes": random.Random(1).randbytes(20_000),
    "png-image": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(2).randbytes(5_000),
    "nul-inside-text": "会议指出，要坚持人民至上。\n".encode() * 10 + b"\x00" + "会议强调。\n".encode(),
    "xml-illegal-controls": "习近平主持会议\n\n会议指出，\x01要坚持\x0b人民至上。\n".encode(),
    "lone-surrogate-bytes": "正文".encode() + b"\xed\xa0\x80" + "正文。".encode() * 50,
    "lying-bom": b"\xff\xfe" + "中共中央政治局召开会议\n\n会议指出，要坚持人民至上。\n".encode(),
    "mixed-encodings": "会议指出，要坚持人民至上。\n".encode() * 20 + "会议强调，要统筹发展。\n".encode("gbk") * 20,
    "empty": b"",
    "15mb-single-line": ("会议强调，要坚持人民至上，省领导林克庆、张福海参加会议。" * 170_000).encode(),
    "30000-numbered-lines": NUMBERED.encode(),
    "10000-attendees": ATTENDEES.encode(),
    "long-headlines": ("标" * 64 + "\n\n" + "题" * 100_000 + "\n\n新华社北京9月6日电 会议召开。\n").encode(),
    "deep-point-levels": DEEP.encode(),
}
# What each case must give: an error message fragment, or a check of the document.
ERRORS = {
    "random-bytes": "not text",
    "png-image": "a damaged PNG image: the IHDR header's checksum does not match",  # claimed by the image reader
    "nul-inside-text": "not text: NUL character on line 11",
    "lone-surrogate-bytes": "byte offset 6: bytes ed a0 80 e6 are not valid utf-8 (the rest of the file is UTF-8)",
    "mixed-encodings": "byte offset 800: not valid UTF-8, though the 800 bytes before it are",
}


def _points(document: bulletins.Document) -> list[Point]:
    return [b for bulletin in document.bulletins for b in iter_blocks(bulletin.body) if isinstance(b, Point)]


CHECKS: dict[str, Callable[[bulletins.Document], object]] = {
    "xml-illegal-controls": lambda d: (
        "\ufffd" in bulletins.export(d, "tei") and "\x01" not in bulletins.export(d, "xml")
    ),
    "lying-bom": lambda d: d.source.encoding == "utf-8" and [x.code for x in d.diagnostics] == ["bom-mismatch"],
    "empty": lambda d: d.bulletins == () and d.residue == (),
    "15mb-single-line": lambda d: len(d.bulletins) == 1 and len(d.bulletins[0].body[0].text) == 28 * 170_000,
    "30000-numbered-lines": lambda d: [p.number for p in _points(d)] == list(range(1, 30_001)),
    "10000-attendees": lambda d: len(d.bulletins[0].attendees[0].names) == 10_000,
    "long-headlines": lambda d: d.bulletins[0].headline is not None and d.bulletins[0].headline.lines == ("标" * 64,),
    "deep-point-levels": lambda d: [p.level for p in _points(d)] == list(range(1, 11)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_file_through_the_api(name: str) -> None:
    data = CASES[name]
    if name in ERRORS:
        with pytest.raises((DecodeError, ReadError), match=re.escape(ERRORS[name])):
            bulletins.parse(data, source=f"{name}.txt")
        return
    document = bulletins.parse(data, source=f"{name}.txt")
    assert CHECKS[name](document)
    if len(data) < 2_000_000:
        assert_nothing_lost(document, clean(decode(data).text))
        etree.fromstring(bulletins.export(document, "tei").encode())


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_file_through_the_cli(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_bytes(CASES[name])
    result = subprocess.run(
        [sys.executable, "-m", "bulletins", "parse", str(path), "--to", "jsonl"],
        capture_output=True,
        timeout=240,
        check=False,
    )
    err = result.stderr.decode()
    assert "Traceback" not in err
    if name in ERRORS:
        assert result.returncode == 1
        assert err.strip().splitlines()[0].startswith(f"{path}: ") and ERRORS[name] in err
    else:
        assert result.returncode == 0, err
        for line in result.stdout.decode().splitlines():
            assert json.loads(line)["schema"] == "bulletins/1"


def test_lone_surrogate_in_text_given_as_str() -> None:
    document = bulletins.parse("标题\n\n正文\ud800内容。\n")
    assert bulletins.loads(bulletins.export(document, "json")) == document
    assert "\ufffd" in bulletins.export(document, "xml")


def test_mixed_encodings_with_replace_keep_the_utf8_text() -> None:
    document = bulletins.parse(CASES["mixed-encodings"], errors="replace")
    replaced = [d for d in document.diagnostics if d.code == "replaced-bytes"]
    assert len(replaced) == 101 and "not listed" in replaced[-1].message
    assert replaced[0].line == 21
    assert document.bulletins[0].body[0].text.startswith("会议指出，要坚持人民至上。")
