"""Build model objects from the parse: one tiny pure method per grammar rule.

This is the only module that knows the shape of the Lark parse. The transformer runs
inside the LALR parser (``transformer=`` in :mod:`bulletins.grammar`), so no tree is built.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import cast

import attrs
from attrs import frozen
from lark import Transformer, v_args

from ._nesting import nest
from ._text import looks_like_name
from .analyze.attendees import TextBlock, deck_groups, find_groups, merge_decks, resolve_titles
from .analyze.datelines import DatelineMatch
from .analyze.dates import parse_date
from .analyze.enumerations import find_enumeration
from .analyze.genre import guess_genre
from .analyze.headlines import analyse_headline
from .lexing.repairs import reattach_displaced_ledes
from .lexing.rules.credits import foreign_writer, read_names
from .lexing.rules.speech import is_office, speaker_name
from .lexing.tokens import LineToken, retyped
from .model import (
    AttendeeGroup,
    Block,
    Bulletin,
    Caption,
    Closing,
    Credit,
    Date,
    Dateline,
    Diagnostic,
    Genre,
    Headline,
    NoticeElement,
    Paragraph,
    Point,
    Residue,
    SourceLine,
    Speech,
    Subhead,
    Table,
    TableCell,
    TableRow,
    iter_blocks,
)
from .readers import CellShape
from .script import shadow

_SERIES_LABEL = re.compile(r"[（(](?:文献|之)[一二三四五六七八九十]{1,3}[）)]$")
_NOTICE_KINDS = {
    "MASTHEAD": "masthead",
    "DOC_NUMBER": "doc_number",
    "DOC_NUMBER_BELOW": "doc_number",
    "ORDER_MASTHEAD": "masthead",
    "ORDER_NUMBER": "doc_number",
    "ADDRESSEE": "addressee",
    "ATTACHMENT": "attachment",
    "CC": "cc",
    "IMPRINT": "imprint",
    "NOTE": "note",
}
_RESIDUE_KINDS = {
    "IMAGE": "image",
    "NAV": "nav",
    "FRONT_NAV": "nav",
    "SECTION": "section",
    "NOISE": "noise",
    "CAPTION": "caption",
}


@frozen(kw_only=True)
class Parsed:
    """What the parser returns: bulletins, residue and build diagnostics in source order."""

    bulletins: tuple[Bulletin, ...]
    residue: tuple[Residue, ...]
    diagnostics: tuple[Diagnostic, ...] = ()


@frozen(kw_only=True)
class _Trailing:
    match: DatelineMatch


@frozen(kw_only=True)
class _BriefTitle:
    line: SourceLine


def _with_brief_title(headline: Headline | None, brief: _BriefTitle | None) -> Headline | None:
    """The column label's headline with the first brief's title below it: label as kicker, brief as title."""
    if brief is None or headline is None:
        return headline
    return attrs.evolve(
        headline,
        lines=(*headline.lines, brief.line.text),
        line_numbers=(*headline.line_numbers, brief.line.line),
        kicker="".join(line.strip() for line in headline.lines),
        title=brief.line.text.strip(),
        subtitles=(),
    )


@frozen(kw_only=True)
class _Draft:
    bulletin: Bulletin
    residue: tuple[Residue, ...]
    diagnostics: tuple[Diagnostic, ...] = ()


def _source_line(token: LineToken) -> SourceLine:
    return SourceLine(text=token.info.text, line=token.info.first)


def _point(token: LineToken) -> Point:
    info = token.info
    assert info.marker is not None
    marker = info.marker
    return Point(
        lines=(info.first, info.last),
        marker=marker.marker,
        style=marker.style,
        level=1,
        number=marker.number,
        text=info.text[marker.end :],
    )


def _paragraph(token: LineToken) -> Paragraph:
    text = token.info.text
    return Paragraph(
        lines=(token.info.first, token.info.last),
        text=text,
        enumeration=find_enumeration(text, token.info.shadow or shadow(text)),
    )


# Attendance verbs in both scripts: only blocks holding one are worth reading (and shadowing).
_ANY_VERB = re.compile("出席|列席|参加|參加|陪同|主持|与会|與會|参观|參觀")


@frozen(kw_only=True)
class _Read:
    """A body block with the attendee groups read from it (``where.block`` not yet numbered)."""

    block: Block
    groups: tuple[AttendeeGroup, ...] = ()
    doubts: tuple[str, ...] = ()
    """Items of an attendee list set aside as neither a name nor a collective."""


def _read(block: Paragraph | Point, text_shadow: str) -> _Read:
    """Read a block's attendees with the shadow the lexer already made (no second translate)."""
    if not _ANY_VERB.search(block.text):
        return _Read(block=block)
    doubts: list[str] = []
    text = TextBlock(block="", text=block.text, shadow=text_shadow or shadow(block.text))
    groups = find_groups([text], doubts=doubts)
    return _Read(block=block, groups=tuple(groups), doubts=tuple(doubts))


def _caption_groups(caption: Caption, said: set[tuple[str, tuple[str, ...]]]) -> tuple[AttendeeGroup, ...]:
    """The attendee groups of a photo caption inside a bulletin that the body does not say already.

    A caption names people as a paragraph does (``党和国家领导人习近平、李克强、…等出席会议。``, a caption of
    web/xispeech that its reader counts). A caption that repeats a body sentence (seed 002's photos, each
    captioned ``…习近平在江西考察，主持召开…座谈会``) is the same attendance: its group (same verb, same
    names) is left out. (web/hkcnews/article_48942.md prints a figcaption and repeats it as a paragraph;
    its reader counted both, flagged: the body's is kept.)
    """
    if not _ANY_VERB.search(caption.text):
        return ()
    groups = find_groups([TextBlock(block="", text=caption.text, shadow=shadow(caption.text))])
    return tuple(g for g in groups if (g.verb, g.names) not in said)


def _doubt(read: _Read) -> list[Diagnostic]:
    return [
        Diagnostic(
            level="warning",
            code="doubtful-attendee",
            line=read.block.lines[0],
            message=f"{item!r} in an attendee list is neither a name nor a group of people; the rest is kept",
        )
        for item in read.doubts
    ]


def _attendees(
    headline: Headline | None,
    body: tuple[Block, ...],
    read: dict[tuple[str, tuple[int, int], str], tuple[AttendeeGroup, ...]],
) -> tuple[list[AttendeeGroup], list[Diagnostic]]:
    """Number the groups read from body blocks (``body/N``, depth first) and read the headline's deck."""
    in_body = [
        attrs.evolve(group, where=attrs.evolve(group.where, block=f"body/{k}") if group.where else None)
        for k, block in enumerate(iter_blocks(body))
        for group in read.get((block.type, block.lines, block.text), ())
    ]
    texts = [*(headline.lines if headline is not None else ()), *(block.text for block in iter_blocks(body))]
    in_body = resolve_titles(in_body, texts)
    if headline is None:
        return in_body, []
    known = [shadow(name) for group in in_body for name in group.names]
    in_headline, diagnostics = deck_groups(headline.lines, [shadow(line) for line in headline.lines], known)
    line = headline.line_numbers[0] if headline.line_numbers else None
    return merge_decks(in_headline, in_body), [attrs.evolve(d, line=line) for d in diagnostics]


_ORG_END = re.compile(r"(?:委员会|委|部|局|厅|院|会|室|办|府|社|所|中心|公司|组|处|科|站|校|团|党组)$")


def _join_issuers(lines: Sequence[str]) -> str | None:
    """Join issuer lines into the 落款's issuer.

    A line ending in an organisation word closes an issuer, so several issuers stay on separate
    lines; other lines are wraps of one name (中共某某省委统一战线工作 / 部办公室).
    """
    if not lines:
        return None
    out = lines[0]
    for previous, line in itertools.pairwise(lines):
        out += ("\n" if _ORG_END.search(shadow(previous)) else "") + line
    return out


def _span(parts: Sequence[object]) -> tuple[int, int]:
    lines: list[int] = []
    for part in parts:
        if isinstance(part, Headline):
            lines.extend(part.line_numbers)
        elif isinstance(part, DatelineMatch):
            lines.append(part.dateline.line)
        elif isinstance(part, _Trailing):
            lines.append(part.match.dateline.line)
        elif isinstance(part, NoticeElement):
            lines.extend(part.lines)
        elif isinstance(part, SourceLine | Credit):
            lines.append(part.line)
        elif isinstance(part, Speech | Closing):
            lines.extend(s.line for s in part.source_lines)
        elif isinstance(part, _Read):
            lines.extend(part.block.lines)
        elif isinstance(part, Paragraph | Point | Subhead | Caption | Table):
            lines.extend(part.lines)
    return min(lines), max(lines)


# （2026年1月27日在…会议上）: the date is what comes before 在 or a comma.
_SPEECH_DATE_PART = re.compile(r"^[^在，,]*")


# ――2026年1月27日在…会议上 (web/govreport 青海 line 2 prints two U+2015 bars for the dash).
_TITLE_DATE = re.compile(r"^(?:——|—|－－|――)?\s*(?P<date>[^在，,]{6,20}日)在.{2,60}上")
# ——在政协第十三届全国委员会第三次会议上（2020年5月21日） (rmrb/2020-05/20200528-03-01.txt): the date last.
# ——在第73届世界卫生大会视频会议开幕式上的致辞  （2020年5月18日，北京） (rmrb/2020-05/20200519-02-01.txt).
_TITLE_DATE_LAST = re.compile(
    r"^(?:——|—|－－|――)\s*在.{2,60}上(?:的[^（()）]{1,6})?\s*[（(](?P<date>[^（）()，,]{6,20}日)(?:[，,][^（）()]{1,10})?[）)]$"
)


def _date_in_title(lines: Sequence[str]) -> Date | None:
    """The date in a speech's subtitle, when the speech prints no date line.

    ——2026年2月3日在…会议上, or ——在…会议上（2020年5月21日）.
    """
    for line in lines:
        found = _TITLE_DATE.match(line) or _TITLE_DATE_LAST.match(line.strip())
        date = parse_date(found.group("date")) if found is not None else None
        if date is not None:  # 政府工作报告——2026年…在 matches too: its subtitle, cut off, is read next
            return date
    return None


def _speaker_in_title(line: str) -> str | None:
    """The speaker named at the end of a speech's subtitle, after its office, or None.

    ``2026年1月27日在陕西省第十四届人民代表大会第四次会议上 陕西省省长 赵刚`` (web/govreport/2026_陕西省_政府工作报告
    _row1.txt line 3): the speaker's line run into the occasion.
    """
    words = line.split()
    if len(words) < 3 or not is_office(shadow(words[-2])):
        return None
    name = words[-1]
    return name if 2 <= len(name) <= 4 and looks_like_name(shadow(name)) else None


def _speaker(line: str) -> str:
    """The speaker's name from a speaker line: 习近平, 李炳军 from 省长 李炳军 (the role is kept in the line)."""
    return speaker_name(line, shadow(line))


@v_args(inline=True)
class BulletinTransformer(Transformer[LineToken, Parsed]):
    """Turn each grammar rule into a model object; rule names are method names."""

    def start(self, *items: _Draft | Residue | Caption | Credit | Table) -> Parsed:
        """Number the bulletins, give series items their section, collect residue."""
        bulletins: list[Bulletin] = []
        residue: list[Residue] = []
        diagnostics: list[Diagnostic] = []
        section: str | None = None
        series: bool | None = None  # does the section head a labelled series (decided by its first item)?
        for item in items:
            if isinstance(item, Caption):  # a caption outside any bulletin is residue
                residue.append(Residue(kind="caption", lines=item.lines, text=item.text))
                continue
            if isinstance(item, Table):  # a table never opens a bulletin: before the first, residue
                residue.append(Residue(kind="table", lines=item.lines, text=item.text))
                continue
            if isinstance(item, Credit):  # a credit before any bulletin
                residue.append(Residue(kind="credit", lines=(item.line, item.line), text=item.text))
                continue
            if isinstance(item, Residue):
                residue.append(item)
                if item.kind == "section":
                    section, series = item.text.replace("\n", ""), None
                continue
            bulletin = item.bulletin
            labelled = bulletin.headline is not None and any(
                _SERIES_LABEL.search(line) for line in bulletin.headline.lines
            )
            # A series heading (seed 002: 习近平总书记“三篇光辉文献” over ----（文献一）…) covers its
            # labelled items only; a rundown's title (# 新闻联播 2019-06-01) covers every item after it.
            series = labelled if series is None else series
            section = section if labelled or not series else None
            bulletins.append(attrs.evolve(bulletin, id=f"b{len(bulletins) + 1}", section=section))
            residue.extend(item.residue)
            diagnostics.extend(item.diagnostics)
            for inner in item.residue:
                if inner.kind == "section":
                    section, series = inner.text.replace("\n", ""), None
        return Parsed(
            bulletins=tuple(reattach_displaced_ledes(bulletins)),
            residue=tuple(residue),
            diagnostics=tuple(diagnostics),
        )

    def bulletin(self, *parts: object) -> _Draft:
        """Assemble a bulletin from its opening, body blocks and closing."""
        residue = tuple(p for p in parts if isinstance(p, Residue))
        headline = next((p for p in parts if isinstance(p, Headline)), None)
        headline = _with_brief_title(headline, next((p for p in parts if isinstance(p, _BriefTitle)), None))
        match = next((p for p in parts if isinstance(p, DatelineMatch)), None)
        if match is None:
            match = next((p.match for p in parts if isinstance(p, _Trailing)), None)
        dateline: Dateline | None = match.dateline if match else None
        elements = tuple(p for p in parts if isinstance(p, NoticeElement))
        addressee = next((e.text.rstrip("：:") for e in elements if e.kind == "addressee"), None)
        doc_number = next((e.text for e in elements if e.kind == "doc_number"), None)
        bylines = tuple(p for p in parts if isinstance(p, SourceLine))
        speech = next((p for p in parts if isinstance(p, Speech)), None)
        closings = [p for p in parts if isinstance(p, Closing)]
        closing = closings[0] if closings else None
        if len(closings) > 1:
            # An order's signature is the closing (_order, _inline_order); a second 落款 after the
            # regulation it promulgates is kept as a note, never dropped (test_fuzz found it).
            extra = tuple(
                NoticeElement(
                    kind="note",
                    lines=(c.source_lines[0].line, c.source_lines[-1].line),
                    text="\n".join(line.text for line in c.source_lines),
                )
                for c in closings[1:]
                if c.source_lines
            )
            elements = tuple(sorted((*elements, *extra), key=lambda e: e.lines))
        # Keyed by text too: the paragraphs of one packed line share their line numbers.
        read: dict[tuple[str, tuple[int, int], str], tuple[AttendeeGroup, ...]] = {
            (p.block.type, p.block.lines, p.block.text): p.groups for p in parts if isinstance(p, _Read)
        }
        said = {(g.verb, g.names) for groups in read.values() for g in groups}
        read.update(((p.type, p.lines, p.text), _caption_groups(p, said)) for p in parts if isinstance(p, Caption))
        blocks = [
            p.block if isinstance(p, _Read) else p for p in parts if isinstance(p, _Read | Subhead | Caption | Table)
        ]
        body = nest(blocks)
        if (
            speech is not None
            and speech.speaker is None
            and bylines
            and speech.source_lines
            and bylines[-1].line < speech.source_lines[0].line
        ):
            # 自治区人民政府主席 张雨浦 / 各位代表： under a speech title with no date line
            # (web/govreport): the line above the salutation is the speaker's.
            speaker = bylines[-1]
            speech = attrs.evolve(speech, speaker=_speaker(speaker.text), source_lines=(speaker, *speech.source_lines))
            bylines = bylines[:-1]
            if bylines and bylines[-1].line == speaker.line - 1 and is_office(shadow(bylines[-1].text)):
                # 自治区人民政府主席 / 张 雨 浦: the office line above the name is the speaker's too.
                speech = attrs.evolve(speech, source_lines=(bylines[-1], *speech.source_lines))
                bylines = bylines[:-1]
        if speech is not None and speech.date is None and headline is not None:
            speech = attrs.evolve(speech, date=_date_in_title((*headline.lines, *headline.subtitles)))
        if speech is not None and speech.speaker is None and headline is not None and len(headline.lines) > 1:
            speech = attrs.evolve(speech, speaker=_speaker_in_title(headline.lines[-1]))
        names: tuple[str, ...] = match.byline if match else ()
        for line in bylines:
            # 本报记者  鲜  敢 → 鲜敢; 本报评论员 stays as printed (a collective signature).
            line_shadow = shadow(line.text)
            if is_office(line_shadow):  # 第一书记 over 孙中元: a role, not a name (the line stays in byline_lines)
                continue
            foreign = foreign_writer(line_shadow)
            if foreign is not None:  # （墨西哥）亚历杭德罗·马西亚斯: the country is not a name
                start = line_shadow.index(foreign)
                names += (line.text[start : start + len(foreign)],)
                continue
            names += read_names(line.text) or tuple(line.text.split())
        attendees, diagnostics = _attendees(headline, body, read)
        genre = guess_genre(
            headline=headline,
            dateline=dateline,
            speech=speech,
            body=body,
            byline=names,
            has_closing=closing is not None,
        )
        bulletin = Bulletin(
            id="b0",
            lines=_span([p for p in parts if not isinstance(p, Residue)]),
            genre=cast("Genre", genre),
            headline=headline,
            dateline=dateline,
            byline=names,
            byline_lines=bylines,
            speech=speech,
            addressee=addressee,
            doc_number=doc_number,
            notice_elements=elements,
            body=body,
            closing=closing,
            attendees=tuple(attendees),
            credits=tuple(p for p in parts if isinstance(p, Credit)),
        )
        doubts = [d for p in parts if isinstance(p, _Read) for d in _doubt(p)]
        return _Draft(bulletin=bulletin, residue=residue, diagnostics=(*diagnostics, *doubts))

    def headline(self, *tokens: LineToken) -> Headline:
        """Keep the headline lines verbatim and derive kicker, title and subtitles."""
        lines = tuple(t.info.text for t in tokens)
        kicker, title, subtitles = analyse_headline(lines, [t.info.shadow or t.info.text for t in tokens])
        return Headline(
            lines=lines,
            line_numbers=tuple(t.info.first for t in tokens),
            kicker=kicker,
            title=title,
            subtitles=subtitles,
        )

    def dateline_title(self, token: LineToken) -> Headline:
        """The title Xinhua prints after 题： on the dateline's line: the bulletin's headline."""
        return self.headline(token)

    def brief_title(self, token: LineToken) -> _BriefTitle:
        """The first brief's title under its column's dateline: one more headline line."""
        return _BriefTitle(line=_source_line(token))

    def dateline(self, token: LineToken) -> DatelineMatch:
        """Pass on the dateline the lexer read (the bulletin takes its byline too)."""
        assert token.info.dateline is not None
        return token.info.dateline

    def lead_dateline(self, token: LineToken) -> DatelineMatch:
        """A dateline that opens a bulletin whose headline is missing."""
        return self.dateline(token)

    def trailing_dateline(self, token: LineToken) -> _Trailing:
        """A dateline printed at the end of the text: （新华社北京2月28日电）."""
        assert token.info.dateline is not None
        return _Trailing(match=token.info.dateline)

    def _element(self, token: LineToken) -> NoticeElement:
        return NoticeElement(
            kind=_NOTICE_KINDS[token.type], lines=(token.info.first, token.info.last), text=token.info.text
        )

    def masthead(self, token: LineToken) -> NoticeElement:
        """发文机关标志: 国务院办公厅文件."""
        return self._element(token)

    def doc_number(self, token: LineToken) -> NoticeElement:
        """发文字号 above the title: 国办发〔2020〕6号."""
        return self._element(token)

    def order_masthead(self, token: LineToken) -> NoticeElement:
        """An order's masthead under a law's title: 中华人民共和国主席令."""
        return self._element(token)

    def order_number(self, token: LineToken) -> NoticeElement:
        """An order's number under a law's title: 第三十九号 (the document's number)."""
        return self._element(token)

    def doc_number_below(self, token: LineToken) -> NoticeElement:
        """发文字号 printed just below the title (reprints)."""
        return self._element(token)

    def addressee(self, token: LineToken) -> NoticeElement:
        """主送机关: 各省、自治区、直辖市人民政府，国务院各部委、各直属机构：."""
        return self._element(token)

    def notice(self, token: LineToken) -> NoticeElement:
        """附件说明, 抄送, 印发机关和印发日期."""
        return self._element(token)

    def note(self, token: LineToken) -> NoticeElement:
        """附注 under the 落款: （此件公开发布）."""
        return self._element(token)

    def byline(self, token: LineToken) -> SourceLine:
        """Keep a byline line verbatim."""
        return _source_line(token)

    def section_byline(self, token: LineToken) -> SourceLine:
        """A section writer's line inside a page-wide feature: one more byline of the bulletin."""
        return _source_line(token)

    def speech(self, *tokens: LineToken) -> Speech:
        """Read a speech's date line, speaker line and salutation."""
        by_kind = {t.type: t for t in tokens}  # the last BYLINE: the name under an office line
        date_token = by_kind.get("SPEECH_DATE")
        speaker = by_kind.get("BYLINE")
        # 女士们，先生们， / 同志们，朋友们：: a salutation set over several lines is their text joined.
        salutation = "".join(t.info.text.strip() for t in tokens if t.type == "SALUTATION") or None
        date = None
        if date_token is not None:
            inner = date_token.info.text.strip("（()） ")
            date = parse_date(_SPEECH_DATE_PART.match(inner).group(0))  # type: ignore[union-attr]
        return Speech(
            speaker=_speaker(speaker.info.text) if speaker else None,
            date=date,
            salutation=salutation,
            source_lines=tuple(_source_line(t) for t in tokens),
        )

    def lead_speech(self, token: LineToken) -> Speech:
        """A salutation that opens a bulletin printed without its title: a speech of a salutation only."""
        return self.speech(retyped(token, "SALUTATION"))

    def paragraph(self, token: LineToken) -> _Read:
        """A body paragraph."""
        return _read(_paragraph(token), token.info.shadow)

    def order_text(self, token: LineToken) -> _Read:
        """An order's own sentence above its signature (现公布…, 国务院令): a body paragraph."""
        return _read(_paragraph(token), token.info.shadow)

    def head_note(self, token: LineToken) -> _Read:
        """A 提要 sentence or a 题注 under the headline: a paragraph at the head of the body."""
        return _read(_paragraph(token), token.info.shadow)

    def lead(self, token: LineToken) -> _Read:
        """The first paragraph of a bulletin whose headline is missing."""
        return _read(_paragraph(token), token.info.shadow)

    def point(self, token: LineToken) -> _Read:
        """A numbered point (nested later by level)."""
        point = _point(token)
        return _read(point, token.info.shadow[len(point.marker) :])

    def lead_point(self, token: LineToken) -> _Read:
        """A numbered point that opens a bulletin whose headline is missing."""
        point = _point(token)
        return _read(point, token.info.shadow[len(point.marker) :])

    def issued_title(self, token: LineToken) -> Subhead:
        """The title of the document a 印发 notice issues, after the notice's 落款: a subhead."""
        return self.subhead(token)

    def issued_point(self, token: LineToken) -> _Read:
        """The first article of the document a 印发 notice issues, after the notice's 落款: a point."""
        return self.point(token)

    def subhead(self, token: LineToken) -> Subhead:
        """A subheading inside a body."""
        return Subhead(lines=(token.info.first, token.info.last), text=token.info.text)

    def table(self, token: LineToken) -> Table:
        """A data table: one row per line, cells split at the tabs the reader put between them."""
        rows = []
        for (number, text), shapes in zip(token.info.parts, token.info.cells, strict=True):
            texts = text.split("\t")
            shapes = shapes if len(shapes) == len(texts) else tuple(CellShape() for _ in texts)
            cells = tuple(
                TableCell(text=cell.strip(), header=shape.header, colspan=shape.colspan, rowspan=shape.rowspan)
                for cell, shape in zip(texts, shapes, strict=True)
            )
            rows.append(TableRow(line=number, cells=cells))
        return Table(lines=(token.info.first, token.info.last), text=token.info.text, rows=tuple(rows))

    def caption(self, token: LineToken) -> Caption:
        """A photo caption (made residue by ``start`` when it stands outside any bulletin)."""
        return Caption(lines=(token.info.first, token.info.last), text=token.info.text)

    def closing(self, *tokens: LineToken) -> Closing:
        """Read the issuer lines and the date of a 落款."""
        issuers = [t.info.text for t in tokens if t.type == "ISSUER"]
        date_token = tokens[-1]
        return Closing(
            issuer=_join_issuers(issuers),
            date=parse_date(date_token.info.text),
            source_lines=tuple(_source_line(t) for t in tokens),
        )

    def credit(self, token: LineToken) -> Credit:
        """A credit or end note (本报记者  李  舸摄, 制图：…, （作者为…）)."""
        assert token.info.credit is not None
        match = token.info.credit
        return Credit(role=match.role, names=match.names, text=token.info.text, line=token.info.first)

    def residue(self, token: LineToken) -> Residue:
        """Label text that belongs to no bulletin's structure."""
        return Residue(
            kind=_RESIDUE_KINDS[token.type],
            lines=(token.info.first, token.info.last),
            text=token.info.text,
        )

    def front_nav(self, token: LineToken) -> Residue:
        """A web page's metadata inside a speech's front matter (来源：…, a time stamp): residue of kind nav."""
        return self.residue(token)
