"""The model's tasks and their input prefixes: the one home for training and inference.

Training pairs carry the prefix of their task in ``source``; a trained checkpoint stores the
inference prefixes in ``config.task_specific_params[task]["prefix"]``, which the loader reads.
"""
from __future__ import annotations

# Training task -> the prefix its inputs carry. Several training tasks can teach one
# inference task (``gsg`` is the unlabeled half of ``summarize``; ``compress`` of ``rewrite``).
PREFIXES = {
    "summarize": "summarize: ",
    "gsg": "summarize: ",
    "rewrite": "rewrite: ",
    "compress": "rewrite: ",
    "heading": "heading: ",
    "copy": "copy: ",
    "fuse": "fuse: ",
    "decontextualize": "decontextualize: ",
}
TASKS = tuple(PREFIXES)

# Inference task (as the pipeline names it) -> prefix.
INFERENCE_PREFIXES = {
    "summarization": PREFIXES["summarize"],
    "rewrite": PREFIXES["rewrite"],
    "heading": PREFIXES["heading"],
    "fuse": PREFIXES["fuse"],
    "decontextualize": PREFIXES["decontextualize"],
    # Shares rewrite's prefix: the pipeline asks it of long picks and gates it as a compression.
    "compress": PREFIXES["compress"],
}

# Training task -> the inference task it teaches (what a checkpoint trained on it can be asked).
TEACHES = {"summarize": "summarization", "gsg": "summarization", "rewrite": "rewrite", "compress": "compress",
           "heading": "heading", "fuse": "fuse", "decontextualize": "decontextualize", "copy": "copy"}

# ``decontextualize`` inputs: the context sentence(s), this separator, then the sentence to repair.
# BERT's own segment separator, so the tokenizer reads it as one special token.
CONTEXT_SEPARATOR = " [SEP] "
