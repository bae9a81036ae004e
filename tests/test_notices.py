"""GB/T 9704 notice elements, closings, trailing datelines and speech front matter (constructed texts)."""

from __future__ import annotations

import pytest

import bulletins
from bulletins.model import Point, iter_blocks
from tests.test_nothing_lost import assert_nothing_lost

# A notice laid out as GB/T 9704-2012 prescribes; the wording follows 国办发〔2020〕6号.
NOTICE = """国务院办公厅文件

国办发〔2020〕6号

国务院办公厅关于组织做好疫情防控重点物资生产企业复工复产和调度安排工作的紧急通知

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
\u3000\u3000为切实做好新型冠状病毒感染的肺炎疫情防控工作，经国务院同意，现就有关事项通知如下：
\u3000\u3000一、全力保障重点物资生产企业复工复产。各地要指导督促企业尽快复工。
\u3000\u3000二、统一调度重点物资。国家发展改革委要会同有关部门统一调度。

\u3000\u3000附件：1．疫情防控重点保障物资（医疗应急）清单
\u3000\u3000\u3000\u3000\u30002．疫情防控重点保障企业名单

国务院办公厅
2020年2月10日

（此件公开发布）

抄送：党中央各部门，中央军委办公厅。
国务院办公厅秘书局\u30002020年2月10日印发
"""


def test_every_element_of_a_notice() -> None:
    document = bulletins.parse(NOTICE)
    assert len(document.bulletins) == 1
    notice = document.bulletins[0]
    assert notice.genre == "notice"
    assert notice.doc_number == "国办发〔2020〕6号"
    assert notice.addressee == "各省、自治区、直辖市人民政府，国务院各部委、各直属机构"
    kinds = [(e.kind, e.lines[0]) for e in notice.notice_elements]
    assert kinds == [("masthead", 1), ("doc_number", 3), ("addressee", 7), ("attachment", 12),
                     ("note", 18), ("cc", 20), ("imprint", 21)]  # fmt: skip
    attachment = notice.notice_elements[3]
    assert attachment.lines == (12, 13) and "2．疫情防控重点保障企业名单" in attachment.text
    assert notice.closing is not None and notice.closing.date is not None
    assert (notice.closing.issuer, notice.closing.date.iso) == ("国务院办公厅", "2020-02-10")
    assert [b.marker for b in iter_blocks(notice.body) if isinstance(b, Point)] == ["一、", "二、"]
    assert_nothing_lost(document, bulletins.cleaners.clean(NOTICE))


@pytest.mark.parametrize("number", ["国办发〔2020〕6号", "晋政发[2020]12号", "京政办发(2020)3号", "国发〔2020〕第1号"])
def test_doc_number_forms(number: str) -> None:
    text = f"{number}\n\n某某市人民政府关于做好春节期间工作的通知\n\n各区人民政府：\n现将有关事项通知如下。\n"
    assert bulletins.parse(text).bulletins[0].doc_number == number


def test_doc_number_below_the_title_in_a_reprint() -> None:
    text = "国务院关于进一步做好稳就业工作的意见\n国发〔2019〕28号\n各省、自治区、直辖市人民政府：\n现提出如下意见。\n"
    bulletin = bulletins.parse(text).bulletins[0]
    assert bulletin.doc_number == "国发〔2019〕28号" and bulletin.addressee is not None


@pytest.mark.parametrize(
    ("lines", "issuer", "iso"),
    [
        (["党委办公室", "2020年2月9日"], "党委办公室", "2020-02-09"),
        (["某某省人民政府办公厅", "二〇二〇年二月九日"], "某某省人民政府办公厅", "2020-02-09"),
        (["中共某某市委", "某某市人民政府", "二○二○年二月九日"], "中共某某市委\n某某市人民政府", "2020-02-09"),
        (["中共某某省委统一战线工作", "部办公室", "2020年12月31日"], "中共某某省委统一战线工作部办公室", "2020-12-31"),
    ],
    ids=["one", "chinese-numerals", "two-issuers", "wrapped-issuer"],
)
def test_closing_forms(lines: list[str], issuer: str, iso: str) -> None:
    text = "关于做好值班工作的通知\n\n各单位：\n请认真做好节日期间值班工作。\n\n" + "\n".join(lines) + "\n"
    closing = bulletins.parse(text).bulletins[0].closing
    assert closing is not None and closing.date is not None
    assert (closing.issuer, closing.date.iso) == (issuer, iso)


def test_trailing_dateline() -> None:
    text = "习近平同某国总统通电话\n\n两国元首就双边关系交换意见。（新华社北京2月28日电）\n"
    bulletin = bulletins.parse(text).bulletins[0]
    assert bulletin.dateline is not None and bulletin.dateline.trailing
    assert (bulletin.dateline.text, bulletin.dateline.place) == ("（新华社北京2月28日电）", "北京")
    assert bulletin.body[0].text == "两国元首就双边关系交换意见。"
    assert_nothing_lost(bulletins.parse(text), text)


def test_ordinal_words_open_paragraphs_not_points() -> None:
    # 首先，…其次，…最后， are discourse words (every reader of such a run said so: rmrb
    # 20200515-20-01 lines 13-15): paragraphs, their text whole.
    text = "关于加强管理的意见\n\n现提出如下意见。\n首先，要提高认识。\n其次，要加强领导。\n最后，要狠抓落实。\n"
    document = bulletins.parse(text)
    body = document.bulletins[0].body
    assert not [b for b in body if isinstance(b, Point)]
    assert [b.text for b in body][-3:] == ["首先，要提高认识。", "其次，要加强领导。", "最后，要狠抓落实。"]
    assert_nothing_lost(document, text)


def test_a_lone_last_is_not_a_point() -> None:
    text = "某某会议召开\n\n会议指出，要抓落实。\n最后，我给大家提几点要求。\n"
    assert not [b for b in bulletins.parse(text).bulletins[0].body if isinstance(b, Point)]
