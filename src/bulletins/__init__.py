"""bulletins: structured records from the raw text of Chinese official notices.

Module map (read → parse → transform → write, as in docutils):

- :mod:`bulletins.readers` — reader plugins: bytes → numbered lines with provenance and layout
  hints (text, html, markdown, docx); :mod:`bulletins.lexing.hints` turns hints into lexer decisions
- :mod:`bulletins.decode` — bytes → text (BOMs, strict UTF-8, chardet, GB18030/Big5-HKSCS)
- :mod:`bulletins.cleaners` — artefact cleaners (bookmarks, ruby pinyin, punctuation, spaces)
- :mod:`bulletins.script` — Traditional/Simplified detection, matching shadow, conversion
- :mod:`bulletins.lexing` — one token per line: the raw-kind pass (:mod:`bulletins.lexing.kinds`),
  layout hints, then the context rules (:mod:`bulletins.lexing.ruler` runs the concern modules of
  :mod:`bulletins.lexing.rules` in a declared order; :func:`explain` says which rule decided each line)
- ``grammars/bulletin.lark`` — the grammar: the readable specification of a notice
- :mod:`bulletins.grammar` — the LALR parser, built once
- :mod:`bulletins.build` — grammar rules → model objects
- :mod:`bulletins.analyze` — in-paragraph analysers: dates, datelines, markers, headlines,
  enumerations, attendees, genres, years
- :mod:`bulletins.model` — the frozen document model (JSON contract ``bulletins/1``)
- :mod:`bulletins.pipeline` — :func:`parse` and :func:`parse_file`
- :mod:`bulletins.plugins`, :mod:`bulletins.exporters` — exporter plugins (json, jsonl, xml, tei,
  html review pages, the attendance table: :func:`attendance`, retrieval chunks: :func:`chunks`,
  the corpus database: ``--to sqlite``)
- :mod:`bulletins.validate` — TEI against tei_all, our XML against our schema
- :mod:`bulletins.batch` — many files in a process pool, in order, streamed
- :mod:`bulletins.dask` — the same on Dask (optional extra ``dask``)
- :mod:`bulletins.cli` — the ``bulletins`` command
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .cleaners import DEFAULT_CLEANERS
from .errors import (
    BulletinsError,
    DecodeError,
    ExportError,
    LoadError,
    ParseError,
    PluginConflictError,
    ReadError,
    UnknownPluginError,
)
from .exporters import (
    Exporter,
    available_exporters,
    export,
    get_exporter,
    register_exporter,
)
from .exporters.attendance import attendance
from .exporters.chunks import chunks
from .exporters.json import loads
from .model import SCHEMA, Bulletin, Document
from .pipeline import explain, parse, parse_file, parse_many
from .readers import Reader, available_readers, get_reader, register_reader

try:
    __version__ = version("bulletins")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"

__all__ = [
    "DEFAULT_CLEANERS",
    "SCHEMA",
    "Bulletin",
    "BulletinsError",
    "DecodeError",
    "Document",
    "ExportError",
    "Exporter",
    "LoadError",
    "ParseError",
    "PluginConflictError",
    "ReadError",
    "Reader",
    "UnknownPluginError",
    "__version__",
    "attendance",
    "available_exporters",
    "available_readers",
    "chunks",
    "explain",
    "export",
    "get_exporter",
    "get_reader",
    "loads",
    "parse",
    "parse_file",
    "parse_many",
    "register_exporter",
    "register_reader",
]
