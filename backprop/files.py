"""Files written whole: under a temporary name in the same folder, then renamed.

A process stopped half-way through writing a file (Ctrl-C, a full disk, a
crash) would otherwise leave a truncated file under the real name: an SVG
without its closing tag, a report cut off mid-line, which the next reader takes
for the real thing. ``os.replace`` within one folder is atomic (POSIX and
Windows): a reader sees the old file or the new one, never a part of either.
The figures of ``backprop xor --plot``, the site's generated pages and the
reports of ``make bench`` and ``make mutation`` are written this way.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(path: str | Path) -> Iterator[Path]:
    """A new, empty file next to ``path`` to write to; it replaces ``path`` when the block ends.

    If the block raises (KeyboardInterrupt included), the temporary file is
    removed and ``path`` is left as it was. The temporary name starts with a
    dot and ends in ``.partial``: ``.loss.svg.1a2b3c4d.partial``. The file is
    created with the permissions of any new file (0o666 less the umask).
    """
    target = Path(path)
    while True:
        partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")
        try:  # O_EXCL: never reuse a file that another writer has just made
            os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            break
        except FileExistsError:  # another writer chose the same 32 random bits: draw again
            continue
    try:
        yield partial
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def write_bytes(path: str | Path, content: bytes) -> Path:
    """Write ``content`` to ``path`` whole (see ``replacing``); returns the path."""
    with replacing(path) as partial:
        partial.write_bytes(content)
    return Path(path)


def write_text(path: str | Path, text: str) -> Path:
    """Write ``text`` to ``path`` as UTF-8, whole (see ``replacing``); returns the path."""
    return write_bytes(path, text.encode())  # UTF-8, str.encode's default
