"""Which step definition a sentence of a feature file uses, and the step catalog page.

Sentences come from ``speckit.features.sentences`` (gherkin-official's
compiled scenarios, as pytest-bdd runs them); definitions and their matching
from ``speckit.catalog``. No MkDocs here.
"""

from __future__ import annotations

import importlib
from collections import defaultdict
from collections.abc import Sequence

from docs._hooks import markup


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
    """Markdown of the step catalog (``templates/step-catalog.md.j2``).

    ``uses`` maps a definition's anchor to ``[(chapter title, url)]``: the
    chapters whose scenarios use it. Modules come in the order of the first
    chapter (a url in ``chapter_order``) that uses one of their steps.
    """
    rank = {url: i for i, url in enumerate(chapter_order)}
    groups = defaultdict(list)
    for d in definitions:
        groups[d.module].append(d)

    def first_use(module: str):
        used = [rank.get(url, len(rank)) for d in groups[module] for _, url in uses.get(anchor(d), [])]
        return (module != "steps.common_steps", min(used, default=len(rank)), module)

    ordered = [(module, groups[module]) for module in sorted(groups, key=first_use)]
    return markup.render(
        "step-catalog.md.j2",
        definitions=definitions,
        groups=ordered,
        uses=uses,
        anchor=anchor,
        module_title=_module_title,
    )
