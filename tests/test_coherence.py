"""The lead coherence checker, measured on labelled leads written for the tests.

Each fixture is (sentences, {index: defect kind}); an index missing from the labels is clean.
The seeds' style (subject first, one point per sentence, "It"/"Its" after the subject is named)
must pass clean.
"""
from __future__ import annotations

import pytest

from summarize import coherence

CLEAN = [
    ["Kratom, derived from the Mitragyna speciosa plant, offers natural sleep aid and anxiety reduction "
     "through its unique alkaloids that interact with opioid receptors.",
     "It modulates serotonin levels and regulates cortisol, providing an appealing alternative for stress management.",
     "To safely use kratom for sleep, follow best practices like low doses and consult healthcare providers."],
    ["Kratom, from the plant Mitragyna speciosa, offers natural sleep aid benefits.",
     "Its alkaloids interact with brain opioid receptors, influencing neurotransmitters like dopamine and serotonin.",
     "Studies highlight its potential as a calming, pain-relieving solution for better sleep."],
    ["Magnesium supplements may help some adults fall asleep faster, according to a review of seven trials.",
     "The review found that the benefit was small and the trials were short.",
     "People with kidney disease should ask a doctor before taking magnesium."],
    ["Dr. Maria Lopez, a sleep researcher at Stanford, has studied melatonin for a decade.",
     "Lopez said most adults need far lower doses than the pills sold in shops."],
    # a speaker introduced by a role
    ["A sleep researcher at a children's hospital studies melatonin in teenagers.",
     "She said most teenagers need eight to ten hours of sleep a night."],
    # a pronoun with its noun earlier in the sentence
    ["Ashwagandha may offer modest help with stress, but it is not a cure for insomnia.",
     "Sleep matters because it lets the brain clear waste."],
    ["Exercise therapy reduces pain in adults with chronic low back pain.",
     "The evidence is of low quality, so more research is needed."],
    # a colon before names is not a flattened list
    ["A trial compared three drugs: Tamoxifen, Raloxifene and Anastrozole.",
     "The trial had one sponsor: the National Cancer Institute in Bethesda."],
]

DEFECTS = [
    (["It plays a part in hundreds of reactions in the body.", "Magnesium is a mineral."], {0: "dangling"}),
    (["Today it is sold as a powder, capsule or tea.", "Ashwagandha is a shrub."], {0: "dangling"}),
    (["Ashwagandha is a shrub.", "For example, a dose of 300 mg means two capsules a day."], {1: "dangling"}),
    (["Chamomile tea may ease sleep.", "These neurotransmitters calm the brain before bed."], {1: "dangling"}),
    (["The study found fewer night wakings in the valerian group.", "Valerian is a herb."], {0: "dangling"}),
    (["Melatonin is widely sold.", "“Most people take far too much,” he said."], {1: "dangling"}),
    # a place or an agency is not the "she" who said it
    (["Kratom comes from a tree native to Southeast Asia.", "But she added that users can become dependent."],
     {1: "dangling"}),
    (["The Food and Drug Administration warned about kratom.", "He said the products are unsafe."], {1: "dangling"}),
    (["Melatonin is widely sold in pharmacies.", "Smith said most people take far too much of it."], {1: "dangling"}),
    # an object pronoun in the opening with no noun before it to stand for
    (["Herbalists class it as an adaptogen, a plant believed to ease stress.", "Ashwagandha is a shrub."],
     {0: "dangling"}),
    (["This article explores the science behind kratom and sleep.", "Kratom is a plant from Asia."], {0: "meta"}),
    (["Kratom is a plant from Asia.", "Readers will gain valuable insights into its uses."], {1: "meta"}),
    (["Zinc deficiency is rare.", "The clinic provides the following list of signs of zinc deficiency."], {1: "meta"}),
    (["Zinc deficiency is rare.", "See the summary on zinc supplements for information about doses."], {1: "meta"}),
    # words that point back anywhere in the sentence: "such clinics", "a separate survey", "the same team"
    (["Ibogaine is a psychedelic from an African shrub.", "A small study offers data on people treated at such clinics."],
     {1: "dangling"}),
    (["Sports betting is legal in 20 states.", "In a separate national survey of 3,100 adults, 9% of young men met "
      "criteria for problem gambling."], {1: "dangling"}),
    (["Sports betting is legal in 20 states.", "Calls to helplines rose by 62%, according to an analysis by the same team."],
     {1: "dangling"}),
    (["Substances such as caffeine are common in pre-workouts.", "There is no such thing as a safe dose of kratom.",
      "Clinics are unregulated, and such clinics rarely report harms.", "At the same time, sales of kratom rose.",
      # after a comma "such" points within the sentence, to a noun of its own ("programs")
      "Users were recruited at harm reduction programs, so the findings may not reflect people who do not visit "
      "such services."], {}),
    # "this"/"that" and a noun after a preposition point back too; the date and the text itself do not
    (["Heavy drinking can lead to dependence.", "Anyone in that position should speak to a GP before cutting down."],
     {1: "dangling"}),
    (["Alcohol helps people fall asleep.", "In this review, we included six trials.", "Sales rose in that year."], {}),
    # a pronoun after a fronted phrase: the phrase's nouns are not what it stands for
    (["Combined with antidepressants such as sertraline, they can trigger serotonin syndrome.", "Ayahuasca is a brew."],
     {0: "dangling"}),
    (["Like other opioids, it can be habit-forming.", "Tramadol is a painkiller."], {0: "dangling"}),
    (["In practice, it is important to see a doctor first.", "Taken with alcohol, it deepens sedation."], {}),
    # a cause or reason of something the lead has not said
    (["The cause, doctors concluded, was medetomidine, a veterinary sedative.", "Medetomidine is a sedative."],
     {0: "dangling"}),
    (["The cause of the outbreak was medetomidine, a veterinary sedative.", "The catch is that nobody knows the dose."],
     {}),
    # a share "of the" group the lead has not named
    (["Of the students surveyed, 8% said they had taken modafinil.", "Modafinil is a stimulant."], {0: "dangling"}),
    (["A survey of 3,000 students at six colleges was published on Monday.", "Of the students surveyed, 8% had taken modafinil.",
      "Of the many herbs sold for sleep, valerian is the best studied."], {}),
    # a time, not a pointer to a list
    (["Zinc deficiency is rare.", "Those given zinc had fewer colds over the following year than those given placebo."], {}),
    (["Zinc deficiency is rare.", "Those given zinc had fewer colds over the following six months than those given placebo."], {}),
    (["Zinc deficiency is rare.", "If known, the table below includes how often each sign is seen."], {1: "meta"}),
    (["Zinc deficiency is rare.", "You can use a medical dictionary to look up the definitions for these terms."], {1: "meta"}),
    (["Zinc deficiency is rare.", "The zinc information centre has information on this topic."], {1: "meta"}),
    (["Zinc lozenges are sold everywhere.", "Our pharmacist explains what long-term use means."], {1: "meta"}),
    (["Zinc lozenges are sold everywhere.", "Here's what you need to know about zinc."], {1: "meta"}),
    (["Zinc deficiency is rare.", "Click on the link to view a sample search on zinc."], {1: "meta"}),
    # how a page presents its data
    (["Zinc deficiency is rare.", "The zinc registry has collected information on how often a sign occurs."], {1: "meta"}),
    (["Zinc deficiency is rare.", "The frequency may also be listed as a fraction."], {1: "meta"}),
    (["Zinc deficiency is rare.", "Much of this information comes from a European rare disease database."], {1: "meta"}),
    # a structured abstract's heading run into its sentence; a case that needs its cases
    (["Zinc lowers the risk of diarrhoea.", "Primary outcomes Five studies measured mortality in children."],
     {1: "fragment"}),
    (["Zinc deficiency is rare.", "In these cases, the sign may be rare or common."], {1: "dangling"}),
    (["It's crucial to approach kratom with caution because of dependency.",
      "Kratom may ease sleep for some users.",
      "It's important to approach its use with caution."], {2: "duplicate"}),
    (["Kratom may ease sleep for some adults.", "Kratom may help some adults sleep."], {1: "duplicate"}),
    # the news announced twice in other words (a lede and a page's bottom line)
    (["A new randomized trial found that adults with insomnia who took magnesium slept slightly better.",
      "A new study found that magnesium supplements modestly eased insomnia and helped people sleep."], {1: "duplicate"}),
    (["A new randomized trial found that adults with insomnia who took magnesium slept slightly better.",
      "Magnesium may help some people with insomnia sleep better, according to a new study."], {1: "duplicate"}),
    (["A new study found that magnesium eased insomnia in adults.",
      "A new study found that vitamin D did not prevent falls in older people."], {}),
    (["Valerian is a herb used for sleep.", "Photo: Getty Images"], {1: "boilerplate"}),
    (["(CNN) Health officials warned about tainted supplements on Tuesday.",
      "The supplements contained hidden drugs."], {0: "boilerplate"}),
    (["Kratom is sold online.", "For more information, visit the FDA website."], {1: "boilerplate"}),
    (["Kratom is sold online.", "Copyright 2019 Cable News Network."], {1: "boilerplate"}),
    (["Kratom is sold online in many states.", "Write to Jane Doe at jane.doe@example.com."], {1: "boilerplate"}),
    (["Valerian is a herb used for sleep.", "such as headaches and grogginess in the morning."], {1: "fragment"}),
    (["Valerian is a herb used for sleep.", "Benefits and risks of the herb for adults:"], {1: "fragment"}),
    # a table header read as a sentence; a headline in title case
    (["Valerian is a herb used for sleep.", "Signs and Symptoms Approximate number of patients Autosomal recessive."],
     {1: "fragment"}),
    (["Valerian is a herb used for sleep.", "Valerian Calms Anxious Adults."], {1: "fragment"}),
    # a list pasted without its bullets
    (["Valerian is a herb used for sleep.", "Side effects may include: Headache Upset stomach Vivid dreams Dizziness."],
     {1: "fragment"}),
    (["Valerian is a herb used for sleep.", "The “calming effect is strong (in some trials."], {1: "fragment"}),
    (["Valerian is a herb used for sleep.", "A safer alternative for insomnia and chronic pain without addiction."],
     {1: "fragment"}),
]


@pytest.mark.parametrize("lead", CLEAN)
def test_house_style_leads_are_clean(lead):
    assert coherence.check_sentences(lead) == []


@pytest.mark.parametrize("lead,labels", DEFECTS)
def test_defects_are_found_where_labelled(lead, labels):
    found = {d.index: d.kind for d in coherence.check_sentences(lead)}
    assert found == labels


def test_checker_scores_on_all_fixtures():
    """Precision and recall over every labelled sentence (the number the checker was tuned against)."""
    tp = fp = fn = 0
    for lead, labels in [(c, {}) for c in CLEAN] + DEFECTS:
        found = {d.index: d.kind for d in coherence.check_sentences(lead)}
        for i in range(len(lead)):
            want, got = labels.get(i), found.get(i)
            tp += want is not None and want == got
            fp += got is not None and want != got
            fn += want is not None and want != got
    assert tp / (tp + fp) >= 0.9 and tp / (tp + fn) >= 0.9


def test_report_of_a_lead_text():
    report = coherence.check("It is a herb. This article explores valerian.")
    assert not report.clean and report.counts() == {"dangling": 1, "meta": 1}
    assert coherence.check("Valerian is a herb used for sleep. It may cause headaches.").clean


def test_a_surname_alone_needs_the_full_name_before_it():
    names = coherence.surnames("Marcus Reyes says depression followed him. Last year, Reyes, 41, enrolled. "
                               "The United States and Southeast Asia.")
    assert names == {"Reyes"}
    assert "surname" in coherence.dangling_reason("Last year, Reyes, 41, enrolled in a trial.", [], names)
    assert coherence.dangling_reason("Last year, Reyes, 41, enrolled in a trial.",
                                     ["Marcus Reyes says depression followed him."], names) is None
    assert coherence.dangling_reason("Marcus Reyes, 41, enrolled in a trial.", [], names) is None


@pytest.mark.parametrize("full, alone", [
    ("Dr. Ana Berg-Lindqvist", "Berg-Lindqvist"),  # a double-barrelled surname, whole
    ("Priya Kulkarni-D'Souza", "Kulkarni-D'Souza"),
    ("Debra Sousa's", "Sousa"),  # first named in a possessive ("Debra Sousa's pain clinic")
])
def test_a_surname_is_the_whole_name_the_draft_gives(full, alone):
    text = f"{full} clinic treated 40 patients last year. {alone} said the cases were rising. The patients recovered."
    names = coherence.surnames(text)
    assert alone in names
    assert coherence.dangling_reason(f"{full} clinic treated 40 patients last year.", [], names) is None
    assert repr(alone) in coherence.dangling_reason(f"{alone} said the cases were rising.", ["The patients recovered."], names)


@pytest.mark.parametrize("sentence, dangles", [
    ("The idea has a real scientific basis.", True),
    ("The theory is that valerian calms the nerves.", True),
    ("The idea behind valerian lozenges is that they release the herb slowly.", False),
    # a term, or a syrup, the lead has not named; the term named after the noun stands alone
    ("The term describes searching for symptoms until it makes you anxious.", True),
    ("The term cyberchondria describes searching for symptoms.", False),
    ('The term "cyberchondria" describes searching for symptoms.', False),
    ("The syrup, sold under the brand name Curvexa, contains cyproheptadine.", True),
])
def test_an_idea_the_lead_has_not_stated_dangles(sentence, dangles):
    assert bool(coherence.dangling_reason(sentence, ["Valerian is a herb sold for sleep."])) is dangles


@pytest.mark.parametrize("sentence, before, dangles", [
    # "either" adding to a denial the lead has not made
    ('"Nobody has studied people who take it for years, either," Dr. Ian Fall said.',
     ["Valerian is a herb sold for sleep."], True),
    ("Nobody has studied it for years, either.", ["Valerian has not been tested in children."], False),
    ("You can take valerian either as a tea or as capsules.", ["Valerian is a herb sold for sleep."], False),
    # … or one made in the sentence itself
    ("Valerian is unlikely to do much harm, but it does not do much good, either.", [], False),
    # a name set against something before it ("X itself"), unless the lead named it before
    ("Levodopa itself is a prescription-only medicine.", ["Valerian is a herb sold for sleep."], True),
    ("Valerian itself is not controlled.", ["Valerian is a herb sold for sleep."], False),
    ("The body itself makes melatonin at night.", [], False),
    # a risk the lead has not named
    ("How much cracking your own neck adds to that risk is unknown.", ["Valerian is a herb."], True),
    ("Neck cracking carries a small risk of stroke, but how much it adds to that risk is unknown.", [], False),
    ("Combining valerian with alcohol raises that risk.", ["Valerian can cause dependence."], False),
    # a feeling the lead has not described; other risks, when the lead has named none
    ("It's very easy to get hooked on that feeling.", ["Valerian is a herb."], True),
    ("It's very easy to get hooked on that feeling.", ["Users describe a rush of calm."], False),
    ("Frequent use carries other risks too.", ["Valerian is a herb."], True),
    ("Frequent use carries other risks too.", ["Valerian can cause dependence."], False),
    ("Other people slept better too.", ["Valerian is a herb."], False),
    # the largest of a group the lead has not named; a share of one
    ("The largest, a six-week study of 70 adults, found no difference.", [], True),
    ("The largest, a six-week study of 70 adults, found no difference.", ["Only a few small trials have tested it."],
     False),
    ("The largest study found no difference.", [], False),
    ("Sixty-one per cent named sleep as a reason.", ["Valerian is a herb."], True),
    # a pattern the lead has not described, or one a survey in the sentence found
    ("A survey of 900 women can't explain why, but the pattern is clear enough.", [], False),
    ("Dr. Tom Brennan, a chiropractor in Denver, said he sees the pattern often.", ["Valerian is a herb."], True),
    # "those" given a treatment are people; "those children", "those studies" point back
    ("Older adults left 11 minutes sooner than those given propofol, a Denver study found.", [], False),
    ("Doctors have seen those children at the clinic.", [], True),
    ("Many of those studies were small.", [], True),
])
def test_what_points_back_to_a_statement_before(sentence, before, dangles):
    assert bool(coherence.dangling_reason(sentence, before)) is dangles


@pytest.mark.parametrize("sentence", ["Online, this is often called valerian addiction.",
                                      "Overall, this is a small study of valerian.",
                                      "Together these can slow breathing to a dangerous degree."])
def test_a_demonstrative_after_one_fronted_word_needs_what_it_points_to(sentence):
    assert coherence.dangling_reason(sentence, [])


def test_words_of_places_and_bodies_make_no_surname():
    text = ("Dr. Meera Desai, an oral cancer specialist at the Western India Cancer Institute in Pune, said "
            "quitting is hard. The International Agency for Research on Cancer lists areca nut as a carcinogen. "
            "Chen Yu-ting, who lives in Pingtung County, chewed it for 20 years. Desai said support helps.")
    names = coherence.surnames(text)
    assert "Desai" in names and not names & {"Cancer", "County", "India"}


def test_a_first_name_that_is_also_a_word_still_makes_a_surname_when_the_draft_quotes_it_alone():
    text = "Dean Hollis bought kratom shots at a gas station. Hollis says he drank 15 a day. The Dean Street shop."
    names = coherence.surnames(text)
    assert "Hollis" in names and "Street" not in names
    assert "surname" in coherence.dangling_reason("For Hollis, the message is simple.", ["Calls rose."], names)


def test_a_name_never_runs_across_a_line_end():
    # (the prose is a paragraph a line: a place ending one and "The" opening the next are no name)
    names = coherence.surnames("Pharmacies took part in Tralee and Killarney\nThe survey was small.\n"
                               "Dr Ciaran Brosnan, a GP, said so.")
    assert "Brosnan" in names and not names & {"Killarney", "The"}


def test_a_day_before_a_sentence_that_lost_its_full_stop_is_no_name():
    # a furniture line without a full stop joined to the next sentence: "… by Monday The ministry …"
    names = coherence.surnames("Weather: Dry front expected by Monday The ministry also warned. Dr Rolando Tzib said so.")
    assert "The" not in names and "Tzib" in names


def test_a_person_named_by_one_name_with_an_age_is_a_name_a_lead_must_introduce():
    text = ("Sajid, a 34-year-old taxi driver, started using snuff at 16. Amira, 29, takes it daily. "
            "In March, 2020, sales were banned. For Sajid, the ban means little. "
            "Clobazam, a 1,5-benzodiazepine, is also sold.")
    names = coherence.surnames(text)
    assert {"Sajid", "Amira"} <= names and not names & {"March", "Clobazam"}
    assert "Sajid" in coherence.dangling_reason("For Sajid, the ban on sales means little.", ["Snuff is sold."], names)


@pytest.mark.parametrize("sentence,reason", [
    # "said" inside the quote is the quoted person's word, not an attribution
    ("\"It said 'all natural' right there on the label, so I figured it was fine.\"", "quote with no speaker"),
    ("\"It works,\" said Feld, a toxicologist.", "'Feld' not introduced"),
    # a title before the surname is not a name of its own
    ("\"It works,\" said Dr. Feld, a toxicologist.", None),
])
def test_quotes_and_their_speakers(sentence, reason):
    got = coherence.dangling_reason(sentence, ["Poison centres logged 3,412 calls."])
    assert (got is None) if reason is None else (got is not None and reason in got)


def test_a_pronoun_after_an_adjective_and_its_noun_has_an_antecedent():
    assert coherence.dangling_reason("Older people referred by their GP to walking clubs saw doctors less.", []) is None
    assert coherence.dangling_reason("Herbalists class it as an adaptogen.", [])


@pytest.mark.parametrize("sentence,dangling", [
    # a possessive is one thing, and the "its" after it can stand for it
    ("Kanna's benefits remain unproven and its long-term safety is unknown.", False),
    ("Until larger studies are done, kanna's benefits remain unproven and its safety is unknown.", False),
    # a contracted "is" is no possessive
    ("That's part of why it can be habit-forming.", True),
    ("Here's what it can do.", True),
    # a fronted clause's "it" that the main clause then names
    ("Although it is sold legally, kratom carries a risk of dependence.", False),
    ("Because of its potential for misuse, oxybate is available only through a restricted programme.", False),
    ("Until trials show that it helps, the authors concluded, the risks of low-dose quetiapine are hard to justify.",
     False),
    # the main clause names nothing it could stand for, or has a pronoun subject of its own
    ("If it is taken daily, the body gets used to it.", True),
    ("Because it can be mildly stimulating, some people feel jittery.", True),
    ("Because it was a one-time survey, it cannot show whether modafinil affected grades.", True),
])
def test_an_it_whose_antecedent_is_in_its_own_sentence(sentence, dangling):
    assert bool(coherence.dangling_reason(sentence, [])) is dangling


@pytest.mark.parametrize("sentence,fragment", [
    # a base form after a plural without "-s" is the verb
    ("For now, the data point to a signal rather than proof of a new problem.", False),
    ("Once men start, many find it hard to stop.", False),
    ("The men still chewing khat after the ban", True),
    ("Media contact: Ana Ruiz, 555-0142", True),
])
def test_a_verb_after_a_plural_without_s(sentence, fragment):
    assert bool(coherence.fragment_reason(sentence)) is fragment


@pytest.mark.parametrize("sentence", [
    "These data cannot establish how common misuse is.",
    "These self-reported data cannot establish how widespread use is.",
])
def test_a_studys_data_need_a_study_before_them(sentence):
    assert coherence.dangling_reason(sentence, ["Kratom is a plant sold as a supplement."])
    assert coherence.dangling_reason(sentence, ["In a survey of 2,000 young men, one in five had used kratom."]) is None


@pytest.mark.parametrize("sentence,previous,dangling", [
    ("These observational findings require confirmation in randomized trials.",
     "In adults without heart disease, phentermine use beyond a year was not associated with more heart attacks.", False),
    ("These self-reported data cannot show how common use is.",
     "Non-prescribed use was common among young men in this sample.", False),
    ("These findings require confirmation in randomized trials.", "Phentermine is a prescription weight-loss drug.", True),
])
def test_a_lead_that_states_a_result_introduces_its_findings(sentence, previous, dangling):
    assert bool(coherence.dangling_reason(sentence, [previous])) is dangling


@pytest.mark.parametrize("previous,dangling", [
    ("Of the 438 participants randomised, 391 completed 12 weeks.", False),
    ("Half the volunteers were given a placebo.", False),
    ("Of the 438 participants, 391 completed 12 weeks.", True),
])
def test_people_randomised_introduce_the_trial(previous, dangling):
    sentence = "The trial excluded people with a history of substance use disorder."
    assert bool(coherence.dangling_reason(sentence, [previous])) is dangling


@pytest.mark.parametrize("sentence,fragment", [
    ("To assess the effects of valerian compared with placebo on sleep outcomes in adults.", True),
    ("To assess the effects of valerian, we searched six databases.", False),
])
def test_an_aim_alone_is_a_fragment(sentence, fragment):
    assert bool(coherence.fragment_reason(sentence)) is fragment


@pytest.mark.parametrize("sentence,dangling", [
    ("Even so, the risk has not been ruled out for water-based kava.", True),
    ("Still, the risk remains for heavy drinkers of kava.", True),
    ("Still more people drink kava every year.", False),
])
def test_concessive_openers_point_back(sentence, dangling):
    assert bool(coherence.dangling_reason(sentence, ["Kava is a drink made from a root."])) is dangling


@pytest.mark.parametrize("sentence,previous", [
    ('"Millions of Americans use kratom responsibly," she said.',
     "As kratom extracts spread across Southern California, doctors say more patients ask for help to quit."),
    ("She also cautions that her study looked at few products.",
     "Under the 1994 Dietary Supplement Health and Education Act, supplements need no approval before sale."),
])
def test_a_place_or_a_law_introduces_no_person(sentence, previous):
    assert coherence.dangling_reason(sentence, [previous])


def test_a_contrast_inside_the_sentence_points_back_when_nothing_comes_before():
    sentence = "In the United Kingdom and much of Europe, by contrast, it generally requires a prescription."
    assert coherence.dangling_reason(sentence, [])
    assert coherence.dangling_reason("Valerian, however, is not approved in Canada.", ["Valerian is sold in the US."]) is None


@pytest.mark.parametrize("sentence,previous,dangling", [
    # a quantifier standing for a noun the lead has not named
    ("Most contain caffeine and other stimulants.", [], True),
    ("Several are sold online without a prescription.", ["Valerian is a herb."], True),
    ("Most contain caffeine and other stimulants.", ["Energy drinks are popular with teenagers."], False),
    ("Most energy drinks contain caffeine.", [], False),
    ("Most of the trials were small.", [], False),
    # a time that points back to an earlier one
    ("More recently, valerian gummies have appeared in supermarkets.", [], True),
    ("Since then, sales of valerian have doubled.", [], True),
    ("Nor could the team tell how many had a prescription.", ["Valerian was found in 40 cases."], True),
    ("Neither could the researchers say why.", [], True),
    # "these"/"those" + a noun in the first clause points back; after a comma, within the sentence
    ("The regulator added a boxed warning about these behaviours in 2019.", [], True),
    ("The regulator added a boxed warning about these behaviours in 2019.", ["Some users sleepwalk; such behaviours are rare."], False),
    ("There were rare reports of liver injury, although in many of these cases other herbs were involved.", [], False),
    ("Researchers gave volunteers valerian and asked these volunteers to keep diaries.", [], False),
    # a thing or a person the draft described before: "The jab was triamcinolone", "the Geelong
    # mother of three", "changes like these"
    ("The jab was triamcinolone, a long-acting steroid.", [], True),
    ("The powder was Phenibut, a drug developed in the 1960s.", [], True),
    ("The trial was open-label, and pain was self-reported.", ["Valerian was tested in a trial."], False),
    ("The body is 60% water.", [], False),
    ("Within a year, the Geelong mother of three was taking three times her dose.", ["Valerian is a herb."], True),
    ("Within a year, the Geelong mother of three was taking three times her dose.",
     ["Sarah Jones, 41, was prescribed valerian."], False),
    ("Call your doctor if you notice changes like these.", ["Valerian raises heart rate."], True),
    ("Call your doctor if you notice changes like these.", ["Some people notice mood changes."], False),
    ("Tell a doctor about mood changes, and about changes like these.", [], False),
    # a study, a person or a product the first sentence names as if introduced
    ("Four in five students who used the drugs got them from a friend.", [], True),
    ("Because the study was observational, it cannot prove that valerian caused the falls.", [], True),
    ("Because the study was observational, it cannot prove that valerian caused the falls.",
     ["Valerian users fell more often in a study of 20,000 adults."], False),
    ("Students who used the drugs sold online got them from a friend.", [], False),
    ("A new drug for sleep was approved, and the drug's maker expects sales to rise.", [], False),
    ("A pill for sleep was tested against the pill used today.", [], False),
    ("Teens in the high-scoring group were more likely to report low mood.", [], True),
    ("The powder was phenibut, a drug sold online.", ["Hospital admissions for phenibut rose."], True),
    ("The powder was phenibut, a drug sold online.", ["She bought a white powder online."], False),
    ("A letter about the risks of sleeping pills persuaded a third of readers to give up the drugs.", [], False),
    ("A program that changed how nurses talk to mothers before they leave the hospital cut opioid use.", [], False),
    # a comparison whose other side the lead has not given
    ("The picture is different when people take valerian in higher doses.", ["Valerian is a herb."], True),
    ("Other kinds of sleep aids work differently.", [], True),
    ("Valerian works differently from melatonin.", [], False),
    ("Valerian looks different in every shop.", [], False),
    # an object "them" is not its own clause's subject
    ("Most big supermarkets already refuse to sell them to children.", [], True),
    ("Researchers gave volunteers valerian and asked them to keep diaries.", [], False),
    ("Parents who find valerian pouches should take them away.", [], False),
    ("Most big supermarkets already refuse to sell them to children.", ["Valerian gummies are popular."], False),
    # one of a set the draft named before
    ("In one, a pilot study of valerian in 16 adults found no harm.", [], True),
    ("Of these, two were small.", ["Valerian was tested in five trials."], True),
    ("In one study, valerian shortened sleep onset.", [], False),
    ("At one of them, four students pass a valerian pipe back and forth.", [], True),
    ("At one clinic, four students were given valerian.", [], False),
    # "yet" opens on a contrast, as "but" does; "yet another" adds one more
    ("Yet for a drug sold openly in shops, valerian has barely been studied.", [], True),
    ("Yet another trial of valerian is under way in Ohio.", [], False),
    # the next step of a story
    ("Then a colleague suggested a valerian tea.", [], True),
    # "the 31-year-old …" is someone the draft introduced before
    ("The 31-year-old recruitment consultant had been taking valerian for a year.", [], True),
    ("The 31-year-old recruitment consultant had been taking valerian for a year.",
     ["Priya Nair started taking valerian to sleep."], False),
    ("A 31-year-old recruitment consultant had been taking valerian for a year.", [], False),
    ("The 12-week trial enrolled 80 adults.", ["Valerian was tested against a placebo in a trial."], False),
    # an institution or a combination the lead has not named
    ("The center said it had taken 43 calls about children.", ["Valerian tea is popular."], True),
    ("The center said it had taken 43 calls about children.", ["The Tulsa Poison Center logged the calls."], False),
    ("The combination can slow breathing.", ["Valerian is a herb."], True),
    ("The combination can slow breathing.", ["Some people take valerian in combination with alcohol."], False),
    # a share or a count of a group the lead has not named
    ("But 12% said they had taken more than their prescribed dose at least once.",
     ["Ketamine has been used as an anesthetic for more than 50 years."], True),
    ("About a third reported trouble sleeping.", [], True),
    ("But 12% said they had taken more than their prescribed dose at least once.",
     ["A survey of 1,806 adults prescribed ketamine found that most felt better."], False),
    ("About 12% of users said they had taken more than their prescribed dose.", [], False),
    # a count, as a share: of whom?
    ("Only 11 asked for a recent blood pressure reading.", ["Tom takes minoxidil for thinning hair."], True),
    ("Only 11 asked for a recent blood pressure reading.", ["Researchers posed as patients at 40 clinics."], False),
    ("Only 11 of the 40 clinics asked for a reading.", [], False),
    ("2019 saw sales double.", [], False),
])
def test_openers_that_count_or_date_from_what_came_before(sentence, previous, dangling):
    assert bool(coherence.dangling_reason(sentence, previous)) is dangling


def test_a_reported_clause_cut_before_its_verb_is_a_fragment():
    assert coherence.fragment_reason("Participants also reported that opioid withdrawal symptoms.") == \
        "a that-clause with no verb"
    assert coherence.fragment_reason("Participants reported that the symptoms faded within a day.") is None


@pytest.mark.parametrize("sentence,fragment", [
    # a single-quoted quotation that runs on into the next sentence
    ("Dr Lee said: 'We see lads who've been on and off for years and can't come off.", True),
    ("Side effects include a fall in 'good' HDL cholesterol.", False),
    ("The lads' parents were worried about it.", False),
    ("She said ‘it works’ and it’s cheap.", False),
    ("James’ mother was worried about the plant’s sap.", False),
])
def test_a_single_quote_left_open_is_a_fragment(sentence, fragment):
    assert bool(coherence.fragment_reason(sentence)) is fragment


def test_a_surname_that_is_also_a_word_counts_when_the_draft_quotes_the_person_by_it():
    text = ("Devon Marsh, an addiction medicine specialist, sees patients who combine the drug with alcohol. "
            "\"It's not nothing,\" Marsh told the site. The Marsh Road clinic opened in May.")
    names = coherence.surnames(text)
    assert "Marsh" in names
    assert "surname" in coherence.dangling_reason("Marsh recommended tapering the drug.", ["Calls rose."], names)


@pytest.mark.parametrize("sentence,leans", [
    ("Both of her kids take them most nights.", True),
    ("\"By the end I couldn't sleep without it,\" he said.", True),
    ("Doctors at Doncaster Royal Infirmary found he had been drinking four cans a day.", True),
    ("Jane Roe said her son was fine.", False),
    ("When Karen Bellamy found the cans, she assumed he had been hiding them.", False),
    ("A mother of two said her children sleep better.", False),
])
def test_a_persons_pronoun_the_sentence_does_not_introduce_leans_on_the_draft(sentence, leans):
    assert coherence.leans_on_a_person(sentence) is leans


def test_a_hospital_or_a_trust_named_before_a_pronoun_is_no_person():
    reason = coherence.dangling_reason("Doctors at Doncaster Royal Infirmary found he had been drinking four cans a day.", [])
    assert reason and "'he' refers to no one" in reason


def test_they_say_needs_people_in_the_plural_before_it():
    sentence = "Kava, they say, leaves no hangover."
    assert coherence.leans_on_a_person(sentence)
    assert "'they say' with no speaker" in coherence.dangling_reason(sentence, ["Kava bars are busy at night."])
    assert coherence.dangling_reason(sentence, ["Bar owners praise kava."]) is None


def test_a_claim_denied_with_otherwise_points_back():
    dangling_reason = coherence.dangling_reason
    s = "A new study from Platte Valley University suggests otherwise: a session exposed students to carbon monoxide."
    assert dangling_reason(s, []) is not None
    assert dangling_reason(s, ["Many students think hookah is harmless."]) is not None
    assert dangling_reason("Kava is often taken by otherwise healthy adults.", []) is None


def test_a_capitalised_word_after_an_article_or_inside_a_name_is_no_surname():
    surnames = coherence.surnames
    text = ("We searched the Cochrane Drugs and Alcohol Group register. Severity was measured with the Alcohol "
            "Dependence Scale and craving with the Penn Alcohol Craving Scale. Alcohol use disorder is common.")
    assert "Alcohol" not in surnames(text)


def test_a_name_with_an_accented_letter_is_a_person():
    surnames, tells_of_a_person = coherence.surnames, coherence.tells_of_a_person
    text = ("Rosa Villaseñor brought home two boxes of tea from a trip to Peru last fall. "
            "\"It's tea,\" said Villaseñor, 41, a nurse.")
    assert "Villaseñor" in surnames(text)
    assert tells_of_a_person(text.split(". ")[0] + ".")


@pytest.mark.parametrize("sentence, fragment", [
    ("Mirtazapine isn't a controlled substance, and unlike benzodiazepines such as diazepam.", True),
    ("Kava is legal, and unlike alcohol it is not thought to be addictive.", False),
    ("Take kava with food, and with plenty of water.", False),
])
def test_a_joined_part_cut_before_its_clause_is_a_fragment(sentence, fragment):
    assert bool(coherence.fragment_reason(sentence)) is fragment


@pytest.mark.parametrize("sentence, dangling", [
    # the verb is in the draft's sentence before ("Four antidepressants had not helped.")
    ("The ketamine, prescribed after a 25-minute video call with a nurse practitioner and mailed to her door, did.", True),
    ("Only a minority of users do.", True),
    ("Kava can't.", True),
    # the verb is in the sentence itself, or nothing is left out
    ("Some people say it helps, and some say it doesn't.", False),
    ("Most adults who try kava find that kava helps them sleep, though not everyone does.", False),
    ("Kava is a plant whose root is used to make a drink.", False),
])
def test_a_sentence_ending_on_a_bare_auxiliary_leans_on_the_one_before(sentence, dangling):
    from summarize.coherence import dangling_reason

    assert bool(dangling_reason(sentence, [])) is dangling
    assert bool(dangling_reason(sentence, ["Four antidepressants had not helped her."])) is dangling


@pytest.mark.parametrize("sentence, dangling", [
    ("After eight weeks, their average score on the PHQ-9 had fallen from 17 to 10.", True),
    ("Within six months, they had doubled their dose.", True),
    ("After eight weeks, participants' average score on the PHQ-9 had fallen from 17 to 10.", False),
    ("In the past five years, sales of kava have doubled.", False),
    # how often, then a demonstrative: the draft sentence before it said what "this" is
    ("In rare cases this can trigger a dangerous irregular heartbeat.", True),
    ("In rare cases the drops can trigger a dangerous irregular heartbeat.", False),
])
def test_a_span_of_time_before_a_pronoun_is_no_antecedent(sentence, dangling):
    from summarize.coherence import dangling_reason

    assert bool(dangling_reason(sentence, [])) is dangling


def test_a_conjunction_before_an_anaphoric_noun_does_not_hide_it():
    from summarize.coherence import dangling_reason

    before = ["Ketamine has been used as an anesthetic for more than 50 years."]
    assert dangling_reason("But the agency allows the spray to be given only in certified clinics.", before)
    assert not dangling_reason("But the Food and Drug Administration allows the spray only in clinics.", before)


@pytest.mark.parametrize("sentence, opens", [
    ("It also can't show whether the drug helps.", True),
    ("After eight weeks, their average score had fallen from 17 to 10.", True),
    ("Taken often, it can lead to tolerance.", True),
    ("Ketamine, an anaesthetic, can lead to tolerance.", False),
    ("In a survey of 1,806 adults, most said they felt better.", False),
])
def test_a_pronoun_subject_after_a_short_fronted_phrase_opens_the_sentence(sentence, opens):
    from summarize.coherence import opens_on_pronoun

    assert opens_on_pronoun(sentence) is opens


@pytest.mark.parametrize("sentence, told", [
    ("Use a decongestant spray for more than a few days and the blood vessels respond less.", True),
    ("Take it with food to avoid stomach upset.", True),
    ("Kava causes drowsiness in some people.", False),
    ("Decongestant sprays work within minutes.", False),
    ("The spray works within minutes.", False),
    ("Calls to poison control centers about tianeptine nearly quadrupled.", False),
    ("Sales this year rose by a third.", False),
])
def test_a_sentence_that_tells_the_reader_what_to_do(sentence, told):
    from summarize.coherence import imperative

    assert imperative(sentence) is told


@pytest.mark.parametrize("sentence, previous, dangling", [
    # a particular piece of research the lead has not introduced; research in general stands alone
    ("The research, published in JAMA Pediatrics, followed 2,000 teenagers.", [], True),
    ("The research was funded by a supplement maker.", [], True),
    ("The research on kava and anxiety is limited.", [], False),
    ("The research is still thin.", [], False),
    ("The research backing it for insomnia on its own is thin and short-term.", [], False),
    ("The research, published in JAMA Pediatrics, followed 2,000 teenagers.",
     ["A new study links energy drinks to poor sleep in teenagers."], False),
    # a study named through its modifiers ("the 12-week trial", "the new study")
    ("The 12-week trial enrolled 300 adults with insomnia.", [], True),
    ("The new study found no benefit for sleep.", [], True),
    ("The first large trial of kava found no benefit for sleep.", [], False),
    # a fronted phrase naming a study, its end or its follow-up
    ("At the end of the trial, pain scores had fallen by a third.", [], True),
    ("Over the 12-week follow-up, relapse rates were similar in both groups.", [], True),
    ("In the study, 40% of daily users reported withdrawal symptoms.", [], True),
    ("At the end of the trial, pain scores had fallen by a third.",
     ["A trial of kava in 200 adults with anxiety found modest benefits."], False),
    ("Over the 12-week follow-up, relapse rates were similar in both groups.",
     ["A randomized study compared two doses of kava."], False),
    ("In the United States, kava is sold as a dietary supplement.", [], False),
    ("By the end of the 19th century, kava was drunk across the Pacific.", [], False),
    # "also" early in the opening adds to something the lead has not said
    ("Tolerance is also common among daily users.", [], True),
    ("Long-term use of kava can also damage the liver.", [], True),
    ("There is also a risk of dependence.", [], True),
    ("Tolerance is also common among daily users.", ["Kava can cause dependence."], False),
    ("Kava is also known as awa in Hawaii.", [], False),
    ("Kava, also known as awa, is a drink made from a Pacific root.", [], False),
    ("Kava not only relaxes the muscles but also lifts the mood.", [], False),
    # a share of studies the lead has not named
    ("Only two of the studies found a measurable improvement in snoring.", [], True),
    ("Only two of the studies found a measurable improvement in snoring.", ["A review pooled ten studies of mouth taping."],
     False),
    ("Most of the people who tried it slept no better.", [], False),
    # a pair the lead has not introduced
    ("Both doctors stressed that no one should stop the drug suddenly.", [], True),
    ("Both groups improved over the 12 weeks.", ["Kava eased anxiety in older adults."], True),
    ("Both doctors stressed that no one should stop the drug suddenly.",
     ["Dr. Ana Ruiz, a geriatrician, and Dr. Tom Lee, a sleep physician, reviewed the study."], False),
    ("Both groups improved over the 12 weeks.", ["A trial compared kava with placebo in two groups of adults."], False),
    ("Both men and women reported fewer hot flushes.", [], False),
    ("Both of her kids take the gummies most nights.", ["Jessica Lee keeps melatonin gummies in her kitchen."], False),
    ("Both of them said the drug should not be stopped suddenly.", ["Kava eased anxiety in a small trial."], True),
    # … however much "and" follows it: "before and after" is no second member of the pair
    ("Both studies were controlled before and after studies of moderate risk of bias.", [], True),
    ("Both oral and topical forms are sold.", [], False),
    ("Both prescription drugs and supplements can interact with it.", [], False),
    ("Neither trial reported on quality of life.", [], True),
    ("Neither trial reported on quality of life.", ["Two trials compared kava with placebo."], False),
    ("Neither the patient nor the doctor knew what was in the pills.", ["Kava is sold online."], False),
    # one of a set the lead has not named
    ("Two of them had seizures.", [], True),
    ("Two of them had seizures.", ["Doctors treated five teenagers after the party."], False),
    ("In three of these it was reported that chest physiotherapy increased clearance.", [], True),
    ("One of them is kava.", [], True),
    ("The remaining study assessed probiotics for diarrhoea.", [], True),
    ("The remaining study assessed probiotics for diarrhoea.", ["Three studies tested probiotics against placebo."], False),
    ("The other trial found no effect on sleep.", ["Kava is sold online."], True),
    ("The latter was stopped early because of side effects.", [], True),
    ("The remaining participants of the trial were followed for a year.", [], True),
    ("The other day a teenager arrived with a racing heart.", [], False),
    ("All seven had fundamental problems including high exclusion rates.", [], True),
    ("All seven trials had fundamental problems including high exclusion rates.", [], False),
    # a count standing for its noun
    ("Nearly all were men aged 18 to 30.", [], True),
    ("Seven compared clobazam with placebo.", [], True),
    ("Seven compared clobazam with placebo.", ["Nine trials of clobazam were found."], False),
    ("Eleven studies were included.", [], False),
    # a study's result, and a concern bigger than one the lead has not named
    ("Dr Rolando Tzib said the result had been badly misread online.", ["Staff counted 23 patients."], True),
    ("Dr Lee said the study was small.", ["A new study of kava found benefits."], False),
    ("A nurse said the bigger danger was low blood sugar.", ["Staff counted 23 patients."], True),
    ("A nurse said the bigger danger was low blood sugar.", ["High blood sugar is a risk for some patients."], False),
    # a person named by one name and an age is introduced
    ("Kwabena, 24, a trotro mate from Kasoa, says he took his first tablet two years ago.", [], False),
    # a body's name is no person's ("Ministry of Health said")
    ("Samoa's Ministry of Health said it had begun a review of soursop products.", [], False),
    # an "it" whose question follows is no reference
    ("It is unclear how much gas is needed to cause lasting damage.", [], False),
    ("It is also unclear how much gas is needed to cause lasting damage.", ["Nitrous oxide can damage the spine."], False),
    ("It is not yet known whether the damage can be reversed.", [], False),
    ("It is also sold in cafes.", [], True),
])
def test_openers_that_lean_on_a_study_or_a_point_the_lead_has_not_made(sentence, previous, dangling):
    from summarize.coherence import dangling_reason

    assert bool(dangling_reason(sentence, previous)) is dangling


@pytest.mark.parametrize("sentence, previous, dangling", [
    # a speech tag closing the sentence names a speaker the lead must have introduced; a person
    # the reported advice mentions ("a clinician", "a doctor") is not who said it
    ("Students who cannot cut back should talk with a clinician at their campus health service, she said.", [], True),
    ("People who snore loudly should talk to a doctor before trying tape, he says.", [], True),
    ("Students who cannot cut back should talk with a clinician at their campus health service, she said.",
     ["Dr. Lena Abbott, a dermatologist at Halvorsen University, led the survey."], False),
    ("Dr. Lena Abbott recommends seeing an eye doctor rather than quitting on your own, she said.", [], False),
    # a speaker introduced before the tag in the same sentence still counts
    ("A pharmacist who asked not to be named said she sees several cases of kratom dependence every week.", [], False),
])
def test_a_closing_speech_tag_needs_its_speaker_in_the_lead(sentence, previous, dangling):
    from summarize.coherence import dangling_reason, leans_on_a_person

    assert bool(dangling_reason(sentence, previous)) is dangling
    if not previous:
        assert leans_on_a_person(sentence) is dangling


@pytest.mark.parametrize("sentence, fragment", [
    ("Curcumin supplements may interact with several kinds of medicine, including.", True),
    ("Side effects can be serious, such as.", True),
    ("The most common side effects are the following.", True),
    ("Curcumin supplements may interact with blood thinners, including warfarin.", False),
    ("Take it with food whenever you like.", False),
    ("Doctors have long warned about these.", False),
])
def test_a_lists_lead_in_without_its_list_is_a_fragment(sentence, fragment):
    assert bool(coherence.fragment_reason(sentence)) is fragment


@pytest.mark.parametrize("sentence,fragment", [
    ("rTMS may reduce craving in the short term.", False),
    ("mRNA vaccines were given to all participants.", False),
    ("and then it stopped working.", True),
    ("the end of the trial came early.", True),
])
def test_a_term_with_a_small_first_letter_starts_a_sentence(sentence, fragment):
    assert (coherence.fragment_reason(sentence) == "starts lower-case") is fragment


@pytest.mark.parametrize("sentence,pronoun", [
    ("These are generally considered gentler for longer-term use.", True),
    ("This can make withdrawal worse.", True),
    ("These laxatives are gentler.", False),
])
def test_a_demonstrative_standing_alone_as_the_subject_opens_on_a_pronoun(sentence, pronoun):
    # the planner lets such a sentence follow only its own draft neighbour in the lead
    assert coherence.opens_on_pronoun(sentence) is pronoun


@pytest.mark.parametrize("before,person", [
    ("Doctors at the Royal Severnside Hospital say they treated 14 adults.", False),  # a hospital's name
    ("By February I was drinking three litres of water a day.", False),  # a month after a function word
    ("When Karen Bellamy found the cans, she called a doctor.", True),
    ("On Monday Jane Okafor said the gummies were unsafe.", True),
])
def test_a_place_or_a_month_is_no_person_a_she_can_stand_for(before, person):
    assert coherence.introduces_person(before) is person
    assert (coherence.dangling_reason('"I felt awful," she said.', [before]) is None) is person


@pytest.mark.parametrize("sentence, previous, dangling", [
    # a group from a study
    ("Some women in the study were getting new pellets every eight weeks.", ["Hormone pellets are big business."], True),
    ("Patients in the trial slept better.", ["Valerian is a herb."], True),
    ("Some women in the study were getting new pellets.", ["A study of 400 women found pellets raise levels."], False),
    ("People in the UK buy it online.", ["Valerian is a herb."], False),
    # a share of a counted set
    ("None of the 14 pots carried the health warnings that the law requires.", ["Doctors say the snuff holds nicotine."], True),
    ("Three of the 40 participants stopped early.", ["Valerian is a herb."], True),
    ("None of the 14 pots carried the health warnings.", ["A lab tested 14 products bought online."], False),
    ("Most of the trials were small.", ["Valerian is a herb."], False),
    # the best of results
    ("The clearest effects were seen in people with high stress.", ["Ashwagandha is a shrub used in Ayurveda."], True),
    ("The clearest effects were seen in people with high stress.", ["Several small trials found ashwagandha eased stress."], False),
    ("The main effects of kava are calming.", ["Kava is a drink."], False),
    # a subject like something
    ("Rituals like this can become something players come to rely on.",
     ["Several players described the capsules as a habit they found hard to skip."], True),
    ("Rituals like this can become a habit.", ["Players snap a capsule before every game, a ritual they repeat."], False),
    # a product the lead has not named ("The patch contains …", "the videos")
    ("The patch contains scopolamine, one of the oldest motion sickness medicines.", [], True),
    ("The patch contains scopolamine.", ["A small patch worn behind the ear can help."], False),
])
def test_what_a_sentence_presupposes_must_be_in_the_lead(sentence, previous, dangling):
    # a group from a study, a share of a counted set, the best of results, a subject "like this"
    assert (coherence.dangling_reason(sentence, previous) is not None) == dangling


@pytest.mark.parametrize("sentence, story", [
    ("A YOGA teacher has told how a sacred snuff at a retreat left her hooked on nicotine for two years.", True),
    ("A mum-of-two has revealed how her son collapsed after a vape.", True),
    ("A new report has described how pharmacies sell kratom.", False),
    # someone named with their age (a first name that is also a word, too), a tabloid's person speaking
    ("Jade Parkinson was 29 when a friend at her gym first showed her a vial of powder.", True),
    ("Lauren Stokes, 34, listens to ASMR videos before bed.", True),
    ("Dr Ana Ruiz, 54, a toxicologist, said the drug is risky.", False),
    ("Later, the mum-of-two says she wishes she had never touched it.", True),
    ("The 31-year-old told the paper she was hooked.", True),
    ("A 45-year-old man died after taking the pills, police said.", False),
])
def test_a_tabloids_told_how_lede_is_an_anecdote(sentence, story):
    assert coherence.anecdotal(sentence) == story


def test_an_audit_introduces_its_authors():
    lead = ["Nerve damage from nitrous oxide keeps climbing, according to an audit by neurologists in England."]
    assert coherence.dangling_reason("The authors acknowledge that their figures cannot say why.", lead) is None
    assert coherence.dangling_reason("The audit found more cases.", ["Valerian is a herb."]) is not None


def test_a_she_after_the_surname_that_says_it_leans_on_no_one_else():
    said = "Abernethy-Okoye said she has seen patients who came to rely on a hangover routine."
    assert not coherence.leans_on_a_person(said)
    assert coherence.dangling_reason(said, []) is not None  # the surname still needs its introduction
    lead = ["For Dr. Celeste Abernethy-Okoye, an addiction physician, the bigger worry is drinking."]
    assert coherence.dangling_reason(said, lead) is None
    assert coherence.leans_on_a_person("She said she has seen patients who came to rely on it.")


def test_a_word_inside_a_longer_name_is_no_surname():
    text = ("Sione Fa'amoe-Radford, a clinical lead at the Te Whanganui-a-Tara Gambling Harm Service, said so. "
            "Figures from the national Gambling Helpline show a rise. Clients score high on the Problem Gambling "
            "Severity Index. Kieran Dale runs a shop. For months Dale had used kratom.")
    names = coherence.surnames(text)
    assert "Gambling" not in names and {"Fa'amoe-Radford", "Dale"} <= names, names


@pytest.mark.parametrize("sentence, dangling", [
    # a dummy "it": what it stands for follows ("to sell …", "for teens to stop", "that you …")
    ("It is illegal to sell e-cigarettes to anyone under 21.", False),
    ("It is hard for teens to stop.", False),
    ("It's important that you see a doctor.", False),
    ("It is recommended to see a doctor first.", False),
    # the drug, not a dummy: "for" with no "to" after it, a participle before "to", "It's that …"
    ("It is not licensed for alcohol use disorder in any country.", True),
    ("It is thought to reduce craving.", True),
    ("It is often used to treat pain.", True),
    ("It's that this is a drug with real dependence potential.", True),
    # a question about a bare demonstrative ("how common this is"): the draft's sentence before says what it is
    ("It is not clear how common this is, because the evidence comes mostly from case reports.", True),
    ("Nobody knows whether that lasts.", True),
    ("It is unclear whether this drug is safe.", False),
    ("Researchers asked how common withdrawal is.", False),
])
def test_a_pronoun_that_stands_for_nothing_in_its_sentence_needs_what_it_points_to(sentence, dangling):
    assert bool(coherence.dangling_reason(sentence, [])) is dangling


def test_a_second_reported_clause_cut_before_its_verb_is_a_fragment():
    cut = ("He said anyone with bladder pain should see a doctor, and that treatment for ketamine dependence, "
           "including counseling and support groups.")
    assert coherence.fragment_reason(cut) == "a that-clause with no verb"
    assert coherence.fragment_reason(cut[:-1] + ", is available in the county.") is None
    assert coherence.fragment_reason("She said the drug works, and that patients, such as older adults, "
                                     "tolerate it well.") is None


def test_a_first_name_that_is_also_a_word_introduces_the_surname_after_a_title():
    names = frozenset({"Gallagher-Huang", "Reyes"})
    said = '"There is no modern trial," said Professor Tom Gallagher-Huang, an addiction psychiatrist.'
    assert coherence.dangling_reason(said, [], names) is None
    # without one, a capitalised word may be any word ("Yesterday Reyes said …")
    assert "surname" in coherence.dangling_reason("Yesterday Reyes said it works.", [], names)



@pytest.mark.parametrize("a, b, same", [
    # a short fact that names the subject and one word of a long finding repeats nothing
    ("Prescriptions of the antipsychotic valerian for people with no record of psychosis have more than doubled, "
     "with many patients apparently being given the drug to help them sleep.",
     "Valerian is not a controlled drug in the UK.", False),
    ("Valerian may reduce heavy drinking days in adults with alcohol use disorder, but the evidence is of low "
     "certainty, and it is uncertain whether any benefit outweighs the frequent side effects.",
     "Valerian is not licensed for alcohol use disorder in any country.", False),
    # the same warning twice, in other words
    ("It's crucial to approach valerian with caution, as it can interact with other medicines.",
     "It is crucial to approach valerian with caution because of interactions with medicines.", True),
    # the same figure about the same thing; the same figure about different things
    ("A survey of 640 adults finds one in four drinks valerian tea daily, many believing it is harmless.",
     "One in four said they drank valerian tea every day.", True),
    # a confidence level in brackets is no figure of the sentence's own
    ("Valerian may slightly reduce insomnia severity (MD -2.3, 95% CI -4.1 to -0.5; 3 trials).",
     "Valerian may make little or no difference to total sleep time (MD 4.2, 95% CI -9.8 to 18.1; 2 trials).", False),
    ("One in four teens said they had tried valerian tea at a party last year.",
     "One in four parents said they did not know what valerian was or where it is sold.", False),
])
def test_same_meaning_is_more_than_sharing_the_subject(a, b, same):
    assert coherence.same_meaning(a, b) is same


def test_it_in_a_tough_construction_is_what_is_hard_to_give_up():
    # "It's harder to give up than cigarettes": "it" is the thing given up, not a dummy
    assert coherence.dangling_reason("It's harder to give up than the cigarettes ever were.", [])
    assert coherence.dangling_reason("It is hard to stop.", [])
    # with its object the infinitive's "it" is a dummy, as before
    assert coherence.dangling_reason("It is hard to stop using kratom.", []) is None


def test_a_spelled_out_share_of_a_group_the_lead_has_not_named_dangles():
    assert coherence.dangling_reason("Seventeen per cent said they had used modafinil in the past year.", [])
    assert coherence.dangling_reason("Seventeen per cent said they had used modafinil in the past year.",
                                     ["A survey questioned 1,140 students preparing for exams."]) is None


def test_a_group_named_by_a_capitalised_plural_before_a_speech_verb_is_no_surname():
    assert coherence.dangling_reason("Pharmacists told The Herald that sales of gummies have risen.", []) is None
    assert coherence.dangling_reason("Marsh told reporters that sales of gummies have risen.", [])


def test_a_definite_that_its_relative_clause_defines_opens_a_lead():
    # the clause says which pills, its "that" dropped or kept
    assert coherence.dangling_reason("The pills people reach for when a headache strikes may be keeping some of "
                                     "them in pain, specialists say.", []) is None
    assert coherence.dangling_reason("The study that tracked 4,000 nurses found more falls.", []) is None
    assert coherence.dangling_reason("The study found more falls.", [])


def test_the_people_a_story_gives_an_age_are_its_anecdotes_people():
    text = ("Denise Caldwell, 45, noticed the smell first. Then Tyler, 17, stopped eating dinner. "
            "Dr. Aaron Feldstein, an adolescent psychiatrist, said 20 teens were treated.")
    assert coherence.aged_people(text) == {"Caldwell", "Tyler"}


def test_two_unknown_words_after_a_preposition_of_place_are_a_place_not_a_person():
    text = ("Psychiatrists say more students are hooked on etizolam, which is not registered in Sri Lanka. "
            "In Sri Lanka it is sold in foil strips. Dr. Nuwan Dissanayake said the unit was full. "
            "Dissanayake said cases doubled.")
    assert coherence.surnames(text) == {"Dissanayake"}
    assert not coherence.tells_of_a_person("Students are hooked on etizolam, which is not registered in Sri Lanka.")
    assert not coherence.tells_of_a_person("Drip bars have spread from Las Vegas casinos to strip malls.")
    assert coherence.tells_of_a_person("The letter from Debra Ketterman-Sousa's pain clinic arrived in 2019.")
    # a person named after "in" once and elsewhere as a person stays a person
    text = "In Darren Mallett's case, the dose was doubled. Darren Mallett walks to the clinic. Mallett said so."
    assert "Mallett" in coherence.surnames(text)


def test_a_place_is_never_shortened_like_a_surname():
    from summarize.normalize import name_people

    prose = ("Etizolam is not registered in Sri Lanka, psychiatrists say. In Sri Lanka it is sold in strips. "
             "Importing it is an offence in Sri Lanka.")
    lead = ["Etizolam is not registered in Sri Lanka, psychiatrists say.", "Importing it is an offence in Sri Lanka."]
    assert name_people(lead, prose) == lead


def test_the_data_or_the_figures_need_the_source_they_come_from():
    assert coherence.dangling_reason("The data show that 61,400 people filled a prescription last year.", [])
    assert coherence.dangling_reason("The data show that 61,400 people filled a prescription.",
                                     ["Prescriptions rose by a third, national data show."]) is None


def test_a_saint_in_a_plants_name_is_no_person():
    text = "St John's wort is a herb. Doctors say St John's wort interacts with the pill. St John's wort is sold widely."
    assert "John" not in coherence.surnames(text)


@pytest.mark.parametrize("sentence, dangling", [
    ("Two years ago a clinic nurse told her that her blood pressure was dangerously high.", True),
    ("A doctor gave her a prescription.", True),
    ("Dr Ana Ruiz told her patient to stop.", False),
    ("Jane Doe said a nurse told her to stop.", False),
])
def test_her_as_the_object_of_someone_elses_verb_needs_a_person_before_it(sentence, dangling):
    assert bool(coherence.dangling_reason(sentence, [])) is dangling
