"""What other apps add to an activity's page."""

from doingoai.core.registry import Hook

#: ``fn(activity, user) -> [record]``: resources handed over or received at the activity
activity_resources = Hook("activity resources", "Resources of an activity, in scope.")
