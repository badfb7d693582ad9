"""Safe YAML loading that remembers where each mapping came from."""

from __future__ import annotations

import yaml

from .errors import AuthorError


class LineLoader(yaml.SafeLoader):
    """A SafeLoader whose mappings are ``LineDict``s carrying their source lines."""


class FastLineLoader(getattr(yaml, "CSafeLoader", LineLoader)):
    """``LineLoader`` on libyaml's parser when PyYAML has it: the same data, several times
    faster, but terser error messages (so ``load_yaml`` reports errors from LineLoader)."""


class LineDict(dict):
    """A dict that knows the 1-based line of itself (``line``) and of each key (``key_lines``)."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


def _construct_mapping(loader: LineLoader, node: yaml.MappingNode) -> LineDict:
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


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
FastLineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def yaml_error(exc: yaml.YAMLError, path: str, line_offset: int = 0) -> AuthorError:
    """Turn a YAML parser error into an AuthorError with the file's line number."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 + line_offset if mark is not None else None
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    text = f"invalid YAML: {problem}" + (f" ({context})" if context else "")
    return AuthorError(path, line, text,
                       "check the indentation and quote text that contains ':' or '#'")


def load_with_lines(text: str):
    """Parse YAML safely into LineDicts with libyaml; on an error, parse again in pure Python
    and raise its ``yaml.YAMLError``, whose message and line are clearer."""
    try:
        return yaml.load(text, Loader=FastLineLoader)
    except yaml.YAMLError:
        pass
    return yaml.load(text, Loader=LineLoader)


def load_yaml(text: str, path: str):
    """Parse YAML safely; errors become AuthorError with the line."""
    try:
        return load_with_lines(text)
    except yaml.YAMLError as exc:
        raise yaml_error(exc, path) from None
