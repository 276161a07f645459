import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from doingoai.core.tables import LinkColumn, RecordTable

from .models import Activity


class ActivityTable(RecordTable):
    title = LinkColumn()
    places = tables.Column(verbose_name=_("places"), empty_values=(), orderable=False)
    #: a row shows its unit's name; its places are saved with it (core.tables)
    row_topics = ("organization",)

    class Meta(RecordTable.Meta):
        model = Activity
        fields = ["title", "kind", "start_date", "end_date", "unit", "places"]
        sequence = fields

    def render_places(self, record):
        places = getattr(record, "listed_places", None)  # prefetched by the list
        if places is None:
            places = record.places.all()
        return "; ".join(str(p) for p in places) or "—"
