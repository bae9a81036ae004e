"""Build the Lark parser once: the only module that knows Lark's options.

The grammar ships as package data (``bulletins/grammars/bulletin.lark`` in the wheel;
``grammars/bulletin.lark`` at the top of a source checkout). The parser is LALR with
``strict=True`` so any conflict in the grammar is an error at load time, and it runs the
transformer during parsing, so no parse tree is ever built.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from lark import Lark, Token
from lark.common import LexerConf
from lark.lexer import Lexer

GRAMMAR_NAME = "bulletin.lark"


class _TokenList(Lexer):
    """A Lark lexer that passes on tokens made by :mod:`bulletins.lexing`."""

    def __init__(self, lexer_conf: LexerConf) -> None:
        pass

    def lex(self, data: Any) -> Iterator[Token]:  # type: ignore[override]
        """Yield the tokens handed to ``parse`` unchanged."""
        yield from data


def grammar_text() -> str:
    """Return the text of ``bulletin.lark`` (package data, or the source tree's copy)."""
    packaged = resources.files("bulletins").joinpath("grammars").joinpath(GRAMMAR_NAME)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    # Editable/source checkout: grammars/ sits at the top of the repository.
    source_tree = Path(__file__).resolve().parents[2] / "grammars" / GRAMMAR_NAME
    return source_tree.read_text(encoding="utf-8")


@functools.cache
def parser() -> Lark:
    """Return the shared LALR parser, transformer attached (built on first use)."""
    from .build import BulletinTransformer

    return Lark(
        grammar_text(),
        parser="lalr",
        lexer=_TokenList,
        strict=True,
        transformer=BulletinTransformer(),
        maybe_placeholders=False,
        # The LALR analysis takes ~2 s; Lark caches it in the temp directory, keyed by the
        # grammar and options, so later processes (CLI runs, pool workers) start at once.
        cache=True,
    )
