"""Nest a bulletin's flat body into points and their children, by marker level.

Levels follow the order in which marker styles first appear in the bulletin (DESIGN §1:
"a marker style seen first becomes the next level"), so skipped levels and mixed styles
(一要/二是) never fail. A *heading point* (short text, no sentence punctuation: 一、时间,
一、9月1日，…会议在广州召开) owns the plain paragraphs that follow it; a *paragraph point*
(第一，加大相互支持。要加强…) owns only deeper points.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ._text import SENTENCE_PUNCT
from .model import Block, Point

HEADING_MAX = 40
"""Longest point text (characters) that can still be a heading point."""


def is_heading(point: Point) -> bool:
    """Return True when *point* is a heading that owns the paragraphs after it."""
    text = point.text
    return len(text) <= HEADING_MAX and not any(ch in SENTENCE_PUNCT for ch in text)


class _Open:
    __slots__ = ("children", "level", "point")

    def __init__(self, point: Point, level: int) -> None:
        self.point = point
        self.level = level
        self.children: list[_Open | Block] = []


def _freeze(item: _Open | Block) -> Block:
    if isinstance(item, _Open):
        return attrs.evolve(item.point, level=item.level, children=tuple(_freeze(c) for c in item.children))
    return item


def nest(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """Return *blocks* with points nested by level and levels filled in."""
    levels: dict[str, int] = {}
    root: list[_Open | Block] = []
    stack: list[_Open] = []
    for block in blocks:
        if isinstance(block, Point):
            level = levels.setdefault(block.style, len(levels) + 1)
            while stack and stack[-1].level >= level:
                stack.pop()
            node = _Open(block, level)
            (stack[-1].children if stack else root).append(node)
            stack.append(node)
            continue
        while stack and not is_heading(stack[-1].point):
            stack.pop()  # a paragraph after a paragraph point closes it
        (stack[-1].children if stack else root).append(block)
    return tuple(_freeze(item) for item in root)
