"""`summarize eval --data FOLDER` on a labelled drafts folder (drafts + KEY.md): the editor's checks."""
from __future__ import annotations

import json
from types import SimpleNamespace

from click.testing import CliRunner

from summarize.corpus.article import OutlineEntry
from summarize.evaluation import labelled
from summarize.strategies import LeadSentence

DRAFT = (
    "Quince syrup sales rise\n"
    "By Ana Ruiz, Health Reporter\n"
    "A bottle of quince syrup on a shelf. Photo: Leo Park/Stock\n"
    "Quince syrup is sold as a cough remedy, and sales have doubled this year.\n"
    "Related: Five winter remedies that work\n"
    "Effects\n"
    "In one small trial, the syrup shortened coughs by a day.\n"
    "Taking it daily can become habit-forming, and some users report rebound coughing when they stop.\n"
    "There is not enough evidence to recommend quince syrup for coughs, the review concluded.\n"
)
KEY = """# KEY

## quince.txt

TITLE: Quince syrup sales rise
FURNITURE:
F: Quince syrup sales rise
F: By Ana Ruiz, Health Reporter
F: A bottle of quince syrup on a shelf. Photo: Leo Park/Stock
F: Related: Five winter remedies that work
HEADINGS:
H: Effects
CAVEATS:
C: [research, minor] In one small trial, the syrup shortened coughs by a day.
C: [dependency, main] Taking it daily can become habit-forming, and some users report rebound coughing when they stop.
C: [research, main] There is not enough evidence to recommend quince syrup for coughs, the review concluded.
CONCLUSION_CAVEAT: There is not enough evidence to recommend quince syrup for coughs, the review concluded.
"""


def _folder(tmp_path):
    (tmp_path / "quince.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "KEY.md").write_text(KEY, encoding="utf-8")
    return tmp_path


def _result(sentences, outline, summary_kinds=(), about_subject=True):
    return SimpleNamespace(lead_sentences=sentences, lead=" ".join(s.text for s in sentences), outline=outline,
                           caveats={"summary_kinds": {k: [{"about_subject": about_subject}] for k in summary_kinds}})


def test_the_key_gives_furniture_and_headings(tmp_path):
    from summarize.evaluation.caveats import read_draft_key

    (entry,) = read_draft_key(_folder(tmp_path))
    assert entry["furniture"][1] == "By Ana Ruiz, Health Reporter" and entry["headings"] == ["Effects"]
    assert entry["conclusion"].startswith("There is not enough evidence")


def test_none_in_the_key_means_no_such_lines(tmp_path):
    from summarize.evaluation.caveats import read_draft_key

    (tmp_path / "KEY.md").write_text("# KEY\n\n## a.txt\n\nFURNITURE:\nF: none\nHEADINGS:\nH: none\n", encoding="utf-8")
    (entry,) = read_draft_key(tmp_path)
    assert entry["furniture"] == [] and entry["headings"] == []


def test_checks_count_furniture_headings_caveats_and_false_alarms(tmp_path):
    from summarize.evaluation.caveats import read_draft_key

    (entry,) = read_draft_key(_folder(tmp_path))
    caption = "A bottle of quince syrup on a shelf."
    opening = "Quince syrup is sold as a cough remedy, and sales have doubled this year."
    sentences = [LeadSentence(opening, "extract", opening, role="opening"),
                 LeadSentence(caption, "extract", caption, role="point"),
                 LeadSentence("The syrup shortened coughs.", "model", "In one small trial, the syrup shortened coughs by a day.")]
    outline = [OutlineEntry("By Ana Ruiz, Health Reporter"), OutlineEntry("Effects")]
    row = labelled.check_draft(entry, _result(sentences, outline, summary_kinds=("research",)))
    assert row["furniture_in_lead"] == [caption]
    assert row["outline_furniture"] == ["By Ana Ruiz, Health Reporter"]
    assert (row["headings_found"], row["headings_labelled"]) == (1, 1)
    assert row["conclusion_in_lead"] is False
    assert row["mandated"]["dependency"] == {"labelled": True, "in_lead": False}
    assert row["mandated"]["research"] == {"labelled": True, "in_lead": True}  # the minor one, by the key
    assert row["changed"] == [1, 1] and row["false_alarms"] == []

    conclusion = entry["conclusion"]
    sentences.append(LeadSentence("There is not enough evidence to recommend quince syrup for coughs.", "caveat",
                                  conclusion, role="caveat"))
    row = labelled.check_draft(entry, _result(sentences, outline[1:], summary_kinds=("research", "dependency")))
    assert row["conclusion_in_lead"] is True and row["outline_furniture"] == []
    assert row["added_words"] == 11 and row["caveat_words"] == 11
    T = labelled.totals([row])
    assert T["conclusion_in_lead"] == [1, 1] and T["research_in_lead"] == [1, 1] and T["dependency_in_lead"] == [0, 1]
    assert T["furniture_in_lead"] == 1


def test_a_heading_also_listed_in_a_table_of_contents_is_not_outline_furniture(tmp_path):
    from summarize.evaluation.caveats import read_draft_key

    (entry,) = read_draft_key(_folder(tmp_path))
    entry["furniture"] += ["Effects", "Shop now"]  # the page's "In this article" box prints the heading too
    row = labelled.check_draft(entry, _result([], [OutlineEntry("Effects"), OutlineEntry("Shop now")]))
    assert row["outline_furniture"] == ["Shop now"] and row["headings_found"] == 1


def test_a_lead_sentence_counts_as_written_from_the_draft_sentence_at_its_offsets(tmp_path):
    # a name restored into it ("…, Ana Ruiz said") makes its text no substring of the draft's
    from summarize.evaluation.caveats import read_draft_key

    (entry,) = read_draft_key(_folder(tmp_path))
    sentence = "Taking it daily can become habit-forming, and some users report rebound coughing when they stop."
    restored = sentence[:-1] + ", Ana Ruiz said."
    at = DRAFT.index(sentence)
    lead = [LeadSentence(restored, "extract", restored, at, at + len(sentence), role="caveat")]
    result = _result(lead, [])
    assert labelled.check_draft(entry, result)["mandated"]["dependency"]["in_lead"] is False
    result.article = SimpleNamespace(text=DRAFT)
    assert labelled.check_draft(entry, result)["mandated"]["dependency"]["in_lead"] is True


def test_a_furniture_line_inside_a_prose_sentence_is_not_glued_furniture():
    prose = "Researchers at the University of Greymoor gave older mice the compound for 12 weeks."
    glued = "University of Greymoor Older mice given the compound did better on memory tests."
    got = labelled.furniture_sentences([LeadSentence(prose, "extract", prose), LeadSentence(glued, "extract", glued)],
                                       ["University of Greymoor"])
    assert got == [glued]


def test_a_reported_kind_the_key_lacks_is_a_false_alarm(tmp_path):
    from summarize.evaluation.caveats import read_draft_key

    (entry,) = read_draft_key(_folder(tmp_path))
    entry["caveats"] = [c for c in entry["caveats"] if "dependency" not in c["kinds"]]
    opening = "Quince syrup is sold as a cough remedy, and sales have doubled this year."
    row = labelled.check_draft(entry, _result([LeadSentence(opening, "extract", opening)], [], ("dependency",)))
    assert row["false_alarms"] == ["dependency"] and labelled.totals([row])["false_alarms"]["dependency"] == 1
    # a mention the filter reports as about another substance ("Unlike sleeping pills, which can
    # be habit-forming, …") is no claim that the lead carries the kind
    row = labelled.check_draft(entry, _result([LeadSentence(opening, "extract", opening)], [], ("dependency",),
                                              about_subject=False))
    assert row["false_alarms"] == []


def test_cli_eval_on_a_labelled_folder(tmp_path, tiny_model_dir):
    from summarize.cli import main

    (tmp_path / "labelled").mkdir()
    folder = _folder(tmp_path / "labelled")
    out = tmp_path / "report.json"
    res = CliRunner().invoke(main, ["-q", "eval", "--model", str(tiny_model_dir), "--data", str(folder),
                                    "--beams", "1", "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert "quince.txt" in res.output and "conclusion-level caveat in the lead" in res.output
    report = json.loads(out.read_text())
    assert report["totals"]["drafts"] == 1 and report["drafts"][0]["file"] == "quince.txt"
    # the byline, caption and related link are set aside before anything reads the draft
    assert report["totals"]["furniture_in_lead"] == 0 and report["totals"]["outline_furniture"] == 0


def test_cli_eval_names_a_draft_the_key_lists_but_the_folder_lacks(tmp_path, tiny_model_dir):
    from summarize.cli import main

    folder = _folder(tmp_path)
    (folder / "KEY.md").write_text(KEY + "\n## missing.txt\n\nCONCLUSION_CAVEAT: none\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["-q", "eval", "--model", str(tiny_model_dir), "--data", str(folder), "--beams", "1"])
    assert res.exit_code == 1
    assert "missing.txt" in res.output and "quince.txt" in res.output


def test_a_run_in_label_keyed_with_its_colon_matches_its_outline_entry(tmp_path):
    from summarize.evaluation.caveats import read_draft_key

    (entry,) = read_draft_key(_folder(tmp_path))
    entry["headings"] = ["Effects:"]
    opening = "Quince syrup is sold as a cough remedy, and sales have doubled this year."
    row = labelled.check_draft(entry, _result([LeadSentence(opening, "extract", opening, role="opening")],
                                              [OutlineEntry("Effects")]))
    assert (row["headings_found"], row["headings_labelled"]) == (1, 1)
