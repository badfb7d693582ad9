"""Abbreviation tooltips: ``CBP`` becomes ``<abbr title="U.S. Customs and Border Protection">``.

What Markdown's ``abbr`` extension does, done on the page's finished HTML in one regex pass:
the extension walks every element of every page in Python and cost more than the rest of
the hooks' Markdown work put together (bench/event_times.py). Same rules as the extension:
whole words only (``\\b``), the longest abbreviation first, nothing inside code, preformatted
text, scripts, styles or an existing ``<abbr>``; attributes and comments are never touched.
One difference, on purpose: nothing inside a link. A dotted tooltip underline inside link
text fights the link (the library and course overview list "What is CTPAT?" as links).
"""

from __future__ import annotations

import html
import re

# Text inside these elements is never marked (the extension skips code spans too; links
# are this marker's own choice).
SKIPPED_ELEMENTS = ("code", "pre", "kbd", "samp", "script", "style", "textarea", "abbr",
                    "svg", "math", "template", "a")
# Comments and skipped elements, an unclosed one running to the end of the page.
_PROTECTED = re.compile(
    r"<!--.*?(?:-->|\Z)|<(%s)\b[^>]*>.*?(?:</\1\s*>|\Z)" % "|".join(SKIPPED_ELEMENTS),
    re.DOTALL | re.IGNORECASE)


_BOUNDARY = re.compile(r"\b")


class AbbreviationMarker:
    """``AbbreviationMarker({"CBP": "U.S. Customs and Border Protection"}).mark(html)``."""

    def __init__(self, titles: dict[str, str]):
        self.titles = {abbr: title for abbr, title in titles.items() if abbr and title}
        alternatives = "|".join(re.escape(abbr) for abbr in
                                sorted(self.titles, key=len, reverse=True))
        # The abbr extension's \b(?:longest|...|shortest)\b without its leading \b, which
        # _words() checks instead: a pattern that starts with a literal alternation lets
        # Python's regex engine skip to the next possible first letter at once (this
        # search is the largest part of the marking: 260 -> 150 us on a long lesson).
        self.pattern = re.compile(f"(?:{alternatives})\\b") if self.titles else None
        self._elements = {abbr: f'<abbr title="{html.escape(title, quote=True)}">{abbr}</abbr>'
                          for abbr, title in self.titles.items()}

    def mark(self, page_html: str) -> str:
        """Wrap every abbreviation in text; the page is scanned by regex, not walked in Python.

        Only the (few) matches are looked at one by one: a match is skipped inside a tag
        (the last ``<`` before it is not yet closed: serializers write ``>`` in attribute
        values as ``&gt;``), a comment or a skipped element.
        """
        if self.pattern is None:
            return page_html
        matches = list(self._words(page_html))
        if not matches:
            return page_html
        protected = [m.span() for m in _PROTECTED.finditer(page_html)]
        out: list[str] = []
        position = 0
        index = 0  # protected ranges are in order, and so are the matches
        for match in matches:
            start, end = match.span()
            while index < len(protected) and protected[index][1] <= start:
                index += 1
            if index < len(protected) and protected[index][0] < end:
                continue  # inside a comment or a skipped element
            if page_html.rfind("<", 0, start) > page_html.rfind(">", 0, start):
                continue  # inside a tag: an attribute value or the tag's name
            out.append(page_html[position:start])
            out.append(self._elements[match.group(0)])
            position = end
        out.append(page_html[position:])
        return "".join(out)

    def _words(self, text: str):
        """The matches of ``\\b(?:...)\\b``, as ``finditer`` would give them: a match that
        does not start at a word boundary is dropped and the search goes on one character
        later (not after it: an abbreviation may start inside it, after a hyphen say)."""
        search, position = self.pattern.search, 0
        while (match := search(text, position)) is not None:
            if _BOUNDARY.match(text, match.start()):
                yield match
                position = match.end()
            else:
                position = match.start() + 1
