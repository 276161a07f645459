"""Which summary cells a change touches (see ``summaries.py``), from the model signals.

A change is looked at twice: before (the row as it was: ``pre_save``, ``pre_delete``,
``pre_clear``) and after (as it is). The cells of both are recounted, so moving an
activity to another unit or month, or taking a partner off it, fixes the old cells as
well as the new ones. Deleting through foreign keys set to NULL and many-to-many rows
deleted with a record send no signals of their own: the ``pre_delete`` of the record
collects what they will touch.
"""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from doingoai.core.bulk import records_changed

from . import summaries as S
from .figures import DELEGATION_KINDS
from .summaries import Dirty, month_of

_OLD = "_summary_before"


# ---------------------------------------------------------------- per kind


def activity_cells(rows) -> Dirty:
    """Cells of activities given as (unit, start date, [partner ids], [taking-part
    unit ids], kind) rows."""
    d = Dirty()
    for unit_id, day, partners, parts, kind in rows:
        if unit_id is None or day is None:
            continue
        month = month_of(day)
        d.activities.add((unit_id, month))
        if kind in DELEGATION_KINDS:
            d.delegations.add((unit_id, month))
        for p in partners:
            d.reach.add((unit_id, p))
        for u in parts:
            d.took_part.add((unit_id, month, u))
    return d


def resource_cells(rows) -> Dirty:
    """Cells of resources given as (unit, date, partner) rows."""
    d = Dirty()
    for unit_id, day, partner_id in rows:
        if unit_id is None or day is None:
            continue
        d.resources.add((unit_id, month_of(day)))
        d.resource_partners.add((unit_id, month_of(day), partner_id or None))
        if partner_id:
            d.reach.add((unit_id, partner_id))
    return d


def agreement_cells(rows) -> Dirty:
    """Cells of agreements given as (unit, signed date, [partner ids]) rows."""
    d = Dirty()
    for unit_id, signed, partners in rows:
        if unit_id is None:
            continue
        if signed:
            d.agreements.add((unit_id, month_of(signed)))
        for p in partners:
            d.reach.add((unit_id, p))
    return d


def _activities(ids) -> Dirty:
    from doingoai.activities.models import Activity

    rows = Activity._base_manager.filter(pk__in=ids).values_list(
        "pk", "unit_id", "start_date", "kind"
    )
    partners = _partners_of(Activity, ids)
    parts = _links(Activity.units.through, "activity_id", "unit_id", ids)
    return activity_cells(
        (u, d, partners.get(pk, ()), parts.get(pk, ()), kind) for pk, u, d, kind in rows
    )


def _agreements(ids) -> Dirty:
    from doingoai.agreements.models import Agreement

    rows = Agreement._base_manager.filter(pk__in=ids).values_list("pk", "unit_id", "signed_date")
    partners = _partners_of(Agreement, ids)
    return agreement_cells((u, d, partners.get(pk, ())) for pk, u, d in rows)


def _resources(qs) -> Dirty:
    return resource_cells(qs.values_list("unit_id", "date", "partner_id"))


def _partners_of(model, ids) -> dict:
    return _links(model.partners.through, f"{model._meta.model_name}_id", "partner_id", ids)


def _links(through, source: str, target: str, ids) -> dict:
    """{record id: [linked ids]} of a many-to-many table."""
    out: dict = {}
    for pk, other in through.objects.filter(**{f"{source}__in": list(ids)}).values_list(
        source, target
    ):
        out.setdefault(pk, []).append(other)
    return out


# ---------------------------------------------------------------- saves and deletes


def _before_save(sender, instance, raw=False, **kw):
    if raw or instance.pk is None or not S.is_valid():
        return
    setattr(instance, _OLD, _cells_of(sender, [instance.pk]))


def _after_save(sender, instance, raw=False, created=False, **kw):
    if raw:
        return
    d = getattr(instance, _OLD, None) or Dirty()
    d.update(_cells_of(sender, [instance.pk]))
    if hasattr(instance, _OLD):
        delattr(instance, _OLD)
    if sender.__name__ == "Partner":
        _partner_saved(instance, d)
    S.note(d)


def _before_delete(sender, instance, **kw):
    if not S.is_valid():
        return
    setattr(instance, _OLD, _cells_of(sender, [instance.pk], deleting=True))


def _after_delete(sender, instance, **kw):
    d = getattr(instance, _OLD, None)
    if d:
        S.note(d)


def _cells_of(model, ids, deleting=False) -> Dirty:
    """The cells the records ``ids`` of ``model`` count in, as they are in the database
    (plus, when ``deleting``, the cells of the records that will lose a link to them)."""
    from doingoai.resources.models import Resource

    name = model.__name__
    if name == "Activity":
        d = _activities(ids)
        if deleting:  # resources handed over at it lose the place their country came from
            d.update(_resources(Resource._base_manager.filter(activity_id__in=ids)))
        return d
    if name == "Resource":
        return _resources(Resource._base_manager.filter(pk__in=ids))
    if name == "Agreement":
        d = _agreements(ids)
        if deleting:
            from doingoai.agreements.models import Agreement

            renewals = Agreement._base_manager.filter(renews_id__in=ids).values_list(
                "pk", flat=True
            )
            d.update(_agreements(list(renewals)))
            d.update(_resources(Resource._base_manager.filter(agreement_id__in=ids)))
        return d
    if name == "ActivityPlace":
        from doingoai.activities.models import ActivityPlace

        acts = list(
            ActivityPlace._base_manager.filter(pk__in=ids).values_list("activity_id", flat=True)
        )
        # its activity's cells too: the report's delegations read the places, and are
        # kept under the version of the subtree those cells are in
        d = _activities(acts)
        d.update(_resources(Resource._base_manager.filter(activity_id__in=acts)))
        return d
    if name == "DelegationMember":  # read by the report's delegations, like the places
        from doingoai.activities.models import DelegationMember

        acts = DelegationMember._base_manager.filter(pk__in=ids).values_list(
            "activity_id", flat=True
        )
        return _activities(list(acts))
    if name == "Partner":
        return _partner_links(ids[0]) if deleting else Dirty()
    return Dirty()


def _partner_links(partner_id) -> Dirty:
    """Everything counted through a partner: its activities (with or without partners),
    agreements, and the resources whose country may come from it."""
    from doingoai.activities.models import Activity
    from doingoai.agreements.models import Agreement
    from doingoai.resources.models import Resource

    acts = list(
        Activity.partners.through.objects.filter(partner_id=partner_id).values_list(
            "activity_id", flat=True
        )
    )
    agrs = list(
        Agreement.partners.through.objects.filter(partner_id=partner_id).values_list(
            "agreement_id", flat=True
        )
    )
    d = _activities(acts)
    d.update(_agreements(agrs))
    d.update(_resources(Resource._base_manager.filter(partner_id=partner_id)))
    d.update(_resources(Resource._base_manager.filter(agreement_id__in=agrs)))
    return d


def _partner_saved(partner, d: Dirty):
    """A partner's country is kept on its reach rows and decides its resources' country."""
    from .models import PartnerReach

    changed = PartnerReach.objects.filter(partner_id=partner.pk).exclude(country=partner.country)
    if changed.exists():
        changed.update(country=partner.country)
        d.update(_partner_links(partner.pk))


# ---------------------------------------------------------------- many-to-many


def _m2m(sender, instance, action, reverse, model, pk_set, **kw):
    """Partners of activities and agreements, taking-part units of activities."""
    from doingoai.activities.models import Activity
    from doingoai.agreements.models import Agreement
    from doingoai.resources.models import Resource

    if (
        sender
        not in (Activity.partners.through, Activity.units.through, Agreement.partners.through)
        or not S.is_valid()
    ):
        return
    owner = Agreement if sender is Agreement.partners.through else Activity
    partners = sender is not Activity.units.through
    if action == "pre_clear":  # the links about to go: remember what they count in
        ids = _reverse_ids(sender, owner, instance) if reverse else [instance.pk]
        setattr(instance, _OLD, _link_cells(owner, ids, Resource))
        return
    if action == "post_clear":
        d = getattr(instance, _OLD, None) or Dirty()
    elif action in ("post_add", "post_remove"):
        ids = list(pk_set or ()) if reverse else [instance.pk]
        d = _link_cells(owner, ids, Resource)
        if action == "post_remove":
            # the links taken off are no longer among the records' links: their cells too
            removed = [instance.pk] if reverse else list(pk_set or ())
            if partners:
                units = owner._base_manager.filter(pk__in=ids).values_list("unit_id", flat=True)
                d.reach |= {(u, p) for u in units for p in removed}
            else:
                for u, day in owner._base_manager.filter(pk__in=ids).values_list(
                    "unit_id", "start_date"
                ):
                    d.took_part |= {(u, month_of(day), part) for part in removed}
    else:
        return
    S.note(d)


def _link_cells(owner, ids, Resource) -> Dirty:
    """Cells of the activities or agreements ``ids``; for agreements also of the
    resources whose country may come from their partners."""
    d = _owner_cells(owner, ids)
    if owner.__name__ == "Agreement":
        d.update(_resources(Resource._base_manager.filter(agreement_id__in=ids)))
    return d


def _reverse_ids(sender, owner, instance) -> list:
    source = f"{owner._meta.model_name}_id"
    target = [
        f.attname for f in sender._meta.concrete_fields if f.is_relation and f.attname != source
    ][0]
    return list(sender.objects.filter(**{target: instance.pk}).values_list(source, flat=True))


def _owner_cells(owner, ids) -> Dirty:
    return _activities(list(ids)) if owner.__name__ == "Activity" else _agreements(list(ids))


def connect():
    from django.apps import apps

    models = [
        apps.get_model(label)
        for label in (
            "activities.Activity",
            "activities.ActivityPlace",
            "activities.DelegationMember",
            "resources.Resource",
            "agreements.Agreement",
            "partners.Partner",
        )
    ]
    for model in models:
        uid = f"summaries-{model._meta.label_lower}"
        pre_save.connect(_before_save, sender=model, dispatch_uid=f"{uid}-pre-save")
        post_save.connect(_after_save, sender=model, dispatch_uid=f"{uid}-post-save")
        pre_delete.connect(_before_delete, sender=model, dispatch_uid=f"{uid}-pre-delete")
        post_delete.connect(_after_delete, sender=model, dispatch_uid=f"{uid}-post-delete")
    m2m_changed.connect(_m2m, dispatch_uid="summaries-m2m")
    records_changed.connect(_changed_in_bulk, dispatch_uid="summaries-bulk")


def _changed_in_bulk(sender, ids, **kw):
    """Records written without model signals (``bulk_update``): their cells again."""
    if S.is_valid():
        S.note(_cells_of(sender, list(ids)))
