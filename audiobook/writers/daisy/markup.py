"""XML text, clock values and document openings shared by the DAISY 2.02 files.

Every string from the article is untrusted: it is escaped for XML text and attributes, and
characters XML 1.0 cannot carry (controls, lone surrogates, U+FFFE/U+FFFF) are dropped, so
each file parses as XML whatever the page held. Clock values come from milliseconds, which
the plan computed once from sample counts.
"""

from __future__ import annotations

import re

XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>'
XHTML_DOCTYPE = ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
                 '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">')  # DAISY 2.02 §2
SMIL_DOCTYPE = ('<!DOCTYPE smil PUBLIC "-//W3C//DTD SMIL 1.0//EN" '
                '"http://www.w3.org/TR/REC-smil/SMIL10.dtd">')
XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"
CONTENT_TYPE = "text/html; charset=utf-8"  # the http-equiv every DAISY 2.02 XHTML file carries
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_XML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")  # xsd:language
UNDETERMINED_LANGUAGE = "und"  # BCP 47 for a language we cannot name


def text(value: str) -> str:
    """``value`` escaped for XML element content and double-quoted attributes."""
    return _NOT_XML.sub("", value).translate(_XML_ESCAPES)


def attribute(value: str) -> str:
    """``value`` on one line (whitespace collapsed, as XML would) and escaped for an attribute."""
    return text(" ".join(value.split()))


def language(tag: str | None) -> str:
    """A language tag XML accepts (``xml:lang``, ``dc:language``), or ``und``."""
    tag = (tag or "").strip().replace("_", "-")
    return tag if _LANGUAGE_TAG.match(tag) else UNDETERMINED_LANGUAGE


def npt(ms: int) -> str:
    """A SMIL 1.0 media clip time: ``npt=12.345s``."""
    return f"npt={seconds(ms)}"


def seconds(ms: int) -> str:
    """A SMIL timecount in seconds with millisecond decimals: ``12.345s``."""
    return f"{ms // 1000}.{ms % 1000:03d}s"


def clock(ms: int) -> str:
    """A SMIL full clock value, ``h:mm:ss.sss`` (ncc:timeInThisSmil, ncc:totalElapsedTime)."""
    whole, milli = divmod(ms, 1000)
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}.{milli:03d}"


def whole_seconds(ms: int) -> str:
    """``hh:mm:ss`` rounded to the nearest second: the ncc:totalTime scheme."""
    whole = (ms + 500) // 1000
    hours, rest = divmod(whole, 3600)
    return f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"


def meta(name: str, content: str, scheme: str | None = None) -> str:
    """One ``<meta name content [scheme]/>`` line."""
    extra = f' scheme="{attribute(scheme)}"' if scheme else ""
    return f'<meta name="{attribute(name)}" content="{attribute(content)}"{extra} />'


def xhtml_open(lang: str, title: str) -> list[str]:
    """The lines that open an XHTML 1.0 document up to and including ``<title>``."""
    return [
        XML_DECLARATION,
        XHTML_DOCTYPE,
        f'<html xmlns="{XHTML_NAMESPACE}" lang="{lang}" xml:lang="{lang}">',
        "<head>",
        f'<meta http-equiv="Content-type" content="{CONTENT_TYPE}" />',
        f"<title>{attribute(title)}</title>",
    ]
