"""Credits: photo, graphic and layout credits, data sources and end notes — the line tests and the rule *credit*.

Evidence (the People's Daily corpus, ``../shared/corpus/rmrb``; counts over its 162,063 lines):
``本报记者  李  舸摄`` and ``新华社记者 肖艺九摄`` (235 lines ending in 摄), ``制图：蔡华伟`` (113),
``版式设计：蔡华伟`` (294), ``数据来源：…`` (127), ``（作者为中国文艺评论家协会主席）`` (799),
``（陈晓霞、张旭航、李大勇参与采写）`` (42), the ``——编者`` signature of an editor's note, and
``栏目投稿邮箱：…`` (53). Before this rule each of these lines was a short unpunctuated line,
so most of them opened a bulletin of their own (DESIGN §8: credits never open a bulletin).

A credit is a whole line, or — for a photo credit printed at the end of a caption
(``…。新华社记者 谢环驰 摄``) — the tail of one (:func:`match_credit_tail`). Roles are the
words a reader would use (摄影, 制图, 版式设计, 数据来源, 作者, 参与采写, 编者, 责编, 投稿);
``names`` holds people only (an agency such as 新华社发 or 人民视觉 credits no person). The raw-kind
pass asks :func:`match_credit`; the rule *credit* emits one CREDIT token per credit on the line.
:func:`foreign_writer` and :func:`read_names` also read bylines (raw kind ``byline``, the build's bylines).
"""

from __future__ import annotations

import re

from attrs import frozen

from ..._text import FOREIGN_COUNTRIES, HAN, looks_like_name
from ...model import CREDIT_ROLES
from ..context import Context
from ..tokens import LineInfo

ROLES: dict[str, str] = {
    "摄影": "photo",
    "制图": "graphic",
    "版式设计": "layout",
    "数据来源": "data-source",
    "作者": "author",
    "参与采写": "contributor",
    "编者": "editor",
    "责编": "editor-in-charge",
    "投稿": "submissions",
    "署名": "signature",
    "出处": "source",
}
"""Credit roles and the ASCII keys used for them in TEI ``@subtype``."""
assert tuple(ROLES) == CREDIT_ROLES

_MAX = 48  # a photo credit is short; longer lines are prose that happens to end in 摄
_NOTE_MAX = 160  # （作者为…，本报驻埃及记者周輖采访整理） runs long (rmrb/2020-05/20200511-17-01.txt)
# Every credit form below has one of these: a label's colon, a note's parenthesis, an editor's
# dash, 摄, an agency's 发 or 视觉, a signature's closing 文, or 供图.
_CUE = re.compile(r"[：:（(—－-]|摄|发|视觉|文$|供图$")
_PICTURE_AND_TEXT = re.compile(r"^(?P<drawn>[^图文]{2,12}?)\s*图(?P<mark>\s+)(?P<written>[^图文]{2,12}?)\s*文$")
# 本报记者  谷业凯文  本报记者  雷  声摄 (rmrb/2020-01/20200116-10-04.txt line 6): text by one, picture
# by the other.
_TEXT_AND_PHOTO = re.compile(
    r"^(?P<written>[^文摄：:（()）]{2,16}?)\s*文(?P<mark>\s+)(?P<taken>[^文摄：:（()）]{2,20}?)\s*摄$"
)
_PREFIX = re.compile(
    r"^(?:(?:本报|新华社|人民日报|人民网|中新社|中新网)?(?:特约|实习)?(?:记者|通讯员|摄影记者)|实习生)"
)
_AGENCY = re.compile(r"^(?:新华社|人民视觉|视觉中国|影像中国|人民图片|CFP|IC photo)发?$")
_NAME = re.compile(rf"^[{HAN}][{HAN}·•]{{0,9}}$")

# 本报记者  李  舸摄 / 新华社记者 王某 摄 / （本报记者  王某摄） / 郑  鹏摄影报道 / X摄（新华社发）
_PHOTO = re.compile(
    r"^[（(]?(?P<who>[^（）()。，！？；：:]{1,30}?)\s*摄(?:影报道|影)?\s*"
    r"(?:[（(](?P<agency>[^（）()]{2,8})[）)])?[）)]?$"
)
# 照片來源：Shallwetalk.hk (a figcaption, web/hkcnews/article_32003.md line 138): Hong Kong's 照片/相片 for 图片.
_PHOTO_LABEL = re.compile(r"^(?:摄影|图片|摄像|本版图片(?:来源)?|图片来源|[照相]片(?:来源)?)[：:]\s*(?P<who>.+)$")
_AGENCY_ALONE = re.compile(r"^[（(]?(?:新华社发|人民视觉|视觉中国)[）)]?$")
_LABELLED: tuple[tuple[str, re.Pattern[str]], ...] = (
    # 本版制图：蔡华伟 (85 rmrb lines, rmrb/2019-02/20190212-14-01.txt line 41): the page's graphics.
    ("制图", re.compile(r"^(?:本版)?(?:制图|图表制作|漫画|绘图|插图|图片制作|图表|手绘)[：:]\s*(?P<who>.*)$")),
    ("版式设计", re.compile(r"^(?:版式设计|版面设计|美术编辑)[：:]\s*(?P<who>.*)$")),
    # 中缅油气管道项目供图 (rmrb/2020-01/20200118-05-01.txt line 38): a photo an organisation supplied.
    ("摄影", re.compile(r"^[^（）()：:，。\s]{2,24}供图$")),
    ("数据来源", re.compile(r"^(?:数据|资料)来源[：:]\s*(?P<org>.*)$")),
    ("责编", re.compile(r"^(?:本版)?责(?:任)?编(?:辑)?[：:]\s*(?P<who>.*)$")),
    # （编辑 朱辛未）, （责任编辑：王某） closing a web item (formats/datasets/dxy_DXYNews_first200.csv row 7): the
    # editor, not a signature whose first "name" is 编辑.
    ("责编", re.compile(r"^[（(](?:责任编辑|责编|编辑)(?:[：:]\s*|\s+)(?P<who>[^（）()]{2,20})[）)]$")),
    ("投稿", re.compile(r"^(?:栏目)?(?:投稿|来稿)(?:邮箱|信箱)?[：:].*$|^电子信箱[：:].*$|^欢迎.{0,12}投稿.*$")),
    ("编者", re.compile(r"^[—－-]{1,2}\s*编\s*者$")),
    ("作者", re.compile(r"^[（(]作者(?:为|系|是|单位|简介)[^（）()]*[）)]$")),
    ("作者", re.compile(r"^[（(](?:本报记者\s*)?(?P<who>[^（）()，,]{2,16}?)\s*(?:采访)?整理[）)]$")),
    # 《 人民日报 》（ 2020年09月01日 01 版） (web/xispeech): where a reprinted text was first printed.
    ("出处", re.compile(r"^《\s*人民日报(?:海外版)?\s*》\s*[（(]\s*\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}\s*版\s*[）)]$")),
    ("参与采写", re.compile(r"^[（(](?P<who>[^（）()]{2,40}?)\s*参与(?:采写|采访|报道)[）)]$")),
    ("参与采写", re.compile(r"^[（(]参与(?:采写|记者)[：:]\s*(?P<who>[^（）()]{2,40})[）)]$")),
    # （喻思南） closing an item of a brief column (rmrb/2020-01/20200106-19-03.txt line 6).
    # （苏宁金融研究院研究员  付一夫） (2019-02/20190213-19-02.txt) and （综合本报记者毛磊、袁泉、…报道）
    # (2019-10/20191002-14-01.txt) sign a commentary or a round-up the same way.
    (
        "署名",
        re.compile(
            rf"^[（(](?:综合)?(?:[^（）()\s]{{2,20}}(?:研究员|教授|学者|专家|主任|院长|所长)\s+)?(?:本报记者\s*)?"
            rf"(?P<who>[{HAN}]{{1,4}}(?:[、\s]+[{HAN}]{{1,4}}){{0,47}})(?:报道)?[）)]$"
        ),
    ),
)


@frozen(kw_only=True)
class CreditMatch:
    """A credit found on a line: its role, the people it names and where it starts."""

    role: str
    """One of :data:`ROLES`."""
    names: tuple[str, ...] = ()
    """People credited, in print order, inner spacing removed (``李  舸`` → ``李舸``)."""
    start: int = 0
    """Offset of the credit in the stripped line (0 for a whole-line credit)."""
    following: CreditMatch | None = None
    """A second credit printed after this one on the same line (it starts at ``following.start``)."""


# （墨西哥）亚历杭德罗·马西亚斯, （韩国）黄载皓 (rmrb 国际视野/国际论坛 pages, about 50 lines): a foreign
# writer's line under the title of the section he wrote, his country in parentheses first.
_FOREIGN_WRITER = re.compile(rf"^[（(](?P<country>[{HAN}]{{2,6}})[）)]\s*(?P<name>[{HAN}][{HAN}·•—－-]{{1,15}})$")
_NOT_A_COUNTRY = re.compile(r"[一二三四五六七八九十]|电|报|社|作者|见|整理|记者|版|文|摄|图|上|下|续")


def foreign_writer(shadow: str) -> str | None:
    """The name on a foreign writer's line (``（墨西哥）亚历杭德罗·马西亚斯`` → 亚历杭德罗·马西亚斯), or None."""
    found = _FOREIGN_WRITER.match(shadow)
    if found is None or _NOT_A_COUNTRY.search(found.group("country")):
        return None
    name = found.group("name")
    # A transliterated name has its dot or dash; a short one must look like a name: （扩大）学习的通知
    # (seed 002 line 2) is the rest of a title.
    if any(mark in name for mark in "·•—－-") or (len(name) <= 4 and looks_like_name(name)):
        return name
    # …or be named after a foreign country, by that country's usage: （尼泊尔）拉吉姆, （巴基斯坦）阿塔拉曼,
    # （日本）佐藤利行 (rmrb/2020-02/20200217-16-01.txt line 34 and seven more rmrb lines; no Chinese surname).
    if found.group("country") in FOREIGN_COUNTRIES and len(name) <= 5:
        return name
    return None


def read_names(who: str) -> tuple[str, ...] | None:
    """Read people from the credited part; None when it is not a list of names.

    Print spreads two-character names over the width of three (``李  舸``), so runs of
    one-character pieces are joined: ``贺  勇`` → 贺勇, ``鲜  敢  于  杰`` → 鲜敢, 于杰.
    """
    pieces: list[str] = []
    for chunk in re.split(r"[、，,/／\s]+", who.strip()):
        if not chunk:
            continue
        chunk = _PREFIX.sub("", chunk)
        if chunk:
            pieces.append(chunk)
    names: list[str] = []
    singles: list[str] = []
    for piece in [*pieces, ""]:
        if len(piece) == 1:
            singles.append(piece)
            continue
        while singles:  # flush: pairs, a trailing odd one joins the last pair
            take = 3 if len(singles) == 3 else 2
            names.append("".join(singles[:take]))
            singles = singles[take:]
        if piece:
            names.append(piece)
    if not names or not all(_NAME.match(name) and len(name) <= 10 for name in names):
        return None
    return tuple(names)


def _signs(names: tuple[str, ...] | None) -> bool:
    """Tell reporters' names: one the surname table knows, or a list it mostly knows.

    鲜敢 stands among twenty-three others in rmrb/2019-10/20191002-14-01.txt line 27.
    """
    if not names:
        return False
    known = sum(looks_like_name(name) for name in names)
    return known == len(names) if len(names) == 1 else 2 * known >= len(names)


def match_credit(text: str, shadow: str) -> CreditMatch | None:
    """Return the credit that *text* (a stripped line, with its Simplified *shadow*) is, or None."""
    if len(shadow) > _NOTE_MAX or _CUE.search(shadow) is None:  # one search rules out most lines
        return None
    if _AGENCY_ALONE.match(shadow):
        return CreditMatch(role="摄影")
    for role, pattern in _LABELLED:
        found = pattern.match(shadow)
        if found is None:
            continue
        if "who" not in pattern.groupindex or not found.group("who"):
            return CreditMatch(role=role)
        start, end = found.span("who")
        names = read_names(text[start:end])
        if role == "署名" and not _signs(names):
            continue  # （综合报道） is no signature: a signature names reporters
        # 制图：本报记者 王某 credits people; 制图：国家统计局 credits an organisation.
        return CreditMatch(role=role, names=names or ())
    if len(shadow) > _MAX:
        return None
    labelled = _PHOTO_LABEL.match(shadow)
    if labelled is not None:
        start, end = labelled.span("who")
        return CreditMatch(role="摄影", names=read_names(text[start:end]) or ())
    signed = _PICTURE_AND_TEXT.match(shadow)
    if signed is not None:
        # 曹  一图  燕  陆文: a cartoon's signature, drawing by one, verse by the other
        # (rmrb/2020-02/20200221-05-04.txt line 10): two credits on one line.
        drawn = read_names(text[signed.start("drawn") : signed.end("drawn")])
        written = read_names(text[signed.start("written") : signed.end("written")])
        if drawn and written:
            second = CreditMatch(role="作者", names=written, start=signed.end("mark"))
            return CreditMatch(role="制图", names=drawn, following=second)
    both = _TEXT_AND_PHOTO.match(shadow)
    if both is not None:
        written = read_names(text[both.start("written") : both.end("written")])
        taken = read_names(text[both.start("taken") : both.end("taken")])
        if written and taken and _signs(written) and _signs(taken):
            return CreditMatch(
                role="作者", names=written, following=CreditMatch(role="摄影", names=taken, start=both.end("mark"))
            )
    return _photo(text, shadow, 0)


def _photo(text: str, shadow: str, offset: int) -> CreditMatch | None:
    found = _PHOTO.match(shadow)
    if found is None:
        return None
    start, end = found.span("who")
    who = shadow[start:end].strip()
    if _AGENCY.match(who):
        return CreditMatch(role="摄影", start=offset)
    names = read_names(text[start:end])
    if names is None:
        return None
    # A bare 2–4 character word before 摄 (本报记者李舸摄 aside) must look like names: without a
    # prefix or spacing, 航拍摄 or 拍摄 is prose, not a credit.
    if not _PREFIX.match(who) and not re.search(r"\s", who) and len(who) > 4:
        return None
    return CreditMatch(role="摄影", names=names, start=offset)


_TAIL = re.compile(r"[。！？）)”]\s*(?P<credit>(?:(?:本报|新华社|人民日报)?(?:特约)?记者)?[^。！？）)”]{2,24}摄)\s*$")


# …沒有其他問責官員陪同。美聯社圖片 / …。政府新聞處圖片 / …。(新華網相片) / …旗幟。EYEPRESS圖片 (web/hkcnews
# figcaptions): the organisation that supplied the picture, after the caption's last sentence.
# …。政府新聞處照片, …山竹竹風眼。NASA網頁 (the web page the picture was taken from), …羅致光。美聯社 (a wire
# agency's name alone): web/hkcnews article_32702.md lines 26 and 51, article_14938.md line 34.
# …出乎其意料之外。（訪問截圖）: a screenshot of the interview (web/hkcnews/article_48942.md line 34).
_TAIL_SUPPLIED = re.compile(
    r"[。！？）)”]\s*(?P<credit>[（(]?[^。！？（）()”，、：:\s]{2,16}(?:图片|相片|照片|网页|截图)[）)]?"
    r"|美联社|路透社|法新社|欧新社|彭博社|共同社)\s*$"
)


def match_credit_tail(text: str, shadow: str) -> CreditMatch | None:
    """Return a photo credit printed at the end of a caption line.

    Either a photographer (``…。新华社记者 谢环驰 摄``, names read) or the organisation that
    supplied the picture (``…。美聯社圖片``, ``…。(新華網相片)``: no names).
    """
    found = _TAIL.search(shadow)
    if found is not None:
        start = found.start("credit")
        credit = _photo(text[start:], shadow[start:], start)
        if credit is not None and credit.names:
            return credit
    supplied = _TAIL_SUPPLIED.search(shadow)
    if supplied is not None:
        return CreditMatch(role="摄影", start=supplied.start("credit"))
    return None


# -- the context rules ----------------------------------------------------------------------


def credit(ctx: Context, i: int) -> int | None:
    """A credit or end note, one CREDIT token per credit on the line.

    本报记者  李  舸摄, 制图：王  婷, （作者为…）, ——编 者 (:func:`match_credit`) belong to the
    bulletin they close and never open one; 曹  一图  燕  陆文 holds two. A brief's signature
    ends the brief.
    """
    raw = ctx.raws[i]
    match = raw.credit
    while match is not None:
        end = match.following.start if match.following is not None else len(raw.text)
        ctx.emit("CREDIT", LineInfo(first=raw.number, last=raw.number, text=raw.text[match.start : end], credit=match))
        if match.role == "署名":  # （喻思南） closes a brief of 新闻速递
            ctx.terminal_seen = True
        match = match.following
    return i + 1
