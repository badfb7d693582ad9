"""A mistyped date in mkdocs.yml becomes the course check's message, not a traceback.

MkDocs reads mkdocs.yml with PyYAML, which turns ``2027-13-01`` into a date and raises
ValueError ("month must be in 1..12") before any hook can run: a 40-line traceback for a
consultancy's typing slip. ``pip install .`` puts this module beside the project's packages
with a ``.pth`` line that imports it when Python starts ``mkdocs``: such a value then stays
text, and the course check reports ``extra.workshops[N].date: '2027-13-01' is not a date``.
Valid dates, and every other program, are unchanged.
"""

import os
import sys


def _is_mkdocs() -> bool:
    args = getattr(sys, "orig_argv", sys.argv)[:4]
    return any(os.path.basename(arg) == "mkdocs" or arg == "mkdocs" for arg in args)


def install() -> None:
    import yaml

    loaders = [getattr(yaml, name) for name in ("SafeLoader", "FullLoader", "Loader", "UnsafeLoader",
                                                 "CSafeLoader", "CFullLoader", "CLoader") if hasattr(yaml, name)]
    original = yaml.SafeLoader.yaml_constructors["tag:yaml.org,2002:timestamp"]
    if getattr(original, "tolerant", False):
        return  # installed already (a .pth can be read twice)

    def timestamp(loader, node):
        try:
            return original(loader, node)
        except ValueError:
            return loader.construct_scalar(node)

    timestamp.tolerant = True
    for loader in loaders:
        loader.add_constructor("tag:yaml.org,2002:timestamp", timestamp)


if _is_mkdocs():
    try:
        install()
    except ImportError:  # PyYAML not installed: MkDocs will say so itself
        pass
