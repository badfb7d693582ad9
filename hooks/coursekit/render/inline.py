"""Inline Markdown for short author text (quiz questions, lesson objectives).

Rendered with the site's own extensions but inline only: ``**bold**``, `code`, links; no
paragraphs, lists or headings. Authors' raw HTML is shown as text, never executed;
``javascript:``, ``data:`` and ``vbscript:`` link targets and ``on*`` attributes are dropped.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

import markdown
from markupsafe import Markup

_UNSAFE_URL = ("javascript:", "data:", "vbscript:")
_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "srcset", "poster")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def unsafe_url(url: str) -> bool:
    """True for link targets that would run code: ``javascript:``, ``data:``, ``vbscript:``.

    Browsers ignore whitespace and control characters inside the scheme and decode
    character references, so ``java&#115;cript:`` and ``java\\tscript:`` count too.
    """
    cleaned = _INVISIBLE.sub("", html.unescape(url)).lower()
    return cleaned.startswith(_UNSAFE_URL)


class InlineMarkdown:
    """``InlineMarkdown(extensions, configs)("**Seal** the door")`` -> Markup.

    ``extensions`` and ``extension_configs`` are the site's Markdown settings (MkDocs'
    ``config.markdown_extensions`` and ``config.mdx_configs``). Results are cached per text
    (one renderer serves a build; a new build makes a new one).
    """

    def __init__(self, extensions=(), extension_configs=None):
        self.md = markdown.Markdown(extensions=list(extensions),
                                    extension_configs=dict(extension_configs or {}))
        # Raw HTML in author text stays text: without this pattern `<script>` is escaped.
        if "html" in self.md.inlinePatterns:
            self.md.inlinePatterns.deregister("html")
        self._cache: dict[str, Markup] = {}

    def __call__(self, text: str) -> Markup:
        if text not in self._cache:
            self._cache[text] = self.convert(text)
        return self._cache[text]

    def convert(self, text: str) -> Markup:
        """Run Markdown's inline processors over ``text`` (no fast path, no cache)."""
        md = self.md
        md.reset()
        root = etree.Element("div")
        holder = etree.SubElement(root, "span")
        holder.text = text
        for name in ("inline", "unescape"):  # the block parser never sees this text
            if name in md.treeprocessors:
                result = md.treeprocessors[name].run(root)
                root = result if result is not None else root
        for element in root.iter():
            _neutralise(element)
        output = md.serializer(holder)
        output = output[len("<span>"):-len("</span>")] if output.startswith("<span>") else output
        for postprocessor in md.postprocessors:
            output = postprocessor.run(output)
        return Markup(output.strip())


def _neutralise(element: etree.Element) -> None:
    for name in list(element.attrib):
        lowered = name.lower()
        if lowered.startswith("on") or lowered == "style":
            del element.attrib[name]
        elif lowered in _URL_ATTRIBUTES and unsafe_url(element.attrib[name]):
            del element.attrib[name]
