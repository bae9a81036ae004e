"""The review pages in a real browser: headless Chromium renders, clicks (``?selftest=1``), dumps the DOM.

The page's own harness clicks every field and writes its verdict into ``#selftest``; this test
reads the DOM Chromium dumps after that, and Chromium's console log. CI installs Debian's
``chromium`` (see .ci/run); there the test never skips. Set BULLETINS_CHROMIUM to use another.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import lxml.html
import pytest

import bulletins
from bulletins.exporters.html import review_page
from bulletins.model import Document
from bulletins.pipeline import source_text
from tests.conftest import SEEDS
from tests.test_html import OUR_TAGS, hostile_text, row_text, rows

CONSOLE = re.compile(r"CONSOLE[:(]")


def _chromium() -> str:
    found = os.environ.get("BULLETINS_CHROMIUM") or next(
        (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
    )
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install chromium (apt-get install chromium, see .ci/run)")
        pytest.skip("no chromium here (apt-get install chromium fonts-noto-cjk)")
    return found


def render(page: Path, query: str = "?selftest=1") -> tuple[lxml.html.HtmlElement, str]:
    """Load *page* in headless Chromium; return the DOM after its scripts ran, and the log."""
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [
                _chromium(),
                "--headless",
                "--no-sandbox",  # CI runs as root
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--enable-logging=stderr",
                "--v=0",
                "--dump-dom",
                page.as_uri() + query,
            ],
            capture_output=True,
            text=True,
            timeout=90,
            check=False,
        )
    assert result.returncode == 0, result.stderr[-2000:]
    return lxml.html.fromstring(result.stdout), result.stderr


@pytest.fixture(scope="module")
def sources(seed_documents: dict[str, Document]) -> dict[str, tuple[Document, str]]:
    """Every seed and a hostile text: (document, cleaned source)."""
    out = {name: (doc, source_text((SEEDS / name).read_bytes())) for name, doc in seed_documents.items()}
    text = hostile_text()
    out["hostile"] = (bulletins.parse(text, source="</title><script>alert(1)</script>.txt"), source_text(text))
    return out


@pytest.fixture(scope="module")
def rendered(
    sources: dict[str, tuple[Document, str]], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[lxml.html.HtmlElement, str]]:
    folder = tmp_path_factory.mktemp("pages")
    paths = {}
    for name, (document, text) in sources.items():
        paths[name] = folder / f"{name}.html"
        paths[name].write_text(review_page(document, text), encoding="utf-8")
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 1)) as pool:
        return dict(zip(paths, pool.map(render, paths.values()), strict=True))


NAMES = [*sorted(p.name for p in SEEDS.glob("*.txt")), "hostile"]


@pytest.mark.parametrize("name", NAMES, ids=lambda n: n[:7])
def test_clicking_every_field_marks_exactly_its_lines_and_every_line_shows_its_field(
    name: str, rendered: dict[str, tuple[lxml.html.HtmlElement, str]]
) -> None:
    root, _ = rendered[name]
    assert root.xpath("//body")[0].get("data-selftest") == "pass", root.xpath("string(//pre[@id='selftest'])")
    verdict = json.loads(str(root.xpath("string(//pre[@id='selftest'])")))
    fields = root.xpath('//section[@id="record"]//*[@data-lines]')
    persons = root.xpath('//section[@id="record"]//span[contains(@class, "person")]')
    assert verdict["fields"] == len(fields) > 0 and verdict["names"] == len(persons)
    # …and clicking every source line that holds text shows a field covering that line.
    assert verdict["rows"] == len(root.xpath('//section[@id="source"]/div[.//span[@data-h]]')) > 0
    assert verdict["failed"] == 0 and verdict["errors"] == []
    assert not root.xpath('//section[@id="source"]//*[contains(@class, "marked")]')  # the harness cleared up


@pytest.mark.parametrize("name", NAMES, ids=lambda n: n[:7])
def test_rendered_page_shows_every_bulletin_line_and_name(
    name: str, rendered: dict[str, tuple[lxml.html.HtmlElement, str]], sources: dict[str, tuple[Document, str]]
) -> None:
    root, _ = rendered[name]
    document, text = sources[name]
    assert [s.get("id") for s in root.xpath('//section[@class="bulletin"]')] == [b.id for b in document.bulletins]
    assert [row_text(r) for r in rows(root)] == text.split("\n")
    marks: dict[str, list[str]] = {}
    for mark in root.xpath('//section[@id="source"]//mark[@class="name"]'):
        marks.setdefault(mark.get("data-g"), []).append(str(mark.xpath("string(.)")))
    assert marks == {f"{b.id}-g{k}": list(g.names) for b in document.bulletins for k, g in enumerate(b.attendees, 1)}


@pytest.mark.parametrize("name", NAMES, ids=lambda n: n[:7])
def test_no_console_errors(name: str, rendered: dict[str, tuple[lxml.html.HtmlElement, str]]) -> None:
    root, log = rendered[name]
    assert [line for line in log.splitlines() if CONSOLE.search(line)] == []
    assert root.xpath("string(//div[@id='errors'])") == "" and root.xpath("//body")[0].get("data-errors") is None


def test_hostile_text_ran_nothing(rendered: dict[str, tuple[lxml.html.HtmlElement, str]]) -> None:
    root, _ = rendered["hostile"]
    tags = {e.tag for e in root.iter() if isinstance(e.tag, str)}
    assert tags <= OUR_TAGS and len(root.xpath("//script")) == 1
    assert root.xpath("string(//title)") == "</title><script>alert(1)</script>.txt — bulletins review"
    assert not [a for e in root.iter() if isinstance(e.tag, str) for a in e.attrib if a.lower().startswith("on")]


def test_the_browser_checks_can_fail(tmp_path: Path, sources: dict[str, tuple[Document, str]]) -> None:
    # A control: markup an escaping bug would let through is refused by the page's CSP, and the
    # refusal shows in the console log the tests above require to be empty.
    document, text = sources["001_cb1989d8750bc7f6.txt"]
    page = review_page(document, text).replace(
        '<div id="errors">',
        '<img src="x" onerror="document.title=1"><script>document.title=2</script><div id="errors">',
    )
    (tmp_path / "broken.html").write_text(page, encoding="utf-8")
    root, log = render(tmp_path / "broken.html")
    assert "Content Security Policy" in "\n".join(line for line in log.splitlines() if CONSOLE.search(line))
    assert root.xpath("string(//title)").endswith("bulletins review")
    assert root.xpath("//body")[0].get("data-selftest") == "pass"  # our own script still ran


def test_cjk_fonts_are_installed() -> None:
    if shutil.which("fc-list") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install fonts-noto-cjk (see .ci/run)")
        pytest.skip("no fontconfig here")
    families = subprocess.run(["fc-list", ":lang=zh-cn", "family"], capture_output=True, text=True, check=True).stdout
    if "Noto Sans CJK" not in families and not os.environ.get("CI"):
        pytest.skip("fonts-noto-cjk is not installed here")
    assert "Noto Sans CJK SC" in families and "Noto Sans CJK TC" in families


# The batch index (issue 17): every file's headlines, counts per field and diagnostics, in a
# table that sorts by any column and filters by text, in a real browser.


@pytest.fixture(scope="module")
def index_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bulletins.cli import main

    root = tmp_path_factory.mktemp("index")
    inputs = root / "in"
    inputs.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        (inputs / seed.name).write_bytes(seed.read_bytes())
    (inputs / "broken.txt").write_bytes(bytes(range(256)) * 4)
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "<td><script>alert(1)<!--.txt").write_bytes(hostile_text().encode("utf-8"))
    assert main(["parse", str(inputs), "--to", "html", "-o", str(root / "out"), "-q"]) == 1
    return root / "out"


def _index_rows(root: lxml.html.HtmlElement) -> list[tuple[str, bool]]:
    """(file cell text, hidden) per body row, in the order the browser left them."""
    return [(str(tr.xpath("string(td[1])")), tr.get("hidden") is not None) for tr in root.xpath("//tbody/tr")]


def test_the_index_sorts_and_filters_in_a_browser(index_folder: Path) -> None:
    page = index_folder / "index.html"
    root, log = render(page)
    assert [line for line in log.splitlines() if CONSOLE.search(line)] == []
    verdict = json.loads(str(root.xpath("string(//pre[@id='selftest'])")))
    assert root.xpath("//body")[0].get("data-selftest") == "pass", verdict
    columns = len(root.xpath("//thead/th | //thead/tr/th"))
    assert verdict["rows"] == 8 and verdict["sorts"] == 2 * columns and verdict["filters"] == 8
    assert verdict["failed"] == 0 and verdict["errors"] == []
    # The state given in the address, as the page left it: by bulletins, most first …
    root, _ = render(page, "?sort=bulletins&dir=desc")
    counts = [int(n) for n in root.xpath("//tbody/tr/td[contains(@class, 'bulletins')]/@data-v")]
    assert counts == sorted(counts, reverse=True) and counts[0] == 21
    assert root.xpath("//th[@data-key='bulletins']/@aria-sort") == ["descending"]
    # … filtered by a headline's words: only the file holding it is shown …
    root, _ = render(page, "?q=%E5%BB%A3%E5%B7%9E")  # 廣州, in seed 001 only
    assert [name for name, hidden in _index_rows(root) if not hidden] == [
        str(index_folder.parent / "in" / "001_cb1989d8750bc7f6.txt")
    ]
    assert root.xpath("string(//span[@id='shown'])") == "1 of 8 files shown"
    # … and the failed files, or the files with no bulletin.
    root, _ = render(page, "?show=failed")
    assert [name.rsplit("/", 1)[-1] for name, hidden in _index_rows(root) if not hidden] == ["broken.txt"]
    root, _ = render(page, "?show=none")
    shown = [name.rsplit("/", 1)[-1] for name, hidden in _index_rows(root) if not hidden]
    assert shown == ["empty.txt"]


def test_the_index_sorts_by_confidence_and_flags_low_files_in_a_browser(index_folder: Path) -> None:
    """Issue 16: least confident first as written; sorted either way by clicking; 'low confidence' filter."""
    page = index_folder / "index.html"
    root, log = render(page, "")
    assert [line for line in log.splitlines() if CONSOLE.search(line)] == []
    cells = root.xpath("//tbody/tr/td[contains(@class, 'confidence')]/@data-v")
    values = [float(v) for v in cells]
    assert values == sorted(values) and values[0] == -1  # a failed file (no confidence) leads
    for order, check in (("asc", sorted), ("desc", lambda v: sorted(v, reverse=True))):
        root, _ = render(page, f"?sort=confidence&dir={order}")
        got = [float(v) for v in root.xpath("//tbody/tr/td[contains(@class, 'confidence')]/@data-v")]
        assert got == check(got) and sorted(got) == sorted(values)
    root, _ = render(page, "?show=low")
    rows = root.xpath("//tbody/tr")
    shown = [tr for tr in rows if tr.get("hidden") is None]
    assert shown and all("low" in tr.get("class").split() for tr in shown)
    assert all(0 <= float(tr.xpath("string(td[contains(@class, 'confidence')]/@data-v)")) < 0.8 for tr in shown)
    assert len(shown) == sum("low" in (tr.get("class") or "").split() for tr in rows)
    assert all("⚑" in tr.xpath("string(td[contains(@class, 'confidence')])") for tr in shown)


def test_the_index_ran_no_input_text(index_folder: Path) -> None:
    root, log = render(index_folder / "index.html")
    assert len(root.xpath("//script")) == 1
    assert not [a for e in root.iter() if isinstance(e.tag, str) for a in e.attrib if a.lower().startswith("on")]
    assert "<td><script>alert(1)<!--.txt" in root.xpath("string(//tbody)")
    assert "Content Security Policy" not in log
