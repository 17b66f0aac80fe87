"""The one path from draft to finished article.

    parse draft -> write lead (strategy + faithfulness gate) -> caveat filter -> outline -> render

``Summarizer`` holds the loaded model (load once, call many times), like a spaCy ``nlp``:

    >>> from summarize import Summarizer
    >>> s = Summarizer()                      # the shipped model, CPU
    >>> result = s(open("draft.txt").read())
    >>> print(result.lead); print(result.house())
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from summarize import coherence
from summarize.batching import DRAFTS_AT_ONCE
from summarize.corpus.article import Article, OutlineEntry
from summarize.corpus.parse import parse_article
from summarize.corpus.render import article_dict, render_house, render_json, render_markdown
from summarize.models.loading import DEFAULT_BATCH_SIZE, DEFAULT_BEAMS, GenerationSettings, Seq2SeqModel
from summarize.normalize import close_sentence, name_people, respell, undouble, unemphasise, untag_speakers
from summarize.outline import HEADING_METHODS, build_outline
from summarize.strategies import STRATEGIES, LeadSentence, trim, write_lead
from summarize.corpus.text import WORD, word_count

logger = logging.getLogger(__name__)
FORMATS = ("house", "markdown", "json")
# Content sentences a lead keeps however many caveats it must carry (it may then run past
# max_words; house leads run 55-220 words).
KEEP_CONTENT_SENTENCES = 3
# ... but not past this: a lead whose caveats push it over keeps only its opening's place sure
# (the house leads run 55-220 words; an editor cuts a point before a caveat).
MAX_LEAD_WORDS = 180
# Trim-and-recheck rounds at most (each round drops sentences, so this is a safety bound).
MAX_TRIM_ROUNDS = 3
# Headings are 2-12 words checked against the section and backed by a keyphrase fallback:
# beams buy little there, so headings decode greedily (a quarter of the decoder work).
HEADING_BEAMS = 1


@dataclass
class Result:
    article: Article
    lead_sentences: list[LeadSentence]
    caveats: dict[str, Any] = field(default_factory=dict)
    model: str = ""
    strategy: str = ""
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)

    @property
    def lead(self) -> str:
        return " ".join(s.text for s in self.lead_sentences)

    @property
    def outline(self) -> list[OutlineEntry]:
        return self.article.outline

    def house(self) -> str:
        return render_house(self.article)

    def markdown(self) -> str:
        return render_markdown(self.article)

    def to_dict(self) -> dict[str, Any]:
        sources = [s.source for s in self.lead_sentences]
        return {
            "lead": self.lead,
            "lead_sentences": [s.to_dict() for s in self.lead_sentences],
            "outline": [e.to_dict() for e in self.outline],
            "caveats": self.caveats,
            "model": self.model,
            "strategy": self.strategy,
            "seconds": round(self.seconds, 3),
            "model_written_share": round(sources.count("model") / len(sources), 3) if sources else 0.0,
            "warnings": self.warnings,
            "article": article_dict(self.article),
            "house": self.house(),
        }

    def render(self, fmt: str = "house") -> str:
        if fmt == "house":
            return self.house()
        if fmt == "markdown":
            return self.markdown()
        if fmt == "json":
            return render_json(self.to_dict())
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")


class Summarizer:
    """Loads a seq2seq model once and turns drafts into finished articles.

    model: local checkpoint folder or hub id (``None``: the model shipped in ``models/default``).
    strategy: ``rewrite`` (extract-then-rewrite, default) or ``direct``.
    caveat_policy: path to a caveat policy file (``None``: the shipped policy); ``False`` disables
    the filter (for measuring the model alone).
    headings: for sections without one, ``model`` (generated, keyphrase fallback) or ``keyphrase``.
    """

    def __init__(
        self,
        model: str | Path | Seq2SeqModel | None = None,
        device: str | None = "cpu",
        strategy: str = "rewrite",
        max_words: int = 130,
        beams: int = DEFAULT_BEAMS,
        batch_size: int = DEFAULT_BATCH_SIZE,
        caveat_policy: str | Path | None | bool = None,
        headings: str = "model",
        quantize: str | None = None,
        dtype: str | None = None,
        heading_beams: int = HEADING_BEAMS,
    ):
        if strategy not in STRATEGIES:
            raise ValueError(f"unknown strategy {strategy!r} (choose from {', '.join(STRATEGIES)})")
        self.model = model if isinstance(model, Seq2SeqModel) else Seq2SeqModel(model, device=device, quantize=quantize, dtype=dtype)
        self.strategy = strategy
        self.max_words = max_words
        self.batch_size = batch_size
        self.settings = GenerationSettings(num_beams=beams)
        self.heading_settings = GenerationSettings(num_beams=heading_beams)
        if headings not in HEADING_METHODS:
            raise ValueError(f"unknown heading method {headings!r} (choose from {', '.join(HEADING_METHODS)})")
        self.headings = headings
        self.caveat_filter = _load_caveat_filter(caveat_policy)

    def __call__(self, text: str) -> Result:
        return self.summarize(text)

    def summarize(self, text: str) -> Result:
        t0 = time.perf_counter()
        article = parse_article(text)  # raises corpus.parse.DraftError on unusable text
        warnings = []
        if article.lead is not None:
            warnings.append("the file already had a lead and outline; they were replaced")
        # a filter of the user's own may have no overclaim test: then the plan avoids nothing
        avoid = getattr(self.caveat_filter, "promises_safety", None)
        # the filter's conclusion-level caveat, planned into the lead as its caveat, is not added twice
        conclusions = getattr(self.caveat_filter, "conclusion_caveats", None)
        sentences = write_lead(article, self.model, self.strategy, self.settings, self.max_words, self.batch_size,
                               avoid=avoid, prefer=conclusions(article) if conclusions else ())
        report: dict[str, Any] = {}
        if self.caveat_filter is not None:
            sentences, report = apply_caveats(self.caveat_filter, article, sentences)
            # Caveats are not optional, other sentences are: make room and check again (a
            # dropped sentence may have carried a caveat, which the filter then adds back).
            # Each run's report is merged into the first, so nothing added, removed or
            # rewritten is forgotten; the loop ends when trimming drops nothing.
            for _ in range(MAX_TRIM_ROUNDS):
                if sum(word_count(s.text) for s in sentences) <= self.max_words:
                    break
                trimmed = fit(sentences, self.max_words, keep=_sole_carriers(self.caveat_filter, article, sentences))
                if len(trimmed) == len(sentences):
                    break
                report.setdefault("trimmed", []).extend(
                    s.text for s in sentences if all(s is not t for t in trimmed))
                sentences, again = apply_caveats(self.caveat_filter, article, trimmed)
                report = merge_reports(report, again)
        mended = _final_touches(article, sentences, report)
        if mended:
            warnings.append("the draft's typing slips were mended in the lead: " + ", ".join(mended))
        for s in sentences:
            s.text = close_sentence(s.text)
        article.lead = " ".join(s.text for s in sentences)
        article.outline = build_outline(article, self.model, self.heading_settings, self.headings)
        return Result(article, sentences, report, self.model.name, self.strategy,
                      time.perf_counter() - t0, warnings)

    def pipe(self, texts: Iterable[str], batch_size: int = DRAFTS_AT_ONCE, return_exceptions: bool = False,
             timeout: float = 0.0) -> Iterator[Result]:
        """Summarize many drafts, in order, batching the model calls of up to ``batch_size``
        drafts at a time into one length-sorted ``generate`` (see ``summarize.batching``).

        With ``return_exceptions`` a draft that fails (``DraftError``, ...) yields its exception
        instead of ending the iteration. ``timeout``: seconds per draft (0: no limit); a draft
        past it fails with ``summarize.deadline.DraftTimeout``."""
        from summarize.batching import pipe_batched

        yield from pipe_batched(self, texts, batch_size, return_exceptions, timeout)


def _final_touches(article: Article, sentences: list[LeadSentence], report: dict[str, Any]) -> list[str]:
    """Trimming may have dropped the sentence that named a person a later one calls by surname
    ("Morales recommended …"): name them there, as the draft does; a draft's doubled word ("the
    the") is said once, Markdown's emphasis marks go, a contrast with a draft sentence the lead
    leaves out goes ("Overall, though, …"), and its typing slips ("teh", "reserach") are
    mended. In the lead and in the filter's report of what it added. Returns the slips mended
    ("teh → the")."""
    from summarize.caveats.repair import standing_apart  # (the caveats package loads with the filter)

    prose = article.prose()
    vocabulary = frozenset(w.lower() for w in WORD.findall(prose))
    texts, mended = [], []
    for k, t in enumerate(untag_speakers(name_people([s.text for s in sentences], prose))):
        # (a contrast with the draft's sentence before it reads only after that sentence)
        if not _follows_in_draft(article, sentences[k - 1] if k else None, sentences[k]):
            t = standing_apart(t)
        text, fixes = respell(undouble(unemphasise(t)), vocabulary)
        texts.append(text)
        mended.extend(f"{slip} → {word}" for slip, word in fixes if f"{slip} → {word}" not in mended)
    for s, text in zip(sentences, texts):
        if text != s.text:
            for a in report.get("added", []):
                if a.get("text") == s.text:
                    a["text"] = text
            s.text = text
    return mended


def _sole_carriers(caveat_filter, article: Article, sentences: list[LeadSentence]) -> frozenset[int]:
    """The lead sentences (by ``id``) that alone carry one of the policy's mandated kinds: trimming
    one would only have the filter add another sentence for it, often a weaker one."""
    policy = getattr(caveat_filter, "policy", None)
    if policy is None or not hasattr(caveat_filter, "analyze_summary"):  # a filter of the user's own
        return frozenset()
    from summarize.caveats.nlp import topic_terms  # (the caveats package loads with the filter)

    analyzed = caveat_filter.analyze_summary([s.text for s in sentences], topic_terms(article.prose()))
    carriers = [[i for i, a in enumerate(analyzed) if kind in a.caveat_kinds()] for kind in policy.mandated]
    return frozenset(id(sentences[c[0]]) for c in carriers if len(c) == 1)


def _follows_in_draft(article: Article, before: LeadSentence | None, sentence: LeadSentence) -> bool:
    """Does the lead sentence come from the draft text straight after the one before it?"""
    if before is None or before.end is None or sentence.start is None:
        return False
    return before.end <= sentence.start and not article.text[before.end:sentence.start].strip()


def _load_caveat_filter(policy):
    if policy is False:  # only on request (to measure the model alone), never by accident
        return None
    from summarize.caveats import CaveatFilter, load_policy

    return CaveatFilter(policy=load_policy(policy) if policy else None)


def apply_caveats(caveat_filter, article: Article, sentences: list[LeadSentence]) -> tuple[list[LeadSentence], dict]:
    """Run the caveat filter on the lead's sentences and carry provenance over by the index
    the filter returns for each output sentence (never by matching text)."""
    res = caveat_filter(article, [s.text for s in sentences])
    report = res.report.to_dict()
    out: list[LeadSentence] = []
    for fs in res.sentences:
        if fs.status == "added":
            out.append(LeadSentence(fs.text, "caveat", fs.source_sentence, fs.start, fs.end))
        elif fs.status == "kept":
            out.append(sentences[fs.index])
        else:  # rewritten (an overclaim cut, a final period added): keep where it came from
            orig = sentences[fs.index]
            out.append(LeadSentence(fs.text, orig.source, orig.source_text, orig.start, orig.end))
    return out, report


# Report lists that accumulate over re-runs after trimming.
_MERGED_LISTS = ("added", "removed", "rewritten", "unresolved", "trimmed")


def fit(sentences: list[LeadSentence], max_words: int, keep: frozenset[int] = frozenset()) -> list[LeadSentence]:
    """Trim a lead to ``max_words``, never cutting a caveat, the sentences whose ``id`` is in
    ``keep``, nor the ``KEEP_CONTENT_SENTENCES`` main content sentences, unless the caveats push
    the lead past ``MAX_LEAD_WORDS``: then only the opening's place is sure."""
    trimmed = trim(sentences, max_words, protect=KEEP_CONTENT_SENTENCES, keep=keep)
    cap = max(max_words, MAX_LEAD_WORDS)
    if sum(word_count(s.text) for s in trimmed) > cap:
        trimmed = trim(trimmed, cap, protect=1)
    return _still_standing(sentences, trimmed)


def _still_standing(before: list[LeadSentence], after: list[LeadSentence]) -> list[LeadSentence]:
    """``after`` without the sentences that leaned on a sentence trimming took away ("a week after
    doubling his dose, he …" once the sentence introducing him is gone); the opening always
    stays. A caveat the filter added that now leans on nothing goes too: the filter, run again on
    the trimmed lead, adds its kind back in a form that stands there ("The drug interacts …" once
    "Doctors say the drug …" is gone). (The check knows no surnames: a surname alone is named in
    full by ``_final_touches``.)"""
    if len(after) == len(before):
        return after
    position = {id(s): k for k, s in enumerate(before)}
    kept: list[LeadSentence] = []
    for s in after:
        if s.role != "opening" and kept:
            was = coherence.dangling_reason(s.text, [t.text for t in before[:position[id(s)]]])
            if coherence.dangling_reason(s.text, [t.text for t in kept]) and not was:
                continue
        kept.append(s)
    return kept


def merge_reports(first: dict, later: dict) -> dict:
    """The later run's view of the lead, with everything every run added, removed, rewritten
    or trimmed. The later run sees earlier additions as part of the lead already."""
    merged = dict(later)
    for key in _MERGED_LISTS:
        seen = list(first.get(key, []))
        for item in later.get(key, []):
            if item not in seen:
                seen.append(item)
        merged[key] = seen
    merged["passed"] = first.get("passed", True) and later.get("passed", True)
    merged["missing"] = sorted(set(first.get("missing", [])) | set(later.get("missing", [])))
    return merged
