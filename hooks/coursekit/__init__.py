"""Course logic for the CTPAT training site.

Pure Python: nothing in this package imports MkDocs, so the rules for lessons, quizzes,
the glossary and the library can be unit-tested directly and moved to another site
generator. The thin MkDocs hooks in ``hooks/*.py`` call into it.
"""

LANGUAGES = ("en", "zh")
DEFAULT_LANGUAGE = "en"
