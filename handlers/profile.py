"""/profile: show the profile, edit it with buttons (a guided dialogue) or with key=value text.

Button callbacks carry everything they need (`prof:set:education:bachelor`), so a button on an
old message still works or is answered politely; only typed answers need the dialogue state:
the field being edited, stored per user in the database (`db.profiles.editing`), so that the
value typed next is understood by whichever replica receives it (docs/replicas.md).
"""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CallbackContext,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

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

# The handler group (one of its own) that sees a typed value before the free-text questions
# of group 0 do (handlers.ask).
DIALOGUE_GROUP = -50
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


async def _show_field(update: Update, context: CallbackContext, key: str, wizard: bool) -> None:
    assert update.effective_user is not None
    profile = await _load(context, update.effective_user.id)
    await services(context).db.profiles.start_editing(update.effective_user.id, key, wizard)
    step = f"Step {FIELD_KEYS.index(key) + 1} of {len(FIELD_KEYS)} — " if wizard else ""
    text = (f"{step}<b>{FIELD_LABELS[key]}</b> (now: {escape(display_value(key, profile))})\n\n"
            f"{_PROMPTS[key]}\n\nOr type it. /cancel leaves the editor.")
    await edit_or_reply(update, text, field_keyboard(key, profile, wizard))


async def _after_change(update: Update, context: CallbackContext, key: str, wizard: bool
                        ) -> None:
    following = _next_field(key) if wizard else None
    if following is not None:
        await _show_field(update, context, following, wizard=True)
        return
    assert update.effective_user is not None
    await services(context).db.profiles.stop_editing(update.effective_user.id)
    profile = await _load(context, update.effective_user.id)
    heading = "Profile saved ✅" if wizard else "Your profile"
    await edit_or_reply(update, profile_text(profile, heading), profile_keyboard(profile))


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


async def on_button(update: Update, context: CallbackContext) -> None:
    """Every `prof:` button, fresh or from an old message."""
    query = update.callback_query
    assert query is not None and update.effective_user is not None
    if not is_private(update):
        await query.answer("Profiles are edited in a private chat with me.", show_alert=True)
        return
    action, args, wizard = _parse_callback(query.data or "")
    key = args[0] if args else ""
    if action == "view":
        await query.answer()
        await _after_change(update, context, FIELD_KEYS[-1], wizard=False)
        return
    if key not in FIELD_KEYS or (action in {"set", "tog"} and len(args) != 2) \
            or action not in {"edit", "set", "tog", "done"}:
        await query.answer("This button is out of date — send /profile to start again.",
                           show_alert=True)
        return
    if action == "edit":
        await query.answer()
        await _show_field(update, context, key, wizard)
        return
    if action == "done":
        await query.answer()
        await _after_change(update, context, key, wizard)
        return
    try:
        value = parse_value(key, args[1])
    except ProfileValueError:
        await query.answer("That choice is no longer offered — send /profile again.",
                           show_alert=True)
        return
    if action == "tog":
        current = set(getattr(await _load(context, update.effective_user.id), key))
        current ^= set(value)  # type: ignore[call-overload]
        await _save(context, update.effective_user.id, {key: frozenset(current)})
        await query.answer("Saved")
        await _show_field(update, context, key, wizard)
        return
    await _save(context, update.effective_user.id, {key: value})
    await query.answer("Saved")
    await _after_change(update, context, key, wizard)


async def on_typed_value(update: Update, context: CallbackContext) -> None:
    """A private text while the user edits a field is that field's value (and nothing else
    sees it); otherwise it passes on, to be read as a question."""
    assert update.effective_message is not None and update.effective_user is not None
    editing = await services(context).db.profiles.editing(update.effective_user.id)
    if editing is None:
        return
    key, wizard = editing
    text = update.effective_message.text or ""
    try:
        value = parse_value(key, text)
    except ProfileValueError as error:
        near = f" Did you mean <b>{escape(error.suggestion)}</b>?" if error.suggestion else ""
        await reply(update, f"“{echo(text)}” is not a valid {FIELD_LABELS[key].lower()}.{near} "
                            f"Accepted: {escape(error.accepted)}. Try again or /cancel.")
        raise ApplicationHandlerStop from None
    await _save(context, update.effective_user.id, {key: value})
    await _after_change(update, context, key, wizard)
    raise ApplicationHandlerStop


async def cancel(update: Update, context: CallbackContext) -> None:
    """/cancel while editing leaves the editor; otherwise it passes on (nothing_to_cancel)."""
    assert update.effective_user is not None
    db = services(context).db
    if await db.profiles.editing(update.effective_user.id) is None:
        return
    await db.profiles.stop_editing(update.effective_user.id)
    await reply(update, "Left the editor. Everything you saved so far is kept. /profile shows it.")
    raise ApplicationHandlerStop


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


async def profile_command(update: Update, context: CallbackContext) -> None:
    """/profile, also while editing a field: it leaves the editor."""
    assert update.effective_user is not None and update.effective_message is not None
    db = services(context).db
    if await db.profiles.editing(update.effective_user.id) is not None:
        await db.profiles.stop_editing(update.effective_user.id)
    arguments = command_arguments(update.effective_message.text)
    if not arguments or not is_private(update):
        await show_profile(update, context)
        return
    try:
        changes = parse_changes(parse_pairs(arguments))
    except (ArgumentError, ProfileValueError) as error:
        problem = profile_fields_problem(error, "/profile years=3 state=TX certs=CEHRS,RHIT")
        await reply(update, problem + "\nNothing was changed.")
        return
    profile = await _save(context, update.effective_user.id, changes)
    saved = ", ".join(FIELD_LABELS[key].lower() for key in changes)
    await reply(update, profile_text(profile, f"Saved ✅ ({saved})"), profile_keyboard(profile))


async def open_profile_link(update: Update, context: CallbackContext, _: str) -> None:
    await show_profile(update, context)


async def menu_profile(update: Update, context: CallbackContext) -> None:
    """The main menu's profile button."""
    assert update.callback_query is not None
    await update.callback_query.answer()
    await show_profile(update, context)


def register(app: Application) -> None:
    typed = filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND
    app.add_handler(MessageHandler(typed, on_typed_value), group=DIALOGUE_GROUP)
    app.add_handler(CommandHandler("cancel", cancel), group=DIALOGUE_GROUP)
    app.add_handler(CallbackQueryHandler(on_button, pattern=r"^prof:"))
    app.add_handler(CommandHandler("profile", profile_command))
    app.add_handler(CommandHandler("cancel", nothing_to_cancel))
    app.add_handler(CallbackQueryHandler(menu_profile, pattern=r"^menu:profile$"))
    register_deep_link("profile", open_profile_link)
