"""Glossary hook: tooltips for abbreviations in the reader's language, and jieba's word list.

The glossary data (``data/glossary.yml``) is the single source; the page itself is
rendered by ``hooks/pages.py`` at the ``<!-- glossary -->`` marker.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from coursekit import glossary
from coursekit.abbreviations import AbbreviationMarker
from coursekit.errors import AuthorErrors

log = get_plugin_logger("glossary")


def glossary_path(config) -> Path:
    return Path(os.path.dirname(config.config_file_path)) / glossary.GLOSSARY_FILE


def load_terms(config) -> list[glossary.Term]:
    """The checked glossary, parsed once per change of the file (shared by every hook)."""
    path = glossary_path(config)
    if not path.exists():
        raise PluginError(f"data/glossary.yml is missing; it feeds the glossary page, the "
                          "abbreviation tooltips and Chinese search: restore it")
    try:
        terms, warnings, fresh = glossary.load_glossary_cached(path, path.parent.parent)
    except AuthorErrors as exc:
        raise PluginError(f"{len(exc.errors)} problem(s) in the glossary:\n{exc}") from None
    if fresh:
        for warning in warnings:
            log.warning(str(warning))
    return terms


def on_config(config):
    _markers.clear()  # this build's glossary may have changed (serve rebuilds)
    load_terms(config)  # a broken glossary stops the build here, before any page is read
    return config


def on_env(env, /, *, config, files):
    """Teach jieba the course terms so 最低安全标准 or 供应链安全专家 stay one search word.

    This is what ``search.jieba_dict_user`` does, fed from the glossary instead of a
    second hand-kept file. Here, not at on_config: the search plugin segments pages only
    from on_page_context on, and jieba's dictionary (tens of MB, loaded by the first
    ``add_word``) is better created after the quiz check's worker forked: each page of
    this process's memory that exists at the fork costs a page fault when next written.
    """
    import jieba

    jieba.setLogLevel(60)  # its "Building prefix dict" chatter is not the author's business
    for word in glossary.jieba_words(load_terms(config)):
        jieba.add_word(word, freq=100000)
    return env


@event_priority(-90)  # after the search plugin indexed the page, before the quiz is added
def on_page_context(context, /, *, page, config, nav):
    """Give the page's abbreviations their tooltips in the reader's language.

    Done on the finished HTML after search indexing: the abbr extension's walk over every
    element of every page was the largest Markdown cost of the hooks, and search reads
    the same words either way (bench/event_times.py). The summary box gets its tooltips
    here too; the quiz (added at -100) keeps plain text in its labels.
    """
    if page.content:
        language = config.theme.get("language") or "en"
        if language not in _markers:
            _markers[language] = AbbreviationMarker(
                glossary.abbreviation_titles(load_terms(config), language))
        page.content = _markers[language].mark(page.content)
    return context


# This build's tooltip markers by language: emptied by on_config, filled by the first page.
_markers: dict[str, AbbreviationMarker] = {}
