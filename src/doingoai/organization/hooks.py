"""What other apps add to a unit's page."""

from doingoai.core.registry import Hook

#: ``fn(unit, user, term) -> [figure]``: dicts with ``label``, ``value`` and ``url`` (the
#: filtered list that makes the figure), counted over the unit's subtree in the term
unit_stats = Hook("unit figures", "Figures of a unit's subtree on its page.")

#: ``fn(request) -> [(template, context)]``: sections of the user's own profile page
profile_sections = Hook("profile sections", "Parts of the profile page (API tokens, ...).")
