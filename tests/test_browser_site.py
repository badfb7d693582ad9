"""What only a browser shows of the whole site, on the real build: the language switcher on a
deep page, Material's search in each edition, every byte from the site itself, the 404 page,
and the generated tables' place in the text column.

conftest's ``page`` fails a test on any request to another host, any console error and any
HTTP error response (the sitemap.xml Material asks for included).
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

import pytest

import course_files as disk
from quiz_site import EDITIONS, PREFIX, text_of, watched_page

pytestmark = pytest.mark.browser

LANG = {"en": "en", "zh": "zh", "zh-hant": "zh-Hant"}  # <html lang> of each edition
HAN = re.compile(r"[\u4e00-\u9fff]")


def deep_lesson():
    """A lesson two folders deep that has a Chinese file (seals-vvtt where it exists)."""
    lessons = [lesson for lesson in disk.lessons("zh") if lesson.content_language == "zh"]
    assert lessons, "no lesson has a Chinese file"
    return next((lesson for lesson in lessons if lesson.id == "seals-vvtt"), lessons[0])


# ---- the language switcher ------------------------------------------------------------------------

@pytest.mark.parametrize("start, pick", [(a, b) for a in EDITIONS for b in EDITIONS if a != b])
def test_switching_language_on_a_deep_page_lands_on_its_twin(page, start, pick):
    lesson = deep_lesson()
    page.goto(page.base_url + PREFIX[start] + lesson.site_path("en"))
    page.hover(".md-header__option .md-select")
    page.click(f'.md-select__link[hreflang="{pick}"]')
    page.wait_for_url(page.base_url + PREFIX[pick] + lesson.site_path("en"))
    assert page.locator("html").get_attribute("lang") == LANG[pick]
    title = text_of(page.locator("article h1")).rstrip("¶").strip()
    if pick == "zh-hant":
        assert HAN.search(title) and title != lesson.meta["title"]  # converted, not the Simplified title
    else:
        assert title == next(l for l in disk.lessons(pick) if l.id == lesson.id).meta["title"]


# ---- search -----------------------------------------------------------------------------------------

def search(page, query: str) -> list[str]:
    """Type ``query`` into Material's search box; return the pages of the results, in order
    (site paths without query or fragment, each once).

    Material reads the box on keyup (and once when its index is ready), not on ``input``:
    ``fill`` stands in for the IME (Chinese is not typed key by key) and releasing End is the
    keystroke that ends a real reader's typing.
    """
    page.keyboard.press("/")
    page.fill("input.md-search__input", query)
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    hits = page.eval_on_selector_all(".md-search-result__item a[href]", "els => els.map(e => e.href)")
    pages = []
    for hit in hits:
        assert urlsplit(hit).netloc == urlsplit(page.base_url).netloc, hit
        path = unquote(urlsplit(hit).path).lstrip("/")
        if path not in pages:
            pages.append(path)
    return pages


def edition_of(path: str) -> str:
    return "zh-hant" if path.startswith("zh-hant/") else "zh" if path.startswith("zh/") else "en"


def lessons_titled(edition_source: str, word: str) -> list[str]:
    return [lesson.site_path("en") for lesson in disk.lessons(edition_source) if word in lesson.meta["title"]]


# The Traditional queries and the Simplified words of the same titles (written by hand:
# 封條 is 封条, 貨櫃 is Taiwan's word for 集装箱).
SEARCHES = [
    ("zh", "封条", "封条"),
    ("zh", "最低安全标准", "最低安全标准"),
    ("zh-hant", "封條", "封条"),
    ("zh-hant", "貨櫃", "集装箱"),
]


@pytest.mark.parametrize("edition, query, simplified", SEARCHES)
def test_chinese_search_finds_pages_of_its_own_edition_only(page, edition, query, simplified):
    expected = lessons_titled("zh", simplified)
    assert expected, f"no Chinese lesson title contains {simplified}"
    page.goto(page.base_url + PREFIX[edition])
    found = search(page, query)
    assert found, f"no results for {query}"
    assert {edition_of(path) for path in found} == {edition}, found
    top = found[:6]
    assert any(PREFIX[edition] + path in top for path in expected), (
        f"none of the lessons titled with {query} ({expected}) in the first results: {top}")
    page.goto(page.base_url + found[0])
    assert query in page.locator("article").inner_text(), f"{found[0]} does not contain {query}"


def test_english_search_finds_english_pages_only(page):
    lesson = deep_lesson()
    word = "VVTT" if lesson.id == "seals-vvtt" else lesson.meta["title"].split()[0]
    page.goto(page.base_url)
    found = search(page, word)
    assert found and {edition_of(path) for path in found} == {"en"}, found
    assert lesson.site_path("en") in found[:6], found


# ---- nothing from other hosts -----------------------------------------------------------------------

def pages_of(built_site, edition: str) -> list[str]:
    """Every page at the top of ``edition`` (home, library, glossary, generated pages ...),
    the deep lesson and the first page under each top-level folder (a job aid ...)."""
    root = built_site / PREFIX[edition]
    others = {PREFIX[e].rstrip("/") for e in EDITIONS if PREFIX[e]}
    paths = [""]
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and p.name not in others | {"assets", "search"}):
        if (folder / "index.html").exists():
            paths.append(folder.name + "/")
        deeper = sorted(sub for sub in folder.iterdir() if (sub / "index.html").exists())
        if deeper and folder.name != "lessons":
            paths.append(f"{folder.name}/{deeper[0].name}/")
    paths.append(deep_lesson().site_path("en"))
    return [PREFIX[edition] + path for path in paths]


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_loads_everything_from_the_site_itself(page, built_site, edition):
    """Each page is loaded until Material's scripts have fetched the search index (and the
    course's widgets run): no request to another host, no console error, no HTTP error (the
    sitemap.xml Material asks for included). Every resource a page names, also those not
    fetched yet (lazy images, fonts in the stylesheets), is on this site."""
    host = urlsplit(page.base_url).netloc
    paths = pages_of(built_site, edition)
    assert len(paths) >= 6, paths
    for path in paths:
        with page.expect_response(lambda response: response.url.endswith("/search/search_index.json")):
            page.goto(page.base_url + path)
        if page.locator(".ctpat-quiz").count():
            page.wait_for_selector(".ctpat-quiz[data-ready]", state="attached")
        if page.locator("[data-ctpat-library]").count():
            page.wait_for_selector("[data-ctpat-library][data-ctpat-ready]", state="attached")
        watch = page.watch
        assert not (watch.outside_requests or watch.console_errors or watch.failed_responses), (
            f"{path}: outside requests {watch.outside_requests}, console errors {watch.console_errors}, "
            f"HTTP errors {watch.failed_responses}")
        named = page.evaluate("""() => [
            ...[...document.querySelectorAll('link[href]')].filter(l => !/^(canonical|alternate|prev|next)$/.test(l.rel)).map(l => l.href),
            ...[...document.querySelectorAll('script[src], img[src], iframe[src], source[src], video[src], audio[src], [data-qr-script]')]
                .map(e => e.src || new URL(e.dataset.qrScript, location.href).href),
            ...[...document.querySelectorAll('img[srcset], source[srcset]')].flatMap(e => e.srcset.split(',').map(s => new URL(s.trim().split(' ')[0], location.href).href)),
            ...[...document.styleSheets].flatMap(s => { try { return [...s.cssRules]; } catch (e) { return []; } })
                .filter(r => r instanceof CSSFontFaceRule || r instanceof CSSImportRule)
                .flatMap(r => [...r.cssText.matchAll(/url\\(["']?([^"')]+)/g)].map(m => new URL(m[1], r.parentStyleSheet.href || location.href).href)),
        ]""")
        outside = [url for url in named if urlsplit(url).netloc != host and not url.startswith("data:")]
        assert outside == [], f"{path} names resources on other hosts: {outside}"


# ---- phones -------------------------------------------------------------------------------------------

def test_no_page_pans_sideways_on_a_phone(browser, site_server, built_site):
    """Every page of every edition at 360 px: the page itself never scrolls sideways (a wide
    table scrolls inside its own box), so a trainee's thumb moves the text, not the layout."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    wide = []
    paths = sorted(str(p.parent.relative_to(built_site)) for p in built_site.rglob("index.html"))
    assert len(paths) > 60, paths
    for path in paths:
        page.goto(site_server + ("" if path == "." else path + "/"))
        size = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if size[0] > size[1]:
            wide.append(f"{path}/: {size[0]} px wide in a {size[1]} px screen")
    context.close()
    assert wide == [], "\n".join(wide)


# ---- the 404 page -----------------------------------------------------------------------------------

def test_a_missing_page_shows_the_404_in_every_language_with_working_links(browser, site_server):
    missing = site_server + "lessons/no-such-lesson/"
    with watched_page(browser, site_server, allowed_errors={missing}) as page:
        response = page.goto(missing)
        assert response.status == 404
        sections = page.locator("article section[lang]")
        assert sections.count() == len(EDITIONS)
        langs = [section.get_attribute("lang") for section in sections.all()]
        assert langs[0] == "en" and all(lang.startswith("zh") for lang in langs[1:]), langs
        assert page.locator("article h1").count() == 1  # one page title, the others below it
        # Styled by the site's own stylesheets, although it is served at any depth.
        header = page.locator(".md-header").evaluate("e => getComputedStyle(e).backgroundColor")
        assert header not in ("rgba(0, 0, 0, 0)", "transparent"), header

        for index, edition in enumerate(EDITIONS):
            link = page.locator("article section[lang]").nth(index).locator("a")
            with page.expect_navigation():
                link.click()
            assert page.url == site_server + PREFIX[edition]
            assert page.locator("html").get_attribute("lang") == LANG[edition]
            page.go_back()
            page.wait_for_url(missing)


# ---- generated tables ---------------------------------------------------------------------------------

@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("path, table", [("glossary/", ".ctpat-glossary__table"), ("", ".ctpat-overview__table")])
def test_generated_tables_sit_in_the_text_column_and_read_as_tables(page, edition, path, table):
    """The glossary and the course overview are generated tables with a class, which
    Material's table styles skip: they must still line up with the text and show the header
    and row rules of every other table (borders, left-aligned cells), on a desktop and a phone."""
    page.goto(page.base_url + PREFIX[edition] + path)
    for width in (1280, 360):
        page.set_viewport_size({"width": width, "height": 900})
        box = page.evaluate("""selector => {
            const table = document.querySelector(selector), text = table.closest('.md-content__inner');
            const cell = table.querySelector('tbody td'), head = table.querySelector('thead th');
            return {left: table.getBoundingClientRect().left,
                    textLeft: text.getBoundingClientRect().left + parseFloat(getComputedStyle(text).paddingLeft),
                    rule: parseFloat(getComputedStyle(cell).borderTopWidth), align: getComputedStyle(head).textAlign,
                    outline: parseFloat(getComputedStyle(table).borderLeftWidth),
                    pageWidth: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth};
        }""", table)
        assert abs(box["left"] - box["textLeft"]) < 2, (width, box)  # not sticking out of the text column
        assert box["rule"] > 0 and box["outline"] > 0, (width, box)   # row rules and a frame
        assert box["align"] in ("left", "start"), (width, box)
        assert box["pageWidth"] <= box["viewport"], (width, box)     # a wide table scrolls in its box
