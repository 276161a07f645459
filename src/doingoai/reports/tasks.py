"""Background work of the reports (Django's tasks framework, database backend: run
``doingoai db_worker``; ``doingoai serve`` starts one)."""

from django.tasks import task


@task
def rebuild_summaries():
    """Count the summary tables again after the tree changed (a unit merged)."""
    from .summaries import rebuild

    rebuild()
