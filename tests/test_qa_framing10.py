"""Conversational framing of round 10 (branch framing10): a leading or trailing clause that only
says who asks and why ("my teacher asked us this lol", "asking for a friend"), opens a chat
("quick q,", "hey bot") or closes it ("thanks in advance", "any help appreciated") asks nothing:
the question is read without it. A self-description, another occupation asked about and a
framed off-topic question keep what they had."""

from __future__ import annotations

import pytest

from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.engine import Outcome
from knowledge.qa.framing import unframed
from knowledge.qa.smalltalk import SmallTalk, small_talk
from tests.qa_answers import answered_by


@pytest.mark.parametrize(("text", "expected"), [
    ("my teacher asked us this lol cphims eligibility", "cphims eligibility"),
    ("my 10th grade teacher asked the class: what is ahima", "what is ahima"),
    ("a friend of mine wants to know the median pay", "the median pay"),
    ("my coworker and I were arguing about whether the rhit expires",
     "whether the rhit expires"),
    ("my friend asked me to ask you how much rhit costs", "how much rhit costs"),
    ("ok random one: what is cahims", "what is cahims"),
    ("Not sure if you can answer this, but is the job stressful?", "is the job stressful?"),
    ("settle a debate for us - is cehrs worth it", "is cehrs worth it"),
    ("whats the typical yearly paycheck asking for a friend", "whats the typical yearly paycheck"),
    ("how long is the rhit exam? thanks so much in advance!!", "how long is the rhit exam?"),
    ("Thanks in advance! what do EHR trainers do", "what do EHR trainers do"),
    ("hey bot, for a school project: what does an ehr specialist do, if that makes sense",
     "what does an ehr specialist do"),
    ("cca fee edit: typo", "cca fee"),
    ("my husband asked me to find out what cehrs stands for", "what cehrs stands for"),
    ("so my niece is curious: how long is rhit school", "how long is rhit school"),
    ("Question from my daughter: what does an ehr specialist do",
     "what does an ehr specialist do"),
    ("sorry for my bad english, how much ehr specialist earn", "how much ehr specialist earn"),
    ("whats the median pay lmk", "whats the median pay"),
    ("how much does rhit cost, my mom wants to know", "how much does rhit cost"),
    ("quick question, im curious what the median pay is", "what the median pay is"),
    ("sooo my bf and i made a bet... do i need a degree?", "do i need a degree?"),
    ("Thanks for your help earlier! What is the RHIT renewal fee?",
     "What is the RHIT renewal fee?"),
    ("heyyy quick one, hows the pay in florida", "hows the pay in florida"),
    ("I didn't know: what's the rhia", "I didn't know: what's the rhia"),  # no framing
])
def test_framing_clauses_are_cut_off(text: str, expected: str) -> None:
    assert unframed(text) == expected


@pytest.mark.parametrize("text", [
    "im a teacher, can i switch",  # a self-description
    "can a teacher become an ehr specialist",
    "what do teachers make",
    "my teacher said the pay is terrible, is that true",  # hearsay: its claim is asked about
    "someone asked me to get certified, which cert",  # asked to do something, not a question
    "my job asks for a cert, which one",
    "what kind of money are we talking",
    "how do i go about asking for a raise",
    "thanks in advance",  # nothing but framing: left to small talk
    # the end of a question is no framing unless it is a clause of its own
    "what do i need to know",
    "should i be honest",
    "what do i do if i need help",
    "do ehr specialists feel appreciated",
    "what degree do i need for research",
])
def test_other_text_is_left_as_written(text: str) -> None:
    assert unframed(text) == text


@pytest.mark.parametrize(("question", "entry"), [
    ("my teacher asked us this lol cphims eligibility", "certification:CPHIMS:eligibility"),
    ("my friend asked me this lol what is cahims", "certification:CAHIMS"),
    ("my mom wants to know how much ehr specialists make", "topic:salary_national"),
    ("settle a debate: do ehr specialists need a degree", "topic:education"),
    ("random question but what is ahima", "topic:org_ahima"),
    ("this might be a weird one but can i work remotely", "topic:remote_work"),
    ("not sure if you can answer this but what is the job outlook", "topic:outlook"),
    ("my uncle keeps asking me what an ehr specialist does", "topic:duties"),
])
def test_a_framed_question_gets_its_own_answer(question: str, entry: str) -> None:
    assert answered_by(question) == entry


def test_the_figure_is_the_one_asked_without_the_framing() -> None:
    answer = knowledge_engine().answer(
        "whats the typical yearly paycheck for a medical records specialist asking for a friend")
    assert answer.answered and "$50,250" in answer.entry.answer


@pytest.mark.parametrize("question", [
    "my teacher asked us this lol what's the weather",
    "asking for a friend, how much do nurses make",
    "my mom wants to know what teachers make",
    "quick q: how much does the cehrs exam cost",  # a fact the sources lack
])
def test_a_framed_decline_stays_declined(question: str) -> None:
    answer = knowledge_engine().answer(question)
    assert answer.outcome in (Outcome.UNKNOWN, Outcome.OFF_TOPIC)


@pytest.mark.parametrize(("question", "entry"), [
    ("i'm a teacher, can i switch", "topic:side_paths"),
    ("can a teacher become an ehr specialist", "topic:how_to_become"),
])
def test_a_self_description_keeps_its_answer(question: str, entry: str) -> None:
    assert answered_by(question) == entry


@pytest.mark.parametrize(("text", "kind"), [
    ("thanks in advance!", SmallTalk.THANKS),  # not career advancement
    ("thank you so much in advance everyone", SmallTalk.THANKS),
    ("any help appreciated", SmallTalk.CHATTER),
    ("quick question", SmallTalk.CHATTER),
    ("asking for a friend", SmallTalk.CHATTER),
])
def test_nothing_but_framing_is_small_talk(text: str, kind: SmallTalk) -> None:
    assert small_talk(text) == kind


@pytest.mark.parametrize("text", ["thanks in advance, what is rhit", "quick question: rhit fee"])
def test_framing_with_a_question_is_no_small_talk(text: str) -> None:
    assert small_talk(text) is None
