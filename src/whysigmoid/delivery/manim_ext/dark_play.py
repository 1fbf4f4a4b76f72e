"""Play a scene's animations without drawing them ("dark"), exactly as a full render plays them.

A renderer made dark-capable (:func:`dark_capable`) has a ``dark`` flag.
While it is set, every animation runs frame by frame exactly as in a full
render (the same ``update_to_time`` calls, the same updaters with the same
``dt``, the final ``update_mobjects(0)``, the scene clock advanced by whole
frames as Manim's ``add_frame`` does), but no frame is drawn and nothing is
encoded. Manim's own skipping (``skip_animations``) is not used: it jumps each
animation to its end in one step, skips the last updater pass and advances the
clock by the run time instead of by whole frames, so the state and the times
after it could differ from a full render's. :func:`end_scene_now` ends the
scene cleanly at once (Manim joins the partial movies drawn so far).

Used by chosen-beats clips, split renders and the beat cache
(:mod:`whysigmoid.delivery.beats.ranges`). Rewrites Manim 0.21's
``CairoRenderer.play`` (see :mod:`whysigmoid.delivery.manim_ext`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

__all__ = ["dark_capable", "end_scene_now"]

#: What a dark-capable renderer calls instead of Manim's ``scene_finished``:
#: ``finishing(finish)``, where ``finish()`` runs Manim's.
Finishing = Callable[[Callable[[], None]], None]

_DARK_CLASSES: dict[type, type] = {}


def dark_capable(renderer, finishing: Finishing | None = None) -> None:
    """Give ``renderer`` (a Cairo renderer, not yet rendering) a ``dark`` flag, off.

    ``finishing`` wraps Manim's ``scene_finished`` (default: just call it).
    """
    renderer.__class__ = _dark_class(type(renderer))
    renderer.dark = False
    renderer.finishing = finishing


def end_scene_now() -> None:
    """End the scene being rendered here: Manim finishes the movie as at the scene's end.

    Raises Manim's ``EndSceneEarlyException`` (a subclass of it), which
    Manim's ``Scene.render`` catches.
    """
    raise _scene_stop()()


@cache
def _scene_stop() -> type:
    """Manim's ``EndSceneEarlyException``, subclassed: the wanted part is rendered."""
    from manim.utils.exceptions import EndSceneEarlyException

    class SceneStop(EndSceneEarlyException):
        """The wanted part of the scene has been rendered."""

    return SceneStop


def _dark_class(renderer_cls: type) -> type:
    """``renderer_cls`` with a dark mode: plays run frame by frame, nothing drawn or encoded."""
    if renderer_cls in _DARK_CLASSES:
        return _DARK_CLASSES[renderer_cls]

    class DarkRenderer(renderer_cls):
        dark = False
        finishing: Finishing | None = None

        def play(self, scene, *args, **kwargs) -> None:
            if not self.dark:
                super().play(scene, *args, **kwargs)
                return
            # Manim 0.21's CairoRenderer.play without partial movies or drawing
            self.skip_animations = self._original_skipping_status
            self.update_skipping_status()
            scene.compile_animation_data(*args, **kwargs)
            self.file_writer.add_partial_movie_file(None)  # keeps indices = num_plays
            self.animations_hashes.append(None)
            scene.begin_animations()
            self.static_image = None
            if scene.is_current_animation_frozen_frame():
                self.freeze_current_frame(scene.duration)
            else:
                scene.play_internal()
            self.num_plays += 1

        def update_frame(self, *args, **kwargs) -> None:
            if not self.dark:
                super().update_frame(*args, **kwargs)

        def get_frame(self):
            return None if self.dark else super().get_frame()

        def add_frame(self, frame, num_frames: int = 1) -> None:
            if not self.dark:
                super().add_frame(frame, num_frames)
                return
            # the clock of Manim's add_frame, to the last bit
            dt = 1 / self.camera.frame_rate
            self.time += num_frames * dt

        def scene_finished(self, scene) -> None:
            def finish() -> None:
                super(DarkRenderer, self).scene_finished(scene)

            if self.finishing is None:
                finish()
            else:
                self.finishing(finish)

    DarkRenderer.__name__ = f"Dark{renderer_cls.__name__}"
    _DARK_CLASSES[renderer_cls] = DarkRenderer
    return DarkRenderer
