"""The README's quick-start commands, read from README.md itself (used by .ci/run and a test).

    python3 tests/quickstart.py        # prints the commands, one per line

The quick start is the ``## Quick start`` section: exactly two ``sh`` code blocks, one command
each — the main job first, the tests second. ``.ci/run`` runs what this prints, as printed, in a
fresh virtual environment; ``tests/test_readme.py`` checks the same text, so the README and CI
cannot drift apart. Standard library only: it runs before anything is installed.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
_SECTION = re.compile(r"^## Quick start\n(.*?)(?=^## )", re.MULTILINE | re.DOTALL)
_BLOCK = re.compile(r"^```sh\n(.*?)^```", re.MULTILINE | re.DOTALL)


def commands(readme: Path = README) -> list[str]:
    """Return the commands of the README's quick start, in order.

    Raises:
        ValueError: The section is missing, or a block holds other than one command line.
    """
    found = _SECTION.search(readme.read_text(encoding="utf-8"))
    if found is None:
        raise ValueError(f"{readme}: no '## Quick start' section")
    out = []
    for block in _BLOCK.findall(found.group(1)):
        lines = [line for line in block.splitlines() if line.strip()]
        if len(lines) != 1:
            raise ValueError(f"{readme}: a quick-start block must hold one command, not {len(lines)} lines")
        out.append(lines[0].strip())
    return out


if __name__ == "__main__":
    try:
        print("\n".join(commands()))
    except (OSError, ValueError) as exc:
        print(f"quickstart: {exc}", file=sys.stderr)
        raise SystemExit(1) from None
