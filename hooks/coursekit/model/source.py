"""Reading the course's source files: YAML that remembers lines, front matter, a file cache.

YAML is always loaded safely. Mappings become :class:`LineDict` and sequences :class:`LineList`,
which know the 1-based line of themselves and of each key or item, so a check can say
``quizzes/seals.yml:14``. Parser errors become :class:`~coursekit.problems.Problem` with the
line where the mistake is and a fix in plain words (a tab, an unclosed bracket or quote, a
colon inside unquoted text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import yaml

from ..problems import Problem


class LineDict(dict):
    """A dict that knows the 1-based line of itself (``line``) and of each key (``key_lines``)."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A list that knows the 1-based line of itself and of each item (``item_lines``)."""

    line: int = 0
    item_lines: list


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """PyYAML's safe loader (libyaml's parser when available) building LineDicts and LineLists."""


class _ExplainingLoader(yaml.SafeLoader):
    """The pure-Python loader: same data, clearer errors. Used only to explain a failure."""


class _ConfigLoader(yaml.SafeLoader):
    """For mkdocs.yml: Python tags (``!!python/name:...``) and ``!ENV`` become None, and
    dates stay text, so a date such as 2027-13-01 is reported instead of crashing."""


def _construct_mapping(loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, bool):  # `id: true` in a true/false option: keep the word
            key = key_node.value
        key = str(key)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key '{key}'", key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


def _construct_sequence(loader, node: yaml.SequenceNode) -> LineList:
    items = LineList(loader.construct_object(child, deep=True) for child in node.value)
    items.line = node.start_mark.line + 1
    items.item_lines = [child.start_mark.line + 1 for child in node.value]
    return items


for _cls in (_Loader, _ExplainingLoader, _ConfigLoader):
    _cls.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _cls.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_ConfigLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def load_yaml(text: str, path: str, line_offset: int = 0):
    """Parse ``text`` safely into LineDicts/LineLists; raise :class:`Problem` on bad YAML.

    ``line_offset`` is added to every line (front matter starts on line 2 of its file).
    """
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError:
        try:  # the pure-Python parser says more about what went wrong, and where
            data = yaml.load(text, Loader=_ExplainingLoader)
        except yaml.YAMLError as exc:
            raise yaml_problem(exc, text, path, line_offset) from None
    if line_offset:
        _shift(data, line_offset)
    return data


def load_config_yaml(text: str):
    """mkdocs.yml as LineDicts, tolerant of MkDocs' own tags; None if it cannot be parsed
    (MkDocs reports its own syntax errors)."""
    try:
        return yaml.load(text, Loader=_ConfigLoader)
    except yaml.YAMLError:
        return None


def _shift(node, offset: int) -> None:
    if isinstance(node, LineDict):
        node.line += offset
        node.key_lines = {k: v + offset for k, v in node.key_lines.items()}
        for value in node.values():
            _shift(value, offset)
    elif isinstance(node, LineList):
        node.line += offset
        node.item_lines = [line + offset for line in node.item_lines]
        for value in node:
            _shift(value, offset)


def yaml_problem(exc: yaml.YAMLError, text: str, path: str, line_offset: int = 0) -> Problem:
    """A YAML parser error as a Problem on the line where the mistake is, in plain words."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None) or ""
    line = mark.line + 1 if mark is not None else None
    lines = text.split("\n")

    def at(number):
        return lines[number - 1] if number and 0 < number <= len(lines) else ""

    tab_line = next((n for n in (line, line and line - 1) if n and "\t" in at(n)), None)
    if "\t" in problem or ("cannot start any token" in problem and tab_line):
        line = tab_line or line
        message, fix = ("a tab character is used for indentation or spacing",
                        "YAML indents with spaces only: replace the tab with spaces")
    elif context.startswith("while parsing a flow") and context_mark is not None:
        line = context_mark.line + 1  # where the bracket opened, not where the parser gave up
        bracket = "{" if "mapping" in context else "["
        closing = "}" if bracket == "{" else "]"
        message = f"a '{bracket}' opened on this line is not closed"
        fix = f"add the '{closing}' at the end, and quote text that contains ',' or ':'"
    elif "while scanning a quoted scalar" in context and context_mark is not None:
        line = context_mark.line + 1
        message, fix = "a quoted text is not closed", "end it with the same quote it starts with"
    elif problem.startswith("duplicate key"):
        message, fix = problem, "keep one of them (each key once per block)"
    elif "mapping values are not allowed" in problem:
        message = "a ': ' inside a text makes YAML read it as a key"
        fix = "put the whole text in quotes, e.g. title: \"Note: read this\""
    else:
        message = f"invalid YAML: {problem}" + (f" ({context})" if context else "")
        fix = "check the indentation (spaces, not tabs) and quote text that contains ':' or '#'"
    return Problem(path, line + line_offset if line else None, message, fix)


# ---- front matter ------------------------------------------------------------------------

_OPENING = re.compile(r"-{3}[ \t]*")
_CLOSING = re.compile(r"^(?:-{3}|\.{3})[ \t]*$", re.MULTILINE)


@dataclass
class FrontMatter:
    meta: dict                 # a LineDict (lines counted in the whole file) or {} without front matter
    body_line: int = 1         # 1-based line of the file where the Markdown body starts
    body: str = ""


def split_front_matter(text: str, path: str) -> FrontMatter:
    """Split ``---`` front matter from the Markdown body; raise Problem on bad YAML."""
    text = text.lstrip("\ufeff")
    first_end = text.find("\n")
    if not _OPENING.fullmatch(text, 0, first_end if first_end >= 0 else len(text)):
        return FrontMatter({}, 1, text)
    close = _CLOSING.search(text, first_end + 1) if first_end >= 0 else None
    if close is None:
        raise Problem(path, 1, "front matter starts with '---' but never ends",
                      "close it with a line holding only '---'")
    source = text[first_end + 1:close.start()]
    meta = load_yaml(source, path, line_offset=1)  # the YAML starts on line 2
    if meta is None:
        meta = LineDict()
        meta.line, meta.key_lines = 2, {}
    if not isinstance(meta, dict):
        raise Problem(path, 2, "front matter is not a mapping of 'key: value' lines",
                      "write it as 'key: value' pairs between the '---' lines")
    end = close.end() + 1
    return FrontMatter(meta, text.count("\n", 0, close.start()) + 2, text[end:])


# ---- reading files once per change ---------------------------------------------------------

@dataclass
class FileCache:
    """Parsed files by path, kept while their time and size are unchanged.

    One cache lives for the process (``mkdocs serve`` rebuilds re-read only what changed);
    :meth:`prune` drops the files a build no longer read, so it never grows.
    """

    entries: dict = field(default_factory=dict)  # (kind, path) -> (stamp, value)
    _seen: set = field(default_factory=set)

    def get(self, kind: str, path: Path, parse: Callable[[Path], object]):
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        key = (kind, str(path))
        self._seen.add(key)
        entry = self.entries.get(key)
        if entry is None or entry[0] != stamp:
            entry = (stamp, parse(path))
            self.entries[key] = entry
        return entry[1]

    def prune(self) -> None:
        """Forget every file not asked for since the last prune."""
        self.entries = {k: v for k, v in self.entries.items() if k in self._seen}
        self._seen = set()
