"""The course in plain Python: nothing here imports MkDocs.

- ``model/``: the course's sources, read and checked (``settings`` from mkdocs.yml's
  ``extra:``, ``lessons``, ``quizzes``, ``glossary``, ``pages``), the whole course checked
  together (``course``) and its catalogue (``catalog``); every mistake is a ``Problem``.
- ``render/``: the HTML the course adds to pages, from Jinja templates that escape by
  default, plus inline Markdown for short author text and the tooltip and task-label
  Markdown extensions.
- ``languages``, ``strings``, ``traditional``, ``search``: editions, interface text,
  the Traditional Chinese conversion and the per-edition search index.

The MkDocs side is ``hooks/*.py`` and ``hooks/sitebuild/``; the command-line tools are in
``tools/``.
"""
