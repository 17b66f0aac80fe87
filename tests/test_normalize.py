import pytest


def test_abbreviations_are_read_from_their_definitions():
    from summarize.normalize import abbreviations

    text = ("We compared gradual dose reduction (GDR) with usual care in randomised controlled trials (RCTs). "
            "Cognitive behavioural therapy for insomnia (CBT-I) helped some. Valerian (Valeriana) is a herb.")
    assert abbreviations(text) == {"GDR": "gradual dose reduction", "RCTs": "randomised controlled trials"}


def test_an_abbreviation_is_spelled_out_at_its_first_use_in_the_lead():
    from summarize.normalize import expand_abbreviations

    defined = {"GDR": "gradual dose reduction", "RCTs": "randomised controlled trials", "SMD": "standardised mean difference"}
    lead = ["GDR combined with therapy may help (SMD 0.3; 5 RCTs).", "GDR alone helped in 3 RCTs."]
    assert expand_abbreviations(lead, defined) == [
        "Gradual dose reduction (GDR) combined with therapy may help (SMD 0.3; 5 RCTs).",
        "GDR alone helped in 3 randomised controlled trials (RCTs)."]
    # already introduced in the lead: left as it is
    said = ["Gradual dose reduction (GDR) may help.", "GDR is slow."]
    assert expand_abbreviations(said, defined) == said
    # the article before it follows the long form's sound
    defined = {"HIO": "Health Insurance Organisation", "RCT": "randomised controlled trial"}
    assert expand_abbreviations(["An HIO spokeswoman said so.", "It was an RCT."], defined) == [
        "A Health Insurance Organisation (HIO) spokeswoman said so.", "It was a randomised controlled trial (RCT)."]


def test_a_long_form_defined_at_a_sentence_start_reads_in_lower_case_unless_it_is_a_name():
    from summarize.normalize import abbreviations

    text = ("Alcohol use disorder (AUD) is common. Hashimoto's encephalitis (HE) is rare, and people with "
            "Hashimoto's thyroiditis may get it. The World Health Organization (WHO) tracks both.")
    assert abbreviations(text) == {"AUD": "alcohol use disorder", "HE": "Hashimoto's encephalitis",
                                   "WHO": "World Health Organization"}


def test_collapsing_the_spelled_out_abbreviations_gives_the_sentence_back():
    from summarize.normalize import collapse_abbreviations, expand_abbreviations

    source = "GDR with therapy may help older adults (SMD 0.3; 5 RCTs)."
    expanded = expand_abbreviations([source], {"GDR": "gradual dose reduction"})[0]
    assert expanded.startswith("Gradual dose reduction (GDR)")
    assert collapse_abbreviations(expanded, source) == source
    # a parenthesis the source has stays
    kept = "Gradual dose reduction (GDR) helps."
    assert collapse_abbreviations(kept, kept) == kept


def test_a_statistic_labelled_with_its_abbreviation_is_dropped():
    from summarize.normalize import drop_statistics

    text = ("CBD may slightly reduce anxiety, but the evidence is very uncertain (standardised mean difference (SMD) "
            "-0.31, 95% confidence interval (CI) -0.62 to 0.00; 6 RCTs, 318 participants).")
    assert drop_statistics(text) == "CBD may slightly reduce anxiety, but the evidence is very uncertain."
    assert drop_statistics("CBD may make little or no difference (risk ratio (RR) 1.38, 95% CI 0.92 to 2.07).") == \
        "CBD may make little or no difference."


def test_a_person_called_by_surname_alone_is_named_as_the_draft_first_names_them():
    from summarize.normalize import introduce_people, introductions, name_people

    prose = ("Devon Marsh, MD, an addiction medicine specialist at Lakemont Health who was not involved in the "
             "study, said he sees misuse. \"It's not nothing,\" Marsh told the site. Dr. Priya Sandoval, an "
             "emergency physician, agreed. Marcus Bell, 27, was diagnosed in May.")
    intros = introductions(prose, {"Marsh", "Sandoval", "Bell", "Nobody"})
    assert intros == {"Marsh": "Devon Marsh, an addiction medicine specialist at Lakemont Health,",
                      "Sandoval": "Dr. Priya Sandoval, an emergency physician,", "Bell": "Marcus Bell"}
    lead = ["Marsh recommended tapering the drug.", "Marsh also said so.",
            "\"Stopping is the only cure,\" Sandoval said.", "Bell's doctors agreed, said Bell."]
    assert introduce_people(lead, intros) == [
        "Devon Marsh, an addiction medicine specialist at Lakemont Health, recommended tapering the drug.",
        "Marsh also said so.",
        "\"Stopping is the only cure,\" Dr. Priya Sandoval, an emergency physician, said.",
        "Marcus Bell's doctors agreed, said Bell."]
    # a lead that names the person already is left alone
    assert introduce_people(["Devon Marsh sees misuse.", "Marsh recommended tapering."], intros) == [
        "Devon Marsh sees misuse.", "Marsh recommended tapering."]


def test_a_person_called_by_title_and_surname_is_named_in_full_with_the_title_said_once():
    from summarize.normalize import introduce_people

    intros = {"Holloway-Mensah": "Dr Priya Holloway-Mensah, a consultant endocrinologist,",
              "Marsh": "Devon Marsh, an addiction medicine specialist,"}
    assert introduce_people(["Dr Holloway-Mensah has written up the cases."], intros) == [
        "Dr Priya Holloway-Mensah, a consultant endocrinologist, has written up the cases."]
    assert introduce_people(["Dr Marsh recommended tapering.", "Mr Marsh agreed."], intros) == [
        "Dr Devon Marsh, an addiction medicine specialist, recommended tapering.", "Mr Marsh agreed."]
    assert introduce_people(["Mr Marsh recommended tapering."], intros) == [
        "Devon Marsh, an addiction medicine specialist, recommended tapering."]


def test_a_person_named_in_full_twice_is_introduced_once():
    from summarize.normalize import introduce_people, introductions, name_people

    prose = ("Meredith Achebe-Lowry, a sleep physician at the St. Vital Sleep Clinic in Winnipeg who was not "
             "involved, said the findings were early. \"We need larger studies,\" she said.")
    intros = introductions(prose, {"Achebe-Lowry"})
    # an abbreviation's stop ends no role
    assert intros == {"Achebe-Lowry": "Meredith Achebe-Lowry, a sleep physician at the St. Vital Sleep Clinic in "
                                      "Winnipeg,"}
    again = "\"We need larger studies,\" " + intros["Achebe-Lowry"] + " said."
    assert introduce_people([prose.split(". \"")[0] + ".", again], intros)[1] == \
        "\"We need larger studies,\" Achebe-Lowry said."
    assert introduce_people(["Meredith Achebe-Lowry sees patients.", "Meredith Achebe-Lowry agreed."], intros) == [
        "Meredith Achebe-Lowry sees patients.", "Achebe-Lowry agreed."]
    # with and without the title the draft gives
    intros = {"Mandal": "Dr Priya Mandal, a consultant dermatologist,"}
    assert introduce_people(["Dr Priya Mandal, a consultant dermatologist, sees patients.",
                             "\"We do not know,\" Priya Mandal, a consultant dermatologist, said.", "Dr Priya Mandal agreed."],
                            intros)[1:] == ["\"We do not know,\" Mandal said.", "Mandal agreed."]
    # … and with the title where the draft calls them so on later mentions ("Dr Mandal said")
    prose = "Dr Priya Mandal, a consultant dermatologist, sees patients. \"We do not know,\" Dr Mandal said."
    assert name_people(["Dr Priya Mandal, a consultant dermatologist, sees patients.",
                        "\"We do not know,\" Dr Priya Mandal, a consultant dermatologist, said."], prose)[1] == \
        "\"We do not know,\" Dr Mandal said."


def test_a_role_cut_before_the_who_clause_that_says_which_people_is_left_out():
    from summarize.normalize import introductions

    text = ("Simon Achebe, clinical lead at a clinic in Leeds for people who use steroids, said so. Achebe agreed. "
            "Jane Doe, a doctor who treats addiction, said so too. Doe agreed.")
    assert introductions(text, ["Achebe", "Doe"]) == {"Achebe": "Simon Achebe", "Doe": "Jane Doe, a doctor,"}


@pytest.mark.parametrize("raw, expected", [
    # a tokenizer's lone straight quotes: the odd one opens a quotation, the even one closes it
    ('" Craving is real , " Dr . Ostrowski said .', '"Craving is real," Dr. Ostrowski said.'),
    ('She called it " special K " in the clinic .', 'She called it "special K" in the clinic.'),
])
def test_generated_straight_quotes_sit_against_what_they_quote(raw, expected):
    from summarize.corpus.text import SourceCasing, detokenize

    assert detokenize(raw, SourceCasing('He said "It is fine." She agreed.')) == expected


@pytest.mark.parametrize("text, intro", [
    # a role printed before the name is said after it, where the lead names the person
    ("Emergency physician Hamish Reyes, who led the review, said so. Reyes agreed.",
     "Hamish Reyes, an emergency physician,"),
    ("The study, said toxicologist Ana Ruiz, was small. Ruiz agreed.", "Ana Ruiz, a toxicologist,"),
    # of two long roles, the first
    ('"It works," said Alicia Tate, MD, PhD, associate professor of psychiatry at Lakeshore University School of '
     'Medicine and senior author of the study. Tate agreed.',
     "Alicia Tate, associate professor of psychiatry at Lakeshore University School of Medicine,"),
    # a role too long for a lead keeps its job, not its place
    ('"It works," said lead author Sam Okafor, MD, MPH, an assistant professor of anesthesiology at the Red Cedar '
     'University School of Medicine. Okafor agreed.', "Sam Okafor, an assistant professor of anesthesiology,"),
    # a verb after the name is no role
    ("The study, according to Ana Ruiz, was small. Ruiz agreed.", "Ana Ruiz"),
    # nor is what stands before a title ("Now GP Dr …": read for the first name, it would be doubled)
    ("Now GP Dr Hannah Reyes, who saw three cases, warned others. Reyes agreed.", "Dr Hannah Reyes"),
])
def test_a_persons_role_is_read_from_either_side_of_their_name(text, intro):
    from summarize.normalize import introductions

    assert introductions(text, [intro.split(",")[0].split()[-1]]) == {intro.split(",")[0].split()[-1]: intro}


def test_a_lead_names_its_speaker_once_not_in_every_sentence():
    from summarize.normalize import untag_speakers

    lead = ["Dr. Naomi Castellanos, an emergency physician, said her department treated 14 patients.",
            "Taking B12 does not reliably prevent nerve damage, Castellanos said.",
            "Most of what doctors know comes from case reports, Castellanos said.",
            '"We are seeing young people who use it," Castellanos said.',
            "Kava is banned, said Dr Lee."]
    assert untag_speakers(lead) == [
        lead[0], "Taking B12 does not reliably prevent nerve damage.",
        # (the sentence before no longer says who speaks; a quotation always keeps its speaker)
        lead[2], lead[3], lead[4]]


def test_a_lead_drops_a_tag_naming_by_surname_someone_it_never_introduced():
    from summarize.normalize import untag_speakers

    lead = ["Kava is sold online.", 'Men with heart disease should check before using products sold for "stamina", '
            'Lee said.', "Kava can harm the liver, Dr Ana Lee said."]
    assert untag_speakers(lead) == [lead[0], 'Men with heart disease should check before using products sold for '
                                    '"stamina".', lead[2]]


def test_a_sentences_first_word_is_no_first_name():
    from summarize.normalize import introductions

    prose = ("Sajid, a 34-year-old taxi driver, has chewed naswar since he was 16. For Sajid, the ban on sales "
             "means little. Devon Marsh, an addiction specialist at Lakemont Health, runs the clinic.")
    intros = introductions(prose, {"Sajid", "Marsh"})
    assert "Sajid" not in intros  # never given a full name ("For Sajid" is none)
    assert intros["Marsh"] == "Devon Marsh, an addiction specialist at Lakemont Health,"


def test_a_surname_in_the_possessive_is_introduced_too():
    from summarize.normalize import name_people

    prose = "When Salote Waqa, 58, started drinking noni juice, she felt fine. Waqa said so."
    assert name_people(["Waqa's case is one of 11."], prose, frozenset({"Waqa"})) == ["Salote Waqa's case is one of 11."]


def test_a_verb_after_a_name_is_no_role_to_introduce_it_with():
    from summarize.normalize import introductions
    text = ("His doctor, Dr Vishnu Balgobin, believes the tonic played a part. "
            "Devon Marsh, program director at Lakemont, said so.")
    intros = introductions(text, ["Balgobin", "Marsh"])
    assert intros["Balgobin"] == "Dr Vishnu Balgobin"
    assert intros["Marsh"] == "Devon Marsh, program director at Lakemont,"
