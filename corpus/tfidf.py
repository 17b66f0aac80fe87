"""TF-IDF sentence vectors, as scikit-learn's ``TfidfVectorizer(stop_words="english",
sublinear_tf=True)`` computes them.

Why not scikit-learn itself: importing it costs 1.1 s and 97 MB of a run's start-up (it pulls in
pandas and scipy.stats), more than the whole TF-IDF step over a folder of drafts, and the run
needs only this one transform. ``tests/test_tfidf.py`` pins this module to scikit-learn's output.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
from scipy import sparse

# scikit-learn's default token pattern: runs of two or more word characters.
_TOKEN = re.compile(r"(?u)\b\w\w+\b")

# scikit-learn's English stop-word list (sklearn.feature_extraction._stop_words, BSD-3-Clause;
# originally the Glasgow Information Retrieval Group's list).
ENGLISH_STOP_WORDS = frozenset(
    """
    a about above across after afterwards again against all almost alone along already also
    although always am among amongst amoungst amount an and another any anyhow anyone anything
    anyway anywhere are around as at back be became because become becomes becoming been before
    beforehand behind being below beside besides between beyond bill both bottom but by call can
    cannot cant co con could couldnt cry de describe detail do done down due during each eg
    eight either eleven else elsewhere empty enough etc even ever every everyone everything
    everywhere except few fifteen fifty fill find fire first five for former formerly forty
    found four from front full further get give go had has hasnt have he hence her here
    hereafter hereby herein hereupon hers herself him himself his how however hundred i ie if in
    inc indeed interest into is it its itself keep last latter latterly least less ltd made many
    may me meanwhile might mill mine more moreover most mostly move much must my myself name
    namely neither never nevertheless next nine no nobody none noone nor not nothing now nowhere
    of off often on once one only onto or other others otherwise our ours ourselves out over own
    part per perhaps please put rather re same see seem seemed seeming seems serious several she
    should show side since sincere six sixty so some somehow someone something sometime
    sometimes somewhere still such system take ten than that the their them themselves then
    thence there thereafter thereby therefore therein thereupon these they thick thin third this
    those though three through throughout thru thus to together too top toward towards twelve
    twenty two un under until up upon us very via was we well were what whatever when whence
    whenever where whereafter whereas whereby wherein whereupon wherever whether which while
    whither who whoever whole whom whose why will with within without would yet you your yours
    yourself yourselves
    """.split()
)


def tfidf_matrix(texts: list[str]) -> sparse.csr_matrix:
    """One L2-normalised row per text: sublinear term frequency (1 + ln tf) times smoothed
    inverse document frequency (ln((1 + n) / (1 + df)) + 1), over the texts' own vocabulary,
    stop words left out. Raises ValueError when no text has a content word, as scikit-learn does."""
    counts = [Counter(t for t in _TOKEN.findall(text.lower()) if t not in ENGLISH_STOP_WORDS) for text in texts]
    vocabulary = {term: j for j, term in enumerate(sorted(set().union(*counts)))}
    if not vocabulary:
        raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
    rows, cols, values = [], [], []
    for i, c in enumerate(counts):
        for term, n in c.items():
            rows.append(i)
            cols.append(vocabulary[term])
            values.append(1.0 + np.log(n))
    matrix = sparse.csr_matrix((values, (rows, cols)), shape=(len(texts), len(vocabulary)), dtype=np.float64)
    df = np.bincount(cols, minlength=len(vocabulary))
    idf = np.log((1.0 + len(texts)) / (1.0 + df)) + 1.0
    matrix = matrix @ sparse.diags(idf)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0  # an all-stop-word text keeps a zero row
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)
