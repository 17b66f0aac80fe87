"""Export a training checkpoint to a small shippable folder (default ``models/default/``).

The folder holds ``model.safetensors`` (fp16, tied weights stored once), ``config.json``,
``generation_config.json`` and the tokenizer files. Load it with::

    import torch
    import summarize.models.tied  # noqa: F401  registers the tied encoder-decoder with the Auto classes
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer
    model = AutoModelForSeq2SeqLM.from_pretrained(path, use_safetensors=True, dtype=torch.float32)
    tok = AutoTokenizer.from_pretrained(path)

or simply ``model, tok = models.export.load_exported(path)``. ``dtype=torch.float32`` matters
on CPU: transformers v5 otherwise keeps the stored fp16, which is slow there.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path


DEFAULT_EXPORT = Path(__file__).resolve().parent / "default"
KEEP = {"model.safetensors", "config.json", "generation_config.json", "tokenizer.json",
        "tokenizer_config.json", "special_tokens_map.json", "vocab.txt", "README.md"}


def load_exported(path: str | Path = DEFAULT_EXPORT, device: str | None = None):
    """(model, tokenizer) ready for ``generate``: fp32 on CPU, fp16 on CUDA, eval mode."""
    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    from summarize.models import tied  # noqa: F401  (registration)

    device = device or ("cuda" if torch.cuda.is_available() else "cpu")
    dtype = torch.float16 if device.startswith("cuda") else torch.float32
    model = AutoModelForSeq2SeqLM.from_pretrained(str(path), use_safetensors=True, dtype=dtype).to(device).eval()
    return model, AutoTokenizer.from_pretrained(str(path))


def export(checkpoint: str | Path, output: str | Path = DEFAULT_EXPORT, check: bool = True) -> dict:
    """Write the fp16 export of ``checkpoint`` to ``output`` (replacing its model files, keeping
    a README.md model card if present). Returns size and round-trip check figures."""
    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    from summarize.models import tied  # noqa: F401

    checkpoint, output = Path(checkpoint), Path(output)
    model = AutoModelForSeq2SeqLM.from_pretrained(str(checkpoint), use_safetensors=True, dtype=torch.float32).eval()
    tok = AutoTokenizer.from_pretrained(str(checkpoint))
    with tempfile.TemporaryDirectory(dir=output.parent if output.parent.exists() else None) as tmp:
        tmp = Path(tmp)
        model.to(torch.float16).save_pretrained(str(tmp))
        tok.save_pretrained(str(tmp))
        output.mkdir(parents=True, exist_ok=True)
        for f in output.iterdir():
            if f.name != "README.md" and f.is_file():
                f.unlink()
        for f in tmp.iterdir():
            if f.name in KEEP and f.name != "README.md":
                shutil.copyfile(f, output / f.name)  # (not copy2: the temp files are 0600)
    size = sum(f.stat().st_size for f in output.iterdir() if f.is_file())
    info = {"output": str(output), "bytes": size, "parameters": sum(p.numel() for p in model.parameters())}
    if check:
        info.update(_roundtrip(checkpoint, output))
    return info


def _roundtrip(checkpoint: Path, output: Path) -> dict:
    """Reload the export and compare its logits and greedy output with the fp32 checkpoint."""
    import torch
    from transformers import AutoModelForSeq2SeqLM

    ref = AutoModelForSeq2SeqLM.from_pretrained(str(checkpoint), use_safetensors=True, dtype=torch.float32).eval()
    new, tok = load_exported(output, device="cpu")
    x = tok(["copy: The trial enrolled 120 adults with type 2 diabetes over 12 months."], return_tensors="pt")
    with torch.no_grad():
        start = torch.full((1, 1), ref.config.decoder_start_token_id)
        a = ref(**x, decoder_input_ids=start).logits
        b = new(**x, decoder_input_ids=start).logits
        ga = ref.generate(**x, num_beams=1, max_new_tokens=24)
        gb = new.generate(**x, num_beams=1, max_new_tokens=24)
    return {"max_logit_diff": float((a - b).abs().max()), "same_greedy": bool(torch.equal(ga, gb)),
            "class": type(new).__name__}
