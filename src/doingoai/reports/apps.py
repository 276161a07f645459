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
