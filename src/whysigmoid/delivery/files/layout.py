"""The media dir's layout: every path whysigmoid reads or writes under ``--media-dir``.

::

    <media-dir>/
      <quality>/                 deliverables: videos, subtitles, posters, stills,
                                 gallery pages (``deliverables_dir``)
      slides/                    decks (``decks_dir``)
      <name>.manifest.json/.csv  manifests of sweeps and shards
      .manim/                    whysigmoid's own (``cache_root``): may be deleted
        delivered.json           the ledger of what was delivered
        tex-pool/<Scene>/        formulas compiled by any variant (``pool_dir``)
        narration/               the narration's synthesis cache, shared by every
                                 quality, aspect and theme (``narration_dir``)
        <work label>/            one work's Manim work dir (``work_dir``)
          .lock                  held while the work renders
          <quality>-<output>.json    the record of its last render (``record_path``)
          Tex/, texts/           Manim's LaTeX and text caches (``tex_dir``)
          staging-<quality>-<output>/  Manim writes here before delivery
          slides-<quality><suffix>/    a deck's slides (``slides_dir``)
          beat-cache/<quality>-<output>/  the beat cache (``beat_cache_dir``)
          parts/<i>/             the work dirs of a split render's parts (``part_dir``)
          videos/, images/       Manim's own output while a render runs: partial
                                 movies (the beat cache moves the ones it keeps);
                                 removed when the render ends (``scratch_paths``)

Render workers also run in ``.manim/`` (a folder of whysigmoid's own, never
the caller's). Nothing else in the package builds these paths.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "CAPTIONED_SUFFIX",
    "DECKS_DIR_NAME",
    "LOCK_NAME",
    "TEX_DIR_NAME",
    "WORK_DIR_NAME",
    "beat_cache_dir",
    "cache_root",
    "captioned_path",
    "decks_dir",
    "deliverables_dir",
    "narrated_path",
    "narration_dir",
    "part_dir",
    "pool_dir",
    "record_path",
    "scratch_paths",
    "slides_dir",
    "staging_dir",
    "tex_dir",
    "work_dir",
]

#: whysigmoid's own folder inside a media dir (work dirs, records, the ledger).
WORK_DIR_NAME = ".manim"
#: The decks' folder inside a media dir.
DECKS_DIR_NAME = "slides"
#: The lock file inside a work dir.
LOCK_NAME = ".lock"
#: Manim's Tex cache inside a work dir (its default ``tex_dir``, ``{media_dir}/Tex``).
TEX_DIR_NAME = "Tex"
#: The Tex pools' folder inside :data:`WORK_DIR_NAME`.
POOL_DIR_NAME = "tex-pool"
#: The narration's synthesis cache inside :data:`WORK_DIR_NAME`.
NARRATION_DIR_NAME = "narration"
#: What a narrated video's name adds to the silent one's stem.
NARRATED_SUFFIX = "--narrated"
#: Added to a video's name for its twin with the captions burned in (``render --burn-captions``).
CAPTIONED_SUFFIX = "--captioned"
#: The beat caches' folder inside a work dir.
BEAT_CACHE_DIR_NAME = "beat-cache"
#: The parts' work dirs' folder inside a work dir.
PARTS_DIR_NAME = "parts"
#: What Manim writes in a work dir that no later render reads: its partial
#: movies (caching is off; the beat cache moves the ones it keeps) and images.
MANIM_SCRATCH_NAMES = ("videos", "images")
#: Staging dirs' names in a work dir (:func:`staging_dir`).
STAGING_PATTERN = "staging-*"


def cache_root(media_dir: Path) -> Path:
    """``<media_dir>/.manim``: whysigmoid's own folder."""
    return media_dir / WORK_DIR_NAME


def deliverables_dir(media_dir: Path, quality: str) -> Path:
    """``<media_dir>/<quality>``: where a render's files are delivered."""
    return media_dir / quality


def decks_dir(media_dir: Path) -> Path:
    """``<media_dir>/slides``: where decks are written."""
    return media_dir / DECKS_DIR_NAME


def work_dir(media_dir: Path, label: str) -> Path:
    """The Manim work dir of the work labelled ``label`` (a variant's own: ``<Scene>--<name>``)."""
    return cache_root(media_dir) / label


def record_path(media_dir: Path, label: str, quality: str, output_label: str) -> Path:
    """The record of the last good render of a work at a quality, as an output."""
    return work_dir(media_dir, label) / f"{quality}-{output_label}.json"


def tex_dir(work: Path) -> Path:
    """Manim's Tex cache in the work dir ``work``."""
    return work / TEX_DIR_NAME


def staging_dir(work: Path, quality: str, output_label: str) -> Path:
    """Where Manim writes a render's files before they are delivered."""
    return work / f"staging-{quality}-{output_label}"


#: Manim's temporary copy of a formula's SVG (``SVGMobject.generate_mobject``).
MANIM_SVG_COPY_PATTERN = "*_.svg"


def scratch_paths(work: Path) -> list[Path]:
    """What a render leaves in the work dir ``work`` that no later render reads.

    Manim's ``videos/`` and ``images/`` (partial movies, half-written after a
    failure) and staging dirs, in ``work`` and in its parts' work dirs; also
    hidden partial files (:func:`whysigmoid.delivery.files.atomic.partial_path`)
    a killed process left, and the temporary copies ``<hash>_.svg`` that
    Manim's ``SVGMobject.generate_mobject`` writes beside a formula's SVG and
    deletes after parsing (on a full disk it stays, empty). Only those that exist.
    """
    folders = [work, *sorted(parts_root(work).glob("*"))]
    found = []
    for folder in folders:
        found += [folder / name for name in MANIM_SCRATCH_NAMES if (folder / name).exists()]
        found += sorted(folder.glob(STAGING_PATTERN))
        found += sorted(folder.glob(".*.partial*"))
        found += sorted(tex_dir(folder).glob(MANIM_SVG_COPY_PATTERN))
    return found


def slides_dir(work: Path, quality: str, suffix: str) -> Path:
    """Where a deck's slides of a work stay (``suffix``: the screen's, e.g. ``-dark``)."""
    return work / f"slides-{quality}{suffix}"


def beat_cache_dir(work: Path, quality: str, output_label: str) -> Path:
    """Where the beats of a work's last render at a quality and output are kept."""
    return work / BEAT_CACHE_DIR_NAME / f"{quality}-{output_label}"


def parts_root(work: Path) -> Path:
    """The folder of a split render's parts' work dirs."""
    return work / PARTS_DIR_NAME


def part_dir(work: Path, index: int) -> Path:
    """The work dir of part ``index`` (from 0) of a split render."""
    return parts_root(work) / str(index)


def pool_dir(media_dir: Path, scene: str) -> Path:
    """``<media_dir>/.manim/tex-pool/<scene>/``: the Tex pool of the scene (class) ``scene``."""
    return cache_root(media_dir) / POOL_DIR_NAME / scene


def narration_dir(media_dir: Path) -> Path:
    """``<media_dir>/.manim/narration/``: the synthesis cache of every narrated render."""
    return cache_root(media_dir) / NARRATION_DIR_NAME


def narrated_path(video: Path) -> Path:
    """The narrated twin of a silent video (``x.mp4`` -> ``x--narrated.mp4``)."""
    return video.with_name(f"{video.stem}{NARRATED_SUFFIX}{video.suffix}")


def captioned_path(video: Path) -> Path:
    """The twin of ``video`` with its captions burned in (``x.mp4`` -> ``x--captioned.mp4``)."""
    return video.with_name(f"{video.stem}{CAPTIONED_SUFFIX}{video.suffix}")
