"""Cleaners: a fixture table of real artefacts, idempotence, and newline preservation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bulletins.cleaners import (
    DEFAULT_CLEANERS,
    clean,
    fold_punctuation,
    normalize_newlines,
    normalize_spaces,
    remove_bookmarks,
    remove_ruby_pinyin,
    strip_image_lines,
)

CASES = [
    # (cleaner, input, expected) — inputs from the seeds
    (
        remove_bookmarks,
        "[bookmark: _Toc2527]习近平在十九届中央纪委四次全会上发表重要讲话",
        "习近平在十九届中央纪委四次全会上发表重要讲话",
    ),
    (remove_bookmarks, "[bookmark: _GoBack]（一）学习内容", "（一）学习内容"),
    (remove_ruby_pinyin, "長者專區(qū)", "長者專區"),
    (remove_ruby_pinyin, "深入學(xué)習(xí)貫徹", "深入學習貫徹"),
    (remove_ruby_pinyin, "省新冠肺炎防控領導小組(指揮部)", "省新冠肺炎防控領導小組(指揮部)"),
    (remove_ruby_pinyin, "方案(第九版)和(a)项", "方案(第九版)和(a)项"),
    (fold_punctuation, "7月12日,,全省疫情", "7月12日,全省疫情"),
    (fold_punctuation, "組長,、國家衛生", "組長、國家衛生"),
    (fold_punctuation, "推動落實,。省委", "推動落實。省委"),
    (fold_punctuation, "9月9日，，继收看", "9月9日，继收看"),
    (fold_punctuation, "这是……好事——对", "这是……好事——对"),
    (normalize_spaces, "\u3000\u3000楼阳生指出，\u00a0", "楼阳生指出，"),
    (normalize_spaces, "时    间", "时    间"),
    (normalize_spaces, "\u00a0李希强调", "李希强调"),
    (normalize_newlines, "a\r\nb\rc", "a\nb\nc"),
    (strip_image_lines, "![廣東省人民政府](images/logo.png)\n正文", "\n正文"),
]


@pytest.mark.parametrize(
    ("cleaner", "text", "expected"), CASES, ids=[f"{c.__name__}-{i}" for i, (c, _, _) in enumerate(CASES)]
)
def test_cleaner_table(cleaner, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert cleaner(text) == expected


FRAGMENTS = [
    *"新华社电会议區學，,、。\n\r \u3000\u00a0()qūyán[]!",
    "(qū)",
    "(xué)",
    "[bookmark: _Toc1]",
    ",,",
    ",、",
    "\r\n",
]
artefact_text = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)


@given(artefact_text)
def test_cleaners_are_idempotent(text: str) -> None:
    text = normalize_newlines(text)
    for cleaner in DEFAULT_CLEANERS:
        once = cleaner(text)
        assert cleaner(once) == once


@given(artefact_text)
def test_cleaning_keeps_every_line(text: str) -> None:
    normalized = normalize_newlines(text)
    assert clean(text).count("\n") == normalized.count("\n")


def test_a_cleaner_that_drops_lines_is_refused() -> None:
    with pytest.raises(ValueError, match="changed the number of lines"):
        clean("a\nb", [lambda s: s.replace("\n", "")])
