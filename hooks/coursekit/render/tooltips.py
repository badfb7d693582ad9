"""Glossary tooltips: ``CBP`` in a page's text becomes ``<abbr title="...">CBP</abbr>``.

A Markdown extension, so it works on the element tree, never on HTML text: character
references, attributes and comments are out of its reach. Like Markdown's own ``abbr``
extension it marks whole words, the longest abbreviation first; unlike it, it leaves link
text, headings and code alone (a dotted underline inside a link fights the link). The
titles change with the edition being built (``set_titles``), so one instance serves a build.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX, AtomicString

_PLACEHOLDER = re.compile(STX + r"wzxhzdk:(\d+)" + ETX)
SKIPPED = frozenset(("a", "abbr", "code", "pre", "kbd", "samp", "script", "style", "svg", "math",
                     "h1", "h2", "h3", "h4", "h5", "h6"))


class TooltipExtension(Extension):
    no_inline_syntax = True  # works on the tree or the output: see render/inline.py

    def __init__(self, titles: dict[str, str] | None = None):
        super().__init__()
        self.pattern = None
        self.titles: dict[str, str] = {}
        self.set_titles(titles or {})

    def set_titles(self, titles: dict[str, str]) -> None:
        """The ``{abbreviation: title}`` of the edition now being built."""
        self.titles = {abbr: title for abbr, title in titles.items() if abbr and title}
        words = sorted(self.titles, key=len, reverse=True)
        self.pattern = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, words))) if words else None

    def extendMarkdown(self, md):
        # After the inline patterns (20) built the elements, before the toc (5) reads headings.
        md.treeprocessors.register(_Tooltips(md, self), "ctpat_tooltips", 7)


class _Tooltips(Treeprocessor):
    def __init__(self, md, extension: TooltipExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        if self.extension.pattern is not None:
            self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        for child in list(element):
            if child.tag not in SKIPPED:
                self._walk(child)
            self._mark_tail(element, child)
        if element.tag not in SKIPPED:
            self._mark_text(element)

    def _split(self, text: str):
        """``[text, abbr, text, abbr, ..., text]`` or None when nothing matches. Text beside an
        author's raw inline HTML tag is left alone: it may sit inside a link or code."""
        if not text or isinstance(text, AtomicString) or (STX in text and self._beside_tag(text)):
            return None
        parts, last = [], 0
        for match in self.extension.pattern.finditer(text):
            parts += [text[last:match.start()], match.group(0)]
            last = match.end()
        return parts + [text[last:]] if parts else None

    def _beside_tag(self, text: str) -> bool:
        """Whether a stash placeholder in ``text`` holds raw HTML (entities and escapes are
        stashed too, and leave the text's tooltips alone)."""
        stash = self.md.htmlStash.rawHtmlBlocks
        for match in _PLACEHOLDER.finditer(text):
            index = int(match[1])
            if index < len(stash) and str(stash[index]).lstrip().startswith("<"):
                return True
        return False

    def _element(self, abbr: str, tail: str) -> etree.Element:
        element = etree.Element("abbr", {"title": self.extension.titles[abbr]})
        element.text = AtomicString(abbr)
        element.tail = tail
        return element

    def _mark_text(self, element: etree.Element) -> None:
        parts = self._split(element.text)
        if parts:
            element.text = parts[0]
            for index, (abbr, tail) in enumerate(zip(parts[1::2], parts[2::2])):
                element.insert(index, self._element(abbr, tail))

    def _mark_tail(self, parent: etree.Element, child: etree.Element) -> None:
        parts = self._split(child.tail)
        if parts:
            child.tail = parts[0]
            position = list(parent).index(child) + 1
            for offset, (abbr, tail) in enumerate(zip(parts[1::2], parts[2::2])):
                parent.insert(position + offset, self._element(abbr, tail))
