"""The build under way: one :class:`Build` per ``mkdocs build`` or ``mkdocs serve`` rebuild.

``hooks/course.py`` starts it at ``on_config`` of the default language's build, which reads
and checks every source once; the other languages' builds (run by mkdocs-static-i18n) share
it. Nothing here outlives a build except :data:`CACHE` (parsed files, pruned each build) and
the command MkDocs started with.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from coursekit.languages import DEFAULT, Edition, edition
from coursekit.model.course import Course, load_course
from coursekit.model.glossary import abbreviation_titles, traditional_phrases
from coursekit.model.source import FileCache, load_config_yaml
from coursekit.render.inline import InlineMarkdown
from coursekit.render.tooltips import TooltipExtension
from coursekit.strings import strings

from . import i18n

CACHE = FileCache()  # parsed source files, for the whole process
_command = {"name": "build"}
_build: dict = {}  # "current" -> the Build under way


@dataclass
class Build:
    root: Path
    command: str                     # build | serve | gh-deploy
    course: Course
    editions: dict                   # code -> Edition, the default first
    tooltips: TooltipExtension
    sources: dict = field(default_factory=dict)    # added page src_uri -> path or callable
    generated: dict = field(default_factory=dict)  # generated page rel -> its spec (hooks/pages.py)
    # The edition being built and what belongs to it (set at on_pre_build):
    edition: Edition | None = None
    inline: InlineMarkdown | None = None
    catalog: dict = field(default_factory=dict)    # edition code -> catalogue
    lesson_html: dict = field(default_factory=dict)  # lesson id -> its HTML after Markdown (print pages)
    parts: dict = field(default_factory=dict)      # (edition, kind, id) -> HTML rendered once per edition
    page_urls: dict = field(default_factory=dict)  # src_uri -> URL, of the edition being built
    footers: dict = field(default_factory=dict)    # edition code -> the footer
    raw_config: dict = field(default_factory=dict)  # the configuration texts as written
    reported: bool = False

    @property
    def problems(self) -> list:
        return self.course.problems


def set_command(command: str) -> None:
    _command["name"] = command


def start(config) -> Build:
    """Read and check every source for a new build of the site."""
    root = Path(os.path.dirname(os.path.abspath(config.config_file_path)))
    lines = None
    try:
        lines = load_config_yaml(Path(config.config_file_path).read_text(encoding="utf-8"))
    except OSError:
        pass
    course = load_course(root, config.extra, lines, CACHE)
    codes = i18n.languages(config)
    convert = None
    if any(code != DEFAULT and code not in ("zh",) for code in codes):
        from coursekit.traditional import Converter

        convert = Converter(traditional_phrases(course.glossary))
    editions = {code: edition(code, convert) for code in codes}
    build = Build(root, _command["name"], course, editions, TooltipExtension())
    _build["current"] = build
    return build


def current() -> Build:
    return _build["current"]


def enter_edition(config) -> Build:
    """Make the edition now being built current (every language build calls this)."""
    build = current()
    code = i18n.current_language(config)
    build.edition = build.editions.get(code) or edition(code)
    build.inline = InlineMarkdown(config.markdown_extensions, config.mdx_configs)
    if isinstance(config.mdx_configs.get("toc"), dict):  # the headings' ¶ link, read aloud
        config.mdx_configs["toc"]["permalink_title"] = strings(build.edition)["permalink"]
    terms = build.course.glossary.terms
    build.tooltips.set_titles(abbreviation_titles(terms, build.edition.source, build.edition.convert))
    return build
