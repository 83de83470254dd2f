"""/profile: show the profile, edit it with buttons (a guided dialogue) or with key=value text.

Button callbacks carry everything they need (`prof:set:education:bachelor`), so a button on an
old message still works or is answered politely; only typed answers need the dialogue state.
"""

from __future__ import annotations

import warnings

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    Application,
    CallbackContext,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from handlers.arguments import (
    ArgumentError,
    command_arguments,
    parse_pairs,
    profile_fields_problem,
)
from handlers.deps import services
from handlers.personal import require_private
from handlers.render import (
    echo,
    edit_or_reply,
    escape,
    is_private,
    reply,
    rows,
)
from handlers.start import MENU_BUTTON, register_deep_link
from knowledge.profile import (
    EDUCATION_LABELS,
    EMPLOYER_LABELS,
    FIELD_KEYS,
    FIELD_LABELS,
    GOAL_LABELS,
    MULTI_VALUED,
    Certification,
    Profile,
    ProfileValueError,
    Skill,
    display_value,
    parse_changes,
    parse_value,
)

TYPING = 1
_CHOICES: dict[str, list[tuple[str, str]]] = {
    "education": [(e.value, label) for e, label in EDUCATION_LABELS.items()],
    "employer": [(e.value, label) for e, label in EMPLOYER_LABELS.items()],
    "goal": [(g.value, label) for g, label in GOAL_LABELS.items()],
    "certs": [(c.value, c.value) for c in Certification],
    "skills": [(s.value, s.value.replace("_", " ")) for s in Skill],
    "years": [(str(n), str(n)) for n in (0, 1, 2, 3, 5, 8, 10, 15)],
}
_PROMPTS = {
    "years": "How many years have you worked in health information or EHR work? "
             "Tap a number or type one (0–50).",
    "state": "Which US state do you work in (or plan to)? Type its code or name, e.g. "
             "<code>TX</code> or <code>Texas</code>.",
    "education": "What is your highest completed education?",
    "certs": "Which certifications do you hold? Tap to select, then <b>Done</b>.",
    "employer": "Where do you work (or want to)?",
    "skills": "Which skills do you have? Tap to select, then <b>Done</b>.",
    "goal": "What is your next career goal?",
}
EDITING_KEY = "profile_editing"
# Other features offer this when there is no profile yet: it starts the guided setup.
SETUP_BUTTON = InlineKeyboardButton("🧭 Set up my profile", callback_data="prof:edit:years:w")
ESTIMATE_BUTTON = InlineKeyboardButton("💵 See my estimate", callback_data="sal:me")


def profile_text(profile: Profile, heading: str = "Your profile") -> str:
    lines = [f"<b>{heading}</b>"]
    lines += [f"• {FIELD_LABELS[key]}: {escape(display_value(key, profile))}"
              for key in FIELD_KEYS]
    if profile.is_empty():
        lines.append("\nNothing is set yet. Tap <b>Guided setup</b> and I'll ask field by field.")
    lines.append("\nPower users: <code>/profile years=3 state=TX certs=CEHRS</code>")
    return "\n".join(lines)


def profile_keyboard(profile: Profile | None = None) -> InlineKeyboardMarkup:
    """Edit buttons, the guided setup, the way to the estimate once something is set, and
    back to the menu."""
    buttons = [InlineKeyboardButton(f"✏️ {FIELD_LABELS[key]}", callback_data=f"prof:edit:{key}")
               for key in FIELD_KEYS]
    last = [InlineKeyboardButton("🧭 Guided setup", callback_data="prof:edit:years:w")]
    if profile is not None and not profile.is_empty():
        last.insert(0, ESTIMATE_BUTTON)
    return InlineKeyboardMarkup([*rows(buttons, 2), last, [MENU_BUTTON]])


def _suffix(wizard: bool) -> str:
    return ":w" if wizard else ""


def field_keyboard(key: str, profile: Profile, wizard: bool) -> InlineKeyboardMarkup:
    selected = {str(v) for v in getattr(profile, key)} if key in MULTI_VALUED else set()
    buttons = []
    for value, label in _CHOICES.get(key, []):
        if key in MULTI_VALUED:
            mark = "✅ " if value in selected else ""
            data = f"prof:tog:{key}:{value}{_suffix(wizard)}"
        else:
            mark = ""
            data = f"prof:set:{key}:{value}{_suffix(wizard)}"
        buttons.append(InlineKeyboardButton(f"{mark}{label}", callback_data=data))
    width = 4 if key in {"years", "certs"} else 2
    keyboard = rows(buttons, width)
    footer = []
    if key in MULTI_VALUED:
        footer.append(InlineKeyboardButton("Done", callback_data=f"prof:done:{key}"
                                                                f"{_suffix(wizard)}"))
    if wizard:
        footer.append(InlineKeyboardButton("Skip ⏭", callback_data=f"prof:done:{key}:w"))
    footer.append(InlineKeyboardButton("↩️ Profile", callback_data="prof:view"))
    return InlineKeyboardMarkup([*keyboard, footer])


def _next_field(key: str) -> str | None:
    index = FIELD_KEYS.index(key)
    return FIELD_KEYS[index + 1] if index + 1 < len(FIELD_KEYS) else None


async def _load(context: CallbackContext, user_id: int) -> Profile:
    return await services(context).db.profiles.get(user_id) or Profile()


async def _show_field(update: Update, context: CallbackContext, key: str, wizard: bool) -> int:
    assert update.effective_user is not None
    profile = await _load(context, update.effective_user.id)
    context.user_data[EDITING_KEY] = (key, wizard)  # type: ignore[index]
    step = f"Step {FIELD_KEYS.index(key) + 1} of {len(FIELD_KEYS)} — " if wizard else ""
    text = (f"{step}<b>{FIELD_LABELS[key]}</b> (now: {escape(display_value(key, profile))})\n\n"
            f"{_PROMPTS[key]}\n\nOr type it. /cancel leaves the editor.")
    await edit_or_reply(update, text, field_keyboard(key, profile, wizard))
    return TYPING


async def _after_change(update: Update, context: CallbackContext, key: str, wizard: bool) -> int:
    following = _next_field(key) if wizard else None
    if following is not None:
        return await _show_field(update, context, following, wizard=True)
    context.user_data.pop(EDITING_KEY, None)  # type: ignore[union-attr]
    assert update.effective_user is not None
    profile = await _load(context, update.effective_user.id)
    heading = "Profile saved ✅" if wizard else "Your profile"
    await edit_or_reply(update, profile_text(profile, heading), profile_keyboard(profile))
    return ConversationHandler.END


async def _save(context: CallbackContext, user_id: int, changes: dict[str, object]) -> Profile:
    db = services(context).db
    profile = (await db.profiles.get(user_id) or Profile()).with_changes(**changes)
    await db.profiles.save(user_id, profile)
    return profile


def _parse_callback(data: str) -> tuple[str, list[str], bool]:
    parts = data.split(":")
    wizard = parts[-1] == "w"
    if wizard:
        parts = parts[:-1]
    return parts[1] if len(parts) > 1 else "", parts[2:], wizard


async def on_button(update: Update, context: CallbackContext) -> int:
    """Every `prof:` button, fresh or from an old message."""
    query = update.callback_query
    assert query is not None and update.effective_user is not None
    if not is_private(update):
        await query.answer("Profiles are edited in a private chat with me.", show_alert=True)
        return ConversationHandler.END
    action, args, wizard = _parse_callback(query.data or "")
    key = args[0] if args else ""
    if action == "view":
        await query.answer()
        return await _after_change(update, context, FIELD_KEYS[-1], wizard=False)
    if key not in FIELD_KEYS or (action in {"set", "tog"} and len(args) != 2) \
            or action not in {"edit", "set", "tog", "done"}:
        await query.answer("This button is out of date — send /profile to start again.",
                           show_alert=True)
        return ConversationHandler.END
    if action == "edit":
        await query.answer()
        return await _show_field(update, context, key, wizard)
    if action == "done":
        await query.answer()
        return await _after_change(update, context, key, wizard)
    try:
        value = parse_value(key, args[1])
    except ProfileValueError:
        await query.answer("That choice is no longer offered — send /profile again.",
                           show_alert=True)
        return ConversationHandler.END
    if action == "tog":
        current = set(getattr(await _load(context, update.effective_user.id), key))
        current ^= set(value)  # type: ignore[call-overload]
        await _save(context, update.effective_user.id, {key: frozenset(current)})
        await query.answer("Saved")
        return await _show_field(update, context, key, wizard)
    await _save(context, update.effective_user.id, {key: value})
    await query.answer("Saved")
    return await _after_change(update, context, key, wizard)


async def on_typed_value(update: Update, context: CallbackContext) -> int:
    assert update.effective_message is not None and update.effective_user is not None
    editing = context.user_data.get(EDITING_KEY)  # type: ignore[union-attr]
    if not editing:
        return ConversationHandler.END
    key, wizard = editing
    text = update.effective_message.text or ""
    try:
        value = parse_value(key, text)
    except ProfileValueError as error:
        near = f" Did you mean <b>{escape(error.suggestion)}</b>?" if error.suggestion else ""
        await reply(update, f"“{echo(text)}” is not a valid {FIELD_LABELS[key].lower()}.{near} "
                            f"Accepted: {escape(error.accepted)}. Try again or /cancel.")
        return TYPING
    await _save(context, update.effective_user.id, {key: value})
    return await _after_change(update, context, key, wizard)


async def cancel(update: Update, context: CallbackContext) -> int:
    context.user_data.pop(EDITING_KEY, None)  # type: ignore[union-attr]
    await reply(update, "Left the editor. Everything you saved so far is kept. /profile shows it.")
    return ConversationHandler.END


async def nothing_to_cancel(update: Update, context: CallbackContext) -> None:
    await reply(update, "There is nothing to cancel right now. /help lists what I can do.")


async def show_profile(update: Update, context: CallbackContext) -> None:
    """The user's profile with its edit buttons (a menu message turns into it); outside a
    private chat only a button to it: a profile never shows in a group."""
    assert update.effective_user is not None
    if not await require_private(update, context, "Profiles are private, so I keep them out of "
                                 "groups. Tap below to see or edit yours in our private chat.",
                                 "profile", "Open my profile in private"):
        return
    profile = await _load(context, update.effective_user.id)
    await edit_or_reply(update, profile_text(profile), profile_keyboard(profile))


async def profile_command(update: Update, context: CallbackContext) -> int:
    assert update.effective_user is not None and update.effective_message is not None
    arguments = command_arguments(update.effective_message.text)
    if not arguments or not is_private(update):
        await show_profile(update, context)
        return ConversationHandler.END
    try:
        changes = parse_changes(parse_pairs(arguments))
    except (ArgumentError, ProfileValueError) as error:
        problem = profile_fields_problem(error, "/profile years=3 state=TX certs=CEHRS,RHIT")
        await reply(update, problem + "\nNothing was changed.")
        return ConversationHandler.END
    profile = await _save(context, update.effective_user.id, changes)
    saved = ", ".join(FIELD_LABELS[key].lower() for key in changes)
    await reply(update, profile_text(profile, f"Saved ✅ ({saved})"), profile_keyboard(profile))
    return ConversationHandler.END


async def open_profile_link(update: Update, context: CallbackContext, _: str) -> None:
    await show_profile(update, context)


async def menu_profile(update: Update, context: CallbackContext) -> None:
    """The main menu's profile button."""
    assert update.callback_query is not None
    await update.callback_query.answer()
    await show_profile(update, context)


def register(app: Application) -> None:
    buttons = CallbackQueryHandler(on_button, pattern=r"^prof:")
    with warnings.catch_warnings():
        # Per-user tracking is what we want: the buttons carry their own state.
        warnings.simplefilter("ignore", PTBUserWarning)
        dialogue = ConversationHandler(
            entry_points=[buttons],
            states={TYPING: [MessageHandler(filters.TEXT & ~filters.COMMAND, on_typed_value),
                             buttons]},
            fallbacks=[CommandHandler("cancel", cancel),
                       CommandHandler("profile", profile_command)],
            name="profile",
            allow_reentry=True,
        )
    app.add_handler(dialogue)
    app.add_handler(CommandHandler("profile", profile_command))
    app.add_handler(CommandHandler("cancel", nothing_to_cancel))
    app.add_handler(CallbackQueryHandler(menu_profile, pattern=r"^menu:profile$"))
    register_deep_link("profile", open_profile_link)
