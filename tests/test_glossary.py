"""The glossary file (data/glossary.yml): what it feeds and how its mistakes are reported.

One file feeds the glossary page, the abbreviation tooltips in each edition, the Chinese
words search keeps whole, and the Taiwan terms of the Traditional edition
(``coursekit.model.glossary``). Pure functions only.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
import yaml

from coursekit.model.glossary import (abbreviation_titles, jieba_words, parse_glossary, sorted_terms,
                                      traditional_phrases)

ROOT = Path(__file__).resolve().parent.parent
REL = "data/glossary.yml"

SAMPLE = """\
terms:
  - abbr: MSC
    en: Minimum Security Criteria
    zh: 最低安全标准
    zh_hant: 最低安全標準
    avoid: [最低安全准则]
    note: For authors only.
    definition: {en: The criteria., zh: 标准。}
  - en: security profile
    zh: 安全概况（Security Profile）
    zh_hant: 安全概況（Security Profile）
    definition: {en: A profile., zh: 概况。}
    search_terms: [七点检查, 十七点检查、VVTT]
  - abbr: SVI
    en: Status Verification Interface
    zh: 状态验证接口（SVI）
    definition: {en: An interface., zh: 接口。}
  - abbr: ISO
    en: ISO
    zh: ISO
    definition: {en: The standards body., zh: 国际标准化组织。}
  - en: risk
    zh: 风险
    definition: {en: Risk., zh: 风险。}
  - abbr: AEO
    en: Authorized Economic Operator
    zh: 经认证的经营者（AEO）
    definition: {en: An operator., zh: 经营者。}
vocabulary:
  - {en: module, zh: 模块, avoid: [单元]}
  - {en: container, zh: 集装箱, zh_hant: 貨櫃}
  - {en: audit, zh: 审核, zh_hant: 稽核, note: Not 稽查.}
"""


def parse(text: str):
    return parse_glossary(textwrap.dedent(text), REL)


@pytest.fixture(scope="module")
def sample():
    glossary, problems, warnings = parse(SAMPLE)
    assert problems == [] and warnings == []
    return glossary


def by_en(glossary, en):
    return next(t for t in glossary.everything if t.en == en)


# ---- reading the file -----------------------------------------------------------------------

def test_terms_keep_every_field(sample):
    msc = by_en(sample, "Minimum Security Criteria")
    assert (msc.abbr, msc.zh, msc.zh_hant) == ("MSC", "最低安全标准", "最低安全標準")
    assert msc.avoid == ("最低安全准则",) and msc.in_glossary
    assert msc.definition == {"en": "The criteria.", "zh": "标准。"}
    assert msc.line == 2 and msc.anchor == "msc"
    profile = by_en(sample, "security profile")
    assert profile.search_terms == ("七点检查", "十七点检查、VVTT")
    assert profile.bare() == "安全概况" and profile.bare("zh_hant") == "安全概況"
    assert profile.anchor == "security-profile"


def test_vocabulary_is_kept_apart_from_the_glossary_page(sample):
    assert [t.en for t in sample.terms] == ["Minimum Security Criteria", "security profile",
                                            "Status Verification Interface", "ISO", "risk",
                                            "Authorized Economic Operator"]
    assert [t.en for t in sample.vocabulary] == ["module", "container", "audit"]
    assert not any(t.in_glossary for t in sample.vocabulary)
    assert by_en(sample, "module").avoid == ("单元",)
    assert by_en(sample, "audit").zh_hant == "稽核"
    assert len(sample.everything) == 9


@pytest.mark.parametrize("text, expected", [
    ("terms:\n  - en: seal\n    definition: {en: A seal., zh: 封条。}\n",
     ["data/glossary.yml:2: 'seal': missing 'zh' name; add 'zh: ...' with the term in that language"]),
    ("terms:\n  - zh: 封条\n    definition: {en: A seal., zh: 封条。}\n",
     ["data/glossary.yml:2: '?': missing 'en' name; add 'en: ...' with the term in that language"]),
    ("terms:\n  - en: container\n    zh: 集装箱\n    defintion: {en: A box., zh: 箱。}\n",
     ["data/glossary.yml:4: 'container': unknown key 'defintion'; use only abbr, en, zh, zh_hant, avoid, "
      "definition, note, search_terms"]),
    ("terms:\n  - {en: seal, zh: 封条, definition: just text}\n",
     ["data/glossary.yml:2: 'seal': 'definition' must be a mapping; write 'definition: {en: ..., zh: ...}'"]),
    ("terms:\n  - en: seal\n    zh: 封条\n    avoid: 封签\n    definition: {en: A seal., zh: 封条。}\n",
     ["data/glossary.yml:4: 'seal': 'avoid' must be a list of words; write e.g. 'avoid: [七点检查, 十七点检查]'"]),
    ("terms:\n  - en: seal\n    zh: 封条\n    search_terms: [封条, '']\n    definition: {en: A., zh: 甲。}\n",
     ["data/glossary.yml:4: 'seal': 'search_terms' must be a list of words; "
      "write e.g. 'search_terms: [七点检查, 十七点检查]'"]),
    ("terms:\n  - just a word\n",
     ["data/glossary.yml:2: terms entry 1 is not a mapping; write each entry as '- en: ...' with its fields "
      "indented"]),
    ("terms: []\nvocabulary:\n  - {en: module, zh: 模块, abbr: M}\n",
     ["data/glossary.yml:3: 'module': unknown key 'abbr'; use only en, zh, zh_hant, avoid, note"]),
    ("terms: []\nvocabulary: 5\n",
     ["data/glossary.yml:1: 'vocabulary' must be a list; list one entry per '- en: ...' under 'vocabulary:'"]),
    ("terms: []\ncolours: []\n",
     ["data/glossary.yml:2: unknown key 'colours'; the file holds 'terms:' and 'vocabulary:'"]),
    ("", ["data/glossary.yml:1: expected a 'terms:' list; start the file with 'terms:' and list one term per "
          "'- en: ...'"]),
    ("- en: seal\n", ["data/glossary.yml:1: expected a 'terms:' list; start the file with 'terms:' and list "
                      "one term per '- en: ...'"]),
    ("terms:\n  - {en: seal, zh: 封条\n",
     ["data/glossary.yml:2: a '{' opened on this line is not closed; add the '}' at the end, and quote text "
      "that contains ',' or ':'"]),
    ("terms:\n\t- en: seal\n",
     ["data/glossary.yml:2: a tab character is used for indentation or spacing; YAML indents with spaces "
      "only: replace the tab with spaces"]),
    ("terms:\n  - en: security profile\n    zh: 安全概况\n    zh_hant: 安全概况\n    definition: {en: A., zh: 甲。}\n",
     ["data/glossary.yml:4: 'security profile': 'zh_hant' is the Simplified term again ('安全概况'); write it in "
      "Traditional characters, e.g. 'zh_hant: 安全概況', or leave 'zh_hant' out to have it converted"]),
    ("terms: []\nvocabulary:\n  - {en: container, zh: 集装箱, zh_hant: 集装箱}\n",
     ["data/glossary.yml:3: 'container': 'zh_hant' is the Simplified term again ('集装箱'); write it in "
      "Traditional characters, e.g. 'zh_hant: 集裝箱', or leave 'zh_hant' out to have it converted"]),
    ("terms:\n  - en: safety\n    zh: 安全\n    zh_hant: 安全\n    definition: {en: A., zh: 甲。}\n", []),
], ids=["no-zh", "no-en", "unknown-key", "definition-text", "avoid-not-list", "empty-search-term",
        "entry-not-mapping", "vocabulary-unknown-key", "vocabulary-not-list", "unknown-top-key", "empty-file",
        "a-list", "unclosed-brace", "tab", "zh-hant-pasted-simplified", "vocabulary-zh-hant-pasted",
        "zh-hant-same-in-both-scripts"])
def test_every_mistake_names_the_line_and_the_fix(text, expected):
    glossary, problems, _ = parse(text)
    assert [str(p) for p in problems] == expected
    assert all(p.path == REL for p in problems)


def test_an_entry_with_a_problem_is_left_out_and_the_others_kept():
    glossary, problems, _ = parse("terms:\n  - {en: seal, definition: {en: a, zh: b}}\n"
                                  "  - {en: container, zh: 集装箱, definition: {en: a, zh: b}}\n")
    assert len(problems) == 1
    assert [t.en for t in glossary.terms] == ["container"]


@pytest.mark.parametrize("text, expected", [
    ("terms:\n  - {en: Seal, zh: 封条, definition: {en: a, zh: b}}\n"
     "  - {en: seal, zh: 封志, definition: {en: a, zh: b}}\n",
     ["data/glossary.yml:3: 'seal' is listed twice (also line 2); keep one entry"]),
    ("terms: []\nvocabulary:\n  - {en: module, zh: 模块}\n  - {en: Module, zh: 单元}\n",
     ["data/glossary.yml:4: 'Module' is listed twice (also line 3); keep one entry"]),
    ("terms:\n  - {en: seal, zh: 封条, definition: {en: a, zh: b}}\nvocabulary:\n  - {en: seal, zh: 封条}\n",
     []),
], ids=["terms-any-case", "vocabulary", "a-term-and-a-word-may-share-a-name"])
def test_duplicates_are_reported_at_the_second_entry(text, expected):
    _, problems, _ = parse(text)
    assert [str(p) for p in problems] == expected


@pytest.mark.parametrize("definition, expected", [
    ("definition: {en: A seal.}", ["data/glossary.yml:4: term 'seal': the definition has no 'zh' text; "
                                   "write 'definition: {zh: ...}'"]),
    ("definition: {en: A seal., zh: TODO}", ["data/glossary.yml:4: term 'seal': the definition has no 'zh' "
                                             "text; write 'definition: {zh: ...}'"]),
    ("definition: {en: '  ', zh: 封条。}", ["data/glossary.yml:4: term 'seal': the definition has no 'en' "
                                          "text; write 'definition: {en: ...}'"]),
    ("note: no definition yet", ["data/glossary.yml:2: term 'seal': the definition has no 'en' text; "
                                 "write 'definition: {en: ...}'",
                                 "data/glossary.yml:2: term 'seal': the definition has no 'zh' text; "
                                 "write 'definition: {zh: ...}'"]),
], ids=["no-zh", "todo", "blank-en", "none-at-all"])
def test_a_missing_definition_is_a_warning_and_the_term_is_kept(definition, expected):
    glossary, problems, warnings = parse(f"terms:\n  - en: seal\n    zh: 封条\n    {definition}\n")
    assert problems == []
    assert [str(w) for w in warnings] == expected
    assert [t.en for t in glossary.terms] == ["seal"]


# ---- what it feeds --------------------------------------------------------------------------

def test_tooltips_in_english_name_the_term(sample):
    assert abbreviation_titles(sample.terms, "en") == {
        "MSC": "Minimum Security Criteria",
        "SVI": "Status Verification Interface",
        "AEO": "Authorized Economic Operator",
    }  # ISO's name is the abbreviation itself: a tooltip would only repeat it


def test_tooltips_in_chinese_drop_the_bracketed_english(sample):
    assert abbreviation_titles(sample.terms, "zh") == {
        "MSC": "最低安全标准",
        "SVI": "状态验证接口",
        "AEO": "经认证的经营者",
    }


def test_traditional_tooltips_use_the_taiwan_term_or_convert_the_simplified_one(sample):
    def convert(text):  # like OpenCC: Latin text passes through
        return text if text.isascii() else f"[converted {text}]"

    converted = abbreviation_titles(sample.terms, "zh", convert)
    assert converted == {
        "MSC": "最低安全標準",                # zh_hant given: the glossary's Taiwan term
        "SVI": "[converted 状态验证接口]",     # none given: the bare Simplified term converted
        "AEO": "[converted 经认证的经营者]",
    }  # ISO: still the abbreviation itself
    # English tooltips are never converted.
    assert abbreviation_titles(sample.terms, "en", lambda text: "x") == abbreviation_titles(sample.terms, "en")


def test_search_keeps_course_words_whole_in_both_scripts(sample):
    words = jieba_words(sample)
    assert words == ["最低安全标准", "最低安全標準", "安全概况", "安全概況", "七点检查", "十七点检查",
                     "状态验证接口", "风险", "经认证的经营者", "模块", "集装箱", "貨櫃", "审核", "稽核"]
    assert "VVTT" not in words and "ISO" not in words  # Latin words need no segmentation


def test_traditional_phrases_pair_simplified_and_taiwan_terms_longest_first(sample):
    phrases = traditional_phrases(sample)
    assert phrases == {
        "安全概况（Security Profile）": "安全概況（Security Profile）",
        "最低安全标准": "最低安全標準",
        "安全概况": "安全概況",
        "集装箱": "貨櫃",
        "审核": "稽核",
    }
    lengths = [len(key) for key in phrases]
    assert lengths == sorted(lengths, reverse=True)


def test_english_readers_find_terms_a_to_z_by_abbreviation_or_name(sample):
    assert [t.abbr or t.en for t in sorted_terms(sample.terms, "en")] == [
        "AEO", "ISO", "MSC", "risk", "security profile", "SVI"]


def test_chinese_readers_find_terms_by_pinyin(sample):
    # an quan, feng xian, ISO, jing ren zheng, zhuang tai, zui di
    assert [t.zh for t in sorted_terms(sample.terms, "zh")] == [
        "安全概况（Security Profile）", "风险", "ISO", "经认证的经营者（AEO）", "状态验证接口（SVI）", "最低安全标准"]


@pytest.mark.parametrize("words", [["最低安全标准", "安全概况", "风险"], ["风险", "最低安全标准", "安全概况"]])
def test_pinyin_order_does_not_depend_on_the_file_order(words):
    text = "terms:\n" + "".join(f"  - {{en: t{i}, zh: {w}, definition: {{en: a, zh: b}}}}\n"
                                for i, w in enumerate(words))
    glossary, _, _ = parse(text)
    assert [t.zh for t in sorted_terms(glossary.terms, "zh")] == ["安全概况", "风险", "最低安全标准"]


# ---- the project's own glossary -------------------------------------------------------------

@pytest.fixture(scope="module")
def real():
    text = (ROOT / REL).read_text(encoding="utf-8")
    return text, parse_glossary(text, REL)


def test_the_real_glossary_has_no_problem_and_every_definition(real):
    text, (glossary, problems, warnings) = real
    assert [str(p) for p in problems] == []
    assert [str(w) for w in warnings] == []
    on_disk = yaml.safe_load(text)  # read independently of the code
    assert [t.en for t in glossary.terms] == [entry["en"] for entry in on_disk["terms"]]
    assert [t.en for t in glossary.vocabulary] == [entry["en"] for entry in on_disk.get("vocabulary") or []]
    for term in glossary.terms:
        assert set(term.definition) == {"en", "zh"}, term.en
        assert all(term.definition.values()), term.en


def test_every_real_abbreviation_gets_a_tooltip_in_both_languages(real):
    _, (glossary, _, _) = real
    with_abbr = [t for t in glossary.terms if t.abbr]
    assert with_abbr
    en, zh = abbreviation_titles(glossary.terms, "en"), abbreviation_titles(glossary.terms, "zh")
    for term in with_abbr:
        if term.en != term.abbr:
            assert en[term.abbr] == term.en
        assert "（" not in zh.get(term.abbr, "") and "(" not in zh.get(term.abbr, "")


def test_jieba_keeps_the_real_course_terms_whole(real):
    import jieba

    _, (glossary, _, _) = real
    jieba.setLogLevel(60)
    words = jieba_words(glossary)
    for word in words:
        jieba.add_word(word, freq=100000)
    msc = next(t for t in glossary.terms if t.abbr == "MSC")
    for term in (msc.bare(), msc.bare("zh_hant")):
        assert term in words
        assert term in list(jieba.cut(f"工厂必须满足{term}的要求"))


def test_traditional_chinese_is_cut_into_the_words_of_its_simplified_original(real):
    """jieba's dictionary is Simplified: taught the Traditional form of its common words, it
    cuts the Traditional edition's text where it cuts the Simplified original (課程 one word,
    not 課程講), so a Traditional reader's search finds whole words."""
    import jieba

    from coursekit.search import traditional_words
    from coursekit.model.glossary import traditional_phrases
    from coursekit.traditional import Converter

    _, (glossary, _, _) = real
    convert = Converter(traditional_phrases(glossary))
    runs = [run for path in sorted((ROOT / "docs_zh" / "lessons").rglob("*.md"))
            for run in re.findall(r"[\u4e00-\u9fff]{2,}", path.read_text(encoding="utf-8"))]
    runs = [(run, convert(run)) for run in runs if len(convert(run)) == len(run)]
    assert len(runs) > 2000

    jieba.setLogLevel(60)
    tokenizer = jieba.Tokenizer()  # its own dictionary, whatever other tests taught jieba
    tokenizer.initialize()

    def same_cuts() -> float:
        return sum([len(w) for w in tokenizer.cut(simplified)] == [len(w) for w in tokenizer.cut(traditional)]
                   for simplified, traditional in runs) / len(runs)

    words = traditional_words(tokenizer.FREQ, convert)
    assert "課程" in words and "培訓" in words and "课程" not in words
    before = same_cuts()
    for word, frequency in words.items():
        tokenizer.add_word(word, freq=frequency)
    after = same_cuts()
    assert after >= 0.78 and after >= before + 0.1, (before, after)


def test_only_common_words_whose_traditional_form_is_new_to_jieba_are_taught():
    from coursekit.search import COMMON_WORD, traditional_words

    table = str.maketrans({"课": "課", "国": "國", "厂": "廠", "训": "訓"})
    frequencies = {"课程": COMMON_WORD, "中国": 5000, "工厂": COMMON_WORD - 1, "的": 90000, "安全": 3000,
                   "培训": 800, "培訓": 20}
    assert traditional_words(frequencies, lambda text: text.translate(table)) == {"課程": COMMON_WORD, "中國": 5000}
    # rare (工厂), one character (的), unchanged (安全), already known (培訓) are left alone;
    # a converter that changes the number of lines teaches nothing rather than the wrong words
    assert traditional_words(frequencies, lambda text: text.replace("\n", "", 1)) == {}

