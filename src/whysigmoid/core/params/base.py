"""What every parameter class shares: the limits of the domains, coercion, validation.

:class:`ParamsBase` turns what a user or a default gives (lists, ints, strings
of numbers through the CLI) into tuples of float and checks them, with a
message that names the field; the rules that several classes apply (a plot
window, sweep stops, midpoints inside the window) live here once.
"""

from __future__ import annotations

import math
from dataclasses import fields

from ..activations import share_apart

#: Most input nodes the neuron diagram lays out legibly.
MAX_INPUTS = 5
#: Most scores ExpNormalize lays out legibly.
MAX_SCORES = 6
#: Largest |log-score| ExpNormalizeSigmoid accepts. e^50 = 5.18 x 10^21 and
#: e^-50 = 1.93 x 10^-22 are written in scientific notation by the core's
#: formatter; the scene's layout is tested up to here (tests/scenes), not
#: beyond, though e^x stays a finite float64 up to x ~ 709.
MAX_LOG_SCORE = 50.0
#: Most towers TowerFunctions fits (each tower is two hidden neurons).
MAX_TOWERS = 200
#: Most tower counts: each adds a row "n towers: deviation" under the readout,
#: and a seventh row leaves the frame.
MAX_TOWER_COUNTS = 6
#: Most towers of the first count, which moves into place tower by tower
#: (about 2 s each: 10 make a 20 s beat; 200 made it 7 minutes).
MAX_FIRST_TOWERS = 10
#: Most stops of one SigmoidFamily sweep (each leaves a trace and a legend entry).
MAX_SWEEP_STOPS = 6
#: Most layers VanishingGradient lists (one table row each).
MAX_LAYERS = 6
#: Most points whose derivative VanishingGradient tabulates (one column each).
MAX_DERIVATIVE_POINTS = 6
#: Plot windows (``x_range``, ``relu_x_range``, ConceptDetector's inset)
#: stay within +-MAX_PLOT_END. Their tick labels (2 decimals) stay in fixed
#: notation: from a million on the formatter writes m x 10^p, whose two
#: decimals cannot tell ticks 0.5 apart. Far below Manim's own limit (its
#: axes square coordinates and overflow from ~1e154).
MAX_PLOT_END = 1e6
#: ...and are at least this long: a window of 0.1 gets round ticks 0.025
#: apart, which 2-decimal labels cannot write (0.025 -> "0.03", 0.075 -> "0.07").
MIN_PLOT_LENGTH = 0.2
#: A sweep's curves sigma(w x + b) are told apart on a plot of x_range when
#: each two of them lie SWEEP_CURVE_GAP of the plot's height apart (5%: about
#: 12 px of a 9:16 or 1:1 plot on a phone, 10 px of a 380 px still) over at
#: least SWEEP_APART_SHARE of its width (2%: 6 px of a phone's plot; two steps
#: that close still show as two). The blog's closest pair, w = 5 and w = 10 on
#: [-10, 10], is apart on 5.3%. A window a million wide makes the blog's bias
#: sweep (midpoints 0 to 5) one step on 0%.
SWEEP_CURVE_GAP = 0.05
SWEEP_APART_SHARE = 0.02
#: Samples of the target when checking it stays inside (0, 1).
TARGET_CHECK_SAMPLES = 2001


class ParamsBase:
    """Coercion and validation shared by the parameter dataclasses."""

    def _set(self, name: str, value: object) -> None:
        object.__setattr__(self, name, value)

    def _number(self, name: str) -> float:
        value = getattr(self, name)
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise ValueError(f"{name}: expected a number, got {value!r}") from None
        if not math.isfinite(number):
            raise ValueError(f"{name}: must be finite, got {value!r}")
        self._set(name, number)
        return number

    def _numbers(
        self, name: str, min_len: int = 1, max_len: int | None = None, cast: type = float
    ) -> tuple:
        value = getattr(self, name)
        try:
            items = tuple(value)
        except TypeError:
            raise ValueError(f"{name}: expected a sequence of numbers, got {value!r}") from None
        out = []
        for item in items:
            try:
                number = float(item)
            except (TypeError, ValueError):
                raise ValueError(f"{name}: expected numbers, got {item!r}") from None
            if not math.isfinite(number):
                raise ValueError(f"{name}: values must be finite, got {item!r}")
            if cast is int:
                if number != int(number):
                    raise ValueError(f"{name}: expected whole numbers, got {item!r}")
                number = int(number)
            out.append(number)
        if len(out) < min_len or (max_len is not None and len(out) > max_len):
            if max_len is None:
                bounds = f">= {min_len}"
            else:
                bounds = f"{min_len}" if min_len == max_len else f"{min_len}..{max_len}"
            raise ValueError(f"{name}: expected {bounds} values, got {len(out)}")
        result = tuple(out)
        self._set(name, result)
        return result

    def _interval(self, name: str) -> tuple[float, float]:
        low, high = self._numbers(name, 2, 2)
        if not low < high:
            raise ValueError(f"{name}: expected low < high, got {(low, high)}")
        if not math.isfinite(high - low):
            raise ValueError(f"{name}: its length high - low overflows float64, got {(low, high)}")
        return low, high

    def _window(self, name: str) -> tuple[float, float]:
        """A plot window: an interval within +-MAX_PLOT_END, at least MIN_PLOT_LENGTH long."""
        low, high = self._interval(name)
        if not (-MAX_PLOT_END <= low and high <= MAX_PLOT_END):
            raise ValueError(
                f"{name}: a plot window must lie within [-{MAX_PLOT_END:g}, {MAX_PLOT_END:g}] "
                f"(its tick labels), got {(low, high)}"
            )
        if high - low < MIN_PLOT_LENGTH:
            raise ValueError(
                f"{name}: a plot window must be at least {MIN_PLOT_LENGTH:g} long "
                f"(its tick labels have 2 decimals), got {(low, high)}"
            )
        return low, high

    def _window_around_zero(self, name: str) -> tuple[float, float]:
        """A plot window containing 0 (the ReLU's kink must show)."""
        low, high = self._window(name)
        if not low < 0 < high:
            raise ValueError(f"{name}: must contain 0, got {(low, high)}")
        return low, high

    def _points_inside(self, name: str, window: str) -> tuple[float, ...]:
        """1..MAX_DERIVATIVE_POINTS points inside the (validated) window ``window``."""
        points = self._numbers(name, 1, MAX_DERIVATIVE_POINTS)
        low, high = getattr(self, window)
        outside = [x for x in points if not low <= x <= high]
        if outside:
            raise ValueError(f"{name}: {outside} lie outside {window} {(low, high)}")
        return points

    def _unit_interval(self, name: str) -> float:
        """A number in [0, 1] (a step's value at its jump)."""
        value = self._number(name)
        if not 0 <= value <= 1:
            raise ValueError(f"{name}: must be in [0, 1]")
        return value

    def _check_log_score(self, name: str, value: float) -> None:
        """``value`` (one of ``name``'s) is a log-score whose e^x the scene writes down."""
        if abs(value) > MAX_LOG_SCORE:
            raise ValueError(
                f"{name}: each must lie in [-{MAX_LOG_SCORE:g}, {MAX_LOG_SCORE:g}] "
                f"(e^x is shown as a number), got {value:g}"
            )

    def _nonzero(self, name: str) -> float:
        """A weight: a number other than 0."""
        value = self._number(name)
        if value == 0:
            raise ValueError(f"{name}: must be non-zero")
        return value

    def _sweep_stops(self, name: str, nonzero: bool = False) -> tuple[float, ...]:
        """1..MAX_SWEEP_STOPS stops of a sweep; weights (``nonzero``) other than 0."""
        stops = self._numbers(name, 1, MAX_SWEEP_STOPS)
        if nonzero and any(w == 0 for w in stops):
            raise ValueError(f"{name}: must be non-zero (a flat sigmoid has no midpoint)")
        return stops

    @staticmethod
    def _check_midpoints(
        sweeps: dict[str, list[tuple[float, float]]], window: tuple[float, float]
    ) -> None:
        """Every stop's midpoint ``-b / w`` is finite and inside ``window`` (name: stops (w, b))."""
        low, high = window
        for name, stops in sweeps.items():
            for w, b in stops:
                midpoint = -b / w
                if not math.isfinite(midpoint):
                    raise ValueError(
                        f"{name}: the midpoint -b/w overflows float64 (w = {w:g}, b = {b:g})"
                    )
                if not low <= midpoint <= high:
                    raise ValueError(
                        f"{name}: the midpoint -b/w = {midpoint:g} (w = {w:g}, b = {b:g}) "
                        f"lies outside x_range {(low, high)}"
                    )

    @staticmethod
    def _check_apart(
        sweeps: dict[str, list[tuple[tuple[float, float], tuple[float, float]]]],
        window: tuple[float, float],
    ) -> None:
        """Each pair of curves ``((w, b), (w, b))`` of a sweep can be told apart on ``window``.

        Apart: :func:`whysigmoid.core.share_apart` with :data:`SWEEP_CURVE_GAP`
        is at least :data:`SWEEP_APART_SHARE`. ``sweeps`` maps a sweep's name
        (the parameter of its stops) to the pairs it shows together (every two
        traces of a sweep; the stops a curve slides between). Call after
        :meth:`_check_reach` (``w x + b`` finite on ``window``).

        Raises
        ------
        ValueError
            Naming x_range, the sweep, both curves and the share they are apart
            on; or naming the sweep alone if two of its stops are one curve.
        """
        for name, pairs in sweeps.items():
            for first, second in pairs:
                if first == second:
                    w, b = first
                    raise ValueError(
                        f"{name}: two stops of the sweep make one curve (w = {w:g}, b = {b:g}); "
                        "each must differ from the other"
                    )
                share = share_apart(window, first, second, SWEEP_CURVE_GAP)
                if share < SWEEP_APART_SHARE:
                    curves = " and ".join(
                        f"sigma({w:g} x {'-' if b < 0 else '+'} {abs(b):g}) "
                        f"(midpoint {-b / w + 0.0:g})"
                        for w, b in (first, second)
                    )
                    raise ValueError(
                        f"x_range and {name}: on x_range {window} the {name} sweep's curves "
                        f"{curves} cannot be told apart: they differ by {SWEEP_CURVE_GAP:g} or "
                        f"more over {share:.1%} of the window, under {SWEEP_APART_SHARE:.0%}; "
                        f"narrow x_range around the midpoints -b/w, or spread the {name}"
                    )

    @staticmethod
    def _check_reach(
        curves: list[tuple[list[tuple[str, float]], list[tuple[str, float]]]],
        window: tuple[float, float],
    ) -> None:
        """``w x + b`` stays finite on ``window`` for every curve.

        A curve is the (parameter name, value) lists of the weights and biases
        it takes: one stop, or a sweep gliding between all of them (then any
        weight meets any bias).
        """
        reach = max(abs(window[0]), abs(window[1]))
        for weights, biases in curves:
            largest_w = max((abs(w), name) for name, w in weights)
            largest_b = max((abs(b), name) for name, b in biases)
            if not math.isfinite(largest_w[0] * reach + largest_b[0]):
                raise ValueError(
                    f"{largest_w[1]} and {largest_b[1]}: w x + b overflows float64 on x_range "
                    f"(|w| = {largest_w[0]:g}, |x| = {reach:g}, |b| = {largest_b[0]:g})"
                )

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        """Names of the parameters, in declaration order."""
        return tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
