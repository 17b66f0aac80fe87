"""Readers for the shared training/evaluation data and for a folder of house-format articles.

Every reader yields :class:`Document` records with a stable, dataset-prefixed ``doc_id`` (the
unit of the train/validation/held-out split) so that no document straddles splits. ACL papers
use their Anthology id in both ScisummNet and aclsum, so a paper present in both always lands in
the same split.

The shared folder is ``$SUMMARIZE_SHARED`` or ``../shared`` relative to the repository root.
Nothing here copies shared text into the repository.
"""
from __future__ import annotations

import gzip
import html
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

REPO_ROOT = Path(__file__).resolve().parent.parent


def shared_dir(path: str | os.PathLike | None = None) -> Path:
    """The shared data folder: ``path``, else ``$SUMMARIZE_SHARED``, else ``../shared`` beside
    the source checkout, else ``../shared`` from the working directory. The one place that
    decides it."""
    if path is not None:
        return Path(path)
    env = os.environ.get("SUMMARIZE_SHARED")
    if env:
        return Path(env)
    beside_checkout = REPO_ROOT.parent / "shared"
    return beside_checkout if beside_checkout.is_dir() else Path("..", "shared")


@dataclass
class Section:
    heading: str
    text: str
    level: int = 1
    kind: str = ""  # e.g. MedQuAD qtype


@dataclass
class Document:
    doc_id: str  # "<dataset>:<id>", the split unit
    dataset: str
    text: str = ""  # main body (Cochrane abstract, paper abstract, article lead...)
    summary: str = ""  # reference summary, "" when unlabeled
    summary_sentences: list[str] = field(default_factory=list)  # when the source gives them
    title: str = ""
    sections: list[Section] = field(default_factory=list)
    meta: dict = field(default_factory=dict)

    @property
    def sentences(self) -> list[str]:
        return sentences(self.text)


def sentences(text: str, fast: bool = False) -> list[str]:
    """Sentences of ``text``: the project's pysbd splitter, or with ``fast`` a regex splitter
    (~50x faster, good enough for bulk training-pair extraction)."""
    if fast:
        return [s for line in text.split("\n") for s in _FAST_SPLIT.split(line.strip()) if s]
    from summarize.corpus.text import split_sentences

    return [s.text for s in split_sentences(text)]


_FAST_SPLIT = re.compile(
    r"(?<=[.!?])(?<!\be\.g\.)(?<!\bi\.e\.)(?<!et al\.)(?<!\bvs\.)(?<!\bFig\.)(?<!\bDr\.)(?<!\bcf\.)"
    r"(?<!\bNo\.)(?<!\b[A-Z]\.)\s+(?=[\"'(\[]?[A-Z0-9])"
)


_WS = re.compile(r"[ \t\r\f\v]+")


def clean_text(text: str) -> str:
    """Collapse runs of spaces; keep paragraph breaks (blank or indented newlines) as "\\n"."""
    text = html.unescape(text).replace("\u00a0", " ")
    lines = [_WS.sub(" ", line).strip() for line in text.split("\n")]
    out, buf = [], []
    for line in lines:
        if line:
            buf.append(line)
        elif buf:
            out.append(" ".join(buf))
            buf = []
    if buf:
        out.append(" ".join(buf))
    return "\n".join(out)


_BULLET_SPLIT = re.compile(r"\s+-\s+(?=[A-Z0-9(])")


def medquad_paragraphs(answer: str) -> list[str]:
    """MedQuAD answers mix prose and "- item" bullet runs on one line; split them apart."""
    paras = []
    for line in answer.split("\n"):
        line = _WS.sub(" ", line).strip()
        if not line:
            continue
        parts = [p.strip(" -") for p in _BULLET_SPLIT.split(" " + line) if p.strip(" -")]
        paras.extend(parts)
    return paras


# --- Cochrane -------------------------------------------------------------------------------


def read_cochrane(shared: str | os.PathLike | None = None, split: str = "val") -> Iterator[Document]:
    base = shared_dir(shared) / "data" / "cochrane"
    src = (base / f"{split}.source").read_text(encoding="utf-8").splitlines()
    tgt = (base / f"{split}.target").read_text(encoding="utf-8").splitlines()
    dois = (base / f"{split}.doi").read_text(encoding="utf-8").splitlines()
    if not (len(src) == len(tgt) == len(dois)):
        raise ValueError(f"cochrane {split}: {len(src)} sources, {len(tgt)} targets, {len(dois)} dois")
    for s, t, d in zip(src, tgt, dois):
        if s.strip() and t.strip():
            # Review updates (.pub2, .pub3) are the same review: split on the base DOI.
            base_doi = re.sub(r"\.pub\d+$", "", d.strip())
            yield Document(f"cochrane:{base_doi}", "cochrane", text=s.strip(), summary=t.strip(),
                           meta={"doi": d.strip()})


# --- MedQuAD --------------------------------------------------------------------------------


def read_medquad(shared: str | os.PathLike | None = None) -> Iterator[Document]:
    """One document per MedQuAD page; each answered question is a section (heading = question)."""
    path = shared_dir(shared) / "data" / "medquad.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            secs = [
                Section(heading=q["question"].strip(), text="\n".join(medquad_paragraphs(q["answer"])),
                        kind=q.get("qtype", ""))
                for q in r.get("qa", [])
                if (q.get("answer") or "").strip()
            ]
            if not secs:
                continue
            key = r.get("url") or f"{r.get('collection')}/{r.get('file')}"
            yield Document(f"medquad:{key}", "medquad", title=r.get("focus") or "", sections=secs,
                           meta={"collection": r.get("collection"), "url": r.get("url")})


# --- ACL papers -----------------------------------------------------------------------------

_NUMBERING = re.compile(r"^\s*(?:[0-9]+(?:\.[0-9]+)*\.?|[IVX]+\.|[A-H]\.?)\s+")


def clean_heading(heading: str) -> str:
    """"3.1 Experimental Setup." -> "Experimental Setup"."""
    h = _NUMBERING.sub("", _WS.sub(" ", heading).strip())
    return h.strip(" .:")


def read_scisummnet(shared: str | os.PathLike | None = None) -> Iterator[Document]:
    path = shared_dir(shared) / "data" / "scisummnet.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            lines = [x.strip() for x in (r.get("human_summary") or "").split("\n") if x.strip()]
            title, summ = (lines[0], lines[1:]) if lines else ("", [])
            secs = [Section(clean_heading(s.get("heading") or ""), clean_text(s.get("text") or ""))
                    for s in r.get("sections", [])]
            summ = [clean_text(x) for x in summ]
            yield Document(f"acl:{r['id']}", "scisummnet", text=clean_text(r.get("abstract") or ""),
                           summary=" ".join(summ), summary_sentences=summ, title=clean_text(title),
                           sections=[s for s in secs if s.text])


def aclsum_available() -> bool:
    try:
        import aclsum  # noqa: F401
    except ImportError:
        return False
    return True


def read_aclsum(splits: tuple[str, ...] = ("train", "val", "test")) -> Iterator[Document]:
    """aclsum (MIT, bundled data, no network): aspect summaries (challenge/approach/outcome).

    ``text`` is the abstract; sections are the introduction and conclusion (sentence lists from
    the package) plus the body sections of the bundled S2ORC parse. Yields nothing when the
    package is not installed.
    """
    if not aclsum_available():
        return
    from aclsum import ACLSum

    for split in splits:
        for d in ACLSum(split).documents:
            summ = [d.summaries[a].strip() for a in ("challenge", "approach", "outcome") if d.summaries.get(a)]
            secs = [Section(name.capitalize(), " ".join(d.sentences.get(name, [])))
                    for name in ("introduction", "conclusion") if d.sentences.get(name)]
            try:
                body = d.get_fulltext_parse()["pdf_parse"]["body_text"]
            except (KeyError, OSError, ValueError):
                body = []
            seen: dict[str, Section] = {}
            for para in body:
                head = clean_heading(para.get("section") or "")
                if not head or head.lower() in ("introduction", "conclusion", "conclusions"):
                    continue
                if head not in seen:
                    seen[head] = Section(head, "")
                    secs.append(seen[head])
                seen[head].text = (seen[head].text + "\n" + para.get("text", "").strip()).strip()
            yield Document(f"acl:{d.id}", "aclsum", text=" ".join(d.sentences.get("abstract", [])),
                           summary=" ".join(summ), summary_sentences=summ, title=d.title,
                           sections=[s for s in secs if s.text], meta={"aclsum_split": split})


# --- house-format articles ------------------------------------------------------------------


def read_articles(folder: str | os.PathLike) -> Iterator[Document]:
    """A user's folder of house-format ``*.txt`` articles (lead abstract, intro, outline,
    sections, closing), parsed with ``corpus.parse.parse_article``.

    ``summary`` is the lead abstract; ``text`` the intro, section paragraphs and closing;
    sections (sub-sections flattened after their parent) keep their headings and levels.
    """
    from summarize.corpus.parse import parse_article

    for path in sorted(Path(folder).glob("*.txt")):
        art = parse_article(path.read_text(encoding="utf-8"))
        secs = [Section(s.heading or "", s.text, level=s.level) for s in art.walk()]
        intro, closing = _as_text(art.intro), _as_text(art.closing)
        body = [intro] + [s.text for s in secs] + [closing]
        yield Document(f"article:{path.stem}", "articles", text="\n".join(b for b in body if b),
                       summary=(art.lead or "").strip(), title=_as_text(art.title), sections=secs,
                       meta={"path": str(path), "intro": intro, "closing": closing})


def _as_text(x) -> str:
    """Paragraph / list of Paragraphs / str / None -> text (paragraphs joined by newlines)."""
    if x is None:
        return ""
    if isinstance(x, str):
        return x.strip()
    if hasattr(x, "text"):
        return x.text.strip()
    return "\n".join(t for t in (_as_text(p) for p in x) if t)
