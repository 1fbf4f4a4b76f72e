"""Files in a media dir: where everything goes, how it is written, what whysigmoid may touch.

:mod:`.layout` is the one description of a media dir (``<quality>/``,
``slides/``, ``.manim/<work>/`` with its records, staging dirs, beat cache and
parts, the Tex pool); :mod:`.atomic` writes a file whole or not at all;
:mod:`.ledger` records what whysigmoid delivered so that it never replaces
or deletes a user's file; :mod:`.cleanup` is ``whysigmoid clean``;
:mod:`.tex_pool` shares compiled formulas between a scene's variants.
"""
