"""The content checks authors and CI run, and what they guard for trainees.

1. ``tools/check_chinese.py``: one Chinese vocabulary (data/glossary.yml ``avoid:``) and one
   typography convention (.autocorrectrc) over every Chinese text; a planted mistake is named
   with file, line, the variant and the term to use, or with the corrected line.
2. No English interface text on the Chinese pages: the site's chrome, widget labels, tooltips
   and script messages of the zh and zh-hant editions are Chinese (authors' English terms in
   lesson text are not interface).
3. ``tools/quiz_quality.py``: quizzes whose answers can be guessed from a pattern are named.
4. Honest durations: a lesson's ``duration`` far from its reading time is a build warning with
   file, line and the value to write; writing that value clears it.

The tools run as the README and .ci/run run them (``python3 tools/<tool>.py`` inside the
project), on copies of the project in a temporary folder.
"""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

import conftest
import course_files as cf
from conftest import ROOT, make_mini_project, run_mkdocs_build

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
HAN_ONLY = re.compile(r"^[\u4e00-\u9fff]+$")


def copy_project(dest: Path) -> Path:
    """The project as an author has it: sources, hooks, tools and the autocorrect settings."""
    return conftest.copy_project(dest, ("tools", ".autocorrectrc"))


def run_tool(project: Path, tool: str, *args: str) -> subprocess.CompletedProcess:
    """``python3 tools/<tool> ARGS`` in ``project``, as .ci/run does."""
    return subprocess.run([sys.executable, f"tools/{tool}", *args], cwd=project, capture_output=True,
                          text=True, env=ENV, timeout=300)


def lines_of(output: str, prefix: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(prefix)]


# =============================================================================================
# 1. tools/check_chinese.py
# =============================================================================================

def avoided_variants() -> list[SimpleNamespace]:
    """One Han-only ``avoid`` variant per glossary entry that has one, with its preferred term."""
    data = cf.glossary()
    found = []
    for entry in [*data["terms"], *(data.get("vocabulary") or [])]:
        variant = next((v for v in entry.get("avoid") or [] if HAN_ONLY.match(v)), None)
        if variant:
            found.append(SimpleNamespace(variant=variant, preferred=entry["zh"].strip(), en=entry["en"]))
    return found


def first_line(lines: list[str], start: int, test) -> int:
    """The index of the first line at or after ``start`` that passes ``test``."""
    return next(i for i in range(start, len(lines)) if test(lines[i]))


def plant_in_lesson(project: Path, rel: str, text: str) -> int:
    """Append ``text`` to the first prose line (ends with 。) of the page's body; its line number."""
    path = project / rel
    lines = path.read_text(encoding="utf-8").split("\n")
    body = first_line(lines, 1, lambda line: line.strip() == "---") + 1
    index = first_line(lines, body, lambda line: HAN.search(line) and line.rstrip().endswith("。")
                       and not line.lstrip().startswith(("#", "<", "|", "!", ">", "-", "*")))
    lines[index] = lines[index].rstrip() + text
    path.write_text("\n".join(lines), encoding="utf-8")
    return index + 1


def append_lines(project: Path, rel: str, new: list[str]) -> list[int]:
    """Add paragraphs at the end of a page; their line numbers."""
    path = project / rel
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    numbers = []
    for line in new:
        text += "\n" + line + "\n"
        numbers.append(text.count("\n"))
    path.write_text(text, encoding="utf-8")
    return numbers


def plant_in_quiz(project: Path, rel: str, text: str, skip: int = 0) -> int:
    """Put ``text`` at the start of the ``skip``-th Chinese ``zh:`` value of the quiz file
    (quoted or not); its line number."""
    path = project / rel
    lines = path.read_text(encoding="utf-8").split("\n")
    pattern = re.compile(r"""\bzh: ["']?(?=[^"'\n]*[\u4e00-\u9fff])""")
    candidates = [i for i, line in enumerate(lines) if pattern.search(line)]
    index = candidates[skip]
    lines[index] = pattern.sub(lambda m: m[0] + text, lines[index], count=1)
    path.write_text("\n".join(lines), encoding="utf-8")
    return index + 1


def plant_in_interface_strings(project: Path, text: str) -> tuple[str, int]:
    """Put ``text`` at the start of a Chinese interface string (hooks/coursekit/strings.py):
    ``(key, line)``, for a key whose English string has no Han (so the line is unambiguous)."""
    path = project / "hooks/coursekit/strings.py"
    lines = path.read_text(encoding="utf-8").split("\n")
    zh_section = first_line(lines, 0, lambda line: re.match(r'^\s*"zh":\s*\{', line))
    entry = re.compile(r'^(\s*"(\w+)": ")([^"\\]*[\u4e00-\u9fff][^"\\]*",\s*)$')
    for index in range(zh_section, len(lines)):
        match = entry.match(lines[index])
        if match and not any(f'"{match[2]}": ' in line and HAN.search(line) for line in lines[:index]):
            lines[index] = match[1] + text + match[3]
            path.write_text("\n".join(lines), encoding="utf-8")
            return match[2], index + 1
    raise AssertionError("no Chinese interface string to plant in")


def plant_in_glossary_definition(project: Path, text: str) -> int:
    """Put ``text`` at the start of the first term definition's ``zh`` text; its line number."""
    path = project / "data/glossary.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    definition = first_line(lines, 0, lambda line: re.match(r"^\s+definition:\s*$", line))
    index = first_line(lines, definition, lambda line: re.match(r"^\s+zh: ", line))
    match = re.match(r"^(\s+zh: ['\"]?)(.*)$", lines[index])
    lines[index] = match[1] + text + match[2]
    path.write_text("\n".join(lines), encoding="utf-8")
    return index + 1


def zh_lessons_written_in_chinese() -> list:
    return [lesson for lesson in cf.lessons("zh") if lesson.content_language == "zh"]


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """A copy of the project with an avoided variant planted in a Chinese lesson, a quiz's zh
    text, an interface string and a glossary definition, and typography mistakes in a page
    and a quiz; and the output of ``python3 tools/check_chinese.py`` run in it."""
    project = copy_project(tmp_path_factory.mktemp("chinese") / "project")
    variants = avoided_variants()
    assert len(variants) >= 4, "data/glossary.yml lists too few avoided variants to plant"
    lessons = zh_lessons_written_in_chinese()
    lesson = next(lesson for lesson in lessons if lesson.quiz)
    lesson_rel = lesson.source.relative_to(ROOT).as_posix()
    quiz_rel = f"quizzes/{lesson.quiz}.yml"
    typo_rel = next(other for other in lessons if other is not lesson).source.relative_to(ROOT).as_posix()
    plants = SimpleNamespace(project=project)
    plants.lesson = SimpleNamespace(rel=lesson_rel, term=variants[0],
                                    line=plant_in_lesson(project, lesson_rel, f"本段不讲{variants[0].variant}。"))
    plants.quiz = SimpleNamespace(rel=quiz_rel, term=variants[1],
                                  line=plant_in_quiz(project, quiz_rel, f"关于{variants[1].variant}："))
    key, line = plant_in_interface_strings(project, f"{variants[2].variant}：")
    plants.strings = SimpleNamespace(rel="hooks/coursekit/strings.py", term=variants[2], key=key, line=line)
    plants.glossary = SimpleNamespace(rel="data/glossary.yml", term=variants[3],
                                      line=plant_in_glossary_definition(project, f"（{variants[3].variant}）"))
    # Typography, written by hand from the convention (.autocorrectrc, README "Chinese
    # conventions"): one space between Han and Latin letters or digits, full-width punctuation.
    typography = [("门岗按VVTT检查封条。", "门岗按 VVTT 检查封条。"),
                  ("封条,登记簿和钥匙分开保管。", "封条，登记簿和钥匙分开保管。"),
                  ("每班检查第7点和第8点。", "每班检查第 7 点和第 8 点。"),
                  ("封条登记簿 — 每班交接时核对。", "封条登记簿——每班交接时核对。")]
    numbers = append_lines(project, typo_rel, [wrong for wrong, _ in typography])
    plants.typography = [SimpleNamespace(rel=typo_rel, line=n, wrong=w, right=r)
                         for n, (w, r) in zip(numbers, typography)]
    quiz_typo_line = plant_in_quiz(project, quiz_rel, "封条号用ISO 17712标准核对，", skip=1)
    plants.quiz_typography = SimpleNamespace(rel=quiz_rel, line=quiz_typo_line, right="封条号用 ISO 17712 标准核对，")
    plants.result = run_tool(project, "check_chinese.py")
    return plants


def assert_terminology_finding(result, plant):
    prefix = f"{plant.rel}:{plant.line}: "
    found = [line for line in lines_of(result.stdout, prefix)
             if plant.term.variant in line and plant.term.preferred in line]
    assert found, (f"no finding '{prefix}... {plant.term.variant} ... {plant.term.preferred}' in:\n"
                   f"{result.stdout[-4000:]}")


def test_the_real_course_passes_the_chinese_check():
    result = run_tool(ROOT, "check_chinese.py")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_planted_mistakes_fail_the_chinese_check(planted):
    assert planted.result.returncode != 0, planted.result.stdout[-3000:]
    assert "Traceback" not in planted.result.stderr, planted.result.stderr[-3000:]


def test_a_variant_in_a_lesson_is_named_with_file_line_and_preferred_term(planted):
    assert_terminology_finding(planted.result, planted.lesson)


def test_a_variant_in_a_quiz_text_is_named_with_file_line_and_preferred_term(planted):
    assert_terminology_finding(planted.result, planted.quiz)


def test_a_variant_in_an_interface_string_is_named_with_file_line_and_preferred_term(planted):
    assert_terminology_finding(planted.result, planted.strings)


def test_a_variant_in_a_glossary_definition_is_named_with_file_line_and_preferred_term(planted):
    assert_terminology_finding(planted.result, planted.glossary)


def test_only_the_planted_lines_are_reported(planted):
    """Only the planted lines are reported: the check does not flag correct text."""
    planted_lines = {(p.rel, p.line) for p in (planted.lesson, planted.quiz, planted.strings, planted.glossary,
                                                *planted.typography, planted.quiz_typography)}
    findings = [line for line in planted.result.stdout.splitlines() if re.match(r"^[^\s:]+:\d+: ", line)]
    assert findings
    for finding in findings:
        rel, number = finding.split(":")[:2]
        assert (rel, int(number)) in planted_lines, f"unexpected finding: {finding}"


@pytest.mark.parametrize("index", range(4), ids=["latin-spacing", "half-width-comma", "digit-spacing", "spaced-dash"])
def test_a_typography_mistake_in_a_chinese_page_is_reported_with_its_corrected_form(planted, index):
    plant = planted.typography[index]
    found = lines_of(planted.result.stdout, f"{plant.rel}:{plant.line}: ")
    assert any(plant.right in line for line in found), (
        f"expected {plant.rel}:{plant.line} with “{plant.right}”, got {found or planted.result.stdout[-3000:]}")


def test_a_typography_mistake_in_a_quiz_text_is_reported_with_its_corrected_form(planted):
    plant = planted.quiz_typography
    found = lines_of(planted.result.stdout, f"{plant.rel}:{plant.line}: ")
    assert any(plant.right in line for line in found), planted.result.stdout[-3000:]


def test_the_root_option_checks_that_projects_interface_strings(planted):
    result = subprocess.run([sys.executable, str(ROOT / "tools/check_chinese.py"), "--root", str(planted.project)],
                            capture_output=True, text=True, env=ENV, timeout=300)
    assert_terminology_finding(result, planted.strings)


def test_every_interface_string_has_a_chinese_entry():
    """A key missing from the Chinese table falls back to English on the Chinese pages."""
    from coursekit.strings import STRINGS

    assert set(STRINGS["en"]) <= set(STRINGS["zh"]), sorted(set(STRINGS["en"]) - set(STRINGS["zh"]))


# =============================================================================================
# 2. No English interface text on the Chinese pages
# =============================================================================================

# Attributes a reader sees or hears (tooltips, screen readers, placeholders, image text).
READ_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "label", "aria-description",
                   "aria-roledescription", "aria-valuetext")
NOT_SHOWN = ("script", "style", "svg", "template")
_EMAIL_OR_URL = re.compile(r"\S+@\S+|\b(?:https?|mailto|tel):\S+")
_CODE = re.compile(r"(?<![A-Za-z])[A-Za-z]*\d[\w./-]*")  # 3PL, 17712, q1, 2027-03-18


def _one_texts(node):
    """Texts of mkdocs.yml ``extra`` given once for every language (names, contacts, ids):
    a mapping with ``en``/``zh`` keys is a translated text and is skipped."""
    if isinstance(node, dict):
        if {"en", "zh"} & set(node):
            return
        for value in node.values():
            yield from _one_texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from _one_texts(value)
    elif isinstance(node, str):
        yield node


def allowed_latin_phrases() -> list[str]:
    """Latin text a Chinese page may show: CTPAT, the glossary's abbreviations and English
    names (the bilingual glossary lists them), the languages' own names in the language
    switcher, and the names, contacts and ids mkdocs.yml gives once for all languages."""
    extra = cf.extra()
    phrases = {"CTPAT"}
    for term in cf.glossary()["terms"]:
        phrases.update(filter(None, (term.get("abbr"), term.get("en"))))
    phrases.update(language["name"] for language in cf.i18n_languages().values())
    phrases.update(_one_texts(extra.get("brand")))
    phrases.update(_one_texts(extra.get("workshops")))
    return sorted((p.strip() for p in phrases if isinstance(p, str) and p.strip()), key=len, reverse=True)


def latin_left_over(text: str, phrases: list[str]) -> str:
    """What remains of a text without Han once allowed phrases, addresses and codes are
    taken out; English words (two letters or more) in the rest are an offence."""
    for phrase in phrases:
        text = re.sub(r"(?<![A-Za-z])" + re.escape(phrase) + r"(?![A-Za-z])", " ", text)
    text = _CODE.sub(" ", _EMAIL_OR_URL.sub(" ", text))
    return " ".join(re.findall(r"[A-Za-z]{2,}", text))


def _describe(element) -> str:
    classes = ".".join(element.get("class") or [])
    return f"<{element.name}{'.' + classes if classes else ''}>"


def _is_interface(element) -> bool:
    """Outside the page's article everything is interface (header, navigation, sidebars,
    footer, dialogs); inside an article (the lesson text, or a lesson in a print book) only
    the site's widgets (classes ctpat-*) and the headings' permalinks are."""
    for node in (element, *element.parents):
        if node.name in NOT_SHOWN:
            return False
        if node.name == "article":  # the lesson text, even where the article is a ctpat-* one
            return False
        classes = node.get("class") or []
        if any(c.startswith("ctpat-") or c == "headerlink" for c in classes):
            return True
    return True


def interface_texts(soup):
    """``(element description, kind, text)`` of every interface text of a page."""
    if soup.title is not None:
        yield "<title>", "text", soup.title.get_text()
    for element in soup.find_all(True):
        if element.name in NOT_SHOWN:
            continue
        interface = _is_interface(element)
        for attribute in READ_ATTRIBUTES:
            value = element.get(attribute)
            # Glossary tooltips are the site's, in the reader's language, even in lesson text.
            if isinstance(value, str) and value.strip() and (interface or element.name == "abbr"):
                yield _describe(element), f"@{attribute}", value
        if element.name == "input" and element.get("type") in ("submit", "button", "reset") and interface:
            yield _describe(element), "@value", element.get("value") or ""
        if element.has_attr("data-strings"):  # the messages a widget's script shows
            for key, value in json.loads(element["data-strings"]).items():
                yield _describe(element), f"data-strings.{key}", value
        if interface:
            for string in element.find_all(string=True, recursive=False):
                if type(string).__name__ in ("Comment", "Doctype", "Declaration", "ProcessingInstruction"):
                    continue
                yield _describe(element), "text", str(string)
    config = soup.select_one("script#__config")
    if config is not None and config.string:  # Material's search and clipboard messages
        for key, value in json.loads(config.string).get("translations", {}).items():
            yield "<script#__config>", f"translations.{key}", value


def english_interface_texts(soup, phrases: list[str], seen: list | None = None) -> list[str]:
    offenders = []
    for where, kind, text in interface_texts(soup):
        if seen is not None:
            seen.append(text)
        text = " ".join(text.split())
        if not text or HAN.search(text):
            continue
        rest = latin_left_over(text, phrases)
        if rest:
            offenders.append(f"{where} {kind}: {text!r} ({rest})")
    return offenders


def _soup(text: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup(text, "lxml")


def test_the_interface_check_flags_english_chrome_but_not_english_terms_in_lesson_text():
    """The check itself: English in a button, a tooltip, a widget label or a script message is
    found; CTPAT, ISO 17712 and VVTT in an author's sentence, a brand name and the language
    switcher's 'English' are not."""
    phrases = allowed_latin_phrases()
    brand = next(iter(_one_texts(cf.extra()["brand"]["name"])), "CTPAT")
    english_name = cf.i18n_languages()["en"]["name"]
    page = f"""<html><head><title>封条 - CTPAT 培训</title></head><body>
      <header><nav aria-label="页眉"><button aria-label="Close">✕</button>
        <a class="md-select__link" hreflang="en">{english_name}</a></nav></header>
      <main><article class="md-content__inner">
        <h1>封条<a class="headerlink" title="Permanent link">¶</a></h1>
        <p>Seals must meet ISO 17712 class H.</p><p>VVTT</p>
        <p>按 <abbr title="Seal check steps">VVTT</abbr> 检查。</p>
        <section class="ctpat-quiz" data-strings='{{"right": "✓ Correct.", "wrong": "✗ 回答错误。"}}'>
          <p class="ctpat-quiz__acts"><button>Check answer</button> <button>检查答案</button></p>
        </section></article></main>
      <footer><div class="ctpat-footer__name">{brand}</div></footer></body></html>"""
    offenders = english_interface_texts(_soup(page), phrases)
    flagged = " | ".join(offenders)
    for english in ("'Close'", "'Permanent link'", "'✓ Correct.'", "'Check answer'", "'Seal check steps'"):
        assert english in flagged, f"{english} not flagged: {offenders}"
    for fine in ("ISO 17712", "Seals must", f"'{brand}'", f"'{english_name}'", "回答错误"):
        assert fine not in flagged, f"{fine} wrongly flagged: {offenders}"


@pytest.mark.slow
@pytest.mark.parametrize("edition", ["zh", "zh-hant"])
def test_chinese_pages_show_no_english_interface_text(built_site, edition):
    phrases = allowed_latin_phrases()
    pages = sorted((built_site / edition).rglob("index.html"))
    assert len(pages) >= len(cf.pages(edition)), "the edition lacks pages"
    offenders, seen = [], []
    for path in pages:
        soup = _soup(path.read_text(encoding="utf-8"))
        offenders += [f"{path.relative_to(built_site)}: {o}" for o in english_interface_texts(soup, phrases, seen)]
    # The search box, the palette toggles and the language switcher are on every page.
    assert len([text for text in seen if HAN.search(text)]) > 5 * len(pages), "the scan found no interface"
    assert not offenders, f"{len(offenders)} English interface texts:\n" + "\n".join(offenders[:60])


# Western habits the generated text must not bring into Chinese: a space after full-width
# punctuation, a spaced dash, half-width brackets around a mark.
WESTERN_PUNCTUATION = re.compile(r"[。，；：！？] +[\u4e00-\u9fff]|[\u4e00-\u9fff] +— +|\([✓✗] ")


@pytest.mark.slow
@pytest.mark.parametrize("edition", ["zh", "zh-hant"])
def test_chinese_pages_join_sentences_and_marks_the_chinese_way(built_site, edition):
    """Generated pages put interface strings and author text together (library intro,
    print intro, the facilitator's answer key); the joins follow Chinese typography."""
    offenders = []
    for path in sorted((built_site / edition).rglob("index.html")):
        soup = _soup(path.read_text(encoding="utf-8"))
        for tag in soup(["script", "style", "code", "pre"]):
            tag.decompose()
        offenders += [f"{path.relative_to(built_site)}: {text.strip()[:80]}"
                      for text in soup.find_all(string=WESTERN_PUNCTUATION)]
    assert not offenders, f"{len(offenders)} texts:\n" + "\n".join(offenders[:30])


@pytest.mark.slow
@pytest.mark.parametrize("edition", ["zh", "zh-hant"])
def test_every_message_a_widget_script_shows_is_given_in_chinese(built_site, edition):
    """Each ``strings.<key>`` a site script reads is in the ``data-strings`` of the Chinese
    pages that load the script, in Chinese: no script falls back to English or 'undefined'."""
    scripts = {path.name: set(re.findall(r"\bstrings\.(\w+)", path.read_text(encoding="utf-8")))
               for path in (built_site / "assets/ctpat").glob("*.js")}
    checked = 0
    problems = []
    for path in sorted((built_site / edition).rglob("index.html")):
        soup = _soup(path.read_text(encoding="utf-8"))
        given = {}
        for element in soup.select("[data-strings]"):
            given.update(json.loads(element["data-strings"]))
        for script in soup.select("script[src]"):
            name = script["src"].rsplit("/", 1)[-1]
            for key in sorted(scripts.get(name, ())):
                checked += 1
                if not HAN.search(given.get(key) or ""):
                    problems.append(f"{path.relative_to(built_site)}: {name} needs '{key}', given {given.get(key)!r}")
    assert checked, "no Chinese page loads a site script that shows messages"
    assert not problems, "\n".join(problems[:40])


# =============================================================================================
# 3. tools/quiz_quality.py
# =============================================================================================

def lesson_quizzes() -> list[str]:
    return [lesson.quiz for lesson in cf.lessons("en") if lesson.quiz]


def cue_quiz(quiz_id: str) -> dict:
    """A quiz every test-wise trainee passes: the answer of each single-choice question is
    option a and the longest option; both true/false answers are 'false'."""
    questions = []
    for n in range(1, 5):
        questions.append({
            "id": f"q{n}", "type": "single", "skill": "apply",
            "prompt": {"en": f"At the gate, situation {n}: what do you do?", "zh": f"门岗情形 {n}：你怎么做？"},
            "options": [
                {"id": "a", "text": {"en": f"Stop the truck, check the seal number against the papers and call the supervisor ({n})",
                                     "zh": f"拦下车辆，核对封条号与单据，并通知主管（{n}）"}, "correct": True},
                {"id": "b", "text": {"en": "Let it go", "zh": "放行"}},
                {"id": "c", "text": {"en": "Ask the driver", "zh": "问司机"}},
                {"id": "d", "text": {"en": "Wait", "zh": "等待"}},
            ],
            "explanation": {"en": "Check before release.", "zh": "放行前先核对。"},
        })
    for n in range(5, 7):
        questions.append({"id": f"q{n}", "type": "true_false", "skill": "recall",
                          "prompt": {"en": f"A camera replaces the seal ({n}).", "zh": f"摄像头可以代替封条（{n}）。"},
                          "answer": False,
                          "explanation": {"en": "It does not.", "zh": "不能。"}})
    return {"id": quiz_id, "title": {"en": "Check yourself", "zh": "自测"}, "pass_mark": 80, "questions": questions}


@pytest.fixture(scope="module")
def cue_report(tmp_path_factory):
    """quiz_quality.py run on a copy whose first lesson quiz is replaced by ``cue_quiz``."""
    project = copy_project(tmp_path_factory.mktemp("cues") / "project")
    quiz_id = lesson_quizzes()[0]
    (project / "quizzes" / f"{quiz_id}.yml").write_text(cf.dump_yaml(cue_quiz(quiz_id)), encoding="utf-8")
    return SimpleNamespace(rel=f"quizzes/{quiz_id}.yml", result=run_tool(project, "quiz_quality.py"))


def warnings_naming(result, rel: str) -> list[str]:
    return [line for line in result.stdout.splitlines() if line.startswith(f"WARNING: {rel}")]


def test_the_real_course_has_no_quiz_cues():
    result = run_tool(ROOT, "quiz_quality.py")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_a_quiz_whose_answer_is_always_option_a_fails_naming_the_file(cue_report):
    assert cue_report.result.returncode != 0, cue_report.result.stdout[-3000:]
    named = warnings_naming(cue_report.result, cue_report.rel)
    assert any(re.search(r"\boption a\b", line) for line in named), cue_report.result.stdout[-3000:]


def test_a_quiz_with_several_true_false_questions_fails_naming_the_file(cue_report):
    named = warnings_naming(cue_report.result, cue_report.rel)
    assert any("true/false" in line for line in named), cue_report.result.stdout[-3000:]


def test_a_quiz_whose_answer_is_always_the_longest_option_fails_naming_the_file(cue_report):
    named = warnings_naming(cue_report.result, cue_report.rel)
    assert any("longest" in line for line in named), cue_report.result.stdout[-3000:]


@pytest.fixture(scope="module")
def cued_course(tmp_path_factory):
    """quiz_quality.py on a copy where every lesson quiz puts each single-choice answer first
    and makes it the longest option (the other questions unchanged)."""
    project = copy_project(tmp_path_factory.mktemp("cued-course") / "project")
    singles = 0
    for quiz_id in lesson_quizzes():
        data = cf.quiz(quiz_id)
        for question in data["questions"]:
            if question.get("type") != "single":
                continue
            singles += 1
            options = question["options"]
            right = next(o for o in options if o.get("correct") is True)
            longest = max(len(o["text"]["en"]) for o in options)
            right["text"]["en"] = right["text"]["en"] + " " + "x" * (longest + 1 - len(right["text"]["en"]))
            question["options"] = [right] + [o for o in options if o is not right]
        (project / "quizzes" / f"{quiz_id}.yml").write_text(cf.dump_yaml(data), encoding="utf-8")
    return SimpleNamespace(singles=singles, result=run_tool(project, "quiz_quality.py"))


def test_a_course_that_always_puts_the_answer_first_and_longest_fails(cued_course):
    result = cued_course.result
    assert result.returncode != 0, result.stdout[-3000:]
    warnings = [line for line in result.stdout.splitlines() if line.startswith("WARNING: ")]
    total = str(cued_course.singles)
    assert any("option a" in line and total in line for line in warnings), "\n".join(warnings)
    assert any("longest" in line and total in line for line in warnings), "\n".join(warnings)
    # Each quiz with enough single-choice questions is named with its own file.
    for quiz_id in lesson_quizzes():
        if sum(q.get("type") == "single" for q in cf.quiz(quiz_id)["questions"]) >= 3:
            assert any(line.startswith(f"WARNING: quizzes/{quiz_id}.yml") and "option a" in line
                       for line in warnings), quiz_id


# =============================================================================================
# 4. Honest durations
# =============================================================================================

def _quiz_of(*skills):
    return SimpleNamespace(questions=[SimpleNamespace(skill=skill) for skill in skills])


@pytest.mark.parametrize("words, han, skills, minutes", [
    (180 * 4, 0, ("recall", "understand"), 4 + 2),          # English at 180 words a minute
    (0, 300 * 6, ("apply",), 6 + 2),                        # Chinese at 300 characters a minute
    (180 * 3, 300 * 5, ("analyse", "recall"), 5 + 2 + 1),   # whichever language takes longer
    (180 * 10, 0, (), 10),
], ids=["english", "chinese", "longer-language", "no-questions"])
def test_the_estimate_follows_the_documented_reading_and_quiz_rates(words, han, skills, minutes):
    """Rates from quality.py's docstring: 180 English words or 300 Chinese characters a
    minute, whichever is longer, plus a minute a question and two for a decision question."""
    from coursekit.model.quality import estimate_minutes

    quiz = _quiz_of(*skills) if skills else None
    assert estimate_minutes(words, han, quiz) == pytest.approx(minutes)


def test_the_real_course_states_honest_durations():
    import quiz_quality

    course = quiz_quality.load(ROOT)
    duration = [str(w) for w in course.warnings if "'duration'" in w.problem]
    assert not duration, "\n".join(duration)


DURATION_LESSON_ID = "gate-seal-check"
ENGLISH_SENTENCE = "The guard checks the seal number against the bill of lading before the truck leaves. "  # 15 words
CHINESE_SENTENCE = "门卫在车辆离厂前核对封条号与提单上的号码是否一致。"  # 25 Han characters
ENGLISH_WORDS, CHINESE_HAN, QUESTIONS = 900, 1500, 2


def duration_lesson(language: str, duration: int) -> str:
    title, objective, text = {
        "en": ("The gate seal check", "Check a seal at the gate", ENGLISH_SENTENCE * (ENGLISH_WORDS // 15)),
        "zh": ("门岗封条检查", "在门岗检查封条", CHINESE_SENTENCE * (CHINESE_HAN // 25)),
    }[language]
    return (f"---\nid: {DURATION_LESSON_ID}\nmodule: 3\norder: 1\ntitle: {title}\nduration: {duration}\n"
            f"level: foundation\naudience: [manufacturer]\nobjectives:\n  - {objective}\n"
            f"quiz: {DURATION_LESSON_ID}\n---\n\n# {title}\n\n{text}\n\n<!-- quiz: {DURATION_LESSON_ID} -->\n")


DURATION_QUIZ = f"""id: {DURATION_LESSON_ID}
title: {{en: "Check yourself", zh: "自测"}}
pass_mark: 80
questions:
  - id: q1
    type: single
    skill: recall
    prompt: {{en: "When is the seal checked?", zh: "什么时候核对封条？"}}
    options:
      - {{id: a, text: {{en: "At the gate", zh: "在门岗"}}, correct: true}}
      - {{id: b, text: {{en: "Never", zh: "从不"}}}}
  - id: q2
    type: single
    skill: recall
    prompt: {{en: "What is checked against the papers?", zh: "要与单据核对什么？"}}
    options:
      - {{id: a, text: {{en: "The weather", zh: "天气"}}}}
      - {{id: b, text: {{en: "The seal number", zh: "封条号"}}, correct: true}}
"""


@pytest.mark.slow
def test_an_inflated_duration_warns_with_file_line_and_a_value_that_clears_it(tmp_path):
    rel = f"lessons/practice/{DURATION_LESSON_ID}.md"
    stated = 60
    project = make_mini_project(tmp_path, {
        "docs/index.md": "# Home\n\nWelcome.\n",
        "docs_zh/index.md": "# 首页\n\n欢迎。\n",
        f"docs/{rel}": duration_lesson("en", stated),
        f"docs_zh/{rel}": duration_lesson("zh", stated),
    }, {DURATION_LESSON_ID: DURATION_QUIZ})
    cf.standalone_config(project)
    # The rule (quality.py): reading time of the longer language plus a minute a question,
    # rounded up to 5 minutes.
    estimate = max(ENGLISH_WORDS / 180, CHINESE_HAN / 300) + QUESTIONS
    expected = 5 * math.ceil(estimate / 5)
    assert abs(stated - estimate) > estimate / 2, "the planted duration must be far off"
    line = duration_lesson("en", stated).split("\n").index(f"duration: {stated}") + 1

    first = run_mkdocs_build(project, tmp_path / "site1", strict=True)
    assert first.returncode != 0, "an inflated duration must fail --strict"
    assert "Traceback" not in first.stderr, first.stderr[-3000:]
    warning = [text for text in first.stderr.splitlines() if f"docs/{rel}:{line}: 'duration' is {stated}" in text]
    assert warning, first.stderr[-4000:]
    suggested = re.search(r"write 'duration: (\d+)'", warning[0])
    assert suggested, warning[0]
    assert int(suggested[1]) == expected, warning[0]

    for base in ("docs", "docs_zh"):  # the warning asks for the value in both languages
        path = project / base / rel
        path.write_text(path.read_text(encoding="utf-8").replace(f"duration: {stated}\n", f"duration: {suggested[1]}\n"),
                        encoding="utf-8")
    second = run_mkdocs_build(project, tmp_path / "site2", strict=True)
    assert second.returncode == 0, second.stderr[-4000:]
    assert "'duration'" not in second.stderr, second.stderr[-4000:]
