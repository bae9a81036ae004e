"""How sure the parser is of each bulletin and of its headline, dateline, attendee groups, points and closing.

Every bulletin, and each of those parts, carries ``confidence`` in [0, 1]: the probability that
it is right, from a small logistic regression over the rules' own evidence — which context rule
decided the bulletin's lines (:mod:`bulletins.lexing.ruler`; a line the parser had to recover is
weak evidence), the bulletin's shape (genre, length, how many bulletins share the file, what it
holds), and the part's own shape (a headline's lines, a point's place in its run, a closing's
issuer and date). The weights are package data (``confidence.json``), trained and calibrated by
``bench/train.py confidence --write`` on the reading-made fixtures, leave-one-source-out
(docs/accuracy.md, "Confidence"); this runtime is pure Python.

A bulletin's confidence is the probability that it is *fully right*: it pairs with a bulletin
of the fixture (line overlap) and every scored field of it — headline, dateline, byline,
credits, attendees, points, closing, speech — matches the fixture. A part's confidence is the
probability that the part itself matches. ``bulletins parse --review-below 0.8`` lists the files
holding a bulletin below 0.8, the review page (``--to html``) sorts and flags them.
"""

from __future__ import annotations

import bisect
import functools
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from typing import Any

import attrs

from ._text import SENTENCE
from .model import AttendeeGroup, Bulletin, Closing, Dateline, Document, Headline, Point, iter_blocks

PARTS = ("bulletin", "headline", "dateline", "attendees", "points", "closing")
"""The models: one per thing that carries a confidence."""

_GENRES = ("dispatch", "notice", "readout", "speech", "digest", "article", "unknown")
_ROUND = 4


def _log(n: float) -> float:
    return math.log1p(max(n, 0.0))


@attrs.frozen
class Evidence:
    """What the lexing stage saw, beyond the built document: the rule that decided each line."""

    rules: Mapping[int, str] = attrs.field(factory=dict)
    """Source line → the context rule that took it (``bulletins.explain``'s names)."""

    @classmethod
    def from_trace(cls, trace: Iterable[tuple[int, str]]) -> Evidence:
        """Evidence from the lexer's trace (``(line, rule)`` pairs; the first rule per line counts)."""
        rules: dict[int, str] = {}
        for line, name in trace:
            rules.setdefault(line, name)
        return cls(rules)


def bulletin_features(document: Document, index: int, evidence: Evidence) -> dict[str, float]:
    """The features of the bulletin at *index* of *document* (names → values).

    What the bulletin holds and how long it is, its genre, and the lines the parser had to
    recover or leave as residue inside it. Deliberately left out (leave-one-source-out showed
    them to tell sources apart rather than right from wrong: docs/accuracy.md): how many
    bulletins the file holds, whether the input was structured, each context rule's share of
    the lines.
    """
    b = document.bulletins[index]
    first, last = b.lines
    f: dict[str, float] = {f"genre={b.genre}": 1.0} if b.genre in _GENRES else {}
    f["lines"] = _log(sum(1 for k in range(first, last + 1) if k in evidence.rules))  # the bulletin's own lines
    f["span"] = _log(last - first + 1)
    blocks = list(iter_blocks(b.body))
    points = [p for p in blocks if isinstance(p, Point)]
    f["blocks"] = _log(len(blocks))
    f["points"] = _log(len(points))
    f["point_styles"] = float(len({p.style for p in points}))
    f["headline"] = float(b.headline is not None)
    f["headline_lines"] = float(len(b.headline.lines)) if b.headline else 0.0
    f["dateline"] = float(b.dateline is not None)
    f["trailing"] = float(b.dateline is not None and b.dateline.trailing)
    f["byline"] = _log(len(b.byline))
    f["credits"] = _log(len(b.credits))
    f["attendees"] = _log(sum(len(g.names) for g in b.attendees))
    f["closing"] = float(b.closing is not None)
    f["speech"] = float(b.speech is not None)
    f["notice"] = _log(len(b.notice_elements))
    where = _where(document)
    f["residue_inside"] = _log(where.count("residue", first, last))
    f["recovered"] = _log(where.count("recovered", first, last))
    f["warnings"] = _log(where.count("warnings", first, last))
    doubts = _doubts(b, blocks, where, evidence)
    f["doubts"] = float(len(doubts))
    f.update((f"doubt={name}", 1.0) for name in doubts)
    return f


DOUBTS = (
    "unread-credit",
    "unread-salutation",
    "unread-enumeration",
    "unread-attendance",
    "odd-attendee",
    "headless",
    "wrapped",
    "marked-subhead",
    "caption",
    "residue-line",
)
"""Signs that the rules saw something in a bulletin and did not take it, or took it on weak evidence
(:func:`_doubts`). A bulletin's features hold each sign it shows and how many: the count carries one
weight shared by every sign, so a sign met in one source only still counts when that source is left out."""

# Each pattern lists the Traditional forms beside the Simplified ones: no script conversion here.
_CREDIT_LABELS = (
    "摄影 攝影 图片 圖片 制图 製圖 责编 責編 责任编辑 責任編輯 编辑 編輯 出处 出處 来源 來源 作者 记者 記者 撰文"
)
# A credit word and its colon, a parenthesised credit, or a reporter's line. Every alternative starts
# with a literal character, so the regex engine skips in C to the next position that can start one
# (an alternative that started with a group made it try each alternative at every position: the
# doubts were a tenth of the parse's instructions).
_CREDIT_WORDS = re.compile(
    "|".join(rf"{word}\s*[：:／/|]" for word in _CREDIT_LABELS.split())
    + "|"
    + "|".join(rf"{re.escape(paren)}(?:摄影|攝影|记者|記者|图|圖)" for paren in "（(")
    + "|本报记者|本報記者|新华社记者|新華社記者"
)
_SALUTATION = re.compile(
    r"(?:尊敬的|各位|同志[们們]|朋友[们們]|女士[们們]|先生[们們]|同胞[们們]|代表[们們])[^。！？!?]{0,80}[：:]"
)
_ENUMERATOR_MARK = r"(?:第[一二三四五六七八九十]+[，、,]|[一二三四五六七八九十]+是|[一二三四五六七八九十]+、)"
# An enumerator opens the text or follows a sentence end or a space. Two patterns instead of one
# (?:^|[。…\s]) alternation: a pattern that starts with a character class lets the regex engine skip
# to the next candidate character in C, where the alternation tried every position (the doubts were
# a tenth of the parse's instructions). The counts are the same: no enumerator holds a delimiter.
_ENUMERATOR_HEAD = re.compile(_ENUMERATOR_MARK)
_ENUMERATOR = re.compile(r"[。；！？\s]" + _ENUMERATOR_MARK)
_ATTENDANCE = re.compile(r"出席|列席|参加|參加|陪同|主持|与会|與會")
_ODD_NAME = re.compile(r"[是的在了和与與及说說称稱则則批评評周年月日]$|^(?:先生|女士|周[一二三四五六日])$")
_HEAD_TEXT = 2000
"""Characters of the bulletin's text searched for an unread salutation (front matter is at its head)."""


def _doubts(b: Bulletin, blocks: Sequence[Any], where: _Lines, evidence: Evidence) -> list[str]:
    """The signs of :data:`DOUBTS` the bulletin shows (each once), in that order.

    ``unread-credit``: a credit word with its colon (摄影：, 责编：, 本报记者) left in a body block;
    ``unread-salutation``: a salutation line (各位代表：) near the head and no speech salutation read;
    ``unread-enumeration``: more enumerators in the text (第一，, 一是, 二、) than points taken;
    ``unread-attendance``: a sentence with an attendance verb (出席, 参加, 主持) that no attendee
    group was read from; ``odd-attendee``: an attendee name shaped like a clause (ends in 是, 则, 日;
    five characters or more with no ·) or a word (先生, 周三); ``headless``, ``wrapped``: the lexer's
    ``headless-bulletin`` and ``wrapped-paragraph`` diagnostics inside the bulletin;
    ``marked-subhead``, ``caption``, ``residue-line``: a line decided by that context rule.
    """
    first, last = b.lines
    texts = [getattr(x, "text", "") or "" for x in blocks]
    body = "\n".join(texts)
    points = [x for x in blocks if isinstance(x, Point)]
    prose = [t for x, t in zip(blocks, texts, strict=True) if not isinstance(x, Point)]
    rules = {evidence.rules.get(k) for k in range(first, last + 1)} if evidence.rules else set()
    found = {
        "unread-credit": any(_CREDIT_WORDS.search(t) for t in prose),
        "unread-salutation": (b.speech is None or b.speech.salutation is None)
        and _SALUTATION.search(body[:_HEAD_TEXT]) is not None,
        "unread-enumeration": _enumerators(body) > len(points),
        "unread-attendance": _unread_attendance(b, texts),
        "odd-attendee": any(
            _ODD_NAME.search(n) or (len(n) > 4 and "·" not in n and "・" not in n) for g in b.attendees for n in g.names
        ),
        "headless": where.count("headless", first, last) > 0,
        "wrapped": where.count("wrapped", first, last) > 0,
        "marked-subhead": "marked subhead" in rules,
        "caption": "caption" in rules,
        "residue-line": "residue line" in rules,
    }
    return [name for name in DOUBTS if found[name]]


def _enumerators(text: str) -> int:
    """How many enumerators (第一，一是, 二、) open *text* or follow a sentence end or a space."""
    return len(_ENUMERATOR.findall(text)) + (_ENUMERATOR_HEAD.match(text) is not None)


def _unread_attendance(b: Bulletin, texts: Sequence[str]) -> bool:
    """A sentence of the headline or a body block holds an attendance verb and no attendee group was read from it."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for g in b.attendees:
        for w in (g.where, *g.decks):
            if w is not None:
                spans.setdefault(w.block, []).append((w.start, w.end))
    named = [("headline", "\n".join(b.headline.lines) if b.headline else "")]
    named += [(f"body/{n}", t) for n, t in enumerate(texts)]
    for name, text in named:
        if not _ATTENDANCE.search(text):
            continue
        taken = spans.get(name, ())
        for m in SENTENCE.finditer(text):
            if _ATTENDANCE.search(m.group(0)) and not any(s < m.end() and m.start() < e for s, e in taken):
                return True
    return False


@attrs.frozen
class _Lines:
    """Sorted line numbers of a document's residue and diagnostics: counts in a range by bisection (linear overall)."""

    lines: Mapping[str, Sequence[int]]

    def count(self, kind: str, first: int, last: int) -> int:
        found = self.lines[kind]
        return bisect.bisect_right(found, last) - bisect.bisect_left(found, first)


_WHERE: dict[int, tuple[Document, _Lines]] = {}


def _where(document: Document) -> _Lines:
    """The document's sorted residue and diagnostic lines, computed once per document."""
    cached = _WHERE.get(id(document))
    if cached is not None and cached[0] is document:
        return cached[1]
    made = _Lines(
        {
            "residue": sorted(r.lines[0] for r in document.residue),
            "recovered": sorted(d.line for d in document.diagnostics if d.code == "recovered-line" and d.line),
            "warnings": sorted(d.line for d in document.diagnostics if d.line),
            "headless": sorted(d.line for d in document.diagnostics if d.code == "headless-bulletin" and d.line),
            "wrapped": sorted(d.line for d in document.diagnostics if d.code == "wrapped-paragraph" and d.line),
        }
    )
    _WHERE.clear()  # one document at a time: never a growing cache
    _WHERE[id(document)] = (document, made)
    return made


def _headline_features(h: Headline, evidence: Evidence) -> dict[str, float]:
    f = {
        "h:lines": float(len(h.lines)),
        "h:chars": _log(sum(len(x) for x in h.lines)),
        "h:kicker": float(h.kicker is not None),
        "h:subtitles": float(len(h.subtitles)),
    }
    if h.line_numbers:
        f[f"h:rule={evidence.rules.get(h.line_numbers[0], '')}"] = 1.0
        f["h:gaps"] = float(h.line_numbers[-1] - h.line_numbers[0] + 1 - len(h.line_numbers))
    return f


def _dateline_features(d: Dateline) -> dict[str, float]:
    return {
        "d:trailing": float(d.trailing),
        "d:agency": float(d.agency is not None),
        "d:place": float(d.place is not None),
        "d:date": float(d.date is not None),
        "d:chars": _log(len(d.text)),
    }


def _group_features(g: AttendeeGroup) -> dict[str, float]:
    f = {
        "a:names": _log(len(g.names)),
        "a:role": float(g.role is not None),
        "a:headline": float(g.where is not None and g.where.block == "headline"),
        "a:decks": float(len(g.decks)),
        "a:chars": _log(len(g.text)),
        "a:max_name": float(max((len(n) for n in g.names), default=0)),
    }
    f[f"a:verb={g.verb}"] = 1.0
    return f


def _point_features(p: Point, previous: Point | None, run: int) -> dict[str, float]:
    f = {
        "p:level": float(p.level),
        "p:number": _log(p.number),
        "p:chars": _log(len(p.text)),
        "p:children": _log(len(p.children)),
        "p:run": _log(run),
        "p:follows": float(previous is not None and previous.style == p.style and previous.number + 1 == p.number),
        "p:first": float(p.number == 1),
    }
    f[f"p:style={p.style}"] = 1.0
    return f


def _closing_features(c: Closing) -> dict[str, float]:
    return {
        "c:issuer": float(c.issuer is not None),
        "c:date": float(c.date is not None),
        "c:issuer_chars": _log(len(c.issuer or "")),
        "c:lines": float(len(c.source_lines)),
    }


def part_features(document: Document, index: int, evidence: Evidence) -> dict[str, list[dict[str, float]]]:
    """Each part's features (the bulletin's features merged in), per part kind, in the model's order.

    ``points`` are in depth-first order (:func:`bulletins.model.iter_blocks`); ``attendees`` in
    the bulletin's order; ``headline``, ``dateline`` and ``closing`` hold one entry or none.
    """
    b = document.bulletins[index]
    base = bulletin_features(document, index, evidence)
    out: dict[str, list[dict[str, float]]] = {"bulletin": [base]}
    out["headline"] = [base | _headline_features(b.headline, evidence)] if b.headline else []
    out["dateline"] = [base | _dateline_features(b.dateline)] if b.dateline else []
    out["attendees"] = [base | _group_features(g) for g in b.attendees]
    points = [p for p in iter_blocks(b.body) if isinstance(p, Point)]
    runs = Counter(p.style for p in points)
    out["points"] = [
        base | _point_features(p, points[k - 1] if k else None, runs[p.style]) for k, p in enumerate(points)
    ]
    out["closing"] = [base | _closing_features(b.closing)] if b.closing else []
    return out


@attrs.frozen
class Logistic:
    """One logistic regression: standardised features, weights, bias (``confidence.json``)."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    clip: float = 3.0
    """Standardised values are clipped to ±clip: a file unlike the training files moves the score, never
    to an extreme."""
    _terms: dict[str, tuple[float, float, float, float]] = attrs.field(init=False, repr=False, eq=False)
    """Feature → (mean, scale, weight, its term when absent): only the features present are visited."""
    _absent: float = attrs.field(init=False, repr=False, eq=False)
    """The bias plus every feature's term at value 0 (a feature a part does not have is 0)."""

    def __attrs_post_init__(self) -> None:
        """Precompute each feature's term at 0, so that a part's score visits only the features it has."""
        terms = {}
        absent = self.bias
        for name, m, s, w in zip(self.features, self.mean, self.scale, self.weights, strict=True):
            zero = w * max(-self.clip, min(self.clip, -m / s))
            terms[name] = (m, s, w, zero)
            absent += zero
        object.__setattr__(self, "_terms", terms)
        object.__setattr__(self, "_absent", absent)

    def partial(self, values: Mapping[str, float]) -> float:
        """What *values* add to the linear score, over a part that has none of them."""
        z = 0.0
        clip = self.clip
        terms = self._terms
        for name, value in values.items():
            term = terms.get(name)
            if term is not None:
                m, s, w, zero = term
                x = (value - m) / s
                z += w * (clip if x > clip else -clip if x < -clip else x) - zero
        return z

    def squash(self, partial: float) -> float:
        """The probability for a linear score's *partial* sum (:meth:`partial` of every value)."""
        z = self._absent + partial
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def probability(self, values: Mapping[str, float]) -> float:
        """P(right) for one feature dict (features the model does not know are ignored)."""
        return self.squash(self.partial(values))

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Logistic:
        """Read one model of ``confidence.json``."""
        return cls(
            tuple(data["features"]),
            tuple(data["mean"]),
            tuple(data["scale"]),
            tuple(data["weights"]),
            float(data["bias"]),
            float(data.get("clip", 3.0)),
        )


@attrs.frozen
class ConfidenceModel:
    """The six logistic regressions, one per part kind (:data:`PARTS`)."""

    parts: Mapping[str, Logistic]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ConfidenceModel:
        """Read ``confidence.json``'s content."""
        return cls({name: Logistic.from_json(data["models"][name]) for name in PARTS})


@functools.cache
def shipped() -> ConfidenceModel:
    """The model shipped with the package (``bulletins/confidence.json``)."""
    text = resources.files("bulletins").joinpath("confidence.json").read_text(encoding="utf-8")
    return ConfidenceModel.from_json(json.loads(text))


def with_confidence(document: Document, evidence: Evidence, model: ConfidenceModel | None = None) -> Document:
    """Return *document* with ``confidence`` set on every bulletin and its scored parts."""
    model = model or shipped()
    bulletins = tuple(
        attrs.evolve(b, **confidence_changes(document, k, evidence, model)) for k, b in enumerate(document.bulletins)
    )
    return attrs.evolve(document, bulletins=bulletins)


def confidence_changes(
    document: Document, index: int, evidence: Evidence, model: ConfidenceModel | None = None
) -> dict[str, Any]:
    """The fields that set the confidences of the bulletin at *index* of *document*, for ``attrs.evolve``.

    ``confidence`` and, where the bulletin has them, its ``headline``, ``dateline``, ``closing``,
    ``attendees`` and ``body`` (its points) with theirs set. The pipeline merges them with the
    bulletin's other late fields (its date, its origin) into one copy of the bulletin; each model's
    bulletin-level sum is taken once, then each part's own features.
    """
    model = model or shipped()
    b = document.bulletins[index]
    base = bulletin_features(document, index, evidence)
    m = model.parts
    shared: dict[str, float] = {}  # each model's sum over the bulletin's features, once, when a part needs it

    def p(name: str, own: Mapping[str, float] | None = None) -> float:
        model_ = m[name]
        if name not in shared:
            shared[name] = model_.partial(base)
        return round(model_.squash(shared[name] + (model_.partial(own) if own else 0.0)), _ROUND)

    changes: dict[str, Any] = {"confidence": p("bulletin")}
    if b.headline is not None:
        changes["headline"] = attrs.evolve(
            b.headline, confidence=p("headline", _headline_features(b.headline, evidence))
        )
    if b.dateline is not None:
        changes["dateline"] = attrs.evolve(b.dateline, confidence=p("dateline", _dateline_features(b.dateline)))
    if b.closing is not None:
        changes["closing"] = attrs.evolve(b.closing, confidence=p("closing", _closing_features(b.closing)))
    if b.attendees:
        changes["attendees"] = tuple(
            attrs.evolve(g, confidence=p("attendees", _group_features(g))) for g in b.attendees
        )
    points = [block for block in iter_blocks(b.body) if isinstance(block, Point)]
    if points:
        runs = Counter(point.style for point in points)
        scores = iter(
            [
                p("points", _point_features(point, points[k - 1] if k else None, runs[point.style]))
                for k, point in enumerate(points)
            ]
        )
        changes["body"] = _with_point_scores(b.body, scores)
    return changes


def _with_point_scores(blocks: Sequence[Any], scores: Any) -> tuple[Any, ...]:
    """The blocks with each point's confidence taken from *scores*, in depth-first order."""
    out = []
    for block in blocks:
        if isinstance(block, Point):
            score = next(scores)
            block = attrs.evolve(block, confidence=score, children=_with_point_scores(block.children, scores))
        out.append(block)
    return tuple(out)


def review_list(documents: Iterable[tuple[str, Document]], below: float) -> list[tuple[str, float]]:
    """``(name, lowest bulletin confidence)`` of every document holding a bulletin below *below*, least sure first.

    A document with no bulletin at all is listed with confidence 0 (a person should look at it).
    """
    out = []
    for name, document in documents:
        scores = [b.confidence for b in document.bulletins if b.confidence is not None]
        lowest = min(scores) if scores else 0.0
        if lowest < below:
            out.append((name, lowest))
    return sorted(out, key=lambda item: (item[1], item[0]))
