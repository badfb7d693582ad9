"""The one place that touches mkdocs-static-i18n's internals (version 1.3).

The plugin builds the default language, then, from its ``on_post_build``, every other
language with ``mkdocs.commands.build.build``: each language build runs every event from
``on_config`` on. What the hooks rely on, and nowhere else:

- ``building``: True while the plugin runs the other languages' builds;
- ``current_language`` and ``config.languages``: which edition is being built, which exist;
- each ``File``'s ``locale`` (the language its source is written in) and ``alternates``;
- its rule that every page's source lies in ``docs_dir``: its ``on_files`` (priority -100)
  drops any other page and re-creates each File from ``docs_dir``. So pages from elsewhere
  (``docs_zh/``, a generated page) are added as if they sat in ``docs_dir`` before it, and
  given their real source after it (:func:`attach_sources`).

tests/test_i18n_adapter.py fails loudly when an upgrade changes any of these.
"""

from __future__ import annotations

import os

from mkdocs.structure.files import File, Files

PLUGIN = "i18n"


def plugin(config):
    return config.plugins.get(PLUGIN)


def is_language_build(config) -> bool:
    """True inside the builds the plugin runs for the languages after the default one."""
    i18n = plugin(config)
    return bool(i18n is not None and i18n.building)


def current_language(config) -> str:
    """The edition being built (the theme's language before the plugin's on_config ran)."""
    i18n = plugin(config)
    if i18n is not None and i18n.current_language:
        return i18n.current_language
    return config.theme.get("language") or "en"


def languages(config) -> list[str]:
    """The editions the site builds, the default first."""
    i18n = plugin(config)
    if i18n is None:
        return [config.theme.get("language") or "en"]
    built = [lang for lang in i18n.config.languages if lang.build]
    return [lang.locale for lang in sorted(built, key=lambda lang: not lang.default)]


def file_locale(file: File, default: str) -> str:
    """The language a page's source is written in (an untranslated page: the default)."""
    return getattr(file, "locale", None) or default


def alternates(file: File) -> dict:
    """``{language: File}``: the same page in each edition."""
    return getattr(file, "alternates", None) or {}


def language_links(config) -> list:
    """The language switcher's entries for the page being rendered. The plugin sets them as an
    attribute of ``config.extra`` on each page (which the theme reads before the key)."""
    return getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []


def clear_language_links(config) -> None:
    """No language switcher on the page being rendered."""
    config.extra.alternate = []


def add_page(files: Files, config, src_uri: str) -> None:
    """Add a page the plugin will take for one in ``docs_dir`` (its source comes later)."""
    file = File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls)
    files.append(file)


def attach_sources(files: Files, sources: dict) -> None:
    """After the plugin's on_files: give each added page its real source.

    ``sources`` maps a src_uri to a path (a file outside docs_dir) or to a callable that
    returns the page's Markdown (a generated or converted page).
    """
    for file in files:
        for candidate in (file, *alternates(file).values()):
            source = sources.get(candidate.src_uri)
            if source is None:
                continue
            if callable(source):
                if candidate is file:
                    file.content_string = source()
                    file.generated_by = "ctpat"
            else:
                candidate.abs_src_path = os.path.normpath(str(source))
