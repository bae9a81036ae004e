"""Draw the files of the formats corpus to annotate by reading (tests/fixtures/formats/).

Stdlib only.  Each folder of /work/shared/corpus/formats is listed, sorted by file name, and
files are drawn with ONE random.Random(18) instance, folder by folder in the order below, with
rng.sample(listing, k).  Output: TSV (folder, file) on stdout, saved as
tests/fixtures/formats/DRAW.tsv.  Run once; do not redraw.

    python3 bench/draw_formats.py [CORPUS_DIR] > tests/fixtures/formats/DRAW.tsv
"""

import os
import random
import sys
from collections.abc import Callable

CORPUS = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpus/formats"
SEED = 18

# (folder, how many, which file names count)
PLAN: list[tuple[str, int, Callable[[str], bool]]] = [
    ("pdf-text", 14, lambda n: n.endswith(".pdf")),
    # the 9 image-only PDFs; the synthetic PNG page is not a PDF and is left out
    ("pdf-scanned", 5, lambda n: n.endswith(".pdf")),
    ("html-pages", 14, lambda n: n.endswith(".html")),
    ("docx", 5, lambda n: n.endswith((".docx", ".doc", ".wps"))),
    # the three OFD files that are documents rather than forms
    (
        "ofd",
        2,
        lambda n: any(
            k in n for k in ("luqiao-weisheng-pifu", "testPathFillOpacity_hanjian", "haiguan-shuzidanganshi")
        ),
    ),
]


def main() -> None:
    rng = random.Random(SEED)
    print("folder\tfile\tdrawn_of")
    for folder, k, keep in PLAN:
        names = sorted(n for n in os.listdir(os.path.join(CORPUS, folder)) if keep(n))
        for name in rng.sample(names, k):
            print(f"{folder}\t{name}\t{len(names)}")


if __name__ == "__main__":
    main()
