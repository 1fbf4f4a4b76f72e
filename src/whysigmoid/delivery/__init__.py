"""Delivery: what turns a work (a scene or a still) into files, in parts that say what they do.

Its sub-packages, each on a floor that imports only floors below it
(``tests/test_layers.py`` checks this, and that no import cycle exists):

- floor 0: :mod:`.files` (the media dir's layout, atomic writes, the ledger
  of what whysigmoid delivered, ``clean``, the Tex pool), :mod:`.movies`
  (finished video files with PyAV: probing, joining, GIFs, posters,
  subtitles);
- floor 1: :mod:`.manim_ext` (every patch of Manim's or manim-slides'
  internals, and why the project pins Manim 0.21; the healing Tex cache
  checks SVGs as the Tex pool does);
- floor 2: :mod:`.beats` (a scene's storyboard beats: reading them, rendering
  a range of them);
- floor 3: :mod:`.outputs` (what a render makes: videos, stills, clips,
  decks, handouts, the gallery page, behind one ``Output`` protocol);
- floor 4: :mod:`.engine` (one render's lifecycle, in this process, in
  parallel parts or resumed by ``watch``; render keys, the beat cache, work
  lists in worker processes);
- floor 5: :mod:`.batch` (sweeps, shards, manifests, the work list of a
  command) and :mod:`.tools` (``watch``, ``doctor``).

Delivery may import the floors of the package below it (``whysigmoid.core``,
the look: ``style``, ``visuals``, ``scene_base``, and the works: ``catalog``,
``overrides``, ``manim_config``, ``inspection``), never the CLI above it.
"""
