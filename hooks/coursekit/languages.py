"""Which language a build or a page is in, and the interface strings of the widgets."""

from __future__ import annotations

import posixpath

LANGUAGES = ("en", "zh")
DEFAULT = "en"
# Where each language's sources live, relative to the project root.
SOURCE_DIRS = {"en": "docs", "zh": "docs_zh"}


def language_of_url(url: str) -> str:
    """``zh/lessons/x/`` -> ``zh``; everything else is the default language."""
    first = url.lstrip("/").split("/", 1)[0]
    return first if first in LANGUAGES and first != DEFAULT else DEFAULT


def twin_url(url: str, language: str) -> str:
    """The URL of the same page in ``language`` (site-root relative, no leading slash)."""
    bare = url.lstrip("/")
    current = language_of_url(bare)
    if current != DEFAULT:
        bare = bare[len(current) + 1:]
    return bare if language == DEFAULT else posixpath.join(language, bare) if bare else f"{language}/"


def pick(text, language: str):
    """Pick ``language`` from a ``{en: .., zh: ..}`` mapping, or return plain text as is."""
    if isinstance(text, dict):
        return text.get(language) or text.get(DEFAULT) or ""
    return text


# Interface strings: one table per language. The page's language decides.
STRINGS = {
    "en": {
        "untranslated_title": "Not yet translated · 尚未翻译",
        "untranslated_body": "This page has no Chinese version yet, so the English original is shown.",
        "untranslated_body_other": "本页尚无中文版本，以下为英文原文。",
        "duration": "Duration",
        "minutes": "{n} min",
        "level": "Level",
        "audience": "For",
        "objectives": "Learning objectives",
        "module": "Module {n}",
        "term": "Term",
        "other_language": "Chinese",
        "abbr": "Abbreviation",
        "taiwan": "Taiwan usage",
        "definition": "Definition",
        "upcoming": "Upcoming workshops",
        "upcoming_id": "upcoming-workshops",
        "none_upcoming": "No workshops are scheduled at the moment. Contact us to arrange one.",
        "past": "Past workshops",
        "venue": "Venue",
        "taught_in": "Language",
        "register": "Register",
        "contact": "Contact",
        "contact_id": "contact",
        "email": "Email",
        "phone": "Phone",
        "wechat": "WeChat",
        "lang_en": "English",
        "lang_zh": "Chinese",
    },
    "zh": {
        "untranslated_title": "尚未翻译 · Not yet translated",
        "untranslated_body": "本页尚无中文版本，以下为英文原文。",
        "untranslated_body_other": "This page has no Chinese version yet, so the English original is shown.",
        "duration": "时长",
        "minutes": "{n} 分钟",
        "level": "难度",
        "audience": "适用对象",
        "objectives": "学习目标",
        "module": "第 {n} 单元",
        "term": "术语",
        "other_language": "英文",
        "abbr": "缩写",
        "taiwan": "台湾用语",
        "definition": "释义",
        "upcoming": "近期培训",
        "upcoming_id": "upcoming-workshops",
        "none_upcoming": "目前暂无已排期的培训。如需安排，请与我们联系。",
        "past": "往期培训",
        "venue": "地点",
        "taught_in": "授课语言",
        "register": "报名",
        "contact": "联系方式",
        "contact_id": "contact",
        "email": "电子邮件",
        "phone": "电话",
        "wechat": "微信",
        "lang_en": "英语",
        "lang_zh": "中文",
    },
}


def t(language: str, key: str, **values) -> str:
    text = STRINGS.get(language, STRINGS[DEFAULT]).get(key) or STRINGS[DEFAULT][key]
    return text.format(**values) if values else text


def strings(language: str) -> dict:
    """The whole interface table of ``language`` (falling back to English key by key)."""
    return {**STRINGS[DEFAULT], **STRINGS.get(language, {})}
