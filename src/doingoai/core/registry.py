"""The registry of record kinds: each kind is a declaration; views, URLs, exports,
API endpoints and the generic tests are generated from it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model, QuerySet

from .scope import VIEW

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
    list_prefetch_related: list[str] = []
    detail_fields: list[str] = []
    detail_select_related: list[str] = []
    detail_panels: list[str] = []  # extra templates rendered on the detail page
    related: list[Related] = []
    export_fields: list[str] = []
    search_fields: list[str] = []
    ordering: list[str] = ["-pk"]
    # actions beyond editing shown on the detail page: (label, url name, required action)
    object_actions: list[tuple[Any, str, str]] = []
    # pages beyond the generic ones linked from the list: (label, url name, action)
    list_actions: list[tuple[Any, str, str]] = []
    has_attachments: bool = True
    attachment_kinds: list[str] = ["document", "photo"]
    # when False the kind is read-only in the generic UI (edited elsewhere)
    editable: bool = True
    api: bool = True
    nav_group: str = "records"
    menu_order: int = 100
    # function(user) -> dict of initial form values
    initial: Callable | None = None

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
        return qs.order_by(*cls.ordering)

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


def register(kind: type[RecordKind]) -> type[RecordKind]:
    """Class decorator: ``@register class PartnerKind(RecordKind): ...``."""
    if kind.slug in REGISTRY and REGISTRY[kind.slug] is not kind:
        raise ValueError(f"record kind {kind.slug!r} registered twice")
    REGISTRY[kind.slug] = kind
    kind.model.kind_slug = kind.slug
    return kind


def import_app_modules(name: str) -> list:
    """Import ``<app>.<name>`` of every doingoai app that has one (kinds, samples, ...)."""
    from importlib import import_module

    from django.apps import apps

    modules = []
    for config in apps.get_app_configs():
        if config.name.startswith("doingoai."):
            try:
                modules.append(import_module(f"{config.name}.{name}"))
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.{name}":
                    raise
    return modules


def hook(kind: type[RecordKind], name: str):
    """A kind's hook: its own attribute, else the function of that name in its app's
    ``pages`` module (so kinds need not forward to their pages one by one)."""
    fn = getattr(kind, name, None)
    if fn is None:
        from importlib import import_module

        try:
            pages = import_module(f"{kind.model.__module__.rsplit('.', 1)[0]}.pages")
        except ModuleNotFoundError:
            return None
        fn = getattr(pages, name, None)
    return fn


def gather(name: str, slugs, *args) -> list:
    """The hook ``name`` of each kind in ``slugs`` (those registered), results joined."""
    out = []
    for slug in slugs:
        kind = REGISTRY.get(slug)
        fn = hook(kind, name) if kind else None
        if fn:
            out += fn(*args)
    return out


def kind_for_model(model) -> type[RecordKind] | None:
    for kind in REGISTRY.values():
        if kind.model is model or kind.model._meta.concrete_model is model:
            return kind
    return None
