"""A bulletin's own date (issue 15): headnote, closing, speech, dateline, metadata — in that order.

The lines are real lines of the development corpus (named in each case); the texts around them
are cut to what the rule reads.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import bulletins
from bulletins.analyze.issued import _head_date
from bulletins.model import DocumentDate

# The 刑法's revisions as its 题注 prints them (formats/pdf-text/aitejiu_xingfa_wps.pdf pp. 1–2): date, 届, 次, act.
_XINGFA = [
    ("1998年12月29日", "九", "六", "全国人民代表大会常务委员会关于惩治骗购外汇、逃汇和非法买卖外汇犯罪的决定"),
    ("1999年12月25日", "九", "十三", "中华人民共和国刑法修正案"),
    ("2001年8月31日", "九", "二十三", "中华人民共和国刑法修正案（二）"),
    ("2001年12月29日", "九", "二十五", "中华人民共和国刑法修正案（三）"),
    ("2002年12月28日", "九", "三十一", "中华人民共和国刑法修正案（四）"),
    ("2005年2月28日", "十", "十四", "中华人民共和国刑法修正案（五）"),
    ("2006年6月29日", "十", "二十二", "中华人民共和国刑法修正案（六）"),
    ("2009年2月28日", "十一", "七", "中华人民共和国刑法修正案（七）"),
    ("2009年8月27日", "十一", "十", "全国人民代表大会常务委员会关于修改部分法律的决定"),
    ("2011年2月25日", "十一", "十九", "中华人民共和国刑法修正案（八）"),
    ("2015年8月29日", "十二", "十六", "中华人民共和国刑法修正案（九）"),
    ("2017年11月4日", "十二", "三十", "中华人民共和国刑法修正案（十）"),
    ("2020年12月26日", "十三", "二十四", "中华人民共和国刑法修正案（十一）"),
]
XINGFA_REVISIONS = [
    f"{day}第{n}届全国人民代表大会常务委员会第{session}次会议通过的《{act}》" for day, n, session, act in _XINGFA
]


@pytest.mark.parametrize(
    ("line", "iso", "occasion"),
    [
        # rmrb/2019-02/20190228-01-02.txt line 3: a 意见's date under its title.
        ("（2019年1月31日）", "2019-01-31", False),
        # rmrb/2019-10/20191027-02-03.txt line 3: a 题注.
        ("（2019年10月26日第十三届全国人民代表大会常务委员会第十四次会议通过）", "2019-10-26", False),
        # web/lawref/gwyling235_fakuan_fenli.md line 3: an order's line without parentheses.
        ("1997年11月17日 中华人民共和国国务院令第235号发布　", "1997-11-17", False),
        # web/lawref/aqbling2_jubao_jiangli.md line 3.
        ("2022年6月6日 中华人民共和国国家安全部令第2号公布", "2022-06-06", False),
        # web/lawref/zgf1993_jieda_mingyuquan.md line 3.
        ("1993年6月15日 最高人民法院审判委员会第579次会议讨论通过", "1993-06-15", False),
        # govcn-html/row33.html line 7: a 题注 listing every revision (211 characters) heads the text as last
        # revised (a reader found the 2018 text dated 1994): the last revision's date.
        (
            "（1994年1月28日中华人民共和国国务院令第142号发布\u3000根据2005年12月19日《国务院关于修改〈中华人民共和国个人所得税法"
            "实施条例〉的决定》第一次修订\u3000根据2008年2月18日《国务院关于修改〈中华人民共和国个人所得税法实施条例〉的决定》"
            "第二次修订\u3000根据2011年7月19日《国务院关于修改〈中华人民共和国个人所得税法实施条例〉的决定》第三次修订"
            "\u30002018年12月18日中华人民共和国国务院令第707号第四次修订）",
            "2018-12-18",
            False,
        ),
        # govcn-html/row58.html line 7: revised and adopted on one date, issued by an order later.
        (
            "（1991年3月4日中华人民共和国国务院令第76号发布\u30002018年9月6日国务院第23次常务会议修订通过）",
            "2018-09-06",
            False,
        ),
        # rmrb/2020-01/20200102-16-01.txt line 4 (cut): amendments, then a revision.
        (
            "（1984年9月20日第六届全国人民代表大会常务委员会第七次会议通过\u3000根据1998年4月29日第九届全国人民代表大会常务委员会"
            "第二次会议《关于修改〈中华人民共和国森林法〉的决定》第一次修正\u30002019年12月28日第十三届全国人民代表大会常务委员会"
            "第十五次会议修订）",
            "2019-12-28",
            False,
        ),
        # formats/pdf-text/aitejiu_xingfa_wps.pdf pp. 1–2, read on the page images: the 刑法's 题注 lists eleven
        # 修正案 and two decisions (791 characters) and ends in the reference mark of its footnote (①).
        (
            "（1979年7月1日第五届全国人民代表大会第二次会议通过1997年3月14日第八届全国人民代表大会第五次会议修订根据"
            + "、".join(XINGFA_REVISIONS[:-1])
            + "和"
            + XINGFA_REVISIONS[-1]
            + "修正）①",
            "2020-12-26",
            False,
        ),
        # A 题注 that adopts and sets the day it takes force: one act, its first date.
        (
            "（2019年10月26日第十三届全国人民代表大会常务委员会第十四次会议通过\u3000自2020年1月1日起施行）",
            "2019-10-26",
            False,
        ),
        # govcn-html/row50.html line 11: the forwarded 意见's issuer and date under its title.
        ("（民政部\u3000一九九七年一月二十八日）", "1997-01-28", False),
        # rmrb/2020-01/20200119-02-02.txt line 3: a joint statement's date and where it was signed.
        ("（二〇二〇年一月十八日  内比都）", "2020-01-18", False),
        # A report's date and occasion (issue 15's example).
        ("（2026年1月27日在贵州省第十四届人民代表大会第四次会议上）", "2026-01-27", True),
    ],
)
def test_a_headnote_line_gives_its_date(line: str, iso: str, occasion: bool) -> None:
    found = _head_date(line)
    assert found is not None
    assert found[0].iso == iso
    assert found[1] is occasion


@pytest.mark.parametrize(
    "line",
    [
        "2020年5月28日，十三届全国人大三次会议在北京人民大会堂闭幕。",  # a first sentence, not a headnote
        "（2020年5月28日）。",  # a sentence's end
        "5月28日 国务院常务会议通过",  # no year: a 题注 prints one
        "2020年是全面建成小康社会之年",  # no day
        "（据新华社2020年5月28日电）",  # a source note
        "（2020年1月18日  记者张三摄）",  # a photo credit after the date, no place
    ],
)
def test_lines_that_are_not_headnotes(line: str) -> None:
    assert _head_date(line) is None


def _date(text: str | bytes, **options: object) -> DocumentDate | None:
    document = bulletins.parse(text, **options)  # type: ignore[arg-type]
    assert document.bulletins
    return document.bulletins[0].date


# formats/html-pages/simonxinw_yichun-gov_jiangxi-tjgb-2022.html lines 21–24 (the sentence cut): a statistical
# communiqué's issuers and date printed under its title, its text below.
COMMUNIQUE = (
    "江西省2022年国民经济和社会发展统计公报[1]\n江西省统计局  国家统计局江西调查总队\n2023年3月28日\n"
    "2022年是党的二十大胜利召开之年，是党和国家历史上极为重要的一年。\n01综合\n"
)


def test_a_communique_is_dated_by_the_date_under_its_issuers() -> None:
    document = bulletins.parse(COMMUNIQUE)
    assert len(document.bulletins) == 1
    (bulletin,) = document.bulletins
    assert bulletin.closing is None and bulletin.headline is not None
    assert list(bulletin.headline.lines) == ["江西省2022年国民经济和社会发展统计公报[1]"]
    assert bulletin.date is not None and (bulletin.date.iso, bulletin.date.source) == ("2023-03-28", "headnote")
    # A bare date is a headnote under its issuers only.
    assert _head_date("2023年3月28日") is None
    assert _head_date("2023年3月28日", under_issuer=True) is not None


def test_a_headnote_comes_before_the_closing() -> None:
    text = (
        "某某管理办法\n\n（2019年1月31日某某委员会第3次会议通过）\n\n第一条 为了规范管理，制定本办法。\n\n"
        "第二条 本办法自发布之日起施行。\n\n某某委员会\n\n2019年2月1日\n"
    )
    date = _date(text)
    assert date is not None
    assert (date.iso, date.source, date.line, date.precision, date.year_source) == (
        "2019-01-31",
        "headnote",
        3,
        "day",
        "printed",
    )


def test_the_closing_date() -> None:
    # seed 002's shape: a notice closed by its issuer and date.
    text = "关于某某工作的通知\n\n各区县：\n\n现将有关事项通知如下。\n\n某某市人民政府办公室\n\n2020年2月9日\n"
    date = _date(text)
    assert date is not None
    assert (date.iso, date.source, date.line) == ("2020-02-09", "closing", 9)


def test_a_title_that_ends_with_the_date_and_occasion_gives_the_speech_date() -> None:
    text = "政府工作报告――2025年1月20日在某省第十四届人民代表大会第三次会议上\n\n各位代表：\n\n现在，我代表省人民政府，向大会报告工作。\n"
    date = _date(text)
    assert date is not None
    assert (date.iso, date.source, date.line) == ("2025-01-20", "speech", 1)


def test_a_dateline_takes_its_year_from_the_file_name() -> None:
    # rmrb/2020-05/20200525-03-06.txt: the paper of 2020-05-25 files a dispatch of 5月24日.
    text = "全国政协十三届三次会议举行第二次全体会议\n\n本报北京5月24日电  全国政协十三届三次会议24日下午举行第二次全体会议。\n"
    date = _date(text, source="rmrb/2020-05/20200525-03-06.txt")
    assert date is not None
    assert (date.iso, date.source, date.year_inferred, date.year_source) == ("2020-05-24", "dateline", True, "filename")
    # Without a name that gives it, the year stays unknown: --MM-DD, never a guess.
    date = _date(text)
    assert date is not None
    assert (date.iso, date.year, date.year_source) == ("--05-24", None, None)
    # The caller's year= completes it.
    date = _date(text, year=2020)
    assert date is not None
    assert (date.iso, date.year_source) == ("2020-05-24", "option")


def test_no_date_in_the_text_gives_the_metadata_date() -> None:
    text = "---\ntitle: 標題\ndate: 2021-03-04\n---\n\n# 某某新聞\n\n政府今日公布新措施。\n"
    date = _date(text.encode(), source="article_1.md")  # bytes: the reader is chosen by the name
    assert date is not None
    assert (date.iso, date.source, date.line, date.year_source) == ("2021-03-04", "metadata", None, "metadata")


def test_a_files_creation_time_is_not_its_date(tmp_path: Path) -> None:
    """A Word file's ``created`` property is when the file was made: readers of the formats draws
    never count it, so it gives no bulletin date; it still completes a printed month and day."""
    import datetime

    import docx

    made = docx.Document()
    made.add_paragraph("某某学院关于开展教学检查的通知")
    made.add_paragraph("各系：现将有关事项通知如下。")
    made.core_properties.created = datetime.datetime(2014, 10, 30, 8, 0)
    path = tmp_path / "notice.docx"
    made.save(str(path))
    document = bulletins.parse_file(path)
    assert any(f.name == "created" and f.value.startswith("2014-10-30") for f in document.source.metadata)
    assert [b.date for b in document.bulletins] == [None]
    made.add_paragraph("某某学院")
    made.add_paragraph("11月2日")
    made.save(str(path))
    dated = bulletins.parse_file(path).bulletins[0].date
    assert dated is not None and (dated.iso, dated.source, dated.year_source) == ("2014-11-02", "closing", "metadata")


def test_no_date_anywhere_is_none() -> None:
    assert _date("某某新闻\n\n今天，某某活动举行。\n") is None


def test_the_date_is_in_json_and_tei() -> None:
    text = "某某管理办法\n\n（2019年1月31日某某委员会第3次会议通过）\n\n第一条 为了规范管理，制定本办法。\n"
    document = bulletins.parse(text)
    assert '"source": "headnote"' in bulletins.export(document, "json")
    assert '<date type="issued" subtype="headnote" when="2019-01-31">2019年1月31日</date>' in bulletins.export(
        document, "tei"
    )


# formats/html-pages/simonxinw_wanzai-gov_tjgb-2022.html lines 17, 21–23 and simonxinw_yichun-gov_tjgb-2022.html lines
# 21–24 (the sentences cut): a county's and a city's communiqué, the issuers over a date in parentheses — the month
# only in the county's.
COMMUNIQUE_MONTH = (
    "万载县2022年国民经济和社会发展统计公报\n万载县统计局\u2002\u2002\u2002 国家统计局万载调查队\n（2023年5月）\n"
    "2022年，万载全县上下坚持以习近平新时代中国特色社会主义思想为指导，坚决贯彻落实国家、省、市决策部署。\n一、综合\n"
)
COMMUNIQUE_PARENTHESES = (
    "宜春市2022年国民经济和社会发展统计公报\n宜春市统计局 \u2002国家统计局宜春调查队\n（2023年4月12日）\n"
    "2022年，在市委、市政府的坚强领导下，全市上下坚持以习近平新时代中国特色社会主义思想为指导。\n一、综合\n"
)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [(COMMUNIQUE_MONTH, (2023, 5, None), "month"), (COMMUNIQUE_PARENTHESES, (2023, 4, 12), "day")],
    ids=["month", "parentheses"],
)
def test_a_communique_dated_in_parentheses_under_its_issuers(
    text: str, value: tuple[int, int, int | None], precision: str
) -> None:
    (bulletin,) = bulletins.parse(text).bulletins
    assert bulletin.headline is not None and len(bulletin.headline.lines) == 1 and bulletin.closing is None
    date = bulletin.date
    assert date is not None and (date.year, date.month, date.day) == value
    assert (date.source, date.precision) == ("headnote", precision)
    # A month alone is a date only under the issuers' names.
    assert _head_date("（2023年5月）") is None


# A reprint's page reference dates the year-less dateline it follows (analyze/years.py publication_date).
PAGE_REFERENCE = [
    # web/xispeech/all_data_row18.txt's last two parts: the dateline printed last, the page reference.
    ("（新华社北京9月11日电）《 人民日报 》（ 2020年09月12日 02 版）", "2020-09-11"),
    # The same layout at a year's turn (made from row18's: a 12月31日 dispatch on a 2021 page is 2020's).
    ("（新华社北京12月31日电）《 人民日报 》（ 2021年01月01日 02 版）", "2020-12-31"),
]


@pytest.mark.parametrize(("ending", "iso"), PAGE_REFERENCE)
def test_a_page_reference_gives_the_dateline_its_year(ending: str, iso: str) -> None:
    text = "今天，我们召开科学家座谈会，听听大家对“十四五”时期推动创新驱动发展的意见和建议。" * 4 + ending
    (bulletin,) = bulletins.parse(text).bulletins
    assert bulletin.date is not None and bulletin.date.iso == iso and bulletin.date.source == "dateline"


def test_a_printed_year_comes_before_the_page_reference() -> None:
    # web/xispeech/all_data_row20.txt's front matter prints 2020年9月4日: the page reference is not needed.
    text = (
        "在2020年中国国际服务贸易交易会全球服务贸易峰会上的致辞（2019年9月4日，北京）中华人民共和国主席 习近平"
        "尊敬的各国领导人，女士们，先生们，朋友们：大家好！"
        + "值此2020年中国国际服务贸易交易会举办之际，我谨致以热烈的祝贺。" * 4
        + "（新华社北京9月4日电）《 人民日报 》（ 2020年09月05日 02 版）"
    )
    (bulletin,) = bulletins.parse(text).bulletins
    assert bulletin.dateline is not None and bulletin.dateline.date is not None
    assert bulletin.dateline.date.iso == "2019-09-04"  # the document's printed year (as altered here), not the page's


def test_a_joint_statements_date_and_place_are_its_headnote() -> None:
    # rmrb/2020-01/20200119-02-02.txt lines 2–4 (cut): the date and place under the title are a 题注, not a
    # headline line (tests/fixtures/corpus/README.md), and the statement's date.
    text = (
        "\n中华人民共和国和缅甸联邦共和国联合声明\n（二〇二〇年一月十八日  内比都）\n"
        "\u3000\u3000应缅甸联邦共和国总统温敏邀请，中华人民共和国主席习近平于2020年1月17日至18日对缅甸进行国事访问。\n"
    )
    (bulletin,) = bulletins.parse(text).bulletins
    assert bulletin.headline is not None and list(bulletin.headline.lines) == ["中华人民共和国和缅甸联邦共和国联合声明"]
    assert bulletin.date is not None and (bulletin.date.iso, bulletin.date.source) == ("2020-01-18", "headnote")
