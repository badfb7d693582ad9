"""Quiz files and quiz markers: loading, every author error with its line, placements, hash.

Pure functions only (coursekit.quizzes); the broken inputs live in tests/bad_input/quizzes/.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from coursekit import quizzes
from coursekit.errors import AuthorErrors

ROOT = Path(__file__).resolve().parent.parent
BAD = Path(__file__).resolve().parent / "bad_input"
PLACEMENTS = BAD / "quizzes" / "placements"

GOOD = """\
id: good
title:
  en: "Check yourself: **seals**"
  zh: "自测：**封条**"
pass_mark: 60
shuffle: true
questions:
  - id: q1
    type: single
    prompt: {en: "Which class?", zh: "哪一级？"}
    options:
      - {id: a, text: {en: "Class I", zh: "I 级"}, feedback: {en: "Too weak.", zh: "太弱。"}}
      - {id: b, text: {en: "Class H", zh: "H 级"}, correct: true}
    explanation: {en: "Class H.", zh: "H 级。"}
  - id: q2
    type: multiple
    shuffle: false
    prompt: {en: "Which apply?", zh: "哪些适用？"}
    options:
      - {id: a, text: {en: "A", zh: "甲"}, correct: true}
      - {id: b, text: {en: "B", zh: "乙"}}
      - {id: c, text: {en: "C", zh: "丙"}, correct: true}
  - id: q3
    type: true_false
    prompt: {en: "CBP certifies factories.", zh: "CBP 认证工厂。"}
    answer: false
  - id: q4
    type: true_false
    prompt: {en: "Seals are logged.", zh: "封条要登记。"}
    options:
      - {id: "true", text: {en: "Yes, always", zh: "是"}, correct: true}
      - {id: "false", text: {en: "No", zh: "否"}}
"""


def write_quiz(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / "quizzes" / f"{name}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# ---- a good quiz ----------------------------------------------------------------------------

def test_good_quiz_loads_with_every_field(tmp_path):
    quiz = quizzes.load_quiz(write_quiz(tmp_path, "good", GOOD), tmp_path)
    assert quiz.id == "good" and quiz.path == "quizzes/good.yml" and quiz.pass_mark == 60
    assert quiz.title == {"en": "Check yourself: **seals**", "zh": "自测：**封条**"}
    assert [q.id for q in quiz.questions] == ["q1", "q2", "q3", "q4"]
    q1, q2, q3, q4 = quiz.questions
    assert q1.type == "single" and q1.correct_ids == ["b"] and q1.shuffle is True
    assert q1.options[0].feedback == {"en": "Too weak.", "zh": "太弱。"}
    assert q1.explanation == {"en": "Class H.", "zh": "H 级。"}
    assert q2.correct_ids == ["a", "c"] and q2.shuffle is False  # the question's own setting wins
    assert q2.explanation is None  # optional
    # `answer: false` becomes the options true/false, labelled in both languages.
    assert [(o.id, o.correct) for o in q3.options] == [("true", False), ("false", True)]
    assert q3.options[0].text == {"en": "True", "zh": "正确"}
    assert q3.shuffle is False  # True/False is never shuffled by the quiz-wide setting
    assert [(o.id, o.correct) for o in q4.options] == [("true", True), ("false", False)]
    assert q4.options[0].text["en"] == "Yes, always"


def test_pass_mark_defaults_to_80(tmp_path):
    text = GOOD.replace("pass_mark: 60\n", "")
    assert quizzes.load_quiz(write_quiz(tmp_path, "good", text), tmp_path).pass_mark == 80


def test_real_quizzes_all_load():
    """The authors' quiz files in quizzes/ pass every check (a failure names file and line)."""
    found, errors = quizzes.load_quizzes(ROOT / "quizzes", ROOT)
    assert [str(e) for e in errors] == []
    assert found and all(len(q.questions) >= 4 for q in found.values())


# ---- the hash that keys stored progress ------------------------------------------------------

def test_hash_ignores_wording_but_not_answers(tmp_path):
    base = quizzes.load_quiz(write_quiz(tmp_path, "good", GOOD), tmp_path).hash
    assert len(base) == 12 and int(base, 16) >= 0

    def variant(old, new):
        assert old in GOOD
        return quizzes.load_quiz(write_quiz(tmp_path, "good", GOOD.replace(old, new)), tmp_path).hash

    # Wording, language, feedback, pass mark, shuffling and order do not reset progress...
    assert variant('"Which class?"', '"Which seal class?"') == base
    assert variant('zh: "哪一级？"', 'zh: "哪一个等级？"') == base
    assert variant("pass_mark: 60", "pass_mark: 70") == base
    assert variant("shuffle: true\n", "") == base
    # ...a changed right answer, id or type does.
    assert variant('zh: "丙"}, correct: true}', 'zh: "丙"}}') != base
    assert variant("answer: false", "answer: true") != base
    assert variant("- id: q2", "- id: q9") != base
    assert variant('{id: c, text: {en: "C"', '{id: d, text: {en: "C"') != base
    assert variant("type: single", "type: multiple") != base


# ---- every author error, from tests/bad_input/quizzes/ --------------------------------------

BAD_QUIZZES = {
    "syntax-error.yml": [
        "quizzes/syntax-error.yml:7: invalid YAML: mapping values are not allowed in this context; "
        "check the indentation and quote text that contains ':' or '#'",
    ],
    "unknown-keys.yml": [
        "quizzes/unknown-keys.yml:3: unknown key 'pass_mrk'; did you mean 'pass_mark'?",
        "quizzes/unknown-keys.yml:7: question q1: unknown key 'promt'; did you mean 'prompt'?",
        "quizzes/unknown-keys.yml:9: question q1, option a: unknown key 'corect'; did you mean 'correct'?",
        "quizzes/unknown-keys.yml:11: question q1, explanation: unknown key 'fr'; remove it; "
        "the keys here are: en, zh",
        "quizzes/unknown-keys.yml:12: question q1: unknown key 'hint'; remove it; the keys here are: "
        "id, type, prompt, options, answer, explanation, shuffle",
    ],
    "missing-text.yml": [
        "quizzes/missing-text.yml:2: 'title' has no Chinese text (zh); add 'zh: \"...\"' under 'title'",
        "quizzes/missing-text.yml:9: question q1: 'prompt' has empty Chinese text (zh); "
        "write the Chinese text after 'zh:'",
        "quizzes/missing-text.yml:12: question q1, option a: 'text' has no English text (en); "
        "add 'en: \"...\"' under 'text'",
        "quizzes/missing-text.yml:16: question q1, option b: 'feedback' has no Chinese text (zh); "
        "add 'zh: \"...\"' under 'feedback'",
    ],
    "id-mismatch.yml": [
        "quizzes/id-mismatch.yml:1: the quiz id 'seal-basics' does not match the file name "
        "'id-mismatch.yml'; write 'id: id-mismatch' or rename the file to 'seal-basics.yml'",
    ],
    "duplicate-ids.yml": [
        "quizzes/duplicate-ids.yml:10: question q1: option id 'a' is used twice (first on line 8); "
        "give each option of a question its own id (a, b, c, ...)",
        "quizzes/duplicate-ids.yml:11: question id 'q1' is used twice (first on line 4); "
        "give each question its own id (q1, q2, ...) and never reuse one",
    ],
    "no-correct.yml": [
        "quizzes/no-correct.yml:7: question q1: no option is marked correct; "
        "mark the right one with 'correct: true'",
        "quizzes/no-correct.yml:13: question q2: no option is marked correct; "
        "mark each right one with 'correct: true'",
    ],
    "single-two-correct.yml": [
        "quizzes/single-two-correct.yml:7: question q1: 2 options are marked correct (a, c), but a "
        "single question has exactly one; keep 'correct: true' on one option, or use 'type: multiple'",
    ],
    "true-false.yml": [
        "quizzes/true-false.yml:7: question q1: a true_false question needs exactly two options with "
        "the ids 'true' and 'false' (found: yes, no); give the options the ids true and false, or "
        "replace them with 'answer: true' or 'answer: false'",
        "quizzes/true-false.yml:13: question q2: 'answer' must be true or false, not the text 'false'; "
        "write 'answer: true' or 'answer: false' (no quotes)",
        "quizzes/true-false.yml:17: question q3: has both 'answer' and 'options'; "
        "keep 'answer: true' or 'answer: false' and delete the options",
        "quizzes/true-false.yml:21: question q4: a true_false question has no 'answer'; "
        "add 'answer: true' or 'answer: false'",
        "quizzes/true-false.yml:27: question q5: 2 options are marked correct (true, false), but a "
        "true_false question has exactly one; keep 'correct: true' on one option only",
        "quizzes/true-false.yml:33: question q6: 'answer' is only for true_false questions; "
        "delete it and mark the right option with 'correct: true'",
    ],
    "pass-mark.yml": [
        "quizzes/pass-mark.yml:3: 'pass_mark' is 150, outside 0-100; "
        "give a percentage from 0 to 100, for example 'pass_mark: 80'",
    ],
    "pass-mark-percent.yml": [
        "quizzes/pass-mark-percent.yml:3: 'pass_mark' is the text '80%', not a whole number; "
        "give a percentage from 0 to 100 without '%', for example 'pass_mark: 80'",
    ],
    "too-few-options.yml": [
        "quizzes/too-few-options.yml:7: question q1: has only 1 option; give at least 2 options",
        "quizzes/too-few-options.yml:12: question q2: has no options; give at least 2 options",
    ],
    "not-a-mapping.yml": [
        "quizzes/not-a-mapping.yml:1: the file holds a list, not a quiz; start the file with "
        "'id: not-a-mapping' and give 'title:', 'pass_mark:' and 'questions:' as keys, not as list items",
    ],
    "list-where-dict.yml": [
        "quizzes/list-where-dict.yml:2: 'title' is a list, not English and Chinese text; "
        "write it as 'title: {en: \"...\", zh: \"...\"}'",
        "quizzes/list-where-dict.yml:6: question q1: 'prompt' is a list, not English and Chinese text; "
        "write it as 'prompt: {en: \"...\", zh: \"...\"}'",
        "quizzes/list-where-dict.yml:11: question q1: option 2 is a list, not an option; "
        "write it as '- {id: a, text: {en: \"...\", zh: \"...\"}}'",
        "quizzes/list-where-dict.yml:14: question q2: 'prompt' has one text, not one per language; "
        "write it as 'prompt: {en: \"...\", zh: \"...\"}'",
        "quizzes/list-where-dict.yml:15: question q2: 'options' is a mapping, not a list; "
        "list each option under 'options:' as '- {id: a, text: {en: ..., zh: ...}}'",
        "quizzes/list-where-dict.yml:16: question 3 is the text 'just a sentence', not a question; "
        "write it as '- id: q1' with 'type:', 'prompt:' and 'options:' indented under it",
    ],
    "empty.yml": [
        "quizzes/empty.yml:1: the file is empty; write the quiz: 'id: empty', 'title:', 'pass_mark:' "
        "and 'questions:' (see 'Add a quiz' in README.md)",
    ],
    "not-utf8.yml": [
        "quizzes/not-utf8.yml:2: the file is not UTF-8 text (byte 0xe9 cannot be read); "
        "save the file with the UTF-8 encoding",
    ],
    "duplicate-key.yml": [
        "quizzes/duplicate-key.yml:11: duplicate key 'correct'; keep one of them (each key once per block)",
    ],
    "wrong-type.yml": [
        "quizzes/wrong-type.yml:3: 'shuffle' must be true or false, not the text 'yes'; "
        "write 'shuffle: true' or 'shuffle: false' (no quotes)",
        "quizzes/wrong-type.yml:6: question q1: unknown type 'singel'; did you mean 'single'?",
        "quizzes/wrong-type.yml:9: question q1, option a: 'correct' must be true or false, not the "
        "text 'true'; write 'correct: true' or 'correct: false' (no quotes)",
        "quizzes/wrong-type.yml:10: question q1, option 2: 'id' is the text 'b c', not a usable id; "
        "use letters, digits, '-' or '_' only, for example 'id: a'",
        "quizzes/wrong-type.yml:11: question q2: 'type' is missing; add 'type: true_false' (it has an 'answer')",
    ],
}


@pytest.mark.parametrize("name", sorted(BAD_QUIZZES))
def test_bad_quiz_reports_every_problem_with_file_and_line(name):
    path = BAD / "quizzes" / name
    with pytest.raises(AuthorErrors) as caught:
        quizzes.load_quiz(path, BAD)
    assert [str(e) for e in caught.value.errors] == BAD_QUIZZES[name]
    for error, expected in zip(caught.value.errors, BAD_QUIZZES[name]):
        assert error.path == f"quizzes/{name}"
        assert error.line == int(expected.split(":")[1])


def test_the_bad_corpus_is_fully_covered():
    on_disk = {p.name for p in (BAD / "quizzes").glob("*.yml")}
    assert on_disk == set(BAD_QUIZZES)


def test_load_quizzes_keeps_the_good_and_lists_every_problem_of_the_bad(tmp_path):
    write_quiz(tmp_path, "good", GOOD)
    write_quiz(tmp_path, "bad", GOOD.replace("id: good", "id: bad").replace("pass_mark: 60", "pass_mark: 101")
               .replace("type: multiple", "type: several"))
    (tmp_path / "quizzes" / "other.yaml").write_text("id: other\n", encoding="utf-8")
    (tmp_path / "quizzes" / "notes.txt").write_text("not a quiz\n", encoding="utf-8")
    found, errors = quizzes.load_quizzes(tmp_path / "quizzes", tmp_path)
    assert list(found) == ["good"]
    assert [str(e) for e in errors] == [
        "quizzes/bad.yml:5: 'pass_mark' is 101, outside 0-100; give a percentage from 0 to 100, "
        "for example 'pass_mark: 80'",
        "quizzes/bad.yml:16: question q2: unknown type 'several'; use single, multiple or true_false",
        "quizzes/other.yaml: quiz files must end in '.yml', so this file is not read; rename it to other.yml",
    ]


def test_load_quizzes_without_a_folder_is_empty(tmp_path):
    assert quizzes.load_quizzes(tmp_path / "quizzes", tmp_path) == ({}, [])


@pytest.mark.parametrize("text", [
    "questions:\n  - [1, 2]\n  - 3\n",
    "id: x\ntitle: {en: 1, zh: [a]}\nquestions: {}\n",
    "id: x\nquestions:\n  - id: {a: 1}\n    type: [single]\n    options: [[], {}, 3]\n",
    "id: x\nquestions:\n  - options:\n      - {id: true, correct: maybe, text: null, feedback: []}\n",
    "\ufeff# only a comment\n",
    "42\n",
    "id: !!binary aGVsbG8=\n",
    "id: x\n\tquestions: []\n",
])
def test_odd_shapes_give_author_errors_never_a_traceback(tmp_path, text):
    path = write_quiz(tmp_path, "x", text)
    with pytest.raises(AuthorErrors) as caught:
        quizzes.load_quiz(path, tmp_path)
    assert caught.value.errors
    for error in caught.value.errors:
        assert str(error).startswith("quizzes/x.yml:") and "; " in str(error)


# ---- markers and placements -----------------------------------------------------------------

def test_find_markers_counts_front_matter_lines_and_skips_code():
    text = (PLACEMENTS / "docs_zh/lessons/practice/seals-vvtt.md").read_text(encoding="utf-8")
    errors = []
    markers = quizzes.find_markers(text, "docs_zh/lessons/practice/seals-vvtt.md", errors)
    assert markers == [("seal-vvtt", 57)]  # the example inside ``` on line 19 is not a placement
    assert [str(e) for e in errors] == [
        "docs_zh/lessons/practice/seals-vvtt.md:59: this quiz marker is not one the build "
        "understands; write it alone on its line as '<!-- quiz: QUIZ-ID -->', with the id of a "
        "file in quizzes/",
    ]


@pytest.mark.parametrize("line, expected", [
    ("<!-- quiz: seals-vvtt -->", [("seals-vvtt", 1)]),
    ("  <!--quiz:seals-vvtt-->  ", [("seals-vvtt", 1)]),
    ("<!-- quiz: -->", []),
    ("Text <!-- quiz: seals-vvtt -->", []),
    ("<!-- glossary -->", []),
])
def test_marker_forms(line, expected):
    assert quizzes.find_markers(line + "\n", "a.md") == expected


def scan(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): quizzes.find_markers(p.read_text(encoding="utf-8"), "x")
            for p in sorted(folder.rglob("*.md"))}


def test_placements_report_unknown_quiz_one_language_and_unused_quiz():
    found, load_errors = quizzes.load_quizzes(PLACEMENTS / "quizzes", PLACEMENTS)
    assert load_errors == [] and sorted(found) == ["container-inspection", "seals-vvtt", "unused"]
    errors, warnings = quizzes.check_placements(scan(PLACEMENTS / "docs"), scan(PLACEMENTS / "docs_zh"), found)
    assert [str(e) for e in errors] == [
        "docs_zh/lessons/practice/seals-vvtt.md:57: the quiz marker names 'seal-vvtt', but there is "
        "no quizzes/seal-vvtt.yml; did you mean '<!-- quiz: seals-vvtt -->'?",
    ]
    # english-only.md has no Chinese twin: /zh/ shows it with its quiz, so it is not reported.
    assert [str(w) for w in warnings] == [
        "docs/lessons/practice/seals-vvtt.md:49: quiz 'seals-vvtt' is placed here but not in "
        "docs_zh/lessons/practice/seals-vvtt.md; add the line '<!-- quiz: seals-vvtt -->' to "
        "docs_zh/lessons/practice/seals-vvtt.md as well",
        "docs/lessons/practice/seals-vvtt.md:51: quiz 'container-inspection' is placed here but not in "
        "docs_zh/lessons/practice/seals-vvtt.md; add the line '<!-- quiz: container-inspection -->' to "
        "docs_zh/lessons/practice/seals-vvtt.md as well",
        "quizzes/unused.yml:2: quiz 'unused' is not placed on any page; add the line "
        "'<!-- quiz: unused -->' to its lesson in docs/ and docs_zh/, or delete the file",
    ]


def test_placement_in_chinese_only_is_reported_at_the_chinese_marker():
    found, _ = quizzes.load_quizzes(PLACEMENTS / "quizzes", PLACEMENTS)
    en = {"lessons/a.md": [], "lessons/b.md": [("unused", 5)], "lessons/c.md": [("container-inspection", 3)]}
    zh = {"lessons/a.md": [("seals-vvtt", 9)], "lessons/b.md": [("unused", 7)], "lessons/c.md": [("container-inspection", 4)]}
    errors, warnings = quizzes.check_placements(en, zh, found)
    assert errors == []
    assert [str(w) for w in warnings] == [
        "docs_zh/lessons/a.md:9: quiz 'seals-vvtt' is placed here but not in docs/lessons/a.md; "
        "add the line '<!-- quiz: seals-vvtt -->' to docs/lessons/a.md as well",
    ]


def test_marker_naming_a_broken_quiz_file_is_not_called_unknown():
    errors, _ = quizzes.check_placements({"a.md": [("broken", 3)]}, {"a.md": [("broken", 3)]}, {},
                                         known_files={"broken"})
    assert errors == []
