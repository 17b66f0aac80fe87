"""Shared fixtures: short drafts written for the tests, and a tiny random seq2seq model.

The model is an EncoderDecoderModel built from two tiny BertConfigs with a WordPiece vocab
made from the fixture text, saved as safetensors: the same loading path as a real checkpoint.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

HOUSE_ARTICLE = (
    "Chamomile tea is a mild herbal drink that may ease sleep, though research is limited and it can interact with blood thinners.\n"
    "Chamomile has been brewed for centuries as a bedtime drink. This article looks at what it does and how to use it well.\n"
    "- What Chamomile Is and Why People Drink It\n"
    "- How It May Affect Sleep\n"
    "- – Evidence from small trials.\n"
    "What Chamomile Is and Why People Drink It\n"
    "What Chamomile Is and Why People Drink It\n"
    "Chamomile is a daisy-like plant whose dried flowers are steeped in hot water. People drink it to relax in the evening.\n"
    "The tea contains apigenin, a compund that binds to receptors in the brain.\n"
    "How It May Affect Sleep\n"
    "Some people report falling asleep faster after a cup of chamomile’s “calming” brew. The effect seems to be mild.\n"
    "– Evidence from small trials.\n"
    "Two small trials with 80 adults found modest benefits, but more research is needed before firm conclusions can be drawn.\n"
    "Chamomile can interact with blood thinners such as warfarin, so talk to a doctor first if you take medication.\n"
    "Chamomile is a gentle option for many people. Consult a healthcare professional if sleep problems persist."
)


def house_draft(article: str = HOUSE_ARTICLE) -> str:
    lines = article.split("\n")
    return "\n".join(line for i, line in enumerate(lines) if i > 0 and not line.startswith("- "))


PLAIN_DRAFT = (
    "Magnesium is a mineral that many people take at night to help them relax.\n\n"
    "It plays a part in hundreds of reactions in the body, including those that\n"
    "control muscles and nerves. Low levels have been linked to poor sleep.\n\n"
    "Supplements come in several forms. Magnesium glycinate is often described as gentle\n"
    "on the stomach, while magnesium citrate can act as a laxative.\n\n"
    "Taking too much can cause side effects such as diarrhea and nausea. People with kidney\n"
    "disease should ask a doctor before taking it.\n\n"
    "Overall, magnesium may help some people sleep, but evidence is still limited."
)

MARKDOWN_DRAFT = (
    "# Valerian Root for Sleep\n\n"
    "Valerian is a herb used as a sleep aid in Europe for a long time.\n\n"
    "## What the studies say\n\n"
    "Reviews of trials report mixed results, and more research is needed.\n\n"
    "### Dosage\n\n"
    "Typical doses range from 300 to 600 mg taken before bed.\n\n"
    "## Safety\n\n"
    "Valerian may cause headaches and should not be combined with alcohol.\n\n"
    "Talk to a doctor before using it with other sedatives."
)


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory) -> Path:
    import torch
    from transformers import BertConfig, BertTokenizerFast, EncoderDecoderModel

    torch.manual_seed(0)
    root = tmp_path_factory.mktemp("tiny-model")
    words = sorted({w.lower() for w in re.findall(r"[A-Za-z]+|\d+|[^\sA-Za-z\d]", HOUSE_ARTICLE + PLAIN_DRAFT + MARKDOWN_DRAFT)})
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "rewrite", "summarize", "heading", ":"] + words
    vocab = list(dict.fromkeys(vocab))
    (root / "vocab.txt").write_text("\n".join(vocab) + "\n")
    # (transformers 5 ignores vocab_file here and builds a 5-token vocabulary: every word [UNK])
    tok = BertTokenizerFast(vocab={w: i for i, w in enumerate(vocab)}, do_lower_case=True, model_max_length=128)
    assert tok.tokenize(words[-1])[0] != tok.unk_token
    small = dict(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                 intermediate_size=64, max_position_embeddings=128)
    enc = BertConfig(**small)
    dec = BertConfig(**small, is_decoder=True, add_cross_attention=True)
    from transformers import EncoderDecoderConfig

    config = EncoderDecoderConfig.from_encoder_decoder_configs(enc, dec)
    model = EncoderDecoderModel(config=config)
    model.config.decoder_start_token_id = tok.cls_token_id
    model.config.pad_token_id = tok.pad_token_id
    model.config.eos_token_id = tok.sep_token_id
    model.config.task_specific_params = {
        "summarization": {"prefix": "summarize: "},
        "rewrite": {"prefix": "rewrite: "},
        "heading": {"prefix": "heading: "},
    }
    model.generation_config.decoder_start_token_id = tok.cls_token_id
    model.generation_config.pad_token_id = tok.pad_token_id
    model.generation_config.eos_token_id = tok.sep_token_id
    model.save_pretrained(root, safe_serialization=True)
    tok.save_pretrained(root)
    return root


@pytest.fixture(scope="session")
def tiny_bart_dir(tmp_path_factory) -> Path:
    """A tiny random BART with a byte-level BPE tokenizer: a cased, non-BERT checkpoint."""
    import torch
    from tokenizers import ByteLevelBPETokenizer
    from transformers import BartConfig, BartForConditionalGeneration, PreTrainedTokenizerFast

    torch.manual_seed(0)
    root = tmp_path_factory.mktemp("tiny-bart")
    bpe = ByteLevelBPETokenizer()
    bpe.train_from_iterator([HOUSE_ARTICLE, PLAIN_DRAFT, MARKDOWN_DRAFT], vocab_size=400, min_frequency=1,
                            special_tokens=["<s>", "<pad>", "</s>", "<unk>", "<mask>"])
    tok = PreTrainedTokenizerFast(tokenizer_object=bpe._tokenizer, model_max_length=128, bos_token="<s>",
                                  eos_token="</s>", pad_token="<pad>", unk_token="<unk>", mask_token="<mask>")
    config = BartConfig(vocab_size=len(tok), d_model=32, encoder_layers=1, decoder_layers=1,
                        encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=64,
                        decoder_ffn_dim=64, max_position_embeddings=128, pad_token_id=tok.pad_token_id,
                        bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id,
                        decoder_start_token_id=tok.eos_token_id, forced_eos_token_id=tok.eos_token_id)
    BartForConditionalGeneration(config).save_pretrained(root, safe_serialization=True)
    tok.save_pretrained(root)
    return root


def write_draft_folder(root: Path, markdown: bool = True) -> Path:
    """A folder of good drafts: a house draft, a plain one in a sub-folder and (``markdown``) a
    Markdown one. Tests add the bad files they need."""
    (root / "sub").mkdir(parents=True)
    (root / "chamomile.txt").write_text(house_draft(), encoding="utf-8")
    (root / "sub" / "magnesium.txt").write_text(PLAIN_DRAFT, encoding="utf-8")
    if markdown:
        (root / "valerian.md").write_text(MARKDOWN_DRAFT, encoding="utf-8")
    return root
