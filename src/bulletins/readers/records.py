"""The ``records`` reader: datasets (CSV, TSV, JSON Lines, JSON arrays), one document per row.

Computational researchers hold their corpora of scraped news and policy texts as tables. The
format is sniffed (``[`` opens a JSON array, ``{`` JSON Lines, else CSV, or TSV when the header
holds more tabs than commas); the columns are found by their usual names (below) or named by
options. Each row is one document: its text column's lines, with the title column (when the text
does not already open with it) as the first line, so that it becomes the bulletin's headline;
the row's title, date, url and source go into the source metadata. The source id carries the
row number (``news.csv#row3``) and every line's origin names its row and column (``row 3
column title``): the provenance of a headline that came from a column.

The input is read as a stream, a row at a time: memory does not grow with the number of rows
(bench/readers.py measures it), and the reader takes any bytes-like buffer, an ``mmap`` of a
large file included.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import PurePath
from typing import ClassVar

import attrs

from ..decode import Errors, decode
from ..errors import DecodeError, ReadError
from ..model import Diagnostic, MetaField
from . import Hints, Line, Reading

FORMATS = ("auto", "csv", "tsv", "jsonl", "json")
"""Values of the ``format`` option."""

# Usual column names, in order of preference, compared case- and space-insensitively. Evidence:
# DXYNews.csv (title, summary, body, pubDate, sourceUrl, infoSource), the 广州 policy index
# (title, url, date, source), and the Chinese headers of scraped policy datasets (标题, 正文 …).
COLUMNS: Mapping[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "正文", "内容", "全文", "fulltext", "full_text", "article", "contents",
             "summary", "摘要", "abstract", "description"),
    "title": ("title", "标题", "headline", "题目", "名称", "文件名称", "name"),
    "date": ("date", "日期", "pubdate", "pub_date", "publish_date", "publishdate", "publish_time", "发布时间",
             "发布日期", "成文日期", "time", "时间", "datetime", "published", "created"),
    "url": ("url", "link", "链接", "网址", "sourceurl", "source_url", "href"),
    "source": ("source", "来源", "infosource", "publisher", "发布机构", "发文机关", "agency", "site", "media"),
}  # fmt: skip
_ROLES = ("text", "title", "date", "url", "source")
_JSON_ROWS = re.compile(rb'(?:\xef\xbb\xbf)?\s*(?:\[\s*\{|\{\s*")')
_PLAIN = Hints()  # one shared instance: building a Hints per line was a third of the reader's time
# The title column's line is a title by where it came from: the headline whatever its text (快讯！…, Are
# pregnant women more at risk?, 3月22日0-24时，吉林全省无新增确诊病例。), a level-1 heading as a Markdown `# title` is.
_TITLE = Hints(heading=1, title=True)
_CHUNK = 1 << 16
_DATE = re.compile(
    r"(?P<y>\d{4})[-/.年](?P<m>\d{1,2})[-/.月](?P<d>\d{1,2})|(?P<m2>\d{1,2})/(?P<d2>\d{1,2})/(?P<y2>\d{4})"
)


def _key(name: str) -> str:
    return re.sub(r"[\s_\-]", "", name).lower()


def iso_date(value: str) -> str | None:
    """Return ``YYYY-MM-DD`` for a dataset's date cell (``2020-03-24 20:38:47``, ``1/24/2020``, ``2020年1月24日``)."""
    found = _DATE.search(value)
    if found is None:
        return None
    year, month, day = (int(found[k]) for k in (("y", "m", "d") if found["y"] else ("y2", "m2", "d2")))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


class _View(io.RawIOBase):
    """A read-only raw stream over any buffer (bytes, mmap, memoryview) without copying it."""

    def __init__(self, data: bytes | memoryview) -> None:
        self.view = memoryview(data).cast("B")
        self.at = 0

    def readable(self) -> bool:
        return True

    def readinto(self, target: bytearray | memoryview) -> int:  # type: ignore[override]
        size = min(len(target), len(self.view) - self.at)
        memoryview(target)[:size] = self.view[self.at : self.at + size]
        self.at += size
        return size


def _encoding(head: bytes, source: str | None, errors: Errors) -> tuple[str, float, tuple[Diagnostic, ...]]:
    """Choose the codec from the first bytes: a BOM, strict UTF-8, else :func:`bulletins.decode.decode`'s detection."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", 1.0, ()
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", 1.0, ()
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8", 1.0, ()
    except UnicodeDecodeError:
        pass
    cut = head.rfind(b"\n")
    decoded = decode(head[: cut if cut > 0 else len(head)], source=source, errors=errors)
    return decoded.encoding, decoded.confidence, decoded.diagnostics


def _bad_offset(view: bytes | memoryview, encoding: str) -> int:
    """The exact offset of the first byte *encoding* cannot decode (the stream only knows its chunk)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    at = 0
    while at < len(view):
        chunk = bytes(view[at : at + (1 << 20)])
        try:
            decoder.decode(chunk, final=at + len(chunk) >= len(view))
        except UnicodeDecodeError as exc:
            return at + exc.start - len(decoder.getstate()[0])
        at += len(chunk)
    return at


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "\n".join(value)  # a text held as a list of paragraphs
    return json.dumps(value, ensure_ascii=False)


class RecordsReader:
    """Datasets (CSV, TSV, JSON Lines, JSON arrays): each row's text is one document."""

    name: ClassVar[str] = "records"
    # Not .json: a .json file is a dataset only when it holds an array of objects, told by content.
    suffixes: ClassVar[tuple[str, ...]] = (".csv", ".tsv", ".tab", ".jsonl", ".ndjson")
    streams: ClassVar[bool] = True
    """Reads a ``memoryview`` (of an ``mmap``) without copying it: see :func:`bulletins.parse_many`."""

    def __init__(
        self,
        *,
        format: str = "auto",
        text_column: str | None = None,
        title_column: str | None = None,
        date_column: str | None = None,
        url_column: str | None = None,
        source_column: str | None = None,
        delimiter: str | None = None,
    ) -> None:
        """Configure the format and columns; columns not named are found by their usual names.

        Args:
            format: ``auto`` (sniffed), ``csv``, ``tsv``, ``jsonl`` or ``json`` (an array of objects).
            text_column: Column (or JSON key) holding the text (default: the first of ``text``,
                ``content``, ``body``, ``正文``, ``内容`` … that is not empty in the row).
            title_column: Column holding the title (default ``title``, ``标题`` …), put above the
                text as its first line, so it becomes the headline.
            date_column: Column holding the date (default ``date``, ``日期``, ``pubDate``,
                ``time``, ``发布时间`` …), recorded as ``date`` (and ``date_iso``) in the metadata.
            url_column: Column holding the page address (default ``url``, ``link``, ``链接`` …).
            source_column: Column naming the publisher (default ``source``, ``来源`` …).
            delimiter: CSV field separator, when it is neither ``,`` nor a tab.

        Raises:
            ValueError: An unknown format, or a delimiter that is not one character.
        """
        if format not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
        if delimiter is not None and len(delimiter) != 1:
            raise ValueError(f"delimiter must be one character, not {delimiter!r}")
        self.format = format
        self.delimiter = delimiter
        self.named = {
            role: column
            for role, column in zip(
                _ROLES, (text_column, title_column, date_column, url_column, source_column), strict=True
            )
            if column
        }

    def sniff(self, data: bytes) -> bool:
        """Claim JSON Lines and JSON arrays of objects by content; CSV only by its suffix."""
        return _JSON_ROWS.match(data[:256]) is not None

    # -- rows -------------------------------------------------------------------------------

    def _kind(self, head: str, source: str | None) -> str:
        """The format, from the option, else the first character, else the suffix."""
        if self.format != "auto":
            return self.format
        first = head.lstrip("\ufeff \t\r\n")[:1]
        if first == "[":
            return "json"
        if first == "{":
            return "jsonl"
        suffix = PurePath(source).suffix.lower() if source else ""
        if suffix in {".jsonl", ".ndjson", ".json"}:  # not JSON after all: say so, do not read it as CSV
            return "json" if suffix == ".json" else "jsonl"
        return "tsv" if suffix in {".tsv", ".tab"} else "csv"

    def _rows(
        self, text: io.TextIOWrapper, kind: str, head: str, source: str | None
    ) -> Iterator[tuple[int, dict[str, object]]]:
        if kind == "jsonl":
            yield from self._jsonl(text, source)
        elif kind == "json":
            yield from self._json_array(text, source)
        else:
            yield from self._csv(text, kind, head, source)

    def _jsonl(self, text: io.TextIOWrapper, source: str | None) -> Iterator[tuple[int, dict[str, object]]]:
        number = 0
        for line_no, line in enumerate(text, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError as exc:
                if number == 0 and line.strip() == "{":
                    # { alone on the first line: one JSON object printed over several lines (an article a file),
                    # or several one after another (our own stdout for a dataset): read them as JSON, not by line.
                    yield from self._json_objects(line + text.read(), source)
                    return
                raise ReadError(f"line {line_no}: not a JSON object ({exc})", source=source) from exc
            if not isinstance(row, dict):
                raise ReadError(f"line {line_no}: expected a JSON object, got {type(row).__name__}", source=source)
            number += 1
            yield number, row

    def _json_objects(self, text: str, source: str | None) -> Iterator[tuple[int, dict[str, object]]]:
        """JSON objects printed over several lines, one after another (white space between them)."""
        decoder = json.JSONDecoder()
        at, number = 0, 0
        while True:
            while at < len(text) and text[at] in " \t\r\n":
                at += 1
            if at >= len(text):
                return
            try:
                row, at = decoder.raw_decode(text, at)
            except ValueError as exc:
                line = text.count("\n", 0, at) + 1
                raise ReadError(f"line {line}: not a JSON object ({exc})", source=source) from exc
            if not isinstance(row, dict):
                line = text.count("\n", 0, at) + 1
                raise ReadError(f"line {line}: expected a JSON object, got {type(row).__name__}", source=source)
            number += 1
            yield number, row

    def _json_array(self, text: io.TextIOWrapper, source: str | None) -> Iterator[tuple[int, dict[str, object]]]:
        """Objects of a top-level JSON array, decoded one at a time from a sliding buffer."""
        decoder = json.JSONDecoder()
        buffer = text.read(_CHUNK).lstrip("\ufeff \t\r\n")
        if not buffer.startswith("["):
            raise ReadError("not a JSON array", source=source)
        at, number, done = 1, 0, False
        while True:
            while True:  # skip white space and the comma between items
                while at < len(buffer) and buffer[at] in " \t\r\n,":
                    at += 1
                if at < len(buffer) or done:
                    break
                more = text.read(_CHUNK)
                done = not more
                buffer, at = buffer[at:] + more, 0
            if at >= len(buffer):
                raise ReadError(f"the JSON array is not closed after item {number}", source=source)
            if buffer[at] == "]":
                return
            try:
                row, end = decoder.raw_decode(buffer, at)
            except ValueError as exc:
                if done:
                    raise ReadError(f"item {number + 1} of the JSON array: {exc}", source=source) from exc
                more = text.read(max(_CHUNK, len(buffer)))  # the item runs past the buffer: read on
                done = not more
                buffer, at = buffer[at:] + more, 0
                continue
            if not isinstance(row, dict):
                raise ReadError(
                    f"item {number + 1} of the JSON array is a {type(row).__name__}, not an object", source=source
                )
            number += 1
            yield number, row
            buffer, at = buffer[end:], 0
            if len(buffer) < _CHUNK and not done:
                more = text.read(_CHUNK)
                done = not more
                buffer += more

    def _csv(
        self, text: io.TextIOWrapper, kind: str, head: str, source: str | None
    ) -> Iterator[tuple[int, dict[str, object]]]:
        delimiter = self.delimiter or ("\t" if kind == "tsv" else None)
        if delimiter is None:
            header = head.split("\n", 1)[0]
            delimiter = "\t" if header.count("\t") > header.count(",") else ","
        # A news body can be longer than csv's default 128 KiB field limit.
        csv.field_size_limit(max(csv.field_size_limit(), 1 << 30))
        reader = csv.DictReader(text, delimiter=delimiter)
        try:
            for number, row in enumerate(reader, 1):
                extra = row.pop(None, None)
                if extra:
                    raise ReadError(
                        f"row {number} (line {reader.line_num}): {len(reader.fieldnames or ())} columns in the"
                        f" header but more in the row",
                        source=source,
                    )
                yield number, dict(row)
        except csv.Error as exc:
            raise ReadError(f"line {reader.line_num}: bad CSV ({exc})", source=source) from exc

    # -- columns ----------------------------------------------------------------------------

    def _columns(self, row: Mapping[str, object], number: int, source: str | None) -> dict[str, tuple[str, ...]]:
        """For each role, the row's columns that may hold it, best first."""
        by_key: dict[str, str] = {}
        for column in row:
            by_key.setdefault(_key(str(column)), str(column))
        found: dict[str, tuple[str, ...]] = {}
        for role in _ROLES:
            if role in self.named:
                column = self.named[role]
                if column not in row:
                    raise ReadError(
                        f"row {number}: no column {column!r} (columns: {', '.join(map(str, row))})", source=source
                    )
                found[role] = (column,)
            else:
                found[role] = tuple(by_key[k] for k in map(_key, COLUMNS[role]) if k in by_key)
        taken = {c for role in ("title", "date", "url", "source") for c in found[role][:1]}
        found["text"] = tuple(c for c in found["text"] if c not in taken or "text" in self.named)
        return found

    def _reading(
        self, number: int, row: Mapping[str, object], columns: Mapping[str, Sequence[str]], encoding: tuple[str, float]
    ) -> Reading:
        def first(role: str) -> tuple[str, str] | None:
            for column in columns[role]:
                value = _cell(row.get(column)).strip()
                if value:
                    return column, value
            return None

        lines: list[Line] = []
        diagnostics: list[Diagnostic] = []
        text = first("text")
        if text is not None:
            column, value = text
            origin = f"row {number} column {column}"
            lines = [
                Line(text=part, origin=origin, hints=_PLAIN)
                for part in value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            ]
        metadata = [MetaField(name="row", value=str(number))]
        title = first("title")
        if title is not None:
            column, value = title
            metadata.append(MetaField(name="title", value=value))
            opening = next((line.text.strip() for line in lines if line.text.strip()), "")
            if _key(opening) != _key(value):  # a body that opens with its title keeps one copy
                lines.insert(0, Line(text=value, origin=f"row {number} column {column}", hints=_TITLE))
        for role in ("date", "url", "source"):
            found = first(role)
            if found is None:
                continue
            metadata.append(MetaField(name=role, value=found[1]))
            if role == "date" and (iso := iso_date(found[1])) is not None:
                metadata.append(MetaField(name="date_iso", value=iso))
        if text is None:
            wanted = self.named.get("text") or "text, content, body, 正文, 内容 …"
            diagnostics.append(
                Diagnostic(
                    level="warning" if title is None else "info",
                    code="no-text-column",
                    message=f"row {number}: no text in a column named {wanted}"
                    + ("; the document is the title alone" if title is not None else ""),
                )
            )
        return Reading(
            format=self.name,
            lines=tuple(lines),
            encoding=encoding[0],
            confidence=encoding[1],
            metadata=tuple(metadata),
            diagnostics=tuple(diagnostics),
            label=f"row{number}",
        )

    def read(
        self, data: bytes | memoryview, *, source: str | None = None, errors: Errors = "strict"
    ) -> Iterator[Reading]:
        """Yield one document per row, reading the input as a stream.

        Raises:
            ReadError: The dataset is malformed (the message names the line, row or item), or a
                column named by an option is missing.
            DecodeError: The bytes are not text in the codec their start shows.
        """
        view = memoryview(data).cast("B") if not isinstance(data, bytes) else data
        prefix = bytes(view[: 1 << 20])
        encoding, confidence, found = _encoding(prefix, source, errors)
        head = codecs.getincrementaldecoder(encoding)(errors="replace").decode(prefix[:_CHUNK])
        text = io.TextIOWrapper(
            io.BufferedReader(_View(view), buffer_size=1 << 16),
            encoding=encoding,
            errors="strict" if errors == "strict" else "replace",
            newline="",
        )
        columns: dict[str, tuple[str, ...]] | None = None
        keys: tuple[str, ...] = ()
        number = 0
        try:
            kind = self._kind(head, source)
            for number, row in self._rows(text, kind, head, source):
                if columns is None or tuple(row) != keys:  # JSON rows may differ in their keys
                    keys = tuple(row)
                    columns = self._columns(row, number, source)
                reading = self._reading(number, row, columns, (encoding.removesuffix("-sig"), confidence))
                if number == 1 and found:  # how the codec was detected: said once, on the first row
                    reading = attrs.evolve(reading, diagnostics=(*found, *reading.diagnostics))
                yield reading
        except UnicodeDecodeError as exc:
            offset = _bad_offset(view, encoding)
            raise DecodeError(
                f"byte offset {offset} (after row {number}): not valid {encoding}, the codec the file's start"
                f" is in ({exc.reason}); pass errors='replace' to substitute U+FFFD",
                source=source,
                offset=offset,
            ) from exc
        if number == 0:
            raise ReadError("the dataset holds no rows", source=source)
