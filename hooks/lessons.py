"""The lesson contract: checked front matter, a summary box under each H1, curriculum nav.

Every lesson's front matter (both languages) is checked once per build by
``coursekit.lessons``; anything wrong stops the build with one PluginError listing every
problem, because a lesson with a broken contract cannot be placed in the nav, the summary
box or the library. Then:

- ``on_page_context`` puts the lesson summary box (module, duration, level, audience,
  objectives) right under the lesson's H1, in the page's language. It goes into the
  finished HTML after search has indexed the page: Markdown's md_in_html pass over the
  box cost about 1 ms a page, and in search its labels (level, audience, duration) matched
  every lesson alike;
- ``on_nav`` orders the lessons by (module, order) under module sections titled from
  ``extra.course.modules``, puts the Library page right after Home, and recomputes
  previous/next so the footer links follow the curriculum.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from coursekit import inline_markdown, languages, library
from coursekit.lessons import (Course, CourseConfig, insert_after_h1_html, load_course,
                               summary_model)
from coursekit.summary_render import render_summary

log = get_plugin_logger("lessons")

LESSONS_PREFIX = "lessons/"


def project_root(config) -> Path:
    return Path(os.path.dirname(config.config_file_path))


def course_config(config) -> CourseConfig:
    try:
        return CourseConfig.from_extra(config.extra.get("course"))
    except ValueError as exc:
        raise PluginError(str(exc)) from None


# The course of the build under way: set by on_files, read by the page and nav events
# (replaced every build, so it never grows across ``mkdocs serve`` rebuilds).
_this_build: dict = {}


def load(config) -> Course:
    """The checked course (cached on file times); raises PluginError listing every problem."""
    course = load_course(project_root(config), course_config(config))
    _this_build["course"] = course
    if course.errors:
        count = len(course.errors)
        raise PluginError(
            f"{count} problem{'s' if count > 1 else ''} in the lessons' front matter:\n"
            + "\n".join(str(error) for error in course.errors))
    return course


def _language(config) -> str:
    return config.theme.get("language") or languages.DEFAULT


def source_of(file) -> tuple[str, str]:
    """``(language the file is written in, path inside its docs folder)`` of a page file."""
    for language in languages.LANGUAGES:
        prefix = f"{language}/"
        if language != languages.DEFAULT and file.src_uri.startswith(prefix):
            return language, file.src_uri[len(prefix):]
    return languages.DEFAULT, file.src_uri


@event_priority(0)  # the order does not matter: it only reads the lesson files
def on_files(files, /, *, config):
    _this_build.pop("summary_tools", None)  # the Markdown settings may differ this build
    _this_build["meta"] = {}
    load(config)  # stop here, with every problem listed, before any page is rendered
    return files


def on_page_read_source(*, page, config):
    """Give MkDocs a lesson without its front matter, which on_files has parsed already.

    MkDocs would parse every lesson's front matter a second time (about 0.3 ms a lesson,
    1 % of a build). The mapping on_files parsed becomes ``page.meta`` at on_page_markdown;
    a file saved since on_files read it is left to MkDocs. MkDocs 1.6 calls this event
    deprecated; the replacement it suggests, ``File.content_string``, would cut the page
    off its file. Should the event go, MkDocs simply parses every page itself again.
    """
    course, path = _this_build.get("course"), page.file.abs_src_path
    root = str(project_root(config)) + os.sep
    if course is None or not path or not path.startswith(root):
        return None
    lesson = course.lesson_file(path[len(root):].replace(os.sep, "/"))
    if lesson is None or lesson.head is None:
        return None
    source = lesson.head.without_front_matter(page.file.content_string)
    if source is not None:
        _this_build["meta"][page.file.src_uri] = lesson.head.meta
    return source


@event_priority(100)  # before any other plugin reads page.meta
def on_page_markdown(markdown, /, *, page, config, files):
    meta = _this_build.get("meta", {}).pop(page.file.src_uri, None)
    if meta is not None:
        page.meta = dict(meta)  # a copy: hooks add keys to page.meta, the course is cached
    return markdown


@event_priority(-80)  # after search indexed the page (0); before tooltips (-90), quiz (-100)
def on_page_context(context, /, *, page, config, nav):
    content_language, rel = source_of(page.file)
    if not rel.startswith(LESSONS_PREFIX) or not page.content:
        return context
    course = _this_build.get("course") or load(config)
    lesson = course.lesson(content_language, rel)
    if lesson is None:
        return context
    language = _language(config)
    strings = languages.strings(language)
    model = summary_model(lesson, course.config, language)
    inline, objectives_id = _summary_tools(config, language)
    model["objectives"] = [inline.html(text) for text in model["objectives"]]
    if objectives_id and f'id="{objectives_id}"' in page.content:
        objectives_id = ""  # the author has a heading of that name: keep its anchor unique
    box = render_summary(model, strings, languages.t(language, "module", n=lesson.module),
                         objectives_id)
    page.content = insert_after_h1_html(page.content, box)
    return context


def _summary_tools(config, language: str):
    """Once per build and language: the inline Markdown renderer for objectives and the
    anchor of the "Learning objectives" heading."""
    tools = _this_build.get("summary_tools")
    if tools is None or tools[0] != language:
        tools = (language, inline_markdown.shared(config.markdown_extensions, config.mdx_configs),
                 _slugify(config, languages.strings(language)["objectives"]))
        _this_build["summary_tools"] = tools
    return tools[1], tools[2]


def _slugify(config, text: str) -> str:
    """The anchor the site's toc extension would give a heading with ``text``."""
    slugify = (config.mdx_configs.get("toc") or {}).get("slugify")
    return slugify(text, "-") if callable(slugify) else ""


@event_priority(-110)  # after mkdocs-static-i18n (-100) removed the language sections
def on_nav(nav, /, *, config, files):
    course = _this_build.get("course") or load(config)
    language = _language(config)
    pages = {file.src_uri: file.page for file in files.documentation_pages() if file.page}
    lesson_pages = []
    for lesson in course.site_lessons(language):
        src = lesson.rel if lesson.language == languages.DEFAULT else f"{lesson.language}/{lesson.rel}"
        page = pages.get(src)
        if page is not None:
            lesson_pages.append((lesson, page))
    library_src = ("" if language == languages.DEFAULT else f"{language}/") + library.PAGE_SRC
    library_page = pages.get(library_src)
    moving = {id(page) for _, page in lesson_pages}
    if library_page is not None:
        moving.add(id(library_page))

    # Take the lessons and the library out of wherever the folder layout put them; the
    # top-level section that held lessons ("Lessons") keeps its place and gets them back.
    holder = None
    items = []
    for item in nav.items:
        if id(item) in moving:
            continue
        if isinstance(item, Section) and _remove_pages(item, moving) and holder is None:
            holder = item
        elif isinstance(item, Section) and not item.children:
            continue
        items.append(item)
    if lesson_pages:
        if holder is None:
            holder = Section(languages.t(language, "lessons_section"), [])
            items.append(holder)
        holder.children[:0] = _module_sections(lesson_pages, course, language)
    elif holder is not None and not holder.children:
        items.remove(holder)
    # Home, Library, Lessons, then the rest (glossary, sources...): the curriculum order
    # the previous/next links follow.
    leading = [item for item in (library_page, holder if lesson_pages else None) if item is not None]
    items = [item for item in items if not any(item is lead for lead in leading)]
    home = next((i for i, item in enumerate(items) if item is nav.homepage), -1)
    items[home + 1:home + 1] = leading

    nav.items = items
    _set_parents(items, None)
    nav.pages = _pages_in_order(items)
    for previous, page in zip([None] + nav.pages[:-1], nav.pages):
        page.previous_page = previous
        if previous is not None:
            previous.next_page = page
    if nav.pages:
        nav.pages[-1].next_page = None
    return nav


def _remove_pages(section: Section, moving: set) -> bool:
    """Drop the moving pages (and sections left empty) under ``section``; True if any was."""
    removed = False
    kept = []
    for child in section.children:
        if id(child) in moving:
            removed = True
            continue
        if isinstance(child, Section):
            removed = _remove_pages(child, moving) or removed
            if not child.children:
                continue
        kept.append(child)
    section.children = kept
    return removed


def _module_sections(lesson_pages, course: Course, language: str) -> list[Section]:
    sections: dict[int, Section] = {}
    for lesson, page in lesson_pages:  # already in (module, order) order
        if lesson.module not in sections:
            sections[lesson.module] = Section(
                course.config.label("modules", lesson.module, language), [])
        sections[lesson.module].children.append(page)
    return list(sections.values())


def _set_parents(items, parent) -> None:
    for item in items:
        item.parent = parent
        if isinstance(item, Section):
            _set_parents(item.children, item)


def _pages_in_order(items) -> list[Page]:
    found = []
    for item in items:
        if isinstance(item, Page):
            found.append(item)
        elif isinstance(item, Section):
            found += _pages_in_order(item.children)
    return found
