"""The pipeline's leads and outlines checked against a labelled drafts folder (a ``KEY.md`` answer
key in the format of ``summarize/evaluation/drafts/KEY.md``): what an editor checks first.

Per draft, with the shipped pipeline (model + caveat filter):

- ``furniture_in_lead``: lead sentences taken from a labelled furniture line (byline, caption,
  dek, widget, related link ...), or with one glued in;
- ``outline_furniture``: outline entries that are furniture lines;
- ``headings``: the labelled headings the outline has (recall) and the draft headings it shows
  that are not labelled (precision);
- ``conclusion_in_lead``: the labelled conclusion-level caveat is in the lead (a lead sentence
  written from it, or one that holds its content words);
- ``mandated``: per mandated kind (dependency, research), labelled in the draft / carried by a
  lead sentence written from a sentence labelled with it; ``false_alarms``: mandated kinds the
  filter reports in the lead that the key does not have in the draft;
- ``defects``: ``summarize.coherence`` defects of the lead; ``caveat_words``: words of the lead's
  caveat sentences; ``changed``: model-written sentences that differ from their source.

    summarize eval --data path/to/labelled-folder --out report.json
"""
from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from summarize import coherence

MANDATED = ("dependency", "research")


def _norm(text: str) -> str:
    return " ".join((text or "").replace("’", "'").replace("“", '"').replace("”", '"').split())


def _bare_heading(line: str) -> str:
    # (a run-in label is keyed with its colon, "Background:", and printed in the outline without it)
    return _norm(line.lstrip("#").strip().removeprefix("– ").removeprefix("- ")).rstrip(":").rstrip()


def _overlaps(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    return bool(a and b) and (a in b or b in a)


def furniture_sentences(lead_sentences, furniture: list[str]) -> list[str]:
    """Lead sentences written from a furniture line (their source lies within one), or with a
    furniture line of three words or more glued to the front or back of their source (a short
    line such as an institution's name may well occur inside a prose sentence)."""
    lines = [_norm(f) for f in furniture]
    out = []
    for s in lead_sentences:
        src = _norm(s.source_text or s.text)
        if any(src in f or (len(f.split()) >= 3 and src != f and (src.startswith(f) or src.endswith(f)))
               for f in lines if f):
            out.append(s.text)
    return out


def _at(text: str | None, s) -> str | None:
    return text[s.start:s.end] if text is not None and s.start is not None and s.end is not None else None


def check_draft(entry: dict, result) -> dict[str, Any]:
    """One draft's checks (see the module doc) from its key entry and the pipeline's ``Result``."""
    from summarize.evaluation.caveats import keeps_phrase
    from summarize.evaluation.evaluate import _changed

    sentences = result.lead_sentences
    lead = result.lead
    furniture = {_bare_heading(f) for f in entry["furniture"]}
    labelled_headings = [_bare_heading(h) for h in entry["headings"]]
    shown = [_bare_heading(e.heading) for e in result.outline if e.method == "draft"]
    conclusion = entry["conclusion"]
    # what each lead sentence was written from: its source text, and the draft sentence at its
    # offsets (a sentence with a name restored or an aside cut is no substring of the draft's)
    draft = getattr(getattr(result, "article", None), "text", None)
    written_from = [[t for t in (s.source_text, _at(draft, s)) if t] or [s.text] for s in sentences]
    in_lead = None
    if conclusion:
        in_lead = any(_overlaps(t, conclusion) for ts in written_from for t in ts) or keeps_phrase(lead, conclusion)
    mandated = {}
    for kind in MANDATED:
        labelled = [c["text"] for c in entry["caveats"] if kind in c["kinds"]]
        carried = any(_overlaps(t, c) for ts in written_from for t in ts for c in labelled)
        mandated[kind] = {"labelled": bool(labelled), "in_lead": carried}
    # (a mention reported as about another substance is not the lead carrying the kind)
    reported = {k for k, mentions in (result.caveats or {}).get("summary_kinds", {}).items()
                if any(m.get("about_subject", True) for m in mentions)}
    labelled_kinds = {k for c in entry["caveats"] for k in c["kinds"]}
    changed = _changed(sentences)
    return {
        "file": entry["file"],
        "lead": lead,
        "words": len(lead.split()),
        "sources": [s.source for s in sentences],
        "roles": [s.role for s in sentences],
        "defects": [d.to_dict() for d in coherence.check(lead).defects],
        "furniture_in_lead": furniture_sentences(sentences, entry["furniture"]),
        "outline": [e.heading for e in result.outline],
        # (a heading also printed in a page's table of contents is a heading, not furniture)
        "outline_furniture": [h for h in (_bare_heading(e.heading) for e in result.outline)
                              if h in furniture and h not in labelled_headings],
        "headings_labelled": len(labelled_headings),
        "headings_found": sum(h in shown for h in labelled_headings),
        "headings_unlabelled": [h for h in shown if h not in labelled_headings],
        "conclusion": conclusion,
        "conclusion_in_lead": in_lead,
        "mandated": mandated,
        "false_alarms": sorted(k for k in MANDATED if k in reported and k not in labelled_kinds),
        "caveat_words": sum(len(s.text.split()) for s in sentences if s.source == "caveat" or s.role == "caveat"),
        "added_words": sum(len(s.text.split()) for s in sentences if s.source == "caveat"),
        "changed": [sum(changed), len(changed)],
    }


def totals(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The folder's counts from the per-draft checks."""
    with_conclusion = [r for r in rows if r["conclusion"]]
    out: dict[str, Any] = {
        "drafts": len(rows),
        "clean": sum(not r["defects"] for r in rows),
        "furniture_in_lead": sum(len(r["furniture_in_lead"]) for r in rows),
        "outline_furniture": sum(len(r["outline_furniture"]) for r in rows),
        "headings_found": [sum(r["headings_found"] for r in rows), sum(r["headings_labelled"] for r in rows)],
        "headings_unlabelled": sum(len(r["headings_unlabelled"]) for r in rows),
        "conclusion_in_lead": [sum(bool(r["conclusion_in_lead"]) for r in with_conclusion), len(with_conclusion)],
        "false_alarms": {k: sum(k in r["false_alarms"] for r in rows) for k in MANDATED},
        "caveat_words_mean": round(sum(r["caveat_words"] for r in rows) / len(rows), 1) if rows else 0.0,
        "added_words_mean": round(sum(r["added_words"] for r in rows) / len(rows), 1) if rows else 0.0,
        "words_mean": round(sum(r["words"] for r in rows) / len(rows), 1) if rows else 0.0,
        "changed": [sum(r["changed"][0] for r in rows), sum(len(r["sources"]) for r in rows)],
    }
    for kind in MANDATED:
        labelled = [r for r in rows if r["mandated"][kind]["labelled"]]
        out[f"{kind}_in_lead"] = [sum(r["mandated"][kind]["in_lead"] for r in labelled), len(labelled)]
    defects: dict[str, int] = {}
    for r in rows:
        for d in r["defects"]:
            defects[d["kind"]] = defects.get(d["kind"], 0) + 1
    out["defects"] = dict(sorted(defects.items()))
    return out


def evaluate_labelled(folder: str | Path, summarizer, limit: int | None = None, progress: bool = True) -> dict[str, Any]:
    """Run ``summarizer`` (the full pipeline) on every draft the key lists; per-draft checks and
    totals. A draft the pipeline rejects is listed under ``failures``."""
    from tqdm import tqdm

    from summarize.evaluation.caveats import read_draft_key

    folder = Path(folder)
    key = read_draft_key(folder)[:limit]
    rows, failures = [], []
    t0 = time.perf_counter()
    for entry in tqdm(key, unit="draft", desc="eval", disable=None if progress else True, file=sys.stderr):
        try:
            result = summarizer.summarize((folder / entry["file"]).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            failures.append({"file": entry["file"], "error": str(exc)})
            continue
        rows.append(check_draft(entry, result))
    return {"data": str(folder), "model": getattr(summarizer.model, "name", ""), "seconds_wall": time.perf_counter() - t0,
            "totals": totals(rows), "drafts": rows, "failures": failures}


def _frac(pair: list[int]) -> str:
    return f"{pair[0]}/{pair[1]}"


def format_labelled(report: dict[str, Any]) -> str:
    """One line per draft, then the totals."""
    header = ("file", "words", "cav-w", "added-w", "defects", "furn", "outl-furn", "head", "concl", "dep", "research", "changed")

    def mark(m: dict) -> str:
        return "-" if not m["labelled"] else ("yes" if m["in_lead"] else "NO")

    body = []
    for r in report["drafts"]:
        body.append((r["file"][:28], str(r["words"]), str(r["caveat_words"]), str(r["added_words"]), str(len(r["defects"])),
                     str(len(r["furniture_in_lead"])), str(len(r["outline_furniture"])),
                     f"{r['headings_found']}/{r['headings_labelled']}",
                     "-" if r["conclusion_in_lead"] is None else ("yes" if r["conclusion_in_lead"] else "NO"),
                     mark(r["mandated"]["dependency"]) + ("!" if "dependency" in r["false_alarms"] else ""),
                     mark(r["mandated"]["research"]) + ("!" if "research" in r["false_alarms"] else ""),
                     f"{r['changed'][0]}/{len(r['sources'])}"))
    widths = [max(len(row[i]) for row in (header, *body)) for i in range(len(header))]
    fmt = lambda row: "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths)))  # noqa: E731
    T = report["totals"]
    lines = [fmt(header), "  ".join("-" * w for w in widths)] + [fmt(row) for row in body] + [
        "",
        f"* {T['drafts']} drafts ({len(report['failures'])} failed); leads free of coherence defects: {T['clean']}; "
        f"defects by type: {T['defects'] or 'none'}",
        f"* conclusion-level caveat in the lead: {_frac(T['conclusion_in_lead'])}; dependency in the lead: "
        f"{_frac(T['dependency_in_lead'])}; research: {_frac(T['research_in_lead'])}; false alarms (!) "
        f"dependency {T['false_alarms']['dependency']}, research {T['false_alarms']['research']}",
        f"* furniture sentences in leads: {T['furniture_in_lead']}; outline entries that are furniture: "
        f"{T['outline_furniture']}; labelled headings in outlines: {_frac(T['headings_found'])} "
        f"(+{T['headings_unlabelled']} unlabelled)",
        f"* lead words (mean): {T['words_mean']}; caveat-sentence words (mean): {T['caveat_words_mean']}, of them "
        f"added by the filter: {T['added_words_mean']}; "
        f"model-written and changed: {_frac(T['changed'])} lead sentences",
    ]
    return "\n".join(lines)
