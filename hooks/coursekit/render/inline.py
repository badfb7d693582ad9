"""Inline Markdown for short author text (quiz questions, lesson objectives).

Rendered with the site's own extensions but inline only: ``**bold**``, `code`, links; no
paragraphs, lists or headings. Authors' raw HTML is shown as text, never executed;
``javascript:``, ``data:`` and ``vbscript:`` link targets and ``on*`` attributes are dropped.

Most quiz text holds no Markdown at all, and Markdown's inline pass costs about a tenth of a
millisecond a text: a course of 100 lessons has 5,000 such texts per edition, several per
cent of its build. When every extension of the site is one whose inline syntax is known
(``PLAIN_SAFE``), a text with none of the characters that syntax uses is its own HTML, and
skips the pass. Any other extension (``pymdownx.tilde``, ``smarty``, ``magiclink``...) turns
that shortcut off, so its syntax always applies.
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
# Extensions whose inline syntax uses only the characters of _MARKUP (the rest of them work
# on blocks, or on the tree after inline processing, which this renderer does not run).
PLAIN_SAFE = frozenset({
    "abbr", "admonition", "attr_list", "def_list", "fenced_code", "footnotes", "md_in_html", "tables", "toc",
    "pymdownx.details", "pymdownx.superfences", "pymdownx.tasklist", "pymdownx.tabbed",
    "cjk_autojoin", "pymdownx_cjk_autojoin",
})
# Core inline syntax (emphasis, code, links, images, HTML, entities, escapes, line breaks) and
# attr_list's braces: a text without any of these comes out of Markdown unchanged.
_MARKUP = re.compile(r"[\\`*_\[\]<>&!{}\n]|  $")


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
        self.plain_shortcut = all(e in PLAIN_SAFE if isinstance(e, str) else getattr(e, "no_inline_syntax", False)
                                  for e in extensions)
        # Raw HTML in author text stays text: without this pattern `<script>` is escaped.
        if "html" in self.md.inlinePatterns:
            self.md.inlinePatterns.deregister("html")
        self._cache: dict[str, Markup] = {}

    def __call__(self, text: str) -> Markup:
        if self.plain_shortcut and not _MARKUP.search(text):
            return Markup(text.strip())  # no character here means anything to Markdown
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
