"""One build, every problem: mistakes of three kinds at once (mkdocs.yml, a lesson's front
matter, a quiz) stop `mkdocs build --strict` with one list naming each file and line (or key),
sorted, and no traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import course_files as disk
from conftest import run_mkdocs_build

pytestmark = pytest.mark.slow


def line_of(path: Path, pattern: str, start: int = 0) -> int:
    """The 1-based number of the first line at or after ``start`` matching ``pattern``."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, 1) if number > start and re.search(pattern, line))


def report_lines(stderr: str) -> list[str]:
    """The lines of the build's problem list (after its 'N problems ...:' heading)."""
    lines = stderr.splitlines()
    start = next((i for i, line in enumerate(lines) if re.search(r"\d+ problems? [^:]*:$", line)), None)
    assert start is not None, f"no problem list in:\n{stderr[-4000:]}"
    found = []
    for line in lines[start + 1:]:
        if not re.match(r"^[\w./-]+(:\d+)?: ", line):
            break
        found.append(line)
    return found


@pytest.fixture
def broken(fixture_project) -> tuple[Path, dict]:
    """A copy of the course with four mistakes of three kinds; returns where each one is."""
    project = fixture_project
    where = {}
    # mkdocs.yml: a date that is not one, and a logo that does not exist.
    config = disk.read_config(project / "mkdocs.yml")
    config["extra"]["brand"]["logo"] = "assets/brand/no-such-logo.svg"
    config["extra"].setdefault("workshops", [{"title": "x", "city": "x"}])[0]["date"] = "18.03.2027"
    disk.write_config(project / "mkdocs.yml", config)
    where["logo"] = ("mkdocs.yml", line_of(project / "mkdocs.yml", r"no-such-logo\.svg"))
    where["date"] = ("mkdocs.yml", line_of(project / "mkdocs.yml", r"18\.03\.2027"))
    # A lesson whose level is not declared, one the final assessment's questions name if there is
    # one: its mistake is reported in the lesson, not again for each question naming it.
    named = set()
    for quiz_file in (project / "quizzes").glob("*.yml"):
        data = yaml.safe_load(quiz_file.read_text(encoding="utf-8")) or {}
        named |= {q.get("lesson") for q in data.get("questions") or [] if isinstance(q, dict)}
    lesson = next((l for l in reversed(disk.lessons("en")) if l.id in named), disk.lessons("en")[-1])
    where["lesson_id"] = lesson.id
    path = project / "docs" / lesson.rel
    meta, body = disk.split_page(path)
    meta["level"] = "expert"
    disk.write_page(path, meta, body)
    where["lesson"] = (f"docs/{lesson.rel}", line_of(path, r"^level: expert$"))
    # A quiz with no correct option in one of its questions.
    quiz_lesson = next(lesson for lesson in disk.lessons("en") if lesson.quiz)
    quiz_path = project / "quizzes" / f"{quiz_lesson.quiz}.yml"
    quiz = yaml.safe_load(quiz_path.read_text(encoding="utf-8"))
    question = next(q for q in quiz["questions"] if q.get("options"))
    for option in question["options"]:
        option.pop("correct", None)
    quiz_path.write_text(disk.dump_yaml(quiz), encoding="utf-8")
    start = line_of(quiz_path, rf"^\s*-? ?id: ['\"]?{re.escape(str(question['id']))}['\"]?$")
    where["quiz"] = (f"quizzes/{quiz_lesson.quiz}.yml", line_of(quiz_path, r"^\s+options:", start))
    where["question"] = question["id"]
    return project, where


def test_one_strict_build_lists_every_problem_with_file_and_line_sorted(broken, tmp_path):
    project, where = broken
    result = run_mkdocs_build(project, tmp_path / "site", strict=True)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr[-4000:]
    lines = report_lines(result.stderr)
    expected = {
        "lesson": (where["lesson"], ["'level'", "'expert'"]),
        "logo": (where["logo"], ["extra.brand.logo", "no-such-logo.svg", "does not exist"]),
        "date": (where["date"], ["extra.workshops[0].date", "'18.03.2027'", "is not a date", "YYYY-MM-DD"]),
        "quiz": (where["quiz"], [f"question {where['question']}: no option is marked correct", "correct: true"]),
    }
    for name, ((path, line), words) in expected.items():
        found = [text for text in lines if text.startswith(f"{path}:{line}: ")]
        assert found, f"{name}: no problem at {path}:{line} in:\n" + "\n".join(lines)
        assert all(word in found[0] for word in words), f"{name}: {found[0]}"
    # Nothing else: no echo of the broken lesson wherever it is named.
    others = [text for text in lines if not any(text.startswith(f"{path}:{line}: ")
                                                for (path, line), _ in expected.values())]
    assert others == [], "\n".join(lines)

    def sort_key(text: str):
        path, line = re.match(r"^([^:]+):(\d+)?", text).groups()
        return (path, int(line or 0))

    assert lines == sorted(lines, key=sort_key), "\n".join(lines)
    assert re.search(rf"\b{len(lines)} problems\b", result.stderr)
    # Every line says how to fix it: 'problem; fix'.
    assert all("; " in text for text in lines), lines


def test_the_same_problems_stop_a_build_without_strict(broken, tmp_path):
    project, where = broken
    result = run_mkdocs_build(project, tmp_path / "site", strict=False)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = report_lines(result.stderr)
    for path, line in (where["lesson"], where["logo"], where["date"], where["quiz"]):
        assert any(text.startswith(f"{path}:{line}: ") for text in lines), (path, line)


def test_an_impossible_unquoted_date_is_reported_not_a_traceback(fixture_project, tmp_path):
    """PyYAML reads 2027-02-30 as a date and fails on it inside MkDocs' own config loading,
    before any hook runs, unless the project's loader tolerates it."""
    config = fixture_project / "mkdocs.yml"
    data = disk.read_config(config)
    data["extra"].setdefault("workshops", [{"title": "x", "city": "x"}])[0]["date"] = "IMPOSSIBLE"
    disk.write_config(config, data)
    config.write_text(config.read_text(encoding="utf-8").replace("IMPOSSIBLE", "2027-02-30"), encoding="utf-8")
    result = run_mkdocs_build(fixture_project, tmp_path / "site", strict=True)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    line = line_of(config, r"date: 2027-02-30")
    assert f"mkdocs.yml:{line}: extra.workshops[0].date: '2027-02-30' is not a date" in result.stderr


QUIZ = """\
id: {id}
title: {{en: "Check yourself", zh: "自测"}}
questions:
  - id: q1
    type: single
    prompt: {{en: "Which seal class does CTPAT require?", zh: "CTPAT 要求哪一级封条？"}}
    options:
      - {{id: a, text: {{en: "Class H", zh: "H 级"}}, correct: true}}
      - {{id: b, text: {{en: "Class I", zh: "I 级"}}}}
"""


def test_warnings_alone_fail_strict_once_each_and_the_site_still_builds(mini_project, tmp_path):
    """A quiz placed in one language only and a quiz no page places are warnings: --strict
    fails on them, each named once with file and line, and without --strict the site builds."""
    page = "# Practice\n\nTry it.\n\n<!-- quiz: drill -->\n"
    project = mini_project({
        "docs/index.md": "# Home\n\nWelcome.\n",
        "docs_zh/index.md": "# 首页\n\n欢迎。\n",
        "docs/practice.md": page,
        "docs_zh/practice.md": "# 练习\n\n试一试。\n",
    }, {"drill": QUIZ.format(id="drill"), "nobody": QUIZ.format(id="nobody")})
    disk.standalone_config(project)
    placed = (f"docs/practice.md:{page.split(chr(10)).index('<!-- quiz: drill -->') + 1}: quiz 'drill' is "
              "placed here but not in docs_zh/practice.md; add the line '<!-- quiz: drill -->' to "
              "docs_zh/practice.md as well")
    unused = ("quizzes/nobody.yml:1: quiz 'nobody' is not placed on any page; add the line "
              "'<!-- quiz: nobody -->' to its lesson in docs/ and docs_zh/, or delete the file")
    strict = run_mkdocs_build(project, tmp_path / "strict", strict=True)
    assert strict.returncode != 0 and "Traceback" not in strict.stderr
    for message in (placed, unused):
        assert strict.stderr.count(message) == 1, strict.stderr[-4000:]
    relaxed = run_mkdocs_build(project, tmp_path / "relaxed", strict=False)
    assert relaxed.returncode == 0, relaxed.stderr[-4000:]
    assert disk.soup_of(tmp_path / "relaxed/practice/index.html").select_one('[data-quiz-id="drill"]')
    assert disk.soup_of(tmp_path / "relaxed/zh/practice/index.html").select_one(".ctpat-quiz") is None
