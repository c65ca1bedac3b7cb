"""segment(): sentences and speech spans for whole articles, the seed, and the quote set."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from audiobook.model import Article, Block, Role, Section, Sentence, Span, SpanKind
from audiobook.segment import segment
from benchmarks.quotes import article_from_lines, evaluate, load_cases, scores

# Floors just under what the benchmark measures, so a regression fails loudly.
SPAN_F1_FLOOR = 0.99
SPEAKER_ACCURACY_FLOOR = 0.93


def _article(*paragraphs: str, role: Role = Role.PARAGRAPH) -> Article:
    blocks = tuple(
        Block(f"s1.b{i}", role, (Sentence(f"s1.b{i}.t1", (Span(text),)),))
        for i, text in enumerate(paragraphs, start=1)
    )
    return Article("Title", (Section("s1", None, blocks),))


def _quotes(article: Article) -> list[tuple[str, str | None]]:
    return [
        (span.text, span.speaker)
        for section in article.sections
        for block in section.blocks
        for sentence in block.sentences
        for span in sentence.spans
        if span.kind is SpanKind.QUOTE
    ]


def test_blocks_split_into_numbered_sentences_with_text_kept() -> None:
    text = 'Mr Lee arrived.  "We won," he said. It was 3.5 points.'
    block = segment(_article(text)).sections[0].blocks[0]
    assert [s.id for s in block.sentences] == ["s1.b1.t1", "s1.b1.t2", "s1.b1.t3"]
    assert block.text == re.sub(r"\s+", " ", text)
    assert block.sentences[1].spans == (
        Span('"We won,"', SpanKind.QUOTE, "Mr Lee"),
        Span(" he said.", SpanKind.NARRATION, None),
    )


def test_quote_broken_by_attribution_gives_two_spans_with_narration_between() -> None:
    text = '"The children don\'t have time," Kim Park said, "and nor do we."'
    sentence = segment(_article(text)).sections[0].blocks[0].sentences[0]
    assert sentence.spans == (
        Span('"The children don\'t have time,"', SpanKind.QUOTE, "Kim Park"),
        Span(" Kim Park said, ", SpanKind.NARRATION, None),
        Span('"and nor do we."', SpanKind.QUOTE, "Kim Park"),
    )


def test_quotation_running_over_paragraphs_keeps_its_speaker() -> None:
    article = _article(
        'Mr Badman said she was "somebody who was taking control of the situation.',
        '"And dare I say it, we wanted to believe it."',
        "The inquiry ended.",
    )
    assert _quotes(segment(article)) == [
        ('"somebody who was taking control of the situation.', "Mr Badman"),
        ('"And dare I say it, we wanted to believe it."', "Mr Badman"),
    ]


def test_colon_at_the_end_of_a_paragraph_introduces_the_next() -> None:
    article = _article("Jo Hart, the head teacher, added:", '"We are proud of them."')
    assert _quotes(segment(article)) == [('"We are proud of them."', "Jo Hart")]


def test_scare_quotes_stay_narration() -> None:
    article = _article('He called it "every girl\'s dream". She was "very open".')
    segmented = segment(article)
    assert _quotes(segmented) == []
    assert all(
        span.kind is SpanKind.NARRATION
        for sentence in segmented.sections[0].blocks[0].sentences
        for span in sentence.spans
    )


def test_headings_are_never_speech() -> None:
    article = _article('"We got her!" The rescue', role=Role.HEADING)
    assert _quotes(segment(article)) == []


def test_marked_quotes_are_kept_and_only_split() -> None:
    spans = (
        Span("He spoke. ", SpanKind.NARRATION),
        Span("It is over. We go home.", SpanKind.QUOTE, "Ann Bell"),
        Span(' Then "tools" came.', SpanKind.NARRATION),
    )
    block = Block("s1.b1", Role.PARAGRAPH, (Sentence("s1.b1.t1", spans),))
    article = Article("T", (Section("s1", None, (block,)),), quotes_marked=True)
    sentences = segment(article).sections[0].blocks[0].sentences
    assert [s.spans for s in sentences] == [
        (Span("He spoke.", SpanKind.NARRATION),),
        (Span("It is over.", SpanKind.QUOTE, "Ann Bell"),),
        (Span("We go home.", SpanKind.QUOTE, "Ann Bell"),),
        (Span('Then "tools" came.', SpanKind.NARRATION),),
    ]


def test_empty_block_is_left_alone_and_segment_is_deterministic() -> None:
    article = _article("", "One. Two.")
    first, second = segment(article), segment(article)
    assert first == second
    assert first.sections[0].blocks[0] == article.sections[0].blocks[0]


def test_speaker_reported_in_the_previous_sentence_says_the_next_quote() -> None:
    article = _article(
        'Ann Pike said: "We start today." Lee\'s agent told reporters that this was untrue. '
        '"Nothing was agreed."',
        "Mr Dunn said the deal had collapsed after months of talks.",
        '"We tried everything we could think of."',
    )
    assert _quotes(segment(article)) == [
        ('"We start today."', "Ann Pike"),
        ('"Nothing was agreed."', "Lee's agent"),
        ('"We tried everything we could think of."', "Mr Dunn"),
    ]


def test_reported_speech_wins_over_the_last_quoted_speaker() -> None:
    article = _article(
        '"It is a good day," said Cara Voss, a lawyer.',
        "Tom Reyes said the ruling was only the latest blow.",
        '"They wanted us to give up. We will not give up."',
    )
    speakers = [speaker for _, speaker in _quotes(segment(article))]
    assert speakers == ["Cara Voss", "Tom Reyes", "Tom Reyes"]


def test_next_sentence_after_a_closed_mid_sentence_quote_is_not_its_attribution() -> None:
    article = _article(
        'The statement claimed that both sides had "agreed on every one of the main points of '
        'the plan." The agreement said little else.'
    )
    assert _quotes(segment(article)) == [
        ('"agreed on every one of the main points of the plan."', "The statement"),
    ]


def test_unattributed_mid_sentence_quote_takes_the_previous_sentence_reporter() -> None:
    article = _article(
        "It is not clear which came first, Ian Roe says. Because the name came first, "
        '"that does not mean it is the order in which it all happened."'
    )
    assert _quotes(segment(article)) == [
        ('"that does not mean it is the order in which it all happened."', "Ian Roe"),
    ]


def test_harbour_lights_example_speakers() -> None:
    clean_text = pytest.importorskip("audiobook.ingest.page").clean_text
    text = (Path(__file__).resolve().parents[1] / "examples" / "harbour-lights.txt").read_text(
        encoding="utf-8"
    )
    quotes = _quotes(segment(clean_text(text)[0]))
    assert [(quote[:20], speaker) for quote, speaker in quotes] == [
        ('"I honestly did not ', "Walter Bray"),
        ('"When those lights w', "Walter Bray"),
        ('"We thought the ligh', "Megan Treloar"),
        ('"but the town simply', "Megan Treloar"),
        ('"It used to be somew', "Ruth Pengelly"),
        ('"Now we have childre', "Ruth Pengelly"),
        ('"Ships have satellit', "Ruth Pengelly"),
        ("Ask any skipper comi", "Ruth Pengelly"),
        ('"My grandmother used', "Derek Nance"),
        ('"They came on at dus', "Derek Nance"),
        ('"This has been done ', "Alan Jory"),
        ('"The least we can do', "Alan Jory"),
        ('"We want the lights ', "Megan Treloar"),
        ('"They are all gone n', "Walter Bray"),
        ('"But they would have', "Walter Bray"),
        ("They would have like", "Walter Bray"),
    ]


def _seed_article(seed_path: Path) -> Article:
    text = seed_path.read_text(encoding="utf-8")
    body = text[text.index("The mother of the little boy") : text.index("Panorama: Baby P -")]
    return article_from_lines(body)[0]


def test_seed_quotes_and_speakers(seed_path: Path) -> None:
    quotes = _quotes(segment(_seed_article(seed_path)))
    starts = [(text[:30], speaker) for text, speaker in quotes]
    assert starts == [
        ('"They have to be used in the c', "Andrew Turnell"),
        ('"To be honest, I wish... he is', "Tracey Connelly"),
        ('"And I remember dreaming about', "Tracey Connelly"),
        ("I am, like, if I ever end up w", "Tracey Connelly"),
        ('"To be frank, I was appalled..', "Graham Badman"),
        ('"somebody who was...a manipula', "Graham Badman"),
        ('"And dare I say it, I think th', "Graham Badman"),
        ('"The children don\'t have very ', "Harriet Ward"),
    ]
    narration = " ".join(
        span.text
        for block in segment(_seed_article(seed_path)).sections[0].blocks
        for sentence in block.sentences
        for span in sentence.spans
        if span.kind is SpanKind.NARRATION
    )
    for phrase in ('"every girl\'s dream"', '"tools"', '"very open"', '"impressed"'):
        assert phrase in narration


def test_seed_text_survives_segmentation(seed_path: Path) -> None:
    article = _seed_article(seed_path)
    segmented = segment(article)
    before = [b.text for b in article.sections[0].blocks]
    after = [b.text for b in segmented.sections[0].blocks]
    assert after == [re.sub(r"\s+", " ", text.strip()) for text in before]


@pytest.mark.slow
def test_quote_benchmark_floor(cleaning_dev: Path, seed_path: Path) -> None:
    cases = load_cases(cleaning_dev.parent)
    assert len(cases) >= 15
    _, _, f1, speakers = scores([evaluate(case) for case in cases])
    assert f1 >= SPAN_F1_FLOOR
    assert speakers >= SPEAKER_ACCURACY_FLOOR


def test_seed_through_the_text_cleaner(seed_path: Path) -> None:
    clean_text = pytest.importorskip("audiobook.ingest.page").clean_text
    article, _ = clean_text(seed_path.read_text(encoding="utf-8"))
    speakers = {speaker for _, speaker in _quotes(segment(article))}
    assert speakers == {"Andrew Turnell", "Tracey Connelly", "Graham Badman", "Harriet Ward"}


def test_quote_followed_by_a_sentence_of_narration_takes_nobody_from_before() -> None:
    article = _article(
        "Offers end when Jo Berg closes the shop",
        '"The best shop in the town." See our guide.',
        "Jo Berg opened the shop on Monday.",
        '"Yes, it is open," he tells himself.',
    )
    assert _quotes(segment(article)) == [
        ('"The best shop in the town."', None),
        ('"Yes, it is open,"', "Jo Berg"),
    ]


def test_byline_names_the_writer_who_says_i() -> None:
    article = replace(_article('I told them, "We will open on Monday."'), byline="By Jo Berg")
    assert _quotes(segment(article)) == [('"We will open on Monday."', "Jo Berg")]
