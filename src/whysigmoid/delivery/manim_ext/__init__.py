"""Every place where whysigmoid relies on Manim's or manim-slides' internals, one module each.

- :mod:`.encoding`: a ``SceneFileWriter`` with a faster, deterministic x264
  and held frames converted once (``SceneFileWriter`` and its encode jobs);
- :mod:`.camera`: a Cairo camera that keeps each mobject's path while its
  points do not change (``Camera.set_cairo_context_path``);
- :mod:`.fast_copies`: formula copies that share their parsed SVG path
  (``VMobjectFromSVGPath.__deepcopy__``);
- :mod:`.straight_alpha`: a renderer whose frames are un-premultiplied
  for transparent videos (``CairoRenderer.add_frame``);
- :mod:`.dark_play`: a renderer that plays animations without drawing them,
  frame by frame (rewrites ``CairoRenderer.play``);
- :mod:`.manim_log`: Manim's logger without the warnings about a format the
  user chose;
- :mod:`.tex_cache`: Manim's Tex cache that heals: a cached SVG that does not
  parse (a killed dvisvgm, a full disk) is compiled again
  (``manim.utils.tex_file_writing.tex_to_svg_file``);
- :mod:`.slides`: a slide's speaker notes set at its end
  (``Slide._base_slide_config``) and quiet deck converters
  (``manim_slides.convert.tqdm``).

Why Manim is pinned to 0.21.x: these modules use internals that Manim does
not promise to keep, and manim-slides (5.x) does not work with Manim 0.22.
Each module has a test that compares its frames, bitstreams or behaviour with
Manim's own (``tests/delivery/manim_ext/``), so a new Manim shows at once what
broke; ``whysigmoid doctor`` checks the installed series.
"""
