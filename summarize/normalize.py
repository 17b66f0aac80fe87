"""Output normalisation: turn raw model text into house-style sentences.

Uncased WordPiece models emit "kratom ’ s 7 - hydroxymitragynine"; we re-attach pieces the
way the source writes them and restore each word's casing (and curly quotes) from the source.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Callable, Iterable

from summarize.corpus.text import (TITLE, TITLE_BEFORE, WORD, SourceCasing, bracket_groups, casing_key, detokenize,
                                   lexicon_pos, restore_casing, split_sentences, zipf)

__all__ = ["SourceCasing", "detokenize", "restore_casing", "normalise_generated", "dedupe", "fix_articles",
           "close_sentence", "finish_sentence", "sentence_case", "title_case"]


def sentence_case(text: str) -> str:
    text = text.strip()
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
        if ch.isdigit():
            break
    return text


def close_sentence(text: str) -> str:
    """A full stop after a draft sentence taken as it stands that has none: a dek or a caption
    line ends without one ("… found doses that didn't match labels"), but in a lead the next
    sentence would run on from it. Anything ending in punctuation or a quote is left alone."""
    text = text.rstrip()
    if text and (text[-1].isalnum() or text[-1] == "%"):
        text += "."
    return text


def finish_sentence(text: str) -> str:
    text = text.strip().rstrip(",;:-– ")
    if text and text[-1] not in ".!?":
        text += "."
    return text


# An article is "a"/"an" in lower case, or capitalised where a sentence starts: a capital "A"
# inside a sentence is a letter ("influenza A", "vitamin A"), never changed.
_ARTICLE = re.compile(r"(?:(?<=^)|(?<=[.!?]\s)|(?<=[.!?][”\"’']\s))(A|An)\s+(\S+)|\b(a|an)\s+(\S+)")
# Vowel letters that sound like a consonant, and silent h.
_CONSONANT_SOUND = re.compile(r"^(one\b|once|uni(?!n)|use|usu|uti|eu|ewe|ur[aeo]|u[bcfgklmprstv][aeiou]|onc?e-)", re.I)


def article_for(word: str) -> str:
    """'a' or 'an' for the word that follows, by its sound (a one-to-two, an hour, an FDA)."""
    w = word.lstrip("“\"‘'(")
    if not w:
        return "a"
    if w[:1].isupper() and re.match(r"^[A-Z]{2,5}\b", w):  # an acronym: read letter by letter
        return "an" if w[0] in "AEFHILMNORSX" else "a"
    if _CONSONANT_SOUND.match(w):
        return "a"
    return "an" if re.match(r"^(hour|honest|honou?r|heir|[aeiou]|8|11\b|18\b|80)", w, re.I) else "a"


def fix_articles(text: str) -> str:
    """Choose a/an by the word that follows only: 'a appealing' -> 'an appealing', 'an one-to-two'
    -> 'a one-to-two'; 'influenza A and B' stays (that "A" is a letter, not an article)."""
    def fix(m: re.Match) -> str:
        art, nxt = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        want = article_for(nxt)
        if art[0].isupper():
            want = want.capitalize()
        return f"{want} {nxt}"

    return _ARTICLE.sub(fix, text)


class SentenceCasing:
    """Casing from the sentence a generated one was written from first ("National Cancer
    Institute" as that sentence writes it), the whole draft's for other words. A word that
    only starts a source sentence says nothing about its own casing, so it is not taken."""

    def __init__(self, support: str, fallback: SourceCasing):
        self.fallback = fallback
        self.keyed, self.lower = fallback.keyed, fallback.lower  # detokenize reads these
        seen: dict[str, set[str]] = {}
        # A word the sentence writes two ways ("the journal Medication Access Research … their
        # medication") takes the form written beside the same neighbour; without one, the
        # whole draft decides.
        self.beside: dict[tuple[str, str], str] = {}
        # (sentences as the splitter finds them: "U.S. poison centers" is one)
        for sent in (x.text for x in split_sentences(support)):
            found = [m.group(0) for m in WORD.finditer(sent)]
            for i, form in enumerate(found):
                if i:
                    key = casing_key(form)
                    seen.setdefault(key, set()).add(form)
                    self.beside[(key, "<" + casing_key(found[i - 1]))] = form
                    if i + 1 < len(found):
                        self.beside[(key, ">" + casing_key(found[i + 1]))] = form
        self.forms = {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}
        self.two_ways = {k for k, v in seen.items() if len(v) > 1}
        self.initial_only = fallback.initial_only - self.forms.keys() - self.two_ways

    def surface(self, word: str) -> str:
        return self.forms.get(casing_key(word)) or self.fallback.surface(word)

    def surface_beside(self, word: str, before: str | None, after: str | None) -> str:
        key = casing_key(word)
        if key in self.two_ways:
            for side in ((">" + casing_key(after)) if after else None, ("<" + casing_key(before)) if before else None):
                if side and (key, side) in self.beside:
                    return self.beside[(key, side)]
        return self.surface(word)


# "[T]he company": an editor's bracketed capital, which a model writes as "[ t ] he".
_BRACKETED = re.compile(r"\[\s*([A-Za-z])\s*\]\s*([a-z]+)")


def _keep_bracketed(text: str, support: str | None) -> str:
    if not support:
        return text

    def fix(m: re.Match) -> str:
        for letter in (m.group(1).upper(), m.group(1).lower()):
            written = f"[{letter}]{m.group(2)}"
            if written in support:
                return written
        return m.group(0)

    return _BRACKETED.sub(fix, text)


def normalise_generated(raw: str, casing: SourceCasing, support: str | None = None) -> str:
    """Detokenise, restore casing (``support``'s first: the sentence it was written from), fix
    a/an, keep "[T]he" as written, sentence-case and terminate one generated sentence."""
    text = detokenize(raw, casing)
    text = restore_casing(text, SentenceCasing(support, casing) if support else casing)
    text = fix_articles(_keep_bracketed(text, support))
    text = re.sub(r"\s+", " ", text)
    return finish_sentence(sentence_case(text))


def dedupe(sentences: list[str], threshold: float = 0.8) -> list[int]:
    """Indexes of sentences to keep: drops exact repeats and near-repeats (word overlap)."""
    keep: list[int] = []
    seen: list[set[str]] = []
    for i, s in enumerate(sentences):
        words = {w.lower() for w in WORD.findall(s)}
        if not words:
            continue
        if any(len(words & o) / max(1, min(len(words), len(o))) >= threshold for o in seen):
            continue
        keep.append(i)
        seen.append(words)
    return keep


def title_case(text: str) -> str:
    """House headings are Title Case; small words stay lower-case unless first."""
    small = {"a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "vs"}
    words = text.split()
    out = []
    for i, w in enumerate(words):
        if w != w.lower():  # keep source casing (names, acronyms)
            out.append(w)
        elif i > 0 and w in small:
            out.append(w)
        else:
            out.append(w[:1].upper() + w[1:])
    return " ".join(out)


# A bracketed group that reports statistics: "(RR 0.33, 95% CI 0.04 to 3.03; 2 trials)",
# "[WMD -46.5, 95% CI -80.4 to -12.6]", "(259 participants)", "(n=300, 1 RCT)".
_STATISTIC_GROUP = re.compile(
    r"\d.*\b(CI|RR|OR|HR|MD|SMD|WMD|NNT|RCTs?|participants|patients|people|women|men|infants|children|trials?|studies)\b"
    r"|\b(CI|RR|OR|HR|MD|SMD|WMD|NNT)\b.*\d|\b[nNpP]\s*[=<>]\s*\d|\d\s*%|^\s*-?\d[\d.,]*\s*(to|-|–)\s*-?\d", re.S)
# a statistic may open with its label: "(between-group difference, -1.6; 95% CI …)", "(mean age,
# 72.8 years; 61% women)", "(odds ratio 1.5, …)", "(standardised mean difference (SMD) -0.31, …)"
_STATISTIC_START = re.compile(
    r"\s*(?:[A-Za-z-]+(?:\s+[A-Za-z-]+){0,2}\s*[,:=]\s*"
    r"|(?:(?:mean|median|adjusted|pooled|standardi[sz]ed|weighted|absolute|relative|odds|hazard|risk)\s+){0,2}"
    r"(?:difference|ratio|risk|reduction|change|age)\s+(?:\([A-Z]{1,6}\)\s*)?)?"
    r"([-–−]?\d|(CI|RR|OR|HR|MD|SMD|WMD|NNT|[nNpP]\s*[=<>])\b|95\s*%)")
MAX_STATISTIC_CHARS = 300
# Keep the sentence when removing its statistics would leave fewer words than this.
MIN_KEPT_WORDS = 4


def drop_statistics(text: str) -> str:
    """``text`` without its bracketed statistics (deletions only): a lead states the finding,
    the draft keeps the numbers behind it. Unchanged when little would be left."""
    pieces, _ = bracket_groups(text, "()[]")  # an unclosed bracket is left as it is
    if not pieces:
        return text
    kept, at = [], 0
    for a, b in pieces:
        inner = text[a + 1 : b - 1]
        # a statistic opens it; "(in 3 of 5 trials)" is a scope the claim needs, not a statistic
        # (and a long bracket is prose, never searched)
        if len(inner) <= MAX_STATISTIC_CHARS and _STATISTIC_START.match(inner) and _STATISTIC_GROUP.search(inner):
            kept.append(text[at:a].rstrip())
            at = b
    if not kept:
        return text
    kept.append(text[at:])
    result = re.sub(r"\s+([,.;:!?])", r"\1", " ".join(k for k in kept if k).strip())
    result = re.sub(r"\s{2,}", " ", result)
    return result if len(result.split()) >= MIN_KEPT_WORDS else text


# --------------------------------------------------------------------------- abbreviations
# "gradual dose reduction (GDR)", "randomised controlled trials (RCTs)": a long form whose words'
# initials spell the abbreviation (small words may be skipped), defined in the draft.
# (a word is matched from its start and never backtracked into: a 300,000-letter "word" would
# otherwise be tried from each of its letters, quadratic time)
_DEFINITION = re.compile(r"((?:(?<![\w'’-])[A-Za-z][\w'’-]*+\s+){1,10}?)\(([A-Z][A-Za-z]{1,7})\)")
_SMALL = frozenset("of and the for in on with to a an".split())
NAME_ZIPF = 3.5  # a capitalised word rarer than this is taken for a name ("Hashimoto", not "Alcohol")


def _core(abbr: str) -> str:
    """The letters an abbreviation spells ("RCTs" -> "RCT")."""
    return abbr[:-1] if abbr.endswith("s") and abbr[:-1].isupper() else abbr


def _long_form_length(words: list[str], core: str, *, open_on_small: bool = True) -> int | None:
    """How many of the last ``words`` spell ``core`` by their initials (small words may be
    skipped), the fewest that do; None when no run of them does."""
    for k in range(len(core), min(len(words), 2 * len(core)) + 1):
        phrase = words[-k:]
        if "".join(w[0] for w in phrase if w.lower() not in _SMALL).upper() == core and (
                open_on_small or phrase[0].lower() not in _SMALL):
            return k
    return None


def abbreviations(text: str) -> dict[str, str]:
    """The draft's abbreviations and the long forms it first defines them with."""
    out: dict[str, str] = {}
    for m in _DEFINITION.finditer(text):
        abbr = m.group(2)
        core = _core(abbr)
        if abbr in out or not core.isupper() or len(core) < 2:
            continue
        words = m.group(1).split()
        k = _long_form_length(words, core, open_on_small=False)
        if k is not None:
            out[abbr] = _common_casing(" ".join(words[-k:]), text)
    return out


def _common_casing(long: str, text: str) -> str:
    """The long form as it reads mid-sentence: a capital that only a sentence start gave it goes
    ("Alcohol use disorder (AUD) is …" -> "alcohol use disorder"); a name keeps its capitals
    ("World Health Organization", "Hashimoto's encephalitis" when the draft writes "Hashimoto's"
    mid-sentence)."""
    words = long.split()
    first = words[0]
    if not first[:1].isupper() or first.isupper() or all(w[:1].isupper() for w in words if w.lower() not in _SMALL):
        return long
    mid_sentence = r"(?<![.!?\n]\s)(?<![.!?\n])(?<=\s)"
    # written so mid-sentence too, or its first word, when that is no common word ("Hashimoto's")
    if re.search(rf"{mid_sentence}{re.escape(long)}\b", text) or (
            zipf(re.split(r"['’]", first)[0].lower()) < NAME_ZIPF and re.search(rf"{mid_sentence}{re.escape(first)}\b", text)):
        return long
    return first[0].lower() + first[1:] + long[len(first):]


def expand_abbreviations(sentences: list[str], defined: dict[str, str]) -> list[str]:
    """Each abbreviation the lead uses before it says what it stands for gets its long form at
    its first use ("GDR combined with …" -> "Gradual dose reduction (GDR) combined with …"); one
    inside a parenthesis (a statistic's "CI") is left alone."""
    said = " ".join(sentences)
    introduced = {a for a, long in defined.items() if f"({a})" in said and long.lower() in said.lower()}
    out = []
    for s in sentences:
        for abbr, long in defined.items():
            if abbr in introduced:
                continue
            m = next((m for m in re.finditer(rf"\b{re.escape(abbr)}\b(?!\s*\()", s)
                      if s[: m.start()].count("(") == s[: m.start()].count(")")), None)
            if m is None:
                continue
            if long.lower() in s[: m.start()].lower():
                introduced.add(abbr)
                continue
            form = long[0].upper() + long[1:] if m.start() == 0 else long
            before = s[: m.start()]
            # the article read the abbreviation's sound: "An HIO spokeswoman" -> "A Health … (HIO) …"
            art = re.search(r"\b([Aa]n?)\s+$", before)
            if art:
                want = article_for(form)
                before = before[:art.start(1)] + (want.capitalize() if art.group(1)[0] == "A" else want) + before[art.end(1):]
            s = before + f"{form} ({abbr})" + s[m.end():]
            introduced.add(abbr)
        out.append(s)
    return out


# Letters after a name that say what the person is qualified as, not who they are.
_CREDENTIALS = r"(?:,?\s+(?:MD|M\.D\.|PhD|Ph\.D\.|PharmD|DO|RN|NP|MPH|MBBS|MBChB|FRCP|DPhil|DNP|DrPH|MSc|PA-C)\b\.?)*"
# What a first mention says about the person: ", an addiction specialist at X" (up to a "who"
# clause, the next comma or the verb), or a role without an article (", program director at X").
_APPOSITIVE = r"(?:,\s+(?P<role>(?:a|an|the)\s+[^,;:()“”\"]{3,160}?|(?!(?:who|which|said|says|told|and|but|was|were|is|are|has|have|had|can|could|may|might|will|would)\b)[a-z][^,;:()“”\"]{3,160}?)" \
              r"(?=,|\s+who\b|\s+(?:said|says|told|adds|added)\b|;|(?<!\bSt)(?<!\bMt)(?<!\bFt)(?<!\bNo)(?<!\bDr)\.))?"
MAX_ROLE_WORDS = 12


_NOT_A_FIRST_NAME = (r"(?:For|In|To|At|With|By|From|As|And|But|Of|On|When|If|After|Before|Like|Unlike|Since|Until|"
                     r"While|The|A|An|This|That|Then|So|Yet|Asked|Says|Said|Meanwhile|Now|Even)")


def introductions(text: str, names: Iterable[str]) -> dict[str, str]:
    """How the draft first names each person it later calls by surname alone ("Marsh"): the full
    name, with the role it gives them there when that is short ("Devon Marsh, an addiction
    medicine specialist at Lakemont Health"). A surname never given in full is left out."""
    out: dict[str, str] = {}
    for last in names:
        # (a sentence's first word is no first name: "For Sajid, the ban on sales means little")
        m = re.search(rf"\b(?P<name>(?:(?:Dr|Prof|Professor)\.?\s+)?(?!{_NOT_A_FIRST_NAME}\s)[A-Z][\w'’-]+\s+"
                      rf"(?:[A-Z]\.\s+)?{re.escape(last)})\b"
                      rf"{_CREDENTIALS}{_APPOSITIVE}", text)
        if m is None:
            continue
        role = m.group("role")
        # ("His doctor, Dr Vishnu Balgobin, believes the tonic played a part": a verb, not a role)
        first = role.split()[0].lower() if role else ""
        pos = lexicon_pos(first) if first and first not in ("a", "an", "the") else {}
        if "VERB" in pos and (not {"NOUN", "ADJ"} & pos.keys() or (first.endswith("s") and first not in pos["VERB"])):
            role = None
        # "… a clinic in Leeds for people who use steroids": the "who" clause says which people,
        # and the role cut before it says nothing
        if role and re.search(r"\b(?:people|persons|those|patients|anyone|someone|men|women|children|adults|families|"
                              r"users|teenagers|others)\s*$", role) and re.match(r"\s+who\b", text[m.end():]):
            role = None
        # the role said before a full name ("Emergency physician Hamish Okoro-Lindqvist, who …"), not
        # before a first name a title stands in front of ("GP Dr Hannah Okonjo-Reid" read for "Hannah")
        if not role and not _TITLED_NAME.match(m.group("name")):
            pre = _ROLE_BEFORE.search(text[:m.start("name")])
            words = pre.group("role").split() if pre else []
            # (describing words: "Now GP Dr …" has an adverb, no role)
            if words and all("ADV" not in lexicon_pos(w.lower()) or {"ADJ", "NOUN"} & lexicon_pos(w.lower()).keys()
                             for w in words[:-1]):
                role = f"{article_for(words[0])} {' '.join([words[0][:1].lower() + words[0][1:], *words[1:]])}"
        if role and len(role.split()) > MAX_ROLE_WORDS and " and " in role:
            # two roles ("associate professor of psychiatry at X and senior author of the study"): the first
            role = role.split(" and ")[0]
        if role and len(role.split()) > MAX_ROLE_WORDS and len(role.split(" at ")[0].split()) >= 2:
            # a long place ("an assistant professor of anesthesiology at the Red Cedar University
            # School of Medicine"): the job says who they are
            role = role.split(" at ")[0]
        out[last] = m.group("name") + (f", {role.strip()}," if role and len(role.split()) <= MAX_ROLE_WORDS else "")
    return out


# A role printed before a name, a sentence's first words or after a comma ("Emergency physician
# Hamish Okoro-Lindqvist", "…, said toxicologist Ana Ruiz"): up to two describing words and the role.
_ROLE_NOUNS = (r"physician|doctor|psychiatrist|psychologist|pharmacist|pharmacologist|toxicologist|epidemiologist|"
               r"paediatrician|pediatrician|cardiologist|dermatologist|neurologist|surgeon|nurse|midwife|dietitian|"
               r"nutritionist|researcher|scientist|neuroscientist|GP|consultant|specialist|clinician")
_ROLE_BEFORE = re.compile(rf"(?:^|[.!?]\s+|,\s+|\b(?:said|says)\s+)(?P<role>(?:(?!(?:said|says|the|a|an|and|or|by|of|to|with|from)\s)[A-Za-z][a-z-]+\s+){{0,2}}(?:{_ROLE_NOUNS}))\s+$")


_TITLED = re.compile(rf"{TITLE}\s")
_TITLED_NAME = re.compile(rf"^{TITLE}\s+")


def introduce_people(sentences: list[str], intros: dict[str, str],
                     titled: Callable[[str], bool] = lambda last: False) -> list[str]:
    """A person the lead calls by surname alone before it has named them ("Marsh recommended …")
    is named as the draft first names them, at that first use ("Devon Marsh, an addiction medicine
    specialist at Lakemont Health, recommended …"); a possessive takes the name alone. ``titled``:
    whether the draft gives a surname with a title on later mentions ("Dr Furlong"), which a
    second introduction is then cut to (asked only when one is)."""
    said = ""
    out = []
    for s in sentences:
        for last, intro in intros.items():
            name = intro.split(",")[0]
            if re.search(rf"\b{re.escape(last)}\b", said):
                # named in full before: a second introduction (a sentence that came with its own)
                # is the surname
                core = _TITLED_NAME.sub("", name)  # ("Dr Priya Mandal" said once, "Priya Mandal, …" again)
                if core in said:
                    role = intro[len(name):].rstrip(",")
                    # (with the title, where the draft calls them so: "Dr Furlong said")
                    s = re.sub(rf"(?:\b(?P<title>{TITLE})\s+)?\b{re.escape(core)}\b(?:{re.escape(role)},?(?=\s))?",
                               lambda m: f"{m.group('title')} {last}" if m.group("title") and titled(last) else last, s)
                continue
            m = next((m for m in re.finditer(rf"\b{re.escape(last)}\b", s)
                      if not re.search(r"[A-Z][\w'’.-]*\s+$", s[: m.start()])
                      or TITLE_BEFORE.search(s[: m.start()])), None)  # not "Devon Marsh"; "Dr Marsh" yes
            if m is None:
                continue
            start, title = m.start(), TITLE_BEFORE.search(s[: m.start()])
            if title:  # "Dr Marsh" -> "Dr Devon Marsh, …", "Mr Marsh" -> "Devon Marsh": a title said once
                start = title.start()
                if not _TITLED.match(intro) and not title.group(0).startswith("M"):
                    intro, name = title.group(0) + intro, title.group(0) + name
            after = s[m.end():]
            if re.match(r"['’]s?\b", after):  # a possessive: the name alone
                form = name
            elif re.match(r"\s*[.,;:!?)]", after) and intro.endswith(","):
                form = intro[:-1]  # no comma before a stop
            else:
                form = intro
            s = s[:start] + form + after
        said += " " + s
        out.append(s)
    return out


# A small word printed twice is a draft's typo ("over the the past decade"), never the lead's
# ("had had" and "that that" can be English).
_DOUBLED = re.compile(r"\b(the|a|an|of|to|and|or|in|on|at|for|is|are|was|were|with|from|by|as|it|be)\s+\1\b", re.I)


def undouble(text: str) -> str:
    """``text`` with a doubled small word said once."""
    return _DOUBLED.sub(lambda m: m.group(0).split()[0], text)


# A Markdown draft's emphasis ("There are **almost no human studies** of it"): the lead is plain
# prose in every format, so the words stay and the marks go.
_EMPHASIS = re.compile(r"(?<![\w*])(\*\*|__)(?=\S)(.+?)(?<=\S)\1(?![\w*])|(?<![\w*])\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?![\w*])")


def unemphasise(text: str) -> str:
    """``text`` without Markdown's emphasis marks around its words."""
    return _EMPHASIS.sub(lambda m: m.group(2) if m.group(2) is not None else m.group(3), text) if "*" in text or "__" in text else text


# A draft's typing slip ("teh", "reserach", "recieve", "untill"): two letters swapped, or a double
# letter written single or a single one doubled, where the word is rare and the fix a common word
# (wordfreq). Only these slips: any other edit would "correct" a drug's name or a term ("indica").
TYPO_MAX_ZIPF = 3.2
FIX_MIN_ZIPF = 4.0
FIX_MARGIN = 1.5
ANY_DRAFT_ZIPF = 5.5  # a fix this common needs no spelling of it in the draft ("teh" → "the")
_VOWELS = frozenset("aeiou")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]{3,}(?![\w'’-])")


def _slips(word: str) -> set[str]:
    """What ``word`` would be with one slip undone."""
    out = {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)}
    for i in range(1, len(word)):
        letter = word[i]
        if letter in _VOWELS:  # (a doubled vowel is a spelling of its own: "paan", "kava")
            continue
        if letter == word[i - 1]:
            out.add(word[:i] + word[i + 1:])  # "untill" → "until"
        else:
            out.add(word[:i] + letter + word[i:])  # "occured" → "occurred"
    out.discard(word)
    return out


def respell(text: str, vocabulary: frozenset[str] = frozenset()) -> tuple[str, list[tuple[str, str]]]:
    """``text`` with the draft's typing slips mended, and the (slip, word) pairs mended. A fix is a
    word the draft spells right elsewhere (its ``vocabulary``, lower-cased) or a very common one
    ("the"): a slip's other readings ("blod": "bold" or "blood"?) are for the writer to settle."""
    fixes: list[tuple[str, str]] = []

    def fix(m: re.Match) -> str:
        word = m.group(0)
        rarity = zipf(word)
        if rarity > TYPO_MAX_ZIPF or lexicon_pos(word):  # (a word of its own: "sliver", "carer")
            return word
        best = max(sorted(_slips(word)), key=zipf)
        common = zipf(best)
        if common < max(FIX_MIN_ZIPF, rarity + FIX_MARGIN) or (best not in vocabulary and common < ANY_DRAFT_ZIPF):
            return word
        fixes.append((word, best))
        return best

    return _LOWER_WORD.sub(fix, text), fixes


def name_people(sentences: list[str], prose: str, names: frozenset[str] | None = None,
                cache: dict[str, str] | None = None) -> list[str]:
    """``introduce_people`` with the people the draft (its ``prose``) names in full. ``names``:
    the draft's surnames, when the caller has them (found here otherwise); ``cache``: each
    name's introduction, kept across calls on one draft (each is a search of the whole draft)."""
    from summarize.coherence import name_words, surnames

    if names is None:
        names = surnames(prose)
    # only the names the lead uses (a draft may name thousands: one search of it for each)
    used = set(name_words(" ".join(sentences))) & names
    if cache is None:
        intros = introductions(prose, used) if used else {}
    else:
        missing = used - cache.keys()
        if missing:
            found = introductions(prose, missing)
            cache.update({name: found.get(name, "") for name in missing})
        intros = {name: cache[name] for name in used if cache[name]}
    # (a search of the whole draft, so made only for a second introduction, which is rare)
    def titled(last: str) -> bool:
        return bool(re.search(rf"\b{TITLE}\s+{re.escape(last)}\b", prose))

    return introduce_people(sentences, intros, titled) if intros else list(sentences)


# A reported-speech tag closing the sentence: "…, Castellanos said.", "…, said Dr. Castellanos."
_CLOSING_TAG = re.compile(r",\s+(?:(?:(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+)?(?:[A-Z][\w'’-]+\s+){0,2}(?P<last>[A-Z][\w'’-]+)"
                          r"\s+(?:said|says)|(?:said|says)\s+(?:(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+)?(?:[A-Z][\w'’-]+\s+){0,2}"
                          r"(?P<last2>[A-Z][\w'’-]+))\s*\.$")
_OPENS_QUOTE = re.compile(r"^\s*[\"“‘']")


def untag_speakers(sentences: list[str]) -> list[str]:
    """The lead's sentences with a reported-speech tag dropped where the sentence before already
    says who is speaking ("… nerve damage, Castellanos said." after "Dr. Naomi Castellanos … said her
    department …"): a lead names its source once, not in every sentence; and where it names,
    by surname alone, someone the lead never introduced (what the draft could not name in full:
    "…, Lee said."). A quotation keeps its speaker."""
    out = list(sentences)
    for k in range(len(out)):
        m = _CLOSING_TAG.search(out[k])
        # (a quotation's tag follows its closing mark, '," Lee said.', and is never matched; one
        # opening the sentence may end in reported speech of its own)
        if m is None or _OPENS_QUOTE.match(out[k]):
            continue
        last = m.group("last") or m.group("last2")
        before = " ".join(out[:k])
        repeated = k and re.search(rf"\b{re.escape(last)}\b", out[k - 1]) \
            and re.search(r"\b(?:said|says|told|added|warned)\b", out[k - 1])
        # (a surname alone: no first name or title in front of it)
        bare = not re.search(rf"[A-Z][\w'’.-]*\s+{re.escape(last)}\b", m.group(0))
        unknown = bare and not re.search(rf"\b{re.escape(last)}\b", before)
        if repeated or unknown:
            out[k] = out[k][:m.start()] + "."
    return out


def collapse_abbreviations(text: str, source: str) -> str:
    """``text`` with the long forms ``expand_abbreviations`` added (an "(ABBR)" the source does not
    have) folded back to the abbreviation: what the sentence was before the pipeline spelled
    them out, for measuring what the model changed."""
    for m in reversed(list(re.finditer(r"\(([A-Z][A-Za-z]{1,7})\)", text))):
        abbr = m.group(1)
        if f"({abbr})" in source:
            continue
        words = list(re.finditer(r"[A-Za-z][\w'’-]*", text[: m.start()]))
        k = _long_form_length([w.group(0) for w in words], _core(abbr))
        if k is not None:
            text = text[: words[-k].start()] + abbr + text[m.end():]
    return text
