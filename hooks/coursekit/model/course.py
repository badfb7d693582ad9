"""The whole course, read and checked in one pass: every problem of every kind at once.

:func:`load_course` reads the settings (``extra:`` of mkdocs.yml), the glossary, every page
and lesson of both languages, and every quiz file, then checks them against each other:
module folders, translations, quiz placements, workshop lessons. It returns a
:class:`Course` whose ``problems`` stop a build and whose ``warnings`` stop a ``--strict``
one. Files are parsed once per change (``FileCache``).
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..languages import DEFAULT, SOURCE_DIRS, SOURCE_LANGUAGES
from ..problems import Problem
from .glossary import GLOSSARY_FILE, Glossary, parse_glossary
from .lessons import LESSONS_DIR, SHARED, Lesson, parse_lesson
from .pages import read_page, todo_lines
from .quality import duration_warnings
from .quizzes import Quiz, read_quiz
from .settings import CONFIG, Settings, check_settings, config_line, key_path, shown
from .source import FileCache

QUIZ_DIR = "quizzes"
ASSESSMENT_ID = "final-assessment"  # the pool the final assessment page draws from


@dataclass
class Course:
    settings: Settings
    glossary: Glossary
    lessons: dict                 # language -> [Lesson], curriculum order
    quizzes: dict                 # id -> Quiz (files that loaded)
    pages: dict                   # (language, rel) -> PageSource, every Markdown page
    problems: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    todos: list = field(default_factory=list)    # reminders of what is still to write

    def __post_init__(self):
        self._by_rel = {(l.language, l.rel): l for ls in self.lessons.values() for l in ls}

    def lesson(self, language: str, rel: str) -> Lesson | None:
        """The lesson file ``rel`` (``lessons/x/y.md``) written in ``language`` (en or zh)."""
        return self._by_rel.get((language, rel))

    def site_lessons(self, language: str) -> list[Lesson]:
        """The lessons a reader of authored ``language`` gets, in curriculum order: the
        translation where there is one, else the English lesson (shown with a notice)."""
        own = list(self.lessons.get(language, []))
        if language != DEFAULT:
            have = {lesson.rel for lesson in own}
            own += [lesson for lesson in self.lessons.get(DEFAULT, []) if lesson.rel not in have]
        return sorted(own, key=lambda lesson: (lesson.module, lesson.order, lesson.rel))

    def titles(self) -> dict[str, dict]:
        """Lesson id -> its title in each authored language, ``{"en": ..., "zh": ...}``."""
        titles: dict[str, dict] = {}
        for language, lessons in self.lessons.items():
            for lesson in lessons:
                titles.setdefault(lesson.id, {})[language] = lesson.title
        return titles

    @property
    def assessment(self) -> Quiz | None:
        return self.quizzes.get(ASSESSMENT_ID)


def load_course(root: Path, extra, config_lines=None, cache: FileCache | None = None) -> Course:
    """Read and check everything under ``root`` (the project folder). Never raises."""
    root = Path(root)
    cache = cache or FileCache()
    problems: list[Problem] = []
    warnings: list[Problem] = []

    settings, found = check_settings(extra, config_lines, root / SOURCE_DIRS[DEFAULT])
    problems += found
    problems += _favicon(root, config_lines)

    glossary = Glossary()
    glossary_path = root / GLOSSARY_FILE
    if glossary_path.is_file():
        glossary, found, notes = cache.get("glossary", glossary_path, lambda p: parse_glossary(
            p.read_text(encoding="utf-8"), GLOSSARY_FILE))
        problems += found
        warnings += notes
    else:
        problems.append(Problem(GLOSSARY_FILE, None, "the glossary is missing",
                                "restore data/glossary.yml: it feeds the glossary page, the tooltips and Chinese search"))

    quizzes, quiz_files = _quizzes(root, cache, problems)
    pages = _pages(root, cache, problems)
    lessons = _lessons(pages, settings, set(quiz_files), problems, config_lines)
    problems += _placements(pages, lessons, quizzes, set(quiz_files), warnings)
    warnings += _translations(pages)
    lesson_ids = _lesson_ids(pages)
    problems += _workshop_lessons(settings, lesson_ids)
    problems += _pool_origins(quizzes, settings, lesson_ids)
    cache.prune()
    course = Course(settings, glossary, lessons, quizzes, pages, problems, warnings)
    course.todos = _todos(root, pages, quiz_files, cache)
    drafts = {todo.path for todo in course.todos}
    course.warnings += [w for w in duration_warnings(course) if w.path not in drafts]
    return course


def _favicon(root: Path, config_lines) -> list[Problem]:
    """``theme.favicon`` names a file under docs/ (the theme's own icon when not set)."""
    theme = config_lines.get("theme") if isinstance(config_lines, dict) else None
    favicon = theme.get("favicon") if isinstance(theme, dict) else None
    if not isinstance(favicon, str) or not favicon or "://" in favicon:
        return []
    if (root / SOURCE_DIRS[DEFAULT] / favicon.lstrip("/")).is_file():
        return []
    line = theme.line_of("favicon") if hasattr(theme, "line_of") else None
    return [Problem("mkdocs.yml", line, f"theme.favicon: '{favicon}' does not exist under docs/",
                    f"add the file docs/{favicon.lstrip('/')} or correct the path")]


def _todos(root: Path, pages: dict, quiz_files: dict, cache: FileCache) -> list[Problem]:
    """Every line an author marked TODO, in pages and quiz files."""
    todos = [Problem(page.path, line, text) for page in pages.values() for line, text in page.todos]
    for rel in quiz_files.values():
        lines = cache.get("todo", root / rel, lambda p: todo_lines(p.read_text(encoding="utf-8", errors="replace")))
        todos += [Problem(rel, line, text) for line, text in lines]
    return sorted(todos, key=lambda p: p.sort_key)


def _quizzes(root: Path, cache: FileCache, problems: list) -> tuple[dict, dict]:
    """``({id: Quiz}, {id: path})``: every quiz file that loaded, and every .yml file read."""
    quizzes, files = {}, {}
    folder = root / QUIZ_DIR
    if not folder.is_dir():
        return quizzes, files
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue  # .DS_Store and the like
        rel = f"{QUIZ_DIR}/{path.name}"
        if path.suffix == ".yaml":
            problems.append(Problem(rel, None, "quiz files must end in '.yml', so this file is not read",
                                    f"rename it to {path.stem}.yml"))
            continue
        if path.suffix != ".yml":
            continue
        files[path.stem] = rel
        quiz, found = cache.get("quiz", path, lambda p: read_quiz(p, rel))
        problems += found
        if quiz is not None:
            quizzes[quiz.id] = quiz
    return quizzes, files


def _pages(root: Path, cache: FileCache, problems: list) -> dict:
    pages = {}
    for language in SOURCE_LANGUAGES:
        folder = root / SOURCE_DIRS[language]
        if not folder.is_dir():
            continue
        for directory, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if not name.endswith(".md") or name.startswith("."):
                    continue
                path = Path(directory, name)
                rel = path.relative_to(folder).as_posix()
                page = cache.get("page", path, lambda p: read_page(p, f"{SOURCE_DIRS[language]}/{rel}"))
                pages[(language, rel)] = page
                problems += list(page.marker_problems)
                if page.problem is not None:  # MkDocs itself would show broken YAML as text
                    problems.append(page.problem)
    return pages


def _lessons(pages: dict, settings: Settings, quiz_ids: set, problems: list, config_lines=None) -> dict:
    lessons = {language: [] for language in SOURCE_LANGUAGES}
    # A module whose declared folder does not exist while its lessons sit in a folder of a
    # similar name that no module declares: one problem in mkdocs.yml (a misspelt folder)
    # instead of one per lesson.
    folders = {rel.split("/")[1] for _, rel in pages if rel.startswith(LESSONS_DIR + "/") and rel.count("/") >= 2}
    misplaced: dict[int, set] = {}
    for (language, rel), page in sorted(pages.items()):
        if not rel.startswith(LESSONS_DIR + "/") or page.problem is not None:
            continue
        name = rel.rsplit("/", 1)[-1]
        if name in ("index.md", "README.md"):
            continue  # a section's index page is not a lesson
        lesson, found = parse_lesson(page.meta or "", page.path, rel, language, settings, quiz_ids)
        problems += found
        if lesson is None:
            continue
        module = settings.modules.get(lesson.module)
        if not lesson.folder:
            problems.append(Problem(lesson.path, None, "a lesson must sit in its module's folder",
                                    f"move it to {SOURCE_DIRS[language]}/lessons/"
                                    f"{module.folder if module else '<module folder>'}/{name}"))
            continue
        if module is not None and lesson.folder != module.folder:
            owner = settings.module_of_folder(lesson.folder)
            if (owner is None and module.folder not in folders
                    and difflib.get_close_matches(lesson.folder, [module.folder], cutoff=0.6)):
                misplaced.setdefault(module.number, set()).add(lesson.folder)
                continue
            problems.append(Problem(
                lesson.path, lesson.lines.get("module"),
                f"'module' is {lesson.module} but the file sits in lessons/{lesson.folder}/, "
                + (f"the folder of module {owner.number}" if owner else "which is no module's folder"),
                f"write 'module: {owner.number}'" if owner else
                f"move it to lessons/{module.folder}/ or declare the folder in extra.course.modules"))
            continue
        lessons[language].append(lesson)
    for number, found in sorted(misplaced.items()):
        folder = settings.modules[number].folder
        path = ("extra", "course", "modules", number, "folder")
        names = sorted(found)
        problems.append(Problem(
            CONFIG, config_line(config_lines or {}, path),
            f"there is no folder lessons/{folder}/, and module {number}'s lessons sit in "
            + " and ".join(f"lessons/{name}/" for name in names),
            (f"write 'folder: {names[0]}', or " if len(names) == 1 else "")
            + f"move the lessons into lessons/{folder}/", key=key_path(path)))
    for language in SOURCE_LANGUAGES:
        lessons[language].sort(key=lambda lesson: (lesson.module, lesson.order, lesson.rel))
        problems += _duplicates(lessons[language])
    problems += _parity(lessons)
    return lessons


def _duplicates(lessons: list[Lesson]) -> list[Problem]:
    """Two lessons of one language with one id, or one (module, order) place."""
    found, by_id, by_place = [], {}, {}
    for lesson in sorted(lessons, key=lambda lesson: lesson.path):
        first = by_id.setdefault(lesson.id, lesson)
        if first is not lesson:
            found.append(Problem(lesson.path, lesson.lines.get("id"), f"id '{lesson.id}' is also used by "
                                 f"{first.where('id')}", "give each lesson its own id (and file name)"))
        first = by_place.setdefault((lesson.module, lesson.order), lesson)
        if first is not lesson:
            taken = sorted(l.order for l in lessons if l.module == lesson.module)
            found.append(Problem(lesson.path, lesson.lines.get("order"),
                                 f"module {lesson.module}, order {lesson.order} is also taken by {first.where('order')}",
                                 f"give each lesson of module {lesson.module} its own 'order' (the next free one is "
                                 f"{max(taken) + 1})"))
    return found


def _parity(lessons: dict) -> list[Problem]:
    """A translation shares every field with its English lesson except the translated ones."""
    found = []
    english = {lesson.rel: lesson for lesson in lessons.get(DEFAULT, [])}
    for language in SOURCE_LANGUAGES:
        if language == DEFAULT:
            continue
        for lesson in lessons.get(language, []):
            original = english.get(lesson.rel)
            if original is None:
                continue  # reported as a page without English
            for name in SHARED:
                ours, theirs = getattr(lesson, name), getattr(original, name)
                if ours != theirs:
                    found.append(Problem(
                        lesson.path, lesson.lines.get(name) or lesson.lines.get("id"),
                        f"'{name}' is {_value(ours)} here but {_value(theirs)} in {original.where(name)}",
                        f"make '{name}' the same in both languages (only 'title', 'objectives' and "
                        "'discussion' are translated)"))
    return found


def _value(value) -> str:
    if value is None or value == ():
        return "not set"
    if isinstance(value, int):
        return str(value)
    return shown(list(value) if isinstance(value, tuple) else value)


def _placements(pages: dict, lessons: dict, quizzes: dict, files: set, warnings: list) -> list[Problem]:
    """Markers name existing quizzes; a lesson's ``quiz:`` and its marker agree; warnings for
    a quiz placed in one language only and for a quiz no page uses."""
    problems = []
    lesson_of = {(l.language, l.rel): l for ls in lessons.values() for l in ls}
    for (language, rel), page in sorted(pages.items()):
        for quiz_id, line in page.markers:
            if quiz_id not in files:
                guess = difflib.get_close_matches(quiz_id, sorted(files), n=1, cutoff=0.6)
                problems.append(Problem(page.path, line, f"the quiz marker names '{quiz_id}', but there is no "
                                        f"quizzes/{quiz_id}.yml",
                                        f"did you mean '<!-- quiz: {guess[0]} -->'?" if guess else
                                        f"correct the id, or add the quiz file quizzes/{quiz_id}.yml"))
            elif quiz_id in quizzes and quizzes[quiz_id].is_pool:
                problems.append(Problem(page.path, line, f"'{quiz_id}' is an assessment pool (it has 'draw:'), "
                                        "not a self-check", "remove the marker: the final assessment has its own page"))
        lesson = lesson_of.get((language, rel))
        if lesson is None:
            continue
        placed = [quiz_id for quiz_id, _ in page.markers]
        if lesson.quiz and lesson.quiz not in placed:
            problems.append(Problem(lesson.path, lesson.lines.get("quiz"),
                                    f"'quiz: {lesson.quiz}' names a quiz that the page does not place"
                                    + (f" (its marker names '{placed[0]}')" if placed else ""),
                                    f"put the line '<!-- quiz: {lesson.quiz} -->' where the quiz goes"
                                    + (", or make 'quiz:' name the same quiz" if placed else "")))
        for quiz_id, line in page.markers:
            if quiz_id in files and quiz_id != lesson.quiz and not lesson.quiz:
                problems.append(Problem(lesson.path, line, f"the page places quiz '{quiz_id}' but its "
                                        "front matter has no 'quiz:'",
                                        f"add 'quiz: {quiz_id}' to the front matter (the library counts its questions)"))
    # One language only, and unused quizzes.
    for (language, rel), page in sorted(pages.items()):
        other = "zh" if language == "en" else "en"
        twin = pages.get((other, rel))
        if twin is None:
            continue  # the other language shows this page, quiz and all
        there = {quiz_id for quiz_id, _ in twin.markers}
        for quiz_id, line in page.markers:
            if quiz_id in quizzes and quiz_id not in there:
                warnings.append(Problem(page.path, line, f"quiz '{quiz_id}' is placed here but not in {twin.path}",
                                        f"add the line '<!-- quiz: {quiz_id} -->' to {twin.path} as well"))
    used = {quiz_id for page in pages.values() for quiz_id, _ in page.markers}
    for quiz_id, quiz in sorted(quizzes.items()):
        if quiz_id not in used and not quiz.is_pool:
            warnings.append(Problem(quiz.path, quiz.line, f"quiz '{quiz_id}' is not placed on any page",
                                    f"add the line '<!-- quiz: {quiz_id} -->' to its lesson in docs/ and docs_zh/, "
                                    "or delete the file"))
    return problems


def _translations(pages: dict) -> list[Problem]:
    """Every page has its twin: warnings naming the file to add."""
    warnings = []
    for (language, rel), page in sorted(pages.items()):
        other = "zh" if language == "en" else "en"
        if (other, rel) in pages:
            continue
        if language == DEFAULT:
            warnings.append(Problem(page.path, None, "has no Chinese translation: the Chinese site shows "
                                    "the English page with a notice", f"add {SOURCE_DIRS['zh']}/{rel}"))
        else:
            warnings.append(Problem(page.path, None, "this Chinese page has no English original, so the "
                                    "English site cannot link to it",
                                    f"add {SOURCE_DIRS['en']}/{rel} or move the page"))
    return warnings


def _lesson_ids(pages: dict) -> set[str]:
    """The ids of the English lesson files, whether or not each lesson has problems of its own:
    a lesson with a mistake is reported once, in its file, not again wherever it is named."""
    return {rel.rsplit("/", 1)[-1][:-len(".md")] for language, rel in pages
            if language == DEFAULT and rel.startswith(LESSONS_DIR + "/")
            and rel.rsplit("/", 1)[-1] not in ("index.md", "README.md")}


def _workshop_lessons(settings: Settings, ids: set) -> list[Problem]:
    """Workshop ``lessons:`` name lesson files (``ids``)."""
    found = []
    for workshop in settings.workshops:
        index = workshop.index
        for number, lesson_id in enumerate(workshop.lessons):
            if lesson_id not in ids:
                guess = difflib.get_close_matches(lesson_id, sorted(ids), n=1, cutoff=0.6)
                found.append(Problem(CONFIG, workshop.line, f"'{lesson_id}' is not a lesson of the course",
                                     f"did you mean '{guess[0]}'?" if guess else "use lesson ids (the file names "
                                     "under docs/lessons/)", key=key_path(("extra", "workshops", index, "lessons", number))))
    return found


def _pool_origins(quizzes: dict, settings: Settings, ids: set) -> list[Problem]:
    """A pool's ``draw`` and its questions' ``module``/``lesson`` name declared modules and
    lesson files (``ids``). Without any declared module (reported once, in mkdocs.yml) modules
    are not checked again for every question."""
    found = []
    for quiz in quizzes.values():
        if not quiz.is_pool:
            continue
        for module in quiz.draw:
            if settings.modules and module is not None and module not in settings.modules:
                found.append(Problem(quiz.path, quiz.line, f"'draw' names module {module}, which is not declared",
                                     "use the module numbers of extra.course.modules"))
        for question in quiz.questions:
            if settings.modules and question.module is not None and question.module not in settings.modules:
                found.append(Problem(quiz.path, question.line, f"question {question.id}: module {question.module} "
                                     "is not declared", "use a module number of extra.course.modules"))
            if question.lesson and question.lesson not in ids:
                found.append(Problem(quiz.path, question.line, f"question {question.id}: '{question.lesson}' is "
                                     "not a lesson of the course", "use a lesson id (its file name)"))
    return found
