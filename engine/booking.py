"""The inline booking call-to-action authors place in an article with {{ booking_cta() }}."""

from __future__ import annotations

from html import escape

from engine.models import DAY_NAMES, Clinic


def booking_cta(clinic: Clinic, text: str = "Book an appointment", lead: str = "") -> str:
    """A verb-first action link and the phone number; never put two of these side by side.
    With a `lead` (a sentence on why to book), a box inside an article, after the section on
    what helps, so a reader who has just read it need not scroll to the page's end."""
    action = (
        '<p class="app-cta-inline">'
        f'<a class="md-button md-button--primary" href="{escape(str(clinic.booking_url))}">'
        f"{escape(text)}</a> "
        f'or call <a class="app-nowrap" href="{clinic.phone_href}">{clinic.phone_display}</a></p>'
    )
    if not lead:
        return action
    return f'<div class="app-cta-article"><p>{escape(lead)}</p>{action}</div>'


def opening_hours_table(clinic: Clinic) -> str:
    """Markdown table, one row per day of the week, "Closed" where the clinic is shut."""
    hours: dict[str, str] = {
        day: f"{_us_time(entry.opens)} to {_us_time(entry.closes)}"
        for entry in clinic.opening_hours
        for day in entry.days
    }
    rows = [f"| {name} | {hours.get(code, 'Closed')} |" for code, name in DAY_NAMES.items()]
    return "\n".join(["| Day | Hours |", "| --- | --- |", *rows])


def _us_time(clock: str) -> str:
    """ "08:00" -> "8 a.m.", "13:30" -> "1:30 p.m." (AP style, as US readers expect)."""
    hour, minute = (int(part) for part in clock.split(":"))
    suffix = "a.m." if hour < 12 else "p.m."
    hour = hour % 12 or 12
    return f"{hour}{f':{minute:02d}' if minute else ''} {suffix}"
