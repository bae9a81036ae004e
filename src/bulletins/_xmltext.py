"""XML text helpers shared by the XML and TEI exporters: escaping and XML 1.0 legality."""

from __future__ import annotations

import re

# Characters XML 1.0 forbids (§2.2): C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ATTR_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
)


class Sanitizer:
    """Replace characters illegal in XML 1.0 with U+FFFD and count them."""

    def __init__(self) -> None:
        """Start with no replacement counted."""
        self.replaced = 0

    def _clean(self, text: str) -> str:
        if _ILLEGAL.search(text) is None:
            return text
        cleaned, count = _ILLEGAL.subn("\ufffd", text)
        self.replaced += count
        return cleaned

    def text(self, value: str) -> str:
        """Escape *value* as character data."""
        # Chained str.replace runs in C; translate with a dict looks up every character.
        return self._clean(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    def attr(self, value: str) -> str:
        """Escape *value* for a double-quoted attribute (newlines kept as references)."""
        return self._clean(value).translate(_ATTR_ESCAPES)
