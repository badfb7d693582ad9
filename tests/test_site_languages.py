"""The real site, built with --strict: both languages, twins, search indexes, no outside hosts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def english_pages() -> list[str]:
    """Every English Markdown page, as its site path (``lessons/x/y/``)."""
    pages = []
    for md in sorted((ROOT / "docs").rglob("*.md")):
        rel = md.relative_to(ROOT / "docs").with_suffix("").as_posix()
        pages.append("" if rel == "index" else f"{rel}/")
    return pages


def test_every_page_is_built_in_both_languages_with_its_language(built_site):
    pages = english_pages()
    assert len(pages) >= 20
    for rel in pages:
        en = soup_of(built_site / rel / "index.html")
        zh = soup_of(built_site / "zh" / rel / "index.html")
        assert en.html["lang"] == "en", rel
        assert zh.html["lang"] == "zh", rel


def test_chinese_pages_are_read_from_docs_zh(built_site):
    """The Chinese home page shows docs_zh/index.md's heading, not the English one."""
    zh_heading = next(line for line in (ROOT / "docs_zh/index.md").read_text(encoding="utf-8").splitlines()
                      if line.startswith("# "))[2:].strip()
    en_heading = next(line for line in (ROOT / "docs/index.md").read_text(encoding="utf-8").splitlines()
                      if line.startswith("# "))[2:].strip()
    assert soup_of(built_site / "zh/index.html").h1.get_text().rstrip("¶").strip() == zh_heading
    assert soup_of(built_site / "index.html").h1.get_text().rstrip("¶").strip() == en_heading


@pytest.mark.parametrize("lesson", ["lessons/practice/seals-vvtt/", "lessons/foundations/how-ctpat-works/"])
def test_language_switcher_on_a_deep_page_points_to_its_twin(built_site, lesson):
    for here, there, prefix in (("", "zh", "zh/"), ("zh/", "en", "")):
        page = built_site / here / lesson / "index.html"
        link = soup_of(page).select_one(f'.md-select__link[hreflang="{there}"]')
        assert link is not None, f"no {there} switcher link on {here}{lesson}"
        target = (page.parent / link["href"]).resolve()
        assert target == (built_site / prefix / lesson).resolve(), link["href"]


def test_home_page_switcher_links_are_relative_so_the_site_works_from_a_folder(built_site):
    """A USB stick (file://) or a sub-path must work: no link starts at the server root."""
    for page, twin in (("index.html", "zh/index.html"), ("zh/index.html", "index.html")):
        html = built_site / page
        soup = soup_of(html)
        links = soup.select(".md-select__link[hreflang]")
        assert links and not any(a["href"].startswith("/") for a in links)
        other = next(a for a in links if a["hreflang"] != soup.html["lang"])
        assert (html.parent / other["href"] / "index.html").resolve() == (built_site / twin).resolve()


def test_without_site_url_no_alternate_links_send_material_to_a_sitemap(built_site):
    """Without site_url, Material could not read the sitemap's relative <loc>s and would send
    some language clicks to the other home page; the switcher's own links do the job."""
    page = built_site / "zh/lessons/practice/seals-vvtt/index.html"
    assert soup_of(page).select('link[rel="alternate"]') == []
    assert (built_site / "sitemap.xml").is_file() and (built_site / "zh/sitemap.xml").is_file()


def test_each_language_has_its_own_search_index(built_site):
    en = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    zh = json.loads((built_site / "zh/search/search_index.json").read_text(encoding="utf-8"))
    # The English glossary lists the Chinese names on purpose; lessons must not leak across.
    en_text = " ".join(doc["text"] for doc in en["docs"] if not doc["location"].startswith("glossary/"))
    zh_text = " ".join(doc["text"] for doc in zh["docs"])
    assert "封条" not in en_text and "封条" in zh_text
    assert not any(doc["location"].startswith("zh/") for doc in en["docs"])
    # jieba has split Chinese with zero-width spaces, and the Chinese separator splits on them.
    assert "\u200b" in zh_text and "\\u200b" in zh["config"]["separator"]
    # Course terms from the glossary stay whole tokens.
    assert "\u200b最低安全标准\u200b" in zh_text


def test_chinese_search_uses_the_chinese_root(built_site):
    config = json.loads(soup_of(built_site / "zh/lessons/practice/seals-vvtt/index.html")
                        .select_one("#__config").string)
    assert config["base"].rstrip("/").endswith("/zh")


def test_chinese_headings_get_readable_anchors(built_site):
    ids = [h["id"] for h in soup_of(built_site / "zh/lessons/practice/seals-vvtt/index.html")
           .select("h2[id], h3[id]")]
    assert ids and not any(i.startswith("_") for i in ids)
    assert any(any("\u4e00" <= ch <= "\u9fff" for ch in i) for i in ids)


def test_no_page_references_another_host_for_assets(built_site):
    """Fonts, scripts, styles and images all come from the site itself."""
    for html in list(built_site.rglob("*.html"))[:400]:
        soup = soup_of(html)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in soup.find_all(tag):
                url = element.get(attr) or ""
                if tag == "link" and "stylesheet" not in (element.get("rel") or []) \
                        and "preconnect" not in (element.get("rel") or []):
                    continue
                assert not url.startswith(("http:", "https:", "//")), f"{html}: {url}"
    css = "".join(p.read_text(encoding="utf-8", errors="ignore") for p in built_site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "fonts.gstatic" not in css


def test_404_page_speaks_both_languages(built_site):
    soup = soup_of(built_site / "404.html")
    text = soup.select_one("article").get_text(" ", strip=True)
    assert "Page not found" in text and "页面未找到" in text
    hrefs = [a["href"] for a in soup.select("article a")]
    assert "/" in hrefs and "/zh/" in hrefs


def test_branding_comes_from_extra_in_both_languages(built_site):
    import yaml

    brand = _extra(ROOT / "mkdocs.yml")["brand"]
    for page in ("index.html", "zh/index.html"):
        footer = soup_of(built_site / page).select_one(".md-footer-meta").get_text(" ", strip=True)
        assert brand["name"] in footer
        assert brand["contact"]["email"] in footer and brand["contact"]["wechat"] in footer
    assert brand["footer"]["zh"] in soup_of(built_site / "zh/index.html").select_one(".md-footer-meta").get_text()


def _extra(path: Path) -> dict:
    """``extra:`` of mkdocs.yml, read without executing its !!python tags."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)["extra"]


def test_quiz_answers_stay_out_of_search(built_site):
    """Search must not hand a trainee the answers: quiz text is not indexed (which also
    keeps the index small)."""
    import yaml

    quiz = yaml.safe_load((ROOT / "quizzes/seals-vvtt.yml").read_text(encoding="utf-8"))
    explanation = {lang: quiz["questions"][0]["explanation"][lang] for lang in ("en", "zh")}
    for lang, index_path in (("en", "search/search_index.json"), ("zh", "zh/search/search_index.json")):
        index = json.loads((built_site / index_path).read_text(encoding="utf-8"))
        text = " ".join(doc["text"] for doc in index["docs"]).replace("\u200b", "")
        assert explanation[lang][:25] not in text
    # ...while the quiz is still on the page.
    page = soup_of(built_site / "lessons/practice/seals-vvtt/index.html")
    assert page.select_one('[data-quiz-id="seals-vvtt"]') is not None
