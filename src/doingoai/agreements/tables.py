import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from doingoai.core.tables import LinkColumn, RecordTable

from .models import Agreement, Commitment, Review


class AgreementTable(RecordTable):
    title = LinkColumn()
    status = tables.Column(verbose_name=_("status"), empty_values=(), orderable=False)

    class Meta(RecordTable.Meta):
        model = Agreement
        fields = ["title", "kind", "unit", "signed_date", "start_date", "end_date", "status"]
        sequence = fields

    def render_status(self, record):
        status = record.status()
        return format_html(
            '<span class="badge {}">{}</span>', status, record.get_status_display(status)
        )


class CommitmentTable(RecordTable):
    description = LinkColumn()

    class Meta(RecordTable.Meta):
        model = Commitment
        fields = ["description", "agreement", "responsible", "due_date", "state"]
        sequence = fields


class ReviewTable(RecordTable):
    kind = LinkColumn()

    class Meta(RecordTable.Meta):
        model = Review
        fields = ["kind", "agreement", "scheduled_date", "held_date", "state", "rating"]
        sequence = fields
