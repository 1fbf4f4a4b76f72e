r"""Do the equations on screen hold for the numbers as displayed, at the precision displayed?

``check_equations(snapshots)`` reads the LaTeX of every text of every beat
(``whysigmoid.inspection.record_beats``) and evaluates each displayed equation
``left = right`` or ``left \approx right`` whose sides are numbers, or
expressions of numbers (``+ - \cdot \times /``, ``\frac``, powers, ``e^{x}``,
``\sigma(x)``, ``\sigma'(x)``, ``m \times 10^{p}``), or of symbols the same
beat binds to a number (``w = 1000`` elsewhere on screen; ``p_{1} + \dots +
p_{k}`` with ``bind``).

The rules (the project's docs, "Numbers on screen"):

- ``=``: the shown operands are taken as exact; the shown result must be
  their exact value rounded to the shown digits (a value exactly half-way may
  go either way). The shown digits of a result are its decimals (of its
  mantissa, ``4.85 \times 10^{8}``: units of ``10^{6}``); a result written as
  a whole number without a point (``= 1``) claims the precision of the
  finest operand (``0.99 + 0.01 = 1`` holds, ``0.63 + 0.36 = 1`` does not).
- ``\approx``: every shown decimal operand stands for any value within half
  a unit of its last digit (whole numbers without a point are exact); the
  equation holds when some such values give a result within half a unit of
  the shown result's last digit.
- ``< c`` as a term (a share shown as ``< 0.01``) stands for any value in
  ``[0, c]``, with either sign.
- Two sides that are both expressions (``\sigma(-0.4) = \frac{1}{1 +
  e^{0.4}}``) must be equal (to float precision).

Whatever is not read is recorded, never silently dropped: every relation
``=`` or ``\approx`` found is one :class:`Equation` with a ``status``:
``held``, ``failed``, ``binding`` (``w = 1000``: it defines a symbol),
``symbolic`` (a side has no number, or a symbol no beat binds) or
``unreadable`` (the parser could not read a side; ``reason`` says why).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction

from whysigmoid.inspection import numbers_in

__all__ = [
    "Equation",
    "EquationReport",
    "bound_number",
    "check_equations",
    "equations_in",
    "zeros_for_nonzero",
]

#: Relations that split a text into the sides of a chain; only = and \approx are checked.
RELATIONS = {
    "=": "=",
    r"\approx": "~",
    "<": "<",
    ">": ">",
    r"\leq": "<",
    r"\geq": ">",
    r"\le": "<",
    r"\ge": ">",
    r"\neq": "!",
    r"\Rightarrow": ";",
    r"\to": ";",
    r"\mapsto": ";",
    r"\quad": ";",
    r"\qquad": ";",
    ",": ";",
    ":": ";",
    ";": ";",
}
#: Spacing and sizing commands, dropped before parsing.
NOISE = re.compile(
    r"\\[,;:! ]|\\(?:left|right|Big|big|Bigg|bigg|displaystyle|textstyle)(?![a-zA-Z])|~|\?"
)
TOKEN = re.compile(r"\d+(?:\.\d+)?|\\[a-zA-Z]+|\\.|'|\S")
#: Relative tolerance of a transcendental value (float64) and of "expression = expression".
FLOAT_TOLERANCE = Fraction(1, 10**9)
#: Unknown function names: a side using them is symbolic.
KNOWN_FUNCTIONS = {r"\sigma", r"\exp"}


class Unreadable(Exception):
    """The parser cannot read a side."""


class Symbolic(Exception):
    """A side names a symbol no beat binds (or no number at all)."""


@dataclass(frozen=True)
class Interval:
    """A closed interval of exact rationals; ``unit``: the finest last digit of its literals."""

    low: Fraction
    high: Fraction
    unit: Fraction | None = None

    @staticmethod
    def point(value, unit=None) -> Interval:
        value = Fraction(value)
        return Interval(value, value, unit)

    def widened(self, relative: Fraction) -> Interval:
        pad = max(abs(self.low), abs(self.high)) * relative
        return Interval(self.low - pad, self.high + pad, self.unit)


def _finest(*units):
    known = [u for u in units if u is not None]
    return min(known) if known else None


def _combine(a: Interval, b: Interval, op: Callable) -> Interval:
    corners = [op(x, y) for x in (a.low, a.high) for y in (b.low, b.high)]
    return Interval(min(corners), max(corners), _finest(a.unit, b.unit))


def _monotone(a: Interval, f: Callable[[float], float], increasing=True) -> Interval:
    try:
        low, high = Fraction(f(float(a.low))), Fraction(f(float(a.high)))
    except (OverflowError, ValueError) as error:
        raise Unreadable(f"{f.__name__} out of float range") from error
    if not increasing:
        low, high = high, low
    return Interval(low, high, a.unit).widened(FLOAT_TOLERANCE)


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


def _sigmoid_derivative(a: Interval) -> Interval:
    def d(x: float) -> Fraction:
        s = _sigmoid(x)
        return Fraction(s * (1.0 - s))

    ends = [d(float(a.low)), d(float(a.high))]
    high = Fraction(1, 4) if a.low <= 0 <= a.high else max(ends)
    return Interval(min(ends), high, a.unit).widened(FLOAT_TOLERANCE)


def _power(base: Interval, exponent: Interval) -> Interval:
    if exponent.low == exponent.high and exponent.low.denominator == 1 and abs(exponent.low) < 64:
        n = int(exponent.low)
        if n >= 0 or (base.low > 0 or base.high < 0):
            corners = [x**n for x in (base.low, base.high)]
            low, high = min(corners), max(corners)
            if n % 2 == 0 and n > 0 and base.low < 0 < base.high:
                low = Fraction(0)
            return Interval(low, high, _finest(base.unit, exponent.unit))
    if base.low <= 0:
        raise Unreadable("a non-integer power of a non-positive number")
    try:
        corners = [
            float(b) ** float(e)
            for b in (base.low, base.high)
            for e in (exponent.low, exponent.high)
        ]
    except OverflowError as error:
        raise Unreadable("power out of float range") from error
    return Interval(
        Fraction(min(corners)), Fraction(max(corners)), _finest(base.unit, exponent.unit)
    ).widened(FLOAT_TOLERANCE)


def literal(text: str, approximate: bool, whole_unit: Fraction | None = None) -> Interval:
    """A number as written: exact, or (``approximate``) within half a unit of its last digit.

    A whole number (no point) claims no precision: exact, but with
    ``approximate`` and a ``whole_unit`` (the finest digit of its equation)
    within half of that, as a number whose trailing zeros were trimmed.
    """
    value = Fraction(text)
    if "." not in text:
        if approximate and whole_unit is not None:
            return Interval(value - whole_unit / 2, value + whole_unit / 2)
        return Interval.point(value)
    unit = Fraction(1, 10 ** len(text.split(".")[1]))
    if approximate:
        return Interval(value - unit / 2, value + unit / 2, unit)
    return Interval.point(value, unit)


class Parser:
    r"""Recursive descent over the tokens of one side.

    side    := sum
    sum     := product (('+' | '-') product)*
    product := unary (('\cdot' | '\times' | '/' | juxtaposition) unary)*
    unary   := ('-' | '+') unary | '<' atom | power
    power   := atom ('^' group)*
    atom    := number ['\times' '10' '^' group] | group | '(' sum ')' | '\frac' group group
             | 'e' | '\sigma' ['''] '(' sum ')' | symbol ['_' group] | '\dots'
    """

    def __init__(self, tokens, bindings, approximate, whole_unit=None):
        self.tokens = tokens
        self.i = 0
        self.bindings = bindings
        self.approximate = approximate
        self.whole_unit = whole_unit
        self.dots = None  # (symbol, first, last) of a "p_{1} + \dots + p_{k}" sum

    def peek(self, k=0):
        return self.tokens[self.i + k] if self.i + k < len(self.tokens) else None

    def take(self, expected=None):
        token = self.peek()
        if token is None or (expected is not None and token != expected):
            raise Unreadable(f"expected {expected!r}, found {token!r}")
        self.i += 1
        return token

    def parse(self) -> Interval:
        if not self.tokens:
            raise Symbolic("empty side")
        value = self.sum()
        if self.peek() is not None:
            raise Unreadable(f"unexpected {self.peek()!r}")
        return value

    def sum(self) -> Interval:
        value = self.product()
        while self.peek() in ("+", "-"):
            op = self.take()
            if self.peek() == r"\dots":
                value = self.dotted(value, op)
                continue
            right = self.product()
            add = op == "+"
            value = _combine(value, right, lambda x, y, add=add: x + y if add else x - y)
        return value

    def dotted(self, value: Interval, op: str) -> Interval:
        r"""``p_{1} + \dots + p_{k}``: the terms p_{2} .. p_{k-1} are bound symbols too."""
        self.take(r"\dots")
        if op != "+" or self.take() != "+" or self.dots is None:
            raise Unreadable(r"\dots outside a sum of indexed symbols")
        name, first = self.dots
        last_name, last = self.indexed()
        if last_name.split("_")[0] != name:
            raise Unreadable(r"\dots between different symbols")
        for k in range(first + 1, last + 1):
            value = _combine(value, self.symbol(f"{name}_{{{k}}}"), lambda x, y: x + y)
        return value

    def product(self) -> Interval:
        value = self.unary()
        while True:
            token = self.peek()
            if token in (r"\cdot", r"\times", "/"):
                self.take()
                right = self.unary()
                if token == "/":
                    value = self.divide(value, right)
                else:
                    value = _combine(value, right, lambda x, y: x * y)
            elif token is not None and self.starts_atom(token):
                value = _combine(value, self.power(), lambda x, y: x * y)
            else:
                return value

    @staticmethod
    def divide(a: Interval, b: Interval) -> Interval:
        if b.low <= 0 <= b.high:
            raise Unreadable("division by an interval holding 0")
        return _combine(a, b, lambda x, y: x / y)

    @staticmethod
    def starts_atom(token: str) -> bool:
        return token in ("(", "{", r"\frac", r"\tfrac", r"\dfrac", r"\sigma") or bool(
            re.fullmatch(r"\d+(?:\.\d+)?|[a-zA-Z]|\\text|\\mathrm", token)
        )

    def unary(self) -> Interval:
        token = self.peek()
        if token == "-":
            self.take()
            inner = self.unary()
            return Interval(-inner.high, -inner.low, inner.unit)
        if token == "+":
            self.take()
            return self.unary()
        if token == "<":  # "< 0.01" (a share): any value in [0, 0.01]
            self.take()
            bound = self.power()
            return Interval(Fraction(0), bound.high, bound.unit)
        return self.power()

    def power(self) -> Interval:
        base = self.atom()
        while self.peek() == "^":
            self.take()
            base = _power(base, self.group())
        return base

    def group(self) -> Interval:
        if self.peek() == "{":
            self.take("{")
            value = self.sum()
            self.take("}")
            return value
        return self.atom()

    def atom(self) -> Interval:
        token = self.peek()
        if token is None:
            raise Unreadable("side ends early")
        if re.fullmatch(r"\d+(?:\.\d+)?", token):
            return self.number()
        if token == "{":
            return self.group()
        if token == "(":
            self.take()
            value = self.sum()
            self.take(")")
            return value
        if token in (r"\frac", r"\tfrac", r"\dfrac"):
            self.take()
            numerator = self.group()
            return self.divide(numerator, self.group())
        if token == "e" and self.peek(1) == "^":
            self.take()
            self.take("^")
            return _monotone(self.group(), math.exp)
        if token == r"\sigma":
            self.take()
            derivative = self.peek() == "'"
            if derivative:
                self.take()
            if self.peek() != "(":
                raise Symbolic(r"\sigma without an argument")
            self.take("(")
            argument = self.sum()
            self.take(")")
            return _sigmoid_derivative(argument) if derivative else _monotone(argument, _sigmoid)
        if re.fullmatch(r"[a-zA-Z]|\\text|\\mathrm", token):
            name, index = self.indexed()
            if index is not None and self.dots is None:
                self.dots = (name.split("_")[0], index)
            return self.symbol(name)
        if token.startswith("\\"):
            raise Symbolic(f"{token} is not evaluated")
        raise Unreadable(f"unexpected {token!r}")

    def number(self) -> Interval:
        text = self.take()
        if self.peek() == r"\times" and self.peek(1) == "10" and self.peek(2) == "^":
            self.i += 3
            exponent = self.exponent()
            value = Fraction(text) * Fraction(10) ** exponent
            decimals = len(text.split(".")[1]) if "." in text else 0
            unit = Fraction(10) ** (exponent - decimals)
            if self.approximate:
                return Interval(value - unit / 2, value + unit / 2, unit)
            return Interval.point(value, unit)
        return literal(text, self.approximate, self.whole_unit)

    def exponent(self) -> int:
        """The whole exponent of ``10^{-81}``, read as written (never widened)."""
        tokens = [self.take()]
        if tokens[0] == "{":
            while tokens[-1] != "}":
                tokens.append(self.take())
        text = "".join(tokens).strip("{}")
        if not re.fullmatch(r"-?\d+", text):
            raise Unreadable(f"a power of ten that is not a whole number: {text!r}")
        return int(text)

    def indexed(self) -> tuple[str, int | None]:
        """A symbol: a letter or ``\\text{...}``, an optional subscript; its index if a number."""
        token = self.take()
        if token in (r"\text", r"\mathrm"):
            self.take("{")
            words = []
            while self.peek() != "}":
                words.append(self.take())
            self.take("}")
            token = "".join(words)
        name, index = token, None
        if self.peek() == "_":
            self.take()
            if self.peek() == "{":
                self.take("{")
                sub = []
                while self.peek() != "}":
                    sub.append(self.take())
                self.take("}")
            else:
                sub = [self.take()]
            name += "_{" + "".join(sub) + "}"
            if len(sub) == 1 and sub[0].isdigit():
                index = int(sub[0])
        if self.peek() == "(":  # f(x), p(y=1): a function the checker does not know
            raise Symbolic(f"function {name}")
        return name, index

    def symbol(self, name: str) -> Interval:
        if name == "e":
            return Interval.point(Fraction(math.e)).widened(FLOAT_TOLERANCE)
        if name not in self.bindings:
            raise Symbolic(f"{name} is not bound")
        return self.bindings[name](self.approximate)


def tokenize(tex: str) -> list[str]:
    """The tokens of a formula, spacing dropped; ``\\left(`` is ``(``."""
    return TOKEN.findall(NOISE.sub(" ", tex))


def formulas(tex: str) -> list[str]:
    """The math of a text: its ``$...$`` parts in running text, else all of it."""
    if "$" in tex:
        return tex.split("$")[1::2]
    return [tex]


def split_chain(tokens: list[str]) -> tuple[list[list[str]], list[str]]:
    """Sides and the relations between them, split at relations outside braces and parentheses."""
    sides, relations, current, depth = [], [], [], 0
    for token in tokens:
        if token in ("{", "("):
            depth += 1
        elif token in ("}", ")"):
            depth -= 1
        if depth == 0 and token in RELATIONS and not (token == "<" and not current):
            sides.append(current)
            relations.append(RELATIONS[token])
            current = []
        else:
            current.append(token)
    sides.append(current)
    return sides, relations


def _bare_symbol(side: list[str]) -> str | None:
    """``w``, ``b_1``, ``\\text{Bias}``: a side that is one symbol, its name."""
    text = "".join(side)
    match = re.fullmatch(r"([a-zA-Z])(?:_\{?(\w+)\}?)?|\\text\{(\w+)\}", text)
    if not match:
        return None
    if match.group(3):
        return match.group(3)
    return match.group(1) + (f"_{{{match.group(2)}}}" if match.group(2) else "")


def _is_literal(side: list[str]) -> bool:
    text = " ".join(side)
    return bool(re.fullmatch(r"(?:- )?\d+(?:\.\d+)?(?: \\times 10 \^ \{ -? ?\d+ \})?", text))


def has_number(side: list[str]) -> bool:
    """Whether a side writes a number outside sub- and superscripts."""
    return bool(numbers_in("".join(side)))


@dataclass
class Equation:
    """One relation ``left = right`` (or ``\\approx``) read on screen, and what became of it."""

    beat: int
    text: str
    left: str
    relation: str
    right: str
    status: str = "unreadable"
    reason: str = ""

    @property
    def formula(self) -> str:
        """The equation as read, without spaces."""
        rel = "=" if self.relation == "=" else r"\approx"
        return f"{self.left}{rel}{self.right}".replace(" ", "")

    def __str__(self) -> str:
        rel = "=" if self.relation == "=" else r"\approx"
        return (
            f"beat {self.beat}: {self.left} {rel} {self.right} [{self.status}] "
            f"{self.reason} (in {self.text!r})"
        )


@dataclass
class EquationReport:
    """Every equation of a work's beats, by status."""

    equations: list[Equation] = field(default_factory=list)

    def of(self, status: str) -> list[Equation]:
        return [e for e in self.equations if e.status == status]

    @property
    def failures(self) -> list[str]:
        return [str(e) for e in self.of("failed")]

    def checked(self) -> set[str]:
        """Every equation evaluated (held or failed), as :attr:`Equation.formula`."""
        return {e.formula for e in self.equations if e.status in ("held", "failed")}


def joined_texts(snapshot) -> list[str]:
    """The texts of a beat, a piece continuing a formula joined to it.

    A formula is often set in pieces (``1 \\cdot 0.6``, ``+ 0 \\cdot (-0.3)``,
    ``=``, then its value as a number of its own): a text that ends with a
    relation or an operator, or one that starts with an operator, joins the text
    before it.
    """
    out: list[str] = []
    for text in snapshot.texts:
        tex = text.tex.strip()
        continues = re.match(r"(\+|=|\\cdot|\\approx|-\s)", tex)
        open_end = out and re.search(r"(=|\+|\\cdot|\\approx)\s*$", out[-1])
        if out and (continues or open_end):
            out[-1] = f"{out[-1]} {tex}"
        else:
            out.append(tex)
    return out


def equations_in(snapshot, extra_bindings=None) -> list[Equation]:
    """Every ``=`` and ``\\approx`` relation of one beat, evaluated where the checker can."""
    chains = []
    for tex in joined_texts(snapshot):
        for formula in formulas(tex):
            sides, relations = split_chain(tokenize(formula))
            chains.append((tex, sides, relations))
    bindings = _bindings(chains)
    bindings.update(extra_bindings or {})
    found = []
    for tex, sides, relations in chains:
        for k, relation in enumerate(relations):
            if relation not in ("=", "~"):
                continue
            left, right = sides[k], sides[k + 1]
            equation = Equation(snapshot.index, tex, " ".join(left), relation, " ".join(right))
            _judge(equation, left, right, bindings)
            found.append(equation)
    return found


def _bindings(chains) -> dict:
    """Symbols bound to one number on this beat (``w = 1000``).

    A text that is just ``symbol = number`` (a readout) binds before a binding
    inside a longer text (a legend ``w = 1,\\ b = -5``); a symbol bound to two
    numbers at the same rank is not bound.
    """
    ranks: dict[str, tuple[int, set[str]]] = {}
    for _, sides, relations in chains:
        rank = 0 if relations == ["="] else 1
        for k, relation in enumerate(relations):
            if relation != "=":
                continue
            name = _bare_symbol(sides[k])
            if not (name and _is_literal(sides[k + 1])):
                continue
            value = " ".join(sides[k + 1])
            best, values = ranks.get(name, (rank, set()))
            if rank < best:
                ranks[name] = (rank, {value})
            elif rank == best:
                ranks[name] = (rank, values | {value})
    return {
        name: _literal_binding(next(iter(values)))
        for name, (_, values) in ranks.items()
        if len(values) == 1
    }


def _literal_binding(text: str):
    tokens = text.split()

    def value(approximate: bool) -> Interval:
        return Parser(tokens, {}, approximate).parse()

    return value


def bound_number(text: str):
    """A binding for ``bind``: a shown number (``0.63``, ``< 0.01``, ``1.4 \\times 10^{-8}``)."""
    tokens = tokenize(text)

    def value(approximate: bool) -> Interval:
        return Parser(tokens, {}, approximate).parse()

    return value


def _judge(equation: Equation, left: list[str], right: list[str], bindings: dict) -> None:
    if not has_number(left) and not has_number(right):
        equation.status, equation.reason = "symbolic", "no number on either side"
        return
    if _bare_symbol(left) and _is_literal(right) and equation.relation == "=":
        equation.status = "binding"
        return
    if _is_literal(left) and not _is_literal(right):
        left, right = right, left
    approximate = equation.relation == "~"
    decimals = [t for t in (*left, *right) if re.fullmatch(r"\d+\.\d+", t)]
    whole_unit = min((Fraction(1, 10 ** len(t.split(".")[1])) for t in decimals), default=None)
    try:
        shown = Parser(left, bindings, approximate, whole_unit).parse()
        # a shown result is read exactly: its half unit is added below
        result = Parser(right, bindings, approximate and not _is_literal(right)).parse()
    except Symbolic as why:
        equation.status, equation.reason = "symbolic", str(why)
        return
    except Unreadable as why:
        equation.status, equation.reason = "unreadable", str(why)
        return
    except (ZeroDivisionError, OverflowError, ValueError) as why:
        equation.status, equation.reason = "unreadable", f"{type(why).__name__}: {why}"
        return
    if _is_literal(right):
        unit = result.unit if "." in "".join(right) or r"\times" in right else None
        if unit is None:  # "= 1": the precision of the finest operand
            unit = shown.unit or Fraction(1)
        half = unit / 2
        target = Interval(result.low - half, result.high + half)
        # exact operands: a point; but a transcendental value is a tiny interval
        holds = shown.low <= target.high and shown.high >= target.low
        equation.reason = (
            f"from the shown operands: [{float(shown.low):.10g}, {float(shown.high):.10g}], "
            f"shown to {float(unit):g}"
        )
    else:
        tolerance = max(abs(shown.high), abs(result.high), Fraction(1)) * FLOAT_TOLERANCE
        holds = shown.low <= result.high + tolerance and shown.high >= result.low - tolerance
        equation.reason = f"{float(shown.low):.10g} vs {float(result.low):.10g}"
    equation.status = "held" if holds else "failed"


def check_equations(snapshots, bind=None) -> EquationReport:
    """Every equation of every beat of a work.

    Parameters
    ----------
    snapshots : list of Snapshot
        From ``record_beats``.
    bind : callable or None
        ``bind(snapshot) -> {symbol: binding}``: symbols a work shows as a row
        of numbers rather than as ``symbol = number`` (ExpNormalize's ``p_{i}``),
        each from :func:`bound_number`.
    """
    report = EquationReport()
    for snapshot in snapshots:
        report.equations += equations_in(snapshot, bind(snapshot) if bind else None)
    return report


def zeros_for_nonzero(snapshots) -> list[str]:
    """Numbers shown as zero (``0``, ``0.00``) for a value that is not zero, one line each.

    A non-zero value that rounds to zero is written as what it is (``1.4
    \\times 10^{-81}``, ``< 0.01``): a bare 0 reads as exactly zero. Only texts
    that keep their value (``style.number``, readouts) are read.
    """
    return [
        f"beat {snap.index}: {text.shown!r} for {text.value!r}"
        for snap in snapshots
        for text in snap.texts
        if text.shown is not None
        and text.value
        and math.isfinite(text.value)
        and re.fullmatch(r"-?0(?:\.0*)?", text.shown)
    ]
