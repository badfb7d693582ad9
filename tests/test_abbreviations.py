"""Abbreviation tooltips: the hook's one-pass marker against Markdown's own abbr extension.

The site's Markdown settings convert each sample twice: with ``*[ABBR]: title`` lines (the
abbr extension marks it) and without (then ``AbbreviationMarker`` marks the HTML). The two
must agree, so readers get the tooltips the extension would have given them, except inside
links, where the marker leaves text alone on purpose.
"""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config

from coursekit.abbreviations import AbbreviationMarker

from course_files import ROOT

TITLES = {
    "CBP": "U.S. Customs and Border Protection",
    "CTPAT": "Customs Trade Partnership Against Terrorism",
    "MSC": "Minimum Security Criteria",
    "AEO": "Authorized Economic Operator",
    "ISO": 'International Organization for Standardization ("ISO" & co.)',
    "最低": "中文缩写",
}

SAMPLES = {
    "plain text": "CBP runs CTPAT; members meet the MSC.",
    "word boundaries": "MSCs, XMSC, CBPX and MSC-based rules; AEO.",
    "code is left alone": "Use `CBP` in code but CBP in text.\n\n```\nCBP in a fence\n```",
    "links and emphasis": "See [the CBP page](https://www.cbp.gov/ \"CBP title\") and **MSC** rules.",
    "headings": "## What CBP checks\n\nText about the MSC.",
    "tables": "| Body | Role |\n|---|---|\n| CBP | runs CTPAT |\n| AEO | abroad |",
    "lists": "- CBP\n- the MSC\n    - nested AEO",
    "escaped text": "Tom & Jerry < CBP > \"MSC\"",
    "title with quotes": "ISO 17712 seals.",
    "admonitions": "!!! note \"About CBP\"\n    The MSC apply.",
    "chinese": "海关与边境保护局 (CBP) 的最低安全标准 (MSC)。最低",
}


@pytest.fixture(scope="module")
def site_markdown():
    config = load_config(str(ROOT / "mkdocs.yml"))
    return lambda: markdown.Markdown(extensions=config.markdown_extensions,
                                     extension_configs=config.mdx_configs)


def normalised(html: str) -> str:
    return BeautifulSoup(html, "html.parser").decode()


@pytest.mark.parametrize("name", SAMPLES)
def test_marker_gives_the_tooltips_the_abbr_extension_gives(site_markdown, name):
    text = SAMPLES[name]
    definitions = "\n".join(f"*[{abbr}]: {title}" for abbr, title in TITLES.items())
    expected = BeautifulSoup(site_markdown().convert(f"{text}\n\n{definitions}\n"), "html.parser")
    for abbr in expected.select("a abbr"):
        abbr.unwrap()  # the marker's one difference: no tooltip inside link text
    marked = AbbreviationMarker(TITLES).mark(site_markdown().convert(text))
    assert normalised(marked) == normalised(str(expected))
    if name != "code is left alone":
        assert "<abbr" in marked


def test_marker_leaves_code_attributes_and_comments_alone():
    html = ('<p title="CBP">x</p><!-- CBP --><pre><code>CBP <b>CBP</b></code></pre>'
            '<abbr title="mine">CBP</abbr><script>var CBP = 1;</script><a href="#">CBP</a>'
            '<aside>CBP</aside><p>CBP</p>')
    marked = AbbreviationMarker({"CBP": "Customs"}).mark(html)
    assert marked == html.replace("<p>CBP</p>", '<p><abbr title="Customs">CBP</abbr></p>').replace(
        "<aside>CBP</aside>", '<aside><abbr title="Customs">CBP</abbr></aside>')


def test_marker_survives_stray_end_tags_and_no_glossary():
    html = "</code><p>CBP</p><code>CBP"
    assert AbbreviationMarker({"CBP": "Customs"}).mark(html) == (
        '</code><p><abbr title="Customs">CBP</abbr></p><code>CBP')
    assert AbbreviationMarker({}).mark(html) == html


@pytest.mark.parametrize("page, vvtt", [
    ("lessons/practice/seals-vvtt/index.html", "View, Verify, Tug, Twist"),
    ("zh/lessons/practice/seals-vvtt/index.html", "查看、核对、拉扯、扭转"),
])
def test_lessons_show_tooltips_in_the_readers_language(built_site, page, vvtt):
    soup = BeautifulSoup((built_site / page).read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    tooltips = {abbr.get_text(): abbr["title"] for abbr in article.select("abbr[title]")}
    assert tooltips["VVTT"] == vvtt
    assert {"CTPAT", "MSC"} <= set(tooltips)
    # In the summary box's objectives too, never inside code.
    assert article.select(".ctpat-summary__objectives abbr")
    assert not article.select("code abbr, pre abbr")


def test_search_index_holds_words_not_tooltip_markup(built_site):
    import json
    for index in ("search/search_index.json", "zh/search/search_index.json"):
        docs = json.loads((built_site / index).read_text(encoding="utf-8"))["docs"]
        assert not any("<abbr" in doc["text"] for doc in docs)
        assert any("VVTT" in doc["text"] for doc in docs)
