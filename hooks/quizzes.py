"""Self-check quizzes: check ``quizzes/*.yml`` and the markers that place them, then render
each ``<!-- quiz: ID -->`` marker as the quiz widget in the page's language.

- ``on_pre_build`` (every language build): start checking the quiz files and the markers in
  ``docs/`` and ``docs_zh/`` (``coursekit.course_quizzes``; on another core during
  ``mkdocs build``, once for both languages).
- ``on_env`` (priority 100, after every page's Markdown, before any page is written): collect
  that check. Problems that stop a quiz from rendering (a broken quiz file, a marker naming
  no quiz) end the build with one ``PluginError`` listing all of them; the rest (a quiz in
  one language only, a quiz no page uses) are warnings, so ``--strict`` fails on them too.
  Warnings are logged in the default-language build only: the other language's build would
  repeat them word for word.
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

from coursekit import course_quizzes, languages
from coursekit.quiz_render import QuizRenderer
from coursekit.quizzes import project_path

log = get_plugin_logger("quizzes")

# The marker as Markdown passes it through: a raw HTML block on its own line. The pattern
# starts with its literal "<!--" (a leading "^" made the engine try every character of the
# page, five times slower); the line start is checked in on_page_context.
MARKER_IN_HTML = re.compile(r"<!--[ \t]*quiz[ \t]*:[ \t]*([A-Za-z0-9_-]+)[ \t]*-->$", re.MULTILINE)


class _Build:
    """This build's renderer and quizzes, replaced (never appended to) on every build."""

    renderer: QuizRenderer | None = None
    quizzes: dict = {}


def _root(config) -> Path:
    return Path(os.path.dirname(os.path.abspath(config.config_file_path)))


def _language(config) -> str:
    return config.theme.get("language") or languages.DEFAULT


def on_pre_build(*, config) -> None:
    root = _root(config)
    page_dirs = {"en": project_path(Path(config.docs_dir), root), "zh": languages.SOURCE_DIRS["zh"]}
    log.debug("quizzes and quiz markers: " + course_quizzes.start(root, root / "quizzes", page_dirs))
    _Build.quizzes = {}
    _Build.renderer = QuizRenderer(config.markdown_extensions, config.mdx_configs)


@event_priority(100)  # first: hooks/library.py reads the quizzes at on_env too
def on_env(env, /, *, config, files):
    check = course_quizzes.result()
    if _language(config) == languages.DEFAULT:
        for warning in check.warnings:
            log.warning(str(warning))
    if check.problems:
        raise PluginError(f"{len(check.problems)} problem(s) with the quizzes stop the build:\n"
                          + "\n".join(str(p) for p in check.problems))
    _Build.quizzes = check.quizzes
    return env


@event_priority(-100)
def on_page_context(context, /, *, page, config, nav):
    html = page.content or ""
    if "<!--" not in html or not _Build.quizzes:
        return context
    language = _language(config)
    uses: dict[str, int] = {}

    def render(match: re.Match) -> str:
        quiz = _Build.quizzes.get(match[1])
        if match.start() > 0 and html[match.start() - 1] != "\n":
            return match[0]  # not alone on its line: not a marker
        if quiz is None:  # reported by on_env; unreachable unless files changed mid-build
            return match[0]
        uses[quiz.id] = uses.get(quiz.id, 0) + 1
        uid = f"ctpat-quiz-{quiz.id}" + (f"-{uses[quiz.id]}" if uses[quiz.id] > 1 else "")
        return _Build.renderer.render(quiz, language, uid)

    html = MARKER_IN_HTML.sub(render, html)
    if uses:
        page.content = html
        page.meta["ctpat_quiz"] = True  # overrides/main.html loads quiz.css and quiz.js
    return context
