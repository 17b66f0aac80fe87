"""Telling, in one forward pass, whether greedy decoding would write a given sequence.

Greedy decoding is ~50 sequential decoder steps of small matrix products. When the output is
known in advance (the shipped model copies most lead sentences it is asked to rewrite), one
teacher-forced pass over that output gives the logits of every step at once: greedy decoding
writes exactly that output if, at every step, the processed scores put the next token first.
On the bench drafts' rewrites that pass costs a quarter of decoding the same rows.
"""
from __future__ import annotations

import torch

# A teacher-forced pass computes each step's logits in another order of float operations than
# decoding step by step with a cache (about 1e-5 apart on the shipped model); a step whose best
# word leads the runner-up by less than this is left to real decoding, so a near-tie can never
# flip the answer.
MARGIN = 1e-3
# Rows per teacher-forced pass, in order of length: passes of 8 rows took as long as passes of
# 12 or 16 on the bench drafts' rewrites, and hold half the memory (rows x steps x vocabulary).
ROWS_PER_PASS = 8

# Generation-config fields that add logits processing or a stopping rule the verifier does not
# replicate, with the values that add nothing.
_NEUTRAL = {
    "do_sample": (None, False),
    "min_length": (None, 0),
    "min_new_tokens": (None, 0),
    "forced_bos_token_id": (None,),
    "forced_eos_token_id": (None,),
    "forced_decoder_ids": (None,),
    "bad_words_ids": (None,),
    "suppress_tokens": (None,),
    "begin_suppress_tokens": (None,),
    "sequence_bias": (None,),
    "guidance_scale": (None, 1, 1.0),
    "encoder_repetition_penalty": (None, 1.0),
    "encoder_no_repeat_ngram_size": (None, 0),
    "exponential_decay_length_penalty": (None,),
    "remove_invalid_values": (None, False),
    "renormalize_logits": (None, False),
    "watermarking_config": (None,),
    "stop_strings": (None,),
    "max_time": (None,),
    "penalty_alpha": (None,),
    "dola_layers": (None,),
    "prompt_lookup_num_tokens": (None,),
    "num_return_sequences": (None, 1),
}


def plain_greedy(model) -> bool:
    """Whether the checkpoint's generation config leaves greedy decoding of an encoder-decoder
    to what ``greedy_would_write`` replicates: a single start token, a single eos, and no
    logits processing beyond the repetition penalty, n-gram bans and a vocabulary mask."""
    config = model.generation_config
    if not getattr(model.config, "is_encoder_decoder", False):
        return False
    if not isinstance(config.decoder_start_token_id, int) or not isinstance(config.eos_token_id, int):
        return False
    return all(getattr(config, name, None) in values for name, values in _NEUTRAL.items())


def greedy_would_write(model, encoder_outputs, attention_mask, targets, max_new_tokens: int,
                       repetition_penalty: float = 1.0, no_repeat_ngram_size: int = 0,
                       constraint=None) -> list[bool]:
    """For each row, whether greedy ``model.generate`` would output exactly ``targets[row]``.

    ``targets[row]``: token ids from the decoder start token to eos (None: not tried, False);
    ``encoder_outputs``/``attention_mask``: the encoded batch, as ``generate`` computes them;
    ``constraint``: the batch's ``SourceVocabularyProcessor`` when decoding is constrained.
    The processing mirrors ``generate``'s on float32 scores: the repetition penalty on every token
    of the decoder prefix (start token included), ``no_repeat_ngram_size`` bans and the mask.
    Call it under the same context as ``generate`` (``output_layer_restricted``, inference mode).
    """
    eos = model.generation_config.eos_token_id
    # A target can be written only if it fits max_new_tokens and its one eos ends it.
    rows = [r for r, t in enumerate(targets)
            if t is not None and 1 < len(t) <= max_new_tokens + 1 and t[-1] == eos and eos not in t[1:-1]]
    ok = [False] * len(targets)
    allowed = None
    # Rows of similar lengths share a pass: padding every row to the longest target of the batch
    # wasted 40% of the work on the bench drafts' rewrites (one pass: 12.5 s, passes of 8: 9 s).
    rows.sort(key=lambda r: len(targets[r]))
    for at in range(0, len(rows), ROWS_PER_PASS):
        group = rows[at : at + ROWS_PER_PASS]
        logits = _teacher_forced(model, encoder_outputs, attention_mask, [targets[r] for r in group], group, eos)
        if constraint is not None and allowed is None:
            allowed = constraint.allowed(logits.shape[-1], logits.device)
        for i, r in enumerate(group):
            ok[r] = _writes(logits[i], targets[r], None if allowed is None else allowed[r],
                            repetition_penalty, no_repeat_ngram_size)
    return ok


def _teacher_forced(model, encoder_outputs, attention_mask, targets, rows, pad) -> torch.Tensor:
    """The decoder's logits at every step of ``targets`` (rows ``rows`` of the encoded batch)."""
    # Right padding: the decoder is causal, so it does not reach the steps that are checked.
    inputs = torch.full((len(targets), max(map(len, targets)) - 1), pad, dtype=torch.long)
    for i, target in enumerate(targets):
        inputs[i, : len(target) - 1] = torch.tensor(target[:-1])
    index = torch.tensor(rows, device=attention_mask.device)
    encoded = type(encoder_outputs)(last_hidden_state=encoder_outputs.last_hidden_state.index_select(0, index))
    return model(encoder_outputs=encoded, attention_mask=attention_mask.index_select(0, index),
                 decoder_input_ids=inputs.to(attention_mask.device), use_cache=False).logits


def _writes(logits: torch.Tensor, target: list[int], allowed: torch.Tensor | None,
            repetition_penalty: float, no_repeat_ngram_size: int) -> bool:
    """Whether greedy decoding, scoring step s with ``logits[s]``, writes ``target[1:]``."""
    steps = len(target) - 1
    device = logits.device
    # Only the words the row may write can win or be runner-up: work on their columns.
    cols = torch.arange(logits.shape[-1], device=device) if allowed is None else allowed.nonzero().squeeze(1)
    wanted = _columns(torch.tensor(target[1:], device=device), cols)
    if (wanted < 0).any():
        return False
    scores = logits[:steps].index_select(-1, cols).float()
    if repetition_penalty != 1.0:
        # Step s penalises every token among target[0..s]: a token from its first occurrence on.
        tokens, first = _first_occurrences(target[:steps])
        at = _columns(tokens.to(device), cols)
        first, at = first.to(device)[at >= 0], at[at >= 0]
        picked = scores[:, at]
        since = torch.arange(steps, device=device)[:, None] >= first[None, :]
        penalised = torch.where(picked < 0, picked * repetition_penalty, picked / repetition_penalty)
        scores[:, at] = torch.where(since, penalised, picked)
    if no_repeat_ngram_size > 0:
        banned = _ngram_bans(target[:steps], no_repeat_ngram_size)
        if banned:
            step, word = (torch.tensor(x, device=device) for x in zip(*banned))
            word = _columns(word, cols)
            scores[step[word >= 0], word[word >= 0]] = float("-inf")
    each = torch.arange(steps, device=device)
    best = scores[each, wanted]
    scores[each, wanted] = float("-inf")
    runner_up = scores.max(dim=-1).values
    return bool(torch.isfinite(best).all() and (best - runner_up > MARGIN).all())


def _columns(tokens: torch.Tensor, cols: torch.Tensor) -> torch.Tensor:
    """The position of each token in the sorted ``cols``, -1 where it is not there."""
    at = torch.searchsorted(cols, tokens).clamp(max=len(cols) - 1)
    return torch.where(cols[at] == tokens, at, -1)


def _first_occurrences(ids: list[int]) -> tuple[torch.Tensor, torch.Tensor]:
    first: dict[int, int] = {}
    for at, token in enumerate(ids):
        first.setdefault(token, at)
    return torch.tensor(list(first)), torch.tensor(list(first.values()))


def _ngram_bans(ids: list[int], n: int) -> list[tuple[int, int]]:
    """(step, token) pairs ``NoRepeatNGramLogitsProcessor`` bans while decoding after ``ids``:
    at step s (prefix ids[0..s]) a token that would complete an n-gram already in the prefix."""
    seen: dict[tuple, set[int]] = {}
    bans = []
    for s in range(len(ids)):
        if s >= n - 1:
            seen.setdefault(tuple(ids[s - n + 1 : s]), set()).add(ids[s])
        if s + 1 >= n:
            bans.extend((s, token) for token in seen.get(tuple(ids[s - n + 2 : s + 1]), ()))
    return bans
