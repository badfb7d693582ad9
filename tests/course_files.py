"""What the lesson, quiz and configuration files on disk say, read independently of the hooks' code.

The site and browser tests compare the built pages with this, so a bug in coursekit cannot
hide itself by producing both the page and the expectation. Editions: ``en`` (docs/), ``zh``
(docs_zh/) and ``zh-hant`` (docs_zh/ converted, or docs_zh_hant/ where a page is there).
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCES = {"en": ROOT / "docs", "zh": ROOT / "docs_zh", "zh-hant": ROOT / "docs_zh_hant"}
EDITIONS = ("en", "zh", "zh-hant")
# The authored language an edition shows, where it lives in the site, its <html lang>.
BASED_ON = {"en": "en", "zh": "zh", "zh-hant": "zh"}
PREFIX = {"en": "", "zh": "zh/", "zh-hant": "zh-hant/"}
HTML_LANG = {"en": "en", "zh": "zh", "zh-hant": "zh-Hant"}
# Characters that exist only in Simplified Chinese (their Traditional forms differ), written
# by hand: none may remain in a page of the Traditional edition.
SIMPLIFIED_ONLY = frozenset("这们个时说为会过对发关点国实检装货运输车门员证书认审标级条设备进应该将从议规则户间"
                            "处务业环区码险签单记录计题训练习项类报价厂库钥监摄头还没么样现经开动问办导")
QUIZ_MARKER = re.compile(r"^<!--[ \t]*quiz[ \t]*:[ \t]*([A-Za-z0-9_-]+)[ \t]*-->[ \t]*$", re.MULTILINE)


def _config_loader():
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    for tag in ("!ENV", "!relative"):  # MkDocs' own tags: the environment is not this reader's business
        Loader.add_constructor(tag, lambda loader, node: None)
    return Loader


_PARSED: dict = {}


def _read_once(path: Path, parse):
    """``parse(text)`` of a file, parsed once per change of the file (a fresh copy each call)."""
    key = (str(path), parse, path.stat().st_mtime_ns)
    if key not in _PARSED:
        _PARSED[key] = parse(path.read_text(encoding="utf-8"))
    return copy.deepcopy(_PARSED[key])


def _load_config_text(text: str) -> dict:
    return yaml.load(text, Loader=_config_loader())


def mkdocs_config(path: Path | None = None) -> dict:
    """mkdocs.yml, read without executing its !!python tags (MkDocs' !ENV and !relative read as None)."""
    return _read_once(path or ROOT / "mkdocs.yml", _load_config_text)


def extra() -> dict:
    """``extra:`` of mkdocs.yml, read without executing its !!python tags."""
    return mkdocs_config()["extra"]


def i18n_languages() -> dict:
    """``{locale: its entry}`` under the i18n plugin's ``languages:`` in mkdocs.yml."""
    for plugin in mkdocs_config()["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return {language["locale"]: language for language in plugin["i18n"]["languages"]}
    raise AssertionError("mkdocs.yml has no i18n plugin")


@dataclass(frozen=True)
class DiskLesson:
    rel: str                # lessons/practice/seals-vvtt.md
    content_language: str   # the authored language of the file that is shown (en or zh)
    meta: dict
    source: Path | None = None

    @property
    def id(self) -> str:
        return self.meta["id"]

    @property
    def key(self) -> tuple:
        return (self.meta["module"], self.meta["order"])

    @property
    def module(self) -> int:
        return self.meta["module"]

    @property
    def roles(self) -> list:
        return list(self.meta.get("roles") or [])

    @property
    def quiz(self) -> str | None:
        return self.meta.get("quiz")

    def site_path(self, language: str) -> str:
        """``zh/lessons/practice/seals-vvtt/`` (directory URLs); language is an edition."""
        prefix = "" if language == "en" else f"{language}/"
        return prefix + self.rel[:-len(".md")] + "/"

    def shown_language(self, edition: str) -> str:
        """The edition code the catalogue gives the lesson: the edition's own where it is
        translated, ``en`` where the English lesson is shown."""
        return "en" if self.content_language == "en" else edition


def front_matter(path: Path) -> dict:
    return _read_once(path, _front_matter_text)


def _front_matter_text(text: str) -> dict:
    lines = text.split("\n")
    assert lines[0].strip() == "---", "no front matter"
    end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    return yaml.safe_load("\n".join(lines[1:end]))


def lessons(language: str) -> list[DiskLesson]:
    """The lessons a reader of ``language`` (an edition) gets, in curriculum order (module,
    order): the Chinese file where there is one (for zh-hant: docs_zh_hant/, else docs_zh/),
    else the English file (the fallback)."""
    found = {}
    sources = {"en": ("en",), "zh": ("en", "zh"), "zh-hant": ("en", "zh", "zh-hant")}[language]
    for source_language in sources:
        base = SOURCES[source_language]
        if not (base / "lessons").is_dir():
            continue
        for path in (base / "lessons").rglob("*.md"):
            if path.name in ("index.md", "README.md"):
                continue
            rel = path.relative_to(base).as_posix()
            authored = "en" if source_language == "en" else "zh"
            found[rel] = DiskLesson(rel, authored, front_matter(path), path)
    return sorted(found.values(), key=lambda lesson: lesson.key)


def page_source(edition: str, rel: str) -> Path:
    """The Markdown file a page of ``edition`` is made from (``rel`` inside docs/)."""
    order = {"en": ("en",), "zh": ("zh", "en"), "zh-hant": ("zh-hant", "zh", "en")}[edition]
    for language in order:
        path = SOURCES[language] / rel
        if path.is_file():
            return path
    raise FileNotFoundError(rel)


def site_path_of(rel: str) -> str:
    """``lessons/x/y.md`` -> ``lessons/x/y/``; ``index.md`` -> ``""``; ``a/index.md`` -> ``a/``."""
    stem = rel[:-len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[:-len("index")]
    return stem + "/"


def pages(edition: str = "en") -> dict[str, Path]:
    """``{site path inside the edition: source file}`` of every Markdown page of ``edition``."""
    rels = set()
    for language in {"en": ("en",), "zh": ("en", "zh"), "zh-hant": ("en", "zh", "zh-hant")}[edition]:
        base = SOURCES[language]
        if base.is_dir():
            rels |= {p.relative_to(base).as_posix() for p in base.rglob("*.md")}
    return {site_path_of(rel): page_source(edition, rel) for rel in sorted(rels)}


def quiz_markers(path: Path) -> list[str]:
    """The quiz ids a page places, in order (its ``<!-- quiz: ID -->`` lines)."""
    return QUIZ_MARKER.findall(path.read_text(encoding="utf-8"))


def quiz(quiz_id: str) -> dict:
    return _read_once(ROOT / "quizzes" / f"{quiz_id}.yml", yaml.safe_load)


def question_count(quiz_id: str | None) -> int:
    return len(quiz(quiz_id)["questions"]) if quiz_id else 0


def quiz_hash(quiz_id: str) -> str:
    """The quiz's progress key as README.md defines it: the first 12 hex digits of the SHA-256
    of ``{"quiz": id, "questions": sorted [id, type, sorted [option id, correct]]}`` (JSON,
    sorted keys, no spaces). ``answer: true|false`` stands for the options true and false."""
    data = quiz(quiz_id)
    questions = []
    for question in data["questions"]:
        if "answer" in question:
            options = [["true", question["answer"] is True], ["false", question["answer"] is False]]
        else:
            options = [[str(o["id"]).lower() if isinstance(o["id"], bool) else str(o["id"]),
                        o.get("correct") is True] for o in question["options"]]
        questions.append([str(question["id"]), question["type"], sorted(options)])
    canonical = {"quiz": data["id"], "questions": sorted(questions)}
    text = json.dumps(canonical, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def label(kind: str, key, language: str) -> str:
    """The label of a module, level, audience, role or criterion from ``extra.course``
    (``language``: en or zh)."""
    return extra()["course"][kind][key][language]


def roles() -> dict:
    """``{job role id: {en, zh}}`` in the order mkdocs.yml declares them."""
    return dict(extra()["course"]["roles"])


def role_lessons(role: str, language: str) -> list[DiskLesson]:
    """The lessons whose ``roles:`` name ``role``, in curriculum order."""
    return [lesson for lesson in lessons(language) if role in lesson.roles]


def glossary() -> dict:
    return _read_once(ROOT / "data" / "glossary.yml", yaml.safe_load)


def bare(name: str) -> str:
    """A Chinese glossary name without its bracketed English: 安全概况（Security Profile） -> 安全概况."""
    return re.sub(r"[（(][^）)]*[）)]", "", name).strip() or name


def hours_minutes(minutes: int, language: str) -> str:
    hours, rest = divmod(minutes, 60)
    units = {"en": ("h", "min"), "zh": ("小时", "分钟"), "zh-hant": ("小時", "分鐘")}[language]
    if language == "en":
        parts = ([f"{hours} h"] if hours else []) + ([f"{rest} min"] if rest or not hours else [])
    else:
        parts = ([f"{hours} {units[0]}"] if hours else []) + ([f"{rest} {units[1]}"] if rest or not hours else [])
    return " ".join(parts)


# ---- reading a built site (BeautifulSoup, never regexes over HTML) ---------------------------

def soup_of(path: Path):
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


_SOUPS: dict = {}  # (path, mtime) -> soup, the most recently used last
_SOUPS_KEPT = 64   # a few editions' lessons: tests walk the same pages edition by edition


def page_soup(path: Path):
    """:func:`soup_of`, kept for the next test that reads the same page. Read only: never
    change the tree it returns."""
    key = (str(path), path.stat().st_mtime_ns)
    soup = _SOUPS.pop(key, None) or soup_of(path)
    _SOUPS[key] = soup
    while len(_SOUPS) > _SOUPS_KEPT:
        del _SOUPS[next(iter(_SOUPS))]
    return soup


def page_file(site: Path, site_path: str) -> Path:
    """The HTML file of ``site_path`` (``zh/lessons/x/y/``) in the built ``site``."""
    return site / site_path / "index.html"


def resolve(page_url: str, href: str) -> str:
    """The site path (``lessons/x/y/``) a relative link on the page at ``page_url`` leads to."""
    import posixpath

    href = href.split("#")[0].split("?")[0]
    target = posixpath.normpath(posixpath.join(page_url, href))
    return "" if target == "." else target.rstrip("/") + "/"


def text_of(node) -> str:
    """The text a reader sees, spaces collapsed (tooltips split it into several nodes)."""
    return " ".join(node.get_text().split())


def heading_text(node) -> str:
    """A heading's text without its permalink (¶)."""
    link = node.select_one("a.headerlink")
    text = node.get_text()
    if link is not None:
        text = text.replace(link.get_text(), "")
    return " ".join(text.split())


# ---- small projects built from the real configuration ------------------------------------------

def standalone_config(project: Path, site_url: str | None = None) -> None:
    """Make a mini project's mkdocs.yml (a copy of the real one) build without the real
    lessons: the workshops' lesson lists name lessons a mini project does not have."""
    config = project / "mkdocs.yml"
    text = re.sub(r"(?m)^[ \t]+lessons:[ \t]*\[[^\]\n]*\][ \t]*\n", "", config.read_text(encoding="utf-8"))
    if site_url is not None:
        text, count = re.subn(r'(?m)^site_url:.*$', f"site_url: {site_url}", text)
        assert count == 1, "mkdocs.yml has no top-level site_url line"
    config.write_text(text, encoding="utf-8")


# ---- mkdocs.yml edited as data, its !!python tags kept ------------------------------------------

class Tagged:
    """A ``!!python/...``, ``!ENV`` or ``!relative`` node of mkdocs.yml kept as written (never
    executed)."""

    def __init__(self, tag: str, value):
        self.tag, self.value = tag, value


def _tagged_loader():
    class Loader(yaml.SafeLoader):
        pass

    def construct(loader, suffix, node):
        tag = node.tag
        if isinstance(node, yaml.MappingNode):
            return Tagged(tag, loader.construct_mapping(node, deep=True))
        if isinstance(node, yaml.SequenceNode):
            return Tagged(tag, loader.construct_sequence(node, deep=True))
        return Tagged(tag, loader.construct_scalar(node))

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", construct)
    Loader.add_multi_constructor("!", construct)  # MkDocs' !ENV and !relative
    return Loader


class _TaggedDumper(yaml.SafeDumper):
    pass


def _represent_tagged(dumper, data: Tagged):
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_TaggedDumper.add_representer(Tagged, _represent_tagged)


def read_config(path: Path) -> dict:
    """A project's mkdocs.yml as data; its ``!!python``, ``!ENV`` and ``!relative`` tags survive
    :func:`write_config`."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_tagged_loader())


def write_config(path: Path, data: dict) -> None:
    path.write_text(yaml.dump(data, Dumper=_TaggedDumper, allow_unicode=True, sort_keys=False,
                              width=1000), encoding="utf-8")


def dump_yaml(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def i18n_entry(config: dict, locale: str) -> dict:
    """The i18n plugin's ``languages:`` entry for ``locale`` in a config read by read_config."""
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return next(language for language in plugin["i18n"]["languages"] if language["locale"] == locale)
    raise KeyError(locale)


def split_page(path: Path) -> tuple[dict, str]:
    """``(front matter, the rest of the file)`` of a Markdown page."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---"), path
    _, front, body = text.split("---", 2)
    return yaml.safe_load(front), body


def write_page(path: Path, meta: dict, body: str) -> None:
    path.write_text("---\n" + dump_yaml(meta) + "---" + body, encoding="utf-8")
