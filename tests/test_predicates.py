"""Line predicates of the lexing rules (bulletins.lexing.rules): real corpus lines that must and must not match.

Each row is a line as printed in ``../shared/corpus`` (the file it comes from in the id), with
what the rule must read from it. Look-alikes are real lines too: prose or titles that share a
rule's surface cue and must not be taken.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import bulletins
from bulletins.analyze.markers import decimal_markers
from bulletins.lexing.rules.chrome import is_chrome
from bulletins.lexing.rules.credits import match_credit, match_credit_tail
from bulletins.lexing.rules.headnotes import (
    is_adoption_note,
    is_box_label,
    is_signed_headnote,
    is_summary,
    stat_callout,
)
from bulletins.script import shadow

# (line exactly as printed, where, role, names): NBSP spacing as in the crawl.
CREDITS = [
    ("本报记者\xa0\xa0李\xa0\xa0舸摄", "rmrb/2019-10/20191002-04-05.txt:5", "摄影", ("李舸",)),
    ("本报记者\xa0贺\xa0勇摄", "rmrb/2019-02/20190204-02-03.txt:36", "摄影", ("贺勇",)),
    ("新华社记者\xa0肖艺九摄", "rmrb/2020-01/20200126-05-01.txt:73", "摄影", ("肖艺九",)),
    ("新华社记者\xa0\xa0徐\xa0\xa0昱摄", "rmrb/2019-02/20190215-10-03.txt:5", "摄影", ("徐昱",)),
    ("郑\xa0\xa0鹏摄", "rmrb/2019-10/20191001-07-01.txt:74", "摄影", ("郑鹏",)),
    ("高荣光摄", "rmrb/2019-02/20190204-02-03.txt:34", "摄影", ("高荣光",)),
    ("黄晓海摄（新华社发）", "rmrb/2019-02/20190204-02-03.txt:32", "摄影", ("黄晓海",)),
    ("鲜\xa0\xa0敢\xa0\xa0于\xa0\xa0杰摄影报道", "rmrb/2020-01/20200111-04-05.txt:8", "摄影", ("鲜敢", "于杰")),
    ("制图：蔡华伟", "rmrb/2019-02/20190201-03-01.txt:22", "制图", ("蔡华伟",)),
    ("制图：郭\xa0\xa0祥", "rmrb/2019-02/20190202-03-06.txt:4", "制图", ("郭祥",)),
    ("版式设计：张丹峰", "rmrb/2019-02/20190201-19-02.txt:19", "版式设计", ("张丹峰",)),
    ("数据来源：第七届世界军人运动会执委会", "rmrb/2019-10/20191008-15-01.txt:28", "数据来源", ()),
    ("（作者为中国文艺评论家协会主席）", "rmrb/2019-02/20190215-20-01.txt:22", "作者", ()),
    ("（作者为本报记者）", "rmrb/2019-02/20190214-11-02.txt:15", "作者", ()),
    ("（本报记者\xa0李龙伊整理）", "rmrb/2020-05/20200522-10-02.txt:21", "作者", ("李龙伊",)),
    (
        "（陈晓霞、张旭航、李大勇参与采写）",
        "rmrb/2020-02/20200220-01-04.txt:15",
        "参与采写",
        ("陈晓霞", "张旭航", "李大勇"),
    ),
    ("（贾\xa0\xa0麟参与采写）", "rmrb/2019-02/20190214-12-01.txt:37", "参与采写", ("贾麟",)),
    ("——编\xa0\xa0者", "rmrb/2019-02/20190201-09-02.txt:5", "编者", ()),
    ("栏目投稿邮箱：yxxz8494@163.com", "rmrb/2019-02/20190212-11-02.txt:15", "投稿", ()),
    ("投稿邮箱：rmrbfupin@163.com", "rmrb/2020-01/20200115-11-04.txt:9", "投稿", ()),
    (
        "（作者为中国赴沙特抗疫医疗专家组领队、宁夏回族自治区卫生健康委员会副主任，本报驻埃及记者周輖采访整理）",
        "rmrb/2020-05/20200511-17-01.txt:13",
        "作者",
        (),
    ),
    ("图片来源：《中国历代名人画像谱》", "rmrb/2019-10/20191021-13-04.txt:5", "摄影", ()),
    ("照片來源：Shallwetalk.hk", "web/hkcnews/article_32003.md:138 (a figcaption)", "摄影", ()),
    ("（喻思南）", "rmrb/2020-01/20200106-19-03.txt:6", "署名", ("喻思南",)),
    ("（编辑 朱辛未）", "formats/datasets/dxy_DXYNews_first200.csv row 7", "责编", ("朱辛未",)),
    ("（责任编辑：王小明）", "a web item's last line (made up)", "责编", ("王小明",)),
    ("本版制图：蔡华伟", "rmrb/2019-02/20190212-14-01.txt:41", "制图", ("蔡华伟",)),
    ("中缅油气管道项目供图", "rmrb/2020-01/20200118-05-01.txt:38", "摄影", ()),
    ("（苏宁金融研究院研究员\xa0\xa0付一夫）", "rmrb/2019-02/20190213-19-02.txt:10", "署名", ("付一夫",)),
    (
        "（本报记者孟祥夫、刘洪超、张枨、邵玉姿、申智林）",
        "rmrb/2019-10/20191023-04-07.txt:20",
        "署名",
        ("孟祥夫", "刘洪超", "张枨", "邵玉姿", "申智林"),
    ),
]

# Look-alikes: real lines sharing a credit's surface cue (a colon, 摄, parentheses, 本报记者).
NOT_CREDITS = [
    ("八天八夜不回家：疫情来袭，党员冲锋在前", "rmrb/2020-02/20200205-01-07.txt:6"),  # a subhead
    ("本报记者 沈童睿", "rmrb/2020-01/20200120-07-02.txt"),  # no 摄: a byline, not a credit
    (
        "我喜欢在雪天外出拍摄。瑞雪兆丰年，春雪纷飞、红色充盈的画面，总是让新春的氛围愈加浓郁。",
        "rmrb/2020-01/20200126-06-02.txt:6",
    ),
    ("（新华社北京5月21日电）", "rmrb/2020-05/20200522-03-01.txt"),  # a trailing dateline
    ("同舟共济战疫情（人民眼·疫情防控）", "rmrb/2020-02/20200204-07-01.txt:2"),  # a title with its column label
    ("全国政协十三届三次会议举行第二次全体会议", "rmrb/2020-05/20200525-03-06.txt:2"),
    ("（本系列评论到此结束）", "rmrb/2020-01/20200106-05-01.txt"),  # an end note that names no one
]


@pytest.mark.parametrize(("line", "where", "role", "names"), CREDITS, ids=[row[1] for row in CREDITS])
def test_credit_lines(line: str, where: str, role: str, names: tuple[str, ...]) -> None:
    found = match_credit(line, shadow(line))
    assert found is not None and (found.role, found.names) == (role, names)


@pytest.mark.parametrize(("line", "where"), NOT_CREDITS, ids=[row[1] for row in NOT_CREDITS])
def test_credit_look_alikes(line: str, where: str) -> None:
    assert match_credit(line, shadow(line)) is None


def test_text_by_one_and_picture_by_another_on_one_line() -> None:
    # rmrb/2020-01/20200116-10-04.txt line 6: 文 after the writer, 摄 after the photographer.
    line = "本报记者\xa0\xa0谷业凯文\xa0\xa0本报记者\xa0\xa0雷\xa0\xa0声摄"
    found = match_credit(line, shadow(line))
    assert found is not None and (found.role, found.names) == ("作者", ("谷业凯",))
    assert found.following is not None and (found.following.role, found.following.names) == ("摄影", ("雷声",))


def test_a_photo_credit_ending_a_caption_line() -> None:
    # seeds/002 line 104: the caption's last words credit the photographer.
    line = "2017年6月21日至23日，习近平在山西考察工作。这是21日上午，习近平在忻州市岢岚县宋家沟村看望困难群众。新华社记者 谢环驰 摄"
    found = match_credit_tail(line, shadow(line))
    assert found is not None and found.names == ("谢环驰",) and line[found.start :] == "新华社记者 谢环驰 摄"
    assert match_credit_tail("这是一个没有署名的图片说明。", shadow("这是一个没有署名的图片说明。")) is None


# Picture credits ending a caption line (web/hkcnews figcaptions): (line, credit as printed, names).
CAPTION_TAILS = [
    ("林鄭昨日單獨見記者，沒有其他問責官員陪同。美聯社圖片", "美聯社圖片", ()),  # article_21342.md line 27
    ("大會司儀要求每位記者只問兩條問題。政府新聞處圖片", "政府新聞處圖片", ()),  # article_21342.md line 44
    ("習近平2012年底在河北省阜平縣深山看望慰問貧民。(新華網相片)", "(新華網相片)", ()),  # article_38240.md line 19
    ("七一有人在街頭舉「光復香港，時代革命」旗幟。EYEPRESS圖片", "EYEPRESS圖片", ()),  # article_31577.md line 27
    ("惟簡報中未有直接提及兩間傳媒：《蘋果》及《立場》在其任內停運。林勵攝", "林勵攝", ("林勵",)),  # article_49779.md
    (
        "華大基因在中山紀念公園體育館搭建的「火眼實驗室」。政府新聞處照片",
        "政府新聞處照片",
        (),
    ),  # article_32702.md line 51
    ("美國太空總署拍得山竹竹風眼。NASA網頁", "NASA網頁", ()),  # article_14938.md line 34
    ("勞工及福利局長羅致光。美聯社", "美聯社", ()),  # article_32702.md line 26 (its last sentence)
    (
        "對於連日來，由中央官員到特區政府都多次批評他，羅冠聰直言感到可笑，亦出乎其意料之外。（訪問截圖）",
        "（訪問截圖）",
        (),
    ),  # article_48942.md line 34: a screenshot of the interview
]
CAPTION_TAIL_LOOK_ALIKES = [
    "这是一个没有署名的图片说明。",
    "展览展出了三百多张历史图片",  # no sentence ends before it: the caption's own words
    "记者翻看着一张张老照片。他说，这些都是珍贵的历史图片，要好好保存下去。",  # a sentence, not a credit
    "登录人大三次会议新闻中心网页",  # rmrb: 网页 with no sentence before it
    "他向记者展示了手机里的聊天截图",  # 截图 in the caption's own words, no sentence before it
]


@pytest.mark.parametrize(("line", "credit", "names"), CAPTION_TAILS)
def test_a_picture_credit_ending_a_caption(line: str, credit: str, names: tuple[str, ...]) -> None:
    found = match_credit_tail(line, shadow(line))
    assert found is not None and found.role == "摄影"
    assert (line[found.start :], found.names) == (credit, names)


@pytest.mark.parametrize("line", CAPTION_TAIL_LOOK_ALIKES)
def test_caption_tail_look_alikes(line: str) -> None:
    assert match_credit_tail(line, shadow(line)) is None


def test_two_credits_on_one_line() -> None:
    # rmrb/2020-02/20200221-05-04.txt line 10: drawing by 曹一, verse by 燕陆.
    line = "曹\xa0\xa0一图\xa0\xa0燕\xa0\xa0陆文"
    found = match_credit(line, shadow(line))
    assert found is not None and (found.role, found.names) == ("制图", ("曹一",))
    assert found.following is not None and (found.following.role, found.following.names) == ("作者", ("燕陆",))
    assert line[found.following.start :] == "燕\xa0\xa0陆文"


# -- page chrome (web/) ------------------------------------------------------------------------

CHROME = [
    ("下载", "web/govreport/2026_河南省_政府工作报告_row1.txt:1"),
    ("打印", "web/govreport/2026_河南省_政府工作报告_row1.txt:2"),
    ("【字号：", "web/govreport/2026_河南省_政府工作报告_row1.txt:5"),
    ("来源：河南日报", "web/govreport/2026_河南省_政府工作报告_row1.txt:12"),
    ("时间：2026-02-03", "web/govreport/2026_河南省_政府工作报告_row1.txt:13"),
    ("来源：", "web/govreport/2026_宁夏回族自治区_政府工作报告_row1.txt:10"),
    ("扫一扫在手机打开当前页", "web/govreport/2026_宁夏回族自治区_政府工作报告_row1.txt:114"),
    ("打印本页", "web/govreport/2026_宁夏回族自治区_政府工作报告_row1.txt:116"),
    ("分享让更多人看到", "web/newscrawl/add_content_people3_idx256.txt:18"),
    ("更多精彩", "rmrb/2020-01/20200118-05-01.txt:40"),
    ("广告", "rmrb/2020-01/20200125-05-01.txt:2 (the whole file: an advertisement's slot)"),
    ("来源：新华网  2020年06月02日", "formats/docx/weilueluo_minfadian.docx:2"),  # a source with its date
    (
        "（原标题：国务院联防联控机制印发通知 进一步指导各地落实分区分级差异化防控策略）",
        "formats/html-pages/gne_163_guowuyuan-lianfang-liankong.html:172",
    ),
]
NOT_CHROME = [
    ("2026年河南省政府工作报告", "web/govreport/2026_河南省_政府工作报告_row1.txt:10"),
    ("数据来源：第七届世界军人运动会执委会", "rmrb/2019-10/20191008-15-01.txt:28"),  # a credit
    ("时间\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0议程", "rmrb/2019-10/20191014-18-01.txt:27"),  # no colon: a table head
    ("（原标题有误，特此更正）", "made up: no colon, a correction"),
]


@pytest.mark.parametrize(("line", "where"), CHROME, ids=[row[1] for row in CHROME])
def test_page_chrome(line: str, where: str) -> None:
    assert is_chrome(shadow(line))


@pytest.mark.parametrize(("line", "where"), NOT_CHROME, ids=[row[1] for row in NOT_CHROME])
def test_page_chrome_look_alikes(line: str, where: str) -> None:
    assert not is_chrome(shadow(line))


# -- headnotes and box labels (rmrb) -------------------------------------------------------------


def test_headnotes_and_box_labels() -> None:
    # rmrb/2019-02/20190226-05-06.txt line 4: a 提要 sentence under the title.
    assert is_summary(shadow("“网约护士”从设想走向现实，有助于为患者尤其是老年人提供更多便利"))
    # rmrb/2020-02/20200205-01-07.txt line 6: a subhead with a comma is not a 提要 (too short).
    assert not is_summary(shadow("八天八夜不回家：疫情来袭，党员冲锋在前"))
    # rmrb/2019-10/20191027-02-03.txt line 3: a 题注.
    assert is_adoption_note(shadow("（2019年10月26日第十三届全国人民代表大会常务委员会第十四次会议通过）"))
    assert not is_adoption_note(shadow("（新华社北京5月21日电）"))
    # 核心阅读: 523 lines in rmrb (e.g. 2019-02/20190201-10-02.txt).
    assert is_box_label("核心阅读") and not is_box_label("核心阅读材料")
    # ■记者手记 (21 rmrb lines), ■点评 (2020-01/20200108-16-01.txt line 37); a ■ bullet sentence is no label
    # (2019-02/20190215-02-01.txt line 5).
    assert is_box_label("■记者手记") and is_box_label("■点评")
    assert not is_box_label(shadow("■原则上国家融资担保基金和银行业金融机构承担的风险责任比例均不低于20%"))
    # rmrb/2020-02/20200212-02-04.txt line 2, 2019-02/20190208-01-04.txt line 2: a title with its
    # column label is no 提要, however long and whatever commas it holds.
    assert not is_summary(shadow("“抗疫就是打仗， 阵地决不能丢”（应收尽收 刻不容缓）"))
    assert not is_summary(shadow("“社区就是家，一定要干净”（讲述·一辈子一件事）"))


# (figure line, the line under it, a stat callout?): rmrb lines, file and line noted.
STAT_CALLOUTS = [
    # 2019-02/20190228-01-01.txt lines 4–5
    (
        "20多万",
        "2018年，山东规模以上农业龙头企业达9600多家，农民合作社20多万家，家庭农场超过6万家，数量均居全国前列。",
        True,
    ),
    # 2020-05/20200508-01-02.txt lines 4–5
    ("99.1%", "截至4月21日，全国规模以上工业企业平均开工率和复岗率分别达99.1%和95.1%", True),
    # 2020-05/20200511-01-02.txt lines 4–5
    ("1.6万人次", "截至5月9日，上海浦东新区共有1.6万人次在线进行远程身份核验", True),
    # 2019-02/20190212-01-01.txt lines 6–7
    ("1+6", "2014年全国两会结束不久，上海开展了“1+6”改革。所谓“1+6”，就是调研形成的1个关键文件和6个配套文件。", True),
    # look-alikes (pairs made here from the lines above and rmrb/2019-02/20190219-04-01.txt line 12): a year
    # over a sentence that does not print it; a figure over a subhead; an ordinal.
    ("2019", "去年我国服务进出口规模达52402亿元，增速高于世界主要经济体", False),
    ("10.8万", "总书记对家政行业很了解", False),
    ("第一", "第一次全国自然灾害综合风险普查", False),
]


@pytest.mark.parametrize(("figure", "following", "expected"), STAT_CALLOUTS)
def test_stat_callout(figure: str, following: str, expected: bool) -> None:
    assert stat_callout(shadow(figure), shadow(following)) is expected


# -- unindented head (rmrb) ----------------------------------------------------------------------

# (file, its top lines as printed; the kinds the head must end with). People's Daily indents its
# body with U+3000 U+3000; the flush-left lines above are the headline block.
UNINDENTED_HEADS = [
    # rmrb/2020-02/20200209-06-01.txt: a two-sentence 引题 over the title.
    (
        [
            "面对疫情，人民子弟兵奋勇向前。连日来，本报记者采访连线了几位奋战在疫情防控一线的军队医护人员，听他们讲述一线战“疫”故事——",
            "闻令出动 敢打必胜（军营之声）",
            "",
            "\u3000\u3000编者按：中共中央总书记、国家主席、中央军委主席习近平对军队做好新型冠状病毒感染肺炎疫情防控工作作出重要指示。",
        ],
        ["short", "short", "para"],
    ),
    # rmrb/2020-01/20200109-16-03.txt: a kicker ending in a colon over the title.
    (
        ["李学刚：", "京门神探 勇斗歹徒（为了民族复兴·英雄烈士谱）", "", "\u3000\u3000李学刚，1963年出生，北京人。"],
        ["short", "short", "para"],
    ),
]
# Look-alikes: (lines, kinds) that must stay as they are.
UNINDENTED_LOOK_ALIKES = [
    # rmrb/2019-02/20190207-03-03.txt: a letter's salutation, flush left, ends the head.
    (["第四十二封家书（寄给祖国的家书）", "亲爱的笑笑、果果：", "\u3000\u3000见字如面。"], ["short", "para", "para"]),
    # rmrb/2019-10/20191028-10-02.txt: the speaker's line under a speech title.
    (
        [
            "在纪念李大钊同志诞辰130周年座谈会上的发言",
            "中央党史和文献研究院院长曲青山：",
            "\u3000\u3000今天，我们在这里隆重集会。",
        ],
        ["short", "para", "para"],
    ),
    # A text printed without indents at all keeps its kinds (seed 004's first lines).
    (
        [
            "在统筹推进新冠肺炎疫情防控和经济社会发展工作部署会议上的讲话",
            "今天，我们召开会议，主要是分析形势，",
            "部署工作。",
        ],
        ["short", "para", "para"],
    ),
]


def _kinds(lines: list[str]) -> list[str]:
    from bulletins.lexing.kinds import content_kind
    from bulletins.lexing.rules.indent import unindented_head

    raws = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        raw = content_kind(line.strip(), shadow(line.strip()), number, False)
        raws.append(attrs.evolve(raw, indented=line[:1].isspace()))
    return [raw.kind for raw in unindented_head(raws)]


@pytest.mark.parametrize(("lines", "kinds"), UNINDENTED_HEADS + UNINDENTED_LOOK_ALIKES)
def test_unindented_head(lines: list[str], kinds: list[str]) -> None:
    assert _kinds(lines) == kinds


def test_an_unindented_head_is_the_headline() -> None:
    # rmrb/2020-02/20200209-06-01.txt: the 引题 was a headless lead and the title a subhead.
    path = Path(__file__).parent / "fixtures" / "corpus" / "files" / "rmrb" / "2020-02" / "20200209-06-01.txt"
    (bulletin,) = bulletins.parse_file(path).bulletins
    assert bulletin.headline is not None and bulletin.headline.line_numbers == (1, 2)
    assert bulletin.headline.title == "闻令出动 敢打必胜（军营之声）"


# -- packed lines (web/xispeech, rmrb) -------------------------------------------------------------


def test_a_line_with_no_breaks_is_cut_where_its_parts_would_start_a_line() -> None:
    from bulletins.lexing.rules.packed import segments

    # web/xispeech/all_data_row24.txt, shortened: label, letter, signature, dateline printed last,
    # the next story's dateline, the page reference.
    line = (
        "贺信值此中华全国青年联合会第十三届委员会全体会议开幕之际，我代表党中央，向大会的召开表示热烈的祝贺！" * 2
        + "习近平2020年8月17日（新华社北京8月17日电）本报北京8月17日电（记者张洋、易舒冉）中华全国青年联合会第十三届委员会全体会议开幕。"
        + "《 人民日报 》（ 2020年08月18日 01 版）"
    )
    parts = [line[a:b] for a, b in segments(line)]
    assert parts[0] == "贺信" and parts[2:6] == ["习近平", "2020年8月17日", "（新华社北京8月17日电）", parts[5]]
    assert parts[5].startswith("本报北京8月17日电") and parts[-1] == "《 人民日报 》（ 2020年08月18日 01 版）"
    # Look-alikes: a dateline quoted inside a sentence, and a short line, are not cut.
    quoted = "据报道，" + "他说新华社北京8月17日电的消息已经传开，" * 8 + "大家都很高兴。"
    assert [quoted[a:b] for a, b in segments(quoted)] == [quoted]
    assert segments("贺信值此") == [(0, 4)]


# A text run together on its only line: sentence-level cuts (lexing/rules/packed.py). Each case is
# a real passage (file named), the parts it must be cut into, and look-alikes that stay whole.
RUN_TOGETHER = [
    # web/xispeech/all_data_row35.txt: a salutation opening the text, then 第一，…第三， after sentence ends.
    (
        "尊敬的古特雷斯秘书长先生，尊敬的各位同事：很高兴出席今天的气候雄心峰会。"
        + "5年前，各国领导人以最大的政治决心和智慧推动达成应对气候变化《巴黎协定》。" * 3
        + "在此，我提3点倡议。"
        "第一，团结一心，开创合作共赢的气候治理新局面。第二，提振雄心，形成各尽所能的气候治理新体系。",
        ["尊敬的古特雷斯秘书长先生，尊敬的各位同事：", "很高兴", "第一，团结", "第二，提振"],
    ),
    # web/xispeech/all_data_row18.txt: 一、 run into its first sentence, 一是…二是 after sentence ends.
    (
        "下面，结合大家的发言，我谈几点意见。"
        * 4
        + "一、充分认识加快科技创新的重大战略意义党的十八大以来，我们高度重视。"
        "一是加快科技创新是推动高质量发展的需要。二是加快科技创新是实现人民高品质生活的需要。"
        "二、加快解决制约科技创新发展的一些关键问题我国拥有数量众多的科技工作者。",
        ["下面，", "一、充分", "一是加快", "二是加快", "二、加快"],
    ),
    # web/xispeech/all_data_row51.txt: 一是… starts again under 二、 (each series counted where it stands).
    (
        "九是更加重视促进人的全面发展和社会全面进步，强化建设高质量教育体系、健全社会保障体系、全面推进健康中国建设等方面内容。"
        "十是把维护国家安全放在更加突出的位置。二、建议稿的主要考虑和基本框架建议稿起草的总体考虑是这样的。"
        "一是处理好继承和创新的关系，做好“两个一百年”奋斗目标有机衔接。二是处理好政府和市场的关系，更好发挥我国制度优势。",
        # 九是 opens the passage (no sentence end before it), so 十是 and 二、 stand alone here: no series, no cut.
        ["九是更加", "一是处理", "二是处理"],
    ),
    # web/xispeech/all_data_row6.txt: a photographer's credit ends a caption; the next point starts after it.
    (
        "2月5日，中央全面依法治国委员会第三次会议在北京召开。"
        * 3
        + "党和国家领导人习近平、李克强、栗战书、汪洋、王沪宁、赵乐际、韩正等出席会议。 新华社记者 鞠鹏/摄"
        "第三，改革完善重大疫情防控救治体系。要健全重大疫情应急响应机制。第四，健全重大疾病医疗保险和救助制度。"
        "要健全应急医疗救助机制。",
        ["2月5日，", "第三，改革", "第四，健全"],  # the credit stays the caption's tail
    ),
    # web/newscrawl/add_content_81-1_idx107.txt: a credit with no agency, a name and 摄; the text goes on after it.
    (
        "1月25日下午，国防部举行例行记者会，国防部新闻局局长、国防部新闻发言人吴谦大校答记者问。孙悦 摄"
        "吴谦：各位记者朋友，大家下午好！欢迎出席2024年1月国防部例行记者会。请记者朋友们提问。" * 2,
        ["1月25日", "吴谦：各位", "吴谦：各位"],
    ),
]
RUN_TOGETHER_WHOLE = [
    # rmrb/2020-01/20200102-01-02.txt: 第一， with no 第二， after a sentence end is no series.
    "我们要坚持以下原则。" * 10 + "第一，毫不动摇坚持和巩固中国特色社会主义制度。" + "这是根本。" * 5,
    # rmrb/2020-01 photo-tips feature: 拍摄 and 摄氏度 after a sentence end are no credits.
    "天气很冷。" * 20 + "雪地中拍摄，如果前期为了保暖。这样拍摄的雪景有一种不同的美。在零下20多摄氏度的严寒中。",
    # 一、二线城市: a list of numerals, not a heading.
    "房价趋稳。" * 20 + "一、二线城市成交回落。二、三线城市成交上升。",
]


@pytest.mark.parametrize(("line", "starts"), RUN_TOGETHER)
def test_a_text_run_together_is_cut_at_its_sentences(line: str, starts: list[str]) -> None:
    from bulletins.lexing.rules.packed import segments

    parts = [line[a:b] for a, b in segments(line, run_together=True)]
    assert [part[: len(start)] for part, start in zip(parts, starts, strict=True)] == starts
    # A paragraph of a text that keeps its line breaks is never cut at its sentences.
    assert len(segments(line)) == 1 or line.startswith("尊敬的")


@pytest.mark.parametrize("line", RUN_TOGETHER_WHOLE)
def test_look_alikes_of_run_together_parts_stay_whole(line: str) -> None:
    from bulletins.lexing.rules.packed import segments

    assert segments(line, run_together=True) == [(0, len(line))]


# -- foreign writers (rmrb 国际论坛 pages) --------------------------------------------------------

FOREIGN_WRITERS = [
    ("（马来西亚）胡逸山", "胡逸山"),  # rmrb/2019-02/20190222-17-01.txt line 5
    ("（墨西哥）亚历杭德罗·马西亚斯", "亚历杭德罗·马西亚斯"),  # rmrb/2020-02/20200217-16-01.txt line 5
    ("（法国）让—马里·莱恩", "让—马里·莱恩"),  # rmrb/2020-01/20200106-17-01.txt
    # a foreign country's names without a dot or a Chinese surname (8 rmrb lines)
    ("（尼泊尔）拉吉姆", "拉吉姆"),  # rmrb/2020-02/20200217-16-01.txt line 34
    ("（日本）佐藤利行", "佐藤利行"),  # rmrb/2020-01/20200115-17-01.txt
    ("（巴基斯坦）阿塔拉曼", "阿塔拉曼"),  # rmrb/2020-02/20200204-18-01.txt
]
FOREIGN_WRITER_LOOK_ALIKES = [
    "（扩大）学习的通知",  # seed 002 line 2: the rest of a title
    "（十六）永葆清正廉洁的政治本色",  # a numbered point
    "（本报记者）张三",
    "（韩 鑫）",  # a brief's signature
    "（日本）东京都的樱花开了",  # a country's label over a sentence, not a name
    "（中国）张三丰的故事",
]


@pytest.mark.parametrize(("line", "name"), FOREIGN_WRITERS)
def test_a_foreign_writers_line(line: str, name: str) -> None:
    from bulletins.lexing.rules.credits import foreign_writer

    assert foreign_writer(shadow(line)) == name


@pytest.mark.parametrize("line", FOREIGN_WRITER_LOOK_ALIKES)
def test_foreign_writer_look_alikes(line: str) -> None:
    from bulletins.lexing.rules.credits import foreign_writer

    assert foreign_writer(shadow(line)) is None


def test_a_page_of_foreign_contributors_is_one_bulletin_with_their_names() -> None:
    # rmrb/2020-02/20200217-16-01.txt: 国际视野 page, each section a title and （国名）writer.
    path = Path(__file__).parent / "fixtures" / "corpus" / "files" / "rmrb" / "2020-02" / "20200217-16-01.txt"
    (bulletin,) = bulletins.parse_file(path).bulletins
    assert bulletin.byline == ("亚历杭德罗·马西亚斯", "黄严忠", "卡洛斯·莫雷尔", "拉吉姆")


# -- the raw-kind pass's questions of notices and speeches (rules/notices.py, rules/speech.py) -------

# (line as printed, where, raw kind or None): GB/T 9704 elements told by their own text.
NOTICE_ELEMENTS = [
    ("国办发〔2018〕117号", "govcn-html/row37.html", "doc_number"),
    ("国办函〔2004〕57号", "govcn-html/row21.html", "doc_number"),
    ("附件2：", "govcn-html/row44.html", "attachment"),
    ("附件", "govcn-html/row10.html", "attachment"),
    ("附：", "govcn-html/row52.html:30", "attachment"),  # the older label, alone under a 落款
    ("附：中华人民共和国2019年国民经济和社会发展统计公报图表", "rmrb/2020-02/20200229-06-01.txt:2", None),  # a headline
    ("附：内地西藏初中班（校）扩大招生计划表", "govcn-html/row52.html:27", None),  # in the body, above the 落款
    # 抄送 inside a sentence of a regulation is no 抄送 line.
    (
        "（一）自评总结。各省（自治区、直辖市）就污染防治攻坚战进展情况和取得成效进行总结，对照考核指标进行自评，"
        "形成自评总结报告，报送中央生态环境保护督察工作领导小组，抄送生态环境部。",
        "rmrb/2020-05/20200501-02-03.txt:20",
        None,
    ),
]


@pytest.mark.parametrize(("line", "where", "kind"), NOTICE_ELEMENTS)
def test_notice_elements(line: str, where: str, kind: str | None) -> None:
    from bulletins.lexing.rules.notices import notice_element_kind

    assert notice_element_kind(shadow(line)) == kind, where


def test_speech_front_matter() -> None:
    from bulletins.lexing.rules.speech import is_byline, is_salutation, is_speech_date

    # seed 004 lines 3 and 5; web/govreport/2026_贵州省_政府工作报告_row1.txt lines 3-4; 陕西 line 19.
    assert is_speech_date("（2020年2月23日）")
    assert is_speech_date("（2026年1月27日在贵州省第十四届人民代表大会第四次会议上）")
    assert is_byline("省长 李炳军")
    assert is_salutation("同志们：")
    assert is_salutation("各位代表：")
    # Look-alikes: a law's 题注 is a headnote, not a speech's date (rmrb/2019-10/20191027-02-03.txt
    # line 3); a GB/T 9704 附注; seed 004 line 50 (shortened) opens a paragraph with 同志们！.
    assert not is_speech_date("（2019年10月26日第十三届全国人民代表大会常务委员会第十四次会议通过）")
    assert not is_speech_date("（此件公开发布）")
    assert not is_salutation("同志们！中华民族历史上经历过很多磨难，但从来没有被压垮过，而是愈挫愈勇。")
    assert not is_byline("各位代表：")


# The speaker's line, as web/govreport prints it (宁夏 line 20: 自治区人民政府主席 张雨浦; 贵州 line 4: 省长
# 李炳军) and as issue 15 says other publishers split it: the office on a line of its own, the name
# letter-spaced on the next (the readable corpus prints no such split: the rows below are the 宁夏 line
# cut at its space, the name spaced as People's Daily spaces bylines, 本报记者  鲜  敢).
SPEAKERS = [
    ("自治区人民政府主席 张雨浦", "张雨浦"),
    ("省长 李炳军", "李炳军"),
    ("省长  李 炳 军", "李炳军"),
    ("张　雨　浦", "张雨浦"),
    ("习近平", "习近平"),  # seed 004 line 4
    ("王荣 王晓丽", "王荣 王晓丽"),  # seed 003 line 74: two writers, kept as printed
]


@pytest.mark.parametrize(("line", "name"), SPEAKERS)
def test_speaker_name(line: str, name: str) -> None:
    from bulletins.lexing.rules.speech import speaker_name

    assert speaker_name(line, shadow(line)) == name


def test_speaker_office_line() -> None:
    from bulletins.lexing.kinds import content_kind
    from bulletins.lexing.rules.speech import is_byline, is_office, speaker_lines

    assert is_office("自治区人民政府主席")
    assert is_office("河南省人民政府代省长")
    assert is_byline("省长  李 炳 军")
    # Look-alikes: a title's words (rmrb/2019-10/20191021-03-02.txt's kind of headline line), a
    # speaker's line with its name, a body sentence.
    assert not is_office("自治区人民政府主席 张雨浦")
    assert not is_office("听取国务院总理李克强作政府工作报告")
    lines = ["自治区人民政府主席", "张　雨　浦", "各位代表："]
    raws = [content_kind(line, line, k, False) for k, line in enumerate(lines, 1)]
    assert speaker_lines(raws, 0) == 2
    # An office line over a salutation, or over a paragraph, is no speaker's line.
    assert speaker_lines(raws[:1] + raws[2:], 0) == 0
    para = content_kind("主席团常务主席会议听取了报告。", "主席团常务主席会议听取了报告。", 2, False)
    assert speaker_lines([raws[0], para], 0) == 0


@pytest.mark.parametrize(
    ("line", "signed"),
    [
        ("（民政部　一九九七年一月二十八日）", True),  # govcn-html/row50.html line 11, under the 意见's title
        ("（2019年1月31日）", False),  # rmrb/2019-02/20190228-01-02.txt: a date alone (document date)
        (
            "（2019年10月26日第十三届全国人民代表大会常务委员会第十四次会议通过）",
            False,
        ),  # a 题注 (rmrb/2019-10/20191027-02-03.txt)
        ("（新华社北京5月21日电）", False),
        ("（本文有删减）", False),  # govcn-html/row50.html line 9
    ],
)
def test_signed_headnote(line: str, signed: bool) -> None:
    assert is_signed_headnote(shadow(line)) is signed


# govcn-html/row41.html lines 38–46 (long lines cut after their first clause): a 应急预案's decimal outline.
DECIMAL_OUTLINE = [
    "1　总则",
    "1.1　编制目的及依据",
    "为了有效监测和控制各类突发公共事件或者其他原因引起的国内粮食市场异常波动，确保粮食市场供应。",
    "1.2　等级划分",
    "1.2.1　国家级（Ⅰ级）：两个以上省、自治区、直辖市出现粮食应急状态，以及超过省级人民政府处置能力的。",
    "1.2.2　省级（Ⅱ级）：在一个省、自治区、直辖市较大范围或省会等大中城市出现粮食应急状态。",
    "1.3　适用范围",
    "2　组织机构和职责",
    "2.1　国家粮食应急工作指挥部",
]
# rmrb/2019-10/20191017-17-01.txt lines 10–20: a festival programme, each show over its dates and hall.
PROGRAMME = [
    "10.18—10.19 上海大剧院",
    "闭幕演出",
    "安德鲁·曼兹、黄蒙拉与北德广播爱乐乐团音乐会",
    "11.17 上海大剧院",
    "音乐",
    "10.18/20/22 上音歌剧院",
    "平夏斯·祖克曼与阿德莱德交响乐团音乐会",
    "10.20 上海交响乐团音乐厅",
    "《今夜无人入眠》—— 何塞·库拉音乐会",
    "10.20 上海东方艺术中心音乐厅",
]


def test_decimal_outline_markers() -> None:
    found = decimal_markers([(line, shadow(line)) for line in DECIMAL_OUTLINE])
    assert {k: (m.marker, m.style, m.number) for k, m in found.items()} == {
        0: ("1", "1", 1),
        1: ("1.1", "1.1", 1),
        3: ("1.2", "1.1", 2),
        4: ("1.2.1", "1.1.1", 1),
        5: ("1.2.2", "1.1.1", 2),
        6: ("1.3", "1.1", 3),
        7: ("2", "1", 2),
        8: ("2.1", "1.1", 1),
    }


@pytest.mark.parametrize(
    "lines",
    [
        PROGRAMME,
        DECIMAL_OUTLINE[:1] + DECIMAL_OUTLINE[7:8],  # too few to be an outline
        ["1　总则", "2　组织机构和职责", "3　预警监测"],  # numbers one level deep only: no outline evidence
        ["1.1编制目的及依据", "1.2等级划分", "1.3适用范围"],  # glued, and no 1 above them
    ],
    ids=["programme", "two-lines", "one-level", "no-parent"],
)
def test_decimal_outline_look_alikes(lines: list[str]) -> None:
    assert decimal_markers([(line, shadow(line)) for line in lines]) == {}
