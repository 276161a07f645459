"""Progress on the command line for long work (imports, generation, reports)."""

from __future__ import annotations

import sys
import time


class Progress:
    """``with Progress("Loading", total) as p: p.advance(n, label)`` prints a bar to stderr."""

    def __init__(self, title: str, total: int | None = None, stream=None, quiet: bool = False):
        self.title = title
        self.total = total
        self.done = 0
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.started = time.monotonic()
        self._last = 0.0

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.finish()

    def __call__(self, done: int, total: int | None = None, label: str = ""):
        self.done = done
        if total is not None:
            self.total = total
        self._print(label)

    def advance(self, n: int = 1, label: str = ""):
        self.done += n
        self._print(label)

    def _print(self, label: str, force: bool = False):
        if self.quiet:
            return
        now = time.monotonic()
        if not force and now - self._last < 0.2 and self.done != self.total:
            return
        self._last = now
        elapsed = now - self.started
        rate = self.done / elapsed if elapsed > 0 else 0
        if self.total:
            pct = 100 * self.done / self.total
            width = 30
            filled = int(width * self.done / self.total)
            bar = "#" * filled + "-" * (width - filled)
            line = f"\r{self.title}: [{bar}] {self.done}/{self.total} {pct:5.1f}% {rate:,.0f}/s"
        else:
            line = f"\r{self.title}: {self.done} {rate:,.0f}/s"
        if label:
            line += f" {label[:40]}"
        self.stream.write(line.ljust(100)[:120])
        self.stream.flush()

    def finish(self):
        if self.quiet:
            return
        self._print("", force=True)
        elapsed = time.monotonic() - self.started
        self.stream.write(f"\n{self.title}: done in {elapsed:.1f}s\n")
        self.stream.flush()
