"""Task-list checkboxes with a name (axe: label, critical).

pymdownx.tasklist puts only the checkbox in its ``<label>`` and the item's text after it, so a
screen reader announces an unnamed checkbox. This Markdown postprocessor gives each task
item an id and its checkbox ``aria-labelledby`` that id; pages without task lists pass
through unchanged. It reads pymdownx's exact output (one form per list style), which the
tests pin.
"""

from __future__ import annotations

from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor

ITEM = '<li class="task-list-item">'
CHECKBOXES = ('<input type="checkbox" disabled/>', '<input type="checkbox" disabled checked/>')
STARTS = tuple(start + box for box in CHECKBOXES
               for start in ('<label class="task-list-control">', '', '<p><label class="task-list-control">', '<p>'))


class TaskLabelExtension(Extension):
    no_inline_syntax = True  # works on the tree or the output: see render/inline.py

    def extendMarkdown(self, md):
        md.postprocessors.register(_TaskLabels(md), "ctpat_task_labels", 5)


class _TaskLabels(Postprocessor):
    def run(self, text: str) -> str:
        if ITEM not in text:
            return text
        first, *items = text.split(ITEM)
        out = [first]
        for number, item in enumerate(items, 1):
            ident = f"ctpat-task-{number}"
            if item.lstrip().startswith(STARTS):
                box = next(b for b in CHECKBOXES if b in item)
                item = item.replace(box, box[:-2] + f' aria-labelledby="{ident}"/>', 1)
                out.append(f'<li class="task-list-item" id="{ident}">{item}')
            else:
                out.append(ITEM + item)
        return "".join(out)
