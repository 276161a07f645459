from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from doingoai.core.registry import RecordKind, Related, register

from . import services
from .filtersets import AgreementFilterSet, CommitmentFilterSet, ReviewFilterSet
from .forms import AgreementForm, CommitmentForm, ReviewForm
from .models import Agreement, Commitment, Review
from .tables import AgreementTable, CommitmentTable, ReviewTable


@register
class AgreementKind(RecordKind):
    model = Agreement
    slug = "agreements"
    name_reads = ()  # named by its own fields
    form_class = AgreementForm
    filterset_class = AgreementFilterSet
    #: the form refuses an agreement without a Vietnamese party or a partner party
    api_required_lists = ("units", "partners")
    table_class = AgreementTable
    list_select_related = ["unit"]
    # each one's renewals with the page's, for its status (Agreement.successor)
    list_prefetch_related = [
        Prefetch(
            "renewals", queryset=Agreement._base_manager.order_by("pk"), to_attr="listed_renewals"
        )
    ]
    detail_fields = [
        "title",
        "kind",
        "reference",
        "unit",
        "units",
        "partners",
        "signed_date",
        "signed_place",
        "start_date",
        "end_date",
        "status_override",
        "areas",
        "summary",
        "renews",
        "shared_with",
        "notes",
    ]
    detail_select_related = ["unit", "renews"]
    export_fields = [
        "title",
        "kind",
        "reference",
        "unit",
        "units",
        "partners",
        "signed_date",
        "start_date",
        "end_date",
        "status",
        "areas",
        "renews",
    ]
    ordering = ["-signed_date", "-pk"]
    menu_order = 30
    attachment_kinds = ["signed", "document", "photo"]
    related = [Related(_("Renewed by"), "agreements", "renews")]
    save_steps = [services.reviews_follow_dates]


@register
class CommitmentKind(RecordKind):
    model = Commitment
    slug = "commitments"
    name_reads = ()  # named by its own fields
    form_class = CommitmentForm
    filterset_class = CommitmentFilterSet
    table_class = CommitmentTable
    list_select_related = ["agreement"]
    detail_fields = ["agreement", "description", "responsible", "due_date", "state", "notes"]
    detail_select_related = ["agreement"]
    export_fields = ["agreement", "description", "responsible", "due_date", "state"]
    ordering = ["due_date", "pk"]
    nav_group = "hidden"


@register
class ReviewKind(RecordKind):
    model = Review
    slug = "reviews"
    form_class = ReviewForm
    filterset_class = ReviewFilterSet
    table_class = ReviewTable
    list_select_related = ["agreement"]
    detail_fields = [
        "agreement",
        "kind",
        "scheduled_date",
        "held_date",
        "state",
        "findings",
        "rating",
        "closed_by",
        "closed_at",
        "notes",
    ]
    detail_select_related = ["agreement", "closed_by"]
    export_fields = [
        "agreement",
        "kind",
        "scheduled_date",
        "held_date",
        "state",
        "rating",
        "findings",
    ]
    ordering = ["scheduled_date", "pk"]
    nav_group = "hidden"
