"""What other apps add to an activity's page."""

from doingoai.core.registry import Hook

#: ``fn(activity, user) -> [record]``: resources handed over or received at the activity
activity_resources = Hook("activity resources", "Resources of an activity, in scope.")

#: ``fn() -> [TripInline subclass]``: rows other apps add to a trip's form (gifts...)
trip_inlines = Hook("trip inlines", "Rows added inline in an activity's form.")
