from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Agreement, Commitment, Review


@admin.register(Agreement)
class AgreementAdmin(SimpleHistoryAdmin):
    list_display = ("title", "kind", "unit", "signed_date", "start_date", "end_date")
    list_filter = ("kind",)
    search_fields = ("search_text",)
    raw_id_fields = ("unit", "renews")
    filter_horizontal = ("units", "partners", "shared_with")


admin.site.register(Commitment, SimpleHistoryAdmin)
admin.site.register(Review, SimpleHistoryAdmin)
