"""Headnotes and box labels: what stands between a headline and its body — line tests and three rules.

The rules are *headnotes*, *box label* and *document date*.

Evidence (``../shared/corpus/rmrb``):

* 提要 — a People's Daily headline is often followed by one to three summary sentences without a
  final stop, set in bold: ``“网约护士”从设想走向现实，有助于为患者尤其是老年人提供更多便利``
  (2019-02/20190226-05-06.txt line 4). They are short enough to pass for headline lines, but
  they are clauses: long, with commas inside. On front pages they stand above the dateline
  (2020-02/20200215-01-02.txt lines 4–5, then ``新华社北京2月14日电``).
* 题注 — a law or a name list prints how it was adopted under its title:
  ``（2019年10月26日第十三届全国人民代表大会常务委员会第十四次会议通过）``
  (2019-10/20191027-02-03.txt line 3).
* box labels — ``核心阅读`` (523 lines), ``内容提要``, ``编者的话``, ``记者手记``, ``延伸阅读`` …
  name a box inside an article; they are never headline lines and never open a bulletin. So does
  ``图片说明：`` over a page's captions (37 files; rmrb/2020-01/20200118-05-01.txt line 29, where
  it opened a bulletin after a section's signature).

* ■ bullets — a summary printed one point a line, each opening with ■, under the headline:
  ``■原则上国家融资担保基金和银行业金融机构承担的风险责任比例均不低于20%`` (2019-02/20190215-02-01.txt
  lines 4–6), ``■　让我们携起手来，共同佑护…`` (2020-05/20200519-01-02.txt lines 4–6), ``■广东省博物馆``
  (2019-02/20190202-05-01.txt line 4, a fact box's label); 110 rmrb files print ■ lines within their first four.
  A short one was read as a headline line, or as the title of a second bulletin.
* stat callouts — a feature or a 纪实 often prints, between its headline and its text, a box of one to
  four figures, each a figure alone on its line over the sentence it comes from: ``20多万`` /
  ``2018年，山东规模以上农业龙头企业达9600多家，农民合作社20多万家，…`` (2019-02/20190228-01-01.txt
  lines 4–5), ``99.1%`` / ``截至4月21日，全国规模以上工业企业平均开工率和复岗率分别达99.1%…``
  (2020-05/20200508-01-02.txt lines 4–7), ``52402亿`` (2019-02/20190213-01-05.txt line 4). 67 such
  figures stand under a headline in rmrb (about 40 files); each was read as a headline line.

A headnote is read as a paragraph at the head of the body (the dateline that may follow it still
belongs to the bulletin); a box label is a subhead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..context import HEADLINE, UNDER_HEADLINE, Context
from ..lines import Raw
from .endings import ends_item
from .speech import salutation_lines, speaker_lines

BOX_LABELS = frozenset(
    {
        "核心阅读", "内容提要", "阅读提示", "提要", "导读", "编者的话", "开栏的话", "编者按", "记者手记",
        "延伸阅读", "知识链接", "链接", "相关链接", "背景链接", "新闻链接", "微阅读", "数读", "记者点评",
        "专家解读", "历史背景", "背景故事", "人物小传", "结束语", "引子", "亲历者说", "见证者说",
        "图片说明：", "点评", "编后",
    }
)  # fmt: skip
"""Labels of boxes inside an article (each seen on a line of its own in the rmrb corpus)."""

_SUMMARY_MIN = 24
_ADOPTION = re.compile(
    r"^[（(][^（）()]{0,40}(?:\d{4}|[〇○一二三四五六七八九十]{4})年[^（）()]{2,80}"
    r"(?:通过|发布|公布|批准|修正|修订|施行|印发)[^（）()]{0,20}[）)]$"
)


# （民政部　一九九七年一月二十八日）: an issuing body and a date in parentheses under a title.
_SIGNED = re.compile(
    r"^[（(][\u4e00-\u9fff]{2,30}?(?:局|总队|委员会|政府|办公室|办公厅|院|厅|部|署|中心|委|会)[\s\u3000]+"
    r"(?:\d{4}|[〇○零一二三四五六七八九]{4})年[\d〇○零一二三四五六七八九十]{1,3}月[\d〇○零一二三四五六七八九十]{1,3}日[）)]$"
)


def is_signed_headnote(shadow: str) -> bool:
    """A headnote naming the document's issuer and its date: ``（民政部　一九九七年一月二十八日）``.

    The 意见 a 转发 notice forwards signs itself under its title instead of with a 落款 (govcn-html
    row50 line 11, under ``关于清理整顿社会团体的意见``): a headnote, and the forwarded document a
    bulletin of its own (:func:`~.laws.issues_here`). Left alone: a date alone (``（2019年1月31日）``,
    read by *document date*), a 题注 (:func:`is_adoption_note`: an act, not an issuer), an
    issuer alone (``（民政部）``).
    """
    return _SIGNED.match(shadow.strip()) is not None


# 20多万, 99.1%, 52402亿, 1.6万人次, 7亿多, 375, 1+6: a figure alone on its line, with its unit.
_FIGURE = re.compile(
    r"^(?:近|超|逾|约)?(?P<n>\d+(?:\.\d+)?(?:\+\d+)*)(?:多|余)?(?:万亿|万|亿|千|百)?(?:多|余)?"
    r"(?:%|％|个|人次|人|元|家|项|吨|公里|千米|倍|亩|户|次|所|座|名|件|门|处|条|辆|架|艘|天|分)?$"
)


_YEAR_LABEL = re.compile(r"^\d{4}年$")


def stat_callout(shadow: str, following: str) -> bool:
    """A figure alone on its line (``20多万``) over the sentence it comes from (which prints the number)."""
    found = _FIGURE.match(shadow)
    return found is not None and len(following) > len(shadow) and found.group("n") in following


def stat_lines(raws: Sequence[Raw], k: int) -> int:
    """How many lines of a stat callout start at *k*: 2 (figure, sentence), 3 with the box's own heading, or 0.

    The heading is a short line ending in a dash over the first figure: ``2018年济南市——`` / ``10.8万`` /
    ``家政服务公司412家，从业人员10.8万人，…`` (rmrb/2019-02/20190219-04-01.txt lines 4–6), or a year alone:
    ``2019年`` / ``123.3%`` (2020-01/20200120-08-03.txt lines 4–5).
    """
    if k + 1 >= len(raws):
        return 0
    if stat_callout(raws[k].shadow, raws[k + 1].shadow):
        return 2
    shadow = raws[k].shadow
    if ((shadow.endswith("——") and len(shadow) <= 16) or _YEAR_LABEL.match(shadow)) and stat_lines(raws, k + 1) == 2:
        return 3
    return 0


_BULLET_LABEL = re.compile(r"^■\s*[^，,。：:；;！？\s]{1,7}$")


def is_box_label(shadow: str) -> bool:
    """``核心阅读`` and the like: the label of a box inside an article.

    Also a short label after a ■: ``■记者手记`` (21 rmrb lines), ``■小贴士``, ``■链接``, ``■编后``, ``■点评`` — the
    box after rmrb/2020-01/20200108-16-01.txt's trailing dateline (line 37), which opened a bulletin of its own.
    """
    return shadow in BOX_LABELS or _BULLET_LABEL.match(shadow) is not None


def is_summary(shadow: str) -> bool:
    """A 提要 sentence: a long clause with a comma inside and no final stop.

    A line ending with a column label is a title however long (``“抗疫就是打仗， 阵地决不能丢”
    （应收尽收 刻不容缓）``, rmrb/2020-02/20200212-02-04.txt): a 提要 never carries one.
    """
    if shadow.endswith(("）", ")")):
        return False
    return len(shadow) >= _SUMMARY_MIN and ("，" in shadow or "," in shadow)


def is_adoption_note(shadow: str) -> bool:
    """A 题注 under a title: ``（2019年10月26日…会议通过）``."""
    return _ADOPTION.match(shadow) is not None


# -- the context rules ----------------------------------------------------------------------


_HEAD_NOTES_MAX = 6  # rmrb/2020-02/20200224-03-03.txt prints five above its dateline


def is_bullet_note(shadow: str) -> bool:
    """A ■ summary bullet: ``■原则上国家融资担保基金和银行业金融机构承担的风险责任比例均不低于20%``."""
    return shadow.startswith("■")


def _count(ctx: Context, i: int) -> int:
    raw = ctx.raws[i]
    if is_bullet_note(raw.shadow):
        k = i
        while k < len(ctx.raws) and is_bullet_note(ctx.raws[k].shadow):
            k += 1
        return k - i
    if raw.kind == "short" and (
        is_adoption_note(raw.shadow) or is_summary(raw.shadow) or is_signed_headnote(raw.shadow)
    ):
        return 1
    for k in range(i, min(i + _HEAD_NOTES_MAX + 1, len(ctx.raws))):
        ahead = ctx.raws[k]
        if ahead.kind == "dateline":
            return k - i
        # Only whole paragraphs: a short line is the next title, a terminal formula or a
        # dateline printed last ends an item of its own.
        if ahead.kind != "para" or ends_item(ahead.shadow):
            return 0
    return 0


def head_notes(ctx: Context, i: int) -> int | None:
    """提要 sentences, ■ bullets and 题注 under the headline just emitted: headnotes.

    A 题注, a ■ bullet or a 提要 sentence is one by its own text (:func:`is_adoption_note`,
    :func:`is_bullet_note`, :func:`is_summary`); other
    paragraphs are headnotes only when the bulletin's dateline follows them within six lines
    (rmrb/2020-02/20200215-01-02.txt).
    """
    if ctx.last not in UNDER_HEADLINE:
        return None
    count = _count(ctx, i)
    if not count:
        return None
    for k in range(i, i + count):
        ctx.emit_line("HEAD_NOTE", k)
    return i + count


def stat_box(ctx: Context, i: int) -> int | None:
    """A stat callout under the headline: the figure and its sentence are headnotes, never headline lines.

    ``20多万`` / ``2018年，山东…农民合作社20多万家，…`` (rmrb/2019-02/20190228-01-01.txt lines 4–5;
    :func:`stat_callout`). A box prints one to four figures; each pair follows the last.
    """
    count = stat_lines(ctx.raws, i) if ctx.last in UNDER_HEADLINE else 0
    for k in range(i, i + count):
        ctx.emit_line("HEAD_NOTE", k)
    return i + count if count else None


def box_label(ctx: Context, i: int) -> int | None:
    """A box label inside a bulletin: a subhead over its box.

    核心阅读, 图片说明： (:data:`BOX_LABELS`).
    """
    if not ctx.in_bulletin or not is_box_label(ctx.raws[i].shadow):
        return None
    if ctx.last == "TRAILING_DATELINE":
        # ■点评 after （本报华盛顿、开罗1月7日电） (rmrb/2020-01/20200108-16-01.txt line 37): the box goes on
        # with the article its dateline closed; the paragraphs under it open no bulletin.
        ctx.terminal_seen = False
    return ctx.emit_line("SUBHEAD", i)


def document_date(ctx: Context, i: int) -> int | None:
    """A date under a title with no speaker after it: the document's date.

    In parentheses or bare (2012年6月24日 straight under the title: a date line there ends nothing, as
    :meth:`~bulletins.lexing.context.Context.closing_date_here` says).

    （2019年1月3日） under a document's title (rmrb/2019-02/20190220-01-02.txt line 3) is the date
    it bears, not a speech's: a headnote. A speaker's line under it (习近平, or an office line over the
    name: 某某省人民政府代省长 / 李 炳 军) or a salutation (perhaps set over several lines) makes it a
    speech's date.
    """
    if ctx.last not in UNDER_HEADLINE or ctx.speech_follows(i) or speaker_lines(ctx.raws, i + 1):
        return None
    if ctx.raws[i].kind == "date_only" and ctx.last not in HEADLINE:
        return None  # a bare date under a head note is the note's matter (its rule reads it)
    if salutation_lines(ctx.raws, i + 1):  # 女士们，先生们， / 同志们，朋友们： (rmrb/2019-10/20191001-03-01.txt)
        return None
    return ctx.emit_line("HEAD_NOTE", i)
