"""Agreement pages beyond the generic views: the timeline panel and the actions."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doingoai.core.forms import DateInput, date_order_error
from doingoai.core.registry import gather
from doingoai.core.scope import APPROVE, CHANGE, VIEW, under

from . import services
from .models import Agreement, Review, Status, status_q


def agreement_context(agreement, user):
    reviews = list(agreement.reviews.all())
    commitments = list(agreement.commitments.all())
    timeline = []
    for r in reviews:
        timeline.append({
            "date": r.held_date or r.scheduled_date,
            "label": r.get_kind_display(),
            "title": r.get_state_display() + (
                f" — {_('overdue')}" if r.is_overdue() else ""
            ),
            "url": r.get_absolute_url(),
            "css": "overdue" if r.is_overdue() else r.state,
        })
    for c in commitments:
        timeline.append({"date": c.due_date, "label": _("Commitment"), "title": str(c),
                         "url": c.get_absolute_url(), "css": c.state})
    for key, label in (("signed_date", _("Signed")), ("start_date", _("Start")),
                       ("end_date", _("End"))):
        value = getattr(agreement, key)
        if value:
            timeline.append({"date": value, "label": label, "title": agreement.title,
                             "url": "", "css": ""})
    timeline += gather("agreement_timeline", ("activities", "resources"), agreement, user)
    timeline.sort(key=lambda e: (e["date"] is None, e["date"] or dt.date.min))
    can_change = Agreement.scope_policy.allows(agreement, user, CHANGE)
    return {
        "status": agreement.status(),
        "status_label": agreement.get_status_display(),
        "reviews": reviews,
        "commitments": commitments,
        "agreement_timeline": timeline,
        "can_change": can_change,
        "add_review_url": reverse("reviews_add") + f"?agreement={agreement.pk}",
        "add_commitment_url": reverse("commitments_add") + f"?agreement={agreement.pk}",
    }


def partner_timeline(partner, user):
    qs = Agreement.objects.restrict(user, VIEW).filter(partners=partner).distinct()
    return [
        {"date": a.signed_date or a.start_date, "label": _("Agreement"), "title": a.title,
         "url": a.get_absolute_url(), "detail": a.get_status_display()}
        for a in qs.order_by("-signed_date")[:50]
    ]


def unit_stats(unit, user, term):
    qs = Agreement.objects.restrict(user, VIEW).filter(under(unit.path))
    url = reverse("agreements_list")
    return [
        {"label": _("Agreements in force"),
         "value": qs.filter(status_q(Status.IN_FORCE) | status_q(Status.EXPIRING)).count(),
         "url": f"{url}?unit={unit.pk}&status=in_force"},
    ]


def _agreement(request, pk, action):
    get_object_or_404(Agreement.objects.restrict(request.user, VIEW), pk=pk)
    obj = Agreement.objects.restrict(request.user, action).filter(pk=pk).first()
    if obj is None:
        raise PermissionDenied
    return obj


class RenewForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("title"), max_length=400)
    signed_date = forms.DateField(label=gettext_lazy("signed on"), required=False,
                                  widget=DateInput())
    start_date = forms.DateField(label=gettext_lazy("start date"), widget=DateInput())
    end_date = forms.DateField(label=gettext_lazy("end date"), widget=DateInput())

    def clean(self):
        data = super().clean()
        msg = date_order_error(data.get("start_date"), data.get("end_date"),
                               start_label=_("start date"), end_label=_("end date"))
        if msg:
            self.add_error("end_date", msg)
        return data


def renew(request, pk):
    agreement = _agreement(request, pk, CHANGE)
    if request.method == "POST":
        form = RenewForm(request.POST)
        if form.is_valid():
            new = services.agreement_renew(agreement=agreement, acting_user=request.user,
                                           **form.cleaned_data)
            messages.success(request, _("Renewed as: %(obj)s") % {"obj": new})
            return HttpResponseRedirect(reverse("agreements_edit", args=[new.pk]))
    else:
        start = (agreement.end_date + dt.timedelta(days=1)) if agreement.end_date else None
        end = None
        if start and agreement.duration_days:
            end = start + dt.timedelta(days=agreement.duration_days)
        form = RenewForm(initial={"title": agreement.title, "start_date": start,
                                  "end_date": end})
    return render(request, "agreements/action.html", {
        "object": agreement, "form": form, "title": _("Renew the agreement"),
    })


class TerminateForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("reason"), widget=forms.Textarea,
                             required=True)


def terminate(request, pk):
    agreement = _agreement(request, pk, APPROVE)
    form = TerminateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.agreement_terminate(agreement=agreement, acting_user=request.user,
                                     reason=form.cleaned_data["reason"])
        messages.success(request, _("The agreement is terminated."))
        return HttpResponseRedirect(agreement.get_absolute_url())
    return render(request, "agreements/action.html", {
        "object": agreement, "form": form, "title": _("Terminate the agreement"),
    })


def close_review(request, pk):
    review = get_object_or_404(Review.objects.restrict(request.user, VIEW), pk=pk)
    if not Review.scope_policy.allows(review, request.user, APPROVE):
        raise PermissionDenied
    if request.method == "POST":
        try:
            services.review_close(review=review, acting_user=request.user)
        except ValidationError as exc:
            for msg in exc.messages:
                messages.error(request, msg)
            return HttpResponseRedirect(review.get_absolute_url())
        messages.success(request, _("The review is closed."))
        return HttpResponseRedirect(review.agreement.get_absolute_url())
    return render(request, "agreements/action.html", {
        "object": review, "form": None, "title": _("Close the review"),
        "confirm": _("Findings and rating become final."),
    })
