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
    Command("salary", "Pay: the national picture, or your personal estimate", "Career and pay",
            usage="/salary years=5 state=TX certs=RHIT"),
    Command("certify", "Certifications: details, comparisons, what to take next",
            "Career and pay", usage="/certify compare CEHRS RHIT"),
    Command("career", "The career ladder, where you are and the next step", "Career and pay"),
    Command("path", "Same as /career", "Career and pay"),
    Command("steps", "How to become an EHR specialist, step by step", "Career and pay"),
    Command("sources", "Where every figure comes from", "Career and pay"),
    Command("quiz", "A practice question as a quiz poll; narrow it to a domain", "Study",
            usage="/quiz clinical"),
    Command("stats", "Your accuracy by domain, streak and days to the exam", "Study",
            group=False),
    Command("exam", "Set your exam date and certification", "Study",
            usage="/exam 2027-03-01 CEHRS", group=False),
    Command("daily", "A daily practice question at your time (in groups: set by admins)",
            "Study", usage="/daily 07:30"),
    Command("timezone", "Your time zone for daily questions", "Study",
            usage="/timezone America/Chicago", group=False),
    Command("countdown", "Days left to the exam", "Study"),
    Command("report", "Reply to a quiz poll to flag its question for review", "Study",
            usage="/report the answer key looks wrong"),
    Command("cohort", "The study cohort; admins set it up, pause it, start a new season",
            "Groups",
            usage='/cohort name="Spring CEHRS" exam=CEHRS date=2027-03-01', private=False),
    Command("join", "Join this group's study cohort", "Groups", private=False),
    Command("leave", "Leave this group's study cohort", "Groups", private=False),
    Command("leaderboard", "This week's and this season's standings; your place; hide your name",
            "Groups", usage="/leaderboard me"),
    Command("ask", "Ask a question in plain words", "Career and pay",
            usage="/ask how much does an RHIT earn in Texas?"),
    # Operators only (settings OPERATOR_IDS): hidden from /help and the command menus.
    Command("admin", "Operator tools: unanswered questions", "Your data",
            private=False, group=False),
    Command("privacy", "What I store about you, why, and for how long", "Your data"),
    Command("export", "All your stored data as a JSON file", "Your data", group=False),
    Command("forget", "Delete everything I store about you", "Your data", group=False),
)
