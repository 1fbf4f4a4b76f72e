"""A scene's storyboard beats: the one reader of them, and rendering only some of them.

:mod:`.source` reads a scene's ``# Beat N`` comments (how many, the text of
each, the code after one); :mod:`.ranges` makes a scene render only beats
``N..M``, playing the earlier ones without drawing them. Both follow a render
through the scene's beat-end hook (:meth:`whysigmoid.scene_base.BlogScene.on_beat_end`).
"""
