import subprocess
import sys


def test_core_imports_without_manim():
    code = (
        "import sys, whysigmoid.core; "
        "drawing = {'manim', 'cairo', 'manimpango'}; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in drawing); "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
