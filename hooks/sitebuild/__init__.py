"""What the hooks share: the build under way, and the adapter onto mkdocs-static-i18n.

MkDocs imports it (and ``coursekit``) once per process; the hooks in ``hooks/*.py`` reach
the build through :func:`sitebuild.state.current`. How the hooks touch a page, in order
(priority in brackets; MkDocs runs higher first; mkdocs-static-i18n is at -100):

| event | hook (priority) | what it does |
|---|---|---|
| on_startup | course | remembers build or serve |
| on_config | course (100) | a new Build for each `mkdocs build` or serve rebuild: every source read and checked |
| on_pre_build | course | stops with every problem at once (serve: shows them in the browser instead) |
| on_pre_build | lessons | tooltips and inline Markdown for the edition being built |
| on_files | languages (100), pages (50) | docs_zh/ pages, Traditional pages, generated pages added |
| on_files | languages (-110) | those pages given their real or generated source |
| on_nav | nav (-110) | modules in curriculum order, Library after Home, previous/next |
| on_env | template_cache | templates compiled once per process |
| on_page_markdown | languages (90) | the "not yet translated" notice; page text escaped for the theme |
| on_page_markdown | pages (80) | workshops, contact, role paths at their markers |
| on_page_content | pages | glossary table and course overview at their markers (before search) |
| on_page_context | search plugin (0) | Material's search indexes the page |
| on_page_context | pages (-70) | generated pages' bodies (library, print, ...) |
| on_page_context | lessons (-80) | the summary box under each lesson's H1 |
| on_page_context | quizzes (-100) | each quiz marker becomes its widget |
| on_page_context | languages (-110) | hreflang roots for the head |
| on_post_page | search (-50) | the page's search base points at its edition's index |
| on_post_build | search (-200) | one search index per edition, after i18n wrote the merged one |

Material's search indexes before the summary box and the quiz go in, so search holds the
lesson's own words, never quiz answers.
"""
