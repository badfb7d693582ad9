"""The quiz widget in Chromium: feedback by text and icon, score, progress across reloads and
languages, keyboard only, no JavaScript, broken or unavailable storage, accessibility.

Runs on a small site built once for this module (tests/quiz_site.py): this module's
``site_server`` replaces conftest's, so conftest's ``page`` fixture (which fails a test on
any console error, outside request or HTTP error) browses that site.
"""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from conftest import serve_directory
from quiz_site import LESSON, QUIZ_ID, build_quiz_site

pytestmark = pytest.mark.browser

KEY = f"ctpat:quiz:{QUIZ_ID}"
ISO_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")


@pytest.fixture(scope="module")
def quiz_site(tmp_path_factory):
    return build_quiz_site(tmp_path_factory.mktemp("quiz-browser"))


@pytest.fixture(scope="module")
def site_server(quiz_site):
    """Overrides conftest's ``site_server``: the ``page`` fixture browses the quiz site."""
    base_url, server = serve_directory(quiz_site)
    yield base_url
    server.shutdown()


@pytest.fixture(scope="module")
def quiz_hash(quiz_site) -> str:
    html = (quiz_site / LESSON / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("section.ctpat-quiz")["data-quiz-hash"]


def open_quiz(page, language: str = "en"):
    page.goto(page.base_url + ("zh/" if language == "zh" else "") + LESSON)
    page.wait_for_selector(".ctpat-quiz[data-ready] .ctpat-quiz__check", state="visible")
    return page.locator(".ctpat-quiz")


def question(quiz, qid: str):
    return quiz.locator(f'fieldset[data-q="{qid}"]')


def option(quiz, qid: str, oid: str):
    return question(quiz, qid).locator(f'li[data-o="{oid}"]')


def answer(quiz, qid: str, *oids: str, check: bool = True):
    for oid in oids:
        option(quiz, qid, oid).locator("input").check()
    if check:
        question(quiz, qid).locator(".ctpat-quiz__check").click()


def marks(quiz, qid: str) -> dict[str, str]:
    """``{option id: its mark}`` for the options that carry one."""
    return question(quiz, qid).evaluate(
        "f => Object.fromEntries([...f.querySelectorAll('li')].filter(li => li.querySelector('.ctpat-quiz__mark'))"
        ".map(li => [li.dataset.o, li.querySelector('.ctpat-quiz__mark').textContent]))")


def stored(page):
    return json.loads(page.evaluate(f"() => localStorage.getItem('{KEY}')") or "null")


def active(page) -> str:
    """What has the keyboard focus: ``input#id``, ``button.class`` or ``div.class``."""
    return page.evaluate("() => { const e = document.activeElement;"
                         " return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '.' + e.classList[0]); }")


# ---- answering --------------------------------------------------------------------------------

def test_wrong_and_right_answers_are_marked_by_text_and_icon_and_scored(page, quiz_hash):
    quiz = open_quiz(page)
    summary = quiz.locator(".ctpat-quiz__summary")
    assert quiz.locator("fieldset details").first.is_hidden()  # the no-JS answers give way

    answer(quiz, "q1", "b")  # wrong
    q1 = question(quiz, "q1")
    assert marks(quiz, "q1") == {"b": "✗ Incorrect", "a": "✓ Correct answer"}
    assert "is-bad" in option(quiz, "q1", "b").get_attribute("class")
    assert option(quiz, "q1", "b").locator(".ctpat-quiz__fb").inner_text() == "Indicative seals only show tampering."
    assert option(quiz, "q1", "a").locator(".ctpat-quiz__fb").is_hidden()  # feedback of chosen options only
    result = q1.locator(".ctpat-quiz__result")
    assert result.get_attribute("role") == "status"
    assert result.inner_text().split("\n")[0] == "✗ Incorrect."
    assert "Why: MSC 6.2 asks for a seal that meets ISO 17712 class H." in result.inner_text()
    assert q1.locator(".ctpat-quiz__check").is_disabled() and q1.locator("input").first.is_disabled()
    assert active(page) == "div.ctpat-quiz__result"  # focus moves to the feedback
    assert summary.inner_text() == "1 of 4 questions checked, 0 correct."

    answer(quiz, "q2", "a", "b")  # right (multiple)
    assert marks(quiz, "q2") == {"a": "✓ Correct", "b": "✓ Correct"}
    assert question(quiz, "q2").locator(".ctpat-quiz__result p").first.inner_text() == "✓ Correct."
    answer(quiz, "q3", "false")  # right (true_false)
    assert marks(quiz, "q3") == {"false": "✓ Correct"}
    answer(quiz, "q4", "b")  # wrong
    assert summary.inner_text().startswith(
        "Your score: 50% (2 of 4 correct). ✗ Not passed yet: the pass mark is 75%.")
    assert summary.get_attribute("role") == "status"

    saved = stored(page)
    assert ISO_TIME.match(saved.pop("updated"))
    assert saved == {"v": 1, "hash": quiz_hash, "answers": {"q1": ["b"], "q2": ["a", "b"], "q3": ["false"],
                     "q4": ["b"]}, "checked": ["q1", "q2", "q3", "q4"], "correct": 2, "total": 4,
                     "score": 50, "best": 50, "passed": False}

    quiz.locator(".ctpat-quiz__retry").click()
    assert marks(quiz, "q1") == {} and not q1.locator("input").first.is_disabled()
    assert quiz.locator("input:checked").count() == 0
    assert summary.inner_text() == "Your best score: 50%."
    assert active(page) == "input#" + q1.locator("input").first.get_attribute("id")
    for qid, oids in (("q1", ["a"]), ("q2", ["a", "b"]), ("q3", ["false"]), ("q4", ["a"])):
        answer(quiz, qid, *oids)
    assert summary.inner_text() == "Your score: 100% (4 of 4 correct). ✓ Passed: the pass mark is 75%."
    saved = stored(page)
    assert (saved["score"], saved["best"], saved["passed"], saved["correct"]) == (100, 100, True, 4)


def test_checking_without_an_answer_asks_for_one(page):
    quiz = open_quiz(page)
    question(quiz, "q1").locator(".ctpat-quiz__check").click()
    assert question(quiz, "q1").locator(".ctpat-quiz__result").inner_text() == "Choose an answer first."
    assert not question(quiz, "q1").locator(".ctpat-quiz__check").is_disabled()
    assert stored(page)["checked"] == []


def test_progress_survives_a_reload_and_the_language_switch(page):
    quiz = open_quiz(page)
    answer(quiz, "q1", "a")  # checked, right
    answer(quiz, "q2", "c", check=False)  # chosen, not checked yet

    page.reload()
    page.wait_for_selector(".ctpat-quiz[data-ready]", state="attached")
    assert marks(quiz, "q1") == {"a": "✓ Correct"}
    assert option(quiz, "q1", "a").locator("input").is_checked() and question(quiz, "q1").locator(
        ".ctpat-quiz__check").is_disabled()
    assert option(quiz, "q2", "c").locator("input").is_checked() and marks(quiz, "q2") == {}
    assert quiz.locator(".ctpat-quiz__summary").inner_text() == (
        "Your earlier answers have been restored. 1 of 4 questions checked, 1 correct.")

    # The site's own language switcher leads to the twin page under /zh/.
    page.locator(".md-header__option .md-select").first.hover()
    page.locator('.md-select__link[hreflang="zh"]').first.click()
    page.wait_for_url(re.compile(re.escape(page.base_url + "zh/") + ".*"))
    page.wait_for_load_state()
    assert page.url == page.base_url + "zh/" + LESSON, (
        f"the language switcher led to {page.url}, not to the lesson's twin (Material's alternate-link "
        "handler falls back to the language root when its sitemap lookup fails)")
    page.wait_for_selector(".ctpat-quiz[data-ready]", state="attached")
    quiz = page.locator(".ctpat-quiz")
    assert marks(quiz, "q1") == {"a": "✓ 选对了"}
    assert question(quiz, "q1").locator(".ctpat-quiz__result p").first.inner_text() == "✓ 回答正确。"
    assert "解析：MSC 6.2 要求封条符合 ISO 17712 H 级。" in question(quiz, "q1").locator(".ctpat-quiz__result").inner_text()
    assert option(quiz, "q2", "c").locator("input").is_checked()
    assert quiz.locator(".ctpat-quiz__summary").inner_text() == "已恢复您上次的作答。 已检查 1/4 题，答对 1 题。"

    answer(quiz, "q2", "a", "b")  # c stays ticked: wrong
    assert marks(quiz, "q2") == {"a": "✓ 选对了", "b": "✓ 选对了", "c": "✗ 选错了"}
    assert stored(page)["answers"]["q2"] == ["a", "b", "c"]

    quiz.locator(".ctpat-quiz__clear").click()
    assert stored(page) is None
    assert quiz.locator(".ctpat-quiz__summary").inner_text() == "本测验的进度已清除。"
    assert marks(quiz, "q1") == {} and quiz.locator("input:checked").count() == 0
    page.reload()
    page.wait_for_selector(".ctpat-quiz[data-ready]", state="attached")
    assert page.locator(".ctpat-quiz input:checked").count() == 0
    assert page.locator(".ctpat-quiz__summary").inner_text() == ""


def test_options_are_shuffled_in_the_browser_only_and_answers_follow_ids(page, quiz_site):
    html = (quiz_site / LESSON / "index.html").read_text(encoding="utf-8")
    q2 = BeautifulSoup(html, "html.parser").select_one('fieldset[data-q="q2"]')
    assert q2.has_attr("data-shuffle")
    assert [li["data-o"] for li in q2.select("li[data-o]")] == ["a", "b", "c"]  # no JS: authors' order
    page.add_init_script("Math.random = () => 0;")  # Fisher-Yates then gives b, c, a
    quiz = open_quiz(page)
    order = question(quiz, "q2").evaluate("f => [...f.querySelectorAll('li[data-o]')].map(li => li.dataset.o)")
    assert order == ["b", "c", "a"]
    assert question(quiz, "q1").evaluate("f => [...f.querySelectorAll('li[data-o]')].map(li => li.dataset.o)") \
        == ["a", "b", "c"]  # q1 is not shuffled
    answer(quiz, "q2", "a", "b")
    assert marks(quiz, "q2") == {"a": "✓ Correct", "b": "✓ Correct"}
    assert stored(page)["answers"]["q2"] == ["a", "b"]  # ids in the authors' order, never positions


# ---- keyboard only --------------------------------------------------------------------------

def test_the_quiz_can_be_completed_with_tab_space_and_enter_only(page):
    page.add_init_script("Math.random = () => 0.99;")  # q2's shuffle keeps the order a, b, c
    quiz = open_quiz(page)
    first = question(quiz, "q1").locator("input").first.get_attribute("id")
    for _ in range(400):
        page.keyboard.press("Tab")
        if active(page) == f"input#{first}":
            break
    else:
        pytest.fail("Tab never reached the quiz's first answer")

    page.keyboard.press("Space")            # q1: choose "Class H" (the first option)
    page.keyboard.press("Tab")
    assert active(page) == "button.md-button"
    page.keyboard.press("Enter")            # check
    assert active(page) == "div.ctpat-quiz__result"
    assert question(quiz, "q1").locator(".ctpat-quiz__result").inner_text().startswith("✓ Correct.")

    page.keyboard.press("Tab")              # q2: tick a and b, leave c
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert marks(quiz, "q2") == {"a": "✓ Correct", "b": "✓ Correct"}

    page.keyboard.press("Tab")              # q3: "True" is the first option: wrong
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert marks(quiz, "q3") == {"true": "✗ Incorrect", "false": "✓ Correct answer"}

    page.keyboard.press("Tab")              # q4: "Tug"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert quiz.locator(".ctpat-quiz__summary").inner_text() == (
        "Your score: 75% (3 of 4 correct). ✓ Passed: the pass mark is 75%.")

    page.keyboard.press("Tab")              # "Try again"
    assert active(page) == "button.md-button" and page.evaluate(
        "() => document.activeElement.classList.contains('ctpat-quiz__retry')")
    page.keyboard.press("Enter")
    assert active(page) == f"input#{first}" and quiz.locator("input:checked").count() == 0


# ---- without JavaScript ---------------------------------------------------------------------

@pytest.mark.parametrize("language, show, right", [("en", "Show answer", "Class H (High Security)"),
                                                   ("zh", "查看答案", "H 级（高度安全）")])
def test_without_javascript_questions_answers_and_explanations_are_readable(
        browser, site_server, language, show, right):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_server + ("zh/" if language == "zh" else "") + LESSON)
        quiz = page.locator(".ctpat-quiz")
        assert quiz.locator("fieldset").count() == 4
        assert quiz.locator("legend").first.is_visible() and quiz.locator("input").first.is_visible()
        assert quiz.locator("button").evaluate_all("bs => bs.filter(b => b.offsetParent).length") == 0
        details = quiz.locator("fieldset details")
        assert details.count() == 4
        for index in range(4):
            assert details.nth(index).locator("summary").inner_text() == show
        first = details.first
        assert not first.locator(".ctpat-quiz__right").is_visible()  # closed until asked
        first.locator("summary").click()
        assert first.locator(".ctpat-quiz__right li").inner_text() == right
        text = first.inner_text()
        assert ("Indicative seals only show tampering." in text if language == "en"
                else "指示性封条只能显示被动过。" in text)
        assert ("Why: MSC 6.2 asks for a seal that meets ISO 17712 class H." in text if language == "en"
                else "解析：MSC 6.2 要求封条符合 ISO 17712 H 级。" in text)
    finally:
        context.close()


# ---- stored data ------------------------------------------------------------------------------

CORRUPT = [
    "{not json",
    "null",
    "[]",
    '"a string"',
    "42",
    '{"v": 2, "hash": "@HASH", "answers": {"q1": ["a"]}, "checked": ["q1"]}',
    '{"v": 1, "hash": "000000000000", "answers": {"q1": ["a"]}, "checked": ["q1"]}',
    '{"v": 1, "hash": "@HASH", "answers": "oops", "checked": {"q1": 1}, "best": "x", "passed": "yes"}',
    '{"v": 1, "hash": "@HASH", "answers": {"q1": "a", "q2": [5, null, {}], "__proto__": {"q3": ["true"]}}, '
    '"checked": "q1", "best": 1000}',
]


@pytest.mark.parametrize("value", CORRUPT)
def test_corrupted_or_foreign_progress_is_ignored_and_replaced(page, quiz_hash, value):
    open_quiz(page)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, value.replace("@HASH", quiz_hash)])
    quiz = open_quiz(page)  # the page fixture fails the test on any console error
    assert quiz.locator("input:checked").count() == 0
    assert quiz.locator(".ctpat-quiz__mark").count() == 0
    assert quiz.locator(".ctpat-quiz__summary").inner_text() == ""
    answer(quiz, "q1", "a")
    saved = stored(page)
    assert (saved["v"], saved["hash"], saved["answers"], saved["checked"], saved["best"]) == (
        1, quiz_hash, {"q1": ["a"]}, ["q1"], 0)


def test_storage_that_refuses_writes_is_tolerated(page):
    """Some private modes throw on every write: the quiz works, it only cannot remember."""
    page.add_init_script("""
        for (const name of ['setItem', 'removeItem']) {
          Storage.prototype[name] = function () {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          };
        }""")
    quiz = open_quiz(page)
    answer(quiz, "q1", "a")
    assert marks(quiz, "q1") == {"a": "✓ Correct"}
    quiz.locator(".ctpat-quiz__clear").click()
    assert quiz.locator(".ctpat-quiz__summary").inner_text() == "Your progress on this quiz has been cleared."
    assert stored(page) is None


# ---- accessibility and dark mode --------------------------------------------------------------

@pytest.mark.parametrize("scheme, slate", [("light", False), ("dark", True)])
def test_axe_finds_no_problem_in_the_answered_quiz(page, scheme, slate):
    from axe_playwright_python.sync_playwright import Axe

    page.emulate_media(color_scheme=scheme)
    quiz = open_quiz(page)
    assert (page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == "slate") is slate
    answer(quiz, "q1", "b")
    answer(quiz, "q2", "a", "b")
    results = Axe().run(page, context=".ctpat-quiz")
    assert results.violations_count == 0, results.generate_report()
    # Right and wrong follow the colour scheme (Material's slate gets lighter colours).
    colour = option(quiz, "q1", "b").locator(".ctpat-quiz__mark").evaluate("e => getComputedStyle(e).color")
    assert colour == ("rgb(255, 154, 144)" if slate else "rgb(179, 38, 30)")
