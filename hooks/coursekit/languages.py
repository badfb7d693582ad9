"""The course's languages: what authors write, and the editions readers get.

Authors write two languages: English (``docs/``, the ``en`` key of every bilingual YAML text)
and Simplified Chinese (``docs_zh/``, the ``zh`` key). A reader gets an *edition*: ``en``,
``zh``, or ``zh-hant`` (Traditional Chinese for Taiwan), which shows the Simplified text
converted (``coursekit.traditional``) unless a hand-written page in ``docs_zh_hant/``
replaces it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

DEFAULT = "en"
SOURCE_LANGUAGES = ("en", "zh")
SOURCE_DIRS = {"en": "docs", "zh": "docs_zh", "zh-hant": "docs_zh_hant"}
# The authored language each edition shows.
BASED_ON = {"en": "en", "zh": "zh", "zh-hant": "zh"}
NAMES = {"en": "English", "zh": "Chinese", "zh-hant": "Traditional Chinese"}
# The `lang` of an edition's pages, as the theme writes it in <html lang>.
HTML_LANG = {"en": "en", "zh": "zh", "zh-hant": "zh-Hant"}


@dataclass(frozen=True)
class Edition:
    """One language of the site as a reader gets it."""

    code: str
    convert: Callable[[str], str] | None = None  # Simplified -> this script, for zh-hant

    @property
    def source(self) -> str:
        """The authored language this edition's text comes from (``en`` or ``zh``)."""
        return BASED_ON.get(self.code, DEFAULT)

    @property
    def prefix(self) -> str:
        """Where the edition lives in the site: ``""``, ``"zh/"``, ``"zh-hant/"``."""
        return "" if self.code == DEFAULT else f"{self.code}/"

    @property
    def html_lang(self) -> str:
        return HTML_LANG.get(self.code, self.code)

    @property
    def is_chinese(self) -> bool:
        return self.source == "zh"

    def text(self, value) -> str:
        """This edition's text of a bilingual ``{en, zh}`` value (or of plain text)."""
        if isinstance(value, dict):
            value = value.get(self.source) or value.get(DEFAULT) or ""
        text = "" if value is None else str(value)
        return self.convert(text) if self.convert else text


    def own(self, text: str, language: str) -> str:
        """``text`` written in authored ``language``, as this edition shows it."""
        return self.convert(text) if self.convert and language == self.source else text


def edition(code: str, convert: Callable[[str], str] | None = None) -> Edition:
    return Edition(code, convert if BASED_ON.get(code) != code else None)


def pick(value, language: str) -> str:
    """``language``'s text of a bilingual value (English as the fallback), no conversion."""
    if isinstance(value, dict):
        return str(value.get(language) or value.get(DEFAULT) or "")
    return "" if value is None else str(value)
