"""Keep the Chinese consistent: ``python3 tools/check_chinese.py``.

Two checks over every Chinese text a reader sees: the pages in docs_zh/, the ``zh`` text of
the quizzes and of the glossary, the interface strings (coursekit/strings.py) and the
Chinese labels in mkdocs.yml.

- Terminology: each variant that data/glossary.yml lists under ``avoid`` (for a term or a
  word of its ``vocabulary``) is reported with the file, the line, the variant and the
  preferred term: ``docs_zh/lessons/x.md:12: '单元' -> use '模块' (module)``.
- Typography: spacing between Chinese and Latin text or digits and full-width punctuation
  follow the convention of the ``autocorrect`` linter (configured in .autocorrectrc): a
  line it would change is reported with its corrected form. A spaced Western dash (" — ")
  in Chinese text is reported too: Chinese writes "——" without spaces (or "：" before an
  explanation, as the lessons' source lists do).

Exits 1 when anything is reported (CI runs it).
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from coursekit.model.glossary import GLOSSARY_FILE, parse_glossary  # noqa: E402
from coursekit.model.source import LineDict, LineList, load_config_yaml, load_yaml  # noqa: E402

_FENCE = re.compile(r"^[ \t]*(```|~~~)")
_HAN = re.compile(r"[\u3400-\u9fff]")
_SPACED_DASH = re.compile(r"(?<!\|) +— +(?!\|)")  # not a table cell that holds only a dash


@dataclass(frozen=True)
class Text:
    path: str
    line: int
    text: str


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def markdown_lines(path: Path, rel: str):
    """Every line of a Chinese page that is text (not code), with its number."""
    fence = None
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening[1] == fence:
                fence = None
            continue
        if opening:
            fence = opening[1]
            continue
        yield Text(rel, number, line)


def chinese_values(node, rel: str, line: int = 0, in_zh: bool = False):
    """The ``zh`` texts of a YAML tree (quizzes, glossary, mkdocs.yml labels), with lines."""
    if isinstance(node, LineDict):
        for key, value in node.items():
            yield from chinese_values(value, rel, node.line_of(key), in_zh or key in ("zh", "zh_hant") and key == "zh")
    elif isinstance(node, LineList):
        for index, value in enumerate(node):
            yield from chinese_values(value, rel, node.item_lines[index], in_zh)
    elif isinstance(node, str) and in_zh:
        yield Text(rel, line, node)


def sources(root: Path):
    """Every Chinese text of the course, as (kind, Text): kind is 'markdown' or 'text'."""
    for path in sorted((root / "docs_zh").rglob("*.md")):
        rel = path.relative_to(root).as_posix()
        for text in markdown_lines(path, rel):
            yield "markdown", text
    for path in sorted((root / "quizzes").glob("*.yml")):
        rel = path.relative_to(root).as_posix()
        for text in chinese_values(load_yaml(path.read_text(encoding="utf-8"), rel), rel):
            yield "text", text
    glossary = root / GLOSSARY_FILE
    for text in chinese_values(load_yaml(glossary.read_text(encoding="utf-8"), GLOSSARY_FILE), GLOSSARY_FILE):
        yield "text", text
    config = load_config_yaml((root / "mkdocs.yml").read_text(encoding="utf-8")) or {}
    for text in chinese_values(config.get("extra"), "mkdocs.yml"):
        yield "text", text
    strings_file = "hooks/coursekit/strings.py"
    lines = (root / strings_file).read_text(encoding="utf-8").split("\n")
    for key, value in interface_strings(root)["zh"].items():
        number = next((n for n, line in enumerate(lines, 1) if f'"{key}": ' in line and _HAN.search(line)), 0)
        yield "text", Text(strings_file, number, value)


def interface_strings(root: Path) -> dict:
    """STRINGS of the checked project's own hooks/coursekit (which may not be this checkout)."""
    package = root / "hooks" / "coursekit"
    name = f"_checked_coursekit_{abs(hash(str(package.resolve())))}"
    if f"{name}.strings" not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, package / "__init__.py",
                                                      submodule_search_locations=[str(package)])
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    return importlib.import_module(f"{name}.strings").STRINGS


def terminology(root: Path, texts) -> list[Finding]:
    glossary, problems, _ = parse_glossary((root / GLOSSARY_FILE).read_text(encoding="utf-8"))
    rules = [(variant, term) for term in glossary.everything for variant in term.avoid]
    findings = []
    for _, text in texts:
        for variant, term in rules:
            if variant in text.text:
                findings.append(Finding(text.path, text.line,
                                        f"'{variant}' -> use '{term.zh}' ({term.en})"))
    return findings


def typography(root: Path, texts) -> list[Finding]:
    import autocorrect_py

    rc = root / ".autocorrectrc"
    if rc.is_file():
        autocorrect_py.load_config(rc.read_text(encoding="utf-8"))
    findings = []
    seen_files = set()
    for kind, text in texts:
        if _HAN.search(text.text) and _SPACED_DASH.search(text.text):
            fixed = _SPACED_DASH.sub("——", text.text.strip())
            findings.append(Finding(text.path, text.line, f"write “{fixed}” (no spaced dash in Chinese)"))
        if kind == "markdown":
            if text.path in seen_files:
                continue
            seen_files.add(text.path)
            content = (root / text.path).read_text(encoding="utf-8")
            for line in autocorrect_py.lint_for(content, text.path).lines:
                findings.append(Finding(text.path, line.line, f"write “{line.new.strip()}”"))
        elif _HAN.search(text.text):
            fixed = autocorrect_py.format(text.text)
            if fixed != text.text:
                findings.append(Finding(text.path, text.line, f"write “{fixed}”"))
    return findings


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this checkout)")
    args = parser.parse_args(argv)
    texts = list(sources(args.root))
    findings = terminology(args.root, texts) + typography(args.root, texts)
    for finding in sorted(findings, key=lambda f: (f.path, f.line)):
        print(finding)
    print(f"{len(findings)} finding(s) in {len(texts)} Chinese texts")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
