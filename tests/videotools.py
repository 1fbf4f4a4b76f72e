"""Helpers for tests that render videos: a tiny size, decoded frames' hashes, scene edits."""

import hashlib

import av

#: Manim settings for test renders: small and slow enough to be quick.
TINY = {"pixel_width": 320, "pixel_height": 180, "frame_rate": 5}


def frame_hashes(path) -> list[str]:
    """SHA-256 of each decoded frame (RGB) of the video at ``path``, in order."""
    with av.open(str(path)) as container:
        return [
            hashlib.sha256(frame.to_ndarray(format="rgb24").tobytes()).hexdigest()
            for frame in container.decode(video=0)
        ]


def insert_in_beat(text: str, beat: int, line: str) -> str:
    """``text`` with ``line`` added before the ``self.beat(`` call that ends ``beat``."""
    head, rest = text.split(f"# Beat {beat}:", 1)
    body, tail = rest.split("self.beat(", 1)
    body, indent = body.rsplit("\n", 1)
    return f"{head}# Beat {beat}:{body}\n{line}\n{indent}self.beat({tail}"
