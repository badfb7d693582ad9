"""The training library in Chromium: role filter, status from saved quiz progress in both
languages, the "continue" link, and (with the real quiz widget) a passed quiz showing up."""

from __future__ import annotations

import json
import pytest

import course_files as disk
from coursekit.quizzes import load_quiz

pytestmark = pytest.mark.browser

LIBRARY = {"en": "library/", "zh": "zh/library/"}
STATUS = {
    "en": {"passed": "Passed, best score {best}%", "in-progress": "In progress",
           "not-started": "Not started"},
    "zh": {"passed": "已通过，最高 {best}%", "in-progress": "进行中", "not-started": "未开始"},
}
CONTINUE = {"en": "Continue where you left off:", "zh": "从上次中断处继续："}


def quiz_hash(quiz_id: str) -> str:
    return load_quiz(disk.ROOT / "quizzes" / f"{quiz_id}.yml", disk.ROOT).hash


def quizzed_lessons(language: str = "en") -> list:
    return [lesson for lesson in disk.lessons(language) if lesson.meta.get("quiz")]


def record(quiz_id: str, **fields) -> str:
    data = {"v": 1, "hash": quiz_hash(quiz_id), "answers": {}, "checked": [], "correct": 0,
            "total": disk.question_count(quiz_id), "score": 0, "best": 0, "passed": False,
            "updated": "2026-01-01T08:00:00.000Z"}
    data.update(fields)
    return json.dumps(data)


def statuses(page) -> dict[str, str]:
    return page.eval_on_selector_all(
        "tr[data-ctpat-lesson]",
        "rows => Object.fromEntries(rows.map(r => [r.dataset.ctpatLesson,"
        " (r.querySelector('[data-ctpat-status]').textContent || '').trim()]))")


def visible_lessons(page) -> list[str]:
    return page.eval_on_selector_all(
        "tr[data-ctpat-lesson]",
        "rows => rows.filter(r => r.offsetParent !== null).map(r => r.dataset.ctpatLesson)")


def open_library(page, language: str, query: str = ""):
    page.goto(page.base_url + LIBRARY[language] + query)
    page.wait_for_selector("[data-ctpat-library][data-ctpat-ready]", state="attached")


def test_filter_by_role_shows_only_that_roles_lessons(page):
    open_library(page, "en")
    everyone = [lesson.id for lesson in disk.lessons("en")]
    assert visible_lessons(page) == everyone
    role = next(r for r in disk.extra()["course"]["audiences"]
                if 0 < sum(r in l.meta["audience"] for l in disk.lessons("en")) < len(everyone))
    expected = [lesson.id for lesson in disk.lessons("en") if role in lesson.meta["audience"]]

    page.get_by_label("Show lessons for").select_option(role)
    assert visible_lessons(page) == expected
    shown = page.locator("[data-ctpat-shown]").inner_text()
    assert f"Showing {len(expected)} of {len(everyone)} lessons" in shown
    minutes = sum(l.meta["duration"] for l in disk.lessons("en") if role in l.meta["audience"])
    assert disk.hours_minutes(minutes, "en") in shown
    # A module with none of that role's lessons disappears with its heading.
    for section in page.locator("section[data-ctpat-module]").all():
        rows = section.locator("tr[data-ctpat-lesson]:visible").count()
        assert section.is_visible() == (rows > 0)
    assert f"role={role}" in page.url  # the filtered view can be bookmarked

    page.get_by_label("Show lessons for").select_option("")
    assert visible_lessons(page) == everyone


def test_filter_from_the_address_and_in_chinese(page):
    role = "customs-broker"
    open_library(page, "zh", f"?role={role}")
    assert page.get_by_label("显示适用于以下对象的课程").input_value() == role
    assert visible_lessons(page) == [l.id for l in disk.lessons("zh") if role in l.meta["audience"]]


def test_status_from_saved_progress_in_both_languages(page):
    lessons = quizzed_lessons()
    assert len(lessons) >= 6
    passed, recent, older, stale, corrupt, other_version = lessons[:6]
    saved = {
        passed.meta["quiz"]: record(passed.meta["quiz"], passed=True, score=60, best=80,
                                    checked=["q1"], answers={"q1": ["a"]}),
        recent.meta["quiz"]: record(recent.meta["quiz"], answers={"q1": ["a"]}, checked=["q1"],
                                    updated="2026-03-02T10:00:00.000Z"),
        older.meta["quiz"]: record(older.meta["quiz"], answers={"q2": ["b"]}, checked=[],
                                   updated="2026-03-01T10:00:00.000Z"),
        stale.meta["quiz"]: json.loads(record(stale.meta["quiz"], passed=True, best=100)) | {"hash": "0000"},
        corrupt.meta["quiz"]: "{not json",
        other_version.meta["quiz"]: json.loads(record(other_version.meta["quiz"], passed=True)) | {"v": 2},
    }
    open_library(page, "en")
    page.evaluate("items => { for (const [k, v] of Object.entries(items))"
                  " localStorage.setItem('ctpat:quiz:' + k, typeof v === 'string' ? v : JSON.stringify(v)); }",
                  saved)
    for language in ("en", "zh"):
        open_library(page, language)
        found = statuses(page)
        words = STATUS[language]
        assert found[passed.id] == "✓ " + words["passed"].format(best=80)
        assert found[recent.id] == "◐ " + words["in-progress"]
        assert found[older.id] == "◐ " + words["in-progress"]
        for lesson in (stale, corrupt, other_version):
            assert found[lesson.id] == "○ " + words["not-started"], lesson.id
        for lesson in lessons[6:]:
            assert found[lesson.id] == "○ " + words["not-started"]
        # Continue with the most recently updated lesson that is not passed, in this language.
        line = page.locator("[data-ctpat-continue]")
        assert line.is_visible()
        assert line.inner_text().startswith(CONTINUE[language])
        link = line.locator("a")
        title = next(l for l in disk.lessons(language) if l.id == recent.id).meta["title"]
        assert link.inner_text() == title
        link.click()
        page.wait_for_load_state()
        assert page.url == page.base_url + recent.site_path(language)


def test_without_progress_the_library_points_to_the_first_lesson(page):
    open_library(page, "en")
    page.evaluate("() => { localStorage.setItem('ctpat:quiz:x', 'null'); }")
    first = quizzed_lessons()[0]
    line = page.locator("[data-ctpat-continue]")
    assert line.inner_text() == f"Start with: {first.meta['title']}"
    assert set(statuses(page).values()) <= {"○ Not started", "No quiz"}


def test_unreadable_storage_never_breaks_the_library(page):
    open_library(page, "en")
    lessons = quizzed_lessons()
    page.evaluate("ids => ids.forEach((id, i) => localStorage.setItem('ctpat:quiz:' + id,"
                  " ['null', '[]', '42', '\"text\"', '{\"v\":1,\"hash\":null}', '{\"v\":1}'][i % 6]))",
                  [l.meta["quiz"] for l in lessons])
    open_library(page, "en")
    assert set(statuses(page).values()) == {"○ Not started"}
    # Filtering still works (and the page fixture fails the test on any console error).
    page.get_by_label("Show lessons for").select_option("importer")
    assert visible_lessons(page)


def _answer_correctly(page, quiz_id: str):
    """Answer every question of the real quiz widget right and check each one."""
    quiz = disk.quiz(quiz_id)
    widget = page.locator(f'[data-quiz-id="{quiz_id}"]')
    for question in quiz["questions"]:
        fieldset = widget.locator(f'fieldset[data-q="{question["id"]}"]')
        if question["type"] == "true_false":
            right = ["true" if question["answer"] else "false"]
        else:
            right = [o["id"] for o in question["options"] if o.get("correct")]
        for value in right:
            fieldset.locator(f'input[value="{value}"]').check()
        fieldset.locator("button").click()


def test_passing_a_real_quiz_shows_in_the_library_in_both_languages(page):
    lesson = quizzed_lessons()[-1]
    quiz_id = lesson.meta["quiz"]
    page.goto(page.base_url + lesson.site_path("en"))
    page.wait_for_selector(f'[data-quiz-id="{quiz_id}"] button', state="visible")
    _answer_correctly(page, quiz_id)
    saved = json.loads(page.evaluate(f"() => localStorage.getItem('ctpat:quiz:{quiz_id}')"))
    assert saved["passed"] is True and saved["best"] == 100

    page.goto(page.base_url + LIBRARY["en"])
    page.wait_for_selector("[data-ctpat-library][data-ctpat-ready]", state="attached")
    assert statuses(page)[lesson.id] == "✓ Passed, best score 100%"

    # Switch language with the site's own language switcher.
    page.locator('.md-select__link[hreflang="zh"]').first.evaluate("link => link.click()")
    page.wait_for_url(page.base_url + LIBRARY["zh"])
    page.wait_for_selector("[data-ctpat-library][data-ctpat-ready]", state="attached")
    assert statuses(page)[lesson.id] == "✓ 已通过，最高 100%"
