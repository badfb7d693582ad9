"""Check every internal link and anchor of a built site: ``python3 tools/check_links.py site``."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from coursekit.linkcheck import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main())
