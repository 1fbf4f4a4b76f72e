"""Shared visual pieces (Mobjects) built from the core's numbers.

Scenes compose these; nothing here is copied between scenes.
"""

from .graph import FunctionGraph
from .grids import PixelGrid, WeightGrid
from .legend import Legend
from .neuron import NeuronDiagram
from .readout import NumberReadout, labelled_readout
from .sigmoid_panel import SigmoidPanel
from .tower_network import TowerNetwork
from .trackers import glide

__all__ = [
    "FunctionGraph",
    "Legend",
    "NeuronDiagram",
    "NumberReadout",
    "PixelGrid",
    "SigmoidPanel",
    "TowerNetwork",
    "WeightGrid",
    "glide",
    "labelled_readout",
]
