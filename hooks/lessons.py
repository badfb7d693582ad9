"""The lesson summary box under each lesson's H1, in the reader's edition.

It goes into the finished HTML after Material's search has indexed the page (priority -80;
search indexes at 0): in search its labels (level, duration) would match every lesson alike.
The box shows module, duration, level, job roles, audience and objectives (README.md, "Add a
lesson"); an untranslated lesson keeps its English objectives, marked as English.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from coursekit.languages import DEFAULT
from coursekit.render import insert_after_h1, render
from coursekit.strings import format_minutes, strings
from sitebuild import state


def source_of(file, edition) -> tuple[str, str]:
    """``(authored language, path inside its docs folder)`` of a page in ``edition``."""
    if edition.prefix and file.src_uri.startswith(edition.prefix):
        return edition.source, file.src_uri[len(edition.prefix):]
    return DEFAULT, file.src_uri


@event_priority(-80)  # after search indexed the page (0); before the quiz goes in (-100)
def on_page_context(context, /, *, page, config, nav):
    build = state.current()
    if build.problems or not page.content:
        return context
    edition = build.edition
    language, rel = source_of(page.file, edition)
    lesson = build.course.lesson(language, rel)
    if lesson is None:
        return context
    settings, s = build.course.settings, strings(edition)
    label = lambda kind, key: edition.text(settings.label(kind, key, ""))  # noqa: E731
    box = render(
        "summary.html", s=s, lesson=lesson,
        module_title=label("modules", lesson.module),
        duration=format_minutes(lesson.duration, s),
        level=label("levels", lesson.level),
        roles=[(role, label("roles", role)) for role in lesson.roles],
        audience=[(role, label("audiences", role)) for role in lesson.audience],
        objectives=[build.inline(edition.own(text, lesson.language)) for text in lesson.objectives],
        objectives_lang=lesson.language if lesson.language != edition.source else "",
    )
    page.content = insert_after_h1(page.content, str(box))
    return context
