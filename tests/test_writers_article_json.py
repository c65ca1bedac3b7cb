"""article_to_dict: exact structure, key order, JSON round trip."""

from __future__ import annotations

import json

from audiobook.model import Article, Block, Role, Section, Sentence, Span, SpanKind
from audiobook.writers.article_json import article_metadata, article_to_dict, model_fields


def _article() -> Article:
    block = Block("s1.b1", Role.PULL_QUOTE, (
        Sentence("s1.b1.t1", (Span("He said "), Span("it's 5%", SpanKind.QUOTE, "Ann"))),
        Sentence("s1.b1.t2", (Span("Done."),)),
    ), attribution="Ann Lee", repeats_body=True)
    return Article(title="T", sections=(Section("s1", "Intro", (block,)),), date="2020-01-02", quotes_marked=True)


def test_exact_dict_with_spoken() -> None:
    data = article_to_dict(_article(), {"s1.b1.t1": "He said it's five percent"})
    assert data == {
        "title": "T", "byline": None, "date": "2020-01-02", "source": None, "language": "en",
        "url": None, "quotes_marked": True,
        "sections": [{
            "id": "s1", "heading": "Intro",
            "blocks": [{
                "id": "s1.b1", "role": "pull_quote", "attribution": "Ann Lee", "repeats_body": True, "language": None,
                "text": "He said it's 5% Done.",
                "sentences": [
                    {"id": "s1.b1.t1", "text": "He said it's 5%", "spoken": "He said it's five percent",
                     "spans": [{"text": "He said ", "kind": "narration", "speaker": None, "language": None},
                               {"text": "it's 5%", "kind": "quote", "speaker": "Ann", "language": None}]},
                    {"id": "s1.b1.t2", "text": "Done.", "spoken": None,
                     "spans": [{"text": "Done.", "kind": "narration", "speaker": None, "language": None}]},
                ],
            }],
        }],
    }


def test_key_order_is_stable_and_json_serialisable() -> None:
    data = article_to_dict(_article())
    assert list(data) == ["title", "byline", "date", "source", "language", "url", "quotes_marked", "sections"]
    block = data["sections"][0]["blocks"][0]
    assert list(block) == ["id", "role", "attribution", "repeats_body", "language", "text", "sentences"]
    assert list(block["sentences"][0]) == ["id", "text", "spoken", "spans"]
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert block["sentences"][0]["spoken"] is None


def test_article_metadata_is_the_shared_head_in_order() -> None:
    article = Article(title="T", sections=(), byline="B", date="2020-01-02", source="S",
                      language="fr", url="u")
    assert list(article_metadata(article).items()) == [
        ("title", "T"), ("byline", "B"), ("date", "2020-01-02"), ("source", "S"),
        ("language", "fr"), ("url", "u"),
    ]


def test_model_fields_gives_enum_values_as_plain_strings() -> None:
    data = model_fields(Span("Hi", SpanKind.QUOTE, "Ann"), ("kind", "speaker", "text"))
    assert list(data.items()) == [("kind", "quote"), ("speaker", "Ann"), ("text", "Hi")]
    assert type(data["kind"]) is str
