import numpy as np
import pytest
from scenechecks import TOWER_DEMO, TOWER_MORE, check_tower_functions, deviation_history

from whysigmoid.core import TowerFunctionsParams
from whysigmoid.inspection import layout_problems

OTHER_PARAMS = [
    TowerFunctionsParams(
        tower_counts=(3, 7, 64),
        interval=(0.1, 0.9),
        steepness=400.0,
        start_height=-1.0,
        demo_steps=(0.2, 0.7),
        demo_height=-1.5,
    ),
]
ALL_PARAMS = [TowerFunctionsParams(), *OTHER_PARAMS]


@pytest.mark.parametrize("params", ALL_PARAMS, ids=["blog", "other"])
def test_readouts_and_every_number_come_from_the_core(beats, params):
    check_tower_functions(beats("TowerFunctions", params), params)


def test_deviation_falls_with_more_towers(beats):
    rows = deviation_history(beats("TowerFunctions", ALL_PARAMS[0])[TOWER_MORE])
    values = [number.value for _, number in rows]
    assert len(values) == 4 and values == sorted(values, reverse=True)


def test_demo_labels_show_the_step_positions(beats):
    texts = [t.tex for t in beats("TowerFunctions", ALL_PARAMS[0])[TOWER_DEMO].texts]
    assert r"b_1 = -400 \;\Rightarrow\; s_1 = -b_1/w = 0.4" in texts
    assert r"b_2 = -600 \;\Rightarrow\; s_2 = -b_2/w = 0.6" in texts
    assert "w = 1000" in texts and "h = 0.8" in texts and "-h = -0.8" in texts


@pytest.mark.parametrize("params", ALL_PARAMS, ids=["blog", "other"])
def test_layout(beats, params):
    assert layout_problems(beats("TowerFunctions", params)) == []


#: Tick labels as wide as the domain allows (-1000000 on both plots) on a long interval.
WIDE_LABELS = TowerFunctionsParams(
    tower_counts=(9, 1, 50, 7, 7),
    interval=(-0.5, 1.278),
    steepness=49.99,
    start_height=-1e6,
    demo_steps=(0.5, 1.276222),
    demo_height=-1e6,
)


@pytest.mark.parametrize("aspect", ["9:16", "1:1"])
def test_wide_tick_labels_narrow_the_plots_instead_of_leaving_the_frame(beats, aspect):
    """Found with the 1:1 layout: in the narrow frames the labels pushed the axes' ends out."""
    snapshots = beats("TowerFunctions", WIDE_LABELS, aspect)
    assert layout_problems(snapshots) == []
    check_tower_functions(snapshots, WIDE_LABELS)


def test_tick_labels_are_round(beats):
    """Axis ticks come from the core's nice steps: whole multiples of the step."""
    for snap in beats("TowerFunctions", ALL_PARAMS[0]):
        for text in snap.texts:
            if text.value is not None and text.tex == text.shown and "." not in text.shown:
                assert float(text.value) == np.round(text.value)
