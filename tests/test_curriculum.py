"""The course itself: every lesson in both languages, in step, with the parts a lesson needs.

Read straight from the files on disk (not through the hooks), so a mistake in either
shows up here with the file named.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import course_files

ROOT = Path(__file__).resolve().parent.parent
EN = sorted((ROOT / "docs/lessons").rglob("*.md"))
SAME_IN_BOTH = ("id", "module", "order", "duration", "level", "audience", "quiz")
KEY_POINTS = {"en": "## Key points", "zh": "## 要点"}


def body(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("---", 2)[2]


def test_the_course_has_at_least_14_lessons_across_all_four_modules():
    assert len(EN) >= 14
    modules = {course_files.front_matter(path)["module"] for path in EN}
    assert modules == {1, 2, 3, 4}


@pytest.mark.parametrize("en", EN, ids=lambda p: p.relative_to(ROOT / "docs").as_posix())
def test_lesson_exists_in_both_languages_in_step(en):
    rel = en.relative_to(ROOT / "docs")
    zh = ROOT / "docs_zh" / rel
    assert zh.exists(), f"docs_zh/{rel.as_posix()} is missing"
    en_meta, zh_meta = course_files.front_matter(en), course_files.front_matter(zh)
    for key in SAME_IN_BOTH:
        assert en_meta.get(key) == zh_meta.get(key), f"{rel}: '{key}' differs between languages"
    assert len(en_meta["objectives"]) == len(zh_meta["objectives"]), f"{rel}: objectives differ in number"
    assert re.search(r"[\u4e00-\u9fff]", zh_meta["title"]), f"docs_zh/{rel}: title is not Chinese"


@pytest.mark.parametrize("en", EN, ids=lambda p: p.relative_to(ROOT / "docs").as_posix())
def test_lesson_has_objectives_practice_key_points_and_a_quiz(en):
    rel = en.relative_to(ROOT / "docs")
    for language, path in (("en", en), ("zh", ROOT / "docs_zh" / rel)):
        meta, text = course_files.front_matter(path), body(path)
        assert 3 <= len(meta["objectives"]) <= 6, f"{path}: objectives"
        assert meta["duration"] > 0
        assert KEY_POINTS[language] in text, f"{path}: no key points section"
        practical = ("- [ ]" in text or re.search(r"^\|.+\|\s*$", text, re.MULTILINE)
                     or "!!! example" in text)
        assert practical, f"{path}: no checklist, table or worked scenario"
        assert f"<!-- quiz: {meta['quiz']} -->" in text, f"{path}: quiz marker missing"
    quiz = yaml.safe_load((ROOT / "quizzes" / f"{meta['quiz']}.yml").read_text(encoding="utf-8"))
    assert len(quiz["questions"]) >= 4


@pytest.mark.parametrize("en", EN, ids=lambda p: p.relative_to(ROOT / "docs").as_posix())
def test_english_lesson_is_a_real_lesson_not_a_stub(en):
    words = len(re.findall(r"[A-Za-z][A-Za-z'-]*", body(en)))
    assert 700 <= words <= 1600, f"{en}: {words} words"


@pytest.mark.parametrize("en", EN, ids=lambda p: p.relative_to(ROOT / "docs").as_posix())
def test_chinese_lesson_carries_comparable_content(en):
    rel = en.relative_to(ROOT / "docs")
    zh_text = body(ROOT / "docs_zh" / rel)
    en_words = len(re.findall(r"[A-Za-z][A-Za-z'-]*", body(en)))
    han = len(re.findall(r"[\u4e00-\u9fff]", zh_text))
    # A professional Chinese rendering runs at roughly 1.2-2 characters per English word.
    assert han >= en_words, f"docs_zh/{rel}: {han} Chinese characters for {en_words} English words"
    en_headings = len(re.findall(r"^#{2,3} ", body(en), re.MULTILINE))
    zh_headings = len(re.findall(r"^#{2,3} ", zh_text, re.MULTILINE))
    assert en_headings == zh_headings, f"{rel}: {en_headings} English headings, {zh_headings} Chinese"


def test_figures_that_vary_by_source_are_never_taught_as_52_percent():
    """The fact sheet: no cbp.gov page states 52%; teach 'more than half' with a date."""
    for path in list((ROOT / "docs").rglob("*.md")) + list((ROOT / "docs_zh").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if path.name == "sources.md":
            continue  # the sources page names the unsupported figure in order to warn about it
        assert not re.search(r"52\s*(%|percent|％)", text), f"{path}: teaches 52 percent"
