"""GB/T 9704 版头 marks at the top left of a page: 份号, 密级和保密期限, 紧急程度 (the ``banner`` hint).

GB/T 9704-2012 §7.2.1–7.2.3 (formats/pdf-text/zhuyandong_gbt9704-2012…, p7): where a document
carries them, the copy number (six Arabic digits), the security classification with its period
(``机密★1年``) and the urgency (``特急``, ``加急``) are set flush left at the top of the type
area, one a line, in that order, above the 发文机关标志 (for the 信函 format, under its first red
double rule). They are marks on the copy, not the document's title or text: a paged reader (PDF,
OFD, a scan) hints them, the lexer keeps them out of the headline (they are ``furniture`` to it),
and the pipeline makes them notice elements of the bulletin below (``Bulletin.copy_number``,
``classification``, ``urgency``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import attrs

from . import Line

_SPACE = re.compile(r"[\s\u3000]+")
_KINDS = (
    ("copy_number", re.compile(r"^(?:份号[:：]?)?[0-9０-９]{6}$")),
    # 绝密/机密/秘密, with a period after ★ (1年, 6个月, 长期, 启用前: an examination paper's).
    ("classification", re.compile(r"^(?:绝密|机密|秘密)(?:[★☆*＊][^★☆]{1,8})?$")),
    ("urgency", re.compile(r"^(?:特急|加急|特提|平急)$")),
)


def banner_kind(text: str) -> str | None:
    """The 版头 mark *text* is (``copy_number``, ``classification``, ``urgency``), or None."""
    squeezed = _SPACE.sub("", text)
    return next((kind for kind, pattern in _KINDS if pattern.match(squeezed)), None)


def _page(line: Line) -> int | None:
    return line.places[0].page if line.places else line.hints.page


def mark_banner(lines: Iterable[Line]) -> Iterator[Line]:
    """Give the 版头 marks at the top of each page the ``banner`` hint (and ``furniture``).

    Only the run of marks a page opens with counts (page furniture such as a running header may
    stand before it); a centred line, or any line that is not a mark, ends the run.
    """
    page: int | None = None
    top = False
    for line in lines:
        number = _page(line)
        if number is not None and number != page:
            page, top = number, True
        if top and not line.hints.furniture:
            kind = banner_kind(line.text) if line.hints.align != "center" else None
            if kind is None:
                top = False
            else:
                line = attrs.evolve(line, hints=attrs.evolve(line.hints, banner=kind, furniture=True))
        yield line
