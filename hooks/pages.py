"""Generated page parts: glossary table, workshops and contact from configuration.

Pages place them with one-line markers, in both languages:
``<!-- glossary -->``, ``<!-- workshops -->``, ``<!-- contact -->``.
"""

from __future__ import annotations

import datetime as dt
import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from coursekit import glossary, languages, templates, workshops

import glossary as glossary_hook  # the hook module beside this one (it caches the terms)

log = get_plugin_logger("pages")

MARKER = re.compile(r"^[ \t]*<!--\s*(glossary|workshops|contact)\s*-->[ \t]*$", re.MULTILINE)


def on_page_markdown(markdown: str, /, *, page, config, files) -> str:
    if "<!--" not in markdown:
        return markdown
    language = config.theme.get("language") or languages.DEFAULT
    renderers = {
        "glossary": lambda: _glossary(config, language),
        "workshops": lambda: _workshops(config, language),
        "contact": lambda: _contact(config, language),
    }
    return MARKER.sub(lambda m: renderers[m.group(1)](), markdown)


def _glossary(config, language: str) -> str:
    other = "en" if language == "zh" else "zh"
    rows = []
    for term in glossary.sorted_terms(glossary_hook.load_terms(config)):
        rows.append({
            "anchor": re.sub(r"[^a-z0-9]+", "-", (term.abbr or term.en).lower()).strip("-"),
            "name": term.name(language), "other_name": term.name(other), "other_lang": other,
            "abbr": term.abbr, "zh_tw": term.zh_tw, "definition": term.definition[language],
        })
    return templates.render("glossary.html", terms=rows, language=language,
                            s=languages.strings(language))


def _workshops(config, language: str) -> str:
    entries, errors = workshops.parse_workshops(config.extra.get("workshops"))
    if errors:
        raise PluginError("Problems in the workshops configuration:\n"
                          + "\n".join(str(e) for e in errors))
    upcoming, past = workshops.split_upcoming(entries, dt.date.today())
    s = languages.strings(language)

    def view(w):
        return {"iso": w.date.isoformat(), "date": workshops.format_date(w.date, language),
                "title": languages.pick(w.title, language), "city": languages.pick(w.city, language),
                "venue": languages.pick(w.venue, language), "register": w.register,
                "language": s.get(f"lang_{w.language}", "")}

    return templates.render("workshops.html", upcoming=[view(w) for w in upcoming],
                            past=[view(w) for w in past], s=s)


def _contact(config, language: str) -> str:
    brand = config.extra.get("brand") or {}
    return templates.render("contact.html", name=brand.get("name", ""),
                            items=workshops.contact_items(brand), s=languages.strings(language))
