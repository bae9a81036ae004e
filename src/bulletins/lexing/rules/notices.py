"""The parts of a GB/T 9704 notice: 版头, 主送机关, 落款 and what may follow it — line tests and rules.

The raw-kind pass asks :func:`notice_element_kind` of every line (raw kinds ``masthead``,
``doc_number``, ``attachment``, ``cc``, ``imprint``); the rules *note after closing*, *notice
header*, *notice element*, *addressee* and *closing date* decide where they stand (GB/T 9704-2012
§7, seed 002, gov.cn pages, formats/pdf-text).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..._text import HAN
from ...readers import Hints
from ..context import HEADLINE, NOTE, Context
from ..tokens import LineInfo
from .endings import is_addressee

# GB/T 9704-2012 §7: 发文机关标志 (国务院办公厅文件), 发文字号 (国办发〔2020〕6号), 主送机关 (各省、…：),
# 附件说明 (附件：1．…), 抄送, 印发机关和印发日期 (…秘书局 2020年2月10日印发), 附注 (（此件公开发布）).
# A joint masthead names its issuers with 、 (…信息学院(人工智能学院)、软件学院文件, formats/pdf-text hfut).
_MASTHEAD = re.compile(rf"^[{HAN}（）()](?:、?[{HAN}（）()]){{1,29}}文件$")
# 国办发〔2017〕74号; a joint issue names its issuers with 、 (计算机、软件函〔2021〕8号, formats/pdf-text hfut);
# a series character may stand after the year as well as before it (沪海大信息[2021]行6号 beside
# 沪海洋信息行[2018]28号, the OCR'd 版头 of formats/pdf-scanned hushengjie_shou-xinxi-hang-2021-6 p1); OCR may
# keep the print's gap before the year (沪海洋信息　[2020]行23号, shou-xinxi-hang-2020-23 p1).
_DOC_NUMBER = re.compile(
    rf"^[{HAN}](?:、?[{HAN}]){{0,15}}\s?[〔\[［(（]\d{{4}}[〕\]］)）](?:第|[{HAN}]{{1,2}})?\d{{1,4}}号$"
)
# 附件 / 附件2： / 附件1. / 附件一 alone on its line (gov.cn row44): the label of an annex.
# 附： alone on its line, the older documents' label (govcn-html/row52.html line 30, under the forwarded 请示's
# 落款 国家教委 / 一九九六年五月十三日 and over its table); 附：中华人民共和国2019年…统计公报图表 with a title after
# the colon is a page's headline (rmrb/2020-02/20200229-06-01.txt line 2), not a label.
_ATTACHMENT = re.compile(r"^附(?:件(?:\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2}))?(?:[：:]|[.．]?$)|\s*[：:]$)")
# 抄送：… (GB/T 9704-2012 §7.4.2); 分送： and 抄报： in older 版记
# (formats/docx lawliet_govcheck_test-guofangbu-fangjia.doc).
_CC = re.compile(r"^(?:抄送|分送|抄报)[：:]")
# …办公室 2020年2月10日印发 (§7.4.3); 共印3份 / （共印3份） at the 版记's foot (the same .doc).
_IMPRINT = re.compile(r"^(?:\S.{1,30}?\s+\d{4}年\d{1,2}月\d{1,2}日印发|[（(]?共印\s*\d{1,5}\s*份[）)]?)$")


# …办公室<cells apart>2011年3月10日印发: the 版记's last line set as two cells of one row — the issuing
# office flush left, the date flush right (GB/T 9704-2012 §7.4.3) — which a paged reader finds a
# table row by its wide gap (formats/ofd ofdrw_n_luqiao-weisheng-pifu p2; formats/pdf-text
# hushengjie_ncepu-huadiankongji-2019-7 p2, whose print leaves out the 印发).
_IMPRINT_CELLS = re.compile(
    rf"^[{HAN}（）()]{{2,30}}\t+(?:\d{{4}}|[〇○零一二三四五六七八九]{{4}})年[\d〇○零一二三四五六七八九十]{{1,3}}月"
    rf"[\d〇○零一二三四五六七八九十]{{1,3}}日(?:印发)?$"
)


def imprint_row(shadow: str, table: int, hints: Sequence[Hints | None], number: int) -> bool:
    """A table of one row, an office's name then a date (and 印发): the 版记's imprint line, not a table.

    *hints* are the document's line hints and *number* the row's line (1-based): the rows above and
    below must not be of the same table.
    """
    if _IMPRINT_CELLS.match(shadow) is None:
        return False
    neighbours = (hints[k - 1] for k in (number - 1, number + 1) if 1 <= k <= len(hints))
    return all(h is None or h.table != table for h in neighbours)


_ELEMENTS = (
    ("masthead", _MASTHEAD),
    ("doc_number", _DOC_NUMBER),
    ("attachment", _ATTACHMENT),
    ("cc", _CC),
    ("imprint", _IMPRINT),
)


def notice_element_kind(shadow: str) -> str | None:
    """The raw kind of a GB/T 9704 element line (masthead, doc_number, attachment, cc, imprint), or None."""
    for kind, pattern in _ELEMENTS:
        if pattern.match(shadow):
            return kind
    return None


_ATTACHMENT_ITEM = re.compile(r"^\d{1,2}[.．、]")


def note_after_closing(ctx: Context, i: int) -> int | None:
    """A parenthesised note after the 落款: 附注.

    （此件公开发布）, （联系人：…） (GB/T 9704-2012 §7.3.5).
    """
    raw = ctx.raws[i]
    if raw.kind == "trailing_dateline" or not ctx.after_closing() or not NOTE.match(raw.shadow):
        return None
    return ctx.emit_line("NOTE", i)


def notice_header(ctx: Context, i: int) -> int | None:
    """A masthead or document number above a title, or a number just below it: 版头.

    国务院办公厅文件 (发文机关标志) and 国办发〔2020〕6号 (发文字号) open a notice; reprints print the
    number under the title.
    """
    raw = ctx.raws[i]
    if ctx.last in HEADLINE:
        if raw.kind != "doc_number":
            return None
    else:
        # A residue line between the number and the title (a standard's 代替GB/T 9704—1999) is skipped.
        k = i + 1
        while (after := ctx.peek(k)) is not None and after.kind == "nav" and raw.kind == "doc_number":
            k += 1
        if after is None or after.kind not in {"short", "doc_number", "masthead"}:
            return None
    kind = "DOC_NUMBER_BELOW" if ctx.last in HEADLINE else raw.kind.upper()
    if kind != "DOC_NUMBER_BELOW" and ctx.last not in {"MASTHEAD", "DOC_NUMBER"}:
        ctx.open_bulletin()
    return ctx.emit_line(kind, i)


def notice_element(ctx: Context, i: int) -> int | None:
    """附件, 抄送 and 印发 lines inside a bulletin.

    附件：1．…清单 / 2．…名单 keeps the numbered lines below it (seed 002).
    """
    if not ctx.in_bulletin:
        return None
    raw = ctx.raws[i]
    parts = [(raw.number, raw.text)]
    j = i + 1
    if raw.kind == "attachment":
        while (
            j < len(ctx.raws)
            and _ATTACHMENT_ITEM.match(ctx.raws[j].shadow)
            and ctx.raws[j].kind in {"point", "para", "short"}
        ):
            parts.append((ctx.raws[j].number, ctx.raws[j].text))
            j += 1
    text = "\n".join(t for _, t in parts)
    ctx.emit(raw.kind.upper(), LineInfo(first=parts[0][0], last=parts[-1][0], text=text, parts=tuple(parts)))
    return j


# 教育部： / 国家经贸委、冶金部： / 周桂英等代表： / 马万祺副主席：: one addressee, or a few, named and nothing else.
_NAMED_ADDRESSEE = re.compile(r"^[^，,。！？；;：:\s]{2,40}[：:]$")


def addressee(ctx: Context, i: int) -> int | None:
    """The 主送机关 under the title.

    各省、自治区、直辖市人民政府，国务院各部委、各直属机构：. Under a 发文字号 (GB/T 9704 §7.3.1: the
    主送机关 is the line after it) any short line that names someone and ends with a colon is one,
    a person or a body without a word of :data:`~.endings.is_addressee`'s: ``教育部：`` (govcn-html
    row55 line 4), ``武警总部：`` (row45), ``周桂英等代表：`` (row27, a reply to NPC deputies),
    ``马万祺副主席：`` (row25).
    """
    shadow = ctx.raws[i].shadow
    if ctx.last == "DOC_NUMBER_BELOW" and _NAMED_ADDRESSEE.match(shadow.strip()):
        return ctx.emit_line("ADDRESSEE", i)
    if ctx.last not in {"HEADLINE_START", "HEADLINE_LINE", "DOC_NUMBER_BELOW"} or not is_addressee(shadow):
        return None
    return ctx.emit_line("ADDRESSEE", i)


def closing_date(ctx: Context, i: int) -> int | None:
    """A date alone on its line that ends the bulletin: the 落款's date.

    党委办公室 / 2020年2月9日 (seed 002): followed by nothing, the next headline, a credit or a
    dateline printed last (rmrb/2020-05/20200528-06-03.txt). The body has ended.
    """
    if not ctx.closing_date_here(i):
        return None
    ctx.terminal_seen = True
    return ctx.emit_line("CLOSING_DATE", i)
