"""Small typed helpers over attrs for code that walks any model object."""

from __future__ import annotations

from typing import Any, cast

import attrs


def fields_of(value: object) -> tuple[attrs.Attribute[Any], ...]:
    """Return the attrs fields of *value*'s class (which must be an attrs class)."""
    return cast("tuple[attrs.Attribute[Any], ...]", attrs.fields(cast("Any", type(value))))
