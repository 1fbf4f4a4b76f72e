r"""Spoken math: numbers and formulas as a teacher says them.

The narration speaks what the screen shows. A number is shown by the core's
formatter (:func:`whysigmoid.core.format_number`) and spoken from exactly that
text, digit by digit after the point, as one reads a number aloud:
``0.401 -> "zero point four zero one"``, ``−0.4 -> "minus zero point four"``,
``1.4×10⁻⁸¹ -> "one point four times ten to the minus eighty-one"``. A
formula is spoken from the LaTeX the scene typesets:
``e^{-x} -> "e to the minus x"``, ``\sigma(-0.4) -> "sigma of minus zero
point four"``, ``w_1 x_1 -> "w one times x one"``.

Nothing here speaks a digit: a speech engine reads digits its own way
(``"0.401"`` becomes "zero point four hundred one" in some), and captions of
the narration should read as spoken. Pure Python; floor 0 of the package.
"""

from __future__ import annotations

import re

from .formatting import MINUS, TIMES, format_number

__all__ = [
    "SpeechError",
    "say_count",
    "say_integer",
    "say_number",
    "say_shown",
    "say_tex",
]


class SpeechError(ValueError):
    """Text that the verbalizer cannot speak (not a shown number, or LaTeX it does not know)."""


_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
#: Powers of a thousand, largest first, with their names.
_SCALES = (
    (10**18, "quintillion"),
    (10**15, "quadrillion"),
    (10**12, "trillion"),
    (10**9, "billion"),
    (10**6, "million"),
    (10**3, "thousand"),
)
_HUNDRED = 100
_TEN = 10
_TWENTY = 20
#: Superscript digits and minus of the formatter's plain form, back to ASCII.
_FROM_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
#: A shown number: sign, digits with an optional point, an optional power of ten.
_SHOWN = re.compile(
    rf"^(?P<sign>[-{MINUS}]?)(?P<int>\d+)(?:\.(?P<frac>\d*))?"
    rf"(?:{TIMES}10(?P<exp>[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))?$"
)


def say_integer(n: int) -> str:
    """A whole number in English words: ``81 -> "eighty-one"``, ``-3 -> "minus three"``.

    Parameters
    ----------
    n : int
        Any integer below 10**21 in magnitude.

    Returns
    -------
    str
        Words only, no digits (``1205 -> "one thousand two hundred five"``).

    Raises
    ------
    SpeechError
        If ``|n| >= 10**21`` (no name for the power).
    """
    n = int(n)
    if n < 0:
        return f"minus {say_integer(-n)}"
    if n >= 1000 * _SCALES[0][0]:
        raise SpeechError(f"{n} is too large to speak as a whole number")
    if n < _TWENTY:
        return _ONES[n]
    words = []
    for scale, name in _SCALES:
        if n >= scale:
            words.append(f"{_below_thousand(n // scale)} {name}")
            n %= scale
    if n:
        words.append(_below_thousand(n))
    return " ".join(words)


def _below_thousand(n: int) -> str:
    """1..999 in words."""
    words = []
    if n >= _HUNDRED:
        words.append(f"{_ONES[n // _HUNDRED]} hundred")
        n %= _HUNDRED
    if n >= _TWENTY:
        tens, ones = divmod(n, _TEN)
        words.append(_TENS[tens] + (f"-{_ONES[ones]}" if ones else ""))
    elif n:
        words.append(_ONES[n])
    return " ".join(words)


def say_count(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` things: ``say_count(5, "tower") -> "five towers"``, ``1 -> "one tower"``.

    Parameters
    ----------
    n : int
    noun : str
        The singular.
    plural : str or None
        The plural (default: ``noun + "s"``).
    """
    return f"{say_integer(n)} {noun if n == 1 else plural or noun + 's'}"


def say_shown(text: str) -> str:
    """Speak a number as :func:`whysigmoid.core.format_number` (or ``format_tex``) shows it.

    Parameters
    ----------
    text : str
        E.g. ``"0.401"``, ``"−0.90"``, ``"3.49×10¹⁹"``, ``"NaN"``, ``"∞"``;
        the ASCII hyphen is read as a minus too.

    Returns
    -------
    str
        ``"zero point four zero one"``, ``"minus zero point nine zero"``,
        ``"three point four nine times ten to the nineteen"``: every decimal
        shown is spoken (a trailing zero says the number is exact to that
        place).

    Raises
    ------
    SpeechError
        If ``text`` is not a number in the formatter's form.
    """
    if text == "NaN":
        return "not a number"
    if text.lstrip(f"-{MINUS}") in ("∞", r"\infty"):
        return "minus infinity" if text[0] in f"-{MINUS}" else "infinity"
    match = _SHOWN.match(text)
    if match is None:
        raise SpeechError(f"{text!r} is not a number as the formatter shows one")
    words = [say_integer(int(match["int"]))]
    if match["frac"]:
        words.append("point")
        words += [_ONES[int(d)] for d in match["frac"]]
    if match["exp"] is not None:
        power = int(match["exp"].translate(_FROM_SUPERSCRIPT))
        words.append(f"times ten to the {say_integer(power)}")
    spoken = " ".join(words)
    return f"minus {spoken}" if match["sign"] else spoken


def say_number(
    value: float, decimals: int = 2, trim: bool = False, scientific_tiny: bool = False
) -> str:
    """Speak ``value`` as the core's formatter shows it with these settings.

    Parameters
    ----------
    value : float
        Any float (NaN and infinities included).
    decimals, trim, scientific_tiny
        As for :func:`whysigmoid.core.format_number`, whose text is spoken.

    Returns
    -------
    str
        Words without digits: ``say_number(0.4013, 3) -> "zero point four zero one"``,
        ``say_number(1.4e-81, 1, scientific_tiny=True) ->
        "one point four times ten to the minus eighty-one"``.

    Raises
    ------
    ValueError
        If ``decimals`` is negative.
    """
    return say_shown(format_number(value, decimals, trim, scientific_tiny))


# --- formulas ----------------------------------------------------------------------

#: Commands spoken as a word (Greek letters, named functions, symbols).
_COMMAND_WORDS = {
    "sigma": "sigma",
    "Sigma": "sigma",
    "alpha": "alpha",
    "beta": "beta",
    "lambda": "lambda",
    "mu": "mu",
    "pi": "pi",
    "theta": "theta",
    "partial": "partial",
    "infty": "infinity",
    "log": "log",
    "ln": "l n",
    "exp": "exp",
    "max": "max",
    "min": "min",
    "tanh": "tanh",
    "sin": "sine",
    "cos": "cosine",
}
#: Relations and operators spoken between operands.
_OPERATOR_WORDS = {
    "+": "plus",
    "-": "minus",
    "=": "equals",
    "<": "is less than",
    ">": "is greater than",
    "/": "over",
    r"\cdot": "times",
    r"\times": "times",
    r"\leq": "is at most",
    r"\le": "is at most",
    r"\geq": "is at least",
    r"\ge": "is at least",
    r"\approx": "is about",
    r"\neq": "is not",
    r"\Rightarrow": "so",
    r"\to": "to",
}
#: Commands that only space or size things: not spoken.
_SILENT = {
    r"\,",
    r"\;",
    r"\:",
    r"\!",
    r"\ ",
    r"\quad",
    r"\qquad",
    r"\left",
    r"\right",
    r"\big",
    r"\Big",
    r"\bigg",
    r"\Bigg",
    r"\displaystyle",
}
#: Commands whose braced argument is spoken as plain words.
#: Names that are functions when a parenthesis follows: ``f(x) -> "f of x"``.
_FUNCTION_NAMES = {
    *("sigma", "p", "f", "g", "h", "log", "exp", "max", "min", "tanh", "l n"),
    *("ReLU", "step", "sine", "cosine"),
}
#: Powers with a name of their own.
_POWER_WORDS = {"2": "squared", "3": "cubed"}
_TEXT_TOKEN = r"\\(?:mathrm|text|operatorname|mathit|textrm|mathbf)\{[^{}]*\}"
_TOKEN = re.compile(_TEXT_TOKEN + r"|\\[A-Za-z]+|\\.|\d+(?:\.\d+)?|\.\d+|[A-Za-z]|\S")
#: Words inside ``\mathrm{...}`` spoken otherwise than written.
_TEXT_WORDS = {"Step": "step"}
_INVERSE = ("-", "1")


def say_tex(tex: str) -> str:
    r"""Speak a LaTeX formula (math mode, as the scenes typeset it).

    Parameters
    ----------
    tex : str
        E.g. ``r"\sigma(x) = \frac{1}{1 + e^{-x}}"``.

    Returns
    -------
    str
        ``"sigma of x equals one over one plus e to the minus x"``. Products
        written side by side are spoken with "times" (``w_1 x_1 -> "w one
        times x one"``); subscripts follow their symbol (``x_i -> "x i"``);
        ``\sum_{i=1}^{3}`` is "the sum over i from one to three of"; numbers
        are spoken digit by digit after the point (:func:`say_shown`).

    Raises
    ------
    SpeechError
        For unbalanced braces or a command it does not know.
    """
    tokens = _TOKEN.findall(tex)
    parser = _TexParser(tokens)
    words = parser.sequence(closing=None)
    return _join(words)


def _join(words: list[str]) -> str:
    """Words with single spaces; a comma sticks to the word before it."""
    text = " ".join(w for w in words if w)
    return re.sub(r"\s+,", ",", text).strip().rstrip(",")


class _TexParser:
    """A small recursive reader of scene formulas, producing words."""

    def __init__(self, tokens: list[str]):
        self.tokens = tokens
        self.i = 0
        self.bars_open = 0

    def peek(self) -> str | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> str:
        token = self.peek()
        if token is None:
            raise SpeechError("the formula ends too early")
        self.i += 1
        return token

    def group(self, product: str = "times") -> list[str]:
        """A braced group or a single token's atom, as words.

        ``product`` is said between operands side by side ("" in a
        subscript: ``w_{1i}`` is "w one i").
        """
        token = self.peek()
        if token == "{":
            self.take()
            return self.sequence(closing="}", product=product)
        return self.atom() or []

    def sequence(self, closing: str | None, product: str = "times") -> list[str]:
        """Operands and operators up to ``closing`` (consumed) or the end."""
        words: list[str] = []
        previous_operand = function_before = False
        while True:
            token = self.peek()
            if token is None:
                if closing is not None:
                    raise SpeechError(f"missing {closing!r} in the formula")
                return words
            if token == closing:
                self.take()
                return words
            if token in ("}", ")") and closing != token:
                raise SpeechError(f"unbalanced {token!r} in the formula")
            if token in _SILENT:
                self.take()
                continue
            if token != "(":
                function_before = function_before and token in ("_", "^", "'")
            if token in _OPERATOR_WORDS:
                self.take()
                words.append(_OPERATOR_WORDS[token])
                previous_operand = False
                continue
            if token == ",":
                self.take()
                words.append(",")
                previous_operand = False
                continue
            if token in (r"\cdots", r"\ldots", r"\dots"):
                self.take()
                words.append("and so on up to")
                previous_operand = False
                continue
            if token == "|":
                self.take()
                if self.bars_open:
                    self.bars_open -= 1
                    words.append(",")
                else:
                    self.bars_open += 1
                    if previous_operand:
                        words.append("times")
                    words.append("the size of")
                previous_operand = self.bars_open == 0
                continue
            if token == "(" and function_before:
                self.take()
                words += ["of", *self.sequence(closing=")")]
                words += self.scripts()
                previous_operand, function_before = True, False
                continue
            operand = self.operand()
            if previous_operand and product:
                words.append(product)
            words += operand
            # after "the sum ... of" the summand follows without "times"
            previous_operand = operand[-1:] != ["of"]
            function_before = bool(operand) and operand[0] in _FUNCTION_NAMES

    def operand(self) -> list[str]:
        """An atom with its subscripts, superscripts and primes."""
        words = self.atom()
        return words + self.scripts()

    def scripts(self) -> list[str]:
        """``_{...}``, ``^{...}`` and primes after an atom."""
        words: list[str] = []
        while self.peek() in ("_", "^", "'"):
            token = self.take()
            if token == "'":
                words.append("prime")
            elif token == "_":
                words += self.group(product="")
            else:
                words += self.power()
        return words

    def power(self) -> list[str]:
        """The words for ``^{...}`` (the caret already taken)."""
        start = self.i
        if self.peek() == "{":
            inner = self._group_tokens()
        else:
            inner = [self.take()]
        if len(inner) == 1 and inner[0] in _POWER_WORDS:  # x^2, not 0.25^{2}
            return [_POWER_WORDS[inner[0]]]
        if tuple(inner) == _INVERSE:
            return ["inverse"]
        if inner and inner[0] == "(" and inner[-1] == ")":
            # a label such as h^{(\mathrm{in})}: spoken after the symbol
            return _TexParser(inner[1:-1]).sequence(closing=None)
        self.i = start
        return ["to the", *self.group()]

    def _group_tokens(self) -> list[str]:
        """The tokens inside the braced group at the cursor (consumed)."""
        self.take()
        depth, inner = 1, []
        while True:
            token = self.take()
            depth += token == "{"
            depth -= token == "}"
            if depth == 0:
                return inner
            inner.append(token)

    def atom(self) -> list[str]:
        """One symbol, number, command or group, without scripts."""
        token = self.take()
        if token == "{":
            return self.sequence(closing="}")
        if token == "(":
            return self.sequence(closing=")")
        if token[0].isdigit() or token[0] == ".":
            return [say_shown(token if token[0].isdigit() else "0" + token)]
        if token.isalpha():
            return [token]
        if token == r"\frac":
            numerator = self.group()
            denominator = self.group()
            return [*numerator, "over", *denominator]
        if token == r"\sum":
            return self.big_operator("the sum")
        if token == r"\prod":
            return self.big_operator("the product")
        if token == r"\tilde":
            return [*self.group(), "tilde"]
        if token in (r"\hat", r"\bar"):
            return [*self.group(), token[1:]]
        if token.startswith("\\") and token.endswith("}"):  # \mathrm{...} and the like
            inner = " ".join(token[token.index("{") + 1 : -1].split())
            return [_TEXT_WORDS.get(inner, inner)] if inner else []
        if token == r"\partial":
            return ["partial", *self.operand()]
        if token in _SILENT:
            return self.atom()
        name = token[1:]
        if name in _COMMAND_WORDS:
            return [_COMMAND_WORDS[name]]
        raise SpeechError(f"the verbalizer does not know {token!r}")

    def big_operator(self, name: str) -> list[str]:
        r"""``\sum_{i=1}^{n}`` -> "the sum over i from one to n of"."""
        lower: list[str] = []
        upper: list[str] = []
        while self.peek() in ("_", "^"):
            if self.take() == "_":
                lower = self.group()
            else:
                upper = self.group()
        words = [name]
        if "equals" in lower:
            k = lower.index("equals")
            words += ["over", *lower[:k], "from", *lower[k + 1 :]]
            if upper:
                words += ["to", *upper]
        elif lower:
            words += ["over", *lower]
        return [*words, "of"]
