"""Which step definition a sentence of a feature file uses, and the step catalog page.

Sentences come from ``speckit.features.sentences`` (gherkin-official's
compiled scenarios, as pytest-bdd runs them); definitions and their matching
from ``speckit.catalog``. No MkDocs here.
"""

from __future__ import annotations

import html
import importlib
from collections import defaultdict
from collections.abc import Sequence

from docs._hooks.markup import fence, table, text


def definition_for(definitions, keyword: str, sentence: str):
    """The first definition that runs the sentence, or None (an undefined step)."""
    return next((d for d in definitions if d.runs(keyword, sentence)), None)


def split_example(example: str) -> tuple[str, str]:
    """``"Given the XOR data set"`` -> ``("given", "the XOR data set")``."""
    keyword, _, rest = example.strip().partition(" ")
    return keyword.lower(), rest.strip()


# --- the catalog page


def anchor(definition) -> str:
    return f"step-{definition.chapter}-{definition.line}"


def _module_title(module: str) -> str:
    doc = (importlib.import_module(module).__doc__ or "").strip()
    first = doc.splitlines()[0].strip() if doc else ""
    return first.rstrip(".") or module


def catalog_page(definitions, uses: dict, chapter_order: Sequence[str] = ()) -> str:
    """Markdown of the step catalog.

    ``uses`` maps a definition's anchor to ``[(chapter title, url)]``: the
    chapters whose scenarios use it. Modules come in the order of the first
    chapter (a url in ``chapter_order``) that uses one of their steps.
    """
    rank = {url: i for i, url in enumerate(chapter_order)}

    def first_use(module: str):
        used = [rank.get(url, len(rank)) for d in groups[module] for _, url in uses.get(anchor(d), [])]
        return (module != "steps.common_steps", min(used, default=len(rank)), module)

    groups = defaultdict(list)
    for d in definitions:
        groups[d.module].append(d)
    out = [
        "# Step catalog\n",
        "Every sentence you can use in a scenario, listed from the step definitions themselves "
        "when the site is built. `{name:type}` marks a parameter. Each example line below is run "
        "by the suite (`tests/test_step_catalog.py` checks that it appears in some feature file), "
        "so the catalog cannot drift from the code.\n",
        f"{len(definitions)} step definitions in {len(groups)} modules.\n",
    ]
    for module in sorted(groups, key=first_use):
        out.append(f"## {text(_module_title(module))}\n")
        out.append(f"`{module.replace('.', '/')}.py`\n")
        for d in groups[module]:
            keyword = d.keyword.capitalize() if d.keyword != "step" else "Given/When/Then"
            out.append(f"### {html.escape(keyword)} {text(d.pattern)} {{ #{anchor(d)} }}\n")
            if d.doc:
                out.append(d.doc + "\n")
            if d.parameters:
                out.append(
                    table(["parameter", "type"], [[f"`{name}`", text(kind)] for name, kind in d.parameters]) + "\n"
                )
            if d.example:
                out.append("Example:\n\n" + fence(d.example, "gherkin") + "\n")
            used = uses.get(anchor(d), [])
            if used:
                out.append("Used in: " + ", ".join(f"[{text(title)}]({url})" for title, url in used) + ".\n")
            function = f", function <code>{html.escape(d.function)}</code>" if d.function != "_" else ""
            out.append(f'<p class="bdd-where">Defined in <code>{html.escape(d.where)}</code>{function}.</p>\n')
    return "\n".join(out)
