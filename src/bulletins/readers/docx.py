"""The ``docx`` reader (python-docx): Word paragraphs in body order, with styles and numbering.

python-docx opens and validates the package and resolves styles; the body is walked in order
(paragraphs, table rows — a row per line, cells separated by tabs — and text boxes after the
paragraph that anchors them). Hints: style name (Title, Heading n), alignment, bold, font size,
list level. Word's automatic numbering is rendered from the numbering definitions
(:mod:`bulletins.readers._numbering`). Tracked insertions are kept; deletions are left out with
a diagnostic; field codes give no text while field results do; hidden runs (``w:vanish``) are
kept on a line of their own with the ``hidden`` hint and a diagnostic; headers and footers are
ignored with a diagnostic. ``w:altChunk`` parts (HTML, MHT, RTF, text) are read in place
(:mod:`bulletins.readers._altchunk`). The zip's declared sizes are checked before anything is
inflated (:mod:`bulletins.readers._zip`): a zip bomb is one error, naming the limit.
"""

from __future__ import annotations

import functools
import io
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator
from typing import Any, ClassVar

from ..decode import Errors
from ..errors import ReadError
from ..model import Diagnostic, MetaField
from . import Align, CellShape, Hints, Line, Reading
from ._altchunk import AltChunks
from ._numbering import Numbering, W
from ._zip import ZipLimits, open_zip

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_JC: dict[str, Align] = {
    "center": "center",
    "right": "right",
    "end": "right",
    "both": "justify",
    "distribute": "justify",
}
_JC.update({"left": "left", "start": "left"})
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SKIP = {W + "del", W + "moveFrom", W + "instrText", W + "delInstrText", W + "rPr", W + "pPr", _MC + "Fallback"}


@functools.cache
def _ui_names() -> dict[str, str]:
    from docx.styles import BabelFish  # python-docx's table of Word's internal → UI style names

    return {internal: ui for ui, internal in BabelFish.style_aliases}


def _on(el: Any | None) -> bool | None:
    if el is None:
        return None
    return el.get(W + "val", "true") not in {"0", "false", "off"}


class _Styles:
    """Paragraph-style properties resolved along ``basedOn`` chains, cached per style id."""

    def __init__(self, root: Any | None) -> None:
        self.by_id: dict[str, Any] = {}
        self.default: str | None = None
        if root is not None:
            for style in root.iter(W + "style"):
                sid = style.get(W + "styleId", "")
                self.by_id[sid] = style
                if style.get(W + "type") == "paragraph" and _on(style) and style.get(W + "default") in {"1", "true"}:
                    self.default = sid
        self.cache: dict[str | None, dict[str, Any]] = {}

    def props(self, sid: str | None) -> dict[str, Any]:
        sid = sid or self.default
        if sid in self.cache:
            return self.cache[sid]
        out: dict[str, Any] = {}
        seen: set[str] = set()
        current = sid
        while current and current in self.by_id and current not in seen:
            seen.add(current)
            style = self.by_id[current]
            name = style.find(W + "name")
            # Word stores built-in names in lower case (heading 1); show them as Word does (Heading 1).
            raw_name = name.get(W + "val") if name is not None else current
            out.setdefault("name", _ui_names().get(raw_name, raw_name))
            ppr = style.find(W + "pPr")
            if ppr is not None:
                jc = ppr.find(W + "jc")
                if jc is not None:
                    out.setdefault("jc", jc.get(W + "val"))
                numpr = ppr.find(W + "numPr")
                if numpr is not None:
                    out.setdefault("numPr", numpr)
                outline = ppr.find(W + "outlineLvl")
                if outline is not None:
                    out.setdefault("outline", int(outline.get(W + "val", "9")))
            rpr = style.find(W + "rPr")
            if rpr is not None:
                if "bold" not in out and _on(rpr.find(W + "b")) is not None:
                    out["bold"] = _on(rpr.find(W + "b"))
                size = rpr.find(W + "sz")
                if size is not None:
                    out.setdefault("size", int(size.get(W + "val", "0")) / 2)
            based = style.find(W + "basedOn")
            current = based.get(W + "val") if based is not None else None
        self.cache[sid] = out
        return out


def _heading_level(name: str) -> int | None:
    lowered = name.lower()
    if lowered in {"title", "标题"}:
        return 1
    for prefix in ("heading ", "标题 "):
        if lowered.startswith(prefix) and lowered[len(prefix) :].isdigit():
            return min(int(lowered[len(prefix) :]) + 1, 6)
    return None


class _Walker:
    def __init__(self, styles: _Styles, numbering: Numbering, chunks: AltChunks | None = None) -> None:
        self.styles = styles
        self.numbering = numbering
        self.chunks = chunks
        self.lines: list[Line] = []
        self.paragraphs = 0
        self.tables = 0
        self.deleted = 0
        self.hidden = 0
        self.hidden_text: list[str] = []  # hidden runs of the paragraph being read

    # -- runs ------------------------------------------------------------------------------

    def _runs(self, p: Any, boxes: list[Any]) -> tuple[list[str], bool, float | None]:
        """Text of a paragraph's runs (split at line breaks), whether all of it is bold, first size."""
        pieces: list[list[str]] = [[]]
        style = self.styles.props(_style_id(p))
        bold_all, has_text, size = True, False, None
        stack = [iter(p)]
        while stack:
            el = next(stack[-1], None)
            if el is None:
                stack.pop()
                continue
            tag = el.tag
            if tag in (W + "del", W + "moveFrom"):
                self.deleted += sum(len(t.text or "") for t in el.iter(W + "delText", W + "t"))
                continue
            if tag in _SKIP or not isinstance(tag, str):
                continue
            if tag == W + "txbxContent":
                boxes.append(el)
                continue
            if tag == W + "r":
                rpr = el.find(W + "rPr")
                if rpr is not None and _on(rpr.find(W + "vanish")):
                    hidden = "".join(t.text or "" for t in el.iter(W + "t"))
                    self.hidden += len(hidden)
                    self.hidden_text.append(hidden)
                    continue
                run_bold = _on(rpr.find(W + "b")) if rpr is not None else None
                bold = bool(style.get("bold")) if run_bold is None else run_bold
                run_size = rpr.find(W + "sz") if rpr is not None else None
                for child in el:
                    ctag = child.tag
                    if ctag == W + "t":
                        text = child.text or ""
                        if text.strip():
                            has_text = True
                            bold_all = bold_all and bold
                            if size is None:
                                size = int(run_size.get(W + "val")) / 2 if run_size is not None else style.get("size")
                        pieces[-1].append(text)
                    elif ctag in (W + "tab", W + "ptab"):
                        pieces[-1].append("\t")
                    elif ctag in (W + "br", W + "cr"):
                        pieces.append([])
                    elif ctag == W + "noBreakHyphen":
                        pieces[-1].append("-")
                    elif ctag in (_MC + "AlternateContent", W + "drawing", W + "pict", W + "object"):
                        stack.append(iter([child]))
                continue
            stack.append(iter(el))
        return ["".join(part) for part in pieces], has_text and bold_all, size

    # -- blocks ----------------------------------------------------------------------------

    def paragraph(self, p: Any, *, cell: bool = False) -> list[tuple[str, Hints]]:
        self.paragraphs += 1
        boxes: list[Any] = []
        self.hidden_text = []
        texts, bold, size = self._runs(p, boxes)
        hidden = "".join(self.hidden_text).strip()
        ppr = p.find(W + "pPr")
        style = self.styles.props(_style_id(p))
        jc = ppr.find(W + "jc") if ppr is not None else None
        align = _JC.get(jc.get(W + "val", "") if jc is not None else style.get("jc") or "")
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        numpr = numpr if numpr is not None else style.get("numPr")
        marker, level = "", None
        if numpr is not None:
            num_id = _child_val(numpr, "numId")
            ilvl = int(_child_val(numpr, "ilvl") or "0")
            if num_id:
                marker = self.numbering.marker(num_id, ilvl)
                level = ilvl + 1 if marker else None
        name = style.get("name")
        hints = Hints(
            align=align,
            bold=bold,
            heading=_heading_level(name) if name else None,
            list_level=level,
            font_size=size,
            table_cell=cell,
            style=name,
        )
        out: list[tuple[str, Hints]] = []
        if texts and "".join(texts).strip():
            texts[0] = marker + texts[0].lstrip() if marker else texts[0]
            out.extend((text, hints) for text in texts if text.strip())
        if hidden:  # Word's hidden text: kept on a line of its own, which the lexer makes residue
            out.append((hidden, Hints(hidden=True, style=name, table_cell=cell)))
        for box in boxes:
            for inner in box.iter(W + "p"):
                out.extend(self.paragraph(inner))
        return out

    def body(self, container: Any) -> None:
        for el in container:
            tag = el.tag
            if tag == W + "p":
                number = self.paragraphs + 1
                for text, hints in self.paragraph(el):
                    self.lines.append(Line(text=text, origin=f"paragraph {number}", hints=hints))
            elif tag == W + "tbl":
                self.table(el)
            elif tag == W + "altChunk" and self.chunks is not None:
                self.lines.extend(self.chunks.lines(el))
            elif tag in (W + "sdt", W + "customXml"):
                content = el.find(W + "sdtContent") if tag == W + "sdt" else el
                if content is not None:
                    self.body(content)

    def table(self, tbl: Any) -> None:
        self.tables += 1
        table = self.tables
        for r, row in enumerate(tbl.iter(W + "tr"), 1):
            cells = []
            shapes = []
            trpr = row.find(W + "trPr")
            header = trpr is not None and trpr.find(W + "tblHeader") is not None  # Word's repeated header row
            for tc in row.findall(W + "tc"):
                texts = [text for p in tc.iter(W + "p") for text, _ in self.paragraph(p, cell=True)]
                cells.append("".join(t.strip() for t in texts))
                span = tc.find(f"{W}tcPr/{W}gridSpan")
                wide = (span.get(W + "val") or "1") if span is not None else "1"
                shapes.append(CellShape(header=header, colspan=int(wide) if wide.isdigit() and int(wide) > 0 else 1))
            text = "\t".join(cells).strip()
            if text:
                origin = f"table {table} row {r}"
                # A row of two or more cells is a data table's; a one-cell table holds a page's text.
                grid = len(cells) >= 2 and "\t" in text
                plain = all(shape == CellShape() for shape in shapes)
                hints = Hints(table_cell=True, table=table if grid else None, cells=() if plain else tuple(shapes))
                self.lines.append(Line(text=text, origin=origin, hints=hints))


def _style_id(p: Any) -> str | None:
    ppr = p.find(W + "pPr")
    if ppr is None:
        return None
    return _child_val(ppr, "pStyle")


def _child_val(el: Any, tag: str) -> str | None:
    found = el.find(W + tag)
    return None if found is None else found.get(W + "val")


def _check_container(data: bytes, source: str | None, limits: ZipLimits) -> None:
    """Raise one clear error for bytes that are not a .docx package, or declare too much to inflate."""
    if data.startswith(_OLE):
        if _ENCRYPTED in data:
            raise ReadError(
                "an encrypted (password-protected) Word document: remove the password in Word and save it again",
                source=source,
            )
        raise ReadError(
            "a legacy Word .doc (OLE compound file), not a .docx: read it with --from office"
            " (needs LibreOffice), or save it as .docx",
            source=source,
        )
    # Declared sizes first: a zip bomb is refused before a byte is inflated (issue 18).
    with open_zip(data, limits, kind=".docx", source=source) as archive:
        names = set(archive.namelist())
        if "word/document.xml" not in names:
            raise ReadError("a zip archive without word/document.xml: not a Word .docx", source=source)
        try:
            bad = archive.testzip()
        except Exception as exc:  # zlib.error and friends from a corrupt member
            raise ReadError(f"not a readable .docx: the zip archive is corrupt ({exc})", source=source) from exc
    if bad is not None:
        raise ReadError(f"not a readable .docx: member {bad} of the zip archive is corrupt", source=source)


def _notes_text(part: Any) -> str:
    """Text of a footnotes/endnotes/comments part, without Word's built-in separator notes."""
    from lxml import etree

    try:
        root = etree.fromstring(part.blob)
    except (AttributeError, etree.XMLSyntaxError):  # pragma: no cover - an unreadable part
        return ""
    texts: list[str] = []
    for note in root:
        if note.get(W + "type") in {"separator", "continuationSeparator", "continuationNotice"}:
            continue
        texts.extend(t.text or "" for t in note.iter(W + "t"))
    return "".join(texts)


def _parts_with_text(part: Any, kinds: set[str], text_of: Callable[[Any], str]) -> list[str]:
    """The kinds (header, footnotes …) of the document's related parts that hold text."""
    return [
        kind
        for rel in part.rels.values()
        if not rel.is_external
        and (kind := rel.reltype.rsplit("/", 1)[-1]) in kinds
        and text_of(rel.target_part).strip()
    ]


def _part_text(part: Any) -> str:
    try:
        return "".join(t.text or "" for t in part.element.iter(W + "t"))
    except AttributeError:  # pragma: no cover - a part python-docx did not parse
        return ""


class DocxReader:
    """Word .docx files: body paragraphs and tables in order, styles, alignment and numbering."""

    name: ClassVar[str] = "docx"
    suffixes: ClassVar[tuple[str, ...]] = (".docx", ".docm", ".dotx", ".dotm")

    def __init__(
        self, *, max_unzipped: object = None, max_ratio: object = None, limits: ZipLimits | None = None
    ) -> None:
        """Configure the limits checked before anything is inflated.

        Args:
            max_unzipped: Largest inflated size of one zip member, e.g. ``512MB`` (default
                256 MiB; all members together: the larger of this and 1 GiB).
            max_ratio: Largest inflated : compressed ratio of a member over 1 MiB (default 100).
            limits: Limits given whole (other readers pass theirs); overrides the two above.

        Raises:
            ValueError: An option is not a positive size or ratio.
        """
        self.limits = limits if limits is not None else ZipLimits.from_options(max_unzipped, max_ratio)

    def sniff(self, data: bytes) -> bool:
        """Claim zip archives (a .docx is one; .ofd and .odt are asked first) and encrypted .docx, to explain them."""
        if data.startswith(_OLE):
            return _ENCRYPTED in data
        return data.startswith(b"PK\x03\x04")

    def read(self, data: bytes, *, source: str | None = None, errors: Errors = "strict") -> Iterator[Reading]:
        """Yield the document's body as one document.

        Raises:
            ReadError: The bytes are not a readable .docx (the message says what they are).
        """
        _check_container(data, source, self.limits)
        import docx  # python-docx; imported here so text-only users do not pay for it

        repaired: list[str] = []
        try:
            document = docx.Document(io.BytesIO(data))
        except KeyError:
            # A relationship to a part the archive does not hold (an image's Target="../NULL",
            # formats/docx dagang1): Word opens such files; so do we, without that relationship.
            data, repaired = _without_broken_relationships(data)
            try:
                document = docx.Document(io.BytesIO(data))
            except Exception as exc:
                raise ReadError(f"not a readable .docx: {type(exc).__name__}: {exc}", source=source) from exc
        except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors …
            raise ReadError(f"not a readable .docx: {type(exc).__name__}: {exc}", source=source) from exc
        part = document.part
        try:
            numbering_root = part.numbering_part.element
        except (KeyError, NotImplementedError):
            numbering_root = None
        try:
            styles_root = part.styles.element if hasattr(part, "styles") else None
        except (KeyError, NotImplementedError):  # pragma: no cover - python-docx adds default styles
            styles_root = None
        chunks = AltChunks(part)
        walker = _Walker(_Styles(styles_root), Numbering(numbering_root), chunks)
        walker.body(document.element.body)
        diagnostics: list[Diagnostic] = list(chunks.diagnostics)
        if repaired:
            diagnostics.append(
                Diagnostic(
                    level="warning",
                    code="broken-relationship",
                    message=f"{len(repaired)} relationship(s) to parts the file does not hold were ignored"
                    f" ({', '.join(repaired[:3])})",
                )
            )
        if walker.deleted:
            diagnostics.append(
                Diagnostic(
                    level="warning",
                    code="tracked-deletion",
                    message=f"tracked deletions left out ({walker.deleted} characters); insertions are kept",
                )
            )
        if walker.hidden:
            diagnostics.append(
                Diagnostic(
                    level="warning", code="hidden-text", message=f"{walker.hidden} hidden characters, kept as residue"
                )
            )
        ignored = len(_parts_with_text(part, {"header", "footer"}, _part_text))
        if ignored:
            diagnostics.append(
                Diagnostic(
                    level="info",
                    code="header-footer-ignored",
                    message=f"{ignored} header(s)/footer(s) with text ignored",
                )
            )
        # Notes and comments are not body text either; say so rather than lose them silently.
        notes = _parts_with_text(part, {"footnotes", "endnotes", "comments"}, _notes_text)
        if notes:
            diagnostics.append(
                Diagnostic(
                    level="warning",
                    code="notes-ignored",
                    message=f"{', '.join(sorted(notes))} with text not read (only the body is)",
                )
            )
        if not walker.lines:
            diagnostics.append(Diagnostic(level="warning", code="no-text", message="the document has no text"))
        core = document.core_properties
        metadata = tuple(
            MetaField(name=key, value=str(value))
            for key, value in (("title", core.title), ("author", core.author), ("created", core.created))
            if value
        )
        yield Reading(format=self.name, lines=tuple(walker.lines), metadata=metadata, diagnostics=tuple(diagnostics))


_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*?/>")
_TARGET = re.compile(rb'\bTarget="([^"]*)"')


def _without_broken_relationships(data: bytes) -> tuple[bytes, list[str]]:
    """Return the package without internal relationships whose target part is missing, and those targets."""
    removed: list[str] = []
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = set(source.namelist())
        for info in source.infolist():
            body = source.read(info)
            if info.filename.endswith(".rels"):
                folder = posixpath.dirname(posixpath.dirname(info.filename))  # word/_rels/x.rels -> word

                def keep(match: re.Match[bytes], folder: str = folder) -> bytes:
                    element = match.group(0)
                    found = _TARGET.search(element)
                    if found is None or b'TargetMode="External"' in element:
                        return element
                    ref = found.group(1).decode("utf-8", "replace")
                    path = ref.lstrip("/") if ref.startswith("/") else posixpath.normpath(posixpath.join(folder, ref))
                    if path in names:
                        return element
                    removed.append(ref)
                    return b""

                body = _RELATIONSHIP.sub(keep, body)
            target.writestr(info, body)
    return out.getvalue(), removed
