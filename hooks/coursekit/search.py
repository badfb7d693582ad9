"""One search index per edition instead of the i18n plugin's merged one.

The merged index makes a Chinese reader download the English half and get English hits.
Each edition gets its own index with its own word separators; locations become relative to
the edition's root, which is the ``base`` its pages give Material's search.
"""

from __future__ import annotations

# Chinese: split on whitespace, the zero-width spaces jieba's segmentation inserts at build
# time, and Chinese and ASCII punctuation (the English separator splits on none of them).
CHINESE_SEPARATOR = r"[\s\u200b\u3000\-、。，．？！；：（）《》〈〉「」『』【】“”‘’·…,:;!?=\[\]()\"/]+|\.(?!\d)"
ENGLISH_SEPARATOR = r"[\s\u200b\-,:!=\[\]()\"/]+|\.(?!\d)|&[lg]t;|(?!\b)(?=[A-Z][a-z])"


def separator(code: str) -> str:
    return CHINESE_SEPARATOR if code.startswith("zh") else ENGLISH_SEPARATOR


def split_by_edition(index: dict, codes: list[str], default: str) -> dict[str, dict]:
    """``{edition: index}``; ``zh/lessons/x/`` becomes ``lessons/x/`` in the zh index."""
    prefixed = sorted((code for code in codes if code != default), key=len, reverse=True)
    docs: dict[str, list] = {code: [] for code in codes}
    for doc in index.get("docs", []):
        location = doc.get("location", "")
        edition = default
        for code in prefixed:
            if location == code or location.startswith(f"{code}/"):
                edition, location = code, location[len(code):].lstrip("/")
                break
        docs[edition].append({**doc, "location": location})
    result = {}
    for code, entries in docs.items():
        config = dict(index.get("config", {}))
        config["separator"] = separator(code)
        # lunr's English stemmer still helps with the Latin words in Chinese pages.
        config["lang"] = ["en"]
        result[code] = {"config": config, "docs": entries}
    return result


def edition_base(base_url: str, prefix: str) -> str:
    """``../..`` and ``zh/`` -> ``../../zh/``: the root an edition's index and results use."""
    return f"{base_url.rstrip('/')}/{prefix}" if prefix else base_url


# jieba's dictionary is Simplified Chinese, so Traditional text falls apart into single
# characters and jieba's guesses at unknown words (課程講, 團隊動). Its words used at least
# this often in its corpus (about 31,000) are also given in their Traditional form.
COMMON_WORD = 100


def traditional_words(frequencies: dict[str, int], convert) -> dict[str, int]:
    """``{Traditional word: frequency}`` for jieba's common words (``frequencies``, its
    dictionary) whose Traditional form ``convert`` makes differ and jieba does not know."""
    words = [word for word, count in frequencies.items() if count >= COMMON_WORD and len(word) > 1]
    converted = convert("\n".join(words)).split("\n")
    if len(converted) != len(words):  # a conversion that joined or split lines: teach nothing
        return {}
    found: dict[str, int] = {}
    for word, form in zip(words, converted):
        if form != word and form not in frequencies:
            found[form] = max(found.get(form, 0), frequencies[word])
    return found

