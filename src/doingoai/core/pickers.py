"""Type-ahead pickers for relations to large record kinds.

A form field that chooses among partners, agreements, activities or units would
otherwise list every record in the user's scope (a hundred thousand partners at
national scale). When the field's scoped queryset holds more than
``settings.PICKER_THRESHOLD`` records (default 200), its widget renders only the
chosen records, in a ``<select>`` that submits as before (``partners=1&partners=2``),
and a search box; typing asks ``/pick/<slug>/?q=...`` (HTMX) for the first matches
in ``Kind.scoped(user, action)``, and ``js/picker.js`` moves the chosen one into the
select. Without JavaScript the selected options still submit and the search box
takes record numbers ("12, 40").

Validation is unchanged: the field's queryset decides what may be submitted, so an
id outside the user's scope gets the usual "select a valid choice" message.

The size is checked when the widget renders (``LIMIT threshold + 1``, not a full
count), so a form that narrows a queryset after ``RecordForm.__init__`` (the
agreement form's "shared with" provinces) keeps every choice in the page.

A many-to-many field with fewer choices (the 105 units of a province, the users who
may handle a case) gets the same chips and type-ahead without asking the server: the
``<select multiple>`` holds every choice, ``js/picker.js`` hides it, shows the chosen
ones as removable chips and filters the choices as the user types (diacritics
optional: "dak lak" finds "Đắk Lắk"). Without JavaScript it stays the plain list.
``chips(field)`` gives any multiple choice field this widget; ``RecordForm`` does it
for every one.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import CharField, Q, TextField
from django.forms.models import ModelChoiceIterator
from django.forms.utils import flatatt
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .scope import CHANGE, VIEW
from .text import fold

DEFAULT_THRESHOLD = 200
RESULTS = 20
#: the search box's name: without JavaScript it carries typed record numbers
PICK_SUFFIX = "__pick"
_SPLIT = re.compile(r"[\s,;]+")


def threshold() -> int:
    return int(getattr(settings, "PICKER_THRESHOLD", DEFAULT_THRESHOLD))


def has_validity(model) -> bool:
    """Records that are valid for a period (units: ``valid_from`` .. ``valid_to``)."""
    return any(f.name == "valid_to" for f in model._meta.concrete_fields)


def valid_on(queryset, *dates, keep=()):
    """The records of ``queryset`` valid on any of ``dates`` (today in Việt Nam when none
    is given), and those of ``keep`` (ids: the value a record or a filter already has,
    so an old record whose unit has ended still shows it). A model without a validity
    period is returned as it is."""
    model = queryset.model
    if not has_validity(model):
        return queryset
    names = {f.name for f in model._meta.concrete_fields}
    cond = Q(pk__in=[])
    for on in dict.fromkeys(d for d in (dates or (timezone.localdate(),)) if d):
        valid = Q(valid_to__isnull=True) | Q(valid_to__gte=on)
        if "valid_from" in names:
            valid &= Q(valid_from__isnull=True) | Q(valid_from__lte=on)
        cond |= valid
    pk_field = model._meta.pk
    kept = []
    for value in keep:
        if value in ("", None):
            continue
        try:
            kept.append(pk_field.to_python(getattr(value, "pk", value)))
        except ValidationError:
            continue
    if kept:
        cond |= Q(pk__in=kept)
    return queryset.filter(cond)


def wants_historical(data) -> bool:
    """``historical=1`` (a link, the filter's checkbox): offer units that have ended too."""
    return str((data or {}).get("historical") or "").lower() in ("1", "on", "true", "yes")


class OfferedChoices(ModelChoiceIterator):
    """The choices a widget offers when they are fewer than the field accepts:
    ``offer(field.queryset)``, worked out when the widget renders (after a form's own
    ``__init__`` has set its initial values)."""

    def __init__(self, field, offer):
        self.field = field
        self.offer = offer

    @property
    def queryset(self):
        return self.offer(self.field.queryset)


def is_large(queryset, limit: int | None = None) -> bool:
    """More than ``limit`` rows? ``COUNT(*)`` over ``LIMIT limit + 1``, never a full count."""
    limit = threshold() if limit is None else limit
    return queryset.order_by()[: limit + 1].count() > limit


class PickerMixin:
    """Mixed into a Select / SelectMultiple: a picker when the choices are many."""

    picker_slug: str = ""
    picker_action: str = VIEW
    #: the search also finds units whose validity has ended (``historical=1``)
    picker_historical: bool = False

    def picker_queryset(self):
        return getattr(self.choices, "queryset", None)

    def picker_active(self) -> bool:
        qs = self.picker_queryset()
        return bool(self.picker_slug) and qs is not None and is_large(qs)

    def picker_url(self, name: str) -> str:
        params = {"field": name}
        if self.picker_action != VIEW:
            params["action"] = self.picker_action
        if self.picker_historical:
            params["historical"] = "1"
        return f"{reverse('pick', args=[self.picker_slug])}?{urlencode(params)}"

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        typed = [t for t in _SPLIT.split(data.get(name + PICK_SUFFIX) or "") if t]
        if not typed:
            return value
        if self.allow_multiple_selected:
            value = list(value or [])
            return value + [t for t in typed if t not in value]
        return typed[-1]

    def value_omitted_from_data(self, data, files, name):
        return super().value_omitted_from_data(data, files, name) and (
            name + PICK_SUFFIX not in data
        )

    def selected_options(self, value) -> list[tuple[str, str]]:
        """(value, label) of the chosen records that the field's queryset allows."""
        qs = self.picker_queryset()
        pk_field = qs.model._meta.pk
        wanted = []
        for v in self.format_value(value):
            if v in ("", None):
                continue
            try:
                wanted.append(pk_field.to_python(v))
            except ValidationError:
                continue
        if not wanted:
            return []
        found = {obj.pk: obj for obj in qs.filter(pk__in=wanted)}
        return [(str(pk), str(found[pk])) for pk in dict.fromkeys(wanted) if pk in found]

    def render(self, name, value, attrs=None, renderer=None):
        if not self.picker_active():
            if self.allow_multiple_selected:
                return self.render_local(name, value, attrs, renderer)
            return super().render(name, value, attrs=attrs, renderer=renderer)
        final = self.build_attrs(self.attrs, attrs)
        final.pop("size", None)
        final["name"] = name
        final["class"] = f"{final.get('class', '')} picker-select".strip()
        base_id = final.get("id") or f"id_{name}"
        final["id"] = base_id
        options = self.selected_options(value)
        if self.allow_multiple_selected:
            final["multiple"] = True
            final["size"] = max(2, min(len(options), 6))
            empty = ""
        else:
            empty = format_html('<option value="">{}</option>', "---------")
        chosen = format_html_join("", '<option value="{}" selected>{}</option>', options)
        search_id = f"{base_id}_search"
        results_id = f"{base_id}_results"
        search = format_html(
            '<input type="text" name="{}" id="{}" class="picker-search" autocomplete="off"'
            ' placeholder="{}" role="combobox" aria-autocomplete="list" aria-expanded="false"'
            ' aria-controls="{}" hx-get="{}" hx-trigger="input changed delay:250ms"'
            ' hx-target="#{}" hx-swap="innerHTML" hx-sync="this:replace">',
            name + PICK_SUFFIX,
            search_id,
            _("Type to search…"),
            results_id,
            self.picker_url(name),
            results_id,
        )
        return format_html(
            '<div class="picker" data-picker id="{}_picker" data-remove-label="{}">'
            "<select{}>{}{}</select>"
            '<ul class="picker-chosen" aria-live="polite"></ul>{}'
            '<noscript><small class="help">{}</small></noscript>'
            '<ul class="picker-results" id="{}" role="listbox"></ul></div>',
            base_id,
            _("Remove"),
            flatatt(final),
            empty,
            chosen,
            search,
            _("To add records, enter their numbers separated by commas."),
            results_id,
        )

    def render_local(self, name, value, attrs, renderer):
        """Every choice in the select; chips and type-ahead in the browser."""
        attrs = dict(attrs or {})
        attrs["class"] = f"{self.attrs.get('class', '')} picker-select".strip()
        base_id = attrs.get("id") or self.attrs.get("id") or f"id_{name}"
        attrs["id"] = base_id
        select = super().render(name, value, attrs=attrs, renderer=renderer)
        return format_html(
            '<div class="picker picker-local" data-picker data-local id="{}_picker"'
            ' data-remove-label="{}" data-none-label="{}" data-more-label="{}">{}'
            '<ul class="picker-chosen" aria-live="polite"></ul>'
            '<input type="text" id="{}_search" class="picker-search" autocomplete="off" hidden'
            ' placeholder="{}" role="combobox" aria-autocomplete="list" aria-expanded="false"'
            ' aria-controls="{}_results">'
            '<ul class="picker-results" id="{}_results" role="listbox"></ul></div>',
            base_id,
            _("Remove"),
            _("No matches."),
            _("Showing the first %(n)d matches; type more to narrow.") % {"n": RESULTS},
            select,
            base_id,
            _("Type to search…"),
            base_id,
            base_id,
        )


class PickerSelect(PickerMixin, forms.Select):
    pass


class PickerSelectMultiple(PickerMixin, forms.SelectMultiple):
    pass


PICKER_WIDGETS = {forms.Select: PickerSelect, forms.SelectMultiple: PickerSelectMultiple}


def chips(field) -> None:
    """A multiple choice field that is not a picker yet: chips and type-ahead over its
    choices (``render_local``)."""
    widget = getattr(field, "widget", None)
    if type(widget) is forms.SelectMultiple:
        widget.__class__ = PickerSelectMultiple


def attach(field, name: str, *, action: str = VIEW, widgets=None) -> bool:
    """Give a model choice field a picker widget when its model is a registered kind.
    The widget decides when it renders whether the choices are many enough."""
    from .registry import kind_for_model

    if not isinstance(field, forms.ModelChoiceField):
        return False
    if field.to_field_name not in (None, "pk", field.queryset.model._meta.pk.name):
        return False  # the picker speaks primary keys
    picker_class = (widgets or PICKER_WIDGETS).get(type(field.widget))
    if picker_class is None:  # hidden inputs, radio buttons, checkboxes: left alone
        return False
    kind = kind_for_model(field.queryset.model)
    if kind is None:
        return False
    field.widget.__class__ = picker_class
    field.widget.picker_slug = kind.slug
    field.widget.picker_action = CHANGE if action == CHANGE else VIEW
    return True


# ---------------------------------------------------------------- the endpoint


def _has_search_text(model) -> bool:
    return any(f.name == "search_text" for f in model._meta.concrete_fields)


def _text_fields(kind) -> list[str]:
    """Lookups a kind without ``search_text`` is searched on: its declared
    ``search_fields``, else its own text fields."""
    if kind.search_fields:
        return list(kind.search_fields)
    return [
        f.name
        for f in kind.model._meta.concrete_fields
        if isinstance(f, (CharField, TextField))
        and not f.choices
        and f.editable
        and f.name != "password"
    ]


def _parents_with_text(model) -> list[str]:
    """Foreign keys to models that keep ``search_text``: a review is found by the
    title of its agreement, a contact by the name of its partner."""
    return [
        f.name
        for f in model._meta.concrete_fields
        if f.many_to_one and f.related_model is not model and _has_search_text(f.related_model)
    ]


def matching(kind, queryset, query: str):
    """Records of ``queryset`` matching every word of ``query``: on the folded
    ``search_text`` when the model keeps one, else on its text fields (and the
    ``search_text`` of the records it belongs to); a number also matches the record
    with that id."""
    model = queryset.model
    cond = Q()
    if _has_search_text(model):
        for word in fold(query).split():
            cond &= Q(search_text__contains=word)
    else:
        fields = _text_fields(kind)
        parents = _parents_with_text(model)
        for word in query.split():
            any_field = Q(pk__in=[])
            for f in fields:
                any_field |= Q(**{f"{f}__icontains": word})
            if fold(word):
                for parent in parents:
                    any_field |= Q(**{f"{parent}__search_text__contains": fold(word)})
            cond &= any_field
    if query.strip().isdigit():
        cond |= Q(pk=int(query.strip()))
    return queryset.filter(cond)


def find(kind, user, query: str, *, action: str = VIEW, limit: int = RESULTS, historical=False):
    """The first ``limit`` records of ``kind`` in the user's scope matching ``query``
    (and whether there are more); names that start with the query come first. Units
    whose validity has ended only with ``historical``."""
    from .searchindex import filter_queryset

    scoped = kind.scoped(user, action)
    if not historical:
        scoped = valid_on(scoped)
    if kind.list_select_related:
        scoped = scoped.select_related(*kind.list_select_related)
    found = list(kind.sorted(matching(kind, scoped, query))[: limit + 1])
    if len(found) <= limit:
        # other spellings ("champasac", "Xekong") through the search index
        more = filter_queryset(scoped, query)
        if more is not None:
            seen = [obj.pk for obj in found]
            found += list(kind.sorted(more.exclude(pk__in=seen))[: limit + 1 - len(found)])
    has_more = len(found) > limit
    found = found[:limit]
    folded = fold(query)
    found.sort(key=lambda obj: not fold(str(obj)).startswith(folded))
    return found, has_more


def pick(request, slug):
    """``/pick/<slug>/?q=...&field=...[&action=change][&historical=1][&format=json]``."""
    from .registry import REGISTRY

    kind = REGISTRY.get(slug)
    if kind is None:
        raise Http404
    action = CHANGE if request.GET.get("action") == CHANGE else VIEW
    field = request.GET.get("field", "")
    query = (request.GET.get("q") or request.GET.get(field + PICK_SUFFIX) or "").strip()[:200]
    historical = wants_historical(request.GET)
    found, has_more = (
        find(kind, request.user, query, action=action, historical=historical)
        if query
        else ([], False)
    )
    if request.GET.get("format") == "json":
        return JsonResponse(
            {"results": [{"id": obj.pk, "text": str(obj)} for obj in found], "more": has_more}
        )
    if not query:
        return HttpResponse("")
    items = format_html_join(
        "",
        '<li role="option"><button type="button" class="picker-option" data-value="{}">'
        "{}</button></li>",
        ((obj.pk, str(obj)) for obj in found),
    )
    if not found:
        note = format_html('<li class="picker-note">{}</li>', _("No matches."))
    elif has_more:
        note = format_html(
            '<li class="picker-note">{}</li>',
            _("Showing the first %(n)d matches; type more to narrow.") % {"n": RESULTS},
        )
    else:
        note = ""
    return HttpResponse(mark_safe(items + note))
