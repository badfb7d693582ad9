"""Keeping progress (library.js, "Keep your progress"), in Chromium, as a trainee moving to
another phone or browser uses it: save to a file (a download) or as a code (and its QR code),
then restore in a browser that has nothing, from the file or from the code.

A restore merges: each self-check keeps the better result (passed beats not passed, then the
higher best score) and the message says how many results improved and how many were already
as good or better. Anything that is not this course's progress (a corrupted file, another
format, another course, garbage typed as a code) gets the clear message and changes nothing.
Two courses on one host never mix: each saves and restores only under its own site scope.

Expectations come from the quiz YAML (answers, hashes through course_files) and from
hooks/coursekit/strings.py (every text), never from what the page printed before. Every page
is watched: an outside request, a console error or an HTTP error fails the test.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

import course_files as disk
from conftest import serve_directory
from coursekit.strings import STRINGS
from quiz_site import (LESSON, QUIZ_DATA, QUIZ_ID, answer, build_quiz_site, ctpat_keys, open_quiz, right_ids,
                       storage_key, stored, text_of, two_copies, watched_page)
from test_library_browser import open_library, quizzed
from test_library_browser import statuses as _statuses

pytestmark = pytest.mark.browser

LIBRARY = {"en": "library/", "zh": "zh/library/"}
PHONE = {"width": 360, "height": 740}


# ---- the widget, the way a trainee works it ----------------------------------------------------------

def statuses(page) -> dict[str, tuple]:
    """``{lesson id: (state, status text)}`` of the lessons with a quiz (test_library_browser's)."""
    return {lesson: tuple(found) for lesson, found in _statuses(page).items()}


def keep(page):
    return page.locator("[data-ctpat-keep]")


def keep_status(page):
    return page.locator("[data-ctpat-keep-status]")


def save_file(page, edition: str) -> dict:
    """Click "Save to a file"; return the downloaded file's name and its JSON."""
    with page.expect_download() as info:
        keep(page).get_by_role("button", name=STRINGS[edition]["progress_save_file"]).click()
    download = info.value
    return {"name": download.suggested_filename,
            "data": json.loads(open(download.path(), encoding="utf-8").read())}


def save_code(page, edition: str) -> str:
    """Click "Show a code"; return the code shown (its QR code must show too)."""
    keep(page).get_by_role("button", name=STRINGS[edition]["progress_save_code"]).click()
    value = page.locator("[data-ctpat-code-value]")
    expect(value).to_be_visible()
    expect(page.locator("[data-ctpat-code-qr] svg")).to_be_visible()
    assert STRINGS[edition]["progress_code_hint"] in text_of(page.locator("[data-ctpat-code]"))
    return text_of(value)


def restore_file(page, edition: str, path):
    """Click "Restore from a file" and pick ``path`` in the file chooser."""
    with page.expect_file_chooser() as chooser:
        keep(page).get_by_text(STRINGS[edition]["progress_restore_file"]).click()
    chooser.value.set_files(str(path))


def restore_code(page, edition: str, code: str):
    keep(page).get_by_label(STRINGS[edition]["progress_code_label"]).fill(code)
    keep(page).get_by_role("button", name=STRINGS[edition]["progress_restore_code"]).click()


def restored_text(edition: str, changed: int, kept: int) -> str:
    return STRINGS[edition]["progress_restored"].format(changed=changed, kept=kept)


def passed_text(edition: str, best: int) -> str:
    return "✓ " + STRINGS[edition]["library_status_passed"].format(best=best)


def library_root(page) -> str:
    return page.locator("[data-ctpat-library]").get_attribute("data-root")


def write_records(page, records: dict[str, dict]):
    """Saved progress written with progress.js's own API under the page's own site scope, as
    quiz.js writes it (``{quiz id: record}``)."""
    page.evaluate("""([root, records]) => {
        const p = window.ctpatProgress, prefix = p.prefix(root);
        for (const [id, record] of Object.entries(records)) p.write(prefix + id, JSON.stringify(record));
    }""", [library_root(page), records])


def quiz_record(quiz_id: str, best: int, passed: bool, when: str = "2026-02-10T09:30:00.000Z") -> dict:
    """A record in quiz.js's format for the current version of ``quiz_id`` (hash from YAML)."""
    data = disk.quiz(quiz_id)
    first = data["questions"][0]
    return {"v": 1, "hash": disk.quiz_hash(quiz_id), "answers": {first["id"]: right_ids(first)},
            "checked": [first["id"]], "correct": 1, "total": len(data["questions"]), "score": best,
            "best": best, "passed": passed, "passedAt": when if passed else None, "updated": when}


def everything_saved(page) -> dict:
    """Every ctpat key of this origin and its value, as stored."""
    return page.evaluate("() => Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith('ctpat:'))"
                         ".map(k => [k, localStorage.getItem(k)]))")


def pass_by_hand(page, lesson, edition: str = "en"):
    """Answer every question of ``lesson``'s quiz right, in the real quiz widget."""
    data = disk.quiz(lesson.quiz)
    prefix = "" if edition == "en" else f"{edition}/"
    quiz = open_quiz(page, page.base_url + prefix + lesson.site_path("en"))
    for question in data["questions"]:
        answer(quiz, question["id"], *right_ids(question))
    total = len(data["questions"])
    s = STRINGS[edition]
    expect(quiz.locator(".ctpat-quiz__summary")).to_have_text(
        s["score"].format(score=100, correct=total, total=total) + " " + s["passed"].format(**{"pass": data["pass_mark"]}))


# ---- from one browser to another -----------------------------------------------------------------------

def test_a_passed_quiz_moves_to_a_new_browser_by_file_and_by_code(browser, site_server, tmp_path):
    """Passed on an English page, saved in the English library, restored in a browser with
    nothing: from the file in the Chinese library, from the code (and from the QR code's
    address) in the English one. The rest of the course stays not started."""
    lesson = quizzed()[-1]
    data = disk.quiz(lesson.quiz)
    with watched_page(browser, site_server) as page:
        pass_by_hand(page, lesson)
        open_library(page, "en")
        assert statuses(page)[lesson.id] == ("passed", passed_text("en", 100))
        expect(keep(page)).to_be_visible()
        saved = save_file(page, "en")
        code = save_code(page, "en")
    assert saved["name"].endswith(".json")
    assert saved["data"]["format"] == "ctpat-progress"
    record = saved["data"]["records"][data["id"]]
    assert record["hash"] == disk.quiz_hash(data["id"]) and record["passed"] is True and record["best"] == 100
    file = tmp_path / saved["name"]
    file.write_text(json.dumps(saved["data"]), encoding="utf-8")
    assert code.startswith("CTP1.")

    others = [other.id for other in quizzed() if other.id != lesson.id]
    with watched_page(browser, site_server) as page:  # a new browser: empty storage
        open_library(page, "zh")
        assert statuses(page)[lesson.id][0] == "not-started"
        restore_file(page, "zh", file)
        expect(keep_status(page)).to_have_text(restored_text("zh", 1, 0))
        assert statuses(page)[lesson.id] == ("passed", passed_text("zh", 100))
        assert {statuses(page)[other][0] for other in others} == {"not-started"}
        progress = STRINGS["zh"]["library_progress"].format(passed=1, total=len(quizzed()))
        assert text_of(page.locator("[data-ctpat-passed]")) == progress
        open_library(page, "en")  # kept in this browser, in every edition
        assert statuses(page)[lesson.id] == ("passed", passed_text("en", 100))

    with watched_page(browser, site_server) as page:
        open_library(page, "en")
        restore_code(page, "en", code)
        expect(keep_status(page)).to_have_text(restored_text("en", 1, 0))
        assert statuses(page)[lesson.id] == ("passed", passed_text("en", 100))
        assert {statuses(page)[other][0] for other in others} == {"not-started"}
        quiz = open_quiz(page, page.base_url + lesson.site_path("en"))  # the lesson knows it too
        assert "100%" in text_of(quiz.locator(".ctpat-quiz__summary"))

    with watched_page(browser, site_server) as page:  # the QR code's address fills the code in
        page.goto(site_server + LIBRARY["zh"] + "#restore=" + code)
        page.wait_for_selector("[data-ctpat-library][data-ctpat-ready]", state="attached")
        field = keep(page).get_by_label(STRINGS["zh"]["progress_code_label"])
        expect(field).to_have_value(code)
        keep(page).get_by_role("button", name=STRINGS["zh"]["progress_restore_code"]).click()
        expect(keep_status(page)).to_have_text(restored_text("zh", 1, 0))
        assert statuses(page)[lesson.id][0] == "passed"


def test_saving_with_no_progress_says_there_is_nothing_to_save(page):
    open_library(page, "zh")
    keep(page).get_by_role("button", name=STRINGS["zh"]["progress_save_file"]).click()
    expect(keep_status(page)).to_have_text(STRINGS["zh"]["progress_empty"])
    keep(page).get_by_role("button", name=STRINGS["zh"]["progress_save_code"]).click()
    expect(keep_status(page)).to_have_text(STRINGS["zh"]["progress_empty"])
    assert page.locator("[data-ctpat-code]").is_hidden()


@pytest.mark.parametrize("how", ["file", "code"])
def test_a_restore_keeps_the_better_result_of_each_quiz_and_says_what_changed(browser, site_server, tmp_path, how):
    """Device 1 saves: A passed 80 %, B passed 90 %, C tried and failed (40 %). Device 2 has
    A passed 100 % and C passed 90 %, nothing for B. After the restore: A keeps 100, B is
    passed with 90, C keeps its pass: one result improved, two already better here."""
    a, b, c = (lesson for lesson in quizzed()[:3])
    with watched_page(browser, site_server) as page:
        open_library(page, "en")
        write_records(page, {a.quiz: quiz_record(a.quiz, 80, True), b.quiz: quiz_record(b.quiz, 90, True),
                             c.quiz: quiz_record(c.quiz, 40, False)})
        open_library(page, "en")
        saved = save_file(page, "en") if how == "file" else None
        code = save_code(page, "en") if how == "code" else None
    if saved:
        file = tmp_path / saved["name"]
        file.write_text(json.dumps(saved["data"]), encoding="utf-8")

    with watched_page(browser, site_server) as page:
        open_library(page, "en")
        here = {a.quiz: quiz_record(a.quiz, 100, True, "2026-03-01T10:00:00.000Z"),
                c.quiz: quiz_record(c.quiz, 90, True, "2026-03-02T10:00:00.000Z")}
        write_records(page, here)
        open_library(page, "en")
        restore_file(page, "en", file) if saved else restore_code(page, "en", code)
        expect(keep_status(page)).to_have_text(restored_text("en", 1, 2))
        found = statuses(page)
        assert found[a.id] == ("passed", passed_text("en", 100))
        assert found[b.id] == ("passed", passed_text("en", 90))
        assert found[c.id] == ("passed", passed_text("en", 90))
        assert stored(page, storage_key("/", a.quiz)) == here[a.quiz]  # the better local result, untouched
        assert stored(page, storage_key("/", c.quiz)) == here[c.quiz]
        assert text_of(page.locator("[data-ctpat-passed]")) == STRINGS["en"]["library_progress"].format(
            passed=3, total=len(quizzed()))

        # The same again improves nothing, and says so.
        restore_file(page, "en", file) if saved else restore_code(page, "en", code)
        expect(keep_status(page)).to_have_text(STRINGS["en"]["progress_nothing"])


def test_a_result_for_an_older_version_of_a_quiz_does_not_block_a_restore(browser, site_server, tmp_path):
    """After the course is updated, this browser still holds a pass of the quiz's old version
    (the library shows "Not started"); a file with a pass of the current version restores."""
    lesson = quizzed()[0]
    current = quiz_record(lesson.quiz, 80, True)
    file = tmp_path / "ctpat-progress.json"
    file.write_text(_progress_file({lesson.quiz: current}), encoding="utf-8")
    with watched_page(browser, site_server) as page:
        open_library(page, "en")
        write_records(page, {lesson.quiz: {**quiz_record(lesson.quiz, 100, True), "hash": "000000000000"}})
        open_library(page, "en")
        assert statuses(page)[lesson.id][0] == "not-started"
        restore_file(page, "en", file)
        expect(keep_status(page)).to_have_text(restored_text("en", 1, 0))
        assert statuses(page)[lesson.id] == ("passed", passed_text("en", 80))


def test_a_quiz_tried_but_not_passed_moves_as_in_progress_by_code(browser, site_server):
    """A code carries a failed attempt's best score (no answers): the new browser shows the
    quiz in progress, as the old one did, not as never started."""
    lesson = quizzed()[0]
    with watched_page(browser, site_server) as page:
        open_library(page, "en")
        write_records(page, {lesson.quiz: quiz_record(lesson.quiz, 60, False)})
        open_library(page, "en")
        assert statuses(page)[lesson.id] == ("in-progress", "◐ " + STRINGS["en"]["library_status_in_progress"])
        code = save_code(page, "en")
    with watched_page(browser, site_server) as page:
        open_library(page, "en")
        restore_code(page, "en", code)
        expect(keep_status(page)).to_have_text(restored_text("en", 1, 0))
        assert statuses(page)[lesson.id] == ("in-progress", "◐ " + STRINGS["en"]["library_status_in_progress"])
        # ...and "continue where you left off" leads to it.
        line = page.locator("[data-ctpat-continue]")
        assert text_of(line).startswith(STRINGS["en"]["library_continue"])
        assert text_of(line.locator("a")) == lesson.meta["title"]


LOCAL_TIMES = ["00:30", "06:00", "09:15", "11:30", "14:00", "18:30", "22:00", "23:30"]


@pytest.mark.parametrize("timezone", ["Asia/Shanghai", "America/New_York"])
def test_a_code_keeps_the_day_each_quiz_was_passed_on_the_record(browser, site_server, timezone):
    """A code holds each pass's day; on the new phone (in the same time zone) the record of
    completion shows the day the trainee passed, whatever the hour."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    import test_record_browser as record_page

    zone = ZoneInfo(timezone)
    lessons = quizzed()
    passed_on, records = {}, {}
    for n, lesson in enumerate(lessons):
        hour, minute = map(int, LOCAL_TIMES[n % len(LOCAL_TIMES)].split(":"))
        local = datetime(2026, 2, 1 + n, hour, minute, tzinfo=zone)
        when = local.astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        records[lesson.quiz] = quiz_record(lesson.quiz, 100, True, when)
        passed_on[lesson.id] = local.date()
    with watched_page(browser, site_server, timezone_id=timezone) as page:
        open_library(page, "en")
        write_records(page, records)
        open_library(page, "en")
        code = save_code(page, "en")
    with watched_page(browser, site_server, timezone_id=timezone) as page:
        open_library(page, "en")
        restore_code(page, "en", code)
        expect(keep_status(page)).to_have_text(restored_text("en", len(lessons), 0))
        page.goto(site_server + "record/")
        page.wait_for_selector("[data-ctpat-record][data-ready] [data-ctpat-record-form]", state="visible")
        page.get_by_label(STRINGS["en"]["record_name"]).fill("Sam Lee")
        page.get_by_role("button", name=STRINGS["en"]["record_show"]).click()
        expect(page.locator("[data-ctpat-record-sheet]")).to_be_visible()
        shown = [row[2] for row in record_page.rows(page)]
        assert shown == [record_page.long_date(passed_on[lesson.id], "en") for lesson in lessons], list(
            zip(LOCAL_TIMES * 3, shown))


# ---- what is not this course's progress -------------------------------------------------------------------

def _progress_file(records: dict) -> str:
    return json.dumps({"format": "ctpat-progress", "version": 1, "site": "ctpat:/:quiz:",
                       "saved": "2026-03-01T10:00:00.000Z", "records": records})


def _bad_files() -> dict[str, str]:
    lesson = quizzed()[0]
    current = quiz_record(lesson.quiz, 100, True)
    return {
        "not JSON (a torn download)": _progress_file({lesson.quiz: current})[:-40],
        "an empty file": "",
        "JSON of another kind (the course catalogue)": json.dumps({"lessons": [], "modules": []}),
        "another course's quizzes": _progress_file({"forklift-safety": {**current, "hash": "0123456789ab"}}),
        "an older version of this course's quizzes": _progress_file({lesson.quiz: {**current, "hash": "000000000000"}}),
        "records of a format this page does not read": _progress_file({lesson.quiz: {**current, "v": 2}}),
    }


def _code(*entries: tuple[int, int, int, int]) -> str:
    """A code in library.js's layout (position, first hash byte, best | passed bit, day): a
    forgery whose fields this test chooses."""
    import base64

    raw = b"".join(bytes([index, check, value, days >> 8, days & 255]) for index, check, value, days in entries)
    return "CTP1." + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _bad_codes() -> dict[str, str]:
    first = quizzed()[0].quiz
    check = int(disk.quiz_hash(first)[:2], 16)
    return {
        "words": "my progress please",
        "an empty code": "CTP1.",
        "characters a code never has": "CTP1.@@@@!!",
        "a cut-off code": _code((0, check, 228, 2250))[:-3],
        "another course's code (its first quiz has another hash)": _code((0, (check + 1) % 256, 228, 2250)),
        "a position past the course's last quiz": _code((len(quizzed()) + 3, check, 228, 2250)),
        "another kind of code": "CTP2." + _code((0, check, 228, 2250))[5:],
    }


@pytest.mark.parametrize("what", list(_bad_files()))
def test_a_file_that_is_not_this_courses_progress_is_refused_and_changes_nothing(page, tmp_path, what):
    mine = quizzed()[1]
    open_library(page, "en")
    write_records(page, {mine.quiz: quiz_record(mine.quiz, 60, False)})
    open_library(page, "en")
    before, shown = everything_saved(page), statuses(page)
    file = tmp_path / "ctpat-progress.json"
    file.write_text(_bad_files()[what], encoding="utf-8")
    restore_file(page, "en", file)
    expect(keep_status(page)).to_have_text(STRINGS["en"]["progress_bad"])
    assert everything_saved(page) == before and statuses(page) == shown
    open_library(page, "en")
    assert statuses(page) == shown


@pytest.mark.parametrize("what", list(_bad_codes()))
def test_a_code_that_is_not_this_courses_progress_is_refused_and_changes_nothing(page, what):
    mine = quizzed()[1]
    open_library(page, "zh")
    write_records(page, {mine.quiz: quiz_record(mine.quiz, 100, True)})
    open_library(page, "zh")
    before, shown = everything_saved(page), statuses(page)
    restore_code(page, "zh", _bad_codes()[what])
    expect(keep_status(page)).to_have_text(STRINGS["zh"]["progress_bad"])
    assert everything_saved(page) == before and statuses(page) == shown


def test_a_forged_code_in_this_courses_layout_is_read_as_the_code_says(page):
    """The other side of the refusals above: the forgeries differ from a good code only in
    the field each one breaks, so the refusals are for that field."""
    first = quizzed()[0]
    check = int(disk.quiz_hash(first.quiz)[:2], 16)
    open_library(page, "en")
    restore_code(page, "en", _code((0, check, 128 | 85, 2250)))
    expect(keep_status(page)).to_have_text(restored_text("en", 1, 0))
    assert statuses(page)[first.id] == ("passed", passed_text("en", 85))


# ---- two courses on one host, and another course --------------------------------------------------------

@pytest.fixture(scope="module")
def two_sites(tmp_path_factory):
    """The small quiz site of quiz_site.py twice on one server, at /a/ and /b/: two courses
    with the same quiz, as a consultancy hosting two clients' copies would have."""
    site = build_quiz_site(tmp_path_factory.mktemp("keep-mini"))
    root = tmp_path_factory.mktemp("keep-served") / "root"
    root.mkdir()
    two_copies(site, root)
    base_url, server = serve_directory(root)
    yield base_url
    server.shutdown()


def open_library_at(page, url: str):
    page.goto(url)
    page.wait_for_selector("[data-ctpat-library][data-ctpat-ready]", state="attached")


@pytest.fixture(scope="module")
def saved_on_a(browser, two_sites, tmp_path_factory) -> dict:
    """Course a's quiz passed by hand, then saved as a file and as a code in a's library."""
    with watched_page(browser, two_sites) as page:
        quiz = open_quiz(page, two_sites + "a/" + LESSON)
        for question in QUIZ_DATA["questions"]:
            answer(quiz, question["id"], *right_ids(question))
        open_library_at(page, two_sites + "a/library/")
        assert statuses(page)[QUIZ_ID] == ("passed", passed_text("en", 100))
        saved = save_file(page, "en")
        code = save_code(page, "en")
    file = tmp_path_factory.mktemp("keep-a") / saved["name"]
    file.write_text(json.dumps(saved["data"]), encoding="utf-8")
    return {"file": file, "data": saved["data"], "code": code}


def test_two_courses_on_one_host_save_and_restore_only_their_own_progress(browser, two_sites, saved_on_a):
    """The file names its scope (the site's path); saving takes only this scope's records and
    a restore writes only under the scope of the page it is made on. (library.js does not
    refuse a file of another scope whose quizzes are the same: one course moved from an
    offline copy to the web has another scope, and must restore.)"""
    assert saved_on_a["data"]["site"] == storage_key("/a/", "")
    assert list(saved_on_a["data"]["records"]) == [QUIZ_ID]
    with watched_page(browser, two_sites) as page:
        quiz = open_quiz(page, two_sites + "a/" + LESSON)
        for question in QUIZ_DATA["questions"]:
            answer(quiz, question["id"], *right_ids(question))
        a_record = everything_saved(page)[storage_key("/a/", QUIZ_ID)]

        # Course b has nothing of its own: nothing to save, nothing passed.
        open_library_at(page, two_sites + "b/library/")
        assert statuses(page)[QUIZ_ID][0] == "not-started"
        keep(page).get_by_role("button", name=STRINGS["en"]["progress_save_file"]).click()
        expect(keep_status(page)).to_have_text(STRINGS["en"]["progress_empty"])
        keep(page).get_by_role("button", name=STRINGS["en"]["progress_save_code"]).click()
        expect(keep_status(page)).to_have_text(STRINGS["en"]["progress_empty"])

        # The trainee restores a's file in b: it lands under b's scope only, a is untouched.
        restore_file(page, "en", saved_on_a["file"])
        expect(keep_status(page)).to_have_text(restored_text("en", 1, 0))
        assert statuses(page)[QUIZ_ID] == ("passed", passed_text("en", 100))
        assert ctpat_keys(page) == [storage_key("/a/", QUIZ_ID), storage_key("/b/", QUIZ_ID)]
        assert everything_saved(page)[storage_key("/a/", QUIZ_ID)] == a_record

        # Cleared in b (by b's own quiz), a keeps its pass; a code restored in b writes b only.
        quiz = open_quiz(page, two_sites + "b/" + LESSON)
        quiz.locator(".ctpat-quiz__clear").click()
        assert ctpat_keys(page) == [storage_key("/a/", QUIZ_ID)]
        open_library_at(page, two_sites + "a/library/")
        assert statuses(page)[QUIZ_ID][0] == "passed"
        open_library_at(page, two_sites + "b/library/")
        assert statuses(page)[QUIZ_ID][0] == "not-started"
        restore_code(page, "en", saved_on_a["code"])
        expect(keep_status(page)).to_have_text(restored_text("en", 1, 0))
        assert ctpat_keys(page) == [storage_key("/a/", QUIZ_ID), storage_key("/b/", QUIZ_ID)]
        assert everything_saved(page)[storage_key("/a/", QUIZ_ID)] == a_record
        assert stored(page, storage_key("/b/", QUIZ_ID))["passed"] is True


def test_another_courses_file_and_code_are_refused_and_change_nothing(page, saved_on_a):
    """The small course's seals-vvtt quiz has the real course's id but other questions (another
    hash): its progress is not this course's."""
    assert disk.quiz_hash("seals-vvtt") != saved_on_a["data"]["records"][QUIZ_ID]["hash"]
    mine = quizzed()[0]
    open_library(page, "en")
    write_records(page, {mine.quiz: quiz_record(mine.quiz, 100, True)})
    open_library(page, "en")
    before, shown = everything_saved(page), statuses(page)
    restore_file(page, "en", saved_on_a["file"])
    expect(keep_status(page)).to_have_text(STRINGS["en"]["progress_bad"])
    assert everything_saved(page) == before and statuses(page) == shown
    open_library(page, "en")  # a fresh page: the message below is the code's
    assert text_of(keep_status(page)) == ""
    restore_code(page, "en", saved_on_a["code"])
    expect(keep_status(page)).to_have_text(STRINGS["en"]["progress_bad"])
    assert everything_saved(page) == before and statuses(page) == shown


# ---- on a phone ------------------------------------------------------------------------------------------

# Each visible control of "Keep your progress", scrolled to the middle of the screen: where it
# is, how big, and whether a tap at its centre reaches it (the file input sits in its label).
CONTROLS = """keep => [...keep.querySelectorAll('button, label.md-button, input:not([type=file])')]
    .filter(e => e.checkVisibility()).map(e => {
        e.scrollIntoView({block: 'center'});
        const c = e.getBoundingClientRect(), hit = document.elementFromPoint(c.left + c.width / 2, c.top + c.height / 2);
        return {text: (e.textContent || e.id).trim(), left: c.left, right: c.right, width: c.width, height: c.height,
                reachable: !!hit && (hit === e || e.contains(hit) || hit.contains(e) && hit.tagName === 'LABEL')};
    })"""


@pytest.mark.parametrize("edition", ["en", "zh"])
def test_on_a_phone_the_rows_are_cards_and_saving_and_restoring_work_by_touch(browser, site_server, edition):
    lesson = quizzed()[0]
    with watched_page(browser, site_server, viewport=PHONE, has_touch=True, is_mobile=True) as page:
        open_library(page, edition)
        write_records(page, {lesson.quiz: quiz_record(lesson.quiz, 100, True)})
        open_library(page, edition)
        layout = page.evaluate("""() => ({
            rows: [...document.querySelectorAll('tr[data-ctpat-lesson]')].map(r => getComputedStyle(r).display),
            pageWidth: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth})""")
        assert set(layout["rows"]) == {"block"}, "the lessons are not cards at 360 px"
        assert layout["pageWidth"] <= layout["viewport"], f"the page scrolls sideways: {layout['pageWidth']} px"

        controls = keep(page).evaluate(CONTROLS)
        s = STRINGS[edition]
        names = " ".join(control["text"] for control in controls)
        for label in ("progress_save_file", "progress_save_code", "progress_restore_file", "progress_restore_code"):
            assert s[label] in names, (label, names)
        for control in controls:
            assert control["left"] >= 0 and control["right"] <= PHONE["width"], f"off the screen: {control}"
            assert control["height"] >= 24 and control["width"] >= 24, f"too small to tap: {control}"
            assert control["reachable"], f"covered by something else: {control}"

        keep(page).get_by_role("button", name=s["progress_save_code"]).tap()
        value = page.locator("[data-ctpat-code-value]")
        expect(value).to_be_visible()
        code = text_of(value)
        for box in (value.bounding_box(), page.locator("[data-ctpat-code-qr] svg").bounding_box()):
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    with watched_page(browser, site_server, viewport=PHONE, has_touch=True, is_mobile=True) as page:
        open_library(page, edition)
        field = keep(page).get_by_label(s["progress_code_label"])
        field.tap()
        field.fill(code)
        keep(page).get_by_role("button", name=s["progress_restore_code"]).tap()
        expect(keep_status(page)).to_have_text(restored_text(edition, 1, 0))
        assert statuses(page)[lesson.id] == ("passed", passed_text(edition, 100))
