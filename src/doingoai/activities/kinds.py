from django.utils.translation import gettext_lazy as _

from doingoai.core.registry import RecordKind, register
from doingoai.core.scope import VIEW

from .filtersets import ActivityFilterSet
from .forms import ActivityForm
from .models import Activity
from .tables import ActivityTable


@register
class ActivityKind(RecordKind):
    model = Activity
    slug = "activities"
    form_class = ActivityForm
    filterset_class = ActivityFilterSet
    table_class = ActivityTable
    list_select_related = ["unit"]
    list_prefetch_related = ["places"]
    detail_fields = ["title", "kind", "format", "start_date", "end_date", "unit", "units",
                     "partners", "agreements", "review", "parent", "topics",
                     "participants_total", "participants_women", "outcomes", "press_links",
                     "shared_with", "notes"]
    detail_select_related = ["unit", "review", "review__agreement", "parent"]
    export_fields = ["title", "kind", "format", "start_date", "end_date", "unit", "units",
                     "places_label", "partners", "agreements", "topics", "participants_total",
                     "participants_women", "outcomes", "press_links"]
    ordering = ["-start_date", "-pk"]
    menu_order = 40
    attachment_kinds = ["photo", "document"]
    detail_panels = ["activities/activity_panels.html"]
    related = []  # the events of a trip are shown by activities/activity_panels.html
    # a news draft written from the activity (doingoai.news)
    object_actions = [(_("Write news"), "activity_write_news", VIEW)]

    @staticmethod
    def detail_context(obj, user):
        from .pages import activity_context

        return activity_context(obj, user)

    @staticmethod
    def after_save(obj, user, created):
        from .services import activity_hold_review

        activity_hold_review(activity=obj, acting_user=user)



