"""The sidebar and previous/next links follow the curriculum in every edition: Home, then the
Library, then the modules in order (titled from extra.course.modules), each lesson's module
opened with its lessons in order, and no generated page in the sidebar but the trainees' own
(the Library, and the final assessment where the course has one)."""

from __future__ import annotations

from pathlib import Path

import pytest

import course_files as disk

pytestmark = pytest.mark.slow

EDITIONS = disk.EDITIONS
# Generated pages for trainees: the Library right after Home, the final assessment (which
# exists only with quizzes/final-assessment.yml) right after the lessons. Print pages, the
# facilitator pack, sign-in sheets and the like stay out of the sidebar.
AFTER_HOME = ("library/",)
AFTER_LESSONS = ("assessment/",)


def soup_at(site: Path, page_url: str):
    return disk.page_soup(disk.page_file(site, page_url))


def own_link(li):
    """The page link of a sidebar item (not one of its children's, not a table of contents')."""
    for a in li.select("a.md-nav__link[href]"):
        if a.find_parent("li") is li and not a["href"].startswith("#"):
            return a
    return None


def title_of(li) -> str:
    node = li.select_one(".md-ellipsis")
    return disk.text_of(node) if node else disk.text_of(li)


def children(li) -> list:
    nav = li.find("nav", class_="md-nav", recursive=False)
    if nav is None or "md-nav--secondary" in nav.get("class", []):
        return []
    return nav.find("ul", class_="md-nav__list").find_all("li", recursive=False)


def top_items(soup) -> list:
    return soup.select_one("nav.md-nav--primary > ul.md-nav__list").find_all("li", recursive=False)


def target(li, page_url: str) -> str | None:
    link = own_link(li)
    return disk.resolve(page_url, link["href"]) if link is not None else None


def sidebar_targets(soup, page_url: str) -> list[str]:
    """Every page the sidebar links to, in order, once each."""
    found = []
    for a in soup.select("nav.md-nav--primary a.md-nav__link[href]"):
        if a["href"].startswith("#"):
            continue
        path = disk.resolve(page_url, a["href"])
        if path not in found:
            found.append(path)
    return found


def modules_of(edition: str) -> dict[int, list]:
    """``{module number: [its lessons in order]}`` for the modules that have lessons."""
    found: dict[int, list] = {}
    for lesson in disk.lessons(edition):
        found.setdefault(lesson.module, []).append(lesson)
    return dict(sorted(found.items()))


def after_home(site: Path, edition: str, pages=AFTER_HOME) -> list[str]:
    prefix = disk.PREFIX[edition]
    return [prefix + rel for rel in pages if disk.page_file(site, prefix + rel).is_file()]


def module_title(number: int, edition: str) -> str | None:
    """The module's title from mkdocs.yml (None for zh-hant: converted from the zh one)."""
    return None if edition == "zh-hant" else disk.label("modules", number, edition)


@pytest.mark.parametrize("edition", EDITIONS)
def test_sidebar_is_home_library_the_modules_in_curriculum_order_then_the_final_assessment(built_site, edition):
    prefix = disk.PREFIX[edition]
    modules = modules_of(edition)
    first_lesson = next(iter(modules.values()))[0]
    lead = after_home(built_site, edition)
    assert lead[0] == f"{prefix}library/"
    for page_url in (prefix, *lead, first_lesson.site_path(edition)):
        items = top_items(soup_at(built_site, page_url))
        assert target(items[0], page_url) == prefix, f"{page_url}: the first entry is not Home"
        assert [target(item, page_url) for item in items[1:1 + len(lead)]] == lead, \
            f"{page_url}: the Library does not follow Home"
        closing = after_home(built_site, edition, AFTER_LESSONS)
        assert [target(item, page_url) for item in items[2 + len(lead):2 + len(lead) + len(closing)]] == closing, \
            f"{page_url}: the final assessment does not follow the lessons"
        sections = children(items[1 + len(lead)])
        titles = [title_of(section) for section in sections]
        assert len(titles) == len(modules), f"{page_url}: the lessons section holds {titles}"
        for title, number in zip(titles, modules):
            expected = module_title(number, edition)
            if expected is not None:
                assert title == expected, f"{page_url}: module {number}"
            else:
                assert title and not set(title) & disk.SIMPLIFIED_ONLY, title
        # Pruned modules link to their first lesson; the open one lists its lessons.
        for section, lessons in zip(sections, modules.values()):
            if children(section):
                assert [target(li, page_url) for li in children(section)] == \
                    [lesson.site_path(edition) for lesson in lessons], page_url
            else:
                assert target(section, page_url) == lessons[0].site_path(edition), page_url


@pytest.mark.parametrize("edition", EDITIONS)
def test_each_lessons_sidebar_lists_its_module_in_curriculum_order(built_site, edition):
    """On a lesson page the sidebar opens the lesson's own module, lessons in curriculum order,
    and keeps the other modules one link each (their lessons are pruned, not lost)."""
    lessons = disk.lessons(edition)
    modules = modules_of(edition)
    paths = {lesson.site_path(edition) for lesson in lessons}
    for lesson in lessons:
        page_url = lesson.site_path(edition)
        found = [path for path in sidebar_targets(soup_at(built_site, page_url), page_url) if path in paths]
        expected = [other.site_path(edition) for number, module in modules.items()
                    for other in (module if number == lesson.module else module[:1])]
        assert found == expected, page_url


@pytest.mark.parametrize("edition", EDITIONS)
def test_previous_and_next_follow_the_curriculum(built_site, edition):
    prefix = disk.PREFIX[edition]
    chain = ([prefix, *after_home(built_site, edition)] + [lesson.site_path(edition) for lesson in disk.lessons(edition)]
             + after_home(built_site, edition, AFTER_LESSONS))
    home = soup_at(built_site, prefix)
    assert home.select_one('link[rel="prev"]') is None, "the home page has a previous page"
    for previous, page_url, following in zip(chain, chain[1:], chain[2:] + [None]):
        soup = soup_at(built_site, page_url)
        prev_link = soup.select_one('link[rel="prev"]')
        assert prev_link is not None and disk.resolve(page_url, prev_link["href"]) == previous, page_url
        footer_prev = soup.select_one("a.md-footer__link--prev")
        assert footer_prev is not None and disk.resolve(page_url, footer_prev["href"]) == previous, page_url
        if following is not None:
            next_link = soup.select_one('link[rel="next"]')
            assert next_link is not None and disk.resolve(page_url, next_link["href"]) == following, page_url


def generated_pages(site: Path, edition: str) -> set[str]:
    """Pages of the edition that have no Markdown file (the library, print pages, ...)."""
    root = site / disk.PREFIX[edition]
    others = {f"{code}/" for code in EDITIONS if code != "en"} if edition == "en" else set()
    built = set()
    for html in root.rglob("index.html"):
        rel = html.parent.relative_to(root).as_posix()
        path = "" if rel == "." else rel + "/"
        if not any(path.startswith(other) for other in others):
            built.add(path)
    return built - set(disk.pages(edition))


@pytest.mark.parametrize("edition", EDITIONS)
def test_no_generated_page_but_the_trainees_own_is_in_the_sidebar(built_site, edition):
    prefix = disk.PREFIX[edition]
    generated = {prefix + path for path in generated_pages(built_site, edition)}
    assert f"{prefix}library/" in generated
    hidden = generated - set(after_home(built_site, edition)) - set(after_home(built_site, edition, AFTER_LESSONS))
    pages = [prefix, f"{prefix}library/"] + [prefix + path for path in disk.pages(edition)]
    for page_url in pages:
        targets = set(sidebar_targets(soup_at(built_site, page_url), page_url))
        assert f"{prefix}library/" in targets, page_url
        assert not targets & hidden, f"{page_url}: {sorted(targets & hidden)}"
