"""The question bank for other systems: Moodle XML (``moodle.py``) and GIFT (``gift.py``).

Both formats carry the same bank, prepared here once: one category per quiz (self-checks in
curriculum order, then the assessment pool), every question named ``<quiz id>/<question
id>`` (stable: an LMS matches a re-import on it), and every text in all languages at once,
in Moodle's multi-language filter markup::

    <span lang="en" class="multilang">...</span><span lang="zh_cn" class="multilang">...</span>

(``zh_tw`` too when the Traditional edition is exported). Text is the authors' inline
Markdown rendered to HTML by the site's own renderer, so ``**Must**`` is bold in Moodle as on
the site and raw HTML in a quiz file stays text. Nothing here imports MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from ..languages import DEFAULT

# Moodle's language codes for the course's languages (its language packs' names).
MOODLE_LANGUAGES = {"en": "en", "zh": "zh_cn", "zh-hant": "zh_tw"}
# The grades Moodle accepts for an answer (question/format.php, get_grade_options), as
# fractions: an import with any other value fails ("grade not listed").
MOODLE_GRADES = (1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3,
                 0.25, 0.2, 0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0)


class ExportError(ValueError):
    """A quiz that a question bank format cannot carry (the message names quiz and question)."""


@dataclass(frozen=True)
class Answer:
    id: str
    text: str           # multi-language HTML
    percent: str        # Moodle's grade in percent, as written in the files: "100", "-100", "33.33333"
    correct: bool
    feedback: str       # multi-language HTML, or ""


@dataclass(frozen=True)
class BankQuestion:
    name: str           # "<quiz id>/<question id>": the question's name and idnumber
    type: str           # single | multiple | true_false
    prompt: str         # multi-language HTML
    answers: tuple[Answer, ...]
    explanation: str    # multi-language HTML, or "" (Moodle's general feedback)
    shuffle: bool


@dataclass(frozen=True)
class Category:
    id: str             # the quiz id
    path: str           # "$course$/top/<course>/<quiz id>", with "/" inside names doubled
    title: str          # multi-language HTML (the category's description)
    is_pool: bool
    questions: tuple[BankQuestion, ...]


def multilang(texts: dict[str, str]) -> str:
    """``{"en": html, "zh_cn": html}`` -> consecutive multilang spans (Moodle's filter finds
    them only when nothing but white space stands between them, and ends each at its first
    ``</span>``, so the HTML inside must hold no span: the inline renderer writes none)."""
    for html in texts.values():
        if "</span" in html.lower():
            raise ExportError(f"text with a <span> cannot go inside Moodle's multilang markup: {html[:80]}")
    return "".join(f'<span lang="{code}" class="multilang">{html}</span>' for code, html in texts.items())


def percent(fraction: float) -> str:
    """A Moodle grade as a percentage with at most 5 decimals: 1/3 -> "33.33333", 1 -> "100"."""
    text = f"{fraction * 100:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _grade(fraction: float, where: str) -> str:
    for allowed in MOODLE_GRADES:
        if abs(abs(fraction) - allowed) < 0.00001:
            return percent(allowed if fraction >= 0 else -allowed)
    raise ExportError(f"{where}: a right answer is worth {fraction * 100:.4g}%, which Moodle does not accept "
                      "(it takes 1/1 to 1/10 of the mark per answer); mark fewer options correct")


def quiz_order(course) -> list:
    """The course's quizzes: self-checks in the order their lessons come (curriculum order),
    then any other self-check by id, then the assessment pools."""
    seen, ordered = set(), []
    for lesson in course.lessons.get(DEFAULT, []):
        quiz = course.quizzes.get(getattr(lesson, "quiz", None) or "")
        if quiz is not None and quiz.id not in seen and not quiz.is_pool:
            seen.add(quiz.id)
            ordered.append(quiz)
    rest = sorted((q for q in course.quizzes.values() if q.id not in seen), key=lambda q: (q.is_pool, q.id))
    return ordered + rest


def question_bank(quizzes: Iterable, md: Callable[[str], str] | None = None,
                  convert: Callable[[str], str] | None = None, course_name: str = "Course") -> list[Category]:
    """The bank of ``quizzes`` (coursekit Quiz objects). ``md``: inline Markdown -> HTML (the
    site's renderer by default); ``convert``: Simplified -> Traditional Chinese, to add the
    ``zh_tw`` text (None: English and Simplified Chinese only)."""
    if md is None:
        from ..render.inline import InlineMarkdown

        md = InlineMarkdown()

    def text(value: dict | None) -> str:
        if not value:
            return ""
        texts = {MOODLE_LANGUAGES["en"]: str(md(value["en"])), MOODLE_LANGUAGES["zh"]: str(md(value["zh"]))}
        if convert is not None:
            texts[MOODLE_LANGUAGES["zh-hant"]] = str(md(convert(value["zh"])))
        return multilang(texts)

    root = "$course$/top/" + course_name.replace("/", "//")
    categories = []
    for quiz in quizzes:
        questions = []
        for question in quiz.questions:
            name = f"{quiz.id}/{question.id}"
            right = [o for o in question.options if o.correct]
            if not right:
                raise ExportError(f"{name}: no option is marked correct")
            if question.type == "multiple":
                share = _grade(1 / len(right), name)
                grades = {o.id: share if o.correct else "-100" for o in question.options}
            else:
                grades = {o.id: "100" if o.correct else "0" for o in question.options}
            answers = tuple(Answer(o.id, text(o.text), grades[o.id], o.correct, text(o.feedback))
                            for o in question.options)
            questions.append(BankQuestion(name, question.type, text(question.prompt), answers,
                                          text(question.explanation), question.shuffle))
        categories.append(Category(quiz.id, f"{root}/{quiz.id}", text(quiz.title), quiz.is_pool, tuple(questions)))
    return categories
