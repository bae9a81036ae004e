"""Artefact cleaners: small pure ``str -> str`` functions applied in order before lexing.

Every cleaner is idempotent (``f(f(s)) == f(s)``) and never deletes or adds a newline,
so line numbers in the output stay the line numbers of the decoded source. Callers may
pass their own list to :func:`bulletins.parse`; :data:`DEFAULT_CLEANERS` is the default.

Markdown image lines are *not* cleaned away by default: they are kept and labelled as
residue of kind ``image`` (an archive keeps every character); :func:`strip_image_lines`
is there for callers who want them gone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ._text import HAN

Cleaner = Callable[[str], str]
"""A cleaner: a pure, idempotent, newline-preserving ``str -> str`` function."""

_CRLF = re.compile(r"\r\n?")
_BOOKMARK = re.compile(r"\[bookmark: [^\]\n]*\]")
_IMAGE_LINE = re.compile(r"(?m)^[ \t\u3000]*!\[[^\]\n]*\]\([^)\n]*\)[ \t\u3000]*$")
# Pinyin ruby glued after a Han character: 專區(qū), 學(xué)習(xí) (seed 001). At least one
# tone-marked vowel is required so that ordinary bracketed Latin text such as (a) stays.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_SYLLABLE = r"\((?=[a-zü" + _TONED + r"]*[" + _TONED + r"])[a-zü" + _TONED + r"]{1,7}\)"
# Anchored on the literal "(" (fast); the Han character before it is checked in _unruby.
_RUBY = re.compile(r"(?:" + _SYLLABLE + r")+")
_HAN_BEFORE = re.compile(f"[{HAN}]")
# Doubled or garbled commas: ",," "，，" ",、" ",。" (seeds 000, 001).
_COMMA_ANY = re.compile(r"[,，][,，、。；：？！]")
_COMMA_RUN = re.compile(r"([,，])[,，]+")
_COMMA_BEFORE = re.compile(r"[,，]+([、。；：？！])")
_ODD_SPACE = re.compile(r"[\u00a0\u2002-\u200a\u202f\u205f]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_EDGE = " \t\u3000"


def normalize_newlines(text: str) -> str:
    """Turn CRLF and lone CR line ends into LF (one newline stays one newline)."""
    return _CRLF.sub("\n", text) if "\r" in text else text


def remove_bookmarks(text: str) -> str:
    """Remove Word export bookmarks such as ``[bookmark: _Toc2527]`` and ``[bookmark: _GoBack]``."""
    return _BOOKMARK.sub("", text) if "[bookmark: " in text else text


def remove_ruby_pinyin(text: str) -> str:
    """Remove pinyin ruby glued to Han characters: ``專區(qū)`` → ``專區``."""
    if "(" not in text:
        return text

    def _unruby(match: re.Match[str]) -> str:
        start = match.start()
        glued = start > 0 and _HAN_BEFORE.match(text, start - 1) is not None
        return "" if glued else match.group(0)

    return _RUBY.sub(_unruby, text)


def fold_punctuation(text: str) -> str:
    """Fold doubled or garbled commas: ``,,`` → ``,``, ``，，`` → ``，``, ``,、`` → ``、``, ``,。`` → ``。``."""
    if _COMMA_ANY.search(text) is None:
        return text
    return _COMMA_BEFORE.sub(r"\1", _COMMA_RUN.sub(r"\1", text))


def normalize_spaces(text: str) -> str:
    """Normalise odd spaces and strip indentation and trailing blanks from every line.

    NBSP and thin spaces become spaces, zero-width characters go, and U+3000 counts as a blank.
    """
    if _ODD_SPACE.search(text):
        text = _ODD_SPACE.sub(" ", text)
    if _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    return "\n".join([line.strip(_EDGE) for line in text.split("\n")])


def strip_image_lines(text: str) -> str:
    """Blank out whole markdown image lines ``![alt](src)``, keeping the newline (opt-in)."""
    return _IMAGE_LINE.sub("", text)


DEFAULT_CLEANERS: tuple[Cleaner, ...] = (
    normalize_newlines,
    remove_bookmarks,
    remove_ruby_pinyin,
    fold_punctuation,
    normalize_spaces,
)
"""The cleaners :func:`bulletins.parse` applies unless told otherwise, in this order."""


def clean(text: str, cleaners: Sequence[Cleaner] = DEFAULT_CLEANERS) -> str:
    """Apply *cleaners* to *text* in order.

    Line ends are normalised first (CRLF and lone CR become LF), so line numbers
    always count universal newlines.

    Raises:
        ValueError: A cleaner changed the number of lines (it must keep every newline).
    """
    text = normalize_newlines(text)
    lines = text.count("\n")
    for cleaner in cleaners:
        text = cleaner(text)
        if text.count("\n") != lines:
            name = getattr(cleaner, "__name__", repr(cleaner))
            raise ValueError(f"cleaner {name} changed the number of lines; cleaners must keep them")
    return text
