"""A trip recorded in one form: rows typed inline in the activity's form, each becoming
records of their own (the trip's events here; gifts from the resources app through
``hooks.trip_inlines``), saved through the one write path after the trip itself."""

from __future__ import annotations

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from doingoai.agreements.models import Review
from doingoai.core.forms import ShownWhen
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
    events, by row number: those already recorded, then those just saved).

    Editing a trip, the records it already has (``existing()``, those the user may
    change) come first, one row each (``initial_row(record)``), with their id and version
    hidden: a row changed saves its record (a stale one is refused), a row left as it
    was is not saved again; new rows follow."""

    prefix = ""
    title = ""
    row_form: type[forms.Form] = forms.Form
    extra = 3

    def __init__(self, trip_form, data=None):
        self.trip_form = trip_form
        self.records = list(self.existing()) if trip_form.instance.pk else []
        self.by_pk = {r.pk: r for r in self.records}
        factory = formset_factory(self.row_form, extra=self.extra)
        self.formset = factory(
            data,
            prefix=self.prefix,
            initial=[self.initial_row(r) for r in self.records] or None,
            form_kwargs=self.row_kwargs(),
        )

    def propose(self, rows: list[dict], *, extra: int | None = None) -> None:
        """Offer ``rows`` (values of new rows, e.g. the events of a trip read from a
        news article) after the records already there, on a form not yet posted, with
        ``extra`` empty rows after them."""
        factory = formset_factory(self.row_form, extra=self.extra if extra is None else extra)
        self.formset = factory(
            prefix=self.prefix,
            initial=[*(self.initial_row(r) for r in self.records), *rows] or None,
            form_kwargs=self.row_kwargs(),
        )

    def existing(self):
        return []

    def initial_row(self, record) -> dict:
        return {"id": record.pk, "version": record.version}

    def row_kwargs(self) -> dict:
        return {"user": self.trip_form.user}

    def record_of(self, row):
        """The record an existing row edits (None for a new row)."""
        pk = row.cleaned_data.get("id") if getattr(row, "cleaned_data", None) else None
        return self.by_pk.get(pk) if pk else None

    def filled(self) -> list[tuple[int, forms.Form]]:
        """Every row holding a record: those already recorded and those typed (not
        those ticked for removal)."""
        return [
            (n, f)
            for n, f in enumerate(self.formset.forms, 1)
            if getattr(f, "cleaned_data", None)
            and (f.cleaned_data.get("id") or f.has_changed())
            and not f.cleaned_data.get("remove")
        ]

    def rows(self) -> list[tuple[int, forms.Form]]:
        """The rows to save: typed new, or changed (1-based row number, form)."""
        return [
            (n, f)
            for n, f in enumerate(self.formset.forms, 1)
            if f.has_changed()
            and getattr(f, "cleaned_data", None)
            and not f.cleaned_data.get("remove")
        ]

    def removed(self) -> list[tuple[int, forms.Form]]:
        """The rows of records ticked "remove"."""
        return [
            (n, f)
            for n, f in enumerate(self.formset.forms, 1)
            if getattr(f, "cleaned_data", None)
            and f.cleaned_data.get("remove")
            and self.record_of(f) is not None
        ]

    #: the record kind of the rows, for removing them
    def record_kind(self):
        raise NotImplementedError

    def remove(self, acting_user) -> None:
        """Delete the records ticked "remove", through the one delete path, after every
        row is saved (a gift moved away from an event removed is saved first)."""
        from doingoai.core.writing import record_delete

        for n, row in self.removed():
            record = type(self.record_of(row))._base_manager.get(pk=self.record_of(row).pk)
            version = row.cleaned_data.get("version") or 0
            refuse_row(self, n, record_delete, kind=self.record_kind(), obj=record,
                       acting_user=acting_user, version=version)  # fmt: skip

    def check_ids(self) -> None:
        """A row's hidden id must be one of the trip's records the user may change."""
        for f in self.formset.forms:
            pk = f.cleaned_data.get("id") if getattr(f, "cleaned_data", None) else None
            if pk and pk not in self.by_pk:
                f.add_error(None, _("This row is not a record of this trip you may change."))

    def is_valid(self) -> bool:
        if not hasattr(self, "_valid"):
            self._valid = self.formset.is_valid()
            if self._valid:
                self.check_ids()
                self.check()
                self._valid = not any(f.errors for f in self.formset.forms)
        return self._valid

    def check(self) -> None:
        """Validate the filled rows against the trip (errors added to the rows)."""

    def save(self, trip, events, acting_user) -> None:
        raise NotImplementedError


class RowForm(ShownWhen, forms.Form):
    """A row typed inline: left alone (none of ``key_fields`` typed) it is no record.
    A row of a record already there (its hidden ``id``) has changed when a value differs
    from the record's."""

    key_fields: tuple[str, ...] = ()

    id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    remove = forms.BooleanField(label=_("remove"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.initial.get("id"):
            del self.fields["remove"]  # only a record already there is removed

    def has_changed(self) -> bool:
        if self.initial.get("id"):
            return super().has_changed()
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
    shown_when = {
        "review": ("kind", "review_meeting"),
        "move_review_date": ("kind", "review_meeting"),
    }

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
        self.empty_permitted = not self.initial.get("id")  # a record already there is checked
        self.use_required_attribute = False
        reviews = Review.objects.exclude(state=Review.State.CLOSED).select_related("agreement")
        if user is not None:
            reviews = reviews.filter(pk__in=Review.objects.restrict(user, CHANGE).values("pk"))
        self.fields["review"].queryset = reviews
        from doingoai.core.forms import DateInput

        for name in ("start_date", "end_date"):
            self.fields[name].widget = DateInput()


class EventsInline(TripInline):
    """The events within a trip: each new one inherits the trip's partners, agreements,
    units, unit, sharing and places (its own place line replaces the places); one
    already recorded keeps its own and takes the row's kind, title, dates, places and
    review."""

    prefix = "events"
    title = _("Events of this trip")
    row_form = EventRowForm
    extra = 5

    def existing(self):
        return editable_events(self.trip_form.instance, self.trip_form.user)

    def initial_row(self, event) -> dict:
        from .forms import place_line

        if not hasattr(self, "_trip_places"):  # read once for all the rows
            self._trip_places = [place_line(p) for p in self.trip_form.instance.places.all()]
        trip_places = self._trip_places
        places = [place_line(p) for p in event.places.all()]
        return {
            **super().initial_row(event),
            "kind": event.kind,
            "title": event.title,
            "start_date": event.start_date,
            "end_date": event.end_date,
            "places": "" if places == trip_places else "; ".join(places),
            "review": event.review_id,
        }

    def check(self) -> None:
        self.event_forms = []
        trip = self.trip_form
        for n, row in self.rows():
            event = self.record_of(row)
            data = inherited_data(trip, row.cleaned_data, event=event)
            event_form = type(trip)(data, instance=event, user=trip.user, inlines=False)
            if not event_form.is_valid():
                for field, errors in event_form.errors.items():
                    target = field if field in row.fields else None
                    for error in errors:
                        row.add_error(target, error)
            self.event_forms.append((n, event_form))

    def record_kind(self):
        from .kinds import ActivityKind

        return ActivityKind

    def save(self, trip, events, acting_user) -> None:
        from .kinds import ActivityKind

        for n, row in self.filled():
            if self.record_of(row) is not None:
                events[n] = self.record_of(row)
        for n, event_form in self.event_forms:
            event_form.instance.parent = trip
            events[n] = save_row(self, n, ActivityKind, event_form, acting_user)


def editable_events(trip, user):
    """The events of ``trip`` that ``user`` may change, in the order of their rows."""
    # the scope narrows the trip's events itself: ``pk IN (<her scope>)`` made SQLite
    # list every activity in her scope first (a system administrator's: the million of
    # them, ~0.4 s a time, four times a save at 1M)
    events = Activity.objects.all() if user is None else Activity.objects.restrict(user, CHANGE)
    return events.filter(parent=trip).prefetch_related("places").order_by("start_date", "pk")


def save_row(inline: TripInline, n: int, kind, form, acting_user):
    """Save the record of row ``n`` through the one write path; a refusal (a record
    saved by somebody else meanwhile) is told on the row and on the trip's form, and
    saves nothing of the trip."""
    from doingoai.core.writing import record_save

    saved = refuse_row(inline, n, record_save, kind=kind, acting_user=acting_user, form=form)
    return saved.obj


def refuse_row(inline: TripInline, n: int, write, **kwargs):
    """``write(**kwargs)`` for row ``n``; a refusal is told on the row and on the trip's
    form, and saves nothing of the trip."""
    from doingoai.core.writing import CONFLICT, STALE, FieldError, RecordRefused

    try:
        return write(**kwargs)
    except RecordRefused as exc:
        if exc.reason == STALE:
            message = _(
                "%(what)s, row %(n)d: somebody else saved this record after you opened the "
                "form. Nothing was saved; reload the form to edit the current version."
            ) % {"what": inline.title, "n": n}
        else:
            message = _("%(what)s, row %(n)d: %(error)s") % {
                "what": inline.title,
                "n": n,
                "error": "; ".join(str(m) for m in exc.messages),
            }
        inline.formset.forms[n - 1].add_error(None, message)
        inline.trip_form.add_error(None, message)
        raise RecordRefused(CONFLICT, [FieldError(None, message)], form=inline.trip_form) from exc


def current_data(form_class, instance, user, **form_kwargs) -> dict:
    """The values of ``instance`` as its form would post them, to change a few."""
    import datetime as dt

    form = form_class(instance=instance, user=user, **form_kwargs)
    data = {}
    for bound in form:
        value = bound.value()
        if value is None or value is False:
            continue
        if value is True:
            value = "on"
        elif isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, (list, tuple)):
            value = [str(v) for v in value]
        data[bound.name] = value
    return data


def inherited_data(trip_form, row: dict, event=None) -> dict:
    """The activity form data of an event: the trip's values unless the row gives its
    own; an event already recorded keeps its own values beyond the row's."""
    trip = trip_form.cleaned_data

    def pks(name):
        return [o.pk for o in trip.get(name) or []]

    places = (row.get("places") or "").replace(";", "\n") or trip_form.data.get("places", "")
    if event is not None:
        data = current_data(type(trip_form), event, trip_form.user, inlines=False)
        data.update(
            {
                "title": row["title"],
                "kind": row["kind"],
                "start_date": row["start_date"].isoformat(),
                "end_date": row["end_date"].isoformat() if row.get("end_date") else "",
                "places": places,
                "review": row["review"].pk if row.get("review") else "",
                "version": row.get("version") or 0,
            }
        )
        data.pop("move_review_date", None)
        if row.get("move_review_date"):
            data["move_review_date"] = "on"
        return data
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
