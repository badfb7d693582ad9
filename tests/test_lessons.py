"""The lesson contract (coursekit.model.lessons.parse_lesson): every front matter key, its
check and its message, and the bad-input corpus of tests/bad_input/lessons/ run through
load_course as the build runs it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

from coursekit.model.course import load_course
from coursekit.model.lessons import parse_lesson
from coursekit.model.quality import duration_warnings, quiz_warnings
from coursekit.model.settings import check_settings
from coursekit.model.source import load_config_yaml, split_front_matter

BAD = Path(__file__).resolve().parent / "bad_input" / "lessons"
PATH, REL = "docs/lessons/practice/seals-vvtt.md", "lessons/practice/seals-vvtt.md"

EXTRA = {"course": {
    "modules": {1: {"folder": "foundations", "en": "Foundations", "zh": "基础"},
                3: {"folder": "practice", "en": "Practice", "zh": "实务"}},
    "levels": {"foundation": "Foundation", "intermediate": {"en": "Intermediate", "zh": "进阶"},
               "advanced": {"en": "Advanced", "zh": "高级"}},
    "audiences": {"importer": {"en": "Importer", "zh": "进口商"},
                  "manufacturer": {"en": "Manufacturer", "zh": "制造商"},
                  "customs-broker": {"en": "Customs broker", "zh": "报关行"}},
    "roles": {"guard-loader": {"en": "Gate guard or loader", "zh": "门卫或装柜员"},
              "shipping-clerk": {"en": "Shipping clerk", "zh": "船务跟单员"},
              "security-manager": {"en": "Security manager", "zh": "安保主管"}},
    "criteria": {"seal-security": {"en": "Seal Security", "zh": "封条安全"},
                 "physical-access": {"en": "Physical Access Controls", "zh": "出入管控"},
                 "training": {"en": "Training", "zh": "培训"}},
}}
SETTINGS, SETTINGS_PROBLEMS = check_settings(EXTRA)
assert SETTINGS_PROBLEMS == []

GOOD = """\
---
id: seals-vvtt
module: 3
order: 3
title: High-security seals and the VVTT check
duration: 30
level: intermediate
audience: [manufacturer, importer]
roles: [security-manager, guard-loader]
msc: [physical-access, seal-security]
objectives:
  - Tell a class H seal from class I and S seals
  - "Check a seal: View, Verify, Tug, Twist"
discussion:
  - Who checks seals at your gate?
quiz: seals-vvtt
---

# High-security seals and the VVTT check
"""


def parse(text: str, settings=SETTINGS, quizzes=frozenset({"seals-vvtt", "container-inspection"})):
    lesson, problems = parse_lesson(text, PATH, REL, "en", settings, set(quizzes))
    return lesson, [str(p) for p in problems]


def edit(old: str, new: str, text: str = GOOD) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if line.startswith(fragment))


# ---- a good lesson --------------------------------------------------------------------------

def test_a_good_lesson_gives_every_field():
    lesson, problems = parse(GOOD)
    assert problems == []
    assert (lesson.id, lesson.module, lesson.order, lesson.duration, lesson.level, lesson.quiz) == \
        ("seals-vvtt", 3, 3, 30, "intermediate", "seals-vvtt")
    assert (lesson.language, lesson.path, lesson.rel, lesson.folder) == ("en", PATH, REL, "practice")
    assert lesson.title == "High-security seals and the VVTT check"
    # Lists come in the order mkdocs.yml declares, whatever order the author used.
    assert lesson.audience == ("importer", "manufacturer")
    assert lesson.roles == ("guard-loader", "security-manager")
    assert lesson.msc == ("seal-security", "physical-access")
    assert lesson.objectives == ("Tell a class H seal from class I and S seals",
                                 "Check a seal: View, Verify, Tug, Twist")
    assert lesson.discussion == ("Who checks seals at your gate?",)
    # Lines are those of the file: a later check (parity, duplicates) can point at them.
    assert lesson.where("quiz") == f"{PATH}:16" and lesson.where("id") == f"{PATH}:2"


def test_the_front_matter_already_read_gives_the_same_lesson():
    meta = split_front_matter(GOOD, PATH).meta
    assert parse_lesson(meta, PATH, REL, "en", SETTINGS, {"seals-vvtt"}) == \
        parse_lesson(GOOD, PATH, REL, "en", SETTINGS, {"seals-vvtt"})


def test_roles_msc_discussion_and_quiz_are_optional():
    text = GOOD
    for line in ("roles: [security-manager, guard-loader]\n", "msc: [physical-access, seal-security]\n",
                 "discussion:\n  - Who checks seals at your gate?\n", "quiz: seals-vvtt\n"):
        text = edit(line, "", text)
    lesson, problems = parse(text, quizzes=())
    assert problems == []
    assert (lesson.roles, lesson.msc, lesson.discussion, lesson.quiz) == ((), (), (), None)


@pytest.mark.parametrize("key, value", [
    ("roles", "[]"), ("msc", "[]"), ("discussion", "[]"),
])
def test_an_optional_list_may_be_empty(key, value):
    text = GOOD
    for line in GOOD.split("\n"):
        if line.startswith(f"{key}:"):
            text = edit(line, f"{key}: {value}", text)
    text = text.replace("  - Who checks seals at your gate?\n", "") if key == "discussion" else text
    lesson, problems = parse(text)
    assert problems == [] and getattr(lesson, key) == ()


def test_page_settings_may_sit_beside_the_lesson_keys():
    text = edit("quiz: seals-vvtt\n", "quiz: seals-vvtt\ndescription: Seals for loading teams\n"
                "subtitle: The VVTT check\nhide: [toc]\nicon: material/lock\nstatus: new\n")
    lesson, problems = parse(text)
    assert problems == [] and lesson.id == "seals-vvtt"


@pytest.mark.parametrize("title, expected", [
    ('"Seals & the VVTT check"', "Seals & the VVTT check"),
    ("Seals & the VVTT check", "Seals & the VVTT check"),
    ("'The \"seven-point\" inspection'", 'The "seven-point" inspection'),
    ("\"Why 'must' beats 'should'\"", "Why 'must' beats 'should'"),
    ('"Fewer than 5 < 7 points"', "Fewer than 5 < 7 points"),
    ('"Seals</title><script>alert(1)</script>"', "Seals</title><script>alert(1)</script>"),
    ('"Metadata: what to keep"', "Metadata: what to keep"),
    ("高度安全封条与 VVTT 检查", "高度安全封条与 VVTT 检查"),
    ("2027", "2027"),
], ids=["ampersand-quoted", "ampersand", "double-quotes", "single-quotes", "less-than", "html",
        "colon-quoted", "chinese", "a-number"])
def test_a_title_is_kept_as_written(title, expected):
    """Escaping is the page's job (templates autoescape); the check refuses nothing here."""
    lesson, problems = parse(edit("title: High-security seals and the VVTT check", f"title: {title}"))
    assert problems == [] and lesson.title == expected


def test_objectives_are_kept_as_written():
    text = edit("  - Tell a class H seal from class I and S seals",
                "  - Tell <b>class H</b> from [class I](javascript:alert(1)) & S seals")
    lesson, problems = parse(text)
    assert problems == []
    assert lesson.objectives[0] == "Tell <b>class H</b> from [class I](javascript:alert(1)) & S seals"


def test_an_unquoted_colon_in_a_title_says_to_quote_it():
    lesson, problems = parse(edit("title: High-security seals and the VVTT check", "title: Metadata: what to keep"))
    assert lesson is None
    assert problems == [f"{PATH}:5: a ': ' inside a text makes YAML read it as a key; put the whole text in "
                        "quotes, e.g. title: \"Note: read this\""]


# ---- every key: its check and its message ---------------------------------------------------

# (id, line to replace, replacement, key whose line the message names, message)
BAD_VALUES = [
    ("id-not-kebab", "id: seals-vvtt", "id: Seals_VVTT", "id",
     "'id' must be kebab-case (lower-case letters, digits and hyphens), got 'Seals_VVTT'; write 'id: seals-vvtt'"),
    ("id-a-number", "id: seals-vvtt", "id: 12", "id",
     "'id' must be kebab-case (lower-case letters, digits and hyphens), got '12'; write 'id: seals-vvtt'"),
    ("id-not-the-file-name", "id: seals-vvtt", "id: seals", "id",
     "'id' is 'seals' but the file is named seals-vvtt.md; make them equal: write 'id: seals-vvtt' or rename "
     "the file to seals.md"),
    ("module-undeclared", "module: 3", "module: 7", "module",
     "'module' must be one of 1, 3 (extra.course.modules in mkdocs.yml), got '7'; write e.g. 'module: 1'"),
    ("module-a-folder-name", "module: 3", "module: practice", "module",
     "'module' must be one of 1, 3 (extra.course.modules in mkdocs.yml), got 'practice'; write e.g. 'module: 1'"),
    ("module-quoted", "module: 3", 'module: "3"', "module",
     "'module' must be a number, got the text '3'; write 'module: 3' without quotes"),
    ("module-true", "module: 3", "module: true", "module",
     "'module' must be one of 1, 3 (extra.course.modules in mkdocs.yml), got 'true'; write e.g. 'module: 1'"),
    ("order-zero", "order: 3", "order: 0", "order",
     "'order' must be at least 1, got '0'; write e.g. 'order: 1'"),
    ("order-fraction", "order: 3", "order: 2.5", "order",
     "'order' must be a whole number (the lesson's place in its module), got '2.5'; write e.g. 'order: 1'"),
    ("order-empty", "order: 3", "order:", "order",
     "'order' must be a whole number (the lesson's place in its module), got nothing; write e.g. 'order: 1'"),
    ("title-empty", "title: High-security seals and the VVTT check", "title:", "title",
     "'title' must be text, got nothing; write e.g. 'title: High-security seals and the VVTT check'"),
    ("title-blank", "title: High-security seals and the VVTT check", "title: '  '", "title",
     "'title' must be text, got '  '; write e.g. 'title: High-security seals and the VVTT check'"),
    ("title-a-list", "title: High-security seals and the VVTT check", "title: [Seals, VVTT]", "title",
     "'title' must be text, got [Seals, VVTT]; write e.g. 'title: High-security seals and the VVTT check'"),
    ("duration-a-word", "duration: 30", "duration: ten", "duration",
     "'duration' must be a whole number (minutes of study), got 'ten'; write e.g. 'duration: 20'"),
    ("duration-with-unit", "duration: 30", "duration: 30 min", "duration",
     "'duration' must be a whole number (minutes of study), got '30 min'; write e.g. 'duration: 20'"),
    ("duration-fraction", "duration: 30", "duration: 20.5", "duration",
     "'duration' must be a whole number (minutes of study), got '20.5'; write e.g. 'duration: 20'"),
    ("duration-true", "duration: 30", "duration: true", "duration",
     "'duration' must be a whole number (minutes of study), got 'true'; write e.g. 'duration: 20'"),
    ("duration-empty", "duration: 30", "duration:", "duration",
     "'duration' must be a whole number (minutes of study), got nothing; write e.g. 'duration: 20'"),
    ("level-unknown", "level: intermediate", "level: beginner", "level",
     "'level' must be one of foundation, intermediate, advanced, got 'beginner'; write e.g. 'level: foundation'"),
    ("level-misspelt", "level: intermediate", "level: intermedate", "level",
     "'level' must be one of foundation, intermediate, advanced, got 'intermedate'; did you mean "
     "'level: intermediate'?"),
    ("level-a-list", "level: intermediate", "level: [intermediate]", "level",
     "'level' must be one of foundation, intermediate, advanced, got [intermediate]; write e.g. 'level: foundation'"),
    ("audience-no-brackets", "audience: [manufacturer, importer]", "audience: importer", "audience",
     "'audience' must be a list, got 'importer'; write 'audience: [importer]' (brackets, even for one)"),
    ("audience-empty", "audience: [manufacturer, importer]", "audience: []", "audience",
     "'audience' must be a non-empty list, got []; write e.g. 'audience: [importer, manufacturer]' using only: "
     "importer, manufacturer, customs-broker"),
    ("audience-nothing", "audience: [manufacturer, importer]", "audience:", "audience",
     "'audience' must be a non-empty list, got nothing; write e.g. 'audience: [importer, manufacturer]' using "
     "only: importer, manufacturer, customs-broker"),
    ("audience-misspelt", "audience: [manufacturer, importer]", "audience: [manufactuer, importer]", "audience",
     "'audience' has an unknown entry 'manufactuer'; did you mean 'manufacturer'? allowed: importer, "
     "manufacturer, customs-broker (extra.course.audiences in mkdocs.yml)"),
    ("audience-unknown", "audience: [manufacturer, importer]", "audience: [importer, truck-driver]", "audience",
     "'audience' has an unknown entry 'truck-driver'; allowed: importer, manufacturer, customs-broker "
     "(extra.course.audiences in mkdocs.yml)"),
    ("roles-no-brackets", "roles: [security-manager, guard-loader]", "roles: guard-loader", "roles",
     "'roles' must be a list, got 'guard-loader'; write 'roles: [guard-loader]' (brackets, even for one)"),
    ("roles-misspelt", "roles: [security-manager, guard-loader]", "roles: [security-manger]", "roles",
     "'roles' has an unknown entry 'security-manger'; did you mean 'security-manager'? allowed: guard-loader, "
     "shipping-clerk, security-manager (extra.course.roles in mkdocs.yml)"),
    ("roles-an-audience", "roles: [security-manager, guard-loader]", "roles: [importer]", "roles",
     "'roles' has an unknown entry 'importer'; allowed: guard-loader, shipping-clerk, security-manager "
     "(extra.course.roles in mkdocs.yml)"),
    ("msc-no-brackets", "msc: [physical-access, seal-security]", "msc: seal-security", "msc",
     "'msc' must be a list, got 'seal-security'; write 'msc: [seal-security]' (brackets, even for one)"),
    ("msc-misspelt", "msc: [physical-access, seal-security]", "msc: [seal-securty]", "msc",
     "'msc' has an unknown entry 'seal-securty'; did you mean 'seal-security'? allowed: seal-security, "
     "physical-access, training (extra.course.criteria in mkdocs.yml)"),
    ("msc-a-number", "msc: [physical-access, seal-security]", "msc: [6]", "msc",
     "'msc' has an unknown entry '6'; allowed: seal-security, physical-access, training "
     "(extra.course.criteria in mkdocs.yml)"),
    ("objectives-one-line", "objectives:\n  - Tell a class H seal from class I and S seals\n"
     "  - \"Check a seal: View, Verify, Tug, Twist\"", "objectives: Tell a class H seal", "objectives",
     "'objectives' must be a non-empty list, got 'Tell a class H seal'; write each item on its own line under "
     "'objectives:' as '  - ...'"),
    ("objectives-empty", "objectives:\n  - Tell a class H seal from class I and S seals\n"
     "  - \"Check a seal: View, Verify, Tug, Twist\"", "objectives: []", "objectives",
     "'objectives' must be a non-empty list, got []; write each item on its own line under 'objectives:' as "
     "'  - ...'"),
    ("objectives-unquoted-colon", "  - \"Check a seal: View, Verify, Tug, Twist\"",
     "  - Check a seal: View, Verify, Tug, Twist", "  - Check",
     "'objectives' item 2 is not plain text (a ': ' inside the text makes YAML read it as a mapping), got "
     "'Check a seal: View, Verify, Tug, Twist'; write it as '  - \"text in quotes\"'"),
    ("objectives-empty-item", "  - Tell a class H seal from class I and S seals", "  -", "  -",
     "'objectives' item 1 is not plain text, got nothing; write it as '  - \"text in quotes\"'"),
    ("discussion-one-line", "discussion:\n  - Who checks seals at your gate?",
     "discussion: Who checks seals at your gate?", "discussion",
     "'discussion' must be a list, got 'Who checks seals at your gate?'; write each item on its own line under "
     "'discussion:' as '  - ...'"),
    ("discussion-unquoted-colon", "  - Who checks seals at your gate?", "  - Q: who checks seals?", "  - Q:",
     "'discussion' item 1 is not plain text (a ': ' inside the text makes YAML read it as a mapping), got "
     "'Q: who checks seals?'; write it as '  - \"text in quotes\"'"),
    ("quiz-misspelt", "quiz: seals-vvtt", "quiz: seal-vvtt", "quiz",
     "'quiz' names 'seal-vvtt' but there is no quizzes/seal-vvtt.yml; did you mean 'quiz: seals-vvtt'?"),
    ("quiz-unknown", "quiz: seals-vvtt", "quiz: risk-assessment", "quiz",
     "'quiz' names 'risk-assessment' but there is no quizzes/risk-assessment.yml; create "
     "quizzes/risk-assessment.yml or remove the 'quiz' line"),
    ("quiz-empty", "quiz: seals-vvtt", "quiz:", "quiz",
     "'quiz' must name a quiz file in quizzes/, got nothing; write 'quiz: seals-vvtt' for "
     "quizzes/seals-vvtt.yml, or remove the line"),
    ("quiz-a-list", "quiz: seals-vvtt", "quiz: [seals-vvtt]", "quiz",
     "'quiz' must name a quiz file in quizzes/, got [seals-vvtt]; write 'quiz: seals-vvtt' for "
     "quizzes/seals-vvtt.yml, or remove the line"),
    ("description-not-text", "quiz: seals-vvtt", "quiz: seals-vvtt\ndescription: [a, b]", "description",
     "'description' must be text, got [a, b]; write e.g. 'description: ...' or remove it"),
]


@pytest.mark.parametrize("old, new, where, message", [case[1:] for case in BAD_VALUES],
                         ids=[case[0] for case in BAD_VALUES])
def test_a_wrong_value_is_named_on_its_line_with_a_fix(old, new, where, message):
    text = edit(old, new)
    lesson, problems = parse(text)
    assert lesson is None, "a lesson with a problem is not shown"
    line = line_of(text, where if where.startswith(" ") else f"{where}:")
    assert problems == [f"{PATH}:{line}: {message}"]


@pytest.mark.parametrize("value", ["0", "-5"])
def test_a_duration_below_one_minute_reads_naturally(value):
    _, problems = parse(edit("duration: 30", f"duration: {value}"))
    assert problems == [f"{PATH}:6: 'duration' must be at least 1 minute, got '{value}'; write e.g. 'duration: 20'"]


@pytest.mark.parametrize("old, new, message", [
    ("roles: [security-manager, guard-loader]", "roles: gate-guard",
     "9: 'roles' must be a list, got 'gate-guard'; write e.g. 'roles: [guard-loader, shipping-clerk]' using only: "
     "guard-loader, shipping-clerk, security-manager"),
    ("msc: [physical-access, seal-security]", "msc: seals",
     "10: 'msc' must be a list, got 'seals'; write e.g. 'msc: [seal-security, physical-access]' using only: "
     "seal-security, physical-access, training"),
], ids=["roles", "msc"])
def test_the_fix_for_a_wrong_list_value_names_declared_ids(old, new, message):
    # The example must be ids of this mkdocs.yml (the first ones declared), never a hard-coded
    # id such as 'gate-guard' that the course may not declare.
    _, problems = parse(edit(old, new))
    assert problems == [f"{PATH}:{message}"]


# ---- missing and unknown keys -------------------------------------------------------------------

MISSING_FIX = {
    "id": "add 'id: seals-vvtt' (the file name without .md)",
    "module": "add e.g. 'module: 1' (one of 1, 3)",
    "order": "add e.g. 'order: 1' (the lesson's place in its module)",
    "title": "add e.g. 'title: High-security seals and the VVTT check'",
    "duration": "add e.g. 'duration: 20' (minutes of study, quiz included)",
    "level": "add e.g. 'level: foundation' (one of foundation, intermediate, advanced)",
    "audience": "add e.g. 'audience: [importer]' (one or more of importer, manufacturer, customs-broker)",
    "objectives": "add 'objectives:' followed by one '  - <objective>' line each",
}


def _without(key: str, text: str = GOOD) -> str:
    lines = text.split("\n")
    start = next(n for n, line in enumerate(lines) if line.startswith(f"{key}:"))
    end = start + 1
    while lines[end].startswith("  "):
        end += 1
    return "\n".join(lines[:start] + lines[end:])


@pytest.mark.parametrize("key", list(MISSING_FIX))
def test_a_missing_required_key_is_named_with_a_fix(key):
    lesson, problems = parse(_without(key))
    assert lesson is None
    assert problems == [f"{PATH}:1: the front matter has no '{key}'; {MISSING_FIX[key]}"]


@pytest.mark.parametrize("line, message", [
    ("objectves: [a]", "unknown front matter key 'objectves'; did you mean 'objectives'?"),
    ("role: [guard-loader]", "unknown front matter key 'role'; did you mean 'roles'?"),
    ("Title: Seals", "unknown front matter key 'Title'; did you mean 'title'?"),
    ("minutes: 30", "unknown front matter key 'minutes'; a lesson's keys are id, module, order, title, duration, "
                    "level, audience, objectives, roles, msc, discussion, quiz"),
], ids=["objectves", "role", "Title", "minutes"])
def test_an_unknown_key_is_named_with_a_suggestion(line, message):
    text = edit("quiz: seals-vvtt\n", f"quiz: seals-vvtt\n{line}\n")
    _, problems = parse(text)
    assert problems == [f"{PATH}:17: {message}"]


@pytest.mark.parametrize("key, misspelt", [("objectives", "objectves"), ("duration", "duraton"),
                                           ("audience", "audiences")])
def test_a_misspelt_required_key_is_reported_once_not_also_as_missing(key, misspelt):
    text = GOOD.replace(f"\n{key}:", f"\n{misspelt}:")
    _, problems = parse(text)
    assert problems == [f"{PATH}:{line_of(text, misspelt + ':')}: unknown front matter key '{misspelt}'; "
                        f"did you mean '{key}'?"]


def test_every_problem_of_a_lesson_comes_at_once_in_line_order():
    text = edit("duration: 30", "duration: ten")
    text = edit("level: intermediate", "level: beginner", text)
    text = edit("quiz: seals-vvtt", "quiz: seal-vvtt\ncolour: red", text)
    text = edit("order: 3\n", "", text)
    _, problems = parse(text)
    assert [p.split(": ", 1)[0] for p in problems] == [f"{PATH}:1", f"{PATH}:5", f"{PATH}:6", f"{PATH}:15",
                                                       f"{PATH}:16"]
    assert "has no 'order'" in problems[0] and "'duration'" in problems[1] and "'level'" in problems[2]
    assert "'quiz' names 'seal-vvtt'" in problems[3] and "'colour'" in problems[4]


@pytest.mark.parametrize("text, message", [
    ("# Seals\n\nNo front matter.\n",
     f"{PATH}:1: the lesson has no front matter; start the file with a '---' line, the lesson's keys (id, module, "
     "order, title, duration, level, audience, objectives) and another '---' line (see 'Add a lesson' in "
     "README.md)"),
    ("---\n---\n# Seals\n",
     f"{PATH}:1: the lesson has no front matter; start the file with a '---' line, the lesson's keys (id, module, "
     "order, title, duration, level, audience, objectives) and another '---' line (see 'Add a lesson' in "
     "README.md)"),
    ("---\nid: seals-vvtt\nmodule: 3\n\n# Seals\n",
     f"{PATH}:1: front matter starts with '---' but never ends; close it with a line holding only '---'"),
    ("---\nid: seals-vvtt\n\tmodule: 3\n---\n",
     f"{PATH}:3: a tab character is used for indentation or spacing; YAML indents with spaces only: replace the "
     "tab with spaces"),
], ids=["none", "empty", "never-ends", "tab"])
def test_a_lesson_whose_front_matter_cannot_be_read_says_why(text, message):
    lesson, problems = parse(text)
    assert lesson is None and problems == [message]


# ---- what mkdocs.yml does not declare is reported there, not in every lesson ----------------------

def _settings_without(section: str):
    course = {k: v for k, v in EXTRA["course"].items() if k != section}
    settings, problems = check_settings({"course": course})
    assert [p.key for p in problems] == [f"extra.course.{section}"]  # reported once, in mkdocs.yml
    return settings


@pytest.mark.parametrize("section, key, value", [
    ("modules", "module", "module: 7"),
    ("levels", "level", "level: beginner"),
    ("audiences", "audience", "audience: [truck-driver]"),
    ("roles", "roles", "roles: [gate-guard]"),
    ("criteria", "msc", "msc: [seals]"),
])
def test_an_undeclared_section_is_not_repeated_in_every_lesson(section, key, value):
    old = next(line for line in GOOD.split("\n") if line.startswith(f"{key}:"))
    _, problems = parse(edit(old, value), settings=_settings_without(section))
    assert problems == []


def test_an_undeclared_section_hides_no_other_problem():
    text = edit("duration: 30", "duration: ten")
    _, problems = parse(text, settings=_settings_without("levels"))
    assert problems == [f"{PATH}:6: 'duration' must be a whole number (minutes of study), got 'ten'; write e.g. "
                        "'duration: 20'"]


@pytest.mark.parametrize("section, key", [("levels", "level"), ("modules", "module"), ("audiences", "audience")])
def test_a_missing_key_whose_values_are_undeclared_gives_no_empty_fix(section, key):
    # Not "add e.g. 'level: ' (one of )": the fix sends the author to mkdocs.yml first.
    _, problems = parse(_without(key), settings=_settings_without(section))
    assert problems == [f"{PATH}:1: the front matter has no '{key}'; add '{key}:' (declare its values under "
                        "extra.course in mkdocs.yml first)"]


# ---- the bad-input corpus --------------------------------------------------------------------------

def _lesson_cases() -> list:
    cases = []
    for folder in sorted(p for p in BAD.iterdir() if p.is_dir()):
        xfail = folder / "xfail.txt"
        marks = [pytest.mark.xfail(strict=True, reason=xfail.read_text(encoding="utf-8").splitlines()[0])] \
            if xfail.exists() else []
        cases.append(pytest.param(folder.name, marks=marks, id=folder.name))
    return cases


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def load_case(case: str, tmp_path: Path):
    """The case copied over the corpus defaults, loaded as the build loads a project."""
    project = tmp_path / case
    shutil.copytree(BAD / case, project, ignore=shutil.ignore_patterns("*.txt"))
    if not (project / "mkdocs.yml").exists():
        shutil.copy(BAD / "mkdocs.yml", project / "mkdocs.yml")
    if not (project / "data" / "glossary.yml").exists():
        (project / "data").mkdir(exist_ok=True)
        shutil.copy(BAD / "glossary.yml", project / "data" / "glossary.yml")
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    return load_course(project, yaml_load(text)["extra"], load_config_yaml(text))


@pytest.mark.parametrize("case", _lesson_cases())
def test_bad_lesson_input_gives_exactly_the_expected_messages(case, tmp_path):
    expected, warnings = _lines(BAD / case / "expected.txt"), _lines(BAD / case / "warnings.txt")
    assert (BAD / case / "expected.txt").exists(), f"{case}/expected.txt is missing (empty: accepted as is)"
    course = load_case(case, tmp_path)
    assert [str(p) for p in sorted(course.problems, key=lambda p: p.sort_key)] == expected
    assert [str(p) for p in sorted(course.warnings, key=lambda p: p.sort_key)
            if str(p) not in quality_warnings(course)] == warnings


def quality_warnings(course) -> set[str]:
    """The teaching-quality estimates (reading time against 'duration', quiz balance): the
    corpus' tiny lessons trip them by design, and coursekit.model.quality has its own tests."""
    return {str(w) for w in duration_warnings(course) + quiz_warnings(course)}


def test_the_corpus_defaults_are_a_valid_course(tmp_path):
    """A case's messages come from its own files, never from the defaults it is copied over."""
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "data").mkdir()
    shutil.copy(BAD / "glossary.yml", tmp_path / "empty" / "data" / "glossary.yml")
    text = (BAD / "mkdocs.yml").read_text(encoding="utf-8")
    course = load_course(tmp_path / "empty", yaml_load(text)["extra"], load_config_yaml(text))
    assert course.problems == [] and course.warnings == []


# ---- what an author would notice (found by mutation testing: bench/mutation.py) -------------

@pytest.mark.parametrize("value, words", [("Seals_VVTT", "kebab-case"), ("seals", "seals-vvtt.md")],
                         ids=["not-kebab", "not-the-file-name"])
def test_a_wrong_id_is_reported_on_the_id_line_wherever_it_is(value, words):
    text = edit("title: High-security seals and the VVTT check\n",
                f"title: High-security seals and the VVTT check\nid: {value}\n", edit("id: seals-vvtt\n", ""))
    lesson, problems = parse(text)
    assert lesson is None and len(problems) == 1
    assert problems[0].startswith(f"{PATH}:5: 'id' ") and words in problems[0]


@pytest.mark.parametrize("item, kept", [("2027", "2027"), ("1.5", "1.5")])
def test_an_objective_written_as_a_number_is_kept_as_text(item, kept):
    lesson, problems = parse(edit("  - Tell a class H seal from class I and S seals", f"  - {item}"))
    assert problems == [] and lesson.objectives[0] == kept


def test_an_objective_read_as_a_mapping_is_reported_on_its_own_line_after_comments():
    text = edit("  - \"Check a seal: View, Verify, Tug, Twist\"",
                "\n  # the four steps\n  - Check a seal: View, Verify, Tug, Twist")
    lesson, problems = parse(text)
    assert lesson is None and len(problems) == 1
    assert problems[0].startswith(f"{PATH}:{line_of(text, '  - Check')}: 'objectives' item 2 ")


def test_with_levels_undeclared_the_other_problems_still_come_in_line_order():
    text = edit("quiz: seals-vvtt\n", "quiz: seals-vvtt\ncolour: blue\n", _without("title"))
    _, problems = parse(text, settings=_settings_without("levels"))
    assert [p.split(":")[1] for p in problems] == ["1", str(line_of(text, "colour:"))]
    assert "'title'" in problems[0] and "'colour'" in problems[1]


def test_where_points_at_the_key_or_else_at_the_top_of_the_file():
    lesson, _ = parse(_without("quiz"), quizzes=())
    assert lesson.where("duration") == f"{PATH}:6"
    assert lesson.where("quiz") == f"{PATH}:1"  # absent: a translation's quiz is compared with "not set"
