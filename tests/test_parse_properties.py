"""Property-based tests of the parser (hypothesis): only the documented error on any text, the
body kept byte for byte, and a finished article read back into its lead and its exact draft."""
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from summarize.corpus.article import OutlineEntry
from summarize.corpus.parse import DraftError, parse_article, parse_draft
from summarize.corpus.render import render_house

# Thousands of examples in CI, a few seconds each property.
PROPERTY_SETTINGS = settings(max_examples=1000, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

# Pieces that exercise the parser's rules: line endings of all kinds, Markdown, list and
# sub-heading markers, fences, tables, HTML, furniture cues, words and punctuation.
PIECES = ["\n", "\r", "\r\n", "\n\n", " ", "\t", "# ", "## ", "- ", "– ", "* ", "1. ", "```", "~~~", "|", "<p>",
          "</p>", "(CNN) — ", "By Jane Doe, CNN", "Advertisement", "Photo: ", "Copyright", "©", ".", "?", ",",
          ":", "Sleep", "kratom", "The", "Magnesium helps", "people", "rest", "Final Thoughts", "\u2028", "\x0c",
          "é", "“", "”", "’", "0", "42"]
any_text = st.one_of(st.text(max_size=60), st.lists(st.sampled_from(PIECES), max_size=30).map("".join))


def _outline(article):
    return [OutlineEntry(s.heading or f"Generated Heading {i}", s.level, s.heading is None or s.generated)
            for i, s in enumerate(article.walk(), 1)]


@PROPERTY_SETTINGS
@given(any_text)
def test_parser_raises_only_draft_error_and_keeps_the_body(text):
    try:
        article = parse_article(text)
    except DraftError:
        return
    for p in article.paragraphs():
        assert 0 <= p.start <= p.end <= len(article.text)
    if article.lead is not None:  # read as a finished article: it renders back exactly
        assert render_house(article) == text or article.has_headings()
        return
    assert article.text == text
    article.lead = "A lead."
    article.outline = _outline(article)
    out = render_house(article)
    body = text[article.outline_at :]
    assert out.endswith(body)
    assert text[: article.outline_at] in out


WORD = st.sampled_from(["sleep", "kratom", "tea", "rest", "doctor", "dose", "night", "studies", "may", "help",
                        "people", "risk", "evidence", "calm", "body", "mind", "caffeine", "magnesium"])
sentence = st.lists(WORD, min_size=3, max_size=12).map(lambda ws: " ".join(ws).capitalize() + ".")
paragraph = st.lists(sentence, min_size=1, max_size=3).map(" ".join)
heading = st.lists(WORD, min_size=1, max_size=5).map(lambda ws: " ".join(w.capitalize() for w in ws))
block = st.one_of(
    paragraph.map(lambda p: ("p", p)),
    paragraph.map(lambda p: ("p", p)),
    heading.map(lambda h: ("h", h)),
    heading.map(lambda h: ("h", "– " + h)),
    st.lists(sentence, min_size=1, max_size=3).map(lambda items: ("p", "\n".join("- " + s for s in items))),
    st.sampled_from(["Advertisement", "By Jane Doe, CNN", "Photo: A cup of tea at night.", "Related: More on tea"]).map(lambda f: ("p", f)),
)


@st.composite
def drafts(draw):
    blocks = draw(st.lists(block, min_size=1, max_size=10))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    blank = draw(st.booleans())
    markdown = draw(st.booleans())
    lines = []
    for kind, text in blocks:
        if kind == "h" and markdown:
            text = ("### " + text[2:]) if text.startswith("– ") else "## " + text
        lines.append(text.replace("\n", newline))
    draft = (newline * 2 if blank else newline).join(lines)
    return draft + draw(st.sampled_from(["", newline]))


@PROPERTY_SETTINGS
@given(drafts(), sentence)
def test_a_finished_article_gives_back_its_lead_and_exact_draft(draft, lead):
    try:
        article = parse_draft(draft)
    except DraftError:
        assume(False)
    article.lead = lead
    article.outline = _outline(article)
    assume(article.outline)
    finished = render_house(article)
    again = parse_article(finished)
    assert again.lead == lead
    assert again.text == draft
    assert render_house(again) == finished
