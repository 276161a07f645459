from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Partner, PartnerContact


@admin.register(Partner)
class PartnerAdmin(SimpleHistoryAdmin):
    list_display = ("name_vi", "kind", "country", "subdivision", "unit")
    list_filter = ("kind", "country")
    search_fields = ("search_text",)
    raw_id_fields = ("parent", "unit")
    filter_horizontal = ("working_units",)


admin.site.register(PartnerContact, SimpleHistoryAdmin)
