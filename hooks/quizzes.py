"""Self-check quizzes: each ``<!-- quiz: ID -->`` line becomes the quiz widget.

The quiz files and their markers were checked with everything else at ``on_config``
(hooks/course.py). Here, after every other plugin (priority -100), each marker that Markdown
passed through on its own line is replaced by the widget in the reader's edition, and the
page is flagged (``page.meta["ctpat_quiz"]``) so overrides/main.html loads quiz.css and
quiz.js there and nowhere else. Material's search indexed the page before, so quiz text and
answers stay out of search.
"""

from __future__ import annotations

import json
import re

from mkdocs.plugins import event_priority

from coursekit.render import render
from coursekit.render.views import quiz_view
from coursekit.strings import QUIZ_JS, strings
from sitebuild import state

# The marker as Markdown passes it through: an HTML comment alone on its line.
MARKER = re.compile(r"^<!--[ \t]*quiz[ \t]*:[ \t]*([A-Za-z0-9_-]+)[ \t]*-->$", re.MULTILINE)
HEADING = re.compile(r"<h([1-6])[\s>]")


@event_priority(-100)
def on_page_context(context, /, *, page, config, nav):
    build = state.current()
    html = page.content or ""
    if build.problems or "<!--" not in html:
        return context
    edition, quizzes = build.edition, build.course.quizzes
    s = strings(edition)
    js_strings = json.dumps({key: s[key] for key in QUIZ_JS}, ensure_ascii=False, sort_keys=True)
    uses: dict[str, int] = {}

    def widget(match: re.Match) -> str:
        quiz = quizzes.get(match[1])
        if quiz is None or quiz.is_pool:
            return match[0]  # reported by the course check
        uses[quiz.id] = uses.get(quiz.id, 0) + 1
        uid = f"ctpat-quiz-{quiz.id}" + (f"-{uses[quiz.id]}" if uses[quiz.id] > 1 else "")
        return str(render("quiz.html", quiz=quiz_view(quiz, edition.text, build.inline, s, uid), s=s,
                          js_strings=js_strings, level=_level(html, match.start()), lang=edition.html_lang,
                          root=context.get("base_url", ".")))

    html = MARKER.sub(widget, html)
    if uses:
        page.content = html
        page.meta["ctpat_quiz"] = True  # overrides/main.html loads quiz.css and quiz.js
    return context


def _level(html: str, position: int) -> int:
    """The quiz's heading level: one below the last heading before it (h3 under an h2)."""
    levels = [int(m[1]) for m in HEADING.finditer(html, 0, position)]
    return min((levels[-1] if levels else 1) + 1, 6)
