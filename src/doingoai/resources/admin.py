from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ExchangeRate, Resource


@admin.register(Resource)
class ResourceAdmin(SimpleHistoryAdmin):
    list_display = (
        "title",
        "direction",
        "kind",
        "unit",
        "date",
        "amount",
        "currency",
        "amount_vnd",
        "amount_usd",
    )
    list_filter = ("direction", "kind", "stage", "currency")
    search_fields = ("search_text",)
    raw_id_fields = ("unit", "partner", "agreement", "activity")
    filter_horizontal = ("shared_with",)


@admin.register(ExchangeRate)
class ExchangeRateAdmin(SimpleHistoryAdmin):
    list_display = ("currency", "date", "vnd_per_unit", "source")
    list_filter = ("currency",)
