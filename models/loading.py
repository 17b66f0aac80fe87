"""Loading any Hugging Face seq2seq checkpoint safely, and generating with it.

``Seq2SeqModel`` wraps a model and its tokenizer the way sentence-transformers wraps an
encoder: one object, loaded once, with a ``generate`` that takes strings and returns strings.
Weights load from safetensors only and remote code is never trusted.
"""
from __future__ import annotations

import logging
import os
import threading
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from summarize.corpus.tasks import INFERENCE_PREFIXES

logger = logging.getLogger(__name__)

DEFAULT_MODEL_DIR = Path(__file__).resolve().parent / "default"


# Beam width of lead sentences. Measured with `summarize eval` (40 Cochrane and 40 web drafts):
# 4 beams add 0.1-0.2 ROUGE-1 over greedy, cost 1.8x the decoding time and leave fewer leads free
# of coherence defects (82% vs 90% on Cochrane), so greedy is the default.
DEFAULT_BEAMS = 1
# Sentences per generate() call. Summarizer.pipe merges the calls of many drafts; on the 22 bench
# drafts (2 CPU cores, greedy) 64 rows per call took 19-22 s where 16 took 28 s (generate's
# per-step overhead is paid once for more rows); 128 was no faster with 8 drafts at once.
DEFAULT_BATCH_SIZE = 64
QUANTIZE_OPTIONS = (None, "int8", "int8-all")
DTYPE_OPTIONS = (None, "float32", "bfloat16")
# Tasks whose output is usually the input itself (the shipped model copies 78% of the lead
# sentences it is asked to rewrite): greedy decoding checks a copy first (models/copycheck.py).
COPY_TASKS = frozenset({"rewrite", "copy"})


class ModelLoadError(RuntimeError):
    """The model could not be loaded (missing, not seq2seq, not safetensors, ...)."""


def default_model_path() -> Path | None:
    """The shipped model, if its weights are present."""
    if (DEFAULT_MODEL_DIR / "model.safetensors").is_file() and (DEFAULT_MODEL_DIR / "config.json").is_file():
        return DEFAULT_MODEL_DIR
    return None


def resolve_device(device: str | None) -> str:
    import torch

    if device in (None, "", "auto"):
        return "cuda" if torch.cuda.is_available() else "cpu"
    if device.startswith("cuda") and not torch.cuda.is_available():
        raise ModelLoadError(f"device {device!r} requested but CUDA is not available")
    return device


@dataclass
class GenerationSettings:
    num_beams: int = DEFAULT_BEAMS
    max_new_tokens: int = 64
    no_repeat_ngram_size: int = 3
    repetition_penalty: float = 1.2
    length_penalty: float = 1.0


class Seq2SeqModel:
    """A seq2seq checkpoint (local path or hub id) with its tokenizer."""

    def __init__(self, name_or_path: str | os.PathLike | None = None, device: str | None = "cpu",
                 quantize: str | None = None, dtype: str | None = None):
        """quantize: ``"int8"`` for dynamic int8 quantization of the Linear layers but the output
        layer, ``"int8-all"`` for all of them (CPU only);
        dtype: ``"bfloat16"`` or ``"float32"`` compute type (default: float32 on CPU, as stored elsewhere)."""
        import torch
        from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

        import summarize.models.tied  # noqa: F401  registers the project's tied BERT2BERT with the Auto classes

        if name_or_path is None:
            path = default_model_path()
            if path is None:
                raise ModelLoadError(
                    f"no default model is shipped in {DEFAULT_MODEL_DIR}; "
                    "pass --model with a local checkpoint folder or a cached hub id"
                )
            name_or_path = path
        self.name = str(name_or_path)
        local = Path(self.name)
        # A hub id is "name" or "owner/name"; anything else that does not exist is a missing
        # folder, and saying so beats the hub client's "Repo id must be in the form ..." message.
        if not local.exists() and (self.name.startswith(("/", ".", "~")) or self.name.count("/") > 1):
            raise ModelLoadError(f"{self.name}: no such checkpoint folder")
        if local.exists() and not local.is_dir():
            raise ModelLoadError(f"{self.name}: expected a checkpoint folder, got a file")
        if local.is_dir() and not any(local.glob("*.safetensors")):
            raise ModelLoadError(f"{self.name}: no .safetensors weights (other formats are refused)")
        if quantize not in QUANTIZE_OPTIONS:
            raise ValueError(f"unknown quantization {quantize!r} (choose from int8, int8-all or none)")
        if dtype not in DTYPE_OPTIONS:
            raise ValueError(f"unknown dtype {dtype!r} (choose from {', '.join(d for d in DTYPE_OPTIONS if d)})")
        self.device = resolve_device(device)
        if quantize and self.device != "cpu":
            raise ValueError("int8 dynamic quantization runs on the CPU only (use --dtype bfloat16 on a GPU)")
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(self.name, trust_remote_code=False)
            self.model = AutoModelForSeq2SeqLM.from_pretrained(
                self.name, use_safetensors=True, trust_remote_code=False
            )
        except (OSError, ValueError, KeyError) as exc:
            raise ModelLoadError(f"{self.name}: cannot load a seq2seq model ({_first_line(exc)})") from exc
        # fp16 weights are for shipping; compute in fp32 on CPU, where fp16 matmuls are slow.
        if self.device == "cpu" and self.model.dtype != torch.float32:
            self.model = self.model.float()
        if dtype is not None:
            self.model = self.model.to(getattr(torch, dtype))
        self.model.to(self.device).eval()
        if quantize:
            self.model = _quantize_int8(self.model, keep_output_layer=quantize == "int8")
        self.quantize, self.dtype = quantize, dtype
        # Lengths are set per call (max_new_tokens); a stale max_length=20 only causes warnings.
        if getattr(self.model.generation_config, "max_length", None) == 20:
            self.model.generation_config.max_length = None
        self.config = self.model.config
        self.prefixes = self._prefixes()
        self._generating = threading.Lock()

    # -- introspection -------------------------------------------------------------------
    def _prefixes(self) -> dict[str, str]:
        params = getattr(self.config, "task_specific_params", None) or {}
        out = {}
        for task in INFERENCE_PREFIXES:
            prefix = (params.get(task) or {}).get("prefix")
            if prefix is None and task != "summarization":
                # A generic checkpoint only knows summarization; use its prefix for every task.
                prefix = (params.get("summarization") or {}).get("prefix", "")
            out[task] = prefix or ""
        return out

    @property
    def max_source_tokens(self) -> int:
        enc = getattr(self.config, "encoder", None) or self.config
        limit = getattr(enc, "max_position_embeddings", None) or getattr(enc, "n_positions", None)
        tok_limit = getattr(self.tokenizer, "model_max_length", None)
        candidates = [x for x in (limit, tok_limit) if isinstance(x, int) and 0 < x < 100_000]
        return min(candidates) if candidates else 512

    @property
    def max_target_tokens(self) -> int:
        dec = getattr(self.config, "decoder", None) or self.config
        limit = getattr(dec, "max_position_embeddings", None) or getattr(dec, "n_positions", None)
        return (limit - 2) if isinstance(limit, int) and limit > 8 else 1024

    @property
    def uncased(self) -> bool:
        return bool(getattr(self.tokenizer, "do_lower_case", False)) or self.tokenizer.tokenize("A") == self.tokenizer.tokenize("a")

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer(text, add_special_tokens=True, verbose=False)["input_ids"])

    # -- generation ----------------------------------------------------------------------
    def generate(
        self,
        texts: list[str],
        task: str = "summarization",
        settings: GenerationSettings | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        constrain_to_source: bool = False,
        max_source_tokens: int | None = None,
    ) -> list[str]:
        """Generate one output per input text, batched; inputs are truncated to the context."""
        import torch

        from summarize.models.constrain import SourceVocabularyProcessor, output_layer_restricted

        settings = settings or GenerationSettings()
        prefix = self.prefixes.get(task, "")
        limit = min(max_source_tokens or self.max_source_tokens, self.max_source_tokens)
        copies = task in COPY_TASKS and settings.num_beams == 1 and self._copies_checkable()
        outputs: list[str] = []
        for i in range(0, len(texts), batch_size):
            batch = [prefix + t for t in texts[i : i + batch_size]]
            enc = self.tokenizer(batch, return_tensors="pt", padding=True, truncation=True, max_length=limit)
            enc = {k: v.to(self.device) for k, v in enc.items() if k in ("input_ids", "attention_mask")}
            kwargs = dict(
                num_beams=settings.num_beams,
                max_new_tokens=min(settings.max_new_tokens, self.max_target_tokens),
                no_repeat_ngram_size=settings.no_repeat_ngram_size,
                repetition_penalty=settings.repetition_penalty,
                length_penalty=settings.length_penalty,
                early_stopping=settings.num_beams > 1,
            )
            restricted, constraint = nullcontext(), None
            if constrain_to_source:
                constraint = SourceVocabularyProcessor(self.tokenizer, enc["input_ids"], settings.num_beams)
                kwargs["logits_processor"] = [constraint]
                if settings.num_beams == 1:
                    restricted = output_layer_restricted(self.model, constraint)
            # One generate at a time: a restricted call swaps the model's output layer.
            with self._generating, torch.inference_mode(), restricted:
                if copies:
                    outputs.extend(self._generate_unless_copied(texts[i : i + batch_size], enc, kwargs, constraint, limit))
                    continue
                ids = self.model.generate(**enc, **kwargs)
            outputs.extend(self.tokenizer.batch_decode(ids, skip_special_tokens=True))
        return [o.strip() for o in outputs]

    def _copies_checkable(self) -> bool:
        """Whether ``copycheck`` can tell what greedy decoding writes: a plain greedy generation
        config, and full float32 arithmetic (its margin is measured for float32: int8 activations,
        bfloat16 or TF32 matmuls round the two ways of computing the logits apart by far more)."""
        import torch

        from summarize.models.copycheck import plain_greedy

        return (self.quantize is None and self.model.dtype == torch.float32
                and torch.get_float32_matmul_precision() == "highest" and plain_greedy(self.model))

    def _generate_unless_copied(self, texts: list[str], enc: dict, kwargs: dict, constraint, limit: int) -> list[str]:
        """Greedy outputs of one batch, most of which copy their input: the rows whose copy greedy
        decoding would write (one teacher-forced pass tells, see copycheck) are not decoded; the
        others are, with the encoder outputs generate would compute for them anyway."""
        import torch

        from summarize.models.constrain import SourceVocabularyProcessor
        from summarize.models.copycheck import greedy_would_write

        config = self.model.generation_config
        # A truncated input's copy is not what the model read: not tried.
        lengths = enc["attention_mask"].sum(dim=1).tolist()
        targets = [None if n >= limit else
                   [config.decoder_start_token_id, *self.tokenizer(t, add_special_tokens=False)["input_ids"], config.eos_token_id]
                   for t, n in zip(texts, lengths)]
        encoded = self.model.get_encoder()(**enc, return_dict=True)  # what generate computes first
        copied = greedy_would_write(self.model, encoded, enc["attention_mask"], targets, kwargs["max_new_tokens"],
                                    kwargs["repetition_penalty"], kwargs["no_repeat_ngram_size"], constraint)
        outputs = [None] * len(texts)
        kept = [r for r, ok in enumerate(copied) if ok]
        for r, text in zip(kept, self.tokenizer.batch_decode([targets[r] for r in kept], skip_special_tokens=True)):
            outputs[r] = text
        rest = [r for r, ok in enumerate(copied) if not ok]
        if rest:
            index = torch.tensor(rest, device=enc["input_ids"].device)
            kwargs = dict(kwargs)
            if constraint is not None:  # its masks are per row; the output layer stays the batch's
                kwargs["logits_processor"] = [SourceVocabularyProcessor(self.tokenizer, enc["input_ids"][index], 1)]
            ids = self.model.generate(
                encoder_outputs=type(encoded)(last_hidden_state=encoded.last_hidden_state[index]),
                attention_mask=enc["attention_mask"][index], **kwargs)
            for r, text in zip(rest, self.tokenizer.batch_decode(ids, skip_special_tokens=True)):
                outputs[r] = text
        return outputs


def _quantize_int8(model, keep_output_layer: bool):
    """Dynamic int8 quantization of the Linear layers (torch's, no calibration data): they hold
    most of the weights and time, and activations stay float, so decoding is unchanged.

    ``keep_output_layer``: the output projection (``get_output_embeddings``) stays float. It
    picks each word, so its rounding error flips near-ties between words: with it quantized,
    heading ROUGE-L fell from 13.2 to 9.8 on 20 ScisummNet sections (README)."""
    import warnings

    import torch

    head = model.get_output_embeddings() if keep_output_layer else None
    names = {name for name, module in model.named_modules()
             if isinstance(module, torch.nn.Linear) and module is not head}
    with warnings.catch_warnings():  # torch announces a move of this API to torchao
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", UserWarning)
        return torch.ao.quantization.quantize_dynamic(model, names, dtype=torch.qint8)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
