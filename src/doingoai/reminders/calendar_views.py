"""/calendar/: a month and a list of what happens and falls due in the reader's scope;
/calendar/<token>.ics: the same as a personal iCalendar feed."""

from __future__ import annotations

import calendar as pycal
import datetime as dt
import secrets

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doingoai.core.scope import VIEW, is_active
from doingoai.organization.models import Unit

from . import calendar as C
from .models import CalendarFeed
from .services import today

FEED_BEFORE, FEED_AFTER = 90, 400  # days of the feed around today


def _month(value: str | None) -> dt.date:
    if not value:
        return today().replace(day=1)
    try:
        return dt.date.fromisoformat(f"{value}-01")
    except ValueError:
        raise Http404


def _shift(first: dt.date, months: int) -> dt.date:
    n = first.year * 12 + first.month - 1 + months
    return dt.date(n // 12, n % 12 + 1, 1)


@login_required
def calendar_page(request):
    first = _month(request.GET.get("month"))
    last = _shift(first, 1) - dt.timedelta(days=1)
    unit = None
    if request.GET.get("unit"):
        if not request.GET["unit"].isdigit():
            raise Http404
        unit = get_object_or_404(Unit.objects.restrict(request.user, VIEW), pk=request.GET["unit"])
    kinds = [k for k in request.GET.getlist("kind") if k in C.KINDS]
    found = C.entries(request.user, first, last, unit=unit, kinds=kinds)
    weeks = []
    for week in pycal.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month):
        weeks.append(
            [
                (day, day.month == first.month, [e for e in found if e.start <= day <= e.end])
                for day in week
            ]
        )
    query = request.GET.copy()
    query.pop("month", None)
    return render(
        request,
        "reminders/calendar.html",
        {
            "first": first,
            "weeks": weeks,
            "entries": found,
            "kinds": C.KINDS.items(),
            "chosen": kinds,
            "unit": unit,
            "units": Unit.objects.restrict(request.user, VIEW)
            .filter(successor__isnull=True, level__in=["central", "province"])
            .order_by("path"),
            "prev": _shift(first, -1).strftime("%Y-%m"),
            "next": _shift(first, 1).strftime("%Y-%m"),
            "query": query.urlencode(),
            "today": today(),
        },
    )


@login_not_required
def calendar_feed(request, token):
    """No login: the secret address is the key. A revoked or unknown one is 404."""
    feed = CalendarFeed.objects.select_related("user", "user__unit").filter(token=token).first()
    if feed is None or not is_active(feed.user):
        raise Http404
    now = today()
    found = C.entries(
        feed.user, now - dt.timedelta(days=FEED_BEFORE), now + dt.timedelta(days=FEED_AFTER)
    )
    response = HttpResponse(
        C.ical(feed.user, found, settings.SITE_URL), content_type="text/calendar; charset=utf-8"
    )
    response["Cache-Control"] = "private, max-age=900"
    return response


@login_required
@require_POST
def calendar_feed_new(request):
    """A new secret address (the old one stops working)."""
    CalendarFeed.objects.update_or_create(
        user=request.user, defaults={"token": secrets.token_urlsafe(32)}
    )
    messages.success(request, _("Your calendar address was made; the earlier one no longer works."))
    return redirect("profile")


@login_required
@require_POST
def calendar_feed_revoke(request):
    CalendarFeed.objects.filter(user=request.user).delete()
    messages.success(request, _("Your calendar address was revoked."))
    return redirect("profile")


def feed_url(user) -> str:
    feed = CalendarFeed.objects.filter(user=user).first()
    if feed is None:
        return ""
    return settings.SITE_URL + reverse("calendar_feed", args=[feed.token])
