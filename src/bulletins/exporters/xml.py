"""XML exporter: our own vocabulary mirroring the model, valid against the shipped RelaxNG schema.

The mapping is generated from the model (:mod:`bulletins._xmlmap`), and so is the schema shipped
as ``bulletins/schemas/bulletins.rng``. Characters illegal in XML 1.0 are replaced with U+FFFD
and reported in an extra ``<diagnostic code="xml-illegal-character">``.
"""

from __future__ import annotations

from typing import Any, ClassVar

import attrs

from .._attrs_util import fields_of
from .._xmlmap import BLOCKS, ITEM_NAMES, NAMESPACE, hints, kind_of, unwrap_optional, xml_name
from .._xmltext import Sanitizer
from ..model import Diagnostic, Document


class XmlExporter:
    """The whole document in bulletins' own XML vocabulary (namespace ``urn:bulletins:xml:1``)."""

    name: ClassVar[str] = "xml"
    suffix: ClassVar[str] = ".xml"

    def __init__(self, *, indent: bool = True) -> None:
        """Configure the output.

        Args:
            indent: Put each element on its own line (character content is never re-indented).
        """
        self.indent = indent

    def export(self, document: Document) -> str:
        """Return *document* as XML text."""
        sanitizer = Sanitizer()
        body = _Writer(sanitizer, self.indent).element("document", document, 0, root=True)
        if sanitizer.replaced:
            note = Diagnostic(
                level="warning",
                code="xml-illegal-character",
                message=f"{sanitizer.replaced} character(s) illegal in XML 1.0 replaced with U+FFFD",
            )
            document = attrs.evolve(document, diagnostics=(*document.diagnostics, note))
            body = _Writer(Sanitizer(), self.indent).element("document", document, 0, root=True)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


class _Writer:
    def __init__(self, sanitizer: Sanitizer, indent: bool) -> None:
        self.s = sanitizer
        self.indent = indent

    def _pad(self, depth: int) -> str:
        return "\n" + "  " * depth if self.indent else ""

    def element(self, name: str, obj: Any, depth: int, *, root: bool = False) -> str:
        cls: type = type(obj)
        attrs_out: list[str] = [f' xmlns="{NAMESPACE}"'] if root else []
        children: list[str] = []
        text: str | None = None
        for field in fields_of(obj):
            if name in BLOCKS and field.name == "type":
                continue
            value = getattr(obj, field.name)
            if value is None:
                continue
            inner, _ = unwrap_optional(hints(cls)[field.name])
            kind = kind_of(inner)
            xname = xml_name(field.name)
            if field.name == "text" and kind == "scalar":
                text = value
            elif kind == "scalar":
                attrs_out.append(f' {xname}="{self.s.attr(_scalar(value))}"')
            elif kind == "ints":
                attrs_out.append(f' {xname}="{" ".join(str(v) for v in value)}"')
            elif kind == "object":
                children.append(self.element(xname, value, depth + 1))
            elif not value:
                continue
            elif kind == "objects":
                item = ITEM_NAMES.get(field.name, xname)
                items = "".join(self._pad(depth + 2) + self.element(item, v, depth + 2) for v in value)
                children.append(f"<{xname}>{items}{self._pad(depth + 1)}</{xname}>")
            elif kind == "blocks":
                items = "".join(self._pad(depth + 2) + self.element(v.type, v, depth + 2) for v in value)
                children.append(f"<{xname}>{items}{self._pad(depth + 1)}</{xname}>")
            else:  # strings
                items = "".join(
                    '<item absent="true"/>' if v is None else f"<item>{self.s.text(v)}</item>" for v in value
                )
                children.append(f"<{xname}>{items}</{xname}>")
        head = f"<{name}{''.join(attrs_out)}"
        if text is not None:  # mixed content: no indentation may be added to the text
            content = self.s.text(text) + "".join(children)
            return f"{head}>{content}</{name}>" if content else head + "/>"
        content = "".join(self._pad(depth + 1) + child for child in children)
        if not content:
            return head + "/>"
        closing = self._pad(depth) if children else ""
        return f"{head}>{content}{closing}</{name}>"


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)
