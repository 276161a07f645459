"""What other apps add to a partner's page."""

from doingoai.core.registry import Hook

#: ``fn(partner, user) -> [timeline entry]`` (dicts with ``date``, ``label``, ``title``,
#: ``url``, ``detail``), only records in the reader's scope
partner_timeline = Hook("partner timeline", "The relationship with a partner over time.")

#: ``fn(unit, user, start, end) -> [subquery of partner ids]``: the partners the unit's
#: subtree worked with in [start, end] through the app's records (an activity, an
#: agreement running, a resource), only records the user may see; None dates: open
partner_engagements = Hook("partner engagements", "Who worked with which partner, when.")
