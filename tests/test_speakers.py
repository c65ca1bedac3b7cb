"""Speaker attribution: patterns around a quotation and names resolved from earlier text."""

from __future__ import annotations

from audiobook.segment.people import People
from audiobook.segment.speakers import introduced, speaker_after, speaker_before


def _people(narration: str = "") -> People:
    people = People()
    people.observe(narration)
    return people


def test_name_said_after_the_quote() -> None:
    assert speaker_after(" Jane Doe said.", _people()) == "Jane Doe"


def test_said_name_and_said_role_after_the_quote() -> None:
    assert speaker_after(" said Jane Doe, a teacher.", _people()) == "Jane Doe"
    assert speaker_after(" said a WeWork spokesperson when asked.", _people()) == (
        "a WeWork spokesperson"
    )


def test_description_before_the_name_is_not_the_speaker() -> None:
    people = _people()
    assert speaker_after(" said planetary geologist Rosa Lane of the lab.", people) == "Rosa Lane"
    assert speaker_after(" Acme's chief of staff, Eva-Maria Holm, said on Tuesday.", people) == (
        "Eva-Maria Holm"
    )
    assert speaker_after(" said CEO Carl Mint in a release.", people) == "Carl Mint"


def test_aside_between_name_and_verb() -> None:
    after = " study author Luke Page, a scientist at Goddard in Greenbelt, Maryland, said."
    assert speaker_after(after, _people()) == "Luke Page"


def test_according_to_after_the_quote() -> None:
    assert speaker_after(", according to Tom Reed.", _people()) == "Tom Reed"


def test_title_and_surname_resolve_to_the_full_name_given_earlier() -> None:
    people = _people("Graham Badman chaired the inquiry. Harriet Ward led the study.")
    assert speaker_after(" Mr Badman said.", people) == "Graham Badman"
    assert speaker_before("A finding that Prof Ward said: ", people) == "Harriet Ward"
    assert speaker_after(" Badman added.", people) == "Graham Badman"


def test_unknown_title_and_surname_stay_as_written() -> None:
    assert speaker_after(" Ms Gilmore said.", _people()) == "Ms Gilmore"


def test_name_told_someone_with_a_colon_before_the_quote() -> None:
    people = _people("Sue Gilmore was the manager. She left in 2009.")
    assert speaker_before("She told Panorama: ", people) == "Sue Gilmore"
    assert speaker_before("Ms Gilmore told Panorama: ", _people()) == "Ms Gilmore"


def test_name_colon_before_the_quote() -> None:
    assert speaker_before("Jane Doe: ", _people()) == "Jane Doe"


def test_appositive_between_subject_and_verb() -> None:
    before = "Andrew Turnell, an expert in the use of the technique, said: "
    assert speaker_before(before, _people()) == "Andrew Turnell"


def test_pronoun_takes_the_latest_person_of_that_gender() -> None:
    people = _people("Mr Badman spoke first. Then Ms Gilmore spoke.")
    assert speaker_after(" he said.", people) == "Mr Badman"
    assert speaker_after(" she said.", people) == "Ms Gilmore"


def test_pronoun_learns_gender_from_the_next_sentence() -> None:
    people = _people("A finding that Prof Harriet Ward said needs study. She believes it.")
    assert speaker_after(" she said of the risk.", people) == "Harriet Ward"


def test_pronoun_falls_back_to_the_latest_named_speaker() -> None:
    people = _people("Kim Lee said the plan was sound.")
    assert speaker_after(" she said.", people) == "Kim Lee"


def test_pronoun_with_nobody_known_stays_unknown() -> None:
    assert speaker_after(" she said.", _people("The weather was cold.")) is None


def test_narration_without_attribution_names_nobody() -> None:
    assert speaker_after(" and the crowd cheered.", _people()) is None
    assert speaker_before("The report ends with ", _people()) is None


def test_coordinated_verbs_share_the_subject() -> None:
    people = _people("Ben Cole was arrested. He pleaded guilty.")
    before = "During the call, he asked about it, called her a liar and said, "
    assert speaker_before(before, people) == "Ben Cole"


def test_introduced_means_a_speech_verb_right_before() -> None:
    assert introduced("and he said, ") is True
    assert introduced("she added: ") is True
    assert introduced("he provided parents with ") is False


def test_job_words_inside_a_name_run_are_dropped() -> None:
    people = _people()
    assert speaker_after(" White House Press Secretary Ann Lowe said.", people) == "Ann Lowe"
    assert speaker_after(" Interior Minister Karl Pohl said.", people) == "Karl Pohl"


def test_pronoun_prefers_the_speaker_who_opened_the_last_naming_sentence() -> None:
    people = _people("Ann Lowe said the day went well. Mr Okafor spoke later.")
    people.pronoun("she")
    people.observe("Jo Berg said the call was unusual.")
    assert speaker_after(" she said.", people) == "Jo Berg"


def test_pronoun_skips_a_sentence_subject_who_has_not_spoken() -> None:
    people = _people("Mr Cole was charged. Pat Omar is a senator.")
    assert speaker_after(" he said.", people) == "Mr Cole"
