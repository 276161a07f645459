"""What other apps add to the dashboard and the reports page."""

from doingoai.core.registry import Hook

#: ``fn(user, unit) -> [(label, url, description)]``: further documents the reader may
#: produce (the IATI file of the resources received, ...)
more_reports = Hook("more reports", "Other documents on the dashboard and the reports page.")
