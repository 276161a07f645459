"""News pages beyond the generic views: reading an article in (paste or upload), the
review page that turns it into an activity, and writing a news draft from an
activity."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import formset_factory
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doingoai.activities.kinds import ActivityKind
from doingoai.activities.models import Activity
from doingoai.core.registry import REGISTRY, detail_panel, kind_view
from doingoai.core.scope import ADD, CHANGE, VIEW
from doingoai.core.views import REFUSAL_STATUS
from doingoai.core.writing import RecordRefused

from . import batches, services
from .forms import ImportForm, NewPartnerForm, ResourceDraftForm, WriteForm
from .highlight import FIELD_LABELS, highlight
from .kinds import NewsItemKind
from .models import NewsItem

NewPartnerFormSet = formset_factory(NewPartnerForm, extra=0)
ResourceFormSet = formset_factory(ResourceDraftForm, extra=1)

LEGEND = ["start_date", "kind", "units", "partners", "places", "agreement", "amounts"]

#: the draft's form fields each field the reader fills goes to (amounts: the resources)
DRAFT_FIELDS = {
    "title": ("title",),
    "start_date": ("start_date", "end_date"),
    "kind": ("kind",),
    "units": ("units", "unit"),
    "partners": ("partners",),
    "places": ("places",),
    "countries": ("places",),
    "amounts": (),
}
#: what the officer is told for each reason the reader gives (``extraction.DOUBTS``)
DOUBT_TEXTS = {
    ("title", "none_found"): gettext_lazy("no headline found in the text: write one"),
    ("start_date", "year_missing"): gettext_lazy(
        "the year is written nowhere (text, dateline, publication date): give the year"
    ),
    ("start_date", "year_ambiguous"): gettext_lazy(
        "the year is not written and the day is more than three months from the publication "
        "date: last year's or this year's? give the year"
    ),
    ("start_date", "year_inferred"): gettext_lazy(
        "the year is not written with the day; it was taken from elsewhere in the article: "
        "the sentence, the headline or the anniversary it celebrates"
    ),
    ("start_date", "long_before"): gettext_lazy(
        "the day is written with its year, more than a year before the publication date: "
        "a page posted again later? check the date"
    ),
    ("start_date", "outside_lead"): gettext_lazy(
        "no date in the first sentences; this one was read further down"
    ),
    ("start_date", "in_headline"): gettext_lazy(
        "no date below the headline; this one is written in the line taken for the headline"
    ),
    ("start_date", "none_found"): gettext_lazy("no date found"),
    ("kind", "no_cue"): gettext_lazy("no word of the text says what kind of activity it is"),
    ("kind", "by_model"): gettext_lazy(
        "the kind the statistical model reads from the whole article, not the one its first "
        "cue word names: check it"
    ),
    ("kind", "model_unsure"): gettext_lazy(
        "the statistical model is not sure what kind of activity this is"
    ),
    ("units", "none_found"): gettext_lazy("no unit of the Women's Union found"),
    ("units", "completed"): gettext_lazy(
        "a unit written without its province, completed with a province named elsewhere"
    ),
    ("partners", "none_found"): gettext_lazy(
        "a foreign country takes part but no foreign body is named"
    ),
    ("partners", "by_name_form"): gettext_lazy(
        "a partner recognised only by how its name is written (a foreign-language name, a "
        "mission named after its envoy)"
    ),
    ("partners", "by_model"): gettext_lazy(
        "a partner the rules did not read, found by the statistical model: check it"
    ),
    ("places", "none_found"): gettext_lazy("no place found where it happened"),
    ("places", "outside_lead"): gettext_lazy(
        "no place in the first sentences; those read further down may be background"
    ),
    ("countries", "in_passing"): gettext_lazy(
        "a country named once, further down, by no partner: perhaps only in passing"
    ),
    ("amounts", "direction_guessed"): gettext_lazy(
        "the text does not say who gives the money: the direction is a guess (given when the "
        "headline or the lead sends the gift abroad, received otherwise)"
    ),
    ("amounts", "direction_unknown"): gettext_lazy("who gives the money is not written"),
    ("amounts", "set_aside"): gettext_lazy(
        "some sums look like background (another project, a period's total): they are "
        "listed unticked"
    ),
    ("amounts", "rounded"): gettext_lazy("a rounded figure, perhaps a period's total"),
}


def doubts_of(extraction: dict) -> list[dict]:
    """What the reader is unsure of, in the order of the draft: field, label, reason and
    the anchor of the form field to check (an article read before reasons were kept
    gives its unsure fields without one)."""
    doubts = extraction.get("doubts") or {f: "" for f in extraction.get("unsure") or []}
    out = []
    for name in DRAFT_FIELDS:
        if name not in doubts:
            continue
        targets = DRAFT_FIELDS[name]
        out.append(
            {
                "field": name,
                "label": FIELD_LABELS[name],
                "reason": DOUBT_TEXTS.get((name, doubts[name]), ""),
                "anchor": f"field-{targets[0]}" if targets else "resources",
                "form_fields": targets,
            }
        )
    return out


def unsure_first(form, doubts: list[dict]) -> list[tuple]:
    """The form's visible fields, those the reader is unsure of first (in the draft's
    order), each with the reason to show beside it."""
    reasons: dict[str, str] = {}
    for d in doubts:
        for name in d["form_fields"]:
            reasons.setdefault(name, d["reason"] or _("the reader is not sure"))
    fields = list(form.visible_fields())
    return [(f, reasons[f.name]) for f in fields if f.name in reasons] + [
        (f, None) for f in fields if f.name not in reasons
    ]


def _home_unit(user):
    if user.unit_id:
        return user.unit
    from doingoai.organization.services import central_unit

    return central_unit()


@kind_view(
    NewsItemKind,
    "news_import",
    path="import/",
    detail=False,
    action=ADD,
    label=gettext_lazy("Read an article"),
)
def import_page(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    duplicate = None
    status = 200
    if request.method == "POST":
        if form.is_valid() and form.is_batch():
            return _read_in_background(request, form)
        if form.is_valid():
            try:
                text, filename, published, title = form.article()
                result = services.import_article(
                    text=text,
                    unit=_home_unit(request.user),
                    acting_user=request.user,
                    source_file=filename,
                    source_url=form.cleaned_data.get("source_url") or "",
                    published=published,
                    title=title,
                )
            except ValidationError as exc:
                form.add_error(None, exc)
                status = 400
            else:
                if result.created:
                    return HttpResponseRedirect(reverse("news_review", args=[result.item.pk]))
                duplicate = result.item
        else:
            status = 400
    return render(
        request, "news/import.html", {"form": form, "duplicate": duplicate}, status=status
    )


def _read_in_background(request, form):
    """Several files or archives: kept, and read by the background worker."""
    from django.utils.translation import get_language

    from doingoai.imports import background

    token = background.new_token()
    background.sweep_pending()
    files = batches.keep(form.cleaned_data["file"], token)
    published = form.cleaned_data.get("published")
    entry = {"names": [f["name"] for f in files], "items": None}
    args = (
        token,
        files,
        _home_unit(request.user).pk,
        request.user.pk,
        get_language(),
        published.isoformat() if published else None,
    )
    background.start(request, batches.SESSION_KEY, token, entry, batches.read_articles, *args)
    return HttpResponseRedirect(reverse("news_batch", args=[token]))


@kind_view(NewsItemKind, "news_batch", path="import/<slug:token>/", detail=False, action=ADD)
def batch_page(request, token):
    """Articles read in the background: how far the reading got (polled by HTMX), then
    each article's draft (or the article already imported, or why it could not be
    read), and the drafts to review one after the other."""
    from doingoai.imports import background

    entry = background.entry_of(request, batches.SESSION_KEY, token)
    status = background.read_status(token)
    if status is None and entry.get("items") is None:
        messages.error(request, _("This upload has expired; please upload the file again."))
        return HttpResponseRedirect(reverse("news_import"))
    names = entry["names"]
    context = {
        "name": ", ".join(names[:3]) + (" …" if len(names) > 3 else ""),
        "heading": _("Reading the articles of “%(name)s”")
        % {"name": ", ".join(names[:3]) + (" …" if len(names) > 3 else "")},
        "note": _(
            "The articles are read in the background; each becomes a draft you review "
            "and confirm. You can leave this page and come back."
        ),
    }
    if status is not None:
        waiting = background.progress_page(
            request,
            status,
            template="news/batch.html",
            context=context,
            describe=lambda done, total: (
                _("Reading article %(done)s/%(total)s") % {"done": done, "total": total}
            ),
        )
        if waiting is not None:
            return waiting
        if entry.get("items") is None:  # finished: the session keeps what it made
            results = status.get("results") or []
            if status["state"] != "done":
                results.append({"name": "…", "error": _("The reading stopped; upload again.")})
            entry["results"] = results
            entry["items"] = [r["item"] for r in results if r.get("created")]
            background.remember(request, batches.SESSION_KEY, token, entry)
            background.status_path(token).unlink(missing_ok=True)
    results = entry.get("results") or []
    items = NewsItem.objects.restrict(request.user, VIEW).in_bulk(
        [pk for r in results for pk in (r.get("item"), r.get("copy_of")) if pk]
    )
    rows = [
        {**r, "news": items.get(r.get("item")), "copy_of": items.get(r.get("copy_of"))}
        for r in results
    ]
    pending = batches.waiting(batches.drafts_of(entry))
    return render(
        request,
        "news/batch.html",
        {
            **context,
            "token": token,
            "rows": rows,
            "new": sum(1 for r in rows if r.get("created")),
            "already": sum(1 for r in rows if r.get("item") and not r.get("created")),
            "failed": sum(1 for r in rows if r.get("error")),
            "pending": pending,
            "first_url": _in_batch(pending[0], token) if pending else None,
        },
    )


def _in_batch(pk: int, token: str) -> str:
    return reverse("news_review", args=[pk]) + f"?batch={token}"


def _batch_of(request, item) -> dict | None:
    """Where ``item`` stands in the batch the review page was opened from."""
    token = request.GET.get("batch", "")
    entry = request.session.get(batches.SESSION_KEY, {}).get(token) if token.isalnum() else None
    drafts = batches.drafts_of(entry or {})
    if item.pk not in drafts:
        return None
    at = drafts.index(item.pk)
    pending = batches.waiting(drafts)
    later = [pk for pk in pending if drafts.index(pk) > at] + [
        pk for pk in pending if drafts.index(pk) < at
    ]
    return {
        "token": token,
        "position": at + 1,
        "count": len(drafts),
        "previous": _in_batch(drafts[at - 1], token) if at > 0 else None,
        "next": _in_batch(drafts[at + 1], token) if at + 1 < len(drafts) else None,
        "left": len([pk for pk in pending if pk != item.pk]),
        "then": _in_batch(later[0], token) if later else reverse("news_batch", args=[token]),
        "summary": reverse("news_batch", args=[token]),
    }


def _resource_partner(name: str, matches) -> object:
    for match in matches:
        if match.name == name:
            return match.partner if match.partner is not None else name
    return None


@kind_view(
    NewsItemKind,
    "news_review",
    path="review/",
    action=CHANGE,
    label=gettext_lazy("Review and record the activity"),
)
def review_page(request, item):
    from doingoai.activities.forms import ActivityForm

    batch = _batch_of(request, item)
    if item.activity_id:
        messages.info(request, _("This article's activity is already recorded."))
        if batch is not None:  # on to the next article of the batch
            return HttpResponseRedirect(batch["then"])
        return HttpResponseRedirect(item.activity.get_absolute_url())
    draft = services.draft_from_item(item, request.user)
    partner_names = [(m.name, m.name) for m in draft["partners"]]
    data = request.POST if request.method == "POST" else None
    form = ActivityForm(data, initial=draft["initial"], user=request.user)
    events = next((i for i in form.inlines if i.prefix == "events"), None)
    if data is None:  # a trip: the events read from its article, inside it
        if events is not None and draft["events"]:
            events.propose(draft["events"], extra=1)
        else:
            events = None
    new_partners = NewPartnerFormSet(data, initial=draft["new_partners"], prefix="np")
    resources = ResourceFormSet(
        data,
        initial=draft["resources"],
        prefix="res",
        form_kwargs={"partner_choices": partner_names},
    )
    status = 200
    if data is not None:
        if form.is_valid() and new_partners.is_valid() and resources.is_valid():
            chosen_partners = [
                {k: f.cleaned_data[k] for k in ("name_vi", "kind", "country", "subdivision")}
                for f in new_partners.forms
                if f.cleaned_data.get("create")
            ]
            chosen_resources = []
            for f in resources.forms:
                values = f.cleaned_data
                if not values.get("include"):
                    continue
                chosen_resources.append(
                    {
                        "title": values["title"],
                        "direction": values["direction"],
                        "kind": values["kind"],
                        "quantity": values["quantity"],
                        "unit_value": values["unit_value"],
                        "currency": values["currency"],
                        "partner": _resource_partner(
                            values.get("partner") or "", draft["partners"]
                        ),
                    }
                )
            try:
                activity = services.news_confirm(
                    item=item,
                    activity_form=form,
                    new_partners=chosen_partners,
                    resources=chosen_resources,
                    acting_user=request.user,
                )
            except PermissionDenied:
                form.add_error(None, _("You may not save the activity with these values."))
                status = 403
            except RecordRefused as exc:
                if exc.form is not form:  # a partner or a resource of the article
                    form.add_error(None, "; ".join(exc.messages))
                status = REFUSAL_STATUS[exc.reason]
            except ValidationError as exc:
                form.add_error(None, "; ".join(exc.messages))
                status = 400
            else:
                messages.success(request, _("Saved: %(obj)s") % {"obj": activity})
                if batch is not None:  # on to the next article of the batch
                    return HttpResponseRedirect(batch["then"])
                return HttpResponseRedirect(activity.get_absolute_url())
        else:
            status = 400
    ex = item.extraction or {}
    doubts = doubts_of(ex)
    return render(
        request,
        "news/review.html",
        {
            "item": item,
            "batch": batch,
            "highlighted": highlight(item.body, ex.get("spans"), [d["field"] for d in doubts]),
            "checks": doubts,
            "ordered_fields": unsure_first(form, doubts),
            "legend": [(name, FIELD_LABELS[name]) for name in LEGEND],
            "earlier_copies": services.earlier_copies(item, request.user),
            "form": form,
            "events_inline": events,
            "new_partners": new_partners,
            "resources": resources,
            "matches": draft["partners"],
            "agreement_text": ex.get("agreement"),
            "agreement": draft["agreement"],
            "amounts": ex.get("amounts") or [],
        },
        status=status,
    )


@kind_view(
    ActivityKind, "activity_write_news", path="write-news/", label=gettext_lazy("Write news")
)
def write_page(request, activity):
    """A news draft written from an activity, to edit, copy and save."""
    from .writer import write_article

    can_save = Activity.scope_policy.allows(activity, request.user, CHANGE)
    if request.method == "POST":
        if not can_save:
            raise PermissionDenied
        form = WriteForm(request.POST)
        if form.is_valid():
            try:
                item = services.news_write(
                    activity=activity,
                    title=form.cleaned_data["title"],
                    body=form.cleaned_data["body"],
                    acting_user=request.user,
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Saved: %(obj)s") % {"obj": item})
                return HttpResponseRedirect(item.get_absolute_url())
        status = 400
    else:
        events = list(
            Activity.objects.restrict(request.user, VIEW)
            .filter(parent=activity)
            .order_by("start_date", "pk")
        )
        resources = None
        kind = REGISTRY.get("resources")
        if kind is not None:
            # what was given or received at the activity and at the events of the trip
            resources = list(
                kind.scoped(request.user, VIEW)
                .filter(activity__in=[activity, *events])
                .select_related("partner")
                .order_by("date", "pk")
            )
        title, body = write_article(activity, resources=resources, events=events)
        form = WriteForm(initial={"title": title, "body": body})
        status = 200
    written = NewsItem.objects.restrict(request.user, VIEW).filter(activity=activity)
    return render(
        request,
        "news/write.html",
        {
            "activity": activity,
            "form": form,
            "can_save": can_save,
            "news_items": list(written.order_by("-pk")[:20]),
        },
        status=status,
    )


@detail_panel(NewsItemKind, "news/news_panels.html")
def news_panel(item, user):
    """The detail page of a news item: its text with the facts read from it."""
    ex = item.extraction or {}
    return {
        "highlighted": highlight(item.body, ex.get("spans")),
        "legend": [(name, FIELD_LABELS[name]) for name in LEGEND],
        "facts": ex,
    }
