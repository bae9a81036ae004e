"""Issue-3 structure of every seed bulletin: genres, attendees, points, enumerations, dates."""

from __future__ import annotations

from pathlib import Path

import pytest

import bulletins
from bulletins.model import Document, Paragraph, Point, iter_blocks
from tests.fixtures.seeds_expected import ATTENDEES, ENUMERATIONS, GENRES, POINTS, SEEDS, attendance_sentences

SEEDS_DIR = Path(__file__).resolve().parents[1] / "seeds"


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_genres(seed: str, seed_documents: dict[str, Document]) -> None:
    assert [b.genre for b in seed_documents[seed].bulletins] == GENRES[seed]


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_attendee_names_per_bulletin(seed: str, seed_documents: dict[str, Document]) -> None:
    expected = ATTENDEES.get(seed, {})
    for index, bulletin in enumerate(seed_documents[seed].bulletins):
        found = attendance_sentences(bulletin)
        assert found == expected.get(index, []), f"{bulletin.id} (lines {bulletin.lines})"


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_a_person_named_by_a_deck_and_the_body_is_one_attendee(seed: str, seed_documents: dict[str, Document]) -> None:
    for bulletin in seed_documents[seed].bulletins:
        in_decks = {n for g in bulletin.attendees if g.where and g.where.block == "headline" for n in g.names}
        in_body = {n for g in bulletin.attendees if g.where and g.where.block != "headline" for n in g.names}
        assert not in_decks & in_body, bulletin.id


def test_the_glued_deck_of_seed_001_links_three_body_attendees() -> None:
    # 李希王偉中李斌孟凡利出席會議 (line 5): the body names 李希 (出席), 王偉中 (主持) and 孟凡利 (出席) on
    # line 6, so they are the body's attendees with the deck as a second provenance; 李斌 到會指導 (no
    # attendance verb in the body) stays the deck's.
    document = bulletins.parse_file(SEEDS_DIR / "001_cb1989d8750bc7f6.txt")
    groups = document.bulletins[0].attendees
    assert [(g.where.block if g.where else None, list(g.names), len(g.decks)) for g in groups[:4]] == [
        ("headline", ["李斌"], 0),
        ("body/0", ["李希"], 1),
        ("body/0", ["王偉中"], 1),
        ("body/0", ["孟凡利"], 1),
    ]
    deck = groups[1].decks[0]
    assert document.bulletins[0].headline is not None
    assert "\n".join(document.bulletins[0].headline.lines)[deck.start : deck.end] == "李希王偉中李斌孟凡利出席會議"


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_points_in_order(seed: str, seed_documents: dict[str, Document]) -> None:
    expected = POINTS.get(seed, {})
    for index, bulletin in enumerate(seed_documents[seed].bulletins):
        found = [(b.lines[0], b.marker) for b in iter_blocks(bulletin.body) if isinstance(b, Point)]
        assert found == expected.get(index, []), bulletin.id


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_inline_enumerations(seed: str, seed_documents: dict[str, Document]) -> None:
    found = {
        block.lines[0]: len(block.enumeration)
        for bulletin in seed_documents[seed].bulletins
        for block in iter_blocks(bulletin.body)
        if isinstance(block, Paragraph) and block.enumeration
    }
    assert found == ENUMERATIONS[seed]


def test_levels_follow_first_appearance(seed_documents: dict[str, Document]) -> None:
    notice = seed_documents["002_58afc2a1a6f5e462.txt"].bulletins[0]
    levels = {(b.marker, b.lines[0]): b.level for b in iter_blocks(notice.body) if isinstance(b, Point)}
    assert levels[("一、", 5)] == 1 and levels[("（一）", 12)] == 2 and levels[("1.", 13)] == 3
    # 1. under 五、 skips a level but keeps the level its style got first.
    assert levels[("1.", 24)] == 3 and levels[("2", 25)] == 3
    fifth = notice.body[-1]
    assert isinstance(fifth, Point) and fifth.marker == "五、"
    assert [c.marker for c in fifth.children if isinstance(c, Point)] == ["1.", "2", "3."]


def test_a_law_s_sections_stand_between_its_chapters_and_articles() -> None:
    # formats/pdf-text/guhhhhaa_xianfa-2018.pdf (cut): an article's （一） is printed before the first 第一节, and
    # the first-appearance order made 节 a level below （一）: 第二节 was a child of the article before it.
    law = (
        "中华人民共和国宪法\n\n第一章　总纲\n\n第一条　中华人民共和国是工人阶级领导的社会主义国家。\n\n"
        "第二条　国家保障下列权利：\n\n（一）选举权；\n\n（二）被选举权。\n\n第三章　国家机构\n\n"
        "第一节　全国人民代表大会\n\n第五十七条　全国人民代表大会是最高国家权力机关。\n\n"
        "第二节　中华人民共和国主席\n\n第七十九条　中华人民共和国主席由全国人民代表大会选举。\n"
    )
    (bulletin,) = bulletins.parse(law).bulletins
    chapter_three = bulletin.body[-1]
    assert isinstance(chapter_three, Point) and chapter_three.marker.startswith("第三章")
    sections = [c for c in chapter_three.children if isinstance(c, Point)]
    assert [(p.marker.strip(), p.level) for p in sections] == [("第一节", 2), ("第二节", 2)]
    assert [[c.marker.strip() for c in p.children if isinstance(c, Point)] for p in sections] == [
        ["第五十七条"],
        ["第七十九条"],
    ]


def test_heading_point_owns_its_paragraphs(seed_documents: dict[str, Document]) -> None:
    speech = seed_documents["004_2ba47e9fb844da27.txt"].bulletins[0]
    first = speech.body[1]
    assert isinstance(first, Point) and first.marker == "一、" and first.text == "关于前一段疫情防控工作"
    children = [(c.type, c.lines[0]) for c in first.children]
    # 七是 (line 17) is a paragraph point: the paragraphs after it return to 一、.
    assert ("paragraph", 18) in children and ("paragraph", 19) in children


def test_enumeration_items_carry_their_text(seed_documents: dict[str, Document]) -> None:
    paragraph = next(
        b for b in iter_blocks(seed_documents["001_cb1989d8750bc7f6.txt"].bulletins[0].body) if b.lines == (7, 7)
    )
    assert isinstance(paragraph, Paragraph)
    assert [(i.marker, i.number) for i in paragraph.enumeration] == [("一要", 1), ("二要", 2), ("三要", 3), ("四要", 4)]
    assert paragraph.enumeration[0].text.startswith("強化“以快制快”")


def test_roles_are_kept_per_person(seed_documents: dict[str, Document]) -> None:
    first = seed_documents["000_2d494656d95ed764.txt"].bulletins[0].attendees[2]
    assert first.role == "中共中央政治局常委、中央全面深化改革委员会副主任"
    assert first.roles == (first.role,) * 3
    sco = seed_documents["000_2d494656d95ed764.txt"].bulletins[7].attendees[2]
    assert sco.roles[:2] == ("上海合作组织成员国俄罗斯总统", "哈萨克斯坦总统")


def test_where_marks_the_sentence(seed_documents: dict[str, Document]) -> None:
    bulletin = seed_documents["000_2d494656d95ed764.txt"].bulletins[0]
    group = bulletin.attendees[2]
    assert group.where is not None
    block = list(iter_blocks(bulletin.body))[int(group.where.block.split("/")[1])]
    assert block.text[group.where.start : group.where.end] == group.text
    assert group.text.startswith("中共中央政治局常委") and "韩正出席会议" in group.text


def test_year_given_or_inferred_is_flagged() -> None:
    text = "中共中央政治局召开会议\n\n新华社北京9月9日电 中共中央政治局9月9日召开会议。\n"
    given = bulletins.parse(text, year=2022).bulletins[0].dateline
    assert given is not None and given.date is not None
    assert (given.date.iso, given.date.year_inferred) == ("2022-09-09", True)
    plain = bulletins.parse(text).bulletins[0].dateline
    assert plain is not None and plain.date is not None and plain.date.iso == "--09-09"
    notice = "关于召开会议的通知\n\n请准时参加。\n\n办公室\n2020年2月9日\n"
    inferred = bulletins.parse("新华社北京2月8日电 会议召开。\n" + notice)
    dateline = inferred.bulletins[0].dateline
    assert dateline is not None and dateline.date is not None
    assert (dateline.date.iso, dateline.date.year_inferred) == ("2020-02-08", True)


@pytest.mark.parametrize("seed", sorted(POINTS))
def test_point_text_is_the_rest_of_its_line(seed: str, seed_documents: dict[str, Document]) -> None:
    from bulletins.cleaners import clean
    from tests.conftest import SEEDS as SEED_DIR

    lines = clean((SEED_DIR / seed).read_text(encoding="utf-8")).split("\n")
    for index, expected in POINTS[seed].items():
        points = {
            b.lines[0]: b for b in iter_blocks(seed_documents[seed].bulletins[index].body) if isinstance(b, Point)
        }
        for line, marker in expected:
            source = lines[line - 1].strip()
            assert source.startswith(marker), (line, source[:10])
            assert points[line].text == source[len(marker) :], line


_UNITS = [
    f"{place}第{k}中学"
    for k, place in enumerate(["北京市", "天津市", "河北省", "山西省", "辽宁省", "吉林省", "江苏省", "浙江省"], 1)
]


def test_a_list_printed_one_item_a_line_is_a_subhead_over_paragraphs() -> None:
    # 第五批全国学雷锋活动示范点名单 / （50个） / 中国人民抗日战争纪念馆 / … inside a dispatch (rmrb/2019-02/
    # 20190228-07-02.txt lines 8–59): a subhead is a heading, the 50 units were one subhead of 52 lines.
    text = (
        "中宣部命名第五批全国学雷锋活动示范点\n\n　　新华社北京2月27日电 近日，中宣部命名第五批示范点。\n　　\n"
        "　　第五批示范点名单\n　　（8个）\n" + "".join(f"　　{unit}\n" for unit in _UNITS)
    )
    document = bulletins.parse(text)
    (bulletin,) = document.bulletins
    assert [(b.type, b.text) for b in bulletin.body[1:]] == [("subhead", "第五批示范点名单\n（8个）")] + [
        ("paragraph", unit) for unit in _UNITS
    ]


def test_a_list_s_title_heads_its_bulletin_without_the_first_items() -> None:
    # 第五批全国岗位学雷锋标兵名单 / （50个） / 杨大伟 中国中医科学院广安门医院主任医师 / … (the same file, lines
    # 62–66: the first three people were read as headline lines, 史长城's line as a 题注, the rest as one subhead).
    people = ["杨大伟 中国中医科学院主任医师", "蔡成 天津市家政服务公司总经理", "杨美楷（女） 河北广播电视台副总监"]
    text = (
        "第五批全国岗位学雷锋标兵名单\n（3个）\n"
        + "".join(f"　　{p}\n" for p in people)
        + "　　史长城 河北省香河县委宣传部副部长，县广播电视台台长\n"
        + "".join(f"　　王{k} {unit}教师\n" for k, unit in enumerate(_UNITS))
        + "（新华社北京2月27日电）\n"
    )
    document = bulletins.parse(text)
    (bulletin,) = document.bulletins
    assert bulletin.headline is not None and bulletin.headline.lines == ("第五批全国岗位学雷锋标兵名单", "（3个）")
    assert {b.type for b in bulletin.body} == {"paragraph"}
    assert [b.text for b in bulletin.body][:4] == [*people, "史长城 河北省香河县委宣传部副部长，县广播电视台台长"]


def test_a_titled_list_that_signs_with_its_own_dateline_is_a_dispatch_of_its_own() -> None:
    # The same file's lines 8–60: the 示范点 list ends with （新华社北京2月27日电） under a dispatch dated at its
    # head — the agency's second item, printed under the first (its fixture reads three bulletins).
    text = (
        "中宣部命名第五批全国学雷锋活动示范点\n\n　　新华社北京2月27日电 近日，中宣部命名第五批示范点。\n　　\n"
        "　　第五批示范点名单\n　　（8个）\n"
        + "".join(f"　　{unit}\n" for unit in _UNITS)
        + "　　（新华社北京2月27日电）\n"
    )
    document = bulletins.parse(text)
    first, second = document.bulletins
    assert first.lines == (1, 3) and second.lines == (5, 15)
    assert second.headline is not None and second.headline.lines == ("第五批示范点名单", "（8个）")
    assert second.dateline is not None and second.dateline.trailing
    assert [b.text for b in second.body] == _UNITS
