"""Which step definition a sentence of a feature file uses, and the step catalog page.

Sentences come from ``speckit.features.sentences`` (gherkin-official's
compiled scenarios, as pytest-bdd runs them); definitions and their matching
from ``speckit.catalog``. No MkDocs here.
"""

from __future__ import annotations

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


ROLES = (("set-up", "Set-up: Given"), ("action", "Actions: When"), ("check", "Checks: Then"), ("any", "Any step"))


LONG_LIST = 8
"""A parameter with more allowed values than this (the quantities of a check) lists them one per line."""


def _parameters_line(definition, allowed: dict) -> str:
    """Markdown: each parameter with its type and, for a word, the values it takes."""
    parts, lists = [], []
    for name, kind in definition.parameters:
        values = allowed.get(name) or []
        if len(values) > LONG_LIST:
            parts.append(f"`{name}` ({markup.text(kind)}, one of the list below)")
            lists.append(f"`{name}`:\n\n" + "\n".join(f"- `{v}`" for v in values))
        elif values:
            parts.append(f"`{name}` ({markup.text(kind)}: " + ", ".join(f"`{v}`" for v in values) + ")")
        else:
            parts.append(f"`{name}` ({markup.text(kind)})")
    return "\n\n".join(["**Parameters:** " + " · ".join(parts), *lists])


def _full_example(sentence) -> str | None:
    """A feature's use of a step with its table rows or docstring, as Gherkin (None for a one-line step)."""
    if sentence.table is None and sentence.docstring is None:
        return None
    lines = [f"{sentence.keyword.capitalize()} {sentence.text}"]
    if sentence.table:
        widths = [max(len(row[c]) for row in sentence.table) for c in range(len(sentence.table[0]))]
        lines += [
            "  | " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) + " |"
            for row in sentence.table
        ]
    if sentence.docstring is not None:
        lines += ['  """', *(f"  {line}" for line in sentence.docstring.splitlines()), '  """']
    return "\n".join(lines)


def catalog_page(definitions, uses: dict, chapter_order: Sequence[str] = (), first_uses: dict | None = None) -> str:
    """Markdown of the step catalog (``templates/step-catalog.md.j2``): set-up, actions, checks.

    ``uses`` maps a definition's anchor to ``[(chapter title, url)]``: the
    chapters whose scenarios use it. ``first_uses`` maps an anchor to the first
    sentence of a feature that runs the definition, whose table or docstring
    makes the full example. Within a role, definitions come in the order of the
    first chapter (a url in ``chapter_order``) that uses their module.
    """
    from speckit.catalog import allowed_values

    rank = {url: i for i, url in enumerate(chapter_order)}
    by_module = defaultdict(list)
    for d in definitions:
        by_module[d.module].append(d)

    def first_use(module: str):
        used = [rank.get(url, len(rank)) for d in by_module[module] for _, url in uses.get(anchor(d), [])]
        return (module != "steps.common_steps", min(used, default=len(rank)), module)

    modules = sorted(by_module, key=first_use)
    roles = []
    for role, title in ROLES:
        group = [d for m in modules for d in by_module[m] if d.role == role]
        if group:
            roles.append((role, title, group))
    allowed = allowed_values()
    full = {a: e for a, s in (first_uses or {}).items() if (e := _full_example(s)) is not None}
    grammar = next((d for d in definitions if "{quantity:Quantity}" in d.pattern), None)
    return markup.render(
        "step-catalog.md.j2",
        definitions=definitions,
        roles=roles,
        uses=uses,
        anchor=anchor,
        parameters_line=lambda d: _parameters_line(d, allowed),
        full_examples=full,
        # The whole text, never cut: the filter must find a word wherever the entry says it.
        filter_text=lambda d: " ".join(
            " ".join([d.keyword, d.pattern, d.doc, d.example or "", *allowed_words(d, allowed)]).split()
        ).lower(),
        grammar_anchor=anchor(grammar) if grammar else "",
    )


def allowed_words(definition, allowed: dict) -> list[str]:
    return [v for name, _ in definition.parameters for v in allowed.get(name, ())]
