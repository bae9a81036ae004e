"""The Ruler: the context rules, in the order they are tried — what each line of a notice is.

The raw-kind pass gives every line a *raw kind* from its own text alone
(:mod:`bulletins.lexing.kinds`); the context rules, one small function per decision in the concern
modules of :mod:`bulletins.lexing.rules`, turn raw kinds into the grammar's terminals by looking at
the lines around them and at the bulletin being built (:class:`~bulletins.lexing.context.Context`).
It is shaped after markdown-it-py's ``rules_block`` and its ``Ruler``: each rule has a docstring
naming its evidence, and they run in the order :data:`RULES` declares. For each line the
:class:`Ruler` tries, in that order, the rules that look at the line's raw kind; the first that
takes it emits its tokens and says where the next line starts. ``body text`` takes whatever
no earlier rule did.

To find the rule that decided a line, run ``bulletins.explain(data)`` (``bulletins explain
FILE`` on the command line); every rule has a table of real corpus lines it must take, and
look-alikes it must leave, in ``tests/test_rules.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from attrs import frozen

from ..model import Diagnostic
from .context import Context
from .lines import Raw
from .rules import (
    captions,
    chrome,
    contents,
    credits,
    datelines,
    headnotes,
    laws,
    notices,
    paragraphs,
    runs,
    speech,
    tables,
)
from .tokens import LineToken

Apply = Callable[[Context, int], "int | None"]


@frozen
class Rule:
    """One named decision of the context pass."""

    name: str
    """What the rule decides, as ``explain`` reports it."""
    kinds: frozenset[str] | None
    """The raw kinds of line it looks at; None for every kind."""
    apply: Apply
    """Emit the tokens of the line(s) from index *i* and return the next index, or None to pass."""

    @property
    def doc(self) -> str:
        """The rule's evidence, from its docstring."""
        return (self.apply.__doc__ or "").strip()


def _kinds(*names: str) -> frozenset[str]:
    return frozenset(names)


# The declared order: earlier rules win. Each rule's own module says where its evidence comes from.
RULES: tuple[Rule, ...] = (
    Rule("table", _kinds("table_row"), tables.table),
    Rule("table note", _kinds("para", "short", "lead", "point"), tables.table_note),
    Rule("contents", _kinds("short", "para", "subhead"), contents.contents),
    Rule("table of contents", _kinds("point"), contents.table_of_contents),
    Rule("speech front metadata", _kinds("nav", "short", "para"), speech.front_metadata),
    Rule("residue line", _kinds("image", "nav", "section"), chrome.residue_line),
    Rule("page trail", _kinds("short", "para"), chrome.page_trail),
    Rule("web print title", _kinds("short", "para", "masthead", "doc_number"), chrome.web_print_title),
    Rule("note after closing", None, notices.note_after_closing),
    Rule("order", _kinds("short", "para"), laws.order),
    Rule("order text", _kinds("para"), laws.order_text),
    Rule("notice header", _kinds("masthead", "doc_number"), notices.notice_header),
    Rule("notice element", _kinds("attachment", "cc", "imprint"), notices.notice_element),
    Rule("addressee", _kinds("para"), notices.addressee),
    Rule("trailing dateline", _kinds("trailing_dateline"), datelines.trailing_dateline),
    Rule("credit", _kinds("credit"), credits.credit),
    Rule("adoption note", _kinds("short", "para"), laws.adoption_note),
    Rule("communique head", _kinds("short", "byline"), laws.communique_head),
    Rule("repeated closing", _kinds("short", "byline"), laws.repeated_closing),
    Rule("issued document", _kinds("point"), laws.issued_point),
    Rule("stat callout", _kinds("short", "para"), headnotes.stat_box),
    Rule("headnotes", None, headnotes.head_notes),
    Rule("box label", _kinds("short", "para"), headnotes.box_label),
    Rule("figure in front matter", _kinds("caption"), speech.front_figure),
    Rule("caption in front matter", _kinds("short"), speech.front_caption_line),
    Rule("weak caption", _kinds("caption"), captions.weak_caption),
    Rule("caption", _kinds("caption"), captions.caption),
    Rule("dateline printed last", _kinds("dateline"), datelines.last_dateline),
    Rule("dateline", _kinds("dateline"), datelines.dateline),
    Rule("document date", _kinds("speech_date", "date_only"), headnotes.document_date),
    Rule("speech date", _kinds("speech_date", "date_only"), speech.speech_date),
    Rule("salutation", _kinds("salutation"), speech.salutation),
    Rule("salutation over lines", _kinds("short", "para"), speech.salutation_over_lines),
    Rule("speaker office", _kinds("short"), speech.speaker_office),
    Rule("byline", _kinds("byline"), speech.byline),
    Rule("order date", _kinds("date_only"), laws.order_date),
    Rule("closing date", _kinds("date_only"), notices.closing_date),
    Rule("hidden text", _kinds("hidden"), chrome.hidden_text),
    Rule("marked subhead", _kinds("subhead"), runs.marked_subhead),
    Rule("part number", _kinds("short"), paragraphs.bare_numeral),
    Rule("short run", _kinds("short", "byline", "subhead"), runs.short_lines),
    Rule("body text", None, paragraphs.body_text),
)


class Ruler:
    """Run :data:`RULES` over raw lines, in order.

    one chain of rules per raw kind (markdown-it's "alt" chains), so that a line is offered only
    to the rules that look at its kind.
    """

    def __init__(self, rules: Sequence[Rule] = RULES) -> None:
        """Run *rules*, in the order given."""
        self.rules = tuple(rules)
        self._chains: dict[str, tuple[Rule, ...]] = {}

    def chain(self, kind: str) -> tuple[Rule, ...]:
        """The rules, in order, that look at lines of raw *kind*."""
        found = self._chains.get(kind)
        if found is None:
            found = self._chains[kind] = tuple(r for r in self.rules if r.kinds is None or kind in r.kinds)
        return found

    def run(
        self, raws: Sequence[Raw], diagnostics: list[Diagnostic], trace: list[tuple[int, str]] | None = None
    ) -> list[LineToken]:
        """Return the tokens of *raws*; *trace* (when given) receives ``(line, rule name)`` per line taken."""
        ctx = Context(raws, diagnostics)
        i = 0
        while i < len(raws):
            for rule in self.chain(raws[i].kind):
                nxt = rule.apply(ctx, i)
                if nxt is not None:
                    if trace is not None:
                        trace.extend((raw.number, rule.name) for raw in raws[i:nxt])
                    i = nxt
                    break
            else:  # pragma: no cover - body text takes every line
                raise AssertionError(f"no rule took line {raws[i].number}")
        return ctx.out


RULER = Ruler()


__all__ = ["RULER", "RULES", "Context", "Rule", "Ruler"]
