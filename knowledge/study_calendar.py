"""Dates and times of studying: exam dates, streaks, countdowns, daily times and time zones."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# An exam booked further ahead than this is almost certainly a typo.
EXAM_HORIZON_DAYS = 3 * 365
DEFAULT_TIMEZONE = "UTC"
# Daily questions set for the same minute are spread over this many seconds.
STAGGER_SECONDS = 240

_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_CLOCK = re.compile(r"^([0-9]{1,2}):([0-9]{2})$")
# The longest IANA name is 32 characters; a longer one is refused before the file system sees
# it (a very long name made ZoneInfo raise OSError).
MAX_ZONE_NAME = 64
_ZONE = re.compile(r"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$")


class CalendarError(ValueError):
    """A date, time or zone that cannot be used; the message says what is accepted."""


def parse_exam_date(text: str, today: date) -> date:
    """`2027-03-01` → a date between today and the horizon."""
    if not _DATE.match(text.strip()):
        raise CalendarError("write the date as YYYY-MM-DD, e.g. 2027-03-01")
    try:
        when = date.fromisoformat(text.strip())
    except ValueError as error:
        raise CalendarError("that day does not exist on the calendar") from error
    if when < today:
        raise CalendarError("that date is in the past")
    if when > today + timedelta(days=EXAM_HORIZON_DAYS):
        raise CalendarError(f"that is more than {EXAM_HORIZON_DAYS // 365} years away")
    return when


def parse_clock(text: str) -> time:
    """`7:30` or `19:05` → a time of day (24-hour clock)."""
    match = _CLOCK.match(text.strip())
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise CalendarError("write the time as HH:MM on a 24-hour clock, e.g. 07:30 or 19:00")
    return time(int(match.group(1)), int(match.group(2)))


def parse_daily_time(text: str) -> str | None:
    """A daily question's time as typed: `off`, `stop` or `none` → None, `7:30` → "07:30"."""
    if text.strip().lower() in {"off", "stop", "none"}:
        return None
    return parse_clock(text).strftime("%H:%M")


def parse_timezone(text: str) -> ZoneInfo:
    """An IANA zone name such as America/Chicago (case as typed or canonical)."""
    name = text.strip()
    if len(name) > MAX_ZONE_NAME or not _ZONE.match(name):
        raise CalendarError("use a zone name like America/Chicago, Europe/London or UTC")
    for candidate in (name, "/".join(part.title() for part in name.split("/")), name.upper()):
        try:
            return ZoneInfo(candidate)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            continue
    raise CalendarError("I don't know that zone; use one like America/Chicago, "
                        "America/New_York, Europe/London or UTC")


def zone(name: str | None) -> ZoneInfo:
    """The stored zone name as a ZoneInfo; UTC when unset or no longer known."""
    try:
        return ZoneInfo(name or DEFAULT_TIMEZONE)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return ZoneInfo(DEFAULT_TIMEZONE)


def local_today(now: datetime, tz: tzinfo) -> date:
    return now.astimezone(tz).date()


def local_dates(moments: Iterable[datetime], tz: tzinfo) -> set[date]:
    return {moment.astimezone(tz).date() for moment in moments}


def streak(days: Iterable[date], today: date) -> int:
    """Days in a row with practice, ending today (or yesterday, when today is not done yet)."""
    practised = set(days)
    day = today if today in practised else today - timedelta(days=1)
    count = 0
    while day in practised:
        count += 1
        day -= timedelta(days=1)
    return count


def days_until(exam: date, today: date) -> int:
    return (exam - today).days


def week_start(now: datetime, tz: tzinfo) -> datetime:
    """Monday 00:00 of the current week in `tz`, as a UTC moment."""
    local = now.astimezone(tz)
    monday = (local - timedelta(days=local.weekday())).date()
    return datetime.combine(monday, time(), tzinfo=tz).astimezone(UTC)


def stagger_seconds(key: int, spread: int = STAGGER_SECONDS) -> int:
    """A fixed offset of up to `spread` seconds derived from `key`."""
    return zlib.crc32(str(key).encode()) % spread


def staggered(clock: time, key: int, spread: int = STAGGER_SECONDS) -> time:
    """`clock` plus `stagger_seconds(key)`.

    Many users picking 08:00 then get their questions over a few minutes, not in one burst,
    and each user always at the same second.
    """
    offset = stagger_seconds(key, spread)
    moment = datetime.combine(date(2000, 1, 3), clock) + timedelta(seconds=offset)
    return moment.time().replace(tzinfo=clock.tzinfo)


def last_due(at: time, now: datetime) -> datetime:
    """The latest moment, not after `now`, at which a daily time `at` (carrying its zone)
    fell due."""
    tz = at.tzinfo or UTC
    local_day = now.astimezone(tz).date()
    due = datetime.combine(local_day, at.replace(tzinfo=None), tzinfo=tz)
    if due > now:
        due = datetime.combine(local_day - timedelta(days=1), at.replace(tzinfo=None), tzinfo=tz)
    return due


def missed(due: datetime, last_run: datetime | None, now: datetime, within: timedelta) -> bool:
    """A daily question due at `due` was not sent (last sent before it), and sending it now,
    at most `within` late, is still useful."""
    return now - due <= within and (last_run is None or last_run < due)
