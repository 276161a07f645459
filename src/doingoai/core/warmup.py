"""What every server worker's first requests would otherwise pay, done once in the
server's parent process before it forks its workers (``doingoai.wsgi``, gunicorn
``--preload``): the workers are born with it, and so is every worker that replaces one
recycled after ``--max-requests``.

Measured on the bench's data (1M activities, SQLite): a fresh worker's first central
dashboard after a change took 250 ms (the URLs' reverse table of the reader's language
built, 60 ms; the page's templates compiled, 40 ms; the rest as any first view after a
change), against 35 ms in a worker that had served it once. With five workers every one
pays it, and with ``--max-requests`` they pay it again all day.

Nothing here reads the database: a connection opened before the fork would be shared by
every worker."""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)


def urls() -> None:
    """The URLs' reverse table and the number and date formats, once per language of the
    site (Django builds each per active language, on first use in it)."""
    from django.conf import settings
    from django.urls import get_resolver
    from django.utils import formats, translation

    resolver = get_resolver()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            resolver.reverse_dict  # noqa: B018 - builds it for the active language
            formats.get_format_modules(code)


def template_names() -> list[str]:
    """The names of the project's own templates (``templates/`` folders of the package and
    of its apps), as ``get_template`` takes them."""
    from django.conf import settings

    names = set()
    for folder in Path(settings.PACKAGE_DIR).rglob("templates"):
        if folder.is_dir():
            names.update(f.relative_to(folder).as_posix() for f in folder.rglob("*.html"))
    return sorted(names)


def form_template_names() -> list[str]:
    """The templates Django draws form fields with (``django/forms/...``)."""
    import django.forms

    folder = Path(django.forms.__file__).parent / "templates"
    return sorted(f.relative_to(folder).as_posix() for f in folder.rglob("*.html"))


def templates() -> int:
    """Every template of the project compiled into the template engine's cached loader,
    with the tag libraries they load, and Django's form widgets' into the form
    renderer's (an engine of its own). A template that does not compile is left for its
    page to report (logged here, not raised: one broken page must not stop the site)."""
    from django.forms.renderers import get_default_renderer
    from django.template import TemplateDoesNotExist, TemplateSyntaxError
    from django.template.loader import get_template

    renderer = get_default_renderer()
    done = 0
    for get, names in (
        (get_template, template_names()),
        (renderer.get_template, form_template_names()),
    ):
        for name in names:
            try:
                get(name)
                done += 1
            except (TemplateDoesNotExist, TemplateSyntaxError) as exc:
                log.warning("template %s not compiled at start: %s", name, exc)
    return done


def lazy_imports() -> None:
    """What Django and this project import or work out on a worker's first request: the
    session engine and its serializer, the message storage, the templates' context
    processors, the tables each app's version follows (``core.keptquery``)."""
    from importlib import import_module

    from django.conf import settings
    from django.template import engines
    from django.utils.module_loading import import_string

    from . import keptquery

    import_module(settings.SESSION_ENGINE)
    import_string(settings.SESSION_SERIALIZER)
    import_string(settings.MESSAGE_STORAGE)
    for engine in engines.all():
        if hasattr(engine, "engine"):
            engine.engine.template_context_processors  # noqa: B018 - imports them
    keptquery.tracked_topics()
    keptquery.reader_topics()


def warm_up() -> None:
    urls()
    templates()
    lazy_imports()
