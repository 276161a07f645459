from django.db.models import Case, When
from django.utils.translation import gettext_lazy as _

from doingoai.core.registry import RecordKind, Related, register
from doingoai.core.text import vietnamese_order

from .forms import TermForm, UnitForm, UserForm
from .models import Term, Unit, User


@register
class UnitKind(RecordKind):
    model = Unit
    slug = "units"
    name_reads = ()  # named by its own fields
    form_class = UnitForm
    filter_fields = {"level": ["exact"], "parent": ["exact"]}
    list_columns = ["name", "code", "level", "parent", "valid_to"]
    list_select_related = ["parent"]
    detail_fields = [
        "name",
        "code",
        "level",
        "area_name",
        "parent",
        "successor",
        "valid_from",
        "valid_to",
        "notes",
    ]
    detail_select_related = ["parent", "successor"]
    export_fields = [
        "name",
        "code",
        "level",
        "area_name",
        "parent",
        "successor",
        "valid_from",
        "valid_to",
    ]
    ordering = ["path"]
    #: pickers and filters: the central union, the provinces, then the communes, each by
    #: name in Vietnamese order
    choice_ordering = [
        Case(
            When(level=Unit.Level.CENTRAL, then=0),
            When(level=Unit.Level.PROVINCE, then=1),
            When(level=Unit.Level.DISTRICT, then=2),
            default=3,
        ),
        vietnamese_order("name"),
        "pk",
    ]
    menu_order = 10
    related = [
        Related(_("Units below"), "units", "parent"),
        Related(_("Merged into this unit"), "units", "successor"),
    ]


@register
class TermKind(RecordKind):
    model = Term
    slug = "terms"
    form_class = TermForm
    filter_fields = []
    list_columns = ["name", "start_date", "end_date"]
    detail_fields = ["name", "number", "start_date", "end_date", "directions", "notes"]
    ordering = ["number"]
    nav_group = "admin"
    menu_order = 80
    has_attachments = True


@register
class UserKind(RecordKind):
    model = User
    slug = "users"
    form_class = UserForm
    filter_fields = {"unit": ["exact"], "role": ["exact"], "is_active": ["exact"]}
    list_columns = ["username", "full_name", "unit", "role", "is_active", "last_login"]
    list_select_related = ["unit"]
    detail_fields = [
        "username",
        "full_name",
        "email",
        "position",
        "unit",
        "role",
        "is_active",
        "last_login",
        "date_joined",
    ]
    export_fields = ["username", "full_name", "email", "unit", "role", "is_active"]
    ordering = ["username"]
    nav_group = "admin"
    menu_order = 90
    has_attachments = False
    api = False
