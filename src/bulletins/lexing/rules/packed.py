"""Packed lines: paragraphs whose line breaks were lost in export — where to cut, and what each piece may be.

Texts exported with their line breaks lost keep each paragraph's U+3000 U+3000 indent inside
one long line (rmrb/2019-10/20191021-15-03.txt lines 4-5, web/xispeech): there the indents are
the paragraph breaks, so that points and datelines that open a paragraph are found. A dataset
cell may have no indents at all (web/xispeech all_data_row22.txt: a letter, its dateline, then
the news story about it, one line of 2,000 characters); there the parts a text prints on lines
of their own still start where a sentence has ended: a dateline opening the next story
(``…。新华社北京8月31日电在密云水库…``), a dateline printed last (``…（新华社北京8月31日电）``) and
the People's Daily page reference a reprint ends with (``《 人民日报 》（ 2020年09月01日 01 版）``),
and at the two ends of a speech or a letter: its title, date, speaker and salutation run together
(``在…峰会上的致辞（2020年9月4日，北京）中华人民共和国主席 习近平尊敬的…朋友们：大家好！``), a
letter's label (``回信乡亲们：…``) and its signature before the dateline (``…。习近平2020年8月30日（新华社…电）``).

:func:`segments` cuts the line; :func:`packed_raws` decides which pieces keep the raw kind the raw-kind
pass gave them (a dateline, a credit printed last, a speech's front matter) and which are paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from ..._text import looks_like_name
from ..lines import Raw
from .speech import is_salutation

_PACKED_MIN = 150
_INDENT = re.compile("\u3000{2,}")
_AGENCY = r"(?:新华社|本报|中新社|中新网|人民网|人民日报)"
# Where a part that stands on a line of its own starts inside a packed line.
# A dateline opening a story (cut before it when a sentence has just ended), and the page
# reference of a People's Daily reprint. Both patterns open with their own characters, so that
# re scans for them quickly; the sentence end before a dateline is checked on each match.
_STORY = re.compile(rf"据?{_AGENCY}[^，。！？（）()]{{0,12}}?\d{{1,2}}月\d{{1,2}}日电")
_SENTENCE_END = frozenset("。！？”）)")
_STORY_MIN = 10
_PAGE = re.compile(r"《\s*人民日报(?:海外版)?\s*》\s*[（(]\s*\d{4}年")
# A dateline printed last, in parentheses: a part of its own, whatever follows it.
_PRINTED_LAST = re.compile(rf"[（(]据?{_AGENCY}[^（）()]{{1,20}}?电[）)]")
# The front matter a speech prints on lines of its own, run into one (web/xispeech all_data_row20.txt):
# 在…峰会上的致辞 / （2020年9月4日，北京） / 中华人民共和国主席 习近平 / 尊敬的…朋友们： / 大家好！…
_SALUTATION = r"(?:尊敬的|同志们|各位|女士们|朋友们|亲爱的)"
_SPEECH_HEAD = re.compile(
    r"(?P<title>[^（()。！？，：]{4,80}?)"
    r"(?P<date>[（(](?:\d{4}|[〇○一二三四五六七八九十]{4})年[^（）()]{2,20}[）)])"
    rf"(?P<speaker>(?:[^\s，。：（）()]{{2,16}}\s)?[\u4e00-\u9fff]{{2,4}}?(?=\u3000|{_SALUTATION}))?"
    rf"(?P<salutation>{_SALUTATION}[^。！？：:]{{0,120}}?[：:])?"
)
# A letter's label run into its text: 回信乡亲们：… / 贺信值此… (all_data_row22.txt, row24.txt).
_LETTER = re.compile(r"(?:回信|贺信|贺电|唁电|慰问信|感谢信)(?=\S)")
# A letter's signature run on before the dateline printed last: …。习近平2020年8月30日（新华社…电）.
_SIGNATURE = re.compile(rf"\d{{4}}年\d{{1,2}}月\d{{1,2}}日(?=[（(]据?{_AGENCY})")
_SIGNER = re.compile(r"[。！？](?P<name>[\u4e00-\u9fff]{2,4})$")


# -- a text run together on one line: sentence-level cuts ------------------------------------
#
# A dataset cell that holds a whole speech or article with no line break and no indent
# (web/xispeech all_data_row18.txt, row20, row35, row42; web/newscrawl add_content_81-1_idx107.txt)
# still prints, at a sentence end, what a printed page sets on a line of its own. Only where the
# text is that one line (:func:`segments`' *run_together*): in a paragraph of a text that keeps its
# line breaks, ``。第二，…`` is an enumeration inside the paragraph, not a point.

# 第一，坚持需求导向… / 一、充分认识…的重大战略意义党的十八大以来 / 一是加快科技创新是… after 。！？
# (row18: 13 points; row20, row35, row42: 第一，…第三，). A marker counts only where its series
# does: the number before or after it, in the same style, also follows a sentence end.
_MARKER = (
    r"(?:第(?P<ordinal>[一二三四五六七八九十]{1,3})[，、]"
    r"|(?P<heading>[一二三四五六七八九十]{1,3})、(?![一二三四五六七八九十\d])"
    r"|(?P<counted>[一二三四五六七八九十]{1,2})是)"
)
_RUN_MARKER = re.compile(rf"(?<=[。！？])”?{_MARKER}")
_MARKER_AT = re.compile(_MARKER)
# …答记者问。孙悦 摄吴谦：… (81-1_idx107), …出席会议。 新华社记者 鞠鹏/摄坚持依法防控… (xispeech row6):
# a photo credit ending a caption, the text going on after it.
_RUN_PHOTO = re.compile(
    r"(?<=[。！？])\s*(?:(?:新华社|本报|人民日报)?(?:特约)?记者\s*)?"
    r"(?P<names>[\u4e00-\u9fff]{2,4}(?:[、\s][\u4e00-\u9fff]{2,4}){0,3})\s*/?\s*摄(?!影|像|制|于|下|入|取)"
)
# 尊敬的古特雷斯秘书长先生，尊敬的各位同事：很高兴出席… (row35): a salutation opening the text.
_RUN_SALUTATION = re.compile(rf"{_SALUTATION}[^。！？：:“”]{{0,120}}?[：:]")
_CN_NUMBERS = "一二三四五六七八九十"


def _cn_number(text: str) -> int:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_NUMBERS.index(text[1]) + 1
    if text.endswith("十"):
        return 10 * (_CN_NUMBERS.index(text[0]) + 1)
    if len(text) == 3:
        return 10 * (_CN_NUMBERS.index(text[0]) + 1) + _CN_NUMBERS.index(text[2]) + 1
    return _CN_NUMBERS.index(text[0]) + 1


def run_markers(line: str, after: Iterable[int] = ()) -> list[int]:
    """Where a numbered point starts in a text run together on one line (see :data:`_RUN_MARKER`).

    *after* are the ends of other parts cut out of the line (a photo credit ends a caption, and
    the next point follows it: ``…。 新华社记者 鞠鹏/摄第三，改革完善…``, xispeech row6).
    """
    found: list[tuple[str, int, int]] = []
    at_parts = (_MARKER_AT.match(line, end) for end in after)
    for match in [*_RUN_MARKER.finditer(line), *(m for m in at_parts if m is not None)]:
        style = match.lastgroup or ""
        start = match.start(style) - (style == "ordinal")  # 第一，: the cut is before 第
        found.append((style, _cn_number(match.group(style)), start))
    # A series may start again under each heading (一是…十是 under 一、, 一是…五是 under 二、: row51).
    numbers = {(style, number) for style, number, _ in found}
    return sorted(at for style, number, at in found if (style, number - 1) in numbers or (style, number + 1) in numbers)


def run_photo_credits(line: str) -> list[tuple[int, int]]:
    """Spans of the photo credits that end a caption inside a text run together on one line."""
    spans = []
    for match in _RUN_PHOTO.finditer(line):
        names = re.split(r"[、\s]+", match.group("names").strip())
        if all(looks_like_name(name) for name in names):
            start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
            spans.append((start, match.end()))
    return spans


def segments(line: str, *, run_together: bool = False) -> list[tuple[int, int]]:
    """Spans of the paragraphs packed into one stripped line (the whole line when it is not packed).

    Args:
        line: The stripped line.
        run_together: The line is its text's only line (a dataset cell holding a whole speech or
            article): it is also cut at the sentence level (:func:`run_markers`,
            :func:`run_photo_credits`, a salutation that opens it).
    """
    if len(line) < _PACKED_MIN:
        return [(0, len(line))]
    cuts: set[int] = set()
    if "电" in line:
        # …only where a story follows it: one printed at the very end (…刘恺）新华社北京5月14日电, web/newscrawl
        # add_content_81-1_idx131.txt) signs the text before it.
        cuts.update(
            m.start()
            for m in _STORY.finditer(line)
            if m.start() and line[m.start() - 1] in _SENTENCE_END and len(line) - m.end() >= _STORY_MIN
        )
        for last in _PRINTED_LAST.finditer(line):
            cuts.update(last.span())
        for date in _SIGNATURE.finditer(line):
            signer = _SIGNER.search(line, max(0, date.start() - 5), date.start())
            if signer is not None:
                cuts.update((signer.start("name"), date.start(), date.end()))
    if "人民日报" in line:
        cuts.update(m.start() for m in _PAGE.finditer(line))
    # A dispatch that opens with its dateline and runs the speech's title block on
    # (新华社北京10月23日电在纪念…大会上的讲话（2020年10月23日）习近平同志们，朋友们：…, web/xispeech).
    opening = _STORY.match(line)
    at = opening.end() if opening is not None else 0
    head = _SPEECH_HEAD.match(line, at) or (_LETTER.match(line) if not at else None)
    if head is None and run_together:
        salute = _RUN_SALUTATION.match(line, at)
        if salute is not None and is_salutation(line[salute.start() : salute.end()]):
            head = salute
    if head is not None and at:
        cuts.add(at)
    if head is not None:
        cuts.update(head.end(group) for group in head.re.groupindex if head.group(group))
        cuts.add(head.end())
    for indent in _INDENT.finditer(line):
        cuts.update((indent.start(), indent.end()))
    if run_together:
        # Cut after a caption's credit only: the text goes on there. The credit stays the tail of the
        # caption's paragraph, since a credit's place among the body's paragraphs of one line is not
        # kept (model.held_texts orders a bulletin's credits after its body).
        ends = [end for _, end in run_photo_credits(line)]
        cuts.update(ends)
        cuts.update(run_markers(line, after=ends))
    bounds = [*sorted(cut for cut in cuts if 0 < cut < len(line)), len(line)]
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in bounds:
        piece = line[start:cut]
        if piece.strip("\u3000 "):
            lead = len(piece) - len(piece.lstrip("\u3000 "))
            spans.append((start + lead, start + len(piece.rstrip("\u3000 "))))
        start = cut
    return spans or [(0, len(line))]


# -- the kinds of a packed line's paragraphs --------------------------------------------------


# What a paragraph after the first of a packed line may be, besides body text: a story's own
# dateline (it opens the next bulletin), a dateline printed last, and credits — each only where the
# text holders of the line keep their order (model.held_texts): after a credit or a dateline
# printed last, nothing but credits until the next story's dateline.
_LATER = frozenset({"para", "point", "dateline", "trailing_dateline", "credit"})
_LAST = frozenset({"trailing_dateline", "credit"})


def _ends_its_bulletin(kinds: list[str]) -> bool:
    for kind in kinds:
        if kind == "dateline":
            return True
        if kind not in _LAST:
            return False
    return True


_FRONT = frozenset({"speech_date", "byline", "salutation"})
_SIGNER_KINDS = frozenset({"short", "byline"})


def _keeps(kinds: list[str], k: int) -> bool:
    """Whether the k-th paragraph of a packed line keeps the kind the content pass gave it."""
    kind, later = kinds[k], kinds[k + 1 :]
    if k == 0:
        return kind not in _LAST or _ends_its_bulletin(later)
    if k == 1 and kinds[0] == "dateline" and kind in _SIGNER_KINDS and later[:1] == ["speech_date"]:
        return True  # a speech's title run on after its dispatch's dateline (新华社北京10月23日电在…讲话（…）)
    if kind in _FRONT and all(before in _FRONT | _SIGNER_KINDS for before in kinds[int(kinds[0] == "dateline") : k]):
        return True  # a speech's front matter right after its title (…致辞 / （2020年9月4日，北京） / …)
    if kind in _SIGNER_KINDS and later[:1] == ["date_only"]:
        return _ends_its_bulletin(later[1:])  # a letter's signer, then its date, then nothing of its body
    if kind == "date_only":
        return _ends_its_bulletin(later)
    return kind in _LATER and (kind not in _LAST or _ends_its_bulletin(later))


def packed_raws(line_raws: list[Raw]) -> list[Raw]:
    """The raw lines of the paragraphs packed into one line, in order (cut by :func:`segments`)."""
    out = []
    kinds = [raw.kind for raw in line_raws]
    for k, raw in enumerate(line_raws):
        if not _keeps(kinds, k):
            raw = attrs.evolve(raw, kind="para", marker=None, dateline=None, credit=None)
        out.append(attrs.evolve(raw, packed=k > 0, more=k < len(line_raws) - 1))
    return out
