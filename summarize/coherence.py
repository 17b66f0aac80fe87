"""Coherence of a lead, sentence by sentence: what an editor would have to fix before publishing.

Defect kinds (one per sentence, the first that applies in this order):

- ``boilerplate``: web-page furniture (caption, photo credit, byline, dateline, "For more … visit",
  "Write to … at", "Follow … on Twitter", "Copyright");
- ``meta``: talks about the article, not the subject ("this article explores", "readers will gain");
- ``fragment``: no finite verb, unbalanced quotes or brackets, a list label ("…:"), a lower-case start;
- ``dangling``: needs context the lead does not give: opens with a pronoun or demonstrative with
  nothing to point back to, a definite description ("The study") or a surname not introduced
  earlier in the lead, "he said", a quote with no speaker;
- ``duplicate``: says what an earlier sentence said (content lemmas, with a few synonyms), not
  only the same words.

The rules are word-level heuristics (no parser is installed); tests/test_coherence.py holds the
labelled leads they are measured on. The planner (summarize/plan.py) uses the same predicates to
avoid picking sentences with these defects.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from summarize.corpus.text import (CALENDAR, LOWER_LETTERS, PLURAL_NO_S, RARE_NAME_ZIPF, STOPWORDS, TITLE_BEFORE,
                                   UPPER_LETTERS, WORD, lexicon_pos, looks_plural, split_sentences, zipf)

KINDS = ("boilerplate", "meta", "fragment", "dangling", "duplicate")

# --------------------------------------------------------------------------- boilerplate

_BOILERPLATE = [
    ("caption", re.compile(r"^\s*(photo|image|picture|caption|illustration|credit|video|enlarge this image)\b\s*[:(|/–—-]?", re.I)),
    ("credit", re.compile(r"\b(getty images|shutterstock|istock(photo)?|ap photo|afp photo|reuters/|/reuters)\b", re.I)),
    ("dateline", re.compile(r"^\s*(\((?i:cnn|ap|afp|reuters|upi|healthday( news)?)\)|[A-Z]{3,}(?:[ ,.]+[A-Z]{2,})*\s*(\([A-Za-z ]+\))?\s*[—–-]{1,2}\s)")),
    ("byline", re.compile(rf"^\s*(by|written by|reviewed by|updated|published|posted)\s+([{UPPER_LETTERS}][{LOWER_LETTERS}]+|\d|on\b|[A-Z]{{2,}})", re.I)),
    ("more-info", re.compile(r"\b(for more (information|details|on)|to learn more|more information)\b.*\b(visit|see|go to|call|contact|click)\b|^\s*more information\s*:?\s*$", re.I)),
    ("write-to", re.compile(r"\b(write to|email|e-mail|contact) [A-Z][\w. ]* at\b|\S+@\S+\.\w+", re.I)),
    ("social", re.compile(r"\bfollow (us|\w+( \w+)?) on (twitter|facebook|instagram|x)\b|\b(share|tweet|pin) (this|on)\b|\bsign up for\b|\bsubscribe\b", re.I)),
    ("copyright", re.compile(r"(\bcopyright\b|©|all rights reserved)", re.I)),
    ("advertisement", re.compile(r"^\s*(advertisement|related( articles| stories| links)?:?|read more|click here)\b", re.I)),
]


def boilerplate_kind(sentence: str) -> str | None:
    """Which kind of page furniture ``sentence`` is, or None."""
    for kind, rx in _BOILERPLATE:
        if rx.search(sentence):
            return kind
    return None


# --------------------------------------------------------------------------- meta

_META = re.compile(
    r"\b((this|the present|our) (article|post|guide|piece|blog|page|overview)\b"
    r"|in this (article|post|guide|section|piece)\b|readers (will|can|may)\b|you(’|')ll (learn|discover|find)\b"
    r"|we(’|')ll\b|we will (explore|look|examine|discuss|cover|uncover)|\bread on\b|\bjoin us\b"
    r"|let(’|')s (explore|look|dive|take)\b|(delves?|diving|dives?) (deep )?into\b|\bdiscover how\b"
    r"|valuable insights\b|keep reading\b"
    # a column's own framing: "Here's what you need to know", "Our pharmacist explains …"
    r"|\bhere(’|')?s what (you need to|to) know\b|\bwhat you need to know\b"
    r"|^our\s+(\w+\s+){0,2}(experts?|pharmacists?|doctors?|dietitians?|editors?|columnists?|team|panel)\s+"
    r"(explains?|answers?|breaks? down|weighs? in)\b"
    # a pointer to a list or table the lead does not carry ("provides the following list of")
    # ("over the following year", "the following six months" are times, not pointers)
    r"|\bthe following\b(?!\s+(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|few|several|many)\s+)?"
    r"(?:days?|weeks?|months?|years?|decades?|mornings?|nights?|evenings?|seasons?|summer|winter|"
    r"spring|autumn|visits?|hours?)\b)|\b(listed|shown|described) below\b|\bsee (the )?(table|list|figure|box)\b"
    r"|^see (the|our|also)\b"
    # web-page furniture in prose: pointers to tables, links and other pages, not facts
    r"|\b(table|list|chart|figure|box|links?|resources?) (below|above)\b|\bclick (on|here)\b"
    r"|\blook up the (definitions?|meanings?|terms?)\b|\bhas (more )?information (on|about) this (topic|condition|disease)\b"
    r"|^these resources\b"
    # how a page presents its data, not what it says about the subject ("The Human Phenotype
    # Ontology has collected information on …", "Sometimes, no information on frequency is
    # available", "The frequency is usually listed as a rough estimate", "… Web site")
    r"|\b(has|have) (collected|compiled|gathered) (information|data)\b"
    r"|\binformation (on|about) [\w ]{1,40}\b(is|are) (not )?(available|listed|provided)\b"
    r"|\b(is|are|may|can)( also| usually| often)? (be )?(usually |often |also )?listed as\b(?! (an? )?(schedule|class|"
    r"controlled|prescription|banned|prohibited|restricted|narcotic|poison|dangerous|psychotropic|medicine|drug|"
    r"carcinogen|probable|possible|known|essential))|\bweb ?(site|page)\b"
    r"|\bclicking\b|\b(this|the|such) information (comes|is taken|was taken|is drawn|is collected) from\b"
    r"|\bis how (many|much|often)\b"
    # a teaser turning to what the next sentence reports ("Now scientists have taken a look.")
    r"|^(now|so|and now),? (\w+ ){1,3}(have|has) (finally )?(taken a (closer |first |proper )?look|put (it|that|this|them|the \w+) "
    r"to the test|weighed in|found out)\W*$"
    r"|^(\w+ ){1,3}(decided|set out|wanted) to find out\W*$"
    # … or that says only that there is more to say ("Sister Ngubane said the answer was not
    # simple.", "The biggest worry for clinic staff is what clay does to iron tablets.")
    r"|\b(said|says)( that)? the (answer|picture|situation|question|issue|problem) (was|is) (not (simple|straightforward|"
    r"clear[- ]cut|easy)|complicated|complex)\W*$"
    r"|^the (biggest|main|real|bigger|greatest|chief|key) (worry|concern|question|problem|danger|fear|issue) "
    r"(\w+ ){0,4}(is|was) (what|how|whether|why) [^.;,]{0,60}[.!]?$)",
    re.I,
)


def is_meta(sentence: str) -> bool:
    return bool(_META.search(sentence))


# --------------------------------------------------------------------------- fragments

AUX = frozenset("""is are was were am has have had do does did can could may might will would shall should
must isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't can't cannot couldn't won't
wouldn't shouldn't it's that's there's he's she's they're we're they've we've i'm you're""".replace("'", "'").split())
_DETERMINERS = frozenset("""a an the this that these those its their his her our your my some any each every
no of for with without to in on at by from into about as and or than such""".split())
_SUBJECT_PRONOUNS = frozenset("i we you they people".split())
# plurals without an "-s", after which a base form is finite too ("the data point to a signal")


_pos = lexicon_pos  # parts of speech from the lexicon (cached)


def _is_finite(word: str, prev: str | None) -> bool:
    w = word.lower().replace("’", "'")
    if w in AUX:
        return True
    pos = _pos(w)
    verb = pos.get("VERB")
    if not verb or w.endswith("ing"):
        return False
    if any(form != w for form in verb):  # an inflected form: "-s", "-ed", "found"
        noun_too = "NOUN" in pos or "ADJ" in pos
        if noun_too and prev is None and w.endswith("s"):
            return False  # a sentence opening "Signs ..." or "Studies ..." opens with its subject
        return not noun_too or prev is None or prev not in _DETERMINERS
    # A base form is finite after a plural subject or a pronoun ("Studies highlight", "they report").
    # (or after an apposition: "Its alkaloids, mitragynine and X, engage …"); first, an imperative.
    # ("The men still chewing khat": an adverb after an irregular plural is no verb)
    return prev is None or (prev in _SUBJECT_PRONOUNS or prev == "," or (prev in PLURAL_NO_S and "ADV" not in pos)
                                 or (prev.endswith("s") and not prev.endswith("ss")))


_TOKEN_OR_COMMA = re.compile(WORD.pattern + "|,")


def has_finite_verb(sentence: str) -> bool:
    raw = _TOKEN_OR_COMMA.findall(sentence)
    tokens = [t.lower() for t in raw]
    # a capitalised word inside a sentence is a name or a heading word, never its verb
    # ("Signs and Symptoms Approximate number of patients" is a table header)
    return any(_is_finite(t, tokens[i - 1] if i else None) for i, t in enumerate(tokens)
               if not (i and raw[i][:1].isupper() and raw[i] != "I"))


_INSIDE_WORD = re.compile(r"(?<=[A-Za-z\d])[’'](?=[A-Za-z])")
_OPEN_SINGLE = re.compile(r"(?:^|(?<=[\s(:—–-]))['‘](?=[A-Za-z0-9])")
_CLOSE_SINGLE = re.compile(r"(?<=[A-Za-z0-9.,!?])['’](?=[\s.,;:!?)—–-]|$)")
_PLURAL_POSSESSIVE = re.compile(r"(?<=s)['’](?=\s)")


def _singles_balance(s: str) -> bool:
    """Are single quotation marks closed? An apostrophe inside a word ("who've", "it’s") is
    none, and one after a plural's "s" ("the lads' parents") may be either."""
    s = _INSIDE_WORD.sub("", s)
    opens, closes = len(_OPEN_SINGLE.findall(s)), len(_CLOSE_SINGLE.findall(s))
    return closes - len(_PLURAL_POSSESSIVE.findall(s)) <= opens <= closes


_JOINED_TAIL = re.compile(r",\s+(?:and|but|or)\s+((?:unlike|like|despite|because\s+of)\b[^,;:]*)[.!?]?[\"”’']?$",
                          re.I)


_MIXED_CASE_TERM = re.compile(r"[a-z]{1,3}[A-Z][\w-]*\b")
_OPENING_PUNCT = "\"'“‘(["


def fragment_reason(sentence: str) -> str | None:
    s = sentence.strip()
    if not s:
        return "empty"
    first = next((c for c in s if c.isalnum()), "")
    # (a term written with a small first letter and capitals after it is no fragment: "rTMS",
    # "mRNA", "eGFR", "iPhone")
    if first.islower() and not _MIXED_CASE_TERM.match(s.lstrip(_OPENING_PUNCT)):
        return "starts lower-case"
    if s.startswith(("–", "-", "•", "*")):
        return "list item"
    if s.rstrip().endswith(":"):
        return "list label"
    # a list's lead-in whose colon became a full stop: "… several kinds of medicine, including."
    if _LIST_LEAD_IN.search(s):
        return "a list's lead-in with no list"
    # a joined part cut before its clause: "X isn't controlled, and unlike benzodiazepines such as diazepam."
    tail = _JOINED_TAIL.search(s)
    if tail and not has_finite_verb(tail.group(1)):
        return "a joined part with no verb"
    if s.count("(") != s.count(")") or s.count("[") != s.count("]"):
        return "unbalanced brackets"
    if s.count("“") != s.count("”") or s.count('"') % 2:
        return "unbalanced quotes"
    # single quotes (British style): an opening one after a space or colon, a closing one before
    # a space or a stop; apostrophes ("who've", "can't") sit between letters
    if not _singles_balance(s):
        return "unbalanced quotes"
    if not has_finite_verb(s):
        return "no finite verb"
    if _AIM.match(s) and not _MAIN_CLAUSE_AFTER_AIM.search(s):
        return "an aim with no main clause"
    label = _LABEL_WITH_REASON.match(s)
    if label and not has_finite_verb(label.group(1)):
        return "a label with its reason, no main clause"
    if ":" in s and _flattened_list(s.split(":", 1)[1]):
        return "flattened list"
    if _RUN_IN.search(s):
        return "a heading run into the sentence"
    m = _THAT_CLAUSE_END.search(s)
    if m and not has_finite_verb(m.group(2)):
        return "a that-clause with no verb"
    # a second reported clause cut before its verb: "…, and that treatment for dependence,
    # including counseling and support groups." (the examples' words are no verb)
    m = _AND_THAT_END.search(s)
    if m and not has_finite_verb(_EXAMPLES.sub("", m.group(1))):
        return "a that-clause with no verb"
    return None


_LIST_LEAD_IN = re.compile(r"\b(?:including|include|includes|such\s+as|for\s+example|for\s+instance|e\.g\.|namely|"
                           r"as\s+follows|the\s+following)\s*[.:;!?]?[\"”’']?\s*$", re.I)

# A reported clause cut short: "Participants also reported that opioid withdrawal symptoms."
_THAT_CLAUSE_END = re.compile(r"\b(reported|report|reports|said|says|say|found|find|finds|showed|shows|suggests?|suggested|"
                              r"warned|warns|noted|notes|concluded|added|explained|believe|believes|believed)\s+that\s+"
                              r"([^,;:.!?]+)[.!?]?[\"”’]?\s*$", re.I)


# A question about what a demonstrative stands for: "It is not clear how common this is",
# "whether that lasts" (the draft's sentence before says what "this" is).
_QUESTION_ON_THIS = re.compile(r"\b(?:how|whether|why|what|if|when)\s+(?:[a-z]+\s+){0,2}?(this|that|these|those)\s+"
                               r"(?:is|was|are|were|happens|happened|works|worked|helps|helped|lasts|lasted|occurs|"
                               r"matters|applies)\b", re.I)
_AND_THAT_END = re.compile(r",\s+(?:and|but)\s+that\s+([^;:.!?]+)[.!?]?[\"”’]?\s*$", re.I)
_EXAMPLES = re.compile(r",?\s+(?:including|such\s+as|like|for\s+example|notably)\b[^,]*,?", re.I)


# A review's objective ("To assess the effects of X on Y."): an infinitive with no main clause
# ("To assess X, we searched …" has one).
_AIM = re.compile(r"^to\s+(assess|evaluate|determine|compare|examine|investigate|review|identify|describe|estimate|"
                  r"explore|quantify|summari[sz]e|synthesi[sz]e|establish|measure|test|analy[sz]e)\b", re.I)
_MAIN_CLAUSE_AFTER_AIM = re.compile(rf",\s+(we|the|this|these|researchers|they|investigators|authors|a|an|[{UPPER_LETTERS}][{LOWER_LETTERS}]+\s+et\s+al)\s+\w+")


# A list label kept with its reason ("Imprecision, because we found few studies."): a few words
# with no verb, a comma, then the reason to the end of the sentence.
_LABEL_WITH_REASON = re.compile(r"^([A-Z][\w-]*(?:\s+[\w-]+){0,3}),\s+(?:because|since|due\s+to|owing\s+to)\b[^,;:]*$")


# A structured abstract's heading glued to the sentence under it ("Primary outcomes Five studies
# measured …", "Secondary outcomes It is uncertain …"): a word that only opens sentences, capitalised
# right after a lower-case word with no punctuation between.
_RUN_IN = re.compile(r"\b[a-z][a-z-]*\s+(We|It|There|This|These|Those|The|Our|Only|Overall|No|None|All|Most|"
                     r"One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Participants|Patients|Studies|Trials)\s+[a-z]")


# A list pasted without its bullets reads "may include: Corticosteroid therapy Tamoxifen Surgery":
# a capitalised item straight after a lower-case content word, with no comma or "and" between.
_LIST_JOIN = re.compile(rf"\b([a-z][a-z-]*)\)?\s+[{UPPER_LETTERS}][{LOWER_LETTERS}]+")
_CAPITALISED = re.compile(rf"\b[{UPPER_LETTERS}][{LOWER_LETTERS}]+")


def _flattened_list(after_colon: str) -> bool:
    joins = sum(1 for m in _LIST_JOIN.finditer(after_colon) if m.group(1) not in STOPWORDS)
    return joins >= 2 or (joins == 1 and "," not in after_colon and len(_CAPITALISED.findall(after_colon)) >= 4)


# --------------------------------------------------------------------------- content lemmas

# Words editors count as the same point ("it's crucial/important/essential to …").
_SYNONYMS = {"crucial": "important", "essential": "important", "vital": "important", "key": "important",
             "critical": "important", "caution": "careful", "cautious": "careful", "care": "careful",
             "help": "ease", "improve": "ease", "aid": "ease", "benefit": "ease", "physician": "doctor",
             "provider": "doctor", "professional": "doctor", "healthcare": "doctor"}


@lru_cache(maxsize=50_000)
def lemma(word: str) -> str:
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    pos = _pos(w)
    for tag in ("NOUN", "VERB", "ADJ", "ADV"):
        if tag in pos:
            w = pos[tag][0]
            break
    return _SYNONYMS.get(w, w)


def content_lemmas(sentence: str) -> set[str]:
    return {lemma(w) for w in WORD.findall(sentence)
            if w.lower() not in STOPWORDS and w[0].isalpha() and len(w) > 2} - {"use"}


DUPLICATE_OVERLAP = 0.6  # shared content lemmas / the smaller sentence's
MIN_CONTENT = 3
DUPLICATE_OVERLAP_LARGE = 0.35  # … and of the larger one's


def same_meaning(a: str | set[str], b: str | set[str]) -> bool:
    la = a if isinstance(a, set) else content_lemmas(a)
    lb = b if isinstance(b, set) else content_lemmas(b)
    small, large = sorted((len(la), len(lb)))
    shared = len(la & lb)
    # (a short sentence that names the subject and one word of a long one repeats nothing:
    # "Quetiapine is not a controlled drug" after a long finding about the drug)
    if (small >= MIN_CONTENT and shared >= MIN_CONTENT and shared / small >= DUPLICATE_OVERLAP
            and shared / large >= DUPLICATE_OVERLAP_LARGE):
        return True
    if not (isinstance(a, str) and isinstance(b, str)):
        return False
    # The same figure about the same thing ("A survey … finds one in four drinks bitters daily",
    # "One in four said they drank bitters every day") is one fact told twice.
    figures = _figures(a) & _figures(b)
    if figures and len((la & lb) - _FIGURE_WORDS) >= SAME_FIGURE_SHARED:
        return True
    # Two sentences that each announce the news ("A new trial found that magnesium …", "A new
    # study found that magnesium supplements …") tell it twice, in whatever words.
    return (bool(_ANNOUNCES.search(a)) and bool(_ANNOUNCES.search(b))
            and len((la & lb) - _FRAME_LEMMAS) >= NEWS_SHARED)


# (its own name: ``_NUMBER_WORD`` further down is the spelled-out count a bare share opens on)
_FIGURE_NUMBER = r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|a\s+third|a\s+quarter|half)"
_FIGURE = re.compile(rf"\b(?:{_FIGURE_NUMBER}\s+(?:in|out\s+of)\s+{_FIGURE_NUMBER}|\d[\d,.]*\s*(?:%|per\s*cent|percent))", re.I)
_FIGURE_WORDS = frozenset("one two three four five six seven eight nine ten half third quarter per cent percent "
                          "say tell report find show".split())  # (and the words that report a figure)
SAME_FIGURE_SHARED = 2  # content lemmas in common besides the figure


def _figures(text: str) -> set[str]:
    """The figures a sentence states in its own words (a bracketed statistic and a confidence
    level, "95% CI", are no figure of its own)."""
    text = _CONFIDENCE.sub(" ", _BRACKETS.sub(" ", text))
    return {re.sub(r"\s*(?:%|per\s*cent|percent)", "%", " ".join(m.group(0).lower().split()))
            for m in _FIGURE.finditer(text)}


_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_CONFIDENCE = re.compile(r"\b\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent)\s*(?:CI|confidence|credible|uncertainty)\b", re.I)


_ANNOUNCES = re.compile(r"\b(?:an?\s+(?:new|recent|large|small)\s+(?:[\w-]+\s+){0,2}(?:study|trial|analysis|review|survey)"
                        r"|new\s+research)\s+(?:[\w-]+\s+){0,6}?(?:found|finds|suggests?|shows?|showed|concluded)\b"
                        r"|\baccording\s+to\s+an?\s+(?:new|recent|large|small)\s+(?:[\w-]+\s+){0,2}(?:study|trial|analysis|review|survey)\b",
                        re.I)
NEWS_SHARED = 3  # content lemmas in common besides the frame ("magnesium", "insomnia", "sleep")
_FRAME_LEMMAS = frozenset("new recent large small study trial analysis review survey research find suggest show "
                          "conclude randomize randomized".split())


# --------------------------------------------------------------------------- dangling references

# "It is unclear whether …" says nothing of an "it"; "It is the latest in a series of studies to …" does.
# ("It is not licensed for alcohol use disorder", "It is thought to reduce …": the drug, not a
# dummy; "for" extraposes only with a "to" after it, "It is hard for teens to stop")
_EXPLETIVE = re.compile(r"^(it)(?:'s|’s| is| was| remains| may be| can be| seems| appears| will be)\b"
                        r"(?!\s+(the|a|an|one|part|among|another|its|this|that)\b)"
                        r"(?!(?:\s+[a-z]+)?\s+being\b)"  # ("It is now being used widely …, according to": the drug)
                        r"(?!(?:\s+(?:not|also|often|usually|sometimes|widely|commonly|now|still))*\s+"
                        r"(?!(?:recommended|advised|required|needed)\b)(?:[a-z]+(?:ed|wn|en)|thought|said|sold|made|held|meant|found)\s+to\b)"
                        r"(?=\s+(?!(?:that|to|whether|for)\b)\S)"  # ("It's that this is …": "it" is the message)
                        # ("It's harder to give up than cigarettes": what is hard to give up is "it")
                        r"(?!\s+(?:[a-z]+\s+)?(?:hard|harder|easy|easier|difficult|impossible|tough|tougher)\s+to\s+"
                        r"(?:give\s+up|quit|stop|kick|resist|put\s+down|find|get|buy|spot|detect|obtain)\s*(?:than\b|[.,;:!?\"”’]|$))"
                        r".{0,50}?\b(to|that|whether|for\b.{0,40}?\bto)\b", re.I)
# "It is also unclear how much …": what is unknown follows as a question
_EXPLETIVE_WH = re.compile(r"^it(?:'s|’s|\s+is|\s+was|\s+remains)\s+(?:also\s+|still\s+)?(?:not\s+(?:yet\s+)?(?:clear|known|certain)|"
                           r"unclear|uncertain|unknown)\s+(?:how|what|why|when|where|which|who|if|whether)\b", re.I)
_PERSONAL = frozenset("it its they their them he she his her".split())
_QUANTIFIERS = frozenset("most many some several few others both all neither none each".split())
_PEOPLE_PRONOUNS = frozenset("he she his her him".split())
_DEMONSTRATIVES = frozenset("this these those that such".split())
# Heads of definite descriptions that point back to something ("The study found …").
# an idea someone had ("The idea has a real scientific basis"), unless the phrase says whose or
# of what ("the idea behind lozenges")
_IDEA_NOUNS = frozenset("idea ideas claim claims notion theory concept approach trend".split())
# "The term describes …": a name the sentence before gave ("The term 'cyberchondria' …" says it)
_NAMING_NOUNS = frozenset("term word phrase".split())
ANAPHORIC_NOUNS = frozenset("""study studies audit audits trial trials review reviews researcher researchers author authors
team company drug drugs patient patients report survey finding findings result results participant
participants group agency official officials man woman boy girl child children plant herb tea product
products supplement supplements compound virus disease program scientist scientists doctor doctors
analysis paper experiment pill pills mother father family case effect effects treatment intervention
center centre clinic hospital institute university charity ministry watchdog combination students
respondents volunteers patch patches device devices app apps video videos clip clips gummies capsules tablets
lozenges spray sprays pouches vapes syrup syrups drink drinks pattern data figures statistics""".split()) | _IDEA_NOUNS | _NAMING_NOUNS
# Openers that point back to what came before ("Instead, …", "However, …").
_BACK_CONNECTIVE = re.compile(r"^(instead|however|thus|therefore|hence|as a result|by doing so|in contrast|conversely|nor|neither\s+(?=could|can|did|does|do|was|were|is|are|has|have|had|would|will)|"
                              r"even so|still(?=,)|yet(?=,)|that said|with that in mind|if so|if not|in the meantime|meanwhile|until then|"
                              r"beyond (this|that)|despite this|nevertheless|otherwise|similarly|likewise|"
                              r"for (example|instance)|in (this|these|that|those|such) (cases?|situations?|instances?|"
                              r"circumstances)|for (this|that|these) reasons?|because of (this|that)|"
                              # one of a set the draft named before: "In one, a pilot study …", "Of these, …",
                              # "At one of them, …"
                              r"(in|of|for|among|at|on|from)\s+(one|another|both|each|these|those|them|the\s+other|the\s+(first|second|latter|former))"
                              r"(\s+of\s+(them|these|those))?(?=,))\b",
                              re.I)  # an example needs the claim it illustrates, a case the cases
# A contrast set off by commas inside the sentence points back just as well ("In Europe, by
# contrast, it requires a prescription.").
_MID_CONTRAST = re.compile(r",\s*(by contrast|in contrast|by comparison|however|though|meanwhile|likewise|similarly|"
                           r"on the other hand|instead)\s*,", re.I)
# "And …", "Or …" join a sentence to the draft's sentence before it, which a lead rarely keeps.
_JOINED = re.compile(r"^(and|or)\b", re.I)
# A person's pronoun anywhere in the sentence ("… seeing cases like his far more often").
_PERSON_PRONOUN = re.compile(r"\b(he|him|his|she|her|hers)\b", re.I)
_SOMEONE = re.compile(r"\b(anyone|someone|somebody|everyone|each|person|woman|women|man|men|mother|father|"
                      r"girl|boy|child|patient|doctor|physician|clinician|nurse|pharmacist)\b", re.I)
# With nothing before them these point back too; after a sentence they may join on ("But
# doctors say they are seeing cases like his far more often" cannot open a lead).
# ("Then a colleague suggested …": the next step of a story the lead has not told)
_ADD_CONNECTIVE = re.compile(r"^(additionally|moreover|furthermore|also|in addition|besides|but|yet(?!\s+(another|again)\b)|more recently|since then|then|"
                             r"so(?![\s-]+(far|many|much|long|called|few|little)\b))\b", re.I)
_STUDY_WORDS = frozenset("study review trial research analysis survey experiment paper audit".split())
_POPULATION = frozenset("respondent user adult student child teenager woman man people parent volunteer".split())
_BRIDGED = frozenset("researcher author team participant scientist finding result group patient data datum sample figure".split())
# A lead that states a result ("… was not associated with a higher risk", "… reported less pain
# than those given a placebo", "… common among young men in this sample") has introduced "these
# findings", "the data" without naming a study.
_FINDINGS = frozenset("finding result data datum".split())
_RESULT_WORDS = frozenset("associate link find show report suggest observe placebo compare sample cohort "
                          "participant respondent".split())
_SPEECH = r"(said|says|added|told|explained|noted|wrote|warned|stated|recalled)"
# (present-tense "they say" too: "Kava, they say, leaves no hangover" quotes the bar owners before it)
_PRONOUN_SPEECH = re.compile(rf"\b(he|she|they)\s+(say|{_SPEECH[1:-1]})\b", re.I)
_SPEAKER = rf"[{UPPER_LETTERS}][{LOWER_LETTERS}]+(?:-[{UPPER_LETTERS}]?(?:['’][{UPPER_LETTERS}])?[{LOWER_LETTERS}]+)*"  # a double-barrelled name whole
# (not a body: "Samoa's Ministry of Health said …")
_NAME_SPEECH = re.compile(rf"(?<![{UPPER_LETTERS}][{LOWER_LETTERS}]\s)(?<![{UPPER_LETTERS}][{LOWER_LETTERS}][a-z]\s)(?<![-'’])(?<!\bof\s)\b({_SPEAKER})\s+{_SPEECH}\b|"
                          rf"\b{_SPEECH}\s+({_SPEAKER})\b(?!\s+[A-Z])")
_NOT_NAMES = frozenset("experts officials researchers doctors scientists authorities police everyone people "
                       "many some others critics users patients studies the it he she they this "
                       "today yesterday".split()) | CALENDAR  # "The agency on Thursday warned …": no speaker
_FULL_NAME = re.compile(rf"\b(Dr|Mr|Mrs|Ms|Prof)\.?\s+[{UPPER_LETTERS}][{LOWER_LETTERS}]+|\b[{UPPER_LETTERS}][{LOWER_LETTERS}]+\s+(?:[A-Z]\.\s+)?[{UPPER_LETTERS}][{LOWER_LETTERS}]+\b")
_QUOTE_START = re.compile(r"^\s*[“\"‘']")
# A quotation, curly or straight; a straight one does not run over a line break, and neither runs
# past 1,000 characters, so an unclosed quote in a draft does not swallow the paragraphs after it.
QUOTED = re.compile(r"“[^”]{0,1000}”|\"[^\"\n]{0,1000}\"")


# Capitalised pairs that name places and institutions, not people ("Southeast Asia", "Drug
# Administration"): they give "she said" no speaker.
_NOT_PERSON_WORDS = frozenset("""administration university institute institutes center centre centers centres
    department agency association society foundation hospital hospitals clinic college school council
    organization organisation ministry service services health national american british european food drug
    drugs disease diseases control prevention academy journal medicine medical research southeast southwest
    northeast northwest north south east west southern northern eastern western central new united states kingdom county city state street america asia
    africa europe india china canada australia island islands republic union nations world general public
    royal infirmary trust group company corporation board commission office bureau court parliament laboratory
    laboratories network alliance coalition federation league authority fund program programme
    st saint mt mount san santa los las""".split())  # (a saint's or a place's name: "St John's wort")
_ROLE = re.compile(r"\b(a|an|the|one)\s+([\w-]+\s+){0,3}?(researcher|scientist|doctor|physician|professor|"
                   r"spokes(wo)?man|spokesperson|author|expert|internist|psychiatrist|psychologist|nurse|pharmacist|"
                   r"dietitian|specialist|official|director|president|epidemiologist|surgeon|pediatrician|"
                   r"paediatrician|clinician|investigator|economist|mother|father|mum|mom|dad|parent|grandmother|"
                   r"grandfather|wife|husband|daughter|son|widow|widower|girl|boy|teenager|teen|student|pensioner|"
                   r"athlete|veteran|worker|labourer|laborer|patient|woman|man)\b", re.I)


def _common_plural(word: str) -> bool:
    """"Pharmacists told …", "Parents say …": a group, not a surname."""
    return word.endswith("s") and "NOUN" in _pos(word[:-1].lower())


def introduces_person(text: str) -> bool:
    """Does ``text`` name a person, by name ("Marcus Feld", "Dr. Feld") or by role ("a pharmacist")?"""
    return _people_named(text, 1)


def _full_names(text: str):
    """``_FULL_NAME``'s matches, a capitalised function word in front left out ("When Karen
    Bellamy …" is Karen Bellamy; "By February" is no one)."""
    for m in _FULL_NAME.finditer(text):
        first = re.match(r"[A-Za-z]+", m.group(0)).group(0)
        if first.lower() not in STOPWORDS:
            yield m
            continue
        inner = _FULL_NAME.match(text, m.start() + len(first) + 1) if m.group(0)[len(first):len(first) + 1] == " " else None
        if inner and inner.end() > m.end():  # the name goes on past the function word's pair
            yield inner


def _people_named(text: str, at_least: int) -> bool:
    """Does ``text`` name at least this many people (by name or by role)?"""
    n = 0
    for m in _full_names(text):
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", m.group(0))]
        # the start of a place's or a body's name ("the Royal Severnside Hospital"), a month ("By
        # February I was …")
        following = re.match(r"\s+([A-Z][a-z]+)", text[m.end():])
        if (following and following.group(1).lower() in _NOT_PERSON_WORDS) or CALENDAR.intersection(words):
            continue
        # a person's name has a word the lexicon does not know ("Marcus Feld"); "Dietary
        # Supplement" is made of common words
        if not (set(words) & _NOT_PERSON_WORDS) and (
                m.group(1) or any(not _pos(w) for w in words if w not in ("dr", "mr", "mrs", "ms", "prof"))):
            n += 1
            if n >= at_least:
                return True
    # one name with an age ("Kwabena, 24, a trotro mate from Kasoa, says he …"): a first name
    # kept back for privacy
    n += sum(1 for m in _ONE_NAME_AGED.finditer(text)
             if m.group("w").lower() not in STOPWORDS and not _pos(m.group("w").lower()) and m.group("w") not in CALENDAR)
    return n + len(_ROLE.findall(text)) >= at_least


# "her" as the object of a verb ("a clinic nurse told her that …"): not the subject who tells
_OBJECT_HER = re.compile(r"\b(?:told|tells|tell|asked|asks|gave|gives|offered|sent|showed|warned|advised|helped|let|"
                         r"made|took|brought|called|prescribed|handed|sold|saw|left|put)\s+$", re.I)


# (and no noun after it: "told her that …", not "told her patient …")
_AFTER_OBJECT = re.compile(r"\s*(?:[,.;:!?]|$|(?:that|to|a|an|the|about|it|not|how|what|why|when|where|whether|"
                           r"she|he|they|this|these|so|in|at|on|for|with)\b)", re.I)


def _person_for(pronoun: re.Match, sentence: str, before: str = "") -> bool:
    """Is there someone for this he/him/his/she/her to stand for? An object "him" is not the
    subject of its own clause ("An eye specialist later told him …"): a person the sentence names
    before it stands for it only when it names two."""
    head = sentence[: pronoun.start()]
    if introduces_person(before) or _SOMEONE.search(before):
        return True
    if pronoun.group(0).lower() == "him" or (pronoun.group(0).lower() == "her" and _OBJECT_HER.search(head)
                                              and _AFTER_OBJECT.match(sentence, pronoun.end())):
        return _people_named(head, 2)
    # ("Abernethy-Okoye said she has seen …": the speaker the sentence names, by surname, is "she";
    # whether the lead has introduced that surname is a check of its own)
    return introduces_person(head) or bool(_SOMEONE.search(head)) or bool(_NAME_SPEECH.search(head))


# Who speaks for the evidence: a title or a job beside a name makes it an expert's, not a story's.
_EXPERT = re.compile(r"\b(?:Dr|Prof|Professor|[A-Za-z]*(?:ologist|ician|iatrist)s?|researchers?|scientists?|"
                     r"doctors?|nurses?|pharmacists?|dietitians?|nutritionists?|specialists?|experts?|authors?|"
                     r"directors?|spokes(?:wo)?m[ae]n|spokesperson|officials?|investigators?|surgeons?|"
                     r"clinicians?|chief|president|chair|commissioner|minister|senator|officers?|managers?|coordinators?|"
                     r"advis[eo]rs?|inspectors?|therapists?|counsell?ors?|lecturers?|"
                     r"mayor|councill?ors?|superintendents?)\b", re.I)
_OWNER = re.compile(r"\b(?:her|his|their|my|our|your)\s+(?:[\w-]+\s+)?$", re.I)


# A capitalised word that may be a name, a double-barrelled one whole ("Moriarty-Fonoti", not
# "Moriarty-"): a capital, two more letters, apostrophes or hyphens, each hyphen joining a part.
_NAME_TOKEN = (rf"(?=[{UPPER_LETTERS}][{LOWER_LETTERS}'’-]{{2}})[{UPPER_LETTERS}][{LOWER_LETTERS}'’]*"
               rf"(?:-[{UPPER_LETTERS}]?(?:['’][{UPPER_LETTERS}])?[{LOWER_LETTERS}'’]+)*")  # ("Kulkarni-D'Souza")
# (never across a line end: the prose is a paragraph a line, and "… Tralee, Killarney" over "The
# Kerry Sentinel …" is no "Killarney The")
_NAME_PAIRS = re.compile(rf"(?=\b([{UPPER_LETTERS}][{LOWER_LETTERS}]+)[^\S\n]+({_NAME_TOKEN})\b)")
# A place, not a person: two words the lexicon does not know, after a preposition of place ("not
# registered in Sri Lanka", "from Las Vegas casinos")
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|across|throughout|near|around|outside|within|into|at|from)\s+$", re.I)


def _after_place_word(text: str, start: int, end: int) -> bool:
    """Does the pair at ``start:end`` follow a preposition of place, and not as a possessor ("a
    letter from Debra Sousa's clinic" names a person)?"""
    possessive = re.search(r"['’]s?$", text[start:end]) or re.match(r"['’]s?\b", text[end:end + 2])
    return bool(_LOCATIVE_BEFORE.search(text, max(0, start - 12), start)) and not possessive


def tells_of_a_person(sentence: str) -> bool:
    """A story about someone, not a finding: the sentence names a person in full ("When Derek
    Almanza first bought kratom, …") and no title or job makes them an expert. Feature stories
    open this way; a lead does not."""
    sentence = _untabloid(sentence)
    for m in _NAME_PAIRS.finditer(sentence):  # overlapping: "When Derek Almanza" holds "Derek Almanza"
        first, last = m.group(1).lower(), m.group(2).lower()
        if _named_expert(sentence, m.start(1), m.end(2)):
            return False
        if _after_place_word(sentence, m.start(1), m.end(2)):
            continue  # "… not registered in Sri Lanka"
        # a surname may be a word ("Kieran Dale"), a first name may not
        if ({first, last} & (_NOT_PERSON_WORDS | STOPWORDS) or _pos(first)
                or _EPONYM_NEXT.match(sentence, m.end(2))):
            continue
        # an organisation or a place runs on ("Los Angeles County", "Ontario Poison Centre") or
        # follows "the" ("The Kratom Retailers Alliance")
        if _CAPITAL_NEXT.match(sentence, m.end(2)) or re.search(r"\bthe\s+$", sentence[: m.start(1)], re.I):
            continue
        # … or is the end of a name with "of" in it ("the Journal of Aesthetic and Wellness Practice")
        if _INSIDE_A_NAME.search(sentence, 0, m.start(1)):
            continue
        return True
    return False


# What makes a named person an expert: a title or a job before the name, anywhere (the story's
# speaker: "Dr.", "Dietitian Rafael Obuya", "Psychiatrists in Colombo say … Sri Lanka") or in
# its apposition ("Ana Reyes, a pharmacist at …"). One after it, outside the apposition, is
# someone else ("Darren Mallett … injects a dose while a nurse watches").
_APPOSITION = re.compile(r"\s*,\s*([^,;]{0,100})")


def _named_expert(sentence: str, start: int, end: int) -> bool:
    # (someone's own doctor makes no expert of them: "… until her pharmacist's assistant mentioned …")
    def expert_in(text: str) -> bool:
        return any(not _OWNER.search(text, 0, e.start()) for e in _EXPERT.finditer(text))
    apposition = _APPOSITION.match(sentence, end)
    return expert_in(sentence[:start]) or bool(apposition) and expert_in(apposition.group(1))


_INSIDE_A_NAME = re.compile(r"\b[A-Z][\w'’-]*\s+of\s+(?:[A-Z][\w'’-]*\s+(?:and|&)\s+)?$")


# A feature's scene: "On a Thursday night at the Root & Shell kava bar, every stool is taken by
# 9 o'clock", "Every night before bed, …". A time of day or week anchors it; a date or a year
# ("In 2019, …", "published Monday") is news, not a scene.
_SCENE = re.compile(r"^(?:On|At|By|Late|Early|One|Last|Every|Just|Shortly)\b[^,.;]{0,50}?\b(?:nights?|mornings?|"
                    r"evenings?|afternoons?|weekends?|weekdays?|midnight|noon|dawn|dusk|(?:mon|tues|wednes|thurs|fri|"
                    r"satur|sun)days?|spring|summer|autumn|fall|winter|a\.m\.|p\.m\.|o['’]clock)\b")


# A person called by a first name alone, doing what only people do: "Abdirahman remembers when
# khat was sold openly", "Priya woke at 3 a.m." (not "Pfizer said", which a company does too).
_GIVEN_NAME_STORY = re.compile(rf"^(?:When\s+|After\s+|Before\s+)?([{UPPER_LETTERS}][{LOWER_LETTERS}]{{2,}})\s+"
                               r"(?:still\s+|first\s+|now\s+|never\s+|finally\s+)?(?:remembers|remembered|recalls|"
                               r"recalled|woke|wakes|felt|feels|knew|decided|worried|struggled|admits|admitted|"
                               r"was\s+diagnosed|was\s+\d+\s+(?:when|and|years))\b")


# A tabloid's lede about an unnamed person: "A YOGA teacher has told how …", "A mum-of-two has
# revealed how …", "A grandfather has spoken of …"
_TOLD_HOW = re.compile(r"^(?:an?|one)\s+(?:(?!(?:report|study|review|survey|investigation|analysis|inquiry|paper|audit|"
                       r"trial|committee|panel|agency|charity|company|firm|council|watchdog|regulator|document|book|"
                       r"documentary|film|letter)s?\b)[\w'’-]+\s+){1,4}?(?:has|have|had)\s+(?:told|revealed|described|"
                       r"shared|spoken|recalled|opened\s+up)\s+(?:how|of|about|her|his|their)\b", re.I)


# Someone named in full with their age, opening the sentence: "Jade Parkinson was 29 when …",
# "Lauren Stokes, 34, listens …" (a first name that is also a word, "Jade", too)
# (one name too: "Kwabena, 24, a trotro mate from Kasoa, says …")
_AGED_PERSON = re.compile(rf"^(?:[{UPPER_LETTERS}][{LOWER_LETTERS}]+\s+){{0,2}}[{UPPER_LETTERS}][\w'’-]+"
                          r"(?:,\s+\d{1,3},|\s+(?:was|is)\s+\d{1,3}\s+(?:when|and|years)\b)")


# A tabloid's person by what they are, speaking: "the mum-of-two says she wishes …", "the
# 31-year-old told the paper"
_TABLOID_PERSON = re.compile(r"\b(?:the|a)\s+(?:\d{1,3}-year-old|(?:mum|mom|dad|mother|father|grandmother|grandfather|gran|"
                             r"grandad)-of-(?:one|two|three|four|five|six|\d+))\s+(?:\w+\s+){0,2}?(?:says|said|told|tells|"
                             r"admits|admitted|recalls|recalled|wishes|revealed|explains|explained)\b", re.I)


def anecdotal(sentence: str) -> bool:
    """A feature's story, not its news: a person's anecdote (``tells_of_a_person``, someone named
    with their age, someone called by a first name alone, or a tabloid's "A mum has told how …")
    or a scene set at a time of day or week."""
    if nut_graf(sentence):  # the story's news, told through the person it opened on
        return False
    if _SCENE.match(sentence) or tells_of_a_person(sentence) or _TOLD_HOW.match(sentence):
        return True
    aged = _AGED_PERSON.match(sentence)
    # ("On Tuesday, 12 people …" is a date and a count)
    name = re.split(r",|\s+(?:was|is)\s", aged.group(0))[0] if aged else ""
    aged = aged and not any(w in CALENDAR or w.lower() in STOPWORDS for w in re.findall(r"\w+", name))
    if (aged or _TABLOID_PERSON.search(sentence)) and not _EXPERT.search(sentence):
        return True
    m = _GIVEN_NAME_STORY.match(sentence)
    return bool(m) and not _pos(m.group(1).lower()) and m.group(1).lower() not in _NOT_PERSON_WORDS


# "Henning is one of a growing number of Canadians using …": the news after a feature's anecdote
_NUT_GRAF = re.compile(r"^(?:(?:[A-Z][\w'’-]+\s+){1,2}|(?:She|He)\s+)(?:is|was|are|were)\s+(?:just\s+|now\s+)?(?:one\s+of|among)\s+"
                       r"(?:a|the)?\s*(?:(?:growing|rising|increasing|small|large|tiny)\s+)?(?:number|wave|group|thousands|"
                       r"millions|hundreds|many)\b"
                       # "… one of about 6,200 people who …"
                       r"|^(?:(?:[A-Z][\w'’-]+\s+){1,2}|(?:She|He)\s+)(?:is|was)\s+(?:just\s+|now\s+)?one\s+of\s+"
                       r"(?:(?:about|around|more\s+than|nearly|almost|roughly|some|an\s+estimated)\s+)?\d[\d,.]*\s+"
                       r"(?:(?:million|thousand)\s+)?[a-z]+"
                       # told by those who see it: "Counsellors at the centre say Kwabena, who asked …, is one
                       # of a growing number of young men …"
                       r"|^[^.;]{0,120}?\b(?:say|says|said)\s+(?:that\s+)?[A-Z][\w'’-]+(?:,[^,;]{1,80},)?\s+(?:is|was)\s+"
                       r"(?:just\s+|now\s+)?(?:one\s+of|among)\s+(?:a|the)?\s*(?:growing|rising|increasing)\s+"
                       r"(?:number|wave|group)\b")


_AGED_NAME = re.compile(rf"\b(?P<w>[{UPPER_LETTERS}][{LOWER_LETTERS}]+),\s+(?:an?\s+)?\d{{1,3}}(?:,(?![\d])|-year-old\b)")


# "… who asked that only his first name, Ibrahim, be used", "… gave only her first name, Ama"
_FIRST_NAME_ONLY = re.compile(rf"\b(?:his|her|their)\s+first\s+name,?\s+(?P<w>[{UPPER_LETTERS}][{LOWER_LETTERS}]+)\b")


def aged_people(text: str) -> frozenset[str]:
    """The names a story gives with an age ("Then Tyler, 17, stopped eating", "Denise Caldwell,
    45,") or as a first name only, for privacy: the people of its anecdote, not its experts."""
    return frozenset(m.group("w") for pattern in (_AGED_NAME, _FIRST_NAME_ONLY) for m in pattern.finditer(text)
                     if m.group("w").lower() not in STOPWORDS and not _pos(m.group("w").lower()))


# "Her case is one of 11 that doctors have linked to …", "Azzopardi's story is increasingly familiar
# to emergency doctors, who …": the person's case as an instance of the news
CASE_NOUNS = r"case|story|experience|situation"  # what a person's anecdote is called
_CASE_IS_NEWS = re.compile(r"^(?:(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+['’]s?|Her|His|Their)\s+(?:"
                           rf"{CASE_NOUNS})\s+(?:is|was)\s+"
                           r"(?:\w+\s+){0,2}?(?:one\s+of|not\s+(?:unusual|unique|rare|isolated)|typical|"
                           r"familiar|common|far\s+from\s+(?:unusual|unique|rare|isolated))\b")


def nut_graf(sentence: str) -> bool:
    """Does the sentence turn from a feature's anecdote to its news ("Henning is one of a growing
    number of Canadians using …")?"""
    return bool(_NUT_GRAF.match(sentence) or _CASE_IS_NEWS.match(sentence))


_TITLES = frozenset("Dr Mr Mrs Ms Mx Prof Professor Dame Sir Lady Lord Rev".split())
_TABLOID_OPENING = re.compile(rf"^([A-Z])([A-Z]{{3,}})\b(?=\s+[{UPPER_LETTERS}][{LOWER_LETTERS}])")


def _untabloid(text: str) -> str:
    """A tabloid prints a story's first word in capitals ("KERRY Hughes was sick of …"): the
    name as it is everywhere else ("Kerry Hughes")."""
    return _TABLOID_OPENING.sub(lambda m: m.group(1) + m.group(2).lower(), text)
_CAPITAL_NEXT = re.compile(r"[\s-]+[A-Z]")
# A name that names a disease, a sign or a scale ("De Barsy syndrome", "Guillain-Barré syndrome").
_EPONYM_NEXT = re.compile(r"(?:['’]s)?[\s-]+(syndrome|disease|disorder|deficiency|sign|test|scale|score|criteria|"
                          r"method|technique|procedure|effect|phenomenon|reflex|palsy|anomaly|dystrophy|myopathy|"
                          r"cyst|tumou?r|sarcoma|lymphoma|virus|bacteria|index)\b", re.I)


# A time adverbial in front does not give a pronoun its antecedent ("Today it is sold as ...").
# (a span of time is no antecedent: "After eight weeks, their average score …" leans on the draft)
_LEAD_ADVERBIAL = re.compile(r"^(today|now|nowadays|currently|these days|at present|in (the )?\d{4}s?|but|and|yet|"
                             r"(after|within|for|over|during|in|by)\s+(the\s+)?(first\s+|past\s+|last\s+|next\s+)?"
                             r"([\w-]+\s+){0,2}(days?|weeks?|months?|years?|hours?|minutes?|decades?|nights?)|"
                             # how often, not what: "In rare cases this can trigger …" leans on the draft
                             r"(in|at)\s+(rare|some|most|many|a\s+few|severe|extreme|serious|isolated|exceptional)\s+(cases|instances))"
                             r",?\s+", re.I)


_SINGULAR_PRONOUNS = frozenset("it its".split())
_PLURAL_PRONOUNS = frozenset("they them their".split())
_PRONOUNS_3RD = _SINGULAR_PRONOUNS | _PLURAL_PRONOUNS


# What opens a second clause (or a phrase set off), where a pronoun may find its antecedent.
_CLAUSE_BREAK = re.compile(r"[,;:—–()]|\b(?:that|which|who|whom|whose|what|if|when|whenever|because|since|although|"
                           r"though|while|unless|until|as|after|before|once|where|so|than|to|"
                           # a reported clause without "that" ("Users say they need it")
                           r"says?|said|thinks?|thought|believes?|believed|knows?|knew|feels?|felt|finds?|found|"
                           r"reports?|reported|claims?|claimed|suggests?|suggested|hopes?|hoped|fears?|feared)\b", re.I)
_COORDINATOR = re.compile(r"\b(?:and|but|or|nor)\b", re.I)
# the pronoun last, or before an adverb ("Most people tolerate it well")
_FINAL_OBJECT = re.compile(r"\b(?P<p>it|them)(?:\s+(?:well|daily|too|again|often|anyway|\w+ly))?\W*$", re.I)


def _co_argument_pronoun(body: str) -> str | None:
    """An "it"/"them" ending a sentence of one clause ("The FDA has warned doctors and the public
    about it"): it cannot stand for that clause's subject or objects (those would be "itself",
    "themselves"), so it stands for something before the sentence."""
    m = _FINAL_OBJECT.search(body)
    if m is None or _CLAUSE_BREAK.search(body, 0, m.start()):
        return None
    # "and" between two clauses ("… in six states and may ban it"), not two objects
    for c in _COORDINATOR.finditer(body, 0, m.start()):
        if any(has_finite_verb(w) for w in _lower_tokens(body[c.end():m.start()])):
            return None
    return m.group("p").lower()


def _unanchored_pronoun(tokens: list[str]) -> str | None:
    """A non-initial "it"/"them"/"their" in a lead's first sentence with no noun before it to
    stand for ("Herbalists class it as an adaptogen"): the reader has nothing to resolve it to.

    A candidate antecedent is a content word before the pronoun that can be a noun (or is not in
    the lexicon: a name) and agrees in number with it; a word that can also be a verb counts only
    first in the sentence or after a determiner, so the verb the pronoun is the object of
    ("class it") never does."""
    # One pass: whether a noun that agrees with "it" (singular) or "they" (any) stands before
    # the word before the pronoun; that word itself is checked on its own (it may be the verb).
    singular = False
    plural = plurals = 0  # nouns that could stand for "they", and plurals that may be verbs
    for i, t in enumerate(tokens):
        if not i:
            continue
        noun, verb_like = _antecedent(tokens, i - 1)  # the word before this one
        # (a possessive is one thing: "Kanna's benefits … and its safety")
        singular_noun = noun and (_possessive(tokens[i - 1]) or not looks_plural(tokens[i - 1]))
        if t in _PRONOUNS_3RD:
            near = noun and not verb_like  # a noun right before it, not the verb of "class it"
            # an object "them" is not its own clause's subject ("Most supermarkets refuse to
            # sell them"): it needs a second noun ("Researchers gave volunteers … and asked them")
            # (a plural that may also be a verb, "find pouches", counts as that second one)
            wanted = 2 if t == "them" and not near and tokens[i - 1] not in STOPWORDS else 1
            found = (singular or (near and singular_noun)) if t in _SINGULAR_PRONOUNS else (
                near or (plural and plural + plurals >= wanted))
            if not found:
                return t
        singular |= singular_noun  # from here on, that word is two or more words back
        plural += bool(noun)
        plurals += not noun and tokens[i - 1] not in STOPWORDS and looks_plural(tokens[i - 1])
    return None


# A fronted subordinate clause whose "it" the main clause names ("Although it is sold legally,
# kratom carries a risk of dependence"; "Until trials show that it helps, the authors concluded,
# the risks of low-dose quetiapine are hard to justify"), past a speaker set off by commas.
_SUBORDINATE = re.compile(r"^(?:until|unless|if|when|whenever|while|although|though|because|before|after|once|since)\b"
                          r"(?P<clause>[^,;:]*),\s+(?:[^,;:]{0,40}\b(?:said|says|concluded|added|noted|wrote),\s+)?"
                          r"(?P<rest>.*)", re.I)
_CATAPHORA_WORDS = 5  # how far into the main clause its subject may name what "it" stands for


def _cataphora(body: str, pronoun: str) -> bool:
    """Does ``pronoun`` (it/its) sit in a fronted subordinate clause whose main clause names, in its
    first words, a rare word it can stand for (a drug's name, not "the body")?"""
    m = _SUBORDINATE.match(body)
    if pronoun not in ("it", "its") or m is None or pronoun not in _lower_tokens(m.group("clause")):
        return False
    rest = _lower_tokens(m.group("rest"))
    # (the main clause's later pronouns must have their own antecedent, the named word included)
    if _unanchored_pronoun(rest):
        return False
    for w in rest[:_CATAPHORA_WORDS]:
        if w.split("'")[0] in _PRONOUNS_3RD:  # "Because it was a survey, it cannot show …": its own subject is a pronoun
            return False
        pos = _pos(w)
        if w.isalpha() and w not in STOPWORDS and zipf(w) < RARE_NAME_ZIPF and (not pos or "NOUN" in pos or "PROPN" in pos):
            return True
    return False


def _possessive(word: str) -> bool:
    """"kanna's", "the trial's": a noun's possessive (not "that's", "here's": a contracted "is")."""
    return word.endswith("'s") and word[:-2] not in STOPWORDS


def _antecedent(tokens: list[str], j: int) -> tuple[bool, bool]:
    """(can ``tokens[j]`` stand for a pronoun after it, can it also be a verb)."""
    w = tokens[j]
    if w in STOPWORDS or not w[:1].isalpha():
        return False, False
    pos = _pos(w)
    if pos and "NOUN" not in pos and "PROPN" not in pos:
        return False, False
    verb = "VERB" in pos
    # a word that can be a verb is a noun as the sentence's first word ("Sleep matters because
    # it …"), after a determiner ("the drug"), an adjective ("older people") or a number
    if verb and j and tokens[j - 1] not in _DETERMINERS and not _modifier(tokens[j - 1]) \
            and not _possessive(tokens[j - 1]):
        return False, True
    return True, verb


def _has_plural_noun(text: str) -> bool:
    """A plural noun (or a group: "the agency", "officials") a "they" can stand for."""
    for w in WORD.findall(text):
        lw = w.lower()
        if lw in STOPWORDS:
            continue
        pos = _pos(lw)
        if (looks_plural(lw) and ("NOUN" in pos or not pos)) or lw in _COLLECTIVE:
            return True
    return False


_COLLECTIVE = frozenset("people police staff team agency government company committee panel family public".split())


def _modifier(word: str) -> bool:
    """An adjective that cannot be a verb ("older", "chronic"), or a number."""
    if word[:1].isdigit():
        return True
    pos = _pos(word)
    return "ADJ" in pos and "VERB" not in pos


def surnames(text: str) -> frozenset[str]:
    """Surnames of the people a draft names in full ("Marcus Reyes"): both words unknown to the
    lexicon, so "United States" or "Southeast Asia" are not people. A first name the draft also
    uses alone ("Kerry, though, is sticking with them") is one too: a tabloid's second reference.

    Linear in the draft: how each capitalised word is used (alone, after a lower-case word,
    next to a speech verb) is read in one pass each, not searched for name by name."""
    alone = _words_in(_ALONE, text)
    after_lower = _words_in(_AFTER_LOWER, text)
    quoted = _words_in(_BEFORE_SPEECH, text) | _words_in(_AFTER_SPEECH, text)
    out = set()
    for m in _NAME_PAIRS.finditer(_untabloid(text)):
        first, last = m.group(1), m.group(2)
        if first.lower() not in STOPWORDS and not _pos(first.lower()) and not _pos(last.lower()) and first in alone:
            out.add(first)
    # a pair every use of which follows a preposition of place is a place ("in Sri Lanka")
    placed: dict[tuple[str, str], bool] = {}
    for m in _NAME_PAIRS.finditer(text):
        after_place = _after_place_word(text, m.start(1), m.end(2))
        placed[m.group(1), m.group(2)] = placed.get((m.group(1), m.group(2)), True) and after_place
    for m in _NAME_PAIRS.finditer(text):  # overlapping: "When Derek Almanza"
        first, last = m.group(1), re.sub(r"['’]s?$", "", m.group(2))  # "Debra Sousa's clinic": Sousa
        # (nor a function word or a day after a line without a full stop: "… expected by Monday" then
        # "The ministry …" is no "Monday The")
        if first.lower() in STOPWORDS or last.lower() in STOPWORDS or first in CALENDAR:
            continue
        if first.lower() in _NOT_PERSON_WORDS or last.lower() in _NOT_PERSON_WORDS or placed[m.group(1), m.group(2)]:
            continue  # a place or a body: "Western India Cancer Institute", "Pingtung County", "in Sri Lanka"
        if _pos(last.lower()) and _CAPITAL_NEXT.match(text, m.end(2)):
            continue  # a word inside a longer name: "Te Whanganui-a-Tara Gambling Harm Service"
        if _pos(last.lower()):  # "The Kratom Trade Council"
            # a surname that is also a word ("Kieran Dale") counts when the first name is none
            # and the draft goes on to use the surname alone mid-sentence ("For months Dale had …")
            # or quotes it alone ('"…," Marsh told the site')
            if _pos(first.lower()) or not (last in after_lower or last in quoted):
                continue
            out.add(last)
            continue
        # a first name that is also a word ("Dean Hollis", "Grace Otieno") counts when the draft
        # goes on to quote the surname alone ("Hollis says", "said Hollis")
        if not _pos(first.lower()) or last in quoted:
            out.add(last)
    # a person the story names by one name only, given with an age ("Sajid, a 34-year-old taxi
    # driver, …", "Amira, 29, …"): usually a first name kept back for privacy (not "Clobazam, a
    # 1,5-benzodiazepine, …")
    for m in _ONE_NAME_AGED.finditer(text):
        if m.group("w").lower() not in STOPWORDS and not _pos(m.group("w").lower()):
            out.add(m.group("w"))
    return frozenset(out)


_ONE_NAME_AGED = re.compile(rf"(?:^|(?<=[.!?\n])\s*)(?P<w>[{UPPER_LETTERS}][{LOWER_LETTERS}]+),\s+(?:an?\s+)?\d{{1,3}}(?:,(?![\d])|-year-old\b)")


# How a capitalised word is used: alone (no capitalised word after it), after a lower-case word,
# before or after a speech verb. Lookaheads, so that overlapping uses are all seen.
_ALONE = re.compile(rf"\b(?P<w>[{UPPER_LETTERS}][{LOWER_LETTERS}]+)\b(?!\s+[A-Z])")
# (not after an article or inside a name: "the Alcohol Dependence Scale", "Drugs and Alcohol Group")
_AFTER_LOWER = re.compile(rf"\b(?!(?:the|a|an|and|of|for)\b)[a-z][\w'’-]*,?\s+(?=(?P<w>{_NAME_TOKEN})\b)")
_BEFORE_SPEECH = re.compile(rf"\b(?=(?P<w>{_NAME_TOKEN})\s+{_SPEECH}\b)")
_AFTER_SPEECH = re.compile(rf"\b{_SPEECH}\s+(?=(?P<w>{_NAME_TOKEN})\b)")


# A capitalised word that may be a surname (accented letters too: "Villaseñor").
NAME_WORD = re.compile(rf"\b{_NAME_TOKEN}\b")


def name_words(text: str) -> list[str]:
    """The capitalised words of ``text`` that may be names, each without a possessive ending
    ("Waqa's case": Waqa)."""
    return [re.sub(r"['’]s?$", "", w) for w in NAME_WORD.findall(text)]


def _words_in(pattern: re.Pattern, text: str) -> set[str]:
    """The words ``pattern`` captures, each also without a possessive ending ("Reyes's": Reyes's, Reyes)."""
    out = set()
    for m in pattern.finditer(text):
        word = m.group("w")
        out.add(word)
        out.add(re.sub(r"['’]s?$", "", word))
    return out


def dangling_reason(sentence: str, previous: list[str], names: frozenset[str] = frozenset()) -> str | None:
    """Why ``sentence`` needs context that ``previous`` (the lead before it) does not give.
    ``names``: the draft's surnames (``surnames``); one used alone ("Last year, Reyes, 41,
    enrolled …") needs the full name before it."""
    reason = _dangling(sentence, previous)
    if reason or not names:
        return reason
    before = " ".join(previous)
    for m in NAME_WORD.finditer(sentence):
        name = re.sub(r"['’]s?$", "", m.group(0))  # "Vega's experience": Vega
        full = re.search(rf"\b([{UPPER_LETTERS}][{LOWER_LETTERS}]+)\s+{re.escape(name)}\b", sentence[: m.end()])
        # "Marcus Reyes", not "Dr. Reyes" or "Mr Platt" (a title introduces no one: the draft
        # gave the full name earlier) nor "For Reyes" (a capitalised function word)
        # ("said Professor Tom Gallagher-Huang": after a title, a first name that is also a word)
        full = full and (full.group(1) not in _TITLES and full.group(1).lower() not in STOPWORDS
                         and (not _pos(full.group(1).lower()) or bool(TITLE_BEFORE.search(sentence, 0, full.start(1)))))
        if (name in names and not full and not re.search(rf"\b{re.escape(name)}\b", before)
                and not _CAPITAL_NEXT.match(sentence, m.end())):  # "Kerry Hughes": the full name
            return f"surname {name!r} not introduced in the lead"
    return None


def leans_on_a_person(sentence: str) -> bool:
    """A "he"/"her" or "she said" whose person the sentence itself does not introduce ("Both of
    her kids take them", "Doctors found he had been drinking …"): it stands for someone an
    earlier sentence of the draft named."""
    m = _PRONOUN_SPEECH.search(sentence)
    if m and not _speakers_before(m, _speaker_context(m, sentence)):
        return True
    m = _PERSON_PRONOUN.search(sentence)
    return bool(m) and not _person_for(m, sentence)


# ", she said." closing the sentence: what it reports is advice or a claim, and a person it
# mentions ("talk with a clinician …, she said") is not who said it
_CLOSING_TAG = re.compile(r"\s*(?:\w+ly\s*)?[.!?]?[\"”’']*\s*")


def _speaker_context(m: re.Match, sentence: str, before: str = "") -> str:
    """Where the speaker of "he/she/they said" (``m``) may be introduced: before it in the
    sentence, or, for a tag closing the sentence, only in the lead before (``before``) or as
    the sentence's opening name ("Dr. Lena Abbott recommends …, she said.")."""
    head = sentence[:m.start()]
    if head.rstrip().endswith(",") and _CLOSING_TAG.fullmatch(sentence[m.end():]):
        opening = _FULL_NAME.match(sentence.strip().lstrip("\"“‘'("))
        return before + (" " + opening.group(0) if opening else "")
    return (before + " " + head) if before else head


def _speakers_before(m: re.Match, text: str) -> bool:
    """Does ``text`` name who "he/she/they said" (``m``) stands for: a person, or for "they"
    people in the plural ("Bar owners … Kava, they say, …")?"""
    if m.group(1).lower() == "they":
        return _has_plural_noun(text)
    return introduces_person(text)


def imperative(sentence: str) -> bool:
    """The sentence tells the reader to do something: it opens on a verb followed by its object's
    determiner ("Use a decongestant spray for more than a few days and …", "Take it with food");
    a noun subject is followed by its verb, not by a determiner."""
    tokens = [t.lower() for t in WORD.findall(sentence.strip())[:2]]
    # (a base form: "Calls to poison centers …" is a plural noun, "Assess" a verb)
    return (len(tokens) == 2 and "VERB" in _pos(tokens[0]) and tokens[0] not in STOPWORDS
            and (not tokens[0].endswith("s") or tokens[0].endswith("ss")) and tokens[1] in _OBJECT_OPENERS)


_OBJECT_OPENERS = frozenset("a an the this these those its their his her our your my some any each every it them".split())


def opens_on_pronoun(sentence: str) -> bool:
    """The sentence's subject is a personal pronoun: its first word ("It also can't show …",
    "“They …"), or the first word after a short fronted phrase ("After eight weeks, their
    average score …", "Taken often, it can lead to tolerance …")."""
    s = sentence.strip().lstrip("\"“‘'(")
    m = re.match(r"([A-Za-z]+)", _LEAD_ADVERBIAL.sub("", s, count=1))
    if m and m.group(1).lower() in _PERSONAL:
        return True
    # a demonstrative standing alone as the subject ("These are generally gentler …"), as a pronoun
    m = re.match(r"(this|these|those|that)\s+([a-z']+)", _LEAD_ADVERBIAL.sub("", s, count=1), re.I)
    if m and (m.group(2).lower() in AUX or m.group(2).lower() in ("can", "may", "might", "could", "will", "would")):
        return True
    fronted = re.match(r"(?:[\w'’-]+\s+){0,5}[\w'’-]+,\s+([A-Za-z]+)\b", s)
    return bool(fronted) and fronted.group(1).lower() in _PERSONAL


# "A new study suggests otherwise": the claim it denies is the draft's sentence before
_OTHERWISE = re.compile(r"\b(suggest|suggests|suggested|say|says|said|show|shows|showed|prove|proves|proved|argue|argues|"
                        r"argued|think|thinks|thought|believe|believes|found|finds|indicate|indicates|indicated)\s+otherwise\b",
                        re.I)


# "The ketamine, prescribed after a video call, did.": a verb phrase left out because the sentence
# before it said it ("Nothing else helped."); a short subject or one closed by an aside, then the
# bare auxiliary
_ELIDED = re.compile(r"^(?:(?:but|yet|and)\s+)?(?P<subject>.+?)\s+(?P<aux>did|does|do|didn['’]t|doesn['’]t|don['’]t|can|"
                     r"could|can['’]t|couldn['’]t|will|would|won['’]t|has|have|had)(?:\s+(?:too|not|so))?\s*[.!]?[\"”’']?\s*$",
                     re.I)
MAX_ELIDED_SUBJECT_WORDS = 5


def _elided(s: str) -> str | None:
    m = _ELIDED.match(s.strip())
    if not m:
        return None
    subject = m.group("subject")
    if subject.rstrip().endswith(",") or len(subject.split()) <= MAX_ELIDED_SUBJECT_WORDS:
        return f"ends on a bare {m.group('aux')!r}: its verb is in the sentence before"
    return None


# "But 12% said they had taken more …", "Only 11 asked for …": a share or a count of a group the
# sentence does not name (a year is no count)
_NUMBER_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
                r"fifty|sixty|seventy|eighty|ninety|hundred)")
_BARE_SHARE = re.compile(r"^(?:(?:but|and|yet|still|overall|however|in all)\s*,?\s+)?(?:(?:about|around|nearly|almost|only|just|"
                         r"roughly|some|over|under|more than|fewer than|less than)\s+)?(?:\d+(?:\.\d+)?\s*(?:%|percent|per cent)|"
                         r"(?!(?:19|20)\d\d\b)\d{1,3}(?:,\d{3})*|"
                         # spelled out: "Forty-one per cent", "Four in five", "Nine out of ten"
                         rf"{_NUMBER_WORD}(?:[\s-]{_NUMBER_WORD})?\s*(?:%|percent|per\s+cent)|"
                         rf"{_NUMBER_WORD}\s+(?:in|out\s+of)\s+{_NUMBER_WORD}|"
                         r"(?:a|one)[\s-](?:third|quarter|fifth|half)|half|two[\s-]thirds|three[\s-]quarters)\s+(?:said|say|says|"
                         r"reported|report|had|have|were|was|did|took|used|admitted|described|felt|stopped|needed|asked|"
                         r"mentioned|agreed|answered|responded|declined|refused|developed|experienced|quit|named|cited|listed|gave|chose)\b", re.I)
# "The largest, a six-week study of 70 adults, found …": the largest of a group the sentence before named
_ELLIPTIC_SUPERLATIVE = re.compile(r"^(?:the|its|their)\s+(?:largest|biggest|smallest|longest|shortest|latest|earliest|"
                                   r"oldest|newest|first|second|third|last|best|worst|most\s+recent)\s*,", re.I)


# Anywhere in the sentence, words that point back to a study: "… carried out by the same team",
# "In a separate survey, …" ("the same time" points nowhere)
_SAME = re.compile(r"\bthe\s+same\s+(?P<noun>team|group|researchers|authors|study|trial|survey|review|analysis|sample|"
                   r"participants|patients|cohort|investigators|scientists)\b", re.I)
_SEPARATE = re.compile(r"\b(?:a|one)\s+separate\s+(?:[a-z-]+\s+)?(?P<noun>study|survey|trial|analysis|review|paper|report)\b", re.I)


def _points_back(s: str, before_lemmas: set[str]) -> str | None:
    for pattern in (_SAME, _SEPARATE):
        m = pattern.search(s)
        if m and not before_lemmas & (_STUDY_WORDS | _BRIDGED) and lemma(m.group("noun").lower()) not in before_lemmas:
            return f"'{m.group(0)}' points back to a study the lead has not introduced"
    return None


# Modifiers of a particular study ("the 12-week trial", "the new study"); an ordinal or a superlative
# ("the first large trial of …") introduces one.
_STUDY_MODIFIERS = frozenset("""new recent latest pilot small large randomized randomised controlled clinical
observational same original current""".split())
# A study's span: "Over the 12-week follow-up, …"
_STUDY_PARTS = frozenset("follow-up followup".split())
# After "the research" these speak of research in general ("The research on kava is limited").
_GENERAL_RESEARCH = frozenset("on into about behind backing supporting base literature evidence so to in for is are "
                              "remains remain has have".split())
# A phrase fronted before a pronoun subject, with no clause of its own: a preposition ("Like other
# opioids, it …", "In older adults, they …") or a participle ("Combined with antidepressants, they
# …"). Its nouns are not what the pronoun stands for, so they do not anchor it.
# Prepositions of time and place that front a phrase ("At the end of the trial, …").
_FRONTING_PREPOSITIONS = r"at|by|over|during|after|in|throughout|before|until|from|across|within|among"
FRONTED_PHRASE = (rf"(?:(?:{_FRONTING_PREPOSITIONS}|with|without|"
                  r"for|on|like|unlike|despite|besides|compared\s+(?:with|to)|along\s+with|"
                  r"[a-z]+(?:ed|en)\s+(?:with|alongside|together\s+with|by|at|in|on|as|for|over|under))\s+[^,;:]{0,80}?),\s+")
_FRONTED_PRONOUN = re.compile(rf"^{FRONTED_PHRASE}(?P<p>it|they|its|their)\b", re.I)
# … or after one fronted word: "Online, this is often called lip balm addiction"
# (or, without its comma, a word that says the things act together: "Together these can slow breathing")
_ADVERB_FRONTED = re.compile(r"^(?:[A-Za-z]+,|together|combined|jointly)\s+(?P<p>this|these|those|they)\s+(?:is|are|was|were|has|have|had|can|could|may|might|"
                             r"will|would|seems?|appears?|means?)\b", re.I)
# A short fronted phrase before the subject ("At the end of the trial, …", "In the study, …").
_FRONTED = re.compile(rf"^((?:{_FRONTING_PREPOSITIONS}|of)\s+[^,;:]{{0,60}}?),\s", re.I)
# "also" after the subject and its auxiliary, not "also known as"
_ALSO_EARLY = re.compile(r"^(?:[\w'’-]+\s+){1,4}(?:(?:is|are|was|were|has|have|had|can|could|may|might|will|would|should|"
                         r"does|do|did)\s+)?also\b(?!\s+(?:known|called|referred|spelled|spelt|nicknamed|termed)\b)", re.I)

# "The clearest effects …", "None of the 14 pots …": the best of results, and a share of a
# counted set, that the lead may not have reported
_BEST_OF = re.compile(r"^the\s+(?:clearest|biggest|largest|strongest|greatest|smallest|most\s+\w+|best|main|only)\s+"
                      r"(?P<noun>effects?|benefits?|results?|findings?|improvements?|changes?|gains?|differences?)\b"
                      r"(?!\s+(?:of|from|for|in)\b)", re.I)
_OF_THE_COUNTED = re.compile(r"^(?:only\s+|just\s+|about\s+|nearly\s+|almost\s+)?(?:none|all|most|many|some|each|half|"
                             r"several|few|both|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+of\s+the\s+"
                             r"(?P<n>\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                             r"(?P<noun>[a-z-]+)\b", re.I)
# "Only two of the studies …" (a count needs the whole it is counted from; "Most of the trials
# were small" speaks of the subject's trials)
_SHARE_OF_THE = re.compile(r"^(?:only\s+|just\s+|about\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+of\s+the\s+|"
                           r"^of\s+the\s+", re.I)


# ("Both of her kids": the possessive anchors the pair, and the pronoun is checked on its own)
# ("Both men and women", "Both prescription drugs and supplements" name no pair; "Both studies
# were controlled before and after studies" does)
_BOTH = re.compile(r"^(?:both|neither)\s+(?:of\s+)?(?:the\s+|these\s+|those\s+)?(?!(?:of|his|her|their|its|my|our|your)\b)"
                   r"(?P<head>[a-z][\w-]*)\b(?!\s+(?:[\w-]+\s+)?(?:and|nor)\b)", re.I)
# One of a set the lead has not named: "Two of them had seizures", "In three of these it was
# reported …", "The remaining study assessed …", "The latter was stopped early", "All seven had …"
_SUBSET_OF_THEM = re.compile(rf"^(?:(?:in|of|for|among|at|on|from)\s+)?(?:{_NUMBER_WORD}|\d+|some|most|many|all|each|none|"
                             r"several|half|both|either|neither)\s+of\s+(?:them|these|those)\b(?P<next>\s+[a-z]+)?", re.I)
_REMAINING = re.compile(r"^the\s+(?P<word>remaining|other|latter|former)\b(?:\s+(?:\d+|" + _NUMBER_WORD[3:-1] + r"))?"
                        r"(?:\s+(?P<head>[a-z]+))?", re.I)
# a count or share standing for its noun: "Nearly all were men aged 18 to 30", "Seven compared
# clobazam with placebo", "Nine were hospitalised"
# ("All seven had …", "The 12 were …": a number after "all" or "the" too)
_COUNT_AS_SUBJECT = re.compile(rf"^(?:(?:nearly|almost|virtually|about|around|roughly|only|just|fewer than|more than)\s+)?"
                               rf"(?:(?:all|the)\s+(?=(?:{_NUMBER_WORD}|\d+)\b))?"
                               rf"(?P<count>all|most|half|none|{_NUMBER_WORD}(?:-\w+)?|(?<=all |the |All |The )\d+)\s+(?P<verb>[a-z]+)\b", re.I)
# "…, said the result had been misread": a study's result, said as if the lead had reported one
_SAID_THE_STUDY = re.compile(r"\b(?:said|says|added|adds|noted|notes|stressed|warned|explained)\s+(?:that\s+)?the\s+"
                             r"(?P<noun>study|studies|review|trial|trials|result|results|findings|finding|survey|research|report)\b",
                             re.I)
# "the bigger danger": bigger than something the lead has said
_COMPARED_CONCERN = re.compile(r"\bthe\s+(?:bigger|greater|larger|worse|more\s+(?:serious|important|pressing|immediate))\s+"
                               r"(?:danger|risk|problem|concern|worry|issue|threat|question)\b", re.I)
_CONCERN_LEMMAS = frozenset("danger risk problem concern worry issue threat harm question".split())
_NOT_A_SET = frozenset("day days week weeks month months year years decade night morning time times side hand way".split())
# people a story names one by one ("Dr. Ana Ruiz …", "Dr. Tom Lee …"), then calls "both doctors"
_PAIR_OF_PEOPLE = frozenset("doctor expert researcher scientist physician specialist author clinician psychiatrist "
                            "pharmacist nurse professor".split())


# People randomised, or given a placebo, were in a trial ("Of the 438 participants randomised, …"
# introduces "the trial")
_RANDOMISED = frozenset("randomise randomize placebo".split())


def _introduced(head: str, before_lemmas: set[str]) -> bool:
    """Has the lead introduced ``head`` (a lemma): named it, or, for a study's people and results
    ("the researchers", "these findings"), named a study?"""
    return (head in before_lemmas or (head in _BRIDGED and bool(before_lemmas & _STUDY_WORDS))
            or (head in _FINDINGS and bool(before_lemmas & _RESULT_WORDS))
            or (head == "trial" and bool(before_lemmas & _RANDOMISED)))


_MEMBER_OF_THE = re.compile(r"^(?:(?:some|many|most|all|several|few|half|one|two|three|four|five|\d+|a\s+third|a\s+quarter)\s+"
                            r"(?:of\s+the\s+)?)?(?:[a-z-]+\s+){0,2}?(?:women|men|people|adults|children|patients|participants|"
                            r"volunteers|users|teens|teenagers|students|mice|rats|those|subjects)\s+(?:in|from|enrolled\s+in)\s+"
                            r"(?=the\s)", re.I)


# A restrictive relative clause, its "that" kept or dropped, defines the noun it follows
_DEFINING_RELATIVE = frozenset("that which who whom whose people you we".split())


def _definite_study(words: list[str], before_lemmas: set[str], in_phrase: bool = False) -> str | None:
    """Why "the" + ``words`` names a study, a person or a thing the lead has not introduced
    ("the trial", "the 12-week trial", "the research, published …"), or None."""
    i = 0
    while i < min(2, len(words) - 1) and (words[i] in _STUDY_MODIFIERS or any(c.isdigit() for c in words[i])):
        i += 1
    if i >= len(words):
        return None
    noun = words[i].split("'")[0]
    after = words[i + 1] if i + 1 < len(words) else ""
    if after in _DEFINING_RELATIVE and not in_phrase:
        return None  # a clause says which: "The pills people reach for when a headache strikes …"
    if noun == "research":
        if (after in _GENERAL_RESEARCH and not i) or before_lemmas & _STUDY_WORDS:
            return None
    elif noun in _STUDY_PARTS:
        if before_lemmas & _STUDY_WORDS:
            return None
    elif noun not in ANAPHORIC_NOUNS or (in_phrase and noun not in _STUDY_WORDS | {"trials", "studies"}):
        return None
    elif noun in _IDEA_NOUNS and after in _RELATIONAL_COMPLEMENT:  # "the idea behind lozenges is …"
        return None
    elif noun in _NAMING_NOUNS and (after[:1] in "\"“‘'" or (after.isalpha() and zipf(after) < RARE_NAME_ZIPF)):
        return None  # "the term 'cyberchondria'", "the term cyberchondria"
    else:
        head = lemma(noun)
        if _introduced(head, before_lemmas):
            return None
    return f"'the {' '.join(words[:i + 1])}' not introduced in the lead"


# Nouns that need a complement ("the cause of …", "the reason for …") or a sentence before them.
_RELATIONAL = frozenset("cause culprit reason answer explanation catch twist upshot".split())
_RELATIONAL_COMPLEMENT = frozenset("of for behind why that".split())
_AGED = re.compile(r"\d+-(?:year|month|week)s?-old")


# "The jab was triamcinolone, …", "The powder was phenibut": a sentence that names what a thing
# the draft described before turned out to be; with nothing before it, the thing is unknown
_IDENTIFIES = re.compile(r"^the\s+(?P<noun>[a-z]+)\s+(?:was|were|turned\s+out\s+to\s+be|proved\s+to\s+be)\s+"
                         r"(?:an?\s+)?(?P<name>[\w-]+)\s*[,.;(]")
# "Within a year, the Geelong mother of three was …": a person described as someone the draft
# told of before (one or two words, a place's name or an adjective, may stand before the noun)
_DESCRIBED_PERSON = re.compile(rf"^(?:{FRONTED_PHRASE})?the\s+(?:[{UPPER_LETTERS}][\w'’-]+\s+){{0,2}}"
                               r"(?P<noun>mother|father|grandmother|grandfather|woman|man|boy|girl|teenager|teen|"
                               r"student|patient|nurse|mum|mom|dad|pensioner|widow|wife|husband|daughter|son)\b(?!\s+(?:who|whose|that)\b)",
                               re.I)
_PREPOSITIONS = frozenset("in of for to with on at from by about into under after before like".split())
# what "this"/"that" points to outside the text (the date) or the text itself ("in this review")
_DEICTIC_NOUNS = frozenset("year week month day weekend season spring summer autumn fall winter morning evening "
                           "afternoon century decade time study review trial analysis article report paper survey "
                           "story guide piece page series".split())
# "… if you notice changes like these.": "these"/"those" standing alone for things said before
# (a bare "of these" at the end usually counts a list in the same sentence: "… such as IBS …,
# although doctors prescribe it for these.")
_BARE_DEMONSTRATIVE = re.compile(r"\b(?P<noun>[a-z]+)\s+(?:like|such\s+as)\s+(?:these|those|this|that)\s*"
                                 # at a clause's end, or the subject before its verb ("Rituals like this can …")
                                 r"(?=[.,;:!?)]|$|(?:can|could|may|might|will|would|should|must|is|are|was|were|has|"
                                 r"have|had|often|tend|tends)\b)", re.I)

# "The picture is different when …", "Other kinds work differently": a comparison whose other
# side is in the sentences before it ("different from …", "… than …" say it in the sentence)
_DIFFERENT = re.compile(r"\b(?:is|are|was|were|looks?|looked|seems?|seemed|works?|worked|acts?|acted)\s+"
                        r"(?:very\s+|quite\s+|rather\s+|completely\s+|somewhat\s+)?different(?:ly)?\b"
                        r"(?![^.;:]*\b(?:from|than|to|compared|unlike|whereas|elsewhere|depending|every|each)\b)", re.I)


# In a lead's first clause, "the" + a study, a person or a product ("Four in five students who
# used the drugs …", "Because the study was observational, …") names what only the draft's
# earlier sentences introduced; "the drug's maker", "the trial of …", "the drugs sold …" say which.
_OPENING_DEFINITE = re.compile(r"(?<!^)\bthe\s+(?:(?:same|new|[a-z]+-[a-z]+|\d[\w-]*)\s+)?(?P<noun>[a-z]+)\b(?!['’-]|\s+(?:of|for|called|known|"
                               r"named|that|which|who|such|in\s+question|used|sold|taken|given|made|approved|"
                               r"prescribed|tested|studied|published|involved)\b)", re.I)
# (a place is often generic: "before they leave the hospital")
_PLACES = frozenset("hospital clinic center centre university institute".split())
_CLASS_WORDS = frozenset("drug drugs product products medicine medicines medication medications substance pill "
                         "pills supplement supplements treatment".split())
_PRODUCT_NOUNS = _CLASS_WORDS | frozenset("""tablet tablets injection injections jab jabs device devices gummies powder
    patch patches capsule capsules lozenge lozenges spray sprays drops pouch pouches vape vapes app apps video videos
    clip clips""".split())


def _opening_definite(clause: str) -> str | None:
    """Why the first clause of a lead's opening names a study, a person or a product with "the"
    as if a sentence before had introduced it, or None."""
    for m in _OPENING_DEFINITE.finditer(clause):
        noun = m.group("noun").lower()
        if (noun not in ANAPHORIC_NOUNS and noun not in _PRODUCT_NOUNS) or noun in _PLACES:
            continue
        # a class word after the things it sums up ("a letter about sleeping pills persuaded
        # a third to give up the drugs")
        if noun in _CLASS_WORDS and any(w in _PRODUCT_NOUNS or (w.isalpha() and zipf(w) < RARE_NAME_ZIPF)
                                        for w in _lower_tokens(clause[:m.start()]) if w not in STOPWORDS):
            continue
        # ("Most of the trials were small": the subject's trials, as a whole)
        if re.search(r"\b(?:most|many|some|all|none|few|several|half|each|both|any|majority)\s+of\s+$", clause[:m.start()], re.I):
            continue
        earlier = {lemma(x) for x in _lower_tokens(clause[:m.start()]) if x not in STOPWORDS}
        if lemma(noun) not in earlier:
            return f"'{m.group(0)}' is not introduced in the opening"
    return None


def _lower_tokens(text: str) -> list[str]:
    """The words of ``text``, lower-cased, with a straight apostrophe ("trial’s" -> "trial's")."""
    return [t.lower().replace("’", "'") for t in WORD.findall(text)]


_NAME_ITSELF = re.compile(r"(?!(?:The|A|An|This|That|These|Those|Its|Their|It|They)\b)([A-Z][\w-]+(?:\s+[a-z][\w-]+)?)\s+(?:itself|themselves)\b")
_THAT_RISK = re.compile(r"\b(?:that|this)\s+(?:risk|danger)\b", re.I)
# (what the lead may have named the risk as: "… can cause dependence … that risk")
_RISK_LEMMAS = frozenset("risk danger harm dependence addiction overdose injury damage death stroke withdrawal toxicity "
                         "effect".split())
# "It's very easy to get hooked on that feeling": a feeling the lead has not described
_THAT_FEELING = re.compile(r"\b(?:that|this)\s+(?:feeling|sensation|high|rush|buzz|kick|boost)\b", re.I)
_FEELING_LEMMAS = frozenset("feeling feel sensation high rush buzz kick boost euphoria calm".split())
# "Frequent use carries other risks too": adds to risks the lead has not named
_OTHER_TOO = re.compile(r"\bother\s+(?:[\w-]+\s+){0,2}?(?:risks?|dangers?|problems?|harms?|concerns?|side[- ]effects?)\b"
                        r"[^.;]*?\b(?:too|as\s+well)\s*[.!?]?\s*$", re.I)
_THE_PATTERN = re.compile(r"\b(?:the|this|that)\s+(?:same\s+)?pattern\b(?!\s+(?:of|that|which|where|in\s+which)\b)", re.I)
_CLAUSE_JOIN = re.compile(r",\s+(?:but|and|yet|while|though|although)\s|;\s|\s[—–]\s")
_ADDED_NEGATIVE = re.compile(r"\beither\s*(?=[,.!?;:]|[\"”’']|$)(?![^.!?]*\bor\b)", re.I)
_NEGATION_WORD = re.compile(r"\b(?:not|no|never|nobody|nothing|none|neither|nor|without|unlikely)\b|n['’]t\b", re.I)


def _dangling(sentence: str, previous: list[str]) -> str | None:
    s = sentence.strip().lstrip("“\"‘'(")
    elided = _elided(s)
    if elided:
        return elided
    body = _LEAD_ADVERBIAL.sub("", s, count=1)
    tokens = _lower_tokens(body)
    if not tokens:
        return None
    before = " ".join(previous)
    before_lemmas = set().union(*(content_lemmas(p) for p in previous)) if previous else set()
    if _BARE_SHARE.match(s) and not before_lemmas & (_STUDY_WORDS | _BRIDGED | _POPULATION):
        return "a share of a group the lead has not named"
    superlative = _ELLIPTIC_SUPERLATIVE.match(s)
    if superlative and not (previous and _STUDY_WORDS & content_lemmas(previous[-1])):
        return f"{superlative.group(0).rstrip(' ,')!r} points back to a group the lead has not named"
    if _BACK_CONNECTIVE.match(s) or _JOINED.match(s) or (not previous and _ADD_CONNECTIVE.match(s)):
        return "opens with a connective that points back"
    if _OTHERWISE.search(s):
        return "'otherwise' points back to a claim before it"
    # "Levodopa itself is a prescription-only medicine": set against something the lead has not said
    itself = _NAME_ITSELF.match(s)
    if itself and itself.group(1).lower() not in before.lower():
        return f"'{itself.group(0)}' sets it against something before it"
    # "How much cracking your neck adds to that risk is unknown": a risk the lead has not named
    risk = _THAT_RISK.search(s)
    if risk and not _RISK_LEMMAS & (before_lemmas | content_lemmas(s[:risk.start()])):
        return f"'{risk.group(0)}' points back to a risk the lead has not named"
    feeling = _THAT_FEELING.search(s)
    if feeling and not _FEELING_LEMMAS & (before_lemmas | content_lemmas(s[:feeling.start()])):
        return f"'{feeling.group(0)}' points back to a feeling the lead has not described"
    other = _OTHER_TOO.search(s)
    if other and not _RISK_LEMMAS & before_lemmas:
        return "'other … too' adds to risks the lead has not named"
    # "… said he sees the pattern often": a pattern described only in the draft, wherever it stands
    pattern = _THE_PATTERN.search(s)
    if pattern and not ({"pattern"} | _STUDY_WORDS | _RESULT_WORDS) & (before_lemmas | content_lemmas(s[:pattern.start()])):
        return "'the pattern' not introduced in the lead"
    # "Nobody has studied it for years, either": the negative it adds to is in a sentence before
    added = _ADDED_NEGATIVE.search(s)
    # (its own clause holds a negation too: the one it adds to is in a clause before it)
    clauses = _CLAUSE_JOIN.split(s[:added.start()]) if added else []
    if added and not _NEGATION_WORD.search(before + " " + " ".join(clauses[:-1])):
        return "'either' adds to a denial before it"
    m = _QUESTION_ON_THIS.search(s)
    if not previous and m:
        return f"{m.group(1).lower()!r} refers to nothing before it"
    if not previous and _MID_CONTRAST.search(s):
        return "a connective that points back (\"…, by contrast, …\")"
    first = tokens[0].split("'")[0]
    nxt = tokens[1] if len(tokens) > 1 else ""
    if first in _PERSONAL and not _EXPLETIVE.match(s) and not _EXPLETIVE_WH.match(s):
        if not previous:
            return f"opens with {first!r} and nothing before it"
        if first in _PEOPLE_PRONOUNS and not introduces_person(before):
            return f"opens with {first!r} and no person introduced"
        if first in ("they", "their", "them") and not _has_plural_noun(before):
            return f"opens with {first!r} and nothing plural before it"
    # a quantifier standing for a noun the lead has not named: "Most rely heavily on caffeine"
    if first in _QUANTIFIERS and nxt and (nxt in AUX or ("VERB" in _pos(nxt) and "NOUN" not in _pos(nxt))) \
            and not _has_plural_noun(before):
        return f"opens with {first!r} and no noun it counts"
    lone = _ADVERB_FRONTED.match(body)
    if lone and not previous:
        return f"{lone.group('p').lower()!r} refers to nothing before it"
    front = _FRONTED_PRONOUN.match(body)
    main_clause = body[front.start("p"):] if front else ""
    expletive = front and (_EXPLETIVE.match(main_clause) or _EXPLETIVE_WH.match(main_clause))
    if front and not previous and not expletive:
        return f"{front.group('p').lower()!r} refers to nothing before it"
    if not previous:
        # ("In practice, it is important to …": the "it" stands for nothing, and needs nothing)
        pronoun = _unanchored_pronoun(_lower_tokens(body[front.end("p"):]) if expletive else tokens)
        if pronoun and not _cataphora(body, pronoun):
            return f"{pronoun!r} refers to nothing before it"
        pronoun = _co_argument_pronoun(body)
        if pronoun:
            return f"{pronoun!r} refers to nothing before it"
    if first in _DEMONSTRATIVES:
        head = nxt if nxt and nxt not in AUX and "VERB" not in _pos(nxt) or "NOUN" in _pos(nxt) else ""
        if head and head not in STOPWORDS:
            heads = {lemma(t) for t in tokens[1:3] if t not in STOPWORDS}
            if not any(_introduced(h, before_lemmas) for h in heads):
                return f"{first!r} {head!r} not introduced in the lead"
        elif not previous:
            return f"opens with {first!r} and nothing before it"
    # "these"/"those" + a noun inside the first clause, with nothing it could point to ("…
    # added its strongest warning about these behaviours"); after a comma it usually points
    # within the sentence ("rare reports of liver injury, although in many of these cases …")
    clause = re.split(r"[,;:(—–]", body, maxsplit=1)[0]
    ctoks = _lower_tokens(clause)
    for i in range(1, len(ctoks) - 1):
        word, head = ctoks[i], ctoks[i + 1]
        # ("such clinics" too: "… data on people treated at such clinics"; not "no such thing")
        group = word in ("these", "those") or (word == "such" and ctoks[i - 1] not in ("no", "as"))
        # "this"/"that" + a noun after a preposition ("Anyone in that position should …") points
        # back too; the date's words ("this year") and the text's own ("in this review") do not,
        # and a risk or a feeling is judged by what the lead says of one (below)
        single = (word in ("this", "that") and ctoks[i - 1] in _PREPOSITIONS and head not in _DEICTIC_NOUNS
                  and not (_THAT_RISK.match(f"{word} {head}") or _THAT_FEELING.match(f"{word} {head}")))
        # ("than those given propofol", "those taking it": "those" is the people, not a demonstrative)
        people = word == "those" and head.endswith(("ed", "en", "ing")) and "VERB" in _pos(head)
        if (group or single) and head not in STOPWORDS and head not in AUX and "NOUN" in _pos(head) and not people:
            h = lemma(head)
            earlier = {lemma(x) for x in ctoks[:i] if x not in STOPWORDS}
            if h not in earlier and not _introduced(h, before_lemmas):
                return f"{word!r} {head!r} not introduced in the lead"
    if not previous:
        reason = _opening_definite(clause)
        if reason:
            return reason
    m = _IDENTIFIES.match(body.lower())
    # (after "the" a verb-only word is a noun too: "the jab")
    if m and m.group("noun") not in STOPWORDS and not _modifier(m.group("noun")) and m.group("name") not in STOPWORDS \
            and lemma(m.group("noun")) not in before_lemmas:
        name = m.group("name")
        # a name: capitalised, or a word the lexicon does not know (not "open-label")
        if "-" not in name and (not _pos(name) or body[m.start("name")].isupper()):
            return f"'the {m.group('noun')}' is named as if the lead had described it"
    person = _DESCRIBED_PERSON.match(body)
    if person and not introduces_person(before) and lemma(person.group("noun").lower()) not in before_lemmas:
        return f"'{person.group(0).split(',')[-1].strip()}' is someone the lead has not introduced"
    if _DIFFERENT.search(body):
        return "'different' compares with what the lead has not said"
    bare = _BARE_DEMONSTRATIVE.search(body)
    if bare and "NOUN" in _pos(bare.group("noun").lower()):
        h = lemma(bare.group("noun").lower())
        earlier = {lemma(x) for x in _lower_tokens(body[:bare.start()]) if x not in STOPWORDS}
        if h not in earlier and not _introduced(h, before_lemmas):
            return f"'{bare.group(0).strip()}' points to what the lead has not said"
    if first == "the":
        # "The 31-year-old recruitment consultant …": someone the draft introduced before
        if _AGED.fullmatch(nxt) and not introduces_person(before) \
                and not any(_introduced(lemma(t), before_lemmas) for t in tokens[2:4] if t not in STOPWORDS):
            return f"'the {nxt}' not introduced in the lead"
        reason = _definite_study(tokens[1:], before_lemmas)
        if reason:
            return reason
        # "The cause, doctors concluded, was …": a cause, reason or answer of something said before
        # (not "The cause of the outbreak …", which says of what)
        if not previous and nxt in _RELATIONAL and not (len(tokens) > 2 and tokens[2] in _RELATIONAL_COMPLEMENT):
            return f"'the {nxt}' of what the lead has not said"
    # "Only two of the studies found …": a share of studies the lead has not named
    share = _SHARE_OF_THE.match(s)
    if share:
        reason = _definite_study(_lower_tokens(s[share.end():]), before_lemmas)
        if reason:
            return reason
    # "The clearest effects were seen in …": the best of results the lead has not reported
    best = _BEST_OF.match(s)
    if best and not before_lemmas & (_STUDY_WORDS | _RESULT_WORDS) and lemma(best.group("noun").lower()) not in before_lemmas:
        return f"'{best.group(0)}' of results the lead has not reported"
    # "None of the 14 pots carried …" after sentences about other things: a counted set the lead
    # has not named (its number is nowhere before); a lead may open on one ("Only 11 of the 40
    # clinics asked …" states its set)
    counted = _OF_THE_COUNTED.match(s) if previous else None
    if counted and not re.search(rf"\b{re.escape(counted.group('n'))}\b", before, re.I):
        return f"'the {counted.group('n')} {counted.group('noun')}' not introduced in the lead"
    # "Both doctors stressed …": a pair the lead has not introduced ("Both men and women" is no pair)
    both = _BOTH.match(s)
    if both:
        head = lemma(both.group("head").lower())
        people = head in _PAIR_OF_PEOPLE and introduces_person(before)
        if not people and not _introduced(head, before_lemmas):
            return f"'{both.group(0).split()[0].lower()} {both.group('head')}' refers to a pair the lead has not introduced"
    subset = _SUBSET_OF_THEM.match(s)
    # ("Three of these trials …": its noun is judged below)
    nxt_word = (subset.group("next") or "").strip().lower() if subset else ""
    if subset and not (nxt_word and "NOUN" in _pos(nxt_word) and nxt_word not in STOPWORDS and "VERB" not in _pos(nxt_word)) \
            and not _has_plural_noun(before):
        return f"'{s[:subset.end()].removesuffix(subset.group('next') or '')}' counts a set the lead has not named"
    remaining = _REMAINING.match(s)
    if remaining:
        head = (remaining.group("head") or "").lower()
        # ("The other day …" is a time; "The remaining participants of the trial" says of what)
        noun = bool(head) and head not in STOPWORDS and "NOUN" in _pos(head)
        named = noun and _introduced(lemma(head), before_lemmas)
        if head not in _NOT_A_SET and not named and not re.match(r"\s+of\b", s[remaining.end():]):
            said = remaining.group(0) if noun else f"{s[:3]} {remaining.group('word')}"
            return f"'{said}' is one of a set the lead has not named"
    count = _COUNT_AS_SUBJECT.match(s)
    if count:
        verb = count.group("verb").lower()
        if (verb in AUX or ("VERB" in _pos(verb) and "NOUN" not in _pos(verb))) and not _has_plural_noun(before):
            return f"'{s[:count.start('verb')].strip()}' counts what the lead has not named"
    said = _SAID_THE_STUDY.search(s)
    if said and not _introduced(lemma(said.group("noun").lower()), before_lemmas) \
            and not _introduced(lemma(said.group("noun").lower()), content_lemmas(s[:said.start()])):
        return f"'the {said.group('noun')}' is named as if the lead had reported it"
    concern = _COMPARED_CONCERN.search(s)
    if concern and not _CONCERN_LEMMAS & (before_lemmas | content_lemmas(s[:concern.start()])):
        return f"'{concern.group(0)}' is compared with what the lead has not said"
    # "Some women in the study were …": the subject's group is from a study the lead has not named
    member = _MEMBER_OF_THE.match(s)
    if member:
        reason = _definite_study(_lower_tokens(s[member.end():])[1:], before_lemmas, in_phrase=True)
        if reason:
            return reason
    fronted = _FRONTED.match(s)
    if fronted:
        inner = _lower_tokens(fronted.group(1))
        for i, t in enumerate(inner):
            reason = t == "the" and _definite_study(inner[i + 1:], before_lemmas, in_phrase=True)
            if reason:
                return reason
    if not previous and _ALSO_EARLY.match(s) and not re.search(r"\bnot\s+only\b", s, re.I):
        return "'also' adds to a point the lead has not made"
    reason = _points_back(s, before_lemmas)
    if reason:
        return reason
    here = sentence
    m = _PRONOUN_SPEECH.search(here)
    if m and not _speakers_before(m, _speaker_context(m, here, before)):
        return f"{m.group(0)!r} with no speaker introduced"
    m = _PERSON_PRONOUN.search(here)
    if m and not _person_for(m, here, before):
        return f"{m.group(0)!r} refers to no one in the lead"
    for m in _NAME_SPEECH.finditer(here):
        name = m.group(1) or m.group(4)  # (groups 2 and 3 are the speech verb)
        if not name or name.lower() in _NOT_NAMES or name in _TITLES or _common_plural(name):
            continue
        introduced = re.search(rf"\b{re.escape(name)}\b", before) or _FULL_NAME.search(here[: m.start()] + name)
        if not introduced:
            return f"{name!r} not introduced in the lead"
    # the speaker is named outside the quote ("said" inside it is the quoted person's own word)
    unquoted = QUOTED.sub(" ", sentence)
    if _QUOTE_START.match(sentence) and not re.search(_SPEECH, unquoted) and "according to" not in unquoted.lower():
        return "quote with no speaker"
    return None


# --------------------------------------------------------------------------- the check


@dataclass
class Defect:
    index: int  # sentence number in the lead (0-based)
    kind: str  # one of KINDS
    detail: str
    sentence: str = ""

    def to_dict(self) -> dict:
        return {"index": self.index, "kind": self.kind, "detail": self.detail, "sentence": self.sentence}


@dataclass
class Report:
    sentences: list[str]
    defects: list[Defect] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.defects

    def counts(self) -> dict[str, int]:
        return dict(Counter(d.kind for d in self.defects))

    def to_dict(self) -> dict:
        return {"clean": self.clean, "counts": self.counts(), "defects": [d.to_dict() for d in self.defects]}


def sentence_defect(sentence: str, previous: list[str]) -> tuple[str, str] | None:
    """(kind, detail) of the first defect of ``sentence`` placed after ``previous``, or None."""
    kind = boilerplate_kind(sentence)
    if kind:
        return "boilerplate", kind
    if is_meta(sentence):
        return "meta", "talks about the article"
    reason = fragment_reason(sentence)
    if reason:
        return "fragment", reason
    reason = dangling_reason(sentence, previous)
    if reason:
        return "dangling", reason
    for j, p in enumerate(previous):
        if same_meaning(sentence, p):
            return "duplicate", f"repeats sentence {j + 1}"
    return None


def check_sentences(sentences: list[str]) -> list[Defect]:
    out = []
    for i, s in enumerate(sentences):
        found = sentence_defect(s, sentences[:i])
        if found:
            out.append(Defect(i, found[0], found[1], s))
    return out


def check(lead: str) -> Report:
    sentences = [s.text for s in split_sentences(lead)] if lead.strip() else []
    return Report(sentences, check_sentences(sentences))
