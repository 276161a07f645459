"""Pages that are not a record kind's generic views."""

from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse

from .pagecache import cached_page


@cached_page
def dashboard(request):
    """The user's dashboard: figures and charts of a unit and a term or year."""
    from doingoai.reports.views import dashboard as unit_dashboard

    return unit_dashboard(request)


@login_not_required
def healthz(request):
    return JsonResponse({"ok": True})
