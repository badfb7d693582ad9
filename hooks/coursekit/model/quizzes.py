"""Self-check quizzes and assessment pools: one bilingual YAML file each, checked like code.

A quiz file ``quizzes/<id>.yml`` (format: README.md, "Add a quiz")::

    id: seals-vvtt                 # equals the file name
    title: {en: "...", zh: "..."}
    pass_mark: 80                  # percent, whole number 0-100 (default 80)
    shuffle: true                  # optional: options in random order in the browser
    questions:
      - id: q1                     # stable: progress is keyed on ids, never positions
        type: single               # single | multiple | true_false
        skill: apply               # optional: recall | understand | apply | analyse
        prompt: {en: "...", zh: "..."}
        options:
          - {id: a, text: {en: .., zh: ..}, correct: true, feedback: {en: .., zh: ..}}
          - {id: b, text: {en: .., zh: ..}}
        explanation: {en: "...", zh: "..."}   # optional
      - id: q2
        type: true_false
        prompt: {en: "...", zh: "..."}
        answer: false              # shorthand for options 'true' and 'false'

An *assessment pool* (the final assessment) is a quiz file with ``draw:``, the number of
questions drawn per attempt (``draw: 20``, or per module ``draw: {1: 4, 2: 5}``), whose
questions may name their ``module`` and ``lesson``.

:func:`load_quiz` reports every problem of a file at once, each as
``quizzes/<file>.yml:<line>: <what is wrong>; <how to fix>``. Nothing here imports MkDocs.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Iterable

from ..languages import SOURCE_LANGUAGES
from ..problems import Problem, Problems
from ..strings import STRINGS
from .source import LineDict, LineList, load_yaml

TYPES = ("single", "multiple", "true_false")
SKILLS = ("recall", "understand", "apply", "analyse")
DECISIONS = ("apply", "analyse")  # the trainee is put in a situation and decides or judges
QUIZ_KEYS = ("id", "title", "pass_mark", "shuffle", "draw", "questions")
QUESTION_KEYS = ("id", "type", "skill", "module", "lesson", "prompt", "options", "answer",
                 "explanation", "shuffle")
OPTION_KEYS = ("id", "text", "correct", "feedback")
DEFAULT_PASS_MARK = 80
LANGUAGE_NAMES = {"en": "English", "zh": "Chinese"}
# Ids end up in HTML attributes, CSS-safe selectors and localStorage: keep them plain.
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


# ---- the model ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Option:
    id: str
    text: dict  # {"en": ..., "zh": ...}
    correct: bool = False
    feedback: dict | None = None
    line: int = 0


@dataclass(frozen=True)
class Question:
    id: str
    type: str  # single | multiple | true_false
    prompt: dict
    options: tuple[Option, ...]
    explanation: dict | None = None
    shuffle: bool = False
    skill: str = ""
    module: int | None = None
    lesson: str = ""
    line: int = 0


@dataclass(frozen=True)
class Quiz:
    id: str
    title: dict
    pass_mark: int
    questions: tuple[Question, ...]
    path: str = ""  # project-relative, e.g. quizzes/seals-vvtt.yml
    shuffle: bool = False
    draw: dict | None = None  # assessment pool: {module or None: questions per attempt}
    line: int = 1  # line of ``id:``

    @property
    def is_pool(self) -> bool:
        return self.draw is not None

    @property
    def draw_total(self) -> int:
        return sum(self.draw.values()) if self.draw else len(self.questions)

    @cached_property
    def hash(self) -> str:
        """12 hex digits that change when the questions, options or right answers change.

        Built from ids, types and correct flags only, never from wording, so stored
        progress survives a typo fix and a switch to another language (the browser keeps
        progress per quiz id and discards it when this hash differs).
        """
        canonical = {
            "quiz": self.id,
            "questions": sorted(
                [q.id, q.type, sorted([o.id, o.correct] for o in q.options)]
                for q in self.questions),
        }
        text = json.dumps(canonical, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


# ---- loading --------------------------------------------------------------------------------

def load_quiz(path: Path | str, rel: str) -> Quiz:
    """Read and check one quiz file (``rel``: its path as messages name it); raise
    :class:`Problems` listing every problem in it."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise Problems([Problem(rel, None, f"cannot read the file ({exc.strerror})",
                                "check that it exists and can be read")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise Problems([Problem(
            rel, line, f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x} cannot be read)",
            "save the file with the UTF-8 encoding")]) from None
    try:
        data = load_yaml(text.lstrip("\ufeff"), rel)
    except Problem as problem:
        raise Problems([problem]) from None
    if data is None:
        raise Problems([Problem(
            rel, 1, "the file is empty",
            f"write the quiz: 'id: {path.stem}', 'title:', 'pass_mark:' and 'questions:' "
            "(see 'Add a quiz' in README.md)")])
    if not isinstance(data, LineDict):
        raise Problems([Problem(
            rel, 1, f"the file holds {_kind(data)}, not a quiz",
            f"start the file with 'id: {path.stem}' and give 'title:', 'pass_mark:' and "
            "'questions:' as keys, not as list items")])
    checker = _Checker(rel)
    quiz = checker.quiz(data, expected_id=path.stem)
    if checker.errors:
        raise Problems(sorted(checker.errors, key=lambda e: e.line or 0))
    return quiz


def read_quiz(path: Path, rel: str) -> tuple[Quiz | None, list[Problem]]:
    """:func:`load_quiz` that returns ``(quiz or None, problems)`` and never raises."""
    try:
        return load_quiz(path, rel), []
    except Problems as exc:
        return None, list(exc.problems)


def _kind(value) -> str:
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text '{value}'" if len(value) < 40 else "a text"
    if value is None:
        return "nothing"
    return f"'{value}'"


def _label(d: LineDict, fallback) -> str:
    """How messages name a question or option: its id when it has a usable one."""
    value = d.get("id")
    if isinstance(value, bool):
        value = str(value).lower()
    return str(value) if isinstance(value, (str, int)) and _ID.match(str(value)) else str(fallback)


def _suggest(word: str, choices: Iterable[str]) -> str | None:
    choices = list(choices)
    lowered = {c.lower(): c for c in choices}
    if word.lower() in lowered:
        return lowered[word.lower()]
    close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[close[0]] if close else None


class _Checker:
    """Walks one quiz file and collects every problem with its line."""

    def __init__(self, rel: str):
        self.rel = rel
        self.errors: list[Problem] = []
        self.misspelt_correct = False  # an option has 'corect:' or the like (reported)

    def error(self, line: int | None, where: str, problem: str, fix: str) -> None:
        text = f"{where}: {problem}" if where else problem
        self.errors.append(Problem(self.rel, line or 1, text, fix))

    # -- generic fields -------------------------------------------------------------------

    def unknown_keys(self, d: LineDict, known: tuple, where: str) -> set:
        """Report keys that are not ``known``; return the known keys they were likely meant as."""
        meant = set()
        for key in d:
            if key in known:
                continue
            guess = _suggest(key, known)
            if guess and guess not in d:
                meant.add(guess)
            fix = (f"did you mean '{guess}'?" if guess
                   else f"remove it; the keys here are: {', '.join(known)}")
            self.error(d.line_of(key), where, f"unknown key '{key}'", fix)
        return meant

    def missing(self, d: LineDict, key: str, where: str, fix: str, meant: set) -> None:
        if key not in meant:  # a misspelt key was reported already, with its fix
            self.error(d.line, where, f"'{key}' is missing", fix)

    def ident(self, d: LineDict, key: str, where: str, meant: set, example: str) -> str | None:
        if key not in d:
            self.missing(d, key, where, f"add '{key}: {example}'", meant)
            return None
        value = d[key]
        if isinstance(value, bool):  # `id: true` on a true_false option
            value = "true" if value else "false"
        elif isinstance(value, int):
            value = str(value)
        if not isinstance(value, str) or not _ID.match(value):
            self.error(d.line_of(key), where, f"'{key}' is {_kind(value)}, not a usable id",
                       f"use letters, digits, '-' or '_' only, for example '{key}: {example}'")
            return None
        return value

    def text(self, d: LineDict, key: str, where: str, meant: set, required: bool = True) -> dict | None:
        """A ``{en: ..., zh: ...}`` text; both languages must be there and not empty."""
        if key not in d or d[key] is None:
            if key not in d and required:
                self.missing(d, key, where, f"add '{key}:' with 'en:' and 'zh:' text under it", meant)
            elif key in d:
                self.error(d.line_of(key), where, f"'{key}' is empty",
                           f"give '{key}:' its 'en:' and 'zh:' text" + ("" if required else ", or delete it"))
            return None
        value = d[key]
        line = d.line_of(key)
        if not isinstance(value, LineDict):
            if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                self.error(line, where, f"'{key}' has one text, not one per language",
                           f"write it as '{key}: {{en: \"...\", zh: \"...\"}}'")
            else:
                self.error(line, where, f"'{key}' is {_kind(value)}, not English and Chinese text",
                           f"write it as '{key}: {{en: \"...\", zh: \"...\"}}'")
            return None
        meant_languages = self.unknown_keys(value, SOURCE_LANGUAGES, f"{where}, {key}" if where else key)
        result = {}
        for language in SOURCE_LANGUAGES:
            name = LANGUAGE_NAMES[language]
            item = value.get(language)
            if language not in value:
                if language not in meant_languages:
                    self.error(line, where, f"'{key}' has no {name} text ({language})",
                               f"add '{language}: \"...\"' under '{key}'")
            elif isinstance(item, bool) or not isinstance(item, (str, int, float)):
                self.error(value.line_of(language), where,
                           f"'{key}' {language} is {_kind(item)}, not text",
                           f"write the {name} text in quotes after '{language}:'")
            elif not str(item).strip():
                self.error(value.line_of(language), where, f"'{key}' has empty {name} text ({language})",
                           f"write the {name} text after '{language}:'")
            else:
                result[language] = str(item).strip()
        return result if len(result) == len(SOURCE_LANGUAGES) else None

    def flag(self, d: LineDict, key: str, where: str, default: bool) -> bool:
        if key not in d:
            return default
        value = d[key]
        if not isinstance(value, bool):
            self.error(d.line_of(key), where, f"'{key}' must be true or false, not {_kind(value)}",
                       f"write '{key}: true' or '{key}: false' (no quotes)")
            return default
        return value

    # -- the quiz -------------------------------------------------------------------------

    def quiz(self, d: LineDict, expected_id: str) -> Quiz | None:
        meant = self.unknown_keys(d, QUIZ_KEYS, "")
        quiz_id = self.ident(d, "id", "", meant, expected_id)
        if quiz_id is not None and quiz_id != expected_id:
            self.error(d.line_of("id"), "",
                       f"the quiz id '{quiz_id}' does not match the file name '{expected_id}.yml'",
                       f"write 'id: {expected_id}' or rename the file to '{quiz_id}.yml'")
        title = self.text(d, "title", "", meant)
        pass_mark = self.pass_mark(d)
        shuffle = self.flag(d, "shuffle", "", False)
        draw = self.draw(d)
        questions = self.questions(d, shuffle, meant, pool=draw is not None)
        if draw is not None and questions:
            self.check_draw(d, draw, questions)
        if self.errors:
            return None
        return Quiz(id=quiz_id, title=title, pass_mark=pass_mark, questions=tuple(questions),
                    path=self.rel, shuffle=shuffle, draw=draw, line=d.line_of("id"))

    def draw(self, d: LineDict) -> dict | None:
        """``draw: 20`` -> {None: 20}; ``draw: {1: 4, 3: 9}`` -> {1: 4, 3: 9}; absent -> None."""
        if "draw" not in d:
            return None
        value, line = d["draw"], d.line_of("draw")
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return {None: value}
        if isinstance(value, dict) and value and all(
                isinstance(k, (int, str)) and str(k).isdigit() and isinstance(v, int)
                and not isinstance(v, bool) and v > 0 for k, v in value.items()):
            return {int(k): v for k, v in value.items()}
        self.error(line, "", f"'draw' is {_kind(value)}, not a number of questions",
                   "write the questions drawn per attempt, e.g. 'draw: 20', or per module, "
                   "e.g. 'draw: {1: 4, 2: 5, 3: 9, 4: 2}'")
        return {None: 1}

    def check_draw(self, d: LineDict, draw: dict, questions: list) -> None:
        for module, count in draw.items():
            pool = [q for q in questions if module is None or q.module == module]
            if len(pool) < count:
                where = "the pool" if module is None else f"module {module}"
                self.error(d.line_of("draw"), "",
                           f"'draw' asks for {count} question{'s' if count != 1 else ''} from {where}, "
                           f"which has {len(pool)}",
                           "add questions or draw fewer (a pool should hold at least twice the draw)")

    def pass_mark(self, d: LineDict) -> int:
        if "pass_mark" not in d:
            return DEFAULT_PASS_MARK
        value = d["pass_mark"]
        line = d.line_of("pass_mark")
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(line, "", f"'pass_mark' is {_kind(value)}, not a whole number",
                       "give a percentage from 0 to 100 without '%', for example 'pass_mark: 80'")
            return DEFAULT_PASS_MARK
        if not 0 <= value <= 100:
            self.error(line, "", f"'pass_mark' is {value}, outside 0-100",
                       "give a percentage from 0 to 100, for example 'pass_mark: 80'")
            return DEFAULT_PASS_MARK
        return value

    def questions(self, d: LineDict, quiz_shuffle: bool, meant: set, pool: bool = False) -> list[Question]:
        if "questions" not in d:
            self.missing(d, "questions", "", "add a 'questions:' list with at least one question", meant)
            return []
        items = d["questions"]
        if not isinstance(items, LineList) or not items:
            self.error(d.line_of("questions"), "",
                       f"'questions' is {_kind(items) if items != [] else 'an empty list'}, "
                       "not a list of questions",
                       "list each question under 'questions:' as '- id: q1' with its keys indented")
            return []
        result, seen = [], {}
        for index, item in enumerate(items, 1):
            line = items.item_lines[index - 1]
            if not isinstance(item, LineDict):
                self.error(line, "", f"question {index} is {_kind(item)}, not a question",
                           "write it as '- id: q1' with 'type:', 'prompt:' and 'options:' indented under it")
                continue
            question = self.question(item, index, quiz_shuffle, seen, pool)
            if question is not None:
                result.append(question)
        return result

    def question(self, d: LineDict, index: int, quiz_shuffle: bool, seen: dict,
                 pool: bool = False) -> Question | None:
        where = f"question {_label(d, index)}"
        meant = self.unknown_keys(d, QUESTION_KEYS, where)
        skill = self.skill(d, where)
        module, lesson = self.origin(d, where, pool)
        question_id = self.ident(d, "id", where, meant, f"q{index}")
        if question_id is not None:
            if question_id in seen:
                self.error(d.line_of("id"), "",
                           f"question id '{question_id}' is used twice (first on line {seen[question_id]})",
                           "give each question its own id (q1, q2, ...) and never reuse one")
            else:
                seen[question_id] = d.line_of("id")
        kind = self.question_type(d, where, meant)
        prompt = self.text(d, "prompt", where, meant)
        explanation = self.text(d, "explanation", where, meant, required=False)
        shuffle = self.flag(d, "shuffle", where, quiz_shuffle and kind != "true_false")
        if kind == "true_false":
            options = self.true_false(d, where, meant)
        elif kind is None and "answer" in d and "options" not in d:
            options = None  # meant as true_false: the missing or unknown type says it all
        else:
            if "answer" in d and kind is not None:
                self.error(d.line_of("answer"), where, "'answer' is only for true_false questions",
                           "delete it and mark the right option with 'correct: true'")
            options = self.options(d, where, meant)
            if options is not None:
                self.check_choices(d, where, kind, options)
        if None in (question_id, kind, prompt, options):
            return None
        return Question(id=question_id, type=kind, prompt=prompt, options=tuple(options),
                        explanation=explanation, shuffle=shuffle, skill=skill, module=module,
                        lesson=lesson, line=d.line)

    def skill(self, d: LineDict, where: str) -> str:
        if "skill" not in d:
            return ""
        value = d["skill"]
        if value in SKILLS:
            return value
        guess = _suggest(str(value), SKILLS) if isinstance(value, str) else None
        self.error(d.line_of("skill"), where, f"unknown skill '{value}'" if isinstance(value, str) else f"'skill' is {_kind(value)}",
                   f"did you mean '{guess}'?" if guess else "use recall, understand, apply or analyse")
        return ""

    def origin(self, d: LineDict, where: str, pool: bool) -> tuple[int | None, str]:
        """``module`` and ``lesson`` of a question in an assessment pool."""
        if not pool:
            for key in ("module", "lesson"):
                if key in d:
                    self.error(d.line_of(key), where, f"'{key}' is only for assessment pools",
                               "delete it (a self-check belongs to its lesson), or give the quiz a 'draw:'")
            return None, ""
        module = d.get("module")
        if module is not None and (not isinstance(module, int) or isinstance(module, bool)):
            self.error(d.line_of("module"), where, f"'module' is {_kind(module)}, not a module number",
                       "write e.g. 'module: 3'")
            module = None
        lesson = d.get("lesson") or ""
        if lesson and (not isinstance(lesson, str) or not _ID.match(lesson)):
            self.error(d.line_of("lesson"), where, f"'lesson' is {_kind(lesson)}, not a lesson id",
                       "write e.g. 'lesson: seals-vvtt'")
            lesson = ""
        return module, lesson

    def question_type(self, d: LineDict, where: str, meant: set) -> str | None:
        if "type" not in d:
            self.missing(d, "type", where, "add 'type: true_false' (it has an 'answer')" if "answer" in d
                         else "add 'type: single', 'type: multiple' or 'type: true_false'", meant)
            return None
        value = d["type"]
        if value in TYPES:
            return value
        guess = _suggest(str(value), TYPES) if isinstance(value, str) else None
        self.error(d.line_of("type"), where,
                   f"unknown type '{value}'" if isinstance(value, str) else f"'type' is {_kind(value)}",
                   f"did you mean '{guess}'?" if guess else "use single, multiple or true_false")
        return None

    def options(self, d: LineDict, where: str, meant: set) -> list[Option] | None:
        if "options" not in d:
            self.missing(d, "options", where, "add an 'options:' list with at least 2 options", meant)
            return None
        items = d["options"]
        if not isinstance(items, LineList):
            self.error(d.line_of("options"), where, f"'options' is {_kind(items)}, not a list",
                       "list each option under 'options:' as '- {id: a, text: {en: ..., zh: ...}}'")
            return None
        result, seen, complete = [], {}, True
        self.misspelt_correct = False
        for index, item in enumerate(items, 1):
            line = items.item_lines[index - 1]
            if not isinstance(item, LineDict):
                self.error(line, where, f"option {index} is {_kind(item)}, not an option",
                           "write it as '- {id: a, text: {en: \"...\", zh: \"...\"}}'")
                complete = False
                continue
            at = f"{where}, option {_label(item, index)}"
            meant_keys = self.unknown_keys(item, OPTION_KEYS, at)
            if "correct" in meant_keys:
                self.misspelt_correct = True
            option_id = self.ident(item, "id", at, meant_keys, "a")
            complete = complete and option_id is not None
            if option_id is not None:
                if option_id in seen:
                    self.error(item.line_of("id"), where,
                               f"option id '{option_id}' is used twice (first on line {seen[option_id]})",
                               "give each option of a question its own id (a, b, c, ...)")
                else:
                    seen[option_id] = item.line_of("id")
            text = self.text(item, "text", at, meant_keys)
            feedback = self.text(item, "feedback", at, meant_keys, required=False)
            correct = self.flag(item, "correct", at, False)
            result.append(Option(id=option_id or "", text=text or {}, correct=correct,
                                 feedback=feedback, line=item.line))
        # With a broken option, counting options or right answers would only add noise.
        return result if complete else None

    def check_choices(self, d: LineDict, where: str, kind: str | None, options: list[Option]) -> None:
        line = d.line_of("options")
        if len(options) < 2:
            self.error(line, where, "has only 1 option" if options else "has no options",
                       "give at least 2 options")
            return
        correct = [o.id or "?" for o in options if o.correct]
        if not correct and not self.misspelt_correct:
            self.error(line, where, "no option is marked correct",
                       "mark the right one with 'correct: true'" if kind != "multiple"
                       else "mark each right one with 'correct: true'")
        elif kind in ("single", "true_false") and len(correct) > 1:
            self.error(line, where,
                       f"{len(correct)} options are marked correct ({', '.join(correct)}), "
                       f"but a {kind} question has exactly one",
                       "keep 'correct: true' on one option only" if kind == "true_false"
                       else "keep 'correct: true' on one option, or use 'type: multiple'")

    def true_false(self, d: LineDict, where: str, meant: set) -> list[Option] | None:
        if "answer" in d and "options" in d:
            self.error(d.line_of("answer"), where, "has both 'answer' and 'options'",
                       "keep 'answer: true' or 'answer: false' and delete the options")
            return None
        if "answer" in d:
            answer = d["answer"]
            if not isinstance(answer, bool):
                self.error(d.line_of("answer"), where,
                           f"'answer' must be true or false, not {_kind(answer)}",
                           "write 'answer: true' or 'answer: false' (no quotes)")
                return None
            line = d.line_of("answer")
            labels = {value: {lang: STRINGS[lang][value] for lang in SOURCE_LANGUAGES}
                      for value in ("true", "false")}
            return [Option("true", labels["true"], answer, None, line),
                    Option("false", labels["false"], not answer, None, line)]
        if "options" not in d:
            if "answer" not in meant and "options" not in meant:
                self.error(d.line, where, "a true_false question has no 'answer'",
                           "add 'answer: true' or 'answer: false'")
            return None
        options = self.options(d, where, meant)
        if options is None:
            return None
        ids = [o.id for o in options]
        if sorted(ids) != ["false", "true"]:
            self.error(d.line_of("options"), where,
                       "a true_false question needs exactly two options with the ids 'true' and "
                       f"'false' (found: {', '.join(i or '?' for i in ids) or 'none'})",
                       "give the options the ids true and false, or replace them with "
                       "'answer: true' or 'answer: false'")
            return options
        self.check_choices(d, where, "true_false", options)
        return options


