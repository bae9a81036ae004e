"""One converter between model objects and plain JSON values (dicts, lists, scalars).

``unstructure`` writes every field, in declaration order; ``structure`` reads them back
exactly, checking types, so that ``structure(Document, unstructure(doc)) == doc``. Body
blocks are told apart by their ``type`` field.
"""

from __future__ import annotations

import functools
import types
import typing
from typing import Any, Literal, TypeVar, Union, get_args, get_origin

import attrs

from .errors import LoadError
from .model import Caption, Paragraph, Point, Subhead, Table

_T = TypeVar("_T")
_BLOCKS: dict[str, type] = {
    "paragraph": Paragraph,
    "point": Point,
    "subhead": Subhead,
    "caption": Caption,
    "table": Table,
}


@functools.cache
def _names(cls: type) -> tuple[str, ...] | None:
    """Field names of an attrs class in declaration order, None for anything else (cached)."""
    return tuple(a.name for a in attrs.fields(cls)) if attrs.has(cls) else None


def unstructure(value: object) -> Any:
    """Return *value* as JSON-ready dicts, lists and scalars."""
    if value is None or isinstance(value, str | int | float):
        return value
    if isinstance(value, tuple | list):
        return [unstructure(item) for item in value]
    cls: type = type(value)
    names = _names(cls)
    if names is None:
        return value
    return {name: unstructure(getattr(value, name)) for name in names}


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def structure(cls: type[_T], data: Any, path: str = "$") -> _T:
    """Build an instance of attrs class *cls* from JSON data.

    Raises:
        LoadError: *data* does not have the shape of *cls* (the message gives the JSON path).
    """
    return typing.cast("_T", _structure(cls, data, path))


def _structure(hint: Any, data: Any, path: str) -> Any:
    origin = get_origin(hint)
    if hint is Any:
        return data
    if origin in (Union, types.UnionType):
        options = get_args(hint)
        if data is None:
            if type(None) in options:
                return None
            raise LoadError(f"{path}: null is not allowed here")
        concrete = [o for o in options if o is not type(None)]
        if len(concrete) == 1:
            return _structure(concrete[0], data, path)
        if all(o in _BLOCKS.values() for o in concrete):
            if not isinstance(data, dict) or data.get("type") not in _BLOCKS:
                raise LoadError(f"{path}: expected a block with type in {sorted(_BLOCKS)}")
            return _structure(_BLOCKS[data["type"]], data, path)
        raise LoadError(f"{path}: cannot decide between {concrete}")  # pragma: no cover
    if origin is Literal:
        if data not in get_args(hint):
            raise LoadError(f"{path}: {data!r} is not one of {list(get_args(hint))}")
        return data
    if origin is tuple:
        if not isinstance(data, list):
            raise LoadError(f"{path}: expected a list, got {type(data).__name__}")
        args = get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_structure(args[0], item, f"{path}[{i}]") for i, item in enumerate(data))
        if len(args) != len(data):
            raise LoadError(f"{path}: expected {len(args)} items, got {len(data)}")
        return tuple(_structure(a, item, f"{path}[{i}]") for i, (a, item) in enumerate(zip(args, data, strict=True)))
    if isinstance(hint, type) and attrs.has(hint):
        if not isinstance(data, dict):
            raise LoadError(f"{path}: expected an object, got {type(data).__name__}")
        hints = _hints(hint)
        names = {a.name for a in attrs.fields(hint)}
        unknown = sorted(set(data) - names)
        if unknown:
            raise LoadError(f"{path}: unknown field(s) {', '.join(unknown)} for {hint.__name__}")
        kwargs = {name: _structure(hints[name], data[name], f"{path}.{name}") for name in names if name in data}
        try:
            return hint(**kwargs)
        except (TypeError, ValueError) as exc:
            raise LoadError(f"{path}: {exc}") from exc
    if hint is float:
        if isinstance(data, int | float) and not isinstance(data, bool):
            return float(data)
        raise LoadError(f"{path}: expected a number, got {data!r}")
    if hint in (int, str, bool):
        if type(data) is not hint:
            raise LoadError(f"{path}: expected {hint.__name__}, got {data!r}")
        return data
    raise LoadError(f"{path}: unsupported type {hint!r}")  # pragma: no cover
