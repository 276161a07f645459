"""Vietnamese women's organizations abroad as other pages show them: a dashboard card
and a section of the term and year reports."""

from __future__ import annotations

from urllib.parse import urlencode

from django.db.models import Count, Q, Sum
from django.urls import reverse
from django.utils.translation import gettext as _

from doingoai.core.countries import country_name
from doingoai.core.scope import VIEW, visible_under
from doingoai.documents.formatting import vn_number, vnd
from doingoai.reports.content import Block, Table
from doingoai.reports.hooks import dashboard_cards, map_layers, report_sections

from .models import OverseasOrganization


def organizations(unit, user):
    return visible_under(OverseasOrganization, user, unit)


def by_country(qs) -> list[dict]:
    rows = (
        qs.values("country")
        .annotate(
            total=Count("pk"),
            active=Count("pk", filter=Q(status=OverseasOrganization.Status.ACTIVE)),
            members=Sum("members"),
        )
        .order_by("-total", "country")
    )
    return list(rows)


def founded_in(qs, period):
    return qs.filter(
        founded_with_support=True, founded__gte=period.start, founded__lte=period.end
    ).order_by("founded", "pk")


@dashboard_cards.provide
def overseas_card(unit, period, user):
    qs = organizations(unit, user)
    total = qs.count()
    if not total:
        return []
    countries = qs.values("country").distinct().count()
    new = founded_in(qs, period).count()
    url = reverse("overseas_list") + "?" + urlencode({"unit": unit.pk})
    note = _("%(countries)s countries, %(new)s founded with support") % {
        "countries": vn_number(countries),
        "new": vn_number(new),
    }
    return [
        {
            "label": _("Vietnamese women's organizations abroad"),
            "value": vn_number(total),
            "url": url,
            "note": note,
            "key": "overseas",
        }
    ]


@map_layers.provide
def overseas_map(unit, period, user):
    """The organizations the reader may see under ``unit``, by country, on a map of
    their own (whatever the period: an organization abroad is there until closed)."""
    qs = organizations(unit, user)
    rows = by_country(qs)
    if not rows:
        return []
    countries = [
        {
            "name": r["country"],
            "label": country_name(r["country"]),
            "value": r["total"],
            "note": _("%(active)s active") % {"active": vn_number(r["active"])},
            "url": reverse("overseas_list")
            + "?"
            + urlencode({"unit": unit.pk, "country": r["country"]}),
        }
        for r in rows
    ]
    return [
        {
            "key": "overseas",
            "title": _("Vietnamese women's organizations abroad by country"),
            "noun": _("organizations"),
            "empty": "",
            "countries": countries,
        }
    ]


def _support_rows(qs, period, user):
    from doingoai.activities.models import Activity
    from doingoai.resources.models import Resource

    resources = Resource.objects.restrict(user, VIEW).filter(
        supported_overseas_organizations__in=qs.values("pk"),
        date__gte=period.start,
        date__lte=period.end,
    )
    money = resources.distinct().aggregate(n=Count("pk", distinct=True), vnd=Sum("amount_vnd"))
    activities = (
        Activity.objects.restrict(user, VIEW)
        .filter(
            supported_overseas_organizations__in=qs.values("pk"),
            start_date__gte=period.start,
            start_date__lte=period.end,
        )
        .distinct()
        .count()
    )
    return money["n"] or 0, money["vnd"] or 0, activities


@report_sections.provide
def overseas_section(unit, period, user):
    qs = organizations(unit, user)
    if not qs.exists():
        return []
    countries = by_country(qs)
    table = Table(
        title="Tổ chức phụ nữ Việt Nam ở nước ngoài theo quốc gia",
        header=["Quốc gia", "Số tổ chức", "Đang hoạt động", "Hội viên (ước tính)"],
        rows=[
            [
                country_name(r["country"], "vi"),
                vn_number(r["total"]),
                vn_number(r["active"]),
                vn_number(r["members"] or 0),
            ]
            for r in countries
        ],
        raw=[
            [country_name(r["country"], "vi"), r["total"], r["active"], r["members"] or 0]
            for r in countries
        ],
        sheet="Phụ nữ VN ở nước ngoài",
        numeric={1, 2, 3},
    )
    new = list(founded_in(qs, period))
    n_resources, total_vnd, n_activities = _support_rows(qs, period, user)
    paragraphs = [
        f"Đơn vị đang theo dõi, làm việc với {vn_number(qs.count())} tổ chức phụ nữ Việt Nam "
        f"ở nước ngoài tại {vn_number(len(countries))} quốc gia.",
        f"Trong {period.label_vi}, {vn_number(len(new))} tổ chức được thành lập với sự hỗ trợ "
        "của Hội"
        + (
            ": " + "; ".join(f"{o.name_vi} ({country_name(o.country, 'vi')})" for o in new)
            if new
            else ""
        )
        + ".",
        f"Hỗ trợ đã trao: {vn_number(n_resources)} khoản, trị giá {vnd(total_vnd)}; "
        f"{vn_number(n_activities)} hoạt động hỗ trợ.",
    ]
    return [
        Block(
            number="",
            title="CÔNG TÁC VỚI PHỤ NỮ VIỆT NAM Ở NƯỚC NGOÀI",
            level=1,
            paragraphs=paragraphs,
            tables=[table],
        )
    ]
