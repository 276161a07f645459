from django.utils.translation import gettext_lazy as _

from doingoai.core.registry import RecordKind, Related, register

from .filtersets import PartnerContactFilterSet, PartnerFilterSet
from .forms import PartnerContactForm, PartnerForm
from .models import Partner, PartnerContact
from .tables import PartnerContactTable, PartnerTable


@register
class PartnerKind(RecordKind):
    model = Partner
    slug = "partners"
    name_reads = ()  # named by its own fields
    form_class = PartnerForm
    filterset_class = PartnerFilterSet
    table_class = PartnerTable
    list_select_related = ["unit"]
    detail_fields = [
        "name_vi",
        "name_en",
        "name_local",
        "acronym",
        "aliases",
        "kind",
        "level",
        "country",
        "subdivision",
        "city",
        "parent",
        "working_units",
        "tags",
        "website",
        "email",
        "phone",
        "address",
        "relationship_since",
        "description",
        "unit",
        "notes",
    ]
    detail_select_related = ["parent", "unit"]
    export_fields = [
        "name_vi",
        "name_en",
        "name_local",
        "acronym",
        "aliases",
        "kind",
        "country",
        "subdivision",
        "city",
        "parent",
        "website",
        "email",
        "phone",
        "unit",
    ]
    ordering = ["name_vi", "pk"]
    menu_order = 20
    related = [
        Related(_("Contacts"), "contacts", "partner"),
        Related(_("Member organizations"), "partners", "parent"),
    ]


@register
class PartnerContactKind(RecordKind):
    model = PartnerContact
    slug = "contacts"
    form_class = PartnerContactForm
    filterset_class = PartnerContactFilterSet
    table_class = PartnerContactTable
    list_select_related = ["partner"]
    detail_fields = ["partner", "name", "position", "email", "phone", "language", "notes"]
    detail_select_related = ["partner"]
    export_fields = ["name", "position", "partner", "email", "phone", "language"]
    ordering = ["name", "pk"]
    nav_group = "hidden"
    has_attachments = False
