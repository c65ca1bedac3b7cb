"""Speech: a segmented Article becomes a Script — who says what, in which voice, how.

``script.build_script`` assigns voices per role and speaker from the configuration and
pauses; the rest turns written text into text to be heard (numbers, dates, money, units,
web addresses, the lexicon), ``spoken.spoken_text`` being the whole of that.

The package may import ``model`` and ``config`` (the voices.yaml values, not its loader's
engines), never ``ingest``, ``render``, ``engines`` or ``writers``.
"""
