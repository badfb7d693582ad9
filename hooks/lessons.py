"""The lesson summary box under each lesson's H1, in the reader's edition.

It goes into the finished HTML after Material's search has indexed the page (priority -80;
search indexes at 0): in search its labels (level, duration) would match every lesson alike.
The box shows module, duration, level, job roles, audience and objectives (README.md, "Add a
lesson"); an untranslated lesson keeps its English objectives, marked as English. With
``site_url`` set, a QR code that only prints leads from a handout back to the lesson online.
"""

from __future__ import annotations

from markupsafe import escape
from mkdocs.plugins import event_priority

from coursekit.languages import DEFAULT
from coursekit.render import insert_after_h1
from sitebuild import generated, state


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
    box = generated.summary_box(build, lesson)
    page.content = insert_after_h1(page.content, str(box))
    qr = generated.qr_code(config, page.url)
    if qr:  # printed handouts lead back to the lesson online
        page.content += (f'\n<div class="ctpat-qr ctpat-print-only"><span class="ctpat-qr__code">{qr}</span>'
                         f'<span>{escape(config.site_url.rstrip("/") + "/" + page.url)}</span></div>')
    return context
