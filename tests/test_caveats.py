"""Tests for the caveat post-filter (summarize.caveats) and its CLI.

All texts are short fixtures written for these tests.
"""
from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from summarize.caveats import CaveatFilter, Detector, PolicyError, load_policy
from summarize.caveats.nlp import content_words
from summarize.caveats.policy import DEFAULT_POLICY_PATH

# --------------------------------------------------------------------------- fixtures

DRAFT = (
    "Valerian Root and Sleep\n"
    "Valerian is a flowering herb whose root has been used as a bedtime remedy for centuries. "
    "Its compounds bind to GABA receptors in the brain, which may explain its calming effect.\n"
    "What the Studies Say\n"
    "Several small trials report that people fall asleep a little faster. "
    "It's important to note that the evidence is still limited, and more research is needed before firm conclusions can be drawn.\n"
    "Safety\n"
    "Some people get headaches or an upset stomach after taking it. "
    "Valerian can interact with alcohol and sleeping pills, so do not combine them. "
    "Talk to a doctor before using it if you take other medicines.\n"
    "Valerian is a gentle option for many adults who want to sleep better."
)

LEAD_OK = (
    "Valerian is a herb used for sleep. Small trials suggest a modest benefit, but more research is needed. "
    "It may cause headaches and can interact with alcohol and sleeping pills. Talk to a doctor before using it."
)


@pytest.fixture(scope="module")
def f() -> CaveatFilter:
    return CaveatFilter()


def _variants(f, text: str, cue: str) -> list[str]:
    """The compressed versions of ``text`` that keep ``cue``, most compressed first."""
    from summarize.caveats.repair import compress_variants

    at = text.index(cue)
    return compress_variants(text, [(at, at + len(cue))], f.policy)


@pytest.fixture(scope="module")
def det() -> Detector:
    return Detector(load_policy())


def kinds_of(det: Detector, text: str, topic=frozenset({"valerian"})) -> set[str]:
    return {d.kind for d in det.sentence(text, topic) if d.is_caveat}


# --------------------------------------------------------------------------- detection: each kind


@pytest.mark.parametrize("text,kind", [
    ("Regular use can lead to dependence and withdrawal symptoms when you stop.", "dependency"),
    # a treatment in the same sentence leaves the risk after "but" standing
    ("Codeine can help with pain, but people who become dependent on it find it hard to stop.", "dependency"),
    ("Some users develop a tolerance to its effects.", "dependency"),
    ("The evidence is still limited and more research is needed.", "research"),
    ("We are uncertain about the effect because the evidence was of very low quality.", "research"),
    ("Talk to your doctor before you start taking it.", "professional"),
    ("It should only be used under medical supervision.", "professional"),
    ("It is not approved by the FDA for treating insomnia.", "legal"),
    ("Its legal status varies from country to country.", "legal"),
    ("It can interact with blood thinners such as warfarin.", "interactions"),
    ("Do not mix it with alcohol.", "interactions"),
    ("Some people report side effects such as nausea.", "side_effects"),
    ("Experts say little is known about the long-term effects of giving it to children.", "research"),
    ("High doses can cause liver damage.", "side_effects"),
    # news and consumer-health phrasings
    ("Because the study relied on records, it could not show whether valerian caused the change.", "research"),
    ("We do not have good trials following people who take valerian for years.", "research"),
    ("The results may not apply to older adults.", "research"),
    ("Most of this evidence comes from cell and animal studies.", "research"),
    ("Despite these results, the evidence base is still thin.", "research"),
    ("Valerian should not be combined with alcohol or sleeping pills.", "interactions"),
    ("It can change blood levels of drugs such as warfarin.", "interactions"),
    ("Anyone taking prescription medicines should check with a doctor before adding valerian.", "professional"),
    ("Manufacturers do not have to prove that valerian works before selling it.", "legal"),
    ("Regulators in several countries restricted or withdrew valerian products.", "legal"),
    ("Valerian can impair coordination and reaction time.", "side_effects"),
    ("Valerian is not considered safe during pregnancy.", "side_effects"),
    ("Heavy use of valerian has been linked to raised liver enzymes.", "side_effects"),
    ("Larger, rigorously blinded trials with longer follow-up, conducted in more diverse populations, are needed "
     "before valerian can be recommended.", "research"),
    ("If a child eats an edible, parents should call Poison Control right away.", "professional"),
    ("Go to the nearest emergency room if a child has trouble breathing.", "professional"),
    ("People with kidney disease should avoid creatine unless a doctor has approved it.", "professional"),
    ("Recreational marijuana has been legal for adults 21 and older in Colorado since 2014.", "legal"),
    ("Supplements are less tightly regulated than medicines.", "legal"),
    ("The vaccines have been linked to a small increased risk of Guillain-Barre syndrome.", "side_effects"),
    # read from news46's tune half
    ("It took me three tries to get off it.", "dependency"),
    ("Coming off it was harder than I expected.", "dependency"),
    ("There has never been a trial of these doses for these purposes.", "research"),
    ("Dizziness and nausea are common during a session, and valerian can sharply raise blood pressure.", "side_effects"),
    ("Dizziness and somnolence were more common with valerian than with placebo.", "side_effects"),
    ("Heavy use of valerian has been linked to serious bladder damage.", "side_effects"),
    ("Toddlers who eat valerian gummies can become extremely drowsy and struggle to breathe.", "side_effects"),
    ("Because it can make people sleepy, it may affect driving or operating machinery.", "side_effects"),
    ("Some antibiotics slow the breakdown of valerian and can make its effects stronger.", "interactions"),
    ("Combining valerian tablets with other stimulants adds to the strain on the heart.", "interactions"),
    ("People are usually told to stop taking it at least two weeks before surgery.", "interactions"),
    ("As a food supplement, it does not have to be proven safe or effective before it goes on sale.", "legal"),
    ("Products bought from overseas websites are not checked by local regulators.", "legal"),
    ("Most of the products would exceed the legal THC limit once heated.", "legal"),
    ("It is also sold illegally online as a smart drug.", "legal"),
    ("Valerian is a prescription medicine in New Zealand.", "legal"),
    # read from news48 (after its held-out measurement): a schedule "for its abuse potential" is no
    # treatment "for abuse"
    ("Valerian is scheduled for its abuse potential in many countries.", "dependency"),
    # news phrasings of dependency without "addiction" or "withdrawal symptoms"
    ("Tolerance builds quickly, so people need larger doses to feel the same effect.", "dependency"),
    ("Tolerance to the calming effect can develop after a few weeks.", "dependency"),
    ("Over time, users may need more of the drug to get the same effect.", "dependency"),
    ("Stopping abruptly can trigger withdrawal, including tremors and, in rare cases, seizures.", "dependency"),
    ("Some patients go through withdrawal when they try to quit.", "dependency"),
    ("Withdrawal can be severe and should be managed by a doctor.", "dependency"),
    ("Many people who use it daily get hooked.", "dependency"),
    ("The drug is widely misused, and overdoses have risen.", "dependency"),
    ("Heavy use can lead to cannabis use disorder, in which people cannot cut back despite harm.", "dependency"),
    ("Some users experience rebound insomnia when they stop taking the pills.", "dependency"),
    ("Quitting suddenly can cause irritability and poor sleep for a week or two.", "dependency"),
    # limits of one study as news states them
    ("With no control group, the team cannot rule out a placebo effect.", "research"),
    ("Finding valerian in a blood sample does not mean it caused the symptoms.", "research"),
    ("Most of the work on valerian has been done in mice.", "research"),
    ("Only a handful of small human trials exist.", "research"),
    ("The findings apply only to adults over 70.", "research"),
    ("Do not change the dose without talking to your prescriber.", "professional"),
    # coming off it, in news wording
    ("People who want to quit should taper the dose over several weeks.", "dependency"),
    ("Gradually stepping down to lower strengths can make quitting easier.", "dependency"),
    ("Coming off the drug too quickly can bring on dizziness and insomnia.", "dependency"),
    ("Discontinuation symptoms such as dizziness are common.", "dependency"),
    ("The tablets should not be stopped suddenly after months of use.", "dependency"),
    ("Abrupt changes in dose can cause fatigue and low mood.", "dependency"),
    ("Patients should not stop taking gabapentin suddenly.", "dependency"),  # a warning, not a negation
    ("After weeks of nightly use, it can help to taper off gradually rather than stop at once.", "dependency"),
    ("Stopping suddenly after regular use can cause anxiety, agitation and insomnia.", "dependency"),
    ("Please don't try to quit cold turkey on your own.", "dependency"),
    ("Ask your doctor about a tapering plan.", "dependency"),
    ("Some people notice anxiety or irritability for a few days after stopping.", "dependency"),
    ("Regular use can lead to a difficult withdrawal when people stop.", "dependency"),
    ("Patients were never told how hard it can be to come off it.", "dependency"),
    # a negated judgement of worth, or a risk not removed, still states the risk
    ("Gum lowers but does not remove the risk of becoming dependent.", "dependency"),
    ("The gum may not be worth the risk of picking up a habit that smokers spend years trying to break.", "dependency"),
    ("The uncertain benefits do not justify a treatment that may be hard to give up.", "dependency"),
    # a question left open, a sample that may not stand for the whole, small or unblinded trials
    ("Registry studies cannot settle the question on their own.", "research"),
    ("The samples came from volunteers, so they may not reflect the drug supply as a whole.", "research"),
    ("Most ketamine trials have been small, often with fewer than 100 participants.", "research"),
    ("The trial could not be blinded, because participants knew which group they were in.", "research"),
    ("What we don't have is good evidence on what happens after five years.", "research"),
    ("Its case as an anxiety treatment is far from settled.", "research"),
    ("The evidence that kava eases anxiety is mixed at best.", "research"),
    ("The findings should not be extended to severe depression.", "research"),
    # coming off it gradually, relying on it, symptoms after an abrupt stop
    ("Seizures have been reported after suddenly stopping high doses.", "dependency"),
    ("Doctors advise lowering the dose slowly instead of quitting cold turkey.", "dependency"),
    ("If you want to stop, cutting down gradually over a fortnight helps.", "dependency"),
    ("Regular users can come to rely on the pills to get to sleep.", "dependency"),
    ("Some teenagers end up vaping every hour just to feel normal.", "dependency"),
    ("Many patients who try to come off it find it hard without help.", "dependency"),
    ("The herb is not entirely free of withdrawal risks.", "dependency"),
    ("Regular users say they're hooked within weeks.", "dependency"),
    ("People who take it every day for months can become dependent on the drug itself.", "dependency"),
    ("Doctors see users who can't stop, even after the numbness starts.", "dependency"),
    ("They keep upping the dose to get the same calm.", "dependency"),
    ("Some patients end up applying the cream more and more often.", "dependency"),
    ("Users feel irritable and unable to sleep for days when they try to give it up.", "dependency"),
    ("The powder was made a controlled drug last year amid fears it was being misused.", "dependency"),
    ("Months of nightly use can leave the gut reliant on the tablets.", "dependency"),
    ("A third said they could no longer fall asleep without them.", "dependency"),
    ("Many people meant to take it for a week end up relying on it for years.", "dependency"),
    ("Over time the brain gets used to it.", "dependency"),
    ("The skin does adapt to the cream, and it can take months to recover.", "dependency"),
    ("Anyone who has taken it for months should not simply stop.", "dependency"),
    ("A pharmacist can plan a gradual reduction over several weeks.", "dependency"),
    ("Some teenagers take the syrup deliberately to get high.", "dependency"),
    ("Several states limited sales because of concerns about misuse.", "dependency"),
    ("Looking back, I was hooked on the way the pills made me feel.", "dependency"),
    ("Every time I came off them, I felt flat for a week.", "dependency"),
    ("He tried to quit three times before it worked.", "dependency"),
    ("Anyone stopping after months of use should do it with medical support.", "dependency"),
    # withdrawal in anecdotes and advice, more than planned, the dose creeping up
    ("Some users in withdrawal have needed hospital care.", "dependency"),
    ("Coming off them without help can mean a week of aches and insomnia.", "dependency"),
    ("He came off the tablets slowly over two months.", "dependency"),
    ("Stopping after months of use can leave people feeling flat and exhausted.", "dependency"),
    ("Users often end up taking it more often than they intended.", "dependency"),
    ("Two capsules used to be enough, and now they need five.", "dependency"),
    ("Teenagers who use it daily end up needing more and more.", "dependency"),
    ("Some take it all day just to avoid feeling sick.", "dependency"),
    ("Taking breaks helps keep tolerance down.", "dependency"),
    ("Tolerance to valerian can build within a week.", "dependency"),
    ("I'd be shaky and sweating by noon if I skipped a dose.", "dependency"),
    ("The sprays can cause rebound congestion.", "dependency"),
    ("Patients are told not to stop suddenly without advice.", "dependency"),
    ("Few people realise how easy it is to slip into dependence.", "dependency"),
    # a study's reach, its sample, its measures; a call or a verdict in news words
    ("The true toll is probably higher than the figures show.", "research"),
    ("Registry data undercount the problem.", "research"),
    ("Most of what we know comes from case reports.", "research"),
    ("The poll has its weak spots.", "research"),
    ("The study relied on people remembering what they took years ago.", "research"),
    ("Nobody has run a proper trial of valerian in children.", "research"),
    ("The figures should be treated with some caution.", "research"),
    ("We need bigger, longer studies.", "research"),
    ("A randomised trial would be needed to settle it.", "research"),
    ("The finding needs to be replicated elsewhere.", "research"),
    ("It's one study, and a small one.", "research"),
    ("The volunteers were self-selected.", "research"),
    ("The survey had nothing to compare against.", "research"),
    ("Those results can't simply be applied to over-the-counter doses.", "research"),
    ("Questions remain about how the trials were run.", "research"),
    ("In healthy adults, the picture is murkier.", "research"),
    ("Studies of the powders are typically small and short.", "research"),
    ("Only three trials recorded side effects.", "research"),
    ("A small benefit cannot be ruled out.", "research"),
    ("Most of the work had funding from the company that sells the capsules.", "research"),
    ("The poll can't say whether the gummies caused the change.", "research"),
    ("Nobody has followed users for more than a year.", "research"),
    ("The audit has real gaps, its authors admit.", "research"),
    ("Its long-term effects are largely uncharted.", "research"),
    ("The cases counted are just the tip of the iceberg.", "research"),
    ("Milder cases are likely to have been missed.", "research"),
    ("The household survey may not reach the heaviest users.", "research"),
    ("The clinic days were not a scientific survey.", "research"),
    ("The study doesn't tell us why the rash happens.", "research"),
    ("The science hasn't caught up with the shop shelves.", "research"),
    ("Losing those volunteers could have flattered the results.", "research"),
    ("It is hard to separate the effect of the water from the company.", "research"),
    ("We genuinely don't know yet which part helps.", "research"),
    ("How well the syrup works is less certain than its sales suggest.", "research"),
    ("The evidence that it works is modest.", "research"),
    ("Data comparing the two capsules with each other were too sparse to draw conclusions.", "research"),
    ("In most trials neither participants nor assessors were blinded.", "research"),
    ("Many participants withdrew from the trials before the end of treatment.", "research"),
    ("The certainty of the evidence ranges from low to very low.", "research"),
    ("It asked former users to recall how much they took.", "research"),
    # a negator inside the cue is part of it
    ("By then I could not get through the day without it.", "dependency"),
    ("Some users say they cannot sleep without it.", "dependency"),
    # a study's limits, unpublished, not replicated, animal results that may not carry over
    ("The survey has several limitations.", "research"),
    ("The results have not yet been published in a peer-reviewed journal.", "research"),
    ("The big, long studies simply haven't been done.", "research"),
    ("The effect hasn't been replicated in a second group of volunteers.", "research"),
    ("Most of the early data came from experiments in mice.", "research"),
    ("What works in rats often fails to translate to humans.", "research"),
    ("We still don't know who benefits most.", "research"),
    ("Poison centre calls cannot tell us how common the problem is.", "research"),
    ("Until bigger, independent trials are done, the claims should be treated with caution.", "research"),
    ("Few readers realise how thin the evidence really is.", "research"),
    ("Most of the trials lasted only a few weeks.", "research"),
    ("Two of the studies were funded in part by the company that sells the extract.", "research"),
    ("None of the studies followed volunteers for longer than six months.", "research"),
    ("It is hard to know whether the findings apply to store-bought gummies.", "research"),
    ("The results should be read with a grain of salt.", "research"),
    ("Long-term safety in teenagers hasn't been studied.", "research"),
    # dependency in news wording: misuse, the effect fading, the dose creeping up, coming off it
    ("Pharmacists said the tablets were being diverted and misused at parties.", "dependency"),
    ("After a month the pills stopped working and she needed two.", "dependency"),
    ("The same dose no longer works after a few weeks.", "dependency"),
    ("Patients say they feel it wearing off by the afternoon.", "dependency"),
    ("Each puff wears off sooner than the last.", "dependency"),
    ("The calm fades with daily use, leading users to take larger amounts.", "dependency"),
    ("A few students go on to take it in escalating amounts.", "dependency"),
    ("The body gets used to these tablets within weeks.", "dependency"),
    ("With daily use the nose becomes less responsive to the spray.", "dependency"),
    ("At high doses, doctors see tolerance within weeks.", "dependency"),
    ("Craving and tolerance are common with the powder.", "dependency"),
    ("When they try to come off it, they feel terrible for days.", "dependency"),
    ("The capsules should be tapered over two weeks.", "dependency"),
    ("A slow taper under supervision is recommended for daily users.", "dependency"),
    ("See a pharmacist rather than stop abruptly.", "dependency"),
    ("Stopping suddenly often leads to a week of poor sleep.", "dependency"),
    ("Symptoms were more common after abrupt discontinuation.", "dependency"),
    ("Dizziness was reported by a third of people who stopped the tablets.", "dependency"),
    ("Once the cycle starts it is hard to break.", "dependency"),
    ("The earlier teenagers start, the harder it is to quit.", "dependency"),
    ("Half had tried to cut down but found it difficult.", "dependency"),
    ("Campaigners say the flavoured sachets are hooking teenagers.", "dependency"),
    ("Some users become dependent on the sedative within weeks.", "dependency"),
    ("She soon began relying on the gummies every night.", "dependency"),
    ("Some patients take it in doses far higher than prescribed.", "dependency"),
    ("Anyone taking more than prescribed should ask for help.", "dependency"),
    ("Its growing misuse worries pharmacists.", "dependency"),
    ("The spray carries a potential misuse risk.", "dependency"),
    ("Nobody should stop taking a sleeping tablet abruptly.", "dependency"),
    ("People who use it daily and then stop can feel irritable and restless.", "dependency"),
    ("When I ran out I felt awful.", "dependency"),
    ("The first pill stopped working, so I took two.", "dependency"),
    ("Doctors see tolerance creeping up in daily users.", "dependency"),
    ("Now it takes three cans to feel the same thing.", "dependency"),
    ("The evening drink became a habit that was hard to skip.", "dependency"),
    ("The body adapts quickly, so the tablets work less well.", "dependency"),
    ("Quitters should start stepping down the nicotine strength after a month.", "dependency"),
    ("Most people who switched were still vaping a year later.", "dependency"),
    ("By spring I was properly hooked.", "dependency"),
    ("About one in ten users develop some degree of cannabis use disorder.", "dependency"),
    ("Patients started on it for back pain and couldn't stop.", "dependency"),
    ("Many had no idea they were dependent.", "dependency"),
    ("They tried to cut down and felt awful.", "dependency"),
    ("Teenagers find the urge to use hard to shake.", "dependency"),
    ("Some lifters feel they can't come off.", "dependency"),
    ("Researchers call this new persistent opioid use.", "dependency"),
    ("Calls about intentional loperamide misuse doubled.", "dependency"),
    ("Some end up struggling to stop.", "dependency"),
    # misuse as a verb and as the drug's role, a boosted high, sales limited over misuse, staying
    # hooked, tolerance told as what users do
    ("A small number of people misuse it to stay awake.", "dependency"),
    ("Some people misuse the tablets to get high.", "dependency"),
    ("The syrup has a second life as a drug of misuse.", "dependency"),
    ("Some people on methadone take it to boost the high.", "dependency"),
    ("Shops limit how much a customer can buy because of misuse concerns.", "dependency"),
    ("Many of those who switch stay hooked on the gum.", "dependency"),
    ("Some users take larger or more frequent doses over time to recapture the effect.", "dependency"),
    ("People find the same dose does less.", "dependency"),
    ("Taken nightly, it tends to lose its effect.", "dependency"),
    ("A few describe a need for higher doses to get the same drowsy effect.", "dependency"),
    ("Some patients end up putting drops in four or five times a day just to look normal.", "dependency"),
    ("Over weeks, the pills seem to work less well.", "dependency"),
    ("Given twice daily, it lost about half its effect within five days.", "dependency"),
    ("Researchers had to double the dose to restore it.", "dependency"),
    ("For some, the apps are hard to put down.", "dependency"),
    ("A quarter reported psychological reliance on the drugs.", "dependency"),
    ("Nobody thinks of ibuprofen as something you could get stuck on.", "dependency"),
    ("I'm scared to come off completely.", "dependency"),
    # doubt whether a risk exists states it as possible; it does not deny it
    ("Whether regular use leads to dependence is not known.", "dependency"),
    ("It is not known whether regular use leads to dependence.", "dependency"),
    ("Some find it hard to drift off without it for a few nights after they stop.", "dependency"),
    ("It is less likely to be misused than amphetamines.", "dependency"),
    ("Case reports describe people who increased their dose far beyond what was prescribed.", "dependency"),
    ("Some users find it hard to work without it.", "dependency"),
    ("Regular users need more to get the same sharpness.", "dependency"),
    ("Stopping can leave people exhausted for days.", "dependency"),
    ("The boost may be relief from withdrawal that sets in overnight.", "dependency"),
    ("Anyone taking the tablets every day to function should see a doctor.", "dependency"),
    ("Craving for the drug and dose escalation were reported.", "dependency"),
    # a negator in a relative clause after the cue is the clause's own ("who have never smoked")
    ("Campaigners say the sachets are hooking children who have never smoked.", "dependency"),
    ("Many users described a strong urge to vape during class.", "dependency"),
    ("Giving it up can bring on intense cravings.", "dependency"),
    # not managing without it, not getting off it
    ("Any student who feels they cannot get through a semester without stimulants should see someone.", "dependency"),
    # research in news wording: weaker than its popularity, no good trials, other explanations
    ("The science behind the trend is flimsier than the adverts suggest.", "research"),
    ("There are important limitations to these findings.", "research"),
    ("There are no large, randomised trials of the powder.", "research"),
    ("Most of what is known comes from online forums and case reports.", "research"),
    ("Results in mice do not always carry over to people.", "research"),
    ("Research on how to treat the problem remains limited.", "research"),
    ("Its benefits have not been rigorously studied.", "research"),
    ("One trial was partly funded by the maker of the drink.", "research"),
    ("Pregnant women were excluded from all the trials.", "research"),
    ("Estimates of how many people are affected vary widely.", "research"),
    ("Older patients may be frailer, which could explain part of the link.", "research"),
    ("The survey was not designed to show cause and effect.", "research"),
    ("The study relied on participants' own reports of how they slept.", "research"),
    ("Researchers could not blind swimmers to the cold water.", "research"),
    ("Expectation probably explains some of the benefit.", "research"),
    ("The boldest claims rest on even less.", "research"),
    ("Experts say the field needs large, long-term studies.", "research"),
    ("The authors said longer studies following people over time were needed.", "research"),
    ("A larger trial was now needed, the team said.", "research"),
    ("It is a cross-sectional snapshot of one city.", "research"),
    ("The survey can't tell us which came first.", "research"),
    ("Drug use was self-reported.", "research"),
    ("We can't assume the same approach would work elsewhere.", "research"),
    ("It is a warning sign rather than proof.", "research"),
    ("Companies must share their data before anyone can say how many people are harmed.", "research"),
    ("Observational results from one clinic have misled doctors before.", "research"),
    ("The evidence just isn't there yet.", "research"),
    ("Nobody can yet say whether the drinks are safer.", "research"),
    ("The science simply hasn't caught up.", "research"),
    ("There are no long-term studies of nightly use.", "research"),
    ("For back pain the picture is less encouraging.", "research"),
    ("The claim rests largely on studies in mice.", "research"),
    ("A comparison between countries cannot separate diet from genes.", "research"),
    ("Evidence that the tablets improve sleep is surprisingly thin.", "research"),
    ("The gains were modest and not always statistically significant.", "research"),
    ("The authors called the effect of doubtful clinical importance.", "research"),
    ("The difference was below the minimal clinically important difference.", "research"),
    ("Independent, longer-term trials with active comparators are needed.", "research"),
    # news phrasings of early or thin evidence
    ("Still, the findings are in mice, and the researchers stress they do not show the same effect in people.", "research"),
    ("Whether any of this translates to humans is something only clinical trials can tell us.", "research"),
    ("There is very little rigorous science on what valerian does in the brain.", "research"),
    ("The science just isn't mature enough yet to say how many people are affected.", "research"),
    ("It involved only 150 people and has never been repeated on a bigger scale.", "research"),
    ("None of the research has tested the gummies themselves.", "research"),
    ("These accounts come from online forums rather than controlled studies.", "research"),
    ("The true number of people taking valerian every day remains unknown.", "research"),
    ("The craze had run far ahead of the science.", "research"),
    ("Valerian's reputation as harmless is not supported by the data.", "research"),
    ("There's no proof that valerian tea does you any good.", "research"),
    ("For now, valerian for anxiety remains experimental.", "research"),
    ("The valerian diet is an experiment, and it should be tried only with a doctor's knowledge.", "research"),
    # needing more, and not coping without it
    ("Some regular users say they need to take more to feel the same boost.", "dependency"),
    ("Daily users find they need larger and larger doses of valerian.", "dependency"),
    ("Over time the bowel struggles to work without them.", "dependency"),
    ("Coming off it can leave men with weeks of fatigue and low mood.", "dependency"),
    ("Some patients come to depend on weekly valerian infusions.", "dependency"),
    ("Some lifters say they can't face a workout without their valerian shot at all.", "dependency"),
    ("For some, the valerian ritual has become a crutch.", "dependency"),
    ("Anything you pair with a valerian ritual, night after night, becomes hard to drop.", "dependency"),
    ("She is now being slowly weaned off the valerian tablets under supervision.", "dependency"),
    ("Some find they can't drop off without their valerian tea.", "dependency"),
    ("Some describe feeling restless or low on days they skip their valerian.", "dependency"),
])
def test_each_kind_is_detected(det, text, kind):
    assert kind in kinds_of(det, text)


@pytest.mark.parametrize("text,kind", [
    ("The amber lenses promise better sleep for screen addicts like me.", "dependency"),  # a figure of speech
    ("Research suggests that it may help people fall asleep.", "research"),  # positive evidence claim
    ("Your doctor may prescribe a sleeping pill instead.", "professional"),  # descriptive, not advice
    ("The FDA approved the drug in 2010.", "legal"),  # a status, not a caveat
    ("In an experiment, mice were fed valerian for a month.", "research"),  # a study described
    ("You cannot be given valerian without your consent.", "dependency"),  # a right, not reliance
    ("The experimental valerian extract was given to 40 people.", "research"),
    ("People with insulin-dependent diabetes should eat regularly.", "dependency"),
    ("Patients were treated for alcohol dependence.", "dependency"),  # the condition treated
    ("The disease can cause nausea and headaches.", "side_effects"),  # a disease's symptoms, no treatment
    ("The trial used a randomised withdrawal design.", "dependency"),
    ("There was a low risk of bias in most trials.", "research"),
    # what the subject is used against, and a job title, are not risks of it
    ("Some people use kratom to manage pain or to ease withdrawal from opioids.", "dependency"),
    ("“It helped them,” said Dr. Jane Roe, an addiction researcher at a university.", "dependency"),
    # a gap in the biology of a condition is not a limit of the evidence for a remedy
    ("Otherwise, little is known about why this extra pathway develops.", "research"),
    # kidney failure as the disease, not a harm of a treatment
    ("Most people with kidney failure can lead full and active lives.", "side_effects"),
    # tolerance as a capacity, withdrawal as the condition studied, a use disorder as the population
    ("Caffeine tolerance varies from person to person.", "dependency"),
    ("Exercise tolerance improved after twelve weeks of training.", "dependency"),
    ("Researchers recruited adults with opioid use disorder.", "dependency"),
    ("Participants reported social withdrawal and low mood at baseline.", "dependency"),
    # the condition of people treated, even when a verb follows; an effect that just wears off
    ("Clinics for people with alcohol misuse are few.", "dependency"),
    ("Methadone is a Schedule II controlled substance, and for opioid addiction it can be dispensed only "
     "through certified programs.", "dependency"),
    ("The cream loses its effect after four hours.", "dependency"),
    ("The app helps people manage cravings for cigarettes.", "dependency"),
    ("Patients in the taper group reduced their dose over eight weeks.", "dependency"),
    ("Treatment was discontinued abruptly in two patients because of a rash.", "dependency"),
    ("Participants stepped down from the programme after six weeks.", "dependency"),
    ("The company will not stop selling the drink suddenly, a spokesperson said.", "dependency"),
    # a taper as the treatment studied, not a warning
    ("Eligible interventions combined counselling with a gradual taper; comparators were a taper alone.", "dependency"),
    ("The trial tested whether an app could help people taper off sleeping pills.", "dependency"),
    ("Its vivid effects make it hard to stop volunteers from guessing their group.", "dependency"),
    ("Two authors assessed risk of bias using a standard tool.", "research"),  # a method
    ("Adults with long-standing opioid addiction took part in the trial.", "dependency"),  # the condition treated
    ("Some clients said they used their sessions to work on alcohol addiction.", "dependency"),  # the therapy's aim
    # the people a treatment is for
    ("Methadone can help people with opioid addiction, including those who became dependent on codeine.",
     "dependency"),
    ("Participants' dependence was measured using a short questionnaire.", "dependency"),  # an outcome measured
    ("The sedative is approved only for use in animals such as horses.", "research"),
    ("A small number of people have reported low mood on the drug.", "research"),
    ("The tablets should be taken with care by older adults.", "research"),
    ("Most people are able to manage without them after a week.", "dependency"),
    ("She could not get through the winter without help from her sister.", "dependency"),
    # a symptom that would not stop is no habit
    ("A week later he spent a night in hospital, with vomiting he couldn't stop.", "dependency"),
    ("She had a nosebleed that would not stop.", "dependency"),
    # what people were once made to do is not advice
    ("Before 2020, most patients had to visit a clinic every day to drink their dose under a nurse's eye.",
     "professional"),
])
def test_hard_negatives(det, text, kind):
    assert kind not in kinds_of(det, text)


# --------------------------------------------------------------------------- negation and scope


def test_without_addictive_effects_is_a_no_risk_claim_not_a_caveat(det):
    text = "It promotes relaxation without the addictive effects often associated with prescription sleeping pills."
    dets = [d for d in det.sentence(text, frozenset({"valerian"})) if d.kind == "dependency"]
    assert dets and all(d.negated for d in dets)
    assert "dependency" not in kinds_of(det, text)


@pytest.mark.parametrize("text", ["For most people it is not hard to stop.",
                                  "Valerian does not cause withdrawal symptoms.",
                                  # a risk denied, not weighed or left standing
                                  "Valerian does not carry a risk of dependence.",
                                  "Valerian is not habit-forming, and its benefits are worth it."])
def test_a_negator_before_the_cue_still_negates_it(det, text):
    dets = [d for d in det.sentence(text, frozenset({"valerian"})) if d.kind == "dependency"]
    assert dets and all(d.negated for d in dets)


@pytest.mark.parametrize("text", ["Sellers say there is no evidence valerian is habit-forming.",
                                  "There is no evidence that valerian causes dependence.",
                                  # … a relative clause inside the claim included
                                  "There is no sign that people who stop using valerian get any withdrawal effects."])
def test_no_evidence_of_a_risk_denies_the_whole_claim_after_it(det, text):
    # (a seller's reassurance, not a caveat; but the clause after a comma may state the risk)
    dets = [d for d in det.sentence(text, frozenset({"valerian"})) if d.kind == "dependency"]
    assert dets and all(d.negated for d in dets)
    assert "dependency" in kinds_of(det, "There is no evidence valerian works, and it can cause dependence.")


def test_a_negative_subject_denies_the_risk_but_not_what_nobody_knows_or_studied(det):
    denied = "Valerian is not addictive, and nobody gets withdrawal symptoms from it."
    dets = [d for d in det.sentence(denied, frozenset({"valerian"})) if d.kind == "dependency"]
    assert dets and all(d.negated for d in dets)
    assert "dependency" in kinds_of(det, "Nobody has studied whether people who take valerian daily develop tolerance.")
    assert "research" in kinds_of(det, "Nobody knows whether valerian is safe over years.")


def test_double_negation_is_a_caveat(det):
    assert "dependency" in kinds_of(det, "Valerian is not without risks of dependence.")


def test_non_prefix_scopes_only_the_next_word(det):
    assert "dependency" not in kinds_of(det, "Valerian is non-addictive.")
    assert "side_effects" in kinds_of(det, "Non-serious adverse events were mild.")


def test_negation_ends_at_the_clause(det):
    # the negator's scope stops at the comma: the second clause states the risk
    assert "side_effects" in kinds_of(det, "It has no taste, but it can cause side effects in some people.")


def test_imperative_negation_is_a_warning(det):
    assert "interactions" in kinds_of(det, "Never combine it with alcohol or sedatives.")
    assert "interactions" not in kinds_of(det, "Valerian does not interact with other medications.")


@pytest.mark.parametrize("text", [
    "Its compounds interact with opioid receptors in the brain.",
    "Its alkaloids engage GABA receptors, promoting calm.",
    "The protein interacts with other proteins in the cell.",
    "Children with autism may find social interaction difficult.",
])
def test_receptors_and_mechanisms_are_not_interactions(det, text):
    assert "interactions" not in kinds_of(det, text)


def test_other_substance_risk_is_low_confidence_and_not_about_subject(det):
    text = "It is not the same as traditional opioids, which carry risks of addiction and dependence."
    dets = [d for d in det.sentence(text, frozenset({"valerian"})) if d.kind == "dependency"]
    assert dets and all(not d.about_subject and d.confidence == "low" and not d.negated for d in dets)


@pytest.mark.parametrize("text,about", [
    # another drug, named and described in an apposition, and the subject never named
    ("Oxycodone, the strongest of the three drugs studied, has been at the centre of the overdose crisis.", False),
    ("Codeine, another prescription drug, can be habit-forming.", False),
    ("Diazepam, a benzodiazepine, can cause physical dependence even at prescribed doses.", False),
    # another drug class named with an example, though a general topic word ("pain") is there
    ("Benzodiazepines such as diazepam ease pain spasms, but people can become dependent on them.", False),
    ("Opioids such as tramadol can cause dependence.", True),
    # a general head noun whose examples are other drugs
    ("Drugs such as alprazolam and lorazepam calm nerves quickly, but they are habit-forming.", False),
    ("Older sleeping pills like temazepam can be habit-forming.", False),
    ("Painkillers such as tramadol can be habit-forming.", True),
    # the subject named in the sentence, or a symptom opening it: about the subject
    ("Codeine, like tramadol and other opioid drugs, can be habit-forming.", True),
    ("Dizziness, the most common side effect, affected one in ten users.", True),
])
def test_a_sentence_about_another_named_drug(det, text, about):
    dets = [d for d in det.sentence(text, frozenset({"tramadol", "opioids", "pain"}))
            if d.kind in ("dependency", "side_effects") and not d.negated]
    assert dets and all(d.about_subject == about for d in dets)


def test_the_drug_a_subject_is_sold_as_safer_than_is_the_one_a_relative_clause_is_about(det):
    text = ("Traders market the oils as a safer choice than tramadol, the opioid painkiller that is widely misused "
            "and is highly addictive.")
    dets = [d for d in det.sentence(text, frozenset({"oils", "herbal"})) if d.kind == "dependency"]
    assert dets and not any(d.about_subject for d in dets)
    # taking more than a dose is the subject's own risk
    dets = [d for d in det.sentence("People who take more than the recommended dose of the oils, which can lead to "
                                    "dependence, should see a doctor.", frozenset({"oils", "herbal"}))
            if d.kind == "dependency"]
    assert dets and all(d.about_subject for d in dets)


@pytest.mark.parametrize("text", [
    "For now, the findings show only that the idea is worth testing in people, not that anyone should take kava.",
    "Until trials show that it helps, the authors concluded, the risks of kava are hard to justify for insomnia.",
    "So far, only two small trials have tested kava.",
])
def test_a_research_caveat_opening_on_a_conclusion_is_main(det, text):
    dets = [d for d in det.sentence(text, frozenset({"kava"})) if d.kind == "research" and d.is_caveat]
    assert dets and all(d.strength == "main" for d in dets)


@pytest.mark.parametrize("text,kind,about", [
    # a dependency cue in a relative clause on a drug class, in a sentence that never names the subject
    ("People who want to avoid painkillers, which can irritate the stomach, or opioids, which carry a risk "
     "of addiction, may welcome it.", "dependency", False),
    ("They try to cut back on sugar, which some campaigners describe as addictive.", "dependency", False),
    ("Valerian, unlike the opioids, which carry a risk of addiction, is mild.", "dependency", True),
    # a class's side effects may be the subject's own
    ("It lowers blood sugar, which can cause dizziness and fainting.", "side_effects", True),
])
def test_a_dependency_cue_on_a_drug_class(det, text, kind, about):
    dets = [d for d in det.sentence(text, frozenset({"valerian"})) if d.kind == kind and not d.negated]
    assert dets and all(d.about_subject == about for d in dets)


def test_other_substance_risk_does_not_mandate_a_caveat(f):
    draft = ("Valerian is a herb used for sleep. Unlike benzodiazepines, which carry a risk of addiction, "
             "it is sold as a supplement. Many people like its mild taste.")
    res = f(draft, "Valerian is a herb used for sleep.")
    assert "dependency" not in [k for a in res.report.added for k in a["kinds"]]
    mentions = res.report.source_kinds["dependency"]
    assert mentions and not any(m["about_subject"] for m in mentions)


# --------------------------------------------------------------------------- the filter


def test_summary_that_carries_everything_passes_unchanged(f):
    res = f(DRAFT, LEAD_OK)
    assert res.passed, res.report.to_dict()
    assert res.summary == LEAD_OK
    assert all(s.status == "kept" for s in res.sentences)


def test_a_quote_opening_on_a_conjunction_drops_it(f):
    # ("And" joined it to the quote before it in the draft)
    assert _variants(f, '"And if you have been taking it for a while, don\'t just stop dead."', "stop dead")[-1] == \
        '"If you have been taking it for a while, don\'t just stop dead."'
    assert all("Andrew could" in v for v in _variants(f, '"Andrew could not stop."', "could not stop"))
    # "So far" opens no conjunction
    assert all('"So far' in v or v.startswith("So far") for v in
               _variants(f, '"So far, nobody has tested whether it is habit-forming in people."', "habit-forming"))


def test_a_list_of_examples_is_cut_only_where_it_closes_the_sentence(f):
    # the list closed at its "and"; the sentence's verb follows it and must stay
    text = ("Combining caffeine tablets with other stimulants, including decongestants, pre-workout powders and ADHD "
            "medicines, increases the strain on the heart.")
    assert all(v.endswith("increases the strain on the heart.") for v in _variants(f, text, "Combining caffeine"))
    assert "It can interact with drugs such as warfarin." in _variants(
        f, "It can interact with drugs such as warfarin, some antidepressants and certain anti-seizure medicines.", "interact")
    # ("… and C or D" is one item: the list still closes the sentence)
    assert "It is not known how it interacts with medicines, including blood thinners." in _variants(
        f, "It is not known how it interacts with medicines, including blood thinners and drugs for diabetes or "
           "high blood pressure.", "not known")


def test_the_second_sentence_of_a_quote_is_opened_again(f):
    # (impersonal: its words without the quotation, as a whole quote is)
    assert _variants(f, "It's very easy to get hooked on that feeling,\" he said.", "get hooked") == [
        "It's very easy to get hooked on that feeling."]
    assert _variants(f, "We don't know what it does to us,” he said.", "know") == [
        "“We don't know what it does to us,” he said."]
    # a quotation of several sentences keeps the one with the cue, quoted, with its speaker
    assert _variants(f, '"It is addictive. We see it every day," Dr Lee said.', "every")[0] == \
        '"We see it every day," Dr Lee said.'
    assert _variants(f, '"I felt lighter than ever. It\'s very easy to get hooked on that," he said.', "get hooked")[0] \
        == "It's very easy to get hooked on that."
    # … and with no speaker after it, the impersonal one, stated as the draft's warning
    assert _variants(f, '"Most people use it safely. But some who take it every day become dependent on it."',
                     "dependent")[0] == "Some who take it every day become dependent on it."
    # … but not a personal one with no speaker after it, nor a question alone
    assert _variants(f, '"I knew it was stupid. I could not stop."', "could not stop")[-1] == \
        '"I knew it was stupid. I could not stop."'
    assert not any(v.endswith(',".') for v in _variants(f, '"I knew it was stupid. I could not stop."', "could not stop"))
    assert _variants(f, '"Is it addictive? We think so," Dr Lee said.', "addictive") == [
        '"Is it addictive? We think so," Dr Lee said.']


def test_missing_research_caveat_is_added_compressed_and_faithful(f):
    summary = ("Valerian is a herb used for sleep. It may cause headaches and can interact with alcohol and sleeping pills. "
               "Talk to a doctor before using it.")
    res = f(DRAFT, summary)
    assert not res.passed
    added = res.report.added
    assert [a["kinds"] for a in added] == [["research"]]
    text = added[0]["text"]
    assert not text.lower().startswith("it's important")  # lead-in trimmed
    assert text[0].isupper() and text.endswith(".")
    src = added[0]["source_sentence"]
    assert DRAFT[added[0]["start"]:added[0]["end"]] == src
    assert set(content_words(text)) <= set(content_words(src))  # deletions only
    assert "research" in kinds_of(Detector(load_policy()), text)


def test_added_caveat_goes_before_the_closing_advice(f):
    summary = ("Valerian is a herb used for sleep. Small trials suggest a modest benefit, but more research is needed. "
               "To use valerian safely, start with a low dose and talk to a doctor first.")
    res = f(DRAFT, summary)
    statuses = [s.status for s in res.sentences]
    assert res.sentences[-1].text.startswith("To use valerian safely")
    assert statuses == ["kept", "kept"] + ["added"] * (len(statuses) - 3) + ["kept"] and len(statuses) > 3


def test_added_caveat_goes_at_the_end_without_closing_advice(f):
    summary = "Valerian is a herb used for sleep. Small trials suggest a modest benefit, but more research is needed."
    res = f(DRAFT, summary)
    assert [s.status for s in res.sentences][:2] == ["kept", "kept"]
    assert res.sentences[-1].status == "added"


def test_one_sentence_covering_two_kinds_is_added_once(f):
    draft = ("Melatonin is a hormone sold as a sleep supplement. People often take it before long flights. "
             "It can interact with blood thinners, and more research is needed on its long-term use. "
             "Most people find the tablets easy to swallow.")
    res = f(draft, "Melatonin is a hormone sold as a sleep supplement.")
    assert len(res.report.added) == 1
    assert set(res.report.added[0]["kinds"]) == {"interactions", "research"}


def test_overclaim_phrase_is_cut_and_reported(f):
    draft = ("Valerian is a herb used for sleep. It is not the same as benzodiazepines, which carry risks of addiction. "
             "Some people feel calmer after a cup of valerian tea.")
    summary = ("Valerian is a herb used for sleep. Unlike sleeping pills, valerian offers a safer alternative for insomnia "
               "without addiction risks. Many people drink it as a tea.")
    res = f(draft, summary)
    assert [s.status for s in res.sentences] == ["kept", "rewritten", "kept"]
    after = res.report.rewritten[0]["after"]
    assert after == "Unlike sleeping pills, valerian offers an alternative for insomnia."
    assert "addiction" not in after and "safer" not in after
    assert "another substance" in res.report.rewritten[0]["reason"]


def test_sentence_with_nothing_sound_left_is_removed(f):
    res = f(DRAFT, "Valerian is a herb used for sleep. Valerian is completely safe. More research is needed.")
    assert [r["text"] for r in res.report.removed] == ["Valerian is completely safe."]
    assert "completely safe" not in res.summary


def test_overclaim_contradicting_a_source_caveat_says_so(f):
    res = f(DRAFT, "Valerian is a herb used for sleep. It has no side effects and helps you relax.")
    reasons = " ".join(r["reason"] for r in res.report.rewritten + res.report.removed)
    assert "contradicts the source's side_effects caveat" in reasons
    assert "no side effects" not in res.summary


def test_reported_findings_are_not_overclaims(f):
    draft = "Zinc was tested in three trials. The quality of the evidence was low. No serious side effects were reported."
    summary = "Zinc was tested in three trials. No serious side effects were reported in the trials. The evidence was of low quality."
    res = f(draft, summary)
    assert not res.report.removed and not res.report.rewritten


def test_an_association_a_cohort_study_did_not_find_is_a_finding_not_a_promise(f):
    # (a review abstract's main result: the planner must not avoid it, nor the filter cut it)
    draft = ("Drug A users were followed for three years. Use beyond a year was not associated with a higher "
             "risk of heart attack. Blood pressure rose slightly, and insomnia was common.")
    summary = "Use of drug A beyond a year was not associated with a higher risk of heart attack."
    res = f(draft, summary)
    assert not res.report.removed and not res.report.rewritten
    assert not CaveatFilter().promises_safety(summary)
    assert CaveatFilter().promises_safety("Drug A carries no risk of heart attack.")


def test_relative_claim_supported_by_the_source_is_kept(f):
    draft = ("Drug A was compared with drug B in four trials. Drug A caused fewer side effects than drug B. "
             "More research is needed.")
    summary = "Drug A is a safer option than drug B for most people. More research is needed. It caused fewer side effects."
    res = f(draft, summary)
    assert res.summary == summary


def test_kept_sentences_and_whitespace_are_byte_for_byte(f):
    summary = "Valerian is a herb  used for sleep.\u00a0It may cause headaches.\n\nValerian is risk-free.  Talk to a doctor.\n"
    res = f(DRAFT, summary)
    for s in res.sentences:
        if s.status == "kept":
            assert s.text in summary
    assert res.summary.startswith("Valerian is a herb  used for sleep.\u00a0It may cause headaches.")
    assert res.summary.endswith("Talk to a doctor.\n")


@pytest.mark.parametrize("summary", [
    "Valerian is a herb used for sleep.",
    "Valerian is a herb used for sleep. It is a natural, risk-free remedy without side effects. To use it, drink a cup at night.",
    "",
    LEAD_OK,
])
def test_idempotent(f, summary):
    once = f(DRAFT, summary)
    twice = f(DRAFT, once.summary)
    assert twice.summary == once.summary
    assert twice.passed


def test_report_is_json_serialisable_with_offsets(f):
    res = f(DRAFT, "Valerian is a herb used for sleep.")
    d = json.loads(json.dumps(res.report.to_dict()))
    for key in ("source_kinds", "summary_kinds", "carried", "added", "removed", "rewritten"):
        assert key in d
    for mentions in d["source_kinds"].values():
        for m in mentions:
            assert DRAFT[m["start"]:m["end"]] == m["sentence"]
    assert set(d["source_kinds"]) >= {"research", "professional", "interactions", "side_effects"}


def test_headings_are_not_caveat_sentences(f):
    draft = "Avoiding Negative Effects and Side Effects\nValerian is a herb used for sleep. People drink it as a tea."
    res = f(draft, "Valerian is a herb used for sleep.")
    assert res.passed and not res.report.source_kinds


def test_filter_is_fast(f):
    draft = "\n".join([DRAFT] * 4)  # about 40 sentences
    f(draft, LEAD_OK)
    t0 = time.perf_counter()
    for _ in range(5):
        f(draft, LEAD_OK)
    per = (time.perf_counter() - t0) / 5
    assert per < 0.25, f"{per * 1000:.0f} ms per article"


# --------------------------------------------------------------------------- policy


def _added(res, kind: str) -> list[dict]:
    """The sentences the filter added for ``kind``, as its report gives them."""
    return [a for a in res.report.added if kind in a["kinds"]]


def _policy_copy(tmp_path: Path, edit) -> Path:
    text = DEFAULT_POLICY_PATH.read_text(encoding="utf-8")
    new = edit(text)
    assert new != text, "the edit did not apply"
    p = tmp_path / "policy.toml"
    p.write_text(new, encoding="utf-8")
    return p


def test_default_policy_loads_with_all_kinds():
    pol = load_policy()
    assert list(pol.kinds) == ["dependency", "research", "professional", "legal", "interactions", "side_effects"]
    assert pol.mandated == ["dependency", "research"]
    assert pol.enabled == list(pol.kinds)
    assert pol.kinds["research"].default == "Research on this is still limited."


def test_edited_policy_disables_a_kind(tmp_path):
    p = _policy_copy(tmp_path, lambda t: t.replace(
        '[kinds.interactions]\nlabel = "interactions with medications, alcohol or other substances"\nmandated = false\nenabled = true',
        '[kinds.interactions]\nlabel = "interactions with medications, alcohol or other substances"\nmandated = false\nenabled = false'))
    summary = "Valerian is a herb used for sleep. Small trials suggest a modest benefit, but more research is needed. It may cause headaches. Talk to a doctor."
    added_default = [k for a in CaveatFilter()(DRAFT, summary).report.added for k in a["kinds"]]
    added_edited = [k for a in CaveatFilter(load_policy(p))(DRAFT, summary).report.added for k in a["kinds"]]
    assert "interactions" in added_default and "interactions" not in added_edited


def test_always_kind_uses_default_wording_when_source_lacks_it(tmp_path):
    p = _policy_copy(tmp_path, lambda t: t.replace("always = []", 'always = ["legal"]', 1))
    res = CaveatFilter(load_policy(p))(DRAFT, LEAD_OK)
    legal = [a for a in res.report.added if a["kinds"] == ["legal"]]
    assert legal and legal[0]["default"] and legal[0]["source_sentence"] is None
    assert legal[0]["text"] == load_policy().kinds["legal"].default
    assert legal[0]["text"] in res.summary
    assert CaveatFilter(load_policy(p))(DRAFT, res.summary).passed  # idempotent with `always`


# A draft stating every optional kind in its own sentence, and a lead stating none of them.
MANY_KINDS = (
    "Tramadol is an opioid painkiller prescribed for moderate pain. "
    "Tramadol can lead to dependence when taken for weeks, and stopping it suddenly causes withdrawal. "
    "Only a few small trials have tested tramadol for nerve pain, so more research is needed. "
    "Tramadol can cause nausea, dizziness and constipation in many people who take it. "
    "Tramadol can interact with antidepressants, sleeping pills and alcohol. "
    "Tramadol is a controlled substance in the United States and in many other countries. "
    "Ask your doctor or pharmacist whether tramadol is right for you."
)
MANY_KINDS_LEAD = "Tramadol is an opioid painkiller prescribed for moderate pain."


def test_optional_kinds_share_a_budget_and_the_rest_are_reported(f):
    res = f(MANY_KINDS, MANY_KINDS_LEAD)
    rep = res.report
    kinds = {k for a in rep.added for k in a["kinds"]}
    # mandated kinds are always added, and so is the advice the house leads close on
    assert {"dependency", "research", "professional"} <= kinds
    budgeted = [a for a in rep.added if set(a["kinds"]) <= set(load_policy().budgeted)]
    assert budgeted and sum(len(a["text"].split()) for a in budgeted) <= load_policy().optional_words
    # what was left out is said, and is neither missing nor unresolved
    assert rep.omitted and not set(rep.omitted) & kinds
    assert not set(rep.omitted) & set(rep.missing) and not set(rep.omitted) & set(rep.unresolved)
    assert res.report.to_dict()["omitted"] == rep.omitted
    again = f(MANY_KINDS, res.summary)
    assert again.summary == res.summary and not again.report.added  # a second run adds nothing
    assert again.report.omitted == rep.omitted


def test_optional_budget_can_be_lifted(tmp_path):
    p = _policy_copy(tmp_path, lambda t: t.replace("optional_words = 30", "optional_words = 1000", 1))
    rep = CaveatFilter(load_policy(p))(MANY_KINDS, MANY_KINDS_LEAD).report
    assert {k for a in rep.added for k in a["kinds"]} == set(load_policy().kinds) and not rep.omitted
    p = _policy_copy(tmp_path, lambda t: t.replace("optional_words = 30", "optional_words = 0", 1))
    rep = CaveatFilter(load_policy(p))(MANY_KINDS, MANY_KINDS_LEAD).report
    assert {k for a in rep.added for k in a["kinds"]} == {"dependency", "research", "professional"}
    # which kinds share the budget is the policy's to say
    p = _policy_copy(tmp_path, lambda t: t.replace("optional_words = 30", "optional_words = 0", 1).replace(
        'budgeted = ["legal", "interactions", "side_effects"]',
        'budgeted = ["professional", "legal", "interactions", "side_effects"]', 1))
    rep = CaveatFilter(load_policy(p))(MANY_KINDS, MANY_KINDS_LEAD).report
    assert {k for a in rep.added for k in a["kinds"]} == {"dependency", "research"}


def test_a_sentence_that_also_states_a_mandated_kind_is_not_budgeted(f):
    from summarize.caveats.filter import _states_unbudgeted, as_article, topic_terms

    source = ("Stimulants are prescribed for ADHD. Stimulants are Schedule II controlled substances, a category for "
              "drugs with a high potential for abuse and dependence. Stimulants are prescribed widely.")
    article = as_article(source)
    sent = f.analyze_source(article, topic_terms(article.prose()))[1]
    assert {"legal", "dependency"} <= sent.caveat_kinds()
    pol = load_policy()
    assert _states_unbudgeted(sent, sent.text, pol)  # the whole sentence: a mandated caveat sentence
    assert not _states_unbudgeted(sent, "Stimulants are Schedule II controlled substances.", pol)  # its legal clause


@pytest.mark.parametrize("edit,needle", [
    (lambda t: t.replace("optional_words = 30", "optional_words = -1", 1), "settings.optional_words"),
    (lambda t: t.replace('budgeted = ["legal",', 'budgeted = ["research", "legal",', 1), "settings.budgeted"),
    (lambda t: t.replace('budgeted = ["legal",', 'budgeted = ["astrology", "legal",', 1), "settings.budgeted"),
    (lambda t: t.replace("always = []", 'always = ["astrology"]', 1), "settings.always"),
    (lambda t: t.replace("'\\bhard\\s+to\\s+stop\\b',", "'(unclosed',", 1), "kinds.dependency.patterns"),
    (lambda t: t.replace('mandated = true\nenabled = true', 'mandated = true\nenabled = false', 1), "mandated kind cannot be disabled"),
    (lambda t: t.replace('encoder = "off"', 'encoder = "sometimes"', 1), "settings.encoder"),
    (lambda t: t.replace("version = 1", "version = [", 1), "not valid TOML"),
])
def test_bad_policies_are_reported_with_the_key(tmp_path, edit, needle):
    p = _policy_copy(tmp_path, edit)
    with pytest.raises(PolicyError) as exc:
        load_policy(p)
    assert needle in str(exc.value) and str(p) in str(exc.value)


def test_missing_policy_file(tmp_path):
    with pytest.raises(PolicyError, match="cannot read"):
        load_policy(tmp_path / "nope.toml")


# --------------------------------------------------------------------------- CLI


@pytest.fixture()
def files(tmp_path):
    d = tmp_path / "draft.txt"
    d.write_text(DRAFT, encoding="utf-8")
    s = tmp_path / "lead.txt"
    s.write_text("Valerian is a herb used for sleep. It is completely safe.\n", encoding="utf-8")
    ok = tmp_path / "ok.txt"
    ok.write_text(LEAD_OK, encoding="utf-8")
    return d, s, ok


def _run(args, input=None):
    from click.testing import CliRunner

    from summarize.cli import main

    try:
        runner = CliRunner(mix_stderr=False)
    except TypeError:  # click >= 8.2 always keeps stderr apart
        runner = CliRunner()
    return runner.invoke(main, args, input=input)


def test_cli_prints_repaired_summary(files):
    d, s, _ = files
    r = _run(["caveats", "--source", str(d), "--summary", str(s)])
    assert r.exit_code == 0, r.stderr
    assert "completely safe" not in r.stdout and "Valerian is a herb used for sleep." in r.stdout
    assert "evidence is still limited" in r.stdout.lower()  # the research caveat, compressed to its main clause


def test_cli_json(files):
    d, s, _ = files
    r = _run(["caveats", "--source", str(d), "--summary", str(s), "--json"])
    data = json.loads(r.stdout)
    assert set(data) >= {"summary", "report"} and data["report"]["removed"]


def test_cli_check_exit_codes(files):
    d, s, ok = files
    bad = _run(["caveats", "--source", str(d), "--summary", str(s), "--check"])
    assert bad.exit_code == 1 and "missing research" in bad.stderr and "overclaim" in bad.stderr
    good = _run(["caveats", "--source", str(d), "--summary", str(ok), "--check"])
    assert good.exit_code == 0, good.stderr


def test_cli_stdin_summary(files):
    d, _, _ = files
    r = _run(["caveats", "--source", str(d), "--summary", "-"], input=LEAD_OK)
    assert r.exit_code == 0 and r.stdout.strip() == LEAD_OK


def test_cli_unreadable_file_is_one_line_exit_2(files, tmp_path):
    _, s, _ = files
    missing = tmp_path / "missing.txt"
    r = _run(["caveats", "--source", str(missing), "--summary", str(s)])
    assert r.exit_code == 2
    lines = [line for line in r.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and str(missing) in lines[0]


def test_cli_bad_policy_exit_2(files, tmp_path):
    d, s, _ = files
    p = tmp_path / "p.toml"
    p.write_text("version = [", encoding="utf-8")
    r = _run(["caveats", "--source", str(d), "--summary", str(s), "--policy", str(p)])
    assert r.exit_code == 2 and str(p) in r.stderr


def test_cli_policy_option_is_used(files, tmp_path):
    d, _, ok = files
    p = _policy_copy(tmp_path, lambda t: t.replace("always = []", 'always = ["legal"]', 1))
    r = _run(["caveats", "--source", str(d), "--summary", str(ok), "--policy", str(p), "--check"])
    assert r.exit_code == 1 and re.search(r"missing legal", r.stderr)


# --------------------------------------------------------------------------- issue 8


def test_passing_summary_is_byte_for_byte(f):
    draft = "Kratom is a plant. Kratom is sold as a powder. People drink kratom as tea."
    assert f(draft, "Kratom is a plant!It helps.").summary == "Kratom is a plant!It helps."


def test_caveat_after_unterminated_summary_is_its_own_sentence(f):
    res = f(DRAFT, "Valerian helps you sleep")
    assert res.summary.startswith("Valerian helps you sleep. ")
    assert f(DRAFT, res.summary).summary == res.summary


def test_list_input_gives_provenance_per_sentence(f):
    lead = ["Valerian is a herb used for sleep.", "It is a natural remedy without side effects."]
    res = f(DRAFT, lead)
    statuses = [(o.status, o.index) for o in res.sentences]
    assert ("kept", 0) in statuses and any(s == "rewritten" and i == 1 for s, i in statuses)
    for o in res.sentences:
        if o.status == "added":
            assert DRAFT[o.start:o.end] == o.source_sentence


def test_hard_wrapped_draft_caveat_is_read_through_the_parser(f):
    draft = ("Valerian is a herb that people take for sleep and it is sold as a tea.\n\n"
             "The evidence for valerian is weak\nand more research is needed before\nanyone can recommend it.\n\n"
             "Valerian is sold in many shops and valerian tea is popular.")
    res = f(draft, "Valerian is a herb taken for sleep.")
    assert [a["kinds"] for a in res.report.added] == [["research"]]


def test_boilerplate_paragraphs_are_not_read():
    from summarize.corpus.parse import parse_article

    draft = ("Valerian is a herb people take for sleep.\n\nValerian is popular and valerian tea is sold widely.\n\n"
             "More research is needed on valerian.")
    article = parse_article(draft)
    article.paragraphs()[-1].boilerplate = "advertisement"
    res = CaveatFilter()(article, ["Valerian is a herb taken for sleep."])
    assert not res.report.added


@pytest.mark.parametrize("text,kind,strength", [
    ("The findings are early-stage and have so far been seen only in mice.", "research", "main"),
    ("Regulators placed the drug in Schedule IV because of its risk of dependence.", "dependency", "main"),
    ("Over time people can build up a tolerance and need higher doses.", "dependency", "main"),
    ("No trial reported outcome pain.", "research", "minor"),
    # a verdict on one comparison
    ("The evidence is insufficient to draw conclusions about the nasal spray compared with the tablets.", "research", "minor"),
    ("We judged six studies at high risk of bias.", "research", "minor"),
    # a conclusion-level wording scoped to one named outcome in its own clause is minor
    ("Because of the limited evidence, we cannot draw firm conclusions about adverse events.", "research", "minor"),
    ("Valerian may ease anxiety, although its effect on quality of life is unknown.", "research", "minor"),
    ("There was not enough evidence to show any improvement in long-term outcome.", "research", "minor"),
    ("No studies compared the two doses directly.", "research", "minor"),
    ("The overall quality of the evidence supporting this outcome was low.", "research", "minor"),
    ("For women, we are uncertain whether the drug reduces relapse.", "research", "minor"),
    # verdicts on the review as a whole
    ("This review does not provide sufficient evidence to guide practice.", "research", "main"),
    ("The results of this review are inconclusive.", "research", "main"),
    ("There is a need for a well-designed trial of valerian.", "research", "main"),
    ("No definitive statement can be made about which anaesthetic is better.", "research", "main"),
    ("There is still a significant gap in evidence on treatments for this pain.", "research", "main"),
    ("These results should still be interpreted cautiously.", "research", "main"),
    ("There is considerable uncertainty about the effects of valerian.", "research", "main"),
    # ... but not when another clause states the verdict on the whole, or the outcomes are general
    ("The overall quality of the evidence was low, and data on adverse events were scarce.", "research", "main"),
    ("There is not enough evidence about important clinical outcomes to recommend valerian.", "research", "main"),
    # evidence too thin to conclude from, as a whole
    ("The available data on the effects of valerian in insomnia are too limited to draw any conclusions.",
     "research", "main"),
    ("We evaluated the quality of evidence as moderate to low.", "research", "main"),
    ("The review found insufficient evidence to support or refute any adverse effects of valerian.", "research", "minor"),
    ("Until better trials are done, its long-term safety cannot be vouched for.", "research", "main"),
    # one comparison, and how one trial ran, are minor
    ("Data comparing valerian with melatonin were too sparse to draw conclusions.", "research", "minor"),
    ("While the evidence for a dangerous interaction with SSRIs is limited, valerian can add to sedation.",
     "research", "minor"),
    ("The evidence that valerian lifts mood is thin.", "research", "main"),
    ("Twelve participants withdrew before the trial ended.", "research", "minor"),
    # one person's story is minor; the draft's general warning is main
    ("Looking back, he was hooked on valerian.", "dependency", "minor"),
    ("“He told me he felt awful if he missed a day of valerian – shaking, sweating,” she said.", "dependency", "minor"),
    ("Stopping valerian suddenly brings on withdrawal, which is why people keep going.", "dependency", "main"),
    # a result comparing groups is one outcome; a share that states the risk is the warning
    ("Early refill requests were recorded for 7.9% of long-term valerian users and 2.6% of short-term users.",
     "dependency", "minor"),
    ("Withdrawal symptoms were reported in the valerian and placebo groups by 12 and 3 participants, respectively.",
     "dependency", "minor"),
    ("About 10% of people who take valerian daily become dependent on it.", "dependency", "main"),
    # not managing without it is the warning itself (the learned detector alone called it minor)
    ("Relying on valerian every day can leave you feeling unable to manage without it.", "dependency", "main"),
    ("Many people who start valerian find they can't get off it.", "dependency", "main"),
    # ... but the reader the advice addresses, who may be hooked, is a condition of the advice
    ("Anyone who feels they cannot get through a week without the pills should talk to a doctor.", "dependency", "minor"),
    # … and so is misuse as the condition of what someone does
    ("Pharmacists can refuse a sale if they think valerian is being misused.", "dependency", "minor"),
    ("Valerian is often misused, and regular misuse can lead to dependence.", "dependency", "main"),
    # one case's cause in doubt is about that case; whether it works at all is the verdict
    ("There have been a few reports of liver injury in people taking valerian, though it is not clear the herb "
     "was the cause.", "research", "minor"),
    ("It is not clear whether valerian works.", "research", "main"),
])
def test_strength(det, text, kind, strength):
    got = [d.strength for d in det.sentence(text, frozenset({"valerian"})) if d.kind == kind and d.is_caveat]
    assert got and max(got, key=lambda s: s == "main") == strength


@pytest.mark.parametrize("text,kind", [
    ("Kratom may help treat addiction to opioids.", "dependency"),
    # addiction in a list of what a remedy is said to ease
    ('Ceremonies are sold as a way to clear "toxins" and ease depression, anxiety, addiction and chronic pain.',
     "dependency"),
    ("She admits she used to be \"totally addicted\" to sugary fizzy drinks, and now sticks to water.", "dependency"),
    ("Participants filled in the Addiction Severity Index.", "dependency"),
    ("Secondary outcomes included craving, addiction severity and dropouts.", "dependency"),
    # names of organisations and scales; the condition treated, measured or missing from the data
    ("She runs the helpline at the charity Addiction Together.", "dependency"),
    ("The trial, published in the Journal of Addiction and Exercise Science, enrolled 64 adults.", "dependency"),
    ("We searched the Cochrane Drugs and Alcohol Addiction Group register.", "dependency"),
    ("Valerian has been tested as a treatment for people with alcohol or cannabis addiction.", "dependency"),
    ("Exercise may reduce cigarette cravings and nicotine withdrawal symptoms.", "dependency"),
    ("The risk of dependence with long-term use could not be assessed.", "dependency"),
    ("The evidence on weight gain and withdrawal symptoms is of low certainty.", "dependency"),
    ("Baseline nicotine dependence was moderate in most trials.", "dependency"),
    ("To assess the effects of acupuncture on the severity of withdrawal symptoms.", "dependency"),
    ("The clinic looks for alternatives to opioid painkillers, which can be addictive.", "dependency"),
    ("She runs the addiction treatment service at a city hospital.", "dependency"),
    ("He worked for years as an addiction support worker before retraining.", "dependency"),
    ("Online forums have borrowed the language of addiction to describe the cream.", "dependency"),
    ("Before research, he worked as a chemical dependency counselor for ten years.", "dependency"),
    ("I knew he was addicted to the gym, but not to pills.", "dependency"),
    # a trial's success, a result that holds in mice
    ("The ketamine trials have been successful.", "research"),
    ("The evidence that the drug works in mice is strong.", "research"),
    # stopping a study or an intervention, not a drug
    ("Participants who reported side effects after stopping the placebo were few.", "dependency"),
    ("Higher doses led to withdrawal from the study.", "dependency"),
    # "very small" describing the thing studied, not the evidence
    ("Very small GISTs are common.", "research"),
    # the condition treated, named after a substance, is not an agent that causes harm
    ("Alcohol use disorder (AUD) is a leading cause of preventable illness and death worldwide.", "side_effects"),
    ("The herb has not been proven to be of any risk.", "research"),
    ("Until now, the function of this receptor has been unclear.", "research"),
    # a negative finding is a result, not a limit of the evidence
    ("There was no clear evidence of a difference in pain between the groups.", "research"),
    ("The review found no evidence of benefit from valerian for anxiety.", "research"),
    # "uncertainty" pointing back is not a verdict; a list of measured outcomes is not a harm
    ("For Reyes, the uncertainty is beside the point.", "research"),
    ("Secondary outcomes included sleep quality, mood and adverse events.", "side_effects"),
    ("The researchers also tracked side effects closely.", "side_effects"),
    ("A therapist who specializes in adolescent behavioral addictions helped him.", "dependency"),
    ("Valerian has generally been regarded as having low misuse potential.", "dependency"),
    ("Alcohol use disorder, sometimes described as alcohol addiction, is common.", "dependency"),
    ("We included trials in adults with a diagnosis of alcohol dependence.", "dependency"),
    ("We extracted spontaneous reports coded as misuse, abuse or drug dependence.", "dependency"),
    ("Secondary outcomes included falls, cognitive effects, opioid dependence or misuse, and withdrawal symptoms.",
     "dependency"),
])
def test_role_exclusions(det, text, kind):
    assert kind not in kinds_of(det, text)


def test_minor_research_caveat_in_summary_gets_the_main_one(f):
    res = f(DRAFT, "Valerian is a herb used for sleep. One of the trials did not measure sleep quality.")
    assert any("research" in a["kinds"] and a["strength"] == "main" for a in res.report.added)


@pytest.mark.parametrize("src,opening", [
    # news states the study's design limit after the finding and what is not known near the end;
    # the shipped ranker takes the later statement (a refit with the design features prefers the
    # design limit, but lost dependency caveats on dev: see conclusion.py)
    ("Ketamine infusions eased depression in half of 300 clinic patients, a new study found. The patients had tried "
     "at least two antidepressants. Because the study was observational and had no comparison group, it cannot show "
     "that the infusions caused the improvement. Patients received six infusions over three weeks. Most said the "
     "sessions were tolerable. Clinics differ in how they screen patients. The researchers could not say how long "
     "the benefit lasts.", "The rese"),
    # a review's conclusion outranks a shorter caveat from the results
    ("Valerian is a herb taken for sleep. Evidence on sleep onset was limited. Eight trials with 900 adults "
     "compared valerian with placebo. Most trials gave 300 to 600 mg at night. Participants rated their sleep "
     "in diaries. Two trials measured sleep in a laboratory. People fell asleep a few minutes sooner with "
     "valerian. Daytime drowsiness was similar in both groups. Overall, the evidence from these eight small "
     "trials was of low quality because of poor reporting and short follow-up, so larger and longer trials in "
     "adults with insomnia are needed before valerian can be recommended.", "Overall,"),
    # both late in the draft: the call for research outranks two descriptions of small, short trials
    ("Berberine capsules led to modest weight loss in a pooled analysis of 20 trials. The capsules were taken "
     "with meals. Doses ranged from 500 to 1,500 mg a day. Weight fell by about two kilograms on average. "
     "Stomach upset was the most common complaint. Waist size fell slightly. Most of the trials were small, "
     "lasted 12 weeks or less and were run in one country. Few measured blood sugar. Larger and longer trials "
     "are needed before berberine can be recommended for weight loss, the authors concluded.", "Larger a"),
    # reported speech: "was now needed"
    ("Letters from pharmacists helped 300 older people stop sleeping pills, a trial found. The letters were posted "
     "in spring. Each came with a booklet. About a third stopped within six months. Some cut their dose instead. "
     "Few reported worse sleep. Most of the trials were small, lasted 12 weeks or less and were run in one region. "
     "Pharmacists sent reminders. "
     "A larger trial was now needed before the letters could be recommended everywhere, the researchers said.",
     "A larger"),
])
def test_the_research_caveat_added_is_the_strongest(f, src, opening):
    added = f(src, src.split(". ")[0] + ".").report.added
    assert [a["source_sentence"][:8] for a in added if "research" in a["kinds"]] == [opening]


def test_a_name_introduced_by_one_addition_serves_the_next_in_the_same_run(f):
    # the dependency caveat introduces Dr Lopez; the interactions caveat quoting her is added in the
    # same run, not only in a second one
    src = ("Sleep gummies are selling fast in pharmacies. Many buyers take one every night for months. "
           "Dr Maria Lopez, a pharmacist in Leeds, said some regular users become dependent on the gummies and find "
           "it hard to stop. Sales rose by a third last year. Lopez said the gummies can interact with blood thinners "
           "such as warfarin, so anyone on regular medication should check with a pharmacist first.")
    once = f(src, "Sleep gummies are selling fast in pharmacies.")
    assert f(src, once.summary).summary == once.summary
    assert {"dependency", "interactions"} <= {k for a in once.report.added for k in a["kinds"]}


def test_a_verdict_leaning_on_an_earlier_runs_addition_is_not_added_next_run(f):
    # run 1 adds the lab-only caveat ("… small human studies exist"); "The study was far too small"
    # then seems introduced, but it points to the pilot study its own sentence named
    src = ("Kombucha is a fermented tea sold in supermarkets. Its labels promise better digestion. Kombucha is made "
           "by fermenting sweet tea for one to three weeks. Nearly all the research on kombucha has been done in "
           "test tubes or animals, and only a handful of small human studies exist. One pilot study of 12 adults "
           "reported lower blood sugar after four weeks, but the study was far too small to draw firm conclusions. "
           "Home-brewed kombucha can be contaminated.")
    once = f(src, "Kombucha is a fermented tea sold in supermarkets.").summary
    assert f(src, once).summary == once


VERDICT_DRAFT = (
    "Valerian is a herb taken for sleep. Eight small trials with 900 adults compared valerian with placebo. "
    "People fell asleep a few minutes sooner with valerian. Daytime drowsiness was similar in both groups. "
    "There is no firm evidence that valerian improves sleep quality in adults with insomnia.")


def test_an_implicit_main_caveat_gets_the_sources_verdict(f):
    # "few studies" is a main research caveat only because nothing narrows it; the draft's
    # conclusion says what it means for the reader, and that is what the lead must carry
    res = f(VERDICT_DRAFT, "Valerian is a herb taken for sleep. Few studies have looked at valerian.")
    added = _added(res, "research")
    assert [a["source_sentence"][:18] for a in added] == ["There is no firm e"]
    assert added[0]["strength"] == "main"
    again = f(VERDICT_DRAFT, res.summary)
    assert again.passed and again.summary == res.summary


def test_a_summary_with_a_verdict_gets_no_second_one(f):
    summary = "Valerian is a herb taken for sleep. There is insufficient evidence that it helps."
    res = f(VERDICT_DRAFT, summary)
    assert not _added(res, "research")


@pytest.mark.parametrize("text,verdict", [
    ("She says the field needs large, long-term studies of valerian before anyone can say it is safe.", True),
    ("The authors said longer follow-up and better data were needed before anyone could conclude that valerian works.",
     True),
    ("Whether valerian is safe over decades remains an open question.", True),
    ("Overall, though, the evidence that valerian reduces stress is promising but thin.", True),
    ("It can be part of a routine, but most of its advertised benefits have yet to be confirmed in trials.", True),
    ("There is no firm evidence of efficacy of valerian for insomnia.", True),
    ("The evidence on the relative effectiveness of valerian and melatonin remains very uncertain.", True),
    # a result ("no strong evidence of any increase"), a gap for some outcomes, a label in brackets
    ("There was no strong evidence of any increase in complications with valerian.", False),
    ("This review highlighted the lack of data for many outcomes meaningful to people.", False),
    ("Valerian increased the chance of sleeping through (RR 1.44, 95% CI 1.28 to 1.63; moderate quality of "
     "evidence).", False),
])
def test_verdict(det, text, verdict):
    from summarize.caveats.filter import CaveatFilter

    assert CaveatFilter()._verdict(text, det.sentence(text, frozenset({"valerian"})), "research") is verdict


def test_a_label_with_its_reason_is_a_fragment():
    from summarize.coherence import fragment_reason

    assert fragment_reason("Imprecision, because we found few studies.")
    assert fragment_reason("Valerian worries regulators, because it is sold freely.") is None
    assert fragment_reason("However, because it was small, the trial found nothing.") is None


def test_outcome_scoped_research_caveat_in_summary_gets_the_main_one(f):
    res = f(DRAFT, "Valerian is a herb used for sleep. Because the evidence is limited, we cannot draw firm "
                   "conclusions about its side effects.")
    assert any("research" in a["kinds"] and a["strength"] == "main" for a in res.report.added)


@pytest.mark.parametrize("summary", [
    "Take breaks to avoid the risk of dependency on valerian.",
    "You can use valerian without risking dependency if used responsibly.",
    "Use it properly to get the benefits without the risk of dependency.",
])
def test_statements_that_presuppose_a_risk_are_not_cut(f, summary):
    res = f(DRAFT, summary)
    assert not res.report.removed and not res.report.rewritten


def test_added_caveat_has_no_list_label(f):
    draft = ("Valerian is a herb for sleep. Valerian tea is popular.\n\n"
             "Comparison 5: overall, the evidence for valerian was of low quality.\n\nValerian is sold widely.")
    res = f(draft, "Valerian is a herb for sleep.")
    assert [a["text"] for a in res.report.added] == ["The evidence for valerian was of low quality."]


def test_added_caveat_drops_a_run_in_abstract_heading(f):
    draft = ("Valerian is a herb for sleep. Valerian tea is popular.\n\n"
             "Quality of evidence We judged the evidence for valerian to be of very low quality overall.\n\n"
             "Valerian is sold widely.")
    res = f(draft, "Valerian is a herb for sleep.")
    assert [a["text"] for a in res.report.added][0].startswith("We judged the evidence")


def test_a_verdict_on_the_evidence_as_a_whole_is_added_before_a_research_agenda(f):
    # both are late research caveats; the verdict about the whole evidence is the one a reader needs
    draft = ("Valerian is a herb for sleep. Six trials tested valerian against placebo in adults.\n\n"
             "Sleep improved a little with valerian. Valerian tea is popular.\n\n"
             "The evidence available for all comparisons and outcomes is very low certainty. "
             "Future research should evaluate valerian in older adults.")
    res = f(draft, "Valerian is a herb for sleep.")
    research = _added(res, "research")
    assert research and research[0]["text"].startswith("The evidence available for all comparisons")
    assert research[0]["strength"] == "main"


def test_a_quoted_warning_whose_speaker_the_lead_lacks_is_added_without_the_quote(f):
    # the speaker was named sentences before; the warning's words stand on their own
    draft = ("Valerian is a herb sold for sleep, and valerian tea is popular.\n\n"
             "Dr Ann Lee, a pharmacist, has seen valerian users for years. “Anyone taking valerian every night "
             "can become dependent on it, just as they would on sleeping pills,” she said. “I see it weekly.”\n\n"
             "Valerian is sold in supermarkets.")
    res = f(draft, "Valerian is a herb sold for sleep.")
    assert [a["text"] for a in _added(res, "dependency")] == [
        "Anyone taking valerian every night can become dependent on it, just as they would on sleeping pills."]


def test_an_added_caveat_drops_a_contrast_with_the_sentence_it_leaves_behind(f):
    draft = ("Valerian is a herb sold for sleep, and valerian tea is popular.\n\n"
             "Valerian has been used for centuries. Much of the excitement, though, comes from animal studies, "
             "and the human trials of valerian have been small.\n\nValerian is sold in supermarkets.")
    res = f(draft, "Valerian is a herb sold for sleep.")
    assert [a["text"] for a in _added(res, "research")] == [
        "Much of the excitement comes from animal studies, and the human trials of valerian have been small."]


def test_a_reported_frame_that_governs_a_second_clause_stays():
    from summarize.caveats.repair import compress_variants

    text = ("Dr Lee warned that valerian could be harmful to people with liver disease, and said anyone "
            "taking sedatives should avoid it altogether.")
    at = text.index("harmful")
    assert all(v.startswith("Dr Lee warned that") for v in compress_variants(text, [(at, at + 7)], load_policy()))


def test_a_demonstrative_subject_is_not_taken_for_the_frames_that():
    # "said that was a decision": "that" is the subject; the clause after "but" holds the advice
    from summarize.caveats.repair import compress_variants

    text = ("Dr Balgobin said that was a decision for each man, but anyone with high blood pressure or diabetes "
            "should speak to a doctor before taking the tonic.")
    at = text.index("speak to a doctor")
    variants = compress_variants(text, [(at, at + 17)], load_policy())
    assert variants[0] == "Anyone with high blood pressure or diabetes should speak to a doctor before taking the tonic."
    assert not any(v.startswith("Was ") for v in variants)


def test_a_call_for_studies_framed_by_a_speaker_after_a_connective_loses_the_frame():
    from summarize.caveats.repair import compress_variants

    text = "But she says the field needs large, long-term studies of valerian before anyone can say it is safe."
    at = text.index("needs large")
    assert compress_variants(text, [(at, at + 11)], load_policy())[0] == (
        "The field needs large, long-term studies of valerian before anyone can say it is safe.")


def test_the_verdict_in_the_drafts_conclusions_section_is_the_one_added(f):
    # a results sentence that names two limits is not the conclusion-level caveat; the
    # verdict under the draft's own "CONCLUSIONS:" label is
    draft = ("Valerian for insomnia\n\n"
             "BACKGROUND: Valerian is a herb sold for sleep. Many adults take it. It is cheap.\n\n"
             "METHODS: We searched for randomised trials of valerian in adults. Two authors read them.\n\n"
             "RESULTS: Nine trials were included. Sleep improved a little with valerian. "
             "Most trials were small and short, and five were at high risk of bias.\n\n"
             "CONCLUSIONS: Valerian may improve sleep slightly. "
             "The certainty of the evidence is low.\n")
    res = f(draft, "Valerian may improve sleep slightly.")
    research = _added(res, "research")
    assert research and research[0]["text"] == "The certainty of the evidence is low."


def test_an_added_caveat_that_points_back_is_a_last_resort(f):
    draft = ("Valerian is a herb for sleep. Six trials tested valerian in adults.\n\n"
             "Sleep improved a little with valerian.\n\n"
             "The evidence for valerian is limited. "
             "This probably needs to be confirmed because overall the quality of the evidence was very low.")
    res = f(draft, "Valerian is a herb for sleep.")
    research = [a["text"] for a in _added(res, "research")]
    assert research and not research[0].startswith("This")


def test_an_added_caveat_is_judged_without_the_lead_before_it(f):
    # "This is not clear …" would follow the lead's last sentence, not the one it pointed to
    draft = ("Valerian is a herb for sleep. Six trials tested valerian in adults. More research on valerian "
             "is needed.\n\nSleep improved a little with valerian. Which dose works best is debated.\n\n"
             "Valerian tea is popular. This is not clear from the available evidence and needs testing in "
             "well-designed trials.")
    res = f(draft, "Valerian is a herb for sleep. Six trials tested valerian in adults.")
    research = [a["text"] for a in _added(res, "research")]
    assert research == ["More research on valerian is needed."]


def test_a_verdict_that_points_back_is_not_added_beside_a_main_caveat(f):
    draft = ("Valerian is a herb for sleep. Six trials tested valerian in adults.\n\n"
             "Sleep improved a little with valerian.\n\n"
             "The evidence for valerian is limited. "
             "This probably needs to be confirmed because overall the quality of the evidence was very low.")
    res = f(draft, "Valerian is a herb for sleep. Few studies have looked at valerian.")
    # the draft's conclusion-level caveat is the sentence that stands on its own
    assert [a["text"] for a in _added(res, "research")] == ["The evidence for valerian is limited."]
    assert "research" not in res.report.unresolved


def test_a_meta_sentence_is_never_added_as_a_caveat(f):
    draft = ("Valerian is a herb for sleep. Valerian tea is popular.\n\n"
             "Check with your doctor if you have any of the following.\n\nValerian is sold widely.")
    res = f(draft, "Valerian is a herb for sleep.")
    assert not any("following" in a["text"] for a in res.report.added)


def test_result_connective_without_a_comma_is_dropped_from_an_added_caveat(f):
    draft = ("Valerian is a herb for sleep. Six small trials tested valerian against placebo.\n\n"
             "Sleep improved a little. Therefore we have limited confidence in the results.")
    res = f(draft, "Valerian is a herb for sleep.")
    assert [a["text"] for a in res.report.added] == ["We have limited confidence in the results."]


@pytest.mark.parametrize("sentence", [
    "Four trials measured adverse events.",
    "We combined data for all adverse events from three studies.",
    "The reporting of adverse events was poor.",
    # concerns about the evidence, and a risk-of-bias grade
    "Most trials were paid for by valerian makers, which raises concerns about publication bias.",
    "Four of the six trials were judged to raise some concerns.",
    # a review's objective
    "To assess the effects of valerian compared with placebo or other hypnotics on sleep onset, sleep "
    "quality, daytime alertness and adverse events in adults.",
    # fewer harms than the comparator, or less harm than something else
    "Fewer people stopped taking valerian because of side effects than stopped taking the sleeping pills.",
    "Valerian is far less harmful than the sleeping pills it replaces, he said.",
    # an overdose as what a rescue drug or a treatment answers
    "Officials urge bystanders to give naloxone in any suspected overdose.",
    "Approved treatments such as methadone cut the risk of overdose death roughly in half.",
])
def test_harms_as_a_measured_outcome_are_not_side_effect_caveats(f, sentence):
    kinds = {d.kind for d in f.detector.sentence(sentence, frozenset({"valerian"})) if d.is_caveat}
    assert "side_effects" not in kinds


def test_an_overdose_the_subject_causes_is_still_a_side_effect(f):
    kinds = {d.kind for d in f.detector.sentence("High doses of valerian extract can cause an overdose.",
                                                 frozenset({"valerian"})) if d.is_caveat}
    assert "side_effects" in kinds


def test_link_line_is_never_added(f):
    draft = ("Valerian is a herb for sleep. Valerian tea is popular.\n\n"
             "For more on the research into valerian, read our guide, as more research is needed.\n\n"
             "Valerian is sold widely.")
    res = f(draft, "Valerian is a herb for sleep.")
    assert not res.report.added and res.report.unresolved == ["research"]


def test_conclusion_labels_parse_and_keeps_phrase_judges_by_content_words():
    from summarize.evaluation.caveats import keeps_phrase, read_conclusion_labels

    rows = read_conclusion_labels()
    assert len(rows) == len({r["line"] for r in rows}) >= 40
    assert all(len(r["sentences"]) == len(r["spans"]) for r in rows)
    phrase = "the quality of the evidence was low"
    assert keeps_phrase("Chamomile may help. Overall the evidence quality was low.", phrase)
    assert not keeps_phrase("Chamomile may help. The evidence was strong.", phrase)
    # the words must meet in one sentence, not across the summary
    assert not keeps_phrase("The quality varied. The evidence was low in cost.", "quality evidence low")


@pytest.mark.parametrize("text", [
    "Marginal zone lymphoma grows slowly and is usually found at an early stage.",
    "Babies are born with a premature closure of the skull's joints.",
    "It remains unclear how the protein disrupts early development.",
])
def test_disease_stages_and_biology_are_not_research_caveats(det, text):
    assert "research" not in {d.kind for d in det.sentence(text, frozenset()) if d.is_caveat}


@pytest.mark.parametrize("text, research", [
    # what a product holds is unknown, not what research knows
    ("That is very different from snorting a pink powder of unknown strength every night.", False),
    ("The gummies contain unknown amounts of THC.", False),
    ("Pills sold outside pharmacies are often fakes that can contain stronger, unknown sedatives.", False),
    ("The long-term effects of the gummies are unknown.", True),
])
def test_a_product_of_unknown_strength_is_no_research_caveat(det, text, research):
    assert ("research" in {d.kind for d in det.sentence(text, frozenset()) if d.is_caveat}) is research


def test_a_mandated_caveat_that_leans_on_a_definite_subject_gets_it_back(f):
    draft = ("Redness-relief eye drops are sold in every pharmacy. Eye doctors reviewed charts of 187 patients "
             "with chronic redness. The review had limits. It came from a single practice and could not say how "
             "many people use the drops without trouble.")
    res = f(draft, "Redness-relief eye drops are sold in every pharmacy.")
    added = [a["text"] for a in res.report.added if "research" in a["kinds"]]
    assert added and added[0].startswith("The review came from a single practice"), added


def test_an_added_clause_never_points_back_to_the_clause_it_was_cut_from(f):
    draft = ("Valerian is a herb taken for sleep. Valerian tea is widely sold in shops. "
             "Some researchers worry valerian could affect the liver, although that has not been shown in people.")
    res = f(draft, "Valerian is a herb taken for sleep.")
    added = [a["text"] for a in res.report.added]
    assert added and not any(t.startswith("That") for t in added), added


def test_a_list_closed_by_and_is_never_cut_into_a_clause(f):
    draft = ("Valerian is a herb taken for sleep. Valerian tea is widely sold in shops. "
             "The results suggest a possible benefit of valerian on sleep onset, sleep quality, and most night waking "
             "in comparisons with placebo, but, because the quality of the evidence is very low, we are very "
             "uncertain about these findings.")
    res = f(draft, "Valerian is a herb taken for sleep.")
    added = [a["text"] for a in res.report.added]
    assert added and not any(t.startswith("Most night waking") for t in added), added


def test_a_structured_abstract_s_background_gap_is_not_its_research_caveat(f):
    from test_parse import STRUCTURED_ABSTRACT

    summary = "A short evening walk helped older adults fall asleep sooner."
    added = f(STRUCTURED_ABSTRACT, summary).report.added
    assert [a["text"] for a in added if "research" in a["kinds"]] == ["Larger trials are needed to confirm the benefit."]
    # with no caveat of its own, the abstract's background gap is not added as one
    no_caveat = STRUCTURED_ABSTRACT.replace(" Larger trials are needed to confirm the benefit.", "")
    assert not [a for a in f(no_caveat, summary).report.added if "research" in a["kinds"]]


def test_a_structured_abstract_s_methods_are_not_its_caveats(f):
    # what was searched and selected is no warning ("regulatory agency documents" is no legal status)
    from test_parse import STRUCTURED_ABSTRACT

    draft = STRUCTURED_ABSTRACT.replace(
        "for 12 weeks.\n", "for 12 weeks. We searched two trial registries and regulatory agency documents for "
        "unpublished trials, and we excluded adults with alcohol dependence.\n")
    res = f(draft, "A short evening walk helped older adults fall asleep sooner.")
    assert not [a for a in res.report.added if "regulatory" in a["text"]]
    assert not {"legal", "dependency"} & set(res.report.source_kinds)


def test_a_non_mandated_caveat_that_leans_on_context_is_not_added(f):
    draft = ("Valerian is a herb taken for sleep. Small trials suggest it helps a little, but more research is "
             "needed. Doctors in Ohio say many patients ask about it. They say it can interact with sedatives.")
    added = f(draft, "Valerian is a herb taken for sleep. More research is needed.").report.added
    assert not [a for a in added if "interactions" in a["kinds"]]


def test_a_caveat_the_lead_already_says_is_not_added_again(f):
    draft = ("Valerian is a herb taken for sleep. Secondary outcomes were mood and headaches (self-reported). "
             "Headaches were more common with valerian. More research is needed.")
    lead = ["Valerian is a herb taken for sleep.", "Headaches were more common with valerian.", "More research is needed."]
    assert not f(draft, lead).report.added


def test_the_labelled_drafts_key_matches_its_drafts():
    from summarize.evaluation.caveats import DRAFTS, read_draft_key

    key = read_draft_key()
    assert len(key) == 12 and {e["split"] for e in key} == {"tune", "held-out"}
    for entry in key:
        text = " ".join((DRAFTS / entry["file"]).read_text(encoding="utf-8").split())
        assert entry["caveats"] and entry["conclusion"]
        for c in entry["caveats"]:
            assert " ".join(c["text"].split()) in text, (entry["file"], c["text"][:60])
            assert c["kinds"] and c["strength"] in ("main", "minor")


def test_caveats_eval_scores_a_users_own_labelled_drafts(tmp_path):
    from summarize.evaluation.caveats import eval_drafts

    (tmp_path / "kava.txt").write_text(
        "Kava is a drink made from the root of a Pacific plant. People drink it to relax.\n\n"
        "Kava can damage the liver. Only a few small trials have tested it for anxiety, so more research is needed.\n",
        encoding="utf-8")
    (tmp_path / "KEY.md").write_text(
        "## kava.txt\n"
        "C: [side_effects, main] Kava can damage the liver.\n"
        "C: [research, main] Only a few small trials have tested it for anxiety, so more research is needed.\n"
        "CONCLUSION_CAVEAT: Only a few small trials have tested it for anxiety, so more research is needed.\n",
        encoding="utf-8")
    out = eval_drafts(tmp_path)
    assert list(out) == ["held-out"]  # a folder without numbered files is held out as a whole
    got = out["held-out"]
    assert got["pairs"] == 1 and got["sentences"] == 4
    assert got["per_kind"]["research"]["tp"] == 1
    # the sentences the detector got wrong are listed (caveats-eval --errors prints them)
    wrong = {e["text"]: (e["gold"], e["pred"]) for e in got["errors"]}
    assert all(g != p for g, p in wrong.values())
    assert "Only a few small trials have tested it for anxiety, so more research is needed." not in wrong


def test_caveats_eval_names_a_drafts_folder_without_a_key(tmp_path):
    from click.testing import CliRunner

    from summarize.cli import main

    res = CliRunner().invoke(main, ["caveats-eval", "--sections", "drafts", "--drafts", str(tmp_path)])
    assert res.exit_code != 0 and "KEY.md" in res.output


@pytest.mark.parametrize("text,problem", [
    ("Research is limited.", None),  # short, but a subject and its verb
    ("Evidence: limited.", "fragment"),
    ("Can it cause dependence?", "question"),  # asks; the answer states the risk
])
def test_a_short_clause_is_a_sentence_and_a_question_is_no_caveat(f, text, problem):
    from summarize.caveats.repair import clean_sentence_problems

    got = clean_sentence_problems(text, text, f.policy)
    assert (problem in got) if problem else not got


def test_a_three_word_verdict_is_added_and_a_question_never_is(f):
    draft = "Kratom is a plant sold online.\n\nCan it cause dependence? Yes: withdrawal is common. Research is limited.\n"
    res = f(draft, "Kratom is a plant sold online.")
    assert [a["text"] for a in _added(res, "research")] == ["Research is limited."]
    assert not any(a["text"].endswith("?") for a in res.report.added)


def test_a_question_in_the_summary_carries_no_caveat(f):
    draft = "Kratom is a plant sold online.\n\nRegular users can become dependent on kratom.\n"
    res = f(draft, "Kratom is a plant sold online. Can it cause dependence?")
    assert "dependency" not in res.report.summary_kinds
    assert [a["text"] for a in _added(res, "dependency")] == ["Regular users can become dependent on kratom."]


def test_a_verdict_for_now_is_added_without_the_time_it_leans_on(f):
    draft = ("Creatine is a supplement sold for muscle strength. A small trial tested it in 40 adults with depression.\n\n"
             "Until then, more research is needed before creatine can be recommended for depression.")
    res = f(draft, "Creatine is a supplement sold for muscle strength.")
    research = [a["text"] for a in _added(res, "research")]
    assert research == ["More research is needed before creatine can be recommended for depression."]


def test_a_verdict_with_an_attributed_surname_can_be_added(f):
    draft = ("Valerian is a herb taken for sleep. A new trial tested valerian in 60 adults with insomnia.\n\n"
             "Dr. Marcus Feld, a sleep physician, was not involved. Few studies have followed people for long.\n\n"
             "For now, the evidence is too thin to recommend valerian for insomnia, Feld said, and larger trials "
             "are needed.")
    res = f(draft, "Valerian is a herb taken for sleep. A new trial tested valerian in 60 adults with insomnia.")
    research = [a["text"] for a in _added(res, "research")]
    # ("For now," and "Feld said" need nothing before them, but the verdict reads without them)
    assert research and research[0].startswith(("For now, the evidence is too thin", "The evidence is too thin"))


def test_a_surname_opening_an_added_sentence_still_needs_its_introduction():
    from summarize.caveats.filter import _stands

    names = frozenset({"Venkataraman", "Feld"})
    lead = ["Kratom is sold in gas stations across California."]
    assert not _stands("Venkataraman said her clinic saw a dozen patients with kratom dependence.", lead, names)
    assert _stands("For now, the evidence is too thin to recommend kratom, Feld said, and trials are needed.", lead, names)


def test_an_added_caveat_with_a_contrast_that_points_back_does_not_stand():
    from summarize.caveats.filter import _stands

    assert not _stands("In much of Europe, by contrast, valerian requires a prescription.",
                       ["Valerian is sold freely in the United States."], frozenset())


def test_an_added_caveat_opening_on_a_demonstrative_does_not_stand():
    from summarize.caveats.filter import _stands

    # the lead's study may not be the one the draft sentence before it described
    assert not _stands("That study was small and has never been repeated.",
                       ["A study of valerian found that it eased flight anxiety."], frozenset())


def test_an_aside_inside_a_clause_is_cut_but_not_the_clauses_verb(f):
    from summarize.caveats.repair import compress_variants

    text = ("Nicotine is highly addictive, and pouches can deliver as much nicotine as a cigarette, so people "
            "who start using them, particularly teenagers and young adults, can quickly become dependent.")
    at = text.find("highly addictive")
    variants = compress_variants(text, [(at, at + len("highly addictive"))], f.policy)
    assert "so people who start using them can quickly become dependent." in variants[0]
    assert all(not v.endswith("start using them.") for v in variants)
    # a trailing aside with no verb after it still goes as a whole
    text = "Kava can damage the liver, especially when taken with alcohol or for long periods."
    at = text.find("damage the liver")
    assert compress_variants(text, [(at, at + 16)], f.policy)[0] == "Kava can damage the liver."
    # a condition there opens a list of conditions: the verb after it is the list's, not the clause's
    text = "Ask a pharmacist before taking kava, especially if you take sedatives, are pregnant, or have liver disease."
    at = text.find("Ask a pharmacist")
    assert compress_variants(text, [(at, at + 16)], f.policy)[0] == "Ask a pharmacist before taking kava."


def test_dropping_a_negated_infinitive_takes_its_negation_with_it(f):
    from summarize.caveats.repair import compress_variants

    text = ("Reyes advises patients not to buy naltrexone from online sellers and to start it only under the "
            "supervision of a clinician who knows their full medication list.")
    at = text.find("supervision")
    variants = compress_variants(text, [(at, at + len("supervision"))], f.policy)
    assert all("not to start" not in v for v in variants)
    assert any("advises patients to start it only under the supervision" in v for v in variants)


@pytest.mark.parametrize("text, cue, expected", [
    # an attribution aside or a closing attribution goes: the speaker is not in the lead
    ("Patients on pregabalin should not stop suddenly, Okonkwo said, but should taper with their doctor.",
     "should not stop suddenly", "Patients on pregabalin should not stop suddenly, but should taper with their doctor."),
    ("Long-term users can become dependent on the pills, Dr. Halvorsen warned.",
     "become dependent", "Long-term users can become dependent on the pills."),
    ("The sleeping pills can be habit-forming, says Prof. Amara Diallo.",
     "habit-forming", "The sleeping pills can be habit-forming."),
    # a reporting frame at the start goes
    ("She noted that the trial lasted only eight weeks, too short to judge long-term safety.",
     "too short", "The trial lasted only eight weeks, too short to judge long-term safety."),
    ("Mr. Brennan said there is no good evidence that the patches work.",
     "no good evidence", "There is no good evidence that the patches work."),
    # the speaker goes with their role when both close the sentence
    ("Regular users can develop tolerance to the gas, said Dr Tomasz Wielgosz, an addiction psychiatrist at the "
     "Pennine Centre who was not involved in the audit.", "tolerance", "Regular users can develop tolerance to the gas."),
    ("Long-term users can become dependent on the pills, Dr. Ana Ruiz, a pharmacist in Leeds, said.",
     "become dependent", "Long-term users can become dependent on the pills."),
    ("The drug is addictive, said Dr. Maria Lopez, an addiction specialist.", "addictive", "The drug is addictive."),
    # kept: what is said points back to the speaker, a quote keeps its speaker, an institution
    # introduces itself
    ("Venkataraman said her clinic treats dozens of patients for kava dependence.",
     "dependence", "Venkataraman said her clinic treats dozens of patients for kava dependence."),
    ("\u201cNobody should stop these pills abruptly,\u201d Okonkwo said.",
     "stop these pills abruptly", "\u201cNobody should stop these pills abruptly,\u201d Okonkwo said."),
    ("Kratom can cause dependence, the FDA said.", "dependence", "Kratom can cause dependence, the FDA said."),
])
def test_an_added_caveat_drops_a_speaker_the_lead_never_introduces(f, text, cue, expected):
    assert _variants(f, text, cue)[-1] == expected


@pytest.mark.parametrize("text, cue, expected", [
    # a lead-in that points back goes; the clause after the colon states the caveat
    ("That reputation has not held up: like other opioids, kratom can cause physical dependence.",
     "physical dependence", "Like other opioids, kratom can cause physical dependence."),
    # kept: a list after the colon, a quote, a lead-in that stands on its own
    ("Side effects include: nausea, dizziness and headache.", "Side effects",
     "Side effects include: nausea, dizziness and headache."),
    ('This was the message: "Do not stop these pills suddenly."', "stop these pills suddenly",
     'This was the message: "Do not stop these pills suddenly."'),
    ("Researchers gave one warning: kava can damage the liver.", "damage the liver",
     "Researchers gave one warning: kava can damage the liver."),
    # a subject with a verb like a speaker's ("Phenibut adds to the effects of …") is no lead-in
    ("Phenibut adds to the effects of alcohol, and combining them raises the risk of slowed breathing.",
     "raises the risk", "Phenibut adds to the effects of alcohol, and combining them raises the risk of slowed breathing."),
    ("This trial did not report the following outcomes: liver damage, which was rare in earlier trials, or dependence.",
     "dependence", "This trial did not report the following outcomes: liver damage, which was rare in earlier trials, or dependence."),
])
def test_an_added_caveat_drops_a_lead_in_that_points_back(f, text, cue, expected):
    assert _variants(f, text, cue)[-1] == expected


@pytest.mark.parametrize("text, cue, expected", [
    # a conclusion drawn from the sentence before: the claim after "That means" stands alone
    ("That means almost everything known about nitazenes comes from animal experiments.", "almost everything known",
     "Almost everything known about nitazenes comes from animal experiments."),
    ("This means that more research is needed before kratom can be recommended.", "more research is needed",
     "More research is needed before kratom can be recommended."),
    ("In other words, the evidence for kratom is weak.", "evidence for kratom is weak", "The evidence for kratom is weak."),
    # no clause after it: stripping it would leave a fragment
    ("That means a risk of dependence for anyone who uses kratom daily.", "risk of dependence",
     "That means a risk of dependence for anyone who uses kratom daily."),
])
def test_an_added_caveat_drops_a_that_means_lead_in(f, text, cue, expected):
    assert _variants(f, text, cue)[0] == expected


def test_a_conjunction_joining_an_added_caveat_to_its_draft_neighbour_goes(f):
    from summarize.caveats.repair import compress_variants

    text = "But if you're pregnant or take other medicines, talk to your doctor or pharmacist first."
    at = text.find("talk to your doctor")
    assert compress_variants(text, [(at, at + 19)], f.policy)[0].startswith("If you're pregnant")
    text = "So far, only two small trials have tested valerian."
    at = text.find("only two small trials")
    assert compress_variants(text, [(at, at + 21)], f.policy)[0] == text


def test_a_quote_of_two_sentences_is_not_one_clean_added_sentence(f):
    from summarize.caveats.repair import clean_sentence_problems, compress_variants

    glued = ('Councillor Ana Ruiz said: "These results are better than we hoped. Smoking is still the biggest '
             'cause of early death here."')
    assert "two sentences" in clean_sentence_problems(glued, glued, f.policy)
    for one in ("Dr. Lee said the U.S. Food and Drug Administration has not approved kava.",
                "Sessions ran from 9 a.m. to 5 p.m. Monday to Friday at the U.S. Army clinic.",
                'Okafor said: "Nobody should stop these pills suddenly."'):
        assert "two sentences" not in clean_sentence_problems(one, one, f.policy)
    # a sentence that ends inside its closing quote gets no second full stop
    text = 'Ruiz warned that "stopping suddenly can cause withdrawal."'
    at = text.find("withdrawal")
    assert compress_variants(text, [(at, at + 10)], f.policy)[-1].endswith('withdrawal."')


def test_added_advice_closes_the_lead_after_the_other_added_caveats(f):
    draft = ("Valerian is a herb people take for sleep, and valerian tea is sold widely.\n\n"
             "Talk to your doctor before taking valerian if you take other medicines.\n\n"
             "Valerian is popular in Europe, where valerian has been used for centuries.\n\n"
             "The evidence for valerian is weak, and more research is needed before anyone can recommend it.")
    res = f(draft, "Valerian is a herb taken for sleep.")
    added = [s for s in res.sentences if s.status == "added"]
    assert len(added) == 2 and added[0].kinds == ["research"] and added[0].text.startswith("The evidence for valerian is weak")
    assert res.sentences[-1].text.startswith("Talk to your doctor")


def test_an_overclaim_inside_a_quotation_takes_the_sentence_not_words_of_the_quote():
    from summarize.caveats.repair import cut_overclaims, find_overclaims

    flt = CaveatFilter()
    quoted = 'The label promises "a gentle, non-habit-forming way to help little ones drift off."'
    assert cut_overclaims(quoted, find_overclaims(quoted, flt.detector.sentence(quoted), flt.policy, True)) is None
    # cut outside the quote: no period is added after the closing quote
    plain = 'Ads call it a non-addictive aid, and the maker says "use it nightly."'
    cut = cut_overclaims(plain, find_overclaims(plain, flt.detector.sentence(plain), flt.policy, True))
    assert cut == 'Ads call it an aid, and the maker says "use it nightly."'
    assert flt.promises_safety(quoted) and not flt.promises_safety("Melatonin may help some children sleep.")


def test_warnings_in_a_bulleted_list_are_read_and_please_opens_advice():
    """A list of whole sentences is set aside from the lead but is the draft's own warning; a
    list of links has no sentences. "Please talk to your doctor" is advice, so it closes the lead."""
    from summarize.corpus.parse import list_sentences, parse_article

    draft = ("Valerian is a herb sold for sleep, and sales have grown in recent years.\n\n"
             "A few safety points if you use it:\n\n"
             "- Check with your pharmacist before taking valerian with other sleep medicines.\n"
             "- Stop taking it two weeks before surgery.\n\n"
             "- Home\n- News\n- Health\n- Contact us\n\n"
             "Most people who try it notice little change. Please talk to your doctor if poor sleep lasts.\n")
    article = parse_article(draft)
    lists = [p for p in article.paragraphs() if p.boilerplate == "list"]
    assert lists and [t for t, _ in list_sentences(lists[0].text)][0].startswith("Check with your pharmacist")
    res = CaveatFilter()(article, ["Valerian is a herb sold for sleep.", "Please talk to your doctor if poor sleep lasts."])
    found = [d["sentence"] for d in res.report.source_kinds.get("professional", [])]
    assert any(s.startswith("Check with your pharmacist") for s in found)
    assert res.summary[-1].startswith("Please talk to your doctor")  # added caveats go before the advice


def test_an_optional_kind_is_added_in_its_shortest_clean_statement(f):
    src = ("Valerian is a herb taken for sleep. Some people get headaches and stomach upset after taking it. "
           "Trials found it was mostly well tolerated. Patients with sleep problems use it widely. "
           "Reported side effects of valerian include headaches, dizziness, stomach upset, vivid dreams and morning "
           "grogginess, and a few people taking valerian with other herbs developed signs of liver strain.")
    added = f(src, "Valerian is a herb taken for sleep.").report.added
    assert [a["text"] for a in added if "side_effects" in a["kinds"]] == [
        "Some people get headaches and stomach upset after taking it."]


def test_even_so_is_a_lead_in_that_goes(f):
    from summarize.caveats.repair import compress_variants

    text = "Even so, the evidence for valerian is not strong enough to recommend it."
    at = text.find("not strong enough")
    assert compress_variants(text, [(at, at + 17)], f.policy)[0] == "The evidence for valerian is not strong enough to recommend it."


def test_an_added_caveat_is_never_cut_to_a_comma_splice(f):
    src = ("Antihistamines are sold for sleep. They make people drowsy. The benefits are small, tolerance sets in "
           "quickly, and the side effects, from confusion to constipation and a dry mouth, are far more significant "
           "than their over-the-counter status on supermarket shelves suggests, particularly in older adults.")
    summary = "Antihistamines are sold for sleep. Their side effects include a dry mouth and constipation."
    added = [a["text"] for a in f(src, summary).report.added]
    assert "The benefits are small, tolerance sets in quickly." not in added


def test_a_joke_is_never_added_as_a_caveat(f):
    from summarize.caveats.repair import clean_sentence_problems

    joke = '"Rum is the thing in that glass people get hooked on, not the kava," he joked.'
    assert "a joke" in clean_sentence_problems(joke, joke, f.policy)
    src = ("Kava is a drink from the Pacific. A small trial found it eased worry. " + joke + " Kava can be habit-forming "
           "with daily use, doctors warned.")
    added = [a["text"] for a in f(src, "Kava is a drink from the Pacific.").report.added]
    assert joke not in added and any("habit-forming" in a for a in added)


@pytest.mark.parametrize("text,source,problem", [
    # a list's last item taken out of its list
    ("The uncertainty of buying pills from unknown sellers.",
     "The gains may not be worth the side effects, the chance of relying on it, and the uncertainty of buying pills "
     "from unknown sellers.", True),
    # a subordinate clause or an opening phrase before the main clause is no comma splice
    ("Because the gummies are sold as food, makers need not prove they work.",
     "Because the gummies are sold as food, makers need not prove they work, and doses vary widely.", False),
    ("Apart from one seizure medicine, the regulator has not approved the extract.",
     "Apart from one seizure medicine, the regulator has not approved the extract, and it does not test products.",
     False),
])
def test_added_sentences_cut_from_a_list_or_a_coordination(f, text, source, problem):
    from summarize.caveats.repair import clean_sentence_problems

    assert bool(clean_sentence_problems(text, source, f.policy)) is problem


def test_a_quote_whose_speaker_is_a_bare_pronoun_does_not_stand_as_an_added_sentence():
    from summarize.caveats.filter import _stands

    lead = ["Imani Roberts, an addiction specialist, said kava bars are busy."]
    assert not _stands("\"By the end I couldn't fall asleep without it,\" he said.", lead, frozenset())


def test_an_added_caveat_that_names_a_person_by_surname_names_them_as_the_draft_does(f):
    draft = ("Reports of clonidine misuse to poison centers doubled from 2019 to 2024, an analysis found. "
             "Kenji Morales, MD, an addiction medicine physician at Rush University Medical Center, said the rise "
             "was worrying. Morales recommended that clinicians counsel patients about the risks of combining "
             "clonidine with opioids or alcohol. More research is needed, and clonidine can cause dependence.")
    res = f(draft, "Reports of clonidine misuse to poison centers doubled from 2019 to 2024, an analysis found.")
    added = [a["text"] for a in _added(res, "interactions")]
    assert added and added[0].startswith("Kenji Morales, an addiction medicine physician at Rush University "
                                         "Medical Center, recommended")
    assert f(draft, res.summary).report.added == []  # and a second run changes nothing


# How news and consumer-health writing states a kind, and what reads like it but is not: each
# sentence with the kind it states (True) or only seems to (False).
NEWS_PHRASINGS = [
    ("dependency", "An online survey of customers found that 9% had tried and failed to cut back on kava.", True),
    ("dependency", "Students reported anxiety in the first three days, which researchers describe as withdrawal-like.",
     True),
    ("dependency", "Most chewers said the cravings for khat were too strong.", True),
    ("dependency", "Low doses of kava showed rapid tolerance.", True),
    ("dependency", "About a third of people slip back into overuse of painkillers within a year.", True),
    ("dependency", "Leftover kava capsules at home are a common source of misuse by family members.", True),
    ("dependency", "A few people said they felt unwell when they cut back on kava.", True),
    ("dependency", "When he finally stopped drinking kava, he had a week of irritability and broken sleep.", True),
    # stopping something else is no dependence
    ("dependency", "Kava failed to stop the seizures.", False),
    # delight, not dependence; unless the sentence speaks of not stopping
    ("dependency", "\"I'm honestly addicted to how clear my head feels afterward,\" one client told us.", False),
    ("dependency", "\"Patients love that it's one small pill a day, and once they see results, frankly, they're "
                   "hooked,\" Dr. Lena Arce told the site.", False),
    ("dependency", "\"I'm addicted to how it makes me feel, and I can't stop,\" she said.", True),
    ("dependency", "Patients love the drug at first, but once they're hooked, they can't stop.", True),
    # the condition a product is promoted for
    ("dependency", "Clinics promote kava for sports recovery, autism, fibromyalgia and even addiction recovery.", False),
    # a spokesperson's no comment is no limit of the evidence; a review's is
    ("research", "The clinic said it follows federal drug-testing guidelines and could not comment on individual "
                 "applicants.", False),
    ("research", "We could not comment on the long-term safety of kava because no trial lasted beyond 12 weeks.", True),
    ("dependency", "Patients were unable to stop the bleeding.", False),
    ("research", "Doctors say heavy daily use of kava carries risks, and researchers have barely begun to study them.",
     True),
    ("research", "Nobody has properly studied what nightly heavy drinking of kava does to people.", True),
    ("research", "Kava sold online is legal, but Dr Ana Ruiz, a GP in Leeds, said it has barely been studied.", True),
    ("research", "Kava shots have never been tested in children.", True),
    ("research", "Users rarely tested their kava for mould.", False),
    ("research", "Because the kava study was observational, residual confounding by pain severity is likely.", True),
    ("research", "There was also no placebo condition in the kava study.", True),
    ("research", "A product that simply says kava may contain a cheaper root, which has been studied even less.", True),
    ("research", "Kava's potential for interactions with common drugs has not been well characterised.", True),
    ("research", "For all the prescriptions written, there is surprisingly little proof that kava works.", True),
    ("research", "The handful of studies behind kava are decades old and tiny.", True),
    ("research", "Kava has been tested in 40 trials.", False),
    ("research", "Proof of purchase is needed to return kava.", False),
    ("side_effects", "If you're curious about ginseng, a short trial at a standard dose is unlikely to harm most healthy "
     "adults.", False),
    ("side_effects", "Ginseng doesn't seem to cause any problems at the doses in most products.", False),
    ("side_effects", "In trials lasting up to six months, ginseng at standard doses has caused no more serious problems "
     "than a placebo.", False),
    ("side_effects", "High doses of ginseng are likely to harm the liver.", True),
    # side effects as what the drug is for
    ("side_effects", "Ginseng is widely prescribed alongside antipsychotics to prevent or treat extrapyramidal side "
                     "effects.", False),
    ("side_effects", "Ginseng can cause side effects such as insomnia.", True),
    # a reader's or fan's enthusiasm, wherever it stands in the sentence; a story of not stopping is dependence
    ("dependency", "One reader put it this way: \"I'm hooked on my chamomile tea now, and I actually wake up rested.\"",
     False),
    ("dependency", "‘I’m hooked – I even take a bottle of kava on holiday.’", False),
    ("dependency", "I'm hooked on kava and can't stop, even though it costs me my savings.", True),
    ("dependency", "Within a month I was hooked on kava.", True),
    # a ban lifted is context; a ban in force is the caveat
    ("legal", "The cases were traced to solvent extracts, and a German court overturned that country's ban on kava "
     "in 2014.", False),
    ("legal", "The ban on kava in Germany was lifted in 2014.", False),
    ("legal", "Kava is banned in Poland.", True),
    # a warning taken off the label is no caveat either; one put on it is
    ("legal", "In 2016, after a large safety study, the FDA removed a boxed warning about serious psychiatric side "
              "effects.", False),
    ("side_effects", "In 2016, after a large safety study, the FDA removed a boxed warning about serious psychiatric "
                     "side effects.", False),
    ("legal", "In 2016 the FDA added a boxed warning about serious psychiatric side effects.", True),
    ("legal", "Germany imposed a ban on kava in 2002.", True),
    # refills and needing more; a device to deter misuse says it happens
    ("dependency", "By spring he was phoning three pharmacies a week for early refills.", True),
    ("dependency", "\"I kept needing more of it just to feel normal,\" she said.", True),
    ("dependency", "The capsule is coated to deter misuse by crushing.", True),
    # reassurances and enthusiasm are no dependency caveat
    ("dependency", "Khat is far less addictive than nicotine, he said.", False),
    ("dependency", "Most people who take a short course can stop without tapering.", False),
    ("dependency", "At the doses sold in shops, addiction is very unlikely.", False),
    ("dependency", "It sits in the schedule for drugs with the lowest potential for abuse.", False),
    ("dependency", "\"Honestly, I'm hooked on the calm I get from it,\" one reader told us.", False),
    ("dependency", "\"I'm hooked on being able to sleep through the night again,\" she said.", False),
    ("dependency", "\"I'm hooked on the pills and need more every week,\" she said.", True),
    ("dependency", "Participants had to taper off their other antidepressants before the trial began.", False),
    # a cue joined by "and" to another substance's ("nicotine is far more addictive and much harder to
    # give up") is about that substance too; one drug's effects wearing off faster than another's is
    # no tolerance, each dose wearing off sooner is
    ("dependency", "Not even close, say most experts, who point out that nicotine is far more addictive and much "
     "harder to give up.", False),
    ("dependency", "Cocaine is considered the more addictive of the two, though kava is cheaper and its effects "
     "wear off faster.", False),
    ("dependency", "With daily use, each dose of kava wears off sooner.", True),
    ("dependency", "Kava is addictive and hard to give up.", True),
    # "no evidence that it is habit-forming" reassures; "no evidence that it is safe" is a caveat
    ("research", "Unlike some remedies, there is no evidence that zumbani is habit-forming.", False),
    ("research", "In the trials there was no sign that people became dependent on doxepin.", False),
    ("research", "There is no evidence that zumbani is safe in pregnancy.", True),
    # never studied, a quote that says the study tells nothing, a missing control group, a failed trial
    ("research", "Khat itself has almost never been studied in people.", True),
    ("research", "\"This tells us nothing about whether taking it for years is safe,\" he said.", True),
    ("research", "The authors said the lack of a control group limited their conclusions.", True),
    ("research", "In adults with colds, the lozenges did not meaningfully shorten symptoms.", True),
    ("research", "Ginseng had no effect on fatigue scores at eight weeks.", True),
    # adding to a medicine's effect, blocking its absorption
    ("interactions", "Ginseng may add to the effects of blood thinners and antidepressants.", True),
    ("interactions", "Kava can reduce the absorption of some antibiotics.", True),
    # what a trial recorded is no side effect found
    ("side_effects", "Participants recorded symptoms, pill use and adverse events in a daily diary.", False),
    # "and do not": a second verb phrase of the subject denies; after an instruction it warns
    ("dependency", "Ginseng capsules take days to work and do not cause rebound headaches.", False),
    ("interactions", "Take kava with food and do not mix it with alcohol.", True),
    ("interactions", "Avoid kava in pregnancy and do not combine it with alcohol.", True),
    # the subject not yet studied
    ("research", "Until the pouches themselves are studied, the safest assumption is that each is a strong coffee.", True),
    ("research", "Until kava has been properly tested, doctors advise caution.", True),
    # not able to do something without it
    ("dependency", "Some people cannot breathe through their nose without them.", True),
    ("dependency", "The students who told us they couldn't study without it worry me.", True),
    ("dependency", "You cannot buy kava without a prescription, and you can't be treated without it.", False),
    # combined with a sedative or antidepressant, to a named harm
    ("interactions", "Combining kava with alcohol or sleeping pills can deepen sedation.", True),
    ("interactions", "Combined with antidepressants, ginseng can trigger serotonin syndrome.", True),
    # the UK's words for a drug's legal status, not a controlled trial of a drug
    ("legal", "In the UK, khat is a Class C drug.", True),
    ("legal", "Kava is a controlled drug in some countries.", True),
    ("legal", "A placebo-controlled drug trial of kava was stopped early.", False),
    # what a finding is instead of proof, and findings that await confirmation
    ("research", "For now, the data point to a signal worth monitoring rather than proof of a new problem.", True),
    ("research", "The claim that kava lengthens life still rests on associations rather than proof.", True),
    ("research", "Buyers are paying for a promising idea rather than a proven treatment.", True),
    ("research", "These observational findings require confirmation in randomized trials.", True),
    ("research", "Kava is an idea whose time has come, not a fad.", False),
    # addiction as the condition others recover from, or a mechanism of addiction in general
    ("dependency", "Some studios claim sessions can ease cravings in people recovering from alcohol or opioid addiction.", False),
    ("dependency", "Low serotonin has long been suspected of playing a part in addiction.", False),
    # a habit described as hard to break
    ("dependency", "Four in five were still chewing khat after six months, a reminder of how difficult the habit is to break.", True),
    # coming off it, and what users cannot do without it
    ("dependency", "\"It's a lot harder to come off than anybody tells you.\"", True),
    ("dependency", "Among weekly users, 38 per cent said they felt unable to have sex without the drug.", True),
    # evidence thinner in people, human studies few
    ("research", "But the evidence in people is far thinner.", True),
    ("research", "Human studies are fewer and smaller.", True),
    ("research", "The evidence that kava works is stronger than for valerian.", False),
    # a cycle of overuse that traps the user; not the condition treated
    ("dependency", "Taking painkillers too often can trap people in a cycle of medication-overuse headache.", True),
    ("dependency", "Kava is sometimes used to treat medication-overuse headache.", False),
    # not managing without doing the thing; a condition of doing something else is none
    ("dependency", "A minority said they could not calm down or get to sleep without opening the app.", True),
    ("dependency", "You cannot sleep without having a dark room.", False),
    # a product nobody checks is a legal point, not a limit of the evidence
    ("research", "Products on shop shelves are not tested by any regulator for strength or purity.", False),
    ("legal", "Products on shop shelves are not tested by any regulator for strength or purity.", True),
    ("research", "The herb has not been tested in people.", True),
    # a count of people who cannot stop is dependency; another substance's withdrawal treated is not
    ("dependency", "Several described cravings that returned within days of trying to stop.", True),
    ("dependency", "Women described a kind of dependence on the kava.", True),
    ("dependency", "The effect was dependent on the season.", False),
    ("dependency", "Now I need it in the morning or I feel sick and angry.", True),
    ("dependency", "\"It grabs hold of you and won't let go,\" said Ryan.", True),
    ("dependency", "Counsellors say the habit tightens its grip quickly.", True),
    ("dependency", "The government tightened its grip on kava imports.", False),
    ("dependency", "The cravings during that crash are intense, and the quickest way out of the low is to use again.", True),
    ("dependency", "Kava is used on a tapering schedule to ease the agitation of alcohol withdrawal.", False),
]


@pytest.mark.parametrize("kind,sentence,stated", NEWS_PHRASINGS)
def test_news_phrasings_of_a_kind(det, kind, sentence, stated):
    dets = det.sentence(sentence, frozenset({"kava", "khat", "painkillers", "ginseng"}))
    assert any(d.kind == kind and d.is_caveat for d in dets) is stated


def test_a_conclusion_level_caveat_said_by_she_is_added_with_the_person_named(f):
    # the draft's verdict on the evidence opens on "She"; the filter names her as the draft does
    # instead of passing over the verdict, and reports what it restored
    draft = ("Kanna is a succulent sold online as a mood aid. Dr. Maya Lindqvist, a pharmacologist at Harwick "
             "University, reviewed the kanna studies. She describes the evidence for kanna as thin, and says nobody "
             "has properly studied what daily use does. Some users say kanna calms them.")
    res = f(draft, "Some users say kanna calms them.")
    added = _added(res, "research")
    assert added and added[0]["text"] == (
        "Dr. Maya Lindqvist, a pharmacologist at Harwick University, describes the evidence for kanna as thin, "
        "and says nobody has properly studied what daily use does.")
    assert added[0]["restored"] == ["Dr. Maya Lindqvist, a pharmacologist at Harwick University,"]
    assert f(draft, res.summary).summary == res.summary  # and a second run changes nothing


def test_an_added_caveat_opening_on_it_names_the_subject_as_the_sentence_before_does(f):
    draft = ("Dr. Maya Lindqvist, a pharmacologist at Harwick University, reviewed the kanna studies. Kanna is a "
             "succulent sold online as a mood aid. It can lift mood for an hour, but its benefits have yet to be "
             "confirmed in well-designed human trials. Some users say kanna calms them.")
    res = f(draft, "Some users say kanna calms them.")
    added = _added(res, "research")
    assert added and added[0]["text"].startswith("Kanna can lift mood for an hour, but its benefits")
    assert added[0]["restored"] == ["Kanna"]
    assert f(draft, res.summary).summary == res.summary


@pytest.mark.parametrize("sentence, promise", [
    ("Kava is harmless.", True),
    ("Kava is not only harmless but also cheap.", True),
    ("Kava is completely safe, and it isn't expensive.", True),
    # safety asked about or denied in its own clause promises nothing
    ("What the study can't say is whether years of daily kava use are harmless, because no trial has followed "
     "long-term users.", False),
    ("Kava is far from harmless.", False),
    ("Nobody knows if kava is completely safe.", False),
])
def test_safety_asked_about_or_denied_is_no_promise(f, sentence, promise):
    from summarize.caveats.repair import find_overclaims

    dets = f.detector.sentence(sentence, frozenset({"kava"}))
    assert bool(find_overclaims(sentence, dets, f.policy, True)) is promise


def test_a_verdict_that_asks_whether_use_is_harmless_can_be_added(f):
    draft = ("A kava spray helped more smokers quit than patches did, a study found. "
             "What the study can't say is whether years of daily kava use are harmless, because no trial has "
             "followed long-term users closely enough to find out. Kava sprays sting the nose.")
    res = f(draft, "A kava spray helped more smokers quit than patches did, a study found.")
    assert [a["text"] for a in _added(res, "research")] == [
        "What the study can't say is whether years of daily kava use are harmless, because no trial has followed "
        "long-term users closely enough to find out."]


def test_a_named_speakers_verdict_is_added_as_its_own_clause(f):
    # the quote's first clause points back ("This is one well-run trial"); the verdict after "but it
    # does mean" is a clause of its own, stated without the quotation marks, its words unchanged
    draft = ("Kava pills are sold as a hangover cure. A trial of 300 drinkers found kava pills did nothing. "
             "“This is one well-run trial against a pile of small, mostly industry-funded studies, so it doesn’t "
             "close the book, but it "
             "does mean there’s currently no good evidence that kava prevents hangovers in people,” says Dr. "
             "Ana Ruiz, a pharmacologist at Lakemont University.")
    res = f(draft, "Kava pills are sold as a hangover cure.")
    assert [a["text"] for a in _added(res, "research")] == [
        "There’s currently no good evidence that kava prevents hangovers in people."]
    assert f(draft, res.summary).summary == res.summary


def test_a_named_speakers_quote_stays_whole_as_the_last_variant():
    from summarize.caveats.repair import compress_variants

    policy = CaveatFilter().policy
    text = "\"I think we need proper studies of kava,\" Okafor said."
    variants = compress_variants(text, [(text.index("need"), text.index("need") + 4)], policy)
    assert variants[-1] == text


def test_a_concession_that_points_back_is_left_out_of_an_added_verdict():
    from summarize.caveats.repair import compress_variants

    policy = CaveatFilter().policy
    text = ("But for all its popularity, the science behind kava is surprisingly thin, and the best studies so far "
            "don't show that it reliably helps healthy adults sleep better.")
    cue = text.index("the science")
    assert compress_variants(text, [(cue, cue + 50)], policy)[0] == (
        "The science behind kava is surprisingly thin, and the best studies so far don't show that it reliably "
        "helps healthy adults sleep better.")


def test_a_negation_after_do_support_stops_at_a_coordinated_verb_of_its_own(f):
    # "did not shorten colds and caused more nausea": the nausea is stated, not denied, so the
    # draft's own conclusion is no claim against its side-effects caveat and stays in the lead
    src = ("Zinc lozenges are sold for colds. In a trial of 300 adults, zinc lozenges caused more nausea than "
           "placebo.\n\nIn adults with colds, zinc lozenges did not shorten colds and caused more nausea than placebo.")
    summary = "In adults with colds, zinc lozenges did not shorten colds and caused more nausea than placebo."
    res = f(src, summary)
    assert not res.report.removed and summary in res.summary


@pytest.mark.parametrize("text, cue, expected", [
    # a fronted reason without the cue goes; the warning is the main clause
    ("Because the herb is cleared by the liver like many medicines, it can raise blood levels of statins.",
     "raise blood levels", "It can raise blood levels of statins."),
    # the reason ends at the comma a clause follows, not at the first comma
    ("Because of reports of sedation, confusion and falls, the tablets are sold only on prescription in Spain.",
     "only on prescription", "The tablets are sold only on prescription in Spain."),
    # a reason that holds the cue stays
    ("Because the powder can interact with blood thinners, people on warfarin should avoid it.",
     "interact with blood thinners", "Because the powder can interact with blood thinners, people on warfarin should avoid it."),
    # a reason after the warning goes too
    ("Anyone who feels numb after using the gas should see a doctor, because nerve damage is easier to treat early.",
     "see a doctor", "Anyone who feels numb after using the gas should see a doctor."),
    # a closing attribution to a group goes, as one to a person does
    ("Older users may simply have been sicker to begin with, the researchers admitted.",
     "may simply have been sicker", "Older users may simply have been sicker to begin with."),
    # "said A, and that B" with the cue in A: the frame and B go
    ("He said anyone who feels faint after a session should see a doctor, and that the clinic offers refunds.",
     "should see a doctor", "Anyone who feels faint after a session should see a doctor."),
    ("Okafor said teens can become dependent faster than adults, and that cravings start within days.",
     "become dependent", "Teens can become dependent faster than adults."),
    # a relative clause set off by commas without the cue goes, and so does a second infinitive
    ("She advised anyone thinking of trying kava to talk first to their pharmacist, who knows their other "
     "medicines, and to avoid it entirely if they drink alcohol, have liver disease or are pregnant.",
     "to talk first to their pharmacist", "She advised anyone thinking of trying kava to talk first to their pharmacist."),
    # one that runs on with a second verb ("…, and can check …") goes to the end
    ("People who want to lose weight should see their GP, who can prescribe tested medicines, and can check "
     "their blood pressure first.", "should see their GP", "People who want to lose weight should see their GP."),
    # "…, but she stressed that …": what she stressed is the sentence
    ("Dr Okoro has sent the case series to a journal, but she stressed that patients from one clinic cannot "
     "show how common the harm is.", "cannot show", "Patients from one clinic cannot show how common the harm is."),
    # a second clause with its own subject ("much of that evidence …", "parents …") goes when the cue is in the first
    ("Heavy use has been linked to liver damage, although much of that evidence is from small surveys.",
     "liver damage", "Heavy use has been linked to liver damage."),
    # the dropped clause's subject takes the place of the kept clause's "it"
    ("A posture brace may be a handy reminder, but there is little evidence that it eases back pain.",
     "little evidence", "There is little evidence that a posture brace eases back pain."),
    # a speaker's aside between a subject and its verb takes both commas, after a fronted word one
    ("The worst moment, they said, often comes when the powder is stopped.", "worst moment",
     "The worst moment often comes when the powder is stopped."),
    ("Still, the experts said, there is no good evidence it works.", "no good evidence",
     "There is no good evidence it works."),
    ("Some users develop a habit like smokers do, she said, continuing to vape despite coughing.", "develop a habit",
     "Some users develop a habit like smokers do, continuing to vape despite coughing."),
    # advice in the imperative is a clause: the one with the cue is kept, after its fronted "if" clause
    ("If you're curious, talk to your pharmacist first, and ask the shop which lab tested the oil.",
     "talk to your pharmacist", "If you're curious, talk to your pharmacist first."),
    ("Check with a doctor before trying kava, and buy it only from a shop that names the variety.",
     "Check with a doctor", "Check with a doctor before trying kava."),
    # a relative clause that holds the cue stays, as does one that may open a list
    ("Ask your pharmacist, who can check your medicines.", "Ask your pharmacist",
     "Ask your pharmacist, who can check your medicines."),
    ("People on warfarin, which thins the blood, lithium or digoxin should not drink the tea.", "should not drink",
     "People on warfarin, which thins the blood, lithium or digoxin should not drink the tea."),
    # a list of relative clauses, and a list of subjects, are not asides nor clauses
    ("Anyone who feels they cannot stop, who hides it from family, or who borrows money should talk to someone early.",
     "talk to someone", "Anyone who feels they cannot stop, who hides it from family, or who borrows money should "
     "talk to someone early."),
    # an aside before the verb of a long subject takes both commas too
    ("Anyone who has struggled to sleep for more than three months, he says, should see a doctor, because insomnia "
     "responds to treatment.", "see a doctor", "Anyone who has struggled to sleep for more than three months should see a doctor."),
    # "to ask for X to be checked …, and to talk …": which "to" the second goes with is unsure, so nothing is cut
    ("She advises women to ask for their levels to be checked before each insertion, and to talk with a doctor about "
     "other options.", "talk with a doctor", "She advises women to ask for their levels to be checked before each "
     "insertion, and to talk with a doctor about other options."),
    ("People with liver disease, and anyone taking prescription medication, should speak to a doctor before trying it.",
     "speak to a doctor", "People with liver disease, and anyone taking prescription medication, should speak to a "
     "doctor before trying it."),
])
def test_reasons_asides_frames_and_attributions_without_the_cue_are_cut(f, text, cue, expected):
    assert _variants(f, text, cue)[0] == expected


@pytest.mark.parametrize("text, cue, expected", [
    # examples closing the sentence keep their first: "such as" promises no full list
    ("The root can change how the body handles drugs such as the blood thinner warfarin, some statins and "
     "certain anti-seizure medicines.", "change how the body handles",
     "The root can change how the body handles drugs such as the blood thinner warfarin."),
    ("The gum may interact with some medicines, including lithium, digoxin or antibiotics.", "interact with",
     "The gum may interact with some medicines, including lithium."),
    # a list in the middle of the sentence, or one holding the cue, stays whole
    ("Side effects such as nausea, dizziness and headache were reported in a third of users.", "Side effects",
     "Side effects such as nausea, dizziness and headache were reported in a third of users."),
    ("Mixing the pills with drugs such as opioids, alcohol or sedatives is dangerous, including risk of overdose.",
     "risk of overdose",
     "Mixing the pills with drugs such as opioids, alcohol or sedatives is dangerous, including risk of overdose."),
])
def test_a_closing_list_of_examples_keeps_its_first_example(f, text, cue, expected):
    assert _variants(f, text, cue)[0] == expected


def test_a_clause_whose_pronoun_points_into_a_dropped_clause_is_not_kept_alone():
    from summarize.caveats.repair import _keep_cue_clause

    text = ("The clinics must have a nurse on call, but the rooms are never inspected, and the powders "
            "they mix are not approved by any regulator.")
    at = text.index("not approved")
    assert _keep_cue_clause(text, [(at, at + 12)]) == text
    # without the pronoun the clause stands alone
    text = text.replace("powders they mix", "powders")
    at = text.index("not approved")
    assert _keep_cue_clause(text, [(at, at + 12)]) == "the powders are not approved by any regulator."


def test_a_single_quote_opened_and_never_closed_is_not_a_clean_added_sentence(f):
    from summarize.caveats.repair import clean_sentence_problems

    text = "Dr Lee, who runs a clinic in Hull, said: 'We see people who've used it for years and can't come off."
    assert "unbalanced quotes" in clean_sentence_problems(text, text, f.policy)
    # apostrophes alone, or a quote closed in the sentence, are fine
    assert not clean_sentence_problems("People who've used it for years often can't come off it.", None, f.policy)
    closed = "Dr Lee said: 'Some people can't come off it.'"
    assert "unbalanced quotes" not in clean_sentence_problems(closed, closed, f.policy)


def test_a_call_for_studies_with_a_long_description_is_a_research_caveat(f):
    # (a pattern's cue, not only the learned classifier's word for the whole sentence)
    text = "The study cannot say who benefits, and studies following users for longer than two years are still needed."
    cues = [d.cue for d in f.detector.sentence(text, frozenset({"valerian"})) if d.is_caveat and d.kind == "research"]
    assert any("needed" in c for c in cues), cues


def test_the_evidence_as_the_subject_of_a_long_verdict_is_a_research_caveat(f):
    text = ("The evidence to estimate the likely effects of interventions in pre-licensure education to increase "
            "health-worker supply is generally insufficient or unavailable, particularly in poorer countries.")
    cues = [d.cue for d in f.detector.sentence(text, frozenset({"intervention"})) if d.is_caveat and d.kind == "research"]
    assert any("insufficient" in c for c in cues), cues


def test_the_added_caveat_is_the_clause_that_stands_when_the_first_leans_on_context(f):
    # the first cue's clause needs "the study" introduced; the second clause stands alone
    draft = ("Valerian is a herb sold for sleep. Many adults take valerian tea at night.\n\n"
             "Valerian tea is cheap and easy to find in shops.\n\n"
             "Still, he said, the study cannot say which sleepers benefit most, and trials following "
             "users for longer than a year are needed to understand the long-term picture.")
    res = f(draft, "Valerian is a herb sold for sleep. Many adults take it at night.")
    texts = [a["text"] for a in res.report.added if "research" in a["kinds"]]
    assert texts and not texts[0].startswith("The study"), texts
    assert "trials following users for longer than a year are needed" in texts[0].lower()


@pytest.mark.parametrize("text,kind", [
    ("Until there is proper research, treat these gummies as a drug that can hook you.", "research"),
    ("Until there is proper research, treat these gummies as a drug that can hook you.", "dependency"),
    ("Parents should keep an eye on it while the science catches up.", "research"),
    ("So far the results come from mice, not people.", "research"),
    ("We're working from a handful of small trials here.", "research"),
    ("These survey data cannot establish how common misuse is.", "research"),
    ("Ongoing surveillance of these products is still needed.", "research"),
    ("A 'natural' label is no guarantee that you won't get hooked.", "dependency"),
])
def test_news_phrasings_of_a_main_caveat(f, text, kind):
    dets = f.detector.sentence(text, frozenset({"gummies"}))
    assert any(d.kind == kind and d.is_caveat and d.strength == "main" and not d.negated for d in dets), dets


def test_a_quoted_question_is_no_caveat_sentence():
    from summarize.caveats.repair import clean_sentence_problems

    assert "question" in clean_sentence_problems("\u201cIt's only a herb, what's the harm?\u201d she said.", None, load_policy())
    assert "question" not in clean_sentence_problems("\u201cIt can be habit-forming,\u201d she said.", None, load_policy())


@pytest.mark.parametrize("text", [
    "A lot of women end up on a cycle that is very hard to step off.",
    "Forty-one per cent said they could not fall asleep without a video.",
    "If you find you cannot go an hour without one, it may be worth asking why.",
    "Patients starting valerian should be told that it cannot simply be stopped.",
    "Valerian is a comfort, and one that some people find surprisingly hard to do without.",
    "We do not know whether short courses of valerian lead to dependence.",
    "None of the included studies assessed withdrawal symptoms after valerian was stopped.",
    # another substance in a phrase before the subject is not the subject
    "For people in recovery from alcohol use disorder, the ritual of a valerian drink can trigger cravings.",
    # a class named alone may be the subject's own ("But benzodiazepines are habit-forming" on diazepam)
    "But benzodiazepines are habit-forming, and tolerance can develop after two to four weeks.",
])
def test_reliance_told_as_a_cycle_a_night_or_a_course_that_cannot_simply_stop(det, text):
    assert "dependency" in kinds_of(det, text)


@pytest.mark.parametrize("text", [
    "Nicotine is highly addictive and can harm the developing brain, which is one reason the companies market "
    "valerian pens as a healthier choice.",
    "Benzodiazepines such as diazepam are effective for anxiety but can cause dependence, which is part of the "
    "reason valerian is marketed as a natural alternative.",
    "For many viewers, the comparison that matters is with sleeping pills, which can be habit-forming.",
    "Valerian is not addictive, and nobody gets withdrawal symptoms from it.",
    "You cannot buy valerian tea without a prescription in some countries.",
    # the other side of a comparison, in a relative clause on it
    "A cup of valerian tea holds a tiny fraction of the drug in a sleeping tablet, which is far more addictive.",
])
def test_another_substances_dependence_or_a_denied_one_is_no_caveat_of_the_subject(det, text):
    assert "dependency" not in kinds_of(det, text)


def test_a_thing_set_against_the_subject_that_shares_its_name_is_another_substance(det):
    text = "Unlike the opium poppy, whose opioids are highly addictive, California poppy contains no morphine."
    dets = [d for d in det.sentence(text, frozenset({"california", "poppy"})) if d.kind == "dependency"]
    assert dets and not any(d.about_subject for d in dets)


@pytest.mark.parametrize("text", [
    "Unlike kava, Vanuatu's best-known export, which some heavy drinkers find hard to give up, tamanu oil is only "
    "rubbed on the skin.",
    '"Rum is the thing in that glass people get hooked on, not the tamanu oil," he joked.',
])
def test_a_risk_of_a_thing_set_against_the_subject_at_length_is_not_the_subjects(det, text):
    dets = [d for d in det.sentence(text, frozenset({"tamanu", "oil"})) if d.kind == "dependency" and not d.negated]
    assert dets and not any(d.about_subject for d in dets)
    # the subject's own risk, said the same way, is its own
    own = "Tamanu oil is the thing people get hooked on, doctors say."
    assert any(d.about_subject for d in det.sentence(own, frozenset({"tamanu", "oil"})) if d.kind == "dependency")


def test_another_substances_harm_set_against_the_subject_is_no_side_effect_of_it(det):
    text = ("Nicotine can harm the developing brain, which is one reason the companies market valerian pens as a "
            "healthier choice.")
    assert "side_effects" not in kinds_of(det, text)
    assert "side_effects" in kinds_of(det, "Valerian pens can harm the developing lungs, doctors say.")


@pytest.mark.parametrize("kind, mention, caveat", [
    # a joke about being hooked
    ("dependency", "Regulars often joke that valerian tea is addictive, but what they mean is that they look forward to it.",
     "Some regulars become addicted to valerian tea."),
    # harm to a pet, not to the reader
    ("side_effects", "Valerian is also toxic to dogs, so keep it out of reach of pets.",
     "Valerian can be toxic to the liver in high doses."),
    # a risk named in a concession before its denial is part of the reassurance
    ("dependency", "And despite the jokes about valerian addiction, valerian is not habit-forming, studies suggest.",
     "Despite its gentle image, valerian can be habit-forming."),
    # an argument against rules, not a legal status
    ("legal", "The traders said valerian pens could help smokers quit and should not be regulated like tobacco.",
     "Valerian pens are not regulated like tobacco."),
    # less exposure to harm is a benefit
    ("side_effects", "Smokers who switch to valerian pens may reduce their exposure to some harmful chemicals.",
     "Valerian pens may expose users to some harmful chemicals."),
    # a trial's entry rules: tapering off other medicines, under supervision, before the study
    ("dependency", "Participants were also required to taper off antidepressants beforehand.",
     "People who take valerian every night should taper off slowly."),
    ("professional", "Participants were also required to stop their antidepressants under medical supervision.",
     "Only take valerian under medical supervision."),
    # a fall in blood pressure is no harm
    ("side_effects", "Valerian was linked to lower blood pressure in the trial.", "Valerian can raise blood pressure."),
    # a symptom said to be common, with nothing it comes with, leans on the sentence before
    ("side_effects", "Constipation is common.", "Constipation is common with valerian."),
    # addictions it is studied for (read from news48 after its held-out measurement)
    ("dependency", "Valerian has been studied for insomnia and a range of addictions.", "Valerian can cause addiction."),
    # a risk said to be rare for the subject is a reassurance
    ("dependency", "Unlike nicotine, valerian rarely leads to the kind of compulsive use that takes over a life.",
     "Valerian can lead to compulsive use."),
])
def test_a_mention_that_warns_of_nothing(det, kind, mention, caveat):
    assert kind not in kinds_of(det, mention)
    assert kind in kinds_of(det, caveat)


def test_a_risk_set_against_the_next_sentences_denial_is_another_substances(f):
    draft = ("# Buspirone\n\nBuspirone is an anxiety medicine that is often overlooked by doctors and patients.\n\n"
             "Benzodiazepines calm anxiety within minutes, but they can be habit-forming and hard to stop. "
             "Buspirone is not habit-forming, studies show. Buspirone works slowly, unlike benzodiazepines, and "
             "buspirone needs weeks. Benzodiazepines are still prescribed widely for panic.\n\n"
             "More research on buspirone in older adults is needed.\n")
    summary = ["Buspirone is an anxiety medicine that is often overlooked by doctors and patients.",
               "Benzodiazepines calm anxiety within minutes, but they can be habit-forming and hard to stop."]
    res = f(draft, summary)
    assert "dependency" not in res.report.carried and "dependency" not in res.report.missing
    assert not [a for a in res.report.added if "dependency" in a["kinds"]]
    about = [m["about_subject"] for m in res.report.summary_kinds.get("dependency", [])]
    assert about and not any(about)
    # the same risk beside a sentence that denies nothing is the subject's own class's
    res = f(draft.replace("Buspirone is not habit-forming, studies show.", "Buspirone is taken daily."), summary)
    assert "dependency" in res.report.carried


def test_a_minor_research_cue_in_brackets_is_no_way_round_the_budget(f):
    draft = ("Valerian root is a herb taken for sleep.\n\n"
             "There is no good evidence that valerian improves sleep, and more research is needed.\n\n"
             "Valerian can interact with sedatives, alcohol and some antidepressants, so people taking them should be careful.\n\n"
             "Participants taking valerian were more likely to stop because of adverse events than those taking placebo "
             "(RR 2.1, 95% CI 1.1 to 3.9; 2 studies, 140 participants; low-certainty evidence).\n")
    summary = ("Valerian root is a herb taken for sleep. There is no good evidence that valerian improves sleep, "
               "and more research is needed.")
    res = f(draft, summary)
    assert "RR 2.1" not in res.summary and "95% CI" not in res.summary, res.summary
    added_words = sum(len(a["text"].split()) for a in res.report.added
                      if set(a["kinds"]) <= {"legal", "interactions", "side_effects"})
    assert added_words <= f.policy.optional_words, res.report.added


def test_advice_is_still_added_when_a_guess_of_the_learned_detector_in_its_sentence_cannot_be_kept():
    class Guess:  # the learned detector's false cue: "using" read as dependency, in the whole sentence only
        def cues(self, text, topic):
            i = text.find("using one")
            return [("dependency", i, i + 5)] if i >= 0 and "said" in text else []

    flt = CaveatFilter()
    flt.detector = Detector(flt.policy, classifier=Guess())
    draft = ("Valerian pens, which produce a flavoured mist, are turning up in school bags.\n\n"
             "Nobody knows what inhaling valerian does to young lungs, and there are no published studies.\n\n"
             "Parents who find a pen should talk with their child and their pediatrician, and anyone who has trouble "
             "breathing after using one should seek medical care, Dr Ana Ruiz said.\n")
    summary = "Valerian pens, which produce a flavoured mist, are turning up in school bags."
    res = flt(draft, summary)
    assert "pediatrician" in res.summary, res.summary


@pytest.mark.parametrize("text, caveat", [
    # tolerance: a bigger dose to feel anything, the same kick, chasing a fading effect
    ("After a week of daily use the effect fades, and they need a bigger dose to feel anything.", True),
    ("Within two months she needed two spoonfuls of valerian instead of one to get the same kick.", True),
    ('"When a drug loses its effect that quickly, people tend to chase it with higher doses," he says.', True),
    # feeling unwell or sleepless once stopped; failing to cut down
    ("Some have felt unwell, anxious or unable to sleep when they stopped.", True),
    ("When she stopped, she says she could barely sleep for a fortnight.", True),
    ("A third said they had tried to cut down in the past year and had not managed to.", True),
    # … not an instruction for a steady effect
    ("Take valerian with food to get the same effect every day.", False),
])
def test_news_phrasings_of_tolerance_and_withdrawal(det, text, caveat):
    assert ("dependency" in kinds_of(det, text)) is caveat


def test_withdrawal_from_the_condition_the_subject_treats_is_not_its_risk(f):
    from summarize.corpus.parse import parse_article

    draft = ("# Ibogaine\n\nIbogaine is a plant compound studied as a treatment for people with opioid addiction.\n\n"
             "In the study, 30 adults with opioid addiction received one dose of ibogaine at a clinic. "
             "Opioid use fell sharply, and opioid cravings eased for months. "
             "Participants also said their opioid withdrawal symptoms faded within a day of taking ibogaine. "
             "Ibogaine can cause dangerous heart rhythms, and it may itself be habit-forming.\n\n"
             "Larger trials are needed before ibogaine could be offered for opioid use disorder.\n")
    article = parse_article(draft)
    topic = frozenset({"ibogaine", "opioid"})
    dependency = {s.text: [d.about_subject for d in s.detections if d.kind == "dependency"]
                  for s in f.analyze_source(article, topic) if s.detections}
    assert dependency["Participants also said their opioid withdrawal symptoms faded within a day of taking "
                      "ibogaine."] == [False]
    assert dependency["Ibogaine can cause dangerous heart rhythms, and it may itself be habit-forming."] == [True]
    # the same withdrawal in a draft about the opioid itself is its risk
    own = draft.replace("Ibogaine is a plant compound studied as a treatment for people with opioid addiction.",
                        "Opioid painkillers are prescribed after surgery, and opioid use can become hard to stop.")
    own = own.replace("In the study, 30 adults with opioid addiction received", "In the study, 30 adults received")
    own = own.replace("for opioid use disorder", "to patients")
    dependency = {s.text: [d.about_subject for d in s.detections if d.kind == "dependency"]
                  for s in f.analyze_source(parse_article(own), topic) if s.detections}
    assert dependency["Participants also said their opioid withdrawal symptoms faded within a day of taking "
                      "ibogaine."] == [True]


def test_a_lists_lead_in_is_no_caveat_sentence(f):
    from summarize.corpus.parse import parse_article

    draft = ("# Valerian\n\nValerian is a herb sold as a sleep aid in many pharmacies.\n\n"
             "Other side effects to know about:\n\n- Headaches\n- Vivid dreams\n\n"
             "Valerian can cause stomach upset in some people.\n")
    analyzed = {s.text: s.detections for s in f.analyze_source(parse_article(draft), frozenset({"valerian"}))}
    assert analyzed["Other side effects to know about:"] == []
    assert [d.kind for d in analyzed["Valerian can cause stomach upset in some people."]] == ["side_effects"]


def test_a_pronoun_whose_antecedent_the_cut_dropped_is_not_restored_to_the_subject():
    from summarize.caveats.filter import _antecedent_cut_off

    source = ("Naloxone, the overdose-reversal drug, does not reverse its effects, although experts stress that it "
              "should still be given to anyone who may have overdosed.")
    # "it" is naloxone: restoring the draft's subject would make the sentence say the opposite
    assert _antecedent_cut_off("Experts stress that it should still be given to anyone who may have overdosed.",
                               source, ["medetomidine"])
    # a frame or a fronted phrase holds no antecedent; nor does a clause naming the subject itself
    assert not _antecedent_cut_off("It can be addictive.", "But she says it can be addictive.", ["kratom"])
    assert not _antecedent_cut_off("It can be habit-forming.", "While generally considered safe, it can be "
                                   "habit-forming.", ["kratom"])
    assert not _antecedent_cut_off("It can change how warfarin works.", "Because CBD is broken down by the same "
                                   "enzymes, it can change how warfarin works.", ["CBD"])
    # a quote's first sentence whose own subject is the same "it" leans on the same antecedent
    assert not _antecedent_cut_off("It is a nicotine product, and people who use it every day get hooked.",
                                   "People tell me it is a tradition. But it is a nicotine product, and people who "
                                   "use it every day get hooked.", ["naswar"])


def test_naloxone_for_an_overdose_is_no_side_effect(det):
    text = ("Naloxone, the overdose-reversal drug, does not reverse its effects, although experts stress that it "
            "should still be given to anyone who may have overdosed.")
    # (not even as another substance's: a cut may drop the naloxone and keep the overdose)
    assert not [d for d in det.sentence(text, frozenset({"medetomidine", "fentanyl"})) if d.kind == "side_effects"]


@pytest.mark.parametrize("text, expected", [
    ("The drug's long-term safety is unknown, Dr. Marc Lefebvre, a sleep physician, added.",
     "The drug's long-term safety is unknown, Dr. Marc Lefebvre, a sleep physician, said."),
    ('"It is habit-forming," added Dr Lee.', '"It is habit-forming," said Dr Lee.'),
    ("She added that kava can harm the liver.", "She said that kava can harm the liver."),
    # a passive "added" is no speech tag
    ("No sugar was added.", "No sugar was added."),
    ("Salt is added that way.", "Salt is added that way."),
])
def test_a_lead_sentence_out_of_its_place_says_said_for_added(text, expected):
    from summarize.caveats.repair import standing_apart

    assert standing_apart(text) == expected


@pytest.mark.parametrize("sentence, strength", [
    # the risk played down, and advice to taper with no word for dependence: minor
    ("Reports of true addiction to phentermine are uncommon, but long studies are scarce.", "minor"),
    ("Talk to your doctor about reducing the dose slowly over several weeks.", "minor"),
    ("If you have taken zopiclone most nights for weeks, don't stop suddenly.", "minor"),
    ("Anyone taking zopiclone daily for weeks should talk to a GP before stopping rather than quitting suddenly.",
     "minor"),
    # the warning itself, and advice that names it: main
    ("He is now being slowly weaned off steroid tablets under supervision.", "minor"),
    ("Zopiclone is habit-forming, and your body can get used to it within weeks.", "main"),
    # advice that names what stopping brings is the warning too
    ("Stopping mirtazapine abruptly can cause discontinuation symptoms, so doctors reduce the dose gradually.",
     "main"),
    ("Stopping suddenly can cause withdrawal symptoms, so talk to your doctor about tapering.", "main"),
])
def test_a_dependency_caveat_that_plays_down_or_only_implies_the_risk_is_minor(f, sentence, strength):
    found = [d.strength for d in f.detector.sentence(sentence, frozenset({"zopiclone", "phentermine"}))
             if d.kind == "dependency" and d.is_caveat]
    assert found and all(x == strength for x in found)


@pytest.mark.parametrize("sentence", [
    "Parents worried that their children will get hooked can be reassured: studies have not found withdrawal "
    "symptoms when children stop taking it.",
    "Most of what doctors know about nitrous oxide dependence comes from case reports.",
])
def test_a_reassurance_or_what_is_known_of_dependence_is_no_dependency_caveat(f, sentence):
    assert not [d for d in f.detector.sentence(sentence, frozenset({"melatonin", "nitrous"}))
                if d.kind == "dependency" and d.is_caveat]


def test_patients_treated_for_dependence_on_the_subject_itself_are_its_caveat(f):
    # the people a treatment is for are no caveat; people dependent on the subject are one
    topic = frozenset({"powders", "steroid"})
    said = f.detector.sentence("Doctors say they are treating a growing number of patients who have become "
                               "dependent on them without knowing it.", topic)
    assert [d.kind for d in said if d.is_caveat] == ["dependency"]
    said = f.detector.sentence("The clinic treats patients who have become dependent on codeine.", topic)
    assert not [d for d in said if d.is_caveat and d.kind == "dependency"]


def test_advice_that_also_states_a_mandated_kind_is_preferred_to_shorter_advice(f):
    draft = ("Herbal joint powders sold in markets contain steroids, and doctors are treating patients who have "
             "become dependent on them.\n\n"
             "Licensed medicines are made under separate rules, and buyers should tell their doctor what they take.\n\n"
             "Anyone who has taken such a powder for weeks should not stop it suddenly, but should see a doctor who "
             "can taper them off.")
    res = f(draft, "Herbal joint powders sold in markets contain steroids, and doctors are treating patients who "
                   "have become dependent on them.")
    assert [a["text"] for a in res.report.added if "professional" in a["kinds"]] == [
        "Anyone who has taken such a powder for weeks should not stop it suddenly, but should see a doctor who "
        "can taper them off."]


def test_an_added_caveat_that_says_a_lead_sentence_again_is_a_repeat():
    from summarize.caveats.filter import _repeats

    assert _repeats("There is little research on children, and the patch is not approved for them in the US.",
                    ["There is little research on children."], whole=True)
    assert not _repeats("The patch is not approved for children in the US.", ["There is little research on children."])



def test_a_name_restored_in_an_added_sentence_keeps_what_it_was_added_for(f):
    # the added sentence, with its speaker's name restored, still carries the research caveat, so a
    # second run adds nothing
    draft = ("Kava is a root drink sold in bars and online. Dr Ana Ruiz, a GP in Leeds, sees more patients who "
             "drink it daily. Kava sold online is legal, but Dr Ruiz said it has barely been studied. "
             "Heavy use can harm the liver.")
    res = f(draft, "Kava is a root drink sold in bars and online.")
    again = f(draft, res.summary)
    assert again.summary == res.summary
    assert any("research" in a["kinds"] for a in res.report.added)


def test_a_condition_the_title_says_the_subject_is_for_is_no_risk_of_it(f):
    from summarize.caveats.detect import title_conditions

    assert title_conditions("Nalmefene for reducing alcohol consumption in adults with alcohol dependence") == {"alcohol"}
    assert title_conditions("Young tonic wine drinkers more likely to show signs of alcohol dependence") == frozenset()
    draft = ("Nalmefene for reducing alcohol consumption in adults with alcohol dependence\n\n"
             "Background: Alcohol dependence is common and most affected people never receive treatment. Nalmefene "
             "is taken on days when a person expects to drink.\n\n"
             "Authors' conclusions: Nalmefene probably reduces heavy drinking days a little. The evidence is of low "
             "certainty because most trials were small.\n")
    result = f(draft, "Alcohol dependence is common and most affected people never receive treatment.")
    assert not any(m["about_subject"] for m in result.report.summary_kinds.get("dependency", []))
