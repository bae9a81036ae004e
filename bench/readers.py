"""Readers are linear in input size: a ~20 MB HTML page and a 5,000-paragraph DOCX (issue 10);
PDF pages per second against ``pdftotext -layout`` in the same run (issue 18);
OCR seconds per page on a scanned A4 page (bulletins[ocr]); the records reader streams a dataset
in constant memory (issue 18).

Builds inputs of growing size from real text (gov.cn row2.html's paragraphs, seed 002's notice
in the python-docx fixture's layout), times ``bulletins.parse`` on each, and prints seconds,
MB/s and the ratio of the time per MB at the largest size to the time per MB at the smallest
(about 1.0 when the work is linear). Speed is measured here, never in tests.

PDF: every file of ``../shared/corpus/formats/pdf-text`` is read by ``pdftotext -layout`` (one
process per file, output to /dev/null), by the pdf reader alone, and by ``bulletins.parse``
(reader + clean + lex + parse + build); pages per second for each, and the ratio of our time to
pdftotext's (the issue's aim: at most 10x). Needs poppler-utils.

The records check writes a JSON Lines dataset of the notice's text at two sizes (100 MB and
1 GB; ``--quick``: 20 and 100 MB) into a temporary folder, maps each into memory and reads it in
a child process, sampling the child's anonymous resident memory (``RssAnon``: the file's mapped
pages are not counted, they are the page cache's); it also runs the whole pipeline
(``parse_many``) over the first 1 000 and 4 000 rows.

Usage: python bench/readers.py [--quick] [--pdf-only | --records-only]
"""

from __future__ import annotations

import io
import itertools
import json
import mmap
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import docx

import bulletins

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from locate import corpus_dir  # noqa: E402

GOVCN = corpus_dir() / "govcn-html" / "row2.html"
NOTICE = ROOT / "tests" / "fixtures" / "readers" / "notice.txt"
PDFS = corpus_dir() / "formats" / "pdf-text"
# ../shared beside the clone, or two levels up from a worktree (/work/wt/NAME).
SHARED = next((p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()), ROOT / "shared")
SCAN = SHARED / "corpus" / "formats" / "pdf-scanned" / "lawliet_govcheck_test-hongtou-seal.png"


def html_page(megabytes: float) -> bytes:
    """One page: row2.html's paragraphs repeated inside one table cell, as gov.cn lays pages out."""
    page = GOVCN.read_text(encoding="utf-8")
    body = re.search(r'<td class="b12c" id="UCAP-CONTENT">(.*)</td>', page, re.DOTALL)
    assert body is not None
    paragraphs = body.group(1)
    copies = max(1, int(megabytes * 1e6 / len(paragraphs.encode("utf-8"))))
    return ("<tbody><tr><td>" + paragraphs * copies + "</td></tr></tbody>").encode("utf-8")


def whole_page(megabytes: float) -> bytes:
    """The same paragraphs as a whole web page: a title, 300 navigation links, a breadcrumb, a footer.

    Read with main-content extraction (readers/_pages.py), against :func:`html_page`'s fragment.
    """
    fragment = html_page(megabytes).decode("utf-8")
    nav = "".join(f'<li><a href="/c{k}">栏目{k}</a></li>' for k in range(300))
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>国务院办公厅关于印发的通知_中国政府网</title>"
        f"</head><body><ul class='nav'>{nav}</ul><div class='crumb'><a href='/'>首页</a> &gt; 政策</div>"
        f"<div class='article'><h1>国务院办公厅关于印发的通知</h1><table>{fragment}</table></div>"
        "<div class='footer'><p>主办单位：国务院办公厅</p></div></body></html>"
    ).encode()


def docx_file(paragraphs: int) -> bytes:
    """A .docx of *paragraphs* body paragraphs: the notice's lines over and over, a table every 50."""
    lines = [line.strip() for line in NOTICE.read_text(encoding="utf-8").split("\n") if line.strip()]
    document = docx.Document()
    for k in range(paragraphs):
        document.add_paragraph(lines[k % len(lines)])
        if k % 50 == 49:
            table = document.add_table(rows=1, cols=2)
            table.rows[0].cells[0].text, table.rows[0].cells[1].text = "附件", lines[k % len(lines)]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def timed(data: bytes, source: str) -> float:
    start = time.perf_counter()
    bulletins.parse(data, source=source)
    return time.perf_counter() - start


def series(name: str, inputs: list[tuple[str, float, bytes]], source: str, unit: str) -> None:
    """Time each input; *inputs* are ``(label, size in units, bytes)``."""
    per_unit = []
    for label, size, data in inputs:
        seconds = timed(data, source)
        per_unit.append(seconds / size)
        print(f"{name:5} {label:>18}  {len(data) / 1e6:7.2f} MB  {seconds:7.2f} s  {size / seconds:8.2f} {unit}/s")
    print(f"{name:5} time per {unit}, largest / smallest: {per_unit[-1] / per_unit[0]:.2f} (1.0 = linear)")


def pdf_series(quick: bool) -> None:
    """Pages per second: pdftotext -layout, the pdf reader, the whole pipeline; one pass each."""
    from bulletins.readers import get_reader

    if shutil.which("pdftotext") is None:
        print("pdf   pdftotext not found (apt-get install poppler-utils): skipped")
        return
    files = sorted(PDFS.glob("*.pdf"))[: 6 if quick else None]
    # The text layer alone, as pdftotext reads it: a scanner's OCR layer is read as it is
    # (ocr_layers=keep); filling its gaps by OCR, the default with bulletins[ocr], is OCR's cost,
    # timed apart below.
    keep = {"ocr_layers": "keep"}
    reader = get_reader("pdf", **keep)
    pages = 0
    floor = ours = whole = 0.0
    layered: list[tuple[str, bytes]] = []
    for path in files:
        data = path.read_bytes()
        start = time.perf_counter()
        subprocess.run(["pdftotext", "-layout", str(path), "/dev/null"], check=False, capture_output=True)
        floor += time.perf_counter() - start
        start = time.perf_counter()
        reading = next(reader.read(data, source=path.name))
        ours += time.perf_counter() - start
        start = time.perf_counter()
        bulletins.parse(data, source=path.name, reader_options=keep)
        whole += time.perf_counter() - start
        if any(d.code == "ocr-layer" for d in reading.diagnostics):
            layered.append((path.name, data))
        del reading
    import pypdfium2 as pdfium

    pages = sum(len(pdfium.PdfDocument(p.read_bytes())) for p in files)
    print(f"pdf   {len(files)} files, {pages} pages (formats/pdf-text)")
    print(f"pdf   pdftotext -layout  {floor:6.2f} s  {pages / floor:7.1f} pages/s")
    print(f"pdf   pdf reader         {ours:6.2f} s  {pages / ours:7.1f} pages/s  {ours / floor:5.2f}x pdftotext's time")
    print(
        f"pdf   bulletins.parse    {whole:6.2f} s  {pages / whole:7.1f} pages/s  {whole / floor:5.2f}x pdftotext's time"
    )
    for name, data in layered:
        start = time.perf_counter()
        bulletins.parse(data, source=name)  # ocr_layers=fill, the default: OCR where the layer has gaps
        seconds = time.perf_counter() - start
        print(f"pdf   {name[:40]}: scanner layer, default ocr_layers=fill {seconds:.2f} s (OCR of its gaps)")


def jsonl_dataset(path: Path, megabytes: float) -> int:
    """Write rows of the notice (title, date, text: its lines from a rotating start) up to *megabytes*."""
    lines = [line.strip() for line in NOTICE.read_text(encoding="utf-8").split("\n") if line.strip()]
    rows = 0
    with path.open("w", encoding="utf-8") as out:
        while out.tell() < megabytes * 1e6:
            start = rows % len(lines)
            text = "\n".join(lines[start:] + lines[:start])
            row = {"title": lines[start], "date": f"2020-{rows % 12 + 1:02d}-01", "text": text}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            rows += 1
    return rows


def _anon_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("RssAnon:"):
            return int(line.split()[1])
    return 0


def records_child(path: str, mode: str, limit: int) -> None:
    """Read the mapped dataset (``reader``: rows only; ``pipeline``: parse_many), print JSON figures."""
    start = time.perf_counter()
    peak = _anon_kib()
    with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
        view = memoryview(mapped)
        if mode == "reader":
            items = iter(bulletins.get_reader("records").read(view))  # type: ignore[arg-type]
        else:
            items = iter(bulletins.parse_many(view, source=path, reader="records"))  # type: ignore[arg-type]
        rows = 0
        for _ in itertools.islice(items, limit or None):
            rows += 1
            if rows % 2000 == 0:
                peak = max(peak, _anon_kib())
        del items
        view.release()
    peak = max(peak, _anon_kib())
    seconds = time.perf_counter() - start
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"rows": rows, "seconds": seconds, "anon_mib": peak / 1024, "maxrss_mib": maxrss / 1024}))


def records_memory(quick: bool) -> None:
    """Peak anonymous memory of the records reader at two dataset sizes, and of the pipeline."""
    sizes = (20.0, 100.0) if quick else (100.0, 1000.0)
    with tempfile.TemporaryDirectory(prefix="bulletins-bench-") as tmp:
        for megabytes in sizes:
            path = Path(tmp) / f"news-{megabytes:.0f}MB.jsonl"
            written = jsonl_dataset(path, megabytes)
            runs = [("reader", 0)] + ([("pipeline", 1_000), ("pipeline", 4_000)] if megabytes == sizes[0] else [])
            for mode, limit in runs:
                out = subprocess.run(
                    [sys.executable, __file__, "--records-child", str(path), mode, str(limit)],
                    capture_output=True, text=True, check=True,
                )  # fmt: skip
                got = json.loads(out.stdout)
                size = path.stat().st_size / 1e6 * (got["rows"] / written)
                print(
                    f"records {mode:8} {got['rows']:>9} rows {size:8.1f} MB  {got['seconds']:7.1f} s"
                    f"  {size / got['seconds']:6.1f} MB/s  peak RssAnon {got['anon_mib']:6.1f} MiB"
                    f"  (ru_maxrss {got['maxrss_mib']:.0f} MiB, mapped file pages included)"
                )
            path.unlink()


def main(argv: list[str]) -> int:
    if argv[:1] == ["--records-child"]:
        records_child(argv[1], argv[2], int(argv[3]))
        return 0
    quick = "--quick" in argv
    if "--records-only" in argv:
        records_memory(quick)
        return 0
    pdf_series(quick)
    if "--pdf-only" in argv:
        return 0
    records_memory(quick)
    sizes = (0.5, 2.0) if quick else (1.25, 5.0, 20.0)
    pages = [html_page(size) for size in sizes]
    series("html", [(f"{len(p) / 1e6:.0f} MB page", len(p) / 1e6, p) for p in pages], "page.html", "MB")
    wholes = [whole_page(size) for size in sizes]
    series("whole", [(f"{len(p) / 1e6:.0f} MB page", len(p) / 1e6, p) for p in wholes], "page.html", "MB")
    counts = (250, 1000) if quick else (500, 1250, 5000)
    # A zipped .docx of repeated text is tiny on disk, so its size is counted in paragraphs.
    series("docx", [(f"{n} paragraphs", n / 1000, docx_file(n)) for n in counts], "notice.docx", "k-para")
    ocr_pages()
    return 0


def ocr_pages() -> None:
    """OCR seconds per page: the corpus's A4 page image at 150 dpi, end to end (bulletins[ocr])."""
    from bulletins import ocr

    if not ocr.available() or not SCAN.is_file():
        print("ocr   skipped: needs bulletins[ocr] and ../shared/corpus")
        return
    data = SCAN.read_bytes()
    timed(data, SCAN.name)  # the engine loads its models once per process (about a second)
    runs = [timed(data, SCAN.name) for _ in range(3)]
    print(f"ocr   {SCAN.name}: {min(runs):.2f} s per page (best of 3; mean {sum(runs) / 3:.2f} s)")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
