"""The navigation follows the curriculum, not the folder names.

After mkdocs-static-i18n removed its language sections (``on_nav``, -100): the lessons go
under one section per module (titled from ``extra.course.modules``) in (module, order)
order, the Library follows Home and the final assessment the lessons, generated pages that are not for trainees (print pages,
facilitator pack, sign-in sheets) leave the sidebar, and previous/next follow the result.
Every title the theme prints is escaped here (module titles and ``nav_translations`` come
from mkdocs.yml).
"""

from __future__ import annotations

from markupsafe import Markup, escape
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from coursekit.languages import DEFAULT
from coursekit.strings import strings
from sitebuild import state


@event_priority(-110)  # after mkdocs-static-i18n (-100)
def on_nav(nav, /, *, config, files):
    build = state.current()
    if build.problems:
        return nav
    edition = build.edition
    _lift_language_folder(nav, edition)
    pages = {file.src_uri: file.page for file in files.documentation_pages() if file.page}

    def page_of(rel: str, written_in: str):
        """The page of ``rel`` in this edition: its own file, or the English one it shows."""
        own = rel if DEFAULT in (written_in, edition.code) else f"{edition.code}/{rel}"
        return pages.get(own) or pages.get(rel)

    lessons = [(lesson, page_of(lesson.rel, lesson.language))
               for lesson in build.course.site_lessons(edition.source)]
    lessons = [(lesson, page) for lesson, page in lessons if page is not None]
    lesson_pages = {id(page) for _, page in lessons}
    placed = set(lesson_pages)
    after_home, after_lessons = [], []
    for rel, spec in build.generated.items():
        page = page_of(rel, edition.code)
        if page is not None:
            placed.add(id(page))  # out of the sidebar, unless it has a place there
            {"after-home": after_home, "after-lessons": after_lessons}.get(spec.nav, []).append(page)

    # Take the lessons and generated pages out of wherever the folders put them; the
    # top-level section that held lessons keeps its place and gets the modules.
    holder, items = None, []
    for item in nav.items:
        if id(item) in placed:
            continue
        held_lessons = isinstance(item, Section) and _holds(item, lesson_pages)
        if isinstance(item, Section) and _remove(item, placed) and held_lessons and holder is None:
            holder = item
        elif isinstance(item, Section) and not item.children:
            continue
        items.append(item)
    if lessons:
        if holder is None:
            holder = Section(strings(edition)["nav_lessons"], [])
            items.append(holder)
        holder.children[:0] = _modules(lessons, build, edition)
    elif holder is not None and not holder.children:
        items.remove(holder)
    home = next((i for i, item in enumerate(items) if item is nav.homepage), -1)
    lead = after_home + ([holder] if lessons else []) + after_lessons
    items = [item for item in items if not any(item is x for x in lead)]
    items[home + 1:home + 1] = lead
    nav.items = items
    _set_parents(items, None)
    _escape_titles(items)
    nav.pages = _pages(items)
    for previous, page in zip([None] + nav.pages[:-1], nav.pages):
        page.previous_page = previous
        if previous is not None:
            previous.next_page = page
    if nav.pages:
        nav.pages[-1].next_page = None
    return nav


def _lift_language_folder(nav, edition) -> None:
    """mkdocs-static-i18n lifts an edition's pages out of their folder's section only when the
    section is titled like the capitalised code ("Zh"); MkDocs titles the folder zh-hant
    "Zh hant", so that edition's pages are lifted here, and ordered as the plugin orders."""
    home = f"{edition.prefix}index.md"
    for index, item in enumerate(nav.items):
        if isinstance(item, Section) and any(isinstance(child, Page) and child.file.src_uri == home
                                             for child in item.children):
            nav.items[index:index + 1] = item.children
            nav.items.sort(key=lambda entry: entry.title or "")
            return


def _holds(section: Section, pages: set) -> bool:
    return any(id(child) in pages or (isinstance(child, Section) and _holds(child, pages))
               for child in section.children)


def _remove(section: Section, placed: set) -> bool:
    """Drop the placed pages (and sections left empty) under ``section``; True if any was."""
    removed, kept = False, []
    for child in section.children:
        if id(child) in placed:
            removed = True
            continue
        if isinstance(child, Section):
            removed = _remove(child, placed) or removed
            if not child.children:
                continue
        kept.append(child)
    section.children = kept
    return removed


def _modules(lessons, build, edition) -> list[Section]:
    sections: dict[int, Section] = {}
    for lesson, page in lessons:  # already in (module, order) order
        if lesson.module not in sections:
            title = edition.text(build.course.settings.label("modules", lesson.module, ""))
            sections[lesson.module] = Section(title, [])
        sections[lesson.module].children.append(page)
    return list(sections.values())


def _set_parents(items, parent) -> None:
    for item in items:
        item.parent = parent
        if isinstance(item, Section):
            _set_parents(item.children, item)


def _escape_titles(items) -> None:
    for item in items:
        if isinstance(item, Section):
            if item.title is not None and not isinstance(item.title, Markup):
                item.title = Markup(escape(item.title))
            _escape_titles(item.children)


def _pages(items) -> list[Page]:
    found = []
    for item in items:
        if isinstance(item, Page):
            found.append(item)
        elif isinstance(item, Section):
            found += _pages(item.children)
    return found
