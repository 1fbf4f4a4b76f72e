"""Shared visual pieces (Mobjects) built from the core's numbers.

Scenes compose these; nothing here is copied between scenes.
"""

from .grids import PixelGrid, WeightGrid
from .legend import Legend
from .neuron import NeuronDiagram
from .sigmoid_panel import SigmoidPanel

__all__ = ["Legend", "NeuronDiagram", "PixelGrid", "SigmoidPanel", "WeightGrid"]
