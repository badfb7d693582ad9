"""Abbreviation tooltips: ``CBP`` becomes ``<abbr title="U.S. Customs and Border Protection">``.

What Markdown's ``abbr`` extension does, done on the page's finished HTML in one regex pass:
the extension walks every element of every page in Python and cost more than the rest of
the hooks' Markdown work put together (bench/event_times.py). Same rules as the extension:
whole words only (``\\b``), the longest abbreviation first, nothing inside code, preformatted
text, scripts, styles or an existing ``<abbr>``; attributes and comments are never touched.
"""

from __future__ import annotations

import html
import re

# Text inside these elements is never marked (the extension skips code spans too).
SKIPPED_ELEMENTS = frozenset({"code", "pre", "kbd", "samp", "script", "style", "textarea",
                              "abbr", "svg", "math", "template"})
_TOKEN = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)
_TAG_NAME = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9-]*)")


class AbbreviationMarker:
    """``AbbreviationMarker({"CBP": "U.S. Customs and Border Protection"}).mark(html)``."""

    def __init__(self, titles: dict[str, str]):
        self.titles = {abbr: title for abbr, title in titles.items() if abbr and title}
        alternatives = "|".join(re.escape(abbr) for abbr in
                                sorted(self.titles, key=len, reverse=True))
        self.pattern = re.compile(f"\\b(?:{alternatives})\\b") if self.titles else None
        self._elements = {abbr: f'<abbr title="{html.escape(title, quote=True)}">{abbr}</abbr>'
                          for abbr, title in self.titles.items()}

    def mark(self, page_html: str) -> str:
        if self.pattern is None or not self.pattern.search(page_html):
            return page_html
        out: list[str] = []
        skipping: list[str] = []  # open skipped elements, innermost last
        position = 0
        for token in _TOKEN.finditer(page_html):
            text = page_html[position:token.start()]
            out.append(self._mark_text(text) if text and not skipping else text)
            tag = token.group(0)
            out.append(tag)
            position = token.end()
            if tag.startswith("<!--"):
                continue
            name_match = _TAG_NAME.match(tag)
            if not name_match:
                continue
            name = name_match.group(1).lower()
            if name not in SKIPPED_ELEMENTS:
                continue
            if tag.startswith("</"):
                if name in skipping:  # tolerate stray end tags: close up to the match
                    del skipping[len(skipping) - 1 - skipping[::-1].index(name):]
            elif not tag.endswith("/>"):
                skipping.append(name)
        tail = page_html[position:]
        out.append(self._mark_text(tail) if tail and not skipping else tail)
        return "".join(out)

    def _mark_text(self, text: str) -> str:
        return self.pattern.sub(lambda match: self._elements[match.group(0)], text)
