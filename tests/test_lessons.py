"""The lesson contract: front matter checks (pure), the bad-input corpus, and the real build."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import run_mkdocs_build
from coursekit.errors import AuthorError
from coursekit import yamlsource
from coursekit.frontmatter import split_front_matter
from coursekit.lessons import (
    CourseConfig, format_minutes, insert_after_h1_html, load_course, parse_lesson,
)

ROOT = Path(__file__).resolve().parent.parent
BAD = Path(__file__).resolve().parent / "bad_input" / "lessons"
CASES = sorted(p.name for p in BAD.iterdir() if p.is_dir())


def _extra() -> dict:
    """``extra:`` of mkdocs.yml, read without executing its !!python tags."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["extra"]


@pytest.fixture(scope="module")
def config() -> CourseConfig:
    return CourseConfig.from_extra(_extra()["course"])


GOOD = """---
id: seals-vvtt
module: 3
order: 3
title: High-security seals and the VVTT check
duration: 30
level: intermediate
audience: [manufacturer, importer]
objectives:
  - Tell a class H seal from class I and S seals
  - "Check a seal: View, Verify, Tug, Twist"
quiz: seals-vvtt
---

# High-security seals and the VVTT check
"""


def test_a_good_lesson_gives_every_field(config):
    lesson, errors = parse_lesson(GOOD, "docs/lessons/practice/seals-vvtt.md",
                                  "lessons/practice/seals-vvtt.md", "en", config, {"seals-vvtt"})
    assert errors == []
    assert (lesson.id, lesson.module, lesson.order, lesson.duration, lesson.level, lesson.quiz) == \
        ("seals-vvtt", 3, 3, 30, "intermediate", "seals-vvtt")
    assert lesson.title == "High-security seals and the VVTT check"
    # Roles come in the order of extra.course.audiences, whatever order the author used.
    assert lesson.audience == ("importer", "manufacturer")
    assert lesson.objectives == ("Tell a class H seal from class I and S seals",
                                 "Check a seal: View, Verify, Tug, Twist")


def test_the_quiz_is_optional(config):
    text = GOOD.replace("quiz: seals-vvtt\n", "")
    lesson, errors = parse_lesson(text, "docs/lessons/practice/seals-vvtt.md",
                                  "lessons/practice/seals-vvtt.md", "en", config, set())
    assert errors == [] and lesson.quiz is None


@pytest.mark.parametrize("line, message", [
    ("duration: 20.5", "'duration' must be a whole number of minutes, got '20.5'"),
    ("duration: true", "'duration' must be a whole number of minutes, got 'True'"),
    ("duration:", "'duration' must be a whole number of minutes, got nothing"),
    ("duration: -5", "'duration' must be at least 1 minute, got '-5'"),
])
def test_duration_must_be_whole_positive_minutes(config, line, message):
    text = GOOD.replace("duration: 30", line)
    lesson, errors = parse_lesson(text, "docs/lessons/practice/seals-vvtt.md",
                                  "lessons/practice/seals-vvtt.md", "en", config, {"seals-vvtt"})
    assert lesson is None
    assert [str(e) for e in errors] == [
        f"docs/lessons/practice/seals-vvtt.md:6: {message}; write e.g. 'duration: 20'"]


@pytest.mark.parametrize("case", CASES)
def test_bad_input_gives_the_expected_messages(config, case):
    expected = (BAD / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert expected, f"{case}/expected.txt is empty"
    course = load_course(BAD / case, config)
    assert [str(error) for error in course.errors] == expected


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES)
def test_bad_input_stops_the_real_build_with_every_message(fixture_project, tmp_path, case):
    """The build fails with one error listing every problem: file, line, what to fix."""
    for folder in ("docs/lessons", "docs_zh/lessons"):
        shutil.rmtree(fixture_project / folder, ignore_errors=True)
    for quiz in (fixture_project / "quizzes").glob("*.yml"):
        quiz.unlink()
    shutil.copytree(BAD / case, fixture_project, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("expected.txt"))
    result = run_mkdocs_build(fixture_project, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    expected = (BAD / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    count = len(expected)
    assert f"{count} problem{'s' if count > 1 else ''} in the lessons' front matter:" in result.stderr
    for line in expected:
        assert line in result.stderr


def test_a_missing_translation_is_not_an_error_and_falls_back_to_english(config, tmp_path):
    """hooks/languages.py warns about the missing file; here the English lesson stands in."""
    for folder in ("docs", "docs_zh"):
        target = tmp_path / folder / "lessons/practice"
        target.mkdir(parents=True)
    (tmp_path / "docs/lessons/practice/seals-vvtt.md").write_text(GOOD.replace("quiz: seals-vvtt\n", ""),
                                                                  encoding="utf-8")
    course = load_course(tmp_path, config)
    assert course.errors == []
    assert [(lesson.language, lesson.id) for lesson in course.site_lessons("zh")] == \
        [("en", "seals-vvtt")]


def test_lessons_come_in_module_then_order(config, tmp_path):
    folder = tmp_path / "docs/lessons/x"
    folder.mkdir(parents=True)
    for name, module, order in (("c", 2, 1), ("a", 1, 2), ("b", 1, 1), ("d", 2, 3)):
        text = GOOD.replace("id: seals-vvtt", f"id: {name}").replace("module: 3", f"module: {module}") \
            .replace("order: 3", f"order: {order}").replace("quiz: seals-vvtt\n", "")
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    course = load_course(tmp_path, config)
    assert course.errors == []
    assert [lesson.id for lesson in course.site_lessons("en")] == ["b", "a", "c", "d"]


def test_extra_course_must_declare_modules_levels_and_audiences():
    with pytest.raises(ValueError, match=r"'extra.course.levels' must be a mapping"):
        CourseConfig.from_extra({"modules": {1: {"en": "A"}}, "audiences": {"importer": {}}})
    with pytest.raises(ValueError, match=r"'extra.course' is missing"):
        CourseConfig.from_extra(None)


@pytest.mark.parametrize("minutes, en, zh", [
    (25, "25 min", "25 分钟"),
    (60, "1 h", "1 小时"),
    (95, "1 h 35 min", "1 小时 35 分钟"),
    (455, "7 h 35 min", "7 小时 35 分钟"),
])
def test_durations_read_as_hours_and_minutes(minutes, en, zh):
    assert format_minutes(minutes, "en") == en
    assert format_minutes(minutes, "zh") == zh


@pytest.mark.parametrize("html, expected", [
    ('<h1 id="t">Title</h1>\n<p>Text</p>', '<h1 id="t">Title</h1>\n<BOX>\n<p>Text</p>'),
    ("<p>Intro</p>\n<h1>Title</h1><p>Text</p>", "<p>Intro</p>\n<h1>Title</h1>\n<BOX><p>Text</p>"),
    ("<pre><code>&lt;h1&gt;x&lt;/h1&gt;</code></pre><H1>T</H1 >", "<pre><code>&lt;h1&gt;x&lt;/h1&gt;</code></pre><H1>T</H1 >\n<BOX>"),
    ("<h2>Only a level-2 heading</h2>", "<BOX>\n<h2>Only a level-2 heading</h2>"),
])
def test_the_summary_box_goes_right_under_the_h1(html, expected):
    assert insert_after_h1_html(html, "<BOX>") == expected


EDGE_CASES = [
    "---\nid: x\n---\n# X\n",
    "\ufeff---\nid: x\ntitle: 'a: b'\n...\nbody\n",
    "---\n---\n# Empty\n",
    "---\n- a list\n---\n",
    "---\nid: x\nid: y\n---\n",
    "---\nid: [unclosed\n---\n",
    "---\nid: x\n",
    "# No front matter\n",
    "--- \nid: x\n--- \nbody",
]


def _outcome(function, text, path):
    try:
        front = function(text, path)
    except AuthorError as exc:
        return ("error", str(exc))
    return (dict(front.meta), front.lines, front.body_line, front.body)


@pytest.mark.parametrize("source", sorted((ROOT / "docs/lessons").rglob("*.md"))
                         + sorted((ROOT / "docs_zh/lessons").rglob("*.md"))
                         + sorted(BAD.rglob("*.md")), ids=str)
def test_fast_front_matter_reader_agrees_with_split_front_matter(source, monkeypatch):
    text = source.read_text(encoding="utf-8")
    fast = _outcome(split_front_matter, text, "x.md")  # libyaml first
    monkeypatch.setattr(yamlsource, "FastLineLoader", yamlsource.LineLoader)  # pure Python only
    assert fast == _outcome(split_front_matter, text, "x.md")


@pytest.mark.parametrize("text", EDGE_CASES)
def test_fast_front_matter_reader_agrees_on_edge_cases(text, monkeypatch):
    fast = _outcome(split_front_matter, text, "x.md")
    monkeypatch.setattr(yamlsource, "FastLineLoader", yamlsource.LineLoader)
    assert fast == _outcome(split_front_matter, text, "x.md")


# ---- front matter parsed once: MkDocs gets the body and the mapping the lesson hook read ----

from mkdocs.utils.meta import get_data  # noqa: E402  (MkDocs' own front matter reader: the oracle)

AFTER_FRONT_MATTER = [
    "\n\n# Title\n\nText.\n",              # blank lines before the body
    "# Title\nNote: this line looks like MultiMarkdown metadata\n",
    "Note: a first line that looks like metadata\n\n# Title\n",
    "--- \n\nA horizontal rule first.\n",
    "",                                       # no body at all
]


def _as_mkdocs_reads(text: str) -> str:
    return text.lstrip("\ufeff")  # File.content_string reads utf-8-sig


@pytest.mark.parametrize("text", [
    *(path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs/lessons").rglob("*.md"))
      + sorted((ROOT / "docs_zh/lessons").rglob("*.md"))),
    *(GOOD.split("\n# High")[0] + body for body in AFTER_FRONT_MATTER),
    "\ufeff" + GOOD,
    GOOD.replace("---\n", "---  \n"),
], ids=lambda text: text[:40])
def test_mkdocs_gets_the_body_and_metadata_it_would_have_parsed(config, text):
    """hooks/lessons.py hands MkDocs the lesson without its front matter and sets page.meta
    to the mapping it parsed: MkDocs must end up with what reading the whole file gives."""
    meta = split_front_matter(text, "x.md").meta
    lesson, errors = parse_lesson(text, f"docs/lessons/x/{meta['id']}.md",
                                  f"lessons/x/{meta['id']}.md", "en", config, {meta["quiz"]})
    assert errors == [] and lesson is not None
    source = _as_mkdocs_reads(text)
    markdown, found = get_data(lesson.head.without_front_matter(source))
    assert found == {}
    assert (markdown, dict(lesson.head.meta)) == get_data(source)


def test_a_lesson_saved_since_it_was_checked_is_left_to_mkdocs(config):
    lesson, _ = parse_lesson(GOOD, "docs/lessons/practice/seals-vvtt.md",
                             "lessons/practice/seals-vvtt.md", "en", config, {"seals-vvtt"})
    assert get_data(lesson.head.without_front_matter(GOOD)) == \
        ("# High-security seals and the VVTT check\n", {})
    assert lesson.head.without_front_matter(GOOD.replace("duration: 30", "duration: 35")) is None


@pytest.mark.slow
def test_page_settings_in_a_lessons_front_matter_reach_the_theme(fixture_project, tmp_path):
    """Title, description and hide come from page.meta, which the lesson hook supplies."""
    for folder, title, description in (
            ("docs", "Seals, checked the VVTT way", "Seals and the VVTT check for loading teams"),
            ("docs_zh", "封条与 VVTT 检查要点", "装货班组的封条与 VVTT 检查")):
        path = fixture_project / folder / "lessons/practice/seals-vvtt.md"
        text = path.read_text(encoding="utf-8")
        head, body = text.split("\n---\n", 1)
        head = re.sub(r"(?m)^title: .*$", f"title: {title}", head)
        path.write_text(f"{head}\ndescription: {description}\nhide: [toc]\n---\n{body}",
                        encoding="utf-8")
    site = tmp_path / "site"
    result = run_mkdocs_build(fixture_project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    for prefix, title, description in (
            ("", "Seals, checked the VVTT way", "Seals and the VVTT check for loading teams"),
            ("zh/", "封条与 VVTT 检查要点", "装货班组的封条与 VVTT 检查")):
        html = (site / prefix / "lessons/practice/seals-vvtt/index.html").read_text(encoding="utf-8")
        assert f"<title>{title} - " in html
        assert f'<meta name="description" content="{description}">' in html
        assert re.search(r'class="md-sidebar md-sidebar--secondary"[^>]*\bhidden\b', html)
        other = (site / prefix / "lessons/practice/container-inspection/index.html")
        assert not re.search(r'class="md-sidebar md-sidebar--secondary"[^>]*\bhidden\b',
                             other.read_text(encoding="utf-8"))
