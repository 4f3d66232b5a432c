"""Jinja2 templates (one folder per language) and the words for dates and buttons."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from functools import cache
from importlib import resources
from typing import Any

from jinja2 import Environment, FunctionLoader, StrictUndefined

from bot.parsing.dates import holiday_name
from bot.parsing.lexicon import LANGUAGES
from bot.parsing.normalize import escape, mrkdwn
from storage.lists import COUNT_BEYOND, more_than_counted


def _words(lang: str) -> Any:
    return LANGUAGES[lang]


def long_date(value: date, lang: str) -> str:
    """`fredag 5. februar 2027` / `Friday 5 February 2027`: every date in full."""
    words = _words(lang)
    weekday = words.WEEKDAY_NAMES[value.weekday()]
    month = words.MONTH_NAMES[value.month - 1]
    return str(words.LONG_DATE.format(weekday=weekday, day=value.day, month=month, year=value.year))


def clock(value: time, lang: str) -> str:
    words = _words(lang)
    form = words.CLOCK_WHOLE_HOUR if value.minute == 0 else words.CLOCK_TIME
    return str(form.format(hour=value.hour, minute=value.minute))


def time_range(start: time | None, end: time | None, lang: str) -> str:
    if start is None:
        return ""
    text = clock(start, lang) + (f"–{clock(end, lang)}" if end else "")
    return str(_words(lang).CLOCK_RANGE.format(text))


def days_to(target: date, today: date, lang: str) -> str:
    days = (target - today).days
    words = _words(lang)
    if days in words.DAYS_NEAR:
        return str(words.DAYS_NEAR[days])
    if days > 0:
        return str(words.DAYS_AHEAD.format(days))
    return str(words.DAYS_AGO.format(-days))


def names(items: list[str], conjunction: str) -> str:
    """`Slagelse, Køge og Roskilde`: commas, and the conjunction before the last."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def more_count(more: int, lang: str, beyond: int = COUNT_BEYOND) -> str:
    """How many more a list holds than it shows: `12`, or `over 1000` where counting stopped
    (`storage.lists.COUNT_BEYOND`)."""
    if more > beyond:
        return str(_words(lang).MORE_THAN.format(beyond))
    return str(more)


def total_count(total: int, shown: int, lang: str, beyond: int = COUNT_BEYOND) -> str:
    """A list's total as its heading shows it: `27`, or `over 1015` where counting stopped."""
    if more_than_counted(total, shown, beyond):
        return str(_words(lang).MORE_THAN.format(total - 1))
    return str(total)


def clock_text(hhmm: str, lang: str) -> str:
    """`08:00` as the language writes a time of day: `kl. 8.00` / `8:00`."""
    hour, minute = (int(x) for x in hhmm.split(":"))
    written = _words(lang).CLOCK_TIME.format(hour=hour, minute=minute)
    return str(_words(lang).CLOCK_RANGE.format(written))


BRIEF_LENGTH = 200


def brief(text: str, limit: int = BRIEF_LENGTH) -> str:
    """A record's text as a line of a list shows it: on one line, cut at a word near
    `limit` characters with "…" (a decision read from minutes can run to a paragraph;
    its full text is in its confirmation and in the export)."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,.;:–-") + "…"


def _load(name: str) -> str | None:
    try:
        return resources.files("templates").joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError):
        return None


@cache
def _environment() -> Environment:
    """One environment a process: the templates ship with the code, so each is compiled once
    however many apps (workspaces' tests, the console, the worker) render with it."""
    env = Environment(
        loader=FunctionLoader(_load),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
        keep_trailing_newline=False,
        auto_reload=False,  # never look at the files again
    )
    env.filters["mrkdwn"] = mrkdwn
    env.filters["escape_all"] = escape
    env.filters["as_date"] = date.fromisoformat
    env.filters["names"] = names
    env.filters["brief"] = brief
    return env


@cache
def _strings() -> dict[str, dict[str, str]]:
    return {lang: json.loads(_load(f"{lang}/strings.json") or "{}") for lang in ("da", "en")}


class Renderer:
    """Renders `templates/<lang>/<name>.j2`; strings come from `templates/<lang>/strings.json`."""

    def __init__(self) -> None:
        self.env = _environment()
        self.strings = _strings()

    def string(self, lang: str, key: str, /, **values: Any) -> str:
        return self.strings[lang][key].format(**values)

    def render(self, lang: str, template_name: str, /, **context: Any) -> str:
        template = self.env.get_template(f"{lang}/{template_name}.j2")
        helpers = {
            "lang": lang,
            "long_date": lambda d: long_date(d, lang),
            "time_range": lambda a, b: time_range(a, b, lang),
            "days_to": lambda d, today: days_to(d, today, lang),
            "clock_of": lambda hhmm: clock_text(hhmm, lang),
            "holiday": lambda d: holiday_name(d, lang),
            "more_count": lambda n, beyond=COUNT_BEYOND: more_count(n, lang, beyond),
            "total_count": lambda n, shown, beyond=COUNT_BEYOND: total_count(
                n, shown, lang, beyond
            ),
            "s": self.strings[lang],
        }
        return template.render(**helpers, **context).strip()


def local_times(
    starts_at: datetime | None, ends_at: datetime | None, tz: Any
) -> tuple[time | None, time | None]:
    start = starts_at.astimezone(tz).time() if starts_at else None
    end = ends_at.astimezone(tz).time() if ends_at else None
    return start, end
