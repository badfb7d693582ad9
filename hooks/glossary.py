"""Glossary hook: tooltips for abbreviations in the reader's language, and jieba's word list.

The glossary data (``data/glossary.yml``) is the single source; the page itself is
rendered by ``hooks/pages.py`` at the ``<!-- glossary -->`` marker.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from coursekit import glossary
from coursekit.errors import AuthorErrors

log = get_plugin_logger("glossary")


def glossary_path(config) -> Path:
    return Path(os.path.dirname(config.config_file_path)) / "data" / "glossary.yml"


def load_terms(config) -> list[glossary.Term]:
    """The checked glossary, read once per build (both language builds share the result)."""
    path = glossary_path(config)
    stamp = (str(path), path.stat().st_mtime_ns) if path.exists() else None
    cached = getattr(load_terms, "_cache", None)
    if cached and cached[0] == stamp:
        return cached[1]
    if stamp is None:
        raise PluginError(f"data/glossary.yml is missing; it feeds the glossary page, the "
                          "abbreviation tooltips and Chinese search: restore it")
    try:
        terms, warnings = glossary.load_glossary(path, path.parent.parent)
    except AuthorErrors as exc:
        raise PluginError(f"{len(exc.errors)} problem(s) in the glossary:\n{exc}") from None
    for warning in warnings:
        log.warning(str(warning))
    load_terms._cache = (stamp, terms)  # replaced, never appended: safe across serve rebuilds
    return terms


@event_priority(100)  # before the search plugin segments any page (on_page_context)
def on_config(config):
    """Teach jieba the course terms so 最低安全标准 or 供应链安全专家 stay one search word.

    This is what ``search.jieba_dict_user`` does, fed from the glossary instead of a
    second hand-kept file.
    """
    import jieba

    jieba.setLogLevel(60)  # its "Building prefix dict" chatter is not the author's business
    for word in glossary.jieba_words(load_terms(config)):
        jieba.add_word(word, freq=100000)
    return config


@event_priority(-50)  # after the other hooks added their Markdown
def on_page_markdown(markdown: str, /, *, page, config, files) -> str:
    """Append the ``*[ABBR]: name`` lines of the abbreviations this page uses.

    Only those it uses: the abbr extension matches its definitions against every text node
    of the page, and appending all of them to every page cost 2-3 ms of Markdown time per
    English page; keeping only the used ones saves about 40% of that (bench/perf notes).
    The page's Markdown is searched with the abbr extension's own pattern (word boundaries,
    longest first), so a tooltip appears exactly where it did with all definitions.
    """
    language = config.theme.get("language") or "en"
    pattern, lines = _definitions(load_terms(config), language)
    if pattern is None:
        return markdown
    used = {match.group(0) for match in pattern.finditer(markdown)}
    definitions = "\n".join(lines[abbr] for abbr in lines if abbr in used)
    return f"{markdown}\n\n{definitions}\n" if definitions else markdown


def _definitions(terms: list[glossary.Term], language: str):
    """(pattern matching any abbreviation, {abbr: definition line}) for ``language``.

    Computed once per glossary and language: the cache holds at most one entry per
    language and is dropped when the glossary is read again (safe across serve rebuilds).
    """
    cache = getattr(_definitions, "_cache", None)
    if cache is None or cache[0] is not terms:
        cache = (terms, {})
        _definitions._cache = cache
    if language not in cache[1]:
        lines = {}
        for line in glossary.abbreviation_definitions(terms, language).splitlines():
            abbr = line[2:line.index("]:")]  # "*[MSC]: Minimum Security Criteria"
            lines[abbr] = line
        # The abbr extension's own regex: \b(?:longest|...|shortest)\b
        alternatives = "|".join(re.escape(a) for a in sorted(lines, key=len, reverse=True))
        pattern = re.compile(f"\\b(?:{alternatives})\\b") if lines else None
        cache[1][language] = (pattern, lines)
    return cache[1][language]
