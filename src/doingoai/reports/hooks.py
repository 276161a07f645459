"""What other apps add to the dashboard and the reports page."""

from doingoai.core.registry import Hook

#: ``fn(user, unit) -> [(label, url, description)]``: further documents the reader may
#: produce (the IATI file of the resources received, ...)
more_reports = Hook("more reports", "Other documents on the dashboard and the reports page.")

#: ``fn(unit, period, user) -> [content.Block]``: sections other apps add to a unit's term
#: or year report (targets, delegations, Vietnamese women abroad ...), placed after the
#: report's own figures and before its assessment; counts only where people are concerned
report_sections = Hook("report sections", "Sections of a unit's term or year report.")

#: ``fn(unit, period, user) -> [{"label", "value", "url", "note", "key"}]``: cards other
#: apps add to the dashboard of a unit and period (``value`` shown large, ``note`` under
#: it, ``url`` the list behind the figure, ``key`` a stable name for tests and styling)
dashboard_cards = Hook("dashboard cards", "Figures other apps add to the dashboard.")

#: ``fn(user, unit) -> [{"documents": [{"label", "period", "state", "url", "files": [(fmt,
#: url)]}], "start_url": url or ""}]``: the unit's report documents (drafts, submitted,
#: issued) listed on the reports page, and where the reader starts a new one ("" when
#: she may not: the providing app decides, with its own permissions)
report_documents = Hook("report documents", "A unit's report documents by period and state.")

#: ``fn(unit, period, user) -> [{"key", "title", "noun", "empty", "countries": [{"name"
#: (ISO 3166 alpha-2), "label", "value", "note", "url"}]}]``: further layers of the
#: dashboard's world map (Vietnamese women's organizations abroad ...), each drawn as its
#: own map with a table by country under it; only what the reader may see
map_layers = Hook("map layers", "Further world maps of the dashboard, by country.")
