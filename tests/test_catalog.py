"""The training library's catalogue (``coursekit.model.catalog``) from a small course.

The course is a project written here (lessons, a quiz, the glossary) and loaded with
``load_course``, so every expectation below comes from these hand-written files, never from
the code under test. No MkDocs build.
"""

from __future__ import annotations

import json

import pytest

from coursekit.languages import edition
from coursekit.model.catalog import build_catalog, minutes_text, role_paths
from coursekit.model.course import load_course
from coursekit.model.glossary import traditional_phrases
from coursekit.model.quizzes import load_quiz
from coursekit.traditional import Converter

EXTRA = {"course": {
    "modules": {
        1: {"folder": "basics", "en": "Basics", "zh": "基础知识"},
        2: {"folder": "criteria", "en": "Criteria", "zh": "标准"},      # no lessons yet
        3: {"folder": "practice", "en": "Practice", "zh": "现场实务"},
    },
    "levels": {"foundation": {"en": "Foundation", "zh": "入门"}, "advanced": {"en": "Advanced", "zh": "高级"}},
    "audiences": {"importer": {"en": "Importer", "zh": "进口商"}, "manufacturer": {"en": "Manufacturer", "zh": "制造商"}},
    "roles": {"gate-guard": {"en": "Gate guard", "zh": "门卫"}, "shipping-clerk": {"en": "Shipping clerk", "zh": "船务跟单员"},
              "auditor": {"en": "Auditor", "zh": "审核员"}},
    "criteria": {"risk-assessment": {"en": "Risk Assessment", "zh": "风险评估"},
                 "seal-security": {"en": "Seal Security", "zh": "封条安全"}},
}}


def lesson(lesson_id, module, order, title, duration, *, level="foundation", quiz=None, roles=(), msc=(),
           objectives=("Check the seal",)):
    meta = [f"id: {lesson_id}", f"module: {module}", f"order: {order}", f"title: {title}",
            f"duration: {duration}", f"level: {level}", "audience: [manufacturer, importer]", "objectives:"]
    meta += [f"  - {o}" for o in objectives]
    if roles:
        meta.append(f"roles: [{', '.join(roles)}]")
    if msc:
        meta.append(f"msc: [{', '.join(msc)}]")
    if quiz:
        meta.append(f"quiz: {quiz}")
    body = f"# {title}\n\nText.\n" + (f"\n<!-- quiz: {quiz} -->\n" if quiz else "")
    return "---\n" + "\n".join(meta) + "\n---\n\n" + body


QUIZ = """\
id: seals
title: {en: "Seals self-check", zh: "集装箱封条自测"}
pass_mark: 75
questions:
  - id: q1
    type: true_false
    prompt: {en: "Seals are logged.", zh: "封条要登记。"}
    answer: true
  - id: q2
    type: true_false
    prompt: {en: "Any seal will do.", zh: "任何封条都可以。"}
    answer: false
  - id: q3
    type: single
    prompt: {en: "Which class?", zh: "哪一级？"}
    options:
      - {id: a, text: {en: "Class H", zh: "H 级"}, correct: true}
      - {id: b, text: {en: "Class I", zh: "I 级"}}
"""

# File names sort differently from the curriculum order on purpose (zebra is lesson 1).
FILES = {
    "data/glossary.yml": "terms:\n  - en: container\n    zh: 集装箱\n    zh_hant: 貨櫃\n"
                         "    definition: {en: A box., zh: 箱子。}\n",
    "docs/lessons/basics/zebra.md": lesson("zebra", 1, 1, "What CTPAT is", 20, roles=["shipping-clerk"]),
    "docs_zh/lessons/basics/zebra.md": lesson("zebra", 1, 1, "什么是 CTPAT", 20, roles=["shipping-clerk"],
                                              objectives=("说明 CTPAT",)),
    "docs/lessons/basics/alpha.md": lesson("alpha", 1, 2, "Who can join", 15, roles=["gate-guard"]),
    # alpha has no Chinese file: the Chinese editions show the English lesson.
    "docs/lessons/practice/seals.md": lesson("seals", 3, 1, "Container seals", 30, level="advanced", quiz="seals",
                                             roles=["shipping-clerk", "gate-guard"],
                                             msc=["seal-security", "risk-assessment"]),
    "docs_zh/lessons/practice/seals.md": lesson("seals", 3, 1, "集装箱封条", 30, level="advanced", quiz="seals",
                                                roles=["shipping-clerk", "gate-guard"],
                                                msc=["seal-security", "risk-assessment"],
                                                objectives=("检查集装箱封条", "记录封条号")),
    "quizzes/seals.yml": QUIZ,
}
RELS = ("lessons/basics/zebra.md", "lessons/basics/alpha.md", "lessons/practice/seals.md")


def urls(prefix: str) -> dict:
    return {rel: prefix + rel[:-len(".md")] + "/" for rel in RELS}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = tmp_path_factory.mktemp("course")
    for rel, text in FILES.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def course(project):
    course = load_course(project, EXTRA)
    assert [str(p) for p in course.problems] == []
    return course


@pytest.fixture(scope="module")
def converter(course):
    return Converter(traditional_phrases(course.glossary))


@pytest.fixture(scope="module")
def catalogs(course, converter):
    return {
        "en": build_catalog(course, edition("en"), urls("")),
        "zh": build_catalog(course, edition("zh"), urls("zh/")),
        "zh-hant": build_catalog(course, edition("zh-hant", converter), urls("zh-hant/")),
    }


def lessons_by_id(catalog):
    return {entry["id"]: entry for entry in catalog["lessons"]}


# ---- order and totals -----------------------------------------------------------------------

@pytest.mark.parametrize("code", ["en", "zh", "zh-hant"])
def test_lessons_are_listed_in_curriculum_order(catalogs, code):
    catalog = catalogs[code]
    assert catalog["language"] == code
    assert [entry["id"] for entry in catalog["lessons"]] == ["zebra", "alpha", "seals"]
    assert [(e["module"]["number"], e["order"]) for e in catalog["lessons"]] == [(1, 1), (1, 2), (3, 1)]
    json.dumps(catalog)  # catalog.json is plain JSON


@pytest.mark.parametrize("code", ["en", "zh", "zh-hant"])
def test_totals_per_module_and_for_the_course(catalogs, code):
    catalog = catalogs[code]
    assert catalog["totals"] == {"lessons": 3, "duration": 65, "quizzes": 1, "questions": 3}
    assert [(m["number"], m["lessons"], m["duration"], m["questions"]) for m in catalog["modules"]] == [
        (1, 2, 35, 0), (2, 0, 0, 0), (3, 1, 30, 3)]


def test_a_module_without_lessons_does_not_hide_later_modules(catalogs):
    catalog = catalogs["en"]
    assert [m["number"] for m in catalog["modules"]] == [1, 2, 3]
    assert [e["id"] for e in catalog["lessons"] if e["module"]["number"] == 3] == ["seals"]


def test_a_lesson_without_an_address_in_this_edition_is_left_out(course):
    catalog = build_catalog(course, edition("en"), {"lessons/basics/zebra.md": "lessons/basics/zebra/"})
    assert [e["id"] for e in catalog["lessons"]] == ["zebra"]
    assert catalog["totals"] == {"lessons": 1, "duration": 20, "quizzes": 0, "questions": 0}


# ---- what each lesson says ------------------------------------------------------------------

def test_english_entry_carries_every_field(catalogs):
    seals = dict(lessons_by_id(catalogs["en"])["seals"])
    quiz = seals.pop("quiz")
    assert seals == {
        "id": "seals", "title": "Container seals", "url": "lessons/practice/seals/", "content_language": "en",
        "source": "lessons/practice/seals.md",             # the lesson file, inside its docs folder
        "module": {"number": 3, "title": "Practice"}, "order": 1, "duration": 30, "level": "advanced",
        "audience": ["importer", "manufacturer"],         # the order of extra.course.audiences
        "roles": ["gate-guard", "shipping-clerk"],          # the order of extra.course.roles
        "msc": ["risk-assessment", "seal-security"],        # the order of extra.course.criteria
        "objectives": ["Check the seal"],
    }
    assert {k: quiz[k] for k in ("id", "title", "questions", "pass_mark")} == {
        "id": "seals", "title": "Seals self-check", "questions": 3, "pass_mark": 75}


def test_quiz_facts_carry_the_hash_that_keys_stored_progress(catalogs, project):
    quiz = load_quiz(project / "quizzes" / "seals.yml", "quizzes/seals.yml")
    for catalog in catalogs.values():
        facts = lessons_by_id(catalog)["seals"]["quiz"]
        assert facts["hash"] == quiz.hash and len(facts["hash"]) == 12
        assert lessons_by_id(catalog)["zebra"]["quiz"] is None


def test_chinese_edition_shows_translations_and_flags_the_english_fallback(catalogs):
    lessons = lessons_by_id(catalogs["zh"])
    assert (lessons["zebra"]["title"], lessons["zebra"]["content_language"]) == ("什么是 CTPAT", "zh")
    assert lessons["seals"]["objectives"] == ["检查集装箱封条", "记录封条号"]
    assert lessons["seals"]["quiz"]["title"] == "集装箱封条自测"
    assert lessons["seals"]["module"]["title"] == "现场实务"
    # alpha has no Chinese file: its English title, flagged as English for the "not yet translated" note.
    assert (lessons["alpha"]["title"], lessons["alpha"]["content_language"]) == ("Who can join", "en")
    assert lessons["alpha"]["objectives"] == ["Check the seal"]
    assert lessons["alpha"]["url"] == "zh/lessons/basics/alpha/"


def test_english_edition_has_no_untranslated_flag(catalogs):
    assert {e["content_language"] for e in catalogs["en"]["lessons"]} == {"en"}


def test_traditional_edition_converts_chinese_text_with_the_taiwan_terms(catalogs):
    lessons = lessons_by_id(catalogs["zh-hant"])
    assert (lessons["seals"]["title"], lessons["seals"]["content_language"]) == ("貨櫃封條", "zh-hant")
    assert lessons["seals"]["objectives"] == ["檢查貨櫃封條", "記錄封條號"]
    assert lessons["seals"]["quiz"]["title"] == "貨櫃封條自測"
    assert [m["title"] for m in catalogs["zh-hant"]["modules"]] == ["基礎知識", "標準", "現場實務"]
    assert lessons["zebra"]["title"] == "什麼是 CTPAT"
    # The English fallback stays English, flagged as such.
    assert (lessons["alpha"]["title"], lessons["alpha"]["content_language"]) == ("Who can join", "en")
    assert catalogs["zh-hant"]["labels"]["roles"]["shipping-clerk"] == "船務跟單員"


@pytest.mark.parametrize("code, levels, roles", [
    ("en", {"foundation": "Foundation", "advanced": "Advanced"},
     {"gate-guard": "Gate guard", "shipping-clerk": "Shipping clerk", "auditor": "Auditor"}),
    ("zh", {"foundation": "入门", "advanced": "高级"},
     {"gate-guard": "门卫", "shipping-clerk": "船务跟单员", "auditor": "审核员"}),
    ("zh-hant", {"foundation": "入門", "advanced": "高階"},  # Taiwan usage
     {"gate-guard": "門衛", "shipping-clerk": "船務跟單員", "auditor": "稽核員"}),
])
def test_labels_are_in_the_editions_language(catalogs, code, levels, roles):
    labels = catalogs[code]["labels"]
    assert labels["levels"] == levels and labels["roles"] == roles
    assert set(labels) == {"levels", "audiences", "roles", "criteria"}


# ---- paths by job role -----------------------------------------------------------------------

def test_role_paths_list_each_roles_lessons_in_curriculum_order(catalogs):
    paths = role_paths(catalogs["en"])
    assert [(p["role"], p["label"], [e["id"] for e in p["lessons"]], p["minutes"]) for p in paths] == [
        ("gate-guard", "Gate guard", ["alpha", "seals"], 45),
        ("shipping-clerk", "Shipping clerk", ["zebra", "seals"], 50),
    ]  # auditor: no lesson names the role, so no empty path


def test_role_paths_follow_the_edition(catalogs):
    paths = role_paths(catalogs["zh"])
    assert [p["label"] for p in paths] == ["门卫", "船务跟单员"]
    assert [e["title"] for e in paths[1]["lessons"]] == ["什么是 CTPAT", "集装箱封条"]


# ---- what a reader of the library would notice (found by mutation testing: bench/mutation.py) ----

def all_titles(catalog) -> list:
    titles = [e["title"] for e in catalog["lessons"]] + [e["module"]["title"] for e in catalog["lessons"]]
    titles += [e["quiz"]["title"] for e in catalog["lessons"] if e["quiz"]]
    titles += [m["title"] for m in catalog["modules"]]
    titles += [label for kind in catalog["labels"].values() for label in kind.values()]
    return titles


@pytest.mark.parametrize("code", ["en", "zh", "zh-hant"])
def test_no_title_or_label_is_empty_or_none(catalogs, code):
    titles = all_titles(catalogs[code])
    assert len(titles) == 3 + 3 + 1 + 3 + 2 + 2 + 3 + 2
    for title in titles:
        assert isinstance(title, str) and title.strip() and "None" not in title, title


@pytest.mark.parametrize("code, audiences, criteria", [
    ("en", {"importer": "Importer", "manufacturer": "Manufacturer"},
     {"risk-assessment": "Risk Assessment", "seal-security": "Seal Security"}),
    ("zh", {"importer": "进口商", "manufacturer": "制造商"}, {"risk-assessment": "风险评估", "seal-security": "封条安全"}),
])
def test_audience_and_criteria_labels_are_in_the_editions_language(catalogs, code, audiences, criteria):
    labels = catalogs[code]["labels"]
    assert labels["audiences"] == audiences and labels["criteria"] == criteria


def test_the_catalogue_says_which_format_it_is(catalogs):
    """library.js reads ``schema_version`` before anything else; a stale file is refused there."""
    assert {catalog["schema_version"] for catalog in catalogs.values()} == {2}


def test_a_chinese_module_counts_its_lessons_time_and_questions(catalogs):
    modules = {m["number"]: m for m in catalogs["zh"]["modules"]}
    assert modules[3] == {"number": 3, "title": "现场实务", "lessons": 1, "duration": 30, "questions": 3}
    assert modules[1]["title"] == "基础知识" and (modules[1]["lessons"], modules[1]["duration"]) == (2, 35)


def test_chinese_entries_carry_level_audience_roles_and_quiz_facts(catalogs):
    seals = lessons_by_id(catalogs["zh-hant"])["seals"]
    assert (seals["url"], seals["source"], seals["order"], seals["level"]) == (
        "zh-hant/lessons/practice/seals/", "lessons/practice/seals.md", 1, "advanced")
    assert (seals["audience"], seals["roles"], seals["msc"]) == (
        ["importer", "manufacturer"], ["gate-guard", "shipping-clerk"], ["risk-assessment", "seal-security"])
    assert {k: seals["quiz"][k] for k in ("id", "questions", "pass_mark")} == {
        "id": "seals", "questions": 3, "pass_mark": 75}


@pytest.mark.parametrize("code", ["en", "zh", "zh-hant"])
def test_each_role_path_is_in_its_editions_language(catalogs, code):
    assert {path["language"] for path in role_paths(catalogs[code])} == {code}


@pytest.mark.parametrize("code, minutes, text", [
    ("en", 65, "1 h 5 min"), ("en", 120, "2 h"), ("en", 45, "45 min"),
    ("zh", 65, "1 小时 5 分钟"), ("zh", 45, "45 分钟"),
])
def test_minutes_read_as_hours_and_minutes_in_the_editions_language(code, minutes, text):
    assert minutes_text(minutes, edition(code)) == text


def test_a_lesson_missing_from_this_editions_site_does_not_drop_the_lessons_after_it(course):
    """alpha (lesson 2) has no page in this edition: seals, after it, is still listed and counted."""
    catalog = build_catalog(course, edition("en"), {rel: url for rel, url in urls("").items() if "alpha" not in rel})
    assert [e["id"] for e in catalog["lessons"]] == ["zebra", "seals"]
    assert catalog["totals"] == {"lessons": 2, "duration": 50, "quizzes": 1, "questions": 3}
