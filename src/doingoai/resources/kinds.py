from doingoai.core.registry import RecordKind, register

from . import services
from .filtersets import ExchangeRateFilterSet, ResourceFilterSet
from .forms import ExchangeRateForm, ResourceForm
from .models import ExchangeRate, Resource
from .tables import ExchangeRateTable, ResourceTable


@register
class ResourceKind(RecordKind):
    model = Resource
    slug = "resources"
    name_reads = ()  # named by its own fields
    form_class = ResourceForm
    filterset_class = ResourceFilterSet
    table_class = ResourceTable
    list_select_related = ["unit", "partner"]
    detail_fields = [
        "title",
        "direction",
        "kind",
        "quantity",
        "unit_value",
        "currency",
        "date",
        "stage",
        "beneficiaries",
        "beneficiaries_count",
        "partner",
        "unit",
        "agreement",
        "activity",
        "shared_with",
        "notes",
    ]
    detail_select_related = ["unit", "partner", "agreement", "activity"]
    export_fields = [
        "title",
        "direction",
        "kind",
        "date",
        "stage",
        "quantity",
        "unit_value",
        "amount",
        "currency",
        "amount_vnd",
        "amount_usd",
        "rate_note",
        "partner",
        "unit",
        "agreement",
        "activity",
        "beneficiaries",
        "beneficiaries_count",
    ]
    ordering = ["-date", "-pk"]
    list_order_index = "resource_date_id"
    menu_order = 50
    attachment_kinds = ["document", "photo"]


@register
class ExchangeRateKind(RecordKind):
    model = ExchangeRate
    slug = "rates"
    form_class = ExchangeRateForm
    filterset_class = ExchangeRateFilterSet
    table_class = ExchangeRateTable
    detail_fields = ["currency", "date", "vnd_per_unit", "source", "notes"]
    export_fields = ["currency", "date", "vnd_per_unit", "source"]
    ordering = ["currency", "-date", "-pk"]
    nav_group = "admin"
    menu_order = 80
    has_attachments = False
    save_steps = [services.equivalents_follow_rate]
