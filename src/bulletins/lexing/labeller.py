"""The labeller seam: where a learned line labeller will sit (issue 16). No model is here yet.

The lexing stage decides what each line is in two kinds of step: rules that read a line's own
text and its reader's hints (:mod:`~bulletins.lexing.kinds`, :mod:`~bulletins.lexing.hints`,
:mod:`~bulletins.lexing.rules.indent`) and context rules that read the lines around it
(:mod:`~bulletins.lexing.ruler`). A labeller sits between them: :func:`bulletins.lexing.lex` hands
it every raw line with its raw kind and the reader's hints, and it returns the lines with the
raw kinds it would give them. Its job is the ambiguous reading — is a short line a headline, a
subhead, front matter, a credit, a closing or a paragraph — while the context rules after it
still keep the hard constraints (datelines, point markers, GB/T 9704 elements).

A labeller must keep every line, in order, with its number and text (nothing is lost: the raw
line's text is what the tokens are cut from); it may change ``kind`` (and the fields that go with
a kind: ``toc``, ``marker``, ``weak``). :func:`rules_only` is the labeller used today: it changes
nothing, so the rules alone decide.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from ..readers import Hints
from .lines import Raw


class Labeller(Protocol):
    """Relabel raw lines between the raw-kind pass (with hints) and the context rules."""

    def __call__(self, raws: list[Raw], hints: Sequence[Hints] | None) -> list[Raw]:
        """Return *raws* (same lines, same order) with the raw kinds the labeller gives them.

        Args:
            raws: The raw lines of one text, as the raw-kind pass and the hints left them.
            hints: The reader's layout hints per line (``hints[N-1]`` for line N), or None for text.
        """
        ...


def rules_only(raws: list[Raw], hints: Sequence[Hints] | None) -> list[Raw]:
    """The labeller of a rules-only lexer: every raw kind stays as the rules gave it."""
    return raws
