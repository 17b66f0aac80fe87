"""Parsing the house format and drafts: round trips, the seeds' quirks, plain text, Markdown."""
import pytest

from conftest import HOUSE_ARTICLE, MARKDOWN_DRAFT, PLAIN_DRAFT, house_draft
from summarize.corpus.parse import DraftError, heading_like, parse_article, parse_draft
from summarize.corpus.render import outline_lines, render_house


def outline_of(article):
    return [(e.heading, e.level) for e in article.headings_outline()]


def test_house_article_round_trip_is_byte_exact():
    article = parse_article(HOUSE_ARTICLE)
    assert article.lead == HOUSE_ARTICLE.split("\n")[0]
    # Re-render with the outline rebuilt from the parsed headings, not the file's outline lines.
    article.outline = article.headings_outline()
    assert render_house(article) == HOUSE_ARTICLE


def test_draft_plus_lead_and_outline_gives_the_article_back():
    draft = house_draft()
    article = parse_draft(draft)
    assert article.text == draft
    article.lead = HOUSE_ARTICLE.split("\n")[0]
    article.outline = article.headings_outline()
    assert render_house(article) == HOUSE_ARTICLE


def test_quirks_repeated_heading_subheading_with_period_curly_quotes():
    article = parse_draft(house_draft())
    assert outline_of(article) == [
        ("What Chamomile Is and Why People Drink It", 1),
        ("How It May Affect Sleep", 1),
        ("Evidence from small trials.", 2),
    ]
    first = article.sections[0]
    assert first.repeated and len(first.paragraphs) == 2
    assert outline_lines(article.headings_outline())[2] == "- – Evidence from small trials."
    assert "chamomile’s “calming” brew" in article.text and "compund" in article.text  # kept verbatim


def test_intro_and_closing():
    article = parse_draft(house_draft())
    assert [p.text for p in article.intro] == [HOUSE_ARTICLE.split("\n")[1]]
    assert article.closing.text.startswith("Chamomile is a gentle option")
    # The closing is not part of the last sub-section any more.
    assert all("gentle option" not in p.text for s in article.walk() for p in s.paragraphs)


def test_offsets_point_into_the_verbatim_text():
    article = parse_draft(house_draft())
    for p in article.paragraphs():
        assert article.text[p.start : p.end] == p.text


def test_plain_text_with_hard_wraps_has_no_headings_and_gets_sections():
    article = parse_draft(PLAIN_DRAFT)
    assert article.format == "plain" and article.blank_line_paragraphs
    assert not article.has_headings()
    assert article.intro[0].text.startswith("Magnesium is a mineral")
    assert article.sections and all(s.heading is None for s in article.sections)
    # Hard-wrapped lines are joined into one paragraph, not mistaken for headings.
    assert "including those that control muscles" in article.sections[0].paragraphs[0].text
    assert article.closing.text.startswith("Overall")


def test_markdown_headings_levels_and_title():
    article = parse_draft(MARKDOWN_DRAFT)
    assert article.format == "markdown"
    assert article.title.text == "# Valerian Root for Sleep"
    assert outline_of(article) == [("What the studies say", 1), ("Dosage", 2), ("Safety", 1)]


def test_plain_text_heading_above_paragraph_without_blank_line():
    text = "Intro line one is here.\n\nWhy Sleep Matters\nSleep restores the body and the mind every night.\n\nThe end of it all is near."
    article = parse_draft(text)
    assert outline_of(article) == [("Why Sleep Matters", 1)]


@pytest.mark.parametrize("line,expected", [
    ("Understanding Kratom and Its Natural Properties", True),
    ("Is It Safe?", True),
    ("This is a sentence that ends with a period.", False),
    ("consider the following practical tips:", False),
    ("- a list item", False),
    ("lowercase start without punctuation", False),
    (" ".join(["Word"] * 25), False),
])
def test_heading_like(line, expected):
    assert heading_like(line) is expected


def test_a_file_whose_outline_does_not_match_is_a_draft():
    text = "First paragraph of a note.\n- a bullet\n- another bullet\nAnd a final paragraph."
    article = parse_article(text)
    assert article.lead is None and article.text == text


@pytest.mark.parametrize("text", ["", "   \n\n  ", "### \n\n---\n"])
def test_unusable_drafts_raise(text):
    with pytest.raises(DraftError):
        parse_draft(text)


def test_crlf_round_trip():
    draft = house_draft().replace("\n", "\r\n")
    article = parse_draft(draft)
    article.lead = "Lead."
    article.outline = article.headings_outline()
    out = render_house(article)
    assert out.startswith("Lead.\r\n") and out.endswith(draft[article.outline_at:])
    assert "\r\n- How It May Affect Sleep\r\n" in out
