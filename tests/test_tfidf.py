"""corpus.tfidf stands in for scikit-learn's TfidfVectorizer (whose import cost a second of
start-up); these tests pin it to scikit-learn's output, so a drift in either shows here."""

import numpy as np
import pytest

from summarize.corpus.tfidf import ENGLISH_STOP_WORDS, tfidf_matrix

sklearn_text = pytest.importorskip("sklearn.feature_extraction.text")

TEXTS = [
    "Kava is a drink made from the root of a Pacific plant.",
    "Some studies suggest kava eases anxiety; the studies were small and short.",
    "Kava can harm the liver, and it interacts with alcohol and sleeping pills.",
    "Talk to a doctor before you try kava, kava, kava.",
    "The and of it is.",  # only stop words: a zero row
    "Émigrés naïvely café-hopping: Unicode words count too.",
]


def _sklearn(texts):
    return sklearn_text.TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)


def test_the_matrix_is_scikit_learns():
    ours, theirs = tfidf_matrix(TEXTS), _sklearn(TEXTS)
    assert ours.shape == theirs.shape
    np.testing.assert_allclose(ours.toarray(), theirs.toarray(), atol=1e-12)


def test_the_stop_words_are_scikit_learns():
    assert ENGLISH_STOP_WORDS == sklearn_text.ENGLISH_STOP_WORDS


@pytest.mark.parametrize("texts", [["the and of", "it is"], [""], []])
def test_no_content_word_raises_as_scikit_learn_does(texts):
    with pytest.raises(ValueError):
        _sklearn(texts)
    with pytest.raises(ValueError, match="empty vocabulary"):
        tfidf_matrix(texts)


def test_running_a_draft_does_not_import_scikit_learn():
    # the point of the module: start-up stays free of scikit-learn (and the pandas it pulls in)
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from summarize.pipeline import Summarizer\n"
        "from summarize.plan import plan\n"
        "from summarize.corpus.parse import parse_draft\n"
        "print(any(m == 'sklearn' or m.startswith('sklearn.') for m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
