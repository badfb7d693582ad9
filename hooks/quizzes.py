"""Self-check quizzes: check ``quizzes/*.yml`` and the markers that place them, then render
each ``<!-- quiz: ID -->`` marker as the quiz widget in the page's language.

- ``on_pre_build`` (every language build): load the quizzes and scan ``docs/`` and
  ``docs_zh/`` for markers. Problems that stop a quiz from rendering (a broken quiz file,
  a marker naming no quiz) end the build with one ``PluginError`` listing all of them;
  the rest (a quiz in one language only, a quiz no page uses) are warnings, so ``--strict``
  fails on them too. Warnings are logged in the default-language build only: the other
  language's build would repeat them word for word.
- ``on_page_context``, after every plugin (priority -100): replace each marker (Markdown
  passes the HTML comment through on its own line) by the rendered widget and flag the page
  (``page.meta["ctpat_quiz"]``) so overrides/main.html loads quiz.css and quiz.js there and
  nowhere else. Rendering after Material's search plugin has indexed the page keeps quiz
  text and answers out of search, and spares its HTML parser the widget: on a course with
  a quiz per lesson that parser walked three times as many tags (bench/profile_build.py).

The logic lives in ``coursekit.quizzes`` (loading, checks) and ``coursekit.quiz_render``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from coursekit import languages
from coursekit import quizzes as quizkit
from coursekit.quiz_render import QuizRenderer

log = get_plugin_logger("quizzes")

# The marker as Markdown passes it through: a raw HTML block on its own line.
MARKER_IN_HTML = re.compile(r"^<!--[ \t]*quiz[ \t]*:[ \t]*([A-Za-z0-9_-]+)[ \t]*-->$", re.MULTILINE)


class _Cache:
    """What one build needs, replaced (never appended to) on every build and rebuild."""

    quizzes: dict = {}
    renderer: QuizRenderer | None = None
    pages: dict = {}  # path -> ((mtime_ns, size), markers, marker errors)


def _root(config) -> Path:
    return Path(os.path.dirname(os.path.abspath(config.config_file_path)))


def _language(config) -> str:
    return config.theme.get("language") or languages.DEFAULT


def on_pre_build(*, config) -> None:
    root = _root(config)
    quiz_dir = root / "quizzes"
    quizzes, errors = _load_quizzes(quiz_dir, root)
    source_dirs = {"en": _relative(Path(config.docs_dir), root),
                   "zh": languages.SOURCE_DIRS["zh"]}
    markers, marker_errors = {}, []
    for language, folder in source_dirs.items():
        markers[language] = _scan_pages(root / folder, root, marker_errors)
    known_files = {p.stem for p in quiz_dir.glob("*.yml")} if quiz_dir.is_dir() else set()
    placement_errors, warnings = quizkit.check_placements(
        markers["en"], markers["zh"], quizzes, known_files=known_files, source_dirs=source_dirs)
    if _language(config) == languages.DEFAULT:
        for warning in warnings:
            log.warning(str(warning))
    problems = [*errors, *marker_errors, *placement_errors]
    if problems:
        raise PluginError(f"{len(problems)} problem(s) with the quizzes stop the build:\n"
                          + "\n".join(str(p) for p in problems))
    _Cache.quizzes = quizzes
    _Cache.renderer = QuizRenderer(config.markdown_extensions, config.mdx_configs)


@event_priority(-100)
def on_page_context(context, /, *, page, config, nav):
    html = page.content or ""
    if "<!--" not in html or not _Cache.quizzes:
        return context
    language = _language(config)
    uses: dict[str, int] = {}

    def render(match: re.Match) -> str:
        quiz = _Cache.quizzes.get(match[1])
        if quiz is None:  # reported by on_pre_build; unreachable unless files changed mid-build
            return match[0]
        uses[quiz.id] = uses.get(quiz.id, 0) + 1
        uid = f"ctpat-quiz-{quiz.id}" + (f"-{uses[quiz.id]}" if uses[quiz.id] > 1 else "")
        return _Cache.renderer.render(quiz, language, uid)

    html = MARKER_IN_HTML.sub(render, html)
    if uses:
        page.content = html
        page.meta["ctpat_quiz"] = True  # overrides/main.html loads quiz.css and quiz.js
    return context


def _load_quizzes(quiz_dir: Path, root: Path):
    quizzes, errors = quizkit.load_quizzes_cached(quiz_dir, root)
    return quizzes, list(errors)


def _scan_pages(folder: Path, root: Path, errors: list) -> dict[str, list]:
    """``{page path inside folder: [(quiz_id, line), ...]}`` for every Markdown page."""
    found, cache = {}, {}
    if not folder.is_dir():
        return found
    for directory, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.endswith(".md") or name.startswith("."):
                continue
            path = Path(directory) / name
            stat = path.stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
            cached = _Cache.pages.get(str(path))
            if cached is None or cached[0] != stamp:
                page_errors: list = []
                text = path.read_text(encoding="utf-8", errors="replace")
                markers = quizkit.find_markers(text, _relative(path, root), page_errors)
                cached = (stamp, markers, page_errors)
            cache[str(path)] = cached
            found[path.relative_to(folder).as_posix()] = cached[1]
            errors.extend(cached[2])
    prefix = str(folder) + os.sep  # keep the other language's entries, drop deleted pages
    _Cache.pages = {**{k: v for k, v in _Cache.pages.items() if not k.startswith(prefix)}, **cache}
    return found


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
