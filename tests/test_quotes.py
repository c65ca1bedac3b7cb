"""Quoted runs and the rule that tells reported speech from scare quotes and titles."""

from __future__ import annotations

from audiobook.segment.quotes import QuoteRun, find_runs, is_speech


def _speech(text: str, continued: bool = False) -> list[bool]:
    """is_speech for every run of ``text``, with neighbouring runs bounding the narration."""
    runs = find_runs(text)
    result = []
    for index, run in enumerate(runs):
        prev_end = runs[index - 1].end if index else 0
        next_start = runs[index + 1].start if index + 1 < len(runs) else len(text)
        result.append(is_speech(text, run, prev_end, next_start, continued))
    return result


def test_straight_and_curly_runs_include_their_marks() -> None:
    text = 'He said "yes" and “no” twice.'
    assert find_runs(text) == [QuoteRun(8, 13, 9, 12, True), QuoteRun(18, 22, 19, 21, True)]


def test_single_quotes_and_apostrophes_stay_inside_a_run() -> None:
    text = "“She called him 'Steven', didn't she?” he asked."
    assert find_runs(text) == [QuoteRun(0, 38, 1, 37, True)]


def test_unclosed_run_reaches_the_end_of_the_block() -> None:
    text = 'He said she was "somebody who was taking control.  '
    assert find_runs(text) == [QuoteRun(16, 49, 17, 49, False)]


def test_straight_mark_after_a_word_does_not_open() -> None:
    assert find_runs('A 5" screen and a 7" one') == []


def test_doubled_single_marks_close_a_double_quote() -> None:
    text = "“It was bad,’’ she said."
    assert find_runs(text) == [QuoteRun(0, 14, 1, 12, True)]


def test_misprinted_closing_mark_before_a_word_opens() -> None:
    text = "Another said: ”Bird flu is back.”"
    assert find_runs(text) == [QuoteRun(14, 33, 15, 32, True)]


def test_short_phrases_in_narration_are_not_speech() -> None:
    text = (
        'He labelled one of them "every girl\'s dream". Parents need "tools", but he added: '
        '"They have to be used with care." She was "very open" and "impressed".'
    )
    assert _speech(text) == [False, False, True, False, False]


def test_titles_are_not_speech() -> None:
    text = 'She starred in "The Lord of the Rings and the Return of the King Again" last year.'
    assert _speech(text) == [False]


def test_whole_quoted_sentence_is_speech() -> None:
    assert _speech('"To be honest, I wish he had stayed."') == [True]
    assert _speech('It was late. "We are going home." The end.') == [True]


def test_quote_followed_by_attribution_is_speech() -> None:
    assert _speech('"Not now," she said.') == [True]
    assert _speech('"Go home," said a police spokesperson.') == [True]


def test_quote_broken_by_its_attribution_gives_two_speech_runs() -> None:
    text = '"The children don\'t have time," she said, "and nor do we."'
    assert _speech(text) == [True, True]


def test_speech_verb_or_colon_introduces_even_a_short_quote() -> None:
    assert _speech('He added: "No."') == [True]
    assert _speech('Asked about it, he said, "never again".') == [True]


def test_long_partial_quote_is_speech() -> None:
    text = 'He said Connelly was "somebody who was a manipulative person taking command" of it.'
    assert _speech(text) == [True]


def test_short_partial_quote_with_end_punctuation_is_not_speech() -> None:
    assert _speech('There is no "end," because games never stop.') == [False]


def test_continued_quotation_at_block_start_is_speech() -> None:
    assert _speech('"and more" of it.', continued=True) == [True]
    assert _speech('"and more" of it.', continued=False) == [False]


def test_unclosed_quotation_opening_a_paragraph_is_speech() -> None:
    assert _speech('"And dare I say it, we were wrong.') == [True]


def test_opening_mark_glued_to_a_word_closes_rather_than_opens() -> None:
    assert find_runs("Die App „Lumo“ kam von den Kassen.") == []
    assert find_runs("He said “yes“ and left.") == [QuoteRun(8, 13, 9, 12, True)]


def test_capitalised_term_ending_a_sentence_is_not_speech_unless_set_off() -> None:
    text = (
        'He urged voters, "Look what I have done." They would investigate "Northern '
        'reform." It pays for "Homes for all."'
    )
    assert _speech(text) == [True, False, False]


def test_quote_right_after_a_participle_of_saying_is_speech() -> None:
    text = 'The crowd begins yelling "Stop!" She kept telling him "you are late" all day.'
    assert _speech(text) == [True, True]
