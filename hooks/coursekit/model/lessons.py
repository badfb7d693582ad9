"""The lesson contract: one lesson file's front matter, checked.

A lesson is ``docs/lessons/<module folder>/<id>.md`` (English) with its Chinese twin at the
same path under ``docs_zh/``. Its front matter (README.md, "Add a lesson"):

    id, module, order, title, duration, level, audience, objectives     required
    roles, msc, discussion, quiz                                        optional
    description, subtitle, hide, icon, status                           page settings

Each key has one small check below (``FIELDS``); :func:`parse_lesson` runs them all and
returns every problem of the file at once. Text is kept as the author wrote it: the pages
escape it (titles) or render it as inline Markdown without raw HTML (objectives).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Callable

from ..problems import Problem
from .settings import Settings, shown
from .source import LineDict, split_front_matter

LESSONS_DIR = "lessons"  # inside docs/ and docs_zh/
REQUIRED = ("id", "module", "order", "title", "duration", "level", "audience", "objectives")
OPTIONAL = ("roles", "msc", "discussion", "quiz")
PAGE_KEYS = ("description", "subtitle", "hide", "icon", "status")
KNOWN = REQUIRED + OPTIONAL + PAGE_KEYS
# What a translation must not change (title, objectives, discussion and page text are translated).
SHARED = ("id", "module", "order", "duration", "level", "audience", "roles", "msc", "quiz")
_KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Lesson:
    """One lesson file in one authored language, checked."""

    language: str        # "en" (docs/) or "zh" (docs_zh/)
    path: str            # project-relative: docs/lessons/practice/seals-vvtt.md
    rel: str             # inside its docs folder: lessons/practice/seals-vvtt.md
    id: str
    module: int
    order: int
    title: str
    duration: int        # minutes
    level: str
    audience: tuple      # entity types, in the order of extra.course.audiences
    objectives: tuple
    roles: tuple = ()    # job roles, in the order of extra.course.roles
    msc: tuple = ()      # MSC categories, in the order of extra.course.criteria
    discussion: tuple = ()
    quiz: str | None = None
    lines: dict = field(default_factory=dict, compare=False, hash=False)

    def where(self, key: str) -> str:
        return f"{self.path}:{self.lines.get(key) or 1}"

    @property
    def folder(self) -> str:
        """The module folder the file sits in (``practice``), or "" directly in lessons/."""
        parts = self.rel.split("/")
        return parts[1] if len(parts) > 2 else ""


@dataclass
class _Context:
    path: str
    stem: str
    settings: Settings
    quiz_ids: set
    meta: LineDict
    problems: list

    def error(self, key: str, problem: str, fix: str = "", line: int | None = None) -> None:
        self.problems.append(Problem(self.path, line or self.meta.line_of(key) or 1, problem, fix))


# ---- one check per key: (value, context) -> checked value, or None after reporting -----------

def _id(value, c: _Context):
    if not isinstance(value, str) or not _KEBAB.match(value):
        c.error("id", f"'id' must be kebab-case (lower-case letters, digits and hyphens), "
                      f"got {shown(value)}", f"write 'id: {c.stem}'")
    elif value != c.stem:
        c.error("id", f"'id' is '{value}' but the file is named {c.stem}.md",
                f"make them equal: write 'id: {c.stem}' or rename the file to {value}.md")
    else:
        return value
    return None


def _whole(name: str, minimum: int, unit: str, example: str, meaning: str) -> Callable:
    def check(value, c: _Context):
        if not isinstance(value, int) or isinstance(value, bool):
            c.error(name, f"'{name}' must be a whole number {meaning}, got {shown(value)}", f"write e.g. '{name}: {example}'")
        elif value < minimum:
            c.error(name, f"'{name}' must be at least {minimum}{unit}, got {shown(value)}", f"write e.g. '{name}: {example}'")
        else:
            return value
        return None
    return check


def _module(value, c: _Context):
    modules = c.settings.modules
    if isinstance(value, int) and not isinstance(value, bool) and value in modules:
        return value
    allowed = ", ".join(str(n) for n in modules) or "(none declared)"
    if isinstance(value, str) and value.strip().isdigit():  # module: "3" is text to YAML
        c.error("module", f"'module' must be a number, got the text {shown(value)}",
                f"write 'module: {value.strip()}' without quotes")
        return None
    c.error("module", f"'module' must be one of {allowed} (extra.course.modules in mkdocs.yml), "
                      f"got {shown(value)}", f"write e.g. 'module: {next(iter(modules), 1)}'")
    return None


def _text(name: str, example: str) -> Callable:
    def check(value, c: _Context):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and value.strip():
            return value.strip()
        c.error(name, f"'{name}' must be text, got {shown(value)}", f"write e.g. '{name}: {example}'")
        return None
    return check


def _choice(name: str, kind: str) -> Callable:
    def check(value, c: _Context):
        allowed = getattr(c.settings, kind)
        if isinstance(value, str) and value in allowed:
            return value
        close = _close(value, allowed)
        c.error(name, f"'{name}' must be one of {', '.join(allowed)}, got {shown(value)}",
                f"did you mean '{name}: {close}'?" if close else f"write e.g. '{name}: {next(iter(allowed), '')}'")
        return None
    return check


def _ids(name: str, kind: str, required: bool) -> Callable:
    """A list of ids declared under extra.course.<kind>, returned in the declared order."""
    def check(value, c: _Context):
        allowed = getattr(c.settings, kind)
        example = ", ".join(list(allowed)[:2])
        if isinstance(value, str) and value in allowed:
            c.error(name, f"'{name}' must be a list, got {shown(value)}",
                    f"write '{name}: [{value}]' (brackets, even for one)")
            return None
        if not isinstance(value, list) or (required and not value):
            c.error(name, f"'{name}' must be a {'non-empty ' if required else ''}list, got {shown(value)}",
                    f"write e.g. '{name}: [{example}]' using only: {', '.join(allowed)}")
            return None
        ok = True
        for item in value:
            if not isinstance(item, str) or item not in allowed:
                ok = False
                close = _close(item, allowed)
                c.error(name, f"'{name}' has an unknown entry {shown(item)}",
                        (f"did you mean '{close}'? " if close else "") + f"allowed: {', '.join(allowed)} "
                        f"(extra.course.{kind} in mkdocs.yml)")
        return tuple(key for key in allowed if key in value) if ok else None
    return check


def _texts(name: str, required: bool) -> Callable:
    """A list of short texts (objectives, discussion prompts)."""
    def check(value, c: _Context):
        if not isinstance(value, list) or (required and not value):
            c.error(name, f"'{name}' must be a {'non-empty ' if required else ''}list, got {shown(value)}",
                    f"write each item on its own line under '{name}:' as '  - ...'")
            return None
        items, ok = [], True
        for number, item in enumerate(value, 1):
            if isinstance(item, (int, float)) and not isinstance(item, bool):
                item = str(item)
            if isinstance(item, str) and item.strip():
                items.append(item.strip())
                continue
            ok = False
            line = item.line if isinstance(item, LineDict) else c.meta.line_of(name) + number
            hint = " (a ': ' inside the text makes YAML read it as a mapping)" if isinstance(item, dict) else ""
            c.error(name, f"'{name}' item {number} is not plain text{hint}, got {shown(item)}",
                    "write it as '  - \"text in quotes\"'", line=line)
        return tuple(items) if ok else None
    return check


def _quiz(value, c: _Context):
    if not isinstance(value, str) or not value.strip():
        c.error("quiz", f"'quiz' must name a quiz file in quizzes/, got {shown(value)}",
                f"write 'quiz: {c.stem}' for quizzes/{c.stem}.yml, or remove the line")
    elif value not in c.quiz_ids:
        close = _close(value, sorted(c.quiz_ids))
        c.error("quiz", f"'quiz' names '{value}' but there is no quizzes/{value}.yml",
                f"did you mean 'quiz: {close}'?" if close else f"create quizzes/{value}.yml or remove the 'quiz' line")
    else:
        return value
    return None


def _page_text(name: str) -> Callable:
    def check(value, c: _Context):
        if isinstance(value, str):
            return value
        c.error(name, f"'{name}' must be text, got {shown(value)}", f"write e.g. '{name}: ...' or remove it")
        return None
    return check


def _any(value, c: _Context):
    return value


DECLARED_IN = {"module": "modules", "level": "levels", "audience": "audiences", "roles": "roles",
               "msc": "criteria"}

FIELDS: dict[str, Callable] = {
    "id": _id,
    "module": _module,
    "order": _whole("order", 1, "", "1", "(the lesson's place in its module)"),
    "title": _text("title", "High-security seals and the VVTT check"),
    "duration": _whole("duration", 1, " minute", "20", "(minutes of study)"),
    "level": _choice("level", "levels"),
    "audience": _ids("audience", "audiences", True),
    "objectives": _texts("objectives", True),
    "roles": _ids("roles", "roles", False),
    "msc": _ids("msc", "criteria", False),
    "discussion": _texts("discussion", False),
    "quiz": _quiz,
    "description": _page_text("description"),
    "subtitle": _page_text("subtitle"),
    "hide": _any, "icon": _any, "status": _any,
}


def parse_lesson(source, path: str, rel: str, language: str, settings: Settings,
                 quiz_ids: set) -> tuple[Lesson | None, list[Problem]]:
    """Check one lesson: ``source`` is the file's text or its front matter already read.
    Returns the lesson (None if it cannot be used) and every problem found in it."""
    stem = rel.rsplit("/", 1)[-1][:-len(".md")]
    if isinstance(source, str):
        try:
            meta = split_front_matter(source, path).meta
        except Problem as problem:
            return None, [problem]
    else:
        meta = source
    if not meta:
        return None, [Problem(path, 1, "the lesson has no front matter",
                              "start the file with a '---' line, the lesson's keys (" + ", ".join(REQUIRED)
                              + ") and another '---' line (see 'Add a lesson' in README.md)")]
    c = _Context(path, stem, settings, quiz_ids, meta, [])
    meant = set()
    for key in meta:
        if key not in KNOWN:
            close = difflib.get_close_matches(str(key), KNOWN, n=1, cutoff=0.6)
            c.error(key, f"unknown front matter key '{key}'",
                    f"did you mean '{close[0]}'?" if close else "a lesson's keys are " + ", ".join(REQUIRED + OPTIONAL))
            meant.update(close)
    for key in REQUIRED:
        if key not in meta and key not in meant:
            c.problems.append(Problem(path, 1, f"the front matter has no '{key}'", _missing_fix(key, stem, settings)))
    # A key whose allowed values are not declared (already reported in mkdocs.yml) is not
    # checked again in every lesson.
    undeclared = {key for key, kind in DECLARED_IN.items() if not getattr(settings, kind)}
    values = {key: FIELDS[key](meta[key], c) if key not in undeclared else None
              for key in KNOWN if key in meta}
    if undeclared & set(REQUIRED):
        return None, sorted(c.problems, key=lambda p: p.line or 0)
    if any(values.get(key) is None for key in REQUIRED) or c.problems:
        return None, sorted(c.problems, key=lambda p: p.line or 0)
    lesson = Lesson(language=language, path=path, rel=rel, lines=dict(meta.key_lines),
                    **{key: values[key] for key in REQUIRED + OPTIONAL if key in values})
    return lesson, []


def _missing_fix(key: str, stem: str, settings: Settings) -> str:
    def choice(name: str, mapping, one: bool) -> str:
        if not mapping:
            return f"add '{name}:' (declare its values under extra.course in mkdocs.yml first)"
        values = ", ".join(map(str, mapping))
        first = next(iter(mapping))
        return (f"add e.g. '{name}: {first}' (one of {values})" if one
                else f"add e.g. '{name}: [{first}]' (one or more of {values})")

    return {
        "id": f"add 'id: {stem}' (the file name without .md)",
        "module": choice("module", settings.modules, True),
        "order": "add e.g. 'order: 1' (the lesson's place in its module)",
        "title": "add e.g. 'title: High-security seals and the VVTT check'",
        "duration": "add e.g. 'duration: 20' (minutes of study, quiz included)",
        "level": choice("level", settings.levels, True),
        "audience": choice("audience", settings.audiences, False),
        "objectives": "add 'objectives:' followed by one '  - <objective>' line each",
    }[key]


def _close(value, choices) -> str | None:
    if not isinstance(value, str):
        return None
    match = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return match[0] if match else None
