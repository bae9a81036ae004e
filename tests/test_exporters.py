"""Exporter plugins: registry, JSON round trips, JSONL provenance."""

from __future__ import annotations

import json
from typing import ClassVar

import pytest

import bulletins
from bulletins.errors import ExportError, LoadError, UnknownPluginError
from bulletins.exporters import available_exporters, get_exporter, register_exporter
from bulletins.model import Document
from bulletins.plugins import unregister


def test_builtins_are_registered_like_third_parties() -> None:
    assert {"json", "jsonl"} <= set(available_exporters())


def test_unknown_exporter_lists_the_menu() -> None:
    with pytest.raises(
        UnknownPluginError, match=r"unknown exporter 'yml' \(available: [a-z, ]*json, jsonl, [a-z, ]*tei, xml"
    ):
        get_exporter("yml")


def test_bad_options_are_an_export_error() -> None:
    with pytest.raises(ExportError, match="bad options"):
        get_exporter("json", colour="red")


def test_runtime_registration_and_conflicts() -> None:
    class Upper:
        name: ClassVar[str] = "titles"
        suffix: ClassVar[str] = ".txt"

        def export(self, document: Document) -> str:
            return "\n".join(b.headline.title for b in document.bulletins if b.headline)

    register_exporter(Upper)
    try:
        assert "titles" in available_exporters()
        document = bulletins.parse("中共中央政治局召开会议\n\n新华社北京9月9日电 会议指出，要坚持。\n")
        assert bulletins.export(document, "titles") == "中共中央政治局召开会议"
        with pytest.raises(bulletins.PluginConflictError):
            register_exporter(Upper)
    finally:
        unregister("bulletins.exporters", "titles")


def test_json_round_trip_is_exact(seed_documents: dict[str, Document]) -> None:
    for document in seed_documents.values():
        assert bulletins.loads(bulletins.export(document, "json")) == document


def test_jsonl_carries_provenance_and_keeps_residue(seed_documents: dict[str, Document]) -> None:
    document = seed_documents["001_cb1989d8750bc7f6.txt"]
    records = [json.loads(line) for line in bulletins.export(document, "jsonl").splitlines()]
    assert len(records) == len(document.bulletins) + len(document.residue)
    assert all(r["source"]["sha256"] == document.source.sha256 for r in records)
    assert sum("residue" in r for r in records) == 7


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "not JSON"),
        ('{"schema": "other/2"}', "expected a bulletins/1 document"),
        ('{"schema": "bulletins/1", "bulletins": [{"id": 1}]}', r"\$\.bulletins\[0\]"),
        ('{"schema": "bulletins/1", "colour": 1}', "unknown field"),
    ],
)
def test_loads_rejects_what_is_not_a_document(text: str, message: str) -> None:
    with pytest.raises(LoadError, match=message):
        bulletins.loads(text)


def test_two_installed_plugins_with_one_name_are_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib.metadata import EntryPoint

    from bulletins import plugins

    doubled = [
        EntryPoint(name="json", value="bulletins.exporters.json:JsonExporter", group="bulletins.exporters"),
        EntryPoint(name="json", value="someone_else:JsonExporter", group="bulletins.exporters"),
    ]
    monkeypatch.setattr(plugins, "entry_points", lambda group: tuple(doubled))
    with pytest.raises(bulletins.PluginConflictError, match="two installed plugins are named 'json'"):
        get_exporter("json")


def test_an_installed_plugin_is_loaded_once_per_scan_and_a_registration_still_wins() -> None:
    from bulletins import plugins
    from bulletins.exporters.json import JsonExporter

    group = "bulletins.exporters"
    assert plugins.load(group, "json") is JsonExporter
    assert plugins._LOADED[(group, "json")][1] is JsonExporter  # kept for the next call
    plugins.register(group, "json", Document, replace=True)  # a runtime plugin is asked first
    try:
        assert plugins.load(group, "json") is Document
    finally:
        plugins.unregister(group, "json")
    plugins.refresh()
    assert (group, "json") not in plugins._LOADED
    assert plugins.load(group, "json") is JsonExporter


@pytest.mark.parametrize("indent", [None, 2])
def test_json_text_does_not_depend_on_orjson(
    indent: int | None, monkeypatch: pytest.MonkeyPatch, seed_documents: dict[str, Document]
) -> None:
    from bulletins.exporters import json as json_module

    document = seed_documents["001_cb1989d8750bc7f6.txt"]
    with_fast = bulletins.export(document, "json", indent=indent) + bulletins.export(document, "jsonl")
    monkeypatch.setattr(json_module, "_orjson", None)
    assert bulletins.export(document, "json", indent=indent) + bulletins.export(document, "jsonl") == with_fast
