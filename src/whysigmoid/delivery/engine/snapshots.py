"""Paused copies of a render at its beat ends, so that ``watch`` can redo only an edited tail.

An incremental re-render (:mod:`whysigmoid.delivery.engine.incremental`) reuses the
partial movies of the beats before an edit, but must still *play* those beats
dark, frame by frame, to reach the state the edited beat starts from: in
SigmoidFamily that replay cost more than the beat drawn after it.

``watch`` keeps that state instead. While a video renders, at the end of each
beat but the last, the render process forks (:func:`offer`): the copy, a
*snapshot*, holds the scene exactly as it is after beat ``k``, every Mobject,
updater and closure included, and waits on a Unix socket named
``beat-<k>.sock`` in the watch's :class:`SnapshotDir`. After an edit, the
watch asks the snapshots from the last beat down (:meth:`SnapshotDir.resume`).
Each one checks that the code and settings its beats were made from are still
the files' (its ``check``); the first that agrees forks a *job* that runs the
edited beats on, delivers the video and sends the result back, and stays
paused for the next edit. The job offers snapshots of its own beats, which
replace the older ones. A snapshot whose beats changed answers "stale" and
ends; so does one whose socket was replaced or removed, or whose owner ended.

A snapshot whose answer is cut short or is not a valid answer (what a
snapshot killed mid-answer, or something else listening on its socket, sends)
is discarded with one line on stderr naming its socket, and the next earlier
one is asked; one that no longer listens is dropped silently (it ended).

This module knows processes and sockets, not scenes:
:func:`whysigmoid.delivery.engine.resume.offer_snapshot` supplies ``check`` and ``work``.
Linux and macOS only (``fork``); elsewhere ``watch`` renders as before.
"""

from __future__ import annotations

import os
import pickle
import shutil
import signal
import socket
import struct
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..files.atomic import write_text_atomically

__all__ = ["SnapshotDir", "offer", "supported"]

#: A snapshot that has not heard from its owner for this long checks that the
#: owner is still there and that its socket is still its own.
POLL_SECONDS = 0.5
#: The owner's process id, in the snapshot directory.
OWNER_FILE = "owner"
#: What a snapshot may answer, first in its answer's tuple.
_ANSWERS = frozenset({"done", "failed", "stale"})
#: Message lengths are sent as this ``struct`` format before the pickle.
_LENGTH = struct.Struct("!Q")
#: File descriptors a new snapshot must not keep open: the socket of the
#: snapshot that forked this process, and the connection its job answers on.
_inherited: list[socket.socket] = []


def supported() -> bool:
    """Whether this platform can fork a render into snapshots."""
    return hasattr(os, "fork") and hasattr(socket, "AF_UNIX")


class SnapshotDir:
    """The owner's side: a temporary directory of snapshot sockets, one per beat.

    Attributes
    ----------
    path : Path
        The directory; pass it to the renders whose snapshots to keep.
    """

    def __init__(self) -> None:
        # short: a Unix socket path has at most 107 bytes
        self.path = Path(tempfile.mkdtemp(prefix="wsnap-"))
        write_text_atomically(self.path / OWNER_FILE, str(os.getpid()))

    def resume(self, beats: int) -> tuple[int, object] | None:
        """Have the latest snapshot that is still valid render the rest.

        Parameters
        ----------
        beats : int
            The scene's beat count: snapshots ``beats - 1`` down to ``1`` are asked.

        Returns
        -------
        (int, object) or None
            The snapshot's beat and what its job's ``work`` returned; None if
            no snapshot is valid, or the job failed (render afresh: a fresh
            render reports the scene's error in full).
        """
        for beat in range(beats - 1, 0, -1):
            path = self.path / f"beat-{beat}.sock"
            if not path.exists():
                continue
            try:
                with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
                    client.connect(str(path))
                    _send(client, "resume")
                    answer = _receive(client)
                if not (isinstance(answer, tuple) and answer and answer[0] in _ANSWERS):
                    raise pickle.UnpicklingError(f"not an answer: {answer!r:.60}")
            except OSError:  # it no longer listens: it ended
                path.unlink(missing_ok=True)
                continue
            except Exception as error:  # cut short, or not a pickle of an answer
                path.unlink(missing_ok=True)
                print(
                    f"whysigmoid: discarded a snapshot {path} that gave no valid answer "
                    f"({error or type(error).__name__}); asking an earlier one",
                    file=sys.stderr,
                )
                continue
            if answer[0] == "done":
                return beat, answer[1]
            if answer[0] == "failed":
                return None
            path.unlink(missing_ok=True)  # "stale": that snapshot has ended; try an earlier one
        return None

    def close(self) -> None:
        """Remove the directory: every snapshot ends within :data:`POLL_SECONDS`."""
        shutil.rmtree(self.path, ignore_errors=True)


def offer(directory: Path, beat: int, check: Callable[[], bool], work: Callable[[], object]):
    """Fork a snapshot of this process at the end of ``beat``; return at once in this one.

    Parameters
    ----------
    directory : Path
        A :class:`SnapshotDir`'s path.
    beat : int
        The beat just ended (1-based); names the socket.
    check : callable () -> bool
        Run in the snapshot when asked: whether its state is still what the
        files on disk would make (else it answers "stale" and ends).
    work : callable () -> object
        Run in a job forked from the snapshot: renders the rest; its
        (picklable) result is sent to the owner.

    The caller must have no other threads running (finish encoders first):
    only the forking thread exists in the copy.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    middle = os.fork()
    if middle:
        os.waitpid(middle, 0)  # the snapshot is its child, adopted by init: no zombie here
        return
    try:
        if os.fork() == 0:
            _serve(directory, beat, check, work)
    finally:
        os._exit(0)


def _serve(directory: Path, beat: int, check, work) -> None:
    """The snapshot: answer the owner's requests until replaced, removed or orphaned."""
    # a render worker's signal handling (process_env.worker_pool) is not a snapshot's
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for inherited in _inherited:
        inherited.close()
    _inherited.clear()
    path = directory / f"beat-{beat}.sock"
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        temporary = directory / f".beat-{beat}-{os.getpid()}.sock"
        listener.bind(str(temporary))
        listener.listen()
        os.replace(temporary, path)  # an older snapshot of this beat sees it gone and ends
        inode = path.stat().st_ino
        owner = int((directory / OWNER_FILE).read_text())
    except (OSError, ValueError):
        os._exit(0)
    listener.settimeout(POLL_SECONDS)
    while True:
        try:
            connection, _ = listener.accept()
        except TimeoutError:
            if not _still_wanted(path, inode, owner):
                os._exit(0)
            continue
        connection.settimeout(None)
        with connection:
            try:
                _receive(connection)
                if not check():
                    _send(connection, ("stale",))
                    os._exit(0)
            except Exception:
                os._exit(0)
            job = os.fork()
            if job == 0:
                _inherited.extend([listener, connection])
                _run_job(connection, work)
        os.waitpid(job, 0)


def _run_job(connection: socket.socket, work) -> None:
    try:
        answer = ("done", work())
    except BaseException:  # the owner renders afresh, which reports the error in full
        answer = ("failed", None)
    try:
        _send(connection, answer)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


def _still_wanted(path: Path, inode: int, owner: int) -> bool:
    try:
        os.kill(owner, 0)
        return path.stat().st_ino == inode
    except OSError:
        return False


def _send(connection: socket.socket, message: object) -> None:
    data = pickle.dumps(message)
    connection.sendall(_LENGTH.pack(len(data)) + data)


def _receive(connection: socket.socket) -> object:
    (length,) = _LENGTH.unpack(_exactly(connection, _LENGTH.size))
    return pickle.loads(_exactly(connection, length))


def _exactly(connection: socket.socket, size: int) -> bytes:
    chunks = []
    while size:
        chunk = connection.recv(min(size, 1 << 20))
        if not chunk:
            raise EOFError("the snapshot closed the connection")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)
