"""Resource pages beyond the generic views: the money panel, the rates import and the
timeline hooks of agreements, partners, activities and units."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, Sum
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from doingoai.core.scope import VIEW, is_system_admin, under

from . import money, services
from .forms import RatesImportForm
from .models import Resource


def _detail(r: Resource) -> str:
    text = money.format_money(r.amount, r.currency)
    if r.currency != money.VND:
        vnd = money.format_money(r.amount_vnd, money.VND) or _("no exchange rate yet")
        text += f" ≈ {vnd}"
    return text


def _entry(r: Resource) -> dict:
    return {"date": r.date, "label": r.get_direction_display(), "title": r.title,
            "url": r.get_absolute_url(), "detail": _detail(r), "css": "resource"}


def resource_context(resource, user):
    return {
        "money_amount": money.format_money(resource.amount, resource.currency),
        "money_is_vnd": resource.currency == money.VND,
    }


def agreement_timeline(agreement, user):
    qs = Resource.objects.restrict(user, VIEW).filter(agreement=agreement).order_by("-date")
    return [_entry(r) for r in qs[:100]]


def partner_timeline(partner, user):
    from doingoai.activities.models import Activity

    # the two ways a resource belongs to the partner, each an index lookup, then united:
    # an OR of both makes PostgreSQL walk every resource by date (250 ms at 200k), and a
    # join needs a DISTINCT over them all (1 s)
    with_partner = Activity.partners.through.objects.filter(partner=partner)
    ids = (Resource._base_manager.filter(partner=partner).values("pk")
           .union(Resource._base_manager.filter(activity__in=with_partner.values("activity_id"))
                  .values("pk")))
    qs = Resource.objects.restrict(user, VIEW).filter(pk__in=ids).order_by("-date")
    return [_entry(r) for r in qs[:100]]


def activity_resources(activity, user):
    return list(Resource.objects.restrict(user, VIEW).filter(activity=activity)
                .order_by("date", "pk"))


def unit_stats(unit, user, term):
    qs = Resource.objects.restrict(user, VIEW).filter(under(unit.path))
    url = reverse("resources_list") + f"?unit={unit.pk}"
    if term is not None:
        qs = qs.filter(date__gte=term.start_date, date__lte=term.end_date)
        url += f"&date_after={term.start_date:%Y-%m-%d}&date_before={term.end_date:%Y-%m-%d}"
    sums = qs.aggregate(
        received=Sum("amount_usd", filter=Q(direction=Resource.Direction.RECEIVED)),
        given=Sum("amount_vnd", filter=Q(direction=Resource.Direction.GIVEN)),
    )
    return [
        {"label": _("Resources received (USD)"),
         "value": money.format_money(sums["received"] or 0, money.USD),
         "url": url + "&direction=received"},
        {"label": _("Resources given (VND)"),
         "value": money.format_money(sums["given"] or 0, money.VND),
         "url": url + "&direction=given"},
    ]


def rates_import(request):
    if not request.user.is_authenticated:
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    if not is_system_admin(request.user):
        raise PermissionDenied
    form = RatesImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        raw = form.cleaned_data["file"].read()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            form.add_error("file", _("The file is not UTF-8 text."))
        else:
            try:
                result = services.import_rates(text=text, acting_user=request.user)
            except ValidationError as exc:
                for msg in exc.messages[:50]:
                    form.add_error("file", msg)
            else:
                messages.success(request, _(
                    "Imported %(created)d new rate(s), updated %(updated)d; "
                    "%(refreshed)d resource(s) recomputed."
                ) % result)
                return HttpResponseRedirect(reverse("rates_list"))
    return render(request, "resources/rates_import.html", {"form": form})
