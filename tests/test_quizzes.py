"""Quiz files as an author writes them: what loads, and every mistake named with file and line.

Pure functions only (``coursekit.model.quizzes``, and ``coursekit.model.pages`` for the
markers); no MkDocs build. The broken files live in ``tests/bad_input/quizzes/``, each with
the exact messages the build prints for it (the author-facing contract) in ``BAD_QUIZZES``.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
import yaml

from coursekit.model.course import load_course
from coursekit.model.pages import find_markers
from coursekit.model.quizzes import SKILLS, load_quiz, read_quiz
from coursekit.problems import Problem, Problems
from coursekit.strings import STRINGS

import course_files

ROOT = Path(__file__).resolve().parent.parent
BAD = Path(__file__).resolve().parent / "bad_input" / "quizzes"
PLACEMENTS = BAD / "placements"

# A good quiz using every field of the format (README.md, "Add a quiz").
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
    skill: recall
    prompt: {en: "Which class?", zh: "哪一级？"}
    options:
      - {id: a, text: {en: "Class I", zh: "I 级"}, feedback: {en: "Too weak.", zh: "太弱。"}}
      - {id: b, text: {en: "Class H", zh: "H 级"}, correct: true}
    explanation: {en: "Class H.", zh: "H 级。"}
  - id: q2
    type: multiple
    skill: apply
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

# The smallest quiz that loads: one single-choice question.
ONE_QUESTION = """\
id: demo
title: {en: "Seals", zh: "封条"}
questions:
  - id: q1
    type: single
    prompt: {en: "Which class?", zh: "哪一级？"}
    options:
      - {id: a, text: {en: "Class I", zh: "I 级"}}
      - {id: b, text: {en: "Class H", zh: "H 级"}, correct: true}
"""


def write_quiz(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / "quizzes" / f"{name}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def load(tmp_path: Path, text: str, name: str = "demo"):
    return load_quiz(write_quiz(tmp_path, name, text), f"quizzes/{name}.yml")


def messages(tmp_path: Path, text: str, name: str = "demo") -> list[str]:
    """The problems of a quiz file that must not load; asserts it gave no quiz."""
    quiz, problems = read_quiz(write_quiz(tmp_path, name, text), f"quizzes/{name}.yml")
    assert quiz is None, "a quiz with problems must not load"
    assert problems
    return [str(p) for p in problems]


def replace(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new)


# ---- a good quiz ----------------------------------------------------------------------------

def test_good_quiz_loads_with_every_field(tmp_path):
    quiz = load(tmp_path, GOOD, "good")
    assert (quiz.id, quiz.path, quiz.pass_mark, quiz.shuffle) == ("good", "quizzes/good.yml", 60, True)
    assert quiz.title == {"en": "Check yourself: **seals**", "zh": "自测：**封条**"}
    assert not quiz.is_pool and quiz.draw is None and quiz.draw_total == 4
    assert [q.id for q in quiz.questions] == ["q1", "q2", "q3", "q4"]
    q1, q2, q3, q4 = quiz.questions
    assert (q1.type, q1.skill, q1.shuffle) == ("single", "recall", True)  # the quiz-wide shuffle
    assert [(o.id, o.correct) for o in q1.options] == [("a", False), ("b", True)]
    assert q1.options[0].feedback == {"en": "Too weak.", "zh": "太弱。"}
    assert q1.options[1].feedback is None
    assert q1.explanation == {"en": "Class H.", "zh": "H 级。"}
    assert [o.id for o in q2.options if o.correct] == ["a", "c"]
    assert (q2.skill, q2.shuffle, q2.explanation) == ("apply", False, None)  # its own setting wins
    # `answer: false` becomes the options true and false, labelled in both languages.
    assert [(o.id, o.correct) for o in q3.options] == [("true", False), ("false", True)]
    assert q3.options[0].text == {"en": STRINGS["en"]["true"], "zh": STRINGS["zh"]["true"]}
    assert q3.options[1].text == {"en": STRINGS["en"]["false"], "zh": STRINGS["zh"]["false"]}
    assert q3.shuffle is False  # true/false is never shuffled by the quiz-wide setting
    assert [(o.id, o.correct) for o in q4.options] == [("true", True), ("false", False)]
    assert q4.options[0].text["en"] == "Yes, always"
    assert (q1.module, q1.lesson) == (None, "")  # only pools carry these


def test_lines_are_remembered_for_later_messages(tmp_path):
    quiz = load(tmp_path, GOOD, "good")
    text = textwrap.dedent(GOOD).split("\n")
    assert text[quiz.line - 1] == "id: good"
    for question in quiz.questions:
        assert text[question.line - 1].strip() == f"- id: {question.id}"


def test_text_is_trimmed_and_a_number_is_text(tmp_path):
    quiz = load(tmp_path, replace(ONE_QUESTION, 'title: {en: "Seals", zh: "封条"}',
                                  'title: {en: "  Seals  ", zh: 17712}'))
    assert quiz.title == {"en": "Seals", "zh": "17712"}


def test_a_byte_order_mark_is_not_an_error(tmp_path):
    assert load(tmp_path, "\ufeff" + ONE_QUESTION).id == "demo"


def test_pass_mark_defaults_to_80(tmp_path):
    assert load(tmp_path, ONE_QUESTION).pass_mark == 80


@pytest.mark.parametrize("value", [0, 1, 50, 99, 100], ids=lambda v: f"pass_mark-{v}")
def test_every_pass_mark_from_0_to_100_is_accepted(tmp_path, value):
    text = replace(ONE_QUESTION, "questions:", f"pass_mark: {value}\nquestions:")
    assert load(tmp_path, text).pass_mark == value


@pytest.mark.parametrize("value, problem", [
    ("101", "'pass_mark' is 101, outside 0-100; give a percentage from 0 to 100, for example 'pass_mark: 80'"),
    ("-1", "'pass_mark' is -1, outside 0-100; give a percentage from 0 to 100, for example 'pass_mark: 80'"),
    ("80.5", "'pass_mark' is '80.5', not a whole number; give a percentage from 0 to 100 without '%', "
             "for example 'pass_mark: 80'"),
    ("true", "'pass_mark' is 'true', not a whole number; give a percentage from 0 to 100 without '%', "
             "for example 'pass_mark: 80'"),
    ('"80"', "'pass_mark' is the text '80', not a whole number; give a percentage from 0 to 100 "
             "without '%', for example 'pass_mark: 80'"),
], ids=["101", "minus-1", "fraction", "boolean", "quoted"])
def test_pass_mark_outside_0_to_100_or_not_a_whole_number_is_an_error(tmp_path, value, problem):
    text = replace(ONE_QUESTION, "questions:", f"pass_mark: {value}\nquestions:")
    assert messages(tmp_path, text) == [f"quizzes/demo.yml:3: {problem}"]


# ---- required parts: an error, never a quiz with None in it ---------------------------------

@pytest.mark.parametrize("old, new, expected", [
    ('title: {en: "Seals", zh: "封条"}\n', "",
     "quizzes/demo.yml:1: 'title' is missing; add 'title:' with 'en:' and 'zh:' text under it"),
    ('title: {en: "Seals", zh: "封条"}', "title:",
     "quizzes/demo.yml:2: 'title' is empty; give 'title:' its 'en:' and 'zh:' text"),
    ('    prompt: {en: "Which class?", zh: "哪一级？"}\n', "",
     "quizzes/demo.yml:4: question q1: 'prompt' is missing; add 'prompt:' with 'en:' and 'zh:' text under it"),
    ('{id: a, text: {en: "Class I", zh: "I 级"}}', "{id: a}",
     "quizzes/demo.yml:8: question q1, option a: 'text' is missing; add 'text:' with 'en:' and 'zh:' text "
     "under it"),
    ('{id: a, text: {en: "Class I", zh: "I 级"}}', "{id: a, text: null}",
     "quizzes/demo.yml:8: question q1, option a: 'text' is empty; give 'text:' its 'en:' and 'zh:' text"),
    ('{id: a, text: {en: "Class I", zh: "I 级"}}', '{text: {en: "Class I", zh: "I 级"}}',
     "quizzes/demo.yml:8: question q1, option 1: 'id' is missing; add 'id: a'"),
    ("  - id: q1\n    type: single", "  - type: single",
     "quizzes/demo.yml:4: question 1: 'id' is missing; add 'id: q1'"),
    ("    type: single\n", "",
     "quizzes/demo.yml:4: question q1: 'type' is missing; add 'type: single', 'type: multiple' or "
     "'type: true_false'"),
    ("id: demo\n", "",
     "quizzes/demo.yml:1: 'id' is missing; add 'id: demo'"),
], ids=["no-title", "empty-title", "no-prompt", "option-without-text", "option-text-null",
        "option-without-id", "question-without-id", "no-type", "no-quiz-id"])
def test_a_missing_required_part_is_an_error_not_a_quiz_with_none(tmp_path, old, new, expected):
    assert messages(tmp_path, replace(ONE_QUESTION, old, new)) == [expected]


def test_load_quiz_raises_every_problem_of_the_file_at_once(tmp_path):
    text = replace(replace(ONE_QUESTION, 'title: {en: "Seals", zh: "封条"}\n', ""), "type: single", "type: singel")
    with pytest.raises(Problems) as caught:
        load_quiz(write_quiz(tmp_path, "demo", text), "quizzes/demo.yml")
    assert [str(p) for p in caught.value.problems] == [
        "quizzes/demo.yml:1: 'title' is missing; add 'title:' with 'en:' and 'zh:' text under it",
        "quizzes/demo.yml:4: question q1: unknown type 'singel'; did you mean 'single'?",
    ]
    assert all(isinstance(p, Problem) and p.path == "quizzes/demo.yml" for p in caught.value.problems)


def test_empty_question_list_is_an_error(tmp_path):
    text = 'id: demo\ntitle: {en: "Seals", zh: "封条"}\nquestions: []\n'
    assert messages(tmp_path, text) == [
        "quizzes/demo.yml:3: 'questions' is an empty list, not a list of questions; list each question "
        "under 'questions:' as '- id: q1' with its keys indented"]


def test_a_single_question_without_options_is_an_error_not_dropped(tmp_path):
    text = replace(ONE_QUESTION, ONE_QUESTION[ONE_QUESTION.index("    options:"):], "")
    assert messages(tmp_path, text) == [
        "quizzes/demo.yml:4: question q1: 'options' is missing; add an 'options:' list with at least 2 options"]


@pytest.mark.parametrize("value, kind", [
    ("[Which, class?]", "a list"), ("{a: 1}", "a mapping"), ("yes", "'true'"), ("null", "nothing"),
], ids=["list", "mapping", "boolean", "null"])
def test_a_language_value_that_is_not_text_is_named(tmp_path, value, kind):
    text = replace(ONE_QUESTION, 'prompt: {en: "Which class?", zh: "哪一级？"}',
                   f'prompt: {{en: {value}, zh: "哪一级？"}}')
    assert messages(tmp_path, text) == [
        f"quizzes/demo.yml:6: question q1: 'prompt' en is {kind}, not text; "
        "write the English text in quotes after 'en:'"]


def test_read_quiz_never_raises_even_for_a_missing_file(tmp_path):
    quiz, problems = read_quiz(tmp_path / "quizzes" / "gone.yml", "quizzes/gone.yml")
    assert quiz is None
    assert [str(p) for p in problems] == [
        "quizzes/gone.yml: cannot read the file (No such file or directory); check that it exists and can be read"]


# ---- skills ---------------------------------------------------------------------------------

@pytest.mark.parametrize("skill", ["recall", "understand", "apply", "analyse"])
def test_every_skill_of_the_format_is_accepted(tmp_path, skill):
    text = replace(ONE_QUESTION, "type: single", f"type: single\n    skill: {skill}")
    assert load(tmp_path, text).questions[0].skill == skill
    assert skill in SKILLS


def test_skill_is_optional(tmp_path):
    assert load(tmp_path, ONE_QUESTION).questions[0].skill == ""


@pytest.mark.parametrize("value, fix", [
    ("aply", "did you mean 'apply'?"),
    ("analyze", "did you mean 'analyse'?"),
    ("Recall", "did you mean 'recall'?"),
    ("memorise", "use recall, understand, apply or analyse"),
], ids=["typo", "american-spelling", "capital", "unknown"])
def test_an_unknown_skill_is_named_with_a_suggestion(tmp_path, value, fix):
    text = replace(ONE_QUESTION, "type: single", f"type: single\n    skill: {value}")
    assert messages(tmp_path, text) == [f"quizzes/demo.yml:6: question q1: unknown skill '{value}'; {fix}"]


@pytest.mark.parametrize("value, kind", [
    ("[apply]", "a list"), ("{apply: 1}", "a mapping"), ("true", "'true'"),
], ids=["list", "mapping", "bool"])
def test_a_skill_that_is_not_text_is_an_error_on_its_line_listing_the_skills(tmp_path, value, kind):
    text = replace(ONE_QUESTION, "type: single", f"type: single\n    skill: {value}")
    assert messages(tmp_path, text) == [
        f"quizzes/demo.yml:6: question q1: 'skill' is {kind}; use recall, understand, apply or analyse"]


# ---- assessment pools -----------------------------------------------------------------------

def pool(draw: str, modules: list[int], lesson: str = "seals-vvtt") -> str:
    """A pool quiz with one true/false question per entry of ``modules``."""
    lines = ["id: pool", 'title: {en: "Final assessment", zh: "结业测评"}', f"draw: {draw}", "questions:"]
    for number, module in enumerate(modules, 1):
        lines += [f"  - id: q{number}", "    type: true_false", f"    module: {module}", f"    lesson: {lesson}",
                  f'    prompt: {{en: "Statement {number}", zh: "陈述 {number}"}}', "    answer: true"]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("draw, modules, expected, total", [
    ("20", [1, 2, 3, 4] * 10, {None: 20}, 20),
    ("{1: 4, 3: 9}", [1] * 8 + [3] * 18, {1: 4, 3: 9}, 13),
    ("2", [3, 3], {None: 2}, 2),  # exactly the pool: allowed
], ids=["whole-pool", "per-module", "draw-equals-pool"])
def test_an_assessment_pool_draws_questions_per_attempt(tmp_path, draw, modules, expected, total):
    quiz = load(tmp_path, pool(draw, modules), "pool")
    assert quiz.is_pool and quiz.draw == expected and quiz.draw_total == total
    assert [q.module for q in quiz.questions] == modules
    assert {q.lesson for q in quiz.questions} == {"seals-vvtt"}


def test_pool_questions_may_leave_out_module_and_lesson(tmp_path):
    text = replace(replace(pool("1", [3]), "    module: 3\n", ""), "    lesson: seals-vvtt\n", "")
    question = load(tmp_path, text, "pool").questions[0]
    assert (question.module, question.lesson) == (None, "")


@pytest.mark.parametrize("draw, modules, problem", [
    ("3", [1, 2], "'draw' asks for 3 questions from the pool, which has 2"),
    ("{1: 2, 3: 2}", [1, 1, 3], "'draw' asks for 2 questions from module 3, which has 1"),
    ("{1: 2, 4: 2}", [1, 1, 3], "'draw' asks for 2 questions from module 4, which has 0"),
], ids=["whole-pool", "per-module", "module-without-questions"])
def test_a_draw_larger_than_the_pool_is_an_error(tmp_path, draw, modules, problem):
    assert messages(tmp_path, pool(draw, modules), "pool") == [
        f"quizzes/pool.yml:3: {problem}; add questions or draw fewer (a pool should hold at least twice the draw)"]


def test_a_draw_of_one_question_is_worded_in_the_singular(tmp_path):
    assert messages(tmp_path, pool("{1: 1, 3: 1}", [1]), "pool") == [
        "quizzes/pool.yml:3: 'draw' asks for 1 question from module 3, which has 0; add questions or draw fewer "
        "(a pool should hold at least twice the draw)"]


@pytest.mark.parametrize("draw", ["0", "-5", "twenty", "[1, 2]", "{}", "{one: 2}", "{1: 0}", "true", "2.5"])
def test_a_draw_that_is_not_a_number_of_questions_is_an_error(tmp_path, draw):
    (message, *rest) = messages(tmp_path, pool(draw, [1, 1, 1]), "pool")
    assert message.startswith("quizzes/pool.yml:3: 'draw' is ")
    assert message.endswith(", not a number of questions; write the questions drawn per attempt, e.g. "
                            "'draw: 20', or per module, e.g. 'draw: {1: 4, 2: 5, 3: 9, 4: 2}'")


@pytest.mark.parametrize("old, new, expected", [
    ("module: 1", "module: one",
     "quizzes/pool.yml:7: question q1: 'module' is the text 'one', not a module number; write e.g. 'module: 3'"),
    ("module: 1", "module: true",
     "quizzes/pool.yml:7: question q1: 'module' is 'true', not a module number; write e.g. 'module: 3'"),
    ("lesson: seals-vvtt", "lesson: Seals VVTT",
     "quizzes/pool.yml:8: question q1: 'lesson' is the text 'Seals VVTT', not a lesson id; "
     "write e.g. 'lesson: seals-vvtt'"),
], ids=["module-text", "module-boolean", "lesson-not-an-id"])
def test_pool_question_origin_must_be_a_module_number_and_a_lesson_id(tmp_path, old, new, expected):
    assert messages(tmp_path, replace(pool("1", [1]), old, new), "pool") == [expected]


@pytest.mark.parametrize("key, value, line", [("module", "3", 6), ("lesson", "seals-vvtt", 6)])
def test_module_or_lesson_on_a_self_check_is_an_error(tmp_path, key, value, line):
    text = replace(ONE_QUESTION, "type: single", f"type: single\n    {key}: {value}")
    assert messages(tmp_path, text) == [
        f"quizzes/demo.yml:{line}: question q1: '{key}' is only for assessment pools; delete it "
        "(a self-check belongs to its lesson), or give the quiz a 'draw:'"]


# ---- the hash that keys stored progress ------------------------------------------------------

HASH_CHANGES = {
    # Wording, language, feedback, explanation, pass mark, shuffling and order keep progress...
    "prompt wording": ('"Which class?"', '"Which seal class?"', False),
    "Chinese wording": ('zh: "哪一级？"', 'zh: "哪一个等级？"', False),
    "option wording": ('en: "Class H"', 'en: "Class H (ISO 17712)"', False),
    "title": ('en: "Check yourself: **seals**"', 'en: "Seals"', False),
    "feedback": ('"Too weak."', '"Not enough."', False),
    "explanation": ('explanation: {en: "Class H.", zh: "H 级。"}', 'explanation: {en: "H.", zh: "H。"}', False),
    "pass mark": ("pass_mark: 60", "pass_mark: 70", False),
    "shuffle": ("shuffle: true\n", "", False),
    "skill": ("skill: recall", "skill: understand", False),
    "answer shorthand written out": (
        "    answer: false\n",
        '    options:\n      - {id: "true", text: {en: "T", zh: "对"}}\n'
        '      - {id: "false", text: {en: "F", zh: "错"}, correct: true}\n', False),
    # ...a changed right answer, id or type resets it.
    "correct flag removed": ('zh: "丙"}, correct: true}', 'zh: "丙"}}', True),
    "correct flag moved": ('{id: b, text: {en: "B", zh: "乙"}}', '{id: b, text: {en: "B", zh: "乙"}, correct: true}', True),
    "true/false answer": ("answer: false", "answer: true", True),
    "question id": ("- id: q2", "- id: q9", True),
    "option id": ('{id: c, text: {en: "C"', '{id: d, text: {en: "C"', True),
    "question type": ("    type: single\n    skill: recall", "    type: multiple\n    skill: recall", True),
    "question removed": (GOOD[GOOD.index("  - id: q4"):], "", True),
}


@pytest.mark.parametrize("change", HASH_CHANGES)
def test_hash_changes_with_ids_types_and_answers_but_not_wording(tmp_path, change):
    old, new, resets = HASH_CHANGES[change]
    base = load(tmp_path, GOOD, "good").hash
    assert len(base) == 12 and all(c in "0123456789abcdef" for c in base)
    changed = load(tmp_path, replace(GOOD, old, new), "good").hash
    assert (changed != base) is resets


def test_hash_ignores_question_and_option_order(tmp_path):
    base = load(tmp_path, ONE_QUESTION).hash
    swapped = replace(ONE_QUESTION, '      - {id: a, text: {en: "Class I", zh: "I 级"}}\n'
                                    '      - {id: b, text: {en: "Class H", zh: "H 级"}, correct: true}\n',
                      '      - {id: b, text: {en: "Class H", zh: "H 级"}, correct: true}\n'
                      '      - {id: a, text: {en: "Class I", zh: "I 级"}}\n')
    assert load(tmp_path, swapped).hash == base


def test_two_quizzes_with_the_same_questions_have_different_hashes(tmp_path):
    one = load(tmp_path, ONE_QUESTION)
    other = load(tmp_path, replace(ONE_QUESTION, "id: demo", "id: other"), "other")
    assert one.hash != other.hash


# ---- the authors' own quizzes ----------------------------------------------------------------

REAL_QUIZZES = sorted((ROOT / "quizzes").glob("*.yml"))


@pytest.mark.parametrize("path", REAL_QUIZZES, ids=lambda p: p.stem)
def test_every_real_quiz_loads_with_the_questions_on_disk(path):
    quiz, problems = read_quiz(path, f"quizzes/{path.name}")
    assert [str(p) for p in problems] == []
    on_disk = yaml.safe_load(path.read_text(encoding="utf-8"))  # read independently of the code
    assert quiz.id == on_disk["id"] == path.stem
    assert [q.id for q in quiz.questions] == [q["id"] for q in on_disk["questions"]]
    assert quiz.pass_mark == on_disk.get("pass_mark", 80)
    if not quiz.is_pool:
        assert len(quiz.questions) >= 4, "each lesson's quiz has at least four questions"


# ---- odd shapes: author errors, never a traceback --------------------------------------------

@pytest.mark.parametrize("text", [
    "questions:\n  - [1, 2]\n  - 3\n",
    "id: x\ntitle: {en: 1, zh: [a]}\nquestions: {}\n",
    "id: x\nquestions:\n  - id: {a: 1}\n    type: [single]\n    options: [[], {}, 3]\n",
    "id: x\nquestions:\n  - options:\n      - {id: true, correct: maybe, text: null, feedback: []}\n",
    "id: x\nquestions:\n  - id: q1\n    type: true_false\n    answer: maybe\n    skill: 3\n",
    "id: x\ndraw: {1: 2}\nquestions:\n  - id: q1\n    type: true_false\n    module: [1]\n    answer: true\n",
    "\ufeff# only a comment\n",
    "42\n",
    "just some text\n",
    "id: !!binary aGVsbG8=\n",
    "id: !!python/object/apply:os.system [echo]\n",
    "id: x\n\tquestions: []\n",
    "id: x\ntitle: {en: a, zh: b}\nquestions:\n  -\n  - null\n",
], ids=["list-items", "wrong-containers", "ids-as-mappings", "option-of-nonsense", "answer-maybe",
        "pool-module-list", "only-a-comment", "a-number", "a-sentence", "binary-tag", "python-tag", "tab",
        "empty-items"])
def test_odd_shapes_give_author_errors_never_a_traceback(tmp_path, text):
    path = tmp_path / "quizzes" / "x.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    quiz, problems = read_quiz(path, "quizzes/x.yml")
    assert quiz is None and problems
    for problem in problems:
        assert str(problem).startswith("quizzes/x.yml:") and "; " in str(problem), str(problem)
        assert problem.line is None or problem.line >= 1


# ---- every author error, from tests/bad_input/quizzes/ --------------------------------------

BAD_QUIZZES = {
    "syntax-error.yml": [
        "quizzes/syntax-error.yml:7: a ': ' inside a text makes YAML read it as a key; "
        "put the whole text in quotes, e.g. title: \"Note: read this\"",
    ],
    "tab.yml": [
        "quizzes/tab.yml:5: a tab character is used for indentation or spacing; "
        "YAML indents with spaces only: replace the tab with spaces",
    ],
    "unclosed-brace.yml": [
        "quizzes/unclosed-brace.yml:6: a '{' opened on this line is not closed; "
        "add the '}' at the end, and quote text that contains ',' or ':'",
    ],
    "unclosed-quote.yml": [
        "quizzes/unclosed-quote.yml:3: a quoted text is not closed; end it with the same quote it starts with",
    ],
    "unknown-keys.yml": [
        "quizzes/unknown-keys.yml:3: unknown key 'pass_mrk'; did you mean 'pass_mark'?",
        "quizzes/unknown-keys.yml:7: question q1: unknown key 'promt'; did you mean 'prompt'?",
        "quizzes/unknown-keys.yml:9: question q1, option a: unknown key 'corect'; did you mean 'correct'?",
        "quizzes/unknown-keys.yml:11: question q1, explanation: unknown key 'fr'; remove it; "
        "the keys here are: en, zh",
        "quizzes/unknown-keys.yml:12: question q1: unknown key 'hint'; remove it; the keys here are: "
        "id, type, skill, module, lesson, prompt, options, answer, explanation, shuffle",
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
    "missing-fields.yml": [
        "quizzes/missing-fields.yml:1: 'title' is missing; add 'title:' with 'en:' and 'zh:' text under it",
        "quizzes/missing-fields.yml:4: question q1: 'prompt' is missing; add 'prompt:' with 'en:' and 'zh:' "
        "text under it",
        "quizzes/missing-fields.yml:8: question q1, option b: 'text' is missing; add 'text:' with 'en:' and "
        "'zh:' text under it",
    ],
    "language-list.yml": [
        "quizzes/language-list.yml:7: question q1: 'prompt' en is a list, not text; "
        "write the English text in quotes after 'en:'",
        "quizzes/language-list.yml:10: question q1, option a: 'text' zh is a list, not text; "
        "write the Chinese text in quotes after 'zh:'",
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
    "pass-mark-over.yml": [
        "quizzes/pass-mark-over.yml:3: 'pass_mark' is 101, outside 0-100; "
        "give a percentage from 0 to 100, for example 'pass_mark: 80'",
    ],
    "pass-mark-negative.yml": [
        "quizzes/pass-mark-negative.yml:3: 'pass_mark' is -1, outside 0-100; "
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
    "no-options.yml": [
        "quizzes/no-options.yml:4: question q1: 'options' is missing; add an 'options:' list with at least "
        "2 options",
    ],
    "empty-questions.yml": [
        "quizzes/empty-questions.yml:4: 'questions' is an empty list, not a list of questions; list each "
        "question under 'questions:' as '- id: q1' with its keys indented",
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
    "skill.yml": [
        "quizzes/skill.yml:6: question q1: unknown skill 'aply'; did you mean 'apply'?",
        "quizzes/skill.yml:11: question q2: unknown skill 'memorise'; use recall, understand, apply or analyse",
    ],
    "origin-not-pool.yml": [
        "quizzes/origin-not-pool.yml:6: question q1: 'module' is only for assessment pools; delete it "
        "(a self-check belongs to its lesson), or give the quiz a 'draw:'",
        "quizzes/origin-not-pool.yml:7: question q1: 'lesson' is only for assessment pools; delete it "
        "(a self-check belongs to its lesson), or give the quiz a 'draw:'",
    ],
    "pool-too-small.yml": [
        "quizzes/pool-too-small.yml:4: 'draw' asks for 3 questions from the pool, which has 2; "
        "add questions or draw fewer (a pool should hold at least twice the draw)",
    ],
    "pool-module-too-small.yml": [
        "quizzes/pool-module-too-small.yml:3: 'draw' asks for 2 questions from module 3, which has 1; "
        "add questions or draw fewer (a pool should hold at least twice the draw)",
    ],
    "pool-bad-values.yml": [
        "quizzes/pool-bad-values.yml:3: 'draw' is the text 'twenty', not a number of questions; write the "
        "questions drawn per attempt, e.g. 'draw: 20', or per module, e.g. 'draw: {1: 4, 2: 5, 3: 9, 4: 2}'",
        "quizzes/pool-bad-values.yml:7: question q1: 'module' is the text 'one', not a module number; "
        "write e.g. 'module: 3'",
        "quizzes/pool-bad-values.yml:8: question q1: 'lesson' is the text 'Seals VVTT', not a lesson id; "
        "write e.g. 'lesson: seals-vvtt'",
    ],
}

KNOWN_BUGS: dict[str, str] = {}  # case file -> "BUG: ..." reason (a strict xfail until fixed)


BAD_CASES = [
    pytest.param(name, id=name[:-len(".yml")],
                 marks=[pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[name])] if name in KNOWN_BUGS else [])
    for name in sorted(BAD_QUIZZES)
]


@pytest.mark.parametrize("name", BAD_CASES)
def test_bad_quiz_reports_every_problem_with_file_and_line(name):
    rel = f"quizzes/{name}"
    quiz, problems = read_quiz(BAD / name, rel)
    assert quiz is None
    assert [str(p) for p in problems] == BAD_QUIZZES[name]
    for problem, expected in zip(problems, BAD_QUIZZES[name]):
        assert problem.path == rel and problem.line == int(expected.split(":")[1])
    with pytest.raises(Problems) as caught:  # the raising form says the same
        load_quiz(BAD / name, rel)
    assert [str(p) for p in caught.value.problems] == BAD_QUIZZES[name]


def test_the_bad_corpus_is_fully_covered():
    """Every broken file on disk has its expected messages here, and the other way round."""
    assert {p.name for p in BAD.glob("*.yml")} == set(BAD_QUIZZES)


# ---- markers and placements (tests/bad_input/quizzes/placements/) ----------------------------

def test_find_markers_counts_front_matter_lines_and_skips_code():
    rel = "docs_zh/lessons/practice/seals-vvtt.md"
    text = (PLACEMENTS / rel).read_text(encoding="utf-8")
    problems = []
    markers = find_markers(text, rel, 1, problems)
    assert markers == [("seal-vvtt", 57)]  # the example inside ``` on line 19 is not a placement
    assert [str(p) for p in problems] == [
        "docs_zh/lessons/practice/seals-vvtt.md:59: this quiz marker is not one the build understands; "
        "write it alone on its line as '<!-- quiz: QUIZ-ID -->', with the id of a file in quizzes/",
    ]


@pytest.mark.parametrize("line, expected", [
    ("<!-- quiz: seals-vvtt -->", [("seals-vvtt", 1)]),
    ("  <!--quiz:seals-vvtt-->  ", [("seals-vvtt", 1)]),
    ("\t<!-- quiz : seals-vvtt -->", [("seals-vvtt", 1)]),
    ("<!-- quiz: -->", []),
    ("Text <!-- quiz: seals-vvtt -->", []),
    ("<!-- glossary -->", []),
    ("```\n<!-- quiz: seals-vvtt -->\n```", []),
    ("~~~~\n```\n<!-- quiz: inside -->\n~~~~\n<!-- quiz: after -->", [("after", 5)]),
], ids=["plain", "tight-and-indented", "tab-and-space", "no-id", "inline", "other-marker", "fenced",
        "nested-fences"])
def test_marker_forms(line, expected):
    assert find_markers(line + "\n", "a.md") == expected


@pytest.fixture
def placements_course(tmp_path):
    """The placements corpus as a project: its pages and quizzes with the real course settings."""
    project = tmp_path / "project"
    shutil.copytree(PLACEMENTS, project)
    glossary = project / "data" / "glossary.yml"
    glossary.parent.mkdir()
    glossary.write_text("terms:\n  - {en: seal, zh: 封条, definition: {en: A seal., zh: 封条。}}\n", encoding="utf-8")
    return load_course(project, {"course": course_files.extra()["course"]})


def test_placements_report_unknown_quiz_one_language_and_unused_quiz(placements_course):
    about_quizzes = [str(p) for p in placements_course.problems if "quiz" in p.problem]
    assert about_quizzes == [
        "docs_zh/lessons/practice/seals-vvtt.md:59: this quiz marker is not one the build understands; "
        "write it alone on its line as '<!-- quiz: QUIZ-ID -->', with the id of a file in quizzes/",
        "docs_zh/lessons/practice/seals-vvtt.md:57: the quiz marker names 'seal-vvtt', but there is no "
        "quizzes/seal-vvtt.yml; did you mean '<!-- quiz: seals-vvtt -->'?",
        "docs_zh/lessons/practice/seals-vvtt.md:13: 'quiz: seals-vvtt' names a quiz that the page does not "
        "place (its marker names 'seal-vvtt'); put the line '<!-- quiz: seals-vvtt -->' where the quiz goes, "
        "or make 'quiz:' name the same quiz",
    ]
    # english-only.md has no Chinese twin: /zh/ shows it with its quiz, so its quiz is not reported.
    assert [str(w) for w in placements_course.warnings if "quiz" in w.problem] == [
        "docs/lessons/practice/seals-vvtt.md:49: quiz 'seals-vvtt' is placed here but not in "
        "docs_zh/lessons/practice/seals-vvtt.md; add the line '<!-- quiz: seals-vvtt -->' to "
        "docs_zh/lessons/practice/seals-vvtt.md as well",
        "docs/lessons/practice/seals-vvtt.md:51: quiz 'container-inspection' is placed here but not in "
        "docs_zh/lessons/practice/seals-vvtt.md; add the line '<!-- quiz: container-inspection -->' to "
        "docs_zh/lessons/practice/seals-vvtt.md as well",
        "quizzes/unused.yml:2: quiz 'unused' is not placed on any page; add the line "
        "'<!-- quiz: unused -->' to its lesson in docs/ and docs_zh/, or delete the file",
    ]
    assert sorted(placements_course.quizzes) == ["container-inspection", "seals-vvtt", "unused"]


# ---- what an author would notice (found by mutation testing: bench/mutation.py) -------------

def problems_of(tmp_path: Path, text: str, name: str = "demo") -> list[Problem]:
    """The problems of a quiz file that must not load (the Problem objects, for their lines)."""
    quiz, found = read_quiz(write_quiz(tmp_path, name, text), f"quizzes/{name}.yml")
    assert quiz is None and found
    return found


def test_shuffle_is_off_unless_the_author_asks(tmp_path):
    quiz = load(tmp_path, ONE_QUESTION)
    assert quiz.shuffle is False
    assert [q.shuffle for q in quiz.questions] == [False]


def test_each_question_keeps_its_prompt(tmp_path):
    q1, q2, q3, q4 = load(tmp_path, GOOD, "good").questions
    assert q1.prompt == {"en": "Which class?", "zh": "哪一级？"}
    assert q3.prompt == {"en": "CBP certifies factories.", "zh": "CBP 认证工厂。"}


def test_each_option_remembers_its_line_and_answer_shorthand_options_have_no_feedback(tmp_path):
    quiz = load(tmp_path, GOOD, "good")
    text = textwrap.dedent(GOOD).split("\n")
    q1, q2, q3, q4 = quiz.questions
    for option in q1.options + q2.options + q4.options:
        assert f"id: {option.id}" in text[option.line - 1].replace('"', "")
    # `answer: false` stands for two options: both sit on the answer's line, with no feedback.
    answer_line = text.index("    answer: false") + 1
    assert [(o.line, o.feedback) for o in q3.options] == [(answer_line, None), (answer_line, None)]


@pytest.mark.parametrize("leading", ["# Seals self-check, reviewed 2026-11\n", "\n\n"],
                         ids=["comment-first", "blank-lines-first"])
def test_lines_count_from_the_top_of_the_file_whatever_comes_first(tmp_path, leading):
    """A comment or blank lines before ``id:`` move every line an author is sent to."""
    shift = leading.count("\n")
    quiz = load(tmp_path, leading + ONE_QUESTION)
    assert quiz.line == 1 + shift  # the "not placed on any page" warning points at ``id:``
    mismatch = problems_of(tmp_path, leading + replace(ONE_QUESTION, "id: demo", "id: other"))
    assert [(p.line, "'other'" in p.problem) for p in mismatch] == [(1 + shift, True)]
    typo = problems_of(tmp_path, leading + replace(ONE_QUESTION, "type: single", "type: singel"))
    assert [(p.line, "'singel'" in p.problem) for p in typo] == [(5 + shift, True)]


def test_a_byte_that_is_not_utf8_is_reported_on_its_line(tmp_path):
    """A quiz saved as Latin-1 (an é in a title): the line of the é, wherever it is."""
    path = tmp_path / "quizzes" / "demo.yml"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\n# Seals\nid: demo\ntitle: {en: \"Caf\xe9\", zh: x}\nquestions:\n  - id: q1\n"
                     b"    type: true_false\n    prompt: {en: a, zh: b}\n    answer: true\n")
    quiz, problems = read_quiz(path, "quizzes/demo.yml")
    assert quiz is None
    assert [(p.path, p.line) for p in problems] == [("quizzes/demo.yml", 4)]
    assert "UTF-8" in problems[0].fix


@pytest.mark.parametrize("length, quoted", [(10, True), (39, True), (40, False), (300, False)])
def test_a_wrong_value_is_quoted_when_short_and_described_when_long(tmp_path, length, quoted):
    """The author sees which value is wrong, but never a pasted paragraph."""
    value = ("a" * length)
    (problem,) = problems_of(tmp_path, replace(ONE_QUESTION, "questions:", f"pass_mark: {value}\nquestions:"))
    assert (problem.line, problem.problem.startswith("'pass_mark' is ")) == (3, True)
    assert (value in problem.problem) is quoted
    assert "a text" in problem.problem or quoted


def test_ids_written_as_numbers_or_true_false_are_kept_as_written(tmp_path):
    text = replace(replace(replace(ONE_QUESTION, "- id: q1", "- id: 7"), "{id: a,", "{id: 1,"), "{id: b,", "{id: 2,")
    question = load(tmp_path, text).questions[0]
    assert question.id == "7" and [o.id for o in question.options] == ["1", "2"]


def test_a_message_names_an_option_by_the_id_the_author_wrote(tmp_path):
    text = replace(ONE_QUESTION, '{id: a, text: {en: "Class I", zh: "I 级"}}', "{id: true}")
    (problem,) = problems_of(tmp_path, text)
    assert problem.line == 8
    assert problem.problem.startswith("question q1, option true: 'text' ")


# A question written key by key, with ``id`` below ``type`` (lines 4-11 of the file).
BLOCK_STYLE = """\
id: demo
title: {en: "Seals", zh: "封条"}
questions:
  - type: single
    id: q1
    prompt: {en: "Which class?", zh: "哪一级？"}
    options:
      - text: {en: "Class I", zh: "I 级"}
        id: a
      - text: {en: "Class H", zh: "H 级"}
        id: b
        correct: true
"""


def test_a_bad_id_is_reported_on_the_id_line_not_the_question_s_first_line(tmp_path):
    (problem,) = problems_of(tmp_path, replace(BLOCK_STYLE, "    id: q1", "    id: q 1"))
    assert (problem.line, problem.problem.startswith("question 1: 'id' is ")) == (5, True)


def test_a_duplicate_option_id_is_reported_on_its_line_naming_the_first_one(tmp_path):
    (problem,) = problems_of(tmp_path, replace(BLOCK_STYLE, "        id: b", "        id: a"))
    assert problem.line == 11
    assert "'a'" in problem.problem and "first on line 9" in problem.problem


def test_a_duplicate_question_id_is_reported_on_its_line_naming_the_first_one(tmp_path):
    second = BLOCK_STYLE[BLOCK_STYLE.index("  - type: single"):]
    (problem,) = problems_of(tmp_path, BLOCK_STYLE + second)  # the second q1 starts on line 13
    assert problem.line == 14
    assert "'q1'" in problem.problem and "first on line 5" in problem.problem


def test_a_list_under_one_language_is_reported_on_that_language_s_line(tmp_path):
    text = replace(BLOCK_STYLE, '    prompt: {en: "Which class?", zh: "哪一级？"}',
                   '    prompt:\n      en: "Which class?"\n      zh: [哪一级, 哪个]')
    (problem,) = problems_of(tmp_path, text)
    assert (problem.line, problem.problem.startswith("question q1: 'prompt' zh ")) == (8, True)


@pytest.mark.parametrize("broken", ["      - [a, b]\n", "      - just an option\n"], ids=["list", "text"])
def test_a_broken_option_does_not_hide_the_mistakes_of_the_options_after_it(tmp_path, broken):
    text = replace(ONE_QUESTION, '      - {id: a, text: {en: "Class I", zh: "I 级"}}\n',
                   broken + '      - {id: a, text: {en: "Class I"}}\n')
    problems = problems_of(tmp_path, text)
    assert [(p.line, p.problem.split(":")[0]) for p in problems] == [
        (8, "question q1"), (9, "question q1, option a")]  # the missing Chinese text of option a


def test_a_broken_question_does_not_hide_the_mistakes_of_the_questions_after_it(tmp_path):
    text = replace(ONE_QUESTION, "questions:\n", "questions:\n  - just a sentence\n")
    text = replace(text, "type: single", "type: singel")
    problems = problems_of(tmp_path, text)
    assert [p.line for p in problems] == [4, 6]
    assert "'singel'" in problems[1].problem


@pytest.mark.parametrize("old, new, key", [
    ("questions:", "qestions:", "qestions"),
    ("    answer: true", "    anwser: true", "anwser"),
    ("    answer: true", '    optoins:\n      - {id: "true", text: {en: "T", zh: "对"}, correct: true}', "optoins"),
], ids=["questions", "answer", "options"])
def test_a_misspelt_key_is_one_problem_with_its_fix_not_also_a_missing_key(tmp_path, old, new, key):
    text = pool("1", [1]).replace("draw: 1\n", "").replace("    module: 1\n    lesson: seals-vvtt\n", "")
    (problem,) = problems_of(tmp_path, replace(text, old, new), "pool")
    assert problem.problem.endswith(f"unknown key '{key}'")
    assert problem.fix.startswith("did you mean")


def test_every_mistake_of_a_question_with_an_unknown_type_is_reported(tmp_path):
    """An 'answer:' left over from a true/false question does not hide the options' mistakes."""
    text = replace(replace(ONE_QUESTION, "type: single", "type: singel\n    answer: true"),
                   '{id: a, text: {en: "Class I", zh: "I 级"}}', "{id: a}")
    problems = problems_of(tmp_path, text)
    assert [(p.line, "'singel'" in p.problem or "'text' is missing" in p.problem) for p in problems] == [
        (5, True), (9, True)]


@pytest.mark.parametrize("value, kind", [("[single]", "a list"), ("{single: 1}", "a mapping"), ("3", "'3'")],
                         ids=["list", "mapping", "number"])
def test_a_type_that_is_not_text_is_an_error_on_its_line_listing_the_types(tmp_path, value, kind):
    text = replace(ONE_QUESTION, "type: single", f"type: {value}")
    assert messages(tmp_path, text) == [
        f"quizzes/demo.yml:5: question q1: 'type' is {kind}; use single, multiple or true_false"]


def test_an_unknown_type_with_no_close_match_lists_the_types(tmp_path):
    text = replace(ONE_QUESTION, "type: single", "type: essay")
    assert messages(tmp_path, text) == [
        "quizzes/demo.yml:5: question q1: unknown type 'essay'; use single, multiple or true_false"]


@pytest.mark.parametrize("value, kind", [("{q1: x}", "a mapping"), ("", "nothing"), ("seals", "the text 'seals'")],
                         ids=["mapping", "nothing", "text"])
def test_questions_that_are_not_a_list_are_named_for_what_they_are(tmp_path, value, kind):
    text = f'id: demo\ntitle: {{en: "Seals", zh: "封条"}}\nquestions: {value}\n'
    (problem,) = problems_of(tmp_path, text)
    assert (problem.line, problem.problem) == (3, f"'questions' is {kind}, not a list of questions")


def test_an_empty_optional_text_may_be_deleted_and_the_author_is_told_so(tmp_path):
    text = replace(ONE_QUESTION, "    options:", "    explanation:\n    options:")
    (problem,) = problems_of(tmp_path, text)
    assert problem.line == 7 and problem.problem == "question q1: 'explanation' is empty"
    assert problem.fix.endswith(", or delete it")


def test_an_unknown_language_under_the_quiz_title_names_the_title(tmp_path):
    text = replace(ONE_QUESTION, 'title: {en: "Seals", zh: "封条"}', 'title: {en: "Seals", zh: "封条", fr: "Scellés"}')
    (problem,) = problems_of(tmp_path, text)
    assert (problem.line, problem.problem) == (2, "title: unknown key 'fr'")


def test_a_true_false_question_written_with_options_names_the_option_in_its_messages(tmp_path):
    text = replace(GOOD, '      - {id: "false", text: {en: "No", zh: "否"}}', '      - {id: "false", text: {en: "No"}}')
    (problem,) = problems_of(tmp_path, text, "good")
    assert problem.problem.startswith("question q4, option false: 'text' ")
