from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "doingoai.core"
    label = "core"
    verbose_name = "doingoai"

    def ready(self):
        from . import search

        search.connect_signals()
