"""The partner page: the whole relationship over time, in the reader's scope."""

from django.urls import reverse

from doingoai.core.countries import country_name, subdivision_name


def partner_context(partner, user):
    from doingoai.core.registry import REGISTRY

    timeline = []
    for slug in ("agreements", "activities", "resources"):
        kind = REGISTRY.get(slug)
        hook = getattr(kind, "partner_timeline", None) if kind else None
        if hook:
            timeline += hook(partner, user)
    timeline.sort(key=lambda e: (e["date"] is None, e["date"]), reverse=True)
    return {
        "partner_country": country_name(partner.country),
        "partner_subdivision": subdivision_name(partner.subdivision),
        "timeline": timeline,
        "add_contact_url": reverse("contacts_add") + f"?partner={partner.pk}",
    }
