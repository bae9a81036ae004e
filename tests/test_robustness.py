"""Arbitrary text never raises anything but our own errors, and nothing is lost."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

import bulletins
from bulletins.cleaners import clean
from bulletins.errors import BulletinsError
from tests.test_nothing_lost import assert_nothing_lost

DOMAIN = [
    "新华社北京9月6日电 ",
    "本报讯(记者 赵娟娟)11月10日，",
    "一、",
    "（一）",
    "1.",
    "2",
    "一是",
    "二是",
    "第一，",
    "——",
    "出席会议。",
    "\u3000\u3000",
    "[bookmark: _Toc1]",
    "專區(qū)",
    "会议还研究了其他事项。",
    "（2020年2月23日）",
    "同志们：",
    "2020年2月9日",
    "习近平",
    "王荣 王晓丽",
    "![图](a.png)",
    "- 标题 2022-07-12",
    "。",
    "，",
    "\n",
    "\n\n",
    "正在工作中",
    "(下转第三版)",
    "2月7日上午，楼阳生主持召开会议。",
    "党委办公室",
    "\x08",  # control characters are blanks in the shadow and kept in the text (hkcnews captions)
    "\x1b",
]
texts = st.lists(st.one_of(st.sampled_from(DOMAIN), st.text(max_size=8)), max_size=40).map("".join)


@given(texts)
@example(text="新华社北京9月6日电 \x1b")  # a dateline's separator once ran over the escape (CI, session 8)
def test_parse_never_crashes_and_keeps_every_character(text: str) -> None:
    try:
        document = bulletins.parse(text)
    except BulletinsError:
        return
    assert_nothing_lost(document, clean(text.removeprefix("\ufeff")))
    assert bulletins.loads(bulletins.export(document, "json")) == document


@given(st.binary(max_size=300))
def test_arbitrary_bytes_give_a_document_or_our_error(data: bytes) -> None:
    try:
        bulletins.parse(data)
    except BulletinsError as exc:
        message = str(exc)
    else:
        return
    assert re.search(r"\S", message)
