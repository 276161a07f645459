from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import OverseasOrganization


@admin.register(OverseasOrganization)
class OverseasOrganizationAdmin(SimpleHistoryAdmin):
    list_display = ("name_vi", "country", "city", "status", "founded", "unit")
    list_filter = ("status", "country")
    search_fields = ("search_text",)
    raw_id_fields = ("unit", "mission")
    filter_horizontal = ("support_activities", "support_resources", "events", "shared_with")
