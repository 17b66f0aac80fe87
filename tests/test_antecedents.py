"""Restoring what a sentence leans on from the draft sentences before it (``summarize.antecedents``).
All texts are short fixtures written for these tests."""
from __future__ import annotations

import pytest

from summarize import antecedents
from summarize.antecedents import inserted, restore, subject_phrases

NAMES = frozenset({"Delacroix", "Achebe", "Okafor", "Kessler-", "Lauren"})  # (a first name the draft uses alone too)


@pytest.mark.parametrize("sentence, before, expected", [
    # a speaker pronoun: the one person the nearest sentence naming anyone names
    ('"We honestly don\'t know what weekly use does," she said.',
     ["Dr. Lauren Achebe runs the clinic.", "The drips cost $200."],
     '"We honestly don\'t know what weekly use does," Achebe said.'),
    ("She describes the findings as a warning sign rather than proof.",
     ["Lianne Okafor has studied gamblers for a decade."],
     "Okafor describes the findings as a warning sign rather than proof."),
    ("But, he added, nobody has followed users for years.", ["Okafor led the survey."],
     "But, Okafor added, nobody has followed users for years."),
    # … after "and" or "but" inside the sentence
    ("The work was done in dishes, and he said it could not show that the oil heals wounds.",
     ["The lead researcher, Dr. Lauren Okafor, played down the results."],
     "The work was done in dishes, and Okafor said it could not show that the oil heals wounds."),
    # reporters: "They" for the researchers the sentence before names
    ("They also noted that the trial was too short to show whether people stayed off the drugs.",
     ["The researchers, from Leeds, enrolled 200 people."],
     "The researchers also noted that the trial was too short to show whether people stayed off the drugs."),
    # the subject, as the sentence before writes it
    ("It can be part of a routine, but most of its benefits are unconfirmed in human trials.",
     ["Yerba mate is a tea from South America."],
     "Yerba mate can be part of a routine, but most of its benefits are unconfirmed in human trials."),
    ("They are not a substitute for sleep, and regular use can lead to tolerance.",
     ["Caffeine pills are sold in every pharmacy."],
     "Caffeine pills are not a substitute for sleep, and regular use can lead to tolerance."),
    ("Its long-term safety is unknown.", ["Kanna, a succulent, is sold online."], "Kanna's long-term safety is unknown."),
    # after a fronted phrase
    ("Taken with alcohol, they deepen sedation.", ["Caffeine pills are sold in every pharmacy."],
     "Taken with alcohol, caffeine pills deepen sedation."),
    # "Those who …": the group the study's sentence before names, with its age and adjectives, not its count
    ("Those who began the pills had a 22% higher rate of falls.",
     ["The team examined records for 186,400 adults aged 65 and older who started a sleep medicine."],
     "Adults aged 65 and older who began the pills had a 22% higher rate of falls."),
    ("Those who drank it daily slept longer.", ["The trial recruited 120 healthy older volunteers."],
     "Healthy older volunteers who drank it daily slept longer."),
    # a definite noun phrase of the same number opening the sentence before
    ("It came from a single practice and relied on what patients remembered.", ["The review had limits."],
     "The review came from a single practice and relied on what patients remembered."),
    ("It found that 30% relapsed within a year.", ["The study followed 500 kanna users."],
     "The study found that 30% relapsed within a year."),
    ("They were small and short.", ["The two trials had no placebo group."], "The two trials were small and short."),
    # a quote with no speaker: the speaker of the quote before, in that quote's tense
    ('"But they can become a habit that is very hard to stop."',
     ['"The drops aren\'t addictive the way drugs are," Okafor said.'],
     '"But they can become a habit that is very hard to stop," Okafor said.'),
    ('"Is it worth the risk?"', ['"Nobody has tested it," says Dr. Lauren Achebe, who runs the clinic.'],
     '"Is it worth the risk?" Achebe says.'),
    # … where that quote's speaker is "he"/"she": the person named before it
    ('"But it can become a habit."', ["Dr. Lauren Achebe runs a clinic in Leeds.", '"Most people are fine," she said.'],
     '"But it can become a habit," Achebe said.'),
    # … or a description of them ("said the now 17-year-old"): the one person named before
    ('"I couldn\'t stop."', ["Okafor was 15 when his mother found out.", '"I\'d buy a pack," said the now 17-year-old.'],
     '"I couldn\'t stop," Okafor said.'),
    # … further back along a run of sentences about that person, a quote of several sentences too
    ('"Get some advice."', ["Dr. Lauren Achebe has seen three cases.", 'She said: "It makes people sleepy.',
                            "It can also cause a dry mouth.", '"These syrups are made abroad."',
                            "She added that there was almost no research.", '"Talk to your GP first," she said.'],
     '"Get some advice," Achebe said.'),
    # a term the sentence before named at its end
    ("The term describes searching for symptoms until it makes you anxious.",
     ["Researchers have a name for this: cyberchondria."],
     "The term cyberchondria describes searching for symptoms until it makes you anxious."),
    ("The term was coined in 2012.", ['The habit is known as "doomscrolling."'],
     'The term "doomscrolling" was coined in 2012.'),
])
def test_a_pronoun_gets_what_the_draft_says_it_stands_for(sentence, before, expected):
    subjects = subject_phrases(" ".join(before) * 2, frozenset({"mate", "yerba", "caffeine", "pills", "kanna"}))
    assert restore(sentence, before, NAMES, subjects) == expected


@pytest.mark.parametrize("sentence, before", [
    # two people in the sentence before: which one is "she"?
    ('"Nobody has studied it," she said.', ["Rosa Delacroix met Dr. Lauren Achebe at the clinic."]),
    # the sentence names its own person; "she" is hers, not the earlier one's
    ("Dr. Lauren Achebe said she has seen patients who depend on weekly infusions.", ["Rosa Delacroix went weekly."]),
    ("A pharmacist at the clinic said she has seen patients who rely on weekly infusions.",
     ["Rosa Delacroix went weekly."]),
    # the sentence before is not about the subject ("It" may be the study)
    # … and "It" after a plural noun phrase, "They" after a singular one
    ("It was small.", ["The two trials had no placebo group."]),
    ("They were small.", ["The review had limits."]),
    # a quote after a quote that two people share, or after no quote at all
    ('"Nobody knows."', ['"It is new," Okafor and Achebe said.']),
    ('"Nobody knows."', ["Okafor runs the clinic."]),
    # a sentence more than a quote has its own frame
    ('"Nobody knows," the label says.', ['"It is new," Okafor said.']),
    ("It contains melatonin.", ["Sales of tart cherry juice have soared."]),
    ("Combined with antidepressants, they can trigger serotonin syndrome.", ["Those compounds are MAO inhibitors."]),
    # an expletive "It" stands for nothing
    ("It is unclear whether the benefits last.", ["Kanna is a succulent."]),
    # no researchers before "They"
    ("They cautioned that the sample was small.", ["Kanna is a succulent."]),
    # "they" inside a clause is the people the sentence talks about, not a speaker
    ("Users who want to stop should seek help if they find they can't.", ["The researchers asked 300 users."]),
    # … but not past the usual reach along sentences about something else
    ('"Get some advice."', ["Dr. Lauren Achebe has seen three cases.", "The syrup is sold online.",
                            "Sales rose in 2024.", "Regulators are looking at it.", '"Talk to your GP first," she said.']),
    # a surname the draft hyphenates is not known whole: no half name
    ('"Nobody knows," she said.', ["Dr. Ana Kessler-Obi runs the lab, Kessler- said."]),
    # two groups before "Those who": which one?
    ("Those who took the pills fell more often.", ["The study followed 300 older adults and 40 nurses."]),
    ("Those who took the pills fell more often.", ["Kanna is a succulent."]),
    # "she said" with two people named before it; a term with nothing named before it
    ('"But it can become a habit."', ["Rosa Delacroix met Dr. Lauren Achebe.", '"Most people are fine," she said.']),
    ("The term describes searching for symptoms.", ["Researchers have studied this."]),
])
def test_no_single_reading_no_rewrite(sentence, before):
    subjects = subject_phrases(" ".join(before) * 2, frozenset({"kanna", "cherry", "juice"}))
    assert restore(sentence, before, NAMES, subjects) is None


def test_the_subject_is_named_as_the_draft_always_writes_it():
    text = ("Yerba mate is a tea. Many people drink yerba mate daily. Yerba mate's caffeine adds up. "
            "Tart cherry juice is sour. A glass of tart cherry juice has melatonin.")
    assert subject_phrases(text, frozenset({"yerba", "cherry"})) == ["tart cherry juice", "yerba mate"]


def test_what_a_restoration_put_in_is_reported():
    assert inserted('"No one knows," she said.', '"No one knows," Dr. Ana Ruiz, a toxicologist, said.') == [
        "Dr. Ana Ruiz, a toxicologist,"]
    assert inserted("Kanna helps.", "Kanna helps.") == []


def test_the_subjects_article_comes_with_it():
    # "Drug is sold online" lost the draft's "The"
    before = ["The drug she was using, melanotan, is a lab-made copy of a natural hormone."]
    assert restore("It is sold online under nicknames.", before, NAMES, ["drug"]) == "The drug is sold online under nicknames."
    assert restore("Its effects on moles are unknown.", before, NAMES, ["drug"]) == "The drug's effects on moles are unknown."


def test_a_name_with_a_number_after_its_hyphen_is_the_subject_whole():
    from summarize.antecedents import subject_phrases
    from summarize.caveats.nlp import topic_terms

    text = ("BPC-157 is a peptide sold online. Users inject BPC-157 daily. Regulators say BPC-157 is untested. "
            "Athletes buy BPC-157 from websites, and BPC-157 is banned in sport.")
    topic = topic_terms(text)
    assert "bpc" in topic  # the letters, as the tokenizer splits "BPC-157", not "bpc-"
    assert "bpc-157" in subject_phrases(text, topic)


@pytest.mark.parametrize("sentence, before, expected", [
    # the product introduced again with the words the draft first described it with
    ("The syrup, sold under the brand name Curvexa, contains cyproheptadine.",
     ['A mother who drank an unlicensed "curves" syrup bought online says it left her drowsy.'],
     'An unlicensed "curves" syrup, sold under the brand name Curvexa, contains cyproheptadine.'),
    ("The patch contains scopolamine.", ["Sailors wear a small skin patch behind the ear."],
     "A small skin patch contains scopolamine."),
    # nothing that describes it, or a container rather than a description: left alone
    ("The patch contains scopolamine.", ["Sailors wear a patch."], None),
    ("The syrup contains sugar.", ["She bought a bottle of syrup."], None),
    ("The syrup contains sugar.", [], None),
])
def test_a_product_opening_is_introduced_as_the_draft_introduced_it(sentence, before, expected):
    from summarize.antecedents import reintroduced

    assert reintroduced(sentence, before) == expected


def test_a_finding_its_researchers_report_is_said_generically():
    from summarize.antecedents import generic_researchers

    assert generic_researchers("The researchers found that 34 per cent of regular chewers had early signs of "
                               "fibrosis.") == "Researchers found that 34 per cent of regular chewers had early signs of fibrosis."
    # their method, or a finding without "that", is no such sentence
    assert generic_researchers("The researchers recruited 412 students.") is None
    assert generic_researchers("Researchers found that most chewers began young.") is None


def test_a_persons_case_is_restored_to_their_name():
    before = ["When Tamsin Okafor, 58, started drinking noni juice, she felt fine.", "Six weeks later she collapsed."]
    assert restore("Her case is one of 11 that doctors have linked to noni juice.", before, NAMES) == \
        "Okafor's case is one of 11 that doctors have linked to noni juice."


@pytest.mark.parametrize("title, expected", [
    ("Samoa reviews soursop leaf tea as cancer patients skip treatment",
     "Doctors said patients had delayed surgery in favour of the soursop leaf tea."),
    # a headline in Title Case says nothing about how its words are written in a sentence
    ("Samoa Reviews Soursop Leaf Tea As Cancer Patients Skip Treatment", None),
    ("Doctors warn about bush remedies", None),
])
def test_a_thing_named_with_the_is_named_as_the_headline_names_it(title, expected):
    sentence = "Doctors said patients had delayed surgery in favour of the tea."
    assert antecedents.named_as_titled(sentence, title) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Mrs Price is one of hundreds of people across south-east Wales who have been switched from oxazepam.",
     "Hundreds of people across south-east Wales have been switched from oxazepam."),
    ("Marisol Henning is one of a growing number of Canadians who are using kratom for pain.",
     "A growing number of Canadians are using kratom for pain."),
    ("Henning is one of the founders of the clinic.", None),
    ("Brian Otieno is one of a growing number of young Kenyan men using sildenafil with no medical need for it.",
     "A growing number of young Kenyan men are using sildenafil with no medical need for it."),
    ("He is one of hundreds of people during the outbreak who lost work.", "Hundreds of people during the outbreak lost work."),
    ("Dylan Reyes is one of millions of American teenagers for whom gaming is a central part of life.", None),
    ("Ana Cruz is one of a growing number of workers in the business process outsourcing industry who are "
     "turning to sleeping pills.",
     "A growing number of workers in the business process outsourcing industry are turning to sleeping pills."),
    # the relative clause's verb is the speakers': they say it after the news
    ("Jarrod Potae is one of a growing number of people across the region who addiction workers say are "
     "misusing cyclizine.", "A growing number of people across the region are misusing cyclizine, addiction workers say."),
    ("Mr Banda is one of a growing number of men who doctors in the capital say are turning up at clinics.",
     "A growing number of men are turning up at clinics, doctors in the capital say."),
])
def test_a_nut_graf_told_through_one_person_is_the_news_about_the_many(sentence, expected):
    assert antecedents.generalised(sentence) == expected


@pytest.mark.parametrize("sentence, before, expected", [
    ("When people in that cycle stop, the rebound headache can be severe for a week.",
     "Taking it too often can trap people in a cycle of medication-overuse headache, in which the drug causes pain.",
     "When people in a cycle of medication-overuse headache stop, the rebound headache can be severe for a week."),
    # two introductions: no single reading; the sentence's own opening: some other trial
    ("People in that trial slept longer.", "Researchers ran a trial in Leeds and a trial in York.", None),
    ("That trial was small.", "Researchers ran an eight-week trial in Leeds.", None),
    ("When people in that cycle stop, it hurts.", "Ergotamine is an old drug.", None),
])
def test_a_demonstratives_thing_is_named_as_the_sentence_before_introduced_it(sentence, before, expected):
    assert antecedents.restore(sentence, [before]) == expected


def test_a_count_with_no_group_gets_the_group_a_sentence_before_named():
    before = ["Of the 37 patients, 29 said they drank it daily.", "Twenty-two needed dialysis at least once; two died."]
    assert antecedents.restore("Several told doctors they had tried to stop.", before) == \
        "Several patients told doctors they had tried to stop."
    # no group named, or one further back: nothing to restore
    assert antecedents.restore("Many said they could not stop.", ["The clinic is busy."]) is None
    assert antecedents.restore("Several told doctors they had tried to stop.",
                               ["Of the 37 patients, 29 drank it daily.", "Dialysis was needed.", "Two died."]) is None
