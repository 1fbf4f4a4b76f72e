import pytest

from whysigmoid.core import ExpNormalizeSigmoidParams, format_tex, sigmoid, two_class_normalize
from whysigmoid.inspection import foreign_numbers, layout_problems, numbers_in

SCENE = "ExpNormalizeSigmoid"
OTHER_PARAMS = [
    ExpNormalizeSigmoidParams(log_scores=(0.5, 2.0)),  # both more likely than event 0
    ExpNormalizeSigmoidParams(log_scores=(-3.0, -0.05)),  # both less likely, one close to 0
    ExpNormalizeSigmoidParams(log_scores=(0.0, 0.0)),  # as likely, on top of each other
    ExpNormalizeSigmoidParams(log_scores=(5.0, -1.25)),  # lines on separate scales
    ExpNormalizeSigmoidParams(log_scores=(50.0, -50.0)),  # the extremes: e^50 = 5.18 x 10^21
    ExpNormalizeSigmoidParams(log_scores=(-40.0, 40.0)),  # 4.25 x 10^-18 and 2.35 x 10^17
]
ALL_PARAMS = [ExpNormalizeSigmoidParams(), *OTHER_PARAMS]


def ids(params):
    return ",".join(f"{x:g}" for x in params.log_scores)


def fmt(value, decimals=2, trim=False, scientific_tiny=False):
    return format_tex(value, decimals, trim, scientific_tiny)


def exp_text(case):
    """e^x as the scene writes it: never 0, tiny ones in scientific notation."""
    return fmt(case.exp_score, scientific_tiny=True)


def shown(snapshot):
    return sorted(t.shown for t in snapshot.texts if t.shown is not None)


def table_cells(case):
    e, total = exp_text(case), fmt(case.total)
    return [
        rf"1 + {e} = {total}",
        rf"\frac{{1}}{{{total}}} = {fmt(case.p0, 3)}",
        rf"\frac{{{e}}}{{{total}}} = {fmt(case.p1, 3)}",
    ]


def test_blog_values(beats):
    snapshots = beats(SCENE)
    texts = [t.tex for t in snapshots[4].texts]
    # the blog's case 1: e^-0.4 = 0.67, sum 1.67, p(0) = 0.599, p(1) = 0.401
    # (the reference table's 0.598 / 0.402 are truncation and rounding slips)
    assert r"1 + 0.67 = 1.67" in texts
    assert r"\frac{1}{1.67} = 0.599" in texts
    assert r"\frac{0.67}{1.67} = 0.401" in texts
    assert r"\frac{1.49}{2.49} = 0.599" in texts
    assert "0.401" in shown(snapshots[-1])


@pytest.mark.parametrize("params", ALL_PARAMS, ids=ids)
def test_every_number_shown_comes_from_the_core(beats, params):
    snapshots = beats(SCENE, params)
    cases = [two_class_normalize(x) for x in params.log_scores]
    logs = [fmt(c.log_score, trim=True) for c in cases]
    exps = [exp_text(c) for c in cases]
    ticks = ["0", "1"]
    assert len(snapshots) == 7  # six beats and the final frame
    assert shown(snapshots[0]) == sorted(ticks)
    assert shown(snapshots[1]) == sorted(ticks + logs)
    assert shown(snapshots[2]) == sorted(ticks * 2 + logs)
    assert shown(snapshots[3]) == sorted(ticks * 2 + logs + exps)
    # beat 5: one table per case, every cell computed by the core
    texts = [t.tex for t in snapshots[4].texts]
    for case in cases:
        for cell in table_cells(case):
            assert cell in texts
    # beat 6: sigma(x) of case 1 (core's sigmoid) is case 1's p(1), shown twice
    final = snapshots[-1]
    check = fmt(float(sigmoid(cases[0].log_score)), 3)
    assert shown(final) == [check]
    assert check == fmt(cases[0].p1, 3)
    assert table_cells(cases[0])[2] in [t.tex for t in final.texts]
    allowed = {*logs, *exps, *ticks, "2"}  # "Case 2"
    for case in cases:
        allowed |= {fmt(case.total), fmt(case.p0, 3), fmt(case.p1, 3)}
    # as foreign_numbers reads them: "2.35 \\times 10^{17}" holds 2.35 and 10
    allowed = {token for text in allowed for token in numbers_in(text)}
    assert foreign_numbers(snapshots, allowed) == []


@pytest.mark.parametrize("params", ALL_PARAMS, ids=ids)
def test_captions_follow_the_sign(beats, params):
    texts = [t.tex for t in beats(SCENE, params)[1].texts]
    for x in params.log_scores:
        words, relation = {-1: ("less", "<"), 0: ("as", "="), 1: ("more", ">")}[(x > 0) - (x < 0)]
        assert f"event 1 {words} likely" in " ".join(texts)
        assert rf"\log p(1) {relation} 0" in texts
    signs = {(x > 0) - (x < 0) for x in params.log_scores}
    for sign, words in ((-1, "less"), (0, "as"), (1, "more")):
        if sign not in signs:
            assert f"event 1 {words} likely" not in " ".join(texts)


def test_huge_and_tiny_exponentials_in_scientific_notation(beats):
    snapshots = beats(SCENE, ExpNormalizeSigmoidParams(log_scores=(-40.0, 40.0)))
    assert shown(snapshots[3]) == sorted(
        ["0", "0", "1", "1", "-40", "40", r"4.25 \times 10^{-18}", r"2.35 \times 10^{17}"]
    )
    texts = [t.tex for t in snapshots[4].texts]
    # 1 + e^40 is e^40 to 17 digits; p(0) of case 2 rounds to 0.000
    assert r"1 + 2.35 \times 10^{17} = 2.35 \times 10^{17}" in texts
    assert r"\frac{1}{2.35 \times 10^{17}} = 0.000" in texts
    assert r"1 + 4.25 \times 10^{-18} = 1.00" in texts


def test_derivation_ends_in_the_sigmoid(beats):
    final = [t.tex for t in beats(SCENE)[-1].texts]
    assert any(t.startswith("p(y=1) =") and t.endswith(r"= \sigma(x)") for t in final)
    assert any(r"1 + e^{-x}" in t for t in final)


@pytest.mark.parametrize("params", ALL_PARAMS, ids=ids)
def test_layout(beats, params):
    assert layout_problems(beats(SCENE, params)) == []
