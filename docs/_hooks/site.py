"""The MkDocs hook: adds the generated pages and figures to the build. All the work is in ``build.py``.

At build time (``mkdocs build`` / ``mkdocs serve``) ``build.generate()`` makes
every chapter, figure and computed page and the navigation; this hook adds
them to MkDocs' files (replacing a static page of the same path), sets the
navigation, and keeps math out of the search index. ``mkdocs serve`` watches
the results: a saved feature file's scenarios are re-run at once and its page
reloads with them (``serve.py``; ``BACKPROP_SERVE=rebuild`` for a rebuild
only). Served, the API pages are stubs (``BACKPROP_SERVE_API=1`` renders them).
"""

from __future__ import annotations

import importlib
import logging
import os
import re
import sys
from pathlib import Path


def _importable() -> None:
    """The repository root (``backprop``, ``speckit``, ``docs._hooks.*``) on ``sys.path``, found from this
    file: MkDocs loads the hook by its path, before anything of the project can be imported. MkDocs
    restores ``sys.path`` after loading a hook, so this runs again at build time."""
    root = str(Path(__file__).resolve().parents[2])
    if root not in sys.path:
        sys.path.insert(0, root)


_importable()

from mkdocs.structure.files import File, Files  # noqa: E402

from docs._hooks import api, build, chapter, csp, markup, navigation, prose, sentences, serve, widget_data  # noqa: E402

log = logging.getLogger("mkdocs.hooks.backprop")

_COMMAND = {"name": "build"}
"""The mkdocs command this process runs: the Content-Security-Policy goes into ``build`` output only."""


def on_startup(command, dirty):
    _COMMAND["name"] = command


# Math is typeset in the browser from its LaTeX source; the search index would show that source.
_MATH = re.compile(r'<(span|div) class="arithmatex"')


def _serving() -> bool:
    return _COMMAND["name"] == "serve"


def on_config(config):
    _importable()
    # Re-read the page code on every serve rebuild, so edits to it show without a restart.
    for module in (prose, markup, chapter, sentences, navigation, api, widget_data, build):
        importlib.reload(module)
    # Serving with re-runs on save, MkDocs watches the results only: the re-run writes them (serve.py).
    watched = (
        [build.RESULTS.parent] if _serving() and serve.on_save_enabled() else [build.FEATURES, build.RESULTS.parent]
    )
    for folder in watched:
        folder.mkdir(parents=True, exist_ok=True)
        if str(folder) not in config.watch:
            config.watch.append(str(folder))
    if _serving() and not os.environ.get("BACKPROP_SERVE_API"):
        # The API pages (mkdocstrings) take seconds to render: served, they are stubs, and a link to an
        # object on them is not checked.
        config.validation.links.anchors = logging.DEBUG
    return config


def on_serve(server, config, builder):
    if serve.on_save_enabled():
        serve.watch(build.FEATURES, build.RESULTS)
    return server


def on_files(files: Files, config):
    # A quick layout build without figures or computed pages (`BACKPROP_SKIP_COMPUTED=1 mkdocs serve`);
    # links to those pages then warn, so it is no use with --strict.
    computed = not os.environ.get("BACKPROP_SKIP_COMPUTED")
    if not computed:
        log.info("BACKPROP_SKIP_COMPUTED is set: no figures or computed pages in this build")
    if not build.RESULTS.exists():
        log.info("no recorded run at %s: every scenario shows 'not run' (make docs records one)", build.RESULTS)
    site = build.generate(computed=computed, api_stubs=_serving() and not os.environ.get("BACKPROP_SERVE_API"))
    for path, content in site.contents():
        existing = files.get_file_from_path(path)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, path, content=content))
    config["nav"] = site.nav
    for problem in site.problems:
        log.warning(problem)
    return files


def on_page_content(html, page, config, files):
    """Mark every formula ``data-search-exclude``: a search snippet then never shows raw LaTeX."""
    return _MATH.sub(r'<\1 class="arithmatex" data-search-exclude', html)


def on_post_page(output, page, config):
    return csp.with_policy(output) if _COMMAND["name"] != "serve" else output


def on_post_template(output_content, template_name, config):
    if template_name.endswith(".html") and _COMMAND["name"] != "serve":
        return csp.with_policy(output_content)
    return output_content
