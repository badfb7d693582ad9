"""The command-line tools (tools/translation_status.py, tools/check_links.py) and the
per-edition search index (coursekit.search), on small trees written here.

The tools are imported (pytest's pythonpath has tools/) and run through their ``main``;
the translation ages come from a real git history in a temporary repository.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

import check_links
import translation_status as ts
from coursekit.search import CHINESE_SEPARATOR, ENGLISH_SEPARATOR, edition_base, separator, split_by_edition


# ---- translation status -------------------------------------------------------------------

def git(repo: Path, *args: str, when: int | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    if when is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{when} +0000"
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


QUIZ_MISSING_ZH = """\
id: seals
title: {en: Seals, zh: 封条}
questions:
  - id: q1
    prompt:
      en: Which class?
    explanation: {en: Class H., zh: "  "}
"""


@pytest.fixture
def tree(tmp_path) -> Path:
    """A course in git: one page in both languages, one only in English, one only in Chinese,
    one whose English changed after its Chinese, and a quiz missing Chinese text."""
    repo = tmp_path / "course"
    repo.mkdir()
    git(repo, "init", "-q")
    write(repo, "docs/index.md", "# Home\n")
    write(repo, "docs_zh/index.md", "# 首页\n")
    write(repo, "docs/lessons/practice/seals.md", "# Seals\n")
    write(repo, "docs_zh/lessons/practice/seals.md", "# 封条\n")
    write(repo, "docs/lessons/only-english.md", "# Only English\n")
    write(repo, "docs_zh/lessons/only-chinese.md", "# 只有中文\n")
    write(repo, "quizzes/seals.yml", QUIZ_MISSING_ZH)
    write(repo, "quizzes/complete.yml", "id: complete\ntitle: {en: Done, zh: 完成}\n")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "first", when=1_700_000_000)
    write(repo, "docs/lessons/practice/seals.md", "# Seals\n\nNew paragraph.\n")
    git(repo, "commit", "-qam", "English changed", when=1_700_100_000)
    return repo


def states(statuses, kind="page") -> dict:
    return {s.name: s.state for s in statuses if s.kind == kind}


def test_pages_missing_a_translation_or_older_than_their_english_are_listed(tree):
    statuses = ts.page_statuses(tree)
    assert states(statuses) == {
        "index.md": ts.OK,
        "lessons/only-chinese.md": ts.MISSING_EN,
        "lessons/only-english.md": ts.MISSING_ZH,
        "lessons/practice/seals.md": ts.STALE_ZH,
    }
    details = {s.name: s.detail for s in statuses}
    assert details["lessons/only-english.md"] == "add docs_zh/lessons/only-english.md"
    assert details["lessons/only-chinese.md"] == "add docs/lessons/only-chinese.md"
    assert details["lessons/practice/seals.md"] == (
        "docs/lessons/practice/seals.md changed after docs_zh/lessons/practice/seals.md; review the Chinese")


def test_quiz_texts_missing_a_language_are_named_with_file_and_line(tree):
    statuses = [s for s in ts.quiz_statuses(tree)]
    assert [(s.name, s.state, s.detail) for s in statuses] == [
        ("complete.yml", ts.OK, ""),
        ("seals.yml", ts.MISSING_ZH, "quizzes/seals.yml:6: questions[q1].prompt has no 'zh' text"),
        ("seals.yml", ts.MISSING_ZH, "quizzes/seals.yml:7: questions[q1].explanation has no 'zh' text"),
    ]


def test_an_unreadable_quiz_is_reported_not_a_crash(tree):
    write(tree, "quizzes/broken.yml", "id: broken\ntitle: {en: a, zh: b\n")
    (broken,) = [s for s in ts.quiz_statuses(tree) if s.name == "broken.yml"]
    assert broken.state == "unreadable"
    assert broken.detail.startswith("quizzes/broken.yml:2: a '{' opened on this line is not closed")


def test_main_fails_while_a_translation_is_missing_and_prints_each_file(tree, capsys):
    assert ts.main(["--root", str(tree)]) == 1
    out = capsys.readouterr().out
    # The report lists a page once per section (pages, then the Traditional edition): the rows
    # checked here are those of the pages section.
    pages = out.split("Pages (docs/ and docs_zh/)", 1)[1].split("\nQuizzes (quizzes/)", 1)[0]
    rows = {line.split()[0]: line for line in pages.splitlines() if line.startswith("  ") and line.split()}
    assert "missing Chinese" in rows["lessons/only-english.md"]
    assert "missing English" in rows["lessons/only-chinese.md"]
    assert "Chinese older than English" in rows["lessons/practice/seals.md"]
    assert rows["index.md"].split()[-1] == "ok"
    assert "quizzes/seals.yml:6: questions[q1].prompt has no 'zh' text" in out
    assert "Pages (docs/ and docs_zh/)" in out and "Quizzes (quizzes/)" in out


def complete(tree: Path) -> None:
    (tree / "docs/lessons/only-english.md").unlink()
    (tree / "docs_zh/lessons/only-chinese.md").unlink()
    write(tree, "quizzes/seals.yml", "id: seals\ntitle: {en: Seals, zh: 封条}\n")
    git(tree, "add", "-A")
    git(tree, "commit", "-qm", "tidy", when=1_700_000_500)


def test_a_complete_course_passes_but_strict_fails_on_a_stale_translation(tree, capsys):
    complete(tree)
    assert ts.main(["--root", str(tree)]) == 0
    assert ts.main(["--root", str(tree), "--strict"]) == 1  # seals.md: English still newer
    capsys.readouterr()


def test_updating_the_chinese_clears_the_stale_mark(tree):
    complete(tree)
    write(tree, "docs_zh/lessons/practice/seals.md", "# 封条\n\n新段落。\n")
    git(tree, "commit", "-qam", "Chinese updated", when=1_700_200_000)
    assert states(ts.page_statuses(tree))["lessons/practice/seals.md"] == ts.OK
    assert ts.main(["--root", str(tree), "--strict"]) == 0


def test_an_uncommitted_chinese_edit_counts_as_newest(tree):
    write(tree, "docs_zh/lessons/practice/seals.md", "# 封条\n\n还没提交的新段落。\n")
    assert states(ts.page_statuses(tree))["lessons/practice/seals.md"] == ts.OK


def test_without_git_history_the_age_is_unknown_not_guessed(tmp_path):
    write(tmp_path, "docs/index.md", "# Home\n")
    write(tmp_path, "docs_zh/index.md", "# 首页\n")
    (status,) = ts.page_statuses(tmp_path)
    assert (status.state, status.detail) == (ts.UNKNOWN_AGE, "no git history for this file")


# ---- link check ---------------------------------------------------------------------------

def page(root: Path, rel: str, body: str) -> None:
    write(root, rel, f"<!doctype html><html><head><meta charset=utf-8></head><body>{body}</body></html>")


@pytest.fixture
def site(tmp_path) -> Path:
    root = tmp_path / "site"
    page(root, "index.html",
         '<a href="lessons/seals/">ok</a> <a href="lessons/gone/">gone</a>'
         '<a href="lessons/seals/#vvtt">ok</a> <a href="lessons/seals/#nope">x</a>'
         '<a href="javascript:alert(1)">x</a> <a href=" JavaScript:void(0)">x</a>'
         '<a href="data:text/html,hi">x</a> <a href="vbscript:x">x</a>'
         '<a href="https://example.com/">out</a> <a href="mailto:a@example.com">mail</a>'
         '<a href="tel:+86">tel</a> <a href="#top">top</a> <a href="#main">main</a> <a href="#">self</a>'
         '<main id="main"></main><a href="zh/%E5%B0%81%E6%9D%A1/">encoded</a>'
         '<link rel="stylesheet" href="assets/site.css"><link rel="alternate" hreflang="zh" href="zh/gone/">'
         '<script src="assets/missing.js"></script>')
    page(root, "lessons/seals/index.html", '<h2 id="vvtt">VVTT</h2><a href="../../">home</a>'
                                            '<a name="old-anchor"></a><a href="#old-anchor">old</a>'
                                            '<img src="../../assets/missing.png"><a href="../../../../up/">up</a>')
    page(root, "zh/封条/index.html", '<a href="../../lessons/seals/#vvtt">ok</a>')
    page(root, "404.html", '<a href="/anything/">served at any depth</a>')
    write(root, "assets/site.css", "body{}")
    return root


def test_broken_links_anchors_and_script_links_are_reported(site):
    assert sorted(str(b) for b in check_links.check_site(site)) == sorted([
        "index.html: link 'lessons/gone/' points to a missing page or file",
        "index.html: link 'lessons/seals/#nope' points to a missing anchor '#nope' in lessons/seals/index.html",
        "index.html: link 'javascript:alert(1)' runs script; only web, mailto: and tel: links are allowed",
        "index.html: link ' JavaScript:void(0)' runs script; only web, mailto: and tel: links are allowed",
        "index.html: link 'data:text/html,hi' runs script; only web, mailto: and tel: links are allowed",
        "index.html: link 'vbscript:x' runs script; only web, mailto: and tel: links are allowed",
        "index.html: link '#top' points to a missing anchor '#top' in index.html",
        "index.html: link 'assets/missing.js' points to a missing page or file",
        "lessons/seals/index.html: link '../../assets/missing.png' points to a missing page or file",
        "lessons/seals/index.html: link '../../../../up/' points outside the site",
    ])


def test_main_prints_each_broken_link_and_fails(site, capsys):
    assert check_links.main([str(site)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == f"10 broken link(s) in {site}"
    assert "index.html: link 'lessons/gone/' points to a missing page or file" in out


def test_a_clean_site_passes(tmp_path, capsys):
    page(tmp_path, "index.html", '<a href="a/">a</a> <a href="a/#x">x</a>')
    page(tmp_path, "a/index.html", '<h2 id="x">X</h2><a href="../">home</a>')
    assert check_links.check_site(tmp_path) == []
    assert check_links.main([str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == f"0 broken link(s) in {tmp_path}"


# ---- one search index per edition -----------------------------------------------------------

MERGED = {"config": {"lang": ["en", "zh"], "separator": "x", "pipeline": ["stemmer"]}, "docs": [
    {"location": "", "title": "Home", "text": "a"},
    {"location": "zh/", "title": "首页", "text": "b"},
    {"location": "zh-hant/", "title": "首頁", "text": "c"},
    {"location": "zh/lessons/seals/#vvtt", "title": "VVTT", "text": "封条"},
    {"location": "zh-hant/lessons/seals/#vvtt", "title": "VVTT", "text": "封條"},
    {"location": "lessons/seals/", "title": "Seals", "text": "seal"},
    {"location": "zh-guide/", "title": "A page whose name starts with zh", "text": "d"},
    {"location": "zhongguo/", "title": "Another", "text": "e"},
    {"location": "zh", "title": "Bare", "text": "f"},
]}


@pytest.fixture(scope="module")
def split():
    return split_by_edition(MERGED, ["en", "zh", "zh-hant"], "en")


@pytest.mark.parametrize("code, locations", [
    ("en", ["", "lessons/seals/", "zh-guide/", "zhongguo/"]),
    ("zh", ["", "lessons/seals/#vvtt", ""]),
    ("zh-hant", ["", "lessons/seals/#vvtt"]),
])
def test_each_edition_gets_its_own_pages_with_locations_from_its_root(split, code, locations):
    assert [doc["location"] for doc in split[code]["docs"]] == locations


def test_traditional_pages_are_not_mistaken_for_simplified_ones(split):
    assert [doc["text"] for doc in split["zh"]["docs"]] == ["b", "封条", "f"]
    assert [doc["text"] for doc in split["zh-hant"]["docs"]] == ["c", "封條"]
    assert sum(len(index["docs"]) for index in split.values()) == len(MERGED["docs"])


def test_chinese_editions_get_the_chinese_separator(split):
    assert split["en"]["config"]["separator"] == ENGLISH_SEPARATOR
    assert split["zh"]["config"]["separator"] == split["zh-hant"]["config"]["separator"] == CHINESE_SEPARATOR
    for index in split.values():
        assert index["config"]["lang"] == ["en"] and index["config"]["pipeline"] == ["stemmer"]
    assert MERGED["config"]["separator"] == "x"  # the merged index is not changed in place


@pytest.mark.parametrize("text, tokens", [
    ("封条\u200b必须\u200b立即\u200b施加", ["封条", "必须", "立即", "施加"]),
    ("封条，必须（立即）施加。VVTT、检查！", ["封条", "必须", "立即", "施加", "VVTT", "检查"]),
    ("《港口安全法》“最低安全标准”；见第 6.2 条：", ["港口安全法", "最低安全标准", "见第", "6.2", "条"]),
    ("ISO 17712 class H.", ["ISO", "17712", "class", "H"]),
    ("【提示】「封條」·檢查…", ["提示", "封條", "檢查"]),
], ids=["zero-width-space", "chinese-punctuation", "quotes-and-decimals", "latin", "brackets-traditional"])
def test_the_chinese_separator_splits_words_as_jieba_and_punctuation_mark_them(text, tokens):
    assert [t for t in re.split(CHINESE_SEPARATOR, text) if t] == tokens


def test_the_english_separator_would_not_split_chinese_punctuation():
    assert [t for t in re.split(ENGLISH_SEPARATOR, "封条，必须。") if t] == ["封条，必须。"]
    assert separator("zh-hant") == separator("zh") == CHINESE_SEPARATOR and separator("en") == ENGLISH_SEPARATOR


@pytest.mark.parametrize("base, prefix, expected", [
    ("../..", "zh/", "../../zh/"), (".", "zh-hant/", "./zh-hant/"), ("..", "", ".."), ("../", "zh/", "../zh/"),
])
def test_edition_base(base, prefix, expected):
    assert edition_base(base, prefix) == expected
