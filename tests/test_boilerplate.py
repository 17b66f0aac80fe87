"""Web-page furniture: recognised by general rules, kept in the body, set aside from every reader."""
import pytest

from conftest import HOUSE_ARTICLE, MARKDOWN_DRAFT, PLAIN_DRAFT, house_draft
from summarize.corpus.boilerplate import dateline_prefix, furniture_reason, is_list_label
from summarize.corpus.parse import parse_article, parse_draft
from summarize.corpus.render import article_dict, render_house, render_markdown
from summarize.extract import candidate_sentences

# A health news story as pasted from a web page (written for these tests).
NEWS_PARAGRAPHS = [
    'Teens who use screens late at night sleep less and feel worse, study finds',
    'By Jane Doe, CNN',
    'Updated 3:14 PM ET, Tue March 5, 2019',
    '(CNN) — Teenagers who spend the hour before bed on phones or tablets fall asleep later and sleep about 40 minutes less on school nights than peers who switch off, according to a large study published Monday in the journal Pediatrics.',
    'A teenager uses a smartphone in bed in Chicago. (Getty Images)',
    'The researchers followed more than 3,000 students aged 13 to 17 for two school years. Those with the most evening screen time were also more likely to report daytime tiredness, low mood and trouble concentrating in class.',
    'Advertisement',
    'Short sleep in adolescence has been linked to poorer grades, more car accidents among young drivers and a higher risk of depression, the authors wrote. Most teenagers need eight to ten hours of sleep a night, yet surveys suggest that fewer than a third get it.',
    'The effect was largest on school nights. On weekends, when students could sleep in, the gap between heavy and light evening users shrank to about 15 minutes, but it did not disappear, the authors reported.',
    'Girls reported more evening messaging than boys, while boys reported more gaming. Both kinds of interactive use were tied to later sleep, and the differences between girls and boys were small once total screen time was counted.',
    'The association held after the team accounted for caffeine, homework load, sports and family income, which suggests that screens themselves, and not only busy schedules, are part of the problem.',
    'Students wore wrist trackers that recorded movement and light exposure for a week at the start of each term. They also kept sleep diaries and filled in questionnaires about how they used their devices after dinner.',
    'The trackers allowed the team to compare the time students said they fell asleep with the time their movement actually stopped. On average, heavy evening users underestimated how long it took them to drop off by about 20 minutes.',
    "Each student's school also reported start times, so the researchers could check whether early classes explained the results. Students at schools starting before 8 a.m. slept least overall, but screen use predicted shorter sleep at every start time.",
    'The team used mixed statistical models that compare each student with themselves over time, which reduces the influence of fixed traits such as personality or family background on the results.',
    'The questionnaires separated passive viewing, such as streaming videos, from interactive use like gaming and messaging. Interactive use in the last hour before bed was the strongest predictor of late sleep onset in the statistical models.',
    'Enlarge this image',
    'Because the study was observational, it cannot prove that screens cause poor sleep. Teenagers who already sleep badly may reach for their phones when they cannot drop off, the authors cautioned, and the trackers only measured a single week each term.',
    'Related: Why teenagers are wired to stay up late',
    "Dr. Maria Lopez, a sleep specialist at a children's hospital in Boston who was not involved in the research, said the findings match what she sees in her clinic. Bright light from screens delays the release of melatonin, the hormone that signals the body that it is time to sleep.",
    'Lopez said messaging apps are designed to keep people engaged, with alerts that pull teenagers back in just as they are winding down. A group chat at midnight is far more stimulating than a book, she said.',
    'Lopez recommends that families treat the hour before bed as a wind-down period, with dim lights, reading or quiet music, and no devices in reach. Even a short break from messaging helps the brain prepare for sleep, she said.',
    'She added that teenagers often underestimate how tired they are, because chronic sleep loss dulls the feeling of sleepiness over time while still slowing reaction times and memory.',
    'Other experts urged caution about blaming devices alone. School start times, early sports practice and the natural shift in adolescent body clocks all push teenagers toward later nights, said Tom Baker, a psychologist who studies adolescent health.',
    'Baker noted that earlier studies have found only small effects of screen time on wellbeing, and that heavy users often differ from light users in many ways that surveys do not capture.',
    'Photo: A family charging station keeps phones out of bedrooms at night.',
    'For parents, the practical advice is simple, the researchers said. Set a family rule that phones and tablets are charged outside the bedroom, and switch them off at least an hour before the target bedtime.',
    'A consistent wake-up time, even on weekends, helps teenagers keep their body clock from drifting later. Morning daylight and physical activity during the day also make it easier to fall asleep at night.',
    'Night modes that shift screens toward warmer colors may help a little, but they do not solve the problem, the researchers said. The content that keeps teenagers awake, not only the light, is what delays sleep.',
    'Schools can help too. Some districts have moved start times later after earlier research showed that teenagers who start class after 8:30 a.m. sleep longer, attend more often and have fewer car crashes.',
    'Parents can model the habit themselves by putting their own phones away in the evening. Talking about why sleep matters works better than imposing rules without explanation, Lopez said.',
    'If a teenager still struggles to fall asleep after changing habits, or snores loudly and feels exhausted during the day, parents should talk to a pediatrician, who can check for sleep disorders such as insomnia or sleep apnea.',
    'Write to Jane Doe at jane.doe@example.com',
    'Follow Jane Doe on Twitter',
    'Copyright 2019 Cable News Network. All rights reserved.',
    'Share this article',
    'Sign up for our newsletter',
]
NEWS_STORY = "\n\n".join(NEWS_PARAGRAPHS) + "\n"
NEWS_FURNITURE = [
    ("byline", "By Jane Doe, CNN"),
    ("timestamp", "Updated 3:14 PM ET, Tue March 5, 2019"),
    ("dateline", "(CNN) —"),
    ("caption", "A teenager uses a smartphone in bed in Chicago. (Getty Images)"),
    ("advertisement", "Advertisement"),
    ("caption", "Enlarge this image"),
    ("related", "Related: Why teenagers are wired to stay up late"),
    ("caption", "Photo: A family charging station keeps phones out of bedrooms at night."),
    ("contact", "Write to Jane Doe at jane.doe@example.com"),
    ("contact", "Follow Jane Doe on Twitter"),
    ("copyright", "Copyright 2019 Cable News Network. All rights reserved."),
    ("widget", "Share this article"),
    ("widget", "Sign up for our newsletter"),
]

FURNITURE_LINES = [
    ("Do you have a story for us? Email health@dailyrocket.example", "contact"),
    ("Have a question for the pharmacist? Email ask@courier.example. Questions may be edited for length.", "contact"),
    ("Download the News 4 Lakeshore app for breaking news and weather alerts.", "contact"),
    ("Special to the Valley Courier", "byline"),
    ("This column is for general information only and is not a substitute for advice from your doctor.", "disclosure"),
    ("Marchetti L, O'Driscoll F, Tanaka H, Whitcombe R", "byline"),
    ("By Jane Doe, CNN", "byline"),
    ("By Jane Doe and John Roe", "byline"),
    ("Jane Doe | Reuters", "byline"),
    ("Jane Doe, Staff Writer", "byline"),
    ("Medically reviewed by Dr. Ann Lee, MD", "byline"),
    ("(Reporting by Jane Doe; Editing by Bill Roe)", "byline"),
    ("(CNN)", "dateline"),
    ("Photo: Jane Doe for the Times", "caption"),
    ("Karen Bellamy, 44, with her son Callum, 14, at their home in Doncaster. Callum was taken to A&E after collapsing",
     "caption"),
    ("Jade Morris, 29, pictured outside her salon in Leeds", "caption"),
    ("Image credit: Science Photo Library", "caption"),
    ("A nurse checks a patient's blood pressure. (AP Photo/Jane Doe)", "caption"),
    ("Runners at dawn in a city park. Jane Doe/Getty Images", "caption"),
    ("Enlarge this image", "caption"),
    ("toggle caption", "caption"),
    ("ADVERTISEMENT", "advertisement"),
    ("Story continues below advertisement", "advertisement"),
    ("Related: Five myths about melatonin", "related"),
    ("Read more: How much sleep do adults need?", "related"),
    ("More information", "related"),
    ("For more information, visit www.example.org.", "contact"),
    ("For more on sleep, visit the CDC website.", "contact"),
    ("Write to Jane Doe at jane.doe@example.com", "contact"),
    ("Follow Jane Doe on Twitter @janedoe", "contact"),
    ("Follow The Daily Beacon on WhatsApp for the latest health news.", "contact"),
    ("Follow the Beacon on Signal for updates on this story.", "contact"),
    ("Copyright 2019 Example Media. All rights reserved.", "copyright"),
    ("© 2020 Example News Network", "copyright"),
    ("Share this article", "widget"),
    ("Share Tweet Email", "widget"),
    ("Facebook / Meta", "widget"),
    ("Twitter / X icon", "widget"),
    ("Add to Email Alerts", "widget"),
    ("Previous", "widget"),
    ("Next", "widget"),
    ("Yes", "widget"),
    ("Was this helpful?", "widget"),
    ("Reuse this content", "widget"),
    ("Medically Reviewed By", "widget"),
    ("Copy Edited By", "widget"),
    ("Subscribe | Log in | e-Edition", "widget"),
    ("The Sentinel Health newsletter", "widget"),
    ("Essential health news and analysis, delivered every Wednesday", "widget"),
    ("Release date: October 8, 2025", "timestamp"),
    ("Release date: to be confirmed", "widget"),
    ('About the study: "Effect of cold showers on anxiety: a randomized trial" was published March 2, 2026, in the '
     'Journal of Lifestyle Medicine. The research was funded by the university.', "disclosure"),
    ("Publication date: 12 March 2024", "timestamp"),
    ("ALAMY", "caption"),
    ("Sugar-free and low-carb products often contain erythritolMarek Sobczak/Alamy", "caption"),
    ("Comments", "widget"),
    ("12 Comments", "widget"),
    ("Sign up for our weekly health newsletter", "widget"),
    ("Updated 3:14 PM ET, Tue March 5, 2019", "timestamp"),
    ("Published March 5, 2019", "timestamp"),
    ("March 5, 2019 at 10:02 a.m. EST", "timestamp"),
    # the byline's role line, credits, newsletter boxes, page apparatus (session 10)
    ("AP Medical Writer", "byline"),
    ("Health correspondent", "byline"),
    ("Design by MNT; Photography by Getty Images", "caption"),
    ("Image source, Getty Images", "caption"),
    ("Credit...Jane Doe for The New York Times", "caption"),
    ("Newsletter sign-up: Get our weekly health newsletter", "widget"),
    ("Sign up here.", "widget"),
    ("Last medically reviewed on June 3, 2024", "timestamp"),
    ("Sources", "related"),
    ("In this Article", "related"),
    ("___", "separator"),
    ("* * *", "separator"),
    ("The Health Department receives support from the Example Foundation. The paper is solely responsible "
     "for all content.", "disclosure"),
    ("This article is republished from The Example under a Creative Commons license.", "disclosure"),
    ("JAMA Intern Med. 2023;183(4):345-353. doi:10.1001/example.2023.0001", "citation"),
    ("PMID: 36912345", "citation"),
    ("Author: Kayla Brookes", "byline"),
    ("Authors: Jane Doe and John Roe", "byline"),
    ("Keywords: sleep; melatonin; children", "citation"),
    ("Jane Q. Smith, Robert Chen, Maria Garcia", "byline"),
    ("Smith JQ, Chen R, Garcia M.", "byline"),
    ("Dr. Priya Menon, M.D.", "byline"),
    ("Comments 96", "widget"),
    ("Click to share on X (Opens in new window)", "widget"),
    ("0:00 / 1:04", "widget"),
    ("Privacy Notice", "widget"),
    ("Do Not Sell or Share My Personal Information", "widget"),
    ("Contact us | How to complain | Advertise with us | Terms", "navigation"),
    ("Health › Sleep", "navigation"),
    ("More: Is kratom legal in your state? Here is where it is banned", "related"),
    ("ADVERTISEMENT - CONTINUE READING BELOW", "advertisement"),
    ("Jane Doe//Getty Images", "caption"),
    ("Every product is carefully selected by our editors. We may earn commission from links on this page.",
     "disclosure"),
    ("1.2k", "widget"),
    ("Headshot of Jane Doe", "byline"),
    ("Time-restricted eating has gained popularity. (iStock)", "caption"),
    ("More from Well+Being", "related"),
    ("Get your daily dose of health news every weekday with our free newsletter Morning Notes.", "widget"),
    ("Our mission is to deliver unbiased, fact-based reporting.", "disclosure"),
    ("Published by Example Newspapers Ltd", "disclosure"),
    ("Visit the Example Clinic News Network for additional news.", "contact"),
    ("For personal advice, please consult with a medical professional.", "disclosure"),
    # a date and its update on one line, split by a slash; a video player's close button
    ("April 14, 2026, 6:02 AM EDT / Updated April 14, 2026, 9:40 AM EDT", "timestamp"),
    ("Close this video player", "widget"),
    # a PubMed page's label; a wire's sign-off; a photographer's name or credit glued to the caption
    ("Free article", "widget"),
    ("Follow National Wire's health coverage at nationalwire.example/health.", "contact"),
    ("Dried cannabis flower is now the most commonly prescribed form of medicinal cannabis in Australia.Louise Kapoor",
     "caption"),
    ("Callum Reid at home in Sunderland. He had his bladder removed at the age of 25.Photograph: Mark Ellery/The "
     "Northern Standard", "caption"),
]

# Health-writing lines that share words with furniture cues but are prose or headings.
PROSE_LINES = [
    "The study was led by researchers in Leeds.Jane Doe said the results were clear.",
    "Free articles on sleep are rare, the editors said.",
    "Special care is needed for older adults.",
    "Apps are not a substitute for professional care, experts say.",
    "Get the app that tracks your sleep, researchers say, and it may help.",
    "By reducing stress, kratom may help some people sleep better.",
    "By the Numbers",
    "More research is needed.",
    "For more severe symptoms, see a doctor right away.",
    "For more information, talk to your healthcare provider.",
    "Follow the dosage on the label.",
    "Follow the advice on the label for more than a week.",
    "Share your concerns with your doctor.",
    "Comments from patients suggest the tea is mild.",
    "Updated guidelines recommend less than 400 mg of caffeine a day.",
    "Related conditions include restless legs syndrome.",
    "Final Thoughts",
    "Side Effects and Risks",
    "Images of the brain showed changes in 12 patients.",
    "Dr. Jane Doe, a sleep researcher, says most adults need seven hours.",
    "Sleep Quality, Anxiety and Mood",
    "March is Sleep Awareness Month.",
    "Take 200 mg at 9 p.m. on most days.",
    "HIV — the virus that causes AIDS — weakens the immune system.",
    "Email your doctor if symptoms worsen.",
    "Magnesium: How Much Do You Need?",
    "Subscribe to a sleep app only if it helps you.",
    "Talk to your doctor (especially if you take other medicines).",
    "Sleep Quality, Mood Changes, Weight Gain",
    "Kratom, Kava and Valerian",
    "Our newsletter covers sleep research in depth and is read by many doctors across the country every week.",
    "What the Writer Learned",
    "Sources of Magnesium",
    "The study was published in 2023 in a journal for sleep doctors.",
    "Patients can opt out.",
    "Privacy policy changes worry patients.",
    "Do not sell kratom to minors, the law says.",
    "Listen to your body.",
    "Videos of the trial were shared.",
    "Published by the journal in 2023, the study was small.",
    "The trial has more on sleep than expected.",
    "Sources say the drug works.",
    "Advertising is everywhere in supplement aisles.",
    "The authors declare that valerian helped most patients.",
]

@pytest.mark.parametrize("line,reason", FURNITURE_LINES)
def test_furniture_lines_are_recognised(line, reason):
    assert furniture_reason(line) == reason


@pytest.mark.parametrize("line", PROSE_LINES)
def test_health_prose_and_headings_are_not_furniture(line):
    assert furniture_reason(line) is None


@pytest.mark.parametrize("line, reason", [
    # a sign-up box's and a reading list's buttons
    ("Register to sign up", "widget"),
    ("Remove", "widget"),
    ("SEE ALL", "widget"),
    # a date and a time with a bullet between
    ("12 March 2026 • 6:00am", "timestamp"),
    # a caption with its credit after a stop
    ("Researchers tracked prescriptions over 10 years. Photography by Jane Ortega-Quinn/Stocksy", "caption"),
    # a reference: its authors, Vancouver style, then its title
    ("Study: Brennan-Oyelaran K, Hsu D, Whitlock-Amari S, et al. Rowing as an adjunct to treatment: a pilot "
     "trial. Journal of Addiction and Exercise Science. 2026.", "citation"),
    ("Smith J, Chen R. Kava and sleep. J Sleep Res. 2020.", "citation"),
    # a gallery's button, and a caption with its photographer and outlet glued to its stop
    ("Open this photo in gallery:", "caption"),
    ("Ana Ruiz, 34, listens to ASMR videos before bed at her home in Winnipeg on March 2.Darcy Lemieux/The "
     "Prairie Herald", "caption"),
    # … an outlet's credit glued on with a slash, or with bars between photographer and outlet
    ("Mara Lee holds a photo of her son at her kitchen table in Port Orrin on Tuesday.WKXB 7 Photo/Jon Bell", "caption"),
    ("A vendor displays packets of betel at a market in Kisauni.Photo | Juma Kazungu | Harbour Post", "caption"),
    # a health site on why to trust it; an ordinary sentence about trust is prose
    ("Trust Wellfield: Our content is written by health journalists and reviewed by board-certified physicians.",
     "disclosure"),
    ("Trust your doctor: she knows which sleep aids are safe for you.", None),
    # the outlet before the photographer, a station's call letters, a wire's "FILE PHOTO:"
    ("A bag of snuff bought over the counter at a Southside shop last week.Ledger/Ian Roe", "caption"),
    ("Maria Vela, 52, at her home in Pueblo on Monday.KXRV", "caption"),
    ("FILE PHOTO: Nicotine pouches are displayed at a shop in Lyon, France, January 14, 2026. Wire/Ann Marr/File Photo",
     "caption"),
    ("The agency that approved it is the FDA.", None),
    ("The drug is sold online.Most users are young.", None),
    # a page's footer links and paywall note
    ("Report an editorial error", "widget"),
    ("Report a technical issue", "widget"),
    ("Editorial code of conduct", "widget"),
    ("Follow related authors and topics", "widget"),
    ("You're reading a free article. Subscribe for unlimited access to The Prairie Herald.", "widget"),
    ("Code of Practice", None),
    # a timestamp's label on its own line, a caption with a credit in capitals glued to its stop
    ("UPDATED", "widget"),
    ("Last updated", "widget"),
    ("Customers queue at a tea shop in Bugis on March 6.ST PHOTO: JANE TAN", "caption"),
    ("Customers queue at a tea shop. FILE PHOTO: REUTERS", "caption"),
    ("Updated guidance was published in May.", None),
    # a shopping box: its price and its button; a sources list's label with its count
    ("$34 at Amazon", "widget"),
    ("£12.99 from Boots", "widget"),
    ("Shop now", "widget"),
    ("A month's supply costs $34 at most pharmacies.", None),
    # a support box under the story
    ("If you are worried about debt, free and confidential advice is available from debt charities and Citizens "
     "Advice. If shopping is affecting your mood or mental health, speak to your GP.", "contact"),
    ("If you or someone you know is struggling with gambling, call the National Gambling Helpline on 0808 8020 133 "
     "for free, confidential support at any time of day or night.", "contact"),
    ("If you are worried about your drinking, talk to your GP.", None),
    # … but not prose that names people
    ("Follow the research before you buy.", None),
    ("The drug, studied by Smith and Chen, is popular.", None),
])
def test_more_page_furniture(line, reason):
    assert furniture_reason(line) == reason


def test_a_press_releases_date_after_its_place_is_part_of_the_dateline():
    text = "PORTLAND, Ore. — March 10, 2026 — Adults in treatment who rowed reported fewer cravings."
    assert text[dateline_prefix(text):].startswith("Adults in treatment")
    text = "March 10, 2026 — Adults in treatment who rowed reported fewer cravings."
    assert text[dateline_prefix(text):].startswith("Adults in treatment")
    assert dateline_prefix("March 10, 2026 was the day the trial ended.") == 0


def test_datelines_open_a_paragraph_only_when_they_are_datelines():
    assert dateline_prefix("LOUISVILLE, Ky. (AP) — As demand soars, people buy more.") == len("LOUISVILLE, Ky. (AP) — ")
    assert dateline_prefix("ATLANTA, Georgia (CNN) — A study found more.") == len("ATLANTA, Georgia (CNN) — ")
    assert dateline_prefix("LONDON (Reuters) - Eating more fiber helps.") == len("LONDON (Reuters) - ")
    assert dateline_prefix("WASHINGTON — The Senate voted.") == len("WASHINGTON — ")
    assert dateline_prefix("NEW YORK, March 5 (AP) — A study found.") == len("NEW YORK, March 5 (AP) — ")
    assert dateline_prefix("WICHITA, Kan. — A poison center says so.") == len("WICHITA, Kan. — ")
    assert dateline_prefix("EASTBROOK, Ohio — For many people, sleep scores matter.") == len("EASTBROOK, Ohio — ")
    assert dateline_prefix("Eastbrook, Ohio — For many people, sleep scores matter.") == len("Eastbrook, Ohio — ")
    assert dateline_prefix("Palo Alto, Calif. — A study found more.") == len("Palo Alto, Calif. — ")
    assert dateline_prefix("BALTIMORE, April 2, 2026 — A single dose helped.") == len("BALTIMORE, April 2, 2026 — ")
    # a day before its month, and a country after the city
    assert dateline_prefix("BRISTOL, England, 12 January 2026 — Students slept more.") == len(
        "BRISTOL, England, 12 January 2026 — ")
    assert dateline_prefix("LONDON, 12 January 2026 — Students slept more.") == len("LONDON, 12 January 2026 — ")
    assert dateline_prefix("Sleep, however — The study found more.") == 0
    assert dateline_prefix("HIV — the virus that causes AIDS — weakens it.") == 0
    assert dateline_prefix("FDA approval came in 2019.") == 0
    assert dateline_prefix("WEDNESDAY, Oct. 9, 2024 (HealthDay News) -- Young adults who") == len(
        "WEDNESDAY, Oct. 9, 2024 (HealthDay News) -- ")


def test_a_place_and_a_hyphen_before_the_first_sentence_is_a_dateline_on_a_news_page():
    story = "More than a third of older adults take a low-dose aspirin every day, a survey found."
    assert dateline_prefix("CAPE TOWN - " + story) == len("CAPE TOWN - ")
    assert dateline_prefix("Johannesburg - " + story, news=True) == len("Johannesburg - ")
    assert dateline_prefix("Johannesburg - " + story) == 0  # a house draft: "Ashwagandha - The herb …"
    assert dateline_prefix("Shots - Health News", news=True) == 0
    assert dateline_prefix("FILE - Aspirin tablets are shown at a pharmacy in Durban on Jan. 9, 2024.", news=True) == 0
    page = "\n\n".join(["Aspirin survey finds many older adults take it without advice", "By Thandi Mokoena",
                        "12 May 2026", "Johannesburg - " + story, "Guidelines changed in 2019, doctors said."])
    a = parse_article(page)
    assert [p.text for p in a.content_paragraphs()][0] == story
    assert any(p.text == "Johannesburg -" and p.boilerplate == "dateline" for p in a.set_aside())


def test_news_story_furniture_is_set_aside_and_kept_in_the_body():
    article = parse_article(NEWS_STORY)
    assert [(p.boilerplate, p.text) for p in article.set_aside()] == NEWS_FURNITURE
    # Never a heading or an outline entry; the title is the headline, the intro its first paragraph.
    assert not article.has_headings()
    assert article.title.text.startswith("Teens who use screens")
    assert article.content_paragraphs()[0].text.startswith("Teenagers who spend the hour")
    assert article.closing.text.startswith("If a teenager still struggles")
    assert [p.text for p in article.trailer] == [text for _, text in NEWS_FURNITURE[-5:]]
    # The body is unchanged byte for byte.
    article.lead = "Teenagers who use screens before bed sleep less."
    article.outline = [type(e)(f"Part {i}", 1, True) for i, e in enumerate(article.walk(), 1)]
    out = render_house(article)
    assert out.endswith(NEWS_STORY[article.outline_at:]) and NEWS_STORY[: article.outline_at] in out


def test_set_aside_paragraphs_are_not_lead_material_and_listed_in_json():
    article = parse_article(NEWS_STORY)
    sentences = " ".join(c.text for c in candidate_sentences(article))
    for _, text in NEWS_FURNITURE:
        assert text not in sentences
    assert "Teenagers who spend the hour before bed" in sentences  # the dateline is cut, not the paragraph
    listed = article_dict(article)["set_aside"]
    assert [(d["reason"], d["text"]) for d in listed] == NEWS_FURNITURE


def test_markdown_render_keeps_the_dateline_on_its_line():
    out = render_markdown(parse_article(NEWS_STORY))
    assert "(CNN) — Teenagers who spend the hour" in out


def test_furniture_between_heading_and_text_is_never_a_heading():
    draft = ("Magnesium helps some people relax at night.\n\nAdvertisement\n\nWhy It Matters\n\n"
             "Low magnesium levels have been linked to poor sleep in several studies.\n\n"
             "More information\n\nTalk to a doctor before taking supplements.\n\nCopyright 2024 Example Health")
    article = parse_draft(draft)
    assert [e.heading for e in article.headings_outline()] == ["Why It Matters"]
    assert [p.boilerplate for p in article.set_aside()] == ["advertisement", "related", "copyright"]
    assert article.closing.text == "Talk to a doctor before taking supplements."


@pytest.mark.parametrize("text", [HOUSE_ARTICLE, house_draft(), PLAIN_DRAFT, MARKDOWN_DRAFT])
def test_fixture_drafts_have_nothing_set_aside(text):
    assert parse_article(text).set_aside() == []


def _prose_counts(article):
    return [sum(p.boilerplate is None for p in s.paragraphs) for s in article.walk()]


def test_headless_news_story_gets_two_to_five_sections_at_topic_shifts():
    article = parse_article(NEWS_STORY)
    counts = _prose_counts(article)
    assert 2 <= len(counts) <= 5 and min(counts) >= 2
    assert all(s.heading is None for s in article.walk())


@pytest.mark.parametrize("repeat,low,high", [(1, 2, 5), (2, 5, 9)])
def test_headless_section_count_scales_with_length(repeat, low, high):
    body = "\n\n".join(p for p in NEWS_PARAGRAPHS[1:] if furniture_reason(p) is None)
    article = parse_draft("\n\n".join([body] * repeat))
    assert low <= len(list(article.walk())) <= high


@pytest.mark.parametrize("text, reason", [
    ("Enlarge this image A nurse measures a child's height at a clinic. Photo credit: iStock", "caption"),
    ("Image caption: Lyme disease cases rise every summer.", "caption"),
    ("A pharmacist sorts tablets. Photo credit: Jane Doe/AP", "caption"),
    ("The photo credit: it goes to the team that took the picture of the lab.", None),
    ("Ask a doctor about the image quality of your scans.", None),
    # credits closing a caption, or standing alone; contributor lines
    ("A child holds gummy vitamins. Photo: Getty Images", "caption"),
    ("Kratom capsules for sale at a shop in Denver. (John Smith/AP)", "caption"),
    ("A nurse checks a patient in Lagos. Jane Doe for The New York Times", "caption"),
    ("Dr. Lee in her lab. (Courtesy of Riverside Medical Center)", "caption"),
    # photographers' names with a capital after a hyphen or a prefix
    ("Gummies are sold in fruit flavours that appeal to children. (Evan Mitchell-Tao/CBC)", "caption"),
    ("A nurse prepares a dose in Toronto. (Sarah McAllister/CBC)", "caption"),
    ("A pharmacist at work. Jane O'Neil/Reuters", "caption"),
    ("The trial, led by Dr. Smith-Jones (pictured), was small.", None),
    # a TV clip's description
    ("Registered dietitian Kara Lindsey joins 'Fox & Friends' to break down the science of when to eat.", "caption"),
    ("Dr. Jane Roe joined “Good Morning America” to discuss the new guidance.", "caption"),
    ("Dr. Roe joins a growing group of doctors who want to study the drug.", None),
    ("A psychiatrist spoke with Fox News Digital about the growing popularity of ketamine infusions.", "caption"),
    ("Cardiologist Dr. Amir Khan talks to CBS News Live about what the new guidance means for patients.", "caption"),
    ("Dr. Khan spoke with reporters about the trial after the meeting.", None),
    ("Holloway spoke with her doctor about the risks. She decided to go ahead.", None),
    ("NEWYou can now listen to Fox News articles!", "widget"),
    ("Listen to this story", "widget"),
    ("Getty Images", "caption"),
    ("CNN's Jane Roe contributed to this report.", "byline"),
    ("The Associated Press contributed reporting.", "byline"),
    ("Wire Health reporter Mele Havili contributed from Nuku'alofa, Tonga.", "byline"),
    ("People living with the virus that causes AIDS (HIV/AIDS).", None),
    ("Experts contributed to the report on kratom, which found deaths were rare.", None),
    ("Patients asked for the image: most had never seen an MRI.", None),
    # a broadcaster's call sign after the caption; a reading list's button
    ("Bottles of valerian on sale at a Tucson pharmacy. (KWXT)", "caption"),
    ("Valerian was tested by the Food and Drug Administration (FDA).", None),
    ("READ LATER", "widget"),
    ("Save for later", "widget"),
    ("Read this next", "related"),  # a related-links label
    ("Read this before you buy", None),
])
def test_captions_with_widget_text_or_a_trailing_credit(text, reason):
    assert furniture_reason(text) == reason


def test_a_pasted_headline_over_its_byline_is_the_title_not_a_heading():
    # one paragraph per line, as pasted: headline, byline, date, caption, story
    story = "\n".join([
        "Warm baths before bed may help older adults sleep, review finds",
        "By Jane Roe | Staff writer",
        "Updated March 3, 2024",
        "An older man reads in bed. (John Smith/AP)",
        "A warm bath one to two hours before bed helped older adults fall asleep about ten minutes faster, "
        "according to a review of 17 studies.",
        "The baths lowered core body temperature later in the evening, which signals the body to sleep.",
        "Most of the studies were small and lasted only a few nights.",
        "Researchers said longer trials in people with insomnia are needed.",
        "Water at about 40 degrees Celsius worked best in the studies.",
        "Talk to a doctor before changing your routine if you have heart disease.",
    ])
    article = parse_article(story)
    assert article.title is not None and article.title.text.startswith("Warm baths before bed")
    headings = [s.heading for s in article.walk() if s.heading is not None]
    assert headings == []  # neither the headline nor the caption is a section heading
    assert len(list(article.walk())) >= 2  # a short story still gets two sections
    reasons = {p.text[:12]: p.boilerplate for p in article.set_aside()}
    assert reasons["An older man"] == "caption" and reasons["By Jane Roe "] == "byline"


# A page written for this test: furniture that is furniture only where it stands.
PAGE_IN_CONTEXT = "\n".join([
    "Kratom is sold at gas stations as a natural remedy. Here is what the science says about its risks",
    "Nadia Rahman",
    "Health correspondent",
    "Published 3 hours ago",
    "Kratom comes from the leaves of a tree native to Southeast Asia, and it is now sold in many shops.",
    "A man holds kratom capsules in a shop in Denver.",
    "Jon Ferraro/Getty Images",
    "At low doses it acts as a stimulant; at higher doses it acts on the same receptors as opioids.",
    "Researchers say larger studies in people are needed before anyone can recommend it.",
    "More on this story",
    "FDA renews its warning about kratom",
    "Published 4 February",
    "States weigh bans on the plant",
    "Kratom users describe withdrawal symptoms such as irritability and trouble sleeping.",
    "Nutrition / Diet",
    "Neurology",
])


def test_furniture_is_recognised_where_it_stands():
    a = parse_article(PAGE_IN_CONTEXT)
    assert a.title.text.startswith("Kratom is sold at gas stations")  # a two-sentence headline over a byline
    aside = {p.text: p.boilerplate for p in a.set_aside()}
    assert aside["Nadia Rahman"] == "byline"  # a name beside the byline
    assert aside["A man holds kratom capsules in a shop in Denver."] == "caption"  # above its credit
    assert aside["FDA renews its warning about kratom"] == "related"  # under "More on this story"
    assert aside["States weigh bans on the plant"] == "related"
    assert aside["Nutrition / Diet"] == aside["Neurology"] == "related"  # tags after the last prose
    prose = [p.text for p in a.content_paragraphs()]
    assert prose[0].startswith("Kratom comes from the leaves") and prose[-1].startswith("Kratom users describe")


def test_a_whole_pasted_page_starts_at_its_headline():
    page = "\n".join([
        "Skip to main content", "Sections", "Example News", "Subscribe", "Sign in", "Well+Being", "Food", "Fitness",
        "Many melatonin gummies contain more than the label says, study finds",
        "Researchers tested 30 products and found doses far from their labels",
        "By Alicia Fenwick",
        "March 14, 2024 at 6:00 a.m. EDT",
        "Researchers tested 30 gummy products and found doses far from what their labels said.",
        "Experts say parents should talk to a pediatrician before giving melatonin to a child.",
    ])
    a = parse_article(page)
    assert a.title.text.startswith("Many melatonin gummies")
    assert not a.sections or all(s.heading not in ("Food", "Fitness", "Well+Being") for s in a.walk())
    assert all(not (s.heading or "").startswith("Researchers tested 30 products") for s in a.walk())  # the dek
    assert [p.text for p in a.content_paragraphs()][0].startswith("Researchers tested 30")
    # a draft with prose above a date line has no masthead to cut
    b = parse_article("Kratom is a tree whose leaves are sold as a remedy in many shops.\nUpdated March 3, 2024\n"
                      "Some people use it for pain.\nTalk to a doctor first.")
    assert b.content_paragraphs()[0].text.startswith("Kratom is a tree")


def test_a_press_release_headline_over_its_release_date_is_the_title_not_a_heading():
    # a university's release: its name and section in capitals above the headline, a release
    # date and a media contact under it, no byline
    page = "\n".join([
        "Skip to main content", "UNIVERSITY OF NORTHBROOK", "Northbrook News", "Menu", "RESEARCH",
        "Daily cold showers did not lower anxiety scores in a Northbrook trial, researchers find",
        "Release date: March 3, 2026",
        "Media contact: Ann Lee, University Communications, alee@northbrook.edu",
        "",
        "Adults who took a cold shower every morning for eight weeks reported no less anxiety than those "
        "who did not, according to a randomized trial led by researchers at the University of Northbrook.",
        "",
        "The trial enrolled 120 adults with mild anxiety and asked half of them to end each shower with "
        "two minutes of cold water.",
        "",
        "Cold showers are safe for most people, but anyone with a heart condition should ask a doctor first.",
    ])
    a = parse_article(page)
    assert a.title.text.startswith("Daily cold showers did not lower anxiety")
    assert [s.heading for s in a.walk() if s.heading] == []
    assert a.content_paragraphs()[0].text.startswith("Adults who took a cold shower")


def test_a_page_headline_is_the_masthead_line_about_the_story():
    # a tagline and a "Back to home" link sit above the headline; a menu entry that looks like
    # a name ("Wellness Library") is no byline; a dek with a full stop may stand under the headline
    page = "\n".join([
        "Skip to main content", "The Daily Courier - Back to home", "Exclusive news, data and analytics for professionals",
        "News", "Health", "Wellness Library", "Videos", "Newsletters",
        "Valerian tea sales double as shoppers look for help with sleep",
        "A survey of 2,000 adults found many use valerian. Experts urge caution.",
        "By Maria Olsen",
        "Published: June 10, 2024 5.58am AEST",
        "Sales of valerian tea doubled last year as more shoppers looked for help with sleep, a survey found.",
        "Valerian is a herb whose root has been used for sleep for centuries, but trials of valerian tea are few.",
        "Experts say people who take sleep medicines should ask a doctor before they add valerian.",
    ])
    a = parse_article(page)
    assert a.title.text == "Valerian tea sales double as shoppers look for help with sleep"
    # the dek of whole sentences is the editor's summary, set aside like a one-line dek
    assert {p.text: p.boilerplate for p in a.set_aside()}[
        "A survey of 2,000 adults found many use valerian. Experts urge caution."] == "dek"
    assert [p.text for p in a.content_paragraphs()][0].startswith("Sales of valerian tea doubled")


def test_a_headline_over_its_dek_and_a_shopping_box_on_a_pasted_page():
    page = "\n".join([
        "The Courier", "Singapore", "World", "Health", "Now Playing",
        "Watch: Why doctors want you to stop cracking your own neck",
        "01:58",
        "One in four young adults drinks bubble tea at least three times a week, survey finds",
        "The poll also looked at how much sugar drinkers were getting from their cups",
        "Tan Hui Min", "Health Correspondent", "UPDATED", "Mar 09, 2026, 05:00 AM",
        "One in four adults aged 18 to 35 drinks bubble tea at least three times a week, a survey of sugar "
        "intake by local researchers found.",
        "Most drinkers said they chose full sugar, and the sugar in a large cup can pass a day's limit.",
        "Doctors said sugar, not tea, was the worry, and that cutting sugar levels was an easy first step.",
        "Golden Pearl Milk Tea Kit, 12 pack",
        "$34 at Amazon",
        "Shop now",
        "The Bottom Line",
        "Ask a dietitian how sweet drinks fit into your diet if you have been told to cut down on sugar.",
    ])
    a = parse_article(page)
    # the headline, not the video link above it nor the dek under it that names the subject
    assert a.title.text.startswith("One in four young adults drinks bubble tea")
    aside = {p.text: p.boilerplate for p in a.set_aside()}
    assert aside["Golden Pearl Milk Tea Kit, 12 pack"] == "widget" and aside["UPDATED"] == "widget"
    assert [s.heading for s in a.walk() if s.heading] == ["The Bottom Line"]
    assert is_list_label("5 Sources") and is_list_label("References")


def test_a_magazines_short_title_over_its_two_sentence_dek():
    page = "\n".join([
        "THE HARBOUR REVIEW", "Politics", "Science", "Health", "Magazine",
        "The Slow Taper",
        "After years of warnings about sleeping pills, many older people have been told to stop taking them. "
        "For some, the way it was done became a danger of its own",
        "By Ana Ruiz",
        "May 2026 Issue",
        "The letter from Rosa Delgado's clinic arrived in the spring of 2019, telling her the pills would stop.",
        "Doctors now recommend tapering sleeping pills over months, because stopping suddenly can bring on "
        "withdrawal and rebound insomnia.",
        "Randomised trials of a slow taper are few and small, and more research is needed.",
    ])
    a = parse_article(page)
    assert a.title.text == "The Slow Taper"
    assert {p.text[:20]: p.boilerplate for p in a.set_aside()}["After years of warni"] == "dek"
    # a section's label over a two-sentence headline names nothing the story is about
    b = parse_article(page.replace("The Slow Taper", "Healthcare & Pharmaceuticals"))
    assert b.title.text.startswith("After years of warnings")


def test_a_first_line_over_another_heading_is_the_title():
    draft = ("Valerian for insomnia in adults\nBackground\nInsomnia is common and valerian is widely used.\n"
             "Main results\nWe included six trials with 900 adults and the evidence was of low quality.\n")
    a = parse_article(draft)
    assert a.title.text == "Valerian for insomnia in adults"
    assert [s.heading for s in a.sections][:2] == ["Background", "Main results"]


@pytest.mark.parametrize("line,reason", [
    ("Published: June 10, 2024 5.58am AEST", "timestamp"),
    ("Tue 14 May 2024 06.00 BST", "timestamp"),
    # a gallery's captions
    ("Item 1 of 2 Kratom products are displayed at a smoke shop in Denver. NEWSWIRE/Jane Roe", "caption"),
    ("[1/2]Kratom products are displayed at a smoke shop in Denver.", "caption"),
    ("— ADVERTISEMENT —", "advertisement"),
    ("Advertisement · Scroll to continue", "advertisement"),
    # a newsletter box's parts, partner and edition links
    ("Enter your email", "widget"),
    ("Join now", "widget"),
    ("By subscribing you agree to our Terms and Privacy Policy. Unsubscribe at any time.", "widget"),
    ("Edition:", "widget"),
    ("X (Twitter)", "widget"),
    # a pointer to another organisation, a sourcing note, an abstract page's notes
    ("The U.S. National Heart, Lung, and Blood Institute has more on atrial fibrillation.", "related"),
    ("SOURCES: Jane Doe, MD, cardiologist, Lakeside Hospital, Chicago; Journal of Sleep, Oct. 9, 2024", "disclosure"),
    ("1 Department of Nutrition and Dietetics, University of Kingsmere, Kingsmere, United Kingdom.", "byline"),
    ("Conflict of interest statement", "disclosure"),
    ("The authors declare no conflicts of interest.", "disclosure"),
    ("University of Northbridge provides funding as a member of The Dialogue AU.", "disclosure"),
    ("SKIP ADVERTISEMENT", "advertisement"),
    ("Daily Health News is written by journalists and does not provide medical advice, diagnosis or treatment.",
     "disclosure"),
    ("Health Digest is a Redline Media company.", "disclosure"),
    ("Sign up to Health Check", "widget"),
    ("Get HealthWire's Daily Digest", "widget"),
    ("The latest health news, delivered free to your inbox each weekday morning.", "widget"),
    ("Current Version", "widget"),
    ("skip past newsletter promotion", "widget"),
    ("after newsletter promotion", "widget"),
    ("Site Index", "widget"),
    ("Privacy Notice: Newsletters may contain details of charities and online adverts.", "disclosure"),
    ("Sign up for the Well newsletter, for subscribers only. Practical, research-backed advice for feeling your best, "
     "delivered to you every week by our health desk and its writers.", "widget"),
    ("Jane Roe has received research funding from the National Health and Medical Research Council.", "disclosure"),
    ("Hannah Lytton is the Courier's health correspondent.", "byline"),
    ("Daniel Okonkwo covers U.S. health policy from Washington.", "byline"),
    ("Nadia Frost · CBC News", "byline"),
    ("· Posted: Jan 27, 2025 4:00 AM EST | Last Updated: January 27", "timestamp"),
    ("Version published: 14 May 2025", "timestamp"),
    ("Sign Me Up", "widget"),
    ("Social Sharing", "widget"),
    ("Estimated 6 minutes", "widget"),
    ("Rights & Permissions", "widget"),
    ("More by Jane Roe", "widget"),
    ("You may occasionally receive promotional content from the Daily Courier.", "widget"),
    ("Your information is being handled in accordance with the Privacy Collection Statement.", "widget"),
    ("The audio version of this article is generated by text-to-speech.", "widget"),
    ("The PubMed wordmark and logo are registered trademarks of HHS. Unauthorized use of these marks is strictly "
     "prohibited and may be reported to the authorities for action under the law of the land.", "disclosure"),
    ("Many people turn to herbal teas in the hope of a better night's sleep. Jane Roe/Stockpix", "caption"),
])
def test_more_furniture_forms(line, reason):
    assert furniture_reason(line) == reason


def test_a_section_label_under_a_pages_menus_opens_its_section():
    page = "\n".join([
        "Full text links", "Cite", "Collections", "Display options",
        "Valerian for sleep in adults: a systematic review of randomised trials",
        "Jane Q Smith 1, Robert Chen 2, Maria Garcia 1",
        "Affiliations",
        "1 Department of Nutrition, University of Kingsmere, Kingsmere, United Kingdom.",
        "2 Institute of Public Health, Vistula Medical University, Warsaw, Poland.",
        "PMID: 38501942 DOI: 10.1111/jsnr.14087",
        "BACKGROUND",
        "Valerian is widely sold as a sleep aid, but its effects are unclear.",
        "RESULTS",
        "Six trials with 900 adults found a small benefit of valerian on sleep quality.",
    ])
    a = parse_article(page)
    assert [s.heading for s in a.sections] == ["BACKGROUND", "RESULTS"]


def test_furniture_around_photos_newsletters_and_the_author():
    page = "\n".join([
        "Valerian tea sales double as shoppers look for help with sleep",
        "By Maria Olsen",
        "June 10, 2024",
        "Sales of valerian tea doubled last year as more shoppers looked for help with sleep, a survey found.",
        "A cup of valerian tea on a bedside table next to a lamp",
        "Many people turn to herbal teas in the hope of a better night's sleep. Jane Roe/Stockpix",
        "Valerian is a herb whose root has been used for sleep for centuries, but trials of valerian tea are few.",
        "Sign up to Sleep Check",
        "Our sleep team unpacks the week's biggest sleep stories every Thursday morning",
        "Enter your email address",
        "Experts say people who take sleep medicines should ask a doctor before they add valerian.",
        "Maria Olsen is a pharmacologist whose research examines the safety of herbal medicines.",
        "Disclosure statement",
        "The author has consulted for a company that sells valerian.",
        "Read Next",
        "Drugmakers brace for tariff impact on generic imports, category 2:40 PM UTC",
    ])
    a = parse_article(page)
    aside = {p.text for p in a.set_aside()}
    for line in ("A cup of valerian tea on a bedside table next to a lamp", "Sign up to Sleep Check",
                 "Our sleep team unpacks the week's biggest sleep stories every Thursday morning",
                 "Maria Olsen is a pharmacologist whose research examines the safety of herbal medicines.",
                 "The author has consulted for a company that sells valerian.",
                 "Drugmakers brace for tariff impact on generic imports, category 2:40 PM UTC"):
        assert line in aside, line
    assert not [s.heading for s in a.walk() if s.heading]


def test_a_list_label_that_is_prose_by_itself_sets_its_entries_aside():
    draft = ("Valerian is a herb whose root is sold as a sleep aid in many pharmacies.\n"
             "Experts say people who take sleep medicines should ask a doctor first.\n"
             "Latest news\nUltra-processed foods linked to faster ageing\nCan fasting protect the liver? Mouse study offers clues\n"
             "Valerian tea is popular in Germany, where it is sold in most supermarkets.\n")
    aside = {p.text for p in parse_article(draft).set_aside()}
    assert {"Latest news", "Ultra-processed foods linked to faster ageing"} <= aside


def test_a_journals_name_above_the_title_is_not_the_title():
    draft = "\n".join([
        "Cochrane Database of Systematic Reviews", "Intervention Review",
        "Valerian for insomnia in adults",
        "Jane Q Smith, Robert Chen, Maria Garcia",
        "Version published: 14 May 2025",
        "Background",
        "Valerian is a herb widely sold for insomnia, and adults often take valerian at night.",
        "Main results",
        "Six trials of valerian with 900 adults found a small benefit for insomnia, and systematic reviews agree.",
        "Authors' conclusions",
        "Valerian may help some adults with insomnia, but the evidence is of low certainty.",
    ])
    a = parse_article(draft)
    assert a.title.text == "Valerian for insomnia in adults"
    assert [s.heading for s in a.sections][:2] == ["Background", "Main results"]


def test_similar_articles_with_their_citations_are_set_aside():
    draft = "\n".join([
        "Valerian is a herb whose root is sold as a sleep aid in many pharmacies across Europe.",
        "Trials of valerian in adults with insomnia have found small benefits at best.",
        "Similar articles",
        "Valerian intake and sleep duration in older adults: a cross-sectional analysis.",
        "Hartono S, et al. Nutrients. 2023. PMID: 37104416",
        "Melatonin for primary insomnia in older people: an updated meta-analysis.",
        "Okafor B, et al. Sleep Med. 2022. PMID: 35512345",
    ])
    aside = {p.text for p in parse_article(draft).set_aside()}
    assert "Melatonin for primary insomnia in older people: an updated meta-analysis." in aside


def test_similar_articles_listed_with_journal_and_year_are_set_aside():
    draft = "\n".join([
        "Suvorexant is a sleeping pill that some hospitals give to prevent delirium in older patients.",
        "Low-certainty evidence suggests it may reduce the risk of delirium.",
        "Similar articles",
        "Ramelteon versus placebo for delirium after hip fracture surgery: a randomised trial. J Clin Sleep Med. 2024.",
        "Orexin receptor antagonists for insomnia in older adults: a network meta-analysis. J Am Geriatr Soc. 2025.",
        "Noise reduction bundles for delirium in medical wards: a cluster randomised trial. Age Ageing. 2025.",
    ])
    aside = {p.text for p in parse_article(draft).set_aside()}
    assert {"Noise reduction bundles for delirium in medical wards: a cluster randomised trial. Age Ageing. 2025.",
            "Ramelteon versus placebo for delirium after hip fracture surgery: a randomised trial. J Clin Sleep Med. "
            "2024."} <= aside
    # prose that ends on a year is no citation
    assert furniture_reason("The drug was approved for insomnia in Japan. It reached Europe in 2024.") is None
    assert furniture_reason("Sales rose. By 2024.") is None


def test_paper_titles_under_similar_articles_are_set_aside_full_stop_and_all():
    draft = "\n".join([
        "Tilidine is an opioid painkiller widely prescribed in Germany for chronic back pain.",
        "Tilidine may slightly reduce pain over the short term, but the effect is small.",
        "Similar articles",
        "Opioids compared with placebo for chronic low back pain: an update of the Cochrane Review.",
        "Tramadol for chronic non-cancer pain in adults.",
    ])
    aside = {p.text for p in parse_article(draft).set_aside()}
    assert {"Tramadol for chronic non-cancer pain in adults.",
            "Opioids compared with placebo for chronic low back pain: an update of the Cochrane Review."} <= aside


def test_a_news_pages_related_articles_list_does_not_swallow_the_story_after_it():
    draft = "\n".join([
        "Connor Platt thought the yellow tinge in his eyes was down to the changing-room lights.",
        "A survey of almost 1,800 gym-goers found that one in nine men under 30 had used SARMs.",
        "RELATED ARTICLES",
        "Why so many young men are now obsessed with their jawlines",
        "WHAT ARE SARMS?",
        "Selective androgen receptor modulators are drugs that act on the same receptors as steroids.",
        "Experts say both steroids and SARMs can be hard to give up.",
    ])
    aside = {p.text for p in parse_article(draft).set_aside()}
    assert "Experts say both steroids and SARMs can be hard to give up." not in aside


def test_a_papers_title_over_its_authors_and_citation_is_set_aside():
    # PubMed's layout: title, then the author line, then the journal line (no "et al." to go by)
    draft = "\n\n".join([
        "Int J Sleep Res. 2024 Mar;12(2):101-110.",
        "Epub 2023 Dec 4.",
        "Valerian is a herb whose root is sold as a sleep aid in many pharmacies across Europe.",
        "Trials of valerian in adults with insomnia have found small benefits at best.",
        "Valerian root extract and sleep latency in adults: a randomized, placebo-controlled trial.",
        "Tanaka K, Moreau L, Fischer A.",
        "Sleep Nutr Res. 2023 Jun;7(3):212-220. doi: 10.1016/j.snr.2023.03.004.",
        "Herbal sleep aids and industry funding: a meta-research study.",
        "Okafor CN, Lindgren E.",
        "Herb Evid Rev. 2022 Oct;5(4):301-309.",
    ])
    a = parse_article(draft)
    aside = {p.text for p in a.set_aside()}
    assert {"Int J Sleep Res. 2024 Mar;12(2):101-110.", "Epub 2023 Dec 4.",
            "Valerian root extract and sleep latency in adults: a randomized, placebo-controlled trial.",
            "Herbal sleep aids and industry funding: a meta-research study."} <= aside
    assert "Trials of valerian in adults with insomnia have found small benefits at best." not in aside


def test_lines_too_long_to_be_hard_wrapped_are_paragraphs_of_their_own():
    # the end of a pasted column: four lines without blank lines between them
    draft = "\n\n".join([
        "By Ruth Amsel, PharmD",
        "Valerian is a herb whose root is sold as a sleep aid, and many readers ask whether it is safe to take every night.",
        "Most short trials found few side effects, but long-term use has not been studied well, so it is worth asking a pharmacist.",
        "\n".join([
            "Have a question for our pharmacist? Email askruth@example.com. Questions may be edited for length and clarity.",
            "Ruth Amsel, PharmD, is a community pharmacist in Dayton, Ohio, and has written this column since 2019.",
            "Copyright © 2025 Example Media, Inc. All rights reserved.",
        ]),
    ])
    aside = {p.text for p in parse_article(draft).set_aside()}
    assert "Copyright © 2025 Example Media, Inc. All rights reserved." in aside
    assert "Ruth Amsel, PharmD, is a community pharmacist in Dayton, Ohio, and has written this column since 2019." in aside
    assert not any("Most short trials" in t for t in aside)


def test_a_strip_of_page_chrome_and_captions_credited_at_their_end_are_set_aside():
    draft = "\n\n".join([
        "The Valerian Question",
        "By Nora Castell\nPhotographs by Ben Ade\nMay 2025 issue\n12 min read\nSave\nShare",
        "A patient sleeps at a clinic in Tucson, Arizona. Photograph by Ben Ade for Pulse",
        "Valerian is a herb whose root is sold as a sleep aid in many pharmacies across Europe.",
        "A volunteer hands out leaflets at a health fair in Harlow in September. (WQLM photo)",
        "Trials of valerian in adults with insomnia have found small benefits at best.",
    ])
    a = parse_article(draft)
    aside = {p.text for p in a.set_aside()}
    assert "A patient sleeps at a clinic in Tucson, Arizona. Photograph by Ben Ade for Pulse" in aside
    assert "A volunteer hands out leaflets at a health fair in Harlow in September. (WQLM photo)" in aside
    assert any("12 min read" in t for t in aside)
    assert [s.heading for s in a.walk() if s.heading] == []


def test_an_author_line_with_accented_names_is_a_byline():
    from summarize.corpus.boilerplate import furniture_reason

    assert furniture_reason("Lucía Ferrer-Domingo, Ben Adeyemi, Søren K Holm, Zoë Martín") == "byline"


def test_a_list_of_headlines_under_its_label_without_blank_lines_is_set_aside():
    draft = "\n\n".join([
        "Valerian is a herb whose root is sold as a sleep aid in many pharmacies across Europe.",
        "Trials of valerian in adults with insomnia have found small benefits at best.",
        "Related Articles\nCounty adds a second naloxone machine at the library\nOverdose deaths fell in 2023. Here's what changed.",
        "Trending on wxyz.com\nFrost advisory: protect your plants tonight\nWestside High wins its first title since 1998",
        "MOST READ IN HEALTH\nDoctor reveals the one breakfast food she never eats",
    ])
    a = parse_article(draft)
    aside = " ".join(p.text for p in a.set_aside())
    for line in ("Overdose deaths fell in 2023. Here's what changed.", "Westside High wins its first title since 1998",
                 "Doctor reveals the one breakfast food she never eats"):
        assert line in aside
    assert "Trials of valerian" not in aside


@pytest.mark.parametrize("line,reason", [
    # an audio player, a video player's strip, share and feedback chrome
    ("Listen · 3:27", "widget"),
    ("01:58 - Source: Channel 9 Health", "widget"),
    ("Link copied!", "widget"),
    ("Video Ad Feedback", "widget"),
    ("Was this page helpful?", "widget"),
    ("Yes / No", "widget"),
    ("Sign up for Body Clock: calm, careful reporting on sleep, every Monday.", "widget"),
    # the writer's role line and a photographer's credit on its own
    ("Courier staff writer", "byline"),
    ("Tomas Lindgren for Valley Courier", "caption"),
    # a caption credited at its end: "(Courier photo by …)", "Outlet/Photographer"
    ("Nurses check a patient's chart at the county clinic on May 2. (Courier photo by Anna Berg)", "caption"),
    ("Jars of dried valerian root at a market in Leeds, May 2, 2025. Northwire/Anna Berg", "caption"),
    # a helpline box, affiliate links, a print-issue note
    ("If you have been affected by the issues raised in this story, call the Sleep Helpline on 0800 000 0000.",
     "contact"),
    ("We only recommend products we like. If you buy through links on this page, we may earn a small commission.",
     "disclosure"),
    ("This article appears in the winter 2025 issue of Pulse.", "disclosure"),
    # captions marked at their end, a wire credit after the caption, a photographer's credit alone
    ("Valerian capsules are sold in most high-street chemists (stock image)", "caption"),
    ("A pharmacist checks a prescription at a shop in Leeds. NWS/Anna Berg/File Photo", "caption"),
    ("Anna Berg/Courier", "caption"),
    # a comments section, a newsletter box, a promo
    ("Story continues", "widget"),
    ("Add your comment", "widget"),
    ("Please enter a valid email address.", "widget"),
    ("See more subscription options", "widget"),
    ("The views expressed in the contents above are those of our readers.", "disclosure"),
    ("Get the week's best health stories from the Courier, delivered every Friday.", "widget"),
    ("Read: Why valerian smells so strongly", "related"),
    # a byline with the writer's beat, a timestamp with the outlet's name, captions glued to their credits
    ("Nora Castell, Science Editor", "byline"),
    ("Tuesday May 6 2025, 6.00am BST, The Riverside Post", "timestamp"),
    ("Valerian tea is sold in most supermarkets across BritainALAMY", "caption"),
    ("Sellers post before-and-after photos on social mediaImage: Getty", "caption"),
    ("A nurse checks a patient's chart.Photo by Anna Berg/Northfield Hospital", "caption"),
    ("Study author Ann Berg, PhD, in her laboratory. Photo by Chris Vale/University of Northfield", "caption"),
    ("Kerry Hughes, 41, says she has dropped two dress sizes on the gummies Credit: Supplied", "caption"),
    ("WEATHER ALERT: Wind advisory in effect for the Valley until 8 p.m.", "widget"),
    # a trade site's source notes, comment prompt and long copyright notice
    ("Disclosures", "disclosure"),
    ("Primary Source", "disclosure"),
    ("Source Reference: Lee S, et al \"Trends in valerian exposures, 2019-2024\" ASAM 2026; Abstract 211.", "disclosure"),
    ("Please log in or register to comment.", "widget"),
    ("© 2026 PracticeWire, a division of Halden Clinical Media. All rights reserved. The material on this site is "
     "for informational purposes only and is not a substitute for medical advice, diagnosis or treatment by a "
     "qualified professional.", "copyright"),
    # a cookie banner, comment and subscription small print, a helpline, a company register line
    ("We value your privacy", "widget"),
    ("We and our partners store and access information on your device, such as cookies, to personalise content "
     "and ads.", "disclosure"),
    ("We and our 80 partners store and access information on your device, such as cookies, and process personal "
     "data such as unique identifiers. Click “Accept all” to consent.", "disclosure"),
    ("Comment guidelines", "widget"),
    ("By subscribing, you acknowledge and agree to our Terms of Use.", "widget"),
    ("If you or someone you know is struggling with sleeping pills, call the helpline on 0800 000 000.", "contact"),
    ("For more information about valerian, call the Herbal Medicines Line.", "contact"),
    ("Registered in England No. 123456. Registered office: 1 High Street, Leeds.", "copyright"),
    # a press release's end mark and boilerplate
    ("###", "separator"),
    ("About Northfield University", "disclosure"),
    ("About the University of Northfield", "disclosure"),
    ("Our editorial team tracks new research in this area and revises articles when the evidence changes.",
     "disclosure"),
    ("Media contact: Ann Berg, (555) 014-2277, aberg@northfield.edu", "contact"),
    ("Funding: The study was supported by the Northfield Foundation for Brain Health.", "disclosure"),
    ("Founded in 1901, Northfield University is a public research university in Leeds.", "disclosure"),
    # a trade site's note to its readers
    ("ClinicWire news coverage is intended for healthcare professionals and does not replace clinical judgment or "
     "individual medical advice.", "disclosure"),
    ("This content does not replace professional medical advice.", "disclosure"),
    ("For healthcare professionals only. ClinicianPulse content does not constitute medical advice.", "disclosure"),
    ("For healthcare professionals only.", "disclosure"),
    # a video player's label, a comment box's prompt and rules, picture credits (an agency; an accented name)
    ("Video player", "widget"),
    ("Have your say", "widget"),
    ("Comments are moderated before they are published.", "widget"),
    ("Harbour Pictures", "caption"),
    ("Zoë Ibáñez/Valley Courier", "caption"),
    # a credit naming a long outlet, a caption marked "Stock image" after its full stop, share
    # buttons between slashes, a correction link
    ("Ann Berg/Northfield Valley Public Radio", "caption"),
    ("The lamps shine red light onto the skin and have become a craze online. Stock image", "caption"),
    ("Facebook / X / LinkedIn / Reddit / Email", "widget"),
    ("Share: Facebook / X / Bluesky / Reddit / Email", "widget"),
    ("Report a typo", "widget"),
    # an abstract page's authors with their affiliation numbers, one of them with two
    ("Ana Ruiz 1, Tomas Berg 2 3, Li Wei 1, Maria Olsen 2", "byline"),
    # captions credited at their end: a station's photo, a photographer for an outlet, a credit
    # after a bar, an illustration's credit after a closing quote
    ("Jars of valerian gummies on sale at a Reno pharmacy. (KQVN photo/Ann Berg-Lund)", "caption"),
    ("Valerian root is one of the oldest sleep remedies in Europe. (Ann Berg for The Valley Courier)", "caption"),
    ("Students at the library of Northfield University on Monday. Photo by Ann Berg | Northfield Tribune", "caption"),
    ('Valerian is sold online in capsules, often labeled as a "sleep tonic." Illustration: Ann Berg-Lund/Pulse Daily',
     "caption"),
    # a date with its reading time, a clip's label with its length, a badge, a newsletter's box, topic links
    ("Mar 27, 2026 · 6 min read", "widget"),
    ("Audio: The Morning Show - Is your sleep aid keeping you awake? 7:41", "widget"),
    ("Fact checked", "widget"),
    ("Get the NewsCenter 9 Morning Brief", "widget"),
    ("Read related topics: Parenting | Sleep | Leeds", "related"),
    # a video player's counters, a reading time, an outlet's advertising link, a credit after a slash
    ("Loaded: 0%", "widget"),
    ("Progress: 0%", "widget"),
    ("4 mins to read", "widget"),
    ("Advertise with Kōwhai News", "widget"),
    ("Valerian teas have become a fixture of supermarket shelves. Photo / Supplied", "caption"),
    ("Dave Rua rolls a herbal cigarette outside his Raumati home.Supplied", "caption"),
    ("Get the region's top stories every weekday morning.", "widget"),
    ("Members work out at a gym in Vadapalani, Chennai, on Friday.Post Photo by R. Senthil Kumar", "caption"),
    ("Chennai | Updated: March 2, 2026 07:45 IST", "timestamp"),
    ("A pharmacist checks a prescription at a clinic in Auckland.Reuters", "caption"),
])
def test_furniture_of_players_credits_and_notes(line, reason):
    assert furniture_reason(line) == reason


@pytest.mark.parametrize("line", [
    "The app is intended for healthcare professionals, the company said.",
    "Supplements do not replace medical advice, experts said.",
    "For healthcare professionals only, the company offers free samples.",
    "Karen Bellamy, 44, with her son Callum, 14, said the cans cost £1 each.",
    "Karen Bellamy, 44, and her son Callum, 14, were at home when he collapsed.",
    "The trial ran for 12 weeks (see photo/diagram below).",
    "Fact checked claims about valerian often turn out to be wrong.",
    "Audio recordings of the sessions were reviewed by two researchers.",
    "Progress in the trial was slow: 40% dropped out.",
    "Advertise with care, regulators said.",
    "Get the latest stories from patients about kava, and you will hear of sleep.",
    "Chennai | Home of the trial since 2019.",
])
def test_prose_about_advice_for_professionals_is_not_a_readers_note(line):
    assert furniture_reason(line) is None


TABLOID_PAGE = [
    "Home", "News", "Health", "Sign in",
    "‘I thought it was just a treat’: Dad’s warning after daughter, 12, fainted at school having eaten "
    "three packs of caffeine gum a day – as MPs call for an age limit on sales",
    "Girl rushed to hospital with a racing heart",
    "Packs sold for £1 near school gates",
    "But experts admit the evidence on harm to children is surprisingly thin",
    "By ANNA FIELD, HEALTH REPORTER",
    "Published: 09:10 GMT, 4 March 2026",
    "When Tom Reed found empty packs of caffeine gum in his daughter's school bag, he assumed she was sharing them.",
    "Three weeks later, Lily Reed, 12, fainted at school with her heart racing.",
    "Doctors at the hospital found she had been chewing three packs of caffeine gum a day at school.",
    "Experts say caffeine gum is not meant for children and that schools should warn parents.",
    "Share or comment on this article:",
    "‘I thought it was just a treat’: Dad’s warning after daughter, 12, fainted at school having eaten "
    "three packs of caffeine gum a day – as MPs call for an age limit on sales",
    "Comments are not checked before they are published.",
]


def test_a_tabloids_long_headline_is_the_title_and_its_repeat_under_the_story_is_furniture():
    a = parse_article("\n".join(TABLOID_PAGE))
    assert a.title.text.startswith("‘I thought it was just a treat’")
    assert [p.boilerplate for p in a.paragraphs() if p.text.startswith(("Girl", "Packs", "But experts"))] == ["dek"] * 3
    repeat = [p for p in a.paragraphs() if p.text.startswith("‘I thought it was just a treat’")]
    assert repeat and all(p.boilerplate is not None for p in repeat)
    assert all("treat’" not in s.text for s in candidate_sentences(a))


def test_a_headline_printed_again_without_a_label_is_furniture_not_a_section_heading():
    page = list(TABLOID_PAGE)
    page[4] = "Breaking: parents urged to check what their children buy near school gates today"
    page[-2] = page[4]
    page.remove("Share or comment on this article:")  # no label over it
    a = parse_article("\n".join(page))
    repeats = [p for p in a.paragraphs() if p.text == page[4]]
    assert repeats and all(p.boilerplate is not None for p in repeats)
    assert page[4] not in [s.heading for s in a.walk()]


def test_a_dek_that_opens_on_a_dash_is_not_the_headline():
    page = "\n".join([
        "Home", "News", "Pain Medicine",
        "Muscle Relaxant Withdrawal Often Severe, Case Series Shows",
        "— Nearly half of patients needed intensive care; researchers urge clinicians to ask about use",
        "by Sam Ortiz, Staff Writer, ClinicWire June 3, 2026",
        "Withdrawal from a widely used muscle relaxant was often severe, a case series of 40 patients showed.",
        "Nearly half of the patients needed intensive care, and standard sedatives often failed to help.",
        "Clinicians should ask about use of the drug when patients arrive agitated, the authors wrote.",
    ])
    a = parse_article(page)
    assert a.title.text == "Muscle Relaxant Withdrawal Often Severe, Case Series Shows"


@pytest.mark.parametrize("line", ["Physicians Committee for Responsible Medicine", "Sign up for a free trial: it is quick.",
                                  "The Listen app is new.", "Doctors for Patients", "WHAT TO DO", "About valerian",
                                  "Funding: what it means"])
def test_names_and_lines_like_credits_that_are_not(line):
    assert furniture_reason(line) is None


def _set_aside(*paragraphs: str) -> dict[str, str]:
    """The set-aside paragraphs of a draft made of ``paragraphs``, with their reasons."""
    return {p.text: p.boilerplate for p in parse_article("\n\n".join(paragraphs)).set_aside()}


@pytest.mark.parametrize("paragraphs,caption,prose", [
    # "Image source: Getty Images" over the caption, the credit set off from the paragraph above
    (("Valerian is a herb whose root is sold as a sleep aid in many pharmacies across Europe.",
      "The findings, published in a sleep journal, may reassure people who take it every night for years.",
      "Image source: Getty Images\nDried valerian root is sold loose and in capsules.",
      "Trials of valerian in adults with insomnia have found small benefits at best."),
     "Dried valerian root is sold loose and in capsules.", "findings"),
    # a caption marked "(stock image)" below its credit, all lines glued
    (("Valerian is a herb whose root is sold as a sleep aid in many pharmacies across Europe.\n"
      "The benefit appeared largest in the first month, when people were still getting used to it.\n"
      "Getty Images/iStockphoto\n"
      "Valerian root is sold as capsules, teas and tinctures (stock image)\n"
      "Trials of valerian in adults with insomnia have found small benefits at best.",),
     "Valerian root is sold as capsules, teas and tinctures (stock image)", "first month"),
])
def test_a_caption_printed_below_its_credit_line_is_set_aside_not_the_paragraph_above(paragraphs, caption, prose):
    aside = _set_aside(*paragraphs)
    assert caption in aside
    assert not any(prose in t for t in aside)


def test_the_dek_under_a_headline_is_set_aside_and_a_first_paragraph_is_not():
    asides = _set_aside(
        "Valerian tea eases sleep for night-shift nurses in hospital pilot",
        "Small study finds nurses slept longer and felt less tired\nafter four weeks",
        "By Anna Berg\nCourier staff writer",
        "Nurses on night shifts who drank valerian tea before sleeping in the day slept about 30 minutes longer, "
        "according to a small pilot study at a city hospital.",
        "The study had no comparison group, so the improvement may have happened anyway.",
    )
    assert asides.get("Small study finds nurses slept longer and felt less tired after four weeks") == "dek"
    assert not any(t.startswith("Nurses on night shifts") for t in asides)
    # a story's first paragraph ends on a full stop: never a dek
    plain = _set_aside("Valerian tea for nurses", "By Anna Berg", "Nurses who drank valerian tea slept longer.",
                       "The study was small.")
    assert "dek" not in plain.values()


@pytest.mark.parametrize("line,reason", [
    # promos, tag lists, print and correction notes, the author box's label
    ("DON'T MISS: Nurse's warning after patient collapsed at the gym", "related"),
    ("WATCH | How valerian root is harvested (3:12)", "related"),
    ("Topics: Sleep · Herbal medicine · Europe", "related"),
    ("Print edition: Page 7", "related"),
    ("Corrections and clarifications | Submit a tip", "related"),
    ("ABOUT THE AUTHOR", "related"),
    ("Rate this article: ★★★★★ (35 ratings)", "widget"),
    ("Share · Save to reading list · Cite", "widget"),
    ("With files from Northwire", "byline"),
    ("[Photo] A nurse holds a jar of valerian root at a clinic in Leeds, May 2, 2025.", "caption"),
    ("Courier content is licensed to members. Redistribution without written permission is prohibited.", "copyright"),
    ("Medical disclaimer: This content is for informational purposes only and is not a substitute for advice.",
     "disclosure"),
    ("The material on this site is for informational purposes only, and is not a substitute for medical advice.",
     "disclosure"),
    ("We use cookies to improve your experience on our site. By continuing, you agree to our use of cookies.",
     "disclosure"),
    ("This site uses cookies to improve your experience.", "disclosure"),
])
def test_promos_tags_and_notes_of_a_page(line, reason):
    assert furniture_reason(line) == reason


@pytest.mark.parametrize("line", ["Topics: what the trials found about valerian.", "Tags on clothing can irritate skin.",
                                  "Some bakeries use cookies to improve your mood.",
                                  "Share your worries with a doctor before you stop."])
def test_prose_that_starts_like_a_page_note_is_prose(line):
    assert furniture_reason(line) is None


def test_headlines_under_more_stories_from_an_outlet_are_set_aside():
    aside = _set_aside(
        "Valerian is a herb whose root is sold as a sleep aid in many pharmacies across Europe.",
        "Trials of valerian in adults with insomnia have found small benefits at best.",
        "More Stories From WQLM\nWhy your back aches after a long drive\nSaunas are popular. Are they safe?",
    )
    assert "Why your back aches after a long drive" in " ".join(aside)
    assert "Saunas are popular. Are they safe?" in " ".join(aside)


def test_an_npr_style_caption_between_its_widgets_is_set_aside_and_the_lede_after_its_credit_is_not():
    aside = _set_aside(
        "Valerian sales are rising\nBy Nora Castell\nEnlarge this image\n"
        "Valerian root is sold in capsules, teas and tinctures at most pharmacies.\ntoggle caption\nAnna Berg/WQLM\n"
        "When Maria Lopez could not sleep after her divorce, she reached for a bottle of valerian capsules from her pharmacy.\n"
        "Trials of valerian in adults with insomnia have found small benefits at best, researchers say.",
    )
    assert "Valerian root is sold in capsules, teas and tinctures at most pharmacies." in aside
    assert not any("Maria Lopez" in t for t in aside)


def test_a_caption_between_enlarge_this_image_and_its_credit_is_set_aside_before_any_prose():
    aside = _set_aside(
        "Enlarge this image\nTessa Moreno prepares for an evening session at home. Her prescriber requires another "
        "adult to be in the house.\nCaleb Ortiz for LPR\nhide caption\ntoggle caption\nCaleb Ortiz for LPR\n"
        "On Tuesday evenings, Tessa Moreno clears the coffee table and dims the lights in her living room.\n"
        "Trials of ketamine lozenges at home have been small, researchers say.",
    )
    assert any(t.startswith("Tessa Moreno prepares") for t in aside)
    assert not any("clears the coffee table" in t for t in aside)


def test_headline_lists_a_title_case_headline_and_a_single_related_story():
    aside = _set_aside(
        "Valerian is a herb whose root is sold as a sleep aid in many pharmacies across Europe.\n"
        "Related Story\nIs Valerian the New Chamomile?\nWhat the research says\n"
        "Trials of valerian in adults with insomnia have found small benefits at best.\n"
        "Some people report vivid dreams after taking valerian for a week or more.\n"
        "Watch Next\nMore From Health\nThe Real Reason You Wake Up at 4 A.M.\n9 Signs You Need More Sleep, According to Doctors",
    )
    assert "Is Valerian the New Chamomile?" in aside
    assert "What the research says" not in aside
    assert "The Real Reason You Wake Up at 4 A.M." in aside
    assert "9 Signs You Need More Sleep, According to Doctors" in aside


def test_a_list_entry_may_be_a_long_headline():
    aside = _set_aside(
        "Valerian is a herb whose root is sold as a sleep aid in many pharmacies across Europe.",
        "Trials of valerian in adults with insomnia have found small benefits at best.",
        "Related articles\nWhy we sleep less as we grow older — and why that is not always a problem",
        "Some people report vivid dreams after taking valerian for a week or more.",
    )
    assert "Why we sleep less as we grow older — and why that is not always a problem" in aside


def test_what_follows_a_press_releases_end_mark_is_set_aside():
    release = (
        "Valerian eases sleep in mice, study finds\n\n"
        "Valerian extract helped mice fall asleep faster, researchers at Northfield University reported.\n\n"
        "The team will test valerian in older adults next year, pending funding.\n\n"
        "###\n\n"
        "About the University of Northfield\n\n"
        "The University of Northfield is a public research university with 24,000 students.\n\n"
        "Related news\n\n"
        "New center to study healthy aging opens on north campus\n"
    )
    article = parse_article(release)
    assert not article.has_headings()
    assert [p.text for p in article.paragraphs() if p.boilerplate is None] == [
        "Valerian extract helped mice fall asleep faster, researchers at Northfield University reported.",
        "The team will test valerian in older adults next year, pending funding."]


def test_a_dek_over_the_lead_photos_caption_is_set_aside():
    page = "\n".join([
        "Can Valerian Really Help You Sleep?",
        "A small new trial hints at a benefit for people with insomnia. Sleep experts say it is too early to tell.",
        "A woman lying awake in bed, lit by the glow of a bedside lamp.",
        "Credit...Lena Park for The Metropolitan Times",
        "By Alina Voss",
        "Published March 3, 2025",
        "Every few weeks, a reader writes in with some version of the same question about valerian and sleep.",
        "A new clinical trial offers one of the first direct tests of the question in adults with insomnia.",
    ])
    kinds = {p.text[:20]: p.boilerplate for p in parse_article(page).paragraphs()}
    assert kinds["A small new trial hi"] == "dek"
    assert kinds["Every few weeks, a r"] is None


def test_a_releases_about_block_before_its_end_mark_is_set_aside():
    release = (
        "Valerian eases sleep in mice, study finds\n\n"
        "Valerian extract helped mice fall asleep faster, researchers at Northfield University reported.\n\n"
        "The team will test valerian in older adults next year, pending funding.\n\n"
        "About the University of Northfield\n\n"
        "The University of Northfield is a public research university with 24,000 students.\n\n"
        "###\n"
    )
    article = parse_article(release)
    assert [p.text for p in article.paragraphs() if p.boilerplate is None] == [
        "Valerian extract helped mice fall asleep faster, researchers at Northfield University reported.",
        "The team will test valerian in older adults next year, pending funding."]
    # a label with its statement on the same line leaves the next paragraph alone
    article = parse_article("Valerian and sleep\n\nValerian may ease sleep, a review found.\n\n"
                            "About the study: It was published in Sleep Health on Monday by the team.\n\n"
                            "The authors say larger trials of valerian are needed.\n")
    assert "The authors say larger trials of valerian are needed." in [
        p.text for p in article.paragraphs() if p.boilerplate is None]


def test_a_releases_dek_is_set_aside_with_its_media_contact_between_it_and_the_date():
    release = (
        "Home / News Releases\n"
        "Single valerian dose linked to better sleep in small Northfield study\n"
        "Six months on, most participants reported better sleep; researchers stress the need for trials\n"
        "Media contact: Ann Berg, aberg@northfield.edu, 617-555-0142\n"
        "February 4, 2025\n"
        "People with insomnia who took a single dose of valerian slept longer, a small study found.\n"
        "The researchers say larger trials of valerian are needed before it can be recommended.\n"
    )
    article = parse_article(release)
    kinds = {p.text[:12]: p.boilerplate for p in article.paragraphs()}
    assert kinds["Six months o"] == "dek" and kinds["Media contac"] == "contact"


def test_a_headline_of_two_sentences_over_its_dek_and_byline_is_the_title():
    page = (
        "Skip to main content\n"
        "The Capital Chronicle\n"
        "Sections\n"
        "Subscribe\n"
        "Health\n"
        "Valerian clinics are booming. Doctors worry about the patients who cannot stop.\n"
        "Clinics have put thousands of adults on the herb, many with no sleep problem at all.\n"
        "By Nathan Brooks\n"
        "March 9, 2025 at 6:00 a.m. EST\n"
        "Doctors worry that valerian clinics keep patients on the herb for years, and some patients cannot stop.\n"
        "Over the past five years, valerian clinics have turned the herb into a subscription, doctors say.\n"
    )
    article = parse_article(page)
    assert article.title.text.startswith("Valerian clinics are booming.")
    assert not article.has_headings()


def test_other_news_and_a_summary_boxs_label_stay_out_of_lead_and_outline():
    draft = ("Key Takeaways\n\nValerian did not shorten the time it took to fall asleep in a trial of 200 adults.\n\n"
             "Valerian is a herb whose root is sold as a sleep aid in many pharmacies across the country.\n\n"
             "Experts say people who take sleep medicines should ask a doctor before adding valerian.\n\n"
             "The trial lasted four weeks and compared valerian capsules with a placebo at bedtime.\n\n"
             "In Other News\n\nCity council approves plans for a new riverside park\n\n"
             "Valley hospital names a new chief executive after a national search that lasted months\n\n"
             "Download the Valley 7 News App\n")
    art = parse_article(draft)
    aside = {p.text for p in art.set_aside()}
    assert {"Key Takeaways", "In Other News", "City council approves plans for a new riverside park",
            "Valley hospital names a new chief executive after a national search that lasted months"} <= aside
    assert not [s.heading for s in art.walk() if s.heading]
    # the box's own sentence is the story's: it stays
    assert "Valerian did not shorten the time it took to fall asleep in a trial of 200 adults." not in aside


def test_a_dek_of_whole_sentences_over_the_byline_is_set_aside():
    page = ("Home\nNews\nHealth\n\nValley doctors warn about teens sniffing air duster\n\n"
            "A mother found the cans hidden in her son's room. Doctors say calls like hers are rising.\n\n"
            "By Ann Berg\n\nPublished: 5:58 PM May 2, 2026\n\n"
            "Air duster is sold for cleaning keyboards, and teenagers are inhaling it for a brief high, doctors say.\n\n"
            "The regional poison center took 61 calls about inhalants last year, up from 34 the year before.\n")
    aside = {p.text: p.boilerplate for p in parse_article(page).set_aside()}
    assert aside.get("A mother found the cans hidden in her son's room. Doctors say calls like hers are rising.") == "dek"


def test_a_dek_in_the_run_of_menu_lines_under_the_headline_is_the_dek():
    page = ("Valley Science\nPhysics\nLife\nHealth\nSpace\nHealth\n"
            "A sleep drug can trigger vivid dreams, but the side effects may be a nightmare\n"
            "Volunteers doubled their odds of a lucid night in a small placebo-controlled study\n"
            "By Ann Berg\n9 April 2026\n"
            "The first time Tom Reyes knew he was dreaming, he was standing in his grandmother's kitchen.\n"
            "He had taken the drug at 4am that morning, after waking on purpose, as the trial asked.\n"
            "Now the largest trial of the sleep drug suggests it can trigger vivid dreams, though side effects are common.\n")
    aside = {p.text: p.boilerplate for p in parse_article(page).set_aside()}
    assert aside.get("Volunteers doubled their odds of a lucid night in a small placebo-controlled study") == "dek"


@pytest.mark.parametrize("label", ["Related news", "MOST READ NEWS", "Most popular stories", "Latest from Hauora Health",
                                   "Trending Videos", "More Health Stories", "More local news", "Key points"])
def test_list_labels_with_news_or_stories(label):
    from summarize.corpus.boilerplate import is_list_label

    assert is_list_label(label)


def test_a_headline_of_two_sentences_with_an_abbreviation_is_the_title_over_the_masthead():
    # "3 a.m." ends no sentence: the headline is two sentences, and the menus above it are furniture
    page = "\n".join([
        "Skip to main content", "The Evening Ledger", "Sections", "Health & Science", "Sleep",
        "A once-nightly sleep drug let patients skip the 3 a.m. alarm. Doctors say the old warnings still apply.",
        "New trial results show fewer attacks, but the drug remains tightly controlled",
        "By Ruth Able, Medical Correspondent",
        "February 18, 2026 at 7:00 a.m. EST",
        "For six years, Priya Natarajan set two alarms every night to take the second half of her medication.",
        "A new once-nightly version of the drug cut sudden attacks of muscle weakness in a trial of 200 adults.",
        "Doctors say patients who want to switch should talk to their sleep specialist first.",
    ])
    a = parse_article(page)
    assert a.title.text.startswith("A once-nightly sleep drug")
    assert [s.heading for s in a.walk() if s.heading] == []


def test_a_byline_with_the_outlet_before_the_role_is_a_byline():
    assert furniture_reason("Eamon Whitlock-Reyes, Chronicle health reporter") == "byline"
    assert furniture_reason("Dana Price, Valley Post staff writer") == "byline"


def test_a_name_and_the_sites_name_under_the_headline_is_the_byline_not_a_dek():
    page = ("ValleyPost\nHealth | Well | Food | Video\n"
            "The sleep pill millions of older adults take may raise their risk of falls, study suggests\n"
            "Dana Price, ValleyPost\nUpdated 6:48 AM EDT, Mon April 13, 2026\n(ValleyPost) —\n"
            "Ruth Lane remembers the week she decided to stop taking her sleeping pill after a fall on her porch.\n"
            "A large new study suggests the trade-offs she ran into are common among older adults who take it.\n")
    aside = {p.text: p.boilerplate for p in parse_article(page).set_aside()}
    assert aside.get("Dana Price, ValleyPost") == "byline"
    # a dek whose words the page prints nowhere else is still the dek
    page = page.replace("Dana Price, ValleyPost\n", "Older Adults, Falls Rising\n")
    aside = {p.text: p.boilerplate for p in parse_article(page).set_aside()}
    assert aside.get("Older Adults, Falls Rising") == "dek"


def test_a_two_sentence_headline_over_a_dek_that_shares_more_words_with_the_story_is_still_the_title():
    page = ("The Harbour Ledger\nMenu\nSearch\nLife / Health\n"
            "Ice baths may lift mood a little, a trial finds. Cardiologists want you to know the risks first.\n"
            "Six weeks of brief cold-water immersion eased mild depressive symptoms in a small study\n"
            "Rosa Marsh\nHealth Reporter\nPublished Mar 2, 2026\n"
            "At dawn, with ice along the shoreline, Martin Hale walks into the harbour up to his chest and counts to ninety.\n"
            "A small study of cold-water immersion offers some of the first controlled evidence for cold water and mood.\n"
            "Adults with mild depressive symptoms took brief cold-water immersion four times a week for six weeks.\n")
    article = parse_article(page)
    assert article.title.text.startswith("Ice baths may lift mood")
    aside = {p.text: p.boilerplate for p in article.set_aside()}
    assert aside.get("Six weeks of brief cold-water immersion eased mild depressive symptoms in a small study") == "dek"



def test_a_headline_over_a_longer_dek_that_shares_more_words_with_the_story_is_still_the_title():
    # the dek repeats the story's words ("chewers", "dependence"); the headline's are its own
    page = ("THE HARBOUR POST\nNews\nCounties\nHealth\nSport\nSubscribe\nHealth\n"
            "Betel chewing leaves young riders in Kisauni sleepless and struggling to quit, study finds\n"
            "Researchers say one in three regular chewers reported signs of dependence, as county rules on the leaf remain in court\n"
            "By Mary Achieng\nTuesday, March 3, 2026\n"
            "Every morning in Kisauni, Omari Said, 31, buys two packets of betel before his first ride of the day.\n"
            "A new study of regular chewers by the coast institute suggests he is far from alone.\n"
            "About one in three regular chewers in the survey reported signs of dependence on most days.\n"
            "Chewers said cravings and irritability came on when they could not chew.\n")
    article = parse_article(page)
    assert article.title.text.startswith("Betel chewing leaves young riders")
    aside = {p.text: p.boilerplate for p in article.set_aside()}
    assert aside.get("Researchers say one in three regular chewers reported signs of dependence, "
                     "as county rules on the leaf remain in court") == "dek"


def test_a_dek_in_the_menu_run_over_the_writers_name_and_role_is_the_dek():
    # the byline is two lines: the name alone, then the role; the dek stands over both
    page = ("The Harbour Times\nHome\nSingapore\nHealth\nOpinion\nSubscribe\nHEALTH\n"
            "'Herbal' sleep capsules sold online contained a prescription sedative, tests show\n"
            "Three products sold as remedies for insomnia were found to contain a prescription-only sleeping pill\n"
            "Rachel Tan Wei Ling\nHealth Correspondent\nPublished Mar 14, 2026, 05:00 AM\n"
            "For almost two years, Madam Lim Soo Chin slept better than she had in a decade.\n"
            "Tests by the health products board found a prescription sleeping pill in the capsules she took.\n"
            "The board said it had received 11 reports of people who became unwell after taking the capsules.\n")
    article = parse_article(page)
    assert article.title.text.startswith("'Herbal' sleep capsules")
    aside = {p.text: p.boilerplate for p in article.set_aside()}
    assert aside.get("Three products sold as remedies for insomnia were found to contain a prescription-only "
                     "sleeping pill") == "dek"


@pytest.mark.parametrize("dek,sentence", [
    ("Survey of 640 adults finds one in four drinks the tonic daily", "A survey of 640 adults finds one in four drinks the tonic daily."),
    ("Analysis of records shows the drug is misused", "An analysis of records shows the drug is misused."),
    ("Harvard study finds the pills work", None),  # a name, not a word, before the noun
    ("Kratom sold at gas stations", None),  # not a bare count noun
    # a plural subject and its verb: a sentence already, no article to add
    ("Emergency doctors report panic attacks linked to HHC, a lab-made cousin of cannabis", None),
    ("Parents test the gummies for a week at home", None),
])
def test_a_headline_ese_dek_that_lacks_only_its_article_is_restated(dek, sentence):
    from summarize.corpus.text import headline_as_sentence

    assert headline_as_sentence(dek) == sentence


def test_a_review_date_at_a_leaflets_foot_is_no_byline_under_a_headline():
    # (read as one, everything above a "headline" would have been set aside as the site's menus)
    para = "Valerian is a herbal sleep aid sold in pharmacies, and it comes as tablets, capsules and teas."
    foot = ("Leaflet produced by: Pharmacy Department and Sleep Clinic\nLeaflet reviewed: March 2026\n"
            "Next review due: March 2028\nReference: PHA-VAL-0417, Version 3\n© Northgate Hospital")
    leaflet = "\n\n".join(["Northgate Teaching Hospitals Health Foundation Trust\nPharmacy Department\nPatient information",
                            "Valerian tablets for sleep", para,
                            "Why have I been given valerian tablets?", para, "How should I take valerian tablets?", para,
                            para, "Can I become dependent on valerian tablets?", para, foot])
    article = parse_article(leaflet)
    headings = [sec.heading for sec in article.walk() if sec.heading]
    assert {"Why have I been given valerian tablets?", "How should I take valerian tablets?",
            "Can I become dependent on valerian tablets?"} <= set(headings)

@pytest.mark.parametrize("line,reason", [
    # a page's text-size controls, pasted one per line
    ("Normal text size", "widget"),
    ("Very large text size", "widget"),
    ("Resize", "widget"),
    ("A- A+", "widget"),
    # a writer's role line with two beats
    ("Science and Technology Reporter", "byline"),
    # captions credited in brackets, glued to an agency, or after "Image source:"
    ("Melatonin gummies are sold in most pharmacies in Perth. (SBN News: Ann Berg-Lowe)", "caption"),
    ("Use of the sprays was highest among women aged 30 to 40 (stock image)NORTHWIRE IMAGES", "caption"),
    ("Valerian root is usually brewed as a tea. Image source: Northfield Pictures", "caption"),
    # a podcast promo, a masthead's date with its weather
    ("Listen to The Body Clock Podcast: this week, why teenagers sleep late", "widget"),
    ("Tuesday, March 3, 2026 | 52°F Cloudy", "timestamp"),
])
def test_furniture_of_text_size_controls_bracketed_credits_and_mastheads(line, reason):
    assert furniture_reason(line) == reason


@pytest.mark.parametrize("line", [
    "Resize the dose gradually, the pharmacist said.",
    "Listen to your body and podcasts about sleep will matter less, she said.",
    "Health and safety",
    "The temperature was 48°F when the runners set off.",
])
def test_prose_near_the_new_furniture_forms_stays_prose(line):
    assert furniture_reason(line) is None


def test_a_thousand_character_word_sets_its_paragraph_aside():
    # an inlined image's data or a pasted hash: no prose, and no pattern need read it
    assert furniture_reason("x" * 1000) == "blob"
    assert furniture_reason("See " + "ab" * 600 + " here.") == "blob"
    assert furniture_reason("A long word: " + "y" * 200 + ".") is None
    draft = ("Kratom is a tropical tree whose leaves are sold as a supplement.\n\n" + "a" * 5000 + "\n\n"
             "Regular use can cause dependence and withdrawal, and more research is needed.\n")
    article = parse_article(draft)
    assert [p.boilerplate for p in article.paragraphs()].count("blob") == 1
    assert "aaaa" not in article.prose()


@pytest.mark.parametrize("line,reason", [
    ("ADVERT", "advertisement"),
    ("Advert", "advertisement"),
    ("Vape pens on sale at a corner shop in Leeds. (NBC4/Jane Doe-Smith)", "caption"),
    ("Author information", "widget"),
    ("Affiliations expand", "widget"),  # PubMed's toggle pasted with its label
    ("Sign up to The Harbour Sentinel's free morning briefing", "widget"),
    ("Last reviewed: 3 March 2026 | Next review due: March 2029", "timestamp"),
    # a hospital leaflet's foot
    ("Leaflet produced by: Pharmacy Department and Sleep Clinic", "contact"),
    ("Leaflet reviewed: March 2026", "timestamp"),
    ("Reference: PHA-VAL-0417, Version 3", "citation"),
    ("Reference groups differed in age.", None),
    ("If you would like this leaflet in large print, Braille or another language, please call the Patient Advice "
     "Service on 0161 496 0730 or email advice@northgate.example", "disclosure"),
    ("Next review of the drug is due in 2027 after the trial ends.", None),
    ("This information is for general guidance only and is not a substitute for professional medical advice.",
     "disclosure"),
    # prose with a slash in brackets, and about advertising, stays
    ("Kratom is sold online (FDA/CDC data show rising use).", None),
    ("Advertising rules for supplements are loose.", None),
])
def test_an_advert_marker_a_slash_credit_and_an_abstracts_author_block(line, reason):
    assert furniture_reason(line) == reason


@pytest.mark.parametrize("line,reason", [
    ("Lindqvist-Okafor H(1), Barrientos-Hale M(2), Nwosu-Takeda R(1).", "byline"),
    ("(1)Department of Clinical Pharmacy, Lakeside University, Lagos, Nigeria.", "byline"),
    ("3 Headache Research Unit, Northgate University, Leeds, United Kingdom.", "byline"),
    ("2 Patients at University Hospital were given the drug.", None),
])
def test_an_abstracts_numbered_authors_and_affiliations_are_furniture(line, reason):
    assert furniture_reason(line) == reason


def test_an_abstract_pages_title_over_its_authors_is_its_title():
    draft = ("J Sleep Res. 2026 Apr;12(2):41-50. doi: 10.5532/jsr.2026.0088.\n"
             "Melatonin use among adolescents: a cross-sectional survey\n"
             "Okafor H(1), Hale M(2), Takeda R(1).\n"
             "(1)School of Pharmacy, Lakeside University, Leeds, UK.\n"
             "BACKGROUND: Melatonin is widely used by adolescents without medical advice in many countries.\n"
             "CONCLUSIONS: Melatonin use was common, and more research on its long-term safety is needed.\n")
    article = parse_article(draft)
    assert article.title is not None and article.title.text.startswith("Melatonin use among adolescents")
    assert all("Lakeside" not in p.text and "Okafor" not in p.text for p in article.content_paragraphs())


def test_a_place_alone_between_the_byline_and_the_date_is_a_dateline_not_a_heading():
    page = ("THE VALLEY STANDARD\nHealth\nValerian gummies send more older adults to hospital, study finds\n"
            "Jane Okafor-Lind\nHealth reporter\nHalifax\nPublished May 8, 2026\nShare\n"
            "Emergency visits for valerian poisoning among adults over 65 rose fourfold in five years, a study found.\n\n"
            "Most visits ended the same day, and researchers said the gummies were often mistaken for sweets.\n")
    article = parse_article(page)
    assert all(s.heading != "Halifax" for s in article.walk()), [s.heading for s in article.walk()]
    assert ("dateline", "Halifax") in [(p.boilerplate, p.text) for p in article.set_aside()]


@pytest.mark.parametrize("line, reason", [
    ("5 min. read", "widget"),
    ("You have 2 free articles remaining this month. Subscribe for unlimited access.", "widget"),
    ("Video player loading...", "widget"),
    ("Skip Navigation", "widget"),
    ("Ana Ruiz says she had no idea the gummies she took for sleep all contained valerian. (Supplied)", "caption"),
    ("Valerian tea on a kitchen bench in Perth. (Supplied: Ana Ruiz)", "caption"),
])
def test_reading_times_paywall_meters_players_and_bracketed_supplied_credits(line, reason):
    assert furniture_reason(line) == reason


@pytest.mark.parametrize("line", [
    "You have 2 options: stop the drug or lower the dose.",
    "The pharmacy supplied the capsules (supplied by the maker in 2024).",
    "Read the label: 5 min. of steam is enough.",
])
def test_prose_near_paywall_and_credit_forms_stays_prose(line):
    assert furniture_reason(line) is None


def test_a_clips_title_under_its_player_and_a_masthead_under_a_paywall_meter_stay_out_of_the_outline():
    page = "\n".join([
        "You have 2 free articles remaining this month. Subscribe for unlimited access.",
        "Subscribe | Log in | e-Edition",
        "THE VALLEY COURIER",
        "LOCAL NEWS",
        "Valerian drips are popping up across the valley. Doctors say the science is thin.",
        "By Ana Ruiz",
        "Nov 12, 2025",
        "Video player loading...",
        "Valley News at 6: Doctors question valerian drips",
        "",
        "Valerian drips are sold at five clinics in the valley, according to county records.",
        "",
        "Doctors say the claims rest largely on studies in mice, and nobody knows the long-term effects.",
    ])
    a = parse_article(page)
    assert a.title.text.startswith("Valerian drips are popping up")
    headings = [s.heading for s in a.walk() if s.heading and not s.generated]
    assert headings == [], headings
    aside = {p.text: p.boilerplate for p in a.set_aside()}
    assert aside.get("Valley News at 6: Doctors question valerian drips") == "caption", aside


def test_a_caption_over_a_bare_supplied_credit_is_set_aside():
    page = "\n".join([
        "Iron infusions have tripled, and many go to people who are not anaemic",
        "By Aroha Kingi",
        "12 May 2026",
        "Hannah Rewi has had four iron infusions in two years. She paid for three of them herself.",
        "SUPPLIED",
        "The number of iron infusions given in New Zealand has more than tripled in five years, a study found.",
        "Doctors say many of them go to people who are not anaemic and may get little benefit.",
    ])
    aside = {p.text: p.boilerplate for p in parse_article(page).set_aside()}
    assert aside.get("SUPPLIED") == "caption", aside
    assert aside.get("Hannah Rewi has had four iron infusions in two years. She paid for three of them herself.") == "caption"


def test_a_press_releases_headline_and_dek_stand_over_its_dateline_paragraph():
    # no byline or date line under the headline: the release's first paragraph opens on its dateline
    page = ("Eastbrook University\nNewsroom\nNews Releases\nFOR IMMEDIATE RELEASE\n"
            "Group sleep coaching eased insomnia in night-shift nurses, Eastbrook pilot study finds\n"
            "Small, open-label study of 40 nurses on night shifts is the first to test the program in a U.S. teaching hospital\n"
            "Media contact: Ann Lee | alee@eastbrook.edu | 555-0100\n\n"
            "BALTIMORE, April 2, 2026 — Six weeks of group sleep coaching were followed by longer sleep among "
            "night-shift nurses, according to a pilot study of the program.\n\n"
            "The nurses slept 40 minutes longer on average, though the study had no control group.\n")
    a = parse_article(page)
    assert a.title is not None and a.title.text.startswith("Group sleep coaching")
    aside = {p.text: p.boilerplate for p in a.set_aside()}
    assert aside.get("Small, open-label study of 40 nurses on night shifts is the first to test the program in a U.S. "
                     "teaching hospital") == "dek"


def test_a_press_releases_headline_stands_over_a_dateline_with_the_day_before_the_month():
    page = ("NEWS RELEASE\nFOR IMMEDIATE RELEASE\n"
            "Five-minute breathing app eased exam nerves in students, Avonmere trial finds\n"
            "Students who used the app daily reported less worry after eight weeks, but the effect was modest\n"
            "BRISTOL, England, 12 January 2026 — Students who spent five minutes a day on a breathing app "
            "reported less worry during exams than classmates who waited to use it.\n\n"
            "The trial enrolled 412 undergraduates from three faculties.\n")
    a = parse_article(page)
    assert a.title is not None and a.title.text.startswith("Five-minute breathing app")
    assert not [s.heading for s in a.sections if s.heading]


@pytest.mark.parametrize("line, kind", [
    ("Jess Calloway · Merrigal Advocate · Posted: Tue 10 Mar 2026, 5:30am | Last Updated: Tue 10 Mar 2026, 11:02am",
     "byline"),
    ("Priya Raman · Posted: Feb 10, 2026 5:00 AM CST", "byline"),
    # words joined by dots, no person and no time: not a byline
    ("Kava · Sleep · Anxiety", None),
])
def test_a_name_an_outlet_and_the_time_joined_by_dots_is_a_byline(line, kind):
    assert furniture_reason(line) == kind


@pytest.mark.parametrize("line, expected", [
    ("Parents told never to put a weighted blanket on a baby or toddler", True),
    ("Teens urged to avoid energy drinks before exams", True),
    # the active verb takes its object, or a clause, first
    ("Parents told reporters that the blanket helped", False),
    ("Doctors warned that the drug can be habit-forming", False),
    # a source with no article closing the line
    ("Nearly 1 in 4 users said they quit their medication, Calgary-led study finds", True),
    ("Nearly 1 in 4 users said they quit their medication, a new study finds", False),
    ("Nearly 1 in 4 users said they quit their medication, doctors say", False),
])
def test_a_passive_without_its_are_or_a_source_without_its_article_is_headline_ese(line, expected):
    from summarize.corpus.text import headlinese

    assert headlinese(line) is expected


def test_a_dek_the_menu_run_swallowed_with_its_headline_is_still_the_dek():
    page = ("City News\nMenu\nTop Stories\nLocal\nCanada\nWorld\nHealth\nOpinion\nListen\nSaskatoon\n"
            "Taking painkillers too often can cause more headaches, Saskatoon clinic warns\n"
            "A local headache centre says 1 in 4 of its new patients has rebound headaches from painkillers\n"
            "Kat Whitford · City News · Posted: Mar 03, 2026 6:00 AM CST\nSocial Sharing\n"
            "The pills people reach for when a headache strikes may be keeping some of them in pain, specialists say.\n"
            "The centre reviewed the files of 1,260 patients and found that a quarter had the condition.\n"
            "Taking painkillers on too many days can cause more headaches, not fewer, its doctors warn.\n"
            "Cutting back on the painkillers usually brings the headaches down within weeks.\n")
    aside = {p.text: p.boilerplate for p in parse_article(page).set_aside()}
    assert aside.get("A local headache centre says 1 in 4 of its new patients has rebound headaches from "
                     "painkillers") == "dek"


@pytest.mark.parametrize("line, kind", [
    ("Sachets of herbal coffee seized in a raid on a warehouse in Klang last month.Pic: Hafiz Osman/KiniTimes", "caption"),
    ("WellNest Health provides general information only and is not a substitute for medical advice.", "disclosure"),
    ("Vendor Mai Nyoni sells dried leaves at the market in Harare on Wednesday.(Picture: Tino Gumbo/ZimNews)", "caption"),
    ("Join our WhatsApp channel for breaking news and updates", "contact"),
    # a writer and their job after a slash is a byline; a photographer and the outlet, a credit
    ("Tanisha Whyte-Campbell/Health Reporter", "byline"),
    ("Ricardo Makyn/Staff Photographer", "caption"),
    # an audio player's label with its length
    ("Audio: Listen to this story (3:12)", "widget"),
    ("Listen · 8 min", "widget"),
    ("Listen to your body, doctors say, and stop if it hurts.", None),
    # a page's counters
    ("Views: 3,214", "widget"),
    ("1.2k reads", "widget"),
    ("Views differ: 3 of the 12 doctors disagreed.", None),
    ("Get the Kampala Sentinel on WhatsApp. Follow our channel for breaking news.", "contact"),
    ("Follow our channel for breaking news.", "contact"),
    ("Get the latest on WhatsApp alerts from your clinic, she said.", None),
    ("Follow our advice for the latest guidance on doses, she said.", None),
    # a newsroom's reprint box, a paywall's placeholder, a release's markers, a published-and-updated line
    ("Republish This Story", "widget"),
    ("Use Our Content", "widget"),
    ("Article content", "widget"),
    ("FOR IMMEDIATE RELEASE", "widget"),
    ("NEWS RELEASE", "widget"),
    ("Published Feb 24, 2026  •  Last updated Feb 24, 2026  •  4 minute read", "widget"),
    ("News release dates were set by the agency.", None),
    # a menu whose items are set apart by runs of spaces; prose with double spaces stays prose
    ("Topics   Investigations   States   Podcasts   Newsletters   Donate", "navigation"),
    ("The drug is   sold in   many shops   and online.", None),
    # advice and invitations in the story's own words stay prose
    ("Doctors say the pills are not a substitute for medical advice.", None),
    ("Join the group of researchers who study sleep, she said.", None),
    ("Join our team of volunteers, she urged, because the clinic is understaffed and needs help.", None),
])
def test_credits_a_sites_general_information_note_and_a_channel_invitation_are_furniture(line, kind):
    assert furniture_reason(line) == kind


def test_the_headlines_under_a_related_posts_label_are_related_links():
    page = ("Harare Daily\nZumbani tea sales soar as the cold season bites\nBy Ruth Chikwanha\n20 November 2026\n"
            "Bundles of dried zumbani leaves are selling fast at market stalls this month.\n"
            "A survey of 1,040 adults found that most had drunk the tea in the past year.\n"
            "Doctors said strong brews taken for weeks may upset the stomach.\n"
            "Related Posts\nMarket vendors count losses after council raids\n"
            "Ministry of Health warns of early start to flu season\n"
            "Copyright © 2026 Harare Daily. All rights reserved.\n")
    article = parse_article(page)
    aside = {p.text: p.boilerplate for p in article.set_aside()}
    assert aside.get("Related Posts") == "related"
    assert aside.get("Market vendors count losses after council raids") == "related"
    assert aside.get("Ministry of Health warns of early start to flu season") == "related"
    assert all(e.heading != "Market vendors count losses after council raids" for e in article.headings_outline())
