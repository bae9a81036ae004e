"""The labeller seam: where a learned line labeller sits (issue 16), and the line features it reads.

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
a kind: ``toc``, ``marker``, ``weak``). :func:`rules_only` is the labeller used by default: it
changes nothing, so the rules alone decide.

:class:`CrfLabeller` is the learned one: a linear-chain CRF over :func:`line_features` (the raw
kind, the terminal the context rules would give the line, length, punctuation, digits, position,
blank lines around, the reader's hints), trained by ``bench/train.py`` with python-crfsuite (the
``train`` extra) and run here in pure Python from its exported weights (forward-backward for the
marginals, no training extra needed). It is **not** the default: on leave-one-source-out it did
not beat the rules (docs/accuracy.md, "A learned line labeller"), so it ships as a tool for
``bench/train.py`` and for anyone who trains their own model, not in :func:`bulletins.parse`.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol

import attrs

from ..readers import Hints
from .lines import SHORT_DECK_MAX, Raw, is_short

LABELS = ("headline", "dateline", "byline", "credit", "point", "closing", "front", "body", "outside")
"""The line labels (bench/train.py derives them from the reading-made fixtures; docs/accuracy.md)."""


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


# --------------------------------------------------------------------------------------------
# Line features: generic properties of a line and its neighbours, never a corpus's wording.

_SENTENCE = re.compile("[。！？!?；;]")
_CLAUSE = re.compile("[，,、：:]")
_DIGIT = re.compile(r"[0-9０-９]")
_HAN_DIGIT = re.compile("[〇一二三四五六七八九十]")
_DATE = re.compile("[0-9０-９〇一二三四五六七八九十]+[年月日]")
_LATIN = re.compile("[A-Za-z]")


def _bucket(n: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _last_class(text: str) -> str:
    last = text[-1]
    if last in "。！？!?…":
        return "stop"
    if last in "，,、；;":
        return "comma"
    if last in "：:":
        return "colon"
    if last in '）)】」』”"':
        return "close"
    if last.isdigit():
        return "digit"
    if "\u4e00" <= last <= "\u9fff":
        return "han"
    return "other"


def _own(raw: Raw, hint: Hints | None) -> list[str]:
    text = raw.text
    feats = [
        f"kind={raw.kind}",
        f"len={_bucket(len(text), (2, 4, 8, 12, 16, 24, 32, 48, 64, SHORT_DECK_MAX))}",
        f"last={_last_class(text)}",
        f"first={'open' if text[0] in '（(【「《“' else 'dash' if text[0] in '—－-' else 'other'}",
        f"sent={min(len(_SENTENCE.findall(text)), 3)}",
        f"clause={min(len(_CLAUSE.findall(text)), 3)}",
    ]
    if is_short(text):
        feats.append("short")
    if _DIGIT.search(text):
        feats.append("digit")
    if _HAN_DIGIT.search(text):
        feats.append("handigit")
    if _DATE.search(text):
        feats.append("date")
    if _LATIN.search(text):
        feats.append("latin")
    if " " in text or "\u3000" in text:
        feats.append("space")
    for flag in ("toc", "weak", "packed", "indented"):
        if getattr(raw, flag):
            feats.append(flag)
    if raw.marker is not None:
        feats.append("marker")
    if hint is not None:
        if hint.align is not None:
            feats.append(f"align={hint.align}")
        if hint.bold:
            feats.append("bold")
        if hint.heading is not None:
            feats.append(f"heading={min(hint.heading, 4)}")
        if hint.list_level is not None:
            feats.append("list")
        if hint.font_size is not None:
            feats.append(f"font={_bucket(int(hint.font_size), (10, 12, 14, 16, 20))}")
    return feats


def line_features(raws: Sequence[Raw], hints: Sequence[Hints] | None, terminals: Sequence[str]) -> list[list[str]]:
    """The features of every raw line: its own, its neighbours' kinds and the rules' decisions.

    Args:
        raws: The raw lines of one text (after the hints).
        hints: The reader's hints per source line, or None.
        terminals: The terminal the context rules give each raw line (``HEADLINE_START``,
            ``PARAGRAPH`` …; empty when they give none), parallel to *raws*.
    """
    n = len(raws)
    own = []
    for raw in raws:
        hint = hints[raw.number - 1] if hints and raw.number <= len(hints) else None
        own.append(_own(raw, hint))
    out = []
    for k, raw in enumerate(raws):
        feats = list(own[k])
        feats.append(f"rule={terminals[k]}")
        feats.append(f"pos={_bucket(k, (0, 1, 2, 3, 5, 9))}")
        feats.append(f"tail={_bucket(n - 1 - k, (0, 1, 2, 4))}")
        feats.append(f"rel={10 * k // max(n, 1)}")
        before = raw.number - raws[k - 1].number if k else raw.number
        after = raws[k + 1].number - raw.number if k + 1 < n else 2
        feats.append(f"gap_before={min(before, 3)}")
        feats.append(f"gap_after={min(after, 3)}")
        for d in (-2, -1, 1, 2):
            j = k + d
            if 0 <= j < n:
                feats.append(f"{d}:kind={raws[j].kind}")
                feats.append(f"{d}:rule={terminals[j]}")
                if d in (-1, 1):
                    feats.append(f"{d}:len={_bucket(len(raws[j].text), (8, 16, 32, 64))}")
            else:
                feats.append(f"{d}:none")
        feats.append(f"kind+rule={raw.kind}+{terminals[k]}")
        out.append(feats)
    return out


def rule_terminals(raws: list[Raw]) -> list[str]:
    """The terminal the context rules give each raw line (its first token's), as if no labeller ran."""
    from .ruler import RULER

    tokens = RULER.run(raws, [])
    first: dict[int, str] = {}
    for made in tokens:
        for number in range(made.info.first, made.info.last + 1):
            first.setdefault(number, made.type)
    return [first.get(raw.number, "") for raw in raws]


# --------------------------------------------------------------------------------------------
# The CRF's runtime: exported weights, forward-backward in pure Python.


@attrs.frozen
class CrfModel:
    """A linear-chain CRF's weights as python-crfsuite exports them (bench/train.py writes the JSON)."""

    labels: tuple[str, ...]
    state: Mapping[str, Mapping[int, float]]
    """Feature → label index → weight."""
    transitions: tuple[tuple[float, ...], ...]
    """``transitions[i][j]``: the weight of label j following label i."""

    @classmethod
    def load(cls, path: str | Path) -> CrfModel:
        """Read a model written by ``bench/train.py``."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        labels = tuple(data["labels"])
        state = {f: {int(k): float(w) for k, w in row.items()} for f, row in data["state"].items()}
        return cls(labels, state, tuple(tuple(float(w) for w in row) for row in data["transitions"]))

    def marginals(self, features: Sequence[Sequence[str]]) -> list[list[float]]:
        """Each line's probability of each label (forward-backward in log space)."""
        if not features:
            return []
        size = len(self.labels)
        scores = []
        for feats in features:
            row = [0.0] * size
            for f in feats:
                weights = self.state.get(f)
                if weights:
                    for j, w in weights.items():
                        row[j] += w
            scores.append(row)
        trans = self.transitions
        alpha = [scores[0][:]]
        for t in range(1, len(scores)):
            prev = alpha[-1]
            alpha.append([scores[t][j] + _logsumexp([prev[i] + trans[i][j] for i in range(size)]) for j in range(size)])
        beta = [[0.0] * size for _ in scores]
        for t in range(len(scores) - 2, -1, -1):
            nxt = beta[t + 1]
            beta[t] = [_logsumexp([trans[i][j] + scores[t + 1][j] + nxt[j] for j in range(size)]) for i in range(size)]
        z = _logsumexp(alpha[-1])
        return [[math.exp(a + b - z) for a, b in zip(alpha[t], beta[t], strict=True)] for t in range(len(scores))]


def _logsumexp(values: Sequence[float]) -> float:
    top = max(values)
    return top + math.log(sum(math.exp(v - top) for v in values))


@attrs.frozen
class CrfLabeller:
    """A learned labeller: relabels only where the CRF is sure and the rules' reading is the ambiguous one.

    * a ``short`` line (a headline candidate) the CRF reads as body text with probability ≥
      *threshold* becomes ``para`` (the context rules then cannot open a headline on it);
    * a ``para`` line short enough to be a title that the CRF reads as a headline line with
      probability ≥ *threshold* becomes ``short`` (the short-run rule then decides, in context).

    Every other decision (datelines, markers, credits, notice elements, front matter) stays with
    the rules.
    """

    model: CrfModel
    threshold: float = 0.9

    def __call__(self, raws: list[Raw], hints: Sequence[Hints] | None) -> list[Raw]:
        """Relabel *raws* (see the class docstring)."""
        if not raws:
            return raws
        features = line_features(raws, hints, rule_terminals(raws))
        probs = self.model.marginals(features)
        labels = self.model.labels
        body, headline = labels.index("body"), labels.index("headline")
        out = list(raws)
        for k, raw in enumerate(raws):
            p = probs[k]
            if raw.kind == "short" and p[body] >= self.threshold:
                out[k] = attrs.evolve(raw, kind="para")
            elif raw.kind == "para" and p[headline] >= self.threshold and len(raw.text) <= SHORT_DECK_MAX:
                out[k] = attrs.evolve(raw, kind="short")
        return out
