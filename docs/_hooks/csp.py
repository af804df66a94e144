"""A Content-Security-Policy for every built page: a second line of defence behind the sanitiser.

The policy allows scripts from the site itself and, by their SHA-256 hashes,
the few inline scripts the theme writes into every page (Material's bootstrap
and helpers, which differ with a page's depth and with Material's version, so
they are hashed page by page when the page is written). Nothing else runs: no
inline event handler, no ``javascript:`` URL, no script or frame from another
host, and no request leaves the site (``connect-src 'self'``). Styles may be
inline, because KaTeX sets ``style`` attributes on the math it typesets.

It is set as a ``<meta http-equiv>`` in ``mkdocs build`` output only:
``mkdocs serve`` adds an inline live-reload script after the page is written,
whose hash cannot be known here.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?P<attributes>(?:(?!\bsrc\s*=)[^>])*)>(?P<body>.*?)</script\s*>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.I)
_JAVASCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}

POLICY = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)


def inline_script_hashes(page: str) -> list[str]:
    """The CSP source of each inline script of ``page`` that a browser would run: ``'sha256-...'``."""
    found = []
    for match in _INLINE_SCRIPT.finditer(page):
        kind = _TYPE.search(match.group("attributes"))
        if (kind.group(1).lower() if kind else "") not in _JAVASCRIPT_TYPES:
            continue  # data blocks (application/json) are not run, so the policy does not govern them
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        found.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return list(dict.fromkeys(found))


def policy(page: str) -> str:
    return POLICY.format(hashes=" ".join(inline_script_hashes(page)))


def with_policy(page: str) -> str:
    """``page`` with its policy as the first thing after ``<meta charset>`` (before any script can run)."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(page)}">'
    charset = _CHARSET.search(page)
    if charset is not None:
        return page[: charset.end()] + meta + page[charset.end() :]
    head = re.search(r"<head[^>]*>", page, re.I)
    if head is None:
        raise ValueError("a page without <head>: nowhere to put its Content-Security-Policy")
    return page[: head.end()] + meta + page[head.end() :]
