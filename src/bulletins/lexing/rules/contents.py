"""Rules *contents* and *table of contents*: a document's 目录 and the headings it lists.

A long official document — a law, a plan, a budget or a quality report — may print its table of
contents before its text: a ``目录`` label over one entry a line (chapter headings, parts, numbered
sections with dot leaders and page numbers), then the text, whose headings repeat the entries.
The label and the entries are navigation, kept as residue (never points, never headlines), and the
headings they announce title parts of the same document: none of them opens a bulletin
(:func:`listed`, asked by the *short run* rule).

Evidence: formats/pdf-text/weilueluo_minfadian.pdf lines 5–138 (目录, then 第一编总则 … 附则, the
text from 第一编 总 则), formats/docx/weilueluo_minfadian.docx line 5 (``目  录``),
formats/pdf-text/guhhhhaa_xianfa-2018.pdf lines 4–17 (目录 / 序言 / 第一章总纲 …, the text from 序言),
formats/pdf-text/hushengjie_tsinghua-benke-jiaoxue-zhiliang-baogao-2023-2024.pdf lines 2–10
(``一、本科教育基本情况......``), formats/pdf-text/zxjgov_putuo-guihua-ziranziyuan-2024-bumen-juesuan_word2010.pdf
lines 4–24 (a 决算's parts), rmrb/2019-02/20190219-14-01.txt lines 8–59 (a plan's 目录 without a label).
"""

from __future__ import annotations

import re

from ..context import Context
from ..lines import Raw

_CONTENTS_MIN = 4
_HEADING_STYLES = frozenset({"第一章", "第一节"})
# 目录 / 目  录 / 目 次 alone on a line (a standard prints 目次).
_LABEL = re.compile(r"^目\s*[录次]$")
# ......… 12 / ·········3: an entry's dot leader and page number.
_LEADER = re.compile(r"[.．…·・\s]{3,}\d{0,4}$|\s+\d{1,4}$")
_SPACE = re.compile(r"\s+")
# A dot leader (and a page number) inside a line: where one entry of a packed contents line ends.
_INNER_LEADER = re.compile(r"[.．…·・]{3,}\s*\d{0,4}\s*")
_ENTRY_MAX = 64
_ENTRIES_MAX = 400  # the 民法典's contents list 132 headings
_ENTRIES_MIN = 2
_PREFIX_MIN = 6  # a heading printed with its entry's glued neighbour (第一部分…概况一、主要职能) still matches


def is_contents_label(shadow: str) -> bool:
    """``目录`` / ``目  录`` / ``目次`` alone on its line: the label of a table of contents."""
    return _LABEL.match(shadow.strip()) is not None


def entry_key(shadow: str) -> str:
    """An entry or a heading as compared: its dot leader and page number cut, spaces removed."""
    return _SPACE.sub("", _LEADER.sub("", shadow))


def _entry_like(raw: Raw) -> bool:
    return _is_entry(entry_key(raw.shadow))


def _is_entry(key: str) -> bool:
    return 0 < len(key) <= _ENTRY_MAX and not key.endswith(("。", "；", "：", ":", "，"))


def _packed_entries(raw: Raw) -> list[str]:
    """The entries of a contents line that holds several, each closed by its dot leader; [] for any other line.

    ``一、部门主要职能………二、部门机构设置………三、名词解释………`` (a WPS budget's contents, its
    entries run together on one text line:
    formats/pdf-text/zxjbudget_putuo-wanli-jiedao-2025-bumen-yusuan_wps-office.pdf line 4).
    """
    pieces = [_SPACE.sub("", piece) for piece in _INNER_LEADER.split(raw.shadow.strip())]
    if pieces and not pieces[-1]:
        pieces.pop()
    if len(pieces) < _ENTRIES_MIN or not all(_is_entry(piece) for piece in pieces):
        return []
    return pieces


def _same_heading(key: str, entry: str) -> bool:
    if key == entry:
        return True
    return min(len(key), len(entry)) >= _PREFIX_MIN and (entry.startswith(key) or key.startswith(entry))


def listed(ctx: Context, shadow: str) -> bool:
    """*shadow* is a heading the bulletin's table of contents listed: a part of the same document."""
    if not ctx.contents:
        return False
    key = entry_key(shadow)
    return bool(key) and any(_same_heading(key, entry) for entry in ctx.contents)


def contents(ctx: Context, i: int) -> int | None:
    """A ``目录`` label and the entries under it: navigation, up to the text's first heading.

    The entries run until the first of them is printed again (the text begins: 序言 after 目录 /
    序言 / 第一章总纲 …) or until a line that cannot be an entry (a sentence); at least two
    entries. Each is kept as residue and remembered (:func:`listed`).
    """
    if not is_contents_label(ctx.raws[i].shadow):
        return None
    k = i + 1
    keys: list[str] = []
    led = False  # the entries carry dot leaders
    while k < len(ctx.raws) and k - i <= _ENTRIES_MAX:
        raw = ctx.raws[k]
        if raw.kind in {"image", "hidden"}:  # a page number between two pages of entries
            k += 1
            continue
        packed = _packed_entries(raw)
        if packed:
            keys.extend(packed)
            led = True
            k += 1
            continue
        if not _entry_like(raw):
            break
        key = entry_key(raw.shadow)
        if keys and _same_heading(key, keys[0]):
            break
        # Entries printed with dot leaders end at a line without one set over a sentence: the first
        # heading of the text (``上海市普陀区人民政府万里街道办事处（部门）主要职能`` over its first
        # paragraph, zxjbudget_putuo-wanli-jiedao line 14).
        after = ctx.peek(k + 1)
        if led and not _LEADER.search(raw.shadow) and (after is None or not _entry_like(after)):
            break
        led = led or (not keys and _LEADER.search(raw.shadow) is not None)
        keys.append(key)
        k += 1
    if len(keys) < _ENTRIES_MIN:
        return None
    for n in range(i, k):
        ctx.emit_line("NAV", n)
    ctx.contents.update(keys)
    return k


def _is_heading(raw: Raw) -> bool:
    return raw.marker is not None and raw.marker.style in _HEADING_STYLES


def table_of_contents(ctx: Context, i: int) -> int | None:
    """Four or more chapter or section headings in a row: a table of contents.

    A plan's 目录 (rmrb/2019-02/20190219-14-01.txt lines 8–59) lists every 第X章 / 第X节 heading
    with no text between them; it is navigation, kept as residue, and the headings printed again
    over the text are the points.
    """
    k = i
    while k < len(ctx.raws) and _is_heading(ctx.raws[k]):
        k += 1
    if k - i < _CONTENTS_MIN:
        return None
    for n in range(i, k):
        ctx.emit_line("NAV", n)
    ctx.contents.update(entry_key(raw.shadow) for raw in ctx.raws[i:k])
    return k
