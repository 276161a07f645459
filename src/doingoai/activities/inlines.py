"""A trip recorded in one form: rows typed inline in the activity's form, each becoming
records of their own (the trip's events here; gifts from the resources app through
``hooks.trip_inlines``), saved through the one write path after the trip itself."""

from __future__ import annotations

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from doingoai.agreements.models import Review
from doingoai.core.scope import CHANGE

from .models import Activity

#: the kinds an event within a trip can be
EVENT_KINDS = [
    (k.value, k.label)
    for k in Activity.Kind
    if k not in (Activity.Kind.DELEGATION_OUT, Activity.Kind.DELEGATION_IN)
]


class TripInline:
    """Rows of one kind typed inside an activity's form. ``prefix`` names the formset,
    ``row_form`` its form; ``check(trip_form)`` validates the rows against the trip's
    values; ``save(trip, events, acting_user)`` writes them (``events`` are the trip's
    events just saved, in row order)."""

    prefix = ""
    title = ""
    row_form: type[forms.Form] = forms.Form
    extra = 3

    def __init__(self, trip_form, data=None):
        self.trip_form = trip_form
        factory = formset_factory(self.row_form, extra=self.extra)
        self.formset = factory(data, prefix=self.prefix, form_kwargs=self.row_kwargs())

    def row_kwargs(self) -> dict:
        return {"user": self.trip_form.user}

    def rows(self) -> list[tuple[int, forms.Form]]:
        """The filled rows (1-based row number, form)."""
        return [
            (n, f)
            for n, f in enumerate(self.formset.forms, 1)
            if f.has_changed() and getattr(f, "cleaned_data", None)
        ]

    def is_valid(self) -> bool:
        if not hasattr(self, "_valid"):
            self._valid = self.formset.is_valid()
            if self._valid:
                self.check()
                self._valid = not any(f.errors for f in self.formset.forms)
        return self._valid

    def check(self) -> None:
        """Validate the filled rows against the trip (errors added to the rows)."""

    def save(self, trip, events, acting_user) -> None:
        raise NotImplementedError


class RowForm(forms.Form):
    """A row typed inline: left alone (none of ``key_fields`` typed) it is no record."""

    key_fields: tuple[str, ...] = ()

    def has_changed(self) -> bool:
        return any(
            str(v).strip()
            for name in self.key_fields
            for v in self.data.getlist(self.add_prefix(name))
            if hasattr(self.data, "getlist")
        ) or any(
            str(self.data.get(self.add_prefix(name)) or "").strip()
            for name in self.key_fields
            if not hasattr(self.data, "getlist")
        )


class EventRowForm(RowForm):
    key_fields = ("title", "start_date", "end_date", "places", "review")

    kind = forms.ChoiceField(label=_("kind"), choices=[("", "—"), *EVENT_KINDS])
    title = forms.CharField(label=_("title"), max_length=400)
    start_date = forms.DateField(label=_("start date"))
    end_date = forms.DateField(label=_("end date"), required=False)
    places = forms.CharField(
        label=_("places"),
        required=False,
        help_text=_("Empty: the trip's places."),
    )
    review = forms.ModelChoiceField(
        label=_("agreement review held"), queryset=Review.objects.none(), required=False
    )
    move_review_date = forms.BooleanField(label=_("move the review's date"), required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.empty_permitted = True
        self.use_required_attribute = False
        reviews = Review.objects.exclude(state=Review.State.CLOSED).select_related("agreement")
        if user is not None:
            reviews = reviews.filter(pk__in=Review.objects.restrict(user, CHANGE).values("pk"))
        self.fields["review"].queryset = reviews
        from doingoai.core.forms import DateInput

        for name in ("start_date", "end_date"):
            self.fields[name].widget = DateInput()


class EventsInline(TripInline):
    """The events within a trip: each inherits the trip's partners, agreements, units,
    unit, sharing and places (its own place line replaces the places)."""

    prefix = "events"
    title = _("Events of this trip")
    row_form = EventRowForm
    extra = 5

    def check(self) -> None:
        self.event_forms = []
        trip = self.trip_form
        for n, row in self.rows():
            data = inherited_data(trip, row.cleaned_data)
            event_form = type(trip)(data, user=trip.user, inlines=False)
            if not event_form.is_valid():
                for field, errors in event_form.errors.items():
                    target = field if field in row.fields else None
                    for error in errors:
                        row.add_error(target, error)
            self.event_forms.append((n, event_form))

    def save(self, trip, events, acting_user) -> None:
        from doingoai.core.writing import record_save

        from .kinds import ActivityKind

        for n, event_form in self.event_forms:
            event_form.instance.parent = trip
            saved = record_save(kind=ActivityKind, acting_user=acting_user, form=event_form)
            events[n] = saved.obj


def inherited_data(trip_form, row: dict) -> dict:
    """The activity form data of an event: the trip's values unless the row gives its own."""
    trip = trip_form.cleaned_data

    def pks(name):
        return [o.pk for o in trip.get(name) or []]

    places = row.get("places") or trip_form.data.get("places", "")
    data = {
        "title": row["title"],
        "kind": row["kind"],
        "format": trip.get("format") or Activity.Format.IN_PERSON,
        "start_date": row["start_date"].isoformat(),
        "end_date": row["end_date"].isoformat() if row.get("end_date") else "",
        "unit": trip["unit"].pk if trip.get("unit") else "",
        "units": pks("units"),
        "partners": pks("partners"),
        "agreements": pks("agreements"),
        "shared_with": pks("shared_with"),
        "places": places,
        "review": row["review"].pk if row.get("review") else "",
        "save_anyway": "on" if trip.get("save_anyway") else "",
    }
    if row.get("move_review_date"):
        data["move_review_date"] = "on"
    return data
