"""``tools/new_lesson.py``: a new author starts a lesson with one command.

Run as the README says (``python3 tools/new_lesson.py`` in the project, here with its
options instead of the questions), in a copy of the project: it writes the English lesson,
its Chinese twin and a quiz with the next free ``order`` of the module; the copy builds with
``--strict`` at once; the build lists every TODO left in the new files; and a second run
with the same id refuses without touching anything.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

import course_files as cf
from conftest import copy_project, run_mkdocs_build

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
LESSON_ID = "cyber-basics"
TITLE_EN = "Cybersecurity basics"
TITLE_ZH = "网络安全基础"




def new_lesson(project: Path, module: int, lesson_id: str) -> subprocess.CompletedProcess:
    """The command an author types, with every answer given as an option (no terminal)."""
    return subprocess.run(
        [sys.executable, "tools/new_lesson.py", "--module", str(module), "--id", lesson_id,
         "--title-en", TITLE_EN, "--title-zh", TITLE_ZH],
        cwd=project, capture_output=True, text=True, env=ENV, stdin=subprocess.DEVNULL, timeout=120)


def snapshot(project: Path) -> dict[str, bytes]:
    """Every source file an author edits, with its bytes."""
    return {path.relative_to(project).as_posix(): path.read_bytes()
            for base in ("docs", "docs_zh", "docs_zh_hant", "quizzes")
            for path in sorted((project / base).rglob("*")) if path.is_file()}


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    return yaml.safe_load(text.split("---\n", 2)[1])


@pytest.fixture(scope="module")
def started(tmp_path_factory):
    """A copy of the project, the lesson the tool started in its busiest module, and a
    ``mkdocs build --strict`` of the result."""
    root = tmp_path_factory.mktemp("new-lesson")
    project = copy_project(root / "project", ("tools",))
    modules = cf.extra()["course"]["modules"]
    lessons = cf.lessons("en")
    module = max(modules, key=lambda m: (sum(lesson.module == m for lesson in lessons), -m))
    folder = modules[module]["folder"]
    expected_order = max((lesson.meta["order"] for lesson in lessons if lesson.module == module), default=0) + 1
    before = snapshot(project)
    result = new_lesson(project, module, LESSON_ID)
    rels = {"en": f"docs/lessons/{folder}/{LESSON_ID}.md", "zh": f"docs_zh/lessons/{folder}/{LESSON_ID}.md",
            "quiz": f"quizzes/{LESSON_ID}.yml"}
    build = run_mkdocs_build(project, root / "site", strict=True) if result.returncode == 0 else None
    return SimpleNamespace(project=project, site=root / "site", module=module, folder=folder,
                           order=expected_order, before=before, result=result, rels=rels, build=build)


def test_it_writes_both_languages_and_a_quiz_with_the_next_free_order(started):
    assert started.result.returncode == 0, started.result.stderr[-3000:]
    after = snapshot(started.project)
    assert set(after) - set(started.before) == set(started.rels.values()), "exactly the three new files"
    assert {rel: after[rel] for rel in started.before} == started.before, "no existing file may change"
    for language, title in (("en", TITLE_EN), ("zh", TITLE_ZH)):
        meta = front_matter(started.project / started.rels[language])
        assert (meta["id"], meta["module"], meta["order"], meta["title"], meta["quiz"]) == (
            LESSON_ID, started.module, started.order, title, LESSON_ID), (language, meta)
    english, chinese = (front_matter(started.project / started.rels[lang]) for lang in ("en", "zh"))
    shared = ("id", "module", "order", "duration", "level", "audience", "roles", "quiz")
    assert {k: english.get(k) for k in shared} == {k: chinese.get(k) for k in shared}
    quiz = yaml.safe_load((started.project / started.rels["quiz"]).read_text(encoding="utf-8"))
    assert quiz["id"] == LESSON_ID and quiz["questions"], quiz
    for language in ("en", "zh"):  # the page places the quiz it names
        assert cf.quiz_markers(started.project / started.rels[language]) == [LESSON_ID]
    for rel in started.rels.values():  # it tells the author what it wrote
        assert rel in started.result.stdout, started.result.stdout


@pytest.mark.slow
def test_the_project_with_the_new_lesson_builds_strict(started):
    assert started.build is not None and started.build.returncode == 0, (
        started.build.stderr[-4000:] if started.build else started.result.stderr)


@pytest.mark.slow
def test_the_build_lists_every_todo_of_the_new_files_by_file_and_line(started):
    assert started.build is not None
    log = started.build.stderr
    for rel in started.rels.values():
        lines = (started.project / rel).read_text(encoding="utf-8").split("\n")
        todo_lines = {n for n, line in enumerate(lines, 1) if "TODO" in line}
        assert todo_lines, f"{rel} has nothing left to write?"
        listed = {int(m[1]) for m in re.finditer(rf"TODO.*?\b{re.escape(rel)}:(\d+):", log)}
        assert listed == todo_lines, f"{rel}: TODO lines {sorted(todo_lines)}, build listed {sorted(listed)}"


@pytest.mark.slow
def test_the_new_lesson_is_in_the_site_in_both_languages_with_its_quiz(started):
    assert started.build is not None and started.build.returncode == 0
    for prefix, title in (("", TITLE_EN), ("zh/", TITLE_ZH)):
        page = started.site / prefix / "lessons" / started.folder / LESSON_ID / "index.html"
        soup = cf.soup_of(page)
        assert cf.heading_text(soup.select_one("article h1")) == title
        assert soup.select_one(f'[data-quiz-id="{LESSON_ID}"]') is not None


def test_a_second_run_with_the_same_id_refuses_and_changes_nothing(started):
    assert started.result.returncode == 0
    before = snapshot(started.project)
    again = new_lesson(started.project, started.module, LESSON_ID)
    assert again.returncode != 0, again.stdout
    assert snapshot(started.project) == before
    assert not again.stdout.count("wrote "), again.stdout


def test_a_second_run_says_which_id_is_taken_without_a_traceback(started):
    assert started.result.returncode == 0
    again = new_lesson(started.project, started.module, LESSON_ID)
    assert again.returncode != 0
    assert "Traceback" not in again.stderr, again.stderr[-2000:]
    assert LESSON_ID in again.stderr, again.stderr[-2000:]
