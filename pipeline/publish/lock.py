"""One run per output directory at a time.

An advisory lock (flock) on `<out>/.lock`, held by the main process only. The kernel
releases it when every descriptor of it is closed, so a crashed run leaves no stale lock,
provided no other process shares the descriptor: a forked worker would (fork copies open
descriptors whatever their close-on-exec flag) and, outliving a main process killed with
SIGKILL, would keep every later run locked out. So a child forked while the lock is held
closes its copy at once, and pool workers are also told to die with their parent
(executors.py).
"""
from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path
from types import TracebackType

_HELD: set[int] = set()  # descriptors of the locks this process holds


def _close_in_child() -> None:
    """After fork, in the child: the lock belongs to the parent."""
    for fd in list(_HELD):
        with contextlib.suppress(OSError):
            os.close(fd)
    _HELD.clear()


os.register_at_fork(after_in_child=_close_in_child)


class OutputLocked(RuntimeError):
    pass


class OutputLock:
    def __init__(self, out: Path) -> None:
        self.path = out / ".lock"
        self._fd: int | None = None

    def __enter__(self) -> OutputLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 64).decode(errors="replace").strip() or "another process"
            os.close(fd)
            raise OutputLocked(
                f"{self.path.parent} is being written by {holder}; try again when it has finished"
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()}".encode())
        self._fd = fd
        _HELD.add(fd)
        return self

    def __exit__(self, exc_type: type | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._fd is not None:
            _HELD.discard(self._fd)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
