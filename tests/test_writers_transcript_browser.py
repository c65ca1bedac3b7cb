"""transcript.html in a real browser: the example built with real eSpeak NG, served over
http://127.0.0.1 with Range requests, in Debian's chromium driven by playwright; axe-core
checks WCAG 2.2 AA in both colour schemes, and scripted checks follow the audio."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from browser_support import axe, browser, serve
from support import FAKE_VOICES
from test_hostile import HOSTILE, TITLE

from audiobook.config import load_config
from audiobook.edition import SPOKEN_ONLY_ROLES
from audiobook.model import Role, samples_to_ms
from audiobook.pipeline import build

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour-lights.txt"
TOLERANCE_S = 0.050  # the promise: a chapter key lands within 50 ms of the chapter's start
SKIP_S = 10  # what J and L move
TRANSCRIPT = "article > header, article > nav, article > section:not(.player)"  # all but the player
ZOOMED = {"width": 320, "height": 256}  # 1280 × 1024 CSS px at 400 % zoom (WCAG 1.4.10)

SEEK = """ms => new Promise((done, fail) => {
  const audio = document.querySelector('audio');
  audio.addEventListener('seeked', () => done(), {once: true});
  setTimeout(() => fail(new Error('no seeked event in 10 s')), 10000);
  audio.currentTime = ms / 1000;
})"""
STATE = """() => {
  const audio = document.querySelector('audio'), current = document.querySelector('.current');
  return {time: audio.currentTime, paused: audio.paused, rate: audio.playbackRate,
          current: current && current.id, marked: current && current.getAttribute('aria-current')};
}"""
PLAY = "() => { document.querySelector('audio').play(); }"  # not awaited: waits below have timeouts
IN_VIEW = """id => { const box = document.getElementById(id).getBoundingClientRect();
  return box.top >= 0 && box.bottom <= innerHeight; }"""
OVERFLOWING = """() => [document.documentElement.scrollWidth > document.documentElement.clientWidth,
  [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1)
    .map(e => e.tagName + '.' + e.className)]"""


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    return build(EXAMPLE, tmp_path_factory.mktemp("out"), config=load_config(ROOT / "voices.yaml"),
                 formats=("web",), cache_root=tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="module")
def site(example) -> Iterator[str]:
    with serve(example.path) as url:
        yield url + "transcript.html"


@pytest.fixture(scope="module")
def chromium():
    with browser() as launched:
        yield launched


@contextmanager
def opened(chromium, url: str, **context) -> Iterator[object]:
    """The page in a fresh context (reduced motion unless told), audio metadata loaded."""
    context.setdefault("reduced_motion", "reduce")
    ctx = chromium.new_context(**context)
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    if context.get("java_script_enabled", True):
        page.wait_for_function("document.querySelector('audio').readyState >= 1")
    try:
        yield page
        assert errors == []
    finally:
        ctx.close()


def spoken(example, role: Role | None = None):
    return [e for e in example.edition.entries if e.book is not None and role in (None, e.role)]


def start_s(example, samples: int) -> float:
    return samples / example.edition.sample_rate


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_wcag_22_aa_violations(chromium, site, example, scheme):
    quote = next(e for e in spoken(example) if e.speakers)
    with opened(chromium, site, color_scheme=scheme) as page:
        page.evaluate(SEEK, samples_to_ms(quote.book.audio.start + 1, example.edition.sample_rate))
        page.keyboard.press("Shift+N")
        page.evaluate("document.querySelector('audio').pause()")
        page.reload()
        page.wait_for_selector(".resume:not([hidden])")
        page.evaluate(SEEK, samples_to_ms(quote.book.audio.start, example.edition.sample_rate))
        page.focus(".s")
        assert page.evaluate(STATE)["current"] == quote.id
        result = axe(page)
    print(f"axe-core ({scheme}, script on): {result['passes']} rules passed, violations {result['violations']}")
    assert result["violations"] == []


def test_axe_finds_no_violations_without_javascript(chromium, site):
    with opened(chromium, site) as page:
        page.route("**/transcript.html", lambda route: route.fulfill(
            response=route.fetch(), body=re.sub(r"<script>.*?</script>", "", route.fetch().text(), flags=re.S)))
        page.reload()
        assert page.locator(".controls").is_hidden() and page.locator("script").count() == 0
        result = axe(page)
    print(f"axe-core (light, script off): {result['passes']} rules passed, violations {result['violations']}")
    assert result["violations"] == []


def test_seeking_to_each_sentence_start_highlights_it(chromium, site, example):
    rate = example.edition.sample_rate
    with opened(chromium, site) as page:
        for entry in spoken(example):
            page.evaluate(SEEK, samples_to_ms(entry.book.audio.start, rate))
            state = page.evaluate(STATE)
            assert (state["current"], state["marked"]) == (entry.id, "true")


def test_the_sentence_heard_is_kept_in_view(chromium, site, example):
    last = spoken(example)[-1]
    with opened(chromium, site, viewport={"width": 800, "height": 600}) as page:
        assert not page.evaluate(IN_VIEW, last.id)
        page.evaluate(PLAY)
        page.evaluate(SEEK, samples_to_ms(last.book.audio.start, example.edition.sample_rate))
        page.wait_for_function(IN_VIEW, arg=last.id, timeout=2000)
        assert page.evaluate(STATE)["current"] == last.id


def test_chapter_keys_land_on_chapter_starts(chromium, site, example):
    chapters = example.edition.chapters
    with opened(chromium, site) as page:
        page.evaluate(SEEK, 20_000)
        for chapter in chapters[1:]:
            page.keyboard.press("Shift+N")
            state = page.evaluate(STATE)
            assert state["time"] == pytest.approx(start_s(example, chapter.book.start), abs=TOLERANCE_S)
            assert state["current"] == chapter.entries[0].id
        page.keyboard.press("Shift+N")  # past the last chapter: stays
        assert page.evaluate(STATE)["time"] == pytest.approx(start_s(example, chapters[-1].book.start),
                                                             abs=TOLERANCE_S)
        page.keyboard.press("Shift+P")
        assert page.evaluate(STATE)["time"] == pytest.approx(start_s(example, chapters[-2].book.start),
                                                             abs=TOLERANCE_S)
        page.evaluate(PLAY)
        page.wait_for_function("t => document.querySelector('audio').currentTime > t + 0.3",
                               arg=start_s(example, chapters[-2].book.start))


def test_sentence_skip_and_speed_keys(chromium, site, example):
    entries = spoken(example)
    rate = example.edition.sample_rate
    with opened(chromium, site) as page:
        page.evaluate(SEEK, samples_to_ms(entries[5].book.audio.start, rate))
        page.keyboard.press("n")
        assert page.evaluate(STATE)["current"] == entries[6].id
        page.keyboard.press("p")
        page.keyboard.press("p")
        state = page.evaluate(STATE)
        assert state["current"] == entries[4].id
        assert state["time"] == pytest.approx(start_s(example, entries[4].book.audio.start), abs=0.002)
        page.keyboard.press("l")
        assert page.evaluate(STATE)["time"] == pytest.approx(state["time"] + SKIP_S, abs=0.002)
        page.keyboard.press("j")
        page.keyboard.press("j")
        assert page.evaluate(STATE)["time"] == pytest.approx(state["time"] - SKIP_S, abs=0.002)
        page.keyboard.press("f")
        assert page.evaluate(STATE)["rate"] == 1.25
        assert page.inner_text(".status") == "Speed 1.25 times"
        page.keyboard.press("s")
        page.keyboard.press("s")
        assert page.evaluate(STATE)["rate"] == 0.75
        page.keyboard.press("k")
        assert not page.evaluate(STATE)["paused"]
        page.keyboard.press("k")
        assert page.evaluate(STATE)["paused"]
        before = page.evaluate(STATE)
        page.evaluate("document.body.prepend(Object.assign(document.createElement('input'), {id: 'typing'}))")
        page.type("#typing", "nNjlfsk")
        assert page.input_value("#typing") == "nNjlfsk"
        page.evaluate("document.activeElement.blur()")
        page.keyboard.press("Alt+n")
        page.keyboard.press("Alt+Shift+N")
        assert page.evaluate(STATE) == before


def test_keys_and_buttons_are_shown_on_the_page(chromium, site):
    with opened(chromium, site) as page:
        assert page.locator(".keys").is_visible()
        assert page.locator(".keys kbd").all_inner_texts() == [
            "K", "N", "P", "Shift+N", "Shift+P", "L", "J", "F", "S", "Enter", "Space"]
        assert "text field" in page.inner_text(".keys") and "screen reader" in page.inner_text(".keys")
        buttons = page.locator(".controls button")
        assert buttons.count() == 8 and all(buttons.nth(i).is_visible() for i in range(8))
        page.get_by_role("button", name="Next chapter Shift+N", exact=True).click()
        assert page.inner_text(".status").startswith("Chapter 2 of 3: ")


def test_enter_space_and_click_on_a_sentence_play_from_it(chromium, site, example):
    entries = [e for e in spoken(example) if e.role is Role.PARAGRAPH]
    with opened(chromium, site) as page:
        for entry, act in zip(entries[2:5], ("Enter", " ", "click")):
            sentence = page.locator(f"[id='{entry.id}']")
            assert (sentence.get_attribute("role"), sentence.get_attribute("tabindex")) == ("button", "0")
            if act == "click":
                sentence.click()
            else:
                sentence.focus()
                page.keyboard.press(act)
            state = page.evaluate(STATE)
            assert not state["paused"] and state["current"] == entry.id
            assert state["time"] == pytest.approx(start_s(example, entry.book.audio.start), abs=0.3)
            page.evaluate("document.querySelector('audio').pause()")


def test_the_position_is_remembered_and_resume_offered(chromium, site):
    with opened(chromium, site) as page:
        assert page.locator(".resume").is_hidden()
        page.evaluate(SEEK, 75_000)
        page.evaluate(PLAY)
        page.wait_for_function("document.querySelector('audio').currentTime > 75.2")
        page.evaluate("document.querySelector('audio').pause()")
        paused_at = page.evaluate(STATE)["time"]
        page.reload()
        page.wait_for_function("document.querySelector('audio').readyState >= 1")
        resume = page.locator(".resume button")
        assert resume.is_visible() and resume.inner_text() == f"Resume at 1:{int(paused_at) - 60:02d}"
        assert page.evaluate(STATE)["time"] == 0
        resume.click()
        state = page.evaluate(STATE)
        assert state["time"] == pytest.approx(paused_at, abs=0.1) and not state["paused"]
        assert page.locator(".resume").is_hidden()


@pytest.mark.parametrize("text_size", ["100%", "200%"])
def test_400_percent_zoom_needs_no_horizontal_scrolling(chromium, site, text_size):
    with opened(chromium, site, viewport=ZOOMED) as page:
        page.evaluate("size => { document.documentElement.style.fontSize = size; }", text_size)
        assert page.evaluate(OVERFLOWING) == [False, []]
        page.keyboard.press("Shift+N")
        assert page.evaluate(OVERFLOWING) == [False, []]


def test_without_javascript_the_page_is_the_complete_transcript(chromium, site, example):
    with opened(chromium, site) as page:
        scripted = page.locator(TRANSCRIPT).all_inner_texts()
    with opened(chromium, site, java_script_enabled=False) as page:
        text = " ".join(page.inner_text("body").split())
        for entry in example.edition.entries:
            for span in entry.spans if entry.role not in SPOKEN_ONLY_ROLES else ():
                assert " ".join(span.text.split()) in text
        for chapter in example.edition.chapters:
            assert page.get_by_role("link", name=chapter.title).is_visible()
        assert page.get_by_role("heading", level=1).inner_text() == example.edition.info.title
        assert page.get_by_role("heading", level=2).count() == 3  # "Chapters" and two sections
        assert page.locator("figcaption").first.inner_text().startswith("Caption:")
        assert page.locator(".speaker").first.is_visible()
        assert page.locator("audio[controls]").is_visible()
        assert page.locator(".controls").is_hidden() and page.locator(".keys").is_hidden()
        assert page.locator(TRANSCRIPT).all_inner_texts() == scripted


def test_colour_scheme_motion_and_highlight_style(chromium, site, example):
    first = spoken(example, Role.PARAGRAPH)[0]
    probe = """id => { const el = document.getElementById(id), s = getComputedStyle(el),
      html = getComputedStyle(document.documentElement),
      caption = getComputedStyle(document.querySelector('figcaption'));
      return {background: html.backgroundColor, scroll: html.scrollBehavior,
              line: s.textDecorationLine, mark: s.backgroundColor, caption: caption.fontStyle,
              label: getComputedStyle(document.querySelector('figcaption .label')).fontWeight}; }"""
    seen = {}
    for scheme, motion in (("light", "reduce"), ("dark", "no-preference")):
        with opened(chromium, site, color_scheme=scheme, reduced_motion=motion) as page:
            page.evaluate(SEEK, samples_to_ms(first.book.audio.start, example.edition.sample_rate))
            seen[scheme] = page.evaluate(probe, first.id)
    assert seen["light"]["background"] == "rgb(255, 255, 255)"
    assert seen["dark"]["background"] == "rgb(18, 18, 18)"
    assert (seen["light"]["scroll"], seen["dark"]["scroll"]) == ("auto", "smooth")
    for style in seen.values():
        assert "underline" in style["line"] and style["mark"] not in ("rgba(0, 0, 0, 0)", style["background"])
        assert style["caption"] == "normal" and int(style["label"]) >= 700


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    source = ROOT.parent / "shared" / "seed" / "000_c0aac5173ddd6a71.txt"
    if not source.is_file():
        pytest.skip("../shared/seed is not beside this checkout")
    return build(source, tmp_path_factory.mktemp("seed"), config=load_config(None), formats=("web",),
                 cache_root=tmp_path_factory.mktemp("seed-cache"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_seed_page_passes_axe_follows_and_reflows(chromium, seed, scheme):
    rate = seed.edition.sample_rate
    with serve(seed.path) as url, opened(chromium, url + "transcript.html", color_scheme=scheme) as page:
        for entry in spoken(seed):
            page.evaluate(SEEK, samples_to_ms(entry.book.audio.start, rate))
            assert page.evaluate(STATE)["current"] == entry.id
        result = axe(page)
        print(f"axe-core on the seed ({scheme}): {result['passes']} rules passed, "
              f"violations {result['violations']}")
        assert result["violations"] == []
        page.set_viewport_size(ZOOMED)
        assert page.evaluate(OVERFLOWING) == [False, []]


def test_hostile_text_stays_inert_in_the_browser(chromium, tmp_path):
    (tmp_path / "hostile.txt").write_text(HOSTILE)
    (tmp_path / "fake.yaml").write_text(FAKE_VOICES)
    built = build(tmp_path / "hostile.txt", tmp_path / "out", config=load_config(tmp_path / "fake.yaml"),
                  formats=("web",), cache_root=tmp_path / "cache")
    dialogs: list[str] = []
    with serve(built.path) as url, opened(chromium, url + "transcript.html") as page:
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.keyboard.press("Shift+N")
        page.locator(".s").first.click()
        assert page.evaluate("document.scripts.length") == 1
        assert page.locator("img, svg, iframe, object, embed").count() == 0
        assert page.title() == TITLE and page.get_by_role("heading", level=1).inner_text() == TITLE
    assert dialogs == []
