"""One search index per language instead of the i18n plugin's merged one.

The merged index makes a Chinese reader download the English half and get English hits
(product.md, trap 3). Each language gets its own index with its own tokenizer settings;
locations become relative to that language's root, which is the ``base`` its pages give
Material's search.
"""

from __future__ import annotations

from .languages import DEFAULT, LANGUAGES

# Split on whitespace, the zero-width spaces that jieba segmentation inserts at build time,
# and Chinese and ASCII punctuation (product.md, trap 2).
ZH_SEPARATOR = r"[\s\u200b\u3000\-、。，．？！；：（）《》〈〉「」『』【】“”‘’·…,:;!?=\[\]()\"/]+|\.(?!\d)"
SEPARATORS = {
    "en": r"[\s\u200b\-,:!=\[\]()\"/]+|\.(?!\d)|&[lg]t;|(?!\b)(?=[A-Z][a-z])",
    "zh": ZH_SEPARATOR,
}


def split_by_language(index: dict) -> dict[str, dict]:
    """Return ``{language: index}``; ``zh/lessons/x/`` becomes ``lessons/x/`` in the zh index."""
    docs_by_language: dict[str, list] = {lang: [] for lang in LANGUAGES}
    for doc in index.get("docs", []):
        location = doc.get("location", "")
        language = DEFAULT
        for lang in LANGUAGES:
            if lang != DEFAULT and (location == lang or location.startswith(f"{lang}/")):
                language = lang
                location = location[len(lang):].lstrip("/")
                break
        docs_by_language[language].append({**doc, "location": location})
    result = {}
    for lang, docs in docs_by_language.items():
        config = dict(index.get("config", {}))
        config["separator"] = SEPARATORS[lang]
        # lunr's English stemmer and stop words still help with the Latin words in Chinese pages.
        config["lang"] = ["en"]
        result[lang] = {"config": config, "docs": docs}
    return result


def language_base(base_url: str, language: str) -> str:
    """``../..`` -> ``../../zh/``: the root a language's search index and result links use."""
    if language == DEFAULT:
        return base_url
    return f"{base_url.rstrip('/')}/{language}/"
