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

from . import services
from .forms import ImportForm, NewPartnerForm, ResourceDraftForm, WriteForm
from .highlight import FIELD_LABELS, highlight
from .kinds import NewsItemKind
from .models import NewsItem

NewPartnerFormSet = formset_factory(NewPartnerForm, extra=0)
ResourceFormSet = formset_factory(ResourceDraftForm, extra=1)

LEGEND = ["start_date", "kind", "units", "partners", "places", "agreement", "amounts"]


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

    if item.activity_id:
        messages.info(request, _("This article's activity is already recorded."))
        return HttpResponseRedirect(item.activity.get_absolute_url())
    draft = services.draft_from_item(item, request.user)
    partner_names = [(m.name, m.name) for m in draft["partners"]]
    data = request.POST if request.method == "POST" else None
    form = ActivityForm(data, initial=draft["initial"], user=request.user)
    events = next((i for i in form.inlines if i.prefix == "events"), None)
    if data is None:  # a trip: the events read from its article, inside it
        if events is not None and draft["events"]:
            events.propose(draft["events"])
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
                return HttpResponseRedirect(activity.get_absolute_url())
        else:
            status = 400
    ex = item.extraction or {}
    return render(
        request,
        "news/review.html",
        {
            "item": item,
            "highlighted": highlight(item.body, ex.get("spans")),
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
