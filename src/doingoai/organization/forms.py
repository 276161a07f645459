from django import forms
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from doingoai.core.forms import RecordForm
from doingoai.core.scope import ROLE_RANK, Role, is_system_admin

from .models import Term, Unit, User

# Django's own Vietnamese catalog still has the older wording of this message: named here
# so that makemessages keeps our translation of it
PASSWORD_TOO_SHORT = ngettext_lazy(
    "This password is too short. It must contain at least %d character.",
    "This password is too short. It must contain at least %d characters.",
    "min_length",
)


class TermForm(RecordForm):
    class Meta:
        model = Term
        fields = ["number", "name", "start_date", "end_date", "directions", "notes"]

    def clean(self):
        from doingoai.core.forms import date_order_error

        data = super().clean()
        msg = date_order_error(
            data.get("start_date"),
            data.get("end_date"),
            start_label=Term._meta.get_field("start_date").verbose_name,
            end_label=Term._meta.get_field("end_date").verbose_name,
        )
        if msg:
            self.add_error("end_date", msg)
        return data


class UnitForm(RecordForm):
    class Meta:
        model = Unit
        fields = ["name", "code", "level", "parent", "successor", "valid_from", "valid_to", "notes"]

    def clean(self):
        from doingoai.core.forms import date_order_error

        data = super().clean()
        msg = date_order_error(
            data.get("valid_from"),
            data.get("valid_to"),
            start_label=Unit._meta.get_field("valid_from").verbose_name,
            end_label=Unit._meta.get_field("valid_to").verbose_name,
        )
        if msg:
            self.add_error("valid_to", msg)
        if not data.get("parent") and data.get("level") != Unit.Level.CENTRAL:
            self.add_error("parent", _("A unit below the central level needs a parent unit."))
        return data


class UserForm(RecordForm):
    password = forms.CharField(
        label=_("New password"),
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Leave empty to keep the current password."),
    )

    class Meta:
        model = User
        fields = ["username", "full_name", "email", "position", "unit", "role", "is_active"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["unit"].required = True
        if user is not None and not is_system_admin(user):
            rank = ROLE_RANK[Role(user.role)]
            self.fields["role"].choices = [
                (value, label) for value, label in Role.choices if ROLE_RANK[Role(value)] <= rank
            ]
        if not self.instance.pk:
            self.fields["password"].required = True
            self.fields["password"].help_text = ""

    def clean_password(self):
        password = self.cleaned_data.get("password")
        if password:
            # the name and address being entered, not only the saved ones
            probe = User(
                username=self.cleaned_data.get("username") or self.instance.username,
                full_name=self.cleaned_data.get("full_name") or self.instance.full_name,
                email=self.cleaned_data.get("email") or self.instance.email,
            )
            validate_password(password, probe)
        return password

    def save(self, commit=True):
        user = super().save(commit=False)
        if self.cleaned_data.get("password"):
            user.set_password(self.cleaned_data["password"])
        if commit:
            user.save()
        return user
