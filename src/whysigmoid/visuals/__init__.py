"""Shared visual pieces (Mobjects) built from the core's numbers.

Scenes compose these; nothing here is copied between scenes.
"""

from .exp_curve import ExpCurve
from .legend import Legend
from .neuron import NeuronDiagram
from .number_line import MarkedNumberLine
from .placement import spread
from .sigmoid_panel import SigmoidPanel
from .stacked_bar import StackedBar
from .value_table import ValueTable

__all__ = [
    "ExpCurve",
    "Legend",
    "MarkedNumberLine",
    "NeuronDiagram",
    "SigmoidPanel",
    "StackedBar",
    "ValueTable",
    "spread",
]
