"""The reports of a unit and of an agreement, rendered in the Decree 30 layout
(``doingoai.documents.layout``) as Word, PDF and Excel."""

from __future__ import annotations

import datetime as dt
import re

from django.db.models import Q
from django.utils import translation

from doingoai.documents import layout

from . import content
from .figures import scoped, unit_figures
from .hooks import report_sections
from .records import report_figures

RENDERERS = layout.RENDERERS


# -- the reports --------------------------------------------------------------


def unit_document(*, unit, period, user, today=None, fig=None, **issue) -> layout.Document:
    """The term or year report of ``unit`` as a document; ``issue`` passes the narrative,
    number and signer of a report record (``content.unit_report``)."""
    fig = fig or unit_figures(unit=unit, period=period, user=user, today=today)
    more = report_figures(
        unit=unit, period=period, user=user, today=today or dt.date.today(), fig=fig
    )
    fig = {**fig, "report": more}
    with translation.override("vi"):
        doc = content.unit_report(fig, today=today, **issue)
        extra = report_sections.gather(unit, period, user)
        if extra:  # before the closing assessment, renumbered in order
            doc.sections[-1:-1] = extra
            for i, block in enumerate(doc.sections):
                block.number = layout.ROMAN[i] + "."
        layout.move_long_tables(doc, lambda section: section.title.upper())
        number_tables(doc)
    return doc


def number_tables(doc: layout.Document) -> None:
    """ "Bảng 1.", "Bảng 2." ... in the order the tables appear, whichever app added them."""
    for i, table in enumerate(doc.tables(), 1):
        title = re.sub(r"^Bảng \d+\.\s*", "", table.title)
        table.title = f"Bảng {i}. {title}"


def render_unit_report(
    *, unit, period, user, fmt: str, progress=None, today: dt.date | None = None
) -> bytes:
    if progress:
        progress(1, 3, "figures")
    fig = unit_figures(unit=unit, period=period, user=user, today=today)
    if progress:
        progress(2, 3, "document")
    doc = unit_document(unit=unit, period=period, user=user, today=today, fig=fig)
    data = RENDERERS[fmt](doc)
    if progress:
        progress(3, 3, fmt)
    return data


def review_period(agreement, *, review=None, today: dt.date | None = None):
    """The period under review: from the previous review (or the agreement's start) to
    the review reported on (by default the latest one held or due by ``today``, else the
    next one); without any review, from the start to today or the end date."""
    today = today or dt.date.today()
    opening = agreement.start_date or agreement.signed_date or dt.date(2000, 1, 1)
    reviews = sorted(agreement.reviews.all(), key=_on)
    if review is None and reviews:
        due = [r for r in reviews if _on(r) <= today]
        review = due[-1] if due else reviews[0]
    if review is None:
        return opening, max(opening, min(today, agreement.end_date or today))
    until = _on(review)
    before = [r for r in reviews if _on(r) < until]
    start = _on(before[-1]) + dt.timedelta(days=1) if before else opening
    return start, max(start, until)


def _on(review) -> dt.date:
    return review.held_date or review.scheduled_date


def review_data(*, agreement, user, start=None, end=None, review=None, today=None) -> dict:
    if start is None or end is None:
        period_start, period_end = review_period(agreement, review=review, today=today)
        start, end = start or period_start, end or period_end
    if end < start:
        end = start
    acts = scoped("activities.Activity", user)
    activities = []
    if acts is not None:
        activities = list(
            acts.filter(Q(agreements=agreement) | Q(review__agreement=agreement))
            .filter(start_date__gte=start, start_date__lte=end)
            .distinct()
            .order_by("start_date", "pk")
        )
    res = scoped("resources.Resource", user)
    resources = []
    if res is not None:
        resources = list(
            res.filter(agreement=agreement, date__gte=start, date__lte=end).order_by("date", "pk")
        )
    reviews = list(
        agreement.reviews.filter(
            Q(held_date__gte=start, held_date__lte=end)
            | Q(held_date__isnull=True, scheduled_date__gte=start, scheduled_date__lte=end)
        ).order_by("scheduled_date")
    )
    return {
        "agreement": agreement,
        "start": start,
        "end": end,
        "commitments": list(agreement.commitments.all()),
        "activities": activities,
        "resources": resources,
        "reviews": reviews,
    }


def render_review_report(
    *, agreement, user, fmt: str, start=None, end=None, review=None, today: dt.date | None = None
) -> bytes:
    data = review_data(
        agreement=agreement, user=user, start=start, end=end, review=review, today=today
    )
    with translation.override("vi"):
        doc = content.review_report(data, today=today)
    return RENDERERS[fmt](doc)
