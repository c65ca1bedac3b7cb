"""``python -m audiobook``: the same command line as ``audiobook``."""

from .cli import main

main(prog_name="audiobook")
