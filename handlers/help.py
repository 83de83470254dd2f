"""/help, generated from the command list."""

from __future__ import annotations

from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    Update,
)
from telegram.ext import Application, CallbackContext, CommandHandler

from handlers.commands import COMMANDS, SECTIONS
from handlers.render import escape, is_private, reply


def help_text(private: bool, bot_username: str) -> str:
    lines = ["<b>What I can do</b>"]
    for section in SECTIONS:
        entries = [c for c in COMMANDS if c.section == section and (c.private if private
                                                                    else c.group)]
        if not entries:
            continue
        lines.append(f"\n<b>{section}</b>")
        for command in entries:
            usage = f" — e.g. <code>{escape(command.usage)}</code>" if command.usage else ""
            lines.append(f"/{command.name} — {escape(command.description)}{usage}")
    if private:
        lines.append("\n<b>In a group</b> (add me to your study group)")
        lines += [f"/{c.name} — {escape(c.description)}" for c in COMMANDS
                  if c.group and not c.private]
        lines.append("/quiz and /daily post one question for the whole cohort; /countdown "
                     "shows the cohort's exam. Profiles stay private: in a group I give general "
                     "answers with a button to our private chat.")
        lines.append("\nOr just type a question, e.g. <i>how much does an RHIT earn?</i>")
    else:
        lines.append("\nIn groups I answer commands, mentions and replies to my messages.")
    lines.append(f"In any chat, type <code>@{escape(bot_username)} rhit</code> to share a card "
                 "(a certification, a career stage, a state's pay).")
    return "\n".join(lines)


async def show_help(update: Update, context: CallbackContext) -> None:
    await reply(update, help_text(is_private(update), context.bot.username))


async def publish_command_menus(app: Application) -> None:
    """Set the command menus Telegram shows, for private chats and for groups."""
    for scope, wanted in ((BotCommandScopeAllPrivateChats(), "private"),
                          (BotCommandScopeAllGroupChats(), "group")):
        commands = [BotCommand(c.name, c.description) for c in COMMANDS if getattr(c, wanted)]
        await app.bot.set_my_commands(commands, scope=scope)


def register(app: Application) -> None:
    app.add_handler(CommandHandler("help", show_help))
