"""Whole web pages: find the article among the page's chrome (issue 18, part 3).

A page saved from a government site, 人民网 or a ministry holds one article inside navigation
menus, breadcrumbs, share bars, related-link lists and footers. The HTML reader reads every
visible line; this module decides which of them are the article and marks the others with the
``chrome`` hint, which the lexer makes residue of kind ``nav`` (kept, never a headline or a
bulletin's text). The choice was measured against readability-lxml and trafilatura on the 30
pages of ``formats/html-pages`` (docs/readers.md, *Whole web pages*).

The rule, in one pass over the lines and one over the block elements (linear in the page):

1. **Body**: every line scores, as a paragraph, ``1 + its sentence punctuation + min(length/100, 3)``
   when at least 10 of its characters are not link text; the score goes to the line's block,
   its parent block in full and its grandparent block in half. The block with the best score
   times ``1 − link density`` is the body; its sibling blocks join it when they score at least
   a fifth of it (and 10) with little link text.
2. **Title**: the line nearest the body's start (before it, or among its first lines) whose text
   is the page's title — ``<meta name="ArticleTitle">``, ``og:title``, or ``<title>`` or one of
   its parts split at ``_ | - —`` — or a long piece of it; failing that, the last ``<h1>``
   before the body.
3. **Chrome**: every other line, except a paragraph (30 characters or more with sentence
   punctuation, little link text) between the title and the body. Metadata lines (``来源：…``,
   ``发布时间：…``) around the title are chrome too, and their values go into the source
   metadata with the ``<meta>`` fields (publish date, source, author).

A page is *whole* when it has an ``<html>`` or ``<body>`` tag; content fragments (gov.cn's
``<tbody>`` rows) are read as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs
import lxml.html

from ..lexing.rules.chrome import CONTROLS
from ..model import Diagnostic, MetaField
from . import Line
from .records import iso_date

_WHOLE = re.compile(r"<(?:html|body)[\s>]", re.IGNORECASE)
_PUNCT = re.compile(r"[，。；！？、,;]")
_SENTENCE = re.compile(r"[。，；！？]")
_WS = re.compile(r"[\s\u3000\xa0]+")
_TITLE_SPLIT = re.compile(r"\s*(?:[_|｜]|\s[-—–]+\s|--|——|-\s*)\s*")
_META_LINE = re.compile(
    r"(?:来源于?|信息来源|稿件来源|文章来源|发布时间|发布日期|发布于|时间|日期|作者|责任编辑|责编|编辑|浏览次数|点击数"
    r"|字号|关键字|关键词|标签)\s*[：:]"
)
_DATE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2}:\d{2}(?::\d{2})?))?")
_SOURCE = re.compile(r"(?:信息来源|稿件来源|文章来源|来源于?)\s*[：:]?\s*([^\s|｜:：　\d][^\s|｜　]*)")
_AUTHOR = re.compile(r"作者\s*[：:]\s*([^\s|｜)）\]】]+)")
_EDITOR = re.compile(r"(?:责任编辑|责编)\s*[：:]\s*([^\s|｜)）\]】]+)")
_STAMP_LINE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})\s+(\d{1,2}:\d{2}(?::\d{2})?)(?:\s+([^\s\d]\S{1,19}))?$")
_DATE_LABEL = re.compile(r"(?:发布时间|发布日期|发布于|时间|日期)\s*[：:]")
_META_NAMES = {
    "publishdate": "date",
    "pubdate": "date",
    "article:published_time": "date",
    # gov.cn's CMS: <meta name="firstpublishedtime" content="2007-08-20-23:59:59"> (formats/html-pages/
    # gne_govcn_gwygb-2007-23-renda-jueyi.html), its page's publication date.
    "firstpublishedtime": "date",
    "contentsource": "source",
    "source": "source",
    "author": "author",
    "article:author": "author",
    "articletitle": "article_title",
}
_META_LINE_MAX = 100
_LABEL = re.compile(r"^(?:来源|作者)\s*[：:]\s*")
_ATTACHMENT = re.compile(r"\.(?:pdf|docx?|xlsx?|wps|et|ofd|zip|rar|7z|txt|csv)\s*$", re.IGNORECASE)
_EDITOR_LINE = re.compile(r"^[(（\[【]?\s*(?:责任编辑|责编|编辑|审核|校对|监制|审读)\s*[：:]")
# A site's notices below every article: long sentences, but never the article's body.
_BOILERPLATE = re.compile(
    r"免责声明|凡本站|郑重声明|版权所有|版权声明|Copyright|未经授权|不得转载|违法和不良信息", re.IGNORECASE
)


def is_whole_page(text: str) -> bool:
    """True when *text* is a whole page (an ``<html>`` or ``<body>`` tag), not a content fragment."""
    return _WHOLE.search(text) is not None


def _norm(text: str) -> str:
    return _WS.sub("", text)


def _head_fields(root: lxml.html.HtmlElement) -> list[tuple[str, str]]:
    """``(name, value)`` of the ``<meta>`` fields that name the article's date, source, author, title."""
    found: list[tuple[str, str]] = []
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").strip().lower()
        value = _WS.sub(" ", meta.get("content") or "").strip()
        value = _LABEL.sub("", value)
        if key == "firstpublishedtime" and (iso := iso_date(value)) is not None:
            value = iso  # 2007-08-20-23:59:59 → 2007-08-20
        if key in _META_NAMES and value and not value.isdigit():  # 人民网's author is a staff number
            found.append((_META_NAMES[key], value))
        elif key == "og:title" and value:
            found.append(("og_title", value))
    return found


def _page_title(root: lxml.html.HtmlElement) -> str:
    for title in root.iter("title"):
        return _WS.sub(" ", title.text_content() or "").strip()
    return ""


def _ancestors(path: str, parents: dict[str, str]) -> Iterable[str]:
    while path:
        yield path
        path = parents.get(path, "")


def _inside(origin: str, tops: set[str], parents: dict[str, str]) -> bool:
    return any(a in tops for a in _ancestors(origin, parents))


@attrs.frozen
class _Body:
    tops: set[str]
    chars: dict[str, int]  # block path → characters of its lines, its sub-blocks' included
    linked: dict[str, int]  # … of which link text

    def density(self, path: str) -> float:
        return self.linked.get(path, 0) / self.chars[path] if self.chars.get(path) else 0.0


def body_blocks(lines: list[Line], links: list[int], parents: dict[str, str], after: int | None = None) -> _Body:
    """Return the blocks holding the article body (rule 1), no blocks when no line scores.

    With *after* (the line of the page's title, when a line matches it well), blocks that start
    more than a few lines above it are not candidates — a sidebar's paragraphs above the article
    (nfra.gov.cn's 主要职责) — unless no block is left.
    """
    score: dict[str, float] = {}
    chars: dict[str, int] = {}
    linked: dict[str, int] = {}
    first: dict[str, int] = {}
    for i, (line, link) in enumerate(zip(lines, links, strict=True)):
        first.setdefault(line.origin, i)
        size = len(_norm(line.text))
        chars[line.origin] = chars.get(line.origin, 0) + size
        linked[line.origin] = linked.get(line.origin, 0) + link
        if size - link < 10 or link * 2 > size or line.hints.hidden or _BOILERPLATE.search(line.text):
            continue
        value = 1 + len(_PUNCT.findall(line.text)) + min(size / 100, 3)
        at = line.origin
        if line.hints.table_cell or "/td[" in at:  # a table's cells score for the table, as a paragraph's text
            cut = at.rfind("/table[")
            table = at[: at.index("]", cut) + 1] if cut >= 0 else at
            at = table if table in parents else at
        parent = parents.get(at, "")
        grand = parents.get(parent, "")
        for path, share in ((at, 1.0), (parent, 1.0), (grand, 0.5)):
            if path:
                score[path] = score.get(path, 0.0) + value * share
    # Subtree totals: a block's path is registered after its parent's, so reversed order is bottom-up.
    for path in reversed(list(parents)):
        up = parents[path]
        if up and path in chars:
            chars[up] = chars.get(up, 0) + chars[path]
            linked[up] = linked.get(up, 0) + linked[path]
            first[up] = min(first.get(up, first[path]), first[path])

    found = _Body(set(), chars, linked)
    if not score:
        return found
    density = found.density
    if after is not None:
        below = {p: v for p, v in score.items() if first.get(p, 0) >= after - 5 and v >= 3}
        score = below or score
    best = max(score, key=lambda p: (score[p] * (1 - density(p)), -len(p)))
    top = score[best] * (1 - density(best))
    chosen = {best}
    parent = parents.get(best, "")
    if parent:
        floor = max(10.0, top * 0.2)
        for path, up in parents.items():
            near = up == parent and path != best and path in score and density(path) < 0.25
            if near and score[path] * (1 - density(path)) >= floor:
                chosen.add(path)
    found.tops.update(chosen)
    return found


def _wanted(names: list[str]) -> set[str]:
    wanted = {_norm(n) for n in names if len(_norm(n)) >= 4}
    for name in names:
        wanted.update(_norm(p) for p in _TITLE_SPLIT.split(name) if len(_norm(p)) >= 4)
    return wanted


def _anchor(lines: list[Line], names: list[str]) -> int | None:
    """The first line holding the longest match of the page's title (8 characters or more), or None."""
    wanted = _wanted(names)
    best: tuple[int, int] | None = None
    for i, line in enumerate(lines):
        n = _norm(line.text)
        if len(n) >= 8 and not line.hints.hidden and (best is None or len(n) > best[0]) and any(n in w for w in wanted):
            best = (len(n), i)
    return best[1] if best else None


def _title_index(lines: list[Line], names: list[str], start: int, body: list[bool]) -> int | None:
    """The index of the article's title line (rule 2), or None.

    Near the body's start (15 lines before it to 6 into it) a whole title beats a piece of one and
    a longer piece a shorter; farther up, the nearest. Failing a match, the last ``<h1>`` above.
    """
    wanted = _wanted(names)
    best: tuple[int, int, int, int] | None = None  # (far, piece, -length or distance, distance)
    found = None
    for i in range(min(len(lines), start + 6)) if wanted else ():
        n = _norm(lines[i].text)
        exact = n in wanted and not lines[i].hints.hidden
        if len(n) < 4 or lines[i].hints.hidden or not (exact or (len(n) >= 8 and any(n in w for w in wanted))):
            continue
        distance = start - i if i <= start else i - start
        key = (0, -len(n), int(not exact), distance) if distance <= 15 else (1, 0, distance, distance)
        if best is None or key < best:
            best, found = key, i
    if found is not None:
        return found
    for i in range(start - 1, -1, -1):
        if lines[i].hints.heading == 1 and not body[i]:
            return i
    return None


_CJK = re.compile(r"[\u3400-\u9fff]")
_CONTROLS = frozenset(
    {"图集", "+1", "举报", "评论", "分享", "收藏", "打印", "关闭", "纠错", "【纠错】", "上一篇", "下一篇"}
)


def _control(line: Line) -> bool:
    """A control or label inside the body's blocks: ``【纠错】``, ``+1``, a video's ``Play Video`` ``0:00``."""
    text = line.text.strip()
    if text in _CONTROLS or text in CONTROLS or text.startswith(("分享到", "关注公众号", "扫一扫", "扫码")):
        return True
    return not line.hints.table_cell and len(text) <= 12 and _CJK.search(text) is None


def _linked(line: Line, link: int, found: _Body, parents: dict[str, str]) -> bool:
    """A list of links inside the body's blocks (延伸阅读, pagination, 上一篇): chrome.

    A line mostly link text, or a block within the body mostly link text; a link to an attached
    file (``….pdf``) stays.
    """
    size = len(_norm(line.text))
    if _ATTACHMENT.search(line.text):
        return False
    if link * 2 > size or _control(line):
        return True
    for path in _ancestors(line.origin, parents):
        if path in found.tops:
            return False
        if found.density(path) > 0.5 and found.chars.get(path, 0) >= 8:
            return True
    return False


# 本报记者  王乐文  方  敏 between the title and the text (人民网): the writers' line, not page chrome.
_WRITER = re.compile(
    r"^(?:本报|新华社|人民日报|人民网|光明日报|经济日报)?(?:特约|实习)?(?:记者|通讯员|评论员)[\s\u3000\xa0]*[\u4e00-\u9fff]"
)


def _writer(line: Line, link: int) -> bool:
    return not link and len(line.text) <= 40 and _WRITER.match(line.text.strip()) is not None


def _deck(line: Line, link: int, title: Line, parents: dict[str, str]) -> bool:
    """A heading set beside the title in the title's own block: its kicker above it or its subtitle below."""
    heading = line.hints.heading
    return (
        heading is not None
        and heading >= 2
        and not link
        and not line.hints.hidden
        and 2 <= len(_norm(line.text)) <= 40
        and line.text.rstrip()[-1:] not in "。！？!?"
        and parents.get(line.origin) == parents.get(title.origin)
    )


def _paragraph(line: Line, link: int) -> bool:
    size = len(_norm(line.text))
    return size >= 30 and link * 4 < size and _SENTENCE.search(line.text) is not None


def _line_fields(text: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    date = _DATE.search(text)
    if date and (_DATE_LABEL.search(text) or "来源" in text):
        y, m, d, t = date.groups()
        found.append(("date", f"{y}-{int(m):02d}-{int(d):02d}" + (f" {t}" if t else "")))
    for name, pattern in (("source", _SOURCE), ("author", _AUTHOR), ("editor", _EDITOR)):
        match = pattern.search(text)
        if match:
            found.append((name, match.group(1).strip()))
    return found


def extract(
    lines: list[Line], links: list[int], parents: dict[str, str], root: lxml.html.HtmlElement
) -> tuple[list[Line], list[MetaField], list[Diagnostic]]:
    """Mark the chrome of a whole page (rules 1–3): the lines, the page's metadata, a diagnostic.

    Every line is returned, in order; chrome lines carry ``Hints.chrome``.
    """
    page_title = _page_title(root)
    head = _head_fields(root)
    metadata: dict[str, str] = {}
    if page_title:
        metadata["title"] = page_title
    for name, value in head:
        metadata.setdefault(name, value)
    names = [v for k, v in head if k in {"article_title", "og_title"}] + ([page_title] if page_title else [])
    found = body_blocks(lines, links, parents, _anchor(lines, names))
    tops = found.tops
    if not tops:
        return lines, _fields(metadata), []
    body = [_inside(line.origin, tops, parents) and not _linked(line, link, found, parents)
            for line, link in zip(lines, links, strict=True)]  # fmt: skip
    start = body.index(True)
    end = len(body) - 1 - body[::-1].index(True)
    title = _title_index(lines, names, start, body)
    first = min(start, title) if title is not None else start
    keep = list(body)
    title_end = title if title is not None else 0
    decks: list[int] = []  # a kicker or a subtitle heading beside the title: headline lines with it
    if title is not None:
        keep[title] = True
        wanted = _wanted(names)
        joined = _norm(lines[title].text)
        while title and any(_norm(lines[title - 1].text) + joined in w for w in wanted):
            title -= 1
            joined = (
                _norm(lines[title].text) + joined
            )  # a title printed on several lines (国务院公报: 全国人民代表大会常务委员会 / 关于…)
            keep[title] = True
        for i in range(title + 1, start):
            keep[i] = _paragraph(lines[i], links[i]) or _writer(lines[i], links[i])
        # 人民网's <h3 class="pre">河南着力培育新动能塑造新优势</h3> over <h1>: the title's kicker (引题), and a
        # subtitle heading under it, are the article's (formats/html-pages/magichtml_people_zhongbu-…html).
        for i in (title - 1, title_end + 1):
            if 0 <= i < len(lines) and _deck(lines[i], links[i], lines[title], parents):
                keep[i] = True
                decks.append(i)
        for i in range(start, title):  # body lines above the title: a heading's breadcrumb, share bar
            keep[i] = _paragraph(lines[i], links[i])
    from_lines: dict[str, str] = {}
    head_end = max(start, title if title is not None else start) + 3
    for i, line in enumerate(lines):
        if i == title or len(line.text) > _META_LINE_MAX or _META_LINE.search(line.text) is None:
            continue
        if keep[i] and not first <= i <= head_end and not i >= end - 2 and not _EDITOR_LINE.search(line.text):
            continue  # a label deep in the body (会议时间：…) is the article's own text
        keep[i] = False
        if first - 10 <= i <= end + 10:
            for name, value in _line_fields(line.text):
                from_lines.setdefault(name, value)
    for i in range(first, min(head_end, len(lines) - 1) + 1):
        # 2019-09-26 10:56:28 证券时报网 under the title, with no label (formats/html-pages/gne_hexun_
        # jiaotongbu-jingjinji.html line 55): the page's time stamp and the paper it reprints.
        stamp = _STAMP_LINE.match(lines[i].text.strip()) if i != title and not keep[i] else None
        if stamp is not None:
            y, m, d, t, source = stamp.groups()
            from_lines.setdefault("date", f"{y}-{int(m):02d}-{int(d):02d} {t}")
            if source:
                from_lines.setdefault("source", source)
    for name, value in from_lines.items():
        metadata.setdefault(name, value)
    out = [
        line if kept else attrs.evolve(line, hints=attrs.evolve(line.hints, chrome=True))
        for line, kept in zip(lines, keep, strict=True)
    ]
    if title is not None:  # the title found is the article's level-1 heading, whatever its markup (a div)
        for i in [*range(title, title_end + 1), *decks]:
            if out[i].hints.heading is None or decks:  # beside a deck, the title's <h2> is level 1 too
                out[i] = attrs.evolve(out[i], hints=attrs.evolve(out[i].hints, heading=1))
    count = keep.count(False)
    diagnostics = []
    if count:
        diagnostics.append(
            Diagnostic(
                level="info",
                code="page-chrome",
                message=f"{count} line(s) of the page's navigation, breadcrumbs, share bars, related links"
                " and footers kept as residue (nav), never as a bulletin's text",
            )
        )
    return out, _fields(metadata), diagnostics


def _fields(metadata: dict[str, str]) -> list[MetaField]:
    return [MetaField(name=k, value=v) for k, v in metadata.items() if k != "og_title"]
