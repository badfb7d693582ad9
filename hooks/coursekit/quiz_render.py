"""The quiz widget's HTML, rendered on the server in the page's language.

The HTML works without JavaScript: every question is a ``fieldset`` with real inputs and
labels, and its right answer(s), feedback and explanation sit in a ``<details>``. quiz.js
hides those details and runs the interactive flow instead. Its interface strings travel in
``data-strings`` (from ``languages.QUIZ_STRINGS``), so the script holds no language text.

Quiz text is inline Markdown rendered with the site's own extensions. Authors' raw HTML is
shown as text, never executed; ``javascript:``, ``data:`` and ``vbscript:`` link targets
and ``on*`` attributes are dropped.
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as etree

import markdown
from markupsafe import Markup

from . import templates
from .languages import pick, quiz_strings
from .quizzes import Quiz

# The QUIZ_STRINGS keys quiz.js uses (the rest is rendered into the HTML directly).
JS_STRINGS = ("right", "wrong", "mark_ok", "mark_bad", "mark_missed", "choose", "progress",
              "score", "passed", "failed", "best", "restored", "cleared")
_UNSAFE_URL = ("javascript:", "data:", "vbscript:")
_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "srcset", "poster")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def unsafe_url(url: str) -> bool:
    """True for link targets that would run code: ``javascript:``, ``data:``, ``vbscript:``.

    Browsers ignore whitespace and control characters inside the scheme and decode
    character references, so ``java&#115;cript:`` and ``java\\tscript:`` count too.
    """
    cleaned = _INVISIBLE.sub("", html.unescape(url)).lower()
    return cleaned.startswith(_UNSAFE_URL)


class QuizRenderer:
    """Renders quizzes for one build: ``QuizRenderer(extensions, configs).render(quiz, "zh")``.

    ``extensions`` and ``extension_configs`` are the site's Markdown settings (MkDocs'
    ``config.markdown_extensions`` and ``config.mdx_configs``).
    """

    def __init__(self, extensions=(), extension_configs=None):
        self.md = markdown.Markdown(extensions=list(extensions),
                                    extension_configs=dict(extension_configs or {}))
        # Raw HTML in quiz text stays text: without this pattern `<script>` is escaped.
        if "html" in self.md.inlinePatterns:
            self.md.inlinePatterns.deregister("html")
        self._inline_cache: dict[str, Markup] = {}

    def inline(self, text: str) -> Markup:
        """Inline Markdown only: ``**bold**``, `code`, links; no paragraphs, lists or headings."""
        if text in self._inline_cache:
            return self._inline_cache[text]
        md = self.md
        md.reset()
        root = etree.Element("div")
        holder = etree.SubElement(root, "span")
        holder.text = text
        for name in ("inline", "unescape"):  # the block parser never sees quiz text
            if name in md.treeprocessors:
                result = md.treeprocessors[name].run(root)
                root = result if result is not None else root
        for element in root.iter():
            _neutralise(element)
        output = md.serializer(holder)
        output = output[len("<span>"):-len("</span>")] if output.startswith("<span>") else output
        for postprocessor in md.postprocessors:
            output = postprocessor.run(output)
        result = Markup(output.strip())
        self._inline_cache[text] = result
        return result

    def render(self, quiz: Quiz, language: str, uid: str | None = None) -> str:
        """The widget for ``quiz`` in ``language``; ``uid`` prefixes every HTML id on the page."""
        uid = uid or f"ctpat-quiz-{quiz.id}"
        s = quiz_strings(language)
        total = len(quiz.questions)
        questions = []
        for number, question in enumerate(quiz.questions, 1):
            options = [{
                "id": option.id,
                "html_id": f"{uid}-q{number}-o{index}",
                "text": self.inline(pick(option.text, language)),
                "correct": option.correct,
                "feedback": self.inline(pick(option.feedback, language)) if option.feedback else None,
            } for index, option in enumerate(question.options, 1)]
            correct = [o for o in options if o["correct"]]
            questions.append({
                "id": question.id,
                "html_id": f"{uid}-q{number}",
                "type": question.type,
                "input": "checkbox" if question.type == "multiple" else "radio",
                "shuffle": question.shuffle,
                "number": s["question_n"].format(n=number, total=total),
                "hint": s[f"hint_{question.type}"],
                "prompt": self.inline(pick(question.prompt, language)),
                "options": options,
                "correct": correct,
                "answer_label": s["answer_many"] if len(correct) > 1 else s["answer_one"],
                "feedback": [o for o in options if o["feedback"]],
                "explanation": (self.inline(pick(question.explanation, language))
                                if question.explanation else None),
            })
        # "Why: text" but "解析：text": no space after full-width punctuation.
        gap = "" if re.match(r"[\u3000-\u303f\uff00-\uffef]", s["why"][-1:]) else " "
        return templates.render(
            "quiz.html", uid=uid, quiz=quiz, s=s, questions=questions, why=s["why"] + gap,
            title=self.inline(pick(quiz.title, language)),
            intro=s["intro"].format(n=total, pass_mark=quiz.pass_mark),
            js_strings=json.dumps({key: s[key] for key in JS_STRINGS}, ensure_ascii=False,
                                  separators=(",", ":")))


def _neutralise(element: etree.Element) -> None:
    for name in list(element.attrib):
        lowered = name.lower()
        if lowered.startswith("on") or lowered == "style":
            del element.attrib[name]
        elif lowered in _URL_ATTRIBUTES and unsafe_url(element.attrib[name]):
            del element.attrib[name]
