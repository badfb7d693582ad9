"""Compile each theme template once per process, not once per edition and serve rebuild.

MkDocs makes a new Jinja environment for every build, and mkdocs-static-i18n runs one build
per edition, so every template of Material and of ``overrides/`` would be compiled again for
each edition and on every ``mkdocs serve`` rebuild. A bytecode cache in memory keeps them:
Jinja checks each template's source against the cached entry's checksum, so an edited
template is compiled again; entries are replaced, never added to. Environments whose
settings change the compiled code get separate caches.
"""

from __future__ import annotations

import jinja2
from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.plugins import event_priority


class MemoryBytecodeCache(BytecodeCache):
    """Jinja's bytecode cache interface over a dict: ``{key: marshalled bytecode}``."""

    def __init__(self) -> None:
        self.bytecode: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self.bytecode.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)  # ignored by Jinja if the checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.bytecode[bucket.key] = bucket.bytecode_to_string()


def compile_settings(env: jinja2.Environment) -> tuple:
    """The environment settings that shape a template's compiled code."""
    autoescape = env.autoescape if isinstance(env.autoescape, bool) else id(env.autoescape)
    return (env.block_start_string, env.block_end_string, env.variable_start_string,
            env.variable_end_string, env.comment_start_string, env.comment_end_string,
            env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks,
            env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
            env.optimized, env.is_async, autoescape, tuple(sorted(env.extensions)),
            getattr(env, "newstyle_gettext", None))


CACHES: dict[tuple, MemoryBytecodeCache] = {}


@event_priority(100)  # before anything renders a template
def on_env(env, /, *, config, files):
    env.bytecode_cache = CACHES.setdefault(compile_settings(env), MemoryBytecodeCache())
    return env
