"""Headline choice of the plain-text cleaner (``ingest/page/title.py``) and its fallback,
one rule at a time, on invented pages."""

from __future__ import annotations

import pytest
from page_support import STORY, TITLE, blocks, page

from audiobook.ingest.page import clean_page
from audiobook.ingest.page.fallback import fallback_title, spoken_date
from audiobook.ingest.page.title import strip_site, title_words
from audiobook.model import Block, Role, Section, Sentence, Span

MENU = "Home\nNews\nSport\nWeather"
BYLINE = "By Jane Smith"
DATE = "Published 3 February 2024"


def cleaned(*parts: str, name: str = "4f1c9a.txt"):
    return clean_page(page(*parts), source_name=name)


def decision(result, text: str):
    found = [d for d in result.decisions if d.text == text]
    assert len(found) == 1, text
    return found[0]


def test_echo_of_the_document_title_wins_over_a_closer_headline() -> None:
    headline = "Reading room rescued after town vote"
    other = "Council keeps the town library open on Sunday afternoons"
    result = cleaned(f"{headline} | Town Echo", MENU, headline, "Advertisement", other, BYLINE, *STORY)
    assert result.article.title == headline
    chosen = decision(result, headline)
    assert (chosen.label, chosen.kept) == ("title", True)
    assert "repeats the document title" in chosen.reason
    assert "lost the title to line 8" in decision(result, other).reason
    assert result.warnings == ()


def test_byline_below_marks_the_headline_among_lines_above_the_story() -> None:
    result = cleaned(MENU, "Swimming pool to close for repairs next month", TITLE, BYLINE, DATE, *STORY)
    assert result.article.title == TITLE
    assert "a byline or date follows" in decision(result, TITLE).reason


# A headline the story barely quotes: the rules below, not word overlap, must decide.
PLAIN_HEADLINE = "Reading room rescued"


@pytest.mark.parametrize("label", ["Town Council", "Library Campaign"])
def test_a_two_word_section_or_widget_label_is_not_the_headline(label: str) -> None:
    result = cleaned(MENU, label, PLAIN_HEADLINE, BYLINE, *STORY)
    assert result.article.title == PLAIN_HEADLINE
    assert "a label" in decision(result, label).reason


def test_a_photo_caption_closed_by_a_full_stop_loses_to_the_headline() -> None:
    caption = "Council members at the town library."
    result = cleaned(MENU, PLAIN_HEADLINE, BYLINE, caption, *STORY)
    assert result.article.title == PLAIN_HEADLINE
    assert "a caption" in decision(result, caption).reason


def test_a_byline_with_its_outlet_is_not_the_headline() -> None:
    byline = "Analysis by Jane Smith, Town Echo"
    result = cleaned(MENU, PLAIN_HEADLINE, "Advertisement", byline, DATE, *STORY)
    assert result.article.title == PLAIN_HEADLINE
    assert "a byline" in decision(result, byline).reason


def test_a_breadcrumb_is_never_a_candidate() -> None:
    crumb = "Messages » Local News » Library campaign"
    result = cleaned(MENU, crumb, TITLE, BYLINE, *STORY)
    assert result.article.title == TITLE
    assert "lost the title" not in decision(result, crumb).reason


def test_a_related_headline_repeated_below_the_story_loses_to_the_story_headline() -> None:
    related = "Council votes to keep the library open"
    result = cleaned(MENU, TITLE, "Advertisement", related, *STORY, "Home\nContact", related)
    assert result.article.title == TITLE
    above = next(d for d in result.decisions if d.text == related)
    assert "repeated below the story" in above.reason


def test_the_standfirst_under_the_headline_is_not_the_title() -> None:
    standfirst = "Campaigners gathered four thousand signatures in a single month of work"
    result = cleaned(MENU, TITLE, standfirst, BYLINE, *STORY)
    assert result.article.title == TITLE
    assert "a standfirst" in decision(result, standfirst).reason


def test_a_headline_may_open_with_a_figure_or_a_quotation_mark() -> None:
    for headline in ("2024 library campaign ends in victory for the town", "‘We kept it open’: town library saved"):
        result = cleaned(f"{headline} - Town Echo", MENU, headline, BYLINE, *STORY)
        assert result.article.title == headline


def test_a_question_headline_repeating_the_document_title_is_found_inside_the_story() -> None:
    question = "Will the town library stay open for another five years?"
    result = cleaned(f"{question} | Town Echo", MENU, question, BYLINE, *STORY)
    assert result.article.title == question
    assert [b.text for b in blocks(result.article)] == list(STORY)


def test_an_email_address_is_never_the_title() -> None:
    result = cleaned(MENU, TITLE, "jane.smith@example.org", BYLINE, *STORY)
    assert result.article.title == TITLE


def test_the_document_title_is_used_when_no_line_scores_as_a_headline() -> None:
    result = cleaned(f"{TITLE} - Town Echo", MENU, *STORY)
    assert result.article.title == TITLE
    assert decision(result, f"{TITLE} - Town Echo").label == "title"
    assert result.warnings == ()


def test_a_first_line_the_story_never_mentions_is_not_taken_for_its_title() -> None:
    result = cleaned("Weekend markets and fairs across the region", MENU, *STORY)
    assert result.article.title != "Weekend markets and fairs across the region"
    assert result.warnings


def test_without_a_headline_the_title_is_never_the_file_name_and_a_warning_says_so() -> None:
    result = cleaned(MENU, *STORY, name="4f1c9a.txt")
    assert "4f1c9a" not in result.article.title
    assert result.article.title == "The council voted on Tuesday night to keep…"
    assert len(result.warnings) == 1
    assert result.warnings[0].startswith("no headline found in 4f1c9a.txt")
    assert "--title" in result.warnings[0]


def _section(heading: str | None, text: str) -> Section:
    block = Block("s1.b1", Role.PARAGRAPH, (Sentence("s1.b1.t1", (Span(text),)),))
    return Section("s1", heading, (block,))


def test_fallback_prefers_a_section_heading_then_the_publisher_then_the_first_words() -> None:
    story = "The council voted on Tuesday night to keep the library open."
    assert fallback_title([_section(None, story), _section("Opening hours", story)], "Town Echo", None) == (
        "Opening hours",
        "the story's first section heading",
    )
    assert fallback_title([_section(None, story)], "Town Echo", "2024-02-03")[0] == (
        "An article from Town Echo, 3 February 2024"
    )
    assert fallback_title([_section(None, story)], None, None)[0] == "The council voted on Tuesday night to keep…"
    assert fallback_title([_section(None, "Short note.")], None, None)[0] == "Short note"


def test_spoken_date_reads_iso_dates_only() -> None:
    assert spoken_date("2019-11-05") == "5 November 2019"
    assert spoken_date("2019-13-05") is None
    assert spoken_date("soon") is None


def test_site_suffixes_are_cut_and_cjk_counts_by_character() -> None:
    assert strip_site("Bridge reopens | Local | Town Echo") == "Bridge reopens"
    assert strip_site("Milan week: a light show") == "Milan week: a light show"
    assert title_words("橋が再開") >= {"橋", "再", "開"}
