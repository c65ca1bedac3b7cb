"""``python -m audiobook.cli``: the same program as the ``audiobook`` command."""

from . import main

main()
