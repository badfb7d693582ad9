"""The editions: docs_zh/ becomes /zh/, the Traditional edition /zh-hant/ is made from it.

mkdocs-static-i18n 1.3 has no per-language ``docs_dir`` (see sitebuild/i18n.py). So every
page from ``docs_zh/`` is added as ``zh/<path>`` before it, and every page of the Traditional
edition as ``zh-hant/<path>``: the hand-written page in ``docs_zh_hant/`` where there is one,
else the Simplified page converted (``coursekit.traditional``). After it, each added page
gets its real source back.

On every page: an English page shown in a Chinese edition gets a visible bilingual notice
(the build already warned about the missing file); the title, description and subtitle the
theme prints are escaped; the language switcher's names are escaped and its links stay
relative when no ``site_url`` is set (so the site works from a folder).
"""

from __future__ import annotations

import os

from markupsafe import Markup, escape
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files

from coursekit.languages import DEFAULT, SOURCE_DIRS
from coursekit.render import render
from coursekit.strings import strings
from sitebuild import i18n, state

THEME_META = ("title", "description", "subtitle")


@event_priority(100)  # before mkdocs-static-i18n (-100) sorts files into languages
def add_edition_files(files: Files, /, *, config) -> Files:
    build = state.current()
    if build.problems:
        return files
    for code, edition in build.editions.items():
        if code == DEFAULT:
            continue
        own = build.root / SOURCE_DIRS.get(code, "")
        based = build.root / SOURCE_DIRS[edition.source]
        for rel in sorted(_walk(based) | _walk(own)):
            src_uri = f"{code}/{rel}"
            path = own / rel if (own / rel).is_file() else based / rel
            i18n.add_page(files, config, src_uri)
            if edition.convert and path.suffix == ".md" and not (own / rel).is_file():
                build.sources[src_uri] = _converted(path, edition.convert)
            else:
                build.sources[src_uri] = path
    return files


def _walk(folder) -> set[str]:
    found = set()
    if not folder or not os.path.isdir(folder):
        return found
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if not name.startswith("."):
                found.add(os.path.relpath(os.path.join(root, name), folder).replace(os.sep, "/"))
    return found


def _converted(path, convert):
    """The Traditional text of a Simplified page, read and converted once per change."""
    return lambda: state.CACHE.get("traditional", path, lambda p: convert(p.read_text(encoding="utf-8")))


@event_priority(-110)  # after mkdocs-static-i18n (-100) re-created every File under docs_dir
def attach_sources(files: Files, /, *, config) -> Files:
    build = state.current()
    if not build.problems:
        i18n.attach_sources(files, build.sources)
    return files


# A hook module has one function per event: CombinedEvent registers both steps.
on_files = CombinedEvent(add_edition_files, attach_sources)


@event_priority(90)  # early, so the notice sits above everything other hooks add
def on_page_markdown(markdown: str, /, *, page, config, files) -> str:
    for key in THEME_META:
        if isinstance(page.meta.get(key), str):
            page.meta[key] = Markup(escape(page.meta[key]))
    edition = state.current().edition
    if edition.code != DEFAULT and i18n.file_locale(page.file, DEFAULT) == DEFAULT:
        page.meta["ctpat_shown_in"] = DEFAULT
        return str(render("untranslated.html", s=strings(edition), lang=edition.html_lang)) + "\n\n" + markdown
    return markdown


def on_page_content(html: str, /, *, page, config, files) -> str:
    """An English page in a Chinese edition is marked English, so a screen reader reads it with
    an English voice (the notice and the widgets carry their own language)."""
    if page.meta.get("ctpat_shown_in"):
        return f'<div lang="{page.meta["ctpat_shown_in"]}">\n{html}\n</div>'
    return html


@event_priority(-110)  # after mkdocs-static-i18n (50) set this page's language links
def on_page_context(context, /, *, page, config, nav):
    build = state.current()
    site_url = (config.site_url or "").rstrip("/")
    base_url = context.get("base_url", ".")
    roots = [{"lang": code, "href": f"{site_url}/{edition.prefix}" if site_url else f"{base_url}/{edition.prefix}"}
             for code, edition in build.editions.items()]
    context["ctpat_language_roots"] = roots + [{"lang": "x-default", "href": roots[0]["href"]}]
    for alternate in i18n.language_links(config):
        alternate["name"] = Markup(escape(alternate.get("name", "")))
        link = alternate.get("link", "")
        if not site_url and link.startswith("/"):
            # Page-relative through Material's url filter: works from a folder and a sub-path.
            alternate["link"] = link.lstrip("/") or "./"
    return context
