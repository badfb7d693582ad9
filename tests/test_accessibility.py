"""axe-core (through axe-playwright-python) on the real built site, in Chromium, in both
languages and both colour schemes: the home page, a lesson with its quiz before and after
answering, the training library (also filtered by role, with saved progress), the glossary
and the workshops page. No violation of impact "serious" or "critical" is allowed; the
failure message names the rule, its impact, the elements (CSS selectors) and their HTML.

Also kept fixed: the two stock-Material problems the theme overrides (the search dialog's
accessible name, the footer text contrast) and a visible keyboard focus on the quiz's
inputs and buttons in both schemes.

Uses conftest's ``page`` (it also fails a test on any outside request, console error or
HTTP error). The colour scheme is set before the page loads: Material's palette follows
prefers-color-scheme (mkdocs.yml), and each test checks the scheme it got.
"""

from __future__ import annotations

import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

LANGUAGES = ("en", "zh")
SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's scheme
BLOCKING = ("critical", "serious")
LESSON = "lessons/practice/seals-vvtt/"
SEARCH_NAME = {"en": "Search", "zh": "查找"}  # Material's own "search" string per language
AXE = Axe()


# ---- reading axe's results ---------------------------------------------------------------------

def selector(target) -> str:
    """axe's target: a list of selectors, nested lists for shadow DOM and frames."""
    if isinstance(target, list):
        return " >>> ".join(selector(part) for part in target)
    return str(target)


def describe(violations: list[dict], most: int = 12) -> str:
    """One block per rule: id, impact, help and link, then each element (at most ``most``):
    its selector, its HTML and what axe says would fix it."""
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} [{violation['impact']}] {violation['help']} "
                     f"({violation['helpUrl'].split('?')[0]})")
        for node in violation["nodes"][:most]:
            lines.append(f"    at {selector(node['target'])}")
            lines.append(f"       {' '.join(node['html'].split())[:300]}")
            summary = "; ".join(line.strip() for line in (node.get("failureSummary") or "").splitlines()
                                if line.strip())
            if summary:
                lines.append(f"       {summary[:500]}")
        if len(violation["nodes"]) > most:
            lines.append(f"    ... and {len(violation['nodes']) - most} more element(s)")
    return "\n".join(lines)


def fail_on(violations: list[dict], what: str):
    if violations:
        pytest.fail(f"{what}:\n{describe(violations)}", pytrace=False)


def run_axe(page, context=None, options=None) -> dict:
    results = AXE.run(page, context=context, options=options) if options else AXE.run(page, context=context)
    return results.response


def blocking(violations: list[dict]) -> list[dict]:
    return [v for v in violations if v["impact"] in BLOCKING]


def in_footer(page, violation: dict) -> list[str]:
    """The selectors of ``violation``'s elements that sit inside Material's footer."""
    targets = [selector(node["target"]) for node in violation["nodes"]
               if isinstance(node["target"], list) and len(node["target"]) == 1]
    return [t for t in targets if page.evaluate(
        "s => { const e = document.querySelector(s); return !!(e && e.closest('.md-footer')); }", t)]


# ---- opening each view -------------------------------------------------------------------------

def url(page, language: str, path: str) -> str:
    return page.base_url + ("zh/" if language == "zh" else "") + path


def open_page(page, language: str, scheme: str, path: str):
    page.emulate_media(color_scheme=scheme)
    page.goto(url(page, language, path))
    page.wait_for_load_state("load")
    assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == SCHEMES[scheme], (
        f"Material did not switch to its {SCHEMES[scheme]} scheme for prefers-color-scheme: {scheme}")


def open_quiz(page, language: str, scheme: str):
    open_page(page, language, scheme, LESSON)
    page.wait_for_selector(".ctpat-quiz[data-ready] .ctpat-quiz__check", state="visible")
    return page.locator(".ctpat-quiz")


def answer_every_question(quiz):
    """Answer every question, the first one and every other one wrongly (choosing an option
    with feedback where there is one), and check each: verdicts, marks, feedback,
    explanations, the score and the try-again buttons are then on screen."""
    questions = quiz.locator("fieldset.ctpat-quiz__q")
    assert questions.count() >= 2, "the lesson's quiz needs two questions to be answered right and wrong"
    for index in range(questions.count()):
        question = questions.nth(index)
        if index % 2 == 0:
            wrong = question.locator("li.ctpat-quiz__opt:not([data-c]):has(.ctpat-quiz__fb)")
            if not wrong.count():
                wrong = question.locator("li.ctpat-quiz__opt:not([data-c])")
            wrong.first.locator("input").check()
        else:
            for right in question.locator("li.ctpat-quiz__opt[data-c]").all():
                right.locator("input").check()
        question.locator(".ctpat-quiz__check").click()
    # The state under test really is on screen.
    assert quiz.locator(".ctpat-quiz__verdict.is-ok").count() >= 1
    assert quiz.locator(".ctpat-quiz__verdict.is-bad").count() >= 1
    assert quiz.locator(".ctpat-quiz__mark").count() >= questions.count()
    assert quiz.locator(".ctpat-quiz__fb:visible").count() >= 1
    assert quiz.locator(".ctpat-quiz__why:visible").count() >= 1
    assert re.search(r"\d+\s*%", quiz.locator(".ctpat-quiz__summary").inner_text())
    assert quiz.locator(".ctpat-quiz__retry").is_visible() and quiz.locator(".ctpat-quiz__clear").is_visible()
    assert quiz.locator(".ctpat-quiz__check:disabled").count() == questions.count()


def seed_progress(page):
    """Saved progress for the library's first two quizzes: one passed, one in progress."""
    rows = page.eval_on_selector_all(
        "tr[data-ctpat-lesson][data-quiz-id]:not([data-quiz-id=''])",
        "rows => rows.map(r => [r.dataset.quizId, r.dataset.quizHash])")
    assert len(rows) >= 2, "the library lists fewer than two lessons with a quiz"
    records = {}
    for (quiz_id, quiz_hash), passed in zip(rows[:2], (True, False)):
        records[f"ctpat:quiz:{quiz_id}"] = json.dumps({
            "v": 1, "hash": quiz_hash, "answers": {"q1": ["a"]}, "checked": ["q1"],
            "correct": 1, "total": 1, "score": 100 if passed else 0, "best": 100 if passed else 0,
            "passed": passed, "updated": "2026-01-01T08:00:00.000Z"})
    page.evaluate("records => Object.entries(records).forEach(([k, v]) => localStorage.setItem(k, v))",
                  records)


def open_library(page, language: str, scheme: str, filtered: bool):
    open_page(page, language, scheme, "library/")
    page.wait_for_selector("[data-ctpat-library][data-ctpat-ready]", state="attached")
    if not filtered:
        return
    seed_progress(page)
    page.reload()
    page.wait_for_selector("[data-ctpat-library][data-ctpat-ready]", state="attached")
    select = page.locator("[data-ctpat-role]")
    role = select.locator("option").nth(1).get_attribute("value")
    select.select_option(role)
    assert f"role={role}" in page.url
    assert page.locator(".ctpat-status--passed").count() >= 1
    assert page.locator("[data-ctpat-progress]").is_visible()


def open_view(page, view: str, language: str, scheme: str):
    if view == "home":
        open_page(page, language, scheme, "")
    elif view in ("glossary", "workshops"):
        open_page(page, language, scheme, f"{view}/")
    elif view == "quiz, not answered":
        open_quiz(page, language, scheme)
    elif view == "quiz, answered":
        answer_every_question(open_quiz(page, language, scheme))
    elif view == "library":
        open_library(page, language, scheme, filtered=False)
    elif view == "library, filtered by role, with progress":
        open_library(page, language, scheme, filtered=True)
    else:
        raise AssertionError(view)


VIEWS = ("home", "quiz, not answered", "quiz, answered", "library",
         "library, filtered by role, with progress", "glossary", "workshops")


# ---- the checks --------------------------------------------------------------------------------

@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("view", VIEWS)
def test_axe_finds_no_serious_or_critical_violation(page, view, language, scheme):
    open_view(page, view, language, scheme)
    violations = run_axe(page)["violations"]
    found = blocking(violations)
    fail_on(found, f"{view} ({language}, {scheme}) at {page.url}: axe found {len(found)} "
                   "serious/critical rule violation(s)")
    # The footer's text contrast, which the theme lifts above Material's default, stays fixed.
    footer = [(v["id"], t) for v in violations if v["id"] == "color-contrast" for t in in_footer(page, v)]
    assert not footer, f"footer text contrast regressed on {page.url} ({scheme}): {footer}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_search_dialog_has_an_accessible_name(page, language):
    """Material's search dialog has role=dialog and no name; overrides/partials/search.html
    names it. The name is the one Chromium's accessibility tree gives screen readers."""
    open_page(page, language, "light", "")
    dialog = page.locator(".md-search[role=dialog]")
    assert dialog.count() == 1, "the search dialog (.md-search[role=dialog]) is missing"
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": ".md-search[role=dialog]"})["nodeId"]
    ax = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})["nodes"][0]
    assert ax["role"]["value"] == "dialog"
    assert ax.get("name", {}).get("value") == SEARCH_NAME[language], (
        f"the search dialog's accessible name is {ax.get('name', {}).get('value')!r}")
    fail_on(run_axe(page, context=".md-search", options={"runOnly": ["aria-dialog-name"]})["violations"],
            "axe: the search dialog")


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_footer_text_contrast_passes(page, language, scheme):
    """Material's footer text (--md-footer-fg-color--lighter) is 4.47:1, under AA's 4.5:1;
    site.css lifts it. axe must have checked the footer's text and passed all of it."""
    open_page(page, language, scheme, "")
    results = run_axe(page, context=".md-footer", options={"runOnly": ["color-contrast"]})
    fail_on(results["violations"], f"footer text contrast ({language}, {scheme})")
    fail_on(results["incomplete"], f"axe could not decide on the footer's contrast ({language}, {scheme})")
    checked = {selector(node["target"]) for rule in results["passes"] for node in rule["nodes"]}
    assert {".md-copyright__highlight", ".ctpat-footer__text"} <= checked, (
        f"axe did not check the footer text; it checked {sorted(checked)}")


# ---- keyboard focus in the quiz --------------------------------------------------------------

def luminance(rgb) -> float:
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def parse_colour(text: str):
    numbers = [float(n) for n in re.findall(r"[\d.]+", text)]
    assert text.startswith("rgb") and len(numbers) in (3, 4), f"unexpected colour {text!r}"
    return numbers[:3], (numbers[3] if len(numbers) == 4 else 1.0)


def contrast(foreground: str, background: str) -> float:
    back, _ = parse_colour(background)
    front, alpha = parse_colour(foreground)
    front = [alpha * f + (1 - alpha) * b for f, b in zip(front, back)]  # over the page
    lighter, darker = sorted((luminance(front), luminance(back)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


FOCUS_STYLE = """() => {
  const e = document.activeElement, s = getComputedStyle(e);
  return {what: e.tagName.toLowerCase() + '.' + e.className + (e.id ? '#' + e.id : ''),
          visible: e.matches(':focus-visible'), style: s.outlineStyle,
          width: parseFloat(s.outlineWidth), colour: s.outlineColor,
          page: getComputedStyle(document.body).backgroundColor};
}"""


def assert_visible_focus(page, expected: str, scheme: str):
    """The focused element shows an outline of at least 2 px whose colour has at least
    3:1 against the page (WCAG 1.4.11 non-text contrast, 2.4.7 focus visible)."""
    focus = page.evaluate(FOCUS_STYLE)
    assert expected in focus["what"], f"focus is on {focus['what']}, not on {expected}"
    ratio = contrast(focus["colour"], focus["page"])
    assert focus["style"] not in ("none", "hidden") and focus["width"] >= 2 and ratio >= 3, (
        f"{scheme}: keyboard focus on {focus['what']} is hard to see: outline {focus['style']} "
        f"{focus['width']}px {focus['colour']} on {focus['page']} ({ratio:.2f}:1); the quiz needs an "
        "outline of at least 2 px with 3:1 against the page (quiz.css)")


def settle(page):
    """Wait for Material's colour transitions (buttons fade in 125 ms) to finish."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_keyboard_focus_is_visible_on_quiz_inputs_and_buttons(page, scheme):
    quiz = open_quiz(page, "en", scheme)
    multiple = quiz.locator('fieldset[data-type="multiple"]').first
    assert multiple.count() == 1, "the lesson's quiz has no multiple-choice question"
    first = quiz.locator("fieldset.ctpat-quiz__q").first

    # Keyboard moves make :focus-visible apply, as for a reader using Tab.
    first.locator("input").first.focus()
    page.keyboard.press("Tab")
    assert_visible_focus(page, "ctpat-quiz__check", scheme)
    settle(page)
    fail_on(run_axe(page, context=".ctpat-quiz", options={"runOnly": ["color-contrast"]})["violations"],
            f"{scheme}: the text of the focused Check button")
    page.keyboard.press("Shift+Tab")
    assert_visible_focus(page, "input", scheme)  # a radio button

    multiple.locator("input").first.focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    assert_visible_focus(page, "input", scheme)  # a checkbox
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    while "ctpat-quiz__check" not in page.evaluate("() => document.activeElement.className"):
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert_visible_focus(page, "ctpat-quiz__result", scheme)  # the feedback takes the focus

    quiz.locator(".ctpat-quiz__retry").focus()
    page.keyboard.press("Tab")
    assert_visible_focus(page, "ctpat-quiz__clear", scheme)
    page.keyboard.press("Shift+Tab")
    assert_visible_focus(page, "ctpat-quiz__retry", scheme)
    settle(page)
    fail_on(run_axe(page, context=".ctpat-quiz", options={"runOnly": ["color-contrast"]})["violations"],
            f"{scheme}: the text of the focused Try again button")
