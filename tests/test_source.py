"""Reading the course's source files (coursekit.model.source): YAML that knows its lines,
front matter counted in its file, plain-words messages for YAML mistakes, mkdocs.yml read
without running its tags, and the file cache of ``mkdocs serve``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from coursekit.model.source import (
    FileCache, LineDict, LineList, load_config_yaml, load_yaml, split_front_matter,
)
from coursekit.problems import Problem

ROOT = Path(__file__).resolve().parent.parent


# ---- lines -------------------------------------------------------------------------------

QUIZ_LIKE = """\
id: seals-vvtt
title: {en: Seals, zh: 封条}
questions:
  - id: q1
    type: single
    options:
      - {id: a, text: {en: Yes, zh: 是}}

      - id: b
        text: {en: No, zh: 否}
"""


def test_mappings_and_lists_know_the_line_of_every_key_and_item():
    data = load_yaml(QUIZ_LIKE, "quizzes/seals-vvtt.yml")
    assert isinstance(data, LineDict) and data.line == 1
    assert data.key_lines == {"id": 1, "title": 2, "questions": 3}
    assert data["title"].line == 2 and data["title"].line_of("zh") == 2
    questions = data["questions"]
    assert isinstance(questions, LineList) and questions.item_lines == [4]
    question = questions[0]
    assert (question.line, question.line_of("type"), question.line_of("options")) == (4, 5, 6)
    options = question["options"]
    assert options.item_lines == [7, 9]          # the blank line is counted
    assert options[1].line_of("text") == 10
    # A key that is not there: the line of the mapping itself (where to add it).
    assert question.line_of("prompt") == 4


def test_the_data_is_plain_yaml_data():
    data = load_yaml(QUIZ_LIKE, "x.yml")
    assert data == yaml.safe_load(QUIZ_LIKE)


def test_a_true_false_option_id_keeps_its_word():
    """``id: true`` would be a bool; as a key (``true: ...``) it stays the word the author wrote."""
    data = load_yaml("true: 1\nfalse: 2\n", "x.yml")
    assert list(data) == ["true", "false"]


@pytest.mark.parametrize("offset", [0, 1, 40])
def test_line_offset_moves_every_line(offset):
    data = load_yaml(QUIZ_LIKE, "x.yml", line_offset=offset)
    assert data.line == 1 + offset
    assert data["questions"].item_lines == [4 + offset]
    assert data["questions"][0]["options"][1].line_of("text") == 10 + offset


def _real_sources() -> list[Path]:
    return sorted((ROOT / "quizzes").glob("*.yml")) + [ROOT / "data" / "glossary.yml"]


def _plain(value):
    """What yaml.safe_load gives, with keys as the text the author wrote (as load_yaml keeps them)."""
    if isinstance(value, dict):
        return {(str(k).lower() if isinstance(k, bool) else str(k)): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@pytest.mark.parametrize("path", _real_sources(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_real_quiz_and_the_glossary_read_as_plain_yaml_reads_them(path):
    """The line-keeping loader changes no value of the course's own files."""
    text = path.read_text(encoding="utf-8")
    assert load_yaml(text, path.name) == _plain(yaml.safe_load(text))


# ---- YAML mistakes, in plain words, on the line of the mistake ---------------------------

# (id, text, line of the mistake, words the message must contain)
YAML_MISTAKES = [
    ("tab-indenting-a-key", "id: x\nbrand:\n\tname: X\nother: 1\n", 3, "tab"),
    ("tab-before-a-list-item", "objectives:\n  - one\n\t- two\n  - three\n", 3, "tab"),
    ("tab-after-a-dash", "objectives:\n  -\tone\n  - two\n", 2, "tab"),
    ("tab-deep-inside", "a:\n  b: 1\n  c:\n\t  d: 2\n", 4, "tab"),
    ("tab-after-blank-lines", "a:\n  b: 1\n\n\n\tc: 2\n", 5, "tab"),
    ("unclosed-brace", "id: x\ntitle: {en: Seals, zh: 封条\nduration: 20\nlevel: foundation\n", 2,
     "'{' opened on this line is not closed"),
    ("unclosed-brace-nested", "a:\n  b:\n    c: {en: x,\n      zh: y\nd: 1\n", 3,
     "'{' opened on this line is not closed"),
    ("unclosed-bracket", "id: x\naudience: [importer, manufacturer\nlevel: foundation\nduration: 5\n", 2,
     "'[' opened on this line is not closed"),
    ("unclosed-bracket-at-end", "id: x\naudience: [importer\n", 2, "'[' opened on this line is not closed"),
    ("unclosed-double-quote", 'id: x\ntitle: "Seals\nduration: 20\nlevel: foundation\n', 2,
     "a quoted text is not closed"),
    ("unclosed-single-quote", "id: x\ntitle: 'Seals\n", 2, "a quoted text is not closed"),
    ("colon-in-unquoted-text", "id: x\ntitle: Metadata: what to keep\n", 2,
     "a ': ' inside a text makes YAML read it as a key"),
    ("colon-in-a-list-item", "objectives:\n  - one\n  - Note: a: b\n", 3,
     "a ': ' inside a text makes YAML read it as a key"),
    ("duplicate-key", "id: a\ntitle: T\nduration: 20\nid: b\n", 4, "duplicate key 'id'"),
    ("duplicate-nested-key", "title:\n  en: Seals\n  zh: 封条\n  en: Seal\n", 4, "duplicate key 'en'"),
    ("duplicate-key-in-a-list-item", "questions:\n  - id: q1\n    type: single\n    id: q2\n", 4,
     "duplicate key 'id'"),
]

FIXES = {
    "tab": "replace the tab with spaces",
    "'{' opened": "add the '}' at the end",
    "'[' opened": "add the ']' at the end",
    "quoted text": "end it with the same quote it starts with",
    "': ' inside": "put the whole text in quotes",
    "duplicate key": "keep one of them",
}


@pytest.mark.parametrize("text, line, words", [case[1:] for case in YAML_MISTAKES],
                         ids=[case[0] for case in YAML_MISTAKES])
def test_a_yaml_mistake_names_file_line_and_fix(text, line, words):
    with pytest.raises(Problem) as caught:
        load_yaml(text, "quizzes/seals-vvtt.yml")
    problem = caught.value
    assert (problem.path, problem.line) == ("quizzes/seals-vvtt.yml", line)
    assert words in problem.problem
    fix = next(fix for key, fix in FIXES.items() if key in words or key in problem.problem)
    assert fix in problem.fix
    assert str(problem).startswith(f"quizzes/seals-vvtt.yml:{line}: ")
    if words == "tab":
        assert "\t" in text.split("\n")[line - 1], "the message points at the line holding the tab"


@pytest.mark.parametrize("text, line, words", [case[1:] for case in YAML_MISTAKES],
                         ids=[case[0] for case in YAML_MISTAKES])
def test_a_yaml_mistake_in_front_matter_is_counted_in_the_file(text, line, words):
    """Front matter starts on line 2 of the lesson: the message names the file's line."""
    with pytest.raises(Problem) as caught:
        split_front_matter(f"---\n{text}---\n\n# Title\n", "docs/lessons/practice/seals-vvtt.md")
    assert caught.value.line == line + 1
    assert words in caught.value.problem


@pytest.mark.parametrize("text", [
    "[", "{", "'", '"', "a: b: c", "- a\nb: c", "\t", "key: |\n\tx\n\ty", "&a b", "*unknown",
    "a: !!python/object/apply:os.system ['echo unsafe']", "a: !!binary ~~~", "? [a\n", "a:\n- b\n -c\n d",
    "%YAML 9.9\n---\na: 1", "a: 1\n...\nb: 2\n---\nc: 3", "\x00", "a: @b", "a: `b`",
], ids=repr)
def test_any_broken_yaml_gives_a_problem_never_a_traceback(text):
    try:
        load_yaml(text, "data/glossary.yml")
    except Problem as problem:
        assert problem.path == "data/glossary.yml"
        assert problem.fix, "every YAML problem says how to fix it"
        assert problem.line is None or 1 <= problem.line <= text.count("\n") + 1


def test_python_tags_are_never_run(tmp_path):
    flag = tmp_path / "ran"
    with pytest.raises(Problem) as caught:
        load_yaml(f"a: !!python/object/apply:os.system ['touch {flag}']\n", "quizzes/x.yml")
    assert caught.value.line == 1
    assert not flag.exists()


# ---- front matter ------------------------------------------------------------------------

LESSON_HEAD = "---\nid: seals-vvtt\ntitle: Seals\nobjectives:\n  - Check a seal\n  - Log it\n---\n"


@pytest.mark.parametrize("text, body_line, body", [
    (LESSON_HEAD + "\n# Seals\n", 8, "\n# Seals\n"),
    ("\ufeff" + LESSON_HEAD + "# Seals\n", 8, "# Seals\n"),                  # saved with a BOM
    (LESSON_HEAD.replace("---\n", "---  \n") + "# Seals\n", 8, "# Seals\n"),  # trailing spaces
    (LESSON_HEAD[:-4] + "...\n" + "# Seals\n", 8, "# Seals\n"),              # YAML's '...' end
    (LESSON_HEAD, 8, ""),                                                    # no body at all
], ids=["plain", "bom", "trailing-spaces", "dots-end", "no-body"])
def test_front_matter_lines_are_counted_in_the_file(text, body_line, body):
    front = split_front_matter(text, "docs/lessons/practice/seals-vvtt.md")
    assert front.meta == {"id": "seals-vvtt", "title": "Seals", "objectives": ["Check a seal", "Log it"]}
    assert front.meta.key_lines == {"id": 2, "title": 3, "objectives": 4}
    assert front.meta["objectives"].item_lines == [5, 6]
    assert (front.body_line, front.body) == (body_line, body)


@pytest.mark.parametrize("text", ["# Seals\n\nText.\n", "Text --- with dashes\n---\n", ""],
                         ids=["heading", "dashes-later", "empty"])
def test_a_page_without_front_matter_is_all_body(text):
    front = split_front_matter(text, "docs/about.md")
    assert (front.meta, front.body_line, front.body) == ({}, 1, text)


def test_empty_front_matter_is_an_empty_mapping():
    front = split_front_matter("---\n---\n# Home\n", "docs/index.md")
    assert front.meta == {} and front.body == "# Home\n" and front.body_line == 3


@pytest.mark.parametrize("text, line, message, fix", [
    ("---\nid: x\ntitle: T\n", 1, "front matter starts with '---' but never ends",
     "close it with a line holding only '---'"),
    ("---\n- id: x\n- title: T\n---\n", 2, "front matter is not a mapping of 'key: value' lines",
     "write it as 'key: value' pairs between the '---' lines"),
    ("---\nJust a sentence.\n---\n", 2, "front matter is not a mapping of 'key: value' lines",
     "write it as 'key: value' pairs between the '---' lines"),
], ids=["never-ends", "a-list", "a-sentence"])
def test_broken_front_matter_names_file_and_line(text, line, message, fix):
    with pytest.raises(Problem) as caught:
        split_front_matter(text, "docs/lessons/x.md")
    assert str(caught.value) == f"docs/lessons/x.md:{line}: {message}; {fix}"


# ---- mkdocs.yml ----------------------------------------------------------------------------

CONFIG = """\
site_name: Course
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
      emoji_generator: !!python/name:material.extensions.emoji.to_svg
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          format: !!python/object/apply:pymdownx.superfences.fence_code_format {}
env_value: !ENV [SOME_VARIABLE, fallback]
extra:
  workshops:
    - date: 2027-13-01
    - date: 2027-03-18
    - date: 2027-03-18 09:30:00
"""


def test_mkdocs_yml_keeps_dates_as_text_so_a_wrong_one_can_be_reported():
    tree = load_config_yaml(CONFIG)
    assert [w["date"] for w in tree["extra"]["workshops"]] == ["2027-13-01", "2027-03-18", "2027-03-18 09:30:00"]


def test_mkdocs_yml_python_and_env_tags_are_ignored_not_run(tmp_path):
    flag = tmp_path / "ran"
    tree = load_config_yaml(CONFIG + f"danger: !!python/object/apply:os.system ['touch {flag}']\n")
    emoji = tree["markdown_extensions"][0]["pymdownx.emoji"]
    assert emoji == {"emoji_index": None, "emoji_generator": None}
    assert tree["env_value"] is None and tree["danger"] is None
    assert not flag.exists()


def test_mkdocs_yml_knows_its_lines():
    tree = load_config_yaml(CONFIG)
    assert tree.line_of("extra") == 11
    assert tree["extra"].line_of("workshops") == 12
    assert tree["extra"]["workshops"].item_lines == [13, 14, 15]


def test_the_real_mkdocs_yml_reads_with_its_lines():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    tree = load_config_yaml(text)
    assert isinstance(tree, LineDict)
    line = tree.line_of("extra")
    assert text.split("\n")[line - 1].startswith("extra:")


@pytest.mark.parametrize("text", ["extra: [a", "a:\n\tb: 1\n", "a: 'b"], ids=repr)
def test_mkdocs_yml_that_does_not_parse_is_left_to_mkdocs(text):
    assert load_config_yaml(text) is None


# ---- the file cache --------------------------------------------------------------------------

class Counter:
    """A parse function that records what it read."""

    def __init__(self):
        self.calls: list[str] = []

    def __call__(self, path: Path):
        self.calls.append(path.name)
        return path.read_text(encoding="utf-8")


def _touch(path: Path, text: str, mtime_ns: int) -> None:
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(mtime_ns, mtime_ns))


BASE_NS = 1_800_000_000 * 10**9


def test_an_unchanged_file_is_read_once(tmp_path):
    lesson = tmp_path / "seals-vvtt.md"
    _touch(lesson, "duration: 20", BASE_NS)
    cache, parse = FileCache(), Counter()
    assert cache.get("page", lesson, parse) == "duration: 20"
    assert cache.get("page", lesson, parse) == "duration: 20"
    cache.prune()
    assert cache.get("page", lesson, parse) == "duration: 20"
    assert parse.calls == ["seals-vvtt.md"]


@pytest.mark.parametrize("new_text, new_ns", [
    ("duration: 45", BASE_NS + 10**9),   # same size, saved a second later
    ("duration: 120", BASE_NS),          # other size, same time stamp (a copied file)
    ("duration: 21", BASE_NS + 10**6),   # same size, saved a millisecond later
], ids=["same-size-newer", "other-size-same-time", "same-second"])
def test_an_edited_file_is_read_again(tmp_path, new_text, new_ns):
    lesson = tmp_path / "seals-vvtt.md"
    _touch(lesson, "duration: 20", BASE_NS)
    cache, parse = FileCache(), Counter()
    cache.get("page", lesson, parse)
    _touch(lesson, new_text, new_ns)
    assert cache.get("page", lesson, parse) == new_text
    assert parse.calls == ["seals-vvtt.md", "seals-vvtt.md"]


def test_one_file_read_as_two_kinds_is_cached_for_each(tmp_path):
    path = tmp_path / "seals-vvtt.md"
    _touch(path, "x", BASE_NS)
    cache = FileCache()
    assert cache.get("page", path, lambda p: "page") == "page"
    assert cache.get("lesson", path, lambda p: "lesson") == "lesson"


def test_prune_forgets_files_no_longer_read(tmp_path):
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    _touch(a, "a", BASE_NS)
    _touch(b, "b", BASE_NS)
    cache, parse = FileCache(), Counter()
    cache.get("page", a, parse)
    cache.get("page", b, parse)
    cache.prune()
    assert len(cache.entries) == 2
    cache.get("page", a, parse)          # the next build reads a only (b was deleted)
    cache.prune()
    assert list(cache.entries) == [("page", str(a))]
    cache.prune()                        # a build that read nothing keeps nothing
    assert cache.entries == {}
