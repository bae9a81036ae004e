"""A generic plugin registry over entry points, with runtime registration for tests and notebooks.

Built-in plugins are declared in our own ``pyproject.toml`` under the same entry-point
groups a third party uses (as pybtex does), so there is one way in.

Adding a built-in exporter touches: ``[project.entry-points."bulletins.exporters"]`` in
pyproject.toml, a module under ``bulletins/exporters/``, docs/plugins.md, and a golden
test in tests/test_exporters.py.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Mapping
from importlib.metadata import EntryPoint
from importlib.metadata import entry_points as _scan

from .errors import BulletinsError, PluginConflictError, UnknownPluginError

_RUNTIME: dict[str, dict[str, object]] = {}


@functools.cache
def entry_points(group: str) -> tuple[EntryPoint, ...]:
    """Return the installed entry points of *group* (scanned once per process; see :func:`refresh`)."""
    return tuple(_scan(group=group))


_LOADED: dict[tuple[str, str], tuple[tuple[EntryPoint, ...], object]] = {}
"""(group, name) → the entry points it was found among and the object it loaded: each installed
plugin is imported once per scan (the readers are looked up for every file parsed)."""


def refresh() -> None:
    """Forget the installed plugins seen so far (after installing one into a running process)."""
    entry_points.cache_clear()
    _LOADED.clear()


def register(group: str, name: str, obj: object, *, replace: bool = False) -> None:
    """Register *obj* under *name* in *group* for this process.

    Raises:
        PluginConflictError: *name* is already taken in *group* and *replace* is False.
    """
    if not replace and name in names(group):
        raise PluginConflictError(f"{group}: a plugin named {name!r} is already registered")
    _RUNTIME.setdefault(group, {})[name] = obj


def unregister(group: str, name: str) -> None:
    """Remove a plugin registered with :func:`register` (no effect on installed ones)."""
    _RUNTIME.get(group, {}).pop(name, None)


def _installed(group: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for ep in entry_points(group=group):
        if ep.name in found and found[ep.name] != ep.value:
            raise PluginConflictError(
                f"{group}: two installed plugins are named {ep.name!r} ({found[ep.name]} and {ep.value}); uninstall one"
            )
        found[ep.name] = ep.value
    return found


def names(group: str) -> list[str]:
    """Return the sorted names of the plugins in *group* (installed and registered)."""
    return sorted(set(_installed(group)) | set(_RUNTIME.get(group, {})))


def load(group: str, name: str) -> object:
    """Return the plugin object registered as *name* in *group*.

    Raises:
        UnknownPluginError: No such plugin; the message lists the available names.
        PluginConflictError: Two installed plugins share *name*.
    """
    runtime = _RUNTIME.get(group, {})
    if name in runtime:
        return runtime[name]
    found = entry_points(group=group)
    loaded = _LOADED.get((group, name))
    if loaded is not None and loaded[0] is found:  # the same scan: the same object
        return loaded[1]
    for ep in found:
        if ep.name == name:
            _installed(group)  # raises on a name conflict
            obj = ep.load()
            _LOADED[(group, name)] = (found, obj)
            return obj
    available = ", ".join(names(group)) or "none installed"
    kind = group.rpartition(".")[2].rstrip("s")
    raise UnknownPluginError(f"unknown {kind} {name!r} (available: {available})")


def _option_names(factory: object) -> list[str] | None:
    """The keyword options *factory* takes, or None when it takes any (``**kwargs``) or says nothing."""
    try:
        parameters = inspect.signature(factory).parameters  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()):
        return None
    return [n for n, p in parameters.items() if p.kind in (p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD) and n != "self"]


def instantiate(
    group: str,
    name: object,
    options: Mapping[str, object],
    *,
    protocol: type,
    error: type[BulletinsError],
    needs: str,
    option_errors: tuple[type[Exception], ...] = (TypeError,),
) -> object:
    """Return a plugin instance for *name*: a plugin name in *group*, a class, or an instance.

    The one recipe behind ``get_exporter`` and ``get_reader``: load by name, build with the
    constructor keywords *options*, check the instance against the *protocol*.

    Raises:
        UnknownPluginError: No plugin of *group* has that name.
        BulletinsError: *error*, when the options are refused or the object is not a plugin of
            the kind (*needs* says what it lacks).
    """
    kind = group.rpartition(".")[2].rstrip("s")
    article = "an" if kind[0] in "aeiou" else "a"
    if isinstance(name, str):
        factory: object = load(group, name)
    elif isinstance(name, type):
        factory = name
    else:
        if options:
            raise error(f"options can only be given with {article} {kind} name or class")
        return name
    try:
        instance = factory(**options)  # type: ignore[operator]
    except option_errors as exc:
        accepted = _option_names(factory)
        unknown = sorted(set(options) - set(accepted)) if accepted is not None else []
        if unknown:  # PdfReader.__init__() got an unexpected keyword argument 'foo': say it as a user would
            known = ", ".join(accepted or ()) or "none"
            detail = f"unknown option{'s' if len(unknown) > 1 else ''} {', '.join(unknown)} (it takes: {known})"
        else:
            detail = str(exc)
        raise error(f"{kind} {getattr(factory, 'name', name)!r}: bad options: {detail}") from exc
    if not isinstance(instance, protocol):
        raise error(f"plugin {name!r} is not {article} {kind} (it needs {needs})")
    return instance
