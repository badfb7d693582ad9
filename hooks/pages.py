"""Generated pages and page parts, in every edition.

Generated pages have no file in ``docs/`` (``sitebuild/generated.py`` lists and fills them): the training
library with its ``catalog.json``, the printable course and one per module, the facilitator
pack, a sign-in sheet per workshop, the training matrices, certificate verification, the
record of completion and the final assessment. Each is added as ``<rel>`` and
``<edition>/<rel>`` before mkdocs-static-i18n sorts the files (so every edition gets its own
and the language switcher pairs them), with a source of a title and a marker; its body
replaces the marker after search indexed the page (priority -70), so search never lists them.
The print pages copy the lessons' HTML, taken at ``on_env`` when every page's Markdown is
converted and before any widget is added.

Page parts go where an author's page has their marker, alone on its line:
``<!-- workshops -->`` and ``<!-- contact -->`` (into the Markdown, at 80),
``<!-- glossary -->``, ``<!-- course-overview -->`` and ``<!-- role-paths -->`` (into the
HTML right after Markdown, before search indexes it).
"""

from __future__ import annotations

import datetime as dt
import json
import re

from mkdocs.plugins import CombinedEvent, event_priority
from markupsafe import Markup, escape
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import get_relative_url

from coursekit.model.catalog import CATALOG_NAME, build_catalog, role_paths
from coursekit.model.glossary import sorted_terms
from coursekit.model.settings import format_date, split_upcoming
from coursekit.render import render
from coursekit.strings import format_minutes, strings
from sitebuild import generated, i18n, state

MARKER = re.compile(r"^[ \t]*<!--\s*(glossary|workshops|contact|course-overview|role-paths)\s*-->[ \t]*$",
                    re.MULTILINE)
IN_MARKDOWN = ("workshops", "contact")
BODY = "<!-- ctpat-generated-body -->"


# ---- adding the pages ----------------------------------------------------------------------

@event_priority(50)  # before mkdocs-static-i18n (-100) sorts the files into editions
def add_generated_pages(files: Files, /, *, config) -> Files:
    build = state.current()
    if build.problems:
        return files
    plan = generated.plan(build.course)
    build.generated = {page.rel: page for page in plan}
    for page in plan:
        for edition in build.editions.values():
            src_uri = edition.prefix + page.rel
            if files.get_file_from_path(src_uri) is not None:
                continue
            i18n.add_page(files, config, src_uri)
            build.sources[src_uri] = _source(page.title(strings(edition), edition), page)
    return files


def _source(title: str, page) -> callable:
    """The page's Markdown: front matter (JSON strings are valid YAML), its H1 and the marker."""
    meta = {"title": title, "ctpat_generated": page.rel, "ctpat_scripts": list(page.scripts),
            "ctpat_noindex": page.noindex, "search": {"exclude": True}}
    front = "\n".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items() if value)
    text = f"---\n{front}\n---\n\n# {_markdown_text(title)}\n\n{BODY}\n"
    return lambda: text


def _markdown_text(text: str) -> str:
    """Text safe as a Markdown heading: its characters Markdown would read as syntax escaped."""
    return re.sub(r"([\\`*_{}\[\]<>()#+!|~])", r"\\\1", text)


@event_priority(-120)  # after hooks/languages.py (-110) gave every page its source
def add_catalog(files: Files, /, *, config) -> Files:
    """This edition's catalogue from the lessons' URLs, and its catalog.json."""
    build = state.current()
    if build.problems:
        return files
    edition = build.edition
    build.page_urls = {file.src_uri: file.url for file in files.documentation_pages()}
    urls = {}
    for lesson in build.course.site_lessons(edition.source):
        own = lesson.rel if "en" in (lesson.language, edition.code) else edition.prefix + lesson.rel
        file = files.get_file_from_path(own) or files.get_file_from_path(lesson.rel)
        if file is not None:
            urls[lesson.rel] = file.url
    catalog = build_catalog(build.course, edition, urls)
    build.catalog[edition.code] = catalog
    files.append(File.generated(config, f"{edition.prefix}library/{CATALOG_NAME}",
                                content=json.dumps(catalog, ensure_ascii=False, indent=1) + "\n"))
    return files


on_files = CombinedEvent(add_generated_pages, add_catalog)


def on_env(env, /, *, config, files):
    """The lessons' HTML for the print pages, before any lesson gets its summary box and quiz."""
    build = state.current()
    if not build.problems:
        pages = {file.url: file.page for file in files.documentation_pages() if file.page is not None}
        build.lesson_html = {entry["id"]: pages[entry["url"]].content or ""
                             for entry in build.catalog[build.edition.code]["lessons"] if entry["url"] in pages}
    return env


@event_priority(-70)  # after search (0) indexed the page, before the summary box and quiz
def on_page_context(context, /, *, page, config, nav):
    build = state.current()
    spec = build.generated.get(page.meta.get("ctpat_generated")) if not build.problems else None
    if spec is None or BODY not in (page.content or ""):
        return context
    ctx = generated.Context(build, page, context.get("base_url", "."), config)
    page.content = page.content.replace(BODY, str(spec.body(ctx)), 1)
    _add_to_toc(page, ctx.toc)
    return context


def _anchors(links) -> set:
    return {link.id for link in links} | {a for link in links for a in _anchors(link.children)}


def _add_to_toc(page, headings) -> None:
    """The body's h2 headings in the page's table of contents, which MkDocs made from the
    Markdown (the H1 alone) before the body was there."""
    present = _anchors(page.toc)
    links = [AnchorLink(Markup(escape(text)), anchor, 2) for anchor, text in headings if anchor not in present]
    if not links:
        return
    top = list(page.toc)
    if top and top[0].level == 1:
        top[0].children.extend(links)
    else:
        page.toc = TableOfContents(top + links)


# ---- page parts at their markers -------------------------------------------------------------

@event_priority(80)
def on_page_markdown(markdown: str, /, *, page, config, files) -> str:
    return _fill(markdown, page, IN_MARKDOWN)


def on_page_content(html: str, /, *, page, config, files) -> str:
    return _fill(html, page, ("glossary", "course-overview", "role-paths"))


def _fill(text: str, page, names) -> str:
    if "<!--" not in text or state.current().problems:
        return text
    parts = {"glossary": _glossary, "workshops": _workshops, "contact": _contact,
             "course-overview": _overview, "role-paths": _role_paths}
    return MARKER.sub(lambda m: str(parts[m[1]](page)) if m[1] in names else m[0], text)


def _glossary(page) -> str:
    build = state.current()
    edition = build.edition
    other = "zh" if edition.source == "en" else "en"
    rows = []
    for term in sorted_terms(build.course.glossary.terms, edition.source):
        name = term.en if edition.source == "en" else (term.zh_hant if edition.convert and term.zh_hant else edition.text({"zh": term.zh}))
        rows.append({"anchor": term.anchor, "lang": edition.code, "name": name, "other_lang": other,
                     "other_name": term.en if other == "en" else term.zh, "abbr": term.abbr,
                     "zh_hant": term.zh_hant, "definition": edition.text(term.definition)})
    return render("glossary_table.html", s=strings(edition), rows=rows, show_taiwan=not edition.convert)


def _workshops(page) -> str:
    build = state.current()
    edition, s = build.edition, strings(build.edition)
    upcoming, past = split_upcoming(build.course.settings.workshops, dt.date.today())
    catalog = build.catalog[edition.code]
    by_id = {entry["id"]: entry for entry in catalog["lessons"]}

    def view(w):
        return {"iso": w.date.isoformat(), "date": format_date(w.date, edition.code),
                "title": edition.text(w.title), "city": edition.text(w.city), "venue": edition.text(w.venue),
                "trainer": edition.text(w.trainer), "register": w.register,
                "language": s.get(f"lang_{w.language}", "") if w.language else "",
                "lessons": [{"title": by_id[i]["title"], "href": get_relative_url(by_id[i]["url"], page.url)}
                            for i in w.lessons if i in by_id],
                "sheet": get_relative_url(generated.page_url(build, generated.signin_rel(w)), page.url)}

    return render("workshops.html", s=s, upcoming=[view(w) for w in upcoming], past=[view(w) for w in past])


def _contact(page) -> str:
    build = state.current()
    settings = build.course.settings
    return render("contact.html", s=strings(build.edition), name=build.edition.text(settings.brand_name),
                  items=list(settings.contact))


def _overview(page) -> str:
    build = state.current()
    edition, s = build.edition, strings(build.edition)
    catalog = build.catalog[edition.code]
    modules = []
    for module in catalog["modules"]:
        first = next((e for e in catalog["lessons"] if e["module"]["number"] == module["number"]), None)
        modules.append({
            "label": f"{s['module'].format(n=module['number'])} · {module['title']}",
            "lessons": module["lessons"], "time": format_minutes(module["duration"], s),
            "first_title": first["title"] if first else "",
            "first_url": get_relative_url(first["url"], page.url) if first else ""})
    return render("overview.html", s=s, modules=modules, total_lessons=catalog["totals"]["lessons"],
                  total_time=format_minutes(catalog["totals"]["duration"], s))


def _role_paths(page) -> str:
    build = state.current()
    edition, s = build.edition, strings(build.edition)
    catalog = build.catalog[edition.code]
    library = get_relative_url(generated.page_url(build, "library.md"), page.url)
    paths = [{
        "role": path["role"], "label": path["label"],
        "meta": s["role_path_lessons"].format(n=len(path["lessons"]), time=format_minutes(path["minutes"], s)),
        "library": f"{library}?role={path['role']}",
        "lessons": [{"title": e["title"], "href": get_relative_url(e["url"], page.url)} for e in path["lessons"]],
    } for path in role_paths(catalog)]
    return render("role_paths.html", s=s, paths=paths)
