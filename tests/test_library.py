"""The training library (/library/, /zh/library/, /zh-hant/library/), its catalog.json and the
home page's paths by job role, checked against the lesson and quiz files on disk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import course_files as disk
from conftest import make_mini_project, run_mkdocs_build

pytestmark = pytest.mark.slow

EDITIONS = disk.EDITIONS
COURSE = disk.extra()["course"]


def library_url(edition: str) -> str:
    return f"{disk.PREFIX[edition]}library/"


def soup_at(site: Path, page_url: str):
    return disk.page_soup(disk.page_file(site, page_url))


def label(kind: str, key, edition: str) -> str | None:
    """A label from extra.course (None for zh-hant, whose labels are converted from zh)."""
    return None if edition == "zh-hant" else disk.label(kind, key, edition)


def traditional(text: str) -> bool:
    return bool(text.strip()) and not set(text) & disk.SIMPLIFIED_ONLY


def title_ok(shown: str, lesson: disk.DiskLesson, edition: str) -> bool:
    if edition == "zh-hant" and lesson.content_language == "zh":
        return traditional(shown)
    return shown == " ".join(str(lesson.meta["title"]).split())


# ---- the library page --------------------------------------------------------------------

@pytest.mark.parametrize("edition", EDITIONS)
def test_library_lists_every_lesson_once_in_curriculum_order(built_site, edition):
    page_url = library_url(edition)
    rows = soup_at(built_site, page_url).select("tr[data-ctpat-lesson]")
    lessons = disk.lessons(edition)
    assert [row["data-ctpat-lesson"] for row in rows] == [lesson.id for lesson in lessons]
    for row, lesson in zip(rows, lessons):
        link = row.select_one("a[href]")
        assert title_ok(disk.text_of(link), lesson, edition), f"{lesson.id}: {disk.text_of(link)}"
        assert disk.resolve(page_url, link["href"]) == lesson.site_path(edition), lesson.id
        cells = row.find_all("td")
        assert disk.text_of(cells[0]) == disk.hours_minutes(lesson.meta["duration"], edition), lesson.id
        level = label("levels", lesson.meta["level"], edition)
        assert disk.text_of(cells[1]) == level if level else traditional(disk.text_of(cells[1]))
        roles = [disk.text_of(li) for li in cells[2].select("li")]
        if edition != "zh-hant":
            assert roles == [label("roles", role, edition) for role in disk.roles() if role in lesson.roles], lesson.id
        assert len(roles) == len(lesson.roles), lesson.id
        assert row["data-roles"].split() == [role for role in disk.roles() if role in lesson.roles]
        quiz_id = lesson.quiz
        assert disk.text_of(cells[3]) == (str(disk.question_count(quiz_id)) if quiz_id else "—"), lesson.id
        assert row["data-quiz-id"] == (quiz_id or "")
        assert row["data-quiz-hash"] == (disk.quiz_hash(quiz_id) if quiz_id else "")
        assert int(row["data-duration"]) == lesson.meta["duration"]


@pytest.mark.parametrize("edition", EDITIONS)
def test_library_totals_per_module_and_for_the_course_come_from_the_lessons(built_site, edition):
    soup = soup_at(built_site, library_url(edition))
    lessons = disk.lessons(edition)
    modules = sorted({lesson.module for lesson in lessons})
    sections = soup.select("section[data-ctpat-module]")
    assert [int(section["data-ctpat-module"]) for section in sections] == modules
    for section in sections:
        number = int(section["data-ctpat-module"])
        mine = [lesson for lesson in lessons if lesson.module == number]
        title = label("modules", number, edition)
        assert title is None or disk.text_of(section.h2).endswith(title)
        assert [row["data-ctpat-lesson"] for row in section.select("tbody tr")] == [lesson.id for lesson in mine]
        foot = section.select_one("tfoot")
        assert disk.text_of(foot.select_one("[data-ctpat-module-duration]")) == \
            disk.hours_minutes(sum(lesson.meta["duration"] for lesson in mine), edition)
        assert disk.text_of(foot.select_one("[data-ctpat-module-questions]")) == \
            str(sum(disk.question_count(lesson.quiz) for lesson in mine))
        assert str(len(mine)) in disk.text_of(foot.select_one("[data-ctpat-module-count]"))
    totals = {dd["data-ctpat-total"]: disk.text_of(dd) for dd in soup.select("[data-ctpat-total]")}
    assert totals == {
        "lessons": str(len(lessons)),
        "duration": disk.hours_minutes(sum(lesson.meta["duration"] for lesson in lessons), edition),
        "questions": str(sum(disk.question_count(lesson.quiz) for lesson in lessons)),
    }


@pytest.mark.parametrize("edition", EDITIONS)
def test_job_role_filter_is_a_labelled_form_hidden_until_javascript_runs(built_site, edition):
    soup = soup_at(built_site, library_url(edition))
    assert soup.html["lang"] == disk.HTML_LANG[edition]
    form = soup.select_one("form[data-ctpat-filter]")
    # Without JavaScript the form would do nothing: it stays hidden and every lesson shows.
    assert form is not None and form.has_attr("hidden")
    select = form.select_one("select")
    label_node = form.select_one(f'label[for="{select["id"]}"]')
    assert label_node is not None and disk.text_of(label_node)
    options = select.select("option")
    assert [option["value"] for option in options] == [""] + list(disk.roles())
    for option, role in zip(options[1:], disk.roles()):
        expected = label("roles", role, edition)
        assert disk.text_of(option) == expected if expected else traditional(disk.text_of(option))
    assert not soup.select("tr[data-ctpat-lesson][hidden]")
    # The page loads its script from the site; the article holds no inline script.
    scripts = [script.get("src", "") for script in soup.select("script[src]")]
    assert any(disk.resolve(library_url(edition), src) == "assets/ctpat/library.js/" for src in scripts)
    assert not soup.select("article script")


def test_library_script_is_only_on_the_library_pages(built_site):
    for edition in EDITIONS:
        for page_url in (disk.PREFIX[edition], disk.lessons(edition)[0].site_path(edition)):
            scripts = [s.get("src", "") for s in soup_at(built_site, page_url).select("script[src]")]
            assert not any(src.endswith("library.js") for src in scripts), page_url


@pytest.mark.parametrize("edition", EDITIONS)
def test_library_title_is_the_library_title(built_site, edition):
    soup = soup_at(built_site, library_url(edition))
    heading = disk.heading_text(soup.select_one("article h1"))
    languages = disk.i18n_languages()
    site_name = languages[edition].get("site_name") or disk.mkdocs_config()["site_name"]
    assert heading and "None" not in heading
    assert soup.title.get_text() == f"{heading} - {site_name}"
    sidebar = [disk.text_of(a) for a in soup.select("nav.md-nav--primary a.md-nav__link[href]")
               if disk.resolve(library_url(edition), a["href"]) == library_url(edition)]
    assert heading in sidebar


def test_library_is_not_in_search(built_site):
    for edition in EDITIONS:
        index = json.loads((built_site / disk.PREFIX[edition] / "search/search_index.json").read_text(encoding="utf-8"))
        locations = {doc["location"].split("#")[0] for doc in index["docs"]}
        assert "library/" not in locations, edition
        # ...while the lessons are.
        assert disk.lessons(edition)[0].site_path("en") in locations, edition


@pytest.mark.parametrize("edition", EDITIONS)
def test_library_table_of_contents_jumps_to_each_module(built_site, edition):
    soup = soup_at(built_site, library_url(edition))
    modules = sorted({lesson.module for lesson in disk.lessons(edition)})
    headings = [(section.h2["id"], disk.text_of(section.h2)) for section in soup.select("section[data-ctpat-module]")]
    assert len(headings) == len(modules)
    # Material writes the page's contents twice: in the right-hand sidebar, and inside the
    # active item of the left one (shown on narrow screens); the right-hand one is read here.
    links = soup.select(".md-sidebar--secondary nav.md-nav--secondary a.md-nav__link")
    toc = [(a["href"], disk.text_of(a)) for a in links]
    for anchor, title in headings:
        assert (f"#{anchor}", title) in toc, anchor
        assert len(soup.select(f'[id="{anchor}"]')) == 1
    ordered = [href for href, _ in toc if href in {f"#{anchor}" for anchor, _ in headings}]
    assert ordered == [f"#{anchor}" for anchor, _ in headings]


def test_library_links_to_its_catalog(built_site):
    for edition in EDITIONS:
        page_url = library_url(edition)
        link = soup_at(built_site, page_url).select_one('a[type="application/json"]')
        assert disk.resolve(page_url, link["href"]).rstrip("/") == f"{page_url}catalog.json"


# ---- catalog.json --------------------------------------------------------------------------

@pytest.mark.parametrize("edition", EDITIONS)
def test_catalog_json_matches_the_lessons_on_disk(built_site, edition):
    catalog = json.loads((built_site / library_url(edition) / "catalog.json").read_text(encoding="utf-8"))
    assert catalog["schema_version"] == 2
    assert catalog["language"] == edition
    lessons = disk.lessons(edition)
    assert [entry["id"] for entry in catalog["lessons"]] == [lesson.id for lesson in lessons]
    roles, criteria, audiences = list(disk.roles()), list(COURSE["criteria"]), list(COURSE["audiences"])
    for entry, lesson in zip(catalog["lessons"], lessons):
        meta = lesson.meta
        assert title_ok(entry["title"], lesson, edition), entry["title"]
        assert entry["url"] == lesson.site_path(edition)
        assert disk.page_file(built_site, entry["url"]).is_file()
        assert entry["content_language"] == lesson.shown_language(edition)
        assert entry["module"]["number"] == meta["module"]
        if edition != "zh-hant":
            assert entry["module"]["title"] == label("modules", meta["module"], edition)
        assert (entry["order"], entry["duration"], entry["level"]) == (meta["order"], meta["duration"], meta["level"])
        assert entry["audience"] == [a for a in audiences if a in meta["audience"]]
        assert entry["roles"] == [r for r in roles if r in lesson.roles]
        assert entry["msc"] == [c for c in criteria if c in (meta.get("msc") or [])]
        assert len(entry["objectives"]) == len(meta["objectives"])
        if edition != "zh-hant" or lesson.content_language == "en":
            assert entry["objectives"] == [" ".join(str(o).split()) for o in meta["objectives"]]
        if lesson.quiz:
            source = disk.quiz(lesson.quiz)
            assert entry["quiz"]["id"] == lesson.quiz
            assert entry["quiz"]["questions"] == len(source["questions"])
            assert entry["quiz"]["pass_mark"] == source.get("pass_mark", 80)
            assert entry["quiz"]["hash"] == disk.quiz_hash(lesson.quiz)
            if edition != "zh-hant":
                assert entry["quiz"]["title"] == source["title"][edition]
        else:
            assert entry["quiz"] is None
    assert catalog["totals"] == {
        "lessons": len(lessons),
        "duration": sum(lesson.meta["duration"] for lesson in lessons),
        "quizzes": sum(1 for lesson in lessons if lesson.quiz),
        "questions": sum(disk.question_count(lesson.quiz) for lesson in lessons),
    }
    assert [m["number"] for m in catalog["modules"]] == sorted(int(n) for n in COURSE["modules"])
    for module in catalog["modules"]:
        mine = [lesson for lesson in lessons if lesson.module == module["number"]]
        assert (module["lessons"], module["duration"]) == (len(mine), sum(l.meta["duration"] for l in mine))
    assert list(catalog["labels"]["roles"]) == roles
    if edition != "zh-hant":
        assert catalog["labels"]["roles"] == {k: v[edition] for k, v in disk.roles().items()}


# ---- paths by job role on the home page ----------------------------------------------------

@pytest.mark.parametrize("edition", EDITIONS)
def test_home_page_lists_each_roles_lessons_in_curriculum_order(built_site, edition):
    page_url = disk.PREFIX[edition]
    soup = soup_at(built_site, page_url)
    paths = soup.select(".ctpat-path")
    roles = [role for role in disk.roles() if disk.role_lessons(role, edition)]
    assert roles, "no lesson names a job role in 'roles:'"
    assert [path.h3["id"] for path in paths] == [f"path-{role}" for role in roles]
    for path, role in zip(paths, roles):
        expected = label("roles", role, edition)
        assert disk.text_of(path.h3) == expected if expected else traditional(disk.text_of(path.h3))
        lessons = disk.role_lessons(role, edition)
        links = path.select("ol a[href]")
        assert [disk.resolve(page_url, a["href"]) for a in links] == [l.site_path(edition) for l in lessons], role
        for link, lesson in zip(links, lessons):
            assert title_ok(disk.text_of(link), lesson, edition), disk.text_of(link)
        meta = disk.text_of(path.select_one(".ctpat-path__meta"))
        assert str(len(lessons)) in meta
        assert disk.hours_minutes(sum(l.meta["duration"] for l in lessons), edition) in meta
        library = path.select_one(".ctpat-path__meta a[href]")
        assert library["href"].endswith(f"?role={role}")
        assert disk.resolve(page_url, library["href"]) == library_url(edition)


@pytest.mark.parametrize("edition", EDITIONS)
def test_home_page_overview_matches_the_lessons_on_disk(built_site, edition):
    page_url = disk.PREFIX[edition]
    table = soup_at(built_site, page_url).select_one(".ctpat-overview table")
    assert table is not None, "the <!-- course-overview --> marker was not rendered"
    lessons = disk.lessons(edition)
    modules = sorted({lesson.module for lesson in lessons})
    rows = table.select("tbody tr")
    assert len(rows) == len(modules)
    for row, module in zip(rows, modules):
        mine = [lesson for lesson in lessons if lesson.module == module]
        cells = [disk.text_of(cell) for cell in row.select("td")]
        assert cells[0] == str(len(mine))
        assert cells[1] == disk.hours_minutes(sum(lesson.meta["duration"] for lesson in mine), edition)
        link = row.select_one("a[href]")
        assert disk.resolve(page_url, link["href"]) == mine[0].site_path(edition)
        assert title_ok(disk.text_of(link), mine[0], edition)
    total = disk.text_of(table.select_one("tfoot"))
    assert str(len(lessons)) in total
    assert disk.hours_minutes(sum(lesson.meta["duration"] for lesson in lessons), edition) in total


# ---- an English-only lesson ------------------------------------------------------------------

def mini_lesson(language: str, lesson_id: str, order: int, title: str) -> str:
    objective = "Say what a seal log is for" if language == "en" else "说明封条登记簿的用途"
    return (f"---\nid: {lesson_id}\nmodule: 3\norder: {order}\ntitle: \"{title}\"\nduration: 15\n"
            f"level: foundation\naudience: [manufacturer]\nroles: [guard-loader]\nobjectives:\n  - {objective}\n"
            f"---\n\n# {title}\n\nText.\n")


@pytest.fixture(scope="module")
def partly_translated(tmp_path_factory):
    root = tmp_path_factory.mktemp("library")
    project = make_mini_project(root, {
        "docs/index.md": "# Home\n\n<!-- role-paths -->\n",
        "docs_zh/index.md": "# 首页\n\n<!-- role-paths -->\n",
        "docs/lessons/practice/seal-log.md": mini_lesson("en", "seal-log", 1, "The seal log"),
        "docs_zh/lessons/practice/seal-log.md": mini_lesson("zh", "seal-log", 1, "封条登记簿"),
        "docs/lessons/practice/gate-check.md": mini_lesson("en", "gate-check", 2, "The gate check"),
    })
    disk.standalone_config(project)
    result = run_mkdocs_build(project, root / "site", strict=False)
    assert result.returncode == 0, result.stderr[-4000:]
    return root / "site"


@pytest.mark.parametrize("edition", EDITIONS)
def test_untranslated_note_only_on_english_only_lessons(partly_translated, edition):
    soup = soup_at(partly_translated, library_url(edition))
    rows = {row["data-ctpat-lesson"]: row for row in soup.select("tr[data-ctpat-lesson]")}
    assert list(rows) == ["seal-log", "gate-check"]
    english_only = rows["gate-check"]
    if edition == "en":
        assert not soup.select(".ctpat-library__note")
        return
    assert english_only.select_one(".ctpat-library__note") is not None
    link = english_only.select_one("a[href]")
    assert link.get("lang") == "en" and link.get("hreflang") == "en"
    assert disk.text_of(link) == "The gate check"
    assert rows["seal-log"].select_one(".ctpat-library__note") is None
    assert rows["seal-log"].select_one("a[href]").get("lang") is None
    catalog = json.loads((partly_translated / library_url(edition) / "catalog.json").read_text(encoding="utf-8"))
    assert [entry["content_language"] for entry in catalog["lessons"]] == [edition, "en"]
