"""An offline copy of the site that works opened from disk: ``python3 tools/offline.py --out DIR``.

Builds the site with Material's ``offline`` plugin (links name their files; search reads its
index as a script and runs in an iframe, which the copy carries itself, instead of a worker
that browsers refuse from ``file://``) and writes ``DIR/ctpat-offline.zip``: unzip it on a
laptop or a USB stick and open ``ctpat-training/index.html``. Every edition, the quizzes, the
progress (kept in that browser) and search in each language work without a network.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = """INHERIT: mkdocs.yml
site_url: ""
extra:
  package: offline
  # Material would load this shim from unpkg.com; the copy carries its own.
  polyfills:
    - assets/ctpat/vendor/iframe-worker.js
"""
README = """CTPAT training, offline copy

Open index.html in this folder with a web browser (Chrome, Edge, Firefox or Safari).
Everything works without internet: the lessons in English, Simplified and Traditional
Chinese, the self-checks, search, the library and the final assessment. Progress is kept in
the browser you use; save it from the library page to move it to another device.
"""


def build(root: Path, site: Path) -> None:
    config = root / ".offline-build.yml"
    config.write_text(CONFIG, encoding="utf-8")
    try:
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config),
                                 "-d", str(site)], cwd=root, capture_output=True, text=True,
                                env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "CTPAT_OFFLINE": "true"})
    finally:
        config.unlink()
    if result.returncode != 0:
        raise SystemExit(f"the offline build failed:\n{result.stderr[-4000:]}")


def write_zip(site: Path, target: Path, folder: str = "ctpat-training") -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{folder}/README.txt", README)
        for path in sorted(site.rglob("*")):
            if path.is_file():
                archive.write(path, f"{folder}/{path.relative_to(site).as_posix()}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for ctpat-offline.zip")
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this checkout)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="ctpat-offline-") as tmp:
        site = Path(tmp) / "site"
        build(args.root, site)
        target = args.out / "ctpat-offline.zip"
        write_zip(site, target)
    print(f"wrote {target} ({target.stat().st_size // 1024} KB): unzip it and open ctpat-training/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
