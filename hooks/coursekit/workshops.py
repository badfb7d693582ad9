"""Workshops and branding from ``extra:`` in mkdocs.yml, checked and shaped for the pages that show them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .errors import AuthorError
from .languages import LANGUAGES, pick

CONFIG = "mkdocs.yml"
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


@dataclass(frozen=True)
class Workshop:
    date: dt.date
    title: dict
    city: dict
    venue: dict
    language: str
    register: str


def parse_workshops(raw) -> tuple[list[Workshop], list[AuthorError]]:
    """Check ``extra.workshops``; every problem names its entry and field."""
    if raw is None:
        return [], []
    if not isinstance(raw, list):
        return [], [AuthorError(CONFIG, None, "extra.workshops must be a list",
                                "write one '- date: YYYY-MM-DD' entry per workshop")]
    workshops, errors = [], []
    for number, entry in enumerate(raw, 1):
        where = f"extra.workshops entry {number}"
        if not isinstance(entry, dict):
            errors.append(AuthorError(CONFIG, None, f"{where} is not a mapping",
                                      "give it date, title, city, venue and register"))
            continue
        date = entry.get("date")
        if isinstance(date, str):
            try:
                date = dt.date.fromisoformat(date)
            except ValueError:
                date = None
        if not isinstance(date, dt.date):
            errors.append(AuthorError(CONFIG, None, f"{where}: 'date' must be a date",
                                      "write it as YYYY-MM-DD, e.g. 'date: 2027-03-18'"))
            continue
        texts = {}
        for key in ("title", "city", "venue"):
            value = entry.get(key)
            if isinstance(value, str):
                value = {lang: value for lang in LANGUAGES}
            missing = [lang for lang in LANGUAGES if not isinstance(value, dict) or not value.get(lang)]
            if missing and key != "venue":
                errors.append(AuthorError(CONFIG, None, f"{where}: '{key}' has no {' or '.join(missing)} text",
                                          f"write '{key}: {{en: ..., zh: ...}}'"))
            texts[key] = value if isinstance(value, dict) else {}
        register = str(entry.get("register") or "")
        if register and not register.startswith(("https://", "http://", "mailto:", "tel:")):
            errors.append(AuthorError(CONFIG, None, f"{where}: 'register' must be a web, mailto: or tel: link",
                                      "write e.g. 'register: mailto:training@example.com'"))
            register = ""
        workshops.append(Workshop(date, texts["title"], texts["city"], texts["venue"],
                                  str(entry.get("language") or ""), register))
    return sorted(workshops, key=lambda w: w.date), errors


def format_date(date: dt.date, language: str) -> str:
    if language == "zh":
        return f"{date.year}年{date.month}月{date.day}日"
    return f"{date.day} {MONTHS_EN[date.month - 1]} {date.year}"


def split_upcoming(workshops: list[Workshop], today: dt.date) -> tuple[list[Workshop], list[Workshop]]:
    upcoming = [w for w in workshops if w.date >= today]
    past = [w for w in workshops if w.date < today]
    return upcoming, list(reversed(past))


def contact_items(brand: dict | None) -> list[tuple[str, str, str]]:
    """``(kind, text, href)`` for each contact channel configured under ``extra.brand.contact``."""
    contact = (brand or {}).get("contact") or {}
    items = []
    if contact.get("email"):
        items.append(("email", contact["email"], f"mailto:{contact['email']}"))
    if contact.get("phone"):
        phone = str(contact["phone"])
        items.append(("phone", phone, "tel:" + "".join(c for c in phone if c.isdigit() or c == "+")))
    if contact.get("wechat"):
        items.append(("wechat", str(contact["wechat"]), ""))
    return items


def brand_text(brand: dict | None, key: str, language: str) -> str:
    return pick((brand or {}).get(key) or "", language)
