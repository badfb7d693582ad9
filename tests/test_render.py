"""The HTML the course adds to pages (``coursekit.render``), read with BeautifulSoup.

- ``inline``: short author text (quiz questions, objectives) as inline Markdown that can
  never run script;
- ``tooltips``: glossary abbreviations marked in page text, never in links, headings, code;
- ``tasklabels``: task-list checkboxes a screen reader can name;
- the templates: every one renders hostile text as text; the quiz widget's semantics.

Pure functions and Python-Markdown only; no MkDocs build.
"""

from __future__ import annotations

import json
import re
import textwrap
import xml.etree.ElementTree as etree
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from jinja2 import meta
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markupsafe import Markup

from coursekit.languages import edition
from coursekit.model.quizzes import load_quiz
from coursekit.render import ENV, TEMPLATES, insert_after_h1, render
from coursekit.render.inline import InlineMarkdown, unsafe_url
from coursekit.render.tasklabels import TaskLabelExtension
from coursekit.render.tooltips import TooltipExtension
from coursekit.render.views import quiz_view
from coursekit.strings import QUIZ_JS, STRINGS, strings
from coursekit.traditional import Converter

ROOT = Path(__file__).resolve().parent.parent


def soup(html) -> BeautifulSoup:
    return BeautifulSoup(str(html), "html.parser")


def site_markdown_settings() -> tuple[list, dict]:
    """The Markdown extensions of mkdocs.yml (its !!python tags and MkDocs' own !ENV and
    !relative tags read as nothing)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    for tag in ("!ENV", "!relative"):
        Loader.add_constructor(tag, lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    names, configs = [], {}
    for item in config["markdown_extensions"]:
        if isinstance(item, dict):
            (name, options), = item.items()
            names.append(name)
            configs[name] = {k: v for k, v in (options or {}).items() if v is not None}
        else:
            names.append(item)
    return names, configs


@pytest.fixture(scope="module")
def inline() -> InlineMarkdown:
    """Inline Markdown with the site's own extensions."""
    names, configs = site_markdown_settings()
    return InlineMarkdown(names, configs)


# ---- inline Markdown for author text ------------------------------------------------------

@pytest.mark.parametrize("text, shown", [
    ("<script>alert(1)</script>", "<script>alert(1)</script>"),
    ("Pick <img src=x onerror=alert(1)> one", "Pick <img src=x onerror=alert(1)> one"),
    ("<a href='javascript:x'>a</a>", "<a href='javascript:x'>a</a>"),
    ("<b onmouseover=alert(1)>bold?</b>", "<b onmouseover=alert(1)>bold?</b>"),
    ("<!-- a comment -->", "<!-- a comment -->"),
    ("Tom & Jerry < CBP > \"MSC\"", "Tom & Jerry < CBP > \"MSC\""),
], ids=["script", "img-onerror", "anchor", "event-attribute", "comment", "special-characters"])
def test_raw_html_in_author_text_is_shown_as_text(inline, text, shown):
    html = soup(inline(text))
    assert html.find(True) is None, "no element may come from the author's raw HTML"
    assert html.get_text() == shown


@pytest.mark.parametrize("text, link_text", [
    ("[click](javascript:alert(1))", "click"),
    ("[click](JaVaScRiPt:alert(1))", "click"),
    ("[click](java&#115;cript:alert(1))", "click"),
    ("[click]( javascript:alert(1))", "click"),
    ("[data](data:text/html,<b>hi</b>)", "data"),
    ("[vb](vbscript:msgbox)", "vb"),
    ("[ref][r]\n\n[r]: javascript:alert(1)", None),
], ids=["javascript", "mixed-case", "character-reference", "leading-space", "data", "vbscript", "reference"])
def test_links_that_would_run_code_lose_their_target(inline, text, link_text):
    html = soup(inline(text))
    for tag in html.find_all(True):
        assert not any(unsafe_url(tag.get(attr, "")) for attr in ("href", "src")), tag
    if link_text:
        assert html.a is not None and html.a.get_text() == link_text and not html.a.has_attr("href")


def test_images_with_script_sources_lose_their_source(inline):
    image = soup(inline("![seal](vbscript:msgbox)")).img
    assert image is not None and image.get("alt") == "seal" and not image.has_attr("src")


def test_safe_links_keep_their_target(inline):
    html = soup(inline('See [CBP](https://www.cbp.gov/ "CBP"), [the log](../seals/#log) and [mail](mailto:a@example.com)'))
    assert [(a.get_text(), a["href"]) for a in html.find_all("a")] == [
        ("CBP", "https://www.cbp.gov/"), ("the log", "../seals/#log"), ("mail", "mailto:a@example.com")]


class _HostileExtension(Extension):
    """A site extension that puts event handlers, styles and script links on what it makes."""

    def extendMarkdown(self, md):
        class Make(InlineProcessor):
            def handleMatch(self, m, data):
                element = etree.Element("span", {"onclick": "alert(1)", "OnMouseOver": "alert(2)",
                                                 "style": "background:url(javascript:x)", "class": "kept"})
                link = etree.SubElement(element, "a", {"href": "javascript:alert(3)", "title": "kept"})
                link.text = m.group(1)
                return element, m.start(0), m.end(0)

        md.inlinePatterns.register(Make(r"@@(\w+)@@", md), "hostile", 200)


def test_event_attributes_and_styles_from_any_extension_are_dropped():
    html = soup(InlineMarkdown([_HostileExtension()])("Before @@word@@ after"))
    span = html.span
    assert span is not None and span.attrs == {"class": ["kept"]}
    assert span.a.attrs == {"title": "kept"} and span.a.get_text() == "word"


def test_attribute_lists_do_not_add_attributes_to_inline_text(inline):
    html = soup(inline("**bold**{: onclick=alert(1) }"))
    assert html.strong.get_text() == "bold" and html.strong.attrs == {}


@pytest.mark.parametrize("text", [
    "Seal **class H** per ISO 17712", "Use `VVTT` & log it", "[CBP](https://www.cbp.gov/)",
    "# not a heading", "- not a list", "1. not a list", "> not a quote", "Line one\nline two",
])
def test_author_text_gets_inline_markdown_only(inline, text):
    html = soup(inline(text))
    assert html.find(["p", "h1", "ul", "ol", "li", "blockquote"]) is None


@pytest.mark.parametrize("text, tag, content", [
    ("~~gone~~", "del", "gone"),
    ("==seal==", "mark", "seal"),
], ids=["tilde", "mark"])
@pytest.mark.parametrize("around", ["{}", "{} and **bold**", "`code` {}", "[link](https://x.example/) {}", "{} 中文"])
def test_the_sites_extensions_apply_whether_or_not_other_markdown_is_in_the_text(text, tag, content, around):
    """No fast path: ``~~x~~`` renders the same alone and beside other Markdown."""
    renderer = InlineMarkdown(["pymdownx.tilde", "pymdownx.mark"])
    html = soup(renderer(around.format(text)))
    assert [element.get_text() for element in html.find_all(tag)] == [content]
    assert "~~" not in html.get_text() and "==" not in html.get_text()


def test_cached_and_fresh_conversions_agree(inline):
    for text in ("Seal **class H**", "plain text", "<b>x</b>", "50% of 1/2"):
        assert inline(text) == inline.convert(text) == inline(text)
        assert isinstance(inline(text), Markup)


@pytest.mark.parametrize("url, unsafe", [
    ("javascript:alert(1)", True), (" JavaScript:alert(1)", True), ("java\tscript:x", True),
    ("java\nscript:x", True), ("java&#115;cript:x", True), ("&#106;avascript:x", True),
    ("DATA:text/html,x", True), ("data:image/png;base64,xx", True), ("vbscript:x", True),
    ("https://www.cbp.gov/", False), ("../seals/", False), ("#q1", False), ("mailto:a@b.c", False),
    ("tel:+8675500000000", False), ("javascript-guide/", False), ("", False),
])
def test_unsafe_url(url, unsafe):
    assert unsafe_url(url) is unsafe


# ---- glossary tooltips ----------------------------------------------------------------------

TITLES = {
    "CBP": "U.S. Customs and Border Protection",
    "CTPAT": "Customs Trade Partnership Against Terrorism",
    "CTPAT Portal": "The CTPAT Portal",
    "MSC": "Minimum Security Criteria",
    "amp": "Amplifier",
    "ISO": 'International Organization for Standardization ("ISO" & co.)',
}
SITE_EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "toc",
                   "pymdownx.details", "pymdownx.superfences"]


def tooltips(text: str, titles=TITLES) -> BeautifulSoup:
    md = markdown.Markdown(extensions=SITE_EXTENSIONS + [TooltipExtension(titles)])
    return soup(md.convert(textwrap.dedent(text)))


def marked(html: BeautifulSoup) -> list[tuple[str, str]]:
    return [(abbr.get_text(), abbr["title"]) for abbr in html.find_all("abbr")]


@pytest.mark.parametrize("text, expected", [
    ("CBP runs CTPAT; members meet the MSC.",
     [("CBP", TITLES["CBP"]), ("CTPAT", TITLES["CTPAT"]), ("MSC", TITLES["MSC"])]),
    ("MSCs, XMSC, CBPX, _CBP and cbp; MSC-based.", [("MSC", TITLES["MSC"])]),
    ("Log in to the CTPAT Portal, not CTPAT alone.",
     [("CTPAT Portal", TITLES["CTPAT Portal"]), ("CTPAT", TITLES["CTPAT"])]),
    ("| Body | Role |\n|---|---|\n| CBP | runs it |", [("CBP", TITLES["CBP"])]),
    ("- CBP\n- the MSC\n    - nested CBP", [("CBP", TITLES["CBP"]), ("MSC", TITLES["MSC"]), ("CBP", TITLES["CBP"])]),
    ('!!! note "About CBP"\n    The MSC apply.', [("CBP", TITLES["CBP"]), ("MSC", TITLES["MSC"])]),
    ("**MSC** and *CBP*", [("MSC", TITLES["MSC"]), ("CBP", TITLES["CBP"])]),
    ("海关与边境保护局（CBP）的 MSC 要求", [("CBP", TITLES["CBP"]), ("MSC", TITLES["MSC"])]),
    ("ISO 17712", [("ISO", TITLES["ISO"])]),
], ids=["plain", "whole-words-only", "longest-first", "table", "lists", "admonition-title", "emphasis",
        "chinese", "title-with-quotes"])
def test_abbreviations_in_text_get_their_title(text, expected):
    assert marked(tooltips(text)) == expected


@pytest.mark.parametrize("text", [
    "See [the CBP page](https://www.cbp.gov/ \"CBP title\").",
    "See [**CBP** rules](https://www.cbp.gov/).",
    "<https://cbp.example/CBP>",
    "## What CBP checks",
    "# MSC",
    "Use `CBP` in code.",
    "```\nCBP in a fence\n```",
    "Text\n\n    CBP in indented code",
    "Text\n\n<div>CBP in a raw HTML block</div>",
], ids=["link", "emphasis-in-link", "autolink", "h2", "h1", "code", "fence", "indented-code", "html-block"])
def test_links_headings_and_code_are_left_alone(text):
    html = tooltips(text)
    assert html.find("abbr") is None
    assert "CBP" in html.get_text() or "MSC" in html.get_text()


@pytest.mark.parametrize("text", [
    '<a href="https://www.cbp.gov/">CBP</a> and more',
    "Press <kbd>CBP</kbd> then",
    "Run <code>CBP</code> now",
    '<abbr title="The author\'s title">CBP</abbr> checks',
], ids=["raw-link", "raw-kbd", "raw-code", "raw-abbr"])
def test_inline_html_links_code_and_abbreviations_are_left_alone(text):
    html = tooltips(text)
    assert len(html.find_all("abbr")) == ("<abbr" in text)
    assert html.find(["a", "kbd", "code"]) is None or html.find(["a", "kbd", "code"]).find("abbr") is None


def test_an_authors_own_abbreviation_is_not_wrapped_again():
    html = tooltips("*[CBP]: The author's own title\n\nCBP checks the MSC.")
    assert marked(html) == [("CBP", "The author's own title"), ("MSC", TITLES["MSC"])]
    assert html.find("abbr").find("abbr") is None


CHARACTER_REFERENCES = pytest.mark.parametrize("text, entities", [
    ("Tom &amp; Jerry amp", ["&amp;"]),
    ("AT&amp;T and &#38; and &#x26; amp", ["&amp;", "&#38;", "&#x26;"]),
    ("a &lt;b&gt; amp", ["&lt;", "&gt;"]),
], ids=["named", "numeric", "angle-brackets"])


@CHARACTER_REFERENCES
def test_character_references_are_never_touched(text, entities):
    md = markdown.Markdown(extensions=SITE_EXTENSIONS + [TooltipExtension(TITLES)])
    html = md.convert(text)
    for entity in entities:
        assert entity in html, html
    assert all(abbr.get_text() == "amp" for abbr in soup(html).find_all("abbr"))  # never inside a reference


@pytest.mark.parametrize("text, expected", [
    ("Tom &amp; Jerry amp", [("amp", "Amplifier")]),
    ("AT&amp;T and &#38; and &#x26; amp", [("amp", "Amplifier")]),
    ("a &lt;b&gt; amp", [("amp", "Amplifier")]),
    ("CBP \\*rated\\* MSC", [("CBP", TITLES["CBP"]), ("MSC", TITLES["MSC"])]),
], ids=["named", "numeric", "angle-brackets", "backslash-escape"])
def test_a_word_beside_a_character_reference_or_an_escape_keeps_its_tooltip(text, expected):
    assert marked(tooltips(text)) == expected


def test_attributes_and_comments_are_never_touched():
    md = markdown.Markdown(extensions=SITE_EXTENSIONS + [TooltipExtension(TITLES)])
    html = md.convert('<p title="CBP">x</p>\n\n<!-- CBP -->\n\n![CBP seal](seal.png "CBP"){: data-x="MSC" }')
    page = soup(html)
    assert page.find("abbr") is None
    assert page.img["alt"] == "CBP seal" and page.img["title"] == "CBP" and page.img["data-x"] == "MSC"
    assert "<!-- CBP -->" in html


def test_set_titles_switches_the_language_of_one_instance():
    extension = TooltipExtension({"CBP": TITLES["CBP"]})
    md = markdown.Markdown(extensions=[extension])
    assert marked(soup(md.convert("CBP"))) == [("CBP", TITLES["CBP"])]
    extension.set_titles({"CBP": "美国海关与边境保护局"})
    md.reset()
    assert marked(soup(md.convert("CBP"))) == [("CBP", "美国海关与边境保护局")]
    extension.set_titles({})
    md.reset()
    assert marked(soup(md.convert("CBP"))) == []


def test_abbreviations_without_a_title_are_not_marked():
    assert marked(tooltips("CBP and MSC", {"CBP": "", "MSC": TITLES["MSC"], "": "nothing"})) == [("MSC", TITLES["MSC"])]


def test_titles_with_regex_characters_are_matched_literally():
    assert marked(tooltips("C++ and C.B.P and CXBXP", {"C.B.P": "dotted"})) == [("C.B.P", "dotted")]


# ---- task-list labels -----------------------------------------------------------------------

def tasks(text: str, custom: bool = True, labels: bool = True) -> str:
    extensions = ["pymdownx.tasklist"] + ([TaskLabelExtension()] if labels else [])
    md = markdown.Markdown(extensions=extensions,
                           extension_configs={"pymdownx.tasklist": {"custom_checkbox": custom}})
    return md.convert(textwrap.dedent(text))


def assert_every_checkbox_is_named(html: str, expected_items: list[str]) -> None:
    page = soup(html)
    items = page.select("li.task-list-item")
    assert len(items) == len(expected_items)
    ids = [item.get("id") for item in items]
    assert None not in ids and len(set(ids)) == len(ids), "each task item has its own id"
    for item, text in zip(items, expected_items):
        checkbox = item.find("input", type="checkbox")
        assert checkbox.get("aria-labelledby") == item["id"]
        # The name a screen reader reads: the text of the item the checkbox points at.
        assert item.get_text(" ", strip=True).startswith(text)


@pytest.mark.parametrize("text, items", [
    ("- [ ] Check the seal\n- [ ] Log the number\n", ["Check the seal", "Log the number"]),
    ("- [ ] Check the seal\n\n- [ ] Log the number\n\n    with the time\n", ["Check the seal", "Log the number"]),
    ("- [ ] Outer\n    - [ ] Inner\n- [ ] Last\n", ["Outer", "Inner", "Last"]),
    ("1. [ ] First\n2. [ ] Second\n", ["First", "Second"]),
    ("- [ ] One\n\nText\n\n- [ ] Two\n", ["One", "Two"]),
], ids=["tight", "loose", "nested", "ordered", "two-lists"])
@pytest.mark.parametrize("custom", [True, False], ids=["custom-checkbox", "plain-checkbox"])
def test_each_task_checkbox_is_labelled_by_its_item(text, items, custom):
    assert_every_checkbox_is_named(tasks(text, custom), items)


@pytest.mark.parametrize("custom", [True, False], ids=["custom-checkbox", "plain-checkbox"])
def test_a_checked_task_checkbox_is_labelled_too(custom):
    assert_every_checkbox_is_named(tasks("- [x] Done already\n- [ ] Still to do\n", custom),
                                   ["Done already", "Still to do"])


def test_mixed_lists_name_only_the_task_items():
    page = soup(tasks("- [ ] A task\n- a plain item\n"))
    assert page.select("li")[1].attrs == {}
    assert page.select_one("li.task-list-item input")["aria-labelledby"] == page.select_one("li.task-list-item")["id"]


@pytest.mark.parametrize("text", [
    "# Title\n\n- a\n- b\n\nText with [ ] brackets.",
    "```\n- [ ] in code\n```",
    "| a |\n|---|\n| [ ] |",
    "",
], ids=["plain-list", "code", "table", "empty"])
def test_pages_without_task_lists_are_unchanged(text):
    assert tasks(text) == tasks(text, labels=False)


# ---- templates: escaped by default -----------------------------------------------------------

HOSTILE = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>'&amp;"
BENIGN = "Seal log 42"


class Filler(str):
    """Whatever a template asks of a value: the text itself, and any attribute, item, list of
    items or call of it (so every template can be filled without knowing its variables)."""

    def __getattribute__(self, name):
        if name.startswith("__"):
            return object.__getattribute__(self, name)
        if name == "type":  # a question type picks an interface string
            return "single"
        return Filler(str.__str__(self))

    def __getitem__(self, key):
        return Filler(str.__str__(self))

    def __iter__(self):
        return iter([Filler(str.__str__(self)), Filler(str.__str__(self))])

    def __call__(self, *args, **kwargs):
        return Filler(str.__str__(self))


def filled_context(name: str, text: str) -> dict:
    """Every variable of template ``name`` filled with ``text``; ``s`` is the English table."""
    source = (TEMPLATES / name).read_text(encoding="utf-8")
    value = Filler(text)
    context = {var: value for var in meta.find_undeclared_variables(ENV.parse(source))}
    context["s"] = strings(edition("en"))
    # Values the templates unpack or count.
    shapes = {"items": [("email", value, value), ("wechat", value, "")], "contact": [("phone", value, value)],
              "level": 2}  # a heading level
    context.update({key: shape for key, shape in shapes.items() if key in context})
    if name == "signin.html":
        context["rows"] = 2  # ruled rows to sign
    return context


def structure(html: str) -> list:
    """Every element and the names of its attributes, in document order."""
    return [(tag.name, sorted(tag.attrs)) for tag in soup(html).find_all(True)]


TEMPLATE_NAMES = pytest.mark.parametrize("name", [p.name for p in sorted(TEMPLATES.glob("*.html"))],
                                         ids=lambda name: name[:-len(".html")])


@TEMPLATE_NAMES
def test_every_template_shows_hostile_text_as_text(name):
    benign = str(render(name, **filled_context(name, BENIGN)))
    hostile = str(render(name, **filled_context(name, HOSTILE)))
    # Hostile text adds no element and no attribute: the page has the shape the template gives it.
    assert structure(hostile) == structure(benign)
    page = soup(hostile)
    for tag in page.find_all(True):
        assert not any(attribute.lower().startswith("on") for attribute in tag.attrs), tag.name
        for attribute in ("href", "src"):
            assert not unsafe_url(tag.get(attribute, "")), (tag.name, tag.get(attribute))
    if BENIGN in soup(benign).get_text():
        assert "<script>alert(1)</script>" in page.get_text()


def test_render_returns_markup_that_is_not_escaped_twice():
    html = render("footer.html", **{**filled_context("footer.html", "A & B"), "items": []})
    assert isinstance(html, Markup)
    wrapped = str(Markup("<div>{}</div>").format(html))
    assert "A &amp; B" in wrapped and "&amp;amp;" not in wrapped


@pytest.mark.parametrize("value", [
    "</script><script>alert(1)</script>", "<!--", "a & b", "it's", {"nested": ["</script>"]},
], ids=["end-script", "comment", "ampersand", "apostrophe", "nested"])
def test_json_filter_cannot_end_a_script_element(value):
    output = str(ENV.filters["json"](value))
    assert not set("<>&'") & set(output)
    assert json.loads(output) == value
    script = ENV.from_string('<script type="application/json">{{ v | json }}</script><p>after</p>').render(v=value)
    page = soup(script)
    assert [tag.name for tag in page.find_all(True)] == ["script", "p"]
    assert json.loads(page.script.string) == value


@pytest.mark.parametrize("value", [{"right": "Right!"}, 'say "hi"', '" onmouseover="alert(1)', "it's <b>&amp;",
                                   {"zh": "对：高度安全。"}],
                         ids=["strings-table", "quotes", "attribute-injection", "apostrophe-tags-reference",
                              "chinese"])
@pytest.mark.parametrize("quote", ['"', "'"], ids=["double-quoted", "single-quoted"])
def test_json_attribute_filter_output_survives_a_quoted_attribute(value, quote):
    attribute = ENV.from_string(f'<div data-x={quote}{{{{ v | json_attribute }}}}{quote}></div>').render(v=value)
    div = soup(attribute).div
    assert list(div.attrs) == ["data-x"]
    assert json.loads(div["data-x"]) == value


# The script filter ('json') escapes < > & ' for <script type="application/json"> but not '"'
# (Jinja's htmlsafe_json_dumps): inside a double-quoted attribute it would end the attribute.
JSON_IN_ATTRIBUTE = re.compile(r'="[^"]*\{\{[^}]*\|\s*json\s*\}\}')


@TEMPLATE_NAMES
def test_no_template_puts_script_json_in_a_double_quoted_attribute(name):
    source = (TEMPLATES / name).read_text(encoding="utf-8")
    assert JSON_IN_ATTRIBUTE.search(source) is None, "use '| json_attribute' in attributes"


# ---- the quiz widget --------------------------------------------------------------------------

QUIZ = """\
id: demo
title: {en: "Check yourself: **seals**", zh: "自测：**集装箱封条**"}
pass_mark: 75
questions:
  - id: q1
    type: single
    shuffle: true
    prompt: {en: "Which ISO 17712 class does CTPAT require?", zh: "CTPAT 要求 ISO 17712 的哪一级？"}
    options:
      - {id: a, text: {en: "Class I", zh: "I 级"}, feedback: {en: "Indicative only.", zh: "只是指示性的。"}}
      - {id: b, text: {en: "Class H", zh: "H 级"}, correct: true, feedback: {en: "Right: high security.", zh: "对：高度安全。"}}
    explanation: {en: "MSC 6.2 asks for `class H`.", zh: "MSC 6.2 要求 `H 级`。"}
  - id: q2
    type: multiple
    prompt: {en: "What does an H seal carry?", zh: "H 级封条上有什么？"}
    options:
      - {id: a, text: {en: "A unique number", zh: "唯一编号"}, correct: true}
      - {id: b, text: {en: "The container number", zh: "集装箱号"}}
      - {id: c, text: {en: "An H marking", zh: "H 字标识"}, correct: true}
  - id: q3
    type: true_false
    prompt: {en: "CBP certifies factories in China.", zh: "CBP 认证中国工厂。"}
    answer: false
    explanation: {en: "No: CBP issues no certificate to factories.", zh: "不：CBP 不向工厂发证书。"}
"""


@pytest.fixture(scope="module")
def demo_quiz(tmp_path_factory):
    path = tmp_path_factory.mktemp("quiz") / "demo.yml"
    path.write_text(QUIZ, encoding="utf-8")
    return load_quiz(path, "quizzes/demo.yml")


@pytest.fixture(scope="module")
def converter():
    return Converter({"集装箱": "貨櫃"})


def quiz_html(quiz, code, inline, converter=None, uid="ctpat-quiz-demo", level=3) -> str:
    """The widget as hooks/quizzes.py (on_page_context) renders it for edition ``code``."""
    ed = edition(code, converter)
    s = strings(ed)
    return str(render("quiz.html", quiz=quiz_view(quiz, ed.text, inline, s, uid), s=s,
                      js_strings=json.dumps({key: s[key] for key in QUIZ_JS}, ensure_ascii=False, sort_keys=True),
                      level=level, root="../..", lang=ed.html_lang))


@pytest.mark.parametrize("code", ["en", "zh", "zh-hant"])
def test_quiz_is_fieldsets_with_real_inputs_labels_buttons_and_status(demo_quiz, inline, converter, code):
    s = strings(edition(code, converter))
    section = soup(quiz_html(demo_quiz, code, inline, converter)).select_one("section.ctpat-quiz")
    assert (section["data-quiz-id"], section["data-quiz-hash"], section["data-pass-mark"]) == (
        "demo", demo_quiz.hash, "75")
    heading = section.find("h3")
    assert heading is not None and section["aria-labelledby"] == heading["id"]
    fieldsets = section.find_all("fieldset")
    assert [f["data-question"] for f in fieldsets] == ["q1", "q2", "q3"]
    for number, (fieldset, kind) in enumerate(zip(fieldsets, ["radio", "checkbox", "radio"]), 1):
        legend = fieldset.find("legend")
        assert fieldset.find(True) is legend, "the legend is the fieldset's first child"
        assert legend.get_text(" ", strip=True).startswith(s["question_n"].format(n=number, total=3))
        inputs = fieldset.select(".ctpat-quiz__opts input")
        assert len(inputs) == len(demo_quiz.questions[number - 1].options)
        assert {i["type"] for i in inputs} == {kind} and len({i["name"] for i in inputs}) == 1
        for field in inputs:
            label = fieldset.find("label", attrs={"for": field["id"]})
            assert label is not None and label.get_text(strip=True)
        button = fieldset.find("button")
        assert button["type"] == "button" and button.get_text() == s["check"]
        assert fieldset.select_one('[role="status"]') is not None
        hint = fieldset.find(id=fieldset["aria-describedby"])
        assert hint.get_text() == s[f"hint_{demo_quiz.questions[number - 1].type}"]
    assert fieldsets[0].has_attr("data-shuffle") and not fieldsets[1].has_attr("data-shuffle")
    assert section.select_one('.ctpat-quiz__summary[role="status"]') is not None
    assert section.select_one("button.ctpat-quiz__retry").get_text() == s["retry"]


@pytest.mark.parametrize("code, label", [("en", "Clear my progress"), ("zh", "清除我的进度")])
def test_quiz_clear_button_is_labelled(demo_quiz, inline, code, label):
    section = soup(quiz_html(demo_quiz, code, inline)).select_one("section.ctpat-quiz")
    assert section.select_one("button.ctpat-quiz__clear").get_text() == label


def test_no_interface_string_is_hidden_by_a_dict_method():
    """Templates write ``s.key``; Jinja tries the attribute first, so a key named like a dict
    method (``clear``, ``items``, ``update``) would print the method instead of the text."""
    assert [key for key in STRINGS["en"] if hasattr(dict, key)] == []


@pytest.mark.parametrize("code", ["en", "zh"])
def test_quiz_hands_its_interface_strings_to_quiz_js(demo_quiz, inline, code):
    section = soup(quiz_html(demo_quiz, code, inline)).select_one("section.ctpat-quiz")
    s = strings(edition(code))
    assert json.loads(section["data-strings"]) == {key: s[key] for key in QUIZ_JS}


@pytest.mark.parametrize("code, title, right, feedback, false_label", [
    ("en", "Check yourself: seals", [["Class H"], ["A unique number", "An H marking"], ["False"]],
     "Right: high security.", "False"),
    ("zh", "自测：集装箱封条", [["H 级"], ["唯一编号", "H 字标识"], ["错误"]], "对：高度安全。", "错误"),
    ("zh-hant", "自測：貨櫃封條", [["H 級"], ["唯一編號", "H 字標識"], ["錯誤"]], "對：高度安全。", "錯誤"),
])
def test_answers_feedback_and_explanation_wait_in_details_in_the_readers_language(
        demo_quiz, inline, converter, code, title, right, feedback, false_label):
    section = soup(quiz_html(demo_quiz, code, inline, converter)).select_one("section.ctpat-quiz")
    assert section.find("h3").get_text() == title
    assert section.find("h3").strong is not None  # the title's inline Markdown
    fieldsets = section.find_all("fieldset")
    for fieldset, expected in zip(fieldsets, right):
        details = fieldset.find("details")
        assert details is not None and details.summary is not None
        assert [li.get_text(strip=True) for li in details.select(".ctpat-quiz__right li")] == expected
    assert fieldsets[0].select_one('[data-feedback-for="b"]').get_text() == feedback
    assert fieldsets[0].select_one(".ctpat-quiz__why code") is not None
    assert [label.get_text() for label in fieldsets[2].select(".ctpat-quiz__opts label")][1] == false_label
    assert fieldsets[1].select_one(".ctpat-quiz__why") is None  # no explanation written
    # Without JavaScript the buttons would do nothing: they start hidden.
    for paragraph in section.select(".ctpat-quiz__acts"):
        assert paragraph.has_attr("hidden")


def test_only_the_right_options_are_marked_correct(demo_quiz, inline):
    page = soup(quiz_html(demo_quiz, "en", inline))
    marked = {f["data-question"]: [li["data-option"] for li in f.select("li[data-correct]")]
              for f in page.find_all("fieldset")}
    assert marked == {"q1": ["b"], "q2": ["a", "c"], "q3": ["false"]}


def test_two_quizzes_on_one_page_have_unique_ids(demo_quiz, inline):
    html = quiz_html(demo_quiz, "en", inline) + quiz_html(demo_quiz, "en", inline, uid="ctpat-quiz-demo-2")
    ids = [tag["id"] for tag in soup(html).find_all(id=True)]
    assert len(ids) == len(set(ids))
    names = {tag["name"] for tag in soup(html).find_all("input")}
    assert len(names) == 6  # three questions, twice: radio groups never join across quizzes


@pytest.mark.parametrize("level", [2, 4, 6])
def test_quiz_heading_level_follows_the_page(demo_quiz, inline, level):
    section = soup(quiz_html(demo_quiz, "en", inline, level=level)).section
    assert section.find(f"h{level}") is not None and section.find(f"h{level}")["id"] == section["aria-labelledby"]


HOSTILE_QUIZ = f"""\
id: hostile
title: {{en: {json.dumps(HOSTILE)}, zh: {json.dumps(HOSTILE)}}}
questions:
  - id: q1
    type: single
    prompt: {{en: {json.dumps(HOSTILE)}, zh: {json.dumps(HOSTILE)}}}
    options:
      - {{id: a, text: {{en: {json.dumps(HOSTILE)}, zh: "甲"}}, correct: true,
          feedback: {{en: {json.dumps(HOSTILE)}, zh: "乙"}}}}
      - {{id: b, text: {{en: "[x](javascript:alert(4)) **bold**", zh: "乙"}}}}
    explanation: {{en: {json.dumps(HOSTILE)}, zh: {json.dumps(HOSTILE)}}}
"""


def test_hostile_quiz_text_is_shown_and_script_links_dropped(tmp_path, inline):
    path = tmp_path / "hostile.yml"
    path.write_text(HOSTILE_QUIZ, encoding="utf-8")
    quiz = load_quiz(path, "quizzes/hostile.yml")
    page = soup(quiz_html(quiz, "en", inline, uid="q", level=2))
    section = page.select_one("section.ctpat-quiz")
    assert page.find_all(["script", "img", "iframe"]) == []
    for tag in section.find_all(True):
        assert not any(name.lower().startswith("on") for name in tag.attrs), tag.name
        assert not unsafe_url(tag.get("href", "")), tag
    assert "<img src=x onerror=alert(2)>" in section.find("h2").get_text()
    assert section.select_one(".ctpat-quiz__prompt").get_text().startswith("<script>alert(1)</script>")
    label = section.select(".ctpat-quiz__opts label")[1]
    assert label.a.get_text() == "x" and not label.a.has_attr("href") and label.strong.get_text() == "bold"
    assert "<script>alert(1)</script>" in section.select_one(".ctpat-quiz__why").get_text()


# ---- insert_after_h1 --------------------------------------------------------------------------

@pytest.mark.parametrize("html, expected", [
    ('<h1 id="t">Title</h1>\n<p>Text</p>', '<h1 id="t">Title</h1>\n<div>BOX</div>\n<p>Text</p>'),
    ("<p>No heading</p>", "<div>BOX</div>\n<p>No heading</p>"),
    ("<p>&lt;/h1&gt; in text</p><h1>T</h1><p>x</p>", "<p>&lt;/h1&gt; in text</p><h1>T</h1>\n<div>BOX</div><p>x</p>"),
    ("<h1>One</h1><h1>Two</h1>", "<h1>One</h1>\n<div>BOX</div><h1>Two</h1>"),
    ("", "<div>BOX</div>\n"),
], ids=["after-h1", "no-h1", "escaped-h1-in-text", "first-of-two", "empty"])
def test_insert_after_h1(html, expected):
    assert insert_after_h1(html, "<div>BOX</div>") == expected


def test_every_interface_string_exists_in_both_languages():
    assert set(STRINGS["en"]) == set(STRINGS["zh"])
    assert set(QUIZ_JS) <= set(STRINGS["en"])
