"""Lead-writing strategies behind one interface: ``write_lead(article, model, ...) -> [LeadSentence]``.

- ``rewrite`` (default): extract the salient sentences (intro, each section, closing) and
  rewrite each with the model, batched (Chen & Bansal 2018, extract-then-rewrite).
- ``direct``: the whole draft in, map-reduce over chunks when it exceeds the model's context.

Every generated sentence passes the faithfulness gate against its source sentences; a
rejected one is replaced by its extracted sentence (provenance ``extract``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from summarize.corpus.article import Article
from summarize import extract, faithfulness
from summarize.normalize import SourceCasing, dedupe, normalise_generated
from summarize.corpus.text import split_sentences, word_count, words

STRATEGIES = ("rewrite", "direct")


@dataclass
class LeadSentence:
    text: str
    source: str  # "model", "extract" or "caveat"
    source_text: str | None = None  # the draft sentence(s) it was written from
    start: int | None = None  # offsets of source_text in Article.text
    end: int | None = None
    rejected: str | None = None  # the model's sentence the gate refused, if any
    reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        d = {"text": self.text, "source": self.source}
        if self.source_text is not None:
            d.update(source_text=self.source_text, start=self.start, end=self.end)
        if self.rejected is not None:
            d.update(rejected=self.rejected, reasons=self.reasons)
        return d


def _gated(text: str, ex: extract.Extract, document: str) -> LeadSentence:
    """Gate one normalised generated sentence against the sentence it was written from."""
    verdict = faithfulness.check(text, ex.text, document) if text else faithfulness.GateResult(False, ["empty output"])
    if verdict.ok:
        return LeadSentence(text, "model", ex.text, ex.start, ex.end)
    return LeadSentence(ex.text, "extract", ex.text, ex.start, ex.end, rejected=text or None, reasons=verdict.reasons)


def write_rewrite(article: Article, model, settings, max_words: int, batch_size: int = 16) -> list[LeadSentence]:
    picks = extract.select(article, max_words=max_words)
    if not picks:
        return []
    outputs = model.generate([p.text for p in picks], task="rewrite", settings=settings,
                             batch_size=batch_size, constrain_to_source=True)
    casing = SourceCasing(article.text)
    return [_gated(normalise_generated(out, casing) if out.strip() else "", p, article.text)
            for p, out in zip(picks, outputs)]


def _chunks(article: Article, model, limit: int) -> list[str]:
    """Paragraph-aligned chunks that fit the model's context (long paragraphs split by sentence)."""
    pieces: list[str] = []
    for p in article.paragraphs():
        if model.count_tokens(p.text) <= limit:
            pieces.append(p.text)
        else:
            pieces.extend(s.text for s in split_sentences(p.text))
    chunks, current = [], ""
    for piece in pieces:
        candidate = (current + "\n" + piece).strip()
        if current and model.count_tokens(candidate) > limit:
            chunks.append(current)
            current = piece
        else:
            current = candidate
    if current:
        chunks.append(current)
    return chunks


def _best_support(sentence: str, candidates: list[extract.Extract]) -> extract.Extract:
    target = set(words(sentence))
    return max(candidates, key=lambda c: len(target & set(words(c.text))) / (1 + len(set(words(c.text)))) ** 0.5)


def write_direct(article: Article, model, settings, max_words: int, batch_size: int = 16) -> list[LeadSentence]:
    limit = model.max_source_tokens - 8
    chunks = _chunks(article, model, limit)
    summaries = model.generate(chunks, task="summarization", settings=settings, batch_size=batch_size)
    # Reduce: summaries of several chunks are summarised again if they still do not fit.
    while len(summaries) > 1 and model.count_tokens(" ".join(summaries)) > limit:
        merged = [" ".join(summaries[i : i + 4]) for i in range(0, len(summaries), 4)]
        summaries = model.generate(merged, task="summarization", settings=settings, batch_size=batch_size)
    candidates = extract.candidate_sentences(article)
    if not candidates:
        return []
    casing = SourceCasing(article.text)
    out: list[LeadSentence] = []
    raw = " ".join(summaries)
    for sent in split_sentences(normalise_generated(raw, casing) if raw.strip() else ""):
        support = _best_support(sent.text, candidates)
        out.append(_gated(sent.text, support, article.text))
    if not out:  # the model said nothing usable: fall back to extraction
        out = [LeadSentence(p.text, "extract", p.text, p.start, p.end, reasons=["no model output"])
               for p in extract.select(article, max_words=max_words)]
    return out


def write_lead(article: Article, model, strategy: str, settings, max_words: int, batch_size: int = 16) -> list[LeadSentence]:
    if strategy not in STRATEGIES:
        raise ValueError(f"unknown strategy {strategy!r} (choose from {', '.join(STRATEGIES)})")
    writer = write_rewrite if strategy == "rewrite" else write_direct
    sentences = writer(article, model, settings, max_words, batch_size)
    keep = dedupe([s.text for s in sentences])
    sentences = [sentences[i] for i in keep]
    return trim(sentences, max_words)


def trim(sentences: list[LeadSentence], max_words: int, protect: int = 1) -> list[LeadSentence]:
    """Drop sentences until the lead fits ``max_words``: never a caveat nor the first ``protect``
    content sentences (the intro's claim and the main points, so caveats cannot crowd out what
    the article is about); the longest middle sentence goes first, the closing advice last."""
    content = [s for s in sentences if s.source != "caveat"]
    fixed = {id(s) for s in content[: max(1, protect)]} | {id(s) for s in sentences if s.source == "caveat"}
    total = sum(word_count(s.text) for s in sentences)
    while total > max_words:
        droppable = [k for k, s in enumerate(sentences) if id(s) not in fixed]
        if not droppable:
            break
        middle = [k for k in droppable if k < len(sentences) - 1] or droppable
        i = max(middle, key=lambda k: word_count(sentences[k].text))
        total -= word_count(sentences[i].text)
        sentences = sentences[:i] + sentences[i + 1 :]
    return sentences
