"""Decode input bytes to text: BOMs, strict UTF-8 first, then chardet on a bounded prefix.

GB2312/GBK verdicts decode as GB18030 (a superset that also covers the characters GBK
lacks) and Big5 verdicts as Big5-HKSCS (a superset used by Hong Kong government sites).
Undecodable bytes are a :class:`~bulletins.errors.DecodeError` naming the byte offset,
unless ``errors="replace"``, in which case each replacement becomes a diagnostic.
Input that is not text (NUL bytes, control-character soup) is an error, never a document.
"""

from __future__ import annotations

import codecs
import contextvars
import re
from typing import Literal

import chardet
from attrs import frozen

from .errors import DecodeError
from .model import Diagnostic

DETECT_PREFIX = 64 * 1024
"""How many leading bytes chardet sees; detection is the slow part of decoding."""

MAX_LISTED = 100
"""Replacements listed one by one in the diagnostics; the rest are counted in one more."""

MIN_CONFIDENCE = 0.2
"""Below this chardet confidence the bytes are reported as not text rather than guessed."""

Errors = Literal["strict", "replace"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 before UTF-16: the UTF-32-LE BOM starts with the UTF-16-LE one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Verdicts we widen to a superset codec (DESIGN §2).
_WIDEN = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "hz": "gb18030",
    "big5": "big5hkscs",
    "cp950": "big5hkscs",
    "ascii": "utf-8",
}

# C0/C1 controls other than tab, newline, carriage return and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL_SHARE = 0.005

_replaced: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar("bulletins_replaced", default=None)


def _count_and_replace(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):  # pragma: no cover - registered for decoding only
        raise exc
    sink = _replaced.get()
    if sink is not None:
        sink.append(exc.start)
    return "\ufffd", exc.end


codecs.register_error("bulletins-replace", _count_and_replace)


@frozen(kw_only=True)
class Decoded:
    """Text decoded from bytes, with the verdict that produced it."""

    text: str
    """The decoded text, BOM removed."""
    encoding: str
    """Python codec name used."""
    confidence: float
    """1.0 for a BOM or strict UTF-8, otherwise chardet's confidence."""
    diagnostics: tuple[Diagnostic, ...] = ()
    """One diagnostic per replaced byte sequence when ``errors="replace"``."""


def decode(data: bytes, *, source: str | None = None, errors: Errors = "strict") -> Decoded:
    """Decode *data* to text.

    Args:
        data: The raw input.
        source: Name used in error messages.
        errors: ``"strict"`` raises on undecodable bytes; ``"replace"`` substitutes
            U+FFFD and reports each replacement in the diagnostics.

    Returns:
        The text and the encoding verdict.

    Raises:
        DecodeError: The bytes are not text, or not valid in the detected encoding.
    """
    if errors not in ("strict", "replace"):
        raise ValueError(f"errors must be 'strict' or 'replace', not {errors!r}")
    if not data:
        return Decoded(text="", encoding="utf-8", confidence=1.0)

    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _after_bom(data, bom, codec, source, errors)

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error: UnicodeDecodeError | None = exc
    else:
        _check_text(text, source)
        return Decoded(text=text, encoding="utf-8", confidence=1.0)

    assert utf8_error is not None
    if _mostly_utf8(data):
        # UTF-8 with a few damaged bytes: report them rather than guess a legacy encoding
        # that would turn the whole file into mojibake.
        return _finish(data, "utf-8", "utf-8", 1.0, source, errors, offset=0, why="the rest of the file is UTF-8")
    at = utf8_error.start
    utf8_before = at > 0 and any(b >= 0x80 for b in data[:at])
    verdict = chardet.detect(data[:DETECT_PREFIX])
    detected: str | None = verdict.get("encoding")
    confidence = float(verdict.get("confidence") or 0.0)
    if not detected or confidence < MIN_CONFIDENCE:
        if utf8_before:
            # 会议指出… in UTF-8, then bytes in another encoding: a file of mixed encodings.
            if errors == "replace":
                return _finish(data, "utf-8", "utf-8", 1.0, source, errors, offset=0)
            raise DecodeError(
                f"byte offset {at}: not valid UTF-8, though the {at} bytes before it are"
                " (a file of mixed encodings?); pass errors='replace' (--errors replace on the command line)"
                " to keep the UTF-8 text",
                source=source,
                offset=at,
            )
        guess = f"; best guess {detected} with confidence {confidence:.2f}" if detected else ""
        raise DecodeError(
            f"not text: no encoding fits (invalid UTF-8 at byte offset {at}{guess})", source=source, offset=at
        )
    try:
        codec = codecs.lookup(detected).name
    except LookupError:
        raise DecodeError(f"detected encoding {detected!r} is not supported by Python", source=source) from None
    codec = _WIDEN.get(codec, codec)
    if codec.startswith("utf-8"):
        codec = "utf-8"
    return _finish(data, codec, codec, confidence, source, errors, offset=0)


def _after_bom(data: bytes, bom: bytes, codec: str, source: str | None, errors: Errors) -> Decoded:
    """Decode after a byte-order mark; a BOM that does not fit the bytes is ignored, with a warning."""
    rest = data[len(bom) :]
    name = "utf-8-sig" if codec == "utf-8" else codec
    lies = codec != "utf-8" and b"\x00" not in rest and _is_utf8(rest)  # UTF-16 text of this length has NULs
    if not lies:
        try:
            return _finish(rest, codec, name, 1.0, source, "strict", offset=len(bom))
        except DecodeError:
            pass
    try:
        decoded = decode(rest, source=source, errors=errors)
    except DecodeError as exc:
        raise DecodeError(
            f"the byte-order mark says {codec}, but the bytes are not {codec}, nor text in another"
            f" encoding ({exc.detail})",
            source=source,
            offset=exc.offset,
        ) from exc
    warning = Diagnostic(
        level="warning",
        code="bom-mismatch",
        line=1,
        message=f"the byte-order mark says {codec} but the text is {decoded.encoding}; the mark was ignored",
    )
    return Decoded(
        text=decoded.text,
        encoding=decoded.encoding,
        confidence=decoded.confidence,
        diagnostics=(warning, *decoded.diagnostics),
    )


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _finish(
    data: bytes,
    codec: str,
    name: str,
    confidence: float,
    source: str | None,
    errors: Errors,
    *,
    offset: int,
    why: str | None = None,
) -> Decoded:
    if errors == "replace":
        sink: list[int] = []
        token = _replaced.set(sink)
        try:
            text = data.decode(codec, errors="bulletins-replace")
        finally:
            _replaced.reset(token)
        _check_text(text, source)
        diagnostics = [
            Diagnostic(
                level="warning",
                code="replaced-bytes",
                line=line,
                message=f"undecodable bytes at offset {at + offset} replaced with U+FFFD",
            )
            for at, line in zip(sink[:MAX_LISTED], _lines_of(data, codec, sink[:MAX_LISTED]), strict=True)
        ]
        if len(sink) > MAX_LISTED:
            diagnostics.append(
                Diagnostic(
                    level="warning",
                    code="replaced-bytes",
                    message=f"{len(sink)} undecodable byte sequences replaced in all"
                    f" ({len(sink) - MAX_LISTED} not listed)",
                )
            )
        return Decoded(text=text, encoding=name, confidence=confidence, diagnostics=tuple(diagnostics))
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 4].hex(" ")
        raise DecodeError(
            f"byte offset {exc.start + offset}: bytes {bad} are not valid {codec}"
            f" ({why or f'encoding detected with confidence {confidence:.2f}'});"
            " pass errors='replace' (--errors replace on the command line) to substitute U+FFFD",
            source=source,
            offset=exc.start + offset,
        ) from exc
    _check_text(text, source)
    return Decoded(text=text, encoding=name, confidence=confidence)


def _mostly_utf8(data: bytes) -> bool:
    """Return True when *data* is UTF-8 with rare damage (≤ 1 bad sequence per 50 characters)."""
    sample = data[:DETECT_PREFIX].decode("utf-8", errors="replace")
    bad = sample.count("\ufffd")
    multibyte = sum(1 for ch in sample if ord(ch) > 0x7F) - bad
    return multibyte > 0 and bad * 50 <= multibyte


def _lines_of(data: bytes, codec: str, offsets: list[int]) -> list[int]:
    """Return the 1-based line of each (ascending) byte offset, in one pass over *data*."""
    wide = codec.startswith(("utf-16", "utf-32"))
    lines: list[int] = []
    line, previous = 1, 0
    for at in offsets:
        chunk = data[previous:at]
        # In UTF-8, GB18030 and Big5 the byte 0x0A is always a newline; wide codecs decode.
        line += chunk.decode(codec, errors="replace").count("\n") if wide else chunk.count(b"\n")
        lines.append(line)
        previous = at
    return lines


def _check_text(text: str, source: str | None) -> None:
    """Refuse decoded "text" that is really binary: NUL characters or many controls."""
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        raise DecodeError(f"not text: NUL character on line {line} (is this a binary file?)", source=source)
    controls = len(_CONTROL.findall(text))
    if controls > max(8, _MAX_CONTROL_SHARE * len(text)):
        raise DecodeError(
            f"not text: {controls} control characters in {len(text)} (is this a binary file?)",
            source=source,
        )
