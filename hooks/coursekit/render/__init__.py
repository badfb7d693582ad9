"""The HTML the course adds to its pages, from Jinja templates that escape by default.

One environment for the process, with ``autoescape=True``: every value a template prints is
escaped unless it is already :class:`~markupsafe.Markup` (inline Markdown from
``InlineMarkdown``, or HTML another template rendered). Templates live in ``templates/``
beside this file and are compiled once per process.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
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


class _Headings(HTMLParser):
    """The h2 and h3 elements that carry an id, with their text, in document order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, str]] = []
        self._open: list | None = None

    def handle_starttag(self, tag, attrs):
        if tag in ("h2", "h3") and dict(attrs).get("id"):
            self._open = [int(tag[1]), dict(attrs)["id"], ""]

    def handle_data(self, data):
        if self._open is not None:
            self._open[2] += data

    def handle_endtag(self, tag):
        if self._open is not None and tag == f"h{self._open[0]}":
            self.found.append((self._open[0], self._open[1], " ".join(self._open[2].split())))
            self._open = None


def headings(html: str) -> list[tuple[int, str, str]]:
    """``(level, id, text)`` of the h2/h3 headings with an id in HTML a template rendered."""
    parser = _Headings()
    parser.feed(html)
    parser.close()
    return parser.found
