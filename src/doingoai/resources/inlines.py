"""Gifts and aid handed over on a trip, typed inline in the trip's form
(``activities.hooks.trip_inlines``): one line, several recipients, one resource each."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from doingoai.activities.hooks import activity_resources, trip_inlines
from doingoai.activities.inlines import (
    EventsInline,
    RowForm,
    TripInline,
    editable_events,
    save_row,
)
from doingoai.core import pickers
from doingoai.core.forms import typed_numbers
from doingoai.core.registry import in_order
from doingoai.core.scope import CHANGE, VIEW
from doingoai.partners.models import Partner

from .models import Resource


class GiftRowForm(RowForm):
    key_fields = ("title", "unit_value", "recipients")

    title = forms.CharField(label=_("gift or aid"), max_length=400)
    kind = forms.ChoiceField(label=_("kind"), choices=Resource.Kind, initial="in_kind")
    quantity = forms.DecimalField(label=_("quantity"), initial=1, max_digits=14)
    unit_value = forms.DecimalField(label=_("unit value"), max_digits=20)
    currency = forms.CharField(label=_("currency"), max_length=3, initial="VND")
    recipients = forms.ModelMultipleChoiceField(
        label=_("recipients"),
        queryset=Partner.objects.none(),
        required=False,
        help_text=_("Several: the quantity is shared evenly, one resource each."),
    )
    event = forms.TypedChoiceField(
        label=_("handed over at"), coerce=int, required=False, empty_value=0
    )

    def __init__(self, *args, user=None, event_rows=EventsInline.extra, **kwargs):
        super().__init__(*args, **kwargs)
        self.empty_permitted = not self.initial.get("id")  # a record already there is checked
        self.use_required_attribute = False
        partners = Partner.objects.only("id", "name_vi")
        if user is not None:
            partners = Partner.objects.restrict(user, VIEW).only("id", "name_vi")
        self.fields["recipients"].queryset = in_order(partners)
        self.fields["recipients"].widget.attrs["size"] = 4
        # chips and type-ahead; asking the server when the directory is large
        pickers.attach(self.fields["recipients"], "recipients")
        pickers.chips(self.fields["recipients"])
        self.fields["event"].choices = [(0, _("the trip itself"))] + [
            (n, _("event of row %(n)d") % {"n": n}) for n in range(1, event_rows + 1)
        ]
        for field in self.fields.values():
            typed_numbers(field)

    def clean(self):
        """Several recipients share the quantity evenly, in whole items."""
        data = super().clean()
        recipients, quantity = data.get("recipients") or [], data.get("quantity")
        if len(recipients) > 1 and quantity is not None:
            share = quantity / len(recipients)
            if share != share.to_integral_value() or share <= 0:
                self.add_error(
                    "quantity",
                    _("%(q)s cannot be shared evenly among %(n)d recipients.")
                    % {"q": f"{quantity.normalize():f}", "n": len(recipients)},
                )
        return data


class GiftsInline(TripInline):
    """Gifts handed over on the trip. Editing a trip, each gift already recorded (given
    at the trip or at one of its events) is a row with its one recipient; giving it more
    recipients shares its quantity and makes a resource for each new one."""

    prefix = "gifts"
    title = _("Gifts and aid handed over")
    row_form = GiftRowForm
    extra = 3

    def _events_inline(self):
        return next((i for i in self.trip_form.inlines if i.prefix == "events"), None)

    def _existing_events(self) -> list:
        """The trip's events already recorded, in the order of the events' rows."""
        if not hasattr(self, "_event_records"):
            self._event_records = []
            if self.trip_form.instance.pk:
                trip = self.trip_form.instance
                self._event_records = list(editable_events(trip, self.trip_form.user))
        return self._event_records

    def row_kwargs(self) -> dict:
        return {
            **super().row_kwargs(),
            "event_rows": len(self._existing_events()) + EventsInline.extra,
        }

    def existing(self):
        trip = self.trip_form.instance
        at = [trip.pk] + [e.pk for e in self._existing_events()]
        user = self.trip_form.user
        gifts = Resource.objects.all() if user is None else Resource.objects.restrict(user, CHANGE)
        # narrowed by the scope itself, not ``pk IN (<every record in her scope>)``
        gifts = gifts.filter(activity__in=at, direction=Resource.Direction.GIVEN)
        return gifts.select_related("partner").order_by("date", "pk")

    def initial_row(self, gift) -> dict:
        rows = {e.pk: n for n, e in enumerate(self._existing_events(), 1)}
        return {
            **super().initial_row(gift),
            "title": gift.title,
            "kind": gift.kind,
            "quantity": gift.quantity,
            "unit_value": gift.unit_value,
            "currency": gift.currency,
            "recipients": [gift.partner_id] if gift.partner_id else [],
            "event": rows.get(gift.activity_id, 0),
        }

    def rows(self) -> list:
        """The rows to save: typed new or changed, and a gift whose event moved."""
        out = super().rows()
        changed = {n for n, _f in out}
        for n, row in self.filled():
            gift = self.record_of(row)
            if n in changed or gift is None or not row.cleaned_data.get("title"):
                continue
            event = row.cleaned_data.get("event") or 0
            if self._event_row_filled(event) or not event:
                if self._date(event) != gift.date:
                    out.append((n, row))
        return sorted(out, key=lambda pair: pair[0])

    def record_kind(self):
        from .kinds import ResourceKind

        return ResourceKind

    def check(self) -> None:
        """Each row as the resource forms it will become (the trip's unit, agreement)."""
        self.resource_rows = []
        for _n, row in self.filled():  # a gift kept at an event removed
            event = row.cleaned_data.get("event") or 0
            if event and not self._event_row_filled(event):
                row.add_error("event", _("Row %(n)d of the events is empty.") % {"n": event})
        for n, row in self.rows():
            if row.errors:
                continue  # told above: its event is empty
            event = row.cleaned_data["event"]
            forms_ = self.resource_forms(row.cleaned_data, gift=self.record_of(row))
            for form in forms_:
                if not form.is_valid():
                    for field, errors in form.errors.items():
                        for error in errors:
                            row.add_error(field if field in row.fields else None, error)
            self.resource_rows.append((n, (event, forms_)))

    def resource_forms(self, data: dict, gift=None) -> list:
        """One resource form a recipient (or one without a recipient), sharing the
        quantity evenly; a gift already recorded is the first, keeping its own values
        beyond the row's."""
        from doingoai.activities.inlines import current_data

        from .forms import ResourceForm

        trip = self.trip_form.cleaned_data
        recipients = list(data.get("recipients") or []) or [None]
        share = data["quantity"] / len(recipients)
        agreements = list(trip.get("agreements") or [])
        common = {
            "title": data["title"],
            "direction": Resource.Direction.GIVEN,
            "kind": data["kind"],
            "quantity": str(share),
            "unit_value": str(data["unit_value"]),
            "currency": data["currency"],
            "date": self._date(data["event"]).isoformat(),
            "stage": Resource.Stage.DISBURSED,
            "unit": trip["unit"].pk,
            "agreement": agreements[0].pk if len(agreements) == 1 else "",
            "shared_with": [u.pk for u in trip.get("shared_with") or []],
        }
        user = self.trip_form.user
        forms_ = []
        if gift is not None:
            partner = recipients.pop(0)
            mine = current_data(ResourceForm, gift, user)
            for name in ("title", "kind", "quantity", "unit_value", "currency", "date"):
                mine[name] = common[name]
            mine["partner"] = partner.pk if partner else ""
            mine["version"] = data.get("version") or 0
            forms_.append(ResourceForm(mine, instance=gift, user=user))
        return forms_ + [
            ResourceForm({**common, "partner": partner.pk if partner else ""}, user=user)
            for partner in recipients
        ]

    def _event_rows(self):
        events = self._events_inline()
        return dict(events.filled()) if events is not None and events.is_valid() else {}

    def _event_row_filled(self, n: int) -> bool:
        return n in self._event_rows()

    def _date(self, n: int):
        if n:
            return self._event_rows()[n].cleaned_data["start_date"]
        return self.trip_form.cleaned_data["start_date"]

    def save(self, trip, events, acting_user) -> None:
        from .kinds import ResourceKind

        for n, (event_row, forms_) in self.resource_rows:
            for form in forms_:
                form.instance.activity = events.get(event_row, trip)
                save_row(self, n, ResourceKind, form, acting_user)


@trip_inlines.provide
def gifts_inline():
    return [GiftsInline]


@activity_resources.provide
def resources_of_activity(activity, user) -> list:
    """The resources handed over or received at an activity, in scope (for the trip's
    result report)."""
    from .selectors import activity_resources as of_activity

    return of_activity(activity, user)
