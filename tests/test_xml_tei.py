"""XML and TEI exporters: schema validity (our schema, official tei_all), text fidelity, properties."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

import pytest
from hypothesis import given, settings
from lxml import etree

import bulletins
from bulletins._xmlmap import relaxng
from bulletins.cleaners import clean
from bulletins.decode import decode
from bulletins.model import Document
from bulletins.validate import _our_relaxng, _tei_relaxng, validate_bytes
from tests.conftest import SEEDS
from tests.strategies import documents
from tests.test_notices import NOTICE

TEI = "{http://www.tei-c.org/ns/1.0}"
_WS = re.compile(r"\s+")


@pytest.fixture(scope="session")
def tei_schema() -> Any:
    # Fetched with pip into the cache on first use and compiled once per run (~20 s). This
    # check never skips: an archive must be able to trust every TEI file.
    return _tei_relaxng()


def _valid(schema: Any, text: str) -> tuple[bool, str]:
    ok = schema.validate(etree.fromstring(text.encode("utf-8")))
    return ok, "; ".join(f"{e.line}: {e.message}" for e in list(schema.error_log)[:3])


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_every_seed_is_valid_tei(seed: str, seed_documents: dict[str, Document], tei_schema: Any) -> None:
    ok, errors = _valid(tei_schema, bulletins.export(seed_documents[seed], "tei"))
    assert ok, errors


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_every_seed_is_valid_bulletins_xml(seed: str, seed_documents: dict[str, Document]) -> None:
    ok, errors = _valid(_our_relaxng(), bulletins.export(seed_documents[seed], "xml"))
    assert ok, errors


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_tei_text_holds_every_character_of_the_source(seed: str, seed_documents: dict[str, Document]) -> None:
    root = etree.fromstring(bulletins.export(seed_documents[seed], "tei").encode())
    # The character data of the texts and of the corpus header's notes (residue outside bulletins).
    parts = [t for text in root.iter(f"{TEI}text") for t in text.itertext()]
    parts += [t for note in root.find(f"{TEI}teiHeader").iter(f"{TEI}note") for t in note.itertext()]
    exported = Counter(_WS.sub("", "".join(parts)))
    source = Counter(_WS.sub("", clean(decode((SEEDS / seed).read_bytes()).text)))
    assert not source - exported, f"missing: {''.join(sorted((source - exported).elements()))[:80]}"


def test_shipped_schema_is_generated_from_the_model() -> None:
    shipped = (SEEDS.parent / "src" / "bulletins" / "schemas" / "bulletins.rng").read_text(encoding="utf-8")
    assert shipped == relaxng(), "run: python -c 'from bulletins._xmlmap import relaxng; print(relaxng(), end=\"\")'"


def test_tei_marks_names_in_place_and_lists_them(seed_documents: dict[str, Document]) -> None:
    root = etree.fromstring(bulletins.export(seed_documents["000_2d494656d95ed764.txt"], "tei").encode())
    first = root.find(f"{TEI}TEI")
    persons = {p.get("{http://www.w3.org/XML/1998/namespace}id"): p for p in first.iter(f"{TEI}person")}
    refs = [(n.get("ref"), n.text) for n in first.find(f"{TEI}text").iter(f"{TEI}persName")]
    assert [name for _, name in refs] == ["习近平", "习近平", "李克强", "王沪宁", "韩正"]
    for ref, name in refs:
        assert persons[ref[1:]].findtext(f"{TEI}persName") == name
    assert persons["b1-p3"].get("role") == "出席"
    assert persons["b1-p3"].findtext(f"{TEI}occupation") == "中共中央政治局常委、中央全面深化改革委员会副主任"


def test_tei_dateline_and_dates(seed_documents: dict[str, Document]) -> None:
    root = etree.fromstring(bulletins.export(seed_documents["000_2d494656d95ed764.txt"], "tei").encode())
    dateline = root.find(f"{TEI}TEI").find(f".//{TEI}opener/{TEI}dateline")
    assert "".join(dateline.itertext()) == "新华社北京9月6日电"
    assert dateline.findtext(f"{TEI}orgName") == "新华社" and dateline.findtext(f"{TEI}placeName") == "北京"
    assert dateline.find(f"{TEI}date").get("when") == "--09-06"
    notice = etree.fromstring(bulletins.export(seed_documents["002_58afc2a1a6f5e462.txt"], "tei").encode())
    closer = notice.find(f"{TEI}TEI").find(f".//{TEI}closer")
    assert closer.findtext(f"{TEI}signed/{TEI}orgName") == "党委办公室"
    assert closer.find(f"{TEI}dateline/{TEI}date").get("when") == "2020-02-09"


def test_tei_points_are_nested_divs(seed_documents: dict[str, Document]) -> None:
    root = etree.fromstring(bulletins.export(seed_documents["002_58afc2a1a6f5e462.txt"], "tei").encode())
    body = root.find(f"{TEI}TEI").find(f".//{TEI}body")
    fourth = next(d for d in body.findall(f"{TEI}div") if d.get("n") == "四")
    assert fourth.get("type") == "level1" and fourth.findtext(f"{TEI}head/{TEI}label") == "四、"
    inner = fourth.find(f"{TEI}div")
    assert (inner.get("type"), inner.get("n")) == ("level2", "一")
    assert [d.get("n") for d in inner.findall(f"{TEI}div")] == [str(k) for k in range(1, 9)]


def test_a_notice_is_valid_tei(tei_schema: Any) -> None:
    ok, errors = _valid(tei_schema, bulletins.export(bulletins.parse(NOTICE), "tei"))
    assert ok, errors


def test_illegal_xml_characters_are_replaced_and_reported(tei_schema: Any) -> None:
    document = bulletins.parse("标题\n\n正文\x01内容\x0b。\n")
    for name, schema in (("tei", tei_schema), ("xml", _our_relaxng())):
        text = bulletins.export(document, name)
        assert "\x01" not in text and "\ufffd" in text
        assert "xml-illegal-character" in text
        ok, errors = _valid(schema, text)
        assert ok, errors


def test_empty_document_is_still_valid_tei(tei_schema: Any) -> None:
    ok, errors = _valid(tei_schema, bulletins.export(bulletins.parse(""), "tei"))
    assert ok, errors


@settings(max_examples=40, deadline=None)
@given(documents())
def test_every_exporter_is_valid_for_any_document(document: Document) -> None:
    assert bulletins.loads(bulletins.export(document, "json")) == document
    for line in bulletins.export(document, "jsonl").splitlines():
        assert json.loads(line)["schema"] == "bulletins/1"
    ok, errors = _valid(_our_relaxng(), bulletins.export(document, "xml"))
    assert ok, errors
    ok, errors = _valid(_tei_relaxng(), bulletins.export(document, "tei"))
    assert ok, errors


def test_validate_reports_line_and_kind(tmp_path: Any) -> None:
    broken = b'<?xml version="1.0"?>\n<teiCorpus xmlns="http://www.tei-c.org/ns/1.0">\n<oops>\n</teiCorpus>'
    report = validate_bytes(broken)
    assert not report.valid and report.problems[0].line == 4
    other = validate_bytes(b"<html/>")
    assert not other.valid and "neither TEI nor bulletins XML" in other.problems[0].message
