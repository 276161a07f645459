"""Partners a unit worked with: the partner list's "worked with" filter, the dashboards'
partners by country and the reports' new partners."""

from __future__ import annotations

import datetime as dt
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


def new_partner_counts(root, user, start, end) -> dict[int, int]:
    """How many partners are new (:func:`new_partners`) for each unit directly below
    ``root`` (with the units under it and those merged into them), at once: a partner is
    new for such a unit when its subtree engaged it in the period and never before.

    Counted in the database, in one statement: the engagement spans of every app
    (``hooks.partner_engagement_spans``), grouped by the unit below ``root`` (read from
    the unit's path) and the partner, then counted by unit; only the counts come back."""
    from django.db import connection
    from django.db.models import IntegerField, Value
    from django.db.models.functions import Cast, StrIndex, Substr

    from doingoai.organization.models import Unit

    parts, params = [], []
    for rows in partner_engagement_spans.gather(root, user, end):
        sql, p = rows.values_list("unit_id", "partner_id", "first", "last").query.sql_with_params()
        parts.append(sql)
        params += p
    if not parts:
        return {}
    # every unit of the subtree (the root aside) with the id of its unit below the root:
    # the path's first segment after the root's ("/1/24/311/" under "/1/": 24)
    rest = Substr("path", len(root.path) + 1)
    below = (
        Unit._base_manager.filter(path__startswith=root.path)
        .exclude(pk=root.pk)
        .annotate(
            below=Cast(Substr(rest, 1, StrIndex(rest, Value("/")) - 1), output_field=IntegerField())
        )
        .order_by()
        .values_list("id", "below")
    )
    below_sql, below_params = below.query.sql_with_params()
    day = connection.ops.adapt_datefield_value(start)
    spans = " UNION ALL ".join(f"SELECT * FROM ({part}) AS p{i}" for i, part in enumerate(parts))
    sql = f"""
        SELECT m.below, COUNT(*) FROM (
            SELECT u.below AS below, s.partner_id AS partner_id,
                   MIN(s."first") AS since, MAX(s."last") AS until
            FROM ({spans}) AS s
            INNER JOIN ({below_sql}) AS u ON u.id = s.unit_id
            GROUP BY u.below, s.partner_id
        ) AS m
        WHERE m.since >= %s AND m.until >= %s
        GROUP BY m.below
    """
    with connection.cursor() as cur:
        cur.execute(sql, [*params, *below_params, day, day])
        return {int(unit_id): n for unit_id, n in cur.fetchall()}
