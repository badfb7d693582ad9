"""The three editions of the built site: English at /, Simplified Chinese at /zh/ (from
docs_zh/), Traditional Chinese at /zh-hant/ (converted from docs_zh/, or hand-written in
docs_zh_hant/). Each page in its language, switchable to its twins, searchable in its own
index, in its own interface language, with nothing loaded from another host."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import course_files as disk
from conftest import run_mkdocs_build

pytestmark = pytest.mark.slow

EDITIONS = disk.EDITIONS
CHINESE = ("zh", "zh-hant")
HAN = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
SIMPLIFIED_ONLY = disk.SIMPLIFIED_ONLY


def html_of(site: Path, site_path: str):
    return disk.page_soup(disk.page_file(site, site_path))


def body_of(path: Path) -> str:
    """A Markdown file's text after its front matter."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("---"):
        text = text.split("\n---", 1)[1].split("\n", 1)[1]
    return text


def first_heading(path: Path) -> str | None:
    for line in body_of(path).splitlines():
        if line.startswith("# "):
            return re.sub(r"[*`]", "", line[2:]).strip()
    return None


# ---- every page in every edition ------------------------------------------------------------

@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_exists_in_every_edition_with_its_language(built_site, edition):
    pages = list(disk.pages(edition)) + ["library/"]
    assert "" in pages and len(pages) > 1
    for rel in pages:
        path = disk.page_file(built_site, disk.PREFIX[edition] + rel)
        assert path.is_file(), f"{edition}: no page for {rel or 'the home page'}"
        assert disk.soup_of(path).html["lang"] == disk.HTML_LANG[edition], path


@pytest.mark.parametrize("edition", EDITIONS)
def test_each_page_shows_its_own_editions_source(built_site, edition):
    """English pages come from docs/, Chinese ones from docs_zh/ (not the English file), and a
    hand-written Traditional page from docs_zh_hant/ where there is one."""
    checked = 0
    for rel, source in disk.pages(edition).items():
        expected = first_heading(source)
        if expected is None or (edition == "zh-hant" and disk.SOURCES["zh-hant"] not in source.parents):
            continue  # converted headings are checked for their script below
        h1 = html_of(built_site, disk.PREFIX[edition] + rel).select_one("article h1")
        assert h1 is not None and disk.heading_text(h1) == expected, f"{edition} {rel}: {source}"
        checked += 1
    assert checked or edition == "zh-hant"


def test_traditional_lessons_are_converted_with_no_simplified_characters_left(built_site):
    for lesson in disk.lessons("zh-hant"):
        if lesson.content_language != "zh":
            continue
        article = html_of(built_site, lesson.site_path("zh-hant")).select_one("article")
        text = article.get_text()
        left = sorted({ch for ch in text if ch in SIMPLIFIED_ONLY})
        assert not left, f"{lesson.id}: Simplified characters in the Traditional page: {''.join(left)}"
        assert HAN.search(text), lesson.id


def _glossary_entries() -> list[dict]:
    data = disk.glossary()
    return [entry for entry in (data.get("terms") or []) + (data.get("vocabulary") or [])
            if entry.get("zh") and entry.get("zh_hant")]


def test_traditional_lessons_use_the_glossarys_taiwan_terms(built_site):
    """Where a Simplified lesson writes a glossary term (集装箱), its Traditional page writes the
    term's Taiwan form from data/glossary.yml (貨櫃), not a character-by-character conversion."""
    entries = _glossary_entries()
    container = next((e["zh_hant"] for e in entries if e["zh"] == "集装箱"), None)
    assert container == "貨櫃", "data/glossary.yml no longer maps 集装箱 to 貨櫃"
    checked, seen_container = 0, False
    for lesson in disk.lessons("zh"):
        if lesson.content_language != "zh" or (disk.SOURCES["zh-hant"] / lesson.rel).is_file():
            continue
        source = body_of(lesson.source)
        text = html_of(built_site, lesson.site_path("zh-hant")).select_one("article").get_text()
        for entry in entries:
            # A longer entry that contains this one takes precedence where it occurs.
            rest = source
            for other in entries:
                if other is not entry and entry["zh"] in other["zh"] and len(other["zh"]) > len(entry["zh"]):
                    rest = rest.replace(other["zh"], "")
            if entry["zh"] in rest:
                assert entry["zh_hant"] in text, f"{lesson.id}: {entry['zh']} should read {entry['zh_hant']}"
                checked += 1
                seen_container |= entry["zh"] == "集装箱"
    assert checked and seen_container


# ---- a small site: untranslated, hand-written Traditional and Chinese-only pages -------------

MINI_PAGES = {
    "docs/index.md": "# Home\n\nWelcome.\n",
    "docs_zh/index.md": "# 首页\n\n欢迎。集装箱检查从这里开始。\n",
    "docs/about.md": "# About\n\nOnly in English.\n",
    "docs/hand.md": "# Hand\n\nWritten by hand.\n",
    "docs_zh/hand.md": "# 手写页面\n\n这一页会被转换。\n",
    "docs_zh_hant/hand.md": "# 手寫的頁面\n\n這一頁由譯者親手寫成。\n",
    "docs/wrapped.md": "# Wrapped\n\nx\n",
    "docs_zh/wrapped.md": "# 换行\n\n封条必须在装货后\n立即施加。\n",
    "docs_zh/only-chinese.md": "# 只有中文\n\n只有中文。\n",
}
SITE_URL = "https://training.example.org/ctpat/"


@pytest.fixture(scope="module")
def mini(tmp_path_factory):
    """The small site built without --strict (its missing translations only warn)."""
    from conftest import make_mini_project

    root = tmp_path_factory.mktemp("editions")
    project = make_mini_project(root, MINI_PAGES)
    disk.standalone_config(project, site_url=SITE_URL)
    result = run_mkdocs_build(project, root / "site", strict=False)
    assert result.returncode == 0, result.stderr[-4000:]
    return {"project": project, "site": root / "site", "log": result.stderr}


def warnings_of(log: str) -> list[str]:
    return [line for line in log.splitlines() if line.startswith("WARNING")]


@pytest.mark.parametrize("edition", CHINESE)
def test_english_only_page_in_a_chinese_edition_has_a_bilingual_notice(mini, edition):
    soup = html_of(mini["site"], f"{edition}/about/")
    assert soup.html["lang"] == disk.HTML_LANG[edition]
    notice = soup.select_one("article .ctpat-untranslated")
    assert notice is not None, "no 'not yet translated' notice"
    english = [p for p in notice.find_all("p") if p.get("lang") == "en"]
    assert english and not HAN.search(english[0].get_text()) and LATIN.search(english[0].get_text())
    chinese = " ".join(p.get_text() for p in notice.find_all("p") if p.get("lang") != "en")
    assert HAN.search(chinese), "the notice has no Chinese text"
    assert "Only in English." in soup.select_one("article").get_text()
    assert html_of(mini["site"], "about/").select_one(".ctpat-untranslated") is None


def test_translated_pages_have_no_notice(mini):
    for edition in EDITIONS:
        for page in ("", "hand/", "wrapped/"):
            assert html_of(mini["site"], disk.PREFIX[edition] + page).select_one(".ctpat-untranslated") is None


def test_missing_translation_warns_naming_the_file_to_add(mini):
    lines = [line for line in warnings_of(mini["log"]) if "docs/about.md" in line]
    assert len(lines) == 1, warnings_of(mini["log"])
    assert "has no Chinese translation" in lines[0] and "add docs_zh/about.md" in lines[0]
    chinese_only = [line for line in warnings_of(mini["log"]) if "docs_zh/only-chinese.md" in line]
    assert len(chinese_only) == 1 and "no English original" in chinese_only[0], warnings_of(mini["log"])
    assert html_of(mini["site"], "zh/only-chinese/").html["lang"] == "zh"  # still built
    # The translated pages raise nothing.
    assert not [line for line in warnings_of(mini["log"]) if "hand.md" in line or "wrapped.md" in line]


@pytest.mark.parametrize("options", [(), ("--quiet",)], ids=["strict", "strict-quiet"])
def test_missing_translation_fails_a_strict_build(mini, tmp_path, options):
    # --quiet hides warnings from MkDocs' strict count; the course's warnings still stop the build.
    result = run_mkdocs_build(mini["project"], tmp_path / "strict", True, *options)
    assert result.returncode != 0
    assert "docs/about.md" in result.stderr and "has no Chinese translation" in result.stderr
    assert "Traceback" not in result.stderr


def test_hand_written_traditional_page_replaces_the_converted_one(mini):
    soup = html_of(mini["site"], "zh-hant/hand/")
    assert soup.html["lang"] == "zh-Hant"
    assert disk.heading_text(soup.select_one("article h1")) == "手寫的頁面"
    assert "這一頁由譯者親手寫成。" in soup.select_one("article").get_text()
    # ...while a page without one is converted from docs_zh/, glossary terms in Taiwan usage.
    home = html_of(mini["site"], "zh-hant/").select_one("article")
    assert disk.heading_text(home.h1) == "首頁"
    assert "貨櫃檢查" in home.get_text() and "集装箱" not in home.get_text()
    assert disk.heading_text(html_of(mini["site"], "zh/hand/").select_one("article h1")) == "手写页面"


def test_wrapped_chinese_lines_join_without_a_space(mini):
    for edition, sentence in (("zh", "封条必须在装货后立即施加。"), ("zh-hant", "封條必須在裝貨後立即施加。")):
        assert sentence in html_of(mini["site"], f"{edition}/wrapped/").select_one("article").get_text()


def test_hreflang_links_are_absolute_with_site_url(mini):
    expected = {"en": SITE_URL, "zh": SITE_URL + "zh/", "zh-hant": SITE_URL + "zh-hant/", "x-default": SITE_URL}
    for page in ("hand/", "zh/hand/", "zh-hant/hand/", ""):
        soup = html_of(mini["site"], page)
        links = {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')}
        assert links == expected, page
    # Material asks each of them for sitemap.xml: every edition root has one, absolute.
    for edition in EDITIONS:
        sitemap = (mini["site"] / disk.PREFIX[edition] / "sitemap.xml").read_text(encoding="utf-8")
        assert f"<loc>{SITE_URL}zh-hant/hand/</loc>" in sitemap, edition


def test_without_site_url_no_alternate_links_send_material_to_a_sitemap(built_site):
    lesson = disk.lessons("zh")[0]
    for edition in EDITIONS:
        soup = html_of(built_site, lesson.site_path(edition))
        assert soup.select('link[rel="alternate"]') == [], edition
        assert (built_site / disk.PREFIX[edition] / "sitemap.xml").is_file()


# ---- switching language --------------------------------------------------------------------

def test_language_switcher_on_a_deep_page_leads_to_the_same_page_in_every_edition(built_site):
    """Without site_url the links are relative, so the site works from a folder or a USB stick."""
    pages = [lesson.site_path("en") for lesson in disk.lessons("en")] + ["", "library/"]
    assert any(page.count("/") >= 3 for page in pages)
    for page in pages:
        for here in EDITIONS:
            page_url = disk.PREFIX[here] + page
            links = {a["hreflang"]: a["href"] for a in
                     html_of(built_site, page_url).select(".md-select__link[hreflang]")}
            assert set(links) == set(EDITIONS), page_url
            for there, href in links.items():
                assert not href.startswith(("/", "http:", "https:")), f"{page_url}: {href}"
                assert disk.resolve(page_url, href) == disk.PREFIX[there] + page, f"{page_url} -> {there}"


def test_language_switcher_names_each_edition_as_mkdocs_yml_does(built_site):
    names = {code: entry["name"] for code, entry in disk.i18n_languages().items()}
    soup = html_of(built_site, "zh/")
    assert {a["hreflang"]: disk.text_of(a) for a in soup.select(".md-select__link[hreflang]")} == names


# ---- headings and search -------------------------------------------------------------------

@pytest.mark.parametrize("edition", CHINESE)
def test_chinese_headings_get_readable_anchors(built_site, edition):
    checked = 0
    for lesson in disk.lessons(edition):
        soup = html_of(built_site, lesson.site_path(edition))
        for heading in (link.parent for link in soup.select("article :is(h2, h3, h4) > a.headerlink")):
            assert not heading["id"].startswith("_"), f"{lesson.id}: {heading['id']}"
            if HAN.search(disk.heading_text(heading)):
                assert HAN.search(heading["id"]), f"{lesson.id}: {heading['id']}"
                checked += 1
    assert checked


def search_index(site: Path, edition: str) -> dict:
    return json.loads((site / disk.PREFIX[edition] / "search" / "search_index.json").read_text(encoding="utf-8"))


def index_text(index: dict) -> str:
    from bs4 import BeautifulSoup

    return " ".join(BeautifulSoup(doc["text"], "html.parser").get_text(" ") for doc in index["docs"])


@pytest.mark.parametrize("edition", EDITIONS)
def test_each_edition_has_its_own_search_index_with_locations_in_it(built_site, edition):
    index = search_index(built_site, edition)
    pages = set(disk.pages(edition))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    # Rebased to the edition's root: every location is a page of this edition.
    assert locations and locations <= pages | {""}, locations - pages
    assert not any(location.startswith(("zh/", "zh-hant/")) for location in locations)
    lesson = disk.lessons(edition)[0]
    titles = [doc["title"].replace("\u200b", "") for doc in index["docs"]
              if doc["location"] == lesson.site_path("en")]
    assert titles and (HAN.search(titles[0]) is not None) == (edition != "en"), titles


def test_no_edition_finds_another_editions_lessons(built_site):
    """The i18n plugin's merged index would give Chinese readers English hits and English
    readers Chinese ones: each lesson's title is found in its own edition only."""
    titles = {edition: {doc["title"].replace("\u200b", "") for doc in search_index(built_site, edition)["docs"]}
              for edition in EDITIONS}
    checked = 0
    for en, zh in zip(disk.lessons("en"), disk.lessons("zh")):
        assert en.rel == zh.rel
        if zh.content_language != "zh" or zh.meta["title"] == en.meta["title"]:
            continue
        assert en.meta["title"] in titles["en"] and zh.meta["title"] in titles["zh"], en.id
        assert zh.meta["title"] not in titles["en"], zh.id
        assert en.meta["title"] not in titles["zh"] | titles["zh-hant"], en.id
        checked += 1
    assert checked


@pytest.mark.parametrize("edition", CHINESE)
def test_chinese_search_splits_on_chinese_punctuation_and_keeps_course_terms_whole(built_site, edition):
    index = search_index(built_site, edition)
    separator = re.compile(index["config"]["separator"])
    # The separator as lunr uses it: whitespace, jieba's zero-width spaces, Chinese punctuation.
    assert [t for t in separator.split("封条，检查。核对\u200b拉扯；扭转（VVTT）") if t] == \
        ["封条", "检查", "核对", "拉扯", "扭转", "VVTT"]
    english = re.compile(search_index(built_site, "en")["config"]["separator"])
    assert [t for t in english.split("封条，检查") if t] == ["封条，检查"]  # why Chinese needs its own
    text = index_text(index)
    assert "\u200b" in text, "jieba did not segment the Chinese text"
    tokens = set(separator.split(text))
    msc = next(term for term in disk.glossary()["terms"] if term.get("abbr") == "MSC")
    word = disk.bare(msc["zh_hant"] if edition == "zh-hant" else msc["zh"])
    assert word in tokens, f"{word} is not one search word"


@pytest.mark.parametrize("edition", EDITIONS)
def test_search_base_points_at_the_editions_own_index(built_site, edition):
    lesson = disk.lessons(edition)[-1]
    for page_url in (disk.PREFIX[edition], lesson.site_path(edition)):
        config = json.loads(html_of(built_site, page_url).select_one("#__config").string)
        assert disk.resolve(page_url, config["base"]) == disk.PREFIX[edition], page_url
        assert (built_site / disk.PREFIX[edition] / "search/search_index.json").is_file()


def test_quiz_answers_stay_out_of_search(built_site):
    """Search must not hand a trainee the answers: no explanation or option feedback that only
    the quiz holds is indexed."""
    checked = 0
    for edition in EDITIONS:
        text = index_text(search_index(built_site, edition)).replace("\u200b", "")
        text = " ".join(text.split())
        language = disk.BASED_ON[edition]
        pages = " ".join(" ".join(re.sub(r"[*`]", "", path.read_text(encoding="utf-8")).split())
                         for path in disk.pages(edition).values())
        for lesson in disk.lessons(edition):
            if not lesson.quiz or edition == "zh-hant":
                continue  # zh-hant: the Traditional text differs from the file's; zh covers it
            for question in disk.quiz(lesson.quiz)["questions"]:
                answers = [(question.get("explanation") or {}).get(language, "")]
                answers += [(o.get("feedback") or {}).get(language, "") for o in question.get("options", [])]
                for answer in answers:
                    answer = " ".join(re.sub(r"[*`]", "", answer).split())
                    if len(answer) >= 40 and answer not in pages:  # not quoted from a lesson
                        assert answer not in text, f"{edition} search holds {lesson.quiz}: {answer[:60]}"
                        checked += 1
    assert checked
    # ...while the quizzes are still on their pages.
    lesson = next(lesson for lesson in disk.lessons("en") if lesson.quiz)
    assert html_of(built_site, lesson.site_path("en")).select_one(f'[data-quiz-id="{lesson.quiz}"]')


# ---- the interface in the reader's language ---------------------------------------------------

def is_chinese_ui(text: str, edition: str) -> bool:
    text = " ".join(text.split())
    if not HAN.search(text) or LATIN.search(text):
        return False
    return edition != "zh-hant" or not (set(text) & SIMPLIFIED_ONLY)


@pytest.mark.parametrize("edition", CHINESE)
def test_palette_toggles_are_named_in_the_editions_language(built_site, edition):
    """The light/dark toggle names come from each language's theme settings in mkdocs.yml."""
    expected = [entry["toggle"]["name"] for entry in disk.i18n_languages()[edition]["theme"]["palette"]]
    english = [entry["toggle"]["name"] for entry in disk.mkdocs_config()["theme"]["palette"]]
    for page_url in (disk.PREFIX[edition], disk.lessons(edition)[0].site_path(edition)):
        soup = html_of(built_site, page_url)
        names = [label["title"] for label in soup.select('form[data-md-component="palette"] label[title]')]
        assert sorted(names) == sorted(expected), page_url
        assert not set(names) & set(english)


@pytest.mark.parametrize("edition, title", [("en", "Permanent link"), ("zh", "永久链接"), ("zh-hant", "永久連結")])
def test_heading_permalinks_are_named_in_the_editions_language(built_site, edition, title):
    for page_url in (disk.PREFIX[edition], disk.lessons(edition)[0].site_path(edition)):
        links = html_of(built_site, page_url).select("article a.headerlink")
        assert links and {link["title"] for link in links} == {title}, page_url


@pytest.mark.parametrize("edition", CHINESE)
def test_summary_box_quiz_and_library_speak_chinese_on_chinese_pages(built_site, edition):
    lesson = next(lesson for lesson in disk.lessons(edition) if lesson.quiz and lesson.content_language == "zh")
    soup = html_of(built_site, lesson.site_path(edition))
    box = soup.select_one(".ctpat-summary")
    texts = [box["aria-label"]] + [disk.text_of(dt) for dt in box.select("dt")]
    texts += [disk.text_of(node) for node in box.select(".ctpat-summary__title, summary")]
    quiz = soup.select_one("section.ctpat-quiz")
    texts += [disk.text_of(node) for node in quiz.select(  # buttons: test_lesson_pages.py
        ".ctpat-quiz__intro, .ctpat-quiz__num, .ctpat-quiz__hint, details > summary, "
        ".ctpat-quiz__answer, .ctpat-quiz__about, .ctpat-quiz__why > strong")]
    library = html_of(built_site, f"{disk.PREFIX[edition]}library/")
    texts += [disk.text_of(node) for node in library.select(
        "thead th, .ctpat-library__filter label, .ctpat-library__filter option[value=''], "
        ".ctpat-library__totals dt, .ctpat-library__intro")]
    texts = [re.sub(r"\{[a-z_]+\}|[0-9%·✓✗.:：\s]+", " ", text) for text in texts]
    wrong = [text for text in texts if text.strip() and not is_chinese_ui(text, edition)]
    assert not wrong, f"{edition}: interface text not in the edition's script: {wrong}"


def test_english_pages_have_english_interface_text(built_site):
    lesson = next(lesson for lesson in disk.lessons("en") if lesson.quiz)
    soup = html_of(built_site, lesson.site_path("en"))
    texts = [disk.text_of(dt) for dt in soup.select(".ctpat-summary dt")]
    texts += [disk.text_of(node) for node in soup.select("section.ctpat-quiz :is(.ctpat-quiz__hint, summary)")]
    assert texts and not any(HAN.search(text) for text in texts), texts


# ---- the 404 page, branding and other hosts ------------------------------------------------------

def test_404_page_speaks_every_edition_each_marked_with_its_language(built_site):
    soup = disk.soup_of(built_site / "404.html")
    sections = soup.select("article section[lang]")
    langs = [section["lang"] for section in sections]
    assert len(sections) == len(EDITIONS), langs
    by_edition = {}
    for section in sections:
        lang = section["lang"]
        edition = "en" if lang == "en" else "zh-hant" if lang.lower() in ("zh-hant", "zh-tw", "zh-hant-tw") else "zh"
        assert lang.lower() in ("en", "zh", "zh-hans", "zh-cn", "zh-hant", "zh-tw", "zh-hant-tw"), lang
        by_edition[edition] = section
    assert set(by_edition) == set(EDITIONS), langs
    assert "Page not found" in by_edition["en"].get_text()
    assert "页面未找到" in by_edition["zh"].get_text()
    assert "頁面未找到" in by_edition["zh-hant"].get_text()
    for edition, section in by_edition.items():
        # Served at any depth, so its links start at the site root.
        assert section.select_one("a[href]")["href"] == "/" + disk.PREFIX[edition], edition
        if edition != "en":
            assert is_chinese_ui(re.sub(r"[.:：。，]", "", section.get_text()), edition), section.get_text()


@pytest.mark.parametrize("edition", EDITIONS)
def test_branding_comes_from_extra_in_every_edition(built_site, edition):
    brand = disk.extra()["brand"]
    name = brand["name"] if isinstance(brand["name"], str) else brand["name"][disk.BASED_ON[edition]]
    footer = disk.text_of(html_of(built_site, disk.PREFIX[edition]).select_one(".md-footer-meta"))
    assert name in footer
    for channel in ("email", "wechat", "phone"):
        if brand.get("contact", {}).get(channel):
            assert str(brand["contact"][channel]) in footer, channel
    if edition != "zh-hant":
        text = brand["footer"] if isinstance(brand["footer"], str) else brand["footer"][edition]
        assert " ".join(text.split()) in footer


def test_no_page_references_another_host_for_an_asset(built_site):
    """Fonts, scripts, styles, icons and images all come from the site itself."""
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 3 * len(disk.pages("en"))
    from bs4 import BeautifulSoup, SoupStrainer

    loading = SoupStrainer(["script", "link", "img", "iframe", "source", "video", "audio", "object", "embed"])
    styled = SoupStrainer(attrs={"style": True})
    for html in pages:
        text = html.read_text(encoding="utf-8")
        soup = BeautifulSoup(text, "html.parser", parse_only=loading)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
                          ("source", "src"), ("source", "srcset"), ("video", "src"), ("audio", "src"),
                          ("object", "data"), ("embed", "src")):
            for element in soup.find_all(tag):
                url = (element.get(attr) or "").strip()
                if tag == "link" and element.get("rel") in (["alternate"], ["canonical"]):
                    continue  # links for search engines, not loaded by the page
                assert not url.startswith(("http:", "https:", "//")), f"{html}: <{tag} {attr}={url}>"
        for element in BeautifulSoup(text, "html.parser", parse_only=styled).find_all(True):
            assert "url(http" not in element["style"] and "url(//" not in element["style"], html
    for css in built_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="ignore")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, css
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), css
