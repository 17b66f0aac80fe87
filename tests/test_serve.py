"""The review desk's routes and API, with a fake summarizer (no model) so they run fast.

The fake writes a real ``Result``: the draft's first sentence as a "model" sentence, then the
real caveat filter adds what is missing, so the pages see the shapes the pipeline produces.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarize.caveats import CaveatFilter
from summarize.corpus.parse import DraftError, parse_article
from summarize.corpus.text import split_sentences
from summarize.pipeline import Result, apply_caveats
from summarize.serve import MAX_REQUEST_BYTES, create_app
from summarize.strategies import LeadSentence

from conftest import PLAIN_DRAFT, write_draft_folder

SCRIPT_DRAFT = (
    "Kava <script>alert('x')</script> is a drink made from a root <b>bold</b>.\n\n"
    "It may ease anxiety, but more research is needed before firm conclusions can be drawn.\n\n"
    "Kava can interact with alcohol and with sedatives."
)


class FakeSummarizer:
    """text -> Result, like ``Summarizer.__call__``; counts its calls."""

    def __init__(self):
        self.filter = CaveatFilter()
        self.calls = 0

    def __call__(self, text: str) -> Result:
        self.calls += 1
        if "UNUSABLE" in text:
            raise DraftError("no paragraphs of text found")
        article = parse_article(text)
        para = article.content_paragraphs()[0]
        # (as the pipeline does: the draft's reading view, markup blanked out)
        first = split_sentences(article.readable[para.start:para.end])[0]
        start = para.start + first.start
        text = " ".join(first.text.split())
        sentences = [LeadSentence(text, "model", text, start, start + len(first.text))]
        sentences, report = apply_caveats(self.filter, article, sentences)
        article.lead = " ".join(s.text for s in sentences)
        article.outline = article.headings_outline()
        return Result(article, sentences, report, "fake")


@pytest.fixture(scope="module")
def fake():
    return FakeSummarizer()


@pytest.fixture
def folders(tmp_path):
    drafts = write_draft_folder(tmp_path / "drafts", markdown=False)
    (drafts / "kava.txt").write_text(SCRIPT_DRAFT, encoding="utf-8")
    (drafts / "broken.txt").write_text("UNUSABLE draft.", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("TOP SECRET outside the folder", encoding="utf-8")
    return drafts, tmp_path / "out"


@pytest.fixture
def app(folders, fake):
    drafts, out = folders
    app = create_app(drafts, out, fake, trusted_hosts=["localhost", "127.0.0.1"])
    yield app
    app.extensions["desk"].stop()


@pytest.fixture
def client(app):
    return app.test_client()


def summarized(app, client, name="chamomile"):
    r = client.post(f"/api/summarize/{name}", json={})
    assert r.status_code == 200 and r.get_json()["queued"] == 1
    app.extensions["desk"].wait(timeout=30)
    return app.extensions["desk"].entry(name)


def test_list_shows_names_words_and_status(client):
    r = client.get("/")
    assert r.status_code == 200
    page = r.get_data(as_text=True)
    for name in ("chamomile", "sub/magnesium", "kava", "broken"):
        assert f'data-name="{name}"' in page
    assert ">new<" in page
    # word counts are shown (the plain draft has 67 words by the project's word rule)
    from summarize.corpus.text import word_count

    assert f'<td class="num">{word_count(PLAIN_DRAFT)}</td>' in page


def test_summarize_all_new_runs_in_the_worker_and_reports_progress(app, client):
    r = client.post("/api/summarize-new", json={})
    assert r.get_json()["queued"] == 4
    app.extensions["desk"].wait(timeout=30)
    status = client.get("/api/status").get_json()
    assert status["done"] == status["total"] == 4 and not status["busy"]
    assert status["drafts"]["chamomile"]["status"] == "summarized"
    assert status["drafts"]["broken"] == {"status": "failed", "reason": "no paragraphs of text found"}
    page = client.get("/?status=failed").get_data(as_text=True)
    assert 'data-name="broken"' in page and 'data-name="chamomile"' not in page
    assert "no paragraphs of text found" in page


def test_filter_rejects_unknown_status(client):
    assert client.get("/?status=bogus").status_code == 400


def test_draft_view_links_sentences_badges_caveats_and_outline(app, client):
    entry = summarized(app, client)
    page = client.get("/draft/chamomile").get_data(as_text=True)
    sources = [s["source"] for s in entry.data["lead_sentences"]]
    assert sources[0] == "model" and "caveat" in sources
    for i, _ in enumerate(sources):
        assert f'data-i="{i}"' in page  # each lead sentence ...
        assert f'data-src=" {i} "' in page or f" {i} " in page  # ... and its source span
    assert 'class="badge badge-model"' in page and 'class="badge badge-caveat"' in page
    for kind in entry.data["caveats"]["source_kinds"]:
        assert f"cav cav-{kind}" in page  # highlighted in the draft and in the legend
    assert "What the filter changed" in page and "<h4>Added</h4>" in page
    assert "How It May Affect Sleep" in page  # the outline


def test_generated_headings_and_gate_rejections_are_marked(app, client, fake, monkeypatch):
    real = fake.__call__

    def with_generated(text):
        result = real(text)
        result.article.outline[0].generated = True
        first = result.lead_sentences[0]
        first.source, first.rejected, first.reasons = "extract", "A made-up claim.", ["adds a number not in the draft"]
        return result

    monkeypatch.setattr(FakeSummarizer, "__call__", lambda self, text: with_generated(text))
    summarized(app, client)
    page = client.get("/draft/chamomile").get_data(as_text=True)
    assert "badge-generated" in page
    assert "Gate rejections" in page and "adds a number not in the draft" in page and "A made-up claim." in page


def test_script_in_a_draft_is_shown_as_text(app, client):
    for step in ("new", "summarized"):
        if step == "summarized":
            entry = summarized(app, client, "kava")
            assert "<script>" not in entry.data["lead"]  # HTML is set aside by the parser, never lead material
        page = client.get("/draft/kava").get_data(as_text=True)
        assert "<script>alert" not in page and "<b>bold" not in page
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    listing = client.get("/").get_data(as_text=True)
    assert "<script>alert" not in listing


@pytest.mark.parametrize("url", [
    "/draft/../secret", "/draft/%2e%2e/secret", "/draft/%2e%2e%2fsecret", "/draft/..%2fsecret",
    "/draft/sub/%2e%2e/%2e%2e/secret", "/draft//etc/passwd", "/draft/%2fetc%2fpasswd",
    "/download/json/..%2f..%2fsecret", "/download/md/%2Fetc%2Fpasswd",
])
def test_path_traversal_is_refused(client, url):
    r = client.get(url, follow_redirects=True)
    assert r.status_code == 404
    body = r.get_data(as_text=True)
    assert "TOP SECRET" not in body and "root:" not in body and "Traceback" not in body


@pytest.mark.parametrize("name", ["..%2fsecret", "%2e%2e%2fsecret", "/etc/passwd", "%2Ftmp%2Fx"])
def test_api_traversal_is_refused_and_writes_nothing(client, folders, name):
    drafts, out = folders
    r = client.post(f"/api/accept/{name}", json={"lead": "x"}, follow_redirects=True)
    assert r.status_code == 404 and r.get_json()["error"] == "Not Found"
    assert not out.exists() or not any(out.rglob("*"))


def test_edited_lead_is_rechecked(app, client):
    entry = summarized(app, client)
    caveats = [s["text"] for s in entry.data["lead_sentences"] if s["source"] == "caveat"]
    lead = entry.data["lead"]
    ok = client.post("/api/check/chamomile", json={"lead": lead}).get_json()
    assert ok["passed"] and ok["missing"] == [] and ok["overclaims"] == []
    cut = lead
    for c in caveats:
        cut = cut.replace(c, "")
    missing = client.post("/api/check/chamomile", json={"lead": cut}).get_json()
    assert not missing["passed"] and missing["missing"]
    assert all(k in missing["labels"] for k in missing["missing"])
    over = client.post("/api/check/chamomile", json={"lead": lead + " Chamomile is completely safe."}).get_json()
    assert not over["passed"] and any("completely safe" in o["text"] for o in over["overclaims"])
    # unchanged sentences keep their provenance, new ones are the editor's
    assert over["sentences"][0]["source"] == "model" and over["sentences"][-1]["source"] == "editor"


def test_accept_writes_house_file_and_json_atomically(app, client, folders):
    drafts, out = folders
    entry = summarized(app, client, "sub/magnesium")
    edited = entry.data["lead"].replace("Magnesium is", "Magnesium, a mineral, is", 1)
    r = client.post("/api/accept/sub/magnesium", json={"lead": edited})
    assert r.status_code == 200
    txt, js = out / "sub" / "magnesium.txt", out / "sub" / "magnesium.json"
    house = txt.read_text(encoding="utf-8")
    assert house.splitlines()[0] == edited.strip()
    assert house.endswith(PLAIN_DRAFT.split("\n\n")[-1])  # the draft's body, byte for byte
    data = json.loads(js.read_text(encoding="utf-8"))
    assert data["lead"] == edited and data["edited"] and data["accepted"]
    assert data["lead_sentences"][0]["source"] == "editor"
    assert data["draft_sha256"] and data["house"] == house
    assert not [p for p in out.rglob(".*.tmp")]  # no temp files left behind
    assert list(drafts.rglob("*.json")) == []  # nothing written next to the drafts
    # a fresh desk over the same folders knows it was accepted
    again = create_app(drafts, out, FakeSummarizer())
    assert again.extensions["desk"].entry("sub/magnesium").status == "accepted"
    again.extensions["desk"].stop()


def test_accept_anyway_records_the_failed_check(app, client, folders):
    _, out = folders
    summarized(app, client)
    r = client.post("/api/accept/chamomile", json={"lead": "Chamomile is a tea."})
    assert r.status_code == 200
    data = json.loads((out / "chamomile.json").read_text(encoding="utf-8"))
    assert data["lead_check"]["passed"] is False and data["lead_check"]["missing"]


def test_accept_before_summarizing_is_refused(client, folders):
    r = client.post("/api/accept/chamomile", json={"lead": "x"})
    assert r.status_code == 409
    assert not folders[1].exists()


def test_downloads(app, client):
    summarized(app, client)
    md = client.get("/download/md/chamomile")
    assert md.status_code == 200 and md.mimetype == "text/markdown"
    assert 'filename="chamomile.md"' in md.headers["Content-Disposition"]
    js = client.get("/download/json/chamomile")
    assert js.get_json()["lead"] in md.get_data(as_text=True)
    assert client.get("/download/exe/chamomile").status_code == 404


def test_posts_need_json_and_limited_size(app, client):
    summarized(app, client)
    assert client.post("/api/check/chamomile", data="lead=x").status_code == 415  # no cross-site forms
    assert client.post("/api/check/chamomile", json={"lead": 5}).status_code == 400
    big = client.post("/api/check/chamomile", data="x" * (MAX_REQUEST_BYTES + 1), content_type="application/json")
    assert big.status_code == 413
    assert app.config["MAX_CONTENT_LENGTH"] == MAX_REQUEST_BYTES


def test_foreign_host_header_is_refused(client):
    # DNS rebinding: a page on evil.example resolving to 127.0.0.1 must not read the drafts
    r = client.get("/", headers={"Host": "evil.example"})
    assert r.status_code == 400


def test_errors_are_pages_without_traceback(app, client, monkeypatch):
    r = client.get("/no/such/page")
    assert r.status_code == 404 and "Back to the drafts" in r.get_data(as_text=True)
    assert client.get("/api/nothing").get_json()["error"] == "Not Found"

    def boom(*_):
        raise RuntimeError("secret internals")

    monkeypatch.setattr("summarize.serve.review.parse", boom)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    r = client.get("/draft/chamomile")
    body = r.get_data(as_text=True)
    assert r.status_code == 500 and "secret internals" not in body and "Traceback" not in body
    assert "Internal error" in body
    assert app.debug is False


def test_a_link_out_of_the_folder_is_not_listed(folders, fake):
    drafts, out = folders
    (drafts / "escape.txt").symlink_to(drafts.parent / "secret.txt")
    app = create_app(drafts, out, fake)
    client = app.test_client()
    assert 'data-name="escape"' not in client.get("/").get_data(as_text=True)
    assert client.get("/draft/escape").status_code == 404
    app.extensions["desk"].stop()


def test_outputs_folder_is_not_read_as_drafts(folders, fake):
    drafts, _ = folders
    out = drafts / "finished"
    out.mkdir()
    (out / "old.txt").write_text(PLAIN_DRAFT, encoding="utf-8")
    app = create_app(drafts, out, fake)
    assert "finished/old" not in dict(app.extensions["desk"].entries())
    app.extensions["desk"].stop()


def test_real_summarizer_result_fits_the_desk(tiny_model_dir, folders):
    """The adapter against the real pipeline (tiny random model): the page renders."""
    from summarize.pipeline import Summarizer

    drafts, out = folders
    app = create_app(drafts, out, Summarizer(model=str(tiny_model_dir), beams=1))
    client = app.test_client()
    summarized(app, client)
    assert client.get("/draft/chamomile").status_code == 200
    assert client.post("/api/accept/chamomile", json={"lead": app.extensions["desk"].entry("chamomile").data["lead"]}).status_code == 200
    assert Path(out / "chamomile.txt").is_file()
    app.extensions["desk"].stop()


def test_caveat_sentences_listed_as_added_even_when_the_last_report_missed_them():
    # the pipeline re-runs the filter after trimming a long lead; that last report's "added"
    # is empty, but the lead's provenance still says which sentences the filter put in
    from summarize.serve.view import added_caveats

    data = {"lead_sentences": [{"text": "A tea.", "source": "model"},
                               {"text": "More research is needed.", "source": "caveat", "source_text": "More research is needed."}],
            "caveats": {"added": [], "summary_kinds": {"research": [{"sentence": "More research is needed."}]}}}
    assert added_caveats(data) == [{"text": "More research is needed.", "kinds": ["research"], "default": False,
                                    "source_text": "More research is needed."}]


def test_heading_lines_are_marked(app, client):
    page = client.get("/draft/chamomile").get_data(as_text=True)
    assert '<span class="seg heading">How It May Affect Sleep</span>' in page


def test_a_draft_edited_on_disk_after_summarizing_is_new_again(app, client, folders):
    drafts, out = folders
    lead = summarized(app, client).data["lead"]
    (drafts / "chamomile.txt").write_text("Chamomile is a tea.\n\nIt may help sleep, but research is limited.",
                                          encoding="utf-8")
    page = client.get("/draft/chamomile").get_data(as_text=True)
    assert 'id="draft-status">new<' in page and "Not summarized yet." in page
    r = client.post("/api/accept/chamomile", json={"lead": lead})
    assert r.status_code == 409 and not out.exists()


def test_serve_command_fails_cleanly_on_a_bad_model(tmp_path):
    from click.testing import CliRunner

    from summarize.cli import main

    (tmp_path / "d.txt").write_text(PLAIN_DRAFT, encoding="utf-8")
    r = CliRunner().invoke(main, ["serve", str(tmp_path), "--model", str(tmp_path / "no-model"), "--port", "0"])
    assert r.exit_code == 2 and "error:" in r.output and "Traceback" not in r.output
