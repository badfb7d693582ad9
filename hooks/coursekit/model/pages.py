"""One Markdown page as the course checks see it: front matter, markers, reading length.

Every page of ``docs/`` and ``docs_zh/`` is read once per change (``FileCache``) into a
:class:`PageSource`; the lesson checks, the quiz placements and the reading-time check all
work from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..problems import Problem
from .source import split_front_matter

# A marker is alone on its line: <!-- quiz: seals-vvtt -->.
QUIZ_MARKER = re.compile(r"^[ \t]*<!--[ \t]*quiz[ \t]*:[ \t]*(?P<id>[^\s>]*)[ \t]*-->[ \t]*$")
_MARKER_LIKE = re.compile(r"<!--\s*quiz\s*:", re.IGNORECASE)
_FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")
# Reading length: Latin words and Han characters of the teaching text (up to its sources).
_SOURCES_HEADING = re.compile(r"^#{2,3}\s+(Sources|资料来源|參考資料|資料來源)\s*$", re.MULTILINE)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+(?:[.,:]\d+)*")
_HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class PageSource:
    path: str                     # project-relative: docs_zh/lessons/practice/seals-vvtt.md
    meta: dict = field(default_factory=dict)
    problem: Problem | None = None  # broken front matter
    markers: tuple = ()           # ((quiz_id, line), ...)
    marker_problems: tuple = ()
    words: int = 0                # Latin words of the teaching text
    han: int = 0                  # Han characters of the teaching text
    todos: tuple = ()             # ((line, text), ...): what the author left to write


def read_page(path: Path, rel: str) -> PageSource:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return PageSource(rel, problem=Problem(rel, None, f"cannot read the page ({exc})", "save it as UTF-8 text"))
    try:
        front = split_front_matter(text, rel)
    except Problem as problem:
        return PageSource(rel, problem=problem)
    problems: list[Problem] = []
    markers = find_markers(front.body, rel, front.body_line, problems)
    words, han = reading_length(front.body)
    return PageSource(rel, front.meta, None, tuple(markers), tuple(problems), words, han, todo_lines(text))


def todo_lines(text: str) -> tuple:
    """``((line, text), ...)`` of the lines holding ``TODO``: what the author left to write."""
    return tuple((number, line.strip()) for number, line in enumerate(text.split("\n"), 1) if "TODO" in line)


def find_markers(body: str, rel: str, first_line: int = 1, problems: list | None = None) -> list:
    """``[(quiz_id, line), ...]`` of the quiz markers in a Markdown body starting on file line
    ``first_line``. Markers in fenced code are examples; a line that looks like a marker but
    is not one is reported in ``problems``."""
    markers, fence = [], None
    for number, line in enumerate(body.split("\n"), first_line):
        opening = _FENCE.match(line)
        if fence is not None:
            if (opening and opening["fence"][0] == fence[0] and len(opening["fence"]) >= len(fence)
                    and not line.strip()[len(opening["fence"]):].strip()):
                fence = None
            continue
        if opening:
            fence = opening["fence"]
            continue
        match = QUIZ_MARKER.match(line)
        if match and match["id"]:
            markers.append((match["id"], number))
        elif _MARKER_LIKE.search(line) and problems is not None:
            problems.append(Problem(rel, number, "this quiz marker is not one the build understands",
                                    "write it alone on its line as '<!-- quiz: QUIZ-ID -->', "
                                    "with the id of a file in quizzes/"))
    return markers


def reading_length(body: str) -> tuple[int, int]:
    """``(Latin words, Han characters)`` of a body's teaching text: before its sources
    section, without code, comments and link targets."""
    end = _SOURCES_HEADING.search(body)
    text = body[:end.start()] if end else body
    text = re.sub(r"^[ \t]*(```|~~~).*?^[ \t]*\1", "", text, flags=re.MULTILINE | re.DOTALL)
    text = _LINK_TARGET.sub("]", _HTML_COMMENT.sub("", text))
    return len(_WORD.findall(text)), len(_HAN.findall(text))
