"""Script + rendered timeline → ``Edition``: the one value every writer reads.

Pure: it joins what the speech stage decided (who says what, in which voice) with what the
render measured (where each utterance's samples lie), once, so no writer has to. A
chapter's entries tile it: each runs from where its speech begins to where the next one's
begins, the first from the chapter's first sample, the last to its end.

Sections that speak nothing (an untitled section holding only a pull-quote that repeats
the body, say) have no chapter of their own: their blocks are shown with the chapter
before them, unspoken.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from .errors import EncodeError
from .model import (
    Article,
    ArticleInfo,
    Block,
    Edition,
    EditionBlock,
    EditionChapter,
    Entry,
    EntrySpan,
    Heard,
    Part,
    PartKind,
    RenderedBook,
    RenderedChapter,
    Role,
    SampleSpan,
    Script,
    ScriptChapter,
    Sentence,
    SpanKind,
    TimelineEntry,
    Utterance,
    Voice,
)

SPOKEN_ONLY_ROLES = (Role.TITLE, Role.METADATA, Role.SECTION_HEADING)  # lines with no block


@dataclass(frozen=True)
class _Said:
    """One utterance and where the render put its speech, in book samples."""

    utterance: Utterance
    speech: SampleSpan


def article_info(article: Article) -> ArticleInfo:
    return ArticleInfo(article.title, article.byline, article.date, article.source,
                       article.language, article.url)


def build_edition(script: Script, book: RenderedBook, info: ArticleInfo | None = None) -> Edition:
    """The edition of one article: one part holding every chapter of ``book``."""
    part = build_part("p1", script, book.chapters)
    return Edition(
        info=info or part.info,
        narrators=narrator_voices([part]),
        sample_rate=book.sample_rate,
        parts=(part,),
    )


def build_edition_of_parts(info: ArticleInfo, sample_rate: int, parts: Sequence[Part]) -> Edition:
    """An edition of several parts, which must follow each other in the book."""
    for before, after in zip(parts, parts[1:]):
        if before.book.end != after.book.start:
            raise EncodeError(f"part {after.id} does not start where part {before.id} ends; "
                              "this is a bug")
    return Edition(info=info, narrators=narrator_voices(parts), sample_rate=sample_rate,
                   parts=tuple(parts))


def build_part(
    part_id: str,
    script: Script,
    rendered: Sequence[RenderedChapter],
    *,
    offset: int = 0,
    id_prefix: str = "",
    group: str | None = None,
    kind: PartKind = PartKind.ARTICLE,
) -> Part:
    """One article's part: its Script joined with the rendered chapters that speak it.

    ``rendered`` count from the start of the article's own book; ``offset`` is where that
    book starts in the edition's. ``id_prefix`` keeps chapter and entry ids unique among
    several articles ("p2." gives "p2.s1", "p2.s1.b1.t1").
    """
    if offset:
        rendered = [_shifted(chapter, offset) for chapter in rendered]
    if len(rendered) != len(script.chapters):
        raise EncodeError(
            f"{script.article.title!r}: {len(rendered)} chapters rendered for "
            f"{len(script.chapters)} in the script; rebuild without the cache (--no-cache)"
        )
    article = script.article
    spoken_sections = {chapter.id for chapter in script.chapters}
    quiet = _quiet_blocks(article, spoken_sections)
    chapters = tuple(
        _prefixed(_chapter(article, script_chapter, chapter, quiet.get(script_chapter.id, ())),
                  id_prefix)
        for script_chapter, chapter in zip(script.chapters, rendered)
    )
    start = chapters[0].book.start if chapters else offset
    end = chapters[-1].book.end if chapters else start
    return Part(part_id, article_info(article), SampleSpan(start, end), chapters, group, kind)


def _shifted(chapter: RenderedChapter, offset: int) -> RenderedChapter:
    """A rendered chapter counted ``offset`` samples later in the book."""
    entries = tuple(
        replace(e, start=e.start + offset, end=e.end + offset,
                speech_start=None if e.speech_start is None else e.speech_start + offset,
                speech_end=None if e.speech_end is None else e.speech_end + offset)
        for e in chapter.entries
    )
    return replace(chapter, start=chapter.start + offset, end=chapter.end + offset, entries=entries)


def _prefixed(chapter: EditionChapter, prefix: str) -> EditionChapter:
    if not prefix:
        return chapter
    blocks = tuple(
        replace(block, id=prefix + block.id,
                entries=tuple(replace(entry, id=prefix + entry.id) for entry in block.entries))
        for block in chapter.blocks
    )
    return replace(chapter, id=prefix + chapter.id, blocks=blocks)


def narrator_voices(parts: Iterable[Part]) -> tuple[Voice, ...]:
    """The voices that read narration, in order of first use, each engine voice once."""
    seen: dict[tuple[str, str], Voice] = {}
    for part in parts:
        for chapter in part.chapters:
            for entry in chapter.entries:
                for span in entry.spans:
                    if span.voice is not None and span.kind is SpanKind.NARRATION \
                            and entry.role not in (Role.QUOTE, Role.PULL_QUOTE):
                        seen.setdefault((span.voice.engine, span.voice.name), span.voice)
    return tuple(seen.values())


def _quiet_blocks(article: Article, spoken_sections: set[str]) -> dict[str, tuple[Block, ...]]:
    """Blocks of sections with no chapter, keyed by the chapter they are shown with."""
    out: dict[str, list[Block]] = {}
    host: str | None = None
    for section in article.sections:
        if section.id in spoken_sections:
            host = section.id
        elif host is not None:
            out.setdefault(host, []).extend(section.blocks)
    return {key: tuple(blocks) for key, blocks in out.items()}


def _chapter(
    article: Article, script_chapter: ScriptChapter, rendered: RenderedChapter,
    quiet: tuple[Block, ...],
) -> EditionChapter:
    if script_chapter.id != rendered.id or len(script_chapter.utterances) != len(rendered.entries):
        raise EncodeError(
            f"chapter {script_chapter.id}: the rendered timeline does not match the script; "
            "rebuild without the cache (--no-cache)"
        )
    by_sentence: dict[str, list[_Said]] = {}
    for item in _said(script_chapter.utterances, rendered.entries):
        by_sentence.setdefault(item.utterance.sentence_id, []).append(item)
    book = SampleSpan(rendered.start, rendered.end)
    heard = _tiles(by_sentence, book)
    section = next(s for s in article.sections if s.id == script_chapter.id)
    blocks = [
        EditionBlock(items[0].utterance.sentence_id, items[0].utterance.role,
                     (_spoken_line(items, heard, book.start, article.language),))
        for items in by_sentence.values()
        if items[0].utterance.role in SPOKEN_ONLY_ROLES
    ]
    for block in (*section.blocks, *quiet):
        entries = tuple(
            _sentence_entry(block, sentence, by_sentence.get(sentence.id, ()), heard,
                            book.start, block.language or article.language)
            for sentence in block.sentences
        )
        blocks.append(EditionBlock(block.id, block.role, entries, block.attribution,
                                   block.repeats_body))
    return EditionChapter(
        script_chapter.id, script_chapter.title, rendered.mp3_path, book,
        book.shifted(book.start), tuple(blocks),
    )


def _said(utterances: Sequence[Utterance], timeline: Sequence[TimelineEntry]) -> Iterator[_Said]:
    for utterance, timed in zip(utterances, timeline, strict=True):
        if utterance.id != timed.utterance_id:
            raise EncodeError(
                f"utterance {utterance.id}: the rendered timeline does not match the script; "
                "rebuild without the cache (--no-cache)"
            )
        yield _Said(utterance, SampleSpan(*timed.speech))


def _tiles(groups: dict[str, list[_Said]], chapter: SampleSpan) -> dict[str, Heard]:
    """Each spoken sentence's Heard: its speech, and audio up to the next one's speech."""
    speech = {sid: SampleSpan(items[0].speech.start, items[-1].speech.end)
              for sid, items in groups.items()}
    ids = list(speech)
    heard = {}
    for index, sid in enumerate(ids):
        start = chapter.start if index == 0 else speech[sid].start
        end = speech[ids[index + 1]].start if index + 1 < len(ids) else chapter.end
        heard[sid] = Heard(SampleSpan(start, end), speech[sid])
    return heard


def _spoken_span(item: _Said, text: str, kind: SpanKind, speaker: str | None,
                 language: str, offset: int) -> EntrySpan:
    return EntrySpan(
        text=text, kind=kind, speaker=speaker, language=language,
        spoken=item.utterance.spoken, voice=item.utterance.voice,
        book=item.speech, file=item.speech.shifted(offset),
    )


def _spoken_line(items: list[_Said], heard: dict[str, Heard], offset: int,
                 language: str) -> Entry:
    """A title, metadata line or section heading: spoken, with no sentence in the article."""
    first = items[0].utterance
    spans = tuple(_spoken_span(item, item.utterance.display, SpanKind.NARRATION, None,
                               language, offset) for item in items)
    where = heard[first.sentence_id]
    return Entry(
        id=first.sentence_id, role=first.role, display=first.display,
        spoken=" ".join(i.utterance.spoken for i in items if i.utterance.spoken),
        language=language, spans=spans, book=where, file=where.shifted(offset),
    )


def _sentence_entry(block: Block, sentence: Sentence, items: Sequence[_Said],
                    heard: dict[str, Heard], offset: int, language: str) -> Entry:
    """An article sentence, its spoken runs matched in order to its non-blank spans."""
    pending = list(items)
    spans = []
    for span in sentence.spans:
        if span.text.strip() and pending:
            item = pending.pop(0)
            spans.append(_spoken_span(item, span.text, span.kind, span.speaker,
                                      span.language or language, offset))
        else:
            spans.append(EntrySpan(span.text, span.kind, span.speaker, span.language or language))
    if pending:
        raise EncodeError(f"sentence {sentence.id}: more utterances than spans; this is a bug")
    where = heard.get(sentence.id)
    return Entry(
        id=sentence.id, role=block.role, display=sentence.text,
        spoken=" ".join(i.utterance.spoken for i in items if i.utterance.spoken),
        language=language, spans=tuple(spans), book=where,
        file=where.shifted(offset) if where is not None else None,
    )
