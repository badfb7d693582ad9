"""Self-check quizzes: one bilingual YAML file per quiz, checked like a compiler checks code.

A quiz file ``quizzes/<id>.yml`` (format: README.md, "Add a quiz")::

    id: seals-vvtt                 # equals the file name
    title: {en: "...", zh: "..."}
    pass_mark: 80                  # percent, whole number 0-100 (default 80)
    shuffle: false                 # optional: shuffle options in the browser
    questions:
      - id: q1                     # stable: progress is keyed on ids, never positions
        type: single               # single | multiple | true_false
        prompt: {en: "...", zh: "..."}
        options:
          - {id: a, text: {en: .., zh: ..}, correct: true, feedback: {en: .., zh: ..}}
          - {id: b, text: {en: .., zh: ..}}
        explanation: {en: "...", zh: "..."}   # optional
        shuffle: true              # optional, overrides the quiz's
      - id: q2
        type: true_false
        prompt: {en: "...", zh: "..."}
        answer: false              # shorthand for options 'true' and 'false'

``load_quiz`` reports every problem of a file at once (``AuthorErrors``), each as
``quizzes/<file>.yml:<line>: <what is wrong>; <how to fix>``. ``find_markers`` finds the
``<!-- quiz: ID -->`` lines that place quizzes in pages, and ``check_placements`` checks
them against the quizzes. Nothing here imports MkDocs.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterable, Mapping

import yaml

from .errors import AuthorError, AuthorErrors
from .languages import LANGUAGES, QUIZ_STRINGS, SOURCE_DIRS
from .yamlsource import FastLineLoader, LineDict, yaml_error

TYPES = ("single", "multiple", "true_false")
QUIZ_KEYS = ("id", "title", "pass_mark", "shuffle", "questions")
QUESTION_KEYS = ("id", "type", "prompt", "options", "answer", "explanation", "shuffle")
OPTION_KEYS = ("id", "text", "correct", "feedback")
DEFAULT_PASS_MARK = 80
LANGUAGE_NAMES = {"en": "English", "zh": "Chinese"}
# Ids end up in HTML attributes, CSS-safe selectors and localStorage: keep them plain.
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
# The marker: alone on its line, e.g. ``<!-- quiz: seals-vvtt -->``.
MARKER = re.compile(r"^[ \t]*<!--[ \t]*quiz[ \t]*:[ \t]*(?P<id>[^\s>]*)[ \t]*-->[ \t]*$")
_MARKER_LIKE = re.compile(r"<!--\s*quiz\s*:", re.IGNORECASE)
_FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")


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
    line: int = 0

    @property
    def correct_ids(self) -> list[str]:
        return [o.id for o in self.options if o.correct]


@dataclass(frozen=True)
class Quiz:
    id: str
    title: dict
    pass_mark: int
    questions: tuple[Question, ...]
    path: str = ""  # project-relative, e.g. quizzes/seals-vvtt.yml
    shuffle: bool = False
    line: int = 1  # line of ``id:``

    @cached_property
    def hash(self) -> str:
        """12 hex digits that change when the questions, options or right answers change.

        Built from ids, types and correct flags only, never from wording, so stored
        progress survives a typo fix and a switch to the other language (the browser
        keys progress on ``ctpat:quiz:<id>`` and discards it when this hash differs).
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

class LineList(list):
    """A YAML sequence that knows its line and each item's line."""

    line: int = 0
    item_lines: list


class _QuizLoader(FastLineLoader):
    """``yamlsource.FastLineLoader`` (libyaml, mappings keep their lines) whose sequences keep
    their lines too ('option 3 is not a mapping')."""


def _construct_sequence(loader: _QuizLoader, node: yaml.SequenceNode) -> LineList:
    items = LineList(loader.construct_object(child, deep=True) for child in node.value)
    items.line = node.start_mark.line + 1
    items.item_lines = [child.start_mark.line + 1 for child in node.value]
    return items


_QuizLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load_quiz(path: Path | str, root: Path | str) -> Quiz:
    """Read and check one quiz file; raise ``AuthorErrors`` listing every problem in it."""
    path = Path(path)
    rel = project_path(path, Path(root))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise AuthorErrors([AuthorError(rel, None, f"cannot read the file ({exc.strerror})",
                                        "check that it exists and can be read")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise AuthorErrors([AuthorError(
            rel, line, f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x} cannot be read)",
            "save the file with the UTF-8 encoding")]) from None
    try:
        data = yaml.load(text.lstrip("\ufeff"), Loader=_QuizLoader)
    except yaml.YAMLError as exc:
        error = yaml_error(exc, rel)
        if error.problem.startswith("invalid YAML: duplicate key"):
            error = AuthorError(rel, error.line, error.problem.replace("invalid YAML: ", ""),
                                "keep one of them (each key once per block)")
        raise AuthorErrors([error]) from None
    if data is None:
        raise AuthorErrors([AuthorError(
            rel, 1, "the file is empty",
            f"write the quiz: 'id: {path.stem}', 'title:', 'pass_mark:' and 'questions:' "
            "(see 'Add a quiz' in README.md)")])
    if not isinstance(data, LineDict):
        raise AuthorErrors([AuthorError(
            rel, 1, f"the file holds {_kind(data)}, not a quiz",
            f"start the file with 'id: {path.stem}' and give 'title:', 'pass_mark:' and "
            "'questions:' as keys, not as list items")])
    checker = _Checker(rel)
    quiz = checker.quiz(data, expected_id=path.stem)
    if checker.errors:
        raise AuthorErrors(sorted(checker.errors, key=lambda e: e.line or 0))
    return quiz


def load_quizzes(quiz_dir: Path | str, root: Path | str, cache: dict | None = None
                 ) -> tuple[dict[str, Quiz], list[AuthorError]]:
    """Every quiz in ``quiz_dir``: ``({id: Quiz}, [AuthorError, ...])``; never raises.

    A file with problems is left out of the dict and all its problems are in the list.
    ``cache`` (a dict kept by the caller) skips the files unchanged since the last call.
    """
    quiz_dir, root = Path(quiz_dir), Path(root)
    quizzes: dict[str, Quiz] = {}
    errors: list[AuthorError] = []
    seen = {}
    if not quiz_dir.is_dir():
        if cache is not None:
            cache.clear()
        return quizzes, errors
    for path in sorted(quiz_dir.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue
        if path.suffix == ".yaml":
            errors.append(AuthorError(project_path(path, root), None,
                                      "quiz files must end in '.yml', so this file is not read",
                                      f"rename it to {path.stem}.yml"))
            continue
        if path.suffix != ".yml":
            continue
        quiz, problems = read_if_changed(cache or {}, seen, path, lambda p: _load_one(p, root))
        if quiz is not None:
            quizzes[quiz.id] = quiz
        errors.extend(problems)
    if cache is not None:  # deleted files drop out
        cache.clear()
        cache.update(seen)
    return quizzes, errors


def _load_one(path: Path, root: Path) -> tuple[Quiz | None, list[AuthorError]]:
    try:
        return load_quiz(path, root), []
    except AuthorErrors as exc:
        return None, list(exc.errors)


def read_if_changed(cache: dict, seen: dict, path: Path, read):
    """``read(path)`` -> ``(value, problems)``, or the cached pair while the file's time and
    size are unchanged. Every path read goes into ``seen``, which becomes the next cache
    (so deleted files drop out)."""
    stat = path.stat()
    stamp = (stat.st_mtime_ns, stat.st_size)
    entry = cache.get(str(path))
    if entry is None or entry[0] != stamp:
        entry = (stamp, *read(path))
    seen[str(path)] = entry
    return entry[1], entry[2]


def project_path(path: Path, root: Path) -> str:
    """``path`` as messages name it: relative to the project folder when inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


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
        self.errors: list[AuthorError] = []
        self.misspelt_correct = False  # an option has 'corect:' or the like (reported)

    def error(self, line: int | None, where: str, problem: str, fix: str) -> None:
        text = f"{where}: {problem}" if where else problem
        self.errors.append(AuthorError(self.rel, line or 1, text, fix))

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
        meant_languages = self.unknown_keys(value, LANGUAGES, f"{where}, {key}" if where else key)
        result = {}
        for language in LANGUAGES:
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
        return result if len(result) == len(LANGUAGES) else None

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
        questions = self.questions(d, shuffle, meant)
        if self.errors:
            return None
        return Quiz(id=quiz_id, title=title, pass_mark=pass_mark, questions=tuple(questions),
                    path=self.rel, shuffle=shuffle, line=d.line_of("id"))

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

    def questions(self, d: LineDict, quiz_shuffle: bool, meant: set) -> list[Question]:
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
            question = self.question(item, index, quiz_shuffle, seen)
            if question is not None:
                result.append(question)
        return result

    def question(self, d: LineDict, index: int, quiz_shuffle: bool, seen: dict) -> Question | None:
        where = f"question {_label(d, index)}"
        meant = self.unknown_keys(d, QUESTION_KEYS, where)
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
                        explanation=explanation, shuffle=shuffle, line=d.line)

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
            labels = {value: {lang: QUIZ_STRINGS[lang][value] for lang in LANGUAGES}
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


# ---- markers in pages -----------------------------------------------------------------------

def find_markers(text: str, path: str, errors: list | None = None) -> list[tuple[str, int]]:
    """``[(quiz_id, line), ...]`` of the ``<!-- quiz: ID -->`` lines in a Markdown file.

    ``text`` is the whole file, so lines count the front matter in. Markers inside fenced
    code blocks are examples, not placements. A line that looks like a marker but is not
    one (not alone on its line, no id) is added to ``errors`` when a list is given.
    """
    markers = []
    lines = text.split("\n")
    start = 0
    if lines and lines[0].lstrip("\ufeff").rstrip() == "---":  # front matter: not Markdown
        for end in range(1, len(lines)):
            if lines[end].rstrip() in ("---", "..."):
                start = end + 1
                break
    fence = None
    for number in range(start, len(lines)):
        line = lines[number]
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening["fence"][0] == fence[0] and len(opening["fence"]) >= len(fence) \
                    and not line.strip()[len(opening["fence"]):].strip():
                fence = None
            continue
        if opening:
            fence = opening["fence"]
            continue
        match = MARKER.match(line)
        if match and match["id"]:
            markers.append((match["id"], number + 1))
        elif _MARKER_LIKE.search(line) and errors is not None:
            errors.append(AuthorError(
                path, number + 1, "this quiz marker is not one the build understands",
                "write it alone on its line as '<!-- quiz: QUIZ-ID -->', "
                "with the id of a file in quizzes/"))
    return markers


def check_placements(markers_en: Mapping[str, list], markers_zh: Mapping[str, list],
                     quizzes: Mapping[str, Quiz], known_files: Iterable[str] = (),
                     source_dirs: Mapping[str, str] = SOURCE_DIRS
                     ) -> tuple[list[AuthorError], list[AuthorError]]:
    """Check where quizzes are placed; return ``(errors, warnings)``.

    ``markers_en`` / ``markers_zh`` map every Markdown page of a language, by its path
    inside that language's folder (``lessons/practice/seals-vvtt.md``), to its
    ``find_markers`` list (empty when it has none). ``known_files`` are ids of quiz files
    that exist but did not load (their own errors say why; a marker naming one is fine).

    Errors (the page cannot render): a marker naming no quiz. Warnings: a quiz placed in
    one language's page but not in its twin (a page with no twin is shown from the other
    language, quiz included, so it is not reported here), and a quiz no page uses.
    """
    errors, warnings = [], []
    known = set(quizzes) | set(known_files)
    by_language = {"en": markers_en, "zh": markers_zh}
    for language, pages in by_language.items():
        for page, markers in sorted(pages.items()):
            for quiz_id, line in markers:
                if quiz_id in known:
                    continue
                guess = _suggest(quiz_id, known)
                fix = (f"did you mean '<!-- quiz: {guess} -->'?" if guess
                       else f"correct the id, or add the quiz file quizzes/{quiz_id}.yml")
                errors.append(AuthorError(f"{source_dirs[language]}/{page}", line,
                                          f"the quiz marker names '{quiz_id}', but there is no "
                                          f"quizzes/{quiz_id}.yml", fix))
    for language, other in (("en", "zh"), ("zh", "en")):
        here, there = by_language[language], by_language[other]
        for page, markers in sorted(here.items()):
            if page not in there:
                continue  # no twin: the other language shows this page, quiz and all
            placed_there = {quiz_id for quiz_id, _ in there[page]}
            for quiz_id, line in markers:
                if quiz_id in known and quiz_id not in placed_there:
                    twin = f"{source_dirs[other]}/{page}"
                    warnings.append(AuthorError(
                        f"{source_dirs[language]}/{page}", line,
                        f"quiz '{quiz_id}' is placed here but not in {twin}",
                        f"add the line '<!-- quiz: {quiz_id} -->' to {twin} as well"))
    used = {quiz_id for pages in by_language.values() for markers in pages.values()
            for quiz_id, _ in markers}
    for quiz_id, quiz in sorted(quizzes.items()):
        if quiz_id not in used:
            warnings.append(AuthorError(
                quiz.path or f"quizzes/{quiz_id}.yml", quiz.line,
                f"quiz '{quiz_id}' is not placed on any page",
                f"add the line '<!-- quiz: {quiz_id} -->' to its lesson in {source_dirs['en']}/ "
                f"and {source_dirs['zh']}/, or delete the file"))
    return errors, warnings
