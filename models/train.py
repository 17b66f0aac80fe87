"""``summarize train --config FILE [--resume] [--output DIR]``: train the seq2seq model.

A ``Seq2SeqTrainer`` run described by a small TOML file (see ``models/configs/default.toml``):
the base model (a tied BERT2BERT warm-started from the offline all-MiniLM-L6-v2, or any
seq2seq checkpoint folder such as the exported ``models/default`` to continue training it), a curriculum of task mixes, lengths, steps, optimiser and
evaluation/save intervals. The run is deterministic: the training stream (task mix, order,
length-grouped batches) is built once, stored in ``DIR/data`` and replayed on ``--resume``.

Writes under ``DIR``: ``checkpoint-N/`` (safetensors), ``log.jsonl`` (loss, learning rate,
validation ROUGE per task, number-copy rate), ``samples.jsonl`` (validation predictions at each
evaluation), ``train_config.toml`` and, at the end, ``final/``.
"""
from __future__ import annotations

import copy
import json
import logging
import math
import random
import re
import sys
import time
import tomllib
from pathlib import Path

from summarize.corpus.tasks import INFERENCE_PREFIXES, PREFIXES, TEACHES

logger = logging.getLogger(__name__)


class ConfigError(ValueError):
    """The training config is unusable (unknown task, bad option, run folder in use)."""


DEFAULTS: dict = {
    "model": {"base": "minilm", "tie_encoder_decoder": True, "freeze": "none", "cross_init": "random"},
    "data": {
        "shared": "",
        "cache_dir": "runs/cache",
        "datasets": ["cochrane", "medquad", "scisummnet", "aclsum"],
        "max_source_length": 96,
        "max_target_length": 64,
        "max_source_length_per_task": {},
        "max_target_length_per_task": {},
        "val_frac": 0.05,
    },
    "phases": [{"fraction": 1.0, "weights": {"copy": 1.0}}],
    "train": {
        "max_steps": 1000,
        "batch_size": 16,
        "learning_rate": 1e-4,
        "lr_scheduler": "linear",
        "warmup_steps": 100,
        "weight_decay": 0.01,
        "label_smoothing": 0.0,
        "max_grad_norm": 1.0,
        "logging_steps": 25,
        "eval_steps": 500,
        "save_steps": 500,
        "save_total_limit": 3,
        "eval_per_task": 8,
        "seed": 13,
        "threads": 2,
        "device": "auto",  # "auto" | "cpu" | "cuda"
        "max_minutes": 0,  # > 0: stop and save a checkpoint after this many minutes of training
    },
    "generation": {
        "max_new_tokens": 64,
        "num_beams": 4,
        "no_repeat_ngram_size": 3,
        "length_penalty": 1.0,
        "early_stopping": True,
        "eval_num_beams": 1,
    },
}

# What the pipeline reads: config.task_specific_params[task]["prefix"].
# ``copy`` is stored too: it is a training warm-up, handy for probing a checkpoint.
TASK_PARAMS = {task: {"prefix": prefix} for task, prefix in {**INFERENCE_PREFIXES, "copy": PREFIXES["copy"]}.items()}


def task_params(cfg: dict, base: dict | None = None) -> dict:
    """The prefixes a checkpoint stores: the tasks this config trains, plus those its base
    already knew. Only these: the pipeline asks a checkpoint for a task only if it stores it."""
    taught = {TEACHES[t] for p in cfg["phases"] for t, w in p["weights"].items() if w > 0}
    return {task: dict(v) for task, v in TASK_PARAMS.items() if task in taught or task in (base or {})}


def _merge(base: dict, over: dict) -> dict:
    out = copy.deepcopy(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def load_config(path: str | Path | None = None, overrides: dict | None = None) -> dict:

    cfg = DEFAULTS
    if path:
        with open(path, "rb") as f:
            cfg = _merge(cfg, tomllib.load(f))
    if overrides:
        cfg = _merge(cfg, overrides)
    unknown = {t for p in cfg["phases"] for t in p["weights"]} - set(PREFIXES)
    if unknown:
        raise ConfigError(f"unknown tasks in phases: {sorted(unknown)}; known: {sorted(PREFIXES)}")
    return cfg


# --- model ----------------------------------------------------------------------------------


def build_model(cfg: dict):
    """(model, tokenizer) for the configured base, with special tokens, task prefixes and
    generation defaults set."""
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    from summarize.models import tied

    mc = cfg["model"]
    path = tied.minilm_path() if mc["base"] == "minilm" else Path(mc["base"])
    if _model_type(path) == "bert":  # an encoder: warm-start both sides of a BERT2BERT from it
        tok = AutoTokenizer.from_pretrained(path)
        model = tied.build_bert2bert(path, tok, tie=mc["tie_encoder_decoder"], cross_init=mc["cross_init"])
    else:  # a seq2seq checkpoint folder, e.g. the shipped models/default (continued training)
        import torch

        tok = AutoTokenizer.from_pretrained(mc["base"])
        # fp32: an export stores fp16, which transformers v5 would otherwise keep (and train in)
        model = AutoModelForSeq2SeqLM.from_pretrained(mc["base"], use_safetensors=True, dtype=torch.float32)
        if model.config.decoder_start_token_id is None:
            tied.set_special_tokens(model, tok)
    model.config.task_specific_params = task_params(cfg, getattr(model.config, "task_specific_params", None))
    g = cfg["generation"]
    model.generation_config.update(
        max_new_tokens=g["max_new_tokens"], num_beams=g["num_beams"], no_repeat_ngram_size=g["no_repeat_ngram_size"],
        length_penalty=g["length_penalty"], early_stopping=g["early_stopping"],
        max_length=None,  # else the inherited default (20) clashes with max_new_tokens at every generate
    )
    if mc["freeze"] == "shared":
        for p in model.encoder.parameters():  # tied: this also freezes the decoder's twins
            p.requires_grad_(False)
    elif mc["freeze"] != "none":
        raise ConfigError(f"model.freeze must be 'none' or 'shared', not {mc['freeze']!r}")
    return model, tok


def _model_type(path: Path) -> str | None:
    try:
        return json.loads((Path(path) / "config.json").read_text()).get("model_type")
    except (OSError, ValueError):
        return None


# --- data -----------------------------------------------------------------------------------


def _tokenize(rows: list[dict], tok, cfg: dict) -> dict[str, list]:
    d = cfg["data"]
    out = {"input_ids": [], "attention_mask": [], "labels": [], "length": [], "task": []}
    by_task: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        by_task.setdefault(r["task"], []).append(i)
    enc_all: list = [None] * len(rows)
    for task, idx in by_task.items():
        ms = d["max_source_length_per_task"].get(task, d["max_source_length"])
        mt = d["max_target_length_per_task"].get(task, d["max_target_length"])
        src = tok([rows[i]["source"] for i in idx], max_length=ms, truncation=True)
        tgt = tok([rows[i]["target"] for i in idx], max_length=mt + 1, truncation=True)
        for k, i in enumerate(idx):
            labels = tgt["input_ids"][k][1:]  # drop [CLS]: it is the decoder start token
            enc_all[i] = (src["input_ids"][k], src["attention_mask"][k], labels)
    for r, (ids, mask, labels) in zip(rows, enc_all):
        out["input_ids"].append(ids)
        out["attention_mask"].append(mask)
        out["labels"].append(labels)
        out["length"].append(len(ids) + len(labels))
        out["task"].append(r["task"])
    return out


def build_mixture(train, cfg: dict, tok) -> "datasets.Dataset":  # noqa: F821
    """The whole training stream in order: per phase, sample each task's share (cycling through
    shuffled passes over its pool), then group into length-sorted batches in random order."""
    from datasets import Dataset

    t = cfg["train"]
    bs, steps, rng = t["batch_size"], t["max_steps"], random.Random(t["seed"])
    pools: dict[str, list[int]] = {}
    for i, task in enumerate(train["task"]):
        pools.setdefault(task, []).append(i)
    cursors: dict[str, list[int]] = {}

    def draw(task: str, n: int) -> list[int]:
        got = []
        while len(got) < n:
            if not cursors.get(task):
                perm = list(pools[task])
                rng.shuffle(perm)
                cursors[task] = perm
            take = min(n - len(got), len(cursors[task]))
            got += cursors[task][:take]
            cursors[task] = cursors[task][take:]
        return got

    fr_total = sum(p["fraction"] for p in cfg["phases"])
    phase_steps = [round(steps * p["fraction"] / fr_total) for p in cfg["phases"]]
    phase_steps[-1] = steps - sum(phase_steps[:-1])
    stream: dict[str, list] = {}
    for phase, n_steps in zip(cfg["phases"], phase_steps):
        weights = {k: v for k, v in phase["weights"].items() if v > 0}
        missing = [k for k in weights if k not in pools]
        if missing:
            raise ConfigError(f"no training pairs for tasks {missing}")
        n = n_steps * bs
        wsum = sum(weights.values())
        counts = {k: int(n * v / wsum) for k, v in weights.items()}
        for k in sorted(weights, key=lambda k: -weights[k])[: n - sum(counts.values())]:
            counts[k] += 1
        idx = [i for k, c in counts.items() for i in draw(k, c)]
        rows = [train[i] for i in idx]
        enc = _tokenize(rows, tok, cfg)
        order = list(range(len(rows)))
        rng.shuffle(order)
        batches = []
        mega = bs * 50
        for m in range(0, len(order), mega):
            chunk = sorted(order[m : m + mega], key=lambda i: -enc["length"][i])
            batches += [chunk[b : b + bs] for b in range(0, len(chunk), bs)]
        rng.shuffle(batches)
        for b in batches:
            for i in b:
                for k, v in enc.items():
                    stream.setdefault(k, []).append(v[i])
    return Dataset.from_dict(stream)


def build_eval(validation, cfg: dict, tok):
    from datasets import Dataset

    rng = random.Random(cfg["train"]["seed"])
    per = cfg["train"]["eval_per_task"]
    by_task: dict[str, list[int]] = {}
    for i, task in enumerate(validation["task"]):
        by_task.setdefault(task, []).append(i)
    wanted = {t for p in cfg["phases"] for t, w in p["weights"].items() if w > 0}
    idx = []
    for task in sorted(wanted & set(by_task)):
        pool = by_task[task]
        idx += rng.sample(pool, min(per, len(pool)))
    rows = [validation[i] for i in idx]
    enc = _tokenize(rows, tok, cfg)
    enc["source_text"] = [r["source"] for r in rows]
    enc["target_text"] = [r["target"] for r in rows]
    return Dataset.from_dict(enc)


# --- metrics and logging --------------------------------------------------------------------

_NUM = re.compile(r"\d+(?:[.,]\d+)?")


def _numbers(text: str) -> list[str]:
    return _NUM.findall(text)


def _number_share(have_texts: list[str], in_texts: list[str]) -> float | None:
    """Share of the numbers in ``have_texts`` that the paired ``in_texts`` also contain."""
    hit = tot = 0
    for h, i in zip(have_texts, in_texts):
        present = set(_numbers(i))
        for n in _numbers(h):
            tot += 1
            hit += n in present
    return hit / tot if tot else None


def number_copy_rate(sources: list[str], preds: list[str]) -> float | None:
    """Share of the numbers in the inputs that appear verbatim in the outputs (recall)."""
    return _number_share(sources, preds)


def number_precision(sources: list[str], preds: list[str]) -> float | None:
    """Share of the numbers in the outputs that the inputs contain (1.0 = no invented numbers)."""
    return _number_share(preds, sources)


def _surface(pred: str, source: str) -> str:
    """Re-join WordPiece output and restore the source's casing (the pipeline's normaliser)."""
    from summarize.corpus.text import SourceCasing, detokenize, restore_casing

    casing = SourceCasing(source)
    return restore_casing(detokenize(pred, casing), casing)


def make_compute_metrics(tok, eval_ds, out_dir: Path, state_ref: dict):
    from summarize.corpus.rouge import scorer as rouge_scorer

    scorer = rouge_scorer()
    tasks, srcs, refs = eval_ds["task"], eval_ds["source_text"], eval_ds["target_text"]

    def compute(pred) -> dict:
        import numpy as np

        ids = np.where(pred.predictions < 0, tok.pad_token_id, pred.predictions)
        preds = [p.strip() for p in tok.batch_decode(ids, skip_special_tokens=True)]
        surface = [_surface(p, s) for p, s in zip(preds, srcs)]  # "4. 60" -> "4.60", as the pipeline does
        res: dict[str, float] = {}
        per: dict[str, list] = {}
        allr = {"rouge1": [], "rouge2": [], "rougeL": []}
        for task, ref, p in zip(tasks, refs, preds):
            s = scorer.score(ref.lower(), p)
            for k in allr:
                allr[k].append(s[k].fmeasure)
            per.setdefault(task, []).append(s["rougeL"].fmeasure)
        for k, v in allr.items():
            res[k] = round(100 * sum(v) / len(v), 2)
        for task, v in per.items():
            res[f"rougeL_{task}"] = round(100 * sum(v) / len(v), 2)
        sent = [i for i, t in enumerate(tasks) if t in ("copy", "compress", "rewrite")]
        for name, fn in (("number_copy", number_copy_rate), ("number_precision", number_precision)):
            v = fn([srcs[i] for i in sent], [surface[i] for i in sent])
            if v is not None:
                res[name] = round(100 * v, 1)
        copy_idx = [i for i, t in enumerate(tasks) if t == "copy"]
        if copy_idx:
            exact = sum(" ".join(preds[i].split()) == " ".join(tok.decode(tok(refs[i])["input_ids"], skip_special_tokens=True).split())
                        for i in copy_idx)
            res["copy_exact"] = round(100 * exact / len(copy_idx), 1)
        with open(out_dir / "samples.jsonl", "a") as f:
            step = state_ref["trainer"].state.global_step if state_ref.get("trainer") else None
            for task, s, r, p in zip(tasks, srcs, refs, surface):
                f.write(json.dumps({"step": step, "task": task, "source": s, "target": r, "prediction": p}) + "\n")
        return res

    return compute


def _log_callback(out_dir: Path):
    from transformers import TrainerCallback

    class JsonlLog(TrainerCallback):
        def __init__(self):
            self.t0 = time.time()

        def on_log(self, args, state, control, logs=None, **kw):
            rec = {"step": state.global_step, "elapsed_s": round(time.time() - self.t0, 1), **(logs or {})}
            with open(out_dir / "log.jsonl", "a") as f:
                f.write(json.dumps(rec) + "\n")

    return JsonlLog()


def _time_budget_callback(minutes: float):
    """Stop after ``minutes`` of training and save a checkpoint there, so a run on a machine
    lent for a fixed time ends with weights to export (the LR schedule still follows max_steps)."""
    from transformers import TrainerCallback

    class TimeBudget(TrainerCallback):
        def on_train_begin(self, args, state, control, **kw):
            self.t0 = time.time()

        def on_step_end(self, args, state, control, **kw):
            if time.time() - self.t0 > 60 * minutes:
                logger.info("time budget of %s min reached at step %d: saving and stopping", minutes, state.global_step)
                control.should_training_stop = True
                control.should_save = True
            return control

    return TimeBudget()


# --- the run --------------------------------------------------------------------------------


def train(cfg: dict, output: str | Path, resume: bool = False) -> Path:
    import torch
    from datasets import load_from_disk
    from transformers import DataCollatorForSeq2Seq, Seq2SeqTrainer, Seq2SeqTrainingArguments
    from transformers.trainer_utils import get_last_checkpoint

    from summarize.corpus.datasets import BuildConfig, build_datasets

    t = cfg["train"]
    torch.set_num_threads(int(t["threads"]))
    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    last = get_last_checkpoint(str(out)) if resume else None
    if resume and last is None:
        logger.warning("--resume: no checkpoint in %s; starting from scratch", out)
    if not resume and get_last_checkpoint(str(out)) is not None:
        raise ConfigError(f"{out} already has checkpoints: pass --resume or another --output")

    model, tok = build_model(cfg)
    data_dir = out / "data"
    if (data_dir / "train" / "dataset_info.json").exists() and resume:
        train_ds, eval_ds = load_from_disk(str(data_dir / "train")), load_from_disk(str(data_dir / "eval"))
    else:
        d = cfg["data"]
        tasks = {k for p in cfg["phases"] for k, w in p["weights"].items() if w > 0}
        dd = build_datasets(d["shared"] or None, tasks=tasks, cfg=BuildConfig(val_frac=d["val_frac"]),
                            cache_dir=d["cache_dir"] or None, datasets_=d["datasets"])
        train_ds, eval_ds = build_mixture(dd["train"], cfg, tok), build_eval(dd["validation"], cfg, tok)
        train_ds.save_to_disk(str(data_dir / "train"))
        eval_ds.save_to_disk(str(data_dir / "eval"))
        (out / "train_config.toml").write_text(_to_toml(cfg))
    counts: dict[str, int] = {}
    for task in train_ds["task"]:
        counts[task] = counts.get(task, 0) + 1
    logger.info("training stream: %d pairs %s; eval slice: %d", len(train_ds), counts, len(eval_ds))

    dev = t["device"]
    use_cpu = dev == "cpu" or (dev == "auto" and not torch.cuda.is_available())
    bf16 = not use_cpu and torch.cuda.is_available() and torch.cuda.is_bf16_supported()
    g = cfg["generation"]
    args = Seq2SeqTrainingArguments(
        output_dir=str(out),
        max_steps=t["max_steps"],
        per_device_train_batch_size=t["batch_size"],
        per_device_eval_batch_size=t["batch_size"],
        learning_rate=t["learning_rate"],
        lr_scheduler_type=t["lr_scheduler"],
        warmup_steps=t["warmup_steps"],
        weight_decay=t["weight_decay"],
        label_smoothing_factor=t["label_smoothing"],
        max_grad_norm=t["max_grad_norm"],
        logging_steps=t["logging_steps"],
        eval_strategy="steps",
        eval_steps=t["eval_steps"],
        save_strategy="steps",
        save_steps=t["save_steps"],
        save_total_limit=t["save_total_limit"],
        predict_with_generate=True,
        generation_num_beams=g["eval_num_beams"],
        train_sampling_strategy="sequential",  # the stream is already mixed and length-grouped
        remove_unused_columns=True,
        seed=t["seed"],
        use_cpu=use_cpu,
        bf16=bf16,
        report_to="none",
        dataloader_num_workers=0,
        disable_tqdm=False,
    )
    collator = DataCollatorForSeq2Seq(tok, model=model, label_pad_token_id=-100, padding=True)
    state_ref: dict = {}
    trainer = Seq2SeqTrainer(
        model=model,
        args=args,
        train_dataset=train_ds.remove_columns(["task", "length"]),
        eval_dataset=eval_ds.remove_columns(["task", "length", "source_text", "target_text"]),
        data_collator=collator,
        processing_class=tok,
        compute_metrics=make_compute_metrics(tok, eval_ds, out, state_ref),
        callbacks=[_log_callback(out)] + ([_time_budget_callback(t["max_minutes"])] if t["max_minutes"] else []),
    )
    state_ref["trainer"] = trainer
    trainer.train(resume_from_checkpoint=last)
    final = out / "final"
    trainer.save_model(str(final))
    tok.save_pretrained(str(final))
    return final


def _to_toml(cfg: dict) -> str:
    """Minimal TOML writer for the config shape used here (for the run's record)."""

    def val(v):
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, (int, float)):
            return repr(v)
        if isinstance(v, dict):
            return "{ " + ", ".join(f"{k} = {val(x)}" for k, x in v.items()) + " }"
        return json.dumps(v)

    lines = []
    for sec, body in cfg.items():
        if isinstance(body, list):
            for item in body:
                lines.append(f"[[{sec}]]")
                lines += [f"{k} = {val(v)}" for k, v in item.items()]
                lines.append("")
            continue
        lines.append(f"[{sec}]")
        lines += [f"{k} = {val(v)}" for k, v in body.items()]
        lines.append("")
    return "\n".join(lines)
