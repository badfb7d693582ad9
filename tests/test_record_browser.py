"""The record of completion (page record/, record.js) in Chromium, on the real built site.

While any self-check of the course (or of the chosen module) is not passed in this browser,
the page says how far the trainee is and shows no record. Once every one is passed, it shows
a printable record: the brand of mkdocs.yml ``extra.brand``, the typed name, today's date,
each lesson with its best score and the date it was passed, and the statement that this is a
self-check record, not an assessed certificate. Printed (print media, or a PDF), the record is
all there is: no header, sidebars, footer or name form.

One quiz is passed through the real quiz widget; the others are written with progress.js's
own API (``window.ctpatProgress.write``) in quiz.js's record format, for speed. Expected texts
come from hooks/coursekit/strings.py, titles and answers from the files on disk, dates from
the records written (shown in the trainee's time zone: these browsers are in China's).
"""

from __future__ import annotations

import calendar
import io
import re
import unicodedata
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

import course_files as disk
from coursekit.strings import STRINGS
from quiz_site import answer, open_quiz, right_ids, score, text_of, watched_page, wrong_id

pytestmark = pytest.mark.browser

TIMEZONE = "Asia/Shanghai"
RECORD = {"en": "record/", "zh": "zh/record/"}
PREFIX = {"en": "", "zh": "zh/"}
NAME = {"en": "Maria Gonzalez-Li", "zh": "陈静怡"}


def quizzed(edition: str = "en") -> list:
    return [lesson for lesson in disk.lessons(edition) if lesson.quiz]


def today() -> date:
    return datetime.now(ZoneInfo(TIMEZONE)).date()


def local_day(iso: str) -> date:
    """The day an ISO time falls on where the trainee is."""
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(ZoneInfo(TIMEZONE)).date()


def long_date(day: date, edition: str) -> str:
    """A date the way the record writes it (year, month spelt out, day) in ``edition``."""
    if edition == "en":
        return f"{calendar.month_name[day.month]} {day.day}, {day.year}"
    return f"{day.year}年{day.month}月{day.day}日"


def brand_name(edition: str) -> str:
    name = disk.extra()["brand"]["name"]
    return name[edition] if isinstance(name, dict) else name


def module_label(number: int, edition: str) -> str:
    return f"{STRINGS[edition]['module'].format(n=number)} · {disk.label('modules', number, edition)}"


def passing_record(lesson, index: int) -> dict:
    """A pass of ``lesson``'s quiz as quiz.js saves it: one question wrong where the pass mark
    allows, else none; passed in the evening (UTC) of a day in February, which is the next
    morning in China."""
    data = disk.quiz(lesson.quiz)
    questions = data["questions"]
    total = len(questions)
    right = total - 1 if score(total - 1, total) >= data["pass_mark"] and index % 2 else total
    percent = score(right, total)
    when = f"2026-02-{10 + index:02d}T17:30:00.000Z"
    answers = {q["id"]: (right_ids(q) if n < right else [wrong_id(q)]) for n, q in enumerate(questions)}
    return {"v": 1, "hash": disk.quiz_hash(lesson.quiz), "answers": answers, "checked": list(answers),
            "correct": right, "total": total, "score": percent, "best": percent, "passed": True,
            "passedAt": when, "updated": when}


def write_records(page, records: dict[str, dict]):
    """``{quiz id: record}`` written under the page's own site scope with progress.js's API."""
    page.evaluate("""([root, records]) => {
        const p = window.ctpatProgress, prefix = p.prefix(root);
        for (const [id, record] of Object.entries(records)) p.write(prefix + id, JSON.stringify(record));
    }""", [page.locator("[data-ctpat-record]").get_attribute("data-root"), records])


def open_record(page, edition: str):
    page.goto(page.base_url + RECORD[edition])
    page.wait_for_selector("[data-ctpat-record][data-ready] [data-ctpat-record-form]", state="visible")


def ask_for_record(page, edition: str, name: str, scope: str = ""):
    """Type the name, choose the scope (a module number, or "" for the whole course), ask."""
    s = STRINGS[edition]
    page.get_by_label(s["record_name"]).fill(name)
    page.get_by_label(s["record_scope"]).select_option(scope)
    page.get_by_role("button", name=s["record_show"]).click()


def status(page):
    return page.locator("[data-ctpat-record-status]")


def sheet(page):
    return page.locator("[data-ctpat-record-sheet]")


def rows(page) -> list[list[str]]:
    return page.eval_on_selector_all(
        "[data-ctpat-record-rows] tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent.trim()))")


def pass_first_by_hand(page, edition: str) -> tuple:
    """Answer the first lesson's quiz in the real widget, the first question wrong if the pass
    mark allows; return (lesson, the score in percent)."""
    lesson = quizzed(edition)[0]
    data = disk.quiz(lesson.quiz)
    questions = data["questions"]
    total = len(questions)
    one_wrong = score(total - 1, total) >= data["pass_mark"]
    quiz = open_quiz(page, page.base_url + PREFIX[edition] + lesson.site_path("en"))
    for n, question in enumerate(questions):
        answer(quiz, question["id"], *([wrong_id(question)] if one_wrong and n == 0 else right_ids(question)))
    right = total - 1 if one_wrong else total
    s = STRINGS[edition]
    expect(quiz.locator(".ctpat-quiz__summary")).to_have_text(
        s["score"].format(score=score(right, total), correct=right, total=total) + " "
        + s["passed"].format(**{"pass": data["pass_mark"]}))
    return lesson, score(right, total)


# ---- not yet earned --------------------------------------------------------------------------------------

@pytest.mark.parametrize("edition", ["en", "zh"])
def test_while_any_quiz_is_unpassed_the_page_says_not_yet_and_shows_no_record(browser, site_server, edition):
    s = STRINGS[edition]
    lessons = quizzed(edition)
    total = len(lessons)
    with watched_page(browser, site_server, timezone_id=TIMEZONE) as page:
        open_record(page, edition)
        assert sheet(page).is_hidden()

        page.get_by_role("button", name=s["record_show"]).click()  # no name yet
        expect(status(page)).to_have_text(s["record_name_missing"])
        expect(page.get_by_label(s["record_name"])).to_be_focused()
        assert sheet(page).is_hidden()

        ask_for_record(page, edition, NAME[edition])
        expect(status(page)).to_have_text(s["record_not_yet"].format(passed=0, total=total))
        assert sheet(page).is_hidden()

        # Every quiz passed but one, which failed; then but one passed in an older version
        # of its quiz (which no longer counts).
        records = {lesson.quiz: passing_record(lesson, n) for n, lesson in enumerate(lessons)}
        last = lessons[-1].quiz
        failed = {**records[last], "score": 40, "best": 40, "passed": False, "passedAt": None}
        for variant in (failed, {**records[last], "hash": "000000000000"}):
            write_records(page, {**records, last: variant})
            open_record(page, edition)
            ask_for_record(page, edition, NAME[edition])
            expect(status(page)).to_have_text(s["record_not_yet"].format(passed=total - 1, total=total))
            assert sheet(page).is_hidden()
            assert NAME[edition] not in text_of(page.locator("article"))


# ---- the record -------------------------------------------------------------------------------------------

@pytest.fixture(scope="module", params=["en", "zh"])
def earned(request, browser, site_server):
    """A browser in China where the first quiz was passed by hand and every other one is
    written as passed, on the record page with the whole course's record shown."""
    edition = request.param
    s = STRINGS[edition]
    with watched_page(browser, site_server, timezone_id=TIMEZONE) as page:
        lesson, by_hand = pass_first_by_hand(page, edition)
        open_record(page, edition)
        ask_for_record(page, edition, NAME[edition])
        expect(status(page)).to_have_text(s["record_not_yet"].format(passed=1, total=len(quizzed(edition))))
        records = {other.quiz: passing_record(other, n) for n, other in enumerate(quizzed(edition)) if other.id != lesson.id}
        write_records(page, records)
        open_record(page, edition)
        day_before = today()
        ask_for_record(page, edition, f"  {NAME[edition]} ")  # spaces around the name are dropped
        expect(sheet(page)).to_be_visible()
        yield {"page": page, "edition": edition, "by_hand": (lesson, by_hand), "records": records,
               "days": {day_before, today()}}


def test_the_record_lists_every_lesson_with_its_score_and_date_under_the_name(earned):
    page, edition = earned["page"], earned["edition"]
    s = STRINGS[edition]
    assert text_of(status(page)) == ""
    assert text_of(page.locator("#ctpat-record-heading")) == s["record_heading"]
    assert text_of(page.locator("[data-ctpat-record-who]")) == s["record_for"].format(
        name=NAME[edition], scope=s["record_scope_course"])
    assert text_of(page.locator("[data-ctpat-record-date]")) in {long_date(day, edition) for day in earned["days"]}

    lesson, by_hand = earned["by_hand"]
    expected = []
    for other in quizzed(edition):
        if other.id == lesson.id:
            expected.append([other.meta["title"], f"{by_hand}%", None])  # passed just now
        else:
            record = earned["records"][other.quiz]
            expected.append([other.meta["title"], f"{record['best']}%", long_date(local_day(record["passedAt"]), edition)])
    found = rows(page)
    assert [row[:2] for row in found] == [row[:2] for row in expected]
    assert found[0][2] in {long_date(day, edition) for day in earned["days"]}
    assert [row[2] for row in found[1:]] == [row[2] for row in expected[1:]]
    headings = page.eval_on_selector_all(".ctpat-record__table thead th", "cells => cells.map(c => c.textContent.trim())")
    assert headings == [s["record_lesson"], s["record_score"], s["record_passed_on"]]

    assert text_of(page.locator(".ctpat-record__brand")) == brand_name(edition)
    logo = page.locator(".ctpat-record__logo")
    assert logo.get_attribute("src").endswith(disk.extra()["brand"]["logo"])
    assert logo.evaluate("img => img.complete && img.naturalWidth > 0"), "the brand's logo does not load"
    assert text_of(page.locator(".ctpat-record__statement")) == s["record_statement"]
    assert page.locator("[data-ctpat-record-assessment]").is_hidden()  # the final assessment is not passed

    # The name is only placed in the page: nothing keeps it.
    kept = page.evaluate("() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])")
    assert NAME[edition] not in kept


def test_printed_the_record_is_all_there_is(earned):
    page = earned["page"]
    page.emulate_media(media="print")
    try:
        for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                       "[data-ctpat-record-form]", "[data-ctpat-record-print]", ".ctpat-record > p.ctpat-screen-only"):
            assert page.locator(chrome).first.is_hidden(), f"{chrome} prints"
        for part in ("[data-ctpat-record-sheet]", "[data-ctpat-record-who]", ".ctpat-record__table",
                     ".ctpat-record__statement", ".ctpat-record__brand"):
            assert page.locator(part).is_visible(), f"{part} does not print"
    finally:
        page.emulate_media(media="null")  # no emulation: page.pdf() prints with print media again
    assert page.locator("[data-ctpat-record-form]").is_visible()  # back on screen


def squeezed(value: str) -> str:
    """Text without white space: table cells wrap titles over lines, and a PDF's text breaks
    Chinese lines between any two characters."""
    return "".join(value.split())


def pdf_pages(page) -> list[str]:
    """The text of each A4 page of ``page`` printed to PDF (print media), white space removed
    and NFKC-normalised: a CJK font's PDF text maps some characters to Kangxi radicals (⽇ for 日)."""
    from pypdf import PdfReader

    pdf = page.pdf(format="A4")
    return [unicodedata.normalize("NFKC", squeezed(sheet.extract_text() or ""))
            for sheet in PdfReader(io.BytesIO(pdf)).pages]


def in_pdf(wanted: str, text: str) -> bool:
    """``wanted`` (white space removed) is in a PDF page's text; a character of the CJK
    Radicals Supplement there (⻛, no NFKC form) may stand for any Chinese character."""
    pattern = "".join(f"(?:{re.escape(c)}|[\u2e80-\u2eff])" if "\u4e00" <= c <= "\u9fff" else re.escape(c)
                      for c in squeezed(unicodedata.normalize("NFKC", wanted)))
    return re.search(pattern, text) is not None


def test_the_pdf_of_the_record_has_the_name_and_every_lesson(earned):
    page, edition = earned["page"], earned["edition"]
    text = "".join(pdf_pages(page))

    assert in_pdf(NAME[edition], text)
    missing = [lesson.meta["title"] for lesson in quizzed(edition) if not in_pdf(lesson.meta["title"], text)]
    assert missing == [], f"lesson titles not in the PDF: {missing}"
    assert in_pdf(STRINGS[edition]["record_statement"], text)
    assert not in_pdf(STRINGS[edition]["record_name"], text)  # the form does not print


# ---- a module's record -------------------------------------------------------------------------------------

@pytest.mark.parametrize("edition", ["en", "zh"])
def test_a_module_whose_quizzes_are_all_passed_gets_its_own_record(browser, site_server, edition):
    s = STRINGS[edition]
    lessons = quizzed(edition)
    modules = sorted({lesson.module for lesson in lessons})
    assert len(modules) >= 2, "this needs a course of two modules or more"
    done, other = modules[0], modules[1]
    mine = [lesson for lesson in lessons if lesson.module == done]
    records = {lesson.quiz: passing_record(lesson, n) for n, lesson in enumerate(mine)}
    with watched_page(browser, site_server, timezone_id=TIMEZONE) as page:
        open_record(page, edition)
        write_records(page, records)
        open_record(page, edition)

        ask_for_record(page, edition, NAME[edition])  # the whole course: not yet
        expect(status(page)).to_have_text(s["record_not_yet"].format(passed=len(mine), total=len(lessons)))
        assert sheet(page).is_hidden()
        theirs = [lesson for lesson in lessons if lesson.module == other]
        ask_for_record(page, edition, NAME[edition], str(other))
        expect(status(page)).to_have_text(s["record_not_yet"].format(passed=0, total=len(theirs)))
        assert sheet(page).is_hidden()

        ask_for_record(page, edition, NAME[edition], str(done))
        expect(sheet(page)).to_be_visible()
        assert text_of(status(page)) == ""
        assert text_of(page.locator("[data-ctpat-record-who]")) == s["record_for"].format(
            name=NAME[edition], scope=module_label(done, edition))
        assert rows(page) == [[lesson.meta["title"], f"{records[lesson.quiz]['best']}%",
                               long_date(local_day(records[lesson.quiz]["passedAt"]), edition)] for lesson in mine]
        assert text_of(page.locator(".ctpat-record__statement")) == s["record_statement"]

        # Asking for another module afterwards takes the record away again.
        ask_for_record(page, edition, NAME[edition], str(other))
        expect(status(page)).to_have_text(s["record_not_yet"].format(passed=0, total=len(theirs)))
        assert sheet(page).is_hidden()


def test_the_printed_record_starts_its_lessons_under_the_name_and_ends_with_the_statement(earned):
    """A trainee printing the record gets the name and the lessons on the first sheet, and the
    statement on the sheet of the last lesson (not a near-empty first sheet, not a lone last one)."""
    page, edition = earned["page"], earned["edition"]
    pages = pdf_pages(page)
    lessons = [lesson.meta["title"] for lesson in quizzed(edition)]
    assert in_pdf(NAME[edition], pages[0]) and in_pdf(lessons[0], pages[0]), f"{len(pages)} pages: {pages}"
    last = next(i for i, text in enumerate(pages) if in_pdf(lessons[-1], text))
    assert in_pdf(STRINGS[edition]["record_statement"], pages[last]), f"{len(pages)} pages"
