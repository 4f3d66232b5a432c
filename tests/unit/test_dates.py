"""Every date form of PRODUCT.md section 6, read on Monday 23 November 2026."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.parsing.dates import (
    DateError,
    find_dates,
    find_time_range,
    holiday_name,
    is_working_day,
    next_working_day,
    parse_date,
    previous_working_day,
)

TODAY = date(2026, 11, 23)  # a Monday

DEADLINES = [
    ("6/2-2026", date(2026, 2, 6)),
    ("5/2-2027", date(2027, 2, 5)),
    ("19/1", date(2027, 1, 19)),  # no year: the next such date
    ("15/12", date(2026, 12, 15)),
    ("23/11", date(2026, 11, 23)),  # today counts as the next such date
    ("22/11", date(2026, 11, 22)),  # the nearest 22 November: yesterday, so overdue
    ("1/1 2027", date(2027, 1, 1)),
    ("15/3-24", date(2024, 3, 15)),
    ("05.02.2027", date(2027, 2, 5)),
    ("2027-02-05", date(2027, 2, 5)),
    ("15. marts 2024", date(2024, 3, 15)),
    ("15. marts", date(2027, 3, 15)),
    ("den 15. december", date(2026, 12, 15)),
    ("fredag 5. februar 2027", date(2027, 2, 5)),
    ("fredag", date(2026, 11, 27)),
    ("mandag", date(2026, 11, 30)),  # a bare weekday is never today
    ("næste fredag", date(2026, 12, 4)),  # the Friday of next week
    ("i dag", date(2026, 11, 23)),
    ("i morgen", date(2026, 11, 24)),
    ("i overmorgen", date(2026, 11, 25)),
    ("om to uger", date(2026, 12, 7)),
    ("om 3 dage", date(2026, 11, 26)),
    ("om en måned", date(2026, 12, 23)),
    ("uge 12", date(2027, 3, 24)),  # its last working day: 25-26/3 are Easter holidays
    ("uge 49", date(2026, 12, 4)),
    ("uge 52", date(2026, 12, 24)),  # 25/12 is Christmas Day
    ("uge 48", date(2026, 11, 27)),  # this week
    ("primo marts", date(2027, 3, 10)),
    ("medio marts", date(2027, 3, 19)),  # 20/3-2027 is a Saturday
    ("ultimo januar", date(2027, 1, 29)),  # 31/1-2027 is a Sunday
    ("ultimo februar 2028", date(2028, 2, 29)),
    ("ultimo november", date(2026, 11, 30)),
    ("primo 2027", date(2027, 3, 31)),
    ("medio 2027", date(2027, 6, 30)),
    ("ultimo 2026", date(2026, 12, 31)),
    ("senest 1/12-2026", date(2026, 12, 1)),
    ("14 January 2027", date(2027, 1, 14)),
    ("January 14, 2027", date(2027, 1, 14)),
    ("14th of January", date(2027, 1, 14)),
    ("Friday", date(2026, 11, 27)),
    ("next Friday", date(2026, 12, 4)),
    ("tomorrow", date(2026, 11, 24)),
    ("in two weeks", date(2026, 12, 7)),
    ("in 10 days", date(2026, 12, 3)),
    ("week 12", date(2027, 3, 24)),
    ("end of January", date(2027, 1, 29)),
    ("mid-March", date(2027, 3, 19)),
    ("early 2027", date(2027, 3, 31)),
]


@pytest.mark.parametrize(("text", "expected"), DEADLINES, ids=[t for t, _ in DEADLINES])
def test_deadline_forms(text: str, expected: date) -> None:
    assert parse_date(text, TODAY, deadline=True) == expected


@pytest.mark.parametrize("text", ["31/2", "32/1", "30/2-2027", "29/2-2027", "0/5", "12/13"])
def test_impossible_dates_are_errors_not_guesses(text: str) -> None:
    with pytest.raises(DateError) as error:
        parse_date(text, TODAY)
    assert error.value.text == text


def test_week_as_a_meeting_date_is_its_monday() -> None:
    assert parse_date("uge 12", TODAY) == date(2027, 3, 22)


def test_dateparser_answers_are_checked() -> None:
    # dateparser alone reads `32/1` as a day in 2032 and `12/3 kl. 9.30-12` as one in 2112.
    with pytest.raises(DateError):
        parse_date("32/1", TODAY)
    assert parse_date("12/3 kl. 9.30-12", TODAY) == date(2027, 3, 12)


def test_text_that_is_no_date() -> None:
    with pytest.raises(DateError):
        parse_date("når det passer", TODAY)


TIMES = [
    ("kl. 9-12", time(9), time(12)),
    ("kl. 9.30-12", time(9, 30), time(12)),
    ("kl 13.15 - 15", time(13, 15), time(15)),
    ("klokken 10", time(10), None),
    ("10:00-12:00", time(10), time(12)),
    ("10:00 to 11:30", time(10), time(11, 30)),
    ("2pm-4pm", time(14), time(16)),
    ("5/2-2027 kl. 9-12 Ringsted", time(9), time(12)),
]


@pytest.mark.parametrize(("text", "start", "end"), TIMES, ids=[t for t, _, _ in TIMES])
def test_time_ranges(text: str, start: time, end: time | None) -> None:
    found = find_time_range(text)
    assert found is not None
    assert (found.begins, found.ends) == (start, end)


@pytest.mark.parametrize("text", ["Rammeaftale 2025-26", "kl. 25-26", "kl. 12-9", "5/2-2027"])
def test_no_time_where_there_is_none(text: str) -> None:
    assert find_time_range(text) is None


def test_several_dates_in_prose_are_found_in_order() -> None:
    found = find_dates("direktørmøder hhv. 9/2, 15/3 og 26/4", TODAY)
    assert [d.value for d in found] == [date(2027, 2, 9), date(2027, 3, 15), date(2027, 4, 26)]


def test_ranges_of_years_are_not_dates() -> None:
    assert find_dates("Rammeaftale 2027-2028 og 2025-26", TODAY) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20/11", date(2026, 11, 20)),  # three days ago: the past, not next year
        ("1/9", date(2026, 9, 1)),  # within three months back
        ("15/8", date(2027, 8, 15)),  # more than three months back: next year's
        ("19/1", date(2027, 1, 19)),
        ("15. marts", date(2027, 3, 15)),
        ("fredag", date(2026, 11, 27)),
        ("Monday", date(2026, 11, 30)),
    ],
)
def test_a_date_without_a_year_is_the_nearest_one(text: str, expected: date) -> None:
    assert parse_date(text, date(2026, 11, 23), deadline=True) == expected


@pytest.mark.parametrize("text", ["29/2", "31/2", "30/2-2027"])
def test_dates_that_do_not_exist_in_the_window_are_errors(text: str) -> None:
    with pytest.raises(DateError):
        parse_date(text, date(2026, 11, 23), deadline=True)


HOLIDAYS_2027 = [
    date(2027, 1, 1),
    date(2027, 3, 25),  # Skærtorsdag
    date(2027, 3, 26),  # Langfredag
    date(2027, 3, 29),  # 2. påskedag
    date(2027, 5, 6),  # Kristi himmelfartsdag
    date(2027, 5, 17),  # 2. pinsedag
    date(2027, 12, 25),
]


@pytest.mark.parametrize("day", HOLIDAYS_2027, ids=[d.isoformat() for d in HOLIDAYS_2027])
def test_danish_public_holidays_are_not_working_days(day: date) -> None:
    assert not is_working_day(day) and holiday_name(day) is not None


def test_working_days_around_easter_and_ascension() -> None:
    assert holiday_name(date(2027, 3, 29)) == "Anden påskedag"
    assert holiday_name(date(2027, 3, 29), "en") == "Easter Monday"
    assert next_working_day(date(2027, 3, 24)) == date(2027, 3, 30)
    assert previous_working_day(date(2027, 3, 30)) == date(2027, 3, 24)
    assert previous_working_day(date(2027, 5, 7)) == date(2027, 5, 5)
    assert is_working_day(date(2027, 5, 7)) and not is_working_day(date(2027, 5, 8))


def test_a_period_deadline_is_marked_and_an_explicit_date_is_not_moved() -> None:
    (week,) = find_dates("frist uge 12", TODAY, deadline=True)
    assert week.period and week.value == date(2027, 3, 24)
    (friday,) = find_dates("frist 26/3-2027", TODAY, deadline=True)
    assert not friday.period and friday.value == date(2027, 3, 26)
    (meeting_week,) = find_dates("uge 12", TODAY)
    assert not meeting_week.period and meeting_week.value == date(2027, 3, 22)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_working_day_neighbours_are_working_days(day: date) -> None:
    before, after = previous_working_day(day), next_working_day(day)
    assert before < day < after and is_working_day(before) and is_working_day(after)
    assert (after - before).days <= 7  # never more than a few days off in a row
    assert not any(
        is_working_day(before + timedelta(days=i)) for i in range(1, (day - before).days)
    )


@given(st.integers(min_value=1, max_value=52), st.integers(min_value=2025, max_value=2035))
def test_a_week_deadline_is_a_working_day_of_that_week(week: int, year: int) -> None:
    today = date(year, 1, 1)
    (found,) = find_dates(f"frist uge {week} {year}", today, deadline=True)
    assert found.value is not None and found.period and is_working_day(found.value)
    assert found.value.isocalendar()[:2] == (year, week)
