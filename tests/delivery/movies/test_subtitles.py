from datetime import timedelta

import pytest
import srt

from whysigmoid.delivery.movies.subtitles import srt_to_vtt, vtt_timestamp

SRT = """1
00:00:00,000 --> 00:00:05,600
A neuron.

2
00:00:05,600 --> 01:02:03,004
Two lines,
of text.
"""


def test_vtt_timestamp():
    assert vtt_timestamp(timedelta(0)) == "00:00:00.000"
    assert vtt_timestamp(timedelta(hours=1, minutes=2, seconds=3, milliseconds=4)) == (
        "01:02:03.004"
    )
    assert vtt_timestamp(timedelta(seconds=24.333333333)) == "00:00:24.333"
    assert vtt_timestamp(timedelta(seconds=59.9996)) == "00:01:00.000"


def test_srt_to_vtt():
    assert srt_to_vtt(SRT) == (
        "WEBVTT\n\n"
        "1\n00:00:00.000 --> 00:00:05.600\nA neuron.\n\n"
        "2\n00:00:05.600 --> 01:02:03.004\nTwo lines,\nof text.\n"
    )


def test_srt_to_vtt_rejects_garbage():
    with pytest.raises(srt.SRTParseError):
        srt_to_vtt("not a subtitle file\n")
