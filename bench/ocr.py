"""OCR engines against the typed pages: character error rate and seconds per page (issue 18).

The five pages of tests/fixtures/ocr/ (typed by reading; NOTES.md there) are rendered with
``pdftoppm -r DPI`` and recognised by RapidOCR (``bulletins.ocr``, the ``ocr`` extra) and, when
installed, by Tesseract (``tesseract`` on PATH with ``chi_sim``; Debian: tesseract-ocr
tesseract-ocr-chi-sim). Both engines' lines are put in the same reading order
(:func:`bulletins.ocr.reading_order`).

CER = Levenshtein distance between the OCR text and the typed text, both NFKC-folded with all
whitespace removed, divided by the number of typed characters (summed over pages for the total).

Usage: python bench/ocr.py [--dpi 150] [--engines rapidocr,tesseract]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from locate import corpus_dir  # noqa: E402

TYPED = ROOT / "tests" / "fixtures" / "ocr"
SCANS = corpus_dir() / "formats" / "pdf-scanned"
_NAME = re.compile(r"^(?P<file>.+)-p(?P<page>\d+)\.txt$")


def levenshtein(a: str, b: str) -> int:
    """Edit distance (insertions, deletions, substitutions) in O(len(a)·len(b)) time, O(len(b)) memory."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def fold(text: str) -> str:
    """NFKC, whitespace removed: width and spacing are not recognition errors."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def cer(ocr: str, truth: str) -> tuple[int, int, int]:
    """(edits, bag-of-characters edits, typed characters) for one page.

    The bag figure ignores order: max(characters missing, characters extra) by count, a lower
    bound of the edit distance; where it is far below the edits, the loss is reading order (a
    table's cells), not recognition.
    """
    a, b = fold(ocr), fold(truth)
    got, want = Counter(a), Counter(b)
    bag = max(sum((want - got).values()), sum((got - want).values()))
    return levenshtein(a, b), bag, len(b)


def typed_pages() -> list[tuple[str, Path, int, str]]:
    """(label, pdf, page, typed text) for each fixture."""
    out = []
    for txt in sorted(TYPED.glob("*.txt")):
        m = _NAME.match(txt.name)
        assert m, txt
        pdfs = list(SCANS.glob(f"*{m['file']}_*.pdf"))
        assert len(pdfs) == 1, (txt, pdfs)
        out.append((txt.stem, pdfs[0], int(m["page"]), txt.read_text(encoding="utf-8")))
    return out


def render(pdf: Path, page: int, dpi: int, tmp: Path) -> Path:
    stem = tmp / f"{pdf.stem}-{page}-{dpi}"
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(stem)],
        check=True,
    )
    return stem.with_suffix(".png")


def rapidocr(png: Path) -> str:
    from bulletins import ocr

    return "\n".join(ln.text for ln in ocr.recognize(png.read_bytes()))


def tesseract(png: Path) -> str:
    from PIL import Image

    from bulletins import ocr

    grey = png.with_name(png.stem + "-grey.png")
    ocr.prepare(Image.open(png)).save(grey)  # the same grey image RapidOCR reads
    tsv = subprocess.run(
        ["tesseract", str(grey), "stdout", "-l", "chi_sim", "--psm", "3", "tsv"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    words: dict[tuple[str, str, str], list[tuple[float, float, float, float, str, float]]] = {}
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        x, y, w, h = (float(c) for c in cols[6:10])
        words.setdefault((cols[2], cols[3], cols[4]), []).append((x, y, x + w, y + h, cols[11], float(cols[10])))
    lines = [
        ocr.OcrLine(
            text="".join(w[4] for w in ws),
            box=(min(w[0] for w in ws), min(w[1] for w in ws), max(w[2] for w in ws), max(w[3] for w in ws)),
            confidence=min(w[5] for w in ws) / 100,
        )
        for ws in words.values()
    ]
    return "\n".join(ln.text for ln in ocr.reading_order(lines))


ENGINES = {"rapidocr": rapidocr, "tesseract": tesseract}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dpi", type=int, default=150)
    parser.add_argument("--engines", default="rapidocr,tesseract")
    parser.add_argument("--show", action="store_true", help="print each engine's text")
    args = parser.parse_args(argv)
    names = [n for n in args.engines.split(",") if n]
    if "tesseract" in names and shutil.which("tesseract") is None:
        print("tesseract not on PATH: skipped", file=sys.stderr)
        names.remove("tesseract")
    pages = typed_pages()
    with tempfile.TemporaryDirectory() as tmp:
        images = [(label, render(pdf, page, args.dpi, Path(tmp)), truth) for label, pdf, page, truth in pages]
        if "rapidocr" in names:
            rapidocr(images[0][1])  # load the models once, outside the timing
        print(f"{'page':28} " + " ".join(f"{n + ' CER':>19} {'bag':>6} {'s':>6}" for n in names))
        totals = {n: [0, 0, 0, 0.0] for n in names}
        for label, png, truth in images:
            cells = []
            for name in names:
                start = time.perf_counter()
                text = ENGINES[name](png)
                seconds = time.perf_counter() - start
                edits, bag, chars = cer(text, truth)
                for k, value in enumerate((edits, bag, chars, seconds)):
                    totals[name][k] += value
                cells.append(f"{edits:5d}/{chars:4d} {edits / chars:6.1%} {bag / chars:6.1%} {seconds:6.2f}")
                if args.show:
                    print(f"--- {name} {label}\n{text}")
            print(f"{label:28} " + " ".join(cells))
        cells = [
            f"{t[0]:5.0f}/{t[2]:4.0f} {t[0] / t[2]:6.1%} {t[1] / t[2]:6.1%} {t[3] / len(images):6.2f}"
            for t in totals.values()
        ]
        print(f"{'total (s: mean per page)':28} " + " ".join(cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
