"""whysigmoid: the explainer videos of the blog post "Why so sigmoid?".

The package is built in floors; a module imports only from its own floor and
those below (``tests/test_layers.py`` walks the imports):

0. ``core``: the pure math (numpy and scipy only, never manim);
1. the look: ``palettes`` (the themes' colours), ``aspects`` (the screen shapes),
   ``style``, ``visuals``
   (shared mobjects), ``scene_base`` (``BlogScene``); the scenes themselves
   live in ``scenes/`` beside the package;
2. the works: ``catalog`` (every video and still), ``overrides`` (``--set``),
   ``manim_config``, ``inspection`` (a scene's beats without rendering);
3. ``delivery``: rendering, formats, decks, the gallery, ``watch``;
4. ``cli``: the ``whysigmoid`` command.
"""

__version__ = "0.1.0"
