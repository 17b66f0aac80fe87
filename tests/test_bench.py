"""The bench's rows and sizes (timings themselves are measured by `summarize bench`, not here)."""
from __future__ import annotations

import json

from click.testing import CliRunner

from conftest import PLAIN_DRAFT
from summarize.cli import main
from summarize.corpus.parse import parse_article
from summarize.evaluation import bench


def test_rows_have_the_documented_keys_and_count_startup(tiny_model_dir):
    opts = bench.BenchOptions(model=str(tiny_model_dir), beams=1, batch_size=2)
    raw = bench._run_summarize([PLAIN_DRAFT, PLAIN_DRAFT], opts)
    row = bench.bench_row("summarize", raw)
    assert tuple(row) == bench.ROW_KEYS
    assert row["drafts_per_min"] < 60 * 2 / raw["wall_s"] + 1e-6  # start-up is in the wall time
    assert row["s_per_draft_p50"] <= row["s_per_draft_p95"]
    assert row["peak_rss_mb"] > 0


def test_percentiles():
    raw = {"startup_s": 1.0, "wall_s": 9.0, "per_draft": [float(i) for i in range(1, 21)], "peak_rss_mb": 1.0}
    row = bench.bench_row("x", raw)
    assert (row["drafts_per_min"], row["s_per_draft_p50"], row["s_per_draft_p95"]) == (120.0, 11.0, 19.0)


def test_systems_include_the_required_rows_and_accept_more():
    assert {"naive", "summarize", "summarize-int8", "ray-1", "ray-2"} <= set(bench.SYSTEMS)
    bench.register_system("ray-test", bench._run_naive)
    try:
        assert "ray-test" in bench.SYSTEMS
    finally:
        del bench.SYSTEMS["ray-test"]


def test_synthetic_drafts_have_the_asked_paragraph_count():
    article = parse_article(bench.synthetic_draft(100))
    assert len(list(article.paragraphs())) == 100


def test_cli_refuses_an_unknown_system(tmp_path):
    (tmp_path / "a.txt").write_text(PLAIN_DRAFT)
    res = CliRunner().invoke(main, ["bench", str(tmp_path), "--system", "nope"])
    assert res.exit_code == 2 and "unknown system" in res.output


def test_the_gpu_row_runs_by_default_only_where_a_gpu_is_visible(monkeypatch):
    import torch

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert "summarize-gpu-bf16" in bench.SYSTEMS and "summarize-gpu-bf16" not in bench.default_systems()
    assert "summarize" in bench.default_systems()
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert "summarize-gpu-bf16" in bench.default_systems()


def test_rows_give_drafts_per_second_for_the_gpu_row():
    raw = {"startup_s": 1.0, "wall_s": 1.0, "per_draft": [0.01] * 10, "peak_rss_mb": 1.0}
    row = bench.bench_row("summarize-gpu-bf16", raw)
    assert row["drafts_per_s"] == 5.0 and "drafts/s" in bench.format_table([row])
