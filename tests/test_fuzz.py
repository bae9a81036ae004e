"""Grammar-driven inputs and arbitrary text: never crash, lose nothing, export valid XML."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark
from lark import Lark
from lxml import etree

import bulletins
from bulletins.cleaners import clean
from bulletins.errors import BulletinsError
from bulletins.grammar import grammar_text
from bulletins.validate import _our_relaxng, _tei_relaxng
from tests.test_nothing_lost import assert_nothing_lost

# One realistic line per line terminal of the grammar (the line lexer supplies them, so the
# grammar declares them): the strings generated from the grammar are then real-looking text.
LINES: dict[str, list[str]] = {
    "HEADLINE_START": ["中共中央政治局召开会议", "全省疫情防控工作电视电话会议在广州召开", "关于召开学习的通知"],
    "HEADLINE_LINE": ["习近平主持会议", "第二十七次会议强调", "——织密织牢疫情防控安全网"],
    "DATELINE_TITLE": ["题：伸向亚太的黑手——起底美国主导北约加速东进亚太之害"],
    "BRIEF_TITLE": ["我国浮空艇高空科学观测创新纪录", "全国铁路4月16日起调图"],
    "HEAD_NOTE": ["“网约护士”从设想走向现实，有助于为患者尤其是老年人提供更多便利"],
    "DATELINE": ["新华社北京9月6日电", "本报讯(记者 赵娟娟)11月10日，"],
    "LEAD_DATELINE": ["新华社努尔苏丹9月14日电 当地时间9月14日下午，国家主席习近平抵达。"],
    "BYLINE": ["王荣 王晓丽", "本报评论员"],
    "SECTION_BYLINE": ["本报记者 鲜 敢"],
    "SPEECH_DATE": ["（2020年2月23日）"],
    "SALUTATION": ["同志们："],
    "LEAD_SALUTATION": ["尊敬的萨勒曼国王，各位同事："],
    "PARAGRAPH": [
        "会议指出，要坚持人民至上。",
        "省委书记李希出席会议并讲话。一要强化。二要落实。",
        "会议还研究了其他事项。",
    ],
    "LEAD": ["2月7日上午，省委书记楼阳生主持召开专题会议。", "立和践行绿水青山就是金山银山的理念。"],
    "POINT": ["一、时间", "（一）学习内容", "1.请做好学习笔记。", "一是加强领导。", "第一，坚决打好保卫战。"],
    "LEAD_POINT": ["一、关于前一段工作"],
    "SUBHEAD": ["立即响应 靠前指挥 下沉一线\n——织密织牢疫情防控“安全网”"],
    "CAPTION": ["溯源流调工作组正在紧张工作中"],
    # Plain text has no tables (only structured readers mark rows): here a row reads as text, and
    # tests/test_tables.py generates tables through HTML.
    "TABLE": ["一、医疗质量\t（一）功能定位\t1.门诊人次数"],
    "CREDIT": ["本报记者  李  舸摄", "制图：蔡华伟", "（作者为中国人民大学教授）"],
    "ISSUER": ["党委办公室"],
    "CLOSING_DATE": ["2020年2月9日", "二〇二〇年二月九日"],
    "IMAGE": ["![图](images/a.png)"],
    "NAV": ["- 华南国家植物园正式揭牌 2022-07-12"],
    "FRONT_NAV": ["来源：河南日报"],
    "SECTION": ["习近平总书记“三篇光辉文献”"],
    "NOISE": ["会议指出，要坚持人民至上。"],
    "MASTHEAD": ["国务院办公厅文件"],
    "DOC_NUMBER": ["国办发〔2020〕6号"],
    "DOC_NUMBER_BELOW": ["国发〔2019〕28号"],
    "ADDRESSEE": ["各省、自治区、直辖市人民政府："],
    "ATTACHMENT": ["附件：1．清单"],
    "CC": ["抄送：党中央各部门。"],
    "IMPRINT": ["国务院办公厅秘书局 2020年2月10日印发"],
    "NOTE": ["（此件公开发布）"],
    "TRAILING_DATELINE": ["（新华社北京2月28日电）"],
    "ORDER_TEXT": ["现公布修订后的《中华人民共和国个人所得税法实施条例》，自2019年1月1日起施行。"],
    "ORDER_MASTHEAD": ["中华人民共和国主席令"],
    "ORDER_NUMBER": ["第十九号"],
    "ISSUED_TITLE": ["工资支付暂行规定"],
    "ISSUED_POINT": ["第一条 为维护劳动者通过劳动获得劳动报酬的权利，制定本规定。"],
}


def _declared() -> list[str]:
    return [name for line in grammar_text().splitlines() if line.startswith("%declare") for name in line.split()[1:]]


def test_every_declared_terminal_has_a_line() -> None:
    assert sorted(_declared()) == sorted(LINES)


def _line(name: str) -> st.SearchStrategy[str]:
    indent = st.sampled_from(["", "\u3000\u3000", "  "])
    blanks = st.sampled_from(["\n", "\n\n"])
    return st.tuples(indent, st.sampled_from(LINES[name]), blanks).map("".join)


GRAMMAR_TEXTS = from_lark(Lark(grammar_text(), parser="lalr"), explicit={name: _line(name) for name in LINES})


def _check(text: str) -> None:
    try:
        document = bulletins.parse(text)
    except BulletinsError:
        return
    assert_nothing_lost(document, clean(text))
    for name in ("json", "jsonl", "xml", "tei"):
        output = bulletins.export(document, name)
        if name in ("xml", "tei"):
            etree.fromstring(output.encode("utf-8"))  # well-formed
    assert _our_relaxng().validate(etree.fromstring(bulletins.export(document, "xml").encode()))
    assert _tei_relaxng().validate(etree.fromstring(bulletins.export(document, "tei").encode()))


# Found by this test in CI (session 5): an order's signature and a second 落款 after the regulation
# it promulgates; the second closing was dropped (now a note element).
_TWO_CLOSINGS = (
    "现公布修订后的《中华人民共和国个人所得税法实施条例》，自2019年1月1日起施行。\n2020年2月9日\n中共中央政治局召开会议\n"
    "“网约护士”从设想走向现实，有助于为患者尤其是老年人提供更多便利\n中华人民共和国主席令\n第十九号\n"
    "现公布修订后的《中华人民共和国个人所得税法实施条例》，自2019年1月1日起施行。\n党委办公室\n2020年2月9日\n"
    "（2020年2月23日）\n2020年2月9日\n"
)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(GRAMMAR_TEXTS)
@example(_TWO_CLOSINGS)
def test_grammar_generated_text_parses(text: str) -> None:
    _check(text)


FRAGMENTS = [
    "新华社", "北京", "9月6日电", "电 ", "一、", "（一）", "1.", "2", "一是", "二要", "第一，", "出席", "主持", "参加会议",
    "\u3000", "[bookmark: _Toc1]", "(qū)", "。", "，", "：", "——", "\n", "\n\n", "\r\n", "习近平", "王荣 王晓丽",
    "（2020年2月23日）", "同志们：", "2020年2月9日", "党委办公室", "![a](b.png)", "- 标题 2022-07-12", "国办发〔2020〕6号",
    "抄送：", "（此件公开发布）", "（新华社北京2月28日电）", "\x01", "&<>", "\ud800", "會議", "李希王偉中", "正在工作中",
]  # fmt: skip


@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=60).map("".join))
def test_domain_soup_never_crashes(text: str) -> None:
    _check(text)
