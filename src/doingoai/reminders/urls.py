from django.urls import path

from . import views

urlpatterns = [
    path("", views.reminder_list, name="reminders"),
    path("<int:pk>/done/", views.reminder_done, name="reminder_done"),
    path("<int:pk>/later/", views.reminder_later, name="reminder_later"),
    path("bell/", views.reminder_bell, name="reminder_bell"),
    path("settings/", views.reminder_settings, name="reminder_settings"),
]
