"""The quiz widget's HTML, rendered on the server in the page's language.

The HTML works without JavaScript: every question is a ``fieldset`` with real inputs and
labels, and its right answer(s), feedback and explanation sit in a ``<details>``. quiz.js
hides those details and runs the interactive flow instead. Its interface strings travel in
``data-strings`` (from ``languages.QUIZ_STRINGS``), so the script holds no language text.

Quiz text is inline Markdown rendered with the site's own extensions
(``coursekit.inline_markdown``: raw HTML stays text, script links are dropped).
"""

from __future__ import annotations

import json
import re

from . import templates
from . import inline_markdown
from .languages import pick, quiz_strings
from .quizzes import Quiz

# The QUIZ_STRINGS keys quiz.js uses (the rest is rendered into the HTML directly).
JS_STRINGS = ("right", "wrong", "mark_ok", "mark_bad", "mark_missed", "choose", "progress",
              "score", "passed", "failed", "best", "restored", "cleared")


class QuizRenderer:
    """Renders quizzes for one build: ``QuizRenderer(extensions, configs).render(quiz, "zh")``.

    ``extensions`` and ``extension_configs`` are the site's Markdown settings (MkDocs'
    ``config.markdown_extensions`` and ``config.mdx_configs``).
    """

    def __init__(self, extensions=(), extension_configs=None):
        self.inline = inline_markdown.shared(extensions, extension_configs)

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
