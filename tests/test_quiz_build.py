"""Quizzes through a real MkDocs build: the widget in both languages, assets only where a
quiz is, and every author error of a broken project listed by one build."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, make_mini_project, run_mkdocs_build
from coursekit.languages import QUIZ_STRINGS
from quiz_site import LESSON, PAGES, QUIZ, QUIZ_ID, build_quiz_site, lesson

ASSETS = ROOT / "overrides" / "assets" / "ctpat"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_quiz_site(tmp_path_factory.mktemp("quiz-build"))


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("language, prefix", [("en", ""), ("zh", "zh/")])
def test_lesson_page_holds_the_quiz_in_its_language_with_its_assets(site, language, prefix):
    path = site / prefix / LESSON / "index.html"
    page = soup_of(path)
    s = QUIZ_STRINGS[language]
    section = page.select_one(f'section.ctpat-quiz[data-quiz-id="{QUIZ_ID}"]')
    assert section is not None
    assert section.find("h3").get_text() == ("Check yourself: high-security seals" if language == "en"
                                             else "自测：高度安全封条")
    assert [f["data-q"] for f in section.find_all("fieldset")] == ["q1", "q2", "q3", "q4"]
    assert section.select_one("fieldset details summary").get_text() == s["show_answer"]
    assert section.select_one(".ctpat-quiz__check").get_text() == s["check"]
    # Where the marker was: between the "Check yourself" heading and the sources.
    heading = section.find_previous_sibling(["h2"])
    assert heading.get_text(strip=True).rstrip("¶") == ("Check yourself" if language == "en" else "自测")
    assert page.find(string=re.compile(r"quiz:\s*" + QUIZ_ID)) is None  # the marker is gone
    # Its stylesheet and deferred script, from this site, resolving to real files.
    css = [link["href"] for link in page.select('link[rel="stylesheet"]') if link["href"].endswith("quiz.css")]
    js = [script for script in page.select("script[src]") if script["src"].endswith("quiz.js")]
    assert len(css) == 1 and len(js) == 1 and js[0].has_attr("defer")
    assert (path.parent / css[0]).resolve() == (site / "assets/ctpat/quiz.css").resolve()
    assert (path.parent / js[0]["src"]).resolve() == (site / "assets/ctpat/quiz.js").resolve()
    assert (site / "assets/ctpat/quiz.js").read_bytes() == (ASSETS / "quiz.js").read_bytes()
    # No inline script in the widget (nothing for a Content-Security-Policy to forbid).
    assert section.find("script") is None
    ids = [tag["id"] for tag in page.find_all(id=True)]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("page", ["index.html", "zh/index.html"])
def test_pages_without_a_quiz_do_not_load_its_assets(site, page):
    html = (site / page).read_text(encoding="utf-8")
    assert "quiz.js" not in html and "quiz.css" not in html


def test_quiz_assets_weigh_at_most_6_kb_gzipped():
    sizes = {name: len(gzip.compress((ASSETS / name).read_bytes(), compresslevel=9))
             for name in ("quiz.js", "quiz.css")}
    assert sum(sizes.values()) <= 6 * 1024, sizes


def test_quiz_script_holds_no_language_text():
    script = (ASSETS / "quiz.js").read_text(encoding="utf-8")
    assert not re.search(r"[\u3000-\u9fff\uff00-\uffef]", script)
    for language in QUIZ_STRINGS.values():
        for text in language.values():
            words = text.split("{")[0].strip(" .:✓✗")
            if len(words) > 3:
                assert words not in script, words


# ---- author errors through the build --------------------------------------------------------

BROKEN_QUIZ = QUIZ.replace("pass_mark: 75", "pass_mark: 750").replace(
    "        correct: true\n        feedback: {en: \"Right", "        feedback: {en: \"Right").replace(
    "    answer: false", '    answer: "no"')


def line_of(text: str) -> int:
    """The 1-based line of BROKEN_QUIZ that starts with ``text`` (the first one)."""
    return next(number for number, line in enumerate(BROKEN_QUIZ.split("\n"), 1) if line.startswith(text))


def test_one_build_lists_every_quiz_problem_and_fails(tmp_path):
    pages = dict(PAGES)
    pages["docs_zh/lessons/practice/seals-vvtt.md"] = lesson("zh").replace(
        f"<!-- quiz: {QUIZ_ID} -->", "<!-- quiz: seal-vvtt -->")
    pages["docs/extra.md"] = "# Extra\n\n<!-- quiz: only-english -->\n"
    pages["docs_zh/extra.md"] = "# 额外\n\n没有测验。\n"
    good = QUIZ.replace(f"id: {QUIZ_ID}", "id: {id}")
    project = make_mini_project(tmp_path, pages, {
        QUIZ_ID: BROKEN_QUIZ,
        "only-english": good.replace("{id}", "only-english"),
        "nobody": good.replace("{id}", "nobody"),
        "empty": "",
        "listed": "- id: listed\n",
    })
    (project / "quizzes" / "latin1.yml").write_bytes("id: latin1\ntitle: {en: Café}\n".encode("latin-1"))
    result = run_mkdocs_build(project, tmp_path / "site", strict=True)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    zh_page = "docs_zh/lessons/practice/seals-vvtt.md"
    marker_line = lesson("zh").split("\n").index(f"<!-- quiz: {QUIZ_ID} -->") + 1
    en_line = lesson("en").split("\n").index(f"<!-- quiz: {QUIZ_ID} -->") + 1
    expected = [
        "quizzes/empty.yml:1: the file is empty;",
        "quizzes/latin1.yml:2: the file is not UTF-8 text (byte 0xe9 cannot be read);",
        "quizzes/listed.yml:1: the file holds a list, not a quiz;",
        f"quizzes/seals-vvtt.yml:{line_of('pass_mark: 750')}: 'pass_mark' is 750, outside 0-100;",
        f"quizzes/seals-vvtt.yml:{line_of('    options:')}: question q1: no option is marked correct;",
        f"quizzes/seals-vvtt.yml:{line_of('    answer: ')}: question q3: 'answer' must be true or "
        "false, not the text 'no';",
        f"{zh_page}:{marker_line}: the quiz marker names 'seal-vvtt', but there is no quizzes/seal-vvtt.yml; "
        "did you mean '<!-- quiz: seals-vvtt -->'?",
        # Warnings, in the same build:
        "WARNING -  quizzes: docs/extra.md:3: quiz 'only-english' is placed here but "
        "not in docs_zh/extra.md;",
        "WARNING -  quizzes: quizzes/nobody.yml:1: quiz 'nobody' is not placed on any page;",
        f"WARNING -  quizzes: docs/lessons/practice/seals-vvtt.md:{en_line}: quiz 'seals-vvtt' is "
        "placed here but not in docs_zh/lessons/practice/seals-vvtt.md;",
    ]
    for line in expected:
        assert line in result.stderr, f"missing: {line}\n--- stderr:\n{result.stderr[-5000:]}"
    # The marker line really is where the build says (front matter lines counted in).
    text = (project / zh_page).read_text(encoding="utf-8").split("\n")
    assert text[marker_line - 1] == "<!-- quiz: seal-vvtt -->"


def test_warnings_alone_fail_strict_once_each_and_the_site_still_builds(tmp_path):
    pages = dict(PAGES)
    pages["docs_zh/lessons/practice/seals-vvtt.md"] = lesson("zh").replace(f"<!-- quiz: {QUIZ_ID} -->", "")
    project = make_mini_project(tmp_path, pages, {
        QUIZ_ID: QUIZ, "nobody": QUIZ.replace(f"id: {QUIZ_ID}", "id: nobody")})
    strict = run_mkdocs_build(project, tmp_path / "strict", strict=True)
    assert strict.returncode != 0 and "Traceback" not in strict.stderr
    placed = (f"docs/lessons/practice/seals-vvtt.md:{lesson('en').split(chr(10)).index(f'<!-- quiz: {QUIZ_ID} -->') + 1}: "
              f"quiz '{QUIZ_ID}' is placed here but not in docs_zh/lessons/practice/seals-vvtt.md; "
              f"add the line '<!-- quiz: {QUIZ_ID} -->' to docs_zh/lessons/practice/seals-vvtt.md as well")
    unused = ("quizzes/nobody.yml:1: quiz 'nobody' is not placed on any page; add the line "
              "'<!-- quiz: nobody -->' to its lesson in docs/ and docs_zh/, or delete the file")
    for message in (placed, unused):
        assert strict.stderr.count(message) == 1, strict.stderr[-4000:]
    relaxed = run_mkdocs_build(project, tmp_path / "relaxed", strict=False)
    assert relaxed.returncode == 0, relaxed.stderr[-4000:]
    assert soup_of(tmp_path / "relaxed" / LESSON / "index.html").select_one("section.ctpat-quiz") is not None
    assert soup_of(tmp_path / "relaxed/zh" / LESSON / "index.html").select_one("section.ctpat-quiz") is None


# ---- the real course --------------------------------------------------------------------------

def placed_quizzes(language: str) -> dict[str, list[str]]:
    """``{site path: [quiz ids]}`` from the marker lines of the real pages (read independently
    of the hook; a Chinese page that does not exist yet shows the English one)."""
    found = {}
    for source in ("docs", "docs_zh") if language == "zh" else ("docs",):
        for path in sorted((ROOT / source).rglob("*.md")):
            rel = path.relative_to(ROOT / source).with_suffix("").as_posix()
            site_path = ("" if rel == "index" else f"{rel}/").replace("/index/", "/")
            ids = [m[1] for m in re.finditer(r"^<!-- quiz: (\S+) -->$", path.read_text(encoding="utf-8"), re.M)]
            found[site_path] = ids
    return found


@pytest.mark.parametrize("language, prefix", [("en", ""), ("zh", "zh/")])
def test_every_real_lesson_shows_its_quiz_and_only_quiz_pages_load_the_assets(built_site, language, prefix):
    pages = placed_quizzes(language)
    assert sum(1 for ids in pages.values() if ids) >= 10
    for site_path, ids in pages.items():
        html = (built_site / prefix / site_path / "index.html").read_text(encoding="utf-8")
        page = BeautifulSoup(html, "html.parser")
        assert [s["data-quiz-id"] for s in page.select("section.ctpat-quiz")] == ids, site_path
        assert ("quiz.js" in html) is bool(ids), site_path
        if ids:
            assert page.html["lang"] == language
            assert page.select_one("section.ctpat-quiz details summary").get_text() == \
                QUIZ_STRINGS[language]["show_answer"]
