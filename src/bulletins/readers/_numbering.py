"""Word automatic numbering (``w:numPr``): render the markers Word prints but the runs do not hold.

GB/T 9704 documents written in Word often number points with a list style: the text runs hold
``总体要求`` while the page shows ``一、总体要求``. The marker is rebuilt from the numbering part
(``w:num`` → ``w:abstractNum`` → ``w:lvl``: ``numFmt``, ``lvlText``, ``start``), counting per list
and level, with deeper levels restarting when a shallower one advances (ECMA-376 §17.9).
"""

from __future__ import annotations

from typing import Any

from attrs import frozen

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DIGITS = "〇一二三四五六七八九"
_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"


def chinese(n: int) -> str:
    """Return *n* (1–9999) in Chinese counting: 一, 十, 十一, 二十, 一百零五."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = (
            ""
            if not rest
            else ("零" + chinese(rest) if rest < 10 else (_DIGITS[1] if rest < 20 else "") + chinese(rest))
        )
        return _DIGITS[n // 100] + "百" + tail
    return str(n)


def _roman(n: int) -> str:
    out = []
    for value, glyph in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                         (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):  # fmt: skip
        while n >= value:
            out.append(glyph)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """Format *n* in the OOXML number format *fmt* (ST_NumberFormat)."""
    if fmt in {"chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "ideographDigital", "chineseLegalSimplified"}:  # fmt: skip
        return chinese(n)
    table = {"decimalEnclosedCircle": _CIRCLED, "decimalEnclosedCircleChinese": _CIRCLED,
             "decimalEnclosedParen": _PAREN, "decimalEnclosedFullstop": _FULLSTOP,
             "ideographTraditional": _HEAVENLY}  # fmt: skip
    if fmt in table:
        glyphs = table[fmt]
        return glyphs[n - 1] if 1 <= n <= len(glyphs) else str(n)
    if fmt == "decimalFullWidth":
        return str(n).translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


@frozen
class Level:
    """One level of a list definition."""

    fmt: str
    text: str
    start: int
    suffix: str


def _val(el: Any, tag: str) -> str | None:
    found = el.find(W + tag)
    return None if found is None else found.get(W + "val")


class Numbering:
    """Counters over a document's numbering definitions, advanced paragraph by paragraph."""

    def __init__(self, root: Any | None) -> None:
        """Read the definitions from the numbering part's root element (None: no numbering part)."""
        self.abstract: dict[str, dict[int, Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        for abstract in root.iter(W + "abstractNum"):
            levels: dict[int, Level] = {}
            for lvl in abstract.iter(W + "lvl"):
                ilvl = int(lvl.get(W + "ilvl", "0"))
                levels[ilvl] = Level(
                    fmt=_val(lvl, "numFmt") or "decimal",
                    text=_val(lvl, "lvlText") or "",
                    start=int(_val(lvl, "start") or "1"),
                    suffix=_val(lvl, "suff") or "tab",
                )
            self.abstract[abstract.get(W + "abstractNumId", "")] = levels
        for num in root.iter(W + "num"):
            overrides: dict[int, int] = {}
            for override in num.iter(W + "lvlOverride"):
                start = _val(override, "startOverride")
                if start is not None:
                    overrides[int(override.get(W + "ilvl", "0"))] = int(start)
            self.nums[num.get(W + "numId", "")] = (_val(num, "abstractNumId") or "", overrides)

    def marker(self, num_id: str, ilvl: int) -> str:
        """Advance list *num_id* at level *ilvl* and return the marker Word prints ('' when none)."""
        if num_id == "0" or num_id not in self.nums:
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, overrides.get(ilvl, level.start) - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt == "bullet":
            text = level.text if level.text and level.text.isprintable() and ord(level.text[0]) < 0xE000 else "•"
            return text + " "
        if level.fmt == "none":
            return ""
        text = level.text
        for k in range(9):
            placeholder = f"%{k + 1}"
            if placeholder in text:
                sub = levels.get(k)
                value = counters.get(k, overrides.get(k, sub.start if sub else 1))
                text = text.replace(placeholder, format_number(value, sub.fmt if sub else "decimal"))
        return text + (" " if level.suffix == "space" else "")
