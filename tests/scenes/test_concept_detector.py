import pytest
from scenechecks import check_concept_detector

from whysigmoid.core import ConceptDetectorParams
from whysigmoid.inspection import layout_problems

ALL_PARAMS = [
    ConceptDetectorParams(),
    ConceptDetectorParams(weight_columns=(-0.5, 0.25, 2.0, 1.5), bias=-5.5),
    ConceptDetectorParams(weight_columns=(0.5, 0.5, 0.5, 0.5), bias=-1.25, steepness=3.0),
]


def ids(params):
    return f"w={params.weight_columns}-b={params.bias}"


def test_blog_values(beats):
    snaps = beats("ConceptDetector")
    shown = [t.shown for t in snaps[1].texts if t.shown is not None]
    assert sorted(set(shown)) == ["-1.0", "0.0", "0.7", "1.0"]
    lines = [t.tex for t in snaps[2].texts if t.tex.startswith(":")]
    # the blog's lines: equal summands grouped, every term checkable against the pixels
    assert lines == [r": -0.7 + 4 = 3.3 \geq 3\;?", r": -0.7 - 3 = -3.7 \geq 3\;?"]


@pytest.mark.parametrize("params", ALL_PARAMS, ids=ids)
def test_numbers_come_from_the_core(beats, params):
    check_concept_detector(beats("ConceptDetector", params), params)


@pytest.mark.parametrize("params", ALL_PARAMS, ids=ids)
def test_layout(beats, params):
    assert layout_problems(beats("ConceptDetector", params)) == []
