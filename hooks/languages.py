"""Bring the Chinese pages in ``docs_zh/`` into the i18n build as ``zh/...``.

mkdocs-static-i18n 1.3 has no per-language ``docs_dir``: its ``on_files`` (priority -100)
drops every page whose source lies outside ``docs_dir`` and rebuilds each File with
``src_dir=docs_dir``. So this hook adds the Chinese files as ``zh/<path>`` *before* it
(priority 100, pretending they sit in ``docs/zh/``) and points their sources back to
``docs_zh/`` *after* it (priority -110). See product.md, trap 1.

It also makes a missing translation visible: the English fallback page under ``/zh/``
gets a bilingual notice, and the build logs a warning naming the missing file; writes one
search index per language; and lets the language builds share compiled templates.
"""

from __future__ import annotations

import json
import os
import re
import shutil

from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from coursekit import languages, search_index, template_cache

log = get_plugin_logger("languages")

ZH = "zh"


def _zh_dir(config) -> str:
    return os.path.join(os.path.dirname(config.config_file_path), languages.SOURCE_DIRS[ZH])


def _current_language(config) -> str:
    return config.theme.get("language") or languages.DEFAULT


@event_priority(100)  # before mkdocs-static-i18n (-100) sorts files into languages
def add_chinese_files(files: Files, /, *, config) -> Files:
    zh_dir = _zh_dir(config)
    if not os.path.isdir(zh_dir):
        return files
    for root, dirs, names in os.walk(zh_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.startswith("."):
                continue
            rel = os.path.relpath(os.path.join(root, name), zh_dir).replace(os.sep, "/")
            files.append(File(f"{ZH}/{rel}", config.docs_dir, config.site_dir,
                              config.use_directory_urls))
    return files


@event_priority(-110)  # after mkdocs-static-i18n rebuilt every File under docs_dir
def restore_chinese_sources(files: Files, /, *, config) -> Files:
    zh_dir = _zh_dir(config)
    for file in files:
        _point_to_docs_zh(file, zh_dir)
        for alternate in getattr(file, "alternates", {}).values():
            _point_to_docs_zh(alternate, zh_dir)
    _report_pages_without_english(files, config)
    return files


def _point_to_docs_zh(file: File, zh_dir: str) -> None:
    prefix = f"{ZH}/"
    if file.src_uri.startswith(prefix) and file.abs_src_path and not os.path.exists(file.abs_src_path):
        file.abs_src_path = os.path.normpath(os.path.join(zh_dir, file.src_uri[len(prefix):]))


def _report_pages_without_english(files: Files, config) -> None:
    if _current_language(config) != ZH:
        return
    docs_dir = config.docs_dir
    for file in files.documentation_pages():
        if not file.src_uri.startswith(f"{ZH}/") or file.generated_by:
            continue  # generated pages (the library) have no source file in either language
        rel = file.src_uri[len(ZH) + 1:]
        if not os.path.exists(os.path.join(docs_dir, rel)):
            log.warning(
                f"docs_zh/{rel}: this Chinese page has no English original docs/{rel}, "
                "so the English site cannot link to it; add docs/{rel} or move the page")



# A hook module has one function per event: CombinedEvent registers both steps.
on_files = CombinedEvent(add_chinese_files, restore_chinese_sources)


@event_priority(100)  # before anything renders a template
def on_env(env, /, *, config, files):
    """Compile each template once per process, not once per language build (and again on
    every ``mkdocs serve`` rebuild): see coursekit/template_cache.py."""
    env.bytecode_cache = template_cache.shared_cache(env)
    return env


@event_priority(90)  # early, so the notice sits above everything other hooks add
def on_page_markdown(markdown: str, /, *, page, config, files) -> str:
    language = _current_language(config)
    if language == ZH and getattr(page.file, "locale", ZH) != ZH:
        rel = page.file.src_uri.split("/", 1)[1] if page.file.src_uri.startswith(f"{ZH}/") else page.file.src_uri
        log.warning(f"docs/{rel} has no Chinese translation: /{page.file.url} shows the English "
                    f"page with a notice; add docs_zh/{rel}")
        return _untranslated_notice() + markdown
    return markdown


def _untranslated_notice() -> str:
    return (
        '<div class="admonition warning ctpat-untranslated" role="note">\n'
        f'<p class="admonition-title">{languages.t(ZH, "untranslated_title")}</p>\n'
        f'<p>{languages.t(ZH, "untranslated_body")}</p>\n'
        f'<p lang="en">{languages.t(ZH, "untranslated_body_other")}</p>\n'
        "</div>\n\n"
    )


@event_priority(-200)  # after mkdocs-static-i18n (-100) wrote the merged index of all languages
def on_post_build(*, config) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # an inner per-language build; the merged index is not written yet
    path = os.path.join(config.site_dir, "search", "search_index.json")
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as f:
        merged = json.load(f)
    for language, index in search_index.split_by_language(merged).items():
        prefix = "" if language == languages.DEFAULT else language
        target = os.path.join(config.site_dir, prefix, "search", "search_index.json")
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as f:
            # dumps, not dump: json.dump streams through the pure-Python encoder.
            f.write(json.dumps(index, ensure_ascii=False, separators=(",", ":")))
    # Material asks each language root for sitemap.xml; the i18n plugin writes only one.
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        source = os.path.join(config.site_dir, name)
        for language in languages.LANGUAGES:
            if language != languages.DEFAULT and os.path.exists(source):
                shutil.copyfile(source, os.path.join(config.site_dir, language, name))


def on_page_context(context, /, *, page, config, nav):
    """Give the templates the language roots (for <link hreflang>) and the search root."""
    site_url = config.site_url or ""
    base_url = context.get("base_url", ".")
    roots = []
    for lang in languages.LANGUAGES:
        root = "" if lang == languages.DEFAULT else f"{lang}/"
        href = site_url.rstrip("/") + "/" + root if site_url else f"{base_url}/{root}"
        roots.append({"lang": lang, "href": href})
    roots.append({"lang": "x-default", "href": roots[0]["href"]})
    context["ctpat_language_roots"] = roots
    _relative_switcher_links(config)
    return context


def _relative_switcher_links(config) -> None:
    """On the home pages mkdocs-static-i18n leaves the switcher at its root links ``/`` and
    ``/zh/``, which break on a USB stick (file://) or under a sub-path. Site-relative
    links are made page-relative by Material's ``url`` filter and work everywhere."""
    if config.site_url:
        return
    # mkdocs-static-i18n sets ``config.extra.alternate`` as an attribute, which is what
    # the theme reads first.
    for alternate in getattr(config.extra, "alternate", None) or []:
        link = alternate.get("link", "")
        if link.startswith("/"):
            alternate["link"] = link.lstrip("/") or "./"



CONFIG_OPEN = '<script id="__config" type="application/json">'
# The "base" entry of that JSON (a relative path: no quotes or escapes in it).
CONFIG_BASE = re.compile(r'"base":\s*"([^"\\]*)"')


@event_priority(-50)
def on_post_page(output: str, /, *, page, config) -> str:
    """Point Material's search at this language's own index (``zh/search/...``).

    Material resolves ``search/search_index.json`` against ``base`` in the page's
    ``__config`` JSON; for a Chinese page that base becomes the ``zh/`` root. The value is
    replaced in place: parsing and re-writing the JSON on every page cost ten times more.
    """
    language = _current_language(config)
    if language == languages.DEFAULT:
        return output
    start = output.rfind(CONFIG_OPEN)  # Material writes it at the end of the page
    end = output.find("</script>", start)
    if start < 0 or end < 0:
        return output
    base = CONFIG_BASE.search(output, start + len(CONFIG_OPEN), end)
    if base is None:
        return output
    return output[:base.start(1)] + search_index.language_base(base[1], language) + output[base.end(1):]
