"""Point markers at the start of a line: GB/T 9704-2012 §7.3.3 levels and what writers really use.

Strong markers (一、 （一） 1. 1、 （1） ⑴ ① 第一， 第一条) are points wherever they stand. Weak markers
(一是 / 一要, a number with its dot missing, ——) are points only in context; the lexer
decides (see :mod:`bulletins.lexing`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import frozen

from .._text import HAN, cn_to_int


@frozen(kw_only=True)
class Marker:
    """A point marker found at the start of a line."""

    marker: str
    """The marker as printed (cut from the original line)."""
    style: str
    """Normalised marker family, e.g. ``一、`` or ``1.``."""
    number: int
    """The number the marker carries."""
    end: int
    """Offset where the point's text starts."""


_CNNUM = "一二三四五六七八九十百"
_STRONG: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("一、", re.compile(rf"^(?P<n>[{_CNNUM}]{{1,4}})、")),
    ("（一）", re.compile(rf"^[（(](?P<n>[{_CNNUM}]{{1,4}})[）)]")),
    ("（1）", re.compile(r"^[（(](?P<n>\d{1,3})[）)]")),
    ("1.", re.compile(r"^(?P<n>\d{1,5})[.．](?![\d.．])")),
    ("1、", re.compile(r"^(?P<n>\d{1,3})、")),
    ("⑴", re.compile(r"^(?P<c>[\u2474-\u2487])")),
    ("①", re.compile(r"^(?P<c>[\u2460-\u2473])")),
    # a）a type of list item / b）…: a standard's list items (GB/T 1.1-2009 §6.3.4; formats/pdf-text
    # zhuyandong_gbt9704-2012 p4 前言 a）…g）, formats/pdf-scanned zhuyandong_gbt15834-2011 4.4.3.2 a）…f）).
    # Lower case only, with text after it; no line of the text corpora opens so.
    ("a）", re.compile(r"^(?P<c>[a-z])[)）](?=\S)")),
    # 第一，坚决打好湖北保卫战 (seed 004); the punctuation keeps 第一时间 out.
    ("第一，", re.compile(rf"^第(?P<n>[{_CNNUM}]{{1,3}})[，,、：:]")),
    # 第一条 为维护劳动者… : the articles of a law or regulation (web/lawref, rmrb 条例); the space
    # after 条 keeps 第一条高铁 out.
    # 第一千二百六十条: numbers up to the thousands (the 民法典).
    ("第一条", re.compile(rf"^第(?P<n>[{_CNNUM}千零〇]{{1,7}})条(?:之[一二三四五六七八九十]{{1,2}})?(?=[\s\u3000])")),
    # 第一章 规划背景 / 第一节 发展基础: the chapters and sections of a plan or a law (rmrb/2019-02/
    # 20190219-14-01.txt, web/lawref); a space after the word, as for articles. 第一分编 通则: the
    # 民法典's sub-books.
    ("第一章", re.compile(rf"^第(?P<n>[{_CNNUM}零〇]{{1,3}})(?:[章编]|分编)(?=[\s\u3000])")),
    ("第一节", re.compile(rf"^第(?P<n>[{_CNNUM}零〇]{{1,3}})节(?=[\s\u3000])")),
)
_ORDINAL_BASE = {"⑴": 0x2474, "①": 0x2460, "a）": ord("a")}

# 一是…二要…三是 used as block items (seeds 000, 002, 004): a family, numbered in sequence. 是 may be
# followed by 要 (三是要素市场化配置改革加快落地, rmrb/2020-05/20200531-02-01.txt line 33; 四是要加强…, 11 rmrb
# lines open so): only 要是 (if) is no marker.
_SEQUENCE = re.compile(rf"^(?P<n>[{_CNNUM}]{{1,3}})(?P<verb>是|要(?!是))")
# 2学院科级以上干部… (seed 002): the dot is missing after the number.
_BARE_NUMBER = re.compile(rf"^(?P<n>\d{{1,2}})(?=[{HAN}“《])")
_DASH = re.compile(r"^(?:——|--)(?=[^—\-])")


def strong_marker(line: str, shadow: str) -> Marker | None:
    """Return the strong marker opening *line*, or None."""
    for style, pattern in _STRONG:
        match = pattern.match(shadow)
        if match is None:
            continue
        if style in _ORDINAL_BASE:
            number = ord(match.group("c")) - _ORDINAL_BASE[style] + 1
        else:
            value = cn_to_int(match.group("n"))
            if value is None or value == 0:
                continue
            number = value
        return Marker(marker=line[: match.end()], style=style, number=number, end=match.end())
    return None


def sequence_marker(line: str, shadow: str) -> Marker | None:
    """Return a 一是 / 一要 marker opening *line* (to be confirmed by its sequence), or None."""
    match = _SEQUENCE.match(shadow)
    if match is None:
        return None
    number = cn_to_int(match.group("n"))
    if number is None or number == 0:
        return None
    return Marker(marker=line[: match.end()], style="一是", number=number, end=match.end())


def bare_number_marker(line: str, shadow: str) -> Marker | None:
    """Return a number whose dot is missing (``2学院…``), to be confirmed by its sequence."""
    match = _BARE_NUMBER.match(shadow)
    if match is None:
        return None
    return Marker(marker=line[: match.end()], style="1.", number=int(match.group("n")), end=match.end())


_ORDINAL_WORDS = {"首先": 1, "其次": 2, "再次": 3, "最后": 0}
_ORDINAL_WORD = re.compile(r"^(?P<w>首先|其次|再次|最后)[，,：:]")


def ordinal_word_marker(line: str, shadow: str) -> Marker | None:
    """Return 首先， / 其次， / 再次， / 最后， (最后 numbered 0: it follows whatever came before).

    Never a point (discourse words: lexing/rules/paragraphs.py); it keeps a short line that opens
    so from being read as a title.
    """
    match = _ORDINAL_WORD.match(shadow)
    if match is None:
        return None
    number = _ORDINAL_WORDS[match.group("w")]
    return Marker(marker=line[: match.end()], style="首先，", number=number, end=match.end())


def dash_marker(line: str, shadow: str) -> Marker | None:
    """Return a leading ``——`` marker (numbered later by position in its run), or None."""
    match = _DASH.match(shadow)
    if match is None:
        return None
    return Marker(marker=line[: match.end()], style="——", number=0, end=match.end())


# 第一条为了保护… with no space after 条 (PDF and OFD text layers set the space as a gap, not a
# character): read as an article only where the text numbers several such lines in a run.
# 第十七条之一: an article inserted after 第十七条 by an amendment (the 刑法, formats/pdf-text aitejiu_xingfa_wps).
_GLUED = re.compile(
    rf"^第(?P<n>[{_CNNUM}千零〇]{{1,7}})(?P<unit>条|章|节|分编|编)(?P<inserted>之[一二三四五六七八九十]{{1,2}})?(?![\s\u3000])"
)
_SPACED_ARTICLE = re.compile(rf"^第(?P<n>[{_CNNUM}千零〇]{{1,7}})条[\s\u3000]")
_GLUED_STYLE = {"条": "第一条", "章": "第一章", "编": "第一章", "分编": "第一章", "节": "第一节"}
_GLUED_RUN = 3


def glued_markers(lines: Sequence[tuple[str, str]]) -> dict[int, Marker]:
    """Return the articles and chapters printed glued to their text that stand in a numbered run.

    *lines* are ``(text, shadow)`` pairs; the result is keyed by their index (``第一条为了…``,
    ``第一章总则``). Alone, ``第一条高铁`` is the first railway line, not an article: a glued marker counts only
    where at least three lines of its kind number a run: articles from 一 in print order, as a law's
    do; chapters and sections each next to a neighbouring number.
    """
    found: dict[str, list[tuple[int, int, re.Match[str]]]] = {}
    spaced: dict[int, int] = {}  # 第九条 网络运营者… (a space after 条): an article the strong markers read
    for index, (_, shadow) in enumerate(lines):
        match = _GLUED.match(shadow)
        if match is None:
            if shadow.startswith("第") and (article := _SPACED_ARTICLE.match(shadow)) is not None:
                spaced[index] = cn_to_int(article.group("n")) or 0
            continue
        number = cn_to_int(match.group("n"))
        if number:
            found.setdefault(match.group("unit"), []).append((index, number, match))
    out: dict[int, Marker] = {}
    for unit, candidates in found.items():  # each unit counts its own run: 编, 分编, 章, 节, 条
        style = _GLUED_STYLE[unit]
        # Articles: in print order, each next number of a run that starts at 一 (a compilation may
        # start again at 一); 第四条…修改为… lines of an amending decision, numbered as the articles
        # they amend, start elsewhere and are left as text (rmrb/2019-02/20190202-08-02.txt).
        if unit == "条":
            run = []
            last = 0
            # The articles printed with their space count in the run too: a text layer drops the gap
            # after some articles only (第九条 网络运营者… / 第十条建设、运营网络… / 第十一条 网络相关…,
            # formats/pdf-text/magicpi_wangluo-anquanfa-2016.pdf lines 23–25).
            at = {index: candidate for candidate in candidates for index in (candidate[0],)}
            for index in sorted((*at, *spaced)):
                if index in spaced:
                    last = spaced[index]
                    continue
                candidate = at[index]
                if candidate[2].group("inserted"):
                    if candidate[1] == last and last:  # 第十七条之一 after 第十七条 (or after 第十七条之一)
                        run.append(candidate)
                elif candidate[1] == last + 1 or candidate[1] == 1:
                    run.append(candidate)
                    last = candidate[1]
        else:  # headings restart in every part and repeat in a 目录: a neighbouring number suffices
            numbers = {number for _, number, _ in candidates}
            run = [c for c in candidates if c[1] - 1 in numbers or c[1] + 1 in numbers]
        # The spaced articles count towards the run: three glued ones alone, or fewer among the law's
        # spaced articles, each next to the one before.
        counted = len(run) + (sum(1 for number in spaced.values() if number) if unit == "条" else 0)
        if not run or counted < _GLUED_RUN:
            continue
        for index, number, match in run:
            out[index] = Marker(marker=lines[index][0][: match.end()], style=style, number=number, end=match.end())
    return out


# 1　总则 / 1.1　编制目的及依据 / 1.2.1　国家级（Ⅰ级）：… : a plan's decimal outline (GB/T 1.1-style numbering,
# the 应急预案 layout), the number set off from its text by a space.
# A scan or a PDF text layer may print a space after a dot (3. 1 术语, 7. 3.4 附件说明: formats/pdf-text
# zhuyandong_gbt9704-2012 p5–p8), glue a clause's number to its title (7.4.1版记中的分隔线, p3; OCR glues
# them all: 1范围, 3.1点号, 4.1.3.1用于句子末尾…, formats/pdf-scanned zhuyandong_gbt15834-2011 p4–p5) — never
# to a unit or a counter (1月, 3人, 2.5亿元) — or set a sub-clause's number alone on its line over its
# term (2.2 / 句子 sentence; OCR reads 2.1 as ``2.1.``).
_UNITS = "年月日号时秒个人岁万亿元次条项级届期名位座家件倍米克吨台辆户所"  # not 分: 4.6分号 (a clause title)
_DECIMAL = re.compile(
    rf"^(?:(?P<n>\d{{1,2}}(?:[.．]\s?\d{{1,2}}){{0,3}})(?:(?=[\s\u3000]+\S)|(?=[{HAN}])(?![{_UNITS}])|(?P<alone>$))"
    # 2.1. 标点符号 / 2.1.: a sub-clause's number with a stray dot after it (OCR), never 1. (the strong 1. style)
    rf"|(?P<dotted>\d{{1,2}}(?:[.．]\s?\d{{1,2}}){{1,3}})[.．](?:(?=[\s\u3000]+\S)|$)"
    # A.1句号用法补充规则 / B.3.1: an annex's clauses (GB/T 1.1-2009 §8.4), numbered after its letter.
    rf"|(?P<annex>[A-H](?:[.．]\s?\d{{1,2}}){{1,3}})(?:(?=[\s\u3000]+\S)|(?=[{HAN}])))"
)
_DECIMAL_STYLES = ("1", "1.1", "1.1.1", "1.1.1.1")
_DECIMAL_RUN = 3


def decimal_markers(lines: Sequence[tuple[str, str]]) -> dict[int, Marker]:
    """Return the decimal outline numbers (``1``, ``1.1``, ``1.2.1``) that open lines of a numbered outline.

    *lines* are ``(text, shadow)`` pairs; the result is keyed by their index. A 应急预案 numbers its
    sections and items so (govcn-html/row41.html lines 38–46: ``1　总则`` / ``1.1　编制目的及依据`` / … /
    ``1.2.1　国家级（Ⅰ级）：两个以上省…``), each one a point. A number counts only where the outline
    reaches it: ``1`` or the number after one counted (``2`` after ``1``), ``x.1`` under a counted
    ``x``, ``x.n`` after a counted ``x.(n-1)``; and only in a text holding at least three such lines,
    one of them two levels deep. Left alone: a programme's dates (``11.17 上海大剧院`` / ``10.20 上海
    交响乐团音乐厅``, rmrb/2019-10/20191017-17-01.txt lines 13–20: no outline reaches them), a number
    glued to its text or ended by a dot (``1.``, a strong marker of its own). An annex's clauses
    (``A.1``, ``A.4.1``, ``B.3.1``) count as their letter's sub-clauses, from ``A.1``.
    """
    counted: set[tuple[int, ...]] = set()
    found: list[tuple[int, tuple[int, ...], re.Match[str]]] = []
    for index, (_, shadow) in enumerate(lines):
        match = _DECIMAL.match(shadow)
        if match is None or (match.group("alone") is not None and not re.search(r"[.．]", match.group("n"))):
            continue  # a number alone on its line counts only with a dot in it (2.2), never 2 alone
        parts = re.split(r"[.．]\s?", match.group("n") or match.group("dotted") or match.group("annex"))
        # An annex's letter counts after every number (A → 101): its clauses start again at A.1.
        number = tuple(100 + ord(part) - ord("A") + 1 if part.isalpha() else int(part) for part in parts)
        if 0 in number:
            continue
        last = number[-1]
        if match.group("annex") is not None and len(number) == 2 and last == 1:
            reached = True  # A.1 under the heading 附录 A (the letter alone opens no line)
        elif len(number) == 1:
            reached = last == 1 or (last - 1,) in counted
        else:
            reached = number[:-1] in counted if last == 1 else (*number[:-1], last - 1) in counted
        if reached:
            counted.add(number)
            found.append((index, number, match))
    if len(found) < _DECIMAL_RUN or not any(len(number) > 1 for _, number, _ in found):
        return {}
    return {
        index: Marker(
            marker=lines[index][0][: match.end()],
            style=_DECIMAL_STYLES[len(number) - 1],
            number=number[-1],
            end=match.end(),
        )
        for index, number, match in found
    }
