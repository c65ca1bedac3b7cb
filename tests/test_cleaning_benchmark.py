"""The cleaning benchmark: its metric, its title reference, and floors the cleaners must stay above."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from audiobook.model import Article, Block, Role, Section, Sentence, Span
from benchmarks.cleaning import body_text, gold_languages, load_pages, plain_article, split
from benchmarks.cleaning_titles import accepted_titles, is_right, normalise_title, reference, variants
from benchmarks.metric import PageScore, score_page, score_set, shingles, tokens

pytestmark = pytest.mark.slow  # end to end with real engines, or long property and benchmark runs

# Set just under what the cleaner reached (see benchmarks/cleaning.py): all 61 pages F1 0.968,
# precision 0.965; development split (41 pages) F1 0.966, held-out split (20 pages) F1 0.971;
# titles right on all 61 pages (none the file name).
F1_FLOOR = 0.965
PRECISION_FLOOR = 0.960
HELD_OUT_F1_FLOOR = 0.965
SPLIT_GAP_CEILING = 0.02  # a wider gap between the splits means rules fitted to pages
LANGUAGE_GAP_CEILING = 0.05  # pages in other languages score at most this far below English ones
# (non-English pages F1 0.955 against 0.969 in English, 5 pages: pt, ru, de, id, ja)
TITLE_FLOOR = 0.97


def test_tokens_are_word_runs() -> None:
    assert tokens("It's 5 o'clock—now!") == ["It", "s", "5", "o", "clock", "now"]


def test_shingles_are_a_multiset_of_four_token_runs() -> None:
    assert shingles("a b c d a b c d") == {
        ("a", "b", "c", "d"): 2,
        ("b", "c", "d", "a"): 1,
        ("c", "d", "a", "b"): 1,
        ("d", "a", "b", "c"): 1,
    }
    assert shingles("too short") == {}


def test_page_score_is_normalised_overlap() -> None:
    score = score_page("one two three four five six", "one two three four five seven")
    # gold shingles: 1234 2345 3456; predicted: 1234 2345 3457 -> tp 2, fp 1, fn 1
    assert (score.tp, score.fp, score.fn) == (0.5, 0.25, 0.25)
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(2 / 3)


def test_page_with_no_shingles_on_both_sides_scores_one() -> None:
    score = score_page("short", "")
    assert (score.precision, score.recall) == (1.0, 1.0)


def test_empty_prediction_scores_zero() -> None:
    score = score_page("one two three four five", "")
    assert (score.precision, score.recall) == (0.0, 0.0)


def test_set_score_averages_pages_and_f1_comes_from_the_means() -> None:
    perfect = score_page("a b c d e", "a b c d e")
    half = score_page("a b c d e", "a b c d e x y z w")
    result = score_set([perfect, half])
    assert result.precision == pytest.approx((1.0 + 2 / 6) / 2)
    assert result.recall == pytest.approx(1.0)
    assert result.f1 == pytest.approx(2 * result.precision / (result.precision + 1.0))


def test_body_text_leaves_out_title_captions_and_repeated_pull_quotes() -> None:
    def block(block_id: str, role: Role, text: str, repeats: bool = False) -> Block:
        return Block(block_id, role, (Sentence(f"{block_id}.t1", (Span(text),)),), repeats_body=repeats)

    article = Article(
        title="Headline",
        sections=(
            Section("s1", None, (block("s1.b1", Role.PARAGRAPH, "First."),
                                 block("s1.b2", Role.CAPTION, "Photo"))),
            Section("s2", "Part two", (block("s2.b1", Role.PULL_QUOTE, "First", True),
                                       block("s2.b2", Role.LIST_ITEM, "Item"))),
        ),
    )
    assert body_text(article) == "First.\nPart two\nItem"


def test_split_holds_out_every_third_page(cleaning_dev: Path) -> None:
    pages = load_pages(cleaning_dev)
    dev, held = split(pages)
    assert [p.id for p in held] == [p.id for p in pages[2::3]]
    assert len(dev) + len(held) == len(pages)


@functools.lru_cache(maxsize=1)
def page_results(data: Path) -> dict[str, tuple[PageScore, str]]:
    """The plain-text cleaner's score and title on every page, computed once for this module."""
    results = {}
    for page in load_pages(data):
        article = plain_article(page)
        body = body_text(article) if article is not None else ""
        results[page.id] = (score_page(page.gold, body), article.title if article is not None else "")
    return results


def page_scores(data: Path) -> dict[str, PageScore]:
    return {key: score for key, (score, _) in page_results(data).items()}


@pytest.fixture
def plain_scores(cleaning_dev: Path) -> dict[str, PageScore]:
    return page_scores(cleaning_dev)


def test_plain_text_cleaner_stays_above_its_floors(cleaning_dev: Path, plain_scores: dict[str, PageScore]) -> None:
    pages = load_pages(cleaning_dev)
    result = score_set(plain_scores[page.id] for page in pages)
    assert result.pages == len(pages)
    assert result.f1 >= F1_FLOOR
    assert result.precision >= PRECISION_FLOOR


def test_plain_text_cleaner_generalises_to_the_held_out_split(
    cleaning_dev: Path, plain_scores: dict[str, PageScore]
) -> None:
    _, held = split(load_pages(cleaning_dev))
    result = score_set(plain_scores[page.id] for page in held)
    assert result.pages == len(held)
    assert result.f1 >= HELD_OUT_F1_FLOOR


def test_plain_text_splits_score_alike(cleaning_dev: Path, plain_scores: dict[str, PageScore]) -> None:
    dev, held = split(load_pages(cleaning_dev))
    gap = score_set(plain_scores[p.id] for p in dev).f1 - score_set(plain_scores[p.id] for p in held).f1
    assert abs(gap) <= SPLIT_GAP_CEILING


def test_plain_text_cleans_pages_in_other_languages_nearly_as_well(
    cleaning_dev: Path, plain_scores: dict[str, PageScore]
) -> None:
    pages = load_pages(cleaning_dev)
    languages = gold_languages(pages)
    foreign = [p for p in pages if languages[p.id] != "en"]
    english = score_set(plain_scores[p.id] for p in pages if languages[p.id] == "en")
    assert len(foreign) >= 5
    assert english.f1 - score_set(plain_scores[p.id] for p in foreign).f1 <= LANGUAGE_GAP_CEILING


def test_plain_text_titles_are_the_pages_headlines_and_never_their_file_names(cleaning_dev: Path) -> None:
    pages = load_pages(cleaning_dev)
    titles = {key: title for key, (_, title) in page_results(cleaning_dev).items()}
    right = sum(is_right(titles[p.id], reference(p.html)) for p in pages)
    assert right >= TITLE_FLOOR * len(pages)
    assert not any(normalise_title(titles[p.id]) == normalise_title(p.id) for p in pages)


# --- the title reference, on invented titles ----------------------------------------------


def test_title_normalisation_ignores_case_punctuation_and_spacing() -> None:
    assert normalise_title("“Lamps  Lit!” – at Last") == normalise_title("lamps lit at last")


def test_site_suffixes_are_cut_while_shorter_than_what_they_follow() -> None:
    assert variants("Harbour lamps lit again | News | Town Echo") == [
        "harbour lamps lit again news town echo",
        "harbour lamps lit again news",
        "harbour lamps lit again",
    ]
    assert variants("Design week 2024 | a light show by the harbour") == ["design week 2024 a light show by the harbour"]


def test_accepted_titles_need_two_sources_to_agree() -> None:
    accepted = accepted_titles(
        ["Games", "Harbour lamps lit again after forty years"],
        "Harbour lamps lit again after forty years",
        "Lamps lit: the harbour celebrates - Town Echo",
    )
    assert "harbour lamps lit again after forty years" in accepted
    assert "games" not in accepted
    assert "lamps lit the harbour celebrates" in accepted  # agrees with the others on most words


def test_a_lone_h1_counts_unless_it_is_the_site_name() -> None:
    assert "bridge reopens" in accepted_titles(["Bridge reopens"], None, None)
    assert accepted_titles(["Town Echo"], None, "Ferry fares rise | Town Echo") == frozenset(
        {"ferry fares rise town echo", "ferry fares rise"}
    )
