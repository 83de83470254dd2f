"""Free-text answers (issue 12): framing that asks nothing itself carries no topic, a
self-description counts only through what the profile reads, and durations and everyday words
for skills, duties, education and vendors reach the card that says it."""

from __future__ import annotations

import pytest

from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.text import situation_words, without_role

ENGINE = knowledge_engine()


def _words(question: str) -> list[str]:
    return [word.text for word in ENGINE.vocabulary.expand(question)]


@pytest.mark.parametrize(("question", "read"), [
    ("FAQ - can i work from home", ["work from home"]),
    ("Q: is certification required? A:", ["certification", "required"]),
    ("a website said you need a degree, is that true", ["degree"]),
    ("my friend said you need a degree", ["degree"]),
    ("i read online that you need a degree", ["degree"]),
    ("just give me the number, how long does it take", ["how long"]),
    ("why is confidentiality such a big deal", ["confidentiality"]),
    ("spell out the acronym rhit", ["rhit"]),
    ("full name of cahiim please", ["cahiim"]),
    ("FAQ #3 - do i need a degree?", ["degree"]),
    ("be honest, do i need a degree", ["degree"]),
    ("i saw on tiktok that you need a degree", ["degree"]),
])
def test_framing_that_asks_nothing_leaves_only_what_is_asked(question: str,
                                                             read: list[str]) -> None:
    assert sorted(_words(question)) == sorted(read)


def test_a_self_description_counts_only_through_what_the_profile_reads() -> None:
    assert _words("im a nursing student who hates clinicals, could i switch to this") \
        == ["switch to this"]
    assert _words("im a cna and hate lifting patients, can i switch into this") \
        == ["switch into"]
    # A clause ending in "here" that starts like a question keeps its words.
    assert "stressful" in _words("is it stressful here? what about the hours")
    assert {"military", "medic"} <= situation_words("ex-military medic here, how do i start")
    # Education, state and credentials the asker names still count.
    assert "ohio" in _words("i'm in ohio, what's the pay")
    assert "rhit" in _words("i'm rhit certified, would cehrs help")
    assert "school" in _words("im in high school what should i study")
    # With nothing else asked, the self-description is all there is.
    assert "student" in _words("im a nursing student")


def test_a_length_of_degree_is_no_experience() -> None:
    assert "duration" in " ".join(_words("is it a 2 year degree"))
    assert "bachelor" in _words("is a 4 year degree worth it")


def test_what_a_named_thing_does_or_is_good_at_is_about_that_thing() -> None:
    assert ENGINE.answer("what does ahima actually do").entry.id == "topic:org_ahima"
    assert ENGINE.answer("what is cerner good at").entry.id == "topic:vendor_cerner"
    assert ENGINE.answer("what should i be good at").entry.id == "topic:skills"


@pytest.mark.parametrize(("question", "entry"), [
    ("months or years to finish a certificate", "topic:how_long"),
    ("timeline from zero to working in this field", "topic:how_long"),
    ("who watches who opens a patients chart", "topic:hipaa"),
    ("do they talk to people or just sit at a computer all day", "topic:duties"),
    ("can i go the medical assisting route", "topic:education"),
    ("who can apply for the rhia", "certification:RHIA"),
    ("ex-military medic here, how do i transition into health records", "topic:how_to_become"),
])
def test_everyday_wordings_reach_their_card(question: str, entry: str) -> None:
    answer = ENGINE.answer(question)
    assert answer.answered
    assert answer.entry is not None and answer.entry.id.startswith(entry)


def test_what_the_asker_is_or_was_names_no_specific_thing() -> None:
    assert without_role("pharmacy tech here, how do i make the switch") \
        == "here how do i make the switch"
    assert "teacher" not in without_role("i'm a burnt out teacher, how would i get into this")
    # Where they are still counts (Chicago is read as Illinois), and a plain question is kept.
    assert "chicago" in without_role("i'm a nurse in chicago, what's the pay")
    assert without_role("what do the top 10% make") == "what do the top 10% make"
    assert ENGINE.answer("pharmacy tech here, how do i make the switch").answered
    assert ENGINE.answer("i'm in chicago, what's the pay").entry.id == "state:IL"


def test_a_tool_named_as_a_skill_is_no_employer_asked_about() -> None:
    assert ENGINE.answer("does knowing epic get you paid more").entry.id \
        == "topic:salary_factors"
    assert not ENGINE.answer("what does epic pay").answered
