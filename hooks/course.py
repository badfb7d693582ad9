"""Read and check every source once per build; report every problem at once.

One check covers the settings under ``extra:`` in mkdocs.yml, the glossary, every lesson's
front matter in both languages, every quiz file, the quiz markers, the module folders and
the pairing of translations (``coursekit.model.course``). Then:

- ``mkdocs build``: any problem stops the build with one message listing all of them,
  sorted by file and line; warnings (a missing translation, an unused quiz) are logged, so
  ``--strict`` fails on them too.
- ``mkdocs serve``: the same list is printed on every rebuild that still has problems, and
  every page of the preview becomes a page listing them, which reloads by itself once the
  sources are fixed (an aborted rebuild would leave the browser waiting).
"""

from __future__ import annotations

import logging
import os

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files

from coursekit.problems import report
from coursekit.render import render
from coursekit.render.tasklabels import TaskLabelExtension
from sitebuild import generated, i18n, state

log = get_plugin_logger("course")
# Reminders of what an author left to write: printed as warnings, but outside MkDocs' loggers,
# so they never fail --strict (a new lesson builds at once and says what is left to do).
todo_log = logging.getLogger("ctpat.todo")
if not todo_log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("WARNING -  TODO %(message)s"))
    todo_log.addHandler(_handler)
    todo_log.propagate = False


def on_startup(*, command: str, dirty: bool) -> None:
    if dirty:
        # MkDocs then rebuilds only the edited pages: the other pages' navigation shows "None",
        # the search index grows with every save and the print pages lose their lessons.
        raise PluginError("--dirty is not supported by this course: the pages it skips come out "
                          "wrong; run 'mkdocs serve' (or 'mkdocs build') without --dirty")
    state.set_command(command)


@event_priority(100)  # first: everything else works from the checked course
def on_config(config):
    if not i18n.is_language_build(config):
        build = state.start(config)
        for warning in sorted(build.course.warnings, key=lambda p: p.sort_key):
            log.warning(str(warning))
        for todo in build.course.todos:
            todo_log.warning(str(todo))
        if build.problems:
            serving = build.command == "serve"
            text = report(build.problems, "to fix" if serving else "to fix before the site can be built")
            if not serving:
                raise PluginError(text)
            log.error(text + "\nThe preview shows this list until they are fixed.")
        elif config.strict and build.course.warnings and not log.isEnabledFor(logging.WARNING):
            # MkDocs' --quiet keeps warnings from its --strict count as well, so a quiet strict
            # build would pass with a missing translation.
            raise PluginError(report(build.course.warnings, "to fix before a --strict build"))
    build = state.current()
    if not build.problems and build.tooltips not in config.markdown_extensions:
        config.markdown_extensions += [build.tooltips, TaskLabelExtension()]
    return config


def on_pre_build(*, config) -> None:
    if not state.current().problems:
        state.enter_edition(config)


@event_priority(-200)  # last: with problems, the preview builds no page at all
def on_files(files: Files, /, *, config) -> Files:
    if state.current().problems:
        return Files([])
    return files


@event_priority(-200)  # after mkdocs-static-i18n built the other editions (and their 404 pages)
def on_post_build(*, config) -> None:
    """In the preview, with problems: the list of them at every page's address, the
    generated pages' included, and as the 404 page."""
    build = state.current()
    if not build.problems or i18n.is_language_build(config):
        return
    page = render("problems.html", problems=sorted(build.problems, key=lambda p: p.sort_key))
    pages = {rel for _, rel in build.course.pages} | {p.rel for p in generated.plan(build.course)} | {"index.md"}
    for edition in build.editions.values():
        for rel in pages:
            stem = rel[:-len(".md")]
            name = stem[:-len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"
            _write(os.path.join(config.site_dir, edition.prefix, name, "index.html"), page)
    _write(os.path.join(config.site_dir, "404.html"), page)


def _write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
