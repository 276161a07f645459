from doingoai.core.registry import RecordKind, register

from .filtersets import NewsItemFilterSet
from .forms import NewsItemForm
from .models import NewsItem
from .tables import NewsItemTable


@register
class NewsItemKind(RecordKind):
    model = NewsItem
    slug = "news"
    name_reads = ()  # named by its own fields
    form_class = NewsItemForm
    filterset_class = NewsItemFilterSet
    table_class = NewsItemTable
    list_select_related = ["unit", "activity"]
    detail_fields = [
        "title",
        "published",
        "source_url",
        "source_file",
        "status",
        "unit",
        "activity",
        "notes",
    ]
    detail_select_related = ["unit", "activity"]
    export_fields = [
        "title",
        "published",
        "source_url",
        "source_file",
        "status",
        "unit",
        "activity",
    ]
    ordering = ["-published", "-pk"]
    menu_order = 60
    attachment_kinds = ["document", "photo"]
