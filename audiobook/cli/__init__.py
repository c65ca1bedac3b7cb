"""The command line (``audiobook``): click commands over the library's pipeline.

The one place where library errors become messages and exit codes (``app.translate_errors``).
Each module registers its commands on ``main`` when imported, so importing them here is
what makes them part of the program: ``building`` (build, edition, check) and ``tools``
(clean, init, voices, chapters, play, cache). It may import every other package.
"""

from . import building, tools
from .app import main

__all__ = ["building", "main", "tools"]
