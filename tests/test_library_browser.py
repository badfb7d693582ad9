"""The training library in Chromium, on the real built site: the job-role filter (also from
the address), each lesson's status from the progress saved in this browser in every
edition, the "continue" line, storage that cannot be read, the phone layout, and the
lesson summary box on a phone.

Expectations come from the lessons on disk (course_files: ``roles``, ``quiz``, titles,
durations), from the quiz YAML for answers, and from the rules in the widgets' comments.
conftest's ``page`` fails a test on any outside request, console error or HTTP error.
"""

from __future__ import annotations

import json

import pytest

import course_files as disk
from quiz_site import (EDITIONS, PREFIX, THROWING_STORAGE, answer, open_quiz, right_ids, storage_key,
                       stored, text_of, watched_page)

pytestmark = pytest.mark.browser

LIBRARY = {edition: PREFIX[edition] + "library/" for edition in EDITIONS}
ICON = {"passed": "✓", "in-progress": "◐", "not-started": "○"}


def source(edition: str) -> str:
    """The lessons on disk a reader of ``edition`` gets (Traditional is made from Chinese)."""
    return "en" if edition == "en" else "zh"


def quizzed(edition: str = "en") -> list:
    return [lesson for lesson in disk.lessons(source(edition)) if lesson.meta.get("quiz")]


def roles_of(lesson) -> list[str]:
    return lesson.meta.get("roles") or []


def open_library(page, edition: str = "en", query: str = ""):
    page.goto(page.base_url + LIBRARY[edition] + query)
    page.wait_for_selector("[data-ctpat-library][data-ctpat-ready]", state="attached")


def visible_lessons(page) -> list[str]:
    return page.eval_on_selector_all(
        "tr[data-ctpat-lesson]", "rows => rows.filter(r => r.getClientRects().length).map(r => r.dataset.ctpatLesson)")


def statuses(page) -> dict[str, tuple]:
    """``{lesson id: (state, status text)}`` for the lessons that have a quiz."""
    return page.eval_on_selector_all(
        "tr[data-ctpat-lesson][data-quiz-id]:not([data-quiz-id=''])",
        "rows => Object.fromEntries(rows.map(r => [r.dataset.ctpatLesson, [r.dataset.status || null,"
        " r.querySelector('[data-ctpat-status]').textContent.trim()]]))")


def hashes(page) -> dict[str, str]:
    """``{quiz id: the hash of its current version}``, as the library page states it."""
    return page.eval_on_selector_all(
        "tr[data-quiz-id]:not([data-quiz-id=''])", "rows => Object.fromEntries(rows.map(r => [r.dataset.quizId, r.dataset.quizHash]))")


def record(quiz_hash: str, **fields) -> str:
    data = {"v": 1, "hash": quiz_hash, "answers": {}, "checked": [], "correct": 0, "total": 4,
            "score": 0, "best": 0, "passed": False, "updated": "2026-01-01T08:00:00.000Z"}
    data.update(fields)
    return json.dumps(data)


def seed(page, records: dict[str, str]):
    """Saved progress, under the real site's keys, before the next page load."""
    page.evaluate("items => { for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v); }",
                  {storage_key("/", quiz_id): value for quiz_id, value in records.items()})


def a_partial_role() -> str:
    """A job role that some lessons have and others do not (the one with fewest lessons)."""
    lessons = disk.lessons("en")
    counts = {role: sum(role in roles_of(lesson) for lesson in lessons) for role in disk.extra()["course"]["roles"]}
    partial = {role: n for role, n in counts.items() if 0 < n < len(lessons)}
    assert partial, f"no job role is on some lessons but not all: {counts}"
    return min(partial, key=partial.get)


# ---- the job-role filter -----------------------------------------------------------------------

def test_the_job_role_filter_shows_only_that_roles_lessons(page):
    open_library(page)
    lessons = disk.lessons("en")
    everyone = [lesson.id for lesson in lessons]
    assert visible_lessons(page) == everyone
    select = page.locator("#ctpat-library-role")
    assert select.is_visible() and page.get_by_label("Show lessons for").count() == 1  # labelled

    for role, labels in disk.extra()["course"]["roles"].items():
        select.select_option(role)
        assert select.locator("option:checked").inner_text().strip() == labels["en"]
        mine = [lesson for lesson in lessons if role in roles_of(lesson)]
        assert visible_lessons(page) == [lesson.id for lesson in mine], role
        assert page.url.endswith(f"?role={role}")  # the filtered view can be bookmarked and shared
        shown = text_of(page.locator("[data-ctpat-shown]"))
        if mine:
            minutes = sum(lesson.meta["duration"] for lesson in mine)
            assert f"{len(mine)} of {len(lessons)}" in shown and disk.hours_minutes(minutes, "en") in shown, shown
        else:
            assert shown and str(len(lessons)) not in shown, shown
        # A module with none of the role's lessons goes with its heading; the others count
        # only the lessons shown.
        for section in page.locator("section[data-ctpat-module]").all():
            module = int(section.get_attribute("data-ctpat-module"))
            in_module = [lesson for lesson in mine if lesson.meta["module"] == module]
            assert section.is_visible() == bool(in_module), (role, module)
            if in_module:
                total = section.locator("[data-ctpat-module-duration]")
                assert text_of(total) == disk.hours_minutes(sum(l.meta["duration"] for l in in_module), "en")

    select.select_option("")
    assert visible_lessons(page) == everyone
    assert "role=" not in page.url


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_role_in_the_address_filters_the_library_in_every_edition(page, edition):
    role = a_partial_role()
    open_library(page, edition, f"?role={role}")
    assert page.locator("#ctpat-library-role").input_value() == role
    expected = [lesson.id for lesson in disk.lessons(source(edition)) if role in roles_of(lesson)]
    assert visible_lessons(page) == expected
    if edition != "zh-hant":  # the Traditional labels are converted at build time
        label = disk.extra()["course"]["roles"][role][source(edition)]
        assert page.locator("#ctpat-library-role option:checked").inner_text().strip() == label

    open_library(page, edition, "?role=no-such-role")  # an old or mistyped link shows everything
    assert page.locator("#ctpat-library-role").input_value() == ""
    assert visible_lessons(page) == [lesson.id for lesson in disk.lessons(source(edition))]


# ---- progress --------------------------------------------------------------------------------------

def test_statuses_and_the_continue_line_follow_saved_progress_in_every_edition(page):
    lessons = quizzed()
    assert len(lessons) >= 7, "these checks need seven lessons with a quiz"
    passed, recent, older, stale, corrupt, newer_format, untouched = lessons[:7]
    open_library(page)
    current = hashes(page)

    def quiz_of(lesson):
        return lesson.meta["quiz"]

    seed(page, {
        quiz_of(passed): record(current[quiz_of(passed)], passed=True, score=60, best=80,
                                answers={"q1": ["a"]}, checked=["q1"]),
        quiz_of(recent): record(current[quiz_of(recent)], answers={"q1": ["a"]}, checked=["q1"],
                                updated="2026-03-02T10:00:00.000Z"),
        quiz_of(older): record(current[quiz_of(older)], answers={"q2": ["b"]},
                               updated="2026-03-01T10:00:00.000Z"),
        quiz_of(stale): record("000000000000", passed=True, best=100),      # an older version of the quiz
        quiz_of(corrupt): "{not json",
        quiz_of(newer_format): json.dumps({**json.loads(record(current[quiz_of(newer_format)], passed=True,
                                                               best=100)), "v": 2}),
    })
    expected = {passed.id: "passed", recent.id: "in-progress", older.id: "in-progress"}

    for edition in EDITIONS:
        open_library(page, edition)
        found = statuses(page)
        assert set(found) == {lesson.id for lesson in lessons}
        for lesson in lessons:
            state = expected.get(lesson.id, "not-started")
            assert found[lesson.id][0] == state and found[lesson.id][1].startswith(ICON[state]), (
                edition, lesson.id, found[lesson.id])
        assert "80%" in found[passed.id][1]
        assert found[untouched.id][0] == "not-started"
        progress = text_of(page.locator("[data-ctpat-passed]"))
        assert "1" in progress and str(len(lessons)) in progress, progress

        # "Continue" leads to the lesson worked on most recently, in this edition.
        line = page.locator("[data-ctpat-continue]")
        assert line.is_visible()
        link = line.locator("a")
        row_title = page.locator(f'tr[data-ctpat-lesson="{recent.id}"] .ctpat-library__link')
        assert text_of(link) == text_of(row_title)
        if edition != "zh-hant":
            assert text_of(link) == next(l for l in disk.lessons(edition) if l.id == recent.id).meta["title"]
        link.click()
        page.wait_for_url(page.base_url + PREFIX[edition] + recent.site_path("en"))


def test_without_progress_the_library_starts_with_the_first_lesson_and_ends_with_all_passed(page):
    lessons = quizzed()
    open_library(page)
    assert {state for state, _ in statuses(page).values()} == {"not-started"}
    link = page.locator("[data-ctpat-continue] a")
    assert text_of(link) == lessons[0].meta["title"]
    assert link.get_attribute("href").rstrip("/").endswith(lessons[0].site_path("en").rstrip("/"))

    current = hashes(page)
    seed(page, {lesson.meta["quiz"]: record(current[lesson.meta["quiz"]], passed=True, score=100, best=100)
                for lesson in lessons})
    open_library(page, "zh")
    assert {state for state, _ in statuses(page).values()} == {"passed"}
    assert page.locator("[data-ctpat-continue] a").count() == 0  # nothing left to continue with
    assert text_of(page.locator("[data-ctpat-continue]"))


GARBAGE = ["null", "[]", "42", '"text"', '{"v":1,"hash":null}', '{"v":1}', "{not json",
           '{"v":1,"hash":"@HASH","passed":true,"best":"lots","score":null,"updated":"never"}',
           '{"v":1,"hash":"@HASH","answers":null,"checked":"q1"}']


@pytest.mark.parametrize("storage", ["garbage values", *THROWING_STORAGE], ids=lambda s: s)
def test_unreadable_storage_never_breaks_the_library(page, storage):
    open_library(page)
    values = {quiz_id: GARBAGE[index % len(GARBAGE)].replace("@HASH", quiz_hash)
              for index, (quiz_id, quiz_hash) in enumerate(hashes(page).items())}
    if storage == "garbage values":
        seed(page, values)
    else:
        page.add_init_script(THROWING_STORAGE[storage])
    open_library(page)  # the page fixture fails the test on any console error
    found = statuses(page)
    assert visible_lessons(page) == [lesson.id for lesson in disk.lessons("en")]
    if storage == "garbage values":
        # A record that says "passed" is honoured however odd its score; the rest are not started.
        passed = {quiz_id for quiz_id, value in values.items() if '"passed":true' in value}
        for lesson in quizzed():
            state = "passed" if lesson.meta["quiz"] in passed else "not-started"
            assert found[lesson.id][0] == state, (lesson.id, found[lesson.id])
            assert found[lesson.id][1].startswith(ICON[state]) and "NaN" not in found[lesson.id][1]
    else:
        assert {state for state, _ in found.values()} == {"not-started"}
    role = a_partial_role()
    page.locator("#ctpat-library-role").select_option(role)
    assert visible_lessons(page) == [lesson.id for lesson in disk.lessons("en") if role in roles_of(lesson)]
    assert page.locator("[data-ctpat-continue] a").is_visible()


def test_passing_a_real_quiz_shows_in_the_library_in_every_edition(page):
    lesson = quizzed()[-1]
    data = disk.quiz(lesson.meta["quiz"])
    quiz = open_quiz(page, page.base_url + lesson.site_path("en"))
    for question in data["questions"]:
        answer(quiz, question["id"], *right_ids(question))
    saved = stored(page, storage_key("/", data["id"]))
    assert saved["passed"] is True and saved["best"] == 100

    for edition in EDITIONS:
        open_library(page, edition)
        state, text = statuses(page)[lesson.id]
        assert state == "passed" and text.startswith("✓") and "100%" in text, (edition, text)


# ---- on a phone and on a desktop ---------------------------------------------------------------------

@pytest.mark.parametrize("edition", ["en", "zh"])
def test_on_a_phone_each_lesson_is_a_card_and_the_page_does_not_scroll_sideways(page, edition):
    page.set_viewport_size({"width": 360, "height": 740})
    open_library(page, edition)
    layout = page.evaluate("""() => {
        const rows = [...document.querySelectorAll('tr[data-ctpat-lesson]')];
        const cell = rows[0].querySelector('td[data-label]');
        return {pageWidth: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth,
                rows: rows.map(r => getComputedStyle(r).display),
                tables: [...document.querySelectorAll('.ctpat-library table')].map(t => getComputedStyle(t).display),
                outside: rows.filter(r => { const b = r.getBoundingClientRect(); return b.left < 0 || b.right > innerWidth; })
                             .map(r => r.dataset.ctpatLesson),
                header: Math.max(...[...document.querySelectorAll('.ctpat-library thead')].map(h => h.getBoundingClientRect().height)),
                label: getComputedStyle(cell, '::before').content, labelText: cell.dataset.label};
    }""")
    assert layout["pageWidth"] <= layout["viewport"], f"the page scrolls sideways: {layout['pageWidth']} px"
    assert set(layout["rows"]) == {"block"} and set(layout["tables"]) == {"block"}, layout
    assert layout["outside"] == [], "cards stick out of the screen"
    assert layout["header"] <= 1  # the column headings give way to a label in each card
    assert layout["labelText"] and layout["labelText"] in layout["label"], layout


def test_on_a_desktop_the_library_is_a_table(page):
    open_library(page)
    layout = page.evaluate("""() => ({
        rows: [...document.querySelectorAll('tr[data-ctpat-lesson]')].map(r => getComputedStyle(r).display),
        tables: [...document.querySelectorAll('.ctpat-library table')].map(t => getComputedStyle(t).display),
        header: Math.min(...[...document.querySelectorAll('.ctpat-library thead')].map(h => h.getBoundingClientRect().height)),
        pageWidth: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth})""")
    assert set(layout["rows"]) == {"table-row"} and set(layout["tables"]) == {"table"}, layout
    assert layout["header"] > 10 and layout["pageWidth"] <= layout["viewport"], layout


SUMMARY = """() => {
    const box = document.querySelector('article .ctpat-summary');
    const text = [...document.querySelectorAll('article .ctpat-summary ~ p')].find(p => p.checkVisibility());
    const fold = box.querySelector('details');
    return {text: text ? Math.round(text.getBoundingClientRect().top) : null,
            fold: !!fold && fold.checkVisibility(), open: fold ? fold.open : null,
            lists: [...box.querySelectorAll('.ctpat-summary__objectives')].filter(u => u.checkVisibility()).length,
            facts: [...box.querySelectorAll('.ctpat-summary__fact')].filter(f => f.checkVisibility())
                       .map(f => f.querySelector('dt').textContent.trim())};
}"""

@pytest.fixture(scope="module")
def phone_summaries(browser, site_server) -> dict:
    """``{edition: [(lesson, its summary box's layout)]}`` for every lesson at 360x740 (one
    pass, shared by the tests below)."""
    found = {}
    with watched_page(browser, site_server, viewport={"width": 360, "height": 740}) as page:
        for edition in ("en", "zh"):
            found[edition] = []
            for lesson in disk.lessons(source(edition)):
                page.goto(site_server + PREFIX[edition] + lesson.site_path("en"))
                found[edition].append((lesson, page.evaluate(SUMMARY)))
    return found


@pytest.mark.parametrize("edition", ["en", "zh"])
def test_on_a_phone_the_lesson_summary_is_one_line_with_the_objectives_folded(page, phone_summaries, edition):
    """summary.html: on a phone the box shows module, duration and level, and the objectives
    fold into a closed <details>; the job roles and audience wait for a wider screen."""
    for lesson, box in phone_summaries[edition]:
        assert box["fold"] and box["open"] is False and box["lists"] == 0, (lesson.id, box)
        assert len(box["facts"]) == 3, (lesson.id, box["facts"])
    # The folded objectives are all there, in the lesson's words.
    lesson = disk.lessons(source(edition))[0]
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(page.base_url + PREFIX[edition] + lesson.site_path("en"))
    fold = page.locator("article .ctpat-summary details")
    fold.locator("summary").click()
    assert [text_of(item) for item in fold.locator("li").all()] == [
        " ".join(str(o).replace("*", "").replace("`", "").split()) for o in lesson.meta["objectives"]]


@pytest.mark.parametrize("edition", ["en", "zh"])
def test_on_a_phone_the_lesson_text_starts_on_the_first_screen(phone_summaries, edition):
    late = [(lesson.id, box["text"]) for lesson, box in phone_summaries[edition]
            if box["text"] is None or box["text"] >= 640]
    assert late == [], f"at 360x740 the lesson text starts below 640 px: {late}"


def test_on_a_desktop_the_lesson_summary_shows_everything_once(page):
    lesson = disk.lessons("en")[0]
    page.goto(page.base_url + lesson.site_path("en"))
    box = page.evaluate(SUMMARY)
    assert box["lists"] == 1 and len(box["facts"]) == 5 - (not lesson.meta.get("roles")), box
    assert box["fold"] is False, "the objectives are shown twice: as a list and folded"
