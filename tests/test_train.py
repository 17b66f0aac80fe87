"""Training, resuming and exporting a tiny tied BERT2BERT (built inside the test, no network)."""
from __future__ import annotations

import json

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from safetensors import safe_open  # noqa: E402
from transformers import AutoModelForSeq2SeqLM, BertConfig, BertModel, BertTokenizer  # noqa: E402

from summarize.models import tied  # noqa: E402
from summarize.models.export import export, load_exported  # noqa: E402
from summarize.models.train import TASK_PARAMS, build_mixture, build_model, load_config, train  # noqa: E402
from test_datasets import shared  # noqa: E402,F401  (the tiny shared-data fixture; tests/ is on sys.path)

WORDS = (
    "we included trials with participants comparing placebo compared reduced symptom scores mean difference "
    "points adverse events were similar in both groups the quality of evidence was low because small this "
    "review may help some people but more research is needed found studies people that a dummy treatment "
    "side effects so condition affects skin and joints adults it often starts between ages young many also "
    "have tiredness mood doctors usually diagnose from symptoms blood test about affected worldwide include "
    "itchy patches joint pain hands feet stiffness morning lasts minutes addition notice swelling fingers "
    "present parser for language reaches accuracy on set uses grammar beam size parsing hard word order free "
    "earlier were slow describe faster rest paper organised as follows train sentences all models same "
    "features words tags training takes hours one machine furthermore tune held out data introduction "
    "experimental setup understanding symptoms of copy rewrite heading summarize : . , ( ) ; % - 1 2 3 4 5 6 "
    "7 8 9 0 what is are"
).split()


@pytest.fixture(scope="module")
def tiny_bert(tmp_path_factory):
    """A 2-layer, 32-wide BERT with a WordPiece vocab written for the fixture text."""
    path = tmp_path_factory.mktemp("tiny_bert")
    chars = sorted({c for w in WORDS for c in w})
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + sorted(set(WORDS)) + [f"##{c}" for c in chars] + chars
    vocab = list(dict.fromkeys(vocab))
    (path / "vocab.txt").write_text("\n".join(vocab) + "\n")
    tok = BertTokenizer(str(path / "vocab.txt"), do_lower_case=True)
    tok.save_pretrained(str(path))
    cfg = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                     intermediate_size=64, max_position_embeddings=128)
    torch.manual_seed(0)
    BertModel(cfg).save_pretrained(str(path))
    return path


def _cfg(tiny_bert, shared, **train):  # noqa: F811
    return load_config(None, {
        "model": {"base": str(tiny_bert)},
        "data": {"shared": str(shared), "cache_dir": "", "datasets": ["cochrane", "medquad", "scisummnet"],
                 "max_source_length": 48, "max_target_length": 24, "val_frac": 0.3,
                 "max_source_length_per_task": {"summarize": 64}},
        "phases": [{"fraction": 0.5, "weights": {"copy": 1.0}},
                   {"fraction": 0.5, "weights": {"copy": 0.4, "rewrite": 0.2, "heading": 0.2, "summarize": 0.2}}],
        "train": {"batch_size": 2, "eval_per_task": 1, "logging_steps": 1, "threads": 1, "device": "cpu",
                  "warmup_steps": 0, "learning_rate": 1e-3, **train},
        "generation": {"max_new_tokens": 6, "num_beams": 2},
    })


def test_tied_model_stores_shared_weights_once(tiny_bert, tmp_path):
    tok = BertTokenizer.from_pretrained(str(tiny_bert))
    model = tied.build_bert2bert(tiny_bert, tok)
    dec, enc = model.decoder.bert.encoder.layer[1], model.encoder.encoder.layer[1]
    assert dec.attention.self.query.weight is enc.attention.self.query.weight
    assert model.decoder.cls.predictions.decoder.weight is model.encoder.embeddings.word_embeddings.weight
    assert dec.crossattention.self.query.weight is not enc.attention.self.query.weight
    assert model.config.decoder_start_token_id == tok.cls_token_id
    assert model.config.eos_token_id == tok.sep_token_id and model.config.pad_token_id == tok.pad_token_id
    assert model._keys_to_ignore_on_save == set(model.all_tied_weights_keys)
    model.save_pretrained(str(tmp_path))
    with safe_open(str(tmp_path / "model.safetensors"), "pt") as f:
        keys = set(f.keys())
    assert "encoder.encoder.layer.1.attention.self.query.weight" in keys
    assert "decoder.bert.encoder.layer.1.attention.self.query.weight" not in keys
    assert "decoder.bert.encoder.layer.1.crossattention.self.query.weight" in keys
    back = AutoModelForSeq2SeqLM.from_pretrained(str(tmp_path), use_safetensors=True)
    assert type(back) is tied.TiedEncoderDecoderModel
    assert back.decoder.bert.encoder.layer[1].attention.self.query.weight is back.encoder.encoder.layer[1].attention.self.query.weight
    x = tok(["copy: we found small trials ."], return_tensors="pt")
    start = torch.full((1, 1), tok.cls_token_id)
    model.eval(), back.eval()
    with torch.no_grad():
        # (float32 rounding: under transformers 5.23 the reloaded logits differ by ~6e-8, every weight equal)
        assert torch.allclose(model(**x, decoder_input_ids=start).logits, back(**x, decoder_input_ids=start).logits,
                              atol=1e-6)


def test_mixture_follows_phases(tiny_bert, shared):  # noqa: F811
    from summarize.corpus.datasets import BuildConfig, build_datasets

    cfg = _cfg(tiny_bert, shared, max_steps=10)
    dd = build_datasets(shared, cfg=BuildConfig(val_frac=0.3), datasets_=cfg["data"]["datasets"])
    tok = BertTokenizer.from_pretrained(str(tiny_bert))
    mix = build_mixture(dd["train"], cfg, tok)
    assert len(mix) == 10 * 2
    assert set(mix["task"][:10]) == {"copy"}  # phase 1 is copy only
    assert {"rewrite", "heading", "summarize"} <= set(mix["task"][10:])
    assert all(lab[-1] == tok.sep_token_id and lab[0] != tok.cls_token_id for lab in mix["labels"])
    assert max(len(i) for i, t in zip(mix["input_ids"], mix["task"]) if t == "copy") <= 48
    assert build_mixture(dd["train"], cfg, tok).to_dict() == mix.to_dict()  # deterministic


def test_train_checkpoint_resume_and_export(tiny_bert, shared, tmp_path):  # noqa: F811
    out = tmp_path / "run"
    final = train(_cfg(tiny_bert, shared, max_steps=2, save_steps=2, eval_steps=2), out)
    ckpt = out / "checkpoint-2"
    assert (ckpt / "model.safetensors").is_file() and not list(ckpt.glob("pytorch_model*"))
    log = [json.loads(line) for line in (out / "log.jsonl").read_text().splitlines()]
    assert any("loss" in r for r in log) and any("eval_rougeL" in r for r in log)
    assert (out / "samples.jsonl").read_text().strip()
    cfg_json = json.loads((final / "config.json").read_text())
    # only what this config trains: no fuse/decontextualize/compress the pipeline would then ask for
    assert set(cfg_json["task_specific_params"]) == {"copy", "rewrite", "heading", "summarization"}
    assert all(v == TASK_PARAMS[k] for k, v in cfg_json["task_specific_params"].items())
    assert cfg_json["model_type"] == tied.MODEL_TYPE
    gen = json.loads((final / "generation_config.json").read_text())
    assert gen["decoder_start_token_id"] == gen["bos_token_id"] and gen["num_beams"] == 2

    with pytest.raises(Exception):
        train(_cfg(tiny_bert, shared, max_steps=3), out)  # refuses to overwrite without --resume
    train(_cfg(tiny_bert, shared, max_steps=3, save_steps=1, eval_steps=10), out, resume=True)
    state = json.loads((out / "checkpoint-3" / "trainer_state.json").read_text())
    assert state["global_step"] == 3
    steps = [r["step"] for r in map(json.loads, (out / "log.jsonl").read_text().splitlines()) if "loss" in r]
    assert steps[-1] == 3 and 3 not in steps[:-1]

    info = export(out / "final", tmp_path / "export")
    assert info["same_greedy"] and info["max_logit_diff"] < 0.05
    assert info["class"] == "TiedEncoderDecoderModel"
    files = {p.name for p in (tmp_path / "export").iterdir()}
    assert {"model.safetensors", "config.json", "generation_config.json", "tokenizer_config.json"} <= files
    assert files & {"tokenizer.json", "vocab.txt"}
    with safe_open(str(tmp_path / "export" / "model.safetensors"), "pt") as f:
        assert {f.get_tensor(k).dtype for k in f.keys()} == {torch.float16}
    model, tok = load_exported(tmp_path / "export")
    assert model.dtype == torch.float32
    ids = model.generate(**tok(["copy: we found small trials ."], return_tensors="pt"), max_new_tokens=4)
    assert ids.shape[0] == 1
    assert model.config.task_specific_params["summarization"]["prefix"] == "summarize: "


def test_continue_from_an_export_with_the_new_tasks(tiny_bert, shared, tmp_path):  # noqa: F811
    """``model.base`` may name an exported (fp16) folder: training continues from it in fp32,
    with the new tasks mixed in, and the result stores every inference prefix."""
    first = train(_cfg(tiny_bert, shared, max_steps=1, save_steps=1, eval_steps=10), tmp_path / "a")
    export(first, tmp_path / "export", check=False)
    cfg = _cfg(tiny_bert, shared, max_steps=2, save_steps=2, eval_steps=2)
    cfg["model"]["base"] = str(tmp_path / "export")
    cfg["phases"] = [{"fraction": 1.0, "weights": {"fuse": 0.5, "decontextualize": 0.5}}]
    model, _ = build_model(cfg)
    assert model.dtype == torch.float32 and type(model) is tied.TiedEncoderDecoderModel
    final = train(cfg, tmp_path / "b")
    params = json.loads((final / "config.json").read_text())["task_specific_params"]
    assert params["fuse"]["prefix"] == "fuse: " and params["decontextualize"]["prefix"] == "decontextualize: "
    assert {"copy", "rewrite", "heading", "summarization"} <= set(params)  # the base's tasks are kept
    from datasets import load_from_disk

    assert set(load_from_disk(str(tmp_path / "b" / "data" / "train"))["task"]) == {"fuse", "decontextualize"}


def test_task_prefixes_match_corpus():
    from summarize.corpus.datasets import PREFIXES

    assert TASK_PARAMS["summarization"]["prefix"] == PREFIXES["summarize"]
    for task in ("rewrite", "heading", "copy"):
        assert TASK_PARAMS[task]["prefix"] == PREFIXES[task]


def test_cross_attention_can_start_from_self_attention(tiny_bert):
    tok = BertTokenizer.from_pretrained(str(tiny_bert))
    model = tied.build_bert2bert(tiny_bert, tok, cross_init="self")
    layer = model.decoder.bert.encoder.layer[0]
    assert torch.equal(layer.crossattention.self.key.weight, layer.attention.self.key.weight)
    assert layer.crossattention.self.key.weight is not layer.attention.self.key.weight  # a copy, not a tie
    with pytest.raises(ValueError):
        tied.build_bert2bert(tiny_bert, tok, cross_init="zeros")


def test_number_metrics():
    from summarize.models.train import number_copy_rate, number_precision

    src = ["copy: 12 trials with 1,234 people; RR 0.85."]
    assert number_copy_rate(src, ["12 trials with 1,234 people; RR 0.85."]) == 1.0
    assert number_copy_rate(src, ["12 trials."]) == pytest.approx(1 / 3)
    assert number_precision(src, ["12 trials with 1,243 people."]) == 0.5
    assert number_precision(src, ["no numbers"]) is None


def test_a_time_budget_stops_training_and_keeps_a_checkpoint(tiny_bert, shared, tmp_path):  # noqa: F811
    """train.max_minutes: a run on a machine lent for a fixed time ends early with weights saved."""
    out = tmp_path / "run"
    train(_cfg(tiny_bert, shared, max_steps=50, save_steps=100, eval_steps=100, max_minutes=1e-6), out)
    state = json.loads((out / "checkpoint-1" / "trainer_state.json").read_text())
    assert state["global_step"] == 1
