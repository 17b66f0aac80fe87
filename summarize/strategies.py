"""Lead-writing strategies behind one interface: ``write_lead(article, model, ...) -> [LeadSentence]``.

- ``rewrite`` (default): plan the lead (``summarize.plan``: opening, main points, caveat,
  advice) and write each planned sentence with the model, batched (Chen & Bansal 2018,
  extract-then-rewrite). When the checkpoint has a prefix for them in
  ``config.task_specific_params``, the model's sentence tasks are used: ``decontextualize``
  for picks that need context, ``fuse`` to join two adjacent points about the same subject,
  ``compress`` for long picks; otherwise ``rewrite``. Each sentence records its ``task``.
- ``direct``: the whole draft in, map-reduce over chunks when it exceeds the model's context.

Every generated sentence passes the faithfulness gate against its source sentences; a
rejected one is replaced by its extracted sentence (provenance ``extract``).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from summarize.corpus.tasks import CONTEXT_SEPARATOR  # decontextualize input: context, separator, sentence
from summarize.corpus.article import Article
from summarize import coherence, extract, faithfulness, plan
from summarize.models.loading import DEFAULT_BATCH_SIZE
from summarize.normalize import (
    SourceCasing,
    abbreviations,
    dedupe,
    drop_statistics,
    expand_abbreviations,
    name_people,
    normalise_generated,
)
from summarize.corpus.text import split_sentences, word_count, words

STRATEGIES = ("rewrite", "direct")
# Sentence tasks the pipeline uses when the checkpoint was trained on them.
SENTENCE_TASKS = ("fuse", "decontextualize", "compress")
LONG_SENTENCE_WORDS = 35  # compress picks longer than this
FUSE_MAX_WORDS = 45  # two points are fused only if together they are this short


@dataclass
class LeadSentence:
    text: str
    source: str  # "model", "extract" or "caveat"
    source_text: str | None = None  # the draft sentence(s) it was written from
    start: int | None = None  # offsets of source_text in Article.text
    end: int | None = None
    rejected: str | None = None  # the model's sentence the gate refused, if any
    reasons: list[str] = field(default_factory=list)
    task: str | None = None  # the model task that wrote (or tried to write) it
    role: str | None = None  # its place in the lead plan (opening, point, caveat, advice)
    rank: int | None = None  # the plan's pick order (salience): trimming drops the last picked first
    restored: list[str] = field(default_factory=list)  # put in from the draft for a pronoun it leaned on

    def to_dict(self) -> dict:
        d = {"text": self.text, "source": self.source}
        if self.task is not None:
            d["task"] = self.task
        if self.role is not None:
            d["role"] = self.role
        if self.source_text is not None:
            d.update(source_text=self.source_text, start=self.start, end=self.end)
        if self.rejected is not None:
            d.update(rejected=self.rejected, reasons=self.reasons)
        if self.restored:
            d["restored"] = list(self.restored)
        return d


def _gated(text: str, ex: extract.Extract, document: str, task: str | None = None,
           previous: list[str] | None = None, context: str | None = None) -> LeadSentence:
    """Gate one normalised generated sentence against the sentence it was written from."""
    verdict = (faithfulness.check(text, ex.text, document, previous=previous, context=context) if text
               else faithfulness.GateResult(False, ["empty output"]))
    # A rewrite of one sentence may only leave out bracketed material or a phrase set off by
    # commas; the shipped model's other edits garble more sentences than they improve.
    if verdict.ok and task == "rewrite":
        problems = faithfulness.edit_problems(text, ex.text)
        if problems:
            verdict = faithfulness.GateResult(False, problems)
    # a deletion can take the verb a clause needs ("…, and that treatment for dependence,
    # including counseling, is available" -> "…, and that treatment for dependence, including
    # counseling."): a fragment the source sentence is not
    if verdict.ok and (broken := coherence.fragment_reason(text)) and not coherence.fragment_reason(ex.text):
        verdict = faithfulness.GateResult(False, [broken])
    # Bracketed statistics stay in the draft ("(RR 0.33, 95% CI 0.04 to 3.03)"): deletions only.
    if verdict.ok:
        return LeadSentence(drop_statistics(text), "model", ex.text, ex.start, ex.end, task=task)
    return LeadSentence(drop_statistics(ex.text), "extract", ex.text, ex.start, ex.end, rejected=text or None,
                        reasons=verdict.reasons, task=task)


def model_tasks(model) -> set[str]:
    """The sentence tasks this checkpoint was trained on (a prefix in task_specific_params)."""
    params = getattr(model.config, "task_specific_params", None) or {}
    return {t for t in SENTENCE_TASKS if (params.get(t) or {}).get("prefix")}


def _generate(model, texts: list[str], task: str, settings, batch_size: int) -> list[str]:
    if not texts:
        return []
    if task in SENTENCE_TASKS:
        # The loader may not know this task's prefix (it falls back to summarization's): add
        # the checkpoint's own prefix here and ask for no prefix.
        prefix = model.config.task_specific_params[task]["prefix"]
        if model.prefixes.get(task) != prefix:
            texts, task = [prefix + t for t in texts], "_" + task
    return model.generate(texts, task=task, settings=settings, batch_size=batch_size, constrain_to_source=True)


@dataclass
class _Job:
    task: str
    source: str  # what the model reads (without the prefix)
    picks: list  # the plan.Pick(s) it writes
    support: extract.Extract  # what the gate checks it against (fused picks: both sentences)


def _jobs(picks: list[plan.Pick], tasks: set[str]) -> list[_Job]:
    jobs: list[_Job] = []
    i = 0
    while i < len(picks):
        p = picks[i]
        nxt = picks[i + 1] if i + 1 < len(picks) else None
        if p.needs_context and p.context and "decontextualize" in tasks:
            jobs.append(_Job("decontextualize", p.context + CONTEXT_SEPARATOR + p.text, [p], p.extract))
        elif ("fuse" in tasks and nxt is not None and p.role == nxt.role == "point" and not nxt.needs_context
              and word_count(p.text) + word_count(nxt.text) <= FUSE_MAX_WORDS and _same_subject(p.text, nxt.text)):
            both = extract.Extract(p.text + " " + nxt.text, p.extract.part, p.extract.start, nxt.extract.end)
            jobs.append(_Job("fuse", both.text, [p, nxt], both))
            i += 2
            continue
        elif "compress" in tasks and word_count(p.text) > LONG_SENTENCE_WORDS:
            jobs.append(_Job("compress", p.text, [p], p.extract))
        else:
            jobs.append(_Job("rewrite", p.text, [p], p.extract))
        i += 1
    return jobs


def _same_subject(a: str, b: str) -> bool:
    """Both sentences open on the same content word ("Kratom …", "Kratom's alkaloids …") or the
    second opens with a pronoun that refers back to the first."""
    wa = [coherence.lemma(w) for w in words(a)[:4] if w not in coherence.STOPWORDS]
    first_b = (words(b) or [""])[0]
    wb = [coherence.lemma(w) for w in words(b)[:4] if w not in coherence.STOPWORDS]
    return bool(wa and wb and wa[0] == wb[0]) or first_b in ("it", "its", "they", "their")


def article_casing(article: Article) -> SourceCasing:
    """The draft's own casing: its title, headings and paragraphs, each split on its own."""
    heads = [article.title.text] if article.title else []
    heads += [s.heading for s in article.walk() if s.heading and not s.generated]
    return SourceCasing([p.text for p in article.paragraphs()], heads=heads)


def write_rewrite(article: Article, model, settings, max_words: int, batch_size: int = DEFAULT_BATCH_SIZE,
                  avoid=None, prefer=()) -> list[LeadSentence]:
    tasks = model_tasks(model)
    picks = plan.plan(article, max_words=max_words, can_decontextualize="decontextualize" in tasks, avoid=avoid,
                      prefer=prefer)
    if not picks:
        return []
    jobs = _jobs(picks, tasks)
    outputs: dict[int, str] = {}
    for task in {j.task for j in jobs}:
        mine = [k for k, j in enumerate(jobs) if j.task == task]
        for k, out in zip(mine, _generate(model, [jobs[k].source for k in mine], task, settings, batch_size)):
            outputs[k] = out
    casing = article_casing(article)
    lead: list[LeadSentence] = []
    for k, job in enumerate(jobs):
        out = outputs[k]
        text = normalise_generated(out, casing, support=job.support.text) if out.strip() else ""
        previous = [s.text for s in lead]
        context = job.picks[0].context if job.task == "decontextualize" else None
        sentence = _gated(text, job.support, article.readable, job.task, previous, context)
        sentence.role, sentence.rank = job.picks[0].role, job.picks[0].rank
        sentence.restored = [r for p in job.picks for r in p.restored]
        if job.task == "decontextualize" and sentence.source == "extract":
            continue  # refused repair: the sentence as written would dangle, so it is left out
        if (job.task == "decontextualize" and coherence.dangling_reason(sentence.text, [])
                and (not previous or previous[-1] != context)):
            # no repair: the output leans on what it leaned on before ("People who take them …"),
            # and the lead's sentence before it is not that context, so it would point elsewhere
            continue
        if sentence.source == "extract" and len(job.picks) > 1:  # a refused fusion: both sentences
            first, second = job.picks
            lead.append(LeadSentence(drop_statistics(first.text), "extract", first.text, first.extract.start,
                                     first.extract.end, rejected=sentence.rejected, reasons=sentence.reasons,
                                     task="fuse", role=first.role, rank=first.rank))
            lead.append(LeadSentence(drop_statistics(second.text), "extract", second.text, second.extract.start,
                                     second.extract.end, task="fuse", role=second.role, rank=second.rank))
            continue
        lead.append(sentence)
    return lead


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


def write_direct(article: Article, model, settings, max_words: int, batch_size: int = DEFAULT_BATCH_SIZE) -> list[LeadSentence]:
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
    casing = article_casing(article)
    out: list[LeadSentence] = []
    raw = " ".join(summaries)
    for sent in split_sentences(normalise_generated(raw, casing) if raw.strip() else ""):
        support = _best_support(sent.text, candidates)
        out.append(_gated(sent.text, support, article.readable, "summarization"))
    if not out:  # the model said nothing usable: fall back to extraction
        out = [LeadSentence(p.text, "extract", p.text, p.start, p.end, reasons=["no model output"])
               for p in extract.select(article, max_words=max_words)]
    return out


def write_lead(article: Article, model, strategy: str, settings, max_words: int, batch_size: int = DEFAULT_BATCH_SIZE,
               avoid=None, prefer=()) -> list[LeadSentence]:
    """``avoid``: a test for draft sentences the rewrite strategy must not pick (overclaims);
    ``prefer``: draft sentences, best first, one of which it gives the lead's caveat slot."""
    if strategy not in STRATEGIES:
        raise ValueError(f"unknown strategy {strategy!r} (choose from {', '.join(STRATEGIES)})")
    if strategy == "rewrite":
        sentences = write_rewrite(article, model, settings, max_words, batch_size, avoid=avoid, prefer=prefer)
    else:
        sentences = write_direct(article, model, settings, max_words, batch_size)
    keep = dedupe([s.text for s in sentences])
    sentences = [sentences[i] for i in keep]
    # Dedupe by meaning too (content lemmas): two "approach … with caution" sentences are one.
    out: list[LeadSentence] = []
    for s in sentences:
        if not any(coherence.same_meaning(s.text, o.text) for o in out):
            out.append(s)
    out = trim(out, max_words)
    # an abbreviation the draft defines is spelled out at its first use in the lead ("GDR")
    # (read from the prose: a title-case title or heading says nothing about a word's casing)
    prose = article.prose()
    texts = expand_abbreviations([s.text for s in out], abbreviations(prose))
    # a person the lead calls by surname alone is named as the draft first names them
    names = coherence.surnames(prose)  # (one pass over the draft, for both)
    texts = name_people(texts, prose, names)
    out = [s if t == s.text else replace(s, text=t) for s, t in zip(out, texts)]
    return _without_dangling(out, names) if strategy == "rewrite" else out


def _without_dangling(sentences: list[LeadSentence], names: frozenset[str]) -> list[LeadSentence]:
    """The lead without the points that lean on what it no longer says. The plan checked each
    pick against the draft sentences before it; the written lead may say less ("…refuted (two
    studies; …)" loses its bracket, a near-duplicate goes), and "The remaining study …" after it
    would then point at nothing. (A decontextualized sentence follows its own context.)
    ``names``: the draft's surnames."""
    out: list[LeadSentence] = []
    for s in sentences:
        if (out and s.role in ("point", "caveat", "advice") and s.task != "decontextualize"
                and coherence.dangling_reason(s.text, [o.text for o in out], names)):
            continue
        out.append(s)
    return out


def trim(sentences: list[LeadSentence], max_words: int, protect: int = 1,
         keep: frozenset[int] = frozenset()) -> list[LeadSentence]:
    """Drop sentences until the lead fits ``max_words``: never a caveat, a sentence whose ``id``
    is in ``keep``, nor the ``protect`` most salient content sentences (the opening and the main
    points, so caveats cannot crowd out what the article is about). The least salient point goes
    first (the plan's last pick; without a plan, the longest middle sentence), the closing advice
    last."""
    content = [s for s in sentences if s.source != "caveat"]
    by_salience = sorted(content, key=lambda s: (s.rank is None, s.rank or 0))
    fixed = ({id(s) for s in by_salience[: max(1, protect)]} | {id(s) for s in sentences if s.source == "caveat"}
             | set(keep))
    total = sum(word_count(s.text) for s in sentences)
    while total > max_words:
        droppable = [k for k, s in enumerate(sentences) if id(s) not in fixed]
        if not droppable:
            break
        middle = [k for k in droppable if sentences[k].role != "advice" and k < len(sentences) - 1] or droppable
        ranked = [k for k in middle if sentences[k].rank is not None]
        i = (max(ranked, key=lambda k: sentences[k].rank) if ranked
             else max(middle, key=lambda k: word_count(sentences[k].text)))
        total -= word_count(sentences[i].text)
        sentences = sentences[:i] + sentences[i + 1 :]
    return sentences
