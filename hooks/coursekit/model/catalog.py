"""The training library's catalogue: every lesson of one edition, as data.

:func:`build_catalog` makes ``library/catalog.json`` (fields: README.md, "The course
catalogue") from the checked course. The library page, the paths by job role and the print
pages are drawn from it, so a lesson appears everywhere because its file exists and its
front matter says where it belongs; nothing is a hand-kept list.
"""

from __future__ import annotations

from ..languages import Edition
from ..strings import format_minutes, strings
from .course import Course

SCHEMA_VERSION = 2
PAGE_SRC = "library.md"        # the generated page, per edition: library.md, zh/library.md
CATALOG_NAME = "catalog.json"  # beside it: library/catalog.json


def build_catalog(course: Course, edition: Edition, urls: dict[str, str]) -> dict:
    """The catalogue of ``edition``. ``urls`` maps each lesson's path inside its docs folder
    (``lessons/x/y.md``) to its site-relative URL in this edition (``zh/lessons/x/y/``);
    a lesson without one is not part of this edition's site."""
    settings = course.settings
    text = edition.text
    lessons = []
    for lesson in course.site_lessons(edition.source):
        if lesson.rel not in urls:
            continue
        quiz = course.quizzes.get(lesson.quiz) if lesson.quiz else None
        lessons.append({
            "id": lesson.id,
            "title": edition.own(lesson.title, lesson.language),
            "url": urls[lesson.rel],
            "source": lesson.rel,
            "content_language": edition.code if lesson.language == edition.source else lesson.language,
            "module": {"number": lesson.module, "title": text(settings.label("modules", lesson.module, ""))},
            "order": lesson.order,
            "duration": lesson.duration,
            "level": lesson.level,
            "audience": list(lesson.audience),
            "roles": list(lesson.roles),
            "msc": list(lesson.msc),
            "objectives": [edition.own(o, lesson.language) for o in lesson.objectives],
            "quiz": None if quiz is None else {
                "id": quiz.id,
                "title": text(quiz.title),
                "questions": len(quiz.questions),
                "pass_mark": quiz.pass_mark,
                "hash": quiz.hash,
            },
        })
    modules = []
    for number, module in settings.modules.items():
        mine = [entry for entry in lessons if entry["module"]["number"] == number]
        modules.append({
            "number": number,
            "title": text(module.title),
            "lessons": len(mine),
            "duration": sum(entry["duration"] for entry in mine),
            "questions": sum(entry["quiz"]["questions"] for entry in mine if entry["quiz"]),
        })
    return {
        "schema_version": SCHEMA_VERSION,
        "language": edition.code,
        "totals": {
            "lessons": len(lessons),
            "duration": sum(entry["duration"] for entry in lessons),
            "quizzes": sum(1 for entry in lessons if entry["quiz"]),
            "questions": sum(entry["quiz"]["questions"] for entry in lessons if entry["quiz"]),
        },
        "modules": modules,
        "lessons": lessons,
        "labels": {
            kind: {key: text(label) for key, label in getattr(settings, kind).items()}
            for kind in ("levels", "audiences", "roles", "criteria")
        },
    }


def role_paths(catalog: dict) -> list[dict]:
    """One suggested path per job role: its lessons in curriculum order, with the total time."""
    s_time = catalog["language"]
    paths = []
    for role, label in catalog["labels"]["roles"].items():
        mine = [entry for entry in catalog["lessons"] if role in entry["roles"]]
        if mine:
            paths.append({"role": role, "label": label, "lessons": mine,
                          "minutes": sum(entry["duration"] for entry in mine), "language": s_time})
    return paths


def minutes_text(minutes: int, edition: Edition) -> str:
    return format_minutes(minutes, strings(edition))
