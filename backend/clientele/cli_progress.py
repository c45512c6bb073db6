"""Progress of a long CLI command (`clientele sync`, `import`, `export`) on standard error.

On a terminal: a rich progress bar (label, bar, percentage, count, elapsed time), redrawn in
place. Otherwise (a pipe, a log file, a container's output): plain lines, one each time
another 5 % is done (or, with no total, every `every` units) and one at the end, never a
carriage return, so a log shows how far it got. Standard output stays the command's own
(`clientele export` writes its file there).

    with progress("Exporting", total=rows, unit="rows") as bar:
        bar.update(done)          # units done so far (a total may come later: update(n, total))
        bar.update(n, fraction=f) # or the share done, when the work reports one (an import)
"""

from __future__ import annotations

import contextlib
import math
import sys
from collections.abc import Iterator
from typing import IO, Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
)

STEP = 0.05  # plain lines: one per 5 %


class Tracker:
    """What a command reports to; `progress` picks the kind for the terminal."""

    def __init__(self, label: str, total: int | None, unit: str) -> None:
        self.label = label
        self.total = total
        self.unit = unit
        self.done = 0
        self.fraction: float | None = None

    def update(self, done: int, total: int | None = None,
               fraction: float | None = None) -> None:
        self.done = max(self.done, done)
        if total is not None:
            self.total = total
        if fraction is not None:
            self.fraction = min(max(fraction, 0.0), 1.0)
        elif self.total:
            self.fraction = min(self.done / self.total, 1.0)
        self.show()

    def advance(self, units: int = 1) -> None:
        self.update(self.done + units)

    def counted(self) -> str:
        if self.total is not None:
            return f"{self.done:,}/{self.total:,} {self.units(self.total)}"
        return f"{self.done:,} {self.units(self.done)}"

    def units(self, count: int) -> str:
        return self.unit[:-1] if count == 1 and self.unit.endswith("s") else self.unit

    def show(self) -> None:
        pass

    def finish(self) -> None:
        pass


class Lines(Tracker):
    """Plain lines for pipes and logs."""

    def __init__(self, label: str, total: int | None, unit: str, out: IO[str],
                 every: int) -> None:
        super().__init__(label, total, unit)
        self.out = out
        self.every = max(1, every)
        self.shown_step = 0  # how many STEPs were printed
        self.shown_done = 0

    def show(self) -> None:
        if self.fraction is not None:
            step = math.floor(self.fraction / STEP + 1e-9)
            if step > self.shown_step and self.fraction < 1.0:
                self.shown_step = step
                self._line(f"{round(self.fraction * 100)}% ({self.counted()})")
        elif self.done // self.every > self.shown_done // self.every:
            self.shown_done = self.done
            self._line(self.counted())

    def finish(self) -> None:
        if self.total is not None and self.fraction is None:
            self.fraction = 1.0
        self._line(f"done, {self.done:,} {self.units(self.done)}")

    def _line(self, text: str) -> None:
        print(f"{self.label}: {text}", file=self.out, flush=True)


class Bar(Tracker):
    """A rich progress bar on a terminal."""

    def __init__(self, label: str, total: int | None, unit: str, console: Console) -> None:
        super().__init__(label, total, unit)
        self.progress = Progress(
            TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(),
            TextColumn("{task.fields[counted]}"), TimeElapsedColumn(),
            console=console, redirect_stdout=False, redirect_stderr=False)
        self.task = self.progress.add_task(label, total=None, counted=self.counted())
        self.progress.start()

    def show(self) -> None:
        # the bar runs on a share of 1000, whether the work reports counts or a fraction
        if self.fraction is None:
            self.progress.update(self.task, counted=self.counted())
        else:
            self.progress.update(self.task, total=1000, completed=round(self.fraction * 1000),
                                 counted=self.counted())

    def finish(self) -> None:
        self.progress.update(self.task, total=1000, completed=1000, counted=self.counted())
        self.progress.stop()


@contextlib.contextmanager
def progress(label: str, total: int | None = None, unit: str = "rows", *,
             console: Console | None = None, every: int = 10_000,
             quiet: bool = False) -> Iterator[Tracker]:
    """A progress display on standard error (or `console`) for the duration of the block:
    a bar when it is a terminal, plain lines otherwise, nothing when `quiet`. The end is
    shown when the block completes; an error leaves the display where it was."""
    console = console or Console(stderr=True)
    tracker: Tracker
    if quiet:
        tracker = Tracker(label, total, unit)
    elif console.is_terminal:
        tracker = Bar(label, total, unit, console)
    else:
        tracker = Lines(label, total, unit, _stream(console), every)
    try:
        yield tracker
    except BaseException:
        if isinstance(tracker, Bar):
            tracker.progress.stop()
        raise
    tracker.finish()


def _stream(console: Console) -> IO[str]:
    stream: Any = console.file
    return stream if stream is not None else sys.stderr
