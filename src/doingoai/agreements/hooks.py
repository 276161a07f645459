"""What other apps add to an agreement's page."""

from doingoai.core.registry import Hook

#: ``fn(agreement, user) -> [timeline entry]``: entries are dicts with ``date``,
#: ``label``, ``title``, ``url`` and optionally ``detail`` and ``css``
agreement_timeline = Hook("agreement timeline", "Dated entries on an agreement's timeline.")
