"""Shared visual pieces (Mobjects) built from the core's numbers.

Scenes compose these; nothing here is copied between scenes. Floor 1: may
import ``whysigmoid.core`` and ``whysigmoid.style``, nothing above.
"""

from .caption_card import caption_card, tex_escaped
from .derivative_plot import (
    SIGMOID_Y_RANGE,
    FunctionAndDerivative,
    PlotText,
    plot_axes,
    relu_and_derivative,
    sigmoid_and_derivative,
)
from .exp_curve import ExpCurve
from .graph import FunctionGraph
from .grids import PixelGrid, WeightGrid
from .legend import Legend, affine_label, parameter_label
from .neuron import NeuronDiagram
from .number_line import MarkedNumberLine
from .placement import spread
from .readout import NumberReadout, labelled_readout
from .sigmoid_panel import SigmoidPanel
from .stacked_bar import StackedBar
from .tower_network import TowerNetwork
from .trackers import glide
from .value_table import ColumnTable, ValueTable, two_class_table

__all__ = [
    "SIGMOID_Y_RANGE",
    "ColumnTable",
    "ExpCurve",
    "FunctionAndDerivative",
    "FunctionGraph",
    "Legend",
    "MarkedNumberLine",
    "NeuronDiagram",
    "NumberReadout",
    "PixelGrid",
    "PlotText",
    "SigmoidPanel",
    "StackedBar",
    "TowerNetwork",
    "ValueTable",
    "WeightGrid",
    "affine_label",
    "caption_card",
    "glide",
    "labelled_readout",
    "parameter_label",
    "plot_axes",
    "relu_and_derivative",
    "sigmoid_and_derivative",
    "spread",
    "tex_escaped",
    "two_class_table",
]
