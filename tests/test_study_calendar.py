"""Exam dates, daily times, zones, streaks, weeks and the stagger of daily jobs."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from knowledge.study_calendar import (
    STAGGER_SECONDS,
    CalendarError,
    days_until,
    local_dates,
    parse_clock,
    parse_daily_time,
    parse_exam_date,
    parse_timezone,
    staggered,
    streak,
    week_start,
    zone,
)

TODAY = date(2026, 11, 23)


def test_exam_date_must_be_well_formed_future_and_within_the_horizon() -> None:
    assert parse_exam_date("2027-03-01", TODAY) == date(2027, 3, 1)
    assert parse_exam_date("2026-11-23", TODAY) == TODAY
    for bad, reason in (("03/01/2027", "YYYY-MM-DD"), ("2027-02-30", "does not exist"),
                        ("2026-11-22", "past"), ("2031-01-01", "years away"), ("", "YYYY")):
        with pytest.raises(CalendarError, match=reason):
            parse_exam_date(bad, TODAY)


def test_clock_times() -> None:
    assert parse_clock("7:05") == time(7, 5)
    assert parse_clock(" 23:59 ") == time(23, 59)
    for bad in ("24:00", "12:60", "noon", "7", "07:5"):
        with pytest.raises(CalendarError, match="HH:MM"):
            parse_clock(bad)


def test_daily_times_are_a_clock_time_or_off() -> None:
    assert parse_daily_time("7:30") == "07:30"
    assert parse_daily_time("19:05") == "19:05"
    for off in ("off", "STOP", "None"):
        assert parse_daily_time(off) is None
    for bad in ("24:00", "noon", "", "offf"):
        with pytest.raises(CalendarError, match="HH:MM on a 24-hour clock"):
            parse_daily_time(bad)


def test_time_zones_are_iana_names_in_any_case() -> None:
    assert parse_timezone("America/Chicago").key == "America/Chicago"
    assert parse_timezone("america/new_york").key == "America/New_York"
    assert parse_timezone("utc").key == "UTC"
    for bad in ("Mars/Olympus", "../etc/passwd", "", "America/Chicago; drop"):
        with pytest.raises(CalendarError):
            parse_timezone(bad)
    assert zone(None).key == "UTC" and zone("Nowhere/Else").key == "UTC"


def test_streak_counts_consecutive_days_ending_today_or_yesterday() -> None:
    days = {TODAY, TODAY - timedelta(1), TODAY - timedelta(2), TODAY - timedelta(4)}
    assert streak(days, TODAY) == 3
    assert streak(days - {TODAY}, TODAY) == 2  # today not done yet: the streak still stands
    assert streak({TODAY - timedelta(2)}, TODAY) == 0
    assert streak(set(), TODAY) == 0


def test_local_dates_follow_the_zone() -> None:
    late_evening_chicago = datetime(2026, 11, 23, 3, 30, tzinfo=UTC)
    assert local_dates([late_evening_chicago], ZoneInfo("America/Chicago")) == {date(2026, 11, 22)}
    assert local_dates([late_evening_chicago], UTC) == {date(2026, 11, 23)}


def test_days_until_and_week_start() -> None:
    assert days_until(date(2026, 12, 1), TODAY) == 8
    wednesday = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    assert week_start(wednesday, UTC) == datetime(2026, 11, 23, tzinfo=UTC)
    assert week_start(wednesday, ZoneInfo("America/New_York")) == \
        datetime(2026, 11, 23, 5, 0, tzinfo=UTC)


def test_stagger_is_stable_small_and_spreads_users() -> None:
    eight = time(8, 0, tzinfo=ZoneInfo("America/Chicago"))
    times = [staggered(eight, user_id) for user_id in range(1000, 1300)]
    assert staggered(eight, 1000) == times[0]
    assert all(t.tzinfo == eight.tzinfo and t.hour == 8 for t in times)
    seconds = {t.minute * 60 + t.second for t in times}
    assert max(seconds) < STAGGER_SECONDS and len(seconds) > 100
