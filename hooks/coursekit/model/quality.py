"""How well the course teaches: honest durations and quizzes without test-taking cues.

- :func:`duration_warnings`: a lesson's stated ``duration`` against its reading time (English
  words at 180 a minute, Chinese characters at 300 a minute, whichever is longer) plus its
  self-check (a minute a question, two for a decision question); a gap of more than half
  either way is a warning with the figure to write.
- :func:`quiz_report`: per quiz and for the course, where the correct single-choice answers
  sit (a, b, c, d), how often the correct option is the longest, the true/false share and
  balance, multiple-select questions whose options are mostly correct, and the share of
  decision questions (``skill: apply`` or ``analyse``); :func:`quiz_warnings` turns what is
  off into warnings naming the file and question.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from ..problems import Problem
from .quizzes import DECISIONS

WORDS_PER_MINUTE = 180
HAN_PER_MINUTE = 300
MINUTES_PER_QUESTION = 1.0
MINUTES_PER_DECISION = 2.0
DURATION_TOLERANCE = 0.5          # warn beyond +-50 % of the estimate
LONGEST_CORRECT_MAX = 0.40        # share of single-choice questions whose answer is the longest
POSITION_SHARE_MAX = 0.40         # no position holds more than this share of the answers
TRUE_FALSE_MAX = 0.20             # share of true/false questions
DECISION_SHARE_MIN = {None: 0.5}  # course-wide; per module below (module 3 is practice)
DECISION_SHARE_MIN_MODULE = {3: 0.7}


def estimate_minutes(words: int, han: int, quiz) -> float:
    reading = max(words / WORDS_PER_MINUTE, han / HAN_PER_MINUTE)
    quiz_time = 0.0
    if quiz is not None:
        quiz_time = sum(MINUTES_PER_DECISION if q.skill in DECISIONS else MINUTES_PER_QUESTION
                        for q in quiz.questions)
    return reading + quiz_time


def duration_warnings(course) -> list[Problem]:
    """One warning per lesson (English file, for both languages) whose duration is far off."""
    warnings = []
    for lesson in course.lessons.get("en", []):
        english = course.pages.get(("en", lesson.rel))
        chinese = course.pages.get(("zh", lesson.rel))
        words = english.words if english else 0
        han = chinese.han if chinese else 0
        estimate = estimate_minutes(words, han, course.quizzes.get(lesson.quiz))
        # Durations are given in steps of 5 minutes: the suggestion itself never warns.
        suggested = max(5, 5 * math.ceil(estimate / 5))
        if estimate and lesson.duration != suggested and abs(lesson.duration - estimate) > DURATION_TOLERANCE * estimate:
            warnings.append(Problem(
                lesson.path, lesson.lines.get("duration"),
                f"'duration' is {lesson.duration} minutes, but the text ({words} words; {han} Chinese "
                f"characters) and its self-check take about {estimate:.0f}",
                f"write 'duration: {suggested}' in both languages, or add the exercise the time is for"))
    return warnings


@dataclass
class QuizStats:
    name: str
    questions: int = 0
    single: int = 0
    positions: Counter = field(default_factory=Counter)   # "a".."d" of the correct single answer
    longest: int = 0            # single questions whose correct option is the longest
    true_false: int = 0
    true_answers: int = 0
    mostly_correct: list = field(default_factory=list)  # multiple-select question ids
    decisions: int = 0
    untagged: list = field(default_factory=list)  # question ids without `skill`

    def add(self, other: "QuizStats") -> None:
        for name in ("questions", "single", "longest", "true_false", "true_answers", "decisions"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.positions.update(other.positions)
        self.mostly_correct += other.mostly_correct
        self.untagged += other.untagged


def quiz_stats(quiz, language: str = "en") -> QuizStats:
    stats = QuizStats(quiz.id, questions=len(quiz.questions))
    for question in quiz.questions:
        if question.skill in DECISIONS:
            stats.decisions += 1
        if not question.skill:
            stats.untagged.append(question.id)
        if question.type == "true_false":
            stats.true_false += 1
            stats.true_answers += any(o.id == "true" and o.correct for o in question.options)
        elif question.type == "single":
            stats.single += 1
            index = next(i for i, o in enumerate(question.options) if o.correct)
            stats.positions["abcdefgh"[index] if index < 8 else "other"] += 1
            lengths = [len(o.text.get(language, "")) for o in question.options]
            if lengths[index] == max(lengths) and lengths.count(max(lengths)) == 1:
                stats.longest += 1
        elif question.type == "multiple":
            if sum(o.correct for o in question.options) * 2 > len(question.options):
                stats.mostly_correct.append(question.id)
    return stats


def quiz_report(course) -> tuple[dict, dict, QuizStats]:
    """``({quiz id: stats}, {module: stats}, course stats)`` of the lessons' self-checks."""
    module_of = {lesson.quiz: lesson.module for lesson in course.lessons.get("en", []) if lesson.quiz}
    per_quiz, per_module, total = {}, {}, QuizStats("course")
    for quiz_id, quiz in sorted(course.quizzes.items()):
        if quiz.is_pool or quiz_id not in module_of:
            continue
        stats = quiz_stats(quiz)
        per_quiz[quiz_id] = stats
        per_module.setdefault(module_of[quiz_id], QuizStats(f"module {module_of[quiz_id]}")).add(stats)
        total.add(stats)
    return per_quiz, per_module, total


def quiz_warnings(course) -> list[Problem]:
    per_quiz, per_module, total = quiz_report(course)
    warnings = []
    for quiz_id, stats in per_quiz.items():
        quiz = course.quizzes[quiz_id]
        questions = {q.id: q for q in quiz.questions}
        for question_id in stats.mostly_correct:
            warnings.append(Problem(quiz.path, questions[question_id].line,
                                    f"question {question_id}: most of its options are correct, so ticking most boxes pays",
                                    "make at most half of the options correct"))
        for question_id in stats.untagged:
            warnings.append(Problem(quiz.path, questions[question_id].line,
                                    f"question {question_id} has no 'skill'",
                                    "add 'skill: recall', 'understand', 'apply' or 'analyse'"))
        if stats.single >= 3 and max(stats.positions.values(), default=0) == stats.single:
            position = stats.positions.most_common(1)[0][0]
            warnings.append(Problem(quiz.path, quiz.line, f"every single-choice answer is option {position}",
                                    "move the correct options to different places (a, b, c, d)"))
        if stats.single >= 3 and stats.longest == stats.single:
            warnings.append(Problem(quiz.path, quiz.line, "in every single-choice question the correct option "
                                    "is the longest", "make the right answer no longer than the plausible wrong ones"))
        if stats.true_false > 1:
            warnings.append(Problem(quiz.path, quiz.line, f"{stats.true_false} true/false questions",
                                    "keep at most one; turn the others into 'which action' questions"))
    path = "quizzes/"
    if total.single >= 8:
        position, count = total.positions.most_common(1)[0]
        if count > POSITION_SHARE_MAX * total.single:
            warnings.append(Problem(path, None, f"course: option {position} is the correct answer in {count} of "
                                    f"{total.single} single-choice questions", "spread the answers over a, b, c and d"))
        if total.longest > LONGEST_CORRECT_MAX * total.single:
            warnings.append(Problem(path, None, f"course: the correct option is the longest in {total.longest} of "
                                    f"{total.single} single-choice questions", "make the right answer no longer than "
                                    "the plausible wrong ones"))
    if total.questions:
        if total.true_false > TRUE_FALSE_MAX * total.questions:
            warnings.append(Problem(path, None, f"course: {total.true_false} of {total.questions} questions are "
                                    "true/false", "turn some into questions with real alternatives"))
        if total.true_false >= 4 and abs(2 * total.true_answers - total.true_false) > total.true_false / 2:
            warnings.append(Problem(path, None, f"course: {total.true_answers} of {total.true_false} true/false "
                                    "answers are 'true'", "balance true and false"))
        for module, minimum in [(None, DECISION_SHARE_MIN[None]), *DECISION_SHARE_MIN_MODULE.items()]:
            stats = total if module is None else per_module.get(module)
            if stats and stats.questions and stats.decisions < minimum * stats.questions:
                where = "course" if module is None else f"module {module}"
                warnings.append(Problem(path, None, f"{where}: {stats.decisions} of {stats.questions} questions ask "
                                        f"for a decision (apply or analyse), under {minimum:.0%}",
                                        "put the trainee in a situation and ask what they would do"))
    return warnings
