"""Agreement pages beyond the generic views: the status, reviews and timeline panel,
renewing and terminating an agreement, closing a review."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doingoai.core.registry import detail_panel, kind_view
from doingoai.core.scope import APPROVE, CHANGE

from . import services
from .forms import RenewForm, TerminateForm
from .hooks import agreement_timeline
from .kinds import AgreementKind, ReviewKind
from .models import Agreement


@detail_panel(AgreementKind, "agreements/agreement_panels.html")
def agreement_panel(agreement, user):
    reviews = list(agreement.reviews.all())
    commitments = list(agreement.commitments.all())
    timeline = []
    for r in reviews:
        timeline.append(
            {
                "date": r.held_date or r.scheduled_date,
                "label": r.get_kind_display(),
                "title": r.get_state_display() + (f" — {_('overdue')}" if r.is_overdue() else ""),
                "url": r.get_absolute_url(),
                "css": "overdue" if r.is_overdue() else r.state,
            }
        )
    for c in commitments:
        timeline.append(
            {
                "date": c.due_date,
                "label": _("Commitment"),
                "title": str(c),
                "url": c.get_absolute_url(),
                "css": c.state,
            }
        )
    for key, label in (
        ("signed_date", _("Signed")),
        ("start_date", _("Start")),
        ("end_date", _("End")),
    ):
        value = getattr(agreement, key)
        if value:
            timeline.append(
                {"date": value, "label": label, "title": agreement.title, "url": "", "css": ""}
            )
    timeline += agreement_timeline.gather(agreement, user)
    timeline.sort(key=lambda e: (e["date"] is None, e["date"] or dt.date.min))
    successor = agreement.successor()
    agreement.listed_renewals = [successor] if successor else []  # asked once, not thrice
    status = agreement.status()
    return {
        "status": status,
        "status_label": agreement.get_status_display(status),
        "successor": successor,
        "reviews": reviews,
        "commitments": commitments,
        "agreement_timeline": timeline,
        "can_change": Agreement.scope_policy.allows(agreement, user, CHANGE),
        "add_review_url": reverse("reviews_add") + f"?agreement={agreement.pk}",
        "add_commitment_url": reverse("commitments_add") + f"?agreement={agreement.pk}",
    }


@kind_view(
    AgreementKind, "agreement_renew", path="renew/", action=CHANGE, label=gettext_lazy("Renew")
)
def renew(request, agreement):
    if request.method == "POST":
        form = RenewForm(request.POST)
        if form.is_valid():
            try:
                new = services.agreement_renew(
                    agreement=agreement, acting_user=request.user, **form.cleaned_data
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Renewed as: %(obj)s") % {"obj": new})
                return HttpResponseRedirect(reverse("agreements_edit", args=[new.pk]))
    else:
        start, end = agreement.renewal_dates()
        form = RenewForm(initial={"title": agreement.title, "start_date": start, "end_date": end})
    return render(
        request,
        "agreements/action.html",
        {
            "object": agreement,
            "form": form,
            "title": _("Renew the agreement"),
        },
    )


@kind_view(
    AgreementKind,
    "agreement_terminate",
    path="terminate/",
    action=APPROVE,
    label=gettext_lazy("Terminate"),
)
def terminate(request, agreement):
    form = TerminateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.agreement_terminate(
            agreement=agreement, acting_user=request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(request, _("The agreement is terminated."))
        return HttpResponseRedirect(agreement.get_absolute_url())
    return render(
        request,
        "agreements/action.html",
        {
            "object": agreement,
            "form": form,
            "title": _("Terminate the agreement"),
        },
    )


@kind_view(
    ReviewKind,
    "review_close",
    path="close/",
    action=APPROVE,
    label=gettext_lazy("Close the review"),
)
def close_review(request, review):
    if request.method == "POST":
        try:
            services.review_close(review=review, acting_user=request.user)
        except ValidationError as exc:
            for msg in exc.messages:
                messages.error(request, msg)
            return HttpResponseRedirect(review.get_absolute_url())
        messages.success(request, _("The review is closed."))
        return HttpResponseRedirect(review.agreement.get_absolute_url())
    return render(
        request,
        "agreements/action.html",
        {
            "object": review,
            "form": None,
            "title": _("Close the review"),
            "confirm": _("Findings and rating become final."),
        },
    )
