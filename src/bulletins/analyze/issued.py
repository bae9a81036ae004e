"""The date a bulletin carries as its own: :attr:`bulletins.model.Bulletin.date` (issue 15).

A reader citing a notice, a law or a speech cites it by its date; the dates the model already
holds (dateline, speech, closing) answer that only in part: a 意见 printed with its date under the
title (``（2019年1月31日）``, rmrb/2019-02/20190228-01-02.txt) or a law with its 题注 has none of
them. The first of these is the bulletin's date, read on what the parse already holds:

1. **headnote** — a date printed under the title, as its own line at the head of the body (or as a
   headline line): a 题注 ``（2019年10月26日第十三届全国人民代表大会常务委员会第十四次会议通过）``
   (2019-10/20191027-02-03.txt), a bare ``（2019年1月31日）``, a regulation's adoption lines
   without parentheses ``1997年6月5日 国务院第58次常务会议通过`` (web/lawref). Its first date is the
   adoption or issue date; later lines (``…施行``) are not read. A 题注 listing revisions after the
   first issue dates the text as last revised (:func:`_revised`). A head line whose date is followed
   by an occasion (``（2026年1月27日在贵州省第十四届人民代表大会第四次会议上）``) is a speech's date
   line even where the speech's front matter was not recognised: its source is ``speech``.
2. **closing** — the 落款's date.
3. **speech** — the speech front matter's date.
4. **dateline** — the dateline's date (month and day; the year as the parse filled it, else from
   the document's metadata or file name, :func:`bulletins.analyze.events.reference`).
5. **metadata** — no date printed: the source's metadata date (front matter ``date``, a dataset's
   date column) or the ``YYYYMMDD`` a file name starts with (People's Daily ``20200531-07-02.txt``).
   A Word, OFD or PDF file's ``created`` property is when the file was made, not a date the
   document carries, so it never becomes the bulletin's date (it still completes event years).

A date printed without a year gets one as the attendance table's event dates do (the document's
printed year, its metadata, its file name, the ``year=`` option), flagged ``year_inferred`` with
its ``year_source``; with none, ``iso`` is ``--MM-DD``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date as _date

import attrs

from .._text import cn_digits_to_int, cn_to_int
from ..model import Bulletin, Date, DocumentDate, Paragraph, Subhead
from ..script import shadow
from .dates import DATE_RE, date_from_match
from .events import Reference, complete

_HEAD_MAX = 1000
"""Longest head line read as a headnote: a 题注 listing every revision runs to about 210 characters
(govcn-html/row33.html line 7, ``（1994年1月28日中华人民共和国国务院令第142号发布　根据…第一次修订　…　2018年12月18日
中华人民共和国国务院令第707号第四次修订）``), 490 (rmrb/2019-02/20190202-08-01.txt line 4, the 个人所得税法's
seven 修正) or 791 (the 刑法's eleven 修正案 and two decisions, formats/pdf-text aitejiu_xingfa_wps p1–2)."""
# ①: a footnote's reference mark set after a headnote's closing parenthesis (the 刑法's 题注 ends
# ``…修正案（十一）》修正）①``, its footnote on when each amendment took effect).
_NOTE_MARK = "①②③④⑤⑥⑦⑧⑨⑩"

# A head line that is a date and what was done on it, no sentence: a comma or a full stop right
# after the date, or inside the line, makes it the body's first sentence (2020年5月28日，…会议…).
_HEAD_LINE = re.compile(
    rf"^[（(]?\s*(?P<date>[^，,。；;：:（）()]*?日)\s*(?P<tail>[^，,。；;：:]{{0,{_HEAD_MAX}}}?)\s*[）)]?$"
)
# What a 题注 says was done: adopted, issued, published, amended, in force — or the body that did it.
_DONE = re.compile(r"通过|发布|公布|批准|修正|修订|施行|印发|颁布|讨论|会议|委员会|国务院令|[部局委]令")
_OCCASION = re.compile(r"^在")
_PLACE = re.compile(r"^[\u4e00-\u9fff·]{2,12}(?<![摄电讯图道])$")  # not a credit: 记者张三摄
# A speech's or report's date and occasion printed on its title's line after a dash, or in
# parentheses that end the title: 政府工作报告――2026年1月27日在青海省第十四届人民代表大会第四次会议上.
_TITLE_SUFFIX = re.compile(
    r"(?:[—―－-]{1,2}|(?=[（(]))(?P<part>[（(]?\s*\d{4}年\d{1,2}月\d{1,2}日[^（）()]{0,80}[）)]?)$"
)
_HEAD_OPENERS = frozenset("（(0123456789０１２３４５６７８９〇○零一二三四五六七八九")
_HEAD_BLOCKS = 3
"""How many blocks at the head of a body may hold a headnote (a 题注 can follow a 提要 or a
document number)."""


# 江西省统计局  国家统计局江西调查总队: issuing bodies' names over a bare date (a communiqué's head).
# 2011年9月29日, 2013年: a date alone, as a timeline or a diary dates each of its entries (rmrb/2020-01/
# 20200110-06-02.txt lines 60, 62; 2020-02/20200224-20-02.txt lines 5, 8).
_DATE_LINE = re.compile(
    r"^(?:\d{4}|[〇零一二三四五六七八九]{4})年(?:[\d一二三四五六七八九十]{1,2}月(?:[\d一二三四五六七八九十]{1,3}日)?)?$"
)
_ISSUERS = re.compile(r"^(?:\S{2,30}(?:局|队|委员会|政府|办公室|办公厅|院|厅|部|署|中心|委|会)\s*){1,3}$")

# （2023年5月）: a year and a month in parentheses (formats/html-pages/simonxinw_wanzai-gov_tjgb-2022.html line 22).
_MONTH_HEAD = re.compile(
    r"^[（(]\s*(?P<year>\d{4}|[〇○零一二三四五六七八九]{4})年(?P<month>\d{1,2}|[一二三四五六七八九十]{1,3})月\s*[）)]$"
)

# （民政部　一九九七年一月二十八日）: a headnote naming the issuer, then the date, in parentheses.
_SIGNED_HEAD = re.compile(
    r"^[（(](?P<issuer>\S{2,30}?(?:局|队|委员会|政府|办公室|办公厅|院|厅|部|署|中心|委|会)[\s\u3000]+)(?=\S+日[）)]$)"
)


def _head_date(text: str, *, under_issuer: bool = False, under_title: bool = False) -> tuple[Date, bool] | None:
    """The date of a headnote line and whether the line names an occasion (a speech's date line).

    A bare date with nothing after it is a headnote in parentheses, or under its issuers' names
    (``江西省统计局  国家统计局江西调查总队`` / ``2023年3月28日`` under a statistical communiqué's title:
    formats/html-pages/simonxinw_yichun-gov_jiangxi-tjgb-2022.html lines 22–23), or as the first line
    of the body, straight under the title (*under_title*).
    """
    stripped = text.strip().rstrip(_NOTE_MARK)
    # A headnote is short and opens with its date or a parenthesis: most paragraphs are neither,
    # and folding a whole paragraph to its shadow costs more than this test.
    if len(stripped) > _HEAD_MAX or stripped[:1] not in _HEAD_OPENERS:
        return None
    folded = shadow(stripped)
    month = _MONTH_HEAD.match(folded) if under_issuer else None
    if month is not None:
        # （2023年5月） under the issuers' names: the month the communiqué was issued, no day printed.
        printed_year = month["year"]
        year = int(printed_year) if printed_year.isdigit() else cn_digits_to_int(printed_year)
        number = cn_to_int(month["month"])
        if year is None or number is None or not 1 <= number <= 12:
            return None
        return Date(text=stripped.strip("（()）").strip(), year=year, month=number), False
    # （民政部　一九九七年一月二十八日）: the issuer named before the date (govcn-html row50 line 11).
    signed = _SIGNED_HEAD.match(folded)
    if signed is not None:
        folded = folded[: signed.start("issuer")] + folded[signed.end("issuer") :]
        text = stripped[: signed.start("issuer")] + stripped[signed.end("issuer") :]
    match = _HEAD_LINE.match(folded)
    if match is None:
        return None
    found = DATE_RE.match(match["date"])
    if found is None or found.end() != len(match["date"]):
        return None
    printed = date_from_match(found, text=text.strip()[match.start("date") : match.end("date")])
    if printed is None or printed.year is None:
        return None
    tail = match["tail"]
    in_parens = text.strip()[:1] in "（("
    bare = not tail and (in_parens or under_issuer or under_title)
    # （二〇一九年十月十三日  加德满都）: where it was signed after the date, set apart by spaces
    # (a joint statement's 题注: rmrb/2020-01/20200119-02-02.txt line 3).
    placed = in_parens and match.start("tail") > match.end("date") and _PLACE.match(tail) is not None
    if not (bare or placed or _DONE.search(tail) or _OCCASION.match(tail)):
        return None
    return _revised(printed, tail, folded, stripped), bool(_OCCASION.match(tail))


# 根据2005年10月27日…第一次修订, 2018年12月18日…令第707号第四次修订: a revision after the first issue.
_REVISION = re.compile(r"修订|修正|修改")


def _revised(first: Date, tail: str, folded: str, text: str) -> Date:
    """The date of the text as printed: the last revision's, where the headnote lists them after the first issue.

    A 题注 that records a history (``（1994年1月28日…令第142号发布　根据2005年…第一次修订　…　2018年12月18日…
    第四次修订）``, govcn-html/row33.html line 7; ``（1984年9月20日…通过　…　2019年12月28日…修订）``, the 森林法,
    rmrb/2020-01/20200102-16-01.txt) heads the text as last revised: that is the text's date, as a
    reader cites it (…条例（2018年修订）). The last full date followed by a revision, or by its
    adoption (…修订通过), is taken; a headnote without a revision keeps its first date.
    """
    if _REVISION.search(tail) is None:
        return first
    last = first
    for found in DATE_RE.finditer(folded):
        after = folded[found.end() : found.end() + 80]
        cut = _NEXT_DATE.search(after)
        if cut is not None:
            after = after[: cut.start()]
        if _REVISION.search(after) is None:
            continue
        printed = date_from_match(found, text=text[found.start() : found.end()])
        if printed is not None and printed.year is not None and printed.day is not None:
            last = printed
    return last


# The words after a date, up to the next date: the revision a date belongs to.
_NEXT_DATE = re.compile(r"(?:\d{4}|[〇○零一二三四五六七八九]{4})年")


def _title_suffix(text: str) -> str | None:
    """The date-and-occasion part a title carries at its end, or None.

    After a dash or in closing parentheses: ``政府工作报告――2026年1月27日在青海省…会议上``.
    """
    match = _TITLE_SUFFIX.search(shadow(text.strip()))
    return text.strip()[match.start("part") :] if match else None


def _head_lines(bulletin: Bulletin) -> Iterator[tuple[str, int]]:
    """Lines at the head of *bulletin* where a headnote may stand.

    The headline's lines below its first, then the first body paragraphs (:func:`bulletin_date`
    knows the body's first line: the line after the headline's last).
    """
    if bulletin.headline is not None:
        numbers = bulletin.headline.line_numbers or (bulletin.lines[0],) * len(bulletin.headline.lines)
        pairs = list(zip(bulletin.headline.lines, numbers, strict=False))
        if pairs and (suffix := _title_suffix(pairs[0][0])) is not None:
            yield suffix, pairs[0][1]
        yield from pairs[1:]
    for block in bulletin.body[:_HEAD_BLOCKS]:
        if isinstance(block, Paragraph):
            yield block.text, block.lines[0]


def _precision(date: Date) -> str:
    return "day" if date.day is not None else "month" if date.month is not None else "year"


def _make(date: Date, source: str, line: int | None, ref: Reference, *, given: bool) -> DocumentDate:
    values = attrs.asdict(date, recurse=False)
    year_source: str | None = "printed" if date.year is not None and not date.year_inferred else None
    if date.year is not None and date.year_inferred:
        # The parse filled it: the year= option, else the document's printed year, else its metadata's.
        year_source = "option" if given else "document" if ref.printed_year == date.year else "metadata"
    if date.year is None and date.month is not None and date.day is not None:
        iso, year_source = complete(date.month, date.day, ref, None)
        if year_source is not None:
            values.update(year=int(iso[:4]), iso=iso, year_inferred=True)
    return DocumentDate(**values, source=source, precision=_precision(date), line=line, year_source=year_source)


def _metadata_date(ref: Reference) -> DocumentDate | None:
    published = None if ref.metadata_authored else ref.metadata  # a file's creation time is not a date it carries
    found: _date | None = published or ref.filename
    if found is None:
        return None
    return DocumentDate(
        text=found.isoformat(),
        year=found.year,
        month=found.month,
        day=found.day,
        iso=found.isoformat(),
        source="metadata",
        precision="day",
        year_source="metadata" if published is not None else "filename",
    )


_DATE_LINE_MAX = 16


def _dated_entries(bulletin: Bulletin) -> bool:
    """More date lines after the body's first: a timeline's or a diary's entries, each dated."""
    return any(
        isinstance(block, (Paragraph, Subhead))
        and len(block.text) <= _DATE_LINE_MAX
        and _DATE_LINE.match(shadow(block.text.strip())) is not None
        for block in bulletin.body[1:]
    )


def bulletin_date(bulletin: Bulletin, ref: Reference, *, given: bool = False) -> DocumentDate | None:
    """Return the date *bulletin* carries as its own, or None (see the module docstring).

    Args:
        bulletin: The bulletin.
        ref: What its document says about dates outside its sentences (:func:`reference`).
        given: True when the parse was given ``year=`` (it filled the years it did not find).
    """
    previous = ""
    # A bare date as the body's first line is the document's, unless more such dates follow: then it
    # dates the first entry of a timeline or a diary.
    first_line = bulletin.body[0].lines[0] if bulletin.headline is not None and bulletin.body else None
    for text, line in _head_lines(bulletin):
        stripped = text.strip()
        head = None
        if len(stripped) <= _HEAD_MAX and stripped[:1] in _HEAD_OPENERS:  # cheap test first (see _head_date)
            issuers = previous.strip()
            under_issuer = len(issuers) <= _HEAD_MAX and _ISSUERS.match(shadow(issuers)) is not None
            under_title = line == first_line and not _dated_entries(bulletin)
            head = _head_date(text, under_issuer=under_issuer, under_title=under_title)
        previous = text
        if head is not None:
            printed, occasion = head
            if occasion and bulletin.speech is not None and bulletin.speech.date is not None:
                break
            return _make(printed, "speech" if occasion else "headnote", line, ref, given=given)
    closing = bulletin.closing
    if closing is not None and closing.date is not None:
        last = closing.source_lines[-1].line if closing.source_lines else None
        return _make(closing.date, "closing", last, ref, given=given)
    speech = bulletin.speech
    if speech is not None and speech.date is not None:
        at = next((s.line for s in speech.source_lines if speech.date.text in s.text), None)
        return _make(speech.date, "speech", at, ref, given=given)
    if bulletin.dateline is not None and bulletin.dateline.date is not None:
        return _make(bulletin.dateline.date, "dateline", bulletin.dateline.line, ref, given=given)
    return _metadata_date(ref)
