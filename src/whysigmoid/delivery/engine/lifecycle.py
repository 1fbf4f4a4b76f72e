"""The one lifecycle of a render: lock, check, stage, draw, assemble, deliver, record.

Every render goes through :func:`run_render`: a work rendered in this
process (:mod:`.render`), in parallel parts (:mod:`.split`) or resumed from
a paused copy by ``watch`` (:mod:`.resume`). They differ only in how they
*draw*: a function that takes the staging dir and returns what it drew
(:class:`whysigmoid.delivery.outputs.base.Drawn`). Everything else happens
here, in this order:

1. **lock** the work dir (:func:`.keys.locked`): one render of a work at a time;
2. **up to date**: unless forced, a render whose files exist and whose render
   key is the recorded one returns the recorded result;
3. **replaceable**: a file in the way that whysigmoid did not make stops the
   render before anything is drawn;
4. **stage**: the output's fresh staging dir; the Tex pool seeds the work's
   Tex cache with formulas other variants compiled;
5. **draw** (the caller's function);
6. **assemble**: the output's last step on what was drawn
   (:meth:`whysigmoid.delivery.outputs.base.Output.assemble`);
7. **deliver**: the files to ``<media-dir>/<quality>/`` through the ledger;
   then what the draw asked for after delivery (the beat cache keeps its
   beats; a narrated render delivers the narrated twin of the video, whose
   files join the render's) and the Tex pool takes the new formulas;
8. **record**: the render key, times and files, for the next up-to-date check.

A failure anywhere leaves the delivered files of the last good render as
they were. Whether it succeeds or fails, a render leaves in the work dir
only what a later render reads (records, the beat cache, the Tex and text
caches, a deck's finished slides): the staging dir of a failed render, Manim's
partial movies and a killed writer's partial files are removed
(:func:`whysigmoid.delivery.files.layout.scratch_paths`), so a render that
failed on a full disk does not keep the disk full. An operating system
error that names no file (e.g. a full disk met by an encoder) is given the
staging dir's path.

The cleanup finds nothing still being written: a draw renders its scene
inside :func:`settled`, so a failure waits for the scene's encoder threads
before it reaches the cleanup, and a render worker's stop (Ctrl-C) waits
for the cleanup to end (:func:`whysigmoid.delivery.engine.process_env.stop_deferred`).
"""

from __future__ import annotations

import contextlib
import shutil
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

from ..files import layout, tex_pool
from ..manim_ext.encoders import awaited_encoders
from ..outputs.base import Drawn
from .keys import locked
from .process_env import stop_deferred
from .request import RenderRequest
from .results import RenderResult

__all__ = ["Draw", "discard_scratch", "run_render", "settled"]

#: How a render draws: takes the staging dir, returns what it drew there.
Draw = Callable[[Path], Drawn]


def run_render(
    request: RenderRequest, media_dir: Path, draw: Draw, force: bool = False
) -> RenderResult:
    """Render ``request`` into ``media_dir`` (absolute) with ``draw``; see the module docstring.

    Returns
    -------
    RenderResult
        ``cached`` when it was up to date (nothing drawn).

    Raises
    ------
    whysigmoid.delivery.files.ledger.ForeignFileError
        A file that whysigmoid did not make is where a file goes (checked
        before drawing); nothing is replaced.
    Exception
        Whatever ``draw`` or the output raise; the delivered files are then
        left untouched.
    """
    work = request.work_dir(media_dir)
    with locked(work):
        key = request.key()
        if not force and (cached := request.up_to_date(media_dir, key)):
            return cached
        request.check_replaceable(media_dir)
        start = time.perf_counter()
        discard_scratch(work)  # what a killed render left
        staging = request.output.staging_dir(work, request.quality)
        try:
            pool, tex = layout.pool_dir(media_dir, request.spec.name), layout.tex_dir(work)
            tex_pool.seed(pool, tex)  # formulas another variant of the scene compiled already
            drawn = request.output.assemble(draw(staging), staging)
            target_dir = request.target_dir(media_dir)
            files = request.output.deliver(drawn, staging, target_dir, request.spec.output)
            if drawn.after_delivery is not None:
                files = [*files, *(drawn.after_delivery() or [])]
            tex_pool.publish(tex, pool)
        except BaseException as error:
            with stop_deferred():
                shutil.rmtree(staging, ignore_errors=True)  # a deck's half-written slides too
            if isinstance(error, OSError) and error.errno and error.filename is None:
                error.filename = str(staging)  # e.g. a full disk met by an encoder
            raise
        finally:
            with stop_deferred():
                discard_scratch(work)
        return request.record(
            media_dir, key, start, files, drawn.duration, drawn.reused, drawn.reused_beats
        )


def discard_scratch(work: Path) -> None:
    """Remove what no later render of the work dir ``work`` reads (see the module docstring)."""
    for path in layout.scratch_paths(work):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):  # never hides the render's own error
                path.unlink()


def settled(scene) -> AbstractContextManager[None]:
    """The block of a draw that renders ``scene``: a failure there waits for its encoders.

    Manim encodes partial movies in threads while it draws; when the block
    fails, each of them is waited for, and a worker's stop does not cut the
    wait short (:func:`whysigmoid.delivery.manim_ext.encoders.awaited_encoders`),
    before the error reaches :func:`run_render`'s cleanup.
    """
    return awaited_encoders(scene, stop_deferred)
