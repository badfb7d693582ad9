"""The lesson contract: every lesson's front matter, checked once for the whole course.

A lesson is ``docs/lessons/<module-folder>/<id>.md`` (English) and the same path under
``docs_zh/`` (Chinese). Its front matter (README.md, "Add a lesson") carries ``id``, ``module``,
``order``, ``title``, ``duration``, ``level``, ``audience``, ``objectives`` and, where it
has one, ``quiz``. Module numbers, levels and audience roles are the ones declared under
``extra.course`` in mkdocs.yml (:class:`CourseConfig`).

:func:`load_course` reads every lesson of both languages and returns the :class:`Course`
with every problem found in one pass (one :class:`AuthorError` each), so the build can
report all of them at once. It never imports MkDocs.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import AuthorError
from .frontmatter import split_front_matter
from .languages import DEFAULT, LANGUAGES, SOURCE_DIRS, t
from .yamlsource import LineDict

LESSONS_DIR = "lessons"  # inside docs/ and docs_zh/
QUIZ_DIR = "quizzes"     # at the project root, one <id>.yml per quiz

REQUIRED_KEYS = ("id", "module", "order", "title", "duration", "level", "audience", "objectives")
OPTIONAL_KEYS = ("quiz",)
# Page keys MkDocs and Material read themselves; harmless in a lesson.
PAGE_KEYS = ("description", "hide", "icon", "status", "subtitle")
KNOWN_KEYS = REQUIRED_KEYS + OPTIONAL_KEYS + PAGE_KEYS
# Fields a translation must not change (title and objectives are translated).
SHARED_FIELDS = ("id", "module", "order", "duration", "level", "audience", "quiz")

_KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class CourseConfig:
    """``extra.course`` of mkdocs.yml: module titles, levels and roles, each ``{en, zh}``."""

    modules: dict  # {int: {en, zh}}
    levels: dict   # {id: {en, zh}}
    audiences: dict  # {role: {en, zh}}, in display order

    @classmethod
    def from_extra(cls, course) -> "CourseConfig":
        """Build from the ``extra.course`` mapping; raise ValueError naming what is missing."""
        if not isinstance(course, dict):
            raise ValueError("mkdocs.yml: 'extra.course' is missing; declare the course's "
                             "'modules', 'levels' and 'audiences' there")
        parts = {}
        for name in ("modules", "levels", "audiences"):
            value = course.get(name)
            if not isinstance(value, dict) or not value:
                raise ValueError(f"mkdocs.yml: 'extra.course.{name}' must be a mapping of "
                                 f"ids to {{en: ..., zh: ...}} labels")
            parts[name] = value
        modules = {}
        for key, titles in parts["modules"].items():
            try:
                number = int(key)
            except (TypeError, ValueError):
                raise ValueError(f"mkdocs.yml: 'extra.course.modules' key {key!r} is not a "
                                 "module number; write e.g. '1: {en: ..., zh: ...}'") from None
            modules[number] = titles
        return cls(dict(sorted(modules.items())), dict(parts["levels"]),
                   dict(parts["audiences"]))

    def label(self, kind: str, key, language: str) -> str:
        """The ``language`` label of a module, level or role (``kind`` is the mapping's name)."""
        labels = getattr(self, kind).get(key) or {}
        if isinstance(labels, dict):
            return str(labels.get(language) or labels.get(DEFAULT) or key)
        return str(labels)

    def fingerprint(self) -> str:
        return json.dumps([self.modules, self.levels, self.audiences], sort_keys=True,
                          default=str, ensure_ascii=False)


@dataclass(frozen=True)
class Lesson:
    """One lesson file in one language, checked."""

    language: str     # the language of the file: "en" (docs/) or "zh" (docs_zh/)
    path: str         # project-relative: docs/lessons/practice/seals-vvtt.md
    rel: str          # relative to its docs folder: lessons/practice/seals-vvtt.md
    id: str
    module: int
    order: int
    title: str
    duration: int     # minutes
    level: str
    audience: tuple   # roles, in the order of extra.course.audiences
    objectives: tuple
    quiz: str | None
    lines: dict = field(default_factory=dict, compare=False, hash=False)
    head: SourceHead | None = field(default=None, compare=False, hash=False, repr=False)

    def where(self, key: str) -> str:
        line = self.lines.get(key) or 1
        return f"{self.path}:{line}"


@dataclass(frozen=True)
class SourceHead:
    """A lesson file's front matter as it was read and checked: its text and its mapping."""

    text: str   # from the opening '---' line to the closing line's line break
    meta: dict  # the YAML between them, parsed

    def without_front_matter(self, source: str) -> str | None:
        """What MkDocs should read instead of the file's ``source``: the body after a blank
        line (so MkDocs looks for no metadata in it, not even MultiMarkdown's ``Key: value``
        first lines). None if the file no longer starts with this front matter (saved
        again since it was read)."""
        return "\n" + source[len(self.text):] if source.startswith(self.text) else None


@dataclass
class Course:
    """Every valid lesson of both languages, in curriculum order, and the problems found."""

    config: CourseConfig
    lessons: dict  # language -> [Lesson] sorted by (module, order)
    errors: list

    def __post_init__(self):
        every = [lesson for language_lessons in self.lessons.values() for lesson in language_lessons]
        self._by_path = {(lesson.language, lesson.rel): lesson for lesson in every}
        self._by_file = {lesson.path: lesson for lesson in every}

    def lesson(self, language: str, rel: str) -> Lesson | None:
        """The lesson file ``rel`` (``lessons/x/y.md``) written in ``language``."""
        return self._by_path.get((language, rel))

    def lesson_file(self, path: str) -> Lesson | None:
        """The lesson at project-relative ``path`` (``docs_zh/lessons/x/y.md``)."""
        return self._by_file.get(path)

    def site_lessons(self, language: str) -> list[Lesson]:
        """The lessons a reader of ``language`` gets, in curriculum order.

        A lesson not yet translated is served from its English file (the i18n fallback),
        so it is listed with the English lesson; a lesson with no English original is not
        part of the English site.
        """
        own = list(self.lessons.get(language, []))
        if language != DEFAULT:
            have = {lesson.rel for lesson in own}
            own += [lesson for lesson in self.lessons.get(DEFAULT, []) if lesson.rel not in have]
        return sorted(own, key=lambda lesson: (lesson.module, lesson.order, lesson.rel))


def lesson_files(root: Path) -> list[tuple[str, Path]]:
    """``[(language, path)]`` of every lesson Markdown file, English first, sorted."""
    found = []
    for language in LANGUAGES:
        base = root / SOURCE_DIRS[language] / LESSONS_DIR
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*.md")):
            if path.name in ("index.md", "README.md") or any(
                    part.startswith(".") for part in path.relative_to(base).parts):
                continue  # a section's index page is not a lesson
            found.append((language, path))
    return found


def quiz_ids(root: Path) -> set[str]:
    quiz_dir = root / QUIZ_DIR
    if not quiz_dir.is_dir():
        return set()
    return {p.stem for p in quiz_dir.glob("*.yml")}


# One course at a time (replaced, never appended): safe across ``mkdocs serve`` rebuilds.
_CACHE: dict = {}


def load_course(root: Path, config: CourseConfig, *, recheck: bool = True) -> Course:
    """Read and check every lesson under ``root`` (the project folder).

    The result is cached on the files' modification times, so the second language build
    and an unchanged ``mkdocs serve`` rebuild do not parse anything again. Finding and
    stat-ing every lesson file still costs a few milliseconds per hundred lessons, so
    ``recheck=False`` returns the course loaded last for the same project and settings
    without looking at the files: for readers later in a build whose first step loaded it.
    """
    root = Path(root)
    key = _CACHE.get("key")
    if not recheck and key and (key[0], key[-1]) == (str(root), config.fingerprint()):
        return _CACHE["course"]
    files = lesson_files(root)
    quizzes = quiz_ids(root)
    key = (str(root), tuple((str(p), *_stamp(p)) for _, p in files),
           tuple(sorted(quizzes)), config.fingerprint())
    if _CACHE.get("key") != key:
        course = _read_course(root, files, quizzes, config)
        _CACHE.clear()
        _CACHE.update(key=key, course=course)
    return _CACHE["course"]


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


def _read_course(root_path: Path, files, quizzes: set[str], config: CourseConfig) -> Course:
    errors: list[AuthorError] = []
    lessons: dict[str, list[Lesson]] = {language: [] for language in LANGUAGES}
    root_prefix = root_path.as_posix().rstrip("/") + "/"
    for language, path in files:
        # lesson_files() found each path under root/<language folder>/ (string slicing:
        # pathlib's relative_to cost more than checking the lesson).
        posix = path.as_posix()
        rel_path = (posix[len(root_prefix):] if posix.startswith(root_prefix)
                    else path.relative_to(root_path).as_posix())
        rel = rel_path[len(SOURCE_DIRS[language]) + 1:]
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            errors.append(AuthorError(rel_path, None, f"cannot read the lesson ({exc})",
                                      "save it as UTF-8 text"))
            continue
        lesson, problems = parse_lesson(text, rel_path, rel, language, config, quizzes)
        errors += problems
        if lesson is not None:
            lessons[language].append(lesson)
    for language in LANGUAGES:
        lessons[language].sort(key=lambda lesson: (lesson.module, lesson.order, lesson.rel))
        errors += _duplicates(lessons[language])
    errors += _parity(lessons)
    return Course(config, lessons, errors)


def parse_lesson(text: str, path: str, rel: str, language: str, config: CourseConfig,
                 quizzes: set[str]) -> tuple[Lesson | None, list[AuthorError]]:
    """Check one lesson's front matter. Returns the lesson (None if it cannot be used)
    and every problem found in it."""
    try:
        front = split_front_matter(text, path)
    except AuthorError as exc:
        return None, [exc]
    meta, lines = front.meta, front.lines
    if not meta:
        return None, [AuthorError(
            path, 1, "the lesson has no front matter",
            "start the file with a '---' line, the lesson's keys ("
            + ", ".join(REQUIRED_KEYS) + ") and another '---' line (see 'Add a lesson' in README.md)")]

    errors: list[AuthorError] = []

    def error(key: str | None, problem: str, fix: str = "") -> None:
        errors.append(AuthorError(path, lines.get(key, 1) if key else 1, problem, fix))

    suggested = set()
    for key in meta:
        if key not in KNOWN_KEYS:
            close = difflib.get_close_matches(key, KNOWN_KEYS, n=1, cutoff=0.6)
            fix = (f"did you mean '{close[0]}'?" if close
                   else "a lesson's keys are " + ", ".join(REQUIRED_KEYS + OPTIONAL_KEYS))
            error(key, f"unknown front matter key '{key}'", fix)
            suggested.update(close)
    values = {}
    stem = Path(rel).stem
    for key in REQUIRED_KEYS:
        if key not in meta and key not in suggested:  # a misspelt key is reported once
            errors.append(AuthorError(path, 1, f"the front matter has no '{key}'",
                                      _missing_fix(key, stem, config)))

    if "id" in meta:
        value = meta["id"]
        if not isinstance(value, str) or not _KEBAB.match(value):
            error("id", f"'id' must be kebab-case (lower-case letters, digits and hyphens), "
                        f"got {_shown(value)}", f"write 'id: {stem}'")
        elif value != stem:
            error("id", f"'id' is '{value}' but the file is named {stem}.md",
                  f"make them equal: write 'id: {stem}' or rename the file to {value}.md")
        else:
            values["id"] = value

    if "module" in meta:
        value = meta["module"]
        allowed = ", ".join(str(n) for n in config.modules)
        if not _is_int(value) or value not in config.modules:
            error("module", f"'module' must be one of {allowed} (extra.course.modules in "
                            f"mkdocs.yml), got {_shown(value)}", f"write e.g. 'module: {next(iter(config.modules))}'")
        else:
            values["module"] = value

    if "order" in meta:
        value = meta["order"]
        if not _is_int(value) or value < 1:
            error("order", f"'order' must be a whole number from 1 (the lesson's place in its "
                           f"module), got {_shown(value)}", "write e.g. 'order: 1'")
        else:
            values["order"] = value

    if "title" in meta:
        value = meta["title"]
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            error("title", f"'title' must be the lesson's title as text, got {_shown(value)}",
                  "write e.g. 'title: High-security seals and the VVTT check'")
        elif markup := unsafe_markup(value):
            error("title", f"'title' contains {markup}; front matter is plain text",
                  "remove it (HTML is never rendered from front matter)")
        else:
            values["title"] = value.strip()

    if "duration" in meta:
        value = meta["duration"]
        if not _is_int(value):
            error("duration", f"'duration' must be a whole number of minutes, got {_shown(value)}",
                  "write e.g. 'duration: 20'")
        elif value < 1:
            error("duration", f"'duration' must be at least 1 minute, got {_shown(value)}",
                  "write e.g. 'duration: 20'")
        else:
            values["duration"] = value

    if "level" in meta:
        value = meta["level"]
        allowed = ", ".join(config.levels)
        if not isinstance(value, str) or value not in config.levels:
            close = _close(value, config.levels)
            error("level", f"'level' must be one of {allowed}, got {_shown(value)}",
                  f"did you mean 'level: {close}'?" if close
                  else f"write e.g. 'level: {next(iter(config.levels))}'")
        else:
            values["level"] = value

    if "audience" in meta:
        value = meta["audience"]
        allowed = ", ".join(config.audiences)
        if isinstance(value, str) and value in config.audiences:
            error("audience", f"'audience' must be a list of roles, got {_shown(value)}",
                  f"write 'audience: [{value}]' (brackets, even for one role)")
        elif not isinstance(value, list) or not value:
            error("audience", f"'audience' must be a non-empty list of roles, got {_shown(value)}",
                  f"write e.g. 'audience: [importer, manufacturer]' using only: {allowed}")
        else:
            ok = True
            for role in value:
                if not isinstance(role, str) or role not in config.audiences:
                    ok = False
                    close = _close(role, config.audiences)
                    hint = f"did you mean '{close}'? " if close else ""
                    error("audience", f"'audience' has an unknown role {_shown(role)}",
                          f"{hint}allowed roles: {allowed}")
            if ok:
                values["audience"] = tuple(r for r in config.audiences if r in value)

    if "objectives" in meta:
        value = meta["objectives"]
        if not isinstance(value, list) or not value:
            error("objectives", f"'objectives' must be a non-empty list, got {_shown(value)}",
                  "write each objective on its own line under 'objectives:' as '  - Describe ...'")
        else:
            items, ok = [], True
            for number, item in enumerate(value, 1):
                if isinstance(item, (int, float)) and not isinstance(item, bool):
                    item = str(item)
                if isinstance(item, str) and item.strip():
                    if markup := unsafe_markup(item):
                        ok = False
                        errors.append(AuthorError(
                            path, lines.get("objectives", 1) + number,
                            f"'objectives' item {number} contains {markup}; objectives take "
                            "inline Markdown only", "remove it (HTML and script links are never rendered)"))
                        continue
                    items.append(item.strip())
                    continue
                ok = False
                # Mappings know their line in the YAML, which starts on line 2 of the file.
                line = item.line + 1 if isinstance(item, LineDict) else lines.get("objectives", 1)
                hint = (" (a ': ' inside the text makes YAML read it as a mapping)"
                        if isinstance(item, dict) else "")
                errors.append(AuthorError(
                    path, line, f"'objectives' item {number} is not plain text{hint}, "
                                f"got {_shown(item)}", "write it as '  - \"text in quotes\"'"))
            if ok:
                values["objectives"] = tuple(items)

    quiz = None
    if "quiz" in meta:
        value = meta["quiz"]
        if not isinstance(value, str) or not value.strip():
            error("quiz", f"'quiz' must name a quiz file in quizzes/, got {_shown(value)}",
                  f"write 'quiz: {stem}' for quizzes/{stem}.yml, or remove the line")
        elif value not in quizzes:
            close = _close(value, sorted(quizzes))
            fix = (f"did you mean 'quiz: {close}'?" if close
                   else f"create quizzes/{value}.yml or remove the 'quiz' line")
            error("quiz", f"'quiz' names '{value}' but there is no quizzes/{value}.yml", fix)
        else:
            quiz = value

    errors.sort(key=lambda e: e.line or 0)
    if errors or len(values) < len(REQUIRED_KEYS):
        return None, errors
    return Lesson(language=language, path=path, rel=rel, quiz=quiz, lines=dict(lines),
                  head=SourceHead(front.head, meta), **values), errors


def _missing_fix(key: str, stem: str, config: CourseConfig) -> str:
    first = {name: next(iter(getattr(config, name)), "") for name in ("modules", "levels")}
    return {
        "id": f"add 'id: {stem}' (the file name without .md)",
        "module": f"add e.g. 'module: {first['modules']}' (one of "
                  + ", ".join(str(n) for n in config.modules) + ")",
        "order": "add e.g. 'order: 1' (the lesson's place in its module)",
        "title": "add e.g. 'title: High-security seals and the VVTT check'",
        "duration": "add e.g. 'duration: 20' (minutes of study, quiz included)",
        "level": f"add e.g. 'level: {first['levels']}' (one of " + ", ".join(config.levels) + ")",
        "audience": "add e.g. 'audience: [importer, manufacturer]' (roles: "
                    + ", ".join(config.audiences) + ")",
        "objectives": "add 'objectives:' followed by one '  - <objective>' line each",
    }[key]


def _duplicates(lessons: list[Lesson]) -> list[AuthorError]:
    """Two lessons of one language with one id, or one (module, order) position."""
    errors = []
    by_id: dict[str, Lesson] = {}
    by_place: dict[tuple, Lesson] = {}
    for lesson in sorted(lessons, key=lambda lesson: lesson.path):
        first = by_id.setdefault(lesson.id, lesson)
        if first is not lesson:
            errors.append(AuthorError(
                lesson.path, lesson.lines.get("id"),
                f"id '{lesson.id}' is also used by {first.where('id')}",
                "give each lesson its own id (and file name)"))
        first = by_place.setdefault((lesson.module, lesson.order), lesson)
        if first is not lesson:
            errors.append(AuthorError(
                lesson.path, lesson.lines.get("order"),
                f"module {lesson.module}, order {lesson.order} is also taken by "
                f"{first.where('order')}",
                f"give each lesson of module {lesson.module} its own 'order'"))
    return errors


def _parity(lessons: dict[str, list[Lesson]]) -> list[AuthorError]:
    """A translation shares every field with its English lesson except title and objectives."""
    errors = []
    english = {lesson.rel: lesson for lesson in lessons.get(DEFAULT, [])}
    for language in LANGUAGES:
        if language == DEFAULT:
            continue
        for lesson in lessons.get(language, []):
            original = english.get(lesson.rel)
            if original is None:
                continue  # a page without English is reported by the languages hook
            for name in SHARED_FIELDS:
                ours, theirs = getattr(lesson, name), getattr(original, name)
                if ours == theirs:
                    continue
                errors.append(AuthorError(
                    lesson.path, lesson.lines.get(name) or lesson.lines.get("id"),
                    f"'{name}' is {_value(ours)} here but {_value(theirs)} in "
                    f"{original.where(name)}",
                    f"make '{name}' the same in both languages (only 'title' and "
                    "'objectives' are translated)"))
    return errors


# Text from front matter goes into <title>, the summary box, the library and catalog.json:
# HTML tags and script links there are an author's mistake or an attack, never content.
_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!]")
_SCRIPT_LINK = re.compile(r"(?:javascript|vbscript|data)\s*:", re.IGNORECASE)


def unsafe_markup(text: str) -> str | None:
    """Describe HTML or a script link in ``text`` (``"HTML ('<script>')"``), or None."""
    if match := _HTML_TAG.search(text):
        tag = text[match.start():text.find(">", match.start()) + 1 or match.end() + 8][:20]
        return f"HTML ({tag!r})"
    if match := _SCRIPT_LINK.search(text):
        return f"a script link ({match.group(0).strip()!r})"
    return None


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _shown(value) -> str:
    """An author's value as they wrote it, for a message."""
    if value is None:
        return "nothing"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(str(v) for v in value) + "]"
    if isinstance(value, dict):
        return "'" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "'"
    return f"'{value}'"


def _value(value) -> str:
    """A checked value, for the translation-parity messages."""
    if value is None:
        return "not set"
    if isinstance(value, int):
        return str(value)
    return _shown(value)


def _close(value, choices) -> str | None:
    if not isinstance(value, str):
        return None
    match = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return match[0] if match else None


def format_minutes(minutes: int, language: str) -> str:
    """``95`` -> ``1 h 35 min`` / ``1 小时 35 分钟``."""
    hours, rest = divmod(int(minutes), 60)
    if hours and rest:
        return t(language, "hours_minutes", h=hours, m=rest)
    if hours:
        return t(language, "hours", h=hours)
    return t(language, "minutes", n=rest)


def summary_model(lesson: Lesson, config: CourseConfig, language: str) -> dict:
    """What the lesson summary box shows, in the page's ``language``.

    The objectives stay in the lesson's own language (an untranslated lesson under /zh/
    keeps its English objectives, marked as English).
    """
    return {
        "language": language,
        "content_language": lesson.language,
        "module_number": lesson.module,
        "module_title": config.label("modules", lesson.module, language),
        "duration": format_minutes(lesson.duration, language),
        "duration_minutes": lesson.duration,
        "level": lesson.level,
        "level_label": config.label("levels", lesson.level, language),
        "audience": [{"role": role, "label": config.label("audiences", role, language)}
                     for role in lesson.audience],
        "objectives": list(lesson.objectives),
    }


_H1_END = re.compile(r"</h1\s*>", re.IGNORECASE)


def insert_after_h1_html(html: str, block: str) -> str:
    """Put ``block`` (HTML) right after the page's first ``<h1>``; first without one.

    A ``</h1>`` written inside code is escaped (``&lt;/h1&gt;``) and never matches.
    """
    match = _H1_END.search(html)
    if match is None:
        return f"{block}\n{html}"
    return f"{html[:match.end()]}\n{block}{html[match.end():]}"
