"""The mapping between the model and our XML vocabulary, derived from the model's type hints.

One table of rules serves the writer (:mod:`bulletins.exporters.xml`) and the RelaxNG schema
generator (:func:`relaxng`), so the shipped schema cannot drift from the model:

* an attrs object is an element; a field named ``text`` is its character content;
* other scalar fields (str, int, float, bool, Literal) are attributes; tuples of ints
  (line ranges, line numbers) are space-separated attributes;
* a nested object is a child element named after its field; a tuple of objects is a run of
  child elements named by :data:`ITEM_NAMES`; a tuple of strings is a run of ``<item>`` elements
  (``<item absent="true"/>`` for a None in ``roles``); body blocks are named by their ``type``;
* ``None`` is an absent attribute or element; field names use hyphens (``line-numbers``).
"""

from __future__ import annotations

import functools
import types
import typing
from typing import Any, Literal, Union, get_args, get_origin

import attrs

from .model import Caption, Document, Paragraph, Point, Subhead, Table

NAMESPACE = "urn:bulletins:xml:1"
"""Namespace of our XML vocabulary."""

BLOCKS: dict[str, type] = {
    "paragraph": Paragraph,
    "point": Point,
    "subhead": Subhead,
    "caption": Caption,
    "table": Table,
}
ITEM_NAMES: dict[str, str] = {
    "bulletins": "bulletin",
    "residue": "residue",
    "diagnostics": "diagnostic",
    "attendees": "group",
    "decks": "deck",
    "enumeration": "enum-item",
    "notice_elements": "notice-element",
    "source_lines": "source-line",
    "byline_lines": "source-line",
    "credits": "credit",
    "metadata": "field",
    "rows": "row",
    "figures": "figure",
    "cells": "cell",
    "pages": "page",
    "boxes": "box",
}
"""Element name of one item of a tuple-of-objects field."""


def xml_name(field: str) -> str:
    """Return the XML name of a model field (underscores become hyphens)."""
    return field.replace("_", "-")


@functools.cache
def hints(cls: type) -> dict[str, Any]:
    """Return the resolved type hints of a model class."""
    return typing.get_type_hints(cls)


def unwrap_optional(hint: Any) -> tuple[Any, bool]:
    """Return ``(inner, optional)`` for ``X | None``."""
    if get_origin(hint) in (Union, types.UnionType):
        args = [a for a in get_args(hint) if a is not type(None)]
        optional = len(args) < len(get_args(hint))
        inner = args[0] if len(args) == 1 else Union[tuple(args)]  # noqa: UP007 - runtime construction
        return inner, optional
    return hint, False


def is_block_union(hint: Any) -> bool:
    """True for the Block union (told apart by ``type``)."""
    return get_origin(hint) in (Union, types.UnionType) and all(a in BLOCKS.values() for a in get_args(hint))


def kind_of(hint: Any) -> str:
    """Classify a (non-optional) field type: scalar, ints, object, objects, strings, blocks."""
    origin = get_origin(hint)
    if origin is tuple:
        args = get_args(hint)
        item = args[0]
        if args[-1] is Ellipsis:
            inner, _ = unwrap_optional(item)
            if is_block_union(item):
                return "blocks"
            if isinstance(inner, type) and attrs.has(inner):
                return "objects"
            if inner is int:
                return "ints"
            return "strings"
        return "ints"
    if isinstance(hint, type) and attrs.has(hint):
        return "object"
    if is_block_union(hint):
        return "blocks"
    return "scalar"


# -- the schema ---------------------------------------------------------------------------------

_RNG = "http://relaxng.org/ns/structure/1.0"
_XSD = "http://www.w3.org/2001/XMLSchema-datatypes"


def _datatype(hint: Any) -> str:
    if get_origin(hint) is Literal:
        return "".join(f"<value>{v}</value>" for v in get_args(hint)).join(("<choice>", "</choice>"))
    name = {int: "integer", float: "double", bool: "boolean", str: "string"}.get(hint, "string")
    return f'<data type="{name}"/>'


def _define(cls: type) -> str:
    return cls.__name__


def _field_pattern(name: str, hint: Any) -> str:
    inner, optional = unwrap_optional(hint)
    # Containers are written only when they hold something, so they are always optional.
    optional = optional or kind_of(inner) in {"objects", "strings", "blocks"}
    kind = kind_of(inner)
    xname = xml_name(name)
    if name == "text" and kind == "scalar":
        return "<text/>"
    if kind == "scalar":
        pattern = f'<attribute name="{xname}">{_datatype(inner)}</attribute>'
    elif kind == "ints":
        pattern = f'<attribute name="{xname}"><list><zeroOrMore><data type="integer"/></zeroOrMore></list></attribute>'
    elif kind == "object":
        pattern = f'<element name="{xname}"><ref name="{_define(inner)}"/></element>'
    elif kind == "objects":
        item_cls, _ = unwrap_optional(get_args(inner)[0])
        item = ITEM_NAMES.get(name, xname)
        pattern = (
            f'<element name="{xname}"><zeroOrMore><element name="{item}">'
            f'<ref name="{_define(item_cls)}"/></element></zeroOrMore></element>'
        )
    elif kind == "blocks":
        pattern = f'<element name="{xname}"><zeroOrMore><ref name="block"/></zeroOrMore></element>'
    else:  # strings
        pattern = (
            f'<element name="{xname}"><zeroOrMore><element name="item"><choice>'
            '<text/><attribute name="absent"><value>true</value></attribute></choice>'
            "</element></zeroOrMore></element>"
        )
    return f"<optional>{pattern}</optional>" if optional else pattern


def _classes(root: type) -> list[type]:
    seen: list[type] = []

    def visit(hint: Any) -> None:
        inner, _ = unwrap_optional(hint)
        if isinstance(inner, type) and attrs.has(inner):
            if inner not in seen:
                seen.append(inner)
                for field_hint in hints(inner).values():
                    visit(field_hint)
            return
        for arg in get_args(inner):
            if arg is not Ellipsis:
                visit(arg)

    visit(root)
    return seen


def relaxng() -> str:
    """Return the RelaxNG schema (XML syntax) of our vocabulary, generated from the model."""
    defines = []
    for cls in _classes(Document):
        fields = [
            _field_pattern(a.name, hints(cls)[a.name])
            for a in attrs.fields(cls)
            if not (cls in BLOCKS.values() and a.name == "type")
        ]
        # Character content is written before child elements (see the XML exporter).
        fields.sort(key=lambda pattern: pattern != "<text/>")
        defines.append(f'  <define name="{_define(cls)}">\n    ' + "\n    ".join(fields) + "\n  </define>")
    blocks = "".join(f'<element name="{name}"><ref name="{cls.__name__}"/></element>' for name, cls in BLOCKS.items())
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        "<!-- Generated from bulletins.model by bulletins._xmlmap.relaxng(); do not edit by hand. -->\n"
        f'<grammar xmlns="{_RNG}" datatypeLibrary="{_XSD}" ns="{NAMESPACE}">\n'
        '  <start><element name="document"><ref name="Document"/></element></start>\n'
        f'  <define name="block"><choice>{blocks}</choice></define>\n' + "\n".join(defines) + "\n</grammar>\n"
    )
