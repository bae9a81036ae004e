"""Round trip through text: structured bulletins, printed as notices are printed, parse back."""

from __future__ import annotations

from hypothesis import given

import bulletins
from bulletins.model import Paragraph, Point, iter_blocks
from tests.roundtrip import Para, PointSpec, Spec, documents


def _expected_blocks(spec: Spec) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    for block in spec.blocks:
        if isinstance(block, PointSpec):
            out.append(("point", block.marker, block.level, block.text))
        else:
            assert isinstance(block, Para)
            out.append(("paragraph", block.text, tuple(block.enum)))
    return out


def _found_blocks(bulletin: bulletins.Bulletin) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    for block in iter_blocks(bulletin.body):
        if isinstance(block, Point):
            out.append(("point", block.marker, block.level, block.text))
        elif isinstance(block, Paragraph):
            out.append(("paragraph", block.text, tuple(i.marker for i in block.enumeration)))
    return out


@given(documents())
def test_printed_bulletins_parse_back(rendered: tuple[str, list[Spec], bool]) -> None:
    text, specs, traditional = rendered
    document = bulletins.parse(text.encode("utf-8"))
    assert document.source.script == ("hant" if traditional else "hans")
    assert len(document.bulletins) == len(specs)
    for bulletin, spec in zip(document.bulletins, specs, strict=True):
        assert bulletin.headline is not None
        assert list(bulletin.headline.lines) == spec.headline
        if spec.dateline is None:
            assert bulletin.dateline is None
        else:
            d = bulletin.dateline
            assert d is not None and d.date is not None
            assert (d.agency, d.place, d.date.month, d.date.day) == spec.dateline
            assert d.trailing == bool(spec.trailing)
        assert list(bulletin.byline) == spec.byline
        if spec.speech is not None:
            assert bulletin.speech is not None
            assert (bulletin.speech.speaker, bulletin.speech.salutation) == spec.speech[1:]
            assert bulletin.speech.date is not None and bulletin.speech.date.text in spec.speech[0]
        assert _found_blocks(bulletin) == _expected_blocks(spec)
        expected_groups = [g for b in spec.blocks if isinstance(b, Para) for g in b.attendees]
        assert [(g.verb, list(g.names)) for g in bulletin.attendees] == expected_groups
        if spec.closing is None:
            assert bulletin.closing is None
        else:
            assert bulletin.closing is not None and bulletin.closing.date is not None
            assert (bulletin.closing.issuer, bulletin.closing.date.iso) == spec.closing
