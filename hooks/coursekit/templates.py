"""Jinja templates for the HTML the hooks render (kept in ``hooks/templates/``)."""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"


class _Environment(jinja2.Environment):
    """Looks ``row.name`` up as a dict key first when ``row`` is a dict.

    The hooks hand their templates plain dicts; Jinja tries the attribute first and pays
    an AttributeError per field, which was more than half of a quiz's render time.
    """

    def getattr(self, obj, attribute):
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return _Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=True,  # author text is data, never markup
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def render(name: str, /, **context) -> str:
    # One line per HTML block: Markdown must not see blank lines inside raw HTML.
    html = environment().get_template(name).render(**context)
    return "\n".join(line for line in html.splitlines() if line.strip())
