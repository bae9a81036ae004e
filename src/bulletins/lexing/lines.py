"""A line as the lexing stage passes it from step to step, and the length test they share.

:class:`Raw` is one non-blank line (or one paragraph of a packed line) with the *raw kind* the
raw-kind pass (:mod:`bulletins.lexing.kinds`) gave it from its own text; the hints, the layout
rules and the context rules (:mod:`bulletins.lexing.rules`) read and change it before the
:class:`~bulletins.lexing.ruler.Ruler` turns it into the grammar's tokens. :func:`is_short` — can
this line be a headline line? — is asked by the raw-kind pass and by the context rules alike.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from attrs import frozen

from .._text import SENTENCE_PUNCT, ends_complete

if TYPE_CHECKING:
    from ..analyze.datelines import DatelineMatch
    from ..analyze.markers import Marker
    from ..readers import CellShape
    from .rules.credits import CreditMatch

SHORT_MAX = 64
"""Longest line (in characters) with clause punctuation that can be a headline line."""
SHORT_DECK_MAX = 100
"""Longest line without any clause punctuation that can be a headline line (a deck on one line)."""


@frozen(kw_only=True)
class Raw:
    """One non-blank line (or one paragraph of a packed line) and what the lexing steps read from it."""

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
    """A paragraph after the first of a line that packs several (see :func:`bulletins.lexing.rules.packed.segments`)."""
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
    """A line that can be a headline line: short, no sentence punctuation, not ending a sentence or clause."""
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
