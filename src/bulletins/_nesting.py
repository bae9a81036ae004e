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


def _levels(blocks: Sequence[Block]) -> dict[str, int]:
    """Each marker style's level: the order in which the styles first appear, a law's outline kept.

    A statute is 章 › 节 › 条 whatever appears first: the 宪法 prints an article's （一） before its first
    第一节, which made the 节 a level below （一） and the next 节 a child of the article before it
    (formats/pdf-text/guhhhhaa_xianfa-2018.pdf: 第二节 中华人民共和国主席 under 第七十八条). Where a bulletin
    with chapters prints 节 after its first article, the 节 takes the level above the articles.
    """
    order: list[str] = []
    for block in blocks:
        if isinstance(block, Point) and block.style not in order:
            order.append(block.style)
    outline = {_CHAPTER, _SECTION, _ARTICLE} <= set(order)
    if outline and order.index(_CHAPTER) < order.index(_ARTICLE) < order.index(_SECTION):
        order.remove(_SECTION)
        order.insert(order.index(_ARTICLE), _SECTION)
    return {style: k for k, style in enumerate(order, 1)}


_CHAPTER, _SECTION, _ARTICLE = "第一章", "第一节", "第一条"  # the styles of analyze/markers.py


def nest(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """Return *blocks* with points nested by level and levels filled in."""
    levels = _levels(blocks)
    root: list[_Open | Block] = []
    stack: list[_Open] = []
    for block in blocks:
        if isinstance(block, Point):
            level = levels[block.style]
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
