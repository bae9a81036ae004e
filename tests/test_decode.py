"""Decoding: encodings, BOMs, and input that is not text."""

from __future__ import annotations

import codecs

import pytest

import bulletins
from bulletins.decode import decode
from bulletins.errors import BulletinsError, DecodeError
from tests.conftest import SEEDS

SEED_000 = (SEEDS / "000_2d494656d95ed764.txt").read_text(encoding="utf-8")
SEED_001 = (SEEDS / "001_cb1989d8750bc7f6.txt").read_text(encoding="utf-8")
SEED_003 = (SEEDS / "003_eb6abe27dfbda830.txt").read_text(encoding="utf-8")
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + bytes(range(256)) * 4


def _encode(text: str, codec: str) -> bytes:
    if codec == "utf-8-sig":
        return codecs.BOM_UTF8 + text.encode("utf-8")
    if codec == "utf-16":
        return text.encode("utf-16")  # with BOM
    if codec == "crlf":
        return text.replace("\n", "\r\n").encode("utf-8")
    return text.encode(codec)


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        # Seed 000 holds NBSP (not in GBK), so it goes through GB18030; seed 003 through GBK.
        (SEED_000, "gb18030", "gb18030"),
        (SEED_003, "gbk", "gb18030"),
        (SEED_001, "big5hkscs", "big5hkscs"),
        (SEED_001, "gb18030", "gb18030"),
        (SEED_000, "utf-16", "utf-16-le"),
        (SEED_001, "utf-8-sig", "utf-8-sig"),
        (SEED_003, "crlf", "utf-8"),
    ],
    ids=["000-gb18030", "003-gbk", "001-big5hkscs", "001-gb18030", "000-utf16", "001-bom", "003-crlf"],
)
def test_every_encoding_gives_the_same_bulletins(text: str, codec: str, expected: str) -> None:
    original = bulletins.parse(text.encode("utf-8"))
    document = bulletins.parse(_encode(text, codec))
    assert document.source.encoding == expected
    assert document.bulletins == original.bulletins
    assert document.residue == original.residue


def test_utf8_is_certain() -> None:
    result = decode("新华社北京9月6日电".encode())
    assert (result.encoding, result.confidence) == ("utf-8", 1.0)


def test_utf32_bom() -> None:
    assert decode(codecs.BOM_UTF32_LE + "通知".encode("utf-32-le")).text == "通知"


def test_empty_input_is_an_empty_document() -> None:
    document = bulletins.parse(b"")
    assert document.bulletins == () and document.residue == ()
    assert document.source.bytes == 0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (PNG, "not text"),
        (b"\x00\x01\x02garbage\x00" * 50, "not text"),
        ("正文".encode() + b"\x00" + "更多正文".encode(), "not text: NUL character on line 1"),
    ],
    ids=["png", "nul-soup", "nul-inside-text"],
)
def test_binary_input_is_refused(data: bytes, message: str) -> None:
    # The text reader's refusal: by content a PNG signature goes to the image reader (tests/test_ocr.py).
    with pytest.raises(DecodeError, match=message):
        bulletins.parse(data, source="x.bin", reader="text")


def test_random_bytes_never_make_a_document_of_garbage() -> None:
    import random

    data = random.Random(7).randbytes(4096)
    with pytest.raises(BulletinsError):
        bulletins.parse(data)


def test_undecodable_bytes_name_the_offset() -> None:
    data = ("新华社北京9月6日电 " * 40).encode("utf-8")
    data = data[:301] + b"\xff\xfe" + data[301:]
    with pytest.raises(DecodeError) as info:
        bulletins.parse(data, source="bad.txt")
    assert info.value.offset is not None
    assert "bad.txt" in str(info.value) and "offset" in str(info.value)


def test_replace_counts_every_replacement() -> None:
    good = ("会议强调，要坚持人民至上。\n" * 30).encode("utf-8")
    data = good[:100] + b"\xff" + good[100:200] + b"\xfe\xfe" + good[200:]
    document = bulletins.parse(data, errors="replace")
    replaced = [d for d in document.diagnostics if d.code == "replaced-bytes"]
    assert len(replaced) >= 2
    assert all(d.line is not None for d in replaced)
