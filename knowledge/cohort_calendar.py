"""A cohort's calendar: when its daily question, weekly summary and exam reminders are due.

Plain functions over a `Rhythm` (the cohort's zone, daily time, exam date and its fixed stagger
offset). Every post has a key that is unique for the cohort (`daily:2027-01-04`), so whoever
sends it can record it once and never send it twice. Times are UTC datetimes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

REMINDER_DAYS = (30, 14, 7, 1)
# Reminders and the weekly summary go out with the daily question, or at this local time.
DEFAULT_POST_TIME = time(9, 0)
SUMMARY_WEEKDAY = 0  # Monday: the summary of the week that has just ended
ROUND_HOURS = 12  # a group question is open this long at most, and never past the next daily
MAX_ROUND_HOURS = 48
# A post the bot missed while it was down is still sent when it is at most this late.
CATCH_UP = timedelta(hours=6)

DAILY, SUMMARY, REMINDER = "daily", "summary", "reminder"
_ORDER = {SUMMARY: 0, REMINDER: 1, DAILY: 2}  # at the same moment: the summary, then the rest


@dataclass(frozen=True)
class Rhythm:
    tz: ZoneInfo
    daily_time: time | None
    exam_date: date | None
    offset_seconds: int = 0  # the cohort's stagger (see study_calendar.staggered)


@dataclass(frozen=True)
class Post:
    at: datetime
    kind: str
    key: str
    day: date  # the local date it belongs to

    @property
    def days_to_exam(self) -> int:
        """For a reminder: how many days before the exam it is (its key's number)."""
        return int(self.key.split(":")[1])


def local_moment(day: date, clock: time, rhythm: Rhythm) -> datetime:
    """`clock` on `day` in the cohort's zone plus its stagger offset, as a UTC time."""
    local = datetime.combine(day, clock, tzinfo=rhythm.tz)
    return (local.astimezone(UTC) + timedelta(seconds=rhythm.offset_seconds))


def posts_on(rhythm: Rhythm, day: date) -> list[Post]:
    """The posts due on a local day, in the order they go out."""
    when = local_moment(day, rhythm.daily_time or DEFAULT_POST_TIME, rhythm)
    posts = []
    if day.weekday() == SUMMARY_WEEKDAY:
        posts.append(Post(when, SUMMARY, f"{SUMMARY}:{day.isoformat()}", day))
    if rhythm.exam_date is not None:
        days = (rhythm.exam_date - day).days
        if days in REMINDER_DAYS:
            posts.append(Post(when, REMINDER,
                              f"{REMINDER}:{days}:{rhythm.exam_date.isoformat()}", day))
    if rhythm.daily_time is not None:
        posts.append(Post(when, DAILY, f"{DAILY}:{day.isoformat()}", day))
    return posts


def posts_between(rhythm: Rhythm, start: datetime, end: datetime) -> list[Post]:
    """Posts due after `start` and up to `end` (inclusive), in order."""
    first = start.astimezone(rhythm.tz).date() - timedelta(days=1)
    last = end.astimezone(rhythm.tz).date() + timedelta(days=1)
    posts = []
    day = first
    while day <= last:
        posts += [post for post in posts_on(rhythm, day) if start < post.at <= end]
        day += timedelta(days=1)
    return sorted(posts, key=lambda post: (post.at, _ORDER[post.kind]))


def next_post(rhythm: Rhythm, after: datetime, kinds: frozenset[str] | None = None
              ) -> Post | None:
    """The first post due after `after` (of `kinds` when given); a summary comes every week."""
    horizon = after + timedelta(days=8)
    posts = [post for post in posts_between(rhythm, after, horizon)
             if kinds is None or post.kind in kinds]
    return posts[0] if posts else None


def round_closes_at(rhythm: Rhythm, sent: datetime, hours: int | None) -> datetime:
    """When a question sent at `sent` closes: after its window, and before the next daily."""
    closes = sent + timedelta(hours=hours or ROUND_HOURS)
    following = next_post(rhythm, sent, frozenset({DAILY}))
    return min(closes, following.at) if following is not None else closes


def week_before(rhythm: Rhythm, day: date) -> tuple[datetime, datetime]:
    """The local week (Monday to Sunday) that ended before `day`, as UTC start and end."""
    monday = day - timedelta(days=day.weekday() + 7)
    start = datetime.combine(monday, time(), tzinfo=rhythm.tz).astimezone(UTC)
    end = datetime.combine(monday + timedelta(days=7), time(), tzinfo=rhythm.tz).astimezone(UTC)
    return start, end
