"""Pages that are not a record kind's generic views."""

from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.shortcuts import render

from .registry import REGISTRY


def dashboard(request):
    counts = []
    for kind in sorted(REGISTRY.values(), key=lambda k: k.menu_order):
        if kind.nav_group != "records":
            continue
        counts.append({"kind": kind, "count": kind.scoped(request.user).count()})
    return render(request, "dashboard.html", {"counts": counts})


@login_not_required
def healthz(request):
    return JsonResponse({"ok": True})
