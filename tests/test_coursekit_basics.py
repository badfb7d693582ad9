"""Pure helpers: front matter, glossary, search index split, languages, workshops."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from coursekit import glossary, languages, search_index, workshops
from coursekit.errors import AuthorError, AuthorErrors
from coursekit.frontmatter import split_front_matter

ROOT = Path(__file__).resolve().parent.parent


# ---- front matter -------------------------------------------------------------------------

def test_front_matter_keeps_the_line_of_each_key():
    fm = split_front_matter("---\nid: seals\ntitle: Seals\nduration: 20\n---\n# Seals\n", "a.md")
    assert fm.meta == {"id": "seals", "title": "Seals", "duration": 20}
    assert fm.lines == {"id": 2, "title": 3, "duration": 4}
    assert fm.body.startswith("# Seals") and fm.body_line == 6


@pytest.mark.parametrize("text, line, problem", [
    ("---\nid: x\ntitle: [a, b\n---\n", 3, "invalid YAML"),
    ("---\nid: x\n", 1, "never ends"),
    ("---\n- a\n- b\n---\n", 2, "not a mapping"),
    ("---\nid: x\nid: y\n---\n", 3, "duplicate key 'id'"),
])
def test_bad_front_matter_names_file_and_line(text, line, problem):
    with pytest.raises(AuthorError) as caught:
        split_front_matter(text, "docs/lessons/x.md")
    assert caught.value.path == "docs/lessons/x.md" and caught.value.line == line
    assert problem in str(caught.value)
    assert str(caught.value).startswith(f"docs/lessons/x.md:{line}: ")


def test_page_without_front_matter_is_all_body():
    fm = split_front_matter("# Title\n\ntext\n", "a.md")
    assert fm.meta == {} and fm.body_line == 1


# ---- glossary ----------------------------------------------------------------------------

def write(tmp_path, text) -> Path:
    path = tmp_path / "data" / "glossary.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_glossary_feeds_tooltips_in_each_language_and_jieba(tmp_path):
    path = write(tmp_path, """\
        terms:
          - abbr: MSC
            en: Minimum Security Criteria
            zh: 最低安全标准
            zh_tw: 最低安全標準
            definition: {en: The criteria., zh: 标准。}
          - en: security profile
            zh: 安全概况(Security Profile)
            definition: {en: A profile., zh: 概况。}
            search_terms: [七点检查, 十七点检查]
        """)
    terms, warnings = glossary.load_glossary(path, tmp_path)
    assert warnings == []
    assert glossary.abbreviation_titles(terms, "en") == {"MSC": "Minimum Security Criteria"}
    assert glossary.abbreviation_titles(terms, "zh") == {"MSC": "最低安全标准"}
    assert glossary.jieba_words(terms) == ["最低安全标准", "安全概况", "七点检查", "十七点检查"]


def test_glossary_reports_every_broken_term_with_its_line(tmp_path):
    path = write(tmp_path, """\
        terms:
          - en: seal
            definition: {en: A seal., zh: 封条。}
          - en: container
            zh: 集装箱
            defintion: {en: A box., zh: 箱。}
        """)
    with pytest.raises(AuthorErrors) as caught:
        glossary.load_glossary(path, tmp_path)
    messages = [str(e) for e in caught.value.errors]
    assert "data/glossary.yml:2: term 'seal': missing 'zh' name; add 'zh: ...' with the term in that language" in messages
    assert any(m.startswith("data/glossary.yml:6: term 'container': unknown key 'defintion'") for m in messages)


def test_missing_definition_is_a_warning_not_an_error(tmp_path):
    path = write(tmp_path, """\
        terms:
          - en: seal
            zh: 封条
            definition: {en: A seal.}
        """)
    terms, warnings = glossary.load_glossary(path, tmp_path)
    assert [t.en for t in terms] == ["seal"]
    assert [str(w) for w in warnings] == [
        "data/glossary.yml:4: term 'seal': definition has no 'zh' text; write 'definition: {zh: ...}'"]


def test_project_glossary_is_complete_in_both_languages():
    terms, warnings = glossary.load_glossary(ROOT / "data/glossary.yml", ROOT)
    assert warnings == [], [str(w) for w in warnings]
    assert len(terms) >= 40
    for abbr in ("CBP", "MSC", "SCSS", "MRA", "AEO", "FAST", "ISA", "IIT", "VVTT"):
        assert any(t.abbr == abbr for t in terms), abbr


def test_jieba_keeps_course_terms_whole():
    import jieba

    terms, _ = glossary.load_glossary(ROOT / "data/glossary.yml", ROOT)
    for word in glossary.jieba_words(terms):
        jieba.add_word(word, freq=100000)
    for term in ("最低安全标准", "供应链安全专家", "高度安全封条"):
        assert term in list(jieba.cut(f"工厂必须满足{term}的要求"))


# ---- search index ------------------------------------------------------------------------

def test_search_index_is_split_by_language_with_chinese_locations_rebased():
    merged = {"config": {"lang": ["en", "zh"], "separator": "x"}, "docs": [
        {"location": "", "title": "Home", "text": "a"},
        {"location": "zh/", "title": "首页", "text": "b"},
        {"location": "zh/lessons/seals/#vvtt", "title": "VVTT", "text": "封条"},
        {"location": "lessons/seals/", "title": "Seals", "text": "seal"},
    ]}
    split = search_index.split_by_language(merged)
    assert [d["location"] for d in split["en"]["docs"]] == ["", "lessons/seals/"]
    assert [d["location"] for d in split["zh"]["docs"]] == ["", "lessons/seals/#vvtt"]
    assert split["zh"]["config"]["separator"] == search_index.ZH_SEPARATOR


def test_chinese_separator_splits_on_zero_width_space_and_chinese_punctuation():
    import re

    tokens = [t for t in re.split(search_index.ZH_SEPARATOR, "封条\u200b必须，立即（施加）。VVTT、检查") if t]
    assert tokens == ["封条", "必须", "立即", "施加", "VVTT", "检查"]


@pytest.mark.parametrize("base, language, expected", [
    ("../../..", "zh", "../../../zh/"), (".", "zh", "./zh/"), ("..", "en", ".."),
])
def test_language_base(base, language, expected):
    assert search_index.language_base(base, language) == expected


# ---- languages ---------------------------------------------------------------------------

@pytest.mark.parametrize("url, language, twin", [
    ("lessons/seals/", "zh", "zh/lessons/seals/"),
    ("zh/lessons/seals/", "en", "lessons/seals/"),
    ("", "zh", "zh/"),
    ("zh/", "en", ""),
])
def test_twin_url(url, language, twin):
    assert languages.twin_url(url, language) == twin


def test_every_interface_string_exists_in_both_languages():
    assert set(languages.STRINGS["en"]) == set(languages.STRINGS["zh"])


# ---- workshops ---------------------------------------------------------------------------

def test_workshops_are_sorted_and_split_into_upcoming_and_past():
    raw = [
        {"date": "2027-05-01", "title": {"en": "B", "zh": "乙"}, "city": {"en": "X", "zh": "甲"}},
        {"date": dt.date(2026, 1, 2), "title": {"en": "A", "zh": "甲"}, "city": "Online"},
    ]
    entries, errors = workshops.parse_workshops(raw)
    assert errors == []
    upcoming, past = workshops.split_upcoming(entries, dt.date(2026, 11, 28))
    assert [w.title["en"] for w in upcoming] == ["B"] and [w.title["en"] for w in past] == ["A"]
    assert workshops.format_date(dt.date(2027, 3, 18), "zh") == "2027年3月18日"
    assert workshops.format_date(dt.date(2027, 3, 18), "en") == "18 March 2027"


@pytest.mark.parametrize("entry, problem", [
    ({"date": "18/03/2027", "title": "T", "city": "C"}, "extra.workshops entry 1: 'date' must be a date"),
    ({"date": "2027-03-18", "title": {"en": "T"}, "city": "C"}, "extra.workshops entry 1: 'title' has no zh text"),
    ({"date": "2027-03-18", "title": "T", "city": "C", "register": "javascript:alert(1)"},
     "extra.workshops entry 1: 'register' must be a web, mailto: or tel: link"),
])
def test_bad_workshop_configuration_is_named(entry, problem):
    _, errors = workshops.parse_workshops([entry])
    assert any(problem in str(e) for e in errors), [str(e) for e in errors]


def test_contact_items_only_list_what_is_configured():
    assert workshops.contact_items({"contact": {"email": "a@b.c"}}) == [("email", "a@b.c", "mailto:a@b.c")]
    assert workshops.contact_items({}) == []
