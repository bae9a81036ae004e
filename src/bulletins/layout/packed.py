"""Layout rule *packed lines*: paragraphs whose line breaks were lost in export.

Texts exported with their line breaks lost keep each paragraph's U+3000 U+3000 indent inside
one long line (rmrb/2019-10/20191021-15-03.txt lines 4-5, web/xispeech): there the indents are
the paragraph breaks, so that points and datelines that open a paragraph are found.
"""

from __future__ import annotations

import re

_PACKED_MIN = 150
_INDENT = re.compile("\u3000{2,}")


def segments(line: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs packed into one stripped line (the whole line when it is not packed)."""
    if len(line) < _PACKED_MIN or "\u3000\u3000" not in line:
        return [(0, len(line))]
    spans: list[tuple[int, int]] = []
    start = 0
    for indent in _INDENT.finditer(line):
        if indent.start() > start:
            spans.append((start, indent.start()))
        start = indent.end()
    if start < len(line):
        spans.append((start, len(line)))
    return spans
