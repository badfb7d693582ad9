"""Search in the reader's language: one index per edition, Chinese words kept whole.

- ``on_pre_build``: teach jieba (which Material's search uses to segment Chinese) the course's
  terms from the glossary, so 最低安全标准 or 供应链安全专家 stay one word, and before the
  Traditional edition the Traditional form of its common words (課程, 帶領);
- ``on_post_page``: a page of the Chinese editions points Material's search at its own
  edition's index (``zh/search/search_index.json``);
- ``on_post_build``: after mkdocs-static-i18n wrote the merged index of every edition,
  write one index per edition (``coursekit.search``), also as the script Material reads
  from ``file://`` when its offline plugin is on (the offline copy, tools/offline.py).
"""

from __future__ import annotations

import json
import os
import re
import shutil

from mkdocs.plugins import event_priority, get_plugin_logger

from coursekit.languages import DEFAULT
from coursekit.model.glossary import jieba_words
from coursekit.search import edition_base, split_by_edition, traditional_words
from sitebuild import i18n, state

log = get_plugin_logger("search")
_taught: set = set()  # words jieba has been given in this process
_scripts_taught: set = set()  # editions whose script's common words jieba has been given


def on_pre_build(*, config) -> None:
    build = state.current()
    if build.problems:
        return
    if not i18n.is_language_build(config):
        _teach({word: 100000 for word in jieba_words(build.course.glossary) if word not in _taught})
    elif build.edition.convert is not None and build.edition.code not in _scripts_taught:
        _teach(traditional_words(_jieba().dt.FREQ, build.edition.convert))
        _scripts_taught.add(build.edition.code)


def _jieba():
    import jieba

    jieba.setLogLevel(60)  # its "Building prefix dict" chatter is not the author's business
    jieba.initialize()
    return jieba


def _teach(words: dict[str, int]) -> None:
    if words:
        jieba = _jieba()
        for word, frequency in words.items():
            jieba.add_word(word, freq=frequency)
        _taught.update(words)


CONFIG_OPEN = '<script id="__config" type="application/json">'
CONFIG_BASE = re.compile(r'"base":\s*"([^"\\]*)"')  # a relative path: no quotes or escapes


@event_priority(-50)
def on_post_page(output: str, /, *, page, config) -> str:
    edition = state.current().edition
    if edition is None or not edition.prefix:
        return output
    start = output.rfind(CONFIG_OPEN)  # Material writes it at the end of the page
    end = output.find("</script>", start)
    base = CONFIG_BASE.search(output, start + len(CONFIG_OPEN), end) if start >= 0 and end >= 0 else None
    if base is None:
        log.warning(f"{page.file.src_uri}: Material's page configuration was not found, so this "
                    "page searches the merged index of every language")
        return output
    return output[:base.start(1)] + edition_base(base[1], edition.prefix) + output[base.end(1):]


@event_priority(-200)  # after mkdocs-static-i18n (-100) wrote the merged index of all editions
def on_post_build(*, config) -> None:
    build = state.current()
    if build.problems or i18n.is_language_build(config):
        return
    path = os.path.join(config.site_dir, "search", "search_index.json")
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as f:
        merged = json.load(f)
    offline = os.path.exists(os.path.join(config.site_dir, "search", "search_index.js"))
    for code, index in split_by_edition(merged, list(build.editions), DEFAULT).items():
        target = os.path.join(config.site_dir, build.editions[code].prefix, "search", "search_index.json")
        os.makedirs(os.path.dirname(target), exist_ok=True)
        data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        with open(target, "w", encoding="utf-8") as f:
            f.write(data)
        if offline:  # Material's offline plugin: read from file:// as a script, not fetched
            with open(target[:-len("json")] + "js", "w", encoding="utf-8") as f:
                f.write(f"var __index = {data}")
    # Material asks each language root for sitemap.xml; the i18n plugin writes one.
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        source = os.path.join(config.site_dir, name)
        for edition in build.editions.values():
            if edition.prefix and os.path.exists(source):
                shutil.copyfile(source, os.path.join(config.site_dir, edition.prefix, name))
