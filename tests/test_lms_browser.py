"""The SCORM packages under a real SCORM 1.2 runtime, in Chromium.

The stand-in LMS is tests/lms/harness.html: scorm-again's ``Scorm12API`` (pinned in
tests/lms/package.json; ``npm ci --prefix tests/lms`` installs it) as ``window.API``, with the
package's ``scorm.html`` in a frame, as an LMS player shows it. A trainee answers in the
course's own pages; the tests read back what the runtime recorded (``cmi.core.lesson_status``,
``score``, ``suspend_data``, ``exit``), then start again in a fresh browser (empty
localStorage) from those values, as the LMS would on the trainee's next visit or next device.

Answers and expected values come from the quiz files (lms_packages.py's small course, or the
real quizzes through course_files.py) and the rules of the issue, never from the packages.
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import expect

import course_files as disk
import lms_packages as lms
from conftest import ROOT, PageWatch, serve_directory

RUNTIME = ROOT / "tests" / "lms"
SCORM12 = RUNTIME / "node_modules" / "scorm-again" / "dist" / "scorm12.min.js"
WAIT = 15000  # ms: the longest any step may take before the test fails

pytestmark = [pytest.mark.browser, pytest.mark.slow]


# ---- the stand-in LMS ---------------------------------------------------------------------------

def _runtime_checked() -> str:
    """The pinned scorm-again version, after checking that `npm ci` installed it."""
    lock = json.loads((RUNTIME / "package-lock.json").read_text(encoding="utf-8"))
    pinned = lock["packages"]["node_modules/scorm-again"]["version"]
    installed = RUNTIME / "node_modules" / "scorm-again" / "package.json"
    if not SCORM12.is_file() or not installed.is_file():
        pytest.fail("The SCORM runtime for these tests is not installed: run 'npm ci --prefix tests/lms' "
                    "(.ci/run does) and try again.", pytrace=False)
    version = json.loads(installed.read_text(encoding="utf-8"))["version"]
    if version != pinned:
        pytest.fail(f"tests/lms/node_modules holds scorm-again {version}, package-lock.json pins {pinned}: "
                    "run 'npm ci --prefix tests/lms'.", pytrace=False)
    return version


@pytest.fixture(scope="module")
def player(tmp_path_factory):
    """A loopback server over a folder holding the test player and the unzipped packages:
    ``en/``, ``zh/`` (the small course), ``nopool-en/`` (the small course without a final
    assessment); ``real-en/`` is added by the test that needs it. Yields (base URL, folder)."""
    _runtime_checked()
    root = tmp_path_factory.mktemp("lms-player")
    for name in ("harness.html", "harness.js"):
        shutil.copy2(RUNTIME / name, root / name)
    (root / "runtime").mkdir()
    shutil.copy2(SCORM12, root / "runtime" / SCORM12.name)
    mini = lms.mini_export(tmp_path_factory)
    for edition in ("en", "zh"):
        lms.unzip(mini / f"ctpat-scorm-{edition}.zip", root / edition)
    lms.unzip(lms.mini_export(tmp_path_factory, with_pool=False) / "ctpat-scorm-en.zip", root / "nopool-en")
    base, server = serve_directory(root)
    yield base, root
    server.shutdown()


@contextlib.contextmanager
def lms_page(browser, base: str, cmi: dict | None = None):
    """A page in a fresh browser context (empty localStorage), the runtime started from ``cmi``
    (what the LMS holds), failing the test on any request to another host, console error or
    HTTP error."""
    host = urlsplit(base).netloc
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(lambda url: urlsplit(url).netloc != host and not url.startswith(("data:", "blob:")),
                  lambda route: route.abort())
    if cmi is not None:
        context.add_init_script(f"window.CMI_START = {json.dumps(cmi)};")
    page = context.new_page()
    watch = PageWatch(host)
    page.on("request", watch.on_request)
    page.on("console", watch.on_console)
    page.on("response", watch.on_response)
    page.on("pageerror", lambda error: watch.console_errors.append(f"pageerror: {error}"))
    try:
        yield page
    finally:
        context.close()
    problems = [f"{what}: {found}" for what, found in (
        ("requests to other hosts", watch.outside_requests), ("console errors", watch.console_errors),
        ("HTTP errors", watch.failed_responses)) if found]
    if problems:
        pytest.fail("; ".join(problems), pytrace=False)


def launch(page, base: str, package: str):
    """Open the player on ``package`` and return the frame the course shows in, once the
    launcher has started the session and the course's first page is there."""
    page.goto(f"{base}harness.html?pkg={package}/")
    page.wait_for_function("window.CALLS && CALLS.some(c => c.name === 'LMSInitialize')", timeout=WAIT)
    launcher = page.locator("iframe").element_handle().content_frame()
    frame = launcher.locator("iframe[data-ctpat-scorm-frame]")
    expect(frame).to_have_attribute("src", re.compile(r"index\.html$"), timeout=WAIT)
    course = frame.element_handle().content_frame()
    course.wait_for_load_state()
    return course


def lms_values(page) -> dict:
    """What the runtime holds for the course."""
    return page.evaluate("""() => { const cmi = API.renderCMIToJSONObject().cmi, core = cmi.core;
        return {status: core.lesson_status, raw: core.score.raw, min: core.score.min, max: core.score.max,
                suspend: cmi.suspend_data, exit: core.exit, session: core.session_time}; }""")


def wait_for_lms(page, condition: str):
    """Wait (bounded) until ``condition`` holds of the runtime's values (``v``)."""
    page.wait_for_function(f"""() => {{ const v = {{status: API.cmi.core.lesson_status,
        raw: API.cmi.core.score.raw, suspend: API.cmi.suspend_data}}; return {condition}; }}""", timeout=WAIT)


def calls(page, name: str) -> list:
    return page.evaluate("name => CALLS.filter(c => c.name === name)", name)


def unload(page) -> dict:
    """The trainee leaves: the LMS removes the package's frame. Returns the runtime's values."""
    page.evaluate("unloadCourse()")
    page.wait_for_function("CALLS.some(c => c.name === 'LMSFinish')", timeout=WAIT)
    return lms_values(page)


def relaunch_data(values: dict) -> dict:
    """What an LMS gives the package on the trainee's next visit: the values it stored."""
    return {"core": {"lesson_status": values["status"], "entry": "resume",
                     "score": {"raw": values["raw"], "min": values["min"], "max": values["max"]}},
            "suspend_data": values["suspend"]}


# ---- answering in the course's pages, from the quiz files ----------------------------------------

def right_ids(question: dict) -> list[str]:
    if question["type"] == "true_false":
        return ["true" if question["answer"] else "false"]
    return [o["id"] for o in question["options"] if o.get("correct")]


def wrong_ids(question: dict) -> list[str]:
    if question["type"] == "true_false":
        return ["false" if question["answer"] else "true"]
    return [next(o["id"] for o in question["options"] if not o.get("correct"))]


def open_page(course, base: str, package: str, rel: str) -> None:
    course.goto(f"{base}{package}/{rel}")
    course.wait_for_load_state()


def answer_self_check(course, quiz: dict, right: bool = True) -> None:
    widget = course.locator(f'.ctpat-quiz[data-quiz-id="{quiz["id"]}"][data-ready]')
    expect(widget.locator(".ctpat-quiz__check").first).to_be_visible(timeout=WAIT)
    for question in quiz["questions"]:
        fieldset = widget.locator(f'fieldset[data-question="{question["id"]}"]')
        for oid in (right_ids(question) if right else wrong_ids(question)):
            fieldset.locator(f'li[data-option="{oid}"] input').check()
        fieldset.locator(".ctpat-quiz__check").click()


def take_assessment(course, pool: dict, right: bool) -> None:
    """Answer every drawn question of the final assessment (all right or all wrong) and submit.
    The page decodes its pool itself; the questions are found by their prompt."""
    by_prompt = {q["prompt"]["en"]: q for q in pool["questions"]}
    root = course.locator("[data-ctpat-assessment][data-ready]")
    start = root.locator("[data-ctpat-start]")
    if start.is_visible():
        start.click()
    else:  # a new attempt
        root.locator("[data-ctpat-form] button").click()
    fieldsets = root.locator("fieldset.ctpat-assessment__q")
    expect(fieldsets.first.locator("input").first).to_be_enabled(timeout=WAIT)
    for index in range(fieldsets.count()):
        fieldset = fieldsets.nth(index)
        question = by_prompt[" ".join(fieldset.locator(".ctpat-quiz__prompt").inner_text().split())]
        for oid in (right_ids(question) if right else wrong_ids(question)):
            fieldset.locator(f'input[value="{oid}"]').check()
    root.locator("[data-ctpat-form] button[type=submit]").click()
    expect(root.locator("[data-ctpat-result]")).not_to_be_empty(timeout=WAIT)


# ---- the tests ------------------------------------------------------------------------------------

SELF_CHECK = yaml.safe_load(lms.QUIZ)
POOL = yaml.safe_load(lms.POOL_QUIZ)
LESSON = f"{lms.LESSON_REL}.html"


def test_the_runtime_is_the_pinned_scorm_again():
    package = json.loads((RUNTIME / "package.json").read_text(encoding="utf-8"))
    pinned = package["dependencies"]["scorm-again"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", pinned), f"pin an exact version, not '{pinned}'"
    assert _runtime_checked() == pinned


def test_a_trainee_who_passes_is_reported_and_finds_the_progress_again_in_a_new_browser(browser, player):
    base, _ = player
    with lms_page(browser, base) as page:
        course = launch(page, base, "en")
        assert len(calls(page, "LMSInitialize")) == 1
        wait_for_lms(page, "v.status === 'incomplete'")  # started, nothing passed
        assert course.evaluate("document.documentElement.lang") == "en"

        open_page(course, base, "en", LESSON)
        answer_self_check(course, SELF_CHECK)
        # The self-check's best score stands for the course until the assessment is taken.
        wait_for_lms(page, "v.raw === '100'")
        values = lms_values(page)
        assert (values["status"], values["min"], values["max"]) == ("incomplete", "0", "100")

        open_page(course, base, "en", "assessment.html")
        take_assessment(course, POOL, right=False)
        wait_for_lms(page, "v.status === 'failed'")
        assert lms_values(page)["raw"] == "0"  # the assessment's best score replaces the self-check's

        take_assessment(course, POOL, right=True)
        wait_for_lms(page, "v.status === 'passed'")
        passed = lms_values(page)
        assert (passed["raw"], passed["min"], passed["max"]) == ("100", "0", "100")
        assert 0 < len(passed["suspend"]) < 4096
        assert all(c["error"] == "0" for c in calls(page, "LMSSetValue")), calls(page, "LMSSetValue")
        assert calls(page, "LMSCommit"), "the values were never committed"

        left = unload(page)
        assert len(calls(page, "LMSFinish")) == 1
        assert left["exit"] == ""  # passed: nothing to resume
        assert re.fullmatch(r"\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?", left["session"]), left["session"]

    # Next visit, another browser: only what the LMS stored.
    with lms_page(browser, base, relaunch_data(left)) as page:
        course = launch(page, base, "en")
        open_page(course, base, "en", "library.html")
        row = course.locator(f'tr[data-quiz-id="{SELF_CHECK["id"]}"]')
        expect(row).to_have_attribute("data-status", "passed", timeout=WAIT)
        assert "100%" in row.locator("[data-ctpat-status]").inner_text()

        open_page(course, base, "en", "assessment.html")
        best = course.locator("[data-ctpat-best]")
        expect(best).to_be_visible(timeout=WAIT)
        assert "100%" in best.inner_text() and "2" in best.inner_text()  # best score, two attempts

        open_page(course, base, "en", LESSON)  # the answers are there again, checked
        widget = course.locator(f'.ctpat-quiz[data-quiz-id="{SELF_CHECK["id"]}"][data-ready]')
        for question in SELF_CHECK["questions"]:
            for oid in right_ids(question):
                expect(widget.locator(f'fieldset[data-question="{question["id"]}"] li[data-option="{oid}"] input')
                       ).to_be_checked(timeout=WAIT)
        again = lms_values(page)
        assert (again["status"], again["raw"], again["suspend"]) == ("passed", "100", left["suspend"])


def test_the_better_result_of_each_quiz_wins_when_the_lms_and_the_browser_disagree(browser, player):
    """The LMS holds a passed self-check and a failed assessment; this browser holds the
    opposite. After the launch both hold the self-check passed and the assessment passed."""
    base, _ = player
    check_hash, pool_hash = lms.hash_of(SELF_CHECK), lms.hash_of(POOL)
    # The compact form the launcher documents (tools/lms/launcher/scorm.js), written by hand.
    suspend = f"C1|{SELF_CHECK['id']}.{check_hash[:4]}.100.pa.2000.|{POOL['id']}.{pool_hash[:4]}.50.a.2000.1"
    local = {
        SELF_CHECK["id"]: {"v": 1, "hash": check_hash, "answers": {}, "checked": [], "best": 40, "score": 40,
                           "passed": False, "passedAt": None, "updated": "2025-03-01T00:00:00Z"},
        POOL["id"]: {"v": 1, "hash": pool_hash, "kind": "assessment", "best": 90, "score": 90, "attempts": 3,
                     "passed": True, "passedAt": "2025-03-01T00:00:00Z", "answers": {}, "checked": [],
                     "updated": "2025-03-01T00:00:00Z"}}
    cmi = {"core": {"lesson_status": "failed", "entry": "resume", "score": {"raw": "50", "min": "0", "max": "100"}},
           "suspend_data": suspend}
    with lms_page(browser, base, cmi) as page:
        page.goto(f"{base}en/library.html")  # this browser's own progress, from an earlier visit
        page.evaluate("""records => { for (const [id, r] of Object.entries(records))
            localStorage.setItem('ctpat:/en/:quiz:' + id, JSON.stringify(r)); }""", local)
        course = launch(page, base, "en")
        wait_for_lms(page, "v.status === 'passed'")
        values = lms_values(page)
        assert values["raw"] == "90"  # the assessment's best, from this browser
        stored = course.evaluate("""ids => Object.fromEntries(ids.map(id =>
            [id, JSON.parse(localStorage.getItem('ctpat:/en/:quiz:' + id))]))""", [SELF_CHECK["id"], POOL["id"]])
        assert stored[SELF_CHECK["id"]]["passed"] is True and stored[SELF_CHECK["id"]]["best"] == 100
        assert stored[POOL["id"]]["passed"] is True and stored[POOL["id"]]["best"] == 90
        assert stored[POOL["id"]]["attempts"] == 3
        open_page(course, base, "en", "library.html")
        expect(course.locator(f'tr[data-quiz-id="{SELF_CHECK["id"]}"]')).to_have_attribute(
            "data-status", "passed", timeout=WAIT)
        entries = {item.split(".")[0]: item.split(".") for item in values["suspend"].split("|")[1:]}
        assert entries[SELF_CHECK["id"]][2:4] == ["100", "pa"]
        assert entries[POOL["id"]][2] == "90" and "p" in entries[POOL["id"]][3] and entries[POOL["id"]][5] == "3"


def test_without_a_final_assessment_the_course_is_passed_when_every_self_check_is(browser, player):
    base, _ = player
    with lms_page(browser, base) as page:
        course = launch(page, base, "nopool-en")
        wait_for_lms(page, "v.status === 'incomplete'")
        open_page(course, base, "nopool-en", LESSON)
        answer_self_check(course, SELF_CHECK, right=False)
        wait_for_lms(page, "v.raw === '0'")
        assert lms_values(page)["status"] == "incomplete"  # a failed self-check fails no course
        course.locator(".ctpat-quiz__retry").click()
        answer_self_check(course, SELF_CHECK)
        wait_for_lms(page, "v.status === 'passed'")
        assert lms_values(page)["raw"] == "100"
        # Clearing the self-check afterwards does not take the pass back.
        course.locator(".ctpat-quiz__clear").click()
        left = unload(page)
        assert (left["status"], left["exit"]) == ("passed", "")


def test_a_trainee_who_leaves_before_passing_can_resume(browser, player):
    base, _ = player
    with lms_page(browser, base) as page:
        course = launch(page, base, "en")
        open_page(course, base, "en", LESSON)
        widget = course.locator(f'.ctpat-quiz[data-quiz-id="{SELF_CHECK["id"]}"][data-ready]')
        first = SELF_CHECK["questions"][0]
        widget.locator(f'fieldset[data-question="{first["id"]}"] li[data-option="{right_ids(first)[0]}"] input').check()
        widget.locator(f'fieldset[data-question="{first["id"]}"] .ctpat-quiz__check').click()
        wait_for_lms(page, f"v.suspend.includes('{first['id']}=')")
        left = unload(page)
        assert (left["status"], left["exit"], left["raw"]) == ("incomplete", "suspend", "")
    with lms_page(browser, base, relaunch_data(left)) as page:
        course = launch(page, base, "en")
        open_page(course, base, "en", "library.html")
        expect(course.locator(f'tr[data-quiz-id="{SELF_CHECK["id"]}"]')).to_have_attribute(
            "data-status", "in-progress", timeout=WAIT)


def test_in_review_mode_nothing_is_recorded(browser, player):
    base, _ = player
    cmi = {"core": {"lesson_status": "passed", "lesson_mode": "review", "score": {"raw": "85"}}, "suspend_data": "C1"}
    with lms_page(browser, base, cmi) as page:
        course = launch(page, base, "en")
        open_page(course, base, "en", LESSON)
        answer_self_check(course, SELF_CHECK, right=False)
        unload(page)
        assert calls(page, "LMSSetValue") == []
        assert (lms_values(page)["status"], lms_values(page)["raw"]) == ("passed", "85")


def test_the_chinese_package_shows_the_chinese_edition_and_reports_the_same_way(browser, player):
    base, _ = player
    with lms_page(browser, base) as page:
        course = launch(page, base, "zh")
        assert page.locator("iframe").element_handle().content_frame().evaluate(
            "document.documentElement.lang") == disk.HTML_LANG["zh"]
        assert course.url.endswith("/zh/zh/index.html")
        assert course.evaluate("document.documentElement.lang") == disk.HTML_LANG["zh"]
        assert course.locator(".md-select a[hreflang]").count() == 0  # no language switcher
        open_page(course, base, "zh", f"zh/{LESSON}")
        answer_self_check(course, SELF_CHECK)
        wait_for_lms(page, "v.raw === '100' && v.status === 'incomplete'")


def test_outside_an_lms_the_launch_page_still_shows_the_course_and_says_nothing_is_reported(browser, player):
    base, _ = player
    with lms_page(browser, base) as page:
        page.goto(f"{base}zh/scorm.html")
        note = page.locator("[data-ctpat-scorm-note]")
        expect(note).to_be_visible(timeout=WAIT)
        assert "LMS" in note.inner_text() and "浏览器" in note.inner_text()
        frame = page.locator("iframe[data-ctpat-scorm-frame]")
        expect(frame).to_have_attribute("src", "zh/index.html", timeout=WAIT)
        course = frame.element_handle().content_frame()
        course.wait_for_load_state()
        assert course.evaluate("document.documentElement.lang") == disk.HTML_LANG["zh"]
        box = frame.bounding_box()
        assert box["width"] >= 1270 and box["height"] >= 800  # the course fills the window


def test_the_real_course_reports_every_quiz_within_scorm_limits_and_restores_all_of_it(
        browser, player, tmp_path_factory):
    """Every self-check of the real course passed with all its answers, and the final
    assessment passed: the suspend data stays under SCORM 1.2's 4,096 characters, and a new
    browser shows every self-check passed again in the library."""
    base, root = player
    out, _ = lms.real_export(tmp_path_factory)
    if not (root / "real-en").exists():
        lms.unzip(out / "ctpat-scorm-en.zip", root / "real-en")
    quiz_ids = [lesson.quiz for lesson in disk.lessons("en") if lesson.quiz]
    records = {}
    for quiz_id in dict.fromkeys(quiz_ids):
        data = disk.quiz(quiz_id)
        records[quiz_id] = {"v": 1, "hash": disk.quiz_hash(quiz_id), "answers": {q["id"]: right_ids(q) for q in data["questions"]},
                            "checked": [q["id"] for q in data["questions"]], "correct": len(data["questions"]),
                            "total": len(data["questions"]), "score": 100, "best": 100, "passed": True,
                            "passedAt": "2099-12-31T00:00:00Z", "updated": "2099-12-31T00:00:00Z"}
    pool = ROOT / "quizzes" / f"{lms.POOL}.yml"
    if pool.exists():
        records[lms.POOL] = {"v": 1, "hash": disk.quiz_hash(lms.POOL), "kind": "assessment", "best": 95, "score": 95,
                             "attempts": 12345, "passed": True, "passedAt": "2099-12-31T00:00:00Z",
                             "answers": {}, "checked": [], "updated": "2099-12-31T00:00:00Z"}
    with lms_page(browser, base) as page:
        course = launch(page, base, "real-en")
        course.evaluate("""records => { for (const [id, r] of Object.entries(records))
            localStorage.setItem('ctpat:/real-en/:quiz:' + id, JSON.stringify(r)); }""", records)
        wait_for_lms(page, "v.status === 'passed'")
        wait_for_lms(page, " && ".join(f"v.suspend.includes('|{i}.')" for i in records))
        values = unload(page)
        assert len(values["suspend"]) <= 4096, len(values["suspend"])
        assert values["raw"] == ("95" if pool.exists() else "100")
    with lms_page(browser, base, relaunch_data(values)) as page:
        course = launch(page, base, "real-en")
        open_page(course, base, "real-en", "library.html")
        rows = course.locator("tr[data-quiz-id]")
        expect(rows.first).to_have_attribute("data-status", re.compile("."), timeout=WAIT)
        statuses = rows.evaluate_all("rows => rows.map(r => [r.dataset.quizId, r.dataset.status])")
        assert {quiz_id for quiz_id, _ in statuses} == set(quiz_ids)
        assert all(status == "passed" for _, status in statuses), statuses
