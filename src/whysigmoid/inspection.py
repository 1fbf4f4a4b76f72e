"""Run a scene's ``construct()`` without rendering and record what it shows.

Used by the tests (and handy in a REPL): at the end of every storyboard beat
(:meth:`BlogScene.beat`) the beat's caption and the text on screen are
recorded (a subscriber of the scene's beat-end hook,
:meth:`BlogScene.on_beat_end`), the text with its LaTeX source, its number (for pieces made by
:func:`whysigmoid.style.number` and for :class:`whysigmoid.visuals.NumberReadout`) and its
bounding box, so tests can compare shown numbers with the core and check the
layout (inside the frame, no overlaps) without decoding video.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from .aspects import DEFAULT_ASPECT, aspect_named

#: ``Snapshot.viewing`` of a still (``style.STILL``; kept here so reading it needs no Manim).
STILL = "still"

__all__ = [
    "MIDWAY",
    "ShownText",
    "Snapshot",
    "content_span",
    "digit_pixels",
    "foreign_numbers",
    "illegible_texts",
    "layout_problems",
    "numbers_in",
    "overlaps",
    "record_beats",
    "small_texts",
    "smallest_digits",
    "smallest_text",
    "sparse_beats",
]

#: Where a dry run also stops inside every animation (fractions of its run time),
#: so that updaters run on intermediate values (a weight gliding from 1 to -1
#: passes 0 halfway), not only on the end state.
MIDWAY = (0.5,)
#: The 16:9 pixel size of a dry run (Manim's default, the blog's): only its shape matters.
INSPECTION_SIZE = (1920, 1080)
#: Numbers in a LaTeX string, ignoring those in sub- and superscripts (indices).
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_SCRIPT = re.compile(r"[_^](\{[^{}]*\}|\w)")


@dataclass(frozen=True)
class ShownText:
    """One piece of text on screen at the end of a beat.

    Attributes
    ----------
    tex : str
        Its LaTeX source.
    shown : str or None
        The core-formatted number it displays, if made by ``style.number``.
    value : float or None
        The number's value, if made by ``style.number``.
    box : ndarray, shape (2, 2)
        ``[[x_min, y_min], [x_max, y_max]]`` in scene units.
    font_size : float or None
        Its size as drawn, in Manim's font points (scalings included); None
        where Manim does not say (a part of a formula).
    """

    tex: str
    shown: str | None
    value: float | None
    box: np.ndarray
    font_size: float | None = None


@dataclass(frozen=True)
class Snapshot:
    """What is on screen at the end of beat ``index`` (0-based), the beat's caption and notes.

    ``caption`` and ``notes`` are what the beat passed to
    :meth:`BlogScene.beat` (None if nothing, and in the final snapshot, taken
    after ``construct`` returns).
    """

    index: int
    texts: tuple[ShownText, ...]
    caption: str | None = None
    notes: str | None = None
    #: (width, height) of the frame in scene units; None: Manim's current config.
    frame: tuple[float, float] | None = None
    #: The key of ``style.LEGIBILITY`` it is watched as: the aspect, or ``still``.
    viewing: str | None = None
    #: ``[[x_min, y_min], [x_max, y_max]]`` of everything visible, scene units.
    content: np.ndarray | None = None


def numbers_in(tex: str) -> list[str]:
    """Numbers written in a LaTeX string, outside sub- and superscripts."""
    return _NUMBER.findall(_SCRIPT.sub(" ", tex))


def overlaps(a: ShownText, b: ShownText, tolerance: float = 0.01) -> bool:
    """Whether the bounding boxes of two texts intersect (by more than ``tolerance``)."""
    return bool(np.all(np.minimum(a.box[1], b.box[1]) - np.maximum(a.box[0], b.box[0]) > tolerance))


def _texts(scene) -> tuple[ShownText, ...]:
    from manim import SingleStringMathTex
    from manim.mobject.text.tex_mobject import MathTexPart

    found: list[ShownText] = []

    def visit(mob) -> None:
        # a NumberReadout (visuals.readout) is one text made of glyph paths
        if isinstance(mob, (SingleStringMathTex, MathTexPart)) or getattr(mob, "is_readout", False):
            if any(
                part.get_fill_opacity() > 0 or part.get_stroke_opacity() > 0
                for part in mob.family_members_with_points()
            ):
                box = np.array([mob.get_corner([-1, -1, 0])[:2], mob.get_corner([1, 1, 0])[:2]])
                found.append(
                    ShownText(
                        mob.tex_string,
                        getattr(mob, "shown", None),
                        getattr(mob, "value", None),
                        box,
                        _font_size(mob),
                    )
                )
            return
        for sub in mob.submobjects:
            visit(sub)

    for mob in scene.mobjects:
        visit(mob)
    return tuple(found)


def _content(scene) -> np.ndarray | None:
    """The bounding box of every visible mobject of ``scene`` (None if nothing shows)."""
    from manim import VMobject

    lows, highs = [], []
    for top in scene.mobjects:
        for mob in top.family_members_with_points():
            # a ValueTracker holds its value as a point but is never drawn
            if isinstance(mob, VMobject) and (
                mob.get_fill_opacity() > 0 or mob.get_stroke_opacity() > 0
            ):
                points = mob.points[:, :2]
                lows.append(points.min(axis=0))
                highs.append(points.max(axis=0))
    if not lows:
        return None
    return np.array([np.min(lows, axis=0), np.max(highs, axis=0)])


def _font_size(mob) -> float | None:
    if getattr(mob, "is_readout", False):
        return mob.drawn_font_size
    try:
        size = mob.font_size
    except (AttributeError, ZeroDivisionError):
        return None
    # Manim's font_size follows the height: a formula set on several lines
    # (visuals.placement.break_lines) is as tall as its lines
    size = size / getattr(mob, "lines_height_ratio", 1.0) if size else size
    return float(size) if size else None


def small_texts(snapshots: list[Snapshot], minimum: float, tolerance: float = 0.5) -> list[str]:
    """Texts drawn smaller than ``minimum`` font points (less ``tolerance``), one line each.

    Every aspect's frame has the same scale (:mod:`whysigmoid.aspects`), so a
    size in points compares across aspects: a vertical layout must not shrink
    text below what the 16:9 one shows.
    """
    return [
        f"beat {snap.index}: {text.tex!r} at {text.font_size:.1f} pt, under {minimum:.1f}"
        for snap in snapshots
        for text in snap.texts
        if text.font_size is not None and text.font_size < minimum - tolerance
    ]


def digit_pixels(snap: Snapshot, text: ShownText) -> float | None:
    """How tall ``text``'s digits are where ``snap`` is watched, CSS px (None: size unknown).

    Its font size times ``style.DIGIT_HEIGHT``, at the width of
    ``style.LEGIBILITY[snap.viewing]`` for the snapshot's frame.
    """
    from . import style

    if text.font_size is None or snap.viewing is None:
        return None
    width = (snap.frame or _frame())[0]
    return (
        text.font_size * style.DIGIT_HEIGHT * style.LEGIBILITY[snap.viewing].pixels_per_unit(width)
    )


def illegible_texts(snapshots: list[Snapshot], tolerance: float = 0.05) -> list[str]:
    """Texts whose digits are smaller than the legibility floor where they are watched.

    The floor is ``style.LEGIBILITY[snap.viewing].min_digit_px`` (less
    ``tolerance`` px); one line per text, naming the beat, the text and its
    size in CSS px. Empty when every text is legible.
    """
    from . import style

    problems = []
    for snap in snapshots:
        for text in snap.texts:
            px = digit_pixels(snap, text)
            floor = style.LEGIBILITY[snap.viewing].min_digit_px if snap.viewing else 0.0
            if px is not None and px < floor - tolerance:
                problems.append(
                    f"{snap.viewing} beat {snap.index}: {text.tex!r} has {px:.1f} px digits, "
                    f"under {floor:g} px"
                )
    return problems


def content_span(snap: Snapshot, margin: float | None = None) -> tuple[float, float]:
    """The share of the frame inside its margins that the beat's content spans (across, down).

    ``margin`` defaults to ``style.FRAME_MARGIN``; (0, 0) when nothing shows.
    """
    from . import style

    if snap.content is None:
        return 0.0, 0.0
    margin = style.FRAME_MARGIN if margin is None else margin
    width, height = snap.frame or _frame()
    size = snap.content[1] - snap.content[0]
    return float(size[0] / (width - 2 * margin)), float(size[1] / (height - 2 * margin))


def sparse_beats(snapshots: list[Snapshot]) -> list[str]:
    """Beats whose content spans less of the frame than ``style.CONTENT_SPAN`` asks.

    Only aspects with an entry there (9:16, 1:1) are held to it; stills are
    not. One line per beat; empty when every beat uses its frame.
    """
    from . import style

    problems = []
    for snap in snapshots:
        wanted = style.CONTENT_SPAN.get(snap.viewing)
        if wanted is None:
            continue
        across, down = content_span(snap)
        if across < wanted[0] - 1e-9 or down < wanted[1] - 1e-9:
            problems.append(
                f"{snap.viewing} beat {snap.index}: content spans {across:.0%} across and "
                f"{down:.0%} down, under {wanted[0]:.0%} and {wanted[1]:.0%}"
            )
    return problems


def smallest_digits(snapshots: list[Snapshot]) -> float:
    """The smallest digit height (CSS px where each is watched, :func:`digit_pixels`) shown.

    Compares texts across a still's aspects, which are all seen at the same
    width (``style.LEGIBILITY["still"]``): there points do not compare, pixels do.
    """
    return min(
        px for snap in snapshots for t in snap.texts if (px := digit_pixels(snap, t)) is not None
    )


def smallest_text(snapshots: list[Snapshot]) -> float:
    """The smallest font size (points) among the texts of ``snapshots`` that have one."""
    return min(t.font_size for snap in snapshots for t in snap.texts if t.font_size is not None)


def record_beats(
    scene_cls: type,
    params: object | None = None,
    media_dir: str | None = None,
    aspect: str = DEFAULT_ASPECT,
) -> list[Snapshot]:
    """Construct ``scene_cls`` (with ``params``) without rendering; one snapshot per beat.

    The last snapshot is the final frame (recorded after ``construct`` returns).
    ``media_dir`` is where Manim keeps its Tex cache (default: its config's).
    ``aspect`` is the frame's shape (:data:`whysigmoid.aspects.ASPECTS`): the
    scene lays itself out for it. Every animation jumps to its end state after
    a stop at each ``MIDWAY`` fraction of its run time (updaters run there
    too); nothing is drawn.
    """
    from manim import tempconfig

    from .manim_config import isolated_config

    snapshots: list[Snapshot] = []
    viewing = STILL if getattr(scene_cls, "is_still", False) else aspect

    def snapshot(scene, caption=None, notes=None) -> Snapshot:
        return Snapshot(
            len(snapshots), _texts(scene), caption, notes, _frame(), viewing, _content(scene)
        )

    def add_subcaption(self, *args, **kwargs) -> None:
        """Nothing to write: no movie (and Manim's .srt path is unset in a dry run)."""

    def setup(self) -> None:
        scene_cls.setup(self)

        def at_beat_end(beat) -> None:  # BlogScene.on_beat_end
            snapshots.append(snapshot(self, beat.caption, beat.notes))

        if hasattr(self, "on_beat_end"):  # a BlogScene (a still has no beats)
            self.on_beat_end(at_beat_end)
        # jump every animation to its end state instead of computing frames
        self.renderer._original_skipping_status = True
        # and draw nothing: Manim still captures a frame per play when skipping,
        # a third of the time, and the snapshots read mobjects, not pixels
        self.renderer.update_frame = _draw_nothing
        self.renderer.save_static_frame_data = _draw_nothing
        self.renderer.render = _draw_nothing

    def get_time_progression(self, run_time, *args, **kwargs):
        progression = scene_cls.get_time_progression(self, run_time, *args, **kwargs)
        if list(progression.iterable) == [run_time]:  # skipping: the end state only
            progression.iterable = [f * run_time for f in MIDWAY] + [run_time]
        return progression

    attributes = {
        "setup": setup,
        "add_subcaption": add_subcaption,
        "get_time_progression": get_time_progression,
    }
    if params is not None:
        attributes["params"] = params
    recording = type(scene_cls.__name__, (scene_cls,), attributes)
    settings = {
        "dry_run": True,
        "write_to_movie": False,
        "disable_caching": True,
        "verbosity": "ERROR",
        "progress_bar": "none",
    }
    if media_dir is not None:
        settings["media_dir"] = str(media_dir)
    settings["pixel_width"], settings["pixel_height"] = INSPECTION_SIZE
    aspect_named(aspect).manim_settings(settings)
    with tempconfig(isolated_config(settings)):
        scene = recording()
        scene.render()
        snapshots.append(snapshot(scene))
    return snapshots


def _frame() -> tuple[float, float]:
    from manim import config

    return float(config.frame_width), float(config.frame_height)


def _draw_nothing(*args, **kwargs) -> None:
    """Stands in for the renderer's drawing methods in a dry run."""


def layout_problems(snapshots: list[Snapshot], margin: float = 0.05) -> list[str]:
    """Texts that leave the frame (less ``margin``) or overlap, at the end of each beat.

    Returns
    -------
    list of str
        One human-readable line per problem; empty when the layout is clean.
    """
    from manim import config

    problems = []
    for snap in snapshots:
        width, height = snap.frame or (config.frame_width, config.frame_height)
        half_w, half_h = width / 2 - margin, height / 2 - margin
        for text in snap.texts:
            (x0, y0), (x1, y1) = text.box
            if not (-half_w <= x0 and x1 <= half_w and -half_h <= y0 and y1 <= half_h):
                problems.append(
                    f"beat {snap.index}: {text.tex!r} leaves the frame "
                    f"{np.round(text.box, 2).tolist()}"
                )
        for i, a in enumerate(snap.texts):
            for b in snap.texts[i + 1 :]:
                if overlaps(a, b):
                    problems.append(f"beat {snap.index}: {a.tex!r} overlaps {b.tex!r}")
    return problems


def foreign_numbers(snapshots: list[Snapshot], allowed: set[str]) -> list[str]:
    """Numbers written in any text (outside sub/superscripts) that are not in ``allowed``.

    Parameters
    ----------
    snapshots : list of Snapshot
    allowed : set of str
        The core's formatted values a scene may show (and structural ones
        such as class indices).

    Returns
    -------
    list of str
        One line per foreign number, naming the beat and the text; empty when
        every number on screen is allowed.
    """
    return [
        f"beat {snap.index}: {token} in {text.tex!r}"
        for snap in snapshots
        for text in snap.texts
        for token in numbers_in(text.tex)
        if token not in allowed
    ]
