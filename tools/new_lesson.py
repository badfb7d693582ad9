"""Start a lesson in both languages with its self-check: ``python3 tools/new_lesson.py``.

Asks for (or takes as options) the module, the lesson id and its title in English and
Chinese, picks the next free ``order`` in that module, and writes

    docs/lessons/<module folder>/<id>.md       the English lesson
    docs_zh/lessons/<module folder>/<id>.md    its Chinese twin
    quizzes/<id>.yml                           a one-question self-check

They build at once (``mkdocs build --strict`` passes); every place left to write says TODO,
and the build lists those places until they are filled in.

    python3 tools/new_lesson.py --module 3 --id cyber-basics \\
        --title-en "Cybersecurity basics" --title-zh "网络安全基础"
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from coursekit.model.settings import check_settings  # noqa: E402
from coursekit.model.source import load_config_yaml, split_front_matter  # noqa: E402

KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

LESSON = {
    "en": """---
id: {id}
module: {module}
order: {order}
title: {title}
duration: 15
level: {level}
audience: [{audience}]
objectives:
  - "TODO: what the trainee can do after this lesson (one line per objective)"
roles: [{role}]
discussion:
  - "TODO: a question a trainer asks the group about their own site"
quiz: {id}
---

# {heading}

TODO: why this matters on the trainee's site, in two or three sentences.

## TODO: the first topic

TODO: the teaching text, with at least one practical element: a checklist, a table or a worked
scenario a factory could use the next day.

## Key points

- TODO: the points to remember

## Check yourself

<!-- quiz: {id} -->

## Sources

- TODO: [the source](https://www.cbp.gov/) — what it supports
""",
    "zh": """---
id: {id}
module: {module}
order: {order}
title: {title}
duration: 15
level: {level}
audience: [{audience}]
objectives:
  - "TODO：学完本课后学员能做到什么（每条目标一行）"
roles: [{role}]
discussion:
  - "TODO：讲师就学员本厂情况提出的讨论题"
quiz: {id}
---

# {heading}

TODO：用两三句话说明这件事对学员所在工厂为什么重要。

## TODO：第一个主题

TODO：课文，至少包含一项实用内容：检查清单、表格，或工厂第二天就能用上的实例。

## 要点

- TODO：需要记住的要点

## 自测

<!-- quiz: {id} -->

## 资料来源

- TODO：[资料名称](https://www.cbp.gov/)：支持哪些内容
""",
}

QUIZ = """id: {id}
title: {{en: {title_en}, zh: {title_zh}}}
pass_mark: 80
shuffle: true
questions:
  - id: q1
    type: single
    skill: apply
    prompt: {{en: "TODO: a situation on the floor and the decision to make", zh: "TODO：现场的一个情形，以及需要作出的决定"}}
    options:
      - {{id: a, text: {{en: "TODO: the right action", zh: "TODO：正确的做法"}}, correct: true}}
      - {{id: b, text: {{en: "TODO: a shortcut people really take", zh: "TODO：现场常见的一种省事做法"}}, feedback: {{en: "TODO: why it is wrong", zh: "TODO：为什么不对"}}}}
    explanation: {{en: "TODO: the rule and where it comes from", zh: "TODO：依据的规定及出处"}}
"""


def yaml_text(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML scalar


def next_order(root: Path, folder: str) -> int:
    orders = []
    for path in (root / "docs" / "lessons" / folder).glob("*.md"):
        try:
            order = split_front_matter(path.read_text(encoding="utf-8"), str(path)).meta.get("order")
        except Exception:  # noqa: BLE001 - a broken lesson is reported by the build, not here
            continue
        if isinstance(order, int):
            orders.append(order)
    return max(orders, default=0) + 1


def ask(prompt: str, value, check, error, option: str) -> str:
    """``value`` once ``check`` accepts it, asking again at a terminal; ``error(value)`` says why
    not. Without a terminal (a script, CI) a refused value ends the command with that reason."""
    while value is None or not check(value):
        if value is not None:
            print(error(value), file=sys.stderr)
        if not sys.stdin.isatty():
            raise SystemExit(2 if value is not None else f"no terminal to ask at: give {option}")
        value = input(prompt).strip()
    return value


def _id_problem(root: Path, value: str) -> str:
    if not KEBAB.match(value):
        return f"'{value}' is not an id: use lower-case letters, digits and hyphens (e.g. cyber-basics)"
    taken = [p for base in ("docs", "docs_zh") for p in (root / base / "lessons").rglob(f"{value}.md")]
    quiz = root / "quizzes" / f"{value}.yml"
    where = (taken + [quiz] if quiz.exists() else taken)[0]
    return f"'{value}' is already taken by {where.relative_to(root).as_posix()}: choose another id"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", type=int, help="module number (extra.course.modules in mkdocs.yml)")
    parser.add_argument("--id", help="lesson id: lower-case words joined by hyphens (the file name)")
    parser.add_argument("--title-en", help="the lesson's title in English")
    parser.add_argument("--title-zh", help="the lesson's title in Chinese")
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this checkout)")
    args = parser.parse_args(argv)
    root = args.root
    config = load_config_yaml((root / "mkdocs.yml").read_text(encoding="utf-8")) or {}
    settings, problems = check_settings(config.get("extra") or {}, config, root / "docs")
    if not settings.modules:
        print("mkdocs.yml declares no modules (extra.course.modules); fix it first", file=sys.stderr)
        return 2
    modules = ", ".join(f"{n} ({m.folder})" for n, m in settings.modules.items())
    module = int(ask(f"Module [{modules}]: ", args.module, lambda v: str(v).isdigit() and int(v) in settings.modules,
                     lambda v: f"module '{v}' does not exist: choose one of {modules}", "--module N"))
    existing = {p.stem for base in ("docs", "docs_zh") for p in (root / base / "lessons").rglob("*.md")}
    lesson_id = ask("Lesson id (e.g. cyber-basics): ", args.id,
                    lambda v: bool(KEBAB.match(v)) and v not in existing and not (root / "quizzes" / f"{v}.yml").exists(),
                    lambda v: _id_problem(root, v), "--id LESSON-ID")
    title_en = ask("Title in English: ", args.title_en, lambda v: bool(v.strip()), lambda v: "give a title", "--title-en TEXT")
    title_zh = ask("Title in Chinese: ", args.title_zh, lambda v: bool(v.strip()), lambda v: "give a title",
                   "--title-zh TEXT")
    folder = settings.modules[module].folder
    values = {"id": lesson_id, "module": module, "order": next_order(root, folder),
              "level": next(iter(settings.levels)), "audience": next(iter(settings.audiences)),
              "role": next(iter(settings.roles), "")}
    written = []
    for language, base, title in (("en", "docs", title_en), ("zh", "docs_zh", title_zh)):
        path = root / base / "lessons" / folder / f"{lesson_id}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = LESSON[language].format(**values, title=yaml_text(title), heading=title)
        if not values["role"]:
            text = text.replace("roles: []\n", "")
        path.write_text(text, encoding="utf-8")
        written.append(path)
    quiz = root / "quizzes" / f"{lesson_id}.yml"
    quiz.write_text(QUIZ.format(id=lesson_id, title_en=yaml_text(f"Check yourself: {title_en}"),
                                title_zh=yaml_text(f"自测：{title_zh}")), encoding="utf-8")
    written.append(quiz)
    for path in written:
        print(f"wrote {path.relative_to(root)}")
    print(f"module {module}, order {values['order']}; fill in every TODO (the build lists them), then set "
          "'duration' to the minutes the lesson takes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
