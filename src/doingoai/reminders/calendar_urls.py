from django.urls import path

from . import calendar_views as views

urlpatterns = [
    path("", views.calendar_page, name="calendar"),
    path("feed/new/", views.calendar_feed_new, name="calendar_feed_new"),
    path("feed/revoke/", views.calendar_feed_revoke, name="calendar_feed_revoke"),
    path("<str:token>.ics", views.calendar_feed, name="calendar_feed"),
]
