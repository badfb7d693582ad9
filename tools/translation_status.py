"""List missing and outdated translations: ``python3 tools/translation_status.py [--strict]``.

Exits 1 when a page or quiz text is missing in either language (with --strict, also when a
Chinese page is older than its English source).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from coursekit.translation_status import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main())
