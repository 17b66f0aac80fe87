"""Repairs: compressing a source caveat sentence into a short added sentence, finding and
cutting overclaims out of summary sentences, and choosing where added caveats go.

Every operation here *deletes* text (and re-capitalises the first letter or fixes a/an):
an added sentence never contains a word its source sentence does not.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from summarize.corpus.text import UPPER_LETTERS, bracket_groups, split_sentences

from .detect import Detection, Detector
from .nlp import CLAUSE_PUNCT, clause_bounds, normalize, not_negation_spans, tokenize
from .policy import Policy

# --------------------------------------------------------------------------- compression


def compress_variants(text: str, cue_spans: list[tuple[int, int]], policy: Policy) -> list[str]:
    """Shorter versions of a source sentence that keep every needed cue, most compressed first,
    ending with the sentence itself. ``cue_spans`` are the character spans of the cues the
    added sentence must carry."""
    keep = sorted(cue_spans)
    variants: list[str] = []
    original = text
    # 0. a list label glued to the sentence ("Comparison 5: ...", "3. ...") is never kept
    text, keep = _strip_prefix(text, keep, policy.label_prefix)
    # 0a. the second sentence of a quote ('It's very easy to get hooked," he said.') opens it again,
    #     and a quote of several sentences keeps the one with the cues
    text, keep = _reopen_quote(text, keep)
    text, keep = _quoted_sentence(text, keep)
    text, keep = _quote_conjunction(text, keep, policy.lead_ins)
    # 0b. who said it ("…, Figueroa said, …"): a speaker the lead does not introduce dangles
    text, keep = _unquote(text, keep)
    # ("But she says the field needs …": the frame is found after the connective)
    bare, bare_keep = _strip_prefix(text, keep, policy.lead_ins)
    framed, framed_keep = _strip_attribution(bare, bare_keep, policy)
    if framed != bare:
        text, keep = framed, framed_keep
    text, keep = _strip_attribution(text, keep, policy)
    text, keep = _strip_mid_connective(text, keep)
    # 0c. a lead-in before a colon that points back ("That reputation has not held up: like other
    #     opioids, tramadol can cause dependence …"): the clause after it states the caveat
    text, keep = _strip_colon_lead_in(text, keep)
    cur = text
    spans = keep
    # 1. lead-ins ("It's important to note that", "However,")
    cur, spans = _strip_prefix(cur, spans, policy.lead_ins)
    lead_only = cur
    # 2. a fronted concessive clause without the cue ("While generally considered safe ..., ")
    cur, spans = _strip_prefix(cur, spans, policy.concessive)
    cur, spans = _strip_prefix(cur, spans, policy.lead_ins)
    # 2b. a fronted reason without the cue ("Because CBD is broken down by the same enzymes,
    #     it can change …"): the caveat is the main clause
    cur, spans = _strip_reason(cur, spans)
    # 3. trailing participial / "especially if" clauses without the cue
    cur = _strip_trailing(cur, spans, policy.trailing)
    # 3b. a list of examples closing the sentence keeps its first example
    cur = _trim_examples(cur, spans)
    # 4. semicolon-joined clauses without the cue
    cur, spans = _drop_semicolon_clauses(cur, spans)
    cur, spans = _strip_prefix(cur, spans, policy.lead_ins)  # "...; however, the evidence is weak"
    # 5. "to A and to B": keep the infinitive with the cue
    cur, spans = _drop_coordinated_infinitive(cur, spans)
    # 6. parentheses without the cue (statistics in scientific abstracts)
    cur, spans = _drop_parentheses(cur, spans)
    # 6b. relative clauses set off by commas without the cue ("…, who knows their other medicines,")
    cur, spans = _drop_relative_asides(cur, spans)
    cur, spans = _drop_coordinated_infinitive(cur, spans)
    # 7. coordinated main clauses without the cue (", but ...", ", and ...") when the clause
    #    with the cue has its own subject
    short = _keep_cue_clause(cur, spans)
    if short != cur:
        at = cur.find(short)
        short, _ = _strip_prefix(short, [(a - at, b - at) for a, b in spans], policy.lead_ins)
    # last, the sentence as the draft has it (a named speaker's quotation, whole)
    for v in (short, cur, lead_only, text) + ((original,) if _NAMED_QUOTE.fullmatch(original) else ()):
        v = _finish(v)
        if v and v not in variants:
            variants.append(v)
    return variants


_COORD = re.compile(r",\s+(?:and|but|while|whereas|although|though|yet)\s+|;\s+(?:and\s+|but\s+)?", re.I)
# Words that open a clause with its own subject ("side effects ... have been reported",
# "the evidence is weak"); a part that starts otherwise ("improves sleep") is not a sentence.
_SUBJECT_STARTS = frozenset("""the a an this that these those it its they their there some most many few no none several
    each all both such people patients participants users studies study trials trial evidence research data results
    findings side adverse experts scientists researchers doctors regular long-term more further rare serious severe
    high large small other much parents""".split())
MIN_CLAUSE_WORDS = 5
_PEOPLE_SUBJECTS = frozenset("anyone everyone someone nobody those".split())
# "it does mean (that) …", "this shows …": a frame around the verdict that follows it
_VERDICT_FRAME = re.compile(r"(?:it|this|that)\s+(?:(?:does|also|only|simply|really)\s+)*"
                            r"(?:means?|shows?|suggests?|tells\s+us|indicates?)\s+(?:that\s+)?", re.I)
_POINTS_BACK = frozenset("this that these those it its they their them such".split())


def _keep_cue_clause(text: str, spans):
    """The one coordinated main clause that holds every cue, when it has its own subject."""
    cuts = [m for m in _COORD.finditer(text) if not any(a < m.end() and m.start() < b for a, b in spans)]
    if not cuts or not spans:
        return text
    bounds = [0] + [m.end() for m in cuts]
    ends = [m.start() for m in cuts] + [len(text)]
    parts = [text[a:b].strip() for a, b in zip(bounds, ends)]
    for n, (a, b) in enumerate(zip(bounds, ends)):
        if all(a <= s and e <= b for s, e in spans):
            # the kept part and the part after it must both be clauses with a subject, so a
            # list ("nausea, headache, and dizziness") is never cut
            if n + 1 < len(parts) and not _is_clause(parts[n + 1]):
                return text
            # "…, but she stressed that patients from a single hospital cannot show …": the
            # speaker's frame goes, and what she stressed is the sentence
            framed = _PRONOUN_FRAME.match(parts[n]) if n else None
            if framed and _is_clause(rest := parts[n][framed.end():], first=True) \
                    and not _POINTS_TO_SPEAKER.match(rest) and not _PERSONAL_PRONOUN.search(rest) \
                    and all(text.find(parts[n]) + framed.end() <= s for s, _ in spans):
                return rest
            # ("…, but anyone with high blood pressure … should speak to a doctor": after "but",
            # "anyone" starts a clause; after "and" it may be a second subject, "People with liver
            # disease, and anyone taking …, should …")
            after_but = n and cuts[n - 1].group(0).strip(" ,").lower() == "but" \
                and parts[n].split()[0].lower() in _PEOPLE_SUBJECTS and _is_clause(parts[n], first=True)
            if not after_but and not _is_clause(parts[n], first=n == 0):
                return text
            # a later clause whose subject points back ("…, although that has not been shown")
            # means nothing without the clause before it; unless it only frames the verdict ("…,
            # but it does mean there's no good evidence that …": the verdict is a clause itself)
            if n and parts[n].split()[0].lower().strip("\"'(") in _POINTS_BACK:
                framed = _VERDICT_FRAME.match(parts[n])
                rest = parts[n][framed.end():] if framed else ""
                at = text.find(parts[n]) + (framed.end() if framed else 0)
                if framed and _is_clause(rest, first=True) and all(at <= s for s, _ in spans):
                    return rest
                return text
            # ", and" closing a list ("on mortality, hepatic encephalopathy, and serious adverse
            # events in …") joins nouns, not clauses
            if n and _ends_in_list(parts[n - 1]):
                return text
            # a person or group named in a dropped clause ("…, but the lounges are not inspected, and
            # the compounded NAD+ they use is not approved"): the pronoun would have no antecedent
            if n and _PERSONAL_PRONOUN.search(parts[n]):
                return text
            # "A posture corrector may help, but there is little evidence that it fixes pain": the
            # "it" is the dropped clause's subject, which takes its place (words of the sentence)
            if n == 1 and (it := _REFERRING_IT.search(parts[n])) and len(_REFERRING_IT.findall(parts[n])) == 1 \
                    and (subject := _subject_of(parts[0])):
                return parts[n][:it.start()] + subject + parts[n][it.end():]
            return parts[n]
    return text


# "it" as a pronoun, not the dummy subject of "it is unclear", "it's too early"
_REFERRING_IT = re.compile(r"\bit\b(?!\s*(?:is|was|'s|’s|remains|seems|appears|has\s+been|may\s+be|will\s+be|would\s+be)\b)")
# (articles and demonstratives only: "their pills" would carry its own pronoun into the sentence)
_ARTICLES = frozenset("a an the this that".split())


def _subject_of(clause: str) -> str | None:
    """The noun phrase opening ``clause`` up to its first verb ("A posture corrector" of "A posture
    corrector may be useful"), lower-cased at its article; None unless it is 2-6 words after a
    determiner, with no comma."""
    words = clause.split()
    for k, w in enumerate(words):
        if w.lower() in _FINITE:
            np_ = words[:k]
            if 2 <= len(np_) <= 6 and np_[0].lower() in _ARTICLES and not any("," in x for x in np_):
                return " ".join([np_[0].lower()] + np_[1:])
            return None
    return None


_PERSONAL_PRONOUN = re.compile(r"\b(?:they|them|their|he|him|his|she|her)\b", re.I)
_PRONOUN_FRAME = re.compile(r"(?:he|she|they)\s+(?:also\s+)?(?:said|says|stressed|stresses|warned|warns|noted|notes|"
                            r"added|adds|cautioned|cautions|acknowledged|acknowledges|admitted|admits)\s+that\s+", re.I)


def _ends_in_list(part: str) -> bool:
    """Does ``part`` end with a list item: a comma, then a few words and no verb ("on mortality,
    hepatic encephalopathy" before ", and …")?"""
    if "," not in part:
        return False
    words = part.rsplit(",", 1)[1].split()
    return 0 < len(words) <= 4 and not any(w.lower().strip(".;:") in _FINITE for w in words)


_FINITE = frozenset("""is are was were be been has have had can could may might must should will would do does did
    remains remain seems seem appears appear needs need""".split())


def _is_clause(part: str, first: bool = False) -> bool:
    """A part with a subject start (unless it opens the sentence) and a finite verb, or an
    imperative ("ask the studio who …", "If you're curious, talk to your doctor first")."""
    words = [w.lower().replace("’", "'").strip("\"'(),.;:") for w in part.split()]
    if len(words) < MIN_CLAUSE_WORDS - 1:
        return False
    if _is_imperative(words, part):
        return True
    if len(words) < MIN_CLAUSE_WORDS:
        return False
    # ("there's", "it's": a contracted "is")
    if not any(w in _FINITE or (w.endswith("ed") and len(w) > 4) or w in ("there's", "it's", "that's")
               for w in words):
        return False
    return first or words[0] in _SUBJECT_STARTS


# Verbs that open advice in the imperative
_IMPERATIVES = frozenset("""ask avoid be buy call check choose consult do don't follow get give keep limit look make
    mention never read remember report see seek speak start stick stop store take talk tell try use wait watch""".split())


_FRONTED_CONDITION = re.compile(r"\s*(?:if|before|when|unless)\b[^,;]{3,80},\s+(\S+)", re.I)


def _is_imperative(words: list[str], part: str) -> bool:
    """Does the part open on an imperative, perhaps after a fronted "if"/"before"/"when" clause?"""
    if words and words[0] in _IMPERATIVES:
        return True
    fronted = _FRONTED_CONDITION.match(part)
    return bool(fronted) and fronted.group(1).lower().replace("’", "'") in _IMPERATIVES


def _finish(s: str) -> str:
    s = re.sub(r"\s{2,}", " ", s.strip())
    s = re.sub(r"\s+([,.;:!?])", r"\1", s)
    s = s.rstrip(",;: -")
    if s and s[0].islower():
        s = s[0].upper() + s[1:]
    if s and not _ends_sentence(s):
        s += "."
    return s


def _ends_sentence(s: str) -> bool:
    """An end mark last, or inside the closing quotes and brackets (a sentence that ends
    inside its closing quote is already finished)."""
    return s.rstrip("\"”’')]")[-1:] in (".", "!", "?")


def _shift(spans, cut_start: int, cut_len: int):
    return [(a - cut_len, b - cut_len) if a >= cut_start else (a, b) for a, b in spans]


def _strip_prefix(text: str, spans, patterns):
    norm = normalize(text)
    for p in patterns:
        m = p.match(norm)
        if m and m.end() > 0 and all(a >= m.end() for a, _ in spans) and len(text) - m.end() > 15:
            return text[m.end():], _shift(spans, 0, m.end())
    return text, spans


_QUOTE_MARKS = re.compile(r"[\"“”„«»]")
# "… warned that X, and said anyone who …": the frame's subject governs a second clause
_SECOND_COMPLEMENT = re.compile(r"\b(?:and|but|or)\s+(?:that|whether|how|why|said|says|added|adds|warned|warns|noted|"
                                r"notes|stressed|stresses|urged|urges|told|tells|explained|explains)\b", re.I)
_THAT_CLAUSE = re.compile(r"(?:and|but)\s+(?:(?:added|said|noted|warned|stressed)\s+)?that\s+", re.I)
_POINTS_TO_SPEAKER = re.compile(r"(?:i|we|my|our|me|us|he|she|his|her|him|they|their|them)\b", re.I)


# A whole sentence in quotation marks, perhaps with a pronoun speaker after it ("“…,” she said."):
# its speaker was named sentences earlier, so the quote cannot stand in a lead as it is.
_SPEAKS = r"(?:said|says|added|adds|warned|warns|explained|explains|noted|notes)"
_SPEAKER = rf"(?:(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+)?[{UPPER_LETTERS}][\w'’.-]*(?:\s+[{UPPER_LETTERS}][\w'’-]*){{0,3}}"
# (the speaker a pronoun or a name, with the role the draft gives them: "…,” says Ana Ruiz, a
# pharmacologist at …")
_WHOLE_QUOTE = re.compile(rf"\s*[“\"]([^“”\"]+?)([,.!?]?)[”\"]\s*(?:,?\s*(?:(?:she|he|they)\s+{_SPEAKS}|"
                          rf"{_SPEAKS}\s+{_SPEAKER}(?:,[^“”\"]{{3,160}}?)?|{_SPEAKER}\s+{_SPEAKS})\s*)?\.?\s*")
_NAMED_QUOTE = re.compile(rf"\s*[“\"][^“”\"]+[”\"]\s*,?\s*(?:{_SPEAKS}\s+{_SPEAKER}|{_SPEAKER}\s+{_SPEAKS}).*", re.S)
# The speaker's own voice ("I", "we", "you") belongs to them; an impersonal statement ("Stopping
# suddenly brings on withdrawal") is the draft's warning, whoever voiced it.
_PERSONAL_VOICE = re.compile(r"\b(?:I|I['’]\w+|[Mm]e|[Mm]y|[Mm]ine|[Ww]e|[Ww]e['’]\w+|[Uu]s|[Oo]ur|[Yy]ou|[Yy]ou['’]\w+|[Yy]our)\b")


# A quote's later sentence as the sentence splitter leaves it: no opening mark, a closing one
# after its last word, then who said it ('It's easy to get hooked," he said.').
_QUOTE_TAIL = re.compile(r'^[^"“”]+[,.!?](?P<close>["”])\s*[^"“”]{0,80}$')


def _reopen_quote(text: str, spans):
    """The second (or later) sentence of a quotation with its opening mark restored, so that it
    reads as the quote it is; other text as it is."""
    m = _QUOTE_TAIL.match(text)
    if not m:
        return text, spans
    return ("“" if m.group("close") == "”" else '"') + text, [(a + 1, b + 1) for a, b in spans]


# A conjunction opening a quote joined it to the quote before it in the draft ('"And if you've
# been taking this stuff for a while, don't just stop dead."'); alone it points back. The policy's
# lead-in patterns say what a conjunction is ("So far" and "Yet to" are none); inside a quote only
# the conjunction goes.
_QUOTE_OPENS = "\"“‘'"
_CONJUNCTIONS = frozenset({"and", "but", "or", "so"})


def _quote_conjunction(text: str, spans, lead_ins):
    """The quote without the conjunction that opens it; other text as it is."""
    if text[:1] not in _QUOTE_OPENS:
        return text, spans
    inner, inner_spans = _strip_prefix(text[1:], _shift(spans, 0, 1), lead_ins)
    cut = text[1:len(text) - len(inner)]
    if not inner or cut.strip(" ,").lower() not in _CONJUNCTIONS:
        return text, spans
    return text[0] + inner[:1].upper() + inner[1:], _shift(inner_spans, 0, -1)


# A quotation of several sentences and who said it: '"I felt lighter than ever. It's easy to get
# hooked on that," he said.'
_QUOTE_SENTENCES = re.compile(r'^(?P<open>["“])(?P<body>[^"“”]+?)(?P<end>[,.!?])(?P<close>["”])(?P<tail>\s*[^"“”]{0,80})$')


def _quoted_sentence(text: str, spans):
    """The one sentence of a multi-sentence quotation that holds every cue, quoted again with
    the attribution after it; other text as it is."""
    m = _QUOTE_SENTENCES.match(text)
    if not m or not spans:
        return text, spans
    # (a quote its own paragraph, its speaker named in the paragraph before: the impersonal
    # sentence, quoted, which ``_unquote`` states as the draft's warning)
    spoken = bool(re.search(r"[A-Za-z]", m.group("tail")))
    body_start = m.start("body")
    sentences = split_sentences(m.group("body"))
    if len(sentences) < 2:
        return text, spans
    for k, sent in enumerate(sentences):
        a, b = body_start + sent.start, body_start + sent.end
        if all(a <= x and y <= b for x, y in spans):
            sentence = sent.text
            if k == len(sentences) - 1:  # the last one: its stop is the quotation's
                sentence += m.group("end")
            if sentence.endswith("?"):  # a question alone asserts nothing
                return text, spans
            if not spoken and _PERSONAL_VOICE.search(sentence):  # ("I could not stop": whose?)
                return text, spans
            # ('"It is addictive," Dr Lee said.'; a question keeps its mark)
            body = sentence[:-1] + ("," if sentence[-1] in ".," and spoken else sentence[-1])
            out = m.group("open") + body + m.group("close") + (m.group("tail") if spoken else "")
            return out, [(x - a + 1, y - a + 1) for x, y in spans]
    return text, spans


def _unquote(text: str, spans):
    """A warning quoted whole from a speaker the lead cannot introduce, stated without the
    quotation marks and the pronoun attribution (its words unchanged); other text as it is."""
    m = _WHOLE_QUOTE.fullmatch(text)
    if not m or _PERSONAL_VOICE.search(m.group(1)) or not all(m.start(1) <= a and b <= m.end(1) for a, b in spans):
        return text, spans
    end = m.group(2) if m.group(2) in ("!", "?") else "."
    return m.group(1) + end, _shift(spans, 0, m.start(1))


# A contrast with the draft's sentence before ("Until larger studies are done, however, its
# benefits remain unproven"): the added sentence leaves that sentence behind, so the connective goes.
_MID_CONNECTIVE = re.compile(r",\s*(?:however|though|by\s+contrast|in\s+contrast|on\s+the\s+other\s+hand|therefore|thus|"
                             r"consequently|as\s+a\s+result)\s*,"
                             # a consequence drawn from the sentence before, unpunctuated ("is therefore illegal")
                             r"|(?<=[a-z])\s+(?:therefore|consequently)(?=\s+[a-z])", re.I)


# "…, Lefebvre added." / "…," added Dr Lefebvre / "She added that …": the speaker's earlier words are in the draft,
# not the lead (a passive "sugar was added." has no name, pronoun or appositive before it)
_ADDED_TAG = re.compile(r"(?:(?<=,)|(?<=[A-Za-z]))\s+added(?=\s*[.!?][\"”’']*\s*$|\s+that\b)|(?<=[,”\"]\s)added(?=\s+[A-Z])")
_TAGGED = re.compile(r"(?:[,\"”]|\b(?:he|she|they|[A-Z][\w'’.-]*))$")


def standing_apart(text: str) -> str:
    """``text`` as it reads apart from the draft's sentence before it, for a lead in which that
    sentence does not come before it: without a mid-sentence connective that sets it against
    that sentence ("Overall, though, the evidence …" → "Overall, the evidence …"), and with
    "said" for an "added" that follows the speaker's earlier words."""
    text = _strip_mid_connective(text, [])[0]
    m = _ADDED_TAG.search(text)
    if m and _TAGGED.search(text[:m.start()].rstrip()):
        text = text[:m.end() - len("added")] + "said" + text[m.end():]
    return text


def _strip_mid_connective(text: str, spans):
    m = _MID_CONNECTIVE.search(text)
    if not m or any(a < m.end() and m.start() < b for a, b in spans):
        return text, spans
    # a fronted clause or adverb keeps its comma ("Until … are done, its benefits …", "Overall,
    # the evidence …"); a subject does not ("Much of the excitement comes from …")
    before = text[:m.start()].split()
    opener = before[0].lower().strip("\"'“‘(") if before else ""
    comma = "," if len(before) == 1 or opener in _SUBORDINATE_OPENERS or opener.endswith("ly") else ""
    return text[:m.start()] + comma + text[m.end():], _shift(spans, m.start(), m.end() - m.start() - len(comma))


_VERB_NEXT = re.compile(r"\s*(?:is|are|was|were|has|have|had|would|will|could|can|may|might|should|must)\b", re.I)


def _strip_attribution(text: str, spans, policy: Policy):
    """Delete the reporting frame and attribution asides of reported speech, outside the cues.
    A quotation keeps its speaker."""
    if _QUOTE_MARKS.search(text):
        return text, spans
    for p in policy.reported:
        m = p.match(text)
        # "Venkataraman said her clinic …": what is said points back to the speaker; "… said
        # teens become dependent faster, and that …": the frame governs a second clause too
        if not m or not all(a >= m.end() for a, _ in spans) or len(text) - m.end() <= 15:
            continue
        # "Dr Balgobin said that was a decision for each man": "that" was the clause's subject,
        # not the frame's ("Was a decision …" is no sentence)
        if _VERB_NEXT.match(text, m.end()):
            continue
        second = _SECOND_COMPLEMENT.search(text, m.end())
        if second is None and not _POINTS_TO_SPEAKER.match(text, m.end()):
            text, spans = text[m.end():], _shift(spans, 0, m.end())
            break
        # "… said A, and that B": when B holds every cue, B is the sentence ("that" dropped)
        that = _THAT_CLAUSE.match(text, second.start()) if second else None
        if that and all(a >= that.end() for a, _ in spans) and not _SECOND_COMPLEMENT.search(text, that.end()) \
                and not _POINTS_TO_SPEAKER.match(text, that.end()) and len(text) - that.end() > 15:
            text, spans = text[that.end():], _shift(spans, 0, that.end())
            break
        # "… said A, and that B": when A holds every cue, A is the sentence (B goes with the frame)
        first = text[m.end():second.start()].rstrip(", ") if second else ""
        if that and all(m.end() <= a and b <= m.end() + len(first) for a, b in spans) \
                and not _POINTS_TO_SPEAKER.match(text, m.end()) and _is_clause(first, first=True):
            text, spans = first, _shift(spans, 0, m.end())
            break
    for p in policy.attribution:
        while m := next((m for m in p.finditer(text) if not any(a < m.end() and m.start() < b for a, b in spans)), None):
            start, end = m.start(), m.end()
            # "The most dangerous moment, they said, often comes …": between a subject and its
            # verb the aside takes both commas; after a fronted phrase ("For now, he said, the …")
            # one stays
            if text.startswith(",", end) and (_bare_subject(text[:start]) or _verb_first(text[end + 1:])):
                end += 1
            text, spans = text[:start] + text[end:], _shift(spans, start, end - start)
    return text, spans


_ADVERB_FIRST = frozenset("also often usually still only then generally now really".split())


def _verb_first(after: str) -> bool:
    """Does ``after`` (what follows an aside) open on its clause's verb ("should see a doctor"):
    the aside stood between a subject and its verb ("Anyone who …, he says, should …")?"""
    words = [w.lower() for w in re.findall(r"[\w'’]+", after)[:3]]
    while words and (words[0] in _ADVERB_FIRST or words[0].endswith("ly")):
        words = words[1:]
    return bool(words) and words[0] in _FINITE


def _bare_subject(before: str) -> bool:
    """Is ``before`` (a sentence's start) a noun phrase alone: no comma, no verb, not opening
    with a subordinator or a preposition?"""
    from summarize import coherence

    words = [w.lower().strip("\"'“‘(") for w in before.split()]
    return bool(words) and "," not in before and words[0] not in _SUBORDINATE_OPENERS \
        and not (len(words) == 1 and words[0] in _CONNECTIVES) \
        and len(words) <= 6 and not any(w in _FINITE or w.endswith("ly") for w in words) \
        and not _PERSONAL_PRONOUN.match(words[0]) and not coherence.has_finite_verb(before)


_CONNECTIVES = frozenset("""still however yet now so but and indeed overall instead meanwhile again also thus therefore
    besides otherwise finally first second third today currently nevertheless nonetheless moreover furthermore
    importantly crucially clearly ultimately elsewhere later previously""".split())


_LIST_INTRO = re.compile(r"\b(?:following|include[sd]?|including|as\s+follows|such\s+as)\b[^:]*$", re.I)


def _strip_colon_lead_in(text: str, spans):
    """Drop what comes before the sentence's first colon when it holds no cue, points back
    (a demonstrative or pronoun opens it) and a clause of its own follows (not a quote or a list)."""
    at = text.find(":")
    if at < 0 or any(a < at for a, _ in spans):
        return text, spans
    before, after = text[:at], text[at + 1:]
    start = len(text) - len(after.lstrip())
    opener = before.split()[0].lower().strip("\"'(“‘") if before.split() else ""
    if opener not in _POINTS_BACK or _QUOTE_MARKS.match(after.lstrip()) or not _is_clause(after, first=True):
        return text, spans
    from summarize import coherence

    # a clause that stands as a sentence, not a list, an enumeration or statistics
    rest = after.strip()
    if (not rest[:1].isalpha() or rest.split()[0].isupper() or not coherence.has_finite_verb(rest)
            or _LIST_INTRO.search(before) or coherence.fragment_reason(rest[:1].upper() + rest[1:])):
        return text, spans
    return text[start:], _shift(spans, 0, start)


_REASON = re.compile(r"(?:because|given\s+that)\b", re.I)


def _strip_reason(text: str, spans):
    """Drop a fronted "Because …," when what follows its comma is a clause with a subject and
    no cue is inside it ("Because of risks of sedation, dissociation and misuse, it is …": the
    comma that ends the reason is the one a clause follows)."""
    if not _REASON.match(text):
        return text, spans
    for m in re.finditer(r",\s+", text):
        if any(a < m.end() for a, _ in spans):
            break
        rest = text[m.end():]
        if _is_clause(rest) and len(rest) > 15:
            return rest, _shift(spans, 0, m.end())
    return text, spans


# "such as A, B and C" / "including A, B or C" closing the sentence
_EXAMPLES = re.compile(r"(?:,\s+)?\b(?:such\s+as|including)\s+", re.I)
_ITEM_SPLIT = re.compile(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def _trim_examples(text: str, spans):
    """"… drugs such as warfarin, some antidepressants and certain anti-seizure medications."
    -> "… drugs such as warfarin.": examples are examples, so keeping the first is faithful.
    Only a list that runs to the sentence's end, of short items with no verb, and no cue in it."""
    last_cue = max((b for _, b in spans), default=0)
    for m in _EXAMPLES.finditer(text):
        if m.start() < last_cue:
            continue
        body = text[m.end():].rstrip()
        end = body[-1:] if body[-1:] in ".!?" else ""
        body = body[:len(body) - len(end)]
        items = _ITEM_SPLIT.split(body)
        if len(items) < 2 or "(" in body or ";" in body or _QUOTE_MARKS.search(body):
            return text
        # "including A, B and C, increases the strain …": the list closed at its "and", and what
        # follows is the sentence's own verb, not another example
        # (a comma after the "and": "… and C or D" is still one item)
        conj = [bool(re.search(r"\b(?:and|or)\b", j.group(0))) for j in _ITEM_SPLIT.finditer(body)]
        closed = next((k for k, c in enumerate(conj) if c), None)
        if closed is not None and not all(conj[closed + 1:]):
            return text
        words = [w.lower().strip(",.") for w in body.split()]
        if any(len(i.split()) > 6 or not i.strip() for i in items) or any(w in _FINITE for w in words):
            return text
        first = _ITEM_SPLIT.search(body)
        return text[:m.end()] + body[:first.start()] + (end or ".")
    return text


def _strip_trailing(text: str, spans, patterns):
    norm = normalize(text)
    last_cue = max((b for _, b in spans), default=0)
    for p in patterns:
        for m in p.finditer(norm):
            if m.start() >= last_cue and m.start() > 20:
                # an aside inside the clause ("so people who start, particularly teenagers, can
                # quickly become dependent"): the verb after it is the clause's, so only the
                # aside goes
                after = _VERB_AFTER_ASIDE.match(text, m.end())
                # "…, especially if you take other medications, are pregnant, or …": a clause
                # there starts a list of conditions, and the verb after it is the list's
                if after and not _SUBORDINATOR.search(text, m.end(), after.end()):
                    return text[:m.start()] + " " + text[after.end():]
                return text[:m.start()]
    return text


# A condition or reason opening the aside ("especially if you …").
_SUBORDINATOR = re.compile(r"\b(?:if|when|whenever|unless|because|since|while|after|before)\b", re.I)
# A comma, then the clause's own verb (or an adverb and the verb).
_VERB_AFTER_ASIDE = re.compile(r"[^,;]*?,\s+(?=(?:\w+ly\s+)?(?:" + "|".join(sorted(_FINITE)) + r")\b)", re.I)


def _top_level(text: str, ch: str) -> list[int]:
    """Positions of ``ch`` outside parentheses."""
    out, depth = [], 0
    for i, c in enumerate(text):
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif c == ch and depth == 0:
            out.append(i)
    return out


def _drop_semicolon_clauses(text: str, spans):
    cuts = _top_level(text, ";")
    if not cuts:
        return text, spans
    parts, pos = [], 0
    for c in cuts:
        parts.append((pos, c))
        pos = c + 1
    parts.append((pos, len(text)))
    keep = [(a, b) for a, b in parts if any(a <= s < b for s, _ in spans)]
    if len(keep) != 1 or len(keep) == len(parts):
        return text, spans
    a, b = keep[0]
    while a < b and text[a].isspace():
        a += 1
    return text[a:b], [(s - a, e - a) for s, e in spans]


# "to" before a verb, not before a noun phrase ("to their pharmacist")
_INFINITIVE = re.compile(r"\bto\s+(?!(?:the|a|an|their|his|her|its|our|your|my|them|him|me|us|this|that|these|those|"
                         r"each|every|any|some|all|one|two|three|\d)\b)\w+", re.I)
_AND_TO = re.compile(r"\s+and\s+(to)\s+\w+", re.I)
# After a comma, what starts a new clause or phrase rather than continuing a list
_CLAUSE_AFTER_COMMA = re.compile(r",\s+(?:and|but|or|nor|yet|so|while|whereas|although|though|because|as|since|"
                                 r"which|who|whose|where|when|unless|if|even|especially|particularly|including)\b",
                                 re.I)


def _drop_coordinated_infinitive(text: str, spans):
    """"... to A and to B": keep the infinitive that carries the cue (A is the nearest "to"
    before "and to")."""
    m = _AND_TO.search(text)
    if not m:
        return text, spans
    firsts = [t.start() for t in re.finditer(r"\bto\s+\w+", text[:m.start()], re.I)]
    if not firsts:
        return text, spans
    a = firsts[-1]
    # (", and to B": the comma before the "and" joins the two)
    if re.search(r"[,;.()]", text[a:m.start()].rstrip(",")):
        return text, spans
    # "to ask for their levels to be checked …, and to talk …": which "to" B goes with is not
    # certain, and cutting at the wrong one garbles the sentence
    clause_start = max((k.end() for k in re.finditer(r"[,;:()]", text[:a])), default=0)
    if len(list(_INFINITIVE.finditer(text, clause_start, m.start()))) > 1:
        return text, spans
    second = m.start(1)
    end = re.search(r"[,;.()]|$", text[second:]).start() + second
    # "and to avoid it if they have diabetes, a weakened immune system or …": a list runs on
    while text.startswith(",", end) and not _CLAUSE_AFTER_COMMA.match(text, end):
        end = re.search(r"[,;.()]|$", text[end + 1:]).start() + end + 1
    # (a cue before the first infinitive too: "… to talk first to their own doctor, and to …")
    in_first = any(s < m.start() for s, _ in spans)
    in_second = any(second <= s < end for s, _ in spans)
    if in_second and not in_first:
        # "advises patients not to buy it online and to start it only …": the negation belongs
        # to the first infinitive and goes with it
        neg = re.search(r"\b(?:not|never)\s+$", text[:a], re.I)
        a = neg.start() if neg else a
        return text[:a] + text[second:], _shift(spans, a, second - a)
    if in_first and not in_second:
        return text[:m.start()].rstrip(",") + text[end:], spans
    return text, spans


_RELATIVE_ASIDE = re.compile(r",\s+(?:who|which)\s+[^,;:()]*", re.I)
# ", and can check …": the relative clause's second verb
_SECOND_VERB = re.compile(r",\s+(?:and|or)\s+(?:" + "|".join(sorted(_FINITE)) + r")\b", re.I)


def _drop_relative_asides(text: str, spans):
    """Remove non-restrictive relative clauses without a cue ("… their own doctor, who knows
    their other medicines, and …"). One followed by ", and can …" runs on to the end of the
    sentence (its second verb); one followed by anything but a new clause may be a list's
    first item, and stays."""
    for m in reversed(list(_RELATIVE_ASIDE.finditer(text))):
        a, b = m.start(), m.end()
        rest = text[b:]
        if _SECOND_VERB.match(rest):
            b = len(text.rstrip(".!?"))  # "…, who can discuss …, and can check …"
            rest = text[b:]
        elif not re.match(r"\s*(?:[.!?]\s*$|;)", rest) and not _CLAUSE_AFTER_COMMA.match(rest):
            continue
        aside = text[a:b]
        # "Anyone who feels …, who hides …, or who is borrowing …": a list of relative clauses
        # (or one after a subject's own relative clause, before the main verb)
        before = re.search(r"\b(?:who|which)\b([^,;]*)$", text[:a], re.I)
        if re.match(r",\s+(?:and|or)\s+(?:who|which)\b", rest, re.I) or (
                before and not any(w.lower() in _FINITE for w in before.group(1).split())):
            continue
        if any(a < e and s < b for s, e in spans) or len(aside.split()) < 3:
            continue
        text, spans = text[:a] + text[b:], _shift(spans, a, b - a)
    return text, spans


def _drop_parentheses(text: str, spans):
    """Remove top-level parenthesised groups (with the space before them) that hold no cue."""
    groups, balanced = bracket_groups(text)
    if not balanced:
        return text, spans  # unbalanced: leave it alone
    out, cur = text, list(spans)
    for a, b in reversed(groups):
        if any(a <= s < b for s, _ in cur):
            continue
        while a > 0 and out[a - 1] == " ":
            a -= 1
        out = out[:a] + out[b:]
        cur = _shift(cur, a, b - a)
    return out, cur


# --------------------------------------------------------------------------- overclaims


@dataclass(frozen=True)
class Overclaim:
    start: int
    end: int
    kind: str | None  # the risk kind it denies, or None for "completely safe"/"safer"
    what: str  # "no-risk" | "absolute" | "relative"
    text: str


# Safety asked about or denied in its own clause promises nothing: "whether years of use are
# harmless", "it is far from harmless", "nobody knows if it is completely safe".
_DOUBTED = re.compile(r"\b(whether|if|not(?!\s+only)|never|no\s+longer|far\s+from|hardly|unclear|unknown|uncertain)\b|n't\b")


def find_overclaims(text: str, detections: list[Detection], policy: Policy, source_supports_relative: bool) -> list[Overclaim]:
    """Safety promises in a summary sentence: negated risk cues that are not reported findings,
    absolute safety words, and unsupported relative ones ("safer alternative")."""
    norm = normalize(text)
    tokens = tokenize(norm)
    out: list[Overclaim] = []
    for d in detections:
        if not d.negated or d.claim_start is None:
            continue
        if not policy.kinds[d.kind].negatable:
            continue
        if policy.finding.search(norm):
            continue
        out.append(Overclaim(d.claim_start, d.claim_end, d.kind, "no-risk", text[d.claim_start:d.claim_end]))
    for p in policy.absolute:
        for m in p.finditer(norm):
            if not _DOUBTED.search(re.split(r"[,;:]", norm[:m.start()])[-1]):
                out.append(Overclaim(m.start(), m.end(), None, "absolute", text[m.start():m.end()]))
    # "without risking dependency if used responsibly" presupposes the risk: not a promise
    presupposed = not_negation_spans(norm, policy)
    if not policy.finding.search(norm):
        for p in policy.no_risk:
            for m in p.finditer(norm):
                if any(a <= m.start() < b for a, b in presupposed):
                    continue
                out.append(Overclaim(m.start(), m.end(), None, "no-risk", text[m.start():m.end()]))
    if not source_supports_relative:
        for p in policy.relative:
            for m in p.finditer(norm):
                out.append(Overclaim(m.start(), m.end(), None, "relative", text[m.start():m.end()]))
    # merge overlaps, keeping the widest
    out.sort(key=lambda o: (o.start, -o.end))
    merged: list[Overclaim] = []
    for o in out:
        if merged and o.start < merged[-1].end:
            last = merged[-1]
            end = max(o.end, last.end)
            kind = last.kind or o.kind
            what = last.what if last.kind or not o.kind else o.what
            merged[-1] = Overclaim(last.start, end, kind, what, text[last.start:end])
            continue
        merged.append(o)
    return merged


_ATTR_NEXT_STOP = frozenset("than for to in on at by with as of from and or but is are was were be".split())
_VERBISH = frozenset("is are was were be being been has have had offers offer provides provide carries carry poses pose "
                     "comes come causes cause does do gives give brings bring".split())
_ADVS = frozenset("also completely totally entirely virtually practically generally almost largely".split())


def cut_overclaims(text: str, claims: list[Overclaim]) -> str | None:
    """The sentence with its overclaims cut out, or None when nothing sound would remain."""
    # A quotation is not edited: a sentence whose overclaim sits inside one goes whole.
    if any(_in_quotation(text, c.start) for c in claims):
        return None
    out = text
    for c in sorted(claims, key=lambda c: c.start, reverse=True):
        out = _cut_one(out, c.start, c.end)
        if out is None:
            return None
    out = out.strip()
    if len(re.findall(r"[A-Za-z]+", out)) < 4:
        return None
    if not _ends_sentence(out):
        out += "."
    return out


def _in_quotation(text: str, i: int) -> bool:
    """Is offset ``i`` inside a quotation (curly, or an odd number of straight quotes before it)?"""
    before = text[:i]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _cut_one(text: str, s: int, e: int) -> str | None:
    norm = normalize(text)
    tokens = tokenize(norm)
    ti = next((k for k, t in enumerate(tokens) if t.end > s), None)
    tj = next((k for k, t in enumerate(tokens) if t.start >= e), len(tokens))
    if ti is None:
        return None
    first = tokens[ti].text
    prev = tokens[ti - 1].text if ti > 0 else ""
    nxt = tokens[tj].text if tj < len(tokens) else ""
    # (a) an adjunct phrase: "without addiction risks", "free of side effects", "with no risk"
    if first in ("without", "free") or (prev == "with" and first in ("no", "zero")):
        if prev == "with" and first in ("no", "zero"):
            s = tokens[ti - 1].start
        return _join(text, s, e)
    # (b) an attributive adjective: "a safer alternative", "a natural, non-addictive remedy"
    if nxt and tokens[tj].is_word and nxt not in _ATTR_NEXT_STOP and prev not in _VERBISH:
        cut_s, cut_e = s, tokens[tj].start
        if prev in (",", "and") and ti >= 2 and tokens[ti - 2].is_word:
            cut_s = tokens[ti - 1].start
            cut_e = tokens[tj].start
            out = text[:cut_s].rstrip() + " " + text[cut_e:]
        else:
            out = text[:cut_s] + text[cut_e:]
        return _fix_article(out, cut_s if prev not in (",", "and") else len(text[:cut_s].rstrip()) + 1)
    # (c) a predicate that is the first of two conjuncts: "is safer and (is) more effective"
    if nxt == "and" and tj + 1 < len(tokens) and prev in _VERBISH:
        after = tj + 1
        if tokens[after].text == prev:
            after += 1
        if after < len(tokens) and tokens[after].is_word:
            if tokens[after].text != prev and tokens[after].text.endswith(("s", "ed")) and tokens[after].text not in _ATTR_NEXT_STOP:
                # "is completely safe and eases pain": the second conjunct has its own verb,
                # so the copula and its adverbs go too ("Kratom eases pain")
                k = ti - 1
                while k >= 0 and (tokens[k].text in _VERBISH or tokens[k].text in _ADVS):
                    k -= 1
                return text[:tokens[k + 1].start] + text[tokens[after].start:]
            return text[:s] + text[tokens[after].start:]
    # (d) a predicate: cut it when it is a conjunct ("... and has no side effects"), else give up
    k = ti - 1
    while k >= 0 and (tokens[k].text in _VERBISH or tokens[k].text in _ADVS or tokens[k].text in ("not", "n't")):
        k -= 1
    if k >= 0 and tokens[k].text == "and":
        a, b = clause_bounds(tokens, ti)
        end = max(e, tokens[b - 1].end if b > ti else e)
        cut_s = tokens[k].start
        if k > 0 and tokens[k - 1].text == ",":
            cut_s = tokens[k - 1].start
        return _join(text, cut_s, end)
    return None


def _join(text: str, s: int, e: int) -> str:
    """Remove text[s:e] and tidy the junction (spaces, a dangling comma)."""
    left, right = text[:s].rstrip(), text[e:]
    if right.startswith(",") and (left.endswith(",") or not left):
        right = right[1:]
    if left.endswith(",") and (not right.strip() or right.lstrip()[:1] in ".!?;"):
        left = left[:-1]
    if right and right[0].isalnum():
        right = " " + right.lstrip()
    elif right.startswith(" ") and right.lstrip()[:1] in ".!?,;":
        right = right.lstrip()
    return left + right


def _fix_article(text: str, at: int) -> str:
    """Make "a"/"an" before position ``at`` agree with the word now at ``at``."""
    m = re.search(r"\b([Aa]n?)\s+$", text[:at])
    if not m:
        return text
    word = text[at:].lstrip()
    if not word:
        return text
    want = "an" if word[0].lower() in "aeiou" else "a"
    art = m.group(1)
    new = want if art[0] == "a" else want.capitalize()
    return text[:m.start(1)] + new + text[m.end(1):]


# --------------------------------------------------------------------------- placement


def is_advice(text: str, policy: Policy) -> bool:
    norm = normalize(text).strip()
    return any(p.search(norm) for p in policy.advice)


def insertion_index(sentences: list[str], policy: Policy) -> int:
    """Index (in ``sentences``) before which added caveats go: before the closing advice run,
    after the first sentence at the earliest; the end when there is no closing advice."""
    k = len(sentences)
    while k > 0 and is_advice(sentences[k - 1], policy):
        k -= 1
    if sentences and k == 0:
        k = 1
    return k


_QUOTE_PAIRS = (("“", "”"), ("(", ")"), ("[", "]"))


# A quoted question with its speaker after it ("“What's the harm?” she said.") asks too
_QUOTED_QUESTION = re.compile(r"^\s*[\"“‘'][^\"“”]*\?\s*[\"”’']")


def is_question(text: str) -> bool:
    return text.rstrip(" \"'”’)").endswith("?") or bool(_QUOTED_QUESTION.match(text))


_JOKE = re.compile(r"\b(?:joked|jokes|joking|jested|quipped|quips|laughed|laughs|teased)\b", re.I)


def clean_sentence_problems(text: str, source_sentence: str | None, policy: Policy) -> list[str]:
    """Why ``text`` is not one clean sentence: a fragment, a list label or number, an unclosed
    quote or bracket, a link or boilerplate line, or a fluency problem (the gate's checks for
    model sentences) that its source sentence does not already have."""
    from summarize import coherence
    from summarize.corpus.text import words
    from summarize.faithfulness import fluency_problems

    out = []
    # ("Research is limited." is short and whole: a subject and its verb)
    n = len(re.findall(r"[A-Za-z]{2,}", text))
    if n < MIN_SENTENCE_WORDS and not (n >= MIN_CLAUSE_WORDS and coherence.has_finite_verb(text)):
        out.append("fragment")
    # a question asks about the risk ("Can it cause dependence?"); the answer states it
    if is_question(text):
        out.append("question")
    # a joke is no warning ('"Rum is what people get hooked on, not the sorrel," he joked.')
    if _JOKE.search(source_sentence or text):
        out.append("a joke")
    if text.count('"') % 2:
        out.append("unclosed quote")
    if _TWO_SENTENCES.search(text):  # a quote of two sentences that the splitter kept as one
        out.append("two sentences")
    for a, b in _QUOTE_PAIRS:
        if text.count(a) != text.count(b):
            out.append(f"unbalanced {a}{b}")
    norm = normalize(text)
    out.extend(f"not a sentence ({p.pattern!r})" for p in policy.reject if p.search(norm))
    # the same checks the lead's own sentences pass: no meta pointer ("any of the following"),
    # no page furniture, no fragment
    if coherence.is_meta(text):
        out.append("meta sentence")
    if coherence.boilerplate_kind(text):
        out.append("boilerplate")
    frag = coherence.fragment_reason(text)
    # (brackets and double quotes are counted above; a British single quote opened and never
    # closed, "said: 'We see lads who've …", only there)
    counted = any(p.startswith("unbalanced") or p == "unclosed quote" for p in out)
    if frag and not (frag in ("unbalanced brackets", "unbalanced quotes") and counted):
        out.append(frag)
    # A coordination cut short. "A, B, and C" cut to "C.": a list's last item, a noun phrase
    # with no verb of its own ("… the risk of side effects, and the uncertainty of buying pills
    # from unregulated sellers").
    body = text.rstrip(" .!?")
    tail = body[:1].lower() + body[1:]
    if (source_sentence and re.search(rf",\s+(?:and|or)\s+{re.escape(tail)}", source_sentence)
            and not any(_only_a_verb(w.lower()) for w in words(body))):
        out.append("a list's last item")
    # Or cut to "A, B.": two clauses left joined by a comma alone (not "Because X is Y, Z is W"
    # nor "Apart from X, Z is W": a subordinate clause or a phrase before the main one).
    if source_sentence and "," in body and f"{body}, and " in source_sentence:
        head, _, last = body.rpartition(",")
        first = head.split(",")[-1].split()[:1]
        if (coherence.has_finite_verb(last) and coherence.has_finite_verb(head.split(",")[-1])
                and not (first and first[0].lower() in _SUBORDINATE_OPENERS)):
            out.append("comma splice")
    support = source_sentence if source_sentence is not None else text
    own = set(fluency_problems(support, words(support), words(support)))
    out.extend(p for p in fluency_problems(text, words(text), words(support)) if p not in own)
    return out


def _only_a_verb(word: str) -> bool:
    """An auxiliary, or a word the lexicon knows only as a verb and not in its -ing form."""
    from summarize import coherence

    if word in coherence.AUX:
        return True
    pos = coherence._pos(word)
    return "VERB" in pos and "NOUN" not in pos and not word.endswith("ing")


# Words that open a subordinate clause or an introductory phrase, not a clause of its own.
_SUBORDINATE_OPENERS = frozenset("""because although though when whenever if while since as after before unless apart
unlike for in with despite given once until whereas where like from at by on among""".split())
# A word, an end mark (and a closing quote), then a capitalised word: a second sentence.
# Abbreviations ("Dr.", "U.S.", "p.m.") have capitals or single letters before the mark.
_TWO_SENTENCES = re.compile(r"\b(?!(?:etc|al|vs|approx|incl)\b)[a-z]{2,}[.!?][\"”’)]?\s+[\"“‘(]?[A-Z][a-z]")
# An added caveat shorter than this (in words) is a fragment.
MIN_SENTENCE_WORDS = 4
MIN_CLAUSE_WORDS = 3  # or this, with a finite verb


def verify_added(text: str, kinds: dict[str, str], detector: Detector, topic, policy: Policy,
                 source_sentence: str | None = None) -> bool:
    """An added sentence must be one clean sentence, itself state its kinds at the needed
    strength (so a second run sees them), and promise nothing."""
    if clean_sentence_problems(text, source_sentence, policy):
        return False
    dets = detector.sentence(text, topic)
    for kind, strength in kinds.items():
        if not any(d.kind == kind and d.is_caveat and (strength != "main" or d.strength == "main") for d in dets):
            return False
    return not find_overclaims(text, dets, policy, source_supports_relative=True)
