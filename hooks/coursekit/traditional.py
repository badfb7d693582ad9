"""Simplified Chinese to Traditional Chinese as read in Taiwan, for the ``zh-hant`` edition.

OpenCC's ``s2twp`` profile converts characters and Taiwan phrasing (软件 -> 軟體, 信息 ->
資訊); the glossary's ``zh_hant`` terms win over its choices (集装箱 -> 貨櫃, 审核 -> 稽核).
Each glossary phrase is swapped for a placeholder OpenCC leaves alone, the text converted,
and the placeholders replaced by the Taiwan terms. Results are cached per text.
"""

from __future__ import annotations

import re

_PLACEHOLDER = 0xE000  # Unicode private use area: OpenCC passes it through untouched


class Converter:
    def __init__(self, phrases: dict[str, str], profile: str = "s2twp"):
        import opencc

        self._opencc = opencc.OpenCC(profile)
        self.phrases = {s: t for s, t in phrases.items() if s and t}
        self._targets = list(self.phrases.values())
        words = sorted(self.phrases, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, words))) if words else None
        self._index = {word: chr(_PLACEHOLDER + i) for i, word in enumerate(self.phrases)}
        self._back = {_PLACEHOLDER + i: target for i, target in enumerate(self._targets)}
        self._cache: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        if not text or text.isascii():
            return text
        cached = self._cache.get(text)
        if cached is None:
            protected = self._pattern.sub(lambda m: self._index[m.group(0)], text) if self._pattern else text
            converted = self._opencc.convert(protected)
            cached = converted.translate(self._back)
            if len(self._cache) < 20000:
                self._cache[text] = cached
        return cached
