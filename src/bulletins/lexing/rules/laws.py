"""Laws, regulations and orders: the 题注 under a title, articles that run on, and a 令 over what it promulgates.

Line tests and the rules *adoption note* and *order*. A law or a regulation is one document from
its title to its last article, whatever is printed between: its 题注 (how and when it was adopted,
with or without parentheses, on one line or several), its 目录 (:mod:`~.contents`), its parts,
chapters and sections (编/分编/章/节, some printed without a number: 附则, 序言), its 附则. An order
(国务院令, a ministry's 令) prints its number, one promulgating sentence and its signature above
the regulation it promulgates: the order's number is the document's, the signature its 落款, and
the regulation the rest of the same bulletin.

Evidence (file and line):

* 题注 in parentheses over two lines: formats/pdf-text/guhhhhaa_xianfa-2018.pdf lines 2–3
  (``（1982年12月4日第五届全国人民代表大会第五次会议通过1982年12月4日全国人民代表大会公告公布施行`` /
  ``根据1988年4月12日…修正）``), the same in formats/pdf-text/hustnzj_xianfa-2018-macos-quartz.pdf.
* 题注 without parentheses (web/lawref, LawRefBook's head lines):
  ``2021年5月31日 最高人民法院审判委员会第1840次会议通过`` and ``2021年6月3日 施行``
  (zgf2021_pifu_zscq_kaizhi.md lines 5, 7), ``1997年11月17日 中华人民共和国国务院令第235号发布``
  (gwyling235_fakuan_fenli.md line 3), ``1995年1月1日 执行`` after the covering notice's 落款
  (ldb1994_gongzi_zhifu.md line 15).
* A chapter printed without a number between two articles: ``附 则`` between 第一千二百五十八条 and
  第一千二百五十九条 (formats/pdf-text/weilueluo_minfadian.pdf line 2399).
* Orders: ``中华人民共和国国务院令`` / ``第707号`` / ``现公布修订后的《…》…`` / ``总理　　李克强`` / ``2018年12月18日``
  / ``中华人民共和国个人所得税法实施条例`` (govcn-html row33 lines 1–6; row58, 第706号);
  ``中华人民共和国国务院令`` / ``第535号`` (formats/pdf-text/betweenxtm_…_guowuyuanling535_chrome-print.pdf
  lines 1–6); ``中华人民共和国商务部令`` / ``2014年第3号`` (formats/pdf-text/forhumanity_shangwubuling-2014-3_….pdf
  lines 5–10).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..._text import HAN
from ..context import UNDER_HEADLINE, Context
from ..lines import Raw, is_short
from ..tokens import retyped
from .contents import entry_key
from .headnotes import is_adoption_note, is_signed_headnote
from .paragraphs import paragraph

_DATE = (
    r"(?:\d{4}|[〇○零一二三四五六七八九]{4})年[\d〇○零一二三四五六七八九十]{1,3}月[\d〇○零一二三四五六七八九十]{1,3}日"
)
_ACTS = r"(?:通过|发布|公布|批准|修正|修订|施行|执行|印发|颁布)"
# 2021年5月31日 最高人民法院审判委员会第1840次会议通过 / 2021年6月3日 施行: a 题注 without parentheses.
_ADOPTION_LINE = re.compile(rf"^{_DATE}[\s　]*[^。；;，,（()）]{{0,50}}?{_ACTS}[\s　]*$")
# （1982年12月4日第五届全国人民代表大会第五次会议通过… : a 题注 whose parenthesis closes on a later line.
_ADOPTION_OPEN = re.compile(rf"^[（(][^（）()]{{0,40}}{_DATE}[^（）()]*{_ACTS}[^（）()]*$")
# （1994年1月28日中华人民共和国国务院令第142号发布　根据…修订） on one line, however long (govcn-html row33 line 7).
_ADOPTION_WHOLE = re.compile(rf"^[（(][^（）()]{{0,40}}{_DATE}[^（）()]*{_ACTS}[^（）()]*[）)]$")
_CLOSE = re.compile(r"[）)]\s*$")
_NOTE_LINES_MAX = 6
# 中华人民共和国国务院令 / 中华人民共和国商务部令 / 国务院国有资产监督管理委员会令: the masthead of an order.
_ORDER = re.compile(rf"^[{HAN}]{{2,30}}令$")
# 第707号 / 2014年第3号 / （2014年第3号）: an order's number on the line under it.
# 第三十九号 (a 主席令: rmrb/2020-01/20200102-16-01.txt line 5).
_ORDER_NUMBER = re.compile(r"^[（(]?(?:\d{4}年)?第\s*(?:\d{1,4}|[一二三四五六七八九十百零〇]{1,6})\s*号[）)]?$")
# 关于印发《工资支付暂行规定》的通知 / 国务院办公厅转发…的通知: a notice that issues or forwards a document.
# 国务院办公厅关于印发 / 国 家 粮 食 应 急 预 案 的 函 (govcn-html row41 lines 1–2): a 函 issues one too.
_ISSUING = re.compile(r"(?:印发|转发|颁发|发布|公布)[^。]*(?:通知|决定|令|函)$")
# 《中华人民共和国森林法》已由…修订通过，现予公布，自2020年7月1日起施行。 (an order's sentence).
_PROMULGATES = re.compile(r"现予(?:公布|发布|印发)|现(?:将[^。]{0,40})?公布")
_LOOKAHEAD = 3000
_TITLE_MAX = 80
_ARTICLE = "第一条"
_ORDER_TEXT_MAX = 3


def is_adoption_line(shadow: str) -> bool:
    """A 题注 printed without parentheses: a date, then who adopted or issued it, or when it takes effect."""
    return _ADOPTION_LINE.match(shadow.strip()) is not None


def opens_adoption_note(shadow: str) -> bool:
    """A 题注 whose opening parenthesis is not closed on its line (it runs on to the next)."""
    return _ADOPTION_OPEN.match(shadow.strip()) is not None


def is_order_masthead(shadow: str) -> bool:
    """``中华人民共和国国务院令``: the name of an order's issuer, ending in 令."""
    return _ORDER.match(shadow.strip()) is not None


def is_order_number(shadow: str) -> bool:
    """``第707号`` / ``2014年第3号``: an order's number."""
    return _ORDER_NUMBER.match(shadow.strip()) is not None


def ends_headline(shadow: str) -> bool:
    """A line that closes the headline run above it: a 题注 without parentheses, or one that runs on."""
    return is_adoption_line(shadow) or opens_adoption_note(shadow)


def continues_articles(ctx: Context, raw: Raw | None) -> bool:
    """*raw* is the next article of the bulletin being built (第N条 after 第N-1条): the same law."""
    if raw is None or raw.marker is None or raw.marker.style != _ARTICLE or not ctx.in_bulletin:
        return False
    return raw.marker.number > 1 and ctx.numbers.get(_ARTICLE) == raw.marker.number - 1


def _note_end(ctx: Context, i: int) -> int | None:
    """The index after the 题注 starting at *i*, or None if there is none."""
    raw = ctx.raws[i]
    if raw.kind not in {"short", "para"} or is_adoption_note(raw.shadow):  # one line in parentheses: *headnotes*
        return None
    if is_adoption_line(raw.shadow) or _ADOPTION_WHOLE.match(raw.shadow.strip()):
        return i + 1
    if not opens_adoption_note(raw.shadow):
        return None
    for k in range(i + 1, min(i + _NOTE_LINES_MAX, len(ctx.raws))):
        if ctx.raws[k].kind not in {"short", "para"}:
            return None
        if _CLOSE.search(ctx.raws[k].shadow):
            return k + 1
    return None


def _signed(ctx: Context, i: int) -> bool:
    """From *i*: the order's sentence(s), its signature (issuer lines over a date), then a title."""
    k = i
    while k < len(ctx.raws) and ctx.raws[k].kind == "para" and k - i < _ORDER_TEXT_MAX:
        k += 1
    if k == i:
        return False
    issuers = k
    while k < len(ctx.raws) and ctx.raws[k].kind in {"short", "byline"} and k - issuers < _ORDER_TEXT_MAX:
        k += 1
    title = ctx.peek(k + 1)
    return (
        issuers < k < len(ctx.raws)
        and ctx.raws[k].kind == "date_only"
        and title is not None
        and (_title_like(title) or ctx.last in UNDER_HEADLINE)
    )


def _title_like(raw: Raw) -> bool:
    """A short line, or one a page's layout set as body text that could still be a title."""
    return raw.kind == "short" or (raw.kind == "para" and is_short(raw.shadow.strip()))


# -- the context rules ----------------------------------------------------------------------


def adoption_note(ctx: Context, i: int) -> int | None:
    """A 题注 under the title — in parentheses over several lines, or without them — is a headnote.

    The same line after a covering notice's 落款 (``1995年1月1日 执行``, the effective date of the
    regulation the notice issues) is a note of that bulletin, never the title of another.
    """
    under = ctx.last in UNDER_HEADLINE
    if not under and not ctx.after_closing():
        return None
    end = _note_end(ctx, i)
    if end is None:
        return None
    if not under and end - i > 1:
        return None
    for k in range(i, end):
        ctx.emit_line("HEAD_NOTE" if under else "NOTE", k)
    return end


def order(ctx: Context, i: int) -> int | None:
    """An order's masthead over its number: the 版头 of a 令 (``中华人民共和国国务院令`` / ``第707号``).

    Above a title, the masthead opens the bulletin and the number is its doc_number; the order's
    sentence and its signature follow, then the title of the regulation it promulgates (read by
    *short run*). Under a law's title and 题注 (rmrb/2020-01/20200102-16-01.txt lines 2–8: 中华人民共和国森林法 /
    （…修订） / 中华人民共和国主席令 / 第三十九号 / …现予公布… / 中华人民共和国主席 习近平 / 2019年12月28日), the
    order is part of the law's bulletin and the law's text goes on after the signature.
    """
    raw, after = ctx.raws[i], ctx.peek(i + 1)
    if after is not None and is_order_number(raw.shadow) and not ctx.in_bulletin:
        return _bare_order(ctx, i)
    joint = _joint_masthead(ctx, i)
    if joint:
        # 国家互联网信息办公室 / 中华人民共和国工业和信息化部 / 中华人民共和国公安部 / 令 / 第12号 (a joint order,
        # formats/pdf-text/natur3ph_shendu-hecheng-guanli-guiding_govcn-chrome-print.pdf lines 2–6).
        ctx.open_bulletin()
        ctx.order = "head"
        for k in range(i, i + joint):
            ctx.emit_line("MASTHEAD", k)
        return ctx.emit_line("DOC_NUMBER", i + joint)
    if after is None or not is_order_masthead(raw.shadow) or not is_order_number(after.shadow):
        return None
    if not _signed(ctx, i + 2):
        return None
    if ctx.in_bulletin and ctx.last in UNDER_HEADLINE:
        ctx.order = "inline"
        ctx.emit_line("ORDER_MASTHEAD", i)
        return ctx.emit_line("ORDER_NUMBER", i + 1)
    ctx.open_bulletin()
    ctx.order = "head"
    ctx.emit_line("MASTHEAD", i)
    return ctx.emit_line("DOC_NUMBER", i + 1)


_ORGAN = re.compile(rf"^[{HAN}]{{2,30}}(?:部|委员会|办公室|办公厅|局|署|院|总局|银行|委)$")
_JOINT_MAX = 6


def _joint_masthead(ctx: Context, i: int) -> int:
    """How many lines of a joint order's masthead start at *i*: the issuers a line each, then 令 alone.

    0 unless the number (第12号) follows the 令 and the order is signed below.
    """
    if ctx.in_bulletin:
        return 0
    k = i
    while k < len(ctx.raws) and k - i < _JOINT_MAX and _ORGAN.match(ctx.raws[k].shadow.strip()):
        k += 1
    if k == i or k + 1 >= len(ctx.raws) or ctx.raws[k].shadow.strip() != "令":
        return 0
    if not is_order_number(ctx.raws[k + 1].shadow) or not _signed(ctx, k + 2):
        return 0
    return k - i + 1


def _bare_order(ctx: Context, i: int) -> int | None:
    """An order's number with no masthead above it, over its promulgating sentence and signature.

    A web page prints the red masthead as a picture: ``第35号`` / ``《中央企业境外投资监督管理办法》已经…审议
    通过，现予公布…`` / ``国务院国有资产监督管理委员会主任`` / ``2017年1月7日`` / ``中央企业境外投资监督管理办法``
    (formats/pdf-text/forhumanity_guoziwei-ling35_zhongyang-qiye-jingwai-touzi_macos-print.pdf lines 4–8). The
    number opens the bulletin as its doc_number, as under a masthead.
    """
    sentence = ctx.peek(i + 1)
    if sentence is None or sentence.kind != "para" or not _PROMULGATES.search(sentence.shadow):
        return None
    if not _signed(ctx, i + 1):
        return None
    ctx.open_bulletin()
    ctx.order = "head"
    return ctx.emit_line("DOC_NUMBER", i)


def order_text(ctx: Context, i: int) -> int | None:
    """The order's own sentence(s) under its number, up to its signature: the order's text.

    Under the signature, the title of the regulation the order promulgates, when the page's layout
    set it as body text (``中央企业境外投资监督管理办法``, formats/pdf-text/forhumanity_guoziwei-ling35_…
    line 8), is the bulletin's headline.
    """
    raw = ctx.raws[i]
    if ctx.order == "head" and ctx.last == "CLOSING_DATE" and raw.kind == "para" and is_short(raw.shadow.strip()):
        ctx.order = ""
        ctx.terminal_seen = False
        ctx.headline_key = "".join(raw.shadow.split())
        return ctx.emit_line("HEADLINE_START", i)
    if not ctx.order or ctx.last not in {"DOC_NUMBER", "ORDER_NUMBER", "ORDER_TEXT"} or raw.kind != "para":
        return None
    return ctx.emit_line("ORDER_TEXT", i)


def order_date(ctx: Context, i: int) -> int | None:
    """The date of an order's signature: its 落款, whatever follows it.

    Under a law's title the law goes on after it; above the regulation the order promulgates, the
    regulation's title follows, which a page's layout may set as body text (formats/pdf-text/
    forhumanity_guoziwei-ling35_… lines 6–8: ``国务院国有资产监督管理委员会主任`` / ``2017年1月7日`` /
    ``中央企业境外投资监督管理办法``).
    """
    if not ctx.order or ctx.last != "ISSUER":
        return None
    if ctx.order == "inline":
        ctx.order = ""
    else:
        ctx.terminal_seen = True
    return ctx.emit_line("CLOSING_DATE", i)


def issuing(ctx: Context) -> bool:
    """The bulletin is a notice that issues or forwards a document (印发, 转发, 发布 … 的通知)."""
    if _ISSUING.search(ctx.headline_key):
        return True
    # A law printed under its title with the 主席令 that promulgates it (rmrb/2020-01/20200102-16-01.txt
    # lines 2–8: 中华人民共和国森林法 / 题注 / 中华人民共和国主席令 / 第三十九号 / …现予公布… / signature).
    if any(_PROMULGATES.search(key) for key in ctx.seen):
        return True
    # LawRefBook prints the notice's own title as the first line of the body, under the issued
    # document's title (web/lawref/ldb1994_gongzi_zhifu.md line 3).
    return any(len(key) <= _TITLE_MAX and _ISSUING.search(key) for key in ctx.seen)


def _signs_itself(ctx: Context, j: int) -> bool:
    """A 落款 (issuer lines over a date alone on its line) stands somewhere from *j* on.

    The notice's own 落款 printed again under its annex (``控制与计算机工程学院`` / ``2019年6月18日`` under the
    member list the 细则 annexes, formats/pdf-text/hushengjie_ncepu-huadiankongji-2019-7_… lines 27–28, the
    same as lines 19–20) signs nothing new: the annex is still the notice's.
    """
    own = _own_closing(ctx)
    for k in range(j + 1, min(j + _LOOKAHEAD, len(ctx.raws))):
        raw = ctx.raws[k]
        if raw.kind == "date_only" and ctx.raws[k - 1].kind in {"short", "byline"}:
            nxt = ctx.peek(k + 1)
            if nxt is None or nxt.kind not in {"para", "point"}:
                return (_key(ctx.raws[k - 1].text), _key(raw.text)) != own
    return False


def _key(text: str) -> str:
    return "".join(text.split())


def _own_closing(ctx: Context) -> tuple[str, str] | None:
    """The last issuer line and the date of the 落款 the bulletin being built printed, spaces removed."""
    for n in range(len(ctx.out) - 1, 0, -1):
        if ctx.out[n].type == "CLOSING_DATE" and ctx.out[n - 1].type == "ISSUER":
            return _key(ctx.out[n - 1].info.text), _key(ctx.out[n].info.text)
        if ctx.out[n].type in {"HEADLINE_START", "LEAD", "LEAD_DATELINE", "LEAD_POINT"}:
            break
    return None


def issues_here(ctx: Context, j: int) -> bool:
    """After an issuing notice's 落款, the document it issues begins at *j* and is part of its bulletin.

    Convention (tests/fixtures/corpus: web/lawref/ldb1994_gongzi_zhifu.md; tests/fixtures/formats
    README; tests/fixtures/fresh README, the lead's adjudication of govcn-html row20 and row50): a
    document issued or forwarded by a notice stays in the notice's bulletin unless it carries its
    own issuer and date — its own 落款 further on, or a headnote naming them as the last line of its
    title (:func:`~.headnotes.is_signed_headnote`, row50 line 11, the line after the title's run).
    """
    if not (ctx.in_bulletin and ctx.after_closing() and issuing(ctx)):
        return False
    if j < len(ctx.raws) and is_signed_headnote(ctx.raws[j].shadow):
        return False
    return not _signs_itself(ctx, j)


_NAMED = re.compile(r"《([^《》]{2,60})》")
_BRACKETS = re.compile(r"[（）()〔〕\[\]]")


def named_issue(ctx: Context, key: str, j: int) -> bool:
    """The title an issuing notice names in its own title (``关于印发《X》的通知`` … ``X``): the issued document.

    The document a 印发 notice issues is part of its bulletin (:func:`issues_here`), which that rule
    knows by the notice's 落款 standing before it. On a scan the 落款's date may be lost under the
    seal (formats/pdf-scanned scnu-jiji-2025-1 p1: ``二〇二五年算学院``, the date read through the red
    ink), and the issued 细则's title on p2 (``华南师范大学计算机学院教学督导`` / ``工作实施细则``) opened a
    bulletin of its own. A title that is, brackets aside, the very name the notice's title quotes
    is that document whether or not a 落款 was read; one that signs itself still opens a bulletin.
    """
    if not ctx.in_bulletin or not key or not _ISSUING.search(ctx.headline_key) or _signs_itself(ctx, j):
        return False
    plain = _BRACKETS.sub("", key)
    return any(_BRACKETS.sub("", name) == plain for name in _NAMED.findall(ctx.headline_key))


def named_issue_end(ctx: Context, i: int) -> int | None:
    """Where the title of the document the notice names ends, when a run from *i* spells it out.

    OCR marks a title line centred only where its margins show it: the issued document's two-line
    title came as a centred first line and a full-width second line read as body text
    (``华南师范大学计算机学院`` / ``本科专业毕业要求评价实施细则（修订版）``, the spent draw's scan
    formats/pdf-scanned scnu-jiji-2024-5 p2). Where the lines from
    *i* spell, brackets and spaces aside, exactly a name the notice's title quotes (``关于印发《X》的
    通知``), the issued title is those lines; None otherwise (and where the document signs itself).
    """
    if not ctx.in_bulletin or not _ISSUING.search(ctx.headline_key):
        return None
    raws = ctx.raws
    for name in _NAMED.findall(ctx.headline_key):
        plain = _BRACKETS.sub("", name)
        acc, k = "", i
        while k < len(raws) and len(acc) < len(plain) and raws[k].kind in {"para", "short", "subhead"}:
            acc += _BRACKETS.sub("", entry_key(raws[k].shadow))
            k += 1
            if not plain.startswith(acc):
                break
        if acc == plain and not _signs_itself(ctx, k):
            return k
    return None


def annexed_here(ctx: Context, j: int) -> bool:
    """After the 落款 and an annex label (``附件`` / ``附件1``), the annex begins: part of the bulletin.

    GB/T 9704-2012 §7.3.6 prints annexes after the 落款, each under its label and its own title:
    ``国务院办公厅`` / ``2018年12月4日`` / ``（此件公开发布）`` / ``附件`` / ``应急救援专用号牌式样和车辆涂装样图``
    (govcn-html row36 lines 16–20), ``国务院`` / ``2018年11月20日`` / ``（此件公开发布）`` / ``附件`` /
    ``国务院职业教育工作部际联席会议制度`` (row55 lines 9–13). An annex without an issuer and date
    of its own stays in the notice's bulletin; one that signs itself (a report with its own 落款:
    row23's ``附件1`` / ``关于…的报告`` / … / ``国土资源部`` / ``二〇〇四年十月十日``) is a bulletin of its own.
    """
    if not ctx.in_bulletin or ctx.last != "ATTACHMENT" or _signs_itself(ctx, j):
        return False
    return ctx.after_closing() or _bare_label(ctx)


# 附件 / 附件1 / 附件2： alone on its line: an annex's label (附件：1．…清单 lists the annexes instead).
_LABEL = re.compile(r"^附件\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})?\s*[.．:：]?$")


def _bare_label(ctx: Context) -> bool:
    """The last notice element is an annex label alone on its line, the annex's title under it.

    A 落款 set in a table (the signature block of formats/pdf-text/hushengjie_ncepu-huadiankongji-2019-7_…
    line 21, ``华北电力大学控制与计算机工程学院 | 2019年6月18日``) leaves no closing; the label ``附件`` (line 22)
    over ``控制与计算机工程学院督导组成员名单`` still opens an annex.
    """
    last = next((token for token in reversed(ctx.out) if token.type == "ATTACHMENT"), None)
    return last is not None and _LABEL.match(last.info.text.strip()) is not None


# The kind of document a title names, last in it: 规定, 办法, 制度 … (the notice's title names the same kind).
_DOCUMENT_KIND = re.compile(
    r"(?:规定|办法|细则|方案|制度|意见|条例|规则|标准|目录|清单|名单|计划|纲要|要点|规划|指南|准则|章程|决定)$"
)


def issued_again(ctx: Context, key: str, j: int) -> bool:
    """Inside an issued document or an annex, a further title without a 落款 of its own: the same bulletin.

    A notice that issues two documents prints the second under its own title after the first
    (``国务院办公厅关于印发…转制为企业和进一步支持文化企业发展两个规定的通知``: ``进一步支持文化企业发展的规定``
    after the first 规定's last paragraph, govcn-html row18 line 54): the notice's title names that kind of
    document. An annex may print a list of its own under its title (``国务院职业教育工作`` /
    ``部际联席会议成员名单`` / ``召 集 人：孙春兰　　国务院副总理`` …, govcn-html row55 lines 25–38): any
    part of an annex is the annex's, and so is the title under an annex label inside the issued
    document (``附件2：认知实习教学基地协议`` / ``计算机与信息学院（人工智能学院）`` / ``认知实习教学基地协议``:
    formats/pdf-text/hushengjie_hfut-jisuanji-ruanjian-han-2021-8_shixi-jidi-zhidu.pdf lines 32–34). Either
    opens a bulletin only when it signs itself.
    """
    if not ctx.in_bulletin or not ctx.issued or ctx.after_closing() or _signs_itself(ctx, j):
        return False
    if ctx.issued == "annex" or ctx.last == "ATTACHMENT":  # in an annex, or under an annex's label
        return True
    kind = _DOCUMENT_KIND.search(key)
    return kind is not None and kind.group(0) in ctx.headline_key


def issued_point(ctx: Context, i: int) -> int | None:
    """The first article of the document an issuing notice issues, printed after its 落款.

    ``第一条 为维护劳动者…`` under ``劳动部`` / ``一九九四年十二月六日`` / ``1995年1月1日 执行``
    (web/lawref/ldb1994_gongzi_zhifu.md lines 11–19): the issued regulation goes on in the notice's bulletin.
    """
    if not issues_here(ctx, i):
        return None
    at = len(ctx.out)
    nxt = paragraph(ctx, i)
    if len(ctx.out) > at and ctx.out[at].type == "POINT":
        ctx.out[at] = retyped(ctx.out[at], "ISSUED_POINT")
        ctx.terminal_seen = False
        ctx.issued = "issued"
    return nxt


# 江西省统计局  国家统计局江西调查总队: an issuing body's name (what a communiqué prints under its title).
_BODY = re.compile(r"(?:局|总队|队|委员会|政府|办公室|办公厅|院|厅|部|署|中心|委|会|处|所)$")
# 2023年3月28日, or in parentheses with the day or without it: （2023年5月） under 万载县统计局    国家统计局万载调查队
# (formats/html-pages/simonxinw_wanzai-gov_tjgb-2022.html lines 21–22).
_YEAR_MONTH = r"(?:\d{4}|[〇○零一二三四五六七八九]{4})年[\d〇○零一二三四五六七八九十]{1,2}月"
_BARE_DATE = re.compile(rf"^(?:{_DATE}|[（(]\s*(?:{_DATE}|{_YEAR_MONTH})\s*[）)])$")
_ISSUER_LINES_MAX = 2


def issuer_line(raw: Raw) -> bool:
    """A line of issuing bodies' names only (``江西省统计局  国家统计局江西调查总队``)."""
    parts = raw.shadow.split()
    return raw.kind in {"short", "byline"} and bool(parts) and all(_BODY.search(part) for part in parts)


def signed_under_title(raws: Sequence[Raw], k: int) -> int | None:
    """From *k*: issuer line(s) over a bare date, the text going on below — the index after the date.

    A communiqué prints who issued it and when under its title, not at its end:
    ``江西省2022年国民经济和社会发展统计公报[1]`` / ``江西省统计局  国家统计局江西调查总队`` / ``2023年3月28日`` /
    ``2022年是党的二十大胜利召开之年，…`` (formats/html-pages/simonxinw_yichun-gov_jiangxi-tjgb-2022.html
    lines 21–24); the date may stand in parentheses and give the month only (``万载县统计局    国家统计局万载调查队``
    / ``（2023年5月）``, simonxinw_wanzai-gov_tjgb-2022.html lines 21–22). A 落款 at a notice's end is followed by
    nothing, a note or the next title, never by text.
    """
    m = k
    while m < len(raws) and m - k < _ISSUER_LINES_MAX and issuer_line(raws[m]):
        m += 1
    if m == k or m + 1 >= len(raws):
        return None
    date, text = raws[m], raws[m + 1]
    # （2023年4月12日） in parentheses is a speech_date by its own text (formats/html-pages/
    # simonxinw_yichun-gov_tjgb-2022.html line 23, under 宜春市统计局  国家统计局宜春调查队).
    if date.kind not in {"date_only", "para", "short", "speech_date"} or not _BARE_DATE.match(date.shadow.strip()):
        return None
    return m + 1 if text.kind in {"para", "point", "lead"} else None


def communique_head(ctx: Context, i: int) -> int | None:
    """Issuer and date printed under a title, the text going on below: a headnote, not a 落款 nor a headline.

    ``江西省统计局  国家统计局江西调查总队`` / ``2023年3月28日`` under a statistical communiqué's title
    (formats/html-pages/simonxinw_yichun-gov_jiangxi-tjgb-2022.html lines 22–23; the formats README:
    issuer/date lines under a communiqué's title are not a closing). The date is the bulletin's
    (:mod:`bulletins.analyze.issued` reads a bare date under an issuer line at the head of the body).
    """
    if ctx.last not in UNDER_HEADLINE:
        return None
    end = signed_under_title(ctx.raws, i)
    if end is None:
        return None
    for k in range(i, end):
        ctx.emit_line("HEAD_NOTE", k)
    return end


def repeated_closing(ctx: Context, i: int) -> int | None:
    """The notice's own 落款 printed again under its annex: text of the annex, not a second closing.

    ``控制与计算机工程学院`` / ``2019年6月18日`` closing the member list a 细则 annexes, as they close the
    细则 itself (formats/pdf-text/hushengjie_ncepu-huadiankongji-2019-7_jiaoxue-dudao-xize.pdf lines 27–28 and
    19–20): the bulletin has one closing; the lines are kept as paragraphs of the annex.
    """
    if not ctx.issued or ctx.after_closing():
        return None
    own = _own_closing(ctx)
    k = i
    while k < len(ctx.raws) and k - i < _ISSUER_LINES_MAX and ctx.raws[k].kind in {"short", "byline"}:
        k += 1
    if own is None or k == i or k >= len(ctx.raws) or ctx.raws[k].kind != "date_only":
        return None
    if (_key(ctx.raws[k - 1].text), _key(ctx.raws[k].text)) != own:
        return None
    for n in range(i, k + 1):
        ctx.emit_line("PARAGRAPH", n)
    return k + 1
