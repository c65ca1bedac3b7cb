"""Playback internals for ``audiobook.player``: key input and one module per player program."""
