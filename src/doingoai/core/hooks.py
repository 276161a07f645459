"""Extension points of the page frame (menu, header) that feature apps contribute to."""

from __future__ import annotations

from dataclasses import dataclass

from .registry import Hook


@dataclass(frozen=True)
class NavLink:
    """One entry of the side menu. ``group`` is "records" (with the record kinds, by
    ``order``: units 10, partners 20, agreements 30, activities 40, resources 50, news 60) or
    "admin" (below the line)."""

    label: str
    url: str
    order: int = 100
    group: str = "records"


nav_links = Hook(
    "menu links",
    "Menu entries beyond the record kinds: providers take the request and return NavLinks "
    "the user may follow (an empty list hides the entry).",
)

header_items = Hook(
    "header items",
    "Small parts of the page header (a reminder bell, ...): providers take the request and "
    "return template names, rendered with the page's context.",
)

subtree_counts = Hook(
    "subtree counts",
    "How many records of a model a unit's subtree owns, from figures the write path keeps: "
    "providers take (model, unit id, database alias) and return [n], or [] when they keep "
    "none for the model (or their figures are being rebuilt).",
)
