"""Documents as they come from paged sources (PDF, OFD, scans): the title block by its geometry.

A paged source gives every line its page and type size (``Hints.page``, ``Hints.font_size``), and
a 红头 document (GB/T 9704-2012 §7) or a report sets its title by geometry more than by text: the
title stands under the 版头 in 2号 type, a cover holds nothing but the title and its imprint. The
rules here run after :func:`bulletins.lexing.hints.apply_hints` (which reads alignment) and, but
for :func:`annex_label`, only where the lines carry a page; they change raw kinds only, as the hints do:

* :func:`annex_label` — an annex's label above its centred title (``附件2``, ``大纲1``: Word files
  and PDFs alike) is residue, never a bulletin or a headline line;
* :func:`centred_in_body_type` — in a Word file, a centred line in the body's type under the
  title (a chart's or a table's title) is a subhead, not the title of a new document;
* :func:`printed_page_chrome` — a web page printed to PDF: the site's menu bar, breadcrumb, the
  信息公开 grid over the title (``索引号：`` … ``发文字号：``) and the site footer are residue;
* :func:`standard_cover` — a national or sector standard's cover (GB/T 1.1): the 标准 masthead,
  the standard's number, its title; the classification codes and the 代替 line kept as residue;
* :func:`repeated_cover` — a cover page without a title the layout shows, whose words the title
  page repeats, is residue (an OCR'd cover image: a logo, the title, the issuer and a month);
* :func:`title_under_banner` — the lines right under the 发文字号 up to the 主送 or the body are
  one title block, centred or not (OCR cannot always tell a full-width title line is centred);
* :func:`cover_imprint` — the lines under a title in much smaller type (a cover's issuers and
  date, a budget's 预算主管部门) are not title lines;
* :func:`cover_label` — a cover's ``预算单位：…`` label under the title in much smaller type is
  body text, whether or not the layout centres the title;
* :func:`cover_sections` — on a document with a cover page, a later centred line in smaller
  type than the cover's title is a section title (a subhead), never the title of a new document.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import attrs

from ...analyze.markers import bare_number_marker
from ...readers import Hints
from ..lines import Raw, is_short

_TEXTUAL = frozenset({"para", "short", "byline", "salutation"})
_COVER_KINDS = _TEXTUAL | {"date_only", "masthead"}  # a cover's title, issuers and month
_TITLE_LINES = 4  # the longest title under a 发文字号 in formats/ runs to three lines
_TITLE_MAX = 40  # a 红头 title line in 2号 type holds at most 15–22 characters; OCR may glue two
_IMPRINT_RATIO = 0.7  # a cover's imprint lines are set at most 0.6 of the title's size (0.5–0.58)
_SECTION_RATIO = 0.8  # a report's section titles: 0.5–0.65 of the cover title's size
_COVER_LINES = 8  # a cover page holds the title block and a few imprint lines


# 中华人民共和国国家标准, 中华人民共和国通信行业标准, 上海市地方标准: a standard's cover masthead (GB/T 1.1-2009 §8.1).
_STANDARD_MASTHEAD = re.compile(
    r"^(?:中华人民共和国|[\u4e00-\u9fff]{2,8}[省市区])[\u4e00-\u9fff]{0,6}(?:国家|行业|地方|团体)标准$"
)
# GB/T 9704—2012, GB 15834-2011, DB31/T 1234—2020, YD/T 1.1-2015: a standard's number.
_STANDARD_NUMBER = re.compile(
    r"^(?:GB(?:/[TZ])?|[A-Z]{2}(?:/[TZ])?|DB\d{2}(?:/T)?)\s*[\d.]{1,12}\s*[—–\-－]{1,2}\s*\d{4}$"
)
# 代替GB/T 9704—1999: the standard this one replaces, under its number.
_REPLACES = re.compile(r"^代替\s*(?:GB|[A-Z]{2}|DB\d{2})")
# 2012-06-29发布　2012-07-01实施: the cover's issue and effective dates.
_DAY = r"\d{4}\s*[-－]\s*\d{1,2}\s*[-－]\s*\d{1,2}"
_ISSUE_DATES = re.compile(rf"^{_DAY}\s*发布\s+{_DAY}\s*实施$")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_COVER_HEAD = 6  # the masthead stands under at most the ICS and CCS codes and the GB mark


def _hint(hints: Sequence[Hints], raw: Raw) -> Hints:
    return hints[raw.number - 1] if raw.number <= len(hints) else Hints()


def paged_layout(raws: list[Raw], hints: Sequence[Hints]) -> list[Raw]:
    """Apply the paged-source title rules to *raws* where the lines carry pages (else return them as they are)."""
    raws = annex_label(raws, hints)
    if not any(h.page is not None for h in hints):
        return centred_in_body_type(raws, hints)
    out = printed_page_chrome(raws, hints)
    out = standard_cover(out, hints)
    out = repeated_cover(out, hints)
    out = title_under_banner(out, hints)
    out = cover_imprint(out, hints)
    out = cover_label(out, hints)
    return cover_sections(out, hints)


# 附件2 / 大纲1 / 附表3 / 附件一: an annex's label, alone on its line.
_ANNEX_LABEL = re.compile(r"^[\u4e00-\u9fff]{1,3}\s*[0-9０-９一二三四五六七八九十]{1,2}[：:]?$")


def annex_label(raws: list[Raw], hints: Sequence[Hints]) -> list[Raw]:
    """An annex's label on the first line, above the centred title, is residue (nav).

    An annex published as a file of its own keeps its label at the top left, over the centred
    title: ``附件2`` over ``2022年通过普通高等学校师范类专业认证中期审核的专业名单``
    (formats/docx/simonxinw_shifan-renzheng-zhongqi-2022-mingdan.docx line 1: it opened a
    bulletin with no headline), ``大纲1`` over ``中央机关及其直属机构2022年度考试录用公务员公共科目笔试考试大纲``
    (simonxinw_dagang1_zhongyang-2022-gonggong-kemu.docx line 1) and ``大纲4`` over
    ``江西省人民政府外事办公室`` (simonxinw_dagang4_jiangxi-waiban-2022.docx line 1): both read as a
    headline of its own. Taken: the first line, one to three characters and a number, not centred,
    right above a centred line — and in such a file, each later label of the same word so placed.
    Left alone: a label inside the text of a file that does not open with one (the 附件 list after
    the body, read by the notice rules), and a first line the layout itself centres.
    """
    if len(raws) < 2 or not _is_annex_label(raws, hints, 0):
        return raws
    # A file that opens with an annex's label holds annexes: each later label of the same word over
    # a centred title (附件2 over 精神药品品种目录（2013年版）, guhhhhaa_mazui-jingshen-yaopin-mulu-2013-fujian1.doc
    # line 128) is residue too, and its title opens the next annex as the first one's did.
    word = _LABEL_WORD.match(raws[0].shadow.strip())
    out = list(raws)
    for k in range(len(out) - 1):
        label = _LABEL_WORD.match(out[k].shadow.strip())
        if label and word and label[0] == word[0] and _is_annex_label(out, hints, k):
            out[k] = attrs.evolve(out[k], kind="nav", toc=False, marker=None)
    return out


_LABEL_WORD = re.compile(r"^[\u4e00-\u9fff]{1,3}")


def _is_annex_label(raws: Sequence[Raw], hints: Sequence[Hints], k: int) -> bool:
    return (
        _ANNEX_LABEL.match(raws[k].shadow.strip()) is not None
        and _hint(hints, raws[k]).align != "center"
        and _hint(hints, raws[k + 1]).align == "center"
    )


_TITLE_OVER_BODY = 1.2  # a Word title is set at least this much larger than the body (2号 22 pt over 3号 16 pt)


def centred_in_body_type(raws: list[Raw], hints: Sequence[Hints]) -> list[Raw]:
    """In a Word file, a centred line in the body's type, not bold, below the title is a subhead.

    A Word file states every run's size, and sets a document's title larger than its body (2号
    over 3号, GB/T 9704 §7.3.1) or in bold. A centred line in the body's own size and weight,
    after the first title and its body text, titles a chart, a table or a section inside the
    document: ``2013～2019年全国地铁运营线路长度`` (15.5 pt, the body's size, over a chart that holds no
    text, formats/docx/simonxinw_dagang1_zhongyang-2022-gonggong-kemu.docx line 72, under the
    22 pt bold title) opened a second bulletin. Left alone: files without sizes (HTML), paged
    sources (PDF and OCR sizes are measured, not stated: :func:`cover_sections` reads them), a
    centred line right under the title (its second line), and a centred line in larger type or
    bold (another document's title, as a 印发 notice's regulation is set).
    """
    out = list(raws)
    first = next((k for k, raw in enumerate(out) if raw.toc), None)
    if first is None:
        return out
    title = _size(hints, out[first])
    body = _body_size(out, hints)
    if not title or not body or title < _TITLE_OVER_BODY * body:
        return out
    for k in range(first + 1, len(out)):
        raw, hint = out[k], _hint(hints, out[k])
        if not raw.toc or out[k - 1].toc or hint.align != "center" or hint.bold or hint.heading is not None:
            continue
        if hint.font_size is None or hint.font_size > body:
            continue
        j = k
        while j < len(out) and out[j].toc and _hint(hints, out[j]).align == "center":
            out[j] = attrs.evolve(out[j], kind="subhead", toc=False)
            j += 1
    return out


# 首页|简|繁|EN|登录|邮箱|无障碍, 链接：全国人大|全国政协|…: a site's menu or link bar (items apart by |).
_BAR_ITEM = 12  # a menu item's length at most (国家监察委员会, 驻港澳机构网站)
_BAR_ITEMS = 3
# 首页 > 信息公开 > 国务院文件 > …: a breadcrumb.
_BREADCRUMB = re.compile(r"^首页\s*[>＞»]")
# The 政府信息公开 grid gov.cn prints over a document (索 引 号 / 主题分类 / 发文机关 / 成文日期 /
# 标　　题 / 发文字号 / 发布日期; the provincial sites add 公文种类, 主题词, 有效性 …): label：value cells.
_GRID_LABELS = frozenset(
    {"索引号", "主题分类", "发文机关", "成文日期", "标题", "发文字号", "发布日期", "公文种类", "主题词",
     "有效性", "文号", "发布机构", "生成日期", "信息来源", "所属机构", "公开方式", "公开范围", "体裁分类"}
)  # fmt: skip
_GRID_CELL = re.compile(r"^([^：:]{1,12})[：:]")
# 主办单位：国务院办公厅 / 版权所有：中国政府网 / 网站标识码bm01000001 京ICP备05070218号: a site's footer.
_FOOTER = re.compile(r"^(?:主办单位|承办单位|版权所有|网站标识码|技术支持)[：:]?|ICP备\d")


def _is_bar(text: str) -> bool:
    items = [item.strip() for item in re.split(r"[|｜]", text)]
    items = [item for item in items if item]
    return (
        len(items) >= _BAR_ITEMS
        and all(len(item) <= _BAR_ITEM for item in items[1:])
        and not any(mark in text for mark in "。；，")
    )


def _is_grid_row(text: str) -> bool:
    cells = [cell for cell in re.split(r"\t+", text) if cell.strip()]
    labels = [m[1] for cell in cells if (m := _GRID_CELL.match(cell.strip()))]
    return bool(cells) and len(labels) == len(cells) and all("".join(x.split()) in _GRID_LABELS for x in labels)


def _is_site_chrome(text: str) -> bool:
    return _is_bar(text) or _BREADCRUMB.match(text) is not None or _FOOTER.search(text) is not None


def printed_page_chrome(raws: list[Raw], hints: Sequence[Hints]) -> list[Raw]:
    """A web page printed to PDF: its menu bar, breadcrumb, 信息公开 grid and footer are residue (nav).

    A browser's print of a gov.cn document page (formats/pdf-text
    forhumanity_guobanfa-2017-74_govcn-xxgk_macos-print p1) starts with the site's menu
    (``首页|简|繁|EN|登录|邮箱|无障碍``, right-aligned: it opened a bulletin and was its headline),
    the breadcrumb and the 政府信息公开 grid (``索 引 号：000014349/2017-00159	主题分类：…`` /
    ``发文机关：国务院办公厅	成文日期：2017年08月04日`` / ``标　　题：国务院办公厅转发…的通知`` /
    ``发文字号：国办发〔2017〕74号	发布日期：2017年08月18日``) over the document, and ends with
    the site's link bars and footer (``链接：全国人大|全国政协|…``, ``主办单位：国务院办公厅…``,
    ``版权所有：中国政府网…``, ``…京ICP备05070218号…``). The grid repeats the title, number and date the
    document prints itself, so it is kept as residue, never a bulletin or a headline. Taken: the
    run of menu, breadcrumb and grid lines that opens page 1 (every cell of a grid line a
    ``label：value`` whose label is one of the grid's), and menu bars (three items or more apart
    by ``|``, none over twelve characters, no sentence punctuation) and footer lines anywhere.
    Left alone: a document's own ``发文字号：`` line in its text (it does not open page 1), and a
    table whose cells are not the grid's labels.
    """
    out = list(raws)
    k = 0
    while k < len(out) and _hint(hints, out[k]).page in (1, None):
        text = out[k].text.strip()
        if not (_is_site_chrome(text) or _is_grid_row(text)):
            break
        out[k] = attrs.evolve(out[k], kind="nav", toc=False, marker=None, table=None, cells=())
        k += 1
    for j in range(k, len(out)):
        if out[j].kind != "nav" and _is_site_chrome(out[j].text.strip()):
            out[j] = attrs.evolve(out[j], kind="nav", toc=False, marker=None, table=None, cells=())
    return out


def standard_cover(raws: list[Raw], hints: Sequence[Hints]) -> list[Raw]:
    """A standard's cover: the 标准 masthead, the standard's number and the title under them.

    GB/T 1.1-2009 §8.1 sets a standard's cover as: ICS and CCS codes and the GB mark at the top,
    the masthead ``中华人民共和国国家标准``, the number right-aligned (``GB/T 9704—2012``) over
    ``代替GB/T 9704—1999``, the title in Chinese and English centred, the issue and effective dates
    (``2012-06-29发布 2012-07-01实施``) and the issuing bodies at the foot. Read by alignment alone, the
    codes and the masthead block each became a bulletin's title and the title a caption (formats/
    pdf-text zhuyandong_gbt9704-2012 p1; formats/pdf-scanned zhuyandong_gbt15834-2011 p1, three
    bulletins for one standard). With a masthead among the first six lines of page 1: the lines
    above it are residue (nav), it is the masthead, the number is the doc_number, the 代替 line is
    residue, the lines down to the dates are the title, and the dates and the issuers below them are body text.
    Left alone: a standard quoted in a text (its masthead never stands at the top of page 1).
    """
    out = list(raws)
    head = next(
        (k for k, raw in enumerate(out[:_COVER_HEAD]) if _STANDARD_MASTHEAD.match(raw.shadow.replace(" ", ""))), None
    )
    if head is None or _hint(hints, out[head]).page != 1:
        return out
    for k in range(head):
        out[k] = attrs.evolve(out[k], kind="nav", toc=False, marker=None, table=None, cells=())
    out[head] = attrs.evolve(out[head], kind="masthead", toc=False)
    k = head + 1
    if k < len(out) and _STANDARD_NUMBER.match(out[k].shadow.strip()):
        out[k] = attrs.evolve(out[k], kind="doc_number", toc=False)
        k += 1
    while k < len(out) and _REPLACES.match(out[k].shadow):
        out[k] = attrs.evolve(out[k], kind="nav", toc=False)
        k += 1
    start = k
    while k < len(out) and k - start < _TITLE_LINES and _hint(hints, out[k]).page == 1:
        if _ISSUE_DATES.match(out[k].shadow.replace("\t", " ")):
            break
        if not is_short(out[k].text):
            return out
        k += 1
    else:
        return out
    for j in range(start, k):
        out[j] = attrs.evolve(out[j], kind="short", toc=True, table=None, cells=())
    out[k] = attrs.evolve(out[k], kind="para", toc=False, table=None, cells=())
    k += 1
    while k < len(out) and _hint(hints, out[k]).page == 1:  # the issuing bodies at the cover's foot
        if out[k].kind in _TEXTUAL:
            out[k] = attrs.evolve(out[k], kind="para", toc=False)
        k += 1
    return out


_REPEATED_MIN = 6  # the cover line the title page repeats: at least a few words, not 清华大学 alone


def repeated_cover(raws: list[Raw], hints: Sequence[Hints]) -> list[Raw]:
    """A cover page the title page repeats, with no title the layout shows, is residue (nav).

    A report's cover printed as an image and read by OCR carries no alignment (its few rows give
    no text block to measure against), so its first line — the logo's wordmark, read as ``清幕大学``
    — opened a bulletin of its own and the cover's lines were its body (formats/pdf-text
    hushengjie_tsinghua-benke-jiaoxue-zhiliang-baogao-2023-2024 p1: ``清幕大学`` / ``大菜`` / ``厚自`` /
    ``★`` / ``2023-2024学年本科教学质量报告`` / ``清华大学`` / ``2024年11月``, the title page p2 centred
    ``清华大学2023-2024学年本科教学质量报告``). Where page 1 holds at most eight lines, no paragraph
    and no line marked a title, and the first title (on a later page) contains one of its lines of
    six characters or more, page 1's lines are kept as residue. Left alone: a cover whose title the
    layout shows (it is the headline, :func:`cover_imprint`), and a first page with body text.
    """
    out = list(raws)
    first = next((k for k, raw in enumerate(out) if raw.toc), None)
    if first is None or _hint(hints, out[first]).page in (None, 1):
        return out
    cover = [k for k in range(first) if _hint(hints, out[k]).page == 1 and not _hint(hints, out[k]).furniture]
    if not cover or len(cover) > _COVER_LINES or any(_hint(hints, out[k]).page not in (1, None) for k in range(first)):
        return out
    if any(out[k].kind not in _COVER_KINDS or not is_short(out[k].text) for k in cover):
        return out
    title = "".join(out[first].shadow.split())
    if not any(len(key) >= _REPEATED_MIN and key in title for k in cover if (key := "".join(out[k].shadow.split()))):
        return out
    for k in cover:
        out[k] = attrs.evolve(out[k], kind="nav", toc=False, marker=None)
    return out


def title_under_banner(raws: list[Raw], hints: Sequence[Hints]) -> list[Raw]:
    """The lines right under the 版头's 发文字号, up to the 主送 or the body, are one title block.

    GB/T 9704-2012 §7.3.1: the title stands centred under the 版头 (发文机关标志, 发文字号, the red
    rule), in one or more lines. OCR marks a line centred only where its margins show it, and a
    title line in 2号 type runs nearly full width, so a two-line title came apart: its first line
    read by its text, its centred second line as the title of a new bulletin (formats/pdf-scanned
    shou-xinxi-hang-2018-8 p1: ``上海海洋大学信息学院本科教学工作委员会工作职责`` / ``(2018版修订）``;
    shou-xinxi-hang-2019-4 p1: ``…关于教学督导面向“以学生为中心`` / ``及促进教学工作持续改进的补充规定``).
    Taken: up to four short lines (no sentence punctuation, at most 40 characters) right under a
    发文字号 that stands above any title; the run stops at the 主送 (``各系、室、中心：``), a point,
    a paragraph or a date. Left alone: a number printed under its title (a reprint), where the
    lines below are the body.
    """
    out = list(raws)
    for k, raw in enumerate(out):
        if raw.kind != "doc_number":
            continue
        if any(r.toc for r in out[:k]):
            break  # a number under its title: what follows is the body
        run = []
        for j in range(k + 1, min(k + 1 + _TITLE_LINES, len(out))):
            nxt = out[j]
            if nxt.kind not in _TEXTUAL or len(nxt.text) > _TITLE_MAX or not is_short(nxt.text):
                break
            if _hint(hints, nxt).furniture:
                break
            run.append(j)
        for j in run:
            out[j] = attrs.evolve(out[j], kind="short", toc=True)
        break
    return out


def _size(hints: Sequence[Hints], raw: Raw) -> float | None:
    return _hint(hints, raw).font_size


def _body_size(raws: Sequence[Raw], hints: Sequence[Hints]) -> float:
    """The type size that carries the most characters (the body's)."""
    chars: Counter[float] = Counter()
    for raw in raws:
        size = _size(hints, raw)
        if size and not _hint(hints, raw).furniture:
            chars[size] += len(raw.text)
    return chars.most_common(1)[0][0] if chars else 0.0


def cover_imprint(raws: list[Raw], hints: Sequence[Hints]) -> list[Raw]:
    """Lines under the first title in type under 0.7 of the title's size are not title lines.

    A report's or budget's cover sets its title large and the issuers and date small under it,
    all centred, so the alignment rule read them as one title (formats/pdf-text
    simonxinw_shenzhen-tjj_xingbie-tongji-2021 p1: ``2021年深圳市社会性别统计报告`` at 31 pt over
    ``深圳市统计局`` … ``二〇二二年十二月`` at 17.5 pt; zxjbudget_putuo-zhengfu-bangongshi-2025 p1:
    ``上海市普陀区2025年区级部门预算`` at 36 pt over ``预算主管部门：上海市普陀区人民政府办公室`` at 18 pt).
    They stay body text (cover imprints are not a 落款). Left alone: a title's second line in the
    same or a slightly smaller size (GB/T 9704's English title at 0.78, a 副题), and every line
    whose text says what it is (dates, document numbers, notes) — only lines the alignment rule
    made title lines change.
    """
    out = list(raws)
    first = next((k for k, raw in enumerate(out) if raw.toc), None)
    if first is None:
        return out
    title = _size(hints, out[first])
    if not title:
        return out
    page = _hint(hints, out[first]).page
    k = first + 1
    while k < len(out) and out[k].toc and out[k].kind == "short" and _hint(hints, out[k]).page == page:
        size = _size(hints, out[k])
        # OCR measures a Latin line by its lower case (GB/T 15834's English title at 0.51 of the
        # Chinese one's box height): only a line with Chinese characters is measured.
        if size and size < _IMPRINT_RATIO * title and _HAN.search(out[k].text):
            while k < len(out) and out[k].toc and out[k].kind == "short" and _hint(hints, out[k]).page == page:
                out[k] = attrs.evolve(out[k], kind="para", toc=False)
                k += 1
            break
        k += 1
    return out


# 预算单位：上海市财政局 / 预算主管部门：上海市普陀区人民政府办公室 / 编制单位：…: a cover's label line.
_COVER_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:单位|部门|机关|机构)[：:]\s*\S")


def cover_label(raws: list[Raw], hints: Sequence[Hints]) -> list[Raw]:
    """A cover's ``label：value`` line under the first line, in type under 0.7 of its size, is body text.

    A budget's cover sets its title large and names the unit under it small, as a label
    (formats/pdf-text zxjtianbao_shanghai-caizhengju-2025-danwei-yusuan_excel2007 p1:
    ``上海市2025年市级单位预算`` at 36 pt over ``预算单位：上海市财政局`` at 18 pt). Where the title is
    not set centred :func:`cover_imprint` does not see it, and the text rules read the label as
    the title's second line (headline ``上海市2025年市级单位预算预算单位：上海市财政局``). Taken: the
    second line of page 1, a unit's label (``…单位：``, ``…部门：``, ``…机关：``) and its name, in type
    under 0.7 of the first line's. Left alone: the same label in the title's size (a title line).
    """
    if len(raws) < 2:
        return raws
    first, label = raws[0], raws[1]
    big, small = _size(hints, first), _size(hints, label)
    if _hint(hints, first).page != 1 or _hint(hints, label).page != 1 or not big or not small:
        return raws
    if small >= _IMPRINT_RATIO * big or not _COVER_LABEL.match(label.shadow.strip()) or label.kind not in _TEXTUAL:
        return raws
    return [first, attrs.evolve(label, kind="para", toc=False), *raws[2:]]


def cover_sections(raws: list[Raw], hints: Sequence[Hints]) -> list[Raw]:
    """On a document with a cover page, later centred lines in smaller type than the cover title are subheads.

    A report with a cover (the title and its imprint alone on page 1, at most eight lines, none
    a paragraph) sets its chapters centred in a size between the body's and the title's; the
    alignment rule read each as a new document's title (formats/pdf-text
    simonxinw_shenzhen-tjj_xingbie-tongji-2021: ``1人口特征``, ``2婚姻及家庭状况`` … at 20 pt under a
    31 pt cover title, nine bulletins; the budget disclosures' ``名词解释`` at 18 pt under 36 pt).
    A line in at most 0.8 of the title's size is a subhead when it is larger than the body or reads
    as a title (``第一部分 上海市普陀区规划和自然资源局概况``, ``一般公共预算财政拨款支出决算表`` at the
    body's 15 pt); a centred sentence in the body's size (``2021年，深圳市各区（新区）常住人口情况如下:``
    at 17.5 pt) is body text. Left alone: documents without a cover (an order's regulation title under the order,
    国务院令第535号 at the same size), and lines in the title's size or larger (a second document).
    """
    out = list(raws)
    first = next((k for k, raw in enumerate(out) if raw.toc), None)
    if first is None:
        return out
    title = _size(hints, out[first])
    page = _hint(hints, out[first]).page
    if not title or page is None:
        return out
    on_cover = [k for k, raw in enumerate(out) if _hint(hints, raw).page == page and not _hint(hints, raw).furniture]
    if len(on_cover) > _COVER_LINES or any(out[k].kind not in _COVER_KINDS and not out[k].toc for k in on_cover):
        return out
    if any(out[k].kind == "para" and not is_short(out[k].text) for k in on_cover):
        return out
    body = _body_size(out, hints)
    sections = 0
    for k, raw in enumerate(out):
        hint = _hint(hints, raw)
        if not raw.toc or hint.page in (None, page) or not hint.font_size or hint.font_size > _SECTION_RATIO * title:
            continue
        kind = "subhead" if hint.font_size > body * 1.05 or is_short(raw.text) else "para"
        numbered = bare_number_marker(raw.text, raw.shadow) if kind == "subhead" else None
        if numbered is not None and numbered.number == sections + 1:
            # 1人口特征 … 9法律保护: the chapters count, a number glued to each title (the formats guide: a
            # section's bare number is a point).
            sections += 1
            out[k] = attrs.evolve(raw, kind="point", toc=False, marker=numbered)
            continue
        out[k] = attrs.evolve(raw, kind=kind, toc=False)
    return out
