"""The knowledge module's cards as entries the free-text engine answers from."""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future
from functools import cache
from importlib.resources.abc import Traversable

from knowledge.cards import Card, cards
from knowledge.qa import SYNONYMS_FILE, Engine, Entry, Intent, build_engine, load_synonyms
from knowledge.qa.data import qa_data
from knowledge.qa.mentions import grades_named, subjects_of
from knowledge.qa.templates import card_questions
from knowledge.qa.text import words
from knowledge.store import Knowledge, load_knowledge
from knowledge.text import source_label

log = logging.getLogger(__name__)
# Held while the engine is built: a second caller waits for that build instead of starting one.
_BUILDING = threading.Lock()

_KIND_INTENTS = {"certification": {Intent.CERTIFICATION}, "cert_aspect": {Intent.CERTIFICATION},
                 "state": {Intent.PAY}, "figure": {Intent.PAY}, "federal": {Intent.PAY},
                 "stage": {Intent.CAREER}, "side_path": {Intent.CAREER}}
_COMMAND_INTENTS = {"salary": Intent.PAY, "certify": Intent.CERTIFICATION,
                    "steps": Intent.STEPS, "career": Intent.CAREER, "path": Intent.CAREER}
# Words a certification card lacks, so that "who gives the RHIA certification" finds it.
_BODY_KEYWORDS = ("certification", "awarded by the certifying body", "organization")
# And every card of a certification, so that "what's the difference between CCA and CCS" finds
# them (each side's card follows the other) and "RHIT vs CCA fee" still the fees.
_COMPARING_KEYWORDS = ("difference between", "compare")
_CERT_KINDS = frozenset({"certification", "cert_aspect"})


def _subjects(card: Card) -> frozenset[str]:
    """The certifications a card is about (named in its title or keywords); a state card's state;
    the GS grade its title names."""
    if card.kind == "state":
        return frozenset({card.id.split(":", 1)[1]})
    return frozenset(subjects_of({word for text in (card.title, *card.keywords)
                                  for word in words(text)})
                     | set(grades_named(" ".join(words(card.title)))))


def _related(card: Card, kb: Knowledge) -> tuple[str, ...]:
    """A topic's related topics; for an older or undated national pay figure of the occupation,
    the newest median (the base of the salary model)."""
    if card.kind == "figure":
        newest = f"figure:{kb.salary.model.base}"
        figure = next((f for f in kb.figures if f"figure:{f.id}" == card.id), None)
        older = figure is not None and figure.unit.startswith("USD/") \
            and "medical records" in figure.label.lower() and card.id != newest
        return (newest,) if older else ()
    if card.kind != "topic":
        return ()
    return tuple(f"topic:{topic_id}" for topic_id in kb.topic(card.id.split(":", 1)[1]).related)


def entry_of(card: Card, kb: Knowledge, questions: tuple[str, ...] = ()) -> Entry:
    command = card.command.removeprefix("/")
    return Entry(
        id=card.id,
        title=card.title,
        answer=card.text,
        keywords=card.keywords + (_BODY_KEYWORDS if card.kind == "certification" else ())
        + (_COMPARING_KEYWORDS if card.kind in _CERT_KINDS else ()),
        questions=questions,
        sources=tuple(dict.fromkeys(source_label(kb.source(s)) for s in card.sources)),
        related=_related(card, kb),
        command=command,
        intents=frozenset(_KIND_INTENTS.get(card.kind)
                          or {_COMMAND_INTENTS.get(command.split()[0])} - {None}),
        subjects=_subjects(card),
        gap=card.gap,
    )


def knowledge_entries() -> list[Entry]:
    """Every card of the knowledge module (topics, certifications, stages, states, figures,
    federal pay), each with the questions it answers."""
    kb = load_knowledge()
    examples = qa_data().examples
    all_cards = cards()
    unknown = set(examples) - {card.id for card in all_cards}
    if unknown:
        raise ValueError(f"knowledge/data/qa.yaml: examples for unknown entries {sorted(unknown)}")
    return [entry_of(card, kb, (*examples.get(card.id, ()), *card_questions(card)))
            for card in all_cards]


def knowledge_engine() -> Engine:
    """The engine over the knowledge module, built once per process (thread-safe: a caller
    arriving during the build waits for it)."""
    with _BUILDING:
        return _built_engine()


@cache
def _built_engine() -> Engine:
    return build_engine(knowledge_entries())


def check_engine_data(synonyms_file: Traversable = SYNONYMS_FILE) -> None:
    """Validate qa.yaml and synonyms.yaml now (about 25 ms), so that a broken file stops the
    start-up, as every other knowledge file does, instead of failing each question later
    (qa.yaml is read once: the build reuses it)."""
    qa_data()
    load_synonyms(synonyms_file)


@cache
def knowledge_engine_soon() -> Future[Engine]:
    """knowledge_engine(), building in a worker thread from the first call on (the bot's
    start-up does not wait for it; its first question does)."""
    future: Future[Engine] = Future()

    def build() -> None:
        # Running from here on, so a waiter that gives up (the bot stopping mid-build) cannot
        # cancel the shared future under the thread's set_result.
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(knowledge_engine())
        except BaseException as error:
            log.exception("building the free-text engine failed")
            future.set_exception(error)

    threading.Thread(target=build, name="knowledge-engine", daemon=True).start()
    return future
