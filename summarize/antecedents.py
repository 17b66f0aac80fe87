"""Restore what a sentence leans on, from the draft sentences just before it: the rule-based
half of ``decontextualize``, used by the caveat filter (which runs no model) and by the lead
plan when the model has no ``decontextualize`` task.

A draft's best statement of a caveat often leans on the sentence before it: "she said", "They
also noted that …", "It can be part of a healthy routine, but most of its benefits are
unconfirmed". Dropped into a lead, the pronoun dangles; not picking the sentence loses the
caveat. Here the pronoun is replaced by what it stands for, taken from the draft itself:

- "he"/"she" as a subject → the surname of the one person the nearest earlier sentence names
  (several people there: ambiguous, left alone); the caller then names them in full;
- "they" reporting ("They cautioned that …") → the researchers/authors the sentence before
  names;
- "it"/"its"/"they" for the draft's subject → the subject as the draft writes it ("Yerba
  mate"), when the sentence before is about the subject (opens on it);
- a quote with no speaker → the speaker of the quote just before it, as news copy runs one
  speaker's quotes on ('"…," Brightwater said. "But they …"' → '"But they …," Brightwater said.').

Every replacement is words the draft wrote; nothing is guessed when two readings are possible.

    restore("It can help, but its benefits are unproven.", ["Yerba mate is a tea."], names, ["yerba mate"])
    # -> "Yerba mate can help, but its benefits are unproven."
"""
from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher
from typing import Sequence

from summarize.coherence import CASE_NOUNS, FRONTED_PHRASE, QUOTED, dangling_reason, introduces_person, name_words
from summarize.corpus.text import STOPWORDS, WORD, lexicon_pos, looks_plural, upper_first

# How far back an antecedent may be: the sentence before, or two more when those only go on
# about the same referent ("She … She … she said").
LOOKBACK = 3
_SPEECH = (r"(?:said|says|say|added|adds|noted|notes|told|tells|explained|explains|warned|warns|cautioned|"
           r"cautions|caution|stressed|stresses|argued|argues|argue|wrote|writes|write|acknowledged|acknowledges|"
           r"admitted|admits|concluded|concludes|conclude|describes|described|urged|urges|recommended|recommends)")
# "he"/"she" as the subject: opening the sentence (after a connective or an opening quote) or
# before a speech verb ("…, she said", "…,” he says").
_PERSON_SUBJECT = re.compile(rf"^(?P<pre>[\"“‘'(]*(?:(?:but|and|still|yet|so|however|instead|now),?\s+)?)(?P<p>he|she)\b(?!['’])",
                             re.I)
# (after a comma or a closing quote: "…,” she said", "Kava, he says, …"; not "if she says no")
_PERSON_SPEECH = re.compile(rf"(?:(?<=,\s)|(?<=[”\"’']\s)|(?<=\band\s)|(?<=\bbut\s))(?P<p>he|she)\s+"
                            rf"(?=(?:also\s+)?{_SPEECH}\b)", re.I)
_SPEECH_PERSON = re.compile(rf"\b{_SPEECH}\s+(?P<p>he|she)\b(?!['’])", re.I)
_PERSON_CASE = re.compile(rf"^(?P<p>Her|His)(?=\s+(?:{CASE_NOUNS})\s+(?:is|was)\b)")
# "They" reporting: "They also noted that …", "They caution that …"
_THEY_REPORT = re.compile(rf"^(?P<pre>[\"“‘'(]*(?:(?:but|and|still|yet|however),?\s+)?)(?P<p>they)(?=\s+(?:also\s+)?{_SPEECH}\b)",
                          re.I)
_THEY_SPEECH = re.compile(rf"(?:(?<=,\s)|(?<=[”\"’']\s))(?P<p>they)\s+(?=(?:also\s+)?{_SPEECH}\b)", re.I)
# who "they" are when they report: the people the sentence before names
_RESEARCHERS = re.compile(r"\b(?:(?:the|its|study|review|paper's|study's|trial's)\s+)*(?P<who>researchers|authors|scientists|"
                          r"investigators|study authors|team)\b", re.I)
# Words of study design and of caveats: a topic word, never the subject "It" stands for.
_NOT_SUBJECT = frozenset("""trial trials study studies dose doses placebo participants patients symptoms misuse
dependence withdrawal prescription prescriptions prescribed adverse evidence criteria median users people""".split())
# A word that follows (or precedes) a subject word this often is part of the subject's name.
ALWAYS_NEXT = 0.8
# "Several told doctors …", "Many said …": a count whose group an earlier sentence named
_COUNT_ALONE = re.compile(r"^(?P<pre>[\"“‘'(]*(?:(?:but|and|yet|still|so|however),?\s+)?)(?P<p>Several|Many|Most|Some|A few|"
                          r"Others)(?=\s+(?:also\s+|later\s+|still\s+)?(?:told|said|say|says|described|reported|had|"
                          r"were|have|are|found|admitted|complained|added|went|needed)\b)")
QUANTIFIER_LOOKBACK = 2  # sentences: "Of the 37 patients, …. Twenty-two needed dialysis …. Several told …"
# "Those who began low-dose trazodone had …": the group a study's sentence before named
# ("… records for 186,400 adults aged 65 and older who started …")
_THOSE = re.compile(r"^(?P<pre>[\"“‘'(]*(?:(?:but|and|yet|still|so|however|meanwhile),?\s+)?)(?P<p>those)(?=\s+who\s)", re.I)
_PEOPLE = (r"adults|people|patients|participants|students|undergraduates|men|women|children|teenagers|adolescents|"
           r"users|volunteers|veterans|smokers|drinkers|residents|workers|respondents|infants|mothers|fathers|parents|"
           r"athletes|employees|nurses|doctors|individuals|subjects|recipients|survivors")
_GROUP = re.compile(rf"\b(?P<group>(?:(?P<adj>[a-z][a-z-]*)\s+){{0,2}}?(?:{_PEOPLE})"
                    r"(?:\s+aged\s+\d+(?:\s+(?:and|or)\s+(?:older|over|above|younger|under)|\s*(?:to|-|–)\s*\d+)?"
                    r"|\s+(?:over|under|older than|younger than)\s+(?:the\s+age\s+of\s+)?\d+)?)\b")
_SUBJECT_OPENER = re.compile(r"^(?P<pre>[\"“‘'(]*(?:(?:but|and|still|yet|so|however),?\s+)?(?:" + FRONTED_PHRASE + r")?)"
                             r"(?P<p>it|they)(?=\s+[a-z])", re.I)


def subject_words(topic: frozenset[str], names: frozenset[str] = frozenset()) -> frozenset[str]:
    """The topic words that can name the draft's subject: not a person's name, not a word of
    study design or of caveats ("trials", "dependence")."""
    people = {n.lower() for n in names}
    return frozenset(t for t in topic if t not in people and t not in _NOT_SUBJECT)


def subject_phrases(text: str, words: frozenset[str]) -> list[str]:
    """The draft's subject as it names it: each subject word grown by the words the draft
    (nearly) always writes next to it ("yerba" → "yerba mate", "cherry" → "tart cherry juice"),
    longest first."""
    out = set()
    for word in words:
        run = word
        for _ in range(3):
            grown = False
            for pattern, join in ((rf"\b{re.escape(run)}(-[\w]+)\b", lambda w: f"{run}{w}"),  # "BPC" → "BPC-157"
                                  (rf"\b{re.escape(run)}\s+([\w'’-]+)", lambda w: f"{run} {w}"),
                                  (rf"(?<![\w'’.-])([\w'’.-]++)\s+{re.escape(run)}\b", lambda w: f"{w} {run}")):
                seen = [re.sub(r"['’]s$", "", m.group(1).lower()) for m in re.finditer(pattern, text, re.I)]
                if len(seen) >= 2:
                    best, count = Counter(seen).most_common(1)[0]
                    if count >= ALWAYS_NEXT * len(seen) and best not in STOPWORDS:
                        run, grown = join(best), True
            if not grown:
                break
        out.add(run)
    return sorted(out, key=lambda r: (-len(r), r))


def _proper(phrase: str, before: Sequence[str]) -> bool:
    """Is the phrase a name, capitalised wherever the sentences write it mid-sentence?"""
    first = phrase.split()[0]
    return first[:1].isupper() and bool(re.search(rf"(?<=[a-z,;] ){re.escape(first)}\b", " ".join(before))) \
        or bool(re.fullmatch(r"[A-Z0-9-]+", first))


def _same_case(replacement: str, original: str) -> str:
    return upper_first(replacement) if original[:1].isupper() else replacement


# Further back along a run of sentences that all go on about one person ("She added …", a quote,
# '"…," she said.'): a speaker's quotes and paraphrases run on for a paragraph or two.
CHAIN_LOOKBACK = 8
_GOES_ON_ABOUT_SOMEONE = re.compile(r"\b(?:she|he|her|his|him)\b|^[\"“]", re.I)
_QUOTE_MARK = re.compile(r"[\"“”]")


def _goes_on(sent: str, earlier: str | None) -> bool:
    """Does ``sent`` go on about the person before it: a pronoun, a quote, or a sentence inside
    the quote the sentence before it opened ('She said: "It makes people sleepy.' / 'It can also
    cause …')?"""
    return bool(_GOES_ON_ABOUT_SOMEONE.search(sent)) or (
        earlier is not None and len(_QUOTE_MARK.findall(earlier)) % 2 == 1)


def _person_before(before: Sequence[str], names: frozenset[str]) -> str | None:
    """The one person the nearest earlier sentence naming anyone names (by surname)."""
    chain = True
    window = list(before)[-CHAIN_LOOKBACK:]
    for k in range(len(window)):
        sent = window[-1 - k]
        if k >= LOOKBACK and not chain:
            return None
        found = _named_in(sent, names)
        if len(found) == 1:
            (name,) = found
            # (a name the draft hyphenates, "Kessler-Amadi", is known only by its first half)
            return None if name.endswith(("-", "'", "’")) else name
        if found:
            return None  # two people: which one is "she"?
        chain = chain and _goes_on(sent, window[-2 - k] if k + 1 < len(window) else None)
    return None


# A sentence that is one quote and nothing else ('"But they can become a habit."').
_WHOLE_QUOTE = re.compile(r'^(?P<open>["“])(?P<body>[^"“”]+?)(?P<end>[.!?])(?P<close>["”])$')
_SPEECH_WORD = re.compile(rf"\b{_SPEECH}\b", re.I)
_PRESENT_SPEECH = re.compile(r"s$|^say$")


def _speaker_before(before: Sequence[str], names: frozenset[str]) -> tuple[str, str] | None:
    """The one person who speaks in the quote the sentence just before attributes, and the
    speech verb's tense for the restored tag ("said" or "says")."""
    if not before:
        return None
    # (the speech verb outside the quotes: "tells" inside one is the speaker's own word)
    outside = QUOTED.sub(" ", before[-1])
    m = QUOTED.search(before[-1]) and _SPEECH_WORD.search(outside)
    if not m:
        return None
    found = _named_in(before[-1], names)
    verb = re.escape(m.group(0))
    if not found and re.search(rf"\b(?:he|she)\s+{verb}\b|\b{verb}\s+(?:he|she|the)\b|\bthe\s+(?:[\w-]+\s+){{0,3}}{verb}\b",
                               outside, re.I):
        # '"…," he said.', '"…," said the now 17-year-old': the one person named before that quote
        name = _person_before(before[:-1], names)
        found = {name} if name else set()
    if len(found) != 1:
        return None
    (name,) = found
    return name, "says" if _PRESENT_SPEECH.search(m.group(0).lower()) else "said"


def _quote_attributed(sentence: str, before: Sequence[str], names: frozenset[str]) -> str | None:
    """A sentence that is a quote and nothing else, tagged with the speaker of the quote before
    it; None when it is not such a quote or no single speaker precedes it."""
    m = _WHOLE_QUOTE.match(sentence.strip())
    if m is None:
        return None
    who = _speaker_before(before, names)
    if who is None:
        return None
    name, verb = who
    end = "," if m.group("end") == "." else m.group("end")
    return f"{m.group('open')}{m.group('body')}{end}{m.group('close')} {name} {verb}."


def _researchers_before(before: Sequence[str]) -> str | None:
    for sent in list(before)[::-1][:2]:
        m = _RESEARCHERS.search(sent)
        if m:
            who = m.group("who").lower()
            return "the study authors" if who == "study authors" else f"the {who}"
    return None


# (the article stays with the subject: "It is sold online" after "The drug she used, …, is …" is
# "The drug is sold online", never "Drug is sold online")
_OPENING = r"^[\"“‘'(]*(?:(?:but|and|yet|still|so|however|now|today),?\s+)?"


def leans_on_a_group(sentence: str) -> bool:
    """Does the sentence open on "Those who …", a group an earlier sentence named?"""
    return bool(_THOSE.match(sentence))


def _group_before(before: Sequence[str]) -> str | None:
    """The one group of people the sentence before names ("older adults aged 65 and older"), with
    its adjectives and its age but not its count; None for none or two different groups."""
    if not before:
        return None
    groups = set()
    for m in _GROUP.finditer(before[-1]):
        words = m.group("group").split()
        # only adjectives stay in front ("older adults"; not "recruited adults", "all adults")
        while words and (words[0] in STOPWORDS or "ADJ" not in lexicon_pos(words[0])) and len(words) > 1 \
                and not re.fullmatch(_PEOPLE, words[0]):
            words = words[1:]
        groups.add(" ".join(words))
    return groups.pop() if len(groups) == 1 else None


# "The review had limits." / "This trial was small.": a sentence opening on a definite noun
# phrase and its verb, which an "It"/"They" after it stands for
_DEFINITE_OPENING = re.compile(_OPENING + r"(?:the|this|that|these|those)\s+(?P<np>(?:[a-z][a-z-]*\s+){0,2}?(?P<head>[a-z][a-z-]*))"
                               r"\s+(?:is|was|are|were|has|had|have|did|does|do|can|could|may|might|will|would|"
                               r"also|only|[a-z]+ed)\b", re.I)


def _definite_before(before: Sequence[str], plural: bool) -> str | None:
    """What "It" (or, ``plural``, "They") opening a sentence stands for when the draft sentence
    just before opens on a definite noun phrase of that number ("The review had limits. It came
    from a single practice, …" → "the review"); None when it does not."""
    if not before:
        return None
    m = _DEFINITE_OPENING.match(before[-1])
    if m is None or "NOUN" not in lexicon_pos(m.group("head").lower()) or m.group("head").lower() in STOPWORDS:
        return None
    if looks_plural(m.group("head").lower()) != plural:
        return None
    return "the " + m.group("np")


def _subject_before(before: Sequence[str], subjects: Sequence[str]) -> str | None:
    """What "It"/"They" stands for when the sentences before go on about the draft's subject:
    the subject as the nearest one writes it when it opens on it, through sentences that open
    on "It"/"They"."""
    for sent in list(before)[::-1][:LOOKBACK]:
        for phrase in subjects:
            m = re.match(_OPENING + rf"((?:the\s+)?{re.escape(phrase)})(?:['’]s)?\b(?!\s+(?:of|and|or)\b)", sent, re.I)
            if m:
                return m.group(1)
        if not _SUBJECT_OPENER.match(sent):
            return None
    return None


# "The term describes …" after "Researchers have a name for this: cyberchondria.": the name the
# sentence before gave, put after the noun ("The term cyberchondria describes …")
_THE_TERM = re.compile(_OPENING + r"(?:the|this)\s+(?P<noun>term|word|name|label|phrase|expression)\b(?!\s*[\"“‘'])"
                       r"(?=\s+(?:describes?|means?|refers?|covers?|is|was|has|comes?|came|first|itself)\b)", re.I)
_NAMED_AT_END = re.compile(r"(?:\bname\s+for\s+(?:it|this|that|the\s+\w+)|\bcalled|\bknown\s+as|\bdubbed|\btermed|"
                           r"\bnicknamed|\blabelled|\blabeled)\s*:?\s*(?P<term>[\"“‘']?[\w-]+(?:\s+[\w-]+){0,2}[\"”’']?)\s*[.!]?[\"”’']?$",
                           re.I)


# "The syrup, sold under the brand name Curvexa, contains …" opening a lead: the product the
# draft introduced before with its describing words ("an unlicensed 'curves' syrup bought on
# Instagram") is introduced again the same way ("An unlicensed 'curves' syrup, sold …")
_PRODUCT_OPENING = re.compile(r"^(?P<the>the)\s+(?P<noun>syrups?|drinks?|patch(?:es)?|devices?|apps?|sprays?|powders?|gummies|"
                              r"tablets?|capsules?|pouches|vapes?|pens?|products?|supplements?|teas?|oils?|creams?|gels?|kits?|"
                              r"drops|injections?|jabs?|pills?)\b(?=\s*,|\s+(?:is|are|was|were|contains?|contained|has|have|had|"
                              r"can|may|costs?|comes?|came|sells?|sold)\b)", re.I)
_INDEFINITE = r"\b(?P<det>an?)\s+(?P<mods>(?:[\w“”\"‘’'-]+\s+){{1,3}}?){noun}\b"
_NOT_A_MODIFIER = frozenset("of and or for with to in on at by from as that which who bottle bottles pack packs box".split()) | STOPWORDS


def leans_on_a_product(sentence: str) -> bool:
    """"The syrup, sold under …": a product only an earlier sentence of the draft introduced."""
    return bool(_PRODUCT_OPENING.match(sentence))


def _introduction_before(noun: str, before: Sequence[str]) -> str | None:
    """The draft's first "a/an <describing words> <noun>" in ``before`` (earliest first), or None
    when the draft introduced it with no describing word ("a syrup" says nothing more)."""
    for sent in before:
        m = re.search(_INDEFINITE.format(noun=re.escape(noun)), sent, re.I)
        if m is None:
            continue
        mods = m.group("mods").split()
        if not mods or any(w.lower().strip("“”\"‘’'") in _NOT_A_MODIFIER for w in mods):
            return None
        return f"{m.group('det')} {' '.join(mods)} {noun}"
    return None


def reintroduced(sentence: str, before: Sequence[str]) -> str | None:
    """``sentence`` opening on "The <product>" with the product introduced as the draft first
    did (``before``: the draft's sentences before it, earliest first); None when it cannot be."""
    m = _PRODUCT_OPENING.match(sentence)
    if m is None:
        return None
    intro = _introduction_before(m.group("noun"), before)
    return upper_first(intro) + sentence[m.end("noun"):] if intro else None


# "… in favour of the tea" in a story whose headline says what tea ("Samoa reviews soursop leaf tea
# as …"): the headline's words name it ("in favour of the soursop leaf tea")
_UNINTRODUCED = re.compile(r"^'the (?P<noun>[a-z]+)' is not introduced in the opening$")
TITLE_MODIFIERS = 3


def named_as_titled(sentence: str, title: str) -> str | None:
    """``sentence``, whose first clause names a thing with "the" as if the lead had introduced it,
    with the words the headline puts before that thing ("the tea" -> "the soursop leaf tea"); None
    when the headline does not name it so. A headline in Title Case says nothing about how its words
    are written in a sentence, so only one in sentence case is read."""
    m = _UNINTRODUCED.match(dangling_reason(sentence, []) or "")
    words = title.split()
    if m is None or sum(w[:1].isupper() for w in words[1:]) > len(words[1:]) / 2:
        return None
    noun = m.group("noun")
    tokens = WORD.findall(title)
    at = next((i for i, t in enumerate(tokens) if t.lower() == noun), None)
    mods: list[str] = []
    for t in reversed(tokens[:at] if at else []):
        pos = lexicon_pos(t.lower())
        # (a headline's verb ends the phrase: "Samoa reviews soursop leaf tea")
        if t.lower() in STOPWORDS or t[:1].isupper() or ("VERB" in pos and t.lower().endswith("s")) or len(mods) == TITLE_MODIFIERS:
            break
        mods.insert(0, t)
    if not mods:
        return None
    return re.sub(rf"\bthe {noun}\b", "the " + " ".join(mods) + " " + noun, sentence, count=1, flags=re.I)


# "Mrs Price is one of hundreds of people across south-east Wales who have been switched …": the
# news without the person it was told through ("Hundreds of people across south-east Wales have
# been switched …")
_ONE_OF_MANY = re.compile(r"^(?:(?:[A-Z][\w'’.-]+\s+){1,3}|(?:She|He)\s+)(?:is|was)\s+(?:just\s+|now\s+)?one\s+of\s+"
                          r"(?P<many>(?:a\s+(?:growing|rising|increasing|small|large)\s+number|hundreds|thousands|"
                          r"dozens|millions|many)\s+of\s+(?:(?!\b(?:who|whom|whose|which|that|for)\b)[^,;]){1,80}?)\s+"
                          r"(?:who\s+(?P<rest>(?:have|are|were|had|now\s+)?\s*[a-z][^;]*)|"
                          # "… of young Kenyan men using sildenafil …" (no "who" clause further on)
                          r"(?P<ing>[a-z]+ing\b(?![^;]*\bwho\b)[^;]*))$")


def generalised(sentence: str) -> str | None:
    """A nut graf told through one person ("Henning is one of a growing number of Canadians who
    are using …") as the news about the many ("A growing number of Canadians are using …"); None
    for any other sentence."""
    m = _ONE_OF_MANY.match(sentence.strip())
    if m is None:
        return None
    many = upper_first(m.group("many"))
    if m.group("ing"):
        # (a participle, not "during", "including", "morning")
        ing = m.group("ing").split()[0].lower()
        if ing in STOPWORDS or ing in _NOT_PARTICIPLES or "VERB" not in lexicon_pos(ing):
            return None
        return f"{many} {'were' if ' was one of ' in sentence else 'are'} {m.group('ing')}"
    # (the relative clause's own verb: not "people … who addiction workers say are misusing …")
    rest = m.group("rest").lstrip()
    # "… men who doctors in the capital say are turning up …": the speakers' verb heads the
    # clause, so they say it after the news ("… are turning up …, doctors in the capital say.")
    said = _SPEAKERS_SAY.match(rest)
    if said:
        body = rest[said.start("verb"):].rstrip()
        if not body.endswith("."):
            return None
        return f"{many} {body[:-1]}, {said.group('speakers')}."
    first = rest.split()[0].lower()
    if first not in _RELATIVE_AUX and "VERB" not in lexicon_pos(first):
        return None
    return f"{many} {rest}"


# "… men who doctors in the capital say are turning up …": the clause's verb is the speakers'
# ("doctors" can be read as a verb, so the part of speech alone does not tell)
_SPEAKERS_SAY = re.compile(r"(?P<speakers>(?:[\w'’-]+\s+){1,6}?(?:say|says|said|believe[sd]?|think|thinks|thought|"
                           r"estimate[sd]?|fear|fears|feared|suspect|suspects|suspected))\s+(?P<verb>(?:are|were|is|was|"
                           r"have|had|will|would|may|might|could|can)\b)", re.I)
_RELATIVE_AUX = frozenset("have has had are were is was now".split())
_NOT_PARTICIPLES = frozenset("during including according regarding concerning following morning evening spring "
                             "nothing something anything everything".split())


# A feature's reveal ("The tablet is modafinil, a prescription medicine approved for …") and the
# news told of it next ("It is now being used widely …, according to a survey …").
_REVEAL = re.compile(r"^(?:the|that|this)\s+(?:[\w-]+\s+){0,2}?[a-z-]+\s+(?:is|was|turned\s+out\s+to\s+be|:)\s+"
                     r"(?P<name>[^,;:()]+?)(?:,\s+(?P<apposition>(?:an?|the)\s+[^;:()]+?))?[.!]$", re.I)
_IT_OPENING = re.compile(r"^(?P<p>It)(?=\s+(?:is|was|has|had|can|may|will|would|could|remains|appears|seems)\b)")
REVEAL_MAX_WORDS = 60  # a fused opening longer than this names the subject without its apposition


def revealed(sentence: str, before: str, topic: Sequence[str]) -> str | None:
    """``sentence`` opening on "It" after the draft's reveal of a ``topic`` term (the article's
    subject) in the sentence ``before`` it, with "It" restored as the reveal names and describes
    it ("Modafinil, a prescription medicine approved for narcolepsy, is now being used widely …");
    None when the sentence before is no such reveal."""
    m, reveal = _IT_OPENING.match(sentence), _REVEAL.match(before.strip())
    if m is None or reveal is None or not set(reveal.group("name").lower().split()) & set(topic):
        return None
    name, rest = reveal.group("name").strip(), sentence[m.end("p"):]
    fused = f"{upper_first(name)}, {reveal.group('apposition')},{rest}" if reveal.group("apposition") else None
    return fused if fused and len(fused.split()) <= REVEAL_MAX_WORDS else upper_first(name) + rest


# "The researchers found that …": a study's people the lead has not introduced, said generically
_THE_RESEARCHERS = re.compile(r"^The\s+(?P<who>researchers|scientists|investigators)\s+(?=(?:also\s+)?(?:found|showed|reported|"
                              r"concluded|observed|estimated|calculated)\s+that\b)")


def generic_researchers(sentence: str) -> str | None:
    """``sentence`` opening on "The researchers found that …" as "Researchers found that …", which
    needs no study before it; None for any other sentence."""
    m = _THE_RESEARCHERS.match(sentence)
    return upper_first(m.group("who")) + " " + sentence[m.end():] if m else None


def leans_on_a_term(sentence: str) -> bool:
    """"The term describes …": a name given in the sentence before."""
    return bool(_THE_TERM.match(sentence))


def _term_before(before: Sequence[str]) -> str | None:
    """The term the sentence just before names at its end ("… a name for this: cyberchondria.")."""
    m = _NAMED_AT_END.search(before[-1]) if before else None
    if m is None:
        return None
    term = m.group("term")
    # (a closing quote the full stop stood inside: '… known as "doomscrolling."')
    if term[:1] in "\"“‘'" and term[-1:] not in "\"”’'":
        term += {"“": "”", "‘": "’"}.get(term[0], term[0])
    return term


def restore(sentence: str, before: Sequence[str], names: frozenset[str] = frozenset(),
            subjects: Sequence[str] = ()) -> str | None:
    """``sentence`` with the pronoun it leans on replaced by what the draft sentences ``before``
    it (nearest last) say it stands for; None when there is nothing to restore or no single
    reading. Surnames are left for the caller to introduce (``normalize.name_people``)."""
    out = sentence
    # a term the sentence before named: "The term describes …"
    m = _THE_TERM.match(out)
    if m:
        term = _term_before(before)
        return out[:m.end("noun")] + " " + term + out[m.end("noun"):] if term else None
    # a quote with no speaker: the one the quote before it has
    quoted = _quote_attributed(out, before, names)
    if quoted is not None:
        return quoted
    # a person: "she said", "He added that …"
    for pattern in (_PERSON_SUBJECT, _PERSON_SPEECH, _SPEECH_PERSON):
        m = pattern.search(out)
        if m is None:
            continue
        head = out[:m.start("p")]
        if introduces_person(head) or _named_in(head, names):
            return None  # "Dr. Ana Ruiz said she …", "A pharmacist said she …": the sentence's own person
        who = _person_before(before, names)
        if who is None:
            return None
        out = out[:m.start("p")] + who + out[m.end("p"):]
        break
    # a person's case told as the news: "Her case is one of 11 that doctors have linked to …"
    m = _PERSON_CASE.match(out) if out == sentence else None
    if m:
        who = _person_before(before, names)
        if who is None:
            return None
        out = out[:m.start("p")] + who + ("’" if who.endswith("s") else "'s") + out[m.end("p"):]
    # reporters: "They also noted that …"
    m = _THEY_REPORT.search(out) or _THEY_SPEECH.search(out)
    if m:
        who = _researchers_before(before)
        if who is None:
            return None
        out = out[:m.start("p")] + _same_case(who, m.group("p")) + out[m.end("p"):]
    # a group: "Those who began …"
    m = _THOSE.match(out)
    if m:
        group = _group_before(before)
        if group is None:
            return None
        out = out[:m.start("p")] + _same_case(group, m.group("p")) + out[m.end("p"):]
    # a count of a group with no group: "Several told doctors …" after "Of the 37 patients, …"
    m = _COUNT_ALONE.match(out)
    if m:
        group = next((g for sent in list(before)[::-1][:QUANTIFIER_LOOKBACK] if (g := _group_before([sent]))), None)
        if group is None:
            return None
        out = out[:m.end("p")] + " " + group + out[m.end("p"):]
    # the subject: "It can help …", "… its benefits …", "They are not a substitute …"
    subject = _subject_before(before, subjects) if subjects else None
    if subject:
        plural = looks_plural(subject.split()[-1].lower())
        bare = subject if _proper(subject, before) else subject[:1].lower() + subject[1:]
        m = _SUBJECT_OPENER.match(out)
        if m and (m.group("p").lower() == "they") == plural and dangling_reason(out, []) is not None:
            out = out[:m.start("p")] + _same_case(bare, m.group("p")) + out[m.end("p"):]
        m2 = re.match(r"(?:opens with )?'(its|it|their|them)' (?:refers to nothing|and nothing) before it",
                      dangling_reason(out, []) or "")
        if m2 and (m2.group(1) in ("their", "them")) == plural:
            hit = re.search(rf"\b{m2.group(1)}\b(?!['’])", out, re.I)
            if hit:
                form = bare + ("'s" if m2.group(1) == "its" else "'" if m2.group(1) == "their" else "")
                out = out[:hit.start()] + (upper_first(form) if hit.start() == 0 else form) + out[hit.end():]
    # a definite noun phrase: "The review had limits. It came from a single practice, …"
    m = _SUBJECT_OPENER.match(out)
    if m and out == sentence and (dangling_reason(out, []) or "").startswith(f"opens with '{m.group('p').lower()}'"):
        np = _definite_before(before, plural=m.group("p").lower() == "they")
        if np is not None:
            out = out[:m.start("p")] + _same_case(np, m.group("p")) + out[m.end("p"):]
    # a demonstrative's thing, as the sentence just before introduced it: "… can trap people in a
    # cycle of medication-overuse headache, …. When people in that cycle stop, …"
    m = _DEMONSTRATIVE.match(dangling_reason(out, []) or "") if out == sentence else None
    if m and before:
        intro = _indefinite_in(m.group("noun"), before[-1])
        hit = re.search(rf"\b{m.group('det')}\s+{m.group('noun')}\b", out, re.I)
        # (inside the sentence only: "An eight-week trial was small" for "That trial was small"
        # would tell of some trial, not the one)
        if intro and hit and hit.start() > 0:
            out = out[:hit.start()] + intro + out[hit.end():]
    return out if out != sentence else None


_DEMONSTRATIVE = re.compile(r"^'(?P<det>that|this)' '(?P<noun>[a-z][a-z-]+)' not introduced")
# "a cycle of medication-overuse headache", "an eight-week trial": the introduction, with up to
# two describing words before the noun and a short of-phrase after it
_INDEFINITE_NP = r"\b(?:an?)\s+(?:[a-z][\w-]*\s+){{0,2}}?{noun}(?:\s+of\s+(?:[\w'’-]+\s+){{0,4}}?[\w'’-]+(?=\s*[,;.:)]|\s+(?:in|that|which|who|where|when|and|but)\b))?"


def _indefinite_in(noun: str, sentence: str) -> str | None:
    """The "a/an … <noun> [of …]" that introduces ``noun`` in ``sentence``, or None; only one,
    so the demonstrative has a single reading."""
    found = re.findall(_INDEFINITE_NP.format(noun=re.escape(noun)), sentence, re.I)
    return found[0][:1].lower() + found[0][1:] if len(found) == 1 else None


def _named_in(text: str, names: frozenset[str]) -> set[str]:
    """The surnames in ``names`` that ``text`` uses (one pass over its words, not one search per
    name). A name straight before another is a first name ("Rajesh Menon" is one person, Menon)."""
    words = name_words(text)
    found = {w for w in words if w in names}
    if len(found) > 1:
        found -= {w for w in found if re.search(rf"\b{re.escape(w)}\s+(?:{'|'.join(map(re.escape, found - {w}))})\b", text)}
    return found


def inserted(before: str, after: str) -> list[str]:
    """The phrases ``after`` has in place of (or besides) ``before``'s words: what a restoration
    put in ("Dr. Ana Ruiz, a toxicologist," for "she"), for the report."""
    a, b = before.split(), after.split()
    ops = SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
    return [" ".join(b[j1:j2]) for tag, _, _, j1, j2 in ops if tag in ("replace", "insert")]
