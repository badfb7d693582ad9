"""The course glossary: one data file feeds the glossary page, abbreviation tooltips and jieba.

``data/glossary.yml`` holds ``terms:``, each with ``en``, ``zh`` (Simplified), ``zh_tw``
(Traditional, Taiwan usage), an optional ``abbr``, ``definition: {en, zh}`` and optional
``search_terms`` (extra Chinese words that search must keep whole).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import AuthorError, AuthorErrors
from .languages import LANGUAGES
from .yamlsource import LineDict, load_yaml

GLOSSARY_FILE = "data/glossary.yml"  # relative to the project folder
KNOWN_KEYS = {"abbr", "en", "zh", "zh_tw", "definition", "note", "search_terms"}
# Brackets hold the English name beside a Chinese term: 安全概况(Security Profile).
_BRACKETED = re.compile(r"[（(][^）)]*[）)]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Term:
    en: str
    zh: str
    zh_tw: str = ""
    abbr: str = ""
    definition: dict = field(default_factory=dict)
    search_terms: tuple = ()

    def name(self, language: str) -> str:
        return self.zh if language == "zh" else self.en


_CACHE: dict = {}  # one glossary at a time: replaced, never appended (serve rebuilds)


def load_glossary_cached(path: Path, root: Path) -> tuple[list[Term], list[AuthorError], bool]:
    """``load_glossary`` parsed once per change of the file: ``(terms, warnings, fresh)``.

    ``fresh`` is true for the call that parsed the file, so its warnings are logged once
    however many hooks ask (the glossary page, tooltips and jieba all read it).
    """
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if _CACHE.get("key") == key:
        return _CACHE["terms"], _CACHE["warnings"], False
    terms, warnings = load_glossary(path, root)
    _CACHE.clear()
    _CACHE.update(key=key, terms=terms, warnings=warnings)
    return terms, warnings, True


def load_glossary(path: Path, root: Path) -> tuple[list[Term], list[AuthorError]]:
    """Read and check the glossary.

    Returns the terms and the warnings (a missing definition: the term still renders).
    Raises AuthorErrors listing every problem that stops a term from rendering.
    """
    rel = path.relative_to(root).as_posix() if path.is_absolute() else str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise AuthorErrors([AuthorError(rel, None, f"cannot read the glossary ({exc})",
                                        "save it as UTF-8 text")]) from None
    try:
        data = load_yaml(text, rel)
    except AuthorError as exc:
        raise AuthorErrors([exc]) from None
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise AuthorErrors([AuthorError(rel, 1, "expected a 'terms:' list",
                                        "start the file with 'terms:' and list one term per '- en: ...'")])
    errors, warnings, terms, seen = [], [], [], {}
    for entry in data["terms"]:
        if not isinstance(entry, LineDict):
            errors.append(AuthorError(rel, None, f"a term must be a mapping, got {entry!r}",
                                      "write each term as '- en: ...' with its fields indented"))
            continue
        problems = _check_term(entry)
        errors.extend(AuthorError(rel, line, problem, fix) for line, problem, fix in problems)
        if problems:
            continue
        missing = _missing_definitions(entry)
        warnings.extend(AuthorError(rel, line, problem, fix) for line, problem, fix in missing)
        key = entry["en"].casefold()
        if key in seen:
            errors.append(AuthorError(rel, entry.line, f"term '{entry['en']}' is listed twice "
                                      f"(also line {seen[key]})", "keep one entry"))
            continue
        seen[key] = entry.line
        terms.append(Term(
            en=entry["en"], zh=entry["zh"], zh_tw=entry.get("zh_tw", "") or "",
            abbr=str(entry.get("abbr", "") or ""),
            definition={lang: _definition_text(entry, lang) for lang in LANGUAGES},
            search_terms=tuple(entry.get("search_terms") or ()),
        ))
    if errors:
        raise AuthorErrors(errors)
    return terms, warnings


def _check_term(entry: LineDict) -> list[tuple[int, str, str]]:
    problems = []
    label = entry.get("en") or entry.get("abbr") or "?"
    for key in entry:
        if key not in KNOWN_KEYS:
            problems.append((entry.line_of(key), f"term '{label}': unknown key '{key}'",
                             f"use only {', '.join(sorted(KNOWN_KEYS))}"))
    for lang in LANGUAGES:
        if not isinstance(entry.get(lang), str) or not entry.get(lang).strip():
            problems.append((entry.line, f"term '{label}': missing '{lang}' name",
                             f"add '{lang}: ...' with the term in that language"))
    definition = entry.get("definition")
    if definition is not None and not isinstance(definition, dict):
        problems.append((entry.line_of("definition"), f"term '{label}': 'definition' must be a mapping",
                         "write 'definition: {en: ..., zh: ...}'"))
    search_terms = entry.get("search_terms")
    if search_terms is not None and not (isinstance(search_terms, list)
                                         and all(isinstance(t, str) for t in search_terms)):
        problems.append((entry.line_of("search_terms"), f"term '{label}': 'search_terms' must be a list of words",
                         "write e.g. 'search_terms: [七点检查, 十七点检查]'"))
    return problems


def _definition_text(entry: dict, language: str) -> str:
    text = (entry.get("definition") or {}).get(language)
    return text.strip() if isinstance(text, str) and text.strip() != "TODO" else ""


def _missing_definitions(entry: LineDict) -> list[tuple[int, str, str]]:
    label = entry.get("en")
    return [(entry.line_of("definition"), f"term '{label}': definition has no '{lang}' text",
             f"write 'definition: {{{lang}: ...}}'")
            for lang in LANGUAGES if not _definition_text(entry, lang)]


def abbreviation_titles(terms: list[Term], language: str) -> dict[str, str]:
    """``{abbr: tooltip}`` in the reader's language (Chinese without the bracketed English)."""
    titles = {}
    for term in terms:
        if term.abbr:
            title = term.name(language)
            if language == "zh":
                title = _BRACKETED.sub("", title).strip() or title
            if title.strip() != term.abbr:
                titles[term.abbr] = title
    return titles


def jieba_words(terms: list[Term]) -> list[str]:
    """Chinese words that segmentation must keep whole (for search)."""
    words = []
    for term in terms:
        for candidate in (_BRACKETED.sub("", term.zh), *term.search_terms):
            for part in re.split(r"[、，,/／《》\s]+", candidate):
                part = part.strip("“”\"' ")
                if len(part) >= 2 and _HAN.search(part) and part not in words:
                    words.append(part)
    return words


def sorted_terms(terms: list[Term]) -> list[Term]:
    return sorted(terms, key=lambda t: (t.abbr or t.en).casefold())
