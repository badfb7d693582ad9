"""What the theme shows of the consultancy: name, logo, footer, link previews, all escaped.

MkDocs renders the theme without autoescaping, so every value from mkdocs.yml that Material
prints reaches it escaped here: the templates get the site's configuration through
:class:`EscapedConfig`, whose site name, description and copyright are escaped (the real
configuration stays as written, for mkdocs-static-i18n's per-edition values), and a
``ctpat`` context with the footer (rendered by coursekit's escaping templates), the logo's
text and the link-preview tags (Open Graph, in the page's language, absolute when
``site_url`` is set).
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from coursekit.render import render
from coursekit.strings import strings
from sitebuild import state

LOCALES = {"en": "en_US", "zh": "zh_CN", "zh-hant": "zh_TW"}
_TAG = re.compile(r"<[^>]*>")


class EscapedConfig:
    """The configuration as the theme's templates see it: the texts they print unescaped
    (site name, description, copyright) escaped; everything else is the configuration itself."""

    ESCAPED = ("site_name", "site_description", "copyright")

    def __init__(self, config):
        self._config = config
        self._escaped = {key: Markup(escape(config[key])) if isinstance(config[key], str) else config[key]
                         for key in self.ESCAPED}

    def __getattr__(self, name):
        return self._escaped[name] if name in self._escaped else getattr(self._config, name)

    def __getitem__(self, key):
        return self._escaped[key] if key in self._escaped else self._config[key]

    def get(self, key, default=None):
        return self._escaped[key] if key in self._escaped else self._config.get(key, default)

    def __contains__(self, key):
        return key in self._config


def on_page_context(context, /, *, page, config, nav):
    context["config"] = EscapedConfig(config)
    if not state.current().problems:
        context["ctpat"] = _theme(config, page)
    return context


def on_template_context(context, /, *, template_name, config):
    """The 404 page: every edition's text, with the footer of the edition built last."""
    context["config"] = EscapedConfig(config)
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
    footer = render("footer.html", s=s, name=name, items=list(settings.contact),
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
    image = settings.logo
    return {
        "site_name": escape(config.site_name),
        "title": escape(title or config.site_name),
        "description": escape(description),
        "locale": LOCALES.get(edition.code, "en_US"),
        "url": escape(f"{site}/{page.url}") if site else "",
        "image": escape(f"{site}/{image}") if site and image else "",
    }
