"""The course's quizzes, checked once per change of the sources and shared by the hooks.

``check(...)`` is the whole check, pure (files in, picklable data out): every quiz file
loaded (``coursekit.quizzes.load_quiz``), every page of both languages scanned for quiz
markers, and the markers checked against the quizzes. ``start(...)`` runs it in a second
process (``coursekit.background``) when the sources changed since the last build;
``result()`` collects it. So ``mkdocs build`` parses the quizzes on another core while MkDocs
converts the Markdown, both language builds share one check, and ``mkdocs serve`` re-reads
only the files that changed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .background import Background
from .errors import AuthorError
from .quizzes import (Quiz, check_placements, find_markers, load_quizzes, project_path,
                      read_if_changed)


@dataclass
class CourseQuizzes:
    quizzes: dict[str, Quiz] = field(default_factory=dict)  # the quizzes that loaded, by id
    problems: list[AuthorError] = field(default_factory=list)  # stop the build
    warnings: list[AuthorError] = field(default_factory=list)  # stop a --strict build


def check(root: Path, quiz_dir: Path, page_dirs: dict[str, str]) -> CourseQuizzes:
    """Load every quiz in ``quiz_dir`` and check the markers in ``root/page_dirs[language]``."""
    quizzes, problems = load_quizzes(quiz_dir, root, cache=_quiz_files)
    markers, marker_problems = {}, []
    for language, folder in page_dirs.items():
        markers[language] = _scan_pages(Path(root) / folder, Path(root), marker_problems)
    known_files = {Path(path).stem for path in _quiz_files}  # every .yml read, loaded or not
    placement_problems, warnings = check_placements(
        markers.get("en", {}), markers.get("zh", {}), quizzes, known_files=known_files,
        source_dirs=page_dirs)
    return CourseQuizzes(quizzes, [*problems, *marker_problems, *placement_problems], warnings)


def sources_stamp(quiz_dir: Path, folders) -> tuple:
    """Changes whenever a quiz file or a Markdown page is added, removed or saved."""
    stamp = []
    for folder in (Path(quiz_dir), *map(Path, folders)):
        for directory, dirs, names in os.walk(folder):
            dirs.sort()
            for name in sorted(names):
                stat = os.stat(os.path.join(directory, name))
                stamp.append((directory, name, stat.st_mtime_ns, stat.st_size))
    return tuple(stamp)


class _State:
    """The last check and its stamp; replaced (never appended to) on every change."""

    stamp: tuple | None = None
    job: Background | None = None
    result: CourseQuizzes | None = None


def start(root: Path, quiz_dir: Path, page_dirs: dict[str, str]) -> str:
    """Start checking the quizzes, unless nothing changed since the last check; say which."""
    stamp = sources_stamp(quiz_dir, [Path(root) / d for d in page_dirs.values()])
    if stamp == _State.stamp and (_State.result is not None or _State.job is not None):
        return "unchanged since the last check"
    if _State.job is not None:
        _State.job.cancel()  # an unfinished check of files that have changed since
    _State.stamp, _State.result = stamp, None
    _State.job = Background(check, Path(root), Path(quiz_dir), dict(page_dirs))
    return "checking in a worker process" if _State.job.forked else "checking in this process"


def result() -> CourseQuizzes:
    """The check started last (waiting for it if needed); empty if none was started."""
    if _State.result is None:
        job, _State.job = _State.job, None
        try:
            _State.result = job.result() if job is not None else CourseQuizzes()
        except BaseException:
            _State.stamp = None  # check again next build
            raise
    return _State.result


# ---- per-file caches: mkdocs serve re-reads only what changed -------------------------------

_quiz_files: dict = {}  # path -> ((mtime_ns, size), Quiz or None, [AuthorError])
_page_files: dict = {}  # path -> ((mtime_ns, size), markers, [AuthorError])


def _scan_pages(folder: Path, root: Path, problems: list) -> dict[str, list]:
    """``{page path inside folder: [(quiz_id, line), ...]}`` for every Markdown page."""
    global _page_files
    found, seen = {}, {}
    if not folder.is_dir():
        return found
    for directory, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.endswith(".md") or name.startswith("."):
                continue
            path = Path(directory) / name
            markers, page_problems = read_if_changed(_page_files, seen, path,
                                                     lambda p: _read_markers(p, root))
            found[path.relative_to(folder).as_posix()] = markers
            problems.extend(page_problems)
    prefix = str(folder) + os.sep  # keep the other language's entries, drop deleted pages
    _page_files = {**{k: v for k, v in _page_files.items() if not k.startswith(prefix)}, **seen}
    return found


def _read_markers(path: Path, root: Path) -> tuple[list, list[AuthorError]]:
    problems: list = []
    text = path.read_text(encoding="utf-8", errors="replace")
    return find_markers(text, project_path(path, root), problems), problems
