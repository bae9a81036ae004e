"""The content pass of the line lexer: each non-blank line's raw kind, from its own text alone.

Kinds: image, nav, masthead, doc_number, attachment, cc, imprint, credit, dateline, trailing_dateline, speech_date,
salutation, caption, date_only, point (strong markers), byline, short, para. The context pass
in :mod:`bulletins.lexer` turns them into the grammar's terminals. Matching uses the
Simplified shadow; every pattern cites the seed lines it comes from.
"""

from __future__ import annotations

import re

from attrs import frozen

from ._text import HAN, SENTENCE_PUNCT, ends_complete, looks_like_name
from .analyze.datelines import DatelineMatch, match_dateline, match_trailing_line
from .analyze.dates import DATE_ONLY_RE
from .analyze.markers import Marker, ordinal_word_marker, sequence_marker, strong_marker
from .layout.chrome import is_chrome
from .layout.credits import CreditMatch, foreign_writer, match_credit, match_credit_tail, read_names
from .readers import CellShape

SHORT_MAX = 64
"""Longest line (in characters) with clause punctuation that can be a headline line."""
SHORT_DECK_MAX = 100
"""Longest line without any clause punctuation that can be a headline line (a deck on one line)."""

_IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)$")
# - 華南國家植物園正式揭牌 李希侯建國王偉中等出席活動 2022-07-12 (seed 001 navigation list)
_NAV = re.compile(r"^[-*•·]\s+\S.*\s\d{4}[-./]\d{1,2}[-./]\d{1,2}$")
# （2020年2月23日） under a speech title (seed 004)
# （2026年1月27日在贵州省第十四届人民代表大会第四次会议上） and （2020年11月19日，北京）: the date
# may carry where the speech was given (web/govreport, web/xispeech).
_SPEECH_DATE = re.compile(
    r"^[（(]\s*(?P<date>[^（()）在，,]{4,20}?)\s*(?:在[^（()）]{2,60}?上(?:的讲话)?|[，,][^（()）]{1,16})?\s*[）)]$"
)
# 同志们： / 各位代表： / 各位委员，同志们： / 尊敬的…，女士们，先生们，朋友们：
_SALUTE_TERM = (
    r"(?:同志们|同学们|朋友们|女士们|先生们|各位[^，,、。：:]{0,12}"
    r"|尊敬的[^，,、。：:]{1,20}|亲爱的[^，,、。：:]{1,12})"
)
_SALUTATION = re.compile(rf"^{_SALUTE_TERM}(?:[，,、]{_SALUTE_TERM}){{0,8}}[：:！!]$")
# 省长 李炳军 / 自治区主席 张雨浦 under a speech title (web/govreport): a role, then the speaker.
_SPEAKER = re.compile(rf"^[{HAN}]{{0,14}}(?:主席|省长|市长|区长|县长|书记|总理|部长|主任)\s+[{HAN}·]{{2,6}}$")
# Photo captions: 溯源流调工作组正在紧张工作中 (seed 003); "……。这是习近平在……。新华社记者 谢环驰 摄"
# (seed 002); lines opening with 图为.
_CAPTION_ONGOING = re.compile(r"正在")
_CAPTION_CREDIT = re.compile(rf"(?:新华社|本报|人民日报)?记者(?:\s*[{HAN}]{{2,4}})+\s*摄[）)]?$")
_CAPTION_THIS_IS = re.compile(r"^\d{1,2}月\d{1,2}日(?:至\d{1,2}日)?，[^\n]{0,300}?。这是")
_CAPTION_TUWEI = re.compile(r"^图为")
# 图①、图④：1月17日，缅甸民众在内比都街头… under 图片说明： (rmrb/2020-01/20200118-05-01.txt line 30).
_CAPTION_NUMBERED = re.compile(r"^图[①-⑳\d]{1,2}(?:[、，,]图?[①-⑳\d]{1,2})*[：:]")
_BYLINE_ROLE = re.compile(rf"^(?:本报|新华社|人民日报)?(?:特约)?(?:评论员|记者|通讯员)[{HAN}\s、]{{0,20}}$")
# GB/T 9704-2012 §7: 发文机关标志 (国务院办公厅文件), 发文字号 (国办发〔2020〕6号), 主送机关 (各省、…：),
# 附件说明 (附件：1．…), 抄送, 印发机关和印发日期 (…秘书局 2020年2月10日印发), 附注 (（此件公开发布）).
# A joint masthead names its issuers with 、 (…信息学院(人工智能学院)、软件学院文件, formats/pdf-text hfut).
_MASTHEAD = re.compile(rf"^[{HAN}（）()](?:、?[{HAN}（）()]){{1,29}}文件$")
# 国办发〔2017〕74号; a joint issue names its issuers with 、 (计算机、软件函〔2021〕8号, formats/pdf-text hfut).
_DOC_NUMBER = re.compile(rf"^[{HAN}](?:、?[{HAN}]){{0,15}}[〔\[［(（]\d{{4}}[〕\]］)）]第?\d{{1,4}}号$")
# 附件 / 附件2： / 附件1. / 附件一 alone on its line (gov.cn row44): the label of an annex.
_ATTACHMENT = re.compile(r"^附件(?:\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2}))?(?:[：:]|[.．]?$)")
_CC = re.compile(r"^抄送[：:]")
_IMPRINT = re.compile(r"^\S.{1,30}?\s+\d{4}年\d{1,2}月\d{1,2}日印发$")


@frozen(kw_only=True)
class Raw:
    number: int
    text: str
    shadow: str
    kind: str
    toc: bool = False
    marker: Marker | None = None
    dateline: DatelineMatch | None = None
    credit: CreditMatch | None = None
    weak: bool = False
    packed: bool = False
    """A paragraph after the first of a line that packs several (see ``lexer._segments``)."""
    more: bool = False
    """Another paragraph of the same packed line follows."""
    indented: bool = False
    """The source line starts with white space (a People's Daily body paragraph's U+3000 U+3000)."""
    table: int | None = None
    """A data table's row: the table's number (from the reader's hints; kind ``table_row``)."""
    cells: tuple[CellShape, ...] = ()
    """The row's cell shapes, as the reader gave them (headers, spans)."""


_CLAUSE_PUNCT = re.compile("[，,、：:；;。！？!?]")
_SENTENCE_PUNCT = re.compile(f"[{re.escape(SENTENCE_PUNCT)}]")


def is_short(text: str) -> bool:
    # A deck of several phrases set on one line with spaces between them may run longer than a
    # title (分析国内外新冠肺炎疫情防控形势 研究部署… 中共中央总书记习近平主持会议, rmrb 2020-05/
    # 20200515-01-02.txt line 3, 72 characters): without any clause punctuation it is still short.
    if not text or len(text) > SHORT_DECK_MAX:  # an empty text is no title
        return False
    limit = SHORT_MAX if _CLAUSE_PUNCT.search(text) else SHORT_DECK_MAX
    return (
        len(text) <= limit
        and _SENTENCE_PUNCT.search(text) is None
        and not ends_complete(text)
        and text[-1] not in "，,、"
    )


def is_byline(shadow: str) -> bool:
    if len(shadow) > 24:
        return False
    if _BYLINE_ROLE.match(shadow) or _SPEAKER.match(shadow) or foreign_writer(shadow):
        return True
    # 曾 勇 / 李  舸: print spreads a two-character name over the width of three.
    names = read_names(shadow) or ()
    return 1 <= len(names) <= 4 and all(looks_like_name(name) for name in names)


def content_kind(text: str, shadow: str, number: int, toc: bool) -> Raw:
    """First pass: classify one non-blank line by its own content."""

    def raw(kind: str, **extra: object) -> Raw:
        return Raw(number=number, text=text, shadow=shadow, kind=kind, toc=toc, **extra)  # type: ignore[arg-type]

    if _IMAGE.match(shadow):
        return raw("image")
    if _NAV.match(shadow) or is_chrome(shadow):
        return raw("nav")
    for kind, pattern in (
        ("masthead", _MASTHEAD),
        ("doc_number", _DOC_NUMBER),
        ("attachment", _ATTACHMENT),
        ("cc", _CC),
        ("imprint", _IMPRINT),
    ):
        if pattern.match(shadow):
            return raw(kind)
    credit = match_credit(text, shadow)
    if credit is not None:
        return raw("credit", credit=credit)
    dateline = match_dateline(text, shadow, number)
    if dateline is not None:
        return raw("dateline", dateline=dateline)
    trailing = match_trailing_line(text, shadow, number)
    if trailing is not None:
        return raw("trailing_dateline", dateline=trailing)
    speech = _SPEECH_DATE.match(shadow)
    if speech and DATE_ONLY_RE.match(speech.group("date")):
        return raw("speech_date")
    if _SALUTATION.match(shadow):
        return raw("salutation")
    short = is_short(text)
    if (
        _CAPTION_CREDIT.search(shadow)
        or _CAPTION_THIS_IS.match(shadow)
        or _CAPTION_TUWEI.match(shadow)
        or _CAPTION_NUMBERED.match(shadow)
    ):
        return raw("caption", credit=match_credit_tail(text, shadow))
    if short and _CAPTION_ONGOING.search(shadow) and len(text) <= 30:
        # 正在 alone is a weak cue: at the top of a file it is a title's kicker
        # (一批充满正能量的文艺作品正在涌现, rmrb/2020-02/20200220-20-01.txt line 1).
        return raw("caption", weak=True)
    if DATE_ONLY_RE.match(shadow):
        return raw("date_only")
    marker = strong_marker(text, shadow)
    if marker is not None:
        return raw("point", marker=marker)
    if is_byline(shadow):
        return raw("byline")
    if short and (sequence_marker(text, shadow) or ordinal_word_marker(text, shadow)):
        # 一是… / 首先，… on a short line: a point if its run counts (decided in context), never a title.
        return raw("para")
    if short:
        return raw("short")
    return raw("para")
