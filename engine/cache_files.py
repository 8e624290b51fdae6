"""Files kept between builds to make them quick (compiled page templates, QR codes).

Each build marks the files it uses, and files no build has used for a month are removed.
Without that the caches only grow: live reload writes a new compiled template for every
save of a page, and the old ones would never be read again.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

UNUSED_FOR = 30 * 24 * 60 * 60  # seconds; long enough to keep what a paused author will use again


def mark_used(path: Path) -> None:
    """Refreshes the file's modified time: the clock `remove_unused` reads."""
    # Removed by another build in between: it is written again next time.
    with contextlib.suppress(FileNotFoundError):
        os.utime(path)


def remove_unused(directory: Path, pattern: str) -> int:
    """Removes the files matching `pattern` in `directory` (if it exists) that no build has
    used for UNUSED_FOR; returns how many went."""
    cutoff = time.time() - UNUSED_FOR
    removed = 0
    for path in directory.glob(pattern):
        if path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
            removed += 1
    return removed
