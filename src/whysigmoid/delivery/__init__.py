"""Delivery: what turns a work (a scene or a still) into files.

Owns rendering in worker processes (``render``, ``render_types``,
``render_keys``, ``resume``, ``tasks``, ``process_env``, ``split``, ``beats``,
``incremental``, ``snapshots``), Manim's faster camera and writer (``camera``,
``fast_copies``, ``encoding``), output formats and subtitles (``formats``,
``subtitles``, ``media_info``), decks and handouts (``decks``, ``handout``,
``revealjs``), the gallery page, ``watch``, what whysigmoid delivered and
cleans up (``ledger``, ``cleanup``) and the environment checks (``doctor``).

May import the floors below it (``whysigmoid.core``, the look: ``style``,
``visuals``, ``scene_base``, and the works: ``catalog``, ``overrides``,
``manim_config``, ``inspection``), never the CLI above it;
``tests/test_layers.py`` walks the imports.
"""
