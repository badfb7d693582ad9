"""The HTML the course adds to its pages, from Jinja templates that escape by default.

One environment for the process, with ``autoescape=True``: every value a template prints is
escaped unless it is already :class:`~markupsafe.Markup` (inline Markdown from
``InlineMarkdown``, or HTML another template rendered). Templates live in ``templates/``
beside this file and are compiled once per process.
"""

from __future__ import annotations

import json
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

TEMPLATES = Path(__file__).resolve().parent / "templates"

ENV = Environment(
    loader=FileSystemLoader(str(TEMPLATES)),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
)
# JSON inside <script type="application/json">: '<', '>', '&' and "'" become \u escapes, so
# "</script>" in a value cannot end the element.
ENV.filters["json"] = lambda value: htmlsafe_json_dumps(value, sort_keys=True)
# JSON for a data-* attribute: plain text, which autoescaping turns into a quoted-safe value.
ENV.filters["json_attribute"] = lambda value: json.dumps(value, ensure_ascii=False, sort_keys=True)


def render(template: str, **context) -> Markup:
    """``template`` (a file in templates/) rendered with ``context``, as safe HTML."""
    return Markup(ENV.get_template(template).render(**context))


def insert_after_h1(html: str, block: str) -> str:
    """``block`` right after the page's first ``</h1>`` (first in the page without one).
    A ``</h1>`` written in the text is escaped by Markdown (``&lt;/h1&gt;``) and never matches."""
    end = html.find("</h1>")
    if end < 0:
        return f"{block}\n{html}"
    end += len("</h1>")
    return f"{html[:end]}\n{block}{html[end:]}"

