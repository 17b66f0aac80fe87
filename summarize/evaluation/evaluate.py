"""Evaluate the summarizer against extractive baselines on the same documents, in one table.

Systems (rows):

- ``model``: the ``Summarizer`` with the caveat filter off (the model and its faithfulness gate);
- ``model+filter``: the ``Summarizer`` with the filter on (the shipped pipeline); it shares the
  model-alone run's generations through a cache (same calls, same outputs), so the model runs
  once per draft; its seconds include the generation time it reused;
- ``LEAD-3``: the draft's first three sentences;
- ``LexRank``: TF-IDF cosine graph + PageRank (Erkan & Radev 2004), sentences taken in score
  order while they fit the Summarizer's ``max_words``, printed in document order.

Metrics (columns): ROUGE-1/2/L F1 against the reference (``rouge-score``, stemming on); caveat
carry-over (share of the source's caveat kinds, per document, that the output also has; and the
same for the mandated kinds ``dependency`` and ``research`` on their own); outline exactness
(output outline == reference outline, headings and levels; house-format data only); heading
ROUGE-L (headings stripped from sections, regenerated with the model's ``heading`` task through
``summarize.outline.build_outline``, compared with the real ones); share of lead sentences the
model wrote (``source == "model"``); mean output length in words (ROUGE F1 moves with length:
LEAD-3 is not held to the word budget); seconds per draft and in total.

Editor-style columns: ``clean%`` (leads with no coherence defect, ``summarize.coherence``:
dangling reference, meta sentence, near-duplicate, fragment, boilerplate; the defects by type are
in the notes), ``novel2%`` (share of the lead's word bigrams that the draft does not have: how
abstractive it is), ``changed%``, and the share of lead sentences each model task wrote (notes).

Data: ``cochrane-heldout`` (the Cochrane reviews never trained on; reference = the plain-language
summary; headings are evaluated on ScisummNet sections of papers in the validation split),
``medquad-web`` (MedQuAD pages of the validation split, never trained on, composed into headless
web-pasted drafts with page furniture added: byline, photo caption, related link, "For more
information, visit", copyright; reference = the first sentence of each of the page's first
three answers: a weak, extractive reference, see ``medquad_web_docs``),
``seeds`` (the shared house-format articles), or a folder of house-format ``*.txt`` articles:
each article loses its lead and outline to become the draft; the reference is its lead and
outline.

    summarize eval --model runs/x/best --data seeds
    summarize eval --data cochrane-heldout --limit 40 --out report.json
"""
from __future__ import annotations

import json
import logging
import math
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from summarize import coherence
from summarize.corpus.datasets import split_of
from summarize.corpus.sources import shared_dir
from summarize.models.loading import DEFAULT_BEAMS

logger = logging.getLogger(__name__)

SYSTEMS = ("model", "model+filter", "LEAD-3", "LexRank")
MANDATED_KINDS = ("dependency", "research")
ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")
# (key in a row, column title, kind): kind "rouge" prints F1 x 100, "share" a percentage.
COLUMNS = (
    ("rouge1", "R1", "rouge"),
    ("rouge2", "R2", "rouge"),
    ("rougeL", "RL", "rouge"),
    ("caveat_carry", "caveats%", "share"),
    ("caveat_dependency", "dep%", "share"),
    ("caveat_research", "research%", "share"),
    ("outline_exact", "outline=%", "share"),
    ("heading_rougeL", "head-RL", "rouge"),
    ("model_share", "by-model%", "share"),
    ("model_changed", "changed%", "share"),
    ("coherent", "clean%", "share"),
    ("novel_bigrams", "novel2%", "share"),
    ("words_mean", "words", "count"),
    ("seconds_mean", "s/draft", "seconds"),
    ("seconds_total", "total-s", "seconds"),
)
HEADING_WORDS = 120  # what build_outline feeds the model; kept for the ScisummNet cases too


# --------------------------------------------------------------------------- documents


@dataclass
class EvalDoc:
    doc_id: str
    draft: str  # the text the systems get
    reference: str  # reference lead / summary
    outline: list[tuple[str, int]] | None = None  # reference outline, None when the data has none


@dataclass
class HeadingCase:
    doc_id: str
    heading: str  # the real heading
    text: str  # the section's text (paragraphs separated by newlines)


def house_doc(doc_id: str, text: str) -> tuple[EvalDoc | None, list[HeadingCase]]:
    """A finished house-format article -> (draft with its reference lead and outline, the
    sections' real headings); ``(None, [])`` when the text has no lead + outline block."""
    from summarize.corpus.parse import parse_article

    article = parse_article(text)
    if article.lead is None:
        return None, []
    doc = EvalDoc(doc_id, article.text, article.lead.strip(), [(e.heading, e.level) for e in article.outline])
    cases = [HeadingCase(doc_id, s.heading, s.text) for s in article.walk() if s.heading and s.paragraphs]
    return doc, cases


def house_docs(folder: str | os.PathLike, limit: int | None = None) -> tuple[list[EvalDoc], list[HeadingCase]]:
    """House-format ``*.txt`` articles -> drafts (lead and outline removed) with their
    references, and the sections' headings for the heading evaluation. Files that are not
    finished house-format articles are skipped with a warning."""
    from summarize.corpus.parse import DraftError

    docs: list[EvalDoc] = []
    cases: list[HeadingCase] = []
    for path in sorted(Path(folder).glob("*.txt")):
        if limit is not None and len(docs) >= limit:
            break
        try:
            doc, doc_cases = house_doc(path.stem, path.read_text(encoding="utf-8"))
        except (DraftError, UnicodeDecodeError) as exc:
            logger.warning("%s: skipped (%s)", path, exc)
            continue
        if doc is None:
            logger.warning("%s: skipped (not a finished house-format article: no lead + outline)", path)
            continue
        docs.append(doc)
        cases.extend(doc_cases)
    return docs, cases


def cochrane_heldout_docs(shared: str | os.PathLike | None = None, limit: int | None = None) -> list[EvalDoc]:
    """Held-out Cochrane reviews in file order: abstract -> plain-language summary."""
    from summarize.corpus.datasets import heldout_cochrane

    reviews = [(d.doc_id, d.text, d.summary) for d in heldout_cochrane(shared_dir(shared))]
    docs = [EvalDoc(i, s, t) for i, s, t in reviews]
    return docs[:limit] if limit is not None else docs


def scisummnet_heading_cases(shared: str | os.PathLike | None = None, limit: int | None = 40,
                             per_paper: int = 3) -> list[HeadingCase]:
    """Sections of ScisummNet papers in the validation split (never trained on), with the
    same filters as the training pairs: no generic headings, at most 12 words, 15+ words of text;
    at most ``per_paper`` sections from each paper, in file order."""
    import gzip
    import re

    if limit == 0:
        return []
    generic = re.compile(r"^(acknowledg|reference|appendix|abstract$)", re.I)
    numbering = re.compile(r"^\s*(?:[0-9]+(?:\.[0-9]+)*\.?|[IVX]+\.|[A-H]\.?)\s+")
    path = shared_dir(shared) / "data" / "scisummnet.jsonl.gz"
    cases: list[HeadingCase] = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            doc_id = f"acl:{r['id']}"
            if split_of(doc_id) != "validation":
                continue
            taken = 0
            for s in r.get("sections", []):
                if taken >= per_paper:
                    break
                head = numbering.sub("", " ".join((s.get("heading") or "").split())).strip(" .:")
                text = " ".join((s.get("text") or "").split())
                if (not head or generic.search(head) or len(head.split()) > 12
                        or sum(c.isalpha() for c in head) < 3 or len(text.split()) < 15):
                    continue
                cases.append(HeadingCase(doc_id, head, text))
                taken += 1
                if limit is not None and len(cases) >= limit:
                    return cases
    return cases


# Page furniture for medquad-web drafts: fixed templates (synthetic, not from any site).
_BYLINES = ("By Jane Morgan, Health Writer", "By Staff Reporters", "By Dr. Alan Reyes | Updated March 3, 2024")
_CAPTIONS = ("Photo: An illustration of {focus} (Getty Images)", "Enlarge this image A doctor talks with a patient "
             "about {focus}. Photo credit: iStock", "Image caption: {focus} affects many families each year.")
MEDQUAD_DRAFT_WORDS = 600  # web pages are cut to news-story length
MEDQUAD_REFERENCE_SECTIONS = 3


def medquad_web_docs(shared: str | os.PathLike | None = None, limit: int | None = None) -> list[EvalDoc]:
    """MedQuAD pages (validation split) as headless drafts pasted from a web page, with
    furniture the pipeline must set aside: a byline first, a photo caption after the first
    paragraph, a "Related:" link midway, "For more information, visit <url>" and a copyright
    line at the end. The reference is the first sentence of each of the page's first three
    answers (MedQuAD has no written summary; this favours extraction, LEAD-3 most)."""
    from summarize.corpus.sources import read_medquad
    from summarize.corpus.text import split_sentences, word_count

    docs: list[EvalDoc] = []
    for d in read_medquad(shared_dir(shared)):
        if split_of(d.doc_id) != "validation" or len(d.sections) < 2:
            continue
        paragraphs: list[str] = []
        for sec in d.sections:
            for para in sec.text.split("\n"):
                if para.strip().lower() in ("key points", "summary") or sum(map(word_count, paragraphs)) > MEDQUAD_DRAFT_WORDS:
                    continue
                paragraphs.append(para.strip())
        firsts = [split_sentences(sec.text.split("\n")[0])[0].text for sec in d.sections[:MEDQUAD_REFERENCE_SECTIONS]
                  if sec.text.strip() and split_sentences(sec.text.split("\n")[0])]
        if len(paragraphs) < 3 or not firsts:
            continue
        n = len(docs)
        focus = d.title or "this condition"
        other = d.sections[-1].heading
        body = ([_BYLINES[n % len(_BYLINES)], paragraphs[0], _CAPTIONS[n % len(_CAPTIONS)].format(focus=focus)]
                + paragraphs[1 : len(paragraphs) // 2] + [f"Related: {other}"] + paragraphs[len(paragraphs) // 2 :]
                + [f"For more information, visit {d.meta.get('url') or 'the MedlinePlus website'}.",
                   "Copyright 2024 Health News Service. All rights reserved."])
        docs.append(EvalDoc(d.doc_id, "\n\n".join(body), " ".join(firsts)))
        if limit is not None and len(docs) >= limit:
            break
    return docs


def load_data(data: str, shared: str | os.PathLike | None = None, limit: int | None = None,
              heading_limit: int | None = 40) -> tuple[list[EvalDoc], list[HeadingCase], str]:
    """(documents, heading cases, description) for ``cochrane-heldout``, ``seeds`` or a folder."""
    if data == "cochrane-heldout":
        docs = cochrane_heldout_docs(shared, limit)
        return docs, scisummnet_heading_cases(shared, heading_limit), "headings: ScisummNet validation sections"
    if data == "medquad-web":
        return medquad_web_docs(shared, limit), [], "headings: none (headless web drafts)"
    folder = shared_dir(shared) / "seeds" if data == "seeds" else Path(data)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: not a folder (use cochrane-heldout, medquad-web, seeds or a folder of articles)")
    docs, cases = house_docs(folder, limit)
    return docs, cases, f"headings: the articles' own sections ({folder})"


# --------------------------------------------------------------------------- baselines


def draft_sentences(draft: str) -> list[str]:
    """The draft's sentences in document order (intro, sections, closing; headings excluded),
    as the pipeline's extractor sees them."""
    from summarize.corpus.parse import parse_article
    from summarize.extract import candidate_sentences

    return [c.text for c in candidate_sentences(parse_article(draft))]


def lead3(sentences: list[str]) -> list[str]:
    return sentences[:3]


def lexrank_scores(sentences: list[str]) -> list[float]:
    """LexRank centrality (continuous): PageRank over the TF-IDF cosine-similarity graph."""
    import networkx as nx
    import numpy as np

    from summarize.corpus.tfidf import tfidf_matrix

    n = len(sentences)
    if n <= 1:
        return [1.0] * n
    try:
        vectors = tfidf_matrix(sentences)  # rows L2-normalised, so the product is the cosine
        sim = (vectors @ vectors.T).toarray()
    except ValueError:  # nothing but stop words
        sim = np.zeros((n, n))
    np.fill_diagonal(sim, 0.0)
    try:
        scores = nx.pagerank(nx.from_numpy_array(sim), weight="weight")
    except nx.PowerIterationFailedConvergence:
        scores = dict(enumerate(sim.sum(axis=1)))
    return [float(scores[i]) for i in range(n)]


def lexrank(sentences: list[str], max_words: int) -> list[str]:
    """The best-scored sentences that fit ``max_words`` (skipping any that would overflow;
    the first pick always), returned in document order."""
    from summarize.corpus.text import word_count

    scores = lexrank_scores(sentences)
    chosen, used = [], 0
    for i in sorted(range(len(sentences)), key=lambda k: (-scores[k], k)):
        words = word_count(sentences[i])
        if chosen and used + words > max_words:
            continue
        chosen.append(i)
        used += words
    return [sentences[i] for i in sorted(chosen)]


# --------------------------------------------------------------------------- caveats


def _kind_set(value: Any) -> set[str]:
    """Caveat kinds from a report field: a dict kind -> mentions (a kind counts when one of its
    mentions is about the article's subject, as the filter counts it), or a list of kinds or
    of {"kind": ...} items."""
    if not value:
        return set()
    if isinstance(value, dict):
        return {str(k) for k, mentions in value.items()
                if not isinstance(mentions, list) or not mentions
                or any(not isinstance(m, dict) or m.get("about_subject", True) for m in mentions)}
    out = set()
    for item in value:
        if isinstance(item, str):
            out.add(item)
        elif isinstance(item, dict) and item.get("kind"):
            out.add(str(item["kind"]))
    return out


class CaveatProbe:
    """The caveat filter, used two ways: to detect kinds (``kinds(source, output)`` reads
    ``source_kinds``/``summary_kinds`` of the filter's report for that output) and to filter a
    model lead (``filter``). A broken policy or filter is an error, never a column of n/a."""

    def __init__(self, policy: str | os.PathLike | None = None):
        from summarize.caveats import CaveatFilter, load_policy

        self.filter = CaveatFilter(policy=load_policy(policy) if policy else None)

    def kinds(self, source: str, output: str) -> tuple[set[str], set[str]]:
        report = self.filter(source, output).report.to_dict()
        return _kind_set(report.get("source_kinds")), _kind_set(report.get("summary_kinds"))


# --------------------------------------------------------------------------- scoring


@dataclass
class Output:
    """One system's output on one document."""

    lead: str
    seconds: float
    sources: list[str] = field(default_factory=list)  # provenance per lead sentence
    outline: list[tuple[str, int]] | None = None
    kinds: tuple[set[str], set[str]] | None = None  # (source kinds, output kinds)
    changed: list[bool] = field(default_factory=list)  # per model-written sentence: differs from its source?
    tasks: list[str] = field(default_factory=list)  # per model-written sentence: the task that wrote it


def _tasks(lead_sentences) -> list[str]:
    return [s.task or "rewrite" for s in lead_sentences if s.source == "model"]


def novel_bigrams(lead: str, source: str) -> tuple[int, int]:
    """(lead word bigrams the source does not have, all lead word bigrams)."""
    from summarize.corpus.text import words

    src = set(zip(words(source), words(source)[1:]))
    lw = words(lead)
    pairs = list(zip(lw, lw[1:]))
    return sum(p not in src for p in pairs), len(pairs)


def _changed(lead_sentences) -> list[bool]:
    """Per model sentence: did the model change it? (The pipeline's own deletion of bracketed
    statistics, and its spelling out of abbreviations, are not the model's change.)"""
    from summarize.normalize import collapse_abbreviations, drop_statistics

    norm = lambda t: " ".join((t or "").split()).replace("’", "'")  # noqa: E731
    return [norm(collapse_abbreviations(s.text, s.source_text or "")) not in
            (norm(s.source_text), norm(drop_statistics(s.source_text or "")))
            for s in lead_sentences if s.source == "model"]


def rouge_scorer():
    from summarize.corpus.rouge import scorer

    return scorer(tuple(ROUGE_TYPES))


def outline_exact(output: list[tuple[str, int]] | None, reference: list[tuple[str, int]] | None) -> bool | None:
    """Same headings (exact text) at the same levels in the same order; None without a reference."""
    if reference is None or output is None:
        return None
    return [(h.strip(), lvl) for h, lvl in output] == [(h.strip(), lvl) for h, lvl in reference]


def _mean(xs: list[float]) -> float | None:
    return sum(xs) / len(xs) if xs else None


def score_system(docs: list[EvalDoc], outputs: list[Output], scorer=None) -> dict[str, Any]:
    """One table row (plus counts) from a system's outputs on ``docs``."""
    scorer = scorer or rouge_scorer()
    rouge = {t: [] for t in ROUGE_TYPES}
    carried = in_source = 0
    mandated = {k: [0, 0] for k in MANDATED_KINDS}  # [carried, docs with the kind in the source]
    exact: list[bool] = []
    sources: list[str] = []
    changed: list[bool] = []
    tasks: list[str] = []
    seconds = []
    have_kinds = False
    clean = 0
    defects: dict[str, int] = {}
    novel = bigrams = 0
    for doc, out in zip(docs, outputs):
        report = coherence.check(out.lead)
        clean += report.clean
        for kind, n in report.counts().items():
            defects[kind] = defects.get(kind, 0) + n
        nov, tot = novel_bigrams(out.lead, doc.draft)
        novel += nov
        bigrams += tot
        tasks.extend(out.tasks)
        scores = scorer.score(doc.reference, out.lead)
        for t in ROUGE_TYPES:
            rouge[t].append(scores[t].fmeasure)
        if out.kinds is not None:
            have_kinds = True
            src, got = out.kinds
            in_source += len(src)
            carried += len(src & got)
            for k in MANDATED_KINDS:
                if k in src:
                    mandated[k][1] += 1
                    mandated[k][0] += k in got
        ex = outline_exact(out.outline, doc.outline)
        if ex is not None:
            exact.append(ex)
        sources.extend(out.sources)
        changed.extend(out.changed)
        seconds.append(out.seconds)
    row: dict[str, Any] = {t: _mean(v) for t, v in rouge.items()}
    row["caveat_carry"] = carried / in_source if have_kinds and in_source else None
    for k, (c, n) in mandated.items():
        row[f"caveat_{k}"] = c / n if have_kinds and n else None
    row["outline_exact"] = _mean([float(x) for x in exact])
    row["model_share"] = sources.count("model") / len(sources) if sources else None
    # Of the model's sentences, how many are not a verbatim copy of their source sentence.
    row["model_changed"] = sum(changed) / len(changed) if changed else None
    row["coherent"] = clean / len(outputs) if outputs else None
    row["defects"] = dict(sorted(defects.items()))
    row["novel_bigrams"] = novel / bigrams if bigrams else None
    row["task_shares"] = {t: tasks.count(t) / len(sources) for t in sorted(set(tasks))} if sources else {}
    row["words_mean"] = _mean([float(len(out.lead.split())) for out in outputs])
    row["seconds_mean"] = _mean(seconds)
    row["seconds_total"] = sum(seconds)
    row["counts"] = {
        "docs": len(outputs), "caveat_kinds_in_sources": in_source if have_kinds else None,
        **{f"docs_with_{k}": (n if have_kinds else None) for k, (_, n) in mandated.items()},
        "docs_with_outline": len(exact), "lead_sentences": len(sources),
    }
    return row


def generate_headings(cases: list[HeadingCase], model, settings=None) -> list[dict[str, Any]]:
    """Strip the headings and let ``build_outline`` write them (model, keyword fallback)."""
    from summarize.corpus.article import Article, Paragraph, Section
    from summarize.outline import build_outline, keyword_heading

    sections = []
    for c in cases:
        paragraphs = [Paragraph(p, 0, len(p)) for p in c.text.split("\n") if p.strip()]
        sections.append(Section(heading=None, paragraphs=paragraphs))
    article = Article(text="\n".join(c.text for c in cases), sections=sections)
    entries = build_outline(article, model, settings)  # every section is headless: one entry each, in order
    # The outline records which method wrote each heading; a model heading that happens to
    # equal the keyphrase is not a fallback.
    return [{"doc_id": c.doc_id, "reference": c.heading, "generated": e.heading,
             "fallback": e.method == "keyphrase"} for c, e in zip(cases, entries)]


def score_headings(generated: list[dict[str, Any]], scorer=None) -> dict[str, Any]:
    scorer = scorer or rouge_scorer()
    for g in generated:
        g["rougeL"] = scorer.score(g["reference"], g["generated"] or "")["rougeL"].fmeasure
    return {
        "heading_rougeL": _mean([g["rougeL"] for g in generated]),
        "sections": len(generated),
        "keyword_fallback_share": _mean([float(g["fallback"]) for g in generated]),
    }


def keyword_heading_baseline(cases: list[HeadingCase], scorer=None) -> float | None:
    """ROUGE-L of the keyword fallback alone: the floor the model's headings should beat."""
    from summarize.corpus.article import Paragraph, Section
    from summarize.outline import keyword_heading

    scorer = scorer or rouge_scorer()
    vals = []
    for c in cases:
        section = Section(heading=None, paragraphs=[Paragraph(p, 0, len(p)) for p in c.text.split("\n") if p.strip()])
        vals.append(scorer.score(c.heading, keyword_heading(section))["rougeL"].fmeasure)
    return _mean(vals)


# --------------------------------------------------------------------------- running


def _cached_model_class():
    from summarize.models.loading import Seq2SeqModel

    class CachedModel(Seq2SeqModel):
        """A loaded model whose ``generate`` remembers its answers (until ``clear``), so the
        model+filter pipeline reuses the model-alone run's generations: same outputs (the
        same calls on a deterministic search), the model computed once. ``saved`` is the
        generation time the hits would have cost, added back to model+filter's seconds."""

        def __init__(self, inner: Seq2SeqModel):  # no Seq2SeqModel.__init__: nothing to load
            self.inner = inner
            self.name = inner.name
            self.cache: dict = {}
            self.saved = 0.0

        def __getattr__(self, attr):  # tokenizer, config, prefixes, device, model...
            return getattr(self.__dict__["inner"], attr)

        def generate(self, texts, task="summarization", settings=None, batch_size=16,
                     constrain_to_source=False, max_source_tokens=None):
            key = (tuple(texts), task, repr(settings), batch_size, constrain_to_source, max_source_tokens)
            if key in self.cache:
                out, seconds = self.cache[key]
                self.saved += seconds
                return list(out)
            t0 = time.perf_counter()
            out = self.inner.generate(list(texts), task=task, settings=settings, batch_size=batch_size,
                                      constrain_to_source=constrain_to_source, max_source_tokens=max_source_tokens)
            self.cache[key] = (list(out), time.perf_counter() - t0)
            return out

        def clear(self) -> None:
            self.cache.clear()
            self.saved = 0.0

    return CachedModel


def run_systems(docs: list[EvalDoc], summarizer, filtered, probe: CaveatProbe, progress: bool = True
                ) -> tuple[list[EvalDoc], dict[str, list[Output]], list[dict[str, str]]]:
    """Every system on every document. ``summarizer`` (filter off) and ``filtered`` (filter on,
    or None) share one ``CachedModel``. A draft the pipeline rejects is dropped for all systems
    (so the rows stay comparable) and listed in the failures."""
    from tqdm import tqdm

    kept: list[EvalDoc] = []
    outputs: dict[str, list[Output]] = {s: [] for s in SYSTEMS}
    failures: list[dict[str, str]] = []
    cache = summarizer.model
    for doc in tqdm(docs, unit="draft", desc="eval", disable=None if progress else True, file=sys.stderr):
        cache.clear()
        try:
            result = summarizer.summarize(doc.draft)
            t0 = time.perf_counter()
            sentences = draft_sentences(doc.draft)
            t_split = time.perf_counter() - t0
        except ValueError as exc:  # DraftError: not a usable draft
            failures.append({"doc_id": doc.doc_id, "error": str(exc)})
            continue
        kept.append(doc)
        outline = [(e.heading, e.level) for e in result.outline]
        model = Output(result.lead, result.seconds, [s.source for s in result.lead_sentences], outline,
                       changed=_changed(result.lead_sentences), tasks=_tasks(result.lead_sentences))
        model.kinds = probe.kinds(doc.draft, model.lead)
        outputs["model"].append(model)
        if filtered is not None:
            fres = filtered.summarize(doc.draft)
            outputs["model+filter"].append(Output(
                fres.lead, fres.seconds + cache.saved, [s.source for s in fres.lead_sentences],
                [(e.heading, e.level) for e in fres.outline], probe.kinds(doc.draft, fres.lead),
                _changed(fres.lead_sentences), _tasks(fres.lead_sentences)))
        for name, pick in (("LEAD-3", lead3), ("LexRank", lambda ss: lexrank(ss, summarizer.max_words))):
            t0 = time.perf_counter()
            picked = pick(sentences)
            spent = time.perf_counter() - t0 + t_split
            lead = " ".join(picked)
            outputs[name].append(Output(lead, spent, ["extract"] * len(picked), None, probe.kinds(doc.draft, lead)))
    cache.clear()
    return kept, outputs, failures


def evaluate(data: str = "cochrane-heldout", model=None, shared=None, limit: int | None = None,
             strategy: str = "rewrite", max_words: int | None = None, beams: int = DEFAULT_BEAMS, device: str = "cpu",
             policy=None, heading_limit: int | None = 40, progress: bool = True,
             quantize: str | None = None) -> dict[str, Any]:
    """Run the evaluation; returns the report (``rows`` per system, ``notes``, per-document
    ``docs`` and ``headings``). Raises ``models.loading.ModelLoadError`` for an unloadable model."""
    from summarize.models.loading import Seq2SeqModel
    from summarize.pipeline import Summarizer

    docs, cases, heading_source = load_data(data, shared, limit, heading_limit)
    if not docs:
        raise ValueError(f"{data}: no documents to evaluate")
    seq2seq = model if isinstance(model, Seq2SeqModel) else Seq2SeqModel(model, device=device, quantize=quantize)
    cached = _cached_model_class()(seq2seq)
    budget = {} if max_words is None else {"max_words": max_words}  # None: the Summarizer's default
    summarizer = Summarizer(cached, strategy=strategy, beams=beams, caveat_policy=False, **budget)
    max_words = summarizer.max_words
    probe = CaveatProbe(policy)
    filtered = Summarizer(cached, strategy=strategy, beams=beams, caveat_policy=policy, **budget)
    scorer = rouge_scorer()

    t0 = time.perf_counter()
    kept, outputs, failures = run_systems(docs, summarizer, filtered, probe, progress)
    rows = {s: score_system(kept, outputs[s], scorer) if outputs[s] else None for s in SYSTEMS}
    headings = generate_headings(cases, seq2seq, summarizer.settings) if cases else []
    head = score_headings(headings, scorer) if headings else {"heading_rougeL": None, "sections": 0}
    for s in ("model", "model+filter"):
        if rows[s] is not None:
            rows[s]["heading_rougeL"] = head["heading_rougeL"]
    for s in ("LEAD-3", "LexRank"):
        if rows[s] is not None:
            rows[s]["heading_rougeL"] = None
    notes = [
        f"data: {data}; {len(kept)} documents ({len(failures)} failed); model: {seq2seq.name}; "
        f"strategy {strategy}, beams {beams}, max_words {max_words}",
        f"{heading_source}: {head['sections']} sections; model headings fell back to keywords in "
        f"{_pct(head.get('keyword_fallback_share'))} of them; keyword-only heading RL: "
        f"{_num(keyword_heading_baseline(cases, scorer) if cases else None, 'rouge')}",
    ]
    counts = rows["model"]["counts"] if rows["model"] else {}
    notes.append(f"caveat kinds in the sources: {counts.get('caveat_kinds_in_sources')} "
                     f"(docs with dependency: {counts.get('docs_with_dependency')}, "
                     f"with research: {counts.get('docs_with_research')}); carry-over read from the "
                     "filter's report (source_kinds & summary_kinds) for each output")
    for s in SYSTEMS:
        if rows[s] is not None:
            shares = ", ".join(f"{t} {_pct(v)}" for t, v in rows[s]["task_shares"].items()) or "none"
            notes.append(f"{s}: coherence defects by type {rows[s]['defects'] or 'none'}; "
                         f"lead sentences per model task: {shares}")
    if data == "medquad-web":
        notes.append("medquad-web: synthetic furniture (fixed templates) around real MedQuAD validation pages; "
                     "the reference is the first sentence of each of the first three answers, extractive, "
                     "so it favours LEAD-3 and LexRank over a rewritten lead")
    if not any(d.outline is not None for d in kept):
        notes.append("no reference outlines in this data: outline exactness is n/a")
    notes.append("LEAD-3/LexRank: extractive, no outline or headings; model+filter is the full pipeline "
                 "(Summarizer with the filter on) reusing the model-alone run's generations; its seconds "
                 "count that generation time")
    return {
        "data": data, "model": seq2seq.name, "strategy": strategy, "beams": beams, "max_words": max_words,
        "n_docs": len(kept), "seconds_wall": time.perf_counter() - t0,
        "rows": rows, "notes": notes, "failures": failures,
        "docs": [
            {"doc_id": d.doc_id, **{s: outputs[s][i].lead for s in SYSTEMS if outputs[s]},
             "model_sources": outputs["model"][i].sources,
             "kinds": {s: [sorted(x) for x in outputs[s][i].kinds] for s in SYSTEMS
                       if outputs[s] and outputs[s][i].kinds is not None}}
            for i, d in enumerate(kept)
        ],
        "headings": headings,
    }


# --------------------------------------------------------------------------- the table


def _num(value: float | None, kind: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    if kind == "rouge":
        return f"{100 * value:.1f}"
    if kind == "share":
        return f"{100 * value:.0f}"
    if kind == "count":
        return f"{value:.0f}"
    return f"{value:.2f}" if value < 100 else f"{value:.0f}"


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.0f}%"


def format_table(report: dict[str, Any], markdown: bool = False) -> str:
    """One row per system, one column per metric, then the notes."""
    header = ["system"] + [title for _, title, _ in COLUMNS]
    body = []
    for system in SYSTEMS:
        row = report["rows"].get(system)
        body.append([system] + [_num(row.get(key) if row else None, kind) for key, _, kind in COLUMNS])
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] + ["---:"] * len(COLUMNS)) + "|"]
        lines += ["| " + " | ".join(r) + " |" for r in body]
        lines += [""] + [f"- {n}" for n in report["notes"]]
    else:
        widths = [max(len(r[i]) for r in [header] + body) for i in range(len(header))]
        fmt = lambda r: "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
        lines = [fmt(header), "  ".join("-" * w for w in widths)] + [fmt(r) for r in body]
        lines += [""] + [f"* {n}" for n in report["notes"]]
    return "\n".join(lines)


def write_report(report: dict[str, Any], path: str | os.PathLike) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

