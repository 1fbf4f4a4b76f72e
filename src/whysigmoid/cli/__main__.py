"""``python -m whysigmoid.cli``: the command line (render workers and tests run it so)."""

from . import main

main()
