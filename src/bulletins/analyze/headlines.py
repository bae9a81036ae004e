"""Tell apart the lines of a headline block: kicker (引题), title (主题), subtitles (副题) and deck.

The lines themselves are kept verbatim in :attr:`Headline.lines`; this module only derives
``kicker``, ``title`` and ``subtitles``, a best effort documented in docs/fields.md:

* a line opening with —— or ---- is a subtitle, and so is one ending in 纪实/侧记/综述, and a
  speech's date and occasion under its title (2026年1月27日在…会议上); a title printed with its
  ——DATE在…会议上 on one line is cut into the title and that subtitle (``lines`` stay verbatim);
* a deck of names and a verb (李克强栗战书王沪宁出席, 姜四清讲话 吴秀玲主持 宋红波出席) is a subtitle, and
  so is one that says who spoke or who also sent greetings: 第九届北京香山论坛举行欢迎晚宴 / 许其亮致辞
  (rmrb/2019-10/20191021-03-02.txt, read as one title glued without a space before), 习近平同…互致贺电 /
  李克强同…互致贺电 (2020-01/20200119-01-01.txt and six more); 15 rmrb headline blocks print such a line;
* a short Word TOC entry repeated as the start of the next line is skipped (seed 002 line 186);
* the other lines are visual wraps of the title, joined without a separator, unless the
  previous line ends with an event (…召开会议) and the next does not continue it: then the
  next line starts a subtitle (seed 003: 中共中央政治局常务委员会召开会议 / 听取…汇报);
* a kicker is told apart when the title's last line announces an event (…视频会召开) and
  an earlier line does not lead into it (seed 002 lines 243–244), or when a —— subtitle
  follows two independent lines (seed 003: 深入学习贯彻党的二十大精神 / 在坚决做到…上下功夫).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .._text import HAN

_SUB_START = re.compile(r"^(?:——|――|--|－－|-{2,})")  # ―― (U+2015 twice): web/govreport 青海 line 2
_SUB_END = re.compile(r"(?:纪实|侧记|综述|述评)$")
_DECK = re.compile(r"(?:出席|主持|讲话|参加|陪同|出席会议|主持会议|出席活动|参加活动|参加会议|(?<![的上])致辞)$")
_CONT_START = re.compile(rf"^(?:第[一二三四五六七八九十百]+次|会议|作出|致|并|强调|要求|上的|[（(]|[{HAN}]{{0,2}}精神)")
_CONT_END = re.compile(r"(?:暨|和|与|及|的|在|对|向|为|同|就|强调|要求|指出)$")
_CARRY = re.compile(r"强调|要求|指出")
# 全国政协召开远程讨论会 / 围绕“…”深入交流汪洋主持 (rmrb/2019-02/20190221-03-01.txt lines 2–3), 中共中央国务院
# 举行春节团拜会 (2019-02/20190204-01-02.txt): a title that ends in the gathering it reports is whole; the
# line under it is a 副题.
_EVENT_END = re.compile(
    r"(?:召开会议|召开|举行|开幕|闭幕|会议|讲话"
    r"|(?:座谈|讨论|团拜|茶话|报告|推进|部署|发布|招待|联欢|表彰|纪念|恳谈|研讨|交流|动员|视频|电视电话)会)$"
)
_EVENT_VERB_END = re.compile(r"(?:召开|举行|开幕|闭幕|互致贺电)$")
# 习近平同…互致贺电 / 李克强同…互致贺电 (rmrb/2020-01/20200119-01-01.txt lines 2–3): the second of two
# greetings lines is a subtitle (the first the title, 就中越建交70周年 above them the kicker).
_GREETINGS = re.compile(r"互致贺电$")


def _column_label(line: str) -> bool:
    """*line* ends with a column's label in parentheses (（经济聚焦）, （暖相册·春运故事）), not a title's own part."""
    found = _COLUMN_LABEL.search(line)
    return found is not None and len(found["label"]) < len(line) - 2 and not _TITLE_PART.search(found["label"])


def _continues(previous: str, current: str, carry: bool) -> bool:
    return carry or bool(_CONT_START.match(current)) or bool(_CONT_END.search(previous))


_KICKER_END = ("——", "：", ":", "……")
# 资本市场制度创新，在科创板先行先试 / 解码注册制（经济聚焦） (rmrb/2019-02/20190201-11-01.txt): People's Daily
# prints a column's label after the 主题, so a line above one that carries it is the 引题. Not the parts of a
# title in parentheses: （试行）, （草案）, （2019年修订）, （第7号）, a series' （上）/（1）.
_COLUMN_LABEL = re.compile(r"[（(](?P<label>[^（）()]{2,16})[）)]$")
_TITLE_PART = re.compile(
    r"试行|草案|暂行|修订|修正|征求意见|送审|摘要|全文|节选|第.{1,4}[号期版]|\d{4}|^[上中下续一二三四五六七八九十\d]+$"
)
# 2026年1月27日在陕西省第十四届人民代表大会第四次会议上: a speech's date and occasion on a line of their
# own, with no dash (web/govreport/2026_陕西省_政府工作报告_row1.txt line 3): a subtitle.
_YEAR = r"(?:\d{4}|[〇○零一二三四五六七八九十]{4})年"
_OCCASION = re.compile(rf"^{_YEAR}[^在，,]{{2,12}}日在.{{2,60}}上")
# 政府工作报告——2026年1月27日在…会议上 printed on one line: the title, then the subtitle (issue 15).
_GLUED_OCCASION = re.compile(rf"(?:——|－－|--)\s*(?:{_YEAR}[^在，,]{{2,12}}日)?在.{{2,60}}上")


def _split_glued(originals: list[str], stripped: list[str]) -> tuple[list[str], list[str]]:
    """Cut a line that prints a speech's title and its ——DATE在…上 subtitle together into the two."""
    out_o: list[str] = []
    out_s: list[str] = []
    for original, line in zip(originals, stripped, strict=True):
        found = _GLUED_OCCASION.search(line)
        if found is not None and found.start() > 0 and len(original) == len(line):
            cut = found.start()
            out_o += [original[:cut].rstrip(), original[cut:]]
            out_s += [line[:cut].rstrip(), line[cut:]]
        else:
            out_o.append(original)
            out_s.append(line)
    return out_o, out_s


# 国 家 粮 食 应 急 预 案 的 函: a title line set letter-spaced, one character between spaces.
_LETTER_SPACED = re.compile(rf"^(?=.*[{HAN}])(?:\S[ \u3000\xa0]+){{2,}}\S$")
_SPACES = re.compile(r"[ \u3000\xa0]+")


def unspaced(line: str) -> str:
    """*line* without its letter-spacing when every character of it stands between spaces.

    gov.cn sets a short last title line letter-spaced to fill the width of the lines above it:
    ``国务院关于棉粮、糖粮挂钩奖售粮`` / ``几 个 问 题 的 通 知`` (govcn-html/row40.html lines 1–2; row41 line 2
    ``国 家 粮 食 应 急 预 案 的 函``, row44 line 3 ``土 地 使 用 期 限 的 批 复``). The title is read without the
    spaces (the headline's ``lines`` stay as printed). Left alone: words between spaces
    (``省长 李炳军``, ``习近平 李克强``), two characters (``王 鼎``).
    """
    stripped = line.strip()
    if _LETTER_SPACED.match(stripped) is None:
        return line
    return _SPACES.sub("", stripped)


def analyse_headline(
    lines: Sequence[str], shadows: Sequence[str] | None = None
) -> tuple[str | None, str, tuple[str, ...]]:
    """Return ``(kicker, title, subtitles)`` for the lines of a headline block.

    Args:
        lines: The block's lines in the original script (the results are cut from them).
        shadows: Their Simplified shadows, which the rules match; defaults to *lines*.

    Returns:
        The kicker or None, the title (never empty when *lines* is not), and the subtitles.
    """
    originals = [unspaced(line.strip()) for line in lines]
    stripped = [unspaced(line.strip()) for line in (shadows if shadows is not None else lines)]
    originals, stripped = _split_glued(originals, stripped)
    subs: dict[int, str] = {}
    title_idx: list[int] = []
    for k, line in enumerate(stripped):
        nxt = stripped[k + 1] if k + 1 < len(stripped) else ""
        if (
            _SUB_START.match(line)
            or _SUB_END.search(line)
            or (k > 0 and _OCCASION.match(line))
            or (
                _DECK.search(line)
                and "召开" not in line
                and len(line) <= 30
                and k > 0
                and not _CONT_END.search(stripped[k - 1])  # …招待会上的 / 致辞: a wrap, not a deck
            )
            or (k > 0 and _GREETINGS.search(line) and _GREETINGS.search(stripped[k - 1]))
        ):
            subs[k] = originals[k]
        elif nxt and nxt != line and nxt.startswith(line):
            continue  # TOC entry repeated by the next line
        else:
            title_idx.append(k)
    if not title_idx:
        if not stripped:
            return None, "", ()
        title_idx = [0]
        subs.pop(0, None)

    segments: list[list[int]] = [[title_idx[0]]]
    carry = bool(_CARRY.search(stripped[title_idx[0]]))
    for k in title_idx[1:]:
        previous = stripped[segments[-1][-1]]
        if _continues(previous, stripped[k], carry) or not _EVENT_END.search(previous):
            segments[-1].append(k)
        else:
            segments.append([k])
            carry = False
        carry = carry or bool(_CARRY.search(stripped[k]))

    kicker: str | None = None
    main = segments[0]
    has_dash = any(_SUB_START.match(text) for text in subs.values())
    if len(main) >= 2 and stripped[main[0]].endswith(_KICKER_END):
        # 重庆环卫夫妇郑尚洪、李德容25年坚守岗位—— / “社区就是家，一定要干净”（…）, 李学刚： / 京门神探…
        # (rmrb): a 引题 that leads into the title ends with a dash, a colon or an ellipsis.
        kicker = originals[main[0]]
        main = main[1:]
    elif len(main) >= 2:
        first, second = stripped[main[0]], stripped[main[1]]
        independent = not _continues(first, second, bool(_CARRY.search(first)))
        last = stripped[main[-1]]
        if independent and (
            (has_dash and len(main) == 2)
            or (_EVENT_VERB_END.search(last) and not _EVENT_VERB_END.search(first))
            or (len(main) == 2 and _column_label(second) and not _column_label(first))
        ):
            kicker = originals[main[0]]
            main = main[1:]
    title = "".join(originals[k] for k in main)
    others = {k: "".join(originals[i] for i in seg) for seg in segments[1:] for k in seg[:1]}
    others.update(subs)
    subtitles = tuple(others[k] for k in sorted(others))
    return kicker, title, subtitles
