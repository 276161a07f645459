"""Partners a unit worked with: the partner list's "worked with" filter, the dashboards'
partners by country and the reports' new partners."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import reduce
from operator import or_

from django.db.models import Q

from .hooks import partner_engagement_spans, partner_engagements
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


def new_partner_counts(root, user, start, end, group) -> dict:
    """How many partners are new (:func:`new_partners`) for each group of the units of
    ``root``'s subtree, at once: ``group(unit_id)`` names a unit's group (None: left out),
    and a partner is new for a group when its units engaged it in the period and never
    before. One grouped query per app (``hooks.partner_engagement_spans``)."""
    first: dict[tuple, dt.date] = {}
    last: dict[tuple, dt.date] = {}
    groups: dict = {}
    for rows in partner_engagement_spans.gather(root, user, end):
        for row in rows.values_list("unit_id", "partner_id", "first", "last"):
            unit_id, partner_id, since, until = row
            if unit_id not in groups:
                groups[unit_id] = group(unit_id)
            if groups[unit_id] is None:
                continue
            key = (groups[unit_id], partner_id)
            if key not in first:
                first[key], last[key] = since, until
            else:
                first[key] = min(first[key], since)
                last[key] = max(last[key], until)
    counts: dict = defaultdict(int)
    for key, since in first.items():
        if since >= start and last[key] >= start:
            counts[key[0]] += 1
    return dict(counts)
