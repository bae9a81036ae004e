"""In-line analysers: fixture tables of real examples and of look-alikes that must not match."""

from __future__ import annotations

import pytest

import bulletins
from bulletins.analyze.datelines import match_dateline, match_trailing_line
from bulletins.analyze.dates import find_date, parse_date
from bulletins.analyze.genre import guess_genre
from bulletins.analyze.headlines import analyse_headline, unspaced
from bulletins.analyze.markers import sequence_marker, strong_marker
from bulletins.model import Headline
from bulletins.script import detect, shadow

DATELINES = [
    ("新华社北京9月6日电 中共中央总书记", ("新华社", "北京", 9, 6, "新华社北京9月6日电")),
    (
        "新华社乌兹别克斯坦撒马尔罕9月16日电 当地时间",
        ("新华社", "乌兹别克斯坦撒马尔罕", 9, 16, "新华社乌兹别克斯坦撒马尔罕9月16日电"),
    ),
    ("本报讯(记者 赵娟娟)11月10日，朔州市", ("本报", None, 11, 10, "本报讯(记者 赵娟娟)11月10日，")),
    ("据新华社北京2月28日电 国务院", ("新华社", "北京", 2, 28, "据新华社北京2月28日电")),
    # web/newscrawl (a held-out file, docs/accuracy.md): an agency with no place.
    (
        "中新网10月15日电(记者 甘甜) 连日来，朝鲜半岛局势持续升级。",
        ("中新网", None, 10, 15, "中新网10月15日电(记者 甘甜)"),
    ),
    # formats/html-pages/magichtml_chinaorg_huhehaote-yuer-jintie.html line 39 (cut).
    ("中国网5月13日讯 据“呼和浩特发布”消息", ("中国网", None, 5, 13, "中国网5月13日讯")),
]


# Joint dispatches: several places, then the reporters (rmrb/2020-02/20200226-03-01.txt line 31, 2020-01/
# 20200106-16-01.txt line 29), printed last in parentheses. 93 rmrb files print one; none was read.
TRAILING_JOINT = [
    (
        "（本报北京、柏林、里约热内卢、曼谷、布宜诺斯艾利斯、开罗、阿布贾、约翰内斯堡、河内、莫斯科、堪培拉2月25日电  "
        "记者王莉、花放、吴杰、林芮、赵益普、姚明峰、范剑青、周輖、姜宣、吕强、刘刚、屈佩、陈效卫）",
        "北京、柏林、里约热内卢、曼谷、布宜诺斯艾利斯、开罗、阿布贾、约翰内斯堡、河内、莫斯科、堪培拉",
        13,
    ),
    ("（本报华盛顿、开罗1月5日电）", "华盛顿、开罗", 0),
]


@pytest.mark.parametrize(("line", "place", "reporters"), TRAILING_JOINT)
def test_a_joint_dispatch_printed_last(line: str, place: str, reporters: int) -> None:
    found = match_trailing_line(line, shadow(line), 1)
    assert found is not None and found.dateline.trailing
    assert (found.dateline.place, len(found.byline)) == (place, reporters)
    assert found.byline[-1:] in {(), ("陈效卫",)}


# Look-alike: places and a date in a sentence (made here) are no dateline: 电 opens 电话.
NOT_DATELINES = [
    "本报记者在北京、柏林、开罗2月25日电话采访了多位专家",
    "新华社记者 谢环驰 摄",
    "新华社发布消息说，9月6日",
    "9月6日，新华社北京分社",
    "本报10月15日起停刊一周",
]


@pytest.mark.parametrize(("line", "expected"), DATELINES)
def test_datelines(line: str, expected: tuple[object, ...]) -> None:
    found = match_dateline(line, shadow(line), 1)
    assert found is not None
    d = found.dateline
    assert d.date is not None
    assert (d.agency, d.place, d.date.month, d.date.day, d.text) == expected


def test_dateline_byline_in_parentheses() -> None:
    found = match_dateline("本报讯(记者 赵娟娟)11月10日，朔州市", "本报讯(记者 赵娟娟)11月10日，朔州市", 1)
    assert found is not None and found.byline == ("赵娟娟",)


@pytest.mark.parametrize("line", NOT_DATELINES)
def test_dateline_look_alikes(line: str) -> None:
    assert match_dateline(line, line, 1) is None


@pytest.mark.parametrize(
    ("text", "iso", "end"),
    [
        ("2020年2月9日", "2020-02-09", None),
        ("二〇二〇年二月九日", "2020-02-09", None),
        ("二○二○年二月九日", "2020-02-09", None),
        ("9月6日", "--09-06", None),
        ("2020年2月10日--13日", "2020-02-10", "2020-02-13"),
        ("5月20日至22日", "--05-20", "--05-22"),
        ("二〇二〇年十二月三十一日", "2020-12-31", None),
    ],
)
def test_dates(text: str, iso: str, end: str | None) -> None:
    date = parse_date(text)
    assert date is not None and date.iso == iso and date.text == text
    assert (date.end.iso if date.end else None) == end


@pytest.mark.parametrize("text", ["13月1日", "2月32日", "第二十七次会议", "6.8级地震"])
def test_date_look_alikes(text: str) -> None:
    assert parse_date(text) is None


def test_find_date_in_prose() -> None:
    date = find_date("中共中央政治局9月9日召开会议")
    assert date is not None and date.iso == "--09-09"


@pytest.mark.parametrize(
    ("line", "style", "number", "marker"),
    [
        ("一、时    间", "一、", 1, "一、"),
        ("十一、其他", "一、", 11, "十一、"),
        ("（一）学习内容", "（一）", 1, "（一）"),
        ("(二)自学内容", "（一）", 2, "(二)"),
        ("1.习近平在十九届中央纪委四次全会上发表重要讲话；", "1.", 1, "1."),
        ("3．请参加学习的人员", "1.", 3, "3．"),
        ("2、第二项", "1、", 2, "2、"),
        ("（1）第一小项", "（1）", 1, "（1）"),
        ("⑶第三项", "⑴", 3, "⑶"),
        ("②第二项", "①", 2, "②"),
        ("第一，坚决打好湖北保卫战", "第一，", 1, "第一，"),
    ],
)
def test_strong_markers(line: str, style: str, number: int, marker: str) -> None:
    found = strong_marker(line, line)
    assert found is not None
    assert (found.style, found.number, found.marker) == (style, number, marker)


@pytest.mark.parametrize(
    "line", ["第一时间集中力量", "（扩大）学习的通知", "2021年起，国家启动", "3.5亿元资金", "6.8级地震"]
)
def test_marker_look_alikes(line: str) -> None:
    assert strong_marker(line, line) is None


def test_sequence_markers() -> None:
    first = sequence_marker("一要深入学习领会", "一要深入学习领会")
    assert first is not None and (first.style, first.number) == ("一是", 1)
    assert sequence_marker("统一是", "统一是") is None
    # rmrb/2020-05/20200531-02-01.txt line 33: 三是 followed by 要素 (the run 一是…四是 lost its third and fourth).
    third = sequence_marker("三是要素市场化配置改革加快落地。", "三是要素市场化配置改革加快落地。")
    assert third is not None and (third.marker, third.number) == ("三是", 3)
    assert sequence_marker("一要是下雨就改期", "一要是下雨就改期") is None  # 要是 (if), a line made here


@pytest.mark.parametrize(
    ("lines", "kicker", "title", "subtitles"),
    [
        (
            [
                "习近平主持召开中央全面深化改革委员会",
                "第二十七次会议强调 健全关键核心技术",
                "攻关新型举国体制 全面加强资源节约工作",
            ],
            None,
            "习近平主持召开中央全面深化改革委员会第二十七次会议强调 健全关键核心技术攻关新型举国体制 全面加强资源节约工作",
            (),
        ),
        (
            [
                "中共中央政治局常务委员会召开会议",
                "听取新冠肺炎疫情防控工作汇报 研究部署进一步优化防控工作的二十条措施",
                "中共中央总书记习近平主持会议",
            ],
            None,
            "中共中央政治局常务委员会召开会议",
            ("听取新冠肺炎疫情防控工作汇报 研究部署进一步优化防控工作的二十条措施", "中共中央总书记习近平主持会议"),
        ),
        (
            [
                "深入学习贯彻党的二十大精神",
                "在坚决做到“两个维护”上下功夫",
                "——推动党的二十大精神在朔州落地生根、见到实效",
            ],
            "深入学习贯彻党的二十大精神",
            "在坚决做到“两个维护”上下功夫",
            ("——推动党的二十大精神在朔州落地生根、见到实效",),
        ),
        (
            ["坚决防止疫情向校园蔓延 确保师生生命安全", "全国教育系统疫情防控工作视频会召开"],
            "坚决防止疫情向校园蔓延 确保师生生命安全",
            "全国教育系统疫情防控工作视频会召开",
            (),
        ),
        (
            ["构筑坚强堡垒 守护人民平安", "怀仁市广大党员干部群众同心抗击疫情纪实"],
            None,
            "构筑坚强堡垒 守护人民平安",
            ("怀仁市广大党员干部群众同心抗击疫情纪实",),
        ),
        (
            ["省政协党组扩大会议暨", "理论学习中心组学习会精神"],
            None,
            "省政协党组扩大会议暨理论学习中心组学习会精神",
            (),
        ),
        # rmrb/2019-02/20190208-01-04.txt, 2020-01/20200109-16-03.txt: a 引题 ending in a dash or a
        # colon leads into the title.
        (
            ["重庆环卫夫妇郑尚洪、李德容25年坚守岗位——", "“社区就是家，一定要干净”（讲述·一辈子一件事）"],
            "重庆环卫夫妇郑尚洪、李德容25年坚守岗位——",
            "“社区就是家，一定要干净”（讲述·一辈子一件事）",
            (),
        ),
        (
            ["李学刚：", "京门神探 勇斗歹徒（为了民族复兴·英雄烈士谱）"],
            "李学刚：",
            "京门神探 勇斗歹徒（为了民族复兴·英雄烈士谱）",
            (),
        ),
        # A speech's date and occasion under its title with no dash (web/govreport/2026_陕西省_政府工作报告_row1.txt
        # lines 2-3): a subtitle, never glued to the title.
        (
            ["陕西省2026年政府工作报告", "2026年1月27日在陕西省第十四届人民代表大会第四次会议上 陕西省省长 赵刚"],
            None,
            "陕西省2026年政府工作报告",
            ("2026年1月27日在陕西省第十四届人民代表大会第四次会议上 陕西省省长 赵刚",),
        ),
        # The title and its ——DATE在…会议上 on one line (宁夏 lines 18-19 printed as one, issue 15): cut in two.
        (
            ["政府工作报告——2026年2月3日在宁夏回族自治区第十三届人民代表大会第四次会议上"],
            None,
            "政府工作报告",
            ("——2026年2月3日在宁夏回族自治区第十三届人民代表大会第四次会议上",),
        ),
        # A deck that says who spoke (rmrb/2019-10/20191021-03-02.txt lines 2-3; before, one title glued
        # without a space) and a second greetings line (rmrb/2020-01/20200119-01-01.txt lines 1-3, under its kicker): subtitles.
        (["第九届北京香山论坛举行欢迎晚宴", "许其亮致辞"], None, "第九届北京香山论坛举行欢迎晚宴", ("许其亮致辞",)),
        (
            [
                "就中越建交70周年",
                "习近平同越共中央总书记、国家主席阮富仲互致贺电",
                "李克强同越南政府总理阮春福互致贺电",
            ],
            "就中越建交70周年",
            "习近平同越共中央总书记、国家主席阮富仲互致贺电",
            ("李克强同越南政府总理阮春福互致贺电",),
        ),
        # Look-alike (made here, after the title of rmrb/2019-10/20191001-03-01.txt line 2): 致辞 after a line that
        # runs on (…招待会上的) is the title's wrap, not a deck.
        (
            ["在庆祝中华人民共和国成立70周年招待会上的", "致辞"],
            None,
            "在庆祝中华人民共和国成立70周年招待会上的致辞",
            (),
        ),
        # People's Daily prints a column's label after the 主题: the line above it is the 引题 (rmrb/2019-02/
        # 20190211-13-03.txt and 20190201-11-01.txt lines 1-2; a reader found ~1,500 such heads joined into one title).
        (
            ["年龄最大88，最小61", "车站有群  老年雷锋（暖相册·春运故事）"],
            "年龄最大88，最小61",
            "车站有群  老年雷锋（暖相册·春运故事）",
            (),
        ),
        (
            ["资本市场制度创新，在科创板先行先试", "解码注册制（经济聚焦）"],
            "资本市场制度创新，在科创板先行先试",
            "解码注册制（经济聚焦）",
            (),
        ),
        # Look-alikes: a title's own part in parentheses, and a wrap that runs on (…的), are no column label.
        (
            ["国务院关于进一步加强和改进", "城市规划管理工作的意见（试行）"],
            None,
            "国务院关于进一步加强和改进城市规划管理工作的意见（试行）",
            (),
        ),
        (["中国共产党的", "光辉历程（上）"], None, "中国共产党的光辉历程（上）", ()),
        # Look-alike: a dash inside a title that is no occasion stays in the title (rmrb/2020-01/
        # 20200111-06-01.txt lines 2-5, set here on one line).
        (
            ["走近国家最高科学技术奖得主黄旭华——潜海，铸大国重器"],
            None,
            "走近国家最高科学技术奖得主黄旭华——潜海，铸大国重器",
            (),
        ),
    ],
)
def test_headline_parts(lines: list[str], kicker: str | None, title: str, subtitles: tuple[str, ...]) -> None:
    assert analyse_headline(lines) == (kicker, title, subtitles)


def test_shadow_keeps_length_and_maps_traditional() -> None:
    text = "李希王偉中李斌孟凡利出席會議"
    assert len(shadow(text)) == len(text)
    assert shadow(text) == "李希王伟中李斌孟凡利出席会议"
    assert detect(text) == "hant" and detect("出席会议") == "hans"


def test_full_width_digits_are_digits_in_the_shadow_and_marks_of_no_script() -> None:
    assert shadow("１月１８日") == "1月18日"
    assert detect("２０２０年１月１８日，国务院召开会议。") == "hans"
    assert detect("２０２０年１月１８日，國務院召開會議。") == "hant"


def test_control_characters_are_blanks_in_the_shadow_and_marks_of_no_script() -> None:
    # web/hkcnews/article_45974.md line 25: a backspace between a caption's last sentence and its credit.
    text = "行政長官林鄭月娥出席酒會後離開。\x08黎家威攝"
    assert shadow(text) == "行政长官林郑月娥出席酒会后离开。 黎家威摄"
    assert shadow("\t\n\r") == "\t\n\r"  # tab and line ends stay
    assert detect("\x08\x08\x08出席会议") == "hans"
    page = "# 新聞界國慶酒會\n\n林鄭月娥今午在酒會上致辭。\n\n<figcaption>" + text + "</figcaption>\n"
    document = bulletins.parse(page, source="article.md", reader="markdown")
    credits = [c for b in document.bulletins for c in b.credits]
    assert [(c.role, c.names) for c in credits] == [("摄影", ("黎家威",))]


# --- attendees ------------------------------------------------------------------------------

from bulletins.analyze.attendees import TextBlock, deck_groups, find_groups  # noqa: E402
from bulletins.analyze.enumerations import find_enumeration  # noqa: E402


def _groups(text: str) -> list[tuple[str, list[str], list[str | None]]]:
    block = TextBlock(block="body/0", text=text, shadow=shadow(text))
    return [(g.verb, list(g.names), list(g.roles)) for g in find_groups([block])]


ATTENDEE_CASES = [
    # web/newscrawl/add_content_81-1_idx131.txt (cut): 今年3月 between the person and the place is when, as 3月 is.
    (
        "美军印太司令部司令约翰·阿奎利诺今年3月在美国国会众议院军事委员会出席听证会时声称，局势紧张。",
        [("出席", ["约翰·阿奎利诺"], ["美军印太司令部司令"])],
    ),
    (
        "中共中央政治局常委、中央全面深化改革委员会副主任李克强、王沪宁、韩正出席会议。",
        [("出席", ["李克强", "王沪宁", "韩正"], ["中共中央政治局常委、中央全面深化改革委员会副主任"] * 3)],
    ),
    (
        "省委书记李希出席会议并讲话，省委副书记、省长王伟中主持会议，省委副书记、深圳市委书记孟凡利出席会议。",
        [
            ("出席", ["李希"], ["省委书记"]),
            ("主持", ["王伟中"], ["省委副书记、省长"]),
            ("出席", ["孟凡利"], ["省委副书记、深圳市委书记"]),
        ],
    ),
    (
        "丁薛祥、杨洁篪、王毅、何立峰等陪同人员同机抵达。",
        [("陪同", ["丁薛祥", "杨洁篪", "王毅", "何立峰"], [None] * 4)],
    ),
    ("习近平在托卡耶夫陪同下检阅仪仗队。", [("陪同", ["托卡耶夫"], [None])]),
    (
        "中共中央政治局委员、国务院副总理刘鹤以视频方式出席开幕式，并宣读了习近平的贺信。",
        [("出席", ["刘鹤"], ["中共中央政治局委员、国务院副总理"])],
    ),
    ("王毅参加上述活动。", [("参加", ["王毅"], [None])]),
    ("印度总理莫迪、巴基斯坦总理夏巴兹参加。", [("参加", ["莫迪", "夏巴兹"], ["印度总理", "巴基斯坦总理"])]),
    (
        "省领导林克庆、张福海，省直有关单位负责同志，各地级以上市党政主要负责同志参加会议。",
        [("参加", ["林克庆", "张福海"], ["省领导", "省领导"])],
    ),
    ("罗清宇、张吉福分别在太原、大同分会场参加会议。", [("参加", ["罗清宇", "张吉福"], [None, None])]),
    (
        "省领导吕岩松、吴伟和领导小组成员单位负责同志在主会场参加会议。",
        [("参加", ["吕岩松", "吴伟"], ["省领导", "省领导"])],
    ),
    ("省委书记楼阳生主持会议并强调，各级党委政府要认真学习。", [("主持", ["楼阳生"], ["省委书记"])]),
    # Issue 9, corpus lines (file in the comment):
    # rmrb/2019-10/20191013-03-08.txt: 率团 between the name and the verb.
    ("全国人大常委会副委员长王东明率团出席会议。", [("出席", ["王东明"], ["全国人大常委会副委员长"])]),
    # rmrb/2020-05/20200528-01-05.txt: a name, 等 and the group it leads.
    (
        "中共中央总书记、国家主席、中央军委主席习近平等党和国家领导同志出席会议，与委员共商国是。",
        [("出席", ["习近平"], ["中共中央总书记、国家主席、中央军委主席"])],
    ),
    # rmrb/2020-05/20200509-01-02.txt: a roll call with no colon after 还有, 和 inside the list.
    (
        "出席座谈会的党外人士还有陈晓光、郑建邦、辜胜阻、刘新成、何维、邵鸿和蒋作君、李钺锋、谢经荣、邵峰等。",
        [
            (
                "出席",
                ["陈晓光", "郑建邦", "辜胜阻", "刘新成", "何维", "邵鸿", "蒋作君", "李钺锋", "谢经荣", "邵峰"],
                [None] * 10,
            )
        ],
    ),
    # rmrb/2019-02/20190214-03-05.txt-like: a title before a dotted foreign name is its role.
    ("埃及前总理埃萨姆·谢拉夫出席开幕式。", [("出席", ["埃萨姆·谢拉夫"], ["埃及前总理"])]),
    # rmrb/2020-05/20200519-04-11.txt: the title printed after the name.
    ("栗战书委员长主持闭幕会。", [("主持", ["栗战书"], ["委员长"])]),
    # web/xispeech/all_data_row24.txt: who presides follows 由.
    ("开幕会由汪鸿雁主持。", [("主持", ["汪鸿雁"], [None])]),
    # web/newscrawl/add_content_huanqiu1_idx2.txt: a bracketed source before the subject.
    (
        "【环球时报-环球网报道 记者 索炎琦】外交部发言人毛宁主持6月3日例行记者会。",
        [("主持", ["毛宁"], ["外交部发言人"])],
    ),
    # web/xwlb/20170415.md: the attendee named after the verb's object, as the subject of 表示.
    (
        "出席《习近平谈治国理政》柬文版首发式的柬埔寨首相洪森表示，他本人印象深刻。",
        [("出席", ["洪森"], ["柬埔寨首相"])],
    ),
    # rmrb/2020-05/20200519-03-06.txt: the capacity a person attends in, between name and verb.
    (
        "国家卫健委主任马晓伟作为中国代表团团长在北京参加会议并发言。",
        [("参加", ["马晓伟"], ["国家卫健委主任"])],
    ),
    # rmrb/2020-01/20200116-01-04.txt: 韩正 ends in 正, which is not the adverb (正在 is).
    ("中共中央政治局常委、国务院副总理韩正出席。", [("出席", ["韩正"], ["中共中央政治局常委、国务院副总理"])]),
    # web/xwlb/20170415.md: a leader and the collective with him.
    ("朝鲜最高领导人金正恩和全体党政军领导人出席了阅兵式。", [("出席", ["金正恩"], ["朝鲜最高领导人"])]),
    # Issue 15 part 4 (session 7), corpus lines (file in the comment):
    # web/newscrawl/add_content_xinhuanet4_idx214.txt line 8: X与Y, each with a role.
    (
        "之后，彭斯与日本副首相兼财务大臣麻生太郎参加了美日双边经济对话。",
        [("参加", ["彭斯", "麻生太郎"], [None, "日本副首相兼财务大臣"])],
    ),
    # rmrb/2019-10/20191026-02-06.txt.
    (
        "国务院副总理胡春华与巴西总统博索纳罗共同出席开幕式并致辞。",
        [("出席", ["胡春华", "博索纳罗"], ["国务院副总理", "巴西总统"])],
    ),
    # web/hkcnews/article_48942.md line 48: habitual presence, which its reader counts.
    ("羅冠聽經常出席海外公開活動、各國峰會、座談會，最近更在英國成立「香港協會」。", [("出席", ["羅冠聽"], [None])]),
    # web/hkcnews/article_4288.md line 32: which time, between the name and the verb.
    (
        "2012年時任特首曾蔭權最後一次出席答問大會時，以「苦瓜乾」樣子回應",
        [("出席", ["曾蔭權"], ["時任特首"])],
    ),
    # govcn-html/row21.html: the leader of a group (率…负责同志) and where he went (赴辽宁省).
    (
        "2004年4月16日至18日，曾培炎副总理率国务院有关部门负责同志赴辽宁省出席振兴装备制造业座谈会。",
        [("出席", ["曾培炎"], ["副总理"])],
    ),
    # rmrb/2019-02/20190227-02-10.txt: where he went (到…), then the verb.
    ("调研期间，赵乐际到周恩来邓颖超纪念馆参观，缅怀革命先辈的崇高品格。", [("参观", ["赵乐际"], [None])]),
    # rmrb/2020-02/20200226-03-01.txt line 10: a long foreign office before the name after the verb.
    (
        "出席活动的印度社会公正和权利部国务部长拉姆达斯·阿塔瓦莱表示，新冠肺炎疫情给中国和全世界带来挑战。",
        [("出席", ["拉姆达斯·阿塔瓦莱"], ["印度社会公正和权利部国务部长"])],
    ),
    # rmrb/2020-01/20200126-03-01.txt: whom she spoke to is not part of her name.
    (
        "参加演出的比利时忆江南舞蹈队队长杨劲梅对本报记者说，舞蹈是中外文化交流的重要媒介。",
        [("参加", ["杨劲梅"], ["比利时忆江南舞蹈队队长"])],
    ),
    # rmrb/2020-01/20200118-03-09.txt: a roll call whose people are set apart by commas.
    (
        "陪同习近平出访的有：中共中央政治局委员、中央书记处书记、中央办公厅主任丁薛祥，中共中央政治局委员、"
        "中央外事工作委员会办公室主任杨洁篪，国务委员兼外交部部长王毅，全国政协副主席、国家发展和改革委员会主任何立峰等。",
        [
            (
                "陪同",
                ["丁薛祥", "杨洁篪", "王毅", "何立峰"],
                [
                    "中共中央政治局委员、中央书记处书记、中央办公厅主任",
                    "中共中央政治局委员、中央外事工作委员会办公室主任",
                    "国务委员兼外交部部长",
                    "全国政协副主席、国家发展和改革委员会主任",
                ],
            )
        ],
    ),
    # rmrb/2020-05/20200525-01-06.txt: 看望参加…的委员 is whom he visited; 并参加联组会 is his attendance.
    (
        "5月23日上午，习近平总书记看望参加全国政协十三届三次会议的经济界委员并参加联组会，强调要发挥潜力。",
        [("参加", ["习近平"], ["总书记"])],
    ),
    # rmrb/2019-02/20190223-01-06.txt: 委员 inside 委员会 ends no title; 牵头人 is one.
    (
        "中沙高级别联合委员会中方牵头人韩正主持会议。",
        [("主持", ["韩正"], ["中沙高级别联合委员会中方牵头人"])],
    ),
    # rmrb/2019-02/20190224-03-06.txt: 助理 is a title (苏丹总统|助理费萨尔… before).
    (
        "中国驻苏丹大使马新民、苏丹总统助理费萨尔·哈桑·易卜拉欣、苏丹军政各界友好人士、各国驻苏使节以及中资企业、"
        "留学生代表等数百人出席招待会。",
        [("出席", ["马新民", "费萨尔·哈桑·易卜拉欣"], ["中国驻苏丹大使", "苏丹总统助理"])],
    ),
    # rmrb/2020-01/20200118-04-05.txt: 将 between the first person and 与 is not part of the name.
    (
        "经双方商定，国务委员兼外交部长王毅将与文莱外交事务主管部长艾瑞万共同主持会议。",
        [("主持", ["王毅", "艾瑞万"], ["国务委员兼外交部长", "文莱外交事务主管部长"])],
    ),
    # rmrb/2019-10/20191015-03-07.txt: the party with her.
    (
        "为庆祝中美首对友好城市结好40周年，美国圣路易斯市市长莉达·克鲁森一行到访南京参加相关庆祝活动。",
        [("参加", ["莉达·克鲁森"], ["美国圣路易斯市市长"])],
    ),
    # rmrb/2020-01/20200115-01-02.txt: 应邀 before a roll call; a representative before a name (和 … 代表吕建).
    (
        "应邀出席的还有全国政协副主席董建华、何厚铧、梁振英，已退出领导岗位的各民主党派中央、全国工商联原主席。",
        [("出席", ["董建华", "何厚铧", "梁振英"], ["全国政协副主席"] * 3)],
    ),
    # rmrb/2020-01/20200117-02-07.txt (an annotated attendance file): 执行官 is a title.
    (
        "受邀参加协议签署仪式的美国商会首席执行官托马斯·多诺霍表示：“这项协议为美国企业提供了必要的确定性。”",
        [("参加", ["托马斯·多诺霍"], ["美国商会首席执行官"])],
    ),
    # web/hkcnews/article_45974.md line 19 (session 8): Hong Kong's 获邀 (应邀), 今午 and the day in parentheses
    # stand between the person and the verb; 部分官员 names no one.
    (
        "行政長官林鄭月娥與部分官員今午（29日）獲邀出席一個以香港新聞界名義舉辦的國慶酒會。",
        [("出席", ["林鄭月娥"], ["行政長官"])],
    ),
    # The same file, line 28: a roll call after a clause, 除了 one person, 亦有 the others; 於今午 is no name.
    (
        "有關活動於今午在灣仔君悅酒店舉行，出席的人士除了林鄭月娥，亦有政務司司長李家超、基本法委員會副主任譚惠珠、"
        "港區全國人大代表葉國謙等。",
        [
            (
                "出席",
                ["林鄭月娥", "李家超", "譚惠珠", "葉國謙"],
                [None, "政務司司長", "基本法委員會副主任", "港區全國人大代表"],
            )
        ],
    ),
    # rmrb/2020-01/20200106-01-01.txt: 就四赴海外 is what 习近平主席 did (no adverb opens a name); 密集 is how.
    (
        "2019年6月，仅一个月之内，习近平主席就四赴海外、踏上五国，密集出席约90场双多边活动。",
        [("出席", ["习近平"], ["主席"])],
    ),
]
ATTENDEE_LOOK_ALIKES = [
    "中央全面深化改革委员会委员出席会议，中央和国家机关有关部门负责同志列席会议。",  # collectives only
    "会议指出，习近平总书记主持召开中共中央政治局常务委员会会议并发表重要讲话。",  # reported speech
    "6.楼阳生主持召开省委第二、三、四、五、六、七次专题会议暨省疫情防控工作领导小组会议精神；",  # study list
    "有关部门和江苏省负责同志、各省级中小企业主管部门负责同志等参加大会。",
    "福馨园小区32岁的乔建新一时间报名参加当疫情防控志愿者；",
    "对参加一线战斗的医务人员，要尽快出台关心关爱的政策举措。",
    "应急管理部、自然资源部等部门参加救援。",
    # rmrb/2020-01/20200101-05-01.txt: 主持 of a work, not of a meeting.
    "百年前，詹天佑主持完工了中国第一条自行设计建设的铁路——京张铁路。",
    # rmrb/2020-05/20200528-03-01.txt: measures with titles inside them are not people.
    "健全委员履职档案、常委提交履职报告制度，分批次组织委员列席常委会会议。",
    # rmrb/2020-05/20200526-05-01.txt: 解放军 is an army, not a 解 surname.
    "出席十三届全国人大三次会议的解放军和武警部队代表，谈论起一个个感人故事。",
    # Issue 15 part 4 (session 7): phrases that are no names, corpus lines.
    # web/newscrawl/add_content_xinhuanet4_idx71.txt line 8: 参加…的部队 is whom he received.
    "朝鲜劳动党总书记、国务委员长金正恩20日在接见参加上述发射训练的导弹部队时表示，朝鲜将毫不犹豫。",
    # rmrb/2020-05/20200524-02-02.txt-like (rmrb/2019-10/20191023-02-02.txt): whom he met attended, not he.
    "中共中央政治局常委、国务院副总理韩正21日在山西太原集体会见出席2019年太原能源低碳发展论坛的主要外宾。",
    # web/hkcnews/article_14938.md line 28: a weekday, no name.
    "周三出席會議的代表來自30個政策局、部門和機構，包括屋宇署、民安隊。",
    # web/hkcnews/article_29047.md line 33: 主持權力 is a noun; 則批評… is what the spokesman did.
    "中聯辦發言人則批評郭榮鏗惡意解讀規則，濫用主持權力，不但不積極主持主席選舉。",
    # rmrb/2020-05/20200517-04-01.txt line 10: the copula ends the subject (陈飘是 is no name; its reader counts none).
    "陈飘是一名“土味”十足的人大代表，参加调研，走村入户。",
    # rmrb/2019-02/20190220-04-02.txt: 单位 after 成员 is a unit.
    "北京世园会组委会各成员单位参加会议。",
    # rmrb/2020-02/20200208-04-07.txt, 2020-02/20200206-14-02.txt, 2020-01/20200127-03-01.txt: a quantifier,
    # a verb (关系到) and an adverb (陆续到来) before the verb.
    "许多第一次参加疫情防控的年轻同事对突如其来的疫情有些不知所措。",
    "基本都是世界纪录的标准，关系到我们能不能参加奥运会。",
    "陆续到来参加活动的各国客人和华侨华人向中国维和官兵们互致问候。",
    # rmrb/2020-05/20200523-07-01.txt (corpus sample, annotated with no attendance): a count of times is several
    # past events, not an attendance.
    "2016年6月、2018年8月、2019年12月，习近平总书记三次主持中央政治局常委会会议，听取并原则同意请示汇报。",
    # rmrb/2019-02/20190212-01-01.txt, 2020-05/20200520-02-01.txt: 连续 (several years) is no name and no one event.
    "总书记连续5年参加十二届全国人大上海代表团审议时作出的指示要求，为上海指明了新的发展定位。",
    "习近平总书记深入全国集中连片特困地区，考察了20多个贫困村，连续4年主持中央政治局常委会会议听取汇报。",
    # rmrb/2019-10/20191030-03-04.txt, 2020-05/20200528-01-01.txt: after a title, 连续两年 / 连续八年 was read
    # as a foreign name.
    "习近平主席连续两年出席中国国际进口博览会开幕式发表主旨演讲，充分体现了中国政府主动扩大进口的决心。",
    "这是习主席连续八年出席全国两会团组审议讨论。",
    # web/xispeech/all_data_row35.txt: whom a speech addresses is not who attends; 先生 is no name.
    "尊敬的古特雷斯秘书长先生，尊敬的各位同事：很高兴出席今天的气候雄心峰会。",
    # rmrb/2020-01/20200102-17-06.txt: 孟方 (the Bangladeshi side) before 代表 is no name.
    "出席仪式的孟方代表表示，期待中国投资者来孟投资。",
    # formats/pdf-text/hushengjie_shou-benkesheng-xueji-guanli-tiaoli.pdf: a modal and an adverb.
    "未获准转专业（或转学）的学生，应继续参加原学院、原专业的教育教学活动；",
    # formats/pdf-text/aitejiu_xingfa_wps.pdf (刑法 第二百二十四条之一): 以… opens a prepositional phrase.
    "组织、领导以推销商品、提供服务等经营活动为名，要求参加者以缴纳费用或者购买商品方式获得加入资格。",
    # Planned attendance is no attendance (session 8; tests/fixtures/corpus/README.md): rmrb/2019-10/
    # 20191026-01-05.txt line 4 (cut), with the clause that goes on from it; 2019-02/20190221-05-06.txt.
    "国务院总理李克强将于11月1日至5日出席在乌兹别克斯坦塔什干举行的上海合作组织成员国政府首脑（总理）理事会"
    "第十八次会议，出席在泰国曼谷举行的第22次中国—东盟（10+1）领导人会议。",
    "国务委员兼外交部长王毅将主持会晤，俄罗斯外长拉夫罗夫、印度外长斯瓦拉杰将出席。",
    # rmrb/2019-02/20190220-04-01.txt: 即将出席 (the 代表 who will attend), no one he saw attend.
    "王晨在山西就人大代表工作进行调研，听取即将出席十三届全国人大二次会议的部分全国人大代表的意见建议。",
    # rmrb/2019-02/20190215-15-04.txt line 9 (cut): a clause going on from a planned one (将继续留在欧洲).
    "本场比赛后，苏炳添将继续留在欧洲，参加国际田联室内田径巡回赛英国伯明翰站的比赛。",
    # web/newscrawl/add_content_81-1_idx84.txt (cut): 访华期间 is when, and every clause after it is planned.
    "科隆纳外交部长访华期间，李强总理将同她会见，外交部长王毅将同她共同举行全体会议，并出席配套活动。",
    # rmrb/2020-01/20200118-04-03.txt-like: 将 (will) was read as no part of the name, and the group kept.
    "中共中央政治局委员杨洁篪将出席会议。",
    # rmrb/2020-01/20200110-01-05.txt line 4 (cut): the guests came to attend; 栗战书 met them.
    "全国人大常委会委员长栗战书9日在人民大会堂会见来华出席中国全国人大与日本国会众议院合作委员会第十一次会议的日本众议院代表团。",
    # rmrb/2019-10/20191029-03-02.txt line 3 (cut): 就 makes the trip the topic of a briefing.
    "外交部28日就国务院总理李克强出席上海合作组织成员国政府首脑（总理）理事会第十八次会议并对乌兹别克斯坦进行正式访问"
    "举行中外媒体吹风会，外交部部长助理陈晓东介绍有关情况。",
    # govcn-html/row47.html (the 国务院工作规则): a unit (单 is a surname, 单位 no name) and how a body is made up.
    "国务院全体会议一般每半年召开一次，根据需要可安排有关部门、单位负责人列席会议。",
    "国务院全体会议由总理、副总理、国务委员、各部部长、各委员会主任、人民银行行长、审计长、秘书长组成，由总理召集和主持。",
]


@pytest.mark.parametrize(
    "sentence",
    [
        # rmrb/2020-05/20200520-20-02.txt line 5 and the 英雄烈士谱 biographies: a life's record.
        "毕世祥，藏族，1982年参加工作，1984年8月加入中国共产党。",
        "路秀峰，1948年出生，1977年参加公安工作，生前为天津铁路公安处天津站派出所民警。",
        "郑榜义参加公安工作以来，爱岗敬业，忠于职守。",
        "张三1938年参加八路军。",
        # rmrb/2019-10/20191028-15-08.txt line 6 (cut): ranks in a biography, and battles, not meetings.
        "到陕北后，姚喆历任师参谋长、师长，参加了直罗镇、东征、西征等战役。",
        # rmrb/2019-02/20190217-03-05.txt line 6: a wish, read as planned attendance.
        "巴育总理期待赴华参加论坛。",
        "王毅希望出席会议。",
    ],
)
def test_a_life_s_record_a_rank_or_a_wish_is_no_attendance(sentence: str) -> None:
    assert _groups(sentence) == []


def test_a_work_meeting_is_still_attended() -> None:
    assert _groups("李明参加全国宣传工作会议。") == [("参加", ["李明"], [None])]


def test_a_slogan_s_comma_inside_a_role_is_no_list_separator() -> None:
    # rmrb/2020-01/20200117-04-01.txt line 5 (cut): the role was cut at the 、 of the quoted slogan.
    groups = _groups("中共中央政治局委员、中央“不忘初心、牢记使命”主题教育领导小组副组长杨晓渡主持会议。")
    assert groups == [("主持", ["杨晓渡"], ["中共中央政治局委员、中央“不忘初心、牢记使命”主题教育领导小组副组长"])]
    # A closed quotation inside one item does not join it to the next.
    assert _groups("国家“十四五”规划专家委员会主任李明、副主任王刚出席会议。") == [
        ("出席", ["李明", "王刚"], ["国家“十四五”规划专家委员会主任", "副主任"])
    ]


def test_a_name_with_the_surname_shan_is_still_a_name() -> None:
    # 单 opens 单位 (a unit) and the name 单霁翔; a name, then its title, as 栗战书委员长.
    assert _groups("单霁翔院长出席会议。") == [("出席", ["单霁翔"], ["院长"])]


def test_jiu_ren_is_no_topic() -> None:
    # 就任 (took office) is a word of its own: the attendance after it is reported.
    groups = _groups("刚刚就任的市长李明出席了全市干部大会。")
    assert groups and groups[0][0] == "出席" and "李明" in groups[0][1]


def test_jiang_as_a_noun_is_not_the_future() -> None:
    # rmrb/2020-02/20200220-15-02.txt line 9 (cut): 名将 (famous athletes) is a noun, and this a past fact.
    groups = _groups("2001年后有一批人“走出去”，孙玥、吴咏梅等名将参加欧洲联赛。")
    assert groups and groups[0][0] == "参加" and "孙玥" in groups[0][1]


@pytest.mark.parametrize(("text", "expected"), ATTENDEE_CASES)
def test_attendee_groups(text: str, expected: list[tuple[str, list[str], list[str | None]]]) -> None:
    assert _groups(text) == expected


def test_a_pronoun_joined_to_the_first_person_is_no_role() -> None:
    # rmrb/2020-01/20200102-11-02.txt line 8 (annotated: 村主任扶元初, 扶贫干部刘龙华; the second is not read yet).
    text = "第二天早上7点，他和村主任扶元初、扶贫干部刘龙华一起去参加温塘镇组织的脱贫攻坚紧急调度会议。"
    (verb, names, roles), *_ = _groups(text)
    assert (verb, names[0], roles[0]) == ("参加", "扶元初", "村主任")


@pytest.mark.parametrize("text", ATTENDEE_LOOK_ALIKES)
def test_attendee_look_alikes(text: str) -> None:
    assert _groups(text) == []


@pytest.mark.parametrize(
    ("deck", "known", "names"),
    [
        ("李希王偉中李斌孟凡利出席會議", ["李希", "王伟中", "李斌", "孟凡利"], ["李希", "王偉中", "李斌", "孟凡利"]),
        ("李克强栗战书王沪宁出席", ["李克强", "栗战书", "王沪宁"], ["李克强", "栗战书", "王沪宁"]),
        ("中共中央总书记习近平主持会议", [], ["习近平"]),
        ("尤权出席并讲话", [], ["尤权"]),  # rmrb/2019-10/20191024-04-05.txt
        ("孙春兰、陈希出席并讲话", [], ["孙春兰", "陈希"]),  # rmrb/2019-10/20191010-02-07.txt line 3
        # An event noun that names no event, and one more thing done (rmrb/2019-10/20191019-01-03.txt line 3,
        # 2019-02/20190221-03-03.txt, 2019-10/20191010-01-05.txt).
        ("习近平出席开幕式并宣布运动会开幕", [], ["习近平"]),
        ("黄坤明出席开幕式并宣读习近平主席贺信", [], ["黄坤明"]),
        ("李克强出席闭幕式", [], ["李克强"]),
        # Unknown glued names that split two ways (林武|王成|张新 or 林武王|成张新) stay whole.
        ("林武王成张新出席", [], ["林武王成张新"]),
    ],
)
def test_headline_decks(deck: str, known: list[str], names: list[str]) -> None:
    groups, diagnostics = deck_groups([deck], [shadow(deck)], known)
    assert [list(g.names) for g in groups] == [names]
    assert bool(diagnostics) == (names == ["林武王成张新"])


@pytest.mark.parametrize(
    "title",
    [
        "汪洋出席宗教团体负责人迎春座谈会",  # rmrb/2020-01/20200122-03-01.txt: a named event makes a title
        "王东明出席第三次六国议长会议",  # rmrb/2019-10/20191013-03-08.txt
        "中共中央、全国人大常委会、国务院等领导同志分别参加",  # rmrb/2020-05/20200523-05-01.txt: bodies, not people
        "习近平出席第二十五届圣彼得堡国际经济论坛全会并致辞",  # web/xwlb/20220618.md
    ],
)
def test_titles_that_are_sentences_are_no_decks(title: str) -> None:
    assert deck_groups([title], [shadow(title)], [])[0] == []


@pytest.mark.parametrize(
    ("line", "groups"),
    [
        # rmrb/2020-05/20200509-01-02.txt line 3: two decks run together, then a third after a space.
        (
            "习近平主持并发表重要讲话李克强通报有关情况 汪洋王沪宁出席",
            [("主持", ["习近平"], "习近平主持并发表重要讲话"), ("出席", ["汪洋", "王沪宁"], "汪洋王沪宁出席")],
        ),
        # rmrb/2020-05/20200526-03-06.txt line 3: seven glued names, then the next deck phrase.
        (
            "习近平李克强汪洋王沪宁赵乐际韩正王岐山等出席栗战书作全国人大常委会工作报告",
            [
                (
                    "出席",
                    ["习近平", "李克强", "汪洋", "王沪宁", "赵乐际", "韩正", "王岐山"],
                    "习近平李克强汪洋王沪宁赵乐际韩正王岐山等出席",
                )
            ],
        ),
        ("李克强主持栗战书出席", [("主持", ["李克强"], "李克强主持"), ("出席", ["栗战书"], "栗战书出席")]),
        # Titles that are sentences, not decks (rmrb/2019-10/20191013-03-08.txt, 2020-01/20200122-03-01.txt).
        ("王东明出席第三次六国议长会议", []),
        ("汪洋出席宗教团体负责人迎春座谈会", []),
    ],
)
def test_decks_run_together_on_one_line(line: str, groups: list[tuple[str, list[str], str]]) -> None:
    found, _ = deck_groups([line], [shadow(line)], [])
    assert [(g.verb, list(g.names), g.text) for g in found] == groups
    for group in found:  # each group's place is the phrase's own
        assert group.where is not None and line[group.where.start : group.where.end] == group.text


@pytest.mark.parametrize(
    ("line", "known", "groups"),
    [
        # rmrb/2019-02/20190221-03-01.txt line 3: the crawler glued the deck to the 副题.
        ("围绕“做好今年工作，迎接人民政协成立70周年”深入交流汪洋主持", ["汪洋"], [("主持", ["汪洋"], "汪洋主持")]),
        # rmrb/2020-01/20200115-01-02.txt line 3: two names glued to a sentence's end.
        (
            "代表中共中央，向各民主党派、工商联和无党派人士，致以诚挚的问候和新春的祝福汪洋韩正出席",
            ["汪洋", "韩正", "万钢"],
            [("出席", ["汪洋", "韩正"], "汪洋韩正出席")],
        ),
        # Names the body does not print are not read there: where the sentence ends is unknown.
        ("围绕“做好今年工作”深入交流汪洋主持", ["韩正"], []),
        ("围绕“做好今年工作”深入交流汪洋主持", [], []),
    ],
)
def test_a_deck_glued_to_the_end_of_a_subtitle(
    line: str, known: list[str], groups: list[tuple[str, list[str], str]]
) -> None:
    found, _ = deck_groups([line], [shadow(line)], known)
    assert [(g.verb, list(g.names), g.text) for g in found] == groups
    for group in found:
        assert group.where is not None and line[group.where.start : group.where.end] == group.text


# --- enumerations -----------------------------------------------------------------------------

ENUMERATION_CASES = [
    ("李希强调，要深入。一要强化“以快制快”，快。二要强化“补短板”，紧。三要强化发现在早。", ["一要", "二要", "三要"]),
    ("楼阳生强调，要坚持“三线”作战。一要严把警戒线。二要严把防控线。三是严把救治线。", ["一要", "二要", "三是"]),
    ("首先，要提高认识。其次，要加强领导。最后，要狠抓落实。", ["首先，", "其次，", "最后，"]),
    ("第一，加大相互支持。第二，拓展安全合作。", ["第一，", "第二，"]),
    # web/xispeech/all_data_row8.txt: a one-line speech, items after U+3000 U+3000 and a photo credit.
    ("新华社记者 谢环驰/摄　　第一，加强对疫情防控。　　第二，加强重点地区工作。", ["第一，", "第二，"]),
]
# web/xispeech/all_data_row51.txt: two runs in one long paragraph, each read, each counted from one.
TWO_RUNS = (
    "下几个方面。一是充分总结经验。二是深化形势环境分析。三是丰富指导思想内容。"
    "会议提出了以下原则。一是处理好继承和创新的关系。二是处理好政府和市场的关系。"
)
ENUMERATION_LOOK_ALIKES = [
    "统一是前提，唯一是目标。",
    "第一时间集中力量控制住疫情，进一步要求各地。",
    "二要强化补短板。三要强化发现在早。",  # does not count up from one
    "最后，我给今天参加会议的同志们提要求。",
    "一是一，二是二。",
]


# rmrb/2019-02/20190218-07-02.txt line 6: 一是要…二是要…三是要… (是 followed by 要 was read as no marker).
ENUMERATION_CASES.append(
    (
        "为了预防和解决农村堵车现象，一是要加强规划，在乡村建设中要提前考虑解决道路通达性的问题，完善道路交通配套设施，让道路通畅成为美丽乡村建设的一部分。二是要强化宣传教育，引导司机树立良好行车习惯，特别是行经没有信号灯的十字路口时，遵循礼让原则，临时停车时应考虑他人通行需求，避免占道。三是要强化疏导，统筹安排乡镇干部、城管及公安派出所等熟悉农村情况的协勤力量，做好节假日期间交通疏导工作。",
        ["一是", "二是", "三是"],
    )
)


@pytest.mark.parametrize(("text", "markers"), ENUMERATION_CASES)
def test_enumerations(text: str, markers: list[str]) -> None:
    items = find_enumeration(text, shadow(text))
    assert [i.marker for i in items] == markers
    assert [i.number for i in items] == list(range(1, len(markers) + 1))


def test_every_run_of_a_long_paragraph_is_read() -> None:
    items = find_enumeration(TWO_RUNS, shadow(TWO_RUNS))
    assert [(i.marker, i.number) for i in items] == [("一是", 1), ("二是", 2), ("三是", 3), ("一是", 1), ("二是", 2)]
    assert items[2].text == "丰富指导思想内容。会议提出了以下原则。"


@pytest.mark.parametrize("text", ENUMERATION_LOOK_ALIKES)
def test_enumeration_look_alikes(text: str) -> None:
    assert find_enumeration(text, shadow(text)) == ()


# -- articles: thousands, sub-books, and markers glued to their text (issue 18's formats set) -----------


@pytest.mark.parametrize(
    ("line", "style", "number"),
    [
        ("第一千二百六十条　本法自2021年1月1日起施行。", "第一条", 1260),  # the 民法典's last article
        ("第一千零五条　自然人的生命安全受法律保护。", "第一条", 1005),
        ("第一分编　通则", "第一章", 1),
    ],
)
def test_articles_up_to_the_thousands_and_sub_books(line: str, style: str, number: int) -> None:
    found = strong_marker(line, shadow(line))
    assert found is not None and (found.style, found.number) == (style, number)


def test_glued_articles_count_only_in_a_numbered_run() -> None:
    from bulletins.analyze.markers import glued_markers

    law = ["第一章总则", "第一条为了保护民事主体的合法权益，制定本法。", "第二条民法调整平等主体之间的关系。",
           "第三条民事主体的人身权利受法律保护。", "第二章自然人"]  # fmt: skip
    found = glued_markers([(line, shadow(line)) for line in law])
    assert [(k, m.marker, m.number) for k, m in sorted(found.items()) if m.style == "第一条"] == [
        (1, "第一条", 1),
        (2, "第二条", 2),
        (3, "第三条", 3),
    ]
    # Two chapters are no run of three: left to the text rules (a title, a subhead).
    assert all(m.style == "第一条" for m in found.values())
    news = ["第一条高铁开通一周年，旅客量翻番。", "第五条生产线投产。", "第三条线路明年开工。"]
    assert glued_markers([(line, shadow(line)) for line in news]) == {}


def test_a_glued_article_between_spaced_ones_counts() -> None:
    # formats/pdf-text/magicpi_wangluo-anquanfa-2016.pdf lines 23–25: the text layer dropped the gap after
    # some articles only; 44 of the law's articles were paragraphs.
    from bulletins.analyze.markers import glued_markers

    law = ["第九条 网络运营者开展经营和服务活动，必须遵守法律。", "第十条建设、运营网络应当依照法律。",
           "第十一条 网络相关行业组织按照章程，加强行业自律。", "第十三条国家支持研究开发。"]  # fmt: skip
    found = glued_markers([(line, shadow(line)) for line in law])
    assert [(k, m.number) for k, m in sorted(found.items())] == [(1, 10)]  # 第十三条 follows no 第十二条
    assert glued_markers([(line, shadow(line)) for line in ["第十条建设、运营网络应当依照法律。"]]) == {}


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("几 个 问 题 的 通 知", "几个问题的通知"),  # govcn-html/row40.html line 2
        ("国 家 粮 食 应 急 预 案 的 函", "国家粮食应急预案的函"),  # govcn-html/row41.html line 2
        ("土 地 使 用 期 限 的 批 复", "土地使用期限的批复"),  # govcn-html/row44.html line 3
        ("省长 李炳军", "省长 李炳军"),  # words between spaces (web/govreport): kept
        ("王 鼎", "王 鼎"),  # two characters: a name, kept
        ("中华人民共和国国务院令", "中华人民共和国国务院令"),
    ],
)
def test_a_letter_spaced_title_line_is_read_without_its_spaces(line: str, read: str) -> None:
    assert unspaced(line) == read


def test_a_letter_spaced_last_line_joins_the_title_without_spaces() -> None:
    # govcn-html/row40.html lines 1–2: the headline keeps its lines as printed, the title reads them unspaced.
    _, title, _ = analyse_headline(["国务院关于棉粮、糖粮挂钩奖售粮", "几 个 问 题 的 通 知"])
    assert title == "国务院关于棉粮、糖粮挂钩奖售粮几个问题的通知"


@pytest.mark.parametrize(
    ("title", "genre"),
    [
        ("第十三届全国人民代表大会第三次会议关于政府工作报告的决议", "notice"),  # rmrb/2020-05/20200529-04-03.txt
        ("中国共产党第十九届中央纪律检查委员会第四次全体会议公报", "notice"),  # rmrb/2020-01/20200116-01-01.txt
        ("关于内地西藏班（校）扩大规模有关问题的请示", "notice"),  # govcn-html/row52.html
        ("最高人民法院关于审理名誉权案件若干问题的解答", "notice"),  # web/lawref/zgf1993_jieda_mingyuquan.md
        ("中华人民共和国社区矫正法", "notice"),  # rmrb/2020-02/20200205-11-01.txt
        ("广州市人民政府关于加强境外疫情输入防控的通告（第7号）", "notice"),  # formats/datasets covidpolicy row 13
        ("通 告", "notice"),
        # News titles that end in the same words: a report on a resolution, a method, an injunction.
        ("伊拉克议会通过有关结束外国军队驻扎的决议", "article"),
        ("探索基层治理的新方法", "article"),
        ("塑料袋限塑令", "article"),
    ],
)
def test_genre_of_an_official_document_by_its_kind(title: str, genre: str) -> None:
    headline = Headline(lines=(title,), line_numbers=(1,), kicker=None, title=title, subtitles=())
    assert guess_genre(headline=headline, dateline=None, speech=None, body=(), has_closing=False) == genre
