"""Layout repairs after the parse: page layouts that print a bulletin's parts out of order.

The one layout decision that cannot be taken line by line: it moves blocks between built
bulletins, and :mod:`bulletins.build` calls it once the grammar has run.

Newspaper pages extracted to text (seed 003) sometimes print a feature's title block after
its lede and first section: the lede then seems to continue the news brief above it. A
feature is a bulletin with a byline and no dateline; its sections are introduced by subheads
(立即响应 靠前指挥 下沉一线 / ——织密织牢…), which news briefs (opened by a dateline) do not
have. So when a dateline bulletin holds a subhead and a feature follows it, the brief's tail —
from the first block after the last one that shares a four-character phrase with the brief's
headline — is the feature's displaced lede, and moves to the feature.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..model import Block, Bulletin, Subhead

_GRAM = 4


def _grams(text: str) -> set[str]:
    compact = "".join(text.split())
    return {compact[i : i + _GRAM] for i in range(len(compact) - _GRAM + 1)}


def _is_feature(bulletin: Bulletin) -> bool:
    return bulletin.headline is not None and bulletin.dateline is None and bool(bulletin.byline_lines)


def _split_point(brief: Bulletin) -> int | None:
    """Index in ``brief.body`` where the displaced lede starts, or None."""
    body = brief.body
    first_subhead = next((k for k, block in enumerate(body) if isinstance(block, Subhead)), None)
    if first_subhead is None or brief.headline is None:
        return None
    topic = set().union(*(_grams(line) for line in brief.headline.lines))
    last_on_topic = max((k for k, block in enumerate(body[:first_subhead]) if _grams(block.text) & topic), default=None)
    if last_on_topic is None:
        return None
    return last_on_topic + 1


def reattach_displaced_ledes(bulletins: Sequence[Bulletin]) -> list[Bulletin]:
    """Move a feature's displaced lede from the dateline bulletin above it to the feature."""
    out = list(bulletins)
    for k in range(len(out) - 1):
        brief, feature = out[k], out[k + 1]
        if brief.dateline is None or not _is_feature(feature):
            continue
        split = _split_point(brief)
        if split is None or split >= len(brief.body):
            continue
        kept: tuple[Block, ...] = brief.body[:split]
        moved: tuple[Block, ...] = brief.body[split:]
        out[k] = attrs.evolve(brief, body=kept, lines=(brief.lines[0], kept[-1].lines[1]))
        out[k + 1] = attrs.evolve(feature, body=moved + feature.body, lines=(moved[0].lines[0], feature.lines[1]))
    return out
