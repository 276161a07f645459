"""Django's admin site: for system admins only (``User.save`` keeps is_staff in step)."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import Term, Unit, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = BaseUserAdmin.fieldsets + (
        ("doingoai", {"fields": ("unit", "role", "full_name", "position")}),
    )
    list_display = ("username", "full_name", "unit", "role", "is_active")
    list_filter = ("role", "is_active")
    raw_id_fields = ("unit",)


@admin.register(Unit)
class UnitAdmin(SimpleHistoryAdmin):
    list_display = ("name", "code", "level", "parent", "successor", "valid_to")
    list_filter = ("level",)
    search_fields = ("name", "code", "search_text")
    raw_id_fields = ("parent", "successor")


admin.site.register(Term, SimpleHistoryAdmin)
