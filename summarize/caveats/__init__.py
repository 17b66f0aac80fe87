"""Caveat post-filter for health leads: detection, repair and policy.

    from summarize.caveats import CaveatFilter, load_policy
    f = CaveatFilter(load_policy())            # or CaveatFilter() for the shipped policy
    res = f(source_text, summary_text)
    res.summary, res.passed, res.sentences, res.report.to_dict()

Modules: ``policy`` (the TOML policy), ``nlp`` (tokens, lemmas, negation scope), ``detect``
(caveat cues in a sentence), ``repair`` (compression, overclaim cuts, placement), ``filter``
(the filter itself), ``encoder`` (optional paraphrase detection). The CLI commands live in ``summarize.cli``.
"""
from .detect import Detection, Detector
from .filter import CaveatFilter, CaveatReport, CaveatResult, OutputSentence
from .policy import DEFAULT_POLICY_PATH, Kind, Policy, PolicyError, load_policy

__all__ = [
    "CaveatFilter", "CaveatReport", "CaveatResult", "OutputSentence", "Detection", "Detector",
    "DEFAULT_POLICY_PATH", "Kind", "Policy", "PolicyError", "load_policy",
]
