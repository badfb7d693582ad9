"""The offline copy (tools/offline.py) opened from disk in Chromium, as a trainee with a USB
stick and no internet uses it: ``ctpat-training/index.html`` through ``file://``, in a browser
context where every http(s) request is refused (and recorded: the test fails on any).

The walk: the home page, a lesson through its navigation link, the language switch to
Chinese (Simplified and Traditional) and back, a self-check answered and its result in the
library, and search in English, Simplified and Traditional Chinese with results that open.

The copy is built once for this module from a copy of the project (tools/offline.py --root),
so the build leaves nothing in the work tree. It is slow on a loaded machine: the tests here
allow it 15 minutes.
"""

from __future__ import annotations

import contextlib
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

import course_files as disk
from conftest import ROOT, copy_project
from coursekit.strings import STRINGS
from quiz_site import answer, right_ids, text_of

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(900)]

HTML_LANG = {"en": "en", "zh": "zh", "zh-hant": "zh-Hant"}
PREFIX = {"en": "", "zh": "zh/", "zh-hant": "zh-hant/"}
HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory) -> Path:
    """``ctpat-training/`` unzipped from the zip tools/offline.py writes."""
    work = tmp_path_factory.mktemp("offline")
    project = copy_project(work / "project")
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "offline.py"), "--out", str(work / "out"),
                             "--root", str(project)], capture_output=True, text=True, timeout=840)
    assert result.returncode == 0, result.stderr[-4000:] + result.stdout[-2000:]
    archive = work / "out" / "ctpat-offline.zip"
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
        assert all(name.startswith("ctpat-training/") for name in names), names[:5]
        zipped.extractall(work / "unzipped")
    folder = work / "unzipped" / "ctpat-training"
    assert (folder / "index.html").is_file()
    return folder


@contextlib.contextmanager
def offline_page(browser, folder: Path, **options):
    """A page in a context with no network: every http(s) request is aborted and recorded; the
    test fails on any, on any other request that is not file:// (or data:, blob:, about:), and
    on any console error."""
    context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **options})
    refused, elsewhere, errors = [], [], []

    def refuse(route):
        refused.append(route.request.url)
        route.abort()

    context.route(re.compile(r"^https?://"), refuse)
    page = context.new_page()
    page.on("request", lambda request: None if request.url.startswith(("file:", "data:", "blob:", "about:"))
            else elsewhere.append(request.url))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
    page.home = folder.as_uri() + "/"
    try:
        yield page
    finally:
        context.close()
    problems = [f"{what}: {found}" for what, found in (
        ("http(s) requests", refused), ("requests not to file://", elsewhere), ("console errors", errors)) if found]
    if problems:
        pytest.fail("; ".join(problems), pytrace=False)


def html_path(rel: str) -> str:
    """``lessons/x/y.md`` -> ``lessons/x/y.html`` (the offline copy names its files)."""
    return rel[:-len(".md")] + ".html"


def heading(page) -> str:
    return text_of(page.locator("article h1").first).rstrip("¶").strip()


def home_title(edition: str) -> str:
    source = disk.page_source(edition, "index.md").read_text(encoding="utf-8")
    return next(line[2:].strip() for line in source.splitlines() if line.startswith("# "))


def switch_language(page, edition: str):
    page.hover(".md-header__option .md-select")
    page.click(f'.md-select__link[hreflang="{edition}"]')
    page.wait_for_load_state()


def search(page, query: str) -> list[str]:
    """Type ``query`` in Material's search (see test_browser_site.search); return the result
    links, in order."""
    page.keyboard.press("/")
    page.fill("input.md-search__input", query)
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=30000)
    return page.eval_on_selector_all(".md-search-result__item a[href]", "els => els.map(e => e.href)")


# ---- the walk ------------------------------------------------------------------------------------------

def test_home_a_lesson_and_the_language_switch_work_from_disk(browser, offline_copy):
    lesson = disk.lessons("en")[0]
    zh = next(l for l in disk.lessons("zh") if l.id == lesson.id)
    assert zh.content_language == "zh", f"{lesson.id} has no Chinese file"
    with offline_page(browser, offline_copy) as page:
        page.goto(page.home + "index.html")
        assert heading(page) == home_title("en")
        assert page.locator("html").get_attribute("lang") == "en"

        link = page.locator(f'nav.md-nav--primary a[href="{html_path(lesson.rel)}"]').filter(visible=True).first
        link.click()
        page.wait_for_url(page.home + html_path(lesson.rel))
        assert heading(page) == lesson.meta["title"]

        switch_language(page, "zh")
        page.wait_for_url(page.home + "zh/" + html_path(lesson.rel))
        assert page.locator("html").get_attribute("lang") == HTML_LANG["zh"]
        assert heading(page) == zh.meta["title"]

        switch_language(page, "zh-hant")
        page.wait_for_url(page.home + "zh-hant/" + html_path(lesson.rel))
        assert page.locator("html").get_attribute("lang") == HTML_LANG["zh-hant"]
        title = heading(page)  # the Simplified title converted: Chinese, no Simplified-only character
        assert HAN.search(title) and not set(title) & disk.SIMPLIFIED_ONLY, title

        switch_language(page, "en")
        page.wait_for_url(page.home + html_path(lesson.rel))
        assert heading(page) == lesson.meta["title"]

        # The theme's own files (styles, scripts, fonts, the logo) load from the copy.
        assert page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
        assert page.locator(".md-header__button.md-logo img").evaluate("img => img.complete && img.naturalWidth > 0")


def test_a_self_check_answered_from_disk_shows_in_the_library(browser, offline_copy):
    lesson = next(lesson for lesson in disk.lessons("en") if lesson.quiz)
    data = disk.quiz(lesson.quiz)
    total = len(data["questions"])
    s = STRINGS["en"]
    with offline_page(browser, offline_copy) as page:
        page.goto(page.home + html_path(lesson.rel))
        page.wait_for_selector(".ctpat-quiz[data-ready] .ctpat-quiz__check", state="visible")
        quiz = page.locator(".ctpat-quiz").first
        for question in data["questions"]:
            answer(quiz, question["id"], *right_ids(question))
        expect(quiz.locator(".ctpat-quiz__summary")).to_have_text(
            s["score"].format(score=100, correct=total, total=total) + " " + s["passed"].format(**{"pass": data["pass_mark"]}))

        page.locator("nav.md-nav--primary a", has_text=s["library_title"]).filter(visible=True).first.click()
        page.wait_for_url(page.home + "library.html")
        for edition in ("en", "zh"):
            if edition != "en":
                page.goto(page.home + PREFIX[edition] + "library.html")
            page.wait_for_selector("[data-ctpat-library][data-ctpat-ready]", state="attached")
            row = page.locator(f'tr[data-ctpat-lesson="{lesson.id}"]')
            assert row.get_attribute("data-status") == "passed", edition
            assert text_of(row.locator("[data-ctpat-status]")) == "✓ " + STRINGS[edition]["library_status_passed"].format(best=100)


SEARCHES = [
    # edition, query, a word of the titles of lessons it should find (in the edition's source)
    ("en", "seal", "seal"),
    ("zh", "封条", "封条"),
    ("zh-hant", "貨櫃", "集装箱"),  # Taiwan's word for a container; the Simplified lessons say 集装箱
]


@pytest.mark.parametrize("edition, query, titled", SEARCHES)
def test_search_works_from_disk_in_each_language(browser, offline_copy, edition, query, titled):
    source = "en" if edition == "en" else "zh"
    expected = [PREFIX[edition] + html_path(lesson.rel) for lesson in disk.lessons(source)
                if titled.lower() in lesson.meta["title"].lower()]
    assert expected, f"no lesson title of {source} has {titled}"
    with offline_page(browser, offline_copy) as page:
        page.goto(page.home + PREFIX[edition] + "index.html")
        hits = search(page, query)
        assert hits, f"no results for {query}"
        files = []
        for hit in hits:
            assert hit.startswith(page.home), hit
            path = hit[len(page.home):].split("?")[0].split("#")[0]
            if path not in files:
                files.append(path)
        others = [path for path in files if (path.startswith(("zh/", "zh-hant/")) if edition == "en"
                                             else not path.startswith(PREFIX[edition]))]
        assert others == [], f"results from another edition: {others}"
        assert set(expected) & set(files), f"none of {expected} among the results {files[:8]}"

        page.locator(".md-search-result__item a[href]").first.click()
        page.wait_for_url(re.compile(re.escape(page.home + files[0])))
        article = page.locator("article").inner_text()
        assert query.lower() in article.lower(), f"{files[0]} does not contain {query}"
