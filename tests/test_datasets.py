"""Corpus readers and training-pair builders on a tiny shared folder written by the test."""
from __future__ import annotations

import gzip
import json
from collections import Counter

import pytest

from summarize.corpus import datasets as cd
from summarize.corpus import sources

DRUGS = ["aspirin", "metformin", "statins", "vitamin D", "melatonin", "zinc", "iron", "probiotics",
         "omega-3", "caffeine", "magnesium", "folic acid", "calcium", "ginger", "garlic", "turmeric",
         "lavender", "valerian", "chamomile", "echinacea", "ginseng", "honey", "cranberry", "fibre"]


def _cochrane(i: int, drug: str) -> tuple[str, str]:
    n = 100 + 17 * i
    source = (
        f"We included {i + 3} trials with {n} participants comparing {drug} with placebo. "
        f"Compared with placebo, {drug} reduced symptom scores (mean difference {i}.5 points; 95% CI 0.2 to 1.{i % 10}). "
        f"Adverse events were similar in both groups (RR 1.0{i % 10}). "
        f"The quality of the evidence was low because the trials were small. "
        f"In this review, {drug} may help some people but more research is needed."
    )
    target = (
        f"We found {i + 3} studies with {n} people that compared {drug} with a dummy treatment. "
        f"{drug.capitalize()} reduced symptom scores compared with placebo. "
        f"Side effects were similar in both groups. "
        f"The evidence was of low quality because the studies were small, so more research is needed."
    )
    return source, target


def _medquad(i: int, topic: str) -> dict:
    return {
        "collection": "test", "file": f"{i}.xml", "url": f"https://example.org/{i}", "focus": topic.title(),
        "qa": [
            {"qtype": "information", "question": f"What is (are) {topic.title()} ?",
             "answer": f"{topic.title()} is a condition that affects the skin and joints of adults. "
                       f"It often starts between the ages of 20 and 40 (young adulthood). "
                       f"Many people with {topic} also have tiredness and low mood.\n  "
                       f"Doctors (usually dermatologists) diagnose it from the symptoms and a blood test. "
                       f"About {i + 2} in 1,000 people are affected worldwide."},
            {"qtype": "symptoms", "question": f"What are the symptoms of {topic.title()} ?",
             "answer": f"What are the symptoms of {topic.title()}? Symptoms of {topic} include itchy patches, "
                       f"joint pain in the hands and feet, and stiffness in the morning that lasts about 30 minutes. "
                       f"In addition, some people notice swelling of the fingers."},
            {"qtype": "treatment", "question": f"What are the treatments for {topic.title()} ?", "answer": ""},
        ],
    }


def _paper(i: int) -> dict:
    return {
        "id": f"T{i:02d}-100{i}",
        "abstract": f"We present a parser for language {i}. It reaches {80 + i}.5% accuracy on the test set. "
                    f"The parser uses a small grammar and a beam of size {i + 2}.",
        "human_summary": f"A Parser For Language {i}\nWe present a parser for language {i}.\n"
                         f"The parser reaches {80 + i}.5% accuracy using a small grammar.\n",
        "sections": [
            {"heading": "1 Introduction", "text": f"Parsing language {i} is hard because word order is free. "
                                                  f"Earlier parsers (Smith, 2001) were slow. We describe a faster parser. "
                                                  f"Our parser reaches {80 + i}.5% accuracy with a small grammar and a beam. "
                                                  f"The parser, a small program, runs on one machine. "
                                                  f"The parser uses a beam, which keeps the search small. "
                                                  f"The rest of the paper is organised as follows."},
            {"heading": "4.2 Experimental Setup.", "text": f"We train on {1000 * i} sentences and test on 500 sentences. "
                                                          f"All models use the same features (words and tags). "
                                                          f"Training takes about {i} hours on one machine. "
                                                          f"Furthermore, we tune the beam size on held-out data."},
            {"heading": "Acknowledgments", "text": "We thank the reviewers for their helpful comments on this work."},
        ],
    }


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    root = tmp_path_factory.mktemp("shared")
    coch = root / "data" / "cochrane"
    coch.mkdir(parents=True)
    pairs = [_cochrane(i, d) for i, d in enumerate(DRUGS)]
    (coch / "val.source").write_text("\n".join(s for s, _ in pairs) + "\n")
    (coch / "val.target").write_text("\n".join(t for _, t in pairs) + "\n")
    (coch / "val.doi").write_text("\n".join(f"10.1002/14651858.CD{i:06d}" for i in range(len(pairs))) + "\n")
    topics = ["skin arthritis", "dry eye", "gout", "eczema", "psoriasis", "lupus"]
    with gzip.open(root / "data" / "medquad.jsonl.gz", "wt") as f:
        for i, t in enumerate(topics):
            f.write(json.dumps(_medquad(i, t)) + "\n")
    with gzip.open(root / "data" / "scisummnet.jsonl.gz", "wt") as f:
        for i in range(6):
            f.write(json.dumps(_paper(i)) + "\n")
    return root


@pytest.fixture(scope="module")
def docs(shared):
    return cd.load_documents(shared, ("cochrane", "medquad", "scisummnet"))


@pytest.fixture(scope="module")
def dd(shared, docs):
    return cd.build_datasets(shared, docs=docs, cfg=cd.BuildConfig(val_frac=0.3))


def test_readers(shared, docs, monkeypatch):
    by = Counter(d.dataset for d in docs)
    assert by == {"cochrane": len(DRUGS), "medquad": 6, "scisummnet": 6}
    med = next(d for d in docs if d.dataset == "medquad")
    assert len(med.sections) == 2  # the empty answer is skipped
    assert med.sections[0].kind == "information"
    paper = next(d for d in docs if d.dataset == "scisummnet")
    assert paper.doc_id.startswith("acl:") and paper.title.startswith("A Parser")
    assert [s.heading for s in paper.sections][:2] == ["Introduction", "Experimental Setup"]
    assert paper.summary_sentences[0].startswith("We present")
    monkeypatch.setenv("SUMMARIZE_SHARED", str(shared))
    assert sources.shared_dir() == shared
    assert len(list(sources.read_cochrane())) == len(DRUGS)


def test_read_articles(tmp_path):
    import summarize.corpus.parse  # noqa: F401
    text = (
        "Ginger may ease nausea in pregnancy, but doses above 1 gram a day have not been well studied.\n"
        "Ginger is a common kitchen spice. This article explains what the research says about nausea.\n"
        "- What Ginger Is\n"
        "- Ginger and Nausea\n"
        "What Ginger Is\n"
        "Ginger is the root of a flowering plant. It has been used in cooking and medicine for centuries.\n"
        "Ginger and Nausea\n"
        "Several small trials found that ginger reduced nausea in pregnant women compared with placebo.\n"
        "Talk to a midwife or doctor before taking ginger supplements."
    )
    (tmp_path / "a.txt").write_text(text)
    (doc,) = list(sources.read_articles(tmp_path))
    assert doc.doc_id == "article:a"
    assert doc.summary.startswith("Ginger may ease nausea")
    assert [s.heading for s in doc.sections] == ["What Ginger Is", "Ginger and Nausea"]
    assert "root of a flowering plant" in doc.sections[0].text


def test_columns_prefixes_and_tasks(dd):
    assert set(dd) == {"train", "validation", "heldout"}
    for split in dd.values():
        assert split.column_names == list(cd.COLUMNS)
    train = dd["train"]
    assert set(train["task"]) == set(cd.TASKS)
    for t, s in zip(train["task"], train["source"]):
        assert s.startswith(cd.PREFIXES[t])


def test_splits_by_document_and_heldout_never_trained(dd, docs):
    owner = {}
    for split, ds in dd.items():
        for doc_id in ds["doc_id"]:
            assert owner.setdefault(doc_id, split) == split, f"{doc_id} straddles splits"
    held = {d.doc_id for d in docs if cd.split_of(d.doc_id, 0.3) == "heldout"}
    assert held and all(h.startswith("cochrane:") for h in held)
    assert set(dd["heldout"]["doc_id"]) <= held
    assert not held & set(dd["train"]["doc_id"]) and not held & set(dd["validation"]["doc_id"])
    heldout_text = set(dd["heldout"]["target"])
    assert not heldout_text & set(dd["train"]["target"])
    # the held-out split is ~20% of Cochrane DOIs and stable
    ids = [f"cochrane:10.1002/x{i}" for i in range(2000)]
    share = sum(cd.split_of(i) == "heldout" for i in ids) / len(ids)
    assert 0.17 < share < 0.23
    assert [cd.split_of(i) for i in ids] == [cd.split_of(i) for i in ids]


def test_no_duplicates_and_deterministic(shared, docs, dd):
    for ds in dd.values():
        keys = list(zip(ds["task"], ds["source"], ds["target"]))
        assert len(keys) == len(set(keys))
    again = cd.build_datasets(shared, docs=docs, cfg=cd.BuildConfig(val_frac=0.3))
    for split in dd:
        assert dd[split].to_dict() == again[split].to_dict()


def test_rewrite_pairs_are_aligned_and_compressive(dd):
    rw = [r for r in dd["train"] if r["task"] == "rewrite"] + [r for r in dd["heldout"] if r["task"] == "rewrite"]
    assert rw
    for r in rw:
        src = cd.words(r["source"][len("rewrite: "):])
        tgt = cd.words(r["target"])
        assert cd.rouge_l(tgt, src) >= cd.BuildConfig().rewrite_min_rouge
        assert cd.coverage(tgt, src) >= cd.BuildConfig().rewrite_min_coverage


def test_copy_noise_keeps_content_words():
    s = "Adults who took 500 mg of metformin for 12 weeks lost about 2.5 kg of weight."
    content = Counter(w for w in s.split() if w.lower() not in cd._FUNCTION_WORDS)
    for seed in range(30):
        noisy = cd.noise(s, cd._rng("t", seed))
        got = Counter(w for w in noisy.split() if w.lower() not in cd._FUNCTION_WORDS)
        assert got == content


def test_compress_and_headings():
    assert cd.compress("In addition, doctors (usually dermatologists) check the skin [3].") == "Doctors check the skin."
    assert cd.compress("However, results were mixed.") == "However, results were mixed."
    assert cd.question_heading("What are the symptoms of Dry Eye ?") == "Symptoms of Dry Eye"
    assert cd.question_heading("Who is at risk for Gout? ?") == "Risk factors for Gout"
    assert cd.question_heading("What is (are) Gout ?") == "Understanding Gout"
    assert cd.question_heading("Why is the sky blue") is None
    assert sources.clean_heading("4.2 Experimental Setup.") == "Experimental Setup"


def test_heading_and_gsg_rows(dd):
    rows = [r for split in ("train", "validation") for r in dd[split]]
    heads = {r["target"] for r in rows if r["task"] == "heading"}
    assert "Introduction" in heads and not any(h.startswith("Acknowledg") for h in heads)
    assert any(h.startswith("Symptoms of") for h in heads)
    for r in rows:
        if r["task"] == "heading" and r["target"].startswith("Symptoms of"):
            assert "?" not in r["source"]  # the repeated question is stripped from the input
        if r["task"] == "gsg":
            body = r["source"][len("summarize: "):]
            for sent in sources.sentences(r["target"], fast=True):
                assert sent not in body


def test_gap_sentences_picks_central():
    sents = ["Gout is a painful form of arthritis.", "It causes painful swollen joints in gout.",
             "The weather was nice.", "Gout arthritis causes painful joints."]
    assert cd.gap_sentences(sents, 1) != [2]


def test_corpus_stats(dd):
    stats = cd.corpus_stats(dd)
    assert stats["splits"]["train"]["pairs"] == len(dd["train"])
    assert stats["tasks"]["copy"]["train"]["pairs"] > 0
    assert stats["tasks"]["copy"]["train"]["mean_target_words"] > 3
    table = cd.format_stats(stats)
    assert "rewrite" in table and "heldout" in table


def test_cache_round_trip(shared, tmp_path):
    a = cd.build_datasets(shared, tasks=("heading",), cache_dir=tmp_path, datasets_=("medquad", "scisummnet"))
    assert list(tmp_path.glob("corpus-*"))
    b = cd.build_datasets(shared, tasks=("heading",), cache_dir=tmp_path, datasets_=("medquad", "scisummnet"))
    assert a["train"].to_dict() == b["train"].to_dict()
    assert set(a["train"]["task"]) == {"heading"}


# --- fuse and decontextualize -----------------------------------------------------------------


@pytest.mark.parametrize("sentence, first, second, kind", [
    ("Kratom, a tropical tree from Southeast Asia, contains alkaloids that act on opioid receptors.",
     "Kratom is a tropical tree from Southeast Asia.", "Kratom contains alkaloids that act on opioid receptors.",
     "apposition"),
    ("Older patients, who were treated for longer, had fewer relapses after one year.",
     "Older patients were treated for longer.", "Older patients had fewer relapses after one year.", "relative"),
    ("The drug lowers blood pressure within hours, which makes it useful in emergencies.",
     "The drug lowers blood pressure within hours.", "This makes it useful in emergencies.", "relative"),
    ("Melatonin shortens the time to fall asleep, but the effect on total sleep is small.",
     "Melatonin shortens the time to fall asleep.", "However, the effect on total sleep is small.", "coordination"),
    ("The trials were stopped early in most centres, because the recruitment of adults was too slow.",
     "The trials were stopped early in most centres.", "This is because the recruitment of adults was too slow.",
     "connective"),
])
def test_fuse_split_rules(sentence, first, second, kind):
    assert cd.fuse_split(sentence) == (first, second, kind)


@pytest.mark.parametrize("sentence", [
    "Symptoms include itchy patches, joint pain in the hands, and stiffness in the morning.",  # a list
    "The study enrolled children with asthma, and adults with chronic bronchitis.",  # two phrases
    "Side effects were rare in both groups of the trial.",  # nothing to split
    'He said, "the drug works well in adults," and left the room.',  # quotes are left alone
])
def test_fuse_split_leaves_other_sentences(sentence):
    assert cd.fuse_split(sentence) is None


def test_subject_phrase_needs_a_repeated_subject():
    ctx = "Metformin therapy is the first drug most adults with type 2 diabetes receive."
    assert cd.subject_phrase("Metformin therapy lowers blood sugar without weight gain.", ctx) == "Metformin therapy"
    assert cd.subject_phrase("The metformin therapy was stopped in 12 patients.", ctx) == "The metformin therapy"
    assert cd.subject_phrase("Insulin lowers blood sugar quickly in most adults.", ctx) is None  # not in context
    assert cd.subject_phrase("It lowers blood sugar without weight gain.", ctx) is None  # already a pronoun


def test_pronominalise_picks_pronoun_or_demonstrative():
    import random

    rng = random.Random(0)
    seen = {cd.pronominalise("Statin drugs", rng) for _ in range(20)}
    assert seen == {"They", "These drugs"}
    seen = {cd.pronominalise("Metformin therapy", rng) for _ in range(20)}
    assert seen == {"It", "This therapy"}
    assert cd.pronominalise("Aspirin", rng) == "It"


def test_fuse_and_decontextualize_rows(dd):
    from summarize.corpus.tasks import CONTEXT_SEPARATOR, INFERENCE_PREFIXES

    assert INFERENCE_PREFIXES["fuse"] == "fuse: " and INFERENCE_PREFIXES["decontextualize"] == "decontextualize: "
    rows = [r for split in dd.values() for r in split if r["task"] in ("fuse", "decontextualize")]
    fuse = [r for r in rows if r["task"] == "fuse"]
    dec = [r for r in rows if r["task"] == "decontextualize"]
    assert fuse and dec
    for r in fuse:
        assert r["source"].startswith("fuse: ") and r["source"].count(".") >= 2
        assert r["target"].count(".") < r["source"].count(".")  # two sentences in, one out
    assert any(r["target"] == "The parser, a small program, runs on one machine." for r in fuse)
    for r in dec:
        context, sentence = r["source"][len("decontextualize: "):].split(CONTEXT_SEPARATOR)
        assert sentence.split()[0] in ("It", "They", "This", "These")
        assert sentence.split()[-3:] == r["target"].split()[-3:]  # only the subject changed
        assert context and r["target"] not in context
    assert any(r["target"] == "The parser uses a beam, which keeps the search small." for r in dec)


def test_subject_phrase_does_not_end_before_a_plural_noun():
    # "levels" / "Forms" are nouns here, not verbs: a pair built on "Low" or "Logic" would read
    # "It levels of calcium ..." and teach the model to garble.
    ctx = "Low calcium is common. Logic is the study of inference."
    assert cd.subject_phrase("Low levels of calcium in the blood can cause numbness.", ctx) is None
    assert cd.subject_phrase("Logic Forms are derived from the grammar rules of a sentence.", ctx) is None
    assert cd.subject_phrase("Low calcium causes muscle cramps in many adults.", ctx) == "Low calcium"


def test_subject_phrase_is_not_a_clause_opener():
    ctx = "Treatment depends on whether the cancer has spread and whether you have diabetes."
    assert cd.subject_phrase("Whether the cancer is newly diagnosed matters for treatment.", ctx) is None
    assert cd.subject_phrase("If you have diabetes, your LDL goal is lower.", ctx) is None
