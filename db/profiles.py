"""Profile rows."""

from __future__ import annotations

import json
from collections.abc import Callable

import aiosqlite

from db.trips import fetch_one, upsert
from knowledge.profile import Profile

_COLUMNS = ("years", "education", "certs", "state", "employer", "skills", "goal")


def _to_row(profile: Profile) -> tuple[object, ...]:
    return (
        profile.years,
        profile.education,
        json.dumps(sorted(profile.certs)),
        profile.state,
        profile.employer,
        json.dumps(sorted(profile.skills)),
        profile.goal,
    )


def _from_row(row: aiosqlite.Row | tuple[object, ...]) -> Profile:
    years, education, certs, state, employer, skills, goal = row
    return Profile(
        years=years,
        education=education,
        certs=frozenset(json.loads(str(certs))),
        state=state,
        employer=employer,
        skills=frozenset(json.loads(str(skills))),
        goal=goal,
    )


class ProfileRepository:
    def __init__(self, connection: Callable[[], aiosqlite.Connection]) -> None:
        self._conn = connection

    async def get(self, user_id: int) -> Profile | None:
        row = await fetch_one(
            self._conn(),
            f"SELECT {', '.join(_COLUMNS)} FROM profiles WHERE user_id = ?", (user_id,)
        )
        return _from_row(row) if row else None

    async def save(self, user_id: int, profile: Profile) -> None:
        """Insert or replace the user's profile (committed with the update's unit, or at once
        outside one: see db.database)."""
        await upsert(self._conn(), "profiles", "user_id", user_id,
                     dict(zip(_COLUMNS, _to_row(profile), strict=True)))

    async def editing(self, user_id: int) -> tuple[str, bool] | None:
        """The field the user is editing with the profile editor, and whether it is the guided
        set-up; None when they are not editing."""
        row = await fetch_one(self._conn(), "SELECT field, wizard FROM profile_editing "
                                            "WHERE user_id = ?", (user_id,))
        return None if row is None else (str(row[0]), bool(row[1]))

    async def start_editing(self, user_id: int, field: str, wizard: bool) -> None:
        await upsert(self._conn(), "profile_editing", "user_id", user_id,
                     {"field": field, "wizard": int(wizard)})

    async def stop_editing(self, user_id: int) -> None:
        await self._conn().execute("DELETE FROM profile_editing WHERE user_id = ?", (user_id,))
