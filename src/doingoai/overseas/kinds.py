from django.utils.translation import gettext_lazy as _

from doingoai.core.registry import RecordKind, Related, register

from .filtersets import OverseasOrganizationFilterSet
from .forms import OverseasOrganizationForm
from .models import OverseasOrganization
from .tables import OverseasOrganizationTable


@register
class OverseasOrganizationKind(RecordKind):
    model = OverseasOrganization
    slug = "overseas"
    name_reads = ()  # named by its own fields
    form_class = OverseasOrganizationForm
    filterset_class = OverseasOrganizationFilterSet
    table_class = OverseasOrganizationTable
    list_select_related = ["unit"]
    detail_fields = [
        "name_vi",
        "name_local",
        "country",
        "city",
        "founded",
        "founded_with_support",
        "status",
        "leaders",
        "contacts",
        "members",
        "unit",
        "mission",
        "shared_with",
        "notes",
    ]
    detail_select_related = ["unit", "mission"]
    related = [  # each in the reader's scope
        Related(_("Support activities"), "activities", "supported_overseas_organizations"),
        Related(_("Support given"), "resources", "supported_overseas_organizations"),
        Related(_("Events taken part in"), "activities", "overseas_participants"),
    ]
    export_fields = [
        "name_vi",
        "name_local",
        "country",
        "city",
        "founded",
        "founded_with_support",
        "status",
        "leaders",
        "contacts",
        "members",
        "unit",
        "mission",
    ]
    ordering = ["country", "name_vi", "pk"]
    menu_order = 55
