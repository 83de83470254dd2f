"""How close a question is to the example questions of each entry, as a whole phrasing.

Both sides are reduced to the same index terms first (synonyms, typo correction, stems), so that
"is the jbo stresful" and "is it stressful" meet on "stress"; rapidfuzz then compares the term
strings (token sort ratio: word order does not matter, a near-miss stem still counts).
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence

from rapidfuzz import fuzz, process

from knowledge.qa.text import QueryWord

# Examples closer than this (0-100) are not counted at all.
MIN_SIMILARITY = 50.0


def _main_term(word: QueryWord, indexed: Container[str]) -> str:
    """A word's first term that the entries' texts hold: a word only the synonyms know stands
    for what it means ("dough" for "salari"), as it would never meet an example otherwise."""
    return next((term for term in word.terms if term in indexed), word.terms[0])


def phrasing(query: Sequence[QueryWord], indexed: Container[str]) -> str:
    """A question as its words' main index terms, e.g. "stress" for "is the job stressful";
    a word the knowledge does not know stays as typed ("london"), so that it counts against a
    match instead of vanishing."""
    return " ".join(_main_term(word, indexed) if word.terms else word.text for word in query)


class ParaphraseIndex:
    def __init__(self, examples: Iterable[tuple[int, Sequence[QueryWord]]],
                 indexed: Container[str]) -> None:
        self._indexed = indexed
        self._docs: list[int] = []
        self._phrasings: list[str] = []
        for doc, query in examples:
            text = phrasing(query, indexed)
            if text:
                self._docs.append(doc)
                self._phrasings.append(text)

    def __len__(self) -> int:
        return len(self._phrasings)

    def similar(self, query: Sequence[QueryWord], limit: int) -> dict[int, float]:
        """Up to `limit` entries whose closest example is similar enough, with that similarity
        (0-1), best first."""
        text = phrasing(query, self._indexed)
        if not text or limit <= 0:
            return {}
        found = process.extract(text, self._phrasings, scorer=fuzz.token_sort_ratio,
                                score_cutoff=MIN_SIMILARITY, limit=limit * 4)
        best: dict[int, float] = {}
        for _, score, position in found:
            doc = self._docs[position]
            best[doc] = max(best.get(doc, 0.0), score / 100)
        return dict(sorted(best.items(), key=lambda item: -item[1])[:limit])
