"""load_config: defaults, inheritance, every kind of mistake as one exact line, safe loading."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from audiobook.config import (
    Config,
    Pauses,
    RoleConfig,
    SpeakerConfig,
    VoiceSpec,
    load_config,
)
from audiobook.engines import engine_names
from audiobook.errors import ConfigError
from audiobook.model import LexiconEntry, NormaliseOptions
from support import imported_modules

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data" / "config"


def spec(**changes) -> VoiceSpec:
    base = VoiceSpec(engine="espeak", voice="en-gb", language=None, gender=None, rate=170,
                     volume=1.0, pitch=50)
    return replace(base, **changes)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "voices.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def error_of(tmp_path: Path, text: str) -> str:
    """The one-line message for ``text``, engine names checked as the command line does."""
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path, engine_names())
    message = str(caught.value)
    assert "\n" not in message
    return message.replace(str(path), "voices.yaml")


# --- defaults and the repository's voices.yaml ---------------------------------------------


def test_built_in_defaults() -> None:
    config = load_config(None)
    assert dict(config.roles) == {
        "narrator": RoleConfig(spec()),
        "title": RoleConfig(spec(pitch=40)),
        "heading": RoleConfig(spec(pitch=45)),
        "quote": RoleConfig(spec(voice=None, language="en-gb", gender="female")),
        "caption": RoleConfig(spec(pitch=60), read=True),
    }
    assert config.pauses == Pauses(400, 800, 1500)
    assert config.speakers == ()
    assert config.auto_speakers is False
    assert [s.voice for s in config.speaker_pool] == [
        "en-gb+m3", "en-us+f2", "en-gb-scotland", "en-us+m4", "en-gb+f4", "en-029"]
    assert config.speaker_pool[0] == spec(voice="en-gb+m3")
    assert config.lexicon == ()
    assert config.normalise == NormaliseOptions("brief", "brief", "skip")
    assert config.source is None


def test_repository_voices_yaml_repeats_the_defaults() -> None:
    config = load_config(ROOT / "voices.yaml")
    assert config.source == str(ROOT / "voices.yaml")
    assert replace(config, source=None) == load_config(None)


@pytest.mark.parametrize("text", ["", "# only a comment\n", "\n\n"])
def test_empty_files_give_defaults(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, text)
    assert replace(load_config(path), source=None) == load_config(None)


def test_comments_only_file_gives_defaults() -> None:
    assert replace(load_config(DATA / "comments_only.yaml"), source=None) == load_config(None)


# --- a complete file and inheritance ---------------------------------------------------------


def test_full_file() -> None:
    config = load_config(DATA / "full.yaml")
    narrator = VoiceSpec("fake", "fake-a", None, None, 200, 0.8, 55)
    quote = replace(narrator, voice=None, language="en-us", gender="female")
    assert dict(config.roles) == {
        "narrator": RoleConfig(narrator),
        # built-in role defaults (title/heading/caption pitch) stay unless the file sets them
        "title": RoleConfig(replace(narrator, rate=150, pitch=40)),
        "heading": RoleConfig(replace(narrator, engine="espeak", voice="en-us", pitch=45)),
        "quote": RoleConfig(quote, cue_before="quote", cue_after="end quote",
                            announce_speaker=True),
        "caption": RoleConfig(replace(narrator, pitch=60), read=False),
    }
    assert config.pauses == Pauses(300, 700, 2000)
    assert config.speakers == (
        SpeakerConfig("Jane Doe", ("Ms Doe", "the minister"),
                      replace(quote, voice="fake-c", language=None, gender=None)),
        SpeakerConfig("John Roe", (), replace(quote, rate=160)),
    )
    assert config.auto_speakers is True
    assert config.speaker_pool == (
        replace(quote, voice="fake-d", language=None, gender=None),
        replace(quote, voice="fake-b", language=None, gender=None, rate=190),
    )
    assert config.lexicon == (
        LexiconEntry("Nguyen", "Win"),
        LexiconEntry("GIF", "jif", case_sensitive=True, whole_word=False),
    )
    assert config.normalise == NormaliseOptions("read", "skip", "brief")


def test_roles_inherit_narrator_changes_over_defaults(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "roles:\n  narrator: {rate: 220, volume: 0.5}\n"))
    assert config.roles["narrator"].spec == spec(rate=220, volume=0.5)
    assert config.roles["title"].spec == spec(rate=220, volume=0.5, pitch=40)
    assert config.roles["quote"].spec == spec(voice=None, language="en-gb", gender="female",
                                             rate=220, volume=0.5)
    assert config.speaker_pool[1] == spec(voice="en-us+f2", rate=220, volume=0.5)


def test_top_level_engine_reaches_every_role_and_a_role_engine_overrides(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "engine: fake\nroles:\n  quote: {engine: system}\n"))
    engines = {name: role.spec.engine for name, role in config.roles.items()}
    assert engines == {"narrator": "fake", "title": "fake", "heading": "fake",
                       "quote": "system", "caption": "fake"}
    assert {s.engine for s in config.speaker_pool} == {"system"}


def test_engine_names_given_are_checked_in_every_voice_with_its_line(tmp_path: Path) -> None:
    speaker = "speakers:\n  - {name: Ann Lee, engine: festival}\n"
    pool = "speaker_pool:\n  - {voice: en, engine: festival}\n"
    assert error_of(tmp_path, speaker) == ("voices.yaml line 2: speakers[1].engine must be one of "
                                           "espeak, system, piper, fake (got 'festival')")
    assert error_of(tmp_path, pool) == ("voices.yaml line 2: speaker_pool[1].engine must be one "
                                        "of espeak, system, piper, fake (got 'festival')")
    config = load_config(write(tmp_path, speaker), ("espeak", "festival"))
    assert config.speakers[0].spec.engine == "festival"


def test_without_engine_names_any_engine_is_left_to_the_caller(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "engine: Piper\n"))
    assert {role.spec.engine for role in config.roles.values()} == {"piper"}


def test_config_imports_no_engine_and_no_voice_matching() -> None:
    package = ROOT / "audiobook" / "config"
    allowed = {"audiobook.model", "audiobook.errors"}
    for path in sorted(package.glob("*.py")):
        for name in imported_modules(path, "audiobook.config"):
            if name.startswith("audiobook.") and not name.startswith("audiobook.config"):
                assert name in allowed, f"{path.name} imports {name}"


def test_voice_name_replaces_inherited_language_and_gender(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "roles:\n  quote: {voice: en-us}\n"))
    assert config.roles["quote"].spec == spec(voice="en-us")


def test_voice_origin_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "roles:\n  narrator:\n    voice: en-us\n")
    config = load_config(path)
    assert config.roles["narrator"].spec.origin == f"{path} line 3"
    assert config.roles["title"].spec.origin == f"{path} line 3"
    assert load_config(None).roles["narrator"].spec.origin == "built-in defaults"


def test_empty_role_and_null_sections_are_allowed(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "roles:\n  title:\nspeakers:\nlexicon:\n"))
    assert replace(config, source=None) == load_config(None)


def test_config_values_are_frozen() -> None:
    config = load_config(None)
    assert isinstance(config, Config)
    with pytest.raises(TypeError):
        config.roles["narrator"] = config.roles["title"]  # type: ignore[index]


# --- file-level errors -----------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.yaml"
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value) == (f"{path} does not exist: check the path, or write the commented "
                                 "defaults there with 'audiobook init' and edit them")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert str(caught.value) == f"{tmp_path} is a directory: give the path of a voices.yaml file"


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "voices.yaml"
    path.write_bytes(b"engine: espeak\nroles:\n  narrator: {voice: caf\xe9}\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value) == f"{path} line 3: not UTF-8 text: save the file as UTF-8"


def test_not_yaml(tmp_path: Path) -> None:
    assert error_of(tmp_path, "roles:\n  narrator: {rate: 170\npauses: {}\n") == (
        "voices.yaml line 3: not valid YAML (expected ',' or '}', but got ':'): check the "
        "indentation, colons and quotes on that line"
    )


def test_bad_indentation(tmp_path: Path) -> None:
    assert error_of(tmp_path, "roles:\n  narrator:\n    rate: 170\n   pitch: 40\n") == (
        "voices.yaml line 4: not valid YAML (expected <block end>, but found '<block mapping "
        "start>'): check the indentation, colons and quotes on that line"
    )


def test_top_level_list(tmp_path: Path) -> None:
    assert error_of(tmp_path, "- engine: espeak\n") == (
        "voices.yaml line 1: the top level must be settings such as 'roles:' and 'pauses:', "
        "one per line"
    )


def test_python_object_tag_is_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = f'roles:\n  narrator:\n    voice: !!python/object/apply:os.system ["touch {marker}"]\n'
    assert error_of(tmp_path, text) == (
        "voices.yaml line 3: the YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' "
        "is not allowed: voices.yaml holds plain values only"
    )
    assert not marker.exists()


def test_custom_tag_is_refused(tmp_path: Path) -> None:
    assert error_of(tmp_path, "engine: !shell espeak\n") == (
        "voices.yaml line 1: the YAML tag '!shell' is not allowed: voices.yaml holds plain "
        "values only"
    )


# --- keys ------------------------------------------------------------------------------------


def test_unknown_top_key_suggests(tmp_path: Path) -> None:
    assert error_of(tmp_path, "engine: espeak\nrols: {}\n") == (
        "voices.yaml line 2: unknown key 'rols' — did you mean 'roles'?"
    )


def test_unknown_role_key_suggests(tmp_path: Path) -> None:
    assert error_of(tmp_path, "roles:\n  narrator:\n    rat: 170\n") == (
        "voices.yaml line 3: unknown key 'rat' in roles.narrator — did you mean 'rate'?"
    )


def test_unknown_role_suggests(tmp_path: Path) -> None:
    assert error_of(tmp_path, "roles:\n  quotes: {rate: 150}\n") == (
        "voices.yaml line 2: unknown key 'quotes' in roles — did you mean 'quote'?"
    )


def test_unknown_key_without_likely_meaning_lists_keys(tmp_path: Path) -> None:
    assert error_of(tmp_path, "pauses: {zzz: 3}\n") == (
        "voices.yaml line 1: unknown key 'zzz' in pauses — use one of: sentence, paragraph, "
        "section"
    )


def test_duplicate_key(tmp_path: Path) -> None:
    assert error_of(tmp_path, "roles:\n  narrator:\n    rate: 170\n    rate: 180\n") == (
        "voices.yaml line 4: 'rate' is given twice in roles.narrator (first on line 3): "
        "keep one"
    )


# --- values ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("roles:\n  narrator: {}\n  title: {}\n  heading: {}\n  caption: {}\n  x: 1\n"
         "  quote:\n    rate: fast\n", None),
        ("roles:\n  quote:\n    rate: fast\n",
         "voices.yaml line 3: roles.quote.rate must be a whole number of words per minute "
         "(got 'fast')"),
        ("roles:\n  quote: {rate: 20}\n",
         "voices.yaml line 2: roles.quote.rate must be from 80 to 450 words per minute (got 20)"),
        ("roles:\n  narrator: {rate: 170.5}\n",
         "voices.yaml line 2: roles.narrator.rate must be a whole number of words per minute "
         "(got 170.5)"),
        ("roles:\n  narrator: {volume: loud}\n",
         "voices.yaml line 2: roles.narrator.volume must be a number from 0.0 to 1.0 "
         "(got 'loud')"),
        ("roles:\n  narrator: {volume: 1.5}\n",
         "voices.yaml line 2: roles.narrator.volume must be a number from 0.0 to 1.0 (got 1.5)"),
        ("roles:\n  title: {pitch: 101}\n",
         "voices.yaml line 2: roles.title.pitch must be from 0 to 100 steps (got 101)"),
        ("roles:\n  caption: {read: sometimes}\n",
         "voices.yaml line 2: roles.caption.read must be true or false (got 'sometimes')"),
        ("engine: espeek\n",
         "voices.yaml line 1: engine must be one of espeak, system, piper, fake (got 'espeek') — "
         "did you mean 'espeak'?"),
        ("roles:\n  quote: {engine: sapi}\n",
         "voices.yaml line 2: roles.quote.engine must be one of espeak, system, piper, fake "
         "(got 'sapi')"),
        ("roles:\n  quote: {voice: {language: en, gender: woman}}\n",
         "voices.yaml line 2: roles.quote.voice.gender must be one of female, male "
         "(got 'woman')"),
        ("roles:\n  quote: {voice: {language: 'english!'}}\n",
         "voices.yaml line 2: roles.quote.voice.language must be a language tag such as 'en' "
         "or 'en-gb' (got 'english!')"),
        ("roles:\n  quote: {voice: {}}\n",
         "voices.yaml line 2: roles.quote.voice needs a name, a language or both language and "
         "gender, e.g. {language: en, gender: female}"),
        ("roles:\n  quote: {voice: {lang: en}}\n",
         "voices.yaml line 2: unknown key 'lang' in roles.quote.voice — did you mean "
         "'language'?"),
        ("roles:\n  narrator: {voice: ''}\n",
         "voices.yaml line 2: roles.narrator.voice must be non-empty text (got '')"),
        ("roles:\n  narrator: {voice: [a, b]}\n",
         "voices.yaml line 2: roles.narrator.voice must be non-empty text (got a list)"),
        ("roles:\n  quote: {cue_before: [quote]}\n",
         "voices.yaml line 2: roles.quote.cue_before must be text (got a list)"),
        ("roles:\n  quote: {announce_speaker: 2}\n",
         "voices.yaml line 2: roles.quote.announce_speaker must be true or false (got 2)"),
        ("roles: [narrator]\n",
         "voices.yaml line 1: roles must be a mapping of narrator, title, heading, quote, "
         "caption (got a list)"),
        ("pauses: {sentence: -5}\n",
         "voices.yaml line 1: pauses.sentence must be from 0 to 10000 milliseconds (got -5)"),
        ("pauses: {paragraph: long}\n",
         "voices.yaml line 1: pauses.paragraph must be a whole number of milliseconds "
         "(got 'long')"),
        ("auto_speakers: maybe\n",
         "voices.yaml line 1: auto_speakers must be true or false (got 'maybe')"),
        ("normalise: {urls: shout}\n",
         "voices.yaml line 1: normalise.urls must be one of read, brief, skip (got 'shout')"),
        ("normalise: {emails: breif}\n",
         "voices.yaml line 1: normalise.emails must be one of read, brief, skip (got 'breif') "
         "— did you mean 'brief'?"),
        ("speakers: {name: Jane}\n",
         "voices.yaml line 1: speakers must be a list of speakers (got a mapping)"),
        ("speakers:\n  - {voice: en-us}\n",
         "voices.yaml line 2: speakers[1] needs a name, e.g. {name: Jane Doe, voice: en-us}"),
        ("speakers:\n  - {name: Jane Doe, aliases: [Ms Doe]}\n  - {name: ms doe}\n",
         "voices.yaml line 3: 'ms doe' in speakers[2] already names speakers[1]: each name "
         "belongs to one speaker"),
        ("speakers:\n  - {name: Jane Doe, rate: quick}\n",
         "voices.yaml line 2: speakers[1].rate must be a whole number of words per minute "
         "(got 'quick')"),
        ("speaker_pool: [en-us, {voice: en-gb, speed: 3}]\n",
         "voices.yaml line 1: unknown key 'speed' in speaker_pool[2] — use one of: engine, "
         "voice, rate, volume, pitch"),
        ("lexicon:\n  - {match: GIF}\n",
         "voices.yaml line 2: lexicon[1] needs 'say', e.g. {match: Nguyen, say: Win}"),
        ("lexicon:\n  - {match: '', say: x}\n",
         "voices.yaml line 2: lexicon[1].match must be non-empty text (got '')"),
        ("lexicon:\n  - {match: GIF, say: jif, whole_word: often}\n",
         "voices.yaml line 2: lexicon[1].whole_word must be true or false (got 'often')"),
    ],
)
def test_value_errors(tmp_path: Path, text: str, message: str | None) -> None:
    got = error_of(tmp_path, text)
    if message is None:
        assert got == "voices.yaml line 6: unknown key 'x' in roles — use one of: narrator, " \
                      "title, heading, quote, caption"
    else:
        assert got == message


def test_numbers_are_accepted_as_text_where_text_is_expected(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "lexicon:\n  - {match: 911, say: nine one one}\n"))
    assert config.lexicon == (LexiconEntry("911", "nine one one"),)


def test_anchors_and_aliases_are_plain_values(tmp_path: Path) -> None:
    text = "roles:\n  narrator: &n {rate: 200}\n  title: *n\n"
    config = load_config(write(tmp_path, text))
    assert config.roles["title"].spec == spec(rate=200, pitch=40)
