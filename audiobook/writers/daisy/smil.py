"""The SMIL 1.0 files: one per chapter with a ``par`` per spoken sentence, and master.smil.

Each ``par`` holds the sentence's ``text`` (its id in the content document) and, in a
``seq``, its ``audio`` clip of the chapter MP3: the form DAISY 2.02 allows that readers
and hardware players alike take. The head carries what players show and sum:
``ncc:totalElapsedTime`` (the SMIL files before this one) and ``ncc:timeInThisSmil``
(this one), both equal to what the clips add up to.
"""

from __future__ import annotations

from ...model import Edition
from .markup import SMIL_DOCTYPE, XML_DECLARATION, attribute, clock, meta, npt, seconds
from .plan import CONTENT_FILE, BookPlan, SmilFile

DC_FORMAT = "Daisy 2.02"
TEXT_REGION = "txtView"  # SMIL 1.0 layout region DAISY 2.02 files name for the text
TEXT_ID_SUFFIX = ".text"  # a par's text element: "<entry id>.text"
AUDIO_ID_SUFFIX = ".audio"  # and its audio clip: "<entry id>.audio"
MASTER_REF_PREFIX = "ref."  # master.smil ref ids: "ref.01"


def _head(edition: Edition, plan: BookPlan, generator: str, extra: list[str]) -> list[str]:
    return [
        "<head>",
        meta("dc:format", DC_FORMAT),
        meta("dc:title", edition.info.title),
        meta("dc:identifier", plan.identifier),
        meta("ncc:generator", generator),
        *extra,
        "<layout>",
        f'<region id="{TEXT_REGION}" />',
        "</layout>",
        "</head>",
    ]


def chapter_smil(edition: Edition, plan: BookPlan, smil: SmilFile, generator: str) -> str:
    """The SMIL document of one chapter."""
    times = [
        meta("title", smil.title),
        meta("ncc:totalElapsedTime", clock(smil.elapsed_ms)),
        meta("ncc:timeInThisSmil", clock(smil.duration_ms)),
    ]
    lines = [XML_DECLARATION, SMIL_DOCTYPE, "<smil>", *_head(edition, plan, generator, times),
             "<body>", f'<seq dur="{seconds(smil.duration_ms)}">']
    for clip in smil.clips:
        par = attribute(clip.entry.id)
        lines.extend([
            f'<par endsync="last" id="{par}">',
            f'<text id="{par}{TEXT_ID_SUFFIX}" src="{CONTENT_FILE}#{par}" />',
            "<seq>",
            f'<audio id="{par}{AUDIO_ID_SUFFIX}" src="{smil.audio}" '
            f'clip-begin="{npt(clip.begin_ms)}" clip-end="{npt(clip.end_ms)}" />',
            "</seq>",
            "</par>",
        ])
    lines.extend(["</seq>", "</body>", "</smil>"])
    return "\n".join(lines) + "\n"


def master_smil(edition: Edition, plan: BookPlan, generator: str) -> str:
    """master.smil: every chapter's SMIL file in order, for players that start from it."""
    lines = [XML_DECLARATION, SMIL_DOCTYPE, "<smil>",
             *_head(edition, plan, generator, [meta("ncc:timeInThisSmil", clock(plan.total_ms))]),
             "<body>"]
    for smil in plan.smils:
        stem = smil.name.rsplit(".", 1)[0]
        lines.append(f'<ref src="{smil.name}" title="{attribute(smil.title)}" '
                     f'id="{MASTER_REF_PREFIX}{stem}" />')
    lines.extend(["</body>", "</smil>"])
    return "\n".join(lines) + "\n"
