"""The search page: one box, every kind, the reader's scope."""

from __future__ import annotations

from django.shortcuts import render

from doingoai.core.pagecache import cached_page
from doingoai.core.searchindex import Query

from .ranking import search


@cached_page
def search_page(request):
    text = (request.GET.get("q") or "").strip()[:200]
    kind = request.GET.get("kind") or None
    groups = (
        search(request.user, text, kinds=[kind] if kind else None, limit=50 if kind else 10)
        if text
        else []
    )
    ctx = {
        "q": text,
        "groups": groups,
        "total": sum(g.count for g in groups),
        "too_short": bool(text) and not Query(text).usable,
        "only_kind": kind,
    }
    template = "search/results.html"
    if request.htmx and not request.htmx.boosted:
        template += "#results"
    return render(request, template, ctx)
