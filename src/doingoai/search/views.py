"""The search page: one box, every kind, the reader's scope."""

from __future__ import annotations

from functools import partial

from django.shortcuts import render

from doingoai.core.keptquery import reader_topics
from doingoai.core.models import topic_versions_once
from doingoai.core.pagecache import cached_page, respond_shown
from doingoai.core.searchindex import Query

from .ranking import search_keyed


@cached_page
def search_page(request):
    text = (request.GET.get("q") or "").strip()[:200]
    kind = request.GET.get("kind") or None
    groups, keys = (
        search_keyed(request.user, text, kinds=[kind] if kind else None, limit=50 if kind else 10)
        if text
        else ([], None)
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
    page = partial(render, request, template, ctx)
    if keys is None:
        return page()
    # every group as kept under its key: the page shows those and the reader's frame
    return respond_shown(request, (*keys, topic_versions_once(*reader_topics())), page)
