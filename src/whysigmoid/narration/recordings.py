"""The author's own voice: a folder of WAV recordings, one per beat, checked before a render.

A recording of beat ``N`` of a scene is ``<folder>/<SceneName>/beat-<N>.wav``
(:func:`whysigmoid.narration.assembly.recording_path`); it replaces the
synthetic voice for that beat (:func:`whysigmoid.narration.prepare`). The
folder is the one given to ``whysigmoid render --narrate --recordings DIR``
(the docs call it ``voice/``).

:func:`check_recordings` reads every recording of a scene before anything is
drawn and refuses, in one line naming the file, what would fail later or be
silently ignored: a file that is not a WAV, an empty or unreadable one, one
without sound, one for a beat the scene does not have, and a file named like
a beat's recording that is not ``beat-<N>.wav``.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from .synthesis import NarrationError

__all__ = ["RECORDING_PATTERN", "check_recording", "check_recordings"]

#: A beat's recording: ``beat-3.wav``.
RECORDING_PATTERN = re.compile(r"beat-([1-9][0-9]*)\.wav")
#: Files that look meant as a beat's recording (and must then match :data:`RECORDING_PATTERN`).
_LOOKS_LIKE_A_RECORDING = re.compile(r"beat[-_ ]?\d", re.IGNORECASE)
#: A WAV file starts with a RIFF (or RF64 / BW64, for large files) header of form WAVE.
_WAV_HEADERS = (b"RIFF", b"RF64", b"BW64")
_WAV_FORM = b"WAVE"
_HEADER_BYTES = 12


def check_recording(path: Path) -> None:
    """Refuse a recording that is not a readable WAV with sound in it.

    Parameters
    ----------
    path : Path
        The recording (``beat-<N>.wav``).

    Raises
    ------
    NarrationError
        One line naming ``path``: unreadable (permissions, a folder), empty,
        not a WAV file (by its header), no audio stream or no samples, or
        only silence.
    """
    import av

    try:
        with open(path, "rb") as file:
            header = file.read(_HEADER_BYTES)
    except OSError as error:
        raise NarrationError(f"cannot read the recording {path}: {error.strerror}") from None
    if not header:
        raise NarrationError(f"the recording {path} is empty (0 bytes)")
    if header[:4] not in _WAV_HEADERS or header[8:12] != _WAV_FORM:
        raise NarrationError(f"the recording {path} is not a WAV file: save or export it as WAV")
    try:
        with av.open(str(path)) as source:
            if not source.streams.audio:
                raise NarrationError(f"the recording {path} has no audio in it")
            loudest = 0.0
            count = 0
            for frame in source.decode(audio=0):
                samples = frame.to_ndarray()
                count += samples.shape[-1]
                if samples.size:
                    loudest = max(loudest, float(np.max(np.abs(samples.astype(np.float64)))))
    except (av.error.FFmpegError, ValueError) as error:
        raise NarrationError(f"the recording {path} is not a readable WAV: {error}") from None
    if count == 0:
        raise NarrationError(f"the recording {path} holds no samples")
    if loudest == 0.0:
        raise NarrationError(f"the recording {path} is silent")


def check_recordings(folder: Path, scene: str, beats: int) -> dict[int, Path]:
    """The recordings of ``scene`` in ``folder``, by beat number, each checked.

    Parameters
    ----------
    folder : Path
        The recordings' folder; ``scene``'s are in its subfolder ``scene``
        (none there: no recordings, an empty dict).
    scene : str
        The scene's class name.
    beats : int
        How many beats the scene's narration has.

    Returns
    -------
    dict of int to Path
        Beat number (from 1) to its recording, in beat order.

    Raises
    ------
    NarrationError
        One line naming the file: a recording for a beat the scene does not
        have, a file named like a beat's recording in another way than
        ``beat-<N>.wav``, or a recording :func:`check_recording` refuses.
    """
    own = Path(folder) / scene
    if not own.is_dir():
        return {}
    found: dict[int, Path] = {}
    for path in sorted(own.iterdir()):
        match = RECORDING_PATTERN.fullmatch(path.name)
        if match is None:
            if _LOOKS_LIKE_A_RECORDING.match(path.name):
                raise NarrationError(
                    f"{path}: a beat's recording is named beat-<N>.wav (e.g. beat-1.wav)"
                )
            continue
        beat = int(match.group(1))
        if beat > beats:
            raise NarrationError(
                f"{path}: {scene} has {beats} beats, there is no beat {beat} to record"
            )
        check_recording(path)
        found[beat] = path
    return dict(sorted(found.items()))
