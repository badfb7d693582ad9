"""Lesson pages in every edition: the summary box under the title, glossary tooltips in the
reader's language, labelled task-list checkboxes, and each lesson's quiz with its (small,
language-free) assets loaded only where a quiz is."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from bs4 import Comment

import course_files as disk
from coursekit.strings import STRINGS

pytestmark = pytest.mark.slow

EDITIONS = disk.EDITIONS
ASSETS = disk.ROOT / "overrides" / "assets" / "ctpat"
HAN = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
ROLES, AUDIENCES = list(disk.roles()), list(disk.extra()["course"]["audiences"])


def soup_at(site: Path, page_url: str):
    return disk.page_soup(disk.page_file(site, page_url))


def plain(markdown: str) -> str:
    """What inline Markdown shows as text: **bold**, `code` and [links](url) unwrapped."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", str(markdown))
    return " ".join(re.sub(r"\*\*|__|`", "", text).split())


def in_script(text: str, edition: str) -> bool:
    """Text of the edition's language: Chinese editions' text has Han characters (Traditional
    ones none of the Simplified-only ones), English text none."""
    if edition == "en":
        return not HAN.search(text)
    return bool(HAN.search(text)) and (edition == "zh" or not set(text) & disk.SIMPLIFIED_ONLY)


# ---- the summary box --------------------------------------------------------------------------

@pytest.mark.parametrize("edition", EDITIONS)
def test_summary_box_sits_right_under_the_title_with_the_lessons_facts(built_site, edition):
    for lesson in disk.lessons(edition):
        soup = soup_at(built_site, lesson.site_path(edition))
        h1 = soup.select_one("article h1")
        box = h1.find_next_sibling()
        assert box is not None and "ctpat-summary" in box.get("class", []), lesson.id
        assert len(soup.select(".ctpat-summary")) == 1, lesson.id
        assert box.get("aria-label") and in_script(box["aria-label"], edition)
        facts = box.select(".ctpat-summary__fact")
        module_dt, module_dd = facts[0].dt, facts[0].dd
        assert str(lesson.module) in disk.text_of(module_dt), lesson.id
        if edition != "zh-hant":
            assert disk.text_of(module_dd) == disk.label("modules", lesson.module, edition)
        time = box.select_one("time[datetime]")
        assert time["datetime"] == f"PT{lesson.meta['duration']}M"
        assert disk.text_of(time) == disk.hours_minutes(lesson.meta["duration"], edition)
        level = box.select_one("dd[data-level]")
        assert level["data-level"] == lesson.meta["level"]
        if edition != "zh-hant":
            assert disk.text_of(level) == disk.label("levels", lesson.meta["level"], edition)
        roles = box.select("li[data-role]")
        assert [li["data-role"] for li in roles] == [r for r in ROLES if r in lesson.roles], lesson.id
        audience = box.select("li[data-audience]")
        assert [li["data-audience"] for li in audience] == [a for a in AUDIENCES if a in lesson.meta["audience"]]
        if edition != "zh-hant":
            assert [disk.text_of(li) for li in roles] == [disk.label("roles", li["data-role"], edition) for li in roles]
            assert [disk.text_of(li) for li in audience] == \
                [disk.label("audiences", li["data-audience"], edition) for li in audience]
        for li in roles + audience:
            assert in_script(disk.text_of(li), edition), disk.text_of(li)
        # The objectives: on wide screens as a list, on a phone folded into a <details>.
        wide = [disk.text_of(li) for li in box.select(".ctpat-summary__goals .ctpat-summary__objectives > li")]
        fold = box.select_one("details.ctpat-summary__fold")
        assert fold is not None and fold.summary is not None and disk.text_of(fold.summary), lesson.id
        folded = [disk.text_of(li) for li in fold.select(".ctpat-summary__objectives > li")]
        assert wide == folded and len(wide) == len(lesson.meta["objectives"]), lesson.id
        if edition != "zh-hant" or lesson.content_language == "en":
            assert wide == [plain(o) for o in lesson.meta["objectives"]], lesson.id
        else:
            assert all(in_script(o, edition) for o in wide), wide


def test_pages_that_are_not_lessons_have_no_summary_box(built_site):
    lessons = {lesson.site_path("en") for lesson in disk.lessons("en")}
    for edition in EDITIONS:
        for page in ["library/", *disk.pages(edition)]:
            if page not in lessons:
                assert not soup_at(built_site, disk.PREFIX[edition] + page).select(".ctpat-summary"), page


# ---- glossary tooltips ------------------------------------------------------------------------

def tooltip_titles(edition: str) -> dict[str, str]:
    """``{abbreviation: tooltip}`` a reader of the edition should get, from data/glossary.yml:
    the English term, the Chinese term without its bracketed English, or the Taiwan term."""
    titles = {}
    for term in disk.glossary()["terms"]:
        if term.get("abbr"):
            if edition == "en":
                titles[term["abbr"]] = term["en"]
            elif edition == "zh" or term.get("zh_hant"):
                titles[term["abbr"]] = disk.bare(term["zh_hant"] if edition == "zh-hant" else term["zh"])
    return titles


@pytest.mark.parametrize("edition", EDITIONS)
def test_tooltips_are_in_the_readers_language_and_never_inside_links_or_headings(built_site, edition):
    titles = tooltip_titles(edition)
    shown = 0
    for lesson in disk.lessons(edition):
        article = soup_at(built_site, lesson.site_path(edition)).select_one("article")
        for abbr in article.find_all("abbr"):
            assert abbr.find_parent(["a", "h1", "h2", "h3", "h4", "h5", "h6"]) is None, \
                f"{lesson.id}: <abbr> inside {abbr.find_parent(['a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']).name}"
            word = abbr.get_text()
            if word in titles and lesson.content_language == disk.BASED_ON[edition]:
                assert abbr.get("title") == titles[word], f"{lesson.id}: {word}"
                shown += 1
        for link in article.find_all(["a", "h2", "h3"]):
            assert link.find("abbr") is None
    assert shown, f"no glossary tooltip in any {edition} lesson"


# ---- task lists ---------------------------------------------------------------------------------

def test_task_list_checkboxes_are_labelled_by_their_item(built_site):
    boxes = 0
    for html in sorted(built_site.rglob("*.html")):
        if "task-list-item" not in html.read_text(encoding="utf-8"):
            continue  # no task list on this page (the HTML is parsed only where there is one)
        soup = disk.soup_of(html)
        by_id = {}
        for tag in soup.find_all(id=True):
            by_id.setdefault(tag["id"], tag)
        for box in soup.select("li.task-list-item input[type=checkbox]"):
            item = box.find_parent("li")
            labelled = box.get("aria-labelledby")
            assert labelled, f"{html}: a task checkbox without aria-labelledby"
            target = by_id.get(labelled)
            assert target is item, f"{html}: aria-labelledby={labelled} is not its own item"
            assert disk.text_of(target), html
            boxes += 1
    assert boxes, "no task list in the site (the job aids and checklists have them)"


# ---- quizzes ------------------------------------------------------------------------------------

def quiz_pages(edition: str) -> dict[str, list[str]]:
    """``{site path: [quiz ids its source places]}`` for every page of the edition."""
    return {disk.PREFIX[edition] + path: disk.quiz_markers(source) for path, source in disk.pages(edition).items()}


def quiz_lesson(edition: str) -> disk.DiskLesson:
    """A lesson with a quiz, written in the edition's own language."""
    return next(lesson for lesson in disk.lessons(edition)
                if lesson.quiz and lesson.content_language == disk.BASED_ON[edition])


def asset_links(soup, page_url: str) -> dict[str, list]:
    return {
        "css": [link for link in soup.select('link[rel="stylesheet"][href]') if link["href"].endswith("quiz.css")],
        "js": [script for script in soup.select("script[src]") if script["src"].endswith("quiz.js")],
    }


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_lesson_shows_its_quiz_and_only_quiz_pages_load_the_quiz_assets(built_site, edition):
    pages = quiz_pages(edition)
    lessons = {lesson.site_path(edition): lesson for lesson in disk.lessons(edition)}
    assert any(pages.values())
    for page_url, ids in [*pages.items(), (f"{disk.PREFIX[edition]}library/", [])]:
        soup = soup_at(built_site, page_url)
        sections = soup.select("section.ctpat-quiz")
        assert [section["data-quiz-id"] for section in sections] == ids, page_url
        lesson = lessons.get(page_url)
        if lesson is not None and lesson.quiz:
            assert lesson.quiz in ids, f"{page_url}: its quiz {lesson.quiz} is not on the page"
        assets = asset_links(soup, page_url)
        assert len(assets["css"]) == len(assets["js"]) == (1 if ids else 0), page_url
        if ids:
            assert assets["js"][0].has_attr("defer")
            assert disk.resolve(page_url, assets["css"][0]["href"]) == "assets/ctpat/quiz.css/"
            assert disk.resolve(page_url, assets["js"][0]["src"]) == "assets/ctpat/quiz.js/"
            # Where the marker was: the marker itself is gone and no inline script was added.
            comments = soup.select_one("article").find_all(string=lambda s: isinstance(s, Comment))
            assert not [c for c in comments if re.match(r"\s*quiz\s*:", c)], page_url
            assert not soup.select("section.ctpat-quiz script")
            for section in sections:
                quiz = disk.quiz(section["data-quiz-id"])
                # One fieldset per question of the file, in its order, each with real inputs.
                assert [f["data-question"] for f in section.select("fieldset")] == \
                    [str(q["id"]) for q in quiz["questions"]], page_url
                for fieldset in section.select("fieldset"):
                    assert fieldset.legend is not None and fieldset.select("input[type=radio], input[type=checkbox]")
                title = disk.text_of(section.select_one(".ctpat-quiz__title"))
                if edition != "zh-hant":
                    assert title == plain(quiz["title"][edition]), page_url
                assert in_script(disk.text_of(section.select_one("details summary")), edition)
            ids = [tag["id"] for tag in soup.find_all(id=True)]
            assert len(ids) == len(set(ids)), f"{page_url}: duplicate ids"
    assert (built_site / "assets/ctpat/quiz.js").read_bytes() == (ASSETS / "quiz.js").read_bytes()


@pytest.mark.parametrize("edition", EDITIONS)
def test_quiz_buttons_are_labelled_in_the_readers_language(built_site, edition):
    lesson = quiz_lesson(edition)
    for button in soup_at(built_site, lesson.site_path(edition)).select("section.ctpat-quiz button"):
        text = disk.text_of(button)
        assert text and "<" not in text and "method" not in text, text
        assert in_script(text, edition), text


def script_keys(script: Path) -> set[str]:
    """The interface strings a widget script reads (``strings.key``, ``strings["prefix_" + x]``)."""
    source = script.read_text(encoding="utf-8")
    keys = set(re.findall(r"\bstrings\.([a-z_]+)", source))
    keys |= {prefix + "*" for prefix in re.findall(r'\bstrings\[\s*"([a-z_]+)"\s*\+', source)}
    return keys


@pytest.mark.parametrize("edition", EDITIONS)
def test_quiz_gets_the_strings_its_script_reads_in_the_readers_language(built_site, edition):
    """quiz.js holds no text of its own: every string it shows travels in data-strings."""
    needed = script_keys(ASSETS / "quiz.js")
    assert needed
    lesson = quiz_lesson(edition)
    for section in soup_at(built_site, lesson.site_path(edition)).select("section.ctpat-quiz"):
        strings = json.loads(section["data-strings"])
        for key in needed:
            if key.endswith("*"):
                assert any(name.startswith(key[:-1]) for name in strings), key
            else:
                assert strings.get(key), f"{edition}: no '{key}' for quiz.js"
                assert in_script(re.sub(r"\{[a-z_]+\}", "", strings[key]), edition), strings[key]


def test_quiz_assets_weigh_at_most_6_kb_gzipped_with_progress_js():
    sizes = {name: len(gzip.compress((ASSETS / name).read_bytes(), compresslevel=9))
             for name in ("quiz.js", "quiz.css", "progress.js")}
    assert sum(sizes.values()) <= 6 * 1024, sizes


def test_quiz_script_holds_no_language_text():
    script = (ASSETS / "quiz.js").read_text(encoding="utf-8")
    assert not re.search(r"[\u3000-\u9fff\uff00-\uffef]", script), "Chinese text in quiz.js"
    for table in STRINGS.values():
        for text in table.values():
            words = text.split("{")[0].strip(" .:：✓✗")
            if len(words) > 3 and " " in words:
                assert words not in script, words
