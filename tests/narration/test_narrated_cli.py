"""`whysigmoid render --narrate` as a user runs it: a process with the network cut off.

One real render of the smallest video at preview size, with an author's
recording for its first beat; then Whisper tiny.en (offline) listens to a
synthesised beat of the narrated clip the command made.
"""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import av
import numpy as np
import pytest
import srt
from scipy.signal import resample_poly
from soundtools import (
    TONE_HZ,
    TONE_SECONDS,
    WHISPER_RATE,
    heard,
    likeness,
    sound_of,
    tone,
    twin_beat_ends,
    whisper_model,
    write_wav,
)

from whysigmoid.catalog import find_work
from whysigmoid.delivery.files.layout import narrated_path, narration_dir
from whysigmoid.delivery.outputs.transcript import transcript_path
from whysigmoid.narration import Narrator, narration_for, recorded_speech, recording_path

SCENE = "JustActivation"
#: A documentation address (TEST-NET-1, RFC 5737): no host answers there.
UNREACHABLE = ("192.0.2.1", 80)
PROBE = textwrap.dedent(
    f"""
    import socket
    try:
        socket.create_connection({UNREACHABLE!r}, timeout=5)
    except OSError as error:
        print("cut off:", error)
    else:
        raise SystemExit("the network is reachable")
    """
)
#: Without network namespaces: a sitecustomize that makes every connection fail.
REFUSE_SOCKETS = (
    "import socket\n"
    "def _refuse(*args, **kwargs):\n"
    "    raise OSError('network cut off by the test')\n"
    "socket.socket.connect = _refuse\n"
    "socket.socket.connect_ex = _refuse\n"
    "socket.create_connection = _refuse\n"
)


def offline(folder: Path) -> tuple[list[str], dict[str, str]]:
    """A command prefix and environment that cut a process off the network.

    A new network namespace (``unshare -rn``: only a loopback, down) where
    the kernel allows it, else a ``sitecustomize`` that refuses connections.
    """
    env = dict(os.environ)
    if subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode == 0:
        return ["unshare", "-rn"], env
    (folder / "sitecustomize.py").write_text(REFUSE_SOCKETS)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(folder), env.get("PYTHONPATH")]))
    return [], env


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    root = tmp_path_factory.mktemp("offline")
    media, voice = root / "media", root / "voice"
    write_wav(recording_path(voice, SCENE, 1), tone())
    prefix, env = offline(root)
    probe = subprocess.run(
        [*prefix, sys.executable, "-c", PROBE], capture_output=True, text=True, env=env
    )
    assert probe.returncode == 0 and "cut off" in probe.stdout, probe.stderr + probe.stdout
    program = Path(sys.executable).with_name("whysigmoid")
    args = ["render", SCENE, "-q", "preview", "--narrate", "--recordings", str(voice)]
    done = subprocess.run(
        [*prefix, str(program), *args, "--media-dir", str(media)],
        capture_output=True,
        text=True,
        env=env,
        timeout=1800,
    )
    assert done.returncode == 0, done.stderr
    silent = media / "preview" / find_work(SCENE).output
    return done, silent, narrated_path(silent)


def beat_spans(silent):
    """(start, end) of each beat of the narrated twin of ``silent``, in seconds.

    Its beats are the silent video's (one subtitle a beat), held for their
    speech: beat 1's the author's recording, the others' from the synthesis cache.
    """
    media = silent.parents[1]
    texts = narration_for(SCENE, find_work(SCENE).params_type())
    recorded = recorded_speech(recording_path(media.parent / "voice", SCENE, 1), texts[0])
    narrator = Narrator(narration_dir(media))
    ends = twin_beat_ends(silent, [recorded, *(narrator.cached(t) for t in texts[1:])])
    return list(zip([0.0, *ends[:-1]], ends, strict=True))


def test_a_narrated_render_works_with_the_network_cut_off(made):
    done, silent, twin = made
    listed = done.stdout.split()
    for path in (silent, twin, twin.with_suffix(".srt"), transcript_path(twin)):
        assert str(path) in listed and path.exists()
    samples, rate = sound_of(twin)
    with av.open(str(twin)) as source:
        video = source.streams.video[0]
        seconds = float(video.frames / video.average_rate)
    assert abs(len(samples) / rate - seconds) < 0.1
    assert np.max(np.abs(samples)) > 0.1


def test_the_authors_recording_is_beat_ones_voice_and_its_text_the_captions(made):
    done, silent, twin = made
    assert f"{SCENE}: the author's voice for beat 1" in done.stderr
    (start, end), *_ = beat_spans(silent)
    assert end - start >= TONE_SECONDS  # held until the recording ended
    samples, rate = sound_of(twin)
    part = samples[round(0.5 * rate) : round((TONE_SECONDS - 0.5) * rate)]
    spectrum = np.abs(np.fft.rfft(part * np.hanning(len(part))))
    assert abs(np.fft.rfftfreq(len(part), 1 / rate)[np.argmax(spectrum)] - TONE_HZ) < 5
    first = narration_for(SCENE, find_work(SCENE).params_type())[0]
    cues = [
        c for c in srt.parse(twin.with_suffix(".srt").read_text()) if c.start.total_seconds() < end
    ]
    assert " ".join(" ".join(c.content.split()) for c in cues) == first


def test_whisper_hears_the_narration_in_the_clip_the_command_made(made):
    _, silent, twin = made
    samples, rate = sound_of(twin)
    start, end = beat_spans(silent)[1]  # beat 2: synthesised, the inputs' values
    part = samples[round(start * rate) : round(end * rate)]
    words = heard(whisper_model(), resample_poly(part, WHISPER_RATE, rate))
    text = narration_for(SCENE, find_work(SCENE).params_type())[1]
    # tiny.en may mishear a word; the values must come through
    assert likeness(words, text) >= 0.9, words
    for number in ("one", "zero", "five"):
        assert number in words
