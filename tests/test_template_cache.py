"""Compiled templates shared by the language builds (coursekit/template_cache.py)."""

from __future__ import annotations

import jinja2
import pytest

from coursekit import template_cache


class CountingEnvironment(jinja2.Environment):
    """A Jinja environment that counts the templates it compiles."""

    compiled: list

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):
        self.compiled.append(name)
        return super().compile(source, name, filename, raw, defer_init)


def environment(folder, **settings) -> CountingEnvironment:
    """A fresh environment, as MkDocs makes for every build, using the shared cache."""
    env = CountingEnvironment(loader=jinja2.FileSystemLoader(str(folder)), auto_reload=False,
                              **settings)
    env.compiled = []
    env.bytecode_cache = template_cache.shared_cache(env)
    return env


@pytest.fixture
def templates(tmp_path, monkeypatch):
    monkeypatch.setattr(template_cache, "_caches", {})  # this test's own process-wide state
    (tmp_path / "base.html").write_text("<title>{{ title }}</title>{% block body %}{% endblock %}")
    (tmp_path / "page.html").write_text('{% extends "base.html" %}{% block body %}<p>{{ text }}</p>{% endblock %}')
    return tmp_path


def test_a_second_build_renders_the_same_without_compiling(templates):
    english, chinese = environment(templates), environment(templates)
    first = english.get_template("page.html").render(title="Seals", text="VVTT")
    second = chinese.get_template("page.html").render(title="封条", text="VVTT")
    assert english.compiled == ["page.html", "base.html"]
    assert chinese.compiled == []
    assert first == "<title>Seals</title><p>VVTT</p>"
    assert second == "<title>封条</title><p>VVTT</p>"


def test_an_edited_template_is_compiled_again(templates):
    environment(templates).get_template("page.html").render(title="t", text="x")
    (templates / "base.html").write_text("<h1>{{ title }}</h1>{% block body %}{% endblock %}")
    rebuilt = environment(templates)  # mkdocs serve's next build
    assert rebuilt.get_template("page.html").render(title="t", text="x") == "<h1>t</h1><p>x</p>"
    assert rebuilt.compiled == ["base.html"]
    assert len(template_cache.shared_cache(rebuilt)) == 2  # replaced, not added to


def test_environments_with_other_syntax_do_not_share_bytecode(templates):
    environment(templates).get_template("page.html").render(title="t", text="x")
    other = environment(templates, variable_start_string="[[", variable_end_string="]]")
    assert other.get_template("page.html").render(title="t", text="x") == \
        "<title>{{ title }}</title><p>{{ text }}</p>"
    assert sorted(other.compiled) == ["base.html", "page.html"]


@pytest.mark.slow
def test_the_chinese_build_compiles_no_template_the_english_build_compiled(mini_project, tmp_path,
                                                                          monkeypatch):
    """The real configuration, hooks and theme, built in this process as ``mkdocs build``
    does: the page environments of both language builds compile each template once."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = mini_project({"docs/index.md": "# Home\n\nWelcome.\n",
                            "docs_zh/index.md": "# 首页\n\n欢迎。\n"})
    compiled = []
    compile_ = jinja2.Environment.compile

    def counting_compile(self, source, name=None, filename=None, *args, **kwargs):
        if self.bytecode_cache is not None:  # the environments pages are rendered with
            compiled.append(name)  # (Material's search plugin makes one of its own in
        return compile_(self, source, name, filename, *args, **kwargs)  # on_config)

    monkeypatch.setattr(jinja2.Environment, "compile", counting_compile)
    monkeypatch.setattr(template_cache, "_caches", {})
    monkeypatch.chdir(project)
    site = tmp_path / "site"
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site)))
    assert "首页" in (site / "zh/index.html").read_text(encoding="utf-8")
    assert {"main.html", "base.html", "partials/languages/zh.html"} <= set(compiled)
    assert sorted(name for name in set(compiled) if compiled.count(name) > 1) == []
