import itertools

import pytest

from whysigmoid.core import (
    EXAMPLE_FIRES,
    EXAMPLE_SILENT,
    PATTERN,
    ConceptDetectorParams,
    detect,
    format_tex,
    weight_grid,
)
from whysigmoid.inspection import layout_problems

ALL_PARAMS = [
    ConceptDetectorParams(),
    ConceptDetectorParams(weight_columns=(-0.5, 0.25, 2.0, 1.5), bias=-5.5),
    ConceptDetectorParams(weight_columns=(0.5, 0.5, 0.5, 0.5), bias=-1.25, steepness=3.0),
]


def ids(params):
    return f"w={params.weight_columns}-b={params.bias}"


def texts(snapshot):
    return [t.tex for t in snapshot.texts]


def verdicts(snapshot):
    """The number written after each implication arrow, in order."""
    items = snapshot.texts
    return [b.shown for a, b in itertools.pairwise(items) if a.tex == r"\Rightarrow"]


def test_blog_values(beats):
    snaps = beats("ConceptDetector")
    shown = [t.shown for t in snaps[1].texts if t.shown is not None]
    assert sorted(set(shown)) == ["-1.0", "0.0", "0.7", "1.0"]
    lines = [t for t in texts(snaps[2]) if t.startswith(":")]
    assert lines == [r": -0.7 + 4 = 3.3 \geq 3\;?", r": -3.7 \geq 3\;?"]


@pytest.mark.parametrize("params", ALL_PARAMS, ids=ids)
def test_numbers_come_from_the_core(beats, params):
    snaps = beats("ConceptDetector", params)
    weights = weight_grid(params.weight_columns, PATTERN.shape[0])
    results = [detect(image, weights, params.bias) for image in (EXAMPLE_FIRES, EXAMPLE_SILENT)]
    soft = [
        detect(image, weights, params.bias, "sigmoid", params.steepness)
        for image in (EXAMPLE_FIRES, EXAMPLE_SILENT)
    ]
    # beat 2: every weight written in the grid
    shown = [t.shown for t in snaps[1].texts if t.shown is not None]
    assert sorted(shown) == sorted(format_tex(w, 1) for w in weights.ravel())
    threshold = format_tex(-params.bias, 2, trim=True)
    assert any(
        t.startswith(rf"\text{{Bias}} = {format_tex(params.bias, 2, trim=True)}")
        for t in texts(snaps[1])
    )
    # beat 3: each example's evidence and its step output
    lines = [t for t in texts(snaps[2]) if t.startswith(":")]
    for line, result in zip(lines, results, strict=True):
        assert line.endswith(rf"\geq {threshold}\;?")
        assert format_tex(result.weighted_sum, 2, trim=True) in line
    assert verdicts(snaps[2]) == [format_tex(r.output, 0) for r in results]
    # beat 4: the steep sigmoid's outputs replace them
    assert verdicts(snaps[-1]) == [format_tex(s.output, 2) for s in soft]


@pytest.mark.parametrize("params", ALL_PARAMS, ids=ids)
def test_layout(beats, params):
    assert layout_problems(beats("ConceptDetector", params)) == []
