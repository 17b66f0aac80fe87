"""Training pairs for the seq2seq model, as ``datasets.Dataset``s with columns
``task, source, target, doc_id``.

Tasks (``source`` carries the task prefix the pipeline uses at inference):

- ``copy`` ("copy: "): a sentence, lightly noised (function words dropped, local word shuffle,
  or unchanged) -> the clean sentence. Warms up cross-attention: the decoder must read its input.
  The noise never removes content words or numbers, so the target is always recoverable from the
  input and the model is not taught to invent facts.
- ``compress`` ("rewrite: "): a sentence -> the same sentence without parentheticals and
  discourse lead-ins ("In addition, ", "In this review, ").
- ``rewrite`` ("rewrite: "): extract-then-rewrite pairs (Chen & Bansal 2018): each reference
  summary sentence aligned by ROUGE-L to its best source sentence (or pair of sentences); kept
  when similar enough and compressive (most target words occur in the source).
- ``heading`` ("heading: "): first ~120 words of a section -> its heading.
- ``summarize`` ("summarize: "): document -> reference summary (Cochrane, ScisummNet, aclsum);
  ``gsg`` (also "summarize: "): PEGASUS gap sentences on unlabeled text (the 1-2 most central
  sentences of a passage are removed; the target is them).

Splits are by a salted hash of the document id, so no document straddles splits; 20% of Cochrane
reviews (by DOI hash) form a ``heldout`` split that is never used for training.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import random
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from summarize.corpus.rouge import rouge_1, rouge_l
from summarize.corpus.text import words

from summarize.corpus import sources
from summarize.corpus.sources import Document
from summarize.corpus.tasks import PREFIXES, TASKS

COLUMNS = ("task", "source", "target", "doc_id")
SPLITS = ("train", "validation", "heldout")


@dataclass(frozen=True)
class BuildConfig:
    val_frac: float = 0.05
    heldout_frac: float = 0.2  # of Cochrane DOIs
    rewrite_min_rouge: float = 0.35  # ROUGE-L F1 between target sentence and its source
    rewrite_min_coverage: float = 0.6  # share of target words found in the source
    copy_min_words: int = 6
    copy_max_words: int = 45
    copy_per_section: int = 4  # sentences per MedQuAD answer / paper section
    heading_words: int = 120
    heading_cap: int = 15  # max pairs per distinct (lower-cased) heading
    gsg_max_sentences: int = 14
    seed: int = 13


# --- splits ---------------------------------------------------------------------------------


def bucket(doc_id: str, salt: str) -> float:
    """A stable number in [0, 1) from the document id (independent per salt)."""
    h = hashlib.sha1(f"{salt}\0{doc_id}".encode()).digest()
    return int.from_bytes(h[:8], "big") / 2**64


def split_of(doc_id: str, val_frac: float = 0.05, heldout_frac: float = 0.2) -> str:
    if doc_id.startswith("cochrane:") and bucket(doc_id, "heldout") < heldout_frac:
        return "heldout"
    return "validation" if bucket(doc_id, "validation") < val_frac else "train"


# --- ROUGE-L alignment ----------------------------------------------------------------------


def coverage(target: list[str], source: list[str]) -> float:
    """Share of target tokens (with multiplicity) that the source contains."""
    if not target:
        return 0.0
    have = Counter(source)
    hit = 0
    for w in target:
        if have[w] > 0:
            have[w] -= 1
            hit += 1
    return hit / len(target)


def align(target: str, candidates: list[str], shortlist: int = 6) -> tuple[str, float, float]:
    """Best source for a summary sentence: one candidate sentence, or two when fusing them
    raises ROUGE-L by >= 0.1. Returns (source, rouge_l, coverage)."""
    tw = words(target)
    if not tw or not candidates:
        return "", 0.0, 0.0
    toks = [words(c) for c in candidates]
    tset = set(tw)
    order = sorted(range(len(candidates)), key=lambda i: -len(tset.intersection(toks[i])))[:shortlist]
    scored = sorted(((rouge_l(tw, toks[i]), i) for i in order), reverse=True)
    best_s, best_i = scored[0]
    src, src_toks, score = candidates[best_i], toks[best_i], best_s
    for s2, j in scored[1:3]:
        a, b = sorted((best_i, j))
        fused = toks[a] + toks[b]
        f = rouge_l(tw, fused)
        if f >= score + 0.1:
            src, src_toks, score = candidates[a] + " " + candidates[b], fused, f
            break
    return src, score, coverage(tw, src_toks)


# --- helpers --------------------------------------------------------------------------------

_FUNCTION_WORDS = frozenset(
    "a an the of to in on at for by with and or is are was were be been it its this that these those as from".split()
)
_PAREN = re.compile(r"\s*[\(\[][^()\[\]]{1,120}[\)\]]")
_LEAD_IN = re.compile(
    r"^(?:In addition|Additionally|Furthermore|Moreover|Overall|Thus|Therefore|Hence|In particular|"
    r"In summary|In conclusion|To summarize|Finally|Also|Similarly|Specifically|Currently|Importantly|"
    r"Notably|As a result|In general|Generally|Typically|Usually|Consequently|Accordingly|Indeed|"
    r"In this (?:paper|study|work|review|article|section)|In the present (?:study|review)|"
    r"For this (?:review|study)|To date)\s*,\s+"
)


def _norm(text: str) -> str:
    return " ".join(words(text))


def _rng(*key) -> random.Random:
    return random.Random(hashlib.sha1("\0".join(map(str, key)).encode()).hexdigest())


def noise(sentence: str, rng: random.Random) -> str:
    """Light, content-preserving noise: drop some function words and/or shuffle locally."""
    toks = sentence.split()
    mode = rng.random()
    if mode < 0.3 or len(toks) < 4:
        return sentence
    if mode < 0.65 or mode >= 0.9:  # drop ~15% of function words (never content or numbers)
        kept = [t for t in toks if not (t.lower().strip(",;:") in _FUNCTION_WORDS and rng.random() < 0.15)]
        toks = kept if len(kept) >= 3 else toks
    if mode >= 0.65:  # local shuffle: each word moves at most ~2 places
        keys = [i + rng.uniform(0, 3) for i in range(len(toks))]
        toks = [t for _, t in sorted(zip(keys, toks))]
    return " ".join(toks)


def compress(sentence: str) -> str:
    """Drop parentheticals and a leading discourse connective."""
    s = _PAREN.sub("", sentence)
    s = re.sub(r"\s+([,.;:])", r"\1", s)
    m = _LEAD_IN.match(s)
    if m:
        rest = s[m.end():]
        s = rest[:1].upper() + rest[1:]
    return re.sub(r"\s{2,}", " ", s).strip()


def _usable_sentence(s: str, cfg: BuildConfig) -> bool:
    n = len(s.split())
    if not (cfg.copy_min_words <= n <= cfg.copy_max_words):
        return False
    letters = sum(c.isalpha() for c in s)
    return letters >= 0.6 * len(s) and s[-1:] in ".!?\"')" and "http" not in s


_QUESTION_HEADINGS = [
    (r"^what (?:is|are) \(are\) (.+?)\s*\??$", "Understanding {}"),
    (r"^do you have information about (.+?)\s*\??$", "Understanding {}"),
    (r"^what are the (?:signs and )?symptoms (?:of|for) (.+?)\s*\??$", "Symptoms of {}"),
    (r"^what are the treatments for (.+?)\s*\??$", "Treatment of {}"),
    (r"^is (.+?) inherited\s*\??$", "How {} is inherited"),
    (r"^how many people are affected by (.+?)\s*\??$", "How common is {}"),
    (r"^what are the genetic changes related to (.+?)\s*\??$", "Genetic changes related to {}"),
    (r"^what causes (.+?)\s*\??$", "Causes of {}"),
    (r"^how to diagnose (.+?)\s*\??$", "Diagnosing {}"),
    (r"^what research \(or clinical trials\) is being done for (.+?)\s*\??$", "Research on {}"),
    (r"^what is the outlook for (.+?)\s*\??$", "Outlook for {}"),
    (r"^who is at risk for (.+?)\?*\s*\??$", "Risk factors for {}"),
    (r"^what to do for (.+?)\s*\??$", "Living with {}"),
    (r"^how to prevent (.+?)\s*\??$", "Preventing {}"),
    (r"^what are the stages of (.+?)\s*\??$", "Stages of {}"),
    (r"^what are the complications of (.+?)\s*\??$", "Complications of {}"),
]
_QUESTION_HEADINGS = [(re.compile(p, re.I), f) for p, f in _QUESTION_HEADINGS]


def question_heading(question: str) -> str | None:
    """MedQuAD question -> a section heading ("What are the symptoms of X ?" -> "Symptoms of X")."""
    q = " ".join(question.split())
    for pat, fmt in _QUESTION_HEADINGS:
        m = pat.match(q)
        if m and m.group(1).strip(" ?"):
            return fmt.format(m.group(1).strip(" ?"))
    return None


def _first_words(text: str, n: int) -> str:
    toks = text.split()
    return " ".join(toks[:n])


def _row(task: str, source: str, target: str, doc_id: str) -> dict:
    return {"task": task, "source": PREFIXES[task] + source.strip(), "target": target.strip(), "doc_id": doc_id}


# --- per-task builders ----------------------------------------------------------------------


def rewrite_rows(docs: Iterable[Document], cfg: BuildConfig = BuildConfig()) -> list[dict]:
    """Summary sentence <- best-aligned source sentence(s) (Cochrane target->source;
    ACL summary->abstract + sections)."""
    rows = []
    for d in docs:
        if not d.summary:
            continue
        cands = d.sentences
        if d.dataset in ("scisummnet", "aclsum"):
            for s in d.sections[:8]:
                cands = cands + sources.sentences(s.text, fast=True)[:60]
        cands = [c for c in cands if 4 <= len(c.split()) <= 80]
        targets = d.summary_sentences or sources.sentences(d.summary)
        for t in targets:
            if len(t.split()) < 5:
                continue
            src, score, cov = align(t, cands)
            if score >= cfg.rewrite_min_rouge and cov >= cfg.rewrite_min_coverage and _norm(src) != _norm(t):
                rows.append(_row("rewrite", src, t, d.doc_id))
    return rows


def _unlabeled_passages(docs: Iterable[Document]) -> Iterable[tuple[Document, str]]:
    """Passages of running text: MedQuAD answers, paper sections, Cochrane abstracts."""
    skip = re.compile(r"acknowledg|reference|appendix|bibliograph", re.I)
    for d in docs:
        if d.dataset == "cochrane":
            yield d, d.text
        for s in d.sections:
            if not skip.search(s.heading):
                yield d, s.text


def copy_rows(docs: Iterable[Document], cfg: BuildConfig = BuildConfig()) -> tuple[list[dict], list[dict]]:
    """(copy rows, compress rows) from sentences of running text."""
    copy, comp = [], []
    for d, passage in _unlabeled_passages(docs):
        sents = [s for s in sources.sentences(passage, fast=True) if _usable_sentence(s, cfg)]
        rng = _rng(cfg.seed, "copy", d.doc_id, passage[:80])
        picked = rng.sample(sents, min(cfg.copy_per_section, len(sents)))
        for s in picked:
            copy.append(_row("copy", noise(s, rng), s, d.doc_id))
        n = 0
        for s in sents:
            c = compress(s)
            if c != s and len(c.split()) >= 4 and c[-1:] in ".!?" and n < cfg.copy_per_section:
                comp.append(_row("compress", s, c, d.doc_id))
                n += 1
    return copy, comp


def heading_rows(docs: Iterable[Document], cfg: BuildConfig = BuildConfig()) -> list[dict]:
    rows, seen = [], Counter()
    generic = re.compile(r"^(acknowledg|reference|appendix|abstract$)", re.I)
    for d in docs:
        for s in d.sections:
            if d.dataset == "medquad":
                head = question_heading(s.heading)
            else:
                head = s.heading
                if generic.search(head) or len(head.split()) > 12 or sum(c.isalpha() for c in head) < 3:
                    head = None
            text = s.text.replace("\n", " ")
            if d.dataset == "medquad":  # GARD answers open by repeating the question
                first = sources.sentences(text[:400], fast=True)[:1]
                if first and first[0].endswith("?"):
                    text = text[len(first[0]):].strip()
            if not head or len(text.split()) < 15:
                continue
            key = head.lower()
            if d.dataset == "medquad":  # one heading per focus: cap by pattern instead
                key = re.sub(re.escape(d.title.lower()), "X", key) if d.title else key
                cap = 2000
            else:
                cap = cfg.heading_cap
            if seen[key] >= cap:
                continue
            seen[key] += 1
            rows.append(_row("heading", _first_words(text, cfg.heading_words), head, d.doc_id))
    return rows


def gap_sentences(sents: list[str], k: int) -> list[int]:
    """Indices of the k most central sentences (PEGASUS "Ind-Orig": ROUGE-1 F1 of each sentence
    against the rest of the passage)."""
    bags = [Counter(words(s)) for s in sents]
    total = sum(bags, Counter())
    scores = [(rouge_1(total - b, b), -i) for i, b in enumerate(bags)]
    ranked = sorted(range(len(sents)), key=lambda i: scores[i], reverse=True)
    return sorted(ranked[:k])


def summarize_rows(docs: Iterable[Document], cfg: BuildConfig = BuildConfig()) -> list[dict]:
    rows = []
    for d in docs:
        if d.summary:
            src = d.text
            if d.dataset in ("scisummnet", "aclsum"):
                intro = next((s.text for s in d.sections if s.heading.lower().startswith("intro")), "")
                src = (d.text + "\n" + intro).strip()
            if src:
                rows.append(_row("summarize", src.replace("\n", " "), d.summary, d.doc_id))
    for d, passage in _unlabeled_passages(docs):
        if d.dataset == "cochrane":
            continue
        sents = sources.sentences(passage, fast=True)[: cfg.gsg_max_sentences]
        sents = [s for s in sents if len(s.split()) >= 4]
        if len(sents) < 4:
            continue
        gaps = gap_sentences(sents, 2 if len(sents) >= 8 else 1)
        src = " ".join(s for i, s in enumerate(sents) if i not in gaps)
        tgt = " ".join(sents[i] for i in gaps)
        rows.append(_row("gsg", src, tgt, d.doc_id))
    return rows


# --- assembling -----------------------------------------------------------------------------


DATASETS = ("cochrane", "medquad", "scisummnet", "aclsum")


def load_documents(shared=None, datasets_: Iterable[str] = DATASETS) -> list[Document]:
    readers = {
        "cochrane": lambda: sources.read_cochrane(shared),
        "medquad": lambda: sources.read_medquad(shared),
        "scisummnet": lambda: sources.read_scisummnet(shared),
        "aclsum": sources.read_aclsum,
    }
    docs: list[Document] = []
    for name in datasets_:
        docs.extend(readers[name]())
    return docs


def build_rows(docs: list[Document], tasks: Iterable[str] = TASKS, cfg: BuildConfig = BuildConfig()) -> list[dict]:
    tasks = set(tasks)
    rows: list[dict] = []
    if "rewrite" in tasks:
        rows += rewrite_rows(docs, cfg)
    if tasks & {"copy", "compress"}:
        cp, cm = copy_rows(docs, cfg)
        rows += (cp if "copy" in tasks else []) + (cm if "compress" in tasks else [])
    if "heading" in tasks:
        rows += heading_rows(docs, cfg)
    if tasks & {"summarize", "gsg"}:
        rows += [r for r in summarize_rows(docs, cfg) if r["task"] in tasks]
    return rows


def split_rows(rows: list[dict], cfg: BuildConfig = BuildConfig()) -> dict[str, list[dict]]:
    """Assign splits by document, drop duplicate pairs, and drop validation/held-out rows whose
    source or target text also occurs in training (duplicated pages across collections)."""
    out: dict[str, list[dict]] = {s: [] for s in SPLITS}
    seen: set[tuple[str, str, str]] = set()
    for r in rows:
        # copy/compress: one pair per distinct sentence (boilerplate repeats across pages)
        src = "" if r["task"] in ("copy", "compress") else _norm(r["source"])
        key = (r["task"], src, _norm(r["target"]))
        if key in seen:
            continue
        seen.add(key)
        out[split_of(r["doc_id"], cfg.val_frac, cfg.heldout_frac)].append(r)
    train_text = {(r["task"], _norm(r["source"])) for r in out["train"]} | {
        (r["task"], _norm(r["target"])) for r in out["train"]
    }
    for s in ("validation", "heldout"):
        out[s] = [r for r in out[s] if (r["task"], _norm(r["source"])) not in train_text
                  and (r["task"], _norm(r["target"])) not in train_text]
    return out


def build_datasets(shared=None, tasks: Iterable[str] = TASKS, cfg: BuildConfig = BuildConfig(),
                   cache_dir: str | Path | None = None, docs: list[Document] | None = None,
                   datasets_: Iterable[str] = DATASETS):
    """``DatasetDict`` with ``train``, ``validation`` and ``heldout`` (Cochrane reviews never
    trained on), from ``docs`` or the named shared ``datasets_``. Cached under ``cache_dir``
    (keyed by tasks, datasets and config) when given."""
    from datasets import Dataset, DatasetDict, Features, Value

    tasks = tuple(sorted(set(tasks)))
    unknown = set(tasks) - set(TASKS)
    if unknown:
        raise ValueError(f"unknown tasks {sorted(unknown)}; known: {TASKS}")
    datasets_ = tuple(datasets_)
    key = json.dumps([tasks, datasets_, cfg.__dict__, str(sources.shared_dir(shared).resolve()), 4])
    path = Path(cache_dir) / f"corpus-{hashlib.sha1(key.encode()).hexdigest()[:12]}" if cache_dir and docs is None else None
    if path is not None and (path / "complete").exists():
        parts = {s: _read_rows(path / f"{s}.jsonl.gz") for s in SPLITS}
    else:
        if docs is None:
            docs = load_documents(shared, datasets_)
        parts = split_rows(build_rows(docs, tasks, cfg), cfg)
        if path is not None:  # (datasets' save_to_disk cannot reload an empty split)
            path.mkdir(parents=True, exist_ok=True)
            for s, rows in parts.items():
                _write_rows(path / f"{s}.jsonl.gz", rows)
            (path / "complete").write_text(key)
    features = Features({c: Value("string") for c in COLUMNS})
    return DatasetDict({
        s: Dataset.from_dict({c: [r[c] for r in rows] for c in COLUMNS}, features=features) for s, rows in parts.items()
    })


def _write_rows(path: Path, rows: list[dict]) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def _read_rows(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def heldout_cochrane(shared=None, cfg: BuildConfig = BuildConfig()) -> list[Document]:
    """The held-out Cochrane reviews (abstract + plain-language summary) for evaluation."""
    return [d for d in sources.read_cochrane(shared) if split_of(d.doc_id, cfg.val_frac, cfg.heldout_frac) == "heldout"]


def corpus_stats(dd) -> dict:
    """Pairs per task and split, distinct documents, mean source/target lengths in words."""
    stats: dict = {"splits": {}, "tasks": {}}
    for split, ds in dd.items():
        by_task = defaultdict(lambda: {"pairs": 0, "docs": set(), "src": 0, "tgt": 0})
        for t, s, g, d in zip(ds["task"], ds["source"], ds["target"], ds["doc_id"]):
            b = by_task[t]
            b["pairs"] += 1
            b["docs"].add(d)
            b["src"] += len(s.split()) - 1
            b["tgt"] += len(g.split())
        stats["splits"][split] = {"pairs": len(ds), "documents": len(set(ds["doc_id"]))}
        for t, b in sorted(by_task.items()):
            stats["tasks"].setdefault(t, {})[split] = {
                "pairs": b["pairs"], "documents": len(b["docs"]),
                "mean_source_words": round(b["src"] / b["pairs"], 1), "mean_target_words": round(b["tgt"] / b["pairs"], 1),
            }
    return stats


def format_stats(stats: dict) -> str:
    lines = [f"{'task':<10} {'split':<11} {'pairs':>7} {'docs':>6} {'src_w':>7} {'tgt_w':>7}"]
    for t, per in stats["tasks"].items():
        for split in SPLITS:
            if split in per:
                v = per[split]
                lines.append(f"{t:<10} {split:<11} {v['pairs']:>7} {v['documents']:>6} "
                             f"{v['mean_source_words']:>7} {v['mean_target_words']:>7}")
    for split, v in stats["splits"].items():
        lines.append(f"{'ALL':<10} {split:<11} {v['pairs']:>7} {v['documents']:>6}")
    return "\n".join(lines)
