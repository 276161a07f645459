"""The frame of a report: a congress term or a calendar year."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from doingoai.core.filters import FIRST_YEAR, LAST_YEAR
from doingoai.organization.models import Term


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    term: Term | None = None
    year: int | None = None

    @property
    def label(self) -> str:
        if self.year:
            return _("year %(year)s") % {"year": self.year}
        if self.term:
            return _("term %(name)s (%(start)s–%(end)s)") % {
                "name": self.term.name,
                "start": self.start.year,
                "end": self.end.year,
            }
        return f"{self.start:%d/%m/%Y} – {self.end:%d/%m/%Y}"

    @property
    def label_vi(self) -> str:
        """The wording used in Vietnamese report titles."""
        if self.year:
            return f"năm {self.year}"
        if self.term:
            return f"nhiệm kỳ {self.term.name} ({self.start.year}–{self.end.year})"
        return f"từ {self.start:%d/%m/%Y} đến {self.end:%d/%m/%Y}"

    @property
    def slug(self) -> str:
        if self.year:
            return str(self.year)
        if self.term:
            return f"nk-{self.term.name}"
        return f"{self.start:%Y%m%d}-{self.end:%Y%m%d}"

    @property
    def years(self) -> list[int]:
        return list(range(self.start.year, self.end.year + 1))

    @property
    def trend(self) -> tuple[dt.date, dt.date]:
        """The span charted over years: the term, or the term a year falls in."""
        if self.year:
            term = Term.current(dt.date(self.year, 6, 30))
            if term:
                return term.start_date, term.end_date
        return self.start, self.end

    @property
    def trend_years(self) -> list[int]:
        start, end = self.trend
        return list(range(start.year, end.year + 1))


def term_by_name(value) -> Term | None:
    """A term by its roman name ('XIII'), number ('13') or pk."""
    if value in (None, ""):
        return None
    if isinstance(value, Term):
        return value
    text = str(value).strip()
    term = Term.objects.filter(name__iexact=text).first()
    if term is None and text.isdigit():
        term = Term.objects.filter(number=int(text)).first()
    return term


class PeriodError(ValueError):
    """A period no report can cover (a year out of range): a message for the reader."""


def make_period(*, term=None, year=None, today: dt.date | None = None) -> Period:
    """A year when given, else the term (default: the current one)."""
    if year:
        year = int(year)
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise PeriodError(
                _("The year must be between %(first)d and %(last)d.")
                % {"first": FIRST_YEAR, "last": LAST_YEAR}
            )
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), year=year)
    found = term_by_name(term) if term is not None else Term.current(today)
    if term is not None and found is None:
        raise ValueError(_("Unknown congress term: %(term)s") % {"term": term})
    if found is None:
        found = Term.objects.order_by("-number").first()
    if found is None:
        today = today or dt.date.today()
        return Period(dt.date(today.year, 1, 1), dt.date(today.year, 12, 31), year=today.year)
    return Period(found.start_date, found.end_date, term=found)
