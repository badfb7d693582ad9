"""The final assessment (page assessment/, assessment.js) in Chromium, on the real built site.

Each attempt draws, at random, the number of questions ``draw:`` of quizzes/final-assessment.yml
gives per module; the trainee answers them all and submits once; the score is checked against
``pass_mark``. The best score, the date first passed and the number of attempts are kept in
this browser like self-check progress: they survive a reload, show on the assessment page of
the other language and on the record of completion. The pool travels in the page encoded, so
the raw HTML holds none of its prompts or right answers in plain text.

Questions are recognised by their prompt (the YAML's, as inline Markdown reads), options are
picked by their ids using the YAML's ``correct`` flags; texts come from strings.py.
"""

from __future__ import annotations

import base64
import calendar
import html
import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

import course_files as disk
from coursekit.strings import STRINGS
from quiz_site import plain, right_ids, score, storage_key, stored, text_of, watched_page, wrong_id

pytestmark = pytest.mark.browser

TIMEZONE = "Asia/Shanghai"
POOL_ID = "final-assessment"
PREFIX = {"en": "", "zh": "zh/"}
ASSESSMENT = {edition: prefix + "assessment/" for edition, prefix in PREFIX.items()}


def pool() -> dict:
    return disk.quiz(POOL_ID)


def questions() -> dict[str, dict]:
    return {q["id"]: q for q in pool()["questions"]}


def draw() -> dict[int, int]:
    return {int(module): count for module, count in pool()["draw"].items()}


def drawn_total() -> int:
    return sum(draw().values())


def today() -> date:
    return datetime.now(ZoneInfo(TIMEZONE)).date()


def long_date(day: date, edition: str) -> str:
    """A date as the record of completion and the assessment's best-result line write it."""
    if edition == "en":
        return f"{calendar.month_name[day.month]} {day.day}, {day.year}"
    return f"{day.year}年{day.month}月{day.day}日"


def passes(right: int) -> bool:
    return score(right, drawn_total()) >= pool()["pass_mark"]


# ---- the page, the way a trainee works it ---------------------------------------------------------------

def open_assessment(page, edition: str):
    page.goto(page.base_url + ASSESSMENT[edition])
    page.wait_for_selector("[data-ctpat-assessment][data-ready] [data-ctpat-start]", state="visible")


def start(page, edition: str):
    page.get_by_role("button", name=STRINGS[edition]["assessment_start"]).click()
    page.wait_for_selector("[data-ctpat-form] fieldset", state="visible")


def again(page, edition: str):
    page.get_by_role("button", name=STRINGS[edition]["assessment_again"]).click()
    expect(page.locator("[data-ctpat-result]")).to_have_text("")


def submit(page, edition: str):
    page.get_by_role("button", name=STRINGS[edition]["assessment_submit"]).click()


def drawn(page, edition: str) -> list[str]:
    """The ids of the questions on the page, in order, recognised by their prompts."""
    ids = {plain(q["prompt"][edition]): qid for qid, q in questions().items()}
    assert len(ids) == len(questions()), "two questions of the pool share a prompt"
    prompts = page.eval_on_selector_all("[data-ctpat-form] fieldset .ctpat-quiz__prompt", "els => els.map(e => e.textContent)")
    found = [ids.get(" ".join(prompt.split())) for prompt in prompts]
    assert None not in found, f"a prompt on the page is not in the pool: {prompts[found.index(None)]}"
    return found


def answer(page, ids: list[str], right: int):
    """Answer the first ``right`` questions shown right and the others wrong (by option id)."""
    fieldsets = page.locator("[data-ctpat-form] fieldset")
    for index, qid in enumerate(ids):
        q = questions()[qid]
        for option in (right_ids(q) if index < right else [wrong_id(q)]):
            fieldsets.nth(index).locator(f'input[value="{option}"]').check()


def result(page):
    return page.locator("[data-ctpat-result]")


def result_text(edition: str, right: int) -> str:
    s, total = STRINGS[edition], drawn_total()
    verdict = s["assessment_passed"] if passes(right) else s["assessment_failed"].format(**{"pass": pool()["pass_mark"]})
    return s["assessment_result"].format(score=score(right, total), correct=right, total=total, verdict=verdict)


def best_text(edition: str, best: int, attempts: int, day: date) -> str:
    return STRINGS[edition]["assessment_best"].format(best=best, attempts=attempts, date=long_date(day, edition))


def attempt(page, edition: str, right: int) -> list[str]:
    """One attempt (the page showing a drawn set) answered with ``right`` right answers."""
    ids = drawn(page, edition)
    answer(page, ids, right)
    submit(page, edition)
    expect(result(page)).to_have_text(result_text(edition, right))
    return ids


# ---- drawing -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("edition", ["en", "zh"])
def test_each_attempt_draws_the_yaml_count_per_module_and_attempts_differ(browser, site_server, edition):
    s = STRINGS[edition]
    sets = []
    with watched_page(browser, site_server, timezone_id=TIMEZONE) as page:
        open_assessment(page, edition)
        intro = s["assessment_intro"].format(n=drawn_total(), pass_mark=pool()["pass_mark"])
        assert intro in text_of(page.locator("[data-ctpat-assessment]"))
        start(page, edition)
        for number in range(5):
            ids = drawn(page, edition)
            assert len(ids) == len(set(ids)) == drawn_total(), ids
            per_module = {module: sum(questions()[qid]["module"] == module for qid in ids) for module in draw()}
            assert per_module == draw(), f"attempt {number + 1}: {per_module}"
            legends = page.eval_on_selector_all("[data-ctpat-form] fieldset .ctpat-quiz__num", "els => els.map(e => e.textContent)")
            assert legends == [s["question_n"].format(n=n + 1, total=drawn_total()) for n in range(drawn_total())]
            kinds = page.eval_on_selector_all("[data-ctpat-form] fieldset", "fs => fs.map(f => f.querySelector('input').type)")
            assert kinds == ["checkbox" if questions()[qid]["type"] == "multiple" else "radio" for qid in ids]
            sets.append(frozenset(ids))
            answer(page, ids, drawn_total())
            submit(page, edition)
            expect(result(page)).to_have_text(result_text(edition, drawn_total()))
            if number < 4:
                again(page, edition)
    assert len(set(sets)) >= 2, "five attempts drew the same questions"


# ---- scoring -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("edition", ["en", "zh"])
def test_scores_against_the_pass_mark_and_keeps_the_best_result(browser, site_server, edition):
    s, total, mark = STRINGS[edition], drawn_total(), pool()["pass_mark"]
    lowest_pass = next(right for right in range(total + 1) if passes(right))
    assert 0 < lowest_pass <= total
    with watched_page(browser, site_server, timezone_id=TIMEZONE) as page:
        open_assessment(page, edition)
        assert page.locator("[data-ctpat-best]").is_hidden()  # nothing yet
        start(page, edition)

        submit(page, edition)  # nothing answered
        expect(result(page)).to_have_text(s["assessment_unanswered"].format(n=total))
        ids = drawn(page, edition)
        answer(page, ids[:-1], total)
        submit(page, edition)
        expect(result(page)).to_have_text(s["assessment_unanswered"].format(n=1))
        assert stored(page, storage_key("/", POOL_ID)) is None  # nothing counted yet

        # Everything wrong: 0 %, not passed, every question marked wrong.
        page.reload()
        page.wait_for_selector("[data-ctpat-assessment][data-ready] [data-ctpat-start]", state="visible")
        start(page, edition)
        attempt(page, edition, 0)
        assert f"{mark}%" in text_of(result(page))
        verdicts = page.eval_on_selector_all("[data-ctpat-form] .ctpat-quiz__verdict", "els => els.map(e => e.textContent)")
        assert verdicts == [s["wrong"]] * total
        expect(page.locator("[data-ctpat-best]")).to_have_text(best_text(edition, 0, 1, today()))

        # One right answer short of the pass mark, then just enough, then everything right.
        again(page, edition)
        attempt(page, edition, lowest_pass - 1)
        expect(page.locator("[data-ctpat-best]")).to_have_text(
            best_text(edition, score(lowest_pass - 1, total), 2, today()))
        again(page, edition)
        attempt(page, edition, lowest_pass)
        expect(page.locator("[data-ctpat-best]")).to_have_text(best_text(edition, score(lowest_pass, total), 3, today()))
        again(page, edition)
        attempt(page, edition, total)
        verdicts = page.eval_on_selector_all("[data-ctpat-form] .ctpat-quiz__verdict", "els => els.map(e => e.textContent)")
        assert verdicts == [s["right"]] * total
        assert page.locator("[data-ctpat-form] input:not(:disabled)").count() == 0  # answers are locked
        expect(page.locator("[data-ctpat-best]")).to_have_text(best_text(edition, 100, 4, today()))

        # A later failed attempt lowers nothing.
        again(page, edition)
        attempt(page, edition, 0)
        expect(page.locator("[data-ctpat-best]")).to_have_text(best_text(edition, 100, 5, today()))
        saved = stored(page, storage_key("/", POOL_ID))
        assert {k: saved[k] for k in ("best", "attempts", "passed", "score")} == {
            "best": 100, "attempts": 5, "passed": True, "score": 0}
        assert datetime.fromisoformat(saved["passedAt"].replace("Z", "+00:00")).astimezone(
            ZoneInfo(TIMEZONE)).date() == today()


# ---- the result kept ----------------------------------------------------------------------------------------

def pass_once(page, edition: str = "en"):
    open_assessment(page, edition)
    start(page, edition)
    attempt(page, edition, drawn_total())


def test_the_result_survives_a_reload_and_shows_in_the_other_language_and_on_the_record(browser, site_server):
    lessons = [lesson for lesson in disk.lessons("en") if lesson.quiz]
    with watched_page(browser, site_server, timezone_id=TIMEZONE) as page:
        pass_once(page, "en")
        day = today()
        page.reload()
        expect(page.locator("[data-ctpat-best]")).to_have_text(best_text("en", 100, 1, day))
        open_assessment(page, "zh")
        expect(page.locator("[data-ctpat-best]")).to_have_text(best_text("zh", 100, 1, day))

        # The record of completion (every self-check passed) names the final assessment.
        page.goto(site_server + "record/")
        page.wait_for_selector("[data-ctpat-record][data-ready] [data-ctpat-record-form]", state="visible")
        page.evaluate("""([root, records]) => {
            const p = window.ctpatProgress, prefix = p.prefix(root);
            for (const [id, record] of Object.entries(records)) p.write(prefix + id, JSON.stringify(record));
        }""", [page.locator("[data-ctpat-record]").get_attribute("data-root"),
               {lesson.quiz: {"v": 1, "hash": disk.quiz_hash(lesson.quiz), "answers": {}, "checked": [],
                              "correct": 5, "total": 5, "score": 100, "best": 100, "passed": True,
                              "passedAt": "2026-02-01T08:00:00.000Z", "updated": "2026-02-01T08:00:00.000Z"}
                for lesson in lessons}])
        for edition in ("en", "zh"):
            s = STRINGS[edition]
            page.goto(site_server + PREFIX[edition] + "record/")
            page.wait_for_selector("[data-ctpat-record][data-ready] [data-ctpat-record-form]", state="visible")
            page.get_by_label(s["record_name"]).fill("Zhang Min")
            page.get_by_role("button", name=s["record_show"]).click()
            line = page.locator("[data-ctpat-record-assessment]")
            expect(line).to_be_visible()
            assert text_of(line) == f"{s['record_assessment']}: 100% {s['assessment_passed']} ({long_date(day, edition)})"
            # A module's record is about that module's self-checks only.
            page.get_by_label(s["record_scope"]).select_option("1")
            page.get_by_role("button", name=s["record_show"]).click()
            expect(line).to_be_hidden()


def test_the_result_moves_to_another_browser_with_the_saved_progress(browser, site_server, tmp_path):
    lesson = next(lesson for lesson in disk.lessons("en") if lesson.quiz)
    with watched_page(browser, site_server, timezone_id=TIMEZONE) as page:
        pass_once(page, "en")
        day = today()
        quiz_page = page.base_url + lesson.site_path("en")
        page.goto(quiz_page)
        page.evaluate("""([quiz, record]) => window.ctpatProgress.write(
            window.ctpatProgress.prefix(document.querySelector('.ctpat-quiz').dataset.root) + quiz, JSON.stringify(record))""",
            [lesson.quiz, {"v": 1, "hash": disk.quiz_hash(lesson.quiz), "answers": {}, "checked": [], "score": 100,
                           "best": 100, "passed": True, "passedAt": "2026-02-01T08:00:00.000Z",
                           "updated": "2026-02-01T08:00:00.000Z"}])
        page.goto(page.base_url + "library/")
        page.wait_for_selector("[data-ctpat-library][data-ctpat-ready]", state="attached")
        with page.expect_download() as info:
            page.get_by_role("button", name=STRINGS["en"]["progress_save_file"]).click()
        file = tmp_path / "ctpat-progress.json"
        info.value.save_as(file)
    assert POOL_ID in json.loads(file.read_text(encoding="utf-8"))["records"]  # saved...

    with watched_page(browser, site_server, timezone_id=TIMEZONE) as page:
        page.goto(page.base_url + "library/")
        page.wait_for_selector("[data-ctpat-library][data-ctpat-ready]", state="attached")
        with page.expect_file_chooser() as chooser:
            page.get_by_text(STRINGS["en"]["progress_restore_file"]).click()
        chooser.value.set_files(str(file))
        expect(page.locator("[data-ctpat-keep-status]")).not_to_have_text("")
        open_assessment(page, "en")  # ...and restored
        expect(page.locator("[data-ctpat-best]")).to_have_text(best_text("en", 100, 1, day), timeout=2000)


# ---- the page source -----------------------------------------------------------------------------------------

def forms(text: str) -> set[str]:
    """The ways a text of the YAML could stand in HTML: as written, as read, escaped."""
    return {text.strip(), plain(text), html.escape(plain(text)), html.escape(plain(text), quote=False)}


@pytest.mark.parametrize("edition", ["en", "zh"])
def test_the_page_source_does_not_give_away_the_questions_or_answers(page, edition):
    response = page.request.get(page.base_url + ASSESSMENT[edition])
    assert response.ok
    source = response.text()
    secrets = {}
    for qid, q in questions().items():
        secrets[f"{qid} prompt"] = forms(q["prompt"][edition])
        for option in q["options"]:
            if option.get("correct"):
                secrets[f"{qid} right option {option['id']}"] = forms(option["text"][edition])
        if q.get("explanation"):
            secrets[f"{qid} explanation"] = forms(q["explanation"][edition][:60])
    readable = [what for what, texts in secrets.items() if any(text in source for text in texts)]
    assert readable == [], f"readable in the page source: {readable[:5]}"

    # Nor does decoding the page's one Base64 block as such show them (it is not only Base64).
    from bs4 import BeautifulSoup

    blob = BeautifulSoup(source, "html.parser").select_one("[data-ctpat-pool]").get_text()
    decoded = base64.b64decode(blob).decode("utf-8", errors="replace")
    readable = [what for what, texts in secrets.items() if any(text in decoded for text in texts)]
    assert readable == [], f"readable after a plain Base64 decode: {readable[:5]}"

    # And yet the page works from it: the assessment starts with prompts of the pool.
    open_assessment(page, edition)
    start(page, edition)
    assert len(drawn(page, edition)) == drawn_total()
