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
from itertools import chain, islice
from typing import Any, Iterator, Sequence

import functools
import re

from summarize.antecedents import CHAIN_LOOKBACK, inserted, restore, subject_phrases, subject_words
from summarize.coherence import content_lemmas, dangling_reason, leans_on_a_person, surnames
from summarize.normalize import drop_statistics, name_people
from summarize.corpus.article import Article, Paragraph, heading_role
from summarize.corpus.parse import DraftError, list_sentences, parse_article
from summarize.corpus.text import WORD, bracket_groups, split_sentences

from .conclusion import ConclusionRanker, features
from .detect import (MAIN, MINOR, Detection, Detector, about_treated, contrasted, title_conditions,
                     treated_conditions)
from .nlp import normalize, tokenize, topic_terms
from .policy import Policy, load_policy
from .repair import (compress_variants, cut_overclaims, find_overclaims, insertion_index, is_advice, is_question,
                     verify_added)

# A mandated caveat up to this many times max_added_words is preferred to a longer one (the
# conclusion-level target, then any added sentence); past it, only when nothing shorter reads cleanly.
LONG_CAVEAT = 1.5
# ... unless the longer one ranks this much higher (the ranker's score, a log-odds)
LONG_CAVEAT_MARGIN = 1.0
# Sentences per mandated kind the lead planner may try for its caveat slot before the best one
# that stands on its own
PREFER_LEANING = 2
# Internal need: the draft's conclusion-level caveat of a kind, as the ranker picks it
# (reported as `main`).
CONCLUSION = "conclusion"
_CONF = {"high": 2, "medium": 1, "low": 0}
# A review's lead may call the review itself "this review": the draft is what it points to.
_SELF_REFERENCE = re.compile(r"(this|the present|our)\s+(systematic\s+|cochrane\s+|updated\s+)?review\b", re.I)


@dataclass
class AnalyzedSentence:
    text: str
    start: int
    end: int
    detections: list[Detection]
    concluding: bool = False  # in the section the draft heads as its conclusion ("CONCLUSIONS:")

    def caveat_kinds(self) -> set[str]:
        return {d.kind for d in self.detections if d.is_caveat}


@dataclass
class OutputSentence:
    """One sentence of the repaired summary and where it came from: ``index`` is the input
    sentence it keeps or rewrites; an added one has the draft offsets of its source sentence
    (``start``/``end`` into ``Article.text``; None for a policy default)."""
    text: str
    status: str  # "kept" | "added" | "rewritten"
    kinds: list[str] = field(default_factory=list)
    index: int | None = None
    source_sentence: str | None = None
    start: int | None = None
    end: int | None = None


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
    omitted: list[str] = field(default_factory=list)  # budgeted kinds left out: over the policy's optional_words

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
            "omitted": list(self.omitted),
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

    def __init__(self, policy: Policy | None = None, ranker: ConclusionRanker | None = None):
        self.policy = policy if policy is not None else load_policy()
        self.ranker = ranker if ranker is not None else ConclusionRanker.load()
        self.detector = Detector(self.policy)
        self._encoder = None

    def promises_safety(self, sentence: str) -> bool:
        """Would the filter cut an overclaim from ``sentence`` ("a natural, non-habit-forming way
        to relax", "completely safe")? The lead planner leaves such sentences out rather than
        have the filter edit them, a quotation above all."""
        # (only a negated caveat cue needs the detector, and a negation needs a negator: most of
        # a draft's sentences have none, and are checked for absolute promises alone)
        pol = self.policy
        negated = any(t.text in pol.neg_nominal or t.text in pol.neg_adverbial for t in tokenize(normalize(sentence)))
        return bool(find_overclaims(sentence, self.detector.sentence(sentence) if negated else [], pol, True))

    # ------------------------------------------------------------------ analysis
    def analyze_source(self, source: Article | str, topic: frozenset[str]) -> list[AnalyzedSentence]:
        """Sentences of the draft's content paragraphs with their detections. The parser's
        one heading rule decides what is a heading; paragraphs it set aside as boilerplate
        are not read."""
        article = as_article(source)
        # The role of each paragraph's section in a structured abstract (background, methods,
        # conclusion), worked out once.
        role = {id(p): heading_role(sec.heading) for sec in article.walk() for p in sec.paragraphs}
        out: list[AnalyzedSentence] = []
        for para in article.paragraphs():
            # a bulleted list of whole sentences ("A few safety points: - Don't combine it with
            # alcohol. …") is set aside from the lead, but its warnings are the draft's own
            if para.boilerplate == "list":
                pieces = [(s.text, at + s.start) for item, at in list_sentences(para.text) for s in split_sentences(item)]
            elif para.boilerplate is None:
                pieces = [(s.text, s.start) for s in split_sentences(para.text)]
            else:
                continue
            section = role.get(id(para))
            for text, at in pieces:
                start, end = _locate(article.readable, text, para.start, para.start + at)
                # a list's lead-in ("Other side effects to know about:") names the kind its items
                # state; it is no sentence to carry
                dets = [] if text.rstrip().endswith(":") else self.detector.sentence(text, topic)
                if section == "background":
                    # the gap the study set out to fill ("Whether supplementation prevents
                    # depression is unclear"), not a limit of its own evidence
                    dets = [d for d in dets if d.kind != "research"]
                elif section == "methods":
                    # what was searched, selected and measured ("regulatory agency documents",
                    # "adults with alcohol dependence were excluded") warns of nothing, though a
                    # limit of the method may be a research caveat
                    dets = [d for d in dets if d.kind == "research"]
                out.append(AnalyzedSentence(text, start, end, dets, section == "conclusion"))
        treated = _treated(article, topic)
        for s, dets in zip(out, contrasted([s.detections for s in out], [s.text for s in out], topic)):
            s.detections = about_treated(dets, s.text, treated, topic)
        if self.policy.encoder == "all":
            self._encode(out)
        return out

    def analyze_summary(self, summary: str | list[str], topic: frozenset[str]) -> list[AnalyzedSentence]:
        """A string summary is split into sentences (offsets into it); a list is taken as the
        lead's own sentences, one unit each (offsets are list indices)."""
        if isinstance(summary, str):
            pieces = [(s.text, s.start, s.end) for s in split_sentences(summary)]
        else:
            pieces = [(t, i, i) for i, t in enumerate(summary)]
        # a question asks about a risk ("Can it cause dependence?"); it tells the reader of none
        sents = [AnalyzedSentence(t, a, b, [] if is_question(t) else self.detector.sentence(t, topic))
                 for t, a, b in pieces]
        if self.policy.encoder in ("summary", "all"):
            self._encode(sents)
        return sents

    def _encode(self, sents: list[AnalyzedSentence]) -> None:
        if self._encoder is None:
            from .encoder import ParaphraseDetector

            self._encoder = ParaphraseDetector(self.policy)
        self._encoder.add_detections(sents)

    # ------------------------------------------------------------------ the filter
    def __call__(self, source: Article | str, summary: str | list[str]) -> CaveatResult:
        """Repair ``summary`` (a string, or the lead's sentences as a list) against ``source``
        (a parsed Article, or draft text, which is parsed here)."""
        pol = self.policy
        article = as_article(source)
        topic = topic_terms(article.prose())
        src = self.analyze_source(article, topic)
        summ = self.analyze_summary(summary, topic)
        treated = _treated(article, topic)  # (an illness the subject treats)
        for s in summ:
            s.detections = about_treated(s.detections, s.text, treated, topic)
        # a summary sentence copied from the draft is read as the draft reads it, in its context
        # (a risk set against the next sentence's denial is another substance's: detect.contrasted)
        in_context = {s.text: s.detections for s in src if any(not d.about_subject for d in s.detections)}
        for s in summ:
            if s.text in in_context and s.detections:
                s.detections = list(in_context[s.text])

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
                removed.append({"text": s.text, "index": i, "reason": reason, "kinds": kinds})
            else:
                rewritten.append({"before": s.text, "after": after, "index": i, "reason": reason, "kinds": kinds})

        # caveats the summary carries after the cuts: kind -> strongest strength
        have: dict[str, str] = {}
        for i, s in enumerate(summ):
            dets = s.detections if i not in new_text else (
                self.detector.sentence(new_text[i], topic) if new_text[i] is not None else [])
            _strongest(have, dets)
        source_best: dict[str, str] = {}
        for s in src:
            _strongest(source_best, s.detections)

        # 2. additions: a kind the summary lacks, or a mandated kind it carries only as a minor
        #    caveat (one outcome, one trial) while the source states it as a conclusion
        #    A summary whose main caveat is only implicit ("two small studies") while the source
        #    gives a verdict on the evidence ("there is insufficient evidence to recommend X")
        #    gets the verdict: that is the conclusion-level caveat readers need.
        enabled = pol.enabled
        need: dict[str, str] = {}
        upgrade: set[str] = set()
        targets: dict[str, int] = {}  # kind -> the source sentence that is its conclusion-level caveat
        scores = self._conclusion_scores(src, article, topic)
        names = surnames(" ".join(s.text for s in src))
        # What the lead itself introduces, for judging whether a conclusion-level caveat reads
        # where it goes: its opening, and its other sentences that say none of the source's
        # caveats. Added caveats are such copies placed after the opening, so a second run judges
        # against the same sentences and picks the same one.
        caveat_sents = [s.text for s in src if s.caveat_kinds()]
        context = [t for i, s in enumerate(summ) if (t := new_text.get(i, s.text)) is not None
                   and (i == 0 or not any(_carries(t, c) for c in caveat_sents))]
        # the draft's subject as it writes it, for a pronoun an added sentence leans on ("It …"),
        # and its people's introductions, looked up once
        draft = _Draft(subject_phrases(article.prose(), subject_words(topic, names)), " ".join(s.text for s in src))
        conclusions = {k: t for k in pol.mandated if k in found and source_best.get(k) == MAIN
                       and (t := self._target(src, scores, k, topic, names, context, draft))}
        # one sentence for two kinds where the better-ranked one states both
        for k in sorted(conclusions, key=lambda k: -scores.get(conclusions[k][0], 0.0)):
            dets = self.detector.sentence(conclusions[k][1], topic)
            for j in conclusions:
                if j != k and any(d.kind == j and d.is_caveat and d.strength == MAIN for d in dets):
                    conclusions[j] = conclusions[k]
        for k in enabled:
            if k not in found:
                continue
            if k not in have:
                need[k] = MAIN if (k in pol.mandated and source_best.get(k) == MAIN) else MINOR
            elif k in pol.mandated and source_best.get(k) == MAIN and have[k] != MAIN:
                need[k] = MAIN
            target = conclusions.get(k)
            # the summary says it already: a copy of that sentence, or a verdict of its own in the
            # policy's words ("more research is needed")
            if target is not None and not any(
                    new_text.get(i, "") is not None and (_carries(new_text.get(i) or s.text, target[1])
                                                         or _carries(new_text.get(i) or s.text, src[target[0]].text)
                                                         or self._verdict(new_text.get(i) or s.text, s.detections, k))
                    for i, s in enumerate(summ)):
                if k not in need:
                    upgrade.add(k)
                need[k] = CONCLUSION
                targets[k] = target[0]
        missing_default = [k for k in pol.always if k not in found and k not in have]
        # what the lead already spends on sentences stating only budgeted kinds (counted the same
        # way on a second run, when the first run's additions are part of the lead)
        spent = sum(len(t.split()) for i, s in enumerate(summ)
                    if (t := new_text.get(i, s.text)) is not None and _budgeted_only(_weighty_kinds(s), pol))
        added, unresolved, omitted = self._additions(src, need, topic, [s.text for s in summ], upgrade, scores,
                                                     targets, context, draft=draft,
                                                     optional_left=pol.optional_words - spent)
        unresolved = [k for k in unresolved if k not in upgrade]
        for k in missing_default:
            added.append({"kinds": [k], "text": pol.kinds[k].default, "source_sentence": None,
                          "start": None, "end": None, "default": True, "strength": MAIN, "restored": []})

        # 3. assembly
        out_text, out_sents, closed = _assemble(summary, summ, new_text, added, pol)
        rewritten.extend(closed)

        summary_found = _kinds(summ)
        carried = [k for k in enabled if k in found and k in summary_found]
        passed = not (added or removed or rewritten or unresolved)
        if passed and isinstance(summary, str):
            out_text = summary  # a passing summary comes back byte for byte
        report = CaveatReport(
            policy=pol.path,
            topic=sorted(topic),
            source_kinds=_by_kind(src, pol),
            source_no_risk_claims=_no_risk(src),
            summary_kinds=_by_kind(summ, pol),
            carried=carried,
            missing=[k for k in enabled if k in need and k not in omitted],
            added=added,
            removed=removed,
            rewritten=rewritten,
            passed=passed,
            encoder=pol.encoder,
            unresolved=unresolved,
            omitted=omitted,
        )
        return CaveatResult(out_text, passed, out_sents, report)

    def _verdict(self, text: str, detections: list[Detection], kind: str) -> bool:
        """Does the sentence state a ``kind`` caveat as a verdict: a main caveat in the words
        of the kind's ``main`` patterns (not main merely because nothing narrows it)?"""
        # a label in brackets ("(RR 1.44; moderate quality of evidence)") is no verdict
        groups, _ = bracket_groups(text)
        inside = lambda i: any(a <= i < b for a, b in groups)  # noqa: E731
        if not any(d.kind == kind and d.is_caveat and d.strength == MAIN and not inside(d.start) for d in detections):
            return False
        ends = [0] + [b for _, b in groups]
        bare = "".join(text[e:a] for e, (a, _) in zip(ends, groups)) + text[ends[-1]:]
        norm = normalize(bare)
        return any(p.search(norm) for p in self.policy.kinds[kind].main)

    def conclusion_caveats(self, source: Article | str) -> list[str]:
        """The draft sentences the filter takes for its conclusion-level caveats (one per mandated
        kind the draft states as a main caveat, best-ranked first), read as standing alone. The
        lead planner gives one of them the lead's caveat slot, so the filter need not add it."""
        article = as_article(source)
        topic = topic_terms(article.prose())
        src = self.analyze_source(article, topic)
        scores = self._conclusion_scores(src, article, topic)
        names = surnames(" ".join(s.text for s in src))
        # (the sentences as written: no subject restored for an "It …" here)
        draft = _Draft([], " ".join(s.text for s in src))
        found = [t for k in self.policy.mandated if (t := self._target(src, scores, k, topic, names, [], draft))]
        # and, best-ranked first, the ones that state it cleanly but lean on what the lead says
        # before them ("These observational findings require confirmation …" after the lead's
        # finding): the planner judges those against its own lead
        ranked = [i for k in self.policy.mandated for i, _ in islice(self._verified(src, scores, k, topic), PREFER_LEANING)]
        best_standing = max((scores[i] for i, _ in found), default=float("-inf"))
        leaning = [src[i].text for i in sorted(ranked, key=lambda i: -scores[i]) if scores[i] > best_standing]
        standing = [src[i].text for i, _ in sorted(found, key=lambda t: -scores.get(t[0], 0.0))]
        return list(dict.fromkeys(leaning + standing))

    def conclusion_features(self, src: list[AnalyzedSentence], article: Article, topic) -> dict[int, list[float]]:
        """The ranker's feature vector of each sentence stating a mandated kind (what
        ``summarize caveats-train-ranker`` fits on)."""
        return features(src, article.readable, topic, self.policy, self._verdict, lambda t: is_advice(t, self.policy))

    def _conclusion_scores(self, src: list[AnalyzedSentence], article: Article, topic) -> dict[int, float]:
        """The ranker's score of each sentence stating a mandated kind: how likely it is the
        draft's conclusion-level caveat."""
        return {i: self.ranker.score(v) for i, v in self.conclusion_features(src, article, topic).items()}

    def _target(self, src: list[AnalyzedSentence], scores: dict[int, float], kind: str, topic,
                names, context: list[str], draft: "_Draft") -> tuple[int, str] | None:
        """The draft's conclusion-level caveat of a mandated ``kind`` as the filter would add it:
        the best-ranked sentence stating the kind as a main caveat that, compressed, is one clean
        sentence and reads after the ``context`` sentences (no pronoun or connective pointing
        back; a name or "the authors" the context introduces), preferring one that is not very
        long. It is a main caveat whatever the summary has, so a second run looks for the same
        sentence.
        Returns (index, added text), or None."""
        limit = LONG_CAVEAT * self.policy.max_added_words
        long_pick: tuple[int, str] | None = None  # the best-ranked one that reads only long
        for i, variants in self._verified(src, scores, kind, topic):
            found = None
            for text in variants:
                standing = _standing(text, context, names, src, i, draft)
                if standing is None:
                    continue
                if len(text.split()) <= limit:
                    found = standing
                    break
                if long_pick is None:
                    long_pick = (i, standing)
            if found is not None:
                # a shorter sentence is preferred only to one ranked about as high: the draft's
                # closing verdict is often its longest sentence, and clearly its verdict
                if long_pick is not None and scores[long_pick[0]] - scores[i] > LONG_CAVEAT_MARGIN:
                    return long_pick
                return i, found
        return long_pick

    def _verified(self, src: list[AnalyzedSentence], scores: dict[int, float], kind: str,
                  topic) -> Iterator[tuple[int, Iterator[str]]]:
        """Best-ranked first, the sentences stating a mandated ``kind`` as a main caveat, each with
        its compressions (most compressed first) that still state it as one clean sentence."""
        pol = self.policy
        for i in sorted((i for i in scores if kind in src[i].caveat_kinds()), key=lambda i: (-scores[i], -i)):
            s = src[i]
            cues = [(d.start, d.end) for d in s.detections if d.is_caveat and d.kind == kind and d.strength == MAIN]
            if not cues:
                continue
            # (checked as they are read: the first that stands is often the first one)
            variants = (t for t in compress_variants(s.text, cues[:1], pol)
                        if verify_added(t, {kind: MAIN}, self.detector, topic, pol, s.text))
            first = next(variants, None)
            if first is not None:
                yield i, chain([first], variants)

    def _additions(self, src: list[AnalyzedSentence], need: dict[str, str], topic,
                   lead: list[str] = (), upgrade: set[str] = frozenset(),
                   scores: dict[int, float] | None = None,
                   targets: dict[str, int] | None = None,
                   context: list[str] = (), *, draft: "_Draft",
                   optional_left: float = float("inf")) -> tuple[list[dict], list[str], list[str]]:
        """Greedy cover of the needed kinds by source sentences, each compressed and checked
        to be one clean sentence; at most one sentence per kind. ``need`` maps a kind to the
        strength the added sentence must state it with (``CONCLUSION``: the source sentence
        ``targets`` names for the kind, as a main caveat). Kinds in ``upgrade`` are ones
        the summary already states as a main caveat.
        Sentences that state only budgeted kinds (the policy's ``budgeted``) spend ``optional_left``
        words; one that would overspend is not added.
        Returns the additions, the kinds no source sentence could carry (reported, never made up)
        and the optional kinds left out for want of words."""
        pol = self.policy
        scores, targets = scores or {}, targets or {}
        lead = list(lead)

        def need_of(k: str) -> str:  # the strength an added sentence must state kind k with
            return MAIN if remaining[k] == CONCLUSION else remaining[k]

        names = surnames(" ".join(s.text for s in src))
        remaining = dict(need)
        added: list[dict] = []
        tried: set[tuple[int, str]] = set()
        over_budget: set[str] = set()
        while remaining:
            best, retry = None, False
            for idx, s in enumerate(src):
                cover = [k for k in remaining if (idx, k) not in tried
                         and any(d.kind == k and d.is_caveat and _ok_strength(d, need_of(k)) for d in s.detections)
                         and (remaining[k] != CONCLUSION or targets[k] == idx)]
                if not cover:
                    continue
                # the first cue of each kind (of the needed strength) must survive compression; or
                # the last, for a sentence whose first cue sits in a clause that leans on context
                # ("the study cannot say …, and longer studies are needed")
                firsts: dict[str, tuple[int, int]] = {}
                lasts: dict[str, tuple[int, int]] = {}
                for d in s.detections:
                    if d.is_caveat and d.kind in cover and _ok_strength(d, need_of(d.kind)):
                        firsts.setdefault(d.kind, (d.start, d.end))
                        lasts[d.kind] = (d.start, d.end)
                variants = compress_variants(s.text, list(firsts.values()), pol)
                if lasts != firsts:
                    variants += [v for v in compress_variants(s.text, list(lasts.values()), pol) if v not in variants]
                variants = _statistics_dropped(variants)
                conf = max(_CONF[d.confidence] for d in s.detections if d.is_caveat and d.kind in cover)
                main = sum(1 for k in cover if any(d.kind == k and d.is_caveat and d.strength == MAIN for d in s.detections))
                # (each variant's standing after the lead is worked out once, for the order and the key)
                in_lead = functools.cache(lambda v, idx=idx: _standing(v, lead, names, src, idx, draft))
                over_at = None  # the words of a variant too long for the budget
                for text in _standing_first(variants, in_lead):
                    # a longer variant is no way round the budget, however many cues it keeps
                    # ("… than placebo (RR 3.62 …; low-certainty evidence)" for a side effect)
                    if over_at is not None and len(text.split()) >= over_at:
                        continue
                    if verify_added(text, {k: need_of(k) for k in cover}, self.detector, topic, pol, s.text):
                        # A sentence only upgrading the summary's own main caveat must read after the
                        # lead's own sentences (``context``), not after what an earlier run added:
                        # a second run must change nothing.
                        alone = all(k in upgrade for k in cover)
                        before = list(context) if alone else lead
                        standing = in_lead(text) if before is lead else _standing(text, before, names, src, idx, draft)
                        stands = standing is not None
                        plain, text = text, standing or _restored(text, src, idx, names, draft)
                        n = len(text.split())  # a person named in full makes it longer
                        # only a mandated kind is worth a sentence that leans on context ("They say
                        # …", "For Reyes, …"); and a sentence the lead already says is no addition
                        # (a mandated kind's sentence may say a lead sentence again: better than none)
                        mandated = any(k in pol.mandated for k in cover)
                        if (not stands and not mandated) or _repeats(text, lead, whole=not mandated):
                            continue
                        # (a sentence that also states a mandated kind or advice, one the lead carries
                        # already, is not a budgeted sentence, as a second run would count it)
                        optional = _budgeted_only(cover, pol) and not _states_unbudgeted(s, text, pol)
                        if optional and n > optional_left:
                            over_budget.update(cover)
                            over_at = len(plain.split())
                            continue
                        # the learned detector's word alone is not worth a sentence that leans on context
                        if not stands and not any(d.kind in cover and d.is_caveat and d.method != "learned"
                                                  for d in s.detections):
                            continue
                        if any(k in pol.mandated for k in cover):
                            # the ranker's conclusion-level caveat, unless it leans on context or is
                            # very long
                            key = (True, stands, n <= LONG_CAVEAT * pol.max_added_words,
                                   scores.get(idx, float("-inf")), len(cover), -n)
                        else:
                            # advice, legal status, interactions, side effects: the reader needs the
                            # warning, not its detail; the shortest clean statement of it, unless a
                            # longer one also covers another kind, or also states a mandated one the
                            # lead has (advice not to stop suddenly, with the professional's help)
                            mandated_too = any(d.is_caveat and d.kind in pol.mandated
                                               for d in self.detector.sentence(text, topic))
                            key = (False, stands, n <= pol.max_added_words, len(cover), mandated_too, main, -n, conf)
                        if best is None or key > best[0]:
                            best = (key, idx, cover, text, plain, optional)
                        break
                else:
                    # no variant carries them all: a kind only the learned detector saw here goes
                    # first, so the sentence is tried again for the others (the advice in "Parents
                    # … should talk with their pediatrician, and anyone who … after using one …")
                    guessed = [k for k in cover if len(cover) > 1 and not any(
                        d.kind == k and d.is_caveat and d.method != "learned" for d in s.detections)]
                    retry |= bool(guessed)
                    for k in guessed or cover:
                        tried.add((idx, k))
            if best is None and retry:
                continue  # (each retry marks a pair tried: the loop ends)
            if best is None:
                break
            if not best[0][1] and all(k in upgrade for k in best[2]):
                # the summary already has a main caveat: no sentence that leans on context
                remaining = {k: v for k, v in remaining.items() if k not in best[2]}
                continue
            _, idx, cover, text, plain, optional = best
            s = src[idx]
            # the added sentence also carries any other needed kind it states
            dets = self.detector.sentence(text, topic)
            also = [k for k in remaining if k not in cover
                    and any(d.kind == k and d.is_caveat and _ok_strength(d, need_of(k)) for d in dets)]
            kinds = [k for k in pol.kinds if k in cover or k in also]
            strength = MAIN if any(d.is_caveat and d.kind in kinds and d.strength == MAIN for d in dets) or any(
                remaining[k] == CONCLUSION for k in kinds) else MINOR
            added.append({"kinds": kinds, "text": text, "source_sentence": s.text, "start": s.start, "end": s.end,
                          "default": False, "strength": strength, "restored": inserted(plain, text)})
            # what this addition introduces (a name, "the study") is there for the next one, as it
            # would be on a second run
            lead.append(text)
            if optional and _budgeted_only(kinds, pol):
                optional_left -= len(text.split())
            tried.clear()  # a sentence refused for leaning on context may stand now
            remaining = {k: v for k, v in remaining.items() if k not in kinds}
        # in draft order, but advice ("ask your doctor …") closes the lead, as in the house leads
        added.sort(key=lambda a: (is_advice(a["text"], pol), a["start"]))
        omitted = [k for k in remaining if k in over_budget]
        return added, [k for k in remaining if k not in over_budget], omitted


# ---------------------------------------------------------------------- helpers


def _treated(article: Article, topic: frozenset[str]) -> frozenset[str]:
    """The conditions the draft's subject treats: topic words mostly used as a condition's name,
    and the substances its title says it is for."""
    return treated_conditions(article.prose(), topic) | title_conditions(article.title and article.title.text)


def as_article(source: Article | str) -> Article:
    """The parsed article; a string is parsed with the project's one parser. Text the parser
    refuses (no sentences it recognises, e.g. a bare fragment) is read as one paragraph."""
    if isinstance(source, Article):
        return source
    try:
        return parse_article(source)
    except DraftError:
        stripped = source.strip()
        start = source.find(stripped) if stripped else 0
        return Article(text=source, intro=[Paragraph(stripped, start, start + len(stripped))] if stripped else [])


def _locate(text: str, sentence: str, para_start: int, guess: int) -> tuple[int, int]:
    """Offsets of ``sentence`` in the draft. Paragraph text joins hard-wrapped lines with a
    space, so the sentence is matched with any whitespace between its words."""
    if text[guess:guess + len(sentence)] == sentence:
        return guess, guess + len(sentence)
    pattern = r"\s+".join(re.escape(w) for w in sentence.split())
    m = re.compile(pattern).search(text, para_start)
    if m:
        return m.start(), m.end()
    return guess, guess + len(sentence)


# An added sentence whose content words a lead sentence already holds (this share of them) adds nothing.
REPEAT_SHARE = 0.8


def _repeats(text: str, lead: list[str], whole: bool = False) -> bool:
    """Does ``text`` say again what a ``lead`` sentence says: most of its words there, or, with
    ``whole``, all of a lead sentence's in it ("There is little research on children" inside
    "There is little research on children, and the patch is not approved for them")?"""
    mine = content_lemmas(text)
    for other in map(content_lemmas, lead):
        if mine and len(mine & other) >= REPEAT_SHARE * len(mine):
            return True
        if whole and len(other) >= MIN_RESTATED_LEMMAS and other <= mine:
            return True
    return False


def _budgeted_only(kinds, pol: Policy) -> bool:
    """Kinds that all share the policy's optional_words (legal status, interactions, side effects
    by default; never a mandated kind)."""
    return bool(kinds) and all(k in pol.budgeted for k in kinds)


def _weighty_kinds(s: AnalyzedSentence) -> set[str]:
    """The kinds a sentence states as main caveats (all it states when none is main): a minor
    cue beside a side effect ("…; low-certainty evidence)") makes no research sentence of it."""
    return {d.kind for d in s.detections if d.is_caveat and d.strength == MAIN} or s.caveat_kinds()


def _states_unbudgeted(s: AnalyzedSentence, text: str, pol: Policy) -> bool:
    """Does ``text`` (``s`` or a compression of it) keep a cue of a kind outside the budget (a
    mandated one, or advice) that ``s`` states among its weighty kinds (``_weighty_kinds``)?"""
    weighty = _weighty_kinds(s)
    return any(d.is_caveat and d.kind not in pol.budgeted and d.kind in weighty and s.text[d.start:d.end] in text
               for d in s.detections)


def _strongest(acc: dict[str, str], detections: list[Detection]) -> None:
    for d in detections:
        if d.is_caveat and acc.get(d.kind) != MAIN:
            acc[d.kind] = d.strength


def _stands(text: str, lead: list[str], names) -> bool:
    """Can an added sentence stand where it goes? A pronoun, demonstrative or connective that
    points back is judged with nothing before it (the sentence leaves its context behind); a
    definite description or a surname ("The researchers said …") against the lead, which may
    introduce them."""
    alone = dangling_reason(text, [], names)
    if alone is None:
        return True
    if alone.startswith("opens with") or "refers to nothing" in alone or "connective" in alone:
        return False
    # "That study was small": a distal demonstrative points to the draft sentence before it, not
    # to whatever study the lead mentions ("This review", "These findings" are the lead's own)
    if re.match(r"'(that|those)' ", alone):
        return False
    # so is a "he"/"she said" whose person only the draft introduced (the lead's person may be
    # someone else)
    if leans_on_a_person(text):
        return False
    reason = dangling_reason(text, lead, names)
    # a surname only in the attribution ("…, Dr. Feld said, and …") still reads
    m = re.match(r"(?:surname )?'([A-Z][^']*)'", reason or "")
    if m and re.search(rf"[,;]\s*(?:(?:Dr|Prof|Professor)\.?\s+)?{re.escape(m.group(1))}\s+(said|says|added|adds|noted|notes|wrote|explained|warned)\b", text):
        return True
    return reason is None


@dataclass
class _Draft:
    """What restoring an added sentence's context needs of the draft, worked out once per call."""
    subjects: list[str]  # the subject as the draft names it ("yerba mate")
    text: str  # the source sentences, joined
    intros: dict[str, str] = field(default_factory=dict)  # each person's introduction, once looked up


def _standing(text: str, before: list[str], names, src: list[AnalyzedSentence], idx: int,
              draft: "_Draft") -> str | None:
    """``text`` (added from ``src[idx]``) as it can stand after ``before``: itself, or with what
    it leans on restored from the draft sentences before it ("she said" → the person, "It" →
    the subject) and a person called by surname alone named as the draft first names them
    ("Devon Marsh, an addiction medicine specialist, recommended …"). None when neither stands."""
    if _stands(text, before, names) or _SELF_REFERENCE.match(text):
        return text
    fixed = _restored(text, src, idx, names, draft)
    fixed = name_people(list(before) + [fixed], draft.text, names, draft.intros)[-1]
    return fixed if fixed != text and _stands(fixed, before, names) else None


def _restored(text: str, src: list[AnalyzedSentence], idx: int, names, draft: "_Draft") -> str:
    """``text`` (added from ``src[idx]``) with what it leans on restored from the draft sentences
    before it (``antecedents.restore``), or as it is. Also what a mandated caveat that stands
    nowhere is added as: "It came from a single practice, …" after "The review had limits." is
    "The review came from …", not an "It" pointing at whatever the lead said last."""
    if _antecedent_cut_off(text, src[idx].text, draft.subjects):
        return text
    return restore(text, [s.text for s in src[max(0, idx - CHAIN_LOOKBACK):idx]], names, draft.subjects) or text


MIN_RESTATED_LEMMAS = 3  # a lead sentence this full, all of it inside an added one, is said twice
CUT_PROBE_CHARS = 40
_FINITE_HEAD = frozenset("is are was were does do did has have had can could may might will would should must".split())
# A connective and a speech frame ("But she says", "although experts stress that"): what a cut
# may drop before a clause without dropping the clause's antecedent.
_FRAME_WORDS = frozenset("""and but so yet although though while whereas however also still she he they experts
    researchers doctors authors scientists officials says said say stress stresses stressed warn warns warned
    note notes noted add adds added that""".split())


_PRONOUN_CLAUSE = re.compile(r"\bit\s+(?:is|was|has|helps|can|may|does|will|would|could|makes)\b", re.I)


def _antecedent_cut_off(text: str, source: str, subjects: Sequence[str] = ()) -> bool:
    """Was ``text`` cut from the end of ``source`` past a clause that may hold its pronoun's
    antecedent ("Naloxone … does not reverse its effects, although experts stress that it should
    still be given …": "it" is naloxone, not the draft's subject ``subjects``, which that clause
    does not name)?"""
    # (the text's first letter may have been capitalised: it is found from its second on)
    at = source.find(text[1:CUT_PROBE_CHARS]) if len(text) > 1 else -1
    if at <= 1:
        return False
    # a clause of its own before it (a finite verb): its subject may be what the pronoun means
    # ("Because CBD is broken down by …, it can change …"); a fronted phrase has none ("While
    # generally considered safe, it can be habit-forming")
    head = [w.lower() for w in WORD.findall(source[:at - 1])]
    names_subject = {w.lower() for phrase in subjects for w in WORD.findall(phrase)} & set(head)
    # a clause whose own subject is the pronoun ("People tell me it is a tradition. But it is a
    # nicotine product, …") leans on the same antecedent, before it
    if _PRONOUN_CLAUSE.search(source[:at - 1]):
        return False
    return (not names_subject and any(w in _FINITE_HEAD for w in head)
            and sum(1 for w in head if w not in _FRAME_WORDS) >= 2)


def _statistics_dropped(variants: list[str]) -> list[str]:
    """Each variant without its bracketed statistics first ("… than placebo (RR 3.62, 95% CI …;
    low-certainty evidence)"): a lead states the finding, as it does for model sentences; the
    variant as it was follows, for when a needed cue was inside the brackets."""
    out: list[str] = []
    for v in variants:
        for t in (drop_statistics(v), v):
            if t not in out:
                out.append(t)
    return out


def _standing_first(variants: list[str], standing) -> list[str]:
    """The variants in their order (most compressed first), but the first one that stands in
    the lead moved to the front: a clause that leans on context is added only when no variant
    of the sentence stands."""
    for n, v in enumerate(variants):
        if standing(v) is not None:
            return [v] + variants[:n] + variants[n + 1:]
    return variants


def _ok_strength(d: Detection, needed: str) -> bool:
    return needed != MAIN or d.strength == MAIN


def _carries(text: str, caveat: str) -> bool:
    """Does a summary sentence say ``caveat``: a compression of it, or a sentence holding its words?"""
    return _repeats(text, [caveat]) or _repeats(caveat, [text])


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


_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*$")


def _assemble(summary: str | list[str], summ: list[AnalyzedSentence], new_text: dict, added: list[dict],
              pol: Policy) -> tuple[str | list[str], list[OutputSentence], list[dict]]:
    """The repaired summary and its sentences with provenance. For a string summary, untouched
    sentences and the whitespace between them are copied byte for byte. A kept sentence that
    an added caveat follows gets a final period when it has none, so the caveat stands as its
    own sentence (reported as a rewrite)."""
    kept = [i for i in range(len(summ)) if new_text.get(i, "") is not None]
    texts_after = [new_text.get(i) or summ[i].text for i in kept]
    at = insertion_index(texts_after, pol) if added else len(kept)
    order: list[OutputSentence] = []
    for n, i in enumerate(kept):
        if n == at:
            order.extend(_added_sentences(added))
        status = "rewritten" if i in new_text else "kept"
        order.append(OutputSentence(texts_after[n], status, [], index=i))
    if at >= len(kept):
        order.extend(_added_sentences(added))
    closed: list[dict] = []
    for n in range(len(order) - 1):
        o = order[n]
        if o.status != "added" and order[n + 1].status == "added" and not _ENDS_SENTENCE.search(o.text):
            before = o.text
            o.text = before.rstrip() + "."
            o.status = "rewritten"
            closed.append({"before": before, "after": o.text, "index": o.index, "kinds": [],
                           "reason": "final period added so the added caveat stands as its own sentence"})
    if not isinstance(summary, str):
        return [o.text for o in order], order, closed
    # string: copy the original gaps between consecutive untouched sentences
    if not summ:
        body = " ".join(o.text for o in order)
        lead = summary[:len(summary) - len(summary.lstrip())]
        return (lead + body + summary[len(summary.rstrip()):] if body else summary), order, closed
    pieces = [summary[:summ[0].start]]
    prev: OutputSentence | None = None
    for o in order:
        if prev is not None:
            if prev.index is not None and o.index is not None and o.index == prev.index + 1:
                pieces.append(summary[summ[prev.index].end:summ[o.index].start] or ("" if prev.status == "kept" and o.status == "kept" else " "))
            else:
                pieces.append(" ")
        pieces.append(o.text)
        prev = o
    pieces.append(summary[summ[-1].end:])
    return "".join(pieces), order, closed


def _added_sentences(added: list[dict]) -> list[OutputSentence]:
    return [OutputSentence(a["text"], "added", list(a["kinds"]), None, a["source_sentence"], a["start"], a["end"])
            for a in added]
