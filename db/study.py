"""Each user's study settings: exam, exam date, time zone, daily question time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import aiosqlite

from db.trips import fetch_one, upsert


@dataclass(frozen=True)
class StudySettings:
    user_id: int
    exam_cert: str | None = None
    exam_date: date | None = None
    timezone: str | None = None
    daily_time: str | None = None


_COLUMNS = "user_id, exam_cert, exam_date, timezone, daily_time"


def _from_row(row: aiosqlite.Row | tuple[object, ...]) -> StudySettings:
    user_id, exam_cert, exam_date, timezone, daily_time = row
    return StudySettings(int(str(user_id)), exam_cert and str(exam_cert),
                         date.fromisoformat(str(exam_date)) if exam_date else None,
                         timezone and str(timezone), daily_time and str(daily_time))


class StudySettingsRepository:
    def __init__(self, connection: Callable[[], aiosqlite.Connection]) -> None:
        self._conn = connection

    async def get(self, user_id: int) -> StudySettings:
        row = await fetch_one(
            self._conn(),
            f"SELECT {_COLUMNS} FROM study_settings WHERE user_id = ?", (user_id,)
        )
        return _from_row(row) if row else StudySettings(user_id)

    async def _set(self, user_id: int, **values: object) -> None:
        await upsert(self._conn(), "study_settings", "user_id", user_id, values)

    async def set_exam(self, user_id: int, exam_date: date, exam_cert: str | None) -> None:
        if exam_cert is None:
            await self._set(user_id, exam_date=exam_date.isoformat())
        else:
            await self._set(user_id, exam_date=exam_date.isoformat(), exam_cert=exam_cert)

    async def set_timezone(self, user_id: int, timezone: str) -> None:
        await self._set(user_id, timezone=timezone)

    async def set_daily(self, user_id: int, daily_time: str | None) -> None:
        """`HH:MM`, or None to switch the daily question off."""
        await self._set(user_id, daily_time=daily_time)

    async def with_daily(self) -> list[StudySettings]:
        rows = await self._conn().execute_fetchall(
            f"SELECT {_COLUMNS} FROM study_settings WHERE daily_time IS NOT NULL"
        )
        return [_from_row(row) for row in rows]
