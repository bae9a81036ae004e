"""The raw-kind pass: each non-blank line's raw kind, from its own text alone.

Kinds: image, nav, masthead, doc_number, attachment, cc, imprint, credit, dateline, trailing_dateline, speech_date,
salutation, caption, date_only, point (strong markers), byline, short, para. :func:`content_kind`
asks, in order, the line predicates of the concern modules that own each kind — residue:
:mod:`~bulletins.lexing.rules.chrome`; notice elements: :mod:`~bulletins.lexing.rules.notices`;
credits: :mod:`~bulletins.lexing.rules.credits`; speech dates, salutations and bylines:
:mod:`~bulletins.lexing.rules.speech`; captions: :mod:`~bulletins.lexing.rules.captions` — and the
analysers for datelines, dates and point markers (:mod:`bulletins.analyze`); the context rules
(:mod:`bulletins.lexing.ruler`) turn the kinds into the grammar's terminals. Matching uses the
Simplified shadow; every pattern cites the seed lines it comes from.
"""

from __future__ import annotations

from ..analyze.datelines import match_dateline, match_trailing_line
from ..analyze.dates import DATE_ONLY_RE
from ..analyze.markers import ordinal_word_marker, sequence_marker, strong_marker
from .lines import Raw, is_short
from .rules.captions import is_caption, is_weak_caption
from .rules.chrome import is_chrome, is_image, is_nav_item
from .rules.credits import match_credit, match_credit_tail
from .rules.notices import notice_element_kind
from .rules.speech import is_byline, is_salutation, is_speech_date


def content_kind(text: str, shadow: str, number: int, toc: bool, *, indented: bool = False) -> Raw:
    """First pass: classify one non-blank line by its own content.

    *toc* and *indented* are what the source said of the line (a heading bookmark, leading white
    space), carried on the :class:`Raw` as given.
    """

    def raw(kind: str, **extra: object) -> Raw:
        return Raw(number=number, text=text, shadow=shadow, kind=kind, toc=toc, indented=indented, **extra)  # type: ignore[arg-type]

    if is_image(shadow):
        return raw("image")
    if is_nav_item(shadow) or is_chrome(shadow):
        return raw("nav")
    element = notice_element_kind(shadow)
    if element is not None:
        return raw(element)
    credit = match_credit(text, shadow)
    if credit is not None:
        return raw("credit", credit=credit)
    dateline = match_dateline(text, shadow, number)
    if dateline is not None:
        return raw("dateline", dateline=dateline)
    trailing = match_trailing_line(text, shadow, number)
    if trailing is not None:
        return raw("trailing_dateline", dateline=trailing)
    if is_speech_date(shadow):
        return raw("speech_date")
    if is_salutation(shadow):
        return raw("salutation")
    short = is_short(text)
    if is_caption(shadow):
        return raw("caption", credit=match_credit_tail(text, shadow))
    if short and is_weak_caption(text, shadow):
        # 正在 alone is a weak cue: at the top of a file it is a title's kicker
        # (一批充满正能量的文艺作品正在涌现, rmrb/2020-02/20200220-20-01.txt line 1).
        return raw("caption", weak=True)
    if DATE_ONLY_RE.match(shadow):
        return raw("date_only")
    marker = strong_marker(text, shadow)
    if marker is not None:
        return raw("point", marker=marker)
    if is_byline(shadow):
        return raw("byline")
    if short and (sequence_marker(text, shadow) or ordinal_word_marker(text, shadow)):
        # 一是… on a short line: a point if its run counts (decided in context), never a title;
        # 首先，… on a short line: a paragraph (a discourse word, lexing/rules/paragraphs.py), never a title.
        return raw("para")
    if short:
        return raw("short")
    return raw("para")
