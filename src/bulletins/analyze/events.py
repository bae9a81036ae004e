"""Which event an attendee group attended, and when: the attendance table's ``event`` and ``event_date``.

Read on the text the parse already holds (no second pass over the source), by layout rules:

* **event**: the object of the attendance verb in the group's sentence (出席全省疫情防控工作电视电话
  会议, 主持召开中央全面深化改革委员会第二十七次会议 → 中央全面深化改革委员会第二十七次会议); when
  the sentence names only a short form (出席会议, 参加上述活动, 陪同考察, 出席开幕式) or nothing, the
  first event the item names before it (a digest's point, 一、9月1日，全省…电视电话会议在广州召开;
  else the bulletin's lede), else the event its headline names, else the headline (or point) itself;
* **date**: a date printed in the sentence before the verb (9月6日下午主持召开, 24日下午), else the date
  of the item's sentence that names the event, else the item's first date, else the dateline's,
  the closing's, the speech's, then the document's metadata (front matter ``date``, a dataset's date
  column), then the ``YYYYMMDD`` a file name starts with (People's Daily ``20200221-01-03.txt``). A
  sentence that places the event in another year without a day (2014年金秋, 两个多月前) has no date:
  the dispatch date would be wrong.
* **year** of a date printed without one: the document's printed years, its metadata, its file
  name, the parse's ``year=`` option — the year that puts the date nearest the reference date
  (a 12月31日 item in a 2020-01-02 paper is 2019).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date as _date

from attrs import frozen

from .._text import cn_to_int
from ..model import Block, Bulletin, Date, Document, Point, iter_blocks
from ..script import shadow
from .dates import DATE_RE, date_from_match

DATE_SOURCES: tuple[str, ...] = ("sentence", "item", "dateline", "closing", "speech", "metadata", "filename")
"""Where an ``event_date``'s month and day were read (``date_source``), in the order they are tried."""
YEAR_SOURCES: tuple[str, ...] = ("printed", "document", "metadata", "filename", "option")
"""Where its year came from (``year_source``): printed with the date, another date the document
prints with a year, the metadata, the file name, or the parse's ``year=`` option."""

# What an event is called at the end of its name. 会 alone is too wide (委员会, 协会 are bodies).
_EVENT_NOUN = (
    r"(?:会议|大会|全会|例会|年会|峰会|论坛|会谈|会见|会晤|仪式|典礼|[开闭]幕式|[开闭]幕会|开班式|审议|考察|调研"
    r"|(?:座谈|报告|发布|招待|见面|研讨|推进|部署|调度|交流|表彰|动员|汇报|茶话|联欢|音乐|纪念|庆祝|欢迎|晚|展销|博览"
    r"|运动|讨论|通气|恳谈|对接|协调|听证|论证|务虚|启动|誓师|推介|洽谈|现场|专题|常务|电视电话|视频|工作|总结|观摩"
    r"|培训|学习|宣讲|述职|评议|答谢|游园|交易|招商|新闻发布)会议?"
    r"|活动|展览|(?:成就|主题|图片|书画|摄影|艺术|美术|文物|成果|专题)展|比赛|演出|集体学习|阅兵|宴会|晚宴"
    r"|座谈|研讨|讲座|培训班|研修班|庆典)"
    # 撒马尔罕国际会议中心, 北京展览馆, 会议精神: a place or a document named after an event is not one.
    r"(?!中心|室|厅|堂|馆|楼|大厦|精神|纪要|记录|文件|通知|决定|名单|主席|代表|委员|成员)"
)
_EVENT_AT_END = re.compile(rf"{_EVENT_NOUN}$")
_EVENT_NOUN_RE = re.compile(_EVENT_NOUN)
# Words that end a name's run to the left: verbs and prepositions before an event, times, 的-phrases.
_LEFT_STOP = re.compile(
    r".*(?:召开|举行|举办|出席|列席|参加|參加|主持|陪同|参观|參觀|与会|收看|收听|贯彻|落实|学习|传达|观看|在|于|以"
    r"|\d日|[上下]午|晚上|当天|当日|今天|昨天|日前|近日|其中|期间|[，,、]|的)"
)
# An event the item says took place: after 召开/举行/出席…, or before …召开/举行/开幕/闭幕.
_HAPPENING_BEFORE = re.compile(r"(?:召开|举行|举办|出席|主持|参加|參加|列席|与会|参观)了?$")
_HAPPENING_AFTER = re.compile(r"[^，。；]{0,30}?(?:召开|举行|举办|开幕|闭幕|开班|揭幕)")
_CUT = re.compile(r"[，,。；！？：:;!?]")
_OBJECT_STOP = re.compile(r"并|时(?=[，,]|强调|指出|表示|说)|期间|之际|[，,。；！？：、:;!?（(]|$")
_SKIP_AFTER_VERB = re.compile(
    r"(?:完|过|了|召开了?|举行|并[^，。；]{0,6}?(?=会议|活动)|在[^，。；]{1,16}?(?=召开|举行)(?:召开|举行)?)"
)
_LEADING_DATE = re.compile(r"^\s*(?:\d{1,2}月\d{1,2}日|[一二三四五六七八九十]+月[一二三四五六七八九十]+日)[，,、\s]*")
_AHEAD_DAYS = 7
_LEDE_MAX = 80
# 将于10月11日至13日…出席: an announcement of what is to come.
_FUTURE = re.compile(r"将于|将在|即将|拟于|定于|计划于")
_DETERMINERS = re.compile(r"^(?:上述|此次|这次|本次|该|有关|相关|这一|此)")
_GENERIC_MAX = 3
_GENERIC = frozenset(
    {
        "全体会议", "欢迎仪式", "签字仪式", "签约仪式", "欢迎宴会", "开幕仪式", "闭幕仪式", "颁奖仪式", "启动仪式",
        "全体会", "集体学习", "考察调研", "调研考察",
    }
)  # fmt: skip
# A date with no year: 9月6日; a day alone (24日下午, 当地时间1月17日晚 is caught by DATE_RE first).
_DAY = re.compile(r"(?<![\d月年号第])(?P<day>\d{1,2})日(?!电|报|讯)")
# A year, or a year and month, with no day: 2014年金秋, 2015年9月 (an event dated to the month).
_PARTIAL = re.compile(r"(?P<y>(?:18|19|20)\d{2})年(?:(?P<m>1[0-2]|0?[1-9])月(?![\d一二三四五六七八九十]{1,3}日))?")
_AGO = re.compile(r"(?:\d+|[一二三四五六七八九十两几]+)(?:多)?(?:个多?)?(?:年|月|天|周|星期)(?:多)?(?:以)?前")
_FILE_DATE = re.compile(r"^(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?!\d)")
_META_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*[-/年.]\s*(?P<m>\d{1,2})\s*[-/月.]\s*(?P<d>\d{1,2})")
_META_YEAR = re.compile(r"^\s*(?P<y>(?:19|20)\d{2})\s*年?\s*$")
_AUTHORED = "created"
"""The metadata name the Word, OFD and PDF readers give a file's authoring time."""
_META_NAMES = re.compile(r"date|time|publish|issued|created|year|日期|时间|发布|年份", re.IGNORECASE)


@frozen(kw_only=True)
class EventDate:
    """When an event took place, as far as the document tells."""

    iso: str | None
    """``YYYY-MM-DD``, ``--MM-DD`` when no year is known, None when no date is."""
    source: str | None
    """One of :data:`DATE_SOURCES`, None when no date is known."""
    year_source: str | None = None
    """One of :data:`YEAR_SOURCES`, None when no year is known."""


@frozen(kw_only=True)
class Reference:
    """The dates a document offers for its events, and the years to complete month-day dates with."""

    metadata: _date | None = None
    """A full date in the source's metadata (front matter ``date``, a dataset's date column)."""
    metadata_authored: bool = False
    """True when :attr:`metadata` is only a file's authoring time (a Word, OFD or PDF file's
    ``created`` property): good enough to complete an event's year, not the document's own date."""
    metadata_year: int | None = None
    """A year in the metadata (also set when :attr:`metadata` is)."""
    filename: _date | None = None
    """The ``YYYYMMDD`` the source's file name starts with."""
    printed_year: int | None = None
    """The year the document's own dates print most often (datelines, closings, speech dates)."""
    option_year: int | None = None
    """A year the parse filled in that the document does not print: the ``year=`` option."""


def _full(year: str, month: str, day: str) -> _date | None:
    try:
        return _date(int(year), int(month), int(day))
    except ValueError:
        return None


def _own_dates(document: Document) -> Iterable[Date]:
    for bulletin in document.bulletins:
        for holder in (bulletin.dateline, bulletin.closing, bulletin.speech):
            found = getattr(holder, "date", None)
            if found is not None:
                yield found


def reference(document: Document, year: int | None = None) -> Reference:
    """Return what *document* says about the year and date of its events, outside its sentences.

    Args:
        document: The parsed document.
        year: The year the caller gives (the parse's ``year=``); the parse itself records it only
            in the dates it completed, so a document without a dateline or closing needs it here.
    """
    metadata: _date | None = None
    metadata_year: int | None = None
    authored = False
    for field in document.source.metadata:
        if not _META_NAMES.search(field.name):
            continue
        if metadata is None and (found := _META_DATE.search(field.value)) is not None:
            metadata = _full(found["y"], found["m"], found["d"])
            authored = field.name == _AUTHORED
        if metadata_year is None and (only := _META_YEAR.match(field.value)) is not None:
            metadata_year = int(only["y"])
    if metadata is not None:
        metadata_year = metadata.year
    filename: _date | None = None
    name = (document.source.name or "").split("#", 1)[0].replace("\\", "/").rsplit("/", 1)[-1]
    if (found := _FILE_DATE.match(name)) is not None:
        filename = _full(found["y"], found["m"], found["d"])
    printed = [d.year for d in _own_dates(document) if d.year is not None and not d.year_inferred]
    inferred = {d.year for d in _own_dates(document) if d.year is not None and d.year_inferred}
    printed_year = max(set(printed), key=printed.count) if printed else None
    option = next(iter(inferred - {printed_year}), None) if len(inferred - {printed_year}) == 1 else None
    return Reference(
        metadata=metadata,
        metadata_authored=authored and metadata is not None,
        metadata_year=metadata_year,
        filename=filename,
        printed_year=printed_year,
        option_year=year if year is not None else option,
    )


def complete(
    month: int, day: int, ref: Reference, anchor: _date | None, *, ahead: bool = False
) -> tuple[str, str | None]:
    """ISO date and year source for a month and day printed without a year."""
    candidates: list[tuple[int | None, str, _date | None]] = [
        (ref.printed_year, "document", None),
        (ref.metadata_year, "metadata", ref.metadata),
        (ref.filename.year if ref.filename else None, "filename", ref.filename),
        (ref.option_year, "option", None),
    ]
    for year, source, near in candidates:
        if year is None:
            continue
        around = anchor or near
        found = _nearest(month, day, around, ahead=ahead) if around is not None else None
        if found is not None:
            return found.isoformat(), source
        return f"{year:04d}-{month:02d}-{day:02d}", source
    return f"--{month:02d}-{day:02d}", None


def _from_date(
    found: Date, source: str, ref: Reference, anchor: _date | None, *, ahead: bool = False
) -> EventDate | None:
    if found.month is None or found.day is None:
        return None
    if found.year is not None and not found.year_inferred:
        return EventDate(
            iso=f"{found.year:04d}-{found.month:02d}-{found.day:02d}", source=source, year_source="printed"
        )
    iso, year_source = complete(found.month, found.day, ref, anchor, ahead=ahead)
    return EventDate(iso=iso, source=source, year_source=year_source)


def _printed_date(text: str, anchor_month: int | None) -> Date | None:
    """The first date printed in *text*: 9月1日, 2020年2月24日, or a day alone (24日) in the anchor's month."""
    full = DATE_RE.search(text)
    day = _DAY.search(text)
    if full is not None and (day is None or full.start() <= day.start()):
        return date_from_match(full)
    if day is not None and anchor_month is not None:
        number = cn_to_int(day["day"])
        if number is not None and 1 <= number <= 31:
            return Date(text=day.group(0), month=anchor_month, day=number)
    return None


@frozen(kw_only=True)
class Context:
    """The texts around a group's sentence: its item (a digest's point, else the bulletin body) before it."""

    before: tuple[str, ...]
    """Texts of the item before the sentence's block, in order (a point's heading first)."""
    block_before: str
    """The sentence's block up to the sentence."""
    title: str
    """The item's title: the point's heading, else the bulletin's headline title."""
    headline: str
    """The bulletin's headline title ('' when none)."""


def context(bulletin: Bulletin, block_index: int | None, start: int) -> Context:
    """The :class:`Context` of a sentence at *start* in body block *block_index* (None: the headline)."""
    blocks = list(iter_blocks(bulletin.body))
    headline = bulletin.headline.title if bulletin.headline is not None else ""
    if block_index is None or not 0 <= block_index < len(blocks):
        # A headline deck (李希王伟中李斌孟凡利出席会议) is about the event the lede reports.
        return Context(before=tuple(b.text for b in blocks[:1]), block_before="", title=headline, headline=headline)
    target = blocks[block_index]
    item: list[Block] = list(blocks)
    title = headline
    for top in bulletin.body:
        if isinstance(top, Point):
            members = list(iter_blocks((top,)))
            if any(member is target for member in members):
                item, title = members, top.text
                break
    before = []
    for member in item:
        if member is target:
            break
        before.append(member.text)
    return Context(before=tuple(before), block_before=target.text[:start], title=title, headline=headline)


def _event_spans(text: str) -> Iterable[tuple[int, int]]:
    """Spans of the events *text* (Simplified) says took place, left to right.

    9月1日，全省…会议在广州召开; 主持召开…会议. An event named as a topic (提请十九届七中全会讨论) is not one.
    """
    at = 0
    for clause in _CUT.split(text):
        spans: dict[int, int] = {}  # begin → the furthest end: …第二十二次会议小范围会谈, not …会议
        for match in _EVENT_NOUN_RE.finditer(clause):
            # The longest event name ending here: from the last stop word before it.
            left = clause[: match.start()]
            stop = _LEFT_STOP.match(left)
            begin = stop.end() if stop else 0
            # “不忘初心、牢记使命”主题教育总结大会: a stop inside quotes is part of the name.
            for opening, closing in (("“", "”"), ("《", "》")):
                if clause.count(opening, 0, begin) > clause.count(closing, 0, begin):
                    begin = clause.rfind(opening, 0, begin)
            determiner = _DETERMINERS.match(clause, begin)
            if determiner is not None:
                begin = determiner.end()
            end = match.end()
            # 市委常委会议暨市…领导小组（指挥部）会议: one event under two names.
            while clause.startswith("暨", end) and (joined := _EVENT_NOUN_RE.search(clause, end + 1)) is not None:
                end = joined.end()
            spans[begin] = max(end, spans.get(begin, 0))
        for begin, end in spans.items():
            took_place = _HAPPENING_BEFORE.search(clause, 0, begin) or _HAPPENING_AFTER.match(clause, end)
            if took_place and not generic(clause[begin:end]):
                yield at + begin, at + end
        at += len(clause) + 1


def generic(name: str) -> bool:
    """A short form that names no particular event: 会议, 上述活动, 开幕式, 签字仪式."""
    core = _DETERMINERS.sub("", name)
    return len(core) <= _GENERIC_MAX or core in _GENERIC


def object_span(sentence: str, verb_end: int) -> tuple[int, int] | None:
    """The event a verb ending at *verb_end* in *sentence* (Simplified) takes: 主持召开X会议并讲话 → X会议."""
    begin = verb_end
    skip = _SKIP_AFTER_VERB.match(sentence, begin)
    if skip is not None:
        begin = skip.end()
    stop = _OBJECT_STOP.search(sentence, begin)
    end = stop.start() if stop else len(sentence)
    # 出席闭幕会的领导同志还有: the object ends at 的 when an event noun stands before it.
    of = sentence.find("的", begin, end)
    if of > begin and _EVENT_AT_END.search(sentence, begin, of):
        end = of
    best = None
    for match in re.finditer(_EVENT_NOUN, sentence[begin:end]):
        best = (begin, begin + match.end())  # the longest: 出席会议，审议 → 会议
    if best is not None:
        determiner = _DETERMINERS.match(sentence, best[0])
        if determiner is not None and determiner.end() < best[1]:
            best = (determiner.end(), best[1])
    return best


def event_for(sentence: str, verb_end: int | None, where: Context, first: str = "") -> str:
    """The event of a group.

    The verb's object; else an event the sentence names before the verb (…举行新闻发布会，请…出席);
    else the first event the item says took place; else the one its title names, else the title
    (a digest point's heading, the headline); else the first clause of *first* (the bulletin's
    first paragraph), so that no row is left without one.
    """
    own = ""
    if verb_end is not None:
        span = object_span(shadow(sentence), verb_end)
        if span is not None:
            own = sentence[span[0] : span[1]]
            if not generic(shadow(own)):
                return own
    head = sentence[:verb_end] if verb_end is not None else ""
    for text in (head, *where.before, where.block_before, where.title):
        for begin, end in _event_spans(shadow(text)):
            return text[begin:end]
    title = _LEADING_DATE.sub("", where.title)  # 9月9日，广州市…召开会议 (a digest point)
    if title or where.headline or own:
        return title or where.headline or own
    lede = _CUT.split(_LEADING_DATE.sub("", first), 1)[0].strip()
    return lede[:_LEDE_MAX]


def event_date(
    sentence: str,
    verb_at: int | None,
    where: Context,
    bulletin: Bulletin,
    ref: Reference,
    event: str,
) -> EventDate:
    """The date of a group's event (see the module docstring for the order of sources)."""
    anchor = _anchor(bulletin, ref)
    month = _dated_month(bulletin) or (anchor.month if anchor is not None else None)
    head = sentence[:verb_at] if verb_at is not None else ""
    if head:
        found = _printed_date(head, month)
        ahead = _FUTURE.search(head) is not None
        if found is not None and (made := _from_date(found, "sentence", ref, anchor, ahead=ahead)) is not None:
            return made
        # 2015年9月，习近平主席和…; 1927年春，郭陆顺参加…: the sentence dates the event to a month or
        # a year only, and the dispatch date would be wrong; 一年前 and 4年多前 give no calendar date.
        partial = _PARTIAL.search(head)
        if partial is not None:
            month_only = f"-{int(partial['m']):02d}" if partial["m"] else ""
            return EventDate(iso=f"{partial['y']}{month_only}", source="sentence", year_source="printed")
        if _AGO.search(head):
            return EventDate(iso=None, source=None)
    texts = [*where.before, where.block_before]
    if where.title and where.title != where.headline:
        texts.insert(0, where.title)  # a digest point's heading: 一、9月1日，全省…会议在广州召开
    pieces = [piece for text in texts for piece in re.split(r"(?<=[。；！？])", text) if piece]
    # The sentence that names the event first (…仪式举行。出席仪式的…), then the paragraph's latest
    # date before the sentence (4月1日，…捐赠呼吸机。…当天在出席呼吸机捐赠仪式时), then the item's first.
    named = [piece for piece in pieces if event and event in piece]
    paragraph = [piece for piece in re.split(r"(?<=[。；！？])", where.block_before) if piece][::-1]
    for piece in (*named, *paragraph, *pieces):
        found = _printed_date(piece, month)
        if found is not None and (made := _from_date(found, "item", ref, anchor)) is not None:
            return made
    for source, holder in (("dateline", bulletin.dateline), ("closing", bulletin.closing), ("speech", bulletin.speech)):
        found = getattr(holder, "date", None)
        if found is not None and (made := _from_date(found, source, ref, anchor)) is not None:
            return made
    if ref.metadata is not None:
        return EventDate(iso=ref.metadata.isoformat(), source="metadata", year_source="metadata")
    if ref.filename is not None:
        return EventDate(iso=ref.filename.isoformat(), source="filename", year_source="filename")
    return EventDate(iso=None, source=None)


def _dated_month(bulletin: Bulletin) -> int | None:
    """The month of the bulletin's own date (dateline, closing, speech), for a day printed alone (24日)."""
    for holder in (bulletin.dateline, bulletin.closing, bulletin.speech):
        found = getattr(holder, "date", None)
        if found is not None and found.month is not None:
            return int(found.month)
    return None


def _nearest(month: int, day: int, near: _date, *, ahead: bool = False) -> _date | None:
    """The date with *month* and *day* a paper of date *near* reports.

    News reports what happened: the latest such date no more than a week after *near* (a 12月31日
    item in a 2020-01-02 paper is 2019; 3月7日 in a February 2019 feature is 2018-03-07). With
    *ahead* (将于10月11日…出席, an announcement) the nearest date, before or after.
    """
    found = [when for y in (near.year - 1, near.year, near.year + 1) if (when := _full(str(y), str(month), str(day)))]
    if ahead:
        return min(found, key=lambda when: abs((when - near).days), default=None)
    return max((when for when in found if (when - near).days <= _AHEAD_DAYS), default=None)


def _anchor(bulletin: Bulletin, ref: Reference) -> _date | None:
    """The full date a month-day date is read near: the bulletin's own date, else the metadata's, the file name's."""
    for holder in (bulletin.dateline, bulletin.closing, bulletin.speech):
        found = getattr(holder, "date", None)
        if found is None or found.month is None or found.day is None:
            continue
        if found.year is not None and not found.year_inferred:
            return _full(str(found.year), str(found.month), str(found.day))
        near = ref.metadata or ref.filename
        if near is not None:
            return _nearest(found.month, found.day, near)
        year = ref.printed_year or found.year
        return _full(str(year), str(found.month), str(found.day)) if year is not None else None
    return ref.metadata or ref.filename


def verb_position(sentence: str, verb: str, names: Sequence[str]) -> int | None:
    """Where the group's verb stands in *sentence*: the first *verb* after its last name (or anywhere)."""
    after = 0
    for name in names:
        at = sentence.find(name, after)
        if at >= 0:
            after = at + len(name)
    at = sentence.find(verb, after)
    if at < 0:
        at = sentence.find(verb)
    return at if at >= 0 else None
