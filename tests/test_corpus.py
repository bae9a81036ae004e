"""The whole development corpus (../shared/corpus): every file parses, loses nothing, exports valid TEI.

Runs ``bench/corpus.py``'s sweep over every rmrb, govcn-html and web file (TEI validated for a
fixed 1-in-10 sample against tei_all) and prints its report (``pytest -s`` shows it; CI logs
it). Where the corpus is absent (a user's clone) the test skips saying so; under ``CI=true`` a
missing corpus is a failure.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import bench_module

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def _sweep_module() -> ModuleType:
    return bench_module("corpus")


@pytest.mark.timeout(600)
def test_every_corpus_file_parses_keeps_its_text_and_exports_valid_tei() -> None:
    if not CORPUS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"the corpus is missing at {CORPUS} (CI must have ../shared/corpus)")
        pytest.skip(f"no corpus at {CORPUS}: the sweep needs ../shared/corpus beside the clone")
    corpus = _sweep_module()
    results = list(corpus.sweep(CORPUS, jobs=2, tei_every=10))
    out = io.StringIO()
    failed = corpus.report(results, out)
    print(out.getvalue())
    assert len(results) >= 10_000
    assert failed == 0, out.getvalue()[-4000:]
    rmrb = [r for r in results if r.folder == "rmrb"]
    multi = sum(r.bulletins > 1 for r in rmrb) / len(rmrb)
    assert multi <= 0.06, f"{multi:.1%} of rmrb files read as more than one bulletin (target ≤ 6%)"
