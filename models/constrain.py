"""Source-constrained decoding: the model may only write tokens that occur in its input,
plus a small set of function words and punctuation.

Small self-trained models hallucinate numbers and names; restricting the vocabulary to the
source makes those faithful by construction (the faithfulness gate still checks the rest).
"""
from __future__ import annotations

from functools import lru_cache

import torch
from transformers import LogitsProcessor

FUNCTION_WORDS = (
    "a an the and or but nor so yet of to in on at by for with from as into onto about over under "
    "between among through during before after than then that which who whom whose what when where "
    "why how this these those it its they them their there here he she his her we our you your "
    "is are was were be been being has have had do does did can could may might must should would "
    "will shall not no also more most less least some any all both each many much such very "
    "only even still however while although because since if whether may help helps "
    ". , ; : ( ) - ' \" ’ %"
)


@lru_cache(maxsize=8)
def _function_ids(tokenizer) -> frozenset[int]:
    ids: set[int] = set()
    for word in FUNCTION_WORDS.split():
        for variant in (word, word.capitalize()):
            ids.update(tokenizer(variant, add_special_tokens=False)["input_ids"])
    for attr in ("eos_token_id", "sep_token_id", "pad_token_id"):
        value = getattr(tokenizer, attr, None)
        if value is not None:
            ids.add(value)
    return frozenset(ids)


class SourceVocabularyProcessor(LogitsProcessor):
    """Masks every token that is neither in the row's source ids nor a function word."""

    def __init__(self, tokenizer, source_ids: torch.Tensor, num_beams: int = 1):
        self.source_ids = source_ids
        self.num_beams = max(1, num_beams)
        self.extra = torch.tensor(sorted(_function_ids(tokenizer)), dtype=torch.long)
        self._mask: torch.Tensor | None = None

    def _build(self, vocab_size: int, device) -> torch.Tensor:
        mask = torch.zeros(self.source_ids.shape[0], vocab_size, dtype=torch.bool, device=device)
        src = self.source_ids.clamp(max=vocab_size - 1).to(device)
        mask.scatter_(1, src, True)
        mask[:, self.extra[self.extra < vocab_size].to(device)] = True
        return mask.repeat_interleave(self.num_beams, dim=0)

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor) -> torch.FloatTensor:
        if self._mask is None or self._mask.shape != scores.shape:
            self._mask = self._build(scores.shape[-1], scores.device)
            if self._mask.shape[0] != scores.shape[0]:  # e.g. sampling with one row per input
                factor = max(1, scores.shape[0] // self.source_ids.shape[0])
                self.num_beams = factor
                self._mask = self._build(scores.shape[-1], scores.device)
        return scores.masked_fill(~self._mask, float("-inf"))
