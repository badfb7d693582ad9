"""The quiz widget's HTML as the hook renders it, read with BeautifulSoup, in both languages."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from coursekit import quizzes
from coursekit.languages import QUIZ_STRINGS
from coursekit.inline_markdown import unsafe_url
from coursekit.quiz_render import JS_STRINGS, QuizRenderer

ROOT = Path(__file__).resolve().parent.parent

QUIZ = """\
id: demo
title: {en: "Check yourself: **seals**", zh: "自测：**封条**"}
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
      - {id: b, text: {en: "The container number", zh: "箱号"}}
      - {id: c, text: {en: "An H marking", zh: "H 字标识"}, correct: true}
    explanation: {en: "Number, maker and H.", zh: "编号、制造商和 H。"}
  - id: q3
    type: true_false
    prompt: {en: "CBP certifies factories in China.", zh: "CBP 认证中国工厂。"}
    answer: false
    explanation: {en: "No: CBP issues no certificate to factories.", zh: "不：CBP 不向工厂发证书。"}
"""

HOSTILE = """\
id: hostile
title: {en: "<script>alert('title')</script>Quiz", zh: "<b onmouseover=alert(1)>测验</b>"}
questions:
  - id: q1
    type: single
    prompt:
      en: "Pick <img src=x onerror=alert(1)> one [click](javascript:alert(1)) [data](data:text/html,hi) ![i](vbscript:msgbox)"
      zh: "选 [链接](JaVa&#115;cript:alert(1)) 和 [正常](https://www.cbp.gov/) <a href='javascript:x'>a</a>"
    options:
      - {id: a, text: {en: "<svg onload=alert(1)>", zh: "<iframe src=javascript:alert(1)>"}, correct: true}
      - {id: b, text: {en: "**bold** `<code>` {: onclick=alert(1) }", zh: "乙"}}
    explanation: {en: "# not a heading\\n\\n- not a list", zh: "<script>alert(2)</script>"}
"""


@pytest.fixture(scope="module")
def renderer() -> QuizRenderer:
    """A renderer with the site's own Markdown extensions, read from mkdocs.yml."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return QuizRenderer(config.markdown_extensions, config.mdx_configs)


def load(tmp_path: Path, name: str, text: str) -> quizzes.Quiz:
    path = tmp_path / "quizzes" / f"{name}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return quizzes.load_quiz(path, tmp_path)


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize("language", ["en", "zh"])
def test_quiz_renders_semantic_html_in_the_page_language(renderer, tmp_path, language):
    quiz = load(tmp_path, "demo", QUIZ)
    s = QUIZ_STRINGS[language]
    page = soup(renderer.render(quiz, language))
    section = page.select_one("section.ctpat-quiz")
    assert section["data-quiz-id"] == "demo"
    assert section["data-quiz-hash"] == quiz.hash and len(quiz.hash) == 12
    assert section["data-pass-mark"] == "75"
    heading = section.find("h3")
    assert section["aria-labelledby"] == heading["id"]
    assert heading.strong.get_text() == ("seals" if language == "en" else "封条")  # inline Markdown
    fieldsets = section.find_all("fieldset")
    assert [f["data-q"] for f in fieldsets] == ["q1", "q2", "q3"]
    for fieldset, kind in zip(fieldsets, ["radio", "checkbox", "radio"]):
        legend = fieldset.find("legend")
        assert legend is not None and fieldset.find(True) is legend  # the fieldset's first child
        inputs = fieldset.select(".ctpat-quiz__opts input")
        assert inputs and {i["type"] for i in inputs} == {kind}
        assert len({i["name"] for i in inputs}) == 1
        for field in inputs:
            label = fieldset.find("label", attrs={"for": field["id"]})
            assert label is not None and label.get_text(strip=True)
        button = fieldset.find("button")
        assert button["type"] == "button" and button.get_text() == s["check"]
        status = fieldset.select_one('[role="status"]')
        assert status is not None and status["aria-live"] == "polite"
        details = fieldset.find("details")
        assert details.summary.get_text() == s["show_answer"]
    assert fieldsets[0].has_attr("data-shuffle") and not fieldsets[1].has_attr("data-shuffle")
    legend = fieldsets[0].find("legend").get_text(" ", strip=True)
    if language == "en":
        assert legend == "Question 1 of 3 Which ISO 17712 class does CTPAT require?"
    else:
        assert legend == "第 1 题（共 3 题） CTPAT 要求 ISO 17712 的哪一级？"
    # true_false from `answer: false`: options labelled in the page's language.
    labels = [label.get_text() for label in fieldsets[2].select(".ctpat-quiz__opts label")]
    assert labels == [s["true"], s["false"]]
    # The summary and the try-again / clear buttons.
    assert section.select_one('.ctpat-quiz__summary[role="status"]') is not None
    assert section.select_one("button.ctpat-quiz__retry").get_text() == s["retry"]
    assert section.select_one("button.ctpat-quiz__clear").get_text() == s["clear"]
    # Interface strings for quiz.js, in this language.
    strings = json.loads(section["data-strings"])
    assert set(strings) == set(JS_STRINGS) and strings["mark_ok"] == s["mark_ok"]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_answers_feedback_and_explanation_sit_in_details_for_readers_without_javascript(
        renderer, tmp_path, language):
    quiz = load(tmp_path, "demo", QUIZ)
    fieldsets = soup(renderer.render(quiz, language)).find_all("fieldset")
    q1, q2, q3 = (f.find("details") for f in fieldsets)
    right = lambda d: [li.get_text(strip=True) for li in d.select(".ctpat-quiz__right li")]
    if language == "en":
        assert right(q1) == ["Class H"] and right(q2) == ["A unique number", "An H marking"]
        assert right(q3) == ["False"]
        assert q1.select_one('[data-fb="a"]').get_text() == "Indicative only."
        assert q1.select_one(".ctpat-quiz__why").get_text(" ", strip=True) == "Why: MSC 6.2 asks for class H ."
        assert q1.select_one(".ctpat-quiz__why code").get_text() == "class H"
        assert q2.select_one(".ctpat-quiz__answer").get_text() == "Correct answers:"
    else:
        assert right(q1) == ["H 级"] and right(q3) == ["错误"]
        assert q1.select_one('[data-fb="b"]').get_text() == "对：高度安全。"
        assert "CBP 不向工厂发证书" in q3.select_one(".ctpat-quiz__why").get_text()
    # Without JavaScript the buttons would do nothing: they start hidden.
    for fieldset in fieldsets:
        assert fieldset.select_one(".ctpat-quiz__check").parent.has_attr("hidden")


def test_correct_flags_and_ids_are_unique_and_stable(renderer, tmp_path):
    quiz = load(tmp_path, "demo", QUIZ)
    html = renderer.render(quiz, "en") + renderer.render(quiz, "en", uid="ctpat-quiz-demo-2")
    ids = [tag["id"] for tag in soup(html).find_all(id=True)]
    assert len(ids) == len(set(ids)), "ids must be unique on a page, even with the quiz twice"
    q2 = soup(renderer.render(quiz, "en")).select_one('fieldset[data-q="q2"]')
    assert [li["data-o"] for li in q2.select("li[data-c]")] == ["a", "c"]


def test_raw_html_and_script_links_in_quiz_text_are_neutralised(renderer, tmp_path):
    quiz = load(tmp_path, "hostile", HOSTILE)
    for language in ("en", "zh"):
        html = renderer.render(quiz, language)
        page = soup(html)
        section = page.select_one("section.ctpat-quiz")
        assert page.find_all("script") == [] and page.find_all("iframe") == [] and page.find_all("svg") == []
        assert section.find("b") is None
        for tag in section.find_all(True):
            for name, value in tag.attrs.items():
                assert not name.lower().startswith("on"), (tag, name)
                if name in ("href", "src"):
                    assert not unsafe_url(value), (tag, value)
        text = section.get_text(" ")
        if language == "en":
            # The author's markup is shown as text, links that would run code lose their target.
            assert "<script>alert('title')</script>Quiz" in section.find("h3").get_text()
            assert "<img src=x onerror=alert(1)>" in text and "<svg onload=alert(1)>" in text
            links = section.select(".ctpat-quiz__prompt a")
            assert [a.get_text() for a in links] == ["click", "data"] and not any(a.has_attr("href") for a in links)
            assert section.select_one(".ctpat-quiz__prompt img").get("src") is None
            label = section.select("label")[1]
            assert label.strong.get_text() == "bold" and label.code.get_text() == "<code>"
            assert not label.has_attr("onclick")
            why = section.select_one(".ctpat-quiz__why")
            assert why.find(["h1", "ul", "li"]) is None and "# not a heading" in why.get_text()
        else:
            links = {a.get_text(): a.get("href") for a in section.select(".ctpat-quiz__prompt a")}
            assert links == {"链接": None, "正常": "https://www.cbp.gov/"}
            assert "<a href='javascript:x'>a</a>" in text
            assert "<script>alert(2)</script>" in section.select_one(".ctpat-quiz__why").get_text()


@pytest.mark.parametrize("url, unsafe", [
    ("javascript:alert(1)", True), (" JavaScript:alert(1)", True), ("java\tscript:x", True),
    ("java&#115;cript:x", True), ("DATA:text/html,x", True), ("vbscript:x", True),
    ("https://www.cbp.gov/", False), ("../seals/", False), ("#q1", False), ("mailto:a@b.c", False),
])
def test_unsafe_url(url, unsafe):
    assert unsafe_url(url) is unsafe


def test_every_language_has_every_quiz_string():
    assert set(QUIZ_STRINGS["en"]) == set(QUIZ_STRINGS["zh"])
    assert set(JS_STRINGS) <= set(QUIZ_STRINGS["en"])


@pytest.mark.parametrize("text", [
    "Check the seal before the truck leaves",
    "  Seven-point inspection: doors, walls, floor, ceiling (and the undercarriage)  ",
    "封条号与单据对不上时，应当怎么办？",
    'He said "stop" -- then left; 50% of 1/2 = 25 # not a heading',
    "Seal **class H** per ISO 17712", "Use `VVTT` & log it", "[CBP](https://www.cbp.gov/)",
    "Line one\nline two", "a_b_c and 3*4", "<b>bold</b>", "Wow!",
])
def test_plain_text_fast_path_matches_markdown(renderer, text):
    """Text with no Markdown character skips the parser; the reader must see no difference."""
    assert renderer.inline(text) == renderer.inline.convert(text)
