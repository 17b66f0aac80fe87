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
- ``fuse`` ("fuse: "): two sentences -> the one natural sentence they were split from
  (DiscoFuse, Geva et al. 2019): sentences of running text are split at an apposition, a
  non-restrictive relative clause, a clause coordination or a discourse connective, and the
  second half repeats the subject (or opens with a connective adverb such as "However,").
- ``decontextualize`` ("decontextualize: "): context sentence(s) + ``CONTEXT_SEPARATOR`` + a
  sentence whose subject noun phrase, repeated from the context, was replaced by a pronoun or
  demonstrative ("It", "They", "This drug") -> the sentence as written (antecedent restored).
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
from summarize.corpus.text import upper_first, words

from summarize.corpus import sources
from summarize.corpus.sources import Document
from summarize.corpus.tasks import CONTEXT_SEPARATOR, PREFIXES, TASKS

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
    fuse_per_section: int = 3  # split sentences per passage
    decontext_per_section: int = 3
    decontext_two_context: float = 0.3  # share of pairs given two context sentences, not one
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
        s = upper_first(rest)
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


# --- fuse (DiscoFuse-style splits) ----------------------------------------------------------

# Words that can open a clause's subject: a second conjunct starting with one is a clause, not a
# coordinated noun phrase ("..., and the risk rose" vs "..., and adults").
_SUBJECT_OPENERS = frozenset(
    "the a an this these those that it its they their there we our he she his her most many some several "
    "few all both each no none other patients people participants children women men adults studies "
    "trials results evidence researchers".split()
)
_COPULA_VERBS = frozenset("is are was were has have had can could may might will would should must does do did".split())
# ", <conjunction> clause" -> second sentence opener (None: the clause stands on its own).
_CONNECTIVES = {
    "and": None,
    "but": "However, ",
    "although": "However, ",
    "though": "However, ",
    "whereas": "In contrast, ",
    "while": "In contrast, ",
    "because": "This is because ",
    "so": "As a result, ",
}
_APPOSITION = re.compile(
    r"^(?P<subj>[A-Z][\w'’\-]*(?: [\w'’\-]+){0,3}), (?P<app>(?:a|an|the) [^,;()]{3,80}?), "
    r"(?P<rest>(?P<verb>[a-z]+) [^;]{8,})$"
)
_RELATIVE_SUBJECT = re.compile(
    r"^(?P<subj>[A-Z][\w'’\-]*(?: [\w'’\-]+){0,4}), (?:who|which) (?P<rel>[^,;()]{6,100}?), "
    r"(?P<rest>[a-z][^;]{8,})$"
)
_RELATIVE_FINAL = re.compile(r"^(?P<main>[A-Z][^;]{15,}?[a-z0-9)]), which (?P<rel>[a-z][^;,]{8,})$")
_CONNECTIVE = re.compile(r"^(?P<first>[A-Z][^;]{15,}?[a-z0-9)]), (?P<conj>" + "|".join(_CONNECTIVES) + r") (?P<second>[a-z][^;]{15,})$")


def _be(subject: str) -> str:
    """"is" or "are" for a subject noun phrase (plural by its last word's ending)."""
    last = subject.split()[-1].lower()
    return "are" if _plural(last) else "is"


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "ics")) and len(word) > 3


def fuse_split(sentence: str) -> tuple[str, str, str] | None:
    """Split one natural sentence into two (DiscoFuse): ``(first, second, kind)`` or None when no
    rule applies. Both halves end with a full stop; the original sentence is the fuse target."""
    s = sentence.strip()
    if s[-1:] != "." or s.count(",") > 4 or '"' in s:
        return None
    body = s[:-1]
    m = _APPOSITION.match(body)
    if m and m["verb"] in _COPULA_VERBS | {w for w in (m["verb"],) if w.endswith(("s", "ed"))}:
        subj = m["subj"]
        return f"{subj} {_be(subj)} {m['app']}.", f"{subj} {m['rest']}.", "apposition"
    m = _RELATIVE_SUBJECT.match(body)
    if m:
        subj = m["subj"]
        return f"{subj} {m['rel']}.", f"{subj} {m['rest']}.", "relative"
    m = _RELATIVE_FINAL.match(body)
    if m:
        plural = m["rel"].split()[0] in ("are", "were", "have", "do")
        return f"{m['main']}.", f"{'These' if plural else 'This'} {m['rel']}.", "relative"
    m = _CONNECTIVE.match(body)
    if m:
        second, conj = m["second"], m["conj"]
        first_word = second.split()[0].lower()
        has_verb = any(w in _COPULA_VERBS or (len(w) > 4 and w.endswith("ed")) for w in second.lower().split())
        if conj == "and" and (first_word not in _SUBJECT_OPENERS or "," in m["first"] or not has_verb):
            return None  # most likely coordinated phrases or a list, not two clauses
        if len(m["first"].split()) < 4 or len(second.split()) < 4:
            return None
        opener = _CONNECTIVES[conj]
        second = opener + second if opener else upper_first(second)
        return f"{m['first']}.", f"{second}.", "coordination" if conj in ("and", "but") else "connective"
    return None


def fuse_rows(docs: Iterable[Document], cfg: BuildConfig = BuildConfig()) -> list[dict]:
    """``fuse: first second`` -> the sentence they were split from."""
    rows = []
    for d, passage in _unlabeled_passages(docs):
        n = 0
        for s in sources.sentences(passage, fast=True):
            if n >= cfg.fuse_per_section:
                break
            if not _usable_sentence(s, cfg):
                continue
            split = fuse_split(s)
            if split:
                rows.append(_row("fuse", f"{split[0]} {split[1]}", s, d.doc_id))
                n += 1
    return rows


# --- decontextualize ------------------------------------------------------------------------

_DETERMINERS = ("the ", "this ", "these ", "those ")
_NOT_NP = frozenset("it its they their this these those that there we our he she his her you your i "
                    # a clause or phrase opener, not a noun phrase ("If you don't have", "Whether the cancer is")
                    "if whether when while although though because since as after before unless until once "
                    "in on at for by with from to of and or but so".split())
_AUX = r"is|are|was|were|has|have|had|can|could|may|might|will|would|should|must|does|do|did"
_AUXILIARY = re.compile(rf"^(?:{_AUX})\b")
# After a word read as the verb, these say it was a noun and the subject goes on ("levels of").
_NOUN_GOES_ON = re.compile(r"^(?:of|in|on|for|with|at|from|and|or|is|are|was|were|has|have|had|can|could|may|"
                           r"might|will|would|should|must)\b")
_VERB_AFTER_NP = re.compile(rf"^(?:{_AUX}|also|often|appears?|seems?|[a-z]{{3,}}(?:ed|es|s))\b")


def subject_phrase(sentence: str, context: str) -> str | None:
    """The sentence's opening noun phrase (1-5 words before a verb-like word) when the context
    also mentions it (the repeated subject a writer would pronominalise), else None."""
    toks = sentence.split()
    ctx = " " + " ".join(words(context)) + " "
    for n in range(min(5, len(toks) - 3), 0, -1):
        np_toks, after = toks[:n], toks[n]
        if any(not re.fullmatch(r"[A-Za-z][\w'’\-]*", t) for t in np_toks) or not _VERB_AFTER_NP.match(after):
            continue  # (case-sensitive: "Logic Forms are" does not end its subject at "Logic")
        if not _AUXILIARY.match(after) and _NOUN_GOES_ON.match(toks[n + 1]):
            continue  # "Low levels of calcium": a plural noun, not a verb, follows "Low"
        if np_toks[0].lower() in _NOT_NP:
            return None
        core = [t.lower() for t in np_toks]
        if core[0] + " " in _DETERMINERS:
            core = core[1:]
        if not core or all(w in _FUNCTION_WORDS for w in core) or len(core[-1]) < 3:
            continue
        if f" {' '.join(words(' '.join(core)))} " in ctx:
            return " ".join(np_toks)
    return None


def pronominalise(subject: str, rng: random.Random) -> str:
    """A pronoun or demonstrative for a subject noun phrase ("Metformin therapy" -> "It" or
    "This therapy"; "Statins" -> "They" or "These drugs"... never a word the phrase lacks,
    except the pronoun)."""
    head = subject.split()[-1].lower()
    plural = _plural(head)
    if len(subject.split()) > 1 and rng.random() < 0.5:
        return ("These " if plural else "This ") + head
    return "They" if plural else "It"


def decontextualize_rows(docs: Iterable[Document], cfg: BuildConfig = BuildConfig()) -> list[dict]:
    """``decontextualize: context [SEP] <It/They/This X> rest`` -> the sentence as written."""
    rows = []
    for d, passage in _unlabeled_passages(docs):
        sents = sources.sentences(passage, fast=True)
        rng = _rng(cfg.seed, "decontextualize", d.doc_id, passage[:80])
        n = 0
        for i in range(1, len(sents)):
            if n >= cfg.decontext_per_section:
                break
            cur = sents[i]
            if not _usable_sentence(cur, cfg):
                continue
            subj = subject_phrase(cur, sents[i - 1])
            if not subj:
                continue
            k = 2 if i >= 2 and rng.random() < cfg.decontext_two_context else 1
            context = " ".join(sents[i - k : i])
            rest = cur[len(subj):]
            # A lower-case verb phrase follows the subject; "Aspirin's" keeps its "'s" by not matching.
            src = context + CONTEXT_SEPARATOR + pronominalise(subj, rng) + rest
            rows.append(_row("decontextualize", src, cur, d.doc_id))
            n += 1
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
    if "fuse" in tasks:
        rows += fuse_rows(docs, cfg)
    if "decontextualize" in tasks:
        rows += decontextualize_rows(docs, cfg)
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
    key = json.dumps([tasks, datasets_, cfg.__dict__, str(sources.shared_dir(shared).resolve()), 6])
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
