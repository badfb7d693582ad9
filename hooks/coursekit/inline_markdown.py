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
# Characters that can start inline Markdown or need escaping. Text without any of them (most
# quiz options, most Chinese) comes out of Markdown unchanged, so it skips the parser.
_MARKDOWN_SPECIALS = re.compile(r"[\\`*_\[\]<>&!\n]")


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
    ``config.markdown_extensions`` and ``config.mdx_configs``). Results are cached per text.
    """

    def __init__(self, extensions=(), extension_configs=None):
        self.md = markdown.Markdown(extensions=list(extensions),
                                    extension_configs=dict(extension_configs or {}))
        # Raw HTML in author text stays text: without this pattern `<script>` is escaped.
        if "html" in self.md.inlinePatterns:
            self.md.inlinePatterns.deregister("html")
        self._cache: dict[str, Markup] = {}

    def __call__(self, text: str) -> Markup:
        return Markup(self.html(text))

    def html(self, text: str) -> str:
        """The same HTML as a plain ``str``, for code that builds markup itself."""
        if not _MARKDOWN_SPECIALS.search(text):
            return text.strip()
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


_SHARED: dict = {}  # one renderer at a time: replaced, never appended (serve rebuilds)


def shared(extensions=(), extension_configs=None) -> InlineMarkdown:
    """The renderer for these Markdown settings, shared by every hook of a build (quiz text,
    lesson objectives): one Markdown instance and one cache instead of one per hook."""
    key = repr((list(extensions), extension_configs))
    if _SHARED.get("key") != key:
        _SHARED.clear()
        _SHARED.update(key=key, renderer=InlineMarkdown(extensions, extension_configs))
    return _SHARED["renderer"]


def _neutralise(element: etree.Element) -> None:
    for name in list(element.attrib):
        lowered = name.lower()
        if lowered.startswith("on") or lowered == "style":
            del element.attrib[name]
        elif lowered in _URL_ATTRIBUTES and unsafe_url(element.attrib[name]):
            del element.attrib[name]
