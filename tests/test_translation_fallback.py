"""A missing translation is visible in the page and reported by the build, never silent."""

from __future__ import annotations

from bs4 import BeautifulSoup

from conftest import run_mkdocs_build

HOME = {
    "docs/index.md": "# Home\n\nWelcome.\n",
    "docs_zh/index.md": "# 首页\n\n欢迎。\n",
}


def test_english_only_page_gets_a_bilingual_notice_and_a_warning(mini_project, tmp_path):
    project = mini_project({**HOME, "docs/about.md": "# About\n\nOnly in English.\n"})
    result = run_mkdocs_build(project, tmp_path / "site", strict=False)
    assert result.returncode == 0, result.stderr
    assert ("WARNING -  languages: docs/about.md has no Chinese translation: /zh/about/ shows the "
            "English page with a notice; add docs_zh/about.md") in result.stderr
    zh = BeautifulSoup((tmp_path / "site/zh/about/index.html").read_text(encoding="utf-8"), "html.parser")
    notice = zh.select_one(".ctpat-untranslated")
    assert notice is not None
    assert "尚未翻译" in notice.get_text() and "Not yet translated" in notice.get_text()
    assert "Only in English." in zh.select_one("article").get_text()
    en = BeautifulSoup((tmp_path / "site/about/index.html").read_text(encoding="utf-8"), "html.parser")
    assert en.select_one(".ctpat-untranslated") is None


def test_missing_translation_fails_a_strict_build(mini_project, tmp_path):
    project = mini_project({**HOME, "docs/about.md": "# About\n\nOnly in English.\n"})
    result = run_mkdocs_build(project, tmp_path / "site", strict=True)
    assert result.returncode != 0
    assert "docs/about.md has no Chinese translation" in result.stderr
    assert "Traceback" not in result.stderr


def test_chinese_only_page_is_reported(mini_project, tmp_path):
    project = mini_project({**HOME, "docs_zh/extra.md": "# 额外\n\n只有中文。\n"})
    result = run_mkdocs_build(project, tmp_path / "site", strict=False)
    assert ("docs_zh/extra.md: this Chinese page has no English original docs/extra.md"
            in result.stderr)
    assert (tmp_path / "site/zh/extra/index.html").exists()


def test_translated_page_has_no_notice_and_no_warning(mini_project, tmp_path):
    project = mini_project({**HOME, "docs/about.md": "# About\n\nHi.\n", "docs_zh/about.md": "# 关于\n\n你好。\n"})
    result = run_mkdocs_build(project, tmp_path / "site", strict=False)
    assert "no Chinese translation" not in result.stderr
    zh = BeautifulSoup((tmp_path / "site/zh/about/index.html").read_text(encoding="utf-8"), "html.parser")
    assert zh.select_one(".ctpat-untranslated") is None
    assert zh.h1.get_text(strip=True).rstrip("¶") == "关于"


def test_wrapped_chinese_lines_join_without_a_space(mini_project, tmp_path):
    project = mini_project({**HOME, "docs/about.md": "# About\n\nx\n",
                            "docs_zh/about.md": "# 关于\n\n封条必须在装货后\n立即施加。\n"})
    run_mkdocs_build(project, tmp_path / "site", strict=False)
    zh = BeautifulSoup((tmp_path / "site/zh/about/index.html").read_text(encoding="utf-8"), "html.parser")
    assert "封条必须在装货后立即施加。" in zh.select_one("article").get_text()


def test_hreflang_links_are_absolute_when_site_url_is_set(mini_project, tmp_path):
    project = mini_project({**HOME, "docs/about.md": "# About\n\nx\n", "docs_zh/about.md": "# 关于\n\nx\n"})
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        'site_url: ""', "site_url: https://training.example.org/ctpat/"), encoding="utf-8")
    run_mkdocs_build(project, tmp_path / "site", strict=False)
    soup = BeautifulSoup((tmp_path / "site/zh/about/index.html").read_text(encoding="utf-8"), "html.parser")
    hrefs = {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')}
    assert hrefs == {"en": "https://training.example.org/ctpat/",
                     "zh": "https://training.example.org/ctpat/zh/",
                     "x-default": "https://training.example.org/ctpat/"}
    # Material fetches sitemap.xml beside each of them: both roots have one, with absolute URLs.
    for root in ("", "zh/"):
        sitemap = (tmp_path / "site" / root / "sitemap.xml").read_text(encoding="utf-8")
        assert "<loc>https://training.example.org/ctpat/zh/about/</loc>" in sitemap
