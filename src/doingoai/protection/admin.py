"""The second factor's devices on Django's admin site, without their secrets.

django-otp's own admin pages show a TOTP device's key, its QR code and the recovery
codes; here a system administrator sees only whose device it is, its name and when it
was made and last used, and may delete one (a handler who lost her phone and her
recovery codes then sets up a new app at her next sign-in; the deletion is written in
the access log of her cases). Nothing of a case is on the
admin site: the protection models are not registered at all."""

from django.contrib import admin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

SHOWN = ["user", "name", "confirmed", "created_at", "last_used_at"]


class DeviceAdmin(admin.ModelAdmin):
    list_display = SHOWN
    list_filter = ["confirmed"]
    search_fields = ["user__username", "user__full_name"]
    fields = SHOWN
    readonly_fields = SHOWN

    def has_add_permission(self, request):
        return False  # a device is set up by its owner, scanning her own key

    def has_change_permission(self, request, obj=None):
        return False

    def delete_model(self, request, obj):
        logged_on_her_cases(request, [obj])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        logged_on_her_cases(request, list(queryset))
        super().delete_queryset(request, queryset)


def logged_on_her_cases(request, devices) -> None:
    """Deleting a handler's device lets whoever holds her password set up a new one: the
    deletion is written in the access log of every case she handles, for her to see."""
    from .models import CaseAccess, ProtectionCase
    from .services import log

    for device in devices:
        for case in ProtectionCase.objects.filter(handlers=device.user_id):
            log(
                case=case,
                user=request.user,
                part=CaseAccess.Part.DEVICE,
                verb=CaseAccess.Verb.CHANGE,
                request=request,
                detail=device.user.get_username(),  # whose app or codes were deleted
            )


for model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, DeviceAdmin)
