"""What the hooks share: the build under way, and the adapter onto mkdocs-static-i18n.

MkDocs imports it (and ``coursekit``) once per process; the hooks in ``hooks/*.py`` reach
the build through :func:`sitebuild.state.current`. How the hooks touch a page, in order
(priority in brackets; MkDocs runs higher first; mkdocs-static-i18n is at -100):

| event | hook (priority) | what it does |
|---|---|---|
| on_startup | course | remembers build or serve |
| on_config | course (100) | a new Build per `mkdocs build` or serve rebuild: every source read and checked; any problem stops the build with all of them (serve: shown in the browser) |
| on_config | theme (-110) | the edition's site name, description and copyright escaped for the theme |
| on_pre_build | course | the edition being built: inline Markdown, tooltips, strings |
| on_pre_build | search | jieba learns the glossary's Chinese words; before the Traditional edition, the Traditional form of its common words |
| on_files | languages (100), pages (50) | docs_zh/ pages, Traditional pages, generated pages added |
| on_files | languages (-110), pages (-120) | those pages given their source; the edition's catalog.json |
| on_files | course (-200) | with problems, no page at all (the preview shows the list) |
| on_nav | nav (-110) | modules in curriculum order, Library after Home, previous/next |
| on_env | template_cache (100), pages | templates compiled once per process; lessons' HTML kept for the print pages |
| on_page_markdown | languages (90) | title, description, subtitle escaped for the theme; the "not yet translated" notice |
| on_page_markdown | pages (80) | workshops, contact at their markers |
| on_page_content | pages | glossary table, course overview, role paths at their markers (before search) |
| on_page_context | search plugin (0) | Material's search indexes the page |
| on_page_context | theme | footer, logo alt text, link-preview tags |
| on_page_context | pages (-70) | generated pages' bodies (library, print, facilitator, ...) and their contents |
| on_page_context | lessons (-80) | the summary box under each lesson's H1 (and its QR code for print) |
| on_page_context | quizzes (-100) | each quiz marker becomes its widget |
| on_page_context | languages (-110) | hreflang roots for the head |
| on_template_context | theme | the 404 page in every edition |
| on_post_page | search (-50) | the page's search base points at its edition's index |
| on_post_build | theme (50) | the raw site name back for mkdocs-static-i18n's next edition |
| on_post_build | search (-200) | one search index per edition, after i18n wrote the merged one |
| on_post_build | course (-200) | serve with problems: the list at every page's address |

Material's search indexes before the summary box and the quiz go in, so search holds the
lesson's own words, never quiz answers.
"""
