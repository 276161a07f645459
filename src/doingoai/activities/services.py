"""Actions on activities beyond editing: a review meeting holds an agreement review."""

from __future__ import annotations

from django.db import transaction

from doingoai.agreements import services as agreement_services
from doingoai.agreements.models import Review

from .models import Activity


def meeting_holds_review(*, obj: Activity, acting_user, created: bool = False) -> None:
    """The save step of an activity (``ActivityKind.save_steps``): a review meeting holds
    the agreement review it names."""
    activity_hold_review(activity=obj, acting_user=acting_user)


@transaction.atomic
def activity_hold_review(*, activity: Activity, acting_user) -> Review | None:
    """When a review meeting names the review it holds, the review is held on the
    meeting's start date (and its agreement is among those the meeting serves). A review
    already held keeps its date unless the form asked and the officer agreed
    (``activity._move_review_date``)."""
    review = activity.review
    if review is None or activity.kind != Activity.Kind.REVIEW_MEETING:
        return None
    activity.agreements.add(review.agreement_id)
    if review.state == Review.State.CLOSED or review.held_date == activity.start_date:
        return review
    if review.held_date is not None and not getattr(activity, "_move_review_date", False):
        return review  # held already: its date moves only when the officer said so
    return agreement_services.review_hold(
        review=review, held_date=activity.start_date, acting_user=acting_user
    )
