"""Item endings and openings: where one item of a file ends and the next begins (line predicates).

Evidence: seed 004 line 68 (会议还研究了其他事项。 ends a Xinhua readout), seed 003 (（下转第三版）),
the rmrb corpus (（新华社北京5月21日电） printed last, 59 files; 国内联播快讯 and 新闻速递 brief
columns, web/xwlb and rmrb/2020-01/20200106-19-03.txt), seed 002 lines 249–318 (readout ledes:
2月7日上午，……楼阳生主持召开…), seed 000 lines 273, 326 (一、 opening a digest's list) and GB/T
9704's 主送机关. The context rules (headnotes, notices, paragraphs, runs) ask these questions.
"""

from __future__ import annotations

import re

from ..lines import Raw

# 习近平主持召开…会议 … 会议还研究了其他事项。 ends a Xinhua readout; (下转第三版) ends a page column.
TERMINAL = re.compile(r"(?:会议还研究了其他事项。|[（(]下转第.{1,3}版[）)])$")
# 2月7日上午，省委书记……主持召开省委第七次专题会议 (seed 002): a readout lede.
_LEDE_DATE = re.compile(r"^\d{1,2}月\d{1,2}日[^，,。]{0,10}[，,]")
# 举行 counts with a gathering after it (举行会议, 举行座谈会, 举行仪式): 朝鲜在平壤举行大规模阅兵 in a dispatch's
# background paragraph (web/newscrawl/add_content_huanqiu1_idx10.txt line 6) opened a bulletin of its own.
_LEDE_EVENT = re.compile(r"召开|主持|举行[^，。]{0,30}?(?:会|仪式|典礼|论坛|活动|谈|式)")
_LEDE_DATE_LATE = re.compile(r"^[^，,。]{0,24}?\d{1,2}月\d{1,2}日")
# （新华社北京2月28日电） at the end of a text: the dateline printed last (DESIGN §1).
TRAILING_DATELINE = re.compile(r"[（(](?P<inner>(?:新华社|中新社|人民日报|本报)[^（()）]{1,20}?电)[）)]$")


_ADDRESSEE_HINT = re.compile(r"各|人民政府|部委|机构|委员会|党委|单位|厅|局|院|办公室|部门|学校|公司|党组")
CLOSE_PAREN = ("）", ")")
BRIEF_COLUMN = re.compile(r"(?:联播快讯|新闻速递|资讯速递|财经短波|简讯)$")


def terminal(shadow: str) -> bool:
    """会议还研究了其他事项。 or （下转第三版） ends the text (both end in 。 or a parenthesis)."""
    return shadow.endswith(("。", *CLOSE_PAREN)) and TERMINAL.search(shadow) is not None


def ends_item(shadow: str) -> bool:
    """The paragraph ends its item: a terminal formula or a dateline printed last."""
    return shadow.endswith((*CLOSE_PAREN, "。")) and (
        TERMINAL.search(shadow) is not None or TRAILING_DATELINE.search(shadow) is not None
    )


def opens_a_list(raw: Raw) -> bool:
    """一、… : the first point of a top-level list (GB/T 9704 §7.3.3's first level)."""
    return raw.kind == "point" and raw.marker is not None and raw.marker.number == 1 and raw.marker.style == "一、"


def is_addressee(shadow: str) -> bool:
    """各省、自治区、直辖市人民政府，国务院各部委、各直属机构： — a list of bodies ending in a colon."""
    return (
        len(shadow) <= 200
        and shadow[-1] in "：:"
        and not any(ch in "。！？；" for ch in shadow)
        and _ADDRESSEE_HINT.search(shadow) is not None
    )


def is_lede(raw: Raw, *, dated_subject: bool = False) -> bool:
    """A readout's first paragraph: a date, then a meeting held or chaired in the first sentence.

    With *dated_subject*, the date may follow a short subject (中共中央政治局常务委员会3月18日
    召开会议, seed 004 line 54): only used for the line right under a short run, where it tells
    a title from a subhead; inside a body it would split stories at every such sentence.
    """
    date = (_LEDE_DATE_LATE if dated_subject else _LEDE_DATE).match(raw.shadow)
    if raw.kind != "para" or date is None:
        return False
    return _LEDE_EVENT.search(raw.shadow.split("。", 1)[0]) is not None
