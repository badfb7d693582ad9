"""Move a lesson's HTML into another page: relative links rebased, ids made unique.

The print pages put every lesson of the course into one page at another address. Each
lesson's HTML (as MkDocs rendered it for the lesson's own address) goes through
:func:`relocate`: relative ``href``/``src`` values are rebased to the new page, and every
``id`` with the references to it (``#fragment`` links, ``for``, ``aria-*``) gets a prefix, so
twelve lessons' "Key points" headings do not collide.

It reads start tags with a pattern, not a parser, on purpose: the input is MkDocs' own
output (attributes always double-quoted, ``<`` and ``>`` escaped in text), and Python's HTML
parser over every lesson again cost a fifth of a 1,000-lesson build. Raw HTML an author wrote
with single-quoted or unquoted attributes is left as it is.
"""

from __future__ import annotations

import posixpath
import re

_TAG = re.compile(r"<[a-zA-Z][^<>]*>")
_ATTRIBUTE = re.compile(r'(?<=\s)(id|href|src|for|aria-labelledby|aria-describedby|aria-controls)="([^"]*)"')


def rebase(url: str, from_dir: str, to_dir: str) -> str:
    """A relative ``url`` written at ``from_dir`` (a site-relative folder) as seen from ``to_dir``."""
    if not url or url.startswith(("#", "/", "mailto:", "tel:", "data:")) or "://" in url:
        return url
    path, hash_, fragment = url.partition("#")
    target = posixpath.normpath(posixpath.join(from_dir, path)) if path else from_dir
    relative = posixpath.relpath(target, to_dir or ".")
    if path.endswith("/") and not relative.endswith("/"):
        relative += "/"
    return relative + (hash_ + fragment if hash_ else "")


ROOT = "\x00"  # stands for the path from a page to the site root, in relocate(to_dir=None)


def relocate(page_html: str, from_dir: str, to_dir: str | None, id_prefix: str) -> str:
    """``to_dir=None``: relative links lead to the site root's ``ROOT`` marker, so one
    relocated copy serves pages at any depth (:func:`at_depth`)."""
    def attribute(match: re.Match) -> str:
        name, value = match[1], match[2]
        if name == "id":
            value = id_prefix + value
        elif name in ("href", "src") and value.startswith("#"):
            value = "#" + id_prefix + value[1:]
        elif name in ("href", "src"):
            rebased = rebase(value, from_dir, to_dir or "")
            value = ROOT + rebased if to_dir is None and rebased != value else rebased
        else:
            value = " ".join(id_prefix + ref for ref in value.split())
        return f'{name}="{value}"'

    def tag(match: re.Match) -> str:
        text = match[0]
        return _ATTRIBUTE.sub(attribute, text) if '="' in text else text

    return _TAG.sub(tag, page_html)


def at_depth(relocated: str, page_dir: str) -> str:
    """A ``relocate(..., to_dir=None)`` copy made relative to the folder ``page_dir``."""
    up = "../" * len([part for part in page_dir.split("/") if part])
    return relocated.replace('="' + ROOT, '="' + up)
