"""Paragraphs and quotations in another language than the article's, found when not marked.

A French quotation in an English story is read by a French voice only when something says
it is French; markup says so first (``lang`` attributes, ``{lang=fr}``, ``<q lang="fr">``),
and this pass finds the rest with py3langid (``language.guess_language``'s model). A block
or a quotation is given another language only when the model is all but certain and the
article's own language is all but ruled out: a wrong switch puts a sentence in a foreign
accent, far worse than a missed one. Short runs are never judged (too few letters to tell).

Runs on a segmented article, where quotations are spans; marked blocks and runs are kept.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Article, Block, Role, Sentence, Span, SpanKind
from .language import LETTER, TWINS, identifier

MIN_LETTERS = 60  # about ten words: below this py3langid mistakes English for Scots or Latin
MIN_CONFIDENCE = 0.99  # the other language's normalised probability
MAX_OWN = 0.001  # the article language's probability must be below this too
SAMPLE_CHARS = 400  # a paragraph's start tells its language; the model's time grows with length
JUDGED_ROLES = frozenset({Role.PARAGRAPH, Role.QUOTE, Role.PULL_QUOTE})  # prose, not headings or lists


def find_languages(article: Article) -> Article:
    """``article`` with unmarked paragraphs and quotations in another language marked so."""
    sections = []
    for section in article.sections:
        blocks = tuple(_block(block, article.language) for block in section.blocks)
        sections.append(replace(section, blocks=blocks))
    return replace(article, sections=tuple(sections))


def passage_language(text: str, around: str) -> str | None:
    """The language of ``text`` when the model is sure it is not ``around``, else None."""
    sample = text[:SAMPLE_CHARS]
    if len(LETTER.findall(sample)) < MIN_LETTERS:
        return None
    ranked = identifier().rank(sample)
    code, confidence = ranked[0]
    if code == around or frozenset((code, around)) in TWINS or confidence < MIN_CONFIDENCE:
        return None
    own = next((p for c, p in ranked if c == around), 0.0)
    return code if own < MAX_OWN else None


def _block(block: Block, article_language: str) -> Block:
    if block.role not in JUDGED_ROLES or block.language:
        return block
    spans = [span for sentence in block.sentences for span in sentence.spans]
    narration = " ".join(span.text for span in spans if span.kind is SpanKind.NARRATION)
    found = passage_language(narration, article_language)  # its own words, not those it quotes
    if found:
        return replace(block, language=found)
    if not any(span.kind is SpanKind.QUOTE for span in spans):
        return block
    return replace(block, sentences=_quotes(block.sentences, article_language))


def _quotes(sentences: tuple[Sentence, ...], language: str) -> tuple[Sentence, ...]:
    """Sentences with each quotation (a run of quote spans, across sentences) judged whole."""
    places = [(s_index, p_index) for s_index, sentence in enumerate(sentences)
              for p_index, _ in enumerate(sentence.spans)]
    spans = [sentences[s].spans[p] for s, p in places]
    found: dict[int, str] = {}
    start = 0
    while start < len(spans):
        if spans[start].kind is not SpanKind.QUOTE:
            start += 1
            continue
        end = start
        while end + 1 < len(spans) and _continues(spans[start], spans[end + 1]):
            end += 1
        quotation = spans[start:end + 1]
        if not any(span.language for span in quotation):
            code = passage_language(" ".join(span.text for span in quotation), language)
            if code:
                found.update((index, code) for index in range(start, end + 1))
        start = end + 1
    if not found:
        return sentences
    out = [list(sentence.spans) for sentence in sentences]
    for index, code in found.items():
        s, p = places[index]
        out[s][p] = replace(out[s][p], language=code)
    return tuple(replace(sentence, spans=tuple(new)) for sentence, new in zip(sentences, out))


def _continues(first: Span, span: Span) -> bool:
    """Whether ``span`` carries on the quotation ``first`` opened (same speaker, still quoted)."""
    return span.kind is SpanKind.QUOTE and span.speaker == first.speaker
