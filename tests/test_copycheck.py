"""The copy fast path of greedy decoding (models/copycheck.py): the verifier says exactly what
greedy decoding writes, and generate's outputs are the same with and without the fast path."""
from __future__ import annotations

import re

import pytest
import torch

from conftest import HOUSE_ARTICLE, MARKDOWN_DRAFT, PLAIN_DRAFT
from summarize.models import copycheck
from summarize.models.constrain import SourceVocabularyProcessor, output_layer_restricted
from summarize.models.loading import GenerationSettings, Seq2SeqModel

SENTENCES = [s for s in re.split(r"(?<=[.!?])\s+|\n+", HOUSE_ARTICLE + "\n" + PLAIN_DRAFT + "\n" + MARKDOWN_DRAFT)
             if len(s.split()) > 3]
GREEDY = dict(num_beams=1, max_new_tokens=64, no_repeat_ngram_size=3, repetition_penalty=1.2)


@pytest.fixture(scope="module")
def model(tmp_path_factory) -> Seq2SeqModel:
    """A tiny random BERT2BERT that writes words and stops: its output layer is scaled to the
    spread of a trained model's logits, and special tokens but eos are never written. (Built
    here with a vocab dict: the shared fixture's vocab_file tokenizer knows only special tokens.)"""
    from transformers import BertConfig, BertTokenizerFast, EncoderDecoderConfig, EncoderDecoderModel

    torch.manual_seed(0)
    root = tmp_path_factory.mktemp("copying-model")
    words = sorted({w.lower() for w in re.findall(r"[A-Za-z]+|\d+|[^\sA-Za-z\d]", HOUSE_ARTICLE + PLAIN_DRAFT + MARKDOWN_DRAFT)})
    vocab = list(dict.fromkeys(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "rewrite", ":"] + words))
    tok = BertTokenizerFast(vocab={w: i for i, w in enumerate(vocab)}, do_lower_case=True, model_max_length=128)
    small = dict(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                 intermediate_size=64, max_position_embeddings=128)
    config = EncoderDecoderConfig.from_encoder_decoder_configs(
        BertConfig(**small), BertConfig(**small, is_decoder=True, add_cross_attention=True))
    net = EncoderDecoderModel(config=config)
    for c in (net.config, net.generation_config):
        c.decoder_start_token_id, c.pad_token_id, c.eos_token_id = tok.cls_token_id, tok.pad_token_id, tok.sep_token_id
    net.config.task_specific_params = {"rewrite": {"prefix": "rewrite: "}}
    head = net.get_output_embeddings()
    with torch.no_grad():
        head.weight.mul_(100)
        head.bias[[tok.pad_token_id, tok.unk_token_id, tok.cls_token_id, tok.mask_token_id]] = -1e4
    net.save_pretrained(root, safe_serialization=True)
    tok.save_pretrained(root)
    return Seq2SeqModel(root)


def _greedy(model, texts, constrained):
    """Encoded batch, its encoder outputs, the constraint (or None), generate's own greedy ids
    and, per row, the least lead of the written word over the runner-up before eos."""
    enc = model.tokenizer([model.prefixes["rewrite"] + t for t in texts], return_tensors="pt", padding=True)
    enc = {k: enc[k] for k in ("input_ids", "attention_mask")}
    constraint = SourceVocabularyProcessor(model.tokenizer, enc["input_ids"]) if constrained else None
    extra = {"logits_processor": [constraint]} if constrained else {}
    with torch.inference_mode():
        with output_layer_restricted(model.model, constraint) if constrained else torch.no_grad():
            out = model.model.generate(**enc, **GREEDY, **extra, return_dict_in_generate=True, output_scores=True)
            encoded = model.model.get_encoder()(**enc, return_dict=True)
    ids = out.sequences.tolist()
    top2 = torch.stack(out.scores, dim=1).topk(2, dim=-1).values  # (rows, steps, 2)
    leads = [(top2[r, : len(ids[r]) - 1, 0] - top2[r, : len(ids[r]) - 1, 1]).min().item() for r in range(len(ids))]
    return enc, encoded, constraint, ids, leads


def _verify(model, enc, encoded, constraint, targets, **overrides):
    settings = {**GREEDY, **overrides}
    with torch.inference_mode():
        with output_layer_restricted(model.model, constraint) if constraint is not None else torch.no_grad():
            return copycheck.greedy_would_write(
                model.model, encoded, enc["attention_mask"], targets, settings["max_new_tokens"],
                settings["repetition_penalty"], settings["no_repeat_ngram_size"], constraint)


@pytest.mark.parametrize("constrained", [True, False])
def test_verifier_accepts_the_greedy_output_and_nothing_else(model, constrained):
    enc, encoded, constraint, ids, leads = _greedy(model, SENTENCES, constrained)
    eos = model.tokenizer.sep_token_id
    targets = [row[: row.index(eos) + 1] if eos in row else None for row in ids]
    # Every greedy output that ends is recognised, but for a near-tie on the way (left to decoding).
    for r, t in enumerate(targets):
        if t is not None and leads[r] <= copycheck.MARGIN:
            targets[r] = None
    tried = [r for r, t in enumerate(targets) if t is not None and len(t) > 6]
    assert len(tried) >= 3  # the fixture model ends some outputs after a few words
    assert _verify(model, enc, encoded, constraint, targets) == [t is not None for t in targets]
    for at in (1, 5, -2):
        # One word changed (to another that the row may write): not what greedy decoding writes.
        changed = [list(t) if t else t for t in targets]
        for r in tried:
            changed[r][at] = next(w for w in enc["input_ids"][r].tolist()[3:] if w not in (targets[r][at], eos, 0))
        assert _verify(model, enc, encoded, constraint, changed) == [t is not None and r not in tried
                                                                     for r, t in enumerate(targets)]
    # The same outputs under other settings than generate's are not all greedy outputs any more.
    assert not all(_verify(model, enc, encoded, constraint, targets, repetition_penalty=1.0)[r] for r in tried)
    assert not any(_verify(model, enc, encoded, constraint, targets, max_new_tokens=5)[r] for r in tried)


@pytest.mark.parametrize("constrain", [True, False])
def test_fast_path_gives_the_normal_outputs(model, monkeypatch, constrain):
    # The fixture model writes the same words for an input made of its own output: a copy.
    copies = model.generate(SENTENCES[:4], task="rewrite", constrain_to_source=constrain)
    texts = [t for pair in zip(SENTENCES, copies) for t in pair]
    passed = []
    verify = copycheck.greedy_would_write

    def counting(*args):
        passed.extend(verify(*args))
        return passed[-len(args[3]):]

    monkeypatch.setattr(copycheck, "greedy_would_write", counting)
    fast = model.generate(texts, task="rewrite", constrain_to_source=constrain, batch_size=3)
    monkeypatch.setattr(model, "_copies_checkable", lambda: False)
    normal = model.generate(texts, task="rewrite", constrain_to_source=constrain, batch_size=3)
    assert fast == normal
    copied = [a == b for a, b in zip(texts, normal)]
    assert passed == copied and sum(copied) >= 3 and not all(copied)


def test_fast_path_only_where_the_verifier_replicates_decoding(model, monkeypatch):
    calls = []
    verify = copycheck.greedy_would_write
    monkeypatch.setattr(copycheck, "greedy_would_write", lambda *a: calls.append(1) or verify(*a))
    short = GenerationSettings(max_new_tokens=4)
    model.generate(SENTENCES[:2], task="rewrite", settings=short)
    assert calls
    calls.clear()
    model.generate(SENTENCES[:2], task="heading", settings=short)
    model.generate(SENTENCES[:2], task="rewrite", settings=GenerationSettings(num_beams=2, max_new_tokens=4))
    with monkeypatch.context() as m:  # int8 activations: the margin does not hold
        m.setattr(model, "quantize", "int8")
        model.generate(SENTENCES[:2], task="rewrite", settings=short)
    for name, value in [("min_length", 3), ("forced_eos_token_id", 3), ("suppress_tokens", [5]), ("do_sample", True)]:
        with monkeypatch.context() as m:
            m.setattr(model.model.generation_config, name, value)
            assert not copycheck.plain_greedy(model.model)
    assert not calls


@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_ngram_bans_are_those_of_generate(n):
    from transformers import NoRepeatNGramLogitsProcessor

    generator = torch.Generator().manual_seed(n)
    ids = torch.randint(0, 4, (40,), generator=generator).tolist()  # four words: many repeats
    bans = copycheck._ngram_bans(ids, n)
    for step in range(len(ids)):
        scores = NoRepeatNGramLogitsProcessor(n)(torch.tensor([ids[: step + 1]]), torch.zeros(1, 4))
        assert {w for s, w in bans if s == step} == set(torch.isinf(scores[0]).nonzero().flatten().tolist())
