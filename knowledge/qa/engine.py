"""Answering a free-text question from the knowledge entries.

A question is expanded (synonyms, typo correction, stems) and scored against every entry two ways:
lexically (BM25 over the entry's title, keywords, example questions and answer, boosted when its
intent and the certifications or state it names match the entry, re-ranked by how much of the
question the entry covers) and as a whole phrasing (how close it is to one of the questions the
entry answers, knowledge/qa/paraphrase.py). The fused score picks the entry; it is answered only
when the entry covers enough of what was asked or one of its questions is close enough — a little
less coverage is enough when it is also clearly the closest in meaning (knowledge/qa/semantic.py).
A short follow-up ("and in Florida?") is read together with the asker's previous question.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import NamedTuple

from knowledge.profile import EDUCATION_LABELS, STATES, Education
from knowledge.qa.card_parts import part_first
from knowledge.qa.certwords import cert_wordings
from knowledge.qa.followup import followup_text, keeps_intent
from knowledge.qa.framing import unframed
from knowledge.qa.index import BM25Index
from knowledge.qa.ladder import (
    RECORDS_TECHNICIAN_PATH,
    besides_ladder,
    best_paid,
    compared_rung,
    duties_of,
    into_coding,
    moved_stage,
    named_stages,
    paths_compared,
    placed_by_years,
    promoted_to,
    side_path_duties,
    skills_asked,
    stage_by_years,
    stages,
    trains_others,
)
from knowledge.qa.mentions import (
    Mentions,
    find_mentions,
    grades_named,
    mention_words,
    only_gained,
    speaks_of_other,
    with_codes,
)
from knowledge.qa.occupation import jobs_compared, names_occupation, with_soc_names
from knowledge.qa.paraphrase import ParaphraseIndex
from knowledge.qa.parts import (
    asks,
    is_choice,
    question_parts,
    sentences,
    starts_question,
    topic_pair,
)
from knowledge.qa.semantic import SemanticIndex, StaticEmbeddings
from knowledge.qa.specifics import (
    Specifics,
    system_to_learn,
    vendors_ranked,
    without_hearsay,
    without_purpose,
)
from knowledge.qa.spoken import respoken
from knowledge.qa.steps import (
    asked_step,
    asks_program_content,
    earning_lead,
    keeps_growing,
    step_lead,
    steps_sources,
)
from knowledge.qa.text import (
    BY_HOUR,
    FIRST_PERSON,
    QueryWord,
    Vocabulary,
    agencies,
    document_terms,
    normalized_question,
    with_chat_for,
    without_role,
    words,
    words_asked,
)
from knowledge.qa.yesno import settled_lead

MAX_QUESTION = 500
# Share of the question's weight (IDF of its words) the best entry must match to be answered.
MIN_COVERAGE = 0.5
# A related entry must score at least this share of the best one.
RELATED_SHARE = 0.35
MAX_RELATED = 3
# A question of several parts shows at most this many answers after the first.
MAX_ALSO = 2
MIN_RELATED = 2
# Title and keywords count this many times as much as the answer text; example questions this many.
FIELD_WEIGHT = 3
QUESTION_WEIGHT = 1
# Fusion: the lexical score (relative to the best) plus this weight times the paraphrase
# similarity (0-1); an entry is answered on its paraphrase alone from this similarity on.
PARAPHRASE_WEIGHT = 0.5
PARAPHRASE_ANSWER = 0.85
# The similarity counts to this power: a near copy of an example far more than a loose likeness
# (token sort ratio gives two phrasings sharing one of two words about 0.7).
PARAPHRASE_POWER = 2
# Meaning (knowledge/qa/semantic.py): the best entry needs SEMANTIC_RELIEF less coverage when
# it is also the closest in meaning, with a cosine of at least SEMANTIC_SUPPORT, ahead of the
# closest entry of another family by at least SEMANTIC_MARGIN. (Added to the fused score, the
# meaning moved as many questions to wrong entries as to right ones: it is not fused.)
SEMANTIC_SUPPORT = 0.45
SEMANTIC_MARGIN = 0.05
SEMANTIC_RELIEF = 0.2
# The coverage needed when the question has a word no entry knows.
MIN_COVERAGE_WITH_UNKNOWN = 0.6
# A word no entry knows counts this share of the rarest known word in the coverage.
UNKNOWN_WEIGHT = 1.0
# The coverage needed when every such word is everyday English ("cashier", "overtime":
# text.QueryWord.everyday), not a name or a rare word ("in Fresno"). Held-out dev chose it;
# weighing everyday words less in the coverage cost more declines than it gained answers.
MIN_COVERAGE_EVERYDAY = 0.55
# An entry about a subject (a state, a certification) when the question names none.
UNNAMED_SUBJECT = 0.8
# The best-scored entries are re-ranked by how much of the question each one covers.
RERANK = 10
COVERAGE_POWER = 2
# A question asking only what a name is ("nha whats that org", "cahiim??", "ahima - what kind of
# group is it", "what does ahima do besides certifications") is answered by the entry that name
# heads ("NHA - National Healthcareer Association"): these words ask what a body is or does,
# and what follows "besides" / "apart from" / "other than" is what is not asked.
NAME_FILLER = frozenset({
    "org", "orgs", "organisation", "organisations", "organization", "organizations", "outfit",
    "group", "body", "bodies", "association", "agency", "company", "entity", "institution",
    "deal", "purpose", "offer", "offers", "involved", "else", "exist", "exists", "mean",
    "means", "meaning", "explain", "explained", "define", "definition", "govt", "government",
    "federal", "official", "legit", "known", "famous", "called", "union", "school", "club",
    "nonprofit", "charity", "business", "society", "board",
})
# So is what the body is taken to be only ("is ahima just a testing company or do they do other
# stuff") and where the bot named it ("who is opm that you keep citing").
_NOT_ASKED = re.compile(r"\b(?:besides|apart from|aside from|other than|except(?: for)?) "
                        r"(?:(?!what\b|who\b|how\b|which\b|is\b|does\b|do\b)\w+ ?){1,5}|"
                        r"\b(?:just|only|merely) an? (?:\w+ ){0,2}(?:company|org|organi[sz]ation|"
                        r"outfit|body|group|business|provider|vendor|agency)\b|"
                        r"\b(?:that|which|whom?) (?:you|u|ya|the bot) (?:keep |kept |always )?"
                        r"(?:cit\w*|mention\w*|quot\w*|refer\w* to|bring up|brought up|"
                        r"talk\w* about)\b")

# A figure quoted back to be checked ("my textbook says the median is $40,350, is that still
# right?", "where is that 48,780 from"): an older figure's card is followed by its newer one.
# A year asked, and how close a candidate whose figures are of it must come to lead.
_YEAR_NAMED = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")
YEAR_RIVALS = 3
YEAR_LEAD = 0.6
_STILL_TRUE = re.compile(r"\b(?:still|current(?:ly)?|outdated|out of date|old|up to date|legit|"
                         r"true|accurate|correct|right|trust\w*|reliable|valid|from)\b")


class Intent(StrEnum):
    PAY = "pay"
    CERTIFICATION = "certification"
    STEPS = "steps"
    CAREER = "career"


class Outcome(StrEnum):
    ANSWERED = "answered"
    UNKNOWN = "unknown"  # about the field, but nothing in the knowledge answers it
    OFF_TOPIC = "off_topic"  # nothing in it relates to the knowledge at all


# The federal card listing every GS grade.
OVERVIEW_CARD = "federal:overview"
# The newest national mean and median of the occupation: a question naming both measures ("the
# average vs the median") gets both.
MEASURE_CARDS = ("figure:mrs_mean_2021", "figure:mrs_median_2024")
# A work setting and government set side by side on pay: each side's card.
SETTING_SIDES = ("figure:spread_settings", "federal:top_agency")
_SETTING_NAMED = re.compile(r"\b(?:hospitals?|nursing (?:homes?|facilit\w+)|physician\w* offices?|"
                            r"doctors? offices?|clinics?|outpatient|home health)\b")
_GOVERNMENT_NAMED = re.compile(r"\b(?:government|govt|gov|federal|fed|va|state jobs?)\b")
_SET_BESIDE = re.compile(r"\b(?:vs|versus|or|than|compar\w*|between|better|more|higher|lower|"
                         r"less)\b")
# A card's lead figure with its period ("$50,250 a year (May 2024", "16% (2022-2032").
_LEAD_FIGURE = re.compile(r"\$?\d[\d,.]*%?(?: a year| an hour)? \([^;)]+")


def _gives_lead(entry: Entry, card: Entry) -> bool:
    """Whether `entry`'s answer already gives `card`'s lead figure, with its period."""
    lead = _LEAD_FIGURE.search(card.answer)
    return lead is not None and lead.group() in entry.answer
_MEAN_NAMED = re.compile(r"\b(?:mean|average|avg)\b")
_MEDIAN_NAMED = re.compile(r"\bmedian\b")


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
    questions: tuple[str, ...] = ()  # questions it answers, in users' words
    gap: str = ""  # when set, the entry stands for a fact the sources lack (says so instead)


@dataclass(frozen=True)
class Answer:
    outcome: Outcome
    question: str
    entry: Entry | None = None
    related: tuple[Entry, ...] = ()
    intent: Intent | None = None
    mentions: Mentions = field(default_factory=Mentions)
    coverage: float = 0.0
    paraphrase: float = 0.0  # similarity of the closest example question of the entry (0-1)
    meaning: float = 0.0  # cosine to the entry's closest example, when it is the closest entry
    read_as: str = ""  # the text answered: the question, or a follow-up read with the previous
    gap: Entry | None = None  # UNKNOWN because the fact asked for is missing from the sources
    # UNKNOWN because it names a specific thing no entry answers (an employer, another job, a
    # city): no personal reply answers it either ("been a clerk 3 yrs, what does epic pay?").
    lacking: bool = False
    also: tuple[Entry, ...] = ()  # the answers to the other parts of a question of several
    # Answered by the step or rung the whole question places ("i'm certified now... what's
    # next": the step after certification), which no part read alone names.
    placed: bool = False

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
        """A question about the asker's own pay ("what would I earn with RHIT?", "what if I
        moved to Ohio?")."""
        mentions = self.mentions
        gap = self.gap.id if self.gap is not None else ""
        pays_for = Specifics.pays_for(" ".join(words(self.read_as)))
        if gap == SPECIFIC_GAP or (gap.endswith(PRICE_PARTS) and pays_for):
            # a kind of fact the sources lack ("how much is the CEHRS retake", "pay in DC"), or
            # an unknown price the asker pays ("how much do i pay NHA to take the CEHRS")
            return False
        if self.lacking and not FIRST_PERSON.intersection(words_asked(self.read_as)):
            return False  # "im a cna in ohio, how much do cnas make": another job's pay asked
        if not mentions.first_person or pays_for \
                or (self.entry is not None and self.entry.id.endswith(PRICE_PARTS)):
            return False  # an exam's or a renewal's price, or dues paid, is no pay
        if self.intent in NOT_PAY and not mentions.asks_amount \
                and not only_gained(self.read_as):
            return False  # "if I fail the CCS, how long before I can retake it?"
        if _national_asked(self.read_as):
            return False
        if mentions.asks_amount and self.intent is Intent.PAY:
            return True
        return mentions.what_if and bool(mentions.certs or mentions.profile_changes())

    @property
    def wants_estimate(self) -> bool:
        """Own pay, and either understood or naming a what-if (a certification, state, years…).

        "How much would I make selling pizza" names nothing and is not understood: no estimate.
        """
        return self.personal_pay and (self.answered or bool(self.mentions.certs)
                                      or bool(self.mentions.profile_changes()))


class Ranked(NamedTuple):
    doc: int
    score: float  # the fused score
    coverage: float
    similarity: float


# The card standing for a kind of fact the sources lack (Specifics.missing).
SPECIFIC_GAP = "gap:specific"
# Topics on one part of every credential, and that part ("keeping a certification": renewal).
TOPIC_PARTS = {"topic:cert_renewal": "renewal"}
# The prefix of a federal agency's card ("federal:agency_va").
AGENCY_CARD = "federal:agency_"
# The parts of a certification that are prices (its exam fee, its renewal fee).
PRICE_PARTS = (":fee", ":renewal_fee")
# Intents of questions that are not about pay even when they say "if I" and name a certification.
NOT_PAY = frozenset({Intent.CERTIFICATION, Intent.STEPS})
# The nation's figure asked ("before I commit, what is the national average salary for this
# job?"): the occupation's pay, not the asker's, unless set against theirs in the same sentence
# ("how does my pay stack up against the national number").
_NATIONAL = re.compile(r"\b(?:national(?:ly)?|nationwide|countrywide|across the (?:us|usa|"
                       r"country|nation)|in the (?:us|usa|united states))\b")
_SET_AGAINST = re.compile(r"\b(?:me|my|mine|compar\w*|vs|versus|against|stack\w*|"
                          r"measure\w*|above|below|next to|than)\b")


def _national_asked(text: str) -> bool:
    """Whether `text` asks the nation's pay in a sentence that sets no pay of the asker's
    against it."""
    return any(_NATIONAL.search(folded) and not _SET_AGAINST.search(folded)
               for folded in (" ".join(words(sentence)) for sentence in sentences(text)))
# The word that carries an intent over to a follow-up that has none of its own.
INTENT_WORDS = {Intent.PAY: "pay", Intent.CERTIFICATION: "certification",
                Intent.STEPS: "steps", Intent.CAREER: "career"}
INTENT_COMMANDS = {Intent.PAY: "salary", Intent.CERTIFICATION: "certify",
                   Intent.STEPS: "steps", Intent.CAREER: "career"}


def as_meant(text: str) -> str:
    """`text` (cut to MAX_QUESTION) as its writer meant it: dictation and keyboard slips
    respoken ("her right exam": the RHIT exam), a chat "4" read as "for", a SOC code as the
    occupation's name."""
    return with_chat_for(respoken(with_soc_names(text[:MAX_QUESTION])))


def meaning_text(query: Sequence[QueryWord]) -> str:
    """What a question's meaning is read from: its words, typos corrected, without the words
    that carry no topic."""
    return " ".join(word.text for word in query)


def _without_states(text: str) -> str:
    """`text` (folded) without the words naming a state."""
    named = mention_words(text, certs=False)
    return " ".join(word for word in words(text) if word not in named)


# The words of the states' names ("new", "jersey").
STATE_WORDS = frozenset(word for name in STATES.values() for word in name.lower().split())


def _only_state(query: Sequence[QueryWord], mentions: Mentions) -> bool:
    """Whether a question's known words only name a state, beside everyday words the knowledge
    lacks ("whats the weather in ohio", "good restaurants in new jersey"): it asks about the
    place, not the field (a state alone, "ohio?", is asked its pay)."""
    known = [word for word in query if word.terms]
    unknown = [word for word in query if not word.terms]
    return bool(mentions.states) and bool(unknown) and all(word.everyday for word in unknown) \
        and all(set(word.text.split()) <= STATE_WORDS for word in known)


def _personal(part: str) -> bool:
    """Whether a part of a post asks about the asker: in the first person, or a what-if."""
    mentions = find_mentions(part, words(part))
    return mentions.first_person or mentions.what_if


def _told(parts: Sequence[str], text: str, states: bool) -> str:
    """The certifications (and `states`) the parts of a post that ask nothing name ("I got my
    RHIT two years ago and work in Ohio"): what its questions are about when they name none."""
    return " ".join(sorted({word for part in parts if not asks(part, text)
                            for word in mention_words(part, states=states)}))


# A part asking which credential to get ("what cert should i realistically aim for").
_WHICH_CREDENTIAL = re.compile(r"\b(?:what|which)(?: \w+)? (?:certs?|certifications?|"
                               r"credentials?)\b")


def _picks_for_me(part: str, told: str) -> bool:
    """Whether a part asks which credential to get while the story names one at most ("my
    advisor said RHIT but i'm in a certificate... what cert should i aim for"): the credential
    told of is not what it asks about; between two told of, it asks which of them."""
    return bool(_WHICH_CREDENTIAL.search(" ".join(words(part)))) \
        and len(find_mentions(told, words(told)).certs) < 2


def _names_all(part: Answer, whole: Answer) -> bool:
    """Whether a part of a post names every subject (state, certification, government) the
    whole post does: then its answer, not the whole's, answers the post — the chit-chat around
    the question ("i'm 34 and stuck in retail") must not pick the card; else the whole's (a
    state named in another sentence: "i live in texas. what does it pay?")."""
    return part.mentions.subjects >= whole.mentions.subjects


def _strays(part: Answer, whole: Answer) -> bool:
    """Whether a part's answer is about a subject (a certification, a state) other than the
    ones the whole question names ("is the RHIA hard? what's the pass rate": not the CEHRS's)."""
    subjects = part.entry.subjects if part.entry else frozenset()
    named = whole.mentions.subjects | set(whole.mentions.states)  # "texas, florida and ohio"
    return bool(subjects and named and not subjects & named)


def _blend(whole: Answer, asked: Sequence[Answer]) -> bool:
    """Whether the whole of a question asking several things (`asked`: its parts' answers)
    got an entry none of its parts did: a card matching bits of each ("CCA - exam" for duties,
    pay and how long school is), where the first part's own answer should lead."""
    if whole.entry is None or len(asked) < 2:
        return False
    return all(_family(answer.entry.id) != _family(whole.entry.id)
               for answer in asked if answer.entry is not None)


def _family(entry_id: str) -> str:
    """A certification part's card holds the whole certification ("certification:RHIT:fee"
    is "certification:RHIT" too): one of them is enough in an answer."""
    return ":".join(entry_id.split(":")[:2]) if entry_id.startswith("certification:") \
        else entry_id


# How an eligibility rule names each education level ("a graduate degree" is a master's).
_DEGREE_WORDS = {Education.HIGH_SCHOOL: ("high school", "diploma", "ged"),
                 Education.ASSOCIATE: ("associate",), Education.BACHELOR: ("bachelor",),
                 Education.MASTER: ("master", "graduate")}
# The alternatives of an eligibility rule ("a bachelor's degree plus 5 years, or a graduate
# degree plus 3 years, or 10 years of experience").
_ALTERNATIVES = re.compile(r", or |; ")
_ELIGIBILITY = "Eligibility: "
# The card of the steps into the job, which a question about one step is answered by.
STEPS_CARD = "topic:how_to_become"
# The card of the ways other than up the ladder.
SIDE_PATHS_CARD = "topic:side_paths"
# The prefix of each side path's own card.
SIDE_PATH_PREFIX = "side_path:"
# Keeping up to date, which moving up once hired is answered by.
STAYING_CURRENT_CARD = "topic:staying_current"
# Medical coding as a way to go, which a move from EHR work into coding is answered by.
CODING_CARD = "topic:coding"
# The occupation's duties, which training colleagues asked as part of the job is answered by.
DUTIES_CARD = "topic:duties"
SKILLS_CARD = "topic:skills"
PROGRAM_CARD = "topic:program_content"
SYSTEMS_CARD = "topic:ehr_systems"
# The vendors one by one, which the big ones asked in general are answered by.
VENDORS_CARD = "topic:ehr_vendors"
# The pay bands of every rung.
PAY_BY_STAGE_CARD = "topic:salary_by_stage"
# What holders of a credential earn ("rhit salary", "cpc holder pay"): what the sources say of it.
CERT_PAY_CARD = "topic:cert_pay"
# The prefix of a credential's cards and their parts ("certification:RHIT:fee").
CERT_CARD = "certification:"
# A figure's title by the hour, and a question asking pay by the hour ("per hr", "hourly").
_HOURLY_TITLE = re.compile(r"^(?:national )?median hourly pay\b")
_BY_THE_HOUR = re.compile(rf"{BY_HOUR}|\b(?:hours?|hrs?)\b")
# Pay by work setting (hospitals, physician offices, nursing homes, outpatient centers, home
# health), which a pay question naming a setting or the kind of employer is answered by.
SETTINGS_CARD = "figure:spread_settings"
_SETTING = re.compile(
    r"\b(?:hospitals?|clinics?|(?:physicians?|doctors?) offices?|private practices?|"
    r"nursing (?:homes?|facilit(?:y|ies))|outpatient|home health(?: ?care)?|"
    r"(?:employer|workplace|facility|work ?place) types?|work settings?|"
    r"(?:types?|kinds?|sorts?) of (?:employers?|workplaces?|facilit(?:y|ies)|settings?|places?))\b")
# Where the bot's figures come from ("where do these salary numbers come from", "where is your
# information from"), with nothing specific named: the sources' card, not the card on what the
# figures are about (pay, settings).
SOURCES_CARD = "topic:sources"
# What a price asked of keeping a credential says ("renew", "recertify", "every 2 years", "dues",
# "keep it active", "after i pass"): without it, a fee is the exam's ("what if i got the ccs as
# an ahima member, whats the fee"), not the renewal's.
_KEEPING = re.compile(r"\b(?:renew\w*|recert\w*|keep\w*|maintain\w*|cycles?|ceus?|ceu|expir\w*|"
                      r"laps\w*|dues|annual\w*|yearly|upkeep|every (?:2|two) years|"
                      r"each (?:year|cycle)|after (?:i pass|passing|getting certified)|"
                      r"extra credentials?|second credential|another credential|more credentials|"
                      r"inactive|reinstat\w*)\b")
_SOURCES_ASKED = re.compile(
    r"\bwhere (?:do|does|did|are|is|were|r) (?:\w+ ){0,3}(?:numbers?|figures?|data|info|"
    r"information|stats?|statistics|facts)(?: \w+){0,2} (?:come|comes|coming|from|taken)\b")


def degree_first(entry: Entry, education: Education | None) -> Entry:
    """An eligibility card answering a question that names a degree ("i have a bachelor's, how
    many years does CPHIMS want") leads with the rule's alternative for that degree, when it is
    not its first already; otherwise the card as it is."""
    if education is None or entry.gap or not entry.answer.startswith(_ELIGIBILITY):
        return entry
    rule = entry.answer.removeprefix(_ELIGIBILITY).split(". ", 1)[0]
    alternatives = _ALTERNATIVES.split(rule)
    forms = _DEGREE_WORDS.get(education, ())
    found = next((alternative for alternative in alternatives
                  if any(form in alternative.lower() for form in forms)), None)
    if found is None or found == alternatives[0]:
        return entry
    degree = EDUCATION_LABELS[education].lower()
    return replace(entry, answer=f"With a {degree}: {found.rstrip('.')}. {entry.answer}")


# A part's word found in the titles and keywords of this many other entries (not about a
# certification) is an everyday word of the field ("education", "data"), not one naming a part.
PART_WORD_ELSEWHERE = 2


def part_words(entries: Sequence[Entry]) -> dict[str, dict[int, frozenset[str]]]:
    """For each certification ("certification:RHIT"), its part cards (renewal, retake, fee…),
    each with the words naming that part: terms of its keywords and example questions that the
    same part of most certifications has (not one exam's domains), that no other part has
    ("ceus" is the renewal's, "wait" the retake's) and that fewer than PART_WORD_ELSEWHERE
    entries about other things have in their titles or keywords."""
    cards: dict[str, dict[int, frozenset[str]]] = {}
    by_part: dict[str, Counter[str]] = {}
    elsewhere: Counter[str] = Counter()
    for doc, entry in enumerate(entries):
        if entry.id.startswith("certification:") and entry.id.count(":") == 2:
            terms = frozenset(document_terms([*entry.keywords[1:], *entry.questions]))
            cards.setdefault(_family(entry.id), {})[doc] = terms
            by_part.setdefault(entry.id.rsplit(":", 1)[1], Counter()).update(terms)
        elif not entry.id.startswith("certification:"):
            elsewhere.update(set(document_terms([entry.title, *entry.keywords])))
    common = {term for term, count in elsewhere.items() if count >= PART_WORD_ELSEWHERE}
    shared = {part: {term for term, count in counts.items() if 2 * count > len(cards)}
              for part, counts in by_part.items()}
    named = {doc: terms & shared[entries[doc].id.rsplit(":", 1)[1]] - common
             for parts in cards.values() for doc, terms in parts.items()}
    return {family: {doc: named[doc].difference(*(named[other] for other in parts
                                                   if other != doc))
                     for doc in parts}
            for family, parts in cards.items()}


class Engine:
    def __init__(self, entries: Sequence[Entry], synonyms: Mapping[str, Iterable[str]],
                 intent_cues: Mapping[Intent, Iterable[str]],
                 specifics: Mapping[str, Iterable[str]] | None = None,
                 semantic: StaticEmbeddings | None = None,
                 places: Mapping[str, Iterable[str]] | None = None,
                 unpaid: Iterable[str] = ()) -> None:
        self.entries = tuple(entries)
        self.specifics = Specifics(specifics or {}, places, unpaid)
        self._folded = [" ".join(words(f"{entry.title} {entry.answer}")) for entry in self.entries]
        self._titles = [" ".join(words(entry.title)) for entry in self.entries]
        self._about_pay = [self.specifics.about_pay(folded) for folded in self._folded]
        # No one's work is told by a card on pay or one of figures alone (jobs held, growth).
        self._no_work = [self.specifics.about_pay(title) or entry.id.startswith("figure:")
                         for title, entry in zip(self._titles, self.entries, strict=True)]
        # An entry whose title names a specific thing ("Lincoln, NE: median") is about it: it
        # answers only a question naming it too.
        self._about = [self.specifics.named(entry.title) for entry in self.entries]
        # A figure by the hour ("National median hourly pay") answers only a question asking
        # pay by the hour: "whats the median wage nationally" asks the yearly figure.
        self._hourly = [bool(_HOURLY_TITLE.search(title)) for title in self._titles]
        # The publishers an entry cites, folded ("aapc" of "AAPC, third-party"): a question
        # naming one ("the aapc page gave a growth number") asks for that source's figure.
        self._cited = [{" ".join(words(source.split(",")[0])) for source in entry.sources}
                       for entry in self.entries]
        # A state's card answers only a question naming that state (or a place in it): not one
        # about a place sharing a word with it ("mexico city", "the virgin islands").
        self._of_state = [bool(entry.subjects & STATES.keys()) for entry in self.entries]
        self.by_id = {entry.id: entry for entry in self.entries}
        # The name an entry's title starts with ("AHIMA - ...", "CEHRS - ..."): the first entry
        # so titled (a certification's own card before its parts').
        self._name_heads: dict[str, int] = {}
        for doc, entry in enumerate(self.entries):
            head = entry.title.split(" - ", 1)[0]
            if head != entry.title and head.isalpha() and head.isupper():
                self._name_heads.setdefault(head.lower(), doc)
        texts = [self._entry_texts(entry) for entry in self.entries]
        self.index = BM25Index([document_terms(text) for text in texts])
        self.vocabulary = Vocabulary(
            synonyms, (word for text in texts for part in text for word in words(part)))
        self._cues = {intent: frozenset(document_terms(cues))
                      for intent, cues in intent_cues.items()}
        self._parts = part_words(self.entries)
        self.paraphrases = ParaphraseIndex(
            ((doc, self.vocabulary.expand(question))
             for doc, entry in enumerate(self.entries) for question in entry.questions),
            self.index)
        self.meanings = None if semantic is None else SemanticIndex(
            semantic, ((doc, meaning_text(self.vocabulary.expand(question)))
                       for doc, entry in enumerate(self.entries) for question in entry.questions))

    @staticmethod
    def _entry_texts(entry: Entry) -> list[str]:
        weighted = [entry.title, *entry.keywords] * FIELD_WEIGHT
        return [*weighted, *entry.questions * QUESTION_WEIGHT, entry.answer]

    def intent_of(self, query: Sequence[QueryWord]) -> Intent | None:
        terms = {term for word in query for term in word.terms}
        counts = {intent: len(terms & cues) for intent, cues in self._cues.items()}
        best = max(counts, key=lambda intent: counts[intent], default=None)
        return best if best is not None and counts[best] > 0 else None

    def answer(self, question: str, previous: str | None = None) -> Answer:
        """The answer to `question`; `previous` is the asker's last question in this chat (a
        few minutes old at most), which a follow-up ("and in Florida?") is read with."""
        question = as_meant(question)
        normalized = normalized_question(question)
        # A certification named by its long name is read as its code from here on.
        # Certification questions asked in other words ("what share of candidates pass") are read
        # in the knowledge's words ("pass rate"), too. Framing that asks nothing ("my teacher
        # asked us this lol", "thanks in advance") is cut off first.
        if previous:
            previous = cert_wordings(with_codes(unframed(as_meant(previous))))
        text = cert_wordings(with_codes(unframed(question), previous or ""))
        whole = self._in_context(text, previous, normalized)
        parts = question_parts(text)
        if len(parts) < 2:
            return self._both_sides(self._other_topic(whole, text, normalized))
        if whole.mentions.first_person and not any(
                _personal(part) for part in parts if asks(part, text)):
            # "been an MA 3 years, my wrists hurt. what would a records job pay in georgia?":
            # the asker speaks of themselves only in the story, so the question is not about
            # their own pay.
            whole = replace(whole, mentions=replace(whole.mentions, first_person=False))
        # A post of several sentences or a two-part question: each part is answered (a later
        # part read after the earlier one, like a follow-up), the whole's answer first.
        found: list[Answer] = []
        asked: list[Answer] = []
        missing: list[Entry] = []  # the facts parts ask that the sources lack
        prior = previous
        lacking = False  # a part names a specific thing no entry answers
        # What the story around the questions names: its credentials, and its states too for
        # a question on pay.
        told = {True: _told(parts, text, states=True), False: _told(parts, text, states=False)}
        situated: list[Answer] = []  # the parts read with what the post told
        for part in parts:
            # A part that is a question of its own ("..., is it remote?") keeps the earlier
            # part's state and certifications, not its intent (no "remote pay").
            own = starts_question(part)
            pay = self.intent_of(self.vocabulary.expand(part)) is Intent.PAY
            # Nor its state unless it asks pay ("what's the pay in california? also is it
            # mostly hospitals that hire": the hiring, not California's pay).
            context = prior if not own or pay or prior is None else _without_states(prior)
            answer = self._in_context(part, context, normalized, carry_intent=not own)
            told_here = told[pay]
            # "What cert should i aim for": a credential the story did not name may answer it.
            picks = asks(part, text) and _picks_for_me(part, told_here)
            if told_here and asks(part, text) and not answer.mentions.subjects and not picks:
                # "I got my RHIT ... in Ohio. ... How many units and how often?": the question
                # is about the credential the post told of (and, asking pay, its state).
                answer = self._in_context(f"{part} {told_here}", context, normalized,
                                          carry_intent=not own)
                situated.append(answer)
            if (answer.answered or answer.gap or answer.mentions.certs) and asks(part, text):
                # A part asking a missing fact, or naming a certification it did not get an
                # answer for ("what does the chda cover"), is read on with, too; the story
                # around the questions ("my friend says yes") is not.
                prior = answer.read_as
            if answer.answered and (picks or not _strays(answer, whole)):
                found.append(answer)
                if asks(part, text):
                    asked.append(answer)
            elif answer.gap is not None and not _strays(replace(answer, entry=answer.gap), whole):
                missing.append(replace(answer.gap, answer=answer.gap.gap))
            if not answer.answered and self.specifics.named(without_role(part)):
                lacking = True
        if lacking and not whole.answered and (is_choice(text) or not asked):
            # A choice whose one side the knowledge lacks ("open plan or a cubicle") is not
            # answered by the other side alone, nor a post whose only ask names a thing no
            # entry answers ("been a clerk 3 years. what does epic pay analysts?") by its story.
            return self._both_sides(whole)
        # Unanswered as a whole, a post is answered by its first ask, not by its story's words.
        primary = whole if whole.answered or whole.wants_estimate or not found \
            else (asked or found)[0]
        # A whole that names the step or rung asked about ("i'm certified now... what's
        # next") is answered first, whatever its parts are, and so is the ask the post's
        # backstory was told of.
        if not whole.placed and not whole.wants_estimate and len(asked) < len(parts):
            primary = next((answer for answer in asked
                            if any(answer is told_of for told_of in situated)
                            or _names_all(answer, whole)), primary)
        elif not whole.placed and len(asked) == len(parts) \
                and (len(asked) > MAX_ALSO or _blend(primary, asked)):
            # The asks answered in their order ("what do they do, what do they earn, how long
            # is school"): the whole of three questions, or one its parts' cards do not hold,
            # answers none of them first.
            primary = asked[0]
        shown = {_family(primary.entry.id)} if primary.entry else set()
        also = []
        for answer in found:
            if answer.entry is not None and _family(answer.entry.id) not in shown:
                shown.add(_family(answer.entry.id))
                also.append(answer.entry)
        # A part asking a fact the sources lack says so ("what is the CEHRS and how much is its
        # exam fee": the CEHRS card, then that its fee is not known), after the answers.
        gaps = [entry for entry in dict.fromkeys(missing)
                if primary.entry is None or entry.id != primary.entry.id]
        also = [*also[:MAX_ALSO], *gaps][:MAX_ALSO + 1]
        return self._both_sides(replace(primary, also=tuple(also)))

    def _other_topic(self, whole: Answer, text: str, normalized: str) -> Answer:
        """A question of two short topics whose answer holds one ("2024 median and the growth
        outlook": the outlook) gets the other topic's card too; one whose card holds neither,
        while each topic alone gets a card of its own kind ("median salary + job outlook":
        the BLS card), gets the two topics' cards."""
        pair = topic_pair(text) if whole.answered and whole.entry is not None else None
        if pair is None:
            return whole
        own = _family(whole.entry.id)
        halves = [self._in_context(half, None, normalized) for half in pair]
        if not all(half.answered and half.entry for half in halves):
            return whole
        families = {_family(half.entry.id) for half in halves}
        if own not in families:
            first, second = halves
            apart = len(families) == 2 and first.intent != second.intent
            return replace(first, also=(second.entry,)) if apart else whole
        others = [half.entry for half in halves
                  if _family(half.entry.id) != own and not _strays(half, whole)]
        return replace(whole, also=tuple([*others, *whole.also][:MAX_ALSO])) if others \
            else whole

    def _both_sides(self, answer: Answer) -> Answer:
        """A question naming two states or certifications ("Texas or Florida", "RHIT vs CCA
        fee") gets each side: the answer for the one its entry is not about follows it (for a
        certification, the same part: the fee for the fee)."""
        entry = answer.entry
        if entry is None:
            return answer
        mentions = answer.mentions
        sides: list[str] = []
        if len(mentions.states) > 1:
            sides += [f"state:{code}" for code in mentions.states]
        codes = [cert.value for cert in mentions.certs]
        if len(codes) > 1:
            own = next((code for code in codes if entry.id.startswith(f"certification:{code}")),
                       None)
            sides += [entry.id.replace(f":{own}", f":{code}", 1) if own
                      else f"certification:{code}" for code in codes]
        text = answer.read_as or answer.question
        grades = self._grades_named(text)
        if grades and entry.id == OVERVIEW_CARD:
            # "GS-7 range in 2024", "gs-5 vs gs-7": the grade's card leads (its row in every
            # year), not the overview listing every grade.
            entry = self.by_id[grades[0]]
            answer = replace(answer, entry=entry)
        shown = {entry.id, *(e.id for e in answer.also)}
        covered = entry.subjects
        extra = [self.by_id[i] for i in dict.fromkeys(sides) if i in self.by_id
                 and i not in shown and not self.by_id[i].subjects <= covered]
        extra += [self.by_id[i] for i in self._other_sides(entry, text, grades, answer.intent)
                  if i not in shown | {e.id for e in extra}]
        extra += [self.by_id[i] for i in self._newer(entry, text)
                  if i not in shown | {e.id for e in extra}]
        if not extra:
            return answer
        return replace(answer, also=tuple([*extra, *answer.also][:MAX_ALSO]))

    def _other_sides(self, entry: Entry, text: str, grades: list[str],
                     intent: Intent | None) -> list[str]:
        """The cards of the other agencies, GS grades, rungs or pay measures `text` names, when
        it names several ("VA and HHS pay ranges", "gs-5 vs gs-7", "diff between an entry level
        tech and a specialist", "the mean and the median"): one card does not hold another's
        range, rung or measure."""
        named = agencies(text)
        sides = [f"{AGENCY_CARD}{code}" for code in named] if len(named) > 1 else []
        if len(grades) > 1:
            sides += grades
        folded = " ".join(words(text))
        rungs = named_stages(folded)
        if len(rungs) > 1:
            sides += [f"stage:{stage.id}" for stage in rungs]
        if _MEAN_NAMED.search(folded) and _MEDIAN_NAMED.search(folded):
            sides += MEASURE_CARDS
        # A job's card whose lead figure the answer already gives ("do coders make more than
        # ehr specialists": the coders' card gives the specialists' median) is not repeated.
        sides += [card for card in jobs_compared(folded, intent is Intent.PAY)
                  if card in self.by_id and not _gives_lead(entry, self.by_id[card])]
        if intent is Intent.PAY and _SETTING_NAMED.search(folded) \
                and _GOVERNMENT_NAMED.search(folded) and _SET_BESIDE.search(folded):
            # "hospital or government work, which pays better": the settings' pay and the
            # federal agencies' ranges - neither card holds the other side.
            sides += SETTING_SIDES
        return [side for side in sides if side in self.by_id and side != entry.id]

    def _newer(self, entry: Entry, text: str) -> list[str]:
        """The newer figure's card after an older figure's, when `text` asks whether the older
        one still holds (a figure card's related card is its newer one)."""
        if not entry.id.startswith("figure:") or not _STILL_TRUE.search(" ".join(words(text))):
            return []
        return [i for i in entry.related if i in self.by_id]

    def _grades_named(self, text: str) -> list[str]:
        """The cards of the GS grades `text` names, in the order named."""
        return [card for grade in grades_named(" ".join(words(text)))
                if (card := f"federal:{grade}") in self.by_id]

    def _in_context(self, text: str, previous: str | None, normalized: str,
                    carry_intent: bool = True) -> Answer:
        """`text` answered alone, or read with `previous` when it is a follow-up of it (with
        `previous`'s intent when it has none of its own, unless `carry_intent` is off)."""
        if previous and not self._another_body(text):
            merged = followup_text(previous[:MAX_QUESTION], text)
            if merged is not None:
                # "and for technologists?" after a pay question asks about their pay: a
                # follow-up with no intent of its own keeps the previous question's (unless it
                # asks another measure: "how fast is that job growing").
                earlier = self.intent_of(self.vocabulary.expand(previous[:MAX_QUESTION]))
                if earlier is not None and carry_intent and keeps_intent(text) \
                        and self.intent_of(self.vocabulary.expand(merged)) is None:
                    merged = f"{merged} {INTENT_WORDS[earlier]}"
                found = self._answer(merged, normalized)
                # The reading in context stands when it asks a fact the sources lack ("how
                # long is it" after "RHIA exam how many questions") or the follow-up names a
                # specific thing ("and 2022?" after an EHR pay question; "and step 5?" after a
                # GS grade's pay, a step the table lacks): read alone, it would get another
                # card, or that year's figure for another occupation.
                if found.answered or found.wants_estimate or found.gap \
                        or self._adds_specific(text, merged, previous[:MAX_QUESTION]):
                    return found
        return self._answer(text, normalized)

    def _adds_specific(self, text: str, merged: str, previous: str) -> bool:
        """Whether a follow-up names a specific thing, alone or read with the previous question
        when that did not name it ("step 5" is one only with its grade)."""
        if self.specifics.named(without_role(text)):
            return True
        return bool(self._named_forms(merged) - self._named_forms(previous))

    def _named_forms(self, question: str) -> set[str]:
        """The forms of the specific things a question names ("gs ?7", "step 5")."""
        return {pattern.pattern for group in self.specifics.named(without_role(question))
                for pattern in group}

    def _answer(self, text: str, normalized: str) -> Answer:
        # "My textbook says ...", "on the usajobs site ...": the source heard from is no part
        # of what is asked, nor what a figure is wanted for ("... i can put in my report").
        text = without_purpose(without_hearsay(text))
        query = self.vocabulary.expand(text)
        mentions = find_mentions(text, [word.text for word in query])
        intent = self.intent_of(query)
        terms = [term for word in query for term in word.terms]
        folded = " ".join(words(text))
        if not any(term in self.index for term in terms):
            # "Is there a union for records people": its only known words, the occupation's
            # name, carry no topic, but it is about the field.
            about_field = names_occupation(folded)
            return Answer(Outcome.UNKNOWN if about_field else Outcome.OFF_TOPIC, normalized,
                          intent=intent, mentions=mentions, read_as=text)
        if _only_state(query, mentions):
            return Answer(Outcome.OFF_TOPIC, normalized, intent=intent, mentions=mentions,
                          read_as=text)
        ranked = self._rank(query, terms, intent, mentions, RERANK)
        # It may name a city, an employer, another job, a year or a detail ("pass rate"): only
        # an entry naming it too can answer (none: the nearest entry would answer another
        # question, and the reply is "I don't know").
        # Not in what the asker says they are or were: "pharmacy tech here, how do i switch".
        asked = without_role(text)
        named = self.specifics.named(asked)
        named_doc = self._name_alone(query, folded)
        if named_doc is not None and named and (
                self._titles[named_doc].split()[0] not in folded.split()
                or not self.specifics.answers(self.specifics.named(" ".join(
                    word for word in folded.split() if word not in NAME_FILLER)),
                    self._folded[named_doc])):
            # A name that is a specific thing ("what is the cbcs") is no typo of a name
            # heading an entry ("ccs"), and a name asked a specific thing its entry lacks
            # ("how many ppl have their cehrs") is no name asked alone.
            named_doc = None
        if named_doc is not None:
            entry = self.entries[named_doc]
            return Answer(Outcome.ANSWERED, normalized, entry=entry,
                          related=self._related(entry, ranked, ranked[0].score), intent=intent,
                          mentions=mentions, read_as=text, coverage=1.0)
        # A name asked with an amount ("what does Epic pay") needs an entry about it, and so
        # does a credential without a card asked a part of ("CCS-P fee").
        names = [*self.specifics.priced(" ".join(words(asked))),
                 *self.specifics.uncarded(folded)]
        pay = self.specifics.asks_pay(folded)
        # What someone does is not answered by a card on pay ("what does a senior specialist
        # do": the stage, not pay by stage).
        work = self.specifics.asks_work(folded)
        plain = not (named or names or pay or mentions.subjects)
        # A rung named with its work asked is answered by that rung's card, not the
        # occupation's duties or the ladder's; a rung asked by its place next to one named
        # ("what comes after him manager") by that rung's card; a way besides the ladder
        # ("side paths besides climbing to manager") by the side paths'.
        duties = duties_of(folded) if plain else None
        rung = duties or (moved_stage(folded) or compared_rung(folded) if plain else None)
        routed = None
        if rung is not None and f"stage:{rung.id}" in self.by_id:
            routed = self.by_id[f"stage:{rung.id}"]
        elif plain and paths_compared(folded) and SIDE_PATHS_CARD in self.by_id:
            # "ehr analyst vs ehr trainer": the side paths, each with what it does.
            routed = self._side_paths_each()
        elif plain and into_coding(folded) and CODING_CARD in self.by_id:
            # "can i switch from ehr work into medical coding": what coders do, how to start.
            routed = self.by_id[CODING_CARD]
        elif plain and (path := side_path_duties(folded)) in self.by_id:
            # "ehr implementation specialist job description": that path's card, not the
            # occupation's duties; a records technician's: the duties, led by that path's
            # line (the paper records too).
            routed = self.by_id[path]
            if path == RECORDS_TECHNICIAN_PATH and DUTIES_CARD in self.by_id:
                card = self.by_id[DUTIES_CARD]
                routed = replace(card, answer=f"{routed.title}: {routed.answer}\n\n{card.answer}",
                                 sources=tuple(dict.fromkeys((*routed.sources, *card.sources))))
        elif not (named or names or mentions.subjects or mentions.employer) \
                and (top := best_paid(folded)):
            # Which rung pays most: the top rung's card, or the pay of every rung.
            routed = self.by_id.get(PAY_BY_STAGE_CARD if top == "many"
                                    else f"stage:{stages()[-1].id}")
        elif pay and not (named or names or mentions.employer) and compared_rung(folded):
            # The pay of two rungs set side by side ("manager vs director salary"): every
            # rung's bands.
            routed = self.by_id.get(PAY_BY_STAGE_CARD)
        elif pay and not (named or names or mentions.employer or mentions.states
                          or mentions.certs) and (moved := promoted_to(folded)) is not None \
                and f"stage:{moved.id}" in self.by_id:
            # The pay of the rung the asker tells of moving up to ("if I move up to health
            # information manager what might I earn"): that rung's bands, not the next one's.
            routed = self.by_id[f"stage:{moved.id}"]
        elif pay and SETTINGS_CARD in self.by_id and _SETTING.search(folded) \
                and not (named or names or mentions.states or mentions.subjects) \
                and len(sentences(text)) == 1:
            # "What do hospitals pay on average", "does employer type change pay": the pay of
            # each setting, not the national median or the general factors.
            routed = self.by_id[SETTINGS_CARD]
        elif pay and mentions.years is not None and not mentions.first_person \
                and (mentions.certs or speaks_of_other(folded)) \
                and not (named or names or mentions.employer or mentions.states) \
                and f"stage:{(placed := stage_by_years(mentions.years)).id}" in self.by_id:
            # Someone else's years (and credential) with their pay asked ("my brother has his
            # rhia and 10 years in, what's he worth"): the rung those years place them at.
            card = self.by_id[f"stage:{placed.id}"]
            routed = replace(card, answer=f"{placed_by_years(mentions.years)}\n\n"
                                          f"{card.answer}")
        elif pay and mentions.certs and CERT_PAY_CARD in self.by_id \
                and self.entries[ranked[0].doc].id.startswith(CERT_CARD) \
                and self._holders_pay(named, names, mentions):
            # A search's "rhit salary": what the sources say of a credential's pay, not its
            # card (which gives none).
            routed = self.by_id[CERT_PAY_CARD]
        elif plain and besides_ladder(folded) and SIDE_PATHS_CARD in self.by_id:
            routed = self.by_id[SIDE_PATHS_CARD]
        elif not (pay or names) and trains_others(folded) and DUTIES_CARD in self.by_id:
            # with a vendor named too ("do i have to train coworkers on epic")
            routed = self.by_id[DUTIES_CARD]
        elif not (pay or names or mentions.states or mentions.employer) and mentions.certs \
                and SKILLS_CARD in self.by_id and skills_asked(folded):
            routed = self.by_id[SKILLS_CARD]
        elif plain and SYSTEMS_CARD in self.by_id and system_to_learn(folded):
            routed = self.by_id[SYSTEMS_CARD]
        elif plain and not mentions.certs and PROGRAM_CARD in self.by_id \
                and asks_program_content(folded):
            routed = self.by_id[PROGRAM_CARD]
        elif plain and VENDORS_CARD in self.by_id \
                and (caveat := vendors_ranked(folded)) is not None:
            card = self.by_id[VENDORS_CARD]
            routed = replace(card, answer=f"{caveat}\n\n{card.answer}") if caveat else card
        elif plain and keeps_growing(folded) and STAYING_CURRENT_CARD in self.by_id:
            # "once i'm hired what should i keep doing to move up": keep learning.
            routed = self.by_id[STAYING_CURRENT_CARD]
        elif plain and STEPS_CARD in self.by_id and (step := asked_step(folded)) is not None:
            # One step of the roadmap ("what's step 8", "the last step", "i'm certified,
            # what's next"): the steps' card, leading with that step; a step the roadmap
            # lacks ("step 12") is not known.
            lead = step_lead(step)
            if lead is None:
                return Answer(Outcome.UNKNOWN, normalized, intent=intent, mentions=mentions,
                              read_as=text)
            card = self.by_id[STEPS_CARD]
            routed = replace(card, answer=f"{lead}\n\n{card.answer}",
                             sources=tuple(dict.fromkeys((*card.sources, *steps_sources()))))
        elif len(mentions.certs) == 1 and not (named or names or pay) \
                and (earning := earning_lead(folded, mentions.certs[0].value)) is not None \
                and (card := self.by_id.get(f"{CERT_CARD}{mentions.certs[0].value}:eligibility")):
            # How long it takes to earn a credential ("how long to get rhit from scratch"):
            # its eligibility, led by the schooling it asks first and how long that takes.
            lead, sources = earning
            routed = replace(card, answer=f"{lead}\n\n{card.answer}",
                             sources=tuple(dict.fromkeys((*card.sources, *sources))))
        if routed is None and _SOURCES_ASKED.search(folded) and SOURCES_CARD in self.by_id \
                and not (named or names or mentions.subjects or mentions.states
                         or mentions.employer or any(char.isdigit() for char in folded)):
            # (a figure quoted back, "...48,780 median, where is that number from", is that
            # figure's card's)
            routed = self.by_id[SOURCES_CARD]
        if routed is not None:
            return Answer(Outcome.ANSWERED, normalized, entry=routed,
                          related=self._related(routed, ranked, ranked[0].score),
                          intent=intent, mentions=mentions, read_as=text, coverage=1.0,
                          placed=duties is None)
        fitting = [item for item in ranked
                   if self._fits(item.doc, named, mentions, folded, names, pay)
                   and not (work and self._no_work[item.doc])]
        if not fitting:
            return Answer(Outcome.UNKNOWN, normalized, intent=intent, mentions=mentions,
                          read_as=text, gap=self._missing(asked), lacking=bool(named or names))
        ranked = self._of_year_asked(fitting, folded)
        best_doc, best_score, coverage, similarity = ranked[0]
        # A word the knowledge does not know ("pay in Chicago") may be the very thing asked:
        # then the entry must cover more of the rest to be the answer.
        unknown = [word for word in query if not word.terms]
        needed = MIN_COVERAGE
        if unknown:
            everyday = all(word.everyday for word in unknown)
            needed = MIN_COVERAGE_EVERYDAY if everyday else MIN_COVERAGE_WITH_UNKNOWN
        meaning = 0.0
        if coverage < needed and similarity < PARAPHRASE_ANSWER:
            # Words the knowledge lacks ("telecommute") may still mean what its examples say.
            meaning = self._meaning(query, best_doc, mentions)
            if coverage < needed - (SEMANTIC_RELIEF if meaning else 0.0):
                return Answer(Outcome.UNKNOWN, normalized, intent=intent, mentions=mentions,
                              coverage=coverage, paraphrase=similarity, meaning=meaning,
                              read_as=text)
        scores = {"coverage": coverage, "paraphrase": similarity, "meaning": meaning}
        best = self._exam_price(self._dues_part(
            self._named_part(self.entries[self._asked_part(best_doc, query)], mentions), folded),
            folded)
        if best.gap:
            return Answer(Outcome.UNKNOWN, normalized, intent=intent, mentions=mentions,
                          read_as=text, gap=best, **scores)
        best = replace(best, answer=part_first(best.id, best.answer, folded))
        if lead := settled_lead(best.id, best.answer, folded):
            # "does the rhit expire": the plain yes or no its rule gives, then the card.
            best = replace(best, answer=f"{lead} {best.answer}")
        return Answer(Outcome.ANSWERED, normalized, entry=degree_first(best, mentions.education),
                      related=self._related(best, ranked, best_score), intent=intent,
                      mentions=mentions, read_as=text, **scores)

    def _of_year_asked(self, ranked: list[Ranked], folded: str) -> list[Ranked]:
        """A year asked ("which state pays most in 2021"): a close candidate whose figures are
        of that year leads over the best one that names it only in passing ("a few states have
        newer May 2021 means" after its 2018 table)."""
        asked = set(_YEAR_NAMED.findall(folded))
        if len(asked) != 1:
            return ranked
        year = asked.pop()

        def first_year(item: Ranked) -> str | None:
            found = _YEAR_NAMED.search(self.entries[item.doc].answer)
            return found.group() if found else None

        best = ranked[0]
        if first_year(best) in (year, None) or year not in self.entries[best.doc].answer:
            return ranked
        lead = next((item for item in ranked[1:YEAR_RIVALS] if first_year(item) == year
                     and item.score >= YEAR_LEAD * best.score), None)
        return ranked if lead is None else [lead, *(item for item in ranked if item is not lead)]

    def _side_paths_each(self) -> Entry:
        """The side paths' card followed by what each path's people do (its own cards)."""
        card = self.by_id[SIDE_PATHS_CARD]
        paths = [entry for entry in self.entries if entry.id.startswith(SIDE_PATH_PREFIX)]
        each = "\n".join(f"• {path.title}: {path.answer}" for path in paths)
        return replace(card, answer=f"{card.answer}\n\n{each}", sources=tuple(dict.fromkeys(
            (*card.sources, *(source for path in paths for source in path.sources)))))

    @staticmethod
    def _holders_pay(named: list[list[re.Pattern[str]]], names: list[list[re.Pattern[str]]],
                     mentions: Mentions) -> bool:
        """Whether pay asked with a credential named is its holders' pay in general: nothing
        else specific named (a place, an employer, a year, a detail) and not the asker's own."""
        return not (named or names or mentions.states or mentions.employer
                    or mentions.first_person or mentions.what_if or mentions.years is not None)

    def _named_part(self, entry: Entry, mentions: Mentions) -> Entry:
        """A topic on every credential's part, asked of one credential named ("rhit ceus, how
        many and how often": the RHIT's renewal, not every credential's): that one's part."""
        part = TOPIC_PARTS.get(entry.id)
        if part is None or len(mentions.certs) != 1:
            return entry
        return self.by_id.get(f"certification:{mentions.certs[0].value}:{part}", entry)

    def _dues_part(self, entry: Entry, folded: str) -> Entry:
        """Membership dues asked of a credential's card ("how much does it cost to join aapc":
        the CPC's fee): its renewal fee's card, which leads with the dues, when it names them."""
        if not (entry.id.startswith(CERT_CARD) and self.specifics.asks_dues(folded)):
            return entry
        dues = self.by_id.get(f"{CERT_CARD}{entry.id.split(':')[1]}:renewal_fee")
        return dues if dues is not None and "membership" in dues.answer.lower() else entry

    def _exam_price(self, entry: Entry, folded: str) -> Entry:
        """A renewal fee's card for a price asked without a word of keeping the credential
        ("what if i got the ccs as an ahima member, whats the fee"): the exam fee's card."""
        if not (entry.id.startswith(CERT_CARD) and entry.id.endswith(":renewal_fee")) \
                or _KEEPING.search(folded) or self.specifics.asks_dues(folded):
            return entry
        return self.by_id.get(entry.id.removesuffix("renewal_fee") + "fee", entry)

    def _missing(self, question: str) -> Entry | None:
        """A card standing for what `question` asks that the sources lack, of the kinds the
        specifics name in a sentence (a holder count, a percentile of a year, ranked places, a
        vendor's money, size or work, next year's pay, a school ranked, counted or priced, a
        share of the jobs, dues, a retake's price, pay in DC, a pass rate in a state): the reply
        says what is missing. None otherwise."""
        missing = self.specifics.missing(question)
        if missing is None:
            return None
        sentence, command = missing
        return Entry(id=SPECIFIC_GAP, title="Not in the sources", answer=sentence,
                     command=command, gap=sentence)

    def _asked_part(self, doc: int, query: Sequence[QueryWord]) -> int:
        """The card of the one part of certification `doc` the question asks, when `doc` is the
        certification's own card ("rhit + cpc, how many ceus all together": the RHIT's renewal,
        not the whole RHIT card): the part with most of the question's words, if one has
        most; else `doc`."""
        parts = self._parts.get(self.entries[doc].id)
        if not parts:
            return doc
        asked = {term for word in query for term in word.terms}
        counts = {part: len(own & asked) for part, own in parts.items()}
        most = max(counts.values())
        chosen = [part for part, count in counts.items() if count == most]
        return chosen[0] if most and len(chosen) == 1 else doc

    def _another_body(self, text: str) -> bool:
        """Whether a follow-up only names a body other than a certification ("and nha?" after
        "what does ahima do"): it asks what that body is, not the previous question again."""
        query = self.vocabulary.expand(text)
        if find_mentions(text, [word.text for word in query]).certs:
            return False  # "and rhit?" after a fee question asks the RHIT fee
        return self._name_alone(query, " ".join(words(text))) is not None

    def _name_alone(self, query: Sequence[QueryWord], folded: str) -> int | None:
        """The entry a question asking only what a name is heads (NAME_FILLER), else None."""
        if _NOT_ASKED.search(folded):
            query = self.vocabulary.expand(_NOT_ASKED.sub(" ", folded))
        asked = {word.text for word in query} - NAME_FILLER
        if len(asked) != 1:
            return None
        name = asked.pop()
        # "what is ahima's role": the name with its possessive s
        return self._name_heads.get(name, self._name_heads.get(name[:-1]) if name.endswith("s")
                                    else None)

    def _fits(self, doc: int, named: list[list[re.Pattern[str]]], mentions: Mentions,
              question: str, names: list[list[re.Pattern[str]]], pay: bool) -> bool:
        """Whether entry `doc` may answer `question` (folded): it names every specific thing
        asked about (`named`; a named subject's detail only on that subject's own entry or on
        one about a specific thing asked about: "Lincoln, NE" in Nebraska), it is
        about no specific thing not asked about, and it is not about another subject (a
        certification, a state) than the question names — nor, for a fact the sources lack,
        about one the question does not name. A name asked with an amount (`names`: "what does
        Epic pay") must be in its title: a card that only mentions Epic gives no pay there;
        a pay question (`pay`) needs an entry speaking of pay."""
        entry = self.entries[doc]
        if names and not self.specifics.answers(names, self._titles[doc]):
            return False
        if pay and not self._about_pay[doc]:
            return False
        if self._hourly[doc] and not _BY_THE_HOUR.search(question):
            return False
        if pay and mentions.states and not self._of_state[doc] and not any(
                STATES[code].lower() in self._titles[doc] for code in mentions.states) \
                and not self.specifics.same_place(question, self._titles[doc]):
            # Pay in a state is that state's: "registrar pay in texas" has none; a card whose
            # title names the place asked ("federal pay in San Antonio") is that place's.
            return False
        if entry.subjects and not entry.subjects & mentions.subjects \
                and (mentions.subjects or entry.gap or self._of_state[doc]):
            return False
        # A card about a kind of specific the question asks too (a head count) fits it.
        about = [forms for forms in self._about[doc] if forms not in named]
        if about and not self.specifics.answers(about, question) \
                and not any(f" {cited} " in f" {question} " for cited in self._cited[doc]) \
                and not (named and any(f" {STATES[code].lower()} " in f" {question} "
                                       and STATES[code].lower() in self._titles[doc]
                                       for code in mentions.states)):
            # An older year's figure answers its year, or its publisher named; a place in the
            # state named ("Pay in Lincoln, Nebraska") a detail only it has ("the top 10 % in
            # nebraska": Lincoln's 90th percentile, under its own title).
            return False
        if len(entry.subjects) > 1 and len(mentions.subjects) > 1 \
                and not mentions.subjects <= entry.subjects:
            return False  # "CEHRS or RHIT" compares other things than "RHIT vs CCA"
        if named and mentions.subjects and not entry.subjects & mentions.subjects \
                and not self._about[doc]:
            return False  # a detail of a named certification ("RHIA pass rate") is on its card
        return not named or self.specifics.answers(named, self._folded[doc])

    def search(self, text: str, limit: int) -> list[Entry]:
        """Up to `limit` entries for a search typed as it is written (inline mode), best first.

        Like a question, but the last word may be unfinished ("rhi" → RHIT, RHIA) and every
        entry sharing a word is listed, not only a confident answer. None when nothing relates.
        """
        text = with_codes(text[:MAX_QUESTION])
        query = self.vocabulary.expand(text, complete_last=True)
        terms = [term for word in query for term in word.terms]
        if limit <= 0 or not any(term in self.index for term in terms):
            return []
        mentions = find_mentions(text, [word.text for word in query])
        ranked = self._rank(query, terms, self.intent_of(query), mentions, limit, phrasing=False)
        return [self.entries[item.doc] for item in ranked[:limit]]

    def related_to(self, entry: Entry) -> tuple[Entry, ...]:
        """The entry's own related entries, else the ones its title finds."""
        own = tuple(self.by_id[i] for i in entry.related if i in self.by_id)
        if own:
            return own[:MAX_RELATED]
        found = self.answer(entry.title)
        return tuple(e for e in (found.entry, *found.related)
                     if e is not None and e.id != entry.id)[:MAX_RELATED]

    def _rank(self, query: Sequence[QueryWord], terms: list[str], intent: Intent | None,
              mentions: Mentions, rerank: int, phrasing: bool = True) -> list[Ranked]:
        """The best candidates, best first: the `rerank` best by BM25 with boosts and (unless
        `phrasing` is off, as for a search still being typed) the `rerank` closest
        paraphrases, each scored by the fused score."""
        factors: dict[int, float] = {}
        lexical: dict[int, float] = {}
        for doc, score in self.index.scores(terms).items():
            factors[doc] = self._factor(self.entries[doc], intent, mentions)
            lexical[doc] = score * factors[doc]
        similar = self.paraphrases.similar(query, rerank) if phrasing else {}
        best_lexical = sorted(lexical, key=lambda doc: (-lexical[doc], doc))[:rerank]
        candidates = dict.fromkeys([*best_lexical, *similar])
        # Each question word weighs its best IDF; a word the knowledge does not know weighs
        # UNKNOWN_WEIGHT times the highest (it may be what was asked: "pay in London").
        weights = [max((self.index.idf[term] for term in word.terms if term in self.index),
                       default=UNKNOWN_WEIGHT * self.index.max_idf) for word in query]
        total = sum(weights)
        covered = {doc: self._coverage(query, terms, weights, total, doc) for doc in candidates}
        reranked = {doc: lexical.get(doc, 0.0) * covered[doc] ** COVERAGE_POWER
                    for doc in candidates}
        top = max(reranked.values(), default=0.0) or 1.0
        ranked = []
        for doc in candidates:
            entry = self.entries[doc]
            factor = factors.get(doc) or self._factor(entry, intent, mentions)
            # An entry about a subject (a state, a certification) is reached by its phrasing
            # only when the question names that subject: "how much do they make" is no
            # paraphrase of "how much do they make in Maine".
            named = not entry.subjects or bool(entry.subjects & mentions.subjects)
            similarity = similar.get(doc, 0.0) if named else 0.0
            fused = reranked[doc] / top + PARAPHRASE_WEIGHT * similarity ** PARAPHRASE_POWER \
                * min(factor, 1.0)
            ranked.append(Ranked(doc, fused, covered[doc], similarity))
        ranked.sort(key=lambda item: (-item.score, item.doc))
        return ranked

    def _meaning(self, query: Sequence[QueryWord], doc: int, mentions: Mentions) -> float:
        """The cosine of the question to entry `doc`'s closest example when `doc` is the
        closest entry in meaning, at least SEMANTIC_SUPPORT and SEMANTIC_MARGIN ahead of any
        other family's; else 0. Like a phrasing, it does not count for an entry about a subject
        the question does not name."""
        entry = self.entries[doc]
        if self.meanings is None or (entry.subjects and not entry.subjects & mentions.subjects):
            return 0.0
        meant = self.meanings.similar(meaning_text(query), RERANK)
        if next(iter(meant), None) != doc or meant[doc] < SEMANTIC_SUPPORT:
            return 0.0
        family = _family(entry.id)
        runner_up = max((score for other, score in meant.items()
                         if _family(self.entries[other].id) != family), default=0.0)
        return meant[doc] if meant[doc] - runner_up >= SEMANTIC_MARGIN else 0.0

    @staticmethod
    def _factor(entry: Entry, intent: Intent | None, mentions: Mentions) -> float:
        """The boost of an entry whose intent and subjects match the question's."""
        factor = 1.0
        if intent is not None and intent in entry.intents:
            factor += 0.3
        if mentions.subjects and entry.subjects:
            # Jaccard: the entry about exactly what was named beats one that lists it.
            shared = len(mentions.subjects & entry.subjects)
            factor *= 0.4 + 1.2 * shared / len(mentions.subjects | entry.subjects)
        elif mentions.subjects:
            factor *= 0.6
        elif entry.subjects:
            factor *= UNNAMED_SUBJECT
        return factor

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

    def _related(self, best: Entry, ranked: list[Ranked], best_score: float) -> tuple[Entry, ...]:
        chosen = [self.by_id[i] for i in best.related if i in self.by_id and i != best.id]
        close = [self.entries[item.doc] for item in ranked[1:]
                 if item.score >= RELATED_SHARE * best_score]
        # An entry without related ids and far ahead of the rest still offers the next ones.
        chosen += close or [self.entries[item.doc] for item in ranked[1:1 + MIN_RELATED]]
        unique = {entry.id: entry for entry in chosen if entry.id != best.id}
        return tuple(unique.values())[:MAX_RELATED]
