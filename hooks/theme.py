"""What the theme shows of the consultancy: name, logo, footer, link previews, all escaped.

MkDocs renders the theme without autoescaping, so every value from mkdocs.yml that Material
prints reaches it escaped here: the site name, description and copyright are escaped for
each edition's build (and given back as written before the next edition's, whose values
mkdocs-static-i18n sets from them), and each page gets a ``ctpat`` context with the footer
(rendered by coursekit's escaping templates), the logo's text and the link-preview tags
(Open Graph, in the page's language, absolute when ``site_url`` is set).
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape
from mkdocs.plugins import event_priority

from coursekit.render import render
from coursekit.strings import strings
from sitebuild import i18n, state

LOCALES = {"en": "en_US", "zh": "zh_CN", "zh-hant": "zh_TW"}
_TAG = re.compile(r"<[^>]*>")


ESCAPED = ("site_name", "site_description", "copyright")


@event_priority(-110)  # after mkdocs-static-i18n (-100) set this edition's own values
def on_config(config):
    """Escape what Material prints of the configuration for this edition's templates."""
    state.current().raw_config = {key: config[key] for key in ESCAPED}
    for key in ESCAPED:
        if isinstance(config[key], str):
            config[key] = Markup(escape(config[key]))
    return config


@event_priority(50)  # before mkdocs-static-i18n (-100) builds the next edition from these values
def on_post_build(*, config) -> None:
    """Give the next edition's build the values as written (the plugin compares their type)."""
    for key, value in state.current().raw_config.items():
        config[key] = value


def on_page_context(context, /, *, page, config, nav):
    if not state.current().problems:
        context["ctpat"] = _theme(config, page)
    if config.extra.get("package") == "lms":  # an LMS package holds one edition: no switcher
        i18n.clear_language_links(config)
    return context


def on_template_context(context, /, *, template_name, config):
    """The 404 page: every edition's text, with the footer of the edition built last."""
    build = state.current()
    if build.problems or template_name != "404.html":
        return context
    root = (config.site_url or "/").rstrip("/") + "/"
    context["ctpat"] = _theme(config, None)
    context["ctpat_not_found"] = [
        {"lang": {"zh": "zh-Hans", "zh-hant": "zh-Hant"}.get(code, code),
         "title": s["not_found_title"], "body": s["not_found_body"], "home": s["not_found_home"],
         "href": root + edition.prefix}
        for code, edition in build.editions.items() for s in [strings(edition)]]
    return context


def _theme(config, page) -> dict:
    build = state.current()
    edition, settings = build.edition, build.course.settings
    s = strings(edition)
    name = edition.text(settings.brand_name)
    footer = build.footers.get(edition.code)
    if footer is None:  # the same on every page of an edition
        footer = build.footers[edition.code] = render(
            "footer.html", s=s, name=name, items=list(settings.contact),
            text=edition.text(settings.footer), copyright=config.copyright or "")
    return {
        "footer": footer,
        "logo": settings.logo,
        "logo_alt": escape(name or config.site_name),
        "share": _share(page, config, edition, settings) if page is not None else None,
    }


def _share(page, config, edition, settings) -> dict:
    """Link-preview values, escaped for the attributes they go in."""
    title = str(page.meta.get("title") or page.title or "")
    title = Markup(title).unescape() if isinstance(page.meta.get("title"), Markup) else _TAG.sub("", title)
    description = page.meta.get("description") or config.site_description or ""
    if isinstance(description, Markup):
        description = description.unescape()
    site = (config.site_url or "").rstrip("/")
    # A raster image: chat apps show no SVG in a preview.
    image = settings.share_image or ("" if settings.logo.lower().endswith(".svg") else settings.logo)
    return {
        "site_name": escape(config.site_name),
        "title": escape(title or config.site_name),
        "description": escape(description),
        "locale": LOCALES.get(edition.code, "en_US"),
        "url": escape(f"{site}/{page.url}") if site else "",
        "image": escape(f"{site}/{image}") if site and image else "",
    }
