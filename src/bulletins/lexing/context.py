"""The state every context rule reads and changes: the bulletin being built, and the tokens so far."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Diagnostic
from .lines import Raw
from .tokens import LineInfo, LineToken, token

# Terminals that stand right under a headline (what a dateline, a byline or a headnote may follow).
UNDER_HEADLINE = frozenset({"HEADLINE_START", "HEADLINE_LINE", "HEAD_NOTE"})
HEADLINE = frozenset({"HEADLINE_START", "HEADLINE_LINE"})
# （此件公开发布）, （联系人：…）: a parenthesised note.
NOTE = re.compile(r"^[（(][^（）()]{2,60}[）)]$")
# A table is set into the text as a picture is: what was printed before it is still the last terminal
# (after a 落款, an annex's tables leave the bulletin after its closing).
# A page's own residue: navigation, hidden text, pictures (what a web page prints around its article).
PAGE_RESIDUE = frozenset({"NAV", "NOISE", "IMAGE"})
_RESIDUE = frozenset({"IMAGE", "NAV", "FRONT_NAV", "SECTION", "NOISE", "CAPTION", "CREDIT", "TABLE"})
_PARAGRAPHS = frozenset({"PARAGRAPH", "POINT", "LEAD", "LEAD_POINT", "HEAD_NOTE"})
# Page furniture (hidden) and an annex label (附件1.) may follow the 落款: GB/T 9704-2012 §7.3.6
# prints annexes after it (gov.cn row44, formats/pdf-text hfut).
_AFTER_CLOSING_DATE = frozenset(
    {"short", "image", "nav", "byline", "credit", "trailing_dateline", "hidden", "attachment", "cc", "imprint"}
)
_INTRO_MAX = 4


class Context:
    """The lexer's second pass over the raw lines: its state, and the tokens it has emitted."""

    def __init__(self, raws: Sequence[Raw], diagnostics: list[Diagnostic]):
        """Start before the first of *raws*, outside any bulletin; rules append to *diagnostics*."""
        self.raws = raws
        self.diagnostics = diagnostics
        self.out: list[LineToken] = []
        self.in_bulletin = False
        self.last = ""  # last terminal emitted, residue aside
        self.terminal_seen = False  # the current item's body has ended (a terminal formula, a closing …)
        self.numbers: dict[str, int] = {}  # last number of each point style in this bulletin
        self.recent: list[str] = []  # the last paragraphs, for repeated layout fragments
        self.seen: set[str] = set()  # every paragraph of this bulletin
        self.has_dateline = False
        self.led = False  # the bulletin has read its own lede (a dated readout opening, or a headless lead)
        self.subheads = 0  # subheads (小标题, box labels) of the current bulletin so far: a feature's body
        self.brief_column = False  # inside a column of briefs (国内联播快讯, 新闻速递)
        self.paragraphs = 0  # paragraphs of the current bulletin so far
        self.sectioned = False  # the bulletin is a page-wide feature cut into signed sections
        # Official documents (lexing/rules/contents.py, laws.py): the headings a 目录 listed, keyed
        # without spaces (they title parts of the same document), and an order (…令 / 第N号) whose
        # signature is printed above the regulation it promulgates.
        self.contents: set[str] = set()
        self.order = ""  # "head": an order above its regulation's title; "inline": under a law's title
        self.headline_key = ""  # the bulletin's headline, spaces removed (a title printed twice)
        # After the 落款: "issued" inside the document a 印发 notice issues, "annex" inside an annex.
        self.issued = ""
        self.notes = False  # under a 注释： label: numbered lines are notes, not points
        self.list_end = -1  # the source line of the last item of a list printed one item a line

    def open_bulletin(self) -> None:
        """Start a new bulletin: forget the state of the last one."""
        self.has_dateline = False
        self.led = False
        self.subheads = 0
        self.paragraphs = 0
        self.sectioned = False
        self.contents = set()
        self.order = ""
        self.headline_key = ""
        self.issued = ""
        self.notes = False
        self.in_bulletin = True
        self.terminal_seen = False
        self.numbers = {}
        self.recent = []
        self.seen = set()

    def residue_tail(self) -> int:
        """Where the page residue (NAV, NOISE, IMAGE) emitted since the last terminal starts in :attr:`out`."""
        k = len(self.out)
        while k and self.out[k - 1].type in PAGE_RESIDUE:
            k -= 1
        return k

    def peek(self, i: int) -> Raw | None:
        """The raw line at *i*, or None past the end."""
        return self.raws[i] if i < len(self.raws) else None

    def emit(self, kind: str, info: LineInfo) -> None:
        """Append a token; residue does not count as the last terminal."""
        if kind not in _RESIDUE:
            self.last = kind
        if kind in _PARAGRAPHS:
            self.paragraphs += 1
        elif kind == "SUBHEAD":
            self.subheads += 1
        self.out.append(token(kind, info))

    def emit_line(self, kind: str, i: int) -> int:
        """Emit raw line *i* whole as one token of *kind*; return the index after it."""
        raw = self.raws[i]
        self.emit(kind, LineInfo(first=raw.number, last=raw.number, text=raw.text))
        return i + 1

    def after_closing(self) -> bool:
        """The bulletin's closing (or a notice element after it) was the last thing emitted."""
        return self.last in {"CLOSING_DATE", "NOTE", "CC", "IMPRINT", "ATTACHMENT"} and self.terminal_seen

    def closing_date_here(self, i: int) -> bool:
        """A date at *i* that ends the bulletin: the closing's date.

        党委办公室 / 2020年2月9日 at the end of a notice (seed 002): a date alone on its line,
        followed by nothing or by the next bulletin's headline.
        """
        # A date straight under the title ends nothing: no body has been read (a press conference's
        # 2012年6月24日 over its speaker and 女士们、先生们：,
        # formats/html-pages/gne_cmse_xinwenfabuhui-2012-06-24.html).
        if not self.in_bulletin or self.last in HEADLINE:
            return False
        after = self.peek(i + 1)
        # A credit or a dateline printed last may follow it (rmrb/2020-05/20200528-06-03.txt).
        # …or a parenthesised remark, set as body text by the page: gov.cn's （本文有删减） under the
        # 落款 (govcn-html row51 lines 8–10).
        if after is not None and after.kind == "table_row" and i and self.raws[i - 1].kind in {"short", "byline"}:
            # A 版记 set in a table under the issuer and the date (formats/pdf-text/
            # hushengjie_ncepu-huadiankongji-2019-7_… lines 19–21); a date between a form's rows is no 落款.
            return True
        return after is None or after.kind in _AFTER_CLOSING_DATE or after.toc or NOTE.match(after.shadow) is not None

    def speech_follows(self, i: int) -> bool:
        """A speaker's line or a salutation follows line *i*."""
        after = self.peek(i + 1)
        return after is not None and after.kind in {"byline", "salutation"}

    def sections_a_page(self, *, contributed: bool = False) -> bool:
        """A titled, signed section of one page-wide feature, not a new article.

        人民眼 and 国际 pages print a headline, a short introduction, then sections each with its
        own title and writer (rmrb/2020-02/20200219-11-01.txt: six 本报记者 sections under
        白衣战士赤子心 八方驰援抗疫情; rmrb/2020-05/20200511-17-01.txt): a title and a byline
        after at most four paragraphs of an undated bulletin, or after an earlier section. A
        long story before it (seed 003's feature, then 本报评论员's commentary) is finished, and a
        collective signature (本报评论员) always signs an article of its own. A *contributed* section
        (its writer's line names a foreign contributor's country) may follow a story of any length.
        """
        if not self.in_bulletin or self.terminal_seen or self.has_dateline:
            return False
        return contributed or self.sectioned or 0 < self.paragraphs <= _INTRO_MAX
