"""What the reports give to the page frame: the "Reports" menu entry."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from doingoai.core.hooks import NavLink, nav_links


@nav_links.provide
def reports_link(request) -> list[NavLink]:
    return [NavLink(_("Reports"), reverse("reports_index"), order=70)]
