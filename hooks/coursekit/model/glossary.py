"""The course glossary and vocabulary: one data file, ``data/glossary.yml``.

It feeds the glossary page, the abbreviation tooltips, the words Chinese search keeps whole,
the Taiwan terms of the Traditional edition, and the terminology check::

    terms:                      # the glossary page lists these
      - abbr: MSC               # optional
        en: Minimum Security Criteria
        zh: 最低安全标准         # Simplified, mainland usage: the preferred term
        zh_hant: 最低安全標準    # Traditional, Taiwan usage
        avoid: [最低安全准则]     # optional: Simplified variants the terminology check rejects
        definition: {en: ..., zh: ...}
        search_terms: [...]     # optional: more Chinese words search must keep whole
        note: ...               # for authors; not shown
    vocabulary:                 # course words that are not glossary entries, same fields
      - {en: module, zh: 模块, avoid: [单元]}
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..languages import SOURCE_LANGUAGES
from ..problems import Problem
from .source import LineDict, LineList, load_yaml

GLOSSARY_FILE = "data/glossary.yml"  # relative to the project folder
MARKUP_CHARACTERS = re.compile(r"[<>&*_`\[\]\\]")
TERM_KEYS = ("abbr", "en", "zh", "zh_hant", "avoid", "definition", "note", "search_terms")
VOCABULARY_KEYS = ("en", "zh", "zh_hant", "avoid", "note")
# Brackets hold the English name beside a Chinese term: 安全概况（Security Profile）.
_BRACKETED = re.compile(r"[（(][^）)]*[）)]")
_HAN_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")


@dataclass(frozen=True)
class Term:
    en: str
    zh: str
    zh_hant: str = ""
    abbr: str = ""
    definition: dict = field(default_factory=dict)
    search_terms: tuple = ()
    avoid: tuple = ()
    line: int = 0
    in_glossary: bool = True  # False for vocabulary entries

    @property
    def anchor(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", (self.abbr or self.en).lower()).strip("-")

    def bare(self, script: str = "zh") -> str:
        """The Chinese name without the bracketed English: 安全概况（Security Profile） -> 安全概况."""
        name = self.zh_hant if script == "zh_hant" else self.zh
        return _BRACKETED.sub("", name).strip() or name


@dataclass(frozen=True)
class Glossary:
    terms: tuple = ()        # the glossary page's entries
    vocabulary: tuple = ()   # course words (vocabulary:)

    @property
    def everything(self) -> tuple:
        return self.terms + self.vocabulary


def parse_glossary(text: str, rel: str = GLOSSARY_FILE) -> tuple[Glossary, list[Problem], list[Problem]]:
    """``(glossary, problems, warnings)``; a term with a problem is left out."""
    try:
        data = load_yaml(text, rel)
    except Problem as problem:
        return Glossary(), [problem], []
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        return Glossary(), [Problem(rel, 1, "expected a 'terms:' list",
                                    "start the file with 'terms:' and list one term per '- en: ...'")], []
    problems: list[Problem] = []
    warnings: list[Problem] = []
    for key in data:
        if key not in ("terms", "vocabulary"):
            problems.append(Problem(rel, data.line_of(key), f"unknown key '{key}'",
                                    "the file holds 'terms:' and 'vocabulary:'"))
    terms = _entries(data["terms"], rel, TERM_KEYS, True, problems, warnings)
    vocabulary = _entries(data.get("vocabulary") or [], rel, VOCABULARY_KEYS, False, problems, warnings)
    seen: dict = {}
    for term in terms + vocabulary:
        key = term.en.casefold() if term.in_glossary else ("vocabulary", term.en.casefold())
        if key in seen:
            problems.append(Problem(rel, term.line, f"'{term.en}' is listed twice (also line {seen[key]})",
                                    "keep one entry"))
        seen.setdefault(key, term.line)
    return Glossary(tuple(terms), tuple(vocabulary)), problems, warnings


def _entries(items, rel: str, known: tuple, in_glossary: bool, problems: list, warnings: list) -> list[Term]:
    section = "terms" if in_glossary else "vocabulary"
    if not isinstance(items, list):
        problems.append(Problem(rel, getattr(items, "line", 1), f"'{section}' must be a list",
                                f"list one entry per '- en: ...' under '{section}:'"))
        return []
    result = []
    for index, entry in enumerate(items):
        line = items.item_lines[index] if isinstance(items, LineList) else None
        if not isinstance(entry, LineDict):
            problems.append(Problem(rel, line, f"{section} entry {index + 1} is not a mapping",
                                    "write each entry as '- en: ...' with its fields indented"))
            continue
        found = _check_entry(entry, rel, known, in_glossary)
        problems.extend(found)
        if found:
            continue
        definition = {}
        if in_glossary:
            for language in SOURCE_LANGUAGES:
                text = (entry.get("definition") or {}).get(language)
                if isinstance(text, str) and text.strip() and text.strip() != "TODO":
                    definition[language] = text.strip()
                else:
                    warnings.append(Problem(rel, entry.line_of("definition"),
                                            f"term '{entry['en']}': the definition has no '{language}' text",
                                            f"write 'definition: {{{language}: ...}}'"))
        result.append(Term(
            en=entry["en"].strip(), zh=entry["zh"].strip(), zh_hant=str(entry.get("zh_hant") or "").strip(),
            abbr=str(entry.get("abbr") or "").strip(), definition=definition,
            search_terms=tuple(entry.get("search_terms") or ()), avoid=tuple(entry.get("avoid") or ()),
            line=entry.line, in_glossary=in_glossary))
    return result


def _traditional(text: str) -> str:
    """``text`` in Traditional characters as written in Taiwan (characters only, no phrases)."""
    import opencc

    return opencc.OpenCC("s2tw").convert(text.strip())


def _check_entry(entry: LineDict, rel: str, known: tuple, in_glossary: bool) -> list[Problem]:
    label = entry.get("en") or entry.get("abbr") or "?"
    problems = []
    for key in entry:
        if key not in known:
            problems.append(Problem(rel, entry.line_of(key), f"'{label}': unknown key '{key}'",
                                    f"use only {', '.join(known)}"))
    for language in SOURCE_LANGUAGES:
        if not isinstance(entry.get(language), str) or not entry[language].strip():
            problems.append(Problem(rel, entry.line, f"'{label}': missing '{language}' name",
                                    f"add '{language}: ...' with the term in that language"))
    zh_hant = entry.get("zh_hant")
    if zh_hant is not None and not isinstance(zh_hant, str):
        problems.append(Problem(rel, entry.line_of("zh_hant"), f"'{label}': 'zh_hant' must be text",
                                "write the Taiwan term, e.g. 'zh_hant: 貨櫃'"))
    elif zh_hant and MARKUP_CHARACTERS.search(zh_hant):
        # The Taiwan term replaces the Simplified one in the Markdown of the Traditional
        # pages, before Markdown runs: these characters would become formatting or HTML.
        problems.append(Problem(rel, entry.line_of("zh_hant"),
                                f"'{label}': 'zh_hant' holds '{MARKUP_CHARACTERS.search(zh_hant)[0]}', which "
                                "Markdown would read as formatting or HTML",
                                "write the term as plain words, without < > & * _ ` [ ] \\"))
    elif zh_hant and zh_hant.strip() == str(entry.get("zh") or "").strip() and _traditional(zh_hant) != zh_hant.strip():
        # The Simplified term pasted again would put Simplified characters in every
        # Traditional page that uses it (the Taiwan term wins over the converter).
        problems.append(Problem(rel, entry.line_of("zh_hant"),
                                f"'{label}': 'zh_hant' is the Simplified term again ('{zh_hant.strip()}')",
                                f"write it in Traditional characters, e.g. 'zh_hant: {_traditional(zh_hant)}', "
                                "or leave 'zh_hant' out to have it converted"))
    definition = entry.get("definition")
    if in_glossary and definition is not None and not isinstance(definition, dict):
        problems.append(Problem(rel, entry.line_of("definition"), f"'{label}': 'definition' must be a mapping",
                                "write 'definition: {en: ..., zh: ...}'"))
    for key in ("search_terms", "avoid"):
        value = entry.get(key)
        if value is not None and not (isinstance(value, list) and all(isinstance(t, str) and t.strip() for t in value)):
            problems.append(Problem(rel, entry.line_of(key), f"'{label}': '{key}' must be a list of words",
                                    f"write e.g. '{key}: [七点检查, 十七点检查]'"))
    return problems


def abbreviation_titles(terms, language: str, convert=None) -> dict[str, str]:
    """``{abbr: tooltip}`` in a reader's language (``language`` is the authored one, en or zh);
    Chinese tooltips drop the bracketed English, which repeats the abbreviation."""
    titles = {}
    for term in terms:
        if not term.abbr:
            continue
        title = term.en if language == "en" else term.bare()
        if convert and language != "en":
            title = term.bare("zh_hant") if term.zh_hant else convert(title)
        if title.strip() and title.strip() != term.abbr:
            titles[term.abbr] = title
    return titles


def jieba_words(glossary: Glossary) -> list[str]:
    """Chinese words that segmentation must keep whole (for search), in both scripts."""
    words = []
    for term in glossary.everything:
        for candidate in (term.bare(), term.bare("zh_hant") if term.zh_hant else "", *term.search_terms):
            for part in re.split(r"[、，,/／《》\s]+", candidate):
                part = part.strip("“”\"'《》（）() ")
                if _HAN_WORD.match(part) and part not in words:  # whole Chinese words only
                    words.append(part)
    return words


def traditional_phrases(glossary: Glossary) -> dict[str, str]:
    """Simplified -> Taiwan phrases the Traditional edition must use (longest first)."""
    pairs = {}
    for term in glossary.everything:
        if term.zh_hant:
            pairs[term.zh] = term.zh_hant
            if term.bare() != term.zh:
                pairs[term.bare()] = term.bare("zh_hant")
    return dict(sorted(pairs.items(), key=lambda kv: -len(kv[0])))


def sorted_terms(terms, language: str) -> list[Term]:
    """As a reader of ``language`` looks terms up: English A-Z, Chinese by pinyin."""
    if language == "en":
        return sorted(terms, key=lambda t: (t.abbr or t.en).casefold())
    return sorted(terms, key=lambda t: pinyin_key(t.bare()))


# GB2312 orders its 3,755 common characters by pinyin; these are the first codes of each
# initial letter, so a character's code gives its place among Latin letters too (CTPAT 贸易
# 合规 files under C, 出口商 under C as well). Rarer characters sort after z.
_GB2312_INITIALS = (
    (0xB0A1, "a"), (0xB0C5, "b"), (0xB2C1, "c"), (0xB4EE, "d"), (0xB6EA, "e"), (0xB7A2, "f"),
    (0xB8C1, "g"), (0xB9FE, "h"), (0xBBF7, "j"), (0xBFA6, "k"), (0xC0AC, "l"), (0xC2E8, "m"),
    (0xC4C3, "n"), (0xC5B6, "o"), (0xC5BE, "p"), (0xC6DA, "q"), (0xC8BB, "r"), (0xC8F6, "s"),
    (0xCBFA, "t"), (0xCDDA, "w"), (0xCEF4, "x"), (0xD1B9, "y"), (0xD4D1, "z"), (0xD7FA, "{"))


def pinyin_key(text: str) -> list:
    """A sort key that orders Chinese text by pinyin (and Latin text among it by letter)."""
    key = []
    for char in text:
        if char.isascii():
            if char.isalnum():
                key.append((char.lower(), 0))
            continue
        try:
            code = int.from_bytes(char.encode("gb2312"), "big")
        except UnicodeEncodeError:
            code = 0
        letter = "{"
        for start, initial in _GB2312_INITIALS:
            if code >= start:
                letter = initial
        key.append((letter if 0xB0A1 <= code < 0xD7FA else "{", code))
    return key
