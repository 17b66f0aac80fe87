"""Small NLP pieces the caveat detector needs: normalised text, tokens with lemmas,
negation scope, clause bounds and the article's subject.

Everything works on one sentence at a time and keeps character offsets into it, so a cue,
a negator or an overclaim can be cut out of the original text exactly.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getAllLemmas

from summarize.corpus.text import STOPWORDS, lexicon_pos, zipf

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "‐": "-", "‑": "-", "–": "-", "—": "-", "\u00a0": " "})


def normalize(text: str) -> str:
    """Lower-case with straight quotes and dashes, the SAME length as ``text`` (offsets hold)."""
    t = text.translate(_QUOTES)
    out = t.lower()
    if len(out) != len(t):  # a few characters change length when lower-cased; keep those as-is
        out = "".join(c.lower() if len(c.lower()) == 1 else c for c in t)
    return out


@dataclass(frozen=True)
class Token:
    text: str  # lower-cased, normalised
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()


_TOKEN = re.compile(r"[a-z0-9]+?(?=n't\b)|n't\b|[a-z0-9]+(?:'(?:s|re|ve|ll|d|m)\b)?|[^\sa-z0-9]")


def tokenize(norm: str) -> list[Token]:
    """Tokens of a normalised sentence: words (contractions split as do|n't), hyphens and
    punctuation as their own tokens."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(norm)]


@lru_cache(maxsize=50_000)
def lemmas(word: str) -> frozenset[str]:
    """All lemmas of ``word`` under any part of speech, plus the word itself."""
    w = word.lower()
    out = {w}
    if w.endswith("'s"):
        w = w[:-2]
        out.add(w)
    for forms in getAllLemmas(w).values():
        out.update(f.lower() for f in forms)
    return frozenset(out)


@lru_cache(maxsize=10_000)
def lemma_key(word: str) -> str:
    """One canonical lemma for a policy term word (noun reading first)."""
    got = getAllLemmas(word.lower())
    for pos in ("NOUN", "VERB", "ADJ", "ADV"):
        if pos in got:
            return got[pos][0].lower()
    return word.lower()


def lemma_index(tokens: list[Token]) -> tuple[list[int], dict[str, list[int]]]:
    """Word positions (token indices of words) and lemma -> positions in that list."""
    words = [i for i, t in enumerate(tokens) if t.is_word]
    index: dict[str, list[int]] = {}
    for k, i in enumerate(words):
        for lem in lemmas(tokens[i].text):
            index.setdefault(lem, []).append(k)
    return words, index


def match_terms(tokens: list[Token], terms, index=None) -> list[tuple[int, int, tuple[str, ...]]]:
    """Token spans (i, j) whose words match a policy term on lemmas; hyphens may sit between
    the words of a term ("side-effects"), nothing else may."""
    words, idx = index if index is not None else lemma_index(tokens)
    out = []
    for term in terms:
        for k in idx.get(term[0], ()):
            n = len(term)
            if k + n > len(words):
                continue
            if all(k + m in _positions(idx, term[m]) for m in range(1, n)):
                i0, i1 = words[k], words[k + n - 1]
                if all(tokens[x].text == "-" for x in range(i0, i1 + 1) if not tokens[x].is_word):
                    out.append((i0, i1 + 1, term))
    return out


def _positions(idx: dict[str, list[int]], lem: str) -> list[int] | tuple:
    return idx.get(lem, ())


CLAUSE_PUNCT = frozenset(",;:()[]!?.")


@dataclass(frozen=True)
class Negation:
    neg: int  # token index of the negator
    start: int  # first token in scope
    end: int  # one past the last token in scope
    nominal: bool


def not_negation_spans(norm: str, policy) -> list[tuple[int, int]]:
    """Where the policy's `not_negation` phrases sit ("not only", "whether … is not known"): a
    negator inside one negates nothing."""
    return [m.span() for p in policy.not_negation for m in p.finditer(norm)]


def negation_scopes(tokens: list[Token], norm: str, policy, skip_spans=None) -> list[Negation]:
    """Where negators scope in a sentence.

    Nominal negators (no, without, lack of, free of, non-) scope over the following words up
    to the end of the clause or the next finite verb ("without the addictive effects often
    associated with ..."); adverbial ones (not, never) to the end of the clause ("does not
    cause dependence"). "X-free" negates the words before it. Imperatives ("Do not mix it
    with alcohol", "Never combine ...") are warnings, not negations, and are skipped, as are
    "not only", "not without" and the other `not_negation` phrases of the policy
    (``skip_spans``: those already found by :func:`not_negation_spans`).
    """
    if skip_spans is None:
        skip_spans = not_negation_spans(norm, policy)
    out: list[Negation] = []
    n = len(tokens)
    for i, tok in enumerate(tokens):
        w = tok.text
        if any(a <= tok.start < b for a, b in skip_spans):
            continue
        nxt = tokens[i + 1].text if i + 1 < n else ""
        prev = tokens[i - 1].text if i > 0 else ""
        if w == "free":
            if prev == "-" and i >= 2 and tokens[i - 2].is_word:  # addiction-free, risk-free
                j = i - 1
                while j - 1 >= 0 and (tokens[j - 1].is_word or tokens[j - 1].text == "-") and i - j < 5:
                    j -= 1
                out.append(Negation(i, j, i - 1, True))
                continue
            if nxt not in ("of", "from"):
                continue
        elif w == "non":
            if nxt != "-" or i + 2 >= n:
                continue
            out.append(Negation(i, i + 2, i + 3, True))  # "non-addictive": only the next word
            continue
        elif w in ("lack", "lacks", "absence"):
            if nxt != "of":
                continue
        elif w == "without" and (prev in ("not", "n't", "never") or (i >= 2 and tokens[i - 2].text in ("not", "n't"))):
            continue  # "not without risks" is a caveat
        nominal = w in policy.neg_nominal
        if not nominal and w not in policy.neg_adverbial:
            continue
        if not nominal and _imperative(tokens, i):
            continue
        # "did not shorten colds and caused nausea": after do-support the negated verb is bare, so
        # a coordinated verb in the past or third person is a verb phrase of its own
        supported = not nominal and prev in ("did", "does", "do")  # ("didn't" is "did" + "n't")
        # "no evidence (that) it is habit-forming": the negator denies the whole claim after the
        # noun, its verb included (a no-risk claim, not a caveat)
        claim = nominal and nxt in _CLAIM_NOUNS
        j = i + 1
        # (the claim denied runs on through its own relative clause: "no sign that people who
        # stop using it get any withdrawal effects")
        while j < n and j - i <= policy.max_scope + (_CLAIM_EXTRA_SCOPE if claim else 0):
            t = tokens[j].text
            if t in CLAUSE_PUNCT or (t in policy.neg_terminators and not (claim and t in _RELATIVES)):
                break
            if t == "and" and j + 1 < n and tokens[j + 1].text in policy.neg_verbs:
                break  # "... and is ..." starts a new verb phrase
            if (supported and t in ("and", "but") and j + 1 < n and j > i + 2
                    and _INFLECTED_VERB.fullmatch(tokens[j + 1].text)):
                break
            if nominal and j > i + 1 and t in policy.neg_verbs and not claim:
                break
            j += 1
        out.append(Negation(i, i + 1, j, nominal))
    return out


_CLAIM_NOUNS = frozenset(("evidence", "proof", "sign", "signs", "indication", "suggestion"))
_CLAIM_EXTRA_SCOPE = 6
_RELATIVES = frozenset(("who", "whom", "which"))
_INFLECTED_VERB = re.compile(r"[a-z]{3,}(?:ed|es)|was|were|is|are|has|had")


# Words an instruction may open with before its verb ("Please do not …", "Always take …").
_BEFORE_AN_INSTRUCTION = ("please", "always", "also", "just")


def _imperative(tokens: list[Token], i: int) -> bool:
    """``tokens[i]`` (not/n't/never) opens an imperative: "Do not ...", "Never ...", "..., and don't ..."."""
    j = i - 1
    if tokens[i].text in ("not", "n't") and j >= 0 and tokens[j].text == "do":
        j -= 1
    elif tokens[i].text != "never":
        return False
    while j >= 0 and tokens[j].text in _BEFORE_AN_INSTRUCTION:
        j -= 1
    if j >= 0 and tokens[j].text in ("and", "but", "so") and not (j and tokens[j - 1].text in (",", ";")):
        # "Take it with food and do not …" is an instruction; "Steroid sprays take days to work and do
        # not cause …" is a second verb phrase of the sentence's own subject
        return _opens_on_an_instruction(tokens)
    return j < 0 or tokens[j].text in (",", ";", ":", "and", "but", "so", "-", "(", '"')


# Verbs that are also nouns, common first in health advice ("Take it with food and do not …").
_ADVICE_VERBS = frozenset("take use mix store keep drink talk check start stop call test wait try limit look "
                          "watch read give eat drive tell".split())


def _opens_on_an_instruction(tokens: list[Token]) -> bool:
    """Does the sentence open on a verb in its base form (an imperative)?"""
    words = [t.text for t in tokens if t.is_word]
    while words and words[0] in _BEFORE_AN_INSTRUCTION + ("then", "so", "and"):
        words = words[1:]
    if not words:
        return False
    if words[0] in ("do", "don't", "never") or words[0] in _ADVICE_VERBS:
        return True
    pos = lexicon_pos(words[0])
    return "VERB" in pos and "NOUN" not in pos and words[0] in pos["VERB"]


def post_negated(tokens: list[Token], i_end: int, skip_spans=()) -> bool:
    """A cue followed in its clause by a negated copula: "addiction is not a concern",
    "side effects were not reported"; not when the negator lies in one of ``skip_spans`` (the
    policy's `not_negation` phrases: "whether it leads to dependence is not known")."""
    n = len(tokens)
    j = i_end
    seen_be = False
    while j < n and j < i_end + 6:
        t = tokens[j].text
        # a relative clause is about its own noun ("hooking children who have never smoked")
        if t in CLAUSE_PUNCT or (not seen_be and t in ("who", "whom", "whose", "which", "that")):
            return False
        if t in ("is", "are", "was", "were", "has", "have", "had", "been", "be", "do", "does", "did"):
            seen_be = True
        elif t in ("not", "n't", "never", "rarely") and seen_be:
            return not any(a <= tokens[j].start < b for a, b in skip_spans)
        elif seen_be:
            return False
        j += 1
    return False


def clause_bounds(tokens: list[Token], i: int) -> tuple[int, int]:
    """Token range of the clause around token i, bounded by , ; : ( ) and sentence ends."""
    a = i
    while a > 0 and tokens[a - 1].text not in CLAUSE_PUNCT:
        a -= 1
    b = i
    while b < len(tokens) and tokens[b].text not in CLAUSE_PUNCT:
        b += 1
    return a, b


def content_words(text: str) -> list[str]:
    """Content words (lower-cased, stopwords removed) for faithfulness checks."""
    return [w for w in re.findall(r"[a-z0-9]+", normalize(text)) if w not in STOPWORDS and len(w) > 1]


def topic_terms(text: str, limit: int = 2) -> frozenset[str]:
    """The article's subject: its most frequent rare words ("kratom", "interferon").

    Score = count x rarity (7 - Zipf frequency from wordfreq); words seen fewer than 3 times
    do not count. Used to tell a caveat about the subject from one about another substance.
    """
    counts: dict[str, int] = {}
    for w in re.findall(r"[a-z][a-z-]{3,}", normalize(text)):
        # ("BPC-157", "GLP-1": the letters, as the tokenizer splits them, not "bpc-")
        w = w.rstrip("-")
        if w not in STOPWORDS:
            counts[w] = counts.get(w, 0) + 1
    scored = []
    for w, c in counts.items():
        if c < 3:
            continue
        rarity = 7.0 - zipf(w)
        if rarity > 2.5:
            scored.append((c * rarity, w))
    scored.sort(reverse=True)
    return frozenset(w for _, w in scored[:limit])

