"""The quiz widget in Chromium, as a trainee uses it.

Two sites: the real course (conftest's ``page`` on ``built_site``; expectations from the quiz
YAML on disk through course_files) and the small controlled site of quiz_site.py (exact
texts, a quiz with every question type), served once for this module with two more copies
of it under /a/ and /b/ of the same server. Every page is watched: an outside request, a
console error or an HTTP error fails the test.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest
from bs4 import BeautifulSoup

import course_files as disk
from conftest import serve_directory
from quiz_site import (EDITIONS, LESSON, PREFIX, QUIZ_DATA, QUIZ_ID, THROWING_STORAGE, answer,
                       build_quiz_site, checked_ids, ctpat_keys, guarded_context, marks, open_quiz, option,
                       option_ids, option_order, plain, question, right_ids, score, storage_key,
                       stored, text_of, two_copies, watched, watched_page, wrong_id)

pytestmark = pytest.mark.browser

ISO_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")
HAN = re.compile(r"[\u4e00-\u9fff]")
KEY = storage_key("/", QUIZ_ID)           # the mini site served at the server's root
QUESTIONS = {q["id"]: q for q in QUIZ_DATA["questions"]}

# What the mini quiz says, written by hand from quiz_site.QUIZ (English).
Q1_FEEDBACK_B = "Indicative seals only show tampering."
Q1_WHY = "MSC 6.2 asks for a seal that meets ISO 17712 class H."


# ---- the two sites --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def quiz_site(tmp_path_factory):
    return build_quiz_site(tmp_path_factory.mktemp("quiz-site"))


@pytest.fixture(scope="module")
def mini_server(quiz_site, tmp_path_factory):
    """The mini site at the server's root, and two more copies of it at /a/ and /b/."""
    root = tmp_path_factory.mktemp("quiz-served") / "root"
    shutil.copytree(quiz_site, root)
    two_copies(quiz_site, root)
    (root / "blank.html").write_text("<!doctype html><title>blank</title>", encoding="utf-8")
    base_url, server = serve_directory(root)
    yield base_url
    server.shutdown()


@pytest.fixture(scope="module")
def mini_context(browser, mini_server):
    """One context for this module's pages of the mini site (its cache makes loads faster);
    each test gets a new page and empty storage."""
    context = guarded_context(browser, mini_server)
    yield context
    context.close()


@pytest.fixture(scope="module")
def mini_hash(quiz_site) -> str:
    html = (quiz_site / LESSON / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("section.ctpat-quiz")["data-quiz-hash"]


@pytest.fixture
def mini(mini_context, mini_server):
    with watched(mini_context, mini_server) as page:
        page.goto(mini_server + "blank.html")
        page.evaluate("() => localStorage.clear()")
        yield page


def open_mini(page, edition: str = "en", site: str = ""):
    return open_quiz(page, page.base_url + site + PREFIX[edition] + LESSON)


def real_lesson():
    """The real lesson these tests use: seals-vvtt, or the first lesson with a quiz."""
    quizzed = [lesson for lesson in disk.lessons("en") if lesson.meta.get("quiz")]
    assert quizzed, "no lesson on disk has a quiz"
    return next((lesson for lesson in quizzed if lesson.id == "seals-vvtt"), quizzed[0])


def assert_record(saved: dict, expected: dict):
    """The saved record holds ``expected`` (quiz.js's format), a time of saving and, once
    passed, the time of passing; the other fields it may grow are not this test's business."""
    assert {key: saved.get(key) for key in expected} == expected, saved
    assert ISO_TIME.match(saved["updated"]), saved
    if "passedAt" in saved:
        assert (saved["passedAt"] is None) != expected["passed"] and (
            not expected["passed"] or ISO_TIME.match(saved["passedAt"])), saved


def active(page) -> dict:
    """What has the keyboard focus."""
    return page.evaluate("""() => { const e = document.activeElement, f = e.closest('fieldset');
        return {tag: e.tagName.toLowerCase(), cls: e.className || '', id: e.id || '',
                question: f ? f.dataset.question : null,
                option: e.closest('li[data-option]') ? e.closest('li[data-option]').dataset.option : null}; }""")


def press_until(page, key: str, wanted, limit: int = 60) -> dict:
    """Press ``key`` until ``wanted(active(page))``; fail after ``limit`` presses."""
    for _ in range(limit):
        page.keyboard.press(key)
        focus = active(page)
        if wanted(focus):
            return focus
    pytest.fail(f"{limit} presses of {key} never reached the wanted element (last: {active(page)})")


def is_check_button(qid: str):
    return lambda f: f["question"] == qid and "ctpat-quiz__check" in f["cls"]


def is_option(qid: str, oid: str | None = None):
    return lambda f: f["tag"] == "input" and f["question"] == qid and (oid is None or f["option"] == oid)


# ---- answering on the real course ------------------------------------------------------------

def test_real_quiz_marks_wrong_and_right_answers_by_text_and_icon_and_scores_them(page):
    lesson = real_lesson()
    data = disk.quiz(lesson.meta["quiz"])
    questions = data["questions"]
    quiz = open_quiz(page, page.base_url + lesson.site_path("en"))
    assert quiz.locator("fieldset details").first.is_hidden()  # the no-script answers give way

    chosen = {}
    for index, q in enumerate(questions):
        chosen[q["id"]] = [wrong_id(q)] if index == 0 else right_ids(q)  # the first one wrong
        answer(quiz, q["id"], *chosen[q["id"]])
        fieldset = question(quiz, q["id"])
        shown = marks(quiz, q["id"])
        result = fieldset.locator(".ctpat-quiz__result")
        assert result.get_attribute("role") == "status"
        verdict = text_of(result.locator(".ctpat-quiz__verdict"))
        if index == 0:
            bad = chosen[q["id"]][0]
            assert shown[bad].startswith("✗") and "Incorrect" in shown[bad], shown
            assert "is-bad" in option(quiz, q["id"], bad).get_attribute("class")
            for right in right_ids(q):  # the right answer is shown too, by text and icon
                assert shown[right].startswith("✓") and "Correct" in shown[right], shown
            assert verdict.startswith("✗") and "Incorrect" in verdict, verdict
            feedback = next((o.get("feedback") for o in q.get("options", []) if o["id"] == bad), None)
            if feedback:
                note = option(quiz, q["id"], bad).locator(".ctpat-quiz__fb")
                assert note.is_visible() and text_of(note) == plain(feedback["en"])
        else:
            assert set(shown) == set(right_ids(q)), shown
            assert all(mark.startswith("✓") and "Incorrect" not in mark for mark in shown.values()), shown
            assert verdict.startswith("✓") and "Correct" in verdict, verdict
        if q.get("explanation"):
            assert plain(q["explanation"]["en"]) in verdict

    total = len(questions)
    percent = score(total - 1, total)
    passed = percent >= data["pass_mark"]
    summary = text_of(quiz.locator(".ctpat-quiz__summary"))
    assert quiz.locator(".ctpat-quiz__summary").get_attribute("role") == "status"
    assert f"{percent}%" in summary and f"{total - 1} of {total}" in summary, summary
    assert f"{data['pass_mark']}%" in summary and ("✓ Passed" if passed else "✗ Not passed") in summary, summary

    assert_record(stored(page, storage_key("/", data["id"])), {
        "v": 1, "hash": quiz.get_attribute("data-quiz-hash"), "answers": chosen,
        "checked": [q["id"] for q in questions], "correct": total - 1, "total": total,
        "score": percent, "best": percent, "passed": passed})


def test_real_quiz_progress_survives_a_reload_and_shows_in_every_edition(page):
    lesson = real_lesson()
    questions = disk.quiz(lesson.meta["quiz"])["questions"]
    assert len(questions) >= 2
    first, second = questions[0], questions[1]
    quiz = open_quiz(page, page.base_url + lesson.site_path("en"))
    answer(quiz, first["id"], *right_ids(first))                 # checked
    answer(quiz, second["id"], wrong_id(second), check=False)    # chosen, not checked yet

    for edition in ("en", *EDITIONS[1:]):
        quiz = open_quiz(page, page.base_url + PREFIX[edition] + lesson.site_path("en"))
        assert checked_ids(quiz, first["id"]) == sorted(right_ids(first)), edition
        shown = marks(quiz, first["id"])
        assert set(shown) == set(right_ids(first)) and all(m.startswith("✓") for m in shown.values()), shown
        assert question(quiz, first["id"]).locator(".ctpat-quiz__check").get_attribute("aria-disabled") == "true"
        verdict = text_of(question(quiz, first["id"]).locator(".ctpat-quiz__verdict"))
        assert verdict.startswith("✓") and (HAN.search(verdict) if edition != "en" else "Correct" in verdict)
        assert checked_ids(quiz, second["id"]) == [wrong_id(second)] and marks(quiz, second["id"]) == {}
        assert text_of(quiz.locator(".ctpat-quiz__summary")), f"{edition}: nothing says the answers were restored"


# ---- answering on the controlled site ------------------------------------------------------

def test_wrong_and_right_answers_are_marked_by_text_and_icon_and_scored(mini, mini_hash):
    quiz = open_mini(mini)
    summary = quiz.locator(".ctpat-quiz__summary")

    answer(quiz, "q1", "b")  # wrong
    shown = marks(quiz, "q1")
    assert set(shown) == {"a", "b"}
    assert shown["b"].startswith("✗") and "Incorrect" in shown["b"]
    assert shown["a"].startswith("✓") and "not chosen" in shown["a"]  # the right answer it missed
    assert "is-bad" in option(quiz, "q1", "b").get_attribute("class")
    assert text_of(option(quiz, "q1", "b").locator(".ctpat-quiz__fb")) == Q1_FEEDBACK_B
    assert option(quiz, "q1", "a").locator(".ctpat-quiz__fb").is_hidden()  # only the chosen option's
    verdict = text_of(question(quiz, "q1").locator(".ctpat-quiz__result"))
    assert verdict.startswith("✗ Incorrect.") and verdict.endswith(Q1_WHY), verdict
    assert "1 of 4" in text_of(summary) and "0 correct" in text_of(summary)

    answer(quiz, "q2", "a", "b")      # right (multiple)
    assert {k: v[0] for k, v in marks(quiz, "q2").items()} == {"a": "✓", "b": "✓"}
    assert text_of(question(quiz, "q2").locator(".ctpat-quiz__verdict")).startswith("✓ Correct.")
    answer(quiz, "q3", "false")       # right (true or false)
    assert {k: v[0] for k, v in marks(quiz, "q3").items()} == {"false": "✓"}
    answer(quiz, "q4", "b")           # wrong
    assert text_of(summary).startswith("Your score: 50% (2 of 4 correct).")
    assert "✗ Not passed" in text_of(summary) and "75%" in text_of(summary)

    assert_record(stored(mini, KEY), {
        "v": 1, "hash": mini_hash, "answers": {"q1": ["b"], "q2": ["a", "b"], "q3": ["false"], "q4": ["b"]},
        "checked": ["q1", "q2", "q3", "q4"], "correct": 2, "total": 4, "score": 50, "best": 50, "passed": False})

    quiz.locator(".ctpat-quiz__retry").click()
    assert quiz.locator(".ctpat-quiz__mark").count() == 0 and quiz.locator("input:checked").count() == 0
    assert "50%" in text_of(summary)  # the best score so far
    assert active(mini)["question"] == "q1" and active(mini)["tag"] == "input"
    for qid in QUESTIONS:
        answer(quiz, qid, *right_ids(QUESTIONS[qid]))
    assert text_of(summary).startswith("Your score: 100% (4 of 4 correct). ✓ Passed")
    saved = stored(mini, KEY)
    assert (saved["score"], saved["best"], saved["passed"], saved["correct"]) == (100, 100, True, 4)
    assert ISO_TIME.match(saved["passedAt"])


@pytest.mark.parametrize("edition", EDITIONS)
def test_checking_without_an_answer_asks_for_one(mini, edition):
    quiz = open_mini(mini, edition)
    button = question(quiz, "q1").locator(".ctpat-quiz__check")
    button.click()
    asked = text_of(question(quiz, "q1").locator(".ctpat-quiz__result"))
    assert asked and ("answer" in asked if edition == "en" else HAN.search(asked)), asked
    assert quiz.locator(".ctpat-quiz__mark").count() == 0
    assert button.get_attribute("aria-disabled") is None  # it can still be checked
    assert (stored(mini, KEY) or {}).get("checked", []) == []
    answer(quiz, "q1", "a")
    assert marks(quiz, "q1")["a"].startswith("✓")
    assert asked not in text_of(question(quiz, "q1").locator(".ctpat-quiz__result"))


def test_progress_survives_a_reload_and_shows_in_the_other_editions(mini):
    quiz = open_mini(mini)
    answer(quiz, "q1", "b")                   # checked: wrong
    answer(quiz, "q2", "c", check=False)      # chosen, not checked yet

    mini.reload()
    mini.wait_for_selector(".ctpat-quiz[data-ready] .ctpat-quiz__check", state="visible")
    assert checked_ids(quiz, "q1") == ["b"] and marks(quiz, "q1")["b"].startswith("✗")
    assert checked_ids(quiz, "q2") == ["c"] and marks(quiz, "q2") == {}
    assert "restored" in text_of(quiz.locator(".ctpat-quiz__summary"))

    explanations = {"zh": "MSC 6.2 要求封条符合 ISO 17712 H 级。", "zh-hant": "MSC 6.2 要求封條符合 ISO 17712 H 級。"}
    for edition, why in explanations.items():
        quiz = open_mini(mini, edition)
        assert checked_ids(quiz, "q1") == ["b"] and checked_ids(quiz, "q2") == ["c"], edition
        shown = marks(quiz, "q1")
        assert shown["b"].startswith("✗") and shown["a"].startswith("✓") and HAN.search(shown["b"]), shown
        verdict = text_of(question(quiz, "q1").locator(".ctpat-quiz__result"))
        assert verdict.startswith("✗") and verdict.endswith(why), verdict

    # Progress changed in the Traditional edition is the English page's progress too.
    answer(quiz, "q2", "a", "b")  # c stays ticked: wrong
    assert stored(mini, KEY)["answers"]["q2"] == ["a", "b", "c"]
    quiz.locator(".ctpat-quiz__clear").click()
    assert stored(mini, KEY) is None
    assert HAN.search(text_of(quiz.locator(".ctpat-quiz__summary")))  # says it was cleared
    quiz = open_mini(mini, "en")
    assert quiz.locator("input:checked").count() == 0 and quiz.locator(".ctpat-quiz__mark").count() == 0
    assert text_of(quiz.locator(".ctpat-quiz__summary")) == ""


def test_progress_of_one_site_is_not_seen_by_a_site_at_another_path_on_the_same_host(mini):
    quiz = open_mini(mini, site="a/")
    answer(quiz, "q1", "a")
    assert ctpat_keys(mini) == [storage_key("/a/", QUIZ_ID)]

    quiz = open_mini(mini, site="b/")
    assert quiz.locator("input:checked").count() == 0 and quiz.locator(".ctpat-quiz__mark").count() == 0
    assert text_of(quiz.locator(".ctpat-quiz__summary")) == ""
    answer(quiz, "q1", "c")
    assert ctpat_keys(mini) == [storage_key("/a/", QUIZ_ID), storage_key("/b/", QUIZ_ID)]

    # Each course keeps its own answers, and shares them with its own other editions.
    for site, right in (("a/", ["a"]), ("b/", ["c"])):
        for edition in EDITIONS:
            quiz = open_mini(mini, edition, site=site)
            assert checked_ids(quiz, "q1") == right, (site, edition)
    assert stored(mini, storage_key("/a/", QUIZ_ID))["answers"] == {"q1": ["a"]}
    assert stored(mini, storage_key("/b/", QUIZ_ID))["answers"] == {"q1": ["c"]}
    # The course at the server's root has its own progress too: none yet.
    quiz = open_mini(mini)
    assert quiz.locator("input:checked").count() == 0


def test_options_are_shuffled_in_the_browser_only_and_answers_follow_ids(mini, quiz_site):
    html = BeautifulSoup((quiz_site / LESSON / "index.html").read_text(encoding="utf-8"), "html.parser")
    q2 = html.select_one('fieldset[data-question="q2"]')
    assert q2.has_attr("data-shuffle") and not html.select_one('fieldset[data-question="q1"]').has_attr("data-shuffle")
    assert [li["data-option"] for li in q2.select("li[data-option]")] == option_ids(QUESTIONS["q2"])

    mini.add_init_script("Math.random = () => 0;")  # Fisher-Yates then gives b, c, a
    quiz = open_mini(mini)
    assert option_order(quiz, "q2") == ["b", "c", "a"]
    assert option_order(quiz, "q1") == option_ids(QUESTIONS["q1"])  # not shuffled
    # The reader picks by what the options say, wherever they are.
    question(quiz, "q2").get_by_label("A unique number").check()
    question(quiz, "q2").get_by_label('An "H" marking').check()
    question(quiz, "q2").locator(".ctpat-quiz__check").click()
    assert {k: v[0] for k, v in marks(quiz, "q2").items()} == {"a": "✓", "b": "✓"}
    assert stored(mini, KEY)["answers"]["q2"] == ["a", "b"]  # ids in the authors' order

    mini.add_init_script("Math.random = () => 0.99;")  # runs after the first: no swaps
    quiz = open_mini(mini)
    assert option_order(quiz, "q2") == ["a", "b", "c"]
    assert checked_ids(quiz, "q2") == ["a", "b"]
    assert question(quiz, "q2").get_by_label("A unique number").is_checked()
    assert {k: v[0] for k, v in marks(quiz, "q2").items()} == {"a": "✓", "b": "✓"}


# ---- keyboard only ---------------------------------------------------------------------------

def test_the_quiz_can_be_completed_with_the_keyboard_only(mini):
    mini.add_init_script("Math.random = () => 0.99;")  # q2 keeps the authors' order a, b, c
    quiz = open_mini(mini)
    press_until(mini, "Tab", is_option("q1"), limit=200)

    mini.keyboard.press("Space")                       # q1: a, the first option: right
    press_until(mini, "Tab", is_check_button("q1"), limit=1)
    mini.keyboard.press("Enter")
    assert is_check_button("q1")(active(mini))          # focus stays on the button
    assert text_of(question(quiz, "q1").locator(".ctpat-quiz__verdict")).startswith("✓")

    press_until(mini, "Tab", is_option("q2", "a"), limit=1)
    mini.keyboard.press("Space")                       # q2: tick a and b, leave c: right
    press_until(mini, "Tab", is_option("q2", "b"), limit=1)
    mini.keyboard.press("Space")
    press_until(mini, "Tab", is_check_button("q2"), limit=2)
    mini.keyboard.press("Space")                       # a button also answers to Space
    assert {k: v[0] for k, v in marks(quiz, "q2").items()} == {"a": "✓", "b": "✓"}

    press_until(mini, "Tab", is_option("q3", "true"), limit=1)
    mini.keyboard.press("Space")                       # q3: "true": wrong
    press_until(mini, "Tab", is_check_button("q3"), limit=1)
    mini.keyboard.press("Enter")
    assert marks(quiz, "q3")["true"].startswith("✗")

    press_until(mini, "Tab", is_option("q4", "a"), limit=1)
    mini.keyboard.press("ArrowDown")                   # q4: arrows move the choice to b ...
    mini.keyboard.press("ArrowUp")                     # ... and back to a: right
    assert checked_ids(quiz, "q4") == ["a"]
    press_until(mini, "Tab", is_check_button("q4"), limit=1)
    mini.keyboard.press("Enter")
    summary = text_of(quiz.locator(".ctpat-quiz__summary"))
    assert summary.startswith("Your score: 75% (3 of 4 correct). ✓ Passed"), summary

    focus = press_until(mini, "Tab", lambda f: "ctpat-quiz__retry" in f["cls"], limit=1)
    assert focus["tag"] == "button"
    mini.keyboard.press("Enter")
    assert is_option("q1")(active(mini)) and quiz.locator("input:checked").count() == 0


def test_a_checked_question_stays_reachable_but_cannot_be_changed(mini):
    quiz = open_mini(mini)
    answer(quiz, "q1", "b", check=False)
    answer(quiz, "q2", "a", check=False)
    for qid in ("q1", "q2"):
        question(quiz, qid).locator(".ctpat-quiz__check").focus()
        mini.keyboard.press("Enter")
        assert is_check_button(qid)(active(mini)), f"focus left the Check button of {qid}: {active(mini)}"
    before = stored(mini, KEY)["answers"]
    assert before == {"q1": ["b"], "q2": ["a"]}

    # Each result is in its question's status region once, and nowhere else.
    verdict = text_of(question(quiz, "q1").locator(".ctpat-quiz__verdict"))
    statuses = [text_of(region) for region in mini.locator('[role="status"]').all()]
    assert sum(verdict in text for text in statuses) == 1, statuses
    mini.keyboard.press("Enter")  # a second press on a checked question changes nothing
    assert question(quiz, "q2").locator(".ctpat-quiz__verdict").count() == 1
    assert question(quiz, "q1").locator(".ctpat-quiz__result .ctpat-quiz__verdict").count() == 1

    for qid in ("q1", "q2"):
        inputs = question(quiz, qid).locator("input")
        assert inputs.evaluate_all("els => els.every(e => !e.disabled && e.tabIndex >= 0"
                                   " && e.getAttribute('aria-disabled') === 'true')"), qid
        assert question(quiz, qid).locator(".ctpat-quiz__check").get_attribute("aria-disabled") == "true"

    # Back with Shift+Tab from q2's button: each of q2's checkboxes (Space would tick or
    # untick it), q1's button, then q1's chosen radio (arrows would move the choice).
    for oid in reversed(option_order(quiz, "q2")):
        press_until(mini, "Shift+Tab", is_option("q2", oid), limit=1)
        mini.keyboard.press("Space")
    press_until(mini, "Shift+Tab", is_check_button("q1"), limit=1)
    press_until(mini, "Shift+Tab", is_option("q1", "b"), limit=1)
    mini.keyboard.press("ArrowDown")
    mini.keyboard.press("Space")
    mini.keyboard.press("ArrowUp")
    mini.keyboard.press("Space")
    option(quiz, "q1", "a").locator("label").click(force=True)    # and with the mouse
    option(quiz, "q2", "c").locator("label").click(force=True)
    assert checked_ids(quiz, "q1") == ["b"] and checked_ids(quiz, "q2") == ["a"]
    assert stored(mini, KEY)["answers"] == before


# ---- without JavaScript ------------------------------------------------------------------------

@pytest.mark.parametrize("language", ["en", "zh"])
def test_without_javascript_every_answer_and_explanation_is_readable(browser, site_server, language):
    lesson = real_lesson()
    data = disk.quiz(lesson.meta["quiz"])
    with watched_page(browser, site_server, java_script_enabled=False) as page:
        page.goto(site_server + lesson.site_path(language))
        quiz = page.locator(f'.ctpat-quiz[data-quiz-id="{data["id"]}"]')
        assert quiz.locator("button").evaluate_all("bs => bs.filter(b => b.offsetParent).length") == 0
        assert quiz.locator("fieldset").count() == len(data["questions"])
        for q in data["questions"]:
            fieldset = question(quiz, q["id"])
            assert fieldset.locator("legend").is_visible()
            assert fieldset.locator("input").count() == len(option_ids(q))
            details = fieldset.locator("details")
            assert not details.locator(".ctpat-quiz__right").is_visible()  # closed until asked
            details.locator("summary").click()
            key = text_of(details)
            right = [text_of(item) for item in details.locator(".ctpat-quiz__right li").all()]
            if q["type"] == "true_false":
                assert len(right) == 1
            else:
                assert right == [plain(o["text"][language]) for o in q["options"] if o.get("correct")]
            for o in q.get("options", []):
                if o.get("feedback"):
                    assert plain(o["feedback"][language]) in key, (q["id"], o["id"])
            if q.get("explanation"):
                assert plain(q["explanation"][language]) in key, q["id"]


# ---- stored progress that cannot be used ---------------------------------------------------------

CORRUPT = {
    "not JSON": "{not json",
    "null": "null",
    "a list": "[]",
    "a string": '"a string"',
    "a number": "42",
    "another format version": '{"v": 2, "hash": "@HASH", "answers": {"q1": ["a"]}, "checked": ["q1"]}',
    "another version of the quiz": '{"v": 1, "hash": "000000000000", "answers": {"q1": ["a"]}, "checked": ["q1"]}',
    "no hash": '{"v": 1, "answers": {"q1": ["a"]}, "checked": ["q1"], "best": 100, "passed": true}',
    "fields of the wrong kind": '{"v": 1, "hash": "@HASH", "answers": "oops", "checked": {"q1": 1}, "best": "x",'
                                ' "passed": "yes"}',
    "answers of the wrong kind": '{"v": 1, "hash": "@HASH", "answers": {"q1": "a", "q2": [5, null, {}],'
                                 ' "__proto__": {"q3": ["true"]}}, "checked": "q1", "best": 1000}',
    "another quiz's questions": '{"v": 1, "hash": "@HASH", "answers": {"q9": ["a"], "toString": ["a"]},'
                                ' "checked": ["q9"], "best": -5}',
}


@pytest.mark.parametrize("value", CORRUPT.values(), ids=CORRUPT.keys())
def test_corrupted_or_foreign_progress_is_ignored_and_replaced(mini, mini_hash, value):
    mini.add_init_script(f"localStorage.setItem({KEY!r}, {value.replace('@HASH', mini_hash)!r});")
    quiz = open_mini(mini)  # the watched page fails the test on any console error
    assert quiz.locator("input:checked").count() == 0
    assert quiz.locator(".ctpat-quiz__mark").count() == 0
    assert text_of(quiz.locator(".ctpat-quiz__summary")) == ""
    answer(quiz, "q1", "a")
    saved = stored(mini, KEY)
    assert (saved["v"], saved["hash"], saved["answers"], saved["checked"], saved["best"], saved["passed"]) == (
        1, mini_hash, {"q1": ["a"]}, ["q1"], 0, False)


@pytest.mark.parametrize("storage", THROWING_STORAGE.values(), ids=THROWING_STORAGE.keys())
def test_storage_that_throws_is_tolerated(mini, storage):
    """Private modes and blocked storage throw: the quiz works, it only cannot remember."""
    mini.add_init_script(storage)
    quiz = open_mini(mini)
    for qid in QUESTIONS:
        answer(quiz, qid, *right_ids(QUESTIONS[qid]))
    assert marks(quiz, "q1")["a"].startswith("✓")
    assert text_of(quiz.locator(".ctpat-quiz__summary")).startswith("Your score: 100%")
    quiz.locator(".ctpat-quiz__clear").click()
    assert quiz.locator("input:checked").count() == 0 and quiz.locator(".ctpat-quiz__mark").count() == 0
    assert "cleared" in text_of(quiz.locator(".ctpat-quiz__summary"))
    answer(quiz, "q1", "b")
    assert marks(quiz, "q1")["b"].startswith("✗")


# ---- the page hears about each save ----------------------------------------------------------------

def test_the_page_gets_a_ctpat_progress_event_with_the_record_after_each_save(mini):
    mini.add_init_script("""window.heard = [];
        document.addEventListener('ctpat:progress', event => window.heard.push({detail: JSON.parse(
            JSON.stringify(event.detail)), saved: localStorage.getItem(%r)}));""" % KEY)
    quiz = open_mini(mini)
    answer(quiz, "q1", "b", check=False)      # choosing saves
    answer(quiz, "q1")                         # checking saves
    answer(quiz, "q2", "a", "b")               # two choices and a check: three saves
    heard = mini.evaluate("() => window.heard")
    assert len(heard) == 5, heard
    for event in heard:
        assert event["detail"]["quiz"] == QUIZ_ID and event["detail"]["pass"] == QUIZ_DATA["pass_mark"]
        # The event carries the record just saved.
        assert event["detail"]["record"] == json.loads(event["saved"])
    assert heard[0]["detail"]["record"]["answers"] == {"q1": ["b"]} and heard[0]["detail"]["record"]["checked"] == []
    assert heard[1]["detail"]["record"]["checked"] == ["q1"]
    assert heard[-1]["detail"]["record"]["checked"] == ["q1", "q2"]
    assert heard[-1]["detail"]["record"]["answers"] == {"q1": ["b"], "q2": ["a", "b"]}

    quiz.locator(".ctpat-quiz__clear").click()  # clearing says so too: no record any more
    heard = mini.evaluate("() => window.heard")
    assert len(heard) == 6 and heard[-1]["detail"]["record"] is None and heard[-1]["saved"] is None
