"""The unindented head: in an indented text, the unindented lines on top are its headline.

Run before the context rules, for texts without layout hints.

People's Daily files print every body paragraph indented by U+3000 U+3000 and the headline
block flush left. Where the text alone does not say a top line is a title, the indent does:
a long 引题 (``面对疫情，人民子弟兵奋勇向前。连日来，…听他们讲述一线战“疫”故事——`` over
``闻令出动 敢打必胜（军营之声）``, rmrb/2020-02/20200209-06-01.txt), a kicker ending in a colon
(``李学刚：`` over ``京门神探 勇斗歹徒（为了民族复兴·英雄烈士谱）``, rmrb/2020-01/20200109-16-03.txt),
or a 副题 summary under the title (rmrb/2020-02/20200217-16-01.txt line 3). Only lines the
content pass read as paragraphs change (to short lines, which the *short run* rule reads as a
headline); datelines, speech dates, salutations and credits keep their kinds.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..lines import Raw

_HEAD_MAX = 6  # the longest headline block in the corpus sample has five lines
_LINE_MAX = 160  # a 引题 may run to two sentences; a longer line is a paragraph set flush left
_SENTENCE_END = tuple("。！？!?”")
# 新型冠状病毒，我们该怎么预防？ (rmrb/2020-01/20200121-06-06.txt), 新春招聘会，火爆！ (2019-02/20190212-10-04.txt):
# a title may ask or exclaim. A short flush-left line ending so, with no full stop in it, is a title line; a
# lede set flush left is longer or holds a sentence before.
_ASKS = tuple("！？!?")
_ASKING_MAX = 40


def unindented_head(raws: Sequence[Raw]) -> list[Raw]:
    """Return *raws* with the unindented paragraphs above the first indented line read as short lines.

    Applies only when the text has such a head of at most six lines, and every line changed is
    no longer than a 引题 and does not end a sentence (an unindented lede stays a paragraph), nor
    ends the head with a colon.
    """
    out = list(raws)
    first = next((k for k, raw in enumerate(out) if raw.indented), None)
    if first is None or first == 0 or first > _HEAD_MAX:
        return out
    for k in range(first):
        raw = out[k]
        if raw.kind != "para" or len(raw.text) > _LINE_MAX:
            continue
        asks = raw.text.endswith(_ASKS) and len(raw.text) <= _ASKING_MAX and "。" not in raw.text
        if raw.text.endswith(_SENTENCE_END) and not asks:
            continue
        # A line ending in a colon is a kicker only above a title (李学刚： / 京门神探…); the last
        # line of the head ending in one addresses or introduces the body: a letter's 亲爱的笑笑、果果：
        # (rmrb/2019-02/20190207-03-03.txt), a speaker's 中央党史和文献研究院院长曲青山：
        # (rmrb/2019-10/20191028-10-02.txt).
        if k == first - 1 and raw.text.endswith(("：", ":")):
            continue
        out[k] = attrs.evolve(raw, kind="short")
    return out
