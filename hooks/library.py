"""The training library: a generated page and catalog.json per language, from the lessons.

``/library/`` and ``/zh/library/`` list every lesson (from its front matter) with the quiz
facts (from the quiz files); ``library/catalog.json`` and ``zh/library/catalog.json`` hold
the same as data. Nothing is written into docs/: the pages are ``File.generated``.

Event priorities (mkdocs-static-i18n 1.3 sorts files into languages at -100 and rebuilds
every File from ``docs_dir``, dropping generated content; see product.md, trap 1):

- 50: add ``library.md`` and ``zh/library.md`` before it, so it treats them like the other
  pages (the zh one becomes this build's page under /zh/ and each gets its twin as the
  language switcher's target);
- -105: after it, give this language's page its source and add catalog.json (marked
  ``generated_by``, so hooks/languages.py does not ask for an English source file).

The catalogue and the table need the quiz facts, which the quiz check delivers at ``on_env``
(it runs beside the Markdown conversion); the table goes into the page at
``on_page_context``, in place of a marker, and skips Markdown altogether.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import AnchorLink

from coursekit import course_quizzes, languages, library, page_parts
from coursekit.lessons import CourseConfig, load_course

log = get_plugin_logger("library")


def _language(config) -> str:
    return config.theme.get("language") or languages.DEFAULT


def _prefix(language: str) -> str:
    return "" if language == languages.DEFAULT else f"{language}/"


def _root(config) -> Path:
    return Path(os.path.dirname(config.config_file_path))


@event_priority(50)  # before mkdocs-static-i18n (-100) sorts the files into languages
def add_library_pages(files: Files, /, *, config) -> Files:
    for language in languages.LANGUAGES:
        src = _prefix(language) + library.PAGE_SRC
        if files.get_file_from_path(src) is not None:
            folder = languages.SOURCE_DIRS[language]
            raise PluginError(f"{folder}/{library.PAGE_SRC}: the library page is generated from the "
                        f"lessons; remove {folder}/{library.PAGE_SRC} (or rename it)")
        file = File.generated(config, src, content="")
        # The i18n plugin asks whether each source lies in docs_dir and re-creates the
        # File from there; the content is given after it, at -105.
        file.abs_src_path = os.path.join(config.docs_dir, *src.split("/"))
        files.append(file)
    return files


@event_priority(-105)  # after mkdocs-static-i18n (-100), before hooks/languages.py (-110)
def fill_library_page(files: Files, /, *, config) -> Files:
    """Give this language's library page its source and add catalog.json (filled at on_env,
    when the quiz check has finished)."""
    _build.clear()
    language = _language(config)
    prefix = _prefix(language)
    page = files.get_file_from_path(prefix + library.PAGE_SRC)
    if page is None:
        return files
    # Loaded and checked by hooks/lessons.py's on_files, earlier in this build.
    course = load_course(_root(config), CourseConfig.from_extra(config.extra.get("course")),
                         recheck=False)
    if course.errors:
        return files  # hooks/lessons.py has stopped the build with the list
    urls = {}
    for lesson in course.site_lessons(language):
        src = lesson.rel if lesson.language == languages.DEFAULT else f"{lesson.language}/{lesson.rel}"
        lesson_file = files.get_file_from_path(src)
        if lesson_file is not None:
            urls[lesson.rel] = lesson_file.url
    catalog_file = File.generated(config, f"{prefix}library/{library.CATALOG_NAME}", content="")
    files.append(catalog_file)
    page.content_string = library.page_source(languages.t(language, "library_title"))
    page.generated_by = "hooks/library.py"
    _build.update(page=page, catalog_file=catalog_file, course=course, urls=urls,
                  language=language)
    return files


on_files = CombinedEvent(add_library_pages, fill_library_page)

# This build's library: its page file, catalog file, course, lesson URLs and, from on_env,
# the rendered body (replaced every build: serve-safe).
_build: dict = {}


@event_priority(0)  # after hooks/quizzes.py (100) collected the quiz check
def on_env(env, /, *, config, files):
    if "page" not in _build:
        return env
    quizzes = library.quiz_facts(course_quizzes.result().quizzes)
    catalog = library.build_catalog(_build["course"], quizzes, _build["language"], _build["urls"])
    _build["catalog_file"].content_string = json.dumps(catalog, ensure_ascii=False, indent=1) + "\n"
    model = library.page_model(catalog, _build["page"].url, _build["catalog_file"].url)
    _build["body"] = page_parts.library_body(model)
    return env


@event_priority(-70)  # after search (0; the page is excluded from it), before tooltips (-90)
def on_page_context(context, /, *, page, config, nav):
    """Put the rendered library table where Markdown left the marker, and its module
    headings into the page's table of contents (Markdown never saw them)."""
    body = _build.get("body")
    if body is None or page.file is not _build["page"] or library.BODY_MARKER not in page.content:
        return context
    links = [AnchorLink(title, anchor, 2) for anchor, title in library.headings(body)]
    parent = page.toc.items[0].children if len(page.toc.items) == 1 else page.toc.items
    parent.extend(links)
    page.content = page.content.replace(library.BODY_MARKER, body, 1)
    return context
