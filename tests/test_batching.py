"""Batching across drafts: the same results as one draft at a time, in fewer model calls."""
from __future__ import annotations

import pytest

from conftest import HOUSE_ARTICLE, MARKDOWN_DRAFT, PLAIN_DRAFT, house_draft
from summarize.batching import CoalescingModel
from summarize.corpus.parse import DraftError
from summarize.models.loading import Seq2SeqModel
from summarize.pipeline import Summarizer

DRAFTS = [house_draft(HOUSE_ARTICLE), PLAIN_DRAFT, MARKDOWN_DRAFT, PLAIN_DRAFT.replace("Magnesium", "Zinc")]


@pytest.fixture(scope="module")
def greedy(tiny_model_dir):
    return Summarizer(str(tiny_model_dir), beams=1)


def test_pipe_equals_one_at_a_time_with_greedy_decoding(greedy):
    alone = [greedy.summarize(t).to_dict() for t in DRAFTS]
    piped = [r.to_dict() for r in greedy.pipe(DRAFTS, batch_size=4)]
    for d in alone + piped:
        d.pop("seconds")
    assert piped == alone


def test_calls_from_several_drafts_share_one_generate(greedy, monkeypatch):
    calls = []
    real = greedy.model.generate

    def counting(texts, **kw):
        calls.append(len(texts))
        return real(texts, **kw)

    monkeypatch.setattr(greedy.model, "generate", counting)
    list(greedy.pipe(DRAFTS[:2], batch_size=2))
    per_draft = []
    for t in DRAFTS[:2]:
        before = len(calls)
        greedy.summarize(t)
        per_draft.append(len(calls) - before)
    merged = len(calls) - sum(per_draft)
    # Rewrite calls of both drafts merge into one; so do their heading calls (if any).
    assert merged < sum(per_draft)


def test_pipe_keeps_order_and_returns_or_raises_failures(greedy):
    texts = [PLAIN_DRAFT, "   ", MARKDOWN_DRAFT]
    out = list(greedy.pipe(texts, batch_size=3, return_exceptions=True))
    assert isinstance(out[1], DraftError)
    assert out[0].article.text == greedy.summarize(PLAIN_DRAFT).article.text
    with pytest.raises(DraftError):
        list(greedy.pipe(texts, batch_size=3))


def test_a_model_error_reaches_every_waiting_draft(tiny_model_dir):
    class Broken:
        def generate(self, texts, **kw):
            raise RuntimeError("out of memory")

    proxy = CoalescingModel(Broken())
    proxy.draft_started()
    with pytest.raises(RuntimeError, match="out of memory"):
        proxy.generate(["a sentence"], task="rewrite")


def test_int8_quantization_loads_and_generates(tiny_model_dir):
    import torch

    m = Seq2SeqModel(tiny_model_dir, quantize="int8")
    out = m.generate(["Chamomile tea may ease sleep."], task="rewrite")
    assert len(out) == 1 and isinstance(out[0], str)
    # the output layer stays float; every other Linear layer is int8 (int8-all: all of them)
    assert type(m.model.get_output_embeddings()) is torch.nn.Linear
    assert not any(type(x) is torch.nn.Linear for x in m.model.modules() if x is not m.model.get_output_embeddings())
    every = Seq2SeqModel(tiny_model_dir, quantize="int8-all")
    assert not any(type(x) is torch.nn.Linear for x in every.model.modules())
    with pytest.raises(ValueError, match="unknown quantization"):
        Seq2SeqModel(tiny_model_dir, quantize="int4")


def test_sentence_splitting_is_thread_safe():
    # pysbd keeps the text being split on the Segmenter; one shared Segmenter gave threads each
    # other's sentences, so Summarizer.pipe planned leads from the wrong text.
    import threading

    from summarize.corpus.text import _split_cached, split_sentences

    texts = [f"Draft {i} says magnesium may help. Dr. Lee, aged {i}, disagrees! Is it safe? "
             f"Ask a doctor e.g. before use.\nA wrapped line {i} continues here." for i in range(64)]
    _split_cached.cache_clear()
    expected = [split_sentences(t) for t in texts]
    got: dict[int, list] = {}

    def work(k: int) -> None:
        for i in range(k, len(texts), 8):
            got[i] = split_sentences(texts[i])

    for _ in range(5):
        _split_cached.cache_clear()
        threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert [got[i] for i in range(len(texts))] == expected


def test_waiting_for_other_drafts_does_not_count_against_the_time_limit():
    import threading
    import time

    from summarize.deadline import DraftTimeout, paused, time_limit

    result = []

    def draft():
        try:
            with time_limit(0.3):
                with paused():
                    time.sleep(0.6)  # waiting on a batch another draft holds up
                result.append("done")
                with pytest.raises(DraftTimeout):
                    while True:  # its own work still runs out of time
                        pass
                result.append("stopped")
        except DraftTimeout:
            result.append("timed out while paused")

    t = threading.Thread(target=draft)
    t.start()
    t.join(10)
    assert result == ["done", "stopped"]
