"""Caveat detection in one sentence: cues (lemma terms, patterns, paraphrases), exclusions,
negation scope and whether the caveat is about the article's subject.

A detection is a *caveat* only when it is not negated. Negated detections of negatable kinds
("without the addictive effects ...", "no side effects") are *no-risk claims*: the filter
reports them in the source and removes them from summaries.

About another subject: a cue attached to a contrasted substance ("traditional opioids, which
carry risks of addiction"; "the side effects of prescription sleeping pills"; "unlike
addictive painkillers") gets ``about_subject = False`` and confidence "low". Such a sentence
is weaker evidence: it is reported, but it never makes a kind *found* in the source, so it
cannot by itself mandate an added caveat.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from pathlib import Path

from summarize.corpus.text import RARE_NAME_ZIPF, zipf

from .literals import may_match, present, required_literals
from .nlp import (
    CLAUSE_PUNCT,
    Token,
    clause_bounds,
    lemma_index,
    match_terms,
    negation_scopes,
    not_negation_spans,
    normalize,
    post_negated,
    tokenize,
)
from .policy import Policy

# Strength of a caveat: MAIN is a conclusion about the subject (the evidence overall is weak,
# more research is needed, it can cause dependence); MINOR is about one outcome, one trial or
# one comparison ("no trial reported pain", "six studies were at high risk of bias").
MAIN = "main"
MINOR = "minor"

_REL = ("which", "who", "whose", "that")
DETECTION_CACHE_SIZE = 20_000
# The subject used to treat another substance's withdrawal or dependence: the sentence's
# dependency words (its taper, its schedule) are that treatment's, not the subject's risk.
_TREATING_ANOTHER = re.compile(r"\b(treat\w*|eas(e|es|ed|ing)|manag\w*|prevent\w*|reduc\w*|control\w*|relie\w*|"
                               r"help\w*\s+with|used\s+(for|in))\b[^.;]{0,80}?\b(alcohol|opioid|opiate|heroin|"
                               r"nicotine|cocaine|benzodiazepine)\s+(withdrawal|dependence|addiction|use\s+disorder)\b")


def _treating_another(dets: list[Detection], norm: str, topic: frozenset[str]) -> list[Detection]:
    """``dets`` with the dependency cues of a clause about treating another substance's
    withdrawal or dependence marked as not about the subject."""
    m = _TREATING_ANOTHER.search(norm)
    if m is None or m.group(4) in topic:
        return dets
    # (in the treatment's own clause: "X is habit-forming, and it is also used to manage alcohol
    # withdrawal" still warns of X)
    clause = max(norm.rfind(sep, 0, m.start()) for sep in (", and ", "; ", ", but ", ". "))
    return [replace(d, about_subject=False, confidence="low") if d.kind == "dependency" and not d.negated
            and d.start > clause and not any(w in topic for w in norm[d.start:d.end].split()) else d for d in dets]


_ATTACH = ("associated", "linked", "caused", "seen", "common", "typical", "of", "from", "with")


@dataclass(frozen=True)
class Detection:
    kind: str
    start: int  # character offsets of the cue in the sentence
    end: int
    cue: str  # the cue as written
    method: str  # "term" | "pattern" | "paraphrase" | "encoder"
    negated: bool
    negator: str | None
    about_subject: bool
    confidence: str  # "high" | "medium" | "low"
    claim_start: int | None = None  # for negated detections: the no-risk phrase (negator to scope end)
    claim_end: int | None = None
    strength: str = MAIN

    @property
    def is_caveat(self) -> bool:
        return not self.negated and self.about_subject

    def to_dict(self) -> dict:
        return asdict(self)


def _policy_classifier(policy: Policy):
    """The sentence classifier the policy's ``[settings] classifier`` names: "shipped" (the
    default), "off", or a weights file (relative to the policy file)."""
    from .learned import DEFAULT_CLASSIFIER_PATH, SentenceClassifier

    setting = policy.classifier
    if setting == "off":
        return None
    if setting == "shipped":
        return SentenceClassifier.load(DEFAULT_CLASSIFIER_PATH) if DEFAULT_CLASSIFIER_PATH.is_file() else None
    return SentenceClassifier.load(Path(policy.path).parent / setting)


def _in_name(text: str, start: int, end: int) -> bool:
    """A capitalised cue word inside a name ("the charity Addiction Together", "the Tobacco
    Addiction Group", "Test for Nicotine Dependence"): an organisation or a scale, not a risk."""
    if not text[start:start + 1].isupper():
        return False
    # (joined by "of", "and", "&": "the Journal of Addiction and Exercise Science")
    return bool(re.search(r"[A-Z][\w'’-]*\s+(?:(?:of|and|&|for|on)\s+)?$", text[:start])
                or re.match(r"(?:\s+(?:of|and|&|for|on))?\s+[A-Z][\w'’-]*", text[end:]))


class Detector:
    """Finds caveat cues in sentences under a policy. Cheap to build; reusable."""

    def __init__(self, policy: Policy, classifier=None):
        """``classifier``: a :class:`~summarize.caveats.learned.SentenceClassifier`, ``False`` for
        patterns only, or None for what the policy's ``classifier`` setting names."""
        self.policy = policy
        self.kinds = [k for k in policy.kinds.values() if k.enabled]
        self.classifier = _policy_classifier(policy) if classifier is None else (classifier or None)
        # The pipeline re-runs the filter on the same draft after trimming: detections are
        # pure functions of (sentence, subject), so they are computed once.
        self._cache: dict[tuple[str, frozenset[str]], tuple[Detection, ...]] = {}
        # Each pattern with the words any match of it needs: most searches are skipped (literals.py).
        self._gated = {k.id: tuple(tuple((p, required_literals(p)) for p in ps)
                                   for ps in (k.patterns, k.paraphrases, k.exclude)) for k in self.kinds}
        self._literals = frozenset().union(*(lits for gated in self._gated.values() for ps in gated
                                             for _, lits in ps if lits))

    def sentence(self, text: str, topic: frozenset[str] = frozenset(), kinds=None) -> list[Detection]:
        """All detections (caveats, no-risk claims, other-subject mentions) in ``text``."""
        if kinds is not None:
            return self._sentence(text, topic, kinds)
        key = (text, topic)
        if key not in self._cache:
            if len(self._cache) >= DETECTION_CACHE_SIZE:
                self._cache.clear()
            self._cache[key] = tuple(self._sentence(text, topic, None))
        return list(self._cache[key])

    def _sentence(self, text: str, topic: frozenset[str], kinds) -> list[Detection]:
        norm = normalize(text)
        tokens = tokenize(norm)
        if not tokens:
            return []
        negs = None
        presupposed: list[tuple[int, int]] = []  # the policy's not_negation spans, found with negs
        untreated = None
        index = lemma_index(tokens)
        found = present(self._literals, norm)
        out: list[Detection] = []
        matches: dict = {}  # (kind, "minor" | "main") -> do its patterns match the sentence
        for kind in self.kinds:
            if kinds is not None and kind.id not in kinds:
                continue
            cands: list[tuple[int, int, str]] = []
            for i, j, _ in match_terms(tokens, kind.terms, index):
                if not _in_name(text, tokens[i].start, tokens[j - 1].end):
                    cands.append((tokens[i].start, tokens[j - 1].end, "term"))
            patterns, paraphrases, exclude = self._gated[kind.id]
            # (most patterns match nothing: one search says so, cheaper than walking a finditer)
            for method, gated in (("pattern", patterns), ("paraphrase", paraphrases)):
                for p, lits in gated:
                    if may_match(lits, found) and p.search(norm):
                        cands.extend((m.start(), m.end(), method) for m in p.finditer(norm) if m.end() > m.start())
            if not cands:
                continue
            if exclude:
                ex = [m.span() for p, lits in exclude if may_match(lits, found) for m in p.finditer(norm)]
                cands = [c for c in cands if not any(c[0] < b and a < c[1] for a, b in ex)]
            other_ends = -1  # where the last cue about another substance ended (a token index)
            for s, e, method in _merge(cands):
                ti, tj = _token_span(tokens, s, e)
                if method == "paraphrase" and kind.paraphrases_need_agent:
                    if untreated is None:
                        untreated = any(p.search(norm) for p in self.policy.untreated)
                    if untreated or not self._has_agent(tokens, ti, tj, topic):
                        continue
                negator = None
                claim = (None, None)
                if kind.negatable:
                    if negs is None:
                        presupposed = not_negation_spans(norm, self.policy)
                        negs = negation_scopes(tokens, norm, self.policy, presupposed)
                    for ng in negs:
                        # a negator inside the cue is part of it ("cannot sleep without it",
                        # "hard to stop"): the pattern was written with it, so it does not negate
                        if ti <= ng.neg < tj:
                            continue
                        if any(ng.start <= t < ng.end for t in range(ti, tj)):
                            negator = tokens[ng.neg].text
                            lo = min(tokens[ng.neg].start, s)
                            hi = max(tokens[ng.end - 1].end if ng.end > ng.start else e, e)
                            claim = (lo, hi)
                            break
                    if negator is None and post_negated(tokens, tj, presupposed):
                        negator = "not"
                        a, b = clause_bounds(tokens, ti)
                        claim = (tokens[a].start, tokens[b - 1].end)
                negated = negator is not None
                about = negated or not kind.other_subject_rules or not (
                    _coordinated(tokens, other_ends, ti) or self._other_subject(tokens, ti, tj, topic, kind.id))
                if not about:
                    other_ends = tj
                conf = "low" if not about else ("high" if method in ("term", "pattern") else "medium")
                strength = self._strength(kind, norm, s, e, method, matches)
                out.append(Detection(kind.id, s, e, text[s:e], method, negated, negator, about, conf, *claim,
                                     strength=strength))
        out = _treating_another(_conceded(out, norm), norm, topic)
        if self.classifier is not None:
            # a second opinion for wording the patterns do not know; where they found the kind at
            # all (a caveat, a no-risk claim, another substance) they decide
            seen = {d.kind for d in out}
            for kid, s, e in self.classifier.cues(text, topic):
                kind = self.policy.kinds.get(kid)
                if kind is None or not kind.enabled or kid in seen or (kinds is not None and kid not in kinds):
                    continue
                if any(p.search(norm) for p in kind.exclude):  # the policy's exclusions veto it too
                    continue
                strength = MAIN if any(p.search(norm) for p in kind.main) else MINOR
                out.append(Detection(kid, s, e, text[s:e], "learned", False, None, True, "medium", strength=strength))
        return out

    # -- helpers ---------------------------------------------------------------------------
    @staticmethod
    def _strength(kind, norm: str, s: int, e: int, method: str, matches: dict) -> str:
        """MINOR when the cue's clause scopes it to one named outcome (``narrow``: "we cannot
        draw conclusions about adverse events"), when the kind says so for this method (indirect
        wording such as "small trials"), or when a ``minor`` pattern of the kind matches the
        sentence (one outcome or trial) and no ``main`` one does; MAIN otherwise.
        ``matches`` keeps, per sentence, whether the kind's minor and main patterns match it (the
        same for each of its cues: a sentence with thousands of them is read once)."""
        if kind.narrow:
            clause = norm[_clause_start(norm, s):_clause_end(norm, e)]
            if any(p.search(clause) for p in kind.narrow):
                return MINOR

        def matched(which: str) -> bool:
            if (kind.id, which) not in matches:
                matches[kind.id, which] = any(p.search(norm) for p in getattr(kind, which))
            return matches[kind.id, which]

        if method in kind.minor_methods or matched("minor"):
            # a sentence that also states a conclusion-level cue stays main
            return MAIN if matched("main") else MINOR
        return MAIN

    def _has_agent(self, tokens: list[Token], ti: int, tj: int, topic: frozenset[str]) -> bool:
        """A treatment or substance named before the cue, or inside it ("after taking it").
        The article's subject counts unless it looks like a disease name; so do pronouns
        ("It may cause headaches") when no subject word looks like one."""
        pol = self.policy
        named = _named_conditions(tokens)
        before = {t.text for k, t in enumerate(tokens[:ti]) if k not in named}
        inside = {t.text for k, t in enumerate(tokens[ti:tj], ti) if k not in named}
        if (before | inside) & pol.agent_words:
            return True
        subjects = [w for w in topic if not w.endswith(pol.disease_suffixes)]
        # (named inside the cue too: "Dizziness and nausea were more common with <subject> than …")
        if any(w in before or w in inside for w in subjects):
            return True
        return bool(subjects) and len(subjects) == len(topic) and bool(before & pol.pronouns)

    def _other_subject(self, tokens: list[Token], ti: int, tj: int, topic: frozenset[str], kind: str = "") -> bool:
        markers = self.policy.other_markers
        # R1: inside a relative clause whose antecedent is a contrasted substance
        #     ("traditional opioids, which carry risks of addiction")
        r = ti - 1
        while r >= 0 and ti - r <= 15 and tokens[r].text not in CLAUSE_PUNCT:
            if tokens[r].text in _REL:
                break
            r -= 1
        if r >= 0 and tokens[r].text in _REL:
            ante = [t.text for t in tokens[max(0, r - 7):r] if t.text not in (",",)]
            if set(ante) & markers and not set(ante) & topic:
                return True
            # ("Unlike the opium poppy, whose opioids are highly addictive, California poppy …": the
            # thing set against the subject, though it shares a word with it, the subject named after)
            # (the thing may be described at length first: "Unlike kava, Vanuatu's best-known
            # export, which some heavy drinkers find hard to give up, tamanu oil is …")
            if "unlike" in (t.text for t in tokens[max(0, r - 12):r]) and _names({t.text for t in tokens[tj:]}, topic):
                return True
            # (or the other side of "a safer choice than tramadol, the opioid painkiller that …",
            # its comparative just before "than")
            if "than" in ante and not set(ante) & topic:
                k = max(i for i in range(max(0, r - 7), r) if tokens[i].text == "than")
                if {t.text for t in tokens[max(0, k - 3):k]} & _SOLD_AS_BETTER:
                    return True
            # (or, for dependency, on a drug class: "… or of opioids, which carry a risk of
            # addiction", in a sentence that never names the subject; a class's side effects may
            # well be the subject's: "It lowers blood sugar, which can cause dizziness")
            if kind == "dependency" and ante and ante[-1] in self.policy.other_classes \
                    and not {t.text for t in tokens} & topic:
                return True
            # (or a comparison's other side: "… the cocaine in a line of the powdered drug, which
            # is far more addictive": more addictive than the subject, which the clause is not about)
            if kind == "dependency" and not set(ante) & topic \
                    and {t.text for t in tokens[max(r + 1, ti - 3):ti]} & {"more", "less"}:
                return True
        # R2: the cue is attached to a contrasted substance after it, in its clause
        #     ("the side effects of prescription sleeping pills", "associated with prescription medications")
        _, b = clause_bounds(tokens, tj - 1 if tj > 0 else 0)
        tail = tokens[tj:min(b, tj + 8)]
        if tail and tail[0].text in _ATTACH or (len(tail) > 1 and tail[1].text in _ATTACH):
            words = {t.text for t in tail}
            if words & markers and not words & topic:
                return True
        # R3: "unlike X" in the same clause before the cue ("unlike addictive painkillers")
        a, _ = clause_bounds(tokens, ti)
        seg = [t.text for t in tokens[a:ti]]
        if "unlike" in seg and not set(seg[seg.index("unlike"):]) & topic:
            return True
        # R6: the subject denied after the cue, never named before it ("Rum is the thing in that
        #     glass people get hooked on, not the sorrel")
        if not {t.text for t in tokens[:ti]} & topic:
            for k in range(tj, min(len(tokens) - 2, tj + 12)):
                if tokens[k].text == "," and tokens[k + 1].text == "not" and {t.text for t in tokens[k + 2:k + 5]} & topic:
                    return True
        # R5: (dependency, side effects) the sentence's subject is another substance or drug
        #     class, and the cue is in its predicate ("Nicotine is highly addictive and can harm
        #     the developing brain, which is one reason the companies market their pens as a
        #     healthier choice"; "Benzodiazepines such as diazepam … can cause dependence")
        if kind in ("dependency", "side_effects") and _subject_is_other(tokens, ti, topic, self.policy.other_classes):
            return True
        # R4: the sentence is about another named substance: it opens on a rare word (a drug's
        #     name) that is not the subject, described in an apposition ("Oxycodone, the strongest
        #     of the three, has been at the centre of the overdose crisis"), and never names the subject
        return _opens_on_another_name(tokens, topic, self.policy.agent_words)


# The subject sold as better than another substance ("a safer choice than tramadol, …")
_SOLD_AS_BETTER = frozenset("safer healthier gentler milder better cheaper".split())
_APPOSITION = frozenset({"the", "a", "an", "another", "which", "one"})
# What starts a clause with a subject of its own between the sentence's subject and a cue.
_NEW_CLAUSE = frozenset("which who whom that because while whereas although though when if since unless ; it they "
                        "this these he she we you".split())
_FIRST_VERB = frozenset("is are was were has have had can could may might will would do does did carry carries "
                        "cause causes".split())


def _coordinated(tokens: list[Token], end: int, ti: int) -> bool:
    """Is the cue at ``ti`` joined by "and" to the cue that ended at ``end``, in the same clause
    ("… that nicotine is far more addictive and much harder to give up"): about the same substance?"""
    between = [t.text for t in tokens[end:ti]] if 0 <= end <= ti else []
    return (0 < len(between) <= MAX_COORDINATED_GAP and "and" in between
            and not any(w in CLAUSE_PUNCT or w in _NEW_CLAUSE for w in between))


MAX_COORDINATED_GAP = 4


def _subject_is_other(tokens: list[Token], ti: int, topic: frozenset[str], classes: frozenset[str]) -> bool:
    """Is the sentence's subject (the words before its first verb) a drug class or substance in
    ``classes`` that is not the article's subject, with the cue ``ti`` in that subject's predicate
    and the article's subject named later in the sentence?"""
    verb = next((k for k, t in enumerate(tokens[:ti]) if t.text in _FIRST_VERB), None)
    if verb is None or verb == 0:
        return False
    subject = {t.text for t in tokens[:verb]}
    # the class opens the sentence ("Nicotine is …", "Sleeping pills can …"), not a phrase in
    # front of its subject ("For people in recovery from alcohol use disorder, the taste …")
    head = next((k for k, t in enumerate(tokens[:verb]) if t.text in classes), None)
    if head is None or head > 2 or any(t.text in CLAUSE_PUNCT for t in tokens[:head]):
        return False
    # the sentence sets the class against the subject, which it names after it ("… market their
    # pens as a healthier choice"); "But benzodiazepines are habit-forming" in a story on
    # diazepam may well be about the subject's own class
    if _names(subject, topic) or not _names({t.text for t in tokens[verb:]}, topic):
        return False
    return not any(t.text in _NEW_CLAUSE for t in tokens[verb:ti])


def _names(words: set[str], topic: frozenset[str]) -> bool:
    """Do ``words`` name the article's subject ("pens" for "pen" too)?"""
    return bool(words & topic or {w[:-1] for w in words if w.endswith("s")} & topic)


def _opens_on_another_name(tokens: list[Token], topic: frozenset[str], agent_words: frozenset[str]) -> bool:
    """"<Name>, the/another <… drug …>, …": a rare word whose apposition calls it a drug or
    treatment (so not a symptom: "Dizziness, the most common side effect, …")."""
    if not topic or len(tokens) < 4:
        return False
    words = {t.text for t in tokens}
    first = tokens[0].text
    # "Benzodiazepines such as lorazepam …", "Drugs such as alprazolam and lorazepam …": other
    # drugs, named as examples, in a sentence that never names the subject (a drug name of the
    # topic; "anxiety" may be there)
    head, example = _named_example(tokens)
    if (example is not None and first not in topic and example not in topic and zipf(example) < RARE_NAME_ZIPF
            and (zipf(head[-1]) < RARE_NAME_ZIPF or head[-1] in agent_words)):  # a drug class, not "… symptoms"
        names = {w for w in topic if zipf(w) < RARE_NAME_ZIPF}
        if names and not words & names:
            return True
    if _names(words, topic) or {w + "s" for w in words} & topic:  # (and "pills" for "pill")
        return False
    if not (first.isalpha() and tokens[1].text == "," and tokens[2].text in _APPOSITION and zipf(first) < RARE_NAME_ZIPF):
        return False
    apposition = []
    for t in tokens[2:14]:
        if t.text in CLAUSE_PUNCT:
            break
        apposition.append(t.text)
    # a drug class is a rare word too ("Diazepam, a benzodiazepine, …")
    return bool(set(apposition) & agent_words) or any(w.isalpha() and len(w) > 3 and zipf(w) < RARE_NAME_ZIPF
                                                      for w in apposition)


# What concedes a mention before a denial: "despite the jokes about chocolate addiction, cacao
# is not habit-forming"
_CONCESSIVE = re.compile(r"\b(?:despite|notwithstanding|for all)\b[^,;:]*$")


def _conceded(out: list[Detection], norm: str) -> list[Detection]:
    """A reassurance names the risk it denies in a concessive phrase: the mention is part of the
    denial, not a caveat of its own."""
    denied = {d.kind for d in out if d.negated}
    if not denied:
        return out
    return [d for d in out if d.negated or d.kind not in denied or not _CONCESSIVE.search(norm[:d.start])]


# A sentence's risk set against the next one's denial is another substance's ("Benzodiazepines
# can be habit-forming. Buspirone is not habit-forming, studies show").
CONTRASTED_KINDS = ("dependency", "side_effects")


def contrasted(sentences: list[list[Detection]], texts: list[str], topic: frozenset[str]) -> list[list[Detection]]:
    """Document-level rule: a caveat about one subject word next to a sentence that denies the
    same kind about another subject word is about the other substance (``about_subject`` False).
    ``sentences`` holds each sentence's detections; ``texts`` the sentences."""
    if len(topic) < 2:
        return sentences
    out = list(sentences)
    for i, dets in enumerate(sentences):
        for k, d in enumerate(dets):
            if d.kind not in CONTRASTED_KINDS or not d.is_caveat:
                continue
            mine = _subject_word(texts[i][:d.start], topic)
            if mine is None:
                continue
            for j in (i - 1, i + 1):
                if not 0 <= j < len(sentences):
                    continue
                other = [e for e in sentences[j] if e.kind == d.kind and e.negated]
                theirs = _subject_word(texts[j][:other[0].start], topic) if other else None
                if theirs is not None and theirs != mine:
                    out[i] = [*out[i][:k], replace(d, about_subject=False, confidence="low"), *out[i][k + 1:]]
                    break
    return out


# A condition the article's subject treats ("ibogaine in people with opioid addiction", "rTMS for
# stimulant use disorder"): its substance is a topic word too, but its withdrawal and craving are
# the illness treated, not a risk of the subject. Such a word is named mostly as the condition.
_CONDITION_AFTER = r"(?:s|'s)?[\s-]+(?:use\s+disorders?|addiction|dependence|dependency|withdrawal|cravings?|relapse|use|users?)\b"
_TREATED_FRAME = r"\b(?:with|for|treat\w*|against)\s+(?:[\w-]+\s+){0,2}?%s(?:s|'s)?[\s-]+(?:use\s+disorders?|addiction|dependence)\b"
MIN_CONDITION_SHARE = 0.6  # of the word's mentions (the subject's own risk is named far less often)


@lru_cache(maxsize=32)  # (the filter asks for a draft's source and for its summary)
def treated_conditions(text: str, topic: frozenset[str]) -> frozenset[str]:
    """The topic words that name a condition the draft's subject treats (see above): most of their
    mentions are in a condition's name, and one is treated ("adults with stimulant use disorder")."""
    norm = normalize(text)
    out = set()
    for w in topic:
        if w.startswith("non-") or w.endswith("ed"):  # "non-prescribed use": a manner, not a substance
            continue
        word = re.escape(w)
        mentions = len(re.findall(rf"\b{word}", norm))
        named = len(re.findall(rf"\b{word}{_CONDITION_AFTER}", norm))
        if mentions and named / mentions >= MIN_CONDITION_SHARE and re.search(_TREATED_FRAME % word, norm):
            out.add(w)
    return frozenset(out)


# A title naming what the subject is for: "Nalmefene for reducing alcohol consumption in adults
# with alcohol dependence", "Baclofen for alcohol withdrawal" (the substance need not be a topic word)
_TITLE_TREATS = re.compile(r"\bfor\b(?:[^:;]{0,80}?\b(?:with|of|in)\b)?\s+(?:[\w-]+\s+){0,2}?(?P<w>[a-z][\w-]+)\s+"
                           r"(?:dependence|use\s+disorders?|addiction|withdrawal|misuse)\b")
_NOT_SUBSTANCES = frozenset("the a an of with in and or for people adults patients".split())


def title_conditions(title: str | None) -> frozenset[str]:
    """The substances whose dependence or withdrawal the draft's title says the subject is for."""
    if not title:
        return frozenset()
    return frozenset(m.group("w") for m in _TITLE_TREATS.finditer(normalize(title))) - _NOT_SUBSTANCES


def about_treated(detections: list[Detection], text: str, treated: frozenset[str],
                  topic: frozenset[str]) -> list[Detection]:
    """A dependency cue on a treated condition's substance ("opioid withdrawal symptoms faded",
    "Stimulant use disorders are characterised by … intense craving") is the illness, not the
    subject's risk: ``about_subject`` False."""
    if not treated:
        return detections
    norm = normalize(text)
    words = "|".join(re.escape(w) for w in sorted(treated))
    opens = re.match(rf"\s*(?:[\w-]+\s+){{0,2}}?(?:{words}){_CONDITION_AFTER}", norm)
    out = []
    for d in detections:
        before = norm[max(0, d.start - 40):d.start]
        on_it = re.search(rf"\b(?:{words})(?:s|'s)?[\s-]+(?:use\s+)?$", before) or norm[d.start:d.end].startswith(tuple(treated))
        # (a sentence opening on the condition: its cues up to the subject's name, if any)
        in_predicate = opens and d.start >= opens.end() - 1 and not any(
            re.search(rf"\b{re.escape(t)}", norm[opens.end():d.start]) for t in topic - treated)
        if d.kind == "dependency" and d.is_caveat and (on_it or in_predicate):
            d = replace(d, about_subject=False, confidence="low")
        out.append(d)
    return out


def _subject_word(before: str, topic: frozenset[str]) -> str | None:
    """The first subject word (of ``topic``, singular or plural) in ``before``."""
    for t in tokenize(normalize(before)):
        w = t.text if t.text in topic else (t.text[:-1] if t.text[:-1] in topic else None)
        if w:
            return w
    return None


def _named_example(tokens: list[Token]) -> tuple[list[str], str | None]:
    """The head and first example of an opening "<head of 1-3 words> such as / like <example>"."""
    for k in range(1, 4):
        if not all(t.text.isalpha() for t in tokens[:k]) or k + 2 >= len(tokens):
            break
        if tokens[k].text == "such" and tokens[k + 1].text == "as":
            word = tokens[k + 2].text
        elif tokens[k].text == "like":
            word = tokens[k + 1].text
        else:
            continue
        return [t.text for t in tokens[:k]], (word if word.isalpha() else None)
    return [], None


def _named_conditions(tokens: list[Token]) -> set[int]:
    """Token positions inside a condition named after a substance ("alcohol use disorder",
    "opioid use disorders"): it is what is treated, not an agent that causes harm."""
    out: set[int] = set()
    for i in range(1, len(tokens) - 1):
        if tokens[i].text == "use" and tokens[i + 1].text.startswith("disorder"):
            out.update((i - 1, i, i + 1))
    return out


# Coordinated clauses each carry their own verdict ("The evidence was of low quality overall,
# and data on adverse events were scarce"); a fronted phrase ("Because of the insufficient
# evidence, we cannot …") belongs to the clause it opens, so a plain comma does not split.
_CLAUSE_BREAK = re.compile(r";|,\s+(?=(?:and|but|whereas|while|although|though|however|yet|so)\b)"
                           r"|\s(?=(?:although|whereas|though|but)\s)")


def _clause_start(norm: str, s: int) -> int:
    starts = [m.end() for m in _CLAUSE_BREAK.finditer(norm, 0, s)]
    return starts[-1] if starts else 0


def _clause_end(norm: str, e: int) -> int:
    m = _CLAUSE_BREAK.search(norm, e)
    return m.start() if m else len(norm)


def _merge(cands: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Overlapping cue spans of one kind become one (the strongest method, the union span)."""
    rank = {"term": 0, "pattern": 0, "paraphrase": 1, "encoder": 2}
    cands = sorted(cands, key=lambda c: (c[0], -c[1]))
    out: list[list] = []
    for s, e, m in cands:
        if out and s < out[-1][1]:
            last = out[-1]
            last[1] = max(last[1], e)
            if rank[m] < rank[last[2]]:
                last[2] = m
        else:
            out.append([s, e, m])
    return [tuple(x) for x in out]


def _token_span(tokens: list[Token], s: int, e: int) -> tuple[int, int]:
    ti = next((i for i, t in enumerate(tokens) if t.end > s), len(tokens) - 1)
    tj = ti
    while tj < len(tokens) and tokens[tj].start < e:
        tj += 1
    return ti, max(tj, ti + 1)
