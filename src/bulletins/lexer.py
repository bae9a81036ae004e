"""The line lexer: one token per line (or line fragment), classified by compiled regexes.

Two passes, both linear:

1. *content* (:mod:`bulletins._classify`): each non-blank line gets a raw kind from its own
   text alone (image, nav, notice elements, dateline, speech date, salutation, caption, date,
   point, byline, short, paragraph);
2. *context*: a forward pass with one line of lookahead turns raw kinds into the grammar's
   terminals. The hard decisions of DESIGN §4 live here, each rule commented with the seed
   lines it comes from: is a run of short lines a headline, a subhead, a closing or the
   content of a point; does a paragraph open a headline-less bulletin; is it a numbered
   point; is it a repeated fragment; is it the continuation of a wrapped paragraph.

Matching always uses the Simplified shadow; token text is cut from the original line.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator, Sequence

import attrs
from attrs import frozen
from lark import Token

from ._classify import Raw, content_kind, is_short
from ._hints import apply_hints
from ._text import ends_complete
from .analyze.datelines import DatelineMatch, match_dateline
from .analyze.markers import (
    Marker,
    bare_number_marker,
    dash_marker,
    ordinal_word_marker,
    sequence_marker,
)
from .layout.credits import CreditMatch
from .layout.endings import (
    BRIEF_COLUMN,
    CLOSE_PAREN,
    TRAILING_DATELINE,
    ends_item,
    is_addressee,
    is_lede,
    opens_a_list,
    terminal,
)
from .layout.headnotes import is_adoption_note, is_box_label, is_summary
from .layout.packed import segments
from .model import Diagnostic
from .readers import Hints

# ----（文献一） labels one item of a series under a compilation heading (seed 002).
_SERIES_LABEL = re.compile(r"^[-—－]*\s*[（(](?:文献|之)[一二三四五六七八九十]{1,3}[）)]$")
_SUBTITLE = re.compile(r"^(?:——|--|－－)")
_ATTACHMENT_ITEM = re.compile(r"^\d{1,2}[.．、]")
_NOTE = re.compile(r"^[（(][^（）()]{2,60}[）)]$")
_NOISE_MIN = 30
_UNDER_HEADLINE = frozenset({"HEADLINE_START", "HEADLINE_LINE", "HEAD_NOTE"})
_DISPATCH_TITLE = re.compile(r"\s*题[：:]\s*(?P<title>\S.{1,80})$")
_INTRO_MAX = 4
_HEADING_STYLES = frozenset({"第一章", "第一节"})


def _is_heading(raw: Raw) -> bool:
    return raw.marker is not None and raw.marker.style in _HEADING_STYLES


_CONTENTS_MIN = 4
_DECK_MAX = 6  # the longest headline block in the seeds and the corpus sample has five lines
_HEAD_NOTES_MAX = 6  # rmrb/2020-02/20200224-03-03.txt prints five above its dateline
_AFTER_CLOSING_DATE = frozenset({"short", "image", "nav", "byline", "credit", "trailing_dateline"})
_NOISE_WINDOW = 8


@frozen(kw_only=True)
class LineInfo:
    """The payload of a token: where it stands and what the lexer read from it."""

    first: int
    """First source line (1-based)."""
    last: int
    """Last source line."""
    text: str
    """The token's text in the original script (lines joined for multi-line tokens)."""
    shadow: str = ""
    """The Simplified shadow of ``text`` (same length), for analysers that match."""
    parts: tuple[tuple[int, str], ...] = ()
    """For multi-line tokens: each line's number and text."""
    marker: Marker | None = None
    """Point marker (POINT tokens)."""
    dateline: DatelineMatch | None = None
    """Parsed dateline (DATELINE tokens)."""
    credit: CreditMatch | None = None
    """Parsed credit (CREDIT tokens)."""


class LineToken(Token):
    """A Lark token carrying a :class:`LineInfo`."""

    __slots__ = ("info",)
    info: LineInfo


def _token(kind: str, info: LineInfo) -> LineToken:
    token = LineToken(kind, info.text, line=info.first, end_line=info.last)
    token.info = info
    return token


def retyped(token: LineToken, kind: str) -> LineToken:
    """Return *token* as a token of another kind (the parser's recovery), text and lines kept."""
    info = token.info
    if kind in {"PARAGRAPH", "LEAD"}:
        info = attrs.evolve(info, marker=None, dateline=None)
    return _token(kind, info)


class _Context:
    """Second pass: turn raw kinds into terminals, with the state of the current bulletin."""

    def __init__(self, raws: Sequence[Raw], diagnostics: list[Diagnostic]):
        self.raws = raws
        self.diagnostics = diagnostics
        self.in_bulletin = False
        self.last = ""  # last terminal emitted, residue aside
        self.terminal_seen = False
        self.numbers: dict[str, int] = {}
        self.recent: list[str] = []
        self.seen: set[str] = set()
        self.has_dateline = False
        self.brief_column = False
        self.paragraphs = 0
        self.sectioned = False

    # -- helpers -------------------------------------------------------------------------

    def _open_bulletin(self) -> None:
        self.has_dateline = False
        self.paragraphs = 0
        self.sectioned = False
        self.in_bulletin = True
        self.terminal_seen = False
        self.numbers = {}
        self.recent = []
        self.seen = set()

    def _peek(self, i: int) -> Raw | None:
        return self.raws[i] if i < len(self.raws) else None

    def _emit(self, kind: str, info: LineInfo) -> LineToken:
        if kind not in {"IMAGE", "NAV", "SECTION", "NOISE", "CAPTION", "CREDIT"}:
            self.last = kind
        if kind in {"PARAGRAPH", "POINT", "LEAD", "LEAD_POINT", "HEAD_NOTE"}:
            self.paragraphs += 1
        return _token(kind, info)

    def _sections_a_page(self) -> bool:
        """A titled, signed section of one page-wide feature, not a new article.

        人民眼 and 国际 pages print a headline, a short introduction, then sections each with its
        own title and writer (rmrb/2020-02/20200219-11-01.txt: six 本报记者 sections under
        白衣战士赤子心 八方驰援抗疫情; rmrb/2020-05/20200511-17-01.txt): a title and a byline
        after at most four paragraphs of an undated bulletin, or after an earlier section. A
        long story before it (seed 003's feature, then 本报评论员's commentary) is finished, and a
        collective signature (本报评论员) always signs an article of its own.
        """
        if not self.in_bulletin or self.terminal_seen or self.has_dateline:
            return False
        return self.sectioned or 0 < self.paragraphs <= _INTRO_MAX

    # -- the pass ------------------------------------------------------------------------

    def tokens(self) -> Iterator[LineToken]:
        i = 0
        raws = self.raws
        while i < len(raws):
            raw = raws[i]
            kind = raw.kind
            if kind == "point" and (contents := self._contents(i)):
                # 第一章 规划背景 / 第一节 发展基础 / … printed as a table of contents before the
                # text that repeats them as headings: navigation, kept as residue.
                for raw in self.raws[i : i + contents]:
                    yield self._emit("NAV", LineInfo(first=raw.number, last=raw.number, text=raw.text))
                i += contents
            elif kind in {"image", "nav", "section"}:
                yield self._emit(kind.upper(), LineInfo(first=raw.number, last=raw.number, text=raw.text))
                i += 1
            elif kind != "trailing_dateline" and self._after_closing() and _NOTE.match(raw.shadow):
                yield self._emit("NOTE", LineInfo(first=raw.number, last=raw.number, text=raw.text))
                i += 1
            elif kind in {"masthead", "doc_number"} and self._opens_header(i):
                token = "DOC_NUMBER_BELOW" if self.last in {"HEADLINE_START", "HEADLINE_LINE"} else kind.upper()
                if token != "DOC_NUMBER_BELOW" and self.last not in {"MASTHEAD", "DOC_NUMBER"}:
                    self._open_bulletin()
                yield self._emit(token, LineInfo(first=raw.number, last=raw.number, text=raw.text))
                i += 1
            elif kind in {"attachment", "cc", "imprint"} and self.in_bulletin:
                i = yield from self._notice_element(i)
            elif (
                kind == "para"
                and self.last in {"HEADLINE_START", "HEADLINE_LINE", "DOC_NUMBER_BELOW"}
                and is_addressee(raw.shadow)
            ):
                yield self._emit("ADDRESSEE", LineInfo(first=raw.number, last=raw.number, text=raw.text))
                i += 1
            elif kind == "trailing_dateline" and self.in_bulletin:
                # （新华社北京5月21日电） on its own line ends the item it closes. A bulletin
                # with a dateline of its own keeps this one as a paragraph (its text is kept).
                info = LineInfo(first=raw.number, last=raw.number, text=raw.text, dateline=raw.dateline)
                yield self._emit("PARAGRAPH" if self.has_dateline else "TRAILING_DATELINE", info)
                self.has_dateline = True
                self.terminal_seen = True
                i += 1
            elif kind == "credit":
                # Credits and end notes belong to the bulletin they close and never open one
                # (layout/credits.py); they leave the context as it was.
                yield from self._credits(raw)
                i += 1
            elif self.last in _UNDER_HEADLINE and (count := self._head_notes(i)):
                # 提要 / 题注 between a headline and its dateline or body (layout/headnotes.py).
                for raw in self.raws[i : i + count]:
                    yield self._emit("HEAD_NOTE", LineInfo(first=raw.number, last=raw.number, text=raw.text))
                i += count
            elif kind in {"short", "para"} and self.in_bulletin and is_box_label(raw.shadow):
                yield self._emit("SUBHEAD", LineInfo(first=raw.number, last=raw.number, text=raw.text))
                i += 1
            elif kind == "caption" and raw.weak and not self.in_bulletin:
                i = yield from self._short_run(i)
            elif kind == "caption":
                cut = raw.credit.start if raw.credit is not None else len(raw.text)
                yield self._emit("CAPTION", LineInfo(first=raw.number, last=raw.number, text=raw.text[:cut]))
                if raw.credit is not None:  # …。新华社记者 谢环驰 摄: the caption's credit
                    tail = LineInfo(first=raw.number, last=raw.number, text=raw.text[cut:], credit=raw.credit)
                    yield self._emit("CREDIT", tail)
                i += 1
            elif kind == "dateline":
                title = _DISPATCH_TITLE.match(raw.shadow, raw.dateline.end) if raw.dateline else None
                if title is not None and raw.dateline is not None and self.last not in _UNDER_HEADLINE:
                    # 新华社北京4月10日电　题：伸向亚太的黑手——… (web/newscrawl): Xinhua's form for a
                    # feature prints its title after 题： on the dateline's line.
                    at = title.start("title")
                    dateline = attrs.evolve(raw.dateline.dateline, text=raw.text[:at])
                    yield from self._dateline(attrs.evolve(raw, dateline=attrs.evolve(raw.dateline, dateline=dateline)))
                    info = LineInfo(first=raw.number, last=raw.number, text=raw.text[at:], shadow=raw.shadow[at:])
                    yield self._emit("DATELINE_TITLE", info)
                    i += 1
                    continue
                yield from self._dateline(raw)
                i = yield from self._paragraph(i, start=raw.dateline.end if raw.dateline else 0)
            elif kind == "speech_date" and self.last in _UNDER_HEADLINE and not self._speech_follows(i):
                # （2019年1月3日） under a document's title with no speaker or salutation after it
                # is the date the document bears (rmrb/2019-02/20190220-01-02.txt line 3), not a
                # speech's: a headnote.
                yield self._emit("HEAD_NOTE", LineInfo(first=raw.number, last=raw.number, text=raw.text))
                i += 1
            elif kind == "speech_date" and self.last in {"HEADLINE_START", "HEADLINE_LINE"}:
                yield self._emit("SPEECH_DATE", LineInfo(first=raw.number, last=raw.number, text=raw.text))
                i += 1
            elif kind == "salutation" and self.last in {
                "HEADLINE_START", "HEADLINE_LINE", "SPEECH_DATE", "BYLINE",
            }:  # fmt: skip
                yield self._emit("SALUTATION", LineInfo(first=raw.number, last=raw.number, text=raw.text))
                i += 1
            elif kind == "byline" and self.last in {"HEADLINE_START", "HEADLINE_LINE", "SPEECH_DATE", "DATELINE_TITLE"}:
                yield self._emit("BYLINE", LineInfo(first=raw.number, last=raw.number, text=raw.text))
                i += 1
            elif kind == "date_only" and self._closing_date_here(i):
                yield self._emit("CLOSING_DATE", LineInfo(first=raw.number, last=raw.number, text=raw.text))
                self.terminal_seen = True
                i += 1
            elif kind == "hidden":  # text the source hides (bulletins._hints): kept as residue
                yield self._emit("NOISE", LineInfo(first=raw.number, last=raw.number, text=raw.text))
                i += 1
            elif kind == "subhead" and self.in_bulletin:  # a heading a reader marked (bulletins._hints)
                yield self._emit("SUBHEAD", LineInfo(first=raw.number, last=raw.number, text=raw.text))
                i += 1
            elif kind in {"short", "byline", "subhead"}:
                i = yield from self._short_run(i)
            else:
                i = yield from self._paragraph(i, start=0)

    def _after_closing(self) -> bool:
        return self.last in {"CLOSING_DATE", "NOTE", "CC", "IMPRINT", "ATTACHMENT"} and self.terminal_seen

    def _opens_header(self, i: int) -> bool:
        """A masthead or document number stands above a title (or a number just below one)."""
        if self.last in {"HEADLINE_START", "HEADLINE_LINE"}:
            return self.raws[i].kind == "doc_number"
        after = self._peek(i + 1)
        return after is not None and after.kind in {"short", "doc_number", "masthead"}

    def _notice_element(self, i: int) -> Generator[LineToken, None, int]:
        raw = self.raws[i]
        parts = [(raw.number, raw.text)]
        j = i + 1
        if raw.kind == "attachment":
            # 附件：1．…清单 / 2．…名单: the numbered lines below belong to the attachment note.
            while (
                j < len(self.raws)
                and _ATTACHMENT_ITEM.match(self.raws[j].shadow)
                and self.raws[j].kind in {"point", "para", "short"}
            ):
                parts.append((self.raws[j].number, self.raws[j].text))
                j += 1
        text = "\n".join(t for _, t in parts)
        yield self._emit(
            raw.kind.upper(), LineInfo(first=parts[0][0], last=parts[-1][0], text=text, parts=tuple(parts))
        )
        return j

    def _dateline(self, raw: Raw) -> Iterator[LineToken]:
        assert raw.dateline is not None
        kind = "DATELINE"
        if self.last not in _UNDER_HEADLINE:
            self._open_bulletin()  # a dateline with no headline opens a bulletin of its own
            kind = "LEAD_DATELINE"
        match = raw.dateline
        self.has_dateline = True
        yield self._emit(
            kind,
            LineInfo(first=raw.number, last=raw.number, text=match.dateline.text, dateline=match),
        )

    def _closing_date_here(self, i: int) -> bool:
        # 党委办公室 / 2020年2月9日 at the end of a notice (seed 002): a date alone on its line,
        # followed by nothing or by the next bulletin's headline, is the closing date.
        if not self.in_bulletin:
            return False
        after = self._peek(i + 1)
        # A credit or a dateline printed last may follow it (rmrb/2020-05/20200528-06-03.txt).
        return after is None or after.kind in _AFTER_CLOSING_DATE or after.toc

    def _contents(self, i: int) -> int:
        """How many lines from *i* on are a table of contents (0 when none starts there).

        Four or more chapter or section headings in a row with no text between them are one (a
        plan's 目录, rmrb/2019-02/20190219-14-01.txt lines 8–59).
        """
        k = i
        while k < len(self.raws) and _is_heading(self.raws[k]):
            k += 1
        return k - i if k - i >= _CONTENTS_MIN else 0

    def _speech_follows(self, i: int) -> bool:
        after = self._peek(i + 1)
        return after is not None and after.kind in {"byline", "salutation"}

    def _credits(self, raw: Raw) -> Iterator[LineToken]:
        """One CREDIT token per credit on the line (曹  一图  燕  陆文 holds two)."""
        match = raw.credit
        while match is not None:
            end = match.following.start if match.following is not None else len(raw.text)
            text = raw.text[match.start : end]
            yield self._emit("CREDIT", LineInfo(first=raw.number, last=raw.number, text=text, credit=match))
            if match.role == "署名":  # a brief's signature ends the brief (新闻速递)
                self.terminal_seen = True
            match = match.following

    def _head_notes(self, i: int) -> int:
        """How many lines from *i* on are headnotes (提要, 题注) under the headline just emitted.

        A 题注 or a 提要 sentence is one by its own text; other paragraphs are headnotes only when
        the bulletin's dateline follows them within three lines (2020-02/20200215-01-02.txt).
        """
        raw = self.raws[i]
        if raw.kind == "short" and (is_adoption_note(raw.shadow) or is_summary(raw.shadow)):
            return 1
        for k in range(i, min(i + _HEAD_NOTES_MAX + 1, len(self.raws))):
            ahead = self.raws[k]
            if ahead.kind == "dateline":
                return k - i
            # Only whole paragraphs: a short line is the next title, a terminal formula or a
            # dateline printed last ends an item of its own.
            if ahead.kind != "para" or ends_item(ahead.shadow):
                return 0
        return 0

    def _short_run(self, i: int) -> Generator[LineToken, None, int]:
        raws = self.raws
        j = i + 1
        while j < len(raws) and raws[j].kind == "short" and not (raws[j].toc and not raws[j - 1].toc):
            j += 1
        # A box label (核心阅读), a 提要 sentence or a 题注 ends a headline run: the main loop reads it.
        for k in range(i + 1, j):
            shadow = raws[k].shadow
            if is_box_label(shadow) or is_summary(shadow) or is_adoption_note(shadow):
                j = k
                break
        run = list(raws[i:j])
        decision = self._decide_run(run, j)
        if decision == "closing":
            for raw in run:
                yield self._emit("ISSUER", LineInfo(first=raw.number, last=raw.number, text=raw.text))
            return j
        if decision == "paragraph":
            return (yield from self._paragraph(i, start=0))
        if decision == "section":
            # The section's title is a subhead; its writer's line is the bulletin's byline too.
            self.sectioned = True
            parts = tuple((raw.number, raw.text) for raw in run)
            info = LineInfo(first=run[0].number, last=run[-1].number, text="\n".join(t for _, t in parts), parts=parts)
            yield self._emit("SUBHEAD", info)
            signer = raws[j]
            yield self._emit("SECTION_BYLINE", LineInfo(first=signer.number, last=signer.number, text=signer.text))
            return j + 1
        if decision == "brief_title":
            yield self._emit("BRIEF_TITLE", LineInfo(first=run[0].number, last=run[0].number, text=run[0].text))
            return j
        if decision == "subhead":
            parts = tuple((raw.number, raw.text) for raw in run)
            yield self._emit(
                "SUBHEAD",
                LineInfo(first=run[0].number, last=run[-1].number, text="\n".join(t for _, t in parts), parts=parts),
            )
            return j
        if len(run) > _DECK_MAX:
            # A title over a list printed one item a line (第五批全国学雷锋活动示范点名单 / （50个）
            # / 中国人民抗日战争纪念馆 / …, rmrb/2019-02/20190228-07-02.txt): the title and its
            # parenthesised or dashed continuation are the headline, each item a paragraph.
            k = 1
            while k < len(run) and (_NOTE.match(run[k].shadow) or _SUBTITLE.match(run[k].shadow)):
                k += 1
            yield from self._headline(run[:k])
            for raw in run[k:]:
                yield self._emit(
                    "PARAGRAPH", LineInfo(first=raw.number, last=raw.number, text=raw.text, shadow=raw.shadow)
                )
            return j
        yield from self._headline(run)
        return j

    def _decide_run(self, run: list[Raw], j: int) -> str:
        """Decide what a run of short unpunctuated lines is (DESIGN §4's hardest question).

        *j* indexes the first raw line after the run.
        """
        after = self._peek(j)
        # A notice's closing: issuer line(s) directly above a date line that ends the bulletin
        # (seed 002: 党委办公室 / 2020年2月9日).
        if self.in_bulletin and after is not None and after.kind == "date_only" and self._closing_date_here(j):
            return "closing"
        # Word headings (seed 002's [bookmark: _Toc…]) are headlines, and so is the title under a
        # masthead or a document number.
        if any(raw.toc for raw in run) or self.last in {"MASTHEAD", "DOC_NUMBER"}:
            return "headline"
        # Followed by a dateline, a speech date or a byline: the classic headline block
        # (seeds 000, 003, 004).
        if after is not None and after.kind == "byline" and "评论员" not in after.shadow and self._sections_a_page():
            return "section"
        if after is not None and after.kind in {"dateline", "speech_date", "byline"}:
            return "headline"
        if not self.in_bulletin:
            return "headline"
        # The one-line content of a heading point: 一、时    间 / 2020年2月10日--13日,
        # 二、学习形式 / 采取居家自学 (seed 002).
        if self.last == "POINT" and len(run) == 1:
            return "paragraph"
        # A feature's subhead inside the body: 立即响应 靠前指挥 下沉一线 / ——织密织牢… (seed 003).
        if any(_SUBTITLE.match(raw.shadow) for raw in run) and self.last in {
            "PARAGRAPH", "LEAD", "BYLINE", "SUBHEAD", "POINT",
        }:  # fmt: skip
            return "subhead"
        # Inside a body that is not finished, a short run opens a new bulletin only on evidence:
        # the body ended (会议还研究了其他事项。, a closing, a trailing dateline: seed 004 line 70),
        # or a readout lede follows (1月23日，省委常委会召开会议… under its title: seed 002 lines
        # 313, 318), or the first point of a new list does (一、9月1日，全省… under a digest's
        # heading: seed 000 lines 273, 326). Otherwise it is a subhead (小标题) of the story:
        # People's Daily features cut their bodies with them (八天八夜不回家：疫情来袭，党员冲锋在前,
        # rmrb 2020-02), and each one opened a bulletin that took the rest of the story.
        # Inside a brief column (国内联播快讯, 新闻速递: web/xwlb, rmrb) each short title opens a
        # brief of its own (DESIGN §8).
        if self.brief_column:
            # …unless the column's own bulletin has no text yet: 国内联播快讯 / 央视网消息（新闻联播）：
            # / 我国浮空艇… (web/xwlb/20190601.md lines 129-132): the first brief shares it.
            if self.paragraphs:
                return "headline"
            return "brief_title" if self.last == "DATELINE" and len(run) == 1 else "subhead"
        if self.terminal_seen or (after is not None and (is_lede(after, dated_subject=True) or opens_a_list(after))):
            return "headline"
        return "subhead"

    def _headline(self, run: list[Raw]) -> Iterator[LineToken]:
        keep_open = self.last in {"MASTHEAD", "DOC_NUMBER"}
        # A brief column's label starts a run of briefs; a brief inside it keeps the column open;
        # any other title ends it.
        inside = self.brief_column and self.in_bulletin and not self.terminal_seen
        self.brief_column = inside or any(BRIEF_COLUMN.search(raw.shadow) for raw in run)
        # 习近平总书记“三篇光辉文献” / 习近平在山西考察… / ----（文献一） (seed 002): lines above the
        # title of the first item of a series are the series' compilation heading.
        labels = [k for k, raw in enumerate(run) if _SERIES_LABEL.match(raw.shadow)]
        if labels and labels[0] >= 2:
            heading, run = run[: labels[0] - 1], run[labels[0] - 1 :]
            parts = tuple((raw.number, raw.text) for raw in heading)
            yield self._emit(
                "SECTION",
                LineInfo(
                    first=heading[0].number, last=heading[-1].number, text="\n".join(t for _, t in parts), parts=parts
                ),
            )
        if not keep_open:
            self._open_bulletin()
        for k, raw in enumerate(run):
            kind = "HEADLINE_START" if k == 0 else "HEADLINE_LINE"
            yield self._emit(kind, LineInfo(first=raw.number, last=raw.number, text=raw.text, shadow=raw.shadow))

    # -- paragraphs ----------------------------------------------------------------------

    def _point(self, i: int, start: int) -> Marker | None:
        raw = self.raws[i]
        if start:
            return None
        if raw.marker is not None:
            self.numbers[raw.marker.style] = raw.marker.number
            return raw.marker
        if raw.kind != "para":
            return None
        for found in (sequence_marker(raw.text, raw.shadow), bare_number_marker(raw.text, raw.shadow)):
            if found is None:
                continue
            previous = self.numbers.get(found.style)
            # A run must count up: 一是 opens it, 二是 follows 一是 (seed 004: 一要/二是/三是 mix);
            # 2学院… follows 1. (seed 002). No stray 三是 in prose.
            if (found.style == "一是" and found.number == 1) or previous == found.number - 1:
                self.numbers[found.style] = found.number
                return found
        word = ordinal_word_marker(raw.text, raw.shadow)
        if word is not None:
            # 首先，…其次，…最后， as block items: 首先 opens the run, 最后 closes it.
            previous = self.numbers.get(word.style, 0)
            number = previous + 1 if word.number == 0 else word.number
            if (word.number == 1 or previous == word.number - 1 or (word.number == 0 and previous)) and number:
                self.numbers[word.style] = number
                return Marker(marker=word.marker, style=word.style, number=number, end=word.end)
        dash = dash_marker(raw.text, raw.shadow)
        if dash is not None:
            # ——水沙治理取得显著成效。…(seed 002): dash items only when they form a list.
            nxt = self._peek(i + 1)
            previous = self.numbers.get("——", 0)
            continues = self.last == "POINT" and previous > 0
            starts = nxt is not None and dash_marker(nxt.text, nxt.shadow) is not None
            if continues or starts:
                number = previous + 1 if continues else 1
                self.numbers["——"] = number
                return Marker(marker=dash.marker, style="——", number=number, end=dash.end)
        return None

    def _is_noise(self, text: str) -> bool:
        # Repeated fragments of a page layout (seed 003 lines 128/130, seed 002 line 268):
        # a paragraph already printed in this bulletin, or a piece of a recent one.
        key = "".join(text.split())
        if len(key) < 8:
            return False
        if key in self.seen:
            return True
        return len(key) >= _NOISE_MIN and any(key in earlier for earlier in self.recent)

    def _remember(self, text: str) -> None:
        key = "".join(text.split())
        self.seen.add(key)
        self.recent.append(key)
        if len(self.recent) > _NOISE_WINDOW:
            del self.recent[0]

    def _opens_bulletin(self, raw: Raw) -> bool:
        if not self.in_bulletin or self.terminal_seen:
            return True
        # A readout lede after a finished body: 2月7日上午，……楼阳生主持召开省委第七次专题会议 (seed 002
        # lines 249–299, eight headline-less readouts in a row).
        return self.last in {"PARAGRAPH", "LEAD", "SUBHEAD", "DATELINE", "LEAD_DATELINE"} and is_lede(raw)

    def _paragraph(self, i: int, *, start: int) -> Generator[LineToken, None, int]:
        """Emit the paragraph starting at ``raws[i][start:]`` with its wrapped continuations."""
        raw = self.raws[i]
        text = raw.text[start:]
        if not text.strip():
            return i + 1
        # Numbered items are structure: a point repeated under another heading is kept.
        numbered = raw.marker is not None or sequence_marker(raw.text, raw.shadow) is not None
        if start == 0 and self.in_bulletin and not numbered and not raw.packed and self._is_noise(text):
            yield self._emit("NOISE", LineInfo(first=raw.number, last=raw.number, text=text))
            return i + 1
        marker = self._point(i, start)
        parts = [(raw.number, text)]
        shadows = [raw.shadow[start:]]
        j = i + 1
        # Re-join fragments wrapped mid-sentence, blank lines between (seed 003).
        # A heading-like line (一、关于前一段疫情防控工作, seed 004) is complete as it is.
        while not ends_complete(parts[-1][1]) and not is_short(parts[-1][1]) and j < len(self.raws):
            nxt = self.raws[j]
            if nxt.kind != "para" or self._is_noise(nxt.text) or terminal(shadows[-1]):
                break
            if any(f(nxt.text, nxt.shadow) for f in (sequence_marker, dash_marker)):
                break
            parts.append((nxt.number, nxt.text))
            shadows.append(nxt.shadow)
            j += 1
        if len(parts) > 1:
            self.diagnostics.append(
                Diagnostic(
                    level="info",
                    code="wrapped-paragraph",
                    line=parts[0][0],
                    message=f"lines {parts[0][0]}–{parts[-1][0]} re-joined: the paragraph was wrapped mid-sentence",
                )
            )
        joined = "".join(t for _, t in parts)
        joined_shadow = "".join(shadows)
        trailing = None
        ended = False
        if marker is None and not self.raws[j - 1].more:
            last_shadow = self.raws[j - 1].shadow if j - 1 > i or start == 0 else raw.shadow[start:]
            trailing = TRAILING_DATELINE.search(last_shadow) if last_shadow.endswith(CLOSE_PAREN) else None
            # A second dateline printed last (the bulletin opened with one) stays in the
            # paragraph, but it still ends the item (rmrb/2019-02/20190228-07-02.txt line 6).
            ended = trailing is not None
            if self.has_dateline:
                trailing = None
        tail: LineToken | None = None
        if trailing is not None:
            cut = len(joined) - (len(last_shadow) - trailing.start())
            inner = trailing.group("inner")
            original = joined[cut + 1 : cut + 1 + len(inner)]  # cut from the text, not the shadow
            found = match_dateline(original + " ", inner + " ", parts[-1][0])
            if found is not None:
                dateline = attrs.evolve(found.dateline, text=joined[cut:], trailing=True)
                tail = _token(
                    "TRAILING_DATELINE",
                    LineInfo(
                        first=parts[-1][0],
                        last=parts[-1][0],
                        text=joined[cut:],
                        dateline=attrs.evolve(found, dateline=dateline),
                    ),
                )
                self.has_dateline = True
                joined = joined[:cut]
                joined_shadow = joined_shadow[:cut]
                parts[-1] = (parts[-1][0], parts[-1][1][: len(parts[-1][1]) - (len(last_shadow) - trailing.start())])
        if not joined.strip():
            if tail is not None:
                yield tail
            return j
        info = LineInfo(
            first=parts[0][0],
            last=parts[-1][0],
            text=joined,
            shadow=joined_shadow,
            parts=tuple(parts),
            marker=marker,
        )
        if marker is not None:
            if not self.in_bulletin:
                self._open_bulletin()
                kind = "LEAD_POINT"
            else:
                kind = "POINT"
        elif start == 0 and self._opens_bulletin(raw):
            self._open_bulletin()
            self.diagnostics.append(
                Diagnostic(
                    level="info",
                    code="headless-bulletin",
                    line=raw.number,
                    message="a bulletin starts here without a headline",
                )
            )
            kind = "LEAD"
        else:
            kind = "PARAGRAPH"
        self._remember(joined)
        # 会议还研究了其他事项。 (matched on the shadow: 會議還研究了其他事項。 too) or a dateline
        # printed last ends the item: a short run after it is the next item's headline.
        if ended or terminal(joined_shadow):
            self.terminal_seen = True
        yield self._emit(kind, info)
        if tail is not None:
            yield tail
        return j


def lex(
    text: str,
    shadow: str,
    *,
    headings: frozenset[int] = frozenset(),
    hints: Sequence[Hints] | None = None,
) -> tuple[list[LineToken], list[Diagnostic]]:
    """Turn cleaned text into the grammar's tokens.

    Args:
        text: Cleaned text (original script).
        shadow: Its Simplified shadow, same length.
        headings: Line numbers that the source marked as headings (Word ``_Toc`` bookmarks).
        hints: Layout hints per line (``hints[N-1]`` for line N) from a structured reader;
            None for text, which has none (see :mod:`bulletins._hints`).

    Returns:
        The tokens in source order and the diagnostics the lexer raised.
    """
    raws: list[Raw] = []
    for number, (line, shadow_line) in enumerate(zip(text.split("\n"), shadow.split("\n"), strict=True), 1):
        stripped = line.strip()
        if not stripped:
            continue
        offset = line.index(stripped[0])
        shadow_stripped = shadow_line[offset : offset + len(stripped)]
        spans = segments(stripped)
        for k, (start, end) in enumerate(spans):
            raw = content_kind(stripped[start:end], shadow_stripped[start:end], number, number in headings)
            if len(spans) > 1:
                # Only the first paragraph of a packed line may be a headline, a dateline …; the
                # others are paragraphs or points, so that the text holders of the line keep
                # their order (text_holders sorts by line, then by kind of holder).
                if k and raw.kind not in {"para", "point"}:
                    raw = attrs.evolve(raw, kind="para", marker=None, dateline=None, credit=None)
                raw = attrs.evolve(raw, packed=k > 0, more=k < len(spans) - 1)
            raws.append(raw)
    if hints:
        raws = apply_hints(raws, hints)
    diagnostics: list[Diagnostic] = []
    tokens = list(_Context(raws, diagnostics).tokens())
    return tokens, diagnostics
