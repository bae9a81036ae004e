"""The raw-kind pass: each non-blank line's raw kind, from its own text alone.

Kinds: image, nav, masthead, doc_number, attachment, cc, imprint, credit, dateline, trailing_dateline, speech_date,
salutation, caption, date_only, point (strong markers), byline, short, para. :func:`content_kind`
asks, in order, the patterns here and the line predicates of the concern modules (page chrome:
:mod:`~bulletins.lexing.rules.chrome`, credits: :mod:`~bulletins.lexing.rules.credits`, captions:
:mod:`~bulletins.lexing.rules.captions`); the context rules (:mod:`bulletins.lexing.ruler`) turn the
kinds into the grammar's terminals. Matching uses the Simplified shadow; every pattern cites the
seed lines it comes from.
"""

from __future__ import annotations

import re

from .._text import HAN, looks_like_name
from ..analyze.datelines import match_dateline, match_trailing_line
from ..analyze.dates import DATE_ONLY_RE
from ..analyze.markers import ordinal_word_marker, sequence_marker, strong_marker
from .lines import Raw, is_short
from .rules.captions import is_caption, is_weak_caption
from .rules.chrome import is_chrome
from .rules.credits import foreign_writer, match_credit, match_credit_tail, read_names

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


def is_byline(shadow: str) -> bool:
    """A writer's or speaker's line: 本报记者 …, 省长 李炳军, （墨西哥）亚历杭德罗·马西亚斯, or one to four names."""
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
    if is_caption(shadow):
        return raw("caption", credit=match_credit_tail(text, shadow))
    if short and is_weak_caption(text, shadow):
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
