"""The consultancy's settings under ``extra:`` in mkdocs.yml, checked like content.

``check_settings`` turns ``extra`` into :class:`Settings` and a list of problems, each naming
the key path and, where mkdocs.yml gives it, the line::

    mkdocs.yml:141: extra.workshops[2].date: '2027-13-01' is not a date; write YYYY-MM-DD

Every text a reader sees is either one text for every language or ``{en: ..., zh: ...}``
(both, never one), so no page ever shows a Python dict.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..languages import SOURCE_LANGUAGES
from ..problems import Problem

CONFIG = "mkdocs.yml"
EDITIONS = ("en", "zh", "zh-hant")
# What people write for a language, and the course's code for it.
LANGUAGE_ALIASES = {"english": "en", "en-us": "en", "en-gb": "en", "chinese": "zh", "cn": "zh", "zh-cn": "zh",
                    "zh-hans": "zh", "simplified": "zh", "zh-tw": "zh-hant", "zh-hk": "zh-hant", "tw": "zh-hant",
                    "zh-hant-tw": "zh-hant", "traditional": "zh-hant", "zh_tw": "zh-hant", "zh_cn": "zh"}
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SECTIONS = ("brand", "course", "workshops")  # the keys of extra: this project reads
_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")
_PHONE = re.compile(r"^\+?[0-9(][0-9 ()./-]{4,}$")  # (0755) 8888-0000 too
LINK_SCHEMES = ("https://", "http://", "mailto:", "tel:")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


@dataclass(frozen=True)
class Module:
    number: int
    folder: str     # lessons/<folder>/ holds the module's lessons
    title: dict     # {en, zh}


@dataclass(frozen=True)
class Workshop:
    slug: str       # 2027-03-18-shenzhen: the sign-in sheet's address
    date: dt.date
    title: dict
    city: dict
    venue: dict
    language: str
    register: str
    trainer: dict
    lessons: tuple  # lesson ids
    line: int | None = None
    index: int = 0  # its place in extra.workshops, as written


@dataclass(frozen=True)
class Settings:
    brand_name: dict = field(default_factory=dict)   # {en, zh}; empty when not set
    logo: str = ""                                   # path under docs/
    contact: tuple = ()                              # (kind, text, href) per channel
    footer: dict = field(default_factory=dict)
    modules: dict = field(default_factory=dict)      # number -> Module, in order
    levels: dict = field(default_factory=dict)       # id -> {en, zh}
    audiences: dict = field(default_factory=dict)    # id -> {en, zh}, display order
    roles: dict = field(default_factory=dict)        # job role id -> {en, zh}
    criteria: dict = field(default_factory=dict)     # MSC category id -> {en, zh}
    workshops: tuple = ()                            # Workshop, by date
    share_image: str = ""                            # PNG/JPEG under docs/ for link previews

    def label(self, kind: str, key, language: str) -> dict | str:
        """The bilingual label of a module, level, audience, role or criterion."""
        if kind == "modules":
            module = self.modules.get(key)
            return module.title if module else str(key)
        return getattr(self, kind).get(key) or str(key)

    def module_of_folder(self, folder: str) -> Module | None:
        return next((m for m in self.modules.values() if m.folder == folder), None)


def config_line(tree, path: tuple) -> int | None:
    """The line of the key ``path`` (e.g. ``("extra", "workshops", 2, "date")``) in mkdocs.yml
    as :func:`~coursekit.model.source.load_config_yaml` read it: the deepest part found."""
    node, line = tree, None
    for part in path:
        if isinstance(node, dict) and (part in node or str(part) in node):
            part = part if part in node else str(part)  # module numbers: ints in MkDocs, text here
            line = node.line_of(part) if hasattr(node, "line_of") else line
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            line = node.item_lines[part] if hasattr(node, "item_lines") else line
            node = node[part]
        else:
            break
    return line


class _Checker:
    def __init__(self, lines):
        self.lines = lines
        self.problems: list[Problem] = []

    def line(self, path: tuple) -> int | None:
        return config_line(self.lines, path)

    def error(self, path: tuple, problem: str, fix: str = "") -> None:
        self.problems.append(Problem(CONFIG, self.line(path), problem, fix, key=key_path(path)))

    def mapping(self, value, path: tuple, fix: str) -> dict | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            self.error(path, f"must be a mapping of keys, got {shown(value)}", fix)
            return None
        return value

    def unknown(self, value: dict, known: tuple, path: tuple) -> None:
        for key in value:
            if key not in known:
                close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
                self.error(path + (key,), "unknown key",
                           f"did you mean '{close[0]}'?" if close else f"the keys here are: {', '.join(known)}")

    def text(self, value, path: tuple, required: bool = False, example: str = "...") -> dict:
        """A reader-facing text: one text, or {en: ..., zh: ...} with both languages."""
        if value is None or value == "":
            if required:
                self.error(path, "is missing", f"write '{path[-1]}: {example}' or "
                           f"'{path[-1]}: {{en: {example}, zh: ...}}'")
            return {}
        if isinstance(value, bool) or isinstance(value, (list, tuple)):
            self.error(path, f"must be text, got {shown(value)}",
                       "write one text, or one per language: '{en: ..., zh: ...}'")
            return {}
        if isinstance(value, (str, int, float)):
            return {language: str(value).strip() for language in SOURCE_LANGUAGES}
        if isinstance(value, dict):
            result = {}
            for key in value:
                if key not in SOURCE_LANGUAGES:
                    self.error(path + (key,), "is not a language of the course",
                               "give the text as 'en:' and 'zh:' (the Traditional edition is "
                               "converted from 'zh')")
            for language in SOURCE_LANGUAGES:
                item = value.get(language)
                if isinstance(item, (str, int, float)) and not isinstance(item, bool) and str(item).strip():
                    result[language] = str(item).strip()
                else:
                    self.error(path, f"has no {'English' if language == 'en' else 'Chinese'} "
                                     f"text ('{language}')",
                               f"add '{language}: ...' beside the other language, or give one "
                               "text for both")
            return result if len(result) == len(SOURCE_LANGUAGES) else {}
        self.error(path, f"must be text, got {shown(value)}", "write it as text")
        return {}

    def labels(self, value, path: tuple, example: str) -> dict:
        """A mapping of kebab-case ids to bilingual labels."""
        mapping = self.mapping(value, path, f"write e.g. '{example}: {{en: ..., zh: ...}}'")
        if not mapping:
            if value is None or value == {}:
                self.error(path, "is missing" if value is None else "is empty",
                           f"declare at least one, e.g. '{example}: {{en: ..., zh: ...}}'")
            return {}
        result = {}
        for key, label in mapping.items():
            if not isinstance(key, str) or not _ID.match(key):
                self.error(path + (key,), f"'{key}' is not a usable id",
                           "use lower-case letters, digits and hyphens, e.g. 'gate-guard'")
                continue
            text = self.text(label, path + (key,), required=True)
            if text:
                result[key] = text
        return result


def check_settings(extra, lines=None, docs_dir: Path | None = None) -> tuple[Settings, list[Problem]]:
    """Check ``extra`` (mkdocs.yml's ``extra:``; ``lines`` is the same tree as parsed with
    lines by ``source.load_config_yaml``, or None). ``docs_dir`` is where logo files must be."""
    c = _Checker(_Wrapped(lines) if hasattr(lines, "line_of") else {})
    extra = dict(extra.items()) if hasattr(extra, "items") else {}
    root = ("extra",)
    # extra: also holds the theme's and other plugins' keys, so only a near miss of one of
    # ours is a mistake: 'brnad:' would otherwise leave the site without its branding.
    for key in extra:
        close = difflib.get_close_matches(str(key), SECTIONS, n=1, cutoff=0.75)
        if key not in SECTIONS and close:
            c.error(root + (key,), "unknown key", f"did you mean '{close[0]}'?")

    brand = c.mapping(extra.get("brand"), root + ("brand",), "see 'Branding' in README.md") or {}
    c.unknown(brand, ("name", "logo", "share_image", "contact", "footer"), root + ("brand",))
    name = c.text(brand.get("name"), root + ("brand", "name"))
    footer = c.text(brand.get("footer"), root + ("brand", "footer"))
    logo = _file(c, brand.get("logo"), root + ("brand", "logo"), docs_dir)
    contact = _contact(c, brand.get("contact"), root + ("brand", "contact"))
    share_image = _file(c, brand.get("share_image"), root + ("brand", "share_image"), docs_dir)
    if share_image and not re.search(r"\.(png|jpe?g)$", share_image, re.IGNORECASE):
        c.error(root + ("brand", "share_image"), f"'{share_image}' is not a PNG or JPEG; chat apps "
                "show no other kind in a link preview", "give a .png or .jpg file, e.g. 1200 x 630 pixels")
        share_image = ""

    course = c.mapping(extra.get("course"), root + ("course",), "see 'Branding' in README.md")
    modules, levels, audiences, roles, criteria = {}, {}, {}, {}, {}
    if course is None:  # one problem for the section, not one more for each of its keys
        if extra.get("course") is None:
            c.error(root + ("course",), "is missing",
                    "declare the course's modules, levels, audiences, roles and criteria there")
    else:
        c.unknown(course, ("modules", "levels", "audiences", "roles", "criteria"), root + ("course",))
        modules = _modules(c, course.get("modules"), root + ("course", "modules"))
        levels = c.labels(course.get("levels"), root + ("course", "levels"), "foundation")
        audiences = c.labels(course.get("audiences"), root + ("course", "audiences"), "importer")
        roles = c.labels(course.get("roles"), root + ("course", "roles"), "gate-guard")
        criteria = c.labels(course.get("criteria"), root + ("course", "criteria"), "seal-security")

    workshops = _workshops(c, extra.get("workshops"), root + ("workshops",))
    settings = Settings(name, logo, tuple(contact), footer, modules, levels, audiences, roles,
                        criteria, tuple(workshops), share_image)
    return settings, c.problems


class _Wrapped(dict):
    """The whole mkdocs.yml tree, so key paths starting at 'extra' find their lines."""

    def __init__(self, tree):
        super().__init__(tree)
        self.tree = tree

    def line_of(self, key):
        return self.tree.line_of(key)


def _file(c: _Checker, value, path: tuple, docs_dir: Path | None) -> str:
    if value in (None, ""):
        return ""
    if not isinstance(value, str):
        c.error(path, f"must be a file path, got {shown(value)}", "write e.g. 'assets/brand/logo.svg'")
        return ""
    if re.match(r"^[a-z][a-z0-9+.-]*:", value, re.IGNORECASE) or value.startswith("//"):
        c.error(path, f"'{value}' is on another host; the site loads nothing from other hosts",
                "put the file under docs/ (e.g. docs/assets/brand/logo.svg) and give its path")
        return ""
    if docs_dir is not None and not (docs_dir / value.lstrip("/")).is_file():
        c.error(path, f"'{value}' does not exist under docs/",
                f"add the file docs/{value.lstrip('/')} or correct the path")
        return ""
    return value.lstrip("/")


def _contact(c: _Checker, value, path: tuple) -> list:
    contact = c.mapping(value, path, "write 'contact: {email: ..., wechat: ..., phone: ...}'") or {}
    c.unknown(contact, ("email", "wechat", "phone"), path)
    items = []
    email = contact.get("email")
    if email not in (None, ""):
        if isinstance(email, str) and _EMAIL.match(email.strip()):
            items.append(("email", email.strip(), f"mailto:{email.strip()}"))
        else:
            c.error(path + ("email",), f"{shown(email)} is not an e-mail address",
                    "write e.g. 'email: training@example.com'")
    phone = contact.get("phone")
    if phone not in (None, ""):
        text = str(phone).strip()
        if _PHONE.match(text) and not isinstance(phone, bool):
            items.append(("phone", text, "tel:" + "".join(ch for ch in text if ch.isdigit() or ch == "+")))
        else:
            c.error(path + ("phone",), f"{shown(phone)} is not a phone number",
                    "write it in quotes with digits, spaces and '+', e.g. 'phone: \"+86 755 0000 0000\"'")
    wechat = contact.get("wechat")
    if wechat not in (None, ""):
        if isinstance(wechat, (str, int)) and not isinstance(wechat, bool):
            items.append(("wechat", str(wechat).strip(), ""))
        else:
            c.error(path + ("wechat",), f"must be the WeChat id as text, got {shown(wechat)}",
                    "write e.g. 'wechat: example-training'")
    return items


def _modules(c: _Checker, value, path: tuple) -> dict:
    mapping = c.mapping(value, path, "write e.g. '1: {folder: foundations, en: ..., zh: ...}'")
    if not mapping:
        if value is None or value == {}:
            c.error(path, "is missing" if value is None else "is empty",
                    "declare each module, e.g. '1: {folder: foundations, en: ..., zh: ...}'")
        return {}
    modules, folders = {}, {}
    for key, entry in mapping.items():
        here = path + (key,)
        try:
            number = int(key)
        except (TypeError, ValueError):
            c.error(here, f"'{key}' is not a module number", "write e.g. '1: {folder: foundations, en: ..., zh: ...}'")
            continue
        if not isinstance(entry, dict):
            c.error(here, f"must be {{folder: ..., en: ..., zh: ...}}, got {shown(entry)}",
                    "give the module's folder under lessons/ and its title in both languages")
            continue
        c.unknown(entry, ("folder", "en", "zh"), here)
        folder = entry.get("folder")
        if not isinstance(folder, str) or not _ID.match(folder):
            c.error(here + ("folder",), f"must name the module's folder under lessons/, got {shown(folder)}",
                    "write e.g. 'folder: foundations' (lower-case letters, digits and hyphens)")
            continue
        if folder in folders:
            c.error(here + ("folder",), f"'{folder}' is also module {folders[folder]}'s folder",
                    "give each module its own folder")
            continue
        folders[folder] = number
        title = c.text({k: v for k, v in entry.items() if k in SOURCE_LANGUAGES}, here, required=True)
        if title:
            modules[number] = Module(number, folder, title)
    return dict(sorted(modules.items()))


def _date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _workshops(c: _Checker, value, path: tuple) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        c.error(path, f"must be a list, got {shown(value)}", "write one '- date: YYYY-MM-DD' entry per workshop")
        return []
    known = ("date", "title", "city", "venue", "language", "register", "trainer", "lessons")
    workshops, slugs = [], {}
    for index, entry in enumerate(value):
        here = path + (index,)
        if not isinstance(entry, dict):
            c.error(here, f"must be a mapping, got {shown(entry)}", "give it date, title, city, venue and register")
            continue
        c.unknown(entry, known, here)
        date = _date(entry.get("date"))
        if date is None:
            wrong = "is missing" if entry.get("date") is None else f"{shown(entry['date'])} is not a date"
            c.error(here + ("date",), wrong, "write YYYY-MM-DD, e.g. 'date: 2027-03-18'")
        title = c.text(entry.get("title"), here + ("title",), required=True)
        city = c.text(entry.get("city"), here + ("city",), required=True)
        venue = c.text(entry.get("venue"), here + ("venue",))
        trainer = c.text(entry.get("trainer"), here + ("trainer",))
        language = entry.get("language")
        if language in (None, ""):
            language = ""
        elif language not in EDITIONS:
            meant = LANGUAGE_ALIASES.get(str(language).strip().lower())
            if meant is None and str(language).strip().lower() in EDITIONS:
                meant = str(language).strip().lower()
            c.error(here + ("language",), f"{shown(language)} is not a language of the course",
                    (f"did you mean '{meant}'? " if meant else "") + "write en (English), zh (Simplified "
                    "Chinese) or zh-hant (Traditional Chinese)")
            language = ""
        register = entry.get("register") or ""
        if register and (not isinstance(register, str) or not register.startswith(LINK_SCHEMES)):
            c.error(here + ("register",), f"{shown(register)} is not a web, mailto: or tel: link",
                    "write e.g. 'register: mailto:training@example.com' or 'register: https://...'")
            register = ""
        elif register and any(ch in register for ch in "<>\"' \t"):
            c.error(here + ("register",), f"{shown(register)} contains spaces, quotes or angle brackets",
                    "write the link without them, e.g. 'register: tel:+867550000000'")
            register = ""
        lessons = entry.get("lessons") or []
        if not isinstance(lessons, list) or not all(isinstance(x, str) for x in lessons):
            c.error(here + ("lessons",), f"must be a list of lesson ids, got {shown(lessons)}",
                    "write e.g. 'lessons: [container-inspection, seals-vvtt]'")
            lessons = []
        if date is None or not title or not city:
            continue
        slug = date.isoformat()
        if slug in slugs:
            slugs[slug] += 1
            slug = f"{slug}-{slugs[slug]}"
        else:
            slugs[slug] = 1
        workshops.append(Workshop(slug, date, title, city, venue, language, register, trainer,
                                  tuple(lessons), c.line(here), index))
    return sorted(workshops, key=lambda w: (w.date, w.slug))


def key_path(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def shown(value) -> str:
    """An author's value as they wrote it, for a message."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "'true'" if value else "'false'"
    if isinstance(value, (dt.date, dt.datetime)):
        return f"'{value.isoformat()}'"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(str(v) for v in value) + "]"
    if isinstance(value, dict):
        return "'" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "'"
    return f"'{value}'"


def format_date(date: dt.date, language: str) -> str:
    if language.startswith("zh"):
        return f"{date.year} 年 {date.month} 月 {date.day} 日"
    return f"{date.day} {MONTHS_EN[date.month - 1]} {date.year}"


def split_upcoming(workshops, today: dt.date) -> tuple[list, list]:
    upcoming = [w for w in workshops if w.date >= today]
    past = [w for w in workshops if w.date < today]
    return upcoming, list(reversed(past))
