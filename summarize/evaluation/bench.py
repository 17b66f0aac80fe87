"""Benchmark: `summarize` on a batch of drafts vs the naive one-at-a-time transformers loop.

Each system runs in its own spawned process, so start-up (imports + model load) and peak RSS
are that system's own. ``drafts_per_min`` counts start-up in the wall time. The naive baseline
is what a user would write by hand with transformers: tokenizer + ``model.generate`` per draft,
whole draft in, truncated to the context, same model and beam width.

``SYSTEMS`` lists the rows; another engine adds its own with ``register_system(name, fn)``,
where ``fn(texts, options) -> {"startup_s", "wall_s", "per_draft", "peak_rss_mb"}`` is a
module-level function (it is pickled into the spawned process).

``run_sizes`` times one draft of 1 to 10,000 paragraphs (and 1-5 MB) to show that the cost per
draft grows linearly with its size.
"""
from __future__ import annotations

import multiprocessing as mp
import resource
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from summarize.batching import DRAFTS_AT_ONCE
from summarize.models.loading import DEFAULT_BEAMS

ROW_KEYS = ("system", "drafts_per_min", "s_per_draft_p50", "s_per_draft_p95", "startup_s", "peak_rss_mb",
            "drafts_per_s")
DEFAULT_SIZES = (1, 10, 100, 1000, 10000)
DEFAULT_MB = (1, 2, 5)


@dataclass
class BenchOptions:
    model: str | None = None
    device: str = "cpu"
    beams: int = DEFAULT_BEAMS
    batch_size: int = DRAFTS_AT_ONCE  # drafts sharing one model batch (Summarizer.pipe)
    extra: dict[str, Any] = field(default_factory=dict)


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _run_summarize(texts: list[str], opts: BenchOptions, quantize: str | None = None) -> dict:
    t0 = time.perf_counter()
    from summarize.pipeline import Summarizer

    s = Summarizer(model=opts.model, device=opts.device, beams=opts.beams, quantize=quantize)
    startup = time.perf_counter() - t0
    t1 = time.perf_counter()
    per = [r.seconds for r in s.pipe(texts, batch_size=opts.batch_size)]
    return {"startup_s": startup, "wall_s": time.perf_counter() - t1, "per_draft": per, "peak_rss_mb": _peak_rss_mb()}


def _run_summarize_int8(texts: list[str], opts: BenchOptions) -> dict:
    return _run_summarize(texts, opts, quantize="int8")


def _run_summarize_gpu_bf16(texts: list[str], opts: BenchOptions) -> dict:
    """The local engine on the GPU in bfloat16 (``--device cuda --dtype bfloat16``)."""
    device = opts.device if opts.device.startswith("cuda") else "cuda"
    t0 = time.perf_counter()
    from summarize.pipeline import Summarizer

    s = Summarizer(model=opts.model, device=device, beams=opts.beams, dtype="bfloat16")
    startup = time.perf_counter() - t0
    t1 = time.perf_counter()
    per = [r.seconds for r in s.pipe(texts, batch_size=opts.batch_size)]
    return {"startup_s": startup, "wall_s": time.perf_counter() - t1, "per_draft": per, "peak_rss_mb": _peak_rss_mb()}


def _run_naive(texts: list[str], opts: BenchOptions) -> dict:
    t0 = time.perf_counter()
    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    import summarize.models.tied  # noqa: F401  the shipped model's type must be registered for the Auto classes
    from summarize.models.loading import default_model_path

    name = opts.model or str(default_model_path())
    tok = AutoTokenizer.from_pretrained(name)
    m = AutoModelForSeq2SeqLM.from_pretrained(name, use_safetensors=True).float().to(opts.device).eval()
    startup = time.perf_counter() - t0
    prefix = (m.config.task_specific_params or {}).get("summarization", {}).get("prefix", "")
    dec = getattr(m.config, "decoder", None) or m.config
    max_new = min(160, (getattr(dec, "max_position_embeddings", None) or 1024) - 2)
    per = []
    t1 = time.perf_counter()
    for text in texts:
        t = time.perf_counter()
        enc = tok(prefix + text, return_tensors="pt", truncation=True, max_length=min(tok.model_max_length, 512))
        enc = {k: v.to(opts.device) for k, v in enc.items() if k in ("input_ids", "attention_mask")}
        with torch.inference_mode():
            out = m.generate(**enc, num_beams=opts.beams, max_new_tokens=max_new)
        tok.decode(out[0], skip_special_tokens=True)
        per.append(time.perf_counter() - t)
    return {"startup_s": startup, "wall_s": time.perf_counter() - t1, "per_draft": per, "peak_rss_mb": _peak_rss_mb()}


def _run_ray(texts: list[str], opts: BenchOptions, workers: int) -> dict:
    """The Ray engine (``summarize run --engine ray``) on a local Ray with ``workers`` actors.
    Start-up is Ray's own (``ray.init``); each actor's model load falls in the wall time.
    Peak RSS is the driver's: the actors are Ray's processes, not this one's children."""
    import logging
    import tempfile
    from pathlib import Path

    t0 = time.perf_counter()
    import ray

    from summarize.ray_engine import run_ray
    from summarize.runner import RunOptions, Tally, plan

    started = not ray.is_initialized()  # a caller's Ray (a test's, a cluster's) is used as it is
    if started:
        ray.init(num_cpus=workers, include_dashboard=False, logging_level=logging.WARNING, log_to_driver=False)
    startup = time.perf_counter() - t0
    try:
        with tempfile.TemporaryDirectory(prefix="summarize-bench-") as tmp:
            folder = Path(tmp) / "drafts"
            folder.mkdir()
            for i, text in enumerate(texts):
                (folder / f"d{i:05d}.txt").write_text(text, encoding="utf-8")
            run_opts = RunOptions(model=opts.model, device=opts.device, beams=opts.beams,
                                  quantize=opts.extra.get("quantize"))
            outcomes = []
            t1 = time.perf_counter()
            run_ray(plan([str(folder)], Path(tmp) / "out").jobs, run_opts, outcomes.append, Tally(), workers=workers)
            wall = time.perf_counter() - t1
    finally:
        if started:
            ray.shutdown()
    failed = [o for o in outcomes if o.status != "written"]
    if failed:
        raise RuntimeError(f"the Ray engine failed on {len(failed)} draft(s): {failed[0].message}")
    return {"startup_s": startup, "wall_s": wall, "per_draft": [o.seconds for o in outcomes],
            "peak_rss_mb": _peak_rss_mb()}


def _run_ray_1(texts: list[str], opts: BenchOptions) -> dict:
    return _run_ray(texts, opts, 1)


def _run_ray_2(texts: list[str], opts: BenchOptions) -> dict:
    return _run_ray(texts, opts, 2)


# name -> runner (another engine adds its own with register_system).
SYSTEMS: dict[str, Callable[[list[str], BenchOptions], dict]] = {
    "naive": _run_naive,
    "summarize": _run_summarize,
    "summarize-int8": _run_summarize_int8,
    "ray-1": _run_ray_1,
    "ray-2": _run_ray_2,
    "summarize-gpu-bf16": _run_summarize_gpu_bf16,
}
# Rows that need a GPU: run by default only where one is visible.
GPU_SYSTEMS = {"summarize-gpu-bf16"}


def register_system(name: str, runner: Callable[[list[str], BenchOptions], dict]) -> None:
    SYSTEMS[name] = runner


def default_systems() -> list[str]:
    """Every registered row, the GPU rows only when torch sees a GPU."""
    import torch

    gpu = torch.cuda.is_available()
    return [name for name in SYSTEMS if gpu or name not in GPU_SYSTEMS]


def _in_process(target, *args) -> dict:
    """Run one system in a fresh spawned process; its exceptions re-raise here."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=1, mp_context=mp.get_context("spawn")) as pool:
        return pool.submit(target, *args).result()


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[k]


def bench_row(system: str, raw: dict) -> dict:
    per = raw["per_draft"]
    total = raw["startup_s"] + raw["wall_s"]
    return {"system": system, "drafts_per_min": round(60 * len(per) / total, 2),
            "s_per_draft_p50": round(_percentile(per, 0.5), 3), "s_per_draft_p95": round(_percentile(per, 0.95), 3),
            "startup_s": round(raw["startup_s"], 2), "peak_rss_mb": round(raw["peak_rss_mb"], 1),
            "drafts_per_s": round(len(per) / total, 3)}


def run_bench(texts: list[str], opts: BenchOptions, systems: list[str] | None = None) -> list[dict]:
    return [bench_row(name, _in_process(SYSTEMS[name], texts, opts)) for name in (systems or default_systems())]


def format_table(rows: list[dict]) -> str:
    lines = [f"{'system':<20}{'drafts/min':>11}{'drafts/s':>10}{'p50 s':>8}{'p95 s':>8}{'startup s':>11}"
             f"{'peak RSS MB':>13}"]
    for r in rows:
        lines.append(f"{r['system']:<20}{r['drafts_per_min']:>11.1f}{r['drafts_per_s']:>10.2f}"
                     f"{r['s_per_draft_p50']:>8.2f}{r['s_per_draft_p95']:>8.2f}{r['startup_s']:>11.2f}"
                     f"{r['peak_rss_mb']:>13.0f}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- sizes
_SIZE_SENTENCES = (
    "Magnesium may help some adults fall asleep a little faster.",
    "Low levels have been linked to poor sleep in small studies.",
    "Supplements can cause diarrhea when the dose is high.",
    "People with kidney disease should ask a doctor first.",
)


def synthetic_draft(paragraphs: int) -> str:
    """A headless draft of ``paragraphs`` short paragraphs (about 60 bytes each)."""
    return "\n\n".join(_SIZE_SENTENCES[i % len(_SIZE_SENTENCES)] for i in range(paragraphs)) + "\n"


def _time_sizes(drafts: list[tuple[str, str]], opts: BenchOptions) -> list[dict]:
    from summarize.pipeline import Summarizer

    s = Summarizer(model=opts.model, device=opts.device, beams=opts.beams)
    rows = []
    for label, text in drafts:
        t0 = time.perf_counter()
        s.summarize(text)
        seconds = time.perf_counter() - t0
        rows.append({"draft": label, "bytes": len(text.encode()), "seconds": round(seconds, 2),
                     "ms_per_kb": round(1000 * seconds / max(1, len(text.encode()) / 1024), 2)})
    return rows


def run_sizes(paragraphs=DEFAULT_SIZES, megabytes=DEFAULT_MB, opts: BenchOptions | None = None) -> list[dict]:
    drafts = [(f"{n} paragraphs", synthetic_draft(n)) for n in paragraphs]
    for mb in megabytes:
        n = int(mb * 1_000_000 / len(synthetic_draft(len(_SIZE_SENTENCES)).encode()) * len(_SIZE_SENTENCES))
        drafts.append((f"{mb} MB", synthetic_draft(n)))
    return _in_process(_time_sizes, drafts, opts or BenchOptions())


def format_sizes(rows: list[dict]) -> str:
    lines = [f"{'draft':<18}{'bytes':>11}{'seconds':>10}{'ms/KB':>9}"]
    lines += [f"{r['draft']:<18}{r['bytes']:>11,}{r['seconds']:>10.2f}{r['ms_per_kb']:>9.2f}" for r in rows]
    return "\n".join(lines)
