"""Score whole-page extraction on formats/html-pages: our rule, readability-lxml, trafilatura.

    pip install readability-lxml trafilatura
    BULLETINS_CORPUS=../shared/corpus python bench/pages.py

Per page: **T** the expected main title (tests/test_pages.py's table) is among the first 3
output lines; **B** the body's first and last paragraphs are in the output; **C** none of the
page's chrome lines is a whole line of the output. Prints a Markdown table and totals with time.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import lxml.html
import readability  # type: ignore[import-not-found, import-untyped, unused-ignore]
import trafilatura  # type: ignore[import-not-found, import-untyped, unused-ignore]

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.test_pages import PAGES, corpus

from bulletins.readers.html import HtmlReader, _decode_page


def _sq(text: str) -> str:
    return "".join(text.split())


def ours(data: bytes, text: str) -> list[str]:
    reading = next(HtmlReader().read(data, errors="replace"))
    return [line.text for line in reading.lines if not line.hints.chrome]


def with_readability(data: bytes, text: str) -> list[str]:
    doc = readability.Document(text)
    body = lxml.html.fromstring(doc.summary())
    return [doc.short_title(), *(x for x in "\n".join(body.itertext()).split("\n") if x.strip())]


def with_trafilatura(data: bytes, text: str) -> list[str]:
    out = trafilatura.extract(text, include_comments=False, include_tables=True) or ""
    meta = trafilatura.extract_metadata(text)
    return [meta.title if meta and meta.title else "", *out.split("\n")]


def main() -> int:
    folder = corpus("formats/html-pages")
    tools = {"ours": ours, "readability-lxml": with_readability, "trafilatura": with_trafilatura}
    totals = {name: [0, 0, 0, 0.0] for name in tools}
    print("| page | " + " | ".join(tools) + " |\n|---|" + "---|" * len(tools))
    for name, (title, chrome) in sorted(PAGES.items()):
        data = (folder / name).read_bytes()
        text = _decode_page(data, name, "replace")[0]
        body = [line for line in ours(data, text) if _sq(line) not in _sq(title)]
        ref = [_sq(body[0])[:20], _sq(body[-1])[:20]] if body else []
        cells = []
        for tool, run in tools.items():
            start = time.perf_counter()
            lines = run(data, text)
            totals[tool][3] += time.perf_counter() - start
            flat, whole = _sq("".join(lines)), {_sq(x) for x in lines}
            t_ok = any(_sq(title) in _sq(x) or (len(_sq(x)) >= 8 and _sq(x) in _sq(title)) for x in lines[:3])
            b_ok = all(p in flat for p in ref)
            c_ok = not any(_sq(c) in whole for c in chrome)
            for k, ok in enumerate((t_ok, b_ok, c_ok)):
                totals[tool][k] += ok
            cells.append(("T" if t_ok else "-") + ("B" if b_ok else "-") + ("C" if c_ok else "-"))
        print(f"| {name} | " + " | ".join(cells) + " |")
    for tool, (t, b, c, seconds) in totals.items():
        print(f"{tool}: title {t}/30, body {b}/30, chrome-free {c}/30, {seconds:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
