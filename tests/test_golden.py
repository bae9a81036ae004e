"""Golden outputs: one bulletin per seed in every built-in format, reviewed by reading.

Regenerate after a deliberate change with ``BULLETINS_REGENERATE=1 python -m pytest tests/test_golden.py``
and read the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import attrs
import pytest

import bulletins
from bulletins.model import Document

GOLDEN = Path(__file__).parent / "golden"
# (seed, bulletin index): short bulletins that show each seed's kind of structure.
CHOSEN = [
    ("000_2d494656d95ed764.txt", 11),  # a short Xinhua dispatch
    ("001_cb1989d8750bc7f6.txt", 0),  # Traditional script, glued deck, enumeration, attendees
    ("002_58afc2a1a6f5e462.txt", 0),  # the notice: nested points, a missing dot, a closing
    ("003_eb6abe27dfbda830.txt", 2),  # 本报讯 with a byline in the dateline and a deck
    ("004_2ba47e9fb844da27.txt", 2),  # a meeting summary
]
FORMATS = ["json", "jsonl", "xml", "tei"]


def _one(document: Document, index: int) -> Document:
    return attrs.evolve(document, bulletins=(document.bulletins[index],), residue=(), diagnostics=())


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("seed", "index"), CHOSEN, ids=[s[:3] for s, _ in CHOSEN])
def test_golden(seed: str, index: int, fmt: str, seed_documents: dict[str, Document]) -> None:
    output = bulletins.export(_one(seed_documents[seed], index), fmt)
    path = GOLDEN / f"{seed[:3]}-b{index + 1}.{fmt}"
    if os.environ.get("BULLETINS_REGENERATE"):
        path.write_text(output, encoding="utf-8")
    assert output == path.read_text(encoding="utf-8")
