"""TEI rendering helpers: nested inline markup over exact text, dates, tokens, div arrangement."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .._xmltext import Sanitizer
from ..model import Date

_MARKER_PUNCT = re.compile(r"[、.．，,：:（）()\s]")
_ISO = re.compile(r"^(?:\d{4}|-)-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$")
_NOT_TOKEN = re.compile(r"[\s\x00-\x1f\x7f-\x9f]+")


def token(value: str) -> str:
    """A value usable where TEI wants a single token (teidata.enumerated): no spaces or controls."""
    return _NOT_TOKEN.sub("-", value).strip("-") or "unknown"


def iso(value: str | None) -> str | None:
    return value if value is not None and _ISO.match(value) else None


# -- inline markup -------------------------------------------------------------------------------

Span = tuple[int, int, str, str]
"""``(start, end, open tag, close tag)`` over a text."""


def marked(text: str, spans: Iterable[Span], s: Sanitizer) -> str:
    """Render *text* with *spans* as nested elements; spans that would cross are dropped."""
    ordered = sorted((sp for sp in spans if 0 <= sp[0] < sp[1] <= len(text)), key=lambda sp: (sp[0], -sp[1]))
    out: list[str] = []
    stack: list[Span] = []
    cursor = 0
    for span in ordered:
        start, end, _, _ = span
        while stack and stack[-1][1] <= start:
            top = stack.pop()
            out.append(s.text(text[cursor : top[1]]) + top[3])
            cursor = top[1]
        if stack and end > stack[-1][1]:
            continue  # would cross its parent
        out.append(s.text(text[cursor:start]) + span[2])
        cursor = start
        stack.append(span)
    while stack:
        top = stack.pop()
        out.append(s.text(text[cursor : top[1]]) + top[3])
        cursor = top[1]
    out.append(s.text(text[cursor:]))
    return "".join(out)


def when(date: Date) -> str:
    start, end = iso(date.iso), iso(date.end.iso) if date.end is not None else None
    if start and end:
        return f' from="{start}" to="{end}"'
    return f' when="{start}"' if start else ""


def date_span(text: str, date: Date | None, start: int = 0) -> list[Span]:
    if date is None:
        return []
    at = text.find(date.text, start)
    if at < 0:
        return []
    return [(at, at + len(date.text), f"<date{when(date)}>", "</date>")]


def marker_n(marker: str) -> str:
    return _MARKER_PUNCT.sub("", marker) or marker


def arrange(items: Sequence[tuple[int, str, str]]) -> str:
    """Join rendered blocks; paragraphs after a div at one level go in ``div type="unnumbered"``."""
    out: list[str] = []
    pending: list[str] = []
    seen_div = False
    for _, kind, xml in items:
        if kind == "div":
            if pending:
                out.append('<div type="unnumbered">' + "".join(pending) + "</div>")
                pending = []
            seen_div = True
            out.append(xml)
        elif (kind == "p" and seen_div) or pending:
            pending.append(xml)
        else:
            out.append(xml)
    if pending:
        out.append('<div type="unnumbered">' + "".join(pending) + "</div>")
    return "".join(out)
