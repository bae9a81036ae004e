"""Every bug found by hand or by fuzzing, pinned as a named case (markdown-it-py's practice)."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

import bulletins
from bulletins import batch
from bulletins.analyze.attendees import TextBlock, find_groups
from bulletins.analyze.enumerations import find_enumeration
from bulletins.cleaners import remove_ruby_pinyin
from bulletins.cli import main
from bulletins.errors import ParseError
from bulletins.model import Document, Paragraph, Point, iter_blocks, text_holders
from bulletins.script import shadow
from tests.conftest import SEEDS, require_module


def _groups(text: str) -> list[tuple[str, list[str]]]:
    return [(g.verb, list(g.names)) for g in find_groups([TextBlock(block="body/0", text=text, shadow=shadow(text))])]


# Issue 11: two CLI frictions found on a first run, and a slow review page.


def test_nothing_after_and_in_an_attendee_subject_does_not_crash() -> None:
    # gov.cn row47 (国务院工作规则): 总理召集和主持… left an empty part after 和; _is_collective indexed it.
    document = bulletins.parse(
        "七、总理召集和主持国务院全体会议和国务院常务会议。国务院工作中的重大事项，必须经国务院全体会议讨论决定。\n"
    )
    assert document.bulletins


def test_outputs_written_with_o_respect_the_umask(tmp_path: Path) -> None:
    # First run: files written by -o were 0600, the mode mkstemp gives its temporary file.

    seed = SEEDS / "001_cb1989d8750bc7f6.txt"
    for mask, mode in ((0o022, 0o644), (0o027, 0o640)):
        out = tmp_path / f"out{mask:o}"
        previous = os.umask(mask)
        try:
            assert main(["parse", str(seed), "--to", "json,xml", "-o", str(out), "-q"]) == 0
            assert main(["parse", str(seed), "--to", "jsonl", "-o", str(out / "all.jsonl"), "-q"]) == 0
        finally:
            os.umask(previous)
        written = sorted(out.iterdir())
        assert [p.name for p in written] == ["001_cb1989d8750bc7f6.json", "001_cb1989d8750bc7f6.xml", "all.jsonl"]
        assert {stat.S_IMODE(p.stat().st_mode) for p in written} == {mode}


def test_the_summary_tail_counts_bulletins_without_a_headline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # First run: seed 002 printed (+10), counting only the 13 headlined of its 21 bulletins.
    from tests.fixtures.seeds_expected import SEEDS as EXPECTED

    name = "002_58afc2a1a6f5e462.txt"
    assert main(["parse", str(SEEDS / name), "-o", str(tmp_path)]) == 0
    summary = next(line for line in capsys.readouterr().err.splitlines() if line.startswith(str(SEEDS / name)))
    total = len(EXPECTED[name]["bulletins"])
    assert summary.startswith(f"{SEEDS / name}: {total} bulletins")
    assert summary.endswith(f"; … (+{total - 3})")


def test_a_review_page_with_ten_thousand_names_on_one_line() -> None:
    # Found by hand: each segment of a line searched all the line's marks (quadratic: 3.7 s for
    # 10,000 names, 0.1 s now); every name must still be marked, in order.
    from bulletins.exporters.html import review_page
    from bulletins.pipeline import source_text

    names = [f"王{chr(0x4E00 + k % 2000)}{chr(0x4E00 + k // 2000)}" for k in range(10_000)]
    text = "会议召开\n\n省领导" + "、".join(names) + "参加会议。\n"
    page = review_page(bulletins.parse(text), source_text(text))
    assert re.findall(r'<mark class="name" data-g="b1-g1" data-n="\d+"[^>]*>([^<]*)</mark>', page) == names


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


# -- the real corpus (issue 9): crashes, refusals and the batch abort --------------------------


def test_a_name_ending_in_he_is_not_a_joint() -> None:
    # rmrb/2019-02/20190203-01-02.txt (and 75 more): 魏凤和 ends in 和, the split on 和 left an empty
    # part and _is_collective indexed it: IndexError on 76 corpus files.
    text = "许其亮、张又侠和魏凤和、李作成、苗华、张升民出席会议。"
    assert bulletins.parse(f"会议召开\n\n{text}\n").bulletins  # raised IndexError
    assert _groups(text) == [("出席", ["许其亮", "张又侠", "魏凤和", "李作成", "苗华", "张升民"])]


def test_a_list_keeps_names_the_surname_table_lacks() -> None:
    # rmrb/2020-05/20200529-04-01.txt line 9: 艾力更·依明巴海 (with ·) and 白玛赤林 made the reader
    # drop all fifteen names; the separators are the evidence that each item is a person.
    text = (
        "主席团常务主席王晨、曹建明、张春贤、沈跃跃、吉炳轩、艾力更·依明巴海、万鄂湘、陈竺、王东明、"
        "白玛赤林、丁仲礼、郝明金、蔡达峰、武维华、杨振武出席会议。"
    )
    names = ["王晨", "曹建明", "张春贤", "沈跃跃", "吉炳轩", "艾力更·依明巴海", "万鄂湘", "陈竺", "王东明"]
    names += ["白玛赤林", "丁仲礼", "郝明金", "蔡达峰", "武维华", "杨振武"]
    assert _groups(text) == [("出席", names)]


def test_a_long_list_with_names_outside_the_surname_table() -> None:
    # rmrb/2020-01/20200119-01-07.txt line 8: 巴特尔 and 辜胜阻 have no surname in the table.
    text = (
        "刘奇葆、万钢、卢展工、王正伟、马飚、陈晓光、梁振英、杨传堂、李斌、巴特尔、汪永清、苏辉、郑建邦、"
        "辜胜阻、刘新成、何维、邵鸿、高云龙出席会议。"
    )
    assert _groups(text)[0][1][9:14] == ["巴特尔", "汪永清", "苏辉", "郑建邦", "辜胜阻"]
    assert len(_groups(text)[0][1]) == 18


def test_a_meeting_is_not_a_name_after_a_title() -> None:
    # rmrb/2020-01/20200119-01-07.txt line 4: …第三十二次主席会议17日在京召开，…汪洋主持会议: 会议
    # followed the title 主席 and was read as a foreign name.
    text = "政协第十三届全国委员会第三十二次主席会议17日在京召开，中共中央政治局常委、全国政协主席汪洋主持会议并讲话。"
    assert _groups(text) == [("主持", ["汪洋"])]


def test_foreign_names_in_a_list() -> None:
    # Issue 9: 蓬佩奥, 埃斯珀, 斯托尔滕贝格 … 参加 were missed (no · and no surname).
    text = "美国国务卿蓬佩奥、国防部长埃斯珀、北约秘书长斯托尔滕贝格等参加。"
    assert _groups(text) == [("参加", ["蓬佩奥", "埃斯珀", "斯托尔滕贝格"])]


def test_a_list_of_places_is_not_a_list_of_people() -> None:
    assert _groups("北京、上海、广州参加活动。") == []


# rmrb/2019-10/20191014-18-01.txt lines 27–31: a schedule printed as lines (时间 / 10月15日 /
# 14:00-17:00 …) read as issuer and closing date, then an ISSUER line after the closing: refused.
_SCHEDULE = (
    "展会开幕\n\n　　本届博览会将举办25场专业论坛与高峰赛事。\n"
    "　　时间\xa0\xa0\xa0\xa0议程\n　　10月15日\n　　14:00-17:00\xa0第二届中德智能制造合作研讨会\n"
    "　　10月16日\n　　9:00-10:30\xa02019第五届中国（广东）国际“互联网+”博览会启动式\n"
)


def test_a_line_out_of_order_is_recovered_with_a_diagnostic() -> None:
    document = bulletins.parse(_SCHEDULE)
    recovered = [d for d in document.diagnostics if d.code == "recovered-line"]
    assert recovered and all(d.level == "warning" and d.line for d in recovered)
    held = "".join(text for _, _, text in text_holders(document))
    assert "第二届中德智能制造合作研讨会" in held and "启动式" in held


def test_strict_mode_still_refuses_and_names_the_line() -> None:
    with pytest.raises(ParseError, match=r"cannot stand here") as caught:
        bulletins.parse(_SCHEDULE, source="schedule.txt", strict=True)
    assert caught.value.line is not None and "schedule.txt" in str(caught.value)


def test_an_internal_error_in_one_file_does_not_stop_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # `bulletins parse corpus/ -o out` stopped at the first unexpected exception.
    real = batch.parse_many

    def parse_many(data: bytes, *, source: str | None = None, **options: object) -> Iterator[Document]:
        if source == "boom.txt":
            raise IndexError("string index out of range")
        return real(data, source=source, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "parse_many", parse_many)
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("a.txt", "boom.txt", "c.txt"):
        (inputs / name).write_text("标题\n\n正文一段。\n", encoding="utf-8")
    out = tmp_path / "out"
    for jobs in ("1", "2"):  # in this process and in the (forked) pool
        assert main(["parse", str(inputs), "-o", str(out), "-j", jobs, "-q"]) == 1
        assert (out / "a.json").exists() and (out / "c.json").exists() and not (out / "boom.json").exists()
        err = capsys.readouterr().err
        assert "boom.txt: internal error: IndexError: string index out of range" in err
        assert "Traceback" not in err


def test_an_internal_error_in_one_file_does_not_stop_a_dask_bag(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bd = require_module("bulletins.dask", "dask")

    class File:
        path = str(tmp_path / "boom.txt")

    def read(open_file: object, options: object, root: str = "") -> Document:
        raise IndexError("string index out of range")

    monkeypatch.setattr(bd, "_read", read)
    _, document, error = bd._try(File(), {})
    assert document is None and error is not None and "internal error: IndexError" in error


def test_common_nouns_and_word_pieces_are_not_attendees() -> None:
    # Corpus sample false positives: a noun starting with a surname character (游客, rmrb/2019-02/
    # 20190219-07-03.txt), a place cut mid-word (宁夏海|原县, 2019-10/20191002-14-01.txt), a name
    # cut mid-word after a title (温敏总统和昂山|素季, 2020-01/20200119-02-02.txt), and a list of
    # countries ending in 领导人首次 (web/newscrawl/add_content_xinhuanet4_idx95.txt).
    assert _groups("2月17日，游客在新疆天池景区参加冰上龙舟赛。") == []
    assert _groups("1日清晨，宁夏海原县，4000多名各族干部群众齐聚县城文体广场，参加活动。") == []
    assert _groups("访问期间，习近平主席同温敏总统和昂山素季国务资政分别举行会谈，并出席欢迎宴会。") == [
        ("出席", ["习近平"])
    ]
    assert _groups("2022年6月，日本、韩国、澳大利亚、新西兰四个亚太国家领导人首次出席北约峰会。") == []


def test_paragraphs_packed_into_one_line_yield_their_points() -> None:
    # rmrb/2019-10/20191021-15-03.txt lines 4-5 and web/xispeech: the export lost the line breaks,
    # each paragraph keeps its U+3000 U+3000 indent inside one long line.
    body = "\u3000\u3000".join(
        [
            "一、选聘岗位" + "天津港保税区管委会副主任一名，负责招商引资工作。" * 3,
            "（一）任期。" + "选聘人员任期三年。" * 8,
            "（二）薪酬待遇。" + "年收入不低于50万元。" * 8,
        ]
    )
    document = bulletins.parse(f"公开选聘副主任公告\n\n\u3000\u3000{body}\n")
    markers = [b.marker for b in iter_blocks(document.bulletins[0].body) if isinstance(b, Point)]
    assert markers == ["一、", "（一）", "（二）"]
    held = "".join(t for _, _, t in sorted(text_holders(document), key=lambda h: (h[0], h[1])))
    assert held.replace("\u3000", "") == ("公开选聘副主任公告" + body).replace("\u3000", "")


CORPUS_FILES = Path(__file__).parent / "fixtures" / "corpus" / "files"
XISPEECH = CORPUS_FILES / "web" / "xispeech"


def _source_order(document: Document, data: bytes) -> bool:
    """The holders, stable-sorted by (line, order), give the cleaned text back (whitespace aside)."""
    from bulletins.pipeline import source_text

    held = "".join(t for _, _, t in sorted(text_holders(document), key=lambda h: (h[0], h[1])))
    return re.sub(r"\s", "", held) == re.sub(r"\s", "", source_text(data))


def test_a_line_with_no_breaks_yields_its_letter_its_dateline_and_the_story_after_it() -> None:
    # web/xispeech/all_data_row22.txt: one line of 1,034 characters — 回信, the letter, its signature
    # 习近平2020年8月30日, （新华社北京8月31日电）, then the news story 新华社北京8月31日电在密云水库…
    # and the page reference 《 人民日报 》（ 2020年09月01日 01 版）.
    data = (XISPEECH / "all_data_row22.txt").read_bytes()
    document = bulletins.parse(data)
    letter, story = document.bulletins
    assert letter.headline is not None and letter.headline.lines == ("回信",)
    assert (
        letter.dateline is not None and letter.dateline.trailing and letter.dateline.text == "（新华社北京8月31日电）"
    )
    assert letter.closing is not None and (
        letter.closing.issuer,
        letter.closing.date.text if letter.closing.date else None,
    ) == ("习近平", "2020年8月30日")
    assert story.dateline is not None and story.dateline.text == "新华社北京8月31日电" and not story.dateline.trailing
    assert [(c.role, c.text) for c in story.credits] == [("出处", "《 人民日报 》（ 2020年09月01日 01 版）")]
    assert _source_order(document, data)


def test_a_speechs_front_matter_run_into_its_text_is_read() -> None:
    # web/xispeech/all_data_row20.txt: 在…峰会上的致辞（2020年9月4日，北京）中华人民共和国主席 习近平尊敬的…朋友们：大家好！…
    data = (XISPEECH / "all_data_row20.txt").read_bytes()
    document = bulletins.parse(data)
    (speech,) = document.bulletins
    assert speech.headline is not None and speech.headline.lines == (
        "在2020年中国国际服务贸易交易会全球服务贸易峰会上的致辞",
    )
    assert speech.speech is not None and speech.speech.speaker == "习近平"
    assert speech.speech.date is not None and speech.speech.date.text == "2020年9月4日"
    assert speech.speech.salutation is not None and speech.speech.salutation.startswith("尊敬的各国领导人")
    assert speech.dateline is not None and speech.dateline.text == "（新华社北京9月4日电）"
    assert _source_order(document, data)


def test_a_dispatch_that_runs_a_speechs_title_block_after_its_dateline() -> None:
    # web/xispeech/all_data_row42.txt: 新华社北京11月19日电构建新发展格局　实现互利共赢——在…主旨演讲
    # （2020年11月19日，北京）中华人民共和国主席 习近平各位工商界朋友，女士们，先生们，朋友们：…
    data = (XISPEECH / "all_data_row42.txt").read_bytes()
    (speech,) = bulletins.parse(data).bulletins
    assert speech.dateline is not None and speech.dateline.text == "新华社北京11月19日电"
    assert speech.headline is not None and speech.headline.title.startswith("构建新发展格局")
    assert speech.speech is not None and (speech.speech.speaker, speech.speech.date and speech.speech.date.iso) == (
        "习近平",
        "2020-11-19",
    )
    assert _source_order(bulletins.parse(data), data)
    # A dateline alone on its line is a dateline (it was read as a title).
    (alone,) = bulletins.parse("新华社北京9月6日电\n中共中央政治局9月6日召开会议。\n").bulletins
    assert alone.dateline is not None and alone.headline is None


def test_a_credit_inside_a_packed_line_keeps_the_line_in_order() -> None:
    # rmrb/2020-05/20200522-17-01.txt line 4: …创造就业岗位40多万个。　　数据来源：中国福利彩票发行管理中心
    # 　　爱心成就梦想　　扶老  助残  救孤  济困 — the credit stands before two more paragraphs, so
    # it stays body text (a credit holder sorts after the line's paragraphs).
    line = (
        "2019年，中国福利彩票助力脱贫攻坚取得实实在在的成效。" * 6
        + "\u3000\u3000数据来源：中国福利彩票发行管理中心\u3000\u3000爱心成就梦想\u3000\u3000扶老  助残  救孤  济困"
    )
    data = f"福利彩票　爱心成就梦想\n\n\u3000\u3000{line}\n".encode()
    document = bulletins.parse(data)
    assert _source_order(document, data)
    assert not document.bulletins[0].credits


def test_a_title_run_into_its_dateline_with_a_writer_below() -> None:
    # web/newscrawl/add_content_xinhuanet4_idx81.txt lines 1-2: no 题： between dateline and title.
    path = CORPUS_FILES / "web" / "newscrawl" / "add_content_xinhuanet4_idx81.txt"
    (bulletin,) = bulletins.parse_file(path).bulletins
    assert bulletin.headline is not None and bulletin.headline.lines == ("热点问答｜朝鲜为何要废除朝韩事务机构",)
    assert bulletin.dateline is not None and bulletin.dateline.text == "新华社首尔1月16日电"
    assert bulletin.byline == ("王超",)
    # A dateline with nothing after it, then a byline (found by fuzzing: is_short("") raised).
    text = "中共中央政治局召开会议\n国发〔2019〕28号\n各省、自治区、直辖市人民政府：\n本报讯(记者 赵娟娟)11月10日，\n王荣 王晓丽\n"
    assert bulletins.parse(text).bulletins
    # Without the writer's line under it, the rest of the dateline's line is the text.
    (plain,) = bulletins.parse("新华社首尔1月16日电朝鲜举行会议\n会议15日在平壤举行。\n").bulletins
    assert plain.headline is None


def test_a_speech_title_after_page_chrome_is_a_headline() -> None:
    # web/govreport/2026_宁夏回族自治区_政府工作报告_row1.txt lines 18-20: the report's title block under
    # the site's chrome; it was read as a section (title + writer) of the chrome's bulletin.
    path = CORPUS_FILES / "web" / "govreport" / "2026_宁夏回族自治区_政府工作报告_row1.txt"
    report = next(b for b in bulletins.parse_file(path).bulletins if b.lines[0] == 18)
    assert report.headline is not None
    assert report.headline.lines == ("政府工作报告", "——2026年2月3日在宁夏回族自治区第十三届人民代表大会第四次会议上")


def test_a_speech_date_printed_after_its_occasion() -> None:
    # rmrb/2020-05/20200528-03-01.txt line 3: ——在政协第十三届全国委员会第三次会议上（2020年5月21日）.
    path = Path(__file__).parent / "fixtures" / "corpus" / "files" / "rmrb" / "2020-05" / "20200528-03-01.txt"
    (report,) = bulletins.parse_file(path).bulletins
    assert report.speech is not None and report.speech.date is not None
    assert (report.speech.date.iso, report.speech.salutation) == ("2020-05-21", "各位委员：")


def test_a_brief_column_is_one_bulletin_per_brief() -> None:
    # web/xwlb/20190601.md lines 129-139: 国内联播快讯 holds three briefs, each a title line and a
    # paragraph; the column's label and dateline go with the first.
    path = Path(__file__).parent / "fixtures" / "corpus" / "files" / "web" / "xwlb" / "20190601.md"
    starts = [b.lines[0] for b in bulletins.parse_file(path).bulletins]
    assert {129, 134, 136}.issubset(starts) and 141 in starts
    assert 132 not in starts  # the first brief shares the column's bulletin (label and dateline)


def test_a_brief_columns_first_title_completes_its_headline() -> None:
    # web/xwlb/20190601.md lines 129-132: 国内联播快讯 / 央视网消息（新闻联播）： / 我国浮空艇… / text.
    path = Path(__file__).parent / "fixtures" / "corpus" / "files" / "web" / "xwlb" / "20190601.md"
    column = next(b for b in bulletins.parse_file(path).bulletins if b.lines[0] == 129)
    assert column.headline is not None and column.dateline is not None
    assert column.headline.lines == ("国内联播快讯", "我国浮空艇高空科学观测创新纪录")
    assert column.headline.line_numbers == (129, 132) and column.dateline.line == 131
    assert (column.headline.kicker, column.headline.title) == ("国内联播快讯", "我国浮空艇高空科学观测创新纪录")


def test_a_rundown_is_one_bulletin_per_item_under_its_days_title() -> None:
    # web/xwlb/20140305.md: no 央视网消息 prefix, so no dateline says where an item starts; the
    # ## N. headings do. The day's title is the section, its metadata list navigation.
    path = Path(__file__).parent / "fixtures" / "corpus" / "files" / "web" / "xwlb" / "20140305.md"
    document = bulletins.parse_file(path)
    assert [b.lines[0] for b in document.bulletins] == [9, 13, 17, 21, 25, 29, 33, 37, 41, 45]
    assert {b.section for b in document.bulletins} == {"新闻联播 2014-03-05"}
    first = document.bulletins[0]
    assert first.headline is not None and first.headline.lines == ("十二届全国人大二次会议在京开幕",)
    kinds = {r.lines[0]: r.kind for r in document.residue}
    assert kinds[1] == "section" and {kinds[k] for k in (3, 4, 5, 6, 7)} == {"nav"}


def test_a_table_of_contents_is_residue_and_the_chapters_are_points() -> None:
    # rmrb/2019-02/20190219-14-01.txt: 目录 lines 8-59 repeat every 第X章/第X节 heading of the plan.
    path = Path(__file__).parent / "fixtures" / "corpus" / "files" / "rmrb" / "2019-02" / "20190219-14-01.txt"
    document = bulletins.parse_file(path)
    nav = [r.lines[0] for r in document.residue if r.kind == "nav"]
    assert 8 in nav and 59 in nav and 63 not in nav
    points = {b.lines[0]: b.marker for b in iter_blocks(document.bulletins[0].body) if isinstance(b, Point)}
    assert points[63] == "第一章" and points[65] == "第一节"


def test_xinhua_prints_a_features_title_after_its_dateline() -> None:
    # web/newscrawl/add_content_xinhuanet4_idx95.txt line 1: 新华社北京4月10日电　题：… then the byline.
    text = "新华社北京4月10日电　题：伸向亚太的黑手——起底美国主导北约加速东进亚太之害\n新华社记者刘赞\n1949年4月4日，北约成立。\n"
    document = bulletins.parse(text)
    bulletin = document.bulletins[0]
    assert bulletin.headline is not None and bulletin.headline.lines == (
        "伸向亚太的黑手——起底美国主导北约加速东进亚太之害",
    )
    assert bulletin.dateline is not None and bulletin.dateline.text.startswith("新华社北京4月10日电")
    assert bulletin.byline == ("刘赞",)
    held = "".join(t for _, _, t in sorted(text_holders(document), key=lambda h: (h[0], h[1])))
    assert held.replace("\u3000", "") == text.replace("\n", "").replace("\u3000", "")


def test_ordinals_and_adverbs_in_a_list_are_not_names() -> None:
    # rmrb/2020-01/20200119-02-05.txt (read at random beside its output): 缅甸第一 and 悉数出面 (after
    # the title 负责人) were read as two people accompanying 习近平.
    text = (
        "缅甸第一、第二副总统及所有内阁成员、联邦议会两院议长以及主要政党负责人悉数出面，"
        "陪同习近平主席出席中缅建交70周年系列庆祝活动暨中缅文化旅游年启动仪式。"
    )
    assert all(name not in ("缅甸第一", "悉数出面") for _, names in _groups(text) for name in names)


def test_the_hosts_who_invited_are_not_the_subject_who_presides() -> None:
    # rmrb/2019-10/20191017-02-08.txt: after 应…邀请 became a non-name, the clause with no subject
    # of its own (赴法国主持…) took the inviting ministers as its subject.
    text = (
        "外交部发言人耿爽16日宣布：应南非国际关系与合作部长潘多尔、法国欧洲和外交部长勒德里昂、瑞士联邦委员兼外交部长"
        "卡西斯邀请，国务委员兼外交部长王毅将于10月17日至23日对南非进行正式访问，赴法国主持中法高级别人文交流机制"
        "第五次会议，赴瑞士主持中瑞第二轮外长级战略对话。"
    )
    # Announced (将于…): planned attendance is no attendance (session 8), in every clause that goes on.
    assert _groups(text) == []
    # The same sentence in the past: the clauses with no subject of their own take 王毅, not the hosts.
    done = text.replace("宣布：", "说：").replace("将于10月17日至23日", "10月17日至23日")
    assert _groups(done) == [("主持", ["王毅"]), ("主持", ["王毅"])]
