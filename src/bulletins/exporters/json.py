"""JSON and JSONL exporters, and :func:`loads`, the exact way back from JSON to the model."""

from __future__ import annotations

import json
from typing import Any, ClassVar

from .._convert import structure, unstructure
from ..errors import LoadError
from ..model import SCHEMA, Document

_orjson: Any
try:  # orjson writes the same text ~14x faster; it is optional (pip install 'bulletins[fast]')
    import orjson as _orjson
except ImportError:  # pragma: no cover - depends on the environment
    _orjson = None


def dumps(value: Any, *, indent: int | None = None, ensure_ascii: bool = False) -> str:
    """Serialise *value* like ``json.dumps(ensure_ascii=False)``, with orjson when installed.

    orjson is used only where its output is identical to the standard library's: no ASCII
    escaping, and an indent of 2 or none.
    """
    if _orjson is not None and not ensure_ascii and indent in (None, 2):
        option = _orjson.OPT_INDENT_2 if indent == 2 else 0
        try:
            return str(_orjson.dumps(value, option=option).decode("utf-8"))
        except TypeError:  # e.g. a lone surrogate, which orjson refuses: fall back
            pass
    if indent is None:  # compact, exactly as orjson writes it
        return json.dumps(value, ensure_ascii=ensure_ascii, separators=(",", ":"))
    return json.dumps(value, ensure_ascii=ensure_ascii, indent=indent)


class JsonExporter:
    """The whole document as one JSON object (schema ``bulletins/1``)."""

    name: ClassVar[str] = "json"
    suffix: ClassVar[str] = ".json"

    def __init__(self, *, indent: int | None = 2, ensure_ascii: bool = False) -> None:
        """Configure the output.

        Args:
            indent: Indentation, or None for one line.
            ensure_ascii: Escape non-ASCII characters (off: Chinese stays readable).
        """
        self.indent = indent
        self.ensure_ascii = ensure_ascii

    def export(self, document: Document) -> str:
        """Return *document* as JSON text."""
        return dumps(unstructure(document), indent=self.indent, ensure_ascii=self.ensure_ascii) + "\n"


class JsonlExporter:
    """One JSON record per line: each bulletin, then each residue, with the source's provenance.

    Records are ``{"schema", "source", "bulletin"}`` or ``{"schema", "source", "residue"}``,
    so a corpus of many files concatenates into one stream without losing any text.
    """

    name: ClassVar[str] = "jsonl"
    suffix: ClassVar[str] = ".jsonl"

    def export(self, document: Document) -> str:
        """Return *document* as JSON Lines."""
        source = unstructure(document.source)
        lines = [
            dumps({"schema": document.schema, "source": source, "bulletin": unstructure(b)}) for b in document.bulletins
        ]
        lines += [
            dumps({"schema": document.schema, "source": source, "residue": unstructure(r)}) for r in document.residue
        ]
        return "".join(line + "\n" for line in lines)


def loads(text: str | bytes) -> Document:
    """Read a document back from the JSON written by the ``json`` exporter.

    Raises:
        LoadError: The text is not JSON, not schema ``bulletins/1``, or has the wrong shape.
    """
    try:
        data: Any = json.loads(text)
    except ValueError as exc:
        raise LoadError(f"not JSON: {exc}") from exc
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        found = data.get("schema") if isinstance(data, dict) else type(data).__name__
        raise LoadError(f"expected a {SCHEMA} document, found schema {found!r}")
    return structure(Document, data)
