"""knowledge.cohort_calendar and knowledge.leaderboard: a cohort's posts, rounds and places."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from knowledge.cohort_calendar import (
    DAILY,
    REMINDER,
    SUMMARY,
    Rhythm,
    next_post,
    posts_between,
    posts_on,
    round_closes_at,
    week_before,
)
from knowledge.leaderboard import Score, rank, standing_of
from knowledge.numbers import ordinal

NEW_YORK = ZoneInfo("America/New_York")


def rhythm(daily: time | None = time(7, 30), exam: date | None = date(2027, 2, 10),
           offset: int = 0) -> Rhythm:
    return Rhythm(NEW_YORK, daily, exam, offset)


def test_a_monday_with_a_reminder_has_summary_reminder_then_question() -> None:
    posts = posts_on(rhythm(), date(2027, 1, 11))  # a Monday, 30 days before the exam
    assert [p.kind for p in posts] == [SUMMARY, REMINDER, DAILY]
    assert [p.key for p in posts] == ["summary:2027-01-11", "reminder:30:2027-02-10",
                                      "daily:2027-01-11"]
    assert {p.at for p in posts} == {datetime(2027, 1, 11, 12, 30, tzinfo=UTC)}
    assert posts[1].days_to_exam == 30


def test_reminders_only_on_their_days_and_without_a_daily_at_nine() -> None:
    quiet = rhythm(daily=None)
    start = datetime(2027, 1, 1, tzinfo=UTC)
    reminders = [p for p in posts_between(quiet, start, start + timedelta(days=45))
                 if p.kind == REMINDER]
    assert [p.day for p in reminders] == [date(2027, 1, 11), date(2027, 1, 27),
                                          date(2027, 2, 3), date(2027, 2, 9)]
    assert all(p.at.astimezone(NEW_YORK).time() == time(9) for p in reminders)
    assert not [p for p in posts_between(quiet, start, start + timedelta(days=45))
                if p.kind == DAILY]


def test_daylight_saving_keeps_the_local_time_and_the_stagger() -> None:
    shifted = rhythm(offset=90)
    before = next_post(shifted, datetime(2027, 3, 12, 13, tzinfo=UTC), frozenset({DAILY}))
    after = next_post(shifted, datetime(2027, 3, 13, 13, tzinfo=UTC), frozenset({DAILY}))
    assert before is not None and after is not None
    assert before.at.astimezone(NEW_YORK).time() == time(7, 31, 30)
    assert after.at.astimezone(NEW_YORK).time() == time(7, 31, 30)
    assert after.at - before.at == timedelta(hours=23)


def test_a_round_closes_after_its_window_and_never_past_the_next_daily() -> None:
    sent = datetime(2027, 1, 4, 12, 30, tzinfo=UTC)  # 07:30 in New York
    assert round_closes_at(rhythm(), sent, None) == sent + timedelta(hours=12)
    assert round_closes_at(rhythm(), sent, 6) == sent + timedelta(hours=6)
    assert round_closes_at(rhythm(), sent, 48) == sent + timedelta(days=1)
    late = datetime(2027, 1, 5, 2, tzinfo=UTC)  # 21:00: tomorrow's 07:30 comes first
    assert round_closes_at(rhythm(), late, None) == datetime(2027, 1, 5, 12, 30, tzinfo=UTC)
    assert round_closes_at(rhythm(daily=None), late, None) == late + timedelta(hours=12)


def test_the_week_before_a_monday_in_local_time() -> None:
    start, end = week_before(rhythm(), date(2027, 1, 11))
    assert start == datetime(2027, 1, 4, 5, tzinfo=UTC) and end == datetime(2027, 1, 11, 5,
                                                                          tzinfo=UTC)


def test_ties_are_never_cut_and_a_member_sees_their_own_place() -> None:
    scores = [Score(i, f"M{i}", 2, 2 if i < 9 else 1) for i in range(12)]
    scores.append(Score(99, "Hidden", 1, 0, hidden=True))
    places = rank(scores)
    assert len(places) == 12 and {p.rank for p in places[9:]} == {10}
    assert len(rank(scores, None)) == 13 and rank(scores, None)[-1].name == "Anonymous member"
    mine = standing_of(scores, 99)
    assert (mine.rank, mine.ranked, mine.tied) == (13, 13, False)
    assert standing_of(scores, 10).tied and standing_of(scores, 1000).rank is None
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 14, 21, 22, 23, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "14th", "21st", "22nd", "23rd",
        "101st", "111th"]
