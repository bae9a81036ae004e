"""Rules *marked subhead* and *short run*: what a run of short unpunctuated lines is.

DESIGN §4's hardest question. A run of short lines (no sentence punctuation, at most 64
characters) is a headline block, a subhead of the story (小标题), a section of a page-wide
feature, a notice's closing (issuer lines over a date), or the one-line content of a heading
point; :func:`decide_run` weighs the evidence in that order and says which. A headline or subhead
has at most six lines: a longer run, or one under a title ending 名单, is a list printed one item a
line, its title over one paragraph per item (:func:`_is_list`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from ..context import NOTE, Context
from ..lines import Raw
from ..tokens import LineInfo, retyped
from .contents import entry_key, is_contents_label, listed
from .credits import foreign_writer
from .endings import BRIEF_COLUMN, is_lede, opens_a_list
from .headnotes import is_adoption_note, is_box_label, is_bullet_note, is_signed_headnote, is_summary, stat_lines
from .laws import (
    annexed_here,
    continues_articles,
    ends_headline,
    issued_again,
    issuer_line,
    issues_here,
    named_issue,
    named_issue_end,
    signed_under_title,
)
from .paragraphs import paragraph
from .speech import salutation_lines, speaker_lines

# ----（文献一） labels one item of a series under a compilation heading (seed 002).
SERIES_LABEL = re.compile(r"^[-—－]*\s*[（(](?:文献|之)[一二三四五六七八九十]{1,3}[）)]$")
_SUBTITLE = re.compile(r"^(?:——|--|－－)")
# ——2026年2月3日在宁夏回族自治区第十三届人民代表大会第四次会议上, 在…座谈会上的讲话: the occasion of a speech.
_OCCASION = re.compile(r"在[^，。]{2,60}(?:会议|大会|座谈会|论坛|峰会|典礼|仪式|开幕式|闭幕式)上")
_INTRO_PARAGRAPHS = 2  # a feature's undated introduction above its first subhead
_DECK_MAX = 6  # the longest headline block in the seeds and the corpus sample has five lines
# 江西省2022年国民经济和社会发展统计公报[1]: a footnote's marker on a title printed again (formats/html-pages/
# simonxinw_yichun-gov_jiangxi-tjgb-2022.html line 21, under the page's own title on line 18).
_FOOTNOTE = re.compile(r"(?:\[\d{1,2}\]|［\d{1,2}］|〔\d{1,2}〕)$")
# 【人物】北京313路公交车司机刘宝中 / 【故事】… / 【点评】 under 有爱的旅途不孤独（暖闻热评）, 【绝活看点】 under a
# 工匠绝活 title (13 and 5 rmrb files, rmrb/2019-02/20190219-05-05.txt line 4): a box's field label opening
# a line below the title begins the body. A first line may still open with 【…】 (新闻联播 items' titles).
_FIELD_LABEL = re.compile(r"^【[^】\s]{2,6}】")
_NAME_LIST = re.compile(r"名单$")
_LETTER = re.compile(r"^(?:——|--|－－)\s*致[^，。]{2,30}的(?:倡议书|公开信|一封信|慰问信|感谢信|贺信|信)$")
# 召 集 人：孙春兰　　国务院副总理 / 丁向阳　　国务院副秘书长: an entry of a list (a label, or a name and a post).
_LIST_ENTRY = re.compile(r"[：:]|\S[\s　]{2,}\S")


def _joined(run: list[Raw]) -> LineInfo:
    parts = tuple((raw.number, raw.text) for raw in run)
    return LineInfo(first=run[0].number, last=run[-1].number, text="\n".join(t for _, t in parts), parts=parts)


def short_run(ctx: Context, i: int) -> int:
    """Read the run of short lines starting at *i* as what :func:`decide_run` says it is."""
    raws = ctx.raws
    j = i + 1
    while j < len(raws) and raws[j].kind == "short" and not (raws[j].toc and not raws[j - 1].toc):
        j += 1
    # A box label (核心阅读), a 提要 sentence or a 题注 ends a headline run: its own rule reads it.
    # So does a speaker's office over the name line (自治区人民政府主席 / 张 雨 浦): the speaker's, not the title's.
    for k in range(i + 1, j):
        shadow = raws[k].shadow
        if (is_summary(shadow) or is_bullet_note(shadow)) and _flush_under_title(raws, k):
            # A 副题 set flush left in the head of an indented text: the head ends with it, before the
            # first indented line (患难见真情  共同抗疫情(国际视野) / 新冠肺炎疫情是…充满信心 / 　　中国为全球抗击疫情
            # 争取了时间, a section's title: rmrb/2020-02/20200217-16-01.txt lines 2–4).
            j = next((n for n in range(k + 1, j) if raws[n].indented), j)
            break
        if (
            is_box_label(shadow)
            or _FIELD_LABEL.match(shadow)  # 【人物】… under a 暖闻热评 title: the box's first field
            or is_bullet_note(shadow)  # ■ a summary bullet (lexing/rules/headnotes.py)
            or is_summary(shadow)
            or is_adoption_note(shadow)
            or is_signed_headnote(shadow)  # （民政部　一九九七年一月二十八日） (lexing/rules/headnotes.py)
            or is_contents_label(shadow)  # 目录 under a report's title (lexing/rules/contents.py)
            or ends_headline(shadow)  # a 题注 without parentheses, or one that runs on (lexing/rules/laws.py)
            or speaker_lines(raws, k)  # 自治区人民政府主席 over 张 雨 浦 (lexing/rules/speech.py)
            or salutation_lines(raws, k)  # 女士们，先生们， / 同志们，朋友们： (lexing/rules/speech.py)
            or stat_lines(raws, k)  # a stat callout: 20多万 over its sentence (lexing/rules/headnotes.py)
        ):
            j = k
            break
    # Issuer lines over a date with the text below them end a title's run: a communiqué's head
    # (lexing/rules/laws.py signed_under_title), read by its own rule.
    for k in range(i + 1, j):
        if issuer_line(raws[k - 1]):
            break
        if signed_under_title(raws, k) is not None:
            j = k
            break
    # The issued document's title, cut short by the layout: the run reads on to the end of its name
    # (a longer run keeps its lines: a 题注 under the title, govcn-html row47 lines 8–10).
    named_end = named_issue_end(ctx, i)
    if named_end is not None and named_end <= j:
        named_end = None
    if named_end is not None:
        j = named_end
    if named_end is None and j - i > _DECK_MAX:
        j = _title_after_list(raws, i, j)
    run = list(raws[i:j])
    decision = "issued" if named_end is not None else decide_run(ctx, run, j)
    # Inside an issued document or an annex, a title that would open a bulletin does so only when it
    # signs itself (lexing/rules/laws.py issued_again).
    if decision == "headline" and issued_again(ctx, "".join(entry_key(raw.shadow) for raw in run), j):
        decision = "annex" if ctx.last == "ATTACHMENT" else "issued"
    if decision == "closing":
        for k in range(i, j):
            ctx.emit_line("ISSUER", k)
        return j
    if decision == "paragraph":
        return paragraph(ctx, i)
    if decision == "section":
        # The section's title is a subhead; its writer's line is the bulletin's byline too.
        ctx.sectioned = True
        ctx.emit("SUBHEAD", _joined(run))
        if speaker_lines(raws, j):  # 挂职副县长 / 许亚洲 (rmrb/2020-01/20200101-04-01.txt lines 15-16)
            ctx.emit_line("SECTION_BYLINE", j)
            j += 1
        return ctx.emit_line("SECTION_BYLINE", j)
    if decision == "brief_title":
        return ctx.emit_line("BRIEF_TITLE", i)
    if decision == "subhead" and _signs_itself(ctx, run, i, j):
        decision = "headline"
    if decision == "subhead":
        # A subhead is a heading of a few lines, as a headline block is: a longer run is a list printed
        # one item a line under its title (第五批全国学雷锋活动示范点名单 / （50个） / 中国人民抗日战争纪念馆 / … 52
        # lines inside a dispatch, rmrb/2019-02/20190228-07-02.txt; a lyric's verses), each item a paragraph.
        if not _is_list(run):
            k = len(run)
        elif _continues_list(ctx, i):
            k = 0  # the list runs on after an item the run could not hold (史长城 …副部长，县广播电视台党组书记、台长)
        else:
            k = _list_title(run)
        if k:
            ctx.emit("SUBHEAD", _joined(run[:k]))
        _list_items(ctx, run[k:])
        return j
    if decision == "repeat":
        for k in range(i, j):
            ctx.emit_line("NAV", k)
        return j
    if decision == "retitle":
        # The page's title was read as the headline: it is the page's residue, and this run the headline.
        start = _headline_start(ctx)
        ctx.out[start:] = [
            retyped(made, "NAV") if made.type.startswith("HEADLINE") else made for made in ctx.out[start:]
        ]
        ctx.in_bulletin = False
        headline(ctx, run)
        return j
    if decision in {"issued", "annex"}:
        ctx.terminal_seen = False
        ctx.issued = "annex" if decision == "annex" or ctx.last == "ATTACHMENT" else ctx.issued or "issued"
        k = len(run)
        if k > _DECK_MAX:
            # A title over a list printed one entry a line (国务院职业教育工作 / 部际联席会议成员名单 /
            # 召 集 人：孙春兰　　国务院副总理 …, govcn-html row55 lines 25–38): the entries are paragraphs.
            k = next((n for n, raw in enumerate(run) if _LIST_ENTRY.search(raw.shadow)), k) or 1
        ctx.emit("ISSUED_TITLE", _joined(run[:k]))
        _list_items(ctx, run[k:])
        return j
    if decision == "promulgated":
        ctx.order = ""
        ctx.terminal_seen = False
        headline(ctx, run, keep_open=True)
        return j
    if _is_list(run):
        # A title over a list printed one item a line (第五批全国岗位学雷锋标兵名单 / （50个） / 杨大伟 中国
        # 中医科学院广安门医院主任医师 / …, rmrb/2019-02/20190228-07-02.txt): the title is the headline, each
        # item a paragraph.
        k = _list_title(run)
        headline(ctx, run[:k])
        _list_items(ctx, run[k:])
        return j
    headline(ctx, run)
    return j


def _is_list(run: Sequence[Raw]) -> bool:
    """The run is a list printed one item a line under its title.

    Longer than any heading, or under a title that says it lists (…名单 over 杨大伟 中国中医科学院
    广安门医院主任医师 / 蔡成 …).
    """
    if len(run) > _DECK_MAX:
        return True
    return len(run) > _list_title(run) and _NAME_LIST.search(run[0].shadow.strip()) is not None


def _list_title(run: Sequence[Raw]) -> int:
    """How many lines of a long run title the list under it.

    The first line and its parenthesised or dashed continuation (第五批全国学雷锋活动示范点名单 / （50个））.
    """
    k = 1
    while k < len(run) and (NOTE.match(run[k].shadow) or _SUBTITLE.match(run[k].shadow)):
        k += 1
    return k


def _list_items(ctx: Context, items: Sequence[Raw]) -> None:
    """Each line of a list printed one item a line is a paragraph of its own."""
    for raw in items:
        ctx.emit("PARAGRAPH", LineInfo(first=raw.number, last=raw.number, text=raw.text, shadow=raw.shadow))
        ctx.list_end = raw.number


def _signs_itself(ctx: Context, run: Sequence[Raw], i: int, j: int) -> bool:
    """A titled list inside a dated dispatch ends with a dateline of its own: it is a dispatch of its own.

    中宣部命名第五批…标兵 / 新华社北京2月27日电 … / 第五批全国学雷锋活动示范点名单 / （50个） / 中国人民抗日
    战争纪念馆 / … / （新华社北京2月27日电） (rmrb/2019-02/20190228-07-02.txt lines 2–60): the list is the
    agency's second item of the day, printed under the first, as the 标兵 list after it is.
    """
    after = ctx.peek(j)
    return (
        ctx.has_dateline
        and after is not None
        and after.kind == "trailing_dateline"
        and _is_list(run)
        and not _continues_list(ctx, i)
    )


def _continues_list(ctx: Context, i: int) -> bool:
    """Line *i* follows a list's items with at most one paragraph line between (an item that is no short line)."""
    if ctx.list_end < 0 or ctx.last != "PARAGRAPH":
        return False
    before = [raw.number for raw in ctx.raws[max(0, i - 2) : i]]
    return ctx.list_end in before


def _headline_start(ctx: Context) -> int:
    """Where the current bulletin's HEADLINE_START stands in :attr:`Context.out`, or len(out)."""
    return next((k for k in range(len(ctx.out) - 1, -1, -1) if ctx.out[k].type == "HEADLINE_START"), len(ctx.out))


def _page_title_over(ctx: Context, key: str) -> bool:
    """The bulletin so far is a headline the run prints again in full, with page residue between.

    A site's page title over the article's own headline block (习近平主持召开深入推进长三角一体化发展座谈会 /
    来源：新华社 / … / 习近平主持召开深入推进长三角一体化发展座谈会强调 / 推动… / 李强蔡奇出席,
    formats/html-pages/magichtml_kepu-gov_xijinping-changsanjiao-zuotanhui.html lines 18–25): the shorter
    first copy read as a headline left an empty bulletin before the article's.
    """
    if not ctx.headline_key or ctx.paragraphs or key == ctx.headline_key or not key.startswith(ctx.headline_key):
        return False
    start = _headline_start(ctx)
    return start < len(ctx.out) and all(
        made.type.startswith("HEADLINE") or made.type in _TITLE_RESIDUE for made in ctx.out[start:]
    )


_TITLE_RESIDUE = frozenset({"NAV", "NOISE", "IMAGE", "FRONT_NAV"})
_TAIL_TITLE_MAX = 2
_BODY_AHEAD = 8


def _flush_under_title(raws: Sequence[Raw], k: int) -> bool:
    """Line *k* is set flush left in the head of a text whose body is indented: a 副题, not a 提要.

    People's Daily prints the headline block flush left and the body, 提要 included, indented: 习近平会见
    国际奥委会主席巴赫 / 习近平强调，中方高度重视筹办北京冬奥会，… (rmrb/2019-02/20190201-01-03.txt line 3), 李克强主持
    召开国务院常务会议 / 审议通过《…》，…；讨论通过《…》 (2019-10/20191009-02-04.txt) are 副题 (the corpus guide;
    rmrb/2020-02/20200217-16-01.txt's fixture), an indented long line under the title a 提要.
    """
    return not raws[k].indented and any(raw.indented for raw in raws[k + 1 : k + 1 + _BODY_AHEAD])


def _title_after_list(raws: Sequence[Raw], i: int, j: int) -> int:
    """Where a list printed one entry a line ends, when a title over body text follows it after a blank.

    ``…瞿金平  华南理工大学`` / (blank) / ``牢记嘱托，在创新创造中建功立业`` / ``——致全国科技工作者的倡议书`` / ``为深入
    学习贯彻…`` (rmrb/2020-05/20200530-06-01.txt lines 317–321): short lines all, the run took the next
    document's title. At most two lines after the list's last blank, with text (not a list entry) under them.
    """
    after = raws[j] if j < len(raws) else None
    if after is None or after.kind != "para":
        return j
    k = next((k for k in range(j - 1, i, -1) if raws[k].number > raws[k - 1].number + 1), None)
    if k is None or j - k > _TAIL_TITLE_MAX or _LIST_ENTRY.search(raws[k].shadow):
        return j
    return k


_SUMMARIES_MAX = 3


def _past_summaries(ctx: Context, j: int) -> int:
    """The index after the 提要 sentences and ■ bullets that start at *j* (at most three), or *j*."""
    k = j
    while (
        k < len(ctx.raws)
        and k - j < _SUMMARIES_MAX
        and ctx.raws[k].kind in {"short", "para"}
        and (is_summary(ctx.raws[k].shadow) or is_bullet_note(ctx.raws[k].shadow))
    ):
        k += 1
    return k


def decide_run(ctx: Context, run: list[Raw], j: int) -> str:
    """Decide what a run of short unpunctuated lines is; *j* indexes the first line after it."""
    after = ctx.peek(j)
    if after is not None and speaker_lines(ctx.raws, j):
        after = attrs.evolve(after, kind="byline")  # an office line over the speaker's name
    # A notice's closing: issuer line(s) directly above a date line that ends the bulletin
    # (seed 002: 党委办公室 / 2020年2月9日).
    if ctx.in_bulletin and after is not None and after.kind == "date_only" and ctx.closing_date_here(j):
        return "closing"
    # An order's signature, over its date: under a law's title (the law's articles after it), or
    # above the regulation it promulgates (lexing/rules/laws.py).
    if ctx.order and ctx.last == "ORDER_TEXT" and after is not None and after.kind == "date_only":
        return "closing"
    # An official document's own parts (lexing/rules/contents.py, laws.py): the title of the
    # regulation an order promulgates, under the order's signature; the title printed twice (a web
    # print's page title over the document's); a heading its 目录 listed, or any heading of a document
    # that printed a 目录, or one between two articles (附 则 between 第一千二百五十八条 and
    # 第一千二百五十九条) — none opens a bulletin.
    if ctx.order == "head" and ctx.last == "CLOSING_DATE":
        return "promulgated"
    if issues_here(ctx, j) or named_issue(ctx, "".join(entry_key(raw.shadow) for raw in run), j):
        return "issued"
    if annexed_here(ctx, j):
        return "annex"
    # 第二届全国创新争先奖牌获奖团队名单 / （按团队名称首字笔画排序） right after a 表彰决定's 落款 (rmrb/2020-05/
    # 20200530-06-01.txt line 14): the decision's list of the honoured, printed without an 附件 label.
    if ctx.in_bulletin and ctx.after_closing() and _NAME_LIST.search(run[0].shadow.strip()):
        return "annex"
    if ctx.in_bulletin and not ctx.terminal_seen:
        key = "".join(entry_key(raw.shadow) for raw in run)
        if ctx.headline_key and _FOOTNOTE.sub("", key) == ctx.headline_key and not ctx.paragraphs:
            return "repeat"
        if _page_title_over(ctx, key):
            return "retitle"
        if ctx.contents or listed(ctx, run[0].shadow) or continues_articles(ctx, after):
            return "subhead"
    # Word headings (seed 002's [bookmark: _Toc…]) are headlines, and so is the title under a
    # masthead or a document number.
    if any(raw.toc for raw in run) or ctx.last in {"MASTHEAD", "DOC_NUMBER"}:
        return "headline"
    # Followed by a dateline, a speech date or a byline: the classic headline block
    # (seeds 000, 003, 004).
    # 政府工作报告 / ——2026年2月3日在…会议上 over the speaker or the salutation (web/govreport, after a page's
    # chrome): a speech's title block wherever it stands, never a section or a subhead.
    if (
        after is not None
        and after.kind in {"byline", "salutation"}
        and any(_OCCASION.search(raw.shadow) for raw in run)
    ):
        return "headline"
    # （马来西亚）胡逸山 under a title opens a foreign contributor's section of a page of several (国际论坛,
    # 风从东方: rmrb/2019-02/20190222-17-01.txt, 2020-02/20200217-16-01.txt), however long the ones before.
    if (
        after is not None
        and after.kind == "byline"
        and "评论员" not in after.shadow
        and ctx.sections_a_page(contributed=foreign_writer(after.shadow) is not None)
    ):
        return "section"
    if after is not None and after.kind in {"dateline", "speech_date", "byline"}:
        return "headline"
    # …or followed by its 提要 and then the dateline: 新首钢三年行动计划发布 / 到2021年，新首钢…取得阶段性成果 /
    # 本报北京2月13日电 (a 速览 column's second brief, rmrb/2019-02/20190214-10-04.txt lines 9–11).
    noted = _past_summaries(ctx, j)
    if noted != j and (beyond := ctx.peek(noted)) is not None and beyond.kind == "dateline":
        return "headline"
    if not ctx.in_bulletin:
        return "headline"
    # The one-line content of a heading point: 一、时    间 / 2020年2月10日--13日,
    # 二、学习形式 / 采取居家自学 (seed 002).
    if ctx.last == "POINT" and len(run) == 1:
        return "paragraph"
    # A feature's subhead inside the body: 立即响应 靠前指挥 下沉一线 / ——织密织牢… (seed 003).
    # 牢记嘱托，在创新创造中建功立业 / ——致全国科技工作者的倡议书 (rmrb/2020-05/20200530-06-01.txt lines 319–320):
    # a subtitle naming a letter titles a document of its own, not a subhead of the one before.
    if ctx.in_bulletin and any(_LETTER.match(raw.shadow.strip()) for raw in run):
        return "headline"
    if any(_SUBTITLE.match(raw.shadow) for raw in run) and ctx.last in {
        "PARAGRAPH", "LEAD", "BYLINE", "SUBHEAD", "POINT",
    }:  # fmt: skip
        return "subhead"
    # Inside a body that is not finished, a short run opens a new bulletin only on evidence:
    # the body ended (会议还研究了其他事项。, a closing, a trailing dateline: seed 004 line 70),
    # or a readout lede follows (1月23日，省委常委会召开会议… under its title: seed 002 lines
    # 313, 318), or the first point of a new list does (一、9月1日，全省… under a digest's
    # heading: seed 000 lines 273, 326). Otherwise it is a subhead (小标题) of the story:
    # People's Daily features cut their bodies with them (八天八夜不回家：疫情来袭，党员冲锋在前,
    # rmrb 2020-02), and each one opened a bulletin that took the rest of the story.
    # Inside a brief column (国内联播快讯, 新闻速递: web/xwlb, rmrb) each short title opens a
    # brief of its own (DESIGN §8).
    if ctx.brief_column:
        # …unless the column's own bulletin has no text yet: 国内联播快讯 / 央视网消息（新闻联播）：
        # / 我国浮空艇… (web/xwlb/20190601.md lines 129-132): the first brief's title completes
        # the column's headline.
        if ctx.paragraphs:
            return "headline"
        return "brief_title" if ctx.last == "DATELINE" and len(run) == 1 else "subhead"
    if ctx.terminal_seen or (after is not None and opens_a_list(after)):
        return "headline"
    # …but in a body already cut by subheads (a feature), a title over a lede is one more subhead:
    # 创意无限，延伸爱国深情 / 10月1日，南京玄武湖公园举行… after 歌声嘹亮，唱响爱国豪情 and 活动丰富，点燃
    # 爱国热情 (rmrb/2019-10/20191003-01-06.txt line 13). So is a feature's first subhead after an undated
    # introduction (the *second lede* rule of lexing/rules/paragraphs.py: only a bulletin that has read a
    # lede of its own is ended by another): 多种措施构筑严密防线 / 2月1日，公安部交通管理局召开… under
    # 当前，疫情防控正处于关键期。… (rmrb/2020-02/20200202-04-01.txt lines 4–6; 2020-01/20200114-19-01.txt,
    # 2019-10/20191016-06-02.txt, 2020-02/20200209-04-01.txt were cut in two the same way): one line over a
    # lede after at most two undated paragraphs. A titled item after a longer undated one is a new item
    # (seed 002 line 222: a readout's three-line title after the eleven paragraphs of the one before).
    introduced = len(run) == 1 and 0 < ctx.paragraphs <= _INTRO_PARAGRAPHS and not (ctx.led or ctx.has_dateline)
    if after is not None and is_lede(after, dated_subject=True) and not ctx.subheads and not introduced:
        return "headline"
    return "subhead"


def headline(ctx: Context, run: list[Raw], *, keep_open: bool = False) -> None:
    """Emit *run* as a headline block (a compilation heading above a series label as SECTION).

    With *keep_open*, the bulletin being built goes on (an order's regulation under its signature).
    """
    keep_open = keep_open or ctx.last in {"MASTHEAD", "DOC_NUMBER"}
    # A brief column's label starts a run of briefs; a brief inside it keeps the column open;
    # any other title ends it.
    inside = ctx.brief_column and ctx.in_bulletin and not ctx.terminal_seen
    ctx.brief_column = inside or any(BRIEF_COLUMN.search(raw.shadow) for raw in run)
    # 习近平总书记“三篇光辉文献” / 习近平在山西考察… / ----（文献一） (seed 002): lines above the
    # title of the first item of a series are the series' compilation heading.
    labels = [k for k, raw in enumerate(run) if SERIES_LABEL.match(raw.shadow)]
    if labels and labels[0] >= 2:
        heading, run = run[: labels[0] - 1], run[labels[0] - 1 :]
        ctx.emit("SECTION", _joined(heading))
    if not keep_open:
        ctx.open_bulletin()
    ctx.headline_key = "".join(entry_key(raw.shadow) for raw in run)
    for k, raw in enumerate(run):
        kind = "HEADLINE_START" if k == 0 else "HEADLINE_LINE"
        ctx.emit(kind, LineInfo(first=raw.number, last=raw.number, text=raw.text, shadow=raw.shadow))


# -- the rules ------------------------------------------------------------------------------


def marked_subhead(ctx: Context, i: int) -> int | None:
    """A heading a structured reader marked as a subhead, inside a bulletin.

    A ``##`` heading with no marker, a bold short line in a body (bulletins.lexing.hints).
    """
    if not ctx.in_bulletin:
        return None
    return ctx.emit_line("SUBHEAD", i)


def short_lines(ctx: Context, i: int) -> int | None:
    """A run of short lines: a headline, subhead, section, closing or point content.

    :func:`decide_run` weighs the evidence; a byline or a marked subhead may start the run.
    """
    return short_run(ctx, i)
