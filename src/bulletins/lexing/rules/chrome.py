"""Page chrome and residue: the line tests :func:`is_chrome` (and images, navigation lists) and two rules.

The rules are *residue line*, *web print title* and *hidden text*.

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
        # A share bar's label and a breadcrumb's home link, each on a line of their own in a page saved as
        # text (分享: / 首页 / > / 政府信息公开 / > …, web/govreport/2026_陕西省_政府工作报告_row1.txt); the
        # separators are read in context (:func:`page_trail`): a > alone may be a table's cell.
        "分享", "分享:", "分享：", "分享到", "分享到:", "首页",
        # An advertisement's slot: 185 People's Daily files hold nothing but 广告 (rmrb/2020-01/20200125-05-01.txt),
        # each read as an article titled 广告; a page's ad label is the same line.
        "广告",
    }
)  # fmt: skip
"""Whole lines that are a page's controls."""

_LABEL_MAX = 40
_LABEL = re.compile(r"^(?:来源|时间|发布时间|责任编辑|编辑|浏览次数|字号)[：:]\s*\S{0,24}$")
_BRACKETED = re.compile(r"^【\s*(?:字号[：:].{0,12}|打印本页|关闭窗口|纠错)\s*】?$")


# 来源：新华网  2020年06月02日: a web copy's source and publication date on one line (formats/docx/
# weilueluo_minfadian.docx line 2, between the title and the title printed again).
_SOURCE_DATED = re.compile(
    r"^(?:来源|发布时间)[：:]\s*\S{1,24}\s+\d{4}(?:年\d{1,2}月\d{1,2}日|[-./]\d{1,2}[-./]\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)


# （原标题：国务院联防联控机制印发通知 进一步指导…） (formats/html-pages/gne_163_guowuyuan-lianfang-liankong.html
# line 172): a repost's note of the title it first had, page metadata between the title and the dateline.
_ORIGINAL_TITLE = re.compile(r"^[（(]原标题[：:][^（）()]{2,100}[）)]$")


def is_chrome(shadow: str) -> bool:
    """A line of web-page chrome: a control, or a metadata label with a short value (or a source and its date)."""
    if shadow in CONTROLS or _SOURCE_DATED.match(shadow):
        return True
    if shadow.startswith(("（原标题", "(原标题")) and _ORIGINAL_TITLE.match(shadow):
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


_SEPARATORS = frozenset({">", "＞", ">>", "»"})
_BARE_LABEL = re.compile(r"^(?:来源|信息来源|时间|发布时间|发布日期|作者|编辑|责任编辑)[：:]$")
_TRAIL_MAX = 30


def page_trail(ctx: Context, i: int) -> int | None:
    """A breadcrumb's item after its separator, or a page label's value on the line after the label: residue.

    A page saved as text puts every link and label on a line of its own: 首页 / > / 政府信息公开 / > /
    政府工作报告, and 时间： / 2026-02-02 09:20 / 来源： / 陕西省人民政府
    (web/govreport/2026_陕西省_政府工作报告_row1.txt lines 4–16). Only a short line (a separator, or the
    line after a separator or a bare label) right after a line already read as residue: a trail starts at
    a chrome line (首页, 时间：). A > alone elsewhere (a table's cell) is text.
    """
    raw = ctx.raws[i]
    previous = ctx.raws[i - 1] if i else None
    if previous is None or previous.number != raw.number - 1 or len(raw.shadow) > _TRAIL_MAX:
        return None
    # Only inside a trail: the line before was read as residue (首页, an item, a separator, a label).
    if not ctx.out or ctx.out[-1].type != "NAV" or ctx.out[-1].line != previous.number:
        return None
    mark = previous.shadow.strip()
    if raw.shadow.strip() in _SEPARATORS or mark in _SEPARATORS or _BARE_LABEL.match(mark) is not None:
        return ctx.emit_line("NAV", i)
    return None


# 国务院公报_中国政府网 / …__2014年第35号国务院公报_中国政府网: a page title's site name after an underscore.
_SITE_SUFFIX = re.compile(r"_[^_\s]{0,20}(?:网|网站|门户网站)$")
_PRINT_TITLE_LINES = 4
_PRINT_TITLE_KINDS = frozenset({"short", "para", "masthead", "doc_number"})


def web_print_title(ctx: Context, i: int) -> int | None:
    """A browser print's page title over the page: navigation, up to the site's name.

    A page printed from a browser carries the page's ``<title>`` at the top, wrapped by the print's
    width and closed by the site's name after an underscore: ``中华人民共和国商务部令`` / ``（2014年第3号）　　境外投``
    / ``资管理办法__2014年第35号`` / ``国务院公报_中国政府网`` over the order itself
    (formats/pdf-text/forhumanity_shangwubuling-2014-3_jingwai-touzi-guanli_govcn-gongbao_macos-print.pdf lines 1–4).
    Only before the first bulletin, at most four lines, none a sentence. A title over the page's
    publication stamp, printed again over the text within twelve lines, is the page's title too
    (:func:`_stamped_again`).
    """
    if ctx.in_bulletin or any(t.type not in {"NAV", "NOISE", "IMAGE"} for t in ctx.out):
        return None
    for k in range(i, min(i + _PRINT_TITLE_LINES, len(ctx.raws))):
        raw = ctx.raws[k]
        if raw.kind not in _PRINT_TITLE_KINDS or raw.shadow.rstrip().endswith("。"):
            return None
        if _SITE_SUFFIX.search(raw.shadow.strip()) or (k > i and _stamped_again(ctx, i, k)):
            for n in range(i, k + 1):
                ctx.emit_line("NAV", n)
            return k + 1
    return None


# 2017-01-18 13:34: the time a web page was published, printed under its title.
_STAMP = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?$")
_REPEAT_WITHIN = 12


def _stamped_again(ctx: Context, i: int, k: int) -> bool:
    """Lines *i*..*k-1* are a title over its publication stamp (line *k*), printed again further down.

    ``中央企业境外投资监督管理办`` / ``法`` / ``2017-01-18 13:34``, the page's title wrapped by the print, then the
    order, then ``中央企业境外投资监督管理办法`` over the regulation
    (formats/pdf-text/forhumanity_guoziwei-ling35_zhongyang-qiye-jingwai-touzi_macos-print.pdf lines 1–8).
    """
    if not _STAMP.match(ctx.raws[k].shadow.strip()):
        return False
    title = "".join("".join(raw.shadow.split()) for raw in ctx.raws[i:k])
    ahead = ctx.raws[k + 1 : k + 1 + _REPEAT_WITHIN]
    return len(title) > 1 and any("".join(raw.shadow.split()) == title for raw in ahead)


def hidden_text(ctx: Context, i: int) -> int | None:
    """Text the source hides: kept, as noise.

    ``display:none``, Word's hidden runs (bulletins.lexing.hints).
    """
    return ctx.emit_line("NOISE", i)
