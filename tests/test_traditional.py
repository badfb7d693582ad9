"""The Traditional Chinese (Taiwan) edition's text: OpenCC s2twp plus the glossary's Taiwan terms.

``coursekit.traditional.Converter`` turns the Simplified text of docs_zh/ into what a reader
in Taiwan expects. Pure function; the lesson paragraphs are read from disk.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coursekit.model.glossary import parse_glossary, traditional_phrases
from coursekit.traditional import Converter

ROOT = Path(__file__).resolve().parent.parent

GLOSSARY = """\
terms:
  - en: container
    zh: 集装箱
    zh_hant: 貨櫃
    definition: {en: A box., zh: 箱子。}
  - en: container number
    zh: 集装箱号
    zh_hant: 櫃號
    definition: {en: Its number., zh: 箱号。}
  - en: security profile
    zh: 安全概况（Security Profile）
    zh_hant: 安全概況（Security Profile）
    definition: {en: A profile., zh: 概况。}
vocabulary:
  - {en: audit, zh: 审核, zh_hant: 稽核}
  - {en: procedure, zh: 程序, zh_hant: 程序}
"""

# Characters that exist only in Simplified Chinese (each differs from its Traditional form),
# written out by hand so the check does not rely on the converter it checks.
SIMPLIFIED_ONLY = set("们这说关应链货检认证标条装运输险评业务伙为时发现进与个对门车书实际员记录设备单号报"
                      "问题间环节须还确护责处开经营过级验签头长动产厂边国计划类风点两写给让该总结")


@pytest.fixture(scope="module")
def convert() -> Converter:
    glossary, problems, _ = parse_glossary(GLOSSARY)
    assert problems == []
    return Converter(traditional_phrases(glossary))


@pytest.fixture(scope="module")
def real_convert() -> Converter:
    glossary, problems, _ = parse_glossary((ROOT / "data/glossary.yml").read_text(encoding="utf-8"))
    assert problems == []
    return Converter(traditional_phrases(glossary))


@pytest.mark.parametrize("simplified, taiwan", [
    ("把集装箱关好", "把貨櫃關好"),                       # glossary phrase wins over OpenCC
    ("记下集装箱号", "記下櫃號"),                         # the longest phrase first
    ("每年审核一次", "每年稽核一次"),                     # vocabulary phrase
    ("按程序检查", "按程序檢查"),                         # kept as written: s2twp would write 程式
    ("更新安全概况（Security Profile）", "更新安全概況（Security Profile）"),
    ("软件和信息", "軟體和資訊"),                         # s2twp's Taiwan phrasing
    ("网络安全", "網路安全"),
], ids=["container", "container-number", "audit", "procedure", "bracketed", "software", "network"])
def test_simplified_becomes_taiwan_usage(convert, simplified, taiwan):
    assert convert(simplified) == taiwan


def test_without_the_glossary_opencc_alone_gives_other_words():
    plain = Converter({})
    assert plain("集装箱") != "貨櫃"     # 集裝箱: the glossary's phrase is what makes 貨櫃
    assert plain("按程序检查") == "按程式檢查"


@pytest.mark.parametrize("text", [
    "CTPAT", "ISO 17712 class H", "VVTT: View, Verify, Tug, Twist", "https://www.cbp.gov/", "", "<b>x</b> & y",
])
def test_ascii_text_is_untouched(convert, text):
    assert convert(text) == text


def test_latin_words_inside_chinese_are_kept(convert):
    out = convert("按 MSC 第 6.2 条使用 ISO 17712 H 级封条（VVTT）。")
    assert re.findall(r"[A-Za-z0-9.]+", out) == ["MSC", "6.2", "ISO", "17712", "H", "VVTT"]
    assert out == "按 MSC 第 6.2 條使用 ISO 17712 H 級封條（VVTT）。"


def test_results_are_cached_per_text(convert, monkeypatch):
    calls = []
    opencc = convert._opencc

    class Counting:
        def convert(self, text):
            calls.append(text)
            return opencc.convert(text)

    monkeypatch.setattr(convert, "_opencc", Counting())
    first = convert("检查封条号（缓存测试）")
    second = convert("检查封条号（缓存测试）")
    assert first == second == "檢查封條號（快取測試）"
    assert len(calls) == 1, "the second conversion of the same text comes from the cache"


def test_every_real_taiwan_term_is_what_its_simplified_term_becomes(real_convert):
    glossary, _, _ = parse_glossary((ROOT / "data/glossary.yml").read_text(encoding="utf-8"))
    pairs = [(t.zh, t.zh_hant) for t in glossary.everything if t.zh_hant]
    assert pairs
    for simplified, taiwan in pairs:
        assert real_convert(simplified) == taiwan, simplified


def lesson_paragraphs() -> list:
    """The longest plain paragraph of each Chinese lesson on disk."""
    cases = []
    for path in sorted((ROOT / "docs_zh" / "lessons").rglob("*.md")):
        if path.name == "index.md":
            continue
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        lines = [line.strip() for line in body.split("\n")
                 if line.strip() and not re.match(r"^\s*([#<!|>*-]|\d+\.|```|:::)", line)]
        if lines:
            cases.append(pytest.param(max(lines, key=len), id=path.stem))
    return cases


@pytest.mark.parametrize("paragraph", lesson_paragraphs())
def test_a_converted_lesson_paragraph_has_no_simplified_only_character(real_convert, paragraph):
    assert len(re.findall(r"[\u4e00-\u9fff]", paragraph)) >= 20, "a real paragraph of Chinese text"
    out = real_convert(paragraph)
    assert sorted(SIMPLIFIED_ONLY & set(out)) == []
    assert re.findall(r"[A-Za-z0-9]+", out) == re.findall(r"[A-Za-z0-9]+", paragraph)  # Latin kept
    assert out != paragraph
