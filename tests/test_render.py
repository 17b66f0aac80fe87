"""Renderers: house (byte-exact body), Markdown, JSON."""
import json

from conftest import MARKDOWN_DRAFT, PLAIN_DRAFT, house_draft
from summarize.corpus.article import OutlineEntry
from summarize.corpus.parse import parse_draft
from summarize.corpus.render import article_dict, render_house, render_json, render_markdown


def test_house_layout_lead_intro_outline_body():
    draft = house_draft()
    article = parse_draft(draft)
    article.lead = "A lead."
    article.outline = article.headings_outline()
    lines = render_house(article).split("\n")
    assert lines[0] == "A lead."
    assert lines[1] == draft.split("\n")[0]
    assert lines[2:5] == ["- What Chamomile Is and Why People Drink It", "- How It May Affect Sleep", "- – Evidence from small trials."]
    assert "\n".join(lines[5:]) == draft[article.outline_at:]


def test_plain_draft_keeps_body_and_puts_outline_after_intro():
    article = parse_draft(PLAIN_DRAFT)
    article.lead = "Lead."
    article.outline = [OutlineEntry("Forms of Magnesium", 1, generated=True)]
    out = render_house(article)
    assert out.startswith("Lead.\n\nMagnesium is a mineral that many people take at night to help them relax.\n\n- Forms of Magnesium\n\n")
    assert out.endswith(PLAIN_DRAFT[article.outline_at:])
    assert PLAIN_DRAFT[article.outline_at:].startswith("It plays a part")


def test_markdown_render_of_markdown_and_house_drafts():
    md = parse_draft(MARKDOWN_DRAFT)
    md.lead, md.outline = "Lead.", md.headings_outline()
    out = render_markdown(md)
    assert out.startswith("# Valerian Root for Sleep\n\nLead.\n\n- What the studies say\n  - Dosage\n- Safety\n\n")
    assert "## Safety\n\nValerian may cause headaches" in out
    house = parse_draft(house_draft())
    house.lead, house.outline = "Lead.", house.headings_outline()
    out = render_markdown(house)
    assert "## How It May Affect Sleep" in out and "### Evidence from small trials." in out
    assert out.count("## What Chamomile Is and Why People Drink It") == 1  # printed-twice heading once


def test_json_render_round_trips():
    article = parse_draft(house_draft())
    payload = {"lead": "x", "article": article_dict(article)}
    back = json.loads(render_json(payload))
    assert back["article"]["sections"][1]["subsections"][0]["heading"] == "Evidence from small trials."
    assert back["article"]["closing"].startswith("Chamomile is a gentle option")


def test_json_lists_what_was_set_aside():
    draft = ("By Jane Doe, Example News\n\nMagnesium helps some people relax at night.\n\nAdvertisement\n\n"
             "Low levels have been linked to poor sleep.\n\nTalk to a doctor first.\n\nCopyright 2024 Example News")
    article = parse_draft(draft)
    assert article_dict(article)["set_aside"] == [
        {"text": "By Jane Doe, Example News", "reason": "byline"},
        {"text": "Advertisement", "reason": "advertisement"},
        {"text": "Copyright 2024 Example News", "reason": "copyright"},
    ]
    assert article_dict(parse_draft(PLAIN_DRAFT))["set_aside"] == []
    # The Markdown render keeps every paragraph, set aside or not, in the draft's order.
    out = render_markdown(article)
    assert out.index("Advertisement") < out.index("Low levels") < out.index("Copyright 2024")
