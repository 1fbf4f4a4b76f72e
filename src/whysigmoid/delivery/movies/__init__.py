"""Finished movies (video files), worked on with PyAV: probing, joining, GIFs, posters, subtitles.

Nothing here knows scenes or Manim: each function takes files and makes files.
"""
