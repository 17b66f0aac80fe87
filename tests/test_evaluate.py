"""models/evaluate.py: baselines, scoring logic, the table, and `summarize eval` end to end on a
tiny folder of house-format articles (tiny random model, fake caveat filter; no shared data)."""
from __future__ import annotations

import json
import re
import sys
import types
from dataclasses import dataclass, field

import pytest
from click.testing import CliRunner

from conftest import HOUSE_ARTICLE
from summarize.evaluation import evaluate as ev

SECOND_ARTICLE = (
    "Valerian root is a herbal sleep aid with mixed evidence, and it can cause dependency when used every night.\n"
    "Valerian has been used as a sleep remedy in Europe for a long time. Here is what is known about it.\n"
    "- What Valerian Is\n"
    "- Safety and Side Effects\n"
    "What Valerian Is\n"
    "Valerian is a flowering plant whose root is dried and taken as capsules or tea before bed.\n"
    "Reviews of trials report mixed results, and more research is needed on long-term use.\n"
    "Safety and Side Effects\n"
    "Valerian may cause headaches and morning grogginess in some people.\n"
    "Some users report dependency after months of nightly use, so take breaks.\n"
    "Valerian is worth discussing with a doctor, especially alongside other sedatives."
)

TOY = [
    "Sleep matters for health and mood.",
    "Poor sleep harms health, mood and memory.",
    "Bananas are yellow.",
    "Good sleep habits improve sleep and health.",
    "Many adults report poor sleep and low mood.",
]


# --- a stand-in caveat filter with the API of summarize.caveats ------------------------------

_KINDS = {"dependency": re.compile(r"dependen|addict", re.I), "research": re.compile(r"more research|research is", re.I)}


@dataclass
class _Report:
    source_kinds: list
    summary_kinds: list
    added: list = field(default_factory=list)

    def to_dict(self):
        return {"source_kinds": self.source_kinds, "summary_kinds": self.summary_kinds, "added": self.added}


@dataclass
class _Sent:
    text: str
    status: str
    index: int | None = None
    source_sentence: str | None = None
    start: int | None = None
    end: int | None = None


class _FakeFilter:
    def __init__(self, policy=None):
        pass

    def __call__(self, source, summary):
        # the real filter's interface: an Article or draft text; the lead's sentences or a string
        from summarize.corpus.text import split_sentences

        source = source if isinstance(source, str) else source.text
        summary = summary if isinstance(summary, list) else [s.text for s in split_sentences(summary)]
        src = [k for k, rx in _KINDS.items() if rx.search(source)]
        got = [k for k, rx in _KINDS.items() if rx.search(" ".join(summary))]
        sents = [_Sent(t, "kept", i) for i, t in enumerate(summary)]
        added = []
        if "research" in src and "research" not in got:
            sents.append(_Sent("More research is needed.", "added"))
            added.append({"text": "More research is needed.", "kind": "research"})
        return types.SimpleNamespace(sentences=sents, report=_Report(src, [{"kind": k} for k in got], added))


@pytest.fixture
def fake_caveats(monkeypatch):
    mod = types.ModuleType("summarize.caveats")
    mod.CaveatFilter = _FakeFilter
    mod.load_policy = lambda path: None
    monkeypatch.setitem(sys.modules, "summarize.caveats", mod)


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "chamomile.txt").write_text(HOUSE_ARTICLE + "\n")
    (folder / "valerian.txt").write_text(SECOND_ARTICLE + "\n")
    (folder / "notes.txt").write_text("just a note without lead or outline\n\nsecond paragraph here.\n")
    return folder


# --- baselines ---------------------------------------------------------------------------------


def test_lead3_takes_first_three():
    assert ev.lead3(TOY) == TOY[:3]
    assert ev.lead3(TOY[:2]) == TOY[:2]


def test_lexrank_picks_central_sentences_in_document_order_within_budget():
    scores = ev.lexrank_scores(TOY)
    assert min(range(len(TOY)), key=scores.__getitem__) == 2  # the outlier shares no words with the rest
    out = ev.lexrank(TOY, max_words=20)
    assert "Bananas are yellow." not in out and len(out) == 3
    assert sum(len(s.split()) for s in out) <= 20
    assert out == [s for s in TOY if s in out]  # document order
    assert len(ev.lexrank(TOY, max_words=1000)) == len(TOY)
    assert len(ev.lexrank(TOY, max_words=1)) == 1  # the best sentence even over budget
    assert ev.lexrank(["Only one."], 10) == ["Only one."] and ev.lexrank([], 10) == []


def test_draft_sentences_skip_headings():
    doc, cases = ev.house_doc("x", HOUSE_ARTICLE)
    sents = ev.draft_sentences(doc.draft)
    assert sents[0].startswith("Chamomile has been brewed")
    assert "How It May Affect Sleep" not in sents
    assert "What Chamomile Is and Why People Drink It" not in sents
    assert {c.heading for c in cases} >= {"How It May Affect Sleep", "Evidence from small trials."}


# --- scoring logic -------------------------------------------------------------------------------


def test_outline_exactness():
    ref = [("Intro", 1), ("Details", 2)]
    assert ev.outline_exact([("Intro", 1), ("Details", 2)], ref) is True
    assert ev.outline_exact([("Intro", 1), ("Details", 1)], ref) is False  # level differs
    assert ev.outline_exact([("Intro", 1), ("Detail", 2)], ref) is False  # heading differs
    assert ev.outline_exact([("Intro", 1)], ref) is False
    assert ev.outline_exact([("Intro", 1)], None) is None
    docs = [ev.EvalDoc("a", "d", "r", ref), ev.EvalDoc("b", "d", "r", ref), ev.EvalDoc("c", "d", "r")]
    outs = [ev.Output("r", 1.0, outline=ref), ev.Output("r", 1.0, outline=[("Intro", 1)]), ev.Output("r", 1.0, outline=[])]
    row = ev.score_system(docs, outs)
    assert row["outline_exact"] == 0.5  # the doc without a reference outline does not count
    assert row["counts"]["docs_with_outline"] == 2


def test_score_system_caveats_model_share_and_seconds():
    docs = [ev.EvalDoc("a", "d", "sleep helps health"), ev.EvalDoc("b", "d", "tea is mild")]
    outs = [
        ev.Output("sleep helps health", 2.0, ["model", "extract"], kinds=({"dependency", "research"}, {"research"})),
        ev.Output("coffee was strong", 4.0, ["model", "model"], kinds=({"dependency"}, {"dependency", "legal"})),
    ]
    row = ev.score_system(docs, outs)
    assert row["rouge1"] == pytest.approx(0.5)  # 1.0 and 0.0
    assert row["caveat_carry"] == pytest.approx(2 / 3)
    assert row["caveat_dependency"] == pytest.approx(0.5)
    assert row["caveat_research"] == pytest.approx(1.0)
    assert row["model_share"] == pytest.approx(0.75)
    assert row["words_mean"] == pytest.approx(3.0)
    assert row["seconds_mean"] == pytest.approx(3.0) and row["seconds_total"] == pytest.approx(6.0)
    no_kinds = ev.score_system(docs, [ev.Output("x", 1.0), ev.Output("y", 1.0)])
    assert no_kinds["caveat_carry"] is None and no_kinds["model_share"] is None


def test_kind_set_accepts_the_report_shapes():
    assert ev._kind_set(["a", "b"]) == {"a", "b"}
    assert ev._kind_set([{"kind": "a"}, {"kind": "b", "text": "x"}]) == {"a", "b"}
    assert ev._kind_set({"a": 2}) == {"a"}
    mentions = {"a": [{"about_subject": False}, {"about_subject": True}], "b": [{"about_subject": False}]}
    assert ev._kind_set(mentions) == {"a"}  # a mention about another substance only is not the kind
    assert ev._kind_set(None) == set()


def test_house_folder_loading_skips_non_articles(articles):
    docs, cases = ev.house_docs(articles)
    assert [d.doc_id for d in docs] == ["chamomile", "valerian"]
    assert docs[1].reference.startswith("Valerian root is a herbal sleep aid")
    assert docs[1].outline == [("What Valerian Is", 1), ("Safety and Side Effects", 1)]
    assert not docs[1].draft.startswith("Valerian root is") and "- What Valerian Is" not in docs[1].draft
    assert len(cases) == 5


def test_evaluate_table_has_all_rows_and_columns(articles, tiny_model_dir, fake_caveats):
    report = ev.evaluate(str(articles), model=str(tiny_model_dir), beams=1, max_words=60, progress=False)
    assert report["n_docs"] == 2 and set(report["rows"]) == set(ev.SYSTEMS)
    table = ev.format_table(report)
    lines = table.splitlines()
    for _, title, _ in ev.COLUMNS:
        assert title in lines[0]
    for system in ev.SYSTEMS:
        assert any(line.split()[0] == system for line in lines[2:6])
    model, filt = report["rows"]["model"], report["rows"]["model+filter"]
    assert model["outline_exact"] == 1.0  # drafts keep their headings
    assert 0 <= model["heading_rougeL"] <= 1 and len(report["headings"]) == 5
    # valerian's source has both kinds; the fake filter adds the missing research caveat
    assert filt["caveat_research"] == 1.0 and filt["caveat_carry"] >= model["caveat_carry"]
    assert report["rows"]["LEAD-3"]["outline_exact"] is None and report["rows"]["LexRank"]["model_share"] == 0.0
    md = ev.format_table(report, markdown=True).splitlines()
    assert md[0].startswith("| system |") and len(md[0].split("|")) == len(ev.COLUMNS) + 3


def test_cli_eval_on_a_folder(articles, tiny_model_dir, tmp_path):
    from summarize.cli import main

    out = tmp_path / "report.json"
    res = CliRunner().invoke(main, ["-q", "eval", "--model", str(tiny_model_dir), "--data", str(articles),
                                    "--beams", "1", "--limit", "1", "--out", str(out)])
    assert res.exit_code == 0, res.output
    for system in ev.SYSTEMS:
        assert system in res.output
    report = json.loads(out.read_text())
    assert report["n_docs"] == 1 and report["rows"]["model+filter"] is not None
    assert report["rows"]["model"]["caveat_carry"] is not None


def test_cli_eval_bad_data_is_a_usage_error(tiny_model_dir, tmp_path):
    from summarize.cli import main

    res = CliRunner().invoke(main, ["eval", "--model", str(tiny_model_dir), "--data", str(tmp_path / "nope")])
    assert res.exit_code == 2 and "not a folder" in res.output


def test_model_plus_filter_is_the_pipeline_and_the_model_runs_once(articles, tiny_model_dir, fake_caveats, monkeypatch):
    from summarize.models.loading import Seq2SeqModel
    from summarize.pipeline import Summarizer

    model = Seq2SeqModel(str(tiny_model_dir))
    calls = []
    real = model.generate
    monkeypatch.setattr(model, "generate", lambda texts, **kw: calls.append(kw.get("task")) or real(texts, **kw))
    report = ev.evaluate(str(articles), model=model, beams=1, max_words=40, progress=False)
    n_model_calls = len(calls)
    direct = Summarizer(model, beams=1, max_words=40)  # the shipped pipeline, filter on
    docs, _ = ev.house_docs(articles)
    for doc, row in zip(docs, report["docs"]):
        assert row["model+filter"] == direct.summarize(doc.draft).lead
        assert row["model"] == Summarizer(model, beams=1, max_words=40, caveat_policy=False).summarize(doc.draft).lead
    # evaluate generated each draft's lead once (not again for model+filter), plus the headings
    assert n_model_calls == len(docs) + 1


def test_editor_columns_coherence_novel_bigrams_and_tasks():
    docs = [ev.EvalDoc("a", "Valerian is a herb used for sleep. It may cause headaches.", "Valerian is a herb.")] * 2
    outs = [ev.Output("Valerian is a herb used for sleep. It may cause headaches.", 1.0, ["model", "extract"],
                      tasks=["fuse"]),
            ev.Output("This article explores valerian. Valerian may cause bad headaches.", 1.0, ["model", "model"],
                      tasks=["rewrite", "decontextualize"])]
    row = ev.score_system(docs, outs)
    assert row["coherent"] == 0.5 and row["defects"] == {"meta": 1}
    assert row["task_shares"] == {"decontextualize": 0.25, "fuse": 0.25, "rewrite": 0.25}
    assert ev.novel_bigrams("valerian may cause bad headaches", "Valerian may cause headaches.") == (2, 4)
    assert 0 < row["novel_bigrams"] < 1


def test_medquad_web_drafts_have_furniture_and_a_reference(tmp_path):
    import gzip

    from summarize.corpus.datasets import split_of

    urls = [f"https://example.org/page{i}" for i in range(400)]
    urls = [u for u in urls if split_of(f"medquad:{u}") == "validation"][:2] + ["https://example.org/train"]
    answer = ("Lupus is a disease in which the immune system attacks healthy tissue. It can affect the skin and joints.\n"
              "Doctors treat lupus with medicines that calm the immune system.")
    records = [{"collection": "c", "file": f"{i}.xml", "url": u, "focus": "Lupus",
                "qa": [{"question": "What is lupus?", "answer": answer, "qtype": "information"},
                       {"question": "How is lupus treated?", "answer": "Treatment depends on symptoms. "
                        "Some people need steroids for flares.\nRest and sun protection help too."}]}
               for i, u in enumerate(urls)]
    (tmp_path / "data").mkdir()
    with gzip.open(tmp_path / "data" / "medquad.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write("\n".join(json.dumps(r) for r in records) + "\n")
    docs = ev.medquad_web_docs(tmp_path)
    assert len(docs) == 2 and all(split_of(d.doc_id) == "validation" for d in docs)
    d = docs[0]
    assert d.draft.startswith("By ") and "Photo: An illustration of Lupus" in d.draft
    assert "For more information, visit https://example.org/" in d.draft and "Copyright" in d.draft
    assert d.reference == ("Lupus is a disease in which the immune system attacks healthy tissue. "
                           "Treatment depends on symptoms.")


def test_a_spelled_out_abbreviation_is_not_the_models_change():
    from summarize.evaluation.evaluate import _changed
    from summarize.strategies import LeadSentence

    s = LeadSentence("Gradual dose reduction (GDR) may help.", "model", "GDR may help.")
    assert _changed([s]) == [False]
