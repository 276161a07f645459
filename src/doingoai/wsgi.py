import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
application = get_wsgi_application()


def _warm_up():
    """Load what the first request would (URLs and their reverse table in every language,
    record kinds, every template compiled: ``core.warmup``), then move
    every object made so far out of the garbage collector's sight: ``doingoai serve``
    loads this module once (gunicorn ``--preload``) and forks the workers, whose
    collections then scan only what requests allocate (and share these pages)."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imports every app's views and kinds
    from doingoai.core import warmup

    warmup.warm_up()
    from doingoai.documents.layout import warm_up

    warm_up()  # WeasyPrint, Pango and the fonts: half a second in each worker's first PDF
    gc.collect()
    gc.freeze()


_warm_up()
