import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from doingoai.core.tables import LinkColumn, RecordTable

from .models import OverseasOrganization


class OverseasOrganizationTable(RecordTable):
    name_vi = LinkColumn()
    country = tables.Column(verbose_name=_("country"))

    class Meta(RecordTable.Meta):
        model = OverseasOrganization
        fields = ["name_vi", "country", "city", "status", "founded", "members", "unit"]
        sequence = fields

    def render_country(self, record):
        return record.country_label
