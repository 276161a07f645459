"""Actions on agreements beyond editing: scheduling, holding and closing reviews,
renewing and terminating. Keyword-only, one transaction, audited."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doingoai.core.models import audit
from doingoai.core.scope import APPROVE, CHANGE

from .models import Agreement, Review


def planned_reviews(agreement: Agreement) -> dict[str, dt.date]:
    """Mid-term review at half the duration, final review at the end."""
    if not (agreement.start_date and agreement.end_date):
        return {}
    if agreement.end_date <= agreement.start_date:
        return {}
    half = agreement.start_date + (agreement.end_date - agreement.start_date) / 2
    return {Review.Kind.MID_TERM: half, Review.Kind.FINAL: agreement.end_date}


def reviews_follow_dates(*, obj: Agreement, acting_user=None, created: bool = False) -> None:
    """The save step of an agreement (``AgreementKind.save_steps``): its scheduled
    reviews follow its dates."""
    schedule_reviews(agreement=obj)


def schedule_reviews(*, agreement: Agreement) -> list[Review]:
    """Create or move the automatically scheduled reviews; never touch edited or held ones."""
    plan = planned_reviews(agreement)
    existing = {r.kind: r for r in agreement.reviews.filter(kind__in=list(Review.Kind.values))}
    changed = []
    for kind, when in plan.items():
        review = existing.get(kind)
        if review is None:
            changed.append(
                Review.objects.create(agreement=agreement, kind=kind, scheduled_date=when)
            )
        elif (
            review.auto_scheduled
            and review.held_date is None
            and review.state == Review.State.SCHEDULED
            and review.scheduled_date != when
        ):
            review.scheduled_date = when
            review.save()
            changed.append(review)
    return changed


@transaction.atomic
def review_hold(
    *, review: Review, held_date: dt.date, findings: str = "", rating=None, acting_user
) -> Review:
    if not Review.scope_policy.allows(review, acting_user, CHANGE):
        raise PermissionDenied
    if review.state == Review.State.CLOSED:
        raise ValidationError(_("This review is closed and can no longer be changed."))
    review.held_date = held_date
    if findings:
        review.findings = findings
    if rating:
        review.rating = rating
    review.state = Review.State.HELD
    review.auto_scheduled = False
    review.save()
    audit(user=acting_user, action="review_hold", record=review, held=held_date.isoformat())
    return review


@transaction.atomic
def review_close(*, review: Review, acting_user) -> Review:
    """An approver (unit leader) closes a held review: findings and rating are final."""
    if not Review.scope_policy.allows(review, acting_user, APPROVE):
        raise PermissionDenied
    errors = {}
    if review.held_date is None:
        errors["held_date"] = _("The review has not been held yet: enter the date it was held.")
    if not review.findings.strip():
        errors["findings"] = _("Enter the findings before closing the review.")
    if not review.rating:
        errors["rating"] = _("Rate the effectiveness before closing the review.")
    if errors:
        raise ValidationError(errors)
    review.state = Review.State.CLOSED
    review.closed_by = acting_user
    review.closed_at = timezone.now()
    review.save()
    audit(user=acting_user, action="review_close", record=review)
    return review


@transaction.atomic
def agreement_renew(
    *,
    agreement: Agreement,
    acting_user,
    title: str,
    start_date: dt.date,
    end_date: dt.date,
    signed_date: dt.date | None = None,
) -> Agreement:
    if not Agreement.scope_policy.allows(agreement, acting_user, CHANGE):
        raise PermissionDenied
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    successor = agreement.successor()
    if successor is not None:
        raise ValidationError(
            _("This agreement has already been renewed: “%(title)s” (from %(start)s).")
            % {
                "title": successor.title,
                "start": f"{successor.start_date:%d/%m/%Y}" if successor.start_date else "—",
            }
        )
    new = Agreement.objects.create(
        title=title,
        kind=agreement.kind,
        unit=agreement.unit,
        signed_date=signed_date,
        start_date=start_date,
        end_date=end_date,
        areas=list(agreement.areas),
        renews=agreement,
    )
    new.units.set(agreement.units.all())
    new.partners.set(agreement.partners.all())
    schedule_reviews(agreement=new)
    # the predecessor stays in force to its end date; it says "renewed" through its
    # successor (Agreement.status), not by a status set now
    audit(user=acting_user, action="agreement_renew", record=agreement, new=new.pk)
    return new


@transaction.atomic
def agreement_terminate(*, agreement: Agreement, acting_user, reason: str = "") -> Agreement:
    if not Agreement.scope_policy.allows(agreement, acting_user, APPROVE):
        raise PermissionDenied
    agreement.status_override = Agreement.Override.TERMINATED
    if reason:
        agreement.notes = (agreement.notes + "\n" + reason).strip()
    agreement.save()
    audit(user=acting_user, action="agreement_terminate", record=agreement, reason=reason)
    return agreement
