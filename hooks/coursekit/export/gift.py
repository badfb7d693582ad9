"""The question bank in GIFT (Question bank > Import > GIFT format), for Moodle and the other
systems that read it.

::

    $CATEGORY: $course$/top/<course>/<quiz id>

    ::<quiz id>/<question id>::[html]<prompt>{
    \t=<right answer>#<its feedback>
    \t~<wrong answer>#<its feedback>
    \t####<explanation>
    }

A multiple-answer question weights its options (``~%50%``, ``~%-100%``) as the Moodle XML
file does; a true/false question is ``{TRUE#<feedback when answered wrong>#<feedback when
answered right>####<explanation>}``. The texts are the same multi-language HTML as in the
Moodle XML file, with GIFT's special characters (``~ = # { } :`` and the backslash)
escaped by a backslash and line breaks written as ``\\n``. GIFT has no idnumber and no
shuffle setting: the stable id is the question's name, and Moodle shuffles by its default.
"""

from __future__ import annotations

from . import Category, question_bank

_SPECIAL = {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:",
            "\n": "\\n", "\r": ""}


def escape(text: str) -> str:
    """Text as GIFT writes it: ``a=b`` -> ``a\\=b`` (Moodle's own exporter does the same)."""
    return "".join(_SPECIAL.get(char, char) for char in text)


def question_gift(question) -> list[str]:
    head = f"::{escape(question.name)}::[html]{escape(question.prompt)}"
    general = f"####{escape(question.explanation)}" if question.explanation else ""
    if question.type == "true_false":
        by_id = {answer.id: answer for answer in question.answers}
        truth = by_id["true"].correct
        right, wrong = (by_id["true"], by_id["false"]) if truth else (by_id["false"], by_id["true"])
        answer = "TRUE" if truth else "FALSE"
        if wrong.feedback or right.feedback:
            answer += f"#{escape(wrong.feedback)}"
        if right.feedback:
            answer += f"#{escape(right.feedback)}"
        return [head + "{" + answer + general + "}"]
    lines = [head + "{"]
    for answer in question.answers:
        if question.type == "single":
            mark = "=" if answer.correct else "~"
        else:
            mark = f"~%{answer.percent}%"
        feedback = f"#{escape(answer.feedback)}" if answer.feedback else ""
        lines.append(f"\t{mark}{escape(answer.text)}{feedback}")
    if general:
        lines.append(f"\t{general}")
    return lines + ["}"]


def to_gift(categories: list[Category], comment: str = "") -> str:
    blocks = [[f"// {line}" for line in comment.splitlines()]] if comment else []
    for category in categories:
        blocks.append([f"$CATEGORY: {category.path}"])
        for question in category.questions:
            blocks.append(question_gift(question))
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def gift(quizzes, md=None, convert=None, course_name: str = "Course", comment: str = "") -> str:
    """The GIFT file of ``quizzes`` (see :func:`coursekit.export.question_bank`)."""
    return to_gift(question_bank(quizzes, md, convert, course_name), comment)
