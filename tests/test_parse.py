"""Parsing the house format and drafts: round trips, the seeds' quirks, plain text, Markdown."""
import pytest

from conftest import HOUSE_ARTICLE, MARKDOWN_DRAFT, PLAIN_DRAFT, house_draft
from summarize.corpus.parse import DraftError, heading_like, parse_article, parse_draft
from summarize.corpus.article import OutlineEntry
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


def test_a_heading_printed_twice_between_blank_lines_is_one_repeated_heading():
    draft = ("Guarana turns up in energy drinks and pre-workout powders, usually with a promise of clean energy.\n\n"
             "What guarana is\nWhat guarana is\n\n"
             "The guarana plant grows wild in Brazil, where its seeds have long been roasted and ground.\n\n"
             "Side effects\n\nHigh doses can cause a racing heart and trouble sleeping.\n\n"
             "Guarana is mostly a package for caffeine.\n")
    article = parse_draft(draft)
    assert outline_of(article) == [("What guarana is", 1), ("Side effects", 1)]
    assert article.sections[0].repeated
    assert [p.text for p in article.intro] == [draft.split("\n")[0]]
    assert article.text == draft


def test_a_release_headline_and_dek_under_its_markers_are_its_title_and_dek():
    draft = ("NEWS RELEASE\nFOR IMMEDIATE RELEASE\n"
             "Daily beetroot juice modestly lowered blood pressure in older adults, trial finds\n"
             "Nitrate-rich juice cut systolic pressure by about 5 points over 12 weeks\n\n"
             "COLUMBUS, Ohio — April 14, 2026 — A daily shot of beetroot juice lowered blood pressure modestly in "
             "adults aged 65 and over, according to a randomized trial.\n\n"
             "The 12-week study enrolled 148 adults with raised blood pressure who were not taking medicines.\n\n"
             "After 12 weeks, systolic blood pressure fell by 6.1 mm Hg with juice and 1.3 mm Hg with placebo.\n")
    article = parse_article(draft)
    assert article.title.text == "Daily beetroot juice modestly lowered blood pressure in older adults, trial finds"
    aside = {p.text: p.boilerplate for p in article.set_aside()}
    assert aside.get("FOR IMMEDIATE RELEASE") == "widget"
    assert aside.get("Nitrate-rich juice cut systolic pressure by about 5 points over 12 weeks") == "dek"
    assert not article.headings_outline()


def test_a_label_and_its_menu_under_share_buttons_are_no_headline_nor_heading():
    draft = ("PracticeWire\nFor Clinicians | News | Specialties | CME/CE | Meetings | Log in | Register\n"
             "Meeting Coverage > ASAM\nClonidine Misuse Reports to Poison Centers Nearly Doubled in 5 Years\n"
             "— Off-label use for opioid withdrawal may be feeding diversion, researchers say\n"
             "by Rachel Ng, Staff Writer, PracticeWire\nApril 13, 2026\nAdd to Reading List\nPrint\nShare\n"
             "Earn CME/CE in your profession:\n"
             "Continuing Medical Education | Continuing Pharmacy Education | Continuing Nursing Education\n\n"
             "Reports of intentional clonidine misuse to poison centers nearly doubled from 2019 to 2024.\n\n"
             "The increase coincided with wider off-label use of the drug for opioid withdrawal.\n")
    assert not parse_article(draft).headings_outline()


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


def test_terminal_escapes_are_blanked_for_readers_and_kept_in_the_body():
    # a pasted terminal title sequence and colour codes: no reader of the draft sees them
    draft = ("\x1b]0;pwned\x07Kratom is a plant from Southeast Asia that is sold as a supplement in many shops.\n\n"
             "\x1b[1;31mRegular users\x1b[0m can become dependent on it, and research on its safety is limited.\n")
    article = parse_draft(draft)
    assert article.text == draft
    paragraphs = article.content_paragraphs()
    assert all(not any(c in p.text for c in "\x1b\x07") for p in paragraphs)
    assert paragraphs[0].text.startswith("Kratom is a plant")
    assert "Regular users can become" in " ".join(paragraphs[1].text.split())
    # offsets still point into the draft as written
    assert article.readable[paragraphs[1].start:paragraphs[1].end].split() == paragraphs[1].text.split()
    assert render_house(article).endswith(draft[article.outline_at:])


def test_quote_markers_are_no_part_of_the_sentences():
    draft = ("# Kratom\n\nKratom is a plant sold as a supplement in shops and online.\n\n"
             "> > Regular users can become dependent on it.\n> Research on it is limited.\n\n"
             "> 50% of users in one survey said they took it daily.\n")
    article = parse_draft(draft)
    texts = [p.text for p in article.content_paragraphs()]
    assert "Regular users can become dependent on it. Research on it is limited." in texts
    assert any(t.startswith("> 50%") for t in texts)  # "more than", not a marker
    assert render_house(article).endswith(draft[article.outline_at:])


def test_inline_html_and_entities_are_no_part_of_the_sentences():
    draft = ("# Kratom\n\nKratom is a plant from <em>Southeast Asia</em> sold as a supplement<sup>1</sup> online."
             "<br>\n\n<!-- editor: check -->\n\nIt is legal in most US states &amp; banned in some.\n")
    article = parse_draft(draft)
    texts = [" ".join(p.text.split()) for p in article.content_paragraphs()]
    assert texts == ["Kratom is a plant from Southeast Asia sold as a supplement online.",
                     "It is legal in most US states & banned in some."]
    assert render_house(article).endswith(draft[article.outline_at:])


def test_a_script_and_a_comment_are_blanked_with_what_they_hold():
    draft = ("Kava <script>alert('x')</script> is a drink made from a root.<!-- note\nto self -->\n\n"
             "It can interact with alcohol <style>p {}</style>and sedatives. <!-- never closed\n")
    texts = [" ".join(p.text.split()) for p in parse_draft(draft).content_paragraphs()]
    assert texts == ["Kava is a drink made from a root.", "It can interact with alcohol and sedatives. <!-- never closed"]


def test_a_line_of_blanked_markup_is_read_once():
    # 20,000 unclosed "<script>" tags leave a line of 160,000 spaces in the reading view; the table
    # test had shared them out between two "\s*" in every way (minutes), now it reads them once
    draft = "# Kratom\n\n" + "<script>" * 20_000 + " Kratom is a plant sold online.\n\nIt can cause dependence.\n"
    texts = [p.text.strip() for p in parse_draft(draft).content_paragraphs()]
    assert texts == ["Kratom is a plant sold online.", "It can cause dependence."]


def test_a_draft_of_only_escapes_is_refused_with_the_reason():
    with pytest.raises(DraftError, match="only markup, control characters or terminal escapes"):
        parse_draft("\x1b[2J\x1b[H\x07\n\x1b]0;title\x07\n")


def test_crlf_round_trip():
    draft = house_draft().replace("\n", "\r\n")
    article = parse_draft(draft)
    article.lead = "Lead."
    article.outline = article.headings_outline()
    out = render_house(article)
    assert out.startswith("Lead.\r\n") and out.endswith(draft[article.outline_at:])
    assert "\r\n- How It May Affect Sleep\r\n" in out


# --- issue 11, items 10-13 -------------------------------------------------------------------

@pytest.mark.parametrize("text,reason", [
    ("Introduction\nBenefits\nRisks\nFinal Thoughts", "only headings"),
    ("# Guide\n\n## Benefits\n\n## Final Thoughts\n", "only headings"),
    ("- one thing to know\n- another thing\n- a third thing", "only list items"),
    ("- Take it at night.\n\n- Do not mix it with alcohol.\n", "only list items"),
    ("```\n# a comment\nprint('hi')\n```\n", "only code"),
    ("Advertisement\n\nShare this article\n", r"web-page furniture \(advertisement, widget\)$"),
    ("Кава — напиток с островов Тихого океана. Он может вызывать зависимость.\n", "no text in the Latin alphabet"),
    ("الكافا مشروب. قد يسبب الإدمان.\n", "no text in the Latin alphabet"),
    ("*** --- 123 ---\n\n!!! ???\n", r"only headings or symbols"),
    ("data:image/png;base64," + "QUJD" * 400 + "\n", r"only runs of over 1,000 characters without a space"),
])
def test_drafts_without_prose_are_refused_with_the_reason(text, reason):
    with pytest.raises(DraftError, match=reason):
        parse_article(text)


@pytest.mark.parametrize("text", ["Ashwagandha helps you sleep\n",
                                  "Kava drink\nKava may harm the liver in people who drink it daily\n"])
def test_a_sentence_without_its_full_stop_is_prose_not_a_heading(text):
    article = parse_article(text)
    assert [p.text for p in article.content_paragraphs()][-1] == text.strip().split("\n")[-1]


def _finish(draft, lead="A lead sentence."):
    article = parse_draft(draft)
    article.lead = lead
    article.outline = [OutlineEntry(s.heading or f"Generated Heading {i}", s.level, s.generated or s.heading is None)
                       for i, s in enumerate(article.walk(), 1)]
    return render_house(article)


@pytest.mark.parametrize("draft", [house_draft(), PLAIN_DRAFT, MARKDOWN_DRAFT,
                                   PLAIN_DRAFT.replace("\n", "\r\n"), house_draft().replace("\n", "\r")])
def test_rerunning_on_a_finished_article_is_idempotent(draft):
    once = _finish(draft)
    article = parse_article(once)
    assert article.lead == "A lead sentence." and article.text == draft
    assert render_house(article) == once  # no blank line added after the lead or the outline
    article.lead = "A lead sentence."
    assert render_house(article) == once


def test_a_finished_article_without_headings_is_recognised():
    once = _finish(PLAIN_DRAFT)
    assert "\n- Generated Heading 1\n" in once
    article = parse_article(once)
    assert article.lead == "A lead sentence." and not article.has_headings()
    assert [e.heading for e in article.outline] == ["Generated Heading 1"]
    assert render_house(article) == once  # no second lead and outline stacked on it


def test_hand_edited_finished_article_with_extra_blank_lines_is_still_finished():
    text = HOUSE_ARTICLE.replace("\n- What", "\n\n- What", 1).replace("Evidence from small trials.\nWhat", "Evidence from small trials.\n\nWhat", 1)
    article = parse_article(text)
    assert article.lead == HOUSE_ARTICLE.split("\n")[0]
    assert [e.heading for e in article.outline][0] == "What Chamomile Is and Why People Drink It"


def test_a_list_in_the_intro_is_not_taken_for_the_outline():
    draft = ("Sleep matters for everyone, young and old.\n- rest well\n- eat well\n"
             "Why Sleep Matters\nSleep restores the body and the mind every night, studies show.\n"
             "How to Sleep Better\nKeep a regular schedule and a dark, quiet bedroom every night.")
    once = _finish(draft)
    article = parse_article(once)
    assert article.text == draft and render_house(article) == once


def test_nothing_inside_a_code_fence_is_a_heading():
    draft = ("Intro paragraph about sleep and rest.\n\n```\n# comment\nprint(1)\n\nmore\n```\n\n"
             "## Real Heading\n\nText of the section here, with a sentence.\n")
    article = parse_draft(draft)
    assert outline_of(article) == [("Real Heading", 1)]
    assert [p.boilerplate for p in article.set_aside()] == ["code"]
    # A fence-only "# comment" does not make a plain draft Markdown.
    plain = "Intro about sleep and rest at night.\n\n```\n# comment\n```\n\nMore text about naps.\n\nThe end of it all."
    assert parse_draft(plain).format == "plain"


def test_an_unclosed_fence_never_gets_the_outline_inside_it():
    draft = ("Intro paragraph about sleep and rest.\n\nSecond paragraph about naps in the day.\n\n"
             "Third one about caffeine and coffee.\n\n```python\n# comment\nx = 1\n\ny = 2\n")
    article = parse_draft(draft)
    fence = draft.index("```")
    assert article.outline_at <= fence
    assert all(s.heading is None for s in article.walk())
    out = _finish(draft)
    assert out.endswith(draft[fence:])  # the fence and all it holds, untouched


@pytest.mark.parametrize("block,reason", [
    ("- first point here\n- second point here", "list"),
    ("1. First step.\n2. Second step.", "list"),
    ("| Dose | Effect |\n|------|--------|\n| 200 mg | mild |", "table"),
    ('<div class="note">Take with food.</div>', "html"),
])
def test_lists_tables_and_html_are_not_lead_material(block, reason):
    draft = f"Magnesium helps some people relax at night.\n\n{block}\n\nTalk to a doctor before taking it with other medicines."
    article = parse_draft(draft)
    assert [p.boilerplate for p in article.set_aside()] == [reason]
    assert all(block.splitlines()[0] not in p.text for p in article.content_paragraphs())


def test_a_list_under_its_lead_in_line_is_split_off():
    draft = "Some tips help most people:\n- keep a schedule\n- avoid caffeine\n\nSleep is a habit you can train over time."
    article = parse_draft(draft)
    assert [p.text for p in article.set_aside()] == ["- keep a schedule - avoid caffeine"]
    assert article.intro[0].text == "Some tips help most people:"


@pytest.mark.parametrize("draft,newline", [
    (PLAIN_DRAFT.replace("\n", "\r"), "\r"),
    (house_draft().replace("\n", "\r"), "\r"),
    # mixed: mostly CRLF with a stray LF and a stray CR
    (house_draft().replace("\n", "\r\n").replace("\r\nHow It", "\nHow It").replace("\r\nThe tea", "\rThe tea"), "\r\n"),
])
def test_lone_cr_and_mixed_line_endings_use_the_drafts_own_newline(draft, newline):
    article = parse_draft(draft)
    assert article.newline == newline
    article.lead = "Lead."
    article.outline = [OutlineEntry(s.heading or "Generated", s.level, True) for s in article.walk()]
    out = render_house(article)
    body = draft[article.outline_at:]
    assert out.endswith(body)  # the body byte for byte
    added = out[: len(out) - len(body)].replace(draft[: article.outline_at], "")
    others = {"\n": ("\r",), "\r": ("\n",), "\r\n": ()}[newline]
    assert added.count(newline) >= 2 and not any(o in added.replace(newline, "") for o in others)
    assert "\r" not in added.replace(newline, "") and "\n" not in added.replace(newline, "")


def test_depth_scores_match_the_walk_from_each_gap():
    # TextTiling depth, computed the slow obvious way (walk to the peak on each side).
    import numpy as np

    from summarize.corpus.parse import _depth_scores

    def walked(sim):
        out = []
        for i, v in enumerate(sim):
            a = i
            while a > 0 and sim[a - 1] >= sim[a]:
                a -= 1
            b = i
            while b + 1 < len(sim) and sim[b + 1] >= sim[b]:
                b += 1
            out.append((sim[a] - v) + (sim[b] - v))
        return np.array(out)

    rng = np.random.default_rng(7)
    for _ in range(200):
        sim = rng.integers(0, 4, rng.integers(1, 40)) / 3  # plateaus and ties
        assert np.allclose(_depth_scores(sim), walked(sim))


def test_a_run_of_short_lines_is_a_list_not_empty_sections():
    draft = ("Zinc deficiency is rare in adults who eat a varied diet, doctors say.\n\n"
             "The signs listed by the clinic include:\n\n"
             "Hair loss\n\nSlow wound healing\n\nLoss of taste\n\nFrequent infections\n\n"
             "Most people get enough zinc from meat, beans and whole grains.\n")
    article = parse_article(draft)
    assert [s.heading for s in article.walk() if s.heading] == []
    assert [p.boilerplate for p in article.set_aside()] == ["list"] * 4
    assert "Hair loss" not in [e.heading for e in article.headings_outline()]


def test_sentences_glued_by_a_lost_space_are_split():
    from summarize.corpus.text import split_sentences

    text = "We are uncertain about stone disease in children.Common reasons were bias. See e.g.The list."
    assert [s.text for s in split_sentences(text)] == [
        "We are uncertain about stone disease in children.", "Common reasons were bias.", "See e.g.The list."]
    assert all(text[s.start:s.end] == s.text for s in split_sentences(text))
    # the evaluation labels' sentence indices were made with pysbd alone
    assert len(split_sentences(text, unglue=False)) == 2


def test_sentences_pysbd_keeps_together_across_a_space_are_split():
    from summarize.corpus.text import split_sentences

    text = ('Few trials were run in the U.S. Most came from Europe. The U.S. Food and Drug Administration warned. '
            'It is sold as "special K." "Some patients want more," she said.')
    assert [s.text for s in split_sentences(text)] == [
        "Few trials were run in the U.S.", "Most came from Europe.", "The U.S. Food and Drug Administration warned.",
        'It is sold as "special K."', '"Some patients want more," she said.']
    assert all(text[s.start:s.end] == s.text for s in split_sentences(text))


def test_any_function_word_after_the_us_opens_a_sentence():
    # a caveat added after "… only by prescription in the U.S." must stay its own sentence, or a
    # second run of the filter reads the two as one and adds another
    from summarize.corpus.text import split_sentences

    text = "It is sold only by prescription in the U.S. Until a large trial is done, avoid it. It went to Washington, D.C. Experts agreed."
    assert [s.text for s in split_sentences(text)] == [
        "It is sold only by prescription in the U.S.", "Until a large trial is done, avoid it.",
        "It went to Washington, D.C.", "Experts agreed."]


def test_a_speakers_tag_after_a_quoted_question_stays_with_the_quote():
    from summarize.corpus.text import split_sentences

    text = "\"Kids tell me, 'It's just air, right?'\" Berg-Lindqvist said. \"It is not air.\" Is it safe? Experts said no."
    assert [s.text for s in split_sentences(text)] == [
        "\"Kids tell me, 'It's just air, right?'\" Berg-Lindqvist said.", "\"It is not air.\"", "Is it safe?",
        "Experts said no."]


def test_markdown_emphasis_closed_after_a_stop_stays_with_its_sentence():
    from summarize.corpus.text import split_sentences

    text = "**The short answer: not much yet.** There are no trials of it. **Bold** words stay put."
    assert [s.text for s in split_sentences(text)] == [
        "**The short answer: not much yet.**", "There are no trials of it.", "**Bold** words stay put."]


@pytest.mark.parametrize("text", [
    "'But we need trials that compare zolpidem with other treatments before we can say how big the risk is.'",
    "‘So the honest verdict is that weighted blankets may help, but there is not enough evidence.’",
])
def test_a_closing_quote_after_the_period_stays_with_its_sentence(text):
    from summarize.corpus.text import split_sentences

    # pysbd cuts the closing quote off as a sentence of its own
    assert [s.text for s in split_sentences(text)] == [text]
    assert len(split_sentences(text, unglue=False)) == 2  # (the labels' splitter is unchanged)
    # and in a draft, where the quote closes a line
    from summarize.caveats import CaveatFilter

    draft = f"Zolpidem is a sleeping pill.\n\nDr Kim said trials are few.\n\n{text}\n\nShe urged care."
    sents = [a.text for a in CaveatFilter().analyze_source(parse_article(draft), frozenset({"zolpidem"}))]
    assert text in sents and not any(len(t) < 3 for t in sents)


STRUCTURED_ABSTRACT = (
    "Effect of evening walks on sleep in older adults: a randomized trial\n"
    "Ann B. Rivers, Tom Lake, Eve Stone\n"
    "Sleep Med J. 2024;12(3):101-109. doi:10.1000/smj.2024.0101\n"
    "BACKGROUND: Poor sleep is common in later life. Whether light evening exercise helps is unclear.\n"
    "METHODS: We randomly assigned 300 adults aged 65 or older to a 20-minute evening walk or usual activity "
    "for 12 weeks.\n"
    "RESULTS: Walkers fell asleep 9 minutes sooner on average. Sleep duration did not differ.\n"
    "CONCLUSIONS: A short evening walk helped older adults fall asleep a little sooner. Larger trials are "
    "needed to confirm the benefit.\n"
)


def test_a_structured_abstract_s_run_in_labels_are_its_headings():
    a = parse_article(STRUCTURED_ABSTRACT)
    assert a.title.text.startswith("Effect of evening walks")
    assert [s.heading for s in a.sections] == ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"]
    assert a.sections[0].paragraphs[0].text.startswith("Poor sleep is common")
    assert [p.boilerplate for p in a.intro] == ["byline", "citation"]
    # offsets still point into the untouched draft
    p = a.sections[3].paragraphs[0]
    assert a.text[p.start:p.end] == p.text
    assert a.text[a.outline_at:].startswith("BACKGROUND: Poor sleep")


def test_one_label_is_not_a_structured_abstract():
    a = parse_article("Valerian and sleep\nNote: valerian is a herb that some people take for sleep.\n"
                      "Several small trials suggest it may help a little.\nTalk to a doctor first.\n")
    assert all(s.heading != "Note" for s in a.sections)


def test_a_pasted_pages_header_without_blank_lines_is_read_line_by_line():
    # The page's chrome, headline, byline and caption come one per line; the story's
    # paragraphs below are separated by blank lines.
    page = ("Skip to content\nHome\nNews\nHealth\n"
            "Creatine supplement gives older adults a modest memory boost, trial suggests\n"
            "4 hours ago\nShare\nEleanor Marsh\nHealth reporter\n"
            "A daily scoop of creatine led to a small improvement in memory in adults over 65, a trial has found.\n\n"
            "Researchers gave 212 people aged 65 to 85 either creatine or a placebo every day for six months.\n\n"
            "The team stresses that the effect was modest and that larger trials are needed.\n")
    article = parse_article(page)
    assert article.title is not None and article.title.text.startswith("Creatine supplement gives")
    aside = {page[p.start:p.end].strip() for p in article.set_aside()}
    assert {"Skip to content", "Share", "4 hours ago"} <= aside
    first = next(iter(article.content_paragraphs()))
    assert first.text.startswith("A daily scoop of creatine")


def test_a_hard_wrapped_paragraph_in_a_blank_line_draft_stays_one_paragraph():
    draft = ("Magnesium is a mineral the body needs for hundreds of reactions, from\n"
             "muscle contraction to the rhythm of the heart, and most adults get enough\n"
             "of it from food such as nuts, seeds, whole grains and leafy greens, though\n"
             "surveys suggest many fall short.\n\n"
             "Supplements are widely sold as sleep aids, but the evidence is thin.\n")
    article = parse_article(draft)
    paragraphs = list(article.content_paragraphs())
    assert len(paragraphs) == 2 and paragraphs[0].text.startswith("Magnesium is a mineral")


def test_a_hard_wrapped_line_full_of_names_is_not_a_heading():
    draft = "\n\n".join([
        "Pregabalin prescriptions in England rose for a third year, according to an\nanalysis published on Monday by a patient charity in London.",
        "Dr Alan Mercer, a GP in Sheffield and prescribing lead at the Primary\nCare Prescribers' Forum, said the drugs were sometimes prescribed for\nback pain.",
        "The Medicines and Healthcare products Regulatory Agency said the\nwarnings on both medicines would be reviewed later this year by experts.",
        "Understanding Pregabalin and Its Place in Pain Relief\nPregabalin was first approved for epilepsy and is now widely used for\nnerve pain and anxiety in adults.",
    ])
    a = parse_draft(draft)
    assert [s.heading for s in a.walk() if s.heading] == ["Understanding Pregabalin and Its Place in Pain Relief"]


# A page whose opening paragraphs tie several words for most frequent: which of them is "the
# subject" decided the title by the set's iteration order, so it changed with PYTHONHASHSEED.
TIED_SUBJECT_PAGE = (
    "FieldNotes\n"
    "Subscribe\n"
    "Health\n"
    "Space\n"
    "Health\n"
    "Herbal remedy curbs heavy drinking in rats\n"
    "Animals bred to love alcohol drank a third less after valerian, but the result is far from people\n"
    "By Theo March\n"
    "7 May 2025\n"
    "In the study, an herbal remedy reduced heavy drinking: rats given valerian drank less alcohol, and animals bred to love it drank a third less.\n"
    "In the study, valerian curbs alcohol intake in rats within days, a result the team says is still far from people.\n"
    "In the study, rats given valerian were calm, and their alcohol intake fell in the first week.\n"
    "In the study, valerian was given to rats bred for alcohol, and intake was measured for three weeks.\n"
    "In the study, rats given valerian drank about 34 per cent less alcohol than rats given a placebo.\n"
)


def test_the_page_headline_does_not_depend_on_the_hash_seed(tmp_path):
    import os
    import subprocess
    import sys

    page = tmp_path / "page.txt"
    page.write_text(TIED_SUBJECT_PAGE, encoding="utf-8")
    code = ("import sys; from summarize.corpus.parse import parse_article; "
            "print(parse_article(open(sys.argv[1], encoding='utf-8').read()).title.text)")
    titles = set()
    for seed in ("1", "6", "7", "9"):  # seeds that gave either title before
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", code, str(page)], env=env, capture_output=True, text=True, check=True)
        titles.add(out.stdout.strip())
    assert titles == {"Herbal remedy curbs heavy drinking in rats"}


def test_a_very_long_paragraph_is_split_in_pieces_at_sentence_ends():
    from summarize.corpus.text import PYSBD_MAX_CHARS, _split_pysbd_piece, split_sentences

    para = " ".join(f"Kratom is sold in shop number {i}. Dr. Lee said it was fine. Some users (about {i}%) disagree!"
                    for i in range(400))
    assert len(para) > PYSBD_MAX_CHARS
    pieces = split_sentences(para)
    assert [(s.text, s.start) for s in pieces] == [(s.text, s.start) for s in _split_pysbd_piece(para)]
    assert all(para[s.start:s.end] == s.text for s in pieces)
    # 50,000 lone full stops: split in pieces (pysbd alone took minutes)
    text = ". " * 50_000
    dots = split_sentences(text)
    assert len(dots) > 1000 and all(text[s.start:s.end] == s.text for s in dots)


def test_a_line_whose_sentence_runs_on_to_the_next_is_no_heading():
    # a blank-line draft with one sentence a line, one of them broken early
    text = ("Valerian for sleep\n\nValerian is a herb sold as a sleep aid in most pharmacies, usually as capsules.\n\n"
            "What the research shows\n\n"
            "Most of the evidence comes from small trials. One review looked at\n"
            "18 trials of valerian for sleep.\n"
            "Most were small and short.\n"
            "There are no good trials in older adults.\n"
            "Long-term effects are unknown,\n"
            "and it may interact with sedatives.\n\n"
            "Talk to a pharmacist before taking it.\n")
    a = parse_article(text)
    assert [s.heading for s in a.walk() if s.heading] == ["What the research shows"]
    paragraphs = [p.text for p in a.sections[0].paragraphs]
    assert any(p.startswith("Most of the evidence") and p.endswith("18 trials of valerian for sleep.") for p in paragraphs), paragraphs
    assert any(p.startswith("Long-term effects are unknown,") and "sedatives" in p for p in paragraphs), paragraphs
    # a heading over a paragraph that opens on a name in small letters ("rTMS", "mRNA") stays a heading
    review = ("Valerian for sleep\n\nBackground\nrTMS and valerian are both tried for sleep.\nMost trials were small.\n"
              "Few lasted a month.\n\nAuthors' conclusions\nrTMS may help some adults sleep.\nEvidence is weak.\n"
              "More trials are needed.\n")
    assert "Authors' conclusions" in [s.heading for s in parse_article(review).walk()]


def test_a_line_introducing_a_quoted_question_is_prose_not_a_heading():
    from summarize.corpus.parse import heading_like

    assert not heading_like('One viral video asks: "Is it even possible to be addicted to mint?"')
    assert heading_like("Can you get hooked?")
    assert heading_like("“I couldn’t stop”: one user’s story")
    # a question carrying the story on from the paragraph before is prose
    assert not heading_like("So why is it still being prescribed as a sleeping tablet?")
    assert not heading_like("But does it work?")


def test_a_name_cut_after_a_titles_abbreviated_given_name_is_rejoined():
    from summarize.corpus.text import split_sentences

    text = "It cannot show cause, said lead author Dr Ma. Cristina Aquino. The riders agreed."
    assert [s.text for s in split_sentences(text)] == [
        "It cannot show cause, said lead author Dr Ma. Cristina Aquino.", "The riders agreed."]
    # a surname that ends the sentence stays where it ends
    assert len(split_sentences("The study was led by Dr Ma. The team found more.")) == 2
