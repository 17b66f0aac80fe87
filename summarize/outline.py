"""The outline: the draft's headings where it has them, generated headings where it has none."""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from summarize import coherence
from summarize.corpus.article import Article, OutlineEntry, Section
from summarize.normalize import SourceCasing, detokenize, restore_casing, title_case
from summarize.corpus.text import CALENDAR, PLURAL_NO_S, STOPWORDS, WORD, lexicon_pos, looks_plural, zipf
from summarize.models.loading import GenerationSettings

MAX_HEADING_WORDS = 12


HEADING_METHODS = ("model", "keyphrase")


def build_outline(article: Article, model=None, settings=None, method: str = "model") -> list[OutlineEntry]:
    """Fill in headings for headless sections, then list the outline.

    ``model``: the model's ``heading`` task (greedy, source-constrained), with the section's
    best noun phrase as the fallback when its heading fails the checks or repeats another
    heading; ``keyphrase``: the noun phrase only. No two headings of one outline are the same
    (by their normalised words). Each entry records the method that wrote its heading.
    """
    if method not in HEADING_METHODS:
        raise ValueError(f"unknown heading method {method!r} (choose from {', '.join(HEADING_METHODS)})")
    missing = [s for s in article.walk() if s.heading is None and s.text.strip()]
    methods: dict[int, str] = {}
    if missing:
        texts = [" ".join(_first_words(s.text, 120)) for s in missing]
        use_model = model is not None and method == "model"
        # Greedy: a heading is a short phrase, and beams only add cost (and "X of Y" templates).
        greedy = replace(settings or GenerationSettings(), num_beams=1)
        raw = model.generate(texts, task="heading", settings=greedy, constrain_to_source=True) if use_model else [""] * len(missing)
        others = [s.text for s in article.walk() if s.text.strip()]
        index = PhraseIndex(others)  # phrases counted once per draft, not once per section pair
        used = {heading_key(s.heading) for s in article.walk() if s.heading is not None}
        for section, text in zip(missing, raw):
            heading, how = _clean_heading(text, section), "model"
            if heading is None or _repeats(heading, used):
                heading, how = next((h for h in keyphrase_candidates(section, others, index) if not _repeats(h, used)),
                                    None), "keyphrase"
            if heading is None:  # every phrase of the section is taken: number the repeat
                base = keyword_heading(section, others, index)
                heading = next(f"{base} ({n})" for n in range(2, len(missing) + 3) if heading_key(f"{base} ({n})") not in used)
            used.add(heading_key(heading))
            section.heading = heading
            section.generated = True
            methods[id(section)] = how
    return [OutlineEntry(s.heading, s.level, s.generated, methods.get(id(s), "draft"))
            for s in article.walk() if s.heading is not None]


def _repeats(heading: str, used: set[tuple[str, ...]]) -> bool:
    """The same heading as one in ``used``, a part of one ("Boxes" beside "Loot Boxes"), or one
    with a word more ("Intensive Care Units" beside "Intensive Care")."""
    key = set(heading_key(heading))
    return any(key <= set(u) or set(u) <= key for u in used)


def heading_key(heading: str) -> tuple[str, ...]:
    """A heading's normalised words, for spotting duplicates ("Side effects" == "Side Effect")."""
    toks = [w.lower() for w in re.findall(r"[A-Za-z0-9][A-Za-z0-9'’\-]*", heading)]
    return tuple(sorted({_singular(w) for w in toks if w not in STOPWORDS} or set(toks)))


def _singular(word: str) -> str:
    """"boxes" -> "box", "studies" -> "study", "effects" -> "effect"."""
    if len(word) <= 3 or not looks_plural(word):
        return word
    lemmas = lexicon_pos(word).get("NOUN", ())
    return min(lemmas, key=len) if lemmas else word[:-1]


def _first_words(text: str, n: int) -> list[str]:
    return text.split()[:n]


def _clean_heading(raw: str, section: Section) -> str | None:
    casing = SourceCasing(p.text for p in section.paragraphs if p.boilerplate is None)
    text = restore_casing(detokenize(raw, casing), casing).strip(" .:;,-–")
    if re.search(r"\s[-–—]\s", text):  # "The First - of - Kratom": pieces, not a phrase
        return None
    words = text.split()
    if not (2 <= len(words) <= MAX_HEADING_WORDS):
        return None
    section_words = {w.lower() for w in (w for w in WORD.findall(section.text) if w[0].isalpha())}
    tokens = [w.lower() for w in re.findall(r"[A-Za-z0-9][A-Za-z0-9'’\-]*", text)]
    content = [w for w in tokens if w not in STOPWORDS]
    # A heading must be about this section (its content words come from it) and read as a
    # phrase: no word fragments, stutters, or a function word where a noun should be.
    if not content or any(w not in section_words for w in content):
        return None
    # Its content words stand near each other somewhere in the section: "United University
    # of Colorado" is made of section words ("United States", "University of Colorado") but
    # names nothing the section says.
    if not _pairs_near(content, section.text):
        return None
    if any(len(w) == 1 and w not in ("a",) for w in tokens) or len(set(tokens)) < len(tokens):
        return None
    if tokens[0] in _BAD_START or tokens[-1] in STOPWORDS or _BAD_PAIR.search(" ".join(tokens)):
        return None
    # names make up most of it ("Researchers on the University of Colorado"): it says who or
    # where, not what the section is about
    names = sum(casing.surface(w)[:1].isupper() for w in content)
    if names * 2 > len(content):
        return None
    # a person ("Treatment of Brennan-Oyelaran"): who said it, never what the section is about
    if _people(section) & set(content):
        return None
    if _PRONOUNS & set(tokens):  # a heading names its topic; "How It Is …" points elsewhere
        return None
    # a noun phrase, not a clause ("The Study Is a Randomised Trial") nor a question cut short
    # ("How People with Diabetes"), and about more than "the study" or "the researchers"
    if coherence.AUX & set(tokens) or tokens[0] in ("how", "what", "why", "when", "where", "who"):
        return None
    if set(content) <= _GENERIC_HEADING_WORDS:
        return None
    # one common word ("The Drug", "The Hospital") names nothing the draft is about; a verb
    # ("The Drug Narrows") makes it a clause; a word after a comma is a clause's tail
    # ("Testing of Ketamine, Combined"); "The Same Survey" points back to another
    if (len(content) == 1 and zipf(content[0]) >= COMMON_ZIPF) or any(_only_verb(w) for w in content if not w.endswith("ing")):
        return None
    if re.search(r",\s*\S+$", text) or tokens[:2] in (["the", "same"], ["this", "same"]):
        return None
    # a job names who said something ("Health Physician"), as a keyphrase may not end on one either
    if tokens[-1] in _ROLES or tokens[-1].endswith(_ROLE_ENDINGS):
        return None
    # "The Counsellor", "The First Year", "The Drug Administration": a definite article points at
    # something the section names, not at its topic; the house headings that open on one name a
    # topic's aspect ("The Science Behind …", "The Risks")
    if tokens[0] == "the" and tokens[1] not in _ASPECTS:
        return None
    return title_case(text)


_ASPECTS = frozenset("""science evidence research role benefits benefit risks risk bottom case law rules link truth
    facts history future pros effects safety""".split())


COMMON_ZIPF = 4.0  # a one-word model heading must be rarer than this ("Tianeptine", not "Drug")


_GENERIC_HEADING_WORDS = frozenset("""study studies research researcher researchers trial trials finding findings
    result results review reviews author authors data evidence analysis report scientist scientists""".split())


PAIR_WINDOW = 4  # words between two neighbouring heading words in the section, at most


def _pairs_near(content: list[str], text: str) -> bool:
    """Each pair of neighbouring content words of a heading occurs within PAIR_WINDOW words
    of each other (in either order) somewhere in ``text``."""
    words = [w.lower() for w in WORD.findall(text)]
    where: dict[str, list[int]] = {}
    for i, w in enumerate(words):
        where.setdefault(w, []).append(i)
    for a, b in zip(content, content[1:]):
        pa, pb = where.get(a, []), where.get(b, [])  # ascending positions
        if not any(_near(pb, i) for i in pa):  # a binary search each: a 2 MB section stays linear
            return False
    return True


def _near(positions: list[int], i: int) -> bool:
    """Is some position within PAIR_WINDOW + 1 words of ``i``?"""
    k = bisect.bisect_left(positions, i - PAIR_WINDOW - 1)
    return k < len(positions) and positions[k] <= i + PAIR_WINDOW + 1


_PRONOUNS = frozenset("it its they them their he she his her this these those".split())
_ADDRESS = re.compile(r"\S+@\S+|\bhttps?://\S+|\bwww\.\S+|\b[\w-]+\.(?:com|org|gov|net|edu|co\.uk)\b")
_VERB_MARKERS = frozenset("to can cannot could may might will would should must not did do does who which i we you they".split())
# after these a participle is a verb ("61 percent had drunk zumbani"), a noun is not ("have side effects")
_PERFECT = frozenset("had has have having been".split())
_BAD_START = {"of", "and", "or", "but", "to", "with", "for", "by", "as", "is", "are", "it", "its"}
_BAD_PAIR = re.compile(r"\b(how|what|why|when) of\b|\bof (of|and|the of|a of)\b|\b(the|a|an) (of|and|to|is)\b")


def _phrases(text: str) -> Counter:
    """Counts of the text's noun-phrase candidates: the last one to three noun-like words of a
    run that ends where the noun phrase ends.

    English noun phrases end on their head, so a phrase is counted only at the end of its run
    ("blood pressure medication" gives "pressure medication", never "blood pressure" cut from it),
    and not when the run was cut short: by a possessive or a generic noun that carries it on
    ("local young people's …", "long-term opioid use"), by a determiner or a number after it (its
    last word was a verb: "rats given a placebo", "men ages 25 to 44"), or by "to" after an
    adjective ("a brain region central to memory")."""
    counts: Counter = Counter()
    text = _ADDRESS.sub(" . ", text)  # "jane@courier.com", "www.nih.gov": no phrase, and no "Com"
    for m in re.finditer(r"[A-Za-z'’\- ]+", text):  # punctuation ends a phrase
        after = text[m.end():m.end() + 1]
        run: list[str] = []
        caps: list[bool] = []
        prev = last = ""
        last_noun = False
        toks: list[str] = []  # the words so far, as written
        name_goes_on = False  # the run continues a name: "Food and Drug Administration"
        before_that = False  # "that" came after a noun: a relative pronoun
        for w in m.group().split() + [""]:
            lw = w.lower().strip("-")
            # "to treat opioid addiction", "can raise blood pressure": a verb after "to" or a
            # modal starts a clause, not a phrase ("Treat Opioid Addiction"); so does a past
            # tense or a plural's verb after a noun ("the products contained …", "these
            # products cause new moles")
            verb = ((prev in _VERB_MARKERS and "VERB" in lexicon_pos(lw))
                    or (prev in _PERFECT and _participle(lw))
                    # a relative "that" after a noun ("medicines that cause sleepiness")
                    or (prev == "that" and before_that and "VERB" in lexicon_pos(lw))
                    or ((last_noun or last in _SUBJECTS) and lw.endswith("ed")
                        and lw not in lexicon_pos(lw).get("VERB", (lw,)))
                    or (last_noun and _plural(last) and not looks_plural(lw) and "VERB" in lexicon_pos(lw)))
            if not run:
                name_goes_on = (w[:1].isupper() and len(toks) >= 2 and toks[-1] in ("and", "of", "&", "for")
                                and toks[-2][:1].isupper())
            toks.append(w)
            if lw not in _ADVERBS and not lw.endswith("ly"):  # "can also cause …" is still after "can"
                # ("its members already label …": the subject is still the word before the adverb)
                before_that = lw == "that" and last_noun
                prev = last = lw
                last_noun = not verb and (_noun_like(lw) or lw in _CARRY_ON)
            if lw and _noun_like(lw) and not verb:
                run.append(lw)
                caps.append(w[:1].isupper())
                continue
            if run and not name_goes_on and not _cut_short(run[-1], lw if lw else None, after):
                # a noun, its verb and the verb's object ("a taxi driver chews khat"): two phrases
                k = next((k for k in range(1, len(run) - 1) if _verb_after_noun(run, k)), None)
                if k is not None:
                    _count_suffixes(run[:k], caps[:k], counts)
                    run, caps = run[k + 1:], caps[k + 1:]
                # a noun a clause without "that" follows ("the main reason patients give", "the
                # question patients are asking"): its phrase ends on it, and the clause's subject
                # is a phrase of its own
                k = next((k for k in range(len(run) - 1) if run[k] in _CLAUSE_HEADS), None)
                if k is not None and verb:
                    _count_suffixes(run[:k + 1], caps[:k + 1], counts)
                    run, caps = run[k + 1:], caps[k + 1:]
                # a plural noun and the people of a clause without "that" after it ("the health
                # problems respondents reported"): the clause's subject is a phrase of its own
                if verb and len(run) >= 2 and run[-1] in _PEOPLE and _plural(run[-2]):
                    _count_suffixes(run[:-1], caps[:-1], counts)
                    run, caps = run[-1:], caps[-1:]
                # a singular noun and a verb ending in -s ("the body uses to …"): the noun alone
                if len(run) > 1 and _verb_after_noun(run, len(run) - 1) and (lw == "to" or lw in _DETERMINERS):
                    run, caps = run[:-1], caps[:-1]
                _count_suffixes(run, caps, counts)
            run, caps = [], []
    return counts


def _count_suffixes(run: list[str], caps: list[bool], counts: Counter) -> None:
    """Count the last one to three words of a noun run that ends its noun phrase."""
    for n in (1, 2, 3):
        span, span_caps = run[-n:], caps[-n:]
        if len(span) < n:
            break
        if span[0] in _COUNT_WORDS:  # "1.8 million methaqualone tablets": a count, its figure cut off
            continue
        # not from the middle of a name ("Drug Enforcement Administration place"), nor a common
        # noun before a name ("the journal Nicotine and …")
        if n < len(run) and caps[-n] and caps[-n - 1]:
            continue
        if any(not a and b for a, b in zip(span_caps, span_caps[1:])):
            continue
        if _head_like(span[-1]) and not any(_verbal(x) for x in span):
            counts[" ".join(span)] += 1


# People who report, say or do things in a clause that follows a noun without "that"
_PEOPLE = frozenset("""respondents participants patients users people doctors researchers consumers customers
    parents students children women men adults teens teenagers smokers drinkers workers nurses pharmacists""".split())
_COUNT_WORDS = frozenset("million millions billion billions thousand thousands hundred hundreds dozen dozens".split())
# Words that carry a noun phrase on, so a run they end was cut short ("long-term opioid use").
_CARRY_ON = {"use", "uses", "people", "products", "product", "type", "types", "number", "part", "kind", "year",
             "years", "month", "months", "week", "weeks"}
_DETERMINERS = {"a", "an", "the", "this", "these", "those", "that", "their", "his", "her", "its", "our", "your",
                "my", "some", "any", "no"}
# Words a past tense may follow as its subject ("nine contained unlisted substances"); the
# pronouns of _VERB_MARKERS mark any verb after them already
_SUBJECTS = {"he", "she", "it", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens",
             "hundreds", "thousands", "many", "most", "some", "all", "both", "few", "several", "others", "none"}
# Nouns a clause follows without "that" ("the reason patients give", "the idea poppers could …")
_CLAUSE_HEADS = {"reason", "reasons", "question", "questions", "idea", "way", "thing", "things", "fact", "problem",
                 "time", "amount"}
_ADVERBS = {"also", "often", "still", "even", "not", "never", "sometimes", "always", "already", "just", "only",
            "then", "now", "usually", "rarely"}


def _verb_after_noun(run: list[str], k: int) -> bool:
    """Is ``run[k]`` a verb ending in -s after a singular noun ("a taxi driver chews", "the body uses")?"""
    return not _plural(run[k - 1]) and looks_plural(run[k]) and "VERB" in lexicon_pos(run[k])


def _cut_short(last: str, nxt: str | None, after: str) -> bool:
    """Does the word (or character, at the end of the text run) after a noun run show that the run
    did not end its noun phrase?"""
    if nxt is None:  # the run ended the text run: a digit after it ("ages 25") means a verb
        return after.isdigit()
    return (nxt in _CARRY_ON or "'" in nxt or "’" in nxt or nxt in _DETERMINERS
            or (nxt == "to" and "ADJ" in lexicon_pos(last)))


def _participle(word: str) -> bool:
    """An inflected verb form not ending in -s ("drunk", "taken", "used"): a participle."""
    lemmas = lexicon_pos(word).get("VERB", ())
    return bool(lemmas) and word not in lemmas and not word.endswith("s")


def _verbal(word: str) -> bool:
    """A participle inside a phrase ("trials following children", "adults filling …")."""
    return word.endswith("ing") and "VERB" in lexicon_pos(word)


def _plural(word: str) -> bool:
    """"effects", "women", "people": a plural noun (a word the lexicon gives a shorter lemma)."""
    if looks_plural(word) or word in PLURAL_NO_S:
        return True
    lemmas = lexicon_pos(word).get("NOUN", ())
    return bool(lemmas) and word not in lemmas


class PhraseIndex:
    """Each section's phrase counts and, per phrase, how many sections use it: built once per
    draft, so headings for S headless sections cost O(S), not O(S²)."""

    def __init__(self, texts: list[str]):
        self.copies: Counter = Counter(texts)
        self.counts = {t: _phrases(t) for t in self.copies}
        self.spread: Counter = Counter()  # phrase -> number of texts (with multiplicity) using it
        for text, n in self.copies.items():
            for term in self.counts[text]:
                self.spread[term] += n
        self.total = len(texts)

    def phrases(self, text: str) -> Counter:
        if text not in self.counts:
            self.counts[text] = _phrases(text)
        return self.counts[text]


def keyphrase_candidates(section: Section, others: list[str] | None = None,
                         index: PhraseIndex | None = None) -> list[str]:
    """The section's noun phrases, most distinctive first, title-cased in the seeds' style.

    A noun phrase here is a contiguous run of one to three adjective/noun-like words of the
    section's text (no stop words, adverbs or verb forms), ending on a noun-like head, e.g.
    "safe usage practices"; phrases are weighted against the draft's other sections
    (``others``; ``index``, when given, must have been built from the same ``others``)."""
    import math

    index = index or PhraseIndex(others or [])
    # its paragraphs without page furniture ("Listen to more stories …" names no topic)
    prose = section.text
    mine = index.phrases(prose)
    same = index.copies[prose]  # the section itself (and exact copies) is not an "other"
    n_rest = index.total - same
    # A phrase whose words the section keeps coming back to ("exercise snacks" in a section that
    # says "exercise" five times) names its topic; one said once in passing ("single long workout") does not.
    counts = Counter(w.lower() for w in WORD.findall(prose))

    casing = SourceCasing(p.text for p in section.paragraphs if p.boilerplate is None)

    def score(term: str) -> float:
        spread = index.spread[term] - same
        recurring = sum(counts[w] for w in term.split()) / (term.count(" ") + 1)
        value = (mine[term] * math.log(1 + (n_rest + 1) / (1 + spread)) * (1 + 0.6 * term.count(" "))
                 * math.sqrt(recurring))
        if " " not in term:  # one word ("Doses", "Children") rarely says what a section covers
            value *= SINGLE_WORD_FACTOR
        # nor does a phrase whose head is vague: a trial's arm ("Calmscape Group"), "Real Money"
        if term.rsplit(" ", 1)[-1] in _VAGUE_HEADS:
            value *= VAGUE_HEAD_FACTOR
        # a name alone ("Johns Hopkins University") says who, not what the section is about
        if all(casing.surface(w)[:1].isupper() for w in term.split()):
            value *= NAME_FACTOR
        return value

    def person(term: str) -> bool:
        """A job before a name ("Pharmacist Jane Doe-Lau"): one person, never a heading."""
        words = term.split()
        return any((w in _ROLES or w.endswith(_ROLE_ENDINGS)) and casing.surface(nxt)[:1].isupper()
                   for w, nxt in zip(words, words[1:]))

    people = _people(section)
    return [title_case(" ".join(casing.surface(w) for w in t.split()))
            for t in sorted(mine, key=lambda t: (-score(t), t)) if not person(t) and not people & set(t.split())]


def _people(section: Section) -> frozenset[str]:
    """The surnames of the people the section names in full, lower-cased."""
    return _surnames_lower(section.text)


@lru_cache(maxsize=256)
def _surnames_lower(text: str) -> frozenset[str]:
    # (asked for each heading the model proposes for a section: read once)
    return frozenset(n.lower() for n in coherence.surnames(text))


NAME_FACTOR = 0.3
SINGLE_WORD_FACTOR = 0.3
VAGUE_HEAD_FACTOR = 0.3
# (not "problems" or "levels": "Heart Rhythm Problems", "Blood Levels" name a topic)
_VAGUE_HEADS = frozenset("group groups arm arms money thing things way ways part parts kind kinds lot amount "
                         "number".split())


def keyword_heading(section: Section, others: list[str] | None = None, index: PhraseIndex | None = None) -> str:
    """Fallback heading: the section's most distinctive noun phrase ("Overview" if it has none)."""
    return next(iter(keyphrase_candidates(section, others, index)), "Overview")


_AGE = re.compile(r"(?:year|month|week|day)s?-old$")  # "54-year-old", its number cut off


def _noun_like(word: str) -> bool:
    if _AGE.search(word):
        return False
    return (word not in STOPWORDS and word not in _EXTRA_STOP and len(word) > 2 and "'" not in word
            and "’" not in word and not word.endswith("ly") and not _only_verb(word))


def _only_verb(word: str) -> bool:
    """A word the lexicon knows only as a verb or adverb ("pooled", "said", "bought") ends a
    noun phrase: "Ireland pooled data" is a clause, not a phrase. Unknown words are names."""
    pos = lexicon_pos(word)
    if not pos:  # "inactivates", "upregulates": a verb's ending on a word the lexicon lacks
        return len(word) >= 8 and word.endswith(("ates", "izes", "ises", "ifies"))
    return not ({"NOUN", "ADJ", "PROPN"} & pos.keys())


def _head_like(word: str) -> bool:
    """A phrase's last word must read as a noun: no participle or typical adjective."""
    if (word.endswith(("ed", "ing", "ous", "ful", "ible", "able")) or word in _ADJECTIVES or word in _ROLES
            or word.endswith(_ROLE_ENDINGS)):
        return False
    pos = lexicon_pos(word)
    return not pos or "NOUN" in pos  # "far" ends "children far …", not a phrase


# A job names who said something, not what a section is about ("Addiction Researcher").
_ROLES = {"researcher", "researchers", "scientist", "scientists", "professor", "spokesperson", "spokesman",
          "spokeswoman", "author", "authors", "director", "expert", "experts", "reporter", "writer", "editor",
          "official", "officials", "specialist", "specialists", "chair", "president", "student", "internist", "physician",
          "physicians", "doctor", "doctors", "nurse", "nurses", "pharmacist", "pharmacists", "dietitian",
          "clinician", "clinicians", "consultant", "correspondent", "advocate", "advocates", "lawmaker",
          "lawmakers", "cardiologist", "psychiatrist", "psychologist", "epidemiologist", "pharmacologist"}
_ROLE_ENDINGS = ("ologist", "ologists", "ician", "icians", "iatrist", "iatrists")  # "Exercise Physiologist"
_ADJECTIVES = {"clear", "possible", "different", "available", "common", "safe", "effective", "high", "low", "new",
               "many", "several", "such", "due", "able", "better", "less", "least", "likely", "unclear", "certain",
               "serious", "severe", "mild", "small", "large", "good", "bad", "best", "worse", "worst", "similar",
               "natural", "potential", "significant", "free", "long", "short", "little", "much", "few"}
_EXTRA_STOP = {"may", "can", "cannot", "also", "like", "often", "one", "way", "ways", "help", "helps", "make", "makes",
               "use", "used", "using", "well", "including", "additionally", "however", "important", "known",
               "found", "shown", "seeking", "considering", "firstly", "secondly", "finally", "overall",
               "said", "says", "told", "according", "rose", "fell", "say", "least", "another", "other", "others",
               "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds",
               # pronouns that stand for a person ("Call Anyone")
               "anyone", "anybody", "someone", "somebody", "everyone", "everybody", "nobody",
               # reflexives ("Infusions Themselves")
               "itself", "themselves", "himself", "herself", "ourselves", "yourself", "yourselves", "myself",
               # verbs the lexicon also lists as nouns end a clause, not a phrase ("Rodent Studies Give")
               "give", "gives", "come", "comes", "take", "takes", "show", "shows", "find", "finds", "get", "gets",
               "keep", "keeps", "go", "goes", "see", "sees", "tell", "tells", "suggest", "suggests", "want", "wants",
               # when and how many, not what ("Patients Last Month", "Several Cities", "Extra Hours")
               "last", "past", "next", "every", "each", "recent", "recently", "single", "extra", "several",
               "various", "certain", "different", "same", "entire", "whole", "period", "periods", "lasting",
               "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
               "year", "years", "today", "yesterday", "tomorrow", "now", "ago", "already", "soon", "remains", "remain",
               # generic nouns name no topic ("People", "Products")
               "people", "person", "persons", "thing", "things", "product", "products", "lot", "kind", "kinds",
               "type", "types", "number", "numbers", "part", "parts",
               # adjectives that only follow a verb, and order words: "Fall Asleep Fine", "Nurse
               # Practitioner First", "Enough Good Evidence"
               "asleep", "awake", "alone", "alive", "afraid", "aware", "ahead", "apart", "enough", "first",
               "second", "third", "later", "earlier", "instead", "longer"} | CALENDAR
