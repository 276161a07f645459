"""The registry of record kinds: each kind is a declaration; views, URLs, exports,
API endpoints and the generic tests are generated from it.

Declarations are loaded by each app's ``AppConfig.ready()`` (``core.apps.RecordApp``
imports the app's ``kinds``, ``views``, ``selectors`` and ``imports`` modules), so the
registry is complete before any URL, form or command is used.

A kind's pages beyond list / detail / add / edit / delete / export are declared
against it with :func:`kind_view`; the panels of its detail page with
:func:`detail_panel`; what other apps contribute to a page (a partner's timeline,
a unit's figures) through a :class:`Hook` the page's app declares.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model, QuerySet

from .scope import ADD, VIEW

REGISTRY: dict[str, type[RecordKind]] = {}


@dataclass
class Related:
    """A panel of related records on a detail page."""

    title: Any
    kind: str  # slug of the related kind
    lookup: str  # filter on the related model, e.g. "partners" -> related.filter(partners=obj)
    columns: list[str] = field(default_factory=list)
    limit: int = 20

    def queryset(self, obj, user) -> QuerySet:
        kind = REGISTRY[self.kind]
        return kind.scoped(user, VIEW).filter(**{self.lookup: obj}).distinct()


@dataclass
class KindView:
    """A page of a kind beyond the generic ones (``kind_view``)."""

    kind: type[RecordKind]
    name: str  # the URL name
    path: str  # below ``<slug>/<pk>/`` (detail) or ``<slug>/`` (list)
    view: Callable
    detail: bool
    action: str
    label: Any = None  # a button on the detail page / list page when set
    permission: Callable | None = None  # list views: who may open it, beyond the action
    prefix: str = ""  # the URL prefix: the kind's slug unless given


@dataclass
class Panel:
    """A part of a kind's detail page: a template and the context it needs."""

    template: str
    context: Callable | None = None  # (obj, user) -> dict
    order: int = 100


class RecordKind:
    """Declare a record kind by subclassing and setting attributes."""

    model: type[Model]
    slug: str
    form_class: type | None = None
    form_fields: list[str] = []
    filterset_class: type | None = None
    filter_fields: dict[str, list[str]] | list[str] = []
    table_class: type | None = None
    list_columns: list[str] = []
    list_select_related: list[str] = []
    list_prefetch_related: list = []
    #: an index holding the list's order (``ordering``) and the columns of the readers'
    #: scope: a scoped reader's first pages are read walking it (``core.views.WholeList``)
    list_order_index: str | None = None
    detail_fields: list[str] = []
    detail_select_related: list[str] = []
    related: list[Related] = []
    export_fields: list[str] = []
    search_fields: list[str] = []
    ordering: list[str] = ["-pk"]
    #: the order of the kind's records offered in pickers and filters, when it is not
    #: ``ordering`` (units: by level, then by name)
    choice_ordering: list | None = None
    has_attachments: bool = True
    attachment_kinds: list[str] = ["document", "photo"]
    # when False the kind is read-only in the generic UI (edited elsewhere)
    editable: bool = True
    api: bool = True
    #: the apps (data version topics) of the other records its records' names
    #: (``__str__``) read: the API's lists are kept under them with their records'
    #: versions (``api.crud.Endpoints.shown``). None: every app a foreign key leads to
    #: (a review is named after its agreement); ``()``: a name from the record's own
    #: fields (checked: ``tests/api/test_list_kept.py``)
    name_reads: tuple[str, ...] | None = None
    nav_group: str = "records"
    menu_order: int = 100
    # function(user) -> dict of initial form values
    initial: Callable | None = None
    #: named steps run by the write service after every save through it, in the same
    #: transaction: ``step(*, obj, acting_user, created)`` (see ``core.writing``)
    save_steps: list[Callable] = []

    # filled by kind_view / detail_panel
    views: list[KindView]
    panels: list[Panel]

    @classmethod
    def verbose_name(cls):
        return cls.model._meta.verbose_name

    @classmethod
    def verbose_name_plural(cls):
        return cls.model._meta.verbose_name_plural

    @classmethod
    def scoped(cls, user, action: str = VIEW) -> QuerySet:
        return cls.model._default_manager.restrict(user, action)

    @classmethod
    def list_queryset(cls, user) -> QuerySet:
        qs = cls.scoped(user, VIEW)
        if cls.list_select_related:
            qs = qs.select_related(*cls.list_select_related)
        if cls.list_prefetch_related:
            qs = qs.prefetch_related(*cls.list_prefetch_related)
        return cls.sorted(qs)

    @classmethod
    def count_list(cls, user, limit: int) -> int | None:
        """How many records the kind's list shows ``user`` unfiltered, counted up to
        ``limit``, when her scope's policy knows it without counting them one by one
        (``UnitOwned.count_visible``); None: count the list."""
        count = getattr(cls.model.scope_policy, "count_visible", None)
        if count is None:
            return None
        return count(cls.model._default_manager.all(), user, limit)

    @classmethod
    def sorted(cls, qs: QuerySet, *, choices: bool = False) -> QuerySet:
        """``qs`` in the kind's order (``choice_ordering`` for ``choices``), names and
        titles in Vietnamese alphabetical order (``core.text.collated``)."""
        from .text import collated

        ordering = (choices and cls.choice_ordering) or cls.ordering
        return qs.order_by(*collated(ordering, cls.model))

    @classmethod
    def detail_queryset(cls, user, action: str = VIEW) -> QuerySet:
        qs = cls.scoped(user, action)
        if cls.detail_select_related:
            qs = qs.select_related(*cls.detail_select_related)
        return qs

    @classmethod
    def get_form_class(cls):
        from .forms import record_form_factory

        if cls.form_class is None:
            cls.form_class = record_form_factory(cls.model, cls.form_fields)
        return cls.form_class

    @classmethod
    def get_filterset_class(cls):
        from .filters import filterset_factory

        if cls.filterset_class is None:
            cls.filterset_class = filterset_factory(cls.model, cls.filter_fields)
        return cls.filterset_class

    @classmethod
    def get_table_class(cls):
        from .tables import table_factory

        if cls.table_class is None:
            cls.table_class = table_factory(cls.model, cls.list_columns)
        return cls.table_class

    @classmethod
    def get_export_fields(cls) -> list[str]:
        return cls.export_fields or cls.list_columns

    @classmethod
    def object_actions(cls) -> list[KindView]:
        """The declared pages shown as buttons on a record's page."""
        return [v for v in cls.views if v.detail and v.label]

    @classmethod
    def list_actions(cls) -> list[KindView]:
        """The declared pages shown as buttons on the list."""
        return [v for v in cls.views if not v.detail and v.label]


def register(kind: type[RecordKind]) -> type[RecordKind]:
    """Class decorator: ``@register class PartnerKind(RecordKind): ...``."""
    if kind.slug in REGISTRY and REGISTRY[kind.slug] is not kind:
        raise ValueError(f"record kind {kind.slug!r} registered twice")
    REGISTRY[kind.slug] = kind
    kind.model.kind_slug = kind.slug
    kind.views = []
    kind.panels = []
    return kind


def _kind(kind) -> type[RecordKind]:
    if isinstance(kind, str):
        return REGISTRY[kind]
    if kind.slug not in REGISTRY or REGISTRY[kind.slug] is not kind:
        raise LookupError(f"{kind.__name__} is not registered")
    return kind


def kind_view(
    kind,
    name: str,
    *,
    path: str,
    detail: bool = True,
    action: str = VIEW,
    label=None,
    permission: Callable | None = None,
    prefix: str = "",
):
    """Declare a page of ``kind`` (its class or slug) beyond the generic ones.

    A detail page (``detail=True``) is ``<slug>/<pk>/<path>``; the view is called as
    ``view(request, obj)`` with the record already found in the reader's scope (404
    when she may not see it, 403 when she may see it but not do ``action`` on it).
    A list page is ``<slug>/<path>``, called as ``view(request)`` when the reader's
    role allows ``action`` (and ``permission(user)`` when given). ``label`` makes a
    button on the record's page (or the list) for those allowed."""

    def decorate(view):
        k = _kind(kind)
        if any(v.name == name for k2 in REGISTRY.values() for v in k2.views):
            raise ValueError(f"view {name!r} declared twice")
        k.views.append(
            KindView(
                kind=k,
                name=name,
                path=path,
                view=view,
                detail=detail,
                action=action,
                label=label,
                permission=permission,
                prefix=prefix or k.slug,
            )
        )
        return view

    return decorate


def detail_panel(kind, template: str, *, order: int = 100):
    """Declare a panel of ``kind``'s detail page: ``template`` rendered with the
    context the decorated function returns (``fn(obj, user) -> dict``)."""

    def decorate(fn):
        k = _kind(kind)
        k.panels.append(Panel(template=template, context=fn, order=order))
        k.panels.sort(key=lambda p: p.order)
        return fn

    return decorate


class Hook:
    """An extension point of one app's pages that other apps contribute to.

    The app that shows the page declares it (``partner_timeline = Hook(...)`` in
    ``partners/hooks.py``); an app with something to add decorates a function with
    ``@partner_timeline.provide``. ``hook.gather(*args)`` joins what every provider
    returns (lists), in the order the apps are installed. A mistyped hook is an
    ImportError, not a panel that silently disappears."""

    def __init__(self, name: str, doc: str = ""):
        self.name = name
        self.__doc__ = doc
        self.providers: list[Callable] = []

    def provide(self, fn: Callable) -> Callable:
        if fn not in self.providers:
            self.providers.append(fn)
        return fn

    def gather(self, *args, **kwargs) -> list:
        out: list = []
        for fn in self.providers:
            out += fn(*args, **kwargs)
        return out

    def __repr__(self):
        return f"<Hook {self.name}: {len(self.providers)} providers>"


def import_app_modules(name: str) -> list:
    """Import ``<app>.<name>`` of every doingoai app that has one (samples, demo...)."""

    from django.apps import apps

    modules = []
    for config in apps.get_app_configs():
        if config.name.startswith("doingoai."):
            module = optional_module(config.name, name)
            if module is not None:
                modules.append(module)
    return modules


def optional_module(package: str, name: str):
    """``package.name`` imported, or None when the package has no such module."""
    from importlib import import_module

    try:
        return import_module(f"{package}.{name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"{package}.{name}":
            raise
        return None


def kind_for_model(model) -> type[RecordKind] | None:
    for kind in REGISTRY.values():
        if kind.model is model or kind.model._meta.concrete_model is model:
            return kind
    return None


def in_order(queryset: QuerySet) -> QuerySet:
    """The choices of a form or a filter in order: the order the queryset was given,
    else its kind's, else its model's, names and titles in Vietnamese alphabetical
    order (a picker lists "Dự án …" before "Đại sứ quán …")."""
    from .text import collated

    model = queryset.model
    if queryset.query.order_by:
        return queryset.order_by(*collated(queryset.query.order_by, model))
    kind = kind_for_model(model)
    if kind is not None:
        return kind.sorted(queryset, choices=True)
    return queryset.order_by(*collated(model._meta.ordering, model))


def may_add(kind: type[RecordKind], user) -> bool:
    return kind.editable and kind.model.scope_policy.can_add(user)


__all__ = [
    "ADD",
    "REGISTRY",
    "Hook",
    "KindView",
    "Panel",
    "RecordKind",
    "Related",
    "detail_panel",
    "import_app_modules",
    "kind_for_model",
    "kind_view",
    "may_add",
    "optional_module",
    "register",
]
