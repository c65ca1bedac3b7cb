"""Pure functions of the model: span normalisation, exactly."""

from __future__ import annotations

from audiobook.model import Span, SpanKind, normalise_spans


def test_whitespace_collapses_across_span_boundaries_and_ends_are_trimmed() -> None:
    spans = [Span("  One\ttwo "), Span(" three\n"), Span("  ")]
    assert normalise_spans(spans) == (Span("One two three"),)


def test_neighbours_merge_only_with_the_same_kind_and_speaker() -> None:
    spans = (
        Span("He said "),
        Span("yes ", SpanKind.QUOTE, "Ann"),
        Span(" and no", SpanKind.QUOTE, "Ann"),
        Span(" then", SpanKind.QUOTE, "Bo"),
        Span(" ", SpanKind.QUOTE),
        Span(".  "),
    )
    assert normalise_spans(spans) == (
        Span("He said "),
        Span("yes and no", SpanKind.QUOTE, "Ann"),
        Span(" then", SpanKind.QUOTE, "Bo"),
        Span(" ", SpanKind.QUOTE),
        Span("."),
    )


def test_a_trailing_space_only_span_is_dropped_and_nothing_gives_nothing() -> None:
    assert normalise_spans([Span("Done "), Span(" ", SpanKind.QUOTE, "Ann")]) == (Span("Done"),)
    assert normalise_spans(iter([Span(" \n ")])) == ()
    assert normalise_spans([]) == ()


def test_every_unicode_space_collapses_and_long_runs_merge_whole() -> None:
    spans = [Span("One\u00a0\u2003two\u3000"), Span("\u2029three")]
    assert normalise_spans(spans) == (Span("One two three"),)
    sentences = [Span(f"Sentence {n}. ") for n in range(5000)]
    merged = normalise_spans(sentences)
    assert merged == (Span(" ".join(f"Sentence {n}." for n in range(5000))),)


def test_neighbours_in_another_language_stay_apart() -> None:
    spans = [Span("Il a dit ", language="fr"), Span(" oui ", language="fr"), Span(" and left.")]
    assert normalise_spans(spans) == (Span("Il a dit oui ", language="fr"), Span("and left."))
