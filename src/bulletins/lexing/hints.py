"""Layout hints → lexer decisions, between the content pass and the context pass (issue 10, part 5).

A structured reader (HTML, DOCX, Markdown) says how each line was laid out; text has no hints
and never reaches this module. The rules change only the *raw kind* of a line (and its
heading flag), so the lexer's context pass and the grammar stay as they are:

0. **Hidden text** (``display:none``, Word's hidden runs) and page furniture (a PDF's page
   numbers, running headers and footers) are residue, never a bulletin's text.
1. **Headline block**: a run of centred lines (or a level-1 heading: ``<h1>``, ``#``, Word's
   Title style) is a headline, even where its text alone looks like something else — gov.cn
   row35's first title line ``国务院办公厅关于全面推行行政规范性文件`` ends in 文件 like a masthead.
   A masthead stays one only when a document number follows it. Document numbers, dates and
   speech dates in the run keep their kinds (``国办发〔2019〕3号`` under the title is the doc_number).
2. **Closing**: right-aligned lines above a right-aligned date are the issuer lines
   (``国务院办公厅`` / ``2019年1月22日``, gov.cn row2), whatever their text looks like.
3. **Headings**: a heading directly over a dateline titles a new item (新闻联播 day files:
   ``## 1. 【…】…`` over ``央视网消息(新闻联播)：…``); otherwise a level-2+ heading (``<h2>``–``<h6>``,
   ``##``, Word's Heading n) is a point when it carries a marker and a subhead when it does not.
4. **Short lines in the body**: where the source marks its titles by alignment (HTML, DOCX), a
   short left-aligned line below a headline and above the closing is body text, not the start of a
   new bulletin (the member lists of gov.cn row54 and row59: ``副主任：陈宝生　　教育部部长``), or a
   subhead when it is bold. In Markdown only the run of short lines right under a ``#`` title is
   (the adoption lines of LawRefBook: ``1949年12月23日 政务院发布``); elsewhere the text rules
   decide (新闻联播 brief columns, where each short title opens a brief).
3a. **Rundowns**: a heading that numbers an item of a rundown (``Hints.item``: 新闻联播's
   ``## 1.``, ``## 2.`` …) titles a new item, whether a dateline follows it (2017–2025 files) or
   the text does (2014-03-05, no ``央视网消息`` prefix). The level-1 title above the first item
   (``# 新闻联播 2019-06-01``) is the items' compilation heading (``Bulletin.section``), and what
   stands between the two — the transcript's metadata list, the programme's contents — is
   navigation. All of it is kept, as residue.
4a. **Captions**: a line the source marks as a caption (``<figcaption>``, a table's ``<caption>``)
   is a caption whatever its text, and a picture credit at its end is cut off as a credit
   (``…。美聯社圖片``, ``…。林勵攝``).
5. **Tables, chapters, figures**: below the first headline, a data table's rows are a ``table``
   block (the lexer gives them the raw kind ``table_row``), a chapter heading (``第二章　子女教育``,
   gov.cn row32) is a subhead, a centred figure or table title (``图1　汽车号牌编码规则``, row36)
   is a caption, and so are the centred lines right above a data table (``B匝道桥界址点坐标``,
   row44's seven coordinate tables) — none of them opens a bulletin.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from ..readers import Hints
from .lines import Raw
from .rules.credits import match_credit_tail

# 第二章　子女教育 (gov.cn row32), 第三节: a regulation's centred chapter headings are subheads.
_CHAPTER = re.compile(r"^第[一二三四五六七八九十百零〇\d]{1,4}[章节编]")
# 图1　汽车号牌编码规则, 表2 (gov.cn row36): centred figure and table titles are captions.
_FIGURE = re.compile(r"^[图表][\d一二三四五六七八九十]{1,3}(?:[\s　：:．.、]|$)")
_KEEP_IN_HEADLINE = frozenset({"doc_number", "date_only", "speech_date", "image", "nav", "caption", "point"})
_TEXTUAL = frozenset({"para", "short", "byline", "masthead", "salutation"})


def _hint(hints: Sequence[Hints], raw: Raw) -> Hints:
    return hints[raw.number - 1] if raw.number <= len(hints) else Hints()


def _headline_like(raw: Raw, hint: Hints) -> bool:
    if hint.heading == 1:
        # A level-1 heading (<h1>, a Word Title, a dataset's title column) may ask or exclaim: 在两会上，
        # 习近平为何提到这件事？ (formats/html-pages/gne_thepaper_zhongnanhai-xijinping-wenzhang.html), 快讯！….
        return raw.kind in _TEXTUAL and raw.text[-1] not in "。；;"
    return hint.align == "center" and raw.kind in _TEXTUAL and raw.text[-1] not in "。；;！!？?"


def apply_hints(raws: list[Raw], hints: Sequence[Hints]) -> list[Raw]:
    """Return *raws* with kinds decided from the layout *hints* (``hints[N-1]`` for line N)."""
    out = list(raws)
    # Rule 4 needs a source that marks its titles by alignment (HTML, DOCX) to tell them apart.
    structured = any(h.align in {"center", "right"} for h in hints)
    seen_headline = False
    under_title = False  # inside the run of short lines right under a level-1 title (no alignment)
    # Lines after the closing (（此件公开发布）, 抄送) are left to the lexer's own closing rules.
    closing = max((k for k, raw in enumerate(out) if raw.kind == "date_only" and _hint(hints, raw).align == "right"),
                  default=len(out))  # fmt: skip
    first_item = next((k for k, raw in enumerate(out) if _hint(hints, raw).item is not None), None)
    day_title = next((k for k, raw in enumerate(out[:first_item]) if _hint(hints, raw).heading == 1), None)
    for k, raw in enumerate(out):
        hint = _hint(hints, raw)
        if first_item is not None and day_title is not None and day_title <= k < first_item:
            out[k] = attrs.evolve(raw, kind="section" if k == day_title else "nav", toc=False, marker=None)
        elif hint.title or hint.item is not None:
            # A title by provenance (a dataset's title column) or a rundown's item title, whatever its text
            # looks like.
            out[k] = attrs.evolve(raw, kind="short", toc=True, marker=None, dateline=None, credit=None)
            seen_headline = True
        elif hint.caption and raw.kind in _TEXTUAL:
            # <figcaption> (web/hkcnews): a caption by markup, its picture credit cut from its end.
            out[k] = attrs.evolve(raw, kind="caption", weak=False, credit=match_credit_tail(raw.text, raw.shadow))
        elif hint.hidden or hint.furniture:  # page numbers, running headers (PDF): residue
            out[k] = attrs.evolve(raw, kind="hidden")
        elif hint.chrome:  # a whole page's navigation, share bar, footer (readers/_pages.py)
            out[k] = attrs.evolve(raw, kind="nav", toc=False, marker=None, dateline=None, credit=None)
        elif hint.table_cell and seen_headline and raw.kind in _TEXTUAL:
            out[k] = attrs.evolve(raw, kind="para")  # a data table's row is body text, never a title
        elif seen_headline and raw.kind in _TEXTUAL and _CHAPTER.match(raw.shadow):
            out[k] = attrs.evolve(raw, kind="subhead")
        elif seen_headline and hint.align == "center" and raw.kind in _TEXTUAL and _FIGURE.match(raw.shadow):
            out[k] = attrs.evolve(raw, kind="caption")
        elif (
            seen_headline
            and hint.under_image
            and hint.align == "center"
            and _headline_like(raw, hint)
            and not (k + 1 < len(out) and _hint(hints, out[k + 1]).align == "center")
        ):
            # A centred line alone right under a picture, below the page's title: the picture's caption
            # (空间站系统研制工作有序推进 under two photos, formats/html-pages/gne_cmse_kongjianzhan-jianzao.html
            # line 59, which opened a bulletin of its own). A centred block there is a section's title
            # (《冬夜读书示子聿》 / ——（宋）陆游 / the verse, formats/html-pages/gne_people_wenhua-zhengbanqiao.html).
            out[k] = attrs.evolve(raw, kind="caption", weak=False, credit=match_credit_tail(raw.text, raw.shadow))
        elif _headline_like(raw, hint):
            nxt = out[k + 1] if k + 1 < len(out) else None
            if raw.kind == "masthead" and nxt is not None and nxt.kind == "doc_number":
                continue
            if raw.kind == "byline" and nxt is not None and nxt.kind == "salutation":
                # The speaker's line over the salutation, centred as a title is (中国载人航天工程新闻发言人
                # 武平 / 女士们、先生们：, formats/html-pages/gne_cmse_xinwenfabuhui-2012-06-24.html line 55).
                continue
            out[k] = attrs.evolve(raw, kind="short", toc=True)
            seen_headline = True
        elif (
            hint.heading is not None
            and raw.kind in _TEXTUAL | {"point"}
            and k + 1 < len(out)
            and out[k + 1].kind == "dateline"
        ):
            # A heading over a dateline titles a new item (新闻联播 day files: ## 1. 【…】 / 央视网消息…：).
            out[k] = attrs.evolve(raw, kind="short", toc=True, marker=None)
            seen_headline = True
        elif hint.heading is not None and hint.heading >= 2 and raw.kind not in _KEEP_IN_HEADLINE:
            out[k] = attrs.evolve(raw, kind="subhead")
        elif (
            # In a source without alignment (Markdown) only the short lines right under a level-1
            # title: they would otherwise run on into it (LawRefBook: # 全国年节及纪念日放假办法 /
            # 1949年12月23日 政务院发布); deeper in, the text rules (brief columns …) decide.
            (structured or (k and out[k - 1].toc and _hint(hints, out[k - 1]).heading == 1) or under_title)
            and seen_headline
            and k < closing
            and raw.kind == "short"
            and not (k + 1 < len(out) and out[k + 1].kind == "date_only")  # an issuer above its date
            and hint.align not in {"center", "right"}
            and hint.heading is None
        ):
            out[k] = attrs.evolve(raw, kind="subhead" if hint.bold else "para")
            under_title = not structured
            continue
        under_title = False
    _table_captions(out, hints)
    # Right-aligned lines directly above a right-aligned closing date are its issuer lines.
    for k, raw in enumerate(out):
        if raw.kind != "date_only" or _hint(hints, raw).align != "right":
            continue
        j = k - 1
        while j >= 0 and _hint(hints, out[j]).align == "right" and out[j].kind in _TEXTUAL:
            out[j] = attrs.evolve(out[j], kind="short", toc=False)
            j -= 1
    return out


_CAPTION_LINES = 3
# 单位：人 / 单位：万元 between a table's title and the table (gov.cn row52), whatever its alignment.
_UNIT = re.compile(r"^[（(]?单位[：:]")
_CAPTION_MAX = 40


def _table_captions(out: list[Raw], hints: Sequence[Hints]) -> None:
    """Make the centred short lines right above a data table (below the first headline) its caption."""
    first = next((k for k, raw in enumerate(out) if raw.toc), None)
    if first is None:
        return
    for k, raw in enumerate(out):
        if raw.kind != "table_row" or k == 0 or out[k - 1].kind == "table_row":
            continue
        j = k - 1
        while (
            j > first
            and k - j <= _CAPTION_LINES
            and out[j].kind in _TEXTUAL | {"short"}
            and len(out[j].text) <= _CAPTION_MAX
            and (_hint(hints, out[j]).align == "center" or _UNIT.match(out[j].shadow))
        ):
            j -= 1
        for m in range(j + 1, k):
            out[m] = attrs.evolve(out[m], kind="caption", toc=False, weak=False, credit=None)
