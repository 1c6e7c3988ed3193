"""Settings for bench/page_weight.py: the project's settings, static files collected to a scratch directory.

So that measuring the pages neither needs nor touches the project's own `staticfiles/`.
"""

import os
from pathlib import Path

from ancrage.settings import *  # noqa: F403

STATIC_ROOT = Path(os.environ["BENCH_STATIC_ROOT"])
