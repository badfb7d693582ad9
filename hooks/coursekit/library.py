"""The training library: a catalogue of the course built from the lessons and the quizzes.

Pure functions (no MkDocs): :func:`build_catalog` makes the machine-readable catalogue
(``library/catalog.json``, documented in spec/catalog-fields.md) for one language, and
:func:`page_model` turns a catalogue into what the library page template shows. Nothing
here is a hand-kept list: a lesson appears because its file exists and its front matter
says where it belongs.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from .languages import pick, strings, t
from .lessons import Course, format_minutes
from .quizzes import load_quizzes

SCHEMA_VERSION = 1
PAGE_SRC = "library.md"          # the generated page, per language: library.md, zh/library.md
CATALOG_NAME = "catalog.json"    # beside it: library/catalog.json, zh/library/catalog.json
STORAGE_PREFIX = "ctpat:quiz:"   # the quiz widget's localStorage key prefix (language-independent)


@dataclass(frozen=True)
class QuizFacts:
    """What the library needs to know about a quiz."""

    id: str
    title: dict      # {en, zh}
    questions: int
    pass_mark: int
    hash: str        # the quiz widget stores it with the progress; a new hash resets progress


def quiz_facts(quizzes: dict) -> dict[str, QuizFacts]:
    """The loaded quizzes (``coursekit.quizzes.load_quizzes``) as :class:`QuizFacts`.

    That module owns the quiz format and its checks (its errors are reported by
    hooks/quizzes.py, and a quiz with errors is left out); the library only counts the
    questions and copies the pass mark and the hash the quiz widget stores with progress.
    """
    return {quiz_id: QuizFacts(quiz.id, dict(quiz.title), len(quiz.questions),
                               int(quiz.pass_mark), str(quiz.hash))
            for quiz_id, quiz in quizzes.items()}


def build_catalog(course: Course, quizzes: dict[str, QuizFacts], language: str,
                  urls: dict[str, str]) -> dict:
    """The catalogue of the ``language`` site (spec/catalog-fields.md).

    ``urls`` maps each lesson's path inside its docs folder (``lessons/x/y.md``) to its
    site-relative URL in this language (``zh/lessons/x/y/``).
    """
    config = course.config
    lessons = []
    for lesson in course.site_lessons(language):
        if lesson.rel not in urls:
            continue  # not part of this language's site
        quiz = quizzes.get(lesson.quiz) if lesson.quiz else None
        lessons.append({
            "id": lesson.id,
            "title": lesson.title,
            "url": urls[lesson.rel],
            "content_language": lesson.language,
            "module": {"number": lesson.module,
                       "title": config.label("modules", lesson.module, language)},
            "order": lesson.order,
            "duration": lesson.duration,
            "level": lesson.level,
            "audience": list(lesson.audience),
            "objectives": list(lesson.objectives),
            "quiz": None if quiz is None else {
                "id": quiz.id,
                "title": pick(quiz.title, language) if quiz.title else "",
                "questions": quiz.questions,
                "pass_mark": quiz.pass_mark,
                "hash": quiz.hash,
            },
        })
    modules = []
    for number in config.modules:
        mine = [entry for entry in lessons if entry["module"]["number"] == number]
        modules.append({
            "number": number,
            "title": config.label("modules", number, language),
            "lessons": len(mine),
            "duration": sum(entry["duration"] for entry in mine),
            "questions": sum(entry["quiz"]["questions"] for entry in mine if entry["quiz"]),
        })
    return {
        "schema_version": SCHEMA_VERSION,
        "language": language,
        "totals": {
            "lessons": len(lessons),
            "duration": sum(entry["duration"] for entry in lessons),
            "quizzes": sum(1 for entry in lessons if entry["quiz"]),
            "questions": sum(entry["quiz"]["questions"] for entry in lessons if entry["quiz"]),
        },
        "modules": modules,
        "lessons": lessons,
        "labels": {
            "levels": {key: config.label("levels", key, language) for key in config.levels},
            "audiences": {key: config.label("audiences", key, language)
                          for key in config.audiences},
        },
        "storage_key_prefix": STORAGE_PREFIX,
    }


def relative_url(target: str, base: str) -> str:
    """A link from the page at ``base`` to ``target`` (both site-relative URLs)."""
    base_dir = base if base.endswith("/") or not base else posixpath.dirname(base)
    relative = posixpath.relpath(target or ".", base_dir or ".")
    if (not target or target.endswith("/")) and not relative.endswith("/"):
        relative += "/"
    return relative


def page_model(catalog: dict, page_url: str, catalog_url: str) -> dict:
    """What the library page shows, from its language's catalogue.

    ``page_url`` and ``catalog_url`` are the site-relative URLs of the page and of
    catalog.json; every link in the model is relative to the page.
    """
    language = catalog["language"]
    labels = catalog["labels"]
    all_roles = set(labels["audiences"])
    modules = []
    for module in catalog["modules"]:
        rows = []
        for entry in catalog["lessons"]:
            if entry["module"]["number"] != module["number"]:
                continue
            quiz = entry["quiz"]
            rows.append({
                "id": entry["id"],
                "title": entry["title"],
                "href": relative_url(entry["url"], page_url),
                "content_language": entry["content_language"],
                "untranslated": entry["content_language"] != language,
                "duration": entry["duration"],
                "duration_text": format_minutes(entry["duration"], language),
                "level": entry["level"],
                "level_label": labels["levels"].get(entry["level"], entry["level"]),
                "audience": entry["audience"],
                "all_roles": set(entry["audience"]) >= all_roles,
                "audience_labels": [labels["audiences"][r] for r in entry["audience"]],
                "objectives": len(entry["objectives"]),
                "questions": quiz["questions"] if quiz else None,
                "quiz_id": quiz["id"] if quiz else "",
                "quiz_hash": quiz["hash"] if quiz else "",
            })
        if not rows:
            continue
        modules.append({
            "number": module["number"],
            "anchor": f"module-{module['number']}",
            "heading": f"{t(language, 'module', n=module['number'])} · {module['title']}",
            "rows": rows,
            "lessons_text": t(language, "library_lesson_count", n=module["lessons"]),
            "duration": module["duration"],
            "duration_text": format_minutes(module["duration"], language),
            "questions": module["questions"],
        })
    totals = catalog["totals"]
    s = strings(language)
    return {
        "language": language,
        "s": s,
        "modules": modules,
        "totals": {
            "lessons": totals["lessons"],
            "duration": totals["duration"],
            "duration_text": format_minutes(totals["duration"], language),
            "questions": totals["questions"],
        },
        "roles": [{"value": key, "label": label} for key, label in labels["audiences"].items()],
        "catalog_href": relative_url(catalog_url, page_url),
        "storage_prefix": catalog["storage_key_prefix"],
        # The strings library.js needs, rendered here so the page's language decides.
        "script_strings": {key: s[key] for key in (
            "minutes", "hours", "hours_minutes", "library_shown", "library_none_shown",
            "library_status_not_started", "library_status_in_progress",
            "library_status_passed", "library_no_quiz", "library_continue", "library_start",
            "library_next", "library_all_passed", "library_progress", "library_lesson_count")},
    }


BODY_MARKER = "<!-- ctpat-library-body -->"
_H2 = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def headings(body_html: str) -> list[tuple[str, str]]:
    """``[(anchor, plain text), ...]`` of the level-2 headings in rendered HTML."""
    return [(anchor, html.unescape(_TAG.sub("", inner)).strip())
            for anchor, inner in _H2.findall(body_html)]


def page_source(title: str) -> str:
    """The generated Markdown of the library page: front matter, H1 and a marker for the body.

    The body (rendered HTML) replaces the marker after Markdown (``hooks/library.py``):
    Markdown's raw-HTML parser would take longer over the table than over any lesson. The
    page stays out of search: it repeats every lesson's title and roles, so a search would
    list it above the lessons themselves.
    """
    front = json.dumps(title, ensure_ascii=False)  # a JSON string is a valid YAML scalar
    return (f"---\ntitle: {front}\nctpat_library: true\nsearch:\n  exclude: true\n---\n\n"
            f"# {title}\n\n{BODY_MARKER}\n")
