"""The generated pages: what each is called and how its body is made, in every edition.

:func:`plan` lists them for a course: the library, the printable course and modules, the
facilitator pack, a sign-in sheet per workshop, the training matrices, certificate
verification, the record of completion and, with an assessment pool, the final assessment.
hooks/pages.py adds them to the build and puts each body in place of its page's marker.
Bodies are rendered by coursekit's escaping templates.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import posixpath
from dataclasses import dataclass, field
from typing import Callable

from markupsafe import Markup
from mkdocs.utils import get_relative_url

from coursekit.model.catalog import CATALOG_NAME, PAGE_SRC
from coursekit.model.certificates import read_certificates
from coursekit.model.settings import format_date
from coursekit.render import insert_after_h1, render
from coursekit.render.relocate import at_depth, relocate
from coursekit.render.views import quiz_view
from coursekit.strings import LIBRARY_JS, format_minutes, strings

PRINT = "print/index.md"
FACILITATOR = "facilitator/index.md"
MATRIX = "training-matrix.md"
VERIFY = "verify.md"
RECORD = "record.md"
ASSESSMENT = "assessment.md"
SIGNIN_ROWS = 25
QUIZ_MARKER = "<!-- quiz: {} -->"


@dataclass(frozen=True)
class Page:
    rel: str
    title: Callable      # (strings, edition) -> title
    body: Callable       # (Context) -> HTML
    nav: str = "hidden"  # or "after-home" (the Library) or "after-lessons" (the final assessment)
    scripts: tuple = ()  # files in overrides/assets/ctpat/, loaded on the page in this order
    noindex: bool = False


@dataclass(frozen=True)
class Context:
    build: object
    page: object
    root: str            # the site root relative to the page (MkDocs' base_url)
    config: object
    toc: list = field(default_factory=list)  # (anchor, title) of the body's h2 headings

    @property
    def edition(self):
        return self.build.edition

    @property
    def s(self) -> dict:
        return strings(self.build.edition)

    @property
    def catalog(self) -> dict:
        return self.build.catalog[self.build.edition.code]

    def href(self, url: str) -> str:
        return get_relative_url(url, self.page.url)

    def page_href(self, rel: str) -> str:
        """A link to another page of this edition, by its source path (``record.md``)."""
        return self.href(page_url(self.build, rel))

    def text(self, value) -> str:
        return self.build.edition.text(value)


def signin_rel(workshop) -> str:
    return f"sign-in/{workshop.slug}.md"


def page_url(build, rel: str) -> str:
    """The URL of a page of the edition being built, by its path in the docs folder."""
    return build.page_urls.get(build.edition.prefix + rel) or build.page_urls.get(rel) or rel


def url_dir(url: str) -> str:
    """The folder a page's URL resolves links from (``print/`` and ``print/index.html`` alike)."""
    return url.rstrip("/") if url.endswith("/") or not url else posixpath.dirname(url)


def plan(course) -> list[Page]:
    pages = [
        Page(PAGE_SRC, lambda s, e: s["library_title"], library, nav="after-home", scripts=("library.js",)),
        Page(PRINT, lambda s, e: s["print_title"], print_course),
        Page(FACILITATOR, lambda s, e: s["facilitator_title"], facilitator, noindex=True),
        Page(MATRIX, lambda s, e: s["matrix_title"], matrix),
        Page(VERIFY, lambda s, e: s["verify_title"], verify, scripts=("sha256.js", "verify.js")),
        Page(RECORD, lambda s, e: s["record_title"], record, scripts=("record.js",)),
    ]
    if course.assessment is not None:
        pages.append(Page(ASSESSMENT, lambda s, e: s["assessment_title"], assessment, nav="after-lessons",
                          scripts=("sha256.js", "assessment.js")))
    for number, module in course.settings.modules.items():
        pages.append(Page(f"print/{module.folder}.md",
                          lambda s, e, n=number, m=module: s["print_module_title"].format(n=n, title=e.text(m.title)),
                          lambda ctx, n=number: print_module(ctx, n)))
    for workshop in course.settings.workshops:
        pages.append(Page(signin_rel(workshop),
                          lambda s, e, w=workshop: s["signin_page_title"].format(date=format_date(w.date, e.code),
                                                                                  city=e.text(w.city)),
                          lambda ctx, w=workshop: signin(ctx, w), noindex=True))
    return pages


# ---- the library ------------------------------------------------------------------------------

def library(ctx: Context) -> Markup:
    s, catalog = ctx.s, ctx.catalog
    labels = catalog["labels"]
    modules = []
    for module in catalog["modules"]:
        rows = [_row(ctx, entry) for entry in catalog["lessons"] if entry["module"]["number"] == module["number"]]
        if rows:
            modules.append({
                "number": module["number"], "anchor": f"module-{module['number']}",
                "heading": f"{s['module'].format(n=module['number'])} · {module['title']}",
                "rows": rows, "lessons_text": s["library_lesson_count"].format(n=module["lessons"]),
                "duration_text": format_minutes(module["duration"], s), "questions": module["questions"]})
    ctx.toc.extend((module["anchor"], module["heading"]) for module in modules)
    totals = dict(catalog["totals"], duration_text=format_minutes(catalog["totals"]["duration"], s))
    tools = render("progress_tools.html", s=s, record=ctx.page_href(RECORD), assessment=ctx.build.course.assessment,
                   qr_script=ctx.href("assets/ctpat/vendor/qrcode.js"))
    return render("library.html", s=s, modules=modules, totals=totals, extra_tools=tools,
                  roles=list(labels["roles"].items()), root=ctx.root,
                  js_strings={key: s[key] for key in LIBRARY_JS},
                  catalog_href=ctx.href(f"{ctx.edition.prefix}library/{CATALOG_NAME}"))


def _row(ctx: Context, entry: dict) -> dict:
    quiz, labels, s = entry["quiz"], ctx.catalog["labels"], ctx.s
    return {
        "id": entry["id"], "title": entry["title"], "href": ctx.href(entry["url"]),
        "content_language": entry["content_language"], "untranslated": entry["content_language"] != ctx.edition.code,
        "duration": entry["duration"], "duration_text": format_minutes(entry["duration"], s),
        "level": entry["level"], "level_label": labels["levels"].get(entry["level"], entry["level"]),
        "roles": entry["roles"], "role_labels": [labels["roles"][r] for r in entry["roles"]],
        "questions": quiz["questions"] if quiz else None,
        "quiz_id": quiz["id"] if quiz else "", "quiz_hash": quiz["hash"] if quiz else "",
    }


# ---- the summary box (lesson pages and print pages) -------------------------------------------

def summary_box(build, lesson) -> Markup:
    """The lesson's summary box in the edition being built (rendered once per edition)."""
    key = (build.edition.code, "summary", lesson.language, lesson.rel)
    if key not in build.parts:
        build.parts[key] = _summary_box(build, lesson)
    return build.parts[key]


def _summary_box(build, lesson) -> Markup:
    edition, settings = build.edition, build.course.settings
    s = strings(edition)

    def label(kind, key):
        return edition.text(settings.label(kind, key, ""))

    return render(
        "summary.html", s=s, lang=edition.html_lang, lesson=lesson, module_title=label("modules", lesson.module),
        duration=format_minutes(lesson.duration, s), level=label("levels", lesson.level),
        roles=[(role, label("roles", role)) for role in lesson.roles],
        audience=[(role, label("audiences", role)) for role in lesson.audience],
        objectives=[build.inline(edition.own(text, lesson.language)) for text in lesson.objectives],
        objectives_lang=lesson.language if lesson.language != edition.source else "")


def qr_code(config, url: str) -> Markup:
    """An inline SVG QR code of the absolute address of ``url``, or nothing without site_url."""
    if not config.site_url:
        return Markup("")
    return _qr_svg(config.site_url.rstrip("/") + "/" + url)


@functools.lru_cache(maxsize=None)
def _qr_svg(address: str) -> Markup:
    """Once per address and process: a lesson's code appears on its page and in two print
    pages, and mkdocs serve (whose site_url is the preview's) rebuilds them on every save."""
    import segno

    return Markup(segno.make(address, error="m").svg_inline(scale=3, omitsize=True, title=address))


# ---- printable course and modules ----------------------------------------------------------------

def print_course(ctx: Context) -> Markup:
    modules = [{"href": ctx.page_href(f"print/{m.folder}.md"),
                "label": ctx.s["module"].format(n=n)} for n, m in ctx.build.course.settings.modules.items()]
    return _print(ctx, None, ctx.s["print_intro"], modules)


def print_module(ctx: Context, number: int) -> Markup:
    return _print(ctx, number, ctx.s["print_module_intro"], [])


def _print(ctx: Context, module: int | None, intro: str, modules: list) -> Markup:
    build, s, edition = ctx.build, ctx.s, ctx.edition
    settings = build.course.settings
    entries = [e for e in ctx.catalog["lessons"] if module is None or e["module"]["number"] == module]
    here = url_dir(ctx.page.url)
    lessons = [{"id": entry["id"], "title": entry["title"], "url": entry["url"],
                "html": Markup(at_depth(_printable(ctx, entry), here)),
                "time": format_minutes(entry["duration"], s),
                "lang": entry["content_language"] if entry["content_language"] != edition.code else "",
                "qr": qr_code(ctx.config, entry["url"])} for entry in entries]
    minutes = sum(e["duration"] for e in entries)
    subtitle = (edition.text(settings.modules[module].title) if module is not None else ctx.config.site_name)
    return render("print.html", s=s, intro=intro, modules=modules, lessons=lessons,
                  logo=ctx.href(settings.logo) if settings.logo else "", brand=edition.text(settings.brand_name),
                  subtitle=f"{s['module'].format(n=module)} · {subtitle}" if module is not None else subtitle,
                  total=s["print_total"].format(n=len(entries), time=format_minutes(minutes, s)),
                  contact=list(settings.contact))


def _printable(ctx: Context, entry: dict) -> str:
    """A lesson as the print pages show it: its HTML with the summary box under the title and
    the self-check as a worksheet, relocated for any page (once per edition and lesson)."""
    build, edition = ctx.build, ctx.edition
    key = (edition.code, "print", entry["id"])
    if key not in build.parts:
        lesson = build.course.lesson(_language(entry, edition), _rel(entry, edition))
        html = build.lesson_html.get(entry["id"], "")
        if lesson is not None:
            html = insert_after_h1(html, str(summary_box(build, lesson)))
        quiz = build.course.quizzes.get(entry["quiz"]["id"]) if entry["quiz"] else None
        if quiz is not None:
            view = quiz_view(quiz, edition.text, build.inline, ctx.s)
            sheet = render("worksheet.html", s=ctx.s, quiz=view, level=2)
            html = html.replace(QUIZ_MARKER.format(quiz.id), str(sheet), 1)
        build.parts[key] = relocate(html, url_dir(entry["url"]), None, f"{entry['id']}-")
    return build.parts[key]


def _language(entry: dict, edition) -> str:
    """The authored language of a catalogue entry's lesson file."""
    return "en" if entry["content_language"] == "en" and edition.code != "en" else edition.source


def _rel(entry: dict, edition) -> str:
    """``lessons/<folder>/<id>.md`` of a catalogue entry."""
    return entry["source"]


# ---- facilitator pack and training matrices ----------------------------------------------------

def facilitator(ctx: Context) -> Markup:
    build, s, edition = ctx.build, ctx.s, ctx.edition
    agenda, lessons, start = [], [], 0
    for entry in ctx.catalog["lessons"]:
        end = start + entry["duration"]
        agenda.append({"id": entry["id"], "title": entry["title"], "minutes": entry["duration"],
                       "start": _clock(start), "end": _clock(end)})
        start = end
        lesson = build.course.lesson(_language(entry, edition), _rel(entry, edition))
        lessons.append({
            "id": entry["id"], "title": entry["title"], "href": ctx.href(entry["url"]),
            "module": f"{s['module'].format(n=entry['module']['number'])} · {entry['module']['title']}",
            "time": format_minutes(entry["duration"], s),
            "objectives": [build.inline(o) for o in entry["objectives"]],
            "discussion": [edition.own(d, lesson.language) for d in lesson.discussion] if lesson else [],
            "quiz": build.course.quizzes.get(entry["quiz"]["id"]) if entry["quiz"] else None})
    ctx.toc.append(("agenda", s["agenda"]))
    ctx.toc.extend((f"lesson-{lesson['id']}-title", lesson["title"]) for lesson in lessons)
    return render("facilitator.html", s=s, agenda=agenda, lessons=lessons, total=format_minutes(start, s),
                  text=edition.text, md=build.inline)


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def matrix(ctx: Context) -> Markup:
    s, catalog = ctx.s, ctx.catalog
    labels = catalog["labels"]
    tables = []
    for key, kind, title in (("roles", "roles", s["matrix_roles"]), ("msc", "criteria", s["matrix_criteria"])):
        columns = list(labels[kind])
        rows = [{"title": e["title"], "href": ctx.href(e["url"]), "cells": [c in e[key] for c in columns]}
                for e in catalog["lessons"]]
        tables.append({"id": f"matrix-{key}", "title": title, "columns": [labels[kind][c] for c in columns],
                       "rows": rows})
    ctx.toc.extend((table["id"], table["title"]) for table in tables)
    return render("matrix.html", s=s, tables=tables)


# ---- sign-in sheets -----------------------------------------------------------------------------

def signin(ctx: Context, workshop) -> Markup:
    """Bilingual whatever the edition: a sheet on the table serves every participant. It is in
    English and in the edition's Chinese (Simplified, or Traditional in that edition)."""
    build = ctx.build
    chinese = build.edition if build.edition.is_chinese else build.editions.get("zh")
    en = strings(build.editions["en"])
    zh = strings(chinese) if chinese else en

    def both(key):
        return en[key] if zh[key] == en[key] else f"{en[key]} · {zh[key]}"

    def pair(value):
        first = build.editions["en"].text(value)
        second = chinese.text(value) if chinese else first
        return first if first == second else f"{first} · {second}"

    titles = build.course.titles()
    lessons = "; ".join(pair(titles.get(i, {"en": i})) for i in workshop.lessons)
    dates = (format_date(workshop.date, "en"), format_date(workshop.date, "zh") if chinese else "")
    facts = [(both("signin_date"), " · ".join(filter(None, dates))),
             (both("signin_place"), ", ".join(filter(None, (pair(workshop.city), pair(workshop.venue)))))]
    if workshop.trainer:
        facts.append((both("signin_trainer"), pair(workshop.trainer)))
    if lessons:
        facts.append((both("signin_topics"), lessons))
    columns = [both(k) for k in ("signin_no", "signin_name", "signin_company", "signin_role", "signin_signature")]
    short_title = f"{pair(workshop.title)} · {format_date(workshop.date, 'en')}"
    return render("signin.html", s=ctx.s, title=pair(workshop.title), short_title=short_title,
                  facts=facts, columns=columns, rows=SIGNIN_ROWS)


# ---- certificates, record of completion, final assessment ---------------------------------------

def verify(ctx: Context) -> Markup:
    build, s = ctx.build, ctx.s
    issued = read_certificates(build.root)
    titles = {w.slug: ctx.text(w.title) for w in build.course.settings.workshops}
    certificates = {c["fingerprint"]: {"workshop": titles.get(c["workshop"], c["workshop"]),
                                       "date": format_date(_date(c["date"]), ctx.edition.code)}
                    for c in issued}
    return render("verify.html", s=s, certificates=certificates,
                  issuer=ctx.text(build.course.settings.brand_name) or ctx.config.site_name,
                  js_strings={k: s[k] for k in ("verify_ok", "verify_bad", "verify_missing")})


def _date(text: str):
    import datetime as dt

    return dt.date.fromisoformat(text)


def record(ctx: Context) -> Markup:
    build, s, catalog = ctx.build, ctx.s, ctx.catalog
    settings = build.course.settings
    course = {
        "lessons": [{"id": e["id"], "title": e["title"], "module": e["module"]["number"],
                     "quiz": e["quiz"]["id"] if e["quiz"] else None,
                     "hash": e["quiz"]["hash"] if e["quiz"] else None} for e in catalog["lessons"]],
        "modules": {str(m["number"]): f"{s['module'].format(n=m['number'])} · {m['title']}" for m in catalog["modules"]},
        "assessment": ({"id": build.course.assessment.id, "hash": build.course.assessment.hash}
                       if build.course.assessment else None),
        "course": ctx.config.site_name,
    }
    modules = [{"number": m["number"], "label": course["modules"][str(m["number"])]} for m in catalog["modules"]]
    keys = ("record_not_yet", "record_for", "record_scope_course", "record_assessment", "assessment_passed",
            "record_name_missing")
    return render("record.html", s=s, root=ctx.root, course=course, modules=modules,
                  logo=ctx.href(settings.logo) if settings.logo else "", brand=ctx.text(settings.brand_name),
                  js_strings={k: s[k] for k in keys})


def assessment(ctx: Context) -> Markup:
    build, s, edition = ctx.build, ctx.s, ctx.edition
    quiz = build.course.assessment
    md = build.inline
    pool = [{
        "id": q.id, "type": q.type, "module": q.module,
        "prompt": str(md(edition.text(q.prompt))),
        "hint": s["hint_" + q.type],
        "options": [{"id": o.id, "text": str(md(edition.text(o.text))), "correct": o.correct,
                     "feedback": str(md(edition.text(o.feedback))) if o.feedback else ""} for o in q.options],
        "explanation": str(md(edition.text(q.explanation))) if q.explanation else "",
    } for q in quiz.questions]
    keys = ("assessment_submit", "assessment_again", "assessment_unanswered", "assessment_result",
            "assessment_passed", "assessment_failed", "assessment_best", "question_n", "right", "wrong",
            "mark_ok", "mark_bad", "mark_missed", "why")
    draw = {("all" if module is None else str(module)): count for module, count in quiz.draw.items()}
    return render("assessment.html", s=s, quiz=quiz, root=ctx.root, draw=draw, pool=encode(pool, quiz.hash),
                  js_strings={k: s[k] for k in keys})


def encode(data, key: str) -> str:
    """JSON XOR-ed with a key stream from ``key``, in Base64: unreadable to a casual look at
    the page source (assessment.js decodes it). Not encryption: README.md says so."""
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    stream = hashlib.sha256(key.encode()).digest()
    mixed = bytes(byte ^ stream[i % len(stream)] for i, byte in enumerate(raw))
    return base64.b64encode(mixed).decode("ascii")
