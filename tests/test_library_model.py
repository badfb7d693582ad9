"""coursekit.library as pure functions: catalogue and page model from a small course."""

from __future__ import annotations

import json

import pytest

from coursekit.library import QuizFacts, build_catalog, page_model, relative_url
from coursekit.lessons import CourseConfig, load_course

CONFIG = CourseConfig.from_extra({
    "modules": {1: {"en": "Foundations", "zh": "基础知识"}, 2: {"en": "Practice", "zh": "实务"}},
    "levels": {"foundation": {"en": "Foundation", "zh": "入门"}},
    "audiences": {"importer": {"en": "Importer", "zh": "进口商"},
                  "manufacturer": {"en": "Manufacturer", "zh": "生产企业"}},
})


def _lesson(lesson_id, module, order, title, duration, audience, quiz=None, objectives=("Do it",)):
    lines = ["---", f"id: {lesson_id}", f"module: {module}", f"order: {order}", f"title: {title}",
             f"duration: {duration}", "level: foundation", f"audience: [{', '.join(audience)}]",
             "objectives:"] + [f"  - {o}" for o in objectives]
    if quiz:
        lines.append(f"quiz: {quiz}")
    return "\n".join(lines + ["---", "", f"# {title}", ""])


@pytest.fixture
def course(tmp_path):
    files = {
        "docs/lessons/a/one.md": _lesson("one", 1, 1, "One", 25, ["importer"], quiz="one",
                                         objectives=("First", "Second")),
        "docs/lessons/b/two.md": _lesson("two", 2, 1, "Two", 50, ["importer", "manufacturer"]),
        "docs_zh/lessons/a/one.md": _lesson("one", 1, 1, "第一课", 25, ["importer"], quiz="one",
                                            objectives=("第一", "第二")),
        # lessons/b/two.md has no Chinese file: the zh site shows the English one.
        "quizzes/one.yml": "id: one\n",
    }
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    loaded = load_course(tmp_path, CONFIG)
    assert loaded.errors == []
    return loaded


QUIZZES = {"one": QuizFacts("one", {"en": "Quiz one", "zh": "测验一"}, 4, 75, "abc123")}
URLS = {
    "en": {"lessons/a/one.md": "lessons/a/one/", "lessons/b/two.md": "lessons/b/two/"},
    "zh": {"lessons/a/one.md": "zh/lessons/a/one/", "lessons/b/two.md": "zh/lessons/b/two/"},
}


def test_catalog_lists_the_lessons_with_their_quiz_facts(course):
    catalog = build_catalog(course, QUIZZES, "zh", URLS["zh"])
    json.dumps(catalog)  # plain JSON data
    assert catalog["schema_version"] == 1 and catalog["language"] == "zh"
    one, two = catalog["lessons"]
    assert one == {
        "id": "one", "title": "第一课", "url": "zh/lessons/a/one/", "content_language": "zh",
        "module": {"number": 1, "title": "基础知识"}, "order": 1, "duration": 25,
        "level": "foundation", "audience": ["importer"], "objectives": ["第一", "第二"],
        "quiz": {"id": "one", "title": "测验一", "questions": 4, "pass_mark": 75, "hash": "abc123"},
    }
    assert (two["title"], two["content_language"], two["quiz"]) == ("Two", "en", None)
    assert catalog["totals"] == {"lessons": 2, "duration": 75, "quizzes": 1, "questions": 4}
    assert [(m["number"], m["lessons"], m["duration"]) for m in catalog["modules"]] == \
        [(1, 1, 25), (2, 1, 50)]


def test_page_model_links_relative_to_the_library_and_formats_totals(course):
    catalog = build_catalog(course, QUIZZES, "en", URLS["en"])
    model = page_model(catalog, "library/", "library/catalog.json")
    rows = [row for module in model["modules"] for row in module["rows"]]
    assert [row["href"] for row in rows] == ["../lessons/a/one/", "../lessons/b/two/"]
    assert model["catalog_href"] == "catalog.json"
    assert model["totals"]["duration_text"] == "1 h 15 min"
    assert rows[1]["all_roles"] is True and rows[0]["audience_labels"] == ["Importer"]
    assert (rows[0]["quiz_hash"], rows[1]["quiz_id"], rows[1]["questions"]) == ("abc123", "", None)
    assert [m["heading"] for m in model["modules"]] == ["Module 1 · Foundations", "Module 2 · Practice"]


@pytest.mark.parametrize("target, base, expected", [
    ("lessons/a/one/", "library/", "../lessons/a/one/"),
    ("zh/lessons/a/one/", "zh/library/", "../lessons/a/one/"),
    ("library/catalog.json", "library/", "catalog.json"),
    ("lessons/a/one.html", "library.html", "lessons/a/one.html"),
    ("", "library/", "../"),
])
def test_relative_url(target, base, expected):
    assert relative_url(target, base) == expected
