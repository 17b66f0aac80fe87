"""The caveat post-filter: keep the source's caveats in the summary and cut safety overclaims.

    f = CaveatFilter()                 # shipped policy; cheap to build, reusable
    res = f(source, summary)
    res.summary, res.passed, res.sentences, res.report.to_dict()

What it does, in order:
1. Detects caveats in every source sentence (kind, cue, offsets, negation, subject) and in
   every summary sentence.
2. Cuts overclaims from summary sentences ("without addiction risks", "no side effects",
   "completely safe", an unsupported "safer"): the phrase when the rest of the sentence
   stands, the sentence when nothing sound remains.
3. For every enabled kind found in the source (about its subject) and missing from the
   summary, adds a compressed copy of a source sentence stating it. One sentence covers
   every missing kind it states. Kinds in the policy's ``always`` list that the source lacks
   get the kind's default wording.
4. Places added sentences after the benefits and before the closing advice.

Everything else in the summary is kept byte for byte, and a second run changes nothing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from summarize.corpus.text import split_sentences

from .detect import Detection, Detector
from .nlp import topic_terms
from .policy import Policy, load_policy
from .repair import compress_variants, cut_overclaims, find_overclaims, insertion_index, verify_added

_CONF = {"high": 2, "medium": 1, "low": 0}


@dataclass
class AnalyzedSentence:
    text: str
    start: int
    end: int
    detections: list[Detection]

    def caveat_kinds(self) -> set[str]:
        return {d.kind for d in self.detections if d.is_caveat}


@dataclass
class OutputSentence:
    text: str
    status: str  # "kept" | "added" | "rewritten"
    kinds: list[str] = field(default_factory=list)


@dataclass
class CaveatReport:
    policy: str
    topic: list[str]
    source_kinds: dict[str, list[dict]]
    source_no_risk_claims: list[dict]
    summary_kinds: dict[str, list[dict]]
    carried: list[str]
    missing: list[str]
    added: list[dict]
    removed: list[dict]
    rewritten: list[dict]
    passed: bool
    encoder: str = "off"
    unresolved: list[str] = field(default_factory=list)  # found kinds no source sentence could carry

    def to_dict(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "policy": self.policy,
            "topic": list(self.topic),
            "source_kinds": self.source_kinds,
            "source_no_risk_claims": self.source_no_risk_claims,
            "summary_kinds": self.summary_kinds,
            "carried": list(self.carried),
            "missing": list(self.missing),
            "added": list(self.added),
            "removed": list(self.removed),
            "rewritten": list(self.rewritten),
            "unresolved": list(self.unresolved),
            "encoder": self.encoder,
        }


@dataclass
class CaveatResult:
    summary: str
    passed: bool
    sentences: list[OutputSentence]
    report: CaveatReport


class CaveatFilter:
    """Callable caveat filter; see the module docstring."""

    def __init__(self, policy: Policy | None = None):
        self.policy = policy if policy is not None else load_policy()
        self.detector = Detector(self.policy)
        self._encoder = None

    # ------------------------------------------------------------------ analysis
    def analyze_source(self, source: str, topic: frozenset[str]) -> list[AnalyzedSentence]:
        """Sentences of a draft with their detections. Headings (short lines without final
        punctuation) and outline lines ("- ...") are skipped: they state no caveats."""
        out: list[AnalyzedSentence] = []
        pos = 0
        for line in source.splitlines(keepends=True):
            body = line.strip()
            offset = pos + (len(line) - len(line.lstrip()))
            pos += len(line)
            if not body or _is_heading(body):
                continue
            for s in split_sentences(body):
                out.append(AnalyzedSentence(s.text, offset + s.start, offset + s.end, self.detector.sentence(s.text, topic)))
        if self.policy.encoder == "all":
            self._encode(out)
        return out

    def analyze_summary(self, summary: str, topic: frozenset[str]) -> list[AnalyzedSentence]:
        sents = [AnalyzedSentence(s.text, s.start, s.end, self.detector.sentence(s.text, topic)) for s in split_sentences(summary)]
        if self.policy.encoder in ("summary", "all"):
            self._encode(sents)
        return sents

    def _encode(self, sents: list[AnalyzedSentence]) -> None:
        if self._encoder is None:
            from .encoder import ParaphraseDetector

            self._encoder = ParaphraseDetector(self.policy)
        self._encoder.add_detections(sents)

    # ------------------------------------------------------------------ the filter
    def __call__(self, source: str, summary: str) -> CaveatResult:
        pol = self.policy
        topic = topic_terms(source)
        src = self.analyze_source(source, topic)
        summ = self.analyze_summary(summary, topic)

        found = _kinds(src)
        supports_relative = any(p.search(s.text.lower()) for s in src for p in pol.relative_support)

        # 1. overclaims in the summary
        removed, rewritten = [], []
        new_text: dict[int, str | None] = {}
        for i, s in enumerate(summ):
            claims = find_overclaims(s.text, s.detections, pol, supports_relative)
            if not claims:
                continue
            reason = "; ".join(_reason(c, src, pol) for c in claims)
            kinds = sorted({c.kind for c in claims if c.kind})
            after = cut_overclaims(s.text, claims)
            if after is not None:
                # the rewrite must be clean; otherwise drop the sentence
                dets = self.detector.sentence(after, topic)
                if find_overclaims(after, dets, pol, supports_relative):
                    after = None
            new_text[i] = after
            if after is None:
                removed.append({"text": s.text, "reason": reason, "kinds": kinds})
            else:
                rewritten.append({"before": s.text, "after": after, "reason": reason, "kinds": kinds})

        # kinds the summary carries after the cuts
        have: set[str] = set()
        for i, s in enumerate(summ):
            if i in new_text:
                if new_text[i] is not None:
                    have |= {d.kind for d in self.detector.sentence(new_text[i], topic) if d.is_caveat}
            else:
                have |= s.caveat_kinds()

        # 2. additions
        enabled = pol.enabled
        missing_src = [k for k in enabled if k in found and k not in have]
        missing_default = [k for k in pol.always if k not in found and k not in have]
        added, unresolved = self._additions(src, missing_src, topic)
        for k in missing_default:
            added.append({"kinds": [k], "text": pol.kinds[k].default, "source_sentence": None,
                          "start": None, "end": None, "default": True})

        # 3. assembly
        kept_idx = [i for i in range(len(summ)) if new_text.get(i, "") is not None]
        texts_after = [new_text.get(i) or summ[i].text for i in kept_idx]
        at = insertion_index(texts_after, pol) if added else len(kept_idx)
        out_text, out_sents = _assemble(summary, summ, new_text, kept_idx, at, added)

        summary_found = _kinds(summ)
        carried = [k for k in enabled if k in found and k in summary_found]
        passed = not (added or removed or rewritten or unresolved)
        report = CaveatReport(
            policy=pol.path,
            topic=sorted(topic),
            source_kinds=_by_kind(src, pol),
            source_no_risk_claims=_no_risk(src),
            summary_kinds=_by_kind(summ, pol),
            carried=carried,
            missing=[k for k in enabled if k in found and k not in summary_found],
            added=added,
            removed=removed,
            rewritten=rewritten,
            passed=passed,
            encoder=pol.encoder,
            unresolved=unresolved,
        )
        return CaveatResult(out_text, passed, out_sents, report)

    def _additions(self, src: list[AnalyzedSentence], missing: list[str], topic) -> tuple[list[dict], list[str]]:
        """Greedy cover of the missing kinds by source sentences, each compressed. Returns the
        additions and the kinds no source sentence could carry on its own (reported, never
        made up)."""
        pol = self.policy
        remaining = list(missing)
        added: list[dict] = []
        tried: set[tuple[int, str]] = set()
        while remaining:
            best = None
            for idx, s in enumerate(src):
                cover = [k for k in remaining if k in s.caveat_kinds() and (idx, k) not in tried]
                if not cover:
                    continue
                # the first cue of each kind must survive compression; repeats may go
                firsts: dict[str, tuple[int, int]] = {}
                for d in s.detections:
                    if d.is_caveat and d.kind in cover and d.kind not in firsts:
                        firsts[d.kind] = (d.start, d.end)
                spans = list(firsts.values())
                conf = max(_CONF[d.confidence] for d in s.detections if d.is_caveat and d.kind in cover)
                for text in compress_variants(s.text, spans, pol):
                    if verify_added(text, set(cover), self.detector, topic, pol):
                        n = len(text.split())
                        key = (len(cover), n <= pol.max_added_words, conf, -n)
                        if best is None or key > best[0]:
                            best = (key, idx, cover, text)
                        break
                else:
                    for k in cover:
                        tried.add((idx, k))
            if best is None:
                break  # no source sentence can be used as is (should not happen: a sentence verifies itself)
            _, idx, cover, text = best
            s = src[idx]
            # the added sentence also carries any other missing kind it states
            also = [k for k in remaining if k not in cover and k in {d.kind for d in self.detector.sentence(text, topic) if d.is_caveat}]
            kinds = [k for k in pol.kinds if k in cover or k in also]
            added.append({"kinds": kinds, "text": text, "source_sentence": s.text, "start": s.start, "end": s.end,
                          "default": False, "_pos": s.start})
            remaining = [k for k in remaining if k not in kinds]
        added.sort(key=lambda a: a["_pos"])
        for a in added:
            a.pop("_pos", None)
        return added, remaining


# ---------------------------------------------------------------------- helpers


def _is_heading(line: str) -> bool:
    if line.startswith(("- ", "– ", "— ")):
        return True
    return line[-1] not in '.!?:;"”)\'' and len(line.split()) <= 20


def _kinds(sents: list[AnalyzedSentence]) -> set[str]:
    out: set[str] = set()
    for s in sents:
        out |= s.caveat_kinds()
    return out


def _by_kind(sents: list[AnalyzedSentence], pol: Policy) -> dict[str, list[dict]]:
    """kind -> mentions that are not negated (caveats about the subject, and low-confidence
    ones about another substance, marked about_subject: false)."""
    out: dict[str, list[dict]] = {}
    for s in sents:
        seen = set()
        for d in s.detections:
            if d.negated or (d.kind, d.about_subject) in seen:
                continue
            seen.add((d.kind, d.about_subject))
            out.setdefault(d.kind, []).append({
                "sentence": s.text, "start": s.start, "end": s.end, "cue": d.cue, "method": d.method,
                "confidence": d.confidence, "about_subject": d.about_subject,
            })
    return {k: out[k] for k in pol.kinds if k in out}


def _no_risk(sents: list[AnalyzedSentence]) -> list[dict]:
    return [{"kind": d.kind, "claim": s.text[d.claim_start:d.claim_end] if d.claim_start is not None else d.cue,
             "sentence": s.text, "start": s.start, "end": s.end}
            for s in sents for d in s.detections if d.negated]


def _reason(c, src: list[AnalyzedSentence], pol: Policy) -> str:
    if c.what == "absolute" or (c.what == "no-risk" and c.kind is None):
        return f"overclaims safety: {c.text!r} is an absolute safety promise"
    if c.what == "relative":
        return f"overclaims safety: {c.text!r} is a comparative safety claim the source does not make"
    label = pol.kinds[c.kind].label if c.kind in pol.kinds else c.kind
    about = [s for s in src if any(d.kind == c.kind and d.is_caveat for d in s.detections)]
    if about:
        return f"contradicts the source's {c.kind} caveat ({label}): {c.text!r} vs {about[0].text!r}"
    other = [s for s in src if any(d.kind == c.kind and not d.negated and not d.about_subject for d in s.detections)]
    if other:
        return (f"overclaims safety: {c.text!r} denies a {c.kind} risk the source never denies; it only "
                f"mentions that risk for another substance: {other[0].text!r}")
    return f"overclaims safety: {c.text!r} denies a {c.kind} risk; the source does not support it"


def _assemble(summary: str, summ: list[AnalyzedSentence], new_text: dict, kept_idx: list[int], at: int,
              added: list[dict]) -> tuple[str, list[OutputSentence]]:
    """Rebuild the summary from the original string: untouched sentences and the whitespace
    between them are copied byte for byte."""
    if not summ:
        texts = [a["text"] for a in added]
        lead = summary.strip()
        joined = " ".join(texts)
        out = (summary.rstrip() + (" " if lead else "") + joined + summary[len(summary.rstrip()):]) if joined else summary
        return out, [OutputSentence(a["text"], "added", a["kinds"]) for a in added]
    pieces: list[str] = [summary[:summ[0].start]]
    sents: list[OutputSentence] = []
    insert_before = kept_idx[at] if at < len(kept_idx) else None
    last_kept = kept_idx[-1] if kept_idx else None
    emitted_any = False
    for i, s in enumerate(summ):
        gap_after = summary[s.end:summ[i + 1].start] if i + 1 < len(summ) else ""
        if i == insert_before and added:
            for a in added:
                pieces.append(a["text"] + " ")
                sents.append(OutputSentence(a["text"], "added", a["kinds"]))
        if i in new_text and new_text[i] is None:
            continue  # removed with the whitespace after it
        text = new_text.get(i, s.text)
        pieces.append(text)
        sents.append(OutputSentence(text, "rewritten" if i in new_text else "kept"))
        emitted_any = True
        if i == last_kept and insert_before is None and added:
            for a in added:
                pieces.append(" " + a["text"])
                sents.append(OutputSentence(a["text"], "added", a["kinds"]))
        if i != last_kept:
            pieces.append(gap_after if gap_after else " ")
    if not emitted_any and added:  # every sentence was removed
        for n, a in enumerate(added):
            pieces.append(("" if n == 0 else " ") + a["text"])
            sents.append(OutputSentence(a["text"], "added", a["kinds"]))
    pieces.append(summary[summ[-1].end:])
    return "".join(pieces), sents
