"""Shared fixtures and Hypothesis profiles (quick by default, thorough in CI)."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterator
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, settings

import bulletins
from bulletins.model import Document

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
CORPUS = Path(os.environ.get("BULLETINS_CORPUS", ROOT.parent / "shared" / "corpus"))
"""The shared corpus: ``../shared/corpus`` beside the clone, or ``$BULLETINS_CORPUS``."""


def shared_corpus(sub: str) -> Path:
    """The shared corpus folder *sub*; skipped when absent, a failure under CI."""
    path = CORPUS / sub
    if not path.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"CI must have the corpus at {path}")
        pytest.skip(f"the shared corpus is not at {path} (clone it beside the repository, or set BULLETINS_CORPUS)")
    return path


settings.register_profile("quick", max_examples=60, deadline=None)
settings.register_profile("ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# A long fuzzing run (docs/robustness.md): HYPOTHESIS_PROFILE=long python -m pytest tests/test_fuzz.py ...
settings.register_profile(
    "soak",
    max_examples=3_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
settings.register_profile(
    "long",
    max_examples=20_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "quick"))


def bench_module(name: str) -> ModuleType:
    """Load ``bench/NAME.py`` (a script, not a package) as the module ``bench_NAME``.

    It is registered in ``sys.modules`` under that name: dataclasses resolve their annotations,
    and a process pool pickles functions, by module name.
    """
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[f"bench_{name}"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def seed_documents() -> dict[str, Document]:
    """Every seed parsed once per test session."""
    return {path.name: bulletins.parse_file(path) for path in sorted(SEEDS.glob("*.txt"))}


def missing(what: str, how: str) -> None:
    """Skip for a missing optional dependency; under ``CI`` (the extras phase of .ci/run) fail."""
    if os.environ.get("CI"):
        pytest.fail(f"CI must install {what} ({how}; see .ci/run)")
    pytest.skip(f"{what} is not installed here ({how})", allow_module_level=True)


def require_module(module: str, extra: str) -> ModuleType:
    """Import *module* from the optional *extra*, or skip (fail under CI) saying how to install it.

    ``pytest.importorskip`` skips only ``ModuleNotFoundError`` since pytest 9; ``bulletins.dask``
    raises a plain ``ImportError`` that names the extra, which must skip too.
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        missing(f"the {extra!r} extra", f"pip install 'bulletins[{extra}]'")
        raise  # unreachable: skip and fail raise


def require_distribution(name: str, folder: str) -> None:
    """Skip (fail under CI) unless the example plugin *name* from *folder* is installed."""
    try:
        version(name)
    except PackageNotFoundError:
        missing(name, f"pip install -e {folder}")


@pytest.fixture
def no_ocr(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Simulate an install without ``bulletins[ocr]``: importing the engine fails."""
    from bulletins import ocr

    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)  # None in sys.modules: ImportError
    ocr._engine.cache_clear()
    yield
    ocr._engine.cache_clear()
