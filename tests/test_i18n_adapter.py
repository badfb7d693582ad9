"""What hooks/sitebuild/i18n.py relies on in mkdocs-static-i18n's internals, pinned so that an
upgrade of the plugin fails here, loudly, instead of breaking the editions quietly:

- the plugin object's ``building`` and ``current_language``, and ``config.languages`` entries
  with ``locale``, ``build`` and ``default``;
- each built page's File carrying ``locale`` and ``alternates`` (one per edition);
- its ``on_files`` (priority -100) dropping any page whose source lies outside ``docs_dir``,
  which is why docs_zh/ pages are added as ``zh/...`` before it and re-sourced after it;
- the language switcher's entries on ``config.extra.alternate``;
- the priorities the hooks are placed around (on_files, on_nav and on_post_build at -100,
  on_page_context at 50).
"""

from __future__ import annotations

import json
import os

import pytest
from mkdocs.structure.files import File, Files

import course_files as disk
from conftest import make_mini_project, run_mkdocs_build

PAGES = {
    "docs/index.md": "# Home\n\nWelcome.\n",
    "docs_zh/index.md": "# 首页\n\n欢迎。\n",
    "docs/about.md": "# About\n\nx\n",
    "docs_zh/about.md": "# 关于\n\nx\n",
}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = make_mini_project(tmp_path_factory.mktemp("adapter"), PAGES)
    disk.standalone_config(project)
    return project


@pytest.fixture(scope="module")
def config(project):
    from mkdocs.config import load_config

    cwd = os.getcwd()
    os.chdir(project)
    try:
        return load_config(config_file=str(project / "mkdocs.yml"))
    finally:
        os.chdir(cwd)


def test_the_plugin_has_building_current_language_and_its_languages(config):
    from sitebuild import i18n

    plugin = config.plugins.get(i18n.PLUGIN)
    assert plugin is not None, f"no plugin named {i18n.PLUGIN!r}"
    assert plugin.building is False
    assert hasattr(plugin, "current_language")
    languages = plugin.config.languages
    assert [(lang.locale, lang.build, lang.default) for lang in languages] == \
        [(code, True, code == "en") for code in disk.EDITIONS]
    assert i18n.languages(config) == list(disk.EDITIONS)
    assert i18n.is_language_build(config) is False


def test_the_plugins_events_keep_the_priorities_the_hooks_are_placed_around(config):
    from sitebuild import i18n

    plugin = config.plugins.get(i18n.PLUGIN)
    priorities = {event: getattr(getattr(plugin, event), "mkdocs_priority", 0)
                  for event in ("on_config", "on_files", "on_nav", "on_page_context", "on_post_build")}
    assert priorities == {"on_config": -100, "on_files": -100, "on_nav": -100,
                          "on_page_context": 50, "on_post_build": -100}


def test_on_files_drops_pages_from_outside_docs_dir_and_keeps_added_language_pages(config, project):
    from sitebuild import i18n

    plugin = config.plugins.get(i18n.PLUGIN)
    plugin.on_config(config)
    assert plugin.current_language == "en" and i18n.current_language(config) == "en"
    docs_dir = config.docs_dir
    elsewhere = project.parent / "elsewhere"  # like docs_zh/: beside docs/, not in it
    elsewhere.mkdir(exist_ok=True)
    (elsewhere / "outside.md").write_text("# 外面\n", encoding="utf-8")
    outside = File("outside.md", str(elsewhere), config.site_dir, config.use_directory_urls)
    files = Files([
        File("index.md", docs_dir, config.site_dir, config.use_directory_urls),
        File("about.md", docs_dir, config.site_dir, config.use_directory_urls),
        outside,
    ])
    i18n.add_page(files, config, "zh/about.md")  # how the hooks bring docs_zh/ in
    result = plugin.on_files(files, config=config)
    pages = {file.src_uri: file for file in result.documentation_pages()}
    assert set(pages) == {"index.md", "about.md"}, "a page outside docs_dir was kept"
    assert all(file.abs_src_path.startswith(os.path.abspath(docs_dir)) for file in pages.values())
    about = pages["about.md"]
    assert i18n.file_locale(about, "x") == "en"
    assert set(i18n.alternates(about)) == set(disk.EDITIONS)
    zh = i18n.alternates(about)["zh"]
    assert zh.src_uri == "zh/about.md" and getattr(zh, "locale") == "zh"
    # The adapter gives such a page its real source back after the plugin re-created it.
    i18n.attach_sources(result, {"zh/about.md": project / "docs_zh" / "about.md"})
    assert zh.abs_src_path == os.path.normpath(str(project / "docs_zh" / "about.md"))


PROBE = '''\
"""Records what the adapter reads from mkdocs-static-i18n on every built page."""
import json, os
from mkdocs.plugins import event_priority
from sitebuild import i18n

@event_priority(-120)
def on_page_context(context, /, *, page, config, nav):
    plugin = config.plugins.get("i18n")
    record = {
        "page": page.file.src_uri, "url": page.url,
        "building": plugin.building, "current_language": plugin.current_language,
        "has_locale": hasattr(page.file, "locale"), "locale": getattr(page.file, "locale", None),
        "has_alternates": hasattr(page.file, "alternates"),
        "alternates": sorted(getattr(page.file, "alternates", {}) or {}),
        "links": [{"lang": a.get("lang"), "link": a.get("link")} for a in i18n.language_links(config)],
        "edition": i18n.current_language(config), "language_build": i18n.is_language_build(config),
    }
    with open(os.environ["CTPAT_PROBE"], "a", encoding="utf-8") as f:
        f.write(json.dumps(record) + "\\n")
    return context
'''


@pytest.fixture(scope="module")
def probed(project, tmp_path_factory):
    (project / "hooks" / "zz_probe.py").write_text(PROBE, encoding="utf-8")
    data = disk.read_config(project / "mkdocs.yml")
    data["hooks"] = list(data["hooks"]) + ["hooks/zz_probe.py"]
    disk.write_config(project / "mkdocs.yml", data)
    out = tmp_path_factory.mktemp("probe") / "records.jsonl"
    os.environ["CTPAT_PROBE"] = str(out)
    try:
        result = run_mkdocs_build(project, project / "site", strict=True)
    finally:
        del os.environ["CTPAT_PROBE"]
    assert result.returncode == 0, result.stderr[-4000:]
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_every_built_page_has_locale_alternates_and_language_links(probed):
    pages = [record for record in probed if record["page"].endswith(("index.md", "about.md"))]
    assert {record["edition"] for record in pages} == set(disk.EDITIONS)
    for record in pages:
        assert record["has_locale"] and record["has_alternates"], record
        assert set(record["alternates"]) == set(disk.EDITIONS), record
        assert {link["lang"] for link in record["links"]} == set(disk.EDITIONS), record
        assert record["locale"] == ("en" if record["edition"] == "en" else record["edition"]), record


def test_building_and_current_language_tell_the_editions_apart(probed):
    for record in probed:
        assert record["current_language"] == record["edition"], record
        assert record["building"] is (record["edition"] != "en"), record
        assert record["language_build"] is (record["edition"] != "en"), record
