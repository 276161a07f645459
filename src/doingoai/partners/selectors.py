"""Partners a unit worked with: the partner list's "worked with" filter, the dashboards'
partners by country and the reports' new partners."""

from __future__ import annotations

import datetime as dt
from functools import reduce
from operator import or_

from django.db.models import Q

from .hooks import partner_engagements
from .models import Partner


def engaged_partners(unit, user, start=None, end=None):
    """Partners the unit's subtree worked with in [start, end] (each app says how:
    ``hooks.partner_engagements``). Only records in the user's scope count."""
    found = [Q(pk__in=ids) for ids in partner_engagements.gather(unit, user, start, end)]
    return Partner.objects.filter(reduce(or_, found)) if found else Partner.objects.none()


def new_partners(unit, user, start, end):
    """Engaged in the period and never before it."""
    before = engaged_partners(unit, user, None, start - dt.timedelta(days=1))
    return engaged_partners(unit, user, start, end).exclude(pk__in=before.values("pk"))
