"""Generated page parts: glossary table, workshops and contact from configuration.

Pages place them with one-line markers, in both languages:
``<!-- glossary -->``, ``<!-- workshops -->``, ``<!-- contact -->`` and
``<!-- course-overview -->`` (modules, lesson counts and study time, from the lessons).

The workshops and contact parts hold headings, which belong in the page's table of
contents: they go into the Markdown. The glossary and overview tables have none: they go
into the HTML right after Markdown (``on_page_content``), still before search indexes the
page, so that Markdown does not parse their HTML again (the glossary's table cost more
than the rest of its page; bench/instructions.py).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from coursekit import glossary, languages, page_parts, workshops
from coursekit import lessons as lessons_module

log = get_plugin_logger("pages")

# A marker is alone on its line. The pattern starts with its literal "<!--" (a leading
# "^[ \t]*" made the engine try it at every character of every lesson); what precedes it on
# its line is checked in _fill, as hooks/quizzes.py does for quiz markers.
MARKER = re.compile(r"<!--\s*(glossary|workshops|contact|course-overview)\s*-->[ \t]*$",
                    re.MULTILINE)
IN_MARKDOWN = ("workshops", "contact")
IN_HTML = ("glossary", "course-overview")


def on_page_markdown(markdown: str, /, *, page, config, files) -> str:
    return _fill(markdown, page, config, files, IN_MARKDOWN)


def on_page_content(html: str, /, *, page, config, files) -> str:
    # Markdown passes a marker through as it is: an HTML comment on its own line.
    return _fill(html, page, config, files, IN_HTML)


def _fill(text: str, page, config, files, names: tuple[str, ...]) -> str:
    """``text`` with the markers of ``names`` replaced by their parts (others left as they are)."""
    if "<!--" not in text:
        return text
    language = config.theme.get("language") or languages.DEFAULT
    renderers = {
        "glossary": lambda: _glossary(config, language),
        "workshops": lambda: _workshops(config, language),
        "contact": lambda: _contact(config, language),
        "course-overview": lambda: _course_overview(config, files, page, language),
    }
    out, position = [], 0
    for match in MARKER.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if match[1] in names and not text[line_start:match.start()].strip(" \t"):
            out += [text[position:line_start], renderers[match[1]]()]  # the whole line
            position = match.end()
    return "".join([*out, text[position:]]) if out else text


def _root(config) -> Path:
    return Path(os.path.dirname(config.config_file_path))


def _glossary(config, language: str) -> str:
    other = "en" if language == "zh" else "zh"
    rows = []
    # Checked (and any problem reported) by hooks/glossary.py's on_config; parsed once.
    path = _root(config) / glossary.GLOSSARY_FILE
    terms, _warnings, _fresh = glossary.load_glossary_cached(path, _root(config))
    for term in glossary.sorted_terms(terms):
        rows.append({
            "anchor": re.sub(r"[^a-z0-9]+", "-", (term.abbr or term.en).lower()).strip("-"),
            "name": term.name(language), "other_name": term.name(other), "other_lang": other,
            "abbr": term.abbr, "zh_tw": term.zh_tw, "definition": term.definition[language],
        })
    return page_parts.glossary_table(rows, language, languages.strings(language))


def _workshops(config, language: str) -> str:
    entries, errors = workshops.parse_workshops(config.extra.get("workshops"))
    if errors:
        raise PluginError("Problems in the workshops configuration:\n"
                          + "\n".join(str(e) for e in errors))
    upcoming, past = workshops.split_upcoming(entries, dt.date.today())
    s = languages.strings(language)

    def view(w):
        return {"iso": w.date.isoformat(), "date": workshops.format_date(w.date, language),
                "title": languages.pick(w.title, language), "city": languages.pick(w.city, language),
                "venue": languages.pick(w.venue, language), "register": w.register,
                "language": s.get(f"lang_{w.language}", "")}

    return page_parts.workshops_list([view(w) for w in upcoming], [view(w) for w in past], s)


def _contact(config, language: str) -> str:
    brand = config.extra.get("brand") or {}
    return page_parts.contact_block(brand.get("name", ""), workshops.contact_items(brand),
                                    languages.strings(language))


def _course_overview(config, files, page, language: str) -> str:
    from mkdocs.utils import get_relative_url

    # Checked by hooks/lessons.py's on_files (which stops the build on errors); cached.
    course = lessons_module.load_course(
        _root(config), lessons_module.CourseConfig.from_extra(config.extra.get("course")),
        recheck=False)
    prefix = "" if language == languages.DEFAULT else f"{language}/"
    modules, total_minutes, total_lessons = [], 0, 0
    for number in course.config.modules:
        in_module = [lesson for lesson in course.site_lessons(language) if lesson.module == number]
        minutes = sum(lesson.duration for lesson in in_module)
        total_minutes += minutes
        total_lessons += len(in_module)
        first = in_module[0] if in_module else None
        first_file = files.get_file_from_path(prefix + first.rel) if first else None
        modules.append({
            "label": f"{languages.t(language, 'module', n=number)} · "
                     f"{course.config.label('modules', number, language)}",
            "lessons": len(in_module),
            "time": lessons_module.format_minutes(minutes, language),
            "first_title": first.title if first else "",
            "first_url": get_relative_url(first_file.url, page.url) if first_file else "",
        })
    return page_parts.course_overview_table(
        modules, total_lessons, lessons_module.format_minutes(total_minutes, language),
        languages.strings(language))
