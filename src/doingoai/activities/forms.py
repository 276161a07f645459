from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doingoai.agreements.models import Review
from doingoai.core.countries import country_name, find_country, find_subdivision, subdivisions_of
from doingoai.core.forms import URL_PATTERN, RecordForm, TagsField
from doingoai.core.scope import VIEW

from .models import Activity, ActivityPlace, DelegationMember


def _lines(value: str) -> list[tuple[int, str]]:
    return [
        (i, line.strip()) for i, line in enumerate((value or "").splitlines(), 1) if line.strip()
    ]


class PlacesField(forms.CharField):
    """One place a line: ``country, province/state, city`` (names or ISO codes)."""

    widget = forms.Textarea(attrs={"rows": 4})

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("places"))
        kwargs.setdefault(
            "help_text",
            _(
                "One place a line: country, province or state, city — e.g. “Lào, Chămpasăk, "
                "Pakse” or “LA, LA-AT”. Leave the province empty to give only a city: "
                "“Lào, , Pakse”."
            ),
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, (list, tuple)):
            return "\n".join(value)
        return value

    def clean(self, value):
        value = super().clean(value)
        places, errors = [], []
        for n, line in _lines(value):
            parts = [p.strip() for p in line.split(",", 2)]
            country_text = parts[0]
            sub_text = parts[1] if len(parts) > 1 else ""
            city = parts[2] if len(parts) > 2 else ""
            country = find_country(country_text)
            if country is None:
                errors.append(
                    _(
                        "Line %(n)d: “%(value)s” is not a country (name or ISO 3166 "
                        "code, e.g. Lào or LA)."
                    )
                    % {"n": n, "value": country_text}
                )
                continue
            sub = ""
            if sub_text:
                sub = find_subdivision(country, sub_text)
                if sub is None:
                    errors.append(
                        _(
                            "Line %(n)d: “%(value)s” is not a province or state of %(country)s "
                            "(ISO 3166-2, e.g. %(example)s)."
                        )
                        % {
                            "n": n,
                            "value": sub_text,
                            "country": country_name(country),
                            "example": next(iter(subdivisions_of(country)), "—"),
                        }
                    )
                    continue
            places.append(ActivityPlace(country=country, subdivision=sub, city=city[:120]))
        if errors:
            raise ValidationError(errors)
        return places


class MembersField(forms.CharField):
    """One delegation member a line: ``name, position, unit``."""

    widget = forms.Textarea(attrs={"rows": 4})

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("delegation members"))
        kwargs.setdefault(
            "help_text",
            _(
                "One person a line: name, position, unit — e.g. “Nguyễn Thị A, Chủ tịch, "
                "Hội LHPN tỉnh Đắk Lắk (trưởng đoàn)”. The role in brackets: trưởng đoàn, "
                "phó trưởng đoàn, thành viên, phiên dịch, khách nước ngoài."
            ),
        )
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        members = []
        for _n, line in _lines(value):
            line, role = member_role(line)
            parts = [p.strip() for p in line.split(",", 2)] + ["", ""]
            members.append(
                DelegationMember(
                    name=parts[0][:200],
                    position=parts[1][:200],
                    unit_name=parts[2][:255],
                    role=role,
                )
            )
        return members


def _role_words() -> dict[str, str]:
    """The words of each role in brackets at the end of a member's line, both languages."""
    from django.utils import translation

    words = {}
    for role in DelegationMember.Role:
        words[str(role.value)] = role.value
        for lang in ("vi", "en"):
            with translation.override(lang):
                words[str(role.label).lower()] = role.value
    return words


def member_role(line: str) -> tuple[str, str]:
    """``"…, Hội LHPN tỉnh Đắk Lắk (trưởng đoàn)"`` -> the line and ``"head"``."""
    if line.endswith(")") and "(" in line:
        head, _sep, word = line[:-1].rpartition("(")
        role = _role_words().get(word.strip().lower())
        if role:
            return head.strip(), role
    return line, ""


def place_line(place: ActivityPlace) -> str:
    return ", ".join([place.country, place.subdivision, place.city]).rstrip(", ")


def member_line(member: DelegationMember) -> str:
    line = ", ".join([member.name, member.position, member.unit_name]).rstrip(", ")
    return f"{line} ({member.get_role_display()})" if member.role else line


class URLListField(TagsField):
    @property
    def api_schema(self) -> dict:
        """The API's description: a list of web addresses."""
        return {"items": {"type": "string", "pattern": f"^{URL_PATTERN}$", "maxLength": 2048}}

    def to_python(self, value):
        urls = super().to_python(value)
        check = URLValidator()
        bad = []
        for url in urls:
            try:
                check(url)
            except ValidationError:
                bad.append(url)
        if bad:
            raise ValidationError(_("Not a web address: %(urls)s") % {"urls": ", ".join(bad)})
        return urls


def initial_state(activity) -> str:
    """A delegation or conference planned ahead starts its path as a draft plan; what
    already happened is recorded after the fact."""
    from django.utils import timezone

    from .delegation import PATH_KINDS

    if activity.kind in PATH_KINDS and activity.start_date > timezone.localdate():
        return Activity.State.DRAFT
    return Activity.State.RECORDED


class ActivityForm(RecordForm):
    change_scoped_fields = ("unit", "review")
    #: the agreement review is offered only on a review meeting (static/js/trip.js)
    shown_when = {
        "review": ("kind", "review_meeting"),
        "move_review_date": ("kind", "review_meeting"),
    }
    topics = TagsField(label=_("topics"), required=False, help_text=_("Separated by commas."))
    press_links = URLListField(
        label=_("press coverage"),
        required=False,
        help_text=_("Web addresses, separated by commas."),
    )
    places = PlacesField()
    members = MembersField()
    move_review_date = forms.BooleanField(
        label=_("Move the review's date to this meeting"),
        required=False,
        widget=forms.HiddenInput,
    )
    save_anyway = forms.BooleanField(
        label=_("Save anyway: it is a different activity"),
        required=False,
        widget=forms.HiddenInput,
    )
    after_field_name = "notes"
    after_field_template = "activities/trip_inlines.html"

    class Meta:
        model = Activity
        fields = [
            "title",
            "kind",
            "format",
            "start_date",
            "end_date",
            "unit",
            "units",
            "partners",
            "agreements",
            "review",
            "move_review_date",
            "parent",
            "places",
            "members",
            "topics",
            "participants_total",
            "participants_women",
            "outcomes",
            "main_purpose",
            "purpose",
            "funding_source",
            "estimated_cost",
            "gifts_planned",
            "decision_number",
            "decision_date",
            "decision_body",
            "report",
            "report_agreed",
            "report_proposals",
            "press_links",
            "shared_with",
            "notes",
            "save_anyway",
        ]

    def __init__(self, *args, user=None, inlines=True, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.inlines = (
            self._make_inlines(args[0] if args else kwargs.get("data")) if inlines else []
        )
        if self.instance.pk:
            self.draft_report()
            self.initial["places"] = "\n".join(place_line(p) for p in self.instance.places.all())
            self.initial["members"] = "\n".join(member_line(m) for m in self.instance.members.all())
            self.fields["parent"].queryset = self.fields["parent"].queryset.exclude(
                pk=self.instance.pk
            )
        elif user is not None and user.unit_id and not self.is_bound:
            self.initial.setdefault("units", [user.unit_id])
        self.fields["partners"].queryset = self.fields["partners"].queryset.only("id", "name_vi")
        self.fields["parent"].queryset = self.fields["parent"].queryset.only("id", "title")
        self.fields["review"].queryset = (
            self.fields["review"]
            .queryset.select_related("agreement")
            .exclude(state=Review.State.CLOSED)
        )
        self.fields["shared_with"].queryset = self.fields[
            "shared_with"
        ].queryset.model.objects.filter(valid_to__isnull=True, level__in=["central", "province"])

    def draft_report(self) -> None:
        """Back home with no report yet: the form offers one drafted from the trip's
        records, to edit before submitting."""
        if self.instance.state != Activity.State.REPORT_DUE:
            return
        from . import documents

        if not self.instance.report:
            gifts = None
            if self.user is not None:
                gifts = documents.trip_gifts(self.instance, self.user)
            self.initial["report"] = documents.draft_report(self.instance, gifts)
        if not self.instance.report_agreed:
            self.initial["report_agreed"] = documents.draft_agreed(self.instance)

    def clean_report_agreed(self):
        from .documents import agreed_errors

        text = self.cleaned_data.get("report_agreed", "")
        errors = agreed_errors(text)
        if errors:
            raise ValidationError(errors)
        return text

    def _make_inlines(self, data) -> list:
        """The rows typed inline: the trip's events, then what other apps add (gifts).
        A form posted without an inline's rows (the API, an older page) has none."""
        from .hooks import trip_inlines
        from .inlines import EventsInline

        inlines = [cls(self, data) for cls in [EventsInline, *trip_inlines.gather()]]
        if data is None:
            return inlines
        return [i for i in inlines if f"{i.prefix}-TOTAL_FORMS" in data]

    def is_valid(self):
        valid = super().is_valid()
        if not valid:
            for inline in self.inlines:  # the rows' own mistakes shown at once too
                inline.formset.is_valid()
            return False
        if not all([inline.is_valid() for inline in self.inlines]):
            self.add_error(None, _("Some rows below have mistakes: nothing was saved."))
            return False
        return True

    def clean(self):
        data = super().clean()
        self.check_review_move(data)
        self.check_duplicates(data)
        return data

    def ask(self, name: str) -> None:
        """Show the check box ``name`` (hidden until there is a question)."""
        self.fields[name].widget = forms.CheckboxInput()

    def check_review_move(self, data) -> None:
        """A review already held on another date is not moved without asking."""
        review, start = data.get("review"), data.get("start_date")
        if review is None or review.held_date is None or start is None:
            return
        if review.held_date == start or data.get("move_review_date"):
            self.instance._move_review_date = True
            return
        stored = self.instance
        if stored.pk and stored.review_id == review.pk and stored.start_date == review.held_date:
            self.instance._move_review_date = True  # this very meeting held it: it moves
            return
        self.ask("move_review_date")
        self.add_error(
            "review",
            _(
                "This review was already held on %(date)s. Tick “Move the review's date to "
                "this meeting” to change it, or leave the review empty."
            )
            % {"date": review.held_date.strftime("%d/%m/%Y")},
        )

    def check_duplicates(self, data) -> None:
        """Ask before saving an activity that looks like one already recorded: same
        unit, kind, overlapping dates and a shared partner. Only a form posted from
        the page (which carries the question's box) is asked: a spreadsheet import or an
        API call has its own reference and version to tell records apart."""
        if data.get("save_anyway") or "save_anyway" not in self.data:
            return
        found = self.likely_duplicates(data)
        if not found:
            return
        self.ask("save_anyway")
        self.duplicate_found = True
        for other in found:
            dates = other.start_date.strftime("%d/%m/%Y")
            if other.end_date and other.end_date != other.start_date:
                dates += " – " + other.end_date.strftime("%d/%m/%Y")
            self.add_error(
                None,
                _(
                    "This looks like an activity already recorded: “%(title)s” (%(dates)s). "
                    "If it is a different one, tick “Save anyway” and save again."
                )
                % {"title": other.title, "dates": dates},
            )

    def likely_duplicates(self, data) -> list:
        unit, kind, start = data.get("unit"), data.get("kind"), data.get("start_date")
        partners = data.get("partners")
        if not (unit and kind and start and partners):
            return []
        end = data.get("end_date") or start
        found = (
            Activity.objects.filter(
                unit=unit, kind=kind, partners__in=list(partners), start_date__lte=end
            )
            .filter(Q(end_date__gte=start) | Q(end_date__isnull=True, start_date__gte=start))
            .exclude(pk=self.instance.pk or 0)
        )
        if self.user is not None:
            found = found.filter(pk__in=Activity.objects.restrict(self.user, VIEW).values("pk"))
        return list(found.distinct().only("id", "title", "start_date", "end_date")[:3])

    def save(self, commit=True):
        new = self.instance.pk is None
        if new:
            self.instance.state = initial_state(self.instance)
        activity = super().save(commit=commit)
        if commit:
            self.save_children(activity, new=new)
        return activity

    def save_children(self, activity, *, new=False):
        """Places and members as typed: those of a new activity, and those changed."""
        places = self.cleaned_data.get("places")
        if (new or "places" in self.changed_data) and places is not None:
            activity.places.all().delete()
            for i, place in enumerate(places):
                place.activity = activity
                place.position = i
                place.save()
        members = self.cleaned_data.get("members")
        if (new or "members" in self.changed_data) and members is not None:
            activity.members.all().delete()
            for i, member in enumerate(members):
                member.activity = activity
                member.position_order = i
                member.save()
        review = self.cleaned_data.get("review")
        if review is not None:
            activity.agreements.add(review.agreement_id)
        activity.update_search_text()
        self.save_inlines(activity)

    def save_inlines(self, activity) -> None:
        """The rows typed inline, after the trip: events first (gifts are dated from
        them), through the one write path, in the trip's transaction."""
        events = {0: activity}
        for inline in self.inlines:
            inline.save(activity, events, self.user)
        for inline in reversed(self.inlines):  # gifts, then the events they were at
            inline.remove(self.user)
