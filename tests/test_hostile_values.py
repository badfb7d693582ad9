"""Every text an author or a consultancy controls, set to something hostile, in a copy of the
course: the built site shows it as text and never as markup, or the build refuses it with a
message naming the key. Legitimate text with &, quotes, < and : renders as written.

One build holds every hostile value (a second one, without the values the checks rejected,
when the first is refused). Each field below names where it is written and where a reader sees
it; ``test_hostile_value_is_text_or_refused`` runs once per field against the same builds.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest
import yaml

import course_files as disk
from conftest import run_mkdocs_build

pytestmark = pytest.mark.slow

URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "srcset", "poster", "xlink:href")


def hostile(n: int, link: bool = False) -> str:
    """The value of field ``n``: its tag, markup that would run ``alert(n)`` if it became HTML,
    a closing script tag for JSON, and plain text that must stay as it is."""
    if link:
        return f"javascript:alert({n})"
    return (f"HV{n} <script>alert({n})</script> \"><img src=x onerror=alert({n})> </script> "
            f"'q' a < b & c")


@dataclass
class Field:
    name: str                     # what the author writes, as README.md names it
    key: str                      # how a refusal names it: a key path, or "file|'key'" (both named)
    apply: Callable               # (Edits, value) -> None
    link: bool = False            # a link target: javascript: is its hostile value
    validated: bool = False       # a value its check may refuse (an address, a phone number,
                                  # a Taiwan term the Traditional pages' Markdown would read)
    shown: Callable | None = None  # (site, value) -> where a reader must see it, or None
    n: int = 0

    @property
    def value(self) -> str:
        return hostile(self.n, self.link)


@dataclass
class Edits:
    """The copy of the course and the sources the fields change (written out at the end)."""

    project: Path
    config: dict
    lesson: disk.DiskLesson          # the lesson whose front matter and quiz are hostile
    legit: disk.DiskLesson           # a lesson given legitimate text with &, quotes, <, :
    quiz: dict
    glossary: dict
    term: dict                       # a glossary term with an abbreviation used in the lesson
    abbr_term: dict                  # another one, whose abbreviation becomes hostile
    taiwan_term: dict                # a term the Simplified lesson writes: its Taiwan form is hostile
    pages: dict = field(default_factory=dict)  # path -> [meta, body]

    def page(self, path: Path) -> list:
        if path not in self.pages:
            self.pages[path] = list(disk.split_page(path))
        return self.pages[path]

    def front(self, key: str, value, index: int | None = None) -> None:
        for language in ("en", "zh"):
            path = self.project / ("docs" if language == "en" else "docs_zh") / self.lesson.rel
            meta = self.page(path)[0]
            if index is None:
                meta[key] = value
            else:
                meta.setdefault(key, [""])[index] = value

    @property
    def extra(self) -> dict:
        return self.config["extra"]

    def question(self) -> dict:
        return next(q for q in self.quiz["questions"] if q.get("options"))

    def save(self) -> None:
        disk.write_config(self.project / "mkdocs.yml", self.config)
        for path, (meta, body) in self.pages.items():
            disk.write_page(path, meta, body)
        (self.project / "quizzes" / f"{self.lesson.quiz}.yml").write_text(disk.dump_yaml(self.quiz), encoding="utf-8")
        (self.project / "data" / "glossary.yml").write_text(disk.dump_yaml(self.glossary), encoding="utf-8")


def both(value: str) -> dict:
    return {"en": value, "zh": value}


def text_in(selector: str, *pages: str):
    """A check: on each page, some element matching ``selector`` has the value in its text."""
    def check(site: Path, value: str) -> list[str]:
        missing = []
        for page in pages:
            nodes = disk.soup_of(disk.page_file(site, page)).select(selector)
            if not any(value in node.get_text() for node in nodes):
                missing.append(f"{page} {selector}")
        return missing
    return check


def attribute_in(selector: str, attribute: str, *pages: str):
    def check(site: Path, value: str) -> list[str]:
        return [f"{page} {selector}[{attribute}]" for page in pages
                if not any(node.get(attribute) == value
                           for node in disk.soup_of(disk.page_file(site, page)).select(selector))]
    return check


def all_of(*checks):
    return lambda site, value: [miss for check in checks for miss in check(site, value)]


def lesson_page(edition: str = "en") -> str:
    return LESSON.site_path(edition)


LESSON = next(lesson for lesson in disk.lessons("zh") if lesson.quiz and lesson.roles
              and lesson.content_language == "zh")
LEGIT = next(lesson for lesson in disk.lessons("zh") if lesson.content_language == "zh" and lesson.id != LESSON.id)
WORKSHOPS = "workshops/"


def _set_module(e: Edits, v: str) -> None:
    e.extra["course"]["modules"][LESSON.module].update(both(v))


FIELDS = [
    Field("extra.brand.name", "extra.brand.name", lambda e, v: e.extra["brand"].update(name=v),
          shown=all_of(text_in(".ctpat-footer__name", "", "zh/", "zh-hant/"),
                       attribute_in(".md-logo img", "alt", "", "zh/"))),
    Field("extra.brand.footer", "extra.brand.footer", lambda e, v: e.extra["brand"].update(footer=both(v)),
          shown=text_in(".ctpat-footer__text", "", "zh/", "zh-hant/")),
    Field("extra.brand.logo", "extra.brand.logo", lambda e, v: e.extra["brand"].update(logo=v), validated=True),
    Field("extra.brand.share_image", "extra.brand.share_image",
          lambda e, v: e.extra["brand"].update(share_image=v), validated=True),
    Field("theme.favicon", "theme.favicon", lambda e, v: e.config["theme"].update(favicon=v), validated=True),
    Field("extra.workshops[0].language", "extra.workshops[0].language",
          lambda e, v: e.extra["workshops"][0].update(language=v), validated=True),
    Field("extra.brand.contact.email", "extra.brand.contact.email",
          lambda e, v: e.extra["brand"].setdefault("contact", {}).update(email=v), validated=True),
    Field("extra.brand.contact.wechat", "extra.brand.contact.wechat",
          lambda e, v: e.extra["brand"].setdefault("contact", {}).update(wechat=v),
          shown=text_in(".ctpat-footer li", "", "zh/")),
    Field("extra.brand.contact.phone", "extra.brand.contact.phone",
          lambda e, v: e.extra["brand"].setdefault("contact", {}).update(phone=v), validated=True),
    Field("extra.workshops[0].title", "extra.workshops[0].title",
          lambda e, v: e.extra["workshops"][0].update(title=both(v)), shown=text_in("article", WORKSHOPS, "zh/" + WORKSHOPS)),
    Field("extra.workshops[0].city", "extra.workshops[0].city",
          lambda e, v: e.extra["workshops"][0].update(city=both(v)), shown=text_in("article", WORKSHOPS)),
    Field("extra.workshops[0].venue", "extra.workshops[0].venue",
          lambda e, v: e.extra["workshops"][0].update(venue=both(v)), shown=text_in("article", WORKSHOPS)),
    Field("extra.workshops[0].trainer", "extra.workshops[0].trainer",
          lambda e, v: e.extra["workshops"][0].update(trainer=v), shown=text_in("article", WORKSHOPS)),
    Field("extra.workshops[0].register", "extra.workshops[0].register",
          lambda e, v: e.extra["workshops"][0].update(register=v), link=True, validated=True),
    Field("extra.course.modules (title)", f"extra.course.modules.{LESSON.module}", _set_module,
          shown=all_of(text_in(".ctpat-library__module h2", "library/", "zh/library/"),
                       text_in(".ctpat-summary dd", lesson_page("en")))),
    Field("extra.course.levels (label)", f"extra.course.levels.{LESSON.meta['level']}",
          lambda e, v: e.extra["course"]["levels"].update({LESSON.meta["level"]: both(v)}),
          shown=text_in(".ctpat-summary dd[data-level]", lesson_page("en"), lesson_page("zh"))),
    Field("extra.course.audiences (label)", f"extra.course.audiences.{LESSON.meta['audience'][0]}",
          lambda e, v: e.extra["course"]["audiences"].update({LESSON.meta["audience"][0]: both(v)}),
          shown=text_in(".ctpat-summary li[data-audience]", lesson_page("en"))),
    Field("extra.course.roles (label)", f"extra.course.roles.{LESSON.roles[0]}",
          lambda e, v: e.extra["course"]["roles"].update({LESSON.roles[0]: both(v)}),
          shown=all_of(text_in(".ctpat-summary li[data-role]", lesson_page("en")),
                       text_in("form[data-ctpat-filter] option", "library/", "zh/library/"),
                       text_in(".ctpat-path h3", "", "zh/"))),
    Field("extra.course.criteria (label)", "extra.course.criteria",
          lambda e, v: e.extra["course"]["criteria"].update({next(iter(e.extra["course"]["criteria"])): both(v)})),
    Field("site_name", "site_name", lambda e, v: e.config.update(site_name=v),
          shown=all_of(text_in("title", "", LEGIT.site_path("en")), text_in(".md-header__topic", ""))),
    Field("site_description", "site_description", lambda e, v: e.config.update(site_description=v),
          shown=attribute_in('meta[name="description"]', "content", "")),
    Field("copyright", "copyright", lambda e, v: e.config.update(copyright=v),
          shown=text_in(".md-footer-meta", "", "zh/")),
    Field("i18n zh site_name", "site_name", lambda e, v: disk.i18n_entry(e.config, "zh").update(site_name=v),
          shown=text_in("title", "zh/")),
    Field("i18n zh site_description", "site_description",
          lambda e, v: disk.i18n_entry(e.config, "zh").update(site_description=v),
          shown=attribute_in('meta[name="description"]', "content", "zh/")),
    Field("i18n zh-hant site_name", "site_name", lambda e, v: disk.i18n_entry(e.config, "zh-hant").update(site_name=v),
          shown=text_in("title", "zh-hant/")),
    Field("i18n zh-hant site_description", "site_description",
          lambda e, v: disk.i18n_entry(e.config, "zh-hant").update(site_description=v),
          shown=attribute_in('meta[name="description"]', "content", "zh-hant/")),
    Field("i18n zh name", "name", lambda e, v: disk.i18n_entry(e.config, "zh").update(name=v),
          shown=text_in('.md-select__link[hreflang="zh"]', "", "zh/", lesson_page("en"))),
    Field("i18n zh nav_translations", "nav_translations",
          lambda e, v: disk.i18n_entry(e.config, "zh").setdefault("nav_translations", {}).update(
              {"Lessons": v, "Job aids": v}),
          shown=text_in("nav.md-nav--primary", "zh/", lesson_page("zh"))),
    Field("lesson title", f"{LESSON.rel}|'title'", lambda e, v: e.front("title", v),
          shown=all_of(text_in("title", lesson_page("en"), lesson_page("zh")),
                       text_in("tr[data-ctpat-lesson] a", "library/", "zh/library/"),
                       text_in("nav.md-nav--primary", lesson_page("en")))),
    Field("lesson description", f"{LESSON.rel}|'description'", lambda e, v: e.front("description", v),
          shown=attribute_in('meta[name="description"]', "content", lesson_page("en"), lesson_page("zh"))),
    Field("lesson subtitle", f"{LESSON.rel}|'subtitle'", lambda e, v: e.front("subtitle", v),
          shown=text_in("nav.md-nav--primary", lesson_page("en"))),
    Field("lesson objectives", f"{LESSON.rel}|'objectives'", lambda e, v: e.front("objectives", v, index=0),
          shown=text_in(".ctpat-summary__objectives li", lesson_page("en"), lesson_page("zh"))),
    Field("lesson discussion", f"{LESSON.rel}|'discussion'", lambda e, v: e.front("discussion", [v])),
    Field("quiz title", f"quizzes/{LESSON.quiz}.yml|'title'", lambda e, v: e.quiz.update(title=both(v)),
          shown=text_in(".ctpat-quiz__title", lesson_page("en"), lesson_page("zh"))),
    Field("quiz prompt", f"quizzes/{LESSON.quiz}.yml|'prompt'", lambda e, v: e.question().update(prompt=both(v)),
          shown=text_in(".ctpat-quiz__prompt", lesson_page("en"), lesson_page("zh"))),
    Field("quiz option text", f"quizzes/{LESSON.quiz}.yml|'text'",
          lambda e, v: e.question()["options"][0].update(text=both(v)),
          shown=text_in(".ctpat-quiz__opt label", lesson_page("en"), lesson_page("zh"))),
    Field("quiz option feedback", f"quizzes/{LESSON.quiz}.yml|'feedback'",
          lambda e, v: e.question()["options"][0].update(feedback=both(v)),
          shown=text_in(".ctpat-quiz__fb", lesson_page("en"), lesson_page("zh"))),
    Field("quiz explanation", f"quizzes/{LESSON.quiz}.yml|'explanation'",
          lambda e, v: e.question().update(explanation=both(v)),
          shown=text_in(".ctpat-quiz__why", lesson_page("en"), lesson_page("zh"))),
    Field("glossary en", "data/glossary.yml|'en'", lambda e, v: e.term.update(en=v),
          shown=text_in(".ctpat-glossary__table", "glossary/")),
    Field("glossary zh", "data/glossary.yml|'zh'", lambda e, v: e.term.update(zh=v),
          shown=text_in(".ctpat-glossary__table", "zh/glossary/")),
    Field("glossary zh_hant", "data/glossary.yml|'zh_hant'", lambda e, v: e.taiwan_term.update(zh_hant=v), validated=True,
          shown=all_of(text_in(".ctpat-glossary__table", "zh/glossary/"),
                       # the Traditional edition writes it in place of the Simplified term
                       text_in("article", lesson_page("zh-hant")))),
    Field("glossary abbr", "data/glossary.yml|'abbr'", lambda e, v: e.abbr_term.update(abbr=v),
          shown=text_in(".ctpat-glossary__table", "glossary/", "zh/glossary/")),
    Field("glossary definition", "data/glossary.yml|'definition'", lambda e, v: e.term.update(definition=both(v)),
          shown=text_in(".ctpat-glossary__table", "glossary/", "zh/glossary/")),
]
for number, item in enumerate(FIELDS, 1):
    item.n = 100 + number

# Fields whose test shows a bug in the code: {field name: "BUG: what goes wrong"}.
KNOWN_BUGS: dict[str, str] = {}

# Legitimate text, in the same build: shown exactly as written (no markup, no double escaping).
LEGIT_TEXT = {
    "workshop title": "AT&T Logistics",
    "workshop trainer": "Smith & Sons",
    "workshop venue": 'Building "B" (where a < b)',
    "lesson title": "Metadata: what to keep",
    "objective": "Keep the \"seal\" log & check: a < b",
}


def apply_legit(e: Edits) -> None:
    workshop = e.extra["workshops"][1]
    workshop.update(title=both(LEGIT_TEXT["workshop title"]), trainer=LEGIT_TEXT["workshop trainer"],
                    venue=both(LEGIT_TEXT["workshop venue"]))
    for language in ("en", "zh"):
        path = e.project / ("docs" if language == "en" else "docs_zh") / LEGIT.rel
        meta = e.page(path)[0]
        meta["title"] = LEGIT_TEXT["lesson title"]
        meta["objectives"][0] = LEGIT_TEXT["objective"]


def prepare(project: Path, fields: list[Field]) -> None:
    config = disk.read_config(project / "mkdocs.yml")
    glossary = yaml.safe_load((project / "data/glossary.yml").read_text(encoding="utf-8"))
    lesson_text = (project / "docs" / LESSON.rel).read_text(encoding="utf-8")
    with_abbr = [t for t in glossary["terms"] if t.get("abbr") and re.search(rf"\b{re.escape(t['abbr'])}\b", lesson_text)]
    assert len(with_abbr) >= 2, "the lesson uses fewer than two glossary abbreviations"
    zh_text = (project / "docs_zh" / LESSON.rel).read_text(encoding="utf-8").split("---", 2)[2]
    taiwan = [t for t in glossary["terms"] if t not in with_abbr[:2] and t.get("zh_hant") and len(t["zh"]) >= 3
              and t["zh"] in zh_text and not any(t["zh"] in o["zh"] for o in glossary["terms"] if o is not t)]
    assert taiwan, "the Simplified lesson uses no glossary term of its own"
    quiz = yaml.safe_load((project / "quizzes" / f"{LESSON.quiz}.yml").read_text(encoding="utf-8"))
    edits = Edits(project, config, LESSON, LEGIT, quiz, glossary, with_abbr[0], with_abbr[1], taiwan[0])
    # Far-future workshops, so the page lists them in full as upcoming.
    workshops = config["extra"].setdefault("workshops", [])
    while len(workshops) < 2:
        workshops.append({"date": "2099-01-01", "title": "x", "city": "x"})
    for number, workshop in enumerate(workshops[:2]):
        workshop["date"] = f"2099-0{number + 1}-15"
    apply_legit(edits)
    for item in fields:
        item.apply(edits, item.value)
    edits.save()


@dataclass
class Outcome:
    site: Path
    refused: dict        # field name -> the problem lines naming it
    first_log: str
    pages: dict          # site path -> (text, attribute values)
    json_data: list      # the text of every JSON value in a <script type="application/json">
    injections: dict     # n -> [what was injected where]
    broken_json: list


def problem_lines(log: str) -> list[str]:
    return [line for line in log.splitlines() if re.match(r"^[\w./-]+(:\d+)?: ", line)]


def names(item: Field, line: str) -> bool:
    """True if the problem line names the field (every '|'-separated part of its key)."""
    return all(part in line for part in item.key.split("|"))


def scan(site: Path) -> tuple[dict, dict, list, list]:
    """Every page's visible text and attribute values; what any field's markup turned into."""
    pages, injections, broken, data = {}, {}, [], []

    def strings_of(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from strings_of(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings_of(item)

    def injected(n_text: str, what: str) -> None:
        for n in re.findall(r"alert\((\d+)\)", n_text):
            injections.setdefault(int(n), []).append(what)

    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        soup = disk.soup_of(html)
        attributes = []
        for element in soup.find_all(True):
            for name, value in element.attrs.items():
                value = " ".join(value) if isinstance(value, list) else value
                attributes.append(value)
                if name.lower().startswith("on"):
                    injected(value, f"{rel}: <{element.name} {name}>")
                if name.lower() in URL_ATTRIBUTES and re.sub(r"[\s\x00-\x20]+", "", value).lower().startswith("javascript:"):
                    injected(value, f"{rel}: <{element.name} {name}={value}>")
            if element.name == "img" and element.get("src") == "x" and "alert(" not in element.get("onerror", ""):
                injections.setdefault(0, []).append(f"{rel}: <img src=x>")
            if element.name == "script":
                kind = (element.get("type") or "text/javascript").lower()
                if "json" in kind:
                    try:
                        data.extend(strings_of(json.loads(element.string or "null")))
                    except ValueError:
                        broken.append(rel)
                elif "javascript" in kind or "module" in kind:
                    injected(element.string or "", f"{rel}: <script>")
        for node in soup(["script", "style"]):
            node.extract()
        pages[rel] = (soup.get_text(), attributes)
    return pages, injections, broken, data


@pytest.fixture(scope="module")
def outcome(tmp_path_factory) -> Outcome:
    from conftest import copy_project

    def copy(name: str) -> Path:
        return copy_project(tmp_path_factory.mktemp(name))

    project = copy("hostile")
    prepare(project, FIELDS)
    first = run_mkdocs_build(project, project / "site", strict=False)
    refused = {}
    if "Traceback" in first.stderr:
        # The build crashed instead of listing what it refused (test_refusals_... fails on
        # it): the values no check could refuse still get their build.
        project = copy("hostile-text")
        prepare(project, [item for item in FIELDS if not item.validated])
        second = run_mkdocs_build(project, project / "site", strict=False)
        assert second.returncode == 0, second.stderr[-6000:]
    elif first.returncode != 0:
        lines = problem_lines(first.stderr)
        assert lines, f"the build failed without naming a problem:\n{first.stderr[-4000:]}"
        for item in FIELDS:
            named = [line for line in lines if names(item, line)]
            if named:
                refused[item.name] = named
        unexplained = [line for line in lines if not any(names(item, line) for item in FIELDS)]
        assert not unexplained, f"problems no hostile field explains: {unexplained}"
        project = copy("hostile-accepted")
        prepare(project, [item for item in FIELDS if item.name not in refused])
        second = run_mkdocs_build(project, project / "site", strict=False)
        assert second.returncode == 0, second.stderr[-6000:]
    pages, injections, broken, data = scan(project / "site")
    return Outcome(project / "site", refused, first.stderr, pages, data, injections, broken)


def short(found: list[str]) -> str:
    pages = sorted({entry.split(":")[0] for entry in found})
    return f"{len(found)} times on {len(pages)} pages, e.g. {sorted(set(found))[:4]}"


@pytest.mark.parametrize("item", [
    pytest.param(item, id=item.name, marks=[pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[item.name])]
                 if item.name in KNOWN_BUGS else [])
    for item in FIELDS])
def test_hostile_value_is_text_or_refused(outcome, item):
    if item.validated and "Traceback" in outcome.first_log:
        pytest.fail(f"the build crashed instead of refusing or accepting {item.name}")
    if item.name in outcome.refused:
        # Refused: the message names the key; nothing of it reached a page.
        assert any(names(item, line) for line in outcome.refused[item.name])
        return
    assert not outcome.injections.get(item.n), f"{item.name} became markup {short(outcome.injections[item.n])}"
    value = item.value
    if item.link:
        return  # a link target: shown as the link itself, checked above for javascript:
    seen = [rel for rel, (text, attributes) in outcome.pages.items() if value in text or value in attributes]
    assert seen, f"{item.name}: the value appears on no page as text"
    if item.shown is not None:
        missing = item.shown(outcome.site, value)
        assert not missing, f"{item.name} is not shown as text in: {missing}"


def test_a_closing_script_tag_in_json_stays_inside_its_value(outcome):
    """A lesson title travels as JSON inside a page (the record of completion): its
    '</script>' must not end the element, and the title must come back whole."""
    title = next(item for item in FIELDS if item.name == "lesson title")
    assert title.name not in outcome.refused
    assert any(title.value in text for text in outcome.json_data), "no JSON in any page holds the lesson title"


def test_no_page_has_markup_no_field_accounts_for(outcome):
    """Beyond the per-field checks: an element no field's tag identifies (a bare <img src=x>),
    and JSON that a '</script>' in a value would have cut short."""
    assert not outcome.injections.get(0), short(outcome.injections[0])
    assert not set(outcome.injections) - {item.n for item in FIELDS}, outcome.injections.keys()
    assert not outcome.broken_json, outcome.broken_json
    for catalog in outcome.site.rglob("catalog.json"):
        json.loads(catalog.read_text(encoding="utf-8"))


def test_refusals_name_the_key_and_the_rest_still_builds(outcome):
    assert "Traceback" not in outcome.first_log, outcome.first_log[-3000:]
    for name, lines in outcome.refused.items():
        item = next(item for item in FIELDS if item.name == name)
        assert all(names(item, line) for line in lines), lines


@pytest.mark.parametrize("what", list(LEGIT_TEXT))
def test_legitimate_text_renders_as_written(outcome, what):
    value = LEGIT_TEXT[what]
    if what.startswith("workshop"):
        pages = [WORKSHOPS, "zh/" + WORKSHOPS]
        selector = "article"
    elif what == "lesson title":
        pages = ["library/", "zh/library/", LEGIT.site_path("en")]
        selector = "tr[data-ctpat-lesson] a, title"
    else:
        pages = [LEGIT.site_path("en"), LEGIT.site_path("zh")]
        selector = ".ctpat-summary__objectives li"
    for page in pages:
        soup = disk.soup_of(disk.page_file(outcome.site, page))
        texts = [disk.text_of(node) for node in soup.select(selector)]
        assert any(value in text for text in texts), f"{page}: {value!r} not in {texts[:8]}"
        assert not any("&amp;" in text or "&lt;" in text or "&quot;" in text for text in texts), page
