"""Cross-checking trafilatura's article against the page's own text (``ingest/htmlcheck.py``)."""

from __future__ import annotations

from page_support import STORY, TITLE

from audiobook.ingest.htmlcheck import cross_check
from audiobook.ingest.structure import Piece, build_sections, narration

COMMENT = "Reader {n} wrote that the library should have closed long ago and the money spent on roads instead."


def html_page(*paragraphs: str) -> str:
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return (f"<html><head><title>{TITLE} | Town Echo</title></head><body><nav><a>Home</a><a>News</a></nav>"
            f"<h1>{TITLE}</h1><p>By Jane Smith</p>{body}<footer>Contact us</footer></body></html>")


def sections(*paragraphs: str):
    return build_sections(Piece(spans=narration(text)) for text in paragraphs)


def texts(found) -> list[str]:
    return [block.text for section in found for block in section.blocks]


def test_a_story_cut_short_by_the_html_reader_is_read_whole_from_the_page_text() -> None:
    checked = cross_check(sections(STORY[0]), html_page(*STORY))
    assert texts(checked.sections) == list(STORY)
    assert checked.decisions and checked.warnings == ()
    assert checked.headline == TITLE


def test_a_reading_far_longer_than_the_page_story_is_suspicious_and_not_spoken() -> None:
    thread = [COMMENT.format(n=n) for n in range(1, 25)]
    checked = cross_check(sections(*STORY, *thread), html_page(*STORY))
    assert texts(checked.sections) == list(STORY)
    assert len(checked.warnings) == 1 and "times the page's densest run of prose" in checked.warnings[0]


def test_a_reading_that_agrees_with_the_page_text_is_kept() -> None:
    mine = sections(*STORY[:3])
    checked = cross_check(mine, html_page(*STORY))
    assert checked.sections is mine
    assert checked.decisions == () and checked.warnings == ()


def test_the_page_text_stands_in_when_the_html_reader_found_nothing() -> None:
    assert texts(cross_check((), html_page(*STORY)).sections) == list(STORY)
