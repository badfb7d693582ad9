"""Page weight: the bytes a reader downloads for one built page, resolved from the built site.

Counts the HTML, every ``<script src>``, ``<link rel=stylesheet>``, ``<link rel=icon>`` and
``<img src>`` on the page, plus what Material's JavaScript fetches on every page load: the
search worker (``search`` in the page's ``__config`` JSON) and the search index
(``<base>/search/search_index.json``; for a Chinese page the languages hook points ``base``
at ``zh/``). Raw and gzipped (level 6) bytes per file.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from measure import file_sizes, sizes

ORIGIN = "http://site.invalid/"


def _site_file(site: Path, url: str) -> Path | None:
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}/" != ORIGIN:
        return None
    path = unquote(parts.path).lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return site / path


def page_assets(site: Path, url_path: str) -> tuple[bytes, list[tuple[str, str]], list[str], int]:
    """(html bytes, [(kind, absolute url)], external urls, inline script count) of one page."""
    page_url = urljoin(ORIGIN, url_path.lstrip("/"))
    html_path = _site_file(site, page_url)
    html = html_path.read_bytes()
    soup = BeautifulSoup(html, "html.parser")
    found: list[tuple[str, str]] = []
    for tag in soup.find_all("script"):
        if tag.get("src"):
            found.append(("js", urljoin(page_url, tag["src"])))
    for tag in soup.find_all("link", href=True):
        rel = [r.lower() for r in tag.get("rel", [])]
        if "stylesheet" in rel:
            found.append(("css", urljoin(page_url, tag["href"])))
        elif "icon" in rel:
            found.append(("icon", urljoin(page_url, tag["href"])))
    for tag in soup.find_all("img", src=True):
        if not tag["src"].startswith("data:"):
            found.append(("img", urljoin(page_url, tag["src"])))
    config_tag = soup.find("script", id="__config")
    if config_tag is not None:
        app = json.loads(config_tag.string)
        if app.get("search"):
            found.append(("search worker", urljoin(page_url, app["search"])))
        base = urljoin(page_url, app.get("base", ".").rstrip("/") + "/")
        found.append(("search index", urljoin(base, "search/search_index.json")))
    inline = sum(1 for tag in soup.find_all("script")
                 if not tag.get("src") and tag.get("type") not in ("application/json",))
    unique, seen, external = [], set(), []
    for kind, url in found:
        url = url.split("#", 1)[0]
        if url in seen:
            continue
        seen.add(url)
        if url.startswith(ORIGIN):
            unique.append((kind, url))
        else:
            external.append(url)
    return html, unique, external, inline


def page_weight(site: Path, url_path: str) -> dict:
    html, assets, external, inline = page_assets(site, url_path)
    rows, by_kind = [], {}
    total = dict(sizes(html))
    for kind, url in assets:
        path = _site_file(site, url)
        if path is None or not path.exists():
            rows.append({"kind": kind, "path": url[len(ORIGIN):], "missing": True})
            continue
        s = file_sizes(path)
        rows.append({"kind": kind, "path": url[len(ORIGIN):], **s})
        group = by_kind.setdefault(kind, {"raw": 0, "gz": 0})
        for key in ("raw", "gz"):
            group[key] += s[key]
            total[key] += s[key]
    return {"page": url_path, "html": sizes(html), "by_kind": by_kind, "assets": rows,
            "total": total, "external": external, "inline_scripts": inline}


def delta(with_quiz: dict, without_quiz: dict) -> dict:
    return {key: with_quiz["total"][key] - without_quiz["total"][key] for key in ("raw", "gz")}


def extra_assets(with_quiz: dict, without_quiz: dict) -> list[str]:
    """Files the page with the quiz loads that the page without it does not."""
    before = {row["path"] for row in without_quiz["assets"]}
    return [row["path"] for row in with_quiz["assets"] if row["path"] not in before]
