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


def test_pronoun_takes_the_latest_speaker_of_unknown_gender_over_an_earlier_woman() -> None:
    people = _people("Mrs Hale said the work was slow. Harbour master Ruth Quill said it had "
                     "changed the quay.")
    assert speaker_after(" she said.", people) == "Ruth Quill"


def test_pronoun_skips_a_later_subject_who_only_might_fit() -> None:
    people = _people("Mr Cole said he was sorry. Pat Omar is one of the first senators.")
    assert speaker_after(" he said.", people) == "Mr Cole"


def test_pronoun_opening_a_sentence_means_the_latest_subject() -> None:
    people = _people("Mr Bell spoke first. Dana Fox visited the site on Monday. She said the "
                     "repairs were late.")
    assert people.known["Dana Fox"].gender == "female"
    assert speaker_after(" she said.", people) == "Dana Fox"


def test_subject_after_an_opening_phrase_is_salient() -> None:
    people = _people("Mr Nance spoke. The council's lead for heritage, Councillor Al Jory, "
                     "praised the volunteers and said a grant would help.")
    assert speaker_after(" he said.", people) == "Al Jory"


def test_speech_verb_before_the_name_makes_a_speaker() -> None:
    people = _people("Prices rose, said Jan E. Holt, an economist.")
    assert people.known["Jan E. Holt"].spoke is True
    assert speaker_after(" she said.", people) == "Jan E. Holt"


def test_place_after_a_preposition_is_not_a_speaker() -> None:
    people = _people("The office for the District of New Avon said in a statement.")
    assert "New Avon" not in people.known


def test_a_pronoun_before_a_name_can_be_a_surname() -> None:
    after = " He Lin, a former director at the fund, said at an event."
    assert speaker_after(after, _people()) == "He Lin"


def test_perfect_tense_after_the_name() -> None:
    assert speaker_after(" Ann Lowe, a fellow at the institute, has written.", _people()) == (
        "Ann Lowe"
    )


def test_whole_subject_phrase_with_a_name_inside_it() -> None:
    before = "The Office of the Inspector General for Housing said the plan did "
    assert speaker_before(before, _people()) == "The Office of the Inspector General for Housing"
    before = "As we noted, a 2019 study by the Centre for Road Safety, a charity, concluded that, "
    assert speaker_before(before, _people()) == "a 2019 study by the Centre for Road Safety"


def test_subject_phrase_on_a_common_noun_is_cut_to_its_head() -> None:
    before = "The authors of the paper published in the journal NEJM Open argued that it had "
    assert speaker_before(before, _people()) == "The authors"


def test_role_owned_by_a_name_is_kept_as_written() -> None:
    assert speaker_before("Lee's agent told reporters: ", _people()) == "Lee's agent"


def test_in_the_words_of_and_an_opening_according_to() -> None:
    assert speaker_before("Here it is in the words of the nurse: ", _people()) == "the nurse"
    assert speaker_before("According to the doctor, the pills ", _people()) == "the doctor"


def test_adverb_between_pronoun_and_verb() -> None:
    people = _people("Prince Edwin arrived.")
    assert speaker_before("He instead told the interviewer: ", people) == "Prince Edwin"


def test_it_means_the_latest_body_quoted() -> None:
    people = _people()
    assert speaker_after(" the ministry said in a statement.", people) == "the ministry"
    assert speaker_after(" it added.", people) == "the ministry"
    assert speaker_after(" it added.", _people()) is None


def test_job_words_before_a_long_name() -> None:
    people = _people("Deputy Prime Minister Ana de Souza Lima spoke.")
    assert speaker_after(" Lima said.", people) == "Ana de Souza Lima"


def test_names_with_inner_capitals_apostrophes_and_particles() -> None:
    people = _people("Ian MacKay met Rosa D'Costa and Karl von der Berg.")
    assert set(people.known) == {"Ian MacKay", "Rosa D'Costa", "Karl von der Berg"}
    assert speaker_after(" MacKay said.", people) == "Ian MacKay"
    assert speaker_after(" said Berg.", people) == "Karl von der Berg"


def test_short_first_name_means_the_full_name_given_earlier() -> None:
    people = _people("Joshua Lane, a professor, explained it. A post was signed by Josh Lane.")
    assert set(people.known) == {"Joshua Lane"}
    assert speaker_after(" Lane said.", people) == "Joshua Lane"


def test_question_words_never_start_a_name() -> None:
    people = _people("Why Avon’s air gets so bad")
    assert people.known == {}


def test_aside_missing_its_closing_comma() -> None:
    after = " Mira Osei, an analyst at the Accra-based Institute of Water think tank told us."
    assert speaker_after(after, _people()) == "Mira Osei"


def test_i_means_the_writer_when_named_else_nobody() -> None:
    people = People(narrator="Pamela Lane")
    assert speaker_before("And I was telling myself, ", people) == "Pamela Lane"
    assert speaker_after(" I said.", people) == "Pamela Lane"
    assert speaker_before("I said, ", People()) is None


def test_progressive_tense_of_a_participle_of_saying() -> None:
    assert speaker_before("Then Jane Doe was telling reporters, ", _people()) == "Jane Doe"
    assert speaker_before("Jane Doe kept saying, ", _people()) == "Jane Doe"


def test_opening_adverb_is_not_part_of_the_name() -> None:
    assert speaker_before("Later Jane Doe told reporters, ", _people()) == "Jane Doe"


def test_first_speech_verb_after_and_takes_the_clause_subject() -> None:
    people = _people()
    assert speaker_before("Jo Berg, 40, visited the site and told reporters: ", people) == (
        "Jo Berg"
    )
    assert speaker_before("But the chief executive visited and said, ", people) == (
        "the chief executive"
    )
    assert speaker_before("The day after the vote, rain fell and said, ", people) is None


def test_speech_verb_after_and_in_a_subordinate_clause_names_nobody() -> None:
    people = _people()
    assert speaker_before("Jo Berg believes that the crowd will riot and say, ", people) is None
    assert speaker_before("Jo Berg visited, the crowd rioted and said, ", people) is None
