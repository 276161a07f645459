from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import NewsItem


@admin.register(NewsItem)
class NewsItemAdmin(SimpleHistoryAdmin):
    list_display = ("title", "published", "status", "unit", "activity")
    list_filter = ("status",)
    search_fields = ("search_text",)
    raw_id_fields = ("unit", "activity")
    readonly_fields = ("fingerprint", "extraction")
