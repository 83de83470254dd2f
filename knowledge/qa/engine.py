"""Answering a free-text question from the knowledge entries.

A question is expanded (synonyms, typo correction, stems), scored against every entry with BM25,
boosted when its intent (pay, certification, steps, career) and the certifications or state it
names match an entry, and answered only when the best entry covers enough of what was asked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from knowledge.qa.index import BM25Index
from knowledge.qa.mentions import Mentions, find_mentions
from knowledge.qa.text import QueryWord, Vocabulary, document_terms, normalized_question, words

MAX_QUESTION = 500
# Share of the question's weight (IDF of its words) the best entry must match to be answered.
MIN_COVERAGE = 0.5
# A related entry must score at least this share of the best one.
RELATED_SHARE = 0.35
MAX_RELATED = 3
MIN_RELATED = 2
# Title and keywords count this many times as much as the answer text.
FIELD_WEIGHT = 3
# The best-scored entries are re-ranked by how much of the question each one covers.
RERANK = 10
COVERAGE_POWER = 2


class Intent(StrEnum):
    PAY = "pay"
    CERTIFICATION = "certification"
    STEPS = "steps"
    CAREER = "career"


class Outcome(StrEnum):
    ANSWERED = "answered"
    UNKNOWN = "unknown"  # about the field, but nothing in the knowledge answers it
    OFF_TOPIC = "off_topic"  # nothing in it relates to the knowledge at all


@dataclass(frozen=True)
class Entry:
    """One answerable piece of knowledge: a topic, a certification, a career stage, a state…"""

    id: str
    title: str
    answer: str
    keywords: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    command: str = ""
    intents: frozenset[Intent] = frozenset()
    subjects: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Answer:
    outcome: Outcome
    question: str
    entry: Entry | None = None
    related: tuple[Entry, ...] = ()
    intent: Intent | None = None
    mentions: Mentions = field(default_factory=Mentions)
    coverage: float = 0.0

    @property
    def answered(self) -> bool:
        return self.outcome is Outcome.ANSWERED

    @property
    def command(self) -> str:
        """The command that goes deeper: the entry's own, else the one for the intent."""
        if self.entry is not None and self.entry.command:
            return self.entry.command
        return INTENT_COMMANDS.get(self.intent, "") if self.intent else ""

    @property
    def personal_pay(self) -> bool:
        """A question about the asker's own pay ("what would I earn with RHIT?")."""
        return (self.intent is Intent.PAY and self.mentions.first_person
                and self.mentions.asks_amount)

    @property
    def wants_estimate(self) -> bool:
        """Own pay, and either understood or naming a what-if (a certification, state, years…).

        "How much would I make selling pizza" names nothing and is not understood: no estimate.
        """
        return self.personal_pay and (self.answered or bool(self.mentions.certs)
                                      or bool(self.mentions.profile_changes()))


INTENT_COMMANDS = {Intent.PAY: "salary", Intent.CERTIFICATION: "certify",
                   Intent.STEPS: "steps", Intent.CAREER: "career"}


class Engine:
    def __init__(self, entries: Sequence[Entry], synonyms: Mapping[str, Iterable[str]],
                 intent_cues: Mapping[Intent, Iterable[str]]) -> None:
        self.entries = tuple(entries)
        self.by_id = {entry.id: entry for entry in self.entries}
        texts = [self._entry_texts(entry) for entry in self.entries]
        self.index = BM25Index([document_terms(text) for text in texts])
        self.vocabulary = Vocabulary(
            synonyms, (word for text in texts for part in text for word in words(part)))
        self._cues = {intent: frozenset(document_terms(cues))
                      for intent, cues in intent_cues.items()}

    @staticmethod
    def _entry_texts(entry: Entry) -> list[str]:
        weighted = [entry.title, *entry.keywords] * FIELD_WEIGHT
        return [*weighted, entry.answer]

    def intent_of(self, query: Sequence[QueryWord]) -> Intent | None:
        terms = {term for word in query for term in word.terms}
        counts = {intent: len(terms & cues) for intent, cues in self._cues.items()}
        best = max(counts, key=lambda intent: counts[intent], default=None)
        return best if best is not None and counts[best] > 0 else None

    def answer(self, question: str) -> Answer:
        text = question[:MAX_QUESTION]
        query = self.vocabulary.expand(text)
        mentions = find_mentions(text, [word.text for word in query])
        intent = self.intent_of(query)
        normalized = normalized_question(text)
        terms = [term for word in query for term in word.terms]
        if not any(term in self.index for term in terms):
            return Answer(Outcome.OFF_TOPIC, normalized, intent=intent, mentions=mentions)
        ranked = self._rank(query, terms, intent, mentions, RERANK)
        best_doc, best_score, coverage = ranked[0]
        if coverage < MIN_COVERAGE:
            return Answer(Outcome.UNKNOWN, normalized, intent=intent, mentions=mentions,
                          coverage=coverage)
        best = self.entries[best_doc]
        return Answer(Outcome.ANSWERED, normalized, entry=best,
                      related=self._related(best, ranked, best_score), intent=intent,
                      mentions=mentions, coverage=coverage)

    def search(self, text: str, limit: int) -> list[Entry]:
        """Up to `limit` entries for a search typed as it is written (inline mode), best first.

        Like a question, but the last word may be unfinished ("rhi" → RHIT, RHIA) and every
        entry sharing a word is listed, not only a confident answer. None when nothing relates.
        """
        query = self.vocabulary.expand(text[:MAX_QUESTION], complete_last=True)
        terms = [term for word in query for term in word.terms]
        if limit <= 0 or not any(term in self.index for term in terms):
            return []
        mentions = find_mentions(text[:MAX_QUESTION], [word.text for word in query])
        ranked = self._rank(query, terms, self.intent_of(query), mentions, limit)
        return [self.entries[doc] for doc, _, _ in ranked[:limit]]

    def related_to(self, entry: Entry) -> tuple[Entry, ...]:
        """The entry's own related entries, else the ones its title finds."""
        own = tuple(self.by_id[i] for i in entry.related if i in self.by_id)
        if own:
            return own[:MAX_RELATED]
        found = self.answer(entry.title)
        return tuple(e for e in (found.entry, *found.related)
                     if e is not None and e.id != entry.id)[:MAX_RELATED]

    def _rank(self, query: Sequence[QueryWord], terms: list[str], intent: Intent | None,
              mentions: Mentions, rerank: int) -> list[tuple[int, float, float]]:
        """The `rerank` best (entry, score, coverage), best first: BM25 with boosts, then
        re-ranked by coverage."""
        scored = []
        for doc, score in self.index.scores(terms).items():
            entry = self.entries[doc]
            factor = 1.0
            if intent is not None and intent in entry.intents:
                factor += 0.3
            if mentions.subjects and entry.subjects:
                # Jaccard: the entry about exactly what was named beats one that lists it.
                shared = len(mentions.subjects & entry.subjects)
                factor *= 0.4 + 1.2 * shared / len(mentions.subjects | entry.subjects)
            elif mentions.subjects:
                factor *= 0.6
            scored.append((doc, score * factor))
        scored.sort(key=lambda item: (-item[1], item[0]))
        # Each question word weighs its best IDF (the highest possible for an unknown word).
        weights = [max((self.index.idf[term] for term in word.terms if term in self.index),
                       default=self.index.max_idf) for word in query]
        total = 0.0
        for weight in weights:
            total += weight
        reranked = []
        for doc, score in scored[:rerank]:
            coverage = self._coverage(query, terms, weights, total, doc)
            reranked.append((doc, score * coverage ** COVERAGE_POWER, coverage))
        reranked.sort(key=lambda item: (-item[1], item[0]))
        return reranked

    def _coverage(self, query: Sequence[QueryWord], terms: list[str], weights: list[float],
                  total: float, doc: int) -> float:
        """IDF-weighted share of the question's words that the entry matches (`weights` per
        word of `query` and their `total`, the same for every entry, come from `_rank`)."""
        matched = self.index.matched(terms, doc)
        covered = 0.0
        for word, weight in zip(query, weights, strict=True):
            if matched.intersection(word.terms):
                covered += weight
        return covered / total if total else 0.0

    def _related(self, best: Entry, ranked: list[tuple[int, float, float]],
                 best_score: float) -> tuple[Entry, ...]:
        chosen = [self.by_id[i] for i in best.related if i in self.by_id and i != best.id]
        close = [self.entries[doc] for doc, score, _ in ranked[1:]
                 if score >= RELATED_SHARE * best_score]
        # An entry without related ids and far ahead of the rest still offers the next ones.
        chosen += close or [self.entries[doc] for doc, _, _ in ranked[1:1 + MIN_RELATED]]
        unique = {entry.id: entry for entry in chosen if entry.id != best.id}
        return tuple(unique.values())[:MAX_RELATED]
