"""Plain-text page cleaner (``audiobook.ingest.page``): the seed article, the bundled example,
and each furniture kind, read end to end through ``clean_text``."""

from __future__ import annotations

import json
import sys
import textwrap
import time
from pathlib import Path

import pytest
from imports_support import imported_modules, module_name, package_files
from page_support import STORY, TITLE, blocks, page, story_page

from audiobook.errors import InputError
from audiobook.ingest.page import clean_text
from audiobook.model import Article, LineDecision, Role, SpanKind

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour-lights.txt"
EXAMPLE_GOLD = ROOT / "tests" / "data" / "text" / "harbour-lights.json"


def decision(decisions: tuple[LineDecision, ...], text: str) -> LineDecision:
    found = [d for d in decisions if d.text == text]
    assert len(found) == 1, f"no single decision for {text!r}"
    return found[0]


# --- the seed article -------------------------------------------------------------------


@pytest.fixture
def seed(seed_path: Path) -> tuple[Article, tuple[LineDecision, ...], list[str]]:
    text = seed_path.read_text(encoding="utf-8")
    article, decisions = clean_text(text, source_name=seed_path.name)
    return article, decisions, text.splitlines()


def test_seed_metadata(seed) -> None:
    article, _, _ = seed
    assert article.title == "Videotaped clues from Baby P's mother were missed"
    assert article.date == "2010-12-13"
    assert article.source == "BBC"
    assert article.language == "en"


def test_seed_sections(seed) -> None:
    article, _, _ = seed
    assert [s.id for s in article.sections] == ["s1", "s2", "s3"]
    assert [s.heading for s in article.sections] == [None, "Opportunities missed", "Research legacy"]


def test_seed_keeps_every_body_paragraph_in_order(seed) -> None:
    article, _, raw = seed
    paragraphs = [b.text for b in blocks(article) if b.role is Role.PARAGRAPH]
    expected = [raw[n - 1] for n in (8, 10, 12, 14, 16, 21, 25, 27, 29, 31, 36, 38, 40, 42, 45, 50, 52,
                                      54, 56, 58, 60, 62, 66, 68, 70, 72, 74, 76)]
    assert paragraphs == expected


def test_seed_drops_furniture(seed) -> None:
    article, decisions, raw = seed
    kept_text = " ".join(b.text for b in blocks(article))
    for fragment in ("Related BBC sites", "Page last updated", "Sign in", "BBC navigation", "Copyright",
                     "web browser", "Americas Africa", "not responsible for the content",
                     "is on BBC One", "watch it later", "Panorama: Baby P - In His Mother's Words"):
        assert fragment not in kept_text
    assert decision(decisions, "Baby Peter's tragic first birthday").label == "related link"
    assert decision(decisions, "Baby Peter's tragic first birthday").kept is False
    assert decision(decisions, raw[17]).label == "promotion"
    assert decision(decisions, raw[18]).label == "promotion"
    assert decision(decisions, raw[77]).label == "promotion"


def test_seed_pull_quote_and_captions(seed) -> None:
    article, _, _ = seed
    quotes = [b for b in blocks(article) if b.role is Role.PULL_QUOTE]
    assert len(quotes) == 1
    assert quotes[0].text == "I am sorry if I've built up a dreamboat on him, but he is every girl's dream"
    assert quotes[0].attribution == "Tracey Connelly on her friend 'Steven'"
    assert quotes[0].repeats_body is True
    captions = [b.text for b in blocks(article) if b.role is Role.CAPTION]
    assert captions == [
        "Tracey Connelly - Baby P's mother",
        "Connelly told the interviewer she wanted social services out of their lives",
    ]


def test_seed_block_shape(seed) -> None:
    article, decisions, raw = seed
    for section in article.sections:
        for number, block in enumerate(section.blocks, start=1):
            assert block.id == f"{section.id}.b{number}"
            assert len(block.sentences) == 1
            assert block.sentences[0].id == f"{block.id}.t1"
            assert len(block.sentences[0].spans) == 1
            assert block.sentences[0].spans[0].kind is SpanKind.NARRATION
    assert [d.line_no for d in decisions] == [n for n, line in enumerate(raw, start=1) if line.strip()]


def test_seed_is_fast(seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    best = min(_timed(text) for _ in range(5))
    assert best < 0.050


def _timed(text: str) -> float:
    started = time.perf_counter()
    clean_text(text)
    return time.perf_counter() - started


# --- the bundled example ----------------------------------------------------------------


def test_example_matches_hand_written_structure() -> None:
    gold = json.loads(EXAMPLE_GOLD.read_text(encoding="utf-8"))
    raw = EXAMPLE.read_text(encoding="utf-8").splitlines()
    article, decisions = clean_text(EXAMPLE.read_text(encoding="utf-8"), source_name=EXAMPLE.name)
    assert (article.title, article.date, article.byline, article.source, article.language) == (
        gold["title"], gold["date"], gold["byline"], gold["source"], gold["language"]
    )
    got = [
        {"id": s.id, "heading": s.heading, "blocks": [[b.role.value, b.text] for b in s.blocks]}
        for s in article.sections
    ]
    want = [
        {"id": s["id"], "heading": s["heading"], "blocks": [[role, raw[n - 1]] for role, n in s["blocks"]]}
        for s in gold["sections"]
    ]
    assert got == want
    quote = next(b for b in blocks(article) if b.role is Role.PULL_QUOTE)
    assert (quote.attribution, quote.repeats_body) == (gold["pull_quote_attribution"], True)
    by_line = {d.line_no: d for d in decisions}
    assert {str(n): d.label for n, d in by_line.items() if not d.kept} == gold["dropped"]
    for number, label in gold["metadata_lines"].items():
        assert (by_line[int(number)].label, by_line[int(number)].kept) == (label, True)


def test_example_is_about_the_asked_length() -> None:
    article, _ = clean_text(EXAMPLE.read_text(encoding="utf-8"))
    words = sum(len(b.text.split()) for b in blocks(article) if b.role is Role.PARAGRAPH)
    assert 700 <= words <= 900


# --- synthetic pages, one furniture kind at a time --------------------------------------


def test_plain_story_keeps_all_paragraphs() -> None:
    article, decisions = clean_text(story_page())
    assert article.title == TITLE
    assert [b.text for b in blocks(article)] == list(STORY)
    assert [d.label for d in decisions] == ["title", "body", "body", "body", "body"]


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Home", "navigation"),
        ("Sign in", "navigation"),
        ("Log in to your account", "navigation"),
        ("Share this article", "share"),
        ("Tweet", "share"),
        ("@townlibrary", "social handle"),
        ("Follow Jane Smith", "share"),
        ("Follow the Town Echo on Instagram", "share"),
        ("We use cookies to improve your experience of our website.", "cookie"),
        ("Privacy policy", "cookie"),
        ("Subscribe to our daily newsletter", "subscription"),
        ("Advertisement", "advertisement"),
        ("Related stories", "related link"),
        ("More from Local News", "related link"),
        ("Copyright © 2024 Town Echo. All rights reserved.", "footer"),
        ("This page is best viewed in an up-to-date browser with style sheets.", "browser notice"),
        ("12 comments", "comment"),
        ("Leave a reply", "comment"),
    ],
)
def test_furniture_line_is_dropped_with_its_label(line: str, label: str) -> None:
    for where in ("before", "after"):
        text = story_page(before=(line,)) if where == "before" else story_page(after=(line,))
        article, decisions = clean_text(text)
        assert [b.text for b in blocks(article)] == list(STORY)
        found = decision(decisions, line)
        assert (found.kept, found.label) == (False, label), where


def test_furniture_between_paragraphs_is_dropped() -> None:
    article, decisions = clean_text(story_page(middle=("Advertisement",)))
    assert [b.text for b in blocks(article)] == list(STORY)
    assert decision(decisions, "Advertisement").label == "advertisement"


def test_date_byline_and_source() -> None:
    text = story_page(
        before=("By Jane Smith", "Published 3 February 2024"),
        after=("Copyright © 2024 Town Echo. All rights reserved.",),
    )
    article, decisions = clean_text(text)
    assert (article.byline, article.date, article.source) == ("Jane Smith", "2024-02-03", "Town Echo")
    assert decision(decisions, "By Jane Smith").label == "byline"
    assert decision(decisions, "By Jane Smith").kept is True


def test_author_biography_ends_the_story() -> None:
    bio = "Jane Smith is a reporter covering local government and schools across the county."
    after = (bio, "Check out the full calendar of the winter events at every library in the county.")
    article, decisions = clean_text(story_page(before=("By Jane Smith",), after=after))
    assert [b.text for b in blocks(article)] == list(STORY)
    assert (decision(decisions, bio).label, decision(decisions, bio).kept) == ("author bio", False)


@pytest.mark.parametrize(
    ("stamp", "iso"),
    [
        ("Page last updated at 09:43 GMT, Monday, 13 December 2010", "2010-12-13"),
        ("Updated Nov. 19, 2019 8:21 am ET", "2019-11-19"),
        ("Posted 2021-06-30 at 14:00", "2021-06-30"),
    ],
)
def test_date_formats(stamp: str, iso: str) -> None:
    article, _ = clean_text(story_page(before=(stamp,)))
    assert article.date == iso


def test_programme_promotion_is_dropped() -> None:
    promo = "Library Lives is on Town Radio on Friday 9 February at 1930 GMT\nOr listen again later online."
    article, decisions = clean_text(story_page(middle=(promo,)))
    assert [b.text for b in blocks(article)] == list(STORY)
    assert decision(decisions, "Or listen again later online.").label == "promotion"


def test_heading_starts_a_section() -> None:
    article, decisions = clean_text(story_page(middle=("Weekend opening",)))
    assert [(s.id, s.heading, len(s.blocks)) for s in article.sections] == [
        ("s1", None, 2),
        ("s2", "Weekend opening", 2),
    ]
    assert article.sections[1].blocks[0].id == "s2.b1"
    assert decision(decisions, "Weekend opening").label == "heading"


def test_caption_with_credit() -> None:
    caption = "Campaigners outside the library on Saturday (Photo: Sam Reed)"
    article, _ = clean_text(story_page(middle=(caption,)))
    assert [(b.role, b.text) for b in blocks(article) if b.role is not Role.PARAGRAPH] == [
        (Role.CAPTION, caption)
    ]


def test_credit_line_is_dropped_and_marks_the_caption() -> None:
    pair = "Campaigners outside the library on Saturday\nPhotograph: Sam Reed"
    article, decisions = clean_text(story_page(middle=(pair,)))
    assert [(b.role, b.text) for b in blocks(article) if b.role is not Role.PARAGRAPH] == [
        (Role.CAPTION, "Campaigners outside the library on Saturday")
    ]
    assert decision(decisions, "Photograph: Sam Reed").label == "credit"


def test_source_name_packed_under_a_paragraph_makes_it_a_caption() -> None:
    chart = "Library visits per month rose by a third after the Sunday opening was announced."
    article, decisions = clean_text(story_page(middle=(chart + "\nCouncil Statistics",)))
    assert [(b.role, b.text) for b in blocks(article) if b.role is Role.CAPTION] == [(Role.CAPTION, chart)]
    assert (decision(decisions, "Council Statistics").label, decision(decisions, "Council Statistics").kept) == (
        "credit",
        False,
    )


def test_pull_quote_repeating_the_body() -> None:
    pull = "a campaign that gathered more than four thousand signatures\nAnn Lee, campaign organiser"
    article, _ = clean_text(story_page(middle=(pull,)))
    quote = [b for b in blocks(article) if b.role is Role.PULL_QUOTE]
    assert [(q.text, q.attribution, q.repeats_body) for q in quote] == [
        ("a campaign that gathered more than four thousand signatures", "Ann Lee, campaign organiser", True)
    ]


def test_a_line_shown_twice_is_a_repeated_block_not_a_pull_quote() -> None:
    text = page(TITLE, STORY[0], STORY[1], STORY[0], STORY[2])
    article, _ = clean_text(text)
    assert [b.role for b in blocks(article)] == [Role.PARAGRAPH] * 4


def test_list_after_an_introducing_line() -> None:
    items = ["Monday to Friday, nine until seven", "Saturday, ten until four", "Sunday, one until five"]
    listing = "\n".join(["The new opening hours are:", *items])
    article, _ = clean_text(story_page(middle=(listing,)))
    assert [b.text for b in blocks(article) if b.role is Role.LIST_ITEM] == items


def test_spaced_list_after_a_colon_closes_the_story() -> None:
    items = ["Longer opening hours on Saturdays", "Two more computers for pupils", "Free meeting rooms for clubs"]
    listing = items[0] + "\n" + "\n".join(items[1:])
    text = page(TITLE, *STORY, "The campaign won three things:", listing, "Home\nNews\nSport\nWeather")
    article, decisions = clean_text(text)
    assert [b.text for b in blocks(article) if b.role is Role.LIST_ITEM] == items
    assert decision(decisions, "The campaign won three things:").label == "body"
    assert not decision(decisions, "Weather").kept


def test_run_of_label_and_details_lines_is_a_list() -> None:
    days = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat")
    rows = [f"{day} (week 1): nine until seven" for day in days]
    text = page(TITLE, *STORY, "Opening hours", "\n".join(rows), "Home\nNews\nSport\nWeather")
    article, decisions = clean_text(text)
    assert [b.text for b in blocks(article) if b.role is Role.LIST_ITEM] == rows
    assert decision(decisions, rows[0]).reason == 'entry of a list: follows a colon or reads "label: details"'


def test_related_headlines_under_a_label_are_dropped() -> None:
    related = "Related stories\nSwimming pool to close for repairs\nNew bus route for the north estate"
    article, decisions = clean_text(story_page(after=(related,)))
    assert [b.text for b in blocks(article)] == list(STORY)
    assert decision(decisions, "Swimming pool to close for repairs").label == "related link"


def teaser(number: int) -> str:
    """One entry of a listing of other stories: headline, author, date stamp, long summary."""
    summary = " ".join(
        f"In part {number} of our series, residents of the valley explain why the bridge, the "
        "bus station and the market hall matter to them, and what they would change first."
        for _ in range(3)
    )
    return f"Valley voices, part {number}\nSam Hill\nTuesday November 19, 2019\n{summary}"


def test_listing_of_dated_teasers_is_not_taken_for_the_story() -> None:
    article, decisions = clean_text(story_page(after=tuple(teaser(n) for n in range(1, 5))))
    assert [b.text for b in blocks(article)] == list(STORY)
    assert not any(d.kept for d in decisions if d.text.startswith("In part "))


def test_two_dated_paragraphs_are_still_story() -> None:
    dated = ("Tuesday November 19, 2019\n" + STORY[0], "Wednesday November 20, 2019\n" + STORY[2])
    article, _ = clean_text(page(TITLE, dated[0], STORY[1], dated[1], STORY[3]))
    assert [b.text for b in blocks(article)] == list(STORY)


def test_comments_after_the_story_are_dropped() -> None:
    comments = (
        "3 comments",
        "I have used this library since I was a child and I am so glad it will stay open for everyone.",
        "Well done to everyone who signed the petition, it shows what a town can do when it pulls together.",
    )
    article, _ = clean_text(story_page(after=comments))
    assert [b.text for b in blocks(article)] == list(STORY)


def test_comments_button_before_the_last_paragraph_does_not_end_the_story() -> None:
    text = page(TITLE, *STORY[:3], "Comments", STORY[3], "Comments", "Home\nNews\nSport")
    article, decisions = clean_text(text)
    assert [b.text for b in blocks(article)] == list(STORY)
    assert [d.kept for d in decisions if d.text == "Comments"] == [False, False]


def test_empty_text_raises() -> None:
    with pytest.raises(InputError, match="notes.txt is empty"):
        clean_text(" \n\n", source_name="notes.txt")


def test_text_without_prose_raises() -> None:
    with pytest.raises(InputError, match="menu.txt holds no paragraphs"):
        clean_text("Home\nNews\nSport\n", source_name="menu.txt")


# --- decisions, short texts, wrapping -----------------------------------------------------


def test_every_decision_has_a_label_and_reason() -> None:
    _, decisions = clean_text(EXAMPLE.read_text(encoding="utf-8"))
    assert all(d.label and d.reason for d in decisions)


def test_short_note_without_full_paragraphs_is_read() -> None:
    article, decisions = clean_text("A note\n\nThe meeting moved.\n\nBring a coat.\n")
    assert article.title == "A note"
    assert (decisions[0].label, decisions[0].kept) == ("title", True)
    assert [b.text for b in blocks(article)] == ["The meeting moved.", "Bring a coat."]


def test_lone_by_line_takes_the_name_below() -> None:
    article, decisions = clean_text(story_page(before=("By\nJane Smith",)))
    assert article.byline == "Jane Smith"
    assert [(d.label, d.kept) for d in decisions[:2]] == [("byline", True), ("byline", True)]


def test_hard_wrapped_example_gives_the_same_paragraphs() -> None:
    source = EXAMPLE.read_text(encoding="utf-8")
    wrapped = "\n".join(textwrap.fill(line, 72) for line in source.splitlines())
    plain, _ = clean_text(source)
    article, decisions = clean_text(wrapped)
    assert article.title == plain.title
    assert [s.heading for s in article.sections] == [s.heading for s in plain.sections]
    paragraphs = [b.text for b in blocks(plain) if b.role is Role.PARAGRAPH]
    assert [b.text for b in blocks(article) if b.role is Role.PARAGRAPH] == paragraphs
    quotes = [(b.text, b.attribution) for b in blocks(article) if b.role is Role.PULL_QUOTE]
    assert quotes == [(b.text, b.attribution) for b in blocks(plain) if b.role is Role.PULL_QUOTE]
    assert [d.line_no for d in decisions] == [n for n, line in enumerate(wrapped.splitlines(), 1) if line.strip()]


def test_bulleted_list_items_lose_their_markers() -> None:
    listing = "• Monday to Friday, nine until seven\n• Saturday, ten until four\n• Sunday, one until five"
    article, _ = clean_text(story_page(middle=(listing,)))
    items = [b.text for b in blocks(article) if b.role is Role.LIST_ITEM]
    assert items == ["Monday to Friday, nine until seven", "Saturday, ten until four", "Sunday, one until five"]


def test_article_language_comes_from_its_body() -> None:
    article, _ = clean_text(story_page())
    assert article.language == "en"


def test_story_words_that_are_also_furniture_words_stay() -> None:
    article, _ = clean_text(story_page(middle=("Cookies and cakes for the library stall",)))
    assert [s.heading for s in article.sections] == [None, "Cookies and cakes for the library stall"]


# --- what the package may import ----------------------------------------------------------

PACKAGE = "audiobook.ingest.page"
ALLOWED = ("audiobook.model", "audiobook.errors", "audiobook.ingest.structure",
           "audiobook.ingest.language", PACKAGE)


def _own_modules(path: Path) -> set[str]:
    """The modules of this package that ``path`` imports (names, not the names inside them)."""
    modules = {module_name(other) for other in package_files(PACKAGE)} - {PACKAGE}
    return {name for name in imported_modules(path) if name in modules}


def test_package_imports_only_the_model_errors_structure_and_itself() -> None:
    for path in package_files(PACKAGE):
        for name in imported_modules(path):
            top = name.split(".")[0]
            if top == "audiobook":
                assert any(name == a or name.startswith(a + ".") for a in ALLOWED), (path.name, name)
            else:
                assert top in sys.stdlib_module_names, (path.name, name)


def test_modules_of_the_package_import_each_other_one_way() -> None:
    graph = {module_name(path): _own_modules(path) for path in package_files(PACKAGE) if path.name != "__init__.py"}
    assert f"{PACKAGE}.lists" in graph[f"{PACKAGE}.cues"]
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert name not in path, f"import loop: {' -> '.join(path + (name,))}"
        if name in done:
            return
        for other in graph[name]:
            visit(other, path + (name,))
        done.add(name)

    for name in graph:
        visit(name, ())
