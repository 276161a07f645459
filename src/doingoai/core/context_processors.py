import functools

from django.urls import reverse
from django.utils.text import capfirst

from .hooks import NavLink, header_items, nav_links
from .registry import REGISTRY


def navigation(request):
    """The side menu (record kinds and what apps add through ``core.hooks.nav_links``) and
    the header items. Computed lazily: pages without the frame pay nothing."""

    def links(group):
        items = [
            NavLink(
                capfirst(k.verbose_name_plural()),
                reverse(f"{k.slug}_list"),
                k.menu_order,
                k.nav_group,
            )
            for k in REGISTRY.values()
            if k.nav_group == group
        ]
        if request.user.is_authenticated:
            items += [link for link in nav_links.gather(request) if link.group == group]
        return sorted(items, key=lambda link: link.order)

    def headers():
        return header_items.gather(request) if request.user.is_authenticated else []

    # each made once: a template asks several times ({% if nav_admin %}, its loop)
    return {
        "nav_records": functools.cache(lambda: links("records")),
        "nav_admin": functools.cache(lambda: links("admin")),
        "header_items": functools.cache(headers),
    }
