"""The quiz widget's HTML, rendered on the server in the page's language.

The HTML works without JavaScript: every question is a ``fieldset`` with real inputs and
labels, and its right answer(s), feedback and explanation sit in a ``<details>``. quiz.js
hides those details and runs the interactive flow instead. Its interface strings travel in
``data-strings`` (from ``languages.QUIZ_STRINGS``), so the script holds no language text.

Quiz text is inline Markdown rendered with the site's own extensions
(``coursekit.inline_markdown``: raw HTML stays text, script links are dropped); interface
strings and ids are escaped here.

The markup is written in Python rather than a Jinja template: a course renders one quiz per
lesson and language, and the template engine's per-field escaping and lookups cost four
times this (bench/event_times.py). One HTML block per line: Markdown-style raw HTML blocks
must not contain blank lines.
"""

from __future__ import annotations

import json
import re

from functools import lru_cache

from markupsafe import escape

from . import inline_markdown
from .languages import pick, quiz_strings
from .quizzes import Quiz

# The QUIZ_STRINGS keys quiz.js uses (the rest is rendered into the HTML directly).
JS_STRINGS = ("right", "wrong", "mark_ok", "mark_bad", "mark_missed", "choose", "progress",
              "score", "passed", "failed", "best", "restored", "cleared")
# A blank line (author text may hold line breaks) would end a raw HTML block in the page.
_BLANK_LINE = re.compile(r"\n[ \t]*(\n|$)")


class QuizRenderer:
    """Renders quizzes for one build: ``QuizRenderer(extensions, configs).render(quiz, "zh")``.

    ``extensions`` and ``extension_configs`` are the site's Markdown settings (MkDocs'
    ``config.markdown_extensions`` and ``config.mdx_configs``).
    """

    def __init__(self, extensions=(), extension_configs=None):
        self.inline = inline_markdown.shared(extensions, extension_configs)

    def render(self, quiz: Quiz, language: str, uid: str | None = None) -> str:
        """The widget for ``quiz`` in ``language``; ``uid`` prefixes every HTML id on the page."""
        # Ids (quiz, question, option) are checked to be [A-Za-z0-9_-] when a quiz is
        # loaded, so they go into attributes as they are; everything else is escaped.
        uid = escape(uid or f"ctpat-quiz-{quiz.id}")
        s = _strings(language)
        inline = self.inline.html  # plain str: the markup is built here
        total = len(quiz.questions)
        out = [
            f'<section class="ctpat-quiz" id="{uid}" data-quiz-id="{quiz.id}" '
            f'data-quiz-hash="{quiz.hash}" data-pass-mark="{quiz.pass_mark}" '
            f'data-strings="{s["js"]}" aria-labelledby="{uid}-title">',
            f'<h3 class="ctpat-quiz__title" id="{uid}-title">{inline(pick(quiz.title, language))}</h3>',
            f'<p class="ctpat-quiz__intro">{escape(s["intro"].format(n=total, pass_mark=quiz.pass_mark))}</p>',
        ]
        for number, question in enumerate(quiz.questions, 1):
            out += self._question(question, number, total, language, uid, s)
        out += [
            '<div class="ctpat-quiz__summary" role="status" aria-live="polite" tabindex="-1"></div>',
            f'<p class="ctpat-quiz__acts" hidden><button type="button" class="md-button ctpat-quiz__retry">'
            f'{s["retry"]}</button> <button type="button" class="md-button ctpat-quiz__clear">'
            f'{s["clear"]}</button></p>',
            "</section>",
        ]
        html = "\n".join(out)
        if _BLANK_LINE.search(html):
            html = "\n".join(line for line in html.splitlines() if line.strip())
        return html

    def _question(self, question, number: int, total: int, language: str, uid: str, s: dict) -> list[str]:
        inline = self.inline.html  # plain str: the markup is built here
        qid = f"{uid}-q{number}"
        kind = "checkbox" if question.type == "multiple" else "radio"
        shuffle = " data-shuffle" if question.shuffle else ""
        out = [
            f'<fieldset class="ctpat-quiz__q" id="{qid}" data-q="{question.id}" '
            f'data-type="{question.type}"{shuffle} aria-describedby="{qid}-hint">',
            f'<legend class="ctpat-quiz__legend"><span class="ctpat-quiz__num">'
            f'{escape(s["question_n"].format(n=number, total=total))}</span> '
            f'<span class="ctpat-quiz__prompt">{inline(pick(question.prompt, language))}</span></legend>',
            f'<p class="ctpat-quiz__hint" id="{qid}-hint">{s["hint_" + question.type]}</p>',
            '<ul class="ctpat-quiz__opts">',
        ]
        right, feedback = [], []
        for index, option in enumerate(question.options, 1):
            oid = f"{qid}-o{index}"
            text = inline(pick(option.text, language))
            correct = " data-c" if option.correct else ""
            out.append(f'<li class="ctpat-quiz__opt" data-o="{option.id}"{correct}>'
                       f'<input type="{kind}" id="{oid}" name="{qid}" value="{option.id}">'
                       f'<label for="{oid}">{text}</label></li>')
            if option.correct:
                right.append(f"<li>{text}</li>")
            if option.feedback:
                feedback.append(
                    f'<li><span class="ctpat-quiz__fbo">{text}</span> <span class="ctpat-quiz__fb" '
                    f'data-fb="{option.id}">{inline(pick(option.feedback, language))}</span></li>')
        answer_label = s["answer_many"] if len(right) > 1 else s["answer_one"]
        out += [
            "</ul>",
            f'<p class="ctpat-quiz__acts" hidden><button type="button" class="md-button '
            f'ctpat-quiz__check">{s["check"]}</button></p>',
            '<div class="ctpat-quiz__result" role="status" aria-live="polite" tabindex="-1"></div>',
            '<details class="ctpat-quiz__key">',
            f'<summary>{s["show_answer"]}</summary>',
            f'<p class="ctpat-quiz__answer"><strong>{answer_label}</strong></p>',
            '<ul class="ctpat-quiz__right">', *right, "</ul>",
        ]
        if feedback:
            out += [f'<p class="ctpat-quiz__about"><strong>{s["about_options"]}</strong></p>',
                    '<ul class="ctpat-quiz__fbs">', *feedback, "</ul>"]
        if question.explanation:
            out.append(f'<p class="ctpat-quiz__why"><strong>{s["why"]}</strong>'
                       f'{inline(pick(question.explanation, language))}</p>')
        out += ["</details>", "</fieldset>"]
        return out


@lru_cache(maxsize=None)
def _strings(language: str) -> dict:
    """The language's interface strings, escaped for HTML once per process, plus ``js``: the
    strings quiz.js uses as escaped JSON for ``data-strings``."""
    raw = quiz_strings(language)
    strings = {key: escape(value) for key, value in raw.items()}
    strings["intro"], strings["question_n"] = raw["intro"], raw["question_n"]  # formatted later
    # "Why: text" but "解析：text": no space after full-width punctuation.
    gap = "" if re.match(r"[\u3000-\u303f\uff00-\uffef]", raw["why"][-1:]) else " "
    strings["why"] = escape(raw["why"] + gap)
    strings["js"] = escape(json.dumps({key: raw[key] for key in JS_STRINGS}, ensure_ascii=False,
                                      separators=(",", ":")))
    return strings
