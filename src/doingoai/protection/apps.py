from doingoai.core.apps import RecordApp


class Config(RecordApp):
    name = "doingoai.protection"
    label = "protection"
    declarations = ("selectors",)

    def ready(self):
        super().ready()
        from .crypto import check_configured

        check_configured()  # no key in production: refuse to start
