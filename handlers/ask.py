"""Free-text questions: any text in a private chat, `/ask` anywhere, mentions and replies in groups.

The answer comes from the knowledge entries (knowledge/qa); this module only decides whether a
message is a question for the bot, renders the answer with its source and buttons, and counts
the questions it could not answer (their text only, never who asked).
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, MessageEntity, Update
from telegram.constants import InlineKeyboardButtonLimit
from telegram.ext import (
    Application,
    CallbackContext,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from handlers.arguments import command_arguments
from handlers.career import next_step_lines
from handlers.cite import sources_line
from handlers.deps import services
from handlers.pay_check import pay_check_text
from handlers.personal import private_profile
from handlers.render import edit_or_reply, escape, is_private, private_chat_link, reply
from handlers.salary import profile_summary, what_if_data
from handlers.start import has_deep_link, route_deep_link
from knowledge.career import first_step, place, trained
from knowledge.certify import MAIN_PATH, which_first
from knowledge.pay_check import StatedPay, check_pay, judged_pay
from knowledge.profile import FIELD_LABELS, Certification, Profile, display_value
from knowledge.qa import Answer, Engine, Entry, Outcome
from knowledge.qa.corpus import check_engine_data, knowledge_engine_soon
from knowledge.qa.ladder import neighbour, own_stage, stages
from knowledge.qa.personal import (
    ANY_CHAT_KINDS,
    ESTIMATE_KINDS,
    GENERAL_FIRST,
    NextCredential,
    PersonalEstimate,
    PersonalKind,
    RenewalTotal,
    aimed_stage,
    answers_unnamed,
    applies,
    companion_cards,
    general_cards,
    names_city,
    next_credential,
    personal_estimate,
    personal_kind,
    renewal_loads,
    renewal_rules,
    renewal_total,
    target_card,
)
from knowledge.qa.smalltalk import SmallTalk, small_talk
from knowledge.qa.text import agencies, words
from knowledge.salary import Basis, Estimate, cached_estimate
from knowledge.text import format_money, format_signed_money

log = logging.getLogger(__name__)

# The engine questions go to, once built (the eval and tests may put another one there).
ENGINE_KEY = "qa_engine"
TOPIC_PREFIX = "ask:t:"
COMMAND_PREFIX = "ask:go:"
MAX_CALLBACK = InlineKeyboardButtonLimit.MAX_CALLBACK_DATA
MAX_TOPIC_BUTTONS = 3
# Room left in one message (4096 characters) for the answers, after the command line.
MAX_ANSWER_LENGTH = 3600
# The asker's last question in a chat, for follow-ups: kept in memory (chat_data), never stored,
# and forgotten after this many seconds.
RECENT_KEY = "qa_recent"
RECENT_SECONDS = 5 * 60
# Entries a personal estimate cannot stand for (a stage's pay bands, an agency's range, a side
# path, a manager's pay, each work setting's pay): shown after the estimate when the question
# matched one ("what would I make at the VA", "what would i earn as an ehr manager", "does it
# matter for pay whether i work at a hospital or a nursing home").
WITH_ESTIMATE = ("stage:", "federal:", "side_path:", "topic:salary_managers",
                 "figure:spread_settings")

USAGE = ("Ask me something after the command, e.g. <code>/ask how much does an RHIT earn?</code> "
         "or <code>/ask what do I need for the CEHRS exam</code>.")


async def knowledge_ready() -> Engine:
    """The knowledge's engine, waiting for its build (started by `register`, in a worker
    thread, so that start-up and commands never wait for it: the first question may)."""
    return await asyncio.wrap_future(knowledge_engine_soon())


async def ready_engine(app: Application) -> Engine:
    """The engine `app` answers questions with: bot_data's, else the knowledge's once built."""
    if ENGINE_KEY not in app.bot_data:
        app.bot_data[ENGINE_KEY] = await knowledge_ready()
    return app.bot_data[ENGINE_KEY]


async def engine_of(context: CallbackContext) -> Engine:
    return await ready_engine(context.application)


# ----- rendering ----------------------------------------------------------------------------------

def entry_text(entry: Entry) -> str:
    lines = [f"<b>{escape(entry.title)}</b>", "", escape(entry.answer)]
    if entry.sources:
        lines += ["", "<i>Source: " + escape("; ".join(entry.sources)) + "</i>"]
    return "\n".join(lines)


def capabilities_text() -> str:
    certs = ", ".join(cert.value for cert in Certification)
    return ("I can answer questions about pay (national, by state, by career stage, in federal "
            f"jobs), certifications ({certs}), the career ladder, how to become an EHR "
            "specialist, training, skills, work settings and the job outlook. "
            "Or try /salary, /certify, /career or /steps.")


OFF_TOPIC_OPENING = "That is outside what I know about — I only cover health-information careers."
UNKNOWN_OPENING = "I don't know that one, and I'd rather say so than guess."


SMALL_TALK_OPENINGS = {
    SmallTalk.GREETING: "Hi! 👋",
    SmallTalk.THANKS: "You're welcome! 🙂",
    SmallTalk.FAREWELL: "Bye for now! 👋",
    SmallTalk.CHATTER: "🙂",
}
SMALL_TALK_HINT = ("Ask me anything about health-information careers, e.g. "
                   "<i>how much does an RHIT earn?</i> or <i>how long does it take?</i>")


def small_talk_text(kind: SmallTalk) -> str:
    """A brief, kind reply to a message that is not a question, saying what the bot does."""
    return f"{SMALL_TALK_OPENINGS[kind]} {SMALL_TALK_HINT}\n\n{capabilities_text()}"


def declined_reply(text: str) -> bool:
    """Whether a reply answers nothing: an honest refusal or the reply to small talk (for the
    question sets' judge)."""
    folded = text.lower()
    return any(opening.lower() in folded
               for opening in (UNKNOWN_OPENING, OFF_TOPIC_OPENING, "Ask me anything about"))


def unknown_text(answer: Answer) -> str:
    opening = OFF_TOPIC_OPENING if answer.outcome is Outcome.OFF_TOPIC else UNKNOWN_OPENING
    if answer.gap is not None:
        opening += f" {escape(answer.gap.gap)}"
    return f"{opening}\n\n{capabilities_text()}"


def _fitting(first: Entry, others: tuple[Entry, ...]) -> list[Entry]:
    """The first entry and as many of the others as fit one message."""
    chosen = [first]
    length = len(entry_text(first))
    for entry in others:
        length += len(entry_text(entry)) + 2
        if length > MAX_ANSWER_LENGTH:
            break
        chosen.append(entry)
    return chosen


def command_button(command: str, private: bool, bot_username: str) -> InlineKeyboardButton | None:
    """A button that runs the matching command, when its feature offers a deep link for it."""
    payload = command.split()[0] if command else ""
    if not payload or not has_deep_link(payload):
        return None
    label = f"▶️ /{payload}"
    if private:
        return InlineKeyboardButton(label, callback_data=COMMAND_PREFIX + payload)
    return private_chat_link(bot_username, label + " (private chat)", payload)


def answer_keyboard(related: tuple[Entry, ...], command: str, private: bool,
                    bot_username: str) -> InlineKeyboardMarkup | None:
    rows = [[InlineKeyboardButton(entry.title[:60], callback_data=TOPIC_PREFIX + entry.id)]
            for entry in related
            if len((TOPIC_PREFIX + entry.id).encode()) <= MAX_CALLBACK]
    button = command_button(command, private, bot_username)
    if button is not None:
        rows.append([button])
    return InlineKeyboardMarkup(rows) if rows else None


def command_line(command: str) -> str:
    return f"\n\nMore: <code>/{escape(command)}</code>" if command else ""


def what_if_command(personal: PersonalEstimate) -> str:
    """`salary certs=CEHRS,RHIT state=TX`: the same what-if as a /salary command."""
    pairs = []
    for key, value in personal.changes.items():
        shown = ",".join(sorted(str(v) for v in value)) if isinstance(value, frozenset) \
            else str(value)
        pairs.append(f"{key}={shown}")
    return " ".join(["salary", *pairs])


def personal_text(personal: PersonalEstimate) -> str:
    """A short answer; the full breakdown is /salary's (one tap away)."""
    estimate = personal.estimate
    changed = ", ".join(f"{FIELD_LABELS[key].lower()}: {display_value(key, personal.profile)}"
                        for key in personal.changes)
    heading = f"Your estimate with {escape(changed)}" if changed else "Your estimate"
    lines = [f"<b>{heading}</b>", f"<i>Based on:</i> {profile_summary(personal.profile)}", "",
             f"💵 About <b>{format_money(estimate.point)}</b> a year, likely between "
             f"{format_money(estimate.low)} and {format_money(estimate.high)}."]
    if personal.difference is not None and personal.baseline is not None:
        difference = format_signed_money(personal.difference, zero_sign="+")
        lines.append(f"That is {difference} against your profile as it is "
                     f"({format_money(personal.baseline.point)}).")
    unset = [FIELD_LABELS[f.field].lower() for f in estimate.factors
             if f.basis is Basis.NOT_SET]
    if unset:
        lines.append(f"Not set, so not counted: {', '.join(unset)} (/profile).")
    lines += ["", sources_line(estimate.sources),
              "<i>Factors without a source are my stated assumptions: the full breakdown "
              "shows each one.</i>"]
    return "\n".join(lines)


def national_line(estimate: Estimate) -> str:
    """The estimate against the national median it is built on (above, below or at it; no
    computed difference, which no source gives)."""
    base = estimate.base
    side = ("above" if estimate.point > base.value else
            "below" if estimate.point < base.value else "at")
    return (f"<b>Against the national median:</b> your estimate ({format_money(estimate.point)})"
            f" is {side} the national median of {format_money(base.value)} "
            f"({escape(base.period)}).")


def personal_keyboard(personal: PersonalEstimate, related: tuple[Entry, ...],
                      bot_username: str) -> InlineKeyboardMarkup | None:
    """/salary's own what-if button (the full breakdown, edited in place), then topics."""
    breakdown = InlineKeyboardButton(
        "📊 Full breakdown", callback_data=what_if_data(personal.profile))
    topics = answer_keyboard(related, "", True, bot_username)
    return InlineKeyboardMarkup([[breakdown], *(topics.inline_keyboard if topics else ())])


def _listed(items: Sequence[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _codes_text(codes: Iterable[Certification]) -> str:
    return _listed([code.value for code in codes])


def renewal_heading(certs: Iterable[Certification], whose: str = "") -> str:
    """The number first: the units a cycle asks of every credential in `certs` together (else
    a plain heading); `whose` ("your ") goes before their codes."""
    total = renewal_total(Profile(certs=frozenset(certs)))
    if total is None:
        return f"<b>Renewal of {whose or 'the '}credentials</b>"
    return _total_heading(total, whose)


def _total_heading(total: RenewalTotal, whose: str = "") -> str:
    """The units a cycle asks of the credentials in `total` together, as a heading."""
    every = f"{total.units} {total.unit_word} every {total.years} years"
    codes = _codes_text(total.codes)
    if total.bodies == 1:
        return f"<b>{every}</b> for {whose}{codes}"
    return f"<b>About {every} in all</b> for {whose}{codes}"


def load_lines(certs: Iterable[Certification], whose: str = "") -> list[str]:
    """How a body's rule for holding several of its credentials adds up (AHIMA's: the highest
    base plus each further credential's units)."""
    return [f"• <b>{load.body}</b>: {load.units} for {whose}{_codes_text(load.codes)} "
            f"together ({load.base} for the one asking most, plus {load.extra} for each "
            f"further {load.body} credential)."
            for load in renewal_loads(Profile(certs=frozenset(certs))) if len(load.codes) > 1]


def renewal_text(profile: Profile) -> str:
    """The renewal load of the profile's credentials, leading with the number, then each
    credential's rule, with its sources."""
    rules = renewal_rules(profile)
    lines = [renewal_heading(profile.certs, "your "), "", *load_lines(profile.certs, "your ")]
    lines += [f"• <b>{code.value}</b>: {escape(rule.text)}" for code, rule in rules]
    return "\n".join([*lines, "", sources_line(rule.source for _, rule in rules)])


def renewal_total_text(answer: Answer) -> str:
    """A renewal card answering a question that names several credentials ("rhit + cpc, how
    many ceus all together") leads with what they ask together, when their rules add up (one
    cycle length); else nothing."""
    entry, certs = answer.entry, frozenset(answer.mentions.certs)
    if entry is None or not entry.id.endswith(":renewal") or len(certs) < 2 \
            or (total := renewal_total(Profile(certs=certs))) is None:
        return ""
    return "\n".join([_total_heading(total), *load_lines(certs)]) + "\n\n"


# A question asking which of two credentials to take ("cca or cpc first", "rhit vs cehrs for a
# brand new grad"): a pick, or a start.
_PICK = re.compile(r"\b(?:first|start\w*|begin\w*|before|pick|choose|which one|better|should i"
                   r"|beginner|newbie|new grad|no experience)\b")


def pick_text(answer: Answer) -> str:
    """Two credentials named in a question asking which to take: the order the recommended
    paths holding both give, with each one's reason (nothing when none holds both, the paths
    disagree or the answer is one part of a credential, as its fee)."""
    entry, certs = answer.entry, answer.mentions.certs
    if entry is None or len(certs) != 2 or entry.id.count(":") > 1 \
            or not _PICK.search(" ".join(words(answer.question))):
        return ""
    order = which_first(*certs)
    if order is None:
        return ""
    paths = _listed([path if path == MAIN_PATH else f"“{path}”" for path in order.paths])
    return (f"<b>{order.first.value} first, then {order.then.value}</b>, in the order I suggest "
            f"on the path{'s' if len(order.paths) > 1 else ''} for {escape(paths)}: "
            f"{escape(order.first_why)} {escape(order.then_why)} <i>(My advice, not a rule of "
            "the certifying bodies.)</i>\n\n")


def next_step_text(profile: Profile, question: str = "") -> str:
    """Where the profile sits on the ladder and what the next stage takes; a stage the asker
    says they are at ("im a him manager") stands for the profile's place."""
    named = own_stage(" ".join(words(question)))
    if named is None:
        return "\n".join([*next_step_lines(place(profile)), "",
                          "/career shows the whole ladder with its pay bands."])
    following = neighbour(named, 1)
    lines = [f"<b>Your next step</b> (you are at stage {named.order} of {len(stages())}: "
             f"{escape(named.title)})", escape(named.next_step)]
    if following is not None:
        lines.append(f"Next on the ladder: <b>{escape(following.title)}</b>.")
    return "\n".join([*lines, "", "/career shows the whole ladder with its pay bands."])


def place_text(profile: Profile, engine: Engine) -> str:
    """The stage the profile's years place it at, named first, then that stage's card (else,
    with no years set, the next-step lines, which ask for them)."""
    stage = place(profile).stage
    if stage is None:
        return next_step_text(profile)
    heading = (f"<b>You are at stage {stage.order} of {len(stages())}: {escape(stage.title)}"
               f"</b>, by your {display_value('years', profile)} of experience.")
    card = entries_text(cards_of(engine, [f"stage:{stage.id}"]))
    return "\n\n".join([heading, card, "/career shows the whole ladder with its pay bands."])


def start_text(profile: Profile) -> str:
    """Where to begin from the profile's education: training in health information, or the
    first credential to sit (with the advice for this profile)."""
    step = first_step(profile)
    lines = [f"<b>Where to start, for you: {escape(step.title)}</b>", escape(step.text)]
    advice = place(profile).advice
    if profile.education is None:
        lines.append("Set your education (/profile) and I can tell where you stand.")
    elif trained(profile) and advice is not None:
        lines.append(f"🎓 <b>Next certification for you: {advice.certification.code.value}</b>"
                     f" — {escape(advice.why)}")
    return "\n".join([*lines, profile_line(profile)])


def placement_line(profile: Profile | None) -> str:
    """Where the profile sits on the ladder, when its years place it."""
    stage = place(profile).stage if profile is not None else None
    if stage is None:
        return ""
    return (f"<i>By your profile you are at stage {stage.order} of {len(stages())}: "
            f"{escape(stage.title)}.</i>")


def profile_line(profile: Profile | None) -> str:
    return f"<i>Your profile:</i> {profile_summary(profile)}" if profile is not None else ""


def cards_of(engine: Engine, card_ids: Iterable[str]) -> list[Entry]:
    """The engine's entries for `card_ids`, in order (an id it lacks is skipped)."""
    return [engine.by_id[i] for i in card_ids if i in engine.by_id]


def entries_text(entries: Iterable[Entry]) -> str:
    return "\n\n".join(entry_text(entry) for entry in entries)


def next_credential_text(found: NextCredential | None, engine: Engine) -> str:
    """The credential to aim for next, why, whether the asker may sit it, then its card."""
    if found is None:
        return "You hold every certification I know. Impressive!"
    advice = found.advice
    code = advice.certification.code.value
    after = f" (after your {_codes_text(sorted(found.held))})" if found.held else ""
    lines = [f"<b>Next credential for you: {code}</b>{after}", escape(advice.why),
             f"<i>Can you sit it?</i> {escape(advice.eligibility.reason)}"]
    cards = cards_of(engine, [f"certification:{code}"])
    return "\n\n".join(filter(None, ["\n".join(lines), entries_text(cards)]))


def personal_kind_reply(kind: PersonalKind, profile: Profile | None, answer: Answer,
                        engine: Engine, bot_username: str, private: bool = True
                        ) -> tuple[str, InlineKeyboardMarkup | None]:
    """The reply to a personal question of a kind beyond the plain estimate: the personal part
    (estimate, next step, renewal rules) and the sourced cards behind it (`applies` said the
    profile has what the kind needs)."""
    matched = answer.entry.id if answer.answered and answer.entry else None
    folded = " ".join(words(answer.question))
    if kind is PersonalKind.BECOME:
        cards = cards_of(engine, filter(None, [target_card(folded)]))
        return ("\n\n".join(filter(None, [placement_line(profile), entries_text(cards)])),
                answer_keyboard((), "career", private, bot_username))
    if kind is PersonalKind.NEXT_CERT:
        found = next_credential(answer.question, profile, answer.mentions)
        return (next_credential_text(found, engine),
                answer_keyboard((), "certify", private, bot_username))
    if kind is PersonalKind.STAGE_PAY:
        stage = aimed_stage(folded, profile)
        cards = cards_of(engine, [f"stage:{stage.id}" if stage else "topic:salary_by_stage"])
        return ("\n\n".join(filter(None, [entries_text(cards), placement_line(profile)])),
                answer_keyboard((), "career", private, bot_username))
    if kind is PersonalKind.STATE_PAY:
        # The state's own figures first (what people there make: the one the asker says they
        # live in, else the profile's), then the asker's estimate when there is one.
        state = answer.mentions.state or (profile.state if profile else None)
        state_cards = cards_of(engine, [f"state:{state}"])
        personal = personal_estimate(profile, answer.mentions)
        if personal is None:
            return entries_text(state_cards), answer_keyboard((), "salary", private, bot_username)
        text = "\n\n".join([entries_text(state_cards), personal_text(personal)])
        return (text + command_line(what_if_command(personal)),
                personal_keyboard(personal, tuple(state_cards), bot_username))
    cards = cards_of(engine, companion_cards(kind, answer.mentions, matched))
    shown = entries_text(cards)
    if kind in ESTIMATE_KINDS:
        personal = personal_estimate(profile, answer.mentions)
        assert personal is not None  # applies() checked there is something to estimate
        against = national_line(personal.estimate) if kind is PersonalKind.NATIONAL else ""
        text = "\n\n".join(filter(None, [personal_text(personal), against, shown]))
        return (text + command_line(what_if_command(personal)),
                personal_keyboard(personal, tuple(cards), bot_username))
    if kind is PersonalKind.NEXT_STEP and profile is not None:
        return (next_step_text(profile, answer.question),
                answer_keyboard((), "career", True, bot_username))
    if kind is PersonalKind.PLACE and profile is not None:
        return place_text(profile, engine), answer_keyboard((), "career", True, bot_username)
    if kind is PersonalKind.START and profile is not None and profile.certs:
        # Started already (a credential held): where to go from here.
        return (next_step_text(profile, answer.question),
                answer_keyboard((), "career", True, bot_username))
    if kind is PersonalKind.START and profile is not None:
        return ("\n\n".join([start_text(profile), shown]),
                answer_keyboard((), "steps", True, bot_username))
    if kind is PersonalKind.RENEWAL and profile is not None:
        return renewal_text(profile), answer_keyboard((), "certify", True, bot_username)
    return ("\n\n".join(filter(None, [profile_line(profile), shown])),
            answer_keyboard((), "certify", True, bot_username))


def own_answer_hint(private: bool, thing: str = "an answer") -> str:
    """How to get `thing` for oneself: a profile, asked in a private chat."""
    return f"For {thing} of your own, " + ("set up /profile and ask again." if private
                                           else "ask me in a private chat — profiles stay out "
                                           "of groups.")


# ----- answering ----------------------------------------------------------------------------------

def _after_estimate(entry: Entry, question: str) -> bool:
    """Whether the matched entry is shown after a personal estimate: one the estimate cannot
    stand for, or the state's card for a question naming a city in it (its figures are
    statewide, and the card says so)."""
    return entry.id.startswith(WITH_ESTIMATE) or (
        entry.id.startswith("state:") and names_city(question))


def _place_only(personal: PersonalEstimate) -> bool:
    """Whether an estimate would rest on nothing but the state the question names ("im a
    medical assistant in georgia, what would i earn as a records specialist", nothing stored):
    the state's own figures answer that, not the national median moved by a state factor."""
    return personal.baseline is None and set(personal.changes) == {"state"}


def _general_instead(kind: PersonalKind, answer: Answer) -> bool:
    """Whether a personal kind that cannot be answered for the asker gets its general card
    rather than the engine's answer: always for some kinds, else when nothing was answered or
    the card is about a credential the question does not name."""
    entry = answer.entry
    return kind in GENERAL_FIRST or not answer.answered or entry is None \
        or not answers_unnamed(entry.subjects, answer.mentions, answer.question)


def _recent(context: CallbackContext) -> dict[int, tuple[str, float]]:
    """The chat's recent questions by asker, those older than RECENT_SECONDS dropped."""
    chat_data = context.chat_data if context.chat_data is not None else {}
    now = time.monotonic()
    recent = {user: (text, at) for user, (text, at) in chat_data.get(RECENT_KEY, {}).items()
              if now - at < RECENT_SECONDS}
    chat_data[RECENT_KEY] = recent
    return recent


# An offer someone got ("offered 45k at the VA, is that fair"), unlike a figure read or heard.
_OFFERED = re.compile(r"\b(?:offer\w*|got|getting|hired|accept\w*)\b")


def _agency_claim(question: str) -> bool:
    """Whether a figure judged is a federal agency's pay as read or heard ("read the VA pays 42k
    to 107k, true?", "so HHS is 40-85k right?"): the agency's own range answers it, not the
    national median."""
    return bool(agencies(question)) and not _OFFERED.search(" ".join(words(question)))


async def answer_pay_figure(update: Update, context: CallbackContext, stated: StatedPay) -> None:
    """"Is $45k low?": the figure against the national median, the asker's own estimate in a
    private chat with a profile, and the card of the state the question names."""
    profile = await private_profile(update, context)
    estimate = cached_estimate(profile) if profile is not None else None
    # An offer in a named state is followed by that state's card (its own figures).
    state_cards = cards_of(await engine_of(context), [f"state:{stated.state}"]) \
        if stated.state else []
    text = "\n\n".join([pay_check_text(check_pay(stated, estimate)), entries_text(state_cards)])
    await reply(update, text.strip(),
                answer_keyboard((), "salary", is_private(update), context.bot.username))


async def answer_question(update: Update, context: CallbackContext, question: str,
                          small_talk_reply: bool = True) -> None:
    """Answer a question; small talk gets a brief reply (or, when `small_talk_reply` is false,
    none)."""
    kind = small_talk(question)
    if kind is not None:
        if small_talk_reply:
            await reply(update, small_talk_text(kind))
        return
    user_id = update.effective_user.id if update.effective_user else 0
    recent = _recent(context)
    stated = judged_pay(question)
    if stated is not None and not _agency_claim(question):
        recent[user_id] = (question, time.monotonic())
        await answer_pay_figure(update, context, stated)
        return
    previous = recent.get(user_id, ("", 0.0))[0]
    answer = (await engine_of(context)).answer(question, previous=previous or None)
    if answer.answered or answer.wants_estimate:
        recent[user_id] = (answer.read_as, time.monotonic())
    private = is_private(update)
    log.info("question %s entry=%s intent=%s", answer.outcome.value,
             answer.entry.id if answer.entry else "-", answer.intent)
    asked_kind = None if answer.lacking else personal_kind(question, answer.mentions)
    # Read once, only for a question that may be answered from it.
    profile = await private_profile(update, context) \
        if asked_kind is not None or (private and answer.wants_estimate) else None
    if asked_kind is not None and (private or asked_kind in ANY_CHAT_KINDS) \
            and applies(asked_kind, profile, answer.mentions):
        recent[user_id] = (answer.read_as, time.monotonic())
        await reply(update, *personal_kind_reply(asked_kind, profile, answer,
                                                 await engine_of(context), context.bot.username,
                                                 private))
        return
    if private and answer.wants_estimate:
        personal = personal_estimate(profile, answer.mentions)
        state_cards = cards_of(await engine_of(context), [f"state:{answer.mentions.state}"]
                               if answer.mentions.state else [])
        if personal is not None and state_cards and _place_only(personal):
            text = entries_text(state_cards) + "\n\n" + own_answer_hint(private, "a figure")
            await reply(update, text, answer_keyboard((), "salary", private, context.bot.username))
            return
        if personal is not None:
            # The entry the question matched stays one tap away ("how is my salary estimated").
            topics = tuple(dict.fromkeys((*filter(None, [answer.entry]), *answer.related)))
            text = personal_text(personal)
            if answer.answered and answer.entry is not None \
                    and _after_estimate(answer.entry, answer.question):
                text += "\n\n" + entry_text(answer.entry)
            elif state_cards:
                text += "\n\n" + entries_text(state_cards)
            await reply(update, text + command_line(what_if_command(personal)),
                        personal_keyboard(personal, topics[:MAX_TOPIC_BUTTONS],
                                          context.bot.username))
            return
    if asked_kind is not None and _general_instead(asked_kind, answer):
        # "What's my next step" with no profile (or in a group): the general answer, and how
        # to get one's own.
        general = entries_text(cards_of(await engine_of(context),
                                        general_cards(asked_kind, answer.mentions)))
        if general:
            await reply(update, general + "\n\n" + own_answer_hint(private),
                        answer_keyboard((), answer.command, private, context.bot.username))
            return
    if not answer.answered:
        if answer.outcome is Outcome.UNKNOWN:
            await services(context).db.unanswered.record(answer.question,
                                                         datetime.now(UTC).date())
        command = answer.gap.command.removeprefix("/") if answer.gap else answer.command
        await reply(update, unknown_text(answer),
                    answer_keyboard((), command, private, context.bot.username))
        return
    assert answer.entry is not None
    text = renewal_total_text(answer) + pick_text(answer) \
        + entries_text(_fitting(answer.entry, answer.also)) + command_line(answer.command)
    if answer.personal_pay:
        text += "\n\n" + own_answer_hint(private, "a figure")
    await reply(update, text, answer_keyboard(answer.related, answer.command, private,
                                              context.bot.username))


def _bot_mentions(message: Message, bot_id: int, bot_username: str) -> list[MessageEntity]:
    """The entities of a message that mention the bot (@username or a text mention)."""
    handle = f"@{bot_username.lower()}"
    return [entity for entity, value in message.parse_entities(
                [MessageEntity.MENTION, MessageEntity.TEXT_MENTION]).items()
            if (entity.type == MessageEntity.MENTION and value.lower() == handle)
            or (entity.type == MessageEntity.TEXT_MENTION and entity.user is not None
                and entity.user.id == bot_id)]


def _without(text: str, entities: list[MessageEntity]) -> str:
    """The text with the entities' spans cut out (offsets count UTF-16 code units)."""
    encoded = text.encode("utf-16-le")
    for entity in sorted(entities, key=lambda e: e.offset, reverse=True):
        encoded = encoded[: 2 * entity.offset] + b" \x00" + \
            encoded[2 * (entity.offset + entity.length):]
    return " ".join(encoded.decode("utf-16-le").split())


class _AddressedToBot(filters.MessageFilter):
    """A group message that mentions the bot or replies to one of its messages."""

    def filter(self, message: Message) -> bool:
        bot = message.get_bot()
        replied = message.reply_to_message
        if replied is not None and replied.from_user is not None \
                and replied.from_user.id == bot.id:
            return True
        return bool(_bot_mentions(message, bot.id, bot.username))


async def on_private_text(update: Update, context: CallbackContext) -> None:
    assert update.effective_message is not None
    await answer_question(update, context, update.effective_message.text or "")


async def on_group_text(update: Update, context: CallbackContext) -> None:
    message = update.effective_message
    assert message is not None
    question = _without(message.text or "",
                        _bot_mentions(message, context.bot.id, context.bot.username))
    if not question:
        await reply(update, USAGE)
        return
    # In a group, "thanks" or "lol" in reply to the bot is conversation, not a question.
    await answer_question(update, context, question, small_talk_reply=False)


async def ask_command(update: Update, context: CallbackContext) -> None:
    assert update.effective_message is not None
    question = command_arguments(update.effective_message.text).strip()
    if not question:
        await reply(update, USAGE)
        return
    await answer_question(update, context, question)


async def on_topic_button(update: Update, context: CallbackContext) -> None:
    query = update.callback_query
    assert query is not None
    engine = await engine_of(context)
    entry = engine.by_id.get((query.data or "").removeprefix(TOPIC_PREFIX))
    if entry is None:
        await query.answer("That topic is no longer available — just ask me again.",
                           show_alert=True)
        return
    await query.answer()
    private = is_private(update)
    related = engine.related_to(entry)
    text = entry_text(entry) + command_line(entry.command)
    await edit_or_reply(update, text, answer_keyboard(related, entry.command, private,
                                                      context.bot.username))


async def on_command_button(update: Update, context: CallbackContext) -> None:
    query = update.callback_query
    assert query is not None
    payload = (query.data or "").removeprefix(COMMAND_PREFIX)
    if not is_private(update) or not has_deep_link(payload):
        await query.answer("This button is out of date — send /help to see the commands.",
                           show_alert=True)
        return
    await query.answer()
    await route_deep_link(update, context, payload)


def register(app: Application) -> None:
    check_engine_data()  # a broken data file stops the start-up, not each question
    knowledge_engine_soon()  # building from now on, in a worker thread
    app.add_handler(CommandHandler("ask", ask_command))
    app.add_handler(CallbackQueryHandler(on_topic_button, pattern=rf"^{TOPIC_PREFIX}"))
    app.add_handler(CallbackQueryHandler(on_command_button, pattern=rf"^{COMMAND_PREFIX}"))
    # PTB runs one handler per group but every group, so a later group would answer the
    # profile dialogue's typed values too. In the default group, registered after the dialogue
    # (this module stays last in handlers.FEATURES), a dialogue that takes the text wins.
    # A card someone posted through inline mode ("via @bot", naming the bot) is not a question.
    plain_text = filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND & ~filters.VIA_BOT
    app.add_handler(MessageHandler(filters.ChatType.PRIVATE & plain_text, on_private_text))
    app.add_handler(MessageHandler(filters.ChatType.GROUPS & plain_text & _AddressedToBot(),
                                   on_group_text))
