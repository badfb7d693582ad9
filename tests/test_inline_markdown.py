"""The inline Markdown shortcut (hooks/coursekit/render/inline.py, ``InlineMarkdown``).

Quiz questions, options and lesson objectives are short author texts rendered inline. When
every Markdown extension of the site is one whose inline syntax is known, a text without
Markdown characters skips the parser. A trainee must never see a difference: the shortcut's
output has to be exactly what the parser (``InlineMarkdown.convert``, the path without the
shortcut) makes of the same text, and an extension that gives plain characters a meaning
(``~~``, ``==``, ``^^``) must switch the shortcut off.
"""

from __future__ import annotations

import random

import pytest
from bs4 import BeautifulSoup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import reduce_list

import course_files as cf
from coursekit.render.inline import InlineMarkdown
from coursekit.render.tasklabels import TaskLabelExtension
from coursekit.render.tooltips import TooltipExtension

SEED = 20270318
SAMPLES = 4000
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
DIGITS = "0123456789"
CJK = "海关封条检查集装箱门卫模块课自测，。：；“”（）、「」"
# Characters with a meaning in Markdown's core inline syntax, raw HTML or attr_list.
MARKDOWN_SPECIALS = "*_[]<>&\\`!{}"
# Characters that mean something only next to those (a link's parentheses), only to
# extensions the site does not use (tilde, mark, caret), only at the start of a block (the
# inline renderer has none) or nothing at all.
OTHER_PUNCTUATION = "()~=^#|:.,;?'\"-+/%@$"
SPACES = "  \t\u3000"  # the plain space twice: the commonest
PLAIN_ALPHABET = LETTERS + DIGITS + CJK + OTHER_PUNCTUATION + SPACES
FULL_ALPHABET = PLAIN_ALPHABET + MARKDOWN_SPECIALS


def site_markdown_settings() -> tuple[list, dict]:
    """The ``markdown_extensions`` of mkdocs.yml as names and configs (MkDocs' ``!!python``
    values, such as the toc's slugify function, read as None and left out)."""
    names, configs = [], {}
    for item in cf.mkdocs_config()["markdown_extensions"]:
        if isinstance(item, dict):
            (name, options), = item.items()
            names.append(name)
            configs[name] = {key: value for key, value in (options or {}).items() if value is not None}
        else:
            names.append(item)
    return names, configs


def configured_settings() -> tuple[list, dict]:
    """The extensions ``InlineMarkdown`` gets in a build (sitebuild/state.py enter_edition):
    MkDocs' built-in ones ('toc', 'tables', 'fenced_code') and mkdocs.yml's, as MkDocs merges
    them, plus the tooltip and task-label extensions the hooks add."""
    names, configs = site_markdown_settings()
    configured = reduce_list(MkDocsConfig.markdown_extensions.builtins + names)
    return [*configured, TooltipExtension(), TaskLabelExtension()], configs


SETTINGS = {"mkdocs.yml": site_markdown_settings, "as-built": configured_settings}


class CountingInline(InlineMarkdown):
    """InlineMarkdown that records which texts went through the parser."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.parsed: list[str] = []

    def convert(self, text):
        self.parsed.append(text)
        return super().convert(text)


def random_texts(rng: random.Random, count: int) -> list[str]:
    """Distinct texts, half from an alphabet without Markdown's specials (the shortcut's
    case), half from one with them; lengths 0-30, some with spaces around or a newline."""
    texts: dict[str, None] = {}  # distinct texts, in the order drawn
    for index in range(count):
        alphabet = PLAIN_ALPHABET if index % 2 == 0 else FULL_ALPHABET
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        roll = rng.random()
        if roll < 0.1:
            text = " " + text + " "
        elif roll < 0.15:
            text = text + "\n" + text
        texts[text] = None
    return list(texts)


def test_the_site_extensions_from_mkdocs_yml_let_plain_text_skip_the_parser():
    names, configs = site_markdown_settings()
    inline = CountingInline(names, configs)
    assert inline.plain_shortcut, f"the site's extensions {names} should all be known to be plain-safe"
    assert str(inline("门卫检查封条 VVTT: view, verify, tug, twist")) == "门卫检查封条 VVTT: view, verify, tug, twist"
    assert inline.parsed == [], "a text without Markdown characters went through the parser"


@pytest.mark.parametrize("settings", SETTINGS)
def test_random_texts_render_the_same_with_and_without_the_shortcut(settings):
    names, configs = SETTINGS[settings]()
    inline = CountingInline(names, configs)
    oracle = InlineMarkdown(names, configs)  # its convert() is the parser's result, no shortcut
    rng = random.Random(SEED)
    mismatches = []
    texts = random_texts(rng, SAMPLES)
    for text in texts:
        shown = str(inline(text))
        parsed = str(oracle.convert(text))
        if shown != parsed:
            mismatches.append((text, shown, parsed))
    assert not mismatches, f"{len(mismatches)} texts differ, e.g. {mismatches[:5]}"
    # The comparison only means something if many texts took the shortcut (and many did not).
    shortcut_taken = len(texts) - len(inline.parsed)
    assert shortcut_taken >= SAMPLES // 4, f"only {shortcut_taken} of {len(texts)} texts skipped the parser"
    assert len(inline.parsed) >= SAMPLES // 4, "too few texts exercised the parser"


@pytest.mark.parametrize("text", [
    "", "   ", "CTPAT", "  海关-商贸反恐联盟  ", "第 3 模块：封条 #7 | a:b ~ c = d ^ e",
    "Tom's \"seal\" log", "a\u3000b",
])
def test_plain_author_texts_come_out_as_written(text):
    names, configs = site_markdown_settings()
    inline = InlineMarkdown(names, configs)
    assert str(inline(text)) == str(inline.convert(text)) == text.strip()


@pytest.mark.parametrize("extension, text, tag, content", [
    ("pymdownx.tilde", "The seal is ~~broken~~ intact", "del", "broken"),
    ("pymdownx.mark", "Check the ==seal number== twice", "mark", "seal number"),
    ("pymdownx.caret", "Log ^^every^^ seal", "ins", "every"),
], ids=["tilde", "mark", "caret"])
def test_an_extension_that_gives_plain_characters_a_meaning_turns_the_shortcut_off(extension, text, tag, content):
    names, configs = site_markdown_settings()
    inline = InlineMarkdown([*names, extension], configs)
    assert not inline.plain_shortcut
    html = BeautifulSoup(str(inline(text)), "html.parser")
    element = html.find(tag)
    assert element is not None and element.get_text() == content, str(html)


def test_the_shortcut_stays_on_with_the_extensions_mkdocs_actually_configures():
    """MkDocs adds its built-in extensions ('toc', 'tables', 'fenced_code') to the site's list
    and the hooks add the tooltip and task-label extensions: that is what ``InlineMarkdown``
    gets in a build (sitebuild/state.py enter_edition). With 'fenced_code' missing from
    PLAIN_SAFE the shortcut never ran in a real build."""
    configured, configs = configured_settings()
    assert InlineMarkdown(configured, configs).plain_shortcut, configured
