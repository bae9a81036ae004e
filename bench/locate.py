"""Where the shared corpus is, for every bench script: one rule instead of a copy per script.

``$BULLETINS_CORPUS`` when set; else the first ``shared/corpus`` folder beside the checkout or
beside any folder above it (so a worktree under ``/work/wt/NAME`` finds ``/work/shared/corpus``
as ``/work/main`` does); else ``../shared/corpus`` beside the checkout, which the caller reports
as missing.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus_dir() -> Path:
    """The shared corpus folder (see the module docstring)."""
    named = os.environ.get("BULLETINS_CORPUS")
    if named:
        return Path(named)
    found = (p / "shared" / "corpus" for p in ROOT.parents if (p / "shared" / "corpus").is_dir())
    return next(found, ROOT.parent / "shared" / "corpus")
