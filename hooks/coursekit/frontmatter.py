"""Front matter of Markdown pages, with the line numbers authors need in error messages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .errors import AuthorError
from .yamlsource import load_with_lines, yaml_error

_OPENING = re.compile(r"-{3}[ \t]*")
_CLOSING = re.compile(r"^(?:-{3}|\.{3})[ \t]*$", re.MULTILINE)


@dataclass
class FrontMatter:
    meta: dict
    body: str
    body_line: int  # 1-based line of the file where ``body`` starts
    lines: dict = field(default_factory=dict)  # key -> 1-based line in the file
    head: str = ""  # the text before ``body``: both fences and the YAML between them


def split_front_matter(text: str, path: str) -> FrontMatter:
    """Split ``---`` front matter from the Markdown body; raise AuthorError on bad YAML."""
    text = text.lstrip("\ufeff")
    first_end = text.find("\n")
    if not _OPENING.fullmatch(text, 0, first_end if first_end >= 0 else len(text)):
        return FrontMatter({}, text, 1)
    # The closing line, found by one search instead of splitting the whole page into lines.
    close = _CLOSING.search(text, first_end + 1) if first_end >= 0 else None
    if close is None:
        raise AuthorError(path, 1, "front matter starts with '---' but never ends",
                          "close it with a line holding only '---'")
    source = text[first_end + 1:close.start()]
    if source.endswith("\n"):
        source = source[:-1]
    try:
        meta = load_with_lines(source)
    except yaml.YAMLError as exc:
        raise yaml_error(exc, path, line_offset=1) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise AuthorError(path, 2, "front matter is not a mapping of 'key: value' lines",
                          "write it as 'key: value' pairs between the '---' lines")
    # The YAML starts on line 2 of the file, after the opening '---'.
    key_lines = {key: line + 1 for key, line in getattr(meta, "key_lines", {}).items()}
    end = close.end() + 1  # after the closing line's line break, if any
    return FrontMatter(meta, text[end:], text.count("\n", 0, close.start()) + 2, key_lines,
                       text[:end])
