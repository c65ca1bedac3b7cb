"""The private-use characters that stand in for a lexicon respelling while text is normalised.

One character per respelling, from Supplementary Private Use Area-A: it never occurs in
real text, and no regex pass counts it as part of a word. Passes that need a following
name (titles such as "Mr") accept one, since respellings are nearly always names.
"""

from __future__ import annotations

import re

PLACEHOLDER_BASE = 0xF0000  # first code point of Supplementary Private Use Area-A
PLACEHOLDER_LIMIT = 0xFFFFD  # its last code point
PLACEHOLDER_CLASS = "[\U000F0000-\U000FFFFD]"
PLACEHOLDER = re.compile(PLACEHOLDER_CLASS)
