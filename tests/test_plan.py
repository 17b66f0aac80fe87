"""Lead planning: the opening names the subject with its claim, points by salience, no
boilerplate or meta sentences, no unresolved references unless the model can repair them."""
from __future__ import annotations

import pytest

from summarize import coherence, plan
from summarize.corpus.parse import parse_draft

NEWS = (
    "Photo: Getty Images\n\n"
    "By Jane Doe, Staff Writer\n\n"
    "This article explores what readers should know about melatonin.\n\n"
    "Melatonin supplements can shorten the time it takes adults to fall asleep by about seven minutes, "
    "a review of 19 trials found.\n\n"
    "The review included 1,683 people with sleep problems. It found the effect was larger in older adults.\n\n"
    "“I take it every night,” Smith said.\n\n"
    "Melatonin is sold over the counter in the United States, but doses in pills vary widely.\n\n"
    "Melatonin is sold without a prescription across the United States, yet pill doses vary a lot.\n\n"
    "Side effects such as headaches and dizziness were reported, and more research is needed on long-term use.\n\n"
    "For more information, visit the NIH website.\n\n"
    "Talk to a doctor before giving melatonin to children."
)

REVIEW = (
    "Twelve randomised trials with 1,200 participants were included. Compared with placebo, exercise "
    "reduced pain at 12 weeks (95% CI 0.2 to 0.6). Adverse events were rare in both groups. The trials "
    "were small and at high risk of bias. In conclusion, exercise therapy reduces pain in adults with "
    "chronic low back pain, but the evidence is of low quality."
)


def _opening(article, max_words: int) -> str:
    """The sentence the plan opens the lead with."""
    return plan.plan(article, max_words=max_words)[0].text


def _lead(picks):
    return [p.text for p in picks]


def test_opening_names_the_subject_and_skips_furniture_and_meta():
    picks = plan.plan(parse_draft(NEWS), max_words=120)
    texts = _lead(picks)
    assert picks[0].role == "opening" and texts[0].startswith("Melatonin supplements can shorten")
    for t in texts:
        assert not coherence.boilerplate_kind(t) and not coherence.is_meta(t)
        assert "Smith said" not in t  # a quote from a speaker the lead never introduces


def test_one_of_two_paraphrases_and_one_caveat_then_the_advice():
    picks = plan.plan(parse_draft(NEWS), max_words=120)
    texts = _lead(picks)
    assert sum(t.startswith("Melatonin is sold") for t in texts) == 1
    assert [p.role for p in picks].count("caveat") <= 1
    assert picks[-1].role == "advice" and texts[-1].startswith("Talk to a doctor")


def test_review_abstract_opens_with_its_conclusion():
    assert _opening(parse_draft(REVIEW), max_words=80).startswith("In conclusion, exercise therapy reduces pain")


def test_sentences_needing_context_only_when_the_model_can_repair_them():
    draft = ("Valerian is a flowering plant whose root is dried and taken as capsules before bed.\n\n"
             "Reviews of trials report mixed results for valerian and sleep quality.\n\n"
             "It contains valerenic acid, which acts on GABA receptors in the brain of adults.")
    article = parse_draft(draft)
    for can in (False, True):
        picks = plan.plan(article, max_words=200, can_decontextualize=can)
        prior: list[str] = []
        for p in picks:
            if coherence.dangling_reason(p.text, prior):
                assert can and p.context and p.needs_context
            prior.append(p.text)


def test_no_section_gets_a_guaranteed_sentence():
    draft = ("# Chamomile\n\nChamomile tea may ease mild sleep problems in adults, small trials suggest.\n\n"
             "## History\n\nAncient Egyptians grew the daisy-like plant in gardens near temples.\n\n"
             "## Sleep\n\nIn trials, chamomile tea eased mild sleep problems in adults after two weeks.\n\n"
             "Chamomile tea eased sleep problems for adults in small trials lasting four weeks.")
    picks = plan.plan(parse_draft(draft), max_words=30)
    assert not any("Egyptians" in p.text for p in picks)


def test_a_stated_finding_opens_the_lead_wherever_it_stands():
    from summarize import plan

    intro = ("We looked at driver licensing programs for teenagers in several countries. "
             "Programs were introduced in the United States, Canada and New Zealand over many years. "
             "Each program set its own limits on night driving and passengers for new drivers. "
             "Data came from police crash reports and insurance records in each region. ")
    finding = "Graduated licensing is effective in reducing crash rates among teenage drivers. "
    closing = "In conclusion, teenage drivers in licensing programs had fewer crashes in every region. "
    article = parse_draft(intro + finding + "Crash rates for new drivers fell in every region studied. " + closing)
    picks = plan.plan(article, max_words=60)
    assert picks[0].text == finding.strip()


def test_a_review_lead_opens_on_its_conclusion_not_on_a_statistic():
    # the conclusion carries no "In conclusion" cue; the statistic repeats the subject more often
    draft = ("We included eight randomised trials of melatonin for jet lag in 900 adult travellers.\n\n"
             "Melatonin for jet lag reduced jet lag scores in travellers (RR 0.62, 95% CI 0.44 to 0.88; "
             "6 trials; 640 melatonin users).\n\n"
             "Melatonin side effects were mild and rare in the trials.\n\n"
             "Melatonin taken at the destination bedtime helps adult travellers crossing five or more time zones.")
    assert _opening(parse_draft(draft), max_words=80).startswith("Melatonin taken at the destination bedtime")


def test_topic_terms_do_not_depend_on_the_process_hash_seed():
    # tied lemmas arrive as sets, whose order follows PYTHONHASHSEED; the plan must not
    import os
    import subprocess
    import sys

    code = ("from summarize import plan; from summarize.corpus.parse import parse_article; "
            "from summarize.extract import candidate_sentences; "
            "a = parse_article('Valerian, chamomile, lavender, hops and passionflower are herbs for sleep. "
            "Valerian, chamomile, lavender, hops and passionflower are sold as teas.'); "
            "print(plan.topic_terms(candidate_sentences(a)))")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(3)}
    assert len(outs) == 1, outs



def test_an_opening_never_leans_on_a_pronoun_with_nothing_to_stand_for():
    # the object pronoun sentence is the most central, but "it" has nothing before it
    draft = ("Rhodiola is a flowering herb whose root is sold as an extract.\n\n"
             "Herbalists class it as an adaptogen, a herb believed to ease stress and fatigue in adults.\n\n"
             "Small trials found less stress and fatigue in students during exams.\n\n"
             "Stress and fatigue scores in adults varied between trials.")
    opening = plan.plan(parse_draft(draft), max_words=80)[0]
    assert not opening.text.startswith("Herbalists"), opening.text


@pytest.mark.parametrize("paragraphs,opening_starts", [
    # a news story opens on its lede
    (["The health agency on Thursday warned that tianeptine, a drug sold in gas stations, can cause "
      "serious harm, including addiction and death.",
      "Some people use tianeptine to manage pain or low mood, and tianeptine sales online have grown.",
      "Tianeptine is approved as an antidepressant in some countries but not in the United States.",
      "Calls to poison centers about tianeptine rose sharply between 2018 and 2022, a study found."],
     "The health agency on Thursday warned"),
    # a lead never opens on a methods sentence
    (["Eight studies of zinc lozenges for colds met the inclusion criteria for this summary.",
      "Zinc lozenges shortened colds by about a day in adults.",
      "Zinc lozenges often leave a bad taste, and some adults feel sick after taking them.",
      "Zinc lozenges for colds are sold in most pharmacies without a prescription."],
     "Zinc lozenges shortened colds"),
    # nor on the reader: the first sentence speaks to "you", the finding comes next
    (["If your weekday sleep is short and you sleep in at weekends, you may wonder whether weekend sleep makes up for weekday sleep.",
      "People who slept two extra hours at weekends had blood pressure similar to people who slept enough every night.",
      "Weekend catch-up sleep was studied in 3,200 adults over five years by researchers in Ohio.",
      "Blood pressure rises when people sleep too little, and weekend sleep may offset part of it."],
     "People who slept two extra hours"),
    # nor on an expert's comment with the speaker after it, nor on a count of a study's sample
    (["Health officials on Monday proposed limiting sales of valerian gummies to adults, after a review of poison calls.",
      "Children who take valerian gummies every night for months can become drowsy and confused at school, said "
      "Dr. Ana Ruiz, a paediatrician who treats children.",
      "Valerian gummies for children are sold in many supermarkets next to sweets.",
      "Children who are drowsy at school after valerian gummies should see a doctor."],
     "Health officials on Monday proposed"),
    (["Of the roughly 20,000 children in Denmark who had used valerian gummies for sleep, 412 were treated for "
      "drowsiness from valerian gummies, about 1 in 50.",
      "Drowsiness from valerian gummies is real but uncommon, researchers report.",
      "Valerian gummies are sold in many supermarkets next to sweets.",
      "Parents asked doctors about valerian gummies more often last year."],
     "Drowsiness from valerian gummies"),
    # nor on a feature's scene
    (["On a Friday night at the Copper Leaf valerian lounge, every table is taken by 8 o'clock.",
      "Valerian lounges have spread across Ohio over the past decade, pitched as a calm alternative to bars.",
      "Valerian tea is brewed from the root of a flowering plant.",
      "Valerian can cause drowsiness the next morning."],
     "Valerian lounges have spread"),
    # nor on the backdrop to the news: what was, before what is
    (["For years, people who dreaded flying could ask their doctor for a few valerian tablets before a trip.",
      "Professional guidance now advises against prescribing valerian tablets for fear of flying.",
      "Valerian tablets are made from the root of a flowering plant.",
      "Valerian tablets can cause drowsiness the next morning."],
     "Professional guidance now advises"),
    (["In a small trial published in 2019, valerian tablets shortened the time to fall asleep by ten minutes.",
      "Valerian tablets are now sold in supermarkets as a sleep aid, and sales have doubled in a year.",
      "Valerian tablets are made from the root of a flowering plant.",
      "Valerian tablets can cause drowsiness the next morning."],
     "Valerian tablets are now sold"),
], ids=["news-lede", "not-methods", "not-the-reader", "not-a-trailing-speaker", "not-a-count", "not-a-scene",
        "not-the-backdrop", "not-a-dated-study"])
def test_the_opening_of_a_non_review_draft(paragraphs, opening_starts):
    opening = plan.plan(parse_draft("\n\n".join(paragraphs)), max_words=80)[0]
    assert opening.text.startswith(opening_starts), opening.text


@pytest.mark.parametrize("sentence,told", [
    ("Researchers interviewed 640 betel chewers aged 18 to 35 in two counties last year.", True),
    ("The researchers polled 2,000 adults about their sleep.", True),
    ("Participants completed the Severity of Dependence Scale and questions about sleep.", True),
    ("Respondents answered questions about mood and spending.", True),
    # a review's account of its included studies
    ("The remaining study assessed the effectiveness of probiotics compared with placebo.", True),
    ("Two studies only included participants 18 years and younger.", True),
    ("One study compared psychotherapy with medication.", True),
    ("Overall, 17 trials with 736 patients met the inclusion criteria for this review.", True),
    ("Both studies were controlled before and after studies.", True),
    ("The searches identified 157 studies, of which eight met the inclusion criteria.", True),
    # how an outcome was measured
    ("Baseline severity was assessed in most trials with the Alcohol Dependence Scale.", True),
    ("Blood pressure was lower with sorrel than with placebo.", False),
    # what was found, not how
    ("Researchers found that one in three regular chewers reported signs of dependence.", False),
    ("Participants who chewed daily slept less than those who did not.", False),
    ("Seven studies reported no difference in adverse effects between the drugs.", False),
])
def test_how_a_study_was_done_is_told_methods_not_news(sentence, told):
    assert bool(plan._METHODS.search(sentence)) is told


def test_the_readers_next_step_closes_the_lead_it_does_not_open_it():
    from summarize.corpus.parse import parse_article

    abstract = "\n".join([
        "Amber glasses for insomnia: a randomised trial",
        "BACKGROUND: Insomnia symptoms affect many adults, and many people with insomnia try remedies sold without "
        "prescription before seeking professional help for insomnia. Amber-tinted glasses filter blue light and are "
        "sold as a sleep aid for insomnia.",
        "METHODS: We randomised 180 adults with insomnia symptoms to amber-tinted glasses or clear sham glasses for "
        "three weeks.",
        "RESULTS: Insomnia severity fell by 2.1 points with amber glasses and 1.4 points with sham glasses (95% CI "
        "-1.5 to 0.1). Headache was reported by 9% of the amber group.",
        "CONCLUSIONS: Amber-tinted glasses produced a small improvement in insomnia symptoms in adults with insomnia, "
        "below the clinically important threshold. People whose sleep problems persist should seek professional help "
        "rather than relying on amber-tinted glasses.",
    ])
    assert _opening(parse_article(abstract), max_words=80).startswith("Amber-tinted glasses produced")


def test_a_section_headed_conclusions_gives_the_opening():
    from test_parse import STRUCTURED_ABSTRACT

    picks = plan.plan(parse_draft(STRUCTURED_ABSTRACT))
    assert picks[0].extract.text.startswith("A short evening walk helped")


@pytest.mark.parametrize("text,review", [
    ("We included 12 trials. Exercise reduced pain.", True),
    ("Twelve randomised trials were included. Pain fell (95% CI 0.2 to 0.6).", True),
    # a news story that mentions trials is a news story
    ("Kava eased anxiety in small trials, experts said. Larger trials are needed. Other trials continue.", False),
    # nor does a quoted researcher make it an abstract
    ("Monthly vitamin D did not prevent falls in older people. \u201cWhat we found is that large doses do not "
     "help,\u201d said the trial's lead. \"We included anyone over 70,\" she added.", False),
    # "3mg or 6mg", "2 or 3 times": no odds ratio ("OR 1.5") in lower case
    ("The dose is 3mg or 6mg at night. Some take 2 or 3 tablets. Trials lasted weeks.", False),
    ("Smokers were likelier to relapse (OR 1.5, 95% CI 1.1 to 2.0).", True),
])
def test_review_abstracts_are_told_from_news(text, review):
    assert plan.is_review(parse_draft(text)) is review


def test_a_structured_abstracts_methods_are_not_lead_material():
    draft = ("Valerian for insomnia in adults\nBackground\nInsomnia is common, and valerian is widely sold as a sleep aid.\n"
             "Selection criteria\nRandomised controlled trials comparing valerian, given for at least one week, with placebo "
             "in adults with insomnia disorder.\n"
             "Search methods\nWe searched MEDLINE, Embase and CENTRAL for valerian trials up to March 2024.\n"
             "Main results\nSix trials with 900 adults found that valerian may slightly improve sleep quality.\n"
             "Authors' conclusions\nValerian may slightly improve sleep, but the evidence is of low certainty.\n")
    texts = [p.text for p in plan.plan(parse_draft(draft), max_words=200)]
    assert texts and not any(t.startswith(("Randomised controlled trials comparing", "We searched")) for t in texts)


@pytest.mark.parametrize("draft, opening_starts", [
    pytest.param(
        "Valerian is sold as a sleep aid to many adults, yet its effects have not been evaluated against placebo. "
        "We conducted a systematic review and meta-analysis of randomised placebo-controlled trials of valerian. "
        "We included 12 trials (n = 1400) of valerian in adults with insomnia. "
        "Compared with placebo, most valerian products produced statistically significant but small differences "
        "in sleep latency, ranging from 2 to 9 minutes; only root extracts were associated with differences "
        "exceeding 5 minutes. "
        "Most trials were small and short. "
        "Current evidence is insufficient to recommend valerian for the treatment of insomnia. "
        "Larger trials are needed.",
        "Current evidence is insufficient", id="a review opens on its verdict, not on a result with numbers"),
    pytest.param(
        "Valerian is sold as a sleep aid and is widely used by adults with insomnia in Europe. "
        "We included 12 trials of valerian in adults with insomnia. "
        "Mean sleep latency was 37.7 + 2 minutes in the valerian group and 34.9 + 4 minutes in the placebo group. "
        "The use of valerian (192 adults) was associated with a statistically significant decrease in insomnia "
        "severity compared with placebo (22% versus 59%; risk ratio (RR) 0.36, 95% confidence interval (CI) "
        "0.27 to 0.49). "
        "Women in the valerian group used fewer sleeping pills than the placebo group.",
        "The use of valerian", id="a statistic in brackets does not cost a claim the opening"),
    pytest.param(
        "Ten studies (813 participants) met the inclusion criteria. "
        "Two studies only included participants 18 years and younger; six studies only included participants "
        "18 years and older. "
        "Eight of the included studies had a high risk of bias. "
        "The included studies were clinically heterogeneous. "
        "Seven individual studies reported no evidence of a difference in adverse effects between propofol and "
        "alternative interventions. "
        "No firm conclusions can be drawn concerning the comparative effects of propofol with alternative "
        "interventions on adverse effects and participant satisfaction.",
        "No firm conclusions", id="a verdict that nothing can be concluded, not who the studies included"),
])
def test_the_opening_of_a_review(draft, opening_starts):
    assert _opening(parse_draft(draft), max_words=120).startswith(opening_starts)


@pytest.mark.parametrize("lines, opening_starts", [
    pytest.param([
        "Energy drink habit tied to heart rhythm problems in young adults",
        "Study of 40,000 people finds higher odds of atrial fibrillation among heavy energy drink users",
        "By Jordan Pelletier",
        "October 9, 2024",
        "Young adults who drink several energy drinks a day may be raising their risk of atrial fibrillation, new "
        "research suggests.",
        "Researchers analysed health records of 40,000 adults aged 18 to 35 who reported how many energy drinks "
        "they drank.",
        "Those who drank three or more energy drinks a day were more often diagnosed with atrial fibrillation.",
        "Energy drinks contain caffeine and other stimulants such as guarana and taurine.",
    ], "Young adults who drink several energy drinks", id="the page's lede, not its dek, opens the lead"),
    pytest.param([
        "Kratom shots are sending more Californians to addiction clinics",
        "As kratom extracts spread across California, doctors say more patients are asking for help to quit.",
        "By Jane Roe",
        "March 11, 2025",
        "When Derek Almanza first bought kratom, it came in a small foil packet beside the beef jerky at a gas "
        "station off the freeway.",
        "Eighteen months later, he was taking a concentrated kratom extract several times a day.",
        "Kratom comes from the leaves of a tree in the coffee family native to Southeast Asia.",
        "Clinics across Los Angeles County now treat dozens of patients a year for kratom dependence.",
    ], "As kratom extracts spread", id="an anecdote lede gives the opening to the page's dek"),
    pytest.param([
        "The young people left with nerve damage by laughing gas",
        "Hospital admissions for nerve damage linked to nitrous oxide are still rising a year after the ban, an "
        "audit suggests",
        "Jane Roe, Health Editor",
        "Saturday April 12 2025, 12.01am BST, The Courier",
        "Kieran Dale was 22 when he woke one morning in his flat and could not feel his feet.",
        "Within a week the numbness had crept up to his knees.",
        "Nitrous oxide inactivates vitamin B12, which the nerves of the spinal cord need.",
        "Doctors treat the damage with B12 injections, but recovery can take months.",
    ], "Hospital admissions for nerve damage", id="the dek, though set aside, opens the lead of an anecdote"),
    pytest.param([
        "Valerian tea sales soar as sleep trend sweeps social media",
        "Teenager rushed to A&E with heart racing at 170 beats a minute after valerian overdose",
        "By Jane Roe",
        "Saturday April 12 2025, 12.01am BST, The Courier",
        "Every night for a month, Karen Bellamy brewed a mug of valerian tea before bed.",
        "Valerian tea has become a fixture of bedtime routines shared online, and supermarkets report record sales.",
        "Valerian tea is brewed from the root of a flowering plant.",
        "Valerian can cause drowsiness the next morning.",
    ], "Valerian tea has become a fixture", id="a dek in headline-ese opens nothing"),
    pytest.param([
        "Valerian tea sales soar as sleep trend sweeps social media",
        "Small, open-label study of 30 adults is the first to test the tea against a placebo drink",
        "By Jane Roe",
        "Saturday April 12 2025, 12.01am BST, The Courier",
        "Every night for a month, Karen Bellamy brewed a mug of valerian tea before bed.",
        "Valerian tea has become a fixture of bedtime routines shared online, and supermarkets report record sales.",
        "Valerian tea is brewed from the root of a flowering plant.",
        "Valerian can cause drowsiness the next morning.",
    ], "Valerian tea has become a fixture", id="a dek opening on a bare count noun is headline-ese too"),
    pytest.param([
        "Valerian tea sold as a sleep cure is fuelling overuse, doctors warn",
        "Survey of 640 adults finds one in four drinks valerian tea nightly, many believing the tea is harmless",
        "By Jane Roe",
        "Saturday April 12 2025, 12.01am BST, The Courier",
        "Every night for a month, Karen Bellamy brewed a mug of valerian tea before bed.",
        "Valerian tea has become a fixture of bedtime routines shared online, and supermarkets report record sales.",
        "Valerian tea is brewed from the root of a flowering plant.",
        "Valerian can cause drowsiness the next morning.",
    ], "A survey of 640 adults finds one in four drinks valerian tea nightly",
        id="... which, naming the subject, opens the lead as the sentence it stands for"),
    pytest.param([
        "Many Canadians are microdosing valerian for ADHD, a survey shows",
        "By Jane Roe",
        "Posted: Mar 04, 2026 5:00 AM MST",
        "When Marisol Henning, 34, ran out of her ADHD prescription, a friend offered her valerian capsules.",
        "Henning is one of a growing number of Canadians using valerian capsules to manage attention problems, "
        "according to a survey published Tuesday.",
        "Researchers recruited 1,482 adults who said they had used valerian capsules in the past year.",
        "Valerian has not been tested for ADHD in any large trial.",
    ], "A growing number of Canadians are using valerian capsules",
        id="the news after the anecdote, told of the many it is news about"),
    pytest.param([
        "A stop-smoking pill helped teens quit vaping in a Wisconsin trial. Doctors say it is not a fix on its own",
        "By Jane Roe",
        "March 18, 2026 5:04 AM CT",
        "Mya Lindqvist, 17, started vaping in eighth grade.",
        "By her junior year she was going through a disposable every two days.",
        "Researchers enrolled 261 people aged 16 to 21 who vaped nicotine every day and wanted to stop.",
        "Varenicline has not been tested in adolescents for longer than six months.",
    ], "A stop-smoking pill helped teens quit vaping in a Wisconsin trial.",
        id="no dek and no turn to the news: a headline written as a sentence"),
    pytest.param([
        "Thousands join state valerian program in its first year",
        "By Jane Roe",
        "Posted: Mar 04, 2026 5:00 AM MST",
        "Marisol Henning spent 23 years as a paramedic in Pueblo.",
        "Henning said her sleep has improved since last spring.",
        "She is one of about 6,200 people who took part in the state's valerian program in its first year, "
        "according to a report released Tuesday.",
        "Out of 7,480 program sessions, staff logged 19 incidents that needed outside help.",
        "Valerian has not been tested for sleep in any large trial.",
    ], "Marisol Henning is one of about 6,200 people", id="... when a pronoun and a count tell it"),
    pytest.param([
        "Doctors warn parents as teens get hooked on huffing laughing gas",
        "By Jane Roe",
        "Published: May 7, 2026 at 6:12 PM",
        "It costs about $10 a canister at a corner shop, and it's sold for whipping cream.",
        "But doctors at Lakeside Children's Hospital say a growing number of teens are inhaling laughing gas to "
        "get high, and some of them can't stop.",
        "Most whipped-cream chargers hold eight grams of nitrous oxide.",
        "Heavy use can damage the nerves of the spinal cord, doctors say.",
    ], "Doctors at Lakeside Children's Hospital say", id="a scene-setting first sentence: the turn after it is the lede"),
])
def test_the_opening_of_a_pasted_page(lines, opening_starts):
    from summarize.corpus.parse import parse_article

    assert _opening(parse_article("\n".join(lines)), max_words=80).startswith(opening_starts)


def test_a_dek_that_does_not_open_the_lead_is_not_one_of_its_points():
    from summarize.corpus.parse import parse_article

    article = parse_article("\n".join([
        "Can CBD Really Help You Sleep?",
        "A small new trial hints at a benefit for people with insomnia.",
        "By Jane Roe",
        "March 11, 2025",
        "When Dana Whitfield could not sleep, she tried CBD gummies her sister sent her.",
        "In one national survey, about one in seven American adults said they had used CBD in the past year, and "
        "sleep was among the most common reasons.",
        "A new trial gave 60 adults with insomnia CBD or a placebo for four weeks.",
        "Those who took CBD fell asleep about ten minutes faster, a small difference.",
        "Before this trial, most of the evidence on CBD and sleep came from surveys in which users rated their own sleep.",
        "CBD can cause drowsiness and diarrhea at high doses.",
    ]))
    picks = plan.plan(article, max_words=200)
    dek = "A small new trial hints at a benefit for people with insomnia."
    assert all(p.text != dek for p in picks if p.role != "opening"), [p.text for p in picks]
    assert len(picks) >= 3


@pytest.mark.parametrize("sentence, person", [
    ("When Derek Almanza first bought kratom, it came in a small foil packet.", True),
    ("Every night for two years, Jenna Marchetti handed her son a purple gummy.", True),
    ("Associate Professor Yvette Manolakis, an endocrinologist, said the findings were convincing.", False),
    ("Dietitian Rafael Obuya said he had seen clients spend hundreds of dollars.", False),
    ("The United States Food and Drug Administration warned consumers about the gummies.", False),
    ("A small new trial hints at a benefit for people with insomnia.", False),
    # a disease named for someone, an organisation, a place
    ("De Barsy syndrome is a rare genetic disorder characterized by an aged-looking face.", False),
    ("The Kratom Retailers Alliance said it supports clear limits on synthetic products.", False),
    ("Los Angeles County supervisors will consider a ban this spring.", False),
    # a surname that is also a word
    ("Kieran Dale was 22 when he woke one morning and could not feel his feet.", True),
    # a tabloid's first word in capitals; an acronym is no first name
    ("KERRY Hughes was sick of hiding under baggy jumpers.", True),
    ("NHS England said the figures were provisional.", False),
    # someone's own doctor makes no expert of them; a double-barrelled surname is a surname
    ("Margaret Berg-Lindqvist had never used valerian until her pharmacist's assistant mentioned it.", True),
    ("Dr. Ana Berg-Lindqvist, a pharmacist, said valerian sales had doubled.", False),
    # the end of a journal's or a body's name is no person ("… of Aesthetic and Wellness Practice")
    ("A report in the Journal of Aesthetic and Wellness Practice found 212 clinics selling valerian.", False),
    # an official or a therapist speaks for their office
    ("Mr. Joseph Mugerwa, the city's senior commercial officer, said enforcement had been difficult.", False),
    ("Grace Achieng, a counsellor at the clinic, said most clients came back.", False),
    # … and a nurse elsewhere in the sentence makes no expert of the person it is about
    ("Three times a day, Darren Mallett walks to a clinic and injects a dose while a nurse watches.", True),
])
def test_a_story_about_a_person_is_told_from_an_experts_word(sentence, person):
    from summarize.coherence import tells_of_a_person

    assert tells_of_a_person(sentence) is person


HOUSE_MD = (
    '# Rhodiola and Rosavin: Can an Arctic Root Really Fight Fatigue?\n'
    '\n'
    'Rhodiola has grown on the cold mountain slopes of Scandinavia and Siberia for millennia, and in the past decade it has become one of the best-selling herbal remedies for tiredness. Its best-known compound, rosavin, is promoted for fatigue, stress, mood and even athletic endurance. The evidence behind those claims is thinner than the labels suggest.\n'
    '\n'
    '## What Is Rosavin?\n'
    '\n'
    'Rosavin is one of a group of compounds called rosavins, which make up around 3 percent of the dried rosavin-rich root by weight. In the laboratory, rosavin dampens several stress hormones and acts as an antioxidant.\n'
    '\n'
    '## What the Studies Show\n'
    '\n'
    'Much of the excitement around rosavin comes from animal studies, which often use doses far above those in supplements. For burnout, several small trials suggest rosavin may ease fatigue a little more than placebo. There is no good evidence from human studies that rosavin improves athletic performance. No one yet knows whether taking high-dose rosavin every day for years is safe, because trials have rarely lasted longer than a few months.\n'
    '\n'
    '## Is It Safe?\n'
    '\n'
    'Rosavin supplements can cause dizziness and dry mouth. Rosavin may interact with antidepressants.\n'
    '\n'
    '## Should You Try It?\n'
    '\n'
    'Rhodiola is a pleasant tea, and rosavin supplements may offer a modest benefit for fatigue, but the evidence remains thin, so talk to a health professional before starting a concentrated product.\n'
)


def test_a_house_draft_does_not_open_on_missing_evidence_or_an_open_question():
    opening = _opening(parse_draft(HOUSE_MD), max_words=130)
    assert not opening.startswith(("There is no good evidence", "No one yet knows")), opening


def test_a_story_about_a_review_may_open_on_its_finding_of_no_evidence():
    from summarize.corpus.parse import parse_article

    page = "\n".join([
        "Mouth taping is all over social media. Does it help you sleep?",
        "By Jane Roe",
        "March 11, 2025",
        "Specialty mouth-tape strips have become a fixture of online sleep shops and social media feeds.",
        "Influencers say taping the lips shut at night brings deeper sleep, fresher breath and a sharper jawline.",
        "Sales of the strips have tripled in two years, according to one retailer.",
        "Now a review of the research has looked at whether any of it holds up.",
        "For people without sleep apnea, the authors concluded, there is no reliable evidence that mouth taping "
        "improves sleep.",
        "The review pooled ten small studies of adults who taped their mouths at night.",
        "Most of the studies had fewer than 30 participants and lasted a few nights.",
        "Some users reported skin irritation and anxiety about breathing.",
        "Sleep doctors said people who snore loudly should be checked for sleep apnea rather than reaching for tape.",
        "The authors called for larger trials.",
    ])
    assert _opening(parse_article(page), max_words=80).startswith("For people without sleep apnea")


@pytest.mark.parametrize("sentence, stated", [
    ("Curcumin is effective for knee pain.", True),
    ("There is no good evidence that curcumin prevents cancer.", True),
    # the finding asked as a question is no claim
    ("No one yet knows whether taking curcumin every day for years is safe.", False),
    ("It is unclear if valerian is effective.", False),
    # a verdict that the evidence settles nothing
    ("No firm conclusions can be drawn concerning the comparative effects of propofol.", True),
    ("A beneficial effect of probiotics on quality of life could neither be demonstrated nor refuted.", True),
    ("We are uncertain whether acupuncture has an effect on adverse events.", True),
    ("Current evidence on interventions to prevent medication errors in children is limited.", True),
    ("The evidence to estimate the effects of interventions in pre-licensure education is generally insufficient.",
     True),
])
def test_a_stated_claim(sentence, stated):
    assert plan._states_claim(sentence) is stated


@pytest.mark.parametrize("sentence, story", [
    # someone called by a first name alone, doing what only people do
    ("Abdirahman remembers when khat was sold openly in Cardiff cafés.", True),
    ("Priya woke at 3 a.m. with her heart racing.", True),
    ("Maya was 34 when she first tried kratom.", True),
    ("Pfizer said the drug works.", False),
    ("Valerian was 12 times more popular in 2020.", False),
    ("Kratom remains legal in most states.", False),
    # one name with an age, kept back for privacy
    ("Kwabena, 24, a trotro mate from Kasoa, says he took his first tablet two years ago.", True),
    ("On Tuesday, 12 people were admitted to hospital.", False),
])
def test_an_anecdote_told_of_someone_by_first_name(sentence, story):
    assert coherence.anecdotal(sentence) is story


@pytest.mark.parametrize("sentence,said", [
    ("Dr. Ana Ruiz, a physician, said valerian helps.", True),
    ("Valerian helps, said Dr. Ana Ruiz.", True),
    # the comma closes a quotation
    ("“Valerian is a real remedy for the right patient,” says Dr. Ana Ruiz, a physician at Lakeside Clinic.", True),
    ("\"Valerian is a real remedy for the right patient,\" Ana Ruiz said.", True),
    ("“Valerian is a real remedy,” Ruiz said.", True),
    # an institution's word is the news
    ("Valerian is a real remedy, the agency said.", False),
    ("Valerian was banned in 2002, FDA records show.", False),
])
def test_a_named_persons_word_is_attributed(sentence, said):
    assert plan.attributed(sentence) is said


def test_a_named_speakers_opinion_and_a_design_told_as_a_story_do_not_open_the_lead():
    draft = ("Berberine is sold online as a natural alternative to weight-loss drugs, and searches for it have surged.\n\n"
             "Associate Professor Jane Okafor, an endocrinologist who studies diabetes, said the blood sugar findings "
             "for berberine were the most convincing part of the berberine story.\n\n"
             "In the study, scientists at Coastal University randomly assigned 62 adults with diabetes to take berberine "
             "or a placebo for berberine trials.\n\n"
             "Berberine lowered blood sugar modestly in trials in people with type 2 diabetes.\n")
    assert _opening(parse_draft(draft), max_words=60).startswith("Berberine is sold online")


@pytest.mark.parametrize("opener", ["In the meantime, experts say", "Meanwhile, experts say", "Until then, experts say",
                                    "But experts say", "And experts say", "So experts say"])
def test_a_time_connective_points_back(opener):
    from summarize.coherence import dangling_reason

    assert dangling_reason(f"{opener} sleep habits remain the best first step.", []) is not None


@pytest.mark.parametrize("sentence", ["So far, only two trials have tested it.", "So-called nootropics are sold online.",
                                      "Butyrate levels rose in a trial.", "Andrew Smith, a doctor, said so."])
def test_words_that_only_look_like_a_connective_do_not_point_back(sentence):
    from summarize.coherence import dangling_reason

    assert dangling_reason(sentence, []) is None


@pytest.mark.parametrize("sentence, narrator", [
    ("I think about my year of skipped breakfasts differently now.", True),
    ("“We’re not saying that it kills people,” Lena Hoffmann, an epidemiologist, told me.", True),
    ("“I saw a real but small difference,” Dr Okafor said.", False),
    ("Psilocybin is a Schedule I drug in the United States.", False),
    ("That is interesting, but I would not take it,” she said.", False),
])
def test_a_narrators_first_person_is_not_lead_material(sentence, narrator):
    assert plan.narrated(sentence) is narrator
    if narrator:
        assert not plan.usable(sentence)


@pytest.mark.parametrize("sentence, previous, dangling", [
    ("But doctors at the hospital say they are seeing cases like his far more often.",
     ["Emergency visits for children who swallowed THC products have nearly tripled."], True),
    ("And the measure of eating windows was thin.", ["A new study links short eating windows to heart deaths."], True),
    ("Dr. Jane Roe said her clinic saw more patients last year.", [], False),
    ("Anyone who is pregnant should ask her doctor first.", [], False),
    ("Marcus Reyes says his depression lifted after a trial.", [], False),
    # an object "him" is not the subject of its own clause: the person it stands for is someone else
    ("An eye specialist later told him the smudge was damage to his retina.", [], True),
    ("An eye specialist later told Marcus Reyes that a drug had harmed him.", [], False),
    ("An eye specialist later told him the smudge was damage to his retina.", ["Marcus Reyes, 34, noticed a smudge."],
     False),
])
def test_a_persons_pronoun_needs_the_person_and_and_joins_to_its_draft_neighbour(sentence, previous, dangling):
    from summarize.coherence import dangling_reason

    assert (dangling_reason(sentence, previous) is not None) is dangling


@pytest.mark.parametrize("draft, max_words, left_out", [
    pytest.param("Semaglutide cut heavy drinking in a small trial of adults with alcohol use disorder.\n\n"
                 "Denise Carroway, 52, says her urge to drink alcohol faded within weeks of starting semaglutide for "
                 "her weight.\n\n"
                 "Larger trials of semaglutide for alcohol use disorder are underway.\n\n"
                 "Semaglutide is approved for diabetes and weight loss, and doctors prescribe it widely.\n",
                 50, "Carroway", id="an anecdote"),
    pytest.param("Creatine led to a small improvement in memory among older adults in a six-month trial.\n\n"
                 "Participants were tested on creatine memory tasks at the start, at three months and at six months.\n\n"
                 "Creatine is best known as a supplement for building muscle in the gym.\n\n"
                 "A larger creatine trial lasting two years is now being planned.\n",
                 45, "Participants were tested", id="a news story's protocol"),
])
def test_a_weaker_point_than_the_news_is_left_out(draft, max_words, left_out):
    picks = plan.plan(parse_draft(draft), max_words=max_words)
    assert picks and not any(left_out in p.text for p in picks)


def test_a_surname_after_a_capitalised_function_word_is_not_a_full_name():
    from summarize.coherence import dangling_reason

    names = frozenset({"Reyes"})
    assert dangling_reason("For Reyes, the uncertainty is beside the point.", [], names)
    assert dangling_reason("Marcus Reyes says the depression lifted.", [], names) is None
    assert dangling_reason("Dr. Marcus Reyes said trials were small.", [], names) is None


def test_a_title_and_surname_is_a_second_reference():
    # the draft named him in full earlier; a lead that opens "Mr Reyes, who …" has not
    from summarize.coherence import dangling_reason

    names = frozenset({"Reyes"})
    assert dangling_reason("Dr. Reyes said the trial was small.", [], names)
    assert dangling_reason("Mr Reyes, who spent five days in hospital, is one of many.", [], names)
    assert dangling_reason("Mr Reyes said so.", ["Marcus Reyes, 41, bought kratom online."], names) is None


def test_surnames_are_peoples_not_the_words_after_the():
    from summarize.coherence import surnames

    got = surnames("The Kratom Trade Council said so. When Derek Almanza bought kratom, it was cheap.")
    assert got == frozenset({"Almanza"})


def test_a_surname_that_is_also_a_word_counts_when_used_alone():
    from summarize.coherence import dangling_reason, surnames

    text = ("Kieran Dale, 24, was admitted in March. For eight months Dale had been inhaling the gas. "
            "The Kratom Trade Council said trade was up.")
    assert surnames(text) == frozenset({"Dale"})
    assert dangling_reason("For eight months Dale had been inhaling the gas daily.", [], surnames(text))


@pytest.mark.parametrize("sentence, dangling", [
    ("It is the latest in a series of studies to cast doubt on vitamin D pills.", True),
    ("It is unclear whether zinc helps children.", False),
    ("It is important to talk to a doctor first.", False),
])
def test_it_is_an_expletive_only_before_an_adjective_or_a_clause(sentence, dangling):
    from summarize.coherence import dangling_reason

    assert (dangling_reason(sentence, []) is not None) is dangling


def test_a_direct_quote_is_a_weaker_point_than_the_finding_beside_it():
    """A lead reports the finding in its own words; a quote is colour for the body."""
    draft = ("Magnesium supplements helped older adults fall asleep faster in a new trial of 300 people.\n\n"
             "“The magnesium group slept longer and woke less often at night,” said Dr. Ana Ruiz, who led the trial.\n\n"
             "Older adults in the magnesium group slept longer and woke less often at night, the researchers reported.\n\n"
             "The trial lasted eight weeks.\n")
    texts = _lead(plan.plan(parse_draft(draft), max_words=40))
    assert texts[1].startswith("Older adults in the magnesium group") and not any(t.startswith("“") for t in texts)


def test_sentences_the_caveat_filter_would_cut_are_not_picked():
    """The pipeline passes the filter's overclaim test: a quoted promise is never the opening."""
    draft = ("The label on one popular brand promises \"a gentle, non-habit-forming way to help little ones "
             "drift off with melatonin.\"\n\n"
             "Melatonin gummies for children have become a bedtime habit in many homes, pediatricians say.\n\n"
             "Melatonin is a hormone, and gummies are sold as supplements without checks on their dose.\n")
    avoid = lambda t: "non-habit-forming" in t  # noqa: E731
    assert any("non-habit-forming" in p.text for p in plan.plan(parse_draft(draft), max_words=60))
    assert not any("non-habit-forming" in p.text for p in plan.plan(parse_draft(draft), max_words=60, avoid=avoid))



def test_a_pronoun_opener_follows_only_its_own_draft_neighbour():
    # "It also cannot show …" refers to the survey's forms before it in the draft, not to the
    # sentence the lead would put before it
    draft = ("About one in ten teenagers say they used valerian gummies last year, according to a national survey "
             "of teenagers published on Monday, making valerian gummies one of the most common sleep aids among "
             "teenagers.\n\nUse of valerian gummies was highest among teenage girls, the researchers found.\n\n"
             "Forms went out in May. It also cannot show whether valerian gummies help teenagers sleep or whether "
             "teenagers who sleep poorly simply buy valerian gummies.\n\n"
             "Valerian gummies are sold in many shops with few age checks on teenagers.")
    texts = [p.text for p in plan.plan(parse_draft(draft), max_words=120, can_decontextualize=False)]
    assert texts and not any(t.startswith("It also") for t in texts)


# A review whose most central sentence is its call for research: the finding opens it.
ZINC_ABSTRACT = (
    "Zinc lozenges for the common cold\n\n"
    "BACKGROUND: Zinc lozenges are widely sold to shorten colds, and zinc lozenge trials vary in dose.\n\n"
    "METHODS: We searched five databases for randomised trials of zinc lozenges in adults with colds.\n\n"
    "RESULTS: Twelve trials of zinc lozenges were included; most zinc lozenge trials were small and short.\n\n"
    "CONCLUSIONS: Zinc lozenges may shorten colds by about one day. Larger trials of zinc lozenges "
    "in adults with colds, with a common dose and longer follow-up than the small and short trials "
    "included here, are needed before zinc lozenges can be recommended.\n"
)
# A story whose lede names its subject by description ('A sweetener'): the headline says the same.
XYLITOL_STORY = (
    "Popular sweetener makes blood platelets stickier, study suggests\n\n"
    "A sweetener widely used in diet drinks appears to make blood platelets stickier, according to a "
    "study in healthy volunteers.\n\n"
    "After a xylitol drink, xylitol levels in the volunteers rose sharply, and xylitol levels "
    "stayed high for two days.\n\n"
    "Xylitol is a sugar alcohol found in chewing gum.\n\n"
    "Xylitol is also sold as a baking sugar, and xylitol sales have grown.\n\n"
    "Dentists have long recommended xylitol gum for teeth.\n\n"
    "Xylitol occurs naturally in plums and strawberries.\n\n"
    "Experts said xylitol studies in larger groups are needed, and that people need not avoid xylitol gum.\n"
)


@pytest.mark.parametrize("draft, opening", [
    (ZINC_ABSTRACT, "Zinc lozenges may shorten colds"),  # a call for research does not open a review lead
    (XYLITOL_STORY, "A sweetener widely used"),  # the sentence saying what the headline says opens a story
])
def test_an_opening_states_the_finding(draft, opening):
    assert plan.plan(parse_draft(draft))[0].text.startswith(opening)


HOUSE_DRAFT = (
    "Rhodiola: what the arctic root can do\n\n"
    "Rhodiola is on supplement labels everywhere, promising calm focus and steady energy for busy people.\n\n"
    "What is rhodiola?\n\n"
    "Rhodiola rosea is a flowering plant that grows in cold, mountainous regions of Europe and Asia.\n\n"
    "What the research shows\n\n"
    "In one study of 60 adults with stress, people who took rhodiola for four weeks reported less fatigue "
    "than those given a placebo. If you've tried rhodiola, you're in good company. Rhodiola trials were "
    "small and short, and rhodiola extracts differ.\n\n"
    "Rhodiola is sold as capsules and rhodiola teas, and rhodiola tinctures are common.\n"
)


def test_a_house_draft_opens_on_what_its_subject_is():
    picks = plan.plan(parse_draft(HOUSE_DRAFT))
    assert picks[0].text.startswith("Rhodiola rosea is a flowering plant")


def test_a_sentence_addressed_to_the_reader_is_a_weaker_point():
    picks = plan.plan(parse_draft(HOUSE_DRAFT), max_words=200)
    assert not any(p.text.startswith("If you've tried") for p in picks)


def test_a_pronoun_after_a_person_named_by_role_in_the_same_sentence_stands():
    from summarize.coherence import dangling_reason

    assert dangling_reason("A grieving mum has issued a warning after her son died from drinking poppy seed tea.", []) is None


def test_a_first_name_used_alone_is_a_second_reference():
    from summarize.coherence import dangling_reason, surnames

    text = "KERRY Hughes was sick of it. Kerry tried every diet. Later Kerry said the gummies worked."
    names = surnames(text)
    assert "Kerry" in names
    assert dangling_reason("Kerry tried every diet going.", [], names)
    assert dangling_reason("Kerry Hughes, 41, tried every diet going.", [], names) is None
    assert dangling_reason("Kerry tried every diet going.", ["Kerry Hughes was sick of it."], names) is None
    assert dangling_reason("Kerry, though, is sticking with them.", [], names)


def test_a_surname_in_the_possessive_still_needs_introducing():
    from summarize.coherence import dangling_reason, surnames

    names = surnames("Maria Vega used the drops every day. Vega said they helped at first.")
    assert dangling_reason("Eye doctors say Vega's experience is more common than most people think.", [], names)
    assert dangling_reason("Maria Vega's eyes were red for months.", [], names) is None


def test_the_preferred_caveat_takes_the_caveat_slot():
    # the caveat filter's conclusion-level caveat, passed as `prefer`, is the lead's one caveat
    article = parse_draft(NEWS)
    preferred = "The review included 1,683 people with sleep problems."
    picks = plan.plan(article, max_words=120, prefer=["Not a sentence of this draft.", preferred])
    assert [p.text for p in picks if p.role == "caveat"] == [preferred]
    # one that does not fit the budget is passed over: the slot goes to MMR's caveat as before
    long = "Side effects such as headaches and dizziness were reported, and more research is needed on long-term use."
    assert _lead(plan.plan(article, max_words=30, prefer=[long])) == _lead(plan.plan(article, max_words=30))


def test_a_persons_pronoun_inside_a_sentence_follows_only_its_own_draft_neighbour():
    # "Both of her kids …" is about the mother the draft named just before it, not the doctor the
    # lead would put before it
    from summarize.extract import Extract

    mother = "Jessica Trujillo keeps a bottle of melatonin gummies in her kitchen in Dayton."
    doctor = "Dr. Amara Sethi, a pediatric sleep specialist, says she is not against melatonin."
    kids = "Both of her kids take the gummies most nights."

    def pick(text, role, start, context=None):
        return plan.Pick(Extract(text, "intro", start, start + len(text)), role, context)

    picks = [pick(mother, "opening", 0), pick(doctor, "point", 300), pick(kids, "point", 100, mother)]
    kept = [p.text for p in plan._resolvable(picks, can_decontextualize=False)]
    assert kept == [mother, doctor]
    # right after its neighbour it reads
    picks = [pick(mother, "opening", 0), pick(kids, "point", 100, mother)]
    assert [p.text for p in plan._resolvable(picks, can_decontextualize=False)] == [mother, kids]


def test_study_design_words_are_not_the_drafts_subject():
    sentences = [plan.Extract(t, "intro", 0, len(t)) for t in [
        "A case series of 86 patients found severe withdrawal from butanediol.",
        "The case series drew on three centres.", "Butanediol is sold as a solvent.",
        "Case reports and case series are all the evidence on butanediol withdrawal."]]
    terms = plan.topic_terms(sentences, "Butanediol withdrawal often severe, case series shows")
    assert terms[0] == "butanediol" and "case" not in terms and "series" not in terms


def test_a_news_page_quoting_odds_ratios_is_a_story_not_a_review():
    from summarize.corpus.parse import parse_article

    page = "\n".join([
        "Home", "News", "Toxicology",
        "Butanediol Withdrawal Often Severe, Case Series Shows",
        "by Karen Ostrow, Senior Staff Writer, ClinicWire March 6, 2025",
        "Patients withdrawing from butanediol frequently developed severe withdrawal, with nearly half needing "
        "intensive care, a case series of 86 patients showed.",
        "Dosing every three hours or more often was linked to intensive care (OR 3.1, 95% CI 1.2-8.0).",
        "Seizures developed in 9% of patients, and one patient died.",
        "Butanediol is converted to GHB in the body and is sold as an industrial solvent.",
        "There are no randomized trials to guide treatment of butanediol withdrawal, and practice rests on "
        "case series and expert opinion, the authors wrote.",
    ])
    a = parse_article(page)
    assert not plan.is_review(a)
    assert plan.plan(a)[0].text.startswith("Patients withdrawing from butanediol")
    # the same text as a journal abstract, with no byline, is read as one
    assert plan.is_review(parse_article("\n\n".join(page.split("\n")[5:])))


def test_a_point_that_leans_on_its_person_is_picked_with_the_person_restored():
    # "She said …" follows a sentence too short to be a point that names her; without a model that
    # decontextualizes, the rules restore her from the draft instead of dropping the point
    draft = ("Valerian root is sold as a sleep aid in most pharmacies, and sales of valerian have doubled.\n\n"
             "Dr. Ana Ruiz disagrees. "
             "She said valerian extracts vary widely in strength from one valerian brand to the next.\n\n"
             "Valerian is generally well tolerated in short courses.")
    picks = plan.plan(parse_draft(draft), max_words=200)
    restored = [p for p in picks if p.restored]
    assert [p.text for p in restored] == [
        "Dr. Ana Ruiz said valerian extracts vary widely in strength from one valerian brand to the next."]
    assert restored[0].restored == ["Dr. Ana Ruiz"]
    assert restored[0].extract.start == draft.index("She said")  # provenance: the draft's own sentence


def test_a_lead_does_not_open_on_a_share_of_a_set_it_has_not_named():
    draft = ("# Mushroom Coffee\n\nMushroom coffee has gone from a curiosity to a staple.\n\n"
             "## What Is in It\n\n"
             "Most blends contain about half the caffeine of regular coffee, because mushroom powder from chaga or "
             "reishi replaces part of the ground coffee in each serving.\n\n"
             "The caffeine in a serving of mushroom coffee comes from the ground coffee, and the chaga or reishi "
             "powder adds no caffeine.\n\n"
             "## The Claims\n\n"
             "Makers claim chaga and reishi powder in a serving of coffee calms the caffeine jitters.\n\n"
             "Talk to your doctor if you take blood thinners.")
    assert _opening(parse_draft(draft), max_words=200) == "Mushroom coffee has gone from a curiosity to a staple."


def test_a_lead_does_not_open_by_telling_the_reader_what_to_do():
    draft = (
        "Use a decongestant spray for more than a few days in a row and the blood vessels start to respond "
        "less, so that congestion returns as each dose wears off.\n\n"
        "Few remedies work as quickly as a decongestant nasal spray for a blocked nose.\n\n"
        "What the sprays do\n\n"
        "Decongestant sprays narrow swollen blood vessels in the lining of the nose within minutes.\n\n"
        "Rebound congestion\n\n"
        "Regular use of a decongestant spray can cause rebound congestion that is hard to stop.\n\n"
        "Talk to a pharmacist if a blocked nose lasts more than a week."
    )
    picks = plan.plan(parse_draft(draft))
    assert not picks[0].text.startswith("Use a decongestant")


def test_a_finding_that_leans_on_its_method_sentence_opens_the_lead_with_the_group_restored():
    # the news is in "Those who began …"; the sentence before only says what the team examined,
    # and the quote beside it is colour
    draft = ("Sleep pills and falls\n\n"
             "The researchers examined health records for 90,000 adults aged 65 "
             "and older who started a sleep medicine for insomnia. "
             "Those who began low-dose zopiclone had a 20% higher rate of falls and hip fractures over the "
             "following year than similar adults who took no sleep medicine.\n\n"
             '"Sleep pills are not the gentle option for older adults with insomnia," said the study\'s lead author.\n\n'
             "Zopiclone can cause grogginess the next morning, and older adults are more sensitive to it.")
    opening = plan.plan(parse_draft(draft), max_words=120)[0]
    assert opening.text.startswith("Adults aged 65 and older who began low-dose zopiclone had a 20% higher rate")
    assert opening.restored == ["Adults aged 65 and older"]
    assert opening.extract.start == draft.index("Those who")  # provenance: the draft's own sentence


def test_a_definition_that_leans_on_the_term_before_it_opens_the_lead_with_the_term():
    draft = ("Searching your symptoms\n\n"
             "Who has not typed a headache into a search bar late at night? "
             "Researchers have a name for this: cyberchondria.\n\n"
             "The term describes repeated, excessive searching for health information online that leaves a person "
             "more anxious rather than less.\n\n"
             "Pages about frightening conditions attract more clicks, so they rise to the top of search results.\n\n"
             "If checking takes up much of your day, speak to your GP about talking therapy.")
    opening = plan.plan(parse_draft(draft), max_words=120)[0]
    assert opening.text.startswith("The term cyberchondria describes repeated, excessive searching")
    assert opening.restored == ["cyberchondria"]


def test_a_product_opening_is_introduced_as_the_draft_first_described_it():
    draft = ("A mother of three who drank an unlicensed \"curves\" syrup bought on Instagram says it left her so "
             "drowsy that she slept through the school run.\n\n"
             "Dana Price, 29, started on the syrup after seeing influencers post about it.\n\n"
             "The syrup, sold under the brand name Curvexa, contains cyproheptadine, an antihistamine that can boost "
             "appetite.\n\n"
             "It is not licensed in the UK, and cyproheptadine can only be supplied on prescription.\n\n"
             "Bottles are shipped in from overseas and sold for as little as £12 on social media.\n\n"
             "Within two months she needed two spoonfuls instead of one to get the same effect.\n\n"
             "Doctors say anyone who has taken it for a while should not stop suddenly and should see a GP.\n\n"
             "The regulator said it had seized more than 9,000 bottles of unlicensed appetite syrups since 2023.")
    opening = plan.plan(parse_draft(draft), max_words=120)[0]
    assert opening.text.startswith('An unlicensed "curves" syrup, sold under the brand name Curvexa, contains')
    assert opening.extract.start == draft.index("The syrup, sold")


def test_the_news_after_a_features_reveal_opens_the_lead_with_what_it_revealed():
    draft = ("Asha Rao, 23, has failed her exams twice. For her third attempt she has a new ally: a tablet she "
             "buys from a chemist near her hostel.\n\n"
             "The tablet is modafinil, a prescription medicine approved for narcolepsy. It is now being used widely "
             "by students preparing for exams, according to a survey released on Friday by researchers at a "
             "medical institute.\n\n"
             "Nine per cent said they took modafinil every week during exam season.\n\n"
             "Most students said they bought the tablets from a chemist, a friend or an online seller.\n\n"
             "Modafinil is sold legally only against a prescription, but chemists rarely ask for one.\n\n"
             "Some students said the drug helped them stay awake, but few said their marks improved.\n\n"
             "Studies of modafinil in healthy people have found only small effects on memory.\n\n"
             "Coaching centres say they will give students accurate information about the drug.\n\n"
             "Modafinil can cause headaches and anxiety, and some students need a higher dose over time.")
    opening = plan.plan(parse_draft(draft), max_words=120)[0]
    assert opening.text.startswith("Modafinil, a prescription medicine approved for narcolepsy, is now being used "
                                   "widely by students")
    assert opening.extract.start == draft.index("It is now")


def test_a_check_told_by_its_purpose_is_methods_not_the_news():
    draft = ("Melatonin gummies for children are selling fast, pharmacists say\n\n"
             "To get a sense of what parents are buying, The Herald purchased six brands of children's melatonin "
             "gummies and sent them to a laboratory.\n\n"
             "Pharmacists told The Herald that sales of children's melatonin gummies have risen sharply over the past "
             "two years.\n\n"
             "Melatonin doses in the gummies ranged from half to three times the label's figure.\n\n"
             "Melatonin is a hormone the body makes in the evening to signal that it is time to sleep.\n\n"
             "Doctors say poor sleep in children can point to other problems that a gummy will not fix.\n\n"
             "Side effects in children include morning grogginess, headaches and vivid dreams.\n\n"
             "Parents should talk to a doctor before giving a child melatonin.")
    assert _opening(parse_draft(draft), max_words=120).startswith("Pharmacists told The Herald")


def test_a_lead_does_not_open_on_a_quote_even_one_full_of_the_headlines_words():
    draft = ("Zopiclone raises the risk of falls in older adults\n\n"
             '"Zopiclone is not the gentle sleep option for older adults that many doctors think, because zopiclone '
             'leaves them unsteady and at risk of falls," said the lead author of a new study.\n\n'
             "Older adults who took zopiclone had more falls in a records study.\n\n"
             "Zopiclone can cause grogginess the next morning.")
    assert _opening(parse_draft(draft), max_words=120) == "Older adults who took zopiclone had more falls in a records study."


def test_neither_an_experts_aside_nor_background_restored_opens_a_news_story():
    # restored, "For now, he says, the findings are a reason for further research …" is still an
    # expert's aside, and "It has about 70 per cent of the sweetness of table sugar …" background
    # that gained the subject's name (a labelled draft the project wrote)
    from pathlib import Path

    from summarize.corpus.parse import parse_article

    path = next((Path(plan.__file__).parent / "evaluation" / "labelled" / "news17").glob("n05-*erythritol.txt"))
    opening = plan.plan(parse_article(path.read_text(encoding="utf-8")))[0]
    assert not opening.text.startswith(("For now", "Erythritol has about 70 per cent"))


def test_a_draft_of_short_sentences_gets_a_lead_not_a_list():
    facts = ["Biotin helps the body turn food into energy.", "Eggs, nuts and seeds contain plenty of biotin.",
             "Gut bacteria make some biotin too.", "Adults need about 30 micrograms of biotin a day.",
             "Many biotin supplements contain 10,000 micrograms.", "Biotin deficiency is rare in adults.",
             "Biotin deficiency can thin the hair.", "Raw egg white binds biotin in the gut.",
             "Biotin can skew thyroid blood tests.", "Biotin dissolves in water and leaves in urine."]
    draft = "Biotin for hair\n\n" + "\n\n".join(facts) + "\n"
    picks = plan.plan(parse_draft(draft), max_words=130)
    assert sum(p.role == "point" for p in picks) <= 4


def test_a_team_telling_whom_it_recruited_is_methods():
    from summarize.plan import _METHODS

    assert _METHODS.search("The team recruited young people who attended the institute's outpatient clinics.")
    assert _METHODS.search("The study team interviewed 40 pharmacists in three cities.")
    assert not _METHODS.search("The team found that a third of chewers had early signs of fibrosis.")


def test_what_the_anecdotes_person_says_and_does_next_is_anecdote_too():
    from summarize.extract import Extract

    texts = ['"One sachet gives me courage on the road," said Moses Kato, 27, a rider at the stage.',
             "He said he drinks three or four sachets a day.",
             "Riders who drank daily were twice as likely to report a crash, the survey found.",
             "He said the figures were worrying.",
             "Mr. Kato said he wanted to cut down.",
             "Dr. Sarah Nabirye, a psychiatrist, said withdrawal can be dangerous.",
             "She said riders should seek help."]
    sentences, at = [], 0
    for t in texts:
        sentences.append(Extract(t, "section 1", at, at + len(t)))
        at += len(t) + 1
    picked = plan._anecdotes(sentences, frozenset({"Kato"}))
    assert [s.text for s in sentences if id(s) in picked] == texts[:2] + texts[4:5]


def test_a_person_named_by_a_first_name_only_for_privacy_is_the_anecdotes():
    text = ("One patient, a 23-year-old mechanic who asked that only his first name, Ibrahim, be used, "
            "said he was first sold the drug in 2022. Dr. Hadiza Lawal said cases were rising.")
    assert coherence.aged_people(text) == {"Ibrahim"}


@pytest.mark.parametrize("title, sentence", [
    ("A stop-smoking pill helped teens quit vaping in a Wisconsin trial. Doctors say it is not a fix",
     "A stop-smoking pill helped teens quit vaping in a Wisconsin trial."),
    # headline-ese, a question, Title Case, a list of the story's topics: no sentence
    ("Smuggled sleep strips of etizolam hooking young workers, psychiatrists warn", None),
    ("Could a pill help teens quit vaping for good, and at what cost?", None),
    ("A Stop-Smoking Pill Helped Teens Quit Vaping In A Wisconsin Trial", None),
    ("The psychedelic root some veterans are crossing the border for, and what a small new study found", None),
])
def test_a_headline_written_as_a_sentence(title, sentence):
    from summarize.corpus.parse import parse_article

    article = parse_article(f"{title}\nBy Jane Roe\nMarch 18, 2026 5:04 AM CT\n"
                            "Mya Lindqvist, 17, started vaping in eighth grade.\n"
                            "Researchers enrolled 261 people aged 16 to 21 who vaped every day.\n")
    got = plan._title_sentence(article)
    assert (got.text if got else None) == sentence


def test_a_case_told_as_the_news_opens_with_its_person_named_across_a_headless_drafts_parts():
    from summarize.corpus.parse import parse_article

    page = "\n".join([
        "Kidney doctors warn dialysis patients off noni juice after potassium scares",
        "By Litia Naivalu",
        "March 3, 2026 8:47 pm",
        "When Salote Waqa, 58, started drinking a glass of noni juice every morning, she thought she was doing her "
        "failing kidneys a favour.",
        '"My neighbour told me it cleans the blood," said the grandmother from Nausori, who has been on dialysis since 2023.',
        "Six weeks later she collapsed at home and was rushed to hospital with a dangerously high potassium level.",
        "Her case is one of 11 that kidney doctors at the dialysis unit have linked to noni juice and high potassium in "
        "the past year, prompting a warning to dialysis patients.",
        "Dr Mereoni Tuilau, a nephrologist at the unit, said staff reviewed the records of 212 dialysis patients.",
        "Noni juice is rich in potassium, which can build up to dangerous levels in people whose kidneys cannot clear it.",
        "Most of the research behind the claims made for noni has been done in test tubes and animals.",
        "Noni can also interact with some blood pressure medicines, such as spironolactone.",
        "Patients on dialysis should ask their kidney team before drinking any herbal juice.",
    ])
    article = parse_article(page)
    assert len(article.sections) > 1 and all(s.heading is None for s in article.sections)  # (cut for the outline)
    assert plan.plan(article)[0].text.startswith("Salote Waqa's case is one of 11")


@pytest.mark.parametrize("sentence, news", [
    ("Her case is one of 11 that kidney doctors have linked to noni juice in the past year.", True),
    ("Azzopardi's story is increasingly familiar to emergency doctors, who say they see more cases.", True),
    ("Her case notes were lost when the clinic moved.", False),
    ("Counsellors at the centre say Kwabena, who asked that his surname not be printed, is one of a growing "
     "number of young men arriving dependent on flunitrazepam.", True),
])
def test_a_persons_case_told_as_an_instance_of_the_news_is_a_nut_graf(sentence, news):
    assert coherence.nut_graf(sentence) is news


def test_a_reviews_design_words_are_not_its_subject():
    sentences = [plan.Extract(t, "intro", 0, 1) for t in (
        "The included studies compared propofol with placebo interventions.",
        "The included studies were heterogeneous and of low quality.",
        "Propofol reduced pain compared with placebo in the included studies.")]
    assert plan.topic_terms(sentences)[0] == "propofol"


@pytest.mark.parametrize("sentence, advice", [
    ("People with liver disease should avoid kava.", True),
    ("Avoid taking it with alcohol.", True),
    ("It is best to avoid combining it with alcohol.", True),
    ("Follow the dose on the label.", True),
    # a finding, and a follow-up
    ("Women who had high feedback were more likely to stop smoking and to avoid alcohol.", False),
    ("Histological changes were reported in a long-term follow-up trial.", False),
])
def test_advice_is_what_the_reader_is_told_to_do(sentence, advice):
    assert bool(plan._ADVICE.search(sentence)) is advice


def test_a_bare_statistic_is_a_weaker_point_than_a_finding():
    draft = (
        "Probiotics may reduce diarrhoea caused by radiotherapy, but the evidence is of low certainty. "
        "For the need for rescue medication in radiotherapy patients, the pooled RR of probiotics was 0.50. "
        "For diarrhoea of any grade in radiotherapy patients, the pooled RR of probiotics was 0.59. "
        "Probiotics did not reduce the need for rescue medication in the largest trial of radiotherapy patients. "
        "No study reported serious side effects of probiotics in radiotherapy patients.")
    texts = _lead(plan.plan(parse_draft(draft), max_words=60))
    assert not any("pooled RR" in t for t in texts)
    assert any(t.startswith("Probiotics did not reduce") for t in texts)


def test_a_risk_ratio_in_brackets_does_not_make_a_finding_a_caveat():
    draft = ("Clobazam may reduce seizures when added to other medicines, but the evidence is of low certainty. "
             "Compared with placebo, clobazam increased the share of people whose seizures halved "
             "(risk ratio 2.14, 95% CI 1.5 to 3.0). "
             "Most trials were small and short, and more research is needed on clobazam.")
    roles = {p.text.split(",")[0]: p.role for p in plan.plan(parse_draft(draft), max_words=80)}
    assert roles.get("Compared with placebo") == "point", roles


def test_a_feature_opens_on_the_news_its_anecdote_stands_for():
    page = ("Valleys Today\n\nOxazepam shortage leaves users facing withdrawal as GPs switch prescriptions\n\n"
            "By Rhodri Llewellyn, Health Reporter\n\n"
            "Gwyneth Price, 71, from Ebbw Vale, has taken oxazepam every night since 2009. Last month her pharmacist "
            "told her there was none in stock.\n\n"
            "Mrs Price is one of hundreds of people across south-east Wales who have been switched from oxazepam "
            "after a UK-wide supply problem. The health board said around 1,400 patients in its area had an active "
            "oxazepam prescription.\n\n"
            "Doctors say most patients move onto diazepam without difficulty, but a minority struggle with "
            "withdrawal.")
    opening = plan.plan(parse_draft(page))[0].text
    assert opening.startswith("Hundreds of people across south-east Wales have been switched from oxazepam"), opening


@pytest.mark.parametrize("sentence, meta", [
    ("Now scientists have taken a look.", True),
    ("So researchers decided to find out.", True),
    ("Now regulators have put the claims to the test.", True),
    # a teaser's words in a sentence that reports something
    ("Now scientists have taken a look at 40 patients and found the oil eased itching.", False),
    ("Scientists have taken a look at tamanu oil before.", False),
    ("Sister Ngubane said the answer was not simple.", True),
    ("The biggest worry for clinic staff is what clay does to iron tablets.", True),
    ("The biggest worry for clinic staff is that clay binds iron, so the tablets do less.", False),
])
def test_a_teaser_turning_to_the_next_sentence_is_no_point(sentence, meta):
    assert coherence.is_meta(sentence) is meta
    assert plan.usable(sentence) is not meta


@pytest.mark.parametrize("sentence, meta", [
    ("The frequency is usually listed as a rough estimate.", True),
    # a drug's legal listing is a fact, not a page's pointer
    ("It is listed as a Schedule IV controlled substance.", False),
    ("Areca nut is listed as a carcinogen by the agency.", False),
])
def test_a_legal_listing_is_no_pages_pointer(sentence, meta):
    assert coherence.is_meta(sentence) is meta
