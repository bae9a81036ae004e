"""Rule *paragraph*, the last in the order: every line no earlier rule took is body text.

A paragraph may be a numbered point (its marker counts up with the others of its style), a
headline-less bulletin's lead (a readout lede after a finished body), a layout fragment
repeated by the page (noise), or the first of several lines wrapped mid-sentence (re-joined);
it may end with a dateline printed last (cut off as a trailing dateline).
"""

from __future__ import annotations

import re

import attrs

from ..._text import CLOSERS, FINAL_PUNCT, cn_to_int, ends_complete
from ...analyze.datelines import match_dateline
from ...analyze.enumerations import find_enumeration
from ...analyze.markers import Marker, bare_number_marker, dash_marker, sequence_marker
from ...model import Diagnostic
from ..context import Context
from ..lines import is_short
from ..tokens import LineInfo, LineToken, token
from .endings import CLOSE_PAREN, TRAILING_DATELINE, is_lede, terminal

# …实行“免督查”。（国务院办公厅负责） (govcn-html/row37.html line 35): a note in brackets after the sentence's
# end (who is responsible, a source) ends the paragraph as the full stop does; it is no mid-sentence wrap.
_NOTE_AFTER_END = re.compile(rf"[{re.escape(FINAL_PUNCT)}][{re.escape(CLOSERS)}]*[（(][^（）()]{{1,40}}[）)]\s*$")

_NOISE_MIN = 30
_NOISE_WINDOW = 8


def _point(ctx: Context, i: int, start: int) -> Marker | None:
    raw = ctx.raws[i]
    if start:
        return None
    if raw.marker is not None:
        ctx.numbers[raw.marker.style] = raw.marker.number
        return raw.marker
    if raw.kind != "para":
        return None
    for found in (sequence_marker(raw.text, raw.shadow), bare_number_marker(raw.text, raw.shadow)):
        if found is None:
            continue
        previous = ctx.numbers.get(found.style)
        if found.style == "一是" and found.number == 1 and _inline_run(raw.text, raw.shadow):
            # 一是构建…；二是培育…；三是营造…；四是产出…。 on one line (rmrb/2020-05/20200525-06-01.txt line 127,
            # 16 rmrb and web files): a paragraph whose enumeration is the run, not a point holding the rest.
            return None
        # A run must count up: 一是 opens it, 二是 follows 一是 (seed 004: 一要/二是/三是 mix);
        # 2学院… follows 1. (seed 002). No stray 三是 in prose.
        if (found.style == "一是" and found.number == 1) or previous == found.number - 1:
            ctx.numbers[found.style] = found.number
            return found
    # 首先，…其次，…最后， opening paragraphs are discourse words, not block items: every reader who
    # annotated such a run said so (rmrb 20200515-20-01 lines 13-15, 20200124-01-03 line 6, the 2020
    # and 2019 new-year speeches; 42 rmrb bulletins, none elsewhere). GB/T 9704 and DESIGN §1 list no
    # such marker. They stay paragraphs; a paragraph holding 首先…其次… keeps them as its enumeration.
    dash = dash_marker(raw.text, raw.shadow)
    if dash is not None:
        # ——水沙治理取得显著成效。…(seed 002): dash items only when they form a list.
        nxt = ctx.peek(i + 1)
        previous = ctx.numbers.get("——", 0)
        continues = ctx.last == "POINT" and previous > 0
        starts = nxt is not None and dash_marker(nxt.text, nxt.shadow) is not None
        if continues or starts:
            number = previous + 1 if continues else 1
            ctx.numbers["——"] = number
            return Marker(marker=dash.marker, style="——", number=number, end=dash.end)
    return None


def _inline_run(text: str, shadow: str) -> bool:
    """The line holds its own 二是 after its 一是: the whole run is inline."""
    return any(item.number == 2 for item in find_enumeration(text, shadow))


# 注释： alone, or 注：1.上述品种包括… with the first note on the label's line
# (formats/docx/guhhhhaa_mazui-jingshen-yaopin-mulu-2013-fujian1.doc).
_NOTES_LABEL = re.compile(r"^(?:注释|注)[：:](?:\s*(?:1|１|一)[.．、]\S.*)?$")
_BARE_NUMERAL = re.compile(r"^[一二三四五六七八九十]{1,3}$")
_BARE_LOOKAHEAD = 400  # lines: a long speech's part 一 runs to its part 二


def bare_numeral(ctx: Context, i: int) -> int | None:
    """A Chinese numeral alone on its line inside a bulletin: the number of one of the text's parts.

    A speech or a long feature numbers its parts with a bare 一 / 二 / 三 on their own lines
    (rmrb/2020-05/20200528-04-02.txt lines 6, 16, 27: 全国政协常委会工作报告; 2020-01/20200113-20-01.txt
    lines 18, 39; 15 rmrb files print them). Each is a point whose text is empty, numbered in
    sequence: 一 only when 二 stands alone further on, each later one only right after the one before.
    """
    shadow = ctx.raws[i].shadow
    if not ctx.in_bulletin or not _BARE_NUMERAL.match(shadow):
        return None
    number = cn_to_int(shadow)
    if not number:
        return None
    previous = ctx.numbers.get("一", 0)
    if number == 1:
        ahead = ctx.raws[i + 1 : i + _BARE_LOOKAHEAD]
        if not any(raw.shadow == "二" for raw in ahead):
            return None
    elif previous != number - 1:
        return None
    ctx.numbers["一"] = number
    raw = ctx.raws[i]
    marker = Marker(marker=raw.text, style="一", number=number, end=len(raw.text))
    ctx.emit("POINT", LineInfo(first=raw.number, last=raw.number, text=raw.text, shadow=raw.shadow, marker=marker))
    return i + 1


def is_noise(ctx: Context, text: str) -> bool:
    """A repeated fragment of a page layout: a paragraph printed again, or a piece of a recent one.

    Seed 003 lines 128/130, seed 002 line 268.
    """
    key = "".join(text.split())
    if len(key) < 8:
        return False
    if key in ctx.seen:
        return True
    return len(key) >= _NOISE_MIN and any(key in earlier for earlier in ctx.recent)


def _remember(ctx: Context, text: str) -> None:
    key = "".join(text.split())
    ctx.seen.add(key)
    ctx.recent.append(key)
    if len(ctx.recent) > _NOISE_WINDOW:
        del ctx.recent[0]


def _opens_bulletin(ctx: Context, i: int) -> bool:
    """Rule *second lede*: does the paragraph at *i* open a headline-less bulletin?

    A readout lede after a finished body does: 2月7日上午，……楼阳生主持召开省委第七次专题会议 (seed 002
    lines 249–299, eight headline-less readouts in a row, the first after 2月7日，教育部召开… at line
    246 had opened its titled readout). A bulletin's *first* lede is its own, wherever it stands: under
    a 核心阅读 box (rmrb/2019-10/20191014-13-01.txt line 9: ``10月10日，公安部在京召开新闻发布会…``
    after the box's three paragraphs) or after a commentary's opening paragraph
    (rmrb/2020-02/20200225-01-03.txt line 5: ``2月23日，党中央召开…``). So only a bulletin that has
    read a lede already (a dated opening paragraph, a headless lead, a dateline) is ended by another,
    and never one whose body is cut by subheads: a feature's sections each tell of a meeting or an
    event (人民眼, rmrb/2020-02/20200226-11-01.txt line 45: ``2月8日，杭州市余杭区召开视频会议…`` under
    the subheads 解用工之难 and 疏“两链”之堵).
    """
    if not ctx.in_bulletin or ctx.terminal_seen:
        return True
    if not is_lede(ctx.raws[i]):
        return False
    after_body = ctx.last in {"PARAGRAPH", "LEAD", "SUBHEAD", "DATELINE", "LEAD_DATELINE"}
    opens = after_body and (ctx.led or ctx.has_dateline) and not ctx.subheads
    ctx.led = True
    return opens


def paragraph(ctx: Context, i: int, *, start: int = 0) -> int:
    """Emit the paragraph starting at ``raws[i][start:]`` with its wrapped continuations.

    Returns the index of the first raw line after it.
    """
    raw = ctx.raws[i]
    text = raw.text[start:]
    if not text.strip():
        return i + 1
    # Numbered items are structure: a point repeated under another heading is kept.
    numbered = raw.marker is not None or sequence_marker(raw.text, raw.shadow) is not None
    if start == 0 and ctx.in_bulletin and not numbered and not raw.packed and is_noise(ctx, text):
        ctx.emit("NOISE", LineInfo(first=raw.number, last=raw.number, text=text))
        return i + 1
    # 注释： / 1.本公报中数据均为初步统计数… / 2.… (statistical communiqués, formats/html-pages/simonxinw_*tjgb*):
    # numbered notes at the end of a document are not its points (the formats guide: footnotes are not).
    note = ctx.notes and start == 0 and numbered
    marker = None if note else _point(ctx, i, start)
    parts = [(raw.number, text)]
    shadows = [raw.shadow[start:]]
    j = i + 1
    # Re-join fragments wrapped mid-sentence, blank lines between (seed 003).
    # A heading-like line (一、关于前一段疫情防控工作, seed 004) is complete as it is.
    while (
        not ends_complete(parts[-1][1])
        and not is_short(parts[-1][1])
        and not _NOTE_AFTER_END.search(parts[-1][1])
        and j < len(ctx.raws)
    ):
        nxt = ctx.raws[j]
        if nxt.kind != "para" or is_noise(ctx, nxt.text) or terminal(shadows[-1]):
            break
        if nxt.indented and ctx.raws[j - 1].indented:
            # Each line set in by its own indent starts a paragraph: …催人奋进正当时—— / 　　“脱贫质量怎么样…”
            # (rmrb/2020-01/20200104-04-01.txt lines 57–58, People's Daily sets every paragraph so).
            break
        if any(f(nxt.text, nxt.shadow) for f in (sequence_marker, dash_marker)):
            break
        parts.append((nxt.number, nxt.text))
        shadows.append(nxt.shadow)
        j += 1
    if len(parts) > 1:
        ctx.diagnostics.append(
            Diagnostic(
                level="info",
                code="wrapped-paragraph",
                line=parts[0][0],
                message=f"lines {parts[0][0]}–{parts[-1][0]} re-joined: the paragraph was wrapped mid-sentence",
            )
        )
    joined = "".join(t for _, t in parts)
    joined_shadow = "".join(shadows)
    trailing = None
    ended = False
    if marker is None and not ctx.raws[j - 1].more:
        last_shadow = ctx.raws[j - 1].shadow if j - 1 > i or start == 0 else raw.shadow[start:]
        trailing = TRAILING_DATELINE.search(last_shadow) if last_shadow.endswith(CLOSE_PAREN) else None
        # A second dateline printed last (the bulletin opened with one) stays in the
        # paragraph, but it still ends the item (rmrb/2019-02/20190228-07-02.txt line 6).
        ended = trailing is not None
        if ctx.has_dateline:
            trailing = None
    tail: LineToken | None = None
    if trailing is not None:
        cut = len(joined) - (len(last_shadow) - trailing.start())
        inner = trailing.group("inner")
        original = joined[cut + 1 : cut + 1 + len(inner)]  # cut from the text, not the shadow
        found = match_dateline(original + " ", inner + " ", parts[-1][0])
        if found is not None:
            dateline = attrs.evolve(found.dateline, text=joined[cut:], trailing=True)
            tail = token(
                "TRAILING_DATELINE",
                LineInfo(
                    first=parts[-1][0],
                    last=parts[-1][0],
                    text=joined[cut:],
                    dateline=attrs.evolve(found, dateline=dateline),
                ),
            )
            ctx.has_dateline = True
            joined = joined[:cut]
            joined_shadow = joined_shadow[:cut]
            parts[-1] = (parts[-1][0], parts[-1][1][: len(parts[-1][1]) - (len(last_shadow) - trailing.start())])
    if not joined.strip():
        if tail is not None:
            ctx.out.append(tail)
        return j
    info = LineInfo(
        first=parts[0][0],
        last=parts[-1][0],
        text=joined,
        shadow=joined_shadow,
        parts=tuple(parts),
        marker=marker,
    )
    if marker is not None:
        if not ctx.in_bulletin:
            ctx.open_bulletin()
            kind = "LEAD_POINT"
        else:
            kind = "POINT"
    elif start == 0 and _opens_bulletin(ctx, i):
        ctx.open_bulletin()
        ctx.diagnostics.append(
            Diagnostic(
                level="info",
                code="headless-bulletin",
                line=raw.number,
                message="a bulletin starts here without a headline",
            )
        )
        kind = "LEAD"
        ctx.led = True
    else:
        kind = "PARAGRAPH"
    _remember(ctx, joined)
    ctx.notes = note or (
        kind == "PARAGRAPH" and "注" in joined_shadow[:8] and _NOTES_LABEL.match(joined_shadow.strip()) is not None
    )
    # 会议还研究了其他事项。 (matched on the shadow: 會議還研究了其他事項。 too) or a dateline
    # printed last ends the item: a short run after it is the next item's headline.
    if ended or terminal(joined_shadow):
        ctx.terminal_seen = True
    ctx.emit(kind, info)
    if tail is not None:
        ctx.out.append(tail)
    return j


def body_text(ctx: Context, i: int) -> int:
    """Any line no earlier rule took: a paragraph, a point or a lead (the fallback)."""
    return paragraph(ctx, i)
