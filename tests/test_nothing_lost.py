"""Nothing is lost: every non-whitespace character of the cleaned text lands in one text field."""

from __future__ import annotations

import re

import pytest

from bulletins.cleaners import clean
from bulletins.decode import decode
from bulletins.model import Document, text_holders
from tests.conftest import SEEDS

_WS = re.compile(r"\s+")


def rebuilt(document: Document) -> str:
    return "".join(text for _, _, text in sorted(text_holders(document), key=lambda h: (h[0], h[1])))


def assert_nothing_lost(document: Document, cleaned: str) -> None:
    assert _WS.sub("", rebuilt(document)) == _WS.sub("", cleaned)


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seed_text_is_kept_whole(path, seed_documents: dict[str, Document]) -> None:  # type: ignore[no-untyped-def]
    cleaned = clean(decode(path.read_bytes()).text)
    assert_nothing_lost(seed_documents[path.name], cleaned)


def test_holders_are_disjoint_per_line(seed_documents: dict[str, Document]) -> None:
    # No two holders claim the same (line, order) slot: a character is held once.
    for document in seed_documents.values():
        slots = [(line, order) for line, order, _ in text_holders(document)]
        assert len(slots) == len(set(slots))
