"""The questions a generated card answers (one per certification, state, agency, GS grade…),
from templates: the curated examples of qa.yaml cover the hand-written topics."""

from __future__ import annotations

from knowledge.cards import Card
from knowledge.profile import STATES

_TEMPLATES = {
    "certification": ("what is the {x}", "tell me about the {x}", "{x} certification",
                      "how do i get the {x}", "what does the {x} cover"),
    "eligibility": ("what do i need for the {x}", "{x} requirements", "can i take the {x}",
                    "who can sit the {x} exam", "how many years of experience for the {x}",
                    "what degree do i need for the {x}"),
    "exam": ("how many questions are on the {x}", "how long is the {x} exam",
             "{x} passing score", "what is the {x} exam like",
             "which books can i bring to the {x} exam"),
    "fee": ("how much is the {x} exam", "what does the {x} cost", "{x} exam fee"),
    "renewal": ("how do i renew the {x}", "how many ceus for the {x}", "does the {x} expire",
                "how do i keep my {x}", "what happens if my {x} lapses",
                "is my {x} revoked if the dues go unpaid"),
    "retake": ("can i retake the {x}", "what if i fail the {x}",
               "how long do i wait to retake the {x}"),
    "pass_rate": ("what is the {x} pass rate",
                  "{x} first time pass rate"),
    "renewal_fee": ("how much does it cost to renew the {x}", "{x} renewal fee",
                    "what is the {x} recertification fee"),
    "domains": ("{x} exam content outline", "{x} exam domains",
                "what topics are on the {x} exam"),
    "window": ("when do i have to take the {x} once approved", "{x} exam window",
               "when do i have to schedule the {x} exam"),
    "venue": ("{x} centre", "{x} site", "{x} at home or at a centre"),
    "state": ("pay in {x}", "how much do they make in {x}", "{x} salary"),
    "agency": ("what does the {x} pay", "{x} salary", "how much do you make at the {x}",
               "what is the pay range at the {x}", "applying at the {x}, what do they pay"),
    "top_agency": ("which federal agency pays best", "what government agency pays the most",
                   "highest paying federal agency", "which federal employer pays the most",
                   "among the agencies who pays best"),
    # A grade's card gives its step 1 and step 10: the bottom and the top of the grade.
    "grade": ("gs {x} pay", "how much is gs {x}", "what does a gs {x} make",
              "top of gs {x} pay", "gs {x} lowest and highest step", "most you can make at gs {x}",
              "starting pay at gs {x}"),
}


# A card standing for a missing retake wait is asked about the wait, not whether a retake is
# allowed ("can i retake the cehrs" is no question of how long to wait).
_GAP_TEMPLATES = {"retake": ("what if i fail the {x}", "how long do i wait to retake the {x}")}


def _template_and_subject(card: Card) -> tuple[str, str] | None:
    key = card.id.split(":")[1:]
    if card.kind == "certification":
        return "certification", key[0]
    if card.kind == "cert_aspect":
        return key[1], key[0]
    if card.kind == "state":
        return "state", STATES[key[0]]
    if card.kind == "federal" and key[0].startswith("agency_"):
        return "agency", key[0].removeprefix("agency_")
    if card.id == "federal:top_agency":
        return "top_agency", ""
    if card.kind == "federal" and key[0].startswith("gs"):
        return "grade", key[0].removeprefix("gs")
    return None


def card_questions(card: Card) -> tuple[str, ...]:
    found = _template_and_subject(card)
    if found is None:
        return ()
    template, subject = found
    templates = _GAP_TEMPLATES.get(template, _TEMPLATES[template]) if card.gap else \
        _TEMPLATES[template]
    return tuple(question.format(x=subject.lower()) for question in templates)
