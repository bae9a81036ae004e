"""The grammar's line tokens: one per line (or line fragment), carrying what the lexer read."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
from attrs import frozen
from lark import Token

from ..analyze.datelines import DatelineMatch
from ..analyze.markers import Marker
from ..readers import CellShape

if TYPE_CHECKING:
    from .rules.credits import CreditMatch


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
    cells: tuple[tuple[CellShape, ...], ...] = ()
    """For TABLE tokens: each row's cell shapes, in the order of ``parts``."""


class LineToken(Token):
    """A Lark token carrying a :class:`LineInfo`."""

    __slots__ = ("info",)
    info: LineInfo


def token(kind: str, info: LineInfo) -> LineToken:
    """A token of terminal *kind* for *info*."""
    made = LineToken(kind, info.text, line=info.first, end_line=info.last)
    made.info = info
    return made


def retyped(made: LineToken, kind: str) -> LineToken:
    """Return *made* as a token of another kind (the parser's recovery), text and lines kept."""
    info = made.info
    if kind in {"PARAGRAPH", "LEAD"}:
        info = attrs.evolve(info, marker=None, dateline=None)
    return token(kind, info)
