"""The faithfulness gate: a generated sentence is kept only if its source supports it.

Checks what small models get wrong and what matters most in health writing: numbers, names
and rare terms, and negations (added ones, and dropped ones that flip a claim). A rejected
sentence is replaced by its extracted source sentence, so the failure is harmless and visible.
"""
from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from summarize import coherence
from summarize.corpus.text import STOPWORDS, WORD, bracket_groups, zipf

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
NUMBER_WORDS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand",
    "thousands", "million", "millions", "half", "quarter", "twice", "double", "triple",
    "percent", "majority", "minority", "most", "all", "none", "few",
}
NEGATIONS = {
    "no", "not", "never", "without", "none", "neither", "nor", "cannot", "can't", "won't",
    "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "shouldn't", "lack",
    "lacks", "lacking", "absence", "absent", "free", "unsafe", "ineffective", "nothing", "nobody",
}
# Garbled output ("it is important to important to help the kratom may be approached") makes
# word pairs its source never has; compressions and light paraphrases mostly reuse the source's.
MIN_BIGRAM_PRECISION = 0.65
_REPEATED_WORD = re.compile(r"\b(\w+)\s+\1\b", re.I)
_DANGLING_HYPHEN = re.compile(r"\w-\s|\s-\s|\s-[.,;:]?$|\s-\w")
# A novel word at least this common in English is a paraphrase, not a new fact.
COMMON_ZIPF = 4.0
MAX_NOVEL_COMMON = 3


def _letter_words(text: str) -> list[str]:
    # Numbers are checked on their own (_NUMBER); the word checks look at words only.
    return [w for w in WORD.findall(text) if w[0].isalpha()]


@dataclass
class GateResult:
    ok: bool
    reasons: list[str] = field(default_factory=list)


def _norm(word: str) -> str:
    return word.lower().replace("’", "'").strip("'-")


@lru_cache(maxsize=8)
def _vocabulary(document: str) -> frozenset[str]:
    # Every sentence of a lead is checked against the same draft: build its vocabulary once.
    return frozenset(_norm(w) for w in _letter_words(document))


def _stem(word: str) -> str:
    # Light suffix stripping: "studies"/"study", "effects"/"effect" count as supported.
    for suffix in ("ies", "es", "s", "ing", "ed", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _negation_scopes(words: list[str]) -> list[tuple[str, str]]:
    """(negation, first content word after it within three words)."""
    out = []
    for i, w in enumerate(words):
        if w in NEGATIONS or w.endswith("n't"):
            for nxt in words[i + 1 : i + 4]:
                if nxt not in STOPWORDS:
                    out.append((w, nxt))
                    break
    return out


# Phrases that carry a claim's scope: dropping one changes what is claimed ("more than",
# "only", "at least", "past six hours").
_SCOPE = re.compile(
    r"\b(more than|less than|fewer than|greater than|at least|at most|up to|as (many|much|few|little) as|"
    r"no more than|only|nearly|almost|approximately|about|over|under|within|per|"
    r"twice|once|daily|weekly|monthly|every|higher|lower|greater|smaller|longer|shorter|"
    r"compared (with|to)|versus|than|"
    r"(past|last|next|first|previous|following|recent) (few |several |\w+ )?(hours?|days?|weeks?|months?|years?|decades?)|"
    r"in \d{4}|since \d{4})\b", re.I)
_PRONOUNS = frozenset("it its they their them he she his her this these those".split())


def _norm_phrase(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


_RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which"})
_CLAUSE_PRONOUNS = _RELATIVE_PRONOUNS | {"that"}  # what opens a relative or that-clause
_SUBJECT_PRONOUNS = frozenset({"i", "you", "he", "she", "it", "we", "they"})


def _subject_and_verb(sentence: str) -> tuple[str | None, str | None]:
    """The first content word before the first finite verb (the subject's head word, roughly)
    and that verb's lemma; (None, None) when no finite verb is found."""
    tokens = [t for t in coherence._TOKEN_OR_COMMA.findall(sentence)]
    lowered = [t.lower() for t in tokens]
    # A relative clause ("who are worried about …,") has its own verb group, not the sentence's:
    # it ends at a comma or where a second verb group starts ("People who take it can …").
    relative, group_end = False, -1
    # The first word is never taken for the verb: an imperative has no subject to keep.
    for i, t in enumerate(lowered[1:], 1):
        if t in _RELATIVE_PRONOUNS:
            relative, group_end = True, i  # the verb group starts on the next word
            continue
        if t == ",":
            relative = False
            continue
        finite = coherence._is_finite(t, lowered[i - 1])
        if relative:
            in_group = i == group_end + 1 and (lowered[i - 1] in _RELATIVE_PRONOUNS or finite or t in coherence.AUX
                                               or t.endswith(("ed", "ing", "en")))
            if in_group:
                group_end = i
                continue
            if not finite:
                continue
        if finite:
            subject = next((w for w in lowered[:i] if w != "," and w not in STOPWORDS and w[0].isalpha()), None)
            verb = next((w for w in lowered[i:] if w != "," and w not in coherence.AUX), t)
            return subject, coherence.lemma(verb)
    return None, None


def structure_problems(generated: str, support: str, previous: list[str] | None = None,
                       context: str | None = None) -> list[str]:
    """What a rewrite must keep from its source: the subject and main verb, the scope phrases,
    each source word's casing; and it must not add a pronoun the lead cannot resolve.
    ``context`` (decontextualize: the draft sentences before the source) may supply the subject."""
    out = []
    gen_lemmas = {coherence.lemma(w) for w in WORD.findall(generated)}
    first_support = (re.split(r"(?<=[.!?])\s+", support.strip()) or [support])[0]
    subject, verb = _subject_and_verb(first_support)
    if subject and subject not in _PRONOUNS and coherence.lemma(subject) not in gen_lemmas:
        out.append(f"dropped subject {subject!r}")
    if verb and verb not in gen_lemmas and verb not in ("be", "have"):
        out.append(f"dropped main verb {verb!r}")
    # the lower-cased words of both, tokenised once for the checks below
    sup = [w.lower() for w in WORD.findall(support)]
    gen_tokens = [w.lower() for w in WORD.findall(generated)]
    # a leading preposition cut off ("Of the 26 trials, 19 were funded …" -> "The 26 trials, 19 …")
    if len(sup) > 1 and sup[0] in _PREPOSITIONS and gen_tokens[:1] == sup[1:2] and gen_tokens[:1] != sup[:1]:
        out.append(f"dropped preposition {sup[0]!r}")
    dropped = _word_cut_out(gen_tokens, sup)
    if dropped:
        out.append(f"dropped {dropped[0]} {dropped[1]!r}")
    swapped = _swapped_preposition(gen_tokens, sup)
    if swapped:
        out.append(f"preposition {swapped[0]!r} changed to {swapped[1]!r}")
    inflected = _changed_inflection(gen_tokens, sup)
    if inflected:
        out.append(f"{inflected[0]!r} changed to {inflected[1]!r}")
    moved = _moved_parenthesis(generated, support)
    if moved:
        out.append(f"moved {moved!r} to another word")
    partial = _part_of_parenthesis(generated, support)
    if partial:
        out.append(f"kept {partial!r} out of its parenthesis")
    gen_norm, sup_norm = _norm_phrase(generated), _norm_phrase(support)
    for m in _SCOPE.finditer(sup_norm):
        phrase = m.group(0)
        if not re.search(rf"\b{re.escape(phrase)}\b", gen_norm):
            out.append(f"dropped scope phrase {phrase!r}")
    sup_words = set(sup)
    for w in gen_tokens:
        if w in _PRONOUNS and w not in sup_words:
            out.append(f"introduced pronoun {w!r}")
            break
    if previous is not None and not coherence.dangling_reason(support, previous + ([context] if context else [])):
        reason = coherence.dangling_reason(generated, previous)
        if reason:
            out.append(f"unresolved reference ({reason})")
    out.extend(casing_problems(generated, support))
    return out


def _balanced(text: str) -> bool:
    return (text.count("(") == text.count(")") and text.count("[") == text.count("]")
            and text.count("“") == text.count("”") and text.count('"') % 2 == 0)


_PREPOSITIONS = frozenset("""from in on at by for with to of into onto over under after before since until during
    between among against without within through per via""".split())


_COMPARATORS = frozenset("more less fewer most least than only never".split())
_NEGATORS = frozenset("no not little few without nor".split())
_NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve twenty thirty forty
    fifty hundred thousand million billion half third thirds quarter quarters dozen""".split())
MAX_CUT_WORDS = 3


def _word_cut_out(gen: list[str], sup: list[str]) -> tuple[str, str] | None:
    """A finite verb or a preposition of the source cut out with its neighbours joined
    ("products sold online contained more" -> "… online more", "aged 80 and over from
    September" -> "… over September"), or a comparator cut out with up to two words around it
    ("41 per cent more likely" -> "41 likely"): the clause no longer says what the source says.
    ``gen`` and ``sup``: the lower-cased words of the rewrite and of its source."""
    gen_pairs = set(zip(gen, gen[1:]))
    sup_pairs = set(zip(sup, sup[1:]))
    # a cut of up to three words ("41 per cent more likely" -> "41 likely")
    for a, cut, b in _joined_cuts(sup, gen_pairs, sup_pairs, range(1, MAX_CUT_WORDS + 1), gen):
        for v in cut:
            if v in _COMPARATORS:
                return "comparator", v
        # a number cut out with its neighbours joined ("About one in five involved" -> "About one
        # involved", "rose in 2023 to" -> "rose to")
        for v in cut:
            if v.isdigit() or v in _NUMBER_WORDS:
                return "number", v
        # a qualifier cut after a negation makes the claim stronger ("no convincing evidence"
        # -> "no evidence", "not always effective" -> "not effective")
        if a in _NEGATORS and len(cut) <= 2:
            return "qualifier", cut[0]
        # a subject and its auxiliary cut out before the verb ("as more jurisdictions have
        # legalised" -> "as more legalised"): the verb is left without its subject
        if len(cut) >= 2 and cut[-1] in coherence.AUX:
            return "subject of", b
        # a longer cut may drop a whole phrase ("The herb, sold in shops, helps"); one word may not
        v = cut[0]
        if len(cut) == 1 and v in _PREPOSITIONS:
            return "preposition", v
        if len(cut) == 1 and v not in coherence.AUX and coherence._is_finite(v, a):
            return "verb", v
        # an infinitive cut out ("weigh whether to add it to" -> "weigh whether it to")
        if len(cut) == 2 and v == "to" and "VERB" in coherence._pos(cut[1]):
            return "verb", cut[1]
        if len(cut) == 2 and cut[1] == "to" and b not in coherence.AUX and "VERB" in coherence._pos(v):
            return "verb", v  # ("wants to stop to speak" -> "wants to speak")
        # a relative clause's head cut out with its pronoun ("do to men who start young" -> "do
        # to start young"): the verb after the cut has lost its subject
        if cut[-1] in _CLAUSE_PRONOUNS and "VERB" in coherence._pos(b):
            return "subject of", b
        # a verb's object cut out before its infinitive ("lead people to drink less" -> "lead to
        # drink less")
        if (len(cut) == 1 and b == "to" and v not in STOPWORDS and "NOUN" in coherence._pos(v)
                and "VERB" in coherence._pos(a) and a not in coherence.AUX):
            return "object of", a
        # a clause's subject pronoun and verb cut out ("may find they need a bigger scoop" ->
        # "may find a bigger scoop")
        if len(cut) >= 2 and v in _SUBJECT_PRONOUNS and "VERB" in coherence._pos(cut[1]):
            return "verb", cut[1]
    # the start of a clause cut out up to its verb ("pressure on ministers to review how the
    # medicines are controlled" -> "pressure on ministers are controlled"): the verb after the cut
    # has lost its subject. A clause cut whole from its first word ("the drug, which is sold
    # online, is …") is a clean cut.
    for a, cut, b in _joined_cuts(sup, gen_pairs, sup_pairs, range(2, MAX_CLAUSE_CUT_WORDS + 1)):
        if b in coherence.AUX and _CLAUSE_WORDS & set(cut[1:]):
            return "subject of", b
        # a relative clause's verb cut out while the clause it governs stays ("a study released
        # Wednesday that found the injuries are …" -> "a study released the injuries are …")
        if (len(cut) >= 2 and cut[-2] in _CLAUSE_PRONOUNS and coherence._is_finite(cut[-1], cut[-2])
                and b in _CLAUSE_OPENERS):
            return "verb", cut[-1]
    return None


def _joined_cuts(sup: list[str], gen_pairs: set, sup_pairs: set, widths, gen: list[str] | None = None):
    """(word before, the cut words, word after) for each run of source words, of each width in
    ``widths`` (narrowest first), that the rewrite cut out and joined its neighbours over. With
    ``gen``, also each deletion of such a width in a word alignment of the two (difflib): a cut
    whose joined pair the source has elsewhere ("wants to stop to speak" -> "wants to speak")."""
    for width in widths:
        for i in range(1, len(sup) - width):
            a, b = sup[i - 1], sup[i + width]
            if (a, b) in gen_pairs and (a, b) not in sup_pairs:
                yield a, sup[i : i + width], b
    if gen is not None:
        ops = difflib.SequenceMatcher(None, sup, gen, autojunk=False).get_opcodes()
        for tag, i1, i2, _, _ in ops:
            if tag == "delete" and 0 < i1 and i2 < len(sup) and (i2 - i1) in widths:
                yield sup[i1 - 1], sup[i1:i2], sup[i2]


MAX_CLAUSE_CUT_WORDS = 6
# Words that open the noun phrase of a clause left behind by a cut
_CLAUSE_OPENERS = frozenset("the a an this these those their its his her our my some many most people patients".split())
_CLAUSE_WORDS = frozenset("how what whether why when where which who that".split())


def _replaced_in_place(gen: list[str], sup: list[str]):
    """Each word of the rewrite that stands between the same two words as a different source
    word: (the source's word, the rewrite's, whether the rewrite's three words are in the source
    too), in the rewrite's order and the source words sorted. ``gen`` and ``sup``: the
    lower-cased words of the rewrite and of its source."""
    sup_triples = set(zip(sup, sup[1:], sup[2:]))
    in_place: dict[tuple[str, str], set[str]] = {}
    for a, w, b in sup_triples:
        in_place.setdefault((a, b), set()).add(w)
    for a, w, b in zip(gen, gen[1:], gen[2:]):
        for old in sorted(in_place.get((a, b), ())):
            if old != w:
                yield old, w, (a, w, b) in sup_triples


def _swapped_preposition(gen: list[str], sup: list[str]) -> tuple[str, str] | None:
    """A preposition of the source replaced between the same two words ("marketed for weight
    loss" -> "marketed by weight loss"): the relation is no longer the source's."""
    return next(((old, new) for old, new, seen in _replaced_in_place(gen, sup)
                 if not seen and old in _PREPOSITIONS and new in _PREPOSITIONS), None)


def _changed_inflection(gen: list[str], sup: list[str]) -> tuple[str, str] | None:
    """A source word put in another form between the same two words ("who took semaglutide
    drank less" -> "… semaglutide drinking less"): the grammar, or the tense, is no longer the
    source's."""
    return next(((old, new) for old, new, _ in _replaced_in_place(gen, sup)
                 if coherence.lemma(old) == coherence.lemma(new)), None)


_PAREN = re.compile(r"(\S+\s+\S+)\s*\(([^()]{1,40})\)")  # the two words before it, and its text


def _moved_parenthesis(generated: str, support: str) -> str | None:
    """A short parenthesis now after another word: "Intermittent fasting (IF) regimens,
    including alternate-day fasting" -> "… including alternate-day fasting (IF)"."""
    before = {m.group(2): m.group(1).lower() for m in _PAREN.finditer(support)}
    for m in _PAREN.finditer(generated):
        inner = m.group(2)
        if inner in before and before[inner].strip("\"'“”‘’,;:") != m.group(1).lower().strip("\"'“”‘’,;:"):
            return f"({inner})"
    return None


# A parenthesis, with one level of parentheses inside it ("(SMD -0.45, 95% CI (…); 19 RCTs)").
_PAREN_GROUP = re.compile(r"\(((?:[^()]|\([^()]*\))*)\)")


def _part_of_parenthesis(generated: str, support: str) -> str | None:
    """Words from inside a source parenthesis left in the rewrite without it ("compared with
    placebo (SMD -0.45 …; 19 RCTs, 2906 participants), an effect …" -> "compared with placebo, 19
    RCTs, an effect …"): a statistic's fragment now reads as part of the sentence."""
    # (words inside the rewrite's own parentheses are a parenthesis still)
    gen = " " + " ".join(WORD.findall(_PAREN_GROUP.sub(" ", generated).lower())) + " "
    for m in _PAREN_GROUP.finditer(support):
        if m.group(0) in generated:
            continue
        inner = WORD.findall(m.group(1).lower())
        outside = " " + " ".join(WORD.findall((support[: m.start()] + " " + support[m.end():]).lower())) + " "
        for a, b in zip(inner, inner[1:]):
            pair = f" {a} {b} "
            if pair in gen and pair not in outside:
                return f"{a} {b}"
    return None


def casing_problems(generated: str, support: str) -> list[str]:
    """A source word written with other casing ("National cancer Institute"); the first word of
    either sentence may change case."""
    forms: dict[str, set[str]] = {}
    sup: list[str] = []  # the source's words, and where each of its sentences starts
    starts = {0}
    for sent in re.split(r"(?<=[.!?])\s+", support.strip()):
        starts.add(len(sup))
        for i, w in enumerate(WORD.findall(sent)):
            sup.append(w)
            if i:
                forms.setdefault(w.lower(), set()).add(w)
    out = []
    gen = WORD.findall(generated)
    for i, w in enumerate(gen):
        seen = forms.get(w.lower())
        if i and seen and w not in seen:
            out.append(f"casing of {w!r} changed (source: {sorted(seen)[0]!r})")
    # … or written as another place in the source writes it ("about pain management" → "about Pain
    # management" beside the "Pain Management Team"): word for word where the two run the same
    matcher = difflib.SequenceMatcher(a=[w.lower() for w in sup], b=[w.lower() for w in gen], autojunk=False)
    for tag, i1, _, j1, j2 in matcher.get_opcodes():
        for k in range(j2 - j1) if tag == "equal" else ():
            w, source = gen[j1 + k], sup[i1 + k]
            if j1 + k and i1 + k not in starts and w != source and not any(w in o for o in out):
                out.append(f"casing of {w!r} changed (source: {source!r})")
    return out


def check(generated: str, support: str, document: str | None = None, previous: list[str] | None = None,
          context: str | None = None) -> GateResult:
    """Is ``generated`` supported by ``support`` (its source sentences)?

    ``document`` (the whole draft) widens the vocabulary for names and rare words only;
    ``previous`` (the lead so far) is what a pronoun in ``generated`` may refer to; ``context``
    (decontextualize) is where a restored antecedent may come from.
    """
    reasons: list[str] = []
    full = f"{context} {support}" if context else support  # words a repair may bring back
    gen_words = [_norm(w) for w in _letter_words(generated)]
    sup_words = [_norm(w) for w in _letter_words(full)]
    sup_set = set(sup_words)
    sup_stems = {_stem(w) for w in sup_words}
    doc_set = _vocabulary(document) if document else sup_set

    if len(gen_words) < 4:
        reasons.append("too short")

    support_numbers = set(_NUMBER.findall(full))
    for number in _NUMBER.findall(generated):
        if number not in support_numbers:
            reasons.append(f"number {number!r} not in source")
    # a number the source gives in another unit ("exceeding 2 kg" -> "of 2%")
    support_quantities = _quantities(full)
    for number, unit in _quantities(generated):
        if number in support_numbers and (number, unit) not in support_quantities:
            reasons.append(f"quantity '{number} {unit}' not in source")
    for w in gen_words:
        if w in NUMBER_WORDS and w not in sup_set:
            reasons.append(f"quantity {w!r} not in source")

    gen_set = set(gen_words)
    in_order = list(dict.fromkeys(gen_words))  # reasons in the sentence's order, not the set's
    for w in in_order:
        if (w in NEGATIONS or w.endswith("n't")) and w not in sup_set:
            reasons.append(f"negation {w!r} not in source")
    for neg, scope in _negation_scopes(sup_words):
        if scope in gen_set and neg not in gen_set and not any(
            g in NEGATIONS or g.endswith("n't") for g in gen_words
        ):
            reasons.append(f"dropped negation {neg!r} before {scope!r}")

    novel_common = 0
    for w in in_order:
        if w in STOPWORDS or w in sup_set or _stem(w) in sup_stems:
            continue
        if w in doc_set and zipf(w) < COMMON_ZIPF:
            continue  # a term of the draft, used elsewhere in it
        if zipf(w) >= COMMON_ZIPF:
            novel_common += 1
        else:
            reasons.append(f"unsupported term {w!r}")
    if novel_common > MAX_NOVEL_COMMON:
        reasons.append(f"{novel_common} words not in source")
    # a content word swapped in place for a function word ("after stopping placebo" -> "after
    # whether placebo"): garbled, and the point of the phrase is gone
    swapped = next(((o, n) for o, n, seen in _replaced_in_place(gen_words, sup_words)
                    if not seen and n in STOPWORDS and o not in STOPWORDS and not o.isdigit()), None)
    if swapped:
        reasons.append(f"replaced {swapped[0]!r} with {swapped[1]!r}")

    for name in _names(generated):
        if _norm(name) not in doc_set:
            reasons.append(f"name {name!r} not in source")
    for phrase in _NAME_PHRASE.findall(generated):
        # each word is in the draft, the name is not (the draft searched in place, never copied)
        if phrase not in full and not (document and phrase in document):
            reasons.append(f"name {phrase!r} not in source")

    reasons.extend(fluency_problems(generated, gen_words, sup_words))
    # an abbreviation cut at its first stop ("between noon and 8 p.m." -> "… and 8 p.")
    cut = _CUT_ABBREVIATION.search(generated)
    if cut and not re.search(rf"\b{re.escape(cut.group(1))}\.(?![a-z]\.)", support):
        reasons.append(f"abbreviation cut at {cut.group(0).strip()!r}")
    # "Of 214 participants randomized age, 72.8 years; 61% women), 188 completed …"
    if _balanced(support) and not _balanced(generated):
        reasons.append("unbalanced brackets or quotes")
    reasons.extend(structure_problems(generated, support, previous, context))
    return GateResult(not reasons, reasons)


_EDIT_TOKEN = re.compile(r"\w+(?:[’']\w+)*|[^\w\s]")
_CLAUSE_MARK = frozenset(",;:—–.")
_DASHES = frozenset("—–")
# what the normaliser may add: an acronym's expansion before it ("obstructive sleep apnoea (OSA)"),
# its closing bracket, a final stop
_ALLOWED_INSERT = re.compile(r"^(?:[\w' -]+ \(|\)|\.)$")


def edit_problems(generated: str, support: str) -> list[str]:
    """A rewrite may only leave things out: bracketed material ("(RR 1.29, 95% CI …)", "(Hypericum
    perforatum)"), or a phrase set off by commas or dashes (", according to a study published
    Monday", "such as zolpidem or eszopiclone,"). A word dropped from inside a phrase ("Used
    briefly and carefully" -> "Used and carefully"), a word swapped ("the" -> "a") or a split
    contraction ("wouldn't" -> "would ' t") is how a small model garbles a sentence."""
    spans = [(m.start(), m.end(), m.group(0)) for m in _EDIT_TOKEN.finditer(support)]
    a = [t for _, _, t in spans]
    b = _EDIT_TOKEN.findall(generated)
    groups, _ = bracket_groups(support, "()[]")
    bracketed = [any(g0 <= st < g1 for g0, g1 in groups) for st, _, _ in spans]
    problems: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=[t.lower() for t in a], b=[t.lower() for t in b],
                                                       autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if tag == "insert":
            if not _ALLOWED_INSERT.match(" ".join(b[j1:j2])):
                problems.append(f"added {' '.join(b[j1:j2])!r}")
            continue
        if tag == "replace":
            problems.append(f"replaced {' '.join(a[i1:i2])!r} with {' '.join(b[j1:j2])!r}")
            continue
        if all(bracketed[i] or a[i] in "()[]" for i in range(i1, i2)):
            continue
        before = a[i1 - 1] if i1 else ","
        after = a[i2] if i2 < len(a) else "."
        # a phrase set off by punctuation: a mark on each side of it (its own or its neighbour's)
        opened = a[i1] in _CLAUSE_MARK or before in _CLAUSE_MARK
        closed = a[i2 - 1] in _CLAUSE_MARK or after in _CLAUSE_MARK
        dashes = sum(1 for t in a[i1:i2] if t in _DASHES)
        if not (opened and closed) or dashes % 2:
            problems.append(f"dropped {' '.join(a[i1:i2])!r} from inside a phrase")
        elif _LAST_CONJUNCT.search(" ".join(t.lower() for t in a[max(0, i1 - 8):i1])):
            # "… soaring blood pressure and, in some cases, seizures, doctors reported": the phrase
            # after "and, in some cases," is the list's last item, not an aside
            problems.append(f"dropped {' '.join(a[i1:i2])!r}, the last item of a list")
        elif _list_item(a, i1, i2):
            # "testing three vaccines: NicVAX, NIC002 and NicHD-21" -> "…: NIC002 and NicHD-21":
            # the list and its count no longer agree
            problems.append(f"dropped {' '.join(a[i1:i2])!r}, an item of a list")
        elif any(t.lower() in _SPEECH_VERBS for t in a[i1:i2]) and _role_follows(a, i2):
            # "…, said Dr. Joseph Mrema, a pharmacologist at …" -> "…, a pharmacologist at …": the
            # speaker's role stays without the speaker, an apposition to the wrong noun
            problems.append(f"dropped {' '.join(a[i1:i2])!r}, the speaker of the role after it")
        elif (after in ".!?" and i2 >= len(a) - 1 and a[i1] == "," and i2 - i1 > 1
              and _finite_verb(a[i1 + 1].lower())):
            # "… when someone who already gets headaches, usually migraines, takes pain relievers on
            # too many days": a phrase closing the sentence that opens on a verb is its predicate
            problems.append(f"dropped {' '.join(a[i1:i2])!r}, the verb of its clause")
    return problems


# verbs that are plural nouns too, common enough as verbs to read so after a subject
_COMMON_VERBS = frozenset("takes uses needs causes makes gets leads helps works costs lasts starts stops seems "
                          "goes comes gives keeps puts sees feels".split())
_SPEECH_VERBS = frozenset("said says told tells added adds noted notes wrote writes explained explains warned warns "
                          "reported reports stressed stresses cautioned cautions".split())


def _finite_verb(word: str) -> bool:
    """A verb in the present third person or the past ("takes", "took", "is"), not a speech verb
    (", said Dr Lee" is an attribution) nor a word that is a plural noun too ("drugs")."""
    if word in _SPEECH_VERBS:
        return False
    if word in coherence.AUX or word in _COMMON_VERBS:
        return True
    pos = coherence._pos(word)
    return "VERB" in pos and "NOUN" not in pos and "ADJ" not in pos and word.endswith(("s", "ed")) and not word.endswith("ss")


def _role_follows(a: list[str], i: int) -> bool:
    """Does an apposition (", a pharmacologist at …") follow ``a[:i]``, its comma there or just cut?"""
    k = i + 1 if i < len(a) and a[i] == "," else i
    return (k > i or (i and a[i - 1] == ",")) and k < len(a) and a[k].lower() in ("a", "an", "the")


_LAST_CONJUNCT = re.compile(r"\b(?:and|or)\s*,(?:\s+[\w'’-]+){1,4}\s*,$")


def _list_item(a: list[str], i1: int, i2: int) -> bool:
    """Is ``a[i1:i2]`` one item of a list with its comma ("NicVAX ," after "vaccines :", or ",
    figs" after "Apples"), the list going on to its "and"/"or" within a few words?"""
    item = a[i1:i2]
    if len(item) < 2 or not i1:
        return False
    if item[0] == "," and a[i1 - 1] not in _CLAUSE_MARK:
        words = item[1:]
    elif item[-1] == "," and a[i1 - 1] in (":", ","):
        words = item[:-1]
    else:
        return False
    if len(words) > 4 or any(t in _CLAUSE_MARK or t.lower() in ("and", "or") for t in words):
        return False
    for k, t in enumerate(a[i2:i2 + 7]):
        if t.lower() in ("and", "or"):
            return i2 + k + 1 < len(a) and a[i2 + k + 1] not in _CLAUSE_MARK
        if t in _CLAUSE_MARK and t != ",":
            return False
    return False


_CUT_ABBREVIATION = re.compile(r"(?<![\w.])([a-z])\.[\"”’')\]]?\s*$")
_QUANTITY = re.compile(r"(\d+(?:[.,]\d+)*)\s*(%|per\s*cent|percent|kg|kilograms?|mg|milligrams?|mcg|g|grams?|ml|"
                       r"mmHg|cm|lbs?|pounds|days?|weeks?|months?|years?|hours?)(?![\w])", re.I)
_UNIT = {"per cent": "%", "percent": "%", "kilogram": "kg", "milligram": "mg", "gram": "g", "lb": "pound"}


def _quantities(text: str) -> set[tuple[str, str]]:
    out = set()
    for number, unit in _QUANTITY.findall(text):
        unit = " ".join(unit.lower().split())
        unit = unit[:-1] if unit.endswith("s") and unit not in ("lbs",) else unit
        unit = "lb" if unit == "lbs" else unit
        out.add((number, _UNIT.get(unit, unit)))
    return out


_OPEN_END = frozenset("is are was were be been being the a an of to and or but with for in on by from as at than "
                      "that which whose who whom has have had do does did can could may might will would should must"
                      .split())


_EMBEDDED_QUESTION_END = re.compile(r"\b(?:how|what|who|where|when|whatever|however)\s+(?:[\w'’-]+\s+){1,6}"
                                    r"(?:is|are|was|were)[\"”’']?\s*[.!?]?[\"”’']?\s*$", re.I)
_CHANGE = re.compile(r"\b(reduction|increase|decrease|improvement|rise|fall|drop|decline|gain|loss)\s+(in|of)\s+"
                     r"(?:the\s+)?([a-z][a-z-]+)", re.I)
_TAKES_NOT = frozenset("""is are was were am be been being has have had do does did can could may might will would
    shall should must need dare and or but if whether why that which who or whereas while though although
    yet as than because so also still just often usually really certainly probably definitely""".split())


_BE_FORMS = frozenset("am is are was were be been being".split())


def _bare_verb(word: str) -> bool:
    """A verb's bare form ("help", "make"), which no form of "be" takes: not a participle nor an
    adjective (a noun of the same form is allowed: "is help" is no better English)."""
    pos = coherence._pos(word)
    verb = pos.get("VERB")
    return (bool(verb) and word == verb[0] and "ADJ" not in pos and not word.endswith(("ed", "ing", "en"))
            and set(pos) <= {"VERB", "NOUN"})


def fluency_problems(generated: str, gen_words: list[str], sup_words: list[str]) -> list[str]:
    """Signs of a garbled sentence: stutters, broken hyphenation, word order not the source's."""
    out = []
    m = _REPEATED_WORD.search(generated)
    if m and m.group(1).lower() not in ("that", "had"):
        out.append(f"repeated word {m.group(1)!r}")
    bigrams = list(zip(gen_words, gen_words[1:]))
    # a word pair said more often than the source says it is a stutter ("may be" twice is not,
    # when the two source sentences each have it)
    source_counts = Counter(zip(sup_words, sup_words[1:]))
    if any(n > max(1, source_counts[b]) for b, n in Counter(bigrams).items()):
        out.append("repeated phrase")
    # a content word said more often than the source says it ("studies of rats, mice and
    # monkeys" -> "studies of mice, mice and monkeys")
    sup_counts = Counter(w.lower() for w in sup_words)
    extra = next((w for w, n in Counter(w.lower() for w in gen_words).items()
                  if n > sup_counts[w] and w not in STOPWORDS and w.isalpha() and sup_counts[w]), None)
    if extra:
        out.append(f"repeated word {extra!r}")
    if _DANGLING_HYPHEN.search(generated):
        out.append("broken hyphenation")
    # "... increase the risk of breast is.": a sentence cannot stop on a copula, article or preposition
    # (but an embedded question ends on its verb: "… on how widespread the problem was.")
    if (gen_words and gen_words[-1].lower() in _OPEN_END and gen_words[-1:] != sup_words[-1:]
            and not _EMBEDDED_QUESTION_END.search(generated)):
        out.append(f"ends mid-phrase on {gen_words[-1]!r}")
    # "a reduction in retention" from "a reduction in mortality; and an increase in
    # retention": a change word now applies to something else
    support_text = " ".join(sup_words)
    for m in _CHANGE.finditer(generated):
        if not re.search(rf"\b{re.escape(m.group(1))}\s+(in|of)\s+(the\s+)?{re.escape(m.group(3))}\b",
                         support_text):
            out.append(f"{m.group(0)!r}: the change is not said of that in the source")
            break
    # "sweeteners help people" -> "sweetener are help people": a form of "be" before a verb's
    # bare form, a pair the source never has
    for a, b in bigrams:
        if (a in _BE_FORMS and (a, b) not in source_counts and b not in STOPWORDS
                and _bare_verb(b)):
            out.append(f"'{a} {b}' is not English")
            break
    # "medications used not been effective": a dropped auxiliary ("have not been")
    for a, b in bigrams:
        if b == "not" and (a, b) not in source_counts and a not in _TAKES_NOT:
            out.append(f"'{a} not' without its auxiliary")
            break
    if bigrams:
        precision = sum(b in source_counts for b in bigrams) / len(bigrams)
        if precision < MIN_BIGRAM_PRECISION:
            out.append(f"word order unlike the source (bigram precision {precision:.2f})")
    return out


# A name of several words ("University of Limerick", "Food and Drug Administration"): a model
# that keeps its words but not their order ("University of Ireland") makes a new name.
_NAME_PHRASE = re.compile(r"(?<![\w'’-])(?!(?:The|A|An)\s)[A-Z][\w'’-]*(?:\s+(?:of|for|and|on|de)\s+[A-Z][\w'’-]*"
                          r"|\s+[A-Z][\w'’-]*)+")


def _names(text: str) -> list[str]:
    """Capitalised words not at the start of the sentence (cased output only)."""
    words = _letter_words(text)
    return [w for w in words[1:] if w[:1].isupper()]
