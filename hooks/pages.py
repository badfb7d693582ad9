"""Generated pages and page parts, in every edition.

Generated pages have no file in ``docs/``: the training library (with ``catalog.json``) and
the other pages listed in ``GENERATED``. Each is added as ``<rel>`` and ``<edition>/<rel>``
before mkdocs-static-i18n sorts the files (so every edition gets its own and the language
switcher pairs them), with a source of a title and a marker; its body replaces the marker
after search has indexed the page (priority -70), so search never lists them.

Page parts go where an author's page has their marker, alone on its line:
``<!-- workshops -->`` and ``<!-- contact -->`` (into the Markdown, at 80),
``<!-- glossary -->``, ``<!-- course-overview -->`` and ``<!-- role-paths -->`` (into the
HTML right after Markdown, before search indexes it).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Callable

from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from coursekit.model.catalog import CATALOG_NAME, PAGE_SRC, build_catalog, role_paths
from coursekit.model.glossary import sorted_terms
from coursekit.model.settings import format_date, split_upcoming
from coursekit.render import render
from coursekit.strings import LIBRARY_JS, format_minutes, strings
from sitebuild import i18n, state

MARKER = re.compile(r"^[ \t]*<!--\s*(glossary|workshops|contact|course-overview|role-paths)\s*-->[ \t]*$",
                    re.MULTILINE)
IN_MARKDOWN = ("workshops", "contact")
BODY = "<!-- ctpat-generated-body -->"


@dataclass(frozen=True)
class Generated:
    """A page with no file in docs/: its title key in the strings table and how to fill it."""

    title: str                      # key of coursekit.strings
    body: Callable                  # (build, page, context) -> HTML
    nav: str = "hidden"             # "after-home": in the sidebar right after Home
    script: str = ""                # overrides/assets/ctpat/<script> loaded on the page


def _library(build, page, context) -> str:
    edition = build.edition
    s = strings(edition)
    catalog = build.catalog[edition.code]
    labels = catalog["labels"]
    modules = []
    for module in catalog["modules"]:
        rows = [_row(entry, labels, s, page, edition.code) for entry in catalog["lessons"]
                if entry["module"]["number"] == module["number"]]
        if rows:
            modules.append({
                "number": module["number"], "anchor": f"module-{module['number']}",
                "heading": f"{s['module'].format(n=module['number'])} · {module['title']}",
                "rows": rows, "lessons_text": s["library_lesson_count"].format(n=module["lessons"]),
                "duration_text": format_minutes(module["duration"], s), "questions": module["questions"]})
    totals = dict(catalog["totals"], duration_text=format_minutes(catalog["totals"]["duration"], s))
    return render("library.html", s=s, modules=modules, totals=totals, extra_tools="",
                  roles=list(labels["roles"].items()), root=context.get("base_url", "."),
                  js_strings={key: s[key] for key in LIBRARY_JS},
                  catalog_href=get_relative_url(f"{edition.prefix}library/{CATALOG_NAME}", page.url))


def _row(entry: dict, labels: dict, s: dict, page, code: str) -> dict:
    quiz = entry["quiz"]
    return {
        "id": entry["id"], "title": entry["title"], "href": get_relative_url(entry["url"], page.url),
        "content_language": entry["content_language"], "untranslated": entry["content_language"] != code,
        "duration": entry["duration"], "duration_text": format_minutes(entry["duration"], s),
        "level": entry["level"], "level_label": labels["levels"].get(entry["level"], entry["level"]),
        "roles": entry["roles"], "role_labels": [labels["roles"][r] for r in entry["roles"]],
        "questions": quiz["questions"] if quiz else None,
        "quiz_id": quiz["id"] if quiz else "", "quiz_hash": quiz["hash"] if quiz else "",
    }


GENERATED = {
    PAGE_SRC: Generated("library_title", _library, nav="after-home", script="library.js"),
}


# ---- adding the pages ----------------------------------------------------------------------

@event_priority(50)  # before mkdocs-static-i18n (-100) sorts the files into editions
def add_generated_pages(files: Files, /, *, config) -> Files:
    build = state.current()
    if build.problems:
        return files
    build.generated = dict(GENERATED)
    for rel, spec in GENERATED.items():
        for code, edition in build.editions.items():
            src_uri = edition.prefix + rel
            if files.get_file_from_path(src_uri) is not None:
                continue  # an author's own page of that name is reported by the course check
            i18n.add_page(files, config, src_uri)
            build.sources[src_uri] = _source(strings(edition)[spec.title], rel, spec.script)
    return files


def _source(title: str, rel: str, script: str):
    """The page's Markdown: front matter (as JSON strings, valid YAML), its H1 and the marker."""
    meta = {"title": title, "ctpat_generated": rel, "ctpat_script": script, "search": {"exclude": True}}
    front = "\n".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items() if value)
    text = f"---\n{front}\n---\n\n# {title}\n\n{BODY}\n"
    return lambda: text


@event_priority(-120)  # after hooks/languages.py (-110) gave every page its source
def add_catalog(files: Files, /, *, config) -> Files:
    """This edition's catalogue from the lessons' URLs, and its catalog.json."""
    build = state.current()
    if build.problems:
        return files
    edition = build.edition
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


@event_priority(-70)  # after search (0) indexed the page, before the summary box and quiz
def on_page_context(context, /, *, page, config, nav):
    build = state.current()
    rel = page.meta.get("ctpat_generated")
    if build.problems or rel not in build.generated or BODY not in (page.content or ""):
        return context
    page.content = page.content.replace(BODY, str(build.generated[rel].body(build, page, context)), 1)
    return context


# ---- page parts at their markers -------------------------------------------------------------

@event_priority(80)
def on_page_markdown(markdown: str, /, *, page, config, files) -> str:
    return _fill(markdown, page, files, IN_MARKDOWN)


def on_page_content(html: str, /, *, page, config, files) -> str:
    return _fill(html, page, files, ("glossary", "course-overview", "role-paths"))


def _fill(text: str, page, files, names) -> str:
    if "<!--" not in text or state.current().problems:
        return text
    parts = {"glossary": _glossary, "workshops": _workshops, "contact": _contact,
             "course-overview": _overview, "role-paths": _role_paths}
    return MARKER.sub(lambda m: str(parts[m[1]](page, files)) if m[1] in names else m[0], text)


def _glossary(page, files) -> str:
    build = state.current()
    edition = build.edition
    other = "zh" if edition.source == "en" else "en"
    rows = [{
        "anchor": term.anchor, "lang": edition.code, "name": edition.text({"en": term.en, "zh": term.zh}),
        "other_lang": other, "other_name": term.en if other == "en" else term.zh,
        "abbr": term.abbr, "zh_hant": term.zh_hant, "definition": edition.text(term.definition),
    } for term in sorted_terms(build.course.glossary.terms, edition.source)]
    if edition.convert:  # Traditional: the Taiwan term is the name itself
        for row, term in zip(rows, sorted_terms(build.course.glossary.terms, edition.source)):
            row["name"] = term.zh_hant or row["name"]
    return render("glossary_table.html", s=strings(edition), rows=rows, show_taiwan=not edition.convert)


def _lesson_links(ids, page) -> list[dict]:
    catalog = state.current().catalog[state.current().edition.code]
    by_id = {entry["id"]: entry for entry in catalog["lessons"]}
    return [{"title": by_id[i]["title"], "href": get_relative_url(by_id[i]["url"], page.url)}
            for i in ids if i in by_id]


def _workshops(page, files) -> str:
    build = state.current()
    edition, s = build.edition, strings(build.edition)
    upcoming, past = split_upcoming(build.course.settings.workshops, dt.date.today())

    def view(w):
        return {"iso": w.date.isoformat(), "date": format_date(w.date, edition.code),
                "title": edition.text(w.title), "city": edition.text(w.city), "venue": edition.text(w.venue),
                "trainer": edition.text(w.trainer), "register": w.register,
                "language": s.get(f"lang_{w.language}", "") if w.language else "",
                "lessons": _lesson_links(w.lessons, page), "sheet": ""}

    return render("workshops.html", s=s, upcoming=[view(w) for w in upcoming], past=[view(w) for w in past])


def _contact(page, files) -> str:
    build = state.current()
    settings = build.course.settings
    return render("contact.html", s=strings(build.edition), name=build.edition.text(settings.brand_name),
                  items=list(settings.contact))


def _overview(page, files) -> str:
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


def _role_paths(page, files) -> str:
    build = state.current()
    edition, s = build.edition, strings(build.edition)
    catalog = build.catalog[edition.code]
    library = get_relative_url(f"{edition.prefix}library/", page.url)
    paths = [{
        "role": path["role"], "label": path["label"],
        "meta": s["role_path_lessons"].format(n=len(path["lessons"]), time=format_minutes(path["minutes"], s)),
        "library": f"{library}?role={path['role']}",
        "lessons": [{"title": e["title"], "href": get_relative_url(e["url"], page.url)} for e in path["lessons"]],
    } for path in role_paths(catalog)]
    return render("role_paths.html", s=s, paths=paths)
