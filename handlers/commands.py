"""The one list of commands: /help, the command menus and the group help are generated from it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Command:
    name: str
    description: str
    section: str
    usage: str = ""
    private: bool = True
    group: bool = True


SECTIONS = ("Start here", "Career and pay", "Study", "Groups", "Your data")

COMMANDS: tuple[Command, ...] = (
    Command("start", "Welcome and the main menu", "Start here"),
    Command("help", "Every command, one line each", "Start here"),
    Command("profile", "Your profile: view and edit it", "Start here",
            usage="/profile years=3 state=TX education=associate certs=CEHRS"),
    Command("cancel", "Leave the current dialogue", "Start here", group=False),
    Command("privacy", "What I store about you, why, and for how long", "Your data"),
    Command("export", "All your stored data as a JSON file", "Your data", group=False),
    Command("forget", "Delete everything I store about you", "Your data", group=False),
)


def command_names() -> frozenset[str]:
    return frozenset(command.name for command in COMMANDS)
