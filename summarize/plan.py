"""Plan a lead the way house leads are built (see ../shared/seeds/): what goes in, in what order.

1. **Opening**: the sentence that names the article's subject (its topic terms) and states the
   main claim. In a review-style abstract that is the conclusion ("In conclusion", "Authors'
   conclusions", the closing "X is effective …" or "Current evidence does not support …"
   sentence), not the first results sentence; in a news story or house draft, its first sentence
   (the lede) weighs more. Never a methods sentence ("Eight studies met the inclusion criteria"),
   a statistic, or a sentence whose pronoun has nothing to stand for.
2. **Main points**: the most central remaining sentences (TF-IDF similarity to the draft, as in
   ``extract.score_sentences``). Section coverage is only a tie-break: no section, and not the
   closing paragraph, gets a guaranteed sentence.
3. **One caveat** at most among the points (the caveat filter adds a missing one later).
4. **The advice** last, when the draft ends with one.

Never picked: boilerplate paragraphs (``Paragraph.boilerplate``), captions, bylines, meta
sentences, fragments, questions, quotes from unintroduced speakers, and sentences saying what a
picked one says (``coherence.same_meaning``). A sentence that needs context the lead does not
give ("It …", "These neurotransmitters …", "The study …") is kept only when the model can
``decontextualize`` it (its draft context travels with it); otherwise it is not picked.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Callable, Sequence

import numpy as np

from summarize import antecedents, coherence
from summarize.corpus.article import Article, heading_role
from summarize.corpus.text import LOWER_LETTERS, UPPER_LETTERS, headlinese, split_sentences, upper_first, word_count
from summarize.extract import Extract, candidate_sentences, score_sentences
from summarize.normalize import drop_statistics, name_people

ROLES = ("opening", "point", "caveat", "advice")

# A conclusion cue, a closing marker or a stated finding, makes a sentence the natural opening
# of a review-style lead.
_CLOSING_MARKER = re.compile(
    r"^(in conclusion|in summary|overall|to conclude|taken together|authors'? conclusions?:?|conclusions?:)", re.I)
# A stated finding: the draft's main claim, wherever it stands.
_CLAIM = re.compile(
    r"\b(we conclude|this review (shows|found|suggests)|the (evidence|results) (suggest|show|indicate)s?"
    r"|(is|are|was|were) (effective|ineffective|beneficial|safe|associated with)"
    r"|\b(current|available|existing|present|this|the) (\w+ )?(evidence|results|findings|data) (\w+ )?"
    r"(suggests?|shows?|indicates?|supports?|does not support|do not support|did not support)"
    r"|there is (no|insufficient|limited|some|good|moderate|low)[- a-z]* evidence"
    r"|(evidence|data) (is|are|was|were|remains?) (currently |still )?(insufficient|inadequate|inconclusive|too limited) "
    r"to (recommend|support|draw|determine|conclude|guide)"
    # a verdict that the evidence settles nothing is the claim too
    r"|no (firm|clear|definite|definitive|reliable|robust|useful) conclusions? (can|could|may) be (drawn|made|reached)"
    r"|(could|can) (neither|not) be (demonstrated|confirmed|established|shown) (n)?or (refuted|excluded|ruled out)"
    r"|we are (very |still )?uncertain (whether|about|if)"
    r"|(the )?evidence (is|was|remains) (very |still )?uncertain"
    r"|\b(current|available|existing|the) evidence\b[^.;]{0,160}?\b(is|remains) (\w+ly |still |too )?(limited|insufficient|"
    r"lacking|weak|scarce|sparse|inconclusive))\b",
    re.I,
)
# Review abstracts (statistics, trials) state their claim in the conclusion, news and house
# drafts in their first paragraph.
# A review or trial abstract reports statistics or its own methods ("We included 14 trials");
# a news story that mentions "trials" three times is still a news story.
_REVIEW = re.compile(r"\b(95\s*%\s*ci|confidence intervals?|odds ratios?|relative risks?|hazard ratios?|"
                     r"(?-i:RR|OR|HR|MD|SMD)\s*[=:]?\s*-?\d|p\s*[<=]\s*0?\.\d|meta-analys\w*|systematic review)", re.I)
_REVIEW_METHODS = re.compile(r"\b(we|the review authors|review authors)\s+(included|searched|identified|assessed|found|"
                             r"pooled|conducted|analy[sz]ed|reviewed|selected|extracted|randomly)\b", re.I)
_REVIEW_PASSIVE = re.compile(r"\b(trials|studies|rcts|participants|patients)\s+(\w+\s+){0,3}?(were|was)\s+"
                             r"(included|identified|pooled|analy[sz]ed|enrolled|randomi[sz]ed)\b", re.I)
REVIEW_MIN_HITS = 2
REVIEW_CONCLUSION_POSITION = 0.75
# A section the draft itself heads as its conclusion ("CONCLUSIONS:", "Authors' conclusions",
# "Interpretation", "Bottom line") holds the main claim.
CONCLUSION_SECTION_FACTOR = 3.0
# how an outcome was measured ("Baseline severity was assessed in most trials with the … Scale"):
# methods in a review abstract's results as much as in a news story
_MEASURED = re.compile(r"^(\w+\s+){1,3}(was|were)\s+(assessed|measured|rated|recorded|scored)\s+(\w+\s+){0,3}?"
                       r"(with|using|by\s+means\s+of)\b", re.I)
# What was done, not what was found: "We looked at …", "This study examined …", "Eight
# studies met the inclusion criteria", "Two trials compared X to placebo".
_METHODS = re.compile(
    r"^(we|the authors|the researchers|researchers|the (study |research )?team|investigators|"
    r"this (study|review|trial|paper|analysis|report))\s+(\w+\s+)?"
    r"(looked|searched|included|identified|examined|studied|reviewed|analy[sz]ed|assessed|compared|investigated|"
    r"evaluated|used|collected|conducted|set out|aimed|surveyed|followed|recruited|enrolled|interviewed|polled|"
    r"questioned|sampled)\b"
    r"|^(?:(?:overall|in total|in all|altogether|of these|together),?\s+)?(\w+\s+){0,3}(studies|trials|rcts|reviews)\b"
    r"[^.;]{0,90}?\b(met (the|our) inclusion criteria|were included|compared|involving|with a total of)\b"
    # a review's account of its included studies: "The remaining study assessed …", "Two studies
    # only included participants 18 years and younger", "The searches identified 157 studies"
    r"|^(\w+\s+){0,3}(studies|study|trials?|rcts?)\s+(\w+\s+)?(only\s+)?(assessed|examined|evaluated|investigated|"
    r"compared|looked at|considered|aimed|focused|"
    r"included|recruited|enrolled|took place|were conducted|were carried out|(was|were) (a |an )?(controlled|"
    r"randomi[sz]ed|cross-?over|cluster|non-?randomi[sz]ed|observational|pilot|single-?cent(re|er)|multi-?cent(re|er)))\b"
    r"|^(\w+\s+){0,2}(searche?s?|database searches)\s+(identified|retrieved|yielded|found|returned)\b"
    # the protocol: "Participants were tested at the start, at three months and at six months"
    r"|^(participants|patients|respondents|volunteers|subjects)\s+(completed|filled\s+in|filled\s+out|answered|wore|kept)\b"
    r"|^(participants|patients|people|volunteers|subjects|children|adults|women|men)\s+(were|had\s+been)\s+"
    r"(\w+ly\s+)?(tested|assessed|measured|examined|followed|interviewed|surveyed|scanned|given|asked|"
    r"randomi[sz]ed|assigned|allocated|recruited|enrolled)\b"
    # how an outcome was measured: "Baseline severity was assessed in most trials with the … Scale"
    r"|" + _MEASURED.pattern +
    # a design told as a story: "…, scientists at X randomly assigned 62 adults to …"
    r"|\b(randomly\s+(assigned|allocated)|recruited|enrolled)\s+(about\s+|more\s+than\s+|nearly\s+|some\s+)?\d"
    # a check told by its purpose: "To get a sense of what parents are buying, The Clarion bought …"
    r"|^to\s+(get\s+a\s+sense|find\s+out|see|test|check|learn|gauge|measure|assess|understand|work\s+out)\b[^.;]{0,120}?,"
    r"\s+[^,.;]{1,60}?\b(bought|purchased|tested|sent|commissioned|ordered|analy[sz]ed|collected|visited|asked|surveyed|"
    r"interviewed|followed|recruited|examined)\b", re.I)
METHODS_FACTOR = 0.3
STATISTIC_FACTOR = 0.5  # a point that is a statistic
REVEAL_TOPIC_TERMS = 3  # a feature's reveal names one of the draft's leading terms ("The tablet is modafinil")
_STATISTIC = re.compile(r"\b(\d+\s*/\s*\d+\b|95\s*%\s*CI|(?-i:RR|OR|HR|MD|SMD)\s+-?\d|P\s*[=<]\s*0?\.\d|"
                        # "the pooled RR was 0.59", "a mean difference of -0.14 weeks"
                        r"(?-i:RR|OR|HR|MD|SMD)s?\b[^.;()]{0,40}?\b(was|were|of|is)\s+-?\d|"
                        r"(risk|odds|hazard) ratios?\b[^.;()]{0,40}?\b(was|were|of|is)\s+-?\d|mean differences?\s+(was|were|of|is)\s+-?\d)", re.I)
# Statistics in the sentence's own words (brackets aside: the lead drops labelled statistics):
# "ranging from 0.3 to 2.4 kg", "n = 6412", "95% confidence interval 0.71 to 0.88".
_STATISTIC_IN_TEXT = re.compile(r"\b(95\s*%\s*confidence\s+interval|number\s+needed\s+to\s+treat|n\s*=\s*\d|"
                                r"\d+(\.\d+)?\s*(to|-|–)\s*\d+(\.\d+)?\s*(kg|mg|g|%|mmHg|points?|cm)\b|"
                                # a count first: "Of the roughly 410,000 people who …, 1,187 were …"
                                r"^of\s+(the\s+)?(roughly\s+|about\s+|nearly\s+|some\s+|more\s+than\s+)?\d[\d,.]*\s)", re.I)
_BRACKETED = re.compile(r"\([^()]*\)")


def _unbracketed(text: str) -> str:
    while True:
        bare = _BRACKETED.sub("", text)
        if bare == text:
            return bare
        text = bare
_CAVEAT = re.compile(
    r"\b(more research|further research|limited (evidence|research|data)|(low|poor)[- ]quality|caution|"
    r"side effects?|adverse|risks?|dependen|addict|interact(ions?|s)? with (other )?(medications?|drugs|substances|alcohol|blood)|consult|talk to (a|your) (doctor|provider)|"
    r"legal status|not (yet )?approved)\b", re.I)
# A call for research ("Longer trials … are needed to guide practice") is the evidence's limit,
# a caveat; it opens a lead only when it is the claim ("There is insufficient evidence …").
_RESEARCH_CALL = re.compile(
    r"\b(research|studies|trials?|data|evidence|follow-up|work|investigation)\b[^.;]{0,160}?\b(is|are|will be|would be)\s+"
    r"(still\s+|urgently\s+|clearly\s+|now\s+)?(needed|required|warranted)\b", re.I)
RESEARCH_CALL_FACTOR = 0.3
_ADVICE = re.compile(
    r"\b(consult|talk to|speak (to|with)|ask (a|your)|should|recommend(ed)?|make sure|be sure|"
    # (not a finding's "were more likely to … avoid alcohol", nor a "follow-up")
    r"always|(best|better|wise|advised|need|needs|want) to avoid|seek|start with|follow(?!-))\b"
    r"|^(use|take|try|choose|keep|check|start|avoid)\b", re.I)
# Words of study design, counts and time, not of the subject: never the draft's topic.
STUDY_TERMS = frozenset("""trial study review participant patient evidence effect result group outcome people
author researcher analysis data case series cohort survey sample""".split()) | frozenset(
    # a review's design and grading ("the included studies", "low-certainty evidence",
    # "compared with placebo") names no subject either
    """include inclusion criterion intervention comparison compare control placebo difference significant
    statistically certainty low-certainty moderate-certainty high-certainty quality low-quality bias
    heterogeneity heterogeneous meta-analysis randomise randomize randomised randomized""".split()) | frozenset(
    # counts and spans of time are never a subject ("one", "two weeks")
    "one two three four five six seven eight nine ten first second third year month week day time".split())
# Reporting verbs are in every news story's sentences ("…, she said") and many headlines
# ("Here's what the evidence says"); as topic terms they favour attributions over findings.
REPORTING_TERMS = frozenset("say tell add note explain ask report suggest find show think know".split())
# A point must be at least this central, relative to the most central sentence: minor details
# (scene-setting, history) stay out even when the budget has room.
MIN_RELATIVE_SCORE = 0.5
MIN_WORDS = 6  # shorter sentences are labels, not points
OPENING_POSITION = 0.35  # non-review drafts: the opening comes from the first third
TOPIC_TERMS = 3
FIRST_SENTENCE_FACTOR = 1.5
NUT_GRAF_FACTOR = 1.5
HEADLINE_WEIGHT = 1.0
DEFINITION_FACTOR = 2.0
# A story about a named person (a feature's anecdote) opens a lead only when nothing else can,
# and is a weaker point.
ANECDOTE_FACTOR = 0.5
RESTATED_DEK_TOPIC_TERMS = 2  # of the draft's TOPIC_TERMS
# Nor does a named speaker's opinion ("Associate Professor Jane Doe, an endocrinologist, said the
# findings were the most convincing part"): a lead opens on the news, then says who said it.
_NAMED_SPEAKER = re.compile(r"^(?!(?:The|A|An|This|These)\b)(?:(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+)?(?:[A-Z][\w.'’-]*\s+){1,5}?[A-Z][\w'’-]+"
                            r"(?:,[^,]{3,120},)?\s+(?:said|says|told|explained|noted|added|argued|warned)\b")
# ... or after it: "…, said Dr. Hollis Grant, who was not involved in the review" (a person
# named with a title or a first name; not "…, the CDC said")
# (the comma may close a quotation: '…," says Dr. Amara Osei, …' or '…,” Osei said.')
_SPEAKER_NAME = rf"(?:(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+[A-Z][\w'’-]+|[{UPPER_LETTERS}][{LOWER_LETTERS}'’-]+\s+[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)?"
_TRAILING_SPEAKER = re.compile(rf",[”\"’']?\s*(?:(?:said|says|according\s+to)\s+{_SPEAKER_NAME}(?:[,.]|$)|"
                               rf"(?:{_SPEAKER_NAME}|[{UPPER_LETTERS}][{LOWER_LETTERS}'’-]+)\s+(?:said|says)(?:[,.]|$))")
ATTRIBUTION_FACTOR = 0.6
# Nor a direct quote: a lead reports what was found in its own words; a quote is colour, kept
# for the body (the house leads quote no one).
_DIRECT_QUOTE = re.compile(r"^\s*[“\"‘]")
QUOTE_FACTOR = 0.5
# and a lead never opens on one: the quote's speaker is introduced only after it
OPENING_QUOTE_FACTOR = 0.2
_SECOND_PERSON = re.compile(r"^(?:(?:if|when|so|and|but)\s+)?(you|your|you(’|')(re|ve|ll|d))\b", re.I)
SECOND_PERSON_FACTOR = 0.5
IMPERATIVE_FACTOR = 0.25
# Nor on the backdrop to a story's news ("For years, people who dreaded flying could ask their GP
# for …", "In a trial published in 2023, …"): what was, before what is.
_BACKDROP = re.compile(r"^(?:for\s+(?:years|decades|generations|centuries|a\s+long\s+time)|until\s+(?:recently|now)|"
                       r"in\s+the\s+past|historically|traditionally|once\s+upon|back\s+in\b[^,]*|"
                       r"in\s+(?:(?:early|late|mid-?)\s*)?(?:19|20)\d\d|in\s+an?\s+[^,]{0,60}?\b(?:published|reported|conducted|run)\s+in\s+(?:19|20)\d\d),",
                       re.I)
BACKDROP_FACTOR = 0.4
_RECOMMENDS = re.compile(r"\b(?:should|must|need\s+to)\s+(?:not\s+|also\s+|first\s+)?(?:seek|consult|talk|speak|ask|see|tell|check|avoid|stop)\b|"
                         r"\b(?:remains?|is|are)\s+the\s+recommended\b", re.I)
RECOMMENDATION_FACTOR = 0.4
# Nor on a share of a set it has not named yet ("Most blends contain half as much caffeine …"):
# the set is the subject, which the opening should name.
# (a bare set: the quantifier, one noun, the verb)
_QUANTIFIED_OPENER = re.compile(r"^(?:most|many|some|several|few|both)\s+(?!of\b)[a-z][\w-]*\s+(?P<verb>[a-z]+)\b", re.I)
QUANTIFIED_OPENER_FACTOR = 0.5
MMR_LAMBDA = 0.6  # weight of centrality against similarity to what is already picked
REDUNDANT_COSINE = 0.45  # TF-IDF cosine above which a sentence repeats a picked one
# Section coverage breaks ties between points of about the same centrality.
COVERED_PART_FACTOR = 0.93
# Points after the opening, at most: a draft of short sentences would otherwise fill the word
# budget with six or seven of them, a list rather than a lead.
MAX_POINTS = 4


def attributed(sentence: str) -> bool:
    """Is the sentence a named person's word (their speech verb before or after it)?"""
    return bool(_NAMED_SPEAKER.match(sentence) or _TRAILING_SPEAKER.search(sentence))


@dataclass
class Pick:
    extract: Extract
    role: str  # one of ROLES
    context: str | None = None  # draft sentence(s) before it, when it needs them (decontextualize)
    needs_context: str | None = None  # why it does not stand alone in the lead
    rank: int = 0  # the order it was picked in: 0 the opening, then by marginal relevance
    # what the rules restored from the draft for a pronoun it leaned on ("She" -> the person)
    restored: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.extract.text


def _restored_pick(s: Extract, text: str, role: str, rank: int) -> Pick:
    """``s`` picked as ``text``, what it leaned on restored: it stands now, so it needs no context."""
    return Pick(replace(s, text=text), role, None, None, rank=rank, restored=antecedents.inserted(s.text, text))


def topic_terms(sentences: list[Extract], title: str | None = None, n: int = TOPIC_TERMS) -> list[str]:
    """The draft's subject: the content lemmas in the most sentences (title words count double)."""
    counts: Counter = Counter()
    for s in sentences:
        counts.update(coherence.content_lemmas(s.text) - STUDY_TERMS - REPORTING_TERMS)
    if title:
        for w in coherence.content_lemmas(title) - REPORTING_TERMS:
            counts[w] += 2 + counts[w]
    # ties go alphabetically: the lemmas arrive as sets, whose order changes from process to process
    return [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


# A narrator's "I" (an essay, a first-person feature) is not the lead's voice; a quoted "I" is
# the speaker's, and a Roman one numbers something ("Schedule I", "phase I").
_FIRST_PERSON = re.compile(r"\b(I|me|my|mine|myself)\b")
_ROMAN_ONE = re.compile(r"\b(phase|schedule|type|grade|stage|class|part|tier|level|world war)\s+I\b", re.I)


def narrated(sentence: str) -> bool:
    """Does the writer speak in the first person here, outside any quotation?"""
    s = _ROMAN_ONE.sub(" ", sentence)
    s = re.sub(r"“[^”]*(”|$)|\"[^\"]*(\"|$)", " ", s)  # quoted, or a quote running on past the sentence
    s = re.sub(r"^[^“\"]*”", " ", s)  # the end of a quotation that began in an earlier sentence
    return bool(_FIRST_PERSON.search(s))


# "X is a …", "X (Latin name), a …, is an …", "X is made from …": the sentence says what X is.
_DEFINITION = re.compile(r"^(?:[A-Z][\w'’-]*\s+){0,3}?(?P<head>[\w'’-]+)(?:\s*\([^()]{1,60}\))?(?:,[^,]{3,80},)?\s+"
                         r"(?:is|are)\s+(?:(?:an?|the)\s|(?:made|derived|extracted|taken)\s+from\b)")


def _defines(sentence: str, subject: str) -> bool:
    """Does the sentence define the draft's subject (its most frequent content lemma)?"""
    m = _DEFINITION.match(sentence)
    return bool(m) and subject in coherence.content_lemmas(sentence[:m.end("head")])


def usable(sentence: str) -> bool:
    """May this sentence go into a lead at all (whatever comes before it)?"""
    s = sentence.strip()
    if word_count(s) < MIN_WORDS or s.endswith("?") or narrated(s):
        return False
    return not (coherence.boilerplate_kind(s) or coherence.is_meta(s) or coherence.fragment_reason(s))


class Redundancy:
    """Each candidate's highest TF-IDF cosine to the sentences picked so far.

    Kept up to date one pick at a time (one sparse row product each), never as a dense
    sentence-by-sentence matrix: a draft of 10,000 paragraphs would need 800 MB for that, and
    the planner only ever compares candidates with the few sentences a lead holds."""

    def __init__(self, matrix, n: int):
        self.matrix = matrix  # rows L2-normalised (corpus.tfidf), or None
        self.max = np.zeros(n)

    def add(self, i: int) -> None:
        if self.matrix is not None:
            self.max = np.maximum(self.max, (self.matrix @ self.matrix[i].T).toarray().ravel())


def _context(sentences: list[Extract], i: int) -> str | None:
    """The draft sentence before ``sentences[i]`` in the same part (the antecedent's home)."""
    if i and sentences[i - 1].part == sentences[i].part:
        return sentences[i - 1].text
    return None


# Who a sentence is about when it opens on a person: "Mr. Kato said …", "He said he drinks …"
_COURTESY = frozenset("Mr Mrs Ms Miss Mx".split())
_HE_OR_SHE = re.compile(r"^[“\"‘']?(?:He|She)\b")


def _anecdotes(sentences: list[Extract], aged: frozenset[str]) -> set[int]:
    """The ids of the sentences that tell a feature's anecdote rather than its news: anecdotal
    in themselves (``coherence.anecdotal``), or about a person of the anecdote (``aged``: named
    with an age or by a first name only), by name ("Mr. Kato said he wanted to cut down") or by
    "he"/"she" right after a sentence of the anecdote ("He said he drinks three sachets a day")."""
    out: set[int] = set()
    for i, s in enumerate(sentences):
        if coherence.nut_graf(s.text):  # "She is one of a growing number …": the news
            continue
        words = s.text.split()
        first = words[0].strip("“\"‘'").rstrip(".")
        if first in _COURTESY and len(words) > 1:
            first = words[1]
        follows = bool(_HE_OR_SHE.match(s.text)) and _context(sentences, i) is not None and id(sentences[i - 1]) in out
        if coherence.anecdotal(s.text) or re.sub(r"['’]s?$|[,;:]$", "", first) in aged or follows:
            out.add(id(s))
    return out


def is_review(article: Article) -> bool:
    """A review or trial abstract (its claim is in its conclusion), not a news or house draft."""
    return _reads_as_review(article.prose()) and not _news_page(article)


def _news_page(article: Article) -> bool:
    """A pasted news page (it carries its publication time or a "By …" byline): a story, however
    many odds ratios and confidence intervals it quotes from the study it reports. (A journal
    abstract's author list is no "By …" line.)"""
    return any(p.boilerplate == "timestamp" or (p.boilerplate == "byline" and re.match(r"(?i)by\s", p.text))
               for p in article.paragraphs())


_BYLINE_KINDS = ("byline", "timestamp", "dateline")
# the turn from a story's scene-setting first sentence to its news
_TURN = re.compile(r"(?:But|Yet|Still|Now),?\s+(?=[a-z])")


MIN_TITLE_SENTENCE_WORDS = 8
NUT_GRAF_WITHIN = 6  # sentences: a feature turns from its anecdote to its news within a few


# a headline that lists what the story covers: "The root veterans are crossing the border for, and
# what a small study found"
_TOPIC_LIST = re.compile(r",\s+and\s+(?:what|how|why|where|when|who|whether)\b", re.I)


def _title_sentence(article: Article) -> Extract | None:
    """A news page's headline when it is written as a sentence, in sentence case, not in
    headline-ese nor as a question: its first sentence, as the lede an anecdote put off."""
    if article.title is None or not _news_page(article):
        return None
    text = " ".join(article.title.text.split())
    first = split_sentences(text)[0].text.strip() if text else ""
    words = first.split()
    if (len(words) < MIN_TITLE_SENTENCE_WORDS or headlinese(first) or first.endswith("?") or _TOPIC_LIST.search(first)
            or sum(w[:1].islower() for w in words) < len(words) / 2 or not coherence.has_finite_verb(first)):
        return None
    sentence = first if first.endswith((".", "!")) else first + "."
    return Extract(sentence, "intro", article.title.start, article.title.start + len(first))


def _lede_index(article: Article, sentences: list[Extract]) -> int:
    """The first sentence of the story: a pasted page's dek (the line under its headline,
    above the byline and date) is the headline's, not the lede."""
    paragraphs = article.paragraphs()
    prose = [i for i, p in enumerate(paragraphs) if p.boilerplate is None]
    if article.title is None or len(prose) < 2:
        return 0
    first, second = prose[0], prose[1]
    if not any(p.boilerplate in _BYLINE_KINDS for p in paragraphs[first + 1:second]):
        return 0
    start = paragraphs[second].start
    return next((i for i, s in enumerate(sentences) if s.start >= start), 0)


def _states_claim(text: str) -> bool:
    """Does the sentence state a finding ("X is effective in …", "there is no good evidence …")?
    Not when the finding is a question the sentence asks ("No one yet knows whether taking it for
    years is safe")."""
    m = _CLAIM.search(text)
    return bool(m) and not _OPEN_QUESTION.search(text, 0, m.start())


_OPEN_QUESTION = re.compile(r"\b(whether|if)\b", re.I)
_NO_EVIDENCE = re.compile(r"\bthere is (no|insufficient|limited|little|low)[- a-z]* evidence|\b(does|do|did) not support\b|"
                          r"\b(insufficient|inadequate|inconclusive|too limited) to\b", re.I)


def _reads_as_review(text: str) -> bool:
    # a researcher quoted in a news story ("What we found is that …") is not the draft
    # reporting its own methods
    text = coherence.QUOTED.sub(" ", text)
    hits = len(_REVIEW.findall(text)) + len(_REVIEW_PASSIVE.findall(text))
    return hits >= REVIEW_MIN_HITS or bool(_REVIEW_METHODS.search(text))


def plan(article: Article, max_words: int = 130, can_decontextualize: bool = False,
         avoid: Callable[[str], bool] | None = None, prefer: Sequence[str] = ()) -> list[Pick]:
    """The lead's sentences in order (see the module docstring). ``avoid``: sentences never to
    pick (the pipeline passes the caveat filter's overclaim test); ``prefer``: sentences, best
    first, the first of which that fits becomes the lead's caveat (the pipeline passes the caveat
    filter's conclusion-level caveats)."""
    sentences = candidate_sentences(article)
    if not sentences:
        return []
    # A story that opens on a person's anecdote or a scene states its news in the dek above it: the dek,
    # though set aside as furniture, may open the lead.
    deks = [(p.start, p.end) for p in article.paragraphs() if p.boilerplate == "dek"]
    if coherence.anecdotal(sentences[0].text) and deks:
        sentences = candidate_sentences(article, with_dek=True)
        # (a dek in headline-ese, restated as a sentence, only when it names the subject itself,
        # not "the tea" of the headline above it)
        if any(s.restated for s in sentences):
            named = set(topic_terms([s for s in sentences if not s.restated], article.title.text if article.title else None))
            sentences = [s for s in sentences if not s.restated
                         or len(coherence.content_lemmas(s.text) & named) >= RESTATED_DEK_TOPIC_TERMS]
    elif coherence.anecdotal(sentences[0].text) and not any(coherence.nut_graf(s.text) for s in sentences[:NUT_GRAF_WITHIN]):
        # … and with no dek, and no "She is one of a growing number …" turning to it, a headline
        # written as a sentence states it ("A stop-smoking pill helped teens quit vaping in a
        # Wisconsin trial. Doctors say …")
        title = _title_sentence(article)
        if title is not None:
            sentences = [title, *sentences]
    matrix = score_sentences(sentences)
    index = {id(s): i for i, s in enumerate(sentences)}
    # a structured abstract's methods ("Selection criteria", "Search methods") are not lead material
    methods = {f"section {i}" for i, sec in enumerate(article.sections, 1) if heading_role(sec.heading) == "methods"}
    ok = [s for s in sentences if usable(s.text) and s.part not in methods] or [
        s for s in sentences if usable(s.text)]
    if avoid is not None:
        ok = [s for s in ok if not avoid(s.text)]
    if not ok:  # nothing passes: the most central sentence, as extraction did
        return [Pick(max(sentences, key=lambda s: s.score), "opening")]
    topic = topic_terms(sentences, article.title.text if article.title else None)
    concluding = {f"section {i}" for i, sec in enumerate(article.sections, 1)
                  if heading_role(sec.heading) == "conclusion"}
    prose = article.prose()
    review = is_review(article) or bool(concluding)

    lede = _lede_index(article, sentences)
    # stories about a named person, and methods or a study's protocol (each sentence asked once:
    # the opening and the points use them)
    # (… and "Tyler had been using a dab pen …", its person given with an age earlier: "Then Tyler, 17, …")
    anecdotes = set() if review else _anecdotes(sentences, coherence.aged_people(prose))
    told_methods = {id(s) for s in ok if _METHODS.search(s.text)}
    if lede and coherence.anecdotal(sentences[lede].text):
        lede = 0  # the story opens on an anecdote: the dek above it states the news

    headline = (coherence.content_lemmas(article.title.text) - REPORTING_TERMS) if article.title and not review else set()
    # A house draft (headed sections, not a study's report) opens, as the house leads do, on what
    # its subject is: "Kanna (Sceletium tortuosum) is a low-growing succulent native to …".
    house = not review and article.has_headings() and not any(p.boilerplate in _BYLINE_KINDS for p in article.paragraphs())

    origin: dict[int, Extract] = {}  # a restored opening candidate -> the draft's sentence
    generalised: set[int] = set()  # the candidates that tell a nut graf's news of the many

    def opening_score(s: Extract) -> float:
        draft = origin.get(id(s), s)
        position = index[id(draft)] / max(1, len(sentences) - 1)
        lemmas = coherence.content_lemmas(s.text)
        # Naming the subject (the draft's most frequent term) matters most for an opening.
        score = s.score * (1 + 0.5 * len(lemmas & set(topic)) + (1.0 if topic[0] in lemmas else 0.0))
        # A story's headline states its news: the sentence that says what it says is the lede
        # ("Popular sugar substitute makes platelets stickier" -> "A sweetener … appears to make
        # blood platelets more prone to clumping").
        if headline:
            score *= 1 + HEADLINE_WEIGHT * len(lemmas & headline) / len(headline)
        closing = bool(_CLOSING_MARKER.match(s.text))
        # (in a house draft, "there is no good evidence that it prevents cancer" is a caveat, not
        # the claim it opens on; a story about a review may well open on it)
        stated = _states_claim(s.text) and not (house and _NO_EVIDENCE.search(s.text))
        if closing or stated:  # a conclusion cue
            score *= 2.0 if review else 1.2
        # News and house drafts state their claim early; a stated finding ("X is effective
        # in ...") is the claim wherever it stands (a review abstract the detector missed
        # ends with it), but a sentence that opens "In conclusion, ..." reads as a closing.
        if not review and position > OPENING_POSITION and not (stated and not closing):
            score *= 0.3
        own = _unbracketed(s.text)  # (the sentence's own words: the lead drops bracketed statistics)
        if _CAVEAT.search(own) and not (closing or stated):
            score *= 0.7
        if _RESEARCH_CALL.search(s.text) and not stated:
            score *= RESEARCH_CALL_FACTOR
        # A lead never opens on a statistic ("126/4645 participants died", "RR 0.75; 95% CI ...");
        # a review's authors state their conclusion in its last quarter.
        if _STATISTIC.search(s.text) or _STATISTIC_IN_TEXT.search(own):
            score *= 0.5
        if review and position >= REVIEW_CONCLUSION_POSITION:
            score *= 1.5
        # A news story's first sentence is its lede, a house draft's names the subject; a
        # methods sentence opens nothing.
        methods = id(draft) in told_methods
        anecdote = id(draft) in anecdotes
        if not review and index[id(draft)] == lede and not methods and not anecdote:
            score *= FIRST_SENTENCE_FACTOR
        if anecdote:
            score *= ANECDOTE_FACTOR
        # the news a feature's anecdote stands for, told of the many ("Hundreds of people across
        # south-east Wales have been switched …" from "Mrs Price is one of hundreds …")
        if id(s) in generalised:
            score *= NUT_GRAF_FACTOR
        if not review and attributed(s.text):
            score *= ATTRIBUTION_FACTOR
        if _DIRECT_QUOTE.match(s.text):
            score *= OPENING_QUOTE_FACTOR
        # a lead opens on its subject, not on the reader ("You're far from alone: …", "If your
        # alarm goes off at 6 a.m. …"); "you" belongs to the closing advice
        if _SECOND_PERSON.search(s.text):
            score *= SECOND_PERSON_FACTOR
        if coherence.imperative(s.text):  # an instruction ("Use a spray for … and …") states no claim
            score *= IMPERATIVE_FACTOR
        if not review and _BACKDROP.match(s.text):
            score *= BACKDROP_FACTOR
        # the reader's next step closes the lead; a recommendation states no finding
        if _RECOMMENDS.search(s.text) and not stated:
            score *= RECOMMENDATION_FACTOR
        bare = _QUANTIFIED_OPENER.match(s.text)
        if (not review and bare and coherence.has_finite_verb(bare.group("verb"))
                and not coherence.content_lemmas(" ".join(s.text.split()[:5])) & set(topic)):
            score *= QUANTIFIED_OPENER_FACTOR
        if methods:
            score *= METHODS_FACTOR
        if house and _defines(s.text, topic[0]):
            score *= DEFINITION_FACTOR
        if s.part in concluding:
            score *= CONCLUSION_SECTION_FACTOR
        return score

    names = coherence.surnames(prose)
    subjects = antecedents.subject_phrases(prose, antecedents.subject_words(frozenset(topic), names))
    intros: dict[str, str] = {}  # each person's introduction, looked up once
    headless = {"intro", "closing"} | {f"section {i}" for i, sec in enumerate(article.sections, 1) if sec.heading is None}

    def restored(s: Extract, before: list[str]) -> str | None:
        """``s`` with the pronoun it leans on restored from the draft sentences before it in its
        part, when that reads after ``before`` (the lead so far)."""
        i = index[id(s)]
        # (in its part; a headless draft's parts are cut for its outline, not by its writer)
        draft_before = [t.text for t in sentences[max(0, i - antecedents.CHAIN_LOOKBACK):i]
                        if t.part == s.part or t.part in headless and s.part in headless]
        if antecedents.leans_on_a_term(s.text) and i:
            draft_before = [sentences[i - 1].text]  # (a term is named just before, wherever a section starts)
        fixed = antecedents.restore(s.text, draft_before, names, subjects)
        if fixed is None:
            return None
        fixed = name_people(list(before) + [fixed], prose, names, intros)[-1]
        return fixed if not coherence.dangling_reason(fixed, before, names) else None

    def regrouped_opening(s: Extract) -> str | None:
        """``s``, which leans on the draft before it, with what it leans on restored so that it
        may open the lead (see the loop below); None when it cannot be."""
        def opens(text: str | None) -> str | None:  # (what may open a lead: nothing before it)
            return text if text is not None and not coherence.dangling_reason(text, [], names) else None

        fixed = None
        if antecedents.leans_on_a_group(s.text) or antecedents.leans_on_a_term(s.text):
            fixed = restored(s, [])
        if fixed is None and coherence.nut_graf(s.text):
            # the news after the anecdote, its person named in full ("Marisol Henning is one of …",
            # "She is one of …" after the sentences about her)
            fixed = opens(restored(s, []) if coherence.opens_on_pronoun(s.text)
                          else name_people([s.text], prose, names, intros)[-1])
            if fixed == s.text:
                fixed = None
        i = index[id(s)]
        if fixed is None and i and sentences[i - 1].part == s.part:
            # the news after a feature's reveal ("The tablet is modafinil, …. It is now …")
            fixed = opens(antecedents.revealed(s.text, sentences[i - 1].text, topic[:REVEAL_TOPIC_TERMS]))
            if fixed is not None:
                superseded.add(id(sentences[i - 1]))  # (the reveal is said in the fused opening)
        if fixed is None:
            # a finding its researchers report ("The researchers found that 34 per cent …")
            fixed = opens(antecedents.generic_researchers(s.text))
        if fixed is None and antecedents.leans_on_a_product(s.text):
            fixed = opens(antecedents.reintroduced(s.text, [t.text for t in sentences[:i]]))
        if fixed is None and article.title is not None:
            # the thing a story's news names with "the", as its headline names it ("… in favour
            # of the tea" under "Samoa reviews soursop leaf tea as …")
            fixed = opens(antecedents.named_as_titled(s.text, article.title.text))
        return fixed

    standalone, regrouped = [], []
    superseded: set[int] = set()
    # A story that opens on a scene ("It costs about $8 a can …") turns to its news in the next
    # sentence ("But doctors at … say …"): without its connective, that sentence is the lede.
    turn = sentences[lede + 1] if not review and lede + 1 < len(sentences) else None
    if (turn is not None and id(turn) in {id(s) for s in ok} and (m := _TURN.match(turn.text))
            and coherence.dangling_reason(sentences[lede].text, [], names)):
        fixed = upper_first(turn.text[m.end():])
        if not coherence.dangling_reason(fixed, [], names):
            candidate = replace(turn, text=fixed)
            origin[id(candidate)] = turn
            regrouped.append(candidate)
            lede += 1
    for s in ok:
        # a nut graf told through one person opens on the many it is news about ("Hundreds of
        # people across south-east Wales have been switched …", not "Mrs Price is one of …")
        general = antecedents.generalised(s.text) if coherence.nut_graf(s.text) else None
        if general is not None and not coherence.dangling_reason(general, [], names):
            candidate = replace(s, text=general)
            origin[id(candidate)] = s
            generalised.add(id(candidate))
            regrouped.append(candidate)
        elif not coherence.dangling_reason(s.text, [], names):
            standalone.append(s)
        # A finding that leans on its method sentence for its group ("Those who began low-dose
        # trazodone had a 22% higher rate of falls …") may open the lead with the group restored.
        # (Only the group: "It has 70% of sugar's sweetness" restored to the subject's name is
        # still background, and "For now, he says, …" restored to its speaker an expert's aside.)
        # So may a definition that leans on the term the sentence before gave ("Researchers have
        # a name for this: cyberchondria. The term describes …").
        # … and the news a feature turns to after its anecdote, its person named in full
        # ("Henning is one of a growing number of …" → "Marisol Henning is one of …")
        # … and a product the draft introduced earlier with the words that describe it ("The
        # syrup, sold under …" → "An unlicensed 'curves' syrup, sold under …")
        elif (fixed := regrouped_opening(s)) is not None:
            candidate = replace(s, text=fixed)
            origin[id(candidate)] = s
            regrouped.append(candidate)
    best = max([c for c in standalone if id(c) not in superseded] + regrouped or ok, key=opening_score)
    opening = origin.get(id(best), best)
    if best is not opening:
        picks = [_restored_pick(opening, best.text, "opening", 0)]
    else:
        picks = [Pick(opening, "opening", _context(sentences, index[id(opening)]))]
    # (what the reader will see: the lead drops bracketed statistics, and "(two studies; …)" with
    # them, so they introduce nothing a later pick may lean on)
    chosen_texts = [drop_statistics(best.text)]
    used = word_count(best.text)

    # The advice: the last advice sentence of the closing paragraph (or the draft's last part).
    last_part = sentences[-1].part
    advice = next((s for s in reversed(ok) if s.part == last_part and _ADVICE.search(s.text)
                   and s is not opening), None)
    budget = max_words - (word_count(advice.text) if advice else 0)

    covered: set[str] = {opening.part}
    caveat_taken = False
    max_score = max(s.score for s in sentences) or 1.0
    # An anecdote is a weaker point too: the lead reports the news, not the story told around it.
    # So is the protocol of a news story's study ("Participants were tested at three months"),
    # and a direct quote, and a sentence addressed to the reader ("If you've tried it, you're in
    # good company"; the advice that closes the lead is picked on its own).
    own_words = {id(s): _unbracketed(s.text) for s in ok}  # (each sentence's own words, once)
    weight = {id(s): (ANECDOTE_FACTOR if id(s) in anecdotes else 1.0)
              * (METHODS_FACTOR if id(s) in told_methods and (not review or _MEASURED.search(s.text)) else 1.0)
              * (QUOTE_FACTOR if _DIRECT_QUOTE.match(s.text) else 1.0)
              * (SECOND_PERSON_FACTOR if _SECOND_PERSON.search(s.text) else 1.0)
              # (a ratio without its confidence interval tells a reader little: "the pooled RR was 0.59";
              # a news story's count, "Of 1,618 exposures, 1,077 involved …", may well be its finding)
              * (STATISTIC_FACTOR if _STATISTIC.search(own_words[id(s)]) else 1.0)
              for s in ok}
    # A sentence below the score floor is never picked, so it never needs ranking. Nor is the dek
    # when it does not open the lead: it is the headline's summary, not one of the story's points.
    rest = [s for s in ok if s is not opening and s is not advice
            and s.score * weight[id(s)] >= MIN_RELATIVE_SCORE * max_score
            and not any(a <= s.start < b for a, b in deks)]
    redundancy = Redundancy(matrix, len(sentences))
    redundancy.add(index[id(opening)])
    rows = np.array([index[id(s)] for s in rest], dtype=int)
    relevance = np.array([s.score * weight[id(s)] for s in rest])
    part_of = np.array([s.part for s in rest], dtype=object)
    lengths = np.array([word_count(s.text) for s in rest])
    # (a caveat in the sentence's own words: "(risk ratio 2.14, …)" is a statistic the lead drops)
    caveats = np.array([bool(_CAVEAT.search(own_words[id(s)])) for s in rest], dtype=bool)
    alive = np.ones(len(rest), dtype=bool)

    def take(s: Extract, role: str, context: str | None, reason: str | None, text: str | None = None) -> None:
        nonlocal used, caveat_taken
        pick = Pick(s, role, context, reason, rank=len(picks))
        if text is not None and text != s.text:  # restored: it stands now
            pick = _restored_pick(s, text, role, len(picks))
        picks.append(pick)
        chosen_texts.append(drop_statistics(pick.text))
        redundancy.add(index[id(s)])
        used += word_count(pick.text)
        covered.add(s.part)
        caveat_taken |= role == "caveat"

    # The caveat slot goes to the draft's conclusion-level caveat where it reads on its own and
    # fits: the lead then says it in the draft's place, not as an addition after it.
    # (even below the score floor: a verdict is rarely the most central sentence)
    in_rest = {id(s): k for k, s in enumerate(rest)}
    by_text = {s.text: s for s in ok if s is not opening and s is not advice}
    for text in prefer:
        best = by_text.get(text)
        if best is None or word_count(text) > budget - used:
            continue
        if coherence.dangling_reason(text, chosen_texts, names):
            text = restored(best, chosen_texts)
            if text is None or word_count(text) > budget - used:
                continue
        take(best, "caveat", _context(sentences, index[id(best)]), None, text)
        if id(best) in in_rest:
            alive[in_rest[id(best)]] = False
        break

    # Maximal marginal relevance (Carbonell & Goldstein 1998): central, and new. Vectorised
    # over the candidates, so each pick costs O(candidates), not O(candidates x picks).
    while True:
        # Out for good: what no longer fits the budget, repeats a pick, or is a second caveat
        # (the budget only shrinks, redundancy only grows). A long draft of near-repeats
        # would otherwise be walked one rejected sentence at a time.
        alive &= (lengths <= budget - used) & (redundancy.max[rows] < REDUNDANT_COSINE)
        if caveat_taken:
            alive &= ~caveats
        if sum(p.role == "point" for p in picks) >= MAX_POINTS:
            alive &= caveats & (not caveat_taken)
        if not alive.any():
            break
        factor = np.where(np.isin(part_of, list(covered)), COVERED_PART_FACTOR, 1.0)
        mmr = MMR_LAMBDA * relevance * factor - (1 - MMR_LAMBDA) * redundancy.max[rows] * max_score
        k = int(np.argmax(np.where(alive, mmr, -np.inf)))
        alive[k] = False
        best = rest[k]
        # (budget, cosine redundancy and a second caveat were ruled out above)
        if any(coherence.same_meaning(best.text, t) for t in chosen_texts):
            continue
        is_caveat = bool(caveats[k])
        reason = coherence.dangling_reason(best.text, chosen_texts, names)
        context = _context(sentences, index[id(best)])
        fixed = restored(best, chosen_texts) if reason else None
        if fixed is not None and word_count(fixed) <= budget - used:
            take(best, "caveat" if is_caveat else "point", context, None, fixed)
            continue
        if reason and not (can_decontextualize and context):
            continue
        take(best, "caveat" if is_caveat else "point", context, reason)
    if advice is not None and not any(coherence.same_meaning(advice.text, t) for t in chosen_texts):
        reason = coherence.dangling_reason(advice.text, chosen_texts, names)
        context = _context(sentences, index[id(advice)])
        if not reason or (can_decontextualize and context):
            picks.append(Pick(advice, "advice", context, reason, rank=len(picks)))
    return _resolvable(order(picks), can_decontextualize, names)


def _resolvable(picks: list[Pick], can_decontextualize: bool, names: frozenset[str] = frozenset()) -> list[Pick]:
    """Re-check references in the final order (a point may now come before what it needs)."""
    out: list[Pick] = []
    for p in picks:
        reason = coherence.dangling_reason(p.text, [drop_statistics(q.text) for q in out], names)
        # "It also can't show whether …" after a sentence about something else: a personal
        # pronoun opening a sentence refers to the draft sentence before it, so only that one
        # may come before it in the lead
        # ("Both of her kids take them" after a sentence about another woman, likewise)
        if (not reason and out and (coherence.opens_on_pronoun(p.text) or coherence.leans_on_a_person(p.text))
                and p.context != out[-1].text):
            alone = coherence.dangling_reason(p.text, [], names)
            if alone:
                reason = f"{alone} (its antecedent is not the lead's sentence before it)"
        if reason and p.role != "opening" and not (can_decontextualize and p.context):
            continue  # cannot be made to stand alone: leave it out
        p.needs_context = reason
        out.append(p)
    return out


def order(picks: list[Pick]) -> list[Pick]:
    """Opening first, points in draft order, then the caveat, then the advice."""
    rank = {role: i for i, role in enumerate(ROLES)}
    return sorted(picks, key=lambda p: (rank[p.role], p.extract.start))
