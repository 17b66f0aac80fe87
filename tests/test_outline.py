"""Headings for headless drafts: one real noun phrase as the fallback, no duplicates, and the
method that wrote each heading recorded in the outline."""
from __future__ import annotations

from summarize.corpus.article import Article, OutlineEntry, Paragraph, Section
from summarize.models.loading import GenerationSettings
from summarize.outline import build_outline, heading_key, keyphrase_candidates, keyword_heading

SLEEP = ("Melatonin supplements are widely sold as sleep aids. Melatonin supplements shorten the time "
         "it takes to fall asleep, and the sleep diary of most users shows fewer awakenings.")
RISKS = ("Side effects were not clear in the trials. Patients received melatonin for six weeks, and "
         "headaches and daytime drowsiness were the most common side effects reported by patients.")


def _section(text: str, heading: str | None = None) -> Section:
    return Section(heading, paragraphs=[Paragraph(text, 0, len(text))])


class FakeModel:
    """Stands in for Seq2SeqModel: returns fixed headings and records the settings it got."""

    def __init__(self, outputs):
        self.outputs, self.settings = outputs, []

    def generate(self, texts, task, settings=None, constrain_to_source=False):
        assert task == "heading" and constrain_to_source
        self.settings.append(settings)
        return self.outputs[: len(texts)]


def test_fallback_is_one_noun_phrase_of_the_section():
    sec = _section(RISKS)
    heading = keyword_heading(sec, [SLEEP])
    assert " and " not in f" {heading.lower()} "  # no "A and B" salad
    assert heading.lower() in RISKS.lower()  # a contiguous span of the text
    assert heading == heading.title() or heading.split()[0][0].isupper()
    # Heads are noun-like: no participle ("Received"), adjective ("Clear") or stop word.
    for bad in ("received", "clear", "not clear", "reported"):
        assert all(c.lower() != bad for c in keyphrase_candidates(sec, [SLEEP]))
    assert keyphrase_candidates(sec, [SLEEP])[0] == "Side Effects"


def test_heading_key_normalises_case_plurals_and_small_words():
    assert heading_key("Side Effects") == heading_key("side effect") == heading_key("The Side Effects")
    assert heading_key("Side Effects") != heading_key("Sleep Diary")


def test_outline_has_no_duplicates_and_records_methods():
    a = Article(text="", sections=[_section(SLEEP, "Side Effects"), _section(RISKS), _section(SLEEP)])
    model = FakeModel(["side effects", "melatonin supplements"])
    outline = build_outline(a, model, GenerationSettings(num_beams=4))
    headings = [e.heading for e in outline]
    assert len({heading_key(h) for h in headings}) == len(headings) == 3
    assert [e.method for e in outline] == ["draft", "keyphrase", "model"]  # the model's repeat fell back
    assert outline[2].heading == "Melatonin Supplements"
    assert outline[1].to_dict() == {"heading": outline[1].heading, "level": 1, "generated": True, "method": "keyphrase"}
    assert model.settings[0].num_beams == 1  # headings decode greedily


def test_keyphrase_method_and_default_entry():
    a = Article(text="", sections=[_section(SLEEP), _section(SLEEP)])
    outline = build_outline(a, None, method="keyphrase")
    assert [e.method for e in outline] == ["keyphrase", "keyphrase"]
    assert heading_key(outline[0].heading) != heading_key(outline[1].heading)  # same text, next candidate
    assert OutlineEntry("Overview").to_dict()["method"] == "draft"


def test_model_headings_naming_people_places_or_pointing_elsewhere_fall_back():
    text = ("Researchers at the University of Colorado bought gummy melatonin products in the United States. "
            "Only three gummy products held the melatonin dose printed on the label.")
    for bad in ("Researchers on the University of Colorado", "How It Is a Dose", "The United University"):
        outline = build_outline(Article(text="", sections=[_section(text)]), FakeModel([bad]))
        assert outline[0].method == "keyphrase", bad
    outline = build_outline(Article(text="", sections=[_section(text)]), FakeModel(["Melatonin Dose"]))
    assert outline[0].method == "model" and outline[0].heading == "Melatonin Dose"


def test_a_model_heading_that_names_a_job_falls_back():
    text = ("Glycine taken before daytime sleep modestly improved how rested night-shift nurses felt, said Dr. Marcus "
            "Feld, an occupational health physician. Glycine is an amino acid sold as a powder.")
    outline = build_outline(Article(text="", sections=[_section(text)]), FakeModel(["Health Physician"]))
    assert outline[0].method == "keyphrase" and outline[0].heading != "Health Physician"


def test_keyphrases_end_at_verbs_and_prefer_phrases_over_names():
    text = ("Researchers from the University of Limerick in Ireland pooled data on blood sugar after meals. "
            "Blood sugar rose less after a short walk than after sitting.")
    candidates = keyphrase_candidates(_section(text), [SLEEP])
    assert candidates[0] == "Blood Sugar"
    assert not any("Pooled" in c for c in candidates)


def test_a_keyphrase_ends_on_a_noun():
    text = ("Gummy products for children far exceeded the melatonin dose on the label in this test. "
            "Melatonin gummies for children are sold in most pharmacies.")
    assert not any(c.endswith(" Far") for c in keyphrase_candidates(_section(text), [SLEEP]))


def test_a_job_title_is_no_heading():
    text = ("Regular kratom users can develop dependence, said an addiction researcher at a university. "
            "The addiction researcher said opioid withdrawal eased in some kratom users.")
    assert not any(c.endswith("Researcher") for c in keyphrase_candidates(_section(text), [SLEEP]))


def test_a_keyphrase_never_starts_inside_a_name_or_ends_on_a_physician():
    text = ("In July, the FDA recommended that the Drug Enforcement Administration place kratom extracts on its list. "
            "The Drug Enforcement Administration place decision is due, an addiction medicine physician said. "
            "At least nine states have banned kratom extracts.")
    candidates = keyphrase_candidates(_section(text), [SLEEP])
    assert not any(c.startswith(("Enforcement", "Administration", "Least")) for c in candidates), candidates
    assert not any(c.endswith("Physician") for c in candidates), candidates


def test_a_keyphrase_does_not_end_on_a_verb_the_lexicon_also_calls_a_noun():
    text = ("Rodent studies give some support to kratom for pain. Most of what is known about its benefits comes "
            "from surveys. Rodent studies give mixed results for withdrawal.")
    assert not any(c.endswith(("Give", "Comes")) for c in keyphrase_candidates(_section(text), [SLEEP]))


def test_a_model_heading_in_pieces_falls_back():
    from summarize.outline import _clean_heading

    section = _section("The first of the kratom clinics opened in 2020. Kratom clinics treat dependence.")
    assert _clean_heading("The first - of - kratom", section) is None


def test_heading_words_must_stand_near_each_other_in_the_section():
    from summarize.outline import PAIR_WINDOW, _pairs_near

    gap = " x" * PAIR_WINDOW
    assert _pairs_near(["blood", "sugar"], f"sugar{gap} blood")  # either order, at the window's edge
    assert not _pairs_near(["blood", "sugar"], f"sugar{gap} x blood")
    assert not _pairs_near(["blood", "sugar"], "blood" + " x" * 40 + " sugar")
    assert _pairs_near(["blood", "sugar", "rise"], "blood sugar levels rise after meals")


def test_a_keyphrase_names_what_the_section_keeps_talking_about():
    from summarize.corpus.article import Paragraph

    text = ("Exercise snacks are short bouts of exercise spread through the day. In the trial, exercise "
            "snacks raised fitness as much as a single long workout, and the exercise physiologist who led "
            "it saw patients last month who had never managed a long workout.")
    credit = "Listen to more stories on the Courier app."
    sec = Section(None, paragraphs=[Paragraph(text, 0, len(text)), Paragraph(credit, 0, len(credit), boilerplate="widget")])
    other = "Fake pens sold online caused low blood sugar in dozens of patients."
    candidates = [c.lower() for c in keyphrase_candidates(sec, [other])]
    assert candidates[0] == "exercise snacks"
    # when, how many and who are not what the section is about; page furniture names nothing
    assert not any(w in c.split() for c in candidates for w in ("month", "single", "physiologist", "app"))


def test_a_model_heading_is_a_noun_phrase_about_more_than_the_study():
    texts = ["The study was a randomised trial of melatonin in adults with insomnia. The study found shorter sleep onset.",
             "The study enrolled older adults in care homes. The study measured their sleep with wrist monitors.",
             "How people with diabetes use melatonin is unclear. People with diabetes often sleep badly.",
             RISKS]
    model = FakeModel(["the study is a randomised trial", "the study", "how people with diabetes", "daytime drowsiness"])
    outline = build_outline(Article(text="", sections=[_section(t) for t in texts]), model)
    assert [e.method for e in outline] == ["keyphrase", "keyphrase", "keyphrase", "model"]
    assert outline[3].heading == "Daytime Drowsiness"


def test_a_keyphrase_does_not_start_on_a_verb_after_to_a_modal_or_who():
    text = ("Doctors use valerian extracts to treat anxiety in some patients. Valerian extracts can raise liver enzymes. "
            "People who buy valerian extracts online should call a pharmacist. Valerian extracts are cheap.")
    candidates = keyphrase_candidates(_section(text), [SLEEP])
    assert not any(c.startswith(("Treat", "Raise", "Buy", "Call")) for c in candidates), candidates
    assert "Valerian Extracts" in candidates


def test_a_keyphrase_does_not_start_on_a_participle_after_had_or_been():
    text = ("In the survey, 61 percent had drunk zumbani tea in the past year. Most have side effects. "
            "Zumbani tea is sold in markets, and some had taken zumbani tea for weeks.")
    candidates = keyphrase_candidates(_section(text), [SLEEP])
    assert not any(c.startswith(("Drunk", "Taken")) for c in candidates), candidates
    assert "Zumbani Tea" in candidates and "Side Effects" in candidates


def test_an_email_or_web_address_gives_no_keyphrase():
    text = ("Write to the sleep clinic at desk@sleepclinic.com or see www.sleepclinic.org for valerian advice. "
            "Valerian advice is free.")
    candidates = keyphrase_candidates(_section(text), [SLEEP])
    assert not any(w in c.lower().split() for c in candidates for w in ("com", "org", "www", "desk")), candidates


def _candidates(text: str) -> list[str]:
    return keyphrase_candidates(_section(text), [SLEEP])


def test_a_keyphrase_is_not_cut_from_a_longer_noun_phrase():
    # a possessive or a generic noun carries the phrase on; a name goes on after "and"
    text = ("The local young people's drug service saw more referrals. Long-term opioid use was common. "
            "The Food and Drug Administration approved the pill, and the drug service said so again.")
    cands = _candidates(text)
    assert "Local Young" not in cands and "Long-term Opioid" not in cands, cands
    assert "Drug Administration" not in cands, cands
    assert "Drug Service" in cands, cands


def test_a_keyphrase_is_not_a_clause():
    # a verb after a determiner, a number, "to", "cannot", a plural subject or a noun
    text = ("Rats given a placebo drank more. Men ages 25 to 44 filled more prescriptions. "
            "The hippocampus is a brain region central to memory. Most hospital labs cannot test for it. "
            "Online clinics ship the pills, and psychoactive effects face new rules. "
            "These products cause new moles, and the products contained unlisted substances. "
            "Nitrous oxide inactivates vitamin B12 in heavy users.")
    cands = [c.lower() for c in _candidates(text)]
    for bad in ("rats given", "men ages", "brain region central", "hospital labs cannot", "labs cannot",
                "online clinics ship", "effects face", "cause new moles", "contained unlisted substances",
                "nitrous oxide inactivates"):
        assert bad not in cands, (bad, cands)
    assert "nitrous oxide" in cands and "new moles" in cands and "unlisted substances" in cands, cands


def test_a_keyphrase_has_no_participle_order_word_or_predicative_adjective():
    text = ("Trials following children found little. The nurse practitioner first checks blood sugar. "
            "Most women fall asleep fine. There is not enough good evidence. A 54-year-old taxi driver chews khat.")
    cands = [c.lower() for c in _candidates(text)]
    for bad in ("trials following children", "nurse practitioner first", "fall asleep fine", "asleep fine",
                "enough good evidence", "year-old taxi driver"):
        assert bad not in cands, (bad, cands)
    assert "taxi driver" in cands and "good evidence" in cands, cands


def test_a_keyphrase_fallback_is_not_a_part_of_a_heading_already_used():
    a = Article(text="", sections=[_section("Loot boxes are sold in games.", "Loot Boxes"),
                                   _section("Players buy boxes with real money. Boxes hold random prizes.")])
    outline = build_outline(a, None, method="keyphrase")
    assert outline[1].heading not in ("Boxes", "Box"), outline
    assert heading_key("Loot Boxes") == heading_key("loot box")


def test_no_heading_repeats_an_earlier_one_with_a_word_more():
    a = Article(text="", sections=[_section("Patients in intensive care were sedated for days.", "Intensive Care"),
                                   _section("Intensive care units saw more patients. Nurses sedated patients in "
                                            "intensive care units with ketamine.")])
    model = FakeModel(["intensive care units"])
    outline = build_outline(a, model, GenerationSettings())
    assert heading_key(outline[1].heading) != heading_key("Intensive Care Units"), outline
    assert not set(heading_key("Intensive Care")) <= set(heading_key(outline[1].heading)), outline


def test_a_model_heading_of_one_common_word_a_verb_or_a_clause_tail_falls_back():
    from summarize.outline import _clean_heading

    section = _section("The drug narrows blood vessels in the nose, a survey of the hospital found. Testing of ketamine, "
                       "combined with therapy, continues. The same survey asked about tianeptine at the hospital.")
    for bad in ("The Drug", "The Hospital", "The Drug Narrows", "Testing of Ketamine, Combined", "The Same Survey"):
        assert _clean_heading(bad, section) is None, bad
    assert _clean_heading("Blood Vessels", section) == "Blood Vessels"


def test_a_past_tense_ends_a_phrase_but_a_noun_ending_in_ed_does_not():
    cands = [c.lower() for c in _candidates("Of the products, nine contained unlisted substances. "
                                            "People in Britain drink poppy seed tea.")]
    assert "contained unlisted substances" not in cands and "unlisted substances" in cands, cands
    assert "poppy seed tea" in cands and "britain drink poppy" not in cands, cands


def test_no_keyphrase_runs_into_a_clause_after_that_an_adverb_or_a_bare_relative():
    from summarize.outline import _phrases

    text = ("Patients who take other medicines that cause sleepiness should ask first. "
            "Tryptophan is a chemical the body uses to make serotonin. "
            "The association said its members already label high-caffeine drinks for children. "
            "Side effects are the main reason patients give for stopping. "
            "Most of our patients had no idea poppers could damage the eyes.")
    got = set(_phrases(text))
    assert not got & {"cause sleepiness", "body uses", "members label", "label high-caffeine drinks",
                      "reason patients", "main reason patients", "idea poppers"}, got
    # the nouns themselves are phrases still
    assert {"sleepiness", "body", "high-caffeine drinks", "main reason", "patients", "poppers"} <= got, got


def test_no_keyphrase_runs_into_a_clause_whose_subject_is_people_or_starts_on_a_count():
    from summarize.outline import _phrases

    got = set(_phrases("The survey could not show whether HHC was behind the health problems respondents reported. "
                       "Police seized about 1.8 million methaqualone tablets last year."))
    assert not got & {"problems respondents", "health problems respondents", "million methaqualone tablets",
                      "million methaqualone"}, got
    assert {"health problems", "methaqualone tablets"} <= got, got


def test_a_model_heading_on_a_definite_article_falls_back_unless_it_names_an_aspect():
    text = ("The counsellor said the first year of recovery from gambling is the hardest. "
            "Research on the risks of gambling apps for young men is limited, and the counsellor "
            "offers confidential support by phone.")
    for bad in ("The Counsellor", "The First Year"):
        outline = build_outline(Article(text="", sections=[_section(text)]), FakeModel([bad]))
        assert outline[0].method == "keyphrase", bad
    outline = build_outline(Article(text="", sections=[_section(text)]), FakeModel(["The Risks of Gambling Apps"]))
    assert outline[0].method == "model" and outline[0].heading == "The Risks of Gambling Apps"


def test_a_pronoun_for_a_person_is_no_keyphrase():
    from summarize.outline import _phrases

    assert not {"anyone", "call anyone"} & set(_phrases("You can call anyone at the helpline, day or night."))


def test_a_keyphrase_with_a_vague_head_comes_after_one_that_names_the_topic():
    sec = _section("Adults in the Calmscape group reported less back pain than the sham group. The Calmscape group "
                   "used headsets daily, and the Calmscape group slept better. Chronic back pain scores fell.")
    cands = keyphrase_candidates(sec, [SLEEP])
    assert cands[0] == "Back Pain Scores", cands


def test_a_verb_after_people_starts_no_keyphrase():
    cands = [c.lower() for c in _candidates("Many people also drink coffee, tea or soda during the day.")]
    assert "drink coffee" not in cands and "coffee" in cands, cands


def test_a_job_before_a_name_or_a_reflexive_is_no_keyphrase():
    text = ("Pharmacist Ngaire Fitzsimmons-Lau said the infusions themselves were rarely the problem. "
            "Pharmacist Ngaire Fitzsimmons-Lau checks every label, and infusions themselves cost $150. "
            "Vitamin B6 doses above the limit can damage nerves.")
    cands = keyphrase_candidates(_section(text), [SLEEP])
    assert not any("Fitzsimmons" in c or "Themselves" in c for c in cands), cands
    assert "Vitamin B6 Doses" in cands or any("Doses" in c for c in cands), cands


def test_a_heading_that_names_a_person_falls_back():
    from summarize.outline import _clean_heading

    text = ("\"Cravings are the hardest part,\" said lead author Dr. Keziah Brennan-Oyelaran, a professor of "
            "kinesiology. Brennan-Oyelaran said treatment of cravings with exercise is cheap. Treatment of "
            "cravings matters.")
    sec = _section(text)
    assert _clean_heading("Treatment of Brennan-Oyelaran", sec) is None
    assert _clean_heading("Treatment of Cravings", sec) == "Treatment of Cravings"
    assert not any("Brennan" in c for c in keyphrase_candidates(sec, [SLEEP]))
