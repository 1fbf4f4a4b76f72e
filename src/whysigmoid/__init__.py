"""whysigmoid: the explainer videos of the blog post "Why so sigmoid?".

``whysigmoid.core`` is the pure-math core (numpy and scipy only); the rest of
the package turns its numbers into Manim scenes and renders them.
"""

__version__ = "0.1.0"
