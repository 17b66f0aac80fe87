"""Web-page furniture: lines of a pasted web page that are not part of the article's prose.

Bylines, datelines, photo captions and credits, "Advertisement", related links, "For more …,
visit …", "Write to … at …", "Follow … on Twitter", copyright lines, share/comment/newsletter
widgets and timestamps. The rules are general (a short line plus a pattern cue), not lists of
sites: furniture is short and formulaic, prose is neither. ``furniture_reason`` names why a
paragraph is furniture (or returns None); the parser keeps such paragraphs in the body byte for
byte and sets them aside from headings, the outline, the lead and the caveat filter.
"""
from __future__ import annotations

import re
from functools import lru_cache

from summarize.corpus.text import LOWER_LETTERS, UPPER_LETTERS

# Furniture is short: a line longer than this is prose whatever it starts with.
MAX_FURNITURE_WORDS = 25
# Publishing notes (funding, republication, sourcing policy) run to a paragraph.
MAX_DISCLOSURE_WORDS = 100
# Captions can be a full sentence or two before their credit.
MAX_CAPTION_WORDS = 60
# A widget line is a handful of button labels ("Share Tweet Email").
MAX_WIDGET_WORDS = 8

_F = re.IGNORECASE
MAX_WORD_CHARS = 1000  # a "word" this long is no prose (an inlined image's data, a pasted hash)
_BLOB = re.compile(rf"\S{{{MAX_WORD_CHARS}}}")
_END = r"\s*[.:!…]*\s*$"

_NAME = r"(?:Dr\.?\s+)?[A-Z][\w'’.-]*(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]*|de|van|von|da|del|la|le|bin|al-?))*"
_NAMES = rf"{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*"
_BYLINE = [
    # an abstract's numbered affiliation: "(1)School of Pharmacy, University of …, Adelaide, Australia."
    re.compile(r"^(?:\(\d{1,2}\)|\d{1,2}\s)\s*(?![^!?]*\b(?:is|are|was|were|has|have|had|took|received|given)\b)"
               r"[A-Z][^.!?]{0,80}\b(?:University|Hospital|Institute|School|Centre|Center|"
               r"Department|College|Faculty|Clinic|Foundation|Unit|Laboratory)\b[^!?]{0,120}$"),
    # "By Jane Doe, CNN" / "By Jane Doe and John Roe" (a name: capitalised words, not "The ...")
    re.compile(rf"^(?i:by):?\s+(?!The\b){_NAMES}\s*(?:(?:,|\||–|—|-)\s*.{{0,60}})?$"),
    # "Author: Jane Doe", "Authors: Jane Doe and John Roe", "Reporter: Jane Doe"
    re.compile(rf"^(?i:authors?|reporter|written\s+by|words)\s*:\s*{_NAMES}\s*(?:,\s*.{{0,40}})?$"),
    # "Jane Doe | Reuters", "Jane Doe, CNN" (an all-caps outlet), "Jane Doe, Staff Writer"
    re.compile(rf"^{_NAME}\s+[A-Z][\w'’-]+\s*[|·•]\s*\S.{{0,50}}$"),
    # (the outlet may stand before the role: "Jane Doe, Chronicle health reporter")
    re.compile(rf"^{_NAME}\s+[A-Z][\w'’-]+,\s*(?:[A-Z]{{2,}}\b.{{0,40}}|(?:[A-Z][\w'’&.-]*\s+){{0,2}}(?i:(?:(?:senior|staff|contributing|health|science|"
               r"medical|consumer|chief|deputy|associate|wellness|lifestyle|political|social\s+affairs)\s+){0,2}"
               r"(?:writer|reporter|correspondent|editor|contributor))\b.{0,40})$"),
    re.compile(r"^(?:medically\s+|fact[- ]checked\s+and\s+)?(?:reviewed|written|fact[- ]checked|edited|posted|"
               r"reported)\s+by\s+\S", _F),
    re.compile(r"^\(?(?:additional\s+)?(?:reporting|writing|editing)\s+by\s+\S", _F),
    re.compile(r"^with\s+files\s+from\s+(?:the\s+)?[A-Z][\w&.'’ -]{1,60}$", _F),
    # a contributor's credit: "Special to the Valley Courier"
    re.compile(r"^(?i:special\s+to\s+(?:the\s+)?)[A-Z][\w&.'’ -]{1,50}$"),
    # an author with an affiliation: "Elena Vasquez-Moore, Lakeshore State University"
    re.compile(rf"^{_NAME},\s+(?:[A-Z][\w'’.&-]*\s+){{0,5}}(?:University|College|Institute|Hospital|School|Cent(?:er|re)|"
               r"Clinic|Foundation)\b[\w'’.&, -]{0,60}$"),
    # a numbered affiliation under an author list: "1 Department of Nutrition, University of …"
    re.compile(r"^\d{1,2}\s+(?:Department|Dept\.|Division|School|Faculty|Institute|Cent(?:er|re)|Unit|Laboratory|College|"
               r"Program(?:me)?)\s+(?:of|for)\b.{0,160}$"),
    # the author's note: "Jane Doe is a health reporter for The Times, covering …"
    re.compile(rf"^{_NAME}\s+is\s+(?:an?|the)\s+(?:[\w'’-]+\s+){{0,3}}(?i:reporter|writer|correspondent|editor|journalist|columnist)\b"),
    re.compile(rf"^{_NAME}\s+(?:covers|writes\s+about|reports\s+on)\s+\S"),
    # a reviewer's name with credentials: "Dr. Priya Menon, M.D."
    # (a bare "DO", "MS" or "RN" only after a comma: "WHAT TO DO" is a heading)
    re.compile(rf"^{_NAME}(?:,?\s+(?:M\.?D|Ph\.?D|R\.?D|MPH|D\.O|MSc|DNP|PharmD)|,\s+(?:RN|DO|MS))\.?$"),
    # the author's photo: "Headshot of Jane Doe"
    re.compile(r"^(?i:headshot|portrait)\s+of\s+(?:[A-Z][\w'’.-]*\s*){1,4}$"),
    # the byline's role line: "AP Medical Writer", "Health correspondent", "Senior Staff Writer"
    re.compile(r"^(?:[A-Z][\w.&'’-]*\s+(?:(?:and|&)\s+)?){0,4}(?i:(?:senior\s+|staff\s+|contributing\s+|health\s+|medical\s+|science\s+)?"
               r"(?:writer|reporter|correspondent|editor|contributor|columnist))s?" + _END),
    # "CNN's Jane Doe contributed to this report.", "The Associated Press contributed reporting."
    re.compile(r"^(?:[A-Z][\w'’.&-]*\s+){1,6}(?:also\s+)?contributed\s+(?:reporting|"
               r"to\s+(?:this|the)\s+(?:report|story|article))" + _END),
    # "Wire Health reporter Mele Havili contributed from Nuku'alofa, Tonga."
    re.compile(r"^(?:[A-Z][\w'’.&-]*\s+|(?i:reporter|writer|correspondent|editor)\s+){1,8}(?:also\s+)?contributed\s+"
               r"(?:reporting\s+)?(?:from|in)\s+[A-Z][\w'’.-]*(?:[\s,]+[A-Z][\w'’.-]*){0,4}" + _END),
]
# A dateline opens the first paragraph: "(CNN) — ", "LONDON (Reuters) - ", "NEW YORK, March 5 (AP) — ".
DATELINE = re.compile(
    # a city in capitals, then a state or country ("LOUISVILLE, Ky.", "ATLANTA, Georgia") and/or a date
    r"^(?:[A-Z][A-Z.'-]+(?:[ ,]+[A-Z][A-Z.'-]+)*(?:,\s*(?:[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?=\s*[(,]))?"
    r"(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*)?"
    r"\([A-Z][\w.&' ]{0,30}\)\s*[-–—]+\s*"
    # without an outlet, a city in capitals, and a sentence that starts after the dash
    # ("WASHINGTON — ", "WICHITA, Kan. — ", "LONDON, March 5 — ", "BALTIMORE, April 2, 2026 — ")
    # (or a day before its month: "BRISTOL, England, 12 January 2026 — ")
    r"|^[A-Z]{3,}(?:[ ,]+[A-Z]{2,})*(?:,\s*(?:[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"
    r"(?=\s*[–—]|,\s*(?:\d{1,2}\s+)?[A-Z][a-z]+\.?\s+\d)))?"
    r"(?:,\s*(?:[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]+\.?(?:\s+\d{4})?))?"
    r"\s*[–—]\s*(?=[A-Z\"“‘'])"
    # a press release's, in title case: "Eastbrook, Ohio — ", "Palo Alto, Calif. — "
    r"|^[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2},\s+(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.)"
    r"\s*[–—]\s*(?=[A-Z\"“‘'])"
)
_DATELINE_ALONE = re.compile(r"^\([A-Z][\w.&' ]{0,30}\)\s*[-–—]*$")
# A photographer's name in a credit: "Jane", "O'Neil", "McAllister", "Mitchell-Tao".
_NAME = rf"(?:Mc|Mac|O['’])?[{UPPER_LETTERS}][{LOWER_LETTERS}'’]+(?:-[{UPPER_LETTERS}]?[{LOWER_LETTERS}'’]+)*"
# A photo's buttons: "Enlarge this image", "toggle caption", "Open this photo in gallery:" (alone,
# or a caption's widget line: ``_CAPTION_WIDGET``)
_PHOTO_BUTTONS = (r"enlarge this image|hide caption|toggle caption|click to enlarge|"
                  r"(?:open|view|see)\s+(?:this\s+)?(?:photo|image|picture)s?\s+in\s+(?:the\s+)?gallery")
_CAPTION = [
    re.compile(r"^(?:file\s+)?(?:photo|photograph|image|picture|illustration|graphic|video|caption|credit)s?"
               r"(?:\s+(?:credit|source|illustration|caption))?\s*(?::|by\b)", _F),
    re.compile(rf"^(?:{_PHOTO_BUTTONS}|view (?:image|gallery)|expand\s+(?:this\s+)?(?:image|photo))" + _END, _F),
    # a caption pasted with its widget text in front, or with its credit line at the end
    re.compile(r"^(?:enlarge this image|hide caption|toggle caption)\b", _F),
    re.compile(r"\b(?:photo|image|picture|video)\s+(?:credit|courtesy)\s*:\s*(?:[^\s.!?]+\s*){1,5}" + _END, _F),
    # A credit closing the caption: "(Getty Images)", "(AP Photo/Jane Doe)", "Jane Doe/Getty Images".
    re.compile(r"\((?:[^()]*\b(?:Images?|Photos?|Photograph|Pictures?|Pic|Illustration|Credit)\b[^()]*)\)" + _END),
    # "… harm reduction group. (KVGN photo/Jane Doe)", "… teenagers. (Jane Doe for The Sentinel)"
    re.compile(r"[.!?][\"”’']?\s*\([^()]*\b(?i:photo|photograph|image|illustration)s?\s*/\s*[A-Z][^()]{1,60}\)" + _END),
    re.compile(r"[.!?][\"”’']?\s*\(" + _NAME + r"(?:\s+" + _NAME + r"){1,2}\s+for\s+(?:The\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4}\)" + _END),
    re.compile(r"\b[A-Z][\w.]*\s*/\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s+Images" + _END),
    re.compile(r"\b(?:[A-Z]{2,}|AP Photo)\s*/\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*" + _END),
    re.compile(r"^!\[[^\]]*\]\([^)]*\)" + _END),  # a Markdown image
    # a caption glued to its credit: "… in a given yearALAMY", "… influencer videosImage: Getty",
    # "… from the study.Photo by Jane Doe/Westbrook University"
    re.compile(r"(?<=[a-z.])(?:ALAMY|GETTY(?:\s+IMAGES)?|SHUTTERSTOCK|REUTERS|AFP|PA\s+WIRE|EPA)\s*$"),
    re.compile(r"(?<=[a-z.])(?:Image|Photo|Photograph|Picture|Pic|Credit)s?\s*:\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
               r"(?:\s*/\s*(?:[A-Z][\w'’&.-]*\s*){1,5})?\s*$"),
    re.compile(r"(?<=[a-z.])(?:Photo|Photograph|Photography|Image|Picture)s?\s+by\s+[A-Z][^.!?]{2,80}$"),
    # … with the outlet's name first and a photographer's initial: "… on Friday.Post Photo by R. Senthil Kumar"
    re.compile(r"(?<=[a-z][.!?])(?:[A-Z][\w&'’-]*\s+){1,3}(?:Photo|Photograph|Image|Picture)s?\s+by\s+"
               r"[A-Z](?:\.|[\w'’-]+)(?:\s+[A-Z](?:\.|[\w'’-]+)){0,4}\s*$"),
    # a credit in capitals after the caption's stop: "… on March 6.ST PHOTO: JANE DOE", "… . FILE PHOTO: REUTERS"
    re.compile(r"[a-z0-9][.!?][\"”’']?\s*(?:[A-Z]{2,6}\s+)?(?:FILE\s+)?(?:PHOTO|PHOTOS|PICTURE|IMAGE|GRAPHIC)S?\s*:\s*"
               r"[A-Z][A-Z'’.-]*(?:\s+[A-Z][A-Z'’.-]*){0,4}\s*$"),
    # "… at her home in Winnipeg on March 2.Darcy Lemieux/The Prairie Herald": a photographer and
    # the outlet, glued to the caption's stop
    re.compile(r"[a-z0-9][.!?][\"”’']?(?:[A-Z][\w'’-]+\s+){1,2}[A-Z][\w'’-]+\s*/\s*(?:[A-Z][\w'’&.-]*\s*){1,5}$"),
    re.compile(r"[.!?][\"”’']?\s+(?:Photo|Photograph|Photography|Image|Picture|Illustration)s?\s+by\s+[A-Z][^.!?]{2,80}$"),
    # "… feeds. Photo / Supplied", "… feeds. Photo / Jane Doe": a New Zealand credit
    re.compile(r"[.!?][\"”’']?\s+(?:Photo|Image|Picture|Illustration|Video)s?\s*/\s*(?:Supplied|Handout|File|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*$"),
    # the outlet before the photographer, glued to the stop: "… last week.Chronicle/Jane Doe"
    re.compile(r"[a-z0-9][.!?][\"”’']?(?:[A-Z][\w&.'’-]*\s+){0,3}[A-Z][\w&.'’-]*\s*/\s*(?:[A-Z][\w'’-]+\s+){1,2}[A-Z][\w'’-]+\s*$"),
    # a station's call letters glued to the stop: "… at her home in Pueblo on Monday.KCRV"
    re.compile(r"[a-z0-9][.!?][\"”’']?[A-Z]{2,6}(?:[\s-]+\d{1,2})?\s*$"),
    # a credit glued to the stop with a slash or bars: "… on Tuesday.WKTB 8 Photo/Jane Doe",
    # "… Kilifi County.Photo | Jane Doe | Coast Mirror"
    re.compile(r"[a-z0-9][.!?][\"”’']?\s*(?:[A-Z0-9][\w&.'’-]*\s+){0,3}(?:Photo|Photograph|Picture|Image|Pic)s?\s*[/|]\s*"
               r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s*[/|]\s*(?:[A-Z][\w'’&.-]*\s*){1,5})?\s*$"),
    # a one-word credit glued to the caption's stop: "… outside his Raumati home.Supplied"
    re.compile(r"[a-z0-9][.!?][\"”’']?(?:Supplied|Handout|Reuters|Shutterstock|iStock|Alamy|Getty(?:\s+Images)?)\s*$"),
    # "… since starting on the gummies Credit: Supplied": a tabloid's credit after a space
    re.compile(r"\s(?:Credit|Picture|Image|Photo)s?\s*:\s*(?:Supplied|Handout|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*$"),
    # a caption marked at its end: "… (stock image)", "… (file photo)", "… (pictured)"
    re.compile(r"\((?:stock\s+(?:image|photo|picture)|file\s+(?:photo|image|picture)|pictured|library\s+(?:image|picture)|"
               r"posed\s+by\s+models?|illustrative\s+(?:image|photo))\)" + _END, _F),
    # … with the agency's credit glued on: "… aged 18 to 24 (stock image)FLASH IMAGES"
    re.compile(r"\((?:stock|file|library)\s+(?:image|photo|picture)\)\s*[A-Z][A-Z&.'’ -]{1,40}$", _F),
    # an outlet and photographer in brackets after the caption: "… in Australia. (ABC News: Jane Doe)"
    re.compile(r"[.!?]\s*\((?:[A-Z][\w.&'’-]*\s+){0,4}[A-Z][\w.&'’-]*\s*:\s*" + _NAME + r"(?:\s+" + _NAME + r"){1,2}\)" + _END),
    # … or with a slash: "… in Springvale. (WQVX/Jane Doe)", "(Courier/Jane Doe-Smith)"
    re.compile(r"[.!?]\s*\((?:[A-Z][\w.&'’-]*\s+){0,4}[A-Z][\w.&'’-]*\s*/\s*" + _NAME + r"(?:\s+" + _NAME + r"){1,2}\)" + _END),
    # a credit with no agency, in brackets: "… all contained B6. (Supplied)", "(Supplied: Jane Doe)"
    re.compile(r"\((?:supplied|handout|file|stock)(?:\s*:\s*[^()]{1,60})?\)" + _END, _F),
    # "… have become a TikTok sensation. Stock image"
    re.compile(r"[.!?]\s+(?:stock|file|library)\s+(?:image|photo|picture)s?" + _END, _F),
    # "… January 9, 2025. OUTLET/Jane Doe/File Photo"
    re.compile(r"[.!?]\s+[A-Z]{2,}(?:\s*/\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}){1,2}" + _END),
    # a photographer's credit on its own line: "Jane Doe/OUTLET", "Jane Doe/The Courier"
    re.compile(r"^" + _NAME + r"(?:\s+" + _NAME + r"){1,2}\s*/\s*(?:The\s+)?[A-Z][\w.&'’-]+(?:\s+[A-Z][\w.&'’-]+){0,4}" + _END),
    re.compile(r"^[\[(](?:photo|image|picture|video|graphic|gallery|illustration)s?[\])]\s", _F),  # "[Photo] A pharmacist …"
    # a TV clip's description: "Registered dietitian Jane Doe joins 'Fox & Friends' to break down …"
    re.compile(r"\bjoin(?:s|ed)?\s+['‘\"“][^'’\"”]{2,40}['’\"”]\s+(?:to|with|on|for)\b"),
    # "A psychiatrist spoke with Fox News Digital about …": one sentence naming a broadcaster
    re.compile(r"^(?:[^.!?]|(?<=Dr)\.|(?<=Mr)\.|(?<=Ms)\.|(?<=Mrs)\.|(?<=Prof)\.){3,80}\s(?:spoke|speaks|talked|talks|sat\s+down|sits\s+down)\s+(?:with|to)\s+(?:[A-Z][\w&'’.-]*\s+){0,3}"
               r"(?:News|Digital|TV|Television|Radio|Channel|Live|Network|Today)\s+(?:about|on|to)\s+[^.!?]{3,200}[.!?]?$"),
    # a tabloid's caption: a person, their age and where the picture shows them, with no verb
    # ("Karen Bellamy, 44, with her son Callum, 14, at their home in Doncaster. Callum was …")
    re.compile(r"^" + _NAME + r"(?:\s+" + _NAME + r"){1,2},\s+\d{1,3},\s+(?:pictured\s+)?(?:with|and|at|in|outside|"
               r"holding|alongside|beside|on)\s(?![^.!?]*\b(?:said|says|told|is|was|were|are|has|had|have|will|would|"
               r"can|could|found|finds|took|takes|went|goes|began|started|says|claims?|warned?)\b)[^.!?]{2,150}(?:\.\s|$)"),
    # a gallery's caption: "Item 1 of 2 Kratom products are displayed …", "[1/2]Kratom products …"
    re.compile(r"^(?:item\s+\d+\s+of\s+\d+\b|\[\d+\s*/\s*\d+\])", _F),
    re.compile(r"\((?:iStock(?:photo)?|Getty|Shutterstock|Adobe\s+Stock|AP|Reuters|AFP|Alamy|EPA)\b[^()]{0,40}\)" + _END),
    # the credit after the caption's sentence: "… gummy vitamins. Photo: Getty Images"
    re.compile(r"[.!?][\"”’']?\s+(?:photo|photograph|image|picture|illustration|credit)s?(?:\s+(?:source|credit))?\s*[:,]\s*[^.!?]{1,60}$", _F),
    # "(John Smith/AP)", "(Courtesy of Johns Hopkins Medicine)", "… in Lagos. Jane Doe for The Times"
    re.compile(r"\((?:" + _NAME + r"\s+){1,3}" + _NAME + r"\s*/\s*[A-Z][\w.&'’ -]{1,40}\)" + _END),
    re.compile(r"\(?\b(?i:courtesy(?:\s+of)?)\s+[A-Z][^()]{1,60}\)?" + _END),
    re.compile(r"[.!?]\s+" + _NAME + r"\s+" + _NAME + r"\s*/\s*[A-Z][\w.&'’-]+(?:\s+[A-Z][\w.&'’-]+){0,3}" + _END),
    re.compile(r"[.!?]\s+" + _NAME + r"\s+" + _NAME + r"\s+for\s+(?:The\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,4}" + _END),
    # "… in Tucson, Arizona. Photograph by Ben Adeyemi for Pulse", "… in September. (WQLM photo)"
    re.compile(r"[.!?]\s+(?:photo(?:graph)?s?|images?|pictures?|illustrations?)\s+by\s+" + _NAME + r"(?:\s+" + _NAME
               + r"){0,2}(?:\s+for\s+(?:The\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,4}"
               # "… Photo by Chris Valdez/University of Eastbrook", "… Photo by Jane Doe | The Tribune"
               + r"|\s*[/|]\s*[A-Z][\w.&'’-]*(?:\s+(?:(?:of|and|for|the|&)\s+)?[A-Z][\w.&'’-]*){0,4})?" + _END, _F),
    re.compile(r"[.!?]\s+\((?:[A-Z][\w.&'’-]*\s+){1,3}(?i:photo|photograph|image|file\s+photo)\)" + _END),
    # a broadcaster's call sign after the caption's sentence: "… office supply store. (KRGN)"
    re.compile(r"[.!?]\s+\([A-Z]{3,5}(?:[\s-]?(?:TV|\d{1,2}))?\)" + _END),
    re.compile(r"\((?:[A-Z][\w.&'’-]*\s+){0,3}(?i:photo|photograph|image|illustration)s?\s+(?i:by)\s+" + _NAME
               + r"(?:\s+" + _NAME + r"){1,2}\)" + _END),
    re.compile(r"[.!?]\s+[A-Z][\w.&'’-]+(?:\s+[A-Z][\w.&'’-]+){0,2}\s*/\s*" + _NAME + r"(?:\s+" + _NAME + r"){1,2}" + _END),
    # credit lines: "Design by MNT; Photography by Getty Images", "Photo by Jane Doe on Unsplash",
    # "Image source, Getty Images", "Credit...Jane Doe for The New York Times"
    re.compile(r"^(?:(?:design|illustrations?|photography|photos?|images?|art|graphics?|video)\s+(?:by|from|courtesy\s+of)\s+"
               r"[^;|]{1,50}?(?:\s*[;|]\s*|\s*$)){1,3}$", _F),
    re.compile(r"^(?:image|photo|picture)\s+(?:source|caption)\s*[,:]", _F),
    re.compile(r"(?:^|[.!?]\s*)credit\s*(?:\.{2,}|…)\s*\S.{0,80}$", _F),
    # a picture agency's credit on its own: "Harbour Pictures", "Northwire Photos"
    re.compile(r"^(?:[A-Z][\w&'’.-]*\s+){1,3}(?:Pictures|Photos|Photography|Images)\s*$"),
    # a credit line on its own ("ALAMY" in capitals too)
    re.compile(r"^(?:[\w.'’ -]{0,40}/+\s*)?(?:Getty(?:\s+Images)?|Shutterstock|Supplied|SUPPLIED|Handout|HANDOUT|iStock(?:photo)?|Reuters|AP|AFP|Alamy|EPA|Adobe(?:\s+Stock)?|"
               r"GETTY(?:\s+IMAGES)?|SHUTTERSTOCK|ALAMY|ISTOCK)(?:\s+(?:Images|Photos?))?" + _END),
    # a caption glued to a photographer's credit: "… often contain erythritolMarek Sobczak/Alamy"
    re.compile(r"(?<=[a-z.])" + _NAME + r"\s+" + _NAME + r"\s*/\s*(?:Alamy|Getty(?:\s+Images)?|Shutterstock|iStock|Reuters|AP|AFP|EPA|PA)"
               + _END),
]
_ADVERT = re.compile(
    r"^(?:advertisement(?:\s*[-–—:]\s*continue\s+reading(?:\s+below)?)?|advertising|advert|ad|sponsored(?:\s+content)?|sponsor\s+message|paid\s+content|"
    r"(?:story|article)\s+continues\s+below(?:\s+(?:this\s+)?advertisement)?|"
    r"continue\s+reading(?:\s+the)?(?:\s+main)?(?:\s+story)?(?:\s+below)?|scroll\s+to\s+continue(?:\s+with\s+content)?|"
    r"skip\s+(?:the\s+)?(?:advertisement|ad))"
    + _END, _F)
_RELATED = [
    re.compile(r"^(?:(?:read\s+)?related(?:\s+(?:articles?|stories|story|content|coverage|links?|reading|posts?|videos?|topics))?|"
               r"read\s+(?:more|also|next|this\s+next)|(?:watch|up)\s+next|also\s+read|see\s+also|more\s+(?:stories\s+)?from\s+\S[^:|»›>]{0,30}|more\s+stories|"
               r"recommended(?:\s+(?:for\s+you|reading|stories))?|you\s+(?:may|might)\s+also\s+like|"
               r"most\s+(?:read|popular|viewed)|trending(?:\s+now)?|what\s+to\s+read\s+next|further\s+reading)"
               r"\s*(?:$|[:|»›>]|[-–—]\s)", _F),
    re.compile(r"^more\s+(?:information|info|details|resources)" + _END, _F),
    # a pointer ("The U.S. National Heart, Lung, and Blood Institute has more on atrial fibrillation.")
    re.compile(r"^(?:The\s+)?(?:(?:[A-Z][\w.'’&-]*|and|of|for|the|on|&),?\s+){1,12}has\s+more\s+(?:information\s+|details\s+)?"
               r"(?:on|about)\s+[^.!?]{2,80}[.!]?$"),
    re.compile(r"^read\s+more\s+(?:about|on|from)\s+.{1,40}$", _F),
    # the page's promos and notes: "DON'T MISS: …", "WATCH | …", "Topics: A · B", "Print edition: Page 11"
    re.compile(r"^(?:don['’]?t\s+miss|must\s+read|most\s+read|editor['’]?s\s+picks?|watch|listen|see\s+more|more\s+on\s+this)"
               r"\s*[:|]\s*\S.{0,160}$", _F),
    re.compile(r"^(?:topics?|tags?|filed\s+under|categories|more\s+about)\s*:\s*\S[^.!?]{0,160}$", _F),
    re.compile(r"^(?:print\s+edition|in\s+print|published\s+in\s+print)\s*:\s*\S.{0,60}$", _F),
    re.compile(r"^(?:about\s+the\s+authors?|about\s+this\s+(?:article|story)|corrections?(?:\s+(?:and|&)\s+clarifications?)?)"
               r"\s*(?:$|[:|]\s*\S.{0,120}$)", _F),
    # an in-article link: "More: Is kratom legal in your state? …", "READ MORE: …"
    re.compile(r"^(?:read\s+more|read|more|also\s+read|related|see\s+also)\s*:\s+\S.{0,160}$", _F),  # (watch, listen: above)
    # the page's own apparatus: source lists, tables of contents, transcripts
    re.compile(r"^(?:sources?|references|show\s+sources|citations|bibliography|footnotes|in\s+this\s+article|"
               r"related\s+topics|more\s+on\s+this\s+(?:story|topic)|how\s+we\s+reviewed\s+this\s+article|"
               r"share\s+(?:full\s+)?article|transcript|top\s+stories|trending\s+stories|watch\s*:.{0,80}|"
               r"heard\s+on\s+.{1,40}|abstract|publication\s+types?|(?:suggested|related)\s+topics|"
               r"our\s+(?:content\s+)?partners|trending\s+now|purchase\s+licensing\s+rights|"
               r"\d+[- ]minute\s+(?:listen|read|watch)|playlist|download|embed)" + _END, _F),
]
_URLISH = r"(?:https?://|www\.|\b[\w-]+\.(?:com|org|gov|net|edu|co\.uk|int)\b|\bwebsite\b|\bsite\b|\bweb\s*page\b|\d{3}[-. )]\d{3,4})"
_CONTACT = [
    # who wrote it: "Leaflet produced by: Pharmacy Department and Pain Management Team"
    re.compile(r"^(?:leaflet|booklet|information|this\s+leaflet)\s+(?:was\s+)?(?:produced|written|prepared|compiled)\s+by\s*:?\s*\S", _F),
    re.compile(rf"^for\s+more\b.{{0,120}}\b(?:visit|see|go\s+to|call|check\s+out|click|read)\b.*{_URLISH}", _F),
    re.compile(r"^write\s+to\s+.{1,80}\s+at\s+\S+", _F),
    re.compile(r"^for\s+(?:the\s+)?(?:latest|more)\b.{0,100}\b(?:head|go)\s+to\s+[A-Z]", _F),
    re.compile(r"^visit\s+(?:the\s+)?[A-Z][\w&.' -]{1,60}\s+for\s+(?:additional|more|the\s+latest)\b", _F),
    # "Join our WhatsApp channel for breaking news and updates"
    re.compile(r"^join\s+(?:our|us\s+on)\s+(?:[\w'’-]+\s+){0,4}(?:channel|community|newsletter|mailing\s+list|group)\b"
               r"[^.!?]{0,60}[.!]?$", _F),
    # "Get the Kampala Sentinel on WhatsApp." / "Follow our channel for breaking news."
    re.compile(r"^(?:get|read)\s+(?:the\s+)?.{1,60}?\s+on\s+(?:whatsapp|telegram|google\s+news|apple\s+news|flipboard)"
               r"\s*(?:[.!](?:\s|$)|$)", _F),
    re.compile(r"^follow\s+(?:our|us\s+on\s+our)\s+(?:[\w'’-]+\s+){0,3}(?:channel|page|account|feed)\s+(?:for|to\s+get)\s+"
               r"(?:the\s+)?(?:latest|more|updates|breaking)\b", _F),
    re.compile(r"^(?:follow|like)\s+.{1,60}\s+on\s+(?:twitter|facebook|instagram|linkedin|tiktok|youtube|threads|"
               r"bluesky|mastodon|x|whatsapp|telegram|snapchat|pinterest|reddit|flipboard|google\s+news|apple\s+news)\b", _F),
    # any channel, when the line says what for: "Follow the Beacon on Signal for the latest health news"
    re.compile(r"^follow\s+.{1,60}\s+on\s+(?-i:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+(?:for|to\s+get)\s+(?:the\s+latest|more|updates|breaking)\b", _F),
    # "Follow National Wire's health coverage at nationalwire.example/health."
    re.compile(r"^follow\s+.{1,60}?\b(?:coverage|reporting|news|stories)\s+(?:at|on)\s+\S+\.\S+\s*$", _F),
    re.compile(r"^(?:contact|email|e-mail)\s+.{0,60}\b[\w.+-]+@[\w-]+\.[\w.]+", _F),
    re.compile(r"^(?:@\w+|[\w.+-]+@[\w-]+\.[\w.]+|https?://\S+)" + _END),
    # a call for tips or letters: "Do you have a story for us? Email …", "Have a question for the pharmacist? Email …"
    re.compile(r"\?\s*(?:please\s+)?(?:email|e-mail|write\s+to|contact|send\s+it\s+to)\b.{0,60}[\w.+-]+@[\w-]+\.[\w.]+", _F),
    # an app promotion: "Download the News 4 Lakeshore app for breaking news and weather alerts."
    re.compile(r"^(?:download|get)\s+(?:the|our)\s+.{1,60}\bapps?\b", _F),
    # a helpline box: "If you have been affected by any of the issues in this story, call …"
    re.compile(r"^if\s+you\s+(?:have\s+been|are|were)\s+affected\s+by\b.{0,80}\b(?:call|contact|visit|help|support)\b", _F),
    re.compile(r"^if\s+you\s+(?:or\s+someone\s+you\s+know\s+)?(?:is|are)\s+struggling\b.{0,80}\b(?:call|text|contact|visit)\b", _F),
    re.compile(r"^for\s+more\s+information\b[^.]{0,100}\b(?:visit|call|contact|go\s+to)\b", _F),
    # a press release's contact: "Media contact: Jane Doe, (555) 014-2277, jdoe@example.edu"
    re.compile(r"^(?:media|press|news)\s+(?:contacts?|enquiries|inquiries)\s*:", _F),
]
# A support box under the story, however long: "If you are worried about debt, free and
# confidential advice is available from … If shopping is affecting your mood, speak to your GP."
_HELPLINE = re.compile(r"^if\s+you(?:['’]re|\s+are|['’]ve\s+been|\s+have\s+been|\s+or\s+someone\s+you\s+know\s+(?:is|are))\s+"
                       r"(?:worried|concerned|affected|struggling)\b.{0,100}?(?:\b(?:free|confidential)\b.{0,40}\b(?:advice|support|help)\b"
                       r"|\bhelplines?\b|\bsamaritans\b|\b(?:call|text|phone|ring)\s+(?:\w+\s+)?\d)", _F)
_COPYRIGHT_START = re.compile(r"^(?:©\s*(?:\d{4}|[A-Z])|copyright\s*(?:©|\(c\)|\d{4}))", re.I)
_COPYRIGHT = [
    re.compile(r"^(?:copyright|©|\(c\)\s*\d{4})", _F),
    re.compile(r"©|\ball rights reserved\b", _F),
    re.compile(r"\b(?:redistribution|reproduction|republication)\b[^.]{0,60}\b(?:prohibited|not\s+permitted|forbidden)\b", _F),
    re.compile(r"^registered\s+in\s+(?:england|scotland|wales|ireland)\b|\bregistered\s+office\s*:", _F),
]
# Publishing notes: funding and republication disclaimers, standards lines ("The AP is solely
# responsible for all content.", "This article is republished from The Conversation under a
# Creative Commons license.", "KFF Health News is a national newsroom that …").
_DISCLOSURE = [
    # a leaflet's accessibility note: "If you would like this leaflet in large print, Braille, … please call …"
    re.compile(r"^if\s+you\s+(?:would\s+like|need|want)\s+(?:a\s+copy\s+of\s+)?this\s+(?:leaflet|information|document|booklet|page)\s+in\s+"
               r"(?:large\s+print|braille|audio|easy\s+read|another\s+(?:language|format)|an?\s+(?:other|different|alternative)\s+format)", _F),
    # a trade site's source notes: "Disclosures", "Primary Source", "Source Reference: Patel S, et al …"
    re.compile(r"^(?:disclosures?|primary\s+source|secondary\s+source|source\s+references?)\s*:?\s*$", _F),
    re.compile(r"^(?:source\s+references?|primary\s+source|secondary\s+source|journal\s+reference)\s*:\s*\S", _F),
    # a paper's or a release's notes under their labels: "Funding: The study was supported by …"
    re.compile(r"^(?:funding(?:\s+sources?)?|financial\s+disclosures?|disclosures?|conflicts?\s+of\s+interests?|"
               r"competing\s+interests?|declaration\s+of\s+interests?|acknowledge?ments?|"
               # a release's note on the paper: "About the study: “Effect of …” was published …"
               r"about\s+(?:the|this)\s+(?:study|research|trial|paper)|study\s+details)\s*:\s*(?:\S+\s+){4}\S", _F),
    re.compile(r"\bis\s+solely\s+responsible\s+for\s+(?:all\s+)?(?:the\s+)?content\b", _F),
    re.compile(r"^(?:this|the)\s+(?:article|story|piece|post)\s+(?:is|was)\s+(?:republished|reprinted|"
               r"originally\s+published|produced|published|adapted)\s+(?:from|by|in|with|on|under)\b", _F),
    re.compile(r"\bunder\s+a\s+creative\s+commons\s+licen[cs]e\b", _F),
    re.compile(r"^disclosure(?:\s+statement)?\s*[:.]?\s", _F),
    re.compile(r"\bis\s+a\s+national\s+newsroom\b", _F),
    re.compile(r"^our\s+standards\s*:", _F),
    re.compile(r"\bmay\s+not\s+be\s+(?:published|reproduced),?\s+broadcast\b", _F),
    re.compile(r"\b(?:sourcing|editorial)\s+(?:guidelines|policy|policies|standards)\b", _F),
    re.compile(r"\bis\s+an?\s+(?:nonprofit|non-profit|independent)\b[^.]{0,60}\b(?:news|media|journalism|newsroom)\b", _F),
    re.compile(r"^a\s+version\s+of\s+this\s+(?:article|story)\s+appears\s+in\s+print\b", _F),
    re.compile(r"^(?:medical\s+|health\s+|editorial\s+)?disclaimer\s*:", _F),
    re.compile(r"^editorial\s+note\s*:", _F),
    # the publisher on its own process: "Our editorial team tracks new research … and revises articles
    # when the evidence changes"
    re.compile(r"^our\s+(?:editorial|editors|medical\s+review|fact[- ]checking)\b", _F),
    # … or on why to trust it: "Trust WellPath: Our content is written by health journalists and reviewed by …"
    re.compile(r"^(?:why\s+)?trust\s+(?-i:[A-Z][\w&.'’-]*)(?:\s+(?-i:[A-Z][\w&.'’-]*)){0,3}\s*:", _F),
    re.compile(r"\bour\s+(?:content|articles?|information)\s+(?:is|are)\s+(?:written|reviewed|fact[- ]checked|created|produced)\s+by\b", _F),
    re.compile(r"\b(?:revises?|updates?)\s+(?:our\s+|its\s+|the\s+|this\s+)?(?:articles?|content|pages?|stories)\s+"
               r"(?:when|as|whenever)\b", _F),
    re.compile(r"^(?i:published)\s+by\s+[A-Z][\w&.' ]{1,60}$"),
    re.compile(r"^our\s+mission\s+is\s+to\b", _F),
    re.compile(r"^[A-Z][\w&.' -]{1,40}\s+is\s+an?\s+(?:nonprofit|non-profit|not-for-profit)\s+(?:organi[sz]ation|academic\s+medical\s+cent(?:er|re))\b"),
    re.compile(r"^(?:name\s+super|b-?roll|sound\s*bites?|broadcast-quality)\b", _F),
    re.compile(r"^journalists\s*:\s", _F),  # "Journalists: Broadcast-quality video … is in the downloads"
    re.compile(r"^for\s+personal\s+advice,?\s+(?:please\s+)?consult\b", _F),
    re.compile(r"\bwe\s+may\s+(?:earn|receive|get)\s+(?:a\s+)?(?:small\s+)?(?:commission|fee|share\s+of\s+(?:the\s+)?sales?)\b", _F),
    re.compile(r"\bif\s+you\s+(?:buy|purchase)\s+(?:something\s+|a\s+product\s+)?(?:through|via|using)\s+(?:the\s+|our\s+)?links\b", _F),
    re.compile(r"^this\s+(?:article|story|piece|essay)\s+(?:appears|appeared|ran|will\s+appear)\s+in\s+(?:the\s+)?.{0,40}\b(?:issue|edition)\s+of\b", _F),
    re.compile(r"\bcurrent\s+as\s+of\s+the\s+date\s+(?:listed|published|shown)\b", _F),
    re.compile(r"^support\s+(?:truly\s+)?independent\s+journalism\b", _F),
    re.compile(r"^part\s+of\s+(?:the\s+)?.{0,60}\b(?:group|network)\s*$", _F),
    re.compile(r"^(?:health|medical)\s+disclaimer$", _F),
    # "This column is for general information only and is not a substitute for advice from …"
    # ("The material on this site is for informational purposes only, …")
    re.compile(r"^(?:this|the|all|our)\s+(?:column|article|content|information|story|site|page|newsletter|material)"
               r"(?:\s+(?:on|in)\s+(?:this|our)\s+(?:site|website|page|newsletter))?\s+is\s+(?:provided\s+)?"
               r"(?:for\s+(?:general\s+)?(?:information(?:al)?|educational|guidance)\s+(?:purposes\s+)?only|not\s+(?:intended\s+(?:as|to\s+be)\s+)?a\s+substitute)\b", _F),
    # "X does not provide medical advice, diagnosis or treatment.", "X is a Redline Media company."
    re.compile(r"\bdoes\s+not\s+(?:provide|offer|give|constitute)\s+(?:personal\s+)?medical\s+advice\b", _F),
    # "WellNest Health provides general information only and is not a substitute for medical advice."
    re.compile(r"\b(?:provides?|offers?|contains?)\s+(?:general\s+)?(?:health\s+)?information\s+only\b.{0,40}\bnot\s+a\s+"
               r"substitute\s+for\s+(?:professional\s+|personal\s+)?medical\s+advice\b", _F),
    # a page's audience note: "For healthcare professionals only."
    re.compile(r"^for\s+(?:health\s*care|medical|clinical)\s+(?:professionals|practitioners|audiences)\s+only\s*(?:[.!]|$)", _F),
    re.compile(r"^[A-Z][\w&.'’ -]{1,40}\s+is\s+an?\s+(?:[A-Z][\w&.'’-]*\s+){1,4}(?:company|brand|publication)\.?$"),
    re.compile(r"^(?:conflicts?\s+of\s+interest(?:\s+statement)?|competing\s+interests?(?:\s+statement)?|"
               r"pubmed\s+disclaimer|funding(?:\s+(?:statement|information))?)" + _END, _F),
    re.compile(r"^the\s+authors?\s+(?:declare|declared|report|reported|have)\s+(?:no|nothing)\b.{0,40}\b(?:conflicts?|competing|"
               r"interests?|disclose)\b", _F),
    re.compile(r"^privacy\s+notice\s*:", _F),
    # a trade site's note to readers: "X news coverage is intended for healthcare professionals and
    # does not replace clinical judgment or individual medical advice."
    re.compile(r"^(?:[\w&.'’-]+\s+){0,3}(?:coverage|content|articles?|information|material|reporting)\s+(?:is|are)\s+"
               r"(?:intended|meant|written|provided)\s+(?:only\s+|solely\s+)?for\s+(?:health\s*care|medical|clinical)\s+"
               r"(?:professionals|practitioners|audiences)\b", _F),
    re.compile(r"^(?:[\w&.'’-]+\s+){0,3}(?:coverage|content|articles?|information|material)\s+(?:does|do|is|are)\s+not\s+"
               r"(?:intended\s+to\s+)?(?:replace|a\s+substitute\s+for|substitute\s+for|constitute)\s+(?:\w+\s+){0,3}"
               r"(?:advice|judg(?:e)?ment|care)\b", _F),
    # an author's funding statement: "Jane Doe has received research funding from …", "… does not
    # work for, consult, own shares in or receive funding from any company …"
    re.compile(r"^(?:[A-Z][\w'’.-]*\s+){1,4}(?:has|have)\s+(?:previously\s+)?received\s+(?:research\s+)?(?:funding|grants?)\s+from\b"),
    re.compile(r"\bdoes\s+not\s+work\s+for,\s+consult\b", _F),
    # trademark notices: "The PubMed wordmark … are registered trademarks of … Unauthorized use …"
    re.compile(r"\bregistered\s+trademarks?\b|\bunauthori[sz]ed\s+use\s+of\s+(?:these|this|the|our)\s+(?:marks?|trademarks?|content|material)\b", _F),
    # a sourcing note: "SOURCES: Jane Doe, MD, cardiologist, …; news release, …"
    re.compile(r"^SOURCES?\s*:\s+\S"),
    re.compile(r"\bprovides\s+funding\s+as\s+a\s+(?:founding\s+)?(?:member|partner)\s+of\b", _F),
    # a comments section's notice: "The views expressed in the contents above are those of our users …"
    re.compile(r"^the\s+views\s+expressed\b.{0,60}\b(?:are\s+those\s+of|do\s+not\s+necessarily)\b", _F),
    # a cookie banner: "We and our 212 partners store and access information on your device, such as cookies, …"
    # ("… such as cookies, and process personal data … Click “Accept all” to consent …")
    re.compile(r"^.{0,60}\b(?:store\s+and(?:/or)?\s+access|uses?)\s+(?:information\s+on\s+(?:a|your)\s+device|cookies)\b.{0,200}"
               r"\b(?:personali[sz]ed?\s+(?:content|ads|advertising)|process(?:es)?\s+personal\s+data|to\s+consent|"
               r"manage\s+(?:your\s+)?preferences|review\s+your\s+choices|(?:you\s+)?(?:agree|consent)\s+to\s+(?:our|the)\s+use\s+of\s+cookies|"
               r"improve\s+your\s+(?:browsing\s+)?experience)\b", _F),
    # a press release's boilerplate: "About Westbrook University", "Founded in 1868, X is a …"
    re.compile(r"^(?i:about)\s+(?:the\s+)?(?:[A-Z][\w&.'’-]*\s+){0,5}(?:University|Institute|Hospital|Health|Inc\.?|Foundation|College|"
               r"Cent(?:er|re)|Clinic|Company|Group|Network|Society|Association|Trust|Council|School|Medicine)"
               r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})?\s*$"),
    re.compile(r"^founded\s+in\s+\d{4},\s+(?:the\s+)?[A-Z][\w&.'’ -]{1,60}\s+is\s+an?\b", _F),
]
# A newsletter's promotion, however long: "Sign up for the Well newsletter, for subscribers only. …"
_NEWSLETTER_PROMO = re.compile(r"^sign\s+up\s+(?:for|to)\s+(?:the\s+|our\s+)?(?:\S+\s+){0,4}newsletters?\b", _F)
# A rule between the article and the page's notes: "___", "---", "* * *".
_SEPARATOR = re.compile(r"^\s*(?:([_=~*#-])\s*\1(?:\s*\1)+|•\s*•\s*•)\s*$")
# A journal citation: "JAMA. 2023;80(4):345-353. doi:10.1001/…", "PMID: 36912345", "Keywords: …".
_CITATION = [
    re.compile(r"\bdoi\s*:\s*10\.\d{4,}|\bdoi\.org/10\.|\bPMC?ID\s*:?\s*(?:PMC)?\d{5,}", _F),
    # a leaflet's own code and version: "Reference: PHA-NEF-0417, Version 3"
    re.compile(r"^(?:reference|ref\.?|leaflet\s+(?:number|code|ref(?:erence)?))\s*(?:no\.?|number)?\s*:?\s*"
               r"[A-Z0-9][A-Z0-9/_.-]*\d[A-Z0-9/_.-]*(?:\s*,?\s*(?:version|v)\.?\s*\d+(?:\.\d+)?)?\s*$", _F),
    re.compile(r"\b(?:19|20)\d{2}(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?\s*;\s*\d+\s*(?:\(\s*[\w-]+\s*\))?\s*:\s*[\w-]+"),
    re.compile(r"^epub\s+(?:ahead\s+of\s+print\s+)?(?:(?:19|20)\d{2}|[a-z]{3}\s+\d)", _F),
    re.compile(r"^key\s*words?\s*:", _F),
    # a reference, Vancouver style: "Brennan-Oyelaran K, Hsu D, … et al. Title. Journal. 2026."
    # (an author list alone is a byline)
    re.compile(r"\b[A-Z][\w'’-]+\s+[A-Z]{1,3}(?:,\s+[A-Z][\w'’-]+\s+[A-Z]{1,3})+(?:,?\s+et\s+al\b|\.\s+[A-Z])"),
    # a paper's title with its journal and year, as "Similar articles" lists it: "…: a randomised
    # trial. J Clin Sleep Med. 2024." (the journal's name in capitalised, often abbreviated, words)
    re.compile(r"[.?]\s+(?:[A-Z][A-Za-z&-]*\.?\s+){0,5}[A-Z][A-Za-z&-]*\.\s+(?:19|20)\d{2}[a-z]?\.?\s*$"),
]
# Capitals and lower-case letters with accents too ("Lucía Ferrer-Domingo", "Søren").
_UP, _LO = UPPER_LETTERS, "a-zß-öø-ÿ'’"
_AUTHOR = re.compile(rf"^(?:[{_UP}][{_LO}]+(?:-?[{_UP}][{_LO}]+|-[{_LO}]+)*|[A-Z]\.(?:[A-Z]\.)*)(?:\s+(?:[{_UP}][{_LO}]+(?:-?[{_UP}][{_LO}]+|-[{_LO}]+)*|[A-Z]\.(?:[A-Z]\.)*|[A-Z]{{1,3}}))"
                     r"{1,3}(?:\s*\d+(?:\s*,?\s*\d+)*|\s*\(\d+(?:\s*,\s*\d+)*\))?$")  # affiliation numbers: "Ana Ruiz 2", "Ruiz A(1,3)"


def _author_list(text: str) -> bool:
    """"Jane Q. Smith, Robert Chen, Maria Garcia" or "Smith JQ, Chen R": names, most of them not
    words of the lexicon (a heading such as "Sleep Quality, Mood Changes, Weight Gain" is words)."""
    from summarize.corpus.text import lexicon_pos

    items = [x.strip() for x in re.split(r",|\band\b|&|;", text.rstrip(". ")) if x.strip()]
    items = [x for x in items if x not in ("MD", "PhD", "MPH", "RN", "DO", "MSc", "BSc")]
    if len(items) < 2 or not all(_AUTHOR.match(x) for x in items):
        return False
    named = sum(1 for x in items if not lexicon_pos(x.split()[0].lower()) or re.search(r"\b[A-Z]\.", x))
    return named * 2 > len(items) and (len(items) >= 3 or any(re.search(r"\b[A-Z]\.|\s[A-Z]{1,3}$", x) for x in items))


_WIDGET = [
    re.compile(r"^please\s+(?:log\s+in|sign\s+in|register|subscribe)\b.{0,40}\b(?:comment|reply|post)\w*\.?$", _F),
    # a site's alert banner: "WEATHER ALERT: Wind advisory in effect until 8 p.m.", "BREAKING: …"
    re.compile(r"^(?:(?:WEATHER|TRAFFIC|SEVERE\s+WEATHER|AMBER)\s+ALERT|BREAKING(?:\s+NEWS)?|LIVE\s+UPDATES?|JUST\s+IN)\s*:\s*\S"),
    re.compile(r"^(?:share\s+(?:this|on|via)\b.*|sign\s+up\s+(?:for|to)\b.*\b(?:newsletters?|briefings?|bulletins?|digests?)\b.*|"
               r"subscribe(?:\s+(?:now|today|to\s+(?:our|the)\b.*))?|get\s+(?:our|the)\b.*\bnewsletters?\b.*|click\s+here\b.*|"
               r"skip\s+to\s+(?:main\s+)?content|leave\s+a\s+(?:comment|reply)|post\s+a\s+comment|"
               r"(?:view|show|hide|read)\s+(?:all\s+)?comments|join\s+the\s+(?:conversation|discussion)|"
               r"\d+\s+comments?|(?:audio\s*:\s*)?listen\s+to\s+(?:this\s+)?(?:article|story)(?:\s*\(?\d{1,2}:\d{2}\)?)?|"
               r"listen\s*[·•|:(-]?\s*\d+\s*min(?:ute)?s?\)?|log\s*in|sign\s+in|loading|"
               r"(?:enter\s+)?your\s+email(?:\s+address)?|enter\s+(?:your\s+)?email(?:\s+address)?|join\s+now|"
               r"(?:view|see)\s+all\s+partners|doi|x\s+\(twitter\)|(?:available\s+)?editions?|partners|"
               r"sign\s+up(?:\s+(?:for|to)\s+(?:\S+\s+){0,4}\S+)?|current\s+version|version\s+history|"
               r"get\s+(?:\S+\s+){0,4}(?:digest|briefing|brief|newsletter|updates)|site\s+index|"
               r"(?:skip\s+past|after|end\s+of)\s+(?:newsletter|advertisement|ad)(?:\s+promotion)?|"
               r"(?:last\s+)?(?:updated|published|posted|modified)|"  # a timestamp's label on its own line
               r"reuse\s+this\s+content|(?:read|save)(?:\s+(?:it|for))?\s+later|"  # a reading list's button
               # a newsroom's reprint box, a paywall's placeholder, a press release's markers
               r"republish\s+this\s+(?:story|article)|use\s+our\s+content|article\s+content|"
               r"for\s+immediate\s+release|(?:news|press|media)\s+release|embargoed\s+(?:until|till)\b.{0,60}|"
               r"release\s+date\s*:(?![^\n]*\d).{0,40}|"  # (with a date, a timestamp)
               r"(?:the\s+)?(?:[\w'’-]+\s+){0,4}newsletter|"
               r"follow(?:\s+(?:us|me))?|sign\s+me\s+up|(?:add\s+to|get|manage)\s+(?:(?:e-?mail|news)\s+)?alerts?|social\s+sharing|estimated\s+\d+\s+min(?:ute)?s?|"
               r"rights\s+(?:&|and)\s+permissions|email\s+address|expand|collapse|show\s+(?:more|less)|"
               r"(?:affiliations?|author\s+information)(?:\s+(?:expand|collapse))?|more\s+by\s+(?:[A-Z][\w'’.-]*\s*){1,4}|"
               # comment and share counters, video players, feedback prompts, page chrome
               r"(?:view\s+)?comments?(?:\s+\(?\d+\)?)?|\d+\s+(?:shares?|comments?)|shares?|\d+|share\s+what\s+you\s+think|"
               r"(?:views?|reads?|shares?|comments?|likes?|reactions?|hits)\s*:?\s*\d[\d,.]*[km]?|"
               r"\d[\d,.]*[km]?\s+(?:views?|reads?|likes?|reactions?|hits)|"
               r"share\s+or\s+comment\s+on\s+this\s+article\b.*|the\s+comments\s+below\s+have\s+not\s+been\s+moderated\b.*|"
               r"\d+(?:\.\d+)?[km]|reprints?|videos?|back\s+to\s+top|thanks\s+for\s+your\s+feedback\b.*|click\s+to\s+(?:share|email|print)\b.*|.*\(opens\s+in\s+(?:a\s+)?new\s+window\)|"
               # a page's text-size controls: "Larger text size", "Resize", "A- A+"
               r"(?:(?:very\s+)?(?:normal|default|small|smaller|large|larger|medium|big|bigger|extra\s+large)\s+)?(?:text|font)\s+size|"
               r"(?:increase|decrease|reduce|change|adjust)\s+(?:the\s+)?(?:text|font)\s+size|resize(?:\s+text)?|a\s*[-−]\s*a\s*\+|"
               r"play\s+video|video\s+player|close\s+(?:this\s+)?(?:video\s+)?player|report\s+an?\s+(?:(?:editorial|technical|factual)\s+)?(?:typo|correction|problem|bug|error|issue)|(?:editorial|our)\s+code\s+of\s+(?:conduct|ethics|practice)|editorial\s+(?:standards|guidelines|policy|policies)|follow\s+(?:related\s+)?(?:authors?|topics?|writers?)(?:\s+(?:and|&)\s+(?:authors?|topics?))?|have\s+your\s+say|comments\s+are\s+(?:pre-?)?moderated\b.*|\d+:\d{2}\s*/\s*\d+:\d{2}|listen(?:\s*[·•|:(-]\s*\(?\d{1,2}:\d{2}\)?)?|\d+\s+min|why\s+trust\s+us\??|table\s+of\s+contents|"
               r"story\s+continues|free\s+(?:full[\s-]text\s+|pmc\s+)?article|add\s+(?:a|your)\s+comment|see\s+more\s+subscription\s+options|comment\s+guidelines|"
               r"we\s+value\s+your\s+privacy|accept\s+(?:all|all\s+cookies|cookies)|manage\s+(?:preferences|cookies|settings)|"
               r"please\s+enter\s+a\s+valid\s+email(?:\s+address)?|link\s+copied!?|(?:video\s+)?ad\s+feedback|was\s+this\s+(?:(?:(?:article|page)\s+)?(?:helpful|useful)|(?:information|story)\s+helpful)\??|yes\s*/\s*no|"
               r"\d{1,2}:\d{2}\s*[-–—|]\s*source\s*:\s*.{1,40}|"
               r"(?:(?:medically\s+|clinically\s+)?reviewed|written|(?:copy\s+)?edited|fact[\s-]checked)\s+by|medical\s+reviewer|contributor|"
               r"privacy\s+(?:notice|policy|choices|rights)|your\s+privacy\s+choices|your\s+ca\s+privacy\s+rights.*|"
               r"terms(?:\s+of\s+(?:use|service))?|site\s*map|cookie\s+(?:policy|settings|preferences)|"
               r"do\s+not\s+sell\s+(?:or\s+share\s+)?my\s+personal\s+information|contact\s+us|about\s+us|advertise\s+with\s+us|accessibility(?:\s+statement)?)" + _END, _F),
    # a newsletter box's small print and pitches
    re.compile(r"^.{0,40}\b(?:receive|get)\s+(?:occasional\s+)?promotional\s+(?:content|emails?|offers|messages)\b", _F),
    re.compile(r"^(?:your\s+information|your\s+data|we)\b.{0,30}\b(?:handled|processed|used)\s+in\s+accordance\s+with\b", _F),
    re.compile(r"^(?:the\s+)?audio\s+version\s+of\s+this\s+(?:article|story)\b", _F),
    re.compile(r"^it['’]s\s+time\s+to\s+stand\s+up\s+for\b", _F),
    re.compile(r"^(?:independent|quality|trusted)\s+(?:\w+\s+)?journalism\s+depends\s+on\b", _F),
    re.compile(r"^by\s+(?:subscribing|signing\s+up|clicking)\b.{0,40}\byou\s+(?:acknowledge\s+and\s+)?agree\b", _F),
    # "Newsletter sign-up: Get our weekly health newsletter", "Sign up here."
    re.compile(r"^(?=(?:\S+\s+){0,14}\S+\s*$)(?=.*\bnewsletters?\b)(?=.*\b(?:sign[- ]?up|subscribe|get|join|inbox|delivered)\b)", _F),
    re.compile(r"^sign\s+up\s+(?:here|now|today)" + _END, _F),
    re.compile(r"^rate\s+this\s+(?:article|story|page|post)\b.{0,60}$", _F),
    re.compile(r"^(?:share|save|cite|print|email|copy\s+link|save\s+to\s+(?:reading\s+list|my\s+list)|comment)"
               r"(?:\s*[·•|]\s*(?:share|save|cite|print|email|copy\s+link|save\s+to\s+(?:reading\s+list|my\s+list)|comment|gift))+\s*$", _F),
    re.compile(r"^(?i:sign\s+up\s+(?:for|to)|subscribe\s+to)\s+(?:(?i:the|our)\s+)?(?:[A-Z][\w'’&-]*\s*){1,4}[:—–]\s"),
    re.compile(r"^(?=(?:\S+\s+){0,19}\S+\s*$)(?:the\s+)?[\w'’ ]{0,40}\bnewsletters?\s+(?:provides|brings|delivers|sends|gives)\b", _F),
    re.compile(r"^(?=(?:\S+\s+){0,24}\S+\s*$).*\b(?:free|daily|weekly)\s+(?:\w+\s+)?newsletters?\b", _F),
    re.compile(r"^(?:listen\s+to\s+(?:this\s+)?(?:article|story)|\d+\s+min(?:ute)?s?\s+read)\b.{0,40}$", _F),
    # a video player's text: "Loaded: 0%", "Progress: 0%", "Duration 2:31", "Current Time 0:00"
    re.compile(r"^(?:loaded|progress|buffered)\s*:?\s*\d{1,3}(?:\.\d+)?\s*%\s*$|^(?:duration|current\s+time|remaining\s+time)\s*:?\s*-?\d{1,2}:\d{2}\s*$", _F),
    # the reading time: "4 mins to read", "Reading time: 5 minutes", "5 min. read"
    re.compile(r"^(?:\d+\s+min(?:ute)?s?\.?\s+(?:to\s+)?read|reading\s+time\s*:?\s*\d+\s+min(?:ute)?s?)\s*$", _F),
    # a paywall's meter: "You have 2 free articles remaining this month. Subscribe for unlimited access."
    re.compile(r"^you(?:['’]ve|\s+have)\s+(?:\d+|one|two|three|no)\s+(?:more\s+)?free\s+(?:articles?|stor(?:y|ies))\s+"
               r"(?:remaining|left)\b.{0,80}$", _F),
    # "You're reading a free article. Subscribe for unlimited access to The Prairie Herald."
    re.compile(r"^you(?:['’]re|\s+are)\s+reading\s+(?:a|one\s+of\s+your)\s+(?:\w+\s+)?(?:free\s+)?(?:articles?|stor(?:y|ies))\b.{0,100}$", _F),
    # a video player's placeholder: "Video player loading...", "Watch Live"
    re.compile(r"^(?:video\s+player\s+(?:is\s+)?loading|watch\s+live|(?:now\s+)?playing\s+now|skip\s+navigation)\W*$", _F),
    # "Advertise with The Courier"
    re.compile(r"^(?i:advertise)\s+with\s+(?:us|[A-Z\u0100-\u017F][^\s.!?]*(?:\s+[A-Z\u0100-\u017F][^\s.!?]*){0,4})\s*$"),
    # a date with the reading time after it: "Mar 27, 2026 · 6 min read"
    # (or a published-and-updated pair: "Published Feb 24, 2026 • Last updated Feb 24, 2026 • 4 minute read")
    re.compile(r"^.{0,90}[·•|-]\s*\d+\s+min(?:ute)?s?\s+read\s*$", _F),
    # a player's label over a clip: "Audio: The Morning Show - Are your pills giving you headaches? 7:41"
    re.compile(r"^(?:audio|video|watch|listen|podcast)\s*:\s*.{1,120}\b\d{1,2}:\d{2}\s*$", _F),
    # a badge: "Fact checked", "Medically reviewed"
    re.compile(r"^(?:fact[\s-]checked|(?:medically|clinically|expert)\s+reviewed|evidence[\s-]based)\s*[✓✔]?\s*$", _F),
    # a podcast promo: "Listen to The Science Hour podcast: this week, why …"
    re.compile(r"^(?i:listen\s+to|subscribe\s+to)\s+(?:(?i:the|our)\s+)?(?:[A-Z][\w'’&-]*\s+){0,5}(?i:podcasts?)\b.{0,120}$"),
    # an audio player's pitch, pasted with its badge: "NEWYou can now listen to Fox News articles!"
    re.compile(r"^(?:new)?\s*you\s+can\s+now\s+listen\s+to\b.{0,50}$", _F),
    # … or its promise alone: "Get the region's top stories every weekday morning."
    re.compile(r"^(?=(?:\S+\s+){0,11}\S+\s*$)(?!.*[,;])get\s+(?:the\s+|our\s+)?(?:[\w'’-]+\s+){0,2}(?:top|latest|biggest|best|"
               r"essential|must-read)\s+(?:stories|headlines|news|reads)\b", _F),
    # a newsletter box's pitch: "… delivered free to your inbox each weekday morning."
    re.compile(r"^(?=(?:\S+\s+){0,20}\S+\s*$).*\b(?:to|in)\s+your\s+inbox\b", _F),
    # "Get the latest health news from X every Tuesday.", "Get X's best stories, delivered every week."
    re.compile(r"^(?=(?:\S+\s+){0,24}\S+\s*$)get\s+.{0,100}\b(?:every|each)\s+(?:day|week|weekday|morning|evening|"
               r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b\W*$", _F),
    # "Essential health news and analysis, delivered every Wednesday"
    re.compile(r"^(?=(?:\S+\s+){0,20}\S+\s*$).*\bdelivered\s+(?:free\s+)?(?:every|each)\s+(?:day|week|weekday|morning|evening|"
               r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b\W*$", _F),
]
_WIDGET_WORDS = {
    "share", "tweet", "email", "e-mail", "print", "comment", "comments", "facebook", "twitter", "whatsapp",
    "linkedin", "pinterest", "reddit", "copy", "link", "save", "flipboard", "messenger", "sms", "x",
    "gift", "article", "story", "this", "more", "options", "menu", "search", "close", "bluesky", "threads",
    # a share button's label as a screen reader pastes it: "Facebook / Meta", "Twitter / X icon"
    "meta", "icon", "instagram", "tiktok", "youtube", "telegram", "mastodon", "bookmark",
    # a gallery's or feedback box's buttons ("Previous", "Next", "Yes", "No"), the masthead's own
    # ("Subscribe | Log in | e-Edition")
    "previous", "next", "yes", "no", "podcast", "podcasts", "subscribe", "log", "in", "login", "register", "e-edition",
    # a sign-up box's and a reading list's buttons: "Register to sign up", "Read later", "Remove", "See all"
    "sign", "up", "to", "remove", "see", "view", "all", "read", "later", "follow",
    # a shopping box's button: "Shop now", "Buy now"
    "shop", "buy", "now",
}
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
_DATE_TOKEN = re.compile(
    rf"^(?:{_MONTH}|{_DAY}|\d{{1,4}}(?:st|nd|rd|th)?,?|\d{{1,6}}[:.]\d{{2}}(?:[:.]\d{{2}})?(?:[ap]\.?m\.?)?|[ap]\.?m\.?|"
    r"(?:et|est|edt|ct|cst|cdt|mst|mdt|pt|pst|pdt|gmt|utc|bst|cet|cest|eet|ist|jst|kst|hkt|sgt|aest|aedt|acst|awst|nzst|nzdt)(?:[+-]\d{1,2})?|\d+|(?:minutes?|hours?|days?|weeks?|mins?|hrs?)|ago|updated|published|posted|"
    r"\d{1,4}[/-]\d{1,2}[/-]\d{1,4}|on|at|,|\||/|-|–|—|·|•)$", _F)
_TIMESTAMP_CUE = re.compile(
    r"^(?:(?:leaflet|booklet|information|page)\s+(?:last\s+)?(?:reviewed|updated|published|produced)|(?:page\s+)?(?:last\s+)?updated|(?:version\s+)?published(?:\s+online)?|posted|(?:first|originally)\s+published|"
    r"(?:page\s+)?last\s+(?:medically\s+)?(?:modified|reviewed|updated)|next\s+review(?:\s+(?:due|date))?|"
    r"(?:(?:release|publication)\s+)?date)"
    r"\s*(?:on|at)?\s*:?\s*", _F)


def _words(text: str) -> list[str]:
    return text.split()


_DATE_ANCHOR = re.compile(rf"^(?:{_MONTH}|\d{{1,2}}[:.]\d{{2}}|\d{{4}}|\d{{1,4}}[/-]\d)", _F)


_WEATHER = re.compile(r"^-?\d{1,3}\s*°\s*[FC]?(?:\s+[A-Za-z]+){0,3}\s*$")
_RELATIVE_TIME = re.compile(r"\d+\s+(?:minutes?|hours?|days?|weeks?|mins?|hrs?)\s+ago", _F)


def _is_timestamp(text: str) -> bool:
    if not any(c.isdigit() for c in text):  # a date or a time has digits
        return False
    # a paste can glue the next label on: "7:41 AM GMT+1Updated 3 hours ago"
    text = re.sub(r"(?<=[0-9a-z])(?=(?:Updated|Published|Posted)\b)", " ", text).strip(" ·•|")
    # "Posted: Jan 27, 2025 4:00 AM EST | Last Updated: January 27": each part a timestamp
    if " | " in text:  # (a masthead's weather beside its date: "Monday, May 4, 2026 | 48°F Light rain")
        parts = text.split(" | ")
        return (any(_is_timestamp(part) for part in parts)
                and all(_is_timestamp(part) or _WEATHER.match(part) for part in parts))
    # "Monday March 3 2025, 12.01am GMT, The Albion Times": the outlet's name after the time
    m = re.match(r"^(.*\d.*?),\s*(?:The\s+)?(?:[A-Z][\w&'’.-]*\s*){1,4}$", text)
    if m and _is_timestamp(m.group(1)):
        return True
    rest = _TIMESTAMP_CUE.sub("", text, count=1)
    had_cue = rest != text
    if _RELATIVE_TIME.fullmatch(rest.strip()):  # "Published 3 hours ago", "2 days ago"
        return True
    tokens = re.findall(r"[^\s,|·•]+|[,|·•]", rest)
    if not tokens:
        return False
    dated = [t for t in tokens if _DATE_TOKEN.match(t.strip("()"))]
    has_date = any(_DATE_ANCHOR.match(t) for t in tokens)
    # A timestamp is (almost) only date and time words; with a cue ("Updated"), one stray word
    # (a place, "ago") is allowed.
    return has_date and len(tokens) - len(dated) <= (1 if had_cue else 0)


# A place and a hyphen before the story's first sentence: "CAPE TOWN - More than a third …", and
# on a news page "Johannesburg - …" ("Ashwagandha - The herb …" opens a house draft's sentence);
# a label over a line ("Shots - Health News") has no sentence after it.
_DASH_DATELINE = re.compile(r"^(?P<place>[A-Z]{3,}(?:\s+[A-Z]{2,}){0,2}|(?P<title>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}))"
                            r"\s+[-–—]\s+(?=[A-Z\"“‘'])")
_NOT_PLACES = frozenset("file update updated watch advertisement video photo live breaking exclusive opinion "
                        "analysis review editorial".split())
MIN_DATELINE_SENTENCE_WORDS = 8


# A press release's date after its place, or alone: "PORTLAND, Ore. — March 10, 2026 — Adults …"
_DATE_DASH = re.compile(rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})\s*[–—]\s*(?=[A-Z\"“‘'])", _F)


def dateline_prefix(text: str, news: bool = False) -> int:
    """Length of a dateline opening the paragraph ("LONDON (Reuters) - ", "PORTLAND, Ore. — March
    10, 2026 — "), 0 if none; ``news``: the paragraph is on a news page (a byline or date above it)."""
    n = _place_prefix(text, news)
    m = _DATE_DASH.match(text, n)
    return m.end() if m and m.end() < len(text) else n


def _place_prefix(text: str, news: bool) -> int:
    m = DATELINE.match(text)
    if m and m.end() < len(text):
        return m.end()
    m = _DASH_DATELINE.match(text)
    rest = text[m.end():] if m else ""
    if (m and (news or not m.group("title")) and m.group("place").split()[0].lower() not in _NOT_PLACES
            and len(rest.split()) >= MIN_DATELINE_SENTENCE_WORDS and rest.rstrip("\"”’') ").endswith((".", "!", "?"))):
        return m.end()
    return 0


_GLUED_NAME = re.compile(r"(?<=[a-z0-9][.!?])[\"”’']?(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})\s*$")
MIN_GLUED_CAPTION_WORDS = 5


# a menu's item: a word or three, capitalised ("Investigations", "Health & Science")
MIN_MENU_ITEMS = 4
_MENU_ITEM = re.compile(r"[A-Z0-9&][\w&'’.-]*(?:\s[A-Za-z0-9&][\w&'’.-]*){0,2}")


# A writer and their job after a slash, as a photo credit prints a photographer and the outlet
_SLASH_ROLE = re.compile(rf"^{_NAME}(?:\s+{_NAME}){{1,2}}\s*/\s*(?:[A-Z][\w'’-]*\s+){{0,3}}"
                         r"(?i:writer|reporter|correspondent|editor|contributor|journalist|columnist)s?\s*$")


# The parser asks about the same lines more than once (building blocks, classifying them, and
# again for a neighbour's credit line): answers are cached by text.
@lru_cache(maxsize=8192)
def furniture_reason(text: str) -> str | None:
    """Why a paragraph (or line) is web-page furniture, or None for prose."""
    if _SEPARATOR.match(text):
        return "separator"
    # (and every pattern that reads words would be slow on it)
    if _BLOB.search(text):
        return "blob"
    # Markdown emphasis around a line ("*Photo by … on Unsplash*", "**Disclaimer:** …") is not text
    s = " ".join(re.sub(r"\*\*|__", "", text).split()).strip("*_ ")
    if not s:
        return None
    # a menu pasted with its items set apart by runs of spaces: "Topics   Investigations   States"
    items = [x for x in re.split(r"\s{2,}|\t", text.strip()) if x]
    if len(items) >= MIN_MENU_ITEMS and all(_MENU_ITEM.fullmatch(x) for x in items):
        return "navigation"
    n = len(_words(s))
    if _SLASH_ROLE.match(s):  # "Tanisha Whyte-Campbell/Health Reporter": a byline, not a photo credit
        return "byline"
    if n <= MAX_CAPTION_WORDS and any(p.search(s) for p in _CAPTION):
        return "caption"
    # a photographer's name glued to the caption's stop, no outlet: "… in Australia.Louise Kapoor"
    glued = _GLUED_NAME.search(s)
    if glued and n <= MAX_CAPTION_WORDS and len(_words(s[:glued.start()])) >= MIN_GLUED_CAPTION_WORDS \
            and is_person_name(glued.group("name")):
        return "caption"
    if n <= MAX_CREDIT_WORDS and _credit_for(s):
        return "caption"
    if n <= MAX_DISCLOSURE_WORDS and any(p.search(s) for p in _DISCLOSURE):
        return "disclosure"
    if n <= MAX_CAPTION_WORDS and any(p.search(s) for p in _CITATION):
        return "citation"
    if n <= MAX_CAPTION_WORDS and _HELPLINE.match(s):
        return "contact"
    if n <= MAX_DISCLOSURE_WORDS and _NEWSLETTER_PROMO.match(s):
        return "widget"
    # "© 2026 PracticeWire … All rights reserved. The material on this site is for …": however long
    if n <= MAX_DISCLOSURE_WORDS and _COPYRIGHT_START.match(s):
        return "copyright"
    if n > MAX_FURNITURE_WORDS:
        return None
    if _author_list(s):
        return "byline"
    # "— ADVERTISEMENT —", "Advertisement · Scroll to continue"
    if all(_ADVERT.match(part.strip()) for part in re.split(r"\s[·|•]\s", s.strip("-–—·• "))):
        return "advertisement"
    if any(p.match(s) for p in _BYLINE) or _dotted_byline(s):
        return "byline"
    if _DATELINE_ALONE.match(s) or (DATELINE.match(s) and DATELINE.match(s).end() >= len(s.rstrip())):
        return "dateline"
    if any(p.match(s) for p in _RELATED):
        return "related"
    if any(p.search(s) for p in _CONTACT):
        return "contact"
    if any(p.search(s) for p in _COPYRIGHT):
        return "copyright"
    if s.count(" | ") >= 3 or (n <= MAX_WIDGET_WORDS and re.search(r"\s[›»>]\s", s)):
        return "navigation"  # "Contact us | How to complain | …", a breadcrumb "Health › Sleep"
    tokens = [w.lower().strip(".:!|·•/") for w in _words(s)]
    tokens = [w for w in tokens if w]  # (separators between share buttons are no words)
    if any(p.match(s) for p in _WIDGET) or (len(tokens) <= MAX_WIDGET_WORDS and all(w in _WIDGET_WORDS for w in tokens)):
        return "widget"
    if _PRICE.match(s):
        return "widget"
    if n <= MAX_FURNITURE_WORDS and _is_timestamp(s):
        return "timestamp"
    # a dateline's place before the time: "Chennai | Updated: March 2, 2026 07:45 IST"
    m = _PLACE_BAR.match(s)
    if m and n <= MAX_FURNITURE_WORDS and _is_timestamp(s[m.end():]):
        return "timestamp"
    return None


_PLACE_BAR = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}\s*[|·•]\s*")


# ----------------------------------------------------------------------------- in context
# Lines that are furniture only by where they stand: the entries under a list label ("Related
# Topics", "Trending stories", "Publication types"), a name beside a byline, a caption beside its
# credit. The parser applies these to its blocks (``furniture_in_context``).
_LIST_LABEL = re.compile(
    r"^(?:related(?:\s+(?:news|topics|stories|story|articles|article|coverage|content|links|reading|posts?|videos?|items?))?|(?:suggested|more)\s+topics|"
    r"topics?|tags?|watch\s+next|read\s+more\s+(?:on|from|at)\s+.{1,40}|"
    r"more\s+on\s+this\s+(?:story|topic)|trending(?:\s+(?:stories|videos?|now|(?:on|in)\s+.{1,30}))?|top\s+stories|"
    r"most\s+(?:read|popular|viewed)(?:\s+(?:news|stories|articles))?(?:\s+(?:in|on|from)\s+.{1,30})?|explore\s+more|"
    r"recommended(?:\s+(?:for\s+you|reading|stories))?|you\s+(?:may|might)\s+also\s+like|read\s+more(?:\s+about\s+.{1,40})?|"
    r"more\s+(?:stories\s+)?from\s+.{1,30}|more\s+(?:[\w'’-]+\s+){0,2}(?:stories|news|articles|headlines)|publication\s+types?|in\s+this\s+article|our\s+(?:content\s+)?partners|(?:\d+\s+)?(?:sources?|references)|"
    r"see\s+also|further\s+reading|latest(?:\s+(?:news|stories|articles|headlines|videos?))?(?:\s+(?:from|in|on)\s+.{1,30})?|related\s+coverage|read\s+(?:this\s+)?next|up\s+next|what\s+to\s+read\s+next|"
    r"similar\s+articles|cited\s+by|more\s+by\s+.{1,40}|(?:in\s+)?other\s+news|more\s+news|"
    # a summary box's label: its entries are the story's own sentences and stay, the label goes
    r"key\s+(?:takeaways|points|facts)|at\s+a\s+glance)\s*:?\s*$", _F)
# a shopping box's price: "$34 at Amazon", "£12.99 from Boots"
_PRICE = re.compile(r"^[$£€]\s?\d[\d,]*(?:\.\d{2})?\s+(?:at|from)\s+[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}\s*$")


_DOT_PARTS = re.compile(r"\s[·•]\s")


def _dotted_byline(text: str) -> bool:
    """"Jess Calloway · Merrigal Advocate · Posted: Tue 10 Mar 2026, 5:30am | Last Updated: …": a
    person's name, then at most an outlet's name, then the time it was posted, joined by dots."""
    parts = [p.strip() for p in _DOT_PARTS.split(text)]
    if not 2 <= len(parts) <= 3 or not is_person_name(re.sub(r"^(?i:by)\s+", "", parts[0])) or not _is_timestamp(parts[-1]):
        return False
    return all(re.fullmatch(r"(?:The\s+)?(?:[A-Z][\w&'’.-]*\s*){1,4}", p) for p in parts[1:-1])


def is_price(text: str) -> bool:
    return bool(_PRICE.match(" ".join(text.split())))


MAX_LIST_ENTRY_WORDS = 18  # a headline runs to 15 words or so, dashes apart
_CAPTION_WIDGET = re.compile(rf"^(?:{_PHOTO_BUTTONS})\s*:?\s*$", _F)
MAX_CREDIT_WORDS = 8
MAX_NEIGHBOUR_CAPTION_WORDS = 45


def is_list_label(text: str) -> bool:
    return bool(_LIST_LABEL.match(" ".join(text.split())))


def is_list_entry(text: str) -> bool:
    """A headline or topic under a list label: short, and not a sentence ending in a full stop
    (unless it is in title case, as headlines are: "The Real Reason You Wake Up at 4 A.M.")."""
    s = " ".join(text.split())
    if not 0 < len(s.split()) <= MAX_LIST_ENTRY_WORDS:
        return False
    long_words = [w for w in re.findall(r"[A-Za-z][\w'’]*", s) if len(w) >= 4]
    headline = len(long_words) >= 3 and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)
    return headline or not s.rstrip("\"'”’)").endswith((".", "!", ":", ";"))


def is_credit_only(text: str) -> bool:
    """A credit or caption widget on its own line ("Jane Doe/Getty Images", "toggle caption")."""
    s = " ".join(text.split())
    return len(s.split()) <= MAX_CREDIT_WORDS and furniture_reason(s) == "caption"


_PLAYER = re.compile(r"^(?:video\s+player(?:\s+(?:is\s+)?loading)?|play\s+video|watch(?:\s+(?:now|video))?)\W*$", _F)


def is_player_widget(text: str) -> bool:
    """A video player's placeholder ("Video player loading..."): the line under it is the clip's title."""
    return bool(_PLAYER.match(" ".join(text.split())))


def is_caption_widget(text: str) -> bool:
    return bool(_CAPTION_WIDGET.match(" ".join(text.split())))


_NOT_A_FIRST_NAME = frozenset({"The", "A", "An", "Our", "Your", "My", "This", "What", "How", "Why", "When", "Who"})


def is_person_name(text: str) -> bool:
    """"Nadia Rahman": two or three capitalised words, one of them not a word of the lexicon."""
    from summarize.corpus.text import lexicon_pos

    tokens = text.split()
    # ("The Bottom Line" is a heading: no name opens on an article)
    return (2 <= len(tokens) <= 3 and tokens[0] not in _NOT_A_FIRST_NAME and all(re.fullmatch(r"[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*|[A-Z]\.", t) for t in tokens)
            and any(not lexicon_pos(t.lower()) for t in tokens if len(t) > 2))


# A photographer's credit on its own line: "Jane Doe for The Courier", "Jane Doe for NPR" (a
# person's name and an outlet, not "Physicians Committee for Responsible Medicine" or a heading
# such as "Valerian Root for Sleep").
_FOR_OUTLET = re.compile(r"(.+?)\s+for\s+(?:The\s+[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4}|[A-Z]{2,6}|"
                         r"(?:[A-Z][\w.&'’-]*\s+){0,3}(?:News|Times|Post|Courier|Herald|Tribune|Journal|Radio|Press|"
                         r"Gazette|Chronicle|Sentinel|Guardian|Telegraph|Magazine|Today|Daily|Weekly|Media|Wire|Star|Globe))")


def _credit_for(text: str) -> bool:
    m = _FOR_OUTLET.fullmatch(text)
    return bool(m) and is_person_name(m.group(1))


def neighbour_caption(text: str) -> bool:
    """Short enough to be the caption beside a credit line."""
    return len(text.split()) <= MAX_NEIGHBOUR_CAPTION_WORDS
