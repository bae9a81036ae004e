"""Page chrome and residue: the line tests :func:`is_chrome` (and images, navigation lists) and two rules.

The rules are *residue line* and *hidden text*.

A web page's own controls and labels are kept as residue.

Evidence (``../shared/corpus/web``): the portal controls of the provincial work reports
(govreport/2026_河南省_政府工作报告_row1.txt lines 1–9: ``下载`` ``打印`` ``全屏`` ``收藏``
``【字号：`` ``加大`` ``还原`` ``减小`` ``】``; 宁夏 lines 114–120: ``扫一扫在手机打开当前页``
``打印本页`` ``关闭窗口``), their metadata labels (``来源：河南日报``, ``时间：2026-02-03``, and
the empty ``来源：``), People's Daily Online's ``分享让更多人看到`` (newscrawl/people3) and the
``更多精彩`` link the crawl left at the end of People's Daily pages (rmrb/2020-01/20200118-05-01.txt).
They are not text of the notice: each is residue of kind ``nav``, never a headline line. The context
rules emit such lines, images and a rundown's title as residue, and text the source hides as noise.
"""

from __future__ import annotations

import re

from ..context import Context

_IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)$")
# - 華南國家植物園正式揭牌 李希侯建國王偉中等出席活動 2022-07-12 (seed 001 navigation list)
_NAV = re.compile(r"^[-*•·]\s+\S.*\s\d{4}[-./]\d{1,2}[-./]\d{1,2}$")


def is_image(shadow: str) -> bool:
    """A Markdown image line, ``![alt](src)``: residue of kind ``image``."""
    return _IMAGE.match(shadow) is not None


def is_nav_item(shadow: str) -> bool:
    """An item of a page's navigation list, dated at its end (seed 001): residue of kind ``nav``."""
    return _NAV.match(shadow) is not None


CONTROLS = frozenset(
    {
        "下载", "打印", "打印本页", "全屏", "收藏", "加大", "还原", "减小", "关闭", "关闭窗口", "【", "】",
        "【字号：", "字号：", "扫一扫在手机打开当前页", "分享让更多人看到", "分享到：", "返回顶部",
        "更多精彩",
    }
)  # fmt: skip
"""Whole lines that are a page's controls."""

_LABEL_MAX = 40
_LABEL = re.compile(r"^(?:来源|时间|发布时间|责任编辑|编辑|浏览次数|字号)[：:]\s*\S{0,24}$")
_BRACKETED = re.compile(r"^【\s*(?:字号[：:].{0,12}|打印本页|关闭窗口|纠错)\s*】?$")


def is_chrome(shadow: str) -> bool:
    """A line of web-page chrome: a control, or a metadata label with a short value."""
    if shadow in CONTROLS:
        return True
    if len(shadow) > _LABEL_MAX or ("：" not in shadow and ":" not in shadow and not shadow.startswith("【")):
        return False
    return _LABEL.match(shadow) is not None or _BRACKETED.match(shadow) is not None


# -- the context rules ----------------------------------------------------------------------


def residue_line(ctx: Context, i: int) -> int | None:
    """Images, navigation, page chrome and a rundown's title: residue.

    Seed 001's logo lines, web-page chrome (``下载``, ``【字号：``, :func:`is_chrome`), a 新闻联播 day
    file's title and metadata (bulletins.lexing.hints).
    """
    return ctx.emit_line(ctx.raws[i].kind.upper(), i)


def hidden_text(ctx: Context, i: int) -> int | None:
    """Text the source hides: kept, as noise.

    ``display:none``, Word's hidden runs (bulletins.lexing.hints).
    """
    return ctx.emit_line("NOISE", i)
