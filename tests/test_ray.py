"""The Ray engine writes exactly what the local engine writes (a local Ray, 2 CPUs, tiny model)."""
import json

import pytest
import ray
from click.testing import CliRunner

from summarize.cli import main
from summarize.runner import VOLATILE_JSON_FIELDS
from conftest import house_draft, write_draft_folder

RAY_CPUS = 2


@pytest.fixture(scope="module", autouse=True)
def local_ray():
    # One Ray for the whole module: starting it costs seconds.
    ray.init(num_cpus=RAY_CPUS, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def _snapshot(out):
    files = {}
    for p in sorted(out.rglob("*")):
        if p.is_file():
            data = p.read_bytes()
            if p.suffix == ".json":
                record = json.loads(data)
                for key in VOLATILE_JSON_FIELDS:
                    record.pop(key)
                data = record
            files[str(p.relative_to(out))] = data
    return files


def test_ray_outputs_equal_local_outputs_and_errors_are_reported(tmp_path, tiny_model_dir):
    d = write_draft_folder(tmp_path / "drafts")
    (d / "empty.txt").write_text("", encoding="utf-8")
    common = ["run", str(d), "--model", str(tiny_model_dir), "--beams", "1"]
    runs = {}
    for engine in ("local", "ray"):
        out = tmp_path / engine
        res = CliRunner().invoke(main, [*common, "--out", str(out), "--engine", engine, "--workers", "2"],
                                 catch_exceptions=False)
        assert res.exit_code == 1, res.stderr
        assert [l for l in res.stderr.splitlines() if l.startswith("error:")] == [f"error: {d / 'empty.txt'}: empty file"]
        assert "3 written, 0 skipped (up to date), 1 failed" in res.stderr
        runs[engine] = _snapshot(out)
    assert sorted(runs["ray"]) == ["chamomile.json", "chamomile.txt", "sub/magnesium.json", "sub/magnesium.txt",
                                   "valerian.json", "valerian.txt"]
    assert runs["ray"] == runs["local"]
    # --resume on the Ray engine trusts the local engine's outputs: they are the same.
    res = CliRunner().invoke(main, [*common, "--out", str(tmp_path / "local"), "--engine", "ray", "--resume",
                                    "--workers", "1"], catch_exceptions=False)
    assert res.exit_code == 1 and "0 written, 3 skipped (up to date), 1 failed" in res.stderr, res.stderr


def test_an_actor_that_cannot_load_the_model_reports_fatal(tmp_path):
    # The actor class called in-process: the fatal path without another actor start-up.
    from summarize.ray_engine import FATAL, DraftWorker
    from summarize.runner import RunOptions

    draft = tmp_path / "a.txt"
    draft.write_text(house_draft(), encoding="utf-8")
    (tmp_path / "no-model").mkdir()
    worker = DraftWorker({**RunOptions(model=str(tmp_path / "no-model")).__dict__})
    window = [{"draft": str(draft), "json": str(tmp_path / "a.json"), "txt": str(tmp_path / "a.out.txt")}]
    rows = worker({"window": [json.dumps(window)]})
    assert rows["status"] == [FATAL] and "no .safetensors" in rows["message"][0]
    assert not (tmp_path / "a.json").exists()


def test_bench_ray_row_times_every_draft(tiny_model_dir):
    from summarize.evaluation import bench

    raw = bench._run_ray_2([house_draft(), house_draft()], bench.BenchOptions(model=str(tiny_model_dir), beams=1))
    row = bench.bench_row("ray-2", raw)
    assert tuple(row) == bench.ROW_KEYS and len(raw["per_draft"]) == 2 and all(s > 0 for s in raw["per_draft"])
