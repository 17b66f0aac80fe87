"""Generation plumbing with a tiny random model, the faithfulness gate and normalisation."""
import pytest

from conftest import MARKDOWN_DRAFT, PLAIN_DRAFT, house_draft
from summarize.corpus.parse import parse_draft
from summarize.corpus.tasks import INFERENCE_PREFIXES
from summarize.models.loading import ModelLoadError, Seq2SeqModel
from summarize import extract, faithfulness
from summarize.normalize import SourceCasing, close_sentence, dedupe, normalise_generated
from summarize.pipeline import Summarizer
from summarize.strategies import LeadSentence, trim


@pytest.fixture(scope="module")
def summarizer(tiny_model_dir):
    return Summarizer(str(tiny_model_dir), beams=2)


def test_loads_encoder_decoder_checkpoint_with_task_prefixes(tiny_model_dir):
    m = Seq2SeqModel(tiny_model_dir)
    assert type(m.model).__name__ == "EncoderDecoderModel"
    assert m.prefixes["rewrite"] == "rewrite: " and m.uncased
    out = m.generate(["chamomile tea", "magnesium"], task="rewrite", constrain_to_source=True)
    assert len(out) == 2 and all(isinstance(o, str) for o in out)


def test_any_seq2seq_checkpoint_works_a_cased_bart(tiny_bart_dir):
    s = Summarizer(str(tiny_bart_dir), beams=2)
    assert type(s.model.model).__name__ == "BartForConditionalGeneration" and not s.model.uncased
    assert set(s.model.prefixes) == set(INFERENCE_PREFIXES) and not any(s.model.prefixes.values())
    for strategy in ("rewrite", "direct"):
        s.strategy = strategy
        result = s(PLAIN_DRAFT)
        assert result.lead and result.outline and all(e.generated for e in result.outline)
        assert result.house().endswith(PLAIN_DRAFT[result.article.outline_at:])


def test_refuses_non_safetensors_and_missing(tmp_path):
    (tmp_path / "config.json").write_text("{}")
    (tmp_path / "pytorch_model.bin").write_bytes(b"not really")
    with pytest.raises(ModelLoadError, match="safetensors"):
        Seq2SeqModel(tmp_path)
    with pytest.raises(ModelLoadError):
        Seq2SeqModel(tmp_path / "nowhere")


def test_constrained_decoding_only_uses_source_tokens(tiny_model_dir):
    from summarize.models.constrain import _function_ids

    m = Seq2SeqModel(tiny_model_dir)
    src = "magnesium glycinate"
    out = m.generate([src], task="rewrite", constrain_to_source=True)[0]
    allowed = set(m.tokenizer(m.prefixes["rewrite"] + src)["input_ids"]) | _function_ids(m.tokenizer)
    assert set(m.tokenizer(out, add_special_tokens=False)["input_ids"]) <= allowed


def test_greedy_constrained_decoding_computes_only_the_allowed_logits(tiny_model_dir, monkeypatch):
    from contextlib import nullcontext

    from summarize.models import constrain
    from summarize.models.loading import GenerationSettings

    m = Seq2SeqModel(tiny_model_dir)
    head = m.model.get_output_embeddings()
    full_head_calls = []
    head.register_forward_hook(lambda *args: full_head_calls.append(1))
    sources = ["magnesium glycinate may help sleep", "chamomile tea", "kratom is a plant"]
    fast = m.generate(sources, task="rewrite", constrain_to_source=True)
    assert not full_head_calls and m.model.get_output_embeddings() is head  # restored after the call
    # Beam search ranks by log-softmax over the whole vocabulary: it keeps the whole layer.
    m.generate(sources, task="rewrite", constrain_to_source=True, settings=GenerationSettings(num_beams=2))
    assert full_head_calls
    monkeypatch.setattr(constrain, "output_layer_restricted", lambda *args: nullcontext())
    assert m.generate(sources, task="rewrite", constrain_to_source=True) == fast


@pytest.mark.parametrize("strategy", ["rewrite", "direct"])
@pytest.mark.parametrize("draft", [house_draft(), PLAIN_DRAFT, MARKDOWN_DRAFT])
def test_every_strategy_gives_a_lead_with_provenance(summarizer, strategy, draft):
    summarizer.strategy = strategy
    result = summarizer(draft)
    assert result.lead and result.lead_sentences
    assert {s.source for s in result.lead_sentences} <= {"model", "extract", "caveat"}
    for s in result.lead_sentences:
        if s.source in ("model", "extract") and s.start is not None:
            # Offsets point at the source sentence (hard-wrapped lines read as one line of prose).
            assert " ".join(draft[s.start : s.end].split()) == s.source_text
    assert len(result.lead.split()) <= 220  # caveats may run past max_words, not past the house maximum
    # The body is untouched and the lead is on line 1.
    house = result.house()
    assert house.split("\n")[0] == result.lead
    assert house.endswith(draft[result.article.outline_at:])
    d = result.to_dict()
    assert {"lead", "lead_sentences", "outline", "caveats", "model", "seconds"} <= set(d)


def test_terminal_escapes_never_reach_the_lead_or_outline(summarizer):
    draft = ("\x1b]0;pwned\x07Kratom is a plant sold as a supplement in shops, \x1b[1;31mmostly online\x1b[0m.\n\n"
             "Research on kratom is limited. Regular users can become \x1b[1mdependent\x1b[0m on it.\n")
    summarizer.strategy = "rewrite"
    result = summarizer(draft)
    shown = result.lead + "".join(e.heading for e in result.article.outline)
    assert not any(ord(c) < 32 or c == "\x7f" for c in shown)
    assert "pwned" not in result.lead
    assert result.house().endswith(draft[result.article.outline_at:])


def test_outline_is_the_drafts_headings(summarizer):
    result = summarizer(house_draft())
    assert [(e.heading, e.level, e.generated) for e in result.outline] == [
        ("What Chamomile Is and Why People Drink It", 1, False),
        ("How It May Affect Sleep", 1, False),
        ("Evidence from small trials.", 2, False),
    ]


def test_headless_draft_gets_generated_headings(summarizer):
    result = summarizer(PLAIN_DRAFT)
    assert result.outline and all(e.generated for e in result.outline)
    assert all(1 <= len(e.heading.split()) <= 12 for e in result.outline)


@pytest.mark.parametrize("generated,support,ok", [
    ("Two trials with 80 adults found modest benefits.", "Two small trials with 80 adults found modest benefits.", True),
    ("Two trials with 90 adults found modest benefits.", "Two small trials with 80 adults found modest benefits.", False),
    ("Kratom is not a replacement for sleep medication.", "Kratom is a replacement for sleep medication.", False),
    ("Kratom is a replacement for sleep medication.", "Kratom is not a replacement for sleep medication.", False),
    ("Trials in Denmark found modest benefits for adults.", "Trials found modest benefits for adults.", False),
    ("Valerian reduces zolpidem dependence in adults.", "Valerian reduces anxiety in adults.", False),
    # garbled output: stutters, broken hyphenation, word order the source never has
    ("It is important to important to rest.", "It is important to rest well.", False),
    ("Sleep improves overall well- being for adults.", "Sleep improves overall well-being for adults.", False),
    ("It a natural origins make a appealing alternative for those may be potential effects.",
     "Its natural origins make it an appealing alternative for those seeking remedies with potential effects.", False),
    ("Its natural origins make it an appealing alternative for those seeking remedies.",
     "Its natural origins make it an appealing alternative for those seeking remedies with potential effects.", True),
    # a sentence that stops on a copula, article or preposition is garbled
    ("Family history and other factors increase the risk of breast is.",
     "Family history and other factors increase the risk of breast cancer.", False),
    # a fusion repeats a word pair its two source sentences each have: not a stutter
    ("Tumours may be malignant or benign, and they may be found anywhere in the gut.",
     "Tumours may be malignant or benign. They may be found anywhere in the gut.", True),
])
def test_faithfulness_gate(generated, support, ok):
    assert faithfulness.check(generated, support).ok is ok


def test_keyword_heading_is_a_real_phrase_of_the_section():
    from summarize.corpus.article import Paragraph, Section
    from summarize.outline import _clean_heading, keyword_heading

    sec = Section(None, paragraphs=[Paragraph("Safe usage practices matter. Follow safe usage practices daily, "
                                              "and keep a sleep diary to track sleep quality.", 0, 10)])
    other = "Kratom is a plant. The plant grows in Asia and its leaves are dried."
    heading = keyword_heading(sec, [other])
    assert heading.startswith("Safe Usage Practices")
    # Model headings must be phrases of the section: fragments, stutters and odd starts are refused.
    assert _clean_heading("safe usage practices", sec) == "Safe Usage Practices"
    for bad in ("how of safe usage", "safe safe usage", "sleep diary of k", "usage of growing leaves"):
        assert _clean_heading(bad, sec) is None


def test_rejected_sentence_falls_back_to_extract():
    from summarize.strategies import _gated

    ex = extract.Extract("Two trials with 80 adults found benefits.", "intro", 0, 41)
    casing = SourceCasing(ex.text)
    bad = _gated(normalise_generated("two trials with 95 adults found benefits", casing), ex, ex.text)
    assert bad.source == "extract" and bad.text == ex.text and bad.rejected and bad.reasons
    good = _gated(normalise_generated("two trials with 80 adults found benefits", casing), ex, ex.text)
    assert good.source == "model" and good.text == "Two trials with 80 adults found benefits."


def test_normalisation_restores_source_casing_and_pieces():
    casing = SourceCasing("Kratom’s alkaloid 7-hydroxymitragynine is studied in Thailand. Doses of 2.5 g are used.")
    out = normalise_generated("kratom ’ s 7 - hydroxymitragynine is studied in thailand at 2. 5 g", casing)
    assert out == "Kratom’s 7-hydroxymitragynine is studied in Thailand at 2.5 g."


def test_an_opening_quote_stays_on_its_word_and_a_possessive_on_its_own():
    support = "Zolpidem is a so-called 'Z-drug' that eases patients' sleep."
    out = normalise_generated("zolpidem is a so-called ' z-drug ' that eases patients ' sleep", SourceCasing(support),
                              support=support)
    assert out == "Zolpidem is a so-called 'Z-drug' that eases patients' sleep."


def test_a_word_after_an_abbreviation_keeps_its_own_casing():
    # "U.S." ends no sentence: "poison" keeps its lower case although "Poison" is in a name later on
    support = "Calls to U.S. poison centers doubled, according to the National Poison Data Exchange."
    out = normalise_generated("calls to u.s. poison centers doubled", SourceCasing(support), support=support)
    assert out == "Calls to U.S. poison centers doubled."


def test_articles_are_fixed():
    from summarize.normalize import fix_articles

    assert fix_articles("a appealing option and an sedative strain, a unique herb, an hour") == \
        "an appealing option and a sedative strain, a unique herb, an hour"


def test_dedupe_and_trim_keep_first_and_caveats():
    assert dedupe(["Sleep is good.", "Sleep is good.", "Magnesium helps some people."]) == [0, 2]
    sents = [LeadSentence("one two three four five", "model"), LeadSentence("a b c d e f g h", "extract"),
             LeadSentence("research is limited so far", "caveat"), LeadSentence("x y z", "model")]
    out = trim(sents, 15)
    assert out[0].text == "one two three four five" and any(s.source == "caveat" for s in out)
    assert sum(len(s.text.split()) for s in out) <= 15
    # Protected content sentences stay even when that leaves the lead over budget.
    out = trim(sents, 10, protect=2)
    assert [s.text for s in out][:2] == ["one two three four five", "a b c d e f g h"]
    assert any(s.source == "caveat" for s in out) and "x y z" not in [s.text for s in out]


def test_extraction_covers_intro_sections_and_closing():
    picks = extract.select(parse_draft(house_draft()), max_words=80)
    parts = {p.part for p in picks}
    assert "intro" in parts and "closing" in parts and any(p.startswith("section") for p in parts)
    assert sum(len(p.text.split()) for p in picks) <= 80


@pytest.mark.parametrize("generated,support,reason", [
    # dropped the phrase that carried the point
    ("Patients who took the drug had fewer seizures.",
     "Patients who took the drug in the past six hours had fewer seizures.", "scope phrase"),
    ("Half of adults sleep seven hours.", "More than half of adults sleep seven hours.", "scope phrase"),
    ("Melatonin helps older adults.", "Melatonin helps only older adults.", "scope phrase"),
    # replaced the noun phrase with a pronoun
    ("It reduces pain in adults with back pain.", "Exercise therapy reduces pain in adults with back pain.", "subject"),
    # dropped the main verb
    ("Exercise therapy and pain in adults with back pain.", "Exercise therapy reduces pain in adults with back pain.",
     "main verb"),
    # changed a source word's casing
    ("The National cancer Institute funded the trial.", "The National Cancer Institute funded the trial.", "casing"),
    # a change word moved onto another outcome
    ("Heroin gave a possible reduction in retention in treatment.",
     "Heroin gave a possible reduction in mortality; and an increase in retention in treatment.", "change"),
    # dropped an auxiliary
    ("Medications used not been consistently effective for the disorder.",
     "Medications used have not been consistently effective for the disorder.", "auxiliary"),
    # kept a name's words but made a new name of them
    ("Researchers from the University of Ireland in Ireland pooled data on walking.",
     "Researchers from the University of Limerick in Ireland pooled data on walking.", "name"),
    # cut a clause's verb out and joined its neighbours
    ("A 2017 analysis found that most gummies sold online more melatonin than their labels said.",
     "A 2017 analysis found that most gummies sold online contained more melatonin than their labels said.",
     "dropped verb"),
    ("Those who drank two cans were 41 likely to have an irregular heartbeat.",
     "Those who drank two cans were 41% more likely to have an irregular heartbeat.", "dropped comparator"),
    ("Those who drank two cans were 41 likely to have an irregular heartbeat.",
     "Those who drank two cans were 41 per cent more likely to have an irregular heartbeat.", "dropped comparator"),
    ("Britain will offer the vaccine to adults aged 80 and over September.",
     "Britain will offer the vaccine to adults aged 80 and over from September.", "dropped preposition"),
    ("Of 214 participants randomized age, 72.8 years; 61% women), 188 completed the assessment.",
     "Of 214 participants randomized (mean age, 72.8 years; 61% women), 188 completed the assessment.",
     "unbalanced brackets"),
    ("Intermittent fasting, including alternate-day fasting (IF) and the 5:2 diet, has become popular.",
     "Intermittent fasting (IF) regimens, including alternate-day fasting and the 5:2 diet, have become popular.",
     "moved '(IF)'"),
    # cut an infinitive out; gave a number another unit
    ("Regulators weigh whether it to the list of controlled substances.",
     "Regulators weigh whether to add it to the list of controlled substances.", "dropped verb 'add'"),
    ("Only berberine was associated with differences of 2%, and none reached 2.5 kg.",
     "Only berberine was associated with differences exceeding 2 kg, and none reached 2.5 kg.", "quantity '2 %'"),
    ("Supplements marketed by weight loss are used by many adults.",
     "Supplements marketed for weight loss are used by many adults.", "preposition 'for' changed to 'by'"),
    # a word put in another form in its place
    ("People who took semaglutide drinking less than those on a placebo had fewer heavy days.",
     "People who took semaglutide drank less than those on a placebo had fewer heavy days.",
     "'drank' changed to 'drinking'"),
    ("The 26 trials, 19 were funded by collagen manufacturers.",
     "Of the 26 trials, 19 were funded by collagen manufacturers.", "dropped preposition 'of'"),
    # a qualifier cut after a negation; a subject and its auxiliary cut before the verb
    ("We found no evidence that omega-3 supplements prevent cognitive decline.",
     "We found no convincing evidence that omega-3 supplements prevent cognitive decline.", "dropped qualifier"),
    ("Interest has grown as more legalised medical cannabis.",
     "Interest has grown as more jurisdictions have legalised medical cannabis.", "dropped subject of 'legalised'"),
    # a number cut out; a verb cut where the joined words also stand together elsewhere
    ("About one involved a concentrated product.", "About one in five involved a concentrated product.",
     "dropped number 'five'"),
    ("Anyone who wants to speak to a doctor should call.", "Anyone who wants to stop to speak to a doctor should call.",
     "dropped verb 'stop'"),
    # part of a statistic's parenthesis left in the sentence without it
    ("Methylphenidate may reduce symptom severity compared with placebo, 19 RCTs, an effect of about 5 points.",
     "Methylphenidate may reduce symptom severity compared with placebo (SMD -0.45, 95% CI -0.58 to -0.32; 19 RCTs, "
     "2906 participants), an effect of about 5 points.", "out of its parenthesis"),
    # a source word written twice over another ("rats, mice" -> "mice, mice")
    ("In studies of mice, mice and monkeys, the drugs cut drinking.",
     "In studies of rats, mice and monkeys, the drugs cut drinking.", "repeated word 'mice'"),
    # the start of a clause cut out up to its verb
    ("The analysis will add to pressure on ministers are controlled.",
     "The analysis will add to pressure on ministers to review how the medicines are controlled.",
     "dropped subject of 'are'"),
    # the main verb cut out after two relative clauses, whose own verbs stay
    ("Adults who are anxious about sleep, or parents who are Sleepline at 0800 123 456, which is free.",
     "Adults who are anxious about sleep, or parents who are anxious about a child, can ask a nurse or call the "
     "Sleepline at 0800 123 456, which is free.", "dropped main verb 'ask'"),
    # a clause's subject pronoun and verb cut out
    ("Heavy users may find a larger dose to sleep at all.", "Heavy users may find they need a larger dose to sleep at all.",
     "dropped verb 'need'"),
    # a relative clause's head cut out with its pronoun
    ("Nobody knows what years of valerian do to start young.",
     "Nobody knows what years of valerian do to children who start young.", "subject of 'start'"),
    # the end of a clause cut off after its auxiliary
    ("Regulators found 212 cases of heart problems in people who had.",
     "Regulators found 212 cases of heart problems in people who had taken the drug at many times the dose.",
     "ends mid-phrase on 'had'"),
    # a content word swapped for a function word in the same place
    ("Symptoms followed 20% of people after whether placebo, the review found.",
     "Symptoms followed 20% of people after stopping placebo, the review found.", "replaced 'stopping' with 'whether'"),
    # a relative clause's verb cut out, the clause it governed left behind
    ("Wounds are common, according to a survey released the wounds keep people away from clinics.",
     "Wounds are common, according to a survey released Monday that found the wounds keep people away from clinics.",
     "dropped verb 'found'"),
    # a form of "be" before a verb's bare form
    ("The council said that sweetener are help people cut sugar.",
     "The council said that sweeteners help people cut sugar.", "'are help' is not English"),
    # a verb's object cut out before its infinitive
    ("It cannot show whether the drinks lead to drink less wine.",
     "It cannot show whether the drinks lead women to drink less wine.", "dropped object of 'lead'"),
    # an abbreviation cut at its first stop
    ("Some adults eat only between noon and 8 p.", "Some adults eat only between noon and 8 p.m.", "abbreviation cut"),
    # a word written as another place in the source writes it
    ("For more about Pain management, ask the Northgate Pain Management Team.",
     "For more about pain management, ask the Northgate Pain Management Team.", "casing of 'Pain' changed"),
])
def test_gate_keeps_subject_verb_scope_and_casing(generated, support, reason):
    verdict = faithfulness.check(generated, support)
    assert not verdict.ok and any(reason in r for r in verdict.reasons)


def test_gate_passes_a_parenthesis_kept_as_a_parenthesis():
    verdict = faithfulness.check(
        "CBD may make little or no difference to response (risk ratio 1.38, 95% CI 0.92 to 2.07; 4 RCTs).",
        "CBD may make little or no difference to response (risk ratio (RR) 1.38, 95% CI 0.92 to 2.07; 4 RCTs).")
    assert not any("parenthesis" in r for r in verdict.reasons), verdict.reasons


def test_gate_passes_an_embedded_question_ending_on_its_verb():
    support = ("Dr Farah said there was little local research on how widespread the problem was, and that the "
               "centre's figures probably captured a small fraction of users.")
    verdict = faithfulness.check("There was little local research on how widespread the problem was.", support)
    assert not any("mid-phrase" in r for r in verdict.reasons), verdict.reasons
    # a clause cut after its copula still does
    verdict = faithfulness.check("Research on the problem was.", support)
    assert any("mid-phrase" in r for r in verdict.reasons)


def test_gate_passes_a_unit_written_another_way():
    verdict = faithfulness.check("Participants lost 2 kg over 16 weeks on valerian.",
                                 "Participants lost 2 kilograms over 16 weeks on valerian.")
    assert verdict.ok, verdict.reasons


def test_gate_refuses_a_pronoun_the_lead_cannot_resolve():
    support = "The tea contains apigenin, which binds to receptors in the brain."
    verdict = faithfulness.check("It contains apigenin, which binds to receptors in the brain.", support,
                                 previous=[])
    assert not verdict.ok and any("pronoun" in r for r in verdict.reasons)
    # A repair (decontextualize) may bring the subject back from its context.
    fixed = faithfulness.check("Chamomile tea contains apigenin, which binds to receptors in the brain.",
                               "It contains apigenin, which binds to receptors in the brain.", previous=[],
                               context="Chamomile tea is a mild herbal drink.")
    assert fixed.ok, fixed.reasons


def test_articles_follow_only_the_next_word():
    from summarize.normalize import fix_articles

    assert fix_articles("influenza A and B") == "influenza A and B"
    assert fix_articles("an one-to-two hour walk, a hour later, a FDA warning") == \
        "a one-to-two hour walk, an hour later, an FDA warning"
    assert fix_articles("A apple a day") == "An apple a day"


def test_normaliser_keeps_bracketed_capital_and_per_sentence_casing():
    support = "[T]he company said the National Cancer Institute reviewed it."
    casing = SourceCasing("the cancer rates rose. " + support)
    out = normalise_generated("[ t ] he company said the national cancer institute reviewed it", casing, support=support)
    assert out == "[T]he company said the National Cancer Institute reviewed it."


def test_sentence_tasks_are_used_when_the_checkpoint_has_them(tiny_model_dir, tmp_path):
    import json
    import shutil

    from summarize.strategies import _jobs, model_tasks
    from summarize import plan

    plain = Seq2SeqModel(tiny_model_dir)
    assert model_tasks(plain) == set()
    shutil.copytree(tiny_model_dir, tmp_path / "m")
    cfg = json.loads((tmp_path / "m" / "config.json").read_text())
    cfg["task_specific_params"].update(fuse={"prefix": "fuse: "}, decontextualize={"prefix": "decontextualize: "})
    (tmp_path / "m" / "config.json").write_text(json.dumps(cfg))
    m = Seq2SeqModel(tmp_path / "m")
    assert model_tasks(m) == {"fuse", "decontextualize"}
    ex = lambda t, s: extract.Extract(t, "intro", s, s + len(t))  # noqa: E731
    picks = [plan.Pick(ex("Magnesium is a mineral many adults take.", 0), "opening"),
             plan.Pick(ex("Magnesium glycinate is gentle on the stomach.", 50), "point"),
             plan.Pick(ex("Magnesium citrate can act as a laxative.", 100), "point"),
             plan.Pick(ex("It can cause diarrhea in high doses.", 150), "point",
                       context="Zinc is a mineral.", needs_context="opens with 'it'")]
    tasks = [j.task for j in _jobs(picks, model_tasks(m))]
    assert tasks == ["rewrite", "fuse", "decontextualize"]
    assert [j.task for j in _jobs(picks, set())] == ["rewrite"] * 4
    result = Summarizer(m, beams=1)(PLAIN_DRAFT)
    assert all(s.to_dict().get("task") in ("rewrite", "fuse", "decontextualize", "compress")
               for s in result.lead_sentences if s.source != "caveat")


def test_a_missing_local_model_folder_is_named_as_such(tmp_path):
    from summarize.models.loading import ModelLoadError, Seq2SeqModel

    with pytest.raises(ModelLoadError, match="no such checkpoint folder"):
        Seq2SeqModel(str(tmp_path / "no" / "such" / "model"))


def test_common_word_the_source_only_capitalises_at_a_sentence_start_is_lower_case_inside_one():
    casing = SourceCasing("Two trials compared stockings. Two of the ten trials reported comfort. Kratom is a plant.")
    out = normalise_generated("two trials compared stockings, and two of the ten trials reported comfort.", casing)
    assert out.startswith("Two trials") and ", and two of the ten" in out
    # a rare word only seen at a sentence start keeps its capital (it may be a name)
    assert "Kratom" in normalise_generated("people call it kratom.", casing)


def test_bracketed_statistics_stay_in_the_draft_but_scopes_and_doses_stay_in_the_lead():
    from summarize.normalize import drop_statistics

    assert drop_statistics("Zinc shortened colds (RR 0.62, 95% CI 0.44 to 0.88; 6 trials) in adults.") == \
        "Zinc shortened colds in adults."
    assert drop_statistics("Five studies (259 participants) measured mortality.") == "Five studies measured mortality."
    assert drop_statistics("Scores fell [WMD -46.5, 95% CI -80.4 to -12.6] in infants.") == "Scores fell in infants."
    # a statistic that opens with its label
    assert drop_statistics("Scores fell more with training (between-group difference, -1.6; 95% CI, -2.4 to "
                           "-0.8; P < .001).") == "Scores fell more with training."
    assert drop_statistics("Of 214 adults randomized (mean age, 72.8 years; 61% women), 188 finished.") == \
        "Of 214 adults randomized, 188 finished."
    assert drop_statistics("Exercise reduced pain in adults (odds ratio 0.5, 95% CI 0.3 to 0.8).") == \
        "Exercise reduced pain in adults."
    for kept in ("Melatonin helps sleep (in 3 of 5 trials).", "Vitamin D (400 IU a day) is advised for infants.",
                 "Body mass index (BMI) did not change.", "(RR 0.5, 95% CI 0.2 to 0.9)."):
        assert drop_statistics(kept) == kept


def test_trimming_drops_the_least_salient_point_first():
    from summarize.strategies import LeadSentence, trim

    lead = [LeadSentence("Ashwagandha is an evergreen shrub used in Ayurvedic medicine.", "model", role="opening", rank=0),
            LeadSentence("Its roots contain withanolides.", "model", role="point", rank=3),
            LeadSentence("Small trials found people slept a little better and felt less stressed.", "model",
                         role="point", rank=2),
            LeadSentence("Ashwagandha may offer modest help with stress and sleep for some people.", "model",
                         role="point", rank=1),
            LeadSentence("More research is needed before firm conclusions can be drawn.", "caveat")]
    kept = trim(lead, max_words=40, protect=2)
    texts = [s.text for s in kept]
    assert "Its roots contain withanolides." not in texts  # the last pick, though the shortest
    assert lead[3].text in texts and lead[0].text in texts and lead[4].text in texts


def test_trimming_keeps_the_one_point_that_carries_a_mandated_caveat():
    from summarize.caveats import CaveatFilter
    from summarize.pipeline import _sole_carriers, fit

    draft = parse_draft("Valerian is a herb sold as a sleep aid. Its root smells strongly. Shops stock it widely. "
                        "Most studies of valerian were small and short. People take it at night.")
    lead = [LeadSentence("Valerian is a herb sold as a sleep aid.", "model", role="opening", rank=0),
            LeadSentence("Its root smells strongly.", "model", role="point", rank=1),
            LeadSentence("Shops stock it widely.", "model", role="point", rank=2),
            LeadSentence("Most studies of valerian were small and short.", "model", role="point", rank=3)]
    keep = _sole_carriers(CaveatFilter(), draft, lead)
    assert keep == {id(lead[3])}  # the research caveat, said by no other lead sentence
    texts = [s.text for s in fit(lead, max_words=20, keep=keep)]
    assert "Most studies of valerian were small and short." in texts
    assert "Most studies of valerian were small and short." not in [s.text for s in fit(lead, max_words=20)]


def test_caveats_that_push_a_lead_past_its_maximum_cost_it_a_point_not_a_caveat():
    from summarize.pipeline import MAX_LEAD_WORDS, fit
    from summarize.strategies import LeadSentence

    point = "Valerian shoppers in the survey said they bought it mostly online, often from sellers abroad, and in bulk."
    caveat = ("Valerian can cause drowsiness, headaches and stomach upset, and people who take it nightly for months "
              "may find it hard to stop without a few bad nights of sleep.")
    lead = [LeadSentence("Valerian is a flowering plant whose root is sold as a sleep aid.", "model", role="opening",
                         rank=0),
            LeadSentence(point, "model", role="point", rank=1),
            LeadSentence(point.replace("online", "in shops"), "model", role="point", rank=2)]
    lead += [LeadSentence(caveat.replace("nightly", f"nightly ({i})"), "caveat") for i in range(6)]
    assert sum(len(s.text.split()) for s in lead) > MAX_LEAD_WORDS
    # over the maximum: the points go, the opening and every caveat stay
    assert fit(lead, max_words=130) == lead[:1] + lead[3:]
    # under it, the three main content sentences are kept however many words the caveats take
    short = lead[:4]
    assert fit(short, max_words=40) == short


def test_gate_reasons_do_not_depend_on_the_process_hash_seed():
    # the reasons are listed in the sentence's word order, never a set's (PYTHONHASHSEED)
    import os
    import subprocess
    import sys

    code = ("from summarize import faithfulness; print(faithfulness.check("
            "'Zorbex and quillifen and mentavor cure colds.', 'Vitamin C may ease colds.').reasons)")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(4)}
    assert len(outs) == 1, outs


def test_a_draft_sentence_without_a_full_stop_gets_one_in_the_lead(summarizer):
    # A dek or a pasted line can end without a stop; taken as it stands, the next lead
    # sentence would run on from it ("… didn't match labels CBC News bought …").
    draft = ("Kids' melatonin gummies taste like candy. Doctors say treat them like medicine\n"
             "Poison centres report a sharp rise in calls about children and melatonin, while a lab test "
             "found doses that didn't match labels\n"
             "Jane Roe · Staff writer\n"
             "Posted: Jan 27, 2025 4:00 AM EST\n"
             "Melatonin gummies are sold in fruit flavours that make them appealing to young children. "
             "Calls to poison centres about melatonin rose fourfold in five years, a national survey found.\n"
             "Most of the children who swallowed too many gummies had only mild symptoms, doctors said.\n"
             "Doctors say parents should store the gummies out of reach and ask a pharmacist about the dose. "
             "The research on long-term use in children is limited.\n")
    summarizer.strategy = "rewrite"
    result = summarizer(draft)
    for s in result.lead_sentences:
        assert s.text.rstrip("”\"’')")[-1] in ".!?", s.text


@pytest.mark.parametrize("text, closed", [
    ("found doses that didn't match labels", "found doses that didn't match labels."),
    ("Rates rose by 12%", "Rates rose by 12%."),
    ("It works.", "It works."),
    ('He said, "It works."', 'He said, "It works."'),
    ("Is it safe?", "Is it safe?"),
])
def test_close_sentence(text, closed):
    assert close_sentence(text) == closed


def test_a_word_the_source_sentence_writes_two_ways_takes_the_form_beside_the_same_neighbour():
    support = ("A study in the journal Medication Access Research found that adults went without their "
               "medication at least once.")
    casing = SourceCasing([support, "People skipped medication. The medication ran out."])
    out = normalise_generated("adults went without their medication, the journal medication access research found.",
                              casing, support)
    assert out == "Adults went without their medication, the journal Medication Access Research found."


def test_the_lead_never_picks_a_sentence_the_caveat_filter_would_cut(summarizer):
    draft = ("The label on one popular brand promises \"a gentle, non-habit-forming way to help little ones "
             "drift off with melatonin.\"\n\n"
             "Melatonin gummies for children have become a bedtime habit in many homes, pediatricians say.\n\n"
             "Melatonin is a hormone, and gummies are sold as supplements without checks on their dose.\n")
    res = summarizer.summarize(draft)
    assert "drift off" not in res.lead
    assert res.caveats["removed"] == []  # left out by the plan, not cut by the filter afterwards


def test_the_lead_spells_out_an_abbreviation_the_draft_defines(summarizer):
    draft = ("Older adults who stop sleeping pills slowly do better, a review of twelve trials found.\n\n"
             "Doctors call the slow approach gradual dose reduction (GDR), and it is cheap to offer.\n\n"
             "GDR with sleep therapy helped older adults stop sleeping pills more often than GDR alone.\n\n"
             "GDR helped older adults stop sleeping pills in most of the twelve trials.\n")
    res = summarizer.summarize(draft)
    lead = res.lead
    assert "GDR" in lead
    first = lead.index("GDR")
    assert lead[max(0, first - 30):first].lower().endswith("gradual dose reduction (")


@pytest.mark.parametrize("generated, support, ok", [
    # left out: a bracketed statistic, a Latin name, a phrase set off by commas
    ("Valerian may help (3 trials).", "Valerian may help (3 trials).", True),
    ("Valerian may help.", "Valerian may help (RR 1.29, 95% CI 1.12 to 1.48; 3 trials).", True),
    ("Valerian is a herb.", "Valerian (Valeriana officinalis) is a herb.", True),
    ("Valerian, a herb, is sold widely.", "Valerian, a herb, is sold widely, according to a survey published Monday.", True),
    # a word dropped from inside a phrase, a word swapped, a contraction split, half a dash pair
    ("Used and carefully, valerian may help.", "Used briefly and carefully, valerian may help.", False),
    ("It is one of a best-selling herbs.", "It is one of the best-selling herbs.", False),
    ("A meal would' t do that.", "A meal wouldn't do that.", False),
    ("It cut drinking in rats, still a distant one – of a treatment.",
     "It cut drinking in rats, raising the prospect – still a distant one – of a treatment.", False),
    # the last item of a list after "and, in some cases," is no aside
    ("Withdrawal brings pounding hearts, high blood pressure and, in some cases, doctors reported Tuesday.",
     "Withdrawal brings pounding hearts, high blood pressure and, in some cases, seizures, doctors reported Tuesday.",
     False),
    # a phrase closing the sentence that opens on its clause's verb is no aside; an attribution is
    ("Headache develops when someone who gets headaches, usually migraines.",
     "Headache develops when someone who gets headaches, usually migraines, takes painkillers too often.", False),
    ("Valerian eased sleep.", "Valerian eased sleep, said Dr Lee.", True),
    # one item of a list, its count left standing ("three vaccines: B and C"); an aside is no item
    ("The review tested three vaccines: NIC002 and NicHD-21.",
     "The review tested three vaccines: NicVAX, NIC002 and NicHD-21.", False),
    ("Kava, hops and valerian are sold as sleep aids.", "Kava, passionflower, hops and valerian are sold as sleep aids.",
     False),
    ("The pills are cheap and easy to buy.", "The pills, sold in Lagos, are cheap and easy to buy.", True),
    # the speaker dropped, their role left standing after the wrong noun; the whole attribution may go
    ("Little is known about its effects on the heart or lungs, a pharmacologist at the college.",
     "Little is known about its effects on the heart or lungs, said Dr. Joseph Mrema, a pharmacologist at the college.",
     False),
    ("Little is known about its effects on the heart or lungs.",
     "Little is known about its effects on the heart or lungs, said Dr. Joseph Mrema, a pharmacologist at the college.",
     True),
])
def test_a_rewrite_may_only_leave_out_brackets_or_set_off_phrases(generated, support, ok):
    assert (not faithfulness.edit_problems(generated, support)) is ok


def test_a_rewrite_that_drops_a_word_from_a_phrase_falls_back_to_its_source():
    from summarize.extract import Extract
    from summarize.strategies import _gated

    source = "Used briefly and carefully, valerian may take the edge off a bad night of sleep."
    ex = Extract(source, "intro", 0, len(source))
    got = _gated("Used and carefully, valerian may take the edge off a bad night of sleep.", ex, source, "rewrite")
    assert got.source == "extract" and got.text == source and any("inside a phrase" in r for r in got.reasons)
    # another task (a fusion, a repair) is judged by the gate alone
    assert _gated("Used and carefully, valerian may take the edge off a bad night of sleep.", ex, source,
                  "compress").source == "model"


def test_a_rewrite_that_drops_a_clauses_verb_falls_back_to_its_source():
    from summarize.extract import Extract
    from summarize.strategies import _gated

    source = ("He said anyone with bladder pain should see a doctor, and that treatment for ketamine dependence, "
              "including counseling and support groups, is available in the county.")
    ex = Extract(source, "intro", 0, len(source))
    cut = ("He said anyone with bladder pain should see a doctor, and that treatment for ketamine dependence, "
           "including counseling and support groups.")
    got = _gated(cut, ex, source, "rewrite")
    # (the edit check sees the verb dropped before the fluency check's "a that-clause with no verb")
    assert got.source == "extract" and got.text == source and any("verb" in r for r in got.reasons)


def test_a_person_whose_introduction_was_trimmed_is_named_where_the_lead_first_calls_them():
    from summarize.corpus.parse import parse_article
    from summarize.pipeline import _final_touches
    from summarize.strategies import LeadSentence

    article = parse_article("Clonidine misuse reports doubled, an analysis found.\n\n"
                            "Kenji Morales, MD, an addiction medicine physician in Chicago, said it was worrying.\n\n"
                            "Morales recommended that clinicians counsel patients about combining it with opioids.\n")
    text = "Morales recommended that clinicians counsel patients about combining it with opioids."
    sentences = [LeadSentence("Clonidine misuse reports doubled, an analysis found.", "extract", "", 0, 10),
                 LeadSentence(text, "caveat", text, 100, 180)]
    report = {"added": [{"kinds": ["interactions"], "text": text}]}
    _final_touches(article, sentences, report)
    named = "Kenji Morales, an addiction medicine physician in Chicago, recommended"
    assert sentences[1].text.startswith(named) and report["added"][0]["text"].startswith(named)


def test_a_drafts_doubled_small_word_is_said_once_in_the_lead():
    from summarize.corpus.parse import parse_article
    from summarize.normalize import undouble
    from summarize.pipeline import _final_touches

    assert undouble("Kava bars spread over the the past decade, and The the shops had had to to close.") == (
        "Kava bars spread over the past decade, and The shops had had to close.")
    assert undouble("He said that that was fine.") == "He said that that was fine."
    text = "Kava bars have spread over the the past decade."
    sentences = [LeadSentence(text, "caveat", text, 0, 40)]
    report = {"added": [{"kinds": ["research"], "text": text}]}
    _final_touches(parse_article(text), sentences, report)
    assert sentences[0].text == report["added"][0]["text"] == "Kava bars have spread over the past decade."


def test_a_markdown_drafts_emphasis_marks_leave_the_lead():
    from summarize.corpus.parse import parse_article
    from summarize.normalize import unemphasise
    from summarize.pipeline import _final_touches

    assert unemphasise("It is *not* safe, and there are __few__ trials.") == "It is not safe, and there are few trials."
    assert unemphasise("The dose was 5*3 units; see note*.") == "The dose was 5*3 units; see note*."
    text = "There are **almost no human studies** of sea moss."
    sentences = [LeadSentence(text, "caveat", text, 0, len(text))]
    report = {"added": [{"kinds": ["research"], "text": text}]}
    _final_touches(parse_article(text), sentences, report)
    assert sentences[0].text == report["added"][0]["text"] == "There are almost no human studies of sea moss."


def test_a_contrast_with_a_draft_sentence_the_lead_leaves_out_goes():
    from summarize.corpus.parse import parse_article
    from summarize.pipeline import _final_touches

    text = ("Kava eases anxiety in small trials. Most trials were short. Overall, though, the evidence is thin. "
            "Kava can harm the liver.")
    article = parse_article(text)

    def lead(*sentences):
        out = []
        for t in sentences:
            at = text.index(t)
            out.append(LeadSentence(t, "extract", t, at, at + len(t)))
        return out

    # after a sentence the draft does not put before it, and first in the lead: without "though"
    sentences = lead("Kava eases anxiety in small trials.", "Overall, though, the evidence is thin.")
    _final_touches(article, sentences, {"added": []})
    assert sentences[1].text == "Overall, the evidence is thin."
    # straight after its draft neighbour, the contrast reads and stays
    sentences = lead("Most trials were short.", "Overall, though, the evidence is thin.")
    _final_touches(article, sentences, {"added": []})
    assert sentences[1].text == "Overall, though, the evidence is thin."


def test_a_consequence_drawn_from_a_draft_sentence_the_lead_leaves_out_loses_its_therefore():
    from summarize.corpus.parse import parse_article
    from summarize.pipeline import _final_touches

    text = ("Tests found THC in nine of the 14 oils. Cannabis oils with THC cannot be sold without a licence. "
            "Selling such oils is therefore illegal, and traders can be prosecuted. "
            "The evidence, as a result, is hard to weigh.")
    article = parse_article(text)
    first, law, sale = (text.index(t) for t in ("Tests", "Cannabis", "Selling"))
    end = text.index(" The evidence")

    sentences = [LeadSentence(text[first:law - 1], "extract", text[first:law - 1], first, law - 1),
                 LeadSentence(text[sale:end], "extract", text[sale:end], sale, end)]
    _final_touches(article, sentences, {"added": []})
    assert sentences[1].text == "Selling such oils is illegal, and traders can be prosecuted."
    # after the sentence it follows from, "therefore" reads and stays
    sentences = [LeadSentence(text[law:sale - 1], "extract", text[law:sale - 1], law, sale - 1),
                 LeadSentence(text[sale:end], "extract", text[sale:end], sale, end)]
    _final_touches(article, sentences, {"added": []})
    assert sentences[1].text == "Selling such oils is therefore illegal, and traders can be prosecuted."


def test_a_drafts_typing_slips_are_mended_in_the_lead_and_said_so():
    from summarize.corpus.parse import parse_article
    from summarize.normalize import respell
    from summarize.pipeline import _final_touches

    # a slip whose fix the draft spells elsewhere, or a very common one; never a word of its own,
    # a drug's name, a doubled vowel, or a slip with a fix the draft never uses ("blod": blood?)
    draft = "Kava research is thin. Overall, teh quality of the reserach is low untill now."
    vocabulary = frozenset(w.lower() for w in draft.replace(".", " ").split())
    assert respell("Overall, teh quality of the reserach is low untill now.", vocabulary) == (
        "Overall, the quality of the research is low until now.", [("teh", "the"), ("reserach", "research"),
                                                                  ("untill", "until")])
    for kept in ("A sliver of a dose.", "Her carer helped.", "Indica and sativa.", "Paan and kava.",
                 "Honokiol and magnolol.", "Check your blod pressure."):
        assert respell(kept, vocabulary) == (kept, [])
    text = "Overall, teh quality of the reserach is low."
    sentences = [LeadSentence(text, "caveat", text, 0, 40)]
    report = {"added": [{"kinds": ["research"], "text": text}]}
    assert _final_touches(parse_article(draft), sentences, report) == ["teh → the", "reserach → research"]
    assert sentences[0].text == report["added"][0]["text"] == "Overall, the quality of the research is low."


def test_a_title_case_heading_does_not_set_a_words_casing():
    casing = SourceCasing(["Medication-overuse headache is a daily headache. It affects many.", "MOH is common."],
                          heads=["What Is Medication-Overuse Headache?", "The GABA Question"])
    assert casing.surface("medication-overuse") == "Medication-overuse"  # the prose's form, not the heading's
    assert casing.surface("gaba") == "GABA"  # a word only a heading has keeps its form
    assert "question" in casing.initial_only  # and a common one is lower-case inside a sentence


def test_a_lead_sentence_says_what_was_restored_from_the_draft():
    from summarize.strategies import LeadSentence

    s = LeadSentence("Dr. Ana Ruiz said extracts vary.", "model", "She said extracts vary.", 10, 33,
                     task="rewrite", restored=["Dr. Ana Ruiz"])
    assert s.to_dict()["restored"] == ["Dr. Ana Ruiz"]
    assert "restored" not in LeadSentence("Kava helps.", "extract").to_dict()


def test_a_point_that_leaned_on_a_trimmed_sentence_goes_with_it():
    from summarize.pipeline import fit
    from summarize.strategies import LeadSentence

    intro = ("Jake Moss, a personal trainer from Brisbane, bought vials of the unapproved valerian extract online "
             "after seeing it on social media and started injecting it every week.")
    after = "Then, a week after doubling his dose, he spent a night in hospital."
    lead = [LeadSentence("Valerian extract injections are being sold online without approval.", "model",
                         role="opening", rank=0),
            LeadSentence(intro, "model", role="point", rank=3),
            LeadSentence(after, "model", role="point", rank=1),
            LeadSentence("Sales of the extract rose tenfold last year, a survey of pharmacies found.", "model",
                         role="point", rank=2),
            LeadSentence("The regulator said it was illegal to supply an unapproved medicine.", "caveat")]
    kept = fit(lead, max_words=40)
    texts = [s.text for s in kept]
    assert intro not in texts and after not in texts, texts
    assert texts == [lead[0].text, lead[3].text, lead[4].text]
    # with room for both, both stay
    assert fit(lead, max_words=200) == lead


def test_a_decontextualize_output_that_still_leans_on_its_context_is_left_out(monkeypatch):
    # the model hands the sentence back unrepaired: "them" would now point at the lead's
    # supplements, not the draft's anti-seizure medicines
    from types import SimpleNamespace

    from summarize import plan, strategies
    from summarize.corpus.tasks import CONTEXT_SEPARATOR

    class EchoModel:
        prefixes = {"decontextualize": "decontextualize: "}
        config = SimpleNamespace(task_specific_params={"decontextualize": {"prefix": "decontextualize: "}})

        def generate(self, texts, task, settings=None, batch_size=None, constrain_to_source=False):
            return [t.split(CONTEXT_SEPARATOR)[-1] for t in texts]

    draft = ("Biotin is a vitamin sold in many hair supplements.\n\nSome anti-seizure medicines lower biotin levels. "
             "People who take them long term have their levels checked.\n")
    article = parse_draft(draft)
    ex = lambda t: extract.Extract(t, "intro", draft.index(t), draft.index(t) + len(t))  # noqa: E731
    context = "Some anti-seizure medicines lower biotin levels."
    leaning = "People who take them long term have their levels checked."
    picks = [plan.Pick(ex("Biotin is a vitamin sold in many hair supplements."), "opening"),
             plan.Pick(ex(leaning), "point", context=context, needs_context="'them' refers to nothing before it")]
    monkeypatch.setattr(plan, "plan", lambda *a, **k: picks)
    lead = strategies.write_rewrite(article, EchoModel(), None, 100)
    assert [s.text for s in lead] == ["Biotin is a vitamin sold in many hair supplements."]
    # after its own context the sentence reads as the draft wrote it
    picks[0] = plan.Pick(ex(context), "opening")
    lead = strategies.write_rewrite(article, EchoModel(), None, 100)
    assert [s.text for s in lead] == [context, leaning]


@pytest.mark.parametrize("sentence, dangling", [
    ("The FDA has warned doctors and the public about it.", True),
    ("Ask your pharmacist about it.", True),
    ("Most people tolerate it well.", True),
    ("Kratom is legal, but the FDA warns against it.", False),
    ("Kratom users say they need it.", False),
    ("Regulators have banned kratom in six states and may ban it.", False),
    ("Tell your doctor if you take it.", False),
])
def test_an_it_ending_a_one_clause_sentence_cannot_stand_for_that_clauses_nouns(sentence, dangling):
    from summarize import coherence

    assert (coherence.dangling_reason(sentence, []) is not None) == dangling


def test_an_added_caveat_that_leaned_on_a_trimmed_sentence_goes_so_the_filter_can_add_one_that_stands():
    from summarize.pipeline import _still_standing

    opening = LeadSentence("Kava, a root drink from the Pacific, is sold in cafes.", "model", "x", role="opening")
    point = LeadSentence("Doctors say the drug can calm nerves.", "model", "y", role="point")
    caveat = LeadSentence("The drug interacts with sedatives.", "caveat", "z")
    kept = _still_standing([opening, point, caveat], [opening, caveat])
    assert [s.text for s in kept] == [opening.text]
    # a caveat that stood before the trim, and stands after it, stays
    alone = LeadSentence("Kava can damage the liver.", "caveat", "w")
    assert _still_standing([opening, point, alone], [opening, alone]) == [opening, alone]


def test_a_point_that_leans_on_what_the_written_lead_no_longer_says_is_left_out():
    # the plan checked "The remaining study …" against "… refuted (two studies; …)"; the lead
    # as written dropped the bracket, so nothing names the studies it is one of
    from summarize.strategies import _without_dangling
    lead = [LeadSentence("A benefit of probiotics on quality of life could neither be shown nor refuted.", "model",
                         role="opening", task="rewrite"),
            LeadSentence("The remaining study assessed probiotics for radiotherapy-related diarrhoea.", "model",
                         role="point", task="rewrite"),
            LeadSentence("Studies did not address quality of life.", "model", role="point", task="rewrite")]
    kept = [s.text for s in _without_dangling(lead, frozenset())]
    assert kept == [lead[0].text, lead[2].text]
    # a decontextualized sentence follows its own context
    lead[1].task = "decontextualize"
    assert len(_without_dangling(lead, frozenset())) == 3
