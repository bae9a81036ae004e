"""Every bug found by hand or by fuzzing, pinned as a named case (markdown-it-py's practice)."""

from __future__ import annotations

import bulletins
from bulletins.analyze.attendees import TextBlock, find_groups
from bulletins.analyze.enumerations import find_enumeration
from bulletins.cleaners import remove_ruby_pinyin
from bulletins.model import Paragraph, Point, iter_blocks
from bulletins.script import shadow


def _groups(text: str) -> list[tuple[str, list[str]]]:
    return [(g.verb, list(g.names)) for g in find_groups([TextBlock(block="body/0", text=text, shadow=shadow(text))])]


def test_traditional_newsflash_byline_drops_the_reporter_word() -> None:
    # Round-trip fuzzing: 记者 was stripped on the original text, so 記者 stayed as a "name".
    document = bulletins.parse("市政府召開會議\n\n本報訊(記者 李克強)3月4日，會議召開。\n")
    assert document.bulletins[0].byline == ("李克強",)


def test_a_point_repeated_under_another_heading_is_kept() -> None:
    # Round-trip fuzzing: the second 一是… was dropped as a repeated layout fragment.
    text = "通知\n\n会议指出，要坚持。\n一、时间\n一是坚持人民至上、生命至上。\n会议强调，要落实。\n二、地点\n一是坚持人民至上、生命至上。\n"
    markers = [b.marker for b in iter_blocks(bulletins.parse(text).bulletins[0].body) if isinstance(b, Point)]
    assert markers == ["一、", "一是", "二、", "一是"]


def test_names_with_supplementary_plane_characters() -> None:
    # Hostile-file test: OpenCC maps 俓 to 𠇹 (U+201F9); HAN stopped at U+9FFF.
    assert _groups("省领导王俓一、李𬍛参加会议。") == [("参加", ["王俓一", "李𬍛"])]


def test_point_numbers_beyond_three_digits() -> None:
    text = "通知\n\n" + "".join(f"{k}.第{k}项。\n" for k in range(998, 1003))
    numbers = [b.number for b in bulletins.parse(text).bulletins[0].body if isinstance(b, Point)]
    assert numbers == [998, 999, 1000, 1001, 1002]


def test_a_short_line_with_a_sequence_marker_is_not_a_headline() -> None:
    text = "通知\n\n一、要求\n（一）细则\n一是加强领导\n二是压实责任\n"
    assert len(bulletins.parse(text).bulletins) == 1


def test_a_lying_byte_order_mark_is_ignored_with_a_warning() -> None:
    document = bulletins.parse(b"\xff\xfe" + "会议召开\n\n会议指出，要坚持人民至上。\n".encode())
    assert document.source.encoding == "utf-8"
    assert [d.code for d in document.diagnostics] == ["bom-mismatch"]


def test_utf8_with_a_damaged_byte_is_not_read_as_a_legacy_encoding() -> None:
    # chardet guessed ptcp154 at 1% confidence, and the document was mojibake.
    data = ("新华社北京9月6日电 " * 40).encode("utf-8")
    data = data[:301] + b"\xff\xfe" + data[301:]
    document = bulletins.parse(data, errors="replace")
    assert document.source.encoding == "utf-8" and "新华社北京" in bulletins.export(document, "json")


def test_the_idiom_yi_shi_yi_is_not_an_enumeration() -> None:
    assert find_enumeration("一是一，二是二。", "一是一，二是二。") == ()


def test_a_later_clause_opening_with_a_surname_is_not_the_subject() -> None:
    # 向 is a surname: 向晋绥边区… was read as the person who 参观.
    text = "21日上午，习近平从北京到吕梁，向晋绥边区革命烈士敬献花篮，参观晋绥边区政府旧址。"
    assert _groups(text) == [("参观", ["习近平"])]


def test_verbs_are_cut_from_the_original_script() -> None:
    assert _groups("省領導林克慶、張福海參加會議。") == [("參加", ["林克慶", "張福海"])]


def test_a_heading_point_is_not_joined_with_the_next_paragraph() -> None:
    text = "在会议上的讲话\n\n（2020年2月23日）\n习近平\n同志们：\n一、关于前一段工作\n新冠肺炎疫情发生后，党中央高度重视。\n"
    point = bulletins.parse(text).bulletins[0].body[0]
    assert isinstance(point, Point) and point.text == "关于前一段工作"
    assert isinstance(point.children[0], Paragraph)


def test_a_run_of_ruby_syllables_goes_in_one_pass() -> None:
    assert remove_ruby_pinyin("新(qū)(qū)") == "新"


def test_a_foreign_name_ends_with_its_part() -> None:
    # The slice after 总统 ran to the end of the text: 米尔济约耶夫主持会议，上海合作组织…
    groups = _groups("乌兹别克斯坦总统米尔济约耶夫主持会议，俄罗斯总统普京、印度总理莫迪参加。")
    assert groups == [("主持", ["米尔济约耶夫"]), ("参加", ["普京", "莫迪"])]


def test_reported_speech_keeps_the_chair_before_it() -> None:
    assert _groups("省委书记楼阳生主持会议并强调，各级党委政府要认真学习。") == [("主持", ["楼阳生"])]


def test_an_escort_is_not_read_twice() -> None:
    assert _groups("习近平在山西省委书记骆惠宁、省长楼阳生陪同下，来到吕梁。") == [("陪同", ["骆惠宁", "楼阳生"])]


def test_xml_mixed_content_is_never_indented() -> None:
    xml = bulletins.export(bulletins.parse("标题\n\n新华社北京9月6日电 正文。\n"), "xml")
    assert ">新华社北京9月6日电<date" in xml


def test_a_meeting_named_as_study_material_is_not_attendance() -> None:
    assert _groups("6.楼阳生主持召开省委第二次专题会议精神；") == []


def test_a_traditional_trailing_dateline_keeps_its_script() -> None:
    # Round-trip fuzzing: the agency of （新華社北京1月1日電） came out as 新华社 (cut from the shadow).
    dateline = bulletins.parse("會議召開\n\n會議指出，要堅持。（新華社北京1月1日電）\n").bulletins[0].dateline
    assert dateline is not None and (dateline.text, dateline.agency) == ("（新華社北京1月1日電）", "新華社")
