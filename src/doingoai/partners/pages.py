"""The partner page: the whole relationship over time, in the reader's scope."""

from django.urls import reverse

from doingoai.core.countries import country_name, subdivision_name


def partner_context(partner, user):
    from doingoai.core.registry import gather

    timeline = gather("partner_timeline", ("agreements", "activities", "resources"), partner,
                      user)
    timeline.sort(key=lambda e: (e["date"] is None, e["date"]), reverse=True)
    return {
        "partner_country": country_name(partner.country),
        "partner_subdivision": subdivision_name(partner.subdivision),
        "timeline": timeline,
        "add_contact_url": reverse("contacts_add") + f"?partner={partner.pk}",
    }


# ---------------------------------------------------------------- likely duplicates


def partner_names(partner) -> list[str]:
    """The names a partner is known by (not the names of its province)."""
    names = [partner.name_vi, partner.name_en, partner.name_local, partner.acronym,
             *(partner.aliases or [])]
    return [n for n in names if n]


def likely_duplicates(*, names, country="", subdivision="", exclude_pk=None,
                      threshold=80.0, limit=5):
    """Existing partners that probably are the organization named ``names``."""
    from doingoai.core.search import similar_records

    from .models import Partner

    sub = ""
    if country and subdivision:
        from doingoai.core.countries import find_subdivision

        sub = find_subdivision(country, subdivision) or ""
    return similar_records(Partner, list(names), country=(country or "").upper(),
                           subdivision=sub, exclude_pk=exclude_pk, threshold=threshold,
                           limit=limit, candidate_names=partner_names)


def similar_partners(request):
    """HTMX fragment under the partner form's names: partners that may be the same."""
    from django.shortcuts import render

    from doingoai.core.forms import TagsField

    g = request.GET
    names = [g.get("name_vi", ""), g.get("name_en", ""), g.get("name_local", ""),
             g.get("acronym", "")]
    names += TagsField(required=False).clean(g.get("aliases", ""))
    exclude = g.get("exclude") or None
    matches = likely_duplicates(
        names=[n.strip()[:300] for n in names if n and n.strip()],
        country=g.get("country", "")[:2],
        subdivision=g.get("subdivision", "")[:6],
        exclude_pk=int(exclude) if exclude and exclude.isdigit() else None,
    )
    return render(request, "partners/similar.html", {"matches": matches})
