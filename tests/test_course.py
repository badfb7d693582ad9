"""The whole course checked in one pass (coursekit.model.course.load_course) on small projects
written here: module folders, duplicates, translations in step, quiz placement, warnings that
name the file to add, workshop lessons, and the file cache of ``mkdocs serve``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

import course_files
from coursekit.model import course as course_module
from coursekit.model.course import load_course
from coursekit.model.quality import duration_warnings, quiz_warnings
from coursekit.model.source import FileCache, load_config_yaml
from coursekit.problems import report

ROOT = Path(__file__).resolve().parent.parent

CONFIG = """\
site_name: Mini course
extra:
  course:
    modules:
      1: {folder: foundations, en: CTPAT foundations, zh: CTPAT 基础知识}
      3: {folder: practice, en: Practice on the factory floor, zh: 现场实务}
    levels:
      foundation: {en: Foundation, zh: 入门}
      intermediate: {en: Intermediate, zh: 进阶}
    audiences:
      importer: {en: Importer, zh: 进口商}
      manufacturer: {en: Manufacturer, zh: 制造商}
    roles:
      guard-loader: {en: Gate guard or loader, zh: 门卫或装柜员}
      shipping-clerk: {en: Shipping clerk, zh: 船务跟单员}
    criteria:
      seal-security: {en: Seal Security, zh: 封条安全}
      physical-access: {en: Physical Access Controls, zh: 出入管控}
"""
GLOSSARY = """\
terms:
  - abbr: VVTT
    en: View, Verify, Tug, Twist
    zh: 看、核、拉、拧（VVTT）
    definition: {en: The four steps of a seal check., zh: 封条检查的四个步骤。}
"""
QUIZ = """\
id: {id}
title: {{en: "Check yourself", zh: "自测"}}
pass_mark: 80
questions:
  - id: q1
    type: true_false
    prompt: {{en: "CTPAT requires ISO 17712 class H seals.", zh: "CTPAT 要求使用 ISO 17712 H 级封条。"}}
    answer: true
"""


def lesson(id: str, module: int = 3, order: int = 1, *, title: str = "Seals", quiz: str | None = None,
           marker: str | None = None, more: str = "", duration: int | str = 20, level: str = "foundation",
           audience: str = "[importer]", objective: str = "Check a seal") -> str:
    """A lesson file; front matter keys on fixed lines: id 2, module 3, order 4, title 5,
    duration 6, level 7, audience 8, objectives 9-10, then ``more``, then quiz."""
    head = (f"id: {id}\nmodule: {module}\norder: {order}\ntitle: {title}\nduration: {duration}\n"
            f"level: {level}\naudience: {audience}\nobjectives:\n  - {objective}\n{more}")
    if quiz:
        head += f"quiz: {quiz}\n"
    body = f"\n# {title}\n\nTeaching text.\n" + (f"\n<!-- quiz: {marker} -->\n" if marker else "")
    return f"---\n{head}---\n{body}"


def both(rel: str, english: str, chinese: str | None = None) -> dict:
    return {f"docs/{rel}": english, f"docs_zh/{rel}": chinese if chinese is not None else english}


def project(root: Path, files: dict, config: str = CONFIG, glossary: str | None = GLOSSARY) -> Path:
    for rel, text in {"mkdocs.yml": config, **files}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    if glossary is not None and "data/glossary.yml" not in files:
        (root / "data").mkdir(exist_ok=True)
        (root / "data" / "glossary.yml").write_text(glossary, encoding="utf-8")
    return root


def load(root: Path, cache: FileCache | None = None):
    """As the build loads it: extra from MkDocs' own reading of mkdocs.yml, plus its lines."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    return load_course(root, yaml_load(text)["extra"], load_config_yaml(text), cache)


def problems(course) -> list[str]:
    return [str(p) for p in sorted(course.problems, key=lambda p: p.sort_key)]


def warnings(course) -> list[str]:
    """The warnings, without the teaching-quality estimates (tiny test lessons trip them)."""
    quality = {str(w) for w in duration_warnings(course) + quiz_warnings(course)}
    return [str(w) for w in sorted(course.warnings, key=lambda p: p.sort_key) if str(w) not in quality]


# ---- one pass, every kind --------------------------------------------------------------------

def test_every_problem_of_every_kind_comes_at_once_sorted_by_file_and_line(tmp_path):
    config = CONFIG.replace("    criteria:", "    criterion:") + \
        "  brand:\n    logo: https://cdn.example.com/logo.svg\n"
    root = project(tmp_path, {
        **both("lessons/practice/seals-vvtt.md", lesson("seals-vvtt", duration="ten", quiz="seals-vvtt",
                                                         marker="seals-vvtt")),
        "quizzes/seals-vvtt.yml": QUIZ.format(id="seals-vvtt").replace("answer: true", "answer: maybe"),
        "data/glossary.yml": GLOSSARY.replace("    zh: 看、核、拉、拧（VVTT）\n", ""),
    }, config=config)
    course = load(root)
    lesson_problem = ": 'duration' must be a whole number (minutes of study), got 'ten'; write e.g. 'duration: 20'"
    assert report(course.problems, "to fix before the site can be built") == "\n".join([
        "7 problems to fix before the site can be built:",
        "data/glossary.yml:2: 'View, Verify, Tug, Twist': missing 'zh' name; add 'zh: ...' with the term in "
        "that language",
        "docs/lessons/practice/seals-vvtt.md:6" + lesson_problem,
        "docs_zh/lessons/practice/seals-vvtt.md:6" + lesson_problem,
        f"mkdocs.yml:{config_line(config, 'criteria:')}: extra.course.criteria: is missing; declare at least one, "
        "e.g. "
        "'seal-security: {en: ..., zh: ...}'",
        f"mkdocs.yml:{config_line(config, 'criterion:')}: extra.course.criterion: unknown key; did you mean "
        "'criteria'?",
        f"mkdocs.yml:{config_line(config, 'logo:')}: extra.brand.logo: 'https://cdn.example.com/logo.svg' is on "
        "another host; the site loads nothing from other hosts; put the file under docs/ "
        "(e.g. docs/assets/brand/logo.svg) and give its path",
        "quizzes/seals-vvtt.yml:8: question q1: 'answer' must be true or false, not the text 'maybe'; write "
        "'answer: true' or 'answer: false' (no quotes)",
    ])


def config_line(text: str, fragment: str) -> int:
    lines = text.split("\n")
    if fragment == "criteria:":  # the missing key is reported on the block that should hold it
        fragment = "course:"
    return next(n for n, line in enumerate(lines, 1) if line.strip().startswith(fragment))


def test_a_missing_glossary_is_a_problem_not_a_traceback(tmp_path):
    course = load(project(tmp_path, both("lessons/practice/a.md", lesson("a")), glossary=None))
    assert problems(course) == ["data/glossary.yml: the glossary is missing; restore data/glossary.yml: it "
                                "feeds the glossary page, the tooltips and Chinese search"]


def test_a_good_mini_course_has_no_problem_and_lessons_in_curriculum_order(tmp_path):
    root = project(tmp_path, {
        **both("lessons/practice/b.md", lesson("b", 3, 2)),
        **both("lessons/practice/a.md", lesson("a", 3, 1)),
        **both("lessons/foundations/c.md", lesson("c", 1, 5)),
        "docs/lessons/practice/d.md": lesson("d", 3, 3),
    })
    course = load(root)
    assert problems(course) == []
    assert [(l.language, l.id) for l in course.site_lessons("en")] == [("en", "c"), ("en", "a"), ("en", "b"),
                                                                       ("en", "d")]
    # The Chinese site shows the English lesson where there is no translation yet.
    assert [(l.language, l.id) for l in course.site_lessons("zh")] == [("zh", "c"), ("zh", "a"), ("zh", "b"),
                                                                       ("en", "d")]
    assert course.lesson("zh", "lessons/practice/a.md").language == "zh"


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["windows", "old-mac"])
def test_a_lesson_saved_with_other_line_endings_is_read(tmp_path, newline):
    text = lesson("a", quiz="a", marker="a").replace("\n", newline)
    course = load(project(tmp_path, {**both("lessons/practice/a.md", text), "quizzes/a.yml": QUIZ.format(id="a")}))
    assert problems(course) == []
    assert [l.quiz for l in course.lessons["en"]] == ["a"]


# ---- modules and folders -------------------------------------------------------------------

@pytest.mark.parametrize("rel, module, message", [
    ("lessons/foundations/a.md", 3, ":3: 'module' is 3 but the file sits in lessons/foundations/, the folder of "
                                    "module 1; write 'module: 1'"),
    ("lessons/practice/a.md", 1, ":3: 'module' is 1 but the file sits in lessons/practice/, the folder of "
                                 "module 3; write 'module: 3'"),
    ("lessons/misc/a.md", 3, ":3: 'module' is 3 but the file sits in lessons/misc/, which is no module's folder; "
                             "move it to lessons/practice/ or declare the folder in extra.course.modules"),
    ("lessons/a.md", 3, ": a lesson must sit in its module's folder; move it to {docs}/lessons/practice/a.md"),
], ids=["foundations-says-3", "practice-says-1", "unknown-folder", "directly-in-lessons"])
def test_a_lesson_must_sit_in_its_module_s_folder(tmp_path, rel, module, message):
    course = load(project(tmp_path, both(rel, lesson("a", module))))
    assert problems(course) == [f"{docs}/{rel}{message.format(docs=docs)}" for docs in ("docs", "docs_zh")]
    assert course.lessons == {"en": [], "zh": []}


def test_a_misspelt_module_folder_is_one_problem_in_mkdocs_yml_not_one_per_lesson(tmp_path):
    config = CONFIG.replace("folder: practice", "folder: practise")
    root = project(tmp_path, {**both("lessons/practice/a.md", lesson("a")),
                              **both("lessons/practice/b.md", lesson("b", order=2))}, config=config)
    course = load(root)
    assert problems(course) == [
        f"mkdocs.yml:{config_line(config, '3: {folder: practise')}: extra.course.modules[3].folder: there is no "
        "folder lessons/practise/, and module 3's lessons sit in lessons/practice/; write 'folder: practice', "
        "or move the lessons into lessons/practise/"]


def test_index_pages_under_lessons_are_not_lessons_and_hide_none(tmp_path):
    root = project(tmp_path, {
        **both("lessons/index.md", "# Lessons\n"),
        **both("lessons/README.md", "Notes for authors.\n"),
        **both("lessons/practice/index.md", "---\ntitle: Practice\n---\n\n# Practice\n"),
        **both("lessons/practice/a.md", lesson("a", 3, 1)),
        **both("lessons/practice/b.md", lesson("b", 3, 2, level="expert")),
        **both("lessons/foundations/c.md", lesson("c", 1, 1)),
    })
    course = load(root)
    # Every lesson beside and below the index pages is read: b's mistake is reported.
    assert problems(course) == [
        f"{docs}/lessons/practice/b.md:7: 'level' must be one of foundation, intermediate, got 'expert'; "
        "write e.g. 'level: foundation'" for docs in ("docs", "docs_zh")]
    assert sorted(l.id for l in course.lessons["en"]) == ["a", "c"]


# ---- duplicates ------------------------------------------------------------------------------

def test_one_id_for_two_lessons_is_an_error_naming_both_files(tmp_path):
    root = project(tmp_path, {**both("lessons/practice/seals.md", lesson("seals", 3, 1)),
                              **both("lessons/foundations/seals.md", lesson("seals", 1, 1))})
    assert problems(load(root)) == [
        f"{docs}/lessons/practice/seals.md:2: id 'seals' is also used by {docs}/lessons/foundations/seals.md:2; "
        "give each lesson its own id (and file name)" for docs in ("docs", "docs_zh")]


@pytest.mark.parametrize("orders, next_free", [((1, 1), 2), ((1, 2, 2), 3), ((1, 1, 2, 3), 4)])
def test_one_place_for_two_lessons_names_the_next_free_order(tmp_path, orders, next_free):
    files = {}
    for name, order in zip("abcd", orders):
        files.update(both(f"lessons/practice/{name}.md", lesson(name, 3, order)))
    course = load(project(tmp_path, files))
    clash = "b" if orders[0] == orders[1] else "c"
    first = "a" if clash == "b" else "b"
    order = orders["abcd".index(clash)]
    assert problems(course) == [
        f"{docs}/lessons/practice/{clash}.md:4: module 3, order {order} is also taken by "
        f"{docs}/lessons/practice/{first}.md:4; give each lesson of module 3 its own 'order' (the next free one "
        f"is {next_free})" for docs in ("docs", "docs_zh")]


# ---- translations in step --------------------------------------------------------------------

ZH_SHARED = [  # (key, English front matter change, Chinese one, how each is shown)
    ("duration", "duration: 20", "duration: 25", "20", "25"),
    ("level", "level: foundation", "level: intermediate", "'foundation'", "'intermediate'"),
    ("audience", "audience: [importer]", "audience: [importer, manufacturer]", "[importer]",
     "[importer, manufacturer]"),
    ("order", "order: 1", "order: 2", "1", "2"),
]


@pytest.mark.parametrize("key, old, new, english, chinese", ZH_SHARED, ids=[c[0] for c in ZH_SHARED])
def test_a_shared_field_changed_in_the_translation_is_an_error(tmp_path, key, old, new, english, chinese):
    text = lesson("a")
    course = load(project(tmp_path, both("lessons/practice/a.md", text, text.replace(old, new))))
    line = text.split("\n").index(old) + 1
    assert problems(course) == [
        f"docs_zh/lessons/practice/a.md:{line}: '{key}' is {chinese} here but {english} in "
        f"docs/lessons/practice/a.md:{line}; make '{key}' the same in both languages (only 'title', "
        "'objectives' and 'discussion' are translated)"]


@pytest.mark.parametrize("english, chinese, shown_zh, shown_en", [
    ("roles: [guard-loader]\n", "roles: [guard-loader, shipping-clerk]\n", "[guard-loader, shipping-clerk]",
     "[guard-loader]"),
    ("roles: [guard-loader]\n", "", "not set", "[guard-loader]"),
    ("msc: [seal-security]\n", "msc: [physical-access]\n", "[physical-access]", "[seal-security]"),
], ids=["roles-added", "roles-dropped", "msc"])
def test_roles_and_criteria_must_match_the_english_lesson(tmp_path, english, chinese, shown_zh, shown_en):
    key = english.split(":")[0]
    en, zh = lesson("a", more=english), lesson("a", more=chinese)
    course = load(project(tmp_path, both("lessons/practice/a.md", en, zh)))
    zh_line = 11 if chinese else 2  # the key's line, or the id's when the translation dropped it
    assert problems(course) == [
        f"docs_zh/lessons/practice/a.md:{zh_line}: '{key}' is {shown_zh} here but {shown_en} in "
        f"docs/lessons/practice/a.md:11; make '{key}' the same in both languages (only 'title', 'objectives' "
        "and 'discussion' are translated)"]


def test_a_different_quiz_in_the_translation_is_an_error(tmp_path):
    root = project(tmp_path, {
        **both("lessons/practice/a.md", lesson("a", quiz="a", marker="a"), lesson("a", quiz="b", marker="b")),
        "quizzes/a.yml": QUIZ.format(id="a"), "quizzes/b.yml": QUIZ.format(id="b")})
    course = load(root)
    assert problems(course) == [
        "docs_zh/lessons/practice/a.md:11: 'quiz' is 'b' here but 'a' in docs/lessons/practice/a.md:11; make "
        "'quiz' the same in both languages (only 'title', 'objectives' and 'discussion' are translated)"]


def test_title_objectives_discussion_and_page_text_are_translated_freely(tmp_path):
    en = lesson("a", title="Seals", objective="Check a seal", more="discussion: [Who checks seals?]\n"
                "description: Seals for loading teams\n")
    zh = lesson("a", title="封条", objective="检查封条", more="discussion: [谁检查封条？, 多久检查一次？]\n"
                "description: 装柜班组的封条知识\n")
    course = load(project(tmp_path, both("lessons/practice/a.md", en, zh)))
    assert problems(course) == []
    assert course.lesson("zh", "lessons/practice/a.md").title == "封条"


# ---- quiz placement: front matter and marker agree --------------------------------------------------

PLACEMENTS = [  # (id, front matter quiz, marker, message after "path:line: ")
    ("quiz-names-another-than-the-marker", "a", "b", 11,
     "'quiz: a' names a quiz that the page does not place (its marker names 'b'); put the line "
     "'<!-- quiz: a -->' where the quiz goes, or make 'quiz:' name the same quiz"),
    ("marker-names-another-than-the-quiz", "b", "a", 11,
     "'quiz: b' names a quiz that the page does not place (its marker names 'a'); put the line "
     "'<!-- quiz: b -->' where the quiz goes, or make 'quiz:' name the same quiz"),
    ("quiz-without-marker", "a", None, 11,
     "'quiz: a' names a quiz that the page does not place; put the line '<!-- quiz: a -->' where the quiz goes"),
    ("marker-without-quiz-key", None, "a", 17,
     "the page places quiz 'a' but its front matter has no 'quiz:'; add 'quiz: a' to the front matter "
     "(the library counts its questions)"),
]


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("quiz, marker, line, message", [c[1:] for c in PLACEMENTS], ids=[c[0] for c in PLACEMENTS])
def test_front_matter_quiz_and_the_page_s_marker_must_agree(tmp_path, language, quiz, marker, line, message):
    good = lesson("a", quiz="a", marker="a")
    wrong = lesson("a", quiz=quiz, marker=marker)
    files = {"quizzes/a.yml": QUIZ.format(id="a"), "quizzes/b.yml": QUIZ.format(id="b"),
             **both("lessons/practice/a.md", wrong if language == "en" else good,
                    wrong if language == "zh" else good),
             **both("lessons/practice/b.md", lesson("b", order=2, quiz="b", marker="b"))}
    course = load(project(tmp_path, files))
    docs = "docs" if language == "en" else "docs_zh"
    found = [p for p in problems(course) if "'quiz' is" not in p]  # a translation gap is its own error
    assert found == [f"{docs}/lessons/practice/a.md:{line}: {message}"]


@pytest.mark.parametrize("marker, fix", [
    ("seal-vvtt", "did you mean '<!-- quiz: seals-vvtt -->'?"),
    ("risk-assessment", "correct the id, or add the quiz file quizzes/risk-assessment.yml"),
], ids=["close", "nothing-close"])
def test_a_marker_naming_a_missing_quiz_suggests_the_close_one(tmp_path, marker, fix):
    root = project(tmp_path, {**both("lessons/practice/a.md", lesson("a", marker=marker)),
                              "quizzes/seals-vvtt.yml": QUIZ.format(id="seals-vvtt")})
    assert problems(load(root)) == [
        f"{docs}/lessons/practice/a.md:17: the quiz marker names '{marker}', but there is no "
        f"quizzes/{marker}.yml; {fix}" for docs in ("docs", "docs_zh")]


def test_a_marker_the_build_does_not_understand_is_reported(tmp_path):
    text = lesson("a", quiz="a", marker="a") + "\n<!-- Quiz: a -->\n"
    course = load(project(tmp_path, {**both("lessons/practice/a.md", text), "quizzes/a.yml": QUIZ.format(id="a")}))
    assert problems(course) == [
        f"{docs}/lessons/practice/a.md:20: this quiz marker is not one the build understands; write it alone on "
        "its line as '<!-- quiz: QUIZ-ID -->', with the id of a file in quizzes/" for docs in ("docs", "docs_zh")]


def test_a_quiz_saved_as_yaml_is_reported_not_ignored(tmp_path):
    root = project(tmp_path, {**both("lessons/practice/a.md", lesson("a")),
                              "quizzes/seals-vvtt.yaml": QUIZ.format(id="seals-vvtt")})
    course = load(root)
    assert problems(course) == ["quizzes/seals-vvtt.yaml: quiz files must end in '.yml', so this file is not "
                                "read; rename it to seals-vvtt.yml"]
    assert course.quizzes == {}


def test_files_that_are_not_quizzes_change_nothing(tmp_path):
    files = {**both("lessons/practice/a.md", lesson("a", quiz="a", marker="a")), "quizzes/a.yml": QUIZ.format(id="a")}
    plain = load(project(tmp_path / "plain", files))
    cluttered = load(project(tmp_path / "cluttered", {
        **files, "quizzes/.DS_Store": b"\x00\x00\x00\x01Bud1\x00\xff\xfe", "quizzes/._a.yml": b"\x00\x05\x16\x07",
        "quizzes/.a.yml.swp": b"b0VIM 9.0\x00", "quizzes/README.md": "Quiz notes.\n"}))
    assert problems(cluttered) == problems(plain) == []
    assert warnings(cluttered) == warnings(plain) == []
    assert list(cluttered.quizzes) == ["a"]


# ---- warnings: what still builds but must not go unnoticed -------------------------------------------

def test_a_quiz_placed_in_one_language_only_is_a_warning(tmp_path):
    root = project(tmp_path, {
        "docs/self-check.md": "# Check yourself\n\n<!-- quiz: a -->\n",
        "docs_zh/self-check.md": "# 自测\n\n即将推出。\n",
        "quizzes/a.yml": QUIZ.format(id="a")})
    course = load(root)
    assert problems(course) == []
    assert warnings(course) == ["docs/self-check.md:3: quiz 'a' is placed here but not in docs_zh/self-check.md; "
                                "add the line '<!-- quiz: a -->' to docs_zh/self-check.md as well"]


def test_a_quiz_used_on_no_page_is_a_warning(tmp_path):
    root = project(tmp_path, {**both("lessons/practice/a.md", lesson("a")), "quizzes/seals-vvtt.yml":
                              QUIZ.format(id="seals-vvtt")})
    course = load(root)
    assert problems(course) == []
    assert warnings(course) == ["quizzes/seals-vvtt.yml:1: quiz 'seals-vvtt' is not placed on any page; add the "
                                "line '<!-- quiz: seals-vvtt -->' to its lesson in docs/ and docs_zh/, or delete "
                                "the file"]


def test_a_page_without_its_twin_is_a_warning_naming_the_file_to_add(tmp_path):
    root = project(tmp_path, {
        "docs/about.md": "# About\n", "docs_zh/news.md": "# 新闻\n",
        "docs/lessons/practice/a.md": lesson("a"), "docs_zh/lessons/practice/b.md": lesson("b", order=2),
        **both("index.md", "# Home\n")})
    course = load(root)
    assert problems(course) == []
    assert warnings(course) == [
        "docs/about.md: has no Chinese translation: the Chinese site shows the English page with a notice; add "
        "docs_zh/about.md",
        "docs/lessons/practice/a.md: has no Chinese translation: the Chinese site shows the English page with a "
        "notice; add docs_zh/lessons/practice/a.md",
        "docs_zh/lessons/practice/b.md: this Chinese page has no English original, so the English site cannot "
        "link to it; add docs/lessons/practice/b.md or move the page",
        "docs_zh/news.md: this Chinese page has no English original, so the English site cannot link to it; add "
        "docs/news.md or move the page",
    ]


# ---- workshops name lessons of the course ----------------------------------------------------------

WORKSHOPS = """\
  workshops:
    - date: 2027-03-18
      title: Seals
      city: Shenzhen
      lessons: [seals-vvtt, seal-vvtt]
    - date: 2027-04-22
      title: Risks
      city: Online
      lessons: [risk-assessment]
"""


def test_a_workshop_naming_an_unknown_lesson_is_an_error_on_mkdocs_yml(tmp_path):
    config = CONFIG + WORKSHOPS
    course = load(project(tmp_path, both("lessons/practice/seals-vvtt.md", lesson("seals-vvtt")), config=config))
    first, second = (n for n, line in enumerate(config.split("\n"), 1) if line.startswith("    - date:"))
    assert problems(course) == [
        f"mkdocs.yml:{first}: extra.workshops[0].lessons[1]: 'seal-vvtt' is not a lesson of the course; did you "
        "mean 'seals-vvtt'?",
        f"mkdocs.yml:{second}: extra.workshops[1].lessons[0]: 'risk-assessment' is not a lesson of the course; "
        "use lesson ids (the file names under docs/lessons/)",
    ]


def test_the_key_path_names_the_workshop_as_mkdocs_yml_lists_it(tmp_path):
    # Settings sort workshops by date; the key path must still count them as mkdocs.yml lists them,
    # including an entry left out for its own mistake (no date) before them.
    config = CONFIG + WORKSHOPS.replace("2027-03-18", "2027-05-30").replace(
        "  workshops:\n", "  workshops:\n    - title: No date yet\n      city: Online\n")
    course = load(project(tmp_path, both("lessons/practice/seals-vvtt.md", lesson("seals-vvtt")), config=config))
    first, second = (n for n, line in enumerate(config.split("\n"), 1) if line.startswith("    - date:"))
    assert [(p.key, p.line) for p in sorted(course.problems, key=lambda p: p.sort_key)] == [
        ("extra.workshops[0].date", config_line(config, "- title: No date yet")),
        ("extra.workshops[1].lessons[1]", first), ("extra.workshops[2].lessons[0]", second)]


@pytest.mark.parametrize("broken, line, message", [
    ({"duration": "ten"}, 6, "'duration' must be a whole number (minutes of study), got 'ten'; write e.g. "
     "'duration: 20'"),
    ({"title": "Seals: a check"}, 5, "a ': ' inside a text makes YAML read it as a key; put the whole text in "
     "quotes, e.g. title: \"Note: read this\""),
], ids=["bad-value", "unreadable-front-matter"])
def test_a_workshop_lesson_with_its_own_problem_is_not_called_unknown(tmp_path, broken, line, message):
    # The mistake is in the lesson and is reported there; mkdocs.yml names an existing lesson.
    config = CONFIG + WORKSHOPS.replace(", seal-vvtt", "").replace("[risk-assessment]", "[seals-vvtt]")
    course = load(project(tmp_path, both("lessons/practice/seals-vvtt.md", lesson("seals-vvtt", **broken)),
                          config=config))
    assert problems(course) == [f"{docs}/lessons/practice/seals-vvtt.md:{line}: {message}"
                                for docs in ("docs", "docs_zh")]


def test_a_workshop_naming_a_section_index_page_is_an_error(tmp_path):
    config = CONFIG + WORKSHOPS.replace(", seal-vvtt", "").replace("[risk-assessment]", "[index]")
    root = project(tmp_path, {**both("lessons/practice/seals-vvtt.md", lesson("seals-vvtt")),
                              **both("lessons/index.md", "# Lessons\n")}, config=config)
    second = [n for n, line in enumerate(config.split("\n"), 1) if line.startswith("    - date:")][1]
    assert problems(load(root)) == [
        f"mkdocs.yml:{second}: extra.workshops[1].lessons[0]: 'index' is not a lesson of the course; "
        "use lesson ids (the file names under docs/lessons/)"]


def test_undeclared_roles_are_reported_once_and_break_nothing(tmp_path):
    config = CONFIG.replace("    roles:\n      guard-loader: {en: Gate guard or loader, zh: 门卫或装柜员}\n"
                            "      shipping-clerk: {en: Shipping clerk, zh: 船务跟单员}\n", "")
    course = load(project(tmp_path, both("lessons/practice/a.md", lesson("a", more="roles: [gate-guard]\n")),
                          config=config))
    assert problems(course) == ["mkdocs.yml:3: extra.course.roles: is missing; declare at least one, e.g. "
                                "'gate-guard: {en: ..., zh: ...}'"]


def test_a_missing_course_section_is_one_problem_not_one_per_key_and_question(tmp_path):
    config = "site_name: Mini course\nextra:\n  brand: {name: Mini}\n"
    pool = ("id: final-assessment\ntitle: {en: Final, zh: 结业}\ndraw: 1\nquestions:\n"
            "  - {id: f1, type: true_false, module: 3, lesson: seals-vvtt, prompt: {en: A, zh: 甲}, answer: true}\n"
            "  - {id: f2, type: true_false, module: 3, lesson: seals-vvtt, prompt: {en: B, zh: 乙}, answer: true}\n")
    root = project(tmp_path, {**both("lessons/practice/seals-vvtt.md", lesson("seals-vvtt")),
                              "quizzes/final-assessment.yml": pool}, config=config)
    assert problems(load(root)) == [
        "mkdocs.yml:2: extra.course: is missing; declare the course's modules, levels, audiences, roles and "
        "criteria there"]


def test_an_assessment_question_naming_a_lesson_with_its_own_problem_is_not_called_unknown(tmp_path):
    # The lesson's mistake is reported in the lesson; the pool names a lesson that exists.
    pool = ("id: final-assessment\ntitle: {en: Final, zh: 结业}\ndraw: 1\nquestions:\n"
            "  - {id: f1, type: true_false, module: 3, lesson: seals-vvtt, prompt: {en: A, zh: 甲}, answer: true}\n"
            "  - {id: f2, type: true_false, module: 7, lesson: seal-vvtt, prompt: {en: B, zh: 乙}, answer: true}\n")
    root = project(tmp_path, {**both("lessons/practice/seals-vvtt.md", lesson("seals-vvtt", level="expert")),
                              "quizzes/final-assessment.yml": pool})
    found = problems(load(root))
    assert [p for p in found if p.startswith("quizzes/")] == [
        "quizzes/final-assessment.yml:6: question f2: 'seal-vvtt' is not a lesson of the course; use a lesson id "
        "(its file name)",
        "quizzes/final-assessment.yml:6: question f2: module 7 is not declared; use a module number of "
        "extra.course.modules"]
    assert {p.split(":")[0] for p in found} == {"quizzes/final-assessment.yml", "docs/lessons/practice/seals-vvtt.md",
                                                "docs_zh/lessons/practice/seals-vvtt.md"}


@pytest.mark.parametrize("rel", ["index.md", "about.md"])
def test_broken_front_matter_on_any_page_is_reported(tmp_path, rel):
    root = project(tmp_path, both(rel, "---\nhide: [navigation, toc\n---\n\n# Page\n"))
    assert problems(load(root)) == [
        f"{docs}/{rel}:2: a '[' opened on this line is not closed; add the ']' at the end, and quote text that "
        "contains ',' or ':'" for docs in ("docs", "docs_zh")]


# ---- the cache: mkdocs serve re-reads what changed, and only that ------------------------------------

class Reads:
    """Counts the files load_course parses (pages and quizzes), by project-relative path."""

    def __init__(self, monkeypatch):
        self.paths: list[str] = []
        for name in ("read_page", "read_quiz"):
            original = getattr(course_module, name)
            monkeypatch.setattr(course_module, name, self._counting(original))

    def _counting(self, original):
        def read(path, rel):
            self.paths.append(rel)
            return original(path, rel)
        return read

    def take(self) -> list[str]:
        paths, self.paths = sorted(self.paths), []
        return paths


def save(path: Path, text: str) -> None:
    """Write as an editor does: the file's time moves on even within the same second."""
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 10**9, before + 10**9))


def test_an_edited_lesson_or_quiz_is_read_again_and_nothing_else(tmp_path, monkeypatch):
    root = project(tmp_path, {**both("lessons/practice/a.md", lesson("a", quiz="a", marker="a")),
                              **both("lessons/practice/b.md", lesson("b", order=2)),
                              "quizzes/a.yml": QUIZ.format(id="a")})
    cache, reads = FileCache(), Reads(monkeypatch)
    load(root, cache)
    assert len(reads.take()) == 5
    # Unchanged: nothing is parsed again.
    course = load(root, cache)
    assert reads.take() == [] and problems(course) == []
    # The English lesson gets a new duration (same file size): it alone is read, and the
    # result is the new one (here: the translation no longer matches).
    save(root / "docs/lessons/practice/a.md", lesson("a", quiz="a", marker="a", duration=45))
    course = load(root, cache)
    assert reads.take() == ["docs/lessons/practice/a.md"]
    assert [l.duration for l in course.lessons["en"] if l.id == "a"] == [45]
    assert problems(course) == [
        "docs_zh/lessons/practice/a.md:6: 'duration' is 20 here but 45 in docs/lessons/practice/a.md:6; make "
        "'duration' the same in both languages (only 'title', 'objectives' and 'discussion' are translated)"]
    # The quiz is edited: it alone is read, with its new title.
    save(root / "quizzes/a.yml", QUIZ.format(id="a").replace("Check yourself", "Check your seals"))
    course = load(root, cache)
    assert reads.take() == ["quizzes/a.yml"]
    assert course.quizzes["a"].title["en"] == "Check your seals"


def test_a_mistake_fixed_between_two_loads_is_gone(tmp_path):
    root = project(tmp_path, both("lessons/practice/a.md", lesson("a", level="beginner")))
    cache = FileCache()
    assert len(problems(load(root, cache))) == 2
    for docs in ("docs", "docs_zh"):
        save(root / docs / "lessons/practice/a.md", lesson("a", level="foundation"))
    course = load(root, cache)
    assert problems(course) == [] and [l.level for l in course.lessons["en"]] == ["foundation"]


def test_a_deleted_lesson_is_gone_and_forgotten(tmp_path):
    root = project(tmp_path, {**both("lessons/practice/a.md", lesson("a")),
                              **both("lessons/practice/b.md", lesson("b", order=2))})
    cache = FileCache()
    load(root, cache)
    for docs in ("docs", "docs_zh"):
        (root / docs / "lessons/practice/b.md").unlink()
    course = load(root, cache)
    assert [l.id for l in course.lessons["en"]] == ["a"]
    assert not any("b.md" in path for _, path in cache.entries)


# ---- the real course ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real_course():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return load_course(ROOT, yaml_load(text)["extra"], load_config_yaml(text))


def test_the_real_course_has_no_problem(real_course):
    assert problems(real_course) == []


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_real_course_has_every_lesson_on_disk_in_curriculum_order(real_course, language):
    """Compared with tests/course_files.py, which reads the files without coursekit."""
    on_disk = [(l.rel, l.content_language, l.id, l.key) for l in course_files.lessons(language)]
    loaded = [(l.rel, l.language, l.id, (l.module, l.order)) for l in real_course.site_lessons(language)]
    assert loaded == on_disk


# ---- files mkdocs.yml names ----------------------------------------------------------------------

def test_a_favicon_that_does_not_exist_is_a_problem_naming_its_line(tmp_path):
    config = "theme:\n  name: material\n  favicon: assets/brand/icon.png\n" + CONFIG
    root = project(tmp_path, both("lessons/practice/seals.md", lesson("seals")), config=config)
    assert "mkdocs.yml:3: theme.favicon: 'assets/brand/icon.png' does not exist under docs/; add the file " \
           "docs/assets/brand/icon.png or correct the path" in problems(load(root))
    (root / "docs/assets/brand").mkdir(parents=True)
    (root / "docs/assets/brand/icon.png").write_bytes(b"\x89PNG")
    assert not [p for p in problems(load(root)) if "favicon" in p]
