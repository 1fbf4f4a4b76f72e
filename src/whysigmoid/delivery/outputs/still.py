"""Stills: a scene's last frame as a PNG (the blog's figures)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from ...aspects import aspect_named
from ..files import ledger
from .base import Drawn, ScreenOutput, fresh_staging_dir

__all__ = ["StillOutput"]


@dataclass(frozen=True)
class StillOutput(ScreenOutput):
    """Render a scene's last frame as a PNG (the blog's figures), for a theme and an aspect.

    Manim draws the final frame only (``save_last_frame``, no movie); the
    PNG is moved into place with ``os.replace``, so a reader never sees a
    half-written file.
    """

    @property
    def label(self) -> str:
        """Short name of this output (render records, keys): ``png``, ``png-dark-9x16``."""
        return "png" + self.suffix

    def file_name(self, output: str) -> str:
        """The image's file name (the scene's deliverable name, ``x.png``, ``x-dark-1x1.png``)."""
        return Path(output).stem + self.suffix + ".png"

    def staging_dir(self, work: Path, quality_name: str) -> Path:
        """An empty directory for Manim's output, inside the scene's work dir."""
        return fresh_staging_dir(work, quality_name, self.label)

    def manim_settings(self, settings: dict, staging: Path, output: str) -> None:
        """No movie, only the last frame, written to ``<staging>/<stem>.png``."""
        settings["output_file"] = str(staging / Path(self.file_name(output)).stem)
        aspect_named(self.aspect).manim_settings(settings)
        settings["write_to_movie"] = False
        settings["save_last_frame"] = True

    def make_scene(self, scene_cls: type, staging: Path):
        """The scene instance to render (Manim's default renderer)."""
        return scene_cls()

    def targets(self, target_dir: Path, output: str) -> list[Path]:
        """The PNG."""
        return [target_dir / self.file_name(output)]

    def deliver(self, drawn: Drawn, staging: Path, target_dir: Path, output: str) -> list[Path]:
        """Move the PNG to ``target_dir``; returns ``[that file]``.

        Raises
        ------
        whysigmoid.delivery.files.ledger.ForeignFileError
            A file that whysigmoid did not make is there; it is kept.
        """
        image = Path(drawn.scene.renderer.file_writer.image_file_path)
        target = target_dir / self.file_name(output)
        target_dir.mkdir(parents=True, exist_ok=True)
        ledger.replace(target_dir.parent, image, target, drawn.about)
        shutil.rmtree(staging)
        return [target]
