"""Check every internal link and anchor of a built site: ``python3 tools/check_links.py site``.

MkDocs validates the links it sees in Markdown; this reads the HTML it wrote, so links
from the library, the quizzes, the glossary and the theme are checked too. Exits 1 when a
link is broken.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:text/html")


@dataclass(frozen=True)
class BrokenLink:
    page: str  # site-relative path of the page holding the link
    href: str
    problem: str

    def __str__(self) -> str:
        return f"{self.page}: link '{self.href}' {self.problem}"


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []  # (attribute, value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(key):
                self.ids.add(attrs[key])
        if tag == "a" and attrs.get("href") is not None:
            self.links.append(("href", attrs["href"]))
        elif tag in ("img", "script") and attrs.get("src"):
            self.links.append(("src", attrs["src"]))
        elif tag == "link" and attrs.get("href") and "alternate" not in (attrs.get("rel") or ""):
            self.links.append(("href", attrs["href"]))


def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8", errors="replace"))
    return collector


def check_site(site: Path) -> list[BrokenLink]:
    """Every broken internal link or anchor, and every script link, in ``site``."""
    site = site.resolve()
    pages = {p.relative_to(site).as_posix(): p for p in site.rglob("*.html")}
    parsed = {rel: _parse(path) for rel, path in pages.items()}
    broken = []
    for rel, page in sorted(parsed.items()):
        if rel == "404.html":
            continue  # served at any depth; its links start at the site root by design
        for _, href in page.links:
            problem = _check(site, rel, href, parsed)
            if problem:
                broken.append(BrokenLink(rel, href, problem))
    return broken


def _check(site: Path, rel: str, href: str, parsed: dict) -> str | None:
    lowered = href.strip().lower()
    if lowered.startswith(SCRIPT_SCHEMES):
        return "runs script; only web, mailto: and tel: links are allowed"
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None  # another host, mailto:, tel: (not ours to resolve)
    if not parts.path:
        target_rel = rel
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), unquote(parts.path)))
        if target.startswith(".."):
            return "points outside the site"
        path = site / target
        if path.is_dir():
            path = path / "index.html"
        if not path.exists():
            return "points to a missing page or file"
        target_rel = path.relative_to(site).as_posix()
    fragment = unquote(parts.fragment)
    if fragment and target_rel.endswith(".html"):
        ids = parsed[target_rel].ids if target_rel in parsed else set()
        if fragment not in ids:
            return f"points to a missing anchor '#{fragment}' in {target_rel}"
    return None


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Check internal links and anchors of a built site.")
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"))
    args = parser.parse_args(argv)
    broken = check_site(args.site)
    for link in broken:
        print(link)
    print(f"{len(broken)} broken link(s) in {args.site}")
    return 1 if broken else 0


if __name__ == "__main__":
    raise SystemExit(main())
