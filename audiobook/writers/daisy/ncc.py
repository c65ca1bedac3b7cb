"""ncc.html: the Navigation Control Centre, the file a DAISY 2.02 player opens first.

Its body is the list players move through by heading: the title as ``h1 class="title"``
(DAISY 2.02 requires it first), sections as h2, headings inside them as h3, each one link
to the ``par`` that starts it. Its head carries the metadata the specification requires
(Dublin Core and ``ncc:``), with the counts and the total time computed from the plan.
"""

from __future__ import annotations

import datetime
import re

from ...model import Edition, Voice
from .markup import attribute, language, meta, text, whole_seconds, xhtml_open
from .plan import BookPlan
from .smil import DC_FORMAT

CHARSET = "utf-8"
MULTIMEDIA_TYPE = "audioFullText"  # every sentence is both in the audio and in the text
SET_INFO = "1 of 1"  # one volume: the whole book fits on any card or stick
NO_PAGES = "0"  # a web article has no print pages
UNKNOWN = "Unknown"  # dc:creator and dc:publisher are required even when the page names none
TITLE_CLASS = "title"  # the class DAISY 2.02 requires on the first h1
NCC_ID_PREFIX = "nav"  # ids of the NCC items: nav1, nav2, …
SYNTHETIC = "synthetic voice"  # told to listeners: no human narrated this book
ENGINE_LABELS = {"espeak": "eSpeak NG", "system": "System", "fake": "Test tone"}  # for ncc:narrator
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)


def today() -> str:
    """The production date, for dc:date when the article carries none."""
    return datetime.date.today().isoformat()


def narrator_label(voice: Voice) -> str:
    """``eSpeak NG gmw/en (synthetic voice)``: which engine and voice read the book."""
    return f"{ENGINE_LABELS.get(voice.engine, voice.engine)} {voice.name} ({SYNTHETIC})"


def metadata(edition: Edition, plan: BookPlan, generator: str) -> list[tuple[str, str, str | None]]:
    """(name, content, scheme) of every ``meta`` in the NCC head, in the order written."""
    info = edition.info
    dated = info.date if info.date and _ISO_DATE.match(info.date) else None
    creator = _BY.sub("", info.byline or "").strip() or info.source or UNKNOWN
    items: list[tuple[str, str, str | None]] = [
        ("dc:title", info.title, None),
        ("dc:creator", creator, None),
        ("dc:date", dated or today(), "yyyy-mm-dd"),
        ("dc:format", DC_FORMAT, None),
        ("dc:identifier", plan.identifier, None),
        ("dc:language", language(info.language), "ISO 639"),
        ("dc:publisher", info.source or UNKNOWN, None),
    ]
    if info.url:
        items.append(("dc:source", info.url, None))
    items += [
        ("ncc:charset", CHARSET, None),
        ("ncc:generator", generator, None),
        ("ncc:multimediaType", MULTIMEDIA_TYPE, None),
        *(("ncc:narrator", narrator_label(voice), None) for voice in edition.narrators),
        ("ncc:tocItems", str(len(plan.headings)), None),
        ("ncc:totalTime", whole_seconds(plan.total_ms), "hh:mm:ss"),
        ("ncc:files", str(len(plan.files)), None),
        ("ncc:depth", str(plan.depth), None),
        ("ncc:maxPageNormal", NO_PAGES, None),
        ("ncc:pageFront", NO_PAGES, None),
        ("ncc:pageNormal", NO_PAGES, None),
        ("ncc:pageSpecial", NO_PAGES, None),
        ("ncc:setInfo", SET_INFO, None),
    ]
    if dated:
        items.append(("ncc:sourceDate", dated, "yyyy-mm-dd"))
    if info.source:
        items.append(("ncc:sourcePublisher", info.source, None))
    return items


def ncc_html(edition: Edition, plan: BookPlan, generator: str) -> str:
    """The whole ncc.html document as a string."""
    lang = language(edition.info.language)
    items = metadata(edition, plan, generator)
    lines = [*xhtml_open(lang, edition.info.title),
             *(meta(name, content, scheme) for name, content, scheme in items),
             "</head>", "<body>"]
    for number, heading in enumerate(plan.headings, start=1):
        tag = f"h{heading.level}"
        css = f' class="{TITLE_CLASS}"' if number == 1 else ""
        link = f'<a href="{heading.smil}#{attribute(heading.target)}">{text(heading.text)}</a>'
        lines.append(f'<{tag}{css} id="{NCC_ID_PREFIX}{number}">{link}</{tag}>')
    lines.extend(["</body>", "</html>"])
    return "\n".join(lines) + "\n"
