"""Benchmark: `summarize` on a batch of drafts vs the naive one-at-a-time transformers loop.

Each system runs in its own fresh process, so peak RSS is that system's own. The naive
baseline is what a user would write by hand with transformers v5 (which has no
summarization pipeline): tokenizer + ``model.generate`` per draft, whole draft in, truncated
to the context, same model and beam width. Usage: ``summarize bench DRAFTS... [--model M]``.
"""
from __future__ import annotations

import json
import multiprocessing as mp
import resource
import sys
import time
from pathlib import Path

import click


def _load_texts(paths: list[str], limit: int | None) -> list[tuple[str, str]]:
    from summarize.io import InputError, collect_drafts, read_draft

    drafts, _ = collect_drafts(paths)
    texts = []
    for d in drafts[: limit or None]:
        try:
            texts.append((str(d.path), read_draft(d.path)))
        except InputError as exc:
            click.echo(f"skipped: {exc}", err=True)
    return texts


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _run_summarize(texts, model, device, strategy, beams):
    from summarize.pipeline import Summarizer

    t_load = time.perf_counter()
    s = Summarizer(model=model, device=device, strategy=strategy, beams=beams)
    load = time.perf_counter() - t_load
    s.summarize(texts[0][1])  # warm-up (first call pays lazy initialisation)
    per = []
    for _, text in texts:
        t0 = time.perf_counter()
        s.summarize(text)
        per.append(time.perf_counter() - t0)
    return ({"system": f"summarize ({strategy})", "load_s": load, "per_draft": per, "peak_rss_mb": _peak_rss_mb()})


def _run_naive(texts, model, device, beams):
    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    import summarize.models.tied  # noqa: F401  the shipped model's type must be registered for the Auto classes
    from summarize.models.loading import default_model_path

    name = model or str(default_model_path())
    t_load = time.perf_counter()
    tok = AutoTokenizer.from_pretrained(name)
    m = AutoModelForSeq2SeqLM.from_pretrained(name, use_safetensors=True).float().to(device).eval()
    load = time.perf_counter() - t_load
    params = (m.config.task_specific_params or {}).get("summarization", {})
    prefix = params.get("prefix", "")

    dec = getattr(m.config, "decoder", None) or m.config
    max_new = min(160, (getattr(dec, "max_position_embeddings", None) or 1024) - 2)

    def one(text):
        enc = tok(prefix + text, return_tensors="pt", truncation=True, max_length=min(tok.model_max_length, 512))
        enc = {k: v.to(device) for k, v in enc.items() if k in ("input_ids", "attention_mask")}
        with torch.inference_mode():
            out = m.generate(**enc, num_beams=beams, max_new_tokens=max_new)
        return tok.decode(out[0], skip_special_tokens=True)

    one(texts[0][1])
    per = []
    for _, text in texts:
        t0 = time.perf_counter()
        one(text)
        per.append(time.perf_counter() - t0)
    return ({"system": "naive transformers loop", "load_s": load, "per_draft": per, "peak_rss_mb": _peak_rss_mb()})


def _in_process(target, *args) -> dict:
    """Run one system in a fresh process (its own peak RSS); its exceptions re-raise here."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=1, mp_context=mp.get_context("spawn")) as pool:
        return pool.submit(target, *args).result()


def run_bench(paths, model=None, device="cpu", strategy="rewrite", beams=4, limit=None, as_json=False) -> list[dict]:
    import torch

    texts = _load_texts(paths, limit)
    if not texts:
        click.echo("error: no readable drafts to benchmark", err=True)
        sys.exit(2)
    rows = [
        _in_process(_run_summarize, texts, model, device, strategy, beams),
        _in_process(_run_naive, texts, model, device, beams),
    ]
    for r in rows:
        per = r.pop("per_draft")
        r.update(drafts=len(per), seconds_per_draft=sum(per) / len(per), drafts_per_min=60 * len(per) / sum(per),
                 max_seconds=max(per))
    meta = {"device": device, "torch_threads": torch.get_num_threads(), "beams": beams,
            "model": model or "models/default", "drafts": len(texts)}
    if as_json:
        click.echo(json.dumps({"meta": meta, "rows": rows}, indent=2))
    else:
        click.echo(f"{len(texts)} drafts, model {meta['model']}, device {device}, {meta['torch_threads']} torch threads, beams {beams}")
        click.echo(f"{'system':<28}{'drafts/min':>11}{'s/draft':>9}{'max s':>8}{'load s':>8}{'peak RSS MB':>13}")
        for r in rows:
            click.echo(f"{r['system']:<28}{r['drafts_per_min']:>11.1f}{r['seconds_per_draft']:>9.2f}"
                       f"{r['max_seconds']:>8.2f}{r['load_s']:>8.1f}{r['peak_rss_mb']:>13.0f}")
    return rows

