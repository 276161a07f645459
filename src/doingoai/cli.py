"""The ``doingoai`` command: Django's management commands plus the project's own."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
    from django.core.management import execute_from_command_line

    if sys.argv[1:2] == ["runserver"]:
        _import_urls()
    execute_from_command_line([os.path.basename(sys.argv[0]) or "doingoai", *sys.argv[1:]])


def _import_urls() -> None:
    """Import the URLconf before ``runserver`` starts its threads. With the autoreloader,
    Django's reloader thread and the server's system checks both import it at once; the
    project's URLconf imports every app's views, long enough for the two imports to meet
    and one of them to get the module half-imported (every request then failed with "The
    included URLconf 'doingoai.urls' does not appear to have any patterns in it")."""
    import django
    from django.urls import get_resolver

    django.setup()
    get_resolver().url_patterns  # noqa: B018 - imports every app's URLs and views


if __name__ == "__main__":
    main()
