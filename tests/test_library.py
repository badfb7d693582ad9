"""The built site: lesson summary boxes, curriculum navigation, the library pages and
catalog.json in both languages, checked against the lesson and quiz files on disk."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import course_files as disk
from coursekit.quizzes import load_quiz

LANGUAGES = ("en", "zh")
PREFIX = {"en": "", "zh": "zh/"}
COURSE = disk.extra()["course"]


def text_of(node) -> str:
    """The text a reader sees, spaces collapsed (tooltips split it into several nodes)."""
    return " ".join(node.get_text().split())


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def resolve(site: Path, page_url: str, href: str) -> str:
    """The site path (``lessons/x/y/``) a relative link on the page at ``page_url`` leads to."""
    target = posixpath.normpath(posixpath.join(page_url, href))
    return "" if target == "." else target.rstrip("/") + "/"


def label(kind: str, key, language: str) -> str:
    return COURSE[kind][key][language]


def quiz_hash(quiz_id: str) -> str:
    return load_quiz(disk.ROOT / "quizzes" / f"{quiz_id}.yml", disk.ROOT).hash


# ---- the library page -----------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_library_lists_every_lesson_once_in_curriculum_order(built_site, language):
    page_url = f"{PREFIX[language]}library/"
    soup = soup_of(built_site / page_url / "index.html")
    rows = soup.select("tr[data-ctpat-lesson]")
    expected = disk.lessons(language)
    assert len(expected) >= 4
    assert [row["data-ctpat-lesson"] for row in rows] == [lesson.id for lesson in expected]
    for row, lesson in zip(rows, expected):
        link = row.select_one("a[href]")
        assert text_of(link) == lesson.meta["title"]
        target = resolve(built_site, page_url, link["href"])
        assert target == lesson.site_path(language), lesson.id
        assert (built_site / target / "index.html").is_file()
        cells = [cell.get_text(" ", strip=True) for cell in row.find_all(["td"])]
        assert cells[0] == disk.hours_minutes(lesson.meta["duration"], language)
        assert cells[1] == label("levels", lesson.meta["level"], language)
        roles = set(lesson.meta["audience"])
        if roles == set(COURSE["audiences"]):
            assert cells[2] == ("All roles" if language == "en" else "所有对象")
        else:
            assert {text_of(li) for li in row.select("td li")} == \
                {label("audiences", role, language) for role in roles}
        assert cells[3] == str(len(lesson.meta["objectives"]))
        quiz_id = lesson.meta.get("quiz")
        assert cells[4] == (str(disk.question_count(quiz_id)) if quiz_id else "—")
        assert row["data-quiz-id"] == (quiz_id or "")
        assert row["data-quiz-hash"] == (quiz_hash(quiz_id) if quiz_id else "")
        assert set(row["data-audience"].split()) == roles


@pytest.mark.parametrize("language", LANGUAGES)
def test_library_totals_per_module_and_for_the_course(built_site, language):
    soup = soup_of(built_site / PREFIX[language] / "library/index.html")
    lessons = disk.lessons(language)
    modules = sorted({lesson.meta["module"] for lesson in lessons})
    sections = soup.select("section[data-ctpat-module]")
    assert [int(s["data-ctpat-module"]) for s in sections] == modules
    for section in sections:
        number = int(section["data-ctpat-module"])
        mine = [lesson for lesson in lessons if lesson.meta["module"] == number]
        assert label("modules", number, language) in section.h2.get_text()
        assert [row["data-ctpat-lesson"] for row in section.select("tbody tr")] == \
            [lesson.id for lesson in mine]
        foot = section.select_one("tfoot")
        assert foot.select_one("[data-ctpat-module-duration]").get_text(strip=True) == \
            disk.hours_minutes(sum(lesson.meta["duration"] for lesson in mine), language)
        assert foot.select_one("[data-ctpat-module-questions]").get_text(strip=True) == \
            str(sum(disk.question_count(lesson.meta.get("quiz")) for lesson in mine))
        assert str(len(mine)) in foot.select_one("[data-ctpat-module-count]").get_text()
    totals = {dd["data-ctpat-total"]: text_of(dd) for dd in soup.select("[data-ctpat-total]")}
    assert totals == {
        "lessons": str(len(lessons)),
        "duration": disk.hours_minutes(sum(lesson.meta["duration"] for lesson in lessons), language),
        "questions": str(sum(disk.question_count(lesson.meta.get("quiz")) for lesson in lessons)),
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_library_filter_is_a_labelled_form_that_waits_for_javascript(built_site, language):
    soup = soup_of(built_site / PREFIX[language] / "library/index.html")
    assert soup.html["lang"] == language
    form = soup.select_one("form[data-ctpat-filter]")
    # Without JavaScript the form would do nothing: it stays hidden and every lesson shows.
    assert form.has_attr("hidden")
    select = form.select_one("select")
    assert form.select_one(f'label[for="{select["id"]}"]').get_text(strip=True)
    options = [option["value"] for option in select.select("option")]
    assert options == [""] + list(COURSE["audiences"])
    assert not soup.select("tr[data-ctpat-lesson][hidden]")
    # The page loads its script from the site, and no inline script was added.
    scripts = [s.get("src", "") for s in soup.select("script")]
    assert any(src.endswith("assets/ctpat/library.js") for src in scripts)
    article_scripts = soup.select("article script")
    assert not article_scripts


def test_library_script_is_only_on_the_library_pages(built_site):
    lesson = disk.lessons("en")[0]
    for page in (built_site / "index.html", built_site / lesson.site_path("en") / "index.html"):
        assert not any(s.get("src", "").endswith("library.js") for s in soup_of(page).select("script"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_json_matches_the_lessons(built_site, language):
    path = built_site / PREFIX[language] / "library/catalog.json"
    catalog = json.loads(path.read_text(encoding="utf-8"))
    assert catalog["schema_version"] == 1
    assert catalog["language"] == language
    lessons = disk.lessons(language)
    assert [entry["id"] for entry in catalog["lessons"]] == [lesson.id for lesson in lessons]
    for entry, lesson in zip(catalog["lessons"], lessons):
        meta = lesson.meta
        assert entry["title"] == meta["title"]
        assert entry["url"] == lesson.site_path(language)
        assert (built_site / entry["url"] / "index.html").is_file()
        assert entry["content_language"] == lesson.content_language
        assert entry["module"] == {"number": meta["module"],
                                   "title": label("modules", meta["module"], language)}
        assert (entry["order"], entry["duration"], entry["level"]) == \
            (meta["order"], meta["duration"], meta["level"])
        assert set(entry["audience"]) == set(meta["audience"])
        assert entry["objectives"] == meta["objectives"]
        if meta.get("quiz"):
            source = disk.quiz(meta["quiz"])
            assert entry["quiz"]["id"] == meta["quiz"]
            assert entry["quiz"]["questions"] == len(source["questions"])
            assert entry["quiz"]["pass_mark"] == source.get("pass_mark", 80)
            assert entry["quiz"]["hash"] == quiz_hash(meta["quiz"])
            assert entry["quiz"]["title"] == source["title"][language]
        else:
            assert entry["quiz"] is None
    assert catalog["totals"] == {
        "lessons": len(lessons),
        "duration": sum(lesson.meta["duration"] for lesson in lessons),
        "quizzes": sum(1 for lesson in lessons if lesson.meta.get("quiz")),
        "questions": sum(disk.question_count(lesson.meta.get("quiz")) for lesson in lessons),
    }
    assert [m["number"] for m in catalog["modules"]] == sorted(int(n) for n in COURSE["modules"])
    assert catalog["labels"]["audiences"] == {k: v[language] for k, v in COURSE["audiences"].items()}


def test_library_links_to_its_catalog(built_site):
    for language in LANGUAGES:
        page_url = f"{PREFIX[language]}library/"
        link = soup_of(built_site / page_url / "index.html").select_one('a[type="application/json"]')
        assert resolve(built_site, page_url, link["href"]).rstrip("/") == f"{page_url}catalog.json"


# ---- lesson pages ---------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_every_lesson_has_its_summary_box_right_under_the_h1(built_site, language):
    for lesson in disk.lessons(language):
        soup = soup_of(built_site / lesson.site_path(language) / "index.html")
        h1 = soup.select_one("article h1")
        box = h1.find_next_sibling()
        assert box is not None and "ctpat-summary" in box.get("class", []), lesson.id
        assert len(soup.select(".ctpat-summary")) == 1
        facts = {text_of(dt): dt.find_next_sibling("dd") for dt in box.select("dt")}
        module_key = ("Module {n}" if language == "en" else "第 {n} 单元").format(n=lesson.meta["module"])
        assert text_of(facts[module_key]) == label("modules", lesson.meta["module"], language)
        duration_key, level_key, audience_key = (("Duration", "Level", "For") if language == "en"
                                                 else ("时长", "难度", "适用对象"))
        assert text_of(facts[duration_key]) == f"{lesson.meta['duration']} " + \
            ("min" if language == "en" else "分钟")
        assert text_of(facts[level_key]) == label("levels", lesson.meta["level"], language)
        assert {text_of(li) for li in facts[audience_key].select("li")} == \
            {label("audiences", role, language) for role in lesson.meta["audience"]}
        objectives = [li.get_text() for li in box.select(".ctpat-summary__objectives li")]
        assert [" ".join(o.split()) for o in objectives] == \
            [" ".join(o.replace("**", "").replace("`", "").split()) for o in lesson.meta["objectives"]]


def test_summary_box_of_a_page_without_lesson_front_matter_is_absent(built_site):
    for page in ("index.html", "zh/index.html", "library/index.html"):
        assert not soup_of(built_site / page).select(".ctpat-summary")


# ---- navigation -----------------------------------------------------------------------

def _nav_links(soup) -> list[str]:
    nav = soup.select_one("nav.md-nav--primary")
    return [a["href"] for a in nav.select("a.md-nav__link[href]")]


def _nav_targets(site: Path, page_url: str, soup) -> list[str]:
    """The site paths the sidebar links to, in order, without the page's own anchors."""
    targets = []
    for href in _nav_links(soup):
        if href.startswith("#"):
            continue  # the page's own table of contents
        target = resolve(site, page_url, href)
        if target not in targets:
            targets.append(target)
    return targets


@pytest.mark.parametrize("language", LANGUAGES)
def test_nav_has_home_then_library_then_modules_in_curriculum_order(built_site, language):
    """The sidebar is pruned (navigation.prune): the library page lists home, the library and
    then each module, by its translated title, as a link to the module's first lesson."""
    page_url = f"{PREFIX[language]}library/"
    soup = soup_of(built_site / page_url / "index.html")
    targets = _nav_targets(built_site, page_url, soup)
    modules = sorted({lesson.meta["module"] for lesson in disk.lessons(language)})
    first_lessons = [next(lesson.site_path(language) for lesson in disk.lessons(language)
                          if lesson.meta["module"] == module) for module in modules]
    assert targets[:2] == [PREFIX[language], page_url]
    assert targets[2:2 + len(modules)] == first_lessons
    titles = [node.get_text(" ", strip=True) for node in
              soup.select("nav.md-nav--primary a.md-nav__link")]
    module_titles = [label("modules", n, language) for n in modules]
    assert [t for t in titles if t in module_titles] == module_titles


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_lesson_nav_lists_its_module_in_curriculum_order(built_site, language):
    """On a lesson page the sidebar opens the lesson's own module, lessons in curriculum order,
    and keeps the other modules one link each (their lessons are pruned, not lost)."""
    lessons = disk.lessons(language)
    paths = {lesson.site_path(language) for lesson in lessons}
    by_module: dict[int, list[str]] = {}
    for lesson in lessons:
        by_module.setdefault(lesson.meta["module"], []).append(lesson.site_path(language))
    for lesson in lessons:
        page_url = lesson.site_path(language)
        targets = _nav_targets(built_site, page_url, soup_of(built_site / page_url / "index.html"))
        expected = [path for module, module_paths in sorted(by_module.items())
                    for path in (module_paths if module == lesson.meta["module"]
                                 else module_paths[:1])]
        assert [t for t in targets if t in paths] == expected, page_url


@pytest.mark.parametrize("language", LANGUAGES)
def test_previous_and_next_follow_the_curriculum(built_site, language):
    chain = [PREFIX[language], f"{PREFIX[language]}library/"] + \
        [lesson.site_path(language) for lesson in disk.lessons(language)]
    for previous, page_url, following in zip(chain, chain[1:], chain[2:] + [None]):
        soup = soup_of(built_site / page_url / "index.html")
        prev_link = soup.select_one('link[rel="prev"]')
        assert resolve(built_site, page_url, prev_link["href"]) == previous, page_url
        next_link = soup.select_one('link[rel="next"]')
        if following is not None:
            assert resolve(built_site, page_url, next_link["href"]) == following, page_url


def test_library_switches_language_to_its_twin(built_site):
    for here, there, prefix in (("", "zh", "zh/"), ("zh/", "en", "")):
        page = built_site / here / "library/index.html"
        link = soup_of(page).select_one(f'.md-select__link[hreflang="{there}"]')
        assert (page.parent / link["href"]).resolve() == (built_site / prefix / "library").resolve()


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_the_lessons_not_the_library_listing(built_site, language):
    index = json.loads((built_site / PREFIX[language] / "search" / "search_index.json")
                       .read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert not any(location.endswith("library/") for location in locations)
    first = disk.lessons(language)[0]
    # Chinese text in the index is cut into words with zero-width spaces (jieba).
    assert any(first.meta["title"] == doc["title"].replace("\u200b", "") for doc in index["docs"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_library_table_of_contents_jumps_to_each_module(built_site, language):
    soup = soup_of(built_site / PREFIX[language] / "library" / "index.html")
    headings = [(h["id"], text_of(h)) for h in soup.select("article h2[id]")]
    modules = sorted({lesson.meta["module"] for lesson in disk.lessons(language)})
    assert len(headings) == len(modules)
    for (_, title), module in zip(headings, modules):
        assert title.endswith(label("modules", module, language)), title
    toc = soup.select_one("nav.md-nav--secondary")
    assert [(a["href"], text_of(a)) for a in toc.select("a.md-nav__link")] == \
        [(f"#{anchor}", title) for anchor, title in headings]
