"""Every piece of knowledge as a uniform card, for question answering and inline mode.

A card's text is plain (no HTML) with every figure already rendered with its source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from knowledge.models import AgencyRange, CertificationInfo, Figure, StageBand
from knowledge.numbers import ordinal
from knowledge.profile import STATES, Goal
from knowledge.qa.data import FederalPay, GsRow, LocalityTable, qa_data
from knowledge.store import Knowledge, load_knowledge
from knowledge.text import (
    format_figure,
    format_money,
    format_money_range,
    format_value,
    render_text,
    source_label,
)

UNKNOWN = "unknown"


@dataclass(frozen=True)
class Card:
    id: str
    kind: str  # topic | certification | cert_aspect | stage | state | figure | side_path |
    # federal | advice | overview
    title: str
    text: str
    keywords: tuple[str, ...]
    sources: tuple[str, ...]
    command: str
    gap: str = ""  # set when the card stands for a fact the sources lack: says so, no guess


def _fees(cert: CertificationInfo) -> str:
    return "; ".join(f"{format_money(f.amount)} {f.label}" for f in cert.fees) or \
        f"{UNKNOWN} (not found in the sources)"


def _cert_aspects(cert: CertificationInfo) -> dict[str, str]:
    """Each part of a certification's card: eligibility, exam, fee, renewal."""
    return {"eligibility": cert.eligibility.text if cert.eligibility else UNKNOWN,
            "exam": cert.exam.text if cert.exam else UNKNOWN,
            "fee": _fees(cert) + ".",
            "renewal": cert.renewal.text if cert.renewal else UNKNOWN}


def _noted(cert: CertificationInfo, part: str) -> bool:
    """Whether a note of the certification belongs to `part` (a retake rule, a pass rate)."""
    return any(note.text.startswith(PART_NOTES[part]) for note in cert.notes)


def _cert_gap(cert: CertificationInfo, aspect: str) -> str:
    """For a part the sources lack: a sentence saying so ("" when the part is known)."""
    known = {"eligibility": cert.eligibility, "exam": cert.exam, "fee": cert.fees,
             "renewal": cert.renewal}.get(aspect) or (aspect in NOTE_PARTS
                                                      and _noted(cert, aspect)) \
        or (aspect == "venue" and _venue_known(cert))
    return "" if known else (f"The {cert.code.value} {CERT_ASPECT_NAMES[aspect]} was not found "
                             "in the sources I use, so I don't state one.")


def _venue_known(cert: CertificationInfo) -> bool:
    """Whether the exam's text says where or how the exam is taken (a note may, too)."""
    return cert.exam is not None and any(form in cert.exam.text for form in VENUE_FORMS)


def _gap_leaves(cert: CertificationInfo, aspect: str) -> tuple[str, ...]:
    """The notes a part's card leaves out: a card standing for a missing part (the CHDA's exam)
    leaves out the retake rule, which has its own card ("how long before I can retake the CHDA"
    is no question about the missing exam format)."""
    return PART_NOTES["retake"] if _cert_gap(cert, aspect) else ()


def _cert_text(cert: CertificationInfo, first: str = "", leave: tuple[str, ...] = ()) -> str:
    """The card's text; `first` names the part that leads ("renewal": the renewal rule first;
    "retake": the retake note, which is no field of its own); notes starting with one of
    `leave` are left out."""
    aspects = _cert_aspects(cert)
    kept = [note for note in cert.notes if not (leave and note.text.startswith(leave))]
    own = [note.text for note in kept if note.text.startswith(PART_NOTES.get(first, ()))]
    lead = [f"{first.capitalize()}: {aspects[first]}"] if first in aspects else []
    parts = [f"{name.capitalize()}: {text}" for name, text in aspects.items() if name != first]
    notes = " ".join(note.text for note in kept if note.text not in own)
    opening = f"{cert.name} ({cert.body_name}, {cert.body}). {cert.summary}"
    if first:
        return " ".join([" ".join([*lead, *own]), opening, *parts, notes]).strip()
    return " ".join([opening, *parts, notes]).strip()


# A note that begins so belongs with that part: it follows the part on the part's own card.
RENEWAL_FEE_NOTES = ("Recertification fee", "Renewal dues")
# Notes that list an exam's domains: their names are the exam card's keywords too ("how much
# of the CEHRS exam is revenue cycle").
DOMAIN_NOTES = ("Exam content", "Six exam domains")
PART_NOTES = {"renewal": RENEWAL_FEE_NOTES, "renewal_fee": RENEWAL_FEE_NOTES,
              "exam": ("Retake", "First-time pass rate", *DOMAIN_NOTES, "Virtual exam",
                       "Exam window", "Scheduling"),
              "retake": ("Retake",), "pass_rate": ("First-time pass rate",),
              "domains": DOMAIN_NOTES, "window": ("Exam window",),
              "venue": ("Virtual exam", "Scheduling")}
CERT_ASPECT_NAMES = {"eligibility": "eligibility rule", "exam": "exam format",
                     "fee": "exam fee", "renewal": "renewal rule",
                     "retake": "waiting period before a retake", "pass_rate": "pass rate",
                     "renewal_fee": "renewal fee", "domains": "exam content outline (its domains)",
                     "window": "window for taking the exam once eligible",
                     "venue": "venue"}
# Words of an exam's text saying where or how it is taken (the CEHRS's PSI test centres, the
# RHIT's Pearson VUE): its place of testing is known then, or from a note (the online CPC).
VENUE_FORMS = ("test centre", "Pearson VUE", "remote proctoring")
# The words people use for each part of a certification (the aspect cards' keywords).
CERT_ASPECT_WORDS = {
    "eligibility": ("eligibility", "requirements", "prerequisites", "qualify", "who can take",
                    "need to sit", "allowed to take", "years of experience", "degree"),
    "exam": ("exam format", "questions", "passing score", "pass mark", "how long is the exam",
             "minutes", "hours", "test", "hard", "difficult", "score"),
    "fee": ("fee", "cost", "price", "how much is the exam", "exam cost", "pay for the exam"),
    "renewal": ("renewal", "renew", "recertification", "continuing education", "ceu",
                "how often", "expire", "maintain", "ce credits"),
}
# Parts that are notes, not fields: the retake rule (a note starting "Retake"), the pass rate,
# the exam's domains, AHIMA's window for taking the exam once eligible and the place of testing
# (known from the exam's text too: VENUE_FORMS). Every certification has a card for each,
# standing for a missing fact where no note gives it (the exam part may be missing, as RHIA's
# format, while the retake wait is known).
NOTE_PARTS = {
    "retake": ("retake", "retest", "fail", "failed", "failing", "waiting period", "wait",
               "how long to wait", "how soon", "second attempt"),
    "pass_rate": ("pass rate", "passing rate", "first time pass rate", "how many pass",
                  "fail rate", "failure rate"),
    "renewal_fee": ("renewal fee", "recertification fee", "renewal cost", "cost to renew",
                    "how much to renew", "renewal dues", "recert fee"),
    "domains": ("domains", "exam domains", "content areas", "subject areas", "content outline",
                "blueprint"),
    "window": ("exam window", "window", "deadline"),
    # not "test" nor "take", words of the exam's and the certification's own cards ("how many
    # items is the rhia test", "can the cpc be taken online")
    "venue": ("centre", "center", "site", "venue"),
}
# A known pass rate, domain list or exam window is on the exam's card (a note of the exam part):
# its own card only stands for a missing one ("the CCS exam content outline was not found"). A
# known renewal fee follows the renewal rule on the renewal card and leads its own card, which
# answers what renewing costs.
FOLDED_PARTS = {"pass_rate": "exam", "domains": "exam", "window": "exam", "venue": "exam"}

_DOMAIN_SPLIT = re.compile(r"[;,]|\band\b")
_NOT_DOMAIN = re.compile(r"\d+%|\bof scored items\b|\bprep sites.*$", re.IGNORECASE)


def _domain_names(cert: CertificationInfo) -> tuple[str, ...]:
    """The names of the exam domains a certification's notes list ("revenue cycle")."""
    listed = [note.text.split(":", 1)[1] for note in cert.notes
              if note.text.startswith(DOMAIN_NOTES) and ":" in note.text]
    names = (" ".join(_NOT_DOMAIN.sub(" ", part).replace(".", " ").split())
             for text in listed for part in _DOMAIN_SPLIT.split(text))
    return tuple(name.lower() for name in names if name)


def _aspect_words(cert: CertificationInfo, aspect: str) -> tuple[str, ...]:
    """An aspect card's keywords: the part's words, those of a known part folded into it and,
    for the exam, its domains' names."""
    folded = [part for part, into in FOLDED_PARTS.items()
              if into == aspect and not _cert_gap(cert, part)]
    domains = _domain_names(cert) if aspect == "exam" else ()
    return (*CERT_ASPECT_WORDS[aspect], *(word for part in folded for word in NOTE_PARTS[part]),
            *domains)


def cert_sources(cert: CertificationInfo) -> tuple[str, ...]:
    """The sources a certification's facts cite, each once: its body, claims, then fees."""
    claims = [cert.eligibility, cert.exam, cert.renewal, *cert.notes]
    ids = [cert.body_source, *(c.source for c in claims if c), *(f.source for f in cert.fees)]
    return tuple(dict.fromkeys(ids))


# In a topic's answer: every career stage's pay bands, by stage, each with its guide; or one
# stage's ("[bands:manager]").
STAGE_BANDS_PLACEHOLDER = "[stage_bands]"
ONE_STAGE_PLACEHOLDER = re.compile(r"\[bands:([a-z_]+)\]")
# Every band one guide gives, with its years ("[guide_bands:guide_cehrs_salary]": what the
# CEHRS salary guide says CEHRS professionals earn by experience).
ONE_GUIDE_PLACEHOLDER = re.compile(r"\[guide_bands:([a-z0-9_]+)\]")


def _band_text(band: StageBand, kb: Knowledge) -> str:
    return (f"{band.label}: {format_money(band.low)}-{format_money(band.high)}"
            f"{'+' if band.open_ended else ''} ({source_label(kb.source(band.source))})")


def _all_stage_bands(kb: Knowledge) -> str:
    stages = sorted(kb.stages, key=lambda stage: stage.order)
    return "; ".join(
        f"{stage.title} - " + ", ".join(f"{_band_text(b, kb)}, {b.years}"
                                        for b in kb.bands_for_stage(stage.id))
        for stage in stages if kb.bands_for_stage(stage.id))


# A year in a figure's period ("May 2024", "2024-2034").
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


# In a topic's answer: the best- and the worst-paying state of the complete state table, each
# with its mean ("which state pays best", "the worst paying state").
STATE_ENDS_PLACEHOLDER = "[state_ends]"


def _state_ends(kb: Knowledge) -> str:
    order = sorted(kb.states.states, key=lambda s: -s.annual_mean)
    top, bottom = order[0], order[-1]
    return (f"{STATES[top.state]} paid most (an annual mean of {format_money(top.annual_mean)}) "
            f"and {STATES[bottom.state]} least ({format_money(bottom.annual_mean)}) of the "
            f"{len(order)} states in the only complete state table "
            f"({kb.states.table.period}; {source_label(kb.source(kb.states.table.source))})")


def _topic_text(text: str, kb: Knowledge) -> str:
    text = text.replace(STAGE_BANDS_PLACEHOLDER, _all_stage_bands(kb))
    text = text.replace(STATE_ENDS_PLACEHOLDER, _state_ends(kb))
    text = ONE_STAGE_PLACEHOLDER.sub(
        lambda match: "; ".join(_band_text(b, kb) for b in kb.bands_for_stage(match[1])), text)
    text = ONE_GUIDE_PLACEHOLDER.sub(
        lambda match: "; ".join(f"{b.label}: {format_money(b.low)}-{format_money(b.high)}"
                                f"{'+' if b.open_ended else ''} ({b.years})"
                                for b in kb.salary.stage_bands if b.source == match[1]), text)
    return render_text(text, kb)


def build_cards(kb: Knowledge) -> tuple[Card, ...]:
    cards: list[Card] = [
        Card(f"topic:{t.id}", "topic", t.title, _topic_text(t.answer, kb), t.keywords,
             t.sources, t.command, t.gap)
        for t in kb.topics
    ]
    cards += [
        Card(f"certification:{c.code.value}", "certification", f"{c.code.value} - {c.name}",
             _cert_text(c), (c.code.value.lower(), c.name.lower(), c.body.lower()),
             cert_sources(c), f"/certify {c.code.value}")
        for c in kb.certifications
    ]
    cards += [
        Card(f"certification:{c.code.value}:{aspect}", "cert_aspect",
             f"{c.code.value} - {aspect}", _cert_text(c, aspect, _gap_leaves(c, aspect)),
             (c.code.value.lower(), *_aspect_words(c, aspect)), cert_sources(c),
             f"/certify {c.code.value}", _cert_gap(c, aspect))
        for c in kb.certifications for aspect in CERT_ASPECT_WORDS
    ]
    cards += [
        Card(f"certification:{c.code.value}:{part}", "cert_aspect",
             f"{c.code.value} - {part.replace('_', ' ')}",
             _cert_gap(c, part) or _cert_text(c, part),
             (c.code.value.lower(), *words), cert_sources(c), f"/certify {c.code.value}",
             _cert_gap(c, part))
        for c in kb.certifications for part, words in NOTE_PARTS.items()
        if part not in FOLDED_PARTS or _cert_gap(c, part)
    ]
    stages = sorted(kb.stages, key=lambda stage: stage.order)
    for position, stage in enumerate(stages):
        stage_bands = kb.bands_for_stage(stage.id)
        bands = "; ".join(_band_text(b, kb) for b in stage_bands)
        earlier = stages[position - 1] if position else None
        later = stages[position + 1] if position + 1 < len(stages) else None
        place = (f"Stage {stage.order} of {len(stages)} on the career ladder"
                 + (f", after {earlier.title}" if earlier else ", the first")
                 + (f", before {later.title}." if later else ", the top."))
        reach = f" To get here: {earlier.next_step}" if earlier else ""
        focus = f" Focus on: {', '.join(stage.focus)}." if stage.focus else ""
        # The closest official occupation's pay, as /career shows it ("what would a manager
        # earn": the guide's band and BLS's median).
        related = kb.figure(stage.related_figure) if stage.related_figure else None
        official = f" {related.label}: {format_figure(related, kb)}." if related else ""
        text = (f"{stage.summary} {place}{focus} Pay bands: {bands or UNKNOWN}.{official}{reach} "
                f"Next: {stage.next_step}")
        sources = tuple(dict.fromkeys([*stage.sources, *(b.source for b in stage_bands),
                                       *([related.source] if related else [])]))
        cards.append(Card(f"stage:{stage.id}", "stage", stage.title, text,
                          (stage.title.lower(), stage.id), sources, "/career"))
    cards += [
        Card(f"side_path:{p.id}", "side_path", p.title, render_text(p.text, kb),
             (p.title.lower(), p.id), p.sources, "/career")
        for p in kb.career.side_paths
    ]
    cards += [
        Card(f"state:{s.state}", "state", f"Pay in {STATES[s.state]}", state_text(kb, s.state),
             (STATES[s.state].lower(), s.state.lower(),
              *(name for city in kb.cities if s.state in city.states for name in city.names)),
             state_sources(kb, s.state),
             f"/salary state={s.state}")
        for s in kb.states.states
    ]
    cards.append(recent_states_card(kb))
    newest = _newest_by_label(kb.figures)
    cards += [
        Card(f"figure:{f.id}", "figure", _figure_title(f, newest, kb), format_figure(f, kb),
             (f.label.lower(),), (f.source,), "/salary")
        for f in kb.figures
    ]
    cards += [pay_over_time_card(kb), *spread_cards(kb), first_certification_card(kb),
              pass_rates_card(kb)]
    return (*cards, *federal_cards(kb, qa_data().federal_pay))


def _first_year(figure: Figure) -> int:
    """The first year a figure's period names (0 for none): "2024-2034" is 2024."""
    found = _YEAR.search(figure.period)
    return int(found[0]) if found else 0


def _same_measure(figure: Figure) -> str:
    """What a figure measures, year after year: its label; for the occupation's national pay
    (its code and group renamed along the way), the measure and its unit ("median USD/year")."""
    if figure.unit.startswith("USD/") and "medical records" in figure.label.lower():
        return f"{_measure(figure).split()[0]} {figure.unit}"
    return figure.label


def _newest_by_label(figures: tuple[Figure, ...]) -> dict[str, str]:
    """For each measure (`_same_measure`), the id of the figure of the latest period bearing it
    (the same measure of the same occupation, year after year)."""
    newest: dict[str, Figure] = {}
    for figure in figures:
        held = newest.get(_same_measure(figure))
        if held is None or _first_year(figure) > _first_year(held):
            newest[_same_measure(figure)] = figure
    return {measure: figure.id for measure, figure in newest.items()}


def _figure_title(figure: Figure, newest: dict[str, str], kb: Knowledge) -> str:
    """A figure card's title: its label, with its period and publisher when a newer figure
    bears the same label - a year in the title makes the older card answer only a question
    naming that year or that publisher ("the national median" is the latest one, "the median
    in 2021" the 2021 one, "the growth number on the aapc page" AAPC's)."""
    if newest[_same_measure(figure)] == figure.id:
        return figure.label
    return f"{figure.label} ({figure.period}; {kb.source(figure.source).publisher})"


def first_certification_card(kb: Knowledge) -> Card:
    """Which certification a beginner takes first: the credentials of the "enter the field"
    path (certifications.yaml), in order, each with the bot's reason and its eligibility rule.
    No code is in its title or keywords: it answers questions naming none."""
    plan = next(r for r in kb.certifications_file.recommendations if r.goal == Goal.ENTER_FIELD)
    steps = [(step, kb.certification(step.code)) for step in plan.path]
    listed = " ".join(
        f"{number}. {cert.code.value} ({cert.name}, {cert.body}): {step.why} Eligibility: "
        f"{cert.eligibility.text if cert.eligibility else UNKNOWN}"
        for number, (step, cert) in enumerate(steps, 1))
    codes = ", ".join(cert.code.value for _, cert in steps)
    return Card("advice:first_certification", "advice", "Which certification to get first",
                f"For a beginner, an entry credential: {codes}, in the order I suggest for getting "
                f"into the field. {listed} The order is my advice, not a rule of the certifying "
                "bodies; /certify checks each one against your profile.",
                ("first certification", "which certification first", "beginner", "starter",
                 "no experience", "entry level certification", "start with", "newbie"),
                tuple(dict.fromkeys(source for _, cert in steps for source in
                                    (cert.body_source, *(c.source for c in [cert.eligibility]
                                                         if c)))),
                "/certify")


def pass_rates_card(kb: Knowledge) -> Card:
    """Every certification's first-time pass rate the sources give, side by side, and the ones
    they give none for ("what are the pass rates for these exams")."""
    prefix = PART_NOTES["pass_rate"][0]
    known = [(cert, note) for cert in kb.certifications for note in cert.notes
             if note.text.startswith(prefix)]
    rates = "; ".join(f"{cert.code.value} {note.text.removeprefix(prefix).strip()}".rstrip(".")
                      for cert, note in known)
    held = {cert.code for cert, _ in known}
    missing = [cert.code.value for cert in kb.certifications if cert.code not in held]
    return Card("overview:pass_rates", "overview", "Pass rates of the certification exams",
                f"First-time pass rates the sources give: {rates}. None was found for "
                f"{', '.join(missing[:-1])} or {missing[-1]}, so I don't state one for those.",
                ("pass rates", "first time pass rates", "exam pass rates", "how many pass"),
                tuple(dict.fromkeys(note.source for _, note in known)), "/certify")


def _table_rank(kb: Knowledge, state: str) -> str:
    """Where a state's mean stands among the table's states, in words."""
    order = sorted(kb.states.states, key=lambda s: -s.annual_mean)
    rank = next(position for position, s in enumerate(order, 1) if s.state == state)
    among = f"of the {len(order)} states in that table"
    if rank == 1:
        return f"the highest-paying {among}"
    if rank == len(order):
        return f"the lowest-paying {among}"
    return f"{ordinal(rank)} highest {among}"


def _places_line(kb: Knowledge, state: str) -> str:
    """For a state with well-known places in it: that its figures are statewide, none being
    known for any of those places on its own ("" for a state with none listed)."""
    places = [city.name for city in kb.cities if state in city.states]
    if not places:
        return ""
    listed = places[0] if len(places) == 1 else f"{', '.join(places[:-1])} or {places[-1]}"
    own = "its own" if len(places) == 1 else "their own"
    return (f"These are statewide figures: my knowledge has none for {listed} on {own}, so "
            "the state's are the closest it has. ")


def state_text(kb: Knowledge, state: str) -> str:
    """A state's figures: the newer mean with its employment and rank where known, the May 2018
    table's mean and the state's rank in it, then that they are statewide (for the well-known
    places in it) and the table's caveat."""
    table, recent = kb.states.table, kb.states.recent
    newer = next((s for s in recent.states if s.state == state), None)
    lead = (f"Annual mean {format_money(newer.annual_mean)} ({recent.period}, "
            f"{recent.occupation}; {source_label(kb.source(recent.source))}), with "
            f"{newer.employment:,} employed there, ranked {ordinal(newer.rank)} among "
            f"{recent.ranked_among} by mean. ") if newer else ""
    return (f"{lead}Annual mean {format_money(kb.state_mean(state) or 0)} ({table.period}, "
            f"{table.occupation}; {source_label(kb.source(table.source))}), "
            f"{_table_rank(kb, state)}. {_places_line(kb, state)}{table.caveat}")


def recent_states_card(kb: Knowledge) -> Card:
    """The states with a newer mean side by side: each one's mean, employment and rank."""
    recent = kb.states.recent
    rows = "; ".join(f"{STATES[s.state]} {format_money(s.annual_mean)}, {s.employment:,} "
                     f"employed, ranked {ordinal(s.rank)}" for s in recent.states)
    return Card("figure:recent_states", "figure",
                "Pay, employment and rank in five Great Lakes states",
                f"Only {len(recent.states)} states have a newer figure ({recent.period}, "
                f"{recent.occupation}; {source_label(kb.source(recent.source))}), with the "
                f"number employed and the rank by mean among {recent.ranked_among}: {rows}. "
                "No newer employment or rank was found for any other state.",
                ("employment by state", "headcount", "ranking", "great lakes", "midwest",
                 "2021 table", "2021 state means", "newer state table"),
                (recent.source,), "/salary")


def state_sources(kb: Knowledge, state: str) -> tuple[str, ...]:
    recent = kb.states.recent
    newer = any(s.state == state for s in recent.states)
    return (*((recent.source,) if newer else ()), kb.states.table.source)


def _figure_list(kb: Knowledge, figure_ids: tuple[str, ...]) -> str:
    figures = [kb.figure(figure_id) for figure_id in figure_ids]
    return "; ".join(f"{f.label}: {format_figure(f, kb)}" for f in figures)


def _measure(figure: Figure) -> str:
    """A figure in short: "median $40,350 a year" (what its label says it is, and its value)."""
    what = next((word for word in ("mean", "median", "average") if word in figure.label.lower()),
                "pay")
    return f"{what} {format_value(figure)}"


def _by_period(kb: Knowledge, figure_ids: tuple[str, ...]) -> str:
    """Figures grouped by period, in the order given: "May 2018 (old code): median $40,350 a
    year (BLS, official), ..."; a period's group is the first figure's (its label's last
    parenthesis)."""
    periods: dict[str, list[Figure]] = {}
    for figure_id in figure_ids:
        figure = kb.figure(figure_id)
        periods.setdefault(figure.period, []).append(figure)
    parts = []
    for period, figures in periods.items():
        group = re.search(r"\(([^()]*)\)$", figures[0].label)
        head = f"{period} ({group[1]})" if group else period
        parts.append(f"{head}: " + ", ".join(
            f"{_measure(f)} ({source_label(kb.source(f.source))})" for f in figures))
    return "; ".join(parts)


def pay_over_time_card(kb: Knowledge) -> Card:
    """National pay by period, oldest first, each figure with its source."""
    over_time = kb.salary.pay_over_time
    # The years it covers are keywords too (never its title: a year there would keep it for a
    # question naming every one).
    years = dict.fromkeys(year for f in over_time.figures
                          for year in _YEAR.findall(kb.figure(f).period))
    return Card("figure:pay_over_time", "figure", "National pay over the years",
                f"National pay of EHR and medical records specialists by year, oldest first. "
                f"{_by_period(kb, over_time.figures)}. "
                f"{over_time.caveat}",
                ("over the years", "over time", "trend", "history", "year over year", "by year",
                 "past years", "years ago", "back then", "gone up", "went up", "changed",
                 *years),
                tuple(dict.fromkeys(kb.figure(f).source for f in over_time.figures)), "/salary")


def spread_cards(kb: Knowledge) -> list[Card]:
    """One card per period's or place's figures side by side (its percentiles, low to high)."""
    return [Card(f"figure:spread_{spread.id}", "figure", spread.title,
                 f"{_figure_list(kb, spread.figures)}.",
                 ("percentiles", "pay spread", "distribution", "figures"),
                 tuple(dict.fromkeys(kb.figure(f).source for f in spread.figures)), "/salary")
            for spread in kb.salary.pay_spreads]


def _grade_range(row: GsRow) -> str:
    return format_money_range(row.step1, row.step10)


def _gs_table(federal: FederalPay, year: int) -> str:
    rows = "; ".join(f"GS-{row.grade} {_grade_range(row)}" for row in federal.year_rows(year))
    return f"{year} General Schedule base pay, step 1 to step 10, before locality pay: {rows}"


def _agency_claim(agency: AgencyRange, kb: Knowledge) -> str:
    return (f"{format_money_range(agency.low, agency.high)} a year at the {agency.agency}, "
            f"according to {source_label(kb.source(agency.source))}")


def _top_agency_card(kb: Knowledge, agencies: tuple[AgencyRange, ...], caveat: str,
                     span: str) -> Card:
    """Which agency pays best, per the seed article: the one whose range tops highest first,
    then every agency's range (the article's claim, labelled so), then the official table."""
    order = sorted(agencies, key=lambda agency: -agency.high)
    others = "; ".join(_agency_claim(agency, kb) for agency in order[1:])
    return Card(
        "federal:top_agency", "federal", "Which federal agency pays best (the article's claim)",
        f"The {order[0].agency}'s range tops highest: {_agency_claim(order[0], kb)}. The "
        f"other ranges it gives: {others}. {caveat} {span}",
        ("which agency pays best", "best paying agency", "highest paying agency",
         "pays the most", "pays best", "top paying", "federal", "agency"),
        tuple(dict.fromkeys(agency.source for agency in order)), "/salary employer=government")


def _locality_card(kb: Knowledge, table: LocalityTable) -> Card:
    """A locality area's GS pay (base plus its locality payment): the rows its source gives."""
    rows = "; ".join(f"GS-{row.grade} step {row.step}: {format_money(row.hourly)} an hour, "
                     f"about {format_money(row.annual)} a year" for row in table.rows)
    return Card(
        f"federal:locality_{table.area.lower().replace(' ', '_')}", "federal",
        f"Federal pay in {table.area}: its own GS pay table",
        f"With {table.area}'s locality pay, which adds {table.percent:g}% to base pay in "
        f"{table.year}: {rows} ({source_label(kb.source(table.source))}). Other grades and steps "
        f"there, and other areas' locality tables, are not in the bot's sources; base pay before "
        f"locality is on /salary employer=government.",
        (table.area.lower(), "locality", "locality pay", "with locality", "locality rate",
         "federal", "gs"),
        (table.source,), "/salary employer=government")


def federal_cards(kb: Knowledge, federal: FederalPay) -> list[Card]:
    """Federal pay: an overview, one card per agency the seed article names, one per GS grade.

    The official GS table comes first; the article's agency ranges are labelled as its claim.
    """
    year = federal.latest_year
    rows = federal.year_rows(year)
    table = _gs_table(federal, year) + f" ({source_label(kb.source(federal.table_source))})."
    increases = " ".join(f"{f.label}: {format_figure(f, kb)}." for f in federal.increases)
    caveat = kb.salary.agency_ranges.caveat
    agencies = kb.salary.agency_ranges.ranges
    gs_sources = (federal.table_source, *(f.source for f in federal.increases),
                  federal.series.source)
    span = (f"Official federal pay follows OPM's General Schedule: in {year} base pay for "
            f"GS-{rows[0].grade} to GS-{rows[-1].grade} ran from {format_money(rows[0].step1)} to "
            f"{format_money(rows[-1].step10)} a year before locality pay.")
    claims = "; ".join(_agency_claim(agency, kb) for agency in agencies)
    cards = [Card("federal:overview", "federal", "Federal pay: the GS table and agency ranges",
                  f"{span} The seed article's agency ranges: {claims}. {caveat} {table} "
                  f"{increases} {federal.series.text}",
                  ("federal", "government", "general schedule", "gs", "agency", "public sector",
                   "federal job", "gs-0675"),
                  tuple(dict.fromkeys((*gs_sources, *(a.source for a in agencies)))),
                  "/salary employer=government")]
    cards.append(_top_agency_card(kb, agencies, caveat, span))
    for agency in agencies:
        short = agency.agency.rsplit("(", 1)[-1].rstrip(")").lower()
        cards.append(Card(
            f"federal:{agency.id}", "federal", f"Pay at the {agency.agency}",
            f"{_agency_claim(agency, kb)} - that article's claim: {caveat} {span} {table}",
            (short, agency.agency.split(" (")[0].lower(), "federal", "government"),
            (agency.source, federal.table_source), "/salary employer=government"))
    for row in rows:
        earlier = [r for r in federal.rows if r.grade == row.grade and r.year != year]
        before = "".join(f" In {r.year}: {_grade_range(r)}." for r in earlier)
        cards.append(Card(
            f"federal:gs{row.grade}", "federal", f"GS-{row.grade} pay (General Schedule)",
            f"GS-{row.grade} base pay in {year}: {format_money(row.step1)} at step 1 to "
            f"{format_money(row.step10)} at step 10 a year, before locality pay "
            f"({source_label(kb.source(federal.table_source))}).{before} {federal.series.text}",
            (f"gs-{row.grade}", f"gs {row.grade}", f"gs{row.grade}", f"grade {row.grade}",
             "general schedule", "federal grade", "step 1 to step 10"),
            (federal.table_source, federal.series.source), "/salary employer=government"))
    cards += [_locality_card(kb, table) for table in federal.localities]
    return cards


@cache
def cards() -> tuple[Card, ...]:
    """Every card of the bot's knowledge (built once)."""
    return build_cards(load_knowledge())
