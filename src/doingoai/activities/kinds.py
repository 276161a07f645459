from django.db.models import Prefetch

from doingoai.core.registry import RecordKind, register

from . import services
from .filtersets import ActivityFilterSet
from .forms import ActivityForm
from .models import Activity
from .tables import ActivityTable


@register
class ActivityKind(RecordKind):
    model = Activity
    slug = "activities"
    name_reads = ()  # named by its own fields
    form_class = ActivityForm
    filterset_class = ActivityFilterSet
    table_class = ActivityTable
    list_select_related = ["unit"]
    # a list on each record (``ActivityTable.render_places``), not a queryset made per
    # record by Django's prefetch: 25 of them were 4-5 ms of a list page
    list_prefetch_related = [Prefetch("places", to_attr="listed_places")]
    detail_fields = [
        "title",
        "kind",
        "format",
        "start_date",
        "end_date",
        "unit",
        "units",
        "partners",
        "agreements",
        "review",
        "parent",
        "state",
        "main_purpose",
        "purpose",
        "funding_source",
        "estimated_cost",
        "gifts_planned",
        "decision_number",
        "decision_date",
        "decision_body",
        "returned_date",
        "report_due_date",
        "report",
        "report_agreed",
        "report_proposals",
        "topics",
        "participants_total",
        "participants_women",
        "outcomes",
        "press_links",
        "shared_with",
        "notes",
    ]
    detail_select_related = ["unit", "review", "review__agreement", "parent"]
    export_fields = [
        "title",
        "kind",
        "format",
        "start_date",
        "end_date",
        "unit",
        "units",
        "main_purpose",
        "places_label",
        "partners",
        "agreements",
        "topics",
        "participants_total",
        "participants_women",
        "outcomes",
        "press_links",
    ]
    ordering = ["-start_date", "-pk"]
    list_order_index = "activity_start_id"
    menu_order = 40
    attachment_kinds = ["photo", "document"]  # the scanned decision is a document
    related = []  # the events of a trip are shown by activities/activity_panels.html
    save_steps = [services.meeting_holds_review]
