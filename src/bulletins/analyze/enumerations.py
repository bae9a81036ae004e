"""Enumerations inside a paragraph: 一要…二要…, 一是…二是…, 第一，…第二，…, 首先…其次….

A run must count up from one, each marker standing at a clause boundary (start of the
paragraph, or after 。；：，、, a closing quote or white space), so that 统一是, 唯一是, 第一时间
and 进一步要 never start a run. Matching runs on the Simplified shadow.

A long paragraph can hold several runs one after another — a speech's 第一，…第二，… and later
一是…二是… (issue 15: one-line texts, where a whole speech is one paragraph, kept only the
longest): every run that does not overlap a longer one is kept, in text order, each numbered
from one. A run inside another run's item (nested) is not read.
"""

from __future__ import annotations

import re

from .._text import HAN, cn_to_int
from ..model import EnumItem

_HAN_RE = re.compile(f"[{HAN}]")
_MIN_ITEM = 2
# A marker stands at the start of the paragraph or after one of these (checked on each match,
# not by a look-behind, so that the patterns open with their own characters and scan fast).
_BOUNDARY = frozenset("。；;：:，,、”’」』）)！？!? \u3000\xa0\t\n")
_CN = "一二三四五六七八九十"
# 一是 / 一要 / 一抓 are one family: writers mix them (一要/二要/三是, seed 002 line 328).
# 一是要…二是要… (a speech's enumeration with its modal): 是 may be followed by 要; only 要是 (if) is none.
_SHI = re.compile(rf"(?P<n>[{_CN}]{{1,2}})(?P<v>是|要(?!是))")
_DI = re.compile(rf"第(?P<n>[{_CN}]{{1,2}})[，,、：:]")
_ORDINAL_WORDS = {"首先": 1, "其次": 2, "再次": 3, "最后": 99}
_FIRST = re.compile(r"(?P<w>首先|其次|再次|最后)[，,]")


def _at_boundary(shadow: str, start: int) -> bool:
    return start == 0 or shadow[start - 1] in _BOUNDARY


def _runs(shadow: str) -> list[list[tuple[int, int, int]]]:
    """Candidate runs as lists of ``(start, end, number)`` per family."""
    families: list[list[tuple[int, int, int]]] = []
    for pattern in (_SHI, _DI):
        found = []
        for match in pattern.finditer(shadow):
            number = cn_to_int(match.group("n"))
            if number and _at_boundary(shadow, match.start()):
                found.append((match.start(), match.end(), number))
        families.append(found)
    words = []
    for match in _FIRST.finditer(shadow):
        if _at_boundary(shadow, match.start()):
            words.append((match.start(), match.end(), _ORDINAL_WORDS[match.group("w")]))
    families.append(words)
    return families


def _counting_runs(candidates: list[tuple[int, int, int]]) -> list[list[tuple[int, int, int]]]:
    """Every run of candidates numbered 1, 2, 3 … in order, of two or more (最后 closes a 首先 run)."""
    runs: list[list[tuple[int, int, int]]] = []
    run: list[tuple[int, int, int]] = []
    for start, end, number in candidates:
        expected = len(run) + 1
        if number == expected or (number == 99 and run):
            run.append((start, end, len(run) + 1))
            if number == 99:
                runs.append(run)
                run = []
        elif number == 1:
            runs.append(run)
            run = [(start, end, 1)]
    runs.append(run)
    return [r for r in runs if len(r) >= 2]


def _kept_runs(shadow: str) -> list[list[tuple[int, int, int]]]:
    """The runs to read: longest first, each kept unless it overlaps one kept before; text order."""
    runs = sorted(
        (run for candidates in _runs(shadow) for run in _counting_runs(candidates)),
        key=lambda run: (-len(run), run[0][0]),
    )
    kept: list[list[tuple[int, int, int]]] = []
    for run in runs:
        first, last = run[0][0], run[-1][1]
        if all(last <= other[0][0] or first >= other[-1][1] for other in kept):
            kept.append(run)
    return sorted(kept, key=lambda run: run[0][0])


def find_enumeration(text: str, shadow: str | None = None) -> tuple[EnumItem, ...]:
    """Return the inline enumerations of *text* (every counting run not inside another), or ``()``.

    Args:
        text: The paragraph in its original script (item texts are cut from it).
        shadow: Its Simplified shadow, same length; defaults to *text*.
    """
    shadow = text if shadow is None else shadow
    markers = [marker for run in _kept_runs(shadow) for marker in run]
    items = []
    for k, (start, end, number) in enumerate(markers):
        stop = markers[k + 1][0] if k + 1 < len(markers) else len(text)
        items.append(EnumItem(marker=text[start:end], number=number, text=text[end:stop]))
    # 一是一，二是二 is an idiom, not a list: every item must say something.
    if any(len(_HAN_RE.findall(item.text)) < _MIN_ITEM for item in items):
        return ()
    return tuple(items)
