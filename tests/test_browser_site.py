"""What only a browser shows: language switching, Material's real search, requests, console.

Every test uses the ``page`` fixture, which fails on any request to another host, any
console error and any HTTP error response.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

DEEP = "lessons/practice/seals-vvtt/"


def open_language_menu_and_pick(page, language_name: str) -> None:
    page.hover(".md-header__option .md-select")
    page.click(f".md-select__link:has-text('{language_name}')")


@pytest.mark.parametrize("start, pick, expected", [
    (DEEP, "简体中文", f"zh/{DEEP}"),
    (f"zh/{DEEP}", "English", DEEP),
])
def test_switching_language_on_a_deep_page_lands_on_its_twin(page, start, pick, expected):
    page.goto(page.base_url + start)
    open_language_menu_and_pick(page, pick)
    page.wait_for_url(page.base_url + expected)
    assert page.locator("html").get_attribute("lang") == ("zh" if expected.startswith("zh/") else "en")


def search(page, query: str) -> list[str]:
    """Type ``query`` into Material's search box; return the result links (absolute URLs).

    Material reads the box on keyup (and once when its index is ready), not on ``input``:
    ``fill`` alone raced the search worker and failed whenever the index was already loaded.
    ``fill`` stands in for the IME (Chinese is not typed key by key); releasing End is the
    keystroke that ends a real reader's typing.
    """
    page.keyboard.press("/")
    page.fill("input.md-search__input", query)
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")


@pytest.mark.parametrize("query, expected_page", [
    ("封条", "lessons/practice/seals-vvtt/"),
    ("七点检查", "lessons/practice/container-inspection/"),
    ("互认安排", "lessons/mutual-recognition/mutual-recognition/"),
])
def test_chinese_search_finds_chinese_pages_only(page, query, expected_page):
    page.goto(page.base_url + "zh/")
    hits = search(page, query)
    assert hits, f"no results for {query}"
    assert all(hit.startswith(page.base_url + "zh/") for hit in hits), hits
    top = [hit.split("?")[0].split("#")[0] for hit in hits[:5]]
    assert page.base_url + "zh/" + expected_page in top, top
    # The result page really contains the word the reader searched for.
    page.goto(hits[0])
    assert query in page.locator("article").inner_text()


def test_english_search_finds_english_pages_only(page):
    page.goto(page.base_url)
    hits = search(page, "VVTT")
    assert hits and not any("/zh/" in hit for hit in hits), hits
    assert page.base_url + DEEP in [hit.split("?")[0].split("#")[0] for hit in hits[:5]]


@pytest.mark.parametrize("path", [
    "", "zh/", DEEP, f"zh/{DEEP}", "glossary/", "zh/glossary/", "workshops/", "zh/workshops/",
    "library/", "zh/library/",
])
def test_pages_load_everything_from_the_site_itself(page, path):
    """Loads the page, lets scripts settle, and (via the fixture) fails on any outside request,
    console error or HTTP error, including the sitemap.xml Material asks for."""
    page.goto(page.base_url + path)
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").count() >= 1


def test_missing_page_shows_the_bilingual_404_with_working_links(browser, site_server):
    context = browser.new_context()
    page = context.new_page()
    failed = []
    page.on("response", lambda r: r.status >= 400 and r.url != site_server + "no/such/page/"
            and failed.append(r.url))
    response = page.goto(site_server + "no/such/page/")
    assert response.status == 404
    text = page.locator("article").inner_text()
    assert "Page not found" in text and "页面未找到" in text
    assert failed == [], f"assets of the 404 page failed to load: {failed}"
    page.click("text=返回课程首页")
    page.wait_for_url(site_server + "zh/")
    context.close()


@pytest.mark.parametrize("path, table", [
    ("glossary/", ".ctpat-glossary__table"),
    ("zh/glossary/", ".ctpat-glossary__table"),
    ("", ".ctpat-overview__table"),
    ("zh/", ".ctpat-overview__table"),
])
@pytest.mark.parametrize("width", [1280, 360])
def test_generated_tables_sit_in_the_text_column_and_read_as_tables(page, path, table, width):
    """The glossary and the course overview are generated tables with a class, which
    Material's table styles skip: they must still line up with the text and show the
    header and row rules of every other table (borders, left-aligned cells)."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(page.base_url + path)
    box = page.evaluate("""selector => {
        const table = document.querySelector(selector), text = table.closest('.md-content__inner');
        const cell = table.querySelector('tbody td'), head = table.querySelector('thead th');
        const style = getComputedStyle(cell);
        return {left: table.getBoundingClientRect().left, textLeft: text.getBoundingClientRect().left
                      + parseFloat(getComputedStyle(text).paddingLeft),
                rule: parseFloat(style.borderTopWidth), align: getComputedStyle(head).textAlign,
                outline: parseFloat(getComputedStyle(table).borderLeftWidth)};
    }""", table)
    assert abs(box["left"] - box["textLeft"]) < 2, box  # not sticking out of the text column
    assert box["rule"] > 0 and box["outline"] > 0, box   # row rules and a frame, as Material draws
    assert box["align"] in ("left", "start"), box
