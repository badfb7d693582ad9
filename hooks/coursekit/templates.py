"""Jinja templates for the HTML the hooks render (kept in ``hooks/templates/``)."""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return jinja2.Environment(
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
