from doingoai.core.apps import RecordApp


class Config(RecordApp):
    name = "doingoai.reports"
    label = "reports"
    tracked = False  # the summary tables follow the records; they are not records

    def ready(self):
        super().ready()
        from doingoai.core import bulk
        from doingoai.organization.signals import unit_moved

        from . import summaries, tracking

        tracking.connect()
        unit_moved.connect(_unit_moved, dispatch_uid="summaries-unit-moved")
        from django.db.models.signals import post_save, pre_save

        from doingoai.organization.models import Term

        pre_save.connect(_term_before, sender=Term, dispatch_uid="summaries-term-before")
        post_save.connect(_term_saved, sender=Term, dispatch_uid="summaries-term-saved")
        bulk.register(summaries.batch)


def _unit_moved(sender, unit, old_path, **kwargs):
    """Every row above the moved units changes: count from the records until the
    summaries are rebuilt in the background."""
    from django.db import transaction

    from . import summaries
    from .tasks import rebuild_summaries

    if summaries.is_valid():
        summaries.invalidate()
        transaction.on_commit(rebuild_summaries.enqueue)


def _term_before(sender, instance, raw=False, **kwargs):
    if instance.pk and not raw:
        old = sender._base_manager.filter(pk=instance.pk)
        instance._summary_span = old.values_list("start_date", "end_date").first()


def _term_saved(sender, instance, created, raw=False, **kwargs):
    """A term made or given other dates: its partners' rows (``ResourcePartnerTerm``)
    and its money by country and kind (``ResourceTerm``) are summed again from the
    months, in the same transaction."""
    from . import summaries

    if raw:
        return
    span = (instance.start_date, instance.end_date)
    if (created or getattr(instance, "_summary_span", None) != span) and summaries.is_valid():
        summaries.rebuild_partner_terms([instance.pk])
        summaries.rebuild_resource_terms([instance.pk])
