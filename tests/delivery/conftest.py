"""Delivery's tests, in folders that mirror ``whysigmoid.delivery``'s parts.

They share the helpers of ``tests/`` (``videotools``), which pytest puts on
the import path only for the tests directly in it.
"""

import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))
