"""Structured bulletins rendered to text the way notices are printed, for round-trip properties.

A :class:`Spec` says what a careful reader should find; :func:`render` prints it (U+3000
indentation, blank lines, wrapped headlines, CRLF, Traditional script); the test parses the
text back and compares. Where the renderer could print text that is truly ambiguous, the
strategy is constrained, and the constraint says why.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from hypothesis import strategies as st
from opencc import OpenCC

_S2T = OpenCC("s2t")

# Headline fragments: short, no punctuation, none of them a name list (a byline), a caption
# (正在…), a masthead (…文件), a marker or a date.
HEADLINES = [
    "中共中央政治局召开会议", "习近平主持召开中央全面深化改革委员会", "第二十七次会议强调",
    "全省疫情防控工作电视电话会议在广州召开", "研究部署进一步优化防控工作", "坚决打赢疫情防控阻击战",
    "我市创建文明城市迎检工作动员会召开", "扎扎实实做好改革发展稳定各项工作", "省委常委会扩大会议精神",
    "全面提高依法防控依法治理能力", "为疫情防控提供有力法治保障", "关于召开理论学习中心组学习的通知",
]  # fmt: skip
# Paragraph openings: each starts a distinct sentence (the noise rule drops repeated
# paragraphs), none starts with a date lede (which may open a new bulletin), a marker or 会议还研究.
# None is the end of another: 会上，… under 座谈会上，… with the same clauses is a piece of a recent
# paragraph, which the noise rule rightly reads as a layout repeat (found by the soak, session 11).
OPENINGS = [
    "会议指出", "会议强调", "会议认为", "会议要求", "习近平指出", "李希强调", "王伟中要求", "楼阳生指出",
    "文章指出", "讲话强调", "通知要求", "意见提出", "报告指出", "座谈会上", "会议提出", "会后",
]  # fmt: skip
assert not [(a, b) for a in OPENINGS for b in OPENINGS if a != b and b.endswith(a)]
CLAUSES = [
    "要坚持人民至上、生命至上", "要完整、准确、全面贯彻新发展理念", "要统筹疫情防控和经济社会发展",
    "要加强组织领导，压实工作责任", "要科学精准做好疫情防控工作", "要扎实推进乡村振兴",
    "要全力做好人民群众生产生活服务保障", "要坚持底线思维，增强忧患意识",
]  # fmt: skip
# Names: known surnames, two or three characters; roles end with a title word.
NAMES = [
    "李克强",
    "王沪宁",
    "韩正",
    "林克庆",
    "张福海",
    "陈建文",
    "王曦",
    "张晓强",
    "陈良贤",
    "吴秀玲",
    "宋红波",
    "刘鹤",
]
ROLES = ["中共中央政治局常委", "省委书记", "省委副书记、省长", "省领导", "市委常委、副市长"]
VERBS = ["出席会议", "参加会议", "主持会议"]
PLACES = ["北京", "南京", "努尔苏丹", "乌兹别克斯坦撒马尔罕"]
ISSUERS = ["党委办公室", "某某省人民政府办公厅", "某某市教育委员会"]
HEADING_TEXTS = ["时间", "学习形式", "参加人员", "学习内容", "相关要求", "工作安排"]
CN = "一二三四五六七八九十"


@dataclass
class Para:
    """A plain paragraph; ``enum`` markers when it carries an inline enumeration."""

    text: str
    enum: list[str] = field(default_factory=list)
    attendees: list[tuple[str, list[str]]] = field(default_factory=list)


@dataclass
class PointSpec:
    """A point: marker, the level the parser should give it, and its text."""

    marker: str
    level: int
    text: str


@dataclass
class Spec:
    """What a careful reader finds in one bulletin."""

    headline: list[str]
    dateline: tuple[str, str | None, int, int] | None = None
    dateline_text: str = ""
    byline: list[str] = field(default_factory=list)
    speech: tuple[str, str, str] | None = None  # (date line, speaker, salutation)
    blocks: list[Para | PointSpec] = field(default_factory=list)
    closing: tuple[str, str] | None = None  # (issuer, date)
    trailing: str = ""  # a trailing dateline, printed after the last paragraph


def _t(text: str, traditional: bool) -> str:
    return str(_S2T.convert(text)) if traditional else text


@st.composite
def paragraphs(draw: st.DrawFn, opening: str, traditional: bool) -> Para:
    kind = draw(st.sampled_from(["plain", "enum", "attend"]))
    if kind == "enum":
        items = draw(st.lists(st.sampled_from(CLAUSES), min_size=2, max_size=4, unique=True))
        family = draw(st.sampled_from(["要", "是"]))
        markers = [f"{CN[k]}{family}" for k in range(len(items))]
        body = "".join(
            f"{m}{_t(item.removeprefix('要'), traditional)}。" for m, item in zip(markers, items, strict=True)
        )
        return Para(text=f"{_t(opening, traditional)}，{_t('要加强领导', traditional)}。{body}", enum=markers)
    if kind == "attend":
        role = draw(st.sampled_from(ROLES))
        names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=4, unique=True))
        verb = draw(st.sampled_from(VERBS))
        text = _t(role, traditional) + "、".join(_t(n, traditional) for n in names) + _t(verb, traditional) + "。"
        # A unique second sentence: two identical short paragraphs would rightly be read as a
        # repeated fragment (noise). The attendee sentence opens the paragraph, since an
        # opening clause such as 李希强调， would make it reported speech.
        text += _t(f"{opening}，{draw(st.sampled_from(CLAUSES))}。", traditional)
        return Para(text=text, attendees=[(_t(verb[:2], traditional), [_t(n, traditional) for n in names])])
    clauses = draw(st.lists(st.sampled_from(CLAUSES), min_size=1, max_size=3, unique=True))
    return Para(text=_t(opening + "，" + "，".join(clauses) + "。", traditional))


@st.composite
def specs(draw: st.DrawFn, traditional: bool) -> Spec:
    lines = draw(st.lists(st.sampled_from(HEADLINES), min_size=1, max_size=4, unique=True))
    spec = Spec(headline=[_t(line, traditional) for line in lines])
    opening_kind = draw(st.sampled_from(["dispatch", "newsflash", "byline", "speech", "plain", "trailing"]))
    openings = iter(draw(st.permutations(OPENINGS)))
    if opening_kind == "dispatch":
        place = draw(st.sampled_from(PLACES))
        month, day = draw(st.integers(1, 12)), draw(st.integers(1, 28))
        lead = draw(st.sampled_from(["", "据"]))
        spec.dateline = (_t("新华社", traditional), _t(place, traditional), month, day)
        spec.dateline_text = _t(f"{lead}新华社{place}", traditional) + f"{month}月{day}日" + _t("电", traditional)
    elif opening_kind == "trailing":
        # （新华社北京2月28日电） printed after the last paragraph instead of before the first.
        place = draw(st.sampled_from(PLACES))
        month, day = draw(st.integers(1, 12)), draw(st.integers(1, 28))
        spec.dateline = (_t("新华社", traditional), _t(place, traditional), month, day)
        spec.trailing = "（" + _t(f"新华社{place}", traditional) + f"{month}月{day}日" + _t("电", traditional) + "）"
    elif opening_kind == "newsflash":
        reporter = draw(st.sampled_from(NAMES))
        month, day = draw(st.integers(1, 12)), draw(st.integers(1, 28))
        spec.dateline = (_t("本报", traditional), None, month, day)
        spec.dateline_text = _t(f"本报讯(记者 {reporter})", traditional) + f"{month}月{day}日，"
        spec.byline = [_t(reporter, traditional)]
    elif opening_kind == "byline":
        spec.byline = [
            _t(n, traditional) for n in draw(st.lists(st.sampled_from(NAMES), min_size=2, max_size=3, unique=True))
        ]
    elif opening_kind == "speech":
        spec.headline = [_t("在全省工作会议上的讲话", traditional)]
        year, month, day = draw(st.integers(2000, 2030)), draw(st.integers(1, 12)), draw(st.integers(1, 28))
        spec.speech = (f"（{year}年{month}月{day}日）", _t("习近平", traditional), _t("同志们：", traditional))
    blocks: list[Para | PointSpec] = [draw(paragraphs(next(openings), traditional))]
    if draw(st.booleans()):
        # Heading points 一、 with (一) sub-points or 一是 paragraph points under them.
        sub = draw(st.sampled_from(["（一）", "一是", "一要", "1.", None]))
        for k in range(draw(st.integers(1, 3))):
            blocks.append(
                PointSpec(marker=f"{CN[k]}、", level=1, text=_t(draw(st.sampled_from(HEADING_TEXTS)), traditional))
            )
            if sub == "（一）":
                blocks.append(
                    PointSpec(marker="（一）", level=2, text=_t(draw(st.sampled_from(HEADING_TEXTS)), traditional))
                )
            elif sub in ("一是", "一要", "1."):
                # 一是/一要 are one family and may be mixed (一要/二是, seed 004); 1. items count up.
                for j in range(draw(st.integers(1, 3))):
                    text = _t(draw(st.sampled_from(CLAUSES)).removeprefix("要") + "。", traditional)
                    if sub == "1.":
                        marker = f"{j + 1}."
                    else:
                        marker = CN[j] + (sub[1] if j == 0 else draw(st.sampled_from(["是", "要"])))
                    blocks.append(PointSpec(marker=marker, level=2, text=text))
            blocks.append(draw(paragraphs(next(openings), traditional)))
    for _ in range(draw(st.integers(0, 2))):
        blocks.append(draw(paragraphs(next(openings), traditional)))
    spec.blocks = blocks
    if opening_kind == "plain" and draw(st.booleans()):
        issuer = draw(st.sampled_from(ISSUERS))
        year, month, day = draw(st.integers(2000, 2030)), draw(st.integers(1, 12)), draw(st.integers(1, 28))
        spec.closing = (_t(issuer, traditional), f"{year:04d}-{month:02d}-{day:02d}")
    return spec


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, list[Spec], bool]:
    """Render one to three bulletins, with noise between them; return the text and the specs."""
    traditional = draw(st.booleans())
    crlf = draw(st.booleans())
    bulletins = draw(st.lists(specs(traditional), min_size=1, max_size=3))
    for previous, spec in itertools.pairwise(bulletins):
        # A headline under an unfinished body is a subhead (DESIGN §8). A compilation shows where
        # the next item starts: a dateline, a speech's front matter, a byline, a closing or
        # trailing dateline ending the previous item, or its terminal formula (seed 004 line 68).
        # A byline alone shows it only under a dated item: under a short undated one, a title
        # and a byline are a section of the same page (rmrb 20200219-11-01).
        if not (
            (spec.dateline and not spec.trailing)
            or spec.speech
            or (spec.byline and previous.dateline)
            or previous.closing
            or previous.trailing
        ):
            previous.blocks.append(Para(text=_t("会议还研究了其他事项。", traditional)))
    out: list[str] = []
    if draw(st.booleans()):
        out += ["![logo](images/logo.png)", ""]
    for spec in bulletins:
        for line in spec.headline:
            out.append(line)
            # Wrapped headlines: one blank line at most between their lines.
            out += [""] * draw(st.integers(0, 1))
        indent = "\u3000\u3000" if draw(st.booleans()) else ""
        if spec.speech is not None:
            out += list(spec.speech)
        if spec.byline and spec.dateline is None:
            out.append(" ".join(spec.byline))
        first = True
        for block in spec.blocks:
            if isinstance(block, PointSpec):
                out.append(indent + block.marker + block.text)
            else:
                lead = (
                    spec.dateline_text + (" " if spec.dateline and spec.dateline[1] else "")
                    if first and spec.dateline
                    else ""
                )
                out.append(indent + lead + block.text)
            first = False
            out += [""] * draw(st.integers(0, 1))
        if spec.trailing:
            out[-1 - (out[-1] == "")] += spec.trailing
        if spec.closing is not None:
            year, month, day = spec.closing[1].split("-")
            out += ["", spec.closing[0], f"{int(year)}年{int(month)}月{int(day)}日"]
        out.append("")
        if draw(st.booleans()):
            out += ["- 相关新闻 标题 2022-07-12", ""]
    text = "\n".join(out) + "\n"
    return (text.replace("\n", "\r\n") if crlf else text), bulletins, traditional
