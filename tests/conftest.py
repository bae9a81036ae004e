"""Shared fixtures and Hypothesis profiles (quick by default, thorough in CI)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import bulletins
from bulletins.model import Document

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

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


@pytest.fixture(scope="session")
def seed_documents() -> dict[str, Document]:
    """Every seed parsed once per test session."""
    return {path.name: bulletins.parse_file(path) for path in sorted(SEEDS.glob("*.txt"))}
