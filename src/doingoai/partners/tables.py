import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from doingoai.core.tables import LinkColumn, RecordTable

from .models import Partner, PartnerContact


class PartnerTable(RecordTable):
    name_vi = LinkColumn()
    country = tables.Column(verbose_name=_("country"))

    class Meta(RecordTable.Meta):
        model = Partner
        fields = ["name_vi", "acronym", "kind", "country", "subdivision", "unit"]
        sequence = fields

    def render_country(self, record):
        return record.country_label

    def render_subdivision(self, record):
        return record.subdivision_label


class PartnerContactTable(RecordTable):
    name = LinkColumn()

    class Meta(RecordTable.Meta):
        model = PartnerContact
        fields = ["name", "position", "partner", "email", "phone"]
        sequence = fields
