"""Plain text from event descriptions that may be HTML (Outlook, Google)."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

BLOCK_TAGS = {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table"}
LOOKS_LIKE_HTML = re.compile(r"<\s*(br|p|div|span|a|b|i|strong|em|li|ul|table|html)\b", re.I)


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self.parts.append("\n")
        if tag == "a":  # keep mailto:/tel: targets, which often hold the details
            href = dict(attrs).get("href") or ""
            if href.lower().startswith(("mailto:", "tel:")):
                self.parts.append(" " + href.split(":", 1)[1] + " ")

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(description: str) -> str:
    if not LOOKS_LIKE_HTML.search(description):
        return html.unescape(description).strip()
    extractor = _TextExtractor()
    extractor.feed(description)
    extractor.close()
    text = "".join(extractor.parts)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line).strip()
