"""The learned ranker that picks a draft's conclusion-level caveat, and how the filter uses it."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarize.caveats import CaveatFilter
from summarize.caveats.conclusion import FEATURES, ConclusionRanker, RankerError, fit
from summarize.caveats.repair import compress_variants
from summarize.caveats.policy import load_policy
from summarize.cli import main

# Two main research caveats: a gap early, the verdict late.
DRAFT = (
    "Valerian is a herb taken for sleep. Little is known about the long-term safety of valerian. "
    "People fell asleep a few minutes sooner with valerian. Daytime drowsiness was similar in both groups. "
    "For now, the evidence that valerian improves sleep is far too limited to recommend it.")
SUMMARY = "Valerian is a herb taken for sleep. People fell asleep a few minutes sooner with valerian."


def _ranker(**weights) -> ConclusionRanker:
    return ConclusionRanker({f: weights.get(f, 0.0) for f in FEATURES})


def _added_research(res):
    return [a["source_sentence"] for a in res.report.added if "research" in a["kinds"]]


def test_the_ranker_decides_which_caveat_is_added():
    late = CaveatFilter(ranker=_ranker(pos=1.0))
    early = CaveatFilter(ranker=_ranker(pos=-1.0))
    assert [s[:8] for s in _added_research(late(DRAFT, SUMMARY))] == ["For now,"]
    assert [s[:8] for s in _added_research(early(DRAFT, SUMMARY))] == ["Little i"]


def test_the_shipped_ranker_prefers_the_verdict_and_a_second_run_changes_nothing():
    f = CaveatFilter()
    res = f(DRAFT, SUMMARY)
    assert [s[:8] for s in _added_research(res)] == ["For now,"]
    again = f(DRAFT, res.summary)
    assert again.passed and again.summary == res.summary


def test_a_summary_with_another_caveat_gets_the_conclusion_too():
    # the summary states how little valerian was studied; the draft's verdict is what readers need,
    # and a second run adds nothing more
    f = CaveatFilter(ranker=_ranker(pos=1.0))
    summary = "Valerian is a herb taken for sleep. Only a handful of small studies have tested valerian."
    res = f(DRAFT, summary)
    assert [s[:8] for s in _added_research(res)] == ["For now,"]
    assert f(DRAFT, res.summary).summary == res.summary


# The verdict is the draft's longest sentence, past the length a caveat is preferred under.
LONG_VERDICT = (
    "Valerian is a herb taken for sleep. Little is known about the long-term safety of valerian. "
    "People fell asleep a few minutes sooner with valerian. "
    "Taken together, the research on valerian is too inconsistent and too low in quality to say with any "
    "confidence that valerian helps adults with long-standing insomnia fall asleep faster, sleep longer or wake "
    "up feeling more refreshed than a dummy pill taken at the same time each night in the same way.")


@pytest.mark.parametrize("weight,added", [
    (0.5, "Little i"),  # ranked about as high: the shorter caveat is preferred
    (3.0, "Taken to"),  # ranked clearly higher: the long verdict is added all the same
])
def test_a_long_verdict_ranked_clearly_first_is_added(weight, added):
    f = CaveatFilter(ranker=_ranker(pos=weight))
    res = f(LONG_VERDICT, SUMMARY)
    assert [s[:8] for s in _added_research(res)] == [added]
    assert f(LONG_VERDICT, res.summary).summary == res.summary


def test_fit_learns_the_feature_that_marks_the_labelled_candidate():
    late, brackets = FEATURES.index("late"), FEATURES.index("brackets")

    def vec(**on):
        v = [0.0] * len(FEATURES)
        for name, x in on.items():
            v[FEATURES.index(name)] = x
        return v

    groups = [([vec(brackets=1.0), vec(late=1.0)], 1), ([vec(late=1.0), vec(brackets=1.0), vec()], 0)]
    w = fit(groups, l2=0.1)
    assert w["late"] > 0 > w["brackets"]
    assert late != brackets


def test_weights_round_trip_and_bad_files_name_the_file(tmp_path):
    path = tmp_path / "r.json"
    _ranker(late=0.5).save(path, {"drafts": 3})
    assert ConclusionRanker.load(path).weights["late"] == 0.5
    (tmp_path / "bad.json").write_text(json.dumps({"weights": {"shoe_size": 1}}))
    with pytest.raises(RankerError, match="bad.json: unknown feature"):
        ConclusionRanker.load(tmp_path / "bad.json")
    (tmp_path / "junk.json").write_text("not json")
    with pytest.raises(RankerError, match="junk.json: not a ranker weights file"):
        ConclusionRanker.load(tmp_path / "junk.json")


VERDICT = "For now, the evidence that valerian improves sleep is far too limited to recommend it."


def _labelled_folder(tmp_path) -> Path:
    """DRAFT with a KEY.md labelling its two research caveats and its conclusion-level one."""
    folder = tmp_path / "set"
    folder.mkdir()
    (folder / "valerian.txt").write_text(DRAFT + "\n")
    (folder / "KEY.md").write_text(
        "## valerian.txt\n\nC: [research, minor] Little is known about the long-term safety of valerian.\n"
        f"C: [research, main] {VERDICT}\nCONCLUSION_CAVEAT: {VERDICT}\n")
    return folder


def test_train_ranker_command_writes_weights_from_a_labelled_folder(tmp_path):
    folder = _labelled_folder(tmp_path)
    out = tmp_path / "w.json"
    got = CliRunner().invoke(main, ["caveats-train-ranker", str(folder), "--out", str(out)])
    assert got.exit_code == 0, got.output
    ranker = ConclusionRanker.load(out)
    assert json.loads(out.read_text())["groups"] == 1
    assert any(v != 0 for v in ranker.weights.values())
    empty = tmp_path / "empty"
    empty.mkdir()
    got = CliRunner().invoke(main, ["caveats-train-ranker", str(empty), "--out", str(out)])
    assert got.exit_code != 0 and "no KEY.md" in got.output


@pytest.mark.parametrize("text,expected", [
    # the study's own people and a reporting frame
    ("The authors said longer follow-up and better data were needed before anyone could conclude that it works.",
     "Longer follow-up and better data were needed before anyone could conclude that it works."),
    # "… said A, and that B": B holds the cue
    ("Holm said the results argue for the lowest effective dose, and that longer trials in adults are needed to "
     "pin down the risk.", "Longer trials in adults are needed to pin down the risk."),
    # an aside between commas
    ("For now, he says, the findings are a reason for further research rather than alarm.",
     "For now, the findings are a reason for further research rather than alarm."),
])
def test_reporting_frames_come_off_an_added_caveat(text, expected):
    policy = load_policy()
    cue = text.index("further research") if "further research" in text else text.index("longer")
    assert expected in compress_variants(text, [(cue, cue + 6)], policy)


@pytest.mark.parametrize("text,caveat", [
    ("But there's nowhere near enough good evidence to call weighted blankets a treatment for anxiety.", True),
    ("Anything you read claiming it happens to most users isn't based on evidence, she says.", True),
    ("Almost everything known about how nitazenes act in the body comes from decades-old animal experiments.", True),
    ("This was a small, short trial at a single center.", True),
    ("For all its popularity, the science behind white noise is surprisingly thin.", True),
    # a reassurance and a claim the data carry are no research caveats
    ("The rats showed no harm, and the supplement is not supported by any evidence of toxicity.", False),
    ("Her estimate is backed by data from 4,000 patients.", False),
    ("The science behind the device is sound.", False),
])
def test_news_phrasings_of_thin_evidence(text, caveat):
    f = CaveatFilter()
    dets = f.detector.sentence(text, frozenset({"blankets", "nitazenes", "supplement", "noise"}))
    assert any(d.kind == "research" and d.is_caveat and d.method != "learned" for d in dets) is caveat


def test_the_leads_opening_introduces_what_the_conclusion_refers_to():
    # the opening states the study and its size (a main research cue); the draft's conclusion
    # says "The trial …", which the opening introduces: it is added, and a second run adds nothing
    draft = ("Semaglutide cut heavy drinking in a small pilot trial, researchers reported. Half of the 52 adults got "
             "placebo. Drinking fell more with semaglutide. Nausea was common. The trial was small and short, and the "
             "researchers cautioned that the results need to be confirmed in larger studies before semaglutide is used "
             "for drinking.")
    f = CaveatFilter()
    summary = "Semaglutide cut heavy drinking in a small pilot trial, researchers reported. Drinking fell more with semaglutide."
    res = f(draft, summary)
    assert [s[:9] for s in _added_research(res)] == ["The trial"]
    assert f(draft, res.summary).summary == res.summary


def test_one_sentence_carries_both_kinds_when_the_better_ranked_states_both():
    draft = ("Tramadol is a painkiller. It is prescribed widely. Doctors see people who take more than prescribed. "
             "\"Tramadol carries the same kind of addiction risk as other opioids,\" one pharmacist said. "
             "Overall, the claim that tramadol is low-risk is not supported by the data, and its potential for "
             "dependence deserves the same caution as that of any other opioid.")
    f = CaveatFilter(ranker=_ranker(pos=1.0))
    res = f(draft, "Tramadol is a painkiller. It is prescribed widely.")
    mandated = [a for a in res.report.added if {"research", "dependency"} & set(a["kinds"])]
    assert len(mandated) == 1 and {"research", "dependency"} <= set(mandated[0]["kinds"])
    assert f(draft, res.summary).summary == res.summary


# ---------------------------------------------------------------------------- learned detector
from summarize.caveats import Detector  # noqa: E402
from summarize.caveats.learned import ClassifierError, KindModel, SentenceClassifier, fit_kind, features, tokens  # noqa: E402


def _toy_classifier(threshold=0.5) -> SentenceClassifier:
    # "verdict" and "pending" mark a research caveat; nothing else weighs
    return SentenceClassifier({"research": KindModel(-3.0, threshold, {"verdict": 2.0, "pending": 2.0})})


def test_the_classifier_adds_a_detection_where_the_patterns_find_nothing():
    det = Detector(load_policy(), classifier=_toy_classifier())
    text = "The verdict is still pending on whether ginkgo helps memory."
    dets = [d for d in det.sentence(text, frozenset({"ginkgo"})) if d.kind == "research"]
    assert [(d.method, d.cue) for d in dets] == [("learned", "verdict")]
    plain = Detector(load_policy(), classifier=False)
    assert not [d for d in plain.sentence(text) if d.kind == "research"]


def test_the_patterns_and_exclusions_decide_where_they_speak():
    det = Detector(load_policy(), classifier=_toy_classifier())
    # a pattern already found the kind: no second, learned detection
    dets = det.sentence("The verdict is pending, and more research is needed on ginkgo.", frozenset({"ginkgo"}))
    assert [d.method for d in dets if d.kind == "research"] == ["pattern"]
    # the policy's exclusions veto it ("little is known about why" is about a cause, not the evidence)
    assert not det.sentence("The verdict is pending: little is known about why the rash develops.")
    # a research caveat states a limit: with no limiting word, no learned detection
    assert not det.sentence("The verdict, pending since spring, found the herb works.")


def test_fit_kind_learns_words_and_subject_placeholders():
    topic = frozenset({"kava"})
    texts = [("Nobody knows if kava is safe over years.", True), ("Kava tastes earthy.", False),
             ("Nobody has tested kava in children.", True), ("Kava is sold as a drink.", False)]
    m = fit_kind([features(tokens(t, topic)) for t, _ in texts], [y for _, y in texts], l2=0.1, min_df=2)
    assert m.weights["nobody"] > 0 and "kava" not in m.weights and "<subj>" in m.weights
    assert m.probability(features(tokens("Nobody knows much about it.", topic))) > 0.5


def test_classifier_files_round_trip_and_bad_ones_name_the_file(tmp_path):
    path = tmp_path / "c.json"
    _toy_classifier(0.7).save(path)
    back = SentenceClassifier.load(path)
    assert back.kinds["research"].threshold == 0.7 and back.kinds["research"].weights == {"verdict": 2.0, "pending": 2.0}
    (tmp_path / "bad.json").write_text("{}")
    with pytest.raises(ClassifierError, match="bad.json: not a caveat classifier"):
        SentenceClassifier.load(tmp_path / "bad.json")


def test_a_policy_can_turn_the_classifier_off_or_name_its_own(tmp_path):
    from summarize.caveats import PolicyError

    text = load_policy().raw and (Path(load_policy().path).read_text())
    off = tmp_path / "off.toml"
    off.write_text(text.replace('classifier = "shipped"', 'classifier = "off"'))
    assert Detector(load_policy(off)).classifier is None
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace('classifier = "shipped"', 'classifier = "missing.json"'))
    with pytest.raises(PolicyError, match="settings.classifier"):
        load_policy(bad)
    _toy_classifier().save(tmp_path / "mine.json")
    mine = tmp_path / "mine.toml"
    mine.write_text(text.replace('classifier = "shipped"', 'classifier = "mine.json"'))
    assert Detector(load_policy(mine)).classifier.kinds["research"].weights == {"verdict": 2.0, "pending": 2.0}


def test_train_classifier_command_on_labelled_folders(tmp_path):
    folders = []
    for n, (caveat, plain) in enumerate([("Nobody knows if kava is safe over years.", "Kava tastes earthy."),
                                         ("Nobody has tested kava in children.", "Kava is sold as a drink.")]):
        folder = tmp_path / f"set{n}"
        folder.mkdir()
        (folder / "kava.txt").write_text(f"{plain} {caveat}\n")
        (folder / "KEY.md").write_text(f"## kava.txt\n\nC: [research, main] {caveat}\nCONCLUSION_CAVEAT: {caveat}\n")
        folders.append(str(folder))
    out = tmp_path / "c.json"
    got = CliRunner().invoke(main, ["caveats-train-classifier", *folders, "--out", str(out)])
    assert got.exit_code == 0, got.output
    assert "leave-one-folder-out" in got.output
    assert set(SentenceClassifier.load(out).kinds) == {"research", "dependency"}


@pytest.mark.parametrize("text,caveat", [
    # enthusiasm about a thing, in the first person
    ("Honestly, I’m addicted to the thing – it’s even come on holiday with us.", False),
    ("I'm totally hooked on it!", False),
    ("\"I'm hooked on mine. I put them on the minute I open my laptop,\" reads one five-star review.", False),
    # telling readers they need not stop
    ("Blue-light glasses are unlikely to hurt you, and if you like how they feel, there's no strong reason to stop "
     "wearing them.", False),
    ("Used thoughtfully, a weighted blanket is a low-risk tool, and there's little reason to give it up.", False),
    # a person's dependence
    ("I'm hooked on it and can't stop.", True),
    ("I'm hooked on mine and can't stop.", True),
    ("I am addicted to oxycodone.", True),
    ("I'm addicted to it, and stopping is hell.", True),
])
def test_enthusiasm_is_not_dependence(text, caveat):
    dets = CaveatFilter().detector.sentence(text, frozenset({"blanket"}))
    assert any(d.kind == "dependency" and d.is_caveat for d in dets) is caveat


def test_train_commands_report_an_unwritable_out_in_one_line(tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder")
    folder = _labelled_folder(tmp_path)
    for command in ("caveats-train-ranker", "caveats-train-classifier"):
        got = CliRunner().invoke(main, [command, str(folder), "--out", str(blocker / "w.json")])
        assert got.exit_code == 1, (command, got.output)
        assert "cannot write the weights" in got.output and "Traceback" not in got.output


def test_the_filter_names_its_conclusion_caveats_for_the_planner():
    f = CaveatFilter(ranker=_ranker(pos=1.0))
    assert f.conclusion_caveats(DRAFT) == [
        "For now, the evidence that valerian improves sleep is far too limited to recommend it."]
    # planned into the lead, it is carried: nothing is added for research
    lead = ["Valerian is a herb taken for sleep.",
            "For now, the evidence that valerian improves sleep is far too limited to recommend it."]
    assert not _added_research(f(DRAFT, lead))


def test_the_planner_may_try_a_better_ranked_verdict_that_leans_on_the_leads_finding():
    # "These observational findings" need the lead's finding before them, so the filter alone
    # cannot add it, but the planner, which puts it after its opening, may
    draft = ("In a cohort of 9,000 adults, phentermine use beyond a year was not associated with more heart attacks.\n\n"
             "Phentermine is a prescription weight-loss drug that curbs appetite.\n\n"
             "These observational findings require confirmation in randomized trials before long-term use "
             "can be considered safe.")
    f = CaveatFilter(ranker=_ranker(pos=1.0))
    got = f.conclusion_caveats(draft)
    assert got and got[0].startswith("These observational findings require confirmation")
    lead = ["In a cohort of 9,000 adults, phentermine use beyond a year was not associated with more heart attacks."]
    added = _added_research(f(draft, lead))
    assert added and added[0].startswith("These observational findings")


def test_a_learned_detection_alone_never_adds_a_sentence_that_leans_on_context():
    # the only research statement is one the toy classifier finds, and it points back ("In these
    # cases"): the filter leaves it out rather than add a dangling sentence
    draft = ("Jejunal atresia is a birth defect of the small intestine. Some cases run in families. "
             "In these cases, the verdict on whether early surgery helps is pending.")
    f = CaveatFilter(policy=load_policy())
    f.detector = Detector(f.policy, classifier=_toy_classifier())
    dets = f.detector.sentence("In these cases, the verdict on whether early surgery helps is pending.", frozenset({"atresia"}))
    assert [d.method for d in dets if d.kind == "research"] == ["learned"]
    res = f(draft, "Jejunal atresia is a birth defect of the small intestine.")
    assert not _added_research(res)


def test_an_unknown_cause_is_no_research_caveat_whatever_the_adverb():
    dets = CaveatFilter().detector.sentence("In these cases, the exact underlying cause is generally unknown.",
                                            frozenset({"atresia"}))
    assert not any(d.kind == "research" and d.is_caveat for d in dets)


# A story about one study: its design limit in the nut graf, an open question at the end.
STUDY_STORY = (
    "Snuff use was linked to higher blood pressure in a survey of 1,140 older women, a new study found. "
    "The women lived in two rural districts. But the study cannot show that snuff caused the higher blood pressure. "
    "Most said they used snuff every morning. Nurses measured blood pressure once. "
    "Nobody knows whether stopping snuff lowers blood pressure.")
STORY_SUMMARY = "Snuff use was linked to higher blood pressure in a survey of 1,140 older women, a new study found."


@pytest.mark.parametrize("feature, added", [
    ("design", "But the "),  # what the study cannot show ("cannot show", "observational", "self-reported")
    ("design_story", "But the "),  # … when the draft's opening reports a study
    ("first_candidate", "But the "),  # the first statement of the kind
    ("last_candidate", "Nobody k"),
])
def test_the_ranker_can_prefer_the_design_limit_the_first_caveat_or_the_last(feature, added):
    f = CaveatFilter(ranker=_ranker(**{feature: 3.0}))
    assert [s[:8] for s in _added_research(f(STUDY_STORY, STORY_SUMMARY))] == [added]
