"""Rules *trailing dateline* and *dateline*: 新华社北京9月6日电 opening a text, or printed last."""

from __future__ import annotations

import re

import attrs

from ..context import UNDER_HEADLINE, Context
from ..lines import is_short
from ..tokens import LineInfo, LineToken
from .paragraphs import paragraph

_DISPATCH_TITLE = re.compile(r"\s*题[：:]\s*(?P<title>\S.{1,80})$")


def trailing_dateline(ctx: Context, i: int) -> int | None:
    """A dateline printed last, on its own line: it ends the item it closes.

    （新华社北京5月21日电） (59 rmrb files). A bulletin with a dateline of its own keeps this one as
    a paragraph (its text is kept).
    """
    if not ctx.in_bulletin:
        return None
    raw = ctx.raws[i]
    info = LineInfo(first=raw.number, last=raw.number, text=raw.text, dateline=raw.dateline)
    ctx.emit("PARAGRAPH" if ctx.has_dateline else "TRAILING_DATELINE", info)
    ctx.has_dateline = True
    ctx.terminal_seen = True
    return i + 1


def last_dateline(ctx: Context, i: int) -> int | None:
    """A bare dateline on the last line of the text, under a bulletin with no dateline: it ends that bulletin.

    新华社北京6月1日电 alone after the 民法典's last article (formats/pdf-text/weilueluo_minfadian.pdf
    line 2402, formats/docx/weilueluo_minfadian.docx line 2406): with no text after it, it opens
    nothing; it is the law's dateline, printed last.
    """
    raw = ctx.raws[i]
    match = raw.dateline
    if (
        match is None
        or not ctx.in_bulletin
        or ctx.has_dateline
        or ctx.last in UNDER_HEADLINE
        or i + 1 < len(ctx.raws)
        or raw.text[match.end :].strip()
    ):
        return None
    dated = attrs.evolve(match, dateline=attrs.evolve(match.dateline, trailing=True))
    ctx.emit("TRAILING_DATELINE", LineInfo(first=raw.number, last=raw.number, text=raw.text, dateline=dated))
    ctx.has_dateline = True
    ctx.terminal_seen = True
    return i + 1


# 新华社首尔1月16日电热点问答｜朝鲜为何要废除朝韩事务机构 / 新华社记者王超 (web/newscrawl
# xinhuanet4_idx81, idx71): the same form without 题：, told by the writer's line under it.
_RUN_IN_TITLE = re.compile(r"\s*(?P<title>\S.{1,80})$")


def _titled(ctx: Context, i: int, end: int) -> re.Match[str] | None:
    raw, after = ctx.raws[i], ctx.peek(i + 1)
    rest = raw.text[end:].strip()
    if not rest or after is None or after.kind != "byline" or not is_short(rest):
        return None
    return _RUN_IN_TITLE.match(raw.shadow, end)


def _page_residue(ctx: Context) -> list[LineToken]:
    """The residue tokens emitted since the last terminal, taken off the end of the token list."""
    k = ctx.residue_tail()
    held = ctx.out[k:]
    del ctx.out[k:]
    return held


def dateline(ctx: Context, i: int) -> int | None:
    """A dateline: the headline's when under one, otherwise it opens a bulletin.

    新华社北京9月6日电 and 本报讯(记者 赵娟娟)11月10日 open the paragraph they stand in (seeds 000,
    003). 新华社北京4月10日电　题：伸向亚太的黑手——… (web/newscrawl) is Xinhua's form for a
    feature: the title follows 题： on the dateline's line, or follows it directly when a
    writer's line comes next (新华社首尔1月16日电热点问答｜… / 新华社记者王超).
    """
    raw = ctx.raws[i]
    match = raw.dateline
    if match is None:
        return None
    title = _DISPATCH_TITLE.match(raw.shadow, match.end) or _titled(ctx, i, match.end)
    kind = "DATELINE"
    if ctx.last not in UNDER_HEADLINE:
        ctx.open_bulletin()  # a dateline with no headline opens a bulletin of its own
        kind = "LEAD_DATELINE"
        if title is not None:
            at = title.start("title")
            match = attrs.evolve(match, dateline=attrs.evolve(match.dateline, text=raw.text[:at]))
            ctx.has_dateline = True
            ctx.emit(kind, LineInfo(first=raw.number, last=raw.number, text=match.dateline.text, dateline=match))
            ctx.emit(
                "DATELINE_TITLE",
                LineInfo(first=raw.number, last=raw.number, text=raw.text[at:], shadow=raw.shadow[at:]),
            )
            return i + 1
    ctx.has_dateline = True
    # A whole page's metadata between the title and the dateline (2024年05月17日08:59 来源：北京青年报,
    # formats/html-pages/magichtml_people-health_xinchengzhang.html line 17) is residue of the body: it
    # follows the dateline's token, so the dateline is still the headline's (it was read as a paragraph).
    held = _page_residue(ctx) if kind == "DATELINE" else []
    ctx.emit(kind, LineInfo(first=raw.number, last=raw.number, text=match.dateline.text, dateline=match))
    ctx.out.extend(held)
    heading, date = ctx.peek(i + 1), ctx.peek(i + 2)
    if (
        kind == "LEAD_DATELINE"
        and raw.more
        and match.end >= len(raw.text.rstrip())
        and heading is not None
        and heading.kind in {"short", "byline"}
        and date is not None
        and date.kind == "speech_date"
    ):
        # 新华社北京10月23日电 / 在纪念…大会上的讲话 / （2020年10月23日） / 习近平 / 同志们，朋友们： run into one
        # line (web/xispeech): the part after the dateline is the speech's title, as after 题：.
        info = LineInfo(first=heading.number, last=heading.number, text=heading.text, shadow=heading.shadow)
        ctx.emit("DATELINE_TITLE", info)
        return i + 2
    return paragraph(ctx, i, start=match.end)
