"""What the quiz templates print, prepared in Python: each text once, as safe HTML.

The templates only loop and place these values; calling ``md(text(...))`` from inside a
template for every option of every question cost several times the rendering itself.
"""

from __future__ import annotations

from types import SimpleNamespace as View  # attribute lookup: what Jinja tries first


def quiz_view(quiz, text, md, s: dict, uid: str = "") -> View:
    """``text``: the edition's picker of bilingual values; ``md``: inline Markdown (Markup);
    ``s``: the edition's interface strings; ``uid``: the prefix of the widget's HTML ids."""
    uid = uid or f"ctpat-quiz-{quiz.id}"
    total = len(quiz.questions)
    questions = []
    for number, question in enumerate(quiz.questions, 1):
        qid = f"{uid}-q{number}"
        options = [View(id=o.id, correct=o.correct, text=md(text(o.text)), input=f"{qid}-o{index}",
                        feedback=md(text(o.feedback)) if o.feedback else "")
                   for index, o in enumerate(question.options, 1)]
        right = [o for o in options if o.correct]
        questions.append(View(
            id=question.id, qid=qid, type=question.type, shuffle=question.shuffle,
            input_type="checkbox" if question.type == "multiple" else "radio",
            number=s["question_n"].format(n=number, total=total), hint=s["hint_" + question.type],
            prompt=md(text(question.prompt)), options=options, right=right,
            answer_label=s["answer_many"] if len(right) > 1 else s["answer_one"],
            explained=[o for o in options if o.feedback],
            explanation=md(text(question.explanation)) if question.explanation else ""))
    return View(id=quiz.id, uid=uid, hash=quiz.hash, pass_mark=quiz.pass_mark, title=md(text(quiz.title)),
                intro=s["quiz_intro"].format(n=total, pass_mark=quiz.pass_mark), questions=questions)
