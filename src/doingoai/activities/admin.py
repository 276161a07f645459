from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Activity, ActivityPlace, DelegationMember


class PlaceInline(admin.TabularInline):
    model = ActivityPlace
    extra = 0


class MemberInline(admin.TabularInline):
    model = DelegationMember
    extra = 0
    raw_id_fields = ("unit",)


@admin.register(Activity)
class ActivityAdmin(SimpleHistoryAdmin):
    list_display = ("title", "kind", "unit", "start_date", "end_date")
    list_filter = ("kind", "format")
    search_fields = ("search_text",)
    raw_id_fields = ("unit", "review", "parent")
    filter_horizontal = ("units", "partners", "agreements", "shared_with")
    inlines = [PlaceInline, MemberInline]
