"""What other apps add to a partner's page."""

from doingoai.core.registry import Hook

#: ``fn(partner, user) -> [timeline entry]`` (dicts with ``date``, ``label``, ``title``,
#: ``url``, ``detail``), only records in the reader's scope
partner_timeline = Hook("partner timeline", "The relationship with a partner over time.")

#: ``fn(unit, user, start, end) -> [subquery of partner ids]``: the partners the unit's
#: subtree worked with in [start, end] through the app's records (an activity, an
#: agreement running, a resource), only records the user may see; None dates: open
partner_engagements = Hook("partner engagements", "Who worked with which partner, when.")

#: ``fn(root, user, end) -> [queryset]``: ``partner_engagements`` for every unit of
#: ``root``'s subtree at once (one grouped query per app): ``values()`` querysets with
#: ``unit_id``, ``partner_id``, ``first`` and ``last``: the unit's records up to ``end``
#: engaged the partner from
#: ``first`` until ``last`` (``datetime.date.max``: still running). A partner is engaged
#: in [start, end] exactly when ``partner_engagements`` says so: a record from before
#: ``end`` lasting until ``start`` or later.
partner_engagement_spans = Hook(
    "partner engagement spans", "Who worked with which partner, when, for a whole subtree."
)
