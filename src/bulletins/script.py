"""Traditional/Simplified Chinese: detection, the matching shadow, explicit output conversion.

All matching runs on a Simplified *shadow* of the text: ``text.translate(table)`` with a
one-character-to-one-character table built from OpenCC's ``TSCharacters`` dictionary (as
shipped by opencc-python-reimplemented). The shadow has the same length as the text, so an
offset found in the shadow cuts the original text: output stays in the source's script.
Converting the *output* (``script="simplified"``) is a separate step using OpenCC proper.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Literal, TypeVar, cast

import attrs

from ._attrs_util import fields_of as _fields_of

ScriptName = Literal["hans", "hant"]

_T = TypeVar("_T")


def _dictionary(name: str) -> str:
    return resources.files("opencc").joinpath("dictionary").joinpath(name).read_text(encoding="utf-8")


_FULLWIDTH_DIGITS = {0xFF10 + k: ord("0") + k for k in range(10)}


@functools.cache
def shadow_table() -> dict[int, int]:
    """Return the Traditional → Simplified ``str.translate`` table (single characters only, plus ０–９ → 0–9)."""
    # Full-width digits (新华社北京４月２０日电, web/newscrawl) are digits to every rule.
    table: dict[int, int] = dict(_FULLWIDTH_DIGITS)
    for row in _dictionary("TSCharacters.txt").splitlines():
        trad, _, simps = row.partition("\t")
        simp = simps.split(" ")[0] if simps else ""
        if len(trad) == 1 and len(simp) == 1 and trad != simp:
            table[ord(trad)] = ord(simp)
    return table


@functools.cache
def _simplified_only() -> frozenset[int]:
    """Characters that exist only in Simplified writing (they have a distinct Traditional form)."""
    out: set[int] = set()
    for row in _dictionary("STCharacters.txt").splitlines():
        simp, _, trads = row.partition("\t")
        if len(simp) == 1 and trads and simp not in trads.split(" "):
            out.add(ord(simp))
    return frozenset(out - shadow_table().keys())


_TABLE_SIZE = 0x30000
"""Code points covered by the lookup string; beyond it (rare planes) characters map to themselves."""


@functools.cache
def _lookup() -> str:
    # str.translate with a str table indexes it directly (an IndexError leaves the character
    # unchanged), which is faster than hashing every character into a dict.
    # Control characters other than tab and line ends are blanks to every rule (not marks of
    # either script): a backspace left between a caption's last sentence and its credit
    # (``…後離開。\x08黎家威攝``, web/hkcnews/article_45974.md line 25) hid the credit. The text keeps them.
    table = {**shadow_table(), **_CONTROLS}
    return "".join(chr(table.get(code, code)) for code in range(_TABLE_SIZE))


_CONTROLS = {c: ord(" ") for c in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)}


def shadow(text: str) -> str:
    """Return the Simplified shadow of *text*, of exactly the same length."""
    return text.translate(_lookup())


_TRAD_MARK = "\ue001"
_SIMP_MARK = "\ue002"


@functools.cache
def _marks() -> str:
    """A lookup string that turns Traditional-only and Simplified-only characters into marks."""
    # Full-width digits are in the shadow table but belong to neither script: ２０２０年１月１８日 in
    # a Simplified text once made it Traditional.
    trad_only = shadow_table().keys() - _FULLWIDTH_DIGITS.keys()
    simp_only = _simplified_only()
    marks = []
    for code in range(_TABLE_SIZE):
        marks.append(_TRAD_MARK if code in trad_only else _SIMP_MARK if code in simp_only else chr(code))
    return "".join(marks)


DETECT_SAMPLE = 100_000
"""Characters looked at to tell the scripts apart."""


def detect(text: str) -> ScriptName:
    """Return ``hant`` when Traditional-only characters outnumber Simplified-only ones."""
    sample = text[:DETECT_SAMPLE].replace(_TRAD_MARK, "").replace(_SIMP_MARK, "")
    marked = sample.translate(_marks())
    return "hant" if marked.count(_TRAD_MARK) > marked.count(_SIMP_MARK) else "hans"


@functools.cache
def _t2s() -> object:
    from opencc import OpenCC

    return OpenCC("t2s")


def to_simplified_text(text: str) -> str:
    """Convert *text* to Simplified Chinese with OpenCC (phrase-aware, may change length)."""
    converter = _t2s()
    return str(converter.convert(text))  # type: ignore[attr-defined]


def to_simplified(value: _T) -> _T:
    """Return a copy of a model object with every string field converted to Simplified."""
    return cast("_T", _convert(value))


def _convert(value: object) -> object:
    if isinstance(value, str):
        return to_simplified_text(value)
    if isinstance(value, tuple):
        return tuple(_convert(item) for item in value)
    if attrs.has(type(value)):
        changes = {}
        for attribute in _fields_of(value):
            # Discriminators, codes and identifiers are not Chinese text.
            if attribute.name in {"type", "kind", "code", "level", "id", "schema", "genre", "iso"}:
                continue
            old = getattr(value, attribute.name)
            new = _convert(old)
            if new is not old:
                changes[attribute.name] = new
        return attrs.evolve(value, **changes) if changes else value  # type: ignore[misc]
    return value
