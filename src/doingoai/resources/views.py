"""Resource pages beyond the generic views: the money panel, the resources of an
activity, the exchange-rate panel and the import of many rates from a CSV file."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from doingoai.activities.kinds import ActivityKind
from doingoai.core.registry import detail_panel, kind_view
from doingoai.core.scope import ADD

from . import (
    inlines,  # noqa: F401  (gifts typed inline in a trip's form)
    money,
    services,
)
from .forms import RatesImportForm
from .kinds import ExchangeRateKind, ResourceKind
from .selectors import activity_resources


@detail_panel(ResourceKind, "resources/resource_panels.html")
def resource_panel(resource, user):
    return {
        "money_amount": money.format_money(resource.amount, resource.currency),
        "money_is_vnd": resource.currency == money.VND,
    }


@detail_panel(ActivityKind, "resources/activity_resources.html", order=50)
def activity_resources_panel(activity, user):
    add_url = reverse("resources_add") + f"?activity={activity.pk}"
    agreement_ids = [a.pk for a in activity.agreements.all()[:2]]
    if len(agreement_ids) == 1:
        add_url += f"&agreement={agreement_ids[0]}"
    partner_ids = [p.pk for p in activity.partners.all()[:2]]
    if len(partner_ids) == 1:
        add_url += f"&partner={partner_ids[0]}"
    return {"activity_resources": activity_resources(activity, user), "add_resource_url": add_url}


@detail_panel(ExchangeRateKind, "resources/rate_panels.html")
def rate_panel(rate, user):
    return {}


@kind_view(ExchangeRateKind, "rates_import", path="import/", detail=False, action=ADD)
def rates_import(request):
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
                messages.success(
                    request,
                    _(
                        "Imported %(created)d new rate(s), updated %(updated)d; "
                        "%(refreshed)d resource(s) recomputed."
                    )
                    % result,
                )
                return HttpResponseRedirect(reverse("rates_list"))
    return render(request, "resources/rates_import.html", {"form": form})
